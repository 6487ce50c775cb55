/* diag.c - collecting and printing diagnostics. */
#include "diag.h"
#include "infile.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Returns a malloc'd copy of s, or NULL. */
static char *
dup(const char *s)
{
	char *p;

	if (s == NULL || (p = malloc(strlen(s) + 1)) == NULL)
		return NULL;
	return strcpy(p, s);
}

void
vb_diag_add(vb_diags *d, vb_severity sev, const char *file, int line, int col,
    const char *hint, const char *fmt, ...)
{
	va_list ap;
	vb_diag *g, *items;
	char msg[2048];

	if (sev == VB_ERROR)
		d->errors++;
	if (d->n >= VB_DIAG_MAX) {
		d->more++;
		return;
	}
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		if ((items = realloc(d->items, cap * sizeof(*items))) == NULL)
			return;
		d->items = items;
		d->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	g = &d->items[d->n++];
	g->severity = sev;
	g->file = dup(file ? file : "vanban");
	g->line = line;
	g->col = col;
	g->msg = dup(msg);
	g->hint = dup(hint);
}

/* Returns 1 when a and b say the same thing at the same place. */
static int
same(const vb_diag *a, const vb_diag *b)
{
	return a->severity == b->severity && a->line == b->line &&
	    a->col == b->col && strcmp(a->file ? a->file : "",
	    b->file ? b->file : "") == 0 && strcmp(a->msg ? a->msg : "",
	    b->msg ? b->msg : "") == 0;
}

/* Returns 1 when diagnostic i repeats an earlier one. */
static int
repeated(const vb_diags *d, size_t i)
{
	size_t j;

	for (j = 0; j < i; j++)
		if (same(&d->items[j], &d->items[i]))
			return 1;
	return 0;
}

void
vb_diags_print(const vb_diags *d)
{
	size_t i;
	const vb_diag *g;

	for (i = 0; i < d->n; i++) {
		g = &d->items[i];
		if (repeated(d, i))
			continue;
		if (g->line > 0)
			fprintf(stderr, "%s:%d:%d: ", g->file, g->line,
			    g->col > 0 ? g->col : 1);
		else
			fprintf(stderr, "%s: ", g->file);
		fprintf(stderr, "%s: %s\n",
		    g->severity == VB_ERROR ? "lỗi" : "cảnh báo",
		    g->msg ? g->msg : "");
		if (g->hint)
			fprintf(stderr, "  gợi ý: %s\n", g->hint);
	}
	if (d->more > 0)
		fprintf(stderr, "vanban: … và %zu vấn đề khác (chỉ in %d vấn đề "
		    "đầu)\n", d->more, VB_DIAG_MAX);
}

void
vb_diags_locate(vb_diags *d, size_t from, const char *name, const vb_where *w)
{
	char msg[2048];
	vb_diag *g;
	size_t i;

	if (w == NULL || w->file == NULL || w->line <= 0)
		return;
	for (i = from; i < d->n; i++) {
		g = &d->items[i];
		if (g->line > 0)
			continue;
		snprintf(msg, sizeof(msg), "'%s': %s", name, g->msg ? g->msg : "");
		free(g->msg);
		free(g->file);
		g->msg = dup(msg);
		g->file = dup(w->file);
		g->line = w->line;
		g->col = w->col;
	}
}

const char *
vb_errno_text(int e)
{
	switch (e) {
	case ENOENT: return "không có tệp hoặc thư mục này";
	case ENOTDIR: return "một phần của đường dẫn không phải thư mục";
	case EISDIR: return "đường dẫn là một thư mục";
	case EACCES: case EPERM: return "không có quyền";
	case ENOSPC: return "ổ đĩa đã đầy";
	case EDQUOT: return "đã hết hạn mức dung lượng";
	case EFBIG: return "tệp vượt quá kích thước cho phép";
	case EROFS: return "ổ đĩa chỉ cho đọc";
	case ENAMETOOLONG: return "tên tệp hoặc đường dẫn quá dài";
	case ELOOP: return "đường dẫn có liên kết tượng trưng (symlink) vòng "
	    "quanh hoặc không được phép";
	case EXDEV: return "đường dẫn dẫn ra ngoài thư mục";
	case EMFILE: case ENFILE: return "mở quá nhiều tệp cùng lúc";
	case ENOMEM: return "không đủ bộ nhớ";
	case EIO: return "lỗi đọc ghi của ổ đĩa";
	case EBUSY: case ETXTBSY: return "tệp đang được dùng";
	case EAGAIN: return "tệp tạm thời không đọc được";
	case EPIPE: return "nơi nhận dữ liệu đã đóng";
	case EINVAL: return "thao tác không hợp lệ với loại tệp này";
	case ENXIO: case ENODEV: return "thiết bị không tồn tại";
	case EEXIST: return "tệp đã có";
	case ETIMEDOUT: return "hết thời gian chờ";
	default: return "lỗi hệ thống";
	}
}

void
vb_diags_free(vb_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->items[i].file);
		free(d->items[i].msg);
		free(d->items[i].hint);
	}
	free(d->items);
	memset(d, 0, sizeof(*d));
}
