#!/usr/bin/env python3
"""Checks of the document kinds that carry more than a kế hoạch: quyết
định and nghị quyết (authority line, bases, "QUYẾT ĐỊNH:", articles),
scheme (a) of nd30.md §2.3 (Phần / Chương / Mục / Tiểu mục / Điều),
documents issued with a quyết định, several signers (biên bản, liên tịch)
and the check rules of each kind.

Usage: python3 tests/test_types.py VANBAN_BINARY OUTDIR

Writes small fixtures to OUTDIR, renders them, and checks the DOCX XML,
the PDF text (pdftotext) and the messages of 'vanban check'. The examples
in content/ are compared with LibreOffice by tests/test_pdf.py. Prints
one "ok - ..." or "not ok - ..." line per check; exits 1 when any failed.
"""

import os
import re
import shutil
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

import tap
from tap import check_line as check

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write(outdir, name, text):
    """Writes text to outdir/name; returns the path."""
    path = os.path.join(outdir, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def run(args):
    """Runs args; returns (exit code, stdout + stderr as text)."""
    p = subprocess.run(args, capture_output=True)
    return p.returncode, (p.stdout + p.stderr).decode("utf-8", "replace")


def render(vanban, md, fmt="docx,pdf"):
    """Renders md; returns (exit code, messages)."""
    return run([vanban, "render", md, "--format", fmt])


def paragraphs(docx):
    """Returns (style, text, [(run text, bold)]) of each body paragraph."""
    with zipfile.ZipFile(docx) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    out = []
    for p in root.iter(W + "p"):
        st = p.find(W + "pPr/" + W + "pStyle")
        runs = []
        for r in p.iter(W + "r"):
            t = "".join((x.text or "") if x.tag == W + "t" else
                        "\n" if x.tag == W + "br" else ""
                        for x in r)
            runs.append((t, r.find(W + "rPr/" + W + "b") is not None))
        out.append((st.get(W + "val") if st is not None else "",
                    "".join(t for t, _ in runs), runs))
    return out


def styles_xml(docx):
    """Returns word/styles.xml as text."""
    with zipfile.ZipFile(docx) as z:
        return z.read("word/styles.xml").decode("utf-8")


def pdf_text(pdf):
    """Returns the text of pdf, pages split by form feeds."""
    return run(["pdftotext", "-enc", "UTF-8", pdf, "-"])[1]


def squash(s):
    """Returns s with every run of white space made one space."""
    return re.sub(r"\s+", " ", s)


def in_order(text, parts):
    """Returns 1 when every part occurs in text, in this order."""
    at = 0
    for p in parts:
        k = text.find(p, at)
        if k < 0:
            return 0
        at = k + len(p)
    return 1


HEAD = """---
loai: {kind}
co_quan_chu_quan: UBND tỉnh Bắc Giang
co_quan: Sở Giáo dục và Đào tạo
viet_tat: SGDĐT
so: 7
dia_danh: Bắc Giang
ngay: 2025-03-10
trich_yeu: {subject}
"""

QD = HEAD.format(kind="quyet-dinh",
                 subject="Ban hành Quy chế thi đua của Sở") + """can_cu:
  - Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022
  - Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ
de_nghi: Chánh Văn phòng Sở
noi_nhan: [Như Điều 3, UBND tỉnh (b/c)]
luu: [VT, VP]
ky:
  quyen_han: KT
  thu_truong: Giám đốc
  chuc_vu: Phó Giám đốc
  ho_ten: Lê Văn Thử
---

Điều 1. Ban hành kèm theo Quyết định này Quy chế thi đua.

**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.

Điều. Chánh Văn phòng Sở chịu trách nhiệm thi hành Quyết định này.
"""


def test_decision(vanban, out):
    """A quyết định: authority, bases, proposal, enacting line, articles."""
    md = write(out, "qd.md", QD)
    code, msg = render(vanban, md)
    if not check(code == 0, "quyết định renders: " + msg.strip()[:200]):
        return
    ps = paragraphs(md[:-3] + ".docx")
    by_style = {}
    for st, t, _ in ps:
        by_style.setdefault(st, []).append(t)
    check(by_style.get("ThamQuyenBanHanh") ==
          ["GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO"],
          "quyết định signed KT.: the authority is the head's title and "
          "the agency, in its own style")
    check(by_style.get("DongQuyetDinh") == ["QUYẾT ĐỊNH:"],
          "'QUYẾT ĐỊNH:' in its own centred bold style")
    cc = by_style.get("CanCu", [])
    check(len(cc) == 3 and cc[0].endswith(";") and cc[1].endswith(";")
          and cc[2] == "Theo đề nghị của Chánh Văn phòng Sở.",
          "bases end ';' and 'Theo đề nghị của … .' ends them, italic "
          "style CanCu: %r" % cc)
    order = [st for st, _, _ in ps if st in (
        "TrichYeu", "ThamQuyenBanHanh", "CanCu", "DongQuyetDinh")]
    check(order == ["TrichYeu", "ThamQuyenBanHanh", "CanCu", "CanCu",
                    "CanCu", "DongQuyetDinh"],
          "title, authority, bases, proposal, enacting line in order")
    arts = [(t, runs) for st, t, runs in ps if t.startswith("Điều")]
    check([t.split(" ", 2)[1] for t, _ in arts] == ["1.", "2.", "3."],
          "articles numbered 1-3, the last numbered by vanban ('Điều.')")
    check(all(runs[0] == (t[:len(runs[0][0])], True) and
              runs[0][0].startswith("Điều") for t, runs in arts) and
          all(not b for _, runs in arts for _, b in runs[1:]),
          "'Điều n.' bold, the article's sentence not")
    check(arts and arts[-1][0].endswith("Quyết định này./."),
          "the last article ends with './.'")
    st = styles_xml(md[:-3] + ".docx")
    check('w:styleId="ThamQuyenBanHanh"' in st and
          'w:styleId="DongQuyetDinh"' in st,
          "styles ThamQuyenBanHanh and DongQuyetDinh defined")
    text = squash(pdf_text(md[:-3] + ".pdf"))
    check(in_order(text, [
        "QUYẾT ĐỊNH", "Ban hành Quy chế thi đua của Sở",
        "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Căn cứ Luật Thi đua",
        "Theo đề nghị của Chánh Văn phòng Sở.", "QUYẾT ĐỊNH:",
        "Điều 1. Ban hành", "Điều 2. Quyết định", "Điều 3. Chánh",
        "Nơi nhận:", "- Như Điều 3;", "KT. GIÁM ĐỐC"]),
        "PDF: the quyết định's lines in Decree 30's order")


def test_resolution(vanban, out):
    """A nghị quyết: 'QUYẾT NGHỊ:'; the authority overridden by a key."""
    md = write(out, "nq.md", HEAD.format(
        kind="nghi-quyet", subject="Về nhiệm vụ năm học 2025-2026") +
        """tham_quyen: Hội đồng trường Trung học phổ thông Ngô Sĩ Liên
noi_nhan: [Như Điều 2]
luu: [VT]
ky:
  quyen_han: TM
  tap_the: Hội đồng trường
  chuc_vu: Chủ tịch
  ho_ten: Nguyễn Thị Hòa
---

Điều 1. Thông qua nhiệm vụ năm học 2025-2026.

Điều 2. Hiệu trưởng tổ chức thực hiện Nghị quyết này.
""")
    code, msg = render(vanban, md, "docx")
    if not check(code == 0, "nghị quyết renders: " + msg.strip()[:200]):
        return
    ps = paragraphs(md[:-3] + ".docx")
    check(("DongQuyetDinh", "QUYẾT NGHỊ:") in [(s, t) for s, t, _ in ps],
          "nghị quyết: 'QUYẾT NGHỊ:'")
    check(("ThamQuyenBanHanh",
           "HỘI ĐỒNG TRƯỜNG TRUNG HỌC PHỔ THÔNG NGÔ SĨ LIÊN") in
          [(s, t) for s, t, _ in ps], "tham_quyen overrides the authority")


QC_BODY = """# Phần I. Những quy định chung

# Chương I. Quy định chung

## Điều 1. Phạm vi điều chỉnh

1. Quy chế này quy định về thi đua.

# Chương: Thi đua

## Mục: Hình thức thi đua

### Tiểu mục 1. Thi đua thường xuyên

## Điều. Hình thức thi đua thường xuyên

Thi đua thường xuyên được tổ chức hằng năm.

## Mục 2: Khen thưởng

## Điều 5. Danh hiệu

a) Lao động tiên tiến;

b) Chiến sĩ thi đua cơ sở.

## Mục tiêu của phong trào

Một đề mục thường.
"""


def test_scheme_a(vanban, out):
    """Phần / Chương / Mục / Tiểu mục / Điều recognised and numbered."""
    md = write(out, "qc.md", HEAD.format(
        kind="quy-che", subject="Thi đua, khen thưởng") + """noi_nhan: [Như trên]
luu: [VT]
ky: {chuc_vu: Giám đốc, ho_ten: Lê Văn Thử}
---

""" + QC_BODY)
    code, msg = render(vanban, md)
    if not check(code == 0, "quy chế renders"):
        return
    check("'Điều 5' không liền sau phần trước: thiếu 'Điều 3.'" in msg
          or "'Điều 5.' không liền sau phần trước: thiếu 'Điều 3.'" in msg,
          "a hand-written article number that skips is warned about: " +
          msg.strip()[:300])
    ps = paragraphs(md[:-3] + ".docx")
    div = [t for s, t, _ in ps if s == "PhanChuongMuc"]
    check(div == ["Phần I\nNHỮNG QUY ĐỊNH CHUNG", "Chương I\nQUY ĐỊNH CHUNG",
                  "Chương II\nTHI ĐUA", "Mục 1\nHÌNH THỨC THI ĐUA",
                  "Tiểu mục 1\nTHI ĐUA THƯỜNG XUYÊN",
                  "Mục 2\nKHEN THƯỞNG"],
          "divisions: lower-case label, upper-case title on the next "
          "line, Chương in Roman, Mục restarting: %r" % div)
    art = [t for s, t, _ in ps if s == "Dieu"]
    check(art == ["Điều 1. Phạm vi điều chỉnh",
                  "Điều 2. Hình thức thi đua thường xuyên",
                  "Điều 5. Danh hiệu"],
          "articles in the bold Điều style, numbered through the "
          "chapters: %r" % art)
    check(not any(t.startswith("I. CHƯƠNG") or t.startswith("1. Điều")
                  for _, t, _ in ps),
          "no 'I. CHƯƠNG I' nor '1. Điều 1.'")
    check(any(s.startswith("Heading") and "Mục tiêu" in t
              for s, t, _ in ps),
          "'Mục tiêu …' stays an ordinary heading")
    st = styles_xml(md[:-3] + ".docx")
    m = re.search(r'w:styleId="PhanChuongMuc".*?</w:style>', st, re.S)
    check(m is not None and ('<w:jc w:val="center"/>' in m.group(0) or
                             'w:basedOn w:val="TheThuc"' in m.group(0)) and
          "<w:b/>" in m.group(0) and "<w:keepNext/>" in m.group(0) and
          "<w:caps/>" not in m.group(0),
          "PhanChuongMuc: centred, bold, kept with next, no caps "
          "(the label stays lower case)")
    m = re.search(r'w:styleId="Dieu".*?</w:style>', st, re.S)
    check(m is not None and "<w:b/>" in m.group(0) and
          "<w:keepNext/>" in m.group(0) and 'w:outlineLvl' in m.group(0),
          "Dieu: bold, kept with next, on the outline")
    text = squash(pdf_text(md[:-3] + ".pdf"))
    check(in_order(text, ["Phần I", "NHỮNG QUY ĐỊNH CHUNG", "Chương I",
                          "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh",
                          "Chương II", "THI ĐUA", "Mục 1",
                          "Tiểu mục 1", "Điều 2.", "Mục 2",
                          "Điều 5. Danh hiệu"]),
          "PDF: the divisions and articles in order")


def cells(docx):
    """Returns the tables of document.xml as lists of rows of cells, each
    cell a list of (style, text) of its paragraphs."""
    with zipfile.ZipFile(docx) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    out = []
    for tbl in root.iter(W + "tbl"):
        rows = []
        for tr in tbl.findall(W + "tr"):
            row = []
            for tc in tr.findall(W + "tc"):
                ps = []
                for p in tc.findall(W + "p"):
                    st = p.find(W + "pPr/" + W + "pStyle")
                    ps.append((st.get(W + "val") if st is not None else "",
                               "".join(t.text or "" for t in p.iter(W + "t"))))
                row.append(ps)
            rows.append(row)
        out.append(rows)
    return out


def layout_lines(pdf):
    """Returns the lines of pdftotext -layout."""
    return run(["pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"])[1] \
        .splitlines()


MINUTES = HEAD.format(kind="bien-ban", subject="Họp hội đồng thi đua") + \
    """noi_nhan: [Các thành viên hội đồng]
luu: [VT, VP]
ky:
  - chuc_vu: Thư ký
    ho_ten: Nguyễn Thị Lan
  - quyen_han: TM
    tap_the: Hội đồng thi đua
    chuc_vu: Chủ tịch
    ho_ten: Trần Quang Vinh
---

Thời gian bắt đầu: 14 giờ 00 phút.

Cuộc họp kết thúc vào 16 giờ 00 phút cùng ngày.
"""


def test_minutes(vanban, out):
    """A biên bản with two signers side by side, names level, "Nơi nhận"
    under them."""
    md = write(out, "bb.md", MINUTES)
    code, msg = render(vanban, md)
    if not check(code == 0, "biên bản with two signers renders: " +
                 msg.strip()[:200]):
        return
    tables = cells(md[:-3] + ".docx")
    sign = [t for t in tables if any(
        ("ChucVuNguoiKy", "THƯ KÝ") in c for r in t for c in r)]
    if not check(len(sign) == 1 and len(sign[0]) == 1 and
                 len(sign[0][0]) == 2,
                 "DOCX: the two signers in one row of two cells"):
        return
    left, right = sign[0][0]
    check(left[0] == ("ChucVuNguoiKy", "THƯ KÝ") and
          ("HoTenNguoiKyCot", "Nguyễn Thị Lan") in left,
          "left cell: THƯ KÝ, room, name: %r" % left)
    check([t for s, t in right if s == "ChucVuNguoiKy"] ==
          ["TM. HỘI ĐỒNG THI ĐUA", "CHỦ TỊCH"] and
          ("HoTenNguoiKyCot", "Trần Quang Vinh") in right,
          "right cell: TM. HỘI ĐỒNG THI ĐUA / CHỦ TỊCH, room, name")
    ps = paragraphs(md[:-3] + ".docx")
    after = [(st, t) for st, t, _ in ps if st in ("NoiNhan", "DanhSachNoiNhan")]
    check(after == [("NoiNhan", "Nơi nhận:"),
                    ("DanhSachNoiNhan", "- Các thành viên hội đồng;"),
                    ("DanhSachNoiNhan", "- Lưu: VT, VP.")] and
          not any(st == "NoiNhan" for st, _ in left + right),
          "'Nơi nhận' and its list after the signers' table (Mẫu 1.9)")
    lines = layout_lines(md[:-3] + ".pdf")
    check(any("THƯ KÝ" in ln and "TM. HỘI ĐỒNG THI ĐUA" in ln
              for ln in lines),
          "PDF: THƯ KÝ and TM. HỘI ĐỒNG THI ĐUA on one line")
    check(any("Nguyễn Thị Lan" in ln and "Trần Quang Vinh" in ln
              for ln in lines),
          "PDF: both names on one line (rooms level though the titles "
          "differ in height)")
    names = [i for i, ln in enumerate(lines) if "Nguyễn Thị Lan" in ln]
    nn = [i for i, ln in enumerate(lines) if "Nơi nhận:" in ln]
    check(names and nn and nn[0] > names[-1],
          "PDF: 'Nơi nhận' under the names")
    _, sig = run(["pdfsig", md[:-3] + ".pdf"])
    check("Signature Field Name: Chu_tich" in sig,
          "PDF: the signature field is the main (right) signer's")


QC_ATTACHED = """---
loai: quy-che
trich_yeu: Thi đua, khen thưởng của Sở
kem_theo: qd-kem.md
---

# Chương I. Quy định chung

## Điều 1. Phạm vi điều chỉnh

Quy chế này quy định về thi đua, khen thưởng.
"""


def test_attached(vanban, out):
    """A quy chế issued with a quyết định: in the same file (phu_luc) and
    in a file of its own (kem_theo)."""
    write(out, "kem/qc-kem.md", QC_ATTACHED)
    qd = write(out, "kem/qd-kem.md", QD.replace(
        "---\n\nĐiều 1.", "phu_luc:\n  - noi_dung: qc-kem.md\n---\n\n"
        "Điều 1.", 1))
    code, msg = render(vanban, qd)
    if not check(code == 0, "quyết định with an attached quy chế renders: "
                 + msg.strip()[:200]):
        return
    line = ("(Ban hành kèm theo Quyết định số 07/QĐ-SGDĐT ngày 10 tháng 3 "
            "năm 2025 của Giám đốc Sở Giáo dục và Đào tạo)")
    ps = paragraphs(qd[:-3] + ".docx")
    sts = [s for s, _, _ in ps]
    check(sts.count("QuocHieu") == 2 and sts.count("CoQuanBanHanh") == 2,
          "one file: the attached quy chế has its own two-column header")
    check(("TenLoaiVanBan", "QUY CHẾ") in [(s, t) for s, t, _ in ps] and
          ("DongKemTheo", line) in [(s, t) for s, t, _ in ps],
          "one file: its type name and the '(Ban hành kèm theo …)' line "
          "composed from the quyết định (number, date, authority)")
    check("PhuLuc" not in sts, "one file: no 'Phụ lục' label for it")
    check(sts.count("SoKyHieu") == 1,
          "one file: no 'Số' nor date in the attached document's header")
    with zipfile.ZipFile(qd[:-3] + ".docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    check(xml.count('<w:pgNumType w:start="1"/>') >= 1 and
          xml.count('w:val="nextPage"') >= 1,
          "one file: the quy chế starts on a new page numbered from 1")
    pages = pdf_text(qd[:-3] + ".pdf").split("\f")
    qc = [i for i, p in enumerate(pages) if "QUY CHẾ" in p]
    check(qc and qc[0] > 0 and squash(line) in squash(pages[qc[0]]) and
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pages[qc[0]] and
          not pages[qc[0]].split()[0].isdigit(),
          "one file, PDF: the quy chế on its own page with its header and "
          "no page number on its first page")

    qc = os.path.join(out, "kem", "qc-kem.md")
    code, msg = render(vanban, qc)
    if not check(code == 0, "two files: the quy chế renders alone: " +
                 msg.strip()[:200]):
        return
    ps = paragraphs(qc[:-3] + ".docx")
    sts = [s for s, _, _ in ps]
    check(("DongKemTheo", line) in [(s, t) for s, t, _ in ps] and
          "QuocHieu" in sts and "SoKyHieu" not in sts and
          "DiaDanhNgayThang" not in sts,
          "two files: header, type name, the same '(Ban hành kèm theo …)' "
          "line, no 'Số' nor date")
    check("ChucVuNguoiKy" not in sts and "HoTenNguoiKy" not in sts and
          "NoiNhan" not in sts,
          "two files: no signature and no 'Nơi nhận' (signed with the "
          "quyết định)")
    text = squash(pdf_text(qc[:-3] + ".pdf"))
    check(squash(line) in text and "Số:" not in text and
          "Nơi nhận" not in text and "Điều 1. Phạm vi điều chỉnh" in text,
          "two files, PDF: the same lines")
    _, sig = run(["pdfsig", qc[:-3] + ".pdf"])
    check("Signature Field" not in sig, "two files: no signature field")

    bad = write(out, "kem/qc-lost.md", QC_ATTACHED.replace(
        "qd-kem.md", "khong-co.md"))
    code, msg = render(vanban, bad)
    check(code != 0 and "khong-co.md" in msg and
          not os.path.exists(bad[:-3] + ".docx"),
          "kem_theo naming a missing file: an error naming it, no output")
    write(out, "kem/a.md", QC_ATTACHED.replace("qd-kem.md", "b.md"))
    b = write(out, "kem/b.md", QC_ATTACHED.replace("qd-kem.md", "a.md")
              .replace("quy-che", "quyet-dinh"))
    code, msg = render(vanban, b)
    check(code in (0, 1) and "Sanitizer" not in msg,
          "two documents naming each other in kem_theo: no loop, no crash")


JOINT = """---
loai: ke-hoach
co_quan: [Sở Giáo dục và Đào tạo, Tỉnh đoàn Bắc Giang]
viet_tat: [SGDĐT, TĐ]
so: 4
dia_danh: Bắc Giang
ngay: 2025-03-03
trich_yeu: Hội thi Tin học trẻ năm 2025
noi_nhan: [UBND tỉnh (b/c)]
luu: [VT SGDĐT, VT TĐ]
ky:
  - {quyen_han: TM, tap_the: Ban Thường vụ Tỉnh đoàn, chuc_vu: Bí thư, ho_ten: Hoàng Văn Nam}
  - {quyen_han: KT, thu_truong: Giám đốc, chuc_vu: Phó Giám đốc, ho_ten: Lê Thị Nhung}
---

Nội dung kế hoạch.
"""


def test_joint(vanban, out):
    """A joint document (liên tịch): two agencies, a joint symbol, two
    signers; check wants one signer per agency."""
    md = write(out, "lt.md", JOINT)
    code, msg = render(vanban, md)
    if not check(code == 0, "liên tịch renders: " + msg.strip()[:200]):
        return
    ps = paragraphs(md[:-3] + ".docx")
    iss = [t for s, t, _ in ps if s == "CoQuanBanHanh"]
    check(iss == ["SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTỈNH ĐOÀN BẮC GIANG"],
          "liên tịch: both agencies, one per line, in the header: %r" % iss)
    check(("SoKyHieu", "Số: 04/KHLT-SGDĐT-TĐ") in [(s, t) for s, t, _ in ps],
          "liên tịch: symbol KHLT-SGDĐT-TĐ")
    lines = layout_lines(md[:-3] + ".pdf")
    check(any("TM. BAN THƯỜNG VỤ TỈNH ĐOÀN" in ln and "KT. GIÁM ĐỐC" in ln
              for ln in lines) and
          any("Hoàng Văn Nam" in ln and "Lê Thị Nhung" in ln for ln in lines),
          "liên tịch, PDF: the two agencies' signers side by side")
    code, msg = vcheck(vanban, write(out, "ck/lt-one.md", JOINT.replace(
        "  - {quyen_han: TM, tap_the: Ban Thường vụ Tỉnh đoàn, chuc_vu: "
        "Bí thư, ho_ten: Hoàng Văn Nam}\n", "")))
    check("văn bản liên tịch của 2 cơ quan cần 2 chữ ký, đang có 1" in msg,
          "check: a liên tịch with one signer: " + msg.strip()[:200])


def vcheck(vanban, md):
    """Runs 'vanban check' on md; returns (exit code, messages)."""
    return run([vanban, "check", md])


def test_check(vanban, out):
    """The check rules of each kind (src/check/lint_types.c)."""
    code, msg = vcheck(vanban, write(out, "ck/qd-ok.md", QD))
    check(code == 0 and "Như Điều" not in msg and "điều nào" not in msg,
          "check: a complete quyết định passes: " + msg.strip()[:300])
    body = QD[QD.index("---\n\n") + 5:]
    code, msg = vcheck(vanban, write(out, "ck/qd-noart.md", QD.replace(
        body, "Ban hành kèm theo Quyết định này Quy chế thi đua.\n")))
    check("cảnh báo: Quyết định chưa có điều nào" in msg,
          "check: a quyết định without articles: " + msg.strip()[:200])
    code, msg = vcheck(vanban, write(out, "ck/qd-nhutren.md", QD.replace(
        "noi_nhan: [Như Điều 3,", "noi_nhan: [Như trên,")))
    m = re.search(r"qd-nhutren\.md:(\d+):\d+: cảnh báo: nơi nhận của quyết "
                  r"định bắt đầu bằng '- Như Điều …;'", msg)
    check(m is not None and m.group(1) == "14" and
          "Như Điều 3" in msg,
          "check: a quyết định whose Nơi nhận does not start 'Như Điều', "
          "at its line, with the last article in the hint: " +
          msg.strip()[:300])
    code, msg = vcheck(vanban, write(out, "ck/qd-dieu5.md", QD.replace(
        "noi_nhan: [Như Điều 3,", "noi_nhan: [Như Điều 5,")))
    check("'Như Điều 5' chỉ đến điều không có" in msg,
          "check: 'Như Điều 5' in a quyết định of 3 articles")
    code, msg = vcheck(vanban, write(out, "ck/bb-one.md", MINUTES.replace(
        """ky:
  - chuc_vu: Thư ký
    ho_ten: Nguyễn Thị Lan
  - quyen_han""", """ky:
  - quyen_han""")))
    check("cảnh báo: biên bản có hai chữ ký: thư ký (bên trái) và chủ tọa "
          "(bên phải), đang có 1" in msg,
          "check: a biên bản with one signer: " + msg.strip()[:200])
    code, msg = vcheck(vanban, write(out, "ck/bb-two.md", MINUTES))
    check(code == 0 and "hai chữ ký" not in msg,
          "check: a biên bản with two signers passes: " + msg.strip()[:200])
    code, msg = vcheck(vanban, write(out, "ck/qc-noart.md", HEAD.format(
        kind="quy-che", subject="Thi đua") + """noi_nhan: [Như trên]
luu: [VT]
ky: {chuc_vu: Giám đốc, ho_ten: Lê Văn Thử}
---

# Những quy định chung

Quy chế này quy định về thi đua.
"""))
    check("quy chế chia thành các điều" in msg.lower() or
          "Quy chế chia thành các điều" in msg,
          "check: a quy chế without articles: " + msg.strip()[:200])
    code, msg = vcheck(vanban, write(out, "ck/kh-denghi.md", HEAD.format(
        kind="ke-hoach", subject="Thi đua năm 2025") + """de_nghi: Văn phòng
noi_nhan: [Các phòng]
luu: [VT]
ky: {chuc_vu: Giám đốc, ho_ten: Lê Văn Thử}
---

Nội dung.
"""))
    check("khóa 'de_nghi' chỉ dùng cho quyết định, nghị quyết" in msg,
          "check: de_nghi on a kế hoạch")
    write(out, "ck/qd-kem.md", QD)
    code, msg = vcheck(vanban, write(out, "ck/qc-kem.md", QC_ATTACHED
                                     .replace("kem_theo: qd-kem.md",
                                              "kem_theo: qd-kem.md\n"
                                              "ky: {chuc_vu: Giám đốc}")))
    check("không in 'ky'" in msg and "thiếu khóa 'noi_nhan'" not in msg and
          "họ tên người ký" not in msg,
          "check: an attached document: its own ky is reported as unused, "
          "no Nơi nhận nor signer required: " + msg.strip()[:300])


def keep_fixture(n):
    """Returns a quy chế whose Chương II or III falls near the foot of
    page 1, by the number n of filler clauses before it."""
    clauses = "".join(
        f"{i}. Nội dung khoản thứ {i} của điều này quy định việc tổ chức "
        "thi đua thường xuyên trong cơ quan.\n\n" for i in range(1, n + 1))
    rest = "".join(f"{i}. Hình thức khen thưởng thứ {i}.\n\n"
                   for i in range(1, 9))
    return HEAD.format(kind="quy-che", subject="Thi đua, khen thưởng") + \
        """noi_nhan: [Như trên]
luu: [VT]
ky: {chuc_vu: Giám đốc, ho_ten: Lê Văn Thử}
---

# Chương I. Quy định chung

## Điều 1. Phạm vi điều chỉnh

""" + clauses + """# Chương II. Hình thức thi đua

## Điều 2. Thi đua thường xuyên

1. Thi đua thường xuyên được tổ chức hằng năm.

2. Thi đua theo đợt được tổ chức theo chuyên đề.

3. Thi đua theo đợt được tổ chức theo chuyên đề.

# Chương III. Khen thưởng

## Điều 3. Hình thức khen thưởng

""" + rest


def test_keeps(vanban, out):
    """A chapter heading near the foot of a page goes to the next page
    with its article in both the PDF and LibreOffice's rendering of the
    DOCX (one LibreOffice call for every variant)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("ok - # skip keeps: no LibreOffice")
        return
    d = os.path.join(out, "keep")
    os.makedirs(d, exist_ok=True)
    names = []
    for n in (10, 11, 12, 13):
        md = write(d, f"keep{n}.md", keep_fixture(n))
        code, _ = render(vanban, md)
        if code == 0:
            names.append(md[:-3])
    lo = os.path.join(d, "lo")
    run([soffice, "--headless", "-env:UserInstallation=file://" +
         os.path.join(d, "lo-profile"), "--convert-to", "pdf", "--outdir", lo]
        + [n + ".docx" for n in names])
    moved = 0
    for n in names:
        lo_pdf = os.path.join(lo, os.path.basename(n) + ".pdf")
        code, msg = run([sys.executable, os.path.join(ROOT, "tests",
                                                      "compare_pdf.py"),
                         n + ".pdf", lo_pdf])
        check(code == 0, "keeps: %s agrees with LibreOffice (%s)" % (
            os.path.basename(n), msg.strip().splitlines()[-1]
            if msg.strip() else "no output"))
        pages = pdf_text(n + ".pdf").split("\f")
        tail = pages[0].split() if pages else []
        moved += len(pages) > 1 and tail[-2:] != ["Chương", "II"] and \
            tail[-2:] != ["Chương", "III"]
    check(moved == len(names) == 4,
          "keeps: no page ends with a chapter's label line")


def test_hostile(vanban, out):
    """Odd or hostile input to the new keys: refused or rendered, never a
    crash, a hang or a file outside the folder."""
    bb = HEAD.format(kind="bien-ban", subject="Thử") + \
        "noi_nhan: [A]\nluu: [VT]\n"
    cases = {
        "h/sub/outside.md": ("---\nloai: quy-che\ntrich_yeu: Thử\n"
                             "kem_theo: ../../qd.md\n---\n\nNội dung.\n",
                             "nằm ngoài thư mục"),
        "h/self.md": ("---\nloai: quy-che\ntrich_yeu: Thử\n"
                      "kem_theo: self.md\n---\n\nNội dung.\n",
                      "(kem_theo) có lỗi"),
        "h/ky-empty.md": (bb + "ky: []\n---\n\nNội dung.\n",
                          "thiếu chức vụ người ký"),
        "h/ky-words.md": (bb + "ky: [Thư ký, Chủ tọa]\n---\n\nNội dung.\n",
                          "cần các khóa con"),
        "h/ky-six.md": (bb + "ky:\n" + "".join(
            f"  - {{chuc_vu: Chức vụ rất dài số {i} không thể nào vừa một "
            f"cột hẹp, ho_ten: Người {i}}}\n" for i in range(6)) +
            "---\n\nNội dung.\n", None),
        "h/roman.md": (HEAD.format(kind="quy-che", subject="Thử") +
                       "noi_nhan: [A]\nluu: [VT]\nky: {chuc_vu: A, ho_ten: B}"
                       "\n---\n\n# Chương MMMMMMMMMMMMMMMMMMMMMM. X\n\n"
                       "# Chương MMMCMXCIX. Y\n\n## Điều 99999999. Z\n\n"
                       "Điều. W\n\n# Mục:\n", None),
    }
    for name, (text, want) in cases.items():
        md = write(out, name, text)
        code, msg = render(vanban, md)
        made = os.path.exists(md[:-3] + ".docx")
        if want is None:
            check(code == 0 and made and "Sanitizer" not in msg,
                  f"hostile {name}: rendered, no crash")
        else:
            check(code == 1 and not made and want in msg and
                  "Sanitizer" not in msg,
                  f"hostile {name}: refused with '{want}', nothing written")


def main():
    vanban, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    test_decision(vanban, out)
    test_resolution(vanban, out)
    test_scheme_a(vanban, out)
    test_minutes(vanban, out)
    test_attached(vanban, out)
    test_check(vanban, out)
    test_joint(vanban, out)
    test_hostile(vanban, out)
    test_keeps(vanban, out)
    sys.exit(1 if tap.failed else 0)


if __name__ == "__main__":
    main()
