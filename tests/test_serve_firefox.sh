#!/bin/sh
# The page of "vanban serve" in Firefox (issue 13: "working in the Chromium
# and Firefox versions an office has"): a smoke test in Debian's
# firefox-esr, driven over WebDriver BiDi by puppeteer-core from npm
# (version pinned in tests/firefox/package-lock.json, installed with
# "npm ci" into build/firefox, no browser download). Opens the page and a
# document, types, and sees the preview change and the pages drawn at the
# size they are shown. tools/deps.sh installs firefox-esr; skipped when it
# is missing all the same (a run without "make test"). Screenshot:
# OUTDIR/firefox.png.
# Usage: tests/test_serve_firefox.sh VANBAN OUTDIR
set -u
V=$1
D=$2
rm -rf "$D" && mkdir -p "$D"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/tests/lib.sh"

needs /usr/bin/firefox-esr node npm
npm_tools firefox puppeteer-core
PP=$NPM_DIR

DOCS=$D/docs
mkdir -p "$DOCS"
{
	cat <<'EOM'
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
EOM
	for i in $(seq 1 40); do
		printf '\nĐoạn thứ %d của kế hoạch, đủ dài để văn bản có vài trang khi in ra giấy khổ A4.\n' "$i"
	done
} > "$DOCS/ke-hoach.md"
PORT=$(free_port)
"$V" serve "$DOCS" --cong "$PORT" > "$D/server.out" 2> "$D/server.err" &
PID=$!
i=0
while ! grep -q 'ma=' "$D/server.out" 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.1; i=$((i + 1))
done
TOKEN=$(grep -o 'ma=[0-9a-f]*' "$D/server.out" | head -1 | cut -d= -f2)
PP=$PP URL=http://127.0.0.1:$PORT TOKEN=$TOKEN SHOT=$D/firefox.png HOME=$D \
    timeout -s KILL 180 node "$ROOT/tests/firefox/serve.test.js" > "$D/firefox.log" 2>&1
cat "$D/firefox.log"
fails=$((fails + $(grep -c '^not ok' "$D/firefox.log")))
grep -q '^ok ' "$D/firefox.log" || no "the Firefox test ran"
kill "$PID" 2>/dev/null
wait "$PID" 2>/dev/null
exit $((fails > 0))
