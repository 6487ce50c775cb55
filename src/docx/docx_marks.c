/* docx_marks.c - the marks of the position scheme (nd30.md §2.1) in the
 * DOCX: secrecy and urgency (ô 10a, 10b) framed under "Số" in the header's
 * left column; the draft mark and the circulation note (ô 11) framed in
 * the top margin of page 1 (the first-page header); the drafter's initials
 * and copies (ô 12) after the "Lưu" line; the agency's address (ô 13) in
 * the first-page footer under a full-width rule. A frame is a paragraph
 * border whose indents make it as wide as the stamp; the PDF renderer
 * (pdf_marks.c) draws the same frames at the same places. */
#include "docx_int.h"

#include <string.h>

/* Where the circulation note starts, as a share of the text width (the
 * decree's diagram: x ≈ 0.58–0.85). */
#define CIRCULATION_X 0.58

/* Writes one side of a paragraph border, space pt from the text. */
static void
border(dx_ctx *c, const char *side, int eighths, int space)
{
	dx_start(c->x, side);
	dx_attr(c->x, "w:val", "single");
	dx_attri(c->x, "w:sz", eighths);
	dx_attri(c->x, "w:space", space);
	dx_attr(c->x, "w:color", "000000");
	dx_end(c->x);
}

/* Writes a paragraph in style id holding text in a frame left tw from the
 * left of a box avail tw wide, least_mm wide at least (0: as the text). */
static void
framed(dx_ctx *c, const char *id, const char *text, int left, int avail,
    double least_mm)
{
	const vb_profile *p = c->p;
	int pad = (int)p->mark_pad_pt, vpad = (int)vb_mark_vpad_pt(p);
	int sz = (int)(p->frame_pt * 8 + 0.5), fw = DX_PT_TW(p->frame_pt);
	double tw = dx_text_width_pt(text, p->mark_pt, VB_BOLD);
	int w = DX_PT_TW(vb_mark_width_pt(p, tw, least_mm, avail / 20.0));

	if (left + w > avail)
		left = avail - w;
	if (left < 0)
		left = 0;
	dx_start(c->x, "w:p");
	dx_start(c->x, "w:pPr");
	dx_val(c->x, "w:pStyle", id);
	dx_start(c->x, "w:pBdr");
	border(c, "w:top", sz, vpad);
	border(c, "w:left", sz, pad);
	border(c, "w:bottom", sz, vpad);
	border(c, "w:right", sz, pad);
	dx_end(c->x);
	dx_start(c->x, "w:ind");
	dx_attri(c->x, "w:left", left + fw + DX_PT_TW(pad));
	dx_attri(c->x, "w:right", avail - left - w + fw + DX_PT_TW(pad));
	dx_attri(c->x, "w:firstLine", 0);
	dx_end(c->x);
	dx_val(c->x, "w:jc", "center");
	dx_end(c->x);
	dx_run(c, text, 0, NULL);
	dx_end(c->x);
}

/* Writes the secrecy and urgency marks (ô 10a, 10b) in the header's left
 * cell, w tw wide, at the left edge of the text (shift tw in from the
 * cell's edge when the header reaches into the margin). */
void
dx_marks_left(dx_ctx *c, int w, int shift)
{
	const vb_marks *m = &c->doc->marks;

	if (m->secrecy != NULL)
		framed(c, DX_ST_MARK, m->secrecy, shift, w, 0);
	if (m->urgency != NULL)
		framed(c, DX_ST_MARK, m->urgency, shift, w, m->urgency_w_mm);
}

/* Returns 1 when page 1 has its own header: a draft mark or ô 11. */
int
dx_marks_has_header(const vb_document *doc)
{
	return doc->marks.draft != NULL || doc->marks.circulation != NULL;
}

/* Returns 1 when page 1 has the agency's footer (ô 13). */
int
dx_marks_has_footer(const vb_document *doc)
{
	return doc->marks.nfooter > 0;
}

/* Writes word/header3.xml, page 1's header: the draft mark at the left,
 * the circulation note from CIRCULATION_X of the text width; returns 0 or
 * -1. */
int
dx_marks_header_write(dx_ctx *c, vb_buf *out)
{
	const vb_marks *m = &c->doc->marks;
	int text = DX_MM_TW(vb_profile_text_width_mm(c->p));
	dx_xml x;

	if (dx_open(&x) < 0)
		return -1;
	c->x = &x;
	dx_start(&x, "w:hdr");
	dx_attr(&x, "xmlns:w", DX_NS_W);
	if (m->draft != NULL && m->circulation != NULL) {
		/* both on one line: a borderless table of two cells */
		int cols[2];

		cols[0] = (int)(text * CIRCULATION_X);
		cols[1] = text - cols[0];
		dx_layout_table(c, cols, 2, 0, 0);
		dx_start(&x, "w:tr");
		dx_layout_cell(c, cols[0]);
		framed(c, DX_ST_DRAFT, m->draft, 0, cols[0], 0);
		dx_end(&x);
		dx_layout_cell(c, cols[1]);
		framed(c, DX_ST_CIRCULATION, m->circulation, 0, cols[1], 0);
		dx_end(&x);
		dx_end(&x);
		dx_end(&x);
		dx_start(&x, "w:p");	/* a header ends with a paragraph */
		dx_start(&x, "w:pPr");
		dx_val(&x, "w:pStyle", DX_ST_HEADER);
		dx_start(&x, "w:spacing");
		dx_attri(&x, "w:line", 20);
		dx_attr(&x, "w:lineRule", "exact");
		dx_end(&x);
		dx_end(&x);
		dx_end(&x);
	} else if (m->draft != NULL)
		framed(c, DX_ST_DRAFT, m->draft, 0, text, 0);
	else if (m->circulation != NULL)
		framed(c, DX_ST_CIRCULATION, m->circulation,
		    (int)(text * CIRCULATION_X), text, 0);
	dx_end(&x);
	c->x = NULL;
	return dx_close(&x, out);
}

/* Writes a footer part: page 1's (ô 13: a full-width rule, then the
 * address lines) or, when empty, the one of every other first page;
 * returns 0 or -1. */
int
dx_marks_footer_write(dx_ctx *c, vb_buf *out, int empty)
{
	const vb_marks *m = &c->doc->marks;
	int sz = (int)(c->p->rule_pt * 8 + 0.5);
	size_t i;
	dx_xml x;

	if (dx_open(&x) < 0)
		return -1;
	c->x = &x;
	dx_start(&x, "w:ftr");
	dx_attr(&x, "xmlns:w", DX_NS_W);
	for (i = 0; !empty && i < m->nfooter; i++) {
		dx_start(&x, "w:p");
		dx_start(&x, "w:pPr");
		dx_val(&x, "w:pStyle", DX_ST_ADDRESS);
		if (i == 0) {
			dx_start(&x, "w:pBdr");
			border(c, "w:top", sz, 1);
			dx_end(&x);
		}
		dx_end(&x);
		dx_run(c, m->footer[i], 0, NULL);
		dx_end(&x);
	}
	if (empty || m->nfooter == 0) {
		dx_start(&x, "w:p");
		dx_start(&x, "w:pPr");
		dx_val(&x, "w:pStyle", DX_ST_FOOTER);
		dx_end(&x);
		dx_end(&x);
	}
	dx_end(&x);
	c->x = NULL;
	return dx_close(&x, out);
}

/* Writes ô 12, the drafter's initials and copies, after the "Lưu" line. */
void
dx_marks_drafter(dx_ctx *c)
{
	if (c->doc->marks.drafter != NULL)
		dx_para_styled(c, DX_ST_DRAFTER, c->doc->marks.drafter);
}
