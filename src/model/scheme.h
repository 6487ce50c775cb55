/* scheme.h - scheme (a) of nd30.md §2.3: Phần, Chương, Mục, Tiểu mục and
 * Điều, written by the clerk as headings (or, for an article, a paragraph)
 * that start with those words, and numbered here. */
#ifndef VB_SCHEME_H
#define VB_SCHEME_H

#include "base/arena.h"
#include "base/diag.h"
#include "model.h"

/* Turns the headings of part that start with "Phần", "Chương", "Mục",
 * "Tiểu mục" or "Điều" (followed by a number, or by '.' or ':' to have
 * vanban number them) into division and article blocks, and paragraphs
 * that start with "Điều 3." (or "Điều.") into untitled articles. Numbers
 * them as Decree 30 does: Phần and Chương in Roman numerals, the others in
 * Arabic; Chương and Điều run through the part, Mục starts again in each
 * Chương and Tiểu mục in each Mục. A number the clerk wrote is kept and
 * warned about when it does not follow. Returns the number of articles. */
int vb_scheme_apply(vb_arena *a, vb_part *part, vb_diags *d);

#endif
