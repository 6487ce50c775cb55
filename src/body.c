/* body.c - walking the cmark-gfm tree of the body and flattening it into the
 * blocks of the document model: each paragraph one block, lists marked the
 * way Vietnamese plans mark them ("-" then "+"), tables as vb_table. */
#include "body.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "table.h"
#include "text.h"

/* Table node types are variables of the extensions library, not declared in
 * any installed header (library-notes.md §1). */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW,
    CMARK_NODE_TABLE_CELL, CMARK_NODE_STRIKETHROUGH;

/* Deepest list nesting accepted; deeper items are flattened to this depth. */
#define MAX_DEPTH 32

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
	vb_diags *d;		/* problems */
	int warned_html;	/* raw HTML warning given once */
};

/* Inline walking state: styles switched on by raw HTML tags. */
struct istate {
	unsigned html;		/* styles opened by <b>, <i>, … */
	int split;		/* 1: <br> starts a new paragraph (table cells) */
};

void
vb_inline_add(vb_arena *a, vb_inline *in, vb_run_kind kind, unsigned style,
    const char *text, const char *href, int note)
{
	vb_run *last = in->n ? &in->runs[in->n - 1] : NULL;
	size_t cap = in->n;

	if (kind == VB_RUN_TEXT && last && last->kind == VB_RUN_TEXT &&
	    last->style == style && last->href == href) {
		last->text = vb_sprintf(a, "%s%s", last->text, text);
		return;
	}
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

/* Returns a new block at the end of the part. */
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
		b->col = li < c->nlines && col > 0
		    ? (int)vb_utf8_chars(c->md + c->lines[li], (size_t)col - 1) + 1
		    : col;
	}
	return b;
}

/* Returns NFC text in the arena (the raw text if it is not valid UTF-8,
 * which the caller has already ruled out). */
static const char *
nfc(struct ctx *c, const char *s)
{
	const char *r = vb_text_nfc(c->a, s, strlen(s));

	return r ? r : vb_strdup(c->a, s);
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

/* Adds a new empty paragraph to a cell being filled. */
static vb_inline *
cell_para(struct ctx *c, vb_cell *cell)
{
	vb_inline *p = vb_alloc(c->a, sizeof(vb_inline) * (cell->npara + 1));

	if (cell->npara)
		memcpy(p, cell->paras, sizeof(vb_inline) * cell->npara);
	cell->paras = p;
	return &cell->paras[cell->npara++];
}

static void walk_inlines(struct ctx *, cmark_node *, unsigned, const char *,
    vb_inline **, vb_cell *, struct istate *);

/* Handles one raw HTML inline node. */
static void
inline_html(struct ctx *c, cmark_node *n, vb_inline **out, vb_cell *cell,
    struct istate *st, unsigned style)
{
	const char *t = cmark_node_get_literal(n);
	int close, br;
	unsigned bit = html_tag(t ? t : "", &close, &br);

	if (br) {
		if (cell)
			*out = cell_para(c, cell);
		else
			vb_inline_add(c->a, *out, VB_RUN_BREAK, style, NULL,
			    NULL, 0);
	} else if (bit) {
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

/* Flattens the inline children of n into runs of *out. In a table cell,
 * hard breaks start a new cell paragraph. */
static void
walk_inlines(struct ctx *c, cmark_node *n, unsigned style, const char *href,
    vb_inline **out, vb_cell *cell, struct istate *st)
{
	cmark_node *ch;
	cmark_node_type t;
	unsigned s;
	const char *lit;

	for (ch = cmark_node_first_child(n); ch; ch = cmark_node_next(ch)) {
		t = cmark_node_get_type(ch);
		s = style | st->html;
		lit = cmark_node_get_literal(ch);
		if (t == CMARK_NODE_TEXT)
			vb_inline_add(c->a, *out, VB_RUN_TEXT, s, nfc(c, lit),
			    href, 0);
		else if (t == CMARK_NODE_SOFTBREAK)
			vb_inline_add(c->a, *out, VB_RUN_TEXT, s, " ", href, 0);
		else if (t == CMARK_NODE_LINEBREAK) {
			if (cell)
				*out = cell_para(c, cell);
			else
				vb_inline_add(c->a, *out, VB_RUN_BREAK, s, NULL,
				    NULL, 0);
		} else if (t == CMARK_NODE_CODE)
			vb_inline_add(c->a, *out, VB_RUN_TEXT, s | VB_CODE,
			    nfc(c, lit), href, 0);
		else if (t == CMARK_NODE_EMPH)
			walk_inlines(c, ch, style | VB_ITALIC, href, out, cell, st);
		else if (t == CMARK_NODE_STRONG)
			walk_inlines(c, ch, style | VB_BOLD, href, out, cell, st);
		else if (t == CMARK_NODE_STRIKETHROUGH)
			walk_inlines(c, ch, style | VB_STRIKE, href, out, cell, st);
		else if (t == CMARK_NODE_LINK)
			walk_inlines(c, ch, style,
			    vb_strdup(c->a, cmark_node_get_url(ch)), out, cell, st);
		else if (t == CMARK_NODE_IMAGE)
			walk_inlines(c, ch, style, href, out, cell, st);
		else if (t == CMARK_NODE_HTML_INLINE)
			inline_html(c, ch, out, cell, st, s);
		else if (t == CMARK_NODE_FOOTNOTE_REFERENCE)
			vb_inline_add(c->a, *out, VB_RUN_NOTE, s, NULL, NULL,
			    c->note_base + atoi(lit ? lit : "0"));
	}
}

/* Fills a block's text from the inline children of n. */
static void
block_text(struct ctx *c, vb_block *b, cmark_node *n, unsigned style)
{
	struct istate st = {0, 0};
	vb_inline *out = &b->text;

	walk_inlines(c, n, style, NULL, &out, NULL, &st);
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
		if (cell->npara == 0)
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

/* Reads a GitHub table node into a table block. */
static void
read_table(struct ctx *c, cmark_node *n)
{
	vb_block *b = new_block(c, VB_BLOCK_TABLE, n);
	vb_table *t = vb_alloc(c->a, sizeof(vb_table));
	uint8_t *al = cmark_gfm_extensions_get_table_alignments(n);
	cmark_node *row, *cell;
	size_t i, r = 0;
	struct istate st;
	vb_inline *out;
	vb_cell *vc;

	b->table = t;
	t->ncols = cmark_gfm_extensions_get_table_columns(n);
	for (row = cmark_node_first_child(n); row; row = cmark_node_next(row))
		t->nrows++;
	t->rows = vb_alloc(c->a, sizeof(vb_row) * (t->nrows + 1));
	t->align = vb_alloc(c->a, sizeof(vb_align) * (t->ncols + 1));
	for (i = 0; i < t->ncols; i++)
		t->align[i] = !al ? VB_ALIGN_DEFAULT : al[i] == 'c' ?
		    VB_ALIGN_CENTER : al[i] == 'r' ? VB_ALIGN_RIGHT :
		    al[i] == 'l' ? VB_ALIGN_LEFT : VB_ALIGN_DEFAULT;
	for (row = cmark_node_first_child(n); row; row = cmark_node_next(row), r++) {
		t->rows[r].cells = vb_alloc(c->a, sizeof(vb_cell) * (t->ncols + 1));
		t->rows[r].header = cmark_gfm_extensions_get_table_row_is_header(row);
		if (t->rows[r].header)
			t->header_rows = r + 1;
		i = 0;
		for (cell = cmark_node_first_child(row); cell && i < t->ncols;
		    cell = cmark_node_next(cell), i++) {
			vc = &t->rows[r].cells[i];
			vc->colspan = vc->rowspan = 1;
			vc->align = t->rows[r].header ? VB_ALIGN_CENTER : t->align[i];
			if (cmark_node_first_child(cell) == NULL)
				continue;
			memset(&st, 0, sizeof(st));
			st.split = 1;
			out = cell_para(c, vc);
			walk_inlines(c, cell, t->rows[r].header ? VB_BOLD : 0,
			    NULL, &out, vc, &st);
		}
		for (; i < t->ncols; i++)
			t->rows[r].cells[i].colspan = t->rows[r].cells[i].rowspan = 1;
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
		    nfc(c, vb_strndup(c->a, p, (size_t)(e - p))), NULL, 0);
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

static void read_blocks(struct ctx *, cmark_node *, int, int);

/* Reads a list: every paragraph of every item becomes an item block. */
static void
read_list(struct ctx *c, cmark_node *list, int depth, int quote)
{
	cmark_node *item, *ch;
	int ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
	int paren = cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM;
	int num = cmark_node_get_list_start(list), id = 0, first;
	vb_block *b;
	char mark;

	if (ordered)
		id = ++c->lists;
	for (item = cmark_node_first_child(list); item;
	    item = cmark_node_next(item), num++) {
		mark = bullet_char(c, item);
		first = 1;
		for (ch = cmark_node_first_child(item); ch; ch = cmark_node_next(ch)) {
			if (cmark_node_get_type(ch) != CMARK_NODE_PARAGRAPH) {
				read_blocks(c, ch, depth + 1 < MAX_DEPTH ?
				    depth + 1 : depth, quote);
				continue;
			}
			b = new_block(c, VB_BLOCK_ITEM, first ? item : ch);
			b->level = depth;
			b->list = id;
			b->ordinal = num;
			b->continued = !first;
			if (ordered)
				b->number = vb_sprintf(c->a, "%d%c", num,
				    paren ? ')' : '.');
			else
				b->number = mark == '+' || depth == 1 ? "+" :
				    depth >= 2 ? "•" : "-";
			block_text(c, b, ch, quote ? VB_ITALIC : 0);
			first = 0;
		}
		if (first) {	/* an empty item still shows its marker */
			b = new_block(c, VB_BLOCK_ITEM, item);
			b->level = depth;
			b->list = id;
			b->ordinal = num;
			b->number = ordered ? vb_sprintf(c->a, "%d.", num) : "-";
		}
	}
}

/* Reads one footnote definition: its paragraphs become the note. */
static void
read_note(struct ctx *c, cmark_node *def)
{
	vb_note *note;
	cmark_node *ch;
	cmark_iter *it;
	cmark_event_type ev;
	struct istate st;
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
		memset(&st, 0, sizeof(st));
		walk_inlines(c, ch, 0, NULL, &out, NULL, &st);
	}
	cmark_iter_free(it);
}

/* Reads one block node (and, for containers, its children). */
static void
read_block(struct ctx *c, cmark_node *n, int depth, int quote)
{
	cmark_node_type t = cmark_node_get_type(n);
	vb_block *b;

	if (t == CMARK_NODE_HEADING) {
		b = new_block(c, VB_BLOCK_HEADING, n);
		b->level = cmark_node_get_heading_level(n);
		block_text(c, b, n, 0);
	} else if (t == CMARK_NODE_PARAGRAPH) {
		b = new_block(c, quote ? VB_BLOCK_QUOTE : VB_BLOCK_PARA, n);
		block_text(c, b, n, quote ? VB_ITALIC : 0);
	} else if (t == CMARK_NODE_LIST)
		read_list(c, n, depth, quote);
	else if (t == CMARK_NODE_BLOCK_QUOTE)
		read_blocks(c, n, depth, 1);
	else if (t == CMARK_NODE_CODE_BLOCK)
		read_code(c, n);
	else if (t == CMARK_NODE_THEMATIC_BREAK)
		new_block(c, VB_BLOCK_RULE, n);
	else if (t == CMARK_NODE_TABLE)
		read_table(c, n);
	else if (t == CMARK_NODE_FOOTNOTE_DEFINITION)
		read_note(c, n);
	else if (t == CMARK_NODE_HTML_BLOCK && !c->warned_html) {
		c->warned_html = 1;
		vb_diag_add(c->d, VB_WARNING, c->file,
		    cmark_node_get_start_line(n) + c->first_line - 1, 1,
		    "viết nội dung bằng Markdown thay cho HTML",
		    "khối HTML bị bỏ qua");
	}
}

/* Reads the children of a container node. */
static void
read_blocks(struct ctx *c, cmark_node *parent, int depth, int quote)
{
	cmark_node *n;

	if (cmark_node_get_type(parent) == CMARK_NODE_LIST) {
		read_list(c, parent, depth, quote);
		return;
	}
	if (cmark_node_get_type(parent) != CMARK_NODE_DOCUMENT &&
	    cmark_node_get_type(parent) != CMARK_NODE_BLOCK_QUOTE &&
	    cmark_node_get_type(parent) != CMARK_NODE_ITEM) {
		read_block(c, parent, depth, quote);
		return;
	}
	for (n = cmark_node_first_child(parent); n; n = cmark_node_next(n))
		read_block(c, n, depth, quote);
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

/* Returns a parser with the GitHub extensions attached. */
static cmark_parser *
new_parser(void)
{
	static const char *const exts[] = {"table", "strikethrough", "autolink"};
	cmark_parser *p;
	size_t i;

	cmark_gfm_core_extensions_ensure_registered();
	p = cmark_parser_new(CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS |
	    CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE);
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
	p = new_parser();
	cmark_parser_feed(p, md, len);
	doc = cmark_parser_finish(p);
	read_blocks(&c, doc, 0, 0);
	cmark_node_free(doc);
	cmark_parser_free(p);
	return 0;
}
