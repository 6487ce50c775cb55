/* xlsx.c - reading one sheet of an Office Open XML workbook (.xlsx) into a
 * raw grid, with libzip and libxml2. Parts are bounded in size and
 * compression ratio (zip bombs), the XML parsers never touch the network
 * nor expand external entities, and every broken file ends in a message. */
#include "sheet_grid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include "base/buf.h"
#include "base/text.h"
#include "sheet.h"
#include "xlsx.h"

#define MAX_TOTAL (200u << 20)	/* bytes inflated from one workbook */
#define MAX_RATIO 100		/* inflated / compressed size of a big part */
#define RATIO_FROM (1u << 20)	/* parts smaller than this are not checked */
#define MAX_STRINGS 1000000	/* shared strings */
#define MAX_MERGES 100000	/* merged regions */
#define XML_OPTS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

static const char HINT_RESAVE[] =
    "Hãy mở tệp bằng Excel hoặc LibreOffice Calc rồi lưu lại dạng "
    "\"Excel Workbook (.xlsx)\".";

/* One shared string: its styled segments. */
struct sst {
	vb_run *segs;		/* segments */
	size_t n;		/* number of segments */
};

/* Everything about the workbook being read. */
struct xlsx {
	vb_grid *g;		/* grid being filled */
	vb_arena *a;		/* arena of the grid */
	const char *file;	/* file name for messages */
	vb_diags *d;		/* diagnostics */
	zip_t *zip;		/* the open archive */
	size_t total;		/* bytes inflated so far */
	struct sst *strings;	/* shared strings */
	size_t nstrings;	/* number of shared strings */
	size_t strcap;		/* allocated shared strings */
	vb_xlsx_fmt *xfs;	/* cell formats, by style index */
	size_t nxfs;		/* number of cell formats */
	int date1904;		/* 1 when dates count from 1904 */
	size_t errors0;		/* errors in d before this file */
};

/* Rich text being read: the <t> runs of an <si> or an <is>. */
struct rich {
	vb_arena *a;		/* arena of the segments */
	vb_run *segs;		/* segments read */
	size_t n;		/* number of segments */
	size_t cap;		/* allocated segments */
	unsigned style;		/* style of the run being read */
	int in_t;		/* inside <t> */
	int in_rpr;		/* inside <rPr> */
	int in_rph;		/* inside <rPh> (phonetic text, skipped) */
	vb_buf text;		/* text of the current <t> */
};

/* The state of the sheet reader between XML nodes. */
struct sheetst {
	size_t row;		/* 1-based row of the current <row> */
	size_t col;		/* 1-based column of the current <c> */
	int in_cell;		/* inside <c> */
	int in_v;		/* inside <v> */
	int in_is;		/* inside <is> */
	char type[16];		/* t attribute of the cell */
	long style;		/* s attribute of the cell */
	vb_buf v;		/* text of <v> */
	struct rich is;		/* inline string */
};

/* Reports a broken or unusable file; returns -1. */
static int
fail(struct xlsx *x, const char *hint, const char *msg)
{
	vb_diag_add(x->d, VB_ERROR, x->file, 0, 0, hint, "%s", msg);
	return -1;
}

/* Reports a problem with part name; msg holds one "%s" for it. Returns -1. */
static int
fail_part(struct xlsx *x, const char *hint, const char *msg, const char *name)
{
	vb_diag_add(x->d, VB_ERROR, x->file, 0, 0, hint, msg, name);
	return -1;
}

/* Returns 1 when the local name of an element is name. */
static int
is(const xmlChar *local, const char *name)
{
	return local != NULL && strcmp((const char *)local, name) == 0;
}

/* Returns the UTF-8 bytes of code point c in out (at least 4 bytes). */
static size_t
utf8_put(char *out, unsigned long c)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | c >> 6);
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	out[0] = (char)(0xE0 | c >> 12);
	out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[2] = (char)(0x80 | (c & 0x3F));
	return 3;
}

/* Returns s with OOXML escapes "_x000D_" decoded (carriage returns and
 * other control characters but tab and line feed dropped). */
static char *
unescape(vb_arena *a, const char *s, size_t len)
{
	char *out = vb_alloc(a, len + 1), hex[5];
	size_t i, o = 0;
	unsigned long c;

	for (i = 0; i < len; i++) {
		if (s[i] == '_' && i + 6 < len && s[i + 1] == 'x' &&
		    s[i + 6] == '_' && strspn(s + i + 2, "0123456789abcdefABCDEF")
		    >= 4) {
			memcpy(hex, s + i + 2, 4);
			hex[4] = '\0';
			c = strtoul(hex, NULL, 16);
			i += 6;
			if ((c < 0x20 && c != '\n' && c != '\t') ||
			    (c >= 0xD800 && c <= 0xDFFF))
				continue;
			o += utf8_put(out + o, c);	/* never longer than 7 bytes */
			continue;
		}
		if (s[i] != '\r')
			out[o++] = s[i];
	}
	out[o] = '\0';
	return out;
}

/* Reads part name of the archive into *data (malloc'd, NUL-terminated) and
 * *len. Returns 0, 1 when the part is missing, -1 on error (reported). */
static int
part(struct xlsx *x, const char *name, char **data, size_t *len)
{
	zip_stat_t st;
	zip_file_t *f;
	vb_buf b = { 0 };
	char chunk[16384];
	zip_int64_t n;

	*data = NULL;
	*len = 0;
	zip_stat_init(&st);
	if (zip_stat(x->zip, name, ZIP_FL_NOCASE, &st) < 0)
		return 1;
	if ((st.valid & ZIP_STAT_SIZE) && (st.size > VB_SHEET_MAX_FILE ||
	    ((st.valid & ZIP_STAT_COMP_SIZE) && st.size > RATIO_FROM &&
	    st.size / (st.comp_size ? st.comp_size : 1) > MAX_RATIO)))
		return fail_part(x, "Tệp có thể là \"bom nén\" độc hại; hãy hỏi "
		    "lại người gửi hoặc xuất lại bảng từ Excel.",
		    "tệp .xlsx có phần %s giải nén ra quá lớn so với kích thước "
		    "nén, vanban từ chối đọc", name);
	if ((f = zip_fopen(x->zip, name, ZIP_FL_NOCASE)) == NULL)
		return fail_part(x, HINT_RESAVE,
		    "tệp .xlsx bị hỏng: không mở được phần %s", name);
	while ((n = zip_fread(f, chunk, sizeof(chunk))) > 0) {
		x->total += (size_t)n;
		if (x->g->in->bytes + x->total > VB_BUDGET_BYTES) {
			zip_fclose(f);
			vb_buf_free(&b);
			vb_in_charge(x->g->in, x->total, 0, x->g->where, x->d);
			return -1;
		}
		if (b.len + (size_t)n > VB_SHEET_MAX_FILE ||
		    x->total > MAX_TOTAL || vb_buf_put(&b, chunk,
		    (size_t)n) < 0) {
			zip_fclose(f);
			vb_buf_free(&b);
			return fail_part(x, "Hãy chia bảng thành nhiều tệp nhỏ hơn.",
			    "tệp .xlsx quá lớn: phần %s vượt giới hạn 50 MB "
			    "khi giải nén", name);
		}
	}
	zip_fclose(f);
	if (n < 0) {
		vb_buf_free(&b);
		return fail_part(x, "Có thể tệp tải về hay sao chép chưa xong; "
		    "hãy lấy lại tệp gốc.",
		    "tệp .xlsx bị hỏng: không giải nén được phần %s", name);
	}
	if (vb_buf_put(&b, "", 0) < 0)
		return -1;
	*len = b.len;
	*data = b.data;
	return 0;
}

/* Returns the parsed XML part name, or NULL (missing parts too, reported
 * when required). */
static xmlDocPtr
part_doc(struct xlsx *x, const char *name, int required)
{
	char *data;
	size_t len;
	int r;
	xmlDocPtr doc;

	if ((r = part(x, name, &data, &len)) != 0) {
		if (r == 1 && required)
			fail_part(x, HINT_RESAVE, "tệp nén này không phải bảng tính "
			    "Excel hợp lệ: thiếu phần %s", name);
		return NULL;
	}
	doc = xmlReadMemory(data, (int)len, name, NULL, XML_OPTS);
	free(data);
	if (doc == NULL || xmlDocGetRootElement(doc) == NULL) {
		xmlFreeDoc(doc);
		fail_part(x, HINT_RESAVE, "tệp .xlsx bị hỏng: phần %s không phải "
		    "XML hợp lệ", name);
		return NULL;
	}
	return doc;
}

/* Returns attribute name of node (no namespace) as an arena string, or NULL. */
static char *
attr(vb_arena *a, xmlNodePtr node, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(node, (const xmlChar *)name);
	char *s;

	if (v == NULL)
		return NULL;
	s = vb_strdup(a, (const char *)v);
	xmlFree(v);
	return s;
}

/* Returns the relationship id (r:id, any namespace) of node, or NULL. */
static char *
rel_id(vb_arena *a, xmlNodePtr node)
{
	xmlAttrPtr p;
	xmlChar *v;
	char *s;

	for (p = node->properties; p != NULL; p = p->next)
		if (p->ns != NULL && is(p->name, "id")) {
			v = xmlNodeListGetString(node->doc, p->children, 1);
			s = vb_strdup(a, v ? (const char *)v : "");
			xmlFree(v);
			return s;
		}
	return NULL;
}

/* Returns the path of target seen from the folder of part from: "/xl/x.xml"
 * is absolute, "worksheets/s.xml" relative, ".." steps up. */
static char *
resolve(vb_arena *a, const char *from, const char *target)
{
	char *out, *seg;
	size_t n;

	if (target[0] == '/')
		return vb_strdup(a, target + 1);
	n = strrchr(from, '/') ? (size_t)(strrchr(from, '/') - from) : 0;
	out = vb_strndup(a, from, n);
	while (strncmp(target, "../", 3) == 0) {
		target += 3;
		seg = strrchr(out, '/');
		if (seg != NULL)
			*seg = '\0';
		else
			*out = '\0';
	}
	return *out ? vb_sprintf(a, "%s/%s", out, target) : vb_strdup(a, target);
}

/* Returns the rels part of part name: "xl/workbook.xml" ->
 * "xl/_rels/workbook.xml.rels". */
static char *
rels_name(vb_arena *a, const char *name)
{
	const char *slash = strrchr(name, '/');

	if (slash == NULL)
		return vb_sprintf(a, "_rels/%s.rels", name);
	return vb_sprintf(a, "%.*s/_rels/%s.rels", (int)(slash - name), name,
	    slash + 1);
}

/* Returns the target, resolved from part from, of the relationship in doc
 * with Id id (when id is set) or whose Type ends with type; or NULL. */
static char *
rel_target(vb_arena *a, xmlDocPtr doc, const char *from, const char *id,
    const char *type)
{
	xmlNodePtr n;
	char *rid, *rtype, *target;
	size_t tl, l;

	if (doc == NULL)
		return NULL;
	for (n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || !is(n->name, "Relationship"))
			continue;
		rid = attr(a, n, "Id");
		rtype = attr(a, n, "Type");
		if ((target = attr(a, n, "Target")) == NULL)
			continue;
		if (id != NULL && rid != NULL && strcmp(rid, id) == 0)
			return resolve(a, from, target);
		if (type != NULL && rtype != NULL &&
		    (tl = strlen(type)) <= (l = strlen(rtype)) &&
		    strcmp(rtype + l - tl, type) == 0)
			return resolve(a, from, target);
	}
	return NULL;
}

/* Returns the first child element of node named name, or NULL. */
static xmlNodePtr
child(xmlNodePtr node, const char *name)
{
	xmlNodePtr n;

	for (n = node ? node->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && is(n->name, name))
			return n;
	return NULL;
}

/* Returns 1 when a <b/> or <i/> flag element is on (no val, or val not
 * "0"/"false"). */
static int
flag_on(vb_arena *a, xmlNodePtr n)
{
	char *v = attr(a, n, "val");

	return v == NULL || (strcmp(v, "0") != 0 && strcmp(v, "false") != 0);
}

/* Returns the style bits of a <font> (or <rPr>) element. */
static unsigned
font_style(vb_arena *a, xmlNodePtr font)
{
	unsigned s = 0;
	xmlNodePtr b = child(font, "b"), i = child(font, "i");

	if (b != NULL && flag_on(a, b))
		s |= VB_BOLD;
	if (i != NULL && flag_on(a, i))
		s |= VB_ITALIC;
	return s;
}

/* Returns the format code of numFmtId id: a custom one of <numFmts>, else
 * the built-in one, else NULL. */
static const char *
fmt_code(vb_arena *a, xmlNodePtr numfmts, long id)
{
	xmlNodePtr n;
	char *v;

	for (n = numfmts ? numfmts->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && is(n->name, "numFmt") &&
		    (v = attr(a, n, "numFmtId")) != NULL && atol(v) == id)
			return attr(a, n, "formatCode");
	return vb_xlsx_builtin_fmt(id);
}

/* Reads xl/styles.xml (optional) into x->xfs; returns 0 or -1. */
static int
styles(struct xlsx *x, const char *name)
{
	xmlDocPtr doc;
	xmlNodePtr root, numfmts, fonts, xfs, n;
	unsigned *fstyle = NULL;
	size_t nfonts = 0, cap = 0, i;
	char *v;
	vb_xlsx_fmt *xf;

	if (name == NULL || (doc = part_doc(x, name, 0)) == NULL)
		return x->d->errors > x->errors0 ? -1 : 0;
	root = xmlDocGetRootElement(doc);
	numfmts = child(root, "numFmts");
	fonts = child(root, "fonts");
	xfs = child(root, "cellXfs");
	for (n = fonts ? fonts->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && is(n->name, "font")) {
			fstyle = vb_grow(x->a, fstyle, nfonts + 1,
			    sizeof(*fstyle), &cap);
			fstyle[nfonts++] = font_style(x->a, n);
		}
	cap = 0;
	for (n = xfs ? xfs->children : NULL; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || !is(n->name, "xf"))
			continue;
		x->xfs = vb_grow(x->a, x->xfs, x->nxfs + 1, sizeof(*x->xfs),
		    &cap);
		xf = &x->xfs[x->nxfs++];
		v = attr(x->a, n, "numFmtId");
		vb_xlsx_fmt_classify(fmt_code(x->a, numfmts, v ? atol(v) : 0),
		    xf);
		v = attr(x->a, n, "fontId");
		i = v ? (size_t)atol(v) : 0;
		xf->style = i < nfonts ? fstyle[i] : 0;
	}
	xmlFreeDoc(doc);
	return 0;
}

/* Handles the start of element name inside rich text. */
static void
rich_start(struct rich *r, xmlTextReaderPtr rd, const xmlChar *name)
{
	xmlChar *v;
	int empty = xmlTextReaderIsEmptyElement(rd);

	if (is(name, "r")) {
		r->style = 0;
	} else if (is(name, "rPr")) {
		r->in_rpr = !empty;
	} else if (is(name, "rPh")) {
		r->in_rph = !empty;
	} else if (r->in_rpr && (is(name, "b") || is(name, "i"))) {
		v = xmlTextReaderGetAttribute(rd, (const xmlChar *)"val");
		if (v == NULL || (strcmp((char *)v, "0") != 0 &&
		    strcmp((char *)v, "false") != 0))
			r->style |= is(name, "b") ? VB_BOLD : VB_ITALIC;
		xmlFree(v);
	} else if (is(name, "t") && !r->in_rph && !empty) {
		r->in_t = 1;
		vb_buf_reset(&r->text);
	}
}

/* Handles the end of element name inside rich text. */
static void
rich_end(struct rich *r, const xmlChar *name)
{
	vb_run *s;

	if (is(name, "t") && r->in_t) {
		r->in_t = 0;
		if (r->text.len == 0)
			return;
		r->segs = vb_grow(r->a, r->segs, r->n + 1, sizeof(*r->segs),
		    &r->cap);
		s = &r->segs[r->n++];
		s->kind = VB_RUN_TEXT;
		s->style = r->style;
		s->text = unescape(r->a, r->text.data, r->text.len);
	} else if (is(name, "rPr")) {
		r->in_rpr = 0;
	} else if (is(name, "rPh")) {
		r->in_rph = 0;
	} else if (is(name, "r")) {
		r->style = 0;
	}
}

/* Starts a new rich text. */
static void
rich_reset(struct rich *r, vb_arena *a)
{
	vb_buf text = r->text;

	memset(r, 0, sizeof(*r));
	r->a = a;
	r->text = text;
	vb_buf_reset(&r->text);
}

/* Returns the node text of the reader as a C string ("" when none). */
static const char *
node_text(xmlTextReaderPtr rd)
{
	const xmlChar *v = xmlTextReaderConstValue(rd);

	return v ? (const char *)v : "";
}

/* Returns 1 for the reader node types that carry text. */
static int
text_node(int type)
{
	return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
	    type == XML_READER_TYPE_WHITESPACE ||
	    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* Reads xl/sharedStrings.xml (optional); returns 0 or -1. */
static int
shared_strings(struct xlsx *x, const char *name)
{
	char *data;
	size_t len;
	int r, type;
	xmlTextReaderPtr rd;
	const xmlChar *ln;
	struct rich rt;
	struct sst *s;

	if (name == NULL || (r = part(x, name, &data, &len)) == 1)
		return 0;
	if (r < 0)
		return -1;
	memset(&rt, 0, sizeof(rt));
	rich_reset(&rt, x->a);
	rd = xmlReaderForMemory(data, (int)len, name, NULL, XML_OPTS);
	while (rd != NULL && (r = xmlTextReaderRead(rd)) == 1) {
		type = xmlTextReaderNodeType(rd);
		ln = xmlTextReaderConstLocalName(rd);
		if (type == XML_READER_TYPE_ELEMENT && is(ln, "si")) {
			rich_reset(&rt, x->a);
			if (!xmlTextReaderIsEmptyElement(rd))
				continue;
		} else if (type == XML_READER_TYPE_ELEMENT) {
			rich_start(&rt, rd, ln);
			continue;
		} else if (text_node(type) && rt.in_t) {
			vb_buf_puts(&rt.text, node_text(rd));
			continue;
		} else if (type != XML_READER_TYPE_END_ELEMENT) {
			continue;
		} else if (!is(ln, "si")) {
			rich_end(&rt, ln);
			continue;
		}
		if (x->nstrings >= MAX_STRINGS) {
			r = -1;
			break;
		}
		x->strings = vb_grow(x->a, x->strings, x->nstrings + 1,
		    sizeof(*x->strings), &x->strcap);
		s = &x->strings[x->nstrings++];
		s->segs = rt.segs;
		s->n = rt.n;
		rich_reset(&rt, x->a);
	}
	xmlFreeTextReader(rd);
	vb_buf_free(&rt.text);
	free(data);
	if (rd == NULL || r != 0)
		return fail_part(x, HINT_RESAVE, "tệp .xlsx bị hỏng: không đọc "
		    "được phần %s", name);
	return 0;
}

/* Parses a cell reference "AB12" into 1-based *col and *row (row 0 when
 * absent); returns the characters read, 0 when there is no column. */
static size_t
cell_ref(const char *s, size_t *col, size_t *row)
{
	size_t i = 0, c = 0, r = 0;

	while (s[i] >= 'A' && s[i] <= 'Z' && i < 4)
		c = c * 26 + (size_t)(s[i++] - 'A' + 1);
	if (i == 0)
		return 0;
	while (s[i] >= '0' && s[i] <= '9' && r < 10000000)
		r = r * 10 + (size_t)(s[i++] - '0');
	*col = c;
	*row = r;
	return i;
}

/* Records the merged region of a <mergeCell ref="A1:C2">. */
static void
merge_ref(struct xlsx *x, const char *ref)
{
	size_t c0, r0, c1, r1, n;

	if (ref == NULL || x->g->nmerges >= MAX_MERGES ||
	    (n = cell_ref(ref, &c0, &r0)) == 0 || ref[n] != ':' ||
	    cell_ref(ref + n + 1, &c1, &r1) == 0 || r0 == 0 || r1 == 0)
		return;
	vb_grid_merge_add(x->g, r0 - 1, c0 - 1, r1 - 1, c1 - 1);
}

/* Returns a one-segment text. */
static vb_run *
plain_seg(vb_arena *a, const char *text, unsigned style)
{
	vb_run *r = vb_alloc(a, sizeof(*r));

	r->kind = VB_RUN_TEXT;
	r->style = style;
	r->text = text;
	return r;
}

/* Returns the segments shown for the finished cell st (NULL when empty),
 * their count in *n. */
static vb_run *
cell_value(struct xlsx *x, struct sheetst *st, size_t *n)
{
	vb_xlsx_fmt general = { VB_XF_GENERAL, 0, 0, 0 };
	const vb_xlsx_fmt *f = &general;
	const char *v = st->v.data ? st->v.data : "";
	vb_run *segs;
	vb_date dt;
	size_t i, k;
	char *end;
	double num;

	*n = 1;
	if (st->style >= 0 && (size_t)st->style < x->nxfs)
		f = &x->xfs[st->style];
	if (strcmp(st->type, "s") == 0) {
		k = (size_t)strtoul(v, &end, 10);
		if (end == v || k >= x->nstrings)
			return NULL;
		*n = x->strings[k].n;
		segs = vb_alloc(x->a, (*n ? *n : 1) * sizeof(*segs));
		for (i = 0; i < *n; i++) {
			segs[i] = x->strings[k].segs[i];
			segs[i].style |= f->style;
		}
		return segs;
	}
	if (strcmp(st->type, "inlineStr") == 0) {
		for (i = 0; i < st->is.n; i++)
			st->is.segs[i].style |= f->style;
		*n = st->is.n;
		return st->is.segs;
	}
	if (*v == '\0')
		return NULL;
	if (strcmp(st->type, "b") == 0)
		return plain_seg(x->a, strcmp(v, "1") == 0 ? "TRUE" : "FALSE",
		    f->style);
	if (strcmp(st->type, "d") == 0 &&
	    vb_date_parse(vb_strndup(x->a, v, strcspn(v, "T")), &dt) == 0 &&
	    dt.day)
		return plain_seg(x->a, vb_sprintf(x->a, "%02d/%02d/%04d",
		    dt.day, dt.month, dt.year), f->style);
	num = strtod(v, &end);
	if (strcmp(st->type, "str") == 0 || strcmp(st->type, "e") == 0 ||
	    end == v || *end != '\0')
		return plain_seg(x->a, unescape(x->a, v, strlen(v)), f->style);
	return plain_seg(x->a, vb_xlsx_format(x->a, num, f, x->date1904),
	    f->style);
}

/* Stores the finished cell; returns 0, or -1 past the size limits. */
static int
cell_done(struct xlsx *x, struct sheetst *st)
{
	size_t n;
	vb_run *segs = cell_value(x, st, &n);

	if (segs == NULL || n == 0 || st->row == 0 || st->col == 0)
		return 0;
	if (st->row > VB_SHEET_MAX_ROWS || st->col > VB_SHEET_MAX_COLS)
		return fail(x, "Hãy xoá các ô thừa ở xa bảng hoặc chia bảng "
		    "thành nhiều tệp.", "bảng quá lớn: có ô ở ngoài giới hạn "
		    "100000 hàng × 200 cột");
	return vb_grid_add(x->g, st->row - 1, st->col - 1, segs, n);
}

/* Handles the start of an element of a worksheet; returns 0 or -1. */
static int
sheet_start(struct xlsx *x, struct sheetst *st, xmlTextReaderPtr rd,
    const xmlChar *ln)
{
	xmlChar *v;
	size_t c, r;
	int empty = xmlTextReaderIsEmptyElement(rd);

	if (st->in_is) {
		rich_start(&st->is, rd, ln);
	} else if (is(ln, "row")) {
		v = xmlTextReaderGetAttribute(rd, (const xmlChar *)"r");
		st->row = v ? (size_t)strtoul((char *)v, NULL, 10) : st->row + 1;
		st->col = 0;
		xmlFree(v);
	} else if (is(ln, "c")) {
		v = xmlTextReaderGetAttribute(rd, (const xmlChar *)"r");
		if (v == NULL || cell_ref((char *)v, &c, &r) == 0) {
			c = st->col + 1;
			r = 0;
		}
		st->col = c;
		if (r)
			st->row = r;
		xmlFree(v);
		v = xmlTextReaderGetAttribute(rd, (const xmlChar *)"t");
		snprintf(st->type, sizeof(st->type), "%s", v ? (char *)v : "n");
		xmlFree(v);
		v = xmlTextReaderGetAttribute(rd, (const xmlChar *)"s");
		st->style = v ? strtol((char *)v, NULL, 10) : 0;
		xmlFree(v);
		vb_buf_reset(&st->v);
		rich_reset(&st->is, x->a);
		st->in_cell = !empty;
	} else if (st->in_cell && is(ln, "v")) {
		st->in_v = !empty;
	} else if (st->in_cell && is(ln, "is")) {
		st->in_is = !empty;
	} else if (is(ln, "mergeCell")) {
		v = xmlTextReaderGetAttribute(rd, (const xmlChar *)"ref");
		merge_ref(x, (char *)v);
		xmlFree(v);
	}
	return 0;
}

/* Handles the end of an element of a worksheet; returns 0 or -1. */
static int
sheet_end(struct xlsx *x, struct sheetst *st, const xmlChar *ln)
{
	if (st->in_is && is(ln, "is"))
		st->in_is = 0;
	else if (st->in_is)
		rich_end(&st->is, ln);
	else if (is(ln, "v"))
		st->in_v = 0;
	else if (is(ln, "c") && st->in_cell) {
		st->in_cell = 0;
		return cell_done(x, st);
	}
	return 0;
}

/* Reads the worksheet part name into the grid; returns 0 or -1. */
static int
worksheet(struct xlsx *x, const char *name)
{
	char *data;
	size_t len;
	int r, type, bad = 0;
	xmlTextReaderPtr rd;
	const xmlChar *ln;
	struct sheetst st;

	if ((r = part(x, name, &data, &len)) == 1)
		return fail_part(x, HINT_RESAVE, "tệp nén này không phải bảng tính "
		    "Excel hợp lệ: thiếu phần %s", name);
	if (r < 0)
		return -1;
	memset(&st, 0, sizeof(st));
	rich_reset(&st.is, x->a);
	rd = xmlReaderForMemory(data, (int)len, name, NULL, XML_OPTS);
	while (rd != NULL && !bad && (r = xmlTextReaderRead(rd)) == 1) {
		type = xmlTextReaderNodeType(rd);
		ln = xmlTextReaderConstLocalName(rd);
		if (type == XML_READER_TYPE_ELEMENT)
			bad = sheet_start(x, &st, rd, ln) < 0;
		else if (type == XML_READER_TYPE_END_ELEMENT)
			bad = sheet_end(x, &st, ln) < 0;
		else if (text_node(type) && st.in_v)
			vb_buf_puts(&st.v, node_text(rd));
		else if (text_node(type) && st.in_is && st.is.in_t)
			vb_buf_puts(&st.is.text, node_text(rd));
	}
	xmlFreeTextReader(rd);
	vb_buf_free(&st.v);
	vb_buf_free(&st.is.text);
	free(data);
	if (bad)
		return -1;
	if (rd == NULL || r != 0)
		return fail_part(x, HINT_RESAVE, "tệp .xlsx bị hỏng: không đọc "
		    "được phần %s", name);
	return 0;
}

/* Returns the NFC form of s for comparing names. */
static const char *
nfc(vb_arena *a, const char *s)
{
	const char *n = vb_text_nfc(a, s, strlen(s));

	return n ? n : s;
}

/* Returns the <sheet> element named name (NULL: the first visible) of the
 * workbook, or NULL after reporting the sheet names. */
static xmlNodePtr
find_sheet(struct xlsx *x, xmlNodePtr sheets, const char *name)
{
	xmlNodePtr n, first = NULL;
	char *sn, *st, *list = NULL;

	for (n = sheets ? sheets->children : NULL; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || !is(n->name, "sheet"))
			continue;
		if ((sn = attr(x->a, n, "name")) == NULL)
			continue;
		if (first == NULL)
			first = n;
		st = attr(x->a, n, "state");
		if (name == NULL && (st == NULL || strcmp(st, "visible") == 0))
			return n;
		if (name != NULL && strcmp(nfc(x->a, sn), nfc(x->a, name)) == 0)
			return n;
		list = list ? vb_sprintf(x->a, "%s, \"%s\"", list, sn)
		    : vb_sprintf(x->a, "\"%s\"", sn);
	}
	if (name == NULL && first != NULL)
		return first;	/* every sheet is hidden: take the first */
	if (name == NULL || list == NULL) {
		fail(x, HINT_RESAVE, "tệp .xlsx không có trang tính nào");
		return NULL;
	}
	vb_diag_add(x->d, VB_ERROR, x->file, 0, 0,
	    vb_sprintf(x->a, "Các trang tính có trong tệp: %s. Hãy sửa tên "
	    "trang tính cho đúng (kể cả dấu và khoảng trắng).", list),
	    "không có trang tính \"%s\" trong tệp", name);
	return NULL;
}

/* Returns the part of the workbook wbname with relationship type type,
 * or the usual name next to the workbook when the rels do not say. */
static char *
part_of(struct xlsx *x, xmlDocPtr rels, const char *wbname, const char *type,
    const char *usual)
{
	char *name = rel_target(x->a, rels, wbname, NULL, type);

	return name ? name : resolve(x->a, wbname, usual);
}

/* Reads the workbook, its styles and shared strings, and the chosen sheet;
 * returns 0 or -1. */
static int
workbook(struct xlsx *x, const char *sheet)
{
	xmlDocPtr root_rels, wb, rels;
	xmlNodePtr root, pr, sh;
	char *wbname, *rid, *target, *v;
	int r = -1;

	root_rels = part_doc(x, "_rels/.rels", 0);
	if (x->d->errors > x->errors0)
		return -1;
	wbname = rel_target(x->a, root_rels, "", NULL, "/officeDocument");
	xmlFreeDoc(root_rels);
	if (wbname == NULL)
		wbname = "xl/workbook.xml";
	if ((wb = part_doc(x, wbname, 1)) == NULL)
		return -1;
	root = xmlDocGetRootElement(wb);
	if ((pr = child(root, "workbookPr")) != NULL &&
	    (v = attr(x->a, pr, "date1904")) != NULL)
		x->date1904 = strcmp(v, "1") == 0 || strcmp(v, "true") == 0;
	rels = part_doc(x, rels_name(x->a, wbname), 1);
	if (rels != NULL && (sh = find_sheet(x, child(root, "sheets"),
	    sheet)) != NULL) {
		rid = rel_id(x->a, sh);
		target = rid ? rel_target(x->a, rels, wbname, rid, NULL) : NULL;
		if (target == NULL)
			fail(x, HINT_RESAVE, "tệp .xlsx bị hỏng: không tìm "
			    "thấy dữ liệu của trang tính");
		else if (styles(x, part_of(x, rels, wbname, "/styles",
		    "styles.xml")) == 0 && shared_strings(x, part_of(x, rels,
		    wbname, "/sharedStrings", "sharedStrings.xml")) == 0)
			r = worksheet(x, target);
	}
	xmlFreeDoc(rels);
	xmlFreeDoc(wb);
	return r;
}

/* Reports why the file open as fd could not be opened as a zip archive;
 * returns -1. */
static int
not_zip(struct xlsx *x, int fd, int zerr)
{
	unsigned char magic[4] = { 0 };
	ssize_t n = pread(fd, magic, sizeof(magic), 0);

	if (n == 0)
		return fail(x, "Có thể tệp chưa được lưu hay sao chép xong; hãy "
		    "lấy lại tệp gốc.", "tệp .xlsx trống (0 byte)");
	if (n == 4 && memcmp(magic, "\xD0\xCF\x11\xE0", 4) == 0)
		return fail(x, HINT_RESAVE, "tệp là bảng tính Excel 97-2003 "
		    "(.xls) đổi đuôi, hoặc tệp .xlsx có đặt mật khẩu; vanban "
		    "chỉ đọc được .xlsx không mật khẩu");
	if (n >= 2 && magic[0] == 'P' && magic[1] == 'K')
		return fail(x, "Có thể tệp tải về hay sao chép chưa xong; hãy "
		    "lấy lại tệp gốc hoặc mở bằng Excel và lưu lại.",
		    "tệp .xlsx bị hỏng hoặc bị cắt cụt");
	if (n < 0 || zerr == ZIP_ER_OPEN || zerr == ZIP_ER_READ)
		return fail(x, "Kiểm tra quyền đọc tệp.",
		    "không đọc được tệp .xlsx");
	return fail(x, "Tệp này không phải bảng tính .xlsx (có thể chỉ bị "
	    "đổi đuôi). Hãy mở bằng Excel hoặc LibreOffice Calc và lưu lại "
	    "dạng \"Excel Workbook (.xlsx)\".",
	    "không phải tệp Excel .xlsx");
}

int
vb_xlsx_read(vb_grid *g, const char *file, int fd, const char *sheet,
    vb_diags *d)
{
	struct xlsx x;
	int zerr = 0, r;

	memset(&x, 0, sizeof(x));
	x.g = g;
	x.a = g->a;
	x.file = file;
	x.d = d;
	x.errors0 = d->errors;
	if ((x.zip = zip_fdopen(fd, ZIP_RDONLY, &zerr)) == NULL) {
		r = not_zip(&x, fd, zerr);
		close(fd);
		return r;
	}
	r = workbook(&x, sheet);
	if (r == 0 && vb_in_charge(g->in, x.total, 0, g->where, d) < 0)
		r = -1;
	zip_discard(x.zip);
	return r;
}
