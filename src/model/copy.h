/* copy.h - the parts of a bản sao (nd30.md §2.7), from "ban_sao". */
#ifndef VB_COPY_H
#define VB_COPY_H

#include "base/diag.h"
#include "model.h"
#include "parse/frontmatter.h"

/* Composes doc->copy from the front matter's "ban_sao" (nothing when it
 * is absent); reports a form, number, date or signer that is wrong. Needs
 * the header composed. */
void vb_copy_compose(vb_document *doc, const vb_meta *m, vb_diags *d);

#endif
