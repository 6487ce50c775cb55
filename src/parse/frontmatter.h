/* frontmatter.h - the YAML front matter: what the header, signature,
 * recipients and appendices need, read with libyaml and checked. */
#ifndef VB_FRONTMATTER_H
#define VB_FRONTMATTER_H

#include <stddef.h>

#include "base/arena.h"
#include "base/diag.h"
#include "model/profile.h"

/* Where a value was written, for messages. */
typedef struct vb_pos {
	int line;		/* 1-based line in the file, 0 when absent */
	int col;		/* 1-based column in characters */
} vb_pos;

/* A list of strings from a YAML sequence (or a single scalar). */
typedef struct vb_strlist {
	const char **items;	/* the strings, NFC */
	vb_pos *pos;		/* where each was written */
	size_t n;		/* number of strings */
} vb_strlist;

/* One entry of "phu_luc". */
typedef struct vb_appx_src {
	const char *title;	/* tieu_de, or NULL */
	const char *file;	/* noi_dung: Markdown file relative to the document */
	const char *table;	/* bang: .xlsx/.csv/.tsv table source, or NULL */
	const char *sheet;	/* trang_tinh: sheet name in an .xlsx, or NULL */
	int tasks;		/* nhiem_vu: 1 to build the task table from the body */
	int orient;		/* huong: -1 automatic, 0 portrait, 1 landscape */
	vb_pos pos;		/* where the entry starts */
	vb_pos file_pos;	/* where noi_dung's value is */
	vb_pos table_pos;	/* where bang's value is */
} vb_appx_src;

/* The signature keys under "ky". */
typedef struct vb_sign_src {
	const char *authority;	/* quyen_han: KT, TM, TL, TUQ, Q or NULL */
	const char *collective;	/* tap_the: the body signed for with TM */
	const char *head;	/* thu_truong: the head's title (KT., TL., TUQ.) */
	const char *title;	/* chuc_vu: the signer's own title */
	const char *name;	/* ho_ten: the signer's name */
	vb_pos pos;		/* where "ky" is */
} vb_sign_src;

/* The copy's keys under "ban_sao" (nd30.md §2.7). */
typedef struct vb_copy_src {
	const char *form;	/* hinh_thuc: sao-y, sao-luc, trich-sao */
	vb_pos form_pos;	/* where hinh_thuc's value is */
	const char *parent;	/* co_quan_chu_quan of the copying agency */
	const char *issuer;	/* co_quan: the copying agency */
	const char *abbrev;	/* viet_tat of the copying agency */
	const char *number;	/* so: the copy's number */
	vb_pos number_pos;	/* where so is */
	const char *place;	/* dia_danh */
	const char *date;	/* ngay */
	vb_pos date_pos;	/* where ngay is */
	vb_strlist recipients;	/* noi_nhan */
	vb_strlist archive;	/* luu */
	vb_sign_src sign;	/* ky */
	vb_pos pos;		/* where "ban_sao" is; line 0 when absent */
} vb_copy_src;

/* The marks' keys (nd30.md §2.1): ô 10a, 10b, 11, 12, 13, the draft mark
 * and the table of contents, as written. */
typedef struct vb_marks_src {
	const char *secrecy;	/* do_mat */
	vb_pos secrecy_pos;	/* where do_mat's value is */
	const char *urgency;	/* do_khan */
	vb_pos urgency_pos;	/* where do_khan's value is */
	const char *circulation; /* luu_hanh */
	vb_pos circulation_pos;	/* where luu_hanh's value is */
	const char *draft;	/* du_thao: "co" or a label such as "lần 2" */
	vb_pos draft_pos;	/* where du_thao's value is */
	const char *drafter;	/* nguoi_soan: the drafter's initials */
	const char *copies;	/* so_ban: copies issued */
	vb_pos copies_pos;	/* where so_ban's value is */
	const char *address;	/* dia_chi */
	const char *phone;	/* dien_thoai */
	const char *fax;	/* fax */
	const char *email;	/* email */
	const char *website;	/* website */
	const char *toc;	/* muc_luc: "co" for a table of contents */
	vb_pos toc_pos;		/* where muc_luc's value is */
} vb_marks_src;

/* Everything the front matter says. */
typedef struct vb_meta {
	const char *kind;	/* loai */
	vb_pos kind_pos;	/* where loai is */
	const char *parent;	/* co_quan_chu_quan */
	const char *issuer;	/* co_quan; several agencies (a list: a joint
				 * document, liên tịch) joined by '\n' */
	size_t joint;		/* number of agencies when co_quan is a list, else 0 */
	vb_pos issuer_pos;	/* where co_quan is */
	const char *abbrev;	/* viet_tat; a list joined by '-' ("SGDĐT-TĐ") */
	vb_pos abbrev_pos;	/* where viet_tat is */
	const char *number;	/* so, as written ("" in a draft) */
	vb_pos number_pos;	/* where so is */
	const char *unit;	/* don_vi (công văn symbol) */
	const char *place;	/* dia_danh */
	const char *date;	/* ngay, as written */
	vb_pos date_pos;	/* where ngay is */
	const char *subject;	/* trich_yeu */
	vb_strlist to;		/* kinh_gui */
	vb_strlist bases;	/* can_cu */
	const char *authority;	/* tham_quyen: the issuing authority of a quyết định
				 * or nghị quyết, when not composed from ky and co_quan */
	const char *proposal;	/* de_nghi: "Theo đề nghị của …" after the bases */
	const char *with;	/* kem_theo: the file of the quyết định this document
				 * is issued with (ban hành kèm theo), or NULL */
	vb_pos with_pos;	/* where kem_theo's value is */
	vb_strlist recipients;	/* noi_nhan */
	vb_pos recipients_pos;	/* where noi_nhan is */
	vb_strlist archive;	/* luu */
	vb_sign_src *signers;	/* ky: one mapping, or a list of them (biên bản:
				 * thư ký and chủ tọa; liên tịch: one per agency),
				 * in the order printed, left to right */
	size_t nsigners;	/* number of signers (0 when ky is absent) */
	vb_pos sign_pos;	/* where ky is */
	vb_appx_src *appx;	/* phu_luc entries */
	size_t nappx;		/* number of phu_luc entries */
	vb_profile profile;	/* house profile with trinh_bay applied */
	vb_marks_src marks;	/* do_mat, do_khan, luu_hanh, du_thao, … */
	vb_copy_src copy;	/* ban_sao */
	const char *old_year;	/* nam_cu: year of the document this draft was
				 * made from ("2024"); check warns on each mention */
	vb_pos old_year_pos;	/* where nam_cu is */
} vb_meta;

/* Parses the front matter text yaml[0..len) of file, whose first line is
 * line first_line of the file. Fills m; returns 0, or -1 after adding
 * errors to d. */
int vb_frontmatter_parse(vb_arena *a, const char *file, const char *yaml,
    size_t len, int first_line, vb_meta *m, vb_diags *d);

/* Same as vb_frontmatter_parse, but starts from base (the agency
 * profile's keys, see agency.h) instead of nothing: a key the front matter
 * writes replaces base's (ky and phu_luc as a whole, trinh_bay setting by
 * setting); the keys it leaves out keep base's values, with no position.
 * base NULL is vb_frontmatter_parse. */
int vb_frontmatter_parse_over(vb_arena *a, const char *file, const char *yaml,
    size_t len, int first_line, const vb_meta *base, vb_meta *m, vb_diags *d);

/* Returns the known key closest to key, for "did you mean", or NULL. */
const char *vb_frontmatter_suggest(const char *key);

#endif
