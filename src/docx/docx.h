/* docx.h - the DOCX renderer: writes a document model as a WordprocessingML
 * package (libxml2 writer for the parts, libzip for the package). */
#ifndef VB_DOCX_H
#define VB_DOCX_H

#include "base/buf.h"
#include "base/diag.h"
#include "model/model.h"

/* Renders doc as a .docx file image into out, dated created (ISO 8601
 * "YYYY-MM-DDTHH:MM:SS+07:00"; NULL or unreadable: now); returns 0, or -1
 * with a message in d. */
int vb_docx_render(const vb_document *doc, const char *created, vb_buf *out,
    vb_diags *d);

#endif
