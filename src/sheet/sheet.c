/* sheet.c - loading a table from a spreadsheet file next to the document:
 * path safety (no absolute paths, nothing outside the document's folder),
 * choice of reader by extension, and the raw grid turned into a table. */
#include "sheet.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

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

/* Returns path with Windows separators ("phu-luc\\bang.xlsx") turned into
 * "/". */
static const char *
slashes(vb_arena *a, const char *path)
{
	char *p = vb_strdup(a, path), *q;

	for (q = p; *q; q++)
		if (*q == '\\')
			*q = '/';
	return p;
}

/* Returns the real path of path below base_dir in the arena, or NULL with
 * an error (absolute path, missing file, outside the folder, not a file). */
static char *
safe_path(vb_arena *a, const char *base_dir, const char *path, vb_diags *d)
{
	char base[PATH_MAX], full[PATH_MAX];
	size_t n;
	struct stat st;

	if (path[0] == '/' || path[0] == '~') {
		vb_diag_add(d, VB_ERROR, path, 0, 0,
		    "Hãy đặt tệp bảng vào thư mục của văn bản (hoặc thư mục "
		    "con) và ghi đường dẫn tương đối, ví dụ: bang: "
		    "phu-luc/nhiem-vu.xlsx",
		    "không dùng được đường dẫn tuyệt đối tới tệp bảng");
		return NULL;
	}
	if (realpath(base_dir, base) == NULL) {
		vb_diag_add(d, VB_ERROR, base_dir, 0, 0, NULL,
		    "không mở được thư mục của văn bản: %s", strerror(errno));
		return NULL;
	}
	if (realpath(vb_sprintf(a, "%s/%s", base_dir, path), full) == NULL) {
		vb_diag_add(d, VB_ERROR, path, 0, 0,
		    "Kiểm tra tên tệp (kể cả chữ hoa, chữ thường và phần đuôi) "
		    "và tệp phải nằm cạnh văn bản.",
		    errno == ENOENT ? "không tìm thấy tệp bảng \"%s\"" :
		    "không mở được tệp bảng \"%s\"", path);
		return NULL;
	}
	n = strlen(base);
	if (!(strcmp(base, "/") == 0 || (strncmp(full, base, n) == 0 &&
	    full[n] == '/'))) {
		vb_diag_add(d, VB_ERROR, path, 0, 0,
		    "Hãy chép tệp bảng vào thư mục của văn bản (hoặc thư mục "
		    "con) rồi ghi lại đường dẫn.",
		    "tệp bảng \"%s\" nằm ngoài thư mục của văn bản", path);
		return NULL;
	}
	if (stat(full, &st) != 0 || !S_ISREG(st.st_mode)) {
		vb_diag_add(d, VB_ERROR, path, 0, 0,
		    "Hãy ghi tên một tệp .xlsx, .csv hoặc .tsv.",
		    "\"%s\" không phải là một tệp", path);
		return NULL;
	}
	return vb_strdup(a, full);
}

/* Reads the whole file at full into the arena (NUL-terminated); returns
 * it with its length in *len, or NULL with an error. */
static char *
slurp(vb_arena *a, const char *file, const char *full, size_t *len,
    vb_diags *d)
{
	FILE *f = fopen(full, "rb");
	struct stat st;
	char *data;

	if (f == NULL || fstat(fileno(f), &st) != 0) {
		if (f != NULL)
			fclose(f);
		vb_diag_add(d, VB_ERROR, file, 0, 0, NULL,
		    "không đọc được tệp bảng: %s", strerror(errno));
		return NULL;
	}
	if ((unsigned long long)st.st_size > VB_SHEET_MAX_FILE) {
		fclose(f);
		vb_diag_add(d, VB_ERROR, file, 0, 0,
		    "Hãy chia bảng thành nhiều tệp nhỏ hơn.",
		    "tệp bảng quá lớn (hơn 50 MB)");
		return NULL;
	}
	data = vb_alloc(a, (size_t)st.st_size + 1);
	*len = fread(data, 1, (size_t)st.st_size, f);
	data[*len] = '\0';
	fclose(f);
	return data;
}

vb_table *
vb_sheet_load(vb_arena *a, const char *base_dir, const char *path,
    const char *sheet, vb_diags *d)
{
	enum kind k;
	vb_grid g = { 0 };
	char *full, *data;
	size_t len;
	int r;

	g.a = a;
	if (path == NULL || *path == '\0') {
		vb_diag_add(d, VB_ERROR, NULL, 0, 0,
		    "Ghi tên tệp bảng, ví dụ: bang: nhiem-vu.xlsx",
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
		return NULL;
	}
	path = slashes(a, path);
	if ((full = safe_path(a, base_dir ? base_dir : ".", path, d)) == NULL)
		return NULL;
	if (k == KIND_XLSX) {
		r = vb_xlsx_read(&g, path, full, sheet, d);
	} else {
		if ((data = slurp(a, path, full, &len, d)) == NULL)
			return NULL;
		if (sheet != NULL)
			vb_diag_add(d, VB_WARNING, path, 0, 0,
			    "Bỏ tên trang tính đi, hoặc dùng tệp .xlsx.",
			    "tệp %s chỉ có một bảng; tên trang tính \"%s\" "
			    "bị bỏ qua", k == KIND_TSV ? "TSV" : "CSV", sheet);
		r = vb_csv_read(&g, path, data, len, k == KIND_TSV, d);
	}
	return r < 0 ? NULL : vb_grid_table(&g, path, d);
}
