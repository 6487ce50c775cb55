/* docx_toc.c - the table of contents as Word makes it: a "MỤC LỤC"
 * heading, then a TOC field over the headings of levels 1 and 2 whose
 * result holds the entries already (each a link to its heading's
 * bookmark, a dotted tab, and a PAGEREF field), so the list shows in
 * any reader; the field is marked dirty, so Word fills in the page
 * numbers when it opens the file (vanban does not lay out pages for the
 * DOCX; the PDF has them). */
#include "docx_int.h"

/* Writes a run holding a field character of type t (dirty when asked). */
static void
fld_char(dx_ctx *c, const char *t, int dirty)
{
	dx_start(c->x, "w:r");
	dx_start(c->x, "w:fldChar");
	dx_attr(c->x, "w:fldCharType", t);
	if (dirty)
		dx_attr(c->x, "w:dirty", "true");
	dx_end(c->x);
	dx_end(c->x);
}

/* Writes a run holding field instruction s. */
static void
instr(dx_ctx *c, const char *s)
{
	dx_start(c->x, "w:r");
	dx_start(c->x, "w:instrText");
	dx_attr(c->x, "xml:space", "preserve");
	dx_text(c->x, s);
	dx_end(c->x);
	dx_end(c->x);
}

/* Writes the paragraph properties of an entry of level lv: its style and
 * a right tab with dots at the text width. */
static void
entry_ppr(dx_ctx *c, int lv)
{
	dx_start(c->x, "w:pPr");
	dx_val(c->x, "w:pStyle", lv <= 1 ? "TOC1" : "TOC2");
	dx_start(c->x, "w:tabs");
	dx_start(c->x, "w:tab");
	dx_attr(c->x, "w:val", "right");
	dx_attr(c->x, "w:leader", "dot");
	dx_attri(c->x, "w:pos", c->text_tw);
	dx_end(c->x);
	dx_end(c->x);
	dx_end(c->x);
}

/* Writes the table of contents. */
void
dx_toc(dx_ctx *c)
{
	const vb_document *doc = c->doc;
	size_t i;

	if (doc->ntoc == 0)
		return;
	dx_para_styled(c, "TOCHeading", "MỤC LỤC");
	for (i = 0; i < doc->ntoc; i++) {
		const vb_toc_entry *e = &doc->toc[i];

		dx_start(c->x, "w:p");
		entry_ppr(c, e->level);
		if (i == 0) {
			fld_char(c, "begin", 1);
			instr(c, " TOC \\o \"1-2\" \\h \\z \\u ");
			fld_char(c, "separate", 0);
		}
		dx_start(c->x, "w:hyperlink");
		dx_attr(c->x, "w:anchor", e->anchor);
		dx_attr(c->x, "w:history", "1");
		dx_run(c, e->text, 0, NULL);
		dx_run(c, "\t", 0, NULL);
		fld_char(c, "begin", 0);
		instr(c, vb_sprintf(c->arena, " PAGEREF %s \\h ", e->anchor));
		fld_char(c, "separate", 0);
		fld_char(c, "end", 0);
		dx_end(c->x);
		if (i + 1 == doc->ntoc)
			fld_char(c, "end", 0);
		dx_end(c->x);
	}
}
