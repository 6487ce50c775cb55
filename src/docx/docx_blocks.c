/* docx_blocks.c - the blocks of the body and of appendices: headings with
 * real heading styles, body paragraphs, list items on real Word lists,
 * tables, code, quotes and rules. */
#include "docx_int.h"

/* Returns the style id of a heading level. */
static const char *
heading_style(int level)
{
	switch (level) {
	case 1:
		return "Heading1";
	case 2:
		return "Heading2";
	case 3:
		return "Heading3";
	default:
		return "Heading4";
	}
}

/* Writes a heading: its number, a space, then its text. */
static void
heading(dx_ctx *c, const vb_block *b, dx_ppr *pp)
{
	pp->style = heading_style(b->level);
	dx_start(c->x, "w:p");
	dx_ppr_write(c, pp);
	if (b->number != NULL && *b->number != '\0') {
		dx_run(c, b->number, 0, NULL);
		dx_run(c, " ", 0, NULL);
	}
	dx_inline(c, &b->text, NULL);
	dx_end(c->x);
}

/* Writes a list item paragraph; continued paragraphs have no marker. */
static void
item(dx_ctx *c, const vb_block *b, dx_ppr *pp)
{
	pp->style = DX_ST_BODY;
	pp->num_id = dx_numbering_id(c->num, b);
	pp->ilvl = 0;
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

/* Writes the small empty paragraph that follows a table: it keeps two
 * tables apart and leaves a paragraph's space after the table. */
static void
after_table(dx_ctx *c)
{
	dx_ppr pp = dx_ppr_init();

	pp.after = 0;
	pp.line = DX_PT_TW(c->p->para_space_pt);
	pp.exact = 1;
	pp.mark_half = 4;
	dx_start(c->x, "w:p");
	dx_ppr_write(c, &pp);
	dx_end(c->x);
}

/* Writes one block; keep: keep it with what follows. */
static void
block(dx_ctx *c, const vb_block *b, int keep)
{
	dx_ppr pp = dx_ppr_init();

	pp.keep_next = keep;
	pp.jc = dx_jc(b->align, NULL);
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
		dx_table(c, b->table);
		after_table(c);
		break;
	case VB_BLOCK_CODE:
		code(c, b, &pp);
		break;
	case VB_BLOCK_QUOTE:
		para(c, b, &pp, DX_ST_QUOTE);
		break;
	case VB_BLOCK_RULE:
		dx_rule(c, c->text_tw, c->text_tw / 4, 0, DX_PT_TW(c->p->para_space_pt));
		break;
	}
}

/* Writes the blocks of a part. keep_last: keep the last paragraph with
 * what follows (the signature). */
void
dx_blocks(dx_ctx *c, const vb_part *part, int keep_last)
{
	size_t i;

	for (i = 0; i < part->n; i++)
		block(c, &part->blocks[i], keep_last && i + 1 == part->n);
}
