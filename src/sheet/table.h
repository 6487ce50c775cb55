/* table.h - measuring tables: column widths from their content. */
#ifndef VB_TABLE_H
#define VB_TABLE_H

#include "base/arena.h"
#include "model/model.h"

/* Sets t->width (shares of the table width, summing to 1) from the length
 * of the text in each column: narrow number and date columns, wide task
 * columns. Also right-aligns columns that hold only numbers. */
void vb_table_measure(vb_arena *a, vb_table *t);

/* Returns 1 when a part should be set landscape: a table of 6 or more
 * columns. */
int vb_part_wants_landscape(const vb_part *p);

#endif
