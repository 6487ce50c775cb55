/* date.h - issue dates as Decree 30 writes them, blanks kept for drafts. */
#ifndef VB_DATE_H
#define VB_DATE_H

#include "arena.h"

/* A date that may be partly unknown (a draft awaiting its issue day). */
typedef struct vb_date {
	int year;	/* 0 when blank */
	int month;	/* 1-12, 0 when blank */
	int day;	/* 1-31, 0 when blank */
} vb_date;

/* Parses "2024-01-19", "2024-01", "2024" or ""; returns 0, or -1 when the
 * text is not such a date or the date does not exist. */
int vb_date_parse(const char *s, vb_date *d);
/* Returns "ngày 19 tháng 01 năm 2024", with blanks for unknown parts. */
char *vb_date_words(vb_arena *a, const vb_date *d);
/* Returns 1 when the day exists in that month of that year. */
int vb_date_exists(int y, int m, int d);

#endif
