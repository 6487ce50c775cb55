/* table_groups.c - group rows and TT numbering of task tables: groups
 * I, II, III…, tasks 1, 2, 3… restarting in each group, numbers the user
 * wrote kept and checked. See vb_table_number in sheet.h for the rules. */
#include "sheet.h"
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "sheet_grid.h"

#define NONE ((size_t)-1)	/* no such column */

/* Returns the trimmed plain text of cell c. */
static char *
text_of(vb_arena *a, const vb_cell *c)
{
	return vb_text_trim(a, vb_cell_text(a, c));
}

/* Returns 1 when heading text s names a TT column. */
static int
tt_name(vb_arena *a, const char *s)
{
	static const char *const names[] = { "tt", "stt", "số tt",
	    "số thứ tự", "s.tt", "s/tt", "thứ tự" };
	char *l = vb_text_lower(a, vb_text_trim(a, s));
	size_t i, n = strlen(l);

	if (n > 0 && l[n - 1] == '.')
		l[n - 1] = '\0';
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(l, names[i]) == 0)
			return 1;
	return 0;
}

/* Returns the TT column of t, or NONE. */
static size_t
tt_column(vb_arena *a, const vb_table *t)
{
	size_t r, c;
	const vb_cell *x;

	for (c = 0; c < t->ncols; c++)
		for (r = 0; r < t->header_rows; r++) {
			x = &t->rows[r].cells[c];
			if (x->npara && !x->covered && x->colspan == 1 &&
			    tt_name(a, vb_cell_text(a, x)))
				return c;
		}
	return NONE;
}

/* Returns n (1-3999) in Roman numerals. */
static char *
roman(vb_arena *a, int n)
{
	static const int val[] = { 1000, 900, 500, 400, 100, 90, 50, 40, 10,
	    9, 5, 4, 1 };
	static const char *const sym[] = { "M", "CM", "D", "CD", "C", "XC",
	    "L", "XL", "X", "IX", "V", "IV", "I" };
	char out[32] = "";
	size_t i;

	for (i = 0; i < sizeof(val) / sizeof(val[0]); i++)
		while (n >= val[i] && strlen(out) + 2 < sizeof(out)) {
			strcat(out, sym[i]);
			n -= val[i];
		}
	return vb_strdup(a, out);
}

/* Returns the value of Roman numeral s ("IV", "IV."; I, V, X, L, C only),
 * or 0 when s is not one. */
static int
roman_value(vb_arena *a, const char *s)
{
	int n = 0, v, next;
	size_t i, len = strlen(s);

	if (len > 0 && s[len - 1] == '.')
		len--;
	if (len == 0 || len > 12)
		return 0;
	for (i = 0; i < len; i++) {
		v = strchr("IVXLC", s[i]) == NULL || s[i] == '\0' ? -1 :
		    s[i] == 'I' ? 1 : s[i] == 'V' ? 5 : s[i] == 'X' ? 10 :
		    s[i] == 'L' ? 50 : 100;
		if (v < 0)
			return 0;
		next = i + 1 >= len ? 0 : s[i + 1] == 'I' ? 1 :
		    s[i + 1] == 'V' ? 5 : s[i + 1] == 'X' ? 10 :
		    s[i + 1] == 'L' ? 50 : s[i + 1] == 'C' ? 100 : 0;
		n += v < next ? -v : v;
	}
	/* only the canonical spelling counts: "IIII" or "VX" are not numerals */
	return n > 0 && strncmp(roman(a, n), s, len) == 0 &&
	    strlen(roman(a, n)) == len ? n : 0;
}

/* Returns the value of the Roman numeral that starts s and is followed by
 * ".", ")" or a space ("II. Công tác…"), or 0. */
static int
roman_prefix(vb_arena *a, const char *s)
{
	size_t n = strspn(s, "IVXLC");

	if (n == 0 || (s[n] != '.' && s[n] != ')' && s[n] != ' '))
		return 0;
	return roman_value(a, vb_strndup(a, s, n));
}

/* Returns the value of a plain task number ("12", "12.", "12)"), or 0. */
static int
int_value(const char *s)
{
	char *end;
	long v;

	if (*s < '0' || *s > '9')
		return 0;
	v = strtol(s, &end, 10);
	if ((*end == '.' || *end == ')') && end[1] == '\0')
		end++;
	return *end == '\0' && v > 0 && v < 1000000 ? (int)v : 0;
}

/* Returns 1 when cell c holds text or is covered by a span from above. */
static int
occupied(const vb_cell *c)
{
	return c->npara > 0 || c->covered;
}

/* Returns 1 when every run of cell c is bold (and it has text). */
static int
all_bold(const vb_cell *c)
{
	size_t i, j;

	for (i = 0; i < c->npara; i++)
		for (j = 0; j < c->paras[i].n; j++)
			if (c->paras[i].runs[j].kind == VB_RUN_TEXT &&
			    !(c->paras[i].runs[j].style & VB_BOLD))
				return 0;
	return c->npara > 0;
}

/* Returns 1 when row r is a group row (see sheet.h). */
static int
is_group(vb_arena *a, const vb_table *t, size_t r, size_t tt, size_t content)
{
	const vb_row *row = &t->rows[r];
	const vb_cell *x, *only = NULL;
	size_t c, n = 0, others;

	if (row->group)
		return 1;
	x = tt != NONE ? &row->cells[tt] : NULL;
	if (x != NULL && x->npara > 0)
		return roman_value(a, text_of(a, x)) > 0 || (x->colspan > 1 &&
		    tt + (size_t)x->colspan == t->ncols);
	for (c = 0; c < t->ncols; c++)
		if (c != tt && occupied(&row->cells[c])) {
			n++;
			only = &row->cells[c];
		}
	x = &row->cells[content];
	if (n == 1 && x == only && !x->covered && x->colspan > 1 &&
	    content + (size_t)x->colspan == t->ncols)
		return 1;
	others = t->ncols - 1 - (tt != NONE);
	if (n == 1 && x == only && others > 0 && !x->covered)
		return 1;
	return n == 1 && !only->covered && all_bold(only);
}

/* Makes every run of row r bold. */
static void
row_bold(vb_table *t, size_t r)
{
	size_t c, i, j;
	vb_cell *x;

	for (c = 0; c < t->ncols; c++) {
		x = &t->rows[r].cells[c];
		for (i = 0; i < x->npara; i++)
			for (j = 0; j < x->paras[i].n; j++)
				x->paras[i].runs[j].style |= VB_BOLD;
	}
}

/* Marks row r as a group row: bold, and when only the TT and content
 * cells are used, the content in one cell spanning the row after TT (the
 * whole row without a TT column, or when TT is not the first column). */
static void
make_group(vb_table *t, size_t r, size_t tt, size_t content)
{
	vb_row *row = &t->rows[r];
	vb_cell *x, *src = &row->cells[content], *dst;
	size_t c, first = tt == 0 ? 1 : 0;

	row->group = 1;
	row_bold(t, r);
	if ((tt != NONE && (tt != 0 || row->cells[tt].colspan != 1)) ||
	    src->colspan == 0)
		return;	/* already spanning, or TT not in front */
	for (c = 0; c < t->ncols; c++) {
		x = &row->cells[c];
		if (x->covered || x->rowspan > 1 ||
		    (c != tt && c != content && x->npara > 0))
			return;
	}
	if (first >= t->ncols)
		return;
	dst = &row->cells[first];
	if (dst != src) {
		dst->paras = src->paras;
		dst->npara = src->npara;
	}
	dst->colspan = (int)(t->ncols - first);
	dst->align = VB_ALIGN_LEFT;
	for (c = first + 1; c < t->ncols; c++) {
		row->cells[c].colspan = 0;
		row->cells[c].npara = 0;
		row->cells[c].paras = NULL;
	}
}

/* Puts text s, in style, as the only line of cell c. */
static void
set_text(vb_arena *a, vb_cell *c, const char *s, unsigned style)
{
	vb_run *run = vb_alloc(a, sizeof(*run));

	run->kind = VB_RUN_TEXT;
	run->style = style;
	run->text = s;
	c->paras = vb_alloc(a, sizeof(*c->paras));
	c->paras[0].runs = run;
	c->paras[0].n = 1;
	c->npara = 1;
}

/* Puts text s, bold, in front of the first line of cell c. */
static void
prefix(vb_arena *a, vb_cell *c, const char *s)
{
	vb_inline *p = &c->paras[0];
	vb_run *runs = vb_alloc(a, (p->n + 1) * sizeof(*runs));

	runs[0].kind = VB_RUN_TEXT;
	runs[0].style = VB_BOLD;
	runs[0].text = s;
	memcpy(runs + 1, p->runs, p->n * sizeof(*runs));
	p->runs = runs;
	p->n++;
}

/* Warns that the number the user wrote in row r is out of sequence. */
static void
gap(vb_diags *d, const char *file, size_t r, const char *got,
    const char *want)
{
	vb_diag_add(d, VB_WARNING, file, 0, 0,
	    "Kiểm tra xem có thiếu hay thừa mục nào; hoặc xoá hết số ở cột TT "
	    "để vanban tự đánh số.",
	    "số thứ tự \"%s\" ở hàng thứ %zu của bảng không liền mạch "
	    "(theo thứ tự phải là %s)", got, r + 1, want);
}

/* Numbers the group row r: keeps or writes its Roman numeral; *g is the
 * last group number. */
static void
number_group(vb_arena *a, vb_table *t, size_t r, size_t tt, int *g,
    const char *file, vb_diags *d)
{
	vb_cell *x = &t->rows[r].cells[tt];
	char *s;
	int v;

	if (x->covered || x->colspan == 0)
		return;
	x->align = x->colspan == 1 ? VB_ALIGN_CENTER : VB_ALIGN_LEFT;
	s = text_of(a, x);
	if (*s == '\0') {
		set_text(a, x, roman(a, ++*g), VB_BOLD);
	} else if ((v = roman_value(a, s)) > 0 ||
	    (v = roman_prefix(a, s)) > 0) {
		if (v != *g + 1)
			gap(d, file, r, s, roman(a, *g + 1));
		*g = v;
	} else if (x->colspan > 1) {
		/* the group title itself spans the row from the TT column */
		prefix(a, x, vb_sprintf(a, "%s. ", roman(a, ++*g)));
	}
}

/* Numbers the ordinary row r: keeps or writes its number; *k is the last
 * task number of the group. */
static void
number_task(vb_arena *a, vb_table *t, size_t r, size_t tt, int *k,
    const char *file, vb_diags *d)
{
	vb_cell *x = &t->rows[r].cells[tt];
	char *s;
	int v;

	if (x->covered || x->colspan == 0)
		return;
	x->align = VB_ALIGN_CENTER;
	s = text_of(a, x);
	if (*s == '\0') {
		set_text(a, x, vb_sprintf(a, "%d", ++*k), 0);
	} else if ((v = int_value(s)) > 0) {
		if (v != *k + 1)
			gap(d, file, r, s, vb_sprintf(a, "%d", *k + 1));
		*k = v;
	}
}

/* Returns 1 when row r is a total ("Tổng cộng", "Cộng", "Tổng số",
 * "Tổng cộng toàn tỉnh" as its content cell, its TT left empty): it is
 * not a task and is not numbered. */
static int
total_row(vb_arena *a, const vb_table *t, size_t r, size_t tt,
    size_t content)
{
	static const char *const words[] = { "tổng cộng", "cộng", "tổng số",
	    "tổng", NULL };
	char *s;
	size_t i, n;

	if (*text_of(a, &t->rows[r].cells[tt]) != '\0')
		return 0;
	s = vb_text_lower(a, text_of(a, &t->rows[r].cells[content]));
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ':' || s[n - 1] == '.'))
		s[--n] = '\0';
	for (i = 0; words[i]; i++)
		if (strcmp(s, words[i]) == 0)
			return 1;
	/* "Tổng cộng toàn tỉnh" */
	return strncmp(s, "tổng cộng ", strlen("tổng cộng ")) == 0;
}

/* Returns 1 when row r has nothing in it. */
static int
blank_row(const vb_table *t, size_t r)
{
	size_t c;

	for (c = 0; c < t->ncols; c++)
		if (occupied(&t->rows[r].cells[c]))
			return 0;
	return 1;
}

void
vb_table_number(vb_arena *a, vb_table *t, const char *file, vb_diags *d)
{
	size_t tt, content, r;
	int g = 0, k = 0;

	if (t == NULL || t->ncols == 0)
		return;
	tt = tt_column(a, t);
	content = tt != NONE && tt + 1 < t->ncols ? tt + 1 : 0;
	if (tt != NONE && content == tt)
		return;	/* a table of nothing but TT */
	for (r = t->header_rows; r < t->nrows; r++) {
		if (blank_row(t, r))
			continue;
		if (is_group(a, t, r, tt, content)) {
			if (tt != NONE)
				number_group(a, t, r, tt, &g, file, d);
			make_group(t, r, tt, content);
			k = 0;
		} else if (tt != NONE && !total_row(a, t, r, tt, content)) {
			number_task(a, t, r, tt, &k, file, d);
		}
	}
	if (tt != NONE && t->align != NULL)
		t->align[tt] = VB_ALIGN_CENTER;
	vb_table_measure(a, t);
}
