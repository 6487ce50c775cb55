/* xlsx_format.c - showing .xlsx cell values the way a Vietnamese clerk
 * sees them in the spreadsheet: number formats reduced to a few kinds,
 * Excel date serials (1900 and 1904 systems) as dd/mm/yyyy. */
#include "xlsx.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* A built-in number format. */
struct builtin {
	long id;		/* numFmtId */
	const char *code;	/* its format code */
};

const char *
vb_xlsx_builtin_fmt(long id)
{
	static const struct builtin tab[] = {
		{ 1, "0" }, { 2, "0.00" }, { 3, "#,##0" }, { 4, "#,##0.00" },
		{ 9, "0%" }, { 10, "0.00%" }, { 14, "dd/mm/yyyy" },
		{ 15, "d-mmm-yy" }, { 16, "d-mmm" }, { 17, "mmm-yy" },
		{ 18, "h:mm AM/PM" }, { 19, "h:mm:ss AM/PM" }, { 20, "h:mm" },
		{ 21, "h:mm:ss" }, { 22, "d/m/yyyy h:mm" },
		{ 37, "#,##0 ;(#,##0)" }, { 38, "#,##0 ;(#,##0)" },
		{ 39, "#,##0.00;(#,##0.00)" }, { 40, "#,##0.00;(#,##0.00)" },
		{ 45, "mm:ss" }, { 46, "[h]:mm:ss" }, { 47, "mm:ss" },
		{ 49, "@" },
	};
	size_t i;

	if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58))
		return "yyyy/mm/dd";	/* East Asian date formats */
	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (tab[i].id == id)
			return tab[i].code;
	return NULL;
}

/* What a scan of a format code found. */
struct scan {
	int date;		/* d or y seen */
	int time;		/* h or s seen (or [h]) */
	int month;		/* m seen */
	int digits;		/* a digit placeholder seen */
	int in_dec;		/* after the decimal point */
	int decimals;		/* placeholders after the point */
	int thousands;		/* "," between placeholders */
	int percent;		/* "%" seen */
	int text;		/* "@" seen */
	int exp;		/* "E+" seen */
};

/* Looks at one character c of a format code (quotes and escapes removed). */
static void
scan_char(struct scan *s, char c)
{
	switch (tolower((unsigned char)c)) {
	case 'd': case 'y':
		s->date = 1;
		break;
	case 'h': case 's':
		s->time = 1;
		break;
	case 'm':
		s->month = 1;
		break;
	case '0': case '#': case '?':
		s->digits = 1;
		if (s->in_dec)
			s->decimals++;
		break;
	case '.':
		if (s->digits)
			s->in_dec = 1;
		break;
	case ',':
		if (s->digits && !s->in_dec)
			s->thousands = 1;
		break;
	case '%':
		s->percent = 1;
		break;
	case '@':
		s->text = 1;
		break;
	case 'e':
		if (s->digits)
			s->exp = 1;
		break;
	}
}

void
vb_xlsx_fmt_classify(const char *code, vb_xlsx_fmt *f)
{
	struct scan s;
	const char *p;

	memset(&s, 0, sizeof(s));
	f->kind = VB_XF_GENERAL;
	f->decimals = 0;
	f->thousands = 0;
	if (code == NULL || strncasecmp(code, "general", 7) == 0)
		return;
	for (p = code; *p && *p != ';'; p++) {
		if (*p == '"') {
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
		} else if (*p == '\\' || *p == '_' || *p == '*') {
			if (p[1])
				p++;
		} else if (*p == '[') {
			if (strchr("hHmMsS", p[1]))
				s.time = 1;
			while (p[1] && p[1] != ']')
				p++;
			if (p[1])
				p++;
		} else if (strncasecmp(p, "AM/PM", 5) == 0) {
			p += 4;
		} else if (strncasecmp(p, "A/P", 3) == 0) {
			p += 2;
		} else {
			scan_char(&s, *p);
		}
	}
	if (s.date || (s.month && !s.time))
		f->kind = s.time ? VB_XF_DATETIME : VB_XF_DATE;
	else if (s.time)
		f->kind = VB_XF_TIME;
	else if (s.text)
		f->kind = VB_XF_TEXT;
	else if (s.exp || !s.digits)
		f->kind = VB_XF_GENERAL;
	else
		f->kind = s.percent ? VB_XF_PERCENT : VB_XF_FIXED;
	f->decimals = s.decimals > 10 ? 10 : s.decimals;
	f->thousands = s.thousands;
}

/* Returns a number with the given decimals, digits grouped by "." when
 * thousands is set, and a decimal comma. */
static char *
fixed(vb_arena *a, double v, int decimals, int thousands)
{
	char num[64], out[96];
	size_t i, n, o = 0, intlen;
	int neg = v < 0;

	snprintf(num, sizeof(num), "%.*f", decimals, fabs(v));
	n = strlen(num);
	intlen = strcspn(num, ".");
	if (neg && strspn(num, "0.") < n)
		out[o++] = '-';
	for (i = 0; i < n && o < sizeof(out) - 2; i++) {
		if (num[i] == '.') {
			out[o++] = ',';
			continue;
		}
		if (thousands && i > 0 && i < intlen && (intlen - i) % 3 == 0)
			out[o++] = '.';
		out[o++] = num[i];
	}
	out[o] = '\0';
	return vb_strdup(a, out);
}

/* Returns v in its shortest exact form with a decimal comma. */
static char *
general(vb_arena *a, double v)
{
	char num[64], *p;

	if (v == floor(v) && fabs(v) < 1e15)
		snprintf(num, sizeof(num), "%.0f", v == 0 ? 0.0 : v);
	else
		snprintf(num, sizeof(num), "%.15g", v);
	if ((p = strchr(num, '.')) != NULL)
		*p = ',';
	return vb_strdup(a, num);
}

/* Stores in y, m, d the civil date of day z counted from 1970-01-01. */
static void
civil(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Returns the date part of serial day n (1900 system) as dd/mm/yyyy. */
static char *
date_text(vb_arena *a, long n)
{
	int y, m, d;

	if (n == 60)	/* Excel's 29 February 1900, which never was */
		return vb_strdup(a, "29/02/1900");
	/* serial 1 is 1900-01-01; from 61 on, Excel counts the phantom day */
	civil(n < 60 ? n - 25568 : n - 25569, &y, &m, &d);
	return vb_sprintf(a, "%02d/%02d/%04d", d, m, y);
}

char *
vb_xlsx_format(vb_arena *a, double v, const vb_xlsx_fmt *f, int date1904)
{
	double days, secs;
	long n, s;

	switch (f->kind) {
	case VB_XF_FIXED:
		return fixed(a, v, f->decimals, f->thousands);
	case VB_XF_PERCENT:
		return vb_sprintf(a, "%s%%",
		    fixed(a, v * 100, f->decimals, f->thousands));
	case VB_XF_DATE: case VB_XF_TIME: case VB_XF_DATETIME:
		break;
	default:
		return general(a, v);
	}
	if (!(v >= 0 && v < 2958466) || (f->kind != VB_XF_TIME && v < 1))
		return general(a, v);
	days = floor(v);
	secs = floor((v - days) * 86400 + 0.5);
	n = (long)days + (date1904 ? 1462 : 0);
	s = (long)secs;
	if (s >= 86400) {
		s -= 86400;
		n++;
	}
	if (f->kind == VB_XF_TIME)
		return vb_sprintf(a, "%02ld:%02ld", s / 3600, s / 60 % 60);
	if (f->kind == VB_XF_DATE)
		return date_text(a, n);
	return vb_sprintf(a, "%s %02ld:%02ld", date_text(a, n), s / 3600,
	    s / 60 % 60);
}
