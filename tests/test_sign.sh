#!/bin/sh
# The PDF's empty signature field works with a real signing tool: a
# throw-away self-signed certificate in an NSS database (certutil), poppler's
# pdfsig signs the named field, and pdfsig then reports the signature valid
# over the whole document.
# Usage: tests/test_sign.sh VANBAN OUTDIR
set -u
V=$1
D=$2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# Pango/fontconfig keep the private font config at exit; see lsan.supp.
LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/tests/lsan.supp}
export LSAN_OPTIONS
. "$(dirname "$0")/lib.sh"

for tool in certutil pdfsig qpdf; do
	if ! command -v $tool > /dev/null 2>&1; then
		echo "ok - signing test # SKIP no $tool"
		exit 0
	fi
done

MD=$ROOT/content/to-trinh-ubnd-tinh.md
[ -f "$MD" ] || MD=$(ls "$ROOT"/content/*.md | head -1)
IN=$D/unsigned.pdf
OUT=$D/signed.pdf
"$V" render "$MD" -o "$IN" 2> "$D/render.err"; rc=$?
t "renders $(basename "$MD") to PDF" "[ $rc -eq 0 ] && [ -s '$IN' ]"
ROLE=$("$V" dump "$MD" 2>/dev/null | sed -n 's/^role: //p' | head -1)
pdfsig "$IN" > "$D/before.txt" 2>&1
t "unsigned PDF has the empty field '$ROLE'" \
    "[ -n '$ROLE' ] && grep -q 'Signature Field Name: $ROLE' '$D/before.txt' && grep -q 'not signed' '$D/before.txt'"

NSS=$D/nss
rm -rf "$NSS"
mkdir -p "$NSS"
head -c 256 /dev/urandom > "$D/noise"
certutil -N --empty-password -d "$NSS" > "$D/certutil.log" 2>&1 &&
certutil -S -x -n vanban-test -s "CN=vanban test" -t "CT,C,C" -v 12 \
    -d "$NSS" -z "$D/noise" >> "$D/certutil.log" 2>&1; rc=$?
t "throw-away self-signed certificate created" "[ $rc -eq 0 ]"

pdfsig -nssdir "$NSS" -sign "$ROLE" -nick vanban-test -reason "vanban test" \
    "$IN" "$OUT" > "$D/sign.txt" 2>&1; rc=$?
t "pdfsig signs the field '$ROLE'" "[ $rc -eq 0 ] && [ -s '$OUT' ]"
pdfsig -nssdir "$NSS" "$OUT" > "$D/after.txt" 2>&1
t "signature reported valid" "grep -q 'Signature Validation: Signature is Valid.' '$D/after.txt'"
t "signature covers the whole document" "grep -q 'Total document signed' '$D/after.txt'"
t "signature sits in the field '$ROLE'" "grep -q 'Signature Field Name: $ROLE' '$D/after.txt'"
qpdf --check "$OUT" > "$D/check.txt" 2>&1; rc=$?
t "signed PDF passes qpdf --check" "[ $rc -eq 0 ]"

# The check must be able to fail: one byte of the signed range changed.
python3 - "$OUT" "$D/tampered.pdf" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
data[len(data) // 4] ^= 0x01
open(sys.argv[2], "wb").write(data)
PY
pdfsig -nssdir "$NSS" "$D/tampered.pdf" > "$D/tampered.txt" 2>&1
t "a changed byte invalidates the signature" "! grep -q 'Signature is Valid.' '$D/tampered.txt'"
[ $fails -eq 0 ]
