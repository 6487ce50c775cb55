/* docx_header.c - everything above the body: the two-column header table
 * (agency and number on the left, Quốc hiệu and date on the right, "Số" and
 * the date in one row so they share a line), the type name and trích yếu
 * with its rule, "Kính gửi" and the "Căn cứ" lines. */
#include "docx_int.h"

#include <string.h>

#define QUOC_HIEU "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define TIEU_NGU "Độc lập - Tự do - Hạnh phúc"

/* Returns the widest line of s (lines split at '\n'), in points. */
static double
widest_line_pt(dx_ctx *c, const char *s, double pt, unsigned style)
{
	double best = 0, w;
	const char *nl;

	while (s != NULL && *s != '\0') {
		nl = strchr(s, '\n');
		w = dx_text_width_pt(nl != NULL ?
		    vb_strndup(c->arena, s, (size_t)(nl - s)) : s, pt, style);
		if (w > best)
			best = w;
		s = nl != NULL ? nl + 1 : NULL;
	}
	return best;
}

/* Returns pt, or the smaller size least when s (at its widest line) would
 * wrap in w twips at pt but fits at least. Widths are padded by 1 % for
 * the renderer's rounding. */
static double
fit_pt(dx_ctx *c, const char *s, double pt, double least, unsigned style,
    int w)
{
	if (s == NULL || least >= pt ||
	    DX_PT_TW(widest_line_pt(c, s, pt, style) * 1.01) <= w)
		return pt;
	if (DX_PT_TW(widest_line_pt(c, s, least, style) * 1.01) <= w)
		return least;
	return pt;
}

/* Returns the height in points of signer s's title lines in a column
 * w twips wide. */
static double
titles_pt(const dx_ctx *c, const vb_signature *s, int w)
{
	double h = 0;
	size_t i;

	for (i = 0; i < s->nlines; i++)
		h += VB_SINGLE_LINE_FACTOR * c->p->sign_pt *
		    dx_wrap_lines(s->lines[i], c->p->sign_pt, VB_BOLD, w, 0);
	return h;
}

/* Measures the signature block: the width of the "Nơi nhận" column of a
 * text width of text twips, and the room to sign, grown when "Nơi nhận"
 * and its list are taller than the signer's titles and the room, so the
 * name (after the table) stays right under the room (the PDF renderer
 * does the same with its own measures). Several signers share the width
 * equally, "Nơi nhận" under them; each gets the space that brings its
 * room level with the one whose titles are tallest. */
static void
sign_measure(dx_ctx *c, int text)
{
	const vb_document *doc = c->doc;
	const vb_profile *p = c->p;
	dx_fit *f = &c->fit;
	double left, right, room = VB_MM_TO_PT(p->sign_space_mm), most = 0;
	int wr;
	size_t i;

	f->sign_left_tw = (int)(text * p->sign_left_frac);
	if (doc->nsigners > 1) {
		wr = text / (int)doc->nsigners;
		f->title_pad_tw = vb_alloc(c->arena, sizeof(int) *
		    doc->nsigners);
		for (i = 0; i < doc->nsigners; i++)
			if (titles_pt(c, &doc->signers[i], wr) > most)
				most = titles_pt(c, &doc->signers[i], wr);
		for (i = 0; i < doc->nsigners; i++)
			f->title_pad_tw[i] = DX_PT_TW(most -
			    titles_pt(c, &doc->signers[i], wr));
		f->sign_room_tw = DX_PT_TW(room);
		return;
	}
	wr = text - f->sign_left_tw;
	left = VB_SINGLE_LINE_FACTOR * p->noi_nhan_label_pt;
	for (i = 0; i < doc->nrecipients; i++)
		left += VB_SINGLE_LINE_FACTOR * p->noi_nhan_pt *
		    dx_wrap_lines(doc->recipients[i], p->noi_nhan_pt, 0,
		    f->sign_left_tw, -DX_PT_TW(dx_text_width_pt("- ",
		    p->noi_nhan_pt, 0)));
	if (doc->marks.drafter != NULL)	/* ô 12, after "Lưu" */
		left += VB_SINGLE_LINE_FACTOR * p->noi_nhan_pt;
	right = doc->nsigners > 0 ? titles_pt(c, &doc->signers[0], wr) : 0;
	if (left - right > room)
		room = left - right;
	f->sign_room_tw = DX_PT_TW(room);
}

/* Measures the sizes and lengths of c->fit from the document: header
 * lines shrunk to fit their column, label widths for indents. */
void
dx_fit_measure(dx_ctx *c)
{
	const vb_header *h = &c->doc->header;	/* attached documents share its agency */
	const vb_profile *p = c->p;
	dx_fit *f = &c->fit;
	int wl = DX_MM_TW(p->header_left_mm), wr = DX_MM_TW(p->header_right_mm);
	int text = DX_MM_TW(vb_profile_text_width_mm(p));

	f->parent_pt = fit_pt(c, h->parent, p->agency_pt, VB_MIN_AGENCY_PT, 0,
	    wl);
	f->issuer_pt = fit_pt(c, h->issuer, p->agency_pt, VB_MIN_AGENCY_PT,
	    VB_BOLD, wl);
	f->quoc_hieu_pt = fit_pt(c, QUOC_HIEU, p->quoc_hieu_pt,
	    VB_MIN_QUOC_HIEU_PT, VB_BOLD, wr);
	f->tieu_ngu_pt = fit_pt(c, TIEU_NGU, p->tieu_ngu_pt,
	    VB_MIN_TIEU_NGU_PT, VB_BOLD, wr);
	f->place_pt = fit_pt(c, h->place_date, p->place_date_pt,
	    VB_MIN_PLACE_PT, VB_ITALIC, wr);
	f->issuer_tw = DX_PT_TW(widest_line_pt(c, h->issuer, f->issuer_pt,
	    VB_BOLD));
	f->tieu_ngu_tw = DX_PT_TW(dx_text_width_pt(TIEU_NGU, f->tieu_ngu_pt,
	    VB_BOLD));
	f->kg_label_tw = DX_PT_TW(dx_text_width_pt("Kính gửi: ", p->body_pt,
	    0)) + 60;
	f->kg_left_tw = text / 5 + f->kg_label_tw;
	f->nn_hang_tw = DX_PT_TW(dx_text_width_pt("- ", p->noi_nhan_pt, 0));
	sign_measure(c, text);
	f->tn_side_tw = (wr - f->tieu_ngu_tw) / 2 -
	    DX_PT_TW(VB_TIEU_NGU_RULE_OVER);
	if (f->tn_side_tw < 0)
		f->tn_side_tw = 0;
}

/* Writes the left cell of row 1: parent agency, issuer, short rule. */
static void
agency_cell(dx_ctx *c, int w)
{
	const vb_header *h = c->head;

	dx_layout_cell(c, w);
	if (h->parent != NULL && *h->parent != '\0')
		dx_para_styled(c, DX_ST_PARENT, h->parent);
	dx_para_ruled(c, DX_ST_ISSUER, h->issuer, dx_rule_width(
	    c->fit.issuer_tw, w), c->fit.issuer_pt, NULL);
	dx_end(c->x);
}

/* Writes the right cell of row 1: Quốc hiệu, and the Tiêu ngữ, whose
 * style draws the rule under it, as long as the Tiêu ngữ itself. */
static void
nation_cell(dx_ctx *c, int w)
{
	dx_layout_cell(c, w);
	dx_para_styled(c, DX_ST_QUOC_HIEU, QUOC_HIEU);
	dx_para_styled(c, DX_ST_TIEU_NGU, TIEU_NGU);
	dx_end(c->x);
}

/* Writes the left cell of row 2: "Số: …", for a công văn "V/v …", then
 * the secrecy and urgency marks at the text's left edge (shift tw in from
 * the cell's, when the table reaches into the margin). */
static void
number_cell(dx_ctx *c, int w, int shift)
{
	const vb_header *h = c->head;

	dx_layout_cell(c, w);
	dx_para_styled(c, DX_ST_NUMBER, h->number_line);
	if (h->cv_subject != NULL && *h->cv_subject != '\0')
		dx_para_styled(c, DX_ST_CV_SUBJECT, h->cv_subject);
	dx_marks_left(c, w, shift);
	dx_end(c->x);
}

/* Writes the right cell of row 2: place and date, italic. */
static void
date_cell(dx_ctx *c, int w)
{
	dx_layout_cell(c, w);
	dx_para_styled(c, DX_ST_PLACE_DATE, c->head->place_date);
	dx_end(c->x);
}

/* Writes the header table: two columns, two rows (one for a document
 * issued with another: no "Số", no date). When the columns are
 * wider than the text, the table reaches into the left margin, as the
 * decree's own samples do, so the Quốc hiệu still fits on one line. */
static void
header_table(dx_ctx *c)
{
	int cols[2], over;

	cols[0] = DX_MM_TW(c->p->header_left_mm);
	cols[1] = DX_MM_TW(c->p->header_right_mm);
	over = cols[0] + cols[1] - c->text_tw;
	dx_layout_table(c, cols, 2, 0, over > 0 ? -over : 0);
	dx_start(c->x, "w:tr");
	agency_cell(c, cols[0]);
	nation_cell(c, cols[1]);
	dx_end(c->x);
	if (c->head->number_line != NULL) {	/* not for an attached document */
		dx_start(c->x, "w:tr");
		number_cell(c, cols[0], over > 0 ? over : 0);
		date_cell(c, cols[1]);
		dx_end(c->x);
	}
	dx_end(c->x);
}

/* Writes the title of a document issued with another: type name, trích
 * yếu (no space under it), then the italic "(Ban hành kèm theo …)" line
 * with the rule under it, as long as for the trích yếu alone (the
 * appendix heading's "Dòng kèm theo" style); the last ends section end
 * when that is not NULL. */
static void
issued_with(dx_ctx *c, const dx_sect *end)
{
	const vb_header *h = c->head;
	const char *widest = h->subject != NULL ? h->subject : h->type_name;
	dx_ppr pp = dx_ppr_init();
	int w = DX_PT_TW(dx_text_width_pt(widest, c->p->subject_pt, VB_BOLD));

	dx_para_styled(c, DX_ST_TYPE, h->type_name);
	if (h->subject != NULL) {
		pp.style = DX_ST_SUBJECT;
		pp.after = 0;
		dx_para_text(c, &pp, h->subject, 0, 0);
	}
	dx_para_ruled(c, DX_ST_APPX_REF, h->issued_with,
	    dx_rule_width(w, c->text_tw), c->p->body_pt, end);
}

/* Writes the type name, the trích yếu and the rule under them (anchored
 * in the trích yếu, whose style leaves room for it and the gap below);
 * the last of them ends section end when that is not NULL. */
static void
title(dx_ctx *c, const dx_sect *end)
{
	const vb_header *h = c->head;
	const vb_profile *p = c->p;
	int type = h->type_name != NULL && *h->type_name != '\0';
	int w;
	dx_ppr pp;

	if (h->issued_with != NULL) {
		issued_with(c, end);
		return;
	}
	if (h->subject != NULL && *h->subject != '\0') {
		w = DX_PT_TW(dx_text_width_pt(h->subject, p->subject_pt,
		    VB_BOLD));
		if (type)
			dx_para_styled(c, DX_ST_TYPE, h->type_name);
		dx_para_ruled(c, DX_ST_SUBJECT, h->subject,
		    dx_rule_width(w, c->text_tw), p->subject_pt, end);
		return;
	}
	if (!type)
		return;
	/* no trích yếu: the rule goes under the type name */
	w = DX_PT_TW(dx_text_width_pt(h->type_name, p->type_pt, VB_BOLD));
	pp = dx_ppr_init();
	pp.style = DX_ST_TYPE;
	pp.sect = end;
	pp.after = DX_PT_TW(DX_RULE_GAP_PT + p->rule_pt + DX_TITLE_GAP_PT);
	dx_start(c->x, "w:p");
	dx_ppr_write(c, &pp);
	dx_run(c, h->type_name, 0, NULL);
	dx_rule_run(c, dx_rule_width(w, c->text_tw), p->type_pt);
	dx_end(c->x);
}

/* Writes "Kính gửi:" with its recipients: one on the same line, several as
 * "- X;" lines whose dashes line up under the text after the colon (the
 * style's hanging indent and tab stop). */
static void
kinh_gui(dx_ctx *c, const dx_sect *end)
{
	const vb_header *h = c->head;
	dx_ppr pp = dx_ppr_init();
	size_t i;

	if (h->nto == 0)
		return;
	pp.style = DX_ST_TO;
	pp.sect = end;
	/* after the title the space below its rule is the gap: Word adds a
	 * space before to it, LibreOffice takes the larger of the two */
	if (h->type_name != NULL && *h->type_name != '\0')
		pp.before = 0;
	dx_start(c->x, "w:p");
	dx_ppr_write(c, &pp);
	dx_run(c, h->nto > 1 ? "Kính gửi:\t" : "Kính gửi: ", 0, NULL);
	for (i = 0; i < h->nto; i++) {
		const char *end = i + 1 == h->nto ? "." : ";";
		char *line = h->nto == 1 ?
		    vb_sprintf(c->arena, "%s%s", h->to[i], end) :
		    vb_sprintf(c->arena, "- %s%s", h->to[i], end);

		if (i > 0) {
			dx_start(c->x, "w:r");
			dx_empty(c->x, "w:br");
			dx_end(c->x);
		}
		dx_run(c, line, 0, NULL);
	}
	dx_end(c->x);
}

/* Writes the "Căn cứ" lines, italic at the body indent, then "Theo đề
 * nghị của …"; the last ends section end when that is not NULL. */
static void
bases(dx_ctx *c, const dx_sect *end)
{
	const vb_header *h = c->head;
	int prop = h->proposal != NULL;
	size_t i;

	for (i = 0; i < h->nbases; i++)
		dx_para_sect(c, DX_ST_BASIS, h->bases[i], i + 1 == h->nbases &&
		    !prop ? end : NULL);
	if (prop)
		dx_para_sect(c, DX_ST_BASIS, h->proposal, end);
}

/* The lines under the title, in order; the last one present ends the
 * document's first section. */
enum tail { T_TITLE, T_AUTHORITY, T_TO, T_BASES, T_ENACT, T_NONE };

/* Returns the last of the lines under the header table that the document
 * has (T_NONE when it has none). */
static enum tail
last_tail(const vb_header *h)
{
	if (h->enact != NULL)
		return T_ENACT;
	if (h->nbases > 0 || h->proposal != NULL)
		return T_BASES;
	if (h->nto > 0)
		return T_TO;
	if (h->authority != NULL)
		return T_AUTHORITY;
	if ((h->subject != NULL && *h->subject != '\0') ||
	    (h->type_name != NULL && *h->type_name != '\0'))
		return T_TITLE;
	return T_NONE;
}

/* Writes the header block (agency, Quốc hiệu, number, date), the title,
 * the authority of a quyết định, "Kính gửi", the "Căn cứ" lines and
 * "QUYẾT ĐỊNH:". The last of them ends section sect, the document's
 * first: the body goes on in a continuous section. (A document that
 * starts with a table and has a footnote anywhere is read by LibreOffice
 * 7.4 with an empty line above the table unless the first section ends
 * before the first footnote; none of these lines has one.) Returns 1 when
 * a paragraph took sect, 0 when there was none. */
int
dx_header(dx_ctx *c, const dx_sect *sect)
{
	const vb_header *h = c->head;
	enum tail last = last_tail(h);

	header_table(c);
	title(c, last == T_TITLE ? sect : NULL);
	if (h->authority != NULL)
		dx_para_sect(c, DX_ST_AUTHORITY, h->authority,
		    last == T_AUTHORITY ? sect : NULL);
	kinh_gui(c, last == T_TO ? sect : NULL);
	bases(c, last == T_BASES ? sect : NULL);
	if (h->enact != NULL)
		dx_para_sect(c, DX_ST_ENACT, h->enact, sect);
	return last != T_NONE;
}
