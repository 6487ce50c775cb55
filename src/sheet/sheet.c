/* sheet.c - loading a table from a spreadsheet file next to the document:
 * the file opened through the document's confined inputs, the reader
 * chosen by extension, and the raw grid turned into a table. */
#include "sheet.h"

#include <errno.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "sheet_grid.h"

/* Kinds of source file. */
enum kind {
	KIND_UNKNOWN,		/* not a table file */
	KIND_XLSX,		/* Office Open XML workbook */
	KIND_CSV,		/* comma (or semicolon) separated values */
	KIND_TSV,		/* tab-separated values */
	KIND_OLD		/* .xls, .ods, .numbers: to be saved as .xlsx */
};

/* Returns the kind of source file from the extension of path. */
static enum kind
kind_of(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot == NULL || strchr(dot, '/') != NULL)
		return KIND_UNKNOWN;
	if (strcasecmp(dot, ".xlsx") == 0 || strcasecmp(dot, ".xlsm") == 0)
		return KIND_XLSX;
	if (strcasecmp(dot, ".csv") == 0)
		return KIND_CSV;
	if (strcasecmp(dot, ".tsv") == 0 || strcasecmp(dot, ".tab") == 0 ||
	    strcasecmp(dot, ".txt") == 0)
		return KIND_TSV;
	if (strcasecmp(dot, ".xls") == 0 || strcasecmp(dot, ".ods") == 0 ||
	    strcasecmp(dot, ".numbers") == 0)
		return KIND_OLD;
	return KIND_UNKNOWN;
}

/* Reads the CSV/TSV file open as fd (closed here) into the arena,
 * NUL-terminated, charged to the budget; returns it with its length in
 * *len, or NULL with an error. */
static char *
slurp(vb_grid *g, const char *file, int fd, size_t *len, vb_diags *d)
{
	vb_buf b = {0};
	char *data = NULL;
	int r = vb_read_fd(fd, VB_SHEET_MAX_FILE, &b);

	close(fd);
	if (r == -2)
		vb_diag_add(d, VB_ERROR, file, 0, 0,
		    "Hãy chia bảng thành nhiều tệp nhỏ hơn.",
		    "tệp bảng quá lớn (hơn %u MB)", VB_SHEET_MAX_FILE >> 20);
	else if (r < 0)
		vb_diag_add(d, VB_ERROR, file, 0, 0, NULL,
		    "không đọc được tệp bảng: %s", vb_errno_text(errno));
	else if (vb_in_charge(g->in, b.len, 0, g->where, d) == 0) {
		*len = b.len;
		data = vb_strndup(g->a, b.data ? b.data : "", b.len);
	}
	vb_buf_free(&b);
	return data;
}

vb_table *
vb_sheet_load(vb_arena *a, vb_inputs *in, const char *path,
    const char *sheet, const vb_where *w, vb_diags *d)
{
	size_t from = d->n, len;
	vb_grid g = { 0 };
	vb_table *t = NULL;
	enum kind k;
	char *data;
	int fd, r;

	/* The grid is built in a scratch arena, kept only when the table is:
	 * a refused file leaves nothing behind in the document's memory. */
	if ((g.a = vb_arena_new()) == NULL)
		vb_out_of_memory();
	g.in = in;
	g.where = w;
	g.d = d;
	if (path == NULL || *path == '\0') {
		vb_diag_add(d, VB_ERROR, w ? w->file : NULL, w ? w->line : 0,
		    w ? w->col : 0, "Ghi tên tệp bảng, ví dụ: bang: nhiem-vu.xlsx",
		    "thiếu tên tệp bảng");
		return NULL;
	}
	if ((k = kind_of(path)) == KIND_UNKNOWN || k == KIND_OLD) {
		vb_diag_add(d, VB_ERROR, path, 0, 0,
		    k == KIND_OLD ? "Hãy mở tệp bằng Excel hoặc LibreOffice "
		    "Calc rồi lưu lại dạng \"Excel Workbook (.xlsx)\"." :
		    "Dùng tệp .xlsx, .csv hoặc .tsv.",
		    "vanban chưa đọc được loại tệp bảng này (%s)",
		    strrchr(path, '.') ? strrchr(path, '.') : "không có đuôi");
	} else if ((fd = vb_in_open(in, path, VB_SHEET_MAX_FILE, w, d)) >= 0) {
		if (k == KIND_XLSX)
			r = vb_xlsx_read(&g, path, fd, sheet, d);
		else if ((data = slurp(&g, path, fd, &len, d)) == NULL)
			r = -1;
		else {
			if (sheet != NULL)
				vb_diag_add(d, VB_WARNING, path, 0, 0,
				    "Bỏ tên trang tính đi, hoặc dùng tệp .xlsx.",
				    "tệp %s chỉ có một bảng; tên trang tính \"%s\" "
				    "bị bỏ qua", k == KIND_TSV ? "TSV" : "CSV", sheet);
			r = vb_csv_read(&g, path, data, len, k == KIND_TSV, d);
		}
		if (r == 0)
			t = vb_grid_table(&g, path, d);
	}
	vb_diags_locate(d, from, path, w);
	if (t != NULL)
		vb_arena_adopt(a, g.a);
	else
		vb_arena_free(g.a);
	return t;
}
