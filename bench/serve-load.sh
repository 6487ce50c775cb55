#!/bin/sh
# A bounded load test of "vanban serve" on 127.0.0.1: CONC clients (8) for
# DURATION seconds (60) previewing, saving and writing recovery copies of a
# 7-page plan each, and saving one shared document concurrently. Nothing may
# be lost, the server must stay up, memory must stay flat (the figures are
# printed; see bench/serve-load.py).
# Usage: sh bench/serve-load.sh   (after make vanban)
set -eu
cd "$(dirname "$0")/.."
W=$(mktemp -d /tmp/vanban-serve-load.XXXXXX)
mkdir -p "$W/docs"
i=0
while [ $i -lt "${CONC:-8}" ]; do
	cp content/ke-hoach-hai-phong-2024.md "$W/docs/tai-$i.md"
	i=$((i + 1))
done
cp content/bao-cao-ubnd-tinh.md "$W/docs/chung.md"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
./vanban serve "$W/docs" --cong "$PORT" > "$W/server.out" 2> "$W/server.err" &
PID=$!
trap 'kill $PID 2>/dev/null' EXIT
n=0
while ! grep -q 'ma=' "$W/server.out" && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
TOKEN=$(grep -o 'ma=[0-9a-f]*' "$W/server.out" | head -1 | cut -d= -f2)
python3 bench/serve-load.py "http://127.0.0.1:$PORT" "$TOKEN" "$W/docs" "$PID"
