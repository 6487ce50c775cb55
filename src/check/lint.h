/* lint.h - the checks behind "vanban check", one file per concept:
 * lint_meta.c (front matter), lint_body.c (structure of the body),
 * lint_recipients.c (Kính gửi and Nơi nhận), lint_types.c (the parts of
 * each kind), lint_text.c (characters, spacing and punctuation). check.c builds the context and runs them;
 * the helpers they share live in lint_util.c, so no lint calls back into
 * check.c. */
#ifndef VB_LINT_H
#define VB_LINT_H

#include <stddef.h>

#include "base/arena.h"
#include "base/diag.h"
#include "model/doctype.h"
#include "model/model.h"
#include "parse/frontmatter.h"

/* One source line, without its line end. */
typedef struct vb_line {
	const char *s;		/* first byte of the line */
	size_t len;		/* bytes, '\n' and a trailing '\r' excluded */
	int code;		/* 1 inside a fenced code block (or its fence) */
} vb_line;

/* A front matter value and where it was written. */
typedef struct vb_fmkey {
	const char *path;	/* "dia_danh", "ky.thu_truong", "phu_luc" */
	vb_pos pos;		/* where the value starts */
} vb_fmkey;

/* Everything a lint may look at. */
typedef struct vb_lint {
	vb_arena *a;		/* scratch memory, freed after the check */
	const char *path;	/* file name for messages */
	vb_line *lines;		/* lines of the file */
	size_t nlines;		/* number of lines */
	int fm_first;		/* 1-based line of the first YAML line, 0 when none */
	int fm_last;		/* 1-based line of the last YAML line */
	int body_first;		/* 1-based line where the body starts */
	int have_meta;		/* 1 when meta was read */
	vb_meta meta;		/* the front matter */
	const vb_doctype *type;	/* document kind, NULL when unknown */
	vb_fmkey *keys;		/* positions of front matter values */
	size_t nkeys;		/* number of keys */
	vb_part body;		/* the body as blocks (own parse) */
	vb_diags *d;		/* where problems go */
} vb_lint;

/* Returns where the value of front matter key path was written; {0, 0}
 * when absent. */
vb_pos vb_lint_key(const vb_lint *l, const char *path);
/* Returns the 1-based character column of byte off in line ln (1-based). */
int vb_lint_col(const vb_lint *l, int ln, size_t off);
/* Returns 1 when line ln (1-based) is body text (not front matter, not
 * code). */
int vb_lint_is_body(const vb_lint *l, int ln);

/* Returns a mask of line ln (1-based), one byte per byte of the line: 1
 * inside inline code, an HTML tag or autolink, or a link destination, where
 * text lints do not look. */
char *vb_lint_mask(const vb_lint *l, int ln);

/* Front matter: required keys, codes, place name, signer's authority. */
void vb_lint_meta(vb_lint *l);
/* Body: heading levels, empty sections, footnotes, tables, appendices,
 * numbers cited with a code that does not exist. */
void vb_lint_body(vb_lint *l);
/* Recipients: "Như trên" first when there is "Kính gửi". */
void vb_lint_recipients(vb_lint *l);
/* Drafts: blanks "……" left, paragraphs pasted one per line without blank
 * lines, mentions of the old year ("nam_cu") in a draft for a new year. */
void vb_lint_draft(vb_lint *l);
/* Kinds: the parts a quyết định, nghị quyết, quy chế, biên bản or a
 * document issued with another must have (lint_types.c). */
void vb_lint_types(vb_lint *l);
/* Text: decomposed Unicode, legacy encodings, spacing, quotes. */
void vb_lint_text(vb_lint *l);

#endif
