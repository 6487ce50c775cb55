#!/usr/bin/env python3
"""compare_pdf.py - how closely two PDFs of the same document agree.

Usage: compare_pdf.py [--words N] [--tolerance MM] [--min-pages FRAC] A.pdf B.pdf

Typically A is vanban's own PDF and B is LibreOffice's rendering of
vanban's DOCX. Prints its figures, one per line:

  pages: A B                     page counts
  first-words: K/N (P%)          pages whose first N words agree
  <element>: dx=… dy=… mm        position (left edge, baseline) of each
                                 header element in B relative to A (Quốc hiệu, Tiêu ngữ, Số,
                                 place/date, type name, signer's name)
  rules: K/N at the same place   the short rules (under the agency, the
                                 Tiêu ngữ, the title…) found on both
  result: ok | FAIL (reasons)

Exits 0 when the page counts are equal, the first words agree on at
least --min-pages of the pages (default 0.9), every element found in
both is within --tolerance millimetres (default 2) in x and in y, and
both have the same rules, each within half the tolerance; else 1.
Needs pdftotext and pdfinfo (poppler-utils).
"""
import argparse
import json
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

PT_TO_MM = 25.4 / 72


def run(args):
    """Returns the standard output of a command, as text."""
    return subprocess.run(args, check=True, capture_output=True).stdout.decode(
        "utf-8", "replace")


def nfc(s):
    """Returns s in NFC."""
    return unicodedata.normalize("NFC", s)


def page_texts(pdf):
    """Returns the text of each page (pdftotext, reading order)."""
    pages = run(["pdftotext", "-enc", "UTF-8", pdf, "-"]).split("\f")
    if pages and pages[-1].strip() == "":
        pages.pop()
    return [nfc(p) for p in pages]


def first_words(words, page, n):
    """Returns the first n words of a page in visual order (top to bottom,
    left to right by baseline), skipping a leading page number."""
    lines = []
    for w in sorted((w for w in words if w.page == page),
                    key=lambda w: w.base):
        if lines and w.base - lines[-1][0].base < 2:
            lines[-1].append(w)
        else:
            lines.append([w])
    texts = [w.text for ln in lines for w in sorted(ln, key=lambda w: w.x)]
    while texts and texts[0].isdigit():
        texts.pop(0)
    return texts[:n]


def ascent_share(pdf):
    """Returns the share of a pdftotext word box above the baseline.

    Poppler sizes word boxes from the font descriptor's Ascent and Descent,
    or 0.95 and -0.35 when they are 0 (as LibreOffice writes them), so the
    same baseline gives different boxes in different PDFs. Reads the first
    descriptor with qpdf; 0.95 / 1.3 when there is none or no qpdf."""
    try:
        j = json.loads(run(["qpdf", "--json", "--json-key=qpdf", pdf]))
    except (OSError, subprocess.CalledProcessError, ValueError):
        return 0.95 / 1.3
    objs = j["qpdf"][1]
    for v in objs.values():
        v = v.get("value", v) if isinstance(v, dict) else v
        if isinstance(v, dict) and v.get("/Type") == "/FontDescriptor":
            a, d = v.get("/Ascent", 0), v.get("/Descent", 0)
            if a and d:
                return a / (a - d)
    return 0.95 / 1.3


class Word:
    """One word of pdftotext -bbox: its page, box, baseline and text."""

    def __init__(self, page, el, share):
        self.page = page
        self.x = float(el.get("xMin"))
        self.y = float(el.get("yMin"))
        self.x2 = float(el.get("xMax"))
        self.y2 = float(el.get("yMax"))
        self.base = self.y + (self.y2 - self.y) * share
        self.text = nfc(el.text or "")


def bbox_words(pdf, last=None):
    """Returns (words, page widths) of the PDF, up to page last."""
    args = ["pdftotext", "-enc", "UTF-8", "-bbox"]
    if last:
        args += ["-l", str(last)]
    xml = run(args + [pdf, "-"])
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    xml = xml.replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    root = ET.fromstring(xml)
    words, widths = [], []
    share = ascent_share(pdf)
    for i, page in enumerate(root.iter("page")):
        widths.append(float(page.get("width")))
        for w in page.iter("word"):
            words.append(Word(i + 1, w, share))
    return words, widths


def same_line(a, b):
    """Returns True when words a and b sit on one line."""
    return a.page == b.page and abs(a.base - b.base) < 3


def find_seq(words, seq, start=0):
    """Returns the index of the first run of words equal to seq, or None."""
    for i in range(start, len(words) - len(seq) + 1):
        if all(words[i + k].text.upper() == s.upper() for k, s in enumerate(seq)):
            return i
    return None


def line_start(words, i):
    """Returns the first word of the phrase that ends in words[i] on its line
    (words joined by gaps under 8 pt)."""
    cur = words[i]
    moved = True
    while moved:
        moved = False
        for w in words:
            if w is not cur and same_line(w, cur) and 0 <= cur.x - w.x2 < 8:
                cur, moved = w, True
                break
    return cur


def is_upper_word(t):
    """Returns True for a word with letters, all upper-case."""
    letters = [ch for ch in t if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def header_elements(pdf):
    """Returns {element: Word} for the header elements found in pdf."""
    words, widths = bbox_words(pdf)
    found = {}
    p1 = [w for w in words if w.page == 1]
    i = find_seq(p1, ["CỘNG", "HÒA"])
    if i is None:
        i = find_seq(p1, ["CỘNG", "HOÀ"])
    if i is not None:
        found["quoc-hieu"] = p1[i]
    i = find_seq(p1, ["Độc", "lập"])
    if i is not None:
        found["tieu-ngu"] = p1[i]
    so = next((w for w in p1 if w.text.startswith("Số")), None)
    if so is not None:
        found["so"] = so
        day = next((w for w in p1 if w.text == "ngày" and w.x > so.x and
                    abs(w.base - so.base) < 12), None)
        if day is not None:
            found["place-date"] = line_start(p1, p1.index(day))
    below = found.get("place-date") or found.get("so")
    if below is not None:
        for w in p1:
            line = [v for v in p1 if same_line(v, w)]
            if below.y2 + 2 < w.y < below.y2 + 40 / PT_TO_MM and \
                    len(w.text) > 1 and \
                    all(is_upper_word(v.text) for v in line):
                found["type-name"] = min(line, key=lambda v: v.x)
                break
    name = signer_name(words, widths)
    if name is not None:
        found["signer"] = name
    return found


def signer_name(words, widths):
    """Returns the first word of the signer's name: on the page with "Nơi
    nhận", the right-hand line after the largest vertical gap (above a
    copy's own "Nơi nhận", whose signer has a gap as large)."""
    labels = [w for w in words if w.text == "Nơi" and
              any(v.text.startswith("nhận") and same_line(v, w)
                  for v in words)]
    if not labels:
        return None
    label = labels[0]
    end = next((w.y for w in labels[1:] if w.page == label.page and
                w.y > label.y + 3), None)
    width = widths[label.page - 1]
    right = sorted((w for w in words if w.page == label.page and
                    w.x > width * 0.45 and w.y >= label.y - 3 and
                    (end is None or w.y < end - 3)),
                   key=lambda w: (w.y, w.x))
    lines = []
    for w in right:
        if lines and same_line(lines[-1][0], w):
            lines[-1].append(w)
        else:
            lines.append([w])
    best, gap = None, 0
    for a, b in zip(lines, lines[1:]):
        if b[0].y - a[0].y2 > gap:
            gap, best = b[0].y - a[0].y2, b
    return min(best, key=lambda w: w.x) if best else None


def rule_segments(pdf, pages=None, dpi=100):
    """Returns the short horizontal rules drawn on the given pages (all when
    None) as (page, y, x0, x1) in pt: thin dark runs 15 to 120 mm long
    (longer ones are table borders), one per rule however thick."""
    import os
    import tempfile
    out = []
    count = len(bbox_words(pdf)[1]) if pages is None else 0
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages or range(1, count + 1):
            stem = os.path.join(tmp, "p")
            subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page),
                            "-l", str(page), "-singlefile", pdf, stem], check=True)
            with open(stem + ".pgm", "rb") as f:
                data = f.read()
            m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
            w, h = int(m[1]), int(m[2])
            pix = data[m.end():]
            least = int(15 / 25.4 * dpi)
            most = int(120 / 25.4 * dpi)
            runs = []
            for y in range(h):
                row = pix[y * w:(y + 1) * w]
                for r in re.finditer(rb"[\x00-\xbf]{%d,}" % least, row):
                    if r.end() - r.start() <= most:
                        runs.append((y, r.start(), r.end()))
            merged = []
            for y, x0, x1 in runs:
                # the run continues a rule of the row above (two rules may
                # share rows: the frames of two marks side by side)
                prev = next((m for m in reversed(merged[-8:])
                             if y - m[1] == 1 and abs(x0 - m[2]) <= 2), None)
                if prev is not None:
                    prev[1] = y
                else:
                    merged.append([y, y, x0, x1])
            k = 72 / dpi
            for y0, y1, x0, x1 in merged:
                if y1 - y0 <= 4:    # a rule, not a block of text
                    out.append((page, (y0 + y1 + 1) / 2 * k, x0 * k, x1 * k))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--words", type=int, default=3)
    ap.add_argument("--tolerance", type=float, default=2.0)
    ap.add_argument("--min-pages", type=float, default=0.9)
    o = ap.parse_args()
    fails = []
    (wa_all, pa), (wb_all, pb) = bbox_words(o.a), bbox_words(o.b)
    print(f"pages: {len(pa)} {len(pb)}")
    if len(pa) != len(pb):
        fails.append("page counts differ")
    n = max(len(pa), len(pb))
    same = 0
    for i in range(n):
        wa = first_words(wa_all, i + 1, o.words)
        wb = first_words(wb_all, i + 1, o.words)
        if wa == wb:
            same += 1
        else:
            print(f"  page {i + 1}: {' '.join(wa)!r} vs {' '.join(wb)!r}")
    frac = same / n if n else 1.0
    print(f"first-words: {same}/{n} ({frac * 100:.0f}%)")
    if frac < o.min_pages:
        fails.append("first words differ on too many pages")
    ea, eb = header_elements(o.a), header_elements(o.b)
    for key in ["quoc-hieu", "tieu-ngu", "so", "place-date", "type-name",
                "signer"]:
        if key not in ea or key not in eb:
            where = "B" if key in ea else "A" if key in eb else "either"
            print(f"{key}: not found in {where}")
            if key in ea or key in eb:
                fails.append(f"{key} missing in {where}")
            continue
        a, b = ea[key], eb[key]
        dx, dy = (b.x - a.x) * PT_TO_MM, (b.base - a.base) * PT_TO_MM
        page = "" if a.page == b.page else f" (pages {a.page}/{b.page})"
        print(f"{key}: dx={dx:+.2f} dy={dy:+.2f} mm{page} [{a.text}]")
        if abs(dx) > o.tolerance or abs(dy) > o.tolerance or a.page != b.page:
            fails.append(f"{key} off by more than {o.tolerance} mm")
    ra, rb = rule_segments(o.a), rule_segments(o.b)
    agree = sum(1 for a, b in zip(ra, rb) if a[0] == b[0] and
                all(abs(u - v) * PT_TO_MM <= o.tolerance / 2 for u, v in zip(a[1:], b[1:])))
    print(f"rules: {agree}/{max(len(ra), len(rb))} at the same place")
    for a, b in zip(ra, rb):
        if a[0] != b[0] or any(abs(u - v) * PT_TO_MM > o.tolerance / 2
                               for u, v in zip(a[1:], b[1:])):
            print(f"  rule p{a[0]} y={a[1]:.1f} x={a[2]:.1f}-{a[3]:.1f} vs "
                  f"p{b[0]} y={b[1]:.1f} x={b[2]:.1f}-{b[3]:.1f}")
    if len(ra) != len(rb) or agree != len(ra):
        fails.append("rules differ")
    print("result: " + ("ok" if not fails else "FAIL (" + "; ".join(fails) + ")"))
    return 0 if not fails else 1


if __name__ == "__main__":
    sys.exit(main())
