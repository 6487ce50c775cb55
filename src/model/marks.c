/* marks.c - composing the marks of the position scheme (nd30.md §2.1,
 * §2.2): secrecy (ô 10a), urgency (ô 10b), circulation (ô 11), the
 * drafter's initials and copies (ô 12), the footer of page 1 (ô 13) and
 * the draft mark. A mark is written by the clerk with or without
 * diacritics, in any case; it is printed in Decree 30's own words, and a
 * word that is not one of them is refused with the closest one. */
#include "marks.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/text.h"

/* One word Decree 30 allows for a mark. */
struct word {
	const char *fold;	/* folded spelling: ASCII, lower case, no spaces */
	const char *printed;	/* as printed, upper case */
	double w_mm;		/* stamp width (urgency), 0 for the others */
};

/* ô 10a: the secrecy levels (Luật Bảo vệ bí mật nhà nước). */
static const struct word secrecy_words[] = {
	{"mat", "MẬT", 0},
	{"toimat", "TỐI MẬT", 0},
	{"tuyetmat", "TUYỆT MẬT", 0},
	{NULL, NULL, 0}
};

/* ô 10b: the urgency levels with ND30's stamp sizes (× 8 mm). */
static const struct word urgency_words[] = {
	{"khan", "KHẨN", 20},
	{"thuongkhan", "THƯỢNG KHẨN", 40},
	{"hoatoc", "HỎA TỐC", 30},
	{NULL, NULL, 0}
};

/* ô 11: the circulation notes of ND30, and the recall stamp. */
static const struct word circulation_words[] = {
	{"xemxongtralai", "XEM XONG TRẢ LẠI", 0},
	{"luuhanhnoibo", "LƯU HÀNH NỘI BỘ", 0},
	{"tralaisaukhihop", "TRẢ LẠI SAU KHI HỌP", 0},
	{"tralaisaukhihoinghi", "TRẢ LẠI SAU KHI HỘI NGHỊ", 0},
	{"tralaisaukhihophoinghi", "TRẢ LẠI SAU KHI HỌP (HỘI NGHỊ)", 0},
	{"tailieuthuhoi", "TÀI LIỆU THU HỒI", 0},
	{NULL, NULL, 0}
};

/* A word of one list written under the key of another. */
struct place {
	const struct word *word;	/* the word */
	const char *key;		/* the key it belongs under */
	const char *what;		/* what it is, for the message */
};

/* Returns 1 and fills *out when f (folded) is a word of a list other than
 * ws ("luu_hanh: mật"), else 0. */
static int
misplaced(const struct word *ws, const char *f, struct place *out)
{
	static const struct {
		const struct word *ws;
		const char *key;
		const char *what;
	} lists[] = {
		{secrecy_words, "do_mat", "độ mật"},
		{urgency_words, "do_khan", "độ khẩn"},
		{circulation_words, "luu_hanh", "chỉ dẫn lưu hành"},
	};
	const struct word *w;
	size_t i;

	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		if (lists[i].ws == ws)
			continue;
		for (w = lists[i].ws; w->fold != NULL; w++)
			if (strcmp(w->fold, f) == 0) {
				out->word = w;
				out->key = lists[i].key;
				out->what = lists[i].what;
				return 1;
			}
	}
	return 0;
}

/* Returns the list of the printed words of ws: "MẬT, TỐI MẬT, TUYỆT MẬT". */
static const char *
word_list(vb_arena *a, const struct word *ws)
{
	vb_buf b = { NULL, 0, 0 };
	const char *r;

	vb_buf_puts(&b, "");
	for (; ws->fold != NULL; ws++) {
		if (b.len > 0)
			vb_buf_puts(&b, ", ");
		vb_buf_puts(&b, ws->printed);
	}
	r = vb_strdup(a, b.data);
	vb_buf_free(&b);
	return r;
}

/* Returns the word of ws that v names, or NULL after reporting at pos
 * that it is not one of Decree 30's (with the closest one, if any). */
static const struct word *
find_word(const vb_document *doc, const struct word *ws, const char *v,
    vb_pos pos, const char *key, const char *what, vb_diags *d)
{
	const char *f = vb_text_fold(doc->arena, v);
	const struct word *w, *best = NULL;
	struct place other;
	int i;
	char hint[512];

	for (w = ws; w->fold != NULL; w++)
		if (strcmp(w->fold, f) == 0)
			return w;
	if ((i = vb_text_closest(f, ws, sizeof(*ws))) >= 0)
		best = &ws[i];
	if (misplaced(ws, f, &other))
		snprintf(hint, sizeof(hint), "'%s' là %s: ghi ở khóa %s",
		    other.word->printed, other.what, other.key);
	else if (ws == urgency_words && strcmp(f, "hoatochengio") == 0)
		snprintf(hint, sizeof(hint), "Nghị định 30 chỉ có %s; ghi giờ "
		    "hẹn trong nội dung và dùng do_khan: hỏa tốc",
		    word_list(doc->arena, ws));
	else if (best != NULL)
		snprintf(hint, sizeof(hint), "có phải ý bạn là '%s'? (Nghị "
		    "định 30 dùng: %s)", best->printed, word_list(doc->arena, ws));
	else
		snprintf(hint, sizeof(hint), "Nghị định 30 dùng: %s",
		    word_list(doc->arena, ws));
	vb_diag_add(d, VB_ERROR, doc->path, pos.line, pos.col, hint,
	    "%s '%s: %s' không phải là dấu của Nghị định 30", what, key, v);
	return NULL;
}

/* Returns 1 for a yes ("co", "có", "true"), 0 for a no, -1 for anything
 * else (a label such as "lần 2"). */
static int
yes_no(vb_arena *a, const char *v)
{
	const char *f = vb_text_fold(a, v);

	if (strcmp(f, "co") == 0 || strcmp(f, "true") == 0 ||
	    strcmp(f, "yes") == 0 || strcmp(f, "x") == 0)
		return 1;
	if (strcmp(f, "khong") == 0 || strcmp(f, "false") == 0 ||
	    strcmp(f, "no") == 0 || *f == '\0')
		return 0;
	return -1;
}

/* Composes the draft mark: "DỰ THẢO", or "DỰ THẢO LẦN 2" for du_thao:
 * lần 2; refused on a document that already has a number. */
static void
compose_draft(vb_document *doc, const vb_marks_src *s, vb_diags *d)
{
	int yn;

	if (s->draft == NULL)
		return;
	yn = yes_no(doc->arena, s->draft);
	if (yn == 0)
		return;
	if (doc->number != NULL && *doc->number != '\0') {
		vb_diag_add(d, VB_ERROR, doc->path, s->draft_pos.line,
		    s->draft_pos.col, "dự thảo chưa có số: để trống số "
		    "(so: \"\") khi còn là dự thảo, hoặc bỏ du_thao khi ban hành",
		    "văn bản đã có số %s không thể mang dấu DỰ THẢO",
		    doc->number);
		return;
	}
	if (yn == 1)
		doc->marks.draft = "DỰ THẢO";
	else
		doc->marks.draft = vb_sprintf(doc->arena, "DỰ THẢO %s",
		    vb_text_upper(doc->arena, s->draft));
}

/* Composes ô 12: the drafter's initials (upper case) and the number of
 * copies issued in brackets, "PL.(300)" as in the decree's example. */
static void
compose_drafter(vb_document *doc, const vb_marks_src *s, vb_diags *d)
{
	const char *who = s->drafter != NULL && *s->drafter != '\0' ?
	    vb_text_upper(doc->arena, s->drafter) : NULL;
	const char *n = s->copies != NULL && *s->copies != '\0' ? s->copies :
	    NULL;
	size_t i;

	if (n != NULL) {
		for (i = 0; isdigit((unsigned char)n[i]); i++)
			;
		if (n[i] != '\0' || i > 6) {
			vb_diag_add(d, VB_ERROR, doc->path, s->copies_pos.line,
			    s->copies_pos.col, "ghi số bản phát hành bằng chữ "
			    "số, ví dụ so_ban: 30", "'so_ban: %s' không phải là "
			    "một số", n);
			return;
		}
	}
	if (who != NULL && n != NULL)
		doc->marks.drafter = vb_sprintf(doc->arena, "%s.(%s)", who, n);
	else if (who != NULL)
		doc->marks.drafter = who;
	else if (n != NULL)
		doc->marks.drafter = vb_sprintf(doc->arena, "(%s)", n);
}

/* Appends "label value" to b, after a comma when b is not empty. */
static void
footer_item(vb_buf *b, const char *label, const char *v)
{
	if (v == NULL || *v == '\0')
		return;
	if (b->len > 0)
		vb_buf_puts(b, ", ");
	vb_buf_puts(b, label);
	vb_buf_puts(b, v);
}

/* Composes ô 13, the footer of page 1: the address on one line, then
 * "ĐT: …, Fax: …, E-mail: …, Website: …" (the decree's sample). */
static void
compose_footer(vb_document *doc, const vb_marks_src *s)
{
	vb_buf b = { NULL, 0, 0 };
	const char **lines = vb_alloc(doc->arena, 2 * sizeof(char *));
	size_t n = 0;

	if (s->address != NULL && *s->address != '\0')
		lines[n++] = vb_sprintf(doc->arena, "Địa chỉ: %s", s->address);
	vb_buf_puts(&b, "");
	footer_item(&b, "ĐT: ", s->phone);
	footer_item(&b, "Fax: ", s->fax);
	footer_item(&b, "E-mail: ", s->email);
	footer_item(&b, "Website: ", s->website);
	if (b.len > 0)
		lines[n++] = vb_strdup(doc->arena, b.data);
	vb_buf_free(&b);
	if (n > 0) {
		doc->marks.footer = lines;
		doc->marks.nfooter = n;
	}
}

void
vb_marks_compose(vb_document *doc, const vb_marks_src *s, vb_diags *d)
{
	const struct word *w;

	if (s->secrecy != NULL && *s->secrecy != '\0' &&
	    (w = find_word(doc, secrecy_words, s->secrecy, s->secrecy_pos,
	    "do_mat", "độ mật", d)) != NULL)
		doc->marks.secrecy = w->printed;
	if (s->urgency != NULL && *s->urgency != '\0' &&
	    (w = find_word(doc, urgency_words, s->urgency, s->urgency_pos,
	    "do_khan", "độ khẩn", d)) != NULL) {
		doc->marks.urgency = w->printed;
		doc->marks.urgency_w_mm = w->w_mm;
	}
	if (s->circulation != NULL && *s->circulation != '\0' &&
	    (w = find_word(doc, circulation_words, s->circulation,
	    s->circulation_pos, "luu_hanh", "chỉ dẫn lưu hành", d)) != NULL)
		doc->marks.circulation = w->printed;
	compose_draft(doc, s, d);
	compose_drafter(doc, s, d);
	compose_footer(doc, s);
}

int
vb_marks_wants_toc(vb_document *doc, const vb_marks_src *s, vb_diags *d)
{
	int yn;

	if (s->toc == NULL)
		return 0;
	yn = yes_no(doc->arena, s->toc);
	if (yn < 0) {
		vb_diag_add(d, VB_ERROR, doc->path, s->toc_pos.line,
		    s->toc_pos.col, "viết muc_luc: co để có mục lục",
		    "'muc_luc: %s' không hợp lệ", s->toc);
		return 0;
	}
	return yn;
}
