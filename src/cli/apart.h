/* apart.h - rendering the PDF in a child process, so that a library that
 * aborts (out of memory, an assertion) costs a message, not the program. */
#ifndef VB_APART_H
#define VB_APART_H

#include "base/buf.h"
#include "base/diag.h"
#include "model/model.h"
#include "pdf/pdf.h"

/* Renders doc as PDF with the plugin in a child process; returns 0 with
 * the bytes in out, or -1 with the reasons in d (the child's own
 * diagnostics, or that it stopped abnormally). */
int vb_pdf_render_apart(const vb_document *doc, const vb_pdf_options *opt,
    vb_buf *out, vb_diags *d);

#endif
