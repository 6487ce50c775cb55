/* signer.c - the title lines of a signer: the authority (KT., TM., TL.,
 * TUQ., Q.) over the head's title or the collective, then the signer's
 * own title, upper-cased (nd30.md §2.1 ô 7a). */
#include "signer.h"

#include <ctype.h>
#include <string.h>

#include "base/text.h"

/* Upper-cases quyen_han into auth, up to its '.'. */
void
vb_signer_authority(const vb_sign_src *s, char auth[8])
{
	size_t i;

	for (i = 0; s->authority && s->authority[i] && s->authority[i] != '.'
	    && i < 7; i++)
		auth[i] = (char)toupper((unsigned char)s->authority[i]);
	auth[i] = '\0';
}

/* Returns the key auth needs that s lacks, or NULL. */
const char *
vb_signer_missing(const vb_sign_src *s, const char *auth)
{
	if (strcmp(auth, "TM") == 0)
		return s->collective == NULL ? "tap_the" : NULL;
	if (strcmp(auth, "KT") == 0 || strcmp(auth, "TL") == 0 ||
	    strcmp(auth, "TUQ") == 0)
		return s->head == NULL ? "thu_truong" : NULL;
	return NULL;
}

/* Adds an upper-cased line prefix + text (NULL: "") to g. */
static void
line(vb_arena *a, vb_signature *g, const char *prefix, const char *text)
{
	g->lines[g->nlines++] = vb_sprintf(a, "%s%s", prefix,
	    vb_text_upper(a, text != NULL ? text : ""));
}

/* Adds the title lines of s for authority auth to g; returns 0 or -1. */
int
vb_signer_lines(vb_arena *a, const vb_sign_src *s, const char *auth,
    vb_signature *g)
{
	if (*auth == '\0')
		line(a, g, "", s->title);
	else if (strcmp(auth, "Q") == 0)
		line(a, g, "Q. ", s->title);
	else if (strcmp(auth, "TM") == 0) {
		line(a, g, "TM. ", s->collective);
		if (s->head != NULL)
			line(a, g, "KT. ", s->head);
		line(a, g, "", s->title);
	} else if (strcmp(auth, "KT") == 0 || strcmp(auth, "TL") == 0 ||
	    strcmp(auth, "TUQ") == 0) {
		line(a, g, vb_sprintf(a, "%s. ", auth), s->head);
		line(a, g, "", s->title);
	} else
		return -1;
	return 0;
}
