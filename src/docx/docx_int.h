/* docx_int.h - what the files of the DOCX renderer share: the render
 * context, relationships, the list-numbering plan, paragraph and run
 * properties, and text measurement. */
#ifndef VB_DOCX_INT_H
#define VB_DOCX_INT_H

#include <stddef.h>

#include "base/buf.h"
#include "base/diag.h"
#include "docx_styles.h"
#include "docx_xml.h"
#include "model/model.h"

/* One relationship of a part (hyperlinks are added while writing). */
typedef struct dx_rel {
	char id[16];		/* "rId7" */
	const char *type;	/* relationship type URI */
	const char *target;	/* target path or URL */
	int external;		/* 1 for TargetMode="External" */
} dx_rel;

/* The relationships of one part. */
typedef struct dx_rels {
	dx_rel *items;		/* relationships in id order */
	size_t n;		/* number used */
	size_t cap;		/* number allocated */
} dx_rels;

/* Relationship type URIs. */
#define DX_REL_BASE \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define DX_REL_LINK DX_REL_BASE "hyperlink"

/* Adds a relationship; returns its id (owned by rels), or NULL when memory
 * runs out. Equal external targets share one id. */
const char *dx_rels_add(dx_rels *rels, vb_arena *a, const char *type,
    const char *target, int external);
/* Writes rels as a .rels part into out; returns 0 or -1. */
int dx_rels_write(const dx_rels *rels, vb_buf *out);

/* One list instance (w:num). */
typedef struct dx_num {
	int abs;		/* abstract definition (w:abstractNumId) */
	int list;		/* ordered list: the model's list id; else 0 */
	int lvl;		/* ordered list: its level; -1: restart a heading list */
	int start;		/* ordered list: its first number */
} dx_num;

/* Every list instance the document needs. w:numId is index + 1. */
typedef struct dx_numbering {
	int heading_id;		/* w:numId of the body's heading list */
	int bullet_id;		/* w:numId of the bullet list */
	int *parts;		/* heading list of each part: body, appendices */
	dx_num *nums;		/* list instances */
	size_t nnums;		/* number of list instances */
	size_t num_cap;		/* allocated list instances */
} dx_numbering;

/* Collects the lists of every part of doc into num. */
void dx_numbering_plan(dx_numbering *num, const vb_document *doc);
/* Returns the w:numId of an item block, 0 when it has no marker; sets
 * *lvl to its list level. */
int dx_numbering_item(const dx_numbering *num, const vb_block *b, int *lvl);

/* Paragraph properties, written in schema order by dx_ppr_write. Fields
 * left at their dx_ppr_init values are not written. */
typedef struct dx_ppr {
	const char *style;	/* w:pStyle, or NULL */
	int keep_next;		/* 1: keep with the next paragraph */
	int page_before;	/* 1: start on a new page (an explicit page break) */
	int num_id;		/* w:numId of a list item; 0 none; -1 off its style's list */
	int ilvl;		/* list level of the item */
	int rule;		/* 1: bottom border (a drawn rule) */
	int tab;		/* one left tab stop, in twips; 0 for none */
	int before;		/* space before, twips; -1 inherit */
	int after;		/* space after, twips; -1 inherit */
	int line;		/* line height, twips (240 = single, auto); 0 inherit */
	int exact;		/* 1: line is an exact height */
	int ind;		/* 1: write the indents below */
	int left;		/* left indent, twips */
	int right;		/* right indent, twips */
	int first;		/* first-line indent, twips (negative: hanging) */
	const char *jc;		/* alignment ("center", "both"…), or NULL */
	int mark_half;		/* size of the paragraph mark, half-points; 0 inherit */
	const struct dx_sect *sect; /* section ending here, or NULL */
} dx_ppr;

/* One section's page setup. */
typedef struct dx_sect {
	int landscape;		/* 1: landscape A4 */
	int restart;		/* 1: page numbers start again at 1 */
	int new_page;		/* 1: the section starts on a new page */
} dx_sect;

/* Run properties added on top of a run's own style. */
typedef struct dx_rpr {
	unsigned style;		/* VB_BOLD | VB_ITALIC … forced on */
	int half;		/* size in half-points; 0 inherit */
	const char *rstyle;	/* character style, or NULL */
} dx_rpr;

/* Sizes and lengths measured from this document's text: header lines
 * shrunk to fit their column (Decree 30's smaller size), and indents that
 * depend on the width of a label. Styles and writers both read them. */
typedef struct dx_fit {
	double parent_pt;	/* parent agency name */
	double issuer_pt;	/* issuing agency name */
	double quoc_hieu_pt;	/* Quốc hiệu */
	double tieu_ngu_pt;	/* Tiêu ngữ */
	double place_pt;	/* place and date line */
	int issuer_tw;		/* width of the issuer's widest line, twips */
	int tieu_ngu_tw;	/* width of the Tiêu ngữ, twips */
	int kg_left_tw;		/* "Kính gửi": left indent where recipients start */
	int kg_label_tw;	/* "Kính gửi": width of "Kính gửi: " (hanging) */
	int nn_hang_tw;		/* width of "- " in a recipient line */
	int tn_side_tw;		/* Tiêu ngữ: indent each side, so its rule is as long as it */
	int sign_left_tw;	/* width of the "Nơi nhận" column; the signer's indent */
	int sign_room_tw;	/* height of the room to sign: Decree 30 practice, more
				 * when "Nơi nhận" is taller than the signer's titles */
	int *title_pad_tw;	/* several signers: space added under each one's
				 * titles, so that all rooms and names line up */
} dx_fit;

/* Everything the writers of one document need. */
typedef struct dx_ctx {
	const vb_document *doc;	/* the document being rendered */
	const vb_header *head;	/* the header being written: the document's, or
				 * that of a document issued with it */
	const vb_profile *p;	/* its profile */
	dx_xml *x;		/* the part being written */
	dx_rels *rels;		/* relationships of that part (hyperlinks) */
	const dx_numbering *num; /* list definitions */
	int part_list;		/* w:numId of the current part's heading list */
	vb_arena *arena;	/* scratch memory (the document's arena) */
	int text_tw;		/* text width of the current section, twips */
	dx_fit fit;		/* measured sizes (dx_fit_measure) */
	int shapes;		/* drawing objects written so far (their ids) */
	int bookmarks;		/* bookmarks written so far (their ids) */
	const char *rid_first_header; /* page 1's own header (marks), or NULL */
	const char *rid_first_footer; /* page 1's footer (ô 13), or NULL */
	const char *rid_empty_footer; /* the empty footer of other first pages, or NULL */
	const char **rid_images; /* relationship of each picture, by index - 1 */
	vb_diags *d;		/* diagnostics */
} dx_ctx;

/* Fixed relationship ids of document.xml (hyperlinks come after). */
#define DX_RID_HEADER_PAGE "rId6"
#define DX_RID_HEADER_FIRST "rId7"

/* Returns a dx_ppr with nothing set. */
dx_ppr dx_ppr_init(void);
/* Writes <w:pPr> for pp (nothing when empty). */
void dx_ppr_write(dx_ctx *c, const dx_ppr *pp);
/* Writes a section's <w:sectPr>. */
void dx_sect_write(dx_ctx *c, const dx_sect *s);
/* Writes one run of plain text with properties rp (may be NULL); tabs and
 * line feeds become w:tab and w:br. */
void dx_run(dx_ctx *c, const char *text, unsigned style, const dx_rpr *rp);
/* Writes the runs of in, adding rp's style to each. */
void dx_inline(dx_ctx *c, const vb_inline *in, const dx_rpr *rp);
/* Returns the w:jc value of an alignment, or fallback for
 * VB_ALIGN_DEFAULT (NULL: keep the style's). */
const char *dx_jc(vb_align a, const char *fallback);
/* Writes a whole paragraph of one text run. */
void dx_para_text(dx_ctx *c, const dx_ppr *pp, const char *text,
    unsigned style, int half);
/* Starts a paragraph in style id holding text (may be NULL), with no
 * direct formatting, ending section sect when that is not NULL; the
 * caller ends it (dx_end), after any runs it adds. */
void dx_para_open(dx_ctx *c, const char *id, const char *text,
    const dx_sect *sect);
/* Writes a paragraph in style id holding text (may be NULL), with no
 * direct formatting; it ends section sect when that is not NULL. */
void dx_para_sect(dx_ctx *c, const char *id, const char *text,
    const dx_sect *sect);
/* Writes a paragraph in style id holding text ('\n': line breaks), with
 * no direct formatting. */
void dx_para_styled(dx_ctx *c, const char *id, const char *text);
/* Writes an empty paragraph whose bottom border is a rule of width_tw
 * twips, centred in a box of box_tw twips, with space before and after
 * (twips): a thematic break. */
void dx_rule(dx_ctx *c, int box_tw, int width_tw, int before, int after,
    const dx_sect *sect);
/* Writes a run holding a rule w twips long under the line of text (at pt
 * points) that ends where the run is written. */
void dx_rule_run(dx_ctx *c, int w, double pt);
/* Writes a paragraph in style id holding text, with a rule w twips long
 * under its last line; the text is set at pt points. */
void dx_para_ruled(dx_ctx *c, const char *id, const char *text, int w,
    double pt, const dx_sect *sect);
/* Returns the length of the short rule under a line text_tw twips wide in
 * a box of box_tw twips: 0.4 of the text (Decree 30: 1/3 to 1/2 of the
 * line), a third of the box when the text wraps. */
int dx_rule_width(int text_tw, int box_tw);
/* Starts a borderless fixed-layout table with n columns of cols[] twips,
 * cell margins of pad twips left and right, indented by ind twips. */
void dx_layout_table(dx_ctx *c, const int *cols, size_t n, int pad, int ind);
/* Starts a cell of w twips, aligned to the top. */
void dx_layout_cell(dx_ctx *c, int w);
/* Writes the header block (agency, Quốc hiệu, number, date), the title,
 * "Kính gửi" and the "Căn cứ" lines, the last of which ends section sect;
 * returns 1 when one did, 0 when there was none. */
int dx_header(dx_ctx *c, const dx_sect *sect);
/* Writes the signature block (nothing when the document has no signer);
 * its last paragraph ends section sect when it is not NULL; returns 1
 * when a paragraph took sect. */
int dx_signature(dx_ctx *c, const dx_sect *sect);

/* Starts the row of a signature table of n columns of cols[] twips: one
 * row that never splits across pages. */
void dx_sign_row(dx_ctx *c, const int *cols, size_t n);
/* Starts the left cell of a signature table, w twips wide, and writes
 * label ("Nơi nhận:") and the n recipient lines in it; the caller ends
 * the cell. */
void dx_sign_recipients(dx_ctx *c, int w, const char *label,
    const char *const *lines, size_t n);
/* Writes signer s's title lines, one paragraph each. */
void dx_sign_titles(dx_ctx *c, const vb_signature *s);

/* Writes one body table. */
void dx_table(dx_ctx *c, const vb_table *t);
/* Writes the blocks of a part. keep_last: keep the last paragraph with
 * what follows (the signature); the last paragraph ends section end when
 * it is not NULL. */
void dx_blocks(dx_ctx *c, const vb_part *part, int keep_last,
    const dx_sect *end);

/* Measures the sizes and lengths of c->fit from the document. */
void dx_fit_measure(dx_ctx *c);
/* Writes word/styles.xml into out; returns 0 or -1. */
int dx_styles_write(dx_ctx *c, vb_buf *out);
/* Writes word/numbering.xml into out; returns 0 or -1. */
int dx_numbering_write(dx_ctx *c, vb_buf *out);
/* Writes word/footnotes.xml (links go to c->rels); returns 0 or -1. */
int dx_notes_write(dx_ctx *c, vb_buf *out);
/* Writes word/document.xml; returns 0 or -1. */
int dx_document_write(dx_ctx *c, vb_buf *out);

/* Returns the printed width of UTF-8 text in points, set in Times New
 * Roman (or a metric twin) at pt points with VB_BOLD/VB_ITALIC style. */
double dx_text_width_pt(const char *s, double pt, unsigned style);

/* Space between a line of text and the short rule under it, pt (the PDF
 * renderer's PDF_RULE_LINE). */
#define DX_RULE_GAP_PT 5.0
/* Space above the type name and below the title's rule, pt. */
#define DX_TITLE_GAP_PT 12.0

/* Left and right padding inside body table cells, twips (1 mm). */
#define DX_CELL_PAD 57

/* Returns how many lines text takes when wrapped at spaces into lines of
 * width_tw twips, the first line shortened by first_tw (a hanging indent
 * makes the others shorter instead: pass a negative first_tw). */
int dx_wrap_lines(const char *text, double pt, unsigned style, int width_tw,
    int first_tw);

/* docx_image.c */
/* Writes a picture block: the picture in its own paragraph, then its
 * caption; the caption (or the picture) ends section end when not NULL. */
void dx_image(dx_ctx *c, const vb_block *b, const dx_ppr *pp,
    const dx_sect *end);
/* Adds a relationship per picture of the document to rels. */
void dx_image_rels(dx_ctx *c, dx_rels *rels);
/* Writes the no-distance-from-text attributes of a drawing (wp:inline or
 * wp:anchor), just after it is started. */
void dx_drawing_dist(dx_xml *x);
/* Writes a drawing's size, cx by cy EMU, with no effect extent. */
void dx_drawing_extent(dx_xml *x, long cx, long cy);
/* Writes a shape's transform, at the origin, cx by cy EMU, and its preset
 * geometry prst ("rect", "line"). */
void dx_drawing_geometry(dx_xml *x, long cx, long cy, const char *prst);
/* Returns the zip entry name of picture im: "word/media/image1.png". */
const char *dx_image_entry(vb_arena *a, const vb_image *im);

/* docx_toc.c */
/* Writes the table of contents: a Word TOC field whose result holds the
 * entries, each a link to its heading with its page number. */
void dx_toc(dx_ctx *c);

/* docx_copy.c */
/* Writes the parts of a copy after the copied text, when doc->copy. */
void dx_copy(dx_ctx *c);

/* docx_marks.c */
/* Writes the secrecy and urgency marks in the header's left cell, w tw
 * wide, shift tw in from its edge. */
void dx_marks_left(dx_ctx *c, int w, int shift);
/* Returns 1 when page 1 has its own header (draft mark, ô 11). */
int dx_marks_has_header(const vb_document *doc);
/* Returns 1 when page 1 has the agency's footer (ô 13). */
int dx_marks_has_footer(const vb_document *doc);
/* Writes page 1's header part; returns 0 or -1. */
int dx_marks_header_write(dx_ctx *c, vb_buf *out);
/* Writes page 1's footer part, or an empty one; returns 0 or -1. */
int dx_marks_footer_write(dx_ctx *c, vb_buf *out, int empty);
/* Sets *left and *right to the indents of frame style id (a mark's
 * stamp, measured from this document's mark); returns 0 when the
 * document has no such mark. */
int dx_marks_frame_ind(const dx_ctx *c, const char *id, int *left,
    int *right);
/* Writes the w:pBdr of a mark's frame. */
void dx_marks_frame_border(const dx_ctx *c);
/* Writes ô 12 after the "Lưu" line. */
void dx_marks_drafter(dx_ctx *c);

/* Twips helpers. */
#define DX_PT_TW(pt) VB_PT_TO_TWIPS(pt)
#define DX_MM_TW(mm) VB_MM_TO_TWIPS(mm)

#endif
