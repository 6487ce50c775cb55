#!/usr/bin/env python3
"""End-to-end checks of the DOCX renderer.

Usage: python3 tests/test_docx.py VANBAN_BINARY OUTDIR

Renders content/*.md and a few small fixtures written to OUTDIR, then checks
the WordprocessingML against Decree 30 (sizes, positions, styles, sections),
validates every package with validate-docx (env VALIDATE_DOCX), converts all
of them with one LibreOffice call and checks the PDFs with pdftotext and
pdfinfo. Prints one "ok - ..." or "not ok - ..." line per check and exits 1
when any check failed. Python 3 standard library only.
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

import tap
from tap import check

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DC = "{http://purl.org/dc/elements/1.1/}"

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# ---------------------------------------------------------------- fixtures

CONG_VAN = """---
loai: cong-van
co_quan_chu_quan: Ủy ban nhân dân Thành phố Hồ Chí Minh
co_quan: Sở Giáo dục và Đào tạo
viet_tat: SGDĐT
so: 15
don_vi: VP
dia_danh: Thành phố Hồ Chí Minh
ngay: 2025-12-29
trich_yeu: V/v Triển khai kiểm soát thủ tục hành chính năm 2026
kinh_gui:
  - Phòng Giáo dục và Đào tạo các quận, huyện
  - Các trường trung học phổ thông
  - Các trung tâm giáo dục thường xuyên
noi_nhan:
  - Như trên
  - Giám đốc Sở (b/c)
luu: [VT, VP]
ky:
  quyen_han: KT
  thu_truong: Giám đốc
  chuc_vu: Phó Giám đốc
  ho_ten: Lê Thị Kiểm Thử
phu_luc:
  - tieu_de: Danh mục nhiệm vụ
    noi_dung: phu-luc-cv.md
    huong: ngang
---

Sở Giáo dục và Đào tạo đề nghị các đơn vị thực hiện các nội dung sau[^1]:

# Nhiệm vụ chung

## Rà soát thủ tục

Thực hiện theo hướng dẫn tại [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn/p/home.html) và **báo cáo** *đúng hạn*.

- Gạch đầu dòng thứ nhất của danh sách.
  + Gạch cộng lồng bên trong.
- Gạch đầu dòng thứ hai.

3. Mục đánh số ba.
4. Mục đánh số bốn.

Đề nghị các đơn vị **nghiêm túc** thực hiện.

[^1]: Chú thích kiểm thử số một.
"""

PHU_LUC = """# Danh mục nhiệm vụ

## Nhiệm vụ thường xuyên

| TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian | Sản phẩm |
|---|---|---|---|---|---|
| 1 | Rà soát thủ tục hành chính nội bộ | Văn phòng | Các phòng | Quý I | Báo cáo |
| 2 | Số hóa hồ sơ | Bộ phận Một cửa | Các phòng | Cả năm | Dữ liệu |
"""


def write_fixtures(outdir):
    """Writes the inline fixtures; returns their .md paths."""
    with open(os.path.join(outdir, "cong-van-thu.md"), "w", encoding="utf-8") as f:
        f.write(CONG_VAN)
    with open(os.path.join(outdir, "phu-luc-cv.md"), "w", encoding="utf-8") as f:
        f.write(PHU_LUC)
    return [os.path.join(outdir, "cong-van-thu.md")]


# ---------------------------------------------------------------- helpers

def parse(z, name):
    """Returns the parsed part, or None when missing."""
    try:
        return ET.fromstring(z.read(name))
    except KeyError:
        return None


def text_of(el):
    """Returns the concatenated w:t text below el."""
    return "".join(t.text or "" for t in el.iter(W + "t"))


def val(el, tag, attr="val"):
    """Returns w:attr of the first child tag of el, or None."""
    if el is None:
        return None
    c = el.find(tag)
    return None if c is None else c.get(W + attr)


def has(el, tag):
    """Returns True when el has the child tag (on/off property not off)."""
    if el is None:
        return False
    c = el.find(tag)
    return c is not None and c.get(W + "val") not in ("0", "false")


def run_with_text(root, text):
    """Returns the first w:r whose text is exactly text."""
    for r in root.iter(W + "r"):
        if text_of(r) == text:
            return r
    return None


def runs_starting(root, prefix):
    """Returns the w:r elements whose text starts with prefix."""
    return [r for r in root.iter(W + "r") if text_of(r).startswith(prefix)]


def styles_by_id(styles):
    """Returns {styleId: w:style}."""
    return {s.get(W + "styleId"): s for s in styles.iter(W + "style")}


def onoff(el):
    """Returns the value of an on/off property element (None: absent)."""
    if el is None:
        return None
    return el.get(W + "val") not in ("0", "false", "off")


class Fmt:
    """Effective formatting of runs and paragraphs, resolved the way Word
    does: document defaults, then the paragraph style chain, then the
    character style chain, then direct formatting."""

    RUN = {"b": "b", "i": "i", "caps": "caps", "u": "u", "vertAlign": "vertAlign",
           "sz": "sz", "color": "color"}

    def __init__(self, styles):
        self.ids = styles_by_id(styles) if styles is not None else {}
        self.defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr") \
            if styles is not None else None

    def chain(self, sid):
        """Returns the styles from the root of sid's basedOn chain to sid."""
        out, seen = [], set()
        while sid and sid in self.ids and sid not in seen:
            seen.add(sid)
            out.append(self.ids[sid])
            sid = val(self.ids[sid], W + "basedOn")
        return list(reversed(out))

    @staticmethod
    def apply_rpr(props, rpr):
        """Updates props from one w:rPr."""
        if rpr is None:
            return
        for tag in ("b", "i", "caps"):
            v = onoff(rpr.find(W + tag))
            if v is not None:
                props[tag] = v
        for tag in ("u", "vertAlign", "sz", "color"):
            el = rpr.find(W + tag)
            if el is not None:
                props[tag] = el.get(W + "val")

    def run(self, r, p):
        """Returns {b, i, caps, u, vertAlign, sz, color} of run r in p."""
        props = {"b": False, "i": False, "caps": False}
        self.apply_rpr(props, self.defaults)
        pstyle = val(p.find(W + "pPr"), W + "pStyle") if p is not None else None
        for st in self.chain(pstyle or "Normal"):
            self.apply_rpr(props, st.find(W + "rPr"))
        rpr = r.find(W + "rPr")
        for st in self.chain(val(rpr, W + "rStyle")):
            self.apply_rpr(props, st.find(W + "rPr"))
        self.apply_rpr(props, rpr)
        return props

    def para(self, p):
        """Returns the effective pPr children {tag: element} of p."""
        props = {}
        ppr = p.find(W + "pPr")
        for st in self.chain(val(ppr, W + "pStyle") or "Normal"):
            for el in st.find(W + "pPr") if st.find(W + "pPr") is not None else []:
                props[el.tag[len(W):]] = el
        for el in ppr if ppr is not None else []:
            props[el.tag[len(W):]] = el
        return props


FMT = None     # Fmt of the package being checked
PARENT = {}    # parent map of its document.xml


def rfmt(r):
    """Returns the effective run properties of run r of the document."""
    if r is None:
        return {}
    p = PARENT.get(r)
    while p is not None and p.tag != W + "p":
        p = PARENT.get(p)
    return FMT.run(r, p)


def parent_map(root):
    """Returns {child: parent} for every element below root."""
    return {c: p for p in root.iter() for c in p}


def dump_fields(vanban, md):
    """Returns {key: value} of 'vanban dump' header lines."""
    out = subprocess.run([vanban, "dump", md], capture_output=True,
                         text=True).stdout
    fields = {"basis": [], "headings": 0}
    for line in out.splitlines():
        if re.match(r"^\d+:\d+ (heading|division|"
                    r"article( \((label|cont)\))* \(titled\))( |$)", line):
            fields["headings"] += 1
        if line.startswith("basis: "):
            fields["basis"].append(line[len("basis: "):])
        m = re.match(r"^(parent|issuer|type|subject|name|number|place_date|"
                     r"issued_with):\s(.*)$", line)
        if m and m.group(1) not in fields:
            fields[m.group(1)] = m.group(2)
    return fields


# ---------------------------------------------------------------- checks

def check_sections(name, doc):
    """A4, margins, titlePg and header references in every section."""
    sects = list(doc.iter(W + "sectPr"))
    check(len(sects) >= 1, f"{name}: has a section")
    ok_a4 = ok_mar = ok_title = ok_hdr = True
    for s in sects:
        pg = s.find(W + "pgSz")
        w, h = int(pg.get(W + "w")), int(pg.get(W + "h"))
        if sorted((w, h)) != [11906, 16838]:
            ok_a4 = False
        if (w > h) != (pg.get(W + "orient") == "landscape"):
            ok_a4 = False
        m = s.find(W + "pgMar")
        if [m.get(W + k) for k in ("top", "bottom", "left", "right")] != \
                ["1134", "1134", "1701", "850"]:
            ok_mar = False
        if s.find(W + "titlePg") is None:
            ok_title = False
        types = {h.get(W + "type") for h in s.findall(W + "headerReference")}
        if not {"default", "first"} <= types:
            ok_hdr = False
    check(ok_a4, f"{name}: every section is A4 (orientation matches w/h)")
    check(ok_mar, f"{name}: margins 1134/1134/1701/850 twips in every section")
    check(ok_title, f"{name}: titlePg in every section (no number on page 1)")
    check(ok_hdr, f"{name}: default and first header in every section")
    return sects


def check_styles(name, z):
    """Body style, Normal without indent, headings, footnote styles."""
    st = parse(z, "word/styles.xml")
    if not check(st is not None, f"{name}: styles.xml present"):
        return
    ids = styles_by_id(st)
    rpr = st.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    fonts = rpr.find(W + "rFonts") if rpr is not None else None
    check(fonts is not None and all(fonts.get(W + k) == "Times New Roman"
                                    for k in ("ascii", "hAnsi", "cs", "eastAsia")),
          f"{name}: default font Times New Roman (ascii/hAnsi/cs/eastAsia)")
    check(val(rpr, W + "lang") == "vi-VN", f"{name}: default language vi-VN")
    normal = ids.get("Normal")
    check(normal is not None and normal.find(f".//{W}ind") is None,
          f"{name}: Normal has no indent")
    body = ids.get("NoiDung")
    ppr = body.find(W + "pPr") if body is not None else None
    check(ppr is not None and val(ppr, W + "jc") == "both",
          f"{name}: body style justified")
    check(ppr is not None and val(ppr, W + "ind", "firstLine") == "720",
          f"{name}: body style first-line indent 720 twips")
    check(ppr is not None and val(ppr, W + "spacing", "after") == "120",
          f"{name}: body style 6 pt after")
    sz = rpr.find(W + "sz") if rpr is not None else None
    check(sz is not None and sz.get(W + "val") == "28", f"{name}: body size 14 pt (w:sz 28)")
    for lvl in range(1, 5):
        h = ids.get(f"Heading{lvl}")
        ok = h is not None and val(h, W + "name") == f"heading {lvl}" and \
            val(h.find(W + "pPr"), W + "outlineLvl") == str(lvl - 1)
        check(ok, f"{name}: Heading{lvl} is 'heading {lvl}' with outlineLvl {lvl - 1}")
    def rp(sid):
        st_ = ids.get(sid)
        return st_.find(W + "rPr") if st_ is not None else None
    check(has(rp("Heading1"), W + "b") and has(rp("Heading2"), W + "b") and
          not has(rp("Heading3"), W + "b") and
          has(rp("Heading4"), W + "b") and has(rp("Heading4"), W + "i"),
          f"{name}: heading weights: 1-2 bold, 3 regular, 4 bold italic")
    check(all(ids.get(f"Heading{k}") is not None and
              ids[f"Heading{k}"].find(f"{W}pPr/{W}keepNext") is not None for k in range(1, 5)),
          f"{name}: headings keep with next")
    ft = ids.get("FootnoteText")
    check(ft is not None and ft.find(f".//{W}ind") is None and
          val(ft.find(W + "rPr"), W + "sz") == "24", f"{name}: FootnoteText 12 pt, no indent")
    fr = ids.get("FootnoteReference")
    check(fr is not None and val(fr.find(W + "rPr"), W + "vertAlign") == "superscript",
          f"{name}: FootnoteReference is superscript")
    check("FootnoteText" in ids and "Hyperlink" in ids,
          f"{name}: FootnoteText and Hyperlink styles exist")
    check_style_sheet(name, z, st, ids)


# vanban's own styles: id -> Vietnamese name (docx_styles.h)
OWN_STYLES = {
    "NoiDung": "Nội dung", "TheThuc": "Thể thức",
    "CoQuanChuQuan": "Tên cơ quan chủ quản", "CoQuanBanHanh": "Tên cơ quan ban hành",
    "QuocHieu": "Quốc hiệu", "TieuNgu": "Tiêu ngữ", "SoKyHieu": "Số, ký hiệu",
    "DiaDanhNgayThang": "Địa danh, ngày tháng", "TrichYeuCongVan": "Trích yếu công văn",
    "TenLoaiVanBan": "Tên loại văn bản", "TrichYeu": "Trích yếu", "KinhGui": "Kính gửi",
    "CanCu": "Căn cứ", "NoiNhan": "Nơi nhận", "DanhSachNoiNhan": "Danh sách nơi nhận",
    "ChucVuNguoiKy": "Chức vụ người ký", "ChuKyDau": "Chữ ký, dấu",
    "HoTenNguoiKy": "Họ tên người ký", "PhuLuc": "Phụ lục", "TenPhuLuc": "Tên phụ lục",
    "DongKemTheo": "Dòng kèm theo", "ChuTrongBang": "Chữ trong bảng",
}
BUILT_IN = ["Normal", "Title", "Subtitle"] + [f"Heading{k}" for k in range(1, 10)] + \
    ["TOC1", "TOC2", "TOC3", "TOCHeading", "Caption", "FootnoteText",
     "FootnoteReference", "Hyperlink", "FollowedHyperlink", "TableGrid",
     "ListParagraph", "Quote", "Header", "Footer", "DefaultParagraphFont",
     "TableNormal", "NoList"]


def check_style_sheet(name, z, st, ids):
    """latentStyles, theme fonts, every built-in a clerk reaches and every
    Decree 30 element style, all black Times New Roman."""
    lat = st.find(W + "latentStyles")
    check(lat is not None and len(lat.findall(W + "lsdException")) >= 40,
          f"{name}: styles.xml has latentStyles")
    theme = parse(z, "word/theme/theme1.xml")
    A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    fonts = [f.get("typeface") for f in theme.iter(A + "latin")] if theme is not None else []
    check(fonts and all(f == "Times New Roman" for f in fonts),
          f"{name}: theme major and minor fonts are the document font")
    links = [c.get("val") for k in ("hlink", "folHlink") for c in
             (theme.iter(A + k) if theme is not None else []) for c in c]
    check(links == ["000000", "000000"], f"{name}: theme link colours are black")
    missing = [b for b in BUILT_IN if b not in ids]
    check(not missing, f"{name}: built-in styles defined {missing}")
    bad = [i for i, n in OWN_STYLES.items() if val(ids.get(i), W + "name") != n]
    check(not bad, f"{name}: Decree 30 element styles with Vietnamese names {bad}")
    fmt = Fmt(st)
    for sid in ("Hyperlink", "FollowedHyperlink"):
        rp = fmt.run(ET.fromstring(f'<w:r xmlns:w="{W[1:-1]}"><w:rPr><w:rStyle w:val="{sid}"/></w:rPr></w:r>'), None)
        check(rp.get("color") == "000000" and rp.get("u") == "single",
              f"{name}: {sid} black and underlined")
    colours = [c.get(W + "val") for c in st.iter(W + "color")]
    check(all(c == "000000" for c in colours), f"{name}: every style colour is black")
    linked = [i for i in OWN_STYLES if i not in ("NoiDung", "TheThuc") and
              val(ids.get(i), W + "link") != i + "Char"]
    chars = [i + "Char" for i in OWN_STYLES if (ids.get(i + "Char") is not None and
             ids[i + "Char"].get(W + "type") == "character")]
    check(not [i for i in linked if i not in ("ChuKyDau",)] and len(chars) >= 18,
          f"{name}: Decree 30 element styles have linked character styles ({len(chars)})")
    outl = [val(ids.get(i).find(W + "pPr"), W + "outlineLvl") if ids.get(i) is not None else None
            for i in ("PhuLuc", "TenPhuLuc")]
    check(outl == ["0", "1"], f"{name}: appendix label and title in the navigation pane {outl}")
    h1 = ids.get("Heading1")
    num = h1.find(f"{W}pPr/{W}numPr") if h1 is not None else None
    check(num is None or val(num, W + "numId") is not None,
          f"{name}: Heading 1 numbering (when linked) names a list")


def no_direct(el):
    """Returns the paragraphs below el that carry direct formatting: run
    properties, or paragraph properties other than the style."""
    bad = []
    for p in el.iter(W + "p"):
        ppr = p.find(W + "pPr")
        extra = [c.tag[len(W):] for c in ppr if c.tag != W + "pStyle"] \
            if ppr is not None else []
        if not text_of(p):
            continue    # the rule paragraphs (drawn rules: see check_rules)
        runs = [r for r in p.iter(W + "r") if r.find(W + "rPr") is not None]
        if extra or runs:
            bad.append(text_of(p)[:30])
    return bad


def check_header(name, doc, fields):
    """The two-row header table and its texts."""
    tbl = doc.find(f"{W}body/{W}tbl")
    if not check(tbl is not None, f"{name}: document starts with the header table"):
        return
    tp = tbl.find(W + "tblPr")
    check(val(tp, W + "tblLayout", "type") == "fixed", f"{name}: header table fixed layout")
    grid = [int(g.get(W + "w")) for g in tbl.iter(W + "gridCol")]
    check(grid == [3685, 5669], f"{name}: header grid 65/100 mm ({grid})")
    rows = tbl.findall(W + "tr")
    # a document issued with a quyết định has no "Số" nor date: one row
    attached = not fields.get("number")
    check(len(rows) == (1 if attached else 2),
          f"{name}: header table has {1 if attached else 2} rows")
    qr = rfmt(run_with_text(tbl, QUOC_HIEU))
    check(qr.get("b") and qr.get("sz") == "26", f"{name}: Quốc hiệu bold 13 pt")
    tr = rfmt(run_with_text(tbl, TIEU_NGU))
    check(tr.get("b") and tr.get("sz") == "28", f"{name}: Tiêu ngữ bold 14 pt")
    issuer = fields.get("issuer")
    # several agencies (liên tịch): one run, lines broken by w:br
    ir = (runs_starting(tbl, issuer.split("\n")[0]) or [None])[0] \
        if issuer else None
    check(ir is not None and issuer == issuer.upper() and rfmt(ir).get("b"),
          f"{name}: issuer upper-case and bold")
    bad = no_direct(tbl)
    check(not bad, f"{name}: header block has no direct formatting {bad}")
    # the Tiêu ngữ's rule is its paragraph's bottom border (from its
    # style), as long as the text (~60.5 mm) with 1 pt to spare each side
    cells = rows[0].findall(W + "tc") if rows else []
    rule_ok = False
    if len(cells) == 2:
        for p in cells[1].findall(W + "p"):
            if text_of(p) == TIEU_NGU:
                pr = FMT.para(p)
                bdr, ind = pr.get("pBdr"), pr.get("ind")
                if bdr is not None and bdr.find(W + "bottom") is not None and ind is not None:
                    width = 5669 - int(ind.get(W + "left")) - int(ind.get(W + "right"))
                    rule_ok = abs(width - 3428 - 40) < 60   # 60.5 mm = 3430 twips
    check(rule_ok, f"{name}: rule under Tiêu ngữ as long as the Tiêu ngữ")
    if attached:
        return
    so_rows = [r for r in rows if "Số:" in text_of(r)]
    check(len(so_rows) == 1 and "ngày" in text_of(so_rows[0]),
          f"{name}: 'Số:' and place/date in the same table row")
    date_runs = [r for r in tbl.iter(W + "r") if "ngày" in text_of(r)]
    check(date_runs and rfmt(date_runs[0]).get("i"), f"{name}: place/date italic")


def check_title(name, doc, fields):
    """Type name and trích yếu, centred bold, with a rule under them."""
    t = fields.get("type")
    if not t:
        return
    r = run_with_text(doc, t)
    rp = rfmt(r)
    check(r is not None and rp.get("b") and rp.get("sz") == "28",
          f"{name}: type name bold 14 pt")
    p = PARENT.get(r)
    check(p is not None and not no_direct(p), f"{name}: type name has no direct formatting")


def heading_numbers(z, doc):
    """Returns [(level, label, text)] of the heading paragraphs: label is
    the number Word's heading list prints (counted as Word counts: nums of
    one abstract definition share counters, startOverride restarts), or
    None when the paragraph is off the list."""
    num = parse(z, "word/numbering.xml")
    ids = styles_by_id(parse(z, "word/styles.xml"))
    abs_of = {n.get(W + "numId"): n.find(W + "abstractNumId").get(W + "val")
              for n in num.findall(W + "num")}
    lvls = {a.get(W + "abstractNumId"): {l.get(W + "ilvl"): l for l in a.findall(W + "lvl")}
            for a in num.findall(W + "abstractNum")}
    overrides = {n.get(W + "numId"): {o.get(W + "ilvl"): int(o.find(W + "startOverride").get(W + "val"))
                                      for o in n.findall(W + "lvlOverride")
                                      if o.find(W + "startOverride") is not None}
                 for n in num.findall(W + "num")}
    counters, seen, out = {}, set(), []
    for p in doc.iter(W + "p"):
        sid = val(p.find(W + "pPr"), W + "pStyle") or ""
        if not sid.startswith("Heading"):
            continue
        npr = p.find(f"{W}pPr/{W}numPr")
        if npr is None:
            st = ids.get(sid)
            npr = st.find(f"{W}pPr/{W}numPr") if st is not None else None
        nid = val(npr, W + "numId") if npr is not None else None
        lv = int(val(npr, W + "ilvl") or 0) if npr is not None else 0
        if not nid or nid == "0":
            out.append((int(sid[7:]), None, text_of(p)))
            continue
        a = abs_of[nid]
        c = counters.setdefault(a, [0] * 9)
        if nid not in seen and overrides.get(nid):
            seen.add(nid)
            for k, v in overrides[nid].items():
                c[int(k)] = v - 1
        c[lv] += 1
        for k in range(lv + 1, 9):
            c[k] = 0
        lvl = lvls[a][str(lv)]
        fmt = val(lvl, W + "numFmt")
        n = c[lv]
        label = {"upperRoman": lambda: roman(n), "decimal": lambda: str(n),
                 "lowerLetter": lambda: chr(ord("a") + n - 1),
                 "none": lambda: ""}[fmt]()
        text = val(lvl, W + "lvlText").replace(f"%{lv + 1}", label)
        out.append((int(sid[7:]), text or None, text_of(p)))
    return out


def roman(n):
    """Returns n as an upper-case Roman numeral."""
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    r = ""
    for v, s in vals:
        while n >= v:
            r, n = r + s, n - v
    return r


def check_headings(name, z, doc, dump):
    """Every heading number the model prints is what the DOCX shows: a
    label of Word's heading list, or text written in the paragraph."""
    want = re.findall(r"^\d+:\d+ heading (\d+)(?: \[([^\]]+)\])?( \(label\))? (.*)$",
                      dump, re.M)
    got = heading_numbers(z, doc)
    bad = []
    for (lv, number, lab, text), (glv, glabel, gtext) in zip(want, got):
        shown = (glabel + " " + gtext) if glabel else gtext
        expect = (number + " " + text) if number else text
        if shown.replace("*", "") != expect.replace("*", "") or \
                bool(lab) != bool(glabel) or int(lv) != glv:
            bad.append(f"{expect!r} shown as {shown!r}")
    check(len(want) == len(got) and not bad,
          f"{name}: heading numbers as the model says, labels from Word's list {bad[:2]}")


def check_body(name, doc, fields):
    """Headings use the named styles; the signature block."""
    heads = [p for p in doc.iter(W + "p")
             if (val(p.find(W + "pPr"), W + "pStyle") or "").startswith("Heading")
             or val(p.find(W + "pPr"), W + "pStyle") in ("PhanChuongMuc", "Dieu")]
    want = fields.get("headings", 1)
    check((len(heads) > 0) == (want > 0),
          f"{name}: body uses Heading styles, or Phần, Chương, Điều "
          f"({len(heads)} for {want})")
    if "name" not in fields:    # issued with a quyết định: signed there
        return
    # the document's own signature: the first table with a signer's title
    # (one signer: "Nơi nhận" beside it; several, biên bản and liên tịch:
    # their row, "Nơi nhận" after it); a copy's comes after the copied text
    sign = next((t for t in doc.findall(f"{W}body/{W}tbl")
                 if "ChucVuNguoiKy" in ET.tostring(t, encoding="unicode")),
                None)
    tbls = [sign] if sign is not None and "Nơi nhận" in text_of(sign) else []
    check(sign is not None and sign.find(f"{W}tr/{W}trPr/{W}cantSplit") is not None,
          f"{name}: signature table row cannot split")
    if sign is not None and tbls:
        nn = runs_starting(sign, "Nơi nhận")
        rp = rfmt(nn[0]) if nn else {}
        check(rp.get("b") and rp.get("i") and rp.get("sz") == "24",
              f"{name}: 'Nơi nhận:' bold italic 12 pt")
        rec = runs_starting(sign, "- ")
        check(rec and all(rfmt(r).get("sz") == "22" for r in rec),
              f"{name}: recipient lines 11 pt")
        bad = no_direct(sign)
        check(not bad, f"{name}: signature block has no direct formatting {bad}")
    # the paragraph just before the signature table keeps with it
    body = doc.find(W + "body")
    kids = list(body)
    idx = kids.index(sign) if sign is not None else -1
    prev = kids[idx - 1] if idx > 0 else None
    check(prev is not None and prev.tag == W + "p" and
          prev.find(f"{W}pPr/{W}keepNext") is not None,
          f"{name}: last body paragraph keeps with the signature")
    # body tables: Table Grid, fixed layout, header rows repeated
    body_tables = [t for t in doc.iter(W + "tbl")
                   if val(t.find(W + "tblPr"), W + "tblStyle") == "TableGrid"]
    for t in body_tables[:1]:
        first = t.find(W + "tr")
        check(first.find(f"{W}trPr/{W}tblHeader") is not None,
              f"{name}: table header row has tblHeader")
        check(val(t.find(W + "tblPr"), W + "tblLayout", "type") == "fixed" and
              t.find(W + "tblGrid") is not None, f"{name}: body table fixed with tblGrid")
    whole, split = [], []
    for t in body_tables:
        for tr in t.findall(W + "tr"):
            styles = {val(p.find(W + "pPr"), W + "pStyle") for p in tr.iter(W + "p")}
            keep = tr.find(f"{W}trPr/{W}cantSplit") is not None
            if styles & {"TieuDeCot", "DongNhom"}:
                whole.append(keep)
            else:
                split.append(not keep)
    if body_tables:
        check(all(whole) and all(split),
              f"{name}: only heading and group rows are kept whole "
              f"({len(whole)} whole, {len(split)} may break)")
    looks = [t.find(f"{W}tblPr/{W}tblLook") for t in doc.iter(W + "tbl")]
    check(all(l is not None and all(l.get(W + k) is not None for k in
                                    ("firstRow", "lastRow", "firstColumn", "lastColumn",
                                     "noHBand", "noVBand")) for l in looks) and
          all((l.get(W + "firstRow") == "1") == (val(t.find(W + "tblPr"), W + "tblStyle") == "TableGrid")
              for t, l in zip(doc.iter(W + "tbl"), looks)),
          f"{name}: every table has explicit tblLook attributes, heading row only in data tables")
    widths = [(int(val(t.find(W + "tblPr"), W + "tblW", "w")),
               sum(int(g.get(W + "w")) for g in t.iter(W + "gridCol")))
              for t in doc.iter(W + "tbl")]
    check(all(a == b for a, b in widths), f"{name}: tblW equals the grid in every table")
    return body_tables


def check_page_header(name, z, doc):
    """The default header holds a centred PAGE field."""
    rels = parse(z, "word/_rels/document.xml.rels")
    target = None
    sect = doc.find(f"{W}body/{W}sectPr")
    rid = None
    for h in sect.findall(W + "headerReference"):
        if h.get(W + "type") == "default":
            rid = h.get(R + "id")
    for r in rels:
        if r.get("Id") == rid:
            target = r.get("Target")
    hdr = parse(z, "word/" + target) if target else None
    instr = "".join(i.text or "" for i in hdr.iter(W + "instrText")) if hdr is not None else ""
    check("PAGE" in instr.split(), f"{name}: default header has a PAGE field")
    jc = [FMT.para(p).get("jc").get(W + "val") for p in hdr.iter(W + "p")
          if FMT.para(p).get("jc") is not None] if hdr is not None else []
    check("center" in jc, f"{name}: page number centred")


def check_props(name, z, fields):
    """core.xml carries the title."""
    core = parse(z, "docProps/core.xml")
    title = core.find(DC + "title") if core is not None else None
    check(title is not None and (title.text or "").strip() != "",
          f"{name}: core.xml has a title")
    return title.text if title is not None else ""


def check_package(name, z):
    """settings, fonts and app properties."""
    st = parse(z, "word/settings.xml")
    check(st is not None and st.find(f"{W}footnotePr") is not None and
          val(st, W + "defaultTabStop") is not None, f"{name}: settings has footnotePr and defaultTabStop")
    compat = [c.get(W + "val") for c in st.iter(W + "compatSetting")
              if c.get(W + "name") == "compatibilityMode"] if st is not None else []
    check(compat == ["15"], f"{name}: compatibility mode 15")
    ft = parse(z, "word/fontTable.xml")
    check(ft is not None and any(f.get(W + "name") == "Times New Roman" for f in ft),
          f"{name}: fontTable declares Times New Roman")
    check(parse(z, "docProps/app.xml") is not None, f"{name}: docProps/app.xml present")


WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
EMU_PER_TWIP = 635


def anchored_rules(p):
    """Returns the line shapes anchored in paragraph p as (width in twips,
    horizontal alignment, vertical reference, offset in twips, last)."""
    out = []
    runs = list(p.iter(W + "r"))
    for i, r in enumerate(runs):
        for a in r.iter(WP + "anchor"):
            h, v = a.find(WP + "positionH"), a.find(WP + "positionV")
            al = h.find(WP + "align") if h is not None else None
            off = v.find(WP + "posOffset") if v is not None else None
            out.append((int(a.find(WP + "extent").get("cx")) // EMU_PER_TWIP,
                        al.text if al is not None else None,
                        v.get("relativeFrom") if v is not None else None,
                        int(off.text) // EMU_PER_TWIP if off is not None else None,
                        i == len(runs) - 1))
    return out


def check_rules(name, doc, fields):
    """The short rules under the issuer and the trích yếu are line shapes
    anchored at the end of their text, centred in its column, placed from
    the top of its last line, 1/5 to 1/2 of their box; no rule is an
    empty paragraph."""
    tbl = doc.find(f"{W}body/{W}tbl")
    cell = tbl.find(f"{W}tr/{W}tc")
    issuer = [p for p in cell.findall(W + "p")
              if val(p.find(W + "pPr"), W + "pStyle") == "CoQuanBanHanh"]
    rules = anchored_rules(issuer[0]) if issuer else []
    ok = len(rules) == 1 and rules[0][1] == "center" and rules[0][2] == "line" and \
        rules[0][4] and 0.2 <= rules[0][0] / 3685 <= 0.5
    check(ok, f"{name}: centred short rule anchored at the end of the issuer ({rules})")
    subj = [p for p in doc.iter(W + "p")
            if val(p.find(W + "pPr"), W + "pStyle") in ("TrichYeu",)]
    if fields.get("type") and fields.get("subject") and \
            not fields.get("issued_with"):     # else under that line
        rules = anchored_rules(subj[0]) if subj else []
        ok = len(rules) == 1 and rules[0][1] == "center" and rules[0][2] == "line" and \
            rules[0][4] and 0.1 <= rules[0][0] / 9355 <= 0.5
        check(ok, f"{name}: centred short rule anchored at the end of the trích yếu ({rules})")
    empty_bordered = [p for p in doc.iter(W + "p") if not text_of(p) and
                      p.find(f"{W}pPr/{W}pBdr") is not None and
                      val(p.find(W + "pPr"), W + "pStyle") != "DuongKe"]
    check(not empty_bordered, f"{name}: no rule drawn as an empty bordered paragraph")


def check_no_invisible(name, doc):
    """No paragraph is there only for layout: none with an exact line
    under 3 pt; every section (and the document) ends on a paragraph with
    text, never right after a table."""
    tiny = []
    for p in doc.iter(W + "p"):
        sp = p.find(f"{W}pPr/{W}spacing")
        if sp is not None and sp.get(W + "lineRule") == "exact" and \
                int(sp.get(W + "line", "240")) < 60:
            tiny.append(text_of(p)[:20])
    check(not tiny, f"{name}: no paragraph only a few twips high ({len(tiny)})")
    body = doc.find(W + "body")
    ends = [p for p in body.findall(W + "p") if p.find(f"{W}pPr/{W}sectPr") is not None]
    kids = [k for k in body if k.tag != W + "sectPr"]
    last = kids[-1] if kids else None
    check(all(text_of(p).strip() for p in ends) and last is not None and
          last.tag == W + "p" and text_of(last).strip(),
          f"{name}: every section ends on a paragraph with text "
          f"({[text_of(p)[:15] for p in ends]}, last {text_of(last)[:15] if last is not None else None!r})")


def check_docx(name, path, fields):
    """All generic checks of one package; returns the parsed document."""
    global FMT, PARENT
    z = zipfile.ZipFile(path)
    doc = parse(z, "word/document.xml")
    if not check(doc is not None, f"{name}: word/document.xml present"):
        return None, None
    FMT = Fmt(parse(z, "word/styles.xml"))
    PARENT = parent_map(doc)
    check_sections(name, doc)
    check_styles(name, z)
    check_header(name, doc, fields)
    check_title(name, doc, fields)
    check_body(name, doc, fields)
    check_page_header(name, z, doc)
    check_props(name, z, fields)
    check_package(name, z)
    check_rules(name, doc, fields)
    check_no_invisible(name, doc)
    bases = [p for p in doc.iter(W + "p") if text_of(p) in fields.get("basis", [])]
    if bases:
        check(all(rfmt(r).get("i") for p in bases for r in p.iter(W + "r")),
              f"{name}: 'Căn cứ' lines italic")
    kg = [p for p in doc.iter(W + "p") if text_of(p).startswith("Kính gửi:")]
    if kg and "- " not in text_of(kg[0]):
        check(text_of(kg[0]).endswith(".") and "\t" not in text_of(kg[0]),
              f"{name}: one Kính gửi recipient on the same line, ending with '.'")
    return z, doc


def check_cong_van(z, doc):
    """Fixture-specific checks: lists, notes, links, appendix, công văn."""
    name = "cong-van-thu"
    num = parse(z, "word/numbering.xml")
    absn = {a.get(W + "abstractNumId"): a for a in num.findall(W + "abstractNum")}
    heading = [a for a in absn.values()
               if [val(l, W + "pStyle") for l in a.findall(W + "lvl")] ==
               [f"Heading{k}" for k in range(1, 10)]]
    check(len(heading) == 1 and [val(l, W + "numFmt") for l in heading[0].findall(W + "lvl")][:3]
          == ["upperRoman", "decimal", "lowerLetter"] and
          [val(l, W + "lvlText") for l in heading[0].findall(W + "lvl")][:3] == ["%1.", "%2.", "%3)"],
          f"{name}: one heading list linked to Heading 1-9: I., 1., a)")
    bullets = [a for a in absn.values()
               if [val(l, W + "numFmt") for l in a.findall(W + "lvl")] == ["bullet"] * 9]
    texts = [val(l, W + "lvlText") for l in bullets[0].findall(W + "lvl")] if bullets else []
    check(len(bullets) == 1 and texts[:2] == ["-", "+"],
          f"{name}: one nine-level bullet list, '-' then '+' ({texts[:3]})")
    starts = [s.get(W + "val") for s in num.iter(W + "startOverride")]
    check("3" in starts, f"{name}: ordered list starts at 3 (startOverride)")
    ind_ok = all(l.find(f"{W}pPr/{W}ind").get(W + "firstLine") == "720" and
                 l.find(f"{W}pPr/{W}ind").get(W + "left") == "0"
                 for l in num.iter(W + "lvl") if val(l, W + "numFmt") != "none")
    check(ind_ok, f"{name}: list markers at the first-line indent, wrap to margin")
    check(all(val(l, W + "suff") == "space" for l in num.iter(W + "lvl")
              if val(l, W + "numFmt") != "none"), f"{name}: list suffix is a space")
    items = [p for p in doc.iter(W + "p")
             if p.find(f"{W}pPr/{W}numPr") is not None and
             val(p.find(W + "pPr"), W + "pStyle") == "NoiDung"]
    levels = [(text_of(p)[:12], val(p.find(f"{W}pPr/{W}numPr"), W + "ilvl")) for p in items]
    check(len(items) == 5, f"{name}: five list item paragraphs with numPr ({len(items)})")
    check(("Gạch cộng lồ", "1") in levels and ("Gạch đầu dòn", "0") in levels,
          f"{name}: '+' item on level 1 of the bullet list, '-' on level 0 ({levels})")
    notes = parse(z, "word/footnotes.xml")
    ids = [n.get(W + "id") for n in notes.iter(W + "footnote")]
    check("-1" in ids and "0" in ids, f"{name}: footnote separators -1 and 0")
    check("Chú thích kiểm thử số một." in text_of(notes), f"{name}: footnote text in footnotes.xml")
    refs = list(doc.iter(W + "footnoteReference"))
    check(len(refs) == 1 and refs[0].get(W + "id") in ids, f"{name}: footnote reference in body")
    links = list(doc.iter(W + "hyperlink"))
    rels = parse(z, "word/_rels/document.xml.rels")
    ext = {r.get("Id"): r for r in rels if r.get("TargetMode") == "External"}
    check(len(links) == 1 and links[0].get(R + "id") in ext and
          ext[links[0].get(R + "id")].get("Target") == "https://dichvucong.gov.vn/p/home.html",
          f"{name}: link is a w:hyperlink with an external relationship")
    # header: V/v under Số, 12 pt; long place shrinks to 13 pt
    tbl = doc.find(f"{W}body/{W}tbl")
    rows = tbl.findall(W + "tr")
    vv = runs_starting(rows[1], "V/v")
    check(vv and rfmt(vv[0]).get("sz") == "24", f"{name}: 'V/v' 12 pt in header row 2")
    check(text_of(rows[1]).count("V/v") == 1 and "V/v Triển khai" in text_of(rows[1]),
          f"{name}: trich_yeu written with 'V/v' prints it once")
    body_end = [text_of(p) for p in doc.iter(W + "p") if text_of(p).endswith("./.")]
    check(body_end and body_end[0].endswith("**nghiêm túc** thực hiện./.".replace("**", "")),
          f"{name}: the space after a bold word stays before './.' ({body_end[:1]})")
    dr = [r for r in rows[1].iter(W + "r") if "Thành phố Hồ Chí Minh" in text_of(r)]
    check(dr and rfmt(dr[0]).get("sz") == "26",
          f"{name}: long place/date line shrinks to 13 pt")
    check(run_with_text(doc, "KẾ HOẠCH") is None, f"{name}: công văn has no type name")
    # Kính gửi: several recipients, dashes, last ends with '.'
    kg = [p for p in doc.iter(W + "p") if text_of(p).startswith("Kính gửi:")]
    kt = text_of(kg[0]) if kg else ""
    check(kg and kt.count("- ") == 3 and kt.endswith("thường xuyên.") and
          "quận, huyện;" in kt, f"{name}: Kính gửi lists '- X;' lines, last with '.'")
    ind = FMT.para(kg[0]).get("ind") if kg else None
    check(ind is not None and ind.get(W + "hanging") is not None,
          f"{name}: Kính gửi dashes aligned by a hanging indent")
    # appendix: landscape section restarting at 1
    sects = list(doc.iter(W + "sectPr"))
    land = [s for s in sects if s.find(W + "pgSz").get(W + "orient") == "landscape"]
    check(len(sects) == 3 and len(land) == 1 and val(sects[1], W + "type") == "continuous",
          f"{name}: header block, body going on continuously, one landscape appendix section")
    check(land and land[0].find(W + "pgNumType") is not None and
          land[0].find(W + "pgNumType").get(W + "start") == "1" and
          val(land[0], W + "type") == "nextPage",
          f"{name}: appendix section on a new page, numbers from 1")
    lab = run_with_text(doc, "Phụ lục")
    check(lab is not None and rfmt(lab).get("b"), f"{name}: appendix label bold, lower case")
    core = parse(z, "docProps/core.xml")
    check((core.find(DC + "title").text or "").startswith("Triển khai kiểm soát"),
          f"{name}: core.xml title is the trích yếu")


# ---------------------------------------------------------------- PDF

def convert_all(docx_paths, outdir):
    """Converts every DOCX with one soffice call; returns {docx: pdf}."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not check(soffice is not None, "soffice found"):
        return {}
    profile = "file://" + os.path.abspath(os.path.join(outdir, "lo-profile"))
    subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless",
                    "--convert-to", "pdf", "--outdir", outdir] + docx_paths,
                   capture_output=True, timeout=600)
    return {d: os.path.join(outdir, os.path.splitext(os.path.basename(d))[0] + ".pdf")
            for d in docx_paths}


def check_pdf(name, pdf, must):
    """The PDF exists, has pages and shows the key texts."""
    if not check(os.path.exists(pdf), f"{name}: LibreOffice converted it"):
        return
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", info, re.M)
    check(m is not None and int(m.group(1)) >= 1, f"{name}: PDF has pages")
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                          text=True).stdout
    flat = re.sub(r"\s+", " ", text)
    for s in must:
        check(s in flat, f"{name}: PDF shows '{s}'")


# ---------------------------------------------------------------- main

def main():
    if len(sys.argv) != 3:
        print("usage: test_docx.py VANBAN_BINARY OUTDIR", file=sys.stderr)
        return 2
    vanban, outdir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(outdir, exist_ok=True)
    validator = os.environ.get("VALIDATE_DOCX",
                               os.path.join(ROOT, "..", "shared", "ooxml", "validate-docx"))
    have_validator = os.access(validator, os.X_OK)
    if os.environ.get("CI") or have_validator:
        # CI has ../shared beside the clone: there the validator must run.
        check(have_validator, f"validator found ({validator})")
    else:
        print(f"# skip - OOXML validator not found at {validator} (outside CI); "
              "set VALIDATE_DOCX to run the schema checks")
    sources = sorted(glob.glob(os.path.join(ROOT, "content", "*.md")))
    sources += write_fixtures(outdir)
    rendered = []
    for md in sources:
        name = os.path.splitext(os.path.basename(md))[0]
        out = os.path.join(outdir, name + ".docx")
        if os.path.exists(out):
            os.remove(out)
        p = subprocess.run([vanban, "render", md, "-o", out], capture_output=True, text=True)
        if not check(p.returncode == 0 and os.path.exists(out), f"{name}: rendered"):
            continue
        rendered.append((name, md, out))
    check(len(rendered) >= 2, "at least two documents rendered")

    # reproducible output with VANBAN_DATE, dated when rendered without it
    if rendered:
        name, md, out = rendered[-1]
        env = dict(os.environ, VANBAN_DATE="2024-05-15T08:30:00+07:00")
        one, two = os.path.join(outdir, "one.docx"), os.path.join(outdir, "two.docx")
        subprocess.run([vanban, "render", md, "-o", one], capture_output=True, env=env)
        subprocess.run([vanban, "render", md, "-o", two], capture_output=True, env=env)
        with open(one, "rb") as a, open(two, "rb") as b:
            check(a.read() == b.read(), f"{name}: same input and VANBAN_DATE give the same bytes")
        core = parse(zipfile.ZipFile(one), "docProps/core.xml")
        created = core.find("{http://purl.org/dc/terms/}created").text
        check(created == "2024-05-15T01:30:00Z",
              f"{name}: core.xml created is VANBAN_DATE, in UTC ({created})")
        env = dict(os.environ)
        env.pop("VANBAN_DATE", None)
        subprocess.run([vanban, "render", md, "-o", one], capture_output=True, env=env)
        core = parse(zipfile.ZipFile(one), "docProps/core.xml")
        created = core.find("{http://purl.org/dc/terms/}created").text
        import datetime
        when = datetime.datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=datetime.timezone.utc)
        now = datetime.datetime.now(datetime.timezone.utc)
        check(abs((now - when).total_seconds()) < 300,
              f"{name}: without VANBAN_DATE core.xml is dated when rendered ({created})")
        os.remove(one)
        os.remove(two)

    for name, md, out in rendered:
        fields = dump_fields(vanban, md)
        z, doc = check_docx(name, out, fields)
        if doc is not None:
            check_headings(name, z, doc, subprocess.run(
                [vanban, "dump", md], capture_output=True, text=True).stdout)
        if name == "cong-van-thu" and doc is not None:
            check_cong_van(z, doc)
        if not have_validator:
            continue
        v = subprocess.run([validator, "-q", out], capture_output=True, text=True)
        check(v.returncode == 0, f"{name}: validate-docx reports every part valid"
              + ("" if v.returncode == 0 else ": " + " | ".join(v.stdout.splitlines()[:3])))

    pdfs = convert_all([o for _, _, o in rendered], outdir)
    for name, md, out in rendered:
        fields = dump_fields(vanban, md)
        must = [QUOC_HIEU, TIEU_NGU]
        for key in ("type", "name"):
            if fields.get(key):
                must.append(fields[key])
        check_pdf(name, pdfs.get(out, ""), must)
    if "cong-van-thu" in [n for n, _, _ in rendered]:
        pdf = pdfs[os.path.join(outdir, "cong-van-thu.docx")]
        flat = " ".join(subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                                       text=True).stdout.split())
        check("nghiêm túc thực hiện./." in flat and flat.count("V/v") == 1,
              "cong-van-thu: LibreOffice shows 'nghiêm túc thực hiện./.' and 'V/v' once")
        info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", pdf],
                              capture_output=True, text=True).stdout
        sizes = re.findall(r"size:\s+([\d.]+) x ([\d.]+)", info)
        check(any(float(w) > float(h) for w, h in sizes) and
              any(float(w) < float(h) for w, h in sizes),
              "cong-van-thu: PDF has portrait and landscape pages")
    print(f"# {tap.failed} failed")
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
