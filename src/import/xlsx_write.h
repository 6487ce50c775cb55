/* xlsx_write.h - a table with merged cells written as a one-sheet .xlsx
 * workbook: merges kept as Excel merged regions, line breaks kept inside
 * cells (wrap text), bold cells bold, so that a clerk edits it in Excel and
 * vanban reads it back with phu_luc[].bang. */
#ifndef VB_IMPORT_XLSX_WRITE_H
#define VB_IMPORT_XLSX_WRITE_H

#include "base/buf.h"
#include "ir.h"

/* Returns 1 when t has merged cells that a Markdown table cannot keep
 * (vertical merges, or spans other than a group row's). */
int imp_table_needs_sheet(const imp_table *t);
/* Writes t as an .xlsx file image into out; returns 0 or -1. */
int imp_xlsx_write(const imp_table *t, vb_buf *out);

#endif
