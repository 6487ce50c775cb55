/* docx_sign.c - the signature block after the body: a borderless table,
 * "Nơi nhận" and its list on the left, the signer's authority lines and
 * the room to sign on the right (the row never splits across pages), then
 * the signer's name as the paragraph after the table, in the right column.
 * The body thus ends on a real paragraph, the name: no empty paragraph
 * after a final table (Word would add one, which can push a blank page). */
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
	dx_marks_drafter(c);
	dx_end(c->x);
}

/* Writes the right cell: authority lines (the first level with "Nơi
 * nhận:"), then the room to sign, where a signature or seal image of any
 * height can go (its line height is a least, not an exact one). */
static void
signer_cell(dx_ctx *c, int w)
{
	const vb_signature *s = &c->doc->sign;
	size_t i;

	dx_layout_cell(c, w);
	for (i = 0; i < s->nlines; i++)
		dx_para_styled(c, DX_ST_SIGN_TITLE, s->lines[i]);
	dx_para_styled(c, DX_ST_SIGN_SPACE, NULL);
	dx_end(c->x);
}

/* Writes the signature block; the signer's name ends section sect when
 * it is not NULL (the appendices follow on new pages). */
void
dx_signature(dx_ctx *c, const dx_sect *sect)
{
	const vb_signature *s = &c->doc->sign;
	dx_ppr pp = dx_ppr_init();
	int cols[2];

	cols[0] = c->fit.sign_left_tw;
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
	pp.style = DX_ST_SIGN_NAME;
	pp.sect = sect;
	dx_start(c->x, "w:p");
	dx_ppr_write(c, &pp);
	if (s->name != NULL && *s->name != '\0')
		dx_run(c, s->name, 0, NULL);
	dx_end(c->x);
}
