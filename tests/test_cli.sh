#!/bin/sh
# Command-line behaviour: help, version, exit codes, error messages with
# file:line:col, and that a failed run writes nothing and keeps old files.
# Usage: tests/test_cli.sh VANBAN OUTDIR
set -u
V=$1
D=$2
fails=0
ok() { echo "ok - $1"; }
no() { echo "not ok - $1"; fails=$((fails + 1)); }
t() { if eval "$2"; then ok "$1"; else no "$1"; fi; }

"$V" --help > "$D/help" 2>&1; rc=$?
t "--help exits 0" "[ $rc -eq 0 ]"
t "--help is in Vietnamese and names render" "grep -q 'Cách dùng' '$D/help' && grep -q 'vanban render' '$D/help'"
t "--version prints the version" "'$V' --version | grep -Eq '^vanban [0-9]+\.[0-9]+'"
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
t "binary input refused" "[ $rc -eq 1 ] && grep -q 'NUL' '$D/err'"
printf -- '---\nloai: ke-hoach\n---\n' | "$V" dump - > /dev/null 2> "$D/err"; rc=$?
t "stdin is read with -" "[ $rc -eq 1 ] && grep -q \"thiếu khóa 'co_quan'\" '$D/err'"
[ $fails -eq 0 ]
