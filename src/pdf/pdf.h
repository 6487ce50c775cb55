/* pdf.h - the PDF renderer: lays out a document model with Pango, draws it
 * with Cairo, and adds the signature field with qpdf. */
#ifndef VB_PDF_H
#define VB_PDF_H

#include "base/buf.h"
#include "base/diag.h"
#include "model/model.h"

/* Choices for one PDF rendering. */
typedef struct vb_pdf_options {
	const char *fonts_dir;	/* folder with the bundled fonts, NULL: search */
	const char *font;	/* font family to use, NULL: the profile's, mapped to the bundled Liberation Serif */
	const char *created;	/* creation date "YYYY-MM-DDTHH:MM:SS+07:00", NULL: now */
} vb_pdf_options;

/* Renders doc as PDF bytes into out; returns 0, or -1 with a message in d. */
int vb_pdf_render(const vb_document *doc, const vb_pdf_options *opt,
    vb_buf *out, vb_diags *d);

/* How to draw the pages as images (vb_pdf_render_pages). */
typedef struct vb_pdf_raster {
	double scale;		/* pixels per point */
	/* Returns 1 when page (1-based), whose drawing has key, is to be
	 * drawn; equal keys mean equal images, so a page already shown can
	 * be skipped without drawing it. first and last are the source
	 * lines of the body's blocks placed on the page (0: none), so that
	 * a preview can show the page of the line being edited. */
	int (*want)(void *arg, int page, unsigned long long key, int first,
	    int last);
	/* Receives a page drawn: size in pixels, bytes per row and 8-bit
	 * pixels (the ink's coverage: 0 paper, 255 black; Cairo's A8), which
	 * it may change; returns 0 to go on, -1 to stop. */
	int (*page)(void *arg, int page, unsigned long long key, int w, int h,
	    int stride, unsigned char *pixels);
	void *arg;		/* argument of want and page */
} vb_pdf_raster;

/* Lays doc out exactly as vb_pdf_render does and draws the pages asked
 * for as images; returns 0, or -1 with a message in d (or when page
 * stopped). */
int vb_pdf_render_pages(const vb_document *doc, const vb_pdf_options *opt,
    const vb_pdf_raster *r, vb_diags *d);

#endif
