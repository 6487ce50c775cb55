/* docx_numbering.c - real Word lists for list items: one bullet definition
 * per marker ("-", "+"), one decimal definition per number delimiter, and
 * one list instance per ordered list so its numbers start where the
 * model says. */
#include "docx_int.h"

#include <string.h>

/* Returns the index of the abstract definition (ordered, text), adding it
 * when new. */
static int
abs_find(dx_numbering *num, vb_arena *a, int ordered, const char *text)
{
	size_t i;

	for (i = 0; i < num->nabs; i++)
		if (num->abs[i].ordered == ordered &&
		    strcmp(num->abs[i].text, text) == 0)
			return (int)i;
	num->abs = vb_grow(a, num->abs, num->nabs + 1, sizeof(dx_absnum),
	    &num->abs_cap);
	num->abs[num->nabs].ordered = ordered;
	num->abs[num->nabs].text = text;
	return (int)num->nabs++;
}

/* Adds a list instance; returns nothing (the id is its index + 1). */
static void
num_add(dx_numbering *num, vb_arena *a, int abs, int list,
    const char *marker, int start)
{
	dx_num *n;

	num->nums = vb_grow(a, num->nums, num->nnums + 1, sizeof(dx_num),
	    &num->num_cap);
	n = &num->nums[num->nnums++];
	n->abs = abs;
	n->list = list;
	n->marker = marker;
	n->start = start;
}

/* Returns the level text of an ordered marker: "3)" gives "%1)". */
static const char *
ordered_text(const char *marker)
{
	size_t n = marker != NULL ? strlen(marker) : 0;

	return n > 0 && marker[n - 1] == ')' ? "%1)" : "%1.";
}

/* Records the list an item belongs to, if not seen yet. */
static void
plan_item(dx_numbering *num, vb_arena *a, const vb_block *b)
{
	const char *marker = b->number != NULL ? b->number : "-";

	if (b->continued || dx_numbering_id(num, b) > 0)
		return;
	if (b->list > 0)
		num_add(num, a, abs_find(num, a, 1, ordered_text(marker)),
		    b->list, NULL, b->ordinal > 0 ? b->ordinal : 1);
	else
		num_add(num, a, abs_find(num, a, 0, marker), 0, marker, 0);
}

/* Records the lists of one part. */
static void
plan_part(dx_numbering *num, vb_arena *a, const vb_part *part)
{
	size_t i;

	for (i = 0; i < part->n; i++)
		if (part->blocks[i].kind == VB_BLOCK_ITEM)
			plan_item(num, a, &part->blocks[i]);
}

/* Collects the lists of every part of doc into num. */
void
dx_numbering_plan(dx_numbering *num, const vb_document *doc)
{
	size_t i;

	memset(num, 0, sizeof(*num));
	plan_part(num, doc->arena, &doc->body);
	for (i = 0; i < doc->nappendices; i++)
		plan_part(num, doc->arena, &doc->appendices[i]);
}

/* Returns the w:numId for an item block (0 when it has no marker). */
int
dx_numbering_id(const dx_numbering *num, const vb_block *b)
{
	const char *marker = b->number != NULL ? b->number : "-";
	size_t i;

	if (b->kind != VB_BLOCK_ITEM || b->continued)
		return 0;
	for (i = 0; i < num->nnums; i++) {
		const dx_num *n = &num->nums[i];

		if (b->list > 0 ? n->list == b->list :
		    n->list == 0 && strcmp(n->marker, marker) == 0)
			return (int)i + 1;
	}
	return 0;
}

/* Writes one abstract definition: a single level whose marker sits at the
 * first-line indent and whose wrapped lines go back to the margin. */
static void
write_abs(dx_xml *x, const dx_absnum *ab, int id, const vb_profile *p)
{
	dx_start(x, "w:abstractNum");
	dx_attri(x, "w:abstractNumId", id);
	dx_val(x, "w:multiLevelType", "singleLevel");
	dx_start(x, "w:lvl");
	dx_attri(x, "w:ilvl", 0);
	dx_vali(x, "w:start", 1);
	dx_val(x, "w:numFmt", ab->ordered ? "decimal" : "bullet");
	dx_val(x, "w:suff", "space");
	dx_val(x, "w:lvlText", ab->text);
	dx_val(x, "w:lvlJc", "left");
	dx_start(x, "w:pPr");
	dx_start(x, "w:ind");
	dx_attri(x, "w:left", 0);
	dx_attri(x, "w:firstLine", VB_CM_TO_TWIPS(p->indent_cm));
	dx_end(x);
	dx_end(x);
	dx_start(x, "w:rPr");
	dx_start(x, "w:rFonts");
	dx_attr(x, "w:ascii", p->font);
	dx_attr(x, "w:hAnsi", p->font);
	dx_attr(x, "w:cs", p->font);
	dx_attr(x, "w:hint", "default");
	dx_end(x);
	dx_end(x);
	dx_end(x);
	dx_end(x);
}

/* Writes one list instance, restarting at its first number. */
static void
write_num(dx_xml *x, const dx_num *n, int id)
{
	dx_start(x, "w:num");
	dx_attri(x, "w:numId", id);
	dx_vali(x, "w:abstractNumId", n->abs);
	if (n->list > 0) {
		dx_start(x, "w:lvlOverride");
		dx_attri(x, "w:ilvl", 0);
		dx_vali(x, "w:startOverride", n->start);
		dx_end(x);
	}
	dx_end(x);
}

/* Writes word/numbering.xml into out; returns 0 or -1. */
int
dx_numbering_write(const dx_numbering *num, const vb_profile *p, vb_buf *out)
{
	dx_xml x;
	size_t i;

	if (dx_open(&x) < 0)
		return -1;
	dx_start(&x, "w:numbering");
	dx_attr(&x, "xmlns:w", DX_NS_W);
	for (i = 0; i < num->nabs; i++)
		write_abs(&x, &num->abs[i], (int)i, p);
	for (i = 0; i < num->nnums; i++)
		write_num(&x, &num->nums[i], (int)i + 1);
	dx_end(&x);
	return dx_close(&x, out);
}
