#!/bin/sh
# Command-line behaviour: help, version, exit codes, error messages with
# file:line:col, and that a failed run writes nothing and keeps old files.
# Usage: tests/test_cli.sh VANBAN OUTDIR
set -u
V=$1
D=$2
mkdir -p "$D"
. "$(dirname "$0")/lib.sh"

"$V" --help > "$D/help" 2>&1; rc=$?
t "--help exits 0" "[ $rc -eq 0 ]"
t "--help is in Vietnamese and names render" "grep -q 'Cách dùng' '$D/help' && grep -q 'vanban render' '$D/help'"
t "--version prints the version" "'$V' --version | grep -Eq '^vanban [0-9]+\.[0-9]+'"
for c in render check convert table dump; do
	"$V" $c --help > "$D/help-$c" 2>&1; rc=$?
	t "$c --help exits 0 and shows the command's usage in Vietnamese" \
	    "[ $rc -eq 0 ] && grep -q 'Cách dùng: vanban $c' '$D/help-$c'"
done
"$V" render x.md -h > "$D/help-h" 2>&1; rc=$?
t "render FILE -h shows the help too" "[ $rc -eq 0 ] && grep -q 'Cách dùng: vanban render' '$D/help-h'"
"$V" > /dev/null 2>&1; rc=$?
t "no command exits 2" "[ $rc -eq 2 ]"
"$V" render --bogus x.md > /dev/null 2>"$D/err"; rc=$?
t "unknown option exits 2" "[ $rc -eq 2 ] && grep -q 'bogus' '$D/err'"
"$V" render x.md -o x.odt > /dev/null 2>&1; rc=$?
t "unknown output extension exits 2" "[ $rc -eq 2 ]"

cat > "$D/bad.md" <<'MD'
---
loai: ke-hoach
co_quan: Sở Giáo dục và Đào tạo
viet_tat: SGDĐT
dia_danh: Bắc Giang
ngay: 2024-13-01
ky: {chuc_vu: Giám đốc, ho_ten: A}
---
Nội dung.
MD
echo "old contents" > "$D/bad.docx"
"$V" render "$D/bad.md" -o "$D/bad.docx" 2> "$D/err"; rc=$?
t "input error exits 1" "[ $rc -eq 1 ]"
t "error names file:line:col in Vietnamese" "grep -q 'bad.md:6:7: lỗi: ngày' '$D/err'"
t "existing output untouched on failure" "[ \"\$(cat '$D/bad.docx')\" = 'old contents' ]"
t "no temporary file left behind" "[ -z \"\$(ls '$D' | grep tmp)\" ]"
"$V" render "$D/bad.md" -o "$D/new.docx" 2>/dev/null
t "no output created on failure" "[ ! -e '$D/new.docx' ]"

"$V" render "$D/missing.md" -o "$D/m.docx" 2> "$D/err"; rc=$?
t "missing input exits 1 with a message" "[ $rc -eq 1 ] && grep -q 'không có tệp này' '$D/err'"
printf 'PK\003\004\000\000binary' > "$D/bin.md"
"$V" render "$D/bin.md" -o "$D/b.docx" 2> "$D/err"; rc=$?
t "binary input refused" "[ $rc -eq 1 ] && grep -q 'tệp nén ZIP' '$D/err'"
printf -- '---\nloai: ke-hoach\n---\n' | "$V" dump - > /dev/null 2> "$D/err"; rc=$?
t "stdin is read with -" "[ $rc -eq 1 ] && grep -q \"thiếu khóa 'co_quan'\" '$D/err'"

# vanban table: a spreadsheet becomes a Markdown table on standard output.
R=$(cd "$(dirname "$0")/.." && pwd)
"$V" table "$R/tests/data/sheet/tasks.csv" > "$D/table.md" 2> "$D/err"; rc=$?
t "table exits 0" "[ $rc -eq 0 ]"
t "table prints a group row and numbers" "grep -q '^| \*\*I\*\* | \*\*Công tác tuyên truyền\*\* |' '$D/table.md' && grep -q '^| 2 | Nhiệm vụ nhiều dòng' '$D/table.md'"
"$V" table "$R/tests/data/sheet/tasks.csv" --trang-tinh X > /dev/null 2>&1; rc=$?
t "table with a sheet name on a csv still works or says why" "[ $rc -eq 0 ] || [ $rc -eq 1 ]"
"$V" table "$D/none.xlsx" > "$D/out" 2> "$D/err"; rc=$?
t "table of a missing file exits 1 and prints nothing" "[ $rc -eq 1 ] && [ ! -s '$D/out' ] && grep -q 'none.xlsx' '$D/err'"

# Appendix from a spreadsheet outside the document's folder is refused.
mkdir -p "$D/doc"
sed 's/^ngay: 2024-13-01$/ngay: 2024-12-01/' "$D/bad.md" > "$D/doc/a.md"
printf 'phu_luc:\n  - tieu_de: X\n    bang: ../secret.csv\n' > "$D/pl.yaml"
awk -v f="$D/pl.yaml" 'NR==2{while((getline l < f)>0) print l} {print}' "$D/doc/a.md" > "$D/doc/b.md"
cp "$R/tests/data/sheet/tasks.csv" "$D/secret.csv"
"$V" render "$D/doc/b.md" -o "$D/doc/b.docx" 2> "$D/err"; rc=$?
t "appendix path leaving the folder refused" "[ $rc -eq 1 ] && grep -q 'ngoài thư mục' '$D/err' && [ ! -e '$D/doc/b.docx' ]"
"$V" render "$D/doc/a.md" -o "$D/doc/a.docx" 2> "$D/err"; rc=$?
t "the same document without it renders" "[ $rc -eq 0 ] && [ -s '$D/doc/a.docx' ]"

# Appendix built from the plan's own task blocks.
"$V" dump "$R/content/ke-hoach-dvctt-ba-ria-vung-tau-2025.md" > "$D/tasks.txt" 2>/dev/null
t "task table: group row from the section" "grep -q 'G | \*\*I\*\* | {span=4} \*\*NHIỆM VỤ VÀ GIẢI PHÁP\*\*' '$D/tasks.txt'"
t "task table: task 1 with its unit and time" "grep -q '^  R | 1 | Tăng cường công tác tuyên truyền.*| Văn phòng Sở phối hợp phòng TCCB |.*| Tháng 4/2025 |' '$D/tasks.txt'"
t "task table: 13 tasks collected" "[ \$(grep -c '^  R | ' '$D/tasks.txt') -eq 13 ]"

# Output problems: unwritable folder, full disk (a file-size limit), old file kept.
cp "$R/content/to-trinh-ubnd-tinh.md" "$D/tt.md"
mkdir -p "$D/ro" && chmod 555 "$D/ro"
if [ "$(id -u)" -ne 0 ]; then
	"$V" render "$D/tt.md" -o "$D/ro/tt.docx" 2> "$D/err"; rc=$?
	t "unwritable folder: exit 1 with a reason" "[ $rc -eq 1 ] && grep -q 'không có quyền ghi' '$D/err'"
else
	"$V" render "$D/tt.md" -o "$D/nodir/tt.docx" 2> "$D/err"; rc=$?
	t "missing output folder: exit 1 with a reason" "[ $rc -eq 1 ] && grep -q 'thư mục không tồn tại' '$D/err'"
fi
echo "old contents" > "$D/full.docx"
( ulimit -f 4; "$V" render "$D/tt.md" -o "$D/full.docx" 2> "$D/err" ); rc=$?
t "full disk (file-size limit): exit 1" "[ $rc -eq 1 ] && grep -q 'không ghi được tệp' '$D/err'"
t "full disk: old file untouched, no temporary left" "[ \"\$(cat '$D/full.docx')\" = 'old contents' ] && ! ls '$D' | grep -q 'full.docx.tmp'"
mkdir -p "$D/dir.docx"
"$V" render "$D/tt.md" -o "$D/dir.docx" 2> "$D/err"; rc=$?
t "output path that is a folder: exit 1" "[ $rc -eq 1 ] && grep -q 'thư mục' '$D/err'"
# render --strict refuses what check finds errors in; plain render writes the draft.
sed 's/^luu: .*$/luu: [VT]/' "$D/tt.md" | sed 's/^loai: to-trinh$/loai: to-trinh\nviet_tat: CV-SGDĐT/' > "$D/strict.md"
"$V" render --strict "$D/strict.md" -o "$D/strict.docx" 2> "$D/err"; rc=$?
t "render --strict refuses a document check finds errors in" "[ $rc -eq 1 ] && [ ! -e '$D/strict.docx' ] && grep -q -- '--strict' '$D/err'"
"$V" render --strict "$D/tt.md" -o "$D/tt-strict.docx" 2> "$D/err"; rc=$?
t "render --strict writes a clean document" "[ $rc -eq 0 ] && [ -s '$D/tt-strict.docx' ]"
printf '\357\273\277' > "$D/bom.md"; sed 's/$/\r/' "$D/tt.md" >> "$D/bom.md"
"$V" render "$D/bom.md" -o "$D/bom.docx" 2> "$D/err"; rc=$?
t "BOM and CRLF accepted" "[ $rc -eq 0 ] && [ -s '$D/bom.docx' ]"
[ $fails -eq 0 ]
