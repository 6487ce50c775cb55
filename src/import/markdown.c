/* markdown.c - the intermediate form written as vanban Markdown. */
#include "markdown.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "xlsx_write.h"

/* The letters of Vietnamese point numbers, in order. */
static const char *const LETTERS[] = { "a", "b", "c", "d", "đ", "e", "g",
    "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v",
    "x", "y", NULL };

void
imp_md_init(imp_md *m, vb_arena *a, imp_doc *doc, vb_buf *out)
{
	size_t i, top = 0;

	memset(m, 0, sizeof(*m));
	m->a = a;
	m->doc = doc;
	m->out = out;
	m->depth = -1;
	for (i = 0; i < doc->nnotes; i++)
		if (doc->notes[i].number > 0 && (size_t)doc->notes[i].number >
		    top)
			top = (size_t)doc->notes[i].number;
	m->used = vb_alloc(a, (top + 1) * sizeof(*m->used));
	memset(m->used, 0, (top + 1) * sizeof(*m->used));
}

/* Returns the value of Roman numeral s[0..n), or 0. */
static int
roman_value(const char *s, size_t n)
{
	int v = 0, prev = 0, x;
	size_t i;

	for (i = n; i-- > 0;) {
		switch (s[i]) {
		case 'I': x = 1; break;
		case 'V': x = 5; break;
		case 'X': x = 10; break;
		case 'L': x = 50; break;
		case 'C': x = 100; break;
		default: return 0;
		}
		v += x < prev ? -x : x;
		if (x > prev)
			prev = x;
	}
	return v;
}

/* Parses a number typed at the start of s: "II. ", "3. ", "đ) ". Returns
 * its level (1 Roman, 2 decimal, 3 letter) or 0, with its value and the
 * bytes it takes with the spaces after it. */
static int
typed_number(const char *s, int *value, size_t *len)
{
	size_t n, k;

	n = strspn(s, "IVXLC");
	if (n > 0 && s[n] == '.' && (s[n + 1] == ' ' || s[n + 1] == '\t') &&
	    (*value = roman_value(s, n)) > 0) {
		*len = n + 1 + strspn(s + n + 1, " \t");
		return 1;
	}
	n = strspn(s, "0123456789");
	if (n > 0 && n < 4 && s[n] == '.' && (s[n + 1] == ' ' ||
	    s[n + 1] == '\t')) {
		*value = atoi(s);
		*len = n + 1 + strspn(s + n + 1, " \t");
		return 2;
	}
	for (k = 0; LETTERS[k]; k++) {
		n = strlen(LETTERS[k]);
		if (strncmp(s, LETTERS[k], n) == 0 && s[n] == ')' &&
		    (s[n + 1] == ' ' || s[n + 1] == '\t')) {
			*value = (int)k + 1;
			*len = n + 1 + strspn(s + n + 1, " \t");
			return 3;
		}
	}
	return 0;
}

/* Returns the footnote numbered n when it has text, or NULL. */
static const imp_note *
note_text(const imp_doc *doc, int n)
{
	size_t i;

	for (i = 0; i < doc->nnotes; i++)
		if (doc->notes[i].number == n && doc->notes[i].n > 0)
			return &doc->notes[i];
	return NULL;
}

/* Returns 1 when s[0..n) after a '&' would be read as an entity
 * ("amp;", "#39;"): letters, digits or '#' up to a ';'. */
static int
entity_like(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < 32; i++) {
		if (s[i] == ';')
			return i > 0;
		if (!isalnum((unsigned char)s[i]) && s[i] != '#')
			return 0;
	}
	return 0;
}

/* Appends s[0..n) escaped for Markdown inline text. */
static void
esc(vb_buf *b, const char *s, size_t n, int cell)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char ch = s[i];
		if (ch == '\\' || ch == '*' || ch == '_' || ch == '`' ||
		    ch == '[' || ch == ']' || ch == '<' || ch == '~' ||
		    (cell && ch == '|'))
			vb_buf_putc(b, '\\');
		if (ch == '&' && entity_like(s + i + 1, n - i - 1)) {
			vb_buf_puts(b, "\\&");
			continue;
		}
		if (ch == '\t') {
			vb_buf_putc(b, ' ');
			continue;
		}
		if (ch == '\n') {
			vb_buf_puts(b, cell ? "<br>" : "\\\n");
			continue;
		}
		vb_buf_putc(b, ch);
	}
}

/* Appends the style openers (close 0) or closers (close 1) of style. */
static void
marks(vb_buf *b, unsigned style, int close)
{
	static const struct { unsigned bit; const char *open, *shut; } t[] = {
		{ VB_UNDERLINE, "<u>", "</u>" }, { VB_SUPER, "<sup>", "</sup>" },
		{ VB_SUB, "<sub>", "</sub>" }, { VB_STRIKE, "~~", "~~" },
		{ VB_BOLD, "**", "**" }, { VB_ITALIC, "*", "*" }
	};
	int k, n = (int)(sizeof(t) / sizeof(t[0]));

	if (!close) {
		for (k = 0; k < n; k++)
			if (style & t[k].bit)
				vb_buf_puts(b, t[k].open);
	} else {
		for (k = n - 1; k >= 0; k--)
			if (style & t[k].bit)
				vb_buf_puts(b, t[k].shut);
	}
}

void
imp_md_inline(imp_md *m, vb_buf *out, const imp_para *p, size_t skip,
    int cell)
{
	const imp_run *r;
	imp_run tmp;
	const char *s;
	size_t i, n, lead, core, started = 0;
	vb_buf start = { 0 };

	for (i = 0; i < p->nruns; i++) {
		tmp = p->runs[i];
		tmp.style &= ~m->drop;
		r = &tmp;
		if (r->note) {
			/* a mark whose footnote text is missing is dropped */
			if (note_text(m->doc, r->note) == NULL)
				continue;
			m->used[r->note] = 1;
			vb_buf_printf(out, "[^%d]", r->note);
			started = 1;
			continue;
		}
		s = r->text;
		n = strlen(s);
		if (!started) {	/* drop leading space and the number */
			while (n && (*s == ' ' || *s == '\t' || *s == '\n')) {
				s++;
				n--;
			}
			if (skip) {
				lead = skip < n ? skip : n;
				s += lead;
				n -= lead;
				skip -= lead;
				while (skip == 0 && n && (*s == ' ' || *s ==
				    '\t')) {
					s++;
					n--;
				}
				if (skip)
					continue;
			}
			if (n == 0)
				continue;
			started = 1;
		}
		if (i + 1 == p->nruns || (i + 2 == p->nruns &&
		    p->runs[i + 1].note == 0 && p->runs[i + 1].text[0] == '\0'))
			while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' ||
			    s[n - 1] == '\t'))
				n--;
		for (lead = 0; lead < n && s[lead] == ' '; lead++)
			;
		for (core = n; core > lead && s[core - 1] == ' '; core--)
			;
		vb_buf_put(out, s, lead);
		if (core > lead) {
			if (r->href && strncmp(s + lead, r->href, core - lead)
			    == 0 && strlen(r->href) == core - lead &&
			    !strpbrk(r->href, " <>")) {
				marks(out, r->style, 0);
				vb_buf_printf(out, "<%s>", r->href);
				marks(out, r->style, 1);
			} else {
				if (r->href)
					vb_buf_putc(out, '[');
				marks(out, r->style, 0);
				esc(out, s + lead, core - lead, cell);
				marks(out, r->style, 1);
				if (r->href)
					vb_buf_printf(out, "](<%s>)", r->href);
			}
		}
		vb_buf_put(out, s + core, n - core);
	}
	vb_buf_free(&start);
}

/* Writes a paragraph's inline text, escaping what would start a block. */
static void
para_text(imp_md *m, const imp_para *p, size_t skip)
{
	vb_buf b = { 0 };
	const char *s;
	size_t n;

	imp_md_inline(m, &b, p, skip, 0);
	s = b.data ? b.data : "";
	n = strspn(s, "0123456789");
	if (s[0] == '#' || s[0] == '>' || s[0] == '=' || ((s[0] == '-' ||
	    s[0] == '+') && (s[1] == ' ' || s[1] == '\0')) || s[0] == '|')
		vb_buf_putc(m->out, '\\');
	if (n > 0 && n < 10 && (s[n] == '.' || s[n] == ')') &&
	    (s[n + 1] == ' ' || s[n + 1] == '\0')) {
		vb_buf_put(m->out, s, n);
		vb_buf_putc(m->out, '\\');
		s += n;
	}
	vb_buf_puts(m->out, s);
	vb_buf_free(&b);
}

/* Returns 1 when the Word list number of p is one vanban makes too
 * ("II.", "3.", "b)"), not a compound one ("1.2.") or a decorated one. */
static int
simple_number(const imp_para *p)
{
	const char *s = p->numtext;
	size_t n;

	if (s == NULL)
		return 0;
	if ((n = strspn(s, "0123456789")) > 0)
		return (s[n] == '.' || s[n] == ')') && s[n + 1] == '\0';
	if ((n = strspn(s, "IVXLC")) > 0)
		return s[n] == '.' && s[n + 1] == '\0';
	return s[0] >= 'a' && s[0] <= 'z' && s[1] == ')' && s[2] == '\0';
}

/* Returns the value of the simple Word list number of p ("IV." 4, "b)" 2). */
static int
word_value(const imp_para *p)
{
	const char *s = p->numtext;

	if (s[0] >= '0' && s[0] <= '9')
		return atoi(s);
	if (strchr("IVXLC", s[0]))
		return roman_value(s, strspn(s, "IVXLC"));
	/* Word counts in Latin letters: its "e)" is the 5th point */
	return s[0] - 'a' + 1;
}

/* Joins "Chương I" and its title, set on two lines of one heading
 * paragraph (written from out->data + at as "Chương I\\\n…"), into
 * "Chương I. …", as vanban writes a Phần, Chương or Mục heading. */
static void
division_break(vb_buf *out, size_t at)
{
	static const char *w[] = { "Chương ", "Phần ", "Mục ", NULL };
	char *s = out->data + at, *br;
	size_t i, n;

	for (i = 0; w[i] && strncmp(s, w[i], strlen(w[i])) != 0; i++)
		;
	if (w[i] == NULL || (br = strstr(s, "\\\n")) == NULL)
		return;
	n = strlen(w[i]);
	if (strspn(s + n, "IVXLC0123456789") != (size_t)(br - s) - n)
		return;
	br[0] = '.';
	br[1] = ' ';
}

/* Returns the heading level of p (0: not a heading), with the bytes of
 * its typed number to drop in *skip, and in *keep a Word number out of
 * order that is to be written before the text (else NULL). */
static int
heading(imp_md *m, const imp_para *p, size_t *skip, const char **keep)
{
	int level = 0, typed, value = 0, k;
	size_t len = 0, tl = strlen(p->text);

	*skip = 0;
	*keep = NULL;
	typed = typed_number(p->text, &value, &len);
	if (p->outline >= 0 && p->outline <= 5) {
		level = p->outline + 1;
		/* a number typed in a heading paragraph stays as written */
	} else if (simple_number(p) && (p->numkind == IMP_NUM_ROMAN ||
	    ((p->numkind == IMP_NUM_DECIMAL || p->numkind == IMP_NUM_LETTER)
	    && p->bold))) {
		level = p->numkind == IMP_NUM_ROMAN ? 1 :
		    p->numkind == IMP_NUM_DECIMAL ? 2 : 3;
	} else if (typed && p->numkind == IMP_NUM_NONE &&
	    !m->doc->from_txt && (p->bold || (typed == 3 && p->italic)) &&
	    tl < 400) {
		level = typed;
	} else if (typed && m->doc->from_txt && tl < 300) {
		if (typed == 1)
			level = 1;
		else if (typed == 2 && m->in_section)
			level = 2;
		else if (typed == 3 && m->count[2] > 0 && tl < 100 &&
		    strchr(".;,", p->text[tl - 1]) == NULL)
			level = 3;	/* "a) Mục tiêu": a title, not a point */
	}
	if (level == 0)
		return 0;
	if (level <= 3 && p->outline < 0 && typed == level &&
	    p->numkind == IMP_NUM_NONE) {
		if (value == m->count[level] + 1)
			*skip = len;
		m->count[level] = value;
	} else if (level <= 3 && p->numkind != IMP_NUM_NONE &&
	    simple_number(p)) {
		/* a Word number out of order ("III." after "I.") is kept */
		value = word_value(p);
		if (value != m->count[level] + 1)
			*keep = p->numtext;
		m->count[level] = value;
	} else if (level <= 3) {
		m->count[level]++;
	}
	for (k = level + 1; k < 4; k++)
		m->count[k] = 0;
	if (level == 1)
		m->in_section = 1;
	return level;
}

/* Returns the list marker of p ("-", "+", "3.") and its depth, or NULL,
 * with the bytes of a typed marker in *skip. */
static const char *
item(imp_md *m, const imp_para *p, int *depth, size_t *skip)
{
	const char *s = p->text;
	size_t n;

	*skip = 0;
	*depth = 0;
	if (p->numkind == IMP_NUM_BULLET) {
		*depth = p->ilvl;
		return "-";
	}
	if (p->numkind == IMP_NUM_DECIMAL && simple_number(p)) {
		*depth = p->ilvl;
		n = strspn(p->numtext, "0123456789");
		return n ? vb_sprintf(m->a, "%.*s.", (int)n, p->numtext) : "1.";
	}
	if ((s[0] == '-' || s[0] == '+' || s[0] == '*') && s[1] == ' ') {
		*skip = 2;
		return s[0] == '+' ? "+" : "-";
	}
	if (strncmp(s, "•", 3) == 0 || strncmp(s, "–", 3) == 0 ||
	    strncmp(s, "", 3) == 0) {
		*skip = 3;
		return "-";
	}
	return NULL;
}

/* Returns 1 when s is only rule characters (underscores, dashes). */
static int
is_rule(const char *s)
{
	size_t i, n = 0;

	for (i = 0; s[i]; i++) {
		if (s[i] != '_' && s[i] != '-' && s[i] != ' ' && s[i] != '=')
			return 0;
		n++;
	}
	return n >= 3;
}

/* Writes the text of a cell (paragraphs joined by <br>) into b. */
static void
cell_text(imp_md *m, vb_buf *b, const imp_cell *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		if (i > 0)
			vb_buf_puts(b, "<br>");
		if (c->paras[i].numkind == IMP_NUM_BULLET)
			vb_buf_puts(b, "- ");
		else if (c->paras[i].numtext && c->paras[i].numkind !=
		    IMP_NUM_NONE)
			vb_buf_printf(b, "%s ", c->paras[i].numtext);
		imp_md_inline(m, b, &c->paras[i], 0, 1);
	}
	while (b->len >= 4 && strcmp(b->data + b->len - 4, "<br>") == 0)
		b->data[b->len -= 4] = '\0';
}

/* Writes table t, whose merges a Markdown table cannot keep, as a
 * spreadsheet beside the document, "![](NAME-bang-N.xlsx)" on a line of
 * its own (vanban reads it back with its merged cells); returns 0 when no
 * file can be written beside the document. */
static int
sheet_table(imp_md *m, const imp_table *t)
{
	imp_doc *d = m->doc;

	if (d->stem == NULL || !imp_table_needs_sheet(t))
		return 0;
	d->sheets = vb_grow(m->a, d->sheets, d->nsheets + 1,
	    sizeof(*d->sheets), &d->sheetcap);
	d->sheets[d->nsheets++] = t;
	vb_buf_printf(m->out, "![](%s)\n\n", imp_sheet_name(m->a, d,
	    d->nsheets - 1));
	m->tables++;
	m->sheets++;
	if (t->ncols > m->maxcols)
		m->maxcols = t->ncols;
	return 1;
}

/* Writes table t as a GitHub table. */
static void
table(imp_md *m, const imp_table *t)
{
	size_t ncols = t->ncols, r, j, col, filled;
	const char **grid;
	int *right, *any, lossy = 0;
	vb_buf b = { 0 };

	if (ncols == 0 || t->n == 0 || sheet_table(m, t))
		return;
	grid = vb_alloc(m->a, t->n * ncols * sizeof(*grid));
	right = vb_alloc(m->a, ncols * sizeof(*right));
	any = vb_alloc(m->a, ncols * sizeof(*any));
	for (j = 0; j < ncols; j++)
		right[j] = 1, any[j] = 0;
	for (r = 0; r < t->n; r++) {
		filled = 0;
		for (j = 0; j < ncols; j++)
			grid[r * ncols + j] = "";
		for (col = 0, j = 0; j < t->rows[r].n && col < ncols; j++) {
			const imp_cell *c = &t->rows[r].cells[j];
			vb_buf_reset(&b);
			if (c->vmerge == 2)
				lossy = 1;
			else {
				m->drop = r == 0 ? VB_BOLD : 0;
				cell_text(m, &b, c);
				m->drop = 0;
			}
			grid[r * ncols + col] = vb_strdup(m->a, b.data ? b.data
			    : "");
			if (b.len)
				filled++;
			if (r > 0 && b.len) {
				any[col] = 1;
				if (c->align != VB_ALIGN_RIGHT)
					right[col] = 0;
			}
			if (c->span > 1 && (j + 1 < t->rows[r].n || filled > 2))
				lossy = 1;
			col += (size_t)c->span;
		}
	}
	for (r = 0; r < t->n; r++) {
		vb_buf_putc(m->out, '|');
		for (j = 0; j < ncols; j++)
			vb_buf_printf(m->out, " %s |", grid[r * ncols + j]);
		vb_buf_putc(m->out, '\n');
		if (r == 0) {
			vb_buf_putc(m->out, '|');
			for (j = 0; j < ncols; j++)
				vb_buf_puts(m->out, right[j] && any[j] ?
				    "---:|" : "---|");
			vb_buf_putc(m->out, '\n');
		}
	}
	vb_buf_putc(m->out, '\n');
	vb_buf_free(&b);
	m->tables++;
	if (lossy)
		m->merged++;
	if (ncols > m->maxcols)
		m->maxcols = ncols;
}

/* Returns 1 when p reads as the caption under a picture: in Word's
 * Caption style, or a short line starting "Hình", "Biểu đồ", "Sơ đồ",
 * "Ảnh" set centred or in italics. */
static int
caption_like(const imp_para *p)
{
	static const char *w[] = { "Hình", "HÌNH", "Biểu đồ", "BIỂU ĐỒ",
	    "Sơ đồ", "SƠ ĐỒ", "Ảnh", "ẢNH", NULL };
	size_t k;

	if (p->text[0] == '\0' || p->image || p->toc || strlen(p->text) > 400)
		return 0;
	if (p->style && strcmp(p->style, "caption") == 0)
		return 1;
	for (k = 0; w[k] && strncmp(p->text, w[k], strlen(w[k])) != 0; k++)
		;
	return w[k] && (p->align == VB_ALIGN_CENTER || p->italic);
}

/* Writes the picture of m->pic with caption (a paragraph, or NULL). */
static void
picture(imp_md *m, const imp_para *caption)
{
	imp_image *im = &m->doc->images[m->pic->image - 1];

	m->pic = NULL;
	if (im->out == NULL)
		return;
	vb_buf_puts(m->out, "![");
	if (caption) {
		m->drop = caption->italic ? VB_ITALIC : 0;
		if (caption->bold)
			m->drop |= VB_BOLD;
		imp_md_inline(m, m->out, caption, 0, 0);
		m->drop = 0;
	}
	vb_buf_printf(m->out, "](%s)\n\n", im->out);
	im->used = 1;
	m->pictures++;
	m->depth = -1;
}

const char *
imp_sheet_name(vb_arena *a, const imp_doc *d, size_t k)
{
	return vb_sprintf(a, "%s-bang-%zu.xlsx", d->stem, k + 1);
}

void
imp_md_flush(imp_md *m)
{
	if (m->pic)
		picture(m, NULL);
}

/* Writes an explicit page break. */
static void
page_break(imp_md *m)
{
	imp_md_flush(m);
	vb_buf_puts(m->out, "\\newpage\n\n");
	m->depth = -1;
}

static void block_md(imp_md *m, imp_block *b);

void
imp_md_block(imp_md *m, imp_block *b)
{
	imp_para *p = b->p;

	if (p && p->toc)	/* vanban makes the contents (muc_luc) */
		return;
	if (p && p->page_before)
		page_break(m);
	if (m->pic && p && caption_like(p) && !p->page_before) {
		picture(m, p);
		if (p->page_after)
			page_break(m);
		return;
	}
	imp_md_flush(m);
	if (p && p->image && m->doc->images[p->image - 1].out) {
		m->pic = p;
		if (p->text[0] == '\0') {	/* its caption may follow */
			if (p->page_after)
				page_break(m);
			return;
		}
		imp_md_flush(m);
	}
	block_md(m, b);
	if (p && p->page_after)
		page_break(m);
}

/* Writes one block (a paragraph or a table) as Markdown. */
static void
block_md(imp_md *m, imp_block *b)
{
	imp_para *p = b->p;
	const char *mark, *keep;
	size_t skip, at;
	int level, depth, k;

	if (b->t) {
		m->depth = -1;
		table(m, b->t);
		return;
	}
	if (p->text[0] == '\0' || is_rule(p->text))
		return;
	if ((level = heading(m, p, &skip, &keep)) > 0) {
		for (k = 0; k < level; k++)
			vb_buf_putc(m->out, '#');
		vb_buf_putc(m->out, ' ');
		if (keep)
			vb_buf_printf(m->out, "%s ", keep);
		m->drop = p->bold ? VB_BOLD : 0;
		if (level >= 3 && p->italic)
			m->drop |= VB_ITALIC;
		at = m->out->len;
		imp_md_inline(m, m->out, p, skip, 0);
		division_break(m->out, at);
		m->drop = 0;
		vb_buf_puts(m->out, "\n\n");
		m->depth = -1;
		m->headings++;
		return;
	}
	if ((mark = item(m, p, &depth, &skip)) != NULL) {
		/* a list whose first item is on Word level 1 ("+") */
		if (m->depth < 0)
			m->base = depth;
		depth -= m->base;
		if (depth < 0)
			depth = m->base = 0;
		if (depth > m->depth + 1)
			depth = m->depth + 1;
		if (depth == 0 && m->base == 1 && p->numkind == IMP_NUM_BULLET)
			mark = "+";
		m->depth = depth;
		for (k = 0; k < depth && k < 8; k++)
			vb_buf_puts(m->out, "    ");
		vb_buf_printf(m->out, "%s ", mark);
		imp_md_inline(m, m->out, p, skip, 0);
		vb_buf_puts(m->out, "\n\n");
		m->items++;
		return;
	}
	m->depth = -1;
	if (p->numtext && p->numkind != IMP_NUM_NONE &&
	    p->numkind != IMP_NUM_BULLET) {
		/* a Word number vanban does not make ("1.2.", "(a)"): kept as
		 * text at the start of the paragraph */
		imp_para q = *p;
		q.runs = vb_alloc(m->a, (p->nruns + 1) * sizeof(*q.runs));
		memset(q.runs, 0, sizeof(*q.runs));
		q.runs[0].text = vb_sprintf(m->a, "%s ", p->numtext);
		q.runs[0].style = p->nruns ? p->runs[0].style : 0;
		memcpy(q.runs + 1, p->runs, p->nruns * sizeof(*q.runs));
		q.nruns = p->nruns + 1;
		para_text(m, &q, 0);
	} else {
		para_text(m, p, 0);
	}
	vb_buf_puts(m->out, "\n\n");
}

void
imp_md_notes(imp_md *m)
{
	size_t i, k;
	imp_note *n;
	imp_md_flush(m);

	for (i = 0; i < m->doc->nnotes; i++) {
		n = &m->doc->notes[i];
		if (n->number <= 0 || !m->used[n->number])
			continue;
		vb_buf_printf(m->out, "[^%d]: ", n->number);
		for (k = 0; k < n->n; k++) {
			if (k > 0)
				vb_buf_puts(m->out, "\n\n    ");
			imp_md_inline(m, m->out, &n->paras[k], 0, 0);
		}
		vb_buf_puts(m->out, "\n\n");
		m->notes++;
	}
}
