/* pdf_notes.c - footnotes: laid out once per part, set at the foot of the
 * page whose line refers to them, under a short separator rule. */
#include <string.h>

#include "pdf_int.h"

/* The footnote area as LibreOffice draws it: the separator rule NOTE_RULE
 * pt below the area's top, a quarter of the text width, the notes
 * NOTE_SEP pt below the top. */
#define NOTE_SEP 6.6
#define NOTE_RULE 3.7
#define NOTE_RULE_FRAC 0.25

/* Returns the height of the separator line above a page's footnotes. */
static double
separator_h(const pdf_ctx *c)
{
	(void)c;
	return NOTE_SEP;
}

/* Returns footnote n's text: its mark, a space, its paragraphs joined by
 * line breaks, as one inline in the arena. */
static vb_inline *
note_inline(pdf_ctx *c, const vb_note *n)
{
	vb_inline *in = vb_alloc(c->arena, sizeof(*in));
	size_t i, j, total = 2;

	for (i = 0; i < n->npara; i++)
		total += n->paras[i].n + 1;
	in->runs = vb_alloc(c->arena, total * sizeof(*in->runs));
	in->runs[in->n].kind = VB_RUN_NOTE;
	in->runs[in->n++].note = n->number;
	in->runs[in->n].kind = VB_RUN_TEXT;
	in->runs[in->n++].text = " ";
	for (i = 0; i < n->npara; i++) {
		if (i > 0)
			in->runs[in->n++].kind = VB_RUN_BREAK;
		for (j = 0; j < n->paras[i].n; j++)
			if (n->paras[i].runs[j].kind != VB_RUN_NOTE)
				in->runs[in->n++] = n->paras[i].runs[j];
	}
	return in;
}

/* Lays out every footnote at the current text width. */
void
pdf_notes_prepare(pdf_ctx *c)
{
	pdf_style st = pdf_style_body(c, c->pf->note_pt);
	const vb_note *n;
	size_t i;
	int k;

	pdf_notes_free(c);
	st.justify = 1;
	c->nnotes = 0;
	for (i = 0; i < c->doc->nnotes; i++)
		if (c->doc->notes[i].number > (int)c->nnotes)
			c->nnotes = (size_t)c->doc->notes[i].number;
	if (c->nnotes == 0)
		return;
	c->notes = vb_alloc(c->arena, c->nnotes * sizeof(*c->notes));
	for (i = 0; i < c->doc->nnotes; i++) {
		n = &c->doc->notes[i];
		k = n->number - 1;
		if (k >= 0 && c->notes[k] == NULL)
			c->notes[k] = pdf_para_new(c, &st, NULL,
			    note_inline(c, n));
	}
}

/* Frees the laid-out footnotes. */
void
pdf_notes_free(pdf_ctx *c)
{
	size_t i;

	for (i = 0; i < c->nnotes; i++)
		pdf_para_free(c->notes[i]);
	c->nnotes = 0;
	c->notes = NULL;
}

/* Returns 1 when footnote n is already on the current page. */
static int
on_page(const pdf_ctx *c, int n)
{
	size_t i;

	for (i = 0; i < c->npnotes; i++)
		if (c->pnotes[i] == n)
			return 1;
	return 0;
}

/* Returns the extra height footnote number n adds to the current page. */
double
pdf_notes_extra(const pdf_ctx *c, int n, double have)
{
	double h;

	if (n < 1 || (size_t)n > c->nnotes || c->notes[n - 1] == NULL ||
	    on_page(c, n))
		return 0;
	h = pdf_para_height(c->notes[n - 1]);
	if (have <= 0)
		h += separator_h(c);
	return h;
}

/* Records footnote n as on the current page. */
void
pdf_notes_add(pdf_ctx *c, int n)
{
	double h = pdf_notes_extra(c, n, c->notes_h);

	if (h <= 0)
		return;
	c->notes_h += h;
	c->pnotes = vb_grow(c->arena, c->pnotes, c->npnotes + 1,
	    sizeof(*c->pnotes), &c->cpnotes);
	c->pnotes[c->npnotes++] = n;
}

/* Draws the current page's footnotes at its foot and forgets them. */
void
pdf_notes_draw(pdf_ctx *c)
{
	double y = c->bottom - c->notes_h, w;
	size_t i;

	if (c->npnotes == 0)
		return;
	w = c->width * NOTE_RULE_FRAC;
	pdf_rule(c, c->left + w / 2, y + NOTE_RULE, w, 0.5);
	y += separator_h(c);
	for (i = 0; i < c->npnotes; i++)
		y += pdf_para_draw(c, c->notes[c->pnotes[i] - 1], c->left, y);
	c->npnotes = 0;
	c->notes_h = 0;
}
