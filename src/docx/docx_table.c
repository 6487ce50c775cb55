/* docx_table.c - body tables: single borders, fixed layout with a grid
 * from the model's column shares, repeated heading rows, spans through
 * gridSpan and vMerge. */
#include "docx_int.h"

#include <string.h>

/* Returns the width in points of the longest word of in. */
static double
longest_word_pt(dx_ctx *c, const vb_inline *in, double pt, unsigned bold)
{
	double best = 0, w;
	size_t i, n;
	const char *s;

	for (i = 0; i < in->n; i++) {
		if (in->runs[i].kind != VB_RUN_TEXT || in->runs[i].text == NULL)
			continue;
		for (s = in->runs[i].text; *s != '\0'; s += n) {
			n = strcspn(s, " \t\n");
			w = dx_text_width_pt(vb_strndup(c->arena, s, n), pt,
			    in->runs[i].style | bold);
			if (w > best)
				best = w;
			if (s[n] != '\0')
				n++;
		}
	}
	return best;
}

/* Returns the narrowest width in twips column j can take without breaking
 * a word of its one-column cells. */
static int
column_min(dx_ctx *c, const vb_table *t, size_t j)
{
	double best = 0, w;
	size_t r, k;

	for (r = 0; r < t->nrows; r++) {
		const vb_row *row = &t->rows[r];
		const vb_cell *cell = &row->cells[j];

		if (cell->covered || cell->colspan != 1)
			continue;
		for (k = 0; k < cell->npara; k++) {
			w = longest_word_pt(c, &cell->paras[k], c->p->table_pt,
			    row->header || row->group ? VB_BOLD : 0);
			if (w > best)
				best = w;
		}
	}
	return DX_PT_TW(best) + 2 * DX_CELL_PAD + 20;
}

/* Caps the widest of the n columns at one common width, so that they fit
 * in width together: a word too long for any column (a long link, a
 * hostile file) then breaks at characters instead of pushing the table off
 * the page, and the narrow columns keep their widths. Returns the total. */
static long
fit_widest(int *cols, size_t n, long width)
{
	long lo = 0, hi = width, cap, sum = 0;
	size_t i;

	while (lo < hi) {	/* the largest cap whose total fits */
		cap = (lo + hi + 1) / 2;
		for (sum = 0, i = 0; i < n; i++)
			sum += cols[i] < cap ? cols[i] : cap;
		if (sum <= width)
			lo = cap;
		else
			hi = cap - 1;
	}
	for (sum = 0, i = 0; i < n; i++) {
		if (cols[i] > lo)
			cols[i] = (int)lo;
		sum += cols[i];
	}
	return sum;
}

/* Returns the width in twips of each column: the model's shares of the
 * text width, widened where a word would not fit, taking the difference
 * from the columns that have room to spare, and the widest capped when
 * even that is not enough. */
static int *
grid_widths(dx_ctx *c, const vb_table *t)
{
	int *cols = vb_alloc(c->arena, (t->ncols + 1) * sizeof(int));
	int *mins = vb_alloc(c->arena, (t->ncols + 1) * sizeof(int));
	long used = 0, spare = 0, excess;
	size_t i;

	for (i = 0; i < t->ncols; i++) {
		double share = t->width != NULL ? t->width[i] :
		    1.0 / (double)t->ncols;

		mins[i] = column_min(c, t, i);
		cols[i] = (int)(share * c->text_tw);
		if (cols[i] < mins[i])
			cols[i] = mins[i];
		used += cols[i];
		spare += cols[i] - mins[i];
	}
	excess = used - c->text_tw;
	for (i = 0; i < t->ncols && excess > 0 && spare > 0; i++) {
		long cut = (long)(cols[i] - mins[i]) * (excess < spare ?
		    excess : spare) / spare;

		cols[i] -= (int)cut;
		used -= cut;
	}
	if (used > c->text_tw)
		used = fit_widest(cols, t->ncols, c->text_tw);
	if (t->ncols > 0 && used < c->text_tw)	/* rounding: last column */
		cols[t->ncols - 1] += (int)(c->text_tw - used);
	return cols;
}

/* Writes w:tblLook with explicit attributes (and the same bits in the
 * legacy hex value): heading row on or off, nothing else. */
static void
tbl_look(dx_xml *x, int first_row)
{
	dx_start(x, "w:tblLook");
	dx_attr(x, "w:val", first_row ? "0620" : "0600");
	dx_attri(x, "w:firstRow", first_row);
	dx_attri(x, "w:lastRow", 0);
	dx_attri(x, "w:firstColumn", 0);
	dx_attri(x, "w:lastColumn", 0);
	dx_attri(x, "w:noHBand", 1);
	dx_attri(x, "w:noVBand", 1);
	dx_end(x);
}

/* Writes w:tblW of w twips. */
static void
tbl_width(dx_xml *x, int w)
{
	dx_start(x, "w:tblW");
	dx_attri(x, "w:w", w);
	dx_attr(x, "w:type", "dxa");
	dx_end(x);
}

/* Writes the table-wide properties: Table Grid, as wide as its grid. */
static void
table_props(dx_ctx *c, int width, int heading)
{
	dx_xml *x = c->x;

	dx_start(x, "w:tblPr");
	dx_val(x, "w:tblStyle", DX_ST_TABLE_GRID);
	tbl_width(x, width);
	dx_val(x, "w:jc", "center");
	dx_start(x, "w:tblLayout");
	dx_attr(x, "w:type", "fixed");
	dx_end(x);
	tbl_look(x, heading);
	dx_end(x);
}

/* Returns the number of grid columns the cell at (r, j) spans; a cell
 * covered from above takes the span of the cell that covers it. */
static int
cell_span(const vb_table *t, size_t r, size_t j)
{
	const vb_cell *cell = &t->rows[r].cells[j];

	while (cell->covered && r > 0) {
		r--;
		cell = &t->rows[r].cells[j];
	}
	return cell->colspan > 1 ? cell->colspan : 1;
}

/* Writes the paragraphs of one cell. */
static void
cell_paras(dx_ctx *c, const vb_table *t, const vb_row *row, size_t j,
    const vb_cell *cell)
{
	dx_ppr pp = dx_ppr_init();
	const char *col_jc = dx_jc(t->align != NULL ? t->align[j] :
	    VB_ALIGN_DEFAULT, NULL);
	const char *style_jc = row->header ? "center" : "left";
	size_t i;

	pp.style = row->header ? DX_ST_CELL_HEAD : row->group ?
	    DX_ST_CELL_GROUP : DX_ST_CELL;	/* group: kept with the next row */
	pp.jc = dx_jc(cell->align, row->header ? NULL : col_jc);
	if (pp.jc != NULL && strcmp(pp.jc, style_jc) == 0)
		pp.jc = NULL;	/* the style's own alignment */
	for (i = 0; i < cell->npara || i == 0; i++) {
		dx_start(c->x, "w:p");
		dx_ppr_write(c, &pp);
		if (i < cell->npara && !cell->covered)
			dx_inline(c, &cell->paras[i], NULL);
		dx_end(c->x);
	}
}

/* Writes one cell spanning span grid columns of total width w. */
static void
cell_write(dx_ctx *c, const vb_table *t, const vb_row *row, size_t j,
    int span, int w)
{
	const vb_cell *cell = &row->cells[j];
	dx_xml *x = c->x;

	dx_start(x, "w:tc");
	dx_start(x, "w:tcPr");
	dx_start(x, "w:tcW");
	dx_attri(x, "w:w", w);
	dx_attr(x, "w:type", "dxa");
	dx_end(x);
	if (span > 1)
		dx_vali(x, "w:gridSpan", span);
	if (cell->covered)
		dx_empty(x, "w:vMerge");
	else if (cell->rowspan > 1)
		dx_val(x, "w:vMerge", "restart");
	dx_val(x, "w:vAlign", row->header ? "center" : "top");
	dx_end(x);
	cell_paras(c, t, row, j, cell);
	dx_end(x);
}

/* Writes one row. */
static void
row_write(dx_ctx *c, const vb_table *t, size_t r, const int *cols)
{
	const vb_row *row = &t->rows[r];
	size_t j, k;

	dx_start(c->x, "w:tr");
	if (row->header || row->group) {
		/* heading and group rows stay whole; other rows break
		 * across pages like any Word row */
		dx_start(c->x, "w:trPr");
		dx_empty(c->x, "w:cantSplit");
		if (row->header && r < t->header_rows)
			dx_empty(c->x, "w:tblHeader");
		dx_end(c->x);
	}
	for (j = 0; j < t->ncols;) {
		const vb_cell *cell = &row->cells[j];
		int span, w = 0;

		if (!cell->covered && cell->colspan == 0) {
			j++;	/* covered by a span from the left */
			continue;
		}
		span = cell_span(t, r, j);
		if ((size_t)span > t->ncols - j)
			span = (int)(t->ncols - j);
		for (k = j; k < j + (size_t)span; k++)
			w += cols[k];
		cell_write(c, t, row, j, span, w);
		j += (size_t)span;
	}
	dx_end(c->x);
}

/* Writes one body table. */
void
dx_table(dx_ctx *c, const vb_table *t)
{
	int *cols, total = 0;
	size_t i;

	if (t == NULL || t->ncols == 0 || t->nrows == 0)
		return;
	cols = grid_widths(c, t);
	for (i = 0; i < t->ncols; i++)
		total += cols[i];
	dx_start(c->x, "w:tbl");
	table_props(c, total, t->header_rows > 0);
	dx_start(c->x, "w:tblGrid");
	for (i = 0; i < t->ncols; i++) {
		dx_start(c->x, "w:gridCol");
		dx_attri(c->x, "w:w", cols[i]);
		dx_end(c->x);
	}
	dx_end(c->x);
	for (i = 0; i < t->nrows; i++)
		row_write(c, t, i, cols);
	dx_end(c->x);
}

/* Writes one cell margin. */
static void
cell_margin(dx_xml *x, const char *side, int w)
{
	dx_start(x, side);
	dx_attri(x, "w:w", w);
	dx_attr(x, "w:type", "dxa");
	dx_end(x);
}

/* Starts a borderless fixed-layout table with n columns of cols[] twips,
 * cell margins of pad twips left and right, indented by ind twips. */
void
dx_layout_table(dx_ctx *c, const int *cols, size_t n, int pad, int ind)
{
	dx_xml *x = c->x;
	int total = 0;
	size_t i;

	for (i = 0; i < n; i++)
		total += cols[i];
	dx_start(x, "w:tbl");
	dx_start(x, "w:tblPr");
	dx_val(x, "w:tblStyle", DX_ST_FORM_TABLE);
	tbl_width(x, total);
	dx_start(x, "w:tblInd");
	dx_attri(x, "w:w", ind);
	dx_attr(x, "w:type", "dxa");
	dx_end(x);
	dx_start(x, "w:tblLayout");
	dx_attr(x, "w:type", "fixed");
	dx_end(x);
	if (pad > 0) {
		dx_start(x, "w:tblCellMar");
		cell_margin(x, "w:left", pad);
		cell_margin(x, "w:right", pad);
		dx_end(x);
	}
	tbl_look(x, 0);
	dx_end(x);
	dx_start(x, "w:tblGrid");
	for (i = 0; i < n; i++) {
		dx_start(x, "w:gridCol");
		dx_attri(x, "w:w", cols[i]);
		dx_end(x);
	}
	dx_end(x);
}

/* Starts a cell of w twips, aligned to the top. */
void
dx_layout_cell(dx_ctx *c, int w)
{
	dx_start(c->x, "w:tc");
	dx_start(c->x, "w:tcPr");
	dx_start(c->x, "w:tcW");
	dx_attri(c->x, "w:w", w);
	dx_attr(c->x, "w:type", "dxa");
	dx_end(c->x);
	dx_end(c->x);
}
