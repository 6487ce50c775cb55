/* docx_sign.c - the signature block after the body: a borderless table,
 * "Nơi nhận" and its list on the left, the signer's authority lines, room
 * for signature and seal, and the name on the right. The row never splits
 * across pages. */
#include "docx_int.h"

/* Space before the first line of both cells, so "Nơi nhận:" and the first
 * authority line sit level. */
#define SIGN_BEFORE_PT 6

/* Writes the left cell: "Nơi nhận:" and the recipient lines. */
static void
recipients_cell(dx_ctx *c, int w)
{
	const vb_document *doc = c->doc;
	const vb_profile *p = c->p;
	dx_ppr pp = dx_ppr_init();
	int hang = DX_PT_TW(dx_text_width_pt("- ", p->noi_nhan_pt, 0));
	size_t i;

	dx_layout_cell(c, w);
	pp.before = DX_PT_TW(SIGN_BEFORE_PT);
	pp.jc = "left";
	dx_para_text(c, &pp, doc->noi_nhan_label != NULL ?
	    doc->noi_nhan_label : "Nơi nhận:", VB_BOLD | VB_ITALIC,
	    VB_PT_TO_HALF(p->noi_nhan_label_pt));
	pp.before = -1;
	pp.ind = 1;
	pp.left = hang;
	pp.first = -hang;
	for (i = 0; i < doc->nrecipients; i++)
		dx_para_text(c, &pp, doc->recipients[i], 0,
		    VB_PT_TO_HALF(p->noi_nhan_pt));
	if (doc->nrecipients == 0) {
		pp.ind = 0;
		dx_para_text(c, &pp, NULL, 0, 0);
	}
	dx_end(c->x);
}

/* Writes the right cell: authority lines, blank room, the signer's name. */
static void
signer_cell(dx_ctx *c, int w)
{
	const vb_signature *s = &c->doc->sign;
	const vb_profile *p = c->p;
	int half = VB_PT_TO_HALF(p->sign_pt);
	dx_ppr pp = dx_ppr_init();
	dx_ppr room = dx_ppr_init();
	size_t i;

	dx_layout_cell(c, w);
	pp.style = "VBHeaderBlock";
	pp.keep_next = 1;
	pp.before = DX_PT_TW(SIGN_BEFORE_PT);
	for (i = 0; i < s->nlines; i++) {
		dx_para_text(c, &pp, s->lines[i], VB_BOLD, half);
		pp.before = -1;
	}
	room.style = "VBHeaderBlock";
	room.keep_next = 1;
	room.line = DX_MM_TW(p->sign_space_mm);
	room.exact = 1;
	dx_para_text(c, &room, NULL, 0, 0);
	pp.keep_next = 0;
	pp.before = -1;
	dx_para_text(c, &pp, s->name, VB_BOLD, half);
	dx_end(c->x);
}

/* Writes the signature table ("Nơi nhận" and the signer). */
void
dx_signature(dx_ctx *c)
{
	int cols[2];

	cols[0] = (int)(c->text_tw * c->p->sign_left_frac);
	cols[1] = c->text_tw - cols[0];
	dx_layout_table(c, cols, 2, 0, 0);
	dx_start(c->x, "w:tr");
	dx_start(c->x, "w:trPr");
	dx_empty(c->x, "w:cantSplit");
	dx_end(c->x);
	recipients_cell(c, cols[0]);
	signer_cell(c, cols[1]);
	dx_end(c->x);
	dx_end(c->x);
}
