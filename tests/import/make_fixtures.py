#!/usr/bin/python3
"""Builds the foreign DOCX files the importer is measured on, the way clerks
make them in Word, each with the truth it should give (truth/NAME.json).

Every file is made by code: python3-docx (Debian) plus the few WordprocessingML
pieces it has no API for (numbering, borders, drawn lines, footnotes), and
LibreOffice headless for the .doc, the .odt, a LibreOffice-saved .docx and the
PDF of every original. Nothing here is a hand-made binary.

Usage: make_fixtures.py OUTDIR     (default build/import-fixtures)
The output is cached: nothing is rebuilt when OUTDIR/stamp is newer than this
script. LibreOffice is called once per target format (pdf, doc, odt, docx),
each call converting every file at once."""
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY

# ---------------------------------------------------------------- TCVN3


def tcvn3_table():
    """Unicode letter -> TCVN3 byte, read from vanban's own table
    (src/check/legacy_tables.c), so the two can never disagree."""
    src = open(os.path.join(ROOT, "src", "check", "legacy_tables.c"), encoding="utf-8").read()
    body = src[src.index("tcvn3[128]"):]
    body = body[:body.index("};")]
    table = {}
    for byte, ch in re.findall(r'\[0x([0-9A-F]{2}) - 0x80\] = "([^"]+)"', body):
        table.setdefault(ch, int(byte, 16))
    return table


TCVN3 = None


def to_tcvn3(text, capitals=False):
    """Text as Word shows a TCVN3 document: each byte as its Windows-1252
    character. capitals: the .VnTimeH font, which draws the lower-case codes
    as capitals."""
    global TCVN3
    if TCVN3 is None:
        TCVN3 = tcvn3_table()
    if capitals:
        text = text.lower()
    out = []
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ch)
            continue
        b = TCVN3.get(ch)
        if b is None:
            raise ValueError(f"{ch!r} cannot be written in TCVN3 ({text!r})")
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)

# ---------------------------------------------------------------- helpers


class Style:
    """How one fixture is built: the clerk's habits."""

    def __init__(self, **kw):
        self.header = kw.get("header", "table")      # table | tabs | lines
        self.rule = kw.get("rule", "border")         # border | drawingml | vml | underscore
        self.headings = kw.get("headings", "typed")  # typed | numbering | numbering-styles | styles-typed
        self.bullets = kw.get("bullets", "-")        # - | + | • | numbering
        self.direct = kw.get("direct", False)        # font and size on every run
        self.tcvn3 = kw.get("tcvn3", False)          # .VnTime / .VnTimeH fonts
        self.sign = kw.get("sign", "table")          # table | tabs


class Builder:
    def __init__(self, style):
        self.s = style
        self.doc = docx.Document()
        self.notes = []
        self.num_ids = {}
        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.top_margin, sec.bottom_margin = Mm(20), Mm(20)
        sec.left_margin, sec.right_margin = Mm(30), Mm(15)
        normal = self.doc.styles["Normal"]
        normal.font.name = ".VnTime" if style.tcvn3 else "Times New Roman"
        normal.font.size = Pt(14)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), normal.font.name)

    # -- runs and paragraphs
    def run(self, p, text, bold=False, italic=False, size=None, caps_font=False, underline=False):
        if self.s.tcvn3:
            caps = caps_font or (text.upper() == text and text.lower() != text)
            r = p.add_run(to_tcvn3(text, caps))
            r.font.name = ".VnTimeH" if caps else ".VnTime"
        else:
            r = p.add_run(text)
            if self.s.direct:
                r.font.name = "Times New Roman"
        if self.s.direct or size:
            r.font.size = Pt(size or 14)
        r.bold = bold or None
        r.italic = italic or None
        if underline:
            r.underline = True
        return r

    def para(self, text="", align=JUSTIFY, bold=False, italic=False, size=None, indent=True, style=None):
        p = self.doc.add_paragraph(style=style)
        p.alignment = align
        pf = p.paragraph_format
        pf.space_after = Pt(6)
        if indent and align == JUSTIFY:
            pf.first_line_indent = Mm(12.7)
        if text:
            self.rich(p, text, bold, italic, size)
        return p

    def rich(self, p, text, bold=False, italic=False, size=None):
        """text with **bold**, *italic* and [^n] footnote marks."""
        for part in re.split(r"(\*\*[^*]+\*\*|\*[^*]+\*|\[\^\d+\])", text):
            if not part:
                continue
            if part.startswith("**"):
                self.run(p, part[2:-2], bold=True, italic=italic, size=size)
            elif part.startswith("[^"):
                self.footnote_ref(p, int(part[2:-1]))
            elif part.startswith("*"):
                self.run(p, part[1:-1], bold=bold, italic=True, size=size)
            else:
                self.run(p, part, bold=bold, italic=italic, size=size)

    # -- rules under the issuer and the tiêu ngữ
    def rule(self, p, width_mm, box_mm=165):
        kind = self.s.rule
        if kind == "border":
            pPr = p._p.get_or_add_pPr()
            pPr.append(parse_xml(
                f'<w:pBdr xmlns:w="{W_NS}"><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'))
            # the border spans the indented paragraph: indent to the rule's width
            return
        if kind == "underscore":
            q = self.doc.add_paragraph() if p is None else p
            return
        cx = int(width_mm * 36000)
        if kind == "drawingml":
            xml = (
                f'<w:r xmlns:w="{W_NS}" '
                'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
                'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
                'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
                '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
                'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
                '<wp:simplePos x="0" y="0"/>'
                '<wp:positionH relativeFrom="column"><wp:align>center</wp:align></wp:positionH>'
                '<wp:positionV relativeFrom="paragraph"><wp:posOffset>20000</wp:posOffset></wp:positionV>'
                f'<wp:extent cx="{cx}" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
                f'<wp:docPr id="{self.shape_id()}" name="Line"/><wp:cNvGraphicFramePr/>'
                '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
                '<wps:wsp><wps:cNvCnPr/><wps:spPr>'
                f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/></a:xfrm>'
                '<a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
                '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>'
                '</wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')
        else:  # vml
            pt = width_mm * 72 / 25.4
            xml = (f'<w:r xmlns:w="{W_NS}" xmlns:v="urn:schemas-microsoft-com:vml">'
                   f'<w:pict><v:line id="Line{self.shape_id()}" from="0,0" to="{pt:.1f}pt,0" '
                   'strokeweight=".5pt" style="position:absolute;'
                   f'margin-left:{(box_mm - width_mm) / 2 * 72 / 25.4:.1f}pt;margin-top:2pt;z-index:1"/>'
                   '</w:pict></w:r>')
        p._p.append(parse_xml(xml))

    _shape = 100

    def shape_id(self):
        Builder._shape += 1
        return Builder._shape

    def rule_text(self, n):
        return "_" * n

    # -- the header block (Phụ lục I, ô 1-4)
    def header(self, f):
        left = [(f.get("co_quan_chu_quan", "").upper(), False), (f["co_quan"].upper(), True)]
        left = [x for x in left if x[0]]
        right = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True)]
        number = "Số: " + (f["so"] or "      ") + "/" + (f["_code"] + "-" + f["viet_tat"] if f["_code"] else f["viet_tat"] + ("-" + f["don_vi"] if f.get("don_vi") else ""))
        date = f["_date_line"]
        s = self.s
        if f.get("du_thao"):
            # a clerk's "DỰ THẢO" stamp: a bold line in a box, above all
            self.boxed("DỰ THẢO" if f["du_thao"] == "co" else "DỰ THẢO " + f["du_thao"].upper())
        if f.get("luu_hanh"):
            # the circulation note typed in the first page's header
            # (Word: Header > Different First Page), where ô 11 is
            sec = self.doc.sections[0]
            sec.different_first_page_header_footer = True
            hp = sec.first_page_header.paragraphs[0]
            hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            self.run(hp, f["luu_hanh"].upper(), bold=True, size=13)
        self.contacts(f)
        if s.header == "table":
            t = self.doc.add_table(rows=1, cols=2)
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            t.autofit = False
            t.columns[0].width, t.columns[1].width = Mm(65), Mm(100)
            lc, rc = t.rows[0].cells
            lc.width, rc.width = Mm(65), Mm(100)
            self._cell_lines(lc, left, 13, rule_after=len(left) - 1, rule_mm=20)
            p = lc.add_paragraph()
            p.alignment = CENTER
            self.run(p, number, size=13)
            if f.get("_cv_subject"):
                p = lc.add_paragraph()
                p.alignment = CENTER
                self.run(p, f["_cv_subject"], size=12)
            self._cell_lines(rc, right, 13, rule_after=1, rule_mm=60, box_mm=100)
            p = rc.add_paragraph()
            p.alignment = CENTER
            self.run(p, date, italic=True)
            if f.get("do_khan"):
                # the urgency stamp typed under the number, in a box
                self.boxed(f["do_khan"].upper(), WD_ALIGN_PARAGRAPH.LEFT)
        elif s.header == "tabs":
            for i in range(2):
                l = left[i][0] if i < len(left) else ""
                p = self.doc.add_paragraph()
                p.paragraph_format.tab_stops.add_tab_stop(Mm(32), alignment=1)
                p.paragraph_format.tab_stops.add_tab_stop(Mm(115), alignment=1)
                p.paragraph_format.space_after = Pt(0)
                self.run(p, "\t" + l, bold=left[i][1] if i < len(left) else False, size=13)
                self.run(p, "\t" + right[i][0], bold=True, size=13)
            p = self.doc.add_paragraph()
            p.paragraph_format.tab_stops.add_tab_stop(Mm(32), alignment=1)
            p.paragraph_format.tab_stops.add_tab_stop(Mm(115), alignment=1)
            self.run(p, "\t" + self.rule_text(8) + "\t" + self.rule_text(26), size=13)
            p = self.doc.add_paragraph()
            p.paragraph_format.tab_stops.add_tab_stop(Mm(32), alignment=1)
            p.paragraph_format.tab_stops.add_tab_stop(Mm(115), alignment=1)
            self.run(p, "\t" + number, size=13)
            self.run(p, "\t" + date, italic=True)
        else:  # plain centred lines, one after the other
            for text, bold in left:
                p = self.para(text, CENTER, bold=bold, size=13)
                p.paragraph_format.space_after = Pt(0)
            self._rule_para(20)
            for text, bold in right:
                p = self.para(text, CENTER, bold=bold, size=13)
                p.paragraph_format.space_after = Pt(0)
            self._rule_para(60)
            self.para(number, CENTER, size=13)
            if f.get("_cv_subject"):
                self.para(f["_cv_subject"], CENTER, size=12)
            self.para(date, CENTER, italic=True)

    def boxed(self, text, align=WD_ALIGN_PARAGRAPH.LEFT):
        """A bold line framed by a paragraph border, as clerks stamp
        "HỎA TỐC" or "DỰ THẢO" in Word."""
        p = self.para("", align, indent=False)
        p.paragraph_format.right_indent = Mm(120)
        self.run(p, text, bold=True, size=13)
        sides = "".join(f'<w:{k} w:val="single" w:sz="8" w:space="1" w:color="000000"/>'
                        for k in ("top", "left", "bottom", "right"))
        p._p.get_or_add_pPr().append(parse_xml(f'<w:pBdr xmlns:w="{W_NS}">{sides}</w:pBdr>'))
        return p

    def contacts(self, f):
        """The agency's address in the first page's footer, as Word's
        "Different First Page" footer, with the labels clerks type."""
        lines = []
        if f.get("dia_chi"):
            lines.append("Địa chỉ: " + f["dia_chi"])
        tail = [lab + ": " + f[k] for lab, k in (("ĐT", "dien_thoai"), ("Fax", "fax"),
                                               ("E-mail", "email"), ("Website", "website")) if f.get(k)]
        if tail:
            lines.append(", ".join(tail))
        if not lines:
            return
        sec = self.doc.sections[0]
        sec.different_first_page_header_footer = True
        ft = sec.first_page_footer
        for k, line in enumerate(lines):
            p = ft.paragraphs[0] if k == 0 else ft.add_paragraph()
            p.alignment = CENTER
            self.run(p, line, size=11)

    def toc(self, heads):
        """A table of contents as Word inserts it (References > Table of
        Contents): a content control holding the "Mục lục" title and a TOC
        field whose result lists the headings with their page numbers."""
        def fld(t):
            return f'<w:r><w:fldChar w:fldCharType="{t}"/></w:r>'

        def instr(t):
            return f'<w:r><w:instrText xml:space="preserve">{t}</w:instrText></w:r>'
        paras = ['<w:p><w:pPr><w:pStyle w:val="TOCHeading"/><w:jc w:val="center"/></w:pPr>'
                 '<w:r><w:rPr><w:b/></w:rPr><w:t>MỤC LỤC</w:t></w:r></w:p>']
        for k, (level, text) in enumerate(heads):
            anchor = f"_Toc{100 + k}"
            pageref = " PAGEREF " + anchor + " \\h "
            start = fld("begin") + instr(' TOC \\o "1-3" \\h \\z \\u ') + fld("separate") if k == 0 else ""
            paras.append(
                f'<w:p><w:pPr><w:pStyle w:val="TOC{level}"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9350"/></w:tabs></w:pPr>'
                f'{start}<w:hyperlink w:anchor="{anchor}" w:history="1"><w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r>'
                f'<w:r><w:tab/></w:r>{fld("begin")}{instr(pageref)}{fld("separate")}'
                f'<w:r><w:t>{2 + k // 3}</w:t></w:r>{fld("end")}</w:hyperlink></w:p>')
        paras.append(f'<w:p>{fld("end")}</w:p>')
        sdt = parse_xml(f'<w:sdt xmlns:w="{W_NS}"><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
                        f'<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>{"".join(paras)}</w:sdtContent></w:sdt>')
        self.doc.element.body.append(sdt)
        # python-docx appends before the final sectPr only through its own API
        body = self.doc.element.body
        sect = body.find(qn("w:sectPr"))
        if sect is not None:
            body.remove(sect)
            body.append(sect)

    def picture(self, caption):
        """A chart inserted from a file (Insert > Pictures) with its
        caption under it in Word's Caption style."""
        path = os.path.join(tempfile.gettempdir(), "bieu-do-ket-qua.png")
        with open(path, "wb") as fp:
            fp.write(png_chart(240, 120))
        self.doc.add_picture(path, width=Mm(120))
        self.doc.paragraphs[-1].alignment = CENTER
        self.para(caption, CENTER, italic=True, style="Caption")

    def _rule_para(self, mm):
        if self.s.rule == "underscore":
            p = self.para(self.rule_text(int(mm / 2.5)), CENTER)
        else:
            p = self.para("", CENTER)
            self.rule(p, mm)
            if self.s.rule == "border":   # the border spans the paragraph
                p.paragraph_format.left_indent = Mm((165 - mm) / 2)
                p.paragraph_format.right_indent = Mm((165 - mm) / 2)
        p.paragraph_format.space_after = Pt(6)

    def _cell_lines(self, cell, lines, size, rule_after, rule_mm, box_mm=65):
        first = True
        for i, (text, bold) in enumerate(lines):
            p = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            p.alignment = CENTER
            p.paragraph_format.space_after = Pt(0)
            self.run(p, text, bold=bold, size=size)
            if i == rule_after:
                if self.s.rule == "border":
                    p.paragraph_format.left_indent = Mm(10)
                    p.paragraph_format.right_indent = Mm(10)
                    self.rule(p, rule_mm)
                elif self.s.rule == "underscore":
                    q = cell.add_paragraph()
                    q.alignment = CENTER
                    self.run(q, self.rule_text(int(rule_mm / 2.5)), size=size)
                else:
                    q = cell.add_paragraph()
                    q.alignment = CENTER
                    self.rule(q, rule_mm, box_mm)

    # -- type name, subject, Kính gửi, căn cứ
    def title(self, f):
        if f["_type_name"]:
            self.para(f["_type_name"].upper(), CENTER, bold=True).paragraph_format.space_before = Pt(12)
            if f.get("trich_yeu"):
                self.para(f["trich_yeu"], CENTER, bold=True)
                self._rule_para(30)
        if f.get("kinh_gui"):
            to = f["kinh_gui"]
            if len(to) == 1:
                self.para("Kính gửi: " + to[0] + ".", CENTER)
            else:
                self.para("Kính gửi:", CENTER)
                for k, x in enumerate(to):
                    self.para("- " + x + (";" if k + 1 < len(to) else "."), WD_ALIGN_PARAGRAPH.LEFT, indent=False).paragraph_format.left_indent = Mm(50)
        # a quyết định, nghị quyết (Decree 30, Mẫu 1.1-1.3): the issuing
        # authority under the trích yếu, "Theo đề nghị …" after the Căn cứ
        # lines, then "QUYẾT ĐỊNH:"
        if f.get("_tham_quyen"):
            self.para(f["_tham_quyen"].upper(), CENTER, bold=True)
        for b in f.get("can_cu", []):
            self.para(b + ";", JUSTIFY, italic=True)
        if f.get("de_nghi"):
            self.para(f["de_nghi"] + ".", JUSTIFY, italic=True)
        if f.get("_tham_quyen"):
            self.para("QUYẾT NGHỊ:" if f["loai"] == "nghi-quyet" else "QUYẾT ĐỊNH:", CENTER, bold=True)

    # -- numbering.xml
    def numbering(self, kind):
        if kind in self.num_ids:
            return self.num_ids[kind]
        numbering = self.doc.part.numbering_part.element
        aid = 50 + len(self.num_ids)
        if kind == "headings":
            lv = [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")]
        else:
            lv = [("bullet", "-"), ("bullet", "+"), ("bullet", "•")]
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{txt}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="0" w:firstLine="{720 if kind != "headings" else 720}"/></w:pPr></w:lvl>'
            for i, (fmt, txt) in enumerate(lv))
        absn = parse_xml(f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{aid}">'
                         f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
        nums = numbering.findall(qn("w:num"))
        first_num = nums[0] if nums else None
        if first_num is not None:
            first_num.addprevious(absn)
        else:
            numbering.append(absn)
        nid = 60 + len(self.num_ids)
        numbering.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>'))
        self.num_ids[kind] = nid
        return nid

    def numpr(self, p, kind, level):
        nid = self.numbering(kind)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="{nid}"/></w:numPr>'))

    # -- body blocks
    def heading(self, level, number, text):
        s = self.s
        shown = text.upper() if level == 1 else text
        if s.headings in ("numbering", "numbering-styles"):
            style = f"Heading {level}" if s.headings == "numbering-styles" else None
            p = self.para("", JUSTIFY, style=style)
            self.run(p, shown, bold=True, italic=level >= 3 and False)
            self.numpr(p, "headings", level - 1)
            if style:
                for r in p.runs:
                    r.font.color.rgb = docx.shared.RGBColor(0, 0, 0)
                    r.font.name = ".VnTime" if s.tcvn3 else "Times New Roman"
                    r.font.size = Pt(14)
            return
        style = f"Heading {level}" if s.headings == "styles-typed" else None
        p = self.para("", JUSTIFY, style=style)
        self.run(p, f"{number} {shown}", bold=level <= 2, italic=level == 3)
        if style:
            for r in p.runs:
                r.font.color.rgb = docx.shared.RGBColor(0, 0, 0)
                r.font.size = Pt(14)

    def item(self, level, text):
        s = self.s
        p = self.para("", JUSTIFY)
        if s.bullets == "numbering":
            self.numpr(p, "bullets", level)
            self.rich(p, text)
            return
        mark = {"-": ["-", "+"], "+": ["+", "-"], "•": ["•", "+"]}[s.bullets][min(level, 1)]
        if level:
            p.paragraph_format.first_line_indent = Mm(20)
        self.rich(p, mark + " " + text)

    def footnote_ref(self, p, n):
        r = p.add_run()
        r._r.append(parse_xml(f'<w:footnoteReference xmlns:w="{W_NS}" w:id="{n}"/>'))
        r.font.superscript = True

    def table(self, tbl, size=13):
        rows, cols = len(tbl["rows"]), len(tbl["rows"][0])
        t = self.doc.add_table(rows=rows, cols=cols)
        t.style = self.doc.styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        for r, row in enumerate(tbl["rows"]):
            for c, text in enumerate(row):
                if text is None:
                    continue
                cell = t.cell(r, c)
                lines = text.split("\n")
                for k, line in enumerate(lines):
                    p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                    p.alignment = CENTER if r < tbl.get("header", 1) or re.fullmatch(r"[\d.,%]+|[IVX]+", line) else WD_ALIGN_PARAGRAPH.LEFT
                    self.rich(p, line, bold=r < tbl.get("header", 1), size=size)
        for (r, c, rs, cs) in tbl.get("merges", []):
            a = t.cell(r, c)
            b = t.cell(r + rs - 1, c + cs - 1)
            keep = [p.text for p in a.paragraphs]
            m = a.merge(b)
            # merge() joins the texts of every cell: keep the anchor's only
            for p in m.paragraphs[len(keep):]:
                p._p.getparent().remove(p._p)
        return t

    def signature(self, f):
        k = f["ky"]
        lines = []
        if k.get("quyen_han"):
            head = k.get("tap_the") if k["quyen_han"] == "TM" else k.get("thu_truong")
            lines.append((k["quyen_han"] + ". " + head.upper(), True))
        lines.append((k["chuc_vu"].upper(), True))
        rec = [("- " + x + ";", False) for x in f["noi_nhan"]]
        rec.append(("- Lưu: " + ", ".join(f["luu"]) + ".", False))
        if f.get("nguoi_soan"):
            rec.append((f["nguoi_soan"] + (".(" + f["so_ban"] + ")" if f.get("so_ban") else ""), False))
        t = self.doc.add_table(rows=1, cols=2)
        t.autofit = False
        lc, rc = t.rows[0].cells
        lc.width, rc.width = Mm(85), Mm(80)
        p = lc.paragraphs[0]
        self.run(p, "Nơi nhận:", bold=True, italic=True, size=12)
        for text, _ in rec:
            q = lc.add_paragraph()
            q.paragraph_format.space_after = Pt(0)
            self.run(q, text, size=11)
        first = True
        for text, bold in lines:
            q = rc.paragraphs[0] if first else rc.add_paragraph()
            first = False
            q.alignment = CENTER
            q.paragraph_format.space_after = Pt(0)
            self.run(q, text, bold=bold)
        for _ in range(4):
            rc.add_paragraph()
        q = rc.add_paragraph()
        q.alignment = CENTER
        self.run(q, k["ho_ten"], bold=True)

    def appendix(self, a, f):
        sec = self.doc.add_section()
        if a.get("landscape"):
            sec.orientation = WD_ORIENT.LANDSCAPE
            sec.page_width, sec.page_height = Mm(297), Mm(210)
        self.para(a["label"], CENTER, bold=True)
        self.para(a["title"].upper(), CENTER, bold=True)
        self.para(f"(Kèm theo {f['_type_name']} số {f['so'] or '      '}/{f['_code']}-{f['viet_tat']} {f['_date_long']} của {f['co_quan']})", CENTER, italic=True)
        for b in a["blocks"]:
            self.block(b)

    def block(self, b):
        kind = b[0]
        if kind == "p":
            self.para(b[1])
        elif kind == "h":
            self.heading(b[1], b[2], b[3])
        elif kind == "li":
            self.item(b[1], b[2])
        elif kind == "table":
            self.table(b[1])
        elif kind == "bold":
            self.para(b[1], bold=True)
        elif kind == "pagebreak":
            self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind == "toc":
            self.toc(b[1])
        elif kind == "picture":
            self.picture(b[1])

    def footnotes_part(self, notes):
        if not notes:
            return
        body = "".join(
            f'<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {esc(self._enc(t))}</w:t></w:r></w:p></w:footnote>'
            for n, t in notes)
        xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">'
               '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
               '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
               f'{body}</w:footnotes>')
        part = Part(PackURI("/word/footnotes.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                    xml.encode("utf-8"), self.doc.part.package)
        self.doc.part.relate_to(part, RT.FOOTNOTES)

    def _enc(self, t):
        return to_tcvn3(t) if self.s.tcvn3 else t


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def png_chart(w, h):
    """A small bar chart as PNG bytes, made here (zlib, no image library)."""
    import struct
    import zlib
    bars = [0.55, 0.7, 0.8, 0.9, 0.97]
    rows = []
    for y in range(h):
        row = bytearray([0])
        for x in range(w):
            k = x * len(bars) // w
            inside = (x % (w // len(bars))) > 6 and y > h * (1 - bars[k])
            row += bytes([40, 90, 160]) if inside else bytes([255, 255, 255])
        rows.append(bytes(row))

    def chunk(t, data):
        c = struct.pack(">I", len(data)) + t + data
        return c + struct.pack(">I", zlib.crc32(t + data) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b""))

# ---------------------------------------------------------------- documents

TYPES = {"de-an": ("Đề án", "ĐA"), "ke-hoach": ("Kế hoạch", "KH"), "quyet-dinh": ("Quyết định", "QĐ"), "bao-cao": ("Báo cáo", "BC"),
         "to-trinh": ("Tờ trình", "TTr"), "cong-van": ("", "")}


def date_line(f):
    y, m, d = (f["ngay"].split("-") + ["", ""])[:3]
    mm = m if m in ("01", "02", "10", "11", "12") else m.lstrip("0")
    dd = d if d == "" or int(d) >= 10 or int(d) <= 2 else d.lstrip("0")
    return f"{f['dia_danh']}, ngày {dd or '     '} tháng {mm or '     '} năm {y}"


def complete(f):
    f = dict(f)
    f["_type_name"], f["_code"] = TYPES[f["loai"]]
    f["_date_line"] = date_line(f)
    y, m, d = (f["ngay"].split("-") + ["", ""])[:3]
    f["_date_short"] = f"{d}/{m}/{y}" if d else y
    f["_date_long"] = date_line(f).split(", ", 1)[1]
    if f["loai"] == "cong-van":
        f["_cv_subject"] = "V/v " + f["trich_yeu"]
    if f["loai"] in ("quyet-dinh", "nghi-quyet"):
        ky = f.get("ky", {})
        who = ky.get("thu_truong") if ky.get("quyen_han") in ("KT", "TL", "TUQ") else ky.get("chuc_vu")
        f["_tham_quyen"] = f"{who} {f['co_quan']}" if ky.get("quyen_han") != "TM" else f["co_quan"]
    return f


BG = {"co_quan_chu_quan": "UBND tỉnh Bắc Giang", "co_quan": "Sở Giáo dục và Đào tạo", "viet_tat": "SGDĐT",
      "dia_danh": "Bắc Giang"}
KT = {"quyen_han": "KT", "thu_truong": "Giám đốc", "chuc_vu": "Phó Giám đốc", "ho_ten": "Nguyễn Văn Thêm"}


def plan_body(year):
    return [
        ("p", f"Thực hiện Kế hoạch số 03/KH-UBND ngày 08/01/{year} của UBND tỉnh về kiểm soát thủ tục hành chính năm {year}, Sở Giáo dục và Đào tạo xây dựng Kế hoạch thực hiện như sau:"),
        ("h", 1, "I.", "Mục đích, yêu cầu"),
        ("h", 2, "1.", "Mục đích"),
        ("li", 0, "Tiếp tục quán triệt, triển khai thực hiện đầy đủ các văn bản chỉ đạo của Trung ương và của tỉnh về kiểm soát thủ tục hành chính;"),
        ("li", 1, "các văn bản của UBND tỉnh;"),
        ("li", 1, "các văn bản của Bộ Giáo dục và Đào tạo."),
        ("li", 0, "Nâng cao chất lượng giải quyết thủ tục hành chính, lấy sự hài lòng của người dân làm thước đo."),
        ("h", 2, "2.", "Yêu cầu"),
        ("p", "Các phòng thuộc Sở chủ động triển khai, bảo đảm **đúng tiến độ**, *chất lượng* và hiệu quả."),
        ("h", 1, "II.", "Nội dung"),
        ("h", 2, "1.", "Rà soát, đơn giản hóa thủ tục hành chính"),
        ("h", 3, "a)", "Rà soát quy trình nội bộ"),
        ("p", f"Hoàn thành rà soát 12 thủ tục hành chính nội bộ trong tháng 6 năm {year}."),
        ("h", 3, "b)", "Đề xuất phương án đơn giản hóa"),
        ("p", "Đề xuất cắt giảm ít nhất 20% thời gian giải quyết."),
        ("h", 2, "2.", "Công khai thủ tục hành chính"),
        ("p", "Công khai 100% thủ tục hành chính trên Cổng Dịch vụ công quốc gia."),
        ("h", 1, "III.", "Tổ chức thực hiện"),
        ("p", "Văn phòng Sở chủ trì, theo dõi, đôn đốc các phòng thực hiện Kế hoạch này./."),
    ]


def fixtures():
    """(name, style, front matter, body blocks, footnotes, appendices)"""
    out = []
    kh = dict(BG, loai="ke-hoach", so="12", ngay="2024-01-19",
              trich_yeu="Kiểm soát thủ tục hành chính năm 2024",
              noi_nhan=["Văn phòng UBND tỉnh (b/c)", "Giám đốc, các Phó Giám đốc Sở", "Các phòng thuộc Sở"],
              luu=["VT", "VP"], ky=dict(KT))
    out.append(("kh-bang-vien", Style(header="table", rule="border", headings="typed", bullets="-"), kh, plan_body(2024), [], []))
    out.append(("kh-tab-gach", Style(header="tabs", rule="underscore", headings="numbering", bullets="+"),
                dict(kh, so="15", ngay="2024-02-05"), plan_body(2024), [], []))
    out.append(("kh-dong-drawingml", Style(header="lines", rule="drawingml", headings="numbering-styles", bullets="numbering"),
                dict(kh, so="", ngay="2025-03"), plan_body(2025), [], []))
    body = plan_body(2024)
    body[0] = ("p", body[0][1].replace("của UBND tỉnh về", "của UBND tỉnh[^1] về"))
    body[8] = ("p", body[8][1] + "[^2]")
    out.append(("kh-vml-truc-tiep", Style(header="table", rule="vml", headings="styles-typed", bullets="•", direct=True),
                dict(kh, so="07"), body,
                [(1, "Kế hoạch số 03/KH-UBND ngày 08/01/2024 của UBND tỉnh Bắc Giang."),
                 (2, "Theo Công văn số 15/SGDĐT-VP ngày 10/01/2024.")], []))
    # TCVN3: capitals with a tone only in .VnTimeH runs (all-capital lines).
    tc = dict(co_quan_chu_quan="UBND tỉnh Bắc Giang", co_quan="Sở Giáo dục và Đào tạo", viet_tat="SGDĐT",
              dia_danh="Bắc Giang", loai="ke-hoach", so="05", ngay="2009-03-16",
              trich_yeu="Tổ chức kiểm tra công tác văn thư năm 2009",
              noi_nhan=["Giám đốc Sở", "Các phòng thuộc Sở"], luu=["VT"],
              ky=dict(quyen_han="KT", thu_truong="Giám đốc", chuc_vu="Phó Giám đốc", ho_ten="Trần Văn Bình"))
    out.append(("kh-tcvn3", Style(header="table", rule="border", headings="typed", bullets="-", tcvn3=True), tc, [
        ("p", "Thực hiện chương trình công tác năm 2009, Sở Giáo dục và Đào tạo xây dựng kế hoạch kiểm tra như sau:"),
        ("h", 1, "I.", "Mục đích, yêu cầu"),
        ("li", 0, "Đánh giá đúng thực trạng công tác văn thư, lưu trữ;"),
        ("li", 0, "Kịp thời chấn chỉnh những tồn tại."),
        ("h", 1, "II.", "Nội dung kiểm tra"),
        ("h", 2, "1.", "Công tác quản lý văn bản đi, đến"),
        ("p", "Kiểm tra sổ đăng ký văn bản đi, văn bản đến của các phòng."),
        ("h", 2, "2.", "Công tác lập hồ sơ"),
        ("p", "Kiểm tra việc lập hồ sơ công việc năm 2008./."),
    ], [], []))
    qd = dict(BG, loai="quyet-dinh", so="125", ngay="2024-03-21",
              trich_yeu="Về việc thành lập Tổ kiểm soát thủ tục hành chính năm 2024",
              can_cu=["Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính",
                      "Căn cứ Quyết định số 25/2021/QĐ-UBND ngày 12/7/2021 của UBND tỉnh"],
              de_nghi="Theo đề nghị của Chánh Văn phòng Sở",
              noi_nhan=["Như Điều 3", "Giám đốc Sở (b/c)"], luu=["VT", "VP"],
              ky=dict(quyen_han="KT", thu_truong="Giám đốc", chuc_vu="Phó Giám đốc", ho_ten="Lê Thị Minh Hoa"))
    out.append(("qd-to-kiem-soat", Style(header="table", rule="border"), qd, [
        ("p", "**Điều 1.** Thành lập Tổ kiểm soát thủ tục hành chính năm 2024 của Sở Giáo dục và Đào tạo gồm các ông (bà) có tên sau:"),
        ("li", 0, "Ông Nguyễn Văn An, Chánh Văn phòng Sở, Tổ trưởng;"),
        ("li", 0, "Bà Trần Thị Bình, chuyên viên Văn phòng Sở, thành viên."),
        ("p", "**Điều 2.** Tổ kiểm soát có nhiệm vụ rà soát, kiểm soát chất lượng thủ tục hành chính thuộc thẩm quyền của Sở."),
        ("p", "**Điều 3.** Chánh Văn phòng Sở, Trưởng các phòng thuộc Sở và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."),
    ], [], []))
    cv = dict(co_quan_chu_quan="UBND tỉnh Bắc Giang", co_quan="Sở Giáo dục và Đào tạo", viet_tat="SGDĐT",
              don_vi="VP", dia_danh="Bắc Giang", loai="cong-van", so="215", ngay="2024-04-02",
              trich_yeu="triển khai kiểm soát thủ tục hành chính quý II năm 2024",
              kinh_gui=["Phòng Giáo dục và Đào tạo các huyện, thành phố", "Các trường trung học phổ thông"],
              noi_nhan=["Như trên", "Giám đốc Sở (b/c)"], luu=["VT", "VP"],
              ky=dict(quyen_han="TL", thu_truong="Giám đốc", chuc_vu="Chánh Văn phòng", ho_ten="Nguyễn Văn An"))
    out.append(("cv-kinh-gui", Style(header="table", rule="border"), cv, [
        ("p", "Thực hiện Kế hoạch số 12/KH-SGDĐT ngày 19/01/2024 của Sở Giáo dục và Đào tạo, Sở đề nghị các đơn vị thực hiện một số nội dung sau:"),
        ("li", 0, "Rà soát quy trình tiếp nhận hồ sơ trước ngày 15/4/2024;"),
        ("li", 0, "Báo cáo kết quả về Sở (qua Văn phòng) trước ngày 20/6/2024."),
        ("p", "Sở Giáo dục và Đào tạo đề nghị các đơn vị nghiêm túc thực hiện./."),
    ], [], []))
    bc = dict(BG, loai="bao-cao", so="45", ngay="2025-03-18",
              trich_yeu="Kết quả kiểm soát thủ tục hành chính quý I năm 2025",
              kinh_gui=["Ủy ban nhân dân tỉnh Bắc Giang"],
              noi_nhan=["Như trên", "Văn phòng UBND tỉnh"], luu=["VT", "VP"], ky=dict(KT, ho_ten="Lê Thị Minh Hoa"))
    numtab = {"header": 2, "rows": [
        ["TT", "Lĩnh vực", "Số hồ sơ", None, "Kết quả giải quyết", None],
        [None, None, "Tiếp nhận", "Trực tuyến", "Đúng hạn", "Quá hạn"],
        ["I", "Cấp tỉnh", None, None, None, None],
        ["1", "Văn bằng, chứng chỉ", "1.128", "1.117", "1.086", "0"],
        ["2", "Giáo dục trung học", "214", "209", "201", "0"],
        ["II", "Cấp huyện", None, None, None, None],
        ["1", "Giáo dục tiểu học", "93", "92", "83", "0"],
        ["", "Tổng cộng", "1.435", "1.418", "1.370", "0"]],
        "merges": [(0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 1, 2), (0, 4, 1, 2), (2, 1, 1, 5), (5, 1, 1, 5)]}
    out.append(("bc-bang-so", Style(header="lines", rule="border", headings="typed"), bc, [
        ("p", "Thực hiện Kế hoạch số 08/KH-UBND ngày 10/01/2025 của UBND tỉnh, Sở Giáo dục và Đào tạo báo cáo kết quả quý I năm 2025 như sau:"),
        ("h", 1, "I.", "Kết quả thực hiện"),
        ("p", "Tổng số hồ sơ tiếp nhận trong kỳ là 1.435 hồ sơ, trong đó 1.418 hồ sơ trực tuyến. Cụ thể như sau:"),
        ("table", numtab),
        ("h", 1, "II.", "Đề xuất, kiến nghị"),
        ("p", "Đề nghị UBND tỉnh tiếp tục quan tâm đầu tư hạ tầng công nghệ thông tin./."),
    ], [], []))
    apptab = {"header": 1, "rows": [
        ["TT", "Nội dung", "Đơn vị chủ trì", "Thời gian", "Sản phẩm"],
        ["1", "Rà soát quy trình nội bộ", "Văn phòng", "Quý I", "Báo cáo rà soát"],
        ["", "", "Phòng Tổ chức cán bộ", "Quý II", "Quy trình sửa đổi"],
        ["2", "Công khai thủ tục hành chính", "Văn phòng", "Thường xuyên", "Danh mục công khai\n(cập nhật hằng tháng)"],
        ["3", "Số hóa hồ sơ", "Phòng Kế hoạch - Tài chính", "Quý III", "Kho dữ liệu"],
        ["", "", "", "Quý IV", "Báo cáo tổng kết"]],
        "merges": [(1, 0, 2, 1), (1, 1, 2, 1), (4, 0, 2, 1), (4, 1, 2, 1), (4, 2, 2, 1)]}
    pl = dict(kh, so="20", ngay="2024-02-26", trich_yeu="Số hóa hồ sơ thủ tục hành chính năm 2024")
    out.append(("kh-phu-luc-gop-doc", Style(header="table", rule="border", headings="typed"), pl,
                plan_body(2024)[:10] + [("p", "Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này./.")], [],
                [{"label": "Phụ lục", "title": "Các nhiệm vụ số hóa hồ sơ năm 2024", "landscape": True,
                  "blocks": [("table", apptab)]}]))
    tt = dict(BG, loai="to-trinh", so="30", ngay="2024-05-10",
              trich_yeu="Đề nghị phê duyệt danh mục thủ tục hành chính nội bộ",
              kinh_gui=["Ủy ban nhân dân tỉnh Bắc Giang"], noi_nhan=["Như trên", "Lưu hồ sơ trình"], luu=["VT", "VP"],
              ky=dict(chuc_vu="Giám đốc", ho_ten="Nguyễn Văn Thêm"))
    out.append(("tt-chu-thich", Style(header="tabs", rule="border", headings="typed", bullets="-"), tt, [
        ("p", "Căn cứ Quyết định số 1085/QĐ-TTg ngày 15/9/2022 của Thủ tướng Chính phủ[^1], Sở Giáo dục và Đào tạo kính trình UBND tỉnh như sau:"),
        ("h", 1, "I.", "Sự cần thiết"),
        ("p", "Danh mục thủ tục hành chính nội bộ chưa được công bố đầy đủ[^2]."),
        ("h", 1, "II.", "Nội dung đề nghị"),
        ("li", 0, "Phê duyệt danh mục gồm 12 thủ tục hành chính nội bộ;"),
        ("li", 0, "Giao Sở Giáo dục và Đào tạo tổ chức thực hiện."),
        ("p", "Kính trình UBND tỉnh xem xét, quyết định./."),
    ], [(1, "Quyết định ban hành Kế hoạch rà soát, đơn giản hóa thủ tục hành chính nội bộ."),
        (2, "Theo Báo cáo số 45/BC-SGDĐT ngày 18/3/2024.")], []))
    # The marks of the position scheme as a clerk makes them in Word: a
    # công văn hỏa tốc (the stamp a boxed bold line under the number, the
    # drafter after "Lưu", the address in the first page's footer) and a
    # draft đề án ("DỰ THẢO" boxed above the header, the circulation note
    # in the page header, Word's table of contents, a page break, a chart
    # with its caption).
    cvk = dict(cv, so="216", ngay="2024-09-10", trich_yeu="khắc phục hậu quả mưa lũ tại các cơ sở giáo dục",
               do_khan="hỏa tốc", nguoi_soan="TH", so_ban="30",
               dia_chi="Số 50 đường Hùng Vương, thành phố Bắc Giang, tỉnh Bắc Giang",
               dien_thoai="0204 3854 321", email="vanthu@bacgiang.edu.vn")
    out.append(("cv-hoa-toc-word", Style(header="table", rule="border"), cvk, [
        ("p", "Để khắc phục hậu quả mưa lũ, bảo đảm an toàn cho học sinh, Sở Giáo dục và Đào tạo đề nghị các đơn vị:"),
        ("li", 0, "Kiểm tra an toàn trường lớp trước khi đón học sinh trở lại;"),
        ("li", 0, "Báo cáo thiệt hại về Sở trước 16 giờ 00 hằng ngày."),
        ("p", "Đề nghị các đơn vị khẩn trương thực hiện./."),
    ], [], []))
    da_heads = [(1, "I. SỰ CẦN THIẾT"), (2, "1. Cơ sở pháp lý"), (2, "2. Cơ sở thực tiễn"),
                (1, "II. MỤC TIÊU"), (1, "III. TỔ CHỨC THỰC HIỆN")]
    da = dict(BG, loai="de-an", so="", ngay="2025-03", trich_yeu="Phát triển giáo dục STEM giai đoạn 2025-2030",
              du_thao="co", luu_hanh="lưu hành nội bộ", muc_luc="co",
              noi_nhan=["UBND tỉnh (b/c)", "Các phòng thuộc Sở"], luu=["VT", "GDTrH"], ky=dict(KT))
    out.append(("da-du-thao-word", Style(header="table", rule="border", headings="typed"), da, [
        ("toc", da_heads),
        ("pagebreak",),
        ("h", 1, "I.", "Sự cần thiết"),
        ("h", 2, "1.", "Cơ sở pháp lý"),
        ("p", "Chương trình giáo dục phổ thông 2018 yêu cầu tăng cường giáo dục STEM trong nhà trường."),
        ("h", 2, "2.", "Cơ sở thực tiễn"),
        ("p", "Tỷ lệ trường tổ chức bài học STEM tăng đều qua các năm học:"),
        ("picture", "Hình 1. Tỷ lệ trường tổ chức bài học STEM các năm học 2020-2021 đến 2024-2025"),
        ("pagebreak",),
        ("h", 1, "II.", "Mục tiêu"),
        ("p", "Đến năm 2030, 80% trường trung học có phòng học bộ môn đáp ứng dạy học STEM."),
        ("h", 1, "III.", "Tổ chức thực hiện"),
        ("p", "Phòng Giáo dục Trung học chủ trì, hướng dẫn, kiểm tra việc thực hiện Đề án./."),
    ], [], []))
    return out


def marker_of(style, level):
    """The bullet the clerk sees at a list level."""
    if style.bullets == "numbering":
        return ["-", "+", "•"][min(level, 2)]
    return {"-": ["-", "+"], "+": ["+", "-"], "•": ["•", "+"]}[style.bullets][min(level, 1)]


def truth_of(name, f, body, notes, appx, source, style):
    front = {k: v for k, v in f.items() if not k.startswith("_")}
    heads, items, tables = [], [], []

    def walk(blocks, into):
        for b in blocks:
            if b[0] == "h":
                heads.append({"level": b[1], "number": b[2], "text": b[3]})
            elif b[0] == "li":
                items.append({"level": b[1], "marker": marker_of(style, b[1]), "text": b[2]})
            elif b[0] == "table":
                into.append(table_truth(b[1]))
    walk(body, tables)
    apps = []
    for a in appx:
        at = []
        walk(a["blocks"], at)
        apps.append({"label": a["label"], "title": a["title"], "tables": at})
    return {"source": source, "front_matter": front, "headings": heads, "list_items": items,
            "tables": tables, "footnotes": [t for _, t in notes], "signature": dict(f["ky"]),
            "recipients": list(f["noi_nhan"]), "archive": list(f["luu"]), "appendices": apps}


def table_truth(tbl):
    rows = [list(r) for r in tbl["rows"]]
    covered = set()
    span = {}
    for (r, c, rs, cs) in tbl.get("merges", []):
        span[(r, c)] = cs
        for i in range(r, r + rs):
            for j in range(c, c + cs):
                if (i, j) != (r, c):
                    covered.add((i, j))
    anchors = []
    for r, row in enumerate(rows):
        anchors.append([{"text": (row[c] or "").replace("\n", " / "), "colspan": span.get((r, c), 1)}
                        for c in range(len(row)) if (r, c) not in covered])
    return {"header_rows": tbl.get("header", 1), "rows": [[x or "" for x in r] for r in rows],
            "merges": [list(m) for m in tbl.get("merges", [])], "anchors": anchors}

# ---------------------------------------------------------------- LibreOffice


def soffice(fmt, files, outdir, profile):
    """One LibreOffice run converting every file to fmt."""
    if not files:
        return
    os.makedirs(outdir, exist_ok=True)
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
           "--convert-to", fmt, "--outdir", outdir] + files
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600, check=False)


def build(out):
    os.makedirs(os.path.join(out, "truth"), exist_ok=True)
    os.makedirs(os.path.join(out, "ref"), exist_ok=True)
    made = []
    for name, style, f, body, notes, appx in fixtures():
        f = complete(f)
        b = Builder(style)
        b.header(f)
        b.title(f)
        for blk in body:
            b.block(blk)
        b.signature(f)
        for a in appx:
            b.appendix(a, f)
        b.footnotes_part(notes)
        path = os.path.join(out, name + ".docx")
        b.doc.save(path)
        truth = truth_of(name, f, body, notes, appx, name + ".docx", style)
        truth["reference_pdf"] = "pdf/" + name + ".pdf"
        if style.tcvn3:
            # The .VnTime fonts are not installed: LibreOffice would print
            # the TCVN3 codes as Latin-1 letters. The reference is the same
            # document typed in Unicode.
            twin = Builder(Style(**{**style.__dict__, "tcvn3": False}))
            twin.header(f)
            twin.title(f)
            for blk in body:
                twin.block(blk)
            twin.signature(f)
            os.makedirs(os.path.join(out, "ref"), exist_ok=True)
            twin.doc.save(os.path.join(out, "ref", name + ".docx"))
        with open(os.path.join(out, "truth", name + ".json"), "w", encoding="utf-8") as fp:
            json.dump(truth, fp, ensure_ascii=False, indent=1)
        made.append((name, truth))
    # LibreOffice: the PDF of every original (the reference for similarity),
    # and the same plan saved by LibreOffice as .doc, .odt and .docx.
    profile = tempfile.mkdtemp(prefix="vanban-lo-")
    try:
        docs = [os.path.join(out, n + ".docx") for n, _ in made
                if not os.path.exists(os.path.join(out, "ref", n + ".docx"))]
        docs += [os.path.join(out, "ref", x) for x in os.listdir(os.path.join(out, "ref"))]
        soffice("pdf", docs, os.path.join(out, "pdf"), profile)
        base = os.path.join(out, "kh-bang-vien.docx")
        lo = os.path.join(out, "lo")
        soffice("doc:MS Word 97", [base], lo, profile)
        soffice("odt", [base], lo, profile)
        soffice("docx:MS Word 2007 XML", [base], os.path.join(lo, "docx"), profile)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    for src, name in (("kh-bang-vien.doc", "lo-doc-kh-bang-vien.doc"),
                      ("kh-bang-vien.odt", "lo-odt-kh-bang-vien.odt"),
                      ("docx/kh-bang-vien.docx", "lo-docx-kh-bang-vien.docx")):
        src = os.path.join(lo, src)
        if os.path.exists(src):
            shutil.move(src, os.path.join(out, name))
            t = dict(made[0][1], source=name, reference_pdf="pdf/kh-bang-vien.pdf")
            with open(os.path.join(out, "truth", os.path.splitext(name)[0] + ".json"), "w", encoding="utf-8") as fp:
                json.dump(t, fp, ensure_ascii=False, indent=1)
    shutil.rmtree(lo, ignore_errors=True)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "import-fixtures")
    stamp = os.path.join(out, "stamp")
    if os.path.exists(stamp) and os.path.getmtime(stamp) >= os.path.getmtime(__file__):
        print(f"fixtures up to date in {out}")
        return
    if os.path.exists(out):
        shutil.rmtree(out)
    build(out)
    open(stamp, "w").close()
    n = len([x for x in os.listdir(out) if x.endswith((".docx", ".doc", ".odt"))])
    print(f"{n} fixtures in {out}")


if __name__ == "__main__":
    main()
