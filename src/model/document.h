/* document.h - building the document model from a Markdown file. */
#ifndef VB_DOCUMENT_H
#define VB_DOCUMENT_H

#include <stddef.h>

#include "base/diag.h"
#include "model.h"

/* Parses data[0..len) (the contents of path; "-" for standard input) into a
 * document. Appendix files named in the front matter are read relative to
 * path. Returns NULL when there are errors; every problem, errors and
 * warnings, is added to d. */
vb_document *vb_document_parse(const char *path, const char *data, size_t len,
    vb_diags *d);
/* Reads path (or standard input for "-") and parses it; returns NULL on error. */
vb_document *vb_document_load(const char *path, vb_diags *d);
/* Frees the document and everything it owns. */
void vb_document_free(vb_document *doc);

#endif
