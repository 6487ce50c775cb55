/* body.c - walking the cmark-gfm tree of the body and flattening it into the
 * blocks of the document model: each paragraph one block, lists marked the
 * way Vietnamese plans mark them ("-" then "+"), tables as vb_table.
 *
 * Both walks (blocks and inlines) use cmark's iterator instead of
 * recursion, and text is gathered in buffers, so any depth of nesting and
 * any length of paragraph is handled in time linear in the input. */
#include "body.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "base/buf.h"
#include "base/infile.h"
#include "base/text.h"
#include "sheet/sheet.h"
#include "sheet/table.h"

/* Table node types are variables of the extensions library, not declared in
 * any installed header (library-notes.md §1). */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW,
    CMARK_NODE_TABLE_CELL, CMARK_NODE_STRIKETHROUGH;

/* Deepest list level kept in the model; deeper lists are set at this level
 * (Word lists have 9 levels, 0-8). */
#define MAX_LEVEL 8

/* An open list while walking the blocks. */
struct list {
	int ordered;		/* 1 for "1." lists */
	int paren;		/* 1 for "1)" lists */
	int id;			/* ordered list id, 0 for bullets */
	int num;		/* number of the current item */
	char mark;		/* bullet character of the current item */
	int pending;		/* 1 until the current item has a paragraph */
	cmark_node *item;	/* the current item */
};

/* State of one body parse. */
struct ctx {
	vb_arena *a;		/* where the model goes */
	const char *file;	/* file name for blocks and messages */
	const char *md;		/* the Markdown text */
	size_t len;		/* its length */
	size_t *lines;		/* byte offset of each line start */
	size_t nlines;		/* number of lines */
	int first_line;		/* file line of md's first line */
	vb_part *part;		/* blocks go here */
	size_t cap;		/* allocated blocks */
	vb_notes *notes;	/* footnotes go here */
	int note_base;		/* footnote numbers already used before this part */
	int lists;		/* ordered lists seen, for list ids */
	struct list *open;	/* stack of open lists */
	size_t nopen;		/* open lists */
	size_t opencap;		/* allocated entries of open */
	int quote;		/* open block quotes */
	vb_diags *d;		/* problems */
	int warned_html;	/* raw HTML warning given once */
	int warned_depth;	/* deep nesting warning given once */
	size_t col_line;	/* line of the last column conversion */
	size_t col_byte;	/* its byte offset in that line */
	size_t col_chars;	/* characters before that byte */
};

/* Inline walking state. Styles are counted, not stacked, so any depth of
 * nesting costs nothing; text is gathered in a buffer and cut into runs
 * only when the style changes. */
struct istate {
	unsigned html;		/* styles opened by raw <b>, <i>, … */
	int bold;		/* open strong nodes */
	int italic;		/* open emph nodes */
	int strike;		/* open strikethrough nodes */
	unsigned base;		/* style of the whole paragraph */
	const char *href;	/* target of the open link (arena copy), or NULL */
	cmark_node *link;	/* the open link node, or NULL */
	vb_buf text;		/* text not yet cut into a run */
	unsigned tstyle;	/* style of the gathered text */
	const char *thref;	/* link of the gathered text */
	vb_inline *out;		/* paragraph being filled */
	vb_cell *cell;		/* table cell being filled, or NULL */
	size_t links;		/* links met in this paragraph */
};

/* Links kept in one paragraph; past it they stay as plain text (the PDF
 * layout of a paragraph costs time growing with lines times links). */
#define MAX_LINKS 1000

void
vb_inline_add(vb_arena *a, vb_inline *in, vb_run_kind kind, unsigned style,
    const char *text, const char *href, int note)
{
	size_t cap = in->n;
	vb_run *last;

	/* Grow in powers of two: the capacity is implied by n. */
	if (cap == 0 || (cap & (cap - 1)) == 0) {
		vb_run *r = vb_alloc(a, sizeof(vb_run) * (cap ? cap * 2 : 2));
		if (cap)
			memcpy(r, in->runs, sizeof(vb_run) * cap);
		in->runs = r;
	}
	last = &in->runs[in->n++];
	last->kind = kind;
	last->style = style;
	last->text = text;
	last->href = href;
	last->note = note;
}

char *
vb_inline_text(vb_arena *a, const vb_inline *in)
{
	size_t i, len = 0;
	char *s, *p;

	for (i = 0; i < in->n; i++)
		len += in->runs[i].text ? strlen(in->runs[i].text) : 1;
	p = s = vb_alloc(a, len + 1);
	for (i = 0; i < in->n; i++) {
		if (in->runs[i].text) {
			strcpy(p, in->runs[i].text);
			p += strlen(p);
		} else if (in->runs[i].kind == VB_RUN_BREAK)
			*p++ = ' ';
	}
	*p = '\0';
	return s;
}

/* Returns the 1-based character column of byte off of line li. Counting
 * goes on (forwards or backwards) from the previous conversion on the same
 * line, so many blocks on one line (nested list markers) cost linear time. */
static int
char_col(struct ctx *c, size_t li, size_t off)
{
	const char *line = c->md + c->lines[li];

	if (li != c->col_line) {
		c->col_line = li;
		c->col_byte = 0;
		c->col_chars = 0;
	}
	if (off >= c->col_byte)
		c->col_chars += vb_utf8_chars(line + c->col_byte, off - c->col_byte);
	else	/* empty outer items end after their inner ones: step back */
		c->col_chars -= vb_utf8_chars(line + off, c->col_byte - off);
	c->col_byte = off;
	return (int)c->col_chars + 1;
}

/* Returns a new block at the end of the part, positioned at node n. */
static vb_block *
new_block(struct ctx *c, vb_block_kind kind, cmark_node *n)
{
	vb_block *b;
	int line, col;
	size_t li;

	c->part->blocks = vb_grow(c->a, c->part->blocks, c->part->n + 1,
	    sizeof(vb_block), &c->cap);
	b = &c->part->blocks[c->part->n++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->file = c->file;
	line = n ? cmark_node_get_start_line(n) : 0;
	col = n ? cmark_node_get_start_column(n) : 0;
	if (line > 0) {
		b->line = line + c->first_line - 1;
		li = (size_t)line - 1;
		b->col = li < c->nlines && col > 0 ? char_col(c, li, (size_t)col - 1)
		    : col;
	}
	return b;
}

/* Returns the style bit a raw HTML tag toggles, 0 for none; *close is set
 * for closing tags, *br for line breaks. */
static unsigned
html_tag(const char *t, int *close, int *br)
{
	static const struct {
		const char *name;	/* tag name */
		unsigned style;		/* style it sets */
	} tags[] = {
		{"b", VB_BOLD}, {"strong", VB_BOLD}, {"i", VB_ITALIC},
		{"em", VB_ITALIC}, {"u", VB_UNDERLINE}, {"sup", VB_SUPER},
		{"sub", VB_SUB}, {"s", VB_STRIKE}, {"del", VB_STRIKE},
	};
	size_t i, n;

	*close = *br = 0;
	if (*t++ != '<')
		return 0;
	if (*t == '/') {
		*close = 1;
		t++;
	}
	if (strncasecmp(t, "br", 2) == 0 && strchr(" />", t[2])) {
		*br = 1;
		return 0;
	}
	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
		n = strlen(tags[i].name);
		if (strncasecmp(t, tags[i].name, n) == 0 &&
		    (t[n] == '>' || t[n] == ' '))
			return tags[i].style;
	}
	return 0;
}

/* Returns the style in force at this point of the walk. */
static unsigned
cur_style(const struct istate *st)
{
	return st->base | st->html | (st->bold ? VB_BOLD : 0) |
	    (st->italic ? VB_ITALIC : 0) | (st->strike ? VB_STRIKE : 0);
}

/* Cuts the gathered text into a run. */
static void
flush(struct ctx *c, struct istate *st)
{
	if (st->text.len == 0)
		return;
	vb_inline_add(c->a, st->out, VB_RUN_TEXT, st->tstyle,
	    vb_strndup(c->a, st->text.data, st->text.len), st->thref, 0);
	vb_buf_reset(&st->text);
}

/* Gathers text in the given style. */
static void
gather(struct ctx *c, struct istate *st, const char *s, unsigned style)
{
	if (s == NULL || *s == '\0')
		return;
	if (st->text.len && (st->tstyle != style || st->thref != st->href))
		flush(c, st);
	st->tstyle = style;
	st->thref = st->href;
	vb_buf_puts(&st->text, s);
}

/* Returns a new empty line (paragraph) of a table cell. */
static vb_inline *
cell_para(struct ctx *c, vb_cell *cell)
{
	size_t cap = cell->npara;

	/* Grow in powers of two: the capacity is implied by npara. */
	if (cap == 0 || (cap & (cap - 1)) == 0) {
		vb_inline *p = vb_alloc(c->a, sizeof(vb_inline) * (cap ? cap * 2 : 2));
		if (cap)
			memcpy(p, cell->paras, sizeof(vb_inline) * cap);
		cell->paras = p;
	}
	memset(&cell->paras[cell->npara], 0, sizeof(vb_inline));
	return &cell->paras[cell->npara++];
}

/* Ends the current line: a new line in a table cell, a break run
 * elsewhere. */
static void
line_break(struct ctx *c, struct istate *st)
{
	flush(c, st);
	if (st->cell)
		st->out = cell_para(c, st->cell);
	else
		vb_inline_add(c->a, st->out, VB_RUN_BREAK, cur_style(st), NULL,
		    NULL, 0);
}

/* Handles one raw HTML inline node. */
static void
inline_html(struct ctx *c, cmark_node *n, struct istate *st)
{
	const char *t = cmark_node_get_literal(n);
	int close, br;
	unsigned bit = html_tag(t ? t : "", &close, &br);

	if (br)
		line_break(c, st);
	else if (bit) {
		flush(c, st);
		if (close)
			st->html &= ~bit;
		else
			st->html |= bit;
	} else if (!c->warned_html) {
		c->warned_html = 1;
		vb_diag_add(c->d, VB_WARNING, c->file,
		    cmark_node_get_start_line(n) + c->first_line - 1,
		    cmark_node_get_start_column(n),
		    "chỉ dùng được <br>, <b>, <i>, <u>, <sup>, <sub>",
		    "thẻ HTML '%s' bị bỏ qua", t ? t : "");
	}
}

/* Handles entering (enter = 1) or leaving an inline container. */
static void
inline_container(struct ctx *c, struct istate *st, cmark_node *n,
    cmark_node_type t, int enter)
{
	int d = enter ? 1 : -1;

	if (t == CMARK_NODE_EMPH)
		st->italic += d;
	else if (t == CMARK_NODE_STRONG)
		st->bold += d;
	else if (t == CMARK_NODE_STRIKETHROUGH)
		st->strike += d;
	else if (t == CMARK_NODE_LINK) {
		if (enter && st->link == NULL && ++st->links > MAX_LINKS) {
			if (st->links == MAX_LINKS + 1)
				vb_diag_add(c->d, VB_WARNING, c->file,
				    cmark_node_get_start_line(n) > 0 ?
				    cmark_node_get_start_line(n) + c->first_line - 1
				    : 0, cmark_node_get_start_column(n),
				    "chia đoạn văn thành nhiều đoạn",
				    "đoạn văn có hơn %d liên kết: từ liên kết thứ %d, "
				    "chữ vẫn giữ nhưng không còn bấm được", MAX_LINKS,
				    MAX_LINKS + 1);
		} else if (enter && st->link == NULL) {
			st->link = n;
			st->href = vb_strdup(c->a, cmark_node_get_url(n));
		} else if (!enter && st->link == n) {
			st->link = NULL;
			st->href = NULL;
		}
	}
}

/* Returns lit, or a copy with every character XML cannot hold replaced
 * by U+FFFD after a warning at n (written as an entity such as "&#1;": the
 * raw bytes were refused before). */
static const char *
xml_safe(struct ctx *c, cmark_node *n, const char *lit)
{
	size_t off, li;
	unsigned cp;
	int line, col, at = 0, atcol = 0;

	if (lit == NULL || !vb_text_xml_unsafe(lit, strlen(lit), &off, &cp))
		return lit;
	while (n != NULL && cmark_node_get_start_line(n) <= 0)
		n = cmark_node_parent(n);
	line = n ? cmark_node_get_start_line(n) : 0;
	col = n ? cmark_node_get_start_column(n) : 0;
	if (line > 0) {
		at = line + c->first_line - 1;
		li = (size_t)line - 1;
		atcol = li < c->nlines && col > 0 ? char_col(c, li,
		    (size_t)col - 1) : col;
	}
	vb_diag_add(c->d, VB_WARNING, c->file, at, atcol,
	    "xóa mã ký tự này (dạng &#…;) khỏi văn bản",
	    "ký tự đặc biệt U+%04X không in được trong văn bản, đã thay bằng "
	    "dấu �", cp);
	return vb_text_xml_clean(c->a, lit);
}

/* Handles one inline leaf node. */
static void
inline_leaf(struct ctx *c, struct istate *st, cmark_node *n, cmark_node_type t)
{
	const char *lit = xml_safe(c, n, cmark_node_get_literal(n));

	if (t == CMARK_NODE_TEXT)
		gather(c, st, lit, cur_style(st));
	else if (t == CMARK_NODE_SOFTBREAK)
		gather(c, st, " ", cur_style(st));
	else if (t == CMARK_NODE_LINEBREAK)
		line_break(c, st);
	else if (t == CMARK_NODE_CODE)
		gather(c, st, lit, cur_style(st) | VB_CODE);
	else if (t == CMARK_NODE_HTML_INLINE)
		inline_html(c, n, st);
	else if (t == CMARK_NODE_FOOTNOTE_REFERENCE) {
		flush(c, st);
		vb_inline_add(c->a, st->out, VB_RUN_NOTE, cur_style(st), NULL,
		    NULL, c->note_base + atoi(lit ? lit : "0"));
	}
}

/* Refuses, at block n, a paragraph whose text holds a run of more than
 * VB_MAX_WORD characters without a space (across style changes): no real
 * word is that long, and breaking one into lines costs time quadratic in
 * its length. */
static void
check_words(struct ctx *c, cmark_node *n, const vb_inline *in)
{
	size_t i, run = 0;
	const char *t;
	int line, col;

	for (i = 0; i < in->n; i++) {
		if (in->runs[i].kind != VB_RUN_TEXT || in->runs[i].text == NULL) {
			run = 0;
			continue;
		}
		for (t = in->runs[i].text; *t; t++)
			if (*t == ' ' || *t == '\t' || *t == '\n' || *t == '|')
				run = 0;
			else if ((*t & 0xC0) != 0x80 && ++run > VB_MAX_WORD)
				break;
		if (*t != '\0')
			break;
	}
	if (i == in->n)
		return;
	line = cmark_node_get_start_line(n);
	col = cmark_node_get_start_column(n);
	vb_diag_add(c->d, VB_ERROR, c->file, line > 0 ? line + c->first_line - 1
	    : 0, line > 0 && col > 0 ? char_col(c, (size_t)line - 1,
	    (size_t)col - 1) : 0,
	    "thêm dấu cách giữa các từ; một đường dẫn dài thì rút gọn",
	    "đoạn có một từ dài hơn %d ký tự liền nhau (không có dấu cách)",
	    VB_MAX_WORD);
}

/* Flattens the inline content of block n into runs of out (in a table
 * cell, into the cell's lines, out being its first line). */
/* Returns the file line and character column where node n starts. */
static void
node_place(struct ctx *c, cmark_node *n, int *line, int *col)
{
	int l = cmark_node_get_start_line(n), k = cmark_node_get_start_column(n);

	*line = l > 0 ? l + c->first_line - 1 : 0;
	*col = l > 0 && k > 0 && (size_t)l <= c->nlines ?
	    char_col(c, (size_t)l - 1, (size_t)k - 1) : k;
}

/* Warns about a picture inside running text: only its caption is kept. */
static void
inline_image(struct ctx *c, cmark_node *n)
{
	int line, col;

	node_place(c, n, &line, &col);
	vb_diag_add(c->d, VB_WARNING, c->file, line, col,
	    "đặt hình trên một dòng riêng, cách đoạn trên và dưới một dòng trống",
	    "hình nằm giữa đoạn văn: chỉ giữ chú thích, không in hình");
}

static void
walk_inlines(struct ctx *c, cmark_node *n, unsigned base, vb_inline *out,
    vb_cell *cell)
{
	struct istate st;
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node *x;
	cmark_node_type t;
	size_t k;

	memset(&st, 0, sizeof(st));
	st.base = base;
	st.out = out;
	st.cell = cell;
	it = cmark_iter_new(n);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		x = cmark_iter_get_node(it);
		if (x == n)
			continue;
		t = cmark_node_get_type(x);
		if (t == CMARK_NODE_IMAGE && ev == CMARK_EVENT_ENTER &&
		    n != NULL && cmark_node_get_type(n) != CMARK_NODE_IMAGE)
			inline_image(c, x);
		if (t == CMARK_NODE_EMPH || t == CMARK_NODE_STRONG ||
		    t == CMARK_NODE_STRIKETHROUGH || t == CMARK_NODE_LINK) {
			flush(c, &st);
			inline_container(c, &st, x, t, ev == CMARK_EVENT_ENTER);
		} else if (ev == CMARK_EVENT_ENTER)
			inline_leaf(c, &st, x, t);
	}
	cmark_iter_free(it);
	flush(c, &st);
	vb_buf_free(&st.text);
	if (cell != NULL) {
		for (k = 0; k < cell->npara; k++)
			check_words(c, n, &cell->paras[k]);
	} else
		check_words(c, n, out);
}

/* Fills a block's text from the inline children of n. */
static void
block_text(struct ctx *c, vb_block *b, cmark_node *n, unsigned style)
{
	walk_inlines(c, n, style, &b->text, NULL);
}

/* Returns 1 when every non-empty cell of row r is wholly bold, at most two
 * cells are filled and the table is wide: a group row like "| **I** |
 * **Nhiệm vụ chung** | | |". */
static int
is_group_row(const vb_table *t, size_t r)
{
	size_t i, j, filled = 0;
	const vb_cell *cell;

	if (t->ncols < 3)
		return 0;
	for (i = 0; i < t->ncols; i++) {
		cell = &t->rows[r].cells[i];
		if (cell->npara == 0 || cell->paras[0].n == 0)
			continue;
		filled++;
		for (j = 0; j < cell->paras[0].n; j++)
			if (!(cell->paras[0].runs[j].style & VB_BOLD))
				return 0;
		if (i > 1)
			return 0;
	}
	return filled > 0 && filled <= 2;
}

/* Merges the content cell of group rows across the empty cells after it. */
static void
mark_groups(vb_table *t)
{
	size_t r, i;

	for (r = t->header_rows; r < t->nrows; r++) {
		if (!is_group_row(t, r))
			continue;
		t->rows[r].group = 1;
		t->rows[r].cells[1].colspan = (int)t->ncols - 1;
		for (i = 2; i < t->ncols; i++)
			t->rows[r].cells[i].colspan = 0;
	}
}

/* Returns the alignment of a delimiter-row letter. */
static vb_align
col_align(uint8_t a)
{
	return a == 'c' ? VB_ALIGN_CENTER : a == 'r' ? VB_ALIGN_RIGHT :
	    a == 'l' ? VB_ALIGN_LEFT : VB_ALIGN_DEFAULT;
}

/* Reads one table row into r. */
static void
read_row(struct ctx *c, vb_table *t, cmark_node *row, vb_row *r)
{
	cmark_node *cell;
	vb_cell *vc;
	size_t i = 0;

	r->cells = vb_alloc(c->a, sizeof(vb_cell) * (t->ncols + 1));
	r->header = cmark_gfm_extensions_get_table_row_is_header(row);
	for (i = 0; i < t->ncols; i++) {
		r->cells[i].colspan = r->cells[i].rowspan = 1;
		r->cells[i].align = r->header ? VB_ALIGN_CENTER : t->align[i];
	}
	i = 0;
	for (cell = cmark_node_first_child(row); cell && i < t->ncols;
	    cell = cmark_node_next(cell), i++) {
		vc = &r->cells[i];
		if (cmark_node_first_child(cell) == NULL)
			continue;
		walk_inlines(c, cell, r->header ? VB_BOLD : 0, cell_para(c, vc), vc);
		/* A trailing <br> leaves an empty last line: drop it. */
		while (vc->npara > 0 && vc->paras[vc->npara - 1].n == 0)
			vc->npara--;
	}
}

/* Reads a GitHub table node into a table block. */
static void
read_table(struct ctx *c, cmark_node *n)
{
	vb_block *b = new_block(c, VB_BLOCK_TABLE, n);
	vb_table *t = vb_alloc(c->a, sizeof(vb_table));
	uint8_t *al = cmark_gfm_extensions_get_table_alignments(n);
	cmark_node *row;
	size_t i, r = 0;

	b->table = t;
	t->ncols = cmark_gfm_extensions_get_table_columns(n);
	for (row = cmark_node_first_child(n); row; row = cmark_node_next(row))
		t->nrows++;
	t->rows = vb_alloc(c->a, sizeof(vb_row) * (t->nrows + 1));
	t->align = vb_alloc(c->a, sizeof(vb_align) * (t->ncols + 1));
	for (i = 0; i < t->ncols; i++)
		t->align[i] = al ? col_align(al[i]) : VB_ALIGN_DEFAULT;
	for (row = cmark_node_first_child(n); row; row = cmark_node_next(row), r++) {
		read_row(c, t, row, &t->rows[r]);
		if (t->rows[r].header)
			t->header_rows = r + 1;
	}
	mark_groups(t);
	vb_table_measure(c->a, t);
}

/* Reads a fenced or indented code block: one run per line. */
static void
read_code(struct ctx *c, cmark_node *n)
{
	vb_block *b = new_block(c, VB_BLOCK_CODE, n);
	const char *lit = cmark_node_get_literal(n), *p, *e;

	for (p = lit ? lit : ""; *p; p = *e ? e + 1 : e) {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		if (b->text.n)
			vb_inline_add(c->a, &b->text, VB_RUN_BREAK, 0, NULL,
			    NULL, 0);
		vb_inline_add(c->a, &b->text, VB_RUN_TEXT, 0,
		    vb_strndup(c->a, p, (size_t)(e - p)), NULL, 0);
	}
	b->align = VB_ALIGN_LEFT;
}

/* Returns the bullet character written at the item's source position. */
static char
bullet_char(struct ctx *c, cmark_node *item)
{
	int line = cmark_node_get_start_line(item);
	int col = cmark_node_get_start_column(item);
	size_t off;

	if (line < 1 || (size_t)line > c->nlines || col < 1)
		return '-';
	off = c->lines[line - 1] + (size_t)col - 1;
	while (off < c->len && (c->md[off] == ' ' || c->md[off] == '\t'))
		off++;
	return off < c->len ? c->md[off] : '-';
}

/* Returns the level (depth) of the innermost open list, clamped. */
static int
list_level(struct ctx *c, cmark_node *n)
{
	int depth = (int)c->nopen - 1;

	if (depth > MAX_LEVEL) {
		if (!c->warned_depth) {
			c->warned_depth = 1;
			vb_diag_add(c->d, VB_WARNING, c->file,
			    cmark_node_get_start_line(n) + c->first_line - 1, 1,
			    "Word và văn bản hành chính chỉ dùng tới 9 cấp; các cấp sâu hơn được trình bày như cấp 9",
			    "danh sách lồng quá %d cấp", MAX_LEVEL + 1);
		}
		depth = MAX_LEVEL;
	}
	return depth;
}

/* Adds the item block for a paragraph (or an empty item) of the innermost
 * open list. */
static void
add_item(struct ctx *c, cmark_node *para, cmark_node *at)
{
	struct list *l = &c->open[c->nopen - 1];
	int level = list_level(c, at);
	vb_block *b = new_block(c, VB_BLOCK_ITEM, at);

	b->level = level;
	b->list = l->id;
	b->ordinal = l->num;
	b->continued = !l->pending;
	if (l->ordered)
		b->number = vb_sprintf(c->a, "%d%c", l->num, l->paren ? ')' : '.');
	else
		b->number = l->mark == '+' || level == 1 ? "+" :
		    level >= 2 ? "•" : "-";
	if (para)
		block_text(c, b, para, c->quote ? VB_ITALIC : 0);
	l->pending = 0;
}

/* Opens a list. */
static void
open_list(struct ctx *c, cmark_node *n)
{
	struct list *l;

	c->open = vb_grow(c->a, c->open, c->nopen + 1, sizeof(struct list),
	    &c->opencap);
	l = &c->open[c->nopen++];
	memset(l, 0, sizeof(*l));
	l->ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
	l->paren = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM;
	l->num = cmark_node_get_list_start(n) - 1;
	if (l->ordered)
		l->id = ++c->lists;
}

/* Returns the paragraph's item when it is directly inside one, else NULL. */
static int
in_item(cmark_node *n)
{
	cmark_node *p = cmark_node_parent(n);

	return p && cmark_node_get_type(p) == CMARK_NODE_ITEM;
}

/* Reads one footnote definition: its paragraphs become the note. */
static void
read_note(struct ctx *c, cmark_node *def)
{
	vb_note *note;
	cmark_node *ch;
	cmark_iter *it;
	cmark_event_type ev;
	vb_inline *out;

	c->notes->items = vb_grow(c->a, c->notes->items, c->notes->n + 1,
	    sizeof(vb_note), &c->notes->cap);
	note = &c->notes->items[c->notes->n++];
	memset(note, 0, sizeof(*note));
	note->number = (int)c->notes->n;
	it = cmark_iter_new(def);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		ch = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(ch) != CMARK_NODE_PARAGRAPH)
			continue;
		out = vb_alloc(c->a, sizeof(vb_inline) * (note->npara + 1));
		if (note->npara)
			memcpy(out, note->paras, sizeof(vb_inline) * note->npara);
		note->paras = out;
		out = &note->paras[note->npara++];
		walk_inlines(c, ch, 0, out, NULL);
	}
	cmark_iter_free(it);
}

/* Returns 1 when the text node n is only white space. */
static int
blank_text(cmark_node *n)
{
	const char *s = cmark_node_get_literal(n);

	if (cmark_node_get_type(n) == CMARK_NODE_SOFTBREAK)
		return 1;
	if (cmark_node_get_type(n) != CMARK_NODE_TEXT || s == NULL)
		return 0;
	while (*s == ' ' || *s == '\t')
		s++;
	return *s == '\0';
}

/* Returns the picture that paragraph n holds alone (white space aside),
 * or NULL. */
static cmark_node *
lone_image(cmark_node *n)
{
	cmark_node *ch, *img = NULL;

	for (ch = cmark_node_first_child(n); ch; ch = cmark_node_next(ch)) {
		if (cmark_node_get_type(ch) == CMARK_NODE_IMAGE && img == NULL)
			img = ch;
		else if (!blank_text(ch))
			return NULL;
	}
	return img;
}

/* Returns 1 when paragraph n is an explicit page break: a line holding
 * only "\\newpage" or "\\pagebreak" (the spelling pandoc's users know). */
static int
page_break(cmark_node *n)
{
	cmark_node *ch = cmark_node_first_child(n);
	const char *s;
	size_t len;

	if (ch == NULL || cmark_node_next(ch) != NULL ||
	    cmark_node_get_type(ch) != CMARK_NODE_TEXT)
		return 0;
	s = cmark_node_get_literal(ch);
	if (s == NULL)
		return 0;
	while (*s == ' ')
		s++;
	len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		len--;
	return (len == 8 && strncmp(s, "\\newpage", 8) == 0) ||
	    (len == 10 && strncmp(s, "\\pagebreak", 10) == 0);
}

/* Returns 1 when url names a spreadsheet (.xlsx, .csv, .tsv). */
static int
sheet_url(const char *url)
{
	static const char *ext[] = { ".xlsx", ".csv", ".tsv", NULL };
	size_t n = url ? strlen(url) : 0, k;

	for (k = 0; ext[k]; k++)
		if (n > strlen(ext[k]) && strcasecmp(url + n - strlen(ext[k]),
		    ext[k]) == 0)
			return 1;
	return 0;
}

/* Returns the letters of runs il joined (a sheet's name). */
static const char *
plain_text(vb_arena *a, const vb_inline *il)
{
	vb_buf b = { 0 };
	const char *s;
	size_t i;

	for (i = 0; i < il->n; i++)
		if (il->runs[i].text)
			vb_buf_puts(&b, il->runs[i].text);
	s = vb_text_trim(a, b.data ? b.data : "");
	vb_buf_free(&b);
	return *s ? s : NULL;
}

/* Adds the picture block of paragraph n, which holds only picture img:
 * its file name as written, its caption from the alternative text. The
 * file is read and checked when the document is composed (image.c). */
static void
read_image(struct ctx *c, cmark_node *n, cmark_node *img)
{
	vb_block *b;
	const char *url = cmark_node_get_url(img);
	vb_inline alt = { 0 };

	if (sheet_url(url)) {
		/* a table kept in a spreadsheet, with its merged cells: read
		 * when the document is composed (document.c), as bang: is */
		b = new_block(c, VB_BLOCK_TABLE, n);
		b->sheet_file = vb_strdup(c->a, url);
		walk_inlines(c, img, 0, &alt, NULL);
		b->sheet_name = alt.n ? plain_text(c->a, &alt) : NULL;
		return;
	}
	b = new_block(c, VB_BLOCK_IMAGE, n);

	b->image = vb_alloc(c->a, sizeof(vb_image));
	b->image->src = vb_strdup(c->a, url != NULL ? url : "");
	walk_inlines(c, img, 0, &b->text, NULL);
	b->align = VB_ALIGN_CENTER;
}

/* Handles a leaf block (one whose content the walk does not enter);
 * returns 1 when n was one. */
static int
leaf_block(struct ctx *c, cmark_node *n, cmark_node_type t)
{
	vb_block *b;

	if (t == CMARK_NODE_HEADING) {
		b = new_block(c, VB_BLOCK_HEADING, n);
		b->level = cmark_node_get_heading_level(n);
		block_text(c, b, n, 0);
	} else if (t == CMARK_NODE_PARAGRAPH && !in_item(n) && !c->quote &&
	    page_break(n)) {
		new_block(c, VB_BLOCK_PAGEBREAK, n);
	} else if (t == CMARK_NODE_PARAGRAPH && !in_item(n) && !c->quote &&
	    lone_image(n) != NULL) {
		read_image(c, n, lone_image(n));
	} else if (t == CMARK_NODE_PARAGRAPH) {
		if (in_item(n) && c->nopen > 0)
			add_item(c, n, c->open[c->nopen - 1].pending ?
			    c->open[c->nopen - 1].item : n);
		else {
			b = new_block(c, c->quote ? VB_BLOCK_QUOTE : VB_BLOCK_PARA, n);
			block_text(c, b, n, c->quote ? VB_ITALIC : 0);
		}
	} else if (t == CMARK_NODE_TABLE)
		read_table(c, n);
	else if (t == CMARK_NODE_CODE_BLOCK)
		read_code(c, n);
	else if (t == CMARK_NODE_THEMATIC_BREAK)
		new_block(c, VB_BLOCK_RULE, n);
	else if (t == CMARK_NODE_FOOTNOTE_DEFINITION)
		read_note(c, n);
	else if (t == CMARK_NODE_HTML_BLOCK) {
		if (!c->warned_html) {
			c->warned_html = 1;
			vb_diag_add(c->d, VB_WARNING, c->file,
			    cmark_node_get_start_line(n) + c->first_line - 1, 1,
			    "viết nội dung bằng Markdown thay cho HTML",
			    "khối HTML bị bỏ qua");
		}
	} else
		return 0;
	return 1;
}

/* Handles entering or leaving a container block (list, item, quote). */
static void
container_block(struct ctx *c, cmark_node *n, cmark_node_type t, int enter)
{
	struct list *l;

	if (t == CMARK_NODE_LIST) {
		if (enter)
			open_list(c, n);
		else if (c->nopen > 0)
			c->nopen--;
	} else if (t == CMARK_NODE_ITEM && c->nopen > 0) {
		l = &c->open[c->nopen - 1];
		if (enter) {
			l->num++;
			l->mark = bullet_char(c, n);
			l->pending = 1;
			l->item = n;
		} else if (l->pending)	/* an empty item still shows its marker */
			add_item(c, NULL, n);
	} else if (t == CMARK_NODE_BLOCK_QUOTE)
		c->quote += enter ? 1 : -1;
}

/* An item whose content starts with something other than a paragraph (a
 * nested list, a table) gets its marker line before that content. */
static void
mark_pending_item(struct ctx *c, cmark_node *n, cmark_node_type t)
{
	struct list *l;

	if (c->nopen == 0 || t == CMARK_NODE_PARAGRAPH)
		return;
	l = &c->open[c->nopen - 1];
	if (l->pending && cmark_node_parent(n) == l->item)
		add_item(c, NULL, l->item);
}

/* Walks all blocks of the document without recursion. */
static void
read_blocks(struct ctx *c, cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node *n;
	cmark_node_type t;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		t = cmark_node_get_type(n);
		if (n == doc)
			continue;
		if (ev == CMARK_EVENT_ENTER)
			mark_pending_item(c, n, t);
		if (ev == CMARK_EVENT_ENTER && leaf_block(c, n, t)) {
			if (cmark_node_first_child(n) != NULL)
				cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			continue;
		}
		container_block(c, n, t, ev == CMARK_EVENT_ENTER);
	}
	cmark_iter_free(it);
}

/* Fills c->lines with the byte offset of every line start. */
static void
index_lines(struct ctx *c)
{
	size_t i, n = 1, cap = 0;

	c->lines = vb_grow(c->a, NULL, 1, sizeof(size_t), &cap);
	c->lines[0] = 0;
	for (i = 0; i < c->len; i++)
		if (c->md[i] == '\n') {
			c->lines = vb_grow(c->a, c->lines, n + 1,
			    sizeof(size_t), &cap);
			c->lines[n++] = i + 1;
		}
	c->nlines = n;
}

/* Returns the number of unescaped '|' of line li, counting no further
 * than max + 1, and sets *at to the byte of the last one counted. */
static size_t
pipes(const struct ctx *c, size_t li, size_t max, size_t *at)
{
	size_t i = c->lines[li], end = li + 1 < c->nlines ? c->lines[li + 1] : c->len;
	size_t n = 0;

	for (; i < end && n <= max; i++) {
		if (c->md[i] == '\\')
			i++;
		else if (c->md[i] == '|') {
			n++;
			*at = i - c->lines[li];
		}
	}
	return n;
}

/* Refuses, before cmark-gfm sees them (its table extension is slow on very
 * wide rows), a line with more table columns than a spreadsheet may have,
 * and tables with more cells than a document may build; returns 0 or -1
 * after reporting. */
static int
guard_tables(struct ctx *c)
{
	size_t li, n, at = 0, cells = 0;

	for (li = 0; li < c->nlines; li++) {
		n = pipes(c, li, VB_SHEET_MAX_COLS + 1, &at);
		if (n > VB_SHEET_MAX_COLS + 1) {
			vb_diag_add(c->d, VB_ERROR, c->file,
			    (int)li + c->first_line, char_col(c, li, at),
			    "chia bảng thành nhiều bảng, hoặc viết dấu | trong "
			    "chữ thành \\|", "dòng có quá nhiều dấu | (bảng tối đa "
			    "%d cột)", VB_SHEET_MAX_COLS);
			return -1;
		}
		if ((cells += n) > VB_BUDGET_CELLS) {
			vb_diag_add(c->d, VB_ERROR, c->file,
			    (int)li + c->first_line, 1,
			    "chia văn bản thành nhiều văn bản nhỏ hơn",
			    "các bảng có quá nhiều ô (tối đa %u ô)", VB_BUDGET_CELLS);
			return -1;
		}
	}
	return 0;
}

/* cmark's allocator, which aborts when memory runs out: ours says so in
 * Vietnamese and exits with status 1 instead. */
static void *
mem_calloc(size_t n, size_t size)
{
	void *p = calloc(n, size);

	if (p == NULL && n > 0 && size > 0)
		vb_out_of_memory();
	return p;
}

/* Returns realloc's result, or ends as mem_calloc does. */
static void *
mem_realloc(void *old, size_t size)
{
	void *p = realloc(old, size);

	if (p == NULL && size > 0)
		vb_out_of_memory();
	return p;
}

/* Frees p. */
static void
mem_free(void *p)
{
	free(p);
}

/* Returns a parser with the GitHub extensions attached. */
static cmark_parser *
new_parser(void)
{
	static const char *const exts[] = {"table", "strikethrough", "autolink"};
	static cmark_mem mem = { mem_calloc, mem_realloc, mem_free };
	cmark_parser *p;
	size_t i;

	cmark_gfm_core_extensions_ensure_registered();
	p = cmark_parser_new_with_mem(CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS |
	    CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE, &mem);
	for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
		cmark_parser_attach_syntax_extension(p,
		    cmark_find_syntax_extension(exts[i]));
	return p;
}

int
vb_body_parse(vb_arena *a, const char *file, const char *md, size_t len,
    int first_line, vb_part *part, vb_notes *notes, vb_diags *d)
{
	struct ctx c;
	cmark_parser *p;
	cmark_node *doc;

	memset(&c, 0, sizeof(c));
	c.a = a;
	c.file = file;
	c.md = md;
	c.len = len;
	c.first_line = first_line;
	c.part = part;
	c.cap = part->n;
	c.notes = notes;
	c.note_base = (int)notes->n;
	c.d = d;
	index_lines(&c);
	if (guard_tables(&c) < 0)
		return -1;
	p = new_parser();
	cmark_parser_feed(p, md, len);
	doc = cmark_parser_finish(p);
	read_blocks(&c, doc);
	cmark_node_free(doc);
	cmark_parser_free(p);
	return 0;
}
