/* pkg.c - the parts of a .docx package, read with limits (see pkg.h). */
#include "pkg.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "base/buf.h"
#include "base/infile.h"

#define MAX_ENTRIES 10000	/* entries of one package */
#define MAX_PART VB_MAX_FILE	/* bytes of one inflated part (32 MB) */
#define MAX_TOTAL VB_BUDGET_BYTES	/* bytes inflated from one package (128 MB) */
#define MAX_MEDIA VB_MAX_FILE	/* bytes of one picture (what vanban reads of one) */
#define MAX_RATIO 100		/* inflated / compressed size of a big part */
#define RATIO_FROM (1u << 20)	/* parts smaller than this are not checked */
#define XML_OPTS (XML_PARSE_NONET | XML_PARSE_NOERROR | \
    XML_PARSE_NOWARNING | XML_PARSE_COMPACT)

static const char HINT_RESAVE[] =
    "Hãy mở tệp bằng Word hoặc LibreOffice Writer rồi lưu lại dạng "
    "\"Word Document (.docx)\".";

/* Reports msg (with one "%s" for name) about the package; returns -1. */
static int
fail(imp_pkg *p, const char *hint, const char *msg, const char *name)
{
	vb_diag_add(p->d, VB_ERROR, p->file, 0, 0, hint, msg, name);
	return -1;
}

int
imp_pkg_open(imp_pkg *p, const char *file, const char *data, size_t len,
    vb_diags *d)
{
	zip_error_t ze;
	zip_source_t *src;

	memset(p, 0, sizeof(*p));
	p->file = file;
	p->d = d;
	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(data, len, 0, &ze)) == NULL) {
		zip_error_fini(&ze);
		vb_out_of_memory();
	}
	if ((p->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS,
	    &ze)) == NULL) {
		zip_source_free(src);
		zip_error_fini(&ze);
		return fail(p, "Có thể tệp tải về hay sao chép chưa xong, hoặc "
		    "chỉ bị đổi đuôi; hãy lấy lại tệp gốc, mở bằng Word và lưu "
		    "lại dạng .docx.", "tệp .docx bị hỏng hoặc bị cắt cụt%s", "");
	}
	zip_error_fini(&ze);
	if (zip_get_num_entries(p->zip, 0) > MAX_ENTRIES) {
		imp_pkg_close(p);
		return fail(p, HINT_RESAVE, "tệp .docx có quá nhiều phần "
		    "(hơn 10000), vanban từ chối đọc%s", "");
	}
	return 0;
}

void
imp_pkg_close(imp_pkg *p)
{
	if (p->zip != NULL)
		zip_discard(p->zip);
	p->zip = NULL;
}

/* Reads part name into b; returns 0, 1 when missing, -1 (reported
 * unless quiet). */
static int
part(imp_pkg *p, const char *name, vb_buf *b, int quiet)
{
	zip_stat_t st;
	zip_file_t *f;
	char chunk[16384];
	zip_int64_t n;

	zip_stat_init(&st);
	if (zip_stat(p->zip, name, ZIP_FL_NOCASE, &st) < 0)
		return 1;
	if ((st.valid & ZIP_STAT_SIZE) && (st.size > MAX_PART ||
	    ((st.valid & ZIP_STAT_COMP_SIZE) && st.size > RATIO_FROM &&
	    st.size / (st.comp_size ? st.comp_size : 1) > MAX_RATIO)))
		return quiet ? -1 : fail(p, "Tệp có thể là \"bom nén\" độc hại; hãy hỏi lại "
		    "người gửi.", "tệp .docx có phần %s giải nén ra quá lớn so "
		    "với kích thước nén, vanban từ chối đọc", name);
	/* room for the whole part at once (the size was checked above) */
	if ((st.valid & ZIP_STAT_SIZE) && st.size > 0 && b->len == 0) {
		if (vb_buf_put(b, "", 0) < 0 || (b->cap < st.size + 1 &&
		    (b->data = realloc(b->data, st.size + 1)) == NULL))
			vb_out_of_memory();
		if (b->cap < st.size + 1)
			b->cap = st.size + 1;
	}
	if ((f = zip_fopen(p->zip, name, ZIP_FL_NOCASE)) == NULL)
		return quiet ? -1 : fail(p, HINT_RESAVE, "tệp .docx bị hỏng: không mở được "
		    "phần %s (có thể tệp có mật khẩu)", name);
	while ((n = zip_fread(f, chunk, sizeof(chunk))) > 0) {
		p->total += (size_t)n;
		if (b->len + (size_t)n > MAX_PART || p->total > MAX_TOTAL) {
			zip_fclose(f);
			return quiet ? -1 : fail(p, "Tệp có thể là \"bom nén\" độc hại; hãy "
			    "hỏi lại người gửi.", "tệp .docx quá lớn: phần %s "
			    "vượt giới hạn khi giải nén", name);
		}
		if (vb_buf_put(b, chunk, (size_t)n) < 0)
			vb_out_of_memory();
	}
	zip_fclose(f);
	if (n < 0)
		return quiet ? -1 : fail(p, "Có thể tệp tải về hay sao chép chưa xong; hãy "
		    "lấy lại tệp gốc.", "tệp .docx bị hỏng: không giải nén "
		    "được phần %s", name);
	return 0;
}

int
imp_pkg_part(imp_pkg *p, const char *name, vb_buf *b, int required)
{
	int r = part(p, name, b, 0);

	if (r == 1 && required)
		fail(p, HINT_RESAVE, "tệp nén này không phải văn bản Word .docx: "
		    "thiếu phần %s", name);
	return r;
}

int
imp_pkg_media(imp_pkg *p, const char *name, vb_buf *b)
{
	zip_stat_t st;

	zip_stat_init(&st);
	if (zip_stat(p->zip, name, ZIP_FL_NOCASE, &st) < 0)
		return 1;
	if ((st.valid & ZIP_STAT_SIZE) && st.size > MAX_MEDIA)
		return -1;
	return part(p, name, b, 1);
}

xmlDocPtr
imp_pkg_xml(imp_pkg *p, const char *name, int required)
{
	vb_buf b = { 0 };
	xmlDocPtr doc;
	int r;

	if ((r = part(p, name, &b, 0)) != 0) {
		vb_buf_free(&b);
		if (r == 1 && required)
			fail(p, HINT_RESAVE, "tệp nén này không phải văn bản "
			    "Word .docx: thiếu phần %s", name);
		return NULL;
	}
	if (b.len > (size_t)0x7fffffff) {
		vb_buf_free(&b);
		fail(p, NULL, "phần %s quá lớn", name);
		return NULL;
	}
	doc = xmlReadMemory(b.data ? b.data : "", (int)b.len, name, NULL,
	    XML_OPTS);
	vb_buf_free(&b);
	if (doc == NULL || xmlDocGetRootElement(doc) == NULL) {
		xmlFreeDoc(doc);
		fail(p, HINT_RESAVE, "tệp .docx bị hỏng: phần %s không phải XML "
		    "hợp lệ", name);
		return NULL;
	}
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		xmlFreeDoc(doc);
		fail(p, "Word không bao giờ ghi khai báo DTD; tệp này có thể đã "
		    "bị sửa để đọc trộm tệp trên máy. Hãy hỏi lại người gửi.",
		    "tệp .docx có khai báo DTD/thực thể (ENTITY) trong phần %s, "
		    "vanban từ chối đọc", name);
		return NULL;
	}
	return doc;
}

int
imp_is(xmlNodePtr node, const char *name)
{
	return node != NULL && node->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)node->name, name) == 0;
}

xmlNodePtr
imp_child(xmlNodePtr node, const char *name)
{
	xmlNodePtr n;

	for (n = node ? node->children : NULL; n; n = n->next)
		if (imp_is(n, name))
			return n;
	return NULL;
}

char *
imp_attr(vb_arena *a, xmlNodePtr node, const char *name)
{
	xmlAttrPtr p;
	xmlChar *v;
	char *s;

	if (node == NULL)
		return NULL;
	for (p = node->properties; p != NULL; p = p->next)
		if (strcmp((const char *)p->name, name) == 0) {
			v = xmlNodeListGetString(node->doc, p->children, 1);
			s = vb_strdup(a, v ? (const char *)v : "");
			xmlFree(v);
			return s;
		}
	return NULL;
}
