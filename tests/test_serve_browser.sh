#!/bin/sh
# The page of "vanban serve" in a real browser (issue 13, "Tests in a real
# browser"): Debian's chromium driven by playwright-core from npm (version
# pinned in tests/browser/package-lock.json, installed with "npm ci" into
# build/browser, no browser download). tests/browser/serve.test.js does the
# clicking and typing; this script starts the server, then checks the
# files the page downloaded like every other output (validate-docx on the
# DOCX, pdftotext of the PDF). Screenshots: OUTDIR/*.png.
# VANBAN_README_SHOT=docs/serve.png also renews the README's picture.
# Usage: tests/test_serve_browser.sh VANBAN OUTDIR
set -u
V=$1
D=$2
rm -rf "$D" && mkdir -p "$D"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
V=$(cd "$(dirname "$V")" && pwd)/$(basename "$V")
. "$ROOT/tests/lib.sh"

needs /usr/bin/chromium node npm curl
npm_tools browser playwright-core
PW=$NPM_DIR

DOCS=$D/docs
mkdir -p "$DOCS"
cat > "$DOCS/ke-hoach.md" <<'EOM'
---
loai: ke-hoach
co_quan_chu_quan: UBND tỉnh Bắc Giang
co_quan: Sở Giáo dục và Đào tạo
viet_tat: SGDĐT
so: 12
dia_danh: Bắc Giang
ngay: 2024-01-19
trich_yeu: Kiểm soát thủ tục hành chính năm 2024
noi_nhan: [Như trên]
luu: [VT]
ky: {chuc_vu: Giám đốc, ho_ten: Nguyễn Văn A}
---

# Mục đích

Nội dung có sẵn.
EOM
# Last year's plan as Word, for the import dialog.
"$V" render "$ROOT/content/ke-hoach-hai-phong-2024.md" -o "$D/ke-hoach-hai-phong-2024.docx" 2> "$D/render.err"
PORT=$(free_port)
# A token from a file: the test restarts the server after killing it.
python3 -c 'import secrets; print(secrets.token_hex(20))' > "$D/token"
"$V" serve "$DOCS" --cong "$PORT" --ma-tep "$D/token" > "$D/server.out" 2> "$D/server.err" &
PID=$!
i=0
while ! grep -q 'ma=' "$D/server.out" 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.1; i=$((i + 1))
done
TOKEN=$(cat "$D/token")
shot=
[ -n "${VANBAN_README_SHOT:-}" ] && shot=$ROOT/$VANBAN_README_SHOT
PW=$PW URL=http://127.0.0.1:$PORT TOKEN=$TOKEN DOCS=$DOCS OUT=$D SHOTS=$D \
    SERVER_PID=$PID README_SHOT=$shot IMPORT_DOCX=$D/ke-hoach-hai-phong-2024.docx VANBAN=$V PORT=$PORT TOKEN_FILE=$D/token \
    timeout -s KILL 300 node "$ROOT/tests/browser/serve.test.js" > "$D/browser.log" 2>&1
cat "$D/browser.log"
fails=$((fails + $(grep -c '^not ok' "$D/browser.log")))
grep -q '^ok ' "$D/browser.log" || no "the browser test ran"
kill "$PID" 2>/dev/null
wait "$PID" 2>/dev/null

t "the DOCX downloaded by the page is valid and has the typed text" \
	'[ -s "$D/tai.docx" ] && unzip -p "$D/tai.docx" word/document.xml | grep -q "Đoạn gõ trên trình duyệt" &&
	 { [ ! -x "${VALIDATE_DOCX:-}" ] || "$VALIDATE_DOCX" "$D/tai.docx" > "$D/validate.log" 2>&1; }'
t "the PDF downloaded by the page has the typed text and the form's fields" \
	'[ -s "$D/tai.pdf" ] && pdftotext "$D/tai.pdf" "$D/tai.txt" && grep -q "Đoạn gõ trên trình duyệt" "$D/tai.txt" &&
	 grep -q "Nguyễn Văn An" "$D/tai.txt" && grep -q "SỞ GIÁO DỤC VÀ ĐÀO TẠO" "$D/tai.txt"'
exit $((fails > 0))
