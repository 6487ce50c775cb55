/* pdf_sign.c - the signature block after the body ("Nơi nhận" left, the
 * signer right), and the empty digital-signature field added with qpdf
 * over the space between the signer's title and name. */
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <string.h>

#include "pdf_int.h"

/* The signature block laid out, positions from its top. */
typedef struct sign {
	pdf_para *label;	/* "Nơi nhận:", or NULL */
	pdf_para **to;		/* recipient lines */
	size_t nto;		/* number of recipient lines */
	pdf_para **lines;	/* authority and title lines */
	size_t nlines;		/* number of them */
	pdf_para *name;		/* signer's name, or NULL */
	double wl;		/* width of the "Nơi nhận" column */
	double wr;		/* width of the signer's column */
	double space;		/* blank height for signature and seal */
} sign;

/* Returns a "Nơi nhận" line in width w, wrapped lines under its text
 * (hanging indent of "- "). */
pdf_para *
pdf_sign_recipient(pdf_ctx *c, double w, const char *s)
{
	pdf_style st = pdf_style_body(c, c->pf->noi_nhan_pt);

	st.width = w;
	st.indent = -pdf_text_width(c, "- ", c->pf->noi_nhan_pt, 0);
	return pdf_para_text(c, &st, s);
}

/* Returns the height of the left column of s. */
static double
left_height(const sign *s)
{
	double h = s->label != NULL ? pdf_para_height(s->label) : 0;
	size_t i;

	for (i = 0; i < s->nto; i++)
		h += pdf_para_height(s->to[i]);
	return h;
}

/* Returns the height of the title lines of s. */
static double
titles_height(const sign *s)
{
	double h = 0;
	size_t i;

	for (i = 0; i < s->nlines; i++)
		h += pdf_para_height(s->lines[i]);
	return h;
}

/* Draws the signature block and records where the field goes. */
static void
draw_sign(pdf_ctx *c, const pdf_line *l, double x, double y)
{
	const sign *s = l->data;
	double ly = y + PDF_SIGN_GAP, ry = ly, fw;
	size_t i;

	if (s->label != NULL)
		ly += pdf_para_draw(c, s->label, x, ly);
	for (i = 0; i < s->nto; i++)
		ly += pdf_para_draw(c, s->to[i], x, ly);
	for (i = 0; i < s->nlines; i++)
		ry += pdf_para_draw(c, s->lines[i], x + s->wl, ry);
	fw = VB_MM_TO_PT(PDF_SIG_W_MM);
	if (fw > s->wr)
		fw = s->wr;
	c->sign_page = c->page;
	c->sign_rect[0] = x + s->wl + (s->wr - fw) / 2;
	c->sign_rect[1] = ry;
	c->sign_rect[2] = fw;
	c->sign_rect[3] = s->space;
	ry += s->space;
	if (s->name != NULL)
		pdf_para_draw(c, s->name, x + s->wl, ry);
}

/* Queues the block of one signer: "Nơi nhận" left, the signer right
 * (kept whole, after the body). */
static void
one_signer(pdf_ctx *c, const vb_signature *sg)
{
	const vb_document *doc = c->doc;
	const vb_profile *pf = c->pf;
	sign *s = vb_alloc(c->arena, sizeof(*s));
	pdf_box *b = pdf_box_new(c);
	pdf_line *l;
	double lh, rh;
	size_t i;

	s->wl = c->width * pf->sign_left_frac;
	s->wr = c->width - s->wl;
	s->space = VB_MM_TO_PT(pf->sign_space_mm);
	if (doc->noi_nhan_label != NULL || doc->nrecipients > 0)
		s->label = pdf_para_plain(c, pf->noi_nhan_label_pt,
		    VB_BOLD | VB_ITALIC, s->wl, 0, doc->noi_nhan_label != NULL ?
		    doc->noi_nhan_label : "Nơi nhận:");
	s->to = vb_alloc(c->arena, (doc->nrecipients + 2) * sizeof(*s->to));
	for (i = 0; i < doc->nrecipients; i++)
		s->to[s->nto++] = pdf_sign_recipient(c, s->wl,
		    doc->recipients[i]);
	if ((s->to[s->nto] = pdf_marks_drafter(c, s->wl)) != NULL)
		s->nto++;	/* ô 12, after "Lưu" */
	s->lines = vb_alloc(c->arena, (sg->nlines + 1) * sizeof(*s->lines));
	for (i = 0; i < sg->nlines; i++)
		s->lines[s->nlines++] = pdf_para_plain(c, pf->sign_pt,
		    VB_BOLD, s->wr, 1, sg->lines[i]);
	if (sg->name != NULL && *sg->name != '\0')
		s->name = pdf_para_plain(c, pf->sign_pt, VB_BOLD, s->wr, 1,
		    sg->name);
	if (s->label == NULL && s->nlines == 0 && s->name == NULL)
		return;
	/* The room to sign grows until the titles and the room are as tall
	 * as "Nơi nhận" (the DOCX does the same): the name, after them,
	 * ends the block. */
	lh = left_height(s);
	rh = titles_height(s);
	if (lh - rh > s->space)
		s->space = lh - rh;
	rh += s->space + (s->name != NULL ? pdf_para_height(s->name) : 0);
	l = pdf_box_line(c, b, PDF_SIGN_GAP + (lh > rh ? lh : rh));
	l->draw = draw_sign;
	l->data = s;
	if (s->label != NULL)
		pdf_box_own(c, b, s->label->layout);
	for (i = 0; i < s->nto; i++)
		pdf_box_own(c, b, s->to[i]->layout);
	for (i = 0; i < s->nlines; i++)
		pdf_box_own(c, b, s->lines[i]->layout);
	if (s->name != NULL)
		pdf_box_own(c, b, s->name->layout);
	pdf_flow_push(c, b);
}

/* Several signers laid out side by side, positions from the block's top. */
typedef struct cosign {
	sign *cols;		/* one column per signer (titles, name) */
	size_t n;		/* number of signers */
	double w;		/* width of each column */
	double titles;		/* height of the tallest titles */
	double space;		/* room to sign, under the tallest titles */
} cosign;

/* Draws several signers side by side, rooms and names level; the
 * signature field goes over the last one's room (the main signer). */
static void
draw_cosign(pdf_ctx *c, const pdf_line *l, double x, double y)
{
	const cosign *k = l->data;
	double top = y + PDF_SIGN_GAP, ry, fw;
	size_t i, j;

	for (i = 0; i < k->n; i++) {
		const sign *s = &k->cols[i];
		double cx = x + (double)i * k->w;

		ry = top;
		for (j = 0; j < s->nlines; j++)
			ry += pdf_para_draw(c, s->lines[j], cx, ry);
		if (s->name != NULL)
			pdf_para_draw(c, s->name, cx, top + k->titles +
			    k->space);
	}
	fw = VB_MM_TO_PT(PDF_SIG_W_MM);
	if (fw > k->w)
		fw = k->w;
	c->sign_page = c->page;
	c->sign_rect[0] = x + (double)(k->n - 1) * k->w + (k->w - fw) / 2;
	c->sign_rect[1] = top + k->titles;
	c->sign_rect[2] = fw;
	c->sign_rect[3] = k->space;
}

/* Queues "Nơi nhận" and its list across the text width, 6 pt above it,
 * then the drafter's line (ô 12), kept whole (the DOCX's paragraphs after the signers' table, each kept
 * with the next); not kept with the signers, as LibreOffice does not keep
 * a table with the paragraph after it. */
static void
recipients_under(pdf_ctx *c)
{
	const vb_document *doc = c->doc;
	pdf_box *b = pdf_box_new(c);
	pdf_para *d;
	size_t i;

	pdf_box_space(c, b, PDF_SIGN_GAP);
	pdf_box_para(c, b, pdf_para_plain(c, c->pf->noi_nhan_label_pt,
	    VB_BOLD | VB_ITALIC, c->width, 0, doc->noi_nhan_label != NULL ?
	    doc->noi_nhan_label : "Nơi nhận:"), 0);
	for (i = 0; i < doc->nrecipients; i++)
		pdf_box_para(c, b, pdf_sign_recipient(c, c->width,
		    doc->recipients[i]), 0);
	/* ô 12 after "Lưu", where a one-signer document has it */
	d = pdf_marks_drafter(c, c->width * c->pf->sign_left_frac);
	if (d != NULL)
		pdf_box_para(c, b, d, 0);
	b->min_first = b->min_last = b->n;
	pdf_flow_push(c, b);
}

/* Queues several signers side by side in one unsplittable block, then
 * "Nơi nhận" under them (Mẫu 1.9, nd30.md §5.2). */
static void
cosigners(pdf_ctx *c)
{
	const vb_document *doc = c->doc;
	const vb_profile *pf = c->pf;
	cosign *k = vb_alloc(c->arena, sizeof(*k));
	pdf_box *b = pdf_box_new(c);
	double name = 0, h;
	size_t i, j;

	k->n = doc->nsigners;
	k->w = c->width / (double)k->n;
	k->space = VB_MM_TO_PT(pf->sign_space_mm);
	k->cols = vb_alloc(c->arena, k->n * sizeof(*k->cols));
	for (i = 0; i < k->n; i++) {
		const vb_signature *sg = &doc->signers[i];
		sign *s = &k->cols[i];

		s->lines = vb_alloc(c->arena, (sg->nlines + 1) *
		    sizeof(*s->lines));
		for (j = 0; j < sg->nlines; j++) {
			s->lines[s->nlines++] = pdf_para_plain(c,
			    pf->sign_pt, VB_BOLD, k->w, 1, sg->lines[j]);
			pdf_box_own(c, b, s->lines[j]->layout);
		}
		if ((h = titles_height(s)) > k->titles)
			k->titles = h;
		if (sg->name != NULL && *sg->name != '\0') {
			s->name = pdf_para_plain(c, pf->sign_pt, VB_BOLD,
			    k->w, 1, sg->name);
			pdf_box_own(c, b, s->name->layout);
			if (pdf_para_height(s->name) > name)
				name = pdf_para_height(s->name);
		}
	}
	pdf_box_line(c, b, PDF_SIGN_GAP + k->titles + k->space + name);
	b->lines[0].draw = draw_cosign;
	b->lines[0].data = k;
	pdf_flow_push(c, b);
	recipients_under(c);
}

/* Queues the signature block: one signer right of "Nơi nhận", several
 * side by side with "Nơi nhận" under them, or nothing for a document
 * issued with another (signed only there). */
void
pdf_sign_block(pdf_ctx *c)
{
	if (c->doc->nsigners == 1)
		one_signer(c, &c->doc->signers[0]);
	else if (c->doc->nsigners > 1)
		cosigners(c);
}

/* Returns "D:YYYYMMDDHHmmSS+HH'mm'" for an ISO 8601 date, in buf. */
static const char *
pdf_date(const char *iso, char *buf, size_t n)
{
	int y, mo, d, h, mi, s, th = 0, tm = 0;
	char sign = 'Z';

	if (iso == NULL || sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d,
	    &h, &mi, &s) != 6)
		return NULL;
	if (strlen(iso) >= 25 && (iso[19] == '+' || iso[19] == '-')) {
		sign = iso[19];
		sscanf(iso + 20, "%2d:%2d", &th, &tm);
	}
	if (sign == 'Z')
		snprintf(buf, n, "D:%04d%02d%02d%02d%02d%02dZ", y, mo, d, h,
		    mi, s);
	else
		snprintf(buf, n, "D:%04d%02d%02d%02d%02d%02d%c%02d'%02d'", y,
		    mo, d, h, mi, s, sign, th, tm);
	return buf;
}

/* Returns an empty appearance stream of w × h for the field. */
static qpdf_oh
empty_appearance(qpdf_data q, double w, double h)
{
	qpdf_oh st = qpdf_oh_new_stream(q), dict, bbox;

	qpdf_oh_replace_stream_data(q, st, (const unsigned char *)"", 0,
	    qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	dict = qpdf_oh_get_dict(q, st);
	qpdf_oh_replace_key(q, dict, "/Type", qpdf_oh_new_name(q, "/XObject"));
	qpdf_oh_replace_key(q, dict, "/Subtype", qpdf_oh_new_name(q, "/Form"));
	bbox = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, bbox, qpdf_oh_new_integer(q, 0));
	qpdf_oh_append_item(q, bbox, qpdf_oh_new_integer(q, 0));
	qpdf_oh_append_item(q, bbox, qpdf_oh_new_real_from_double(q, w, 2));
	qpdf_oh_append_item(q, bbox, qpdf_oh_new_real_from_double(q, h, 2));
	qpdf_oh_replace_key(q, dict, "/BBox", bbox);
	return st;
}

/* Returns a number array [a b c d] of PDF user-space values. */
static qpdf_oh
rect(qpdf_data q, double a, double b, double cc, double d)
{
	qpdf_oh r = qpdf_oh_new_array(q);

	qpdf_oh_append_item(q, r, qpdf_oh_new_real_from_double(q, a, 2));
	qpdf_oh_append_item(q, r, qpdf_oh_new_real_from_double(q, b, 2));
	qpdf_oh_append_item(q, r, qpdf_oh_new_real_from_double(q, cc, 2));
	qpdf_oh_append_item(q, r, qpdf_oh_new_real_from_double(q, d, 2));
	return r;
}

/* Adds the signature widget to the page and the document's AcroForm. */
static void
add_field(const pdf_ctx *c, qpdf_data q)
{
	/* the main signer: the only one, or the last (right) of several */
	const char *role = c->doc->signers[c->doc->nsigners - 1].role;
	qpdf_oh page = qpdf_get_page_n(q, (size_t)(c->sign_page - 1));
	qpdf_oh w = qpdf_oh_new_dictionary(q), ap = qpdf_oh_new_dictionary(q);
	qpdf_oh annots, form, fields, media;
	double ph, x = c->sign_rect[0], y = c->sign_rect[1];
	double fw = c->sign_rect[2], fh = c->sign_rect[3];

	media = qpdf_oh_get_key(q, page, "/MediaBox");
	ph = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, media, 3));
	qpdf_oh_replace_key(q, w, "/Type", qpdf_oh_new_name(q, "/Annot"));
	qpdf_oh_replace_key(q, w, "/Subtype", qpdf_oh_new_name(q, "/Widget"));
	qpdf_oh_replace_key(q, w, "/FT", qpdf_oh_new_name(q, "/Sig"));
	qpdf_oh_replace_key(q, w, "/T", qpdf_oh_new_unicode_string(q,
	    role != NULL && *role != '\0' ? role : "Chu_ky"));
	qpdf_oh_replace_key(q, w, "/F", qpdf_oh_new_integer(q, 4));
	qpdf_oh_replace_key(q, w, "/Rect", rect(q, x, ph - y - fh, x + fw,
	    ph - y));
	qpdf_oh_replace_key(q, w, "/P", page);
	qpdf_oh_replace_key(q, ap, "/N", empty_appearance(q, fw, fh));
	qpdf_oh_replace_key(q, w, "/AP", ap);
	w = qpdf_make_indirect_object(q, w);
	annots = qpdf_oh_get_key(q, page, "/Annots");
	if (!qpdf_oh_is_array(q, annots)) {
		annots = qpdf_oh_new_array(q);
		qpdf_oh_replace_key(q, page, "/Annots", annots);
	}
	qpdf_oh_append_item(q, annots, w);
	form = qpdf_oh_new_dictionary(q);
	fields = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, fields, w);
	qpdf_oh_replace_key(q, form, "/Fields", fields);
	qpdf_oh_replace_key(q, qpdf_get_root(q), "/AcroForm", form);
}

/* Records qpdf's error in c's diagnostics; returns -1. */
static int
qpdf_fail(const pdf_ctx *c, qpdf_data q)
{
	(void)q;
	vb_diag_add(c->d, VB_ERROR, c->doc->path, 0, 0, NULL,
	    "không thêm được ô chữ ký số vào PDF: thư viện qpdf báo lỗi "
	    "(thường do không đủ bộ nhớ)");
	return -1;
}

/* Adds the empty signature field to the PDF in in; writes the result to
 * out; returns 0, or -1 with an error in d. */
int
pdf_sign_field(const pdf_ctx *c, const vb_buf *in, const char *created,
    vb_buf *out)
{
	qpdf_data q = qpdf_init();
	char date[40];
	int rc = 0;

	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (qpdf_read_memory(q, "vanban.pdf", in->data, (unsigned long long)
	    in->len, NULL) & QPDF_ERRORS) {
		rc = qpdf_fail(c, q);
		goto done;
	}
	if (qpdf_more_warnings(q)) {	/* Cairo wrote a damaged file */
		qpdf_next_warning(q);
		vb_diag_add(c->d, VB_ERROR, c->doc->path, 0, 0, NULL,
		    "PDF tạo ra bị hỏng (lỗi của thư viện Cairo), nên không ghi");
		rc = -1;
		goto done;
	}
	if (c->sign_page > 0)
		add_field(c, q);
	if (pdf_date(created, date, sizeof(date)) != NULL) {
		qpdf_set_info_key(q, "/CreationDate", date);
		qpdf_set_info_key(q, "/ModDate", date);
	}
	if (qpdf_has_error(q) ||
	    (qpdf_init_write_memory(q) & QPDF_ERRORS)) {
		rc = qpdf_fail(c, q);
		goto done;
	}
	qpdf_set_object_stream_mode(q, qpdf_o_preserve);
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	if ((qpdf_write(q) & QPDF_ERRORS) ||
	    vb_buf_put(out, qpdf_get_buffer(q), qpdf_get_buffer_length(q)) < 0)
		rc = qpdf_fail(c, q);
done:
	qpdf_cleanup(&q);
	return rc;
}
