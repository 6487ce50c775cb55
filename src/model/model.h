/* model.h - the document model: a Decree 30 administrative document as the
 * renderers see it. The parser (frontmatter.c, body.c, document.c) builds it;
 * the DOCX and PDF renderers only read it. Every string is NFC UTF-8 and
 * already composed the way it is printed (upper-cased, numbered, punctuated),
 * so a renderer decides only where and how large things go. All memory
 * belongs to the document's arena. */
#ifndef VB_MODEL_H
#define VB_MODEL_H

#include <stddef.h>

#include "base/arena.h"
#include "base/date.h"
#include "doctype.h"
#include "profile.h"

/* Character style flags of a run. */
enum {
	VB_BOLD = 1 << 0,	/* bold */
	VB_ITALIC = 1 << 1,	/* italic */
	VB_UNDERLINE = 1 << 2,	/* underlined (raw <u>) */
	VB_STRIKE = 1 << 3,	/* struck through (~~x~~) */
	VB_CODE = 1 << 4,	/* inline code, set in the body font */
	VB_SUPER = 1 << 5,	/* superscript (raw <sup>) */
	VB_SUB = 1 << 6		/* subscript (raw <sub>) */
};

/* What a run is. */
typedef enum vb_run_kind {
	VB_RUN_TEXT,		/* text in one style */
	VB_RUN_BREAK,		/* hard line break inside the paragraph */
	VB_RUN_NOTE		/* footnote reference mark */
} vb_run_kind;

/* A piece of a paragraph in one style. */
typedef struct vb_run {
	vb_run_kind kind;	/* text, break or footnote mark */
	unsigned style;		/* VB_BOLD | VB_ITALIC | … */
	const char *text;	/* the text (VB_RUN_TEXT), else NULL */
	const char *href;	/* link target when the run is a link, else NULL */
	int note;		/* footnote number, 1-based (VB_RUN_NOTE) */
} vb_run;

/* The content of one paragraph: runs in reading order. */
typedef struct vb_inline {
	vb_run *runs;		/* the runs */
	size_t n;		/* number of runs */
} vb_inline;

/* Horizontal alignment. */
typedef enum vb_align {
	VB_ALIGN_DEFAULT,	/* body: justified; table cell: left */
	VB_ALIGN_LEFT,		/* flush left */
	VB_ALIGN_CENTER,	/* centred */
	VB_ALIGN_RIGHT		/* flush right */
} vb_align;

/* One table cell. A cell covered by a span of another has colspan 0. */
typedef struct vb_cell {
	vb_inline *paras;	/* lines of the cell, each its own paragraph */
	size_t npara;		/* number of lines (0: empty cell) */
	int colspan;		/* columns this cell covers (1 = normal, 0 = covered) */
	int rowspan;		/* rows this cell covers (1 = normal) */
	int covered;		/* 1 when covered by a rowspan from above */
	vb_align align;		/* alignment of the cell text */
} vb_cell;

/* One table row. */
typedef struct vb_row {
	vb_cell *cells;		/* exactly ncols cells */
	int header;		/* 1 for heading rows (bold, repeated on each page) */
	int group;		/* 1 for a group row (bold, spans the table) */
} vb_row;

/* A table: rows of cells with column widths measured from the content. */
typedef struct vb_table {
	size_t ncols;		/* number of columns */
	size_t nrows;		/* number of rows, heading rows included */
	vb_row *rows;		/* the rows, heading rows first */
	size_t header_rows;	/* how many leading rows are heading rows */
	double *width;		/* share of the table width per column, sums to 1 */
	vb_align *align;	/* column alignment from the Markdown delimiter row */
} vb_table;

/* What a block is. */
typedef enum vb_block_kind {
	VB_BLOCK_HEADING,	/* numbered section heading */
	VB_BLOCK_PARA,		/* body paragraph */
	VB_BLOCK_ITEM,		/* list item paragraph ("- …", "+ …", "1. …") */
	VB_BLOCK_TABLE,		/* table */
	VB_BLOCK_CODE,		/* preformatted text, one run per line */
	VB_BLOCK_QUOTE,		/* quoted paragraph (indented, italic) */
	VB_BLOCK_RULE,		/* thematic break: a short centred rule */
	/* Scheme (a) of nd30.md §2.3 (quy chế, quy định, quyết định …),
	 * recognised by their words and numbered by model/scheme.c: */
	VB_BLOCK_DIVISION,	/* Phần, Chương, Mục, Tiểu mục: number is the
				 * label line ("Chương I"), text its title, upper-cased;
				 * both centred bold, the title on the next line */
	VB_BLOCK_ARTICLE,	/* Điều: number is "Điều 1.", bold at the body
				 * indent; text is its title (titled: bold, kept
				 * with what follows) or the article's sentence */
	VB_BLOCK_IMAGE,		/* a picture on its own line, its caption in text */
	VB_BLOCK_PAGEBREAK,	/* an explicit page break ("\\newpage") */
	VB_BLOCK_TOC		/* the table of contents (muc_luc: co) */
} vb_block_kind;

/* Formats of a picture. */
typedef enum vb_image_format {
	VB_IMAGE_PNG,		/* PNG */
	VB_IMAGE_JPEG		/* baseline or progressive JPEG */
} vb_image_format;

/* A picture of the body, read and checked when the model is built
 * (image.c): the renderers only place its bytes. */
typedef struct vb_image {
	const char *src;	/* file name as written, relative to the document */
	const char *alt;	/* its caption as plain text ("" when none) */
	const unsigned char *data; /* the file's bytes (in the arena) */
	size_t len;		/* their number */
	vb_image_format format;	/* PNG or JPEG */
	int px_w;		/* width in pixels, from the file's header */
	int px_h;		/* height in pixels */
	double w_mm;		/* printed width: 96 dpi, at most the text width */
	double h_mm;		/* printed height, same scale */
	int index;		/* 1-based number in the document (word/media/imageN) */
} vb_image;

/* One entry of the table of contents. */
typedef struct vb_toc_entry {
	const char *text;	/* the heading as printed: "I. MỤC TIÊU" */
	int level;		/* 1 for # headings, 2 for ## (deeper ones are left out) */
	const char *anchor;	/* bookmark name of the heading ("_Toc_vb_3") */
	int part;		/* 0 for the body, i + 1 for appendix i */
} vb_toc_entry;

/* One block of the body or of an appendix, in reading order. Nested
 * Markdown structure (lists in lists, paragraphs in items) is flattened:
 * each paragraph is its own block with its depth in level. */
typedef struct vb_block {
	vb_block_kind kind;	/* heading, paragraph, item, … */
	const char *file;	/* source file */
	int line;		/* 1-based source line, 0 when unknown */
	int col;		/* 1-based source column, 0 when unknown */
	int level;		/* heading: 1 (I.), 2 (1.), 3 (a)), 4+; item: list depth from 0;
				 * division: 1 Phần, 2 Chương, 3 Mục, 4 Tiểu mục; article: 5 */
	int titled;		/* article: 1 when text is a title (a Markdown heading) */
	const char *number;	/* heading: "I.", "1.", "a)" or NULL; item: marker "-", "+", "3." */
	int label;		/* heading: 1 when number is an automatic label set apart from the text (a list number in Word), 0 when it is part of the text (written by the user, or a letter Word's lists cannot count: đ) …) */
	int list;		/* item: id of its ordered list (>0), 0 for bullets */
	int ordinal;		/* item: its number in an ordered list */
	int continued;		/* item: 1 for a second paragraph of the same item (no marker) */
	vb_inline text;		/* content of headings, paragraphs, items, quotes, code */
	vb_table *table;	/* VB_BLOCK_TABLE: the table (NULL until a spreadsheet's is read) */
	const char *sheet_file;	/* VB_BLOCK_TABLE read from a spreadsheet ("![](bang.xlsx)"): its file, else NULL */
	const char *sheet_name;	/* that .xlsx's sheet (the alternative text), or NULL for the first */
	vb_align align;		/* paragraph alignment */
	vb_image *image;	/* VB_BLOCK_IMAGE: the picture */
	const char *anchor;	/* heading listed in the table of contents: its bookmark, else NULL */
} vb_block;

/* A footnote. Numbers run through the whole document. */
typedef struct vb_note {
	int number;		/* 1-based number, as referenced by VB_RUN_NOTE */
	vb_inline *paras;	/* its paragraphs */
	size_t npara;		/* number of paragraphs */
} vb_note;

/* The main body or one appendix: a run of blocks on its own pages. */
typedef struct vb_part {
	vb_block *blocks;	/* the blocks */
	size_t n;		/* number of blocks */
	int landscape;		/* 1 when set on landscape pages */
	const char *label;	/* appendix: "Phụ lục" or "Phụ lục II"; NULL for the body */
	const char *title;	/* appendix: title, upper-cased; may be NULL */
	const char *ref_line;	/* appendix: "(Kèm theo Kế hoạch số … của …)" */
	const char *file;	/* Markdown file the part came from */
	const struct vb_header *head; /* a document issued with this one (ban hành kèm
				 * theo, nd30.md §2.6): its own header, type name,
				 * trích yếu and "(Ban hành kèm theo …)" line, in place
				 * of label, title and ref_line; NULL for an appendix */
} vb_part;

/* One signer's block: authority and title lines, room to sign, name. */
typedef struct vb_signature {
	const char **lines;	/* authority and title lines, upper-cased: "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC" */
	size_t nlines;		/* number of lines */
	const char *name;	/* signer's full name, as written */
	const char *role;	/* a field name for the signature: "Pho_Giam_doc" (ASCII) */
} vb_signature;

/* Everything above the body, composed as printed. */
typedef struct vb_header {
	const char *parent;	/* parent agency, upper-cased, or NULL */
	const char *issuer;	/* issuing agency, upper-cased (may hold '\n' line breaks) */
	const char *number_line; /* "Số: 12/KH-SGDĐT" or "Số:      /KH-SGDĐT"; NULL for
				 * a document issued with another (no row "Số", date) */
	const char *place_date;	/* "Bắc Giang, ngày 19 tháng 01 năm 2024", or NULL */
	const char *type_name;	/* "KẾ HOẠCH", NULL for a công văn */
	const char *subject;	/* trích yếu, sentence case, or NULL */
	const char *issued_with; /* "(Ban hành kèm theo Quyết định số … ngày … của …)",
				 * italic under the trích yếu of a document issued
				 * with a quyết định, or NULL */
	const char *cv_subject;	/* công văn: "V/v …" under "Số", else NULL */
	const char **to;	/* "Kính gửi" recipients, each without punctuation */
	size_t nto;		/* number of "Kính gửi" recipients */
	const char *authority;	/* quyết định, nghị quyết: the issuing authority,
				 * upper-cased ("GIÁM ĐỐC SỞ …"), centred bold between
				 * the title and the bases (Mẫu 1.1-1.3), or NULL */
	const char **bases;	/* "Căn cứ …" lines, punctuated, or NULL */
	size_t nbases;		/* number of "Căn cứ" lines */
	const char *proposal;	/* "Theo đề nghị của … ." after the bases, italic, or NULL */
	const char *enact;	/* "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:" before the articles,
				 * centred bold, or NULL */
} vb_header;

/* The marks and parts of the position scheme around the header and the
 * signature (nd30.md §2.1, §2.2), each composed as printed, NULL when
 * absent. */
typedef struct vb_marks {
	const char *secrecy;	/* ô 10a: "MẬT", "TỐI MẬT" or "TUYỆT MẬT" */
	const char *urgency;	/* ô 10b: "KHẨN", "THƯỢNG KHẨN" or "HỎA TỐC" */
	double urgency_w_mm;	/* the urgency stamp's width: 20, 40 or 30 mm (its height is 8) */
	const char *circulation; /* ô 11: "XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ", … */
	const char *draft;	/* "DỰ THẢO" or "DỰ THẢO LẦN 2" on a draft (never with a number) */
	const char *drafter;	/* ô 12: drafter's initials and copies, "PL.(300)" */
	const char **footer;	/* ô 13: lines under the rule at the foot of page 1 */
	size_t nfooter;		/* number of footer lines */
} vb_marks;

/* The parts a copy adds under the copied text (bản sao, nd30.md §2.7). */
typedef struct vb_copy {
	const char *form;	/* "SAO Y", "SAO LỤC" or "TRÍCH SAO" */
	const char *parent;	/* copying agency's parent, upper-cased, or NULL */
	const char *issuer;	/* copying agency, upper-cased */
	const char *number_line; /* "Số: 07/SY-SGDĐT" */
	const char *place_date;	/* "Bắc Giang, ngày 20 tháng 01 năm 2024" */
	vb_signature sign;	/* who signs the copy */
	const char **recipients; /* its "Nơi nhận" lines, punctuated */
	size_t nrecipients;	/* number of them */
} vb_copy;

/* Document properties (DOCX core.xml, PDF info). */
typedef struct vb_props {
	const char *title;	/* the trích yếu (or the type name) */
	const char *author;	/* the issuing agency, as written */
	const char *subject;	/* "Kế hoạch số 12/KH-SGDĐT" */
	const char *keywords;	/* type name */
} vb_props;

/* A whole document, ready to render. */
typedef struct vb_document {
	vb_arena *arena;	/* owns every allocation of the document */
	const char *path;	/* input file ("-" for standard input) */
	vb_profile profile;	/* sizes and margins in force */
	const vb_doctype *type;	/* document kind */
	vb_date date;		/* issue date, parts may be 0 (blank) */
	const char *number;	/* document number as printed ("12", "05"), "" when blank */
	const char *symbol;	/* "KH-SGDĐT" */
	vb_header header;	/* header block */
	vb_part body;		/* main body */
	vb_part *appendices;	/* appendices, in order */
	size_t nappendices;	/* number of appendices */
	vb_note *notes;		/* footnotes of body and appendices */
	size_t nnotes;		/* number of footnotes */
	vb_signature *signers;	/* signature blocks, left to right: one signer right of
				 * "Nơi nhận"; several (biên bản: thư ký, chủ tọa;
				 * liên tịch: one per agency) side by side, "Nơi nhận"
				 * under them (Mẫu 1.9); none for a document issued
				 * with a quyết định, signed only there */
	size_t nsigners;	/* number of signers */
	const char *noi_nhan_label; /* "Nơi nhận:" */
	const char **recipients; /* "Nơi nhận" lines, punctuated: "- UBND tỉnh (b/c);" … "- Lưu: VT, VP." */
	size_t nrecipients;	/* number of recipient lines */
	const char *attach_line; /* quyết định, nghị quyết: the line the documents
				 * issued with it print under their title,
				 * "(Ban hành kèm theo Quyết định số … của …)"; else NULL */
	vb_props props;		/* document properties */
	vb_marks marks;		/* ô 10a, 10b, 11, 12, 13 and the draft mark */
	vb_copy *copy;		/* bản sao: the copy's parts, or NULL for an original */
	vb_image **images;	/* every picture of the body and appendices, in order */
	size_t nimages;		/* number of pictures */
	vb_toc_entry *toc;	/* table of contents entries, or NULL */
	size_t ntoc;		/* number of entries */
} vb_document;

#endif
