/* marks.h - the marks and parts of the position scheme (nd30.md §2.1):
 * ô 10a, 10b, 11, 12, 13 and the draft mark, composed into doc->marks. */
#ifndef VB_MARKS_H
#define VB_MARKS_H

#include "base/diag.h"
#include "model.h"
#include "parse/frontmatter.h"

/* Composes doc->marks from the keys in s; a word that is not one of
 * Decree 30's, a draft mark on a numbered document or a bad number of
 * copies is reported to d. Needs doc->number. */
void vb_marks_compose(vb_document *doc, const vb_marks_src *s, vb_diags *d);

/* Returns 1 when the front matter asks for a table of contents
 * (muc_luc: co), 0 when not; a value that is neither is reported. */
int vb_marks_wants_toc(vb_document *doc, const vb_marks_src *s, vb_diags *d);

#endif
