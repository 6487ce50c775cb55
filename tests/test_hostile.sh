#!/bin/sh
# Hostile inputs and faults, part two (issue 9): one read budget per
# document, out of memory as a message (never a crash), characters XML
# cannot hold, nothing cut silently, every write to a stream checked, and
# every message in Vietnamese, once, with its place. Each check failed on
# the vanban before the fix.
# Usage: tests/test_hostile.sh VANBAN OUTDIR   (VANBAN_REL: release build)
set -u
V=$1
D=$2
R=$(cd "$(dirname "$0")/.." && pwd)
REL=${VANBAN_REL:-$R/vanban}
rm -rf "$D" && mkdir -p "$D"
. "$(dirname "$0")/lib.sh"
tm() { timeout -s KILL 120 "$@"; }
# Prints the peak memory (KB) of a command's run to stdout.
peak() { /usr/bin/time -f %M -o "$D/mem" "$@" > /dev/null 2>&1; tail -1 "$D/mem"; }

# doc NAME TRICH_YEU [front matter lines…]: writes a small document.
doc() {
	f=$1; ty=$2; shift 2
	{
		echo '---'
		echo 'loai: ke-hoach'
		echo 'co_quan: Sở Giáo dục và Đào tạo'
		echo 'viet_tat: SGDĐT'
		echo 'dia_danh: Bắc Giang'
		echo 'ngay: 2024-01-19'
		echo "trich_yeu: $ty"
		echo 'noi_nhan: [Như trên]'
		echo 'luu: [VT]'
		echo 'ky: {chuc_vu: Giám đốc, ho_ten: Nguyễn Văn A}'
		for l in "$@"; do echo "$l"; done
		echo '---'
	} > "$f"
}

# --- 7. one budget for a document ----------------------------------------
W=$D/w7
mkdir -p "$W"
doc "$W/zero.md" "A"; echo 'Nội dung.' >> "$W/zero.md"
(ulimit -v 2000000 2>/dev/null; tm "$REL" render --strict /dev/zero -o "$W/z.docx") 2> "$W/err"; rc=$?
t "render --strict /dev/zero stops at the size limit" "[ $rc -eq 1 ] && grep -q 'giới hạn 32 MB' '$W/err'"
m=$(peak "$REL" check /dev/zero)
t "check /dev/zero stays small in memory ($m KB < 200 MB)" "[ ${m:-999999} -lt 200000 ]"
# A 15 MB TSV named by 20 appendices: the budget stops it.
/usr/bin/python3 -c "
import sys
with open(sys.argv[1], 'w') as f:
    f.write('TT\tNội dung\tĐơn vị\n')
    i = 0
    while f.tell() < 15 << 20:
        i += 1
        f.write(f'{i}\tNhiệm vụ số {i} của kế hoạch\tVăn phòng Sở\n')
" "$W/big.tsv"
set --
i=0; while [ $i -lt 20 ]; do set -- "$@" "  - tieu_de: Bảng $i" "    bang: big.tsv"; i=$((i + 1)); done
doc "$W/twenty.md" "A" "phu_luc:" "$@"; echo 'Nội dung, xem phụ lục.' >> "$W/twenty.md"
m=$(peak "$REL" render "$W/twenty.md" -o "$W/twenty.docx")
"$REL" render "$W/twenty.md" -o "$W/twenty.docx" 2> "$W/err"; rc=$?
t "20 appendices of one 15 MB TSV: refused by the budget" "[ $rc -eq 1 ] && grep -q 'vượt giới hạn' '$W/err' && [ ! -e '$W/twenty.docx' ]"
t "... at its line:col, within 1.5 GB ($m KB)" "grep -q 'twenty.md:[0-9]*:[0-9]*: lỗi: ' '$W/err' && [ ${m:-9999999} -lt 1500000 ]"
t "README states the budget" "grep -q '128 MB' '$R/README.md' && grep -q '2 000 000 ô' '$R/README.md'"

# --- 9. out of memory: a message and exit 1, never a crash --------------
W=$D/w9
mkdir -p "$W"
crashes=0; fails9=0
i=0
while [ $i -lt 20 ]; do
	(ulimit -v 200000; "$REL" render "$R/content/to-trinh-ubnd-tinh.md" -o "$W/t$i.pdf") > /dev/null 2> "$W/e$i"
	rc=$?
	[ $rc -gt 1 ] && crashes=$((crashes + 1))
	[ $rc -ne 0 ] && fails9=$((fails9 + 1))
	i=$((i + 1))
done
t "20 PDF renders under ulimit -v 200000: no crash ($crashes) and all succeed ($fails9 failed)" "[ $crashes -eq 0 ] && [ $fails9 -eq 0 ]"
for lim in 120000 90000 70000; do
	(ulimit -v $lim; "$REL" render "$R/content/ke-hoach-5-nam-ba-ria-vung-tau-2021.md" -o "$W/o$lim.pdf") > /dev/null 2> "$W/err"; rc=$?
	t "PDF under ulimit -v $lim: exit 0 or 1 with a Vietnamese message, no crash" "[ $rc -eq 0 ] || { [ $rc -eq 1 ] && grep -q 'lỗi: ' '$W/err' && ! grep -q 'GLib\|Assertion\|terminate' '$W/err'; }"
done
/usr/bin/python3 -c "
import sys
head = open(sys.argv[1], encoding='utf-8').read()
body = head.split('---', 2)[2]
with open(sys.argv[2], 'w', encoding='utf-8') as f:
    f.write('---' + head.split('---', 2)[1] + '---\n')
    while f.tell() < 4400000:
        f.write(body)
" "$R/content/ke-hoach-hai-phong-2024.md" "$W/big.md"
cp -r "$R/content/phu-luc" "$W/" 2>/dev/null
(ulimit -v 200000; "$REL" render "$W/big.md" -o "$W/big.pdf") > /dev/null 2> "$W/err"; rc=$?
t "a 4.4 MB document under ulimit -v 200000: exit 0 or 1 with a message, no crash" "[ $rc -eq 0 ] || { [ $rc -eq 1 ] && grep -q 'không' '$W/err'; }"

# --- 10. characters XML cannot hold ------------------------------------------
W=$D/w10
mkdir -p "$W"
doc "$W/ffff.md" "A"; printf 'Nội dung \357\277\277 có U+FFFF.\n' >> "$W/ffff.md"
"$V" render "$W/ffff.md" -o "$W/ffff.docx" 2> "$W/err"; rc=$?
t "U+FFFF in the body refused at its line:col" "[ $rc -eq 1 ] && grep -q 'ffff.md:12:10: lỗi: .*U+FFFF' '$W/err' && [ ! -e '$W/ffff.docx' ]"
doc "$W/fffe.md" "A"; printf 'Nội dung \357\277\276.\n' >> "$W/fffe.md"
"$V" render "$W/fffe.md" -o "$W/fffe.pdf" 2> "$W/err"; rc=$?
t "U+FFFE refused for the PDF too, in Vietnamese" "[ $rc -eq 1 ] && grep -q 'U+FFFE' '$W/err' && ! grep -qi 'invalid\|error' '$W/err'"
doc "$W/ctl.md" '"A\u0001 B"'; echo 'Nội dung.' >> "$W/ctl.md"
"$V" render "$W/ctl.md" -o "$W/ctl.docx" 2> "$W/err"; rc=$?
t "trich_yeu \"A\\u0001 B\" refused at its line:col" "[ $rc -eq 1 ] && grep -q 'ctl.md:7:12: lỗi: .*U+0001' '$W/err' && [ ! -e '$W/ctl.docx' ]"
printf 'TT\tNội dung\n1\tViệc \357\277\276 một\n' > "$W/cell.tsv"
doc "$W/cell.md" "A" "phu_luc:" "  - tieu_de: B" "    bang: cell.tsv"; echo 'Nội dung.' >> "$W/cell.md"
"$V" render "$W/cell.md" -o "$W/cell.docx" 2> "$W/err"; rc=$?
t "U+FFFE in a TSV cell refused, naming the cell and the key" "[ $rc -eq 1 ] && grep -q 'cell.md:13:[0-9]*: lỗi: .*hàng 2, cột 2' '$W/err'"
doc "$W/ent.md" "A"; echo 'Nội dung &#1; và &#xFFFE; hết.' >> "$W/ent.md"
"$V" render "$W/ent.md" -o "$W/ent.docx" 2> "$W/err"; rc=$?
t "&#1; written as an entity: replaced, with a warning at its line" "[ $rc -eq 0 ] && grep -q 'ent.md:12:1: cảnh báo: .*U+0001' '$W/err'"
t "every XML part of that DOCX is well-formed" "/usr/bin/python3 -c \"
import sys, zipfile, xml.dom.minidom as m
z = zipfile.ZipFile(sys.argv[1])
[m.parseString(z.read(n)) for n in z.namelist() if n.endswith('.xml') or n.endswith('.rels')]
\" '$W/ent.docx'"
doc "$W/props.md" '"Trích yếu có <dấu> & \"ngoặc\" \u00a0"'; echo 'Nội dung.' >> "$W/props.md"
"$V" render "$W/props.md" -o "$W/props.docx" 2> "$W/err"; rc=$?
t "front matter values reach core.xml well-formed" "[ $rc -eq 0 ] && /usr/bin/python3 -c \"
import sys, zipfile, xml.dom.minidom as m
z = zipfile.ZipFile(sys.argv[1])
assert '<dấu>' in m.parseString(z.read('docProps/core.xml')).getElementsByTagName('dc:title')[0].firstChild.data
\" '$W/props.docx'"

# --- 11. nothing cut silently ------------------------------------------------
W=$D/w11
mkdir -p "$W"
long=$(/usr/bin/python3 -c "print('y' * 1000000)")
doc "$W/t1m.md" "$long"; echo 'Nội dung.' >> "$W/t1m.md"
"$V" render "$W/t1m.md" -o "$W/t1m.pdf" 2> "$W/err"; rc=$?
t "a 1 MB unbroken title is refused, not cut" "[ $rc -eq 1 ] && grep -q 'quá dài' '$W/err' && [ ! -e '$W/t1m.pdf' ]"
long=$(/usr/bin/python3 -c "print('y' * 1990)")
doc "$W/t2k.md" "$long"; echo 'Nội dung.' >> "$W/t2k.md"
"$V" render "$W/t2k.md" -o "$W/t2k.pdf" 2> "$W/err"; rc=$?
t "a 1990-character unbroken title is wrapped whole in the PDF" "[ $rc -eq 0 ] && [ \$(pdftotext '$W/t2k.pdf' - | tr -cd y | wc -c) -ge 1990 ]"
doc "$W/w.md" "A"; /usr/bin/python3 -c "print('z' * 1990 + '.')" >> "$W/w.md"
"$V" render "$W/w.md" -o "$W/w.pdf" 2> "$W/err"; rc=$?
t "a 1990-character word ending the body (\"./.\" added) is wrapped whole" "[ $rc -eq 0 ] && [ \$(pdftotext '$W/w.pdf' - | tr -cd z | wc -c) -eq 1990 ]"
doc "$W/c.md" "A"; { echo '| a | b | c |'; echo '|---|---|---|'; /usr/bin/python3 -c "print('| ' + 'c' * 300 + ' | d | Nội dung |')"; } >> "$W/c.md"
"$V" render "$W/c.md" -o "$W/c.pdf" 2> "$W/err"; rc=$?
t "a 300-character word in a table cell is wrapped inside the page" "[ $rc -eq 0 ] && [ \$(pdftotext '$W/c.pdf' - | tr -cd c | wc -c) -ge 300 ] && pdftotext '$W/c.pdf' - | grep -q 'Nội'"

# --- 12. every write to a stream checked -----------------------------------
W=$D/w12
mkdir -p "$W"
"$V" table "$R/tests/data/sheet/tasks.csv" > /dev/full 2> "$W/err"; rc=$?
t "table to a full stdout: exit 1 with a message" "[ $rc -eq 1 ] && grep -q 'đầu ra chuẩn' '$W/err'"
"$V" table "$R/tests/data/sheet/tasks.csv" >&- 2> "$W/err"; rc=$?
t "table to a closed stdout: exit 1 with a message" "[ $rc -eq 1 ] && grep -q 'đầu ra chuẩn' '$W/err'"
"$V" --help > /dev/full 2> "$W/err"; rc=$?
t "--help to a full stdout: exit 1 with a message" "[ $rc -eq 1 ] && grep -q 'đầu ra chuẩn' '$W/err'"
"$V" dump "$R/content/to-trinh-ubnd-tinh.md" > /dev/full 2> "$W/err"; rc=$?
t "dump to a full stdout: exit 1 with a message" "[ $rc -eq 1 ] && grep -q 'đầu ra chuẩn' '$W/err'"
printf 'Chµo\n' > "$W/cu.md"
"$V" convert --from tcvn3 "$W/cu.md" -o - > /dev/full 2> "$W/err"; rc=$?
t "convert -o - to a full stdout: exit 1 with a message" "[ $rc -eq 1 ] && grep -q 'đầu ra chuẩn' '$W/err'"

# --- 13. messages: Vietnamese, once, with their place -------------------------
W=$D/w13
mkdir -p "$W"
doc "$W/alias.md" '*khong_co'; echo 'Nội dung.' >> "$W/alias.md"
"$V" render "$W/alias.md" -o "$W/a.docx" 2> "$W/err"; rc=$?
t "an undefined YAML alias is explained in Vietnamese" "[ $rc -eq 1 ] && grep -q 'alias.md:7:12: lỗi: .*bí danh' '$W/err' && ! grep -q 'found' '$W/err'"
doc "$W/esc.md" '"A \q"'; echo 'Nội dung.' >> "$W/esc.md"
"$V" render "$W/esc.md" -o "$W/e.docx" 2> "$W/err"; rc=$?
t "a bad escape in quotes is explained in Vietnamese" "[ $rc -eq 1 ] && grep -q 'lỗi: .*chuỗi thoát' '$W/err' && ! grep -q 'found' '$W/err'"
name=$(/usr/bin/python3 -c "print('a' * 300 + '.md')")
doc "$W/nametoolong.md" "A" "phu_luc:" "  - tieu_de: B" "    noi_dung: $name"; echo 'Nội dung.' >> "$W/nametoolong.md"
"$V" render "$W/nametoolong.md" -o "$W/n.docx" 2> "$W/err"; rc=$?
t "a file name too long is said in Vietnamese at its key" "[ $rc -eq 1 ] && grep -q 'nametoolong.md:13:15: lỗi: .*quá dài' '$W/err' && ! grep -q 'File name' '$W/err'"
printf '\377 hỏng\n' > "$W/bad.md"
doc "$W/appx.md" "A" "phu_luc:" "  - tieu_de: B" "    noi_dung: bad.md"; echo 'Nội dung.' >> "$W/appx.md"
"$V" render "$W/appx.md" -o "$W/appx.docx" 2> "$W/err"; rc=$?
t "an error inside an appendix file has its line:col" "[ $rc -eq 1 ] && grep -q 'bad.md:1:1: lỗi: ' '$W/err'"
printf 'TT,Nội dung\n1,"chưa đóng\n' > "$W/broken.csv"
set --
i=0; while [ $i -lt 10 ]; do set -- "$@" "  - tieu_de: B$i" "    bang: broken.csv"; i=$((i + 1)); done
doc "$W/same.md" "A" "phu_luc:" "$@"; echo 'Nội dung.' >> "$W/same.md"
"$V" render "$W/same.md" -o "$W/same.docx" 2> "$W/err"; rc=$?
t "ten appendices of one broken CSV: its error is printed once" "[ $rc -eq 1 ] && [ \$(grep -c 'broken.csv:[0-9]*:[0-9]*: lỗi' '$W/err') -eq 1 ]"
set --
i=0; while [ $i -lt 10 ]; do set -- "$@" "  - tieu_de: B$i" "    bang: khong-co.csv"; i=$((i + 1)); done
doc "$W/ten.md" "A" "phu_luc:" "$@"; echo 'Nội dung.' >> "$W/ten.md"
"$V" render "$W/ten.md" -o "$W/ten.docx" 2> "$W/err"; rc=$?
t "ten appendices naming one missing file: each reported at its own line" "[ $rc -eq 1 ] && [ \$(grep -c 'lỗi:' '$W/err') -eq 10 ] && [ \$(sort '$W/err' | uniq -d | grep -c 'lỗi') -eq 0 ]"
printf -- '---\nloai: ke-hoach\n' > "$W/open.md"
"$V" render "$W/open.md" -o "$W/o.docx" 2> "$W/err"; rc=$?
t "an unclosed front matter: Vietnamese, file:line:col" "[ $rc -eq 1 ] && grep -q 'open.md:1:1: lỗi: ' '$W/err'"

echo "# test_hostile: $fails failed"
[ $fails -eq 0 ]
