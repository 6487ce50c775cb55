/* xlsx.h - number formats of .xlsx cells: which cells are dates, and how
 * numbers are shown (Vietnamese conventions: decimal comma, "." between
 * thousands when the format groups them, dates dd/mm/yyyy). Used by xlsx.c. */
#ifndef VB_XLSX_H
#define VB_XLSX_H

#include "base/arena.h"

/* How a number format shows a value. */
typedef enum vb_xlsx_kind {
	VB_XF_GENERAL,		/* shortest exact form: 12, 3,5 */
	VB_XF_FIXED,		/* fixed decimals, maybe grouped: 1.500,00 */
	VB_XF_PERCENT,		/* times 100 with "%": 25% */
	VB_XF_DATE,		/* dd/mm/yyyy */
	VB_XF_TIME,		/* hh:mm */
	VB_XF_DATETIME,		/* dd/mm/yyyy hh:mm */
	VB_XF_TEXT		/* "@": shown like General */
} vb_xlsx_kind;

/* A cell format of xl/styles.xml (one <xf> of <cellXfs>), reduced to what
 * vanban shows. */
typedef struct vb_xlsx_fmt {
	vb_xlsx_kind kind;	/* how the value is shown */
	int decimals;		/* digits after the decimal comma (FIXED, PERCENT) */
	int thousands;		/* 1 when digits are grouped by thousands */
	unsigned style;		/* VB_BOLD | VB_ITALIC from the cell's font */
} vb_xlsx_fmt;

/* Fills f->kind, decimals and thousands from a format code such as
 * "dd/mm/yyyy" or "#,##0.00" (NULL: General); leaves f->style alone. */
void vb_xlsx_fmt_classify(const char *code, vb_xlsx_fmt *f);
/* Returns the format code of a built-in numFmtId, or NULL (General). */
const char *vb_xlsx_builtin_fmt(long id);
/* Returns value v shown with format f; date1904 selects the 1904 date
 * system. Dates out of Excel's range are shown as numbers. */
char *vb_xlsx_format(vb_arena *a, double v, const vb_xlsx_fmt *f,
    int date1904);

#endif
