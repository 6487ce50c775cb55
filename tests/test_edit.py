#!/usr/bin/env python3
"""test_edit.py VANBAN OUTDIR - vanban's DOCX keeps right while a clerk
edits it in Word.

Without Word on the machine, the edits are made the way Word stores them,
with python-docx (Debian's python3-docx), on a rendered plan:

- a Heading 1 paragraph inserted before the plan's second section;
- a list item added after a "-" item and indented one level (Tab in Word
  only raises the paragraph's list level);
- the "Nội dung" (body) style set to 13 pt;
- the agency name and the trích yếu retyped longer, so that they wrap;
- a 4 cm picture (a seal) put in the 3 cm room to sign.

Then LibreOffice converts the original and the edited file and the PDF text
shows that the later sections were renumbered, the new item is a "+" item,
the body and the headings follow the style, and the rules stay under their
text, and the name under the signature moves down for the picture. Prints one "ok - …" / "not ok - …" line per check; exits 1 on failure.
"""
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import compare_pdf  # noqa: E402
import tap  # noqa: E402
from tap import check  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PLAN = os.path.join(ROOT, "content", "ke-hoach-tthc-bac-giang-2024.md")
LONG_ISSUER = "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH BẮC GIANG MỚI"
SEAL = None    # the picture put in the room to sign (written by main)
LONG_SUBJECT = (" và nâng cao chất lượng phục vụ người dân, doanh nghiệp "
                "trên địa bàn tỉnh Bắc Giang")


def edit(src, dst):
    """Edits src into dst as a clerk would in Word; returns the title of
    the section that was second before the edit."""
    import copy
    import docx
    from docx.shared import Pt

    d = docx.Document(src)
    body = d.element.body
    heads = [p for p in d.paragraphs if p.style.name == "Heading 1"]
    second = heads[1]
    second_title = second.text
    second.insert_paragraph_before("Mục chèn thêm", style=d.styles["Heading 1"])
    item = next(p for p in d.paragraphs
                if p._p.find(f"{W}pPr/{W}numPr") is not None and
                p.style.name == "Nội dung" and
                p._p.find(f"{W}pPr/{W}numPr/{W}ilvl").get(W + "val") == "0")
    new = copy.deepcopy(item._p)
    for r in new.findall(W + "r"):
        new.remove(r)
    item._p.addnext(new)
    para = docx.text.paragraph.Paragraph(new, item._parent)
    para.add_run("Ý MỚI THÊM do văn thư gõ")
    new.find(f"{W}pPr/{W}numPr/{W}ilvl").set(W + "val", "1")   # Tab
    d.styles["Nội dung"].font.size = Pt(13)
    room = next(p for p in d.paragraphs if p.style.name == "Chữ ký, dấu") \
        if any(p.style.name == "Chữ ký, dấu" for p in d.paragraphs) else None
    if room is None:   # inside the signature table
        for t in d.tables:
            for p in t._tbl.iter(W + "p"):
                para = docx.text.paragraph.Paragraph(p, t)
                if para.style.name == "Chữ ký, dấu":
                    room = para
    room.add_run().add_picture(SEAL, height=docx.shared.Cm(4))
    for p in d.paragraphs:
        if p.style.name == "Trích yếu" and p.runs:
            p.runs[0].text = p.runs[0].text + LONG_SUBJECT
    for t in d.tables[:1]:
        for p in t._tbl.iter(W + "p"):
            para = docx.text.paragraph.Paragraph(p, t)
            if para.style.name == "Tên cơ quan ban hành" and para.runs:
                para.runs[0].text = LONG_ISSUER
    assert body is not None
    d.save(dst)
    return second_title


def write_seal(path):
    """Writes a 40 × 40 px red PNG (a seal stand-in) to path."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xffffffff)
    raw = b"".join(b"\x00" + b"\xcc\x00\x00" * 40 for _ in range(40))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(
            ">IIBBBBB", 40, 40, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))


def words_on(pdf):
    """Returns every word of pdf with its box."""
    return compare_pdf.bbox_words(pdf)[0]


def rule_under(words, rules, text, top=0, bottom=1e9, page=1):
    """Returns (gap pt, centre offset pt) of the rule just under the last
    line of the words spelling text on page between heights top and
    bottom: the gap from that line's box to the rule, and the rule's
    centre less the line's centre; None when there is no such rule."""
    toks = text.split()
    ws = [w for w in words if w.page == page and top <= w.y <= bottom]
    i = compare_pdf.find_seq(ws, toks)
    if i is None:
        return None
    span = ws[i:i + len(toks)]
    last = max(w.y2 for w in span)
    line = [w for w in span if abs(w.y2 - last) < 2]
    grown = True
    while grown:   # the rest of that line: words next to it
        grown = False
        for w in ws:
            if w not in line and abs(w.y2 - last) < 2 and any(
                    -1 < w.x - v.x2 < 9 or -1 < v.x - w.x2 < 9 for v in line):
                line.append(w)
                grown = True
    below = [r for r in rules if r[0] == page and 0 < r[1] - last < 20]
    if not below:
        return None
    r = min(below, key=lambda r: r[1] - last)
    cx = (min(w.x for w in line) + max(w.x2 for w in line)) / 2
    return round(r[1] - last, 1), round((r[2] + r[3]) / 2 - cx, 1)


def main():
    if len(sys.argv) != 3:
        print("usage: test_edit.py VANBAN OUTDIR", file=sys.stderr)
        return 2
    vanban, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    try:
        import docx  # noqa: F401
    except ImportError:
        check(False, "python3-docx is installed (Debian's /usr/bin/python3)")
        return 1
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not check(soffice is not None, "LibreOffice is installed"):
        return 1
    orig = os.path.join(out, "goc.docx")
    env = dict(os.environ, VANBAN_DATE="2024-01-19T08:00:00+07:00")
    p = subprocess.run([vanban, "render", PLAN, "-o", orig], env=env,
                       capture_output=True)
    if not check(p.returncode == 0, "the plan renders"):
        return 1
    edited = os.path.join(out, "sua.docx")
    global SEAL
    SEAL = os.path.join(out, "dau.png")
    write_seal(SEAL)
    second = edit(orig, edited)
    subprocess.run([soffice, "-env:UserInstallation=file://" +
                    os.path.join(out, "lo-profile"), "--headless",
                    "--convert-to", "pdf", "--outdir", out, orig, edited],
                   capture_output=True, timeout=300)
    a, b = os.path.join(out, "goc.pdf"), os.path.join(out, "sua.pdf")
    if not check(os.path.exists(a) and os.path.exists(b),
                 "LibreOffice converts both files"):
        return 1
    ta = " ".join(" ".join(compare_pdf.page_texts(a)).split())
    tb = " ".join(" ".join(compare_pdf.page_texts(b)).split())
    check("II. " + second.upper() in ta, f"before: the second section is 'II. {second.upper()}'")
    check("II. MỤC CHÈN THÊM" in tb,
          "the inserted Heading 1 is numbered II. (and upper-cased by its style)")
    check("III. " + second.upper() in tb,
          "the section after it is renumbered III.")
    check("+ Ý MỚI THÊM do văn thư gõ" in tb,
          "the new item, one level in, is a '+' item")
    wa = [w for w in words_on(a) if w.text == "Thực"]
    wb = [w for w in words_on(b) if w.text == "Thực"]
    ha = wa[0].y2 - wa[0].y if wa else 0
    hb = wb[0].y2 - wb[0].y if wb else 0
    check(wa and wb and abs(hb / ha - 13 / 14) < 0.02,
          f"the body follows its style: 14 pt -> 13 pt (word height {ha:.1f} -> {hb:.1f})")
    hwa = [w for w in words_on(a) if w.text == "MỤC" and w.page == 1]
    hwb = [w for w in words_on(b) if w.text == "MỤC" and w.page == 1]
    check(hwa and hwb and abs((hwb[0].y2 - hwb[0].y) / (hwa[0].y2 - hwa[0].y) - 13 / 14) < 0.02,
          "the headings, based on the body style, follow it too")
    words, rules = words_on(b), compare_pdf.rule_segments(b, [1])
    iss = rule_under(words, rules, LONG_ISSUER.split()[-1])
    check(iss is not None and 3 < iss[0] < 12 and abs(iss[1]) < 5,
          f"the agency's rule stays under its last line after the name wraps ({iss})")
    date = next(w for w in words if w.page == 1 and w.text == "ngày")
    sub = rule_under(words, rules, " ".join(LONG_SUBJECT.split()[-3:]), top=date.y2)
    check(sub is not None and 3 < sub[0] < 12 and abs(sub[1]) < 40,
          f"the trích yếu's rule stays under its last line after it grows ({sub})")
    tn = rule_under(words, rules, "Hạnh phúc")
    check(tn is not None and 3 < tn[0] < 12 and abs(tn[1]) < 5,
          f"the Tiêu ngữ's rule stays under it ({tn})")
    signer = "Nguyễn"
    na = [w for w in words_on(a) if w.text == signer][-1:]
    nb = [w for w in words_on(b) if w.text == signer][-1:]
    drop = nb[0].y - na[0].y if na and nb and na[0].page == nb[0].page else None
    _, imgs, _ = (lambda p: (p.returncode, p.stdout, p.stderr))(subprocess.run(
        ["pdfimages", "-list", b], capture_output=True, text=True))
    check(drop is not None and 20 < drop < 60 and " image " in imgs,
          f"a 4 cm seal put in the 3 cm room to sign pushes the name down, not "
          f"clipped (name {drop and round(drop, 1)} pt lower)")
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
