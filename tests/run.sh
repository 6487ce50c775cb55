#!/bin/sh
# Runs every test of vanban: the C unit tests (built with ASan+UBSan) and
# each tests/test_* script against the sanitizer build of the program.
# Each test prints "ok - …" or "not ok - …" per check; this script counts
# them and ends with the line "N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 2
# Debian's python3 first: the tests use Debian's python3-docx, which another
# python3 earlier on PATH (pyenv, a venv) cannot import.
PATH=/usr/bin:$PATH
export PATH
OUT=$(mktemp -d /tmp/vanban-test.XXXXXX)
VANBAN=${VANBAN:-$PWD/build/vanban-san}
export VANBAN
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:exitcode=99}
# Pango 1.50 keeps the private font configuration to the end (tests/lsan.supp).
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export VALIDATE_DOCX=${VALIDATE_DOCX:-$PWD/../shared/ooxml/validate-docx}
log=$OUT/all.log
: > "$log"
status=0
for t in build/unit tests/test_*.sh tests/test_*.py; do
	[ -e "$t" ] || continue
	name=$(basename "$t")
	echo "== $name"
	t0=$(date +%s)
	dir=$OUT/$name
	mkdir -p "$dir"
	case "$t" in
	*.sh) sh "$t" "$VANBAN" "$dir" > "$dir.log" 2>&1 ;;
	*.py) python3 "$t" "$VANBAN" "$dir" > "$dir.log" 2>&1 ;;
	*) "$t" > "$dir.log" 2>&1 ;;
	esac
	rc=$?
	grep -E '^(not )?ok ' "$dir.log" | grep -v '^ok ' || true
	cat "$dir.log" >> "$log"
	p=$(grep -c '^ok ' "$dir.log")
	f=$(grep -c '^not ok ' "$dir.log")
	echo "   $p passed, $f failed (exit $rc, $(($(date +%s) - t0)) s)"
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - $name exited with status $rc" | tee -a "$log"
		tail -20 "$dir.log"
	fi
	[ "$rc" -ne 0 ] && status=1
done
pass=$(grep -c '^ok ' "$log")
fail=$(grep -c '^not ok ' "$log")
[ "$status" -ne 0 ] && [ "$fail" -eq 0 ] && fail=1
echo "logs: $OUT"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
