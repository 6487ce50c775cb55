/* pdf_marks.c - the marks of the position scheme (nd30.md §2.1) in the
 * PDF, where and as the DOCX renderer (docx_marks.c) puts them: secrecy
 * and urgency framed under "Số" at the text's left edge (ô 10a, 10b); the
 * draft mark and the circulation note framed in page 1's top margin
 * (ô 11); the drafter's initials after "Lưu" (ô 12); the agency's address
 * at the foot of page 1 under a full-width rule (ô 13). */
#include "pdf_int.h"

/* Where the circulation note starts, as a share of the text width. */
#define CIRCULATION_X 0.58
/* Space above a secrecy or urgency mark (its style's 6 pt). */
#define MARK_BEFORE 6.0
/* Space between the footer's rule and its first line (the border's). */
#define FOOTER_RULE_SPACE 1.0

/* Returns the height of a framed mark: frame, space, line, space, frame. */
static double
frame_height(const pdf_ctx *c)
{
	return 2 * c->pf->frame_pt + 2 * vb_mark_vpad_pt(c->pf) +
	    VB_SINGLE_LINE_FACTOR * c->pf->mark_pt;
}

/* Draws text framed, the frame's top at y, left + its width not past
 * x + avail (its left edge at x + left). */
static void
framed(pdf_ctx *c, const char *text, double x, double left, double avail,
    double y, double least_mm)
{
	const vb_profile *pf = c->pf;
	pdf_style st = pdf_style_body(c, pf->mark_pt);
	double tw = pdf_text_width(c, text, pf->mark_pt, VB_BOLD);
	double w = vb_mark_width_pt(pf, tw, least_mm, avail);
	double h = frame_height(c), inner;
	pdf_para *p;

	if (left + w > avail)
		left = avail - w;
	if (left < 0)
		left = 0;
	inner = w - 2 * (pf->frame_pt + pf->mark_pad_pt);
	st.style = VB_BOLD;
	st.align = PANGO_ALIGN_CENTER;
	st.width = inner > tw ? inner : tw;
	p = pdf_para_text(c, &st, text);
	pdf_para_draw(c, p, x + left + pf->frame_pt + pf->mark_pad_pt,
	    y + pf->frame_pt + vb_mark_vpad_pt(pf));
	pdf_para_free(p);
	cairo_save(c->cr);
	cairo_set_source_rgb(c->cr, 0, 0, 0);
	cairo_set_line_width(c->cr, pf->frame_pt);
	cairo_rectangle(c->cr, x + left + pf->frame_pt / 2,
	    y + pf->frame_pt / 2, w - pf->frame_pt, h - pf->frame_pt);
	cairo_stroke(c->cr);
	cairo_restore(c->cr);
}

/* Returns the height the secrecy and urgency marks take under "Số". */
double
pdf_marks_left_height(const pdf_ctx *c)
{
	const vb_marks *m = &c->doc->marks;
	double h = 0;

	if (m->secrecy != NULL)
		h += MARK_BEFORE + frame_height(c);
	if (m->urgency != NULL)
		h += MARK_BEFORE + frame_height(c);
	return h;
}

/* Draws the secrecy and urgency marks from y down, at the text's left
 * edge x, in a column avail wide. */
void
pdf_marks_left_draw(pdf_ctx *c, double x, double y, double avail)
{
	const vb_marks *m = &c->doc->marks;

	if (m->secrecy != NULL) {
		y += MARK_BEFORE;
		framed(c, m->secrecy, x, 0, avail, y, 0);
		y += frame_height(c);
	}
	if (m->urgency != NULL) {
		y += MARK_BEFORE;
		framed(c, m->urgency, x, 0, avail, y, m->urgency_w_mm);
	}
}

/* Returns the height of the footer of page 1 (ô 13), 0 when none, laying
 * its lines out in *paras when paras is not NULL. */
static double
footer(pdf_ctx *c, pdf_para **paras)
{
	const vb_marks *m = &c->doc->marks;
	pdf_style st = pdf_style_body(c, c->pf->footer_pt);
	double h = 0;
	size_t i;
	pdf_para *p;

	if (m->nfooter == 0)
		return 0;
	st.align = PANGO_ALIGN_CENTER;
	for (i = 0; i < m->nfooter; i++) {
		p = pdf_para_text(c, &st, m->footer[i]);
		h += pdf_para_height(p);
		if (paras != NULL)
			paras[i] = p;
		else
			pdf_para_free(p);
	}
	return h + c->pf->rule_pt + FOOTER_RULE_SPACE;
}

/* Draws page 1's own marks: the draft mark and the circulation note in
 * the top margin, from half-way down it (the header's place), moving the
 * body's top down when they reach below the margin; the footer (ô 13) at
 * the foot, under a full-width rule, moving the body's foot up when it is
 * taller than the bottom margin's lower half. */
void
pdf_marks_page1(pdf_ctx *c)
{
	const vb_marks *m = &c->doc->marks;
	const vb_profile *pf = c->pf;
	double y = VB_MM_TO_PT(pf->margin_top_mm) / 2, fh, fy;
	pdf_para *lines[4];
	size_t i;

	if (m->draft != NULL && m->circulation != NULL) {
		/* one line: the DOCX's two-cell table, then its 1 pt paragraph */
		framed(c, m->draft, c->left, 0, c->width * CIRCULATION_X, y, 0);
		framed(c, m->circulation, c->left + c->width * CIRCULATION_X, 0,
		    c->width * (1 - CIRCULATION_X), y, 0);
		y += frame_height(c) + 1;
	} else if (m->draft != NULL) {
		framed(c, m->draft, c->left, 0, c->width, y, 0);
		y += frame_height(c);
	} else if (m->circulation != NULL) {
		framed(c, m->circulation, c->left, c->width * CIRCULATION_X,
		    c->width, y, 0);
		y += frame_height(c);
	}
	if (y > c->y)
		c->y = y;
	if ((fh = footer(c, NULL)) <= 0 || m->nfooter > 4)
		return;
	fy = c->ph - VB_MM_TO_PT(pf->margin_bottom_mm) / 2 - fh;
	if (fy < c->bottom)
		c->bottom = fy;
	footer(c, lines);
	pdf_rule(c, c->left + c->width / 2, fy + pf->rule_pt / 2, c->width,
	    pf->rule_pt);
	fy += pf->rule_pt + FOOTER_RULE_SPACE;
	for (i = 0; i < m->nfooter; i++) {
		fy += pdf_para_draw(c, lines[i], c->left, fy);
		pdf_para_free(lines[i]);
	}
}

/* Returns the drafter's line (ô 12) set flush right in width w, or NULL. */
pdf_para *
pdf_marks_drafter(pdf_ctx *c, double w)
{
	pdf_style st = pdf_style_body(c, c->pf->noi_nhan_pt);

	if (c->doc->marks.drafter == NULL)
		return NULL;
	st.width = w;
	st.align = PANGO_ALIGN_RIGHT;
	return pdf_para_text(c, &st, c->doc->marks.drafter);
}
