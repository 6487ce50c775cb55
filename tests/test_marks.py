#!/usr/bin/env python3
"""test_marks.py VANBAN OUTDIR - the marks of the position scheme, pictures,
page breaks, the table of contents and copies (issue 12).

Writes small documents to OUTDIR and checks: the DOCX XML of every mark
(ô 10a, 10b, 11, 12, 13, the draft mark) and where each sits; the PDF text
(pdftotext) page by page; the messages of "vanban check" for marks that are
not Decree 30's words; pictures as real DOCX pictures and PDF images, PNG
and JPEG; hostile pictures (truncated, a 100000 x 100000 header, a link out
of the folder, not a picture, a corrupt stream) refused with a clear
message and no file written; page breaks; the table of contents with the
PDF's page numbers; bản sao with its copy codes; links to e-mail addresses
black in both renderers. Every DOCX is checked against the OOXML schemas
(validate-docx) when the validator is found, and one LibreOffice call
converts the DOCX of the marks document to check its colours too.
Prints one "ok - ..." / "not ok - ..." line per check; exits 1 on failure.
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib

import tap
from tap import check

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
os.environ.setdefault("LSAN_OPTIONS", "suppressions=" +
                      os.path.join(HERE, "lsan.supp"))


def run(args, cwd=None):
    """Runs a command; returns (status, stdout, stderr) as text."""
    p = subprocess.run(args, capture_output=True, cwd=cwd)
    return (p.returncode, p.stdout.decode("utf-8", "replace"),
            p.stderr.decode("utf-8", "replace"))


HEAD = """---
loai: {loai}
co_quan_chu_quan: UBND tỉnh Bắc Giang
co_quan: Sở Giáo dục và Đào tạo
viet_tat: SGDĐT
so: {so}
don_vi: VP
dia_danh: Bắc Giang
ngay: 2024-09-09
trich_yeu: Thử các dấu
kinh_gui: [Các trường trung học phổ thông]
noi_nhan: [Như trên]
luu: [VT, VP]
ky: {{chuc_vu: Giám đốc, ho_ten: Nguyễn Văn A}}
{extra}---
{body}
"""


def doc(path, body="Nội dung.", extra="", loai="cong-van", so="5"):
    """Writes a document with the usual header keys; returns its path."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEAD.format(loai=loai, so=so, extra=extra, body=body))
    return path


def render(vanban, md, out):
    """Renders md to out (.docx or .pdf); returns (status, stderr)."""
    rc, _, err = run([vanban, "render", md, "-o", out])
    return rc, err


def part(docx, name):
    """Returns the text of one part of a DOCX, "" when absent."""
    with zipfile.ZipFile(docx) as z:
        return z.read(name).decode("utf-8") if name in z.namelist() else ""


def pages(pdf):
    """Returns the text of each page of pdf."""
    _, out, _ = run(["pdftotext", "-layout", pdf, "-"])
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


VALIDATOR = os.environ.get("VALIDATE_DOCX", os.path.join(
    ROOT, "..", "shared", "ooxml", "validate-docx"))


def valid(docx, what):
    """Checks docx against the OOXML schemas, when the validator is here."""
    if not os.access(VALIDATOR, os.X_OK):
        print(f"ok - {what}: schema-valid # SKIP validate-docx not found")
        return
    rc, out, err = run([VALIDATOR, docx])
    check(rc == 0, f"{what}: schema-valid")
    if rc != 0:
        print(out[-2000:] + err[-2000:])


def png(w, h, rows=None, truncate=0):
    """Returns the bytes of an RGB PNG w x h (grey), or with a header only
    claiming w x h when rows is False; cut by truncate bytes."""
    def chunk(t, d):
        return (struct.pack(">I", len(d)) + t + d +
                struct.pack(">I", zlib.crc32(t + d) & 0xffffffff))
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    if rows is False:
        data = zlib.compress(b"\0" * 16)
    else:
        raw = b"".join(b"\0" + bytes([40, 90, 160]) * w for _ in range(h))
        data = zlib.compress(raw)
    b = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", data) +
         chunk(b"IEND", b""))
    return b[:len(b) - truncate] if truncate else b


def write(path, data):
    """Writes bytes to path."""
    with open(path, "wb") as f:
        f.write(data)


def blue_pixels(pdf, page=1):
    """Returns how many clearly blue pixels page of pdf has at 50 dpi."""
    stem = pdf + "-px"
    run(["pdftoppm", "-r", "50", "-f", str(page), "-l", str(page),
         "-singlefile", pdf, stem])
    with open(stem + ".ppm", "rb") as f:
        data = f.read()
    m = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    pix = data[m.end():]
    n = 0
    for i in range(0, len(pix) - 2, 3):
        r, g, b = pix[i], pix[i + 1], pix[i + 2]
        if b > r + 60 and b > g + 40:
            n += 1
    return n


def test_marks(v, d):
    """Every mark in the DOCX and the PDF, where ND30 draws it."""
    md = doc(os.path.join(d, "marks.md"), extra="""do_mat: tối mật
do_khan: Hoa toc
luu_hanh: xem xong trả lại
nguoi_soan: pl
so_ban: 30
dia_chi: Số 50 đường Hùng Vương, thành phố Bắc Giang
dien_thoai: 0204 3854 321
email: vanthu@bacgiang.edu.vn
website: bacgiang.edu.vn
""", body="Liên hệ <vanthu@bacgiang.edu.vn> hoặc [thư](mailto:a@b.vn).\n\n"
            + "\n\n".join(["Đoạn văn dài để văn bản sang trang hai, "
                           "kiểm tra chân trang chỉ ở trang đầu. " * 4] * 14))
    docx, pdf = md[:-3] + ".docx", md[:-3] + ".pdf"
    rc, err = render(v, md, docx)
    check(rc == 0, "marks: DOCX renders" + (" " + err if rc else ""))
    rc, err = render(v, md, pdf)
    check(rc == 0, "marks: PDF renders" + (" " + err if rc else ""))
    if not (os.path.exists(docx) and os.path.exists(pdf)):
        return
    valid(docx, "marks")
    x = part(docx, "word/document.xml")
    st = part(docx, "word/styles.xml")

    def style(sid):
        m = re.search(r'<w:style [^>]*w:styleId="%s">.*?</w:style>' % sid, st)
        return m.group(0) if m else ""
    sec, urg = style("DauDoMat"), style("DauDoKhan")
    check(sec.count('w:val="single"') == 4 and "<w:b/>" in sec and
          '<w:sz w:val="26"/>' in sec and "<w:caps/>" in sec,
          "ô 10a: style 'Dấu chỉ độ mật' frames its text: four sides, bold 13 pt")
    check(re.search(r'<w:p><w:pPr><w:pStyle w:val="DauDoMat"/></w:pPr><w:r>'
                    r'<w:t[^>]*>TỐI MẬT</w:t>', x) is not None,
          "ô 10a: TỐI MẬT in its style, no direct formatting")
    check(re.search(r'<w:p><w:pPr><w:pStyle w:val="DauDoKhan"/></w:pPr><w:r>'
                    r'<w:t[^>]*>HỎA TỐC</w:t>', x) is not None,
          "ô 10b: HỎA TỐC in its style, no direct formatting")
    so = x.find("Số: 05/SGDĐT-VP")
    check(0 <= so < x.find("TỐI MẬT") < x.find("HỎA TỐC") <
          x.find("Kính gửi"), "ô 10a, 10b: under Số and V/v, before Kính gửi")
    m = re.search(r'<w:ind w:left="(\d+)" w:right="(\d+)"', urg)
    if check(m is not None and urg.count('w:val="single"') == 4,
             "ô 10b: the urgency style frames and places the stamp"):
        cell = int(re.search(r'<w:gridCol w:w="(\d+)"/>', x).group(1))
        box = cell - int(m.group(1)) - int(m.group(2))
        mm = (box + 2 * (15 + 120)) / 56.69
        check(28 <= mm <= 32, f"ô 10b: the HỎA TỐC stamp is 30 mm wide "
              f"({mm:.1f})")
    h3 = part(docx, "word/header3.xml")
    check(re.search(r'<w:pStyle w:val="ChiDanLuuHanh"/></w:pPr><w:r><w:t'
                    r'[^>]*>XEM XONG TRẢ LẠI', h3) is not None and
          style("ChiDanLuuHanh").count('w:val="single"') == 4,
          "ô 11: circulation note framed by its style in page 1's header")
    f1, f2 = part(docx, "word/footer1.xml"), part(docx, "word/footer2.xml")
    check("Địa chỉ: Số 50 đường Hùng Vương" in f1 and "ĐT: 0204 3854 321" in f1
          and "E-mail: vanthu@bacgiang.edu.vn" in f1 and "w:top" in f1,
          "ô 13: address, phone, e-mail under a top rule in page 1's footer")
    check(f2 and "Địa chỉ" not in f2, "ô 13: other first pages get an empty footer")
    sect = re.findall(r"<w:sectPr>.*?</w:sectPr>", x)
    rels = part(docx, "word/_rels/document.xml.rels")
    fid = re.search(r'Id="(rId\d+)"[^>]*Target="footer1.xml"', rels) or \
        re.search(r'Target="footer1.xml"[^>]*Id="(rId\d+)"', rels)
    check(fid and all(f'w:type="first" r:id="{fid.group(1)}"' in s
                      for s in sect), "ô 13: page 1's footer is the first-page "
          "footer of the sections on page 1")
    ct = part(docx, "[Content_Types].xml")
    check("/word/header3.xml" in ct and "/word/footer1.xml" in ct,
          "content types of the new header and footer parts")
    nn = x.find("- Lưu: VT, VP.")
    dr = x.find("PL.(30)")
    check(0 <= nn < dr and re.search(r'KyHieuNguoiSoan"/></w:pPr><w:r><w:t'
                                     r'[^>]*>PL\.\(30\)', x),
          "ô 12: PL.(30) after the Lưu line, in its own style")
    check('w:styleId="KyHieuNguoiSoan"' in part(docx, "word/styles.xml") and
          'w:val="right"' in re.search(r'w:styleId="KyHieuNguoiSoan".*?'
                                       r'</w:style>', part(
                                           docx, "word/styles.xml")).group(0),
          "ô 12: flush right, bottom-right of the Nơi nhận block")
    p = pages(pdf)
    check(len(p) >= 2, f"marks: two pages ({len(p)})")
    one = " ".join(p[0].split())
    check("TỐI MẬT" in one and "HỎA TỐC" in one and "XEM XONG TRẢ LẠI" in one,
          "PDF: the marks on page 1")
    lines = p[0].splitlines()
    first = next((i for i, l in enumerate(lines) if l.strip()), 0)
    check("XEM XONG TRẢ LẠI" in lines[first] and "CỘNG HÒA" not in
          lines[first], "PDF: ô 11 above the Quốc hiệu")
    check("Địa chỉ: Số 50" in one and all("Địa chỉ" not in q for q in p[1:]),
          "PDF: the footer on page 1 only")
    tail = [l for l in lines if l.strip()][-3:]
    check(any("Địa chỉ" in l for l in tail), "PDF: the footer at the foot "
          "of page 1")
    last = " ".join(p[-1].split())
    check(re.search(r"Lưu: VT, VP\. .*PL\.\(30\)", last) is not None,
          "PDF: PL.(30) after the Lưu line")
    # links to e-mail addresses: black, underlined, in both renderers
    check(re.search(r'w:styleId="Hyperlink".*?<w:color w:val="000000"/>',
                    part(docx, "word/styles.xml")) is not None,
          "e-mail link: the Hyperlink style is black")
    check(blue_pixels(pdf) == 0, "e-mail link: no blue on the PDF's page 1")
    lo = shutil.which("soffice")
    if lo is None:
        print("ok - e-mail link black in LibreOffice # SKIP soffice missing")
        return
    run([lo, f"-env:UserInstallation=file://{d}/lo-profile", "--headless",
         "--convert-to", "pdf", "--outdir", os.path.join(d, "lo"), docx])
    lopdf = os.path.join(d, "lo", "marks.pdf")
    check(os.path.exists(lopdf) and blue_pixels(lopdf) == 0,
          "e-mail link: no blue in LibreOffice's rendering of the DOCX")
    lp = pages(lopdf) if os.path.exists(lopdf) else [""]
    check("HỎA TỐC" in lp[0] and "Địa chỉ" in lp[0] and
          all("Địa chỉ" not in q for q in lp[1:]),
          "LibreOffice: marks on page 1, footer on page 1 only")


def test_check(v, d):
    """Marks that are not Decree 30's words, and misplaced ones."""
    cases = [
        ("do_khan: thuong khan gap\n", "lỗi", "có phải ý bạn là 'THƯỢNG KHẨN'",
         "urgency not in ND30, with the closest word"),
        ("do_khan: hỏa tốc hẹn giờ\n", "lỗi", "ghi giờ hẹn trong nội dung",
         "HỎA TỐC HẸN GIỜ is not in ND30: the hint says how"),
        ("do_mat: mat lam\n", "lỗi", "có phải ý bạn là 'MẬT'",
         "secrecy not in ND30"),
        ("luu_hanh: chỉ cho lãnh đạo\n", "lỗi", "XEM XONG TRẢ LẠI",
         "circulation note not in ND30 lists ND30's"),
        ("luu_hanh: mật\n", "lỗi", "ghi ở khóa do_mat",
         "a secrecy word under luu_hanh points to do_mat"),
        ("du_thao: co\n", "lỗi", "không thể mang dấu DỰ THẢO",
         "draft mark on a numbered document"),
        ("so_ban: ba mươi\n", "lỗi", "so_ban", "copies not a number"),
        ("ban_sao: {hinh_thuc: sao lucc}\n", "lỗi", "có phải ý bạn là 'SAO LỤC'",
         "form of copy not in ND30"),
        ("do_khn: khẩn\n", "cảnh báo", "có phải ý bạn là 'do_khan'",
         "misspelt key suggests do_khan"),
        ("muc_luc: nhiều\n", "lỗi", "muc_luc", "muc_luc neither yes nor no"),
    ]
    for extra, sev, words, what in cases:
        md = doc(os.path.join(d, "chk.md"), extra=extra)
        rc, out, err = run([v, "check", md])
        msg = out + err
        line = next((l for l in msg.splitlines() if f": {sev}:" in l), "")
        check(re.match(r".*chk\.md:\d+:\d+: ", line) is not None and
              words in msg and (rc == 1) == (sev == "lỗi"),
              f"check: {what}")
    md = doc(os.path.join(d, "ok.md"), extra="do_khan: THƯỢNG KHẨN\n"
             "do_mat: Tuyệt mật\nluu_hanh: Lưu hành nội bộ\n")
    rc, out, err = run([v, "check", md])
    check(rc == 0 and "lỗi" not in out + err,
          "check: ND30's words in any case and spelling pass")
    rc, out, _ = run([v, "dump", md])
    check("urgency: THƯỢNG KHẨN (40 mm)" in out and
          "secrecy: TUYỆT MẬT" in out and
          "circulation: LƯU HÀNH NỘI BỘ" in out,
          "model: the marks printed as ND30 writes them, stamp widths")
    md = doc(os.path.join(d, "draft.md"), so='""', extra="du_thao: lần 2\n")
    rc, out, _ = run([v, "dump", md])
    check(rc == 0 and "draft: DỰ THẢO LẦN 2" in out,
          "model: draft mark on an unnumbered draft")


def test_images(v, d):
    """Pictures: real DOCX pictures, PDF images, and hostile files."""
    pic = os.path.join(d, "pic")
    os.makedirs(os.path.join(pic, "hinh"), exist_ok=True)
    write(os.path.join(pic, "hinh", "a.png"), png(192, 96))
    md = doc(os.path.join(pic, "png.md"), loai="bao-cao",
             body="Biểu đồ:\n\n![Hình 1. Biểu đồ thử](hinh/a.png)\n\nHết.")
    docx, pdf = md[:-3] + ".docx", md[:-3] + ".pdf"
    rc, err = render(v, md, docx)
    rc2, err2 = render(v, md, pdf)
    if not check(rc == 0 and rc2 == 0, "PNG picture renders" + err + err2):
        return
    valid(docx, "PNG picture")
    with zipfile.ZipFile(docx) as z:
        names = z.namelist()
        media = z.read("word/media/image1.png") if \
            "word/media/image1.png" in names else b""
    check(media == png(192, 96), "DOCX: the PNG's bytes as word/media/image1.png")
    x = part(docx, "word/document.xml")
    rels = part(docx, "word/_rels/document.xml.rels")
    m = re.search(r'<a:blip r:embed="(rId\d+)"', x)
    check(m and re.search(r'Id="%s"[^>]*relationships/image"[^>]*Target='
                          r'"media/image1.png"' % m.group(1), rels) or
          (m and re.search(r'Type="[^"]*relationships/image" Target="media/'
                           r'image1.png"[^>]*Id="%s"' % m.group(1), rels)),
          "DOCX: a:blip points at the image relationship")
    m = re.search(r'<wp:inline[^>]*><wp:extent cx="(\d+)" cy="(\d+)"/>', x)
    check(m and abs(int(m.group(1)) - 192 / 96 * 914400) < 400 and
          abs(int(m.group(2)) - 96 / 96 * 914400) < 400,
          "DOCX: an inline picture at 96 dpi (wp:inline, wp:extent)")
    check("<pic:pic" in x and 'descr="Hình 1. Biểu đồ thử"' in x,
          "DOCX: pic:pic described by its caption")
    check(re.search(r'<w:pStyle w:val="Caption"/>.*?Hình 1\. Biểu đồ thử',
                    x) is not None, "DOCX: the caption in Word's Caption style")
    check('Extension="png" ContentType="image/png"' in
          part(docx, "[Content_Types].xml"), "DOCX: content type of PNG")
    _, out, _ = run(["pdfimages", "-list", pdf])
    rows = [l.split() for l in out.splitlines()[2:] if l.strip()]
    check(len(rows) == 1 and rows[0][3:5] == ["192", "96"],
          "PDF: the picture drawn once, 192 x 96")
    check("Hình 1. Biểu đồ thử" in " ".join(pages(pdf)[0].split()),
          "PDF: the caption under it")
    # a wide picture is shrunk to the text width
    write(os.path.join(pic, "hinh", "wide.png"), png(1800, 300))
    md = doc(os.path.join(pic, "wide.md"), loai="bao-cao",
             body="![](hinh/wide.png)")
    rc, out, _ = run([v, "dump", md])
    m = re.search(r"\{hinh/wide.png 1800x300 px ([\d.]+)x([\d.]+) mm\}", out)
    check(rc == 0 and m and abs(float(m.group(1)) - 165) < 0.2 and
          abs(float(m.group(2)) - 27.5) < 0.2,
          "model: a wide picture shrunk to the 165 mm text width")
    # JPEG, made by pdftoppm from the PDF above (no hand-made binary)
    run(["pdftoppm", "-jpeg", "-r", "20", "-f", "1", "-l", "1", "-singlefile",
         pdf, os.path.join(pic, "hinh", "trang")])
    md = doc(os.path.join(pic, "jpg.md"), loai="bao-cao",
             body="![Ảnh chụp](hinh/trang.jpg)")
    docx, pdfj = md[:-3] + ".docx", md[:-3] + ".pdf"
    rc, _ = render(v, md, docx)
    rc2, _ = render(v, md, pdfj)
    if check(rc == 0 and rc2 == 0, "JPEG picture renders"):
        valid(docx, "JPEG picture")
        with zipfile.ZipFile(docx) as z:
            check("word/media/image1.jpeg" in z.namelist(),
                  "DOCX: the JPEG as word/media/image1.jpeg")
        _, out, _ = run(["pdfimages", "-list", pdfj])
        check(re.search(r"\bjpeg\b", out) is not None,
              "PDF: the JPEG embedded as JPEG")
    # hostile pictures: refused with a clear message, nothing written
    os.makedirs(os.path.join(d, "outside"), exist_ok=True)
    write(os.path.join(d, "outside", "x.png"), png(10, 10))
    link = os.path.join(pic, "hinh", "link.png")
    if not os.path.lexists(link):
        os.symlink(os.path.join(d, "outside", "x.png"), link)
    write(os.path.join(pic, "hinh", "cut.png"), png(64, 64, truncate=30))
    write(os.path.join(pic, "hinh", "huge.png"), png(100000, 100000,
                                                      rows=False))
    write(os.path.join(pic, "hinh", "text.png"), "không phải hình".encode())
    good = png(32, 32)
    bad = bytearray(good)
    i = good.index(b"IDAT") + 4
    bad[i:i + 8] = b"\xff" * 8       # broken zlib data, chunks intact
    write(os.path.join(pic, "hinh", "zlib.png"), bytes(bad))
    cases = [
        ("cut.png", "bị cắt cụt", "truncated PNG"),
        ("huge.png", "quá lớn", "PNG header claiming 100000 x 100000"),
        ("link.png", "nằm ngoài thư mục", "picture linked out of the folder"),
        ("text.png", "không phải hình PNG hay JPEG", "text named .png"),
        ("none.png", "none.png", "missing picture"),
        ("https://x.vn/a.png", "không tải hình", "picture on the Internet"),
        ("../outside/x.png", "ngoài thư mục", "picture above the folder"),
    ]
    for name, words, what in cases:
        md = doc(os.path.join(pic, "bad.md"), loai="bao-cao",
                 body=f"Trước.\n\n![Hình](hinh/{name})\n" if "/" not in name
                 else f"![Hình]({name})\n")
        out = os.path.join(pic, "bad.docx")
        if os.path.exists(out):
            os.remove(out)
        rc, err = render(v, md, out)
        line = next((l for l in err.splitlines() if ": lỗi:" in l), "")
        check(rc == 1 and words in err and not os.path.exists(out) and
              re.match(r".*bad\.md:\d+:\d+: lỗi: ", line) is not None,
              f"hostile picture: {what} refused with file:line:col")
    md = doc(os.path.join(pic, "bad.md"), loai="bao-cao",
             body="![Hình](hinh/zlib.png)")
    out = os.path.join(pic, "bad.pdf")
    rc, err = render(v, md, out)
    check(rc == 1 and "không giải mã được" in err and
          not os.path.exists(out),
          "hostile picture: broken compressed data refused by the PDF "
          "renderer, no file")
    md = doc(os.path.join(pic, "inline.md"), loai="bao-cao",
             body="Chữ ![Hình](hinh/a.png) giữa đoạn.")
    rc, _, err = run([v, "check", md])
    check("chỉ giữ chú thích" in err or "chỉ giữ chú thích" in _,
          "a picture inside running text is reported")


def test_sheet_in_body(v, d):
    """A table kept in a spreadsheet, on a line of its own in the body
    ("![](bang.csv)", "![Trang](bang.xlsx)"): read as a bang: table, with
    its merged cells; a missing file is refused at its line."""
    sd = os.path.join(d, "sheet-body")
    os.makedirs(sd, exist_ok=True)
    write(os.path.join(sd, "bang.csv"), "TT,Nội dung,Đơn vị\n,Rà soát,Văn "
          "phòng\n,Công khai,Văn phòng\n".encode("utf-8"))
    md = doc(os.path.join(sd, "a.md"), loai="bao-cao",
             body="Kết quả như sau:\n\n![](bang.csv)\n\nHết.")
    rc, out, err = run([v, "dump", md])
    check(rc == 0 and re.search(r"(?m)^\d+:1 table table 3×3 header=1", out)
          and "  R | 1 | Rà soát | Văn phòng |" in out and
          "  R | 2 | Công khai | Văn phòng |" in out,
          "sheet in the body: the .csv is a table at its place, TT numbered")
    docx = os.path.join(sd, "a.docx")
    rc, err = render(v, md, docx)
    check(rc == 0 and "Công khai" in part(docx, "word/document.xml") and
          "<w:tbl>" in part(docx, "word/document.xml"), "sheet in the body: "
          "rendered as a Word table")
    write(os.path.join(sd, "tong.csv"), "TT,Nội dung,Số\n,Rà soát,3\n,Tổng "
          "kết năm học,4\n,Tổng cộng,7\n".encode("utf-8"))
    md = doc(os.path.join(sd, "t.md"), loai="bao-cao",
             body="Kết quả:\n\n![](tong.csv)\n")
    rc, out, err = run([v, "dump", md])
    check(rc == 0 and "  R | 2 | Tổng kết năm học | 4 |" in out and
          "  R |  | Tổng cộng | 7 |" in out, "sheet table: the total row "
          "(Tổng cộng, TT empty) is not numbered, a task starting 'Tổng' is")
    md = doc(os.path.join(sd, "b.md"), loai="bao-cao",
             body="Kết quả:\n\n![](khong-co.xlsx)\n")
    rc, out, err = run([v, "check", md])
    line = open(md, encoding="utf-8").read().splitlines().index(
        "![](khong-co.xlsx)") + 1
    check(rc == 1 and (":%d:1:" % line) in err and "khong-co.xlsx" in err,
          "sheet in the body: a missing file is refused at its line")


def test_breaks_toc(v, d):
    """Page breaks and the table of contents."""
    body = """# Mở đầu

Đoạn một.

## Căn cứ

Đoạn hai.

\\newpage

# Nội dung

Đoạn ba.

\\pagebreak

| A | B |
|---|---|
| 1 | 2 |

# Kết luận

Đoạn bốn.
"""
    md = doc(os.path.join(d, "toc.md"), loai="de-an", extra="muc_luc: co\n",
             body=body)
    docx, pdf = md[:-3] + ".docx", md[:-3] + ".pdf"
    rc, err = render(v, md, docx)
    rc2, err2 = render(v, md, pdf)
    if not check(rc == 0 and rc2 == 0, "TOC and breaks render" + err + err2):
        return
    valid(docx, "TOC and breaks")
    x = part(docx, "word/document.xml")
    check(re.search(r'<w:pageBreakBefore/></w:pPr><w:bookmarkStart[^>]*/>'
                    r'<w:r><w:t[^>]*>NỘI DUNG</w:t>', x)
          is not None, "DOCX: \\newpage gives the next heading a page break "
          "before")
    check(re.search(r'<w:p><w:pPr><w:pStyle w:val="NoiDung"/>'
                    r'<w:pageBreakBefore/></w:pPr></w:p><w:tbl>', x)
          is not None, "DOCX: \\pagebreak before a table: an empty "
          "paragraph carries it")
    check("\\newpage" not in x and "\\pagebreak" not in x,
          "DOCX: the break lines are not printed")
    check(re.search(r'<w:instrText[^>]*> TOC \\o &quot;1-2&quot; \\h \\z '
                    r'\\u </w:instrText>', x) is not None and
          'w:dirty="true"' in x,
          "DOCX: a TOC field over levels 1-2, to be updated by Word")
    anchors = re.findall(r'<w:hyperlink w:anchor="([^"]+)"', x)
    marks = re.findall(r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)"/>', x)
    check(len(anchors) == 4 and anchors == marks,
          f"DOCX: 4 entries, each a link to its heading's bookmark "
          f"({len(anchors)}, {len(marks)})")
    check(re.search(r'<w:hyperlink w:anchor="_Toc_vb_1"[^>]*><w:r><w:t[^>]*>'
                    r'I\. MỞ ĐẦU', x) is not None and "PAGEREF _Toc_vb_1" in x,
          "DOCX: entries pre-filled with the headings as printed")
    p = pages(pdf)
    check(len(p) == 3, f"PDF: three pages: contents and body, then one "
          f"after each break ({len(p)})")
    want = {"I. MỞ ĐẦU": 1, "1. Căn cứ": 1, "II. NỘI DUNG": 2,
            "III. KẾT LUẬN": 3}
    toc = {m.group(1).strip(): int(m.group(2)) for m in re.finditer(
        r"^\s*((?:[IVX]+|\d)\. [^.\n]+?)\s*(?:\. ?)+\s*(\d+)\s*$", p[0],
        re.M)}
    check(all(toc.get(k) == n for k, n in want.items()),
          f"PDF: contents give each heading's page {toc}")
    _, js, _ = run(["qpdf", "--json", "--json-key=qpdf", pdf])
    dests = re.findall(r'"/Dest": "u:(_Toc_vb_\d+)"', js)
    check(sorted(dests) == ["_Toc_vb_%d" % i for i in range(1, 5)],
          f"PDF: each entry links to its heading's named destination {dests}")
    check(all(any(re.search(r"^\s*" + re.escape(k) + r"\s*$", l)
                  for l in p[n - 1].splitlines()) for k, n in want.items()),
          "PDF: the headings are on those pages")
    check(re.match(r"\s*\d*\s*II\. NỘI DUNG", p[1]) is not None and
          re.match(r"\s*\d*\s*A\s+B", p[2]) is not None,
          "PDF: what follows each break starts a page")


def test_copy(v, d):
    """Bản sao: SAO Y / TRÍCH SAO with their codes under a full rule."""
    for form, printed, code in [("sao-y", "SAO Y", "SY"),
                                ("trích sao", "TRÍCH SAO", "TrS"),
                                ("SAO LỤC", "SAO LỤC", "SL")]:
        md = doc(os.path.join(d, "copy.md"), loai="quyet-dinh",
                 extra=f"""ban_sao:
  hinh_thuc: {form}
  so: 7
  ngay: 2024-09-12
  noi_nhan: [Phòng Tổ chức cán bộ]
  ky: {{quyen_han: TL, thu_truong: Giám đốc, chuc_vu: Chánh Văn phòng, ho_ten: Trần Thị Hoa}}
""", body="Điều 1. Nội dung.")
        docx, pdf = md[:-3] + ".docx", md[:-3] + ".pdf"
        rc, err = render(v, md, docx)
        rc2, err2 = render(v, md, pdf)
        if not check(rc == 0 and rc2 == 0, f"{printed}: renders" + err +
                     err2):
            continue
        if code == "SY":
            valid(docx, printed)
        x = part(docx, "word/document.xml")
        text = " ".join(" ".join(pages(pdf)).split())
        num = f"Số: 07/{code}-SGDĐT"
        check(num in x and num in text, f"{printed}: numbered {num}")
        check(re.search(r'HinhThucSao"/></w:pPr><w:r><w:t[^>]*>%s</w:t>'
                        % printed, x) is not None and printed in text,
              f"{printed}: the form of copy in its style")
        order = [text.find(s) for s in ["Nguyễn Văn A", printed,
                                         "Bắc Giang, ngày 12 tháng 9 năm 2024",
                                         "TL. GIÁM ĐỐC", "Trần Thị Hoa"]]
        check(all(o >= 0 for o in order) and order[0] < order[3] < order[4],
              f"{printed}: after the copied text: form, date, signer")
        rule = x.rfind('<w:pStyle w:val="DuongKe"/>')
        check(rule > x.find("Nguyễn Văn A") and rule < x.find(printed) and
              'w:left="0" w:right="0"' in x[rule:rule + 600],
              f"{printed}: a full-width rule between the copied text and "
              f"the copy")
    # items typed with their punctuation, as the document's own list
    # allows: the copy's Nơi nhận ends each with ";" and Lưu with "." once
    md = doc(os.path.join(d, "copy-punct.md"), loai="quyet-dinh",
             extra="""ban_sao:
  hinh_thuc: sao y
  noi_nhan: ["- Phòng Tổ chức cán bộ,", "Các thành viên;"]
  luu: ["VT.,", "VP."]
  ky: {quyen_han: TL, thu_truong: Giám đốc, chuc_vu: Chánh Văn phòng, ho_ten: Trần Thị Hoa}
""", body="Điều 1. Nội dung.")
    pdf = md[:-3] + ".pdf"
    rc, err = render(v, md, pdf)
    text = " ".join(" ".join(pages(pdf)).split()) if rc == 0 else err
    tail = text[text.rfind("SAO Y"):]
    check(all(x in tail for x in ["- Phòng Tổ chức cán bộ; ",
                                  "- Các thành viên; ", "- Lưu: VT, VP. "]),
          "copy: recipients typed with ',' ';' '.' are written once with "
          "';' and Lưu with '.' (%s)" % tail[-120:])


def test_thu_cong(v, d):
    """Thư công: a kind of Decree 30 with no code, printed "THƯ"."""
    md = doc(os.path.join(d, "thu.md"), loai="thu-cong",
             body="Nhân dịp Ngày Nhà giáo Việt Nam, xin gửi lời chúc mừng.")
    rc, out, err = run([v, "dump", md])
    check(rc == 0 and "type: THƯ\n" in out and
          "number: Số: 05/SGDĐT-VP" in out and "V/v" not in out,
          "thư công: type name THƯ, number without a code" + err)
    rc, out, err = run([v, "check", md])
    check(rc == 0, "thư công: passes check")


def test_signers(v, d):
    """Marks meet the list of signers and the agency profile."""
    sub = os.path.join(d, "ky")
    os.makedirs(sub, exist_ok=True)
    md = os.path.join(sub, "bb.md")
    write(md, """---
loai: bien-ban
co_quan: Sở Giáo dục và Đào tạo
viet_tat: SGDĐT
so: 8
dia_danh: Bắc Giang
ngay: 2025-04-07
trich_yeu: Cuộc họp giao ban
noi_nhan: [Giám đốc Sở]
luu: [VT, VP]
nguoi_soan: PL
so_ban: 3
ky:
  - {chuc_vu: Thư ký, ho_ten: Nguyễn Thị Lan}
  - {chuc_vu: Chủ tọa, ho_ten: Trần Quang Vinh}
---
Cuộc họp kết thúc lúc 10 giờ.
""".encode("utf-8"))
    docx, pdf = os.path.join(sub, "bb.docx"), os.path.join(sub, "bb.pdf")
    rc, err = render(v, md, docx)
    rc2, err2 = render(v, md, pdf)
    check(rc == 0 and rc2 == 0, "two signers: renders" +
          (" " + err + err2 if rc or rc2 else ""))
    if rc == 0:
        x = part(docx, "word/document.xml")
        cos, lu, dr = x.find("Trần Quang Vinh"), x.find("Lưu: VT, VP."), \
            x.find("PL.(3)")
        check(0 <= cos < lu < dr and re.search(
            r'KyHieuNguoiSoan"/>.*?</w:pPr><w:r><w:t[^>]*>PL\.\(3\)', x),
            "two signers: ô 12 after the Lưu line under them (DOCX)")
    if rc2 == 0:
        last = re.sub(r"\s+", " ", pages(pdf)[-1])
        check(re.search(r"Lưu: VT, VP\. .*PL\.\(3\)", last) is not None,
              "two signers: ô 12 after the Lưu line under them (PDF)")
    write(os.path.join(sub, "co-quan.yaml"),
          "do_mat: mật\ndia_chi: Số 50 Hùng Vương\n".encode("utf-8"))
    rc, out, err = run([v, "dump", md])
    check(rc == 0 and "co-quan.yaml" in err and "do_mat" in err and
          "secrecy:" not in out and "footer: Địa chỉ: Số 50" in out,
          "profile: do_mat dropped with a warning, dia_chi kept")


def main():
    v, d = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(d, exist_ok=True)
    test_marks(v, d)
    test_check(v, d)
    test_images(v, d)
    test_sheet_in_body(v, d)
    test_breaks_toc(v, d)
    test_copy(v, d)
    test_thu_cong(v, d)
    test_signers(v, d)
    print(f"# test_marks: {tap.failed} failed")
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
