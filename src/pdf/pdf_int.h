/* pdf_int.h - what the files of the PDF renderer share: the rendering
 * context, laid-out paragraphs, lines and boxes, and the layout constants
 * that the DOCX renderer must use too for both outputs to agree. */
#ifndef VB_PDF_INT_H
#define VB_PDF_INT_H

#include <stddef.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "model/model.h"
#include "pdf.h"

/* Layout constants not in the profile (points unless named _MM). They
 * are the DOCX renderer's numbers, so that both outputs agree. */
#define PDF_RULE_LINE 5.0	/* a short rule: an exact 5 pt line, rule at its foot */
#define PDF_RULE_FRAC 0.4	/* short rules: share of the text line above them */
#define PDF_HEAD_ROW_GAP 6.0	/* space above "Số" and the date (row 2 of the header) */
#define PDF_CV_GAP 6.0		/* space above the công văn "V/v" line */
#define PDF_TITLE_GAP 12.0	/* space above the type name and below the title rule */
#define PDF_KG_GAP 6.0		/* space above "Kính gửi" */
#define PDF_KG_TAB 3.0		/* extra room after "Kính gửi: " before the recipients */
#define PDF_CELL_PAD_MM 1.0	/* table cell padding left and right */
#define PDF_CELL_VPAD 1.0	/* space above and below each paragraph in a cell */
#define PDF_BORDER_PT 0.5	/* table border width */
#define PDF_SIGN_GAP 6.0	/* space above both columns of the signature block */
#define PDF_SIG_W_MM 85.0	/* signature field: signature image 45 mm + seal 40 mm */
#define PDF_DESCENT (443.0 / 2048.0) /* hhea descender of Liberation Serif / Times */

typedef struct pdf_ctx pdf_ctx;
typedef struct pdf_line pdf_line;

/* Draws a line that is not text with its top-left corner at (x, y). */
typedef void (*pdf_draw_fn)(pdf_ctx *c, const pdf_line *l, double x, double y);
/* Splits line l (a table row) so that its first part takes at most avail
 * pt: fills *first and *rest; returns the first part's height, or 0 when
 * no part of it fits (then nothing is filled). */
typedef double (*pdf_split_fn)(pdf_ctx *c, const pdf_line *l, double avail,
    pdf_line *first, pdf_line *rest);

/* A link inside a paragraph: a byte range of the layout text. */
typedef struct pdf_link {
	int start;		/* first byte */
	int end;		/* byte after the last */
	const char *uri;	/* target */
} pdf_link;

/* How a paragraph is set. */
typedef struct pdf_style {
	double size;		/* font size, pt */
	unsigned style;		/* VB_BOLD | VB_ITALIC applied to every run */
	double width;		/* wrapping width, pt */
	double indent;		/* first-line indent, pt (negative: hanging) */
	PangoAlignment align;	/* left, centre or right */
	int justify;		/* 1: justified (last line flush left) */
	double spacing;		/* line spacing as a multiple of single */
} pdf_style;

/* A paragraph laid out by Pango; its lines are placed one by one. */
typedef struct pdf_para {
	PangoLayout *layout;	/* the text, wrapped */
	double line_h;		/* height of one line (Word single × spacing) */
	double ascent;		/* from a line's top to its baseline */
	pdf_link *links;	/* links in the text */
	size_t nlinks;		/* number of links */
	size_t clinks;		/* allocated links */
	int *notes;		/* footnote numbers referenced, by mark */
	int *note_at;		/* byte index of each footnote mark */
	size_t nnotes;		/* number of footnote marks */
	size_t cnotes;		/* allocated marks */
} pdf_para;

/* One line of a box: a line of a paragraph, or something drawn. */
struct pdf_line {
	double h;		/* vertical space the line takes */
	const pdf_para *para;	/* text line: its paragraph, else NULL */
	PangoLayoutLine *pl;	/* text line: the Pango line */
	int start;		/* text line: first byte in the layout text */
	int len;		/* text line: length in bytes */
	double x;		/* text line: offset of the line in the layout */
	double dx;		/* left edge of the layout from the left margin */
	pdf_draw_fn draw;	/* drawn line: how to draw it */
	const void *data;	/* drawn line: what draw needs */
	const int *notes;	/* footnotes referenced on the line */
	size_t nnotes;		/* number of them */
	const char *outline;	/* bookmark title when the line opens a section */
	int toc;		/* 1-based contents entry the line's heading is, 0: none */
	int level;		/* bookmark depth, 1 = top */
	const pdf_para *mark;	/* list marker drawn before the line, or NULL */
	double mark_x;		/* its offset in the layout */
	pdf_split_fn split;	/* how to split it across pages, or NULL */
	int keep;		/* 1: not last on a page (a table's group row) */
	double unit;		/* taller than a page: cut at multiples of this, 0: anywhere */
	double unit0;		/* offset of the first such multiple from the top */
};

/* A run of lines with rules about how it may be broken across pages. */
typedef struct pdf_box {
	pdf_line *lines;	/* the lines */
	size_t n;		/* number of lines */
	size_t cap;		/* allocated lines */
	double after;		/* space below the box */
	size_t min_first;	/* lines that must stay together at the start */
	size_t min_last;	/* lines that must stay together at the end */
	int keep_next;		/* keep the end of the box with the next box */
	int break_before;	/* start on a new page (an explicit page break) */
	size_t nhead;		/* leading lines repeated on each page (table headings) */
	int line;		/* source line of its block in the body, 0: none */
	PangoLayout **own;	/* layouts to free once the box is drawn */
	size_t nown;		/* number of them */
	size_t cown;		/* allocated */
} pdf_box;

/* Everything one rendering needs. */
struct pdf_ctx {
	const vb_document *doc;	/* the document */
	const vb_header *head;	/* the header being laid out: the document's, or
				 * that of a document issued with it */
	const vb_profile *pf;	/* its profile */
	vb_arena *arena;	/* memory of this rendering */
	vb_diags *d;		/* where errors go */
	PangoFontMap *fm;	/* font map (private fontconfig, or the system's) */
	PangoContext *pc;	/* Pango context: 72 dpi, no hinting, unrounded */
	const char *family;	/* font family to ask for */
	cairo_surface_t *surf;	/* PDF surface */
	cairo_t *cr;		/* drawing context */
	int landscape;		/* the current part is landscape */
	double pw;		/* page width, pt */
	double ph;		/* page height, pt */
	double left;		/* left margin edge, pt from the page's left */
	double top;		/* top margin edge, pt from the page's top */
	double bottom;		/* bottom margin edge, pt from the page's top */
	double width;		/* text width, pt */
	double y;		/* top of the next line, pt from the page's top */
	int page;		/* physical pages started so far */
	int folio;		/* page number within the current part */
	int open;		/* a page is being drawn */
	int at_top;		/* nothing placed on the current page yet */
	pdf_box *queue;		/* boxes waiting to be placed */
	size_t nqueue;		/* number waiting */
	size_t cqueue;		/* allocated */
	pdf_para **notes;	/* laid-out footnotes, by number - 1 */
	size_t nnotes;		/* number of footnotes */
	int *pnotes;		/* footnotes on the current page */
	size_t npnotes;		/* number of them */
	size_t cpnotes;		/* allocated */
	double notes_h;		/* height of the current page's footnote area */
	int outline[8];		/* last bookmark id at each depth */
	int sign_page;		/* page of the signature field (1-based), 0: none */
	double sign_rect[4];	/* field rectangle: x, y (top), w, h in pt */
	double clip_top;	/* text lines above this are not drawn (tall rows) */
	double clip_bottom;	/* nor those below this */
	int *toc_pages;		/* page number of each contents entry (second pass), or NULL */
	int *toc_found;		/* the same, recorded while placing the headings */
	int break_next;		/* an explicit page break comes before the next box */
	cairo_surface_t **pics;	/* decoded pictures, freed when the document is done */
	size_t npics;		/* number of them */
	size_t cpics;		/* allocated */
	const vb_pdf_raster *raster; /* drawing page images, not a PDF (pdf_pages.c) */
	cairo_t *idle;		/* raster: the context between pages */
	cairo_surface_t *image;	/* raster: the page image, reused page to page */
	unsigned long long key;	/* raster: hash of what the page draws */
	PangoFont *key_font;	/* raster: the last font hashed */
	unsigned key_font_h;	/* raster: its description's hash */
	int page_rc;		/* raster: -1 once a page could not be handed */
	int src_line;		/* source line of the body block being laid out, 0: none */
	int page_first;		/* raster: first source line placed on the page, 0: none */
	int page_last;		/* raster: last source line placed on the page */
	char *layout_key;	/* raster: key of the layout being made (g_malloc), or NULL */
	GPtrArray *deferred;	/* raster: text lines of the page, drawn only if it is wanted */
};

/* pdf.c */
/* Lays out and draws the whole document on c's context. */
void pdf_draw_document(pdf_ctx *c);

/* pdf_pages.c */
/* Raster: starts the image of a new page as c->cr. */
void pdf_raster_page_begin(pdf_ctx *c);
/* Raster: hands the finished page to c->raster and returns to c->idle. */
void pdf_raster_page_end(pdf_ctx *c);
/* Raster: adds a line of text about to be drawn at x, y to the page's key. */
void pdf_raster_note_text(pdf_ctx *c, PangoLayoutLine *pl, double x,
    double y);
/* Raster: keeps line pl, to be drawn at x, y on the page's image only if
 * the page is wanted (drawing text into the page's recording is most of
 * the cost of a page, and most pages are not wanted); returns 0, or -1
 * when the line must be drawn now (no page, a clip that is not a list of
 * rectangles, no memory). */
int pdf_raster_defer_text(pdf_ctx *c, PangoLayoutLine *pl, double x,
    double y);
/* Raster: adds the path about to be stroked to the page's key. */
void pdf_raster_note_stroke(pdf_ctx *c);
/* Raster: notes that a box of source line line goes on the current page. */
void pdf_raster_note_line(pdf_ctx *c, int line);
/* Raster: returns a new reference to the layout kept for text with al in
 * style st, or NULL (then remembers the key for pdf_raster_layout_keep). */
PangoLayout *pdf_raster_layout_find(pdf_ctx *c, const pdf_style *st,
    const char *text, size_t len, PangoAttrList *al);
/* Raster: keeps layout l under the key of the last failed find. */
void pdf_raster_layout_keep(pdf_ctx *c, PangoLayout *l);

/* pdf_fonts.c */
/* Sets up c->fm, c->pc and c->family; returns 0, or -1 with an error in d. */
int pdf_fonts_open(pdf_ctx *c, const vb_pdf_options *opt);
/* Frees what pdf_fonts_open made. */
void pdf_fonts_close(pdf_ctx *c);

/* pdf_layout.c */
/* Returns a style for body text at the given size across the text width. */
pdf_style pdf_style_body(const pdf_ctx *c, double size);
/* Returns a paragraph of prefix (may be NULL) followed by the runs of in. */
pdf_para *pdf_para_new(pdf_ctx *c, const pdf_style *st, const char *prefix,
    const vb_inline *in);
/* Returns a paragraph of plain text ('\n' starts a new line). */
pdf_para *pdf_para_text(pdf_ctx *c, const pdf_style *st, const char *text);
/* Returns a paragraph of plain text at size in style (VB_BOLD…), w wide,
 * centred or flush left ('\n' starts a new line). */
pdf_para *pdf_para_plain(pdf_ctx *c, double size, unsigned style, double w,
    int centre, const char *text);
/* Frees the layout of a paragraph made outside a box. */
void pdf_para_free(pdf_para *p);
/* Returns the height of all lines of p. */
double pdf_para_height(const pdf_para *p);
/* Returns the width of p's widest line. */
double pdf_para_width(const pdf_para *p);
/* Draws every line of p with its top at y and layout edge at x (but those
 * outside c's clip band); returns the height. */
double pdf_para_draw(pdf_ctx *c, const pdf_para *p, double x, double y);
/* Draws one text line of a box at its place. */
void pdf_line_draw_text(pdf_ctx *c, const pdf_line *l, double x, double y);
/* Draws a horizontal rule of length w centred on cx at y. */
void pdf_rule(pdf_ctx *c, double cx, double y, double w, double thick);
/* Returns the width of text on one line at size in style. */
double pdf_text_width(pdf_ctx *c, const char *text, double size,
    unsigned style);
/* Returns the length of a short rule under text of width tw in a box of
 * width bw: 0.4 of the text, or a third of the box when the text wraps. */
double pdf_rule_width(double tw, double bw);

/* pdf_page.c */
/* Returns a new empty box (in the arena). */
pdf_box *pdf_box_new(pdf_ctx *c);
/* Appends a line to b; returns it, zeroed but for h. */
pdf_line *pdf_box_line(pdf_ctx *c, pdf_box *b, double h);
/* Appends every line of p, dx from the left margin, to b; b owns p's layout. */
void pdf_box_para(pdf_ctx *c, pdf_box *b, pdf_para *p, double dx);
/* Appends a short rule of length w centred on the text width to b, with
 * after pt of space below it. */
void pdf_box_rule(pdf_ctx *c, pdf_box *b, double w, double after);
/* Appends an empty line of height h to b. */
void pdf_box_space(pdf_ctx *c, pdf_box *b, double h);
/* Makes b own layout l (freed after drawing). */
void pdf_box_own(pdf_ctx *c, pdf_box *b, PangoLayout *l);
/* Queues b for placing; it is copied, and placed once what follows it is known. */
void pdf_flow_push(pdf_ctx *c, const pdf_box *b);
/* Places every queued box. */
void pdf_flow_flush(pdf_ctx *c);
/* Starts a part: a new page, orientation, numbering from 1. */
void pdf_part_begin(pdf_ctx *c, int landscape);
/* Finishes the current page, if any. */
void pdf_page_end(pdf_ctx *c);

/* pdf_body.c */
/* Queues the blocks of a part, bookmarks at depth base + level; keep_last
 * keeps the last block with what is queued next (the signature). */
void pdf_blocks(pdf_ctx *c, const vb_part *part, int base, int keep_last);

/* pdf_head.c */
/* Queues the page-1 header of c->head, the title block, "Kính gửi", the
 * bases and the lines of a quyết định. */
void pdf_head(pdf_ctx *c);
/* Queues an appendix's heading lines. */
void pdf_appendix_head(pdf_ctx *c, const vb_part *part);

/* pdf_sign.c */
/* Queues the signature block (kept whole, after the body). */
void pdf_sign_block(pdf_ctx *c);
/* Adds the empty signature field to the PDF in in; writes the result to
 * out; returns 0, or -1 with an error in d. */
int pdf_sign_field(const pdf_ctx *c, const vb_buf *in, const char *created,
    vb_buf *out);

/* pdf_marks.c */
/* Returns the height the secrecy and urgency marks take under "Số". */
double pdf_marks_left_height(const pdf_ctx *c);
/* Draws them from y down at the text's left edge x, avail wide. */
void pdf_marks_left_draw(pdf_ctx *c, double x, double y, double avail);
/* Draws page 1's marks in the top margin and its footer, moving c->y
 * and c->bottom when they need the room. */
void pdf_marks_page1(pdf_ctx *c);
/* Returns the drafter's line (ô 12) flush right in width w, or NULL. */
pdf_para *pdf_marks_drafter(pdf_ctx *c, double w);

/* pdf_sign.c */
/* Returns a "Nơi nhận" line in width w, wrapped lines under its text
 * (hanging indent of "- "). */
pdf_para *pdf_sign_recipient(pdf_ctx *c, double w, const char *s);

/* pdf_copy.c */
/* Queues the parts of a copy after the copied text, when doc->copy. */
void pdf_copy(pdf_ctx *c);

/* pdf_image.c */
/* Returns the box of a picture block (the picture, then its caption), or
 * NULL after reporting a picture the renderer cannot decode. */
pdf_box *pdf_image(pdf_ctx *c, const vb_block *bl);

/* Frees the decoded pictures. */
void pdf_images_free(pdf_ctx *c);

/* pdf_toc.c */
/* Returns the box of the table of contents: its heading and entries,
 * each with the page of its heading found by the first pass (blank in
 * that pass). */
pdf_box *pdf_toc(pdf_ctx *c);
/* Returns the 1-based contents entry whose bookmark is anchor, 0 when
 * none. */
int pdf_toc_entry(const pdf_ctx *c, const char *anchor);

/* pdf_table.c */
/* Queues a table. */
void pdf_table(pdf_ctx *c, const vb_table *t);

/* pdf_notes.c */
/* Lays out every footnote at the current text width. */
void pdf_notes_prepare(pdf_ctx *c);
/* Frees the laid-out footnotes. */
void pdf_notes_free(pdf_ctx *c);
/* Returns the extra height footnote number n adds to the current page. */
double pdf_notes_extra(const pdf_ctx *c, int n, double have);
/* Records footnote n as on the current page. */
void pdf_notes_add(pdf_ctx *c, int n);
/* Draws the current page's footnotes at its foot and forgets them. */
void pdf_notes_draw(pdf_ctx *c);

#endif
