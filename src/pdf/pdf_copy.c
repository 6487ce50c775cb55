/* pdf_copy.c - the parts of a copy (bản sao, nd30.md §2.7) after the
 * copied text, as the DOCX renderer (docx_copy.c) sets them: a rule
 * across the text width; the copying agency (with its short rule) and
 * "Số: …/SY-…" on the left, the form of copy and the place and date on
 * the right; then "Nơi nhận" beside the signer's titles and room to sign,
 * and the signer's name. Kept whole on one page. */
#include <string.h>

#include "pdf_int.h"

/* Space above "Số" and the date, and above both signature columns (their
 * styles' 6 pt). */
#define ROW_GAP 6.0

/* The copy's parts laid out, positions from the top of the drawn line. */
typedef struct copy_lay {
	pdf_para *parent;	/* copying agency's parent, or NULL */
	pdf_para *issuer;	/* copying agency */
	pdf_para *form;		/* "SAO Y" */
	pdf_para *so;		/* "Số: 07/SY-…" */
	pdf_para *date;		/* place and date */
	pdf_para *label;	/* "Nơi nhận:" */
	pdf_para **to;		/* its lines */
	size_t nto;		/* their number */
	pdf_para **lines;	/* signer's titles */
	size_t nlines;		/* their number */
	pdf_para *name;		/* signer's name */
	double wl;		/* left column of the heading rows */
	double wr;		/* right column */
	double sl;		/* "Nơi nhận" column */
	double sr;		/* signer's column */
	double rule;		/* length of the rule under the agency */
	double rule_y;		/* its top */
	double row2;		/* top of "Số" and the date */
	double sign_y;		/* top of the signature columns */
	double name_y;		/* top of the name */
	double h;		/* total height */
} copy_lay;

/* Returns size, or least when s does not fit w at size but does at least
 * (the header's rule, which the DOCX styles share). */
static double
fitted(pdf_ctx *c, const char *s, double size, double least, unsigned style,
    double w)
{
	if (s == NULL || least >= size ||
	    pdf_text_width(c, s, size, style) * 1.01 <= w)
		return size;
	return pdf_text_width(c, s, least, style) * 1.01 <= w ? least : size;
}

/* Returns the height of p, 0 for NULL. */
static double
ht(const pdf_para *p)
{
	return p != NULL ? pdf_para_height(p) : 0;
}

/* Lays out the copy's parts in l. */
static void
layout(pdf_ctx *c, const vb_copy *cp, copy_lay *l)
{
	const vb_profile *pf = c->pf;
	const vb_header *hd = &c->doc->header;
	double hl = VB_MM_TO_PT(pf->header_left_mm);
	double ppt = fitted(c, hd->parent, pf->agency_pt, VB_MIN_AGENCY_PT, 0,
	    hl);
	double ipt = fitted(c, hd->issuer, pf->agency_pt, VB_MIN_AGENCY_PT,
	    VB_BOLD, hl);
	double dpt = fitted(c, hd->place_date, pf->place_date_pt,
	    VB_MIN_PLACE_PT, VB_ITALIC, VB_MM_TO_PT(pf->header_right_mm));
	double left, right;
	size_t i;

	l->wl = c->width * 0.4;
	l->wr = c->width - l->wl;
	if (cp->parent != NULL && *cp->parent != '\0')
		l->parent = pdf_para_plain(c, ppt, 0, l->wl, 1, cp->parent);
	l->issuer = pdf_para_plain(c, ipt, VB_BOLD, l->wl, 1, cp->issuer);
	l->rule = pdf_rule_width(pdf_text_width(c, cp->issuer, ipt, VB_BOLD),
	    l->wl);
	l->rule_y = ht(l->parent) + ht(l->issuer) + PDF_RULE_LINE +
	    pf->rule_pt / 2;
	l->form = pdf_para_plain(c, pf->subject_pt, VB_BOLD, l->wr, 1,
	    cp->form);
	left = l->rule_y + pf->rule_pt / 2;
	l->row2 = left > ht(l->form) ? left : ht(l->form);
	l->so = pdf_para_plain(c, pf->number_pt, 0, l->wl, 1, cp->number_line);
	l->date = pdf_para_plain(c, dpt, VB_ITALIC, l->wr, 1, cp->place_date);
	l->sign_y = l->row2 + ROW_GAP + (ht(l->so) > ht(l->date) ?
	    ht(l->so) : ht(l->date));
	l->sl = c->width * pf->sign_left_frac;
	l->sr = c->width - l->sl;
	l->label = pdf_para_plain(c, pf->noi_nhan_label_pt,
	    VB_BOLD | VB_ITALIC, l->sl, 0, "Nơi nhận:");
	l->to = vb_alloc(c->arena, (cp->nrecipients + 1) * sizeof(*l->to));
	left = ht(l->label);
	for (i = 0; i < cp->nrecipients; i++) {
		l->to[l->nto] = pdf_sign_recipient(c, l->sl, cp->recipients[i]);
		left += ht(l->to[l->nto++]);
	}
	l->lines = vb_alloc(c->arena, (cp->sign.nlines + 1) * sizeof(*l->lines));
	right = VB_MM_TO_PT(pf->sign_space_mm);
	for (i = 0; i < cp->sign.nlines; i++) {
		l->lines[l->nlines] = pdf_para_plain(c, pf->sign_pt,
		    VB_BOLD, l->sr, 1, cp->sign.lines[i]);
		right += ht(l->lines[l->nlines++]);
	}
	l->name = pdf_para_plain(c, pf->sign_pt, VB_BOLD, l->sr, 1,
	    cp->sign.name);
	l->name_y = l->sign_y + ROW_GAP + (left > right ? left : right);
	l->h = l->name_y + ht(l->name);
}

/* Draws p (if any) at (x, y); returns its height. */
static double
put(pdf_ctx *c, const pdf_para *p, double x, double y)
{
	return p != NULL ? pdf_para_draw(c, p, x, y) : 0;
}

/* Draws the copy's parts with their top at y. */
static void
draw_copy(pdf_ctx *c, const pdf_line *line, double x, double y)
{
	const copy_lay *l = line->data;
	double ly, ry;
	size_t i;

	x = c->left;
	ly = y + put(c, l->parent, x, y);
	put(c, l->issuer, x, ly);
	pdf_rule(c, x + l->wl / 2, y + l->rule_y, l->rule, c->pf->rule_pt);
	put(c, l->form, x + l->wl, y);
	put(c, l->so, x, y + l->row2 + ROW_GAP);
	put(c, l->date, x + l->wl, y + l->row2 + ROW_GAP);
	ly = ry = y + l->sign_y + ROW_GAP;
	ly += put(c, l->label, x, ly);
	for (i = 0; i < l->nto; i++)
		ly += put(c, l->to[i], x, ly);
	for (i = 0; i < l->nlines; i++)
		ry += put(c, l->lines[i], x + l->sl, ry);
	put(c, l->name, x + l->sl, y + l->name_y);
}

/* Queues the parts of a copy after the copied text, when doc->copy. */
void
pdf_copy(pdf_ctx *c)
{
	const vb_copy *cp = c->doc->copy;
	copy_lay *l;
	pdf_box *b;
	pdf_line *line;
	size_t i;

	if (cp == NULL)
		return;
	l = vb_alloc(c->arena, sizeof(*l));
	memset(l, 0, sizeof(*l));
	layout(c, cp, l);
	b = pdf_box_new(c);
	pdf_box_rule(c, b, c->width, c->pf->para_space_pt);
	line = pdf_box_line(c, b, l->h);
	line->draw = draw_copy;
	line->data = l;
	b->min_first = b->min_last = b->n;
	pdf_box_own(c, b, l->issuer->layout);
	pdf_box_own(c, b, l->form->layout);
	pdf_box_own(c, b, l->so->layout);
	pdf_box_own(c, b, l->date->layout);
	pdf_box_own(c, b, l->label->layout);
	pdf_box_own(c, b, l->name->layout);
	if (l->parent != NULL)
		pdf_box_own(c, b, l->parent->layout);
	for (i = 0; i < l->nto; i++)
		pdf_box_own(c, b, l->to[i]->layout);
	for (i = 0; i < l->nlines; i++)
		pdf_box_own(c, b, l->lines[i]->layout);
	pdf_flow_push(c, b);
}
