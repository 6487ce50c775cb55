#!/bin/sh
# test_sheet.sh - tables from spreadsheets (.xlsx, .csv, .tsv): readers,
# merged cells, TT numbering, Markdown output and the refusal of bad files.
#
#   sh tests/test_sheet.sh [VANBAN] [OUTDIR]
#
# Most checks go through tests/sheet_driver.c, compiled here with ASan and
# UBSan against the sources it needs, because it can also print the model
# (spans, groups, alignment, widths); the last section checks that
# "vanban table" prints the same tables and refuses the same bad files.
# Prints one "ok - …" / "not ok - …" line per check; exits 1 when any
# check fails.
set -u
VANBAN=${1:-./vanban}
case $VANBAN in /*) ;; *) VANBAN=$(pwd)/$VANBAN ;; esac
OUT=${2:-build/test-sheet}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=$ROOT/tests/data/sheet
mkdir -p "$OUT" && OUT=$(cd "$OUT" && pwd)
DOC=$OUT/doc			# the "document folder" the tables are loaded from
DRV=$OUT/sheet_driver
failed=0

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; failed=1; }
# check DESCRIPTION COMMAND...: ok when the command succeeds.
check() { d=$1; shift; if "$@" >/dev/null 2>&1; then ok "$d"; else nok "$d"; fi; }
# has NAME TEXT: the Markdown output of run NAME contains TEXT.
has() { grep -qF -- "$2" "$OUT/$1.out"; }
# err NAME TEXT: the diagnostics of run NAME contain TEXT.
err() { grep -qF -- "$2" "$OUT/$1.err"; }
# clean NAME: no sanitizer report in run NAME.
clean() { ! grep -qE 'AddressSanitizer|runtime error|LeakSanitizer' "$OUT/$1.err"; }
# rc NAME N: run NAME exited with status N.
rc() { [ "$(cat "$OUT/$1.rc")" = "$2" ]; }
# run NAME ARGS...: runs the driver on the document folder.
run() {
	n=$1; shift
	"$DRV" "$@" >"$OUT/$n.out" 2>"$OUT/$n.err"
	echo $? >"$OUT/$n.rc"
}
# refused NAME TEXT ARGS...: the run fails cleanly with message TEXT.
refused() {
	n=$1; t=$2; shift 2
	run "$n" "$@"
	if rc "$n" 1 && err "$n" "$t" && clean "$n" && [ ! -s "$OUT/$n.out" ]; then
		ok "$n: refused with \"$t\""
	else
		nok "$n: refused with \"$t\" (rc $(cat "$OUT/$n.rc"): $(head -c 300 "$OUT/$n.err"))"
	fi
}
# zipdir DIR FILE: zips the files below DIR into FILE (deflated).
zipdir() {
	python3 - "$1" "$2" <<'PY'
import os, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
    for d, _, fs in os.walk(src):
        for f in sorted(fs):
            p = os.path.join(d, f)
            z.write(p, os.path.relpath(p, src))
PY
}

# --- build the driver -------------------------------------------------------
PKG="libxml-2.0 libzip icu-uc icu-i18n"
SRCS="sheet/sheet.c sheet/sheet_grid.c sheet/csv.c sheet/xlsx.c sheet/xlsx_format.c
sheet/table_md.c sheet/table_groups.c sheet/table.c
base/arena.c base/buf.c base/diag.c base/text.c base/date.c base/infile.c"
set --
for f in $SRCS; do set -- "$@" "$ROOT/src/$f"; done
# shellcheck disable=SC2046
if ${CC:-cc} -std=c11 -Wall -Wextra -Werror -D_XOPEN_SOURCE=700 \
    -D_DEFAULT_SOURCE -I"$ROOT/src" -O1 -g -fsanitize=address,undefined \
    -fno-sanitize-recover=undefined -fno-omit-frame-pointer \
    $(pkg-config --cflags $PKG) "$ROOT/tests/sheet_driver.c" "$@" \
    -o "$DRV" $(pkg-config --libs $PKG) -lm 2>"$OUT/build.err"; then
	ok "driver builds with ASan+UBSan"
else
	nok "driver builds with ASan+UBSan: $(head -c 500 "$OUT/build.err")"
	exit 1
fi
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1

rm -rf "$DOC" && mkdir -p "$DOC/sub"
cp "$DATA"/*.csv "$DATA"/*.tsv "$DOC/"

# --- CSV --------------------------------------------------------------------
# the committed file has LF ends; the clerk's file has a BOM and CRLF
printf '\357\273\277' >"$DOC/bom.csv"
sed 's/$/\r/' "$DATA/tasks.csv" >>"$DOC/bom.csv"
run csv -n -d "$DOC" tasks.csv
run bom -n -d "$DOC" bom.csv
check "csv: loads" rc csv 0
check "csv: no sanitizer report" clean csv
check "csv with BOM and CRLF: loads" rc bom 0
check "csv with BOM and CRLF: BOM not in the first heading" has bom '| TT | Nội dung |'
check "csv with BOM and CRLF: same table as LF without BOM" cmp "$OUT/csv.out" "$OUT/bom.out"
check "csv: quoted comma kept in the cell" has csv '| 1 | Tổ chức hội nghị, quán triệt |'
check "csv: doubled quotes" has csv 'Phòng "Khảo thí"'
check "csv: lines of a cell joined by <br>, - and + lines kept" has csv 'Nhiệm vụ nhiều dòng:<br>- ý một<br>+ ý hai'
check "csv: **bold** in a cell becomes bold" has csv 'Phòng **GDTrH**'
check "csv: *italic* in a cell and | escaped" has csv 'Tổng hợp *báo cáo* \| gửi Bộ'
check "csv: empty trailing columns and rows trimmed" grep -q '^ncols=5 nrows=7 header_rows=1$' "$OUT/csv.out"
check "csv: heading bold and centred" grep -q '^row 0 header: \[1,1C,b "TT"\]' "$OUT/csv.out"
check "csv: group row I spans the row after TT" grep -q '^row 1 group: \[1,1C,b "I"\] \[4,1L,b "Công tác tuyên truyền"\] \[0,' "$OUT/csv.out"
check "csv: group row in Markdown" has csv '| **I** | **Công tác tuyên truyền** |  |  |  |'
check "csv: tasks numbered 1, 2 in group I" has csv '| 2 | Nhiệm vụ nhiều dòng:'
check "csv: a bold-only row is group II" has csv '| **II** | **Kiểm tra, đánh giá** |'
check "csv: numbering restarts in group II" has csv '| 1 | Kiểm tra cuối kỳ |'
check "csv: number column right, mixed column left, TT centred" grep -q '^align=CLLLR$' "$OUT/csv.out"
check "csv: number cell right-aligned, date cell centred" grep -q '\[1,1C "01/06/2024"\] \[1,1R "3,5"\]' "$OUT/csv.out"
widths_ok() {
	awk -F'[=,]' '/^width=/ { s = 0; min = 1; for (i = 2; i <= NF; i++) {
	    s += $i; if ($i < min) min = $i }
	    exit !(s > 0.995 && s < 1.005 && min >= 0.0499 && $2 == min && $3 > 0.3) }' "$1"
}
check "csv: widths sum to 1, TT narrowest, content widest" widths_ok "$OUT/csv.out"
run csv1 -n "$DOC" tasks.csv
run csv2 -nn "$DOC" tasks.csv
check "numbering twice changes nothing" cmp "$OUT/csv1.out" "$OUT/csv2.out"
check "numbering twice gives no warning" test ! -s "$OUT/csv2.err"

run numbered -n "$DOC" numbered.csv
check "user numbers: kept" has numbered '| 4 | Việc bốn (thiếu số 3) |'
check "user numbers: sub-number 4.1 kept" has numbered '| 4.1 | Việc con |'
check "user numbers: gap warned with the expected number" err numbered 'số thứ tự "4" ở hàng thứ 5 của bảng không liền mạch (theo thứ tự phải là 3)'
check "user numbers: group gap warned" err numbered '"III" ở hàng thứ 7'
check "user numbers: warnings are not errors" rc numbered 0

run semi -d "$DOC" semicolon.csv
check "csv with ';' (Vietnamese Excel) detected" has semi '|  | Sửa chữa, bảo dưỡng | 3,0 |'

run colnum -n -d "$DOC" colnum.csv
check "a row of column numbers (1) (2)… joins the heading" grep -q '^ncols=4 nrows=4 header_rows=2$' "$OUT/colnum.out"
check "column numbers not counted as task 1" has colnum '| 1 | Việc một | Phòng A | Quý I |'
run title -n "$DOC" title.csv
check "title row above the table skipped" has title '| TT | Nội dung | Đơn vị | Thời gian |'
check "title row skipped with a warning" err title 'đã bỏ qua dòng "KẾ HOẠCH THỰC HIỆN NHIỆM VỤ NĂM 2025" phía trên bảng'

# decomposed Vietnamese (NFD) comes out composed (NFC)
python3 -c 'import sys,unicodedata; sys.stdout.write(unicodedata.normalize("NFD", "TT,Nội dung\n1,Họp giao ban\n"))' >"$DOC/nfd.csv"
run nfd "$DOC" nfd.csv
check "csv: NFD text normalised to NFC" has nfd '| 1 | Họp giao ban |'

# --- TSV --------------------------------------------------------------------
run tsv -n "$DOC" clipboard.tsv
check "tsv: loads" rc tsv 0
check "tsv: quoted multi-line clipboard cell" has tsv '| 1 | Rà soát văn bản<br>- cấp tỉnh<br>- cấp huyện | Sở Tư pháp | Dùng dấu "ngoặc" |'
check "tsv: a lone quote is kept as a character" has tsv '| 2 | "Báo cáo số 5 (lẻ một dấu ngoặc | Văn phòng |'
check "tsv: group row" has tsv '| **I** | **Nhóm nhiệm vụ chung** |'

# "Unicode Text" from Excel: UTF-16LE with a BOM, tab-separated, .txt
python3 -c 'import sys; sys.stdout.buffer.write(b"\xff\xfe" + "TT\tNội dung\tĐơn vị\n\t\"Việc\nhai dòng\"\tPhòng A\n".encode("utf-16-le"))' >"$DOC/unicode.txt"
run utf16 -n "$DOC" unicode.txt
check "utf-16 text (Excel \"Unicode Text\") read as TSV" has utf16 '| 1 | Việc<br>hai dòng | Phòng A |'
cp "$DATA/numbered.csv" "$DOC/sub/"
run backslash "$DOC" 'sub\numbered.csv'
check "Windows path separators accepted" has backslash '| 4.1 | Việc con |'

# --- XLSX from LibreOffice --------------------------------------------------
if soffice -env:UserInstallation="file://$OUT/lo-profile" --headless \
    --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$DOC" \
    "$DOC/for-xlsx.csv" >"$OUT/soffice.log" 2>&1 && [ -s "$DOC/for-xlsx.xlsx" ]; then
	ok "soffice converts a CSV to .xlsx"
else
	nok "soffice converts a CSV to .xlsx (needs libreoffice-calc): $(tail -c 300 "$OUT/soffice.log")"
fi
run lo -d "$DOC" for-xlsx.xlsx
check "xlsx (LibreOffice): loads" rc lo 0
check "xlsx (LibreOffice): no sanitizer report" clean lo
check "xlsx (LibreOffice): date cell shown dd/mm/yyyy" has lo '| 1 | Họp giao ban đầu năm | 15/03/2024 | 1500000 | 2,5 |'
check "xlsx (LibreOffice): number with decimal comma" has lo '| 2 | Báo cáo sơ kết | 31/12/2024 | 42 | 0,25 |'

# an HTML table with rowspan/colspan becomes merged cells in Calc
cp "$DATA/merged.html" "$DOC/"
soffice -env:UserInstallation="file://$OUT/lo-profile" --headless \
    --infilter="HTML (StarCalc)" --convert-to xlsx --outdir "$DOC" \
    "$DOC/merged.html" >"$OUT/soffice-html.log" 2>&1
mv "$DOC/merged.xlsx" "$DOC/lo-merged.xlsx" 2>/dev/null
run lomerged -n -d "$DOC" lo-merged.xlsx
check "xlsx (LibreOffice) merged: heading rows folded" has lomerged '| TT | Nội dung | Thời gian<br>Bắt đầu | Thời gian<br>Kết thúc |'
check "xlsx (LibreOffice) merged: rowspan and colspan kept" grep -q '^row 0 header: \[1,2C,b "TT"\] \[1,2C,b "Nội dung"\] \[2,1C,b "Thời gian"\] \[0,1C ""\]$' "$OUT/lomerged.out"
check "xlsx (LibreOffice) merged: merged bold row is group I" has lomerged '| **I** | **Công tác chuẩn bị** |  |  |'
check "xlsx (LibreOffice) merged: task numbered" has lomerged '| 1 | Xây dựng kế hoạch | 01/2025 | 03/2025 |'

# --- XLSX with merged cells, styles, rich text (parts written as text) ------
zipdir "$DATA/merged" "$DOC/merged.xlsx"
run merged -n -d "$DOC" merged.xlsx
check "xlsx merged: loads" rc merged 0
check "xlsx merged: no sanitizer report" clean merged
check "xlsx merged: two heading rows" grep -q 'header_rows=2$' "$OUT/merged.out"
check "xlsx merged: heading spans (rowspan 2, colspan 2)" grep -q '^row 0 header: \[1,2C,b "TT"\] \[1,2C,b "Nội dung"\] \[2,1C,b "Thời gian"\] \[0,1C ""\] \[1,2C,b "Kinh phí"\]' "$OUT/merged.out"
check "xlsx merged: cells under a rowspan are covered" grep -q '^row 1 header: \[1,1,covC ""\] \[1,1,covC ""\] \[1,1C,b "Bắt đầu"\]' "$OUT/merged.out"
check "xlsx merged: Markdown heading folds the rows" has merged '| TT | Nội dung | Thời gian<br>Bắt đầu | Thời gian<br>Kết thúc | Kinh phí |'
check "xlsx merged: merged group row numbered I" grep -q '^row 2 group: \[1,1C,b "I"\] \[4,1L,b "Công tác chuẩn bị"\]' "$OUT/merged.out"
check "xlsx merged: rich text runs bold and italic" has merged '| 1 | Xây dựng **kế hoạch** *chi tiết* |'
check "xlsx merged: built-in and custom date formats" has merged '| 15/03/2024 | 31/03/2024 |'
check "xlsx merged: #,##0.00 number" has merged '| 1.234,50 |'
check "xlsx merged: percent format" has merged '| 25% |'
check "xlsx merged: inline string with a line break" has merged '| 2 | Tập huấn<br>giáo viên |'
check "xlsx merged: body rowspan covers the cell below" grep -q '\[1,1,covD ""\] \[1,1[DL] "Theo dự toán"\]' "$OUT/merged.out"
check "xlsx merged: _x000D_ escape decoded" has merged '| 3 | Kiểm tra<br>cuối năm |'
check "xlsx merged: formula string result" has merged 'Theo dự toán'
check "xlsx merged: phonetic text skipped" sh -c "! grep -q PHONETIC '$OUT/merged.out'"
check "xlsx merged: float noise removed, boolean shown" has merged '| 4 | Báo cáo tổng kết | 0,3 |  | FALSE |'
check "xlsx merged: styled empty cells far away and blank rows dropped" grep -q '^ncols=5 nrows=10 ' "$OUT/merged.out"
check "xlsx merged: hidden first sheet skipped" has merged '| TT | Nội dung |'
check "xlsx merged: group title merged from TT keeps its numeral" grep -q '^row 7 group: \[5,1L,b "II. Tổng kết năm học"\] \[0,' "$OUT/merged.out"
check "xlsx merged: group title merged from TT gets a numeral" has merged '| **III. Công tác khác** |  |  |  |  |'
check "xlsx merged: a row with only its content is a group" has merged '| **IV** | **Lưu trữ hồ sơ** |'
run merged1 -n "$DOC" merged.xlsx
run merged2 -nn "$DOC" merged.xlsx
check "xlsx merged: numbering twice changes nothing" cmp "$OUT/merged1.out" "$OUT/merged2.out"
run sheet2 -s "Nhiệm vụ 2" "$DOC" merged.xlsx
check "xlsx: sheet chosen by name" has sheet2 '| 1 | Việc riêng của trang hai |'
check "xlsx: time, date-time and negative grouped number" has sheet2 '| 2 | Họp lúc | 12:00 | 15/03/2024 18:00 | -1.234.567,89 |'
rm -rf "$OUT/d1904" && cp -R "$DATA/merged" "$OUT/d1904"
sed 's|<workbookPr/>|<workbookPr date1904="1"/>|' "$DATA/merged/xl/workbook.xml" >"$OUT/d1904/xl/workbook.xml"
zipdir "$OUT/d1904" "$DOC/d1904.xlsx"
run d1904 "$DOC" d1904.xlsx
check "xlsx: 1904 date system" has d1904 '| 16/03/2028 | 01/04/2028 |'

# the same parts with prefixed element names, as the OpenXML SDK writes them
rm -rf "$OUT/prefixed" && cp -R "$DATA/merged" "$OUT/prefixed"
python3 - "$OUT/prefixed/xl" <<'PY'
import re, sys
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
for part in ("worksheets/sheet1.xml", "sharedStrings.xml", "workbook.xml", "styles.xml"):
    p = sys.argv[1] + "/" + part
    s = open(p, encoding="utf-8").read()
    s = re.sub(r"<(/?)([A-Za-z]+)([ >/])", r"<\1x:\2\3", s)
    open(p, "w", encoding="utf-8").write(s.replace(ns, ns.replace("xmlns", "xmlns:x")))
PY
zipdir "$OUT/prefixed" "$DOC/prefixed.xlsx"
run prefixed -n "$DOC" prefixed.xlsx
run plain -n "$DOC" merged.xlsx
check "xlsx with prefixed element names (x:c) reads the same" cmp "$OUT/plain.out" "$OUT/prefixed.out"

# --- the 2,000-row table ------------------------------------------------------
python3 "$DATA/gen2000.py" "$DOC/big.csv"
run big -n "$DOC" big.csv
check "2000 rows: loads" rc big 0
check "2000 rows: 2000 body rows" test "$(grep -c '^| ' "$OUT/big.out")" -eq 2002
check "2000 rows: 40 groups numbered up to XL" has big '| **XL** | **Nhóm nhiệm vụ số 40'
check "2000 rows: no sanitizer report" clean big

# --- refusals ---------------------------------------------------------------
printf 'Đây không phải bảng tính\n' >"$DOC/text.xlsx"
refused not-zip "không phải tệp Excel .xlsx" "$DOC" text.xlsx
head -c 700 "$DOC/merged.xlsx" >"$DOC/truncated.xlsx"
refused truncated "bị hỏng hoặc bị cắt cụt" "$DOC" truncated.xlsx
refused missing-sheet 'không có trang tính "Tổng hợp" trong tệp' -s "Tổng hợp" "$DOC" merged.xlsx
check "missing sheet: the hint lists the sheets" err missing-sheet '"Kế hoạch", "Nhiệm vụ 2"'
printf 'TT,Nội dung\n1,Bí mật\n' >"$OUT/secret.csv"
refused outside "nằm ngoài thư mục của văn bản" "$DOC" ../secret.csv
ln -sf "$OUT/secret.csv" "$DOC/sub/link.csv"
refused symlink-outside "nằm ngoài thư mục của văn bản" "$DOC" sub/link.csv
refused absolute "đường dẫn tuyệt đối" "$DOC" "$DOC/tasks.csv"
refused missing-file "không mở được tệp 'khong-co.csv': không có tệp này" "$DOC" khong-co.csv
: >"$DOC/empty.xlsx"
refused empty-xlsx "tệp .xlsx trống (0 byte)" "$DOC" empty.xlsx
: >"$DOC/empty.csv"
refused empty "tệp CSV trống" "$DOC" empty.csv
printf '\357\273\277\r\n,,\r\n' >"$DOC/blank.csv"
refused blank "tệp CSV trống" "$DOC" blank.csv
printf 'TT,Nội dung\n1,Họp\n2,Báo \377cáo\n' >"$DOC/latin.csv"
refused bad-utf8 "latin.csv:3:7: lỗi: tệp không phải văn bản UTF-8" "$DOC" latin.csv
printf 'TT,Nội dung\n1,"Họp giao ban\n2,Báo cáo\n' >"$DOC/open-quote.csv"
refused open-quote 'open-quote.csv:2:3: lỗi: dấu ngoặc kép " mở ô ở đây' "$DOC" open-quote.csv
refused old-xls "vanban chưa đọc được loại tệp bảng này (.xls)" "$DOC" bang.xls
mkdir -p "$OUT/bomb/xl/worksheets"
cp -R "$DATA/merged/." "$OUT/bomb/"
python3 -c 'import sys; sys.stdout.write("<!--" + " " * (20 << 20) + "-->")' >>"$OUT/bomb/xl/worksheets/sheet1.xml"
zipdir "$OUT/bomb" "$DOC/bomb.xlsx"
refused zip-bomb "giải nén ra quá lớn" "$DOC" bomb.xlsx
rm -rf "$OUT/laughs" && cp -R "$DATA/merged" "$OUT/laughs"
python3 - "$OUT/laughs/xl/sharedStrings.xml" <<'PY'
import sys
p = sys.argv[1]
ents = '<!ENTITY a0 "lollollollollollollollollollol">' + "".join(
    '<!ENTITY a%d "%s">' % (i, ("&a%d;" % (i - 1)) * 10) for i in range(1, 10))
s = open(p, encoding="utf-8").read()
s = s.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
              '<?xml version="1.0"?><!DOCTYPE sst [%s]>' % ents)
open(p, "w", encoding="utf-8").write(s.replace("<t>Cả năm</t>", "<t>&a9;</t>"))
PY
zipdir "$OUT/laughs" "$DOC/laughs.xlsx"
refused entity-bomb "không đọc được phần xl/sharedStrings.xml" "$DOC" laughs.xlsx
mkdir -p "$OUT/nowb/_rels"
cp "$DATA/merged/[Content_Types].xml" "$OUT/nowb/"
cp "$DATA/merged/_rels/.rels" "$OUT/nowb/_rels/"
zipdir "$OUT/nowb" "$DOC/nowb.xlsx"
refused no-workbook "thiếu phần xl/workbook.xml" "$DOC" nowb.xlsx
mkdir -p "$OUT/badxml" && cp -R "$DATA/merged/." "$OUT/badxml/"
printf '<worksheet><sheetData><row><c t="s"><v>0</v></row>' >"$OUT/badxml/xl/worksheets/sheet1.xml"
zipdir "$OUT/badxml" "$DOC/badxml.xlsx"
refused bad-xml "không đọc được phần xl/worksheets/sheet1.xml" "$DOC" badxml.xlsx

# --- the same through "vanban table" -----------------------------------------
# cli NAME ARGS...: runs "vanban table ARGS" from the document folder.
cli() {
	n=$1; shift
	(cd "$DOC" && "$VANBAN" table "$@") >"$OUT/$n.out" 2>"$OUT/$n.err"
	echo $? >"$OUT/$n.rc"
}
for f in tasks.csv clipboard.tsv merged.xlsx; do
	run "drv-$f" -n "$DOC" "$f"
	cli "cli-$f" "$f"
	check "vanban table $f: same table as the driver" cmp "$OUT/drv-$f.out" "$OUT/cli-$f.out"
done
cli cli-sheet2 merged.xlsx --trang-tinh "Nhiệm vụ 2"
check "vanban table --trang-tinh: sheet chosen by name" has cli-sheet2 '| 1 | Việc riêng của trang hai |'
(cd "$OUT" && "$VANBAN" table doc/sub/numbered.csv) >"$OUT/cli-dir.out" 2>"$OUT/cli-dir.err"
check "vanban table: a path into a folder works" has cli-dir '| 4.1 | Việc con |'
for f in text.xlsx truncated.xlsx empty.csv latin.csv bomb.xlsx khong-co.csv; do
	cli "cli-$f" "$f"
	if ! rc "cli-$f" 0 && [ ! -s "$OUT/cli-$f.out" ] && err "cli-$f" "lỗi:" && clean "cli-$f"; then
		ok "vanban table $f: refused with a message"
	else
		nok "vanban table $f: refused with a message (rc $(cat "$OUT/cli-$f.rc"))"
	fi
done
cli cli-nosheet merged.xlsx --trang-tinh "Tổng hợp"
check "vanban table: missing sheet refused, names listed" err cli-nosheet '"Kế hoạch", "Nhiệm vụ 2"'

# --- every run ---------------------------------------------------------------
if grep -lE 'AddressSanitizer|runtime error|LeakSanitizer' "$OUT"/*.err >"$OUT/san.list" 2>/dev/null; then
	nok "no sanitizer report in any run: $(tr '\n' ' ' <"$OUT/san.list")"
else
	ok "no sanitizer report in any run"
fi
exit $failed
