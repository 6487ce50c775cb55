/* sheet.h - tables from spreadsheets (.xlsx, .csv, .tsv) for appendices,
 * their TT numbering, and their Markdown form.
 *
 * A loaded table follows these conventions:
 *  - row 0 is the heading (row->header = 1); when a heading cell spans rows
 *    (a merged region in .xlsx) the heading has that many rows
 *    (t->header_rows). Heading cells are bold and centred.
 *  - each cell holds one paragraph per line of its text; "**bold**",
 *    "*italic*" and "***both***" written in a .csv/.tsv cell, and bold or
 *    italic runs and cell fonts of an .xlsx, become VB_BOLD / VB_ITALIC runs.
 *  - numbers are right-aligned, dates (dd/mm/yyyy) centred; a cell whose
 *    align is VB_ALIGN_DEFAULT follows t->align of its column.
 *  - .xlsx values are shown as a Vietnamese clerk sees them: decimal comma,
 *    "." between thousands when the cell's format groups digits, dates
 *    dd/mm/yyyy (1900 and 1904 systems), times hh:mm, percentages, TRUE/FALSE.
 *  - merged regions: the top-left cell has colspan and rowspan; the other
 *    cells of its first row have colspan 0; every cell of the rows below has
 *    covered = 1, the first one keeping colspan = the region's width (as a
 *    DOCX vMerge continuation) and the others colspan 0. Covered cells are
 *    empty.
 *  - empty leading and trailing rows and columns are dropped, and so are
 *    empty rows inside the table; up to three title rows above the table
 *    (one filled cell over three columns or more) are skipped with a
 *    warning.
 *  - t->width holds shares of the table width measured from the content
 *    (each at least 5 %), t->align the alignment of each column.
 *
 * Readers: .xlsx/.xlsm (first visible sheet or the named one; refused:
 * not a zip, truncated, parts missing or not XML, parts over 50 MB or
 * inflating over 100 times, 200 MB in all, entity bombs); .csv (RFC 4180,
 * "," or ";" chosen from the first line); .tsv/.tab/.txt (tab-separated,
 * quoted cells as a spreadsheet copies them, a lone quote kept). Text files
 * are UTF-8 with or without BOM, or UTF-16 with a BOM; CRLF or LF.
 *
 * vb_sheet_load does not number rows: call vb_table_number afterwards
 * (it works on any vb_table, Markdown pipe tables included). */
#ifndef VB_SHEET_H
#define VB_SHEET_H

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "base/infile.h"
#include "model/model.h"

/* Limits against hostile or broken files. */
#define VB_SHEET_MAX_ROWS 100000	/* rows of a source table */
#define VB_SHEET_MAX_COLS 200		/* columns of a source table */
#define VB_SHEET_MAX_CELLS 2000000	/* rows × columns after trimming */
#define VB_SHEET_MAX_FILE (50u << 20)	/* bytes of a .csv/.tsv, or of one .xlsx part */

/* Loads a table from an .xlsx, .csv or .tsv file; sheet names the .xlsx
 * sheet (NULL: the first). path is relative to the document's folder (in)
 * and is opened through it (never outside, regular files only); bytes and
 * cells are charged to in's budget. w is where the document names the
 * file: problems with the file as a whole are reported there. Returns the
 * table in the arena, or NULL with an error in d. */
vb_table *vb_sheet_load(vb_arena *a, vb_inputs *in, const char *path,
    const char *sheet, const vb_where *w, vb_diags *d);

/* Numbers the rows of t in its TT column (the first column headed "TT",
 * "STT", "Số TT" or "Số thứ tự"; no TT column: nothing is numbered):
 * group rows I, II, III…, other rows 1, 2, 3… restarting in each group;
 * a total row (content "Tổng cộng", "Cộng", "Tổng số", "Tổng cộng …",
 * its TT empty) is left unnumbered.
 * A number the user already wrote is kept; a gap or repeat there is a
 * warning (file names the source). Sub-numbers such as "1.1" or "a)" are
 * kept and not counted.
 * A group row is a row whose TT holds a Roman numeral, or whose only filled
 * cell (TT aside) is the content column (the first column after TT) while
 * the table has other columns, or whose only filled cell is entirely bold,
 * or whose content cell is merged to the end of the row, or whose TT cell
 * itself is merged to the end of the row (a group title written from
 * column A: it gets "II. " in front unless it starts with a numeral).
 * Group rows get row->group = 1 and bold text; when nothing else is filled
 * in them they keep the TT cell and one cell spanning the rest of the row
 * (the whole row when there is no TT column). Widths are measured again
 * afterwards. Running it twice changes nothing. */
void vb_table_number(vb_arena *a, vb_table *t, const char *file, vb_diags *d);

/* Writes the table as a GitHub Markdown table: cells' lines joined by
 * <br>, bold and italic as ** and *, "|" and "*" escaped; several heading
 * rows are folded into one ("Thời gian<br>Bắt đầu"). Returns 0, or -1 when
 * memory runs out. */
int vb_table_to_markdown(const vb_table *t, vb_buf *out);

#endif
