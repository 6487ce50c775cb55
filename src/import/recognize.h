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
	const char *loai;	/* kind key of a document issued with this one (its own header), or NULL */
	vb_buf md;		/* its content as Markdown */
	int landscape;		/* 1 when it holds a table of 6 or more columns */
	const imp_table *sheet;	/* its last table, with merges, written as .xlsx (bang:), or NULL */
} imp_app;

/* One signer of several (a biên bản's thư ký and chủ tọa, one per
 * agency of a văn bản liên tịch). */
typedef struct imp_signer {
	const char *quyen_han;	/* KT, TM, TL, TUQ, Q or NULL */
	const char *tap_the;	/* collective after TM., or NULL */
	const char *thu_truong;	/* head's title after KT./TL./TUQ., or NULL */
	const char *chuc_vu;	/* signer's title, or NULL */
	const char *ho_ten;	/* signer's name, or NULL */
} imp_signer;

/* The parts of a copy (bản sao) under the full-width rule after the
 * copied document: the copy's own keys (ban_sao). */
typedef struct imp_copy {
	const char *form;	/* hinh_thuc: "sao y", "sao lục", "trích sao"; NULL: no copy */
	const char *so;		/* the copy's number ("7"), "" when blank */
	const char *parent;	/* copying agency's parent when not the original's, or NULL */
	const char *issuer;	/* copying agency when not the original's, or NULL */
	const char *viet_tat;	/* its abbreviation when not the original's, or NULL */
	const char *dia_danh;	/* place when not the original's, or NULL */
	int year, month, day;	/* date of the copy, 0 parts blank */
	imp_list noi_nhan;	/* the copy's recipients */
	imp_list luu;		/* the copy's "Lưu" entries */
	const char *quyen_han;	/* who signs the copy: KT, TM, TL, TUQ, Q or NULL */
	const char *tap_the;	/* collective after TM., or NULL */
	const char *thu_truong;	/* head's title after KT./TL./TUQ., or NULL */
	const char *chuc_vu;	/* signer's title, or NULL */
	const char *ho_ten;	/* signer's name, or NULL */
} imp_copy;

/* Signers side by side that one import keeps at most. */
#define IMP_MAX_SIGNERS 8

/* What the recognizer found. */
typedef struct imp_result {
	const char *loai;	/* document kind key ("ke-hoach"), or NULL */
	const char *parent;	/* co_quan_chu_quan, or NULL */
	const char *issuer;	/* co_quan, or NULL */
	const char *so;		/* number, "" when blank, NULL when no "Số" line */
	const char *viet_tat;	/* issuer abbreviation, or NULL */
	imp_list lt_issuers;	/* văn bản liên tịch: the agencies, in order (co_quan as a list) */
	imp_list lt_abbrevs;	/* văn bản liên tịch: their abbreviations (viet_tat as a list) */
	const char *don_vi;	/* công văn: drafting unit, or NULL */
	const char *dia_danh;	/* place, or NULL */
	int year, month, day;	/* issue date, 0 parts blank */
	int dated;		/* 1 when a date line was found */
	const char *trich_yeu;	/* subject, or NULL */
	const char *issued_with;	/* "Ban hành kèm theo …" of a document issued with a decision (kem_theo), or NULL */
	imp_list kinh_gui;	/* "Kính gửi" recipients */
	imp_list can_cu;	/* "Căn cứ" lines */
	const char *tham_quyen;	/* a decision's authority line when vanban would not compose it, or NULL */
	const char *de_nghi;	/* a decision's "Theo đề nghị của …" line, or NULL */
	const char *quyen_han;	/* KT, TM, TL, TUQ, Q or NULL */
	const char *thu_truong;	/* head's title after KT./TL./TUQ., or NULL */
	const char *tap_the;	/* collective after TM., or NULL */
	const char *chuc_vu;	/* signer's title, or NULL */
	const char *ho_ten;	/* signer's name, or NULL */
	imp_signer before[IMP_MAX_SIGNERS];	/* signers left of the one above, in order */
	size_t nbefore;		/* number of them (0: one signer) */
	imp_list noi_nhan;	/* recipients, without "- " and ";" */
	imp_list luu;		/* "Lưu:" entries */
	const char *do_mat;	/* secrecy mark (ô 10a), or NULL */
	const char *do_khan;	/* urgency mark (ô 10b), or NULL */
	const char *luu_hanh;	/* circulation note (ô 11), or NULL */
	const char *du_thao;	/* draft mark: "co" or its label ("lần 2"), or NULL */
	const char *nguoi_soan;	/* drafter's initials (ô 12), or NULL */
	const char *so_ban;	/* copies issued (ô 12), or NULL */
	const char *dia_chi;	/* agency's address (ô 13), or NULL */
	const char *dien_thoai;	/* its telephone, or NULL */
	const char *fax;	/* its fax, or NULL */
	const char *email;	/* its e-mail, or NULL */
	const char *website;	/* its website, or NULL */
	int muc_luc;		/* 1 when the document has a table of contents */
	imp_copy copy;		/* the copy's parts (ban_sao) */
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
	size_t pictures;	/* pictures written (![…](…)) */
} imp_result;

/* Recognizes doc into r (zeroed by the caller). */
void imp_recognize(imp_doc *doc, imp_result *r);
/* Frees the buffers of r. */
void imp_result_free(imp_result *r);

#endif
