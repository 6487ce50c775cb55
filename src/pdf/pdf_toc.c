/* pdf_toc.c - the table of contents in the PDF: "MỤC LỤC", then one line
 * per heading of levels 1 and 2 (level 2 indented 0.5 cm), dots, and the
 * page of the heading. The pages are known only once the document is laid
 * out, so a document with contents is laid out twice (pdf.c): the first
 * pass records where each heading went, the second prints those pages;
 * the contents take the same lines in both passes. */
#include <stdio.h>
#include <string.h>

#include "pdf_int.h"

/* Room kept at the right of an entry for its page number, pt. */
#define PAGE_ROOM 28.0
/* Indent of a level-2 entry (the DOCX's toc 2: 283 twips), pt. */
#define LEVEL2_INDENT 14.15
/* Space between entries: the DOCX's toc 1 has 3 pt before and after,
 * LibreOffice puts the larger of the two between paragraphs. */
#define ENTRY_AFTER 3.0

/* Returns the 1-based contents entry whose bookmark is anchor, 0 when
 * none. */
int
pdf_toc_entry(const pdf_ctx *c, const char *anchor)
{
	size_t i;

	for (i = 0; anchor != NULL && i < c->doc->ntoc; i++)
		if (c->doc->toc[i].anchor == anchor)
			return (int)i + 1;
	return 0;
}

/* What drawing an entry's dots and page number needs. */
typedef struct toc_tail {
	int entry;		/* 0-based contents entry */
	double from;		/* end of the entry's last line, from the left margin */
	const char *page;	/* the page number, "" in the first pass */
	double size;		/* font size */
	double ascent;		/* baseline from the line's top */
} toc_tail;

/* Draws the dots from the end of the text to the page number. */
static void
draw_tail(pdf_ctx *c, const pdf_line *l, double x, double y)
{
	const toc_tail *t = l->data;
	pdf_style st = pdf_style_body(c, t->size);
	double pw, dot, at;
	pdf_para *p;

	pdf_line_draw_text(c, l, x, y);
	p = pdf_para_text(c, &st, t->page);
	pw = pdf_para_width(p);
	pdf_para_draw(c, p, c->left + c->width - pw, y);
	pdf_para_free(p);
	dot = pdf_text_width(c, ". ", t->size, 0);
	p = pdf_para_text(c, &st, ".");
	for (at = c->left + t->from + dot; at + dot < c->left + c->width - pw;
	    at += dot)
		pdf_para_draw(c, p, at, y);
	pdf_para_free(p);
	if (c->toc_pages != NULL) {
		/* the line goes to its heading (a named destination, set when
		 * the heading is placed), as the DOCX's entries do */
		cairo_tag_begin(c->cr, CAIRO_TAG_LINK, vb_sprintf(c->arena,
		    "rect=[%.2f %.2f %.2f %.2f] dest='%s'", x, y,
		    c->left + c->width - x, l->h,
		    c->doc->toc[t->entry].anchor));
		cairo_tag_end(c->cr, CAIRO_TAG_LINK);
	}
}

/* Returns the box of the table of contents: its heading and entries,
 * each with the page of its heading found by the first pass (blank in
 * that pass). */
pdf_box *
pdf_toc(pdf_ctx *c)
{
	const vb_document *doc = c->doc;
	pdf_style st = pdf_style_body(c, c->pf->subject_pt);
	pdf_box *b = pdf_box_new(c);
	toc_tail *t;
	pdf_para *p;
	pdf_line *l;
	PangoRectangle log;
	double dx;
	size_t i;

	if (doc->ntoc == 0)
		return NULL;
	st.style = VB_BOLD;
	st.align = PANGO_ALIGN_CENTER;
	pdf_box_para(c, b, pdf_para_text(c, &st, "MỤC LỤC"), 0);
	pdf_box_space(c, b, c->pf->para_space_pt);
	for (i = 0; i < doc->ntoc; i++) {
		dx = doc->toc[i].level > 1 ? LEVEL2_INDENT : 0;
		st = pdf_style_body(c, c->pf->body_pt);
		st.width = c->width - dx - PAGE_ROOM;
		p = pdf_para_text(c, &st, doc->toc[i].text);
		pdf_box_para(c, b, p, dx);
		l = &b->lines[b->n - 1];
		t = vb_alloc(c->arena, sizeof(*t));
		t->entry = (int)i;
		pango_layout_line_get_extents(l->pl, NULL, &log);
		t->from = dx + l->x + log.width / (double)PANGO_SCALE;
		t->size = c->pf->body_pt;
		t->page = c->toc_pages != NULL && c->toc_pages[i] > 0 ?
		    vb_sprintf(c->arena, "%d", c->toc_pages[i]) : "";
		l->data = t;
		l->draw = draw_tail;
		pdf_box_space(c, b, ENTRY_AFTER);
	}
	return b;
}
