#!/bin/sh
# "vanban check" and "vanban convert": one fixture per rule in
# tests/data/check, each asserting the exact file:line:col, the severity and
# a key word of the message; exit codes; that check writes nothing; that
# convert turns TCVN3 and VNI samples into Unicode NFC and never overwrites
# its input.
# Usage: tests/test_check.sh VANBAN OUTDIR
set -u
V=$1
D=$2
DATA=$(cd "$(dirname "$0")/data/check" && pwd)
. "$(dirname "$0")/lib.sh"

# Work on a copy, so that "writes nothing" can be checked on it.
F=$D/fx
rm -rf "$F"
cp -R "$DATA" "$F"
snapshot() { (cd "$F" && find . -type f | LC_ALL=C sort | xargs cksum); }
snapshot > "$D/before"

# run FILE [OPTIONS]: runs check, output in $D/out, exit code in $rc.
run() {
	f=$1
	shift
	"$V" check "$@" "$F/$f" > "$D/stdout" 2> "$D/out"
	rc=$?
}

# expect NAME FILE LINE:COL SEVERITY KEYWORD: one diagnostic has the
# position and the severity, and the key word in its message or its hint.
expect() {
	run "$2"
	if grep -A1 -F "$F/$2:$3: $4: " "$D/out" | grep -qF -- "$5"; then
		ok "$1"
	else
		no "$1"
		sed 's/^/#   /' "$D/out"
	fi
}

# Exit codes and output of a clean document.
run clean.md
t "clean document: exit 0" "[ $rc -eq 0 ]"
t "clean document: no output" "[ ! -s '$D/out' ] && [ ! -s '$D/stdout' ]"
run clean.md --strict
t "clean document with --strict: exit 0" "[ $rc -eq 0 ]"
run place.md
t "warnings only: exit 0" "[ $rc -eq 0 ] && grep -q 'cảnh báo' '$D/out'"
run place.md --strict
t "warnings only with --strict: exit 1" "[ $rc -eq 1 ]"
run table.md
t "errors: exit 1" "[ $rc -eq 1 ] && grep -q ': lỗi: ' '$D/out'"
"$V" check > /dev/null 2>&1; rc=$?
t "no file: exit 2" "[ $rc -eq 2 ]"
"$V" check --bogus "$F/clean.md" > /dev/null 2>&1; rc=$?
t "unknown option: exit 2" "[ $rc -eq 2 ]"
"$V" check "$F/missing.md" > /dev/null 2>&1; rc=$?
t "missing file: exit 1" "[ $rc -eq 1 ]"

# Front matter.
expect "unknown key with a suggestion" unknown-key.md 9:1 "cảnh báo" "'trich_yeu'?"
expect "missing trich_yeu" missing-keys.md 1:1 "lỗi" "thiếu khóa 'trich_yeu'"
expect "missing kinh_gui for a tờ trình" missing-keys.md 1:1 "lỗi" "thiếu khóa 'kinh_gui'"
expect "missing noi_nhan" missing-keys.md 1:1 "lỗi" "thiếu khóa 'noi_nhan'"
expect "missing ky.ho_ten is an error" no-name.md 15:3 "lỗi" "họ tên người ký"
t "missing ky.ho_ten reported once" "[ \$(grep -c 'họ tên người ký' '$D/out') -eq 1 ]"
expect "type not in ND30, with a suggestion" bad-type.md 2:7 "lỗi" "không có trong Nghị định 30"
expect "code CV in don_vi" code-cv.md 5:9 "lỗi" "'CV' không phải là mã"
expect "code CV in a number cited in the body" code-cv.md 17:26 "cảnh báo" "'CV'"
expect "year inside the number" year-number.md 6:5 "lỗi" "so: 12/2024"
expect "date that does not exist" bad-date.md 8:7 "lỗi" "2024-02-30"
expect "place name with Thành phố" place.md 7:11 "cảnh báo" "Thành phố"
run place-hcm.md
t "Thành phố Hồ Chí Minh is accepted" "[ $rc -eq 0 ] && [ ! -s '$D/out' ]"
expect "TP. Hồ Chí Minh written in full" subject.md 7:11 "cảnh báo" "Thành phố Hồ Chí Minh"
expect "trích yếu starting with the type name" subject.md 9:12 "cảnh báo" "tên loại 'Kế hoạch'"
expect "trích yếu ending with a full stop" subject.md 9:58 "cảnh báo" "dấu chấm"
expect "công văn trích yếu with V/v (vanban prints it once)" cong-van-vv.md 8:12 "cảnh báo" "một lần"
expect "month 3-9 with a leading zero" subject.md 27:60 "cảnh báo" "tháng 08"
run cong-van-vv.md
t "month 01 with a leading zero is right" "! grep -q \"tháng 01'\" '$D/out'"
expect "authority prefix without a space in thu_truong" authority.md 16:15 "lỗi" "dấu cách"
expect "quyen_han with more than the prefix" authority-value.md 15:14 "lỗi" "GIÁM ĐỐC"

# Body.
expect "heading level skipped" headings.md 17:1 "cảnh báo" "nhảy cấp"
expect "empty section" headings.md 21:1 "cảnh báo" "không có nội dung"
expect "numbering gap" headings.md 27:1 "cảnh báo" "thiếu mục 'IV.'"
expect "footnote reference without a definition" footnotes.md 15:66 "lỗi" "[^2]"
expect "footnote definition never referenced" footnotes.md 20:1 "cảnh báo" "[^3]"
t "footnote in inline code is not a reference" "! grep -qF '[^x]' '$D/out'"
expect "table row with too many cells" table.md 19:1 "lỗi" "4 ô"
expect "table row with too few cells" table.md 20:1 "cảnh báo" "2 ô"
t "escaped pipe is not a cell border" "! grep -qF 'table.md:21:' '$D/out'"
expect "appendix never referred to" appendix.md 14:3 "cảnh báo" "phụ lục"
run appendix-table.md
t "appendix table row checked in the appendix file" "grep -qF '$F/phu-luc/bang-loi.md:6:1: cảnh báo: hàng bảng có 2 ô' '$D/out'"
t "doubled space inside a table cell, not the padding" "grep -qF '$F/phu-luc/bang-loi.md:5:14: cảnh báo: hai dấu cách' '$D/out' && [ \$(grep -c 'hai dấu cách' '$D/out') -eq 1 ]"
t "appendix referred to as 'Phụ lục' is fine" "! grep -q 'không nhắc đến' '$D/out'"

# Recipients.
expect "first recipient not Như trên" recipients.md 10:5 "cảnh báo" "Như trên"
expect "Lưu missing" recipients.md 10:3 "cảnh báo" "luu"

# Text.
expect "decomposed Unicode" nfd.md 27:2 "cảnh báo" "NFD"
expect "pasted TCVN3 text" tcvn3.md 31:15 "lỗi" "TCVN3"
t "TCVN3 hint names convert" "grep -qF 'vanban convert --from tcvn3' '$D/out'"
expect "pasted VNI text" vni.md 31:4 "lỗi" "VNI"
t "VNI hint names convert" "grep -qF 'vanban convert --from vni' '$D/out'"
expect "TCVN3 file that is not UTF-8" tcvn3-bytes.md 4:2 "lỗi" "TCVN3"
expect "doubled space in the front matter" spacing.md 9:40 "cảnh báo" "hai dấu cách"
expect "doubled space in the body" spacing.md 31:8 "cảnh báo" "hai dấu cách"
expect "space before a comma" spacing.md 31:22 "cảnh báo" "dấu ','"
expect "straight quotes among curly ones" spacing.md 31:39 "cảnh báo" "ngoặc kép thẳng"

# Each problem once, sorted by line.
run headings.md
t "output sorted by line" "grep -oE '^[^ ]+:[0-9]+:' '$D/out' | awk -F: '{print \$(NF-1)}' | sort -nc"
t "each problem reported once" "[ \$(grep -c ': cảnh báo: ' '$D/out') -eq 3 ]"

# check writes nothing.
for f in "$F"/*.md; do "$V" check "$f" > /dev/null 2>&1; done
"$V" check --strict "$F/clean.md" > /dev/null 2>&1
snapshot > "$D/after"
t "check writes no files" "cmp -s '$D/before' '$D/after'"

# convert.
C=$F/convert
cv() { "$V" convert "$@" > /dev/null 2> "$D/cerr"; rc=$?; }
cv --from tcvn3 "$C/tcvn3-pasted.txt" -o "$D/t1.txt"
t "convert TCVN3 pasted as Windows-1252 text" "[ $rc -eq 0 ] && cmp -s '$D/t1.txt' '$C/tcvn3.expected'"
cv --from tcvn3 "$C/tcvn3-raw.txt" -o "$D/t2.txt"
t "convert TCVN3 8-bit bytes" "[ $rc -eq 0 ] && cmp -s '$D/t2.txt' '$C/tcvn3.expected'"
cv --from vni "$C/vni-pasted.txt" -o "$D/v1.txt"
t "convert VNI pasted as Windows-1252 text" "[ $rc -eq 0 ] && cmp -s '$D/v1.txt' '$C/vni.expected'"
cv --from vni "$C/vni-raw.txt" -o "$D/v2.txt"
t "convert VNI 8-bit bytes" "[ $rc -eq 0 ] && cmp -s '$D/v2.txt' '$C/vni.expected'"
cv --from tcvn3 "$C/mixed.txt" -o "$D/m.txt"
t "convert keeps Unicode lines of a mixed file" "[ $rc -eq 0 ] && cmp -s '$D/m.txt' '$C/mixed.expected'"
cp "$C/tcvn3-pasted.txt" "$D/ban.md"
cv --from tcvn3 "$D/ban.md"
t "convert writes FILE.unicode.md by default" "[ $rc -eq 0 ] && cmp -s '$D/ban.unicode.md' '$C/tcvn3.expected'"
before=$(cksum < "$D/ban.md")
cv --from tcvn3 "$D/ban.md" -o "$D/ban.md"
t "convert refuses to overwrite its input" "[ $rc -eq 1 ] && [ \"\$(cksum < '$D/ban.md')\" = '$before' ] && grep -q 'ghi đè' '$D/cerr'"
cv --from tcvn3 "$D/ban.md" -o "$D/./ban.md"
t "convert refuses the input under another name" "[ $rc -eq 1 ] && [ \"\$(cksum < '$D/ban.md')\" = '$before' ]"
t "convert leaves no temporary file" "! ls '$D' | grep -q tmp-"
cv --from vni "$C/tcvn3-pasted.txt" -o "$D/wrong.txt"
t "convert warns when the text looks like the other encoding" "grep -q 'tcvn3' '$D/cerr'"
cv "$C/tcvn3-pasted.txt"
t "convert without --from: exit 2" "[ $rc -eq 2 ]"
cv --from latin1 "$C/tcvn3-pasted.txt"
t "convert with an unknown encoding: exit 2" "[ $rc -eq 2 ]"
cp "$F/tcvn3.md" "$D/doc.md"
cv --from tcvn3 "$D/doc.md"
"$V" check "$D/doc.unicode.md" > /dev/null 2> "$D/out"; rc=$?
t "converted document passes check" "[ $rc -eq 0 ] && ! grep -q TCVN3 '$D/out'"
[ $fails -eq 0 ]
