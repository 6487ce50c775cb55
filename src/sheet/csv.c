/* csv.c - reading .csv (RFC 4180, "," or ";") and .tsv (tab-separated, as
 * a spreadsheet puts cells on the clipboard) into a raw grid. Input is
 * UTF-8 with or without a byte order mark (or UTF-16 with one, as Excel
 * saves "Unicode Text"), with CRLF or LF line ends. */
#include "sheet_grid.h"

#include <string.h>

#include "base/buf.h"
#include "base/text.h"
#include "sheet.h"

/* The state of one CSV/TSV parse. */
struct csv {
	vb_grid *g;		/* grid being filled */
	const char *file;	/* file name for messages */
	vb_diags *d;		/* diagnostics */
	const char *s;		/* the text, BOM removed */
	size_t len;		/* its length */
	size_t pos;		/* read position */
	int line;		/* 1-based line of pos */
	size_t bol;		/* offset of the start of that line */
	char sep;		/* field separator */
	int tsv;		/* 1: lenient quotes (clipboard text) */
	vb_buf field;		/* text of the field being read */
};

/* Returns the 1-based character column of offset off on line bol. */
static int
column(const struct csv *p, size_t off)
{
	return (int)vb_utf8_chars(p->s + p->bol, off - p->bol) + 1;
}

/* Reports invalid UTF-8 at offset bad with its line and column; returns -1. */
static int
bad_utf8(const char *file, const char *s, size_t bad, vb_diags *d)
{
	size_t i, bol = 0;
	int line = 1;

	for (i = 0; i < bad; i++)
		if (s[i] == '\n') {
			line++;
			bol = i + 1;
		}
	vb_diag_add(d, VB_ERROR, file, line,
	    (int)vb_utf8_chars(s + bol, bad - bol) + 1,
	    "Hãy lưu lại tệp với mã hoá UTF-8 (trong Excel: Lưu thành → "
	    "\"CSV UTF-8\"; trong LibreOffice: Bộ ký tự \"Unicode (UTF-8)\").",
	    "tệp không phải văn bản UTF-8: có byte không hợp lệ ở đây");
	return -1;
}

/* Returns the separator of a .csv: ';' when the first record has more
 * semicolons than commas (Excel with Vietnamese settings), else ','. */
static char
detect_sep(const char *s, size_t len)
{
	size_t i, commas = 0, semis = 0;
	int quoted = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && (s[i] == '\n' || s[i] == '\r'))
			break;
		else if (!quoted && s[i] == ',')
			commas++;
		else if (!quoted && s[i] == ';')
			semis++;
	}
	return semis > commas ? ';' : ',';
}

/* Moves past a line end at pos (CRLF, LF or CR); returns 1 if there was one. */
static int
eol(struct csv *p)
{
	if (p->pos < p->len && p->s[p->pos] == '\r')
		p->pos++;
	else if (p->pos < p->len && p->s[p->pos] == '\n')
		;
	else
		return 0;
	if (p->pos < p->len && p->s[p->pos] == '\n')
		p->pos++;
	p->line++;
	p->bol = p->pos;
	return 1;
}

/* Reads a quoted field starting at pos (on '"'); returns 0, 1 when the
 * quote never closes, -1 when memory runs out. */
static int
quoted(struct csv *p)
{
	char c;

	for (p->pos++; p->pos < p->len; p->pos++) {
		c = p->s[p->pos];
		if (c == '"') {
			if (p->pos + 1 < p->len && p->s[p->pos + 1] == '"') {
				p->pos++;
			} else {
				p->pos++;
				return 0;
			}
		} else if (c == '\r') {
			if (p->pos + 1 < p->len && p->s[p->pos + 1] == '\n')
				continue;	/* CRLF inside quotes: keep LF */
			c = '\n';
		}
		if (c == '\n') {
			p->line++;
			p->bol = p->pos + 1;
		}
		if (vb_buf_putc(&p->field, c) < 0)
			return -1;
	}
	return 1;
}

/* Reads unquoted text up to a separator or line end; returns 0 or -1. */
static int
plain(struct csv *p)
{
	size_t b = p->pos;

	while (p->pos < p->len && p->s[p->pos] != p->sep &&
	    p->s[p->pos] != '\n' && p->s[p->pos] != '\r')
		p->pos++;
	return vb_buf_put(&p->field, p->s + b, p->pos - b);
}

/* Reads one field at pos into p->field; returns 0 or -1 with an error. */
static int
field(struct csv *p)
{
	size_t start = p->pos, bol = p->bol;
	int line = p->line, r;

	vb_buf_reset(&p->field);
	if (p->pos < p->len && p->s[p->pos] == '"') {
		if ((r = quoted(p)) == 1 && p->tsv) {
			/* a lone quote in clipboard text is just a character */
			vb_buf_reset(&p->field);
			p->pos = start;
			p->line = line;
			p->bol = bol;
		} else if (r == 1) {
			p->bol = bol;
			vb_diag_add(p->d, VB_ERROR, p->file, line,
			    column(p, start),
			    "Thêm dấu \" đóng ở cuối ô; dấu \" nằm trong ô "
			    "phải viết đôi (\"\").",
			    "dấu ngoặc kép \" mở ô ở đây nhưng không được đóng");
			return -1;
		} else if (r < 0) {
			return -1;
		}
	}
	return plain(p);	/* text after a closing quote is kept as is */
}

/* Adds the field just read at (row, col) when it holds text; returns 0,
 * or -1 past the size limits. */
static int
store(struct csv *p, size_t row, size_t col)
{
	if (p->field.len == 0 ||
	    strspn(p->field.data, " \t\r\n") == p->field.len)
		return 0;
	if (row >= VB_SHEET_MAX_ROWS || col >= VB_SHEET_MAX_COLS) {
		vb_diag_add(p->d, VB_ERROR, p->file, p->line, 0,
		    "Hãy chia bảng thành nhiều tệp nhỏ hơn.",
		    "bảng quá lớn (tối đa %d hàng, %d cột)",
		    VB_SHEET_MAX_ROWS, VB_SHEET_MAX_COLS);
		return -1;
	}
	return vb_grid_add_marked(p->g, row, col, p->field.data, p->field.len);
}

/* Reads every record; returns 0 or -1. */
static int
records(struct csv *p)
{
	size_t row = 0, col = 0;

	while (p->pos < p->len) {
		if (field(p) < 0 || store(p, row, col) < 0)
			return -1;
		if (p->pos < p->len && p->s[p->pos] == p->sep) {
			p->pos++;
			col++;
		} else if (eol(p)) {
			row++;
			col = 0;
		}
	}
	return 0;
}

/* Returns UTF-16 text (after its byte order mark; big-endian when be)
 * as UTF-8 in the arena, its length in *out; NULL on a broken surrogate,
 * with the offset of the bad unit in *bad. */
static char *
from_utf16(vb_arena *a, const unsigned char *s, size_t len, int be,
    size_t *out, size_t *bad)
{
	char *u = vb_alloc(a, len / 2 * 3 + 1);
	size_t i, o = 0;
	unsigned long c, lo;

	for (i = 0; i + 1 < len; i += 2) {
		c = be ? (unsigned long)s[i] << 8 | s[i + 1] :
		    (unsigned long)s[i + 1] << 8 | s[i];
		if (c >= 0xD800 && c <= 0xDBFF && i + 3 < len) {
			lo = be ? (unsigned long)s[i + 2] << 8 | s[i + 3] :
			    (unsigned long)s[i + 3] << 8 | s[i + 2];
			if (lo < 0xDC00 || lo > 0xDFFF)
				break;
			c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
			i += 2;
		} else if (c >= 0xD800 && c <= 0xDFFF) {
			break;
		}
		if (c < 0x80) {
			u[o++] = (char)c;
		} else if (c < 0x800) {
			u[o++] = (char)(0xC0 | c >> 6);
			u[o++] = (char)(0x80 | (c & 0x3F));
		} else if (c < 0x10000) {
			u[o++] = (char)(0xE0 | c >> 12);
			u[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
			u[o++] = (char)(0x80 | (c & 0x3F));
		} else {
			u[o++] = (char)(0xF0 | c >> 18);
			u[o++] = (char)(0x80 | ((c >> 12) & 0x3F));
			u[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
			u[o++] = (char)(0x80 | (c & 0x3F));
		}
	}
	if (i + 1 < len) {
		*bad = i;
		return NULL;
	}
	u[o] = '\0';
	*out = o;
	return u;
}

int
vb_csv_read(vb_grid *g, const char *file, const char *data, size_t len,
    int tsv, vb_diags *d)
{
	struct csv p;
	size_t bad;
	int r, be;

	if (len >= 2 && ((be = memcmp(data, "\xFE\xFF", 2) == 0) ||
	    memcmp(data, "\xFF\xFE", 2) == 0)) {
		/* "Unicode Text" as Excel saves it: UTF-16 with a BOM */
		data = from_utf16(g->a, (const unsigned char *)data + 2,
		    len - 2, be, &len, &bad);
		if (data == NULL) {
			vb_diag_add(d, VB_ERROR, file, 0, 0,
			    "Hãy lưu lại tệp với mã hoá UTF-8.",
			    "tệp UTF-16 bị hỏng ở byte %zu", bad + 2);
			return -1;
		}
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (!vb_utf8_valid(data, len, &bad))
		return bad_utf8(file, data, bad, d);
	if (strspn(data, " \t\r\n,;") >= len) {
		vb_diag_add(d, VB_ERROR, file, 0, 0,
		    "Hãy mở tệp trong bảng tính, kiểm tra dữ liệu rồi lưu lại.",
		    "tệp %s trống, không có dữ liệu bảng",
		    tsv ? "TSV" : "CSV");
		return -1;
	}
	memset(&p, 0, sizeof(p));
	p.g = g;
	p.file = file;
	p.d = d;
	p.s = data;
	p.len = len;
	p.line = 1;
	p.tsv = tsv;
	p.sep = tsv ? '\t' : detect_sep(data, len);
	r = records(&p);
	vb_buf_free(&p.field);
	return r;
}
