#!/usr/bin/env python3
"""Pathological inputs are rendered in time linear in their size.

Each case is rendered at size N and 4N with the release build; the time
ratio (start-up time taken off) must stay under 8: linear work gives about
4, quadratic work 16. The smaller size is also rendered with the sanitizer
build (the program under test) to catch memory errors. Prints one line per
check, "ok - ..." or "not ok - ...".

Usage: tests/test_limits.py VANBAN OUTDIR   (VANBAN_REL: release build)
"""
import os
import resource
import subprocess
import sys

HEAD = """---
loai: ke-hoach
co_quan: Sở Giáo dục và Đào tạo
viet_tat: SGDĐT
dia_danh: Huế
ngay: 2024-01-19
ky: {chuc_vu: Giám đốc, ho_ten: Nguyễn Văn A}
luu: [VT]
---
"""


def nested_lists(n):
    return "- " * n + "mục\n"


def footnotes(n):
    refs = "".join(f"Câu {i}[^{i}].\n" for i in range(n))
    defs = "".join(f"[^{i}]: Chú thích {i}.\n\n" for i in range(n))
    return refs + "\n" + defs


def table_rows(n):
    rows = "".join(f"| {i} | Nhiệm vụ số {i} | Văn phòng | Tháng 4 |\n" for i in range(n))
    return "| TT | Nội dung | Chủ trì | Thời gian |\n|---|---|---|---|\n" + rows


def paragraph(megabytes):
    line = "Tiếp tục quán triệt, triển khai thực hiện đầy đủ các văn bản chỉ đạo.\n"
    return line * int(megabytes * 1024 * 1024 / len(line.encode()))


def headings(n):
    return "".join(f"# Phần {i}\n\n## Mục {i}\n\nNội dung.\n\n" for i in range(n // 2))


def emphasis(n):
    return "*a **b " * n + "x" + "** b* a" * n + "\n\n" + "*" * n + "y" + "*" * n + "\n"


def front(extra, subject="Kế hoạch"):
    """A front matter with extra lines and the given subject, and a body."""
    return HEAD.replace("---\n", f"---\ntrich_yeu: {subject}\n", 1).replace(
        "luu: [VT]\n", "luu: [VT]\n" + extra) + "Nội dung.\n"


def wide_rows(n):
    head = "| " + " | ".join(f"C{j}" for j in range(200)) + " |\n"
    sep = "|" + "---|" * 200 + "\n"
    return head + sep + "".join(
        "| " + " | ".join(str(i) for _ in range(200)) + " |\n" for i in range(n))


def links(n):
    return " ".join(f"[l{i}][r]" for i in range(n)) + "\n\n[r]: https://example.com\n"


def styled_runs(n):
    return " ".join(f"**a{i}** b" for i in range(n)) + "\n"


CASES = [
    ("10,000 nested list levels", nested_lists, 2500, 10000),
    ("100,000 footnotes", footnotes, 25000, 100000),
    ("50,000-row table", table_rows, 12500, 50000),
    ("10 MB paragraph", paragraph, 2.5, 10),
    ("5,000 headings", headings, 1250, 5000),
    ("deeply nested emphasis", emphasis, 2500, 10000),
    ("200-column table rows", wide_rows, 100, 400),
    ("reference links in one paragraph (PDF)", links, 12500, 50000),
    ("alternating bold runs (PDF)", styled_runs, 5000, 20000),
]

# Shapes that used to take minutes (issue 9): each must be refused at once
# with its message, in time that grows no faster than the input.
REFUSED = [
    ("400 KB of nested '[' in the front matter",
     lambda n: front("x: " + "[" * n + "\n"), 25000, 100000, "lồng quá nhiều"),
    ("150,000 unknown keys",
     lambda n: front("".join(f"k{i}: v\n" for i in range(n))), 37500, 150000,
     "quá dài"),
    ("5 MB scalar without spaces",
     lambda n: front("co_quan_chu_quan: " + "x" * n + "\n"), 1250000, 5000000,
     "quá dài"),
    ("2 MB trích yếu without spaces",
     lambda n: front("", "y" * n), 500000, 2000000, "quá dài"),
    ("trích yếu over 2000 bytes", lambda n: front("", "y " * n), 1100, 4400,
     "dài quá 2000"),
    ("1 MB of table pipes",
     lambda n: HEAD + "|" * n + "\n|" + "-|" * 10 + "\n", 250000, 1000000,
     "quá nhiều dấu |"),
    ("1 MB word without spaces",
     lambda n: HEAD + "z" * n + "\n", 250000, 1000000, "dài hơn 2000"),
    ("deep flow nesting in a small front matter",
     lambda n: front("x: " + "[a, " * n + "]" * n + "\n"), 40, 160,
     "lồng quá nhiều"),
]


def overlapping_merges(path, n):
    """Writes an .xlsx whose n merged regions all overlap one small region
    at their last cell (each used to cost a scan of the whole sheet)."""
    import zipfile
    ns = "http://schemas.openxmlformats.org/"
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>x</t></is>'
                   f'</c><c r="GR{r}" t="inlineStr"><is><t>y</t></is></c></row>'
                   for r in range(1, 1001))
    merges = '<mergeCell ref="GQ1000:GR1000"/>' + '<mergeCell ref="A1:GR1000"/>' * n
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}'
             f'spreadsheetml/2006/main"><sheetData>{rows}</sheetData>'
             f'<mergeCells count="{n + 1}">{merges}</mergeCells></worksheet>')
    parts = {
        "[Content_Types].xml": f'<?xml version="1.0"?><Types xmlns="{ns}package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="{ns}package/2006/relationships"><Relationship Id="rId1" Type="{ns}officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook xmlns="{ns}spreadsheetml/2006/main" xmlns:r="{ns}officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0"?><Relationships xmlns="{ns}package/2006/relationships"><Relationship Id="rId1" Type="{ns}officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
        z.writestr("xl/worksheets/sheet1.xml", sheet,
                   compress_type=zipfile.ZIP_STORED)


def cpu():
    """Returns the CPU seconds (user + system) used by finished children."""
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def render(binary, path, out, limit=None):
    """Renders path to out; returns (exit code, CPU seconds, stderr). CPU
    time, not wall time, so that other load on the machine matters less.
    A run past limit seconds (wall time) is killed and counts as failed."""
    t0 = cpu()
    try:
        r = subprocess.run([binary, "render", path, "-o", out],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           timeout=limit)
    except subprocess.TimeoutExpired:
        return -9, 60.0, "timeout"
    return r.returncode, cpu() - t0, r.stderr.decode(errors="replace")


def best(binary, path, out, runs=3):
    """Returns the best time of a few runs (and the last exit code)."""
    times, rc = [], 0
    for _ in range(runs):
        rc, t, _ = render(binary, path, out)
        times.append(t)
    return rc, min(times)


def main():
    san, outdir = sys.argv[1], sys.argv[2]
    rel = os.environ.get("VANBAN_REL") or os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "vanban")
    os.makedirs(outdir, exist_ok=True)
    failed = 0

    def check(cond, name):
        nonlocal failed
        print(("ok - " if cond else "not ok - ") + name)
        failed += not cond

    tiny = os.path.join(outdir, "tiny.md")
    with open(tiny, "w", encoding="utf-8") as f:
        f.write(HEAD + "Nội dung.\n")
    _, base = best(rel, tiny, os.path.join(outdir, "tiny.docx"), 5)
    _, sbase = best(san, tiny, os.path.join(outdir, "tiny.docx"), 3)
    for name, gen, small, large in CASES:
        paths = []
        for size in (small, large):
            p = os.path.join(outdir, f"{gen.__name__}-{size}.md")
            with open(p, "w", encoding="utf-8") as f:
                f.write(HEAD + gen(size))
            paths.append(p)
        out = os.path.join(outdir, gen.__name__ + (
            ".pdf" if "(PDF)" in name else ".docx"))
        quarter = os.path.join(outdir, f"{gen.__name__}-q.md")
        with open(quarter, "w", encoding="utf-8") as f:
            f.write(HEAD + gen(small / 4 if isinstance(small, float)
                               else small // 4))
        _, tq, _ = render(san, quarter, out)
        rc, ts, err = render(san, paths[0], out)
        check(rc == 0 and os.path.getsize(out) > 0 and "Sanitizer" not in err
              and "runtime error" not in err, f"{name}: size N renders under ASan/UBSan")
        # The sanitizer's realloc always copies: a buffer grown to the exact
        # size of each write (libxml2's default) is quadratic there.
        sratio = max(ts - sbase, 0.1) / max(tq - sbase, 0.1)
        print(f"# {name} (ASan): N/4 {tq:.3f} s, N {ts:.3f} s, ratio {sratio:.1f}")
        check(sratio < 8, f"{name}: linear under ASan/UBSan too "
              f"(N/(N/4) = {sratio:.1f} < 8)")
        rc1, t1 = best(rel, paths[0], out)
        rc2, t2 = best(rel, paths[1], out)
        floor = 0.01
        ratio = max(t2 - base, floor) / max(t1 - base, floor)
        print(f"# {name}: N {t1:.3f} s, 4N {t2:.3f} s, ratio {ratio:.1f}")
        check(rc1 == 0 and rc2 == 0, f"{name}: both sizes render")
        check(ratio < 8, f"{name}: time grows linearly (4N/N = {ratio:.1f} < 8)")
    for name, gen, small, large, msg in REFUSED:
        times = []
        for size in (small, large):
            p = os.path.join(outdir, f"refused-{len(times)}.md")
            with open(p, "w", encoding="utf-8") as f:
                f.write(gen(size))
            out = os.path.join(outdir, "refused.pdf")
            rc, t, err = render(rel, p, out, 120)
            times.append(t)
            check(rc == 1 and msg in err and not os.path.exists(out),
                  f"{name} (size {size}): refused with '{msg}', nothing written")
        rc, _, err = render(san, p, out)
        check(rc == 1 and "Sanitizer" not in err and "runtime error" not in err,
              f"{name}: refused under ASan/UBSan")
        # Refusals take a few hundredths of a second, where the machine's
        # load is most of the ratio: it counts only past half a second.
        ratio = max(times[1] - base, 0.5) / max(times[0] - base, 0.5)
        print(f"# {name}: N {times[0]:.3f} s, 4N {times[1]:.3f} s, ratio {ratio:.1f}")
        check(times[1] < 5 and ratio < 8,
              f"{name}: refused at once ({times[1]:.2f} s, ratio {ratio:.1f} < 8)")
    # An .xlsx of overlapping merged regions: refused, in linear time.
    times = []
    for n in (25000, 100000):
        x = os.path.join(outdir, f"merges-{n}.xlsx")
        overlapping_merges(x, n)
        doc = os.path.join(outdir, f"merges-{n}.md")
        with open(doc, "w", encoding="utf-8") as f:
            f.write(HEAD.replace("luu: [VT]\n", "luu: [VT]\nphu_luc:\n"
                                 f"  - tieu_de: Bảng\n    bang: merges-{n}.xlsx\n")
                    + "Nội dung, xem phụ lục.\n")
        rc, t, err = render(rel, doc, os.path.join(outdir, "merges.docx"), 120)
        times.append(t)
        check(rc == 1 and "chồng lên nhau" in err,
              f"xlsx with {n} overlapping merges refused")
    check(times[1] < 5, f"overlapping merges refused at once ({times[1]:.2f} s)")
    # Past the size limit: a clear message, nothing written.
    big = os.path.join(outdir, "big.md")
    with open(big, "w", encoding="utf-8") as f:
        f.write(HEAD + paragraph(33))
    out = os.path.join(outdir, "big.docx")
    rc, _, err = render(rel, big, out)
    check(rc == 1 and "giới hạn" in err and not os.path.exists(out),
          "input over 32 MB refused with a message, nothing written")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
