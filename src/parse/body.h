/* body.h - the Markdown body (or an appendix file) turned into blocks. */
#ifndef VB_BODY_H
#define VB_BODY_H

#include <stddef.h>

#include "base/diag.h"
#include "model/model.h"

/* Footnotes collected while parsing, numbered through the document. */
typedef struct vb_notes {
	vb_note *items;		/* the footnotes */
	size_t n;		/* number of footnotes */
	size_t cap;		/* allocated entries */
} vb_notes;

/* Parses the Markdown md[0..len) of file, whose first line is line
 * first_line of the file, into part's blocks. Footnotes are numbered after
 * those already in notes and added to it. Returns 0, or -1 with errors in d. */
int vb_body_parse(vb_arena *a, const char *file, const char *md, size_t len,
    int first_line, vb_part *part, vb_notes *notes, vb_diags *d);

/* Returns the plain text of an inline sequence (runs joined). */
char *vb_inline_text(vb_arena *a, const vb_inline *in);

/* Appends one run to in. */
void vb_inline_add(vb_arena *a, vb_inline *in, vb_run_kind kind,
    unsigned style, const char *text, const char *href, int note);

#endif
