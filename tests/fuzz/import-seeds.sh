#!/bin/sh
# Seeds for build/fuzz_import in folder $1: each input's first byte picks
# the reader (0 .docx, 1 document.xml, 2 .txt, 3 co-quan.yaml). The .docx
# files are vanban's own renderings of content/; the texts the reference
# plans beside the project, when present.
set -eu
dir=$1
mkdir -p "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
for f in content/*.md; do
	n=$((n + 1))
	(cd content && ../vanban render "$(basename "$f")" --format docx \
	    -o "$tmp/d$n.docx" > /dev/null 2>&1) || continue
	{ printf '\000'; cat "$tmp/d$n.docx"; } > "$dir/docx-$n"
	unzip -p "$tmp/d$n.docx" word/document.xml > "$tmp/x" 2> /dev/null &&
	    { printf '\001'; cat "$tmp/x"; } > "$dir/xml-$n"
	sed -n '2,/^---$/p' "$f" | sed '$d' > "$tmp/y"
	{ printf '\003'; cat "$tmp/y"; } > "$dir/profile-$n"
done
for f in ../shared/reference-documents/*.txt; do
	[ -e "$f" ] || continue
	n=$((n + 1))
	{ printf '\002'; head -c 100000 "$f"; } > "$dir/txt-$n"
done
