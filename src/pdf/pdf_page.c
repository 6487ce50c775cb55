/* pdf_page.c - our own page breaker: boxes of lines go onto pages keeping
 * headings with what follows, no lone first or last line of a paragraph,
 * the signature block whole and with the body's last lines, table headings
 * repeated, footnotes at the foot of the page that refers to them; and the
 * page furniture: size, orientation, number in the top margin. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pdf_int.h"

/* Slack for rounding when comparing positions, pt. */
#define EPS 0.01

/* Returns a new empty box (in the arena). */
pdf_box *
pdf_box_new(pdf_ctx *c)
{
	pdf_box *b = vb_alloc(c->arena, sizeof(*b));

	b->min_first = 1;
	b->min_last = 1;
	b->line = c->src_line;
	return b;
}

/* Appends a line to b; returns it, zeroed but for h. */
pdf_line *
pdf_box_line(pdf_ctx *c, pdf_box *b, double h)
{
	pdf_line *l;

	b->lines = vb_grow(c->arena, b->lines, b->n + 1, sizeof(*b->lines),
	    &b->cap);
	l = &b->lines[b->n++];
	memset(l, 0, sizeof(*l));
	l->h = h;
	return l;
}

/* Draws the rule of a rule line: its length is in l->data. */
static void
draw_rule(pdf_ctx *c, const pdf_line *l, double x, double y)
{
	(void)x;
	pdf_rule(c, c->left + c->width / 2, y + PDF_RULE_LINE +
	    c->pf->rule_pt / 2, *(const double *)l->data, c->pf->rule_pt);
}

/* Appends a short rule of length w centred on the text width to b, with
 * after pt of space below it. */
void
pdf_box_rule(pdf_ctx *c, pdf_box *b, double w, double after)
{
	double *len = vb_alloc(c->arena, sizeof(*len));
	pdf_line *l = pdf_box_line(c, b, PDF_RULE_LINE + c->pf->rule_pt);

	*len = w;
	l->draw = draw_rule;
	l->data = len;
	if (after > 0)
		pdf_box_space(c, b, after);
}

/* Appends an empty line of height h to b. */
void
pdf_box_space(pdf_ctx *c, pdf_box *b, double h)
{
	pdf_box_line(c, b, h);
}

/* Makes b own layout l (freed after drawing). */
void
pdf_box_own(pdf_ctx *c, pdf_box *b, PangoLayout *l)
{
	b->own = vb_grow(c->arena, b->own, b->nown + 1, sizeof(*b->own),
	    &b->cown);
	b->own[b->nown++] = l;
}

/* Returns the footnotes of p marked in bytes [s, e), in the arena; sets *n. */
static const int *
line_notes(pdf_ctx *c, const pdf_para *p, int s, int e, size_t *n)
{
	int *v = NULL;
	size_t i, k = 0;

	for (i = 0; i < p->nnotes; i++)
		if (p->note_at[i] >= s && p->note_at[i] < e)
			k++;
	*n = k;
	if (k == 0)
		return NULL;
	v = vb_alloc(c->arena, k * sizeof(*v));
	for (i = 0, k = 0; i < p->nnotes; i++)
		if (p->note_at[i] >= s && p->note_at[i] < e)
			v[k++] = p->notes[i];
	return v;
}

/* Appends every line of p, dx from the left margin, to b; b owns p's layout. */
void
pdf_box_para(pdf_ctx *c, pdf_box *b, pdf_para *p, double dx)
{
	PangoLayoutIter *it = pango_layout_get_iter(p->layout);
	PangoLayoutLine *pl;
	PangoRectangle log;
	pdf_line *l;

	do {
		pango_layout_iter_get_line_extents(it, NULL, &log);
		pl = pango_layout_iter_get_line_readonly(it);
		l = pdf_box_line(c, b, p->line_h);
		l->para = p;
		l->pl = pl;
		l->start = pl->start_index;
		l->len = pl->length;
		l->x = log.x / (double)PANGO_SCALE;
		l->dx = dx;
		l->draw = pdf_line_draw_text;
		if (p->nnotes > 0)
			l->notes = line_notes(c, p, l->start,
			    l->start + (l->len > 0 ? l->len : 1), &l->nnotes);
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	pdf_box_own(c, b, p->layout);
}

/* Draws the page number centred in the top margin, its line starting
 * half-way down the margin (the DOCX header distance). */
static void
page_number(pdf_ctx *c)
{
	pdf_style st = pdf_style_body(c, c->pf->page_number_pt);
	char num[16];
	pdf_para *p;

	snprintf(num, sizeof(num), "%d", c->folio);
	st.align = PANGO_ALIGN_CENTER;
	p = pdf_para_text(c, &st, num);
	pdf_para_draw(c, p, c->left, VB_MM_TO_PT(c->pf->margin_top_mm) / 2);
	pdf_para_free(p);
}

/* Starts a new page of the current part. */
static void
page_begin(pdf_ctx *c)
{
	c->page++;
	c->folio++;
	c->open = 1;
	c->at_top = 1;
	c->y = c->top;
	c->bottom = c->ph - VB_MM_TO_PT(c->pf->margin_bottom_mm);
	c->notes_h = 0;
	c->npnotes = 0;
	if (c->raster)
		pdf_raster_page_begin(c);
	else if (c->page > 1)	/* page 1 has the surface's size; setting it
				 * there breaks cairo 1.16's structure tree */
		cairo_pdf_surface_set_size(c->surf, c->pw, c->ph);
	cairo_set_source_rgb(c->cr, 0, 0, 0);
	if (c->folio >= 2)
		page_number(c);
	if (c->page == 1)
		pdf_marks_page1(c);
}

/* Finishes the current page, if any. */
void
pdf_page_end(pdf_ctx *c)
{
	if (!c->open)
		return;
	pdf_notes_draw(c);
	if (c->raster)
		pdf_raster_page_end(c);
	else
		cairo_show_page(c->cr);
	c->open = 0;
}

/* Adds the bookmark of line l, on the current page at height y. */
static void
bookmark(pdf_ctx *c, const pdf_line *l, double y)
{
	int lv = l->level < 1 ? 1 : l->level > 7 ? 7 : l->level, parent, i;
	char *dest;

	if (c->raster)		/* page images have no outline */
		return;
	for (parent = lv - 1; parent > 0 && c->outline[parent] == 0; parent--)
		;
	dest = vb_sprintf(c->arena, "page=%d pos=[%.1f %.1f]", c->page,
	    c->left, y);
	c->outline[lv] = cairo_pdf_surface_add_outline(c->surf,
	    parent > 0 ? c->outline[parent] : CAIRO_PDF_OUTLINE_ROOT,
	    l->outline, dest, 0);
	for (i = lv + 1; i < 8; i++)
		c->outline[i] = 0;
}

/* Draws line l at the current position and moves down. */
static void
put_line(pdf_ctx *c, const pdf_line *l)
{
	size_t i;

	if (l->outline != NULL)
		bookmark(c, l, c->y);
	if (l->toc > 0 && c->toc_pages != NULL) {	/* what its entry links to */
		cairo_tag_begin(c->cr, CAIRO_TAG_DEST, vb_sprintf(c->arena,
		    "name='%s' x=%.2f y=%.2f", c->doc->toc[l->toc - 1].anchor,
		    c->left, c->y));
		cairo_tag_end(c->cr, CAIRO_TAG_DEST);
	}
	if (l->toc > 0 && c->toc_found != NULL) {
		c->toc_found[l->toc - 1] = c->folio;
	}
	for (i = 0; i < l->nnotes; i++)
		pdf_notes_add(c, l->notes[i]);
	if (l->draw != NULL)
		l->draw(c, l, c->left + l->dx, c->y);
	c->y += l->h;
	c->at_top = 0;
}

/* Returns how many lines of b from line from fit on the page as it is. */
static size_t
fit_raw(const pdf_ctx *c, const pdf_box *b, size_t from)
{
	double y = c->y, notes = c->notes_h, add;
	size_t k, i;

	for (k = from; k < b->n; k++) {
		add = 0;
		for (i = 0; i < b->lines[k].nnotes; i++)
			add += pdf_notes_extra(c, b->lines[k].notes[i],
			    notes + add);
		if (y + b->lines[k].h + notes + add > c->bottom + EPS)
			break;
		y += b->lines[k].h;
		notes += add;
	}
	return k;
}

/* Returns the height of lines [0, k) of b. */
static double
lines_height(const pdf_box *b, size_t k)
{
	double h = 0;
	size_t i;

	for (i = 0; i < k && i < b->n; i++)
		h += b->lines[i].h;
	return h;
}

/* Returns how many leading lines of b may not be separated. */
static size_t
first_chunk(const pdf_box *b)
{
	if (b->n < b->min_first + b->min_last)
		return b->n;
	return b->min_first;
}

/* Returns the height that must follow queued box i on its last page. */
static double
need_after(const pdf_ctx *c, size_t i)
{
	const pdf_box *b = &c->queue[i], *nb;
	size_t k;
	double h;

	if (!b->keep_next || i + 1 >= c->nqueue)
		return 0;
	nb = &c->queue[i + 1];
	k = first_chunk(nb);
	h = b->after + lines_height(nb, k);
	if (k == nb->n)
		h += need_after(c, i + 1);
	return h;
}

/* Returns how many lines of b from line from go on this page, keeping
 * tail pt of what follows with the box's end. */
static size_t
fit(const pdf_ctx *c, const pdf_box *b, size_t from, double tail)
{
	size_t k = fit_raw(c, b, from);

	if (k == b->n && tail > 0 &&
	    c->y + lines_height(b, b->n) - lines_height(b, from) + tail +
	    c->notes_h > c->bottom + EPS)
		k = b->n > b->min_last ? b->n - b->min_last : 0;
	if (k < b->n) {
		if (b->n - k < b->min_last)
			k = b->n > b->min_last ? b->n - b->min_last : 0;
		if (from == 0 && k < b->min_first)
			k = 0;
	}
	return k < from ? from : k;
}

/* Ends the page and starts the next, repeating b's heading lines when the
 * box continues from line from. */
static void
page_break(pdf_ctx *c, const pdf_box *b, size_t from)
{
	size_t i;

	pdf_page_end(c);
	page_begin(c);
	if (b->nhead > 0 && from >= b->nhead) {
		for (i = 0; i < b->nhead; i++)
			put_line(c, &b->lines[i]);
		c->at_top = 1;
	}
}

/* Returns the height of line l to show on this page when it is taller
 * than the room left, done pt of it being shown already: a whole number of
 * its text lines when it says how tall they are. */
static double
cut_height(const pdf_line *l, double done, double room)
{
	double n, cut, least = l->unit > 0 ? l->unit : 12;

	if (l->h - done <= room + EPS)
		return l->h - done;
	if (l->unit <= 0)
		cut = room;
	else {
		n = floor((done + room - l->unit0) / l->unit);
		cut = l->unit0 + n * l->unit - done;
		if (cut <= 1)
			cut = room;
	}
	if (cut < least)	/* no room (huge heading rows): still progress */
		cut = least < l->h - done ? least : l->h - done;
	return cut;
}

/* Draws line i of b, taller than a page, over as many pages as it needs,
 * each piece clipped to the text area (a table row longer than a page). */
static void
put_tall_line(pdf_ctx *c, const pdf_box *b, size_t i)
{
	const pdf_line *l = &b->lines[i];
	double done = 0, cut;
	size_t k;

	for (k = 0; k < l->nnotes; k++)
		pdf_notes_add(c, l->notes[k]);
	for (;;) {
		cut = cut_height(l, done, c->bottom - c->notes_h - c->y);
		cairo_save(c->cr);
		cairo_rectangle(c->cr, 0, c->y, c->pw, cut);
		cairo_clip(c->cr);
		c->clip_top = c->y;
		c->clip_bottom = c->y + cut;
		l->draw(c, l, c->left + l->dx, c->y - done);
		c->clip_top = -1e9;
		c->clip_bottom = 1e9;
		cairo_restore(c->cr);
		c->y += cut;
		done += cut;
		c->at_top = 0;
		if (done >= l->h - EPS)
			break;
		page_break(c, b, i);
	}
}

/* Returns 1 when line i of b may be cut and is taller than a page. */
static int
is_tall(const pdf_ctx *c, const pdf_box *b, size_t i)
{
	return b->lines[i].unit > 0 && b->lines[i].h >
	    c->bottom - c->top - lines_height(b, b->nhead);
}

/* Places the lines of b from line *from that fit whole, then the part of
 * the next one that fits when it can be split (a table row breaks across
 * pages like a Word row: its cells' lines that fit stay, the rest goes on,
 * after the repeated heading rows); the rest replaces that line and *from
 * moves to it. Table heading rows go only with a part of a row. Returns 1
 * when it split a line, 0 when it placed nothing. */
static int
place_split(pdf_ctx *c, pdf_box *b, size_t *fromp)
{
	size_t from = *fromp;
	size_t k = fit_raw(c, b, from), i;
	pdf_line first, rest;
	double avail, h;

	if (k >= b->n || b->lines[k].split == NULL || k < b->nhead)
		return 0;
	avail = c->bottom - c->notes_h - c->y - lines_height(b, k) +
	    lines_height(b, from);
	memset(&first, 0, sizeof(first));
	memset(&rest, 0, sizeof(rest));
	h = b->lines[k].split(c, &b->lines[k], avail, &first, &rest);
	if (h <= 0)
		return 0;
	for (i = from; i < k; i++)
		put_line(c, &b->lines[i]);
	put_line(c, &first);
	b->lines[k] = rest;
	page_break(c, b, k);
	*fromp = k;
	return 1;
}

/* Places queued box i on the pages. */
static void
place_box(pdf_ctx *c, size_t i)
{
	pdf_box *b = &c->queue[i];
	double tail = need_after(c, i);
	size_t from = 0, k;

	if (!c->open)
		page_begin(c);
	if (b->break_before && !c->at_top)
		page_break(c, b, 0);
	while (from < b->n) {
		if (c->raster)
			pdf_raster_note_line(c, b->line);
		if (is_tall(c, b, from)) {
			put_tall_line(c, b, from++);	/* as Word: starts here */
			continue;
		}
		if (place_split(c, b, &from))
			continue;
		k = fit(c, b, from, tail);
		/* a group row is never last on its page */
		while (k > from && k < b->n && b->lines[k - 1].keep)
			k--;
		if (k == from && !c->at_top) {
			page_break(c, b, from);
			continue;
		}
		if (k == from) {
			k = fit_raw(c, b, from);
			if (k == from && b->lines[from].draw != NULL &&
			    b->lines[from].draw != pdf_line_draw_text) {
				put_tall_line(c, b, from++);
				continue;
			}
			if (k == from)
				k = from + 1;
		}
		for (; from < k; from++)
			put_line(c, &b->lines[from]);
		if (from < b->n && !is_tall(c, b, from))
			page_break(c, b, from);
	}
	c->y += b->after;
}

/* Frees the layouts box b owns. */
static void
box_free(pdf_box *b)
{
	size_t i;

	for (i = 0; i < b->nown; i++)
		g_object_unref(b->own[i]);
	b->nown = 0;
}

/* Places the queued boxes whose followers are known (all when all). */
static void
place_ready(pdf_ctx *c, int all)
{
	size_t i = 0, j;

	while (i < c->nqueue) {
		for (j = i; j < c->nqueue && c->queue[j].keep_next; j++)
			;
		if (j >= c->nqueue && !all)
			break;
		place_box(c, i);
		box_free(&c->queue[i]);
		i++;
	}
	if (i > 0) {
		memmove(c->queue, c->queue + i,
		    (c->nqueue - i) * sizeof(*c->queue));
		c->nqueue -= i;
	}
}

/* Queues b for placing; it is copied, and placed once what follows it is known. */
void
pdf_flow_push(pdf_ctx *c, const pdf_box *b)
{
	if (b->n == 0)
		return;
	c->queue = vb_grow(c->arena, c->queue, c->nqueue + 1,
	    sizeof(*c->queue), &c->cqueue);
	c->queue[c->nqueue++] = *b;
	if (c->break_next) {	/* an explicit page break came before it */
		c->queue[c->nqueue - 1].break_before = 1;
		c->break_next = 0;
	}
	place_ready(c, 0);
}

/* Places every queued box. */
void
pdf_flow_flush(pdf_ctx *c)
{
	place_ready(c, 1);
}

/* Starts a part: a new page, orientation, numbering from 1. */
void
pdf_part_begin(pdf_ctx *c, int landscape)
{
	const vb_profile *p = c->pf;

	pdf_flow_flush(c);
	pdf_page_end(c);
	c->landscape = landscape;
	c->pw = VB_MM_TO_PT(landscape ? p->page_h_mm : p->page_w_mm);
	c->ph = VB_MM_TO_PT(landscape ? p->page_w_mm : p->page_h_mm);
	c->left = VB_MM_TO_PT(p->margin_left_mm);
	c->top = VB_MM_TO_PT(p->margin_top_mm);
	c->bottom = c->ph - VB_MM_TO_PT(p->margin_bottom_mm);
	c->width = c->pw - c->left - VB_MM_TO_PT(p->margin_right_mm);
	c->folio = 0;
	c->clip_top = -1e9;
	c->clip_bottom = 1e9;
	pdf_notes_prepare(c);
	page_begin(c);
}
