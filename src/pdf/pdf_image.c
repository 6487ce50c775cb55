/* pdf_image.c - pictures of the body drawn with Cairo at the size the
 * model gives: PNG decoded by Cairo (libpng), JPEG embedded as it is (the
 * PDF surface writes the JPEG data itself, given as the surface's MIME
 * data). Set as LibreOffice sets the DOCX's inline picture: a line as
 * tall as the picture (measured: no descent below it), then the caption. */
#include <string.h>

#include "pdf_int.h"

/* Space above a picture and around its caption (the DOCX styles): none
 * above the picture, whose gap is the space after the paragraph above
 * (LibreOffice takes the larger of a space after and the next space
 * before, Word adds them: with one of them 0 both agree). */
#define PIC_BEFORE 0.0
#define CAPTION_BEFORE 3.0
#define CAPTION_AFTER 6.0

/* Reading position in a picture's bytes, for Cairo's PNG reader. */
typedef struct pic_src {
	const unsigned char *data;	/* the bytes */
	size_t len;			/* their number */
	size_t off;			/* next byte to give */
} pic_src;

/* Gives Cairo the next n bytes of the PNG in closure. */
static cairo_status_t
read_png(void *closure, unsigned char *out, unsigned int n)
{
	pic_src *s = closure;

	if (s->len - s->off < n)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(out, s->data + s->off, n);
	s->off += n;
	return CAIRO_STATUS_SUCCESS;
}

/* Returns a surface for im, or NULL when Cairo cannot decode it. */
static cairo_surface_t *
decode(const vb_image *im)
{
	pic_src src = { im->data, im->len, 0 };
	cairo_surface_t *s;

	if (im->format == VB_IMAGE_PNG)
		s = cairo_image_surface_create_from_png_stream(read_png, &src);
	else {
		/* never drawn from its pixels: the PDF takes the JPEG */
		s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, im->px_w,
		    im->px_h);
		if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS &&
		    cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG,
		    im->data, im->len, NULL, NULL) != CAIRO_STATUS_SUCCESS) {
			cairo_surface_destroy(s);
			return NULL;
		}
	}
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return NULL;
	}
	return s;
}

/* What drawing a picture line needs. */
typedef struct pic {
	cairo_surface_t *surf;	/* the decoded picture */
	const vb_image *im;	/* the model's picture */
	double w;		/* printed width, pt */
	double h;		/* printed height, pt */
} pic;

/* Draws a picture line: the picture centred, its top PIC_BEFORE down. */
static void
draw_pic(pdf_ctx *c, const pdf_line *l, double x, double y)
{
	const pic *p = l->data;

	(void)x;
	cairo_save(c->cr);
	cairo_translate(c->cr, c->left + (c->width - p->w) / 2,
	    y + PIC_BEFORE);
	cairo_scale(c->cr, p->w / p->im->px_w, p->h / p->im->px_h);
	cairo_set_source_surface(c->cr, p->surf, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(c->cr), CAIRO_FILTER_GOOD);
	cairo_paint(c->cr);
	cairo_restore(c->cr);
}

/* Returns the box of a picture block (the picture, then its caption), or
 * NULL after reporting a picture the renderer cannot decode. */
pdf_box *
pdf_image(pdf_ctx *c, const vb_block *bl)
{
	const vb_image *im = bl->image;
	pdf_box *b;
	pdf_line *l;
	pic *p;
	pdf_style st;

	if (im == NULL || im->data == NULL)
		return NULL;
	p = vb_alloc(c->arena, sizeof(*p));
	p->im = im;
	if ((p->surf = decode(im)) == NULL) {
		vb_diag_add(c->d, VB_ERROR, bl->file, bl->line, bl->col,
		    "mở hình bằng phần mềm xem ảnh và lưu lại dạng PNG",
		    "hình '%s' hỏng, không giải mã được", im->src);
		return NULL;
	}
	c->pics = vb_grow(c->arena, c->pics, c->npics + 1, sizeof(*c->pics),
	    &c->cpics);
	c->pics[c->npics++] = p->surf;
	p->w = VB_MM_TO_PT(im->w_mm);
	p->h = VB_MM_TO_PT(im->h_mm);
	if (p->w > c->width) {	/* a landscape width on a portrait page */
		p->h *= c->width / p->w;
		p->w = c->width;
	}
	b = pdf_box_new(c);
	l = pdf_box_line(c, b, PIC_BEFORE + p->h);
	l->draw = draw_pic;
	l->data = p;
	if (bl->text.n > 0) {
		st = pdf_style_body(c, c->pf->table_pt);
		st.style = VB_ITALIC;
		st.align = PANGO_ALIGN_CENTER;
		pdf_box_space(c, b, CAPTION_BEFORE);
		pdf_box_para(c, b, pdf_para_new(c, &st, NULL, &bl->text), 0);
		b->after = CAPTION_AFTER;
	}
	b->min_first = b->min_last = b->n;	/* picture and caption together */
	return b;
}

/* Frees the decoded pictures. */
void
pdf_images_free(pdf_ctx *c)
{
	size_t i;

	for (i = 0; i < c->npics; i++)
		cairo_surface_destroy(c->pics[i]);
	c->npics = 0;
}
