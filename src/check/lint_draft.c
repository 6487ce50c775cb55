/* lint_draft.c - what a draft made from another text still carries: blanks
 * "……" not filled in (vanban new), paragraphs pasted from Word one per
 * line with no blank line between them (Markdown joins them into one), and
 * mentions of last year in a draft made from last year's document
 * ("nam_cu", written by vanban import --nam). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "lint.h"

#define BLANK "……"		/* the blank vanban new leaves */

/* Returns 1 when line ln (1-based) is front matter. */
static int
is_front(const vb_lint *l, int ln)
{
	return l->fm_first > 0 && ln >= l->fm_first && ln <= l->fm_last;
}

/* Returns the offset of the first non-blank of a line (its length when
 * there is none). */
static size_t
indent_of(const vb_line *ln)
{
	size_t i = 0;

	while (i < ln->len && (ln->s[i] == ' ' || ln->s[i] == '\t'))
		i++;
	return i;
}

/* Returns 1 when the text of line ln at byte off is a YAML comment. */
static int
yaml_comment(const vb_line *ln, size_t off)
{
	size_t i = indent_of(ln);

	if (i < ln->len && ln->s[i] == '#')
		return 1;
	for (i = 0; i + 1 < off; i++)
		if (ln->s[i] == ' ' && ln->s[i + 1] == '#')
			return 1;
	return 0;
}

/* Warns about each line that still holds a blank "……". */
static void
lint_blanks(vb_lint *l)
{
	const vb_line *ln;
	const char *hit;
	char *mask, *s;
	size_t i, n = 0;

	for (i = 1; i <= l->nlines; i++) {
		ln = &l->lines[i - 1];
		if (!is_front(l, (int)i) && !vb_lint_is_body(l, (int)i))
			continue;
		s = vb_strndup(l->a, ln->s, ln->len);
		if ((hit = strstr(s, BLANK)) == NULL)
			continue;
		if (is_front(l, (int)i) ? yaml_comment(ln, (size_t)(hit - s))
		    : (mask = vb_lint_mask(l, (int)i))[hit - s])
			continue;
		if (++n > 50)
			return;	/* a form full of blanks: the first ones say it */
		vb_diag_add(l->d, VB_WARNING, l->path, (int)i,
		    vb_lint_col(l, (int)i, (size_t)(hit - s)),
		    "điền nội dung vào chỗ này (chỗ trống do vanban new để sẵn)",
		    "còn chỗ trống '……' chưa điền");
	}
}

/* Returns 1 when line ln starts a Markdown block of its own (heading, list
 * item, table row, quote, footnote, HTML, rule, code), so it is never
 * joined to the line above. */
static int
starts_block(const vb_line *ln)
{
	size_t i = indent_of(ln), j;
	const char *s = ln->s + i;
	size_t n = ln->len - i;

	if (i >= 4 || n == 0)
		return 1;
	if (strchr("#|><", s[0]) || (n >= 2 && s[0] == '[' && s[1] == '^'))
		return 1;
	if (n >= 2 && strchr("-*+", s[0]) && (s[1] == ' ' || s[1] == '\t'))
		return 1;
	if (strspn(s, "-= \t*_") == n)
		return 1;	/* a rule or a setext underline */
	for (j = 0; j < n && j < 9 && isdigit((unsigned char)s[j]); j++)
		;
	return j > 0 && j + 1 < n && (s[j] == '.' || s[j] == ')') &&
	    (s[j + 1] == ' ' || s[j + 1] == '\t');
}

/* Returns 1 when line ln ends a sentence (., :, ;, !, ? before closing
 * quotes or brackets) without a hard line break. */
static int
ends_sentence(const vb_line *ln)
{
	size_t n = ln->len;

	if (n >= 2 && ln->s[n - 1] == ' ' && ln->s[n - 2] == ' ')
		return 0;	/* two spaces: a line break inside the paragraph */
	while (n > 0 && ln->s[n - 1] == ' ')
		n--;
	if (n > 0 && ln->s[n - 1] == '\\')
		return 0;
	while (n > 0 && strchr(")]\"'*_", ln->s[n - 1]))
		n--;
	if (n >= 3 && memcmp(ln->s + n - 3, "\xE2\x80\x9D", 3) == 0)
		n -= 3;	/* ” */
	return n > 0 && strchr(".:;!?", ln->s[n - 1]) != NULL;
}

/* Returns the offset past the quotes and brackets a line may open with. */
static size_t
skip_openers(const char *s, size_t n)
{
	size_t i = 0;

	for (;;) {
		if (i < n && strchr("\"'(*_", s[i]))
			i++;
		else if (i + 3 <= n && memcmp(s + i, "\xE2\x80\x9C", 3) == 0)
			i += 3;	/* “ */
		else
			return i;
	}
}

/* Returns 1 when line ln begins the way a paragraph of its own does: a
 * capital letter, a digit, a typed bullet or a point "a)". */
static int
starts_paragraph(vb_lint *l, const vb_line *ln)
{
	size_t i = indent_of(ln), k;
	const char *s = ln->s + i;
	size_t n = ln->len - i;
	char *first, *low;

	if (n == 0)
		return 0;
	if (isdigit((unsigned char)s[0]) || s[0] == '-' || s[0] == '+')
		return 1;
	if (n >= 3 && (memcmp(s, "\xE2\x80\xA2", 3) == 0 ||	/* • */
	    memcmp(s, "\xE2\x80\x93", 3) == 0))		/* – */
		return 1;
	for (k = 1; k < n && ((unsigned char)s[k] & 0xC0) == 0x80; k++)
		;
	if (k < n && s[k] == ')')
		return 1;	/* a) b) đ) */
	i = skip_openers(s, n);
	if (i >= n)
		return 0;
	s += i;
	n -= i;
	for (k = 1; k < n && ((unsigned char)s[k] & 0xC0) == 0x80; k++)
		;
	first = vb_strndup(l->a, s, k);
	low = vb_text_lower(l->a, first);
	return low != NULL && strcmp(low, first) != 0;
}

/* Returns 1 when line ln reads as a typed heading: a number "I.", "1.",
 * "1.2.", a point "a)", or all in capitals; short. */
static int
typed_heading(vb_lint *l, const vb_line *ln)
{
	size_t i = indent_of(ln), n = ln->len - i, j;
	const char *s = ln->s + i;
	char *text, *up;

	if (n == 0 || vb_utf8_chars(s, n) > 100)
		return 0;
	j = strspn(s, "IVXLC");
	if (j == 0)
		j = strspn(s, "0123456789.");
	if (j > 0 && j < n && (s[j] == '.' || s[j - 1] == '.' || s[j] == ')'))
		return 1;
	for (j = 1; j < n && ((unsigned char)s[j] & 0xC0) == 0x80; j++)
		;
	if (j < n && s[j] == ')')
		return 1;
	text = vb_strndup(l->a, s, n);
	up = vb_text_upper(l->a, text);
	return up && strcmp(up, text) == 0 && strcmp(vb_text_lower(l->a, text),
	    text) != 0;
}

/* Lines of one run of text without a blank line, and the lines in it that
 * Markdown glues to the line above although they read as paragraphs. */
struct run {
	int first;		/* first line of the run, 0 when none */
	int last;		/* last line so far */
	int glued[5];		/* the first glued lines */
	int nglued;		/* how many lines are glued */
};

/* Reports a run with glued lines and empties it. */
static void
flush_run(vb_lint *l, struct run *r)
{
	char list[64];
	size_t at = 0;
	int k;

	for (k = 0; k < r->nglued && k < 5; k++)
		at += (size_t)snprintf(list + at, sizeof(list) - at, "%s%d",
		    k ? ", " : "", r->glued[k]);
	if (r->nglued > 5)
		snprintf(list + at, sizeof(list) - at, "…");
	if (r->nglued > 0)
		vb_diag_add(l->d, VB_WARNING, l->path, r->glued[0], 1,
		    "thêm một dòng trống giữa các đoạn (văn bản dán từ Word "
		    "thường mất các dòng trống này); muốn xuống dòng trong cùng "
		    "một đoạn thì kết thúc dòng bằng dấu \\",
		    "dòng %d–%d không có dòng trống giữa các đoạn: %d dòng (%s) "
		    "sẽ bị nối vào dòng trên thành một đoạn khi in", r->first,
		    r->last, r->nglued, list);
	memset(r, 0, sizeof(*r));
}

/* Returns 1 when line ln ends a run: blank, not body text, a heading, a
 * table row, HTML, or indented code. */
static int
breaks_run(const vb_lint *l, int ln)
{
	const vb_line *line = &l->lines[ln - 1];
	size_t i = indent_of(line);

	return !vb_lint_is_body(l, ln) || i == line->len || i >= 4 ||
	    strchr("#|<", line->s[i]) != NULL ||
	    strspn(line->s + i, "-= \t*_") == line->len - i;
}

/* Warns about runs of lines pasted one paragraph per line. */
static void
lint_pasted(vb_lint *l)
{
	const vb_line *ln, *prev = NULL;
	struct run r;
	int i;

	memset(&r, 0, sizeof(r));
	for (i = l->body_first; i <= (int)l->nlines; i++) {
		ln = &l->lines[i - 1];
		if (breaks_run(l, i)) {
			flush_run(l, &r);
			prev = NULL;
			continue;
		}
		if (r.first == 0)
			r.first = i;
		r.last = i;
		if (prev != NULL && !starts_block(ln) && starts_paragraph(l, ln) &&
		    (ends_sentence(prev) || typed_heading(l, prev))) {
			if (r.nglued < 5)
				r.glued[r.nglued] = i;
			r.nglued++;
		}
		prev = ln;
	}
	flush_run(l, &r);
}

/* Returns the year of the front matter's date, or 0. */
static int
date_year(const vb_lint *l)
{
	const char *d = l->meta.date;

	if (d == NULL || strlen(d) < 4 || strspn(d, "0123456789") < 4)
		return 0;
	return (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 +
	    (d[3] - '0');
}

/* Returns the byte offset of the first mention of year (4 digits, no digit
 * on either side) in s[0..len) outside the mask, or -1. */
static long
find_year(const char *s, size_t len, const char *year, const char *mask)
{
	size_t i;

	for (i = 0; i + 4 <= len; i++)
		if (memcmp(s + i, year, 4) == 0 && (mask == NULL || !mask[i]) &&
		    (i == 0 || !isdigit((unsigned char)s[i - 1])) &&
		    (i + 4 == len || !isdigit((unsigned char)s[i + 4])))
			return (long)i;
	return -1;
}

/* Returns 1 when a heading line speaks of the old year itself or of the
 * results of the year past, under which the old year is expected. */
static int
looks_back(vb_lint *l, const vb_line *ln, const char *year)
{
	char *low = vb_text_lower(l->a, vb_strndup(l->a, ln->s, ln->len));

	return find_year(ln->s, ln->len, year, NULL) >= 0 ||
	    (low && (strstr(low, "kết quả") || strstr(low, "đánh giá") ||
	    strstr(low, "tình hình thực hiện")));
}

/* Warns on each line (front matter and body, and the Markdown of the
 * appendices, which inherit nam_cu and ngay) that still mentions the year
 * of the old document a draft was made from ("nam_cu"), except under
 * headings that look back at that year. */
static void
lint_old_year(vb_lint *l)
{
	const char *year = l->meta.old_year;
	int back[7] = {0}, i, lv;
	const vb_line *ln;
	size_t k;
	long at;

	if (year == NULL || date_year(l) <= atoi(year))
		return;
	for (i = 1; i <= (int)l->nlines; i++) {
		ln = &l->lines[i - 1];
		if (i == l->meta.old_year_pos.line || i == l->meta.date_pos.line)
			continue;
		if (vb_lint_is_body(l, i) && ln->len > 0 && ln->s[0] == '#') {
			for (lv = 0; lv < (int)ln->len && ln->s[lv] == '#'; lv++)
				;
			if (lv > 6)
				lv = 6;
			back[lv] = looks_back(l, ln, year);
			for (k = (size_t)lv + 1; k < 7; k++)
				back[k] = 0;
			if (back[lv])
				continue;
		}
		if (!is_front(l, i) && !vb_lint_is_body(l, i))
			continue;
		for (lv = 1; lv < 7 && !back[lv]; lv++)
			;
		if (lv < 7 && !is_front(l, i))
			continue;
		at = find_year(ln->s, ln->len, year, is_front(l, i) ? NULL
		    : vb_lint_mask(l, i));
		if (at < 0 || (is_front(l, i) && yaml_comment(ln, (size_t)at)))
			continue;
		vb_diag_add(l->d, VB_WARNING, l->path, i,
		    vb_lint_col(l, i, (size_t)at), vb_sprintf(l->a,
		    "sửa thành năm %d nếu là việc của năm nay; giữ nguyên nếu đúng "
		    "là năm %s (số liệu, văn bản đã ban hành); rà soát xong thì xóa "
		    "dòng 'nam_cu: %s' để tắt cảnh báo này", date_year(l), year, year),
		    "còn năm %s của văn bản cũ (văn bản này ghi năm %d)", year,
		    date_year(l));
	}
}

void
vb_lint_draft(vb_lint *l)
{
	lint_blanks(l);
	lint_pasted(l);
	lint_old_year(l);
}
