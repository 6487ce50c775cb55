#!/usr/bin/env python3
"""test_pdf.py VANBAN OUTDIR - checks of the PDF renderer.

For every document in content/: the PDF renders, passes qpdf --check,
embeds subset fonts, is A4 (landscape where an appendix is), carries the
metadata, extracts as clean NFC Vietnamese, numbers its pages from 2 and
again in each appendix, has a bookmark per numbered heading and appendix,
has the empty signature field, and agrees with LibreOffice's rendering of
the DOCX (tests/compare_pdf.py) when soffice is installed.

Then a generated stress document checks the page breaker: no lone first
or last line of a paragraph, headings never last on a page, table heading
rows repeated, footnotes on the page that cites them, links, and the
signature block on the page of the last paragraph.

Prints one "ok - …" / "not ok - …" line per check; exits 1 on failure.
"""
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import compare_pdf  # noqa: E402

FAILS = 0

# Pango/fontconfig keep the private font config at exit; see lsan.supp.
os.environ.setdefault("LSAN_OPTIONS", "suppressions=" +
                      os.path.join(HERE, "lsan.supp"))


def check(ok, what):
    """Prints the result of one check."""
    global FAILS
    if ok:
        print(f"ok - {what}")
    else:
        FAILS += 1
        print(f"not ok - {what}")
    return ok


def skip(what, why):
    """Prints a skipped check."""
    print(f"ok - {what} # SKIP {why}")


def run(args, **kw):
    """Runs a command; returns (exit status, stdout text, stderr text)."""
    p = subprocess.run(args, capture_output=True, **kw)
    return (p.returncode, p.stdout.decode("utf-8", "replace"),
            p.stderr.decode("utf-8", "replace"))


def pdf_objects(pdf):
    """Returns qpdf's JSON objects of pdf, values unwrapped."""
    _, out, _ = run(["qpdf", "--json", "--json-key=qpdf", pdf])
    j = json.loads(out)
    objs = j["qpdf"][1]
    res = {}
    for k, v in objs.items():
        if isinstance(v, dict) and "value" in v:
            v = v["value"]
        res[k.replace("obj:", "")] = v
    return res


def outline_titles(pdf):
    """Returns the titles of every bookmark of pdf, depth first."""
    objs = pdf_objects(pdf)
    root = next((v for v in objs.values() if isinstance(v, dict) and
                 v.get("/Type") == "/Catalog"), {})
    titles = []

    def walk(ref, depth):
        while ref and depth < 50:
            item = objs.get(ref, {})
            t = item.get("/Title", "")
            titles.append(t[2:] if t.startswith("u:") else t)
            walk(item.get("/First"), depth + 1)
            ref = item.get("/Next")

    out = objs.get(root.get("/Outlines", ""), {})
    walk(out.get("/First"), 0)
    return titles


def link_uris(pdf):
    """Returns the URIs of the link annotations of pdf."""
    uris = []
    for v in pdf_objects(pdf).values():
        if isinstance(v, dict) and v.get("/Subtype") == "/Link":
            uri = v.get("/A", {}).get("/URI", "")
            uris.append(uri[2:] if uri.startswith("u:") else uri)
    return uris


def fill_colours(pdf, out):
    """Returns the set of RGB fill colours set in the page content of pdf
    (qpdf --qdf writes the streams uncompressed)."""
    qdf = os.path.join(out, os.path.basename(pdf) + ".qdf")
    run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf])
    with open(qdf, "rb") as f:
        data = f.read()
    found = set()
    for m in re.finditer(rb"(?<![\w.])([\d.]+) ([\d.]+) ([\d.]+) rg\b", data):
        found.add(tuple(float(v) for v in m.groups()))
    return found


def page_sizes(pdf, n):
    """Returns (width, height) in pt of pages 1..n."""
    _, out, _ = run(["pdfinfo", "-f", "1", "-l", str(n), pdf])
    return [(float(a), float(b)) for a, b in
            re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)]


def dump(vanban, md):
    """Returns vanban's dump of md, or None when it does not parse."""
    rc, out, _ = run([vanban, "dump", md])
    return out if rc == 0 else None


def numbering_ok(pages):
    """Returns (True, "") when page numbers run 2, 3, … after each page
    without one (the first page of the body or of an appendix)."""
    count = 0
    for i, text in enumerate(pages):
        toks = text.split()
        if toks and toks[0].isdigit():
            if int(toks[0]) != count + 1:
                return False, f"page {i + 1} numbered {toks[0]}"
            count += 1
        else:
            # an appendix, or a document issued with the body's (its
            # own header)
            if i > 0 and not re.match(r"\s*(Phụ lục|PHỤ LỤC)", text) and \
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text:
                return False, f"page {i + 1} has no number"
            count = 1
    return True, ""


def check_document(vanban, md, out):
    """Runs every check on one content document."""
    name = os.path.basename(md)[:-3]
    d = dump(vanban, md)
    if d is None:
        skip(f"{name}: PDF checks", "the parser rejects the document")
        return
    pdf = os.path.join(out, name + ".pdf")
    rc, _, err = run([vanban, "render", md, "-o", pdf])
    if not check(rc == 0 and os.path.exists(pdf), f"{name}: renders"):
        print(err)
        return
    with open(pdf, "rb") as f:
        head = f.read(8)
    m = re.match(rb"%PDF-(\d)\.(\d)", head)
    check(m and (int(m[1]), int(m[2])) >= (1, 4), f"{name}: PDF >= 1.4")
    rc, _, _ = run(["qpdf", "--check", pdf])
    check(rc == 0, f"{name}: qpdf --check passes")
    _, fonts, _ = run(["pdffonts", pdf])
    rows = [ln.split() for ln in fonts.splitlines()[2:] if ln.strip()]
    check(rows and all(r[-5:-2] == ["yes", "yes", "yes"] for r in rows) and
          all("LiberationSerif" in r[0] for r in rows),
          f"{name}: every font embedded as a subset with a Unicode map")
    _, info, _ = run(["pdfinfo", pdf])
    meta = dict(re.findall(r"^(\w+):\s+(.*)$", info, re.M))
    props = dict(re.findall(r"^(title|author|subject): (.*)$",
                            d.split("--- props")[-1], re.M))
    check(meta.get("Creator", "").startswith("vanban ") and
          meta.get("Title") == props.get("title") and
          meta.get("Author") == props.get("author") and
          meta.get("Subject") == props.get("subject") and
          "CreationDate" in meta, f"{name}: metadata")
    check(meta.get("Tagged") == "yes",
          f"{name}: Cairo's structure tree intact (Tagged: yes)")
    n = int(meta.get("Pages", "0"))
    sizes = page_sizes(pdf, n)
    a4 = [(round(w), round(h)) for w, h in sizes]
    landscape = "(landscape)" in d
    check(all(s in [(595, 842), (842, 595)] for s in a4) and
          ((842, 595) in a4) == landscape and a4[0] == (595, 842),
          f"{name}: A4 pages, landscape only for landscape appendices")
    pages = compare_pdf.page_texts(pdf)
    text = "\n".join(pages)
    check(unicodedata.is_normalized("NFC", text) and "\ufffd" not in text
          and not re.search("[\ufb00-\ufb06\ue000-\uf8ff]", text),
          f"{name}: text extracts as NFC without ligatures or bad glyphs")
    sign = re.findall(r"^name: (.*)$", d, re.M)
    flat = " ".join(text.split())
    check("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in flat and
          "Độc lập - Tự do - Hạnh phúc" in flat and
          all(s in flat for s in sign),
          f"{name}: Quốc hiệu, Tiêu ngữ and signer's name in the text")
    ok, why = numbering_ok(pages)
    check(ok, f"{name}: page numbers from 2, again in each appendix {why}")
    heads = re.findall(r"^\d+:\d+ heading \d+ \[([^\]]+)\] (?:\(label\) )?(.*)$", d,
                       re.M)
    # scheme (a): "Chương I. QUY ĐỊNH CHUNG", "Điều 1. Phạm vi …"
    heads += [(num + ".", t) for num, t in re.findall(
        r"^\d+:\d+ division \d+ \[([^\]]+)\] (.*)$", d, re.M)]
    heads += re.findall(r"^\d+:\d+ article \[([^\]]+)\] \(titled\) (.*)$",
                        d, re.M)
    apps = re.findall(r"^--- appendix", d, re.M)
    titles = outline_titles(pdf)
    want = [f"{num} {t}" for num, t in heads]
    check(len(titles) == len(want) + len(apps) and
          all(w in titles for w in want),
          f"{name}: bookmarks for {len(want)} headings and {len(apps)} "
          f"appendices (found {len(titles)})")
    role = re.findall(r"^role: (.*)$", d, re.M)
    _, sig, _ = run(["pdfsig", pdf])
    if not role:    # issued with a quyết định: signed only there
        check("Signature Field" not in sig,
              f"{name}: no signer, no signature field")
    else:           # the main signer: the only one, or the last
        check(f"Signature Field Name: {role[-1]}" in sig and
              "not signed" in sig, f"{name}: empty signature field {role}")
        check_field_place(pdf, d, name)
    fidelity(vanban, md, pdf, out, name)


def check_field_place(pdf, d, name):
    """The signature field lies between the signer's last title line and
    the name, 40-100 mm wide, in the right half of the page."""
    objs = pdf_objects(pdf)
    rect = next((v.get("/Rect") for v in objs.values()
                 if isinstance(v, dict) and v.get("/FT") == "/Sig"), None)
    signer = re.findall(r"^name: (.*)$", d, re.M)
    titles = re.findall(r"^sign: (.*)$", d, re.M)
    if rect is None or not signer or not titles:
        check(False, f"{name}: signature field placed (no field or signer)")
        return
    words, widths = compare_pdf.bbox_words(pdf)
    first = signer[-1].split()[0]
    last_title = titles[-1].split()[-1]
    nw = [w for w in words if w.text == first]
    page = nw[-1].page if nw else 0
    # the title line above the name (a copy's signer comes after it)
    tw = [w for w in words if w.page == page and w.text == last_title and
          nw and w.base <= nw[-1].y + 1]
    _, info, _ = run(["pdfinfo", "-f", str(page), "-l", str(page), pdf])
    m = re.search(r"Page\s+\d+ size:\s+[\d.]+ x ([\d.]+)", info)
    if not (nw and tw and m):
        check(False, f"{name}: signature field placed (signer not found)")
        return
    ph = float(m[1])
    top, bottom = ph - rect[3], ph - rect[1]
    wmm = (rect[2] - rect[0]) * compare_pdf.PT_TO_MM
    check(tw[-1].base <= top + 1 and bottom <= nw[-1].y + 1 and
          40 <= wmm <= 100 and rect[0] > widths[page - 1] * 0.4,
          f"{name}: signature field between title and name, {wmm:.0f} mm "
          f"wide")


# Documents waiting for the comparison with LibreOffice: (name, md, pdf).
PENDING = []


def fidelity(vanban, md, pdf, out, name, after=None):
    """Queues the PDF to be held against LibreOffice's rendering of the
    DOCX; fidelity_all() runs the queue, then after(LibreOffice's PDF)."""
    PENDING.append((name, md, pdf, after))


def fidelity_all(vanban, out):
    """Holds each queued PDF against LibreOffice's rendering of its DOCX:
    the DOCX are rendered two at a time, converted by one LibreOffice
    (started once, not once per document) and compared two at a time."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        for name, _, _, _ in PENDING:
            skip(f"{name}: agrees with the DOCX", "no LibreOffice")
        return
    pool = concurrent.futures.ThreadPoolExecutor(2)
    docx = {p[0]: os.path.join(out, p[0] + ".docx") for p in PENDING}
    rcs = list(pool.map(lambda p: run([vanban, "render", p[1], "-o",
                                       docx[p[0]]])[0], PENDING))
    todo = [(p, rc) for p, rc in zip(PENDING, rcs)]
    for (name, _, _, _), rc in todo:
        if rc != 0:
            skip(f"{name}: agrees with the DOCX", "the DOCX does not render")
    ready = [p for p, rc in todo if rc == 0]
    lo = os.path.join(out, "lo")
    os.makedirs(lo, exist_ok=True)
    run([soffice, "--headless", "-env:UserInstallation=file://" +
         os.path.join(out, "lo-profile"), "--convert-to", "pdf", "--outdir",
         lo] + [docx[p[0]] for p in ready], timeout=900)

    def compare(p):
        name, _, pdf, _ = p
        lopdf = os.path.join(lo, name + ".pdf")
        if not os.path.exists(lopdf):
            return None
        return run([sys.executable, os.path.join(HERE, "compare_pdf.py"),
                    pdf, lopdf])
    for (name, _, _, after), res in zip(ready, pool.map(compare, ready)):
        if res is None:
            check(False, f"{name}: LibreOffice converts the DOCX")
            continue
        figures = "; ".join(ln for ln in res[1].splitlines()
                            if not ln.startswith("  "))
        check(res[0] == 0,
              f"{name}: agrees with the DOCX in LibreOffice ({figures})")
        if after is not None:
            after(os.path.join(lo, name + ".pdf"))
    pool.shutdown()


STRESS_HEAD = """---
loai: ke-hoach
co_quan_chu_quan: UBND tỉnh Bắc Giang
co_quan: Sở Giáo dục và Đào tạo
viet_tat: SGDĐT
so: 7
dia_danh: Bắc Giang
ngay: 2024-01-19
trich_yeu: Thử phân trang của bản PDF
noi_nhan:
  - Các phòng thuộc Sở
luu: [VT, VP]
ky:
  quyen_han: KT
  thu_truong: Giám đốc
  chuc_vu: Phó Giám đốc
  ho_ten: Nguyễn Văn Thử
---
"""

FILL = ("thực hiện có hiệu quả các nhiệm vụ kiểm soát thủ tục hành chính, "
        "cải cách thủ tục hành chính gắn với cơ chế một cửa, một cửa liên "
        "thông trong giải quyết thủ tục hành chính cho người dân")


def stress_markdown():
    """Returns a long document whose words mark every paragraph's first
    and last line, table rows, footnotes and headings."""
    out = [STRESS_HEAD]
    k = 0
    for sec in range(1, 9):
        out.append(f"# Phần thử {sec}\n")
        for sub in range(1, 4):
            out.append(f"## Mục thử {sec}.{sub}\n")
            for _ in range(3):
                k += 1
                words = (FILL + " ") * (1 + (k * 7) % 5)
                note = f" THAMCHIẾU{k}[^n{k}]" if k % 9 == 0 else ""
                out.append(f"ĐẦUĐOẠN{k} {words}{note} CUỐIĐOẠN{k}.\n")
        if sec == 3:
            out.append("Xem [Cổng dịch vụ công](https://dichvucong.gov.vn/p)"
                       " để biết thêm.\n")
            out.append("| TT | TIÊUĐỀBẢNG | Ghi chú |\n|---|---|---|")
            for r in range(1, 61):
                out.append(f"| {r} | HÀNGBẢNG{r} {FILL[:40 + r % 50]} | x |")
            out.append("")
    out.append("CUỐICÙNG Trên đây là kế hoạch thử./.\n")
    for j in range(9, k + 1, 9):
        out.append(f"[^n{j}]: GHICHÚ{j} chú thích số {j}.\n")
    return "\n".join(out)


def lines_by_page(pdf):
    """Returns, per page, the text lines (lists of words) top to bottom."""
    words, _ = compare_pdf.bbox_words(pdf)
    pages = {}
    for w in words:
        pages.setdefault(w.page, []).append(w)
    res = []
    for p in sorted(pages):
        lines = []
        for w in sorted(pages[p], key=lambda w: (w.base, w.x)):
            if lines and abs(lines[-1][0].base - w.base) < 2:
                lines[-1].append(w)
            else:
                lines.append([w])
        res.append([[w.text for w in ln] for ln in lines])
    return res


def check_stress(vanban, out):
    """Renders the stress document and checks the page breaker."""
    md = os.path.join(out, "stress.md")
    with open(md, "w", encoding="utf-8") as f:
        f.write(stress_markdown())
    pdf = os.path.join(out, "stress.pdf")
    rc, _, err = run([vanban, "render", md, "-o", pdf])
    if not check(rc == 0, "stress: renders"):
        print(err)
        return
    rc, _, _ = run(["qpdf", "--check", pdf])
    check(rc == 0, "stress: qpdf --check passes")
    pages = lines_by_page(pdf)
    check(len(pages) >= 10, f"stress: {len(pages)} pages")
    text = "".join(compare_pdf.page_texts(pdf))
    order = [int(n) for n in re.findall(r"ĐẦUĐOẠN(\d+)", text)]
    check(order == list(range(1, len(order) + 1)) and len(order) > 50,
          f"stress: pdftotext reads the {len(order)} paragraphs in order")
    lone = []
    for i, lines in enumerate(pages):
        for j, ln in enumerate(lines):
            for w in ln:
                m = re.match(r"ĐẦUĐOẠN(\d+)$", w)
                if m and not any(f"CUỐIĐOẠN{m[1]}." in x for x in
                                 sum(lines[j:], [])):
                    rest = [x for x in lines[j:] if not
                            any(t.startswith("GHICHÚ") for t in x)]
                    if len(rest) < 2 or re.match(r"^\d+$", rest[1][0]):
                        lone.append(f"p{i + 1} first line of {m[1]}")
                m = re.match(r"CUỐIĐOẠN(\d+)\.$", w)
                if m and not any(f"ĐẦUĐOẠN{m[1]}" in x for x in
                                 sum(lines[:j + 1], [])):
                    body = [x for x in lines[:j + 1] if
                            not re.match(r"^\d+$", " ".join(x))]
                    if len(body) < 2:
                        lone.append(f"p{i + 1} last line of {m[1]}")
    check(not lone, "stress: no lone first or last line of a paragraph " +
          ", ".join(lone[:5]))
    bad = []
    for i, lines in enumerate(pages):
        body = [x for x in lines if not any(t.startswith("GHICHÚ") or
                                            re.match(r"^\d+$", t) and
                                            len(x) == 1 for t in x)]
        if body and (re.match(r"^[IVX]+\.$", body[-1][0]) or
                     re.match(r"^\d+\.$", body[-1][0])):
            bad.append(f"p{i + 1}")
    check(not bad, "stress: no heading last on a page " + " ".join(bad))
    norep = []
    for i, lines in enumerate(pages):
        flat = [t for x in lines for t in x]
        rows = [t for t in flat if t.startswith("HÀNGBẢNG")]
        if rows and "TIÊUĐỀBẢNG" not in flat:
            norep.append(f"p{i + 1}")
    table_pages = sum(1 for lines in pages
                      if any(t.startswith("HÀNGBẢNG") for x in lines
                             for t in x))
    check(table_pages >= 2 and not norep,
          f"stress: table heading on all {table_pages} pages of the table "
          + " ".join(norep))
    apart = []
    for i, lines in enumerate(pages):
        flat = " ".join(t for x in lines for t in x)
        for m in re.finditer(r"THAMCHIẾU(\d+)", flat):
            if f"GHICHÚ{m[1]}" not in flat:
                apart.append(m[1])
    nrefs = len(re.findall("THAMCHIẾU", stress_markdown())) - 0
    check(not apart and nrefs > 0,
          f"stress: {nrefs} footnotes on the page that cites them "
          + " ".join(apart))
    check("https://dichvucong.gov.vn/p" in link_uris(pdf),
          "stress: link annotation with its URI")
    colours = fill_colours(pdf, out)
    check(colours == {(0.0, 0.0, 0.0)},
          f"stress: all text black, links too (fill colours {sorted(colours)})")
    last = pages[-1]
    flat = " ".join(t for x in last for t in x)
    check("CUỐICÙNG" in flat and "Nơi nhận:" in flat and
          "Nguyễn Văn Thử" in flat,
          "stress: signature block on the page of the last paragraph")
    fidelity(vanban, md, pdf, out, "stress")


def check_tall_row(vanban, out):
    """A table row taller than a page is split over pages, every line of
    its text shown once, starting on the page where the row begins."""
    cell = " ".join(f"Dòng DÒNG{i}." for i in range(1, 700))
    md = os.path.join(out, "tall.md")
    with open(md, "w", encoding="utf-8") as f:
        f.write(STRESS_HEAD + "\nĐoạn đầu.\n\n| TT | Nội dung |\n|---|---|\n"
                f"| 1 | ngắn |\n| 2 | {cell} |\n| 3 | HÀNGCUỐI |\n\n"
                "Đoạn cuối./.\n")
    pdf = os.path.join(out, "tall.pdf")
    rc, _, _ = run([vanban, "render", md, "-o", pdf])
    pages = compare_pdf.page_texts(pdf) if rc == 0 else []
    text = " ".join(pages)
    seen = re.findall(r"DÒNG(\d+)\.", text)
    check(rc == 0 and len(pages) >= 3 and
          sorted(map(int, seen)) == list(range(1, 700)) and
          "DÒNG1." in pages[0] and "Nội dung" in pages[1],
          f"tall table row split over {len(pages)} pages, each line once, "
          "heading repeated")


ROW_FILL = ("thực hiện có hiệu quả các nhiệm vụ kiểm soát thủ tục hành "
            "chính, cải cách thủ tục hành chính gắn với cơ chế một cửa")
GROUP_FILL = "thực hiện có hiệu quả các nhiệm vụ kiểm soát thủ tục hành chính"


def row_break_markdown():
    """Returns a document whose second table row (five lines) starts on
    the last line of page 1."""
    out = [STRESS_HEAD, ""]
    for i in range(7):
        out.append(f"Đoạn {i} {ROW_FILL} {ROW_FILL}.\n")
    out.append("| TT | Nội dung | Ghi chú |\n|---|---|---|")
    for r in range(1, 6):
        long = " ".join(f"DÒNG{r}x{j} {ROW_FILL[:60]}" for j in range(1, 6))
        out.append(f"| {r} | {long} | ngắn {r} |")
    out.append("\nHết./.\n")
    return "\n".join(out)


def group_keep_markdown():
    """Returns a document whose group row "II" fits at the foot of page 1
    while no line of the row after it does."""
    out = [STRESS_HEAD, "", "Đoạn mở đầu " + "dài thêm " * 12 + ".\n",
           "| TT | Nội dung | Ghi chú |\n|---|---|---|"]
    for r in range(1, 17):
        out.append(f"| {r} | HÀNG{r} {GROUP_FILL} | x |")
    out.append("| **II** | **NHÓMHAI** | |")
    for r in range(1, 4):
        long = " ".join(f"SAU{r}x{j} {GROUP_FILL}" for j in range(1, 4))
        out.append(f"| {r} | {long} | y |")
    out.append("\nHết./.\n")
    return "\n".join(out)


def page_of(pages, word):
    """Returns the 1-based page that shows word, 0 when none does."""
    return next((i + 1 for i, p in enumerate(pages) if word in p), 0)


def check_row_breaks(vanban, out):
    """Table rows break across pages like Word rows (their lines that fit
    stay), a group row goes with the row after it, and LibreOffice breaks
    the DOCX the same way."""
    cases = [("rowbreak", row_break_markdown(),
              lambda pg: page_of(pg, "DÒNG2x1") == 1 and page_of(pg, "DÒNG2x2") == 2,
              "a five-line row starting at the foot of page 1 leaves its first "
              "line there"),
             ("groupkeep", group_keep_markdown(),
              lambda pg: page_of(pg, "NHÓMHAI") == page_of(pg, "SAU1x1") == 2 and
              page_of(pg, "HÀNG16") == 1,
              "a group row that would end page 1 alone goes on with the next row")]
    for name, text, ok, what in cases:
        md = os.path.join(out, name + ".md")
        with open(md, "w", encoding="utf-8") as f:
            f.write(text)
        pdf = os.path.join(out, name + ".pdf")
        rc, _, _ = run([vanban, "render", md, "-o", pdf])
        pages = compare_pdf.page_texts(pdf) if rc == 0 else []
        check(rc == 0 and ok(pages), f"{name}: {what}")
        fidelity(vanban, md, pdf, out, name,
                 lambda lopdf, ok=ok, name=name: check(
                     ok(compare_pdf.page_texts(lopdf)),
                     f"{name}: LibreOffice breaks the DOCX there too"))


def check_options(vanban, out):
    """Creation date, reproducibility, --font and a missing fonts folder."""
    md = os.path.join(ROOT, "content", "to-trinh-ubnd-tinh.md")
    if not os.path.exists(md):
        md = os.path.join(out, "stress.md")
    env = dict(os.environ, VANBAN_DATE="2024-05-15T08:30:00+07:00")
    a, b = os.path.join(out, "date1.pdf"), os.path.join(out, "date2.pdf")
    run([vanban, "render", md, "-o", a], env=env)
    run([vanban, "render", md, "-o", b], env=env)
    with open(a, "rb") as fa, open(b, "rb") as fb:
        same = fa.read() == fb.read()
    _, info, _ = run(["pdfinfo", "-isodates", a])
    check(same and "2024-05-15T08:30:00+07" in info,
          "same input and VANBAN_DATE give the same bytes and that "
          "creation date")
    _, fams, _ = run(["fc-list", ":", "family"])
    if "DejaVu Serif" in fams:
        f = os.path.join(out, "font.pdf")
        rc, _, _ = run([vanban, "render", md, "-o", f, "--font",
                        "DejaVu Serif"])
        _, fonts, _ = run(["pdffonts", f])
        check(rc == 0 and "DejaVuSerif" in fonts and
              "Liberation" not in fonts, "--font uses an installed family")
    else:
        skip("--font uses an installed family", "no DejaVu Serif")
    rc, _, err = run([vanban, "render", md, "-o",
                      os.path.join(out, "nofont.pdf"), "--font",
                      "Phông Không Có"])
    check(rc == 1 and "không tìm thấy phông chữ" in err and
          not os.path.exists(os.path.join(out, "nofont.pdf")),
          "--font with an unknown family is refused in Vietnamese")
    lone = os.path.join(out, "lone")
    os.makedirs(lone, exist_ok=True)
    exe = os.path.join(lone, "vanban")
    shutil.copy(vanban, exe)
    env = dict(os.environ, VANBAN_FONTS=os.path.join(out, "nowhere"))
    rc, _, err = run([exe, "render", md, "-o",
                      os.path.join(out, "noplugin.pdf")], env=env)
    check(rc == 1 and "không tìm thấy bộ tạo PDF" in err and
          not os.path.exists(os.path.join(out, "noplugin.pdf")),
          "no PDF plugin beside the program: a clear Vietnamese error")
    shutil.copy(vanban + "-pdf.so", exe + "-pdf.so")
    rc, _, err = run([exe, "render", md, "-o",
                      os.path.join(out, "nodir.pdf")], env=env)
    check(rc == 1 and "không tìm thấy phông Liberation Serif" in err,
          "no bundled fonts found: a clear Vietnamese error")


def main():
    if len(sys.argv) != 3:
        print("usage: test_pdf.py VANBAN OUTDIR", file=sys.stderr)
        return 2
    vanban, out = os.path.abspath(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    content = os.path.join(ROOT, "content")
    docs = sorted(f for f in os.listdir(content) if f.endswith(".md"))
    check(len(docs) > 0, f"{len(docs)} documents in content/")
    for f in docs:
        check_document(vanban, os.path.join(content, f), out)
    check_stress(vanban, out)
    check_tall_row(vanban, out)
    check_row_breaks(vanban, out)
    check_options(vanban, out)
    fidelity_all(vanban, out)
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
