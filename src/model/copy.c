/* copy.c - composing the parts a copy adds under the copied text (bản
 * sao, nd30.md §2.7): the form of copy (SAO Y, SAO LỤC, TRÍCH SAO), the
 * copying agency, "Số: 07/SY-SGDĐT" with the copy codes of Phụ lục III,
 * place and date, the signer and the copy's "Nơi nhận". Missing agency,
 * abbreviation and place are those of the copied document (an agency
 * copying its own document). */
#include "copy.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/text.h"
#include "signer.h"

/* One form of copy: its folded spelling, printed words and code. */
struct form {
	const char *fold;	/* "saoy" */
	const char *printed;	/* "SAO Y" */
	const char *code;	/* "SY" (Phụ lục III: SY, SL, TrS) */
};

static const struct form forms[] = {
	{"saoy", "SAO Y", "SY"},
	{"saoluc", "SAO LỤC", "SL"},
	{"trichsao", "TRÍCH SAO", "TrS"},
	{NULL, NULL, NULL}
};

/* Returns the form s names, or NULL after reporting it. */
static const struct form *
find_form(vb_document *doc, const vb_copy_src *s, vb_diags *d)
{
	const char *f = vb_text_fold(doc->arena, s->form != NULL ? s->form :
	    "");
	const struct form *k, *best = NULL;
	int i;
	char hint[200];

	for (k = forms; k->fold != NULL; k++)
		if (strcmp(k->fold, f) == 0)
			return k;
	if ((i = vb_text_closest(f, forms, sizeof(forms[0]))) >= 0)
		best = &forms[i];
	if (best != NULL)
		snprintf(hint, sizeof(hint), "có phải ý bạn là '%s'? (Nghị định "
		    "30: sao-y, sao-luc, trich-sao)", best->printed);
	else
		snprintf(hint, sizeof(hint), "viết hinh_thuc: sao-y, sao-luc "
		    "hoặc trich-sao");
	vb_diag_add(d, VB_ERROR, doc->path, s->form_pos.line > 0 ?
	    s->form_pos.line : s->pos.line, s->form_pos.line > 0 ?
	    s->form_pos.col : s->pos.col, hint, s->form != NULL ?
	    "hình thức sao '%s' không có trong Nghị định 30" :
	    "bản sao thiếu hình thức sao (ban_sao: hinh_thuc)%s",
	    s->form != NULL ? s->form : "");
	return NULL;
}

/* Returns the copy's number as printed ("07"), "" when blank, or NULL
 * after reporting one that is not a number. */
static const char *
copy_number(vb_document *doc, const vb_copy_src *s, vb_diags *d)
{
	const char *n = s->number != NULL ? s->number : "";
	size_t i;

	for (i = 0; isdigit((unsigned char)n[i]); i++)
		;
	if (n[i] != '\0' || i > 6) {
		vb_diag_add(d, VB_ERROR, doc->path, s->number_pos.line,
		    s->number_pos.col, "ghi số thứ tự của bản sao, ví dụ so: 7",
		    "số bản sao '%s' không phải là một số", n);
		return NULL;
	}
	while (*n == '0' && n[1] != '\0')
		n++;
	if (*n == '\0')
		return "";
	return strlen(n) == 1 ? vb_sprintf(doc->arena, "0%s", n) : n;
}

/* Composes who signs the copy: "TL. GIÁM ĐỐC" / "CHÁNH VĂN PHÒNG", as a
 * document's own signer (KT, TL, TUQ, TM, Q or the head). */
static void
copy_signer(vb_document *doc, const vb_sign_src *s, vb_signature *g,
    vb_diags *d)
{
	char auth[8];

	g->lines = vb_alloc(doc->arena, 4 * sizeof(char *));
	g->name = s->name != NULL ? s->name : "";
	g->role = "Ban_sao";
	vb_signer_authority(s, auth);
	if (s->title == NULL || *s->title == '\0') {
		vb_diag_add(d, VB_ERROR, doc->path, s->pos.line, s->pos.col,
		    "ví dụ: ky: {quyen_han: TL, thu_truong: Giám đốc, chuc_vu: "
		    "Chánh Văn phòng, ho_ten: Trần Văn B}",
		    "bản sao thiếu chức vụ người ký (ban_sao: ky: chuc_vu)");
		return;
	}
	/* unlike a document's signer, nothing is printed for an incomplete
	 * authority */
	if (vb_signer_missing(s, auth) != NULL ||
	    vb_signer_lines(doc->arena, s, auth, g) < 0)
		vb_diag_add(d, VB_ERROR, doc->path, s->pos.line, s->pos.col,
		    "quyen_han KT, TL, TUQ cần thu_truong; TM cần tap_the",
		    "quyền hạn ký bản sao '%s' chưa đủ thông tin", s->authority);
}

/* Composes the copy's "Nơi nhận": "- X;" lines, then "- Lưu: VT." */
static void
copy_recipients(vb_document *doc, const vb_copy_src *s, vb_copy *cp)
{
	vb_buf luu = { NULL, 0, 0 };
	size_t i;

	cp->recipients = vb_alloc(doc->arena,
	    (s->recipients.n + 2) * sizeof(char *));
	for (i = 0; i < s->recipients.n; i++)
		cp->recipients[cp->nrecipients++] = vb_sprintf(doc->arena,
		    "- %s;", vb_text_bare_item(doc->arena,
		    s->recipients.items[i], ";.,"));
	vb_buf_puts(&luu, "");
	for (i = 0; i < s->archive.n; i++) {
		if (i > 0)
			vb_buf_puts(&luu, ", ");
		vb_buf_puts(&luu, vb_text_bare_item(doc->arena,
		    s->archive.items[i], ";.,"));
	}
	cp->recipients[cp->nrecipients++] = vb_sprintf(doc->arena,
	    "- Lưu: %s.", luu.len > 0 ? luu.data : "VT");
	vb_buf_free(&luu);
}

void
vb_copy_compose(vb_document *doc, const vb_meta *m, vb_diags *d)
{
	const vb_copy_src *s = &m->copy;
	const struct form *f;
	const char *num, *abbr;
	vb_copy *cp;
	vb_date date;

	if (s->pos.line == 0)
		return;
	if ((f = find_form(doc, s, d)) == NULL ||
	    (num = copy_number(doc, s, d)) == NULL)
		return;
	cp = vb_alloc(doc->arena, sizeof(*cp));
	cp->form = f->printed;
	cp->parent = s->parent != NULL && *s->parent != '\0' ?
	    vb_text_upper(doc->arena, s->parent) : s->issuer == NULL ?
	    doc->header.parent : NULL;
	cp->issuer = vb_text_upper(doc->arena, s->issuer != NULL &&
	    *s->issuer != '\0' ? s->issuer : m->issuer != NULL ? m->issuer : "");
	abbr = vb_text_upper(doc->arena, s->abbrev != NULL && *s->abbrev !=
	    '\0' ? s->abbrev : m->abbrev != NULL ? m->abbrev : "");
	cp->number_line = vb_sprintf(doc->arena, "Số: %s/%s-%s",
	    *num != '\0' ? num : "     ", f->code, abbr);
	memset(&date, 0, sizeof(date));
	if (s->date != NULL && vb_date_parse(s->date, &date) < 0) {
		vb_diag_add(d, VB_ERROR, doc->path, s->date_pos.line,
		    s->date_pos.col, "viết ngày dạng năm-tháng-ngày, ví dụ "
		    "ngay: 2024-01-20", "ngày sao '%s' không hợp lệ hoặc không "
		    "có thật", s->date);
		return;
	}
	cp->place_date = vb_sprintf(doc->arena, "%s, %s", s->place != NULL &&
	    *s->place != '\0' ? s->place : m->place != NULL ? m->place : "",
	    vb_date_words(doc->arena, &date));
	copy_signer(doc, &s->sign, &cp->sign, d);
	copy_recipients(doc, s, cp);
	doc->copy = cp;
}
