/* marks_read.c - the marks of the position scheme found by their words
 * (see marks_read.h). A mark is matched folded (no diacritics, no case,
 * letters and digits only), so "HOẢ TỐC", "Hỏa tốc" and "HỎA TỐC" are
 * one; the front matter gets Decree 30's own spelling. */
#include "marks_read.h"

#include <ctype.h>
#include <stddef.h>
#include <string.h>

#include "base/buf.h"
#include "base/text.h"

/* One mark word: folded, and as the front matter writes it. */
struct word {
	const char *fold;	/* "hoatoc" */
	const char *value;	/* "hỏa tốc" */
	imp_mark kind;		/* which mark */
};

static const struct word words[] = {
	{"mat", "mật", IMP_MARK_SECRECY},
	{"toimat", "tối mật", IMP_MARK_SECRECY},
	{"tuyetmat", "tuyệt mật", IMP_MARK_SECRECY},
	{"khan", "khẩn", IMP_MARK_URGENCY},
	{"thuongkhan", "thượng khẩn", IMP_MARK_URGENCY},
	{"hoatoc", "hỏa tốc", IMP_MARK_URGENCY},
	{"xemxongtralai", "xem xong trả lại", IMP_MARK_CIRCULATION},
	{"luuhanhnoibo", "lưu hành nội bộ", IMP_MARK_CIRCULATION},
	{"tralaisaukhihop", "trả lại sau khi họp", IMP_MARK_CIRCULATION},
	{"tralaisaukhihoinghi", "trả lại sau khi hội nghị",
	    IMP_MARK_CIRCULATION},
	{"tralaisaukhihophoinghi", "trả lại sau khi họp (hội nghị)",
	    IMP_MARK_CIRCULATION},
	{"tailieuthuhoi", "tài liệu thu hồi", IMP_MARK_CIRCULATION},
	{NULL, NULL, IMP_MARK_NONE}
};

/* Returns s folded: ASCII letters and digits, lower case. */
static char *
fold(vb_arena *a, const char *s)
{
	char *t = vb_text_ascii(a, s), *o = t, *p;

	for (p = t; *p != '\0'; p++)
		if (isalnum((unsigned char)*p))
			*o++ = (char)tolower((unsigned char)*p);
	*o = '\0';
	return t;
}

imp_mark
imp_mark_line(vb_arena *a, const char *s, const char **value)
{
	const char *f, *rest;
	size_t i;
	int w;

	*value = NULL;
	if (strlen(s) > 60)
		return IMP_MARK_NONE;
	f = fold(a, s);
	for (i = 0; words[i].fold; i++)
		if (strcmp(words[i].fold, f) == 0) {
			*value = words[i].value;
			return words[i].kind;
		}
	if (strncmp(f, "duthao", 6) != 0)
		return IMP_MARK_NONE;
	if (f[6] == '\0') {
		*value = "co";
		return IMP_MARK_DRAFT;
	}
	/* "DỰ THẢO LẦN 2", "Dự thảo 3": the words after the first two */
	if (strncmp(f + 6, "lan", 3) != 0 && !isdigit((unsigned char)f[6]))
		return IMP_MARK_NONE;
	for (rest = s, w = 0; *rest && w < 2; w++) {
		rest += strspn(rest, " \t");
		rest += strcspn(rest, " \t");
	}
	rest = vb_text_trim(a, rest);
	*value = vb_text_lower(a, rest);
	return IMP_MARK_DRAFT;
}

/* Returns the length of the drafter's initials at s (letters and digits,
 * the first a capital, Đ counted), 0 when there are none. */
static size_t
initials(const char *s)
{
	size_t n = 0;

	for (;;) {
		if (strncmp(s + n, "Đ", strlen("Đ")) == 0)
			n += strlen("Đ");
		else if (isupper((unsigned char)s[n]) || (n > 0 &&
		    isdigit((unsigned char)s[n])))
			n++;
		else
			return n;
	}
}

int
imp_drafter_line(vb_arena *a, const char *s, int bare, const char **who,
    const char **copies)
{
	size_t n, k;

	s = vb_text_trim(a, s);
	n = initials(s);
	*who = n ? vb_strndup(a, s, n) : NULL;
	*copies = NULL;
	if (n > 10)
		return 0;
	s += n;
	if (*s == '.')
		s++;
	s += strspn(s, " ");
	if (*s == '\0')
		return n > 0 && bare;
	if (*s != '(' || (k = strspn(s + 1, "0123456789")) == 0 || k > 6 ||
	    s[1 + k] != ')' || s[2 + k] != '\0')
		return 0;
	*copies = vb_strndup(a, s + 1, k);
	return 1;
}

/* A label of the contacts line and where its value goes. */
struct label {
	const char *text;	/* as typed */
	size_t off;		/* offset of the value in imp_contacts */
};

#define C_OFF(m) offsetof(imp_contacts, m)

static const struct label labels[] = {
	{"Địa chỉ", C_OFF(address)}, {"ĐỊA CHỈ", C_OFF(address)},
	{"Điện thoại", C_OFF(phone)}, {"ĐIỆN THOẠI", C_OFF(phone)},
	{"ĐT", C_OFF(phone)}, {"Đt", C_OFF(phone)}, {"Tel", C_OFF(phone)},
	{"TEL", C_OFF(phone)}, {"Fax", C_OFF(fax)}, {"FAX", C_OFF(fax)},
	{"E-mail", C_OFF(email)}, {"E-MAIL", C_OFF(email)},
	{"Email", C_OFF(email)}, {"EMAIL", C_OFF(email)},
	{"Thư điện tử", C_OFF(email)}, {"Website", C_OFF(website)},
	{"WEBSITE", C_OFF(website)}, {"Web", C_OFF(website)},
	{"Cổng thông tin điện tử", C_OFF(website)},
	{"Trang thông tin điện tử", C_OFF(website)},
	{NULL, 0}
};

/* Returns the label that starts at s (then a colon), with in *len the
 * bytes up to the value; NULL when none does. */
static const struct label *
label_at(const char *s, size_t *len)
{
	size_t i, n;

	for (i = 0; labels[i].text; i++) {
		n = strlen(labels[i].text);
		if (strncmp(s, labels[i].text, n) != 0)
			continue;
		n += strspn(s + n, " ");
		if (s[n] != ':')
			continue;
		*len = n + 1;
		return &labels[i];
	}
	return NULL;
}

int
imp_contacts_read(vb_arena *a, const char *text, imp_contacts *c)
{
	const struct label *l = NULL, *next;
	const char *value = NULL, *p;
	size_t len, skip = 0;
	int found = 0;
	char *v, *q;

	for (p = text;; p++) {
		next = NULL;
		if (*p != '\0' && (p == text || strchr(" ,;\n|\t-", p[-1])))
			next = label_at(p, &skip);
		if (next == NULL && *p != '\0')
			continue;
		if (l != NULL) {
			v = vb_strndup(a, value, (size_t)(p - value));
			for (q = v; *q; q++)
				if (*q == '\n' || *q == '\t')
					*q = ' ';
			v = vb_text_trim(a, v);
			len = strlen(v);
			while (len > 0 && strchr(" ,;.-|", v[len - 1]))
				v[--len] = '\0';
			if (*v && *(const char **)((char *)c + l->off) == NULL) {
				*(const char **)((char *)c + l->off) = v;
				found++;
			}
		}
		if (*p == '\0')
			break;
		l = next;
		value = p + skip;
		p += skip - 1;
	}
	return found;
}

const char *
imp_copy_form(vb_arena *a, const char *s)
{
	const char *f;

	if (strlen(s) > 40)
		return NULL;
	f = fold(a, s);
	if (strcmp(f, "saoy") == 0)
		return "sao y";
	if (strcmp(f, "saoluc") == 0)
		return "sao lục";
	if (strcmp(f, "trichsao") == 0)
		return "trích sao";
	return NULL;
}

int
imp_copy_number(vb_arena *a, const char *s, const char **num,
    const char **abbrev)
{
	static const char *codes[] = { "SY-", "SL-", "TrS-", "TRS-", NULL };
	const char *slash;
	size_t k, n;

	s += strspn(s, " :\t");
	if ((slash = strchr(s, '/')) == NULL)
		return 0;
	for (k = 0; codes[k] && strncmp(slash + 1, codes[k],
	    strlen(codes[k])) != 0; k++)
		;
	if (codes[k] == NULL)
		return 0;
	for (n = 0; s + n < slash && s[n] == '0' && isdigit((unsigned char)
	    s[n + 1]); n++)
		;
	*num = vb_text_trim(a, vb_strndup(a, s + n, (size_t)(slash - s - n)));
	if (strspn(*num, "0123456789") != strlen(*num))
		*num = "";
	*abbrev = vb_text_trim(a, slash + 1 + strlen(codes[k]));
	return 1;
}
