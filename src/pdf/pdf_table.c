/* pdf_table.c - tables: column widths from the model's shares of the text
 * width, single borders, column and row spans, heading rows in bold and
 * repeated on every page; rows tied by a row span break as one. */
#include <string.h>

#include "pdf_int.h"

/* A table laid out. */
typedef struct tbl {
	const vb_table *t;	/* the model */
	double *x;		/* ncols + 1 column edges from the left margin */
	pdf_para **cell;	/* nrows × ncols cell texts, NULL when none */
	double *rh;		/* height of each row */
	double pad;		/* cell padding left and right */
} tbl;

/* Rows [r0, r1) of a table: one unbreakable line of its box. */
typedef struct rows {
	const tbl *tb;		/* the table */
	size_t r0;		/* first row */
	size_t r1;		/* row after the last */
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

/* Returns the cell's paragraphs as one inline, lines joined by breaks. */
static vb_inline *
cell_inline(pdf_ctx *c, const vb_cell *ce)
{
	vb_inline *in = vb_alloc(c->arena, sizeof(*in));
	size_t i, j, total = 0;

	for (i = 0; i < ce->npara; i++)
		total += ce->paras[i].n + 1;
	in->runs = vb_alloc(c->arena, (total + 1) * sizeof(*in->runs));
	for (i = 0; i < ce->npara; i++) {
		if (i > 0)
			in->runs[in->n++].kind = VB_RUN_BREAK;
		for (j = 0; j < ce->paras[i].n; j++)
			in->runs[in->n++] = ce->paras[i].runs[j];
	}
	return in;
}

/* Returns the Pango alignment of cell (r, j). */
static PangoAlignment
cell_align(const vb_table *t, size_t r, size_t j)
{
	vb_align a = cell_at(t, r, j)->align;

	if (a == VB_ALIGN_DEFAULT && t->align != NULL)
		a = t->align[j];
	return a == VB_ALIGN_CENTER ? PANGO_ALIGN_CENTER :
	    a == VB_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
}

/* Lays out the text of every drawn cell of tb. */
static void
layout_cells(pdf_ctx *c, tbl *tb)
{
	const vb_table *t = tb->t;
	pdf_style st = pdf_style_body(c, c->pf->table_pt);
	size_t r, j;

	for (r = 0; r < t->nrows; r++)
		for (j = 0; j < t->ncols; j++) {
			if (!drawn(t, r, j))
				continue;
			st.style = t->rows[r].header || t->rows[r].group ?
			    VB_BOLD : 0;
			st.width = tb->x[j + span_cols(t, r, j)] - tb->x[j] -
			    2 * tb->pad;
			if (st.width < 1)
				st.width = 1;
			st.align = cell_align(t, r, j);
			tb->cell[r * t->ncols + j] = pdf_para_new(c, &st, NULL,
			    cell_inline(c, cell_at(t, r, j)));
		}
}

/* Returns the height cell (r, j) needs. */
static double
cell_need(const tbl *tb, size_t r, size_t j)
{
	const pdf_para *p = tb->cell[r * tb->t->ncols + j];

	return (p != NULL ? pdf_para_height(p) : 0) + 2 * PDF_CELL_VPAD;
}

/* Sets the height of every row from its cells, spans last. */
static void
row_heights(pdf_ctx *c, tbl *tb)
{
	const vb_table *t = tb->t;
	double min = VB_SINGLE_LINE_FACTOR * c->pf->table_pt +
	    2 * PDF_CELL_VPAD, have, need;
	size_t r, j, k, n;

	for (r = 0; r < t->nrows; r++) {
		tb->rh[r] = min;
		for (j = 0; j < t->ncols; j++)
			if (drawn(t, r, j) && span_rows(t, r, j) == 1 &&
			    cell_need(tb, r, j) > tb->rh[r])
				tb->rh[r] = cell_need(tb, r, j);
	}
	for (r = 0; r < t->nrows; r++)
		for (j = 0; j < t->ncols; j++) {
			if (!drawn(t, r, j) || (n = span_rows(t, r, j)) == 1)
				continue;
			for (have = 0, k = r; k < r + n; k++)
				have += tb->rh[k];
			need = cell_need(tb, r, j);
			if (need > have)
				tb->rh[r + n - 1] += need - have;
		}
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

	cairo_save(c->cr);
	cairo_set_line_width(c->cr, PDF_BORDER_PT);
	for (r = g->r0; r < g->r1; r++) {
		for (j = 0; j < t->ncols; j++) {
			if (!drawn(t, r, j))
				continue;
			for (h = 0, k = r; k < r + span_rows(t, r, j); k++)
				h += tb->rh[k];
			cairo_rectangle(c->cr, x + tb->x[j], y,
			    tb->x[j + span_cols(t, r, j)] - tb->x[j], h);
			cairo_stroke(c->cr);
			if (tb->cell[r * t->ncols + j] != NULL)
				pdf_para_draw(c, tb->cell[r * t->ncols + j],
				    x + tb->x[j] + tb->pad, y + PDF_CELL_VPAD);
		}
		y += tb->rh[r];
	}
	cairo_restore(c->cr);
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
	size_t r, j, i, n = 0, cap = 0;

	for (r = r0; r < r1; r++)
		for (j = 0; j < tb->t->ncols; j++) {
			p = tb->cell[r * tb->t->ncols + j];
			for (i = 0; p != NULL && i < p->nnotes; i++) {
				v = vb_grow(c->arena, v, n + 1, sizeof(*v),
				    &cap);
				v[n++] = p->notes[i];
			}
		}
	l->notes = v;
	l->nnotes = n;
}

/* Returns the column edges of t across the text width. */
static double *
column_edges(pdf_ctx *c, const vb_table *t)
{
	double *x = vb_alloc(c->arena, (t->ncols + 1) * sizeof(*x));
	size_t j;

	for (j = 0; j < t->ncols; j++)
		x[j + 1] = x[j] + c->width * (t->width != NULL ?
		    t->width[j] : 1.0 / (double)t->ncols);
	return x;
}

void
pdf_table(pdf_ctx *c, const vb_table *t, int keep_next)
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
		group_notes(c, tb, r, end, l);
		if (end <= t->header_rows)
			b->nhead = b->n;
	}
	for (i = 0; i < t->nrows * t->ncols; i++)
		if (tb->cell[i] != NULL)
			pdf_box_own(c, b, tb->cell[i]->layout);
	b->min_first = b->nhead + 1;
	b->min_last = 1;
	b->keep_next = keep_next;
	b->after = c->pf->para_space_pt;
	pdf_flow_push(c, b);
}
