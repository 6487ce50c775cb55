/* document.c - building the document model: reading the input, splitting
 * front matter from body, and composing every printed string the way
 * Decree 30 writes it (number and symbol, place and date, signature lines,
 * recipients, appendix headings). */
#include "document.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/filekind.h"
#include "base/infile.h"
#include "base/text.h"
#include "compose.h"
#include "copy.h"
#include "image.h"
#include "marks.h"
#include "numbering.h"
#include "scheme.h"
#include "signer.h"
#include "toc.h"
#include "parse/body.h"
#include "parse/agency.h"
#include "parse/frontmatter.h"
#include "parse/tasks.h"
#include "sheet/sheet.h"
#include "sheet/table.h"

/* State while building one document. */
struct build {
	vb_document *doc;	/* the document being built */
	vb_arena *a;		/* its arena */
	vb_meta m;		/* the front matter */
	vb_notes notes;		/* footnotes of all parts */
	vb_diags *d;		/* problems */
	const char *dir;	/* folder of the input, for appendix files */
	vb_inputs *in;		/* the folder's files and the read budget */
	int follow;		/* 1: read the document named by kem_theo (0 while
				 * reading that one: no chains, no loops) */
};

/* Returns the 1-based line and character column of byte off in s. */
static void
line_col(const char *s, size_t off, int *line, int *col)
{
	size_t i, ls = 0;

	*line = 1;
	for (i = 0; i < off; i++)
		if (s[i] == '\n') {
			(*line)++;
			ls = i + 1;
		}
	*col = (int)vb_utf8_chars(s + ls, off - ls) + 1;
}

/* Checks the raw bytes: no NUL, valid UTF-8, no character XML cannot
 * hold. Returns 0 or -1. */
static int
check_bytes(const char *path, const char *data, size_t len, vb_diags *d)
{
	const char *nul = memchr(data, '\0', len);
	vb_filekind k = vb_filekind_of(data, len, NULL);
	size_t bad;
	unsigned cp;
	int line, col;

	if (k != VB_FILE_TEXT && k != VB_FILE_BINARY) {
		vb_diag_add(d, VB_ERROR, path, 0, 0, vb_filekind_importable(k)
		    ? "chuyển thành văn bản vanban trước bằng: vanban import TỆP"
		    : "vanban chỉ đọc văn bản Markdown (.md) lưu bằng UTF-8",
		    "đây là %s, không phải văn bản Markdown", vb_filekind_name(k));
		return -1;
	}
	if (nul != NULL) {
		line_col(data, (size_t)(nul - data), &line, &col);
		vb_diag_add(d, VB_ERROR, path, line, col,
		    "tệp đầu vào phải là văn bản Markdown (UTF-8); có thể đây là tệp nhị phân (.docx, .pdf…)",
		    "tệp có byte NUL, không phải văn bản");
		return -1;
	}
	if (!vb_utf8_valid(data, len, &bad)) {
		line_col(data, bad, &line, &col);
		vb_diag_add(d, VB_ERROR, path, line, col,
		    "lưu tệp với bảng mã UTF-8 (trong Notepad: Lưu thành… > Mã hóa: UTF-8)",
		    "byte 0x%02X không hợp lệ trong UTF-8", (unsigned char)data[bad]);
		return -1;
	}
	if (vb_text_xml_unsafe(data, len, &bad, &cp)) {
		line_col(data, bad, &line, &col);
		vb_diag_add(d, VB_ERROR, path, line, col,
		    "xóa ký tự này (thường lẫn vào khi chép từ phần mềm khác)",
		    "ký tự đặc biệt U+%04X (không in được) không dùng được trong văn bản", cp);
		return -1;
	}
	return 0;
}

/* Returns a copy of data without a BOM and with CRLF turned into LF. */
static char *
clean_copy(vb_arena *a, const char *data, size_t len, size_t *outlen)
{
	char *out = vb_alloc(a, len + 1);
	size_t i = 0, o = 0;

	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (; i < len; i++)
		if (!(data[i] == '\r' && i + 1 < len && data[i + 1] == '\n'))
			out[o++] = data[i] == '\r' ? '\n' : data[i];
	out[o] = '\0';
	*outlen = o;
	return out;
}

/* Returns 1 when the line at s (up to a newline) is a fence "---" (or
 * "..." when closing), trailing spaces allowed. */
static int
is_fence(const char *s, int closing)
{
	size_t i = 3;

	if (strncmp(s, "---", 3) != 0 && !(closing && strncmp(s, "...", 3) == 0))
		return 0;
	while (s[i] == ' ' || s[i] == '\t')
		i++;
	return s[i] == '\n' || s[i] == '\0';
}

/* Finds the front matter: sets *yaml, *ylen, and *body to the rest, and
 * *body_line to the file line the body starts on. Returns 0, 1 when there
 * is no front matter, or -1 when it is not closed. */
static int
split(const char *s, const char **yaml, size_t *ylen, const char **body,
    int *body_line)
{
	const char *p;
	int line = 2;

	*body = s;
	*body_line = 1;
	if (!is_fence(s, 0))
		return 1;
	*yaml = p = strchr(s, '\n') ? strchr(s, '\n') + 1 : s + strlen(s);
	while (*p) {
		if (is_fence(p, 1)) {
			*ylen = (size_t)(p - *yaml);
			p = strchr(p, '\n');
			*body = p ? p + 1 : *yaml + *ylen + 3;
			*body_line = line + 1;
			return 0;
		}
		p = strchr(p, '\n');
		if (p == NULL)
			break;
		p++;
		line++;
	}
	return -1;
}

/* Reports a missing required key. */
static void
missing(struct build *b, const char *key, const char *example)
{
	vb_diag_add(b->d, VB_ERROR, b->doc->path, 1, 1, example,
	    "phần đầu thiếu khóa '%s'", key);
}

/* Returns the document number as printed ("05", "123"), "" for a draft,
 * or NULL after reporting a number that is not one. */
static const char *
compose_number(struct build *b)
{
	const char *s = b->m.number ? b->m.number : "";
	vb_pos p = b->m.number_pos;
	size_t i;

	if (*s == '\0')
		return "";
	for (i = 0; s[i]; i++)
		if (!isdigit((unsigned char)s[i]))
			break;
	if (s[i] == '/' && i > 0) {
		vb_diag_add(b->d, VB_ERROR, b->doc->path, p.line, p.col,
		    "chỉ ghi số thứ tự, ví dụ so: 12; ký hiệu do vanban ghép từ loai và viet_tat",
		    "'so: %s' chỉ được là số thứ tự của văn bản", s);
		return NULL;
	}
	if (s[i] != '\0' || i > 6) {
		vb_diag_add(b->d, VB_ERROR, b->doc->path, p.line, p.col,
		    "ghi số thứ tự bằng chữ số, ví dụ so: 12; để trống (so: \"\") nếu chưa có số",
		    "'so: %s' không phải là một số", s);
		return NULL;
	}
	while (*s == '0' && s[1])
		s++;
	if (strcmp(s, "0") == 0) {
		vb_diag_add(b->d, VB_ERROR, b->doc->path, p.line, p.col,
		    "số văn bản bắt đầu từ 01", "số văn bản không thể là 0");
		return NULL;
	}
	return strlen(s) == 1 ? vb_sprintf(b->a, "0%s", s) : vb_strdup(b->a, s);
}

/* Composes the symbol ("KH-SGDĐT", "SGDĐT-VP") and the "Số:" line. */
static void
compose_symbol(struct build *b)
{
	vb_document *doc = b->doc;
	const char *abbr = vb_text_upper(b->a, b->m.abbrev ? b->m.abbrev : "");

	if (doc->type->code[0] == '\0')	/* công văn, thư công: no code */
		doc->symbol = b->m.unit && *b->m.unit
		    ? vb_sprintf(b->a, "%s-%s", abbr, vb_text_upper(b->a, b->m.unit))
		    : abbr;
	else	/* a joint document: "KHLT-SGDĐT-TĐ" (practice) */
		doc->symbol = vb_sprintf(b->a, "%s%s-%s", doc->type->code,
		    b->m.joint > 1 ? "LT" : "", abbr);
	doc->header.number_line = vb_sprintf(b->a, "Số: %s/%s",
	    *doc->number ? doc->number : "     ", doc->symbol);
}

/* Composes the place and date line. */
static void
compose_date(struct build *b)
{
	vb_pos p = b->m.date_pos;

	if (b->m.date && vb_date_parse(b->m.date, &b->doc->date) < 0) {
		vb_diag_add(b->d, VB_ERROR, b->doc->path, p.line, p.col,
		    "viết ngày dạng năm-tháng-ngày, ví dụ ngay: 2024-01-19; "
		    "bản nháp có thể ghi 2025-04 hoặc để trống",
		    "ngày '%s' không hợp lệ hoặc không có thật", b->m.date);
		return;
	}
	b->doc->header.place_date = vb_sprintf(b->a, "%s, %s", b->m.place,
	    vb_date_words(b->a, &b->doc->date));
}

/* Returns s without a leading "- " and without a trailing ';', '.' or
 * ','. */
static char *
bare_item(vb_arena *a, const char *s)
{
	return vb_text_bare_item(a, s, ";.,");
}

/* Composes the "Nơi nhận" lines: "- X;" each, then "- Lưu: VT, …". */
static void
compose_recipients(struct build *b)
{
	vb_document *doc = b->doc;
	const vb_strlist *r = &b->m.recipients, *l = &b->m.archive;
	vb_buf luu = {0};
	size_t i, k = 0;

	doc->noi_nhan_label = "Nơi nhận:";
	doc->recipients = vb_alloc(b->a, sizeof(char *) * (r->n + 2));
	for (i = 0; i < r->n; i++) {
		const char *item = bare_item(b->a, r->items[i]);
		if (strncmp(item, "Lưu:", 5) == 0) {
			/* "- Lưu: VT" written among the recipients */
			if (l->n == 0 && luu.len == 0)
				vb_buf_puts(&luu, vb_text_trim(b->a, item + 5));
			continue;
		}
		doc->recipients[k++] = vb_sprintf(b->a, "- %s;", item);
	}
	for (i = 0; i < l->n; i++) {
		if (i)
			vb_buf_puts(&luu, ", ");
		vb_buf_puts(&luu, bare_item(b->a, l->items[i]));
	}
	if (luu.len == 0) {
		vb_diag_add(b->d, VB_WARNING, doc->path, b->m.recipients_pos.line,
		    b->m.recipients_pos.col,
		    "thêm ví dụ: luu: [VT, VP] (Văn thư và đơn vị soạn thảo)",
		    "thiếu 'luu': Nghị định 30 yêu cầu dòng '- Lưu: VT, …' ở cuối nơi nhận; tạm ghi 'Lưu: VT'");
		vb_buf_puts(&luu, "VT");
	}
	doc->recipients[k++] = vb_sprintf(b->a, "- Lưu: %s.", luu.data);
	doc->nrecipients = k;
	vb_buf_free(&luu);
}

/* Composes one signature block from quyen_han, tap_the, thu_truong,
 * chuc_vu and ho_ten. */
static void
compose_signer(struct build *b, const vb_sign_src *s, vb_signature *out)
{
	const char *missing;
	char auth[8];

	out->lines = vb_alloc(b->a, sizeof(char *) * 4);
	out->name = s->name ? s->name : "";
	out->role = vb_text_ascii(b->a, s->title ? s->title : "Chu_ky");
	if (*out->role == '\0')
		out->role = "Chu_ky";
	vb_signer_authority(s, auth);
	if (s->title == NULL || *s->title == '\0')
		vb_diag_add(b->d, VB_ERROR, b->doc->path, s->pos.line, s->pos.col,
		    "ví dụ: ky: {chuc_vu: Giám đốc, ho_ten: Nguyễn Văn A}",
		    "thiếu chức vụ người ký (ky: chuc_vu)");
	missing = vb_signer_missing(s, auth);
	if (missing != NULL && strcmp(auth, "TM") == 0)
		vb_diag_add(b->d, VB_ERROR, b->doc->path, s->pos.line,
		    s->pos.col, "ví dụ: tap_the: Ủy ban nhân dân",
		    "ký TM. cần tên tập thể (ky: tap_the)");
	else if (missing != NULL)
		vb_diag_add(b->d, VB_ERROR, b->doc->path, s->pos.line,
		    s->pos.col, "ví dụ: thu_truong: Giám đốc",
		    "ký %s. cần chức vụ người đứng đầu (ky: thu_truong)", auth);
	/* a missing part is an empty line, so the rest is still shown */
	if (vb_signer_lines(b->a, s, auth, out) < 0)
		vb_diag_add(b->d, VB_ERROR, b->doc->path, s->pos.line, s->pos.col,
		    "dùng một trong: KT, TM, TL, TUQ, Q (hoặc bỏ khóa khi người đứng đầu ký)",
		    "quyền hạn ký '%s' không hợp lệ", s->authority);
	if (s->name == NULL || *s->name == '\0')
		vb_diag_add(b->d, VB_WARNING, b->doc->path, s->pos.line, s->pos.col,
		    "thêm ky: ho_ten", "chưa có họ tên người ký");
}

/* Composes the signature blocks, one per entry of ky (a missing ky is
 * one signer with nothing given, reported). */
static void
compose_signature(struct build *b)
{
	static const vb_sign_src none;
	vb_document *doc = b->doc;
	size_t i, n = b->m.nsigners > 0 ? b->m.nsigners : 1;

	doc->signers = vb_alloc(b->a, sizeof(vb_signature) * n);
	doc->nsigners = n;
	for (i = 0; i < n; i++)
		compose_signer(b, b->m.nsigners > 0 ? &b->m.signers[i] : &none,
		    &doc->signers[i]);
}

/* Returns list l as an array of NFC strings. */
static const char **
strings(const vb_strlist *l)
{
	return l->items;
}

/* Punctuates the "Căn cứ" lines: ";" after each, "." after the last. */
static void
compose_bases(struct build *b)
{
	const vb_strlist *l = &b->m.bases;
	/* "Theo đề nghị của … ." ends the list when there is one */
	int more = b->doc->header.proposal != NULL;
	size_t i;

	b->doc->header.bases = vb_alloc(b->a, sizeof(char *) * (l->n + 1));
	for (i = 0; i < l->n; i++)
		b->doc->header.bases[i] = vb_sprintf(b->a, "%s%s",
		    bare_item(b->a, l->items[i]), i + 1 < l->n || more ?
		    ";" : ".");
	b->doc->header.nbases = l->n;
}

/* Returns s without a "V/v" the user wrote in front of a công văn's
 * trích yếu (vanban adds it), nor the spaces or colon after it. */
static const char *
without_vv(const char *s)
{
	const char *t = s;

	if (strncasecmp(t, "V/v", 3) != 0 || (t[3] != ' ' && t[3] != ':' &&
	    t[3] != '\t'))
		return s;
	for (t += 3; *t == ' ' || *t == ':' || *t == '\t'; t++)
		;
	return *t != '\0' ? t : s;
}

/* Returns the issuing agency as written, several (liên tịch) joined by
 * sep. */
static const char *
agencies(struct build *b, const char *sep)
{
	vb_buf out = {0};
	const char *s = b->m.issuer, *nl, *r;

	while (s != NULL && *s != '\0') {
		nl = strchr(s, '\n');
		if (out.len > 0)
			vb_buf_puts(&out, sep);
		vb_buf_puts(&out, nl != NULL ?
		    vb_strndup(b->a, s, (size_t)(nl - s)) : s);
		s = nl != NULL ? nl + 1 : NULL;
	}
	r = vb_strdup(b->a, out.data != NULL ? out.data : "");
	vb_buf_free(&out);
	return r;
}

/* Composes the header strings and the document properties. */
static void
compose_header(struct build *b)
{
	vb_document *doc = b->doc;
	vb_header *h = &doc->header;
	const char *subj = b->m.subject && *b->m.subject ? b->m.subject : NULL;

	h->parent = b->m.parent && *b->m.parent ? vb_text_upper(b->a, b->m.parent) : NULL;
	h->issuer = vb_text_upper(b->a, b->m.issuer);
	if (vb_doctype_is_cong_van(doc->type)) {
		h->cv_subject = subj ? vb_sprintf(b->a, "V/v %s",
		    without_vv(subj)) : NULL;
	} else {
		h->type_name = vb_text_upper(b->a, doc->type->name);
		h->subject = subj;
	}
	h->to = strings(&b->m.to);
	h->nto = b->m.to.n;
	vb_compose_decision(b->a, &b->m, doc);
	compose_bases(b);
	doc->props.title = subj ? without_vv(subj) : doc->type->name;
	doc->props.author = agencies(b, ", ");
	doc->props.keywords = doc->type->name;
	doc->props.subject = vb_sprintf(b->a, "%s số %s/%s", doc->type->name,
	    *doc->number ? doc->number : "", doc->symbol);
}

/* Returns 1 when the text already ends with the closing mark "./.". */
static int
ends_with_mark(const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n >= 3 && memcmp(s + n - 3, "./.", 3) == 0;
}

/* Appends "./." to the last paragraph of a part (ND30 Phụ lục III
 * samples), or a "./." paragraph when it ends with a table or heading. */
static void
add_end_mark(struct build *b, vb_part *p)
{
	vb_block *last;
	vb_run *r;
	char *t;
	size_t n;

	last = p->n ? &p->blocks[p->n - 1] : NULL;
	if (last && last->kind != VB_BLOCK_PARA && last->kind != VB_BLOCK_ITEM &&
	    last->kind != VB_BLOCK_QUOTE &&
	    !(last->kind == VB_BLOCK_ARTICLE && !last->titled))
		last = NULL;
	if (last == NULL || last->text.n == 0 ||
	    last->text.runs[last->text.n - 1].kind != VB_RUN_TEXT) {
		vb_block *nb;
		size_t cap = p->n;
		p->blocks = vb_grow(b->a, p->blocks, p->n + 1, sizeof(vb_block), &cap);
		nb = &p->blocks[p->n++];
		memset(nb, 0, sizeof(*nb));
		nb->kind = VB_BLOCK_PARA;
		nb->file = p->file;
		vb_inline_add(b->a, &nb->text, VB_RUN_TEXT, 0, "./.", NULL, 0);
		return;
	}
	r = &last->text.runs[last->text.n - 1];
	if (ends_with_mark(r->text))
		return;
	/* Only trailing spaces go: the run may start with the space after a
	 * bold or italic word ("*đạt* yêu cầu"). */
	t = vb_strdup(b->a, r->text);
	n = strlen(t);
	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t' ||
	    t[n - 1] == '\n'))
		t[--n] = '\0';
	r->text = n > 0 && t[n - 1] == '.' ? vb_sprintf(b->a, "%s/.", t)
	    : vb_sprintf(b->a, "%s./.", t);
}

/* Returns where the front matter wrote p (the value naming a file), or
 * the appendix entry's start when p is unknown. */
static vb_where
where_of(const struct build *b, const vb_appx_src *src, vb_pos p)
{
	vb_where w;

	if (p.line <= 0)
		p = src->pos;
	w.file = b->doc->path;
	w.line = p.line;
	w.col = p.col;
	return w;
}

/* Returns the name of a file of the document's folder as shown in
 * messages: "dir/name", or name alone in the current folder. */
static char *
shown_path(struct build *b, const char *name)
{
	if (strcmp(b->dir, ".") == 0)
		return vb_strdup(b->a, name);
	return vb_sprintf(b->a, "%s/%s", b->dir, name);
}

/* Composes the heading lines of appendix i of n. */
static void
compose_appendix_heading(struct build *b, vb_part *p, size_t i, size_t n,
    const vb_appx_src *src)
{
	vb_document *doc = b->doc;

	p->label = n == 1 ? "Phụ lục" : vb_sprintf(b->a, "Phụ lục %s",
	    vb_roman(b->a, (int)i + 1));
	p->title = src->title && *src->title ? vb_text_upper(b->a, src->title) : NULL;
	p->ref_line = vb_sprintf(b->a, "(Kèm theo %s số %s/%s %s của %s)",
	    doc->type->name, *doc->number ? doc->number : "     ", doc->symbol,
	    vb_date_words(b->a, &doc->date), agencies(b, " và "));
}

/* Appends a table block to part p. */
static void
add_table_block(struct build *b, vb_part *p, vb_table *t, vb_pos pos)
{
	size_t cap = p->n;
	vb_block *blk;

	p->blocks = vb_grow(b->a, p->blocks, p->n + 1, sizeof(vb_block), &cap);
	blk = &p->blocks[p->n++];
	memset(blk, 0, sizeof(*blk));
	blk->kind = VB_BLOCK_TABLE;
	blk->file = b->doc->path;
	blk->line = pos.line;
	blk->col = pos.col;
	blk->table = t;
}

/* Adds the task table collected from the body to appendix p. */
static void
add_task_table(struct build *b, vb_part *p, const vb_appx_src *src)
{
	vb_table *t = vb_tasks_table(b->a, &b->doc->body);

	if (t == NULL) {
		vb_diag_add(b->d, VB_ERROR, b->doc->path, src->pos.line, src->pos.col,
		    "dưới mỗi đề mục nhiệm vụ, viết các dòng 'Đơn vị thực hiện: …', "
		    "'Đơn vị phối hợp: …', 'Thời gian thực hiện: …'",
		    "không tìm thấy nhiệm vụ nào trong nội dung để lập bảng phụ lục");
		return;
	}
	add_table_block(b, p, t, src->pos);
}

/* Adds the table of a spreadsheet source (bang: …) to appendix p. */
static void
add_sheet_table(struct build *b, vb_part *p, const vb_appx_src *src)
{
	size_t errors = b->d->errors;
	vb_where w = where_of(b, src, src->table_pos);
	vb_table *t;

	if (b->in->over)	/* the budget is spent, and was reported */
		return;
	t = vb_sheet_load(b->a, b->in, src->table, src->sheet, &w, b->d);
	if (t == NULL) {
		if (b->d->errors == errors)
			vb_diag_add(b->d, VB_ERROR, b->doc->path, src->pos.line,
			    src->pos.col, NULL, "không đọc được bảng '%s'",
			    src->table);
		return;
	}
	vb_table_number(b->a, t, src->table, b->d);
	add_table_block(b, p, t, src->pos);
}

/* Reads the tables of part p kept in spreadsheets ("![](bang.xlsx)" on
 * a line of its own) as the tables of bang: are read, merged cells,
 * group rows and TT numbers included; a table that cannot be read is
 * reported at its line and its block left empty. */
static void
load_sheets(struct build *b, vb_part *p)
{
	vb_block *blk;
	vb_where w;
	size_t i, errors;

	for (i = 0; i < p->n; i++) {
		blk = &p->blocks[i];
		if (blk->kind != VB_BLOCK_TABLE || blk->sheet_file == NULL ||
		    blk->table != NULL)
			continue;
		errors = b->d->errors;
		w.file = blk->file;
		w.line = blk->line;
		w.col = blk->col;
		if (!b->in->over)
			blk->table = vb_sheet_load(b->a, b->in, blk->sheet_file,
			    blk->sheet_name, &w, b->d);
		if (blk->table == NULL) {
			if (b->d->errors == errors && !b->in->over)
				vb_diag_add(b->d, VB_ERROR, blk->file, blk->line,
				    blk->col, NULL, "không đọc được bảng '%s'",
				    blk->sheet_file);
			blk->kind = VB_BLOCK_PARA;
			continue;
		}
		vb_table_number(b->a, blk->table, blk->sheet_file, b->d);
	}
}

/* Makes appendix p a document issued with this one (ban hành kèm theo)
 * when the front matter of its file, yaml[0..ylen), names its kind (loai):
 * it gets its own header, type name, trích yếu and "(Ban hành kèm theo
 * …)" line. The same file can then be rendered alone (kem_theo). */
static void
attached_header(struct build *b, vb_part *p, const char *path,
    const char *yaml, size_t ylen)
{
	const vb_doctype *t;
	vb_meta m;

	if (vb_frontmatter_parse(b->a, path, yaml, ylen, 2, &m, b->d) < 0 ||
	    m.kind == NULL)
		return;
	if ((t = vb_doctype_find(m.kind)) == NULL) {
		vb_diag_add(b->d, VB_ERROR, path, m.kind_pos.line,
		    m.kind_pos.col, "xem danh sách loại văn bản trong README.md",
		    "loại văn bản '%s' không có trong Nghị định 30", m.kind);
		return;
	}
	p->head = vb_compose_attached(b->a, b->doc, t, m.subject);
	p->label = p->title = p->ref_line = NULL;
}

/* Loads the content of one appendix. */
static void
load_appendix(struct build *b, vb_part *p, const vb_appx_src *src)
{
	const char *yaml, *body;
	size_t len, ylen;
	char *path, *data, *clean;
	vb_where w;
	int line;

	if ((src->file == NULL || *src->file == '\0') && (src->tasks || src->table)) {
		p->file = b->doc->path;
		if (src->table)
			add_sheet_table(b, p, src);
		if (src->tasks)
			add_task_table(b, p, src);
		return;
	}
	if (src->file == NULL || *src->file == '\0') {
		vb_diag_add(b->d, VB_ERROR, b->doc->path, src->pos.line, src->pos.col,
		    "ví dụ: noi_dung: phu-luc-1.md, hoặc nhiem_vu: co để lập bảng từ các nhiệm vụ trong nội dung",
		    "phụ lục chưa có nội dung (noi_dung)");
		return;
	}
	if (b->in->over)
		return;
	w = where_of(b, src, src->file_pos);
	p->file = path = shown_path(b, src->file);
	if ((data = vb_in_read(b->in, b->a, src->file, &len, &w, b->d)) == NULL)
		return;
	if (check_bytes(path, data, len, b->d) < 0)
		return;
	if ((clean = vb_text_nfc(b->a, data, len)) != NULL)
		data = clean, len = strlen(clean);
	clean = clean_copy(b->a, data, len, &len);
	if (split(clean, &yaml, &ylen, &body, &line) != 0) {
		body = clean;
		line = 1;
	} else
		attached_header(b, p, path, yaml, ylen);
	vb_body_parse(b->a, path, body, strlen(body), line, p, &b->notes, b->d);
	load_sheets(b, p);
	vb_scheme_apply(b->a, p, b->d);
	vb_number_headings(b->a, p, b->d);
	if (src->table)
		add_sheet_table(b, p, src);
	if (src->tasks)
		add_task_table(b, p, src);
}

/* Loads every appendix named in the front matter. */
static void
load_appendices(struct build *b)
{
	vb_document *doc = b->doc;
	size_t i;

	size_t n = 0, k = 0;

	doc->nappendices = b->m.nappx;
	doc->appendices = vb_alloc(b->a, sizeof(vb_part) * (b->m.nappx + 1));
	for (i = 0; i < b->m.nappx; i++) {
		vb_part *p = &doc->appendices[i];
		compose_appendix_heading(b, p, i, b->m.nappx, &b->m.appx[i]);
		load_appendix(b, p, &b->m.appx[i]);
		if (p->n > 0)	/* nd30.md §2.6: the content ends with "./." */
			add_end_mark(b, p);
		p->landscape = b->m.appx[i].orient >= 0 ? b->m.appx[i].orient
		    : vb_part_wants_landscape(p);
		n += p->head == NULL;
	}
	/* Phụ lục I, II … count the appendices, not the documents issued
	 * with this one */
	for (i = 0; i < b->m.nappx && n < b->m.nappx; i++)
		if (doc->appendices[i].head == NULL)
			compose_appendix_heading(b, &doc->appendices[i], k++, n,
			    &b->m.appx[i]);
}

/* Checks the keys every document needs and finds the document kind.
 * Returns 0 or -1. */
static int
check_required(struct build *b)
{
	const vb_doctype *t;
	vb_pos p = b->m.kind_pos;

	if (b->m.kind == NULL) {
		missing(b, "loai", "ví dụ: loai: ke-hoach (xem danh sách trong README.md)");
		return -1;
	}
	if ((t = vb_doctype_find(b->m.kind)) == NULL) {
		const vb_doctype *s = vb_doctype_suggest(b->m.kind);
		char hint[160];
		snprintf(hint, sizeof(hint), s ? "có phải ý bạn là '%s'?" :
		    "xem danh sách loại văn bản trong README.md", s ? s->key : "");
		vb_diag_add(b->d, VB_ERROR, b->doc->path, p.line, p.col, hint,
		    "loại văn bản '%s' không có trong Nghị định 30", b->m.kind);
		return -1;
	}
	b->doc->type = t;
	if (b->m.with != NULL && b->follow)
		return 0;	/* the agency comes from that document */
	if (b->m.issuer == NULL || *b->m.issuer == '\0')
		missing(b, "co_quan", "ví dụ: co_quan: Sở Giáo dục và Đào tạo");
	if (b->m.abbrev == NULL || *b->m.abbrev == '\0')
		missing(b, "viet_tat", "ví dụ: viet_tat: SGDĐT (dùng trong ký hiệu 12/KH-SGDĐT)");
	if (b->m.place == NULL || *b->m.place == '\0')
		missing(b, "dia_danh", "ví dụ: dia_danh: Bắc Giang");
	if (vb_doctype_is_cong_van(t) && (b->m.unit == NULL || !*b->m.unit))
		vb_diag_add(b->d, VB_WARNING, b->doc->path, p.line, p.col,
		    "ví dụ: don_vi: VP -> Số: 15/SGDĐT-VP",
		    "công văn nên có đơn vị soạn thảo (don_vi) trong ký hiệu");
	return 0;
}

static vb_document *parse_in(const char *path, const char *data,
    size_t len, vb_inputs *in, vb_diags *d, int follow);

/* Composes a document issued with the quyết định named by kem_theo, in a
 * file of its own: that document's agency and "(Ban hành kèm theo …)"
 * line, no number, date, signature nor recipients (it is signed only with
 * the quyết định, nd30.md §2.6). Returns 0, or -1 after reporting. */
static int
compose_issued_with(struct build *b)
{
	vb_document *doc = b->doc, *with;
	vb_diags scratch = {0};
	vb_where w = {doc->path, b->m.with_pos.line, b->m.with_pos.col};
	const char *path = shown_path(b, b->m.with);
	size_t len;
	char *data;

	if (b->in->over ||
	    (data = vb_in_read(b->in, b->a, b->m.with, &len, &w, b->d)) == NULL)
		return -1;
	with = parse_in(path, data, len, b->in, &scratch, 0);
	vb_diags_free(&scratch);
	if (with == NULL) {
		vb_diag_add(b->d, VB_ERROR, doc->path, w.line, w.col,
		    vb_sprintf(b->a, "chạy 'vanban check %s' để xem lỗi", path),
		    "văn bản '%s' (kem_theo) có lỗi, không lấy được số, ngày "
		    "và cơ quan ban hành", path);
		return -1;
	}
	doc->header = *vb_compose_attached(b->a, with, doc->type,
	    b->m.subject);
	doc->number = "";
	doc->symbol = "";
	doc->props.title = doc->header.subject != NULL ?
	    doc->header.subject : doc->type->name;
	doc->props.author = vb_strdup(b->a, with->props.author);
	doc->props.keywords = doc->type->name;
	doc->props.subject = vb_sprintf(b->a, "%s %s", doc->type->name,
	    doc->header.issued_with);
	vb_document_free(with);
	return 0;
}

/* Builds everything after the front matter has been read. */
static void
compose(struct build *b, const char *body, int body_line)
{
	vb_document *doc = b->doc;

	doc->profile = b->m.profile;
	if (check_required(b) < 0)
		return;
	if (b->m.with != NULL && b->follow) {
		if (compose_issued_with(b) < 0)
			return;
	} else {
		if ((doc->number = compose_number(b)) == NULL)
			doc->number = "";
		compose_symbol(b);
		compose_date(b);
		compose_header(b);
		compose_signature(b);
		compose_recipients(b);
		vb_marks_compose(doc, &b->m.marks, b->d);
		vb_copy_compose(doc, &b->m, b->d);
	}
	doc->body.file = doc->path;
	vb_body_parse(b->a, doc->path, body, strlen(body), body_line,
	    &doc->body, &b->notes, b->d);
	load_sheets(b, &doc->body);
	vb_scheme_apply(b->a, &doc->body, b->d);
	vb_number_headings(b->a, &doc->body, b->d);
	add_end_mark(b, &doc->body);
	load_appendices(b);
	if (vb_marks_wants_toc(doc, &b->m.marks, b->d))
		vb_toc_compose(doc);
	vb_images_load(doc, b->in, b->d);
	doc->notes = b->notes.items;
	doc->nnotes = b->notes.n;
}

vb_document *
vb_document_parse_in(const char *path, const char *data, size_t len,
    vb_inputs *in, vb_diags *d)
{
	return parse_in(path, data, len, in, d, 1);
}

/* As vb_document_parse_in; follow: 1 to read the document kem_theo names. */
static vb_document *
parse_in(const char *path, const char *data, size_t len, vb_inputs *in,
    vb_diags *d, int follow)
{
	struct build b;
	vb_agency ag;
	const char *yaml = NULL, *body;
	size_t ylen = 0, clen;
	char *clean;
	int body_line, r;
	size_t errors = d->errors;

	memset(&b, 0, sizeof(b));
	if ((b.a = vb_arena_new()) == NULL)
		return NULL;
	b.doc = vb_alloc(b.a, sizeof(vb_document));
	b.doc->arena = b.a;
	b.doc->path = vb_strdup(b.a, path);
	b.d = d;
	b.in = in;
	b.dir = in->dir;
	b.follow = follow;
	if (check_bytes(path, data, len, d) < 0)
		goto fail;
	/* Normalise once, here: everything downstream is NFC. */
	if ((clean = vb_text_nfc(b.a, data, len)) != NULL)
		data = clean, len = strlen(clean);
	clean = clean_copy(b.a, data, len, &clen);
	r = split(clean, &yaml, &ylen, &body, &body_line);
	if (r != 0) {
		vb_diag_add(d, VB_ERROR, path, 1, 1,
		    r > 0 ? "bắt đầu tệp bằng một dòng ---, các khóa (loai, co_quan, …), rồi một dòng --- (xem README.md)"
		    : "thêm một dòng --- sau khóa cuối cùng của phần đầu",
		    r > 0 ? "thiếu phần đầu (front matter) YAML" :
		    "phần đầu (front matter) chưa được đóng bằng dòng ---");
		goto fail;
	}
	if (vb_agency_find(b.a, in->dirfd, in->dir, in, &ag, d) < 0 ||
	    vb_frontmatter_parse_over(b.a, path, yaml, ylen, 2,
	    vb_agency_meta(&ag), &b.m, d) < 0)
		goto fail;
	compose(&b, body, body_line);
	if (d->errors > errors)
		goto fail;
	return b.doc;
fail:
	vb_arena_free(b.a);
	return NULL;
}

vb_document *
vb_document_parse(const char *path, const char *data, size_t len, vb_diags *d)
{
	vb_document *doc = NULL;
	vb_inputs in = { .dirfd = -1 };
	char *dir = vb_folder_of(path);

	if (dir != NULL && vb_inputs_open(&in, dir, d) == 0)
		doc = vb_document_parse_in(path, data, len, &in, d);
	vb_inputs_close(&in);
	free(dir);
	return doc;
}

vb_document *
vb_document_load_in(const char *path, vb_inputs *in, vb_diags *d)
{
	vb_arena *a = vb_arena_new();
	vb_document *doc;
	size_t len;
	char *data;

	if (a == NULL)
		return NULL;
	data = vb_in_read_main(in, a, path, &len, d);
	doc = data ? vb_document_parse_in(path, data, len, in, d) : NULL;
	vb_arena_free(a);
	return doc;
}

vb_document *
vb_document_load(const char *path, vb_diags *d)
{
	vb_document *doc = NULL;
	vb_inputs in = { .dirfd = -1 };
	char *dir = vb_folder_of(path);

	if (dir != NULL && vb_inputs_open(&in, dir, d) == 0)
		doc = vb_document_load_in(path, &in, d);
	vb_inputs_close(&in);
	free(dir);
	return doc;
}

void
vb_document_free(vb_document *doc)
{
	if (doc != NULL)
		vb_arena_free(doc->arena);
}
