/* docx_copy.c - the parts of a copy (bản sao, nd30.md §2.1 copy diagram,
 * §2.7) after the copied text: a rule across the text width, then the
 * copying agency and "Số: …/SY-…" on the left with the form of copy and
 * the place and date on the right, then the copy's "Nơi nhận" beside its
 * signer's titles and room to sign, and the signer's name. Each part in
 * the style of the matching element of the original. */
#include "docx_int.h"

/* Writes the copy's heading table: agency and number left, form of copy
 * and date right. */
static void
copy_head(dx_ctx *c, const vb_copy *cp)
{
	int cols[2];

	cols[0] = (int)(c->text_tw * 0.4);
	cols[1] = c->text_tw - cols[0];
	dx_layout_table(c, cols, 2, 0, 0);
	dx_start(c->x, "w:tr");
	dx_layout_cell(c, cols[0]);
	if (cp->parent != NULL && *cp->parent != '\0')
		dx_para_styled(c, DX_ST_PARENT, cp->parent);
	dx_para_ruled(c, DX_ST_ISSUER, cp->issuer, dx_rule_width(
	    DX_PT_TW(dx_text_width_pt(cp->issuer, c->fit.issuer_pt, VB_BOLD)),
	    cols[0]), c->fit.issuer_pt, NULL);
	dx_end(c->x);
	dx_layout_cell(c, cols[1]);
	dx_para_styled(c, DX_ST_COPY_FORM, cp->form);
	dx_end(c->x);
	dx_end(c->x);
	dx_start(c->x, "w:tr");
	dx_layout_cell(c, cols[0]);
	dx_para_styled(c, DX_ST_NUMBER, cp->number_line);
	dx_end(c->x);
	dx_layout_cell(c, cols[1]);
	dx_para_styled(c, DX_ST_PLACE_DATE, cp->place_date);
	dx_end(c->x);
	dx_end(c->x);
	dx_end(c->x);
}

/* Writes the copy's "Nơi nhận" and signer table, then the signer's name;
 * the room to sign is Decree 30 practice's fixed height. */
static void
copy_sign(dx_ctx *c, const vb_copy *cp)
{
	dx_ppr pp = dx_ppr_init();
	int cols[2];

	cols[0] = c->fit.sign_left_tw;
	cols[1] = c->text_tw - cols[0];
	dx_sign_row(c, cols, 2);
	dx_sign_recipients(c, cols[0], "Nơi nhận:", cp->recipients,
	    cp->nrecipients);
	dx_end(c->x);
	dx_layout_cell(c, cols[1]);
	dx_sign_titles(c, &cp->sign);
	pp.style = DX_ST_SIGN_SPACE;
	pp.line = DX_MM_TW(c->p->sign_space_mm);
	pp.exact = 1;
	dx_start(c->x, "w:p");
	dx_ppr_write(c, &pp);
	dx_end(c->x);
	dx_end(c->x);
	dx_end(c->x);
	dx_end(c->x);
	dx_para_styled(c, DX_ST_SIGN_NAME, cp->sign.name);
}

/* Writes the copy's parts, when the document is a copy. */
void
dx_copy(dx_ctx *c)
{
	const vb_copy *cp = c->doc->copy;

	if (cp == NULL)
		return;
	dx_rule(c, c->text_tw, c->text_tw, 0, DX_PT_TW(c->p->para_space_pt),
	    NULL);
	copy_head(c, cp);
	copy_sign(c, cp);
}
