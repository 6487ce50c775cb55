/* date.c - issue dates: parsing the front matter form and printing the
 * Decree 30 form "ngày 05 tháng 3 năm 2020". */
#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

int
vb_date_exists(int y, int m, int d)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int max;

	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1)
		return 0;
	max = days[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return d <= max;
}

/* Reads exactly n digits at *s into *v; returns 0 or -1. */
static int
digits(const char **s, int n, int *v)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*s)[i]))
			return -1;
		*v = *v * 10 + ((*s)[i] - '0');
	}
	*s += n;
	return 0;
}

int
vb_date_parse(const char *s, vb_date *d)
{
	memset(d, 0, sizeof(*d));
	while (*s == ' ')
		s++;
	if (*s == '\0')
		return 0;
	if (digits(&s, 4, &d->year) < 0 || d->year < 1900 || d->year > 2999)
		return -1;
	if (*s == '\0')
		return 0;
	if (*s++ != '-' || digits(&s, 2, &d->month) < 0 || d->month < 1 ||
	    d->month > 12)
		return -1;
	if (*s == '\0')
		return 0;
	if (*s++ != '-' || digits(&s, 2, &d->day) < 0)
		return -1;
	while (*s == ' ')
		s++;
	if (*s != '\0' || !vb_date_exists(d->year, d->month, d->day))
		return -1;
	return 0;
}

char *
vb_date_words(vb_arena *a, const vb_date *d)
{
	char day[8], month[8], year[8];

	/* Blanks are wide enough to write the number in by hand. */
	if (d->day)
		snprintf(day, sizeof(day), "%02d", d->day);
	else
		snprintf(day, sizeof(day), "   ");
	if (d->month)
		snprintf(month, sizeof(month), d->month <= 2 ? "%02d" : "%d",
		    d->month);
	else
		snprintf(month, sizeof(month), "   ");
	if (d->year)
		snprintf(year, sizeof(year), "%d", d->year);
	else
		snprintf(year, sizeof(year), "    ");
	return vb_sprintf(a, "ngày %s tháng %s năm %s", day, month, year);
}
