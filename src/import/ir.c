/* ir.c - building the intermediate form of an imported document. */
#include "ir.h"

#include <string.h>

#include "base/buf.h"

imp_run *
imp_para_run(vb_arena *a, imp_para *p, const char *text, unsigned style)
{
	imp_run *r;

	p->runs = vb_grow(a, p->runs, p->nruns + 1, sizeof(*p->runs),
	    &p->cap);
	r = &p->runs[p->nruns++];
	memset(r, 0, sizeof(*r));
	r->text = text;
	r->style = style;
	return r;
}

/* Returns 1 when s[0..n) holds a letter or digit (not only spaces and
 * punctuation). */
static int
has_word(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 || (s[i] >= '0' && s[i] <= '9')
		    || ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
			return 1;
	return 0;
}

/* Returns 1 when runs x and y can be one run: same style and link, text
 * (not a note mark, not a line break). */
static int
alike(const imp_run *x, const imp_run *y)
{
	return !x->note && !y->note && x->style == y->style &&
	    strcmp(x->text, "\n") != 0 && strcmp(y->text, "\n") != 0 &&
	    ((x->href == NULL && y->href == NULL) || (x->href && y->href &&
	    strcmp(x->href, y->href) == 0));
}

/* Joins alike neighbouring runs of p (Word splits text into many runs),
 * in time linear in the text. */
static void
coalesce(vb_arena *a, imp_para *p)
{
	vb_buf b = { 0 };
	size_t i, j, o = 0;

	for (i = 0; i < p->nruns; i = j) {
		for (j = i + 1; j < p->nruns && alike(&p->runs[i],
		    &p->runs[j]); j++)
			;
		p->runs[o] = p->runs[i];
		if (j > i + 1) {
			vb_buf_reset(&b);
			for (; i < j; i++)
				vb_buf_puts(&b, p->runs[i].text);
			p->runs[o].text = vb_strdup(a, b.data);
		}
		o++;
	}
	p->nruns = o;
	vb_buf_free(&b);
}

void
imp_para_finish(vb_arena *a, imp_para *p)
{
	vb_buf b = { 0 };
	size_t i, s, e, words = 0, bold = 0, italic = 0;

	coalesce(a, p);

	for (i = 0; i < p->nruns; i++) {
		if (p->runs[i].note)
			continue;
		vb_buf_puts(&b, p->runs[i].text);
		if (has_word(p->runs[i].text, strlen(p->runs[i].text))) {
			words++;
			if (p->runs[i].style & VB_BOLD)
				bold++;
			if (p->runs[i].style & VB_ITALIC)
				italic++;
		}
		if (strchr(p->runs[i].text, '\t'))
			p->tabbed = 1;
	}
	s = 0;
	e = b.len;
	while (s < e && (b.data[s] == ' ' || b.data[s] == '\t' ||
	    b.data[s] == '\n'))
		s++;
	while (e > s && (b.data[e - 1] == ' ' || b.data[e - 1] == '\t' ||
	    b.data[e - 1] == '\n'))
		e--;
	p->text = vb_strndup(a, b.data ? b.data + s : "", e - s);
	p->bold = words > 0 && bold == words;
	p->italic = words > 0 && italic == words;
	vb_buf_free(&b);
}

imp_block *
imp_doc_block(imp_doc *d)
{
	imp_block *b;

	d->b = vb_grow(d->a, d->b, d->n + 1, sizeof(*d->b), &d->cap);
	b = &d->b[d->n++];
	memset(b, 0, sizeof(*b));
	return b;
}
