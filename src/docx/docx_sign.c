/* docx_sign.c - the signature block after the body: a borderless table,
 * "Nơi nhận" and its list on the left, the signer's authority lines, room
 * for signature and seal, and the name on the right. The row never splits
 * across pages. */
#include "docx_int.h"

/* Writes the left cell: "Nơi nhận:" and the recipient lines. */
static void
recipients_cell(dx_ctx *c, int w)
{
	const vb_document *doc = c->doc;
	size_t i;

	dx_layout_cell(c, w);
	dx_para_styled(c, DX_ST_NN_LABEL, doc->noi_nhan_label != NULL ?
	    doc->noi_nhan_label : "Nơi nhận:");
	for (i = 0; i < doc->nrecipients; i++)
		dx_para_styled(c, DX_ST_NN_LIST, doc->recipients[i]);
	dx_end(c->x);
}

/* Writes the right cell: authority lines (the first with space above,
 * level with "Nơi nhận:"), the room to sign, the signer's name. */
static void
signer_cell(dx_ctx *c, int w)
{
	const vb_signature *s = &c->doc->sign;
	size_t i;

	dx_layout_cell(c, w);
	for (i = 0; i < s->nlines; i++)
		dx_para_styled(c, DX_ST_SIGN_TITLE, s->lines[i]);
	dx_para_styled(c, DX_ST_SIGN_SPACE, NULL);
	dx_para_styled(c, DX_ST_SIGN_NAME, s->name);
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
