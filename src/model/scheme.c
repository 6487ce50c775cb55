/* scheme.c - recognising and numbering the parts of scheme (a) of
 * nd30.md §2.3: Phần / Chương / Mục / Tiểu mục / Điều. */
#include "scheme.h"

#include <ctype.h>
#include <string.h>

#include "base/text.h"
#include "numbering.h"

/* Levels of scheme (a), as vb_block.level holds them. */
enum { LV_PHAN = 1, LV_CHUONG, LV_MUC, LV_TIEU_MUC, LV_DIEU, LV_N };

/* One word that opens a level, in the spellings a clerk writes. */
struct word {
	const char *forms[3];	/* spellings (NFC), NULL-padded */
	const char *name;	/* as printed: "Chương" */
	int level;		/* LV_* */
	int roman;		/* 1: numbered in Roman numerals */
};

/* Longer words first: "Tiểu mục" before "Mục". */
static const struct word words[] = {
	{{"Tiểu mục", "TIỂU MỤC", "Tiểu Mục"}, "Tiểu mục", LV_TIEU_MUC, 0},
	{{"Phần", "PHẦN", NULL}, "Phần", LV_PHAN, 1},
	{{"Chương", "CHƯƠNG", NULL}, "Chương", LV_CHUONG, 1},
	{{"Mục", "MỤC", NULL}, "Mục", LV_MUC, 0},
	{{"Điều", "ĐIỀU", NULL}, "Điều", LV_DIEU, 0},
};
#define NWORDS (sizeof(words) / sizeof(words[0]))

/* What was found at the start of a line. */
struct opening {
	const struct word *w;	/* the word, or NULL when none */
	int value;		/* the number written, 0 for "number it" */
	size_t skip;		/* bytes of word, number and separators */
};

/* Returns 1 when c may end a word or a number. */
static int
boundary(char c)
{
	return c == '\0' || c == ' ' || c == '.' || c == ':' || c == '\t';
}

/* Returns the bytes of the separators at s: spaces, '.', ':', '-' and
 * the en dash. */
static size_t
separators(const char *s)
{
	size_t i = 0;

	for (;;) {
		if (s[i] == ' ' || s[i] == '.' || s[i] == ':' || s[i] == '-' ||
		    s[i] == '\t')
			i++;
		else if (strncmp(s + i, "\xE2\x80\x93", 3) == 0)
			i += 3;
		else
			return i;
	}
}

/* Reads a number at s: Arabic digits, or a Roman numeral; sets *len.
 * Returns its value, or 0 when there is none. */
static int
number_at(const char *s, size_t *len)
{
	size_t i = 0;
	int v = 0;

	while (isdigit((unsigned char)s[i]) && i < 5)
		v = v * 10 + (s[i++] - '0');
	if (i == 0)
		while (s[i] && strchr("IVXLCDM", s[i]) != NULL && i < 12)
			i++;
	if (i == 0 || !boundary(s[i]))
		return 0;
	if (v == 0)
		v = vb_roman_value(s, i);
	*len = i;
	return v;
}

/* Finds a scheme word at the start of s: the word, then a space and a
 * number, or '.' / ':' for vanban to number it. "Mục tiêu", "Điều
 * kiện" and a heading "Mục" alone are not openings. */
static struct opening
find_opening(const char *s)
{
	struct opening o = {NULL, 0, 0};
	size_t i, k, n, len = 0;
	int v;

	for (i = 0; i < NWORDS; i++)
		for (k = 0; k < 3 && words[i].forms[k] != NULL; k++) {
			n = strlen(words[i].forms[k]);
			if (strncmp(s, words[i].forms[k], n) != 0 ||
			    !boundary(s[n]))
				continue;
			if (s[n] == ' ' && (v = number_at(s + n + 1, &len)) > 0) {
				o.w = &words[i];
				o.value = v;
				o.skip = n + 1 + len;
			} else if (s[n] == '.' || s[n] == ':') {
				o.w = &words[i];
				o.skip = n;
			} else
				return o;
			o.skip += separators(s + o.skip);
			return o;
		}
	return o;
}

/* Returns the label of level w numbered v: "Chương II", "Điều 3.". */
static const char *
label(vb_arena *a, const struct word *w, int v)
{
	if (w->roman)
		return vb_sprintf(a, "%s %s", w->name, vb_roman(a, v));
	if (w->level == LV_DIEU)
		return vb_sprintf(a, "%s %d.", w->name, v);
	return vb_sprintf(a, "%s %d", w->name, v);
}

/* Removes the first skip bytes of the block's text, and the runs and
 * spaces left empty in front. */
static void
cut_front(vb_arena *a, vb_block *b, size_t skip)
{
	vb_run *r = &b->text.runs[0];
	const char *t = r->text + skip;

	r->text = vb_strdup(a, t);
	while (b->text.n > 0 && b->text.runs[0].kind == VB_RUN_TEXT) {
		r = &b->text.runs[0];
		while (*r->text == ' ')
			r->text++;
		if (*r->text != '\0')
			break;
		memmove(b->text.runs, b->text.runs + 1,
		    (b->text.n - 1) * sizeof(vb_run));
		b->text.n--;
	}
}

/* Numbers an opening of level lv with the counters; warns when a written
 * number does not follow. Returns the number to print. */
static int
count_one(vb_arena *a, const vb_block *b, const struct opening *o,
    int *count, vb_diags *d)
{
	int lv = o->w->level, want = count[lv] + 1, k;

	if (o->value > 0 && o->value != want)
		vb_diag_add(d, VB_WARNING, b->file, b->line, b->col,
		    "đánh số lại, hoặc bỏ số để vanban tự đánh số",
		    o->value > want ?
		    "'%s' không liền sau phần trước: thiếu '%s'" :
		    "'%s' sai thứ tự: ở đây phải là '%s'",
		    label(a, o->w, o->value), label(a, o->w, want));
	count[lv] = o->value > 0 ? o->value : want;
	/* Mục starts again in each Chương, Tiểu mục in each Mục; Chương
	 * and Điều run through the whole part. */
	for (k = lv + 1; k < LV_DIEU; k++)
		if (lv >= LV_CHUONG)
			count[k] = 0;
	return count[lv];
}

/* Upper-cases the text runs of b (a division's title). */
static void
upper_runs(vb_arena *a, vb_block *b)
{
	size_t i;

	for (i = 0; i < b->text.n; i++)
		if (b->text.runs[i].kind == VB_RUN_TEXT && b->text.runs[i].text)
			b->text.runs[i].text = vb_text_upper(a,
			    b->text.runs[i].text);
}

/* Returns the opening of block b: a heading's, or a paragraph's "Điều 3."
 * (a paragraph needs the number, or "Điều." to be numbered, and the
 * dot: "Điều 3 của Luật …" is a sentence). */
static struct opening
block_opening(const vb_block *b)
{
	struct opening none = {NULL, 0, 0}, o;
	const vb_run *r = b->text.n > 0 ? &b->text.runs[0] : NULL;
	const char *s;
	size_t n;

	if (r == NULL || r->kind != VB_RUN_TEXT || r->text == NULL)
		return none;
	if (b->kind == VB_BLOCK_HEADING)
		return find_opening(r->text);
	if (b->kind != VB_BLOCK_PARA)
		return none;
	o = find_opening(r->text);
	if (o.w == NULL || o.w->level != LV_DIEU)
		return none;
	s = r->text;
	n = strlen("Điều");
	if (o.value > 0) {
		while (s[n] == ' ')
			n++;
		while (isdigit((unsigned char)s[n]))
			n++;
	}
	return s[n] == '.' ? o : none;
}

int
vb_scheme_apply(vb_arena *a, vb_part *part, vb_diags *d)
{
	int count[LV_N] = {0}, articles = 0, v;
	struct opening o;
	vb_block *b;
	size_t i;

	for (i = 0; i < part->n; i++) {
		b = &part->blocks[i];
		o = block_opening(b);
		if (o.w == NULL)
			continue;
		v = count_one(a, b, &o, count, d);
		b->titled = b->kind == VB_BLOCK_HEADING && o.w->level == LV_DIEU;
		b->level = o.w->level;
		b->number = label(a, o.w, v);
		b->label = 0;
		cut_front(a, b, o.skip);
		if (o.w->level == LV_DIEU) {
			b->kind = VB_BLOCK_ARTICLE;
			articles++;
			continue;
		}
		b->kind = VB_BLOCK_DIVISION;
		upper_runs(a, b);
		if (b->text.n == 0)
			vb_diag_add(d, VB_WARNING, b->file, b->line, b->col,
			    "viết tên ngay sau số, ví dụ: # Chương I. Quy định chung",
			    "'%s' chưa có tên: Nghị định 30 yêu cầu tên cho phần, chương, mục", b->number);
	}
	return articles;
}
