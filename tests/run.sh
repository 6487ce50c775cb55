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
# Test files run side by side, JOBS at a time (default: one per core), the
# longest first so that the slowest do not start last; their results are
# then reported one by one in name order.
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
SLOW="test_pdf.py test_types.py test_import.py test_limits.py
test_import_score.py test_docx.py test_serve.sh test_hostile.sh
test_safety.sh test_pandoc.py test_marks.py test_sheet.sh"
all=$(ls build/unit tests/test_*.sh tests/test_*.py 2>/dev/null)
{
	for n in $SLOW; do
		[ -e "tests/$n" ] && echo "tests/$n"
	done
	for t in $all; do
		case " $(echo $SLOW) " in *" $(basename "$t") "*) ;; *) echo "$t" ;; esac
	done
} | xargs -P "$JOBS" -n 1 sh tests/run-one.sh "$OUT"
for t in $all; do
	name=$(basename "$t")
	dir=$OUT/$name
	rc=$(cat "$dir.rc" 2>/dev/null || echo 127)
	echo "== $name"
	grep -E '^(not )?ok ' "$dir.log" | grep -v '^ok ' || true
	cat "$dir.log" >> "$log"
	p=$(grep -c '^ok ' "$dir.log")
	f=$(grep -c '^not ok ' "$dir.log")
	echo "   $p passed, $f failed (exit $rc, $(cat "$dir.time" 2>/dev/null) s)"
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
