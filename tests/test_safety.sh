#!/bin/sh
# Hostile inputs and faults around the user's files (issue 9, "Confinement
# and the user's files"): nothing read from outside the document's folder,
# no source destroyed, no special file replaced, modes kept, both outputs
# or neither, no temporary file left by a signal, no silent overwrite by
# convert. Each check failed on the vanban before the fix.
# Usage: tests/test_safety.sh VANBAN OUTDIR
set -u
V=$1
D=$2
rm -rf "$D" && mkdir -p "$D"
. "$(dirname "$0")/lib.sh"
# A run that must end quickly (a FIFO must not make vanban wait).
tm() { timeout -s KILL 20 "$@"; }

# doc NAME [front matter lines…]: writes a small valid document NAME.md.
doc() {
	f=$1; shift
	{
		echo '---'
		echo 'loai: ke-hoach'
		echo 'co_quan: Sở Giáo dục và Đào tạo'
		echo 'viet_tat: SGDĐT'
		echo 'so: 12'
		echo 'dia_danh: Bắc Giang'
		echo 'ngay: 2024-01-19'
		echo 'trich_yeu: Kiểm tra an toàn'
		echo 'noi_nhan: [Như trên]'
		echo 'luu: [VT]'
		echo 'ky: {chuc_vu: Giám đốc, ho_ten: Nguyễn Văn A}'
		for l in "$@"; do echo "$l"; done
		echo '---'
		echo 'Nội dung của kế hoạch, xem phụ lục.'
	} > "$f"
}

# --- 1. reads outside the folder ---------------------------------------
W=$D/w1
mkdir -p "$W/in" "$W/real"
echo 'Nội dung phụ lục bên trong.' > "$W/in/ok.md"
ln -s /etc/passwd "$W/in/pw.md"
ln -s /etc "$W/in/etc"
ln -s ok.md "$W/in/alias.md"
ln -s /dev/zero "$W/in/zero.md"
mkfifo "$W/in/fifo.md"
doc "$W/in/pw-doc.md" 'phu_luc:' '  - tieu_de: A' '    noi_dung: pw.md'
tm "$V" render "$W/in/pw-doc.md" -o "$W/in/pw.docx" 2> "$W/err"; rc=$?
t "appendix symlinked to /etc/passwd refused, nothing written" "[ $rc -eq 1 ] && grep -q 'ngoài thư mục' '$W/err' && [ ! -e '$W/in/pw.docx' ]"
t "the refusal points at the front matter key (file:line:col)" "grep -q 'pw-doc.md:14:[0-9]*: lỗi' '$W/err'"
tm "$V" check "$W/in/pw-doc.md" > /dev/null 2> "$W/err"; rc=$?
t "check reports the symlink out of the folder" "[ $rc -eq 1 ] && grep -q 'ngoài thư mục' '$W/err'"
doc "$W/in/etc-doc.md" 'phu_luc:' '  - tieu_de: A' '    noi_dung: etc/passwd'
tm "$V" render "$W/in/etc-doc.md" -o "$W/in/etc.docx" 2> "$W/err"; rc=$?
t "appendix through a symlinked folder refused" "[ $rc -eq 1 ] && grep -q 'ngoài thư mục' '$W/err' && [ ! -e '$W/in/etc.docx' ]"
doc "$W/in/alias-doc.md" 'phu_luc:' '  - tieu_de: A' '    noi_dung: alias.md'
tm "$V" render "$W/in/alias-doc.md" -o "$W/in/alias.docx" 2> "$W/err"; rc=$?
t "a symlink that stays inside the folder is followed" "[ $rc -eq 0 ] && unzip -p '$W/in/alias.docx' word/document.xml | grep -q 'phụ lục bên trong'"
doc "$W/in/zero-doc.md" 'phu_luc:' '  - tieu_de: A' '    noi_dung: zero.md'
tm "$V" check "$W/in/zero-doc.md" > /dev/null 2> "$W/err"; rc=$?
t "check with an appendix symlinked to /dev/zero ends at once" "[ $rc -eq 1 ] && grep -q 'ngoài thư mục\|không phải là một tệp' '$W/err'"
doc "$W/in/fifo-doc.md" 'phu_luc:' '  - tieu_de: A' '    noi_dung: fifo.md'
tm "$V" render "$W/in/fifo-doc.md" -o "$W/in/fifo.docx" 2> "$W/err"; rc=$?
t "a FIFO as appendix is refused without waiting" "[ $rc -eq 1 ] && grep -q 'không phải là một tệp bình thường' '$W/err'"
doc "$W/in/fifo-bang.md" 'phu_luc:' '  - tieu_de: A' '    bang: fifo.csv'
mkfifo "$W/in/fifo.csv"
tm "$V" render "$W/in/fifo-bang.md" -o "$W/in/fb.docx" 2> "$W/err"; rc=$?
t "a FIFO as spreadsheet is refused without waiting" "[ $rc -eq 1 ] && grep -q 'không phải là một tệp bình thường' '$W/err'"
doc "$W/in/abs.md" 'phu_luc:' '  - tieu_de: A' '    noi_dung: /etc/passwd'
tm "$V" render "$W/in/abs.md" -o "$W/in/abs.docx" 2> "$W/err"; rc=$?
t "an absolute appendix path is refused" "[ $rc -eq 1 ] && grep -q 'đường dẫn tuyệt đối' '$W/err'"
doc "$W/in/up.md" 'phu_luc:' '  - tieu_de: A' '    noi_dung: ../real/x.md'
echo 'x' > "$W/real/x.md"
tm "$V" render "$W/in/up.md" -o "$W/in/up.docx" 2> "$W/err"; rc=$?
t "a path with .. out of the folder is refused" "[ $rc -eq 1 ] && grep -q 'ngoài thư mục' '$W/err'"

# A FIFO where vanban's own files are (issue 9, item 8): no waiting.
mkdir -p "$W/fonts"
for f in LiberationSerif-Regular LiberationSerif-Bold LiberationSerif-Italic LiberationSerif-BoldItalic; do
	mkfifo "$W/fonts/$f.ttf"
done
doc "$W/in/plain.md"
VANBAN_FONTS=$W/fonts tm "$V" render "$W/in/plain.md" -o "$W/in/plain.pdf" 2> "$W/err"; rc=$?
t "FIFOs in the fonts folder are passed over without waiting" "[ $rc -eq 0 ] || [ $rc -eq 1 ]"
mkfifo "$W/plugin.so"
VANBAN_PDF_PLUGIN=$W/plugin.so tm "$V" render "$W/in/plain.md" -o "$W/in/p2.pdf" 2> "$W/err"; rc=$?
t "a FIFO as the PDF plugin is refused without waiting" "[ $rc -eq 1 ] && grep -q 'bộ tạo PDF' '$W/err'"

# --- 2. the source destroyed --------------------------------------------
W=$D/w2
mkdir -p "$W"
doc "$W/doc.md"
cp "$W/doc.md" "$W/doc.orig"
tm "$V" render "$W/doc.md" -o "$W/doc.md" --format docx 2> "$W/err"; rc=$?
t "render -o onto its own source is refused" "[ $rc -eq 1 ] && cmp -s '$W/doc.md' '$W/doc.orig' && grep -q 'tệp nguồn' '$W/err'"
cp "$W/doc.md" "$W/n.pdf"
tm "$V" render "$W/n.pdf" 2> "$W/err"; rc=$?
t "render n.pdf does not overwrite a source named n.pdf" "[ $rc -eq 1 ] && cmp -s '$W/n.pdf' '$W/doc.orig' && [ ! -e '$W/n.docx' ]"
ln "$W/doc.md" "$W/hard.docx"
tm "$V" render "$W/doc.md" -o "$W/hard.docx" 2> "$W/err"; rc=$?
t "a hard link to the source is refused as output" "[ $rc -eq 1 ] && cmp -s '$W/doc.md' '$W/doc.orig'"
ln -s doc.md "$W/soft.docx"
tm "$V" render "$W/doc.md" -o "$W/soft.docx" 2> "$W/err"; rc=$?
t "a symlink to the source is refused as output" "[ $rc -eq 1 ] && cmp -s '$W/doc.md' '$W/doc.orig' && [ -L '$W/soft.docx' ]"
echo 'Phụ lục.' > "$W/pl.md"
doc "$W/with-pl.md" 'phu_luc:' '  - tieu_de: A' '    noi_dung: pl.md'
cp "$W/pl.md" "$W/pl.orig"
tm "$V" render "$W/with-pl.md" -o "$W/pl.md" --format docx 2> "$W/err"; rc=$?
t "an appendix source is refused as output" "[ $rc -eq 1 ] && cmp -s '$W/pl.md' '$W/pl.orig'"

# --- 3. special files ------------------------------------------------------
W=$D/w3
mkdir -p "$W"
doc "$W/doc.md"
mkfifo "$W/out.docx"
tm "$V" render "$W/doc.md" -o "$W/out.docx" 2> "$W/err"; rc=$?
t "-o a FIFO is refused and the FIFO stays" "[ $rc -eq 1 ] && [ -p '$W/out.docx' ] && grep -q 'không phải tệp bình thường' '$W/err'"
ln -s /dev/null "$W/null.docx"
tm "$V" render "$W/doc.md" -o "$W/null.docx" 2> "$W/err"; rc=$?
t "-o a character device (through a symlink) is refused" "[ $rc -eq 1 ] && [ -L '$W/null.docx' ] && grep -q 'không phải tệp bình thường' '$W/err'"
tm "$V" render "$W/doc.md" -o - --format docx > "$W/stream.docx" 2> "$W/err"; rc=$?
t "-o - writes the DOCX to standard output" "[ $rc -eq 0 ] && unzip -p '$W/stream.docx' word/document.xml | grep -q 'Nội dung'"
tm "$V" render "$W/doc.md" -o - --format docx > /dev/full 2> "$W/err"; rc=$?
t "-o - to a full disk: exit 1 with a message" "[ $rc -eq 1 ] && grep -q 'đầu ra chuẩn' '$W/err'"

# --- 4. modes --------------------------------------------------------------
W=$D/w4
mkdir -p "$W"
doc "$W/doc.md"
(umask 077; tm "$V" render "$W/doc.md" -o "$W/new.docx" 2> "$W/err")
t "a new output honours the umask (077 -> 0600)" "[ \"\$(stat -c %a '$W/new.docx')\" = 600 ]"
(umask 022; tm "$V" render "$W/doc.md" -o "$W/new2.docx" 2> "$W/err")
t "a new output honours the umask (022 -> 0644)" "[ \"\$(stat -c %a '$W/new2.docx')\" = 644 ]"
echo old > "$W/keep.docx"; chmod 600 "$W/keep.docx"
(umask 022; tm "$V" render "$W/doc.md" -o "$W/keep.docx" 2> "$W/err")
t "a replaced output keeps its mode (0600 stays 0600)" "[ \"\$(stat -c %a '$W/keep.docx')\" = 600 ] && unzip -l '$W/keep.docx' > /dev/null 2>&1"
echo old > "$W/keep2.docx"; chmod 640 "$W/keep2.docx"
(umask 077; tm "$V" render "$W/doc.md" -o "$W/keep2.docx" 2> "$W/err")
t "a replaced output keeps its mode (0640 stays 0640)" "[ \"\$(stat -c %a '$W/keep2.docx')\" = 640 ]"

# --- 5. half a result ----------------------------------------------------
W=$D/w5
mkdir -p "$W"
doc "$W/doc.md"
echo "old docx" > "$W/doc.docx"
VANBAN_PDF_PLUGIN=$W/none.so tm "$V" render "$W/doc.md" 2> "$W/err"; rc=$?
t "PDF step failing: exit 1, old DOCX untouched, no PDF" "[ $rc -eq 1 ] && [ \"\$(cat '$W/doc.docx')\" = 'old docx' ] && [ ! -e '$W/doc.pdf' ]"
rm -f "$W/doc.docx"
VANBAN_PDF_PLUGIN=$W/none.so tm "$V" render "$W/doc.md" 2> "$W/err"; rc=$?
t "PDF step failing: no new DOCX either" "[ $rc -eq 1 ] && [ ! -e '$W/doc.docx' ]"
t "no temporary file after a failed two-format render" "[ -z \"\$(ls '$W' | grep -e tmp- -e old-)\" ]"

# A termination signal while the files are being written: a slow fsync
# (LD_PRELOAD) holds vanban inside the write; SIGTERM arrives then.
cat > "$W/slow.c" <<'C'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <unistd.h>
int fsync(int fd)
{
	int (*real)(int) = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
	sleep(2);
	return real(fd);
}
C
if cc -shared -fPIC -o "$W/slow.so" "$W/slow.c" -ldl 2> "$W/cc.err"; then
	for sig in TERM HUP; do
		rm -f "$W"/doc.docx "$W"/doc.pdf
		ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
		    LD_PRELOAD=$W/slow.so env --default-signal=$sig "$V" render "$W/doc.md" --format docx 2> "$W/err" &
		pid=$!
		sleep 1
		if kill -$sig $pid; then alive=1; else alive=0; fi
		wait $pid; rc=$?
		t "SIG$sig arrives while the file is being written" "[ $alive -eq 1 ] && [ $rc -gt 128 ]"
		t "SIG$sig during the write leaves no temporary file" "[ -z \"\$(ls '$W' | grep -e tmp- -e old-)\" ]"
		t "SIG$sig during the write: the DOCX is whole" "unzip -tq '$W/doc.docx' > /dev/null"
	done
else
	no "LD_PRELOAD shim builds: $(head -c 300 "$W/cc.err")"
fi

# --- 6. convert never overwrites silently ---------------------------------
W=$D/w6
mkdir -p "$W"
printf 'Chµo mõng\n' > "$W/cu.md"
echo "ban cu" > "$W/dich.md"
tm "$V" convert --from tcvn3 "$W/cu.md" -o "$W/dich.md" 2> "$W/err"; rc=$?
t "convert -o an existing file is refused and names --ghi-de" "[ $rc -eq 1 ] && [ \"\$(cat '$W/dich.md')\" = 'ban cu' ] && grep -q -- '--ghi-de' '$W/err'"
tm "$V" convert --from tcvn3 "$W/cu.md" -o "$W/dich.md" --ghi-de 2> "$W/err"; rc=$?
t "convert --ghi-de replaces it" "[ $rc -eq 0 ] && grep -q 'Chào mừng' '$W/dich.md'"
tm "$V" convert --from tcvn3 "$W/cu.md" 2> "$W/err"; rc=$?
t "convert writes x.unicode.md the first time" "[ $rc -eq 0 ] && [ -e '$W/cu.unicode.md' ]"
echo "sua tay" >> "$W/cu.unicode.md"
tm "$V" convert --from tcvn3 "$W/cu.md" 2> "$W/err"; rc=$?
t "converting again onto x.unicode.md is refused" "[ $rc -eq 1 ] && grep -q 'sua tay' '$W/cu.unicode.md'"
tm "$V" convert --from tcvn3 - -o "$W/from-stdin.md" < "$W/cu.md" 2> "$W/err"; rc=$?
t "convert - reads standard input" "[ $rc -eq 0 ] && grep -q 'Chào mừng' '$W/from-stdin.md'"

echo "# test_safety: $fails failed"
[ $fails -eq 0 ]
