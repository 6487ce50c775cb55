/* pdf_pages.c - the pages as images, for the preview of "vanban serve":
 * the same layout and drawing code as the PDF, so what the clerk sees is
 * what the PDF will be. Outlines, tags and the signature field belong to
 * the PDF only.
 *
 * Each page is first recorded (a Cairo recording surface: cheap, nothing
 * rasterized) while a key is hashed from what it draws: every line of
 * text (its glyphs, their fonts and attributes, its place, the clip) and
 * every rule (its extents). At the end of the page the caller says
 * whether it wants that key; only then is the recording played onto an
 * image. Typing in one paragraph thus rasterizes one page or two, not the
 * whole plan. The images are 8-bit coverage (Cairo's A8: 0 paper, 255
 * ink): the documents are black on white, and a quarter of the bytes of
 * colour makes drawing and encoding four times cheaper. */
#include <string.h>

#include "pdf_int.h"

/* Largest scale accepted, pixels per point (216 dpi). */
#define PAGES_MAX_SCALE 3.0

/* The fonts of the previews, kept from one to the next: the server's
 * render worker draws page after page, and reopening the bundled fonts
 * each time would drop every glyph it has cached. The only state kept
 * between calls; never freed (the process keeps it to its end). */
static struct {
	PangoFontMap *fm;	/* font map of the bundled fonts, or NULL */
	PangoContext *pc;	/* its context */
	const char *family;	/* the family asked for */
} kept;

/* Layouts kept from one preview to the next, by their paragraph's text,
 * attributes and style: typing in one paragraph leaves every other as it
 * was, and Pango's shaping and line breaking are most of the layout's
 * time. Kept with the fonts they were made with (kept.fm); emptied when it
 * holds LAYOUTS_MAX of them. */
#define LAYOUTS_MAX 20000
static GHashTable *layouts;

/* Sets up c's fonts, from kept when the bundled ones serve; returns 0,
 * or -1 with an error in c->d. */
static int
fonts_open(pdf_ctx *c, const vb_pdf_options *opt)
{
	if (opt != NULL && (opt->font != NULL || opt->fonts_dir != NULL))
		return pdf_fonts_open(c, opt);
	if (kept.fm == NULL) {
		if (pdf_fonts_open(c, opt) < 0)
			return -1;
		kept.fm = c->fm;
		kept.pc = c->pc;
		kept.family = c->family;
	}
	c->fm = kept.fm;
	c->pc = kept.pc;
	c->family = kept.family;
	return 0;
}

/* Returns the page's size in pixels in *w and *h. */
static void
pixels(const pdf_ctx *c, int *w, int *h)
{
	*w = (int)(c->pw * c->raster->scale + 0.5);
	*h = (int)(c->ph * c->raster->scale + 0.5);
}

/* Mixes n bytes of p into the page's key, eight at a time (a multiply
 * and a shift per word: the glyphs of a page are tens of kilobytes). */
static void
mix(pdf_ctx *c, const void *p, size_t n)
{
	const unsigned char *b = p;
	unsigned long long w;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, b + i, 8);
		c->key = (c->key ^ w) * 0x9E3779B97F4A7C15ULL;
		c->key ^= c->key >> 29;
	}
	for (; i < n; i++) {
		c->key ^= b[i];
		c->key *= 1099511628211ULL;
	}
}

/* Mixes a number into the page's key. */
static void
mix_d(pdf_ctx *c, double v)
{
	mix(c, &v, sizeof(v));
}

/* Mixes the clip in force into the page's key. */
static void
mix_clip(pdf_ctx *c)
{
	double x1, y1, x2, y2;

	cairo_clip_extents(c->cr, &x1, &y1, &x2, &y2);
	mix_d(c, x1);
	mix_d(c, y1);
	mix_d(c, x2);
	mix_d(c, y2);
}

/* Mixes a run's font (its description: family, size, weight, style) and
 * the attributes that change its drawing into the page's key. */
static void
mix_run(pdf_ctx *c, const PangoGlyphItem *run)
{
	PangoFontDescription *fd;
	GSList *l;
	int i;

	if (run->item->analysis.font != c->key_font) {
		c->key_font = run->item->analysis.font;
		fd = pango_font_describe(c->key_font);
		c->key_font_h = fd ? pango_font_description_hash(fd) : 0;
		pango_font_description_free(fd);
	}
	mix(c, &c->key_font_h, sizeof(c->key_font_h));
	for (l = run->item->analysis.extra_attrs; l != NULL; l = l->next) {
		const PangoAttribute *a = l->data;
		i = (int)a->klass->type;
		mix(c, &i, sizeof(i));
		if (a->klass->type == PANGO_ATTR_UNDERLINE ||
		    a->klass->type == PANGO_ATTR_STRIKETHROUGH ||
		    a->klass->type == PANGO_ATTR_RISE)
			mix(c, &((const PangoAttrInt *)a)->value, sizeof(int));
	}
	/* the glyphs, their advances and offsets (not the visual attributes:
	 * bit fields, whose unused bits are not set) */
	for (i = 0; i < run->glyphs->num_glyphs; i++)
		mix(c, &run->glyphs->glyphs[i].glyph, sizeof(PangoGlyph) +
		    sizeof(PangoGlyphGeometry));
}

void
pdf_raster_note_text(pdf_ctx *c, PangoLayoutLine *pl, double x, double y)
{
	GSList *r;

	mix_d(c, x);
	mix_d(c, y);
	mix_clip(c);
	for (r = pl->runs; r != NULL; r = r->next)
		mix_run(c, r->data);
}

/* A line of text kept until the end of its page (pdf_raster_defer_text). */
typedef struct deferred {
	PangoLayoutLine *pl;	/* the line (a reference) */
	PangoLayout *layout;	/* its layout (a reference: pl needs it) */
	cairo_matrix_t m;	/* the user to device matrix it was drawn with */
	cairo_rectangle_list_t *clip; /* the clip then, in user space */
	double x, y;		/* its place, in user space */
} deferred;

/* Frees a deferred line (the GPtrArray's free function). */
static void
deferred_free(void *p)
{
	deferred *t = p;

	pango_layout_line_unref(t->pl);
	g_object_unref(t->layout);
	cairo_rectangle_list_destroy(t->clip);
	g_free(t);
}

int
pdf_raster_defer_text(pdf_ctx *c, PangoLayoutLine *pl, double x, double y)
{
	cairo_rectangle_list_t *clip;
	deferred *t;

	/* The page image is alpha only, every mark black ink put OVER the
	 * others, and OVER of alpha alone does not depend on the order: the
	 * text can be drawn after the rest. */
	if (c->cr == c->idle || pl->layout == NULL)
		return -1;
	clip = cairo_copy_clip_rectangle_list(c->cr);
	if (clip->status != CAIRO_STATUS_SUCCESS) {
		cairo_rectangle_list_destroy(clip);
		return -1;
	}
	if (c->deferred == NULL)
		c->deferred = g_ptr_array_new_with_free_func(deferred_free);
	t = g_new0(deferred, 1);
	t->pl = pango_layout_line_ref(pl);
	t->layout = g_object_ref(pl->layout);
	cairo_get_matrix(c->cr, &t->m);
	t->clip = clip;
	t->x = x;
	t->y = y;
	g_ptr_array_add(c->deferred, t);
	return 0;
}

/* Draws the deferred lines of the page on cr (the page's image). */
static void
draw_deferred(pdf_ctx *c, cairo_t *cr)
{
	const deferred *t;
	int i;
	guint k;

	for (k = 0; c->deferred != NULL && k < c->deferred->len; k++) {
		t = g_ptr_array_index(c->deferred, k);
		cairo_save(cr);
		cairo_set_matrix(cr, &t->m);
		for (i = 0; i < t->clip->num_rectangles; i++)
			cairo_rectangle(cr, t->clip->rectangles[i].x,
			    t->clip->rectangles[i].y,
			    t->clip->rectangles[i].width,
			    t->clip->rectangles[i].height);
		cairo_clip(cr);
		cairo_set_source_rgb(cr, 0, 0, 0);
		cairo_move_to(cr, t->x, t->y);
		pango_cairo_show_layout_line(cr, t->pl);
		cairo_restore(cr);
	}
}

void
pdf_raster_note_stroke(pdf_ctx *c)
{
	double x1, y1, x2, y2;

	cairo_stroke_extents(c->cr, &x1, &y1, &x2, &y2);
	mix_d(c, x1);
	mix_d(c, y1);
	mix_d(c, x2);
	mix_d(c, y2);
	mix_d(c, cairo_get_line_width(c->cr));
	mix_clip(c);
}

PangoLayout *
pdf_raster_layout_find(pdf_ctx *c, const pdf_style *st, const char *text,
    size_t len, PangoAttrList *al)
{
	char *attrs;
	PangoLayout *l;

	g_free(c->layout_key);
	c->layout_key = NULL;
	if (c->fm != kept.fm)	/* another font: nothing kept applies */
		return NULL;
	if (layouts == NULL)
		layouts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
		    g_object_unref);
	attrs = pango_attr_list_to_string(al);
	c->layout_key = g_strdup_printf("%.4f|%u|%.4f|%d|%.4f|%d|%s|%.*s",
	    st->size, st->style, st->width, st->justify, st->indent,
	    (int)st->align, attrs ? attrs : "", (int)len, text);
	g_free(attrs);
	l = g_hash_table_lookup(layouts, c->layout_key);
	if (l == NULL)
		return NULL;
	g_free(c->layout_key);
	c->layout_key = NULL;
	return g_object_ref(l);
}

void
pdf_raster_layout_keep(pdf_ctx *c, PangoLayout *l)
{
	if (c->layout_key == NULL || layouts == NULL)
		return;
	if (g_hash_table_size(layouts) >= LAYOUTS_MAX)
		g_hash_table_remove_all(layouts);
	g_hash_table_insert(layouts, c->layout_key, g_object_ref(l));
	c->layout_key = NULL;
}

void
pdf_raster_note_line(pdf_ctx *c, int line)
{
	if (line <= 0)
		return;
	if (c->page_first == 0 || line < c->page_first)
		c->page_first = line;
	if (line > c->page_last)
		c->page_last = line;
}

void
pdf_raster_page_begin(pdf_ctx *c)
{
	cairo_rectangle_t ext = { 0, 0, 0, 0 };
	cairo_surface_t *rec;
	int w, h;

	pixels(c, &w, &h);
	ext.width = w;
	ext.height = h;
	rec = cairo_recording_surface_create(CAIRO_CONTENT_ALPHA, &ext);
	c->cr = cairo_create(rec);
	cairo_surface_destroy(rec);	/* c->cr holds it */
	cairo_scale(c->cr, c->raster->scale, c->raster->scale);
	c->key = 1469598103934665603ULL;
	c->page_first = c->page_last = 0;
	mix(c, &w, sizeof(w));
	mix(c, &h, sizeof(h));
}

/* Plays the recording of the page onto c->image (made or cleared); returns
 * 0, or -1 when Cairo failed (memory). */
static int
play(pdf_ctx *c, cairo_surface_t *rec)
{
	cairo_surface_t *s = c->image;
	cairo_t *cr;
	int w, h, st;

	pixels(c, &w, &h);
	if (s != NULL && (cairo_image_surface_get_width(s) != w ||
	    cairo_image_surface_get_height(s) != h)) {
		cairo_surface_destroy(s);
		s = c->image = NULL;
	}
	if (s == NULL)
		s = c->image = cairo_image_surface_create(CAIRO_FORMAT_A8, w, h);
	else {
		cairo_surface_flush(s);
		memset(cairo_image_surface_get_data(s), 0,
		    (size_t)cairo_image_surface_get_stride(s) * (size_t)h);
		cairo_surface_mark_dirty(s);
	}
	cr = cairo_create(s);
	cairo_set_source_surface(cr, rec, 0, 0);
	cairo_paint(cr);
	draw_deferred(c, cr);
	st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	return st == CAIRO_STATUS_SUCCESS ? 0 : -1;
}

void
pdf_raster_page_end(pdf_ctx *c)
{
	const vb_pdf_raster *r = c->raster;
	cairo_surface_t *rec = cairo_get_target(c->cr);
	cairo_surface_t *img;

	if (c->page_rc == 0 && cairo_status(c->cr) != CAIRO_STATUS_SUCCESS)
		c->page_rc = -1;
	if (c->page_rc == 0 && r->want(r->arg, c->page, c->key, c->page_first,
	    c->page_last)) {
		if (play(c, rec) < 0)
			c->page_rc = -1;
		else {
			img = c->image;
			if (r->page(r->arg, c->page, c->key,
			    cairo_image_surface_get_width(img),
			    cairo_image_surface_get_height(img),
			    cairo_image_surface_get_stride(img),
			    cairo_image_surface_get_data(img)) < 0)
				c->page_rc = -1;
		}
	}
	if (c->deferred != NULL)
		g_ptr_array_set_size(c->deferred, 0);
	cairo_destroy(c->cr);
	c->cr = c->idle;
}

int
vb_pdf_render_pages(const vb_document *doc, const vb_pdf_options *opt,
    const vb_pdf_raster *r, vb_diags *d)
{
	vb_pdf_raster fixed = *r;
	cairo_surface_t *idle;
	pdf_ctx c;
	int rc = -1;

	memset(&c, 0, sizeof(c));
	c.doc = doc;
	c.pf = &doc->profile;
	c.d = d;
	if (!(fixed.scale > 0.1 && fixed.scale <= PAGES_MAX_SCALE))
		fixed.scale = 1.0;
	c.raster = &fixed;
	if ((c.arena = vb_arena_new()) == NULL) {
		vb_diag_add(d, VB_ERROR, doc->path, 0, 0, NULL, "hết bộ nhớ");
		return -1;
	}
	if (fonts_open(&c, opt) == 0) {
		idle = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
		c.idle = c.cr = cairo_create(idle);
		cairo_surface_destroy(idle);
		pdf_draw_document(&c);
		cairo_destroy(c.idle);
		if (c.image != NULL)
			cairo_surface_destroy(c.image);
		rc = c.page_rc;
		if (rc < 0)
			vb_diag_add(d, VB_ERROR, doc->path, 0, 0, NULL,
			    "không vẽ được trang xem trước: không đủ bộ nhớ");
	}
	g_free(c.layout_key);
	if (c.deferred != NULL)
		g_ptr_array_free(c.deferred, TRUE);
	if (c.fm != kept.fm)
		pdf_fonts_close(&c);
	vb_arena_free(c.arena);
	return rc;
}
