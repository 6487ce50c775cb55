/* serve_preview.c - what the page sees of a document: "vanban check"'s
 * messages and the pages as the PDF renderer lays them out, drawn as
 * images (vb_pdf_render_pages in the PDF plugin), for the text the page
 * sends; and the saved document as DOCX or PDF. All of it runs in a
 * forked child (serve_apart.c). Each page image has a hash of its pixels:
 * the page says which hashes it already shows, and only the other pages
 * are encoded and sent. */
#define _GNU_SOURCE		/* asprintf */
#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/infile.h"
#include "check/check.h"
#include "cli/plugin.h"
#include "docx/docx.h"
#include "model/document.h"
#include "serve.h"

/* Pages sent at most in one preview. */
#define PREVIEW_MAX_PAGES 500

/* One preview asked for. */
typedef struct preview_job {
	const char *name;	/* the document's file name */
	const char *text;	/* its text, as the page has it */
	size_t len;		/* length of text */
	const char *have;	/* ",hash,hash," the page already shows */
	double scale;		/* pixels per point */
} preview_job;

/* The pages as they are drawn, in the child. */
typedef struct preview_out {
	const preview_job *job;	/* what was asked */
	vb_buf *json;		/* the "trang" array being written */
	int pages;		/* pages drawn */
} preview_out;

/* Writes all of b to fd; returns 0 or -1. */
static int
put_all(int fd, const vb_buf *b)
{
	size_t off = 0;
	ssize_t n;

	while (off < b->len) {
		if ((n = write(fd, b->data + off, b->len - off)) <= 0)
			return -1;
		off += (size_t)n;
	}
	return 0;
}

/* Returns a hash of the pixels of a page (rows of w 8-bit pixels; the
 * rows' padding, up to stride, is zero in Cairo's images). */
static unsigned long long
hash_pixels(int w, int h, int stride, const unsigned char *px)
{
	unsigned long long x = SERVE_HASH0, v;
	int y, i;

	for (y = 0; y < h; y++) {
		const unsigned char *row = px + (size_t)y * (size_t)stride;
		for (i = 0; i + 8 <= stride; i += 8) {
			memcpy(&v, row + i, 8);
			x = (x ^ v) * 0x9E3779B97F4A7C15ULL;
			x ^= x >> 29;
		}
	}
	return x ^ (unsigned long long)w << 32 ^ (unsigned long long)h;
}

/* Turns coverage into grey levels: 255 - each byte of px[0..n). */
static void
invert(unsigned char *px, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		px[i] = (unsigned char)(255 - px[i]);
}

/* Appends what Cairo writes of a PNG to the buffer in closure. */
static cairo_status_t
png_out(void *closure, const unsigned char *data, unsigned int len)
{
	return vb_buf_put(closure, data, len) == 0 ? CAIRO_STATUS_SUCCESS :
	    CAIRO_STATUS_WRITE_ERROR;
}

/* Receives one page image: its hash, and the PNG unless the page has it. */
static int
on_page(void *arg, int page, int w, int h, int stride, unsigned char *px)
{
	preview_out *o = arg;
	char hex[24], key[32];
	cairo_surface_t *s;
	vb_buf png = {0};
	int r = 0;

	if (page > PREVIEW_MAX_PAGES)
		return -1;
	snprintf(hex, sizeof(hex), "%016llx", hash_pixels(w, h, stride, px));
	snprintf(key, sizeof(key), ",%s,", hex);
	vb_buf_printf(o->json, "%s{\"h\":\"%s\",\"w\":%d,\"c\":%d,\"png\":",
	    o->pages > 0 ? "," : "", hex, w, h);
	o->pages = page;
	if (o->job->have != NULL && strstr(o->job->have, key) != NULL)
		return vb_buf_puts(o->json, "null}");
	/* Cairo writes an A8 image as grey levels of the coverage: turned
	 * over, ink is black on white paper. */
	invert(px, (size_t)stride * (size_t)h);
	s = cairo_image_surface_create_for_data(px,
	    CAIRO_FORMAT_A8, w, h, stride);
	if (cairo_surface_write_to_png_stream(s, png_out, &png) !=
	    CAIRO_STATUS_SUCCESS)
		r = -1;
	cairo_surface_destroy(s);
	vb_buf_puts(o->json, "\"");
	serve_base64(o->json, (const unsigned char *)png.data, png.len);
	vb_buf_puts(o->json, "\"}");
	vb_buf_free(&png);
	return r;
}

/* Appends d's messages as a JSON array to b; file names are shown
 * relative to the folder. */
static void
diags_json(const vb_server *s, const vb_diags *d, vb_buf *b)
{
	size_t i, n = strlen(s->root);
	const char *f;

	vb_buf_putc(b, '[');
	for (i = 0; i < d->n; i++) {
		const vb_diag *g = &d->items[i];
		f = g->file ? g->file : "";
		if (strncmp(f, s->root, n) == 0 && f[n] == '/')
			f += n + 1;
		vb_buf_printf(b, "%s{\"dong\":%d,\"cot\":%d,\"muc\":\"%s\",\"tep\":",
		    i ? "," : "", g->line, g->col,
		    g->severity == VB_ERROR ? "loi" : "canh-bao");
		serve_json_str(b, f);
		vb_buf_puts(b, ",\"thong_bao\":");
		serve_json_str(b, g->msg);
		vb_buf_puts(b, ",\"goi_y\":");
		serve_json_str(b, g->hint ? g->hint : "");
		vb_buf_putc(b, '}');
	}
	vb_buf_putc(b, ']');
}

/* The child's work for a preview: check, parse, draw; writes the JSON. */
static int
preview_work(const vb_server *s, void *arg, int fd)
{
	const preview_job *job = arg;
	vb_inputs in = { .dirfd = -1 };
	vb_diags cd = {0}, pd = {0};
	vb_buf json = {0}, pages = {0};
	preview_out o = { job, &pages, 0 };
	vb_document *doc = NULL;
	vb_pdf_options po;
	char *path = NULL;
	int r;

	memset(&po, 0, sizeof(po));
	if (asprintf(&path, "%s/%s", s->root, job->name) < 0)
		return -1;
	vb_check_source(path, job->text, job->len, &cd);
	if (vb_inputs_open(&in, s->root, &pd) == 0)
		doc = vb_document_parse_in(path, job->text, job->len, &in, &pd);
	if (doc != NULL && s->pages != NULL)
		s->pages(doc, &po, job->scale, on_page, &o, &pd);
	vb_buf_puts(&json, "{\"loi\":");
	diags_json(s, &cd, &json);
	vb_buf_printf(&json, ",\"so_trang\":%d,\"trang\":[", o.pages);
	if (pages.len)
		vb_buf_put(&json, pages.data, pages.len);
	vb_buf_puts(&json, "],\"dung\":");
	serve_json_str(&json, doc == NULL ? "Văn bản còn lỗi nên chưa dựng "
	    "được trang: sửa các lỗi bên cạnh." : pd.errors > 0 && pd.n > 0 ?
	    pd.items[pd.n - 1].msg : "");
	r = vb_buf_puts(&json, "}") == 0 ? put_all(fd, &json) : -1;
	vb_buf_free(&json);
	vb_buf_free(&pages);
	vb_document_free(doc);
	vb_inputs_close(&in);
	vb_diags_free(&cd);
	vb_diags_free(&pd);
	free(path);
	return r;
}

int
serve_preview(const serve_call *c, serve_reply *r)
{
	const char *name = serve_arg(c, "ten"), *have = serve_arg(c, "co");
	const char *ty = serve_arg(c, "ty");
	preview_job job = { name, c->body, c->len, NULL, SERVE_SCALE };
	char why[256], *h = NULL;

	if (!serve_name_ok(name, "|.md|"))
		return serve_error(r, 400, "Tên tệp không hợp lệ.");
	if (ty != NULL)
		job.scale = strtod(ty, NULL);
	if (!(job.scale >= 0.5 && job.scale <= 3))
		job.scale = SERVE_SCALE;
	if (have != NULL && strlen(have) < 64 * 1024 &&
	    asprintf(&h, ",%s,", have) > 0)
		job.have = h;
	if (serve_apart(c->s, preview_work, &job, &r->body, why,
	    sizeof(why)) < 0) {
		free(h);
		return serve_error(r, 500, why);
	}
	free(h);
	return 0;
}

/* One download asked for. */
typedef struct download_job {
	const char *name;	/* the document's file name */
	int pdf;		/* 1: PDF, 0: DOCX */
} download_job;

/* The child's work for a download: the bytes, or "!" and why. */
static int
download_work(const vb_server *s, void *arg, int fd)
{
	const download_job *job = arg;
	vb_inputs in = { .dirfd = -1 };
	vb_buf out = {0}, text = {0};
	vb_diags d = {0};
	vb_document *doc = NULL;
	vb_pdf_options po;
	char why[512], *path = NULL;
	unsigned st;
	int r = -1;

	memset(&po, 0, sizeof(po));
	po.created = getenv("VANBAN_DATE");
	if (asprintf(&path, "%s/%s", s->root, job->name) < 0)
		return -1;
	if (serve_read(s, job->name, &text, why, sizeof(why), &st) < 0)
		vb_diag_add(&d, VB_ERROR, path, 0, 0, NULL, "%s", why);
	else if (vb_inputs_open(&in, s->root, &d) == 0)
		doc = vb_document_parse_in(path, text.data ? text.data : "",
		    text.len, &in, &d);
	if (doc != NULL)
		r = job->pdf ? vb_pdf_render_plugin(doc, &po, &out, &d) :
		    vb_docx_render(doc, po.created, &out, &d);
	if (r < 0) {
		vb_buf_reset(&out);
		vb_buf_printf(&out, "!%s", d.n > 0 ? d.items[d.n - 1].msg :
		    "không dựng được văn bản");
		for (st = 0; st < d.n && d.items[st].severity != VB_ERROR; st++)
			;
		if (st < d.n) {
			vb_buf_reset(&out);
			vb_buf_printf(&out, "!dòng %d: %s", d.items[st].line,
			    d.items[st].msg);
		}
	}
	r = put_all(fd, &out);
	vb_buf_free(&out);
	vb_buf_free(&text);
	vb_document_free(doc);
	vb_inputs_close(&in);
	vb_diags_free(&d);
	free(path);
	return r;
}

/* Puts in r's Content-Disposition the name with extension ext, encoded
 * for any browser (RFC 6266 filename*). */
static void
disposition(serve_reply *r, const char *name, const char *ext)
{
	size_t n = strlen(name) - 3, i, k;

	k = (size_t)snprintf(r->disposition, sizeof(r->disposition),
	    "attachment; filename*=UTF-8''");
	for (i = 0; i < n && k + 4 < sizeof(r->disposition) - 8; i++) {
		unsigned char ch = (unsigned char)name[i];
		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.')
			r->disposition[k++] = (char)ch;
		else
			k += (size_t)snprintf(r->disposition + k, 4, "%%%02X", ch);
	}
	snprintf(r->disposition + k, sizeof(r->disposition) - k, "%s", ext);
}

int
serve_download(const serve_call *c, serve_reply *r)
{
	const char *name = serve_arg(c, "ten"), *fmt = serve_arg(c, "dang");
	download_job job = { name, fmt != NULL && strcmp(fmt, "pdf") == 0 };
	char why[256];

	if (!serve_name_ok(name, "|.md|") || fmt == NULL ||
	    (strcmp(fmt, "pdf") != 0 && strcmp(fmt, "docx") != 0))
		return serve_error(r, 400, "Tên tệp hoặc định dạng không hợp lệ.");
	if (serve_apart(c->s, download_work, &job, &r->body, why,
	    sizeof(why)) < 0)
		return serve_error(r, 500, why);
	if (r->body.len > 0 && r->body.data[0] == '!') {
		vb_buf_putc(&r->body, '\0');
		snprintf(why, sizeof(why), "Chưa tạo được tệp: %s",
		    r->body.data + 1);
		return serve_error(r, 422, why);
	}
	r->type = job.pdf ? "application/pdf" :
	    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
	disposition(r, name, job.pdf ? ".pdf" : ".docx");
	return 0;
}

/* Ignores the pages of the warm-up rendering. */
static int
no_page(void *arg, int page, int w, int h, int stride, unsigned char *px)
{
	(void)arg, (void)page, (void)w, (void)h, (void)stride, (void)px;
	return 0;
}

/* The letters of Vietnamese and the usual signs, for the warm-up. */
#define GLYPHS "aăâbcdđeêghiklmnoôơpqrstuưvxy AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY " \
	"áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ " \
	"ÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ " \
	"fjwzFJWZ 0123456789 .,;:!?()[]/%-–—…\"'“”‘’+=<>&§№"

void
serve_preview_warm(vb_server *s)
{
	static const char text[] = "---\nloai: ke-hoach\nco_quan: Sở A\n"
	    "so: \"\"\ndia_danh: Hà Nội\nngay: 2025-01-02\ntrich_yeu: Thử\n"
	    "ky:\n  chuc_vu: Giám đốc\n  ho_ten: Nguyễn Văn A\n---\n\n"
	    "# Mục đích\n\n## Yêu cầu\n\n" GLYPHS "\n\n*" GLYPHS "*\n\n**"
	    GLYPHS "**\n\n- " GLYPHS "[^1]\n\n| A | B |\n|---|---|\n| "
	    GLYPHS " | 1 |\n\n[^1]: " GLYPHS "\n";
	vb_diags d = {0};
	vb_document *doc;
	vb_pdf_options po;
	char *path = NULL;

	memset(&po, 0, sizeof(po));
	s->pages = (serve_pages_fn)vb_plugin_symbol("pdf",
	    "vb_pdf_render_pages", "vanban-pdf.so", &d);
	if (s->pages != NULL && asprintf(&path, "%s/.vanban-thu.md",
	    s->root) > 0 && (doc = vb_document_parse(path, text,
	    sizeof(text) - 1, &d)) != NULL) {
		s->pages(doc, &po, SERVE_SCALE, no_page, NULL, &d);
		vb_document_free(doc);
	}
	if (s->pages == NULL)
		vb_diags_print(&d);
	vb_diags_free(&d);
	free(path);
}
