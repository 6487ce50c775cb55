/* table_md.c - a vb_table written back as a GitHub Markdown pipe table, so
 * a clerk can paste a spreadsheet into a document or see what vanban read. */
#include "sheet.h"

#include <string.h>

/* Appends s[0..len) with the characters Markdown would read as syntax
 * backslash-escaped; returns 0 or -1. */
static int
put_escaped(vb_buf *b, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (strchr("\\|*_`<", s[i]) != NULL && s[i] != '\0' &&
		    vb_buf_putc(b, '\\') < 0)
			return -1;
		if (vb_buf_putc(b, s[i]) < 0)
			return -1;
	}
	return 0;
}

/* Appends one run; drop removes style bits (bold in a heading). The
 * markers hug the text: blanks at the run's ends stay outside them.
 * Returns 0 or -1. */
static int
put_run(vb_buf *b, const vb_run *r, unsigned drop)
{
	unsigned st = r->style & ~drop;
	const char *mark = (st & VB_BOLD) && (st & VB_ITALIC) ? "***" :
	    (st & VB_BOLD) ? "**" : (st & VB_ITALIC) ? "*" : "";
	const char *s = r->text;
	size_t len, lead, trail;

	if (r->kind != VB_RUN_TEXT || s == NULL)
		return r->kind == VB_RUN_BREAK ? vb_buf_puts(b, "<br>") : 0;
	len = strlen(s);
	for (lead = 0; lead < len && s[lead] == ' '; lead++)
		;
	for (trail = 0; trail < len - lead && s[len - 1 - trail] == ' ';
	    trail++)
		;
	if (lead == len || *mark == '\0')
		return put_escaped(b, s, len);
	if (vb_buf_put(b, s, lead) < 0 || vb_buf_puts(b, mark) < 0 ||
	    put_escaped(b, s + lead, len - lead - trail) < 0 ||
	    vb_buf_puts(b, mark) < 0)
		return -1;
	return vb_buf_put(b, s + len - trail, trail);
}

/* Appends the runs of one line, neighbours of the same style written as
 * one (so that "**III. Công tác**" is not split); returns 0 or -1. */
static int
put_line(vb_buf *b, const vb_inline *p, unsigned drop)
{
	vb_buf text = { 0 };
	vb_run joined;
	size_t j, k;
	int r = 0;

	for (j = 0; j < p->n && r == 0; j = k) {
		if (p->runs[j].kind != VB_RUN_TEXT || p->runs[j].text == NULL) {
			r = put_run(b, &p->runs[j], drop);
			k = j + 1;
			continue;
		}
		vb_buf_reset(&text);
		for (k = j; k < p->n && p->runs[k].kind == VB_RUN_TEXT &&
		    p->runs[k].text != NULL &&
		    p->runs[k].style == p->runs[j].style; k++)
			r |= vb_buf_puts(&text, p->runs[k].text);
		joined = p->runs[j];
		joined.text = text.data ? text.data : "";
		if (r == 0)
			r = put_run(b, &joined, drop);
	}
	vb_buf_free(&text);
	return r;
}

/* Appends the lines of cell c joined by <br>; returns 0 or -1. */
static int
put_cell(vb_buf *b, const vb_cell *c, unsigned drop)
{
	size_t i;

	for (i = 0; i < c->npara; i++)
		if ((i > 0 && vb_buf_puts(b, "<br>") < 0) ||
		    put_line(b, &c->paras[i], drop) < 0)
			return -1;
	return 0;
}

/* Returns the cell whose span covers column col of row r (itself when it
 * is not covered), looking left along the row and up the rows. */
static const vb_cell *
origin(const vb_table *t, size_t r, size_t col)
{
	size_t c = col;

	for (;;) {
		while (c > 0 && t->rows[r].cells[c].colspan == 0)
			c--;
		if (!t->rows[r].cells[c].covered || r == 0)
			return &t->rows[r].cells[c];
		r--;
	}
}

/* Appends the heading of column col: the texts of the heading rows
 * covering it, top to bottom, each once, joined by <br>. Returns 0 or -1. */
static int
put_heading(vb_buf *b, const vb_table *t, size_t col)
{
	const vb_cell *c, *last = NULL;
	size_t r;

	for (r = 0; r < t->header_rows; r++) {
		c = origin(t, r, col);
		if (c == last || c->npara == 0)
			continue;
		if (last != NULL && vb_buf_puts(b, "<br>") < 0)
			return -1;
		if (put_cell(b, c, VB_BOLD) < 0)
			return -1;
		last = c;
	}
	return 0;
}

/* Returns the delimiter cell of alignment al. */
static const char *
delimiter(vb_align al)
{
	switch (al) {
	case VB_ALIGN_LEFT:
		return ":---";
	case VB_ALIGN_CENTER:
		return ":---:";
	case VB_ALIGN_RIGHT:
		return "---:";
	default:
		return "---";
	}
}

int
vb_table_to_markdown(const vb_table *t, vb_buf *out)
{
	size_t r, c;
	const vb_cell *x;

	if (t->ncols == 0)
		return 0;
	for (c = 0; c < t->ncols; c++)
		if (vb_buf_puts(out, "| ") < 0 || put_heading(out, t, c) < 0 ||
		    vb_buf_puts(out, " ") < 0)
			return -1;
	if (vb_buf_puts(out, "|\n") < 0)
		return -1;
	for (c = 0; c < t->ncols; c++)
		if (vb_buf_printf(out, "| %s ", delimiter(t->align ?
		    t->align[c] : VB_ALIGN_DEFAULT)) < 0)
			return -1;
	if (vb_buf_puts(out, "|\n") < 0)
		return -1;
	for (r = t->header_rows; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			x = &t->rows[r].cells[c];
			if (vb_buf_puts(out, "| ") < 0 || (!x->covered &&
			    x->colspan > 0 && put_cell(out, x, 0) < 0) ||
			    vb_buf_puts(out, " ") < 0)
				return -1;
		}
		if (vb_buf_puts(out, "|\n") < 0)
			return -1;
	}
	return 0;
}
