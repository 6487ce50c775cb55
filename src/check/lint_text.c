/* lint_text.c - the characters of the text: decomposed Unicode, text in
 * the legacy TCVN3 or VNI encodings pasted from old documents, doubled
 * spaces, a space before punctuation, straight quotes among curly ones.
 * Front matter lines are looked at from their value on; code is skipped. */
#include <ctype.h>
#include <string.h>

#include "base/text.h"
#include "convert.h"
#include "lint.h"

/* Returns 1 when line ln is a front matter line. */
static int
in_front(const vb_lint *l, int ln)
{
	return l->fm_first > 0 && ln >= l->fm_first && ln <= l->fm_last;
}

/* Returns the offset where the value of a front matter line starts (after
 * "key:" or "- "), or the line length for a comment or a bare key. */
static size_t
front_value(const vb_line *ln)
{
	const char *s = ln->s;
	size_t i = 0, k;

	while (i < ln->len && s[i] == ' ')
		i++;
	if (i < ln->len && s[i] == '#')
		return ln->len;
	if (i + 1 < ln->len && s[i] == '-' && s[i + 1] == ' ')
		for (i += 2; i < ln->len && s[i] == ' '; i++)
			;
	for (k = i; k < ln->len && (isalnum((unsigned char)s[k]) || s[k] == '_'); k++)
		;
	if (k > i && k < ln->len && s[k] == ':' && (k + 1 == ln->len || s[k + 1] == ' '))
		for (i = k + 1; i < ln->len && s[i] == ' '; i++)
			;
	return i;
}

/* Returns the offset where the text of a body line starts, after its
 * indentation and any heading, quote or list marker. */
static size_t
body_start(const vb_line *ln)
{
	const char *s = ln->s;
	size_t i = 0, k;

	for (;;) {
		while (i < ln->len && s[i] == ' ')
			i++;
		k = i;
		if (i < ln->len && (s[i] == '#' || s[i] == '>'))
			while (k < ln->len && (s[k] == '#' || s[k] == '>'))
				k++;
		else if (i < ln->len && s[i] && strchr("-+*", s[i]))
			k = i + 1;
		else
			while (k < ln->len && isdigit((unsigned char)s[k]))
				k++;
		if (k > i && k < ln->len && isdigit((unsigned char)s[i]) &&
		    (s[k] == '.' || s[k] == ')'))
			k++;
		else if (k > i && isdigit((unsigned char)s[i]))
			return i;
		if (k == i || (k < ln->len && s[k] != ' '))
			return i;
		i = k;
	}
}

/* Returns the offset where lint_text looks at line ln from. */
static size_t
text_start(const vb_lint *l, int ln)
{
	const vb_line *line = &l->lines[ln - 1];

	return in_front(l, ln) ? front_value(line) : body_start(line);
}

/* Returns 1 when line ln is text to look at. */
static int
is_text(const vb_lint *l, int ln)
{
	return in_front(l, ln) || vb_lint_is_body(l, ln);
}

/* Returns 1 when the line looks like a table row (spaces next to its
 * pipes are layout). */
static int
table_line(const vb_line *ln)
{
	return memchr(ln->s, '|', ln->len) != NULL;
}

/* Returns where a YAML comment (" #" outside quotes) starts in the front
 * matter line, or its length. */
static size_t
comment_start(const vb_line *ln)
{
	size_t i;
	char q = 0;

	for (i = front_value(ln); i < ln->len; i++) {
		if (q && ln->s[i] == q)
			q = 0;
		else if (!q && (ln->s[i] == '"' || ln->s[i] == '\''))
			q = ln->s[i];
		else if (!q && ln->s[i] == '#' && i > 0 && ln->s[i - 1] == ' ')
			return i;
	}
	return ln->len;
}

/* Returns the end of the text of line ln without trailing blanks (and
 * without a YAML comment in the front matter). */
static size_t
text_end(const vb_lint *l, int ln)
{
	const vb_line *line = &l->lines[ln - 1];
	size_t e = in_front(l, ln) ? comment_start(line) : line->len;

	while (e > 0 && (line->s[e - 1] == ' ' || line->s[e - 1] == '\t'))
		e--;
	return e;
}

/* Reports decomposed (NFD) letters once, at the first one. */
static void
lint_nfd(vb_lint *l)
{
	const vb_line *line;
	size_t i, lines = 0, at = 0;
	int first = 0, ln;

	for (ln = 1; (size_t)ln <= l->nlines; ln++) {
		line = &l->lines[ln - 1];
		for (i = 0; i + 1 < line->len; i++) {
			unsigned char a = (unsigned char)line->s[i];
			unsigned char b = (unsigned char)line->s[i + 1];
			if ((a == 0xCC && b >= 0x80) || (a == 0xCD && b <= 0xAF))
				break;
		}
		if (i + 1 >= line->len)
			continue;
		if (lines++ == 0) {
			first = ln;
			at = i;
		}
	}
	if (lines == 0)
		return;
	vb_diag_add(l->d, VB_WARNING, l->path, first,
	    at > 0 ? vb_lint_col(l, first, at) - 1 : 1,
	    "vanban tự chuẩn hóa khi in; để sửa tệp nguồn, lưu lại bằng Unicode "
	    "dựng sẵn (Unikey: Công cụ chuyển mã, đích 'Unicode')",
	    "chữ Việt viết bằng Unicode tổ hợp (dấu tách khỏi chữ, NFD) ở %zu dòng",
	    lines);
}

/* Reports text in a legacy encoding once, at its first sign. */
static void
lint_legacy(vb_lint *l)
{
	const char *start;
	size_t len, at, off;
	vb_legacy enc;
	int ln;

	if (l->nlines == 0)
		return;
	start = l->lines[0].s;
	len = (size_t)(l->lines[l->nlines - 1].s + l->lines[l->nlines - 1].len - start);
	if ((enc = vb_legacy_guess(start, len, 1, &at)) == VB_LEGACY_NONE)
		return;
	for (ln = 1; (size_t)ln < l->nlines && l->lines[ln].s <= start + at; ln++)
		;
	off = (size_t)(start + at - l->lines[ln - 1].s);
	vb_diag_add(l->d, VB_ERROR, l->path, ln, vb_lint_col(l, ln, off),
	    vb_sprintf(l->a, "chuyển sang Unicode bằng: vanban convert --from %s %s",
	    vb_legacy_key(enc), l->path),
	    "chữ Việt bảng mã %s cũ (dán từ văn bản dùng phông %s): sẽ in ra "
	    "ký tự lạ", vb_legacy_name(enc),
	    enc == VB_LEGACY_TCVN3 ? ".VnTime" : "VNI-Times");
}

/* Reports the first run of two spaces inside the text of line ln; in a
 * table row, runs next to a '|' are padding and allowed. */
static void
lint_spaces(vb_lint *l, int ln, const char *mask)
{
	const vb_line *line = &l->lines[ln - 1];
	const char *s = line->s;
	size_t i, j, e = text_end(l, ln);
	int table = table_line(line);

	for (i = text_start(l, ln); i + 1 < e; i = j) {
		for (j = i; j < e && s[j] == ' '; j++)
			;
		if (j == i) {
			j++;
			continue;
		}
		if (j - i < 2 || mask[i] ||
		    (table && ((i > 0 && s[i - 1] == '|') || s[j] == '|')))
			continue;
		vb_diag_add(l->d, VB_WARNING, l->path, ln, vb_lint_col(l, ln, i),
		    "xóa bớt dấu cách", "hai dấu cách liền nhau");
		return;
	}
}

/* Reports the first space before , . ; : ! ? in line ln. */
static void
lint_punct_space(vb_lint *l, int ln, const char *mask)
{
	const vb_line *line = &l->lines[ln - 1];
	const char *s = line->s;
	size_t i, e = text_end(l, ln);
	char c;

	for (i = text_start(l, ln); i + 1 < e; i++) {
		c = s[i + 1];
		if (s[i] != ' ' || !c || !strchr(",.;:!?", c) || mask[i + 1])
			continue;
		if (i + 2 < e && (s[i + 2] == c || s[i + 2] == '/' ||
		    isalnum((unsigned char)s[i + 2])))
			continue;	/* "...", "./.", ".docx" */
		vb_diag_add(l->d, VB_WARNING, l->path, ln, vb_lint_col(l, ln, i),
		    vb_sprintf(l->a, "xóa dấu cách trước '%c'; dấu câu viết liền chữ "
		    "trước, cách chữ sau", c),
		    "dấu cách trước dấu '%c'", c);
		return;
	}
}

/* Reports a month 3-9 written with a leading zero ("tháng 08"): ND30
 * pads only months 01 and 02 (and days 1-9). */
static void
lint_month(vb_lint *l, int ln, const char *mask)
{
	const vb_line *line = &l->lines[ln - 1];
	const char *s = line->s, *w = "tháng 0";
	size_t i, n = strlen(w), e = text_end(l, ln);
	char m;

	for (i = text_start(l, ln); i + n + 1 <= e; i++) {
		if (strncmp(s + i, w, n) != 0 || mask[i])
			continue;
		m = s[i + n];
		if (m < '3' || m > '9' || (i + n + 1 < e &&
		    isdigit((unsigned char)s[i + n + 1])))
			continue;
		vb_diag_add(l->d, VB_WARNING, l->path, ln,
		    vb_lint_col(l, ln, i + n - 1), vb_sprintf(l->a, "viết 'tháng %c'", m),
		    "'tháng 0%c': chỉ tháng 01, 02 mới viết số 0 ở đầu", m);
		return;
	}
}

/* Returns 1 when the file has a curly double quote (U+201C, U+201D). */
static int
has_curly(const vb_lint *l)
{
	const vb_line *ln;
	size_t i, k;

	for (i = 0; i < l->nlines; i++)
		for (ln = &l->lines[i], k = 0; k + 2 < ln->len; k++)
			if ((unsigned char)ln->s[k] == 0xE2 &&
			    (unsigned char)ln->s[k + 1] == 0x80 &&
			    ((unsigned char)ln->s[k + 2] == 0x9C ||
			    (unsigned char)ln->s[k + 2] == 0x9D))
				return 1;
	return 0;
}

/* Reports the first straight double quote in the text of line ln. */
static void
lint_quotes(vb_lint *l, int ln, const char *mask)
{
	const vb_line *line = &l->lines[ln - 1];
	size_t i = text_start(l, ln), e = text_end(l, ln);

	if (in_front(l, ln) && i < line->len && (line->s[i] == '"' ||
	    line->s[i] == '\'' || line->s[i] == '[' || line->s[i] == '{'))
		return;	/* YAML quoting */
	for (; i < e; i++)
		if (line->s[i] == '"' && !mask[i]) {
			vb_diag_add(l->d, VB_WARNING, l->path, ln,
			    vb_lint_col(l, ln, i),
			    "văn bản đã dùng ngoặc kép cong “ ”, dùng thống nhất “…”",
			    "ngoặc kép thẳng (\") lẫn với ngoặc kép cong (“ ”)");
			return;
		}
}

void
vb_lint_text(vb_lint *l)
{
	int ln, curly = has_curly(l);
	char *mask;

	lint_nfd(l);
	lint_legacy(l);
	for (ln = 1; (size_t)ln <= l->nlines; ln++) {
		if (!is_text(l, ln))
			continue;
		mask = vb_lint_mask(l, ln);
		lint_spaces(l, ln, mask);
		lint_punct_space(l, ln, mask);
		lint_month(l, ln, mask);
		if (curly)
			lint_quotes(l, ln, mask);
	}
}
