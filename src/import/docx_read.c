/* docx_read.c - a .docx read into the intermediate form: paragraphs with
 * their runs, emphasis (direct and from styles), alignment, outline level
 * and list number; tables with spans, vertical merges and heading rows;
 * footnotes; hyperlinks; drawn lines and bottom borders as rules; runs in
 * the legacy .VnTime (TCVN3) and VNI-Times fonts converted to Unicode. */
#include "import.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "base/buf.h"
#include "base/text.h"
#include "check/convert.h"
#include "docx_styles.h"
#include "pkg.h"

#define MAX_DEPTH 64	/* nesting of inline containers followed */

/* A footnote id seen in the text, with the number given to it. */
struct noteid {
	long id;		/* w:id */
	int number;		/* 1-based number */
};

/* The reader's state. */
struct rd {
	imp_doc *doc;		/* document being filled */
	vb_arena *a;		/* its arena */
	imp_styles st;		/* styles and lists */
	xmlDocPtr rels;		/* relationships of the main part, or NULL */
	struct noteid *ids;	/* footnote ids referenced */
	size_t nids;		/* number of ids */
	size_t idcap;		/* allocated ids */
	int in_note;		/* 1 while reading a footnote's own text */
	int fld;		/* field nesting: 0 outside fields */
	int fld_result;		/* 1 in the shown result of the outermost field */
	vb_buf instr;		/* instruction of the outermost field */
	const char *fld_href;	/* target of a HYPERLINK field being shown, or NULL */
	imp_para *pending;	/* paragraphs of text boxes met in a paragraph */
	size_t npending;	/* number of them */
	size_t pendcap;		/* allocated */
	size_t paras;		/* paragraphs read, cells and notes included */
	size_t cells;		/* table cells read */
	imp_pkg *pkg;		/* the package (pictures are read from it) */
	int in_toc;		/* 1 inside the shown result of a TOC field */
	int toc_hit;		/* 1 when the paragraph being read is in a TOC field */
	int in_margin;		/* 1 while reading a page header or footer */
};

/* Returns the legacy encoding a font name implies. */
static vb_legacy
legacy_font(const char *font)
{
	if (font == NULL)
		return VB_LEGACY_NONE;
	if (strncasecmp(font, ".Vn", 3) == 0)
		return VB_LEGACY_TCVN3;
	if (strncasecmp(font, "VNI", 3) == 0)
		return VB_LEGACY_VNI;
	return VB_LEGACY_NONE;
}

/* Returns the target of hyperlink relationship id, or NULL. */
static const char *
link_target(struct rd *r, const char *id)
{
	xmlNodePtr n;
	char *rid;

	if (r->rels == NULL || id == NULL)
		return NULL;
	for (n = xmlDocGetRootElement(r->rels)->children; n; n = n->next)
		if (imp_is(n, "Relationship") && (rid = imp_attr(r->a, n,
		    "Id")) != NULL && strcmp(rid, id) == 0)
			return imp_attr(r->a, n, "Target");
	return NULL;
}

/* Returns the number of footnote id, giving it the next number when new. */
static int
note_number(struct rd *r, long id)
{
	size_t i;

	for (i = 0; i < r->nids; i++)
		if (r->ids[i].id == id)
			return r->ids[i].number;
	r->ids = vb_grow(r->a, r->ids, r->nids + 1, sizeof(*r->ids),
	    &r->idcap);
	r->ids[r->nids].id = id;
	r->ids[r->nids].number = (int)r->nids + 1;
	return (int)++r->nids;
}

/* Returns 1 when the subtree of node (a drawing or a VML picture) is a
 * straight line. */
static int
is_line(vb_arena *a, xmlNodePtr node, int depth)
{
	xmlNodePtr n;
	char *v;

	if (depth > MAX_DEPTH)
		return 0;
	for (n = node->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (imp_is(n, "txbxContent") || imp_is(n, "txbx") ||
		    imp_is(n, "textbox"))
			return 0;
		if (imp_is(n, "line"))
			return 1;
		if (imp_is(n, "prstGeom") && (v = imp_attr(a, n, "prst")) &&
		    (strcmp(v, "line") == 0 ||
		    strncmp(v, "straightConnector", 17) == 0))
			return 1;
		if (is_line(a, n, depth + 1))
			return 1;
	}
	return 0;
}

/* Adds text t in style to p. */
static void
add_text(struct rd *r, imp_para *p, const char *t, unsigned style,
    const char *href)
{
	/* alike runs are joined by imp_para_finish(), in one pass */
	if (*t == '\0')
		return;
	imp_para_run(r->a, p, strcmp(t, "\n") == 0 ? "\n" :
	    vb_strdup(r->a, t), style)->href = href;
}

/* The character formatting in force inside a paragraph. */
struct fmt {
	unsigned style;		/* style bits */
	const char *font;	/* font name, or NULL */
	const char *href;	/* link target, or NULL */
};

static void inlines(struct rd *, xmlNodePtr, imp_para *, struct fmt,
    int);

/* Returns text t of a run in font converted from a legacy encoding. */
static const char *
unlegacy(struct rd *r, const char *font, const char *t)
{
	vb_legacy enc = legacy_font(font);
	size_t outlen, changed;
	char *u;

	if (enc == VB_LEGACY_NONE)
		return t;
	u = vb_legacy_convert(r->a, enc, t, strlen(t), &outlen, &changed);
	if (u == NULL)
		return t;
	if (changed)
		r->doc->legacy++;
	/* .VnTimeH, .VnArialH …: the capitals font, lower-case codes drawn
	 * as capitals */
	if (enc == VB_LEGACY_TCVN3 && font[strlen(font) - 1] == 'H')
		u = vb_text_upper(r->a, u);
	return u;
}

/* Returns the target of a field instruction ' HYPERLINK "url" \\o …',
 * or NULL. */
static const char *
hyperlink_field(vb_arena *a, const char *in)
{
	const char *q, *e;

	while (*in == ' ')
		in++;
	if (strncmp(in, "HYPERLINK", 9) != 0 || (q = strchr(in, '"')) == NULL
	    || (e = strchr(q + 1, '"')) == NULL || e == q + 1)
		return NULL;
	return vb_strndup(a, q + 1, (size_t)(e - q - 1));
}

/* Returns 1 when field instruction in makes a table of contents
 * (' TOC \\o "1-3" \\h …'). */
static int
toc_field(const char *in)
{
	while (*in == ' ')
		in++;
	return strncmp(in, "TOC", 3) == 0 && (in[3] == ' ' || in[3] == '\0' ||
	    in[3] == '\\');
}

/* Follows a w:fldChar of type type: a HYPERLINK field makes its shown
 * text a link. */
static void
field_char(struct rd *r, const char *type)
{
	if (type == NULL)
		return;
	if (strcmp(type, "begin") == 0) {
		if (r->fld++ == 0) {
			vb_buf_reset(&r->instr);
			r->fld_result = 0;
			r->fld_href = NULL;
		}
	} else if (strcmp(type, "separate") == 0 && r->fld == 1) {
		r->fld_result = 1;
		r->fld_href = hyperlink_field(r->a, r->instr.data ?
		    r->instr.data : "");
		if (toc_field(r->instr.data ? r->instr.data : ""))
			r->in_toc = r->toc_hit = 1;
	} else if (strcmp(type, "end") == 0 && r->fld > 0) {
		if (--r->fld == 0) {
			r->fld_result = 0;
			r->fld_href = NULL;
			r->in_toc = 0;
		}
	}
}

static void para(struct rd *, xmlNodePtr, imp_para *);

/* Reads the paragraphs of the text boxes under node into r->pending, to
 * follow the paragraph they are anchored in. */
static void
text_boxes(struct rd *r, xmlNodePtr node, int depth)
{
	xmlNodePtr n, q;
	imp_para tmp;

	if (depth > MAX_DEPTH)
		return;
	for (n = node->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!imp_is(n, "txbxContent")) {
			if (!imp_is(n, "Fallback"))
				text_boxes(r, n, depth + 1);
			continue;
		}
		for (q = n->children; q; q = q->next) {
			if (!imp_is(q, "p"))
				continue;
			para(r, q, &tmp);
			if (tmp.text[0] == '\0')
				continue;
			r->pending = vb_grow(r->a, r->pending, r->npending + 1,
			    sizeof(*r->pending), &r->pendcap);
			r->pending[r->npending++] = tmp;
		}
	}
}

/* Returns the first element named name in the subtree of node, or NULL. */
static xmlNodePtr
find(xmlNodePtr node, const char *name, int depth)
{
	xmlNodePtr n, f;

	if (node == NULL || depth > MAX_DEPTH)
		return NULL;
	for (n = node->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || imp_is(n, "txbxContent"))
			continue;
		if (imp_is(n, name))
			return n;
		if ((f = find(n, name, depth + 1)) != NULL)
			return f;
	}
	return NULL;
}

/* Returns the part a relationship target of the main part names
 * ("media/image1.png" -> "word/media/image1.png"), or NULL when it leaves
 * the package or climbs out of it. */
static const char *
part_of(struct rd *r, const char *target)
{
	if (target == NULL || *target == '\0' || strstr(target, "..") ||
	    strstr(target, "://") || strchr(target, '\\'))
		return NULL;
	if (target[0] == '/')
		return vb_strdup(r->a, target + 1);
	return vb_sprintf(r->a, "word/%s", target);
}

/* Returns the kind of picture data[0..len) holds: "png", "jpg", or NULL. */
static const char *
picture_kind(const char *data, size_t len)
{
	if (len >= 8 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "png";
	if (len >= 3 && memcmp(data, "\xFF\xD8\xFF", 3) == 0)
		return "jpg";
	return NULL;
}

/* Returns the 1-based index of the picture in part (read once), or 0 when
 * it is left out: not PNG or JPEG, unreadable, too large or too many. */
static int
picture(struct rd *r, const char *part, const char *name)
{
	imp_doc *d = r->doc;
	imp_image *im;
	vb_buf b = { 0 };
	const char *kind;
	char *data;
	size_t i, len;

	for (i = 0; i < d->nimages; i++)
		if (strcmp(d->images[i].part, part) == 0)
			return (int)i + 1;
	if (d->nimages >= IMP_MAX_IMAGES || imp_pkg_media(r->pkg, part, &b) != 0
	    || (kind = picture_kind(b.data, b.len)) == NULL) {
		vb_buf_free(&b);
		d->skipped_images++;
		return 0;
	}
	len = b.len;
	data = vb_alloc(r->a, len);
	memcpy(data, b.data, len);
	vb_buf_free(&b);
	d->images = vb_grow(r->a, d->images, d->nimages + 1,
	    sizeof(*d->images), &d->imagecap);
	im = &d->images[d->nimages++];
	memset(im, 0, sizeof(*im));
	im->part = part;
	im->name = name;
	im->ext = kind;
	im->data = data;
	im->len = len;
	return (int)d->nimages;
}

/* Takes the picture of a w:drawing or w:pict node (a:blip r:embed, or a
 * VML v:imagedata r:id) into p; returns 1 when it holds one. */
static int
drawn_picture(struct rd *r, xmlNodePtr node, imp_para *p)
{
	xmlNodePtr blip = find(node, "blip", 0), nv;
	const char *id, *part, *name = NULL;

	if (blip != NULL)
		id = imp_attr(r->a, blip, "embed");
	else if ((blip = find(node, "imagedata", 0)) != NULL)
		id = imp_attr(r->a, blip, "id");
	else
		return 0;
	if (r->in_margin)	/* a logo in the page header: not the body's */
		return 1;
	if ((nv = find(node, "cNvPr", 0)) != NULL)
		name = imp_attr(r->a, nv, "name");
	if ((part = part_of(r, link_target(r, id))) != NULL && p->image == 0)
		p->image = picture(r, part, name);
	else if (part == NULL)
		r->doc->skipped_images++;
	return 1;
}

/* Returns 1 when p has no text yet (a page break there comes before it). */
static int
no_text_yet(const imp_para *p)
{
	size_t i;

	for (i = 0; i < p->nruns; i++)
		if (p->runs[i].note || p->runs[i].text[strspn(p->runs[i].text,
		    " \t\n")] != '\0')
			return 0;
	return 1;
}

/* Reads one w:r into p. */
static void
run(struct rd *r, xmlNodePtr node, imp_para *p, struct fmt f, int depth)
{
	xmlNodePtr rpr = imp_child(node, "rPr"), n;
	imp_style *cs;
	unsigned on = 0, off = 0;
	const char *font;
	xmlChar *c;
	char *v;

	if ((cs = imp_style_get(&r->st, imp_attr(r->a, imp_child(rpr,
	    "rStyle"), "val"))) != NULL) {
		f.style = (f.style | cs->on) & ~cs->off;
		if (cs->font)
			f.font = cs->font;
	}
	imp_rpr_bits(r->a, rpr, &on, &off);
	f.style = (f.style | on) & ~off;
	if ((font = imp_attr(r->a, imp_child(rpr, "rFonts"), "ascii")) ||
	    (font = imp_attr(r->a, imp_child(rpr, "rFonts"), "hAnsi")))
		f.font = font;
	if ((v = imp_attr(r->a, imp_child(rpr, "vertAlign"), "val"))) {
		if (strcmp(v, "superscript") == 0)
			f.style |= VB_SUPER;
		else if (strcmp(v, "subscript") == 0)
			f.style |= VB_SUB;
	}
	for (n = node->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (imp_is(n, "t")) {
			c = xmlNodeGetContent(n);
			add_text(r, p, unlegacy(r, f.font, c ? (const char *)c :
			    ""), f.style, f.href ? f.href : r->fld_result ?
			    r->fld_href : NULL);
			xmlFree(c);
		} else if (imp_is(n, "fldChar")) {
			field_char(r, imp_attr(r->a, n, "fldCharType"));
		} else if (imp_is(n, "instrText") && r->fld == 1 &&
		    !r->fld_result) {
			c = xmlNodeGetContent(n);
			if (c)
				vb_buf_puts(&r->instr, (const char *)c);
			xmlFree(c);
		} else if (imp_is(n, "tab") || imp_is(n, "ptab")) {
			add_text(r, p, "\t", f.style, f.href);
		} else if (imp_is(n, "br") || imp_is(n, "cr")) {
			v = imp_attr(r->a, n, "type");
			if (v == NULL || strcmp(v, "textWrapping") == 0)
				add_text(r, p, "\n", 0, NULL);
			else if (strcmp(v, "page") == 0 && no_text_yet(p))
				p->page_before = 1;
			else if (strcmp(v, "page") == 0)
				p->page_after = 1;
		} else if (imp_is(n, "noBreakHyphen")) {
			add_text(r, p, "-", f.style, f.href);
		} else if (imp_is(n, "footnoteReference") && !r->in_note &&
		    (v = imp_attr(r->a, n, "id")) != NULL) {
			imp_para_run(r->a, p, "", 0)->note =
			    note_number(r, atol(v));
		} else if (imp_is(n, "drawing") || imp_is(n, "pict")) {
			if (is_line(r->a, n, 0))
				p->rule = 1;
			else if (!drawn_picture(r, n, p))
				text_boxes(r, n, 0);
		} else if (imp_is(n, "AlternateContent")) {
			xmlNodePtr ch = imp_child(n, "Choice");
			if (ch == NULL)
				ch = imp_child(n, "Fallback");
			if (ch && depth < MAX_DEPTH)
				run(r, ch, p, f, depth + 1);
		}
	}
}

/* Reads the inline content of node (a paragraph or a container) into p. */
static void
inlines(struct rd *r, xmlNodePtr node, imp_para *p, struct fmt f, int depth)
{
	xmlNodePtr n, ch;
	struct fmt g;

	if (depth > MAX_DEPTH)
		return;
	for (n = node->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || imp_is(n, "pPr") ||
		    imp_is(n, "del") || imp_is(n, "moveFrom"))
			continue;
		if (imp_is(n, "r")) {
			run(r, n, p, f, depth);
		} else if (imp_is(n, "hyperlink")) {
			g = f;
			g.href = link_target(r, imp_attr(r->a, n, "id"));
			inlines(r, n, p, g, depth + 1);
		} else if (imp_is(n, "AlternateContent")) {
			if ((ch = imp_child(n, "Choice")) != NULL)
				inlines(r, ch, p, f, depth + 1);
		} else if (imp_is(n, "sdt")) {
			if ((ch = imp_child(n, "sdtContent")) != NULL)
				inlines(r, ch, p, f, depth + 1);
		} else if (!imp_is(n, "rPr") && !imp_is(n, "bookmarkStart") &&
		    !imp_is(n, "bookmarkEnd")) {
			/* ins, smartTag, customXml, fldSimple, moveTo … */
			inlines(r, n, p, f, depth + 1);
		}
	}
}

/* Reads paragraph node into p. */
static void
para(struct rd *r, xmlNodePtr node, imp_para *p)
{
	xmlNodePtr ppr = imp_child(node, "pPr"), np, bdr;
	imp_style *s;
	struct fmt f = { 0, NULL, NULL };
	int numid = 0, ilvl = 0, jc = 0;
	char *v;

	memset(p, 0, sizeof(*p));
	p->outline = -1;
	r->paras++;
	f.font = r->st.def_font;
	if ((s = imp_style_get(&r->st, imp_attr(r->a, imp_child(ppr,
	    "pStyle"), "val"))) == NULL)
		s = imp_style_get(&r->st, "Normal");
	if (s != NULL) {
		p->style = s->name;
		p->outline = s->outline;
		numid = s->numid;
		ilvl = s->ilvl;
		jc = s->jc;
		f.style = s->on;
		if (s->font)
			f.font = s->font;
	}
	if ((v = imp_attr(r->a, imp_child(ppr, "outlineLvl"), "val")))
		p->outline = atoi(v) <= 8 ? atoi(v) : -1;
	if ((np = imp_child(ppr, "numPr")) != NULL) {
		if ((v = imp_attr(r->a, imp_child(np, "numId"), "val")))
			numid = atoi(v);
		if ((v = imp_attr(r->a, imp_child(np, "ilvl"), "val")))
			ilvl = atoi(v);
	}
	if ((v = imp_attr(r->a, imp_child(ppr, "jc"), "val"))) {
		if (strcmp(v, "center") == 0)
			jc = VB_ALIGN_CENTER + 1;
		else if (strcmp(v, "right") == 0 || strcmp(v, "end") == 0)
			jc = VB_ALIGN_RIGHT + 1;
		else if (strcmp(v, "left") == 0 || strcmp(v, "start") == 0)
			jc = VB_ALIGN_LEFT + 1;
		else
			jc = VB_ALIGN_DEFAULT + 1;
	}
	p->align = jc ? (vb_align)(jc - 1) : VB_ALIGN_DEFAULT;
	if ((np = imp_child(ppr, "pageBreakBefore")) != NULL && ((v =
	    imp_attr(r->a, np, "val")) == NULL || (strcmp(v, "0") != 0 &&
	    strcmp(v, "false") != 0 && strcmp(v, "off") != 0)))
		p->page_before = 1;
	if ((bdr = imp_child(imp_child(ppr, "pBdr"), "bottom")) != NULL &&
	    (v = imp_attr(r->a, bdr, "val")) && strcmp(v, "none") != 0 &&
	    strcmp(v, "nil") != 0)
		p->rule = 1;
	{
		unsigned on = 0, off = 0;
		imp_rpr_bits(r->a, imp_child(ppr, "rPr"), &on, &off);
		(void)on;	/* the paragraph mark's own format: not the text's */
	}
	r->toc_hit = r->in_toc;
	inlines(r, node, p, f, 0);
	imp_para_finish(r->a, p);
	p->toc = r->toc_hit && !r->in_note && !r->in_margin;
	if (numid > 0 && p->text[0] != '\0')
		imp_number(&r->st, numid, ilvl, p);
}

static void cell_blocks(struct rd *, xmlNodePtr, imp_cell *, int);

/* Reads table node into a new table. */
static imp_table *
table(struct rd *r, xmlNodePtr node, int depth)
{
	imp_table *t = vb_alloc(r->a, sizeof(*t));
	xmlNodePtr n, c, pr, x;
	size_t rcap = 0, ccap, cols;
	imp_row *row;
	imp_cell *cell;
	char *v;

	memset(t, 0, sizeof(*t));
	for (n = imp_child(node, "tblGrid") ? imp_child(node,
	    "tblGrid")->children : NULL; n; n = n->next)
		if (imp_is(n, "gridCol"))
			t->ncols++;
	for (n = node->children; n; n = n->next) {
		if (!imp_is(n, "tr"))
			continue;
		t->rows = vb_grow(r->a, t->rows, t->n + 1, sizeof(*t->rows),
		    &rcap);
		row = &t->rows[t->n++];
		memset(row, 0, sizeof(*row));
		if ((x = imp_child(imp_child(n, "trPr"), "tblHeader")) &&
		    ((v = imp_attr(r->a, x, "val")) == NULL ||
		    strcmp(v, "0") != 0))
			row->header = 1;
		ccap = 0;
		cols = 0;
		for (c = n->children; c; c = c->next) {
			if (!imp_is(c, "tc"))
				continue;
			row->cells = vb_grow(r->a, row->cells, row->n + 1,
			    sizeof(*row->cells), &ccap);
			cell = &row->cells[row->n++];
			r->cells++;
			memset(cell, 0, sizeof(*cell));
			pr = imp_child(c, "tcPr");
			v = imp_attr(r->a, imp_child(pr, "gridSpan"), "val");
			cell->span = v && atoi(v) > 1 && atoi(v) < 1000 ?
			    atoi(v) : 1;
			if ((x = imp_child(pr, "vMerge")) != NULL) {
				v = imp_attr(r->a, x, "val");
				cell->vmerge = v && strcmp(v, "restart") == 0 ?
				    1 : 2;
			}
			cell_blocks(r, c, cell, depth);
			cell->align = cell->n ? cell->paras[0].align :
			    VB_ALIGN_DEFAULT;
			cols += (size_t)cell->span;
		}
		if (cols > t->ncols)
			t->ncols = cols;
		if (t->ncols > IMP_MAX_COLS)
			t->ncols = IMP_MAX_COLS;
	}
	return t;
}

/* Reads the paragraphs of a cell (nested tables flattened) into cell. */
static void
cell_blocks(struct rd *r, xmlNodePtr node, imp_cell *cell, int depth)
{
	xmlNodePtr n;
	size_t cap = cell->n, i, j, k;
	imp_table *t;

	for (n = node->children; n; n = n->next) {
		if (imp_is(n, "p")) {
			imp_para tmp;
			size_t i;
			para(r, n, &tmp);
			cell->paras = vb_grow(r->a, cell->paras, cell->n + 1,
			    sizeof(*cell->paras), &cap);
			cell->paras[cell->n++] = tmp;
			for (i = 0; i < r->npending; i++) {
				cell->paras = vb_grow(r->a, cell->paras,
				    cell->n + 1, sizeof(*cell->paras), &cap);
				cell->paras[cell->n++] = r->pending[i];
			}
			r->npending = 0;
		} else if (imp_is(n, "tbl") && depth < 8) {
			t = table(r, n, depth + 1);
			for (i = 0; i < t->n; i++)
				for (j = 0; j < t->rows[i].n; j++)
					for (k = 0; k < t->rows[i].cells[j].n;
					    k++) {
						cell->paras = vb_grow(r->a,
						    cell->paras, cell->n + 1,
						    sizeof(*cell->paras), &cap);
						cell->paras[cell->n++] =
						    t->rows[i].cells[j].paras[k];
					}
		} else if (imp_is(n, "sdt") && depth < 8) {
			cell_blocks(r, imp_child(n, "sdtContent"), cell,
			    depth + 1);
		}
	}
}

static void blocks(struct rd *, xmlNodePtr, int);

/* Adds the text-box paragraphs met so far as blocks of their own. */
static void
flush_boxes(struct rd *r)
{
	size_t i;
	imp_block *b;

	for (i = 0; i < r->npending; i++) {
		b = imp_doc_block(r->doc);
		b->p = vb_alloc(r->a, sizeof(*b->p));
		*b->p = r->pending[i];
	}
	r->npending = 0;
}

/* Reads one block-level element n into the document. */
static void
block(struct rd *r, xmlNodePtr n, int depth)
{
	imp_block *b;

	if (imp_is(n, "p")) {
		b = imp_doc_block(r->doc);
		b->p = vb_alloc(r->a, sizeof(*b->p));
		para(r, n, b->p);
		flush_boxes(r);
	} else if (imp_is(n, "tbl")) {
		b = imp_doc_block(r->doc);
		b->t = table(r, n, 0);
	} else if ((imp_is(n, "sdt") || imp_is(n, "customXml")) &&
	    depth < 8) {
		blocks(r, imp_is(n, "sdt") ? imp_child(n, "sdtContent") : n,
		    depth + 1);
	}
}

/* Reads the block-level children of node into the document. */
static void
blocks(struct rd *r, xmlNodePtr node, int depth)
{
	xmlNodePtr n;

	for (n = node ? node->children : NULL; n; n = n->next)
		block(r, n, depth);
}

/* Reads word/document.xml as a stream, one body block expanded at a
 * time, so that a long document never stands whole in memory as a tree.
 * Returns 0, or -1 after reporting. */
static int
stream_body(struct rd *r, imp_pkg *pkg, vb_diags *d)
{
	vb_buf b = { 0 };
	xmlTextReaderPtr rd;
	xmlNodePtr node;
	int ret, depth, type, bad = 0;
	const char *name;

	if (imp_pkg_part(pkg, "word/document.xml", &b, 1) != 0) {
		vb_buf_free(&b);
		return -1;
	}
	if (b.len > (size_t)0x7fffffff ||
	    (rd = xmlReaderForMemory(b.data ? b.data : "", (int)b.len,
	    "word/document.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING | XML_PARSE_COMPACT)) == NULL) {
		vb_buf_free(&b);
		vb_out_of_memory();
	}
	ret = xmlTextReaderRead(rd);
	while (ret == 1) {
		type = xmlTextReaderNodeType(rd);
		depth = xmlTextReaderDepth(rd);
		name = (const char *)xmlTextReaderConstLocalName(rd);
		if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
			bad = 2;
			break;
		}
		if (type == XML_READER_TYPE_ELEMENT && depth == 2 && name &&
		    (strcmp(name, "p") == 0 || strcmp(name, "tbl") == 0 ||
		    strcmp(name, "sdt") == 0 || strcmp(name, "customXml") ==
		    0)) {
			if ((node = xmlTextReaderExpand(rd)) == NULL) {
				bad = 1;
				break;
			}
			block(r, node, 0);
			if (r->paras > IMP_MAX_PARAS || r->cells >
			    IMP_MAX_CELLS) {
				bad = 3;
				break;
			}
			ret = xmlTextReaderNext(rd);
			continue;
		}
		ret = xmlTextReaderRead(rd);
	}
	if (ret < 0)
		bad = 1;
	xmlFreeTextReader(rd);
	vb_buf_free(&b);
	if (bad == 3)
		vb_diag_add(d, VB_ERROR, pkg->file, 0, 0, "Hãy chia văn bản "
		    "thành nhiều tệp nhỏ hơn.", "văn bản quá lớn để nhập: hơn "
		    "%d đoạn hoặc %d ô bảng", IMP_MAX_PARAS, IMP_MAX_CELLS);
	else if (bad == 2)
		vb_diag_add(d, VB_ERROR, pkg->file, 0, 0, "Word không bao giờ "
		    "ghi khai báo DTD; tệp này có thể đã bị sửa để đọc trộm tệp "
		    "trên máy. Hãy hỏi lại người gửi.", "tệp .docx có khai báo "
		    "DTD/thực thể (ENTITY) trong phần word/document.xml, vanban "
		    "từ chối đọc");
	else if (bad)
		vb_diag_add(d, VB_ERROR, pkg->file, 0, 0, "Hãy mở tệp bằng Word "
		    "hoặc LibreOffice Writer rồi lưu lại dạng \"Word Document "
		    "(.docx)\".", "tệp .docx bị hỏng: phần word/document.xml "
		    "không phải XML hợp lệ");
	return bad ? -1 : 0;
}

/* Reads the footnotes referenced in the text from footnotes.xml. */
static void
footnotes(struct rd *r, xmlDocPtr doc)
{
	xmlNodePtr n, p;
	imp_note *note;
	size_t i, k, cap;
	char *v;

	if (doc == NULL || r->nids == 0)
		return;
	r->in_note = 1;
	r->doc->notes = vb_alloc(r->a, r->nids * sizeof(*r->doc->notes));
	memset(r->doc->notes, 0, r->nids * sizeof(*r->doc->notes));
	r->doc->nnotes = r->nids;
	for (i = 0; i < r->nids; i++)
		r->doc->notes[i].number = (int)i + 1;
	for (n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
		if (!imp_is(n, "footnote") || (v = imp_attr(r->a, n, "id")) ==
		    NULL)
			continue;
		for (i = 0; i < r->nids && r->ids[i].id != atol(v); i++)
			;
		if (i == r->nids)
			continue;
		note = &r->doc->notes[i];
		cap = 0;
		for (p = n->children; p; p = p->next) {
			if (!imp_is(p, "p"))
				continue;
			note->paras = vb_grow(r->a, note->paras, note->n + 1,
			    sizeof(*note->paras), &cap);
			para(r, p, &note->paras[note->n++]);
			for (k = 0; k < r->npending; k++) {
				note->paras = vb_grow(r->a, note->paras,
				    note->n + 1, sizeof(*note->paras), &cap);
				note->paras[note->n++] = r->pending[k];
			}
			r->npending = 0;
		}
	}
	r->in_note = 0;
}

/* Page header and footer parts one import reads at most. */
#define MAX_MARGIN_PARTS 32

/* Adds paragraph p of a page header or footer to the document. */
static void
margin_para(struct rd *r, const imp_para *p)
{
	imp_doc *d = r->doc;

	if (p->text[0] == '\0')
		return;
	d->margins = vb_grow(r->a, d->margins, d->nmargins + 1,
	    sizeof(*d->margins), &d->margincap);
	d->margins[d->nmargins++] = *p;
}

/* Reads the paragraphs (and those of tables) of one header or footer. */
static void
margin_blocks(struct rd *r, xmlNodePtr node, int depth)
{
	xmlNodePtr n;
	imp_para tmp;
	imp_table *t;
	size_t i, j, k;

	for (n = node ? node->children : NULL; n && depth < 8; n = n->next) {
		if (imp_is(n, "p")) {
			para(r, n, &tmp);
			margin_para(r, &tmp);
			for (i = 0; i < r->npending; i++)
				margin_para(r, &r->pending[i]);
			r->npending = 0;
		} else if (imp_is(n, "tbl")) {
			t = table(r, n, 0);
			for (i = 0; i < t->n; i++)
				for (j = 0; j < t->rows[i].n; j++)
					for (k = 0; k < t->rows[i].cells[j].n; k++)
						margin_para(r, &t->rows[i].cells[j].
						    paras[k]);
		} else if (imp_is(n, "sdt")) {
			margin_blocks(r, imp_child(n, "sdtContent"), depth + 1);
		}
	}
}

/* Reads the page headers and footers the main part refers to, where the
 * marks of the position scheme are: the draft mark and the circulation
 * note (first-page header), the agency's address (first-page footer). */
static void
margins(struct rd *r, imp_pkg *pkg)
{
	xmlNodePtr n;
	xmlDocPtr x;
	const char *type, *part;
	size_t len, parts = 0;

	if (r->rels == NULL)
		return;
	r->in_margin = 1;
	for (n = xmlDocGetRootElement(r->rels)->children; n &&
	    parts < MAX_MARGIN_PARTS; n = n->next) {
		if (!imp_is(n, "Relationship") || (type = imp_attr(r->a, n,
		    "Type")) == NULL)
			continue;
		len = strlen(type);
		if ((len < 7 || strcmp(type + len - 7, "/header") != 0) &&
		    (len < 7 || strcmp(type + len - 7, "/footer") != 0))
			continue;
		if ((part = part_of(r, imp_attr(r->a, n, "Target"))) == NULL)
			continue;
		parts++;
		if ((x = imp_pkg_xml(pkg, part, 0)) == NULL)
			continue;
		margin_blocks(r, xmlDocGetRootElement(x), 0);
		xmlFreeDoc(x);
	}
	r->in_margin = 0;
}

/* Reads the author of the document from docProps/core.xml. */
static void
core(struct rd *r, imp_pkg *pkg)
{
	xmlDocPtr doc = imp_pkg_xml(pkg, "docProps/core.xml", 0);
	xmlNodePtr c;
	xmlChar *t;

	if (doc == NULL)
		return;
	if ((c = imp_child(xmlDocGetRootElement(doc), "creator")) != NULL &&
	    (t = xmlNodeGetContent(c)) != NULL) {
		if (*t)
			r->doc->author = vb_strdup(r->a, (const char *)t);
		xmlFree(t);
	}
	xmlFreeDoc(doc);
}

int
imp_docx_read(imp_doc *doc, const char *file, const char *data, size_t len,
    vb_diags *d)
{
	struct rd r;
	imp_pkg pkg;
	xmlDocPtr styles, num, notes;
	size_t errors0 = d->errors;

	memset(&r, 0, sizeof(r));
	r.doc = doc;
	r.a = doc->a;
	r.pkg = &pkg;
	if (imp_pkg_open(&pkg, file, data, len, d) < 0)
		return -1;
	styles = imp_pkg_xml(&pkg, "word/styles.xml", 0);
	num = imp_pkg_xml(&pkg, "word/numbering.xml", 0);
	notes = imp_pkg_xml(&pkg, "word/footnotes.xml", 0);
	r.rels = imp_pkg_xml(&pkg, "word/_rels/document.xml.rels", 0);
	if (d->errors == errors0) {
		imp_styles_read(&r.st, r.a, styles);
		imp_numbering_read(&r.st, num);
		if (stream_body(&r, &pkg, d) == 0) {
			footnotes(&r, notes);
			margins(&r, &pkg);
			core(&r, &pkg);
		}
	}
	xmlFreeDoc(styles);
	xmlFreeDoc(num);
	xmlFreeDoc(notes);
	xmlFreeDoc(r.rels);
	vb_buf_free(&r.instr);
	imp_pkg_close(&pkg);
	return d->errors == errors0 ? 0 : -1;
}
