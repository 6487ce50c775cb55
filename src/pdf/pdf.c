/* pdf.c - the PDF renderer's entry: a Cairo PDF surface writing to memory,
 * the document's metadata, the parts in order (body with its header and
 * signature, then each appendix on its own pages), then the signature
 * field through qpdf. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/version.h"
#include "pdf_int.h"

/* Appends what Cairo writes to the buffer in closure. */
static cairo_status_t
write_mem(void *closure, const unsigned char *data, unsigned int len)
{
	return vb_buf_put(closure, data, len) == 0 ? CAIRO_STATUS_SUCCESS :
	    CAIRO_STATUS_WRITE_ERROR;
}

/* Returns the current local time as "YYYY-MM-DDTHH:MM:SS+HH:MM" in buf. */
static const char *
now_iso(char *buf, size_t n)
{
	time_t t = time(NULL);
	struct tm tm;
	int off;

	localtime_r(&t, &tm);
	off = (int)(tm.tm_gmtoff / 60) % (24 * 60);
	snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
	    (tm.tm_year + 1900) % 10000, (tm.tm_mon + 1) % 100,
	    tm.tm_mday % 100, tm.tm_hour % 100, tm.tm_min % 100,
	    tm.tm_sec % 100, off < 0 ? '-' : '+',
	    (off < 0 ? -off : off) / 60, (off < 0 ? -off : off) % 60);
	return buf;
}

/* Sets one metadata entry when v is not empty. */
static void
meta(cairo_surface_t *s, cairo_pdf_metadata_t k, const char *v)
{
	if (v != NULL && *v != '\0')
		cairo_pdf_surface_set_metadata(s, k, v);
}

/* Sets title, author, subject, keywords, creator and creation date. */
static void
set_metadata(pdf_ctx *c, const char *created)
{
	const vb_props *p = &c->doc->props;

	meta(c->surf, CAIRO_PDF_METADATA_TITLE, p->title);
	meta(c->surf, CAIRO_PDF_METADATA_AUTHOR, p->author);
	meta(c->surf, CAIRO_PDF_METADATA_SUBJECT, p->subject);
	meta(c->surf, CAIRO_PDF_METADATA_KEYWORDS, p->keywords);
	meta(c->surf, CAIRO_PDF_METADATA_CREATOR, "vanban " VB_VERSION);
	meta(c->surf, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

/* Lays out and draws the whole document on c's context. */
void
pdf_draw_document(pdf_ctx *c)
{
	const vb_document *doc = c->doc;
	size_t i;

	cairo_tag_begin(c->cr, "Document", "");
	pdf_part_begin(c, doc->body.landscape);
	c->head = &doc->header;
	pdf_head(c);
	pdf_blocks(c, &doc->body, 0, doc->nsigners > 0);
	pdf_sign_block(c);
	for (i = 0; i < doc->nappendices; i++) {
		pdf_part_begin(c, doc->appendices[i].landscape);
		if (doc->appendices[i].head != NULL) {	/* ban hành kèm theo */
			c->head = doc->appendices[i].head;
			pdf_head(c);
			c->head = &doc->header;
		} else
			pdf_appendix_head(c, &doc->appendices[i]);
		pdf_blocks(c, &doc->appendices[i], 1, 0);
	}
	pdf_copy(c);
	pdf_flow_flush(c);
	pdf_page_end(c);
	pdf_notes_free(c);
	pdf_images_free(c);
	cairo_tag_end(c->cr, "Document");
}

/* Draws the document into raw; returns 0, or -1 with an error in c->d. */
static int
render_raw(pdf_ctx *c, const char *created, vb_buf *raw)
{
	double w = VB_MM_TO_PT(c->pf->page_w_mm);
	double h = VB_MM_TO_PT(c->pf->page_h_mm);
	cairo_status_t st;

	c->surf = cairo_pdf_surface_create_for_stream(write_mem, raw,
	    c->doc->body.landscape ? h : w, c->doc->body.landscape ? w : h);
	cairo_pdf_surface_restrict_to_version(c->surf, CAIRO_PDF_VERSION_1_5);
	set_metadata(c, created);
	c->cr = cairo_create(c->surf);
	pdf_draw_document(c);
	st = cairo_status(c->cr);
	cairo_destroy(c->cr);
	cairo_surface_finish(c->surf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(c->surf);
	cairo_surface_destroy(c->surf);
	if (st != CAIRO_STATUS_SUCCESS) {
		vb_diag_add(c->d, VB_ERROR, c->doc->path, 0, 0, NULL,
		    "không tạo được PDF: %s", st == CAIRO_STATUS_NO_MEMORY ||
		    st == CAIRO_STATUS_WRITE_ERROR ? "không đủ bộ nhớ" :
		    "thư viện vẽ Cairo báo lỗi");
		return -1;
	}
	return 0;
}

/* Lays the document out once, when it has a table of contents, to find
 * the page of each heading it lists (c->toc_pages, for the pass that
 * draws); returns 0, or -1 with an error in c->d. */
static int
contents_pass(pdf_ctx *c, const char *created)
{
	vb_buf scratch = { NULL, 0, 0 };
	int rc;

	if (c->doc->ntoc == 0)
		return 0;
	c->toc_found = vb_alloc(c->arena, c->doc->ntoc * sizeof(int));
	rc = render_raw(c, created, &scratch);
	vb_buf_free(&scratch);
	c->toc_pages = c->toc_found;
	c->toc_found = vb_alloc(c->arena, c->doc->ntoc * sizeof(int));
	c->page = 0;
	c->open = 0;
	c->nqueue = 0;
	c->sign_page = 0;
	c->break_next = 0;
	memset(c->outline, 0, sizeof(c->outline));
	return rc;
}

/* Renders doc as PDF bytes into out; returns 0, or -1 with a message in d. */
int
vb_pdf_render(const vb_document *doc, const vb_pdf_options *opt, vb_buf *out,
    vb_diags *d)
{
	pdf_ctx c;
	vb_buf raw = { NULL, 0, 0 };
	char now[40];
	const char *created;
	size_t errors = d->errors;	/* a picture it cannot decode adds one */
	int rc = -1;

	memset(&c, 0, sizeof(c));
	c.doc = doc;
	c.pf = &doc->profile;
	c.d = d;
	if ((c.arena = vb_arena_new()) == NULL) {
		vb_diag_add(d, VB_ERROR, doc->path, 0, 0, NULL, "hết bộ nhớ");
		return -1;
	}
	created = opt != NULL && opt->created != NULL ? opt->created :
	    now_iso(now, sizeof(now));
	if (pdf_fonts_open(&c, opt) == 0 && contents_pass(&c, created) == 0 &&
	    render_raw(&c, created, &raw) == 0 && d->errors == errors)
		rc = pdf_sign_field(&c, &raw, created, out);
	pdf_fonts_close(&c);
	vb_buf_free(&raw);
	vb_arena_free(c.arena);
	return rc;
}
