/* pdf_body.c - body blocks to boxes: headings, paragraphs, list items,
 * quotes, code, rules; tables go to pdf_table.c. */
#include <string.h>

#include "pdf_int.h"

/* Returns the plain text of in, prefixed by prefix (may be NULL). */
static const char *
plain_text(pdf_ctx *c, const char *prefix, const vb_inline *in)
{
	vb_buf b = { NULL, 0, 0 };
	const char *r;
	size_t i;

	vb_buf_puts(&b, prefix != NULL ? prefix : "");
	for (i = 0; i < in->n; i++)
		if (in->runs[i].kind == VB_RUN_TEXT && in->runs[i].text != NULL)
			vb_buf_puts(&b, in->runs[i].text);
	r = vb_strdup(c->arena, b.data != NULL ? b.data : "");
	vb_buf_free(&b);
	return r;
}

/* Returns the style of a body paragraph with alignment a. */
static pdf_style
para_style(const pdf_ctx *c, vb_align a)
{
	pdf_style st = pdf_style_body(c, c->pf->body_pt);

	st.spacing = c->pf->line_spacing;
	st.indent = VB_MM_TO_PT(c->pf->indent_cm * 10);
	switch (a) {
	case VB_ALIGN_DEFAULT:
		st.justify = 1;
		break;
	case VB_ALIGN_LEFT:
		break;
	case VB_ALIGN_CENTER:
		st.align = PANGO_ALIGN_CENTER;
		st.indent = 0;
		break;
	case VB_ALIGN_RIGHT:
		st.align = PANGO_ALIGN_RIGHT;
		st.indent = 0;
		break;
	}
	return st;
}

/* Returns a box of one paragraph with widow and orphan control. */
static pdf_box *
para_box(pdf_ctx *c, pdf_para *p, double dx)
{
	pdf_box *b = pdf_box_new(c);

	pdf_box_para(c, b, p, dx);
	b->min_first = 2;
	b->min_last = 2;
	b->after = c->pf->para_space_pt;
	return b;
}

/* Returns the box of a paragraph in style st whose first line starts with
 * label (may be NULL) at the first-line indent, then a space, then in. In
 * a justified or flush-left paragraph the label is drawn apart and the
 * text's first line indented past it, as a Word list label: justification
 * then leaves the space after the label alone. */
static pdf_box *
labelled(pdf_ctx *c, pdf_style st, const char *label, const vb_inline *in)
{
	const char *prefix = label != NULL && *label != '\0' ?
	    vb_sprintf(c->arena, "%s ", label) : NULL;
	pdf_style ms;
	pdf_para *mark;
	pdf_box *b;
	double at;

	if (prefix == NULL || st.align != PANGO_ALIGN_LEFT)
		return para_box(c, pdf_para_new(c, &st, prefix, in), 0);
	ms = pdf_style_body(c, st.size);
	ms.spacing = st.spacing;
	ms.style = st.style;
	mark = pdf_para_text(c, &ms, label);
	at = st.indent;
	st.indent += pdf_text_width(c, prefix, st.size, st.style);
	b = para_box(c, pdf_para_new(c, &st, NULL, in), 0);
	b->lines[0].mark = mark;
	b->lines[0].mark_x = at;
	pdf_box_own(c, b, mark->layout);
	return b;
}

/* Returns the box of a numbered heading: whole, kept with what follows,
 * bookmarked at depth base + level. An automatic number is a label (as
 * in Word's heading list); a number written by the user is text. */
static pdf_box *
heading(pdf_ctx *c, const vb_block *bl, int base)
{
	pdf_style st = para_style(c, bl->align);
	const char *prefix = NULL;
	pdf_box *b;

	if (bl->level <= 2)
		st.style = VB_BOLD;
	else if (bl->level == 4)
		st.style = VB_BOLD | VB_ITALIC;
	else if (bl->level > 4)
		st.style = VB_ITALIC;
	if (bl->number != NULL && *bl->number != '\0')
		prefix = vb_sprintf(c->arena, "%s ", bl->number);
	if (bl->label)
		b = labelled(c, st, bl->number, &bl->text);
	else
		b = para_box(c, pdf_para_new(c, &st, prefix, &bl->text), 0);
	b->min_first = b->n;
	b->min_last = b->n;
	b->keep_next = 1;
	b->lines[0].toc = pdf_toc_entry(c, bl->anchor);
	if (prefix != NULL) {
		b->lines[0].outline = plain_text(c, prefix, &bl->text);
		b->lines[0].level = base + (bl->level > 0 ? bl->level : 1);
	}
	return b;
}

/* Returns in with runs added in front of it: text in style (when text is
 * not NULL), then a line break (when brk) or a space (when sp). */
static vb_inline
prepend(pdf_ctx *c, const char *text, unsigned style, int brk,
    const vb_inline *in)
{
	vb_inline out;
	size_t k = 0;

	out.runs = vb_alloc(c->arena, (in->n + 2) * sizeof(vb_run));
	out.runs[k].kind = VB_RUN_TEXT;
	out.runs[k].style = style;
	out.runs[k++].text = in->n > 0 && !brk ?
	    vb_sprintf(c->arena, "%s ", text) : text;
	if (brk && in->n > 0)
		out.runs[k++].kind = VB_RUN_BREAK;
	memcpy(out.runs + k, in->runs, in->n * sizeof(vb_run));
	out.n = k + in->n;
	return out;
}

/* Returns the box of a Phần, Chương, Mục or Tiểu mục: its label and, on
 * the next line, its title, centred bold, whole and kept with what
 * follows (the DOCX's one paragraph with a line break). */
static pdf_box *
division(pdf_ctx *c, const vb_block *bl, int base)
{
	pdf_style st = para_style(c, VB_ALIGN_CENTER);
	vb_inline in = prepend(c, bl->number, 0, 1, &bl->text);
	pdf_box *b;

	st.style = VB_BOLD;
	b = para_box(c, pdf_para_new(c, &st, NULL, &in), 0);
	b->min_first = b->n;
	b->min_last = b->n;
	b->keep_next = 1;
	b->lines[0].outline = plain_text(c, vb_sprintf(c->arena, "%s. ",
	    bl->number), &bl->text);
	b->lines[0].level = base + 1;
	return b;
}

/* Returns the box of an article: "Điều 3." and its title, bold, whole
 * and kept with what follows; or "Điều 3." in bold before the article's
 * sentence, a body paragraph. */
static pdf_box *
article(pdf_ctx *c, const vb_block *bl, int base)
{
	pdf_style st = para_style(c, bl->align);
	vb_inline in = prepend(c, bl->number, bl->titled ? 0 : VB_BOLD, 0,
	    &bl->text);
	pdf_box *b;

	if (bl->titled)
		st.style = VB_BOLD;
	b = para_box(c, pdf_para_new(c, &st, NULL, &in), 0);
	if (bl->titled) {
		b->min_first = b->n;
		b->min_last = b->n;
		b->keep_next = 1;
		b->lines[0].outline = plain_text(c, vb_sprintf(c->arena,
		    "%s ", bl->number), &bl->text);
		b->lines[0].level = base + 2;
	}
	return b;
}

/* Returns the box of a list item: marker at the first-line indent, then
 * a space, then the text (the marker drawn apart, as a Word list label). */
static pdf_box *
item(pdf_ctx *c, const vb_block *bl)
{
	pdf_style st = para_style(c, bl->align);

	return labelled(c, st, bl->continued ? NULL : bl->number, &bl->text);
}

/* Returns the box of a quote: italic, indented on the left by the
 * first-line indent, no first-line indent of its own. */
static pdf_box *
quote(pdf_ctx *c, const vb_block *bl)
{
	pdf_style st = para_style(c, bl->align);
	double ind = VB_MM_TO_PT(c->pf->indent_cm * 10);

	st.style = VB_ITALIC;
	st.width = c->width - ind;
	st.indent = 0;
	return para_box(c, pdf_para_new(c, &st, NULL, &bl->text), ind);
}

/* Returns the box of preformatted text: one line per run, flush left. */
static pdf_box *
code(pdf_ctx *c, const vb_block *bl)
{
	pdf_style st = pdf_style_body(c, c->pf->body_pt);
	pdf_box *b = pdf_box_new(c);
	size_t i;

	st.spacing = c->pf->line_spacing;
	for (i = 0; i < bl->text.n; i++)
		if (bl->text.runs[i].kind == VB_RUN_TEXT)
			pdf_box_para(c, b, pdf_para_text(c, &st,
			    bl->text.runs[i].text), 0);
	b->min_first = 2;
	b->min_last = 2;
	b->after = c->pf->para_space_pt;
	return b;
}

/* Returns the box of a thematic break: a rule a quarter of the text
 * width, like the DOCX. */
static pdf_box *
thematic(pdf_ctx *c)
{
	pdf_box *b = pdf_box_new(c);

	pdf_box_rule(c, b, c->width / 4, 0);
	b->after = c->pf->para_space_pt;
	return b;
}

/* Returns the box of an empty body paragraph. */
static pdf_box *
empty_line(pdf_ctx *c)
{
	pdf_style st = para_style(c, VB_ALIGN_DEFAULT);

	return para_box(c, pdf_para_new(c, &st, NULL, NULL), 0);
}

/* Returns the box of block bl (NULL for a table, which queues itself). */
static pdf_box *
block_box(pdf_ctx *c, const vb_block *bl, int base)
{
	pdf_style st;

	switch (bl->kind) {
	case VB_BLOCK_HEADING:
		return heading(c, bl, base);
	case VB_BLOCK_ITEM:
		return item(c, bl);
	case VB_BLOCK_QUOTE:
		return quote(c, bl);
	case VB_BLOCK_CODE:
		return code(c, bl);
	case VB_BLOCK_RULE:
		return thematic(c);
	case VB_BLOCK_TABLE:
	case VB_BLOCK_PAGEBREAK:
		return NULL;
	case VB_BLOCK_DIVISION:
		return division(c, bl, base);
	case VB_BLOCK_ARTICLE:
		return article(c, bl, base);
	case VB_BLOCK_IMAGE:
		return pdf_image(c, bl);
	case VB_BLOCK_TOC:
		return pdf_toc(c);
	case VB_BLOCK_PARA:
		break;
	}
	st = para_style(c, bl->align);
	return para_box(c, pdf_para_new(c, &st, NULL, &bl->text), 0);
}

/* Queues the blocks of a part, bookmarks at depth base + level; keep_last
 * keeps the last block with what is queued next (the signature). */
void
pdf_blocks(pdf_ctx *c, const vb_part *part, int base, int keep_last)
{
	const vb_block *bl;
	pdf_box *b;
	size_t i;

	for (i = 0; i < part->n; i++) {
		bl = &part->blocks[i];
		/* where the preview finds a line of the body (base 0) */
		c->src_line = base == 0 ? bl->line : 0;
		if (bl->kind == VB_BLOCK_PAGEBREAK) {
			c->break_next = i > 0;	/* taken by the next box */
			continue;
		}
		if (c->break_next && (bl->kind == VB_BLOCK_TABLE ||
		    bl->kind == VB_BLOCK_RULE))
			/* the DOCX's empty paragraph that carries the break */
			pdf_flow_push(c, empty_line(c));
		else if (bl->kind == VB_BLOCK_TABLE && i > 0 &&
		    part->blocks[i - 1].kind == VB_BLOCK_TABLE)
			/* two tables in a row: an empty body line between
			 * them, as the DOCX has (Word would join them) */
			pdf_flow_push(c, empty_line(c));
		if (bl->kind == VB_BLOCK_TABLE) {
			if (bl->table != NULL)
				pdf_table(c, bl->table);
			continue;
		}
		if ((b = block_box(c, bl, base)) == NULL)
			continue;
		if (keep_last && i + 1 == part->n) {
			/* LibreOffice moves the whole paragraph that is kept
			 * with the unsplittable signature row. */
			b->keep_next = 1;
			b->min_last = b->n;
		}
		pdf_flow_push(c, b);
	}
	c->src_line = 0;
}
