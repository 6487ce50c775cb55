/* lint_util.c - what every lint shares: where a front matter value was
 * written, character columns, which lines are body text, and the mask of
 * a line's code spans, tags and link destinations. check.c builds the
 * context these read; the lints use them; none of them calls back. */
#include <ctype.h>
#include <string.h>

#include "base/arena.h"
#include "base/text.h"
#include "lint.h"

vb_pos
vb_lint_key(const vb_lint *l, const char *path)
{
	vb_pos none = {0, 0};
	size_t i;

	for (i = 0; i < l->nkeys; i++)
		if (strcmp(l->keys[i].path, path) == 0)
			return l->keys[i].pos;
	return none;
}

int
vb_lint_col(const vb_lint *l, int ln, size_t off)
{
	if (ln < 1 || (size_t)ln > l->nlines)
		return 1;
	return (int)vb_utf8_chars(l->lines[ln - 1].s, off) + 1;
}

int
vb_lint_is_body(const vb_lint *l, int ln)
{
	return ln >= l->body_first && (size_t)ln <= l->nlines &&
	    !l->lines[ln - 1].code;
}

/* Marks s[i..] up to the end of a code span opened by a run of n
 * backticks; returns the index after it (i itself when it never closes). */
static size_t
mask_code(const char *s, size_t len, size_t i, size_t n, char *m)
{
	size_t j = i + n, k;

	while (j < len) {
		if (s[j] != '`') {
			j++;
			continue;
		}
		for (k = j; k < len && s[k] == '`'; k++)
			;
		if (k - j == n) {
			memset(m + i, 1, k - i);
			return k;
		}
		j = k;
	}
	return i + n;
}

/* Marks from s[i] to the closing c; returns the index after it (i + 1
 * when there is none). */
static size_t
mask_until(const char *s, size_t len, size_t i, char c, char *m)
{
	size_t j;

	for (j = i + 1; j < len && s[j] != c; j++)
		;
	if (j == len)
		return i + 1;
	memset(m + i, 1, j + 1 - i);
	return j + 1;
}

char *
vb_lint_mask(const vb_lint *l, int ln)
{
	const vb_line *line = &l->lines[ln - 1];
	const char *s = line->s;
	size_t i = 0, n, len = line->len;
	char *m = vb_alloc(l->a, len + 1);

	while (i < len) {
		if (s[i] == '\\' && i + 1 < len) {
			i += 2;
		} else if (s[i] == '`') {
			for (n = 0; i + n < len && s[i + n] == '`'; n++)
				;
			i = mask_code(s, len, i, n, m);
		} else if (s[i] == '<' && i + 1 < len && (s[i + 1] == '/' ||
		    isalpha((unsigned char)s[i + 1]))) {
			i = mask_until(s, len, i, '>', m);
		} else if (s[i] == ']' && i + 1 < len && s[i + 1] == '(') {
			i = mask_until(s, len, i + 1, ')', m);
		} else
			i++;
	}
	return m;
}
