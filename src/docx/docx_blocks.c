/* docx_blocks.c - the blocks of the body and of appendices: headings with
 * real heading styles, body paragraphs, list items on real Word lists,
 * tables, code, quotes and rules. */
#include "docx_int.h"

/* Writes a heading in the style of its level. An automatic number is the
 * label of the heading list (the style's list, or the appendix's own); a
 * number written as text takes the paragraph off the list. */
static void
heading(dx_ctx *c, const vb_block *b, dx_ppr *pp)
{
	int lv = b->level < 1 ? 1 : b->level > 9 ? 9 : b->level;
	int numbered = b->number != NULL && *b->number != '\0';

	pp->style = vb_sprintf(c->arena, "%s%d", DX_ST_HEADING, lv);
	if (numbered && !b->label) {
		/* off the list; the indent again, which LibreOffice
		 * otherwise takes from the style's list with it */
		pp->num_id = -1;
		pp->ind = 1;
		pp->left = 0;
		pp->first = VB_CM_TO_TWIPS(c->p->indent_cm);
	} else if (c->part_list != c->num->heading_id) {
		pp->num_id = c->part_list;
		pp->ilvl = lv - 1;
	}
	dx_start(c->x, "w:p");
	dx_ppr_write(c, pp);
	if (b->anchor != NULL) {	/* listed in the table of contents */
		dx_start(c->x, "w:bookmarkStart");
		dx_attri(c->x, "w:id", ++c->bookmarks);
		dx_attr(c->x, "w:name", b->anchor);
		dx_end(c->x);
	}
	if (numbered && !b->label) {
		dx_run(c, b->number, 0, NULL);
		dx_run(c, " ", 0, NULL);
	}
	dx_inline(c, &b->text, NULL);
	if (b->anchor != NULL) {
		dx_start(c->x, "w:bookmarkEnd");
		dx_attri(c->x, "w:id", c->bookmarks);
		dx_end(c->x);
	}
	dx_end(c->x);
}

/* Writes a Phần, Chương, Mục or Tiểu mục of scheme (a): its label
 * ("Chương I") and, on the next line of the same paragraph, its title in
 * capitals, both centred bold (nd30.md §2.3); one paragraph, so that the
 * navigation pane shows both and they never part. */
static void
division(dx_ctx *c, const vb_block *b, dx_ppr *pp)
{
	pp->style = DX_ST_DIVISION;
	pp->jc = NULL;
	pp->ind = 0;
	dx_start(c->x, "w:p");
	dx_ppr_write(c, pp);
	dx_run(c, b->number, 0, NULL);
	if (b->text.n > 0) {
		dx_start(c->x, "w:r");
		dx_empty(c->x, "w:br");
		dx_end(c->x);
		dx_inline(c, &b->text, NULL);
	}
	dx_end(c->x);
}

/* Writes an article: "Điều 3." and its title in the bold "Điều" style
 * (kept with what follows), or "Điều 3." in bold before the article's
 * sentence in a body paragraph (a quyết định's articles). */
static void
article(dx_ctx *c, const vb_block *b, dx_ppr *pp)
{
	pp->style = b->titled ? DX_ST_ARTICLE : DX_ST_BODY;
	dx_start(c->x, "w:p");
	dx_ppr_write(c, pp);
	dx_run(c, b->number, b->titled ? 0 : VB_BOLD, NULL);
	if (b->text.n > 0) {
		dx_run(c, " ", 0, NULL);
		dx_inline(c, &b->text, NULL);
	}
	dx_end(c->x);
}

/* Writes a list item paragraph on its list and level; continued
 * paragraphs have no marker. */
static void
item(dx_ctx *c, const vb_block *b, dx_ppr *pp)
{
	pp->style = DX_ST_BODY;
	pp->num_id = dx_numbering_item(c->num, b, &pp->ilvl);
	dx_start(c->x, "w:p");
	dx_ppr_write(c, pp);
	dx_inline(c, &b->text, NULL);
	dx_end(c->x);
}

/* Writes preformatted text: each text run on its own line. */
static void
code(dx_ctx *c, const vb_block *b, dx_ppr *pp)
{
	size_t i;
	int line_done = 1;

	pp->style = DX_ST_PLAIN;
	dx_start(c->x, "w:p");
	dx_ppr_write(c, pp);
	for (i = 0; i < b->text.n; i++) {
		const vb_run *r = &b->text.runs[i];

		if (r->kind == VB_RUN_TEXT && !line_done) {
			dx_start(c->x, "w:r");
			dx_empty(c->x, "w:br");
			dx_end(c->x);
		}
		if (r->kind == VB_RUN_TEXT)
			dx_run(c, r->text, r->style, NULL);
		else if (r->kind == VB_RUN_BREAK) {
			dx_start(c->x, "w:r");
			dx_empty(c->x, "w:br");
			dx_end(c->x);
		}
		line_done = r->kind != VB_RUN_TEXT;
	}
	dx_end(c->x);
}

/* Writes a plain paragraph in style. */
static void
para(dx_ctx *c, const vb_block *b, dx_ppr *pp, const char *style)
{
	pp->style = style;
	dx_start(c->x, "w:p");
	dx_ppr_write(c, pp);
	dx_inline(c, &b->text, NULL);
	dx_end(c->x);
}

/* Writes the empty body paragraph that keeps two tables apart (Word would
 * join them into one). */
static void
between_tables(dx_ctx *c)
{
	dx_ppr pp = dx_ppr_init();

	pp.style = DX_ST_BODY;
	pp.before = DX_PT_TW(c->p->para_space_pt);
	dx_start(c->x, "w:p");
	dx_ppr_write(c, &pp);
	dx_end(c->x);
}

/* Writes an empty body paragraph that starts a new page: an explicit
 * page break before a table, which cannot carry the break itself. */
static void
break_para(dx_ctx *c)
{
	dx_ppr pp = dx_ppr_init();

	pp.style = DX_ST_BODY;
	pp.page_before = 1;
	dx_start(c->x, "w:p");
	dx_ppr_write(c, &pp);
	dx_end(c->x);
}

/* Writes one block; keep: keep it with what follows; after_table: it
 * follows a table, and takes the paragraph space below it; brk: an
 * explicit page break comes before it; end: the section it ends, or
 * NULL. */
static void
block(dx_ctx *c, const vb_block *b, int keep, int after_table, int brk,
    const dx_sect *end)
{
	dx_ppr pp = dx_ppr_init();

	pp.keep_next = keep;
	pp.page_before = brk;
	if (brk && (b->kind == VB_BLOCK_TABLE || b->kind == VB_BLOCK_RULE)) {
		break_para(c);
		pp.page_before = 0;
		after_table = 0;
	}
	pp.sect = end;
	pp.jc = dx_jc(b->align, NULL);
	if (after_table)
		pp.before = DX_PT_TW(c->p->para_space_pt);
	if (b->align == VB_ALIGN_CENTER || b->align == VB_ALIGN_RIGHT)
		pp.ind = 1;	/* no first-line indent off-centre */
	switch (b->kind) {
	case VB_BLOCK_HEADING:
		heading(c, b, &pp);
		break;
	case VB_BLOCK_PARA:
		para(c, b, &pp, DX_ST_BODY);
		break;
	case VB_BLOCK_ITEM:
		item(c, b, &pp);
		break;
	case VB_BLOCK_TABLE:
		if (after_table)
			between_tables(c);
		dx_table(c, b->table);
		break;
	case VB_BLOCK_CODE:
		code(c, b, &pp);
		break;
	case VB_BLOCK_QUOTE:
		para(c, b, &pp, DX_ST_QUOTE);
		break;
	case VB_BLOCK_RULE:
		dx_rule(c, c->text_tw, c->text_tw / 4, pp.before,
		    DX_PT_TW(c->p->para_space_pt), end);
		break;
	case VB_BLOCK_DIVISION:
		division(c, b, &pp);
		break;
	case VB_BLOCK_ARTICLE:
		article(c, b, &pp);
		break;
	case VB_BLOCK_IMAGE:
		dx_image(c, b, &pp, end);
		break;
	case VB_BLOCK_TOC:
		dx_toc(c);
		break;
	case VB_BLOCK_PAGEBREAK:	/* taken by the block after it */
		break;
	}
}

/* Writes the blocks of a part. keep_last: keep the last paragraph with
 * what follows (the signature); the last paragraph ends section end when
 * it is not NULL (the model ends every part with a paragraph). */
void
dx_blocks(dx_ctx *c, const vb_part *part, int keep_last, const dx_sect *end)
{
	size_t i;
	int after_table = 0, brk = 0;

	for (i = 0; i < part->n; i++) {
		const vb_block *b = &part->blocks[i];
		int last = i + 1 == part->n;

		if (b->kind == VB_BLOCK_PAGEBREAK) {
			brk = i > 0;	/* a break before everything is none */
			continue;
		}
		block(c, b, keep_last && last, after_table, brk,
		    last ? end : NULL);
		brk = 0;
		after_table = b->kind == VB_BLOCK_TABLE;
	}
}
