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


CASES = [
    ("10,000 nested list levels", nested_lists, 2500, 10000),
    ("100,000 footnotes", footnotes, 25000, 100000),
    ("50,000-row table", table_rows, 12500, 50000),
    ("10 MB paragraph", paragraph, 2.5, 10),
    ("5,000 headings", headings, 1250, 5000),
    ("deeply nested emphasis", emphasis, 2500, 10000),
]


def cpu():
    """Returns the CPU seconds (user + system) used by finished children."""
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def render(binary, path, out):
    """Renders path to out; returns (exit code, CPU seconds, stderr). CPU
    time, not wall time, so that other load on the machine matters less."""
    t0 = cpu()
    r = subprocess.run([binary, "render", path, "-o", out],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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
    for name, gen, small, large in CASES:
        paths = []
        for size in (small, large):
            p = os.path.join(outdir, f"{gen.__name__}-{size}.md")
            with open(p, "w", encoding="utf-8") as f:
                f.write(HEAD + gen(size))
            paths.append(p)
        out = os.path.join(outdir, gen.__name__ + ".docx")
        rc, _, err = render(san, paths[0], out)
        check(rc == 0 and os.path.getsize(out) > 0 and "Sanitizer" not in err
              and "runtime error" not in err, f"{name}: size N renders under ASan/UBSan")
        rc1, t1 = best(rel, paths[0], out)
        rc2, t2 = best(rel, paths[1], out)
        floor = 0.01
        ratio = max(t2 - base, floor) / max(t1 - base, floor)
        print(f"# {name}: N {t1:.3f} s, 4N {t2:.3f} s, ratio {ratio:.1f}")
        check(rc1 == 0 and rc2 == 0, f"{name}: both sizes render")
        check(ratio < 8, f"{name}: time grows linearly (4N/N = {ratio:.1f} < 8)")
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
