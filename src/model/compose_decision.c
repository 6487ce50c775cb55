/* compose_decision.c - the lines of a quyết định or nghị quyết between
 * its title and its articles (nd30.md §4, Mẫu 1.1-1.3): the issuing
 * authority, the "Căn cứ" lines (document.c), "Theo đề nghị của …" and
 * "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:". */
#include "compose.h"

#include <ctype.h>
#include <string.h>

#include "base/date.h"
#include "base/text.h"

int
vb_kind_enacts(const vb_doctype *t)
{
	return t != NULL && (strcmp(t->key, "quyet-dinh") == 0 ||
	    strcmp(t->key, "nghi-quyet") == 0);
}

/* Returns s with its line breaks turned into spaces. */
static char *
one_line(vb_arena *a, const char *s)
{
	char *t = vb_strdup(a, s != NULL ? s : "");
	char *p;

	for (p = t; *p; p++)
		if (*p == '\n')
			*p = ' ';
	return t;
}

/* Returns the prefix of the signer's authority (quyen_han) upper-cased
 * and without its dot: "KT", "TM", "" when the head signs. */
static const char *
prefix_of(vb_arena *a, const vb_sign_src *s)
{
	char *p;
	size_t i;

	if (s->authority == NULL)
		return "";
	p = vb_strdup(a, s->authority);
	for (i = 0; p[i] && p[i] != '.'; i++)
		p[i] = (char)toupper((unsigned char)p[i]);
	p[i] = '\0';
	return p;
}

/* Returns the issuing authority in words, as a reference names it
 * ("Giám đốc Sở Giáo dục và Đào tạo"): tham_quyen when given; else the
 * agency itself when it signs as a collective (TM.), or the title of the
 * one who holds the power (the head for KT., TL., TUQ.; the signer for Q.
 * or in person) followed by the agency. */
static const char *
authority_words(vb_arena *a, const vb_meta *m)
{
	static const vb_sign_src none;
	/* the last signer, on the right, holds the authority */
	const vb_sign_src *s = m->nsigners > 0 ? &m->signers[m->nsigners - 1]
	    : &none;
	const char *pre = prefix_of(a, s), *who;

	if (m->authority != NULL && *m->authority != '\0')
		return one_line(a, m->authority);
	if (strcmp(pre, "TM") == 0)
		who = NULL;
	else if (strcmp(pre, "KT") == 0 || strcmp(pre, "TL") == 0 ||
	    strcmp(pre, "TUQ") == 0)
		who = s->head;
	else
		who = s->title;
	if (who == NULL || *who == '\0')
		return one_line(a, m->issuer);
	return vb_sprintf(a, "%s %s", who, one_line(a, m->issuer));
}

/* Returns the proposal line: "Theo đề nghị của X." from de_nghi, which
 * may be X alone or the whole line. */
static const char *
proposal(vb_arena *a, const char *s)
{
	char *t = vb_text_trim(a, s);
	size_t n = strlen(t);

	while (n > 0 && (t[n - 1] == '.' || t[n - 1] == ';' || t[n - 1] == ','))
		t[--n] = '\0';
	if (strncmp(t, "Theo ", 5) == 0 || strncmp(t, "theo ", 5) == 0) {
		t[0] = 'T';
		return vb_sprintf(a, "%s.", t);
	}
	return vb_sprintf(a, "Theo đề nghị của %s.", t);
}

void
vb_compose_decision(vb_arena *a, const vb_meta *m, vb_document *doc)
{
	vb_header *h = &doc->header;
	const char *who;

	if (!vb_kind_enacts(doc->type))
		return;
	who = authority_words(a, m);
	h->authority = vb_text_upper(a, who);
	if (m->proposal != NULL && *m->proposal != '\0')
		h->proposal = proposal(a, m->proposal);
	h->enact = strcmp(doc->type->key, "nghi-quyet") == 0 ?
	    "QUYẾT NGHỊ:" : "QUYẾT ĐỊNH:";
	doc->attach_line = vb_sprintf(a, "(Ban hành kèm theo %s số %s/%s %s "
	    "của %s)", doc->type->name, *doc->number ? doc->number : "     ",
	    doc->symbol, vb_date_words(a, &doc->date), who);
}

vb_header *
vb_compose_attached(vb_arena *a, const vb_document *with,
    const vb_doctype *t, const char *subject)
{
	vb_header *h = vb_alloc(a, sizeof(*h));
	const vb_header *w = &with->header;

	h->parent = w->parent != NULL ? vb_strdup(a, w->parent) : NULL;
	h->issuer = vb_strdup(a, w->issuer != NULL ? w->issuer : "");
	h->type_name = vb_text_upper(a, t->name);
	h->subject = subject != NULL && *subject != '\0' ?
	    vb_strdup(a, subject) : NULL;
	h->issued_with = with->attach_line != NULL ?
	    vb_strdup(a, with->attach_line) : vb_sprintf(a,
	    "(Kèm theo %s số %s/%s %s của %s)", with->type->name,
	    *with->number ? with->number : "     ", with->symbol,
	    vb_date_words(a, &with->date), with->props.author);
	return h;
}
