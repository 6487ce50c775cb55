/* docx_styles.c - word/styles.xml: the document defaults, Word's latent
 * style list, and every style of the document, from one table. Sizes come
 * from the profile (and, for header lines that must stay on one line, from
 * the sizes the header fits them to), so a style holds what the element
 * looks like in this document and the blocks carry no direct formatting.
 * Ids, names and the rules of the scheme: docx_styles.h. */
#include "docx_int.h"

#include <string.h>

/* What a style is. */
enum kind {
	K_PARA,			/* paragraph style */
	K_CHAR,			/* character style */
	K_TABLE,		/* table style */
	K_NUMBERING		/* numbering style */
};

/* Style flags. */
enum {
	F_QUICK = 1 << 0,	/* in Word's style gallery (w:qFormat) */
	F_HIDDEN = 1 << 1,	/* hidden until used (semiHidden, unhideWhenUsed) */
	F_DEFAULT = 1 << 2,	/* the default style of its kind */
	F_LINKED = 1 << 3,	/* has a linked character style, id + "Char" */
	F_KEEP_NEXT = 1 << 4,	/* keep with the next paragraph */
	F_KEEP_LINES = 1 << 5,	/* keep the lines together */
	F_CONTEXT = 1 << 6,	/* no spacing between paragraphs of this style */
	F_CAPS = 1 << 7,	/* shown in capitals */
	F_TAB = 1 << 8,		/* a left tab stop at the left indent */
	F_GRID = 1 << 9,	/* table: single black borders, 1 mm cell margins */
	F_NO_BORDERS = 1 << 10,	/* table: no borders, no cell margins */
	F_RULE = 1 << 11,	/* a rule under the paragraph, as long as the
				 * space between its indents (the Tiêu ngữ) */
	F_FRAME = 1 << 12	/* a frame around the paragraph (a mark's
				 * stamp), its indents measured (docx_marks.c) */
};

/* Font sizes a style can take: each is the profile's size for an element,
 * or the size the header fits a line to. */
enum size {
	SZ_NONE,		/* inherit */
	SZ_BODY,		/* body text */
	SZ_PARENT,		/* parent agency (fitted) */
	SZ_ISSUER,		/* issuing agency (fitted) */
	SZ_QUOC_HIEU,		/* Quốc hiệu (fitted) */
	SZ_TIEU_NGU,		/* Tiêu ngữ (fitted) */
	SZ_NUMBER,		/* "Số: …" */
	SZ_PLACE_DATE,		/* place and date (fitted) */
	SZ_CV_SUBJECT,		/* "V/v …" */
	SZ_TYPE,		/* type name */
	SZ_SUBJECT,		/* trích yếu */
	SZ_SIGN,		/* signer's title lines and name */
	SZ_NN_LABEL,		/* "Nơi nhận:" */
	SZ_NN,			/* recipient lines */
	SZ_TABLE,		/* table text */
	SZ_NOTE,		/* footnote text */
	SZ_PAGE,		/* page number */
	SZ_FOOTER,		/* footer (Decree 30 ô 13: 11 pt) */
	SZ_MARK			/* marks: ô 10a, 10b, 11, the draft mark */
};

/* Lengths: twips when >= 0; UNSET; or one of the M_* lengths that depend
 * on the profile or on measured text. */
#define UNSET (-1)
#define M_BASE (-100000)
#define M_PARA_SPACE (M_BASE - 1)	/* space after a body paragraph */
#define M_INDENT (M_BASE - 2)		/* first-line indent of the body */
#define M_LINE (M_BASE - 3)		/* body line spacing, 240ths */
#define M_KG_LEFT (M_BASE - 4)		/* "Kính gửi": where recipients start */
#define M_KG_HANG (M_BASE - 5)		/* "Kính gửi": width of the label */
#define M_NN_HANG (M_BASE - 6)		/* width of "- " in a recipient line */
#define M_SIGN_SPACE (M_BASE - 7)	/* least height of the room to sign */
#define M_TEXT_W (M_BASE - 8)		/* text width of a portrait page */
#define M_TN_SIDE (M_BASE - 9)		/* Tiêu ngữ: indent each side */
#define M_RULE_AFTER (M_BASE - 10)	/* room for a short rule under the text */
#define M_TITLE_AFTER (M_BASE - 11)	/* that and the gap below the title */
#define M_SIGN_LEFT (M_BASE - 12)	/* the signer's lines: right of "Nơi nhận" */
#define M_SIGN_ROOM (M_BASE - 13)	/* least height of the room to sign */

/* One style. Rows are written in table order. */
typedef struct style_row {
	enum kind kind;		/* paragraph, character, table, numbering */
	const char *id;		/* w:styleId (docx_styles.h) */
	const char *name;	/* w:name: Word's built-in name, or Vietnamese */
	const char *based;	/* w:basedOn, or NULL */
	const char *next;	/* w:next, or NULL */
	int ui;			/* w:uiPriority, 0: not written */
	unsigned flags;		/* F_* */
	int outline;		/* outline level + 1 (navigation pane), 0: none */
	int list;		/* heading list level + 1, 0: none */
	enum size size;		/* font size */
	unsigned run;		/* VB_BOLD | VB_ITALIC | VB_UNDERLINE | VB_SUPER */
	int before;		/* space before */
	int after;		/* space after */
	int line;		/* line height (240ths of a line, or twips when exact/least) */
	char rule;		/* 'a' auto, 'l' at least, 'e' exact (with line) */
	int left;		/* left indent */
	int first;		/* first-line indent */
	int hang;		/* hanging indent (instead of first) */
	const char *jc;		/* alignment, or NULL */
} style_row;

/* Fills the defaults every row shares. */
#define P(...) { K_PARA, __VA_ARGS__ }
#define NOSP UNSET, UNSET, 0, 0	/* no spacing set */
#define NOIND UNSET, UNSET, UNSET	/* no indent set */

/* The styles of vanban's documents, in the order written. Columns: id,
 * name, based on, next, UI priority, flags, outline, list level, size, run
 * style, before, after, line, line rule, left, first, hanging, alignment. */
static const style_row rows[] = {
	P(DX_ST_NORMAL, "Normal", NULL, NULL, 0, F_QUICK | F_DEFAULT, 0, 0,
	    SZ_NONE, 0, NOSP, NOIND, NULL),
	P(DX_ST_BODY, "Nội dung", DX_ST_NORMAL, DX_ST_BODY, 1,
	    F_QUICK | F_LINKED, 0, 0, SZ_NONE, 0, 0, M_PARA_SPACE, M_LINE,
	    'a', 0, M_INDENT, UNSET, "both"),
	P("Heading1", "heading 1", DX_ST_BODY, DX_ST_BODY, 9,
	    F_QUICK | F_KEEP_NEXT | F_KEEP_LINES | F_CAPS, 1, 1, SZ_NONE,
	    VB_BOLD, NOSP, 0, M_INDENT, UNSET, NULL),
	P("Heading2", "heading 2", DX_ST_BODY, DX_ST_BODY, 9,
	    F_QUICK | F_KEEP_NEXT | F_KEEP_LINES, 2, 2, SZ_NONE, VB_BOLD,
	    NOSP, 0, M_INDENT, UNSET, NULL),
	P("Heading3", "heading 3", DX_ST_BODY, DX_ST_BODY, 9,
	    F_QUICK | F_KEEP_NEXT | F_KEEP_LINES, 3, 3, SZ_NONE, 0, NOSP,
	    0, M_INDENT, UNSET, NULL),
	P("Heading4", "heading 4", DX_ST_BODY, DX_ST_BODY, 9,
	    F_QUICK | F_HIDDEN | F_KEEP_NEXT | F_KEEP_LINES, 4, 4, SZ_NONE,
	    VB_BOLD | VB_ITALIC, NOSP, 0, M_INDENT, UNSET, NULL),
	P("Heading5", "heading 5", DX_ST_BODY, DX_ST_BODY, 9,
	    F_QUICK | F_HIDDEN | F_KEEP_NEXT | F_KEEP_LINES, 5, 5, SZ_NONE,
	    VB_ITALIC, NOSP, 0, M_INDENT, UNSET, NULL),
	P("Heading6", "heading 6", DX_ST_BODY, DX_ST_BODY, 9,
	    F_QUICK | F_HIDDEN | F_KEEP_NEXT | F_KEEP_LINES, 6, 6, SZ_NONE,
	    VB_ITALIC, NOSP, 0, M_INDENT, UNSET, NULL),
	P("Heading7", "heading 7", DX_ST_BODY, DX_ST_BODY, 9,
	    F_QUICK | F_HIDDEN | F_KEEP_NEXT | F_KEEP_LINES, 7, 7, SZ_NONE,
	    VB_ITALIC, NOSP, 0, M_INDENT, UNSET, NULL),
	P("Heading8", "heading 8", DX_ST_BODY, DX_ST_BODY, 9,
	    F_QUICK | F_HIDDEN | F_KEEP_NEXT | F_KEEP_LINES, 8, 8, SZ_NONE,
	    VB_ITALIC, NOSP, 0, M_INDENT, UNSET, NULL),
	P("Heading9", "heading 9", DX_ST_BODY, DX_ST_BODY, 9,
	    F_QUICK | F_HIDDEN | F_KEEP_NEXT | F_KEEP_LINES, 9, 9, SZ_NONE,
	    VB_ITALIC, NOSP, 0, M_INDENT, UNSET, NULL),
	P(DX_ST_FORM, "Thể thức", DX_ST_NORMAL, NULL, 2, 0, 0, 0, SZ_NONE,
	    0, NOSP, NOIND, "center"),
	P(DX_ST_PARENT, "Tên cơ quan chủ quản", DX_ST_FORM, NULL, 2,
	    F_QUICK | F_LINKED | F_CAPS, 0, 0, SZ_PARENT, 0, NOSP, NOIND,
	    NULL),
	P(DX_ST_ISSUER, "Tên cơ quan ban hành", DX_ST_FORM, NULL, 2,
	    F_QUICK | F_LINKED | F_CAPS, 0, 0, SZ_ISSUER, VB_BOLD, UNSET,
	    M_RULE_AFTER, 0, 0, NOIND, NULL),
	P(DX_ST_QUOC_HIEU, "Quốc hiệu", DX_ST_FORM, NULL, 2,
	    F_QUICK | F_LINKED | F_CAPS, 0, 0, SZ_QUOC_HIEU, VB_BOLD, NOSP,
	    NOIND, NULL),
	P(DX_ST_TIEU_NGU, "Tiêu ngữ", DX_ST_FORM, NULL, 2,
	    F_QUICK | F_LINKED | F_RULE, 0, 0, SZ_TIEU_NGU, VB_BOLD, NOSP,
	    M_TN_SIDE, 0, UNSET, NULL),
	P(DX_ST_NUMBER, "Số, ký hiệu", DX_ST_FORM, NULL, 2,
	    F_QUICK | F_LINKED, 0, 0, SZ_NUMBER, 0, 120, UNSET, 0, 0, NOIND,
	    NULL),
	P(DX_ST_PLACE_DATE, "Địa danh, ngày tháng", DX_ST_FORM, NULL, 2,
	    F_QUICK | F_LINKED, 0, 0, SZ_PLACE_DATE, VB_ITALIC, 120, UNSET,
	    0, 0, NOIND, NULL),
	P(DX_ST_CV_SUBJECT, "Trích yếu công văn", DX_ST_FORM, NULL, 2,
	    F_QUICK | F_LINKED, 0, 0, SZ_CV_SUBJECT, 0, 120, UNSET, 0, 0,
	    NOIND, NULL),
	P(DX_ST_TYPE, "Tên loại văn bản", DX_ST_FORM, DX_ST_SUBJECT, 2,
	    F_QUICK | F_LINKED | F_KEEP_NEXT | F_CAPS, 0, 0, SZ_TYPE,
	    VB_BOLD, 240, UNSET, 0, 0, NOIND, NULL),
	P(DX_ST_SUBJECT, "Trích yếu", DX_ST_FORM, DX_ST_BODY, 2,
	    F_QUICK | F_LINKED | F_KEEP_NEXT, 0, 0, SZ_SUBJECT, VB_BOLD,
	    UNSET, M_TITLE_AFTER, 0, 0, NOIND, NULL),
	P(DX_ST_TO, "Kính gửi", DX_ST_BODY, DX_ST_BODY, 2,
	    F_QUICK | F_LINKED | F_TAB, 0, 0, SZ_NONE, 0, 120, UNSET, 0, 0,
	    M_KG_LEFT, UNSET, M_KG_HANG, "left"),
	P(DX_ST_BASIS, "Căn cứ", DX_ST_BODY, DX_ST_BASIS, 2,
	    F_QUICK | F_LINKED, 0, 0, SZ_NONE, VB_ITALIC, NOSP, NOIND, NULL),
	P(DX_ST_AUTHORITY, "Thẩm quyền ban hành", DX_ST_FORM, DX_ST_BASIS, 2,
	    F_QUICK | F_LINKED | F_KEEP_NEXT | F_CAPS, 0, 0, SZ_TYPE, VB_BOLD,
	    0, M_PARA_SPACE, 0, 0, NOIND, NULL),
	P(DX_ST_ENACT, "Dòng quyết định", DX_ST_FORM, DX_ST_BODY, 2,
	    F_QUICK | F_LINKED | F_KEEP_NEXT | F_CAPS, 0, 0, SZ_TYPE, VB_BOLD,
	    0, M_PARA_SPACE, 0, 0, NOIND, NULL),
	P(DX_ST_DIVISION, "Phần, chương, mục", DX_ST_FORM, DX_ST_BODY, 2,
	    F_QUICK | F_LINKED | F_KEEP_NEXT | F_KEEP_LINES, 1, 0, SZ_BODY,
	    VB_BOLD, 0, M_PARA_SPACE, M_LINE, 'a', NOIND, NULL),
	P(DX_ST_ARTICLE, "Điều", DX_ST_BODY, DX_ST_BODY, 2,
	    F_QUICK | F_LINKED | F_KEEP_NEXT | F_KEEP_LINES, 2, 0, SZ_NONE,
	    VB_BOLD, NOSP, NOIND, NULL),
	P(DX_ST_NN_LABEL, "Nơi nhận", DX_ST_FORM, DX_ST_NN_LIST, 2,
	    F_QUICK | F_LINKED | F_KEEP_NEXT, 0, 0, SZ_NN_LABEL,
	    VB_BOLD | VB_ITALIC, 120, UNSET, 0, 0, NOIND, "left"),
	P(DX_ST_NN_LIST, "Danh sách nơi nhận", DX_ST_FORM, DX_ST_NN_LIST, 2,
	    F_QUICK | F_LINKED | F_KEEP_NEXT, 0, 0, SZ_NN, 0, NOSP,
	    M_NN_HANG, UNSET, M_NN_HANG, "left"),
	P(DX_ST_SIGN_TITLE, "Chức vụ người ký", DX_ST_FORM, DX_ST_SIGN_SPACE,
	    2, F_QUICK | F_LINKED | F_KEEP_NEXT | F_CONTEXT | F_CAPS, 0, 0,
	    SZ_SIGN, VB_BOLD, 120, UNSET, 0, 0, NOIND, NULL),
	P(DX_ST_SIGN_SPACE, "Chữ ký, dấu", DX_ST_FORM, DX_ST_SIGN_NAME, 2,
	    F_KEEP_NEXT, 0, 0, SZ_NONE, 0, UNSET, UNSET, M_SIGN_ROOM, 'l',
	    NOIND, NULL),
	P(DX_ST_SIGN_NAME, "Họ tên người ký", DX_ST_FORM, NULL, 2,
	    F_QUICK | F_LINKED, 0, 0, SZ_SIGN, VB_BOLD, NOSP, M_SIGN_LEFT, 0,
	    UNSET, NULL),
	P(DX_ST_SECRECY, "Dấu chỉ độ mật", DX_ST_FORM, NULL, 2,
	    F_QUICK | F_LINKED | F_CAPS | F_FRAME, 0, 0, SZ_MARK, VB_BOLD, 120,
	    UNSET, 0, 0, NOIND, "center"),
	P(DX_ST_URGENCY, "Dấu chỉ mức độ khẩn", DX_ST_FORM, NULL, 2,
	    F_QUICK | F_LINKED | F_CAPS | F_FRAME, 0, 0, SZ_MARK, VB_BOLD, 120,
	    UNSET, 0, 0, NOIND, "center"),
	P(DX_ST_CIRCULATION, "Chỉ dẫn phạm vi lưu hành", DX_ST_FORM, NULL, 2,
	    F_QUICK | F_LINKED | F_CAPS | F_FRAME, 0, 0, SZ_MARK, VB_BOLD,
	    NOSP, NOIND, "center"),
	P(DX_ST_DRAFT, "Dấu dự thảo", DX_ST_FORM, NULL, 2,
	    F_QUICK | F_LINKED | F_CAPS | F_FRAME, 0, 0, SZ_MARK, VB_BOLD,
	    NOSP, NOIND, "center"),
	P(DX_ST_DRAFTER, "Ký hiệu người soạn thảo", DX_ST_FORM, NULL, 2,
	    F_LINKED, 0, 0, SZ_NN, 0, NOSP, NOIND, "right"),
	P(DX_ST_ADDRESS, "Địa chỉ cơ quan", DX_ST_FORM, NULL, 2, F_LINKED, 0,
	    0, SZ_FOOTER, 0, NOSP, NOIND, NULL),
	P(DX_ST_IMAGE, "Hình", DX_ST_FORM, DX_ST_CAPTION, 2,
	    F_QUICK | F_KEEP_NEXT, 0, 0, SZ_NONE, 0, 0, 0, 0, 0, NOIND,
	    NULL),
	P(DX_ST_COPY_FORM, "Hình thức sao", DX_ST_FORM, NULL, 2,
	    F_QUICK | F_LINKED | F_CAPS, 0, 0, SZ_SUBJECT, VB_BOLD, NOSP,
	    NOIND, NULL),
	P(DX_ST_SIGNERS_NAME, "Họ tên người ký (nhiều người ký)",
	    DX_ST_SIGN_NAME, NULL, 2, F_QUICK | F_LINKED, 0, 0, SZ_SIGN,
	    VB_BOLD, NOSP, 0, 0, UNSET, NULL),
	P(DX_ST_APPX_LABEL, "Phụ lục", DX_ST_FORM, DX_ST_APPX_TITLE, 2,
	    F_QUICK | F_LINKED | F_KEEP_NEXT, 1, 0, SZ_TYPE, VB_BOLD, NOSP,
	    NOIND, NULL),
	P(DX_ST_APPX_TITLE, "Tên phụ lục", DX_ST_FORM, DX_ST_APPX_REF, 2,
	    F_QUICK | F_LINKED | F_KEEP_NEXT | F_CAPS, 2, 0, SZ_SUBJECT,
	    VB_BOLD, NOSP, NOIND, NULL),
	P(DX_ST_APPX_REF, "Dòng kèm theo", DX_ST_FORM, DX_ST_BODY, 2,
	    F_LINKED | F_KEEP_NEXT, 0, 0, SZ_BODY, VB_ITALIC, UNSET,
	    M_TITLE_AFTER, 0, 0, NOIND, NULL),
	P(DX_ST_RULE, "Đường kẻ", DX_ST_FORM, DX_ST_BODY, 2, 0, 0, 0,
	    SZ_NONE, 0, NOSP, NOIND, NULL),
	P(DX_ST_CELL, "Chữ trong bảng", DX_ST_NORMAL, DX_ST_CELL, 3,
	    F_QUICK | F_LINKED, 0, 0, SZ_TABLE, 0, 20, 20, 0, 0, NOIND,
	    "left"),
	P(DX_ST_CELL_HEAD, "Tiêu đề cột", DX_ST_CELL, DX_ST_CELL, 3,
	    F_QUICK | F_LINKED, 0, 0, SZ_NONE, VB_BOLD, NOSP, NOIND,
	    "center"),
	P(DX_ST_CELL_GROUP, "Dòng nhóm", DX_ST_CELL, DX_ST_CELL, 3,
	    F_QUICK | F_LINKED | F_KEEP_NEXT, 0, 0, SZ_NONE, VB_BOLD, NOSP,
	    NOIND, NULL),
	P(DX_ST_TITLE, "Title", DX_ST_FORM, DX_ST_BODY, 10,
	    F_QUICK | F_KEEP_NEXT | F_CAPS, 0, 0, SZ_TYPE, VB_BOLD, NOSP,
	    NOIND, NULL),
	P(DX_ST_SUBTITLE, "Subtitle", DX_ST_FORM, DX_ST_BODY, 11,
	    F_QUICK | F_KEEP_NEXT, 0, 0, SZ_SUBJECT, VB_BOLD, NOSP, NOIND,
	    NULL),
	P(DX_ST_QUOTE, "Quote", DX_ST_BODY, DX_ST_BODY, 29, F_QUICK, 0, 0,
	    SZ_NONE, VB_ITALIC, NOSP, M_INDENT, 0, UNSET, NULL),
	P(DX_ST_PLAIN, "Plain Text", DX_ST_BODY, DX_ST_PLAIN, 99, F_HIDDEN,
	    0, 0, SZ_NONE, 0, NOSP, 0, 0, UNSET, "left"),
	P(DX_ST_LIST, "List Paragraph", DX_ST_BODY, DX_ST_LIST, 34, F_QUICK,
	    0, 0, SZ_NONE, 0, NOSP, NOIND, NULL),
	P(DX_ST_CAPTION, "caption", DX_ST_NORMAL, DX_ST_BODY, 35,
	    F_QUICK | F_HIDDEN, 0, 0, SZ_TABLE, VB_ITALIC, 60, 120, 0, 0,
	    NOIND, "center"),
	/* not on Heading 1 as Word's is: it would take the heading list's
	 * number ("I. MỤC LỤC") and shift every section's */
	P("TOCHeading", "TOC Heading", DX_ST_FORM, DX_ST_BODY, 39,
	    F_QUICK | F_HIDDEN | F_KEEP_NEXT, 0, 0, SZ_SUBJECT, VB_BOLD, 0,
	    M_PARA_SPACE, 0, 0, NOIND, "center"),
	P("TOC1", "toc 1", DX_ST_NORMAL, DX_ST_BODY, 39, F_HIDDEN, 0, 0,
	    SZ_BODY, 0, 60, 60, 0, 0, 0, 0, UNSET, "both"),
	P("TOC2", "toc 2", DX_ST_NORMAL, DX_ST_BODY, 39, F_HIDDEN, 0, 0,
	    SZ_BODY, 0, 0, 60, 0, 0, 283, 0, UNSET, "both"),
	P("TOC3", "toc 3", DX_ST_NORMAL, DX_ST_BODY, 39, F_HIDDEN, 0, 0,
	    SZ_BODY, 0, 0, 60, 0, 0, 567, 0, UNSET, "both"),
	P(DX_ST_HEADER, "header", DX_ST_NORMAL, NULL, 99, F_HIDDEN, 0, 0,
	    SZ_PAGE, 0, NOSP, NOIND, "center"),
	P(DX_ST_FOOTER, "footer", DX_ST_NORMAL, NULL, 99, F_HIDDEN, 0, 0,
	    SZ_FOOTER, 0, NOSP, NOIND, "both"),
	P(DX_ST_NOTE, "footnote text", DX_ST_NORMAL, NULL, 99, F_HIDDEN, 0,
	    0, SZ_NOTE, 0, NOSP, NOIND, "both"),
	{ K_CHAR, DX_ST_NOTE_REF, "footnote reference", NULL, NULL, 99,
	    F_HIDDEN, 0, 0, SZ_NONE, VB_SUPER, NOSP, NOIND, NULL },
	{ K_CHAR, DX_ST_LINK, "Hyperlink", NULL, NULL, 99, F_HIDDEN, 0, 0,
	    SZ_NONE, VB_UNDERLINE, NOSP, NOIND, NULL },
	{ K_CHAR, DX_ST_LINK_SEEN, "FollowedHyperlink", NULL, NULL, 99,
	    F_HIDDEN, 0, 0, SZ_NONE, VB_UNDERLINE, NOSP, NOIND, NULL },
	{ K_CHAR, "DefaultParagraphFont", "Default Paragraph Font", NULL,
	    NULL, 1, F_HIDDEN | F_DEFAULT, 0, 0, SZ_NONE, 0, NOSP, NOIND,
	    NULL },
	{ K_TABLE, "TableNormal", "Normal Table", NULL, NULL, 99,
	    F_HIDDEN | F_DEFAULT, 0, 0, SZ_NONE, 0, NOSP, NOIND, NULL },
	{ K_TABLE, DX_ST_TABLE_GRID, "Table Grid", "TableNormal", NULL, 39,
	    F_GRID, 0, 0, SZ_NONE, 0, NOSP, NOIND, NULL },
	{ K_TABLE, DX_ST_FORM_TABLE, "Bảng thể thức", "TableNormal", NULL,
	    99, F_NO_BORDERS, 0, 0, SZ_NONE, 0, NOSP, NOIND, NULL },
	{ K_NUMBERING, "NoList", "No List", NULL, NULL, 99,
	    F_HIDDEN | F_DEFAULT, 0, 0, SZ_NONE, 0, NOSP, NOIND, NULL },
};

#undef P
#undef NOSP
#undef NOIND

/* Word's built-in styles that are not in the table, with the gallery
 * priority and visibility Word gives them (w:latentStyles). */
static const struct latent {
	const char *name;	/* Word's name of the style */
	int ui;			/* UI priority */
	unsigned flags;		/* F_QUICK, F_HIDDEN */
} latent[] = {
	{ "Normal", 0, F_QUICK }, { "heading 1", 9, F_QUICK },
	{ "heading 2", 9, F_QUICK | F_HIDDEN },
	{ "heading 3", 9, F_QUICK | F_HIDDEN },
	{ "heading 4", 9, F_QUICK | F_HIDDEN },
	{ "heading 5", 9, F_QUICK | F_HIDDEN },
	{ "heading 6", 9, F_QUICK | F_HIDDEN },
	{ "heading 7", 9, F_QUICK | F_HIDDEN },
	{ "heading 8", 9, F_QUICK | F_HIDDEN },
	{ "heading 9", 9, F_QUICK | F_HIDDEN },
	{ "toc 1", 39, F_HIDDEN }, { "toc 2", 39, F_HIDDEN },
	{ "toc 3", 39, F_HIDDEN }, { "toc 4", 39, F_HIDDEN },
	{ "toc 5", 39, F_HIDDEN }, { "toc 6", 39, F_HIDDEN },
	{ "toc 7", 39, F_HIDDEN }, { "toc 8", 39, F_HIDDEN },
	{ "toc 9", 39, F_HIDDEN }, { "footnote text", 99, F_HIDDEN },
	{ "header", 99, F_HIDDEN }, { "footer", 99, F_HIDDEN },
	{ "caption", 35, F_QUICK | F_HIDDEN },
	{ "footnote reference", 99, F_HIDDEN },
	{ "endnote reference", 99, F_HIDDEN },
	{ "endnote text", 99, F_HIDDEN }, { "Title", 10, F_QUICK },
	{ "Default Paragraph Font", 1, F_HIDDEN },
	{ "Subtitle", 11, F_QUICK }, { "Hyperlink", 99, F_HIDDEN },
	{ "FollowedHyperlink", 99, F_HIDDEN }, { "Strong", 22, F_QUICK },
	{ "Emphasis", 20, F_QUICK }, { "Plain Text", 99, F_HIDDEN },
	{ "Table Grid", 39, 0 }, { "Placeholder Text", 99, F_HIDDEN },
	{ "No Spacing", 1, F_QUICK }, { "List Paragraph", 34, F_QUICK },
	{ "Quote", 29, F_QUICK }, { "Intense Quote", 30, F_QUICK },
	{ "Subtle Emphasis", 19, F_QUICK },
	{ "Intense Emphasis", 21, F_QUICK },
	{ "Subtle Reference", 31, F_QUICK },
	{ "Intense Reference", 32, F_QUICK },
	{ "Book Title", 33, F_QUICK }, { "Bibliography", 37, F_HIDDEN },
	{ "TOC Heading", 39, F_QUICK | F_HIDDEN },
};

/* Returns the size in points of size key k in this document. */
static double
size_pt(const dx_ctx *c, enum size k)
{
	const vb_profile *p = c->p;
	const dx_fit *f = &c->fit;

	switch (k) {
	case SZ_NONE:
		return 0;
	case SZ_BODY:
		return p->body_pt;
	case SZ_PARENT:
		return f->parent_pt;
	case SZ_ISSUER:
		return f->issuer_pt;
	case SZ_QUOC_HIEU:
		return f->quoc_hieu_pt;
	case SZ_TIEU_NGU:
		return f->tieu_ngu_pt;
	case SZ_NUMBER:
		return p->number_pt;
	case SZ_PLACE_DATE:
		return f->place_pt;
	case SZ_CV_SUBJECT:
		return p->cv_subject_pt;
	case SZ_TYPE:
		return p->type_pt;
	case SZ_SUBJECT:
		return p->subject_pt;
	case SZ_SIGN:
		return p->sign_pt;
	case SZ_NN_LABEL:
		return p->noi_nhan_label_pt;
	case SZ_NN:
		return p->noi_nhan_pt;
	case SZ_TABLE:
		return p->table_pt;
	case SZ_NOTE:
		return p->note_pt;
	case SZ_PAGE:
		return p->page_number_pt;
	case SZ_FOOTER:
		return p->footer_pt;
	case SZ_MARK:
		return p->mark_pt;
	}
	return 0;
}

/* Returns length v in twips (or 240ths of a line for M_LINE), resolving
 * the M_* lengths for this document. */
static int
length(const dx_ctx *c, int v)
{
	switch (v) {
	case M_PARA_SPACE:
		return DX_PT_TW(c->p->para_space_pt);
	case M_INDENT:
		return VB_CM_TO_TWIPS(c->p->indent_cm);
	case M_LINE:
		return (int)(240 * c->p->line_spacing + 0.5);
	case M_KG_LEFT:
		return c->fit.kg_left_tw;
	case M_KG_HANG:
		return c->fit.kg_label_tw;
	case M_NN_HANG:
		return c->fit.nn_hang_tw;
	case M_SIGN_SPACE:
		return DX_MM_TW(c->p->sign_space_mm);
	case M_TEXT_W:
		return DX_MM_TW(vb_profile_text_width_mm(c->p));
	case M_TN_SIDE:
		return c->fit.tn_side_tw;
	case M_SIGN_LEFT:
		return c->fit.sign_left_tw;
	case M_SIGN_ROOM:
		return c->fit.sign_room_tw;
	case M_RULE_AFTER:
		return DX_PT_TW(DX_RULE_GAP_PT + c->p->rule_pt);
	case M_TITLE_AFTER:
		return DX_PT_TW(DX_RULE_GAP_PT + c->p->rule_pt +
		    DX_TITLE_GAP_PT);
	default:
		return v;
	}
}

/* Writes run properties: style flags, size and the linked flags. */
static void
style_rpr(const dx_ctx *c, const style_row *s)
{
	dx_xml *x = c->x;
	int half = VB_PT_TO_HALF(size_pt(c, s->size));

	if (s->run == 0 && half == 0 && !(s->flags & F_CAPS))
		return;
	dx_start(x, "w:rPr");
	if (s->run & VB_BOLD) {
		dx_empty(x, "w:b");
		dx_empty(x, "w:bCs");
	}
	if (s->run & VB_ITALIC) {
		dx_empty(x, "w:i");
		dx_empty(x, "w:iCs");
	}
	if (s->flags & F_CAPS)
		dx_empty(x, "w:caps");
	if (s->run & VB_UNDERLINE)	/* links: black, like all text */
		dx_val(x, "w:color", "000000");
	if (half > 0) {
		dx_vali(x, "w:sz", half);
		dx_vali(x, "w:szCs", half);
	}
	if (s->run & VB_UNDERLINE)
		dx_val(x, "w:u", "single");
	if (s->run & VB_SUPER)
		dx_val(x, "w:vertAlign", "superscript");
	dx_end(x);
}

/* Writes w:spacing when the style sets any. */
static void
style_spacing(const dx_ctx *c, const style_row *s)
{
	dx_xml *x = c->x;

	if (s->before == UNSET && s->after == UNSET && s->line == 0)
		return;
	dx_start(x, "w:spacing");
	if (s->before != UNSET)
		dx_attri(x, "w:before", length(c, s->before));
	if (s->after != UNSET)
		dx_attri(x, "w:after", length(c, s->after));
	if (s->line != 0) {
		dx_attri(x, "w:line", length(c, s->line));
		dx_attr(x, "w:lineRule", s->rule == 'l' ? "atLeast" :
		    s->rule == 'e' ? "exact" : "auto");
	}
	dx_end(x);
}

/* Writes w:ind when the style sets any indent. */
static void
style_ind(const dx_ctx *c, const style_row *s)
{
	dx_xml *x = c->x;

	int fl, fr;

	if ((s->flags & F_FRAME) && dx_marks_frame_ind(c, s->id, &fl, &fr)) {
		dx_start(x, "w:ind");
		dx_attri(x, "w:left", fl);
		dx_attri(x, "w:right", fr);
		dx_attri(x, "w:firstLine", 0);
		dx_end(x);
		return;
	}
	if (s->left == UNSET && s->first == UNSET && s->hang == UNSET)
		return;
	dx_start(x, "w:ind");
	if (s->left != UNSET) {
		dx_attri(x, "w:left", length(c, s->left));
		dx_attri(x, "w:right", s->flags & F_RULE ?
		    length(c, s->left) : 0);
	}
	if (s->hang != UNSET)
		dx_attri(x, "w:hanging", length(c, s->hang));
	else if (s->first != UNSET)
		dx_attri(x, "w:firstLine", length(c, s->first));
	dx_end(x);
}

/* Writes the paragraph properties of a paragraph style. */
static void
style_ppr(const dx_ctx *c, const style_row *s)
{
	dx_xml *x = c->x;

	dx_start(x, "w:pPr");
	if (s->flags & F_KEEP_NEXT)
		dx_empty(x, "w:keepNext");
	if (s->flags & F_KEEP_LINES)
		dx_empty(x, "w:keepLines");
	if (s->list > 0 && c->num != NULL && c->num->heading_id > 0) {
		dx_start(x, "w:numPr");
		dx_vali(x, "w:ilvl", s->list - 1);
		dx_vali(x, "w:numId", c->num->heading_id);
		dx_end(x);
	}
	if (s->flags & F_RULE) {
		dx_start(x, "w:pBdr");
		dx_start(x, "w:bottom");
		dx_attr(x, "w:val", "single");
		dx_attri(x, "w:sz", (long)(c->p->rule_pt * 8 + 0.5));
		dx_attri(x, "w:space", (long)DX_RULE_GAP_PT);
		dx_attr(x, "w:color", "000000");
		dx_end(x);
		dx_end(x);
	}
	if (s->flags & F_FRAME)
		dx_marks_frame_border(c);
	if (s->flags & F_TAB) {
		dx_start(x, "w:tabs");
		dx_start(x, "w:tab");
		dx_attr(x, "w:val", "left");
		dx_attri(x, "w:pos", length(c, s->left));
		dx_end(x);
		dx_end(x);
	}
	style_spacing(c, s);
	style_ind(c, s);
	if (s->flags & F_CONTEXT)
		dx_empty(x, "w:contextualSpacing");
	if (s->jc != NULL)
		dx_val(x, "w:jc", s->jc);
	if (s->outline > 0)
		dx_vali(x, "w:outlineLvl", s->outline - 1);
	dx_end(x);
}

/* Writes one table border side. */
static void
border(dx_xml *x, const char *side, int on)
{
	dx_start(x, side);
	dx_attr(x, "w:val", on ? "single" : "nil");
	if (on) {
		dx_attri(x, "w:sz", 4);
		dx_attri(x, "w:space", 0);
		dx_attr(x, "w:color", "000000");
	}
	dx_end(x);
}

/* Writes one cell margin. */
static void
margin(dx_xml *x, const char *side, int w)
{
	dx_start(x, side);
	dx_attri(x, "w:w", w);
	dx_attr(x, "w:type", "dxa");
	dx_end(x);
}

/* Writes the table properties of a table style. */
static void
style_tblpr(const dx_ctx *c, const style_row *s)
{
	static const char *const sides[] = { "w:top", "w:left", "w:bottom",
	    "w:right", "w:insideH", "w:insideV" };
	dx_xml *x = c->x;
	int pad = s->flags & F_GRID ? DX_CELL_PAD :
	    s->flags & F_NO_BORDERS ? 0 : 108;
	size_t i;

	dx_start(x, "w:tblPr");
	dx_start(x, "w:tblInd");
	dx_attri(x, "w:w", 0);
	dx_attr(x, "w:type", "dxa");
	dx_end(x);
	if (s->flags & (F_GRID | F_NO_BORDERS)) {
		dx_start(x, "w:tblBorders");
		for (i = 0; i < sizeof(sides) / sizeof(sides[0]); i++)
			border(x, sides[i], (s->flags & F_GRID) != 0);
		dx_end(x);
	}
	dx_start(x, "w:tblCellMar");
	margin(x, "w:top", 0);
	margin(x, "w:left", pad);
	margin(x, "w:bottom", 0);
	margin(x, "w:right", pad);
	dx_end(x);
	dx_end(x);
}

/* Returns 1 for one of vanban's own styles: Word's built-in names are
 * ASCII, vanban's are Vietnamese. */
static int
is_own(const char *name)
{
	for (; *name != '\0'; name++)
		if ((unsigned char)*name >= 0x80)
			return 1;
	return 0;
}

/* Writes the w:style head: type, id, name, links and visibility. */
static void
style_head(const dx_ctx *c, const style_row *s, const char *id,
    const char *name, const char *link, int character)
{
	static const char *const types[] = { "paragraph", "character", "table",
	    "numbering" };
	dx_xml *x = c->x;

	dx_start(x, "w:style");
	dx_attr(x, "w:type", types[character ? K_CHAR : s->kind]);
	if ((s->flags & F_DEFAULT) && !character)
		dx_attr(x, "w:default", "1");
	if (is_own(s->name))
		dx_attr(x, "w:customStyle", "1");
	dx_attr(x, "w:styleId", id);
	dx_val(x, "w:name", name);
	if (character)
		dx_val(x, "w:basedOn", "DefaultParagraphFont");
	else if (s->based != NULL)
		dx_val(x, "w:basedOn", s->based);
	if (!character && s->next != NULL)
		dx_val(x, "w:next", s->next);
	if (link != NULL)
		dx_val(x, "w:link", link);
	if (s->ui > 0)
		dx_vali(x, "w:uiPriority", s->ui);
	if (s->flags & F_HIDDEN) {
		dx_empty(x, "w:semiHidden");
		dx_empty(x, "w:unhideWhenUsed");
	}
	if ((s->flags & F_QUICK) && !character)
		dx_empty(x, "w:qFormat");
}

/* Writes one style of the table, and its linked character style. */
static void
style_write(const dx_ctx *c, const style_row *s)
{
	const char *cid = NULL;

	if (s->flags & F_LINKED)
		cid = vb_sprintf(c->arena, "%sChar", s->id);
	style_head(c, s, s->id, s->name, cid, 0);
	if (s->kind == K_PARA)
		style_ppr(c, s);
	if (s->kind == K_PARA || s->kind == K_CHAR)
		style_rpr(c, s);
	if (s->kind == K_TABLE)
		style_tblpr(c, s);
	dx_end(c->x);
	if (cid == NULL)
		return;
	style_head(c, s, cid, vb_sprintf(c->arena, "%s (ký tự)", s->name),
	    s->id, 1);
	style_rpr(c, s);
	dx_end(c->x);
}

/* Writes w:docDefaults: the font, body size and Vietnamese language. */
static void
doc_defaults(dx_xml *x, const vb_profile *p)
{
	dx_start(x, "w:docDefaults");
	dx_start(x, "w:rPrDefault");
	dx_start(x, "w:rPr");
	dx_start(x, "w:rFonts");
	dx_attr(x, "w:ascii", p->font);
	dx_attr(x, "w:hAnsi", p->font);
	dx_attr(x, "w:eastAsia", p->font);
	dx_attr(x, "w:cs", p->font);
	dx_end(x);
	dx_val(x, "w:color", "000000");
	dx_vali(x, "w:sz", VB_PT_TO_HALF(p->body_pt));
	dx_vali(x, "w:szCs", VB_PT_TO_HALF(p->body_pt));
	dx_start(x, "w:lang");
	dx_attr(x, "w:val", "vi-VN");
	dx_attr(x, "w:eastAsia", "vi-VN");
	dx_attr(x, "w:bidi", "ar-SA");
	dx_end(x);
	dx_end(x);
	dx_end(x);
	dx_start(x, "w:pPrDefault");
	dx_start(x, "w:pPr");
	dx_empty(x, "w:widowControl");
	dx_start(x, "w:spacing");
	dx_attri(x, "w:before", 0);
	dx_attri(x, "w:after", 0);
	dx_attri(x, "w:line", 240);
	dx_attr(x, "w:lineRule", "auto");
	dx_end(x);
	dx_end(x);
	dx_end(x);
	dx_end(x);
}

/* Writes w:latentStyles: how Word shows its other built-in styles. */
static void
latent_styles(dx_xml *x)
{
	size_t i;

	dx_start(x, "w:latentStyles");
	dx_attri(x, "w:defLockedState", 0);
	dx_attri(x, "w:defUIPriority", 99);
	dx_attri(x, "w:defSemiHidden", 0);
	dx_attri(x, "w:defUnhideWhenUsed", 0);
	dx_attri(x, "w:defQFormat", 0);
	dx_attri(x, "w:count", 376);
	for (i = 0; i < sizeof(latent) / sizeof(latent[0]); i++) {
		dx_start(x, "w:lsdException");
		dx_attr(x, "w:name", latent[i].name);
		dx_attri(x, "w:uiPriority", latent[i].ui);
		if (latent[i].flags & F_HIDDEN) {
			dx_attri(x, "w:semiHidden", 1);
			dx_attri(x, "w:unhideWhenUsed", 1);
		}
		if (latent[i].flags & F_QUICK)
			dx_attri(x, "w:qFormat", 1);
		dx_end(x);
	}
	dx_end(x);
}

/* Writes word/styles.xml into out; returns 0 or -1. */
int
dx_styles_write(dx_ctx *c, vb_buf *out)
{
	dx_xml x;
	size_t i;

	if (dx_open(&x) < 0)
		return -1;
	c->x = &x;
	dx_start(&x, "w:styles");
	dx_attr(&x, "xmlns:w", DX_NS_W);
	doc_defaults(&x, c->p);
	latent_styles(&x);
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		style_write(c, &rows[i]);
	dx_end(&x);
	c->x = NULL;
	return dx_close(&x, out);
}
