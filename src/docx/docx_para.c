/* docx_para.c - paragraph properties, section properties, runs and rules:
 * the pieces every other writer of document.xml is built from. */
#include "docx_int.h"

#include <string.h>

const char *
dx_jc(vb_align a, const char *fallback)
{
	switch (a) {
	case VB_ALIGN_LEFT:
		return "left";
	case VB_ALIGN_CENTER:
		return "center";
	case VB_ALIGN_RIGHT:
		return "right";
	default:
		return fallback;
	}
}

/* Returns a dx_ppr with nothing set. */
dx_ppr
dx_ppr_init(void)
{
	dx_ppr pp;

	memset(&pp, 0, sizeof(pp));
	pp.before = -1;
	pp.after = -1;
	return pp;
}

/* Writes <w:spacing> when pp sets any spacing. */
static void
ppr_spacing(dx_ctx *c, const dx_ppr *pp)
{
	if (pp->before < 0 && pp->after < 0 && pp->line == 0)
		return;
	dx_start(c->x, "w:spacing");
	if (pp->before >= 0)
		dx_attri(c->x, "w:before", pp->before);
	if (pp->after >= 0)
		dx_attri(c->x, "w:after", pp->after);
	if (pp->line > 0) {
		dx_attri(c->x, "w:line", pp->line);
		dx_attr(c->x, "w:lineRule", pp->exact ? "exact" : "auto");
	}
	dx_end(c->x);
}

/* Writes <w:ind> when pp sets indents. */
static void
ppr_ind(dx_ctx *c, const dx_ppr *pp)
{
	if (!pp->ind)
		return;
	dx_start(c->x, "w:ind");
	dx_attri(c->x, "w:left", pp->left);
	dx_attri(c->x, "w:right", pp->right);
	if (pp->first >= 0)
		dx_attri(c->x, "w:firstLine", pp->first);
	else
		dx_attri(c->x, "w:hanging", -pp->first);
	dx_end(c->x);
}

/* Writes the bottom border that draws a rule. */
static void
ppr_rule(dx_ctx *c)
{
	int eighths = (int)(c->p->rule_pt * 8 + 0.5);

	dx_start(c->x, "w:pBdr");
	dx_start(c->x, "w:bottom");
	dx_attr(c->x, "w:val", "single");
	dx_attri(c->x, "w:sz", eighths < 2 ? 2 : eighths);
	dx_attri(c->x, "w:space", 0);
	dx_attr(c->x, "w:color", "000000");
	dx_end(c->x);
	dx_end(c->x);
}

/* Writes <w:pPr> for pp (nothing when empty). */
void
dx_ppr_write(dx_ctx *c, const dx_ppr *pp)
{
	dx_xml *x = c->x;

	dx_start(x, "w:pPr");
	if (pp->style != NULL)
		dx_val(x, "w:pStyle", pp->style);
	if (pp->keep_next)
		dx_empty(x, "w:keepNext");
	if (pp->page_before)
		dx_empty(x, "w:pageBreakBefore");
	if (pp->num_id != 0) {
		dx_start(x, "w:numPr");
		dx_vali(x, "w:ilvl", pp->num_id > 0 ? pp->ilvl : 0);
		dx_vali(x, "w:numId", pp->num_id > 0 ? pp->num_id : 0);
		dx_end(x);
	}
	if (pp->rule)
		ppr_rule(c);
	if (pp->tab > 0) {
		dx_start(x, "w:tabs");
		dx_start(x, "w:tab");
		dx_attr(x, "w:val", "left");
		dx_attri(x, "w:pos", pp->tab);
		dx_end(x);
		dx_end(x);
	}
	ppr_spacing(c, pp);
	ppr_ind(c, pp);
	if (pp->jc != NULL)
		dx_val(x, "w:jc", pp->jc);
	if (pp->mark_half > 0) {
		dx_start(x, "w:rPr");
		dx_vali(x, "w:sz", pp->mark_half);
		dx_vali(x, "w:szCs", pp->mark_half);
		dx_end(x);
	}
	if (pp->sect != NULL)
		dx_sect_write(c, pp->sect);
	dx_end(x);
}

/* Writes one header reference of a section. */
static void
sect_header(dx_ctx *c, const char *type, const char *rid)
{
	dx_start(c->x, "w:headerReference");
	dx_attr(c->x, "w:type", type);
	dx_attr(c->x, "r:id", rid);
	dx_end(c->x);
}

/* Writes a section's <w:sectPr>. */
void
dx_sect_write(dx_ctx *c, const dx_sect *s)
{
	const vb_profile *p = c->p;
	int w = DX_MM_TW(p->page_w_mm), h = DX_MM_TW(p->page_h_mm);
	int top = DX_MM_TW(p->margin_top_mm);

	dx_start(c->x, "w:sectPr");
	sect_header(c, "default", DX_RID_HEADER_PAGE);
	/* page 1 (the sections that do not restart numbering) carries the
	 * marks' header and footer; every other first page an empty one */
	sect_header(c, "first", !s->restart && c->rid_first_header != NULL ?
	    c->rid_first_header : DX_RID_HEADER_FIRST);
	if (c->rid_first_footer != NULL) {
		dx_start(c->x, "w:footerReference");
		dx_attr(c->x, "w:type", "first");
		dx_attr(c->x, "r:id", s->restart ? c->rid_empty_footer :
		    c->rid_first_footer);
		dx_end(c->x);
	}
	dx_val(c->x, "w:type", s->new_page ? "nextPage" : "continuous");
	dx_start(c->x, "w:pgSz");
	dx_attri(c->x, "w:w", s->landscape ? h : w);
	dx_attri(c->x, "w:h", s->landscape ? w : h);
	if (s->landscape)
		dx_attr(c->x, "w:orient", "landscape");
	dx_end(c->x);
	dx_start(c->x, "w:pgMar");
	dx_attri(c->x, "w:top", top);
	dx_attri(c->x, "w:right", DX_MM_TW(p->margin_right_mm));
	dx_attri(c->x, "w:bottom", DX_MM_TW(p->margin_bottom_mm));
	dx_attri(c->x, "w:left", DX_MM_TW(p->margin_left_mm));
	dx_attri(c->x, "w:header", top / 2);
	dx_attri(c->x, "w:footer", DX_MM_TW(p->margin_bottom_mm) / 2);
	dx_attri(c->x, "w:gutter", 0);
	dx_end(c->x);
	if (s->restart) {
		dx_start(c->x, "w:pgNumType");
		dx_attri(c->x, "w:start", 1);
		dx_end(c->x);
	}
	dx_empty(c->x, "w:titlePg");
	dx_end(c->x);
}

/* Writes <w:rPr> for a run of style plus rp; nothing when empty. */
static void
rpr_write(dx_ctx *c, unsigned style, const dx_rpr *rp)
{
	dx_xml *x = c->x;
	const char *rstyle = rp != NULL ? rp->rstyle : NULL;
	int half = rp != NULL ? rp->half : 0;

	if (rp != NULL)
		style |= rp->style;
	style &= ~(unsigned)VB_CODE;	/* code is set in the body font */
	if (style == 0 && rstyle == NULL && half == 0)
		return;
	dx_start(x, "w:rPr");
	if (rstyle != NULL)
		dx_val(x, "w:rStyle", rstyle);
	if (style & VB_BOLD) {
		dx_empty(x, "w:b");
		dx_empty(x, "w:bCs");
	}
	if (style & VB_ITALIC) {
		dx_empty(x, "w:i");
		dx_empty(x, "w:iCs");
	}
	if (style & VB_STRIKE)
		dx_empty(x, "w:strike");
	if (half > 0) {
		dx_vali(x, "w:sz", half);
		dx_vali(x, "w:szCs", half);
	}
	if (style & VB_UNDERLINE)
		dx_val(x, "w:u", "single");
	if (style & VB_SUPER)
		dx_val(x, "w:vertAlign", "superscript");
	else if (style & VB_SUB)
		dx_val(x, "w:vertAlign", "subscript");
	dx_end(x);
}

/* Writes <w:t> for s[0..n), keeping its spaces. */
static void
run_t(dx_ctx *c, const char *s, size_t n)
{
	char *piece;

	if (n == 0)
		return;
	piece = vb_strndup(c->arena, s, n);
	dx_start(c->x, "w:t");
	dx_attr(c->x, "xml:space", "preserve");
	dx_text(c->x, piece);
	dx_end(c->x);
}

/* Writes the run content of text: w:t pieces split at tabs and line feeds;
 * other control characters are dropped (XML cannot carry them). */
static void
run_content(dx_ctx *c, const char *text)
{
	const char *s = text, *start = text;

	for (;; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch != 0 && ch >= 0x20)
			continue;
		run_t(c, start, (size_t)(s - start));
		if (ch == 0)
			break;
		if (ch == '\t')
			dx_empty(c->x, "w:tab");
		else if (ch == '\n')
			dx_empty(c->x, "w:br");
		start = s + 1;
	}
}

/* Writes one run of plain text with properties rp (may be NULL); tabs and
 * line feeds become w:tab and w:br. */
void
dx_run(dx_ctx *c, const char *text, unsigned style, const dx_rpr *rp)
{
	dx_start(c->x, "w:r");
	rpr_write(c, style, rp);
	run_content(c, text != NULL ? text : "");
	dx_end(c->x);
}

/* Writes a footnote reference mark. */
static void
note_ref(dx_ctx *c, int note)
{
	dx_rpr rp = { 0, 0, DX_ST_NOTE_REF };

	dx_start(c->x, "w:r");
	rpr_write(c, 0, &rp);
	dx_start(c->x, "w:footnoteReference");
	dx_attri(c->x, "w:id", note);
	dx_end(c->x);
	dx_end(c->x);
}

/* Writes a text run that links to href, inside a w:hyperlink. */
static void
link_run(dx_ctx *c, const vb_run *r, const dx_rpr *rp)
{
	dx_rpr lp = { 0, 0, DX_ST_LINK };
	const char *rid;

	if (rp != NULL) {
		lp.style = rp->style;
		lp.half = rp->half;
	}
	rid = dx_rels_add(c->rels, c->arena, DX_REL_LINK, r->href, 1);
	if (rid == NULL) {
		c->x->err = 1;
		return;
	}
	dx_start(c->x, "w:hyperlink");
	dx_attr(c->x, "r:id", rid);
	dx_attr(c->x, "w:history", "1");
	dx_run(c, r->text, r->style, &lp);
	dx_end(c->x);
}

/* Writes the runs of in, adding rp's style to each. */
void
dx_inline(dx_ctx *c, const vb_inline *in, const dx_rpr *rp)
{
	size_t i;

	for (i = 0; i < in->n; i++) {
		const vb_run *r = &in->runs[i];

		switch (r->kind) {
		case VB_RUN_TEXT:
			if (r->href != NULL && *r->href != '\0')
				link_run(c, r, rp);
			else
				dx_run(c, r->text, r->style, rp);
			break;
		case VB_RUN_BREAK:
			dx_start(c->x, "w:r");
			dx_empty(c->x, "w:br");
			dx_end(c->x);
			break;
		case VB_RUN_NOTE:
			note_ref(c, r->note);
			break;
		}
	}
}

/* Writes a whole paragraph of one text run. */
void
dx_para_text(dx_ctx *c, const dx_ppr *pp, const char *text, unsigned style,
    int half)
{
	dx_rpr rp = { 0, half, NULL };

	dx_start(c->x, "w:p");
	dx_ppr_write(c, pp);
	if (text != NULL && *text != '\0')
		dx_run(c, text, style, &rp);
	dx_end(c->x);
}

/* Starts a paragraph in style id holding text (may be NULL; '\n': line
 * breaks), with no direct formatting, ending section sect when that is
 * not NULL; the caller ends it (dx_end), after any runs it adds. */
void
dx_para_open(dx_ctx *c, const char *id, const char *text,
    const dx_sect *sect)
{
	dx_ppr pp = dx_ppr_init();

	pp.style = id;
	pp.sect = sect;
	dx_start(c->x, "w:p");
	dx_ppr_write(c, &pp);
	if (text != NULL && *text != '\0')
		dx_run(c, text, 0, NULL);
}

/* Writes a paragraph in style id holding text (may be NULL), with no
 * direct formatting; it ends section sect when that is not NULL. */
void
dx_para_sect(dx_ctx *c, const char *id, const char *text,
    const dx_sect *sect)
{
	dx_para_open(c, id, text, sect);
	dx_end(c->x);
}

/* Writes a paragraph in style id holding text ('\n': line breaks), with
 * no direct formatting. */
void
dx_para_styled(dx_ctx *c, const char *id, const char *text)
{
	dx_para_sect(c, id, text, NULL);
}

/* Writes an empty paragraph whose bottom border is a rule of width_tw
 * twips, centred in a box of box_tw twips, with space before and after
 * (twips). */
void
dx_rule(dx_ctx *c, int box_tw, int width_tw, int before, int after,
    const dx_sect *sect)
{
	dx_ppr pp = dx_ppr_init();
	int side = (box_tw - width_tw) / 2;

	pp.sect = sect;
	pp.style = DX_ST_RULE;
	pp.rule = 1;
	pp.before = before;
	pp.after = after;
	pp.line = 100;		/* 5 pt: the rule sits just under the text */
	pp.exact = 1;
	pp.ind = 1;
	pp.left = side > 0 ? side : 0;
	pp.right = side > 0 ? side : 0;
	pp.first = 0;
	pp.jc = "center";
	pp.mark_half = 4;
	dx_start(c->x, "w:p");
	dx_ppr_write(c, &pp);
	dx_end(c->x);
}
