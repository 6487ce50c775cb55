/* pdf_pages.c - the pages as images, for the preview of "vanban serve":
 * the same layout and drawing code as the PDF, on one Cairo image surface
 * per page instead of a PDF surface, so what the clerk sees is what the PDF
 * will be. Outlines, tags and the signature field belong to the PDF only.
 * The images are 8-bit coverage (Cairo's A8: 0 paper, 255 ink): the
 * documents are black on white, and a quarter of the bytes of colour makes
 * drawing, hashing and encoding a page four times cheaper. */
#include <string.h>

#include "pdf_int.h"

/* Largest scale accepted, pixels per point (216 dpi). */
#define PAGES_MAX_SCALE 3.0

/* The fonts of the previews, kept from one to the next: the server draws
 * once at start and each preview runs in a child forked from it, so every
 * child starts with the fonts opened and their glyphs cached. The only
 * state kept between calls; never freed (the process keeps it to exit). */
static struct {
	PangoFontMap *fm;	/* font map of the bundled fonts, or NULL */
	PangoContext *pc;	/* its context */
	const char *family;	/* the family asked for */
} kept;

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

/* Returns a context on a blank page image of c's page size: the image of
 * the previous page, cleared, when it has the same size. */
static cairo_t *
page_context(pdf_ctx *c)
{
	int w = (int)(c->pw * c->scale + 0.5), h = (int)(c->ph * c->scale + 0.5);
	cairo_surface_t *s = c->image;
	cairo_t *cr;

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
	cairo_scale(cr, c->scale, c->scale);
	return cr;
}

void
pdf_raster_page_begin(pdf_ctx *c)
{
	c->cr = page_context(c);
}

void
pdf_raster_page_end(pdf_ctx *c)
{
	cairo_surface_t *s = cairo_get_target(c->cr);

	cairo_surface_flush(s);
	if (c->page_rc == 0 && (cairo_status(c->cr) != CAIRO_STATUS_SUCCESS ||
	    c->page_fn(c->page_arg, c->page, cairo_image_surface_get_width(s),
	    cairo_image_surface_get_height(s), cairo_image_surface_get_stride(s),
	    cairo_image_surface_get_data(s)) < 0))
		c->page_rc = -1;
	cairo_destroy(c->cr);
	c->cr = c->idle;
}

int
vb_pdf_render_pages(const vb_document *doc, const vb_pdf_options *opt,
    double scale, vb_pdf_page_fn fn, void *arg, vb_diags *d)
{
	cairo_surface_t *idle;
	pdf_ctx c;
	int rc = -1;

	memset(&c, 0, sizeof(c));
	c.doc = doc;
	c.pf = &doc->profile;
	c.d = d;
	c.raster = 1;
	c.scale = scale > 0.1 && scale <= PAGES_MAX_SCALE ? scale : 1.0;
	c.page_fn = fn;
	c.page_arg = arg;
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
	if (c.fm != kept.fm)
		pdf_fonts_close(&c);
	vb_arena_free(c.arena);
	return rc;
}
