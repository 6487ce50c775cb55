/* recognize.h - finding the Decree 30 parts in an imported document: the
 * header block, type name, trích yếu, Kính gửi, Căn cứ, body, signature,
 * Nơi nhận and appendices, written as vanban front matter and Markdown. */
#ifndef VB_IMPORT_RECOGNIZE_H
#define VB_IMPORT_RECOGNIZE_H

#include "base/buf.h"
#include "ir.h"

/* A list of strings. */
typedef struct imp_list {
	const char **s;		/* the strings */
	size_t n;		/* number of strings */
	size_t cap;		/* allocated strings */
} imp_list;

/* One appendix. */
typedef struct imp_app {
	const char *title;	/* title as found (may be upper case), or NULL */
	vb_buf md;		/* its content as Markdown */
	int landscape;		/* 1 when it holds a table of 6 or more columns */
	const imp_table *sheet;	/* its last table, with merges, written as .xlsx (bang:), or NULL */
} imp_app;

/* What the recognizer found. */
typedef struct imp_result {
	const char *loai;	/* document kind key ("ke-hoach"), or NULL */
	const char *parent;	/* co_quan_chu_quan, or NULL */
	const char *issuer;	/* co_quan, or NULL */
	const char *so;		/* number, "" when blank, NULL when no "Số" line */
	const char *viet_tat;	/* issuer abbreviation, or NULL */
	const char *don_vi;	/* công văn: drafting unit, or NULL */
	const char *dia_danh;	/* place, or NULL */
	int year, month, day;	/* issue date, 0 parts blank */
	int dated;		/* 1 when a date line was found */
	const char *trich_yeu;	/* subject, or NULL */
	imp_list kinh_gui;	/* "Kính gửi" recipients */
	imp_list can_cu;	/* "Căn cứ" lines */
	const char *quyen_han;	/* KT, TM, TL, TUQ, Q or NULL */
	const char *thu_truong;	/* head's title after KT./TL./TUQ., or NULL */
	const char *tap_the;	/* collective after TM., or NULL */
	const char *chuc_vu;	/* signer's title, or NULL */
	const char *ho_ten;	/* signer's name, or NULL */
	imp_list noi_nhan;	/* recipients, without "- " and ";" */
	imp_list luu;		/* "Lưu:" entries */
	vb_buf body;		/* the body as Markdown */
	imp_app *apps;		/* appendices */
	size_t napps;		/* number of appendices */
	size_t appcap;		/* allocated appendices */
	vb_buf unplaced;	/* what could not be placed, one line each */
	size_t headings;	/* headings found */
	size_t items;		/* list items found */
	size_t tables;		/* tables found */
	size_t merged;		/* tables with merged cells written as Markdown (lossy) */
	size_t notes;		/* footnotes written */
} imp_result;

/* Recognizes doc into r (zeroed by the caller). */
void imp_recognize(imp_doc *doc, imp_result *r);
/* Frees the buffers of r. */
void imp_result_free(imp_result *r);

#endif
