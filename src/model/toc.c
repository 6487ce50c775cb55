/* toc.c - the table of contents: the headings of levels 1 and 2 of the
 * body, as printed ("I. MỤC TIÊU", "1. Mục tiêu chung"), each with the
 * bookmark its entry links to. Both renderers print it where the
 * VB_BLOCK_TOC block stands, first in the body; the page numbers are the
 * renderers' (a Word field, the PDF's own pages). */
#include "toc.h"

#include <string.h>

#include "parse/body.h"

/* Returns the text of heading b as printed: its number, a space, its
 * text. */
static const char *
entry_text(vb_arena *a, const vb_block *b)
{
	const char *t = vb_inline_text(a, &b->text);

	if (b->number != NULL && *b->number != '\0')
		return vb_sprintf(a, "%s %s", b->number, t);
	return t;
}

void
vb_toc_compose(vb_document *doc)
{
	vb_part *p = &doc->body;
	vb_block *blocks;
	size_t i, n = 0;

	for (i = 0; i < p->n; i++)
		if (p->blocks[i].kind == VB_BLOCK_HEADING &&
		    p->blocks[i].level <= 2)
			n++;
	if (n == 0)
		return;
	doc->toc = vb_alloc(doc->arena, n * sizeof(vb_toc_entry));
	for (i = 0; i < p->n; i++) {
		vb_block *b = &p->blocks[i];
		vb_toc_entry *e;

		if (b->kind != VB_BLOCK_HEADING || b->level > 2)
			continue;
		e = &doc->toc[doc->ntoc];
		b->anchor = vb_sprintf(doc->arena, "_Toc_vb_%zu", doc->ntoc + 1);
		e->text = entry_text(doc->arena, b);
		e->level = b->level;
		e->anchor = b->anchor;
		e->part = 0;
		doc->ntoc++;
	}
	blocks = vb_alloc(doc->arena, (p->n + 1) * sizeof(vb_block));
	memset(&blocks[0], 0, sizeof(vb_block));
	blocks[0].kind = VB_BLOCK_TOC;
	blocks[0].file = p->file;
	memcpy(blocks + 1, p->blocks, p->n * sizeof(vb_block));
	p->blocks = blocks;
	p->n++;
}
