/* docx_styles.h - what the importer needs of a .docx's styles.xml and
 * numbering.xml: per style its name, outline level, list, alignment,
 * emphasis and font (through basedOn); per list the number each level
 * shows, counted as Word counts it. */
#ifndef VB_IMPORT_DOCX_STYLES_H
#define VB_IMPORT_DOCX_STYLES_H

#include <libxml/tree.h>

#include "ir.h"

/* One style, resolved through its basedOn chain. */
typedef struct imp_style {
	const char *id;		/* styleId */
	const char *name;	/* name, lower case */
	const char *based;	/* styleId it is based on, or NULL */
	int outline;		/* outline level 0-8, -1 none */
	int numid;		/* list of the style (numPr), 0 none */
	int ilvl;		/* list level of the style */
	int jc;			/* alignment (vb_align + 1), 0 unset */
	unsigned on;		/* style bits set */
	unsigned off;		/* style bits explicitly cleared */
	const char *font;	/* ascii font name, or NULL */
	int resolved;		/* 1 once basedOn was merged in */
} imp_style;

/* One level of an abstract list. */
typedef struct imp_lvl {
	const char *fmt;	/* numFmt: "decimal", "upperRoman", "bullet" … */
	const char *text;	/* lvlText: "%1.", "-" */
	int start;		/* first number */
} imp_lvl;

/* One list instance (w:num) with its counters. */
typedef struct imp_num {
	int id;			/* numId */
	imp_lvl lvl[9];		/* levels (overrides applied) */
	int count[9];		/* current counters */
	int used[9];		/* 1 once the level has been counted */
	int abs;		/* abstractNumId */
} imp_num;

/* The styles and lists of one .docx. */
typedef struct imp_styles {
	vb_arena *a;		/* arena */
	imp_style *s;		/* styles */
	size_t n;		/* number of styles */
	imp_num *nums;		/* list instances */
	size_t nnums;		/* number of list instances */
	const char *def_font;	/* document default font, or NULL */
} imp_styles;

/* Reads styles.xml (doc may be NULL). */
void imp_styles_read(imp_styles *st, vb_arena *a, xmlDocPtr doc);
/* Reads numbering.xml (doc may be NULL). */
void imp_numbering_read(imp_styles *st, xmlDocPtr doc);
/* Returns the style with styleId id, or NULL. */
imp_style *imp_style_get(imp_styles *st, const char *id);
/* Counts one paragraph of list numid at level ilvl; sets the number text
 * and kind in p. */
void imp_number(imp_styles *st, int numid, int ilvl, imp_para *p);
/* Reads the w:b/w:i/w:u/w:strike of an rPr into on/off bits. */
void imp_rpr_bits(vb_arena *a, xmlNodePtr rpr, unsigned *on, unsigned *off);

#endif
