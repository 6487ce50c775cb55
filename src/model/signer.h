/* signer.h - the title lines of a signer (nd30.md §2.1 ô 7a), composed
 * from the same keys for a document's signers and a copy's. */
#ifndef VB_SIGNER_H
#define VB_SIGNER_H

#include "model.h"
#include "parse/frontmatter.h"

/* Sets auth to s's quyen_han upper-cased up to its '.' (at most 7
 * letters): "KT", "TM"…, "" when there is none. */
void vb_signer_authority(const vb_sign_src *s, char auth[8]);
/* Returns the key that authority auth needs and s lacks: "tap_the" (TM),
 * "thu_truong" (KT, TL, TUQ), or NULL. */
const char *vb_signer_missing(const vb_sign_src *s, const char *auth);
/* Adds to g (room for 3 more lines) the title lines of s signing with
 * authority auth: "TM. …", "KT. …" or "TL. …" above the title, "Q. "
 * before it, a missing part as an empty line; returns 0, or -1 (adding
 * nothing) when auth is none of "", Q, TM, KT, TL, TUQ. */
int vb_signer_lines(vb_arena *a, const vb_sign_src *s, const char *auth,
    vb_signature *g);

#endif
