#!/usr/bin/python3
"""The importer measured (tests/import/): on every foreign Word file made by
tests/import/make_fixtures.py, every front-matter key and every heading must
come back exactly, and the re-rendered PDF must read as the original's
LibreOffice PDF (text similarity >= 0.99). Skips cleanly, with a single
line, while vanban has no import command.

Usage: tests/test_import_score.py VANBAN OUTDIR"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
V, OUT = os.path.abspath(sys.argv[1]), sys.argv[2]
TARGET = 0.99


def has_import(v):
    try:
        p = subprocess.run([v, "import", "--help"], capture_output=True, text=True, timeout=60)
    except OSError:
        return False
    return p.returncode == 0 and "import" in p.stdout


if not has_import(V):
    print("ok - import score (skipped: no import command)")
    sys.exit(0)

# This measures the importer, not memory safety (the other import tests run
# the sanitizer build): the release build, when there is one, keeps CI short.
REL = os.path.join(ROOT, "vanban")
if os.path.exists(REL) and has_import(REL):
    V = REL
fx = os.path.join(ROOT, "build", "import-fixtures")
subprocess.run(["/usr/bin/python3", os.path.join(HERE, "import", "make_fixtures.py"), fx], check=True)
p = subprocess.run(["/usr/bin/python3", os.path.join(HERE, "import", "score.py"), "--vanban", V,
                    "--fixtures", fx, "--out", OUT], capture_output=True, text=True)
for line in p.stdout.splitlines() + p.stderr.splitlines()[-20:]:
    print("# " + line)
fails = 0


def t(name, cond):
    global fails
    print(("ok - " if cond else "not ok - ") + name)
    fails += not cond


t("score.py ran", p.returncode == 0)
try:
    s = json.load(open(os.path.join(OUT, "score.json"), encoding="utf-8"))
except (OSError, ValueError):
    s = {"fixtures": [], "references": []}
t("at least 10 foreign files measured", len(s["fixtures"]) >= 10)
for r in s["fixtures"]:
    n = r["name"]
    t(f"{n}: imported", r["imported"])
    a, b = r.get("front_matter", (0, 0))
    t(f"{n}: every front-matter key exact ({a}/{b}; missed {', '.join(r.get('front_matter_missed', []))})",
      r["imported"] and a == b and b > 0)
    a, b = r.get("headings", (0, 0))
    t(f"{n}: every heading exact ({a}/{b})", r["imported"] and a == b)
    t(f"{n}: text similarity {r['similarity']:.4f} >= {TARGET}", r["similarity"] >= TARGET)
for r in s["references"]:
    t(f"{r['name']} (reference .txt): imported and rendered", r["imported"] and r.get("rendered", False))
sys.exit(1 if fails else 0)
