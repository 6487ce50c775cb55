/* marks_read.h - the marks of the position scheme read back from the
 * text of an imported document, by their words wherever they stand: the
 * secrecy and urgency stamps (ô 10a, 10b), the circulation note (ô 11),
 * the draft mark, the drafter's initials and copies (ô 12), the agency's
 * address line (ô 13) and the form of a copy (bản sao). */
#ifndef VB_IMPORT_MARKS_READ_H
#define VB_IMPORT_MARKS_READ_H

#include "base/arena.h"

/* What a line standing alone can be. */
typedef enum imp_mark {
	IMP_MARK_NONE,		/* none of the marks */
	IMP_MARK_SECRECY,	/* "MẬT", "TỐI MẬT", "TUYỆT MẬT" (do_mat) */
	IMP_MARK_URGENCY,	/* "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC" (do_khan) */
	IMP_MARK_CIRCULATION,	/* "LƯU HÀNH NỘI BỘ", "XEM XONG TRẢ LẠI" … (luu_hanh) */
	IMP_MARK_DRAFT		/* "DỰ THẢO", "DỰ THẢO LẦN 2" (du_thao) */
} imp_mark;

/* The agency's address and contacts (ô 13). */
typedef struct imp_contacts {
	const char *address;	/* dia_chi, or NULL */
	const char *phone;	/* dien_thoai, or NULL */
	const char *fax;	/* fax, or NULL */
	const char *email;	/* email, or NULL */
	const char *website;	/* website, or NULL */
} imp_contacts;

/* Returns which mark line s is, with in *value what the front matter key
 * takes ("hỏa tốc", "lưu hành nội bộ", "co" or "lần 2" for a draft). */
imp_mark imp_mark_line(vb_arena *a, const char *s, const char **value);

/* Returns 1 when s is ô 12 as vanban and clerks write it after "Lưu":
 * "TH.(45)", "TH(45)", "(45)", setting *who (or NULL) and *copies (or
 * NULL); bare initials ("TH") only when bare is 1. */
int imp_drafter_line(vb_arena *a, const char *s, int bare, const char **who,
    const char **copies);

/* Reads the labelled contacts in text ("Địa chỉ: …", "ĐT: …", "Fax: …",
 * "E-mail: …", "Website: …", on one line or several) into c; returns how
 * many were found. */
int imp_contacts_read(vb_arena *a, const char *text, imp_contacts *c);

/* Returns the form of copy s names as the ban_sao key takes it ("sao y",
 * "sao lục", "trích sao"), or NULL. */
const char *imp_copy_form(vb_arena *a, const char *s);

/* Returns 1 when "Số: 07/SY-SGDĐT" (s, after "Số") is a copy's number,
 * setting *num (leading zeros dropped, "" when blank) and *abbrev. */
int imp_copy_number(vb_arena *a, const char *s, const char **num,
    const char **abbrev);

#endif
