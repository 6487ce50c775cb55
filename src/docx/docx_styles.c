/* docx_styles.c - word/styles.xml: document defaults and the named styles
 * the body uses, all sized from the profile. Normal carries no indent and
 * no spacing; the body's first-line indent lives in "Body Text" only. */
#include "docx_int.h"

#include <string.h>

/* What one paragraph or character style sets. */
typedef struct style_def {
	const char *type;	/* "paragraph" or "character" */
	const char *id;		/* w:styleId */
	const char *name;	/* w:name (built-in names in lower case) */
	const char *based;	/* w:basedOn, or NULL */
	int outline;		/* outline level + 1 (heading 1 = 1), 0 none */
	int keep_next;		/* 1: keep with next */
	int before;		/* space before, twips; -1 unset */
	int after;		/* space after, twips; -1 unset */
	int line;		/* line height, 240ths of a line; 0 unset */
	int ind;		/* 1: write indents */
	int left;		/* left indent, twips */
	int first;		/* first-line indent, twips */
	const char *jc;		/* alignment, or NULL */
	unsigned style;		/* VB_BOLD | VB_ITALIC | VB_UNDERLINE | VB_SUPER */
	int half;		/* size, half-points; 0 unset */
} style_def;

/* Writes the run properties of a style. */
static void
style_rpr(dx_xml *x, const style_def *s)
{
	if (s->style == 0 && s->half == 0)
		return;
	dx_start(x, "w:rPr");
	if (s->style & VB_BOLD) {
		dx_empty(x, "w:b");
		dx_empty(x, "w:bCs");
	}
	if (s->style & VB_ITALIC) {
		dx_empty(x, "w:i");
		dx_empty(x, "w:iCs");
	}
	if (s->half > 0) {
		dx_vali(x, "w:sz", s->half);
		dx_vali(x, "w:szCs", s->half);
	}
	if (s->style & VB_UNDERLINE)
		dx_val(x, "w:u", "single");
	if (s->style & VB_SUPER)
		dx_val(x, "w:vertAlign", "superscript");
	dx_end(x);
}

/* Writes the paragraph properties of a style. */
static void
style_ppr(dx_xml *x, const style_def *s)
{
	if (strcmp(s->type, "paragraph") != 0)
		return;
	dx_start(x, "w:pPr");
	if (s->keep_next)
		dx_empty(x, "w:keepNext");
	if (s->before >= 0 || s->after >= 0 || s->line > 0) {
		dx_start(x, "w:spacing");
		if (s->before >= 0)
			dx_attri(x, "w:before", s->before);
		if (s->after >= 0)
			dx_attri(x, "w:after", s->after);
		if (s->line > 0) {
			dx_attri(x, "w:line", s->line);
			dx_attr(x, "w:lineRule", "auto");
		}
		dx_end(x);
	}
	if (s->ind) {
		dx_start(x, "w:ind");
		dx_attri(x, "w:left", s->left);
		dx_attri(x, "w:right", 0);
		dx_attri(x, "w:firstLine", s->first);
		dx_end(x);
	}
	if (s->jc != NULL)
		dx_val(x, "w:jc", s->jc);
	if (s->outline > 0)
		dx_vali(x, "w:outlineLvl", s->outline - 1);
	dx_end(x);
}

/* Writes one w:style element. */
static void
style_write(dx_xml *x, const style_def *s, int is_default)
{
	dx_start(x, "w:style");
	dx_attr(x, "w:type", s->type);
	if (is_default)
		dx_attr(x, "w:default", "1");
	dx_attr(x, "w:styleId", s->id);
	dx_val(x, "w:name", s->name);
	if (s->based != NULL)
		dx_val(x, "w:basedOn", s->based);
	if (s->outline > 0)
		dx_val(x, "w:next", "VBBody");
	if (s->outline > 0 || strcmp(s->id, "VBBody") == 0)
		dx_empty(x, "w:qFormat");
	style_ppr(x, s);
	style_rpr(x, s);
	dx_end(x);
}

/* Writes w:docDefaults: the font, body size and Vietnamese language. */
static void
doc_defaults(dx_xml *x, const vb_profile *p)
{
	dx_start(x, "w:docDefaults");
	dx_start(x, "w:rPrDefault");
	dx_start(x, "w:rPr");
	dx_start(x, "w:rFonts");
	dx_attr(x, "w:ascii", p->font);
	dx_attr(x, "w:hAnsi", p->font);
	dx_attr(x, "w:eastAsia", p->font);
	dx_attr(x, "w:cs", p->font);
	dx_end(x);
	dx_val(x, "w:color", "000000");
	dx_vali(x, "w:sz", VB_PT_TO_HALF(p->body_pt));
	dx_vali(x, "w:szCs", VB_PT_TO_HALF(p->body_pt));
	dx_start(x, "w:lang");
	dx_attr(x, "w:val", "vi-VN");
	dx_attr(x, "w:eastAsia", "vi-VN");
	dx_attr(x, "w:bidi", "ar-SA");
	dx_end(x);
	dx_end(x);
	dx_end(x);
	dx_start(x, "w:pPrDefault");
	dx_start(x, "w:pPr");
	dx_empty(x, "w:widowControl");
	dx_start(x, "w:spacing");
	dx_attri(x, "w:before", 0);
	dx_attri(x, "w:after", 0);
	dx_attri(x, "w:line", 240);
	dx_attr(x, "w:lineRule", "auto");
	dx_end(x);
	dx_end(x);
	dx_end(x);
	dx_end(x);
}

/* Returns a style definition with nothing set. */
static style_def
def(const char *type, const char *id, const char *name, const char *based)
{
	style_def s;

	memset(&s, 0, sizeof(s));
	s.type = type;
	s.id = id;
	s.name = name;
	s.based = based;
	s.before = -1;
	s.after = -1;
	return s;
}

/* Writes the body styles: Body Text, headings, quote, code, table text. */
static void
body_styles(dx_xml *x, const vb_profile *p)
{
	static const char *const hid[] = { "Heading1", "Heading2", "Heading3",
	    "Heading4" };
	static const char *const hname[] = { "heading 1", "heading 2",
	    "heading 3", "heading 4" };
	static const unsigned hstyle[] = { VB_BOLD, VB_BOLD, 0,
	    VB_BOLD | VB_ITALIC };
	int indent = VB_CM_TO_TWIPS(p->indent_cm);
	style_def s;
	int i;

	s = def("paragraph", "VBBody", "Body Text", "Normal");
	s.before = 0;
	s.after = DX_PT_TW(p->para_space_pt);
	s.line = (int)(240 * p->line_spacing + 0.5);
	s.ind = 1;
	s.first = indent;
	s.jc = "both";
	style_write(x, &s, 0);
	for (i = 0; i < 4; i++) {
		s = def("paragraph", hid[i], hname[i], "VBBody");
		s.outline = i + 1;
		s.keep_next = 1;
		s.style = hstyle[i];
		style_write(x, &s, 0);
	}
	s = def("paragraph", "VBQuote", "Quote", "VBBody");
	s.ind = 1;
	s.left = indent;
	s.style = VB_ITALIC;
	style_write(x, &s, 0);
	s = def("paragraph", "VBCode", "Plain Text", "VBBody");
	s.ind = 1;
	s.jc = "left";
	style_write(x, &s, 0);
	s = def("paragraph", "VBTableText", "Table Text", "Normal");
	s.before = 20;
	s.after = 20;
	s.half = VB_PT_TO_HALF(p->table_pt);
	s.jc = "left";
	style_write(x, &s, 0);
}

/* Writes the header, footnote and link styles. */
static void
other_styles(dx_xml *x, const vb_profile *p)
{
	style_def s;

	s = def("paragraph", "VBHeaderBlock", "Heading Block", "Normal");
	s.jc = "center";
	style_write(x, &s, 0);
	s = def("paragraph", "Header", "header", "Normal");
	s.jc = "center";
	s.half = VB_PT_TO_HALF(p->page_number_pt);
	style_write(x, &s, 0);
	s = def("paragraph", "FootnoteText", "footnote text", "Normal");
	s.jc = "both";
	s.half = VB_PT_TO_HALF(p->note_pt);
	style_write(x, &s, 0);
	s = def("character", "FootnoteReference", "footnote reference", NULL);
	s.style = VB_SUPER;
	style_write(x, &s, 0);
	s = def("character", "Hyperlink", "Hyperlink", NULL);
	s.style = VB_UNDERLINE;
	style_write(x, &s, 0);
}

/* Writes word/styles.xml into out; returns 0 or -1. */
int
dx_styles_write(const vb_profile *p, vb_buf *out)
{
	dx_xml x;
	style_def s;

	if (dx_open(&x) < 0)
		return -1;
	dx_start(&x, "w:styles");
	dx_attr(&x, "xmlns:w", DX_NS_W);
	doc_defaults(&x, p);
	s = def("paragraph", "Normal", "Normal", NULL);
	style_write(&x, &s, 1);
	s = def("character", "DefaultParagraphFont", "Default Paragraph Font",
	    NULL);
	style_write(&x, &s, 1);
	s = def("table", "TableNormal", "Normal Table", NULL);
	style_write(&x, &s, 1);
	body_styles(&x, p);
	other_styles(&x, p);
	dx_end(&x);
	return dx_close(&x, out);
}
