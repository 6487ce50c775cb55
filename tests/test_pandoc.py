#!/usr/bin/env python3
"""test_pandoc.py VANBAN OUTDIR - other programs read vanban's DOCX right.

Reads every example of content/, and a fixture with nested lists,
footnotes and a merged group row, with pandoc's DOCX reader (pandoc -t
json) and holds what it finds against the model ("vanban dump"): the
headings with their levels and numbers, the list items with their levels
(bullets "-" on level 0, "+" on level 1; ordered lists with their first
number), the footnotes, the tables and their merged cells. Prints one
"ok - …" / "not ok - …" line per check; exits 1 on failure.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys

import tap
from tap import check

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

FIXTURE = """---
loai: ke-hoach
co_quan: Sở Giáo dục và Đào tạo
viet_tat: SGDĐT
so: 4
dia_danh: Hà Nội
ngay: 2024-03-05
trich_yeu: Thử đọc bằng pandoc
noi_nhan: [Các phòng]
luu: [VT]
ky: {chuc_vu: Giám đốc, ho_ten: Nguyễn Văn A}
---
Mở đầu có chú thích[^a].

# Mục tiêu

## Khoản một

- Gạch một
    + Cộng một
    + Cộng hai[^b]
- Gạch hai

3. Ba
4. Bốn
    1. Bốn chấm một

| TT | Nội dung | Chủ trì | Phối hợp |
|---|---|---|---|
| **I** | **Nhóm một** | | |
| 1 | Việc một | Văn phòng | Các phòng |

[^a]: Chú thích một.
[^b]: Chú thích hai.
"""


def inline_text(xs):
    """Returns the plain text of a list of pandoc inlines."""
    out = []
    for x in xs:
        t, c = x["t"], x.get("c")
        if t == "Str":
            out.append(c)
        elif t in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif t in ("Emph", "Strong", "Underline", "Strikeout", "SmallCaps",
                   "Superscript", "Subscript"):
            out.append(inline_text(c))
        elif t in ("Link", "Span"):
            out.append(inline_text(c[1]))
        elif t == "Quoted":
            out.append(inline_text(c[1]))
    return "".join(out)


class Walk:
    """What pandoc found: headers, list items, notes, tables."""

    def __init__(self):
        self.headers = []       # (level, text)
        self.items = []         # (kind, depth, start, text)
        self.notes = 0          # Note inlines
        self.tables = 0         # Table blocks
        self.spans = []         # ColSpan of cells wider than one column

    def inlines(self, xs):
        for x in xs:
            if x["t"] == "Note":
                self.notes += 1
                self.blocks(x["c"], 0)
            elif isinstance(x.get("c"), list):
                for part in x["c"]:
                    if isinstance(part, list) and part and isinstance(part[0], dict):
                        self.inlines(part)

    def blocks(self, bs, depth):
        for b in bs:
            t, c = b["t"], b.get("c")
            if t == "Header":
                self.headers.append((c[0], inline_text(c[2])))
                self.inlines(c[2])
            elif t in ("Para", "Plain"):
                self.inlines(c)
            elif t == "BulletList":
                for item in c:
                    self.items.append(("bullet", depth, None, self.first(item)))
                    self.blocks(item, depth + 1)
            elif t == "OrderedList":
                start = c[0][0]
                for k, item in enumerate(c[1]):
                    self.items.append(("ordered", depth, start + k, self.first(item)))
                    self.blocks(item, depth + 1)
            elif t == "Table":
                self.tables += 1
                self.table(c)
            elif t in ("BlockQuote", "Div"):
                self.blocks(c if t == "BlockQuote" else c[1], depth)

    @staticmethod
    def first(item):
        for b in item:
            if b["t"] in ("Para", "Plain"):
                return inline_text(b["c"])
        return ""

    def table(self, c):
        head, bodies = c[3], c[4]
        rows = head[1] + [r for body in bodies for r in body[2] + body[3]]
        for row in rows:
            for cell in row[1]:
                if cell[3] > 1:
                    self.spans.append(cell[3])
                self.blocks(cell[4], 0)


def model(vanban, md):
    """Returns what the dump says: headings (level, shown text), items
    (marker, level), footnotes, tables, group rows."""
    d = subprocess.run([vanban, "dump", md], capture_output=True,
                       text=True).stdout
    heads = []
    for lv, num, label, text in re.findall(
            r"^\d+:\d+ heading (\d+)(?: \[([^\]]+)\])?( \(label\))? (.*)$", d, re.M):
        text = text.replace("*", "")
        heads.append((int(lv), text if label or not num else num + " " + text))
    items, prev = [], ""
    for line in d.splitlines():
        m = re.match(r"^\d+:\d+ (\w+)(?: (\d+))?(?: \[([^\]]+)\])?( \(cont\))?", line)
        if not m:
            continue
        if m[1] == "item" and not m[4]:
            # a list that starts again (after another block) starts at depth 0
            items.append((m[2], m[3], prev != "item"))
        prev = m[1]
    notes = len(set(re.findall(r"\[\^(\d+)\]", d)))
    tables = len(re.findall(r"^\d+:\d+ table ", d, re.M))
    # layout tables: the header, the signature (none for a document issued
    # with a quyết định), the header of each document issued with this one,
    # a copy's header and signature
    layout = 1 + (len(re.findall(r"^name: ", d, re.M)) > 0) + \
        len(re.findall(r"^--- appendix \(attached\)", d, re.M)) + \
        2 * (re.search(r"^copy: ", d, re.M) is not None)
    groups = len(re.findall(r"^  G .*\{span=", d, re.M))
    return heads, items, notes, tables, groups, layout


def check_one(vanban, name, md, docx, out):
    """Reads one DOCX with pandoc and holds it against the model."""
    p = subprocess.run(["pandoc", "-f", "docx", "-t", "json", docx],
                       capture_output=True)
    if not check(p.returncode == 0, f"{name}: pandoc reads it"):
        return
    ast = json.loads(p.stdout)
    w = Walk()
    w.blocks(ast["blocks"], 0)
    heads, items, notes, tables, groups, layout = model(vanban, md)
    got = [(lv, " ".join(t.split())) for lv, t in w.headers]
    want = [(lv, " ".join(t.split())) for lv, t in heads]
    check(got == want, f"{name}: {len(want)} headings with their levels "
          f"and numbers {[x for x in zip(want, got) if x[0] != x[1]][:2]}")
    # Word levels: "-" 0, "+" 1, deeper bullets their depth; a reader
    # nests an item one deeper than the open lists of lower levels
    want_depth, stack = [], []
    for lv, m, starts in items:
        word = int(lv) if m[0].isdigit() else 0 if m == "-" else 1 if m == "+" else int(lv)
        if starts:
            stack = []
        while stack and stack[-1] > word:
            stack.pop()
        if not stack or stack[-1] < word:
            stack.append(word)
        if not m[0].isdigit():
            want_depth.append(len(stack) - 1)
    bullets = [m for lv, m, _ in items if not m[0].isdigit()]
    got_depth = [d for k, d, _, _ in w.items if k == "bullet"]
    check(got_depth == want_depth,
          f"{name}: {len(bullets)} bullet items on their levels ('-' 0, '+' 1)")
    ordered = [int(m[:-1]) for lv, m, _ in items if m[0].isdigit()]
    got_num = [n for k, _, n, _ in w.items if k == "ordered"]
    check(got_num == ordered, f"{name}: {len(ordered)} ordered items with their numbers")
    check(w.notes == notes, f"{name}: {notes} footnotes ({w.notes})")
    check(w.tables == tables + layout,
          f"{name}: {tables} tables, and {layout} header and signature "
          f"tables ({w.tables})")
    check(len(w.spans) >= groups,
          f"{name}: {groups} merged group rows ({len(w.spans)} merged cells)")


def main():
    if len(sys.argv) != 3:
        print("usage: test_pandoc.py VANBAN OUTDIR", file=sys.stderr)
        return 2
    vanban, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    if not check(shutil.which("pandoc") is not None, "pandoc is installed"):
        return 1
    fixture = os.path.join(out, "doc-bang-pandoc.md")
    with open(fixture, "w", encoding="utf-8") as f:
        f.write(FIXTURE)
    sources = sorted(glob.glob(os.path.join(ROOT, "content", "*.md"))) + [fixture]
    for md in sources:
        name = os.path.splitext(os.path.basename(md))[0]
        docx = os.path.join(out, name + ".docx")
        p = subprocess.run([vanban, "render", md, "-o", docx], capture_output=True)
        if check(p.returncode == 0, f"{name}: renders"):
            check_one(vanban, name, md, docx, out)
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
