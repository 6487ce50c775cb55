#!/bin/sh
# "vanban serve": time from the last keystroke to the new pages on screen,
# in Debian's chromium (playwright-core from build/browser, installed by
# tests/test_serve_browser.sh), on the ~20-page plan of bench/gen.sh.
# Types one letter at a time at several places of the plan and waits for
# the preview each time. Prints the median and the 90th percentile, and
# the server's share (request to answer). Issue 13's target: < 100 ms.
# Usage: sh bench/serve-preview.sh   (after make vanban)
set -eu
cd "$(dirname "$0")/.."
ROOT=$PWD
W=$(mktemp -d /tmp/vanban-serve-bench.XXXXXX)
mkdir -p "$W/docs"
sh bench/gen.sh 4 > "$W/docs/ke-hoach-20.md"
if [ ! -d build/browser/node_modules/playwright-core ]; then
	mkdir -p build/browser
	cp tests/browser/package.json tests/browser/package-lock.json build/browser/
	(cd build/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund > /dev/null)
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
./vanban serve "$W/docs" --cong "$PORT" > "$W/server.out" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null' EXIT
i=0
while ! grep -q 'ma=' "$W/server.out" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
TOKEN=$(grep -o 'ma=[0-9a-f]*' "$W/server.out" | head -1 | cut -d= -f2)
PW=$ROOT/build/browser URL=http://127.0.0.1:$PORT TOKEN=$TOKEN SHOT=$W/bench.png \
	node bench/serve-preview.js
# For scale, on the machine as loaded now: the whole PDF from the command line.
t0=$(date +%s%N)
for k in 1 2 3; do ./vanban render "$W/docs/ke-hoach-20.md" -o "$W/plan.pdf" 2> /dev/null; done
t1=$(date +%s%N)
echo "for scale: vanban render of the same plan to PDF, a new process each time: $(( (t1 - t0) / 3000000 )) ms; load average $(cut -d' ' -f1 /proc/loadavg)"
echo "(screenshot: $W/bench.png)"
