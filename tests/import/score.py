#!/usr/bin/python3
"""Measures "vanban import": imports every fixture of make_fixtures.py and
compares what it gives with the truth beside it, part by part (exact-match
counts: each front-matter key, headings, list items, tables and merged
cells, footnotes, signature, recipients, appendices), then renders the
imported Markdown to PDF and compares its text with LibreOffice's PDF of the
original (difflib ratio over the words of normalised pdftotext). The five
reference plans (../shared/reference-documents/*.txt) are imported too and
measured against the matching examples in content/.

Usage: score.py [--vanban ./vanban] [--fixtures build/import-fixtures]
                [--out build/import-score] [--only NAME]
Writes OUT/score.json and prints a table. Exit 0 unless it cannot run."""
import argparse
import datetime
import difflib
import json
import os
import re
import subprocess
import sys
import unicodedata

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
REFS = os.path.normpath(os.path.join(ROOT, "..", "shared", "reference-documents"))
if not os.path.isdir(REFS):
    REFS = "/work/shared/reference-documents"
# reference plan -> the example in content/ written from it
REF_EXAMPLES = {
    "000_a84c57881229d2cc.txt": "ke-hoach-dvctt-ba-ria-vung-tau-2025.md",
    "001_ab28227ddc6148f2.txt": "ke-hoach-tthc-bac-giang-2024.md",
    "002_e91a6a9ed18cfff3.txt": "ke-hoach-hai-phong-2024.md",
    "003_543da5fb36636104.txt": "ke-hoach-chi-so-766-2026.md",
    "004_b971e2fce0b8640b.txt": "ke-hoach-5-nam-ba-ria-vung-tau-2021.md",
}
PARTS = ["front_matter", "headings", "list_items", "tables", "cells", "merges", "footnotes",
         "signature", "recipients", "appendices"]


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, **kw)


def has_import(vanban):
    try:
        p = run([vanban, "import", "--help"])
    except OSError:
        return False
    return p.returncode == 0 and "import" in p.stdout

# ---------------------------------------------------------------- normalising


def norm(v):
    """A value as compared: NFC text, blanks collapsed, dates as text."""
    if v is None:
        return ""
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()[:10]
    if isinstance(v, dict):
        return {k: norm(x) for k, x in v.items() if norm(x) not in ("", [], {})}
    if isinstance(v, list):
        return [norm(x) for x in v]
    s = unicodedata.normalize("NFC", str(v))
    return re.sub(r"\s+", " ", s).strip()


def plain(s):
    """Inline Markdown of the dump reduced to its words."""
    s = re.sub(r"\[\^\d+\]", "", s)
    s = s.replace("**", "").replace("*", "")
    s = re.sub(r"<[^>]+>$", "", s)
    return norm(s).casefold()


def same_key(key, want, got):
    want, got = norm(want), norm(got)
    if key == "trich_yeu":
        want, got = re.sub(r"^V/v\s+", "", want), re.sub(r"^V/v\s+", "", got)
    if key == "so":
        want, got = want.lstrip("0"), got.lstrip("0")
    if key in ("noi_nhan", "luu", "kinh_gui", "can_cu") and isinstance(got, str):
        got = [got]
    if isinstance(want, list) and isinstance(got, list):
        strip = lambda xs: [re.sub(r"^[-+]\s*|[;.,]$", "", x).strip() for x in xs]
        return strip(want) == strip(got)
    return want == got

# ---------------------------------------------------------------- reading


def front_matter(md_path):
    text = open(md_path, encoding="utf-8").read()
    m = re.match(r"\ufeff?---\s*\n(.*?)\n---\s*\n", text, re.S)
    if not m:
        return {}
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def dump(vanban, md_path):
    """The model vanban makes of a document: headings, items, tables, notes."""
    p = run([vanban, "dump", os.path.basename(md_path)], cwd=os.path.dirname(md_path) or ".")
    heads, items, tables, notes = [], [], [], []
    cur = None
    for line in p.stdout.splitlines():
        m = re.match(r"^\d+:\d+ heading (\d+)(?: \[([^\]]*)\])?(?: \(label\))?(?: \(cont\))? (.*)$", line)
        if m:
            heads.append((int(m.group(1)), m.group(2) or "", plain(m.group(3))))
            cur = None
            continue
        m = re.match(r"^\d+:\d+ item (\d+)(?: \[([^\]]*)\])? (.*)$", line)
        if m:
            # vanban prints a "+" item as the second level of the "-" list
            level = max(int(m.group(1)), 1 if m.group(2) == "+" else 0)
            items.append((level, plain(m.group(3)), m.group(2) or ""))
            cur = None
            continue
        m = re.match(r"^\d+:\d+ table (?:table )?(\d+)×(\d+) header=(\d+)", line)
        if m:
            cur = {"header_rows": int(m.group(3)), "anchors": []}
            tables.append(cur)
            continue
        m = re.match(r"^  [HGR] \| (.*)\|$", line)
        if m and cur is not None:
            row = []
            for cell in m.group(1).split(" | "):
                cell = cell.strip()
                span = 1
                sm = re.match(r"^\{span=(\d+)\}\s*(.*)$", cell)
                if sm:
                    span, cell = int(sm.group(1)), sm.group(2)
                row.append({"text": plain(cell), "colspan": span})
            cur["anchors"].append(row)
            continue
        m = re.match(r"^note (\d+): (.*)$", line)
        if m:
            notes.append(plain(m.group(2)))
            continue
        cur = None
    return {"ok": p.returncode == 0, "headings": heads, "items": items, "tables": tables,
            "notes": notes, "stderr": p.stderr}


def pdf_words(pdf, layout=False):
    p = run(["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [pdf, "-"])
    lines = [l for l in p.stdout.splitlines() if not re.fullmatch(r"\s*\d{1,3}\s*", l)]
    text = unicodedata.normalize("NFC", " ".join(lines))
    # dot leaders of a table of contents, joined ("THIẾT.....2") or spaced
    # (". . . ."), are not words
    text = re.sub(r"(?:\s*\.){4,}\s*", " ", text)
    # a footnote mark glued to its word ("phủ1,") is the same mark as one
    # pdftotext reads apart; rules typed as underscores are not words
    text = re.sub(r"(?<=[^\W\d_])(\d{1,2})(?=[\s,.;:)]|$)", r" \1", text)
    return [w for w in text.split() if not re.fullmatch(r"[_.…-]{3,}", w)]


def tiled_ratio(a, b, least=2):
    """2M/(|a|+|b|) where M counts the words of a and b matched in common
    runs of at least `least` words, each run found anywhere (greedy string
    tiling): a block read in another order (the cells of the header, which
    pdftotext reads column by column or row by row) is not lost text."""
    a2, b2 = list(a), list(b)
    matched = 0
    while True:
        m = difflib.SequenceMatcher(None, a2, b2, autojunk=False).find_longest_match(0, len(a2), 0, len(b2))
        if m.size < least:
            break
        matched += m.size
        for k in range(m.size):
            a2[m.a + k] = ("a", m.a + k)
            b2[m.b + k] = ("b", m.b + k)
    return 2.0 * matched / (len(a) + len(b))


def similarity(a_pdf, b_pdf):
    """(tiled, ordered) text similarity of two PDFs; see tiled_ratio. The
    ordered one is difflib's ratio over the words in reading order. The
    tiled one is the better of pdftotext's two reading orders, its raw one
    and -layout: a table's cells come out column by column in one of them
    and row by row in the other, depending on how wide the columns are (a
    table's numbers, one word per cell, are then single words that no run
    of two can match)."""
    if not (os.path.exists(a_pdf) and os.path.exists(b_pdf)):
        return 0.0, 0.0
    a, b = pdf_words(a_pdf), pdf_words(b_pdf)
    if not a or not b:
        return 0.0, 0.0
    tiled = max(tiled_ratio(a, b), tiled_ratio(pdf_words(a_pdf, True), pdf_words(b_pdf, True)))
    return tiled, difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def render_pdf(vanban, md_path, pdf_path):
    p = run([vanban, "render", os.path.basename(md_path), "-o", os.path.abspath(pdf_path)],
            cwd=os.path.dirname(md_path) or ".")
    return p.returncode == 0

# ---------------------------------------------------------------- comparing


def matched(want, got):
    """How many of want are found in got, in order."""
    sm = difflib.SequenceMatcher(None, want, got, autojunk=False)
    return sum(b.size for b in sm.get_matching_blocks())


def compare(truth, fm, model):
    """Per part: (exact, total)."""
    r = {}
    want_fm = {k: v for k, v in truth["front_matter"].items() if k not in ("phu_luc", "trinh_bay")}
    fm_ok = {k: same_key(k, v, fm.get(k)) for k, v in want_fm.items()}
    r["front_matter"] = (sum(fm_ok.values()), len(fm_ok))
    r["front_matter_missed"] = sorted(k for k, ok in fm_ok.items() if not ok)
    th = [(h["level"], h["number"], plain(h["text"])) for h in truth["headings"]]
    gh = [(l, n, t) for (l, n, t) in model["headings"]]
    r["headings"] = (matched(th, gh), len(th))
    # An item is right when its words are, and its level is, either as
    # vanban counts levels ("+" is the second) or by the bullet the clerk
    # typed at that level (a "+" list with "-" inside stays so).
    ti = [(i["level"], plain(re.sub(r"^[-+•]\s+", "", i["text"])), i.get("marker")) for i in truth["list_items"]]
    gi = []
    for k, (lv, text, mark) in enumerate(model["items"]):
        w = ti[k] if k < len(ti) else None
        gi.append((w[0], text) if w and text == w[1] and w[2] and mark == w[2] else (lv, text))
    r["list_items"] = (matched([(a, b) for a, b, _ in ti], gi), len(ti))
    tt = list(truth["tables"]) + [t for a in truth.get("appendices", []) for t in a["tables"]]
    gt = model["tables"]
    exact = merges = nmerges = cells = ncells = 0
    for k, t in enumerate(tt):
        want = [[{"text": plain(c["text"]), "colspan": c["colspan"]} for c in row] for row in t["anchors"]]
        got = gt[k]["anchors"] if k < len(gt) else []
        exact += want == got
        for i, row in enumerate(want):
            ncells += len(row)
            cells += sum(1 for j, c in enumerate(row) if i < len(got) and j < len(got[i]) and got[i][j] == c)
        for (r0, c0, rs, cs) in t["merges"]:
            nmerges += 1
            rows = range(r0, r0 + rs)
            merges += all(i < len(got) and i < len(want) and got[i] == want[i] for i in rows)
    r["tables"] = (exact, len(tt))
    r["cells"] = (cells, ncells)
    r["merges"] = (merges, nmerges)
    tn = [plain(x) for x in truth["footnotes"]]
    r["footnotes"] = (matched(tn, model["notes"]), len(tn))
    if "signature" in truth:
        r["signature"] = (int(norm(truth["signature"]) == norm(fm.get("ky") or {})), 1)
        r["recipients"] = (int(same_key("noi_nhan", truth["recipients"], fm.get("noi_nhan")) and
                               same_key("luu", truth["archive"], fm.get("luu"))), 1)
    apps = truth.get("appendices", [])
    got_apps = fm.get("phu_luc") or []
    if isinstance(got_apps, dict):
        got_apps = [got_apps]
    titles = [norm(a.get("tieu_de")).casefold() if isinstance(a, dict) else "" for a in got_apps]
    r["appendices"] = (sum(1 for k, a in enumerate(apps) if k < len(titles) and titles[k] == norm(a["title"]).casefold()), len(apps))
    return r


def in_source(key, value, text):
    """Returns whether the source text holds the value of a key at all (the
    reference plans were extracted without their agency lines: a key that
    is not there cannot be recovered and is not counted)."""
    flat = lambda x: re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(x))).strip().casefold()
    if isinstance(value, dict):
        value = value.get("ho_ten") or ""
    elif isinstance(value, list):
        value = value[0] if value else ""
    elif isinstance(value, (datetime.date, datetime.datetime)) or key == "ngay":
        value = str(value)[:4]
    value = flat(value)
    if key in ("co_quan_chu_quan", "co_quan", "viet_tat", "dia_danh", "ngay", "so"):
        m = re.search(r"(?m)^[#\s]*(KẾ HOẠCH|BÁO CÁO|TỜ TRÌNH|QUYẾT ĐỊNH)\s*$", text)
        text = text[:m.start()] if m else text   # the header block only
    return value == "" or value in flat(text)


def truth_of_example(vanban, md, source_text):
    """The truth of a content/ example: its keys (those the source text
    holds) and its model."""
    fm = front_matter(md)
    model = dump(vanban, md)
    appx = []
    for a in fm.get("phu_luc") or []:
        if isinstance(a, dict):
            appx.append({"label": "", "title": a.get("tieu_de") or "", "tables": []})
    heads = [{"level": l, "number": n, "text": t} for (l, n, t) in model["headings"]]
    items = [{"level": l, "text": t, "marker": m} for (l, t, m) in model["items"]]
    tables = [{"anchors": t["anchors"], "merges": []} for t in model["tables"]]
    t = {"front_matter": {k: v for k, v in fm.items() if k not in ("phu_luc", "trinh_bay")
                          and in_source(k, v, source_text)},
         "headings": heads, "list_items": items, "tables": tables, "footnotes": model["notes"],
         "appendices": appx}
    if fm.get("ky"):
        t["signature"] = fm["ky"]
        t["recipients"] = fm.get("noi_nhan") or []
        t["archive"] = fm.get("luu") or []
    return t

# ---------------------------------------------------------------- main


def score_one(vanban, name, src, truth, ref_pdf, out):
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    md = os.path.join(d, name + ".md")
    for f in os.listdir(d):
        p = os.path.join(d, f)
        if os.path.isfile(p):
            os.remove(p)
    p = run([vanban, "import", os.path.abspath(src), "-o", md])
    res = {"name": name, "imported": p.returncode == 0 and os.path.exists(md),
           "import_messages": (p.stdout + p.stderr)[-2000:]}
    if not res["imported"]:
        res.update({k: (0, 0) for k in PARTS})
        res["similarity"] = 0.0
        return res
    fm = front_matter(md)
    model = dump(vanban, md)
    res["dump_ok"] = model["ok"]
    body = md
    if not model["ok"]:
        # Keys the import could not find stop dump and render; they are
        # already counted as missed. Fill them with "?" in a copy, so the
        # body is still measured.
        body = lenient_copy(md, model["stderr"])
        model = dump(vanban, body)
        res["lenient"] = True
    res.update(compare(truth, fm, model))
    pdf = os.path.join(d, name + ".pdf")
    res["rendered"] = render_pdf(vanban, body, pdf)
    sim = similarity(pdf, ref_pdf) if res["rendered"] else (0.0, 0.0)
    res["similarity"], res["similarity_ordered"] = round(sim[0], 4), round(sim[1], 4)
    return res


def lenient_copy(md, errors):
    """A copy of md beside it with every key that check says is missing set
    to "?"; returns its path."""
    text = open(md, encoding="utf-8").read()
    missing = re.findall(r"thiếu khóa '([a-z_.]+)'", errors)
    if "chưa có họ tên người ký" in errors:
        missing.append("ky.ho_ten")
    add = []
    for k in dict.fromkeys(missing):
        if k == "ky.ho_ten":
            if re.search(r"(?m)^ky:", text):
                text = re.sub(r"(?m)^ky:\s*\n", "ky:\n  ho_ten: \"?\"\n", text, count=1)
            else:
                add.append("ky:\n  chuc_vu: \"?\"\n  ho_ten: \"?\"")
        elif k == "noi_nhan":
            add.append('noi_nhan: ["?"]')
        elif "." not in k:
            empty = re.compile(rf"(?m)^{k}:[ \t]*(\"\"|'')?[ \t]*$")
            if empty.search(text):
                text = empty.sub(f'{k}: "?"', text, count=1)
            else:
                add.append(f'{k}: "?"')
    if add:
        text = re.sub(r"\n---\s*\n", "\n" + "\n".join(add) + "\n---\n", text, count=1)
    out = md[:-3] + ".lenient.md"
    with open(out, "w", encoding="utf-8") as fp:
        fp.write(text)
    return out


def table(results, title):
    print(f"\n{title}")
    cols = ["front_matter", "headings", "list_items", "tables", "cells", "merges", "footnotes",
            "signature", "recipients", "appendices"]
    short = ["khóa", "đề mục", "ý", "bảng", "ô", "ô gộp", "chú thích", "ký", "nơi nhận", "phụ lục"]
    print(f"{'tệp':28} " + " ".join(f"{s:>9}" for s in short) + "  giống PDF (theo thứ tự đọc)")
    tot = {c: [0, 0] for c in cols}
    for r in results:
        cells = []
        for c in cols:
            a, b = r.get(c, (0, 0))
            tot[c][0] += a
            tot[c][1] += b
            cells.append(f"{a}/{b}" if b else "-")
        flag = "" if r["imported"] else "  (import thất bại)"
        flag += "  (thiếu khóa, đo trên bản điền '?')" if r.get("lenient") else ""
        print(f"{r['name'][:28]:28} " + " ".join(f"{x:>9}" for x in cells) + f"  {r['similarity']:.4f} ({r.get('similarity_ordered', 0):.4f}){flag}")
    cells = [f"{a}/{b}" if b else "-" for a, b in tot.values()]
    sims = [r["similarity"] for r in results]
    print(f"{'cộng':28} " + " ".join(f"{x:>9}" for x in cells) +
          (f"  {min(sims):.4f} (thấp nhất)" if sims else ""))
    return tot


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vanban", default=os.path.join(ROOT, "vanban"))
    ap.add_argument("--fixtures", default=os.path.join(ROOT, "build", "import-fixtures"))
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "import-score"))
    ap.add_argument("--only")
    a = ap.parse_args()
    vanban = os.path.abspath(a.vanban)
    if not has_import(vanban):
        print(f"{vanban}: chưa có lệnh 'vanban import': không đo được")
        return 3
    os.makedirs(a.out, exist_ok=True)
    fixtures = []
    tdir = os.path.join(a.fixtures, "truth")
    for f in sorted(os.listdir(tdir)):
        name = f[:-5]
        if a.only and a.only != name:
            continue
        truth = json.load(open(os.path.join(tdir, f), encoding="utf-8"))
        ref = os.path.join(a.fixtures, truth.get("reference_pdf", f"pdf/{name}.pdf"))
        fixtures.append(score_one(vanban, name, os.path.join(a.fixtures, truth["source"]), truth, ref, a.out))
    refs = []
    for txt, example in sorted(REF_EXAMPLES.items()):
        name = "ref-" + txt[:3]
        if a.only and a.only != name:
            continue
        src, md = os.path.join(REFS, txt), os.path.join(ROOT, "content", example)
        if not (os.path.exists(src) and os.path.exists(md)):
            continue
        truth = truth_of_example(vanban, md, open(src, encoding="utf-8", errors="replace").read())
        ref_pdf = os.path.join(a.out, name + "-example.pdf")
        render_pdf(vanban, md, ref_pdf)
        refs.append(score_one(vanban, name, src, truth, ref_pdf, a.out))
    t1 = table(fixtures, "Tệp Word lạ (đúng/tổng theo từng phần; giống PDF = tỉ lệ difflib của chữ pdftotext)")
    t2 = table(refs, "Năm kế hoạch mẫu (.txt) so với ví dụ trong content/ (chỉ tính các khóa có trong tệp .txt)")
    with open(os.path.join(a.out, "score.json"), "w", encoding="utf-8") as fp:
        json.dump({"fixtures": fixtures, "references": refs, "totals": {"fixtures": t1, "references": t2}},
                  fp, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
