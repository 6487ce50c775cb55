#!/bin/sh
# The document model as "vanban dump" prints it: strings composed the way
# Decree 30 writes them, whatever renderer prints them. One check per bug
# found in the composed text: the end mark "./.", "V/v" of a công văn, the
# task table built from a plan's own task blocks, appendices ending with a
# table, and which heading numbers are labels of Word's heading list.
# Usage: tests/test_model.sh VANBAN OUTDIR
set -u
V=$1
D=$2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$D"
. "$(dirname "$0")/lib.sh"

head() {
	cat <<MD
---
loai: $1
co_quan: Sở Giáo dục và Đào tạo
viet_tat: SGDĐT
don_vi: VP
dia_danh: Bắc Giang
ngay: 2024-01-19
trich_yeu: "$2"
noi_nhan: [Các phòng]
luu: [VT]
ky: {chuc_vu: Giám đốc, ho_ten: Nguyễn Văn A}
MD
}

# "./." after a last paragraph ending in a bold or italic word: the space
# after that word stays.
{ head ke-hoach "Thử dấu kết thúc"; echo "---"; echo
  echo "Kết quả **rất tốt** và *đạt* yêu cầu đề ra."; } > "$D/end.md"
"$V" dump "$D/end.md" > "$D/end.dump" 2>&1
t "'./.' keeps the space after the last bold or italic run" \
    "grep -q 'và \*đạt\* yêu cầu đề ra\./\.' '$D/end.dump'"
{ head quyet-dinh "Thử Điều 3"; echo "---"; echo
  echo "**Điều 3.** Chánh Văn phòng và các đơn vị chịu trách nhiệm thi hành."; } \
    > "$D/dieu.md"
"$V" dump "$D/dieu.md" > "$D/dieu.dump" 2>&1
t "'**Điều 3.** Text' keeps its space before './.'" \
    "grep -q 'article \[Điều 3\.\] Chánh Văn phòng.*thi hành\./\.' '$D/dieu.dump'"

# A công văn whose trich_yeu starts with "V/v" prints it once.
for s in "V/v triển khai kế hoạch" "v/v triển khai kế hoạch" \
    "V/v: triển khai kế hoạch"; do
	{ head cong-van "$s"; echo "---"; echo; echo "Nội dung."; } > "$D/vv.md"
	"$V" dump "$D/vv.md" > "$D/vv.dump" 2>&1
	t "công văn trich_yeu '$s' prints 'V/v' once" \
	    "grep -q '^subject: V/v triển khai kế hoạch$' '$D/vv.dump'"
done

# The task table built from the plan's own task blocks keeps every line.
"$V" dump "$ROOT/content/ke-hoach-dvctt-ba-ria-vung-tau-2025.md" \
    > "$D/tasks.dump" 2>/dev/null
row() { grep -E "^  R \| $1 \|" "$D/tasks.dump"; }
t "task 4: 'chủ trì' in the lead column, 'thực hiện' among the others" \
    "row 4 | grep -q '| Văn phòng Sở phối hợp các phòng thuộc Sở, rà soát gửi Danh mục về Văn phòng UBND tỉnh | Các phòng thuộc Sở; Phòng GDĐT các huyện, thành phố; đơn vị trực thuộc Sở |'"
t "task 10: 'thực hiện' kept, 'phối hợp' column not empty" \
    "row 10 | grep -q '| Các phòng thuộc Sở; Phòng GDĐT các huyện, thành phố; đơn vị trực thuộc Sở |' && ! row 10 | grep -q '|  |'"
t "task 3: both assignment blocks kept" \
    "row 3 | grep -q 'Theo Công văn số 9321/UBND-VP / Tháng 5/2025' && row 3 | grep -q 'Phòng TCCB, Công chức'"

# Appendices that end with a table still end with "./." (nd30.md §2.6).
"$V" dump "$ROOT/content/ke-hoach-tthc-bac-giang-2024.md" \
    > "$D/appx.dump" 2>/dev/null
t "appendix ending with a table ends with a './.' paragraph" \
    "sed -n '/^--- appendix/,/^--- props/p' '$D/appx.dump' | grep -v '^--- props' | tail -1 | grep -q 'para \./\.$'"
t "task-table appendix ends with './.' too" \
    "sed -n '/^--- appendix/,/^--- props/p' '$D/tasks.dump' | grep -v '^--- props' | tail -1 | grep -q 'para \./\.$'"

# Heading numbers: automatic ones are labels of Word's heading list,
# except points past d) (Word's letters have no đ) and numbers that
# follow a hand-written one out of the list's count.
{ head ke-hoach "Thử đánh số"; echo "---"; cat <<'MD'

# Mục

## Khoản

### A
### B
### C
### D
### Đ
### E

# III. Tự ghi số

## Sau số tự ghi
MD
} > "$D/num.md"
"$V" dump "$D/num.md" > "$D/num.dump" 2>&1
t "points a) to d) are list labels" \
    "[ \$(grep -c 'heading 3 \[[a-d])\] (label)' '$D/num.dump') -eq 4 ]"
t "points đ) and e) are text" \
    "grep -q 'heading 3 \[đ)\] Đ$' '$D/num.dump' && grep -q 'heading 3 \[e)\] E$' '$D/num.dump'"
t "hand-written 'III.' is text, and the '1.' after it too" \
    "grep -q 'heading 1 \[III\.\] TỰ GHI SỐ$' '$D/num.dump' && grep -q 'heading 2 \[1\.\] Sau số tự ghi$' '$D/num.dump'"
t "first heading 'I.' is a list label" "grep -q 'heading 1 \[I\.\] (label) MỤC' '$D/num.dump'"

[ "$fails" -eq 0 ]
