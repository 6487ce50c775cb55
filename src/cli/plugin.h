/* plugin.h - the PDF renderer is a plugin (vanban-pdf.so) loaded only when
 * a PDF is asked for: Pango, Cairo, qpdf and what they pull in (glib,
 * harfbuzz, a crypto library…) cost most of the program's start-up time,
 * which a DOCX-only run then never pays. */
#ifndef VB_PLUGIN_H
#define VB_PLUGIN_H

#include "base/buf.h"
#include "base/diag.h"
#include "model/model.h"
#include "pdf/pdf.h"

/* Loads the PDF plugin (once per call; the system keeps it loaded) and
 * renders doc with it; returns 0, or -1 with a message in d when the
 * plugin cannot be found or the rendering fails. */
int vb_pdf_render_plugin(const vb_document *doc, const vb_pdf_options *opt,
    vb_buf *out, vb_diags *d);

/* Loads plugin kind ("pdf": vanban-pdf.so, "serve": vanban-serve.so) and
 * returns its function sym, or NULL with a message about file in d. */
void *vb_plugin_symbol(const char *kind, const char *sym, const char *file,
    vb_diags *d);

/* Runs "vanban serve" (cmd_serve.c) through vanban-serve.so; returns the
 * exit code. */
int vb_cmd_serve(int argc, char **argv);

#endif
