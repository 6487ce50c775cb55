#!/bin/sh
# The agency profile co-quan.yaml: found beside the document or in a parent
# folder, its keys as defaults the document overrides (dump, check, render
# all see them), its errors at its own file:line:col, and the ways it is
# refused (a symbolic link, too large, in a parent folder others can write,
# above the home folder).
# Usage: tests/test_agency.sh VANBAN OUTDIR
set -u
V=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
D=$2
T_SHOW=20
. "$(dirname "$0")/lib.sh"

W=$D/ag
rm -rf "$W"
mkdir -p "$W/so/phong/2025"
# The agency's keys, one folder above the document's.
cat > "$W/so/co-quan.yaml" <<'Y'
# Hồ sơ cơ quan: các khóa chung của mọi văn bản
co_quan_chu_quan: UBND tỉnh Bắc Giang
co_quan: Sở Giáo dục và Đào tạo
viet_tat: SGDĐT
dia_danh: Bắc Giang
noi_nhan: [UBND tỉnh, Giám đốc Sở]
luu: [VT]
ky:
  quyen_han: KT
  thu_truong: Giám đốc
  chuc_vu: Phó Giám đốc
  ho_ten: Lê Thị Minh Hoa
trinh_bay:
  le_trai: 32
Y
DOC=$W/so/phong/2025/kh.md
cat > "$DOC" <<'Y'
---
loai: ke-hoach
so: 12
ngay: 2025-01-19
trich_yeu: Kiểm soát thủ tục hành chính năm 2025
---

# Mục đích, yêu cầu

Nâng cao chất lượng giải quyết thủ tục hành chính.
Y

"$V" dump "$DOC" > "$D/out" 2>&1; rc=$?
t "profile two folders up: dump exit 0" "[ $rc -eq 0 ]"
t "profile gives co_quan_chu_quan" "grep -q '^parent: UBND TỈNH BẮC GIANG' '$D/out'"
t "profile gives co_quan" "grep -q '^issuer: SỞ GIÁO DỤC VÀ ĐÀO TẠO' '$D/out'"
t "profile gives viet_tat" "grep -q '^number: Số: 12/KH-SGDĐT' '$D/out'"
t "profile gives dia_danh" "grep -q '^place_date: Bắc Giang, ngày 19 tháng 01 năm 2025' '$D/out'"
t "profile gives ky" "grep -q '^sign: KT. GIÁM ĐỐC' '$D/out' && grep -q '^name: Lê Thị Minh Hoa' '$D/out'"
t "profile gives noi_nhan and luu" "grep -q '^recipient: - UBND tỉnh;' '$D/out' && grep -q '^recipient: - Lưu: VT' '$D/out'"

"$V" check "$DOC" > "$D/out" 2>&1; rc=$?
t "check sees the profile: no missing-key error" "[ $rc -eq 0 ] && ! grep -q 'lỗi' '$D/out'"

# The document's own keys win; its ky replaces the profile's whole.
sed -i 's/^so: 12$/so: 12\nco_quan: Phòng Giáo dục\nky:\n  chuc_vu: Giám đốc\n  ho_ten: Trần Văn B/' "$DOC"
"$V" dump "$DOC" > "$D/out" 2>&1
t "document's co_quan overrides the profile's" "grep -q '^issuer: PHÒNG GIÁO DỤC' '$D/out'"
t "document's ky replaces the profile's (no KT left over)" "grep -q '^name: Trần Văn B' '$D/out' && ! grep -q 'KT\\.' '$D/out'"
t "keys the document leaves out still come from the profile" "grep -q '^parent: UBND TỈNH BẮC GIANG' '$D/out'"

# trinh_bay from the profile reaches the DOCX (left margin 32 mm = 1814 twips).
"$V" render "$DOC" -o "$D/kh.docx" > "$D/out" 2>&1; rc=$?
t "render with a profile: exit 0" "[ $rc -eq 0 ] && [ -s '$D/kh.docx' ]"
t "profile's trinh_bay.le_trai in the DOCX" "unzip -p '$D/kh.docx' word/document.xml | grep -q 'w:left=\"1814\"'"

# The nearest profile wins: one beside the document.
sed -e 's/^dia_danh: .*/dia_danh: Hà Nội/' -e '/^luu:/d' "$W/so/co-quan.yaml" > "$W/so/phong/2025/co-quan.yaml"
"$V" dump "$DOC" > "$D/out" 2>&1
t "nearest profile wins" "grep -q '^place_date: Hà Nội, ngày 19' '$D/out'"
t "nearest profile is not merged with the one above" "grep -q \"thiếu 'luu'\" '$D/out'"
rm "$W/so/phong/2025/co-quan.yaml"

# Errors in the profile: at its own file:line:col, nothing written.
cp "$W/so/co-quan.yaml" "$D/good.yaml"
printf 'co_quan: Sở X\n  viet_tat: SGD\n' > "$W/so/co-quan.yaml"
"$V" check "$DOC" > "$D/out" 2>&1; rc=$?
t "YAML error in profile: check exit 1" "[ $rc -eq 1 ]"
t "YAML error reported at the profile's line:col" "grep -q '/so/co-quan.yaml:2:11: lỗi: ' '$D/out'"
printf 'co_quan: Sở X\ntrinh_bay:\n  le_trai: 50\nco_quann: a\n' > "$W/so/co-quan.yaml"
rm -f "$D/bad.docx"
"$V" render "$DOC" -o "$D/bad.docx" > "$D/out" 2>&1; rc=$?
t "bad value in profile: at its line:col" "grep -q '/so/co-quan.yaml:3:12: lỗi: .le_trai: 50' '$D/out'"
t "unknown key in profile: warning with suggestion" "grep -q '/so/co-quan.yaml:4:1: cảnh báo: ' '$D/out' && grep -q \"co_quan'\" '$D/out'"
t "bad profile: render writes nothing" "[ $rc -eq 1 ] && [ ! -e '$D/bad.docx' ]"
printf 'co_quan: Sở X\nso: 12\nngay: 2024-01-01\n' > "$W/so/co-quan.yaml"
"$V" check "$DOC" > "$D/out" 2>&1
t "document-only keys in profile are warned about and ignored" "grep -q \"co-quan.yaml:2:5: cảnh báo: hồ sơ cơ quan có khóa 'so'\" '$D/out' && grep -q \"co-quan.yaml:3:7: cảnh báo: .*'ngay'\" '$D/out'"

# Refusals: a symbolic link, too large, writable by others in a parent.
rm "$W/so/co-quan.yaml"
ln -s "$D/good.yaml" "$W/so/co-quan.yaml"
"$V" render "$DOC" -o "$D/bad.docx" > "$D/out" 2>&1; rc=$?
t "symlinked profile refused" "[ $rc -eq 1 ] && grep -q 'liên kết (symlink)' '$D/out' && [ ! -e '$D/bad.docx' ]"
rm "$W/so/co-quan.yaml"
{ cat "$D/good.yaml"; i=0; while [ $i -lt 3000 ]; do echo "# chú thích dài dài dài"; i=$((i + 1)); done; } > "$W/so/co-quan.yaml"
"$V" check "$DOC" > "$D/out" 2>&1; rc=$?
t "profile over 64 KB refused" "[ $rc -eq 1 ] && grep -q '64 KB' '$D/out'"
cp "$D/good.yaml" "$W/so/co-quan.yaml"
chmod o+w "$W/so/co-quan.yaml"
"$V" check "$DOC" > "$D/out" 2>&1; rc=$?
t "parent profile writable by others refused" "[ $rc -eq 1 ] && grep -q 'ai cũng ghi được' '$D/out'"
chmod o-w "$W/so/co-quan.yaml"
mkdir "$W/so/co-quan2"
rm "$W/so/co-quan.yaml"
mkdir "$W/so/co-quan.yaml"
"$V" check "$DOC" > "$D/out" 2>&1; rc=$?
t "a folder named co-quan.yaml refused" "[ $rc -eq 1 ] && grep -q 'không phải tệp thường' '$D/out'"
rmdir "$W/so/co-quan.yaml"

# The search stops at the home folder: a profile above it is not read.
cp "$D/good.yaml" "$W/co-quan.yaml"
HOME=$W/so "$V" dump "$DOC" > "$D/out" 2>&1
t "no profile read above the home folder" "! grep -q '^parent: UBND TỈNH BẮC GIANG' '$D/out'"
"$V" dump "$DOC" > "$D/out" 2>&1
t "without that boundary the profile above is found" "grep -q '^parent: UBND TỈNH BẮC GIANG' '$D/out'"
rm "$W/co-quan.yaml"

# Standard input: the profile of the current folder.
cp "$D/good.yaml" "$W/so/phong/co-quan.yaml"
(cd "$W/so/phong" && "$V" dump - < "$DOC") > "$D/out" 2>&1
t "stdin document uses the current folder's profile" "grep -q '^parent: UBND TỈNH BẮC GIANG' '$D/out'"

[ $fails -eq 0 ]
