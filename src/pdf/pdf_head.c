/* pdf_head.c - what comes before the body: the two-column header of page
 * 1 (agency and number left, Quốc hiệu and date right), the type name and
 * trích yếu, "Kính gửi", the legal bases; and an appendix's heading. */
#include <string.h>

#include "pdf_int.h"

/* The page-1 header laid out, positions from the header's top. */
typedef struct head {
	pdf_para *parent;	/* parent agency, or NULL */
	pdf_para *issuer;	/* issuing agency */
	pdf_para *qh;		/* Quốc hiệu */
	pdf_para *tn;		/* Tiêu ngữ */
	pdf_para *so;		/* "Số: …", or NULL (an attached document) */
	pdf_para *date;		/* place and date, or NULL */
	pdf_para *cv;		/* công văn "V/v …", or NULL */
	double wl;		/* left column width (no cell padding) */
	double wr;		/* right column width */
	double dx;		/* shift into the left margin when wider than the text */
	double issuer_rule;	/* length of the rule under the issuer */
	double tn_rule;		/* length of the rule under the Tiêu ngữ */
	double left_rule_y;	/* top of the issuer's rule */
	double right_rule_y;	/* top of the Tiêu ngữ's rule */
	double so_y;		/* top of the "Số" line */
	double date_y;		/* top of the date line */
	double cv_y;		/* top of the "V/v" lines */
	double row2;		/* top of row 2, under both rules */
	double marks_y;		/* top of the secrecy and urgency marks */
	double marks_h;		/* their height, 0 when none */
} head;

/* Returns a centred paragraph of text in a column of inner width w. */
static pdf_para *
centred(pdf_ctx *c, double size, unsigned style, double w, const char *text)
{
	return pdf_para_plain(c, size, style, w, 1, text);
}

/* Returns the height of p, 0 for NULL. */
static double
height(const pdf_para *p)
{
	return p != NULL ? pdf_para_height(p) : 0;
}

/* Draws p (if any) at (x, y). */
static void
draw_opt(pdf_ctx *c, const pdf_para *p, double x, double y)
{
	if (p != NULL)
		pdf_para_draw(c, p, x, y);
}

/* Draws the header line: both columns and both rows. */
static void
draw_head(pdf_ctx *c, const pdf_line *l, double x, double y)
{
	const head *h = l->data;
	double xl, xr;

	x += h->dx;
	xl = x;
	xr = x + h->wl;

	draw_opt(c, h->parent, xl, y);
	draw_opt(c, h->issuer, xl, y + height(h->parent));
	pdf_rule(c, x + h->wl / 2, y + h->left_rule_y, h->issuer_rule,
	    c->pf->rule_pt);
	draw_opt(c, h->qh, xr, y);
	draw_opt(c, h->tn, xr, y + height(h->qh));
	pdf_rule(c, x + h->wl + h->wr / 2, y + h->right_rule_y, h->tn_rule,
	    c->pf->rule_pt);
	draw_opt(c, h->so, xl, y + h->so_y);
	draw_opt(c, h->date, xr, y + h->date_y);
	draw_opt(c, h->cv, xl, y + h->cv_y);
	if (h->marks_h > 0)	/* none under an attached document's header */
		pdf_marks_left_draw(c, x - h->dx, y + h->marks_y,
		    h->wl + h->dx);
}

/* Returns the width of the widest '\n'-separated line of s. */
static double
widest(pdf_ctx *c, const char *s, double pt, unsigned style)
{
	double best = 0, w;
	const char *nl;

	while (s != NULL && *s != '\0') {
		nl = strchr(s, '\n');
		w = pdf_text_width(c, nl != NULL ? vb_strndup(c->arena, s,
		    (size_t)(nl - s)) : s, pt, style);
		if (w > best)
			best = w;
		s = nl != NULL ? nl + 1 : NULL;
	}
	return best;
}

/* Returns pt, or least when s would wrap in w at pt but fits at least. */
static double
fit_pt(pdf_ctx *c, const char *s, double pt, double least, unsigned style,
    double w)
{
	if (s == NULL || least >= pt || widest(c, s, pt, style) * 1.01 <= w)
		return pt;
	if (widest(c, s, least, style) * 1.01 <= w)
		return least;
	return pt;
}

/* Lays out the header's two rows in h: row 1 the agency names and the
 * Quốc hiệu block, each ending in its rule; row 2 "Số" and the date, each
 * after 6 pt, so they share a line. */
static void
layout_head(pdf_ctx *c, head *h)
{
	const vb_header *hd = c->head;
	const vb_profile *pf = c->pf;
	const char *qh = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
	const char *tn = "Độc lập - Tự do - Hạnh phúc";
	const char *issuer = hd->issuer != NULL ? hd->issuer : "";
	double row2, ipt, tpt;

	h->wl = VB_MM_TO_PT(pf->header_left_mm);
	h->wr = VB_MM_TO_PT(pf->header_right_mm);
	h->dx = h->wl + h->wr > c->width ? c->width - h->wl - h->wr : 0;
	if (hd->parent != NULL && *hd->parent != '\0')
		h->parent = centred(c, fit_pt(c, hd->parent, pf->agency_pt,
		    VB_MIN_AGENCY_PT, 0, h->wl), 0, h->wl, hd->parent);
	ipt = fit_pt(c, issuer, pf->agency_pt, VB_MIN_AGENCY_PT, VB_BOLD, h->wl);
	h->issuer = centred(c, ipt, VB_BOLD, h->wl, issuer);
	h->qh = centred(c, fit_pt(c, qh, pf->quoc_hieu_pt, VB_MIN_QUOC_HIEU_PT,
	    VB_BOLD, h->wr), VB_BOLD, h->wr, qh);
	tpt = fit_pt(c, tn, pf->tieu_ngu_pt, VB_MIN_TIEU_NGU_PT, VB_BOLD, h->wr);
	h->tn = centred(c, tpt, VB_BOLD, h->wr, tn);
	h->issuer_rule = pdf_rule_width(widest(c, issuer, ipt, VB_BOLD),
	    h->wl);
	h->tn_rule = pdf_text_width(c, tn, tpt, VB_BOLD) +
	    2 * VB_TIEU_NGU_RULE_OVER;
	if (h->tn_rule > h->wr)
		h->tn_rule = h->wr;
	h->left_rule_y = height(h->parent) + height(h->issuer) +
	    PDF_RULE_LINE + pf->rule_pt / 2;
	h->right_rule_y = height(h->qh) + height(h->tn) + PDF_RULE_LINE +
	    pf->rule_pt / 2;
	row2 = (h->left_rule_y > h->right_rule_y ? h->left_rule_y :
	    h->right_rule_y) + pf->rule_pt / 2;
	h->row2 = row2;
	if (hd->number_line == NULL)	/* an attached document: one row */
		return;
	h->so = centred(c, pf->number_pt, 0, h->wl, hd->number_line);
	if (hd->place_date != NULL && *hd->place_date != '\0')
		h->date = centred(c, fit_pt(c, hd->place_date,
		    pf->place_date_pt, VB_MIN_PLACE_PT, VB_ITALIC, h->wr),
		    VB_ITALIC, h->wr, hd->place_date);
	h->so_y = row2 + PDF_HEAD_ROW_GAP;
	h->date_y = row2 + PDF_HEAD_ROW_GAP;
	h->cv_y = h->so_y + height(h->so) + PDF_CV_GAP;
	if (hd->cv_subject != NULL && *hd->cv_subject != '\0')
		h->cv = centred(c, pf->cv_subject_pt, 0, h->wl, hd->cv_subject);
	h->marks_y = h->cv != NULL ? h->cv_y + height(h->cv) :
	    h->so_y + height(h->so);
	h->marks_h = pdf_marks_left_height(c);
}

/* Returns the header's total height. */
static double
head_height(const head *h)
{
	double l, r;

	if (h->so == NULL && h->date == NULL)	/* an attached document */
		return h->row2;
	l = h->marks_y + h->marks_h;
	r = h->date_y + height(h->date);
	return l > r ? l : r;
}

/* Makes box b own every layout of h. */
static void
own_head(pdf_ctx *c, pdf_box *b, const head *h)
{
	const pdf_para *const all[] = {
		h->parent, h->issuer, h->qh, h->tn, h->so, h->date, h->cv
	};
	size_t i;

	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if (all[i] != NULL)
			pdf_box_own(c, b, all[i]->layout);
}

/* Queues the type name (12 pt above it), the trích yếu, the italic
 * "(Ban hành kèm theo …)" line of an attached document, and the short
 * rule with 12 pt below it; nothing for a công văn. */
static void
title_block(pdf_ctx *c)
{
	const vb_header *hd = c->head;
	const vb_profile *pf = c->pf;
	pdf_box *b;
	double w = 0;

	if (hd->type_name == NULL || *hd->type_name == '\0')
		return;
	b = pdf_box_new(c);
	pdf_box_space(c, b, PDF_TITLE_GAP);
	pdf_box_para(c, b, centred(c, pf->type_pt, VB_BOLD, c->width,
	    hd->type_name), 0);
	w = pdf_text_width(c, hd->type_name, pf->type_pt, VB_BOLD);
	if (hd != &c->doc->header) {	/* a document issued with this one */
		b->lines[1].outline = hd->subject == NULL ? hd->type_name :
		    vb_sprintf(c->arena, "%s %s", hd->type_name, hd->subject);
		b->lines[1].level = 1;
	}
	if (hd->subject != NULL && *hd->subject != '\0') {
		pdf_box_para(c, b, centred(c, pf->subject_pt, VB_BOLD,
		    c->width, hd->subject), 0);
		w = pdf_text_width(c, hd->subject, pf->subject_pt, VB_BOLD);
	}
	if (hd->issued_with != NULL)	/* "(Ban hành kèm theo …)" */
		pdf_box_para(c, b, centred(c, pf->body_pt, VB_ITALIC,
		    c->width, hd->issued_with), 0);
	pdf_box_rule(c, b, pdf_rule_width(w, c->width), PDF_TITLE_GAP);
	b->min_first = b->min_last = b->n;
	b->keep_next = 1;
	pdf_flow_push(c, b);
}

/* Queues "Kính gửi:" a fifth of the text width in: one recipient follows
 * on the same line; several go one per line as "- X;" under the text
 * after the colon; wrapped lines go under that text too. */
static void
kinh_gui(pdf_ctx *c)
{
	const vb_header *hd = c->head;
	pdf_style st = pdf_style_body(c, c->pf->body_pt);
	pdf_box *b;
	double start = c->width / 5, lw;
	size_t i;

	if (hd->nto == 0)
		return;
	b = pdf_box_new(c);
	if (hd->type_name == NULL || *hd->type_name == '\0')
		pdf_box_space(c, b, PDF_KG_GAP);	/* after the title: its gap */
	st.spacing = c->pf->line_spacing;
	lw = pdf_text_width(c, "Kính gửi: ", c->pf->body_pt, 0) + PDF_KG_TAB;
	if (hd->nto == 1) {
		st.width = c->width - start;
		st.indent = -lw;
		pdf_box_para(c, b, pdf_para_text(c, &st, vb_sprintf(c->arena,
		    "Kính gửi: %s.", hd->to[0])), start);
		b->min_first = b->min_last = 2;
		b->after = c->pf->para_space_pt;
		pdf_flow_push(c, b);
		return;
	}
	pdf_box_para(c, b, pdf_para_text(c, &st, "Kính gửi:"), start);
	b->lines[b->n - 1].h = 0;
	st.width = c->width - start - lw;
	for (i = 0; i < hd->nto; i++)
		pdf_box_para(c, b, pdf_para_text(c, &st, vb_sprintf(c->arena,
		    "- %s%s", hd->to[i], i + 1 < hd->nto ? ";" : ".")),
		    start + lw);
	b->min_first = b->n < 4 ? b->n : 4;
	b->min_last = 2;
	b->after = c->pf->para_space_pt;
	pdf_flow_push(c, b);
}

/* Queues one italic line of the bases at the body indent. */
static void
basis(pdf_ctx *c, const char *text)
{
	pdf_style st = pdf_style_body(c, c->pf->body_pt);
	pdf_box *b = pdf_box_new(c);

	st.style = VB_ITALIC;
	st.justify = 1;
	st.spacing = c->pf->line_spacing;
	st.indent = VB_MM_TO_PT(c->pf->indent_cm * 10);
	pdf_box_para(c, b, pdf_para_text(c, &st, text), 0);
	b->min_first = b->min_last = 2;
	b->after = c->pf->para_space_pt;
	pdf_flow_push(c, b);
}

/* Queues the italic "Căn cứ" lines and "Theo đề nghị của …". */
static void
bases(pdf_ctx *c)
{
	const vb_header *hd = c->head;
	size_t i;

	for (i = 0; i < hd->nbases; i++)
		basis(c, hd->bases[i]);
	if (hd->proposal != NULL)
		basis(c, hd->proposal);
}

/* Queues a centred bold line at the type name's size, single spaced, the
 * paragraph space below it, kept with what follows: the authority of a
 * quyết định, and "QUYẾT ĐỊNH:" (the DOCX's ThamQuyenBanHanh and
 * DongQuyetDinh styles). */
static void
centred_line(pdf_ctx *c, const char *text)
{
	pdf_box *b;

	if (text == NULL)
		return;
	b = pdf_box_new(c);
	pdf_box_para(c, b, centred(c, c->pf->type_pt, VB_BOLD, c->width,
	    text), 0);
	b->min_first = b->min_last = b->n;
	b->keep_next = 1;
	b->after = c->pf->para_space_pt;
	pdf_flow_push(c, b);
}

/* Queues the page-1 header, the title block, "Kính gửi" and the bases. */
void
pdf_head(pdf_ctx *c)
{
	head *h = vb_alloc(c->arena, sizeof(*h));
	pdf_box *b = pdf_box_new(c);
	pdf_line *l;

	layout_head(c, h);
	l = pdf_box_line(c, b, head_height(h));
	l->draw = draw_head;
	l->data = h;
	own_head(c, b, h);
	pdf_flow_push(c, b);
	title_block(c);
	centred_line(c, c->head->authority);
	kinh_gui(c);
	bases(c);
	centred_line(c, c->head->enact);
}

/* Queues an appendix's heading lines. */
void
pdf_appendix_head(pdf_ctx *c, const vb_part *part)
{
	const vb_profile *pf = c->pf;
	pdf_box *b = pdf_box_new(c);
	const char *label = part->label != NULL ? part->label : "Phụ lục";
	const char *widest = label;

	pdf_box_para(c, b, centred(c, pf->type_pt, VB_BOLD, c->width, label),
	    0);
	b->lines[0].outline = part->title != NULL ? vb_sprintf(c->arena,
	    "%s. %s", label, part->title) : label;
	b->lines[0].level = 1;
	if (part->title != NULL && *part->title != '\0') {
		pdf_box_para(c, b, centred(c, pf->subject_pt, VB_BOLD,
		    c->width, part->title), 0);
		widest = part->title;
	}
	if (part->ref_line != NULL && *part->ref_line != '\0')
		pdf_box_para(c, b, centred(c, pf->body_pt, VB_ITALIC,
		    c->width, part->ref_line), 0);
	pdf_box_rule(c, b, pdf_rule_width(pdf_text_width(c, widest,
	    pf->subject_pt, VB_BOLD), c->width), PDF_TITLE_GAP);
	b->min_first = b->min_last = b->n;
	b->keep_next = 1;
	pdf_flow_push(c, b);
}
