#!/usr/bin/env python3
"""Writes a task table of 2,000 rows as CSV (UTF-8) to the file named on the
command line, or to standard output: 40 groups of 49 tasks with multi-line
cells, dates and numbers, for tests and the benchmark."""
import sys

UNITS = ["Văn phòng Sở", "Phòng Giáo dục Trung học", "Phòng Khảo thí",
         "Thanh tra Sở", "Phòng Tổ chức cán bộ", "Phòng Kế hoạch - Tài chính"]


def quote(s):
    """Returns s quoted for CSV when it needs quotes."""
    if any(c in s for c in ',"\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def rows():
    """Yields the records of the table, heading first."""
    yield ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp",
           "Thời gian hoàn thành", "Kinh phí (triệu đồng)"]
    n = 0
    group = 0
    while n < 2000:
        group += 1
        yield ["", "Nhóm nhiệm vụ số %d về công tác chuyên môn" % group,
               "", "", "", ""]
        n += 1
        for k in range(1, 50):
            if n >= 2000:
                break
            task = "Triển khai nhiệm vụ %d.%d theo kế hoạch của Sở" % (group, k)
            if k % 7 == 0:
                task += "\n- rà soát, tổng hợp\n+ báo cáo kết quả"
            yield ["", task, UNITS[(group + k) % len(UNITS)],
                   "Các đơn vị trực thuộc",
                   "%02d/%02d/2025" % (1 + k % 28, 1 + (group + k) % 12),
                   "%d,%d" % (k * 3, k % 10)]
            n += 1


def main():
    out = open(sys.argv[1], "w", encoding="utf-8", newline="") \
        if len(sys.argv) > 1 else sys.stdout
    for r in rows():
        out.write(",".join(quote(c) for c in r) + "\r\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
