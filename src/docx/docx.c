/* docx.c - the DOCX renderer's entry point: writes every part of the
 * package into memory, then zips them with libzip into a memory source
 * (fixed time stamps, so the same input gives the same bytes). */
#include "docx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zip.h>

#include "base/templates.h"
#include "docx_int.h"

/* Most parts a package can have. */
#define MAX_PARTS (24 + 200)	/* fixed parts, and up to 200 pictures (image.c) */

/* One file of the package. */
typedef struct dx_part {
	const char *name;	/* zip entry name */
	vb_buf data;		/* its bytes, alive until the zip is closed */
} dx_part;

/* The package being assembled. */
typedef struct dx_pkg {
	dx_part parts[MAX_PARTS]; /* the parts, in zip order */
	size_t n;		/* number of parts */
} dx_pkg;

/* Returns a new empty part named name, or NULL when the list is full. */
static vb_buf *
pkg_part(dx_pkg *pkg, const char *name)
{
	dx_part *p;

	if (pkg->n == MAX_PARTS)
		return NULL;
	p = &pkg->parts[pkg->n++];
	p->name = name;
	memset(&p->data, 0, sizeof(p->data));
	return &p->data;
}

/* Frees every part. */
static void
pkg_free(dx_pkg *pkg)
{
	size_t i;

	for (i = 0; i < pkg->n; i++)
		vb_buf_free(&pkg->parts[i].data);
	pkg->n = 0;
}

/* Copies embedded template tpl into part name, replacing each "@KEY@" whose
 * key is in keys[] by the XML-escaped vals[]; returns 0 or -1. */
static int
add_template(dx_pkg *pkg, const char *name, const char *tpl,
    const char *const *keys, const char *const *vals, size_t nkeys)
{
	const vb_template *t = vb_template_find(tpl);
	vb_buf *out = pkg_part(pkg, name);
	const char *s, *end;
	size_t i, klen;

	if (t == NULL || out == NULL)
		return -1;
	s = (const char *)t->data;
	end = s + t->len;
	while (s < end) {
		for (i = 0; i < nkeys; i++) {
			klen = strlen(keys[i]);
			if (*s == '@' && (size_t)(end - s) > klen + 1 &&
			    strncmp(s + 1, keys[i], klen) == 0 &&
			    s[klen + 1] == '@')
				break;
		}
		if (i < nkeys) {
			if (vb_buf_put_xml(out, vals[i], strlen(vals[i])) < 0)
				return -1;
			s += klen + 2;
		} else if (vb_buf_putc(out, *s++) < 0)
			return -1;
	}
	return 0;
}

/* Returns the W3CDTF time stamp (UTC) of ISO 8601 time created, or of
 * now when created is NULL or not one: the time the file was made (the
 * document's own date is in its text). */
static const char *
core_date(vb_arena *a, const char *created)
{
	int y, mo, d, h, mi, s, oh = 0, om = 0, n = 0;
	char sign = '+';
	struct tm tm;
	time_t t;

	memset(&tm, 0, sizeof(tm));
	if (created != NULL && sscanf(created, "%4d-%2d-%2dT%2d:%2d:%2d%n",
	    &y, &mo, &d, &h, &mi, &s, &n) == 6) {
		if (created[n] == '+' || created[n] == '-') {
			sign = created[n];
			sscanf(created + n + 1, "%2d:%2d", &oh, &om);
		}
		tm.tm_year = y - 1900;
		tm.tm_mon = mo - 1;
		tm.tm_mday = d;
		tm.tm_hour = h;
		tm.tm_min = mi;
		tm.tm_sec = s;
		t = timegm(&tm) - (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
	} else
		t = time(NULL);
	if (gmtime_r(&t, &tm) == NULL)
		return "2020-01-01T00:00:00Z";
	return vb_sprintf(a, "%04d-%02d-%02dT%02d:%02d:%02dZ",
	    (tm.tm_year + 1900) % 10000, tm.tm_mon + 1, tm.tm_mday,
	    tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* Writes one dcterms date element. */
static void
core_time(dx_xml *x, const char *name, const char *when)
{
	dx_start(x, name);
	dx_attr(x, "xsi:type", "dcterms:W3CDTF");
	dx_text(x, when);
	dx_end(x);
}

/* Writes docProps/core.xml, dated created; returns 0 or -1. */
static int
core_write(const vb_document *doc, const char *created, vb_buf *out)
{
	const vb_props *p = &doc->props;
	const char *when = core_date(doc->arena, created);
	dx_xml x;

	if (dx_open(&x) < 0)
		return -1;
	dx_start(&x, "cp:coreProperties");
	dx_attr(&x, "xmlns:cp", "http://schemas.openxmlformats.org/package/"
	    "2006/metadata/core-properties");
	dx_attr(&x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	dx_attr(&x, "xmlns:dcterms", "http://purl.org/dc/terms/");
	dx_attr(&x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	dx_elem_text(&x, "dc:title", p->title);
	dx_elem_text(&x, "dc:subject", p->subject);
	dx_elem_text(&x, "dc:creator", p->author);
	dx_elem_text(&x, "cp:keywords", p->keywords);
	dx_elem_text(&x, "dc:language", "vi-VN");
	core_time(&x, "dcterms:created", when);
	core_time(&x, "dcterms:modified", when);
	dx_end(&x);
	return dx_close(&x, out);
}

/* Adds the static parts (content types, package relationships, settings,
 * fonts, headers, app properties); returns 0 or -1. */
static int
static_parts(dx_pkg *pkg, const vb_document *doc)
{
	const char *font_key[] = { "FONT" };
	const char *font_val[] = { doc->profile.font };
	const char *app_key[] = { "COMPANY" };
	const char *app_val[] = { doc->props.author != NULL ?
	    doc->props.author : "" };

	if (add_template(pkg, "[Content_Types].xml", "docx/content-types.xml",
	    NULL, NULL, 0) < 0 ||
	    add_template(pkg, "_rels/.rels", "docx/package.rels", NULL, NULL,
	    0) < 0 ||
	    add_template(pkg, "docProps/app.xml", "docx/docProps/app.xml",
	    app_key, app_val, 1) < 0 ||
	    add_template(pkg, "word/settings.xml", "docx/word/settings.xml",
	    NULL, NULL, 0) < 0 ||
	    add_template(pkg, "word/fontTable.xml", "docx/word/fontTable.xml",
	    font_key, font_val, 1) < 0 ||
	    add_template(pkg, "word/theme/theme1.xml",
	    "docx/word/theme/theme1.xml", font_key, font_val, 1) < 0 ||
	    add_template(pkg, "word/header1.xml", "docx/word/header1.xml",
	    NULL, NULL, 0) < 0 ||
	    add_template(pkg, "word/header2.xml", "docx/word/header2.xml",
	    NULL, NULL, 0) < 0)
		return -1;
	return 0;
}

/* Adds the fixed relationships of document.xml, in the order that gives
 * the ids DX_RID_* expect. */
static void
document_rels(dx_rels *rels, vb_arena *a)
{
	dx_rels_add(rels, a, DX_REL_BASE "styles", "styles.xml", 0);
	dx_rels_add(rels, a, DX_REL_BASE "settings", "settings.xml", 0);
	dx_rels_add(rels, a, DX_REL_BASE "fontTable", "fontTable.xml", 0);
	dx_rels_add(rels, a, DX_REL_BASE "numbering", "numbering.xml", 0);
	dx_rels_add(rels, a, DX_REL_BASE "footnotes", "footnotes.xml", 0);
	dx_rels_add(rels, a, DX_REL_BASE "header", "header1.xml", 0);
	dx_rels_add(rels, a, DX_REL_BASE "header", "header2.xml", 0);
	dx_rels_add(rels, a, DX_REL_BASE "theme", "theme/theme1.xml", 0);
}

/* Returns a copy of a relationship id in the arena (the rels array moves
 * as it grows), or NULL. */
static const char *
rel_id(vb_arena *a, dx_rels *rels, const char *type, const char *target)
{
	const char *id = dx_rels_add(rels, a, vb_sprintf(a, "%s%s",
	    DX_REL_BASE, type), target, 0);

	return id != NULL ? vb_strdup(a, id) : NULL;
}

/* Inserts the content type overrides of the parts only some documents
 * have (page 1's header and footers) into [Content_Types].xml, the first
 * part; returns 0 or -1. */
static int
content_types_extra(dx_pkg *pkg, const vb_document *doc)
{
	static const char hdr[] = "<Override PartName=\"/word/header3.xml\" "
	    "ContentType=\"application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.header+xml\"/>";
	static const char ftr[] = "<Override PartName=\"/word/footer1.xml\" "
	    "ContentType=\"application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.footer+xml\"/><Override PartName=\"/word/"
	    "footer2.xml\" ContentType=\"application/vnd.openxmlformats-"
	    "officedocument.wordprocessingml.footer+xml\"/>";
	vb_buf *ct = &pkg->parts[0].data, nb = { NULL, 0, 0 };
	const char *end;
	size_t at;

	if (!dx_marks_has_header(doc) && !dx_marks_has_footer(doc))
		return 0;
	if (ct->data == NULL || (end = strstr(ct->data, "</Types>")) == NULL)
		return -1;
	at = (size_t)(end - ct->data);
	if (vb_buf_put(&nb, ct->data, at) < 0 ||
	    (dx_marks_has_header(doc) && vb_buf_puts(&nb, hdr) < 0) ||
	    (dx_marks_has_footer(doc) && vb_buf_puts(&nb, ftr) < 0) ||
	    vb_buf_put(&nb, ct->data + at, ct->len - at) < 0) {
		vb_buf_free(&nb);
		return -1;
	}
	vb_buf_free(ct);
	*ct = nb;
	return 0;
}

/* Adds the relationships of page 1's own header and footers. */
static void
marks_rels(dx_ctx *c, dx_rels *rels)
{
	const vb_document *doc = c->doc;

	if (dx_marks_has_header(doc))
		c->rid_first_header = rel_id(doc->arena, rels, "header",
		    "header3.xml");
	if (dx_marks_has_footer(doc)) {
		c->rid_first_footer = rel_id(doc->arena, rels, "footer",
		    "footer1.xml");
		c->rid_empty_footer = rel_id(doc->arena, rels, "footer",
		    "footer2.xml");
	}
}

/* Writes page 1's own header and footers; returns 0 or -1. */
static int
marks_parts(dx_pkg *pkg, dx_ctx *c)
{
	vb_buf *b;

	if (c->rid_first_header != NULL &&
	    ((b = pkg_part(pkg, "word/header3.xml")) == NULL ||
	    dx_marks_header_write(c, b) < 0))
		return -1;
	if (c->rid_first_footer != NULL &&
	    ((b = pkg_part(pkg, "word/footer1.xml")) == NULL ||
	    dx_marks_footer_write(c, b, 0) < 0 ||
	    (b = pkg_part(pkg, "word/footer2.xml")) == NULL ||
	    dx_marks_footer_write(c, b, 1) < 0))
		return -1;
	return content_types_extra(pkg, c->doc);
}

/* Adds the pictures as word/media/imageN.png or .jpeg; returns 0 or -1. */
static int
media_parts(dx_pkg *pkg, const vb_document *doc)
{
	vb_buf *b;
	size_t i;

	for (i = 0; i < doc->nimages; i++)
		if ((b = pkg_part(pkg, dx_image_entry(doc->arena,
		    doc->images[i]))) == NULL ||
		    vb_buf_put(b, doc->images[i]->data, doc->images[i]->len) < 0)
			return -1;
	return 0;
}

/* Adds the generated parts; returns 0 or -1. */
static int
dynamic_parts(dx_pkg *pkg, const vb_document *doc, const char *created,
    vb_diags *d)
{
	dx_numbering num;
	dx_rels rels = { NULL, 0, 0 }, note_rels = { NULL, 0, 0 };
	dx_ctx c;
	vb_buf *b;

	memset(&c, 0, sizeof(c));
	c.doc = doc;
	c.p = &doc->profile;
	c.num = &num;
	c.arena = doc->arena;
	c.d = d;
	dx_numbering_plan(&num, doc);
	dx_fit_measure(&c);
	document_rels(&rels, doc->arena);
	marks_rels(&c, &rels);
	dx_image_rels(&c, &rels);
	c.rels = &rels;
	if ((b = pkg_part(pkg, "word/document.xml")) == NULL ||
	    dx_document_write(&c, b) < 0)
		return -1;
	if ((b = pkg_part(pkg, "word/_rels/document.xml.rels")) == NULL ||
	    dx_rels_write(&rels, b) < 0)
		return -1;
	if ((b = pkg_part(pkg, "word/styles.xml")) == NULL ||
	    dx_styles_write(&c, b) < 0)
		return -1;
	if ((b = pkg_part(pkg, "word/numbering.xml")) == NULL ||
	    dx_numbering_write(&c, b) < 0)
		return -1;
	c.rels = &note_rels;
	if ((b = pkg_part(pkg, "word/footnotes.xml")) == NULL ||
	    dx_notes_write(&c, b) < 0)
		return -1;
	if (note_rels.n > 0 &&
	    ((b = pkg_part(pkg, "word/_rels/footnotes.xml.rels")) == NULL ||
	    dx_rels_write(&note_rels, b) < 0))
		return -1;
	if ((b = pkg_part(pkg, "docProps/core.xml")) == NULL ||
	    core_write(doc, created, b) < 0)
		return -1;
	if (media_parts(pkg, doc) < 0)
		return -1;
	return marks_parts(pkg, &c);
}

/* Adds every part to the archive za; returns 0 or -1. */
static int
zip_parts(zip_t *za, const dx_pkg *pkg)
{
	/* 2020-01-01 00:00:00 in MS-DOS form, independent of the time zone */
	const zip_uint16_t ddate = (2020 - 1980) << 9 | 1 << 5 | 1, dtime = 0;
	zip_source_t *src;
	zip_int64_t idx;
	size_t i;

	for (i = 0; i < pkg->n; i++) {
		const dx_part *p = &pkg->parts[i];

		src = zip_source_buffer(za, p->data.data, p->data.len, 0);
		if (src == NULL)
			return -1;
		idx = zip_file_add(za, p->name, src, ZIP_FL_ENC_UTF_8);
		if (idx < 0) {
			zip_source_free(src);
			return -1;
		}
		if (zip_set_file_compression(za, (zip_uint64_t)idx,
		    ZIP_CM_DEFLATE, 2) < 0 ||
		    zip_file_set_dostime(za, (zip_uint64_t)idx, dtime, ddate,
		    0) < 0)
			return -1;
	}
	return 0;
}

/* Reads the whole content of the closed memory source into out; returns 0
 * or -1. */
static int
source_read(zip_source_t *src, vb_buf *out)
{
	char chunk[8192];
	zip_int64_t n;

	if (zip_source_open(src) < 0)
		return -1;
	while ((n = zip_source_read(src, chunk, sizeof(chunk))) > 0)
		if (vb_buf_put(out, chunk, (size_t)n) < 0) {
			n = -1;
			break;
		}
	zip_source_close(src);
	return n < 0 ? -1 : 0;
}

/* Zips the parts of pkg into out; returns 0 or -1. */
static int
pkg_zip(const dx_pkg *pkg, vb_buf *out)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	int rc = -1;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL)
		goto done;
	zip_source_keep(src);
	if ((za = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL) {
		zip_source_free(src);
		src = NULL;
		goto done;
	}
	if (zip_parts(za, pkg) < 0 || zip_close(za) < 0) {
		zip_discard(za);
		goto done;
	}
	rc = source_read(src, out);
done:
	if (src != NULL)
		zip_source_free(src);
	zip_error_fini(&ze);
	return rc;
}

/* Renders doc as a .docx file image into out, dated created (NULL: now);
 * returns 0, or -1 with a message in d. */
int
vb_docx_render(const vb_document *doc, const char *created, vb_buf *out,
    vb_diags *d)
{
	dx_pkg pkg;
	int rc;

	pkg.n = 0;
	rc = static_parts(&pkg, doc);
	if (rc == 0)
		rc = dynamic_parts(&pkg, doc, created, d);
	if (rc == 0)
		rc = pkg_zip(&pkg, out);
	pkg_free(&pkg);
	if (rc < 0)
		vb_diag_add(d, VB_ERROR, doc->path, 0, 0, NULL,
		    "không tạo được tệp DOCX (hết bộ nhớ hoặc lỗi nén)");
	return rc;
}
