/* compose.h - composing the parts that only some kinds of document have
 * (nd30.md §4 Mẫu 1.1-1.3, 1.9, §2.6): the issuing authority, the
 * proposal line and the enacting word of a quyết định or nghị quyết. The
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
/* Composes doc->header.authority, .proposal and .enact from the front
 * matter m (tham_quyen, de_nghi, ky, co_quan) for the kinds that have
 * them; leaves them NULL for the others. */
void vb_compose_decision(vb_arena *a, const vb_meta *m, vb_document *doc);

#endif
