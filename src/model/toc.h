/* toc.h - the table of contents of a long document (muc_luc: co). */
#ifndef VB_TOC_H
#define VB_TOC_H

#include "model.h"

/* Lists the body's headings of levels 1 and 2 in doc->toc, gives each a
 * bookmark name, and puts a VB_BLOCK_TOC block first in the body. */
void vb_toc_compose(vb_document *doc);

#endif
