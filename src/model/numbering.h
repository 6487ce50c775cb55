/* numbering.h - section numbers as Decree 30 writes them: I., 1., a). */
#ifndef VB_NUMBERING_H
#define VB_NUMBERING_H

#include "base/arena.h"
#include "base/diag.h"
#include "model.h"

/* Returns n (1-3999) as an upper-case Roman numeral. */
char *vb_roman(vb_arena *a, int n);
/* Returns the value of a Roman numeral, or 0 when s is not one. */
int vb_roman_value(const char *s, size_t len);
/* Returns the n-th (1-based) letter of the Vietnamese point order
 * a, b, c, d, đ, e, g, h, i, k, l, m, n, o, p, q, r, s, t, u, v, x, y. */
const char *vb_point_letter(vb_arena *a, int n);
/* Returns the 1-based place of a point letter, or 0 when s is not one. */
int vb_point_value(const char *s, size_t len);
/* Numbers the headings of a part: level 1 "I.", level 2 "1.", level 3
 * "a)"; a heading the user numbered keeps its number, and a gap or an
 * out-of-order number is warned about. Level 1 titles are upper-cased.
 * Automatic numbers that Word's multilevel heading list prints the same
 * (all "I." and "1.", the points a) to d)) are marked as labels. */
void vb_number_headings(vb_arena *a, vb_part *part, vb_diags *d);

#endif
