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

/* Receives one page drawn as an image: its number (1-based), size in
 * pixels, bytes per row and 8-bit pixels (the ink's coverage: 0 paper, 255
 * black; Cairo's A8); returns 0 to go on, -1 to stop. The pixels may be
 * changed (they are the next page's canvas). */
typedef int (*vb_pdf_page_fn)(void *arg, int page, int w, int h, int stride,
    unsigned char *pixels);

/* Lays doc out exactly as vb_pdf_render does and draws each page as an
 * image of scale pixels per point, handing it to fn; returns 0, or -1 with
 * a message in d (or when fn stopped). */
int vb_pdf_render_pages(const vb_document *doc, const vb_pdf_options *opt,
    double scale, vb_pdf_page_fn fn, void *arg, vb_diags *d);

#endif
