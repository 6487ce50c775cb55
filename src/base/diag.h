/* diag.h - diagnostics: errors and warnings tied to a file, line and column. */
#ifndef VB_DIAG_H
#define VB_DIAG_H

#include <stddef.h>

/* How serious a diagnostic is. */
typedef enum vb_severity {
	VB_WARNING,	/* the document renders, but something looks wrong */
	VB_ERROR	/* the document cannot be rendered as written */
} vb_severity;

/* One message for the user, in Vietnamese. */
typedef struct vb_diag {
	vb_severity severity;	/* error or warning */
	char *file;		/* file the problem is in */
	int line;		/* 1-based line, 0 when unknown */
	int col;		/* 1-based column in characters, 0 when unknown */
	char *msg;		/* what is wrong */
	char *hint;		/* how to fix it, or NULL */
} vb_diag;

/* All diagnostics of one run. */
typedef struct vb_diags {
	vb_diag *items;		/* the diagnostics, in the order found */
	size_t n;		/* number of diagnostics */
	size_t cap;		/* allocated entries */
	size_t errors;		/* how many are errors (kept or not) */
	size_t more;		/* diagnostics past VB_DIAG_MAX, counted only */
} vb_diags;

/* Diagnostics kept per run; past it they are only counted, so a hostile
 * file cannot flood the terminal or the memory. */
#define VB_DIAG_MAX 1000

/* Records a diagnostic; hint may be NULL. */
void vb_diag_add(vb_diags *d, vb_severity sev, const char *file, int line,
    int col, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
/* A place in a file, for messages. */
typedef struct vb_where vb_where;

/* Moves the diagnostics from index from on that have no line (problems
 * with file name as a whole) to w, where the document names the file, and
 * names the file in their message. Does nothing when w has no line. */
void vb_diags_locate(vb_diags *d, size_t from, const char *name,
    const vb_where *w);
/* Prints every diagnostic as "file:line:col: lỗi: …" to stderr, each one
 * once (a diagnostic equal to an earlier one is not printed again). */
void vb_diags_print(const vb_diags *d);
/* Returns a plain-Vietnamese reason for the system error e (errno); never
 * the system's English text. */
const char *vb_errno_text(int e);
/* Frees all diagnostics. */
void vb_diags_free(vb_diags *d);

#endif
