#!/bin/sh
# "vanban new": a skeleton of every kind of document that check accepts
# without errors and that renders; the keys the agency profile gives left
# out; today's date; never over an existing file; bad kinds and options.
# Usage: tests/test_new.sh VANBAN OUTDIR
set -u
V=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
D=$2
T_SHOW=20
. "$(dirname "$0")/lib.sh"

W=$D/new
rm -rf "$W"
mkdir -p "$W/all" "$W/so/phong"
export VANBAN_DATE=2025-01-19T08:00:00+07:00

# Every kind: written, no error from check, the kind and the date in it.
kinds=$("$V" new --loai | tail -n +2 | awk '{print $1}')
n=0; bad=""
for k in $kinds; do
	n=$((n + 1))
	if ! "$V" new "$k" -o "$W/all/$k.md" > /dev/null 2>&1 ||
	    ! "$V" check "$W/all/$k.md" > "$W/all/$k.chk" 2>&1 ||
	    grep -q ': lỗi: ' "$W/all/$k.chk" ||
	    ! grep -q "^loai: $k\$" "$W/all/$k.md" ||
	    ! grep -q '^ngay: 2025-01-19$' "$W/all/$k.md"; then
		bad="$bad $k"
	fi
done
echo "$bad" > "$D/out"
t "every kind of Decree 30 ($n) has a skeleton" "[ $n -ge 28 ]"
t "every skeleton passes check without errors" "[ -z '$bad' ]"
t "blanks are left as '……'" "grep -q '^co_quan: ……' '$W/all/ke-hoach.md'"
t "kế hoạch skeleton: Mục đích, yêu cầu / Nội dung / Tổ chức thực hiện" \
    "grep -q '^# Mục đích, yêu cầu' '$W/all/ke-hoach.md' && grep -q '^# Nội dung' '$W/all/ke-hoach.md' && grep -q '^# Tổ chức thực hiện' '$W/all/ke-hoach.md'"
t "báo cáo skeleton has Kính gửi and Như trên" "grep -q '^kinh_gui:' '$W/all/bao-cao.md' && grep -q 'Như trên' '$W/all/bao-cao.md'"
t "quyết định skeleton has căn cứ and Điều 1" "grep -q '^can_cu:' '$W/all/quyet-dinh.md' && grep -q 'Điều 1\.' '$W/all/quyet-dinh.md'"
t "công văn skeleton has don_vi and kinh_gui" "grep -q '^don_vi:' '$W/all/cong-van.md' && grep -q '^kinh_gui:' '$W/all/cong-van.md'"
t "giấy giới thiệu has no trích yếu" "! grep -q '^trich_yeu' '$W/all/giay-gioi-thieu.md'"
t "so is left empty for the Văn thư" "grep -q '^so: \"\"' '$W/all/ke-hoach.md'"

# Renders: the ke-hoach and quyet-dinh skeletons to PDF, headings numbered.
"$V" render "$W/all/ke-hoach.md" -o "$W/kh.pdf" > "$D/out" 2>&1; rc=$?
t "ke-hoach skeleton renders to PDF" "[ $rc -eq 0 ] && [ -s '$W/kh.pdf' ]"
pdftotext -layout "$W/kh.pdf" "$W/kh.txt" 2>/dev/null
t "rendered skeleton: I. MỤC ĐÍCH, YÊU CẦU ... III. TỔ CHỨC THỰC HIỆN" "grep -q 'I. MỤC ĐÍCH, YÊU CẦU' '$W/kh.txt' && grep -q 'III. TỔ CHỨC THỰC HIỆN' '$W/kh.txt'"
t "rendered skeleton: date of today" "grep -q 'ngày 19 tháng 01 năm 2025' '$W/kh.txt'"
"$V" render "$W/all/cong-van.md" -o "$W/cv.docx" > "$D/out" 2>&1; rc=$?
t "cong-van skeleton renders to DOCX" "[ $rc -eq 0 ] && [ -s '$W/cv.docx' ]"

# With a profile one folder up: its keys are left out, and still apply.
cat > "$W/so/co-quan.yaml" <<'Y'
co_quan_chu_quan: UBND tỉnh Bắc Giang
co_quan: Sở Giáo dục và Đào tạo
viet_tat: SGDĐT
dia_danh: Bắc Giang
noi_nhan: [UBND tỉnh]
luu: [VT, VP]
ky:
  quyen_han: KT
  thu_truong: Giám đốc
  chuc_vu: Phó Giám đốc
  ho_ten: Lê Thị Minh Hoa
Y
(cd "$W/so/phong" && "$V" new ke-hoach) > "$D/out" 2>&1; rc=$?
F=$W/so/phong/ke-hoach.md
t "default name LOẠI.md in the current folder" "[ $rc -eq 0 ] && [ -s '$F' ]"
t "profile's keys left out of the new document" "! grep -qE '^(co_quan|viet_tat|dia_danh|noi_nhan|luu|ky):' '$F'"
t "the new document names its profile" "grep -q 'co-quan.yaml' '$F' && grep -q 'co-quan.yaml' '$D/out'"
"$V" dump "$F" > "$D/out" 2>&1
t "the profile's keys apply to it" "grep -q '^issuer: SỞ GIÁO DỤC VÀ ĐÀO TẠO' '$D/out' && grep -q '^name: Lê Thị Minh Hoa' '$D/out'"
"$V" check "$F" > "$D/out" 2>&1; rc=$?
t "with a profile: check without errors" "[ $rc -eq 0 ]"

# Never over an existing file; nothing changed.
cksum "$F" > "$D/before"
(cd "$W/so/phong" && "$V" new ke-hoach) > "$D/out" 2>&1; rc=$?
t "existing file: exit 1, names -o" "[ $rc -eq 1 ] && grep -q 'không ghi đè' '$D/out' && grep -q -- '-o' '$D/out'"
cksum "$F" | cmp -s - "$D/before"; rc=$?
t "existing file left untouched" "[ $rc -eq 0 ]"
echo 'giữ nguyên' > "$W/keep.md"
"$V" new bao-cao -o "$W/keep.md" > "$D/out" 2>&1; rc=$?
t "-o existing file: refused, kept" "[ $rc -eq 1 ] && [ \"\$(cat '$W/keep.md')\" = 'giữ nguyên' ]"

# A broken profile: reported at its line, nothing written.
printf 'co_quan: [Sở\n' > "$W/so/co-quan.yaml"
(cd "$W/so/phong" && "$V" new to-trinh) > "$D/out" 2>&1; rc=$?
t "broken profile: exit 1, at its line, no file" "[ $rc -eq 1 ] && grep -q 'co-quan.yaml:[0-9]*:[0-9]*: lỗi' '$D/out' && [ ! -e '$W/so/phong/to-trinh.md' ]"

# Command line.
"$V" new ke-hoch > "$D/out" 2>&1; rc=$?
t "unknown kind: exit 2 with a suggestion" "[ $rc -eq 2 ] && grep -q \"'ke-hoach'\" '$D/out'"
"$V" new > "$D/out" 2>&1; rc=$?
t "no kind: exit 2, lists the kinds" "[ $rc -eq 2 ] && grep -q 'quyet-dinh' '$D/out'"
"$V" new ke-hoach --bogus > "$D/out" 2>&1; rc=$?
t "unknown option: exit 2" "[ $rc -eq 2 ]"
"$V" new --help > "$D/out" 2>&1; rc=$?
t "new --help in Vietnamese" "[ $rc -eq 0 ] && grep -q 'Cách dùng: vanban new' '$D/out'"
"$V" --help > "$D/out" 2>&1
t "--help lists new" "grep -q 'vanban new LOẠI' '$D/out'"
"$V" new thong-bao -o - > "$D/out" 2>/dev/null; rc=$?
t "-o - writes to standard output" "[ $rc -eq 0 ] && grep -q '^loai: thong-bao' '$D/out'"

[ $fails -eq 0 ]
