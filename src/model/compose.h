/* compose.h - composing the parts that only some kinds of document have
 * (nd30.md §4 Mẫu 1.1-1.3, §2.6): the issuing authority, the proposal
 * line and the enacting word of a quyết định or nghị quyết, and the header
 * of a document issued with one. The
 * common parts (header, signature, recipients) are composed in
 * document.c. */
#ifndef VB_COMPOSE_H
#define VB_COMPOSE_H

#include "base/arena.h"
#include "base/diag.h"
#include "model.h"
#include "parse/frontmatter.h"

/* Returns 1 when documents of kind t enact articles after an authority
 * line and a "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:" line (quyết định, nghị quyết). */
int vb_kind_enacts(const vb_doctype *t);
/* Composes doc->header.authority, .proposal and .enact, and
 * doc->attach_line, from the front matter m (tham_quyen, de_nghi, ky,
 * co_quan) for the kinds that have them; leaves them NULL for the others.
 * Needs doc's number, symbol and date. */
void vb_compose_decision(vb_arena *a, const vb_meta *m, vb_document *doc);
/* Returns the header of a document of kind t, trích yếu subject, issued
 * with the document with (ban hành kèm theo, nd30.md §2.6): with's agency,
 * no "Số" nor date, the type name and trích yếu, and the line "(Ban hành
 * kèm theo Quyết định số … của …)" under them. Every string is copied
 * into a. */
vb_header *vb_compose_attached(vb_arena *a, const vb_document *with,
    const vb_doctype *t, const char *subject);

#endif
