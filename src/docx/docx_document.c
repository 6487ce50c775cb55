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

/* Writes the heading of an appendix: label, title, reference line, rule;
 * the reference line ends section sect when it is not NULL (an appendix
 * with no content). */
static void
appendix_heading(dx_ctx *c, const vb_part *part, const dx_sect *sect)
{
	const char *widest = part->label;
	int w;

	if (part->title != NULL && *part->title != '\0')
		widest = part->title;
	w = dx_rule_width(DX_PT_TW(dx_text_width_pt(widest, c->p->subject_pt,
	    VB_BOLD)), c->text_tw);
	if (part->label != NULL)
		dx_para_styled(c, DX_ST_APPX_LABEL, part->label);
	if (part->title != NULL && *part->title != '\0')
		dx_para_styled(c, DX_ST_APPX_TITLE, part->title);
	dx_para_ruled(c, DX_ST_APPX_REF, part->ref_line, w, c->p->body_pt,
	    sect);
}

/* Writes the appendices and the documents issued with this one, each on
 * new pages numbered from 1, each but the last ended by its own section
 * (in its last paragraph: "./."). */
static void
appendices(dx_ctx *c)
{
	const vb_document *doc = c->doc;
	dx_sect s = { 0, 1, 1 };
	size_t i;

	for (i = 0; i < doc->nappendices; i++) {
		const vb_part *part = &doc->appendices[i];
		int last = i + 1 == doc->nappendices;

		s.landscape = part->landscape;
		c->text_tw = text_width(c->p, s.landscape);
		c->part_list = c->num->parts[i + 1];
		if (part->head != NULL) {	/* ban hành kèm theo: a header */
			c->head = part->head;
			dx_header(c, last || part->n > 0 ? NULL : &s);
			c->head = &doc->header;
		} else
			appendix_heading(c, part, last || part->n > 0 ? NULL
			    : &s);
		dx_blocks(c, part, 0, last ? NULL : &s);
	}
	dx_copy(c);
	dx_sect_write(c, &s);
}

/* Writes word/document.xml; returns 0 or -1. */
int
dx_document_write(dx_ctx *c, vb_buf *out)
{
	dx_sect head = { 0, 0, 1 }, body = { 0, 0, 1 };
	dx_xml x;
	int signers;

	if (dx_open(&x) < 0)
		return -1;
	c->x = &x;
	c->head = &c->doc->header;
	c->text_tw = text_width(c->p, 0);
	c->part_list = c->num->heading_id;
	dx_start(&x, "w:document");
	dx_attr(&x, "xmlns:w", DX_NS_W);
	dx_attr(&x, "xmlns:r", DX_NS_R);
	dx_attr(&x, "xmlns:mc", DX_NS_MC);
	dx_attr(&x, "xmlns:wp", DX_NS_WP);
	dx_attr(&x, "xmlns:a", DX_NS_A);
	dx_attr(&x, "xmlns:wps", DX_NS_WPS);
	dx_attr(&x, "xmlns:v", DX_NS_V);
	dx_start(&x, "w:body");
	if (dx_header(c, &head))
		body.new_page = 0;	/* the body goes on after the header */
	signers = c->doc->nsigners > 0;
	/* unsigned (issued with a quyết định): the body's last paragraph
	 * ends its section */
	dx_blocks(c, &c->doc->body, signers, !signers &&
	    c->doc->nappendices > 0 ? &body : NULL);
	if (c->doc->nappendices > 0) {
		dx_signature(c, &body);
		appendices(c);
	} else {
		dx_signature(c, NULL);
		dx_copy(c);
		dx_sect_write(c, &body);
	}
	dx_end(&x);
	dx_end(&x);
	c->x = NULL;
	return dx_close(&x, out);
}
