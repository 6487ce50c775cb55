/* table.c - column widths from content, shared by both renderers. */
#include "table.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

#include "base/text.h"

/* Smallest share of the table width a column gets. */
#define MIN_SHARE 0.05

/* What one column holds, in characters. */
struct colsize {
	double total;		/* characters in all body cells */
	double word;		/* longest word, capped */
	int numeric;		/* 1 while every body cell is a number */
	int filled;		/* body cells with text */
};

/* Returns 1 when s looks like a number ("12", "1.234", "95,5%"). */
static int
is_number(const char *s)
{
	int digits = 0;

	for (; *s; s++) {
		if (isdigit((unsigned char)*s))
			digits++;
		else if (!strchr(".,% -+", *s))
			return 0;
	}
	return digits > 0;
}

/* Adds the characters and words of one line of a cell to cs; returns the
 * number of characters. */
static double
measure_line(const vb_inline *in, struct colsize *cs)
{
	size_t i, chars = 0, word = 0;
	const char *p;

	for (i = 0; i < in->n; i++) {
		if ((p = in->runs[i].text) == NULL)
			continue;
		for (; *p; p++) {
			if (((unsigned char)*p & 0xC0) == 0x80)
				continue;
			chars++;
			if (*p == ' ') {
				if (word > cs->word)
					cs->word = (double)word;
				word = 0;
			} else
				word++;
		}
	}
	if (word > cs->word)
		cs->word = (double)word;
	return (double)chars;
}

/* Measures every cell of column i. */
static void
measure_column(const vb_table *t, size_t i, struct colsize *cs)
{
	size_t r, k;
	const vb_cell *c;
	double chars;
	int body;

	memset(cs, 0, sizeof(*cs));
	cs->numeric = 1;
	for (r = 0; r < t->nrows; r++) {
		c = &t->rows[r].cells[i];
		body = !t->rows[r].header && !t->rows[r].group;
		if (c->colspan != 1 || c->covered)
			continue;	/* spanning cells do not size one column */
		chars = 0;
		for (k = 0; k < c->npara; k++) {
			chars += measure_line(&c->paras[k], cs);
			if (body && c->paras[k].n == 1 && c->paras[k].runs[0].text &&
			    !is_number(c->paras[k].runs[0].text))
				cs->numeric = 0;
		}
		if (body && c->npara) {
			cs->filled++;
			cs->total += chars;
		}
		if (body && c->npara > 1)
			cs->numeric = 0;
	}
	if (cs->word > 18)
		cs->word = 18;
}

/* Returns 1 when column i is headed "TT", "STT" or "Số TT": its numbers
 * are centred, not right-aligned. */
static int
is_tt(const vb_table *t, size_t i)
{
	const vb_cell *c;
	const char *s;

	if (t->header_rows == 0)
		return 0;
	c = &t->rows[0].cells[i];
	if (c->npara != 1 || c->paras[0].n != 1 || (s = c->paras[0].runs[0].text) == NULL)
		return 0;
	return strcmp(s, "TT") == 0 || strcmp(s, "STT") == 0 ||
	    strcmp(s, "Số TT") == 0;
}

void
vb_table_measure(vb_arena *a, vb_table *t)
{
	struct colsize cs;
	double sum = 0, w, avg;
	size_t i, r;

	if (t->ncols == 0)
		return;
	t->width = vb_alloc(a, sizeof(double) * t->ncols);
	for (i = 0; i < t->ncols; i++) {
		measure_column(t, i, &cs);
		/* A column's need grows with the square root of its average
		 * text (long text wraps into more lines), but it must hold its
		 * longest word. */
		avg = cs.filled ? cs.total / cs.filled : 0;
		w = sqrt(avg);
		if (w < (cs.word + 1) / 3)
			w = (cs.word + 1) / 3;
		if (w < 1)
			w = 1;
		t->width[i] = w;
		sum += w;
		if (t->align && t->align[i] == VB_ALIGN_DEFAULT && is_tt(t, i))
			t->align[i] = VB_ALIGN_CENTER;
		else if (cs.numeric && cs.filled > 0 && t->align &&
		    t->align[i] == VB_ALIGN_DEFAULT)
			t->align[i] = VB_ALIGN_RIGHT;
	}
	for (i = 0; i < t->ncols; i++)
		t->width[i] /= sum;
	/* No column narrower than 1/20 of the table: a TT column still fits
	 * two digits at 13 pt. */
	sum = 0;
	for (i = 0; i < t->ncols; i++) {
		if (t->width[i] < MIN_SHARE)
			t->width[i] = MIN_SHARE;
		sum += t->width[i];
	}
	for (i = 0; i < t->ncols; i++)
		t->width[i] /= sum;
	if (t->align)
		for (r = t->header_rows; r < t->nrows; r++)
			for (i = 0; i < t->ncols; i++)
				if (t->rows[r].cells[i].align == VB_ALIGN_DEFAULT &&
				    !t->rows[r].group && !t->rows[r].cells[i].covered &&
				    t->rows[r].cells[i].colspan > 0)
					t->rows[r].cells[i].align = t->align[i];
}

int
vb_part_wants_landscape(const vb_part *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (p->blocks[i].kind == VB_BLOCK_TABLE &&
		    p->blocks[i].table->ncols >= 6)
			return 1;
	return 0;
}
