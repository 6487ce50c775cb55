/* docx_numbering.c - word/numbering.xml: real Word lists, so that numbers
 * follow when a clerk inserts, moves or re-levels a paragraph in Word.
 *
 * - One multilevel list for the headings, linked to the Heading 1-9 styles
 *   (I. upper Roman, 1. decimal, a) Latin letter, then unnumbered levels):
 *   a heading whose number is an automatic label (vb_block.label) gets it
 *   from this list; one written as text is taken off the list. The body is
 *   one list instance; each appendix is another that starts again at I.
 * - One multilevel list for bullets: "-" level 0, "+" level 1, "•" below,
 *   each level at the body's first-line indent (Decree 30 practice), so
 *   Tab and Shift+Tab turn "-" into "+" and back.
 * - Ordered lists: one multilevel definition per delimiter ("1." or "1)"),
 *   one instance per list of the model, starting where the model says, at
 *   the list's nesting level. */
#include "docx_int.h"

#include <stdio.h>
#include <string.h>

/* The abstract definitions, by w:abstractNumId. */
enum {
	ABS_HEADING,		/* the heading list */
	ABS_BULLET,		/* "-", "+", "•" */
	ABS_DOT,		/* ordered, "1." */
	ABS_PAREN,		/* ordered, "1)" */
	NABS
};

/* Deepest level of a Word list (levels 0-8). */
#define MAX_LVL 8

/* Adds a list instance of abstract definition abs; returns its w:numId. */
static int
num_add(dx_numbering *num, vb_arena *a, int abs, int list, int lvl,
    int start)
{
	dx_num *n;

	num->nums = vb_grow(a, num->nums, num->nnums + 1, sizeof(dx_num),
	    &num->num_cap);
	n = &num->nums[num->nnums++];
	memset(n, 0, sizeof(*n));
	n->abs = abs;
	n->list = list;
	n->lvl = lvl;
	n->start = start;
	return (int)num->nnums;
}

/* Returns the list level of an item: bullets by marker ("-" 0, "+" 1,
 * others their depth), ordered items by depth. */
static int
item_level(const vb_block *b)
{
	int lv = b->level > MAX_LVL ? MAX_LVL : b->level < 0 ? 0 : b->level;

	if (b->list > 0 || b->number == NULL)
		return lv;
	if (strcmp(b->number, "-") == 0)
		return 0;
	if (strcmp(b->number, "+") == 0)
		return 1;
	return lv < 2 ? 2 : lv;
}

/* Returns 1 when an ordered item's marker ends in ')'. */
static int
paren(const vb_block *b)
{
	size_t n = b->number != NULL ? strlen(b->number) : 0;

	return n > 0 && b->number[n - 1] == ')';
}

/* Records the ordered lists of one part. */
static void
plan_part(dx_numbering *num, vb_arena *a, const vb_part *part)
{
	size_t i, k;

	for (i = 0; i < part->n; i++) {
		const vb_block *b = &part->blocks[i];

		if (b->kind != VB_BLOCK_ITEM || b->continued || b->list <= 0)
			continue;
		for (k = 0; k < num->nnums; k++)
			if (num->nums[k].list == b->list)
				break;
		if (k == num->nnums)
			num_add(num, a, paren(b) ? ABS_PAREN : ABS_DOT, b->list,
			    item_level(b), b->ordinal > 0 ? b->ordinal : 1);
	}
}

/* Returns 1 when part has a heading. */
static int
has_headings(const vb_part *part)
{
	size_t i;

	for (i = 0; i < part->n; i++)
		if (part->blocks[i].kind == VB_BLOCK_HEADING)
			return 1;
	return 0;
}

/* Collects the lists of every part of doc into num. */
void
dx_numbering_plan(dx_numbering *num, const vb_document *doc)
{
	vb_arena *a = doc->arena;
	size_t i;

	memset(num, 0, sizeof(*num));
	num->heading_id = num_add(num, a, ABS_HEADING, 0, 0, 0);
	num->bullet_id = num_add(num, a, ABS_BULLET, 0, 0, 0);
	num->parts = vb_alloc(a, (doc->nappendices + 1) * sizeof(int));
	num->parts[0] = num->heading_id;
	plan_part(num, a, &doc->body);
	for (i = 0; i < doc->nappendices; i++) {
		num->parts[i + 1] = has_headings(&doc->appendices[i]) ?
		    num_add(num, a, ABS_HEADING, 0, -1, 1) : num->heading_id;
		plan_part(num, a, &doc->appendices[i]);
	}
}

/* Returns the w:numId of an item block, 0 when it has no marker; sets
 * *lvl to its list level. */
int
dx_numbering_item(const dx_numbering *num, const vb_block *b, int *lvl)
{
	size_t i;

	*lvl = item_level(b);
	if (b->kind != VB_BLOCK_ITEM || b->continued)
		return 0;
	if (b->list <= 0)
		return num->bullet_id;
	for (i = 0; i < num->nnums; i++)
		if (num->nums[i].list == b->list)
			return (int)i + 1;
	return 0;
}

/* Writes the w:ind of a list level: the label at the body's first-line
 * indent, wrapped lines back at the margin (Decree 30 practice). */
static void
lvl_ind(dx_xml *x, const vb_profile *p)
{
	dx_start(x, "w:pPr");
	dx_start(x, "w:ind");
	dx_attri(x, "w:left", 0);
	dx_attri(x, "w:firstLine", VB_CM_TO_TWIPS(p->indent_cm));
	dx_end(x);
	dx_end(x);
}

/* Writes the run properties of a bullet label: the document font, not
 * Symbol. */
static void
lvl_font(dx_xml *x, const vb_profile *p)
{
	dx_start(x, "w:rPr");
	dx_start(x, "w:rFonts");
	dx_attr(x, "w:ascii", p->font);
	dx_attr(x, "w:hAnsi", p->font);
	dx_attr(x, "w:cs", p->font);
	dx_attr(x, "w:hint", "default");
	dx_end(x);
	dx_end(x);
}

/* Writes one level: its format, text, linked style and indent. */
static void
lvl_write(dx_xml *x, const vb_profile *p, int ilvl, const char *fmt,
    const char *text, const char *style)
{
	int none = strcmp(fmt, "none") == 0;

	dx_start(x, "w:lvl");
	dx_attri(x, "w:ilvl", ilvl);
	dx_vali(x, "w:start", 1);
	dx_val(x, "w:numFmt", fmt);
	if (style != NULL)
		dx_val(x, "w:pStyle", style);
	dx_val(x, "w:suff", none ? "nothing" : "space");
	dx_val(x, "w:lvlText", text);
	dx_val(x, "w:lvlJc", "left");
	if (!none)
		lvl_ind(x, p);
	if (strcmp(fmt, "bullet") == 0)
		lvl_font(x, p);
	dx_end(x);
}

/* Writes the heading list: I., 1., a) linked to Heading 1-3, then the
 * unnumbered Heading 4-9. */
static void
abs_heading(dx_ctx *c, dx_xml *x)
{
	static const char *const fmt[] = { "upperRoman", "decimal",
	    "lowerLetter" };
	static const char *const text[] = { "%1.", "%2.", "%3)" };
	char style[24];
	int i;

	for (i = 0; i <= MAX_LVL; i++) {
		snprintf(style, sizeof(style), "%s%d", DX_ST_HEADING, i + 1);
		lvl_write(x, c->p, i, i < 3 ? fmt[i] : "none", i < 3 ? text[i] :
		    "", style);
	}
}

/* Writes the bullet list: "-", "+", then "•" for the deeper levels. */
static void
abs_bullet(dx_ctx *c, dx_xml *x)
{
	int i;

	for (i = 0; i <= MAX_LVL; i++)
		lvl_write(x, c->p, i, "bullet", i == 0 ? "-" : i == 1 ? "+" :
		    "•", NULL);
}

/* Writes an ordered list: decimal at every level, each level showing only
 * its own number, as Markdown writes it ("1." or "1)"). */
static void
abs_ordered(dx_ctx *c, dx_xml *x, char delim)
{
	char text[8];
	int i;

	for (i = 0; i <= MAX_LVL; i++) {
		text[0] = '%';
		text[1] = (char)('1' + i);
		text[2] = delim;
		text[3] = '\0';
		lvl_write(x, c->p, i, "decimal", text, NULL);
	}
}

/* Writes one abstract definition. */
static void
write_abs(dx_ctx *c, dx_xml *x, int id)
{
	static const char *const names[] = { "Đề mục", "Gạch đầu dòng",
	    "Danh sách số", "Danh sách số ngoặc" };

	dx_start(x, "w:abstractNum");
	dx_attri(x, "w:abstractNumId", id);
	dx_val(x, "w:multiLevelType", id == ABS_BULLET ? "hybridMultilevel" :
	    "multilevel");
	dx_val(x, "w:name", names[id]);
	if (id == ABS_HEADING)
		abs_heading(c, x);
	else if (id == ABS_BULLET)
		abs_bullet(c, x);
	else
		abs_ordered(c, x, id == ABS_DOT ? '.' : ')');
	dx_end(x);
}

/* Writes a start override of level lvl. */
static void
start_override(dx_xml *x, int lvl, int start)
{
	dx_start(x, "w:lvlOverride");
	dx_attri(x, "w:ilvl", lvl);
	dx_vali(x, "w:startOverride", start);
	dx_end(x);
}

/* Writes one list instance: an ordered list starts at its first number;
 * an appendix's heading list starts again at I., 1. and a). */
static void
write_num(dx_xml *x, const dx_num *n, int id)
{
	int i;

	dx_start(x, "w:num");
	dx_attri(x, "w:numId", id);
	dx_vali(x, "w:abstractNumId", n->abs);
	if (n->list > 0)
		start_override(x, n->lvl, n->start);
	else if (n->abs == ABS_HEADING && n->lvl < 0)
		for (i = 0; i < 3; i++)
			start_override(x, i, 1);
	dx_end(x);
}

/* Writes word/numbering.xml into out; returns 0 or -1. */
int
dx_numbering_write(dx_ctx *c, vb_buf *out)
{
	const dx_numbering *num = c->num;
	dx_xml x;
	size_t i;

	if (dx_open(&x) < 0)
		return -1;
	dx_start(&x, "w:numbering");
	dx_attr(&x, "xmlns:w", DX_NS_W);
	for (i = 0; i < NABS; i++)
		write_abs(c, &x, (int)i);
	for (i = 0; i < num->nnums; i++)
		write_num(&x, &num->nums[i], (int)i + 1);
	dx_end(&x);
	return dx_close(&x, out);
}
