/* tasks.c - collecting task blocks of a plan into its appendix table, so
 * the body and the appendix can never disagree. */
#include "tasks.h"

#include <string.h>

#include "base/text.h"
#include "body.h"
#include "model/numbering.h"
#include "sheet/table.h"

/* Columns of the standard task table; COL_EXEC is not a column but the
 * "thực hiện" line, which shares the lead column with "chủ trì". */
enum col { COL_TT, COL_TASK, COL_LEAD, COL_WITH, COL_TIME, COL_PRODUCT, NCOLS,
    COL_EXEC = NCOLS };

/* A label that introduces one column's value in a task block. */
struct label {
	const char *text;	/* label as written, lower-case, before ':' */
	enum col col;		/* column it fills */
};

static const struct label labels[] = {
	{"đơn vị chủ trì", COL_LEAD},
	{"đơn vị thực hiện", COL_EXEC},
	{"cơ quan chủ trì", COL_LEAD},
	{"cơ quan thực hiện", COL_EXEC},
	{"chủ trì", COL_LEAD},
	{"đơn vị phối hợp", COL_WITH},
	{"cơ quan phối hợp", COL_WITH},
	{"phối hợp", COL_WITH},
	{"thời gian", COL_TIME},
	{"sản phẩm", COL_PRODUCT},
	{NULL, 0}
};

static const char *const headings[NCOLS] = {
	"TT", "Nội dung", "Đơn vị chủ trì/thực hiện", "Đơn vị phối hợp",
	"Thời gian", "Sản phẩm"
};

/* Returns s past a lead-in number ("1.3. ", "a) ") and spaces. */
static const char *
skip_number(const char *s)
{
	const char *p = s;

	while ((*p >= '0' && *p <= '9') || *p == '.')
		p++;
	if (p > s && *p == ' ')
		return p + 1;
	return s;
}

/* Returns the column a labelled line fills and sets *value, or -1. */
static int
match_label(vb_arena *a, const char *text, const char **value)
{
	const char *s = skip_number(text), *colon = strchr(s, ':');
	char *head;
	size_t i, n;

	if (colon == NULL || colon - s > 60)
		return -1;
	head = vb_text_lower(a, vb_strndup(a, s, (size_t)(colon - s)));
	for (i = 0; labels[i].text; i++) {
		n = strlen(labels[i].text);
		if (strncmp(head, labels[i].text, n) == 0) {
			char *v = vb_text_trim(a, colon + 1);
			n = strlen(v);
			if (n >= 3 && strcmp(v + n - 3, "./.") == 0)
				v[n -= 2] = '\0';	/* the body's end mark */
			while (n > 0 && strchr(".;", v[n - 1]))
				v[--n] = '\0';
			*value = v;
			return (int)labels[i].col;
		}
	}
	return -1;
}

/* Sets one cell to a single line of plain text. */
static void
set_cell(vb_arena *a, vb_cell *c, const char *text, unsigned style)
{
	c->colspan = c->rowspan = 1;
	if (text == NULL || *text == '\0')
		return;
	c->paras = vb_alloc(a, sizeof(vb_inline));
	c->npara = 1;
	vb_inline_add(a, &c->paras[0], VB_RUN_TEXT, style, text, NULL, 0);
}

/* The lines of one task's cells, one line per assignment block. */
struct lines {
	const char **v[NCOLS];	/* lines of each column */
	size_t n[NCOLS];	/* number of lines */
	size_t cap[NCOLS];	/* allocated lines */
	const char *blk[NCOLS + 1]; /* the assignment block being read */
	int found;		/* labelled lines seen */
};

/* Adds line v to column col, unless the column already has it. */
static void
add_line(vb_arena *a, struct lines *l, int col, const char *v)
{
	size_t i;

	if (v == NULL || *v == '\0')
		return;
	for (i = 0; i < l->n[col]; i++)
		if (strcmp(l->v[col][i], v) == 0)
			return;
	l->v[col] = vb_grow(a, l->v[col], l->n[col] + 1, sizeof(char *),
	    &l->cap[col]);
	l->v[col][l->n[col]++] = v;
}

/* Ends the assignment block being read: its lines go to their columns.
 * A block with both "chủ trì" and "thực hiện" shows the lead in the lead
 * column and the executing units among those taking part. */
static void
end_block(vb_arena *a, struct lines *l)
{
	const char **b = l->blk;
	int col;

	if (b[COL_LEAD] != NULL && b[COL_EXEC] != NULL)
		add_line(a, l, COL_WITH, b[COL_EXEC]);
	add_line(a, l, COL_LEAD, b[COL_LEAD] != NULL ? b[COL_LEAD] :
	    b[COL_EXEC]);
	for (col = COL_WITH; col < NCOLS; col++)
		add_line(a, l, col, b[col]);
	memset(l->blk, 0, sizeof(l->blk));
}

/* Sets one cell to the lines of a column. */
static void
set_lines(vb_arena *a, vb_cell *c, const struct lines *l, int col)
{
	size_t i;

	c->colspan = c->rowspan = 1;
	if (l->n[col] == 0)
		return;
	c->paras = vb_alloc(a, sizeof(vb_inline) * l->n[col]);
	c->npara = l->n[col];
	for (i = 0; i < l->n[col]; i++)
		vb_inline_add(a, &c->paras[i], VB_RUN_TEXT, 0, l->v[col][i],
		    NULL, 0);
}

/* A table under construction. */
struct build {
	vb_arena *a;		/* arena */
	vb_table *t;		/* the table */
	size_t cap;		/* allocated rows */
	int groups;		/* group rows so far */
	int tasks;		/* task rows in the current group */
	int total;		/* task rows in all */
	int products;		/* task rows with a "Sản phẩm" line */
	const char *group;	/* pending group title, added with its first task */
};

/* Returns a new empty row of the table. */
static vb_row *
add_row(struct build *b)
{
	vb_row *r;
	size_t i;

	b->t->rows = vb_grow(b->a, b->t->rows, b->t->nrows + 1, sizeof(vb_row),
	    &b->cap);
	r = &b->t->rows[b->t->nrows++];
	memset(r, 0, sizeof(*r));
	r->cells = vb_alloc(b->a, sizeof(vb_cell) * NCOLS);
	for (i = 0; i < NCOLS; i++)
		r->cells[i].colspan = r->cells[i].rowspan = 1;
	return r;
}

/* Adds the pending group row, if any. */
static void
flush_group(struct build *b)
{
	vb_row *r;
	size_t i;

	if (b->group == NULL)
		return;
	r = add_row(b);
	r->group = 1;
	set_cell(b->a, &r->cells[COL_TT], vb_roman(b->a, ++b->groups), VB_BOLD);
	r->cells[COL_TT].align = VB_ALIGN_CENTER;
	set_cell(b->a, &r->cells[COL_TASK], b->group, VB_BOLD);
	r->cells[COL_TASK].colspan = NCOLS - 1;
	for (i = COL_TASK + 1; i < NCOLS; i++)
		r->cells[i].colspan = 0;
	b->group = NULL;
	b->tasks = 0;
}

/* Scans the blocks after heading h (up to the next heading at its level
 * or above) for labelled lines; adds a task row when any is found. A
 * label seen again starts a new assignment block (a task done in several
 * parts): each block gives its own line in the cells. */
static void
scan_task(struct build *b, const vb_part *body, size_t h)
{
	const vb_block *hb = &body->blocks[h];
	struct lines l;
	const char *v;
	size_t i;
	int col;
	vb_row *r;

	memset(&l, 0, sizeof(l));
	for (i = h + 1; i < body->n; i++) {
		const vb_block *x = &body->blocks[i];
		if (x->kind == VB_BLOCK_HEADING && x->level <= hb->level)
			break;
		if (x->kind != VB_BLOCK_PARA && x->kind != VB_BLOCK_ITEM)
			continue;
		col = match_label(b->a, vb_inline_text(b->a, &x->text), &v);
		if (col <= 0 || *v == '\0')
			continue;
		if (l.blk[col] != NULL)
			end_block(b->a, &l);
		l.blk[col] = v;
		l.found++;
	}
	if (!l.found)
		return;
	end_block(b->a, &l);
	flush_group(b);
	r = add_row(b);
	set_cell(b->a, &r->cells[COL_TT], vb_sprintf(b->a, "%d", ++b->tasks), 0);
	r->cells[COL_TT].align = VB_ALIGN_CENTER;
	set_cell(b->a, &r->cells[COL_TASK], vb_inline_text(b->a, &hb->text), 0);
	for (col = COL_LEAD; col < NCOLS; col++)
		set_lines(b->a, &r->cells[col], &l, col);
	b->total++;
	b->products += l.n[COL_PRODUCT] > 0;
}

/* Removes the last column of t (the cells stay allocated). */
static void
drop_last_column(vb_table *t)
{
	size_t r;

	t->ncols--;
	for (r = 0; r < t->nrows; r++)
		if (t->rows[r].group)
			t->rows[r].cells[COL_TASK].colspan = (int)t->ncols - 1;
}

vb_table *
vb_tasks_table(vb_arena *a, const vb_part *body)
{
	struct build b;
	vb_row *head;
	size_t i;

	memset(&b, 0, sizeof(b));
	b.a = a;
	b.t = vb_alloc(a, sizeof(vb_table));
	b.t->ncols = NCOLS;
	b.t->align = vb_alloc(a, sizeof(vb_align) * NCOLS);
	head = add_row(&b);
	head->header = 1;
	b.t->header_rows = 1;
	for (i = 0; i < NCOLS; i++) {
		set_cell(a, &head->cells[i], headings[i], VB_BOLD);
		head->cells[i].align = VB_ALIGN_CENTER;
	}
	for (i = 0; i < body->n; i++) {
		const vb_block *x = &body->blocks[i];
		if (x->kind != VB_BLOCK_HEADING)
			continue;
		if (x->level == 1)
			b.group = vb_inline_text(a, &x->text);
		else
			scan_task(&b, body, i);
	}
	if (b.total == 0)
		return NULL;
	if (b.products == 0)	/* no task names a product: drop the column */
		drop_last_column(b.t);
	vb_table_measure(a, b.t);
	return b.t;
}
