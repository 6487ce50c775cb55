/* ir.h - the intermediate form of an imported document: paragraphs and
 * tables in reading order, with what the recognizer needs to know about
 * each (text, emphasis, alignment, style outline level, list numbering).
 * The DOCX reader and the plain-text reader both produce it, so one
 * recognizer serves every input kind. All memory belongs to one arena. */
#ifndef VB_IMPORT_IR_H
#define VB_IMPORT_IR_H

#include <stddef.h>

#include "base/arena.h"
#include "model/model.h"

/* Columns of an imported table kept (vanban's own tables stop at 200). */
#define IMP_MAX_COLS 200
/* Paragraphs and table cells one import reads at most (a 200-page plan
 * has some 3 000 paragraphs): past them the file is refused, so that no
 * file can make the import use memory without bound. */
#define IMP_MAX_PARAS 200000
#define IMP_MAX_CELLS 2000000

/* A piece of a paragraph in one style. */
typedef struct imp_run {
	const char *text;	/* the text ("\n" for a line break), never NULL */
	unsigned style;		/* VB_BOLD | VB_ITALIC | VB_UNDERLINE | VB_STRIKE */
	const char *href;	/* link target, or NULL */
	int note;		/* footnote number (>0) when the run is a note mark */
} imp_run;

/* What kind of number a list paragraph carries. */
typedef enum imp_numkind {
	IMP_NUM_NONE,		/* not numbered */
	IMP_NUM_BULLET,		/* bullet ("-", "+", "•") */
	IMP_NUM_ROMAN,		/* I., II. */
	IMP_NUM_DECIMAL,	/* 1., 2. */
	IMP_NUM_LETTER		/* a), b) */
} imp_numkind;

/* One paragraph. */
typedef struct imp_para {
	imp_run *runs;		/* the runs */
	size_t nruns;		/* number of runs */
	size_t cap;		/* allocated runs */
	const char *text;	/* plain text of the runs, trimmed, breaks as '\n' */
	vb_align align;		/* alignment (VB_ALIGN_DEFAULT: justified or unset) */
	const char *style;	/* style name (lower case), or NULL */
	int outline;		/* outline level 0-8 from the style, -1 when none */
	imp_numkind numkind;	/* kind of Word list number, IMP_NUM_NONE when none */
	int ilvl;		/* list level of a Word list number, from 0 */
	const char *numtext;	/* the number Word shows ("II.", "-"), or NULL */
	int bold;		/* 1 when every letter is bold */
	int italic;		/* 1 when every letter is italic */
	int rule;		/* 1 when a drawn line or bottom border follows it */
	int tabbed;		/* 1 when the text holds a tab (two columns) */
	int page_before;	/* 1 when a page break comes before its text */
	int page_after;		/* 1 when a page break comes after its text */
	int toc;		/* 1 when it is part of a table of contents (TOC field) */
	int image;		/* 1-based index of its picture in imp_doc.images, 0 when none */
} imp_para;

/* One table cell. */
typedef struct imp_cell {
	imp_para *paras;	/* its paragraphs */
	size_t n;		/* number of paragraphs */
	int span;		/* grid columns it covers (gridSpan), at least 1 */
	int vmerge;		/* 0 none, 1 starts a vertical merge, 2 continues one */
	vb_align align;		/* alignment of its first paragraph */
} imp_cell;

/* One table row. */
typedef struct imp_row {
	imp_cell *cells;	/* its cells */
	size_t n;		/* number of cells */
	int header;		/* 1 when marked as a repeated heading row */
} imp_row;

/* A table. */
typedef struct imp_table {
	imp_row *rows;		/* the rows */
	size_t n;		/* number of rows */
	size_t ncols;		/* grid columns */
} imp_table;

/* A block: a paragraph or a table. */
typedef struct imp_block {
	imp_para *p;		/* the paragraph, or NULL */
	imp_table *t;		/* the table, or NULL */
} imp_block;

/* A footnote. */
typedef struct imp_note {
	int number;		/* 1-based number as the marks use it */
	imp_para *paras;	/* its paragraphs */
	size_t n;		/* number of paragraphs */
} imp_note;

/* Pictures one import extracts at most. */
#define IMP_MAX_IMAGES 1000

/* A picture of the body (word/media/…), PNG or JPEG. */
typedef struct imp_image {
	const char *part;	/* package part name ("word/media/image1.png") */
	const char *name;	/* file name the author gave it (pic:cNvPr name), or NULL */
	const char *ext;	/* "png" or "jpg", from its first bytes */
	const char *data;	/* its bytes (in the arena) */
	size_t len;		/* number of bytes */
	const char *out;	/* file name written beside the output, set by the command */
	int reuse;		/* 1 when that file exists with the same bytes (not written) */
	int used;		/* 1 once the Markdown refers to it (only those are written) */
} imp_image;

/* A whole imported document. */
typedef struct imp_doc {
	vb_arena *a;		/* owns everything */
	imp_block *b;		/* blocks in reading order */
	size_t n;		/* number of blocks */
	size_t cap;		/* allocated blocks */
	imp_note *notes;	/* footnotes, by number */
	size_t nnotes;		/* number of footnotes */
	size_t notecap;		/* allocated footnotes */
	const char *author;	/* document author (core.xml creator), or NULL */
	int from_txt;		/* 1 when read from plain text (no styles) */
	size_t legacy;		/* runs converted from TCVN3 or VNI */
	size_t cells;		/* table cells read (plain text) */
	imp_para *margins;	/* paragraphs of the page headers and footers */
	size_t nmargins;	/* number of them */
	size_t margincap;	/* allocated */
	imp_image *images;	/* pictures, in order of first use */
	size_t nimages;		/* number of pictures */
	size_t imagecap;	/* allocated */
	size_t skipped_images;	/* pictures not kept (not PNG/JPEG, unreadable, too many) */
	const char *stem;	/* the new document's name without .md, for files beside it; NULL: none can be written */
	const imp_table **sheets;	/* tables of the text written as .xlsx beside the document (![](…-bang-N.xlsx)) */
	size_t nsheets;		/* number of them */
	size_t sheetcap;	/* allocated */
} imp_doc;

/* Appends a run to p; returns it. */
imp_run *imp_para_run(vb_arena *a, imp_para *p, const char *text,
    unsigned style);
/* Fills p->text and p->bold from the runs (trimmed plain text). */
void imp_para_finish(vb_arena *a, imp_para *p);
/* Appends a block to the document; returns it (zeroed). */
imp_block *imp_doc_block(imp_doc *d);

#endif
