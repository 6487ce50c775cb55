/* markdown.h - blocks of the intermediate form written as vanban Markdown:
 * headings by level (the number dropped when vanban would print the same
 * one, kept when it is irregular), lists with their nesting, emphasis,
 * links, footnotes and tables. */
#ifndef VB_IMPORT_MARKDOWN_H
#define VB_IMPORT_MARKDOWN_H

#include "base/buf.h"
#include "ir.h"

/* A Markdown writer for one part (body or appendix). */
typedef struct imp_md {
	vb_arena *a;		/* arena */
	imp_doc *doc;		/* the document (footnotes) */
	vb_buf *out;		/* Markdown written */
	int count[4];		/* last heading number per level 1-3 */
	unsigned drop;		/* style bits left out (a heading's own bold) */
	int base;		/* Word list level of the list's first item */
	int depth;		/* depth of the last list item, -1 outside lists */
	int in_section;		/* 1 once a level-1 heading was seen */
	int *used;		/* per footnote: 1 when referenced in this part */
	size_t headings;	/* headings written */
	size_t items;		/* list items written */
	size_t tables;		/* tables written */
	size_t merged;		/* tables whose merges Markdown cannot keep */
	size_t notes;		/* footnote definitions written */
	size_t maxcols;		/* widest table */
	size_t pictures;	/* pictures written */
	size_t sheets;		/* tables written as .xlsx beside the document */
	const imp_para *pic;	/* a picture's paragraph waiting for its caption, or NULL */
} imp_md;

/* Starts a writer appending to out. */
void imp_md_init(imp_md *m, vb_arena *a, imp_doc *doc, vb_buf *out);
/* Writes one block. */
void imp_md_block(imp_md *m, imp_block *b);
/* Returns the file name of the k-th table of d written as .xlsx
 * ("NAME-bang-1.xlsx"). */
const char *imp_sheet_name(vb_arena *a, const imp_doc *d, size_t k);
/* Writes a picture still waiting for its caption. */
void imp_md_flush(imp_md *m);
/* Writes the definitions of the footnotes referenced so far (after
 * flushing a waiting picture). */
void imp_md_notes(imp_md *m);
/* Writes the runs of p as Markdown inline text into out; cell is 1 inside
 * a table cell (breaks as <br>, '|' escaped). */
void imp_md_inline(imp_md *m, vb_buf *out, const imp_para *p, size_t skip,
    int cell);

#endif
