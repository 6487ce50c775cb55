#!/bin/sh
# Runs one test file of vanban for tests/run.sh: its output goes to
# DIR.log, its exit status to DIR.rc and its wall time in seconds to
# DIR.time, where DIR is OUT/NAME. Usage: tests/run-one.sh OUT TEST
set -u
t=$2
name=$(basename "$t")
dir=$1/$name
mkdir -p "$dir"
echo "   start $name"
t0=$(date +%s)
case "$t" in
*.sh) sh "$t" "$VANBAN" "$dir" > "$dir.log" 2>&1 ;;
*.py) python3 "$t" "$VANBAN" "$dir" > "$dir.log" 2>&1 ;;
*) "$t" > "$dir.log" 2>&1 ;;
esac
echo $? > "$dir.rc"
echo $(($(date +%s) - t0)) > "$dir.time"
