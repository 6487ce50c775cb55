/* sheet_grid.h - the raw grid every spreadsheet reader fills (cells at
 * positions, styled text segments, merged regions) and its conversion into
 * a vb_table. Internal to sheet.c, csv.c and xlsx.c. */
#ifndef VB_SHEET_GRID_H
#define VB_SHEET_GRID_H

#include <stddef.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/infile.h"
#include "model/model.h"

/* One filled cell as read: text segments that may hold '\n'. */
typedef struct vb_grid_cell {
	size_t row;		/* 0-based row in the source */
	size_t col;		/* 0-based column in the source */
	vb_run *segs;		/* VB_RUN_TEXT runs with their style */
	size_t nseg;		/* number of segments */
} vb_grid_cell;

/* A merged region, inclusive bounds. */
typedef struct vb_grid_merge {
	size_t r0;		/* first row */
	size_t c0;		/* first column */
	size_t r1;		/* last row */
	size_t c1;		/* last column */
} vb_grid_merge;

/* Everything read from one source table. */
typedef struct vb_grid {
	vb_arena *a;		/* arena of the table being built */
	vb_grid_cell *cells;	/* filled cells, in reading order */
	size_t ncells;		/* number of cells */
	size_t cellcap;		/* allocated cells */
	vb_grid_merge *merges;	/* merged regions */
	size_t nmerges;		/* number of merged regions */
	size_t mergecap;	/* allocated regions */
	vb_inputs *in;		/* the document's files and read budget */
	const vb_where *where;	/* where the document names the file */
	vb_diags *d;		/* where problems go */
} vb_grid;

/* Adds a cell holding segs (copied pointer, not the runs). Returns 0. */
int vb_grid_add(vb_grid *g, size_t row, size_t col, vb_run *segs, size_t n);
/* Adds a cell from plain text with **bold** / *italic* markup. */
int vb_grid_add_marked(vb_grid *g, size_t row, size_t col, const char *s,
    size_t len);
/* Records a merged region. */
void vb_grid_merge_add(vb_grid *g, size_t r0, size_t c0, size_t r1, size_t c1);
/* Returns the text s[0..len) split into styled runs by its **bold**,
 * *italic* and ***both*** markers (backslash escapes a marker); style is
 * added to every run. The count goes to *n. */
vb_run *vb_markup_runs(vb_arena *a, const char *s, size_t len, unsigned style,
    size_t *n);
/* Returns the table built from the grid, or NULL with an error in d
 * (nothing filled, too big). file names the source in messages. */
vb_table *vb_grid_table(vb_grid *g, const char *file, vb_diags *d);

/* Returns 1 when s looks like a number ("12", "-3,5", "1.500.000", "20%"). */
int vb_cell_is_number(const char *s);
/* Returns 1 when s looks like a date dd/mm/yyyy (or d/m/yy, dd-mm-yyyy). */
int vb_cell_is_date(const char *s);
/* Returns the plain text of a cell's paragraphs joined by '\n'. */
char *vb_cell_text(vb_arena *a, const vb_cell *c);

/* Reads CSV (sep ',' or ';') or TSV (sep '\t') text into g; returns 0, or
 * -1 with an error in d (bad UTF-8, unclosed quote, empty). */
int vb_csv_read(vb_grid *g, const char *file, const char *data, size_t len,
    int tsv, vb_diags *d);
/* Reads one sheet of the .xlsx open as fd (closed here) into g; returns 0
 * or -1. Unpacked bytes are charged to g->in's budget. */
int vb_xlsx_read(vb_grid *g, const char *file, int fd, const char *sheet,
    vb_diags *d);

#endif
