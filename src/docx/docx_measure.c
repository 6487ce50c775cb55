/* docx_measure.c - estimates printed text widths, so the header can size
 * its rules and decide when a long place line must shrink. Widths are the
 * advance widths of Liberation Serif (metric-compatible with Times New
 * Roman) in 1/1000 em for ASCII; accented Vietnamese letters take the width
 * of their base letter, which is what these fonts do. */
#include "docx_int.h"

#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/utf8.h>

/* Advance widths of U+0020..U+007E per style: regular, bold, italic,
 * bold italic. */
static const unsigned short widths[4][95] = {
	{
		250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564,
		250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500,
		500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667,
		722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
		556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333,
		278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500,
		500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389,
		278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
	},
	{
		250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570,
		250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500,
		500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722,
		722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
		611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333,
		278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500,
		556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389,
		333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
	},
	{
		250, 333, 420, 500, 500, 833, 778, 214, 333, 333, 500, 675,
		250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500,
		500, 500, 333, 333, 675, 675, 675, 500, 920, 611, 611, 667,
		722, 611, 611, 722, 722, 333, 444, 667, 556, 833, 667, 722,
		611, 722, 611, 500, 556, 722, 611, 833, 611, 556, 556, 389,
		278, 389, 422, 500, 333, 500, 500, 444, 500, 444, 278, 500,
		500, 278, 278, 444, 278, 722, 500, 500, 500, 500, 389, 389,
		278, 500, 444, 667, 444, 444, 389, 400, 275, 400, 541,
	},
	{
		250, 389, 555, 500, 500, 833, 778, 278, 333, 333, 500, 570,
		250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500,
		500, 500, 333, 333, 570, 570, 570, 500, 832, 667, 667, 667,
		722, 667, 667, 722, 778, 389, 500, 667, 611, 889, 722, 722,
		611, 722, 667, 556, 611, 722, 667, 889, 667, 611, 611, 333,
		278, 333, 570, 500, 333, 500, 500, 444, 500, 444, 333, 500,
		556, 278, 278, 500, 278, 778, 556, 500, 500, 500, 389, 389,
		278, 556, 444, 667, 500, 444, 389, 348, 220, 348, 570,
	}
};

/* Returns the ASCII letter a Vietnamese letter is built on, or c itself. */
static UChar32
base_letter(UChar32 c)
{
	const UNormalizer2 *nfd;
	UErrorCode err = U_ZERO_ERROR;
	UChar dec[8];
	int32_t n;

	if (c == 0x0110)	/* Đ */
		return 'D';
	if (c == 0x0111)	/* đ */
		return 'd';
	nfd = unorm2_getNFDInstance(&err);
	if (U_FAILURE(err))
		return c;
	n = unorm2_getDecomposition(nfd, c, dec, 8, &err);
	if (U_FAILURE(err) || n < 1)
		return c;
	return dec[0];
}

/* Returns the width of one character in 1/1000 em. */
static unsigned
char_width(UChar32 c, int face)
{
	c = base_letter(c);
	if (c >= 0x20 && c < 0x7F)
		return widths[face][c - 0x20];
	if (c == 0x2014)	/* em dash */
		return 1000;
	(void)face;
	return 500;		/* en dash, ellipsis, anything else */
}

/* Returns the printed width of UTF-8 text in points, set in Times New
 * Roman (or a metric twin) at pt points with VB_BOLD/VB_ITALIC style. */
double
dx_text_width_pt(const char *s, double pt, unsigned style)
{
	int32_t i = 0, len;
	UChar32 c;
	int face = 0;
	double total = 0;

	if (s == NULL)
		return 0;
	if (style & VB_BOLD)
		face |= 1;
	if (style & VB_ITALIC)
		face |= 2;
	len = (int32_t)strlen(s);
	while (i < len) {
		U8_NEXT(s, i, len, c);
		if (c < 0)
			continue;
		total += char_width(c, face);
	}
	return total * pt / 1000.0;
}

/* Returns how many lines text takes when wrapped at spaces into lines of
 * width_tw twips, the first line shortened by first_tw (a hanging indent
 * makes the others shorter instead: pass a negative first_tw). */
int
dx_wrap_lines(const char *text, double pt, unsigned style, int width_tw,
    int first_tw)
{
	const char *s = text, *e;
	double line = 0, w, space = dx_text_width_pt(" ", pt, style);
	double avail;
	int n = 1;

	if (text == NULL || *text == '\0')
		return 1;
	avail = (width_tw - (first_tw > 0 ? first_tw : 0)) / 20.0;
	while (*s != '\0') {
		while (*s == ' ')
			s++;
		for (e = s; *e != '\0' && *e != ' '; e++)
			;
		if (e == s)
			break;
		{
			char word[256];
			size_t len = (size_t)(e - s) < sizeof(word) - 1 ?
			    (size_t)(e - s) : sizeof(word) - 1;

			memcpy(word, s, len);
			word[len] = '\0';
			w = dx_text_width_pt(word, pt, style);
		}
		if (line > 0 && line + space + w > avail) {
			n++;
			avail = (width_tw - (first_tw < 0 ? -first_tw : 0)) /
			    20.0;
			line = w;
		} else
			line += (line > 0 ? space : 0) + w;
		s = e;
	}
	return n;
}
