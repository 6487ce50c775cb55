#!/bin/sh
# bench/import.sh - speed of `vanban import` on large DOCX files built by
# code: a plan of 50, 100 and 200 pages (headings, paragraphs, bullet
# lists, a table every few pages) rendered by vanban itself, then imported
# five times; prints the best time per size and the time per page, so the
# cost can be seen to be linear. Target: 200 pages under 100 ms.
#
#   sh bench/import.sh [VANBAN]     (default ./vanban)
set -eu
VANBAN=${1:-./vanban}
W=$(mktemp -d /tmp/vanban-bench-import.XXXXXX)
trap 'rm -rf "$W"' EXIT
gen() {	# gen PAGES FILE: a plan of about PAGES A4 pages
	python3 - "$1" "$2" <<'PY'
import sys
# about 1.42 sections per printed A4 page (measured with pdfinfo)
pages, out = int(int(sys.argv[1]) * 1.42), sys.argv[2]
para = ("Tiếp tục quán triệt, triển khai thực hiện đầy đủ các kế hoạch, văn "
        "bản chỉ đạo của UBND tỉnh về kiểm soát, rà soát thủ tục hành chính "
        "và cơ chế một cửa, một cửa liên thông theo phạm vi, chức năng của "
        "Sở và các quy định hiện hành năm 2024.")
with open(out, "w", encoding="utf-8") as f:
    f.write("---\nloai: ke-hoach\nco_quan_chu_quan: UBND tỉnh Bắc Giang\n"
            "co_quan: Sở Giáo dục và Đào tạo\nviet_tat: SGDĐT\nso: 12\n"
            "dia_danh: Bắc Giang\nngay: 2024-01-19\ntrich_yeu: Kế hoạch "
            "lớn năm 2024\nnoi_nhan: [UBND tỉnh (b/c)]\nluu: [VT]\nky:\n"
            "  chuc_vu: Giám đốc\n  ho_ten: Nguyễn Văn A\n---\n\n")
    for p in range(pages):
        if p % 10 == 0:
            f.write("# Phần %d\n\n" % (p // 10 + 1))
        f.write("## Mục %d\n\n" % (p + 1))
        for k in range(4):
            f.write("**%d.%d. Nội dung:** %s\n\n" % (p + 1, k + 1, para))
        f.write("- %s\n\n- %s\n\n" % (para, para))
        if p % 5 == 4:
            f.write("| TT | Nội dung | Đơn vị | Thời gian |\n|---|---|---|---|\n")
            for r in range(6):
                f.write("| %d | %s | Văn phòng | Quý I |\n" % (r + 1, para[:80]))
            f.write("\n")
PY
}
printf '%-6s %-8s %-8s %-9s %-9s %s\n' pages pdfpages 'docx KB' 'wall ms' 'cpu ms' 'cpu ms/page'
for n in 50 100 200; do
	gen "$n" "$W/p$n.md"
	"$VANBAN" render "$W/p$n.md" -o "$W/p$n.docx" -f docx >/dev/null 2>&1
	"$VANBAN" render "$W/p$n.md" -o "$W/p$n.pdf" -f pdf >/dev/null 2>&1 || true
	real=$(pdfinfo "$W/p$n.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
	best=$(python3 - "$VANBAN" "$W/p$n.docx" "$W/o$n.md" <<'PY'
import os, resource, subprocess, sys, time
best_wall = best_cpu = 1e9
for i in range(5):
    if os.path.exists(sys.argv[3]):
        os.remove(sys.argv[3])
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.argv[1], "import", sys.argv[2], "-o", sys.argv[3]],
                   stdout=subprocess.DEVNULL, check=True)
    t1 = time.perf_counter()
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    best_wall = min(best_wall, t1 - t0)
    best_cpu = min(best_cpu, r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
print("%.1f %.1f" % (best_wall * 1000, best_cpu * 1000))
PY
)
	wall=${best% *}
	cpu=${best#* }
	kb=$(( $(stat -c %s "$W/p$n.docx") / 1024 ))
	printf '%-6s %-8s %-8s %-9s %-9s %s\n' "$n" "${real:-?}" "$kb" "$wall" \
	    "$cpu" "$(echo "$cpu ${real:-0}" | awk '{printf "%.3f", $1/($2>0?$2:1)}')"
done
