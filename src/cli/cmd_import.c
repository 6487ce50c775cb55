/* cmd_import.c - vanban import OLD.docx|.doc|.odt|.txt [-o NEW.md]
 * [--nam 2025]: a clerk's existing document read into a vanban document
 * (Markdown with YAML front matter, and its appendices in files beside
 * it), written all or none, never over an existing file; then a report in
 * Vietnamese of what was recognised and what could not be placed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/infile.h"
#include "base/output.h"
#include "base/text.h"
#include "import/import.h"
#include "import/markdown.h"
#include "import/recognize.h"
#include "import/xlsx_write.h"
#include "parse/agency.h"

/* Exit codes, as main.c. */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

/* What kind of file the input is. */
typedef enum kind { K_DOCX, K_CONVERT, K_TXT, K_ENCRYPTED, K_OTHER } kind;

/* Returns 1 when path ends with ext (case-insensitive). */
static int
ends(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);

	return n >= e && strcasecmp(path + n - e, ext) == 0;
}

/* Returns the kind of the input from its first bytes and its name. */
static kind
kind_of(const char *path, const char *data, size_t len)
{
	if (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0)
		return ends(path, ".odt") ? K_CONVERT : K_DOCX;
	if (len >= 4 && memcmp(data, "\xD0\xCF\x11\xE0", 4) == 0)
		return ends(path, ".doc") ? K_CONVERT : K_ENCRYPTED;
	if (ends(path, ".docx") || ends(path, ".odt"))
		return K_DOCX;	/* a broken zip: the reader says so */
	if (ends(path, ".doc"))
		return K_CONVERT;
	if (ends(path, ".txt") || ends(path, ".text") || strcmp(path, "-") == 0)
		return K_TXT;
	return K_OTHER;
}

/* Appends s as a YAML double-quoted scalar. */
static void
yq(vb_buf *b, const char *s)
{
	vb_buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			vb_buf_putc(b, '\\');
		if (*s == '\n') {
			vb_buf_puts(b, "\\n");
			continue;
		}
		if (*s == '\t') {
			vb_buf_putc(b, ' ');
			continue;
		}
		vb_buf_putc(b, *s);
	}
	vb_buf_putc(b, '"');
}

/* Appends "key: value" when value is set. */
static void
ykey(vb_buf *b, const char *indent, const char *key, const char *v)
{
	if (v == NULL)
		return;
	vb_buf_printf(b, "%s%s: ", indent, key);
	yq(b, v);
	vb_buf_putc(b, '\n');
}

/* Appends a list key. */
static void
ylist(vb_buf *b, const char *key, const imp_list *l)
{
	size_t i;

	if (l->n == 0)
		return;
	vb_buf_printf(b, "%s:\n", key);
	for (i = 0; i < l->n; i++) {
		vb_buf_puts(b, "  - ");
		yq(b, l->s[i]);
		vb_buf_putc(b, '\n');
	}
}

/* Returns s with every "old" year replaced by "new" (whole numbers only). */
static const char *
new_year(vb_arena *a, const char *s, int old, int year)
{
	vb_buf b = { 0 };
	char o[16];
	const char *p, *q;
	size_t ol;
	char *r;

	if (s == NULL || old <= 0)
		return s;
	snprintf(o, sizeof(o), "%d", old);
	ol = strlen(o);
	for (p = s; (q = strstr(p, o)) != NULL; p = q + ol) {
		vb_buf_put(&b, p, (size_t)(q - p));
		if ((q > s && q[-1] >= '0' && q[-1] <= '9') || (q[ol] >= '0' &&
		    q[ol] <= '9'))
			vb_buf_put(&b, q, ol);
		else
			vb_buf_printf(&b, "%d", year);
	}
	vb_buf_puts(&b, p);
	r = vb_strdup(a, b.data ? b.data : "");
	vb_buf_free(&b);
	return r;
}

static int profile_has(const vb_agency *ag, const char *key);
static int exists(vb_diags *d, const char *path);

/* Appends "key: value" unless the agency profile ag already gives that
 * value, or gives the key while the import found nothing (empty: what to
 * write then, or NULL for nothing); names a key left out in given. */
static void
pkey(vb_buf *b, const vb_agency *ag, vb_buf *given, const char *key,
    const char *v, const char *empty)
{
	if ((v != NULL && vb_agency_gives(ag, key, v)) || (v == NULL &&
	    profile_has(ag, key))) {
		vb_buf_printf(given, "%s%s", given->len ? ", " : "", key);
		return;
	}
	ykey(b, "", key, v != NULL ? v : empty);
}

/* Appends a list key unless the agency profile gives the same items. */
static void
plist(vb_buf *b, const vb_agency *ag, vb_buf *given, const char *key,
    const imp_list *l)
{
	if (l->n && vb_agency_gives_list(ag, key, l->s, l->n)) {
		vb_buf_printf(given, "%s%s", given->len ? ", " : "", key);
		return;
	}
	ylist(b, key, l);
}

/* Returns 1 when the profile sets key (one of the agency's own keys). */
static int
profile_has(const vb_agency *ag, const char *key)
{
	const vb_meta *m = vb_agency_meta(ag);
	const char *v = NULL;

	if (m == NULL)
		return 0;
	if (strcmp(key, "co_quan_chu_quan") == 0)
		v = m->parent;
	else if (strcmp(key, "co_quan") == 0)
		v = m->issuer;
	else if (strcmp(key, "viet_tat") == 0)
		v = m->abbrev;
	else if (strcmp(key, "dia_danh") == 0)
		v = m->place;
	else if (strcmp(key, "don_vi") == 0)
		v = m->unit;
	return v != NULL && *v != '\0';
}

/* Appends the marks of the position scheme found (ô 10a, 10b, 11, the
 * draft mark) and the table of contents. */
static void
marks_keys(vb_buf *b, const imp_result *r)
{
	ykey(b, "", "do_mat", r->do_mat);
	ykey(b, "", "do_khan", r->do_khan);
	ykey(b, "", "luu_hanh", r->luu_hanh);
	ykey(b, "", "du_thao", r->du_thao);
	if (r->muc_luc)
		vb_buf_puts(b, "muc_luc: co\n");
}

/* Appends a list key indented under a mapping ("  noi_nhan:"). */
static void
ylist_in(vb_buf *b, const char *indent, const char *key, const imp_list *l)
{
	size_t i;

	if (l->n == 0)
		return;
	vb_buf_printf(b, "%s%s:\n", indent, key);
	for (i = 0; i < l->n; i++) {
		vb_buf_printf(b, "%s  - ", indent);
		yq(b, l->s[i]);
		vb_buf_putc(b, '\n');
	}
}

/* Appends ban_sao, the parts of a copy, when the document is one. */
static void
copy_keys(vb_buf *b, const imp_copy *cp)
{
	if (cp->form == NULL)
		return;
	vb_buf_puts(b, "ban_sao:\n");
	ykey(b, "  ", "hinh_thuc", cp->form);
	ykey(b, "  ", "co_quan_chu_quan", cp->parent);
	ykey(b, "  ", "co_quan", cp->issuer);
	ykey(b, "  ", "viet_tat", cp->viet_tat);
	ykey(b, "  ", "so", cp->so);
	ykey(b, "  ", "dia_danh", cp->dia_danh);
	if (cp->year && cp->month && cp->day)
		vb_buf_printf(b, "  ngay: \"%04d-%02d-%02d\"\n", cp->year,
		    cp->month, cp->day);
	ylist_in(b, "  ", "noi_nhan", &cp->noi_nhan);
	ylist_in(b, "  ", "luu", &cp->luu);
	if (cp->chuc_vu || cp->ho_ten || cp->quyen_han) {
		vb_buf_puts(b, "  ky:\n");
		ykey(b, "    ", "quyen_han", cp->quyen_han);
		ykey(b, "    ", "tap_the", cp->tap_the);
		ykey(b, "    ", "thu_truong", cp->thu_truong);
		ykey(b, "    ", "chuc_vu", cp->chuc_vu);
		ykey(b, "    ", "ho_ten", cp->ho_ten);
	}
}

/* Writes one signer of a list ("  - chuc_vu: …"). */
static void
ysigner(vb_buf *b, const imp_signer *g)
{
	size_t at = b->len;

	ykey(b, "    ", "quyen_han", g->quyen_han);
	ykey(b, "    ", "tap_the", g->tap_the);
	ykey(b, "    ", "thu_truong", g->thu_truong);
	ykey(b, "    ", "chuc_vu", g->chuc_vu);
	ykey(b, "    ", "ho_ten", g->ho_ten);
	if (b->len > at)
		memcpy(b->data + at, "  - ", 4);
}

/* The options of one run. */
struct opts {
	const char *in;		/* input file */
	const char *out;	/* -o, or NULL */
	int year;		/* --nam, 0 when not given */
};

/* Returns the stem of path (no folder, no extension). */
static char *
stem(vb_arena *a, const char *path)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	const char *dot = strrchr(base, '.');

	return vb_strndup(a, base, dot && dot > base ? (size_t)(dot - base) :
	    strlen(base));
}

/* Returns the default output path: OLD.md beside the input. */
static char *
default_out(vb_arena *a, const char *in)
{
	const char *dot = strrchr(in, '.'), *slash = strrchr(in, '/');

	if (dot == NULL || (slash && dot < slash))
		return vb_sprintf(a, "%s.md", in);
	return vb_sprintf(a, "%.*s.md", (int)(dot - in), in);
}

/* Composes the front matter of r into b; the appendices' Markdown files
 * in names, their .xlsx tables in sheets (NULL where none). */
static void
front_matter(vb_arena *a, vb_buf *b, imp_result *r, const struct opts *o,
    char **names, char **sheets, const vb_agency *ag, vb_buf *given)
{
	const char *trich = r->trich_yeu;
	/* the old year: the issue date's, else the year before the new one */
	int old = r->year ? r->year : o->year - 1;
	size_t i;

	vb_buf_puts(b, "---\n");
	ykey(b, "", "loai", r->loai ? r->loai : "");
	if (r->issued_with) {
		/* issued with a decision: vanban takes the agency, the
		 * "(Ban hành kèm theo …)" line and no number, date nor
		 * signature from the decision's own file, which a DOCX
		 * does not name */
		ykey(b, "", "trich_yeu", o->year ? new_year(a, trich, old,
		    o->year) : trich);
		vb_buf_printf(b, "# %s: ghi tên tệp .md của văn bản đó\n",
		    r->issued_with);
		vb_buf_puts(b, "kem_theo: \"\"\n---\n\n");
		return;
	}
	pkey(b, ag, given, "co_quan_chu_quan", r->parent, NULL);
	if (r->lt_issuers.n >= 2) {	/* văn bản liên tịch */
		ylist(b, "co_quan", &r->lt_issuers);
		ylist(b, "viet_tat", &r->lt_abbrevs);
	} else {
		pkey(b, ag, given, "co_quan", r->issuer, "");
		pkey(b, ag, given, "viet_tat", r->viet_tat, "");
	}
	pkey(b, ag, given, "don_vi", r->don_vi, NULL);
	ykey(b, "", "so", o->year ? "" : r->so ? r->so : "");
	pkey(b, ag, given, "dia_danh", r->dia_danh, "");
	if (o->year)
		vb_buf_printf(b, "ngay: \"%d\"\n", o->year);
	else if (r->year && r->month && r->day)
		vb_buf_printf(b, "ngay: \"%04d-%02d-%02d\"\n", r->year,
		    r->month, r->day);
	else if (r->year && r->month)
		vb_buf_printf(b, "ngay: \"%04d-%02d\"\n", r->year, r->month);
	else if (r->year)
		vb_buf_printf(b, "ngay: \"%04d\"\n", r->year);
	else
		vb_buf_puts(b, "ngay: \"\"\n");
	/* a draft for the new year: check warns on each mention of the old
	 * one still in the text (lint_draft.c) */
	if (o->year)
		vb_buf_printf(b, "nam_cu: \"%d\"\n", old);
	if (o->year)
		trich = new_year(a, trich, old, o->year);
	ykey(b, "", "trich_yeu", trich);
	marks_keys(b, r);
	plist(b, ag, given, "kinh_gui", &r->kinh_gui);
	ykey(b, "", "tham_quyen", r->tham_quyen);
	plist(b, ag, given, "can_cu", &r->can_cu);
	ykey(b, "", "de_nghi", r->de_nghi);
	plist(b, ag, given, "noi_nhan", &r->noi_nhan);
	plist(b, ag, given, "luu", &r->luu);
	ykey(b, "", "nguoi_soan", r->nguoi_soan);
	ykey(b, "", "so_ban", r->so_ban);
	pkey(b, ag, given, "dia_chi", r->dia_chi, NULL);
	pkey(b, ag, given, "dien_thoai", r->dien_thoai, NULL);
	pkey(b, ag, given, "fax", r->fax, NULL);
	pkey(b, ag, given, "email", r->email, NULL);
	pkey(b, ag, given, "website", r->website, NULL);
	if (r->nbefore) {
		/* several signers: a list, left to right */
		vb_buf_puts(b, "ky:\n");
		for (i = 0; i < r->nbefore; i++)
			ysigner(b, &r->before[i]);
		ysigner(b, &(imp_signer){ r->quyen_han, r->tap_the,
		    r->thu_truong, r->chuc_vu, r->ho_ten });
	} else if ((r->chuc_vu || r->ho_ten || r->quyen_han) &&
	    vb_agency_gives_sign(ag, r->quyen_han, r->tap_the,
	    r->thu_truong, r->chuc_vu, r->ho_ten)) {
		vb_buf_printf(given, "%sky", given->len ? ", " : "");
	} else if (r->chuc_vu || r->ho_ten || r->quyen_han) {
		vb_buf_puts(b, "ky:\n");
		ykey(b, "  ", "quyen_han", r->quyen_han);
		ykey(b, "  ", "tap_the", r->tap_the);
		ykey(b, "  ", "thu_truong", r->thu_truong);
		ykey(b, "  ", "chuc_vu", r->chuc_vu);
		ykey(b, "  ", "ho_ten", r->ho_ten);
	}
	if (r->napps) {
		vb_buf_puts(b, "phu_luc:\n");
		for (i = 0; i < r->napps; i++) {
			vb_buf_puts(b, "  -");
			if (names[i]) {
				vb_buf_puts(b, " noi_dung: ");
				yq(b, names[i]);
				vb_buf_putc(b, '\n');
			}
			if (sheets[i]) {
				vb_buf_puts(b, names[i] ? "    bang: " : " bang: ");
				yq(b, sheets[i]);
				vb_buf_putc(b, '\n');
			}
			if (!names[i] && !sheets[i])
				vb_buf_puts(b, " noi_dung: \"\"\n");
			if (r->apps[i].title && !r->apps[i].loai)
				ykey(b, "    ", "tieu_de", o->year ? new_year(a,
				    r->apps[i].title, old, o->year) :
				    r->apps[i].title);
			if (r->apps[i].landscape)
				vb_buf_puts(b, "    huong: ngang\n");
		}
	}
	copy_keys(b, &r->copy);
	vb_buf_puts(b, "---\n\n");
}

/* Writes into f the front matter of a document issued with the imported
 * one (its kind, trích yếu and kem_theo naming the imported document),
 * nothing for a plain appendix. old: the imported document's year. */
static void
attached_head(vb_arena *a, vb_buf *f, const imp_app *app,
    const struct opts *o, int old, const char *out)
{
	const char *base = strrchr(out, '/') ? strrchr(out, '/') + 1 : out;
	const char *t = app->title;

	if (app->loai == NULL)
		return;
	if (o->year && t)
		t = new_year(a, t, old ? old : o->year - 1, o->year);
	vb_buf_puts(f, "---\n");
	ykey(f, "", "loai", app->loai);
	ykey(f, "", "trich_yeu", t);
	ykey(f, "", "kem_theo", base);
	vb_buf_puts(f, "---\n\n");
}

/* Prints the marks, the contents, page breaks and pictures found. */
static void
marks_report(FILE *f, const imp_result *r, const imp_doc *doc)
{
	size_t i, written = 0, unused;

	if (r->do_mat || r->do_khan || r->luu_hanh || r->du_thao ||
	    r->nguoi_soan || r->so_ban)
		fprintf(f, "  đã nhận ra: dấu%s%s%s%s%s\n", r->do_mat ?
		    " độ mật (do_mat)" : "", r->do_khan ? " độ khẩn (do_khan)" :
		    "", r->luu_hanh ? " lưu hành (luu_hanh)" : "", r->du_thao ?
		    " dự thảo (du_thao)" : "", r->nguoi_soan || r->so_ban ?
		    " người soạn, số bản (nguoi_soan, so_ban)" : "");
	if (r->dia_chi || r->dien_thoai || r->email || r->website || r->fax)
		fprintf(f, "  đã nhận ra: địa chỉ cơ quan ở chân trang (dia_chi, "
		    "dien_thoai, fax, email, website)\n");
	if (r->muc_luc)
		fprintf(f, "  đã nhận ra: mục lục (muc_luc: co; vanban tự làm "
		    "lại mục lục)\n");
	if (r->copy.form)
		fprintf(f, "  đã nhận ra: bản sao (ban_sao: %s)\n", r->copy.form);
	for (i = 0; i < doc->nimages; i++)
		written += doc->images[i].used && !doc->images[i].reuse;
	if (r->pictures)
		fprintf(f, "  đã nhận ra: %zu hình (%zu tệp hình ghi cạnh văn "
		    "bản)\n", r->pictures, written);
	for (i = 0, unused = 0; i < doc->nimages; i++)
		unused += doc->images[i].out && !doc->images[i].used;
	if (unused)
		fprintf(f, "  chưa đặt được: %zu hình nằm trong ô bảng hay trong "
		    "khung chữ, đã bỏ; hãy đặt hình trên một dòng riêng "
		    "![chú thích](tệp.png)\n", unused);
	if (doc->skipped_images)
		fprintf(f, "  chưa đặt được: %zu hình không phải PNG/JPEG hoặc "
		    "không đọc được, đã bỏ; hãy lưu lại hình đó dạng .png rồi "
		    "thêm ![chú thích](tệp.png)\n", doc->skipped_images);
}

/* Prints what was recognised. */
static void
report(FILE *f, const imp_result *r, const imp_doc *doc, const char *out)
{
	static const char ok[] = "  đã nhận ra", miss[] = "  chưa tìm thấy";
	const char *flag, *line, *nl;

	if (strcmp(out, "-") == 0)
		fputs("Đã ghi ra đầu ra chuẩn. Kết quả nhận dạng:\n", f);
	else
		fprintf(f, "Đã ghi %s. Kết quả nhận dạng:\n", out);
#define ITEM(cond, what) fprintf(f, "%s: %s\n", (cond) ? ok : miss, what)
	if (r->issued_with) {
		/* its agency, number, date and signature are the decision's */
		ITEM(r->loai && *r->loai, "loại văn bản (loai)");
		ITEM(r->trich_yeu, "trích yếu (trich_yeu)");
		fprintf(f, "  văn bản ban hành kèm theo: %s\n", r->issued_with);
		fprintf(f, "  nội dung: %zu đề mục, %zu dòng danh sách, %zu "
		    "bảng\n", r->headings, r->items, r->tables);
		fputs("Hãy ghi tên tệp .md của văn bản đó vào kem_theo, rồi "
		    "chạy 'vanban check'.\n", f);
		return;
	}
	ITEM(r->loai && *r->loai, "loại văn bản (loai)");
	ITEM(r->parent, "cơ quan chủ quản (co_quan_chu_quan)");
	ITEM(r->issuer, "cơ quan ban hành (co_quan)");
	ITEM(r->viet_tat, "số, ký hiệu (so, viet_tat)");
	ITEM(r->dated, "địa danh, ngày tháng (dia_danh, ngay)");
	ITEM(r->trich_yeu, "trích yếu (trich_yeu)");
	if (r->kinh_gui.n)
		fprintf(f, "%s: Kính gửi (%zu nơi)\n", ok, r->kinh_gui.n);
	if (r->can_cu.n)
		fprintf(f, "%s: Căn cứ (%zu dòng)\n", ok, r->can_cu.n);
	ITEM(r->ho_ten, "chữ ký (ky: chức vụ, họ tên)");
	ITEM(r->noi_nhan.n, "nơi nhận (noi_nhan, luu)");
#undef ITEM
	for (line = r->unplaced.data; line && *line; line = nl + 1) {
		if ((nl = strchr(line, '\n')) == NULL)
			nl = line + strlen(line) - 1;
		fprintf(f, "  chưa đặt được: %.*s\n", (int)(nl - line), line);
	}
	fprintf(f, "  nội dung: %zu đề mục, %zu dòng danh sách, %zu bảng, "
	    "%zu chú thích, %zu phụ lục\n", r->headings, r->items, r->tables,
	    r->notes, r->napps);
	marks_report(f, r, doc);
	if (doc->legacy)
		fprintf(f, "  đã chuyển %zu đoạn chữ TCVN3/VNI sang Unicode\n",
		    doc->legacy);
	if (r->merged)
		fprintf(f, "  chú ý: %zu bảng có ô gộp mà Markdown không giữ "
		    "được; hãy xem lại các bảng đó\n", r->merged);
	flag = (!r->issuer || !r->viet_tat || !r->dated || !r->loai ||
	    !*r->loai) ? "Hãy điền các khóa còn trống ở phần đầu tệp, rồi "
	    "chạy 'vanban check'.\n" : "Hãy đọc lại tệp, rồi chạy 'vanban "
	    "check' trước khi 'vanban render'.\n";
	fputs(flag, f);
}

/* Returns 1 (after reporting) when path already exists: import never
 * writes over a file. */
static int
exists(vb_diags *d, const char *path)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		return 0;
	vb_diag_add(d, VB_ERROR, path, 0, 0, "Chọn tên khác cho văn bản mới, "
	    "ví dụ: -o ke-hoach-moi.md (hoặc xóa, đổi tên tệp cũ).", "tệp "
	    "này đã có; vanban import không bao giờ ghi đè tệp đã có");
	return 1;
}

/* Adds the tables of the text written as .xlsx to the output set, beside
 * out; returns 0, or -1 after reporting one that already exists. */
static int
sheets_add(vb_arena *a, vb_outset *set, const imp_doc *doc,
    const char *out, vb_diags *d)
{
	char *folder = vb_folder_of(out), *p;
	vb_buf b = { 0 };
	size_t i;
	int rc = 0;

	for (i = 0; i < doc->nsheets && rc == 0; i++) {
		p = vb_sprintf(a, "%s/%s", folder, imp_sheet_name(a, doc, i));
		if (exists(d, p)) {
			rc = -1;
			break;
		}
		vb_buf_reset(&b);
		if (imp_xlsx_write(doc->sheets[i], &b) < 0 ||
		    vb_out_add(set, p, &b) < 0)
			rc = -1;
	}
	vb_buf_free(&b);
	free(folder);
	return rc;
}

/* Adds the pictures the new document shows (but not an existing file
 * with the same bytes) to the output set, beside out; returns 0 or -1. */
static int
pictures_add(vb_arena *a, vb_outset *set, const imp_doc *doc,
    const char *out)
{
	char *folder = vb_folder_of(out);
	vb_buf b = { 0 };
	size_t i;
	int rc = 0;

	for (i = 0; i < doc->nimages && rc == 0; i++) {
		if (doc->images[i].out == NULL || doc->images[i].reuse ||
		    !doc->images[i].used)
			continue;
		vb_buf_reset(&b);
		vb_buf_put(&b, doc->images[i].data, doc->images[i].len);
		rc = vb_out_add(set, vb_sprintf(a, "%s/%s", folder,
		    doc->images[i].out), &b);
	}
	vb_buf_free(&b);
	free(folder);
	return rc;
}

/* Runs the import; returns an exit code. */
static int
run(const struct opts *o)
{
	vb_diags d = { 0 };
	vb_inputs in = { 0 };
	vb_arena *a = vb_arena_new();
	imp_doc doc;
	imp_result r;
	vb_outset set;
	vb_buf md = { 0 }, f = { 0 }, given = { 0 };
	vb_agency ag = { 0 };
	char *data, *dir, *out, *st, **names = NULL, **sheets, *conv = NULL;
	char *folder;
	size_t len, i;
	int rc = EXIT_INPUT;
	kind k;

	memset(&doc, 0, sizeof(doc));
	memset(&r, 0, sizeof(r));
	doc.a = a;
	dir = vb_folder_of(o->in);
	if (vb_inputs_open(&in, dir, &d) < 0 ||
	    (data = vb_in_read_main(&in, a, o->in, &len, &d)) == NULL)
		goto done;
	k = kind_of(o->in, data, len);
	switch (k) {
	case K_ENCRYPTED:
		vb_diag_add(&d, VB_ERROR, o->in, 0, 0, "Hãy mở tệp bằng Word, "
		    "bỏ mật khẩu (File › Info › Protect Document › Encrypt with "
		    "Password, xóa trống) và lưu lại, rồi nhập lại.", "tệp .docx "
		    "này được đặt mật khẩu (mã hóa), vanban không đọc được");
		goto done;
	case K_OTHER:
		vb_diag_add(&d, VB_ERROR, o->in, 0, 0, len >= 4 &&
		    memcmp(data, "%PDF", 4) == 0 ? "Tệp PDF không giữ được cấu "
		    "trúc văn bản: hãy dùng tệp Word gốc, hoặc chép chữ từ PDF "
		    "vào một tệp .txt rồi nhập tệp đó." : "Hãy lưu văn bản từ "
		    "Word dạng .docx (hoặc chép chữ vào một tệp .txt) rồi nhập "
		    "lại.", "vanban import chỉ đọc tệp .docx, .doc, .odt và "
		    ".txt; tệp này không phải loại nào trong số đó");
		goto done;
	case K_CONVERT:
		if ((conv = imp_soffice_convert(o->in, &len, &d)) == NULL)
			goto done;
		if (imp_docx_read(&doc, o->in, conv, len, &d) < 0)
			goto done;
		break;
	case K_DOCX:
		if (imp_docx_read(&doc, o->in, data, len, &d) < 0)
			goto done;
		break;
	case K_TXT:
		if (imp_txt_read(&doc, o->in, data, len, &d) < 0)
			goto done;
		break;
	}
	out = o->out ? vb_strdup(a, o->out) : strcmp(o->in, "-") == 0 ?
	    vb_strdup(a, "-") : default_out(a, o->in);
	st = stem(a, out);
	/* the pictures' names, beside the new document */
	folder = vb_folder_of(out);
	imp_pictures_name(&doc, folder, st);
	free(folder);
	/* tables with merges go beside it as .xlsx: not on standard output */
	doc.stem = strcmp(out, "-") != 0 ? st : NULL;
	imp_recognize(&doc, &r);
	names = vb_alloc(a, (r.napps + 1) * sizeof(*names));
	sheets = vb_alloc(a, (r.napps + 1) * sizeof(*sheets));
	for (i = 0; i < r.napps; i++) {
		char *n = r.napps == 1 ? vb_sprintf(a, "%s-phu-luc", st) :
		    vb_sprintf(a, "%s-phu-luc-%zu", st, i + 1);
		names[i] = r.apps[i].md.len || r.apps[i].loai ?
		    vb_sprintf(a, "%s.md", n) : NULL;
		sheets[i] = r.apps[i].sheet ? vb_sprintf(a, "%s.xlsx", n) :
		    NULL;
	}
	/* keys the agency profile (co-quan.yaml) already gives are left out;
	 * a profile that cannot be used is reported and leaves them in */
	if (strcmp(out, "-") == 0 || vb_agency_load(a, out, &ag, &d) < 0)
		memset(&ag, 0, sizeof(ag));
	front_matter(a, &md, &r, o, names, sheets, &ag, &given);
	vb_buf_put(&md, r.body.data ? r.body.data : "", r.body.len);
	vb_out_init(&set, 0, NULL, &in);
	if (strcmp(out, "-") == 0 && r.pictures) {
		vb_diag_add(&d, VB_ERROR, o->in, 0, 0, "Hãy ghi ra tệp: -o "
		    "TÊN.md", "văn bản có hình, phải ghi ra tệp (cùng các tệp "
		    "hình), không ghi ra đầu ra chuẩn được");
		vb_out_free(&set);
		goto done;
	}
	if (strcmp(out, "-") == 0 && r.napps) {
		vb_diag_add(&d, VB_ERROR, o->in, 0, 0, "Hãy ghi ra tệp: -o "
		    "TÊN.md", "văn bản có phụ lục, phải ghi ra tệp (cùng các "
		    "tệp phụ lục), không ghi ra đầu ra chuẩn được");
		vb_out_free(&set);
		goto done;
	}
	if (strcmp(out, "-") != 0 && exists(&d, out)) {
		vb_out_free(&set);
		goto done;
	}
	vb_out_add(&set, out, &md);
	for (i = 0; i < 2 * r.napps; i++) {
		const char *name = i % 2 ? sheets[i / 2] : names[i / 2];
		char *folder, *p;
		if (name == NULL)
			continue;
		folder = vb_folder_of(out);
		p = vb_sprintf(a, "%s/%s", folder, name);
		free(folder);
		if (exists(&d, p)) {
			vb_out_free(&set);
			goto done;
		}
		vb_buf_reset(&f);
		if (i % 2)
			imp_xlsx_write(r.apps[i / 2].sheet, &f);
		else {
			attached_head(a, &f, &r.apps[i / 2], o, r.year, out);
			vb_buf_put(&f, r.apps[i / 2].md.data ?
			    r.apps[i / 2].md.data : "", r.apps[i / 2].md.len);
		}
		vb_out_add(&set, p, &f);
	}
	if (sheets_add(a, &set, &doc, out, &d) < 0) {
		vb_out_free(&set);
		goto done;
	}
	if (pictures_add(a, &set, &doc, out) < 0) {
		vb_out_free(&set);
		goto done;
	}
	if (vb_out_commit(&set, &d) < 0) {
		vb_out_free(&set);
		goto done;
	}
	vb_out_free(&set);
	report(strcmp(out, "-") == 0 ? stderr : stdout, &r, &doc, out);
	if (given.len)
		fprintf(strcmp(out, "-") == 0 ? stderr : stdout, "Không ghi "
		    "các khóa %s: %s đã có đúng giá trị đó.\n", given.data,
		    ag.path);
	if (o->year)
		printf("Bản nháp năm %d: số để trống, ngày chỉ còn năm %d, năm %d "
		    "trong trích yếu và tên phụ lục đã đổi thành %d; các chỗ "
		    "khác trong nội dung giữ nguyên để bạn xem lại.\n", o->year,
		    o->year, r.year ? r.year : o->year - 1, o->year);
	for (i = 0; i < r.napps; i++)
		if (sheets[i])
			printf("Bảng có ô gộp của phụ lục %zu được ghi ra %s "
			    "(sửa bằng Excel; vanban đọc lại cả ô gộp).\n", i + 1,
			    sheets[i]);
	for (i = 0; i < doc.nsheets; i++)
		printf("Bảng có ô gộp thứ %zu trong nội dung được ghi ra %s, "
		    "trong văn bản là dòng ![](%s) (sửa bảng bằng Excel; vanban "
		    "đọc lại cả ô gộp).\n", i + 1, imp_sheet_name(a, &doc, i),
		    imp_sheet_name(a, &doc, i));
	rc = EXIT_OK;
done:
	vb_diags_print(&d);
	vb_diags_free(&d);
	vb_inputs_close(&in);
	imp_result_free(&r);
	vb_buf_free(&md);
	vb_buf_free(&f);
	vb_buf_free(&given);
	free(conv);
	free(dir);
	vb_arena_free(a);
	return rc;
}

int
vb_cmd_import(int argc, char **argv)
{
	struct opts o = { NULL, NULL, 0 };
	char *end;
	int i;

	for (i = 2; i < argc; i++) {
		if ((strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output")
		    == 0) && i + 1 < argc) {
			o.out = argv[++i];
		} else if (strcmp(argv[i], "--nam") == 0 && i + 1 < argc) {
			o.year = (int)strtol(argv[++i], &end, 10);
			if (*end || o.year < 1900 || o.year > 2200) {
				fprintf(stderr, "vanban: --nam cần một năm, ví "
				    "dụ --nam 2025\n");
				return EXIT_USAGE;
			}
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, "vanban: tùy chọn không rõ: %s\nXem: "
			    "vanban import --help\n", argv[i]);
			return EXIT_USAGE;
		} else if (o.in == NULL) {
			o.in = argv[i];
		} else {
			fprintf(stderr, "vanban: chỉ nhập một tệp mỗi lần\n");
			return EXIT_USAGE;
		}
	}
	if (o.in == NULL) {
		fprintf(stderr, "vanban: thiếu tên tệp cần nhập\nCách dùng: "
		    "vanban import CŨ.docx [-o MỚI.md] [--nam 2025]\n");
		return EXIT_USAGE;
	}
	return run(&o);
}
