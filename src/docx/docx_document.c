/* docx_document.c - word/document.xml: header block, body, signature, then
 * each appendix as its own section on new pages. A section ends with the
 * paragraph that carries its w:sectPr; the last one is body/sectPr. */
#include "docx_int.h"

/* Returns the text width of a section, in twips. */
static int
text_width(const vb_profile *p, int landscape)
{
	double page = landscape ? p->page_h_mm : p->page_w_mm;

	return DX_MM_TW(page - p->margin_left_mm - p->margin_right_mm);
}

/* Writes the tiny empty paragraph that ends section s. */
static void
section_break(dx_ctx *c, const dx_sect *s)
{
	dx_ppr pp = dx_ppr_init();

	pp.after = 0;
	pp.line = 20;
	pp.exact = 1;
	pp.mark_half = 2;
	pp.sect = s;
	dx_start(c->x, "w:p");
	dx_ppr_write(c, &pp);
	dx_end(c->x);
}

/* Writes the heading of an appendix: label, title, reference line, rule. */
static void
appendix_heading(dx_ctx *c, const vb_part *part)
{
	const char *widest = part->label;
	int w;

	if (part->label != NULL)
		dx_para_styled(c, DX_ST_APPX_LABEL, part->label);
	if (part->title != NULL && *part->title != '\0') {
		dx_para_styled(c, DX_ST_APPX_TITLE, part->title);
		widest = part->title;
	}
	if (part->ref_line != NULL && *part->ref_line != '\0')
		dx_para_styled(c, DX_ST_APPX_REF, part->ref_line);
	w = DX_PT_TW(dx_text_width_pt(widest, c->p->subject_pt, VB_BOLD));
	dx_rule(c, c->text_tw, dx_rule_width(w, c->text_tw), 0, DX_PT_TW(12));
}

/* Writes the appendices, each ended by its own section. */
static void
appendices(dx_ctx *c, dx_sect *body_sect)
{
	const vb_document *doc = c->doc;
	dx_sect s = { 0, 1, 1 };
	size_t i;

	section_break(c, body_sect);
	for (i = 0; i < doc->nappendices; i++) {
		const vb_part *part = &doc->appendices[i];

		s.landscape = part->landscape;
		c->text_tw = text_width(c->p, s.landscape);
		c->part_list = c->num->parts[i + 1];
		appendix_heading(c, part);
		dx_blocks(c, part, 0);
		if (i + 1 < doc->nappendices)
			section_break(c, &s);
	}
	dx_sect_write(c, &s);
}

/* Writes word/document.xml; returns 0 or -1. */
int
dx_document_write(dx_ctx *c, vb_buf *out)
{
	dx_sect body = { 0, 0, 1 };
	dx_xml x;

	if (dx_open(&x) < 0)
		return -1;
	c->x = &x;
	c->text_tw = text_width(c->p, 0);
	c->part_list = c->num->heading_id;
	dx_start(&x, "w:document");
	dx_attr(&x, "xmlns:w", DX_NS_W);
	dx_attr(&x, "xmlns:r", DX_NS_R);
	dx_start(&x, "w:body");
	dx_header(c);
	dx_blocks(c, &c->doc->body, 1);
	dx_signature(c);
	if (c->doc->nappendices > 0)
		appendices(c, &body);
	else
		dx_sect_write(c, &body);
	dx_end(&x);
	dx_end(&x);
	c->x = NULL;
	return dx_close(&x, out);
}
