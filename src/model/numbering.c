/* numbering.c - automatic and hand-written section numbers. */
#include "numbering.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

/* The letters of the Vietnamese alphabet used for points (nd30.md §2.3). */
static const char *const letters[] = {
	"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o",
	"p", "q", "r", "s", "t", "u", "v", "x", "y"
};
#define NLETTERS (sizeof(letters) / sizeof(letters[0]))

/* The kinds of number a heading can start with. */
enum numkind {
	NUM_NONE,	/* not numbered */
	NUM_ROMAN,	/* "IV." */
	NUM_ARABIC,	/* "3." */
	NUM_LETTER,	/* "đ)" */
	NUM_OTHER	/* "1.2.", "1.2.3" */
};

/* A number found at the start of a heading. */
struct found {
	enum numkind kind;	/* what kind of number */
	int value;		/* its value (1-based) */
	size_t len;		/* bytes of the number token, without the space */
	size_t skip;		/* bytes to remove: token plus spaces */
};

char *
vb_roman(vb_arena *a, int n)
{
	static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
	static const char *const sym[] = {"M", "CM", "D", "CD", "C", "XC", "L",
	    "XL", "X", "IX", "V", "IV", "I"};
	char buf[32] = "";
	size_t i;

	if (n < 1 || n > 3999)
		return vb_sprintf(a, "%d", n);
	for (i = 0; i < 13; i++)
		while (n >= val[i]) {
			strcat(buf, sym[i]);
			n -= val[i];
		}
	return vb_strdup(a, buf);
}

int
vb_roman_value(const char *s, size_t len)
{
	int v = 0, prev = 0, cur;
	size_t i;
	char canon[32];
	vb_arena *a;
	char *r;

	if (len == 0 || len > 15)
		return 0;
	for (i = len; i-- > 0;) {
		switch (s[i]) {
		case 'I': cur = 1; break;
		case 'V': cur = 5; break;
		case 'X': cur = 10; break;
		case 'L': cur = 50; break;
		case 'C': cur = 100; break;
		case 'D': cur = 500; break;
		case 'M': cur = 1000; break;
		default: return 0;
		}
		v += cur < prev ? -cur : cur;
		if (cur > prev)
			prev = cur;
	}
	/* Only canonical numerals count ("IIII" is not IV). */
	if ((a = vb_arena_new()) == NULL)
		return 0;
	r = vb_roman(a, v);
	snprintf(canon, sizeof(canon), "%s", r);
	vb_arena_free(a);
	return strlen(canon) == len && memcmp(canon, s, len) == 0 ? v : 0;
}

const char *
vb_point_letter(vb_arena *a, int n)
{
	if (n < 1)
		return "a";
	if ((size_t)n <= NLETTERS)
		return letters[n - 1];
	/* Past "y": "aa", "ab", … (never seen in real documents). */
	return vb_sprintf(a, "%s%s",
	    letters[((size_t)(n - 1) / NLETTERS - 1) % NLETTERS],
	    letters[(size_t)(n - 1) % NLETTERS]);
}

int
vb_point_value(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < NLETTERS; i++)
		if (strlen(letters[i]) == len && memcmp(letters[i], s, len) == 0)
			return (int)i + 1;
	return 0;
}

/* Counts the spaces after a number token at s. */
static size_t
spaces(const char *s)
{
	size_t n = 0;

	while (s[n] == ' ' || s[n] == '\t')
		n++;
	return n;
}

/* Recognises a hand-written number at the start of s. */
static struct found
find_number(const char *s)
{
	struct found f = {NUM_NONE, 0, 0, 0};
	size_t i = 0, dots = 0;

	while (s[i] && strchr("IVXLCDM", s[i]))
		i++;
	if (i > 0 && s[i] == '.' && (s[i + 1] == ' ' || s[i + 1] == '\0') &&
	    (f.value = vb_roman_value(s, i)) > 0) {
		f.kind = NUM_ROMAN;
		f.len = i + 1;
		f.skip = f.len + spaces(s + f.len);
		return f;
	}
	for (i = 0; isdigit((unsigned char)s[i]) ||
	    (s[i] == '.' && isdigit((unsigned char)s[i + 1])); i++)
		dots += s[i] == '.';
	if (i > 0 && i < 12 && (s[i] == '.' || s[i] == ')') &&
	    (s[i + 1] == ' ' || s[i + 1] == '\0')) {
		f.kind = dots ? NUM_OTHER : NUM_ARABIC;
		f.value = dots ? 0 : (int)strtol(s, NULL, 10);
		f.len = i + 1;
		f.skip = f.len + spaces(s + f.len);
		return f;
	}
	if (i > 0 && dots > 0 && s[i] == ' ') {	/* "1.2 Tiêu đề" */
		f.kind = NUM_OTHER;
		f.len = i;
		f.skip = f.len + spaces(s + f.len);
		return f;
	}
	for (i = 0; i < 2 && s[i] && s[i] != ')'; i++)
		;
	if (s[0] && s[i] == ')' && (s[i + 1] == ' ' || s[i + 1] == '\0') &&
	    (f.value = vb_point_value(s, i)) > 0) {
		f.kind = NUM_LETTER;
		f.len = i + 1;
		f.skip = f.len + spaces(s + f.len);
	}
	return f;
}

/* Returns the label of value v in the style of level. */
static const char *
label(vb_arena *a, int level, int v)
{
	if (level == 1)
		return vb_sprintf(a, "%s.", vb_roman(a, v));
	if (level == 2)
		return vb_sprintf(a, "%d.", v);
	return vb_sprintf(a, "%s)", vb_point_letter(a, v));
}

/* Warns that heading b's number v does not follow the previous one. */
static void
warn_order(vb_arena *a, const vb_block *b, int v, int expected, vb_diags *d)
{
	const char *got = label(a, b->level, v);
	const char *want = label(a, b->level, expected);

	if (v > expected)
		vb_diag_add(d, VB_WARNING, b->file, b->line, b->col,
		    "đánh số lại, hoặc bỏ số để vanban tự đánh số",
		    "mục '%s' không liền sau mục trước: thiếu mục '%s'", got, want);
	else
		vb_diag_add(d, VB_WARNING, b->file, b->line, b->col,
		    "đánh số lại, hoặc bỏ số để vanban tự đánh số",
		    "mục '%s' sai thứ tự: ở đây phải là '%s'", got, want);
}

/* Upper-cases every text run of a heading. */
static void
upper_runs(vb_arena *a, vb_block *b)
{
	size_t i;

	for (i = 0; i < b->text.n; i++)
		if (b->text.runs[i].text)
			b->text.runs[i].text = vb_text_upper(a, b->text.runs[i].text);
}

/* Numbers one heading, given the counters of the levels above it;
 * returns 1 when the user wrote the number. */
static int
number_one(vb_arena *a, vb_block *b, int *count, vb_diags *d)
{
	static const enum numkind style[] = {NUM_NONE, NUM_ROMAN, NUM_ARABIC,
	    NUM_LETTER};
	vb_run *first = b->text.n ? &b->text.runs[0] : NULL;
	struct found f = {NUM_NONE, 0, 0, 0};
	int lv = b->level;

	if (first && first->kind == VB_RUN_TEXT && first->text)
		f = find_number(first->text);
	if (f.kind != NUM_NONE) {
		b->number = vb_strndup(a, first->text, f.len);
		first->text = vb_strdup(a, first->text + f.skip);
		if (lv <= 3 && f.kind == style[lv]) {
			if (f.value != count[lv] + 1)
				warn_order(a, b, f.value, count[lv] + 1, d);
			count[lv] = f.value;
		}
	} else if (lv <= 3)
		b->number = label(a, lv, ++count[lv]);
	if (lv == 1)
		upper_runs(a, b);
	return f.kind != NUM_NONE;
}

/* Returns the number Word's multilevel heading list prints for the n-th
 * heading of level lv (1-3): "I.", "1.", or a Latin letter "e)" (Word's
 * letters have no đ and do have f, j, w, z). */
static const char *
word_label(vb_arena *a, int lv, int n)
{
	if (lv < 3)
		return label(a, lv, n);
	return n >= 1 && n <= 26 ? vb_sprintf(a, "%c)", 'a' + n - 1) : "";
}

/* Decides whether heading b's automatic number can be a label of Word's
 * heading list: only when the list, counting the labelled headings before
 * it (hand-written numbers are text, outside the list), prints the same
 * number. Once a level's number cannot be a label (the fifth point "đ)",
 * a gap after a hand-written number), its later numbers stay text until a
 * higher level starts again, so the list never skips. words[] counts
 * labelled headings per level, typed[] marks levels gone to text. */
static void
label_one(vb_arena *a, vb_block *b, int hand, int *words, int *typed)
{
	int lv = b->level, k;

	b->label = 0;
	if (lv > 3 || b->number == NULL)
		return;
	if (!hand && !typed[lv] &&
	    strcmp(word_label(a, lv, words[lv] + 1), b->number) == 0) {
		b->label = 1;
		words[lv]++;
		for (k = lv + 1; k < 4; k++)
			words[k] = typed[k] = 0;
		return;
	}
	typed[lv] = 1;
	for (k = lv + 1; k < 4; k++)
		typed[k] = 0;	/* a higher level starts its points again */
}

void
vb_number_headings(vb_arena *a, vb_part *part, vb_diags *d)
{
	int count[8] = {0}, words[4] = {0}, typed[4] = {0}, top = 0;
	size_t i;
	int k, hand;
	vb_block *b;

	for (i = 0; i < part->n; i++) {
		b = &part->blocks[i];
		if (b->kind != VB_BLOCK_HEADING)
			continue;
		if (b->level < 1)
			b->level = 1;
		for (k = b->level + 1; k < 8; k++)
			count[k] = 0;
		hand = number_one(a, b, count, d);
		/* An appendix's list starts again at its first "I.": the
		 * lower levels before it are text, or a reader counting on
		 * from the body's list would go on from the body's "I." */
		top |= b->level == 1;
		label_one(a, b, hand || (part->label != NULL && !top), words,
		    typed);
	}
}
