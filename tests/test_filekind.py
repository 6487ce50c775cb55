#!/usr/bin/python3
"""check, convert and render on binary files: a Word, Excel, OpenDocument,
ZIP, PDF or image file is named for what it is (never "TCVN3 text"),
pointed to "vanban import" when it is a Word file, and convert refuses it
and writes nothing.

Usage: tests/test_filekind.py VANBAN OUTDIR"""
import io
import os
import subprocess
import sys
import zipfile

import docx

V, OUT = sys.argv[1], sys.argv[2]
os.makedirs(OUT, exist_ok=True)
fails = 0


def t(name, cond, detail=""):
    global fails
    print(("ok - " if cond else "not ok - ") + name)
    if not cond:
        fails += 1
        for line in detail.splitlines()[:12]:
            print("#   " + line)


def run(*args):
    p = subprocess.run([V, *args], capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def make_files():
    """Each kind of binary file, made by the library that makes it."""
    files = {}
    d = docx.Document()
    d.add_paragraph("SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    d.add_paragraph("KẾ HOẠCH Kiểm soát thủ tục hành chính năm 2024")
    files["cu.docx"] = ("tệp Word (.docx)", "vanban import")
    d.save(os.path.join(OUT, "cu.docx"))
    with zipfile.ZipFile(os.path.join(OUT, "so-lieu.zip"), "w") as z:
        z.writestr("bang.csv", "TT,Nội dung\n1,Rà soát\n")
    files["so-lieu.zip"] = ("tệp nén ZIP", "Markdown")
    # An OpenDocument text: the mimetype entry first and stored (ODF 1.2 §3.3).
    with zipfile.ZipFile(os.path.join(OUT, "cu.odt"), "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    files["cu.odt"] = ("OpenDocument (.odt)", "vanban import")
    # An OLE compound file as Word 97-2003 writes it starts with this header
    # signature ([MS-CFB] 2.2); the rest of the sector is zeros here.
    with open(os.path.join(OUT, "cu.doc"), "wb") as f:
        f.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    files["cu.doc"] = ("Word 97–2003 (.doc)", "vanban import")
    here = os.path.dirname(os.path.abspath(__file__))
    xlsx = os.path.join(here, "..", "content", "phu-luc", "bac-giang-2024.xlsx")
    if os.path.exists(xlsx):
        with open(xlsx, "rb") as f, open(os.path.join(OUT, "bang.xlsx"), "wb") as g:
            g.write(f.read())
        files["bang.xlsx"] = ("tệp Excel (.xlsx)", "vanban table")
    src = os.path.join(here, "..", "content", "bao-cao-ubnd-tinh.md")
    rc, _ = run("render", src, "-o", os.path.join(OUT, "bc.pdf"))
    if rc == 0:
        files["bc.pdf"] = ("tệp PDF", ".txt")
        subprocess.run(["pdftoppm", "-r", "10", "-png", "-singlefile",
                        os.path.join(OUT, "bc.pdf"), os.path.join(OUT, "trang")],
                       check=False)
        if os.path.exists(os.path.join(OUT, "trang.png")):
            files["trang.png"] = ("tệp ảnh", "Markdown")
    return files


files = make_files()
t("fixtures made (docx, zip, odt, doc, pdf, png; xlsx after make)", len(files) >= 6, str(files))
for name, (kind, hint) in sorted(files.items()):
    path = os.path.join(OUT, name)
    rc, out = run("check", path)
    t(f"check {name}: exit 1", rc == 1, out)
    t(f"check {name}: says it is a {kind}", kind in out, out)
    t(f"check {name}: never 'TCVN3'/'VNI' nor convert", "TCVN3" not in out
      and "VNI" not in out and "convert" not in out, out)
    t(f"check {name}: hint names {hint}", hint in out, out)
    before = set(os.listdir(OUT))
    rc, out = run("convert", "--from", "tcvn3", path, "-o", os.path.join(OUT, name + ".md"))
    t(f"convert {name}: refused (exit 1)", rc == 1, out)
    t(f"convert {name}: writes nothing", set(os.listdir(OUT)) == before, out)
    t(f"convert {name}: says it is a {kind}", kind in out, out)
    rc, out = run("convert", "--from", "tcvn3", path)
    t(f"convert {name} (default output name): writes nothing",
      rc == 1 and set(os.listdir(OUT)) == before, out)
    rc, out = run("render", path, "-o", os.path.join(OUT, name + ".out.docx"))
    t(f"render {name}: refused, names the kind", rc == 1 and kind in out and
      not os.path.exists(os.path.join(OUT, name + ".out.docx")), out)

# Standard input: the same, shown as <stdin>.
with open(os.path.join(OUT, "cu.docx"), "rb") as f:
    p = subprocess.run([V, "check", "-"], stdin=f, capture_output=True, text=True)
t("check - < cu.docx: names Word and import", p.returncode == 1 and
  "tệp Word (.docx)" in p.stderr and "vanban import" in p.stderr, p.stderr)

# Real TCVN3 text is still TCVN3 text.
with open(os.path.join(OUT, "tcvn3.md"), "wb") as f:
    f.write("Kế hoạch kiểm soát thủ tục hành chính năm 2024\n".encode("utf-8"))
tc = bytes([0x4b, 0xd5, 0x20, 0x68, 0x6f, 0xb9, 0x63, 0x68, 0x0a])  # "KÕ ho¹ch"
with open(os.path.join(OUT, "tcvn3.txt"), "wb") as f:
    f.write(tc * 20)
rc, out = run("check", os.path.join(OUT, "tcvn3.txt"))
t("TCVN3 bytes: still called TCVN3 with the convert hint",
  rc == 1 and "TCVN3" in out and "convert" in out, out)
sys.exit(1 if fails else 0)
