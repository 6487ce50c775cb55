/* document.h - building the document model from a Markdown file. */
#ifndef VB_DOCUMENT_H
#define VB_DOCUMENT_H

#include <stddef.h>

#include "base/diag.h"
#include "base/infile.h"
#include "model.h"

/* Parses data[0..len) (the contents of path; "-" for standard input) into a
 * document. Appendix files named in the front matter are read relative to
 * path. Returns NULL when there are errors; every problem, errors and
 * warnings, is added to d. */
vb_document *vb_document_parse(const char *path, const char *data, size_t len,
    vb_diags *d);
/* Reads path (or standard input for "-") and parses it; returns NULL on error. */
vb_document *vb_document_load(const char *path, vb_diags *d);
/* As vb_document_parse and vb_document_load, with the files of the
 * document's folder given: every file the document names is read through
 * in (confined to its folder, charged to its budget) and remembered there,
 * so the caller can refuse to write over any of them. */
vb_document *vb_document_parse_in(const char *path, const char *data,
    size_t len, vb_inputs *in, vb_diags *d);
vb_document *vb_document_load_in(const char *path, vb_inputs *in,
    vb_diags *d);
/* Frees the document and everything it owns. */
void vb_document_free(vb_document *doc);

#endif
