/* sheet_grid.c - from the raw grid of a spreadsheet reader to a vb_table:
 * cell markup, lines, merged regions, heading rows, alignment and widths. */
#include "sheet_grid.h"
#include "table.h"

#include <ctype.h>
#include <string.h>

#include "base/text.h"
#include "sheet.h"

int
vb_grid_add(vb_grid *g, size_t row, size_t col, vb_run *segs, size_t n)
{
	vb_grid_cell *c;

	if (g->in != NULL && vb_in_charge(g->in, 0, 1, g->where, g->d) < 0)
		return -1;
	g->cells = vb_grow(g->a, g->cells, g->ncells + 1, sizeof(*g->cells),
	    &g->cellcap);
	c = &g->cells[g->ncells++];
	c->row = row;
	c->col = col;
	c->segs = segs;
	c->nseg = n;
	return 0;
}

int
vb_grid_add_marked(vb_grid *g, size_t row, size_t col, const char *s,
    size_t len)
{
	size_t n;
	vb_run *r = vb_markup_runs(g->a, s, len, 0, &n);

	return vb_grid_add(g, row, col, r, n);
}

void
vb_grid_merge_add(vb_grid *g, size_t r0, size_t c0, size_t r1, size_t c1)
{
	vb_grid_merge *m;

	if (r1 < r0 || c1 < c0 || (r0 == r1 && c0 == c1))
		return;
	g->merges = vb_grow(g->a, g->merges, g->nmerges + 1,
	    sizeof(*g->merges), &g->mergecap);
	m = &g->merges[g->nmerges++];
	m->r0 = r0;
	m->c0 = c0;
	m->r1 = r1;
	m->c1 = c1;
}

/* A list of runs being built. */
struct runs {
	vb_arena *a;		/* arena of the runs */
	vb_run *v;		/* the runs */
	size_t n;		/* number of runs */
	size_t cap;		/* allocated runs */
};

/* Appends a text run (merged into the previous one of the same style). */
static void
runs_add(struct runs *r, const char *s, size_t len, unsigned style)
{
	vb_run *last;

	if (len == 0)
		return;
	last = r->n ? &r->v[r->n - 1] : NULL;
	if (last != NULL && last->style == style) {
		last->text = vb_sprintf(r->a, "%s%.*s", last->text, (int)len, s);
		return;
	}
	r->v = vb_grow(r->a, r->v, r->n + 1, sizeof(*r->v), &r->cap);
	last = &r->v[r->n++];
	last->kind = VB_RUN_TEXT;
	last->style = style;
	last->text = vb_strndup(r->a, s, len);
}

/* Returns the length of the run of c at s[i..len). */
static size_t
count_char(const char *s, size_t i, size_t len, char c)
{
	size_t n = 0;

	while (i + n < len && s[i + n] == c)
		n++;
	return n;
}

/* Returns the position of a closing marker of exactly n stars for an opener
 * ending at i, on the same line, after non-blank text; or len when none. */
static size_t
find_closer(const char *s, size_t i, size_t len, size_t n)
{
	size_t j = i, k;

	while (j < len && s[j] != '\n') {
		if (s[j] == '\\' && j + 1 < len) {
			j += 2;
			continue;
		}
		if (s[j] != '*') {
			j++;
			continue;
		}
		k = count_char(s, j, len, '*');
		if (k == n && j > i && !isspace((unsigned char)s[j - 1]))
			return j;
		j += k;
	}
	return len;
}

/* Splits s[0..len) into styled runs, appending to r. */
static void
markup(struct runs *r, const char *s, size_t len, unsigned style)
{
	size_t i = 0, lit = 0, n, close;
	static const unsigned by_stars[4] = { 0, VB_ITALIC, VB_BOLD,
	    VB_BOLD | VB_ITALIC };

	while (i < len) {
		if (s[i] == '\\' && i + 1 < len &&
		    (s[i + 1] == '*' || s[i + 1] == '\\')) {
			runs_add(r, s + lit, i - lit, style);
			lit = i + 1;
			i += 2;
			continue;
		}
		if (s[i] != '*') {
			i++;
			continue;
		}
		n = count_char(s, i, len, '*');
		if (n > 3 || i + n >= len || isspace((unsigned char)s[i + n]) ||
		    (close = find_closer(s, i + n, len, n)) == len) {
			i += n;
			continue;
		}
		runs_add(r, s + lit, i - lit, style);
		markup(r, s + i + n, close - i - n, style | by_stars[n]);
		i = lit = close + n;
	}
	runs_add(r, s + lit, len - lit, style);
}

vb_run *
vb_markup_runs(vb_arena *a, const char *s, size_t len, unsigned style,
    size_t *n)
{
	struct runs r = { a, NULL, 0, 0 };

	markup(&r, s, len, style);
	*n = r.n;
	return r.v;
}

/* Appends to line the piece s[0..len) of a segment, NFC-normalised. */
static void
line_add(vb_arena *a, struct runs *line, const char *s, size_t len,
    unsigned style)
{
	char *t = vb_text_nfc(a, s, len);

	if (t == NULL)
		t = vb_strndup(a, s, len);
	runs_add(line, t, strlen(t), style);
}

/* Returns 1 for a blank byte: space, tab, CR, vertical tab, form feed. */
static int
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Trims the blanks at both ends of a line's runs and drops emptied runs. */
static void
line_trim(struct runs *line)
{
	const char *t;
	size_t e;

	while (line->n > 0) {
		for (t = line->v[0].text; blank(*t); t++)
			;
		if (*t != '\0') {
			line->v[0].text = t;
			break;
		}
		memmove(line->v, line->v + 1, --line->n * sizeof(*line->v));
	}
	while (line->n > 0) {
		t = line->v[line->n - 1].text;
		for (e = strlen(t); e > 0 && blank(t[e - 1]); e--)
			;
		if (e > 0) {
			line->v[line->n - 1].text = vb_strndup(line->a, t, e);
			break;
		}
		line->n--;
	}
}

/* Appends the line being built to the cell's paragraphs, if not blank,
 * and starts a new one. */
static void
para_end(vb_arena *a, vb_cell *c, size_t *cap, struct runs *line)
{
	line_trim(line);
	if (line->n) {
		c->paras = vb_grow(a, c->paras, c->npara + 1,
		    sizeof(*c->paras), cap);
		c->paras[c->npara].runs = line->v;
		c->paras[c->npara++].n = line->n;
	}
	*line = (struct runs){ a, NULL, 0, 0 };
}

/* Fills cell c with one paragraph per non-blank line of the segments. */
static void
cell_fill(vb_arena *a, vb_cell *c, const vb_grid_cell *gc)
{
	struct runs line = { a, NULL, 0, 0 };
	size_t cap = 0, i, p, q;
	const char *t;

	c->paras = NULL;
	c->npara = 0;
	for (i = 0; i < gc->nseg; i++) {
		t = gc->segs[i].text;
		for (p = 0;; p = q + 1) {
			for (q = p; t[q] && t[q] != '\n'; q++)
				;
			line_add(a, &line, t + p, q - p, gc->segs[i].style);
			if (t[q] == '\0')
				break;
			para_end(a, c, &cap, &line);
		}
	}
	para_end(a, c, &cap, &line);
}

char *
vb_cell_text(vb_arena *a, const vb_cell *c)
{
	size_t i, j;
	char *s = "";

	for (i = 0; i < c->npara; i++) {
		if (i > 0)
			s = vb_sprintf(a, "%s\n", s);
		for (j = 0; j < c->paras[i].n; j++)
			if (c->paras[i].runs[j].kind == VB_RUN_TEXT)
				s = vb_sprintf(a, "%s%s", s,
				    c->paras[i].runs[j].text);
	}
	return s;
}

/* Returns the number of digits at s; they may be grouped by threes with
 * '.', ',' or ' ' when group is set. */
static size_t
digits(const char *s, int group)
{
	size_t n = 0, run;

	while (isdigit((unsigned char)s[n]))
		n++;
	if (!group || n == 0 || n > 3)
		return n;
	for (;;) {
		if (s[n] == '\0' || !strchr("., ", s[n]))
			return n;
		for (run = 0; isdigit((unsigned char)s[n + 1 + run]); run++)
			;
		if (run != 3)
			return n;
		n += 4;
	}
}

int
vb_cell_is_number(const char *s)
{
	size_t n;

	if (*s == '+' || *s == '-')
		s++;
	else if (strncmp(s, "\xe2\x88\x92", 3) == 0)	/* U+2212 minus */
		s += 3;
	if ((n = digits(s, 1)) == 0)
		return 0;
	s += n;
	if ((*s == '.' || *s == ',') && isdigit((unsigned char)s[1]))
		s += 1 + digits(s + 1, 0);
	if (*s == '%')
		s++;
	return *s == '\0';
}

int
vb_cell_is_date(const char *s)
{
	size_t n;
	char sep;

	if ((n = digits(s, 0)) < 1 || n > 2)
		return 0;
	s += n;
	if ((sep = *s) != '/' && sep != '-' && sep != '.')
		return 0;
	if ((n = digits(++s, 0)) < 1 || n > 2 || s[n] != sep)
		return 0;
	s += n + 1;
	n = digits(s, 0);
	return (n == 2 || n == 4) && s[n] == '\0';
}

/* Returns 1 when grid cell c holds more than blanks. */
static int
has_text(const vb_grid_cell *c)
{
	size_t j;

	for (j = 0; j < c->nseg; j++)
		if (c->segs[j].text[strspn(c->segs[j].text, " \t\r\n")] != '\0')
			return 1;
	return 0;
}

/* Returns the bounds of the filled cells from row from on in *r0..*r1,
 * *c0..*c1; 0 when nothing is filled. */
static int
bounds(const vb_grid *g, size_t from, size_t *r0, size_t *r1, size_t *c0,
    size_t *c1)
{
	size_t i;
	int any = 0;
	const vb_grid_cell *c;

	for (i = 0; i < g->ncells; i++) {
		c = &g->cells[i];
		if (c->row < from || !has_text(c))
			continue;
		if (!any || c->row < *r0)
			*r0 = c->row;
		if (!any || c->row > *r1)
			*r1 = c->row;
		if (!any || c->col < *c0)
			*c0 = c->col;
		if (!any || c->col > *c1)
			*c1 = c->col;
		any = 1;
	}
	return any;
}

/* Returns the only filled cell of row r, or NULL when it has none or
 * several. */
static const vb_grid_cell *
lone_cell(const vb_grid *g, size_t r)
{
	size_t i;
	const vb_grid_cell *only = NULL;

	for (i = 0; i < g->ncells; i++)
		if (g->cells[i].row == r && has_text(&g->cells[i])) {
			if (only != NULL)
				return NULL;
			only = &g->cells[i];
		}
	return only;
}

/* Returns the plain text of a grid cell, lines joined by spaces. */
static char *
grid_text(vb_arena *a, const vb_grid_cell *c)
{
	size_t i;
	char *s = "", *p;

	for (i = 0; i < c->nseg; i++)
		s = vb_sprintf(a, "%s%s", s, c->segs[i].text);
	for (p = s; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return vb_text_trim(a, s);
}

/* Finds the table's bounds, skipping (with a warning) up to three title
 * rows above it: rows with a single filled cell over a table of three
 * columns or more. Returns 0 when nothing is filled. */
static int
table_bounds(vb_grid *g, const char *file, vb_diags *d, size_t *r0,
    size_t *r1, size_t *c0, size_t *c1)
{
	size_t from = 0, k;
	const vb_grid_cell *title;

	for (k = 0;; k++) {
		if (!bounds(g, from, r0, r1, c0, c1))
			return 0;
		if (k == 3 || *r1 == *r0 || *c1 - *c0 < 2 ||
		    (title = lone_cell(g, *r0)) == NULL)
			return 1;
		vb_diag_add(d, VB_WARNING, file, 0, 0,
		    "Tiêu đề phụ lục ghi trong văn bản; có thể xoá dòng này "
		    "khỏi bảng tính.",
		    "đã bỏ qua dòng \"%s\" phía trên bảng (coi là tiêu đề, "
		    "không phải hàng của bảng)", grid_text(g->a, title));
		from = *r0 + 1;
	}
}

/* Applies merged region m (already in table coordinates); returns 0, or
 * -1 when it overlaps one applied before (which Excel never writes: the
 * file is damaged or made to be slow, and is refused). Each cell is looked
 * at once by the regions that keep it, so the work is linear. */
static int
merge_apply(vb_table *t, size_t r0, size_t c0, size_t r1, size_t c1)
{
	size_t r, c;
	vb_cell *x;

	for (r = r0; r <= r1; r++)
		for (c = c0; c <= c1; c++) {
			x = &t->rows[r].cells[c];
			if (x->covered || x->colspan != 1 || x->rowspan != 1)
				return -1;
		}
	for (r = r0; r <= r1; r++)
		for (c = c0; c <= c1; c++) {
			x = &t->rows[r].cells[c];
			if (r == r0 && c == c0)
				continue;
			x->npara = 0;
			x->paras = NULL;
			x->covered = r > r0;
			x->colspan = c == c0 ? (int)(c1 - c0 + 1) : 0;
		}
	x = &t->rows[r0].cells[c0];
	x->colspan = (int)(c1 - c0 + 1);
	x->rowspan = (int)(r1 - r0 + 1);
	return 0;
}

/* Returns 0 when every text of the grid's cells can be laid out, or -1
 * after reporting a cell with a character XML cannot hold or a word too
 * long. */
static int
check_cells(const vb_grid *g, const char *file, vb_diags *d)
{
	const vb_grid_cell *gc;
	const char *s;
	size_t i, k, len, off;
	unsigned cp;

	for (i = 0; i < g->ncells; i++) {
		gc = &g->cells[i];
		for (k = 0; k < gc->nseg; k++) {
			if ((s = gc->segs[k].text) == NULL)
				continue;
			len = strlen(s);
			if (vb_text_xml_unsafe(s, len, &off, &cp)) {
				vb_diag_add(d, VB_ERROR, file, 0, 0,
				    "xóa ký tự này khỏi ô trong bảng tính",
				    "ô ở hàng %zu, cột %zu có ký tự đặc biệt U+%04X (không in được), "
				    "không dùng được trong văn bản", gc->row + 1,
				    gc->col + 1, cp);
				return -1;
			}
			if (vb_text_long_word(s, len, VB_MAX_WORD) < len) {
				vb_diag_add(d, VB_ERROR, file, 0, 0,
				    "thêm dấu cách giữa các từ trong ô",
				    "ô ở hàng %zu, cột %zu có một từ dài hơn %d ký tự "
				    "liền nhau", gc->row + 1, gc->col + 1, VB_MAX_WORD);
				return -1;
			}
		}
	}
	return 0;
}

/* Drops the rows with nothing in them and no part in a merged region
 * (blank lines left between the rows of a sheet). */
static void
drop_blank_rows(vb_table *t)
{
	size_t r, c, n = 0;
	const vb_cell *x;

	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			x = &t->rows[r].cells[c];
			if (x->npara || x->covered || x->colspan != 1 ||
			    x->rowspan != 1)
				break;
		}
		if (c < t->ncols)
			t->rows[n++] = t->rows[r];
	}
	t->nrows = n;
}

/* Makes every run of the cell bold. */
static void
cell_bold(vb_cell *c)
{
	size_t i, j;

	for (i = 0; i < c->npara; i++)
		for (j = 0; j < c->paras[i].n; j++)
			c->paras[i].runs[j].style |= VB_BOLD;
}

/* Returns 1 when row r numbers the columns: "1", "2", "3"… or "(1)",
 * "(2)"… in order across a table of three columns or more (a line many
 * official tables put under their heading). */
static int
column_numbers(vb_arena *a, const vb_table *t, size_t r)
{
	size_t c;
	const vb_cell *x;
	char *s;

	if (t->ncols < 3 || r >= t->nrows)
		return 0;
	for (c = 0; c < t->ncols; c++) {
		x = &t->rows[r].cells[c];
		if (x->covered || x->colspan != 1 || x->npara != 1)
			return 0;
		s = vb_cell_text(a, x);
		if (strcmp(s, vb_sprintf(a, "%zu", c + 1)) != 0 &&
		    strcmp(s, vb_sprintf(a, "(%zu)", c + 1)) != 0)
			return 0;
	}
	return 1;
}

/* Sets header_rows and styles the heading: row 0, extended down by the
 * row spans of its cells and by a row of column numbers under it. */
static void
heading(vb_arena *a, vb_table *t)
{
	size_t h = 1, r, c;
	vb_cell *x;

	for (r = 0; r < h && r < t->nrows; r++)
		for (c = 0; c < t->ncols; c++) {
			x = &t->rows[r].cells[c];
			if (x->rowspan > 1 && r + (size_t)x->rowspan > h)
				h = r + (size_t)x->rowspan;
		}
	if (h > t->nrows)
		h = t->nrows;
	if (column_numbers(a, t, h))
		h++;
	t->header_rows = h;
	for (r = 0; r < h; r++) {
		t->rows[r].header = 1;
		for (c = 0; c < t->ncols; c++) {
			cell_bold(&t->rows[r].cells[c]);
			t->rows[r].cells[c].align = VB_ALIGN_CENTER;
		}
	}
}

/* Sets the alignment of columns (all numbers: right; all dates: centred)
 * and of number and date cells of the body. */
static void
align(vb_arena *a, vb_table *t)
{
	size_t r, c, filled, nums, dates;
	vb_cell *x;
	const char *s;

	t->align = vb_alloc(a, t->ncols * sizeof(*t->align));
	for (c = 0; c < t->ncols; c++) {
		filled = nums = dates = 0;
		for (r = t->header_rows; r < t->nrows; r++) {
			x = &t->rows[r].cells[c];
			if (x->npara == 0)
				continue;
			filled++;
			s = vb_cell_text(a, x);
			if (vb_cell_is_number(s)) {
				nums++;
				x->align = VB_ALIGN_RIGHT;
			} else if (vb_cell_is_date(s)) {
				dates++;
				x->align = VB_ALIGN_CENTER;
			}
		}
		if (filled && nums == filled)
			t->align[c] = VB_ALIGN_RIGHT;
		else if (filled && dates == filled)
			t->align[c] = VB_ALIGN_CENTER;
		else
			t->align[c] = VB_ALIGN_LEFT;
	}
}


/* Allocates the rows and cells of t, nrows × ncols, all plain. */
static void
table_alloc(vb_arena *a, vb_table *t)
{
	size_t r, c;

	t->rows = vb_alloc(a, t->nrows * sizeof(*t->rows));
	for (r = 0; r < t->nrows; r++) {
		t->rows[r].cells = vb_alloc(a, t->ncols * sizeof(vb_cell));
		for (c = 0; c < t->ncols; c++) {
			t->rows[r].cells[c].colspan = 1;
			t->rows[r].cells[c].rowspan = 1;
		}
	}
}

vb_table *
vb_grid_table(vb_grid *g, const char *file, vb_diags *d)
{
	size_t r0 = 0, r1 = 0, c0 = 0, c1 = 0, i, mr0, mc0, mr1, mc1;
	vb_table *t;
	const vb_grid_cell *gc;
	const vb_grid_merge *m;

	if (!table_bounds(g, file, d, &r0, &r1, &c0, &c1)) {
		vb_diag_add(d, VB_ERROR, file, 0, 0,
		    "Hãy mở tệp, kiểm tra bảng có nội dung rồi lưu lại.",
		    "bảng trong tệp trống, không có ô nào có chữ");
		return NULL;
	}
	t = vb_alloc(g->a, sizeof(*t));
	t->nrows = r1 - r0 + 1;
	t->ncols = c1 - c0 + 1;
	if (t->nrows > VB_SHEET_MAX_ROWS || t->ncols > VB_SHEET_MAX_COLS ||
	    t->nrows * t->ncols > VB_SHEET_MAX_CELLS) {
		vb_diag_add(d, VB_ERROR, file, 0, 0,
		    "Hãy xoá các hàng, cột thừa hoặc chia bảng thành nhiều tệp.",
		    "bảng quá lớn: %zu hàng × %zu cột (tối đa %d hàng, %d cột)",
		    t->nrows, t->ncols, VB_SHEET_MAX_ROWS, VB_SHEET_MAX_COLS);
		return NULL;
	}
	if (g->in != NULL && g->in->over)
		return NULL;
	if (check_cells(g, file, d) < 0)
		return NULL;
	table_alloc(g->a, t);
	for (i = 0; i < g->ncells; i++) {
		gc = &g->cells[i];
		if (gc->row < r0 || gc->row > r1 || gc->col < c0 ||
		    gc->col > c1)
			continue;
		cell_fill(g->a, &t->rows[gc->row - r0].cells[gc->col - c0], gc);
	}
	for (i = 0; i < g->nmerges; i++) {
		m = &g->merges[i];
		if (m->r0 < r0 || m->r0 > r1 || m->c0 < c0 || m->c0 > c1)
			continue;	/* its text cell is outside the table */
		mr0 = m->r0 - r0;
		mc0 = m->c0 - c0;
		mr1 = (m->r1 > r1 ? r1 : m->r1) - r0;
		mc1 = (m->c1 > c1 ? c1 : m->c1) - c0;
		if ((mr1 > mr0 || mc1 > mc0) &&
		    merge_apply(t, mr0, mc0, mr1, mc1) < 0) {
			vb_diag_add(d, VB_ERROR, file, 0, 0,
			    "Hãy mở tệp bằng Excel (Excel sẽ sửa tệp) rồi lưu lại.",
			    "tệp có các vùng gộp ô chồng lên nhau (tệp bị hỏng)");
			return NULL;
		}
	}
	drop_blank_rows(t);
	heading(g->a, t);
	align(g->a, t);
	vb_table_measure(g->a, t);
	return t;
}
