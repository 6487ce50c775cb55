/* docx_styles.c - styles.xml and numbering.xml of an imported .docx. */
#include "docx_styles.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/text.h"
#include "pkg.h"

/* Returns 1 when a toggle element (w:b, w:i …) is on. */
static int
toggle_on(vb_arena *a, xmlNodePtr n)
{
	char *v = imp_attr(a, n, "val");

	return v == NULL || !(strcmp(v, "0") == 0 ||
	    strcmp(v, "false") == 0 || strcmp(v, "off") == 0 ||
	    strcmp(v, "none") == 0);
}

void
imp_rpr_bits(vb_arena *a, xmlNodePtr rpr, unsigned *on, unsigned *off)
{
	static const struct { const char *el; unsigned bit; } t[] = {
		{ "b", VB_BOLD }, { "i", VB_ITALIC }, { "u", VB_UNDERLINE },
		{ "strike", VB_STRIKE }
	};
	xmlNodePtr n;
	size_t k;

	for (k = 0; k < sizeof(t) / sizeof(t[0]); k++) {
		if ((n = imp_child(rpr, t[k].el)) == NULL)
			continue;
		if (toggle_on(a, n)) {
			*on |= t[k].bit;
			*off &= ~t[k].bit;
		} else {
			*off |= t[k].bit;
			*on &= ~t[k].bit;
		}
	}
}

/* Returns the alignment of a w:jc value + 1, or 0. */
static int
jc_of(const char *v)
{
	if (v == NULL)
		return 0;
	if (strcmp(v, "center") == 0)
		return VB_ALIGN_CENTER + 1;
	if (strcmp(v, "right") == 0 || strcmp(v, "end") == 0)
		return VB_ALIGN_RIGHT + 1;
	if (strcmp(v, "left") == 0 || strcmp(v, "start") == 0)
		return VB_ALIGN_LEFT + 1;
	return VB_ALIGN_DEFAULT + 1;
}

imp_style *
imp_style_get(imp_styles *st, const char *id)
{
	size_t i;

	for (i = 0; id != NULL && i < st->n; i++)
		if (strcmp(st->s[i].id, id) == 0)
			return &st->s[i];
	return NULL;
}

/* Merges the basedOn chain into s (depth-limited against loops). */
static void
resolve(imp_styles *st, imp_style *s, int depth)
{
	imp_style *b;

	if (s->resolved || depth > 20)
		return;
	s->resolved = 1;
	if ((b = imp_style_get(st, s->based)) == NULL || b == s)
		return;
	resolve(st, b, depth + 1);
	if (s->outline < 0)
		s->outline = b->outline;
	if (s->numid == 0 && b->numid != 0) {
		s->numid = b->numid;
		s->ilvl = b->ilvl;
	}
	if (s->jc == 0)
		s->jc = b->jc;
	s->on |= b->on & ~s->off;
	if (s->font == NULL)
		s->font = b->font;
}

/* Returns the ascii font of an rPr, or NULL. */
static const char *
font_of(vb_arena *a, xmlNodePtr rpr)
{
	xmlNodePtr f = imp_child(rpr, "rFonts");
	const char *v;

	if (f == NULL)
		return NULL;
	if ((v = imp_attr(a, f, "ascii")) == NULL)
		v = imp_attr(a, f, "hAnsi");
	return v;
}

void
imp_styles_read(imp_styles *st, vb_arena *a, xmlDocPtr doc)
{
	xmlNodePtr root, n, ppr, rpr, x;
	imp_style *s;
	size_t cap = 0, i;
	char *v, *name;
	int lvl;

	memset(st, 0, sizeof(*st));
	st->a = a;
	if (doc == NULL)
		return;
	root = xmlDocGetRootElement(doc);
	if ((x = imp_child(imp_child(imp_child(root, "docDefaults"),
	    "rPrDefault"), "rPr")) != NULL)
		st->def_font = font_of(a, x);
	for (n = root->children; n; n = n->next) {
		if (!imp_is(n, "style") || (v = imp_attr(a, n, "styleId")) ==
		    NULL)
			continue;
		st->s = vb_grow(a, st->s, st->n + 1, sizeof(*st->s), &cap);
		s = &st->s[st->n++];
		memset(s, 0, sizeof(*s));
		s->id = v;
		s->outline = -1;
		name = imp_attr(a, imp_child(n, "name"), "val");
		s->name = vb_text_lower(a, name ? name : v);
		s->based = imp_attr(a, imp_child(n, "basedOn"), "val");
		ppr = imp_child(n, "pPr");
		rpr = imp_child(n, "rPr");
		if ((v = imp_attr(a, imp_child(ppr, "outlineLvl"), "val")))
			s->outline = atoi(v);
		if (strncmp(s->name, "heading ", 8) == 0 &&
		    (lvl = atoi(s->name + 8)) >= 1 && lvl <= 9)
			s->outline = lvl - 1;
		if (s->outline > 8 || s->outline < -1)
			s->outline = -1;
		if ((x = imp_child(ppr, "numPr")) != NULL) {
			v = imp_attr(a, imp_child(x, "numId"), "val");
			s->numid = v ? atoi(v) : 0;
			v = imp_attr(a, imp_child(x, "ilvl"), "val");
			s->ilvl = v ? atoi(v) : 0;
		}
		s->jc = jc_of(imp_attr(a, imp_child(ppr, "jc"), "val"));
		imp_rpr_bits(a, rpr, &s->on, &s->off);
		s->font = font_of(a, rpr);
	}
	for (i = 0; i < st->n; i++)
		resolve(st, &st->s[i], 0);
}

/* Reads the levels of an abstractNum into lv[9]. */
static void
read_levels(vb_arena *a, xmlNodePtr absn, imp_lvl *lv)
{
	xmlNodePtr l;
	char *v;
	int k;

	for (l = absn ? absn->children : NULL; l; l = l->next) {
		if (!imp_is(l, "lvl") || (v = imp_attr(a, l, "ilvl")) == NULL)
			continue;
		if ((k = atoi(v)) < 0 || k > 8)
			continue;
		lv[k].fmt = imp_attr(a, imp_child(l, "numFmt"), "val");
		lv[k].text = imp_attr(a, imp_child(l, "lvlText"), "val");
		v = imp_attr(a, imp_child(l, "start"), "val");
		lv[k].start = v ? atoi(v) : 1;
	}
}

/* Returns the abstractNum element with id, or NULL. */
static xmlNodePtr
abstract(vb_arena *a, xmlNodePtr root, const char *id)
{
	xmlNodePtr n;
	char *v;

	for (n = root->children; id && n; n = n->next)
		if (imp_is(n, "abstractNum") && (v = imp_attr(a, n,
		    "abstractNumId")) != NULL && strcmp(v, id) == 0)
			return n;
	return NULL;
}

void
imp_numbering_read(imp_styles *st, xmlDocPtr doc)
{
	xmlNodePtr root, n, o, absn;
	imp_num *m;
	size_t cap = 0;
	char *v, *aid;
	int k;

	if (doc == NULL)
		return;
	root = xmlDocGetRootElement(doc);
	for (n = root->children; n; n = n->next) {
		if (!imp_is(n, "num") || (v = imp_attr(st->a, n, "numId")) ==
		    NULL)
			continue;
		st->nums = vb_grow(st->a, st->nums, st->nnums + 1,
		    sizeof(*st->nums), &cap);
		m = &st->nums[st->nnums++];
		memset(m, 0, sizeof(*m));
		m->id = atoi(v);
		aid = imp_attr(st->a, imp_child(n, "abstractNumId"), "val");
		m->abs = aid ? atoi(aid) : -1;
		absn = abstract(st->a, root, aid);
		/* numStyleLink: the levels live in the style's list */
		read_levels(st->a, absn, m->lvl);
		for (o = n->children; o; o = o->next) {
			if (!imp_is(o, "lvlOverride") || (v = imp_attr(st->a, o,
			    "ilvl")) == NULL || (k = atoi(v)) < 0 || k > 8)
				continue;
			if ((v = imp_attr(st->a, imp_child(o, "startOverride"),
			    "val")) != NULL)
				m->lvl[k].start = atoi(v);
			if (imp_child(o, "lvl") != NULL) {
				imp_lvl tmp[9];
				memset(tmp, 0, sizeof(tmp));
				read_levels(st->a, o, tmp);
				if (tmp[k].fmt || tmp[k].text)
					m->lvl[k] = tmp[k];
			}
		}
	}
}

/* Writes n as a Roman numeral (upper) into out. */
static void
roman(int n, char *out, size_t size)
{
	static const int val[] = { 1000, 900, 500, 400, 100, 90, 50, 40, 10,
	    9, 5, 4, 1 };
	static const char *sym[] = { "M", "CM", "D", "CD", "C", "XC", "L",
	    "XL", "X", "IX", "V", "IV", "I" };
	size_t o = 0, k;

	out[0] = '\0';
	if (n <= 0 || n > 3999) {
		snprintf(out, size, "%d", n);
		return;
	}
	for (k = 0; k < 13; k++)
		while (n >= val[k] && o + 3 < size) {
			o += (size_t)snprintf(out + o, size - o, "%s", sym[k]);
			n -= val[k];
		}
}

/* Writes counter n in format fmt into out. */
static void
format(const char *fmt, int n, char *out, size_t size)
{
	size_t i;

	if (fmt == NULL || strcmp(fmt, "decimal") == 0 || n <= 0) {
		snprintf(out, size, "%d", n);
	} else if (strcmp(fmt, "decimalZero") == 0) {
		snprintf(out, size, "%02d", n);
	} else if (strcmp(fmt, "upperRoman") == 0 ||
	    strcmp(fmt, "lowerRoman") == 0) {
		roman(n, out, size);
		if (fmt[0] == 'l')
			for (i = 0; out[i]; i++)
				out[i] = (char)(out[i] - 'A' + 'a');
	} else if (strcmp(fmt, "lowerLetter") == 0 ||
	    strcmp(fmt, "upperLetter") == 0) {
		snprintf(out, size, "%c", (fmt[0] == 'l' ? 'a' : 'A') +
		    (n - 1) % 26);
	} else {
		snprintf(out, size, "%d", n);
	}
}

/* Returns the list instance numid, or NULL. */
static imp_num *
num_get(imp_styles *st, int numid)
{
	size_t i;

	for (i = 0; i < st->nnums; i++)
		if (st->nums[i].id == numid)
			return &st->nums[i];
	return NULL;
}

void
imp_number(imp_styles *st, int numid, int ilvl, imp_para *p)
{
	imp_num *m = num_get(st, numid);
	imp_lvl *l;
	vb_buf b = { 0 };
	char tmp[32];
	const char *s;
	int k;

	if (m == NULL || ilvl < 0 || ilvl > 8)
		return;
	l = &m->lvl[ilvl];
	if (l->fmt != NULL && strcmp(l->fmt, "none") == 0)
		return;
	if (!m->used[ilvl])
		m->count[ilvl] = l->start;
	else
		m->count[ilvl]++;
	m->used[ilvl] = 1;
	for (k = ilvl + 1; k < 9; k++)
		m->used[k] = 0;
	p->ilvl = ilvl;
	if (l->fmt == NULL || strcmp(l->fmt, "bullet") == 0) {
		p->numkind = IMP_NUM_BULLET;
		p->numtext = "-";
		return;
	}
	if (strstr(l->fmt, "Roman"))
		p->numkind = IMP_NUM_ROMAN;
	else if (strstr(l->fmt, "Letter"))
		p->numkind = IMP_NUM_LETTER;
	else
		p->numkind = IMP_NUM_DECIMAL;
	for (s = l->text ? l->text : "%1."; *s; s++) {
		if (s[0] == '%' && s[1] >= '1' && s[1] <= '9') {
			k = s[1] - '1';
			format(m->lvl[k].fmt, m->used[k] ? m->count[k] :
			    m->lvl[k].start, tmp, sizeof(tmp));
			vb_buf_puts(&b, tmp);
			s++;
		} else {
			vb_buf_putc(&b, *s);
		}
	}
	p->numtext = vb_strdup(st->a, b.data ? b.data : "");
	vb_buf_free(&b);
}
