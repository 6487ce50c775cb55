#!/bin/sh
# Speed and peak memory of vanban beside pandoc (Markdown -> DOCX) and
# LibreOffice (DOCX -> PDF) on a ~20-page and a ~200-page plan generated
# from the examples. Prints one table; run with "make bench".
set -eu
cd "$(dirname "$0")/.."
W=$(mktemp -d /tmp/vanban-bench.XXXXXX)
V=$PWD/vanban
sh bench/gen.sh 4 > "$W/plan-20.md"
sh bench/gen.sh 47 > "$W/plan-200.md"

# Runs a command RUNS times in a row; prints the mean wall time per run (s)
# and the peak RSS of one run (MB).
RUNS=${RUNS:-10}
measure() {
	/usr/bin/time -f "%M" -o "$W/mem" "$@" > /dev/null 2>&1 || { echo "FAILED: $*" >&2; return 1; }
	t0=$(date +%s.%N)
	i=0
	while [ $i -lt "$RUNS" ]; do "$@" > /dev/null 2>&1; i=$((i + 1)); done
	t1=$(date +%s.%N)
	echo "$(echo "scale=4; ($t1 - $t0) / $RUNS" | bc) $(echo "scale=1; $(cat "$W/mem") / 1024" | bc)"
}

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/{print $2}'; }

printf '%-10s %-28s %9s %9s\n' plan tool "time (s)" "peak MB"
for p in plan-20 plan-200; do
	md=$W/$p.md
	r=$(measure "$V" render "$md" -o "$W/$p.docx"); printf '%-10s %-28s %9s %9s\n' $p "vanban md->docx" $r
	vd=${r% *}
	if command -v pandoc > /dev/null; then
		r=$(measure pandoc -f markdown -t docx "$md" -o "$W/$p.pandoc.docx"); printf '%-10s %-28s %9s %9s\n' $p "pandoc md->docx" $r
		pd=${r% *}
		printf '%-10s %-28s %9s\n' $p "pandoc / vanban" "$(echo "scale=1; $pd / $vd" | bc)x"
	fi
	if "$V" render "$md" -o "$W/$p.pdf" > /dev/null 2>&1; then
		r=$(measure "$V" render "$md" -o "$W/$p.pdf"); printf '%-10s %-28s %9s %9s\n' $p "vanban md->pdf ($(pages "$W/$p.pdf") pages)" $r
		vp=${r% *}
		r=$(RUNS=1 measure soffice -env:UserInstallation=file://$W/lo --headless --convert-to pdf --outdir "$W/lo-out" "$W/$p.docx")
		printf '%-10s %-28s %9s %9s\n' $p "LibreOffice docx->pdf ($(pages "$W/lo-out/$p.pdf") p.)" $r
		lp=${r% *}
		printf '%-10s %-28s %9s\n' $p "LibreOffice / vanban" "$(echo "scale=1; $lp / $vp" | bc)x"
	fi
done
rm -rf "$W"
