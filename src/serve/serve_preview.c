/* serve_preview.c - what the page sees of a document: "vanban check"'s
 * messages and the pages as the PDF renderer lays them out, drawn as
 * images (vb_pdf_render_pages in the PDF plugin), for the text the page
 * sends; and the saved document as DOCX or PDF. All of it runs in a
 * render worker (serve_apart.c). Each page has a key (a hash of what it
 * draws, vb_pdf_render_pages): the page says which keys it already shows,
 * and only the other pages are drawn, encoded and sent. */
#define _GNU_SOURCE		/* asprintf */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/infile.h"
#include "check/check.h"
#include "cli/plugin.h"
#include "docx/docx.h"
#include "model/document.h"
#include "serve.h"

/* Pages sent at most in one preview. */
#define PREVIEW_MAX_PAGES 500

/* One preview asked for, as the worker reads it from the job
 * "name\0have\0scale\0text". */
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
	int first;		/* source lines of the page being drawn: first */
	int last;		/* and last */
	double mark;		/* ms: when the page was wanted (draw starts) */
	double draw_ms;		/* ms spent rasterizing the pages wanted */
	double png_ms;		/* ms spent encoding them */
} preview_out;

/* Returns a monotonic clock in milliseconds. */
static double
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

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

/* Writes the start of page's entry (its key, the source lines it shows,
 * its size) to the JSON. */
static void
entry(preview_out *o, unsigned long long key, int w, int h)
{
	vb_buf_printf(o->json, "%s{\"h\":\"%016llx\",\"d1\":%d,\"d2\":%d,"
	    "\"w\":%d,\"c\":%d,\"png\":", o->pages > 0 ? "," : "", key,
	    o->first, o->last, w, h);
}

/* Says whether a page is to be drawn: not when the page shows it. */
static int
want_page(void *arg, int page, unsigned long long key, int first, int last)
{
	preview_out *o = arg;
	char k[32];

	o->first = first;
	o->last = last;
	if (page > PREVIEW_MAX_PAGES)
		return 0;
	snprintf(k, sizeof(k), ",%016llx,", key);
	if (o->job->have != NULL && strstr(o->job->have, k) != NULL) {
		entry(o, key, 0, 0);
		o->pages = page;
		vb_buf_puts(o->json, "null}");
		return 0;
	}
	o->mark = now_ms();
	return 1;
}

/* Receives a page drawn: encodes it as PNG into the JSON. */
static int
on_page(void *arg, int page, unsigned long long key, int w, int h,
    int stride, unsigned char *px)
{
	preview_out *o = arg;
	vb_buf png = {0};
	double t = now_ms();
	int r;

	o->draw_ms += t - o->mark;
	entry(o, key, w, h);
	o->pages = page;
	r = serve_png(px, w, h, stride, &png);
	vb_buf_puts(o->json, "\"");
	serve_base64(o->json, (const unsigned char *)png.data, png.len);
	vb_buf_puts(o->json, "\"}");
	vb_buf_free(&png);
	o->png_ms += now_ms() - t;
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

/* Returns the NUL-terminated field of job[0..len) at *off, moving *off
 * past it, or NULL when there is none. */
static const char *
field(const char *job, size_t len, size_t *off)
{
	const char *f = job + *off, *nul;

	if (*off >= len || (nul = memchr(f, '\0', len - *off)) == NULL)
		return NULL;
	*off += (size_t)(nul - f) + 1;
	return f;
}

/* The worker's work for a preview: parse and check, draw; writes the
 * JSON. */
static int
preview_work(const vb_server *s, const char *blob, size_t blen, int fd)
{
	preview_job j, *job = &j;
	size_t off = 0;
	const char *scale;
	vb_inputs in = { .dirfd = -1 };
	vb_diags cd = {0}, pd = {0};
	vb_buf json = {0}, pages = {0};
	preview_out o = { NULL, &pages, 0, 0, 0, 0, 0, 0 };
	double t0 = now_ms(), t_check, t_pages;
	vb_pdf_raster raster;
	vb_document *doc = NULL;
	vb_pdf_options po;
	char *path = NULL;
	int r;

	memset(&po, 0, sizeof(po));
	if ((j.name = field(blob, blen, &off)) == NULL ||
	    (j.have = field(blob, blen, &off)) == NULL ||
	    (scale = field(blob, blen, &off)) == NULL)
		return -1;
	j.scale = strtod(scale, NULL);
	j.text = blob + off;
	j.len = blen - off;
	o.job = job;
	if (asprintf(&path, "%s/%s", s->root, job->name) < 0)
		return -1;
	/* parsed once: check's document is the one drawn */
	if (vb_inputs_open(&in, s->root, &pd) == 0)
		vb_check_source_in(path, job->text, job->len, &in, &doc, &cd);
	else
		vb_check_source(path, job->text, job->len, &cd);
	t_check = now_ms();
	raster.scale = job->scale;
	raster.want = want_page;
	raster.page = on_page;
	raster.arg = &o;
	if (doc != NULL && s->pages != NULL)
		s->pages(doc, &po, &raster, &pd);
	t_pages = now_ms();
	vb_buf_printf(&json, "{\"ms\":{\"kiem_tra\":%.1f,"
	    "\"dan_trang\":%.1f,\"ve\":%.1f,\"png\":%.1f},\"loi\":",
	    t_check - t0, t_pages - t_check - o.draw_ms - o.png_ms, o.draw_ms,
	    o.png_ms);
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
	double scale = ty != NULL ? strtod(ty, NULL) : SERVE_SCALE;
	char why[256];
	vb_buf job = {0};
	int rc;

	if (!serve_name_ok(name, "|.md|"))
		return serve_error(r, 400, "Tên tệp không hợp lệ.");
	if (!(scale >= 0.5 && scale <= 3))
		scale = SERVE_SCALE;
	if (have == NULL || strlen(have) > 64 * 1024)
		have = "";
	if (vb_buf_printf(&job, "%s%c,%s,%c%.4f%c", name, 0, have, 0, scale,
	    0) < 0 || vb_buf_put(&job, c->body, c->len) < 0) {
		vb_buf_free(&job);
		return -1;
	}
	rc = serve_apart(c->s, preview_work, job.data, job.len, &r->body, why,
	    sizeof(why));
	vb_buf_free(&job);
	return rc < 0 ? serve_error(r, 500, why) : 0;
}

/* One download asked for, as the worker reads it from the job
 * "name\0" followed by "pdf" or "docx". */
typedef struct download_job {
	const char *name;	/* the document's file name */
	int pdf;		/* 1: PDF, 0: DOCX */
} download_job;

/* The worker's work for a download: the bytes, or "!" and why. */
static int
download_work(const vb_server *s, const char *blob, size_t blen, int fd)
{
	download_job j = { blob, blen > strlen(blob) + 1 &&
	    strcmp(blob + strlen(blob) + 1, "pdf") == 0 }, *job = &j;
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
	vb_buf blob = {0};
	int rc;

	if (!serve_name_ok(name, "|.md|") || fmt == NULL ||
	    (strcmp(fmt, "pdf") != 0 && strcmp(fmt, "docx") != 0))
		return serve_error(r, 400, "Tên tệp hoặc định dạng không hợp lệ.");
	if (vb_buf_printf(&blob, "%s%c%s", name, 0, fmt) < 0)
		return -1;
	rc = serve_apart(c->s, download_work, blob.data, blob.len, &r->body,
	    why, sizeof(why));
	vb_buf_free(&blob);
	if (rc < 0)
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

/* Draws every page of the warm-up rendering. */
static int
all_pages(void *arg, int page, unsigned long long key, int first, int last)
{
	(void)arg, (void)page, (void)key, (void)first, (void)last;
	return 1;
}

/* Ignores the pages of the warm-up rendering. */
static int
no_page(void *arg, int page, unsigned long long key, int w, int h,
    int stride, unsigned char *px)
{
	(void)arg, (void)page, (void)key, (void)w, (void)h, (void)stride;
	(void)px;
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
	vb_pdf_raster raster = { SERVE_SCALE, all_pages, no_page, NULL };
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
		s->pages(doc, &po, &raster, &d);
		vb_document_free(doc);
	}
	if (s->pages == NULL)
		vb_diags_print(&d);
	vb_diags_free(&d);
	free(path);
}
