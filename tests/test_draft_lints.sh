#!/bin/sh
# The lints of drafts (src/check/lint_draft.c): blanks "……" left by vanban
# new, paragraphs pasted from Word one per line with no blank line between
# them (Markdown joins them: a document then prints as one long paragraph),
# and mentions of the old year in a draft marked "nam_cu".
# Usage: tests/test_draft_lints.sh VANBAN OUTDIR
set -u
V=$1
D=$2
DATA=$(cd "$(dirname "$0")/data/draft" && pwd)
T_SHOW=30
. "$(dirname "$0")/lib.sh"
mkdir -p "$D"

# Pasted paragraphs: one warning per run, with its line range.
"$V" check "$DATA/pasted.md" > "$D/out" 2>&1; rc=$?
t "pasted paragraphs: warning, not an error (exit 0)" "[ $rc -eq 0 ]"
t "pasted run: lines 16–25, the glued lines listed, at the first one" \
    "grep -qF 'pasted.md:17:1: cảnh báo: dòng 16–25 không có dòng trống giữa các đoạn: 7 dòng (17, 19, 20, 21, 22…)' '$D/out'"
t "pasted run: the hint says how to fix (blank line)" "grep -q 'thêm một dòng trống giữa các đoạn' '$D/out'"
t "a hard-wrapped sentence is not flagged" "! grep -q 'dòng 29' '$D/out'"
t "hard line breaks (two spaces, backslash) are not flagged" "! grep -qE 'dòng 3[2-6]' '$D/out'"
t "lists, tables and code are not flagged" "[ \$(grep -c 'không có dòng trống giữa' '$D/out') -eq 1 ]"
# The warning is about something real: the pasted run prints as one paragraph.
"$V" dump "$DATA/pasted.md" > "$D/dump" 2>&1
t "the glued lines are indeed joined in the model" "grep -q '^16:1 para Thực hiện.*I. MỤC ĐÍCH, YÊU CẦU' '$D/dump' && grep -q '^18:1 item 0 \\[1.\\] Mục đích Tiếp tục.*Công khai đầy đủ' '$D/dump'"

# The examples shipped with vanban: none of these warnings.
n=0
for f in "$(dirname "$0")"/../content/*.md; do
	"$V" check "$f" 2>&1 | grep -qE 'không có dòng trống giữa|chưa điền|văn bản cũ' && n=$((n + 1))
done
echo "$n" > "$D/out"
t "no draft warning on any example in content/" "[ $n -eq 0 ]"

# Old year: only with nam_cu, each line, not under a heading looking back.
"$V" check "$DATA/nam-cu.md" > "$D/out" 2>&1; rc=$?
t "nam_cu: warnings, exit 0" "[ $rc -eq 0 ]"
t "old year in trich_yeu (front matter) warned at its column" "grep -qF 'nam-cu.md:9:45: cảnh báo: còn năm 2024 của văn bản cũ (văn bản này ghi năm 2025)' '$D/out'"
t "old year in a cited date warned" "grep -qF 'nam-cu.md:17:45: cảnh báo: còn năm 2024' '$D/out'"
t "old year in a body paragraph warned" "grep -qF 'nam-cu.md:21:43: cảnh báo: còn năm 2024' '$D/out'"
t "old year in a date 31/12/2024 warned, not inside code" "grep -qF 'nam-cu.md:35:29: cảnh báo: còn năm 2024' '$D/out'"
t "not under 'Kết quả năm 2024' (looking back is legitimate)" "! grep -qE 'nam-cu.md:(28|30):' '$D/out'"
t "not on the nam_cu or ngay lines" "! grep -qE 'nam-cu.md:(7|8):' '$D/out'"
t "exactly 4 old-year warnings" "[ \$(grep -c 'văn bản cũ' '$D/out') -eq 4 ]"
t "hint says how to silence it" "grep -q \"xóa dòng 'nam_cu: 2024'\" '$D/out'"
sed '/^nam_cu:/d' "$DATA/nam-cu.md" > "$D/no-mark.md"
"$V" check "$D/no-mark.md" > "$D/out" 2>&1
t "without nam_cu: no old-year warning" "! grep -q 'còn năm 2024' '$D/out'"
sed 's/^nam_cu: 2024/nam_cu: năm ngoái/' "$DATA/nam-cu.md" > "$D/bad-mark.md"
"$V" check "$D/bad-mark.md" > "$D/out" 2>&1; rc=$?
t "nam_cu not a year: warned at its line, ignored" "[ $rc -eq 0 ] && grep -qF 'bad-mark.md:8:9: cảnh báo: nam_cu' '$D/out' && ! grep -q 'còn năm 2024' '$D/out'"
"$V" render "$DATA/nam-cu.md" -o "$D/nam-cu.docx" > "$D/out" 2>&1; rc=$?
t "nam_cu does not stop render" "[ $rc -eq 0 ] && [ -s '$D/nam-cu.docx' ]"

# The appendices inherit nam_cu: their title and their Markdown are checked.
mkdir -p "$D/appx"
sed 's/^luu: \[VT\]/luu: [VT]\nphu_luc:\n  - tieu_de: Nhiệm vụ năm 2024\n    noi_dung: pl.md/' "$DATA/nam-cu.md" > "$D/appx/kh.md"
echo "Các nhiệm vụ tại Phụ lục." >> "$D/appx/kh.md"
printf '| TT | Nội dung |\n|---|---|\n| 1 | Rà soát quý I năm 2024 |\n' > "$D/appx/pl.md"
"$V" check "$D/appx/kh.md" > "$D/out" 2>&1
t "old year in an appendix title warned" "grep -qF 'kh.md:13:27: cảnh báo: còn năm 2024' '$D/out'"
t "old year in an appendix's Markdown warned at its own line" "grep -qF 'pl.md:3:25: cảnh báo: còn năm 2024' '$D/out'"
sed -i '/^nam_cu:/d' "$D/appx/kh.md"
"$V" check "$D/appx/kh.md" > "$D/out" 2>&1
t "appendix without nam_cu in its document: no old-year warning" "! grep -q 'còn năm 2024' '$D/out'"

# Blanks of vanban new.
rm -f "$D/tt.md"
VANBAN_DATE=2025-01-19 "$V" new to-trinh -o "$D/tt.md" > /dev/null 2>&1
"$V" check "$D/tt.md" > "$D/out" 2>&1; rc=$?
t "blanks: warnings only (exit 0)" "[ $rc -eq 0 ] && grep -q \"còn chỗ trống '……' chưa điền\" '$D/out'"
t "blank in the front matter warned at its column" "grep -qE 'tt.md:[0-9]+:10: cảnh báo: còn chỗ trống' '$D/out'"
sed -i 's/……/Nội dung/g' "$D/tt.md"
"$V" check "$D/tt.md" > "$D/out" 2>&1
t "filled in: no blank warning" "! grep -q 'chưa điền' '$D/out'"

[ $fails -eq 0 ]
