/* docx_notes.c - word/footnotes.xml: the two separators Word expects
 * (ids -1 and 0) and one footnote per note of the model. */
#include "docx_int.h"

/* Writes a separator footnote of the given type. */
static void
separator(dx_xml *x, const char *type, int id, const char *mark)
{
	dx_start(x, "w:footnote");
	dx_attr(x, "w:type", type);
	dx_attri(x, "w:id", id);
	dx_start(x, "w:p");
	dx_start(x, "w:pPr");
	dx_start(x, "w:spacing");
	dx_attri(x, "w:after", 0);
	dx_attri(x, "w:line", 240);
	dx_attr(x, "w:lineRule", "auto");
	dx_end(x);
	dx_end(x);
	dx_start(x, "w:r");
	dx_empty(x, mark);
	dx_end(x);
	dx_end(x);
	dx_end(x);
}

/* Writes one note; its first paragraph starts with the reference mark. */
static void
note(dx_ctx *c, const vb_note *n)
{
	dx_rpr ref = { 0, 0, DX_ST_NOTE_REF };
	dx_ppr pp = dx_ppr_init();
	size_t i;

	pp.style = DX_ST_NOTE;
	dx_start(c->x, "w:footnote");
	dx_attri(c->x, "w:id", n->number);
	for (i = 0; i < n->npara || i == 0; i++) {
		dx_start(c->x, "w:p");
		dx_ppr_write(c, &pp);
		if (i == 0) {
			dx_start(c->x, "w:r");
			dx_start(c->x, "w:rPr");
			dx_val(c->x, "w:rStyle", ref.rstyle);
			dx_end(c->x);
			dx_empty(c->x, "w:footnoteRef");
			dx_end(c->x);
			dx_run(c, " ", 0, NULL);
		}
		if (i < n->npara)
			dx_inline(c, &n->paras[i], NULL);
		dx_end(c->x);
	}
	dx_end(c->x);
}

/* Writes word/footnotes.xml (links go to c->rels); returns 0 or -1. */
int
dx_notes_write(dx_ctx *c, vb_buf *out)
{
	dx_xml x;
	size_t i;

	if (dx_open(&x) < 0)
		return -1;
	c->x = &x;
	dx_start(&x, "w:footnotes");
	dx_attr(&x, "xmlns:w", DX_NS_W);
	dx_attr(&x, "xmlns:r", DX_NS_R);
	separator(&x, "separator", -1, "w:separator");
	separator(&x, "continuationSeparator", 0, "w:continuationSeparator");
	for (i = 0; i < c->doc->nnotes; i++)
		note(c, &c->doc->notes[i]);
	dx_end(&x);
	c->x = NULL;
	return dx_close(&x, out);
}
