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

#endif
