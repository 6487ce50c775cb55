/* text.c - Vietnamese text handling through ICU. Everything that normalises
 * or changes the case of text goes through here. */
#include "text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucasemap.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

int
vb_utf8_valid(const char *s, size_t len, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n, k;
	unsigned c, cp;

	while (i < len) {
		c = p[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 1, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 2, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 3, cp = c & 0x07;
		else
			goto fail;
		if (len - i <= n)
			goto fail;
		for (k = 1; k <= n; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				goto fail;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			goto fail;
		i += n + 1;
	}
	return 1;
fail:
	if (bad)
		*bad = i;
	return 0;
}

/* Returns the code point of the UTF-8 sequence at p (len > 0 bytes left)
 * and sets *n to its length; a sequence that is not valid UTF-8 gives
 * 0xFFFFFFFF and length 1. */
static unsigned
decode(const unsigned char *p, size_t len, size_t *n)
{
	unsigned c = p[0], cp;
	size_t k, need;

	*n = 1;
	if (c < 0x80)
		return c;
	if (c >= 0xC2 && c <= 0xDF)
		need = 1, cp = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		need = 2, cp = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		need = 3, cp = c & 0x07;
	else
		return 0xFFFFFFFFu;
	if (len <= need)
		return 0xFFFFFFFFu;
	for (k = 1; k <= need; k++) {
		if ((p[k] & 0xC0) != 0x80)
			return 0xFFFFFFFFu;
		cp = (cp << 6) | (p[k] & 0x3F);
	}
	if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
	    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0xFFFFFFFFu;
	*n = need + 1;
	return cp;
}

/* Returns 1 when XML 1.0 cannot hold code point c (or it is no valid
 * UTF-8 at all). */
static int
xml_bad(unsigned c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
	    c == 0xFFFE || c == 0xFFFF || c == 0xFFFFFFFFu;
}

/* Returns the offset of the first character XML cannot hold in s[0..len)
 * (len when none), with its code point in *cp and byte length in *n. */
static size_t
first_unsafe(const char *s, size_t len, unsigned *cp, size_t *n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		if (p[i] >= 0x20 && p[i] < 0x80) {	/* the common case */
			i++;
			continue;
		}
		*cp = decode(p + i, len - i, n);
		if (xml_bad(*cp))
			return i;
		i += *n;
	}
	return len;
}

int
vb_text_xml_unsafe(const char *s, size_t len, size_t *off, unsigned *cp)
{
	size_t n;

	*off = first_unsafe(s, len, cp, &n);
	if (*off < len && *cp == 0xFFFFFFFFu)
		*cp = 0xFFFD;
	return *off < len;
}

size_t
vb_text_xml_replace(const char *s, size_t len, char *out)
{
	size_t off, o = 0, i = 0, n;
	unsigned cp;

	while ((off = first_unsafe(s + i, len - i, &cp, &n)) < len - i) {
		memcpy(out + o, s + i, off);
		memcpy(out + o + off, "\xEF\xBF\xBD", 3);	/* U+FFFD */
		o += off + 3;
		i += off + n;
	}
	memcpy(out + o, s + i, len - i);
	out[o + len - i] = '\0';
	return o + len - i;
}

const char *
vb_text_xml_clean(vb_arena *a, const char *s)
{
	size_t len = strlen(s), off;
	unsigned cp;
	char *out;

	if (!vb_text_xml_unsafe(s, len, &off, &cp))
		return s;
	out = vb_alloc(a, len * 3 + 1);
	vb_text_xml_replace(s, len, out);
	return out;
}

size_t
vb_text_long_word(const char *s, size_t len, size_t max)
{
	size_t i, start = 0, chars = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ||
		    s[i] == '|') {
			chars = 0;
			start = i + 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80 && ++chars > max)
			return start;
	}
	return len;
}

size_t
vb_utf8_chars(const char *s, size_t nbytes)
{
	size_t i, n = 0;

	for (i = 0; i < nbytes && s[i]; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* Converts UTF-8 to a malloc'd UTF-16 string; returns NULL on error. */
static UChar *
to_utf16(const char *s, size_t len, int32_t *ulen)
{
	UErrorCode e = U_ZERO_ERROR;
	UChar *u;

	if (len > 0x3fffffff)
		return NULL;
	u_strFromUTF8(NULL, 0, ulen, s, (int32_t)len, &e);
	if (e != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(e))
		return NULL;
	if ((u = malloc(sizeof(UChar) * (size_t)(*ulen + 1))) == NULL)
		return NULL;
	e = U_ZERO_ERROR;
	u_strFromUTF8(u, *ulen + 1, NULL, s, (int32_t)len, &e);
	if (U_FAILURE(e)) {
		free(u);
		return NULL;
	}
	return u;
}

char *
vb_text_nfc(vb_arena *a, const char *s, size_t len)
{
	UErrorCode e = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&e);
	UChar *u, *n;
	int32_t ulen, nlen, olen;
	size_t i;
	char *out;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			break;
	if (i == len)	/* plain ASCII is already NFC */
		return vb_strndup(a, s, len);
	if (U_FAILURE(e) || (u = to_utf16(s, len, &ulen)) == NULL)
		return NULL;
	if (unorm2_isNormalized(nfc, u, ulen, &e) && U_SUCCESS(e)) {
		free(u);
		return vb_strndup(a, s, len);
	}
	e = U_ZERO_ERROR;
	nlen = unorm2_normalize(nfc, u, ulen, NULL, 0, &e);
	e = U_ZERO_ERROR;
	if ((n = malloc(sizeof(UChar) * (size_t)(nlen + 1))) == NULL) {
		free(u);
		return NULL;
	}
	unorm2_normalize(nfc, u, ulen, n, nlen + 1, &e);
	free(u);
	if (U_FAILURE(e)) {
		free(n);
		return NULL;
	}
	e = U_ZERO_ERROR;
	u_strToUTF8(NULL, 0, &olen, n, nlen, &e);
	out = vb_alloc(a, (size_t)olen + 1);
	e = U_ZERO_ERROR;
	u_strToUTF8(out, olen + 1, NULL, n, nlen, &e);
	free(n);
	return U_FAILURE(e) ? NULL : out;
}

/* Changes the case of s with ICU's Vietnamese rules; upper selects upper
 * case. Returns the result in the arena (s itself on failure). */
static char *
change_case(vb_arena *a, const char *s, int upper)
{
	UErrorCode e = U_ZERO_ERROR;
	UCaseMap *cm;
	int32_t n;
	char *out;

	if (s == NULL)
		return NULL;
	if ((cm = ucasemap_open("vi", 0, &e)) == NULL || U_FAILURE(e))
		return vb_strdup(a, s);
	n = upper ? ucasemap_utf8ToUpper(cm, NULL, 0, s, -1, &e)
	    : ucasemap_utf8ToLower(cm, NULL, 0, s, -1, &e);
	e = U_ZERO_ERROR;
	out = vb_alloc(a, (size_t)n + 1);
	if (upper)
		ucasemap_utf8ToUpper(cm, out, n + 1, s, -1, &e);
	else
		ucasemap_utf8ToLower(cm, out, n + 1, s, -1, &e);
	ucasemap_close(cm);
	return U_FAILURE(e) ? vb_strdup(a, s) : out;
}

char *
vb_text_upper(vb_arena *a, const char *s)
{
	return change_case(a, s, 1);
}

char *
vb_text_lower(vb_arena *a, const char *s)
{
	return change_case(a, s, 0);
}

char *
vb_text_capitalize(vb_arena *a, const char *s)
{
	size_t n = 1;
	char *first, *up;

	if (s == NULL || *s == '\0')
		return vb_strdup(a, s);
	while (((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	first = vb_strndup(a, s, n);
	up = vb_text_upper(a, first);
	return vb_sprintf(a, "%s%s", up, s + n);
}

char *
vb_text_trim(vb_arena *a, const char *s)
{
	size_t b = 0, e;

	if (s == NULL)
		return NULL;
	e = strlen(s);
	while (b < e && strchr(" \t\r\n", s[b]))
		b++;
	while (e > b && strchr(" \t\r\n", s[e - 1]))
		e--;
	return vb_strndup(a, s + b, e - b);
}

char *
vb_text_ascii(vb_arena *a, const char *s)
{
	UErrorCode e = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&e);
	UChar *u, *n;
	int32_t ulen, nlen, i;
	char *out;
	size_t o = 0;

	if (U_FAILURE(e) || (u = to_utf16(s, strlen(s), &ulen)) == NULL)
		return vb_strdup(a, "");
	nlen = unorm2_normalize(nfd, u, ulen, NULL, 0, &e);
	e = U_ZERO_ERROR;
	if ((n = malloc(sizeof(UChar) * (size_t)(nlen + 1))) == NULL) {
		free(u);
		return vb_strdup(a, "");
	}
	unorm2_normalize(nfd, u, ulen, n, nlen + 1, &e);
	free(u);
	out = vb_alloc(a, (size_t)nlen + 1);
	for (i = 0; i < nlen && U_SUCCESS(e); i++) {
		UChar ch = n[i];
		if (ch >= 0x300 && ch <= 0x36F)
			continue;	/* combining mark */
		if (ch == 0x111 || ch == 0x110)
			ch = ch == 0x111 ? 'd' : 'D';
		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9'))
			out[o++] = (char)ch;
		else if (o > 0 && out[o - 1] != '_')
			out[o++] = '_';
	}
	while (o > 0 && out[o - 1] == '_')
		o--;
	out[o] = '\0';
	free(n);
	return out;
}

size_t
vb_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, prev, tmp, row[64];

	if (la >= 63 || lb >= 63)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			row[j] = prev + (a[i - 1] != b[j - 1]);
			if (row[j] > row[j - 1] + 1)
				row[j] = row[j - 1] + 1;
			if (row[j] > tmp + 1)
				row[j] = tmp + 1;
			prev = tmp;
		}
	}
	return row[lb];
}

/* Returns s in ASCII, lower case, letters and digits only. */
char *
vb_text_fold(vb_arena *a, const char *s)
{
	char *t = vb_text_ascii(a, s), *o = t, *p;

	for (p = t; *p != '\0'; p++)
		if (isalnum((unsigned char)*p))
			*o++ = (char)tolower((unsigned char)*p);
	*o = '\0';
	return t;
}

/* Returns the index of the row of rows named closest to key, or -1. */
int
vb_text_closest(const char *key, const void *rows, size_t stride)
{
	const char *row = rows, *name;
	size_t d, bestd = 4;
	int i, best = -1;

	for (i = 0; (name = *(const char *const *)(const void *)(row +
	    (size_t)i * stride)) != NULL; i++)
		if ((d = vb_edit_distance(key, name)) < bestd) {
			bestd = d;
			best = i;
		}
	return best;
}

/* Returns item s without its "- " and its trailing trail characters. */
char *
vb_text_bare_item(vb_arena *a, const char *s, const char *trail)
{
	char *t = vb_text_trim(a, s);
	size_t n;

	if (t[0] == '-' && t[1] == ' ')
		t = vb_text_trim(a, t + 2);
	n = strlen(t);
	while (n > 0 && strchr(trail, t[n - 1]) != NULL)
		t[--n] = '\0';
	return t;
}
