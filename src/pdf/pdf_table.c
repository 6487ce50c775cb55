/* pdf_table.c - tables: column widths from the model's shares of the text
 * width, single borders, column and row spans, heading rows in bold and
 * repeated on every page; rows tied by a row span break as one. */
#include <string.h>

#include "pdf_int.h"

/* A table laid out. */
typedef struct tbl {
	const vb_table *t;	/* the model */
	double *x;		/* ncols + 1 column edges from the left margin */
	pdf_para ***cell;	/* nrows × ncols cells: their paragraphs */
	size_t *npara;		/* nrows × ncols: number of paragraphs */
	double *rh;		/* height of each row */
	double pad;		/* cell padding left and right */
} tbl;

/* Rows [r0, r1) of a table: one line of its box. A single row may be cut
 * across pages: then each cell shows its text lines [from, to). */
typedef struct rows {
	const tbl *tb;		/* the table */
	size_t r0;		/* first row */
	size_t r1;		/* row after the last */
	size_t *from;		/* a part of one row: first line of each cell, or NULL */
	size_t *to;		/* line after the last of each cell */
} rows;

/* Returns the cell at row r, column j. */
static const vb_cell *
cell_at(const vb_table *t, size_t r, size_t j)
{
	return &t->rows[r].cells[j];
}

/* Returns the number of rows cell (r, j) spans, clamped to the table. */
static size_t
span_rows(const vb_table *t, size_t r, size_t j)
{
	size_t n = cell_at(t, r, j)->rowspan > 1 ?
	    (size_t)cell_at(t, r, j)->rowspan : 1;

	return r + n > t->nrows ? t->nrows - r : n;
}

/* Returns the number of columns cell (r, j) spans, clamped to the table. */
static size_t
span_cols(const vb_table *t, size_t r, size_t j)
{
	size_t n = cell_at(t, r, j)->colspan > 1 ?
	    (size_t)cell_at(t, r, j)->colspan : 1;

	return j + n > t->ncols ? t->ncols - j : n;
}

/* Returns 1 when cell (r, j) is drawn (not covered by a span). */
static int
drawn(const vb_table *t, size_t r, size_t j)
{
	return cell_at(t, r, j)->colspan != 0 && !cell_at(t, r, j)->covered;
}

/* Returns the Pango alignment of cell (r, j). */
static PangoAlignment
cell_align(const vb_table *t, size_t r, size_t j)
{
	vb_align a = cell_at(t, r, j)->align;

	if (a == VB_ALIGN_DEFAULT && t->rows[r].header)
		a = VB_ALIGN_CENTER;
	else if (a == VB_ALIGN_DEFAULT && t->align != NULL)
		a = t->align[j];
	return a == VB_ALIGN_CENTER ? PANGO_ALIGN_CENTER :
	    a == VB_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
}

/* Lays out the paragraphs of every drawn cell of tb; an empty cell gets
 * one empty paragraph, as in the DOCX. */
static void
layout_cells(pdf_ctx *c, tbl *tb)
{
	const vb_table *t = tb->t;
	pdf_style st = pdf_style_body(c, c->pf->table_pt);
	const vb_cell *ce;
	size_t r, j, k, n, at;

	for (r = 0; r < t->nrows; r++)
		for (j = 0; j < t->ncols; j++) {
			if (!drawn(t, r, j))
				continue;
			ce = cell_at(t, r, j);
			at = r * t->ncols + j;
			st.style = t->rows[r].header || t->rows[r].group ?
			    VB_BOLD : 0;
			st.width = tb->x[j + span_cols(t, r, j)] - tb->x[j] -
			    2 * tb->pad;
			if (st.width < 1)
				st.width = 1;
			st.align = cell_align(t, r, j);
			n = ce->npara > 0 ? ce->npara : 1;
			tb->cell[at] = vb_alloc(c->arena, n * sizeof(pdf_para *));
			tb->npara[at] = n;
			for (k = 0; k < n; k++)
				tb->cell[at][k] = pdf_para_new(c, &st, NULL,
				    k < ce->npara ? &ce->paras[k] : NULL);
		}
}

/* Returns the height of the paragraphs of cell at index at. */
static double
cell_content(const tbl *tb, size_t at)
{
	double h = 0;
	size_t k;

	for (k = 0; k < tb->npara[at]; k++)
		h += pdf_para_height(tb->cell[at][k]) + 2 * PDF_CELL_VPAD;
	return h;
}

/* Returns the height cell (r, j) needs. */
static double
cell_need(const tbl *tb, size_t r, size_t j)
{
	return cell_content(tb, r * tb->t->ncols + j);
}

/* Sets the height of every row from its cells, spans last; each row also
 * holds its top border, as LibreOffice counts it. */
static void
row_heights(pdf_ctx *c, tbl *tb)
{
	const vb_table *t = tb->t;
	double min = 0, have, need;
	size_t r, j, k, n;

	(void)c;
	for (r = 0; r < t->nrows; r++) {
		tb->rh[r] = min + PDF_BORDER_PT;
		for (j = 0; j < t->ncols; j++)
			if (drawn(t, r, j) && span_rows(t, r, j) == 1 &&
			    cell_need(tb, r, j) + PDF_BORDER_PT > tb->rh[r])
				tb->rh[r] = cell_need(tb, r, j) + PDF_BORDER_PT;
	}
	for (r = 0; r < t->nrows; r++)
		for (j = 0; j < t->ncols; j++) {
			if (!drawn(t, r, j) || (n = span_rows(t, r, j)) == 1)
				continue;
			for (have = 0, k = r; k < r + n; k++)
				have += tb->rh[k];
			need = cell_need(tb, r, j) + PDF_BORDER_PT;
			if (need > have)
				tb->rh[r + n - 1] += need - have;
		}
}

/* Draws the paragraphs of cell at index at inside the box (x, y, h):
 * heading cells centred vertically, others from the top. */
static void
draw_cell(pdf_ctx *c, const tbl *tb, size_t at, int middle, double x,
    double y, double h)
{
	size_t k;

	y += PDF_BORDER_PT;
	if (middle)
		y += (h - PDF_BORDER_PT - cell_content(tb, at)) / 2;
	for (k = 0; k < tb->npara[at]; k++) {
		y += PDF_CELL_VPAD;
		y += pdf_para_draw(c, tb->cell[at][k], x, y);
		y += PDF_CELL_VPAD;
	}
}

/* Returns the number of text lines of the cell at index at. */
static size_t
cell_nlines(const tbl *tb, size_t at)
{
	size_t k, n = 0;

	for (k = 0; k < tb->npara[at]; k++)
		n += (size_t)pango_layout_get_line_count(tb->cell[at][k]->layout);
	return n;
}

/* Returns the top (bottom when bottom is 1) of text line i of the cell at
 * index at, from the top of its content (the paragraphs' padding in). */
static double
cell_line_y(const tbl *tb, size_t at, size_t i, int bottom)
{
	double y = 0;
	size_t k, n;

	for (k = 0; k < tb->npara[at]; k++) {
		const pdf_para *p = tb->cell[at][k];

		n = (size_t)pango_layout_get_line_count(p->layout);
		y += PDF_CELL_VPAD;
		if (i < n)
			return y + (double)(i + (bottom ? 1 : 0)) * p->line_h;
		i -= n;
		y += (double)n * p->line_h + PDF_CELL_VPAD;
	}
	return y;
}

/* Returns the height of lines [from, to) of the cell at index at as a
 * part of its row: the paragraph padding above the first line and below
 * the last line when they are the cell's first or last. */
static double
part_height(const tbl *tb, size_t at, size_t from, size_t to)
{
	size_t n = cell_nlines(tb, at);
	double top, bot;

	if (to <= from)
		return 0;
	top = from == 0 ? 0 : cell_line_y(tb, at, from, 0);
	bot = to >= n ? cell_content(tb, at) : cell_line_y(tb, at, to - 1, 1);
	return bot - top;
}

/* Draws a part of row g->r0 with its top at y and the table's edge at x:
 * each cell's lines [from, to), its first line at the top of the part. */
static void
draw_part(pdf_ctx *c, const pdf_line *l, double x, double y)
{
	const rows *g = l->data;
	const tbl *tb = g->tb;
	const vb_table *t = tb->t;
	size_t r = g->r0, j, at;
	double shift, top = c->clip_top, bot = c->clip_bottom;

	for (j = 0; j < t->ncols; j++) {
		if (!drawn(t, r, j))
			continue;
		at = r * t->ncols + j;
		cairo_save(c->cr);
		cairo_set_line_width(c->cr, PDF_BORDER_PT);
		cairo_rectangle(c->cr, x + tb->x[j], y,
		    tb->x[j + span_cols(t, r, j)] - tb->x[j], l->h);
		if (c->raster)
			pdf_raster_note_stroke(c);
		cairo_stroke(c->cr);
		cairo_restore(c->cr);
		if (g->to[j] <= g->from[j])
			continue;
		shift = g->from[j] == 0 ? 0 : cell_line_y(tb, at, g->from[j], 0);
		c->clip_top = y + PDF_BORDER_PT;
		c->clip_bottom = y + PDF_BORDER_PT + part_height(tb, at,
		    g->from[j], g->to[j]);
		draw_cell(c, tb, at, 0, x + tb->x[j] + tb->pad, y - shift,
		    tb->rh[r]);
	}
	c->clip_top = top;
	c->clip_bottom = bot;
}

/* Fills *part with the part of row line l (from its cells' lines in
 * from[]) that takes at most avail pt: each cell's lines that fit; returns
 * its height, 0 when not one line fits. to[] gets each cell's end. */
static double
fit_part(const rows *g, const size_t *from, size_t *to, double avail)
{
	const tbl *tb = g->tb;
	const vb_table *t = tb->t;
	size_t r = g->r0, j, at, n, e;
	double h = 0, ph;
	int any = 0;

	for (j = 0; j < t->ncols; j++) {
		to[j] = from[j];
		if (!drawn(t, r, j))
			continue;
		at = r * t->ncols + j;
		n = cell_nlines(tb, at);
		for (e = from[j]; e < n && PDF_BORDER_PT + part_height(tb, at,
		    from[j], e + 1) <= avail + 0.01; e++)
			;
		to[j] = e;
		any |= e > from[j];
		ph = part_height(tb, at, from[j], e);
		if (ph > h)
			h = ph;
	}
	return any ? PDF_BORDER_PT + h : 0;
}

/* Splits a table row (pdf_split_fn): the cells' lines that fit in avail
 * go in *first, the others in *rest. */
static double
split_row(pdf_ctx *c, const pdf_line *l, double avail, pdf_line *first,
    pdf_line *rest)
{
	const rows *g = l->data;
	const vb_table *t = g->tb->t;
	rows *a = vb_alloc(c->arena, sizeof(*a));
	rows *b = vb_alloc(c->arena, sizeof(*b));
	size_t j, n = t->ncols, at;
	double h, hr = 0, ph;

	*a = *g;
	*b = *g;
	a->from = vb_alloc(c->arena, (n + 1) * sizeof(size_t));
	a->to = vb_alloc(c->arena, (n + 1) * sizeof(size_t));
	b->from = vb_alloc(c->arena, (n + 1) * sizeof(size_t));
	b->to = vb_alloc(c->arena, (n + 1) * sizeof(size_t));
	for (j = 0; j < n; j++) {
		a->from[j] = g->from != NULL ? g->from[j] : 0;
		b->to[j] = g->to != NULL ? g->to[j] : drawn(t, g->r0, j) ?
		    cell_nlines(g->tb, g->r0 * n + j) : 0;
	}
	h = fit_part(a, a->from, a->to, avail);
	if (h <= 0)
		return 0;
	for (j = 0; j < n; j++) {
		b->from[j] = a->to[j];
		if (!drawn(t, g->r0, j))
			continue;
		at = g->r0 * n + j;
		ph = part_height(g->tb, at, b->from[j], b->to[j]);
		if (ph > hr)
			hr = ph;
	}
	*first = *l;
	first->h = h;
	first->data = a;
	first->draw = draw_part;
	first->notes = l->notes;
	*rest = *l;
	rest->h = PDF_BORDER_PT + hr;
	rest->data = b;
	rest->draw = draw_part;
	rest->notes = NULL;
	rest->nnotes = 0;
	return h;
}

/* Draws rows [r0, r1) with their top at y and the table's edge at x. */
static void
draw_rows(pdf_ctx *c, const pdf_line *l, double x, double y)
{
	const rows *g = l->data;
	const tbl *tb = g->tb;
	const vb_table *t = tb->t;
	double h;
	size_t r, j, k;

	for (r = g->r0; r < g->r1; r++) {
		for (j = 0; j < t->ncols; j++) {
			if (!drawn(t, r, j))
				continue;
			for (h = 0, k = r; k < r + span_rows(t, r, j); k++)
				h += tb->rh[k];
			cairo_save(c->cr);
			cairo_set_line_width(c->cr, PDF_BORDER_PT);
			cairo_rectangle(c->cr, x + tb->x[j], y,
			    tb->x[j + span_cols(t, r, j)] - tb->x[j], h);
			if (c->raster)
				pdf_raster_note_stroke(c);
			cairo_stroke(c->cr);
			cairo_restore(c->cr);
			draw_cell(c, tb, r * t->ncols + j, t->rows[r].header,
			    x + tb->x[j] + tb->pad, y, h);
		}
		y += tb->rh[r];
	}
}

/* Returns the row after the group of rows starting at r0 that row spans
 * tie together. */
static size_t
group_end(const vb_table *t, size_t r0)
{
	size_t end = r0 + 1, r, j;

	for (r = r0; r < end; r++)
		for (j = 0; j < t->ncols; j++)
			if (drawn(t, r, j) && r + span_rows(t, r, j) > end)
				end = r + span_rows(t, r, j);
	return end;
}

/* Appends the footnotes marked in rows [r0, r1) to line l. */
static void
group_notes(pdf_ctx *c, const tbl *tb, size_t r0, size_t r1, pdf_line *l)
{
	const pdf_para *p;
	int *v = NULL;
	size_t r, j, i, k, at, n = 0, cap = 0;

	for (r = r0; r < r1; r++)
		for (j = 0; j < tb->t->ncols; j++) {
			at = r * tb->t->ncols + j;
			for (k = 0; k < tb->npara[at]; k++) {
				p = tb->cell[at][k];
				for (i = 0; i < p->nnotes; i++) {
					v = vb_grow(c->arena, v, n + 1,
					    sizeof(*v), &cap);
					v[n++] = p->notes[i];
				}
			}
		}
	l->notes = v;
	l->nnotes = n;
}

/* Returns the width of the longest word of in at the table size, words
 * split at spaces, with extra style flags. */
static double
longest_word(PangoLayout *l, PangoFontDescription *fd, const vb_inline *in,
    unsigned extra)
{
	PangoRectangle log;
	double best = 0;
	const char *s;
	unsigned st;
	size_t i, n;

	for (i = 0; i < in->n; i++) {
		if (in->runs[i].kind != VB_RUN_TEXT || in->runs[i].text == NULL)
			continue;
		st = in->runs[i].style | extra;
		pango_font_description_set_weight(fd, st & VB_BOLD ?
		    PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
		pango_font_description_set_style(fd, st & VB_ITALIC ?
		    PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
		pango_layout_set_font_description(l, fd);
		for (s = in->runs[i].text; *s != '\0'; s += n) {
			n = strcspn(s, " \t\n");
			if (n > 0) {
				pango_layout_set_text(l, s, (int)n);
				pango_layout_get_extents(l, NULL, &log);
				if (log.width / (double)PANGO_SCALE > best)
					best = log.width / (double)PANGO_SCALE;
			}
			if (s[n] != '\0')
				n++;
		}
	}
	return best;
}

/* Returns the narrowest width column j can take without breaking a word
 * of its one-column cells (the DOCX renderer's rule). */
static double
column_min(const vb_table *t, size_t j, PangoLayout *l,
    PangoFontDescription *fd)
{
	const vb_cell *ce;
	double best = 0, w;
	size_t r, k;

	for (r = 0; r < t->nrows; r++) {
		ce = cell_at(t, r, j);
		if (ce->covered || ce->colspan != 1)
			continue;
		for (k = 0; k < ce->npara; k++) {
			w = longest_word(l, fd, &ce->paras[k],
			    t->rows[r].header || t->rows[r].group ? VB_BOLD : 0);
			if (w > best)
				best = w;
		}
	}
	return best + 2 * VB_MM_TO_PT(PDF_CELL_PAD_MM) + 1;
}

/* Caps the widest of the n columns at one common width so that they fit
 * in width together (as the DOCX renderer does): a word too long for any
 * column breaks at characters instead of pushing the table off the page,
 * and the narrow columns keep their widths. Returns the total. */
static double
fit_widest(double *w, size_t n, double width)
{
	double lo = 0, hi = width, cap, sum = 0;
	size_t i;
	int k;

	for (k = 0; k < 60; k++) {	/* the largest cap whose total fits */
		cap = (lo + hi) / 2;
		for (sum = 0, i = 0; i < n; i++)
			sum += w[i] < cap ? w[i] : cap;
		if (sum <= width)
			lo = cap;
		else
			hi = cap;
	}
	for (sum = 0, i = 0; i < n; i++) {
		if (w[i] > lo)
			w[i] = lo;
		sum += w[i];
	}
	return sum;
}

/* Returns the column widths of t: the model's shares of the text width,
 * widened where a word would not fit, the difference taken from columns
 * with room to spare, the widest capped when even that is not enough. */
static double *
column_widths(pdf_ctx *c, const vb_table *t)
{
	double *w = vb_alloc(c->arena, (t->ncols + 1) * sizeof(*w));
	double *min = vb_alloc(c->arena, (t->ncols + 1) * sizeof(*min));
	double used = 0, spare = 0, excess, cut;
	PangoLayout *l = pango_layout_new(c->pc);
	PangoFontDescription *fd = pango_font_description_new();
	size_t j;

	pango_font_description_set_family(fd, c->family);
	pango_font_description_set_absolute_size(fd,
	    c->pf->table_pt * PANGO_SCALE);
	for (j = 0; j < t->ncols; j++) {
		min[j] = column_min(t, j, l, fd);
		w[j] = c->width * (t->width != NULL ? t->width[j] :
		    1.0 / (double)t->ncols);
		if (w[j] < min[j])
			w[j] = min[j];
		used += w[j];
		spare += w[j] - min[j];
	}
	excess = used - c->width;
	for (j = 0; j < t->ncols && excess > 0 && spare > 0; j++) {
		cut = (w[j] - min[j]) * (excess < spare ? excess : spare) /
		    spare;
		w[j] -= cut;
		used -= cut;
	}
	if (used > c->width)
		used = fit_widest(w, t->ncols, c->width);
	if (t->ncols > 0 && used < c->width)
		w[t->ncols - 1] += c->width - used;
	pango_font_description_free(fd);
	g_object_unref(l);
	return w;
}

/* Returns the column edges of t across the text width. */
static double *
column_edges(pdf_ctx *c, const vb_table *t)
{
	double *x = vb_alloc(c->arena, (t->ncols + 1) * sizeof(*x));
	double *w = column_widths(c, t);
	size_t j;

	for (j = 0; j < t->ncols; j++)
		x[j + 1] = x[j] + w[j];
	return x;
}

/* Queues a table. */
void
pdf_table(pdf_ctx *c, const vb_table *t)
{
	tbl *tb = vb_alloc(c->arena, sizeof(*tb));
	pdf_box *b = pdf_box_new(c);
	pdf_line *l;
	rows *g;
	size_t r, end, i;
	double h;

	if (t->ncols == 0 || t->nrows == 0)
		return;
	tb->t = t;
	tb->pad = VB_MM_TO_PT(PDF_CELL_PAD_MM);
	tb->x = column_edges(c, t);
	tb->cell = vb_alloc(c->arena, t->nrows * t->ncols * sizeof(*tb->cell));
	tb->npara = vb_alloc(c->arena, t->nrows * t->ncols *
	    sizeof(*tb->npara));
	tb->rh = vb_alloc(c->arena, t->nrows * sizeof(*tb->rh));
	layout_cells(c, tb);
	row_heights(c, tb);
	for (r = 0; r < t->nrows; r = end) {
		end = group_end(t, r);
		for (h = 0, i = r; i < end; i++)
			h += tb->rh[i];
		g = vb_alloc(c->arena, sizeof(*g));
		g->tb = tb;
		g->r0 = r;
		g->r1 = end;
		l = pdf_box_line(c, b, h);
		l->draw = draw_rows;
		l->data = g;
		if (end == r + 1 && !t->rows[r].header && !t->rows[r].group)
			l->split = split_row;	/* breaks like a Word row */
		else if (end > r + 1) {	/* rows tied by a row span */
			l->unit = VB_SINGLE_LINE_FACTOR * c->pf->table_pt;
			l->unit0 = PDF_BORDER_PT + PDF_CELL_VPAD;
		}
		l->keep = t->rows[r].group;	/* with the row after it */
		group_notes(c, tb, r, end, l);
		if (end <= t->header_rows)
			b->nhead = b->n;
	}
	for (i = 0; i < t->nrows * t->ncols; i++)
		for (r = 0; r < tb->npara[i]; r++)
			pdf_box_own(c, b, tb->cell[i][r]->layout);
	b->min_first = b->nhead + 1;
	b->min_last = 1;
	b->after = c->pf->para_space_pt + PDF_BORDER_PT;	/* bottom border */
	pdf_flow_push(c, b);
}
