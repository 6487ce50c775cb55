#!/bin/sh
# Writes a long plan for benchmarks: the front matter of the Bắc Giang plan
# and N example bodies from content/, taken in turn (one body is about
# 4 pages: 4 make ~20 pages, 47 make ~200). The bodies are those of the
# plans, report and tờ trình of the first examples, so that figures stay
# comparable over time (later examples have pictures, articles, copies).
# Usage: bench/gen.sh N > plan.md
set -eu
n=$1
cd "$(dirname "$0")/.."
src=content/ke-hoach-tthc-bac-giang-2024.md
# Front matter without the appendix (it would be a relative path).
awk 'NR==1{print;next} /^---$/{print;exit} /^phu_luc:/{skip=1;next} skip&&/^[^ ]/{skip=0} !skip' "$src"
i=0
while :; do
	for f in content/bao-cao-ubnd-tinh.md content/ke-hoach-5-nam-*.md \
	    content/ke-hoach-chi-so-*.md content/ke-hoach-dvctt-*.md \
	    content/ke-hoach-hai-phong-*.md content/ke-hoach-tthc-*.md \
	    content/to-trinh-ubnd-tinh.md; do
		[ "$i" -lt "$n" ] || exit 0
		# Body only; footnote labels made unique per copy.
		awk -v k="$i" 'c>=2{gsub(/\[\^/, "[^c" k "x"); print} /^---$/{c++}' "$f"
		echo
		i=$((i + 1))
	done
done
