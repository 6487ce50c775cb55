/* lint_body.c - structure of the body: heading levels, empty sections,
 * footnotes, table rows, references to the appendices, and cited numbers
 * whose code does not exist. Footnotes and tables are read from the source
 * lines, because cmark leaves an undefined reference as text, drops an
 * unused definition and pads or cuts table rows without a word. Numbering
 * gaps are reported by the parser. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"
#include "lint.h"
#include "model/compose.h"
#include "model/numbering.h"
#include "parse/body.h"

/* A footnote label seen in the source. */
struct label {
	const char *name;	/* the label, as written */
	int line;		/* where it was first seen */
	int col;		/* column of its '[' */
};

/* Footnote labels of one file. */
struct labels {
	struct label *refs;	/* references [^x], first of each */
	size_t nrefs;		/* number of references */
	size_t crefs;		/* allocated references */
	struct label *defs;	/* definitions [^x]: */
	size_t ndefs;		/* number of definitions */
	size_t cdefs;		/* allocated definitions */
};

/* Returns 1 when heading block b has no content: the next block is a
 * heading of the same or a higher level, or there is none. */
static int
empty_section(const vb_part *p, size_t i)
{
	const vb_block *b = &p->blocks[i];

	if (i + 1 == p->n)
		return 1;
	return p->blocks[i + 1].kind == VB_BLOCK_HEADING &&
	    p->blocks[i + 1].level <= b->level;
}

/* Returns the plain title of heading b for messages. */
static const char *
title(vb_lint *l, const vb_block *b)
{
	const char *t = vb_inline_text(l->a, &b->text);

	return b->number ? vb_sprintf(l->a, "%s %s", b->number, t) : t;
}

/* Checks heading levels (no level skipped) and empty sections. */
static void
lint_headings(vb_lint *l)
{
	const vb_part *p = &l->body;
	const vb_block *b;
	int prev = 0;
	size_t i;

	for (i = 0; i < p->n; i++) {
		b = &p->blocks[i];
		if (b->kind != VB_BLOCK_HEADING)
			continue;
		if ((prev > 0 && b->level > prev + 1) || (prev == 0 && b->level > 2))
			vb_diag_add(l->d, VB_WARNING, b->file, b->line, b->col,
			    vb_sprintf(l->a, "dùng %.*s cho mục này, hoặc thêm mục cấp %d ở trên",
			    prev + 1, "######", prev + 1),
			    "đề mục '%s' (cấp %d) nhảy cấp: mục trước là cấp %d",
			    title(l, b), b->level, prev);
		if (empty_section(p, i))
			vb_diag_add(l->d, VB_WARNING, b->file, b->line, b->col,
			    "viết nội dung dưới đề mục, hoặc bỏ đề mục",
			    "mục '%s' không có nội dung", title(l, b));
		prev = b->level;
	}
}

/* Appends a label to a list unless it is there already. */
static void
add_label(vb_lint *l, struct label **v, size_t *n, size_t *cap,
    const char *name, int line, int col)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcasecmp((*v)[i].name, name) == 0)
			return;
	*v = vb_grow(l->a, *v, *n + 1, sizeof(struct label), cap);
	(*v)[*n].name = name;
	(*v)[*n].line = line;
	(*v)[*n].col = col;
	(*n)++;
}

/* Returns 1 when name is in the list. */
static int
has_label(const struct label *v, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcasecmp(v[i].name, name) == 0)
			return 1;
	return 0;
}

/* Collects the footnote references and definitions of line ln. */
static void
scan_notes(vb_lint *l, int ln, struct labels *f)
{
	const vb_line *line = &l->lines[ln - 1];
	const char *s = line->s, *name;
	char *mask = vb_lint_mask(l, ln);
	size_t i, j, lead = 0;

	while (lead < line->len && lead < 4 && s[lead] == ' ')
		lead++;
	for (i = 0; i + 2 < line->len; i++) {
		if (s[i] != '[' || s[i + 1] != '^' || mask[i] ||
		    (i > 0 && s[i - 1] == '\\'))
			continue;
		for (j = i + 2; j < line->len && s[j] != ']' && s[j] != '['; j++)
			;
		if (j >= line->len || s[j] != ']' || j == i + 2)
			continue;
		name = vb_strndup(l->a, s + i + 2, j - i - 2);
		if (i == lead && lead < 4 && j + 1 < line->len && s[j + 1] == ':')
			add_label(l, &f->defs, &f->ndefs, &f->cdefs, name, ln,
			    vb_lint_col(l, ln, i));
		else
			add_label(l, &f->refs, &f->nrefs, &f->crefs, name, ln,
			    vb_lint_col(l, ln, i));
		i = j;
	}
}

/* Checks that every footnote reference has a definition and back. */
static void
lint_notes(vb_lint *l)
{
	struct labels f;
	size_t i;
	int ln;

	memset(&f, 0, sizeof(f));
	for (ln = l->body_first; (size_t)ln <= l->nlines; ln++)
		if (vb_lint_is_body(l, ln))
			scan_notes(l, ln, &f);
	for (i = 0; i < f.nrefs; i++)
		if (!has_label(f.defs, f.ndefs, f.refs[i].name))
			vb_diag_add(l->d, VB_ERROR, l->path, f.refs[i].line,
			    f.refs[i].col, vb_sprintf(l->a,
			    "thêm một dòng '[^%s]: nội dung chú thích' ở cuối văn bản",
			    f.refs[i].name),
			    "chú thích '[^%s]' chưa có nội dung: sẽ in nguyên văn '[^%s]'",
			    f.refs[i].name, f.refs[i].name);
	for (i = 0; i < f.ndefs; i++)
		if (!has_label(f.refs, f.nrefs, f.defs[i].name))
			vb_diag_add(l->d, VB_WARNING, l->path, f.defs[i].line,
			    f.defs[i].col, vb_sprintf(l->a,
			    "đặt '[^%s]' sau chữ cần chú thích, hoặc xóa chú thích",
			    f.defs[i].name),
			    "chú thích '[^%s]' không được dẫn ở đâu nên sẽ bị bỏ",
			    f.defs[i].name);
}

/* Returns the number of cells of a table line ("| a | b |" -> 2). */
static size_t
cells(const vb_line *ln)
{
	size_t i = 0, e = ln->len, n = 1;

	while (i < e && (ln->s[i] == ' ' || ln->s[i] == '\t'))
		i++;
	while (e > i && (ln->s[e - 1] == ' ' || ln->s[e - 1] == '\t'))
		e--;
	if (i < e && ln->s[i] == '|')
		i++;
	if (e > i && ln->s[e - 1] == '|' && (e < 2 || ln->s[e - 2] != '\\'))
		e--;
	for (; i < e; i++) {
		if (ln->s[i] == '\\')
			i++;
		else if (ln->s[i] == '|')
			n++;
	}
	return n;
}

/* Returns 1 when the line is a table delimiter row ("|---|:-:|"). */
static int
delimiter_row(const vb_line *ln)
{
	size_t i, dashes = 0, pipes = 0;
	char c;

	for (i = 0; i < ln->len; i++) {
		c = ln->s[i];
		if (c == '-')
			dashes++;
		else if (c == '|')
			pipes++;
		else if (c != ':' && c != ' ' && c != '\t')
			return 0;
	}
	return dashes > 0 && (pipes > 0 || ln->s[0] != '-');
}

/* Returns 1 when the line is blank. */
static int
blank(const vb_line *ln)
{
	size_t i;

	for (i = 0; i < ln->len; i++)
		if (ln->s[i] != ' ' && ln->s[i] != '\t')
			return 0;
	return 1;
}

/* Returns 1 when line ln ends a table: blank, code, a heading or quote. */
static int
ends_table(const vb_lint *l, int ln)
{
	const vb_line *line = &l->lines[ln - 1];
	size_t i = 0;

	if (blank(line) || line->code)
		return 1;
	while (i < line->len && line->s[i] == ' ')
		i++;
	return i < line->len && (line->s[i] == '#' || line->s[i] == '>');
}

/* Checks the rows of the table whose header is line ln; returns the line
 * after the table. */
static int
lint_table(vb_lint *l, int ln)
{
	size_t want = cells(&l->lines[ln - 1]), got;
	int r;

	for (r = ln + 2; (size_t)r <= l->nlines && !ends_table(l, r); r++) {
		if ((got = cells(&l->lines[r - 1])) == want)
			continue;
		vb_diag_add(l->d, got > want ? VB_ERROR : VB_WARNING, l->path, r, 1,
		    "mỗi hàng của bảng phải có cùng số ô với dòng tiêu đề; "
		    "ô trống viết '| |', dấu | trong ô viết '\\|'",
		    "hàng bảng có %zu ô, dòng tiêu đề có %zu ô: %s", got, want,
		    got > want ? "các ô thừa sẽ bị bỏ" : "sẽ thêm ô trống");
	}
	return r;
}

/* Finds the tables of the body and checks their rows. */
static void
lint_tables(vb_lint *l)
{
	int ln = l->body_first;

	while ((size_t)ln + 1 <= l->nlines) {
		if (vb_lint_is_body(l, ln) && vb_lint_is_body(l, ln + 1) &&
		    memchr(l->lines[ln - 1].s, '|', l->lines[ln - 1].len) &&
		    delimiter_row(&l->lines[ln]) &&
		    cells(&l->lines[ln - 1]) == cells(&l->lines[ln]))
			ln = lint_table(l, ln);
		else
			ln++;
	}
}

/* Returns the body text (code excluded), lower-cased, one line each. */
static char *
body_text(vb_lint *l)
{
	size_t total = 1, o = 0;
	char *s;
	int ln;

	for (ln = l->body_first; (size_t)ln <= l->nlines; ln++)
		total += l->lines[ln - 1].len + 1;
	s = vb_alloc(l->a, total);
	for (ln = l->body_first; (size_t)ln <= l->nlines; ln++) {
		if (!vb_lint_is_body(l, ln))
			continue;
		memcpy(s + o, l->lines[ln - 1].s, l->lines[ln - 1].len);
		o += l->lines[ln - 1].len;
		s[o++] = '\n';
	}
	s[o] = '\0';
	return vb_text_lower(l->a, s);
}

/* Returns 1 when text mentions "phụ lục <num>" with num not followed by
 * more of a numeral. */
static int
mentions(const char *text, const char *num)
{
	const char *p = text, *q;
	size_t n = strlen(num);

	while ((p = strstr(p, "phụ lục")) != NULL) {
		p += strlen("phụ lục");
		q = p;
		while (*q == ' ')
			q++;
		if (strncmp(q, "số ", 4) == 0)
			q += 4;
		if (strncmp(q, num, n) == 0 && !isalnum((unsigned char)q[n]))
			return 1;
	}
	return 0;
}

/* Checks that the body refers to the appendices (Phụ lục I, mục II.?). */
static void
lint_appendix_refs(vb_lint *l)
{
	size_t i, n = l->have_meta ? l->meta.nappx : 0;
	char *text, *roman;
	vb_pos p;

	if (n == 0)
		return;
	text = body_text(l);
	/* "Ban hành kèm theo Quyết định này Quy chế …": the documents issued
	 * with a quyết định are named, not numbered as appendices */
	if (l->type != NULL && vb_kind_enacts(l->type) &&
	    strstr(text, "kèm theo") != NULL)
		return;
	if (strstr(text, "phụ lục") == NULL) {
		p = vb_lint_key(l, "phu_luc");
		vb_diag_add(l->d, VB_WARNING, l->path, p.line, p.col,
		    n == 1 ? "ví dụ: '(chi tiết tại Phụ lục kèm theo)'"
		    : "ví dụ: '(chi tiết tại Phụ lục I)'",
		    "nội dung không nhắc đến phụ lục nào, dù văn bản có %zu phụ lục", n);
		return;
	}
	for (i = 0; n > 1 && i < n; i++) {
		roman = vb_text_lower(l->a, vb_roman(l->a, (int)i + 1));
		if (mentions(text, roman) ||
		    mentions(text, vb_sprintf(l->a, "%zu", i + 1)))
			continue;
		p = l->meta.appx[i].pos;
		vb_diag_add(l->d, VB_WARNING, l->path, p.line, p.col,
		    vb_sprintf(l->a, "dẫn 'Phụ lục %s' ở chỗ nói đến nội dung của nó",
		    vb_roman(l->a, (int)i + 1)),
		    "nội dung không nhắc đến Phụ lục %s", vb_roman(l->a, (int)i + 1));
	}
}

/* Returns the byte offset in s of "CV" in a cited number "45/CV-UBND"
 * (or "45/2024/CV-…") from offset i, or (size_t)-1. */
static size_t
cited_cv(const char *s, size_t len, size_t i)
{
	size_t j;

	for (; i + 4 < len; i++) {
		if (!isdigit((unsigned char)s[i]) || s[i + 1] != '/')
			continue;
		j = i + 2;
		if (j + 5 < len && isdigit((unsigned char)s[j]) &&
		    isdigit((unsigned char)s[j + 3]) && s[j + 4] == '/')
			j += 5;	/* a year segment */
		if (j + 2 < len && s[j] == 'C' && s[j + 1] == 'V' && s[j + 2] == '-')
			return j;
	}
	return (size_t)-1;
}

/* Checks numbers cited in the text ("Công văn số 45/CV-UBND"). */
static void
lint_cited_codes(vb_lint *l)
{
	const vb_line *line;
	size_t at;
	char *mask;
	int ln;

	for (ln = l->fm_first ? l->fm_first : l->body_first;
	    (size_t)ln <= l->nlines; ln++) {
		line = &l->lines[ln - 1];
		if (line->code || (ln > l->fm_last && ln < l->body_first))
			continue;
		if ((at = cited_cv(line->s, line->len, 0)) == (size_t)-1)
			continue;
		mask = vb_lint_mask(l, ln);
		if (mask[at])
			continue;
		vb_diag_add(l->d, VB_WARNING, l->path, ln, vb_lint_col(l, ln, at),
		    "công văn không có mã loại; kiểm tra lại số, ký hiệu của văn bản "
		    "được dẫn (ví dụ 45/UBND-VP)",
		    "số, ký hiệu có 'CV': 'CV' không phải là mã loại văn bản trong "
		    "Nghị định 30");
	}
}

void
vb_lint_body(vb_lint *l)
{
	lint_headings(l);
	lint_notes(l);
	lint_tables(l);
	lint_appendix_refs(l);
	lint_cited_codes(l);
}
