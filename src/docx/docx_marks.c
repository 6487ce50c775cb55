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
border(dx_xml *x, const char *side, int eighths, int space)
{
	dx_start(x, side);
	dx_attr(x, "w:val", "single");
	dx_attri(x, "w:sz", eighths);
	dx_attri(x, "w:space", space);
	dx_attr(x, "w:color", "000000");
	dx_end(x);
}

/* Writes the w:pBdr of a mark's frame (in its style). */
void
dx_marks_frame_border(const dx_ctx *c)
{
	const vb_profile *p = c->p;
	int sz = (int)(p->frame_pt * 8 + 0.5), pad = (int)p->mark_pad_pt;
	int vpad = (int)vb_mark_vpad_pt(p);

	dx_start(c->x, "w:pBdr");
	border(c->x, "w:top", sz, vpad);
	border(c->x, "w:left", sz, pad);
	border(c->x, "w:bottom", sz, vpad);
	border(c->x, "w:right", sz, pad);
	dx_end(c->x);
}

/* Sets the indents that make a paragraph's frame around text as wide as
 * the stamp (least_mm at least), starting left tw into a box avail tw
 * wide (moved left when it would not fit). */
static void
frame_ind(const dx_ctx *c, const char *text, int left, int avail,
    double least_mm, int *il, int *ir)
{
	const vb_profile *p = c->p;
	int fw = DX_PT_TW(p->frame_pt), pad = DX_PT_TW((int)p->mark_pad_pt);
	double tw = dx_text_width_pt(text, p->mark_pt, VB_BOLD);
	int w = DX_PT_TW(vb_mark_width_pt(p, tw, least_mm, avail / 20.0));

	if (left + w > avail)
		left = avail - w;
	if (left < 0)
		left = 0;
	*il = left + fw + pad;
	*ir = avail - left - w + fw + pad;
}

/* Returns the width of the header's left column and sets *shift to how
 * far the text's left edge is inside it (the table reaches into the
 * margin when its columns are wider than the text). */
static int
number_cell(const dx_ctx *c, int *shift)
{
	int l = DX_MM_TW(c->p->header_left_mm), r = DX_MM_TW(c->p->header_right_mm);
	int over = l + r - DX_MM_TW(vb_profile_text_width_mm(c->p));

	*shift = over > 0 ? over : 0;
	return l;
}

int
dx_marks_frame_ind(const dx_ctx *c, const char *id, int *left, int *right)
{
	const vb_marks *m = &c->doc->marks;
	int text = DX_MM_TW(vb_profile_text_width_mm(c->p)), shift, w;
	int both = m->draft != NULL && m->circulation != NULL;
	int split = (int)(text * CIRCULATION_X);

	if (strcmp(id, DX_ST_SECRECY) == 0 && m->secrecy != NULL) {
		w = number_cell(c, &shift);
		frame_ind(c, m->secrecy, shift, w, 0, left, right);
	} else if (strcmp(id, DX_ST_URGENCY) == 0 && m->urgency != NULL) {
		w = number_cell(c, &shift);
		frame_ind(c, m->urgency, shift, w, m->urgency_w_mm, left,
		    right);
	} else if (strcmp(id, DX_ST_DRAFT) == 0 && m->draft != NULL)
		frame_ind(c, m->draft, 0, both ? split : text, 0, left, right);
	else if (strcmp(id, DX_ST_CIRCULATION) == 0 && m->circulation != NULL)
		frame_ind(c, m->circulation, both ? 0 : split, both ?
		    text - split : text, 0, left, right);
	else
		return 0;
	return 1;
}

/* Writes a paragraph in frame style id holding text: the style frames
 * it, the stamp's size and place are in the style's indents. */
static void
framed(dx_ctx *c, const char *id, const char *text)
{
	dx_para_styled(c, id, text);
}

/* Writes the secrecy and urgency marks (ô 10a, 10b) in the header's left
 * cell (their styles set them at the text's left edge). */
void
dx_marks_left(dx_ctx *c, int w, int shift)
{
	const vb_marks *m = &c->doc->marks;

	(void)w;
	(void)shift;
	if (m->secrecy != NULL)
		framed(c, DX_ST_SECRECY, m->secrecy);
	if (m->urgency != NULL)
		framed(c, DX_ST_URGENCY, m->urgency);
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
		framed(c, DX_ST_DRAFT, m->draft);
		dx_end(&x);
		dx_layout_cell(c, cols[1]);
		framed(c, DX_ST_CIRCULATION, m->circulation);
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
		framed(c, DX_ST_DRAFT, m->draft);
	else if (m->circulation != NULL)
		framed(c, DX_ST_CIRCULATION, m->circulation);
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
			border(&x, "w:top", sz, 1);
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
