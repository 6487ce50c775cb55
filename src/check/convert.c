/* convert.c - recognising legacy-encoded Vietnamese (TCVN3, VNI) and
 * rewriting it as Unicode NFC. The code tables are in legacy_tables.c. */
#include "convert.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/text.h"
#include "legacy_tables.h"

/* A window of three characters of the input, as legacy codes: a code is
 * the legacy byte 0-255, -1 for a character above, ' ' outside the text. */
struct window {
	int prev;		/* the character before */
	int cur;		/* the character looked at */
	int next;		/* the character after */
	size_t off;		/* byte offset of cur */
};

/* Decodes the UTF-8 character at s[*i] (valid UTF-8 assumed) and advances
 * *i; returns its code point. */
static unsigned
utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	unsigned cp = p[0];
	size_t n = cp < 0x80 ? 0 : cp < 0xE0 ? 1 : cp < 0xF0 ? 2 : 3, k;

	if (n > 0)
		cp &= 0x3F >> n;
	for (k = 1; k <= n && *i + k < len; k++)
		cp = (cp << 6) | (p[k] & 0x3F);
	*i += n + 1;
	return cp;
}

/* Appends code point cp to b as UTF-8. */
static void
put_utf8(vb_buf *b, unsigned cp)
{
	char u[4];

	if (cp < 0x80) {
		vb_buf_putc(b, (char)cp);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		vb_buf_put(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		vb_buf_put(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		vb_buf_put(b, u, 4);
	}
}

/* Returns the legacy code of code point cp: itself below 0x80, the
 * Windows-1252 byte it shows, or -1. */
static int
code_of(unsigned cp)
{
	return cp < 0x80 ? (int)cp : vb_cp1252_byte(cp);
}

/* Returns the legacy code of the character at s[*i] and advances *i;
 * ' ' at the end. */
static int
next_code(const char *s, size_t len, int utf8, size_t *i)
{
	if (*i >= len)
		return ' ';
	return utf8 ? code_of(utf8_next(s, len, i)) : (unsigned char)s[(*i)++];
}

/* Returns 1 when code is an ASCII letter. */
static int
ascii_letter(int code)
{
	return (code >= 'a' && code <= 'z') || (code >= 'A' && code <= 'Z');
}

/* Returns 1 when code is an ASCII vowel. */
static int
ascii_vowel(int code)
{
	return code > 0 && code < 0x80 && strchr("aeiouyAEIOUY", code) != NULL;
}

/* Returns 1 when the character looked at is a typical TCVN3 letter code
 * next to a Latin letter (inside one for ô and ằ, which are also the
 * quotes « »): ă â ê ô ơ ư đ and the a-tones live where no Vietnamese
 * Unicode letter does (0xA1-0xBE). */
static int
tcvn3_sign(const struct window *w)
{
	int k = w->cur, before = ascii_letter(w->prev), after = ascii_letter(w->next);

	if (!((k >= 0xA1 && k <= 0xAE) || (k >= 0xB5 && k <= 0xB9) ||
	    (k >= 0xBB && k <= 0xBE)))
		return 0;
	if (k == 0xAB || k == 0xBB)	/* « » are quotes at a word's edge */
		return before && after;
	return before || after;
}

/* Returns 1 when the character looked at is a typical VNI mark after a vowel (ø û ï ù õ: the
 * tones; â after a, e, o; ä ë), or ñ (đ) starting a word before a vowel. */
static int
vni_sign(const struct window *w)
{
	int k = w->cur, p = w->prev;

	switch (k) {
	case 0xF8: case 0xFB: case 0xEF: case 0xD8: case 0xDB: case 0xCF:
	case 0xF9: case 0xD9: case 0xF5: case 0xD5:
		return ascii_vowel(p) || p == 0xF4 || p == 0xF6 ||
		    p == 0xD4 || p == 0xD6;
	case 0xE2: case 0xC2:
		return p > 0 && p < 0x80 && strchr("aeoAEO", p) != NULL;
	case 0xE4: case 0xC4: case 0xEB: case 0xCB:
		return ascii_vowel(p);
	case 0xF1: case 0xD1:
		return !ascii_letter(p) && p < 0x80 && ascii_vowel(w->next) &&
		    w->next != 'y' && w->next != 'Y';
	default:
		return 0;
	}
}

vb_legacy
vb_legacy_guess(const char *s, size_t len, int utf8, size_t *at)
{
	size_t i = 0, nt = 0, nv = 0, ft = 0, fv = 0, need = utf8 ? 2 : 1, noff;
	struct window w = {' ', ' ', ' ', 0};
	vb_legacy r = VB_LEGACY_NONE;

	noff = i;
	w.next = next_code(s, len, utf8, &i);
	while (noff < len) {
		w.prev = w.cur;
		w.cur = w.next;
		w.off = noff;
		noff = i;
		w.next = next_code(s, len, utf8, &i);
		if (tcvn3_sign(&w) && nt++ == 0)
			ft = w.off;
		if (vni_sign(&w) && nv++ == 0)
			fv = w.off;
	}
	if (nt >= need && nt > nv)
		r = VB_LEGACY_TCVN3;
	else if (nv >= need && nv >= nt)
		r = VB_LEGACY_VNI;
	if (at)
		*at = r == VB_LEGACY_TCVN3 ? ft : fv;
	return r;
}

const char *
vb_legacy_name(vb_legacy enc)
{
	return enc == VB_LEGACY_TCVN3 ? "TCVN3 (ABC)" :
	    enc == VB_LEGACY_VNI ? "VNI" : "Unicode";
}

const char *
vb_legacy_key(vb_legacy enc)
{
	return enc == VB_LEGACY_TCVN3 ? "tcvn3" : enc == VB_LEGACY_VNI ? "vni" : "";
}

vb_legacy
vb_legacy_from_key(const char *key)
{
	if (strcmp(key, "tcvn3") == 0 || strcmp(key, "abc") == 0 ||
	    strcmp(key, "TCVN3") == 0)
		return VB_LEGACY_TCVN3;
	if (strcmp(key, "vni") == 0 || strcmp(key, "VNI") == 0)
		return VB_LEGACY_VNI;
	return VB_LEGACY_NONE;
}

/* Returns 1 for a letter only Unicode Vietnamese has (ă đ ĩ ũ ơ ư and the
 * U+1EA0 block) or a combining tone mark. */
static int
vn_unicode(unsigned cp)
{
	static const unsigned extra[] = {0x102, 0x103, 0x110, 0x111, 0x128,
	    0x129, 0x168, 0x169, 0x1A0, 0x1A1, 0x1AF, 0x1B0};
	size_t i;

	if ((cp >= 0x1EA0 && cp <= 0x1EF9) || (cp >= 0x300 && cp <= 0x323))
		return 1;
	for (i = 0; i < sizeof(extra) / sizeof(extra[0]); i++)
		if (cp == extra[i])
			return 1;
	return 0;
}

/* Returns 1 for a character U+0080-U+00FF that Vietnamese Unicode text
 * does not use (so it must stand for a legacy byte). */
static int
foreign_latin1(unsigned cp)
{
	static const char vn[] = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý";
	char u[3];

	if (cp < 0xA1 || cp > 0xFF)
		return 0;
	u[0] = (char)(0xC0 | cp >> 6);
	u[1] = (char)(0x80 | (cp & 0x3F));
	u[2] = '\0';
	return strstr(vn, u) == NULL;
}

/* Returns 1 when s[0..len) holds Unicode Vietnamese. */
static int
has_vn_unicode(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len)
		if (vn_unicode(utf8_next(s, len, &i)))
			return 1;
	return 0;
}

/* Returns 1 when the pasted line s[0..len) should be converted: it shows
 * a legacy sign and no Unicode Vietnamese. */
static int
line_is_legacy(const char *s, size_t len)
{
	size_t i = 0;
	int sign = 0;
	unsigned cp;

	while (i < len) {
		cp = utf8_next(s, len, &i);
		if (vn_unicode(cp))
			return 0;
		sign |= foreign_latin1(cp);
	}
	return sign;
}

/* Appends the conversion of one pasted UTF-8 line to out. */
static void
convert_line(vb_buf *out, vb_legacy enc, const char *s, size_t len)
{
	size_t i = 0, start;
	const char *t;
	unsigned cp;
	int b;

	while (i < len) {
		start = i;
		cp = utf8_next(s, len, &i);
		b = code_of(cp);
		if (b >= 0x80 && (t = vb_legacy_byte(enc, (unsigned char)b)))
			vb_buf_puts(out, t);
		else
			vb_buf_put(out, s + start, i - start);
	}
}

/* Appends the conversion of raw legacy bytes to out. */
static void
convert_bytes(vb_buf *out, vb_legacy enc, const char *s, size_t len)
{
	unsigned char b;
	const char *t;
	size_t i;

	for (i = 0; i < len; i++) {
		b = (unsigned char)s[i];
		if (b < 0x80)
			vb_buf_putc(out, (char)b);
		else if ((t = vb_legacy_byte(enc, b)) != NULL)
			vb_buf_puts(out, t);
		else
			put_utf8(out, vb_cp1252_char(b));
	}
}

/* Converts pasted UTF-8 text line by line; returns the lines changed. */
static size_t
convert_text(vb_buf *out, vb_legacy enc, const char *s, size_t len)
{
	int all = !has_vn_unicode(s, len);
	size_t i = 0, e, before, changed = 0;

	while (i < len) {
		for (e = i; e < len && s[e] != '\n'; e++)
			;
		before = out->len;
		if (all || line_is_legacy(s + i, e - i))
			convert_line(out, enc, s + i, e - i);
		else
			vb_buf_put(out, s + i, e - i);
		if (out->len - before != e - i ||
		    memcmp(out->data + before, s + i, e - i) != 0)
			changed++;
		if (e < len)
			vb_buf_putc(out, '\n');
		i = e + 1;
	}
	return changed;
}

/* Returns the number of lines of s[0..len) with a byte above 0x7F. */
static size_t
count_8bit_lines(const char *s, size_t len)
{
	size_t i, n = 0;
	int hit = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '\n') {
			n += hit;
			hit = 0;
		} else if ((unsigned char)s[i] >= 0x80)
			hit = 1;
	}
	return n + hit;
}

char *
vb_legacy_convert(vb_arena *a, vb_legacy enc, const char *data, size_t len,
    size_t *outlen, size_t *changed)
{
	vb_buf out = {0};
	char *r;

	*changed = 0;
	if (vb_utf8_valid(data, len, NULL))
		*changed = convert_text(&out, enc, data, len);
	else {
		convert_bytes(&out, enc, data, len);
		*changed = count_8bit_lines(data, len);
	}
	if (out.data == NULL && vb_buf_put(&out, "", 0) < 0)
		return NULL;
	r = vb_text_nfc(a, out.data, out.len);
	vb_buf_free(&out);
	if (r)
		*outlen = strlen(r);
	return r;
}
