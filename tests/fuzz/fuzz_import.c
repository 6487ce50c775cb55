/* fuzz_import.c - libFuzzer target for what vanban reads besides the
 * document itself: a clerk's .docx (as a whole package, or its
 * word/document.xml wrapped into a package here), plain text for
 * "vanban import", and the agency profile co-quan.yaml. The first byte
 * picks the reader; the rest is its input. An import's Markdown is then
 * parsed back into the model, as "vanban render" would. Built and run by
 * "make fuzz-import". */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "import/import.h"
#include "import/recognize.h"
#include "import/xlsx_write.h"
#include "model/document.h"
#include "parse/frontmatter.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The smallest package around a document.xml. */
static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://"
    "schemas.openxmlformats.org/package/2006/content-types\"><Default "
    "Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName="
    "\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.wordprocessingml.document.main+xml\"/></Types>";
static const char rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http:"
    "//schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
    " Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
    "2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "</Relationships>";

/* Adds name with data[0..len) to za; returns 0 or -1. */
static int
add(zip_t *za, const char *name, const void *data, size_t len)
{
	zip_source_t *s = zip_source_buffer(za, data, len, 0);

	if (s == NULL)
		return -1;
	if (zip_file_add(za, name, s, ZIP_FL_OVERWRITE) < 0) {
		zip_source_free(s);
		return -1;
	}
	return 0;
}

/* Returns 0 with out holding a .docx whose document.xml is xml[0..len),
 * or -1. */
static int
wrap(const uint8_t *xml, size_t len, vb_buf *out)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	char chunk[8192];
	zip_int64_t n = -1;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL)
		goto done;
	zip_source_keep(src);
	if ((za = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL)
		goto done;
	if (add(za, "[Content_Types].xml", content_types,
	    strlen(content_types)) < 0 ||
	    add(za, "_rels/.rels", rels, strlen(rels)) < 0 ||
	    add(za, "word/document.xml", xml, len) < 0 || zip_close(za) < 0) {
		zip_discard(za);
		goto done;
	}
	if (zip_source_open(src) < 0)
		goto done;
	while ((n = zip_source_read(src, chunk, sizeof(chunk))) > 0)
		vb_buf_put(out, chunk, (size_t)n);
	zip_source_close(src);
done:
	if (src != NULL)
		zip_source_free(src);
	zip_error_fini(&ze);
	return n < 0 ? -1 : 0;
}

/* Parses the imported body under a small front matter, as render would. */
static void
parse_back(const imp_result *r)
{
	static const char head[] = "---\nloai: ke-hoach\nco_quan: Sở A\n"
	    "trich_yeu: Thử\n---\n\n";
	vb_buf md = {0};
	vb_diags d = {0};
	vb_document *doc;

	vb_buf_puts(&md, head);
	vb_buf_put(&md, r->body.data ? r->body.data : "", r->body.len);
	doc = vb_document_parse("fuzz.md", md.data, md.len, &d);
	vb_document_free(doc);
	vb_diags_free(&d);
	vb_buf_free(&md);
}

/* Imports data[0..len) read by reader 0 (.docx), 1 (document.xml) or
 * 2 (.txt). */
static void
import(int reader, const uint8_t *data, size_t len)
{
	vb_arena *a = vb_arena_new();
	vb_diags d = {0};
	vb_buf pkg = {0}, x = {0};
	imp_doc doc;
	imp_result r;
	int rc;
	size_t i;

	memset(&doc, 0, sizeof(doc));
	memset(&r, 0, sizeof(r));
	doc.a = a;
	if (reader == 2)
		rc = imp_txt_read(&doc, "fuzz.txt", (const char *)data, len, &d);
	else if (reader == 1)
		rc = wrap(data, len, &pkg) < 0 ? -1 : imp_docx_read(&doc,
		    "fuzz.docx", pkg.data, pkg.len, &d);
	else
		rc = imp_docx_read(&doc, "fuzz.docx", (const char *)data, len,
		    &d);
	if (rc == 0) {
		imp_recognize(&doc, &r);
		parse_back(&r);
		for (i = 0; i < r.napps; i++)
			if (r.apps[i].sheet != NULL) {
				vb_buf_reset(&x);
				imp_xlsx_write(r.apps[i].sheet, &x);
			}
		imp_result_free(&r);
	}
	vb_buf_free(&x);
	vb_buf_free(&pkg);
	vb_diags_free(&d);
	vb_arena_free(a);
}

/* Reads data[0..len) as an agency profile and a document over it. */
static void
profile(const uint8_t *data, size_t len)
{
	static const char doc[] = "loai: ke-hoach\ntrich_yeu: Thử\nky:\n"
	    "  ho_ten: Nguyễn Văn A\n";
	vb_arena *a = vb_arena_new();
	vb_diags d = {0};
	vb_meta base, m;

	if (vb_frontmatter_parse(a, "co-quan.yaml", (const char *)data, len, 1,
	    &base, &d) == 0)
		vb_frontmatter_parse_over(a, "fuzz.md", doc, sizeof(doc) - 1,
		    2, &base, &m, &d);
	vb_diags_free(&d);
	vb_arena_free(a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 512 * 1024)	/* the limits are tested elsewhere */
		return 0;
	if (data[0] % 4 == 3)
		profile(data + 1, size - 1);
	else
		import(data[0] % 4, data + 1, size - 1);
	return 0;
}
