/* pdf_layout.c - paragraphs: model runs to a Pango layout with attributes,
 * and drawing its lines where the page breaker put them. */
#include <stdio.h>
#include <string.h>

#include "pdf_int.h"

/* Sets a's byte range to [s, e) and adds it to al. */
static void
attr_add(PangoAttrList *al, PangoAttribute *a, size_t s, size_t e)
{
	a->start_index = (guint)s;
	a->end_index = (guint)e;
	pango_attr_list_insert(al, a);
}

/* Superscript and subscript as LibreOffice sets them: 58 % of the size,
 * raised 33 % or lowered 8 % of the size. */
#define SCRIPT_SCALE 0.58
#define SUPER_RISE 0.33
#define SUB_DROP 0.08

/* Adds the attributes of run style flags over [s, e) of text at size pt. */
static void
style_attrs(PangoAttrList *al, unsigned style, double size, size_t s,
    size_t e)
{
	if (s == e)
		return;
	if (style & VB_BOLD)
		attr_add(al, pango_attr_weight_new(PANGO_WEIGHT_BOLD), s, e);
	if (style & VB_ITALIC)
		attr_add(al, pango_attr_style_new(PANGO_STYLE_ITALIC), s, e);
	if (style & VB_UNDERLINE)
		attr_add(al, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE),
		    s, e);
	if (style & VB_STRIKE)
		attr_add(al, pango_attr_strikethrough_new(TRUE), s, e);
	if (style & (VB_SUPER | VB_SUB)) {
		attr_add(al, pango_attr_scale_new(SCRIPT_SCALE), s, e);
		attr_add(al, pango_attr_rise_new((int)((style & VB_SUPER ?
		    SUPER_RISE : -SUB_DROP) * size * PANGO_SCALE)), s, e);
	}
}

/* Appends s to t with line breaks and tabs turned into spaces. */
static void
put_flat(vb_buf *t, const char *s)
{
	size_t start = t->len;
	char *p;

	vb_buf_puts(t, s);
	for (p = t->data + start; p != NULL && *p != '\0'; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
}

/* Records a link over [s, e) of p's text. */
static void
add_link(pdf_ctx *c, pdf_para *p, size_t s, size_t e, const char *uri)
{
	p->links = vb_grow(c->arena, p->links, p->nlinks + 1,
	    sizeof(*p->links), &p->clinks);
	p->links[p->nlinks].start = (int)s;
	p->links[p->nlinks].end = (int)e;
	p->links[p->nlinks].uri = uri;
	p->nlinks++;
}

/* Records the mark of footnote n at byte at of p's text. */
static void
add_mark(pdf_ctx *c, pdf_para *p, size_t at, int n)
{
	size_t cap = p->cnotes;

	p->notes = vb_grow(c->arena, p->notes, p->nnotes + 1,
	    sizeof(*p->notes), &p->cnotes);
	p->note_at = vb_grow(c->arena, p->note_at, p->nnotes + 1,
	    sizeof(*p->note_at), &cap);
	p->notes[p->nnotes] = n;
	p->note_at[p->nnotes] = (int)at;
	p->nnotes++;
}

/* Returns the length of the separator (space or U+2028) at text[i], or 0. */
static size_t
separator(const char *text, size_t i, size_t len)
{
	if (text[i] == ' ')
		return 1;
	if (i + 2 < len && memcmp(text + i, "\xe2\x80\xa8", 3) == 0)
		return 3;
	return 0;
}

/* Longest token kept whole (bytes): a longer one must still break where
 * it meets the margin, or its end would run off the page. */
#define PDF_WHOLE_TOKEN 64

/* Forbids line breaks inside each space-separated token of text that
 * holds a '/' ("115/2020/NĐ-CP", "12/KH-SGDĐT") and is no longer than
 * PDF_WHOLE_TOKEN: LibreOffice and Word keep such tokens whole, while
 * Pango would break after the slash. */
static void
keep_slash_tokens(PangoAttrList *al, const char *text, size_t len)
{
	size_t i = 0, start, n;
	int slash;

	while (i < len) {
		while (i < len && (n = separator(text, i, len)) > 0)
			i += n;
		start = i;
		slash = 0;
		while (i < len && separator(text, i, len) == 0)
			slash |= text[i++] == '/';
		if (slash && i - start <= PDF_WHOLE_TOKEN)
			attr_add(al, pango_attr_allow_breaks_new(FALSE), start,
			    i);
	}
}

/* Returns p with its layout made from text[0..len) and al (consumed). */
static pdf_para *
para_finish(pdf_ctx *c, pdf_para *p, const pdf_style *st, const char *text,
    size_t len, PangoAttrList *al)
{
	PangoFontDescription *fd;
	PangoLayout *l;

	attr_add(al, pango_attr_font_features_new("kern 0, liga 0, clig 0"),
	    0, len);
	keep_slash_tokens(al, text, len);
	/* page images: the same paragraph as last time is laid out already */
	if (c->raster && (l = pdf_raster_layout_find(c, st, text, len, al))) {
		pango_attr_list_unref(al);
		p->layout = l;
		goto metrics;
	}
	fd = pango_font_description_new();
	l = pango_layout_new(c->pc);
	pango_font_description_set_family(fd, c->family);
	pango_font_description_set_absolute_size(fd, st->size * PANGO_SCALE);
	if (st->style & VB_BOLD)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	if (st->style & VB_ITALIC)
		pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(st->width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_justify(l, st->justify);
	pango_layout_set_indent(l, (int)(st->indent * PANGO_SCALE));
	pango_layout_set_alignment(l, st->align);
	pango_layout_set_text(l, text, (int)len);
	pango_layout_set_attributes(l, al);
	pango_attr_list_unref(al);
	p->layout = l;
	if (c->raster)
		pdf_raster_layout_keep(c, l);
metrics:
	/* Extra line spacing goes below the text, as in LibreOffice. */
	p->line_h = VB_SINGLE_LINE_FACTOR * st->size *
	    (st->spacing > 0 ? st->spacing : 1.0);
	p->ascent = (VB_SINGLE_LINE_FACTOR - PDF_DESCENT) * st->size;
	return p;
}

/* Returns a style for body text at the given size across the text width. */
pdf_style
pdf_style_body(const pdf_ctx *c, double size)
{
	pdf_style s;

	memset(&s, 0, sizeof(s));
	s.size = size;
	s.width = c->width;
	s.align = PANGO_ALIGN_LEFT;
	s.spacing = 1.0;
	return s;
}

/* Returns a paragraph of prefix (may be NULL) followed by the runs of in. */
pdf_para *
pdf_para_new(pdf_ctx *c, const pdf_style *st, const char *prefix,
    const vb_inline *in)
{
	pdf_para *p = vb_alloc(c->arena, sizeof(*p));
	PangoAttrList *al = pango_attr_list_new();
	vb_buf t = { NULL, 0, 0 };
	const vb_run *r;
	size_t i, s;
	char num[16];

	vb_buf_puts(&t, "");
	if (prefix != NULL)
		put_flat(&t, prefix);
	for (i = 0; in != NULL && i < in->n; i++) {
		r = &in->runs[i];
		s = t.len;
		switch (r->kind) {
		case VB_RUN_TEXT:
			put_flat(&t, r->text != NULL ? r->text : "");
			style_attrs(al, r->style, st->size, s, t.len);
			if (r->href != NULL && t.len > s) {
				/* black like all text (Decree 30), underlined */
				add_link(c, p, s, t.len, r->href);
				attr_add(al, pango_attr_underline_new(
				    PANGO_UNDERLINE_SINGLE), s, t.len);
			}
			break;
		case VB_RUN_BREAK:
			vb_buf_puts(&t, "\xe2\x80\xa8");	/* U+2028 */
			break;
		case VB_RUN_NOTE:
			snprintf(num, sizeof(num), "%d", r->note);
			vb_buf_puts(&t, num);
			style_attrs(al, VB_SUPER, st->size, s, t.len);
			add_mark(c, p, s, r->note);
			break;
		}
	}
	para_finish(c, p, st, t.data, t.len, al);
	vb_buf_free(&t);
	return p;
}

/* Returns a paragraph of plain text at size in style (VB_BOLD…), w wide,
 * centred or flush left ('\n' starts a new line). */
pdf_para *
pdf_para_plain(pdf_ctx *c, double size, unsigned style, double w,
    int centre, const char *text)
{
	pdf_style st = pdf_style_body(c, size);

	st.style = style;
	st.width = w;
	st.align = centre ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
	return pdf_para_text(c, &st, text);
}

/* Returns a paragraph of plain text ('\n' starts a new line). */
pdf_para *
pdf_para_text(pdf_ctx *c, const pdf_style *st, const char *text)
{
	pdf_para *p = vb_alloc(c->arena, sizeof(*p));
	vb_buf t = { NULL, 0, 0 };

	vb_buf_puts(&t, text != NULL ? text : "");
	para_finish(c, p, st, t.data, t.len, pango_attr_list_new());
	vb_buf_free(&t);
	return p;
}

/* Frees the layout of a paragraph made outside a box. */
void
pdf_para_free(pdf_para *p)
{
	if (p != NULL && p->layout != NULL)
		g_object_unref(p->layout);
	if (p != NULL)
		p->layout = NULL;
}

/* Returns the height of all lines of p. */
double
pdf_para_height(const pdf_para *p)
{
	return pango_layout_get_line_count(p->layout) * p->line_h;
}

/* Returns the width of p's widest line. */
double
pdf_para_width(const pdf_para *p)
{
	PangoLayoutIter *it = pango_layout_get_iter(p->layout);
	PangoRectangle log;
	double w = 0;

	do {
		pango_layout_iter_get_line_extents(it, NULL, &log);
		if (log.width / (double)PANGO_SCALE > w)
			w = log.width / (double)PANGO_SCALE;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return w;
}

/* Returns uri with ' and \ escaped for a cairo tag attribute, in the arena. */
static const char *
tag_escape(pdf_ctx *c, const char *uri)
{
	vb_buf b = { NULL, 0, 0 };
	const char *s;
	char *r;

	vb_buf_puts(&b, "");
	for (s = uri; *s != '\0'; s++) {
		if (*s == '\'' || *s == '\\')
			vb_buf_putc(&b, '\\');
		vb_buf_putc(&b, *s);
	}
	r = vb_strdup(c->arena, b.data);
	vb_buf_free(&b);
	return r;
}

/* Returns the index of the first link of p that ends after byte at (links
 * are recorded in text order and do not overlap), so each line looks only
 * at its own links. */
static size_t
first_link(const pdf_para *p, int at)
{
	size_t lo = 0, hi = p->nlinks, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (p->links[mid].end <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Adds link annotations for the parts of p's links on line pl, whose
 * layout edge is at x and whose box spans [y, y + h). */
static void
draw_links(pdf_ctx *c, const pdf_para *p, PangoLayoutLine *pl, double x,
    double y, double h)
{
	int ls = pl->start_index, le = pl->start_index + pl->length;
	int s, e, *ranges, nr, j;
	size_t i;
	char *attr;

	for (i = first_link(p, ls); i < p->nlinks && p->links[i].start < le; i++) {
		s = p->links[i].start > ls ? p->links[i].start : ls;
		e = p->links[i].end < le ? p->links[i].end : le;
		if (s >= e)
			continue;
		pango_layout_line_get_x_ranges(pl, s, e, &ranges, &nr);
		for (j = 0; j < nr; j++) {
			attr = vb_sprintf(c->arena,
			    "rect=[%.2f %.2f %.2f %.2f] uri='%s'",
			    x + ranges[2 * j] / (double)PANGO_SCALE, y,
			    (ranges[2 * j + 1] - ranges[2 * j]) /
			    (double)PANGO_SCALE, h,
			    tag_escape(c, p->links[i].uri));
			cairo_tag_begin(c->cr, CAIRO_TAG_LINK, attr);
			cairo_tag_end(c->cr, CAIRO_TAG_LINK);
		}
		g_free(ranges);
	}
}

/* Draws Pango line pl of p at layout edge x, offset lx, line top y. */
static void
show_line(pdf_ctx *c, const pdf_para *p, PangoLayoutLine *pl, double x,
    double lx, double y)
{
	if (c->raster)
		pdf_raster_note_text(c, pl, x + lx, y + p->ascent);
	if (!c->raster || pdf_raster_defer_text(c, pl, x + lx,
	    y + p->ascent) < 0) {
		cairo_move_to(c->cr, x + lx, y + p->ascent);
		pango_cairo_show_layout_line(c->cr, pl);
	}
	if (p->nlinks > 0)
		draw_links(c, p, pl, x, y, p->line_h);
}

/* Draws every line of p with its top at y and layout edge at x (but those
 * outside c's clip band); returns the height. */
double
pdf_para_draw(pdf_ctx *c, const pdf_para *p, double x, double y)
{
	PangoLayoutIter *it = pango_layout_get_iter(p->layout);
	PangoRectangle log;
	double top = y;

	do {
		pango_layout_iter_get_line_extents(it, NULL, &log);
		if (y >= c->clip_top - 0.5 && y + p->line_h <=
		    c->clip_bottom + 0.5)
			show_line(c, p, pango_layout_iter_get_line_readonly(it),
			    x, log.x / (double)PANGO_SCALE, y);
		y += p->line_h;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return y - top;
}

/* Draws one text line of a box at its place. */
void
pdf_line_draw_text(pdf_ctx *c, const pdf_line *l, double x, double y)
{
	if (l->mark != NULL)
		pdf_para_draw(c, l->mark, x + l->mark_x, y);
	show_line(c, l->para, l->pl, x, l->x, y);
}

/* Draws a horizontal rule of length w centred on cx at y. */
void
pdf_rule(pdf_ctx *c, double cx, double y, double w, double thick)
{
	cairo_save(c->cr);
	cairo_set_source_rgb(c->cr, 0, 0, 0);
	cairo_set_line_width(c->cr, thick);
	cairo_move_to(c->cr, cx - w / 2, y);
	cairo_line_to(c->cr, cx + w / 2, y);
	if (c->raster)
		pdf_raster_note_stroke(c);
	cairo_stroke(c->cr);
	cairo_restore(c->cr);
}

/* Returns the width of text on one line at size in style. */
double
pdf_text_width(pdf_ctx *c, const char *text, double size, unsigned style)
{
	pdf_style st = pdf_style_body(c, size);
	pdf_para *p;
	double w;

	st.style = style;
	st.width = 1e6;
	p = pdf_para_text(c, &st, text != NULL ? text : "");
	w = pdf_para_width(p);
	pdf_para_free(p);
	return w;
}

/* Returns the length of a short rule under text of width tw in a box of
 * width bw: 0.4 of the text, or a third of the box when the text wraps. */
double
pdf_rule_width(double tw, double bw)
{
	return tw <= bw ? tw * PDF_RULE_FRAC : bw / 3;
}
