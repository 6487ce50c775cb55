/* check.c - "vanban check": runs the parser, then every lint of lint_*.c on
 * the same source, and hands back each problem once, sorted by position. */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "base/buf.h"
#include "base/filekind.h"
#include "base/infile.h"
#include "base/text.h"
#include "convert.h"
#include "lint.h"
#include "model/document.h"
#include "model/numbering.h"
#include "model/scheme.h"
#include "parse/agency.h"
#include "parse/body.h"

/* Returns 1 when the line is a front matter fence: "---" (or "..." when
 * closing) with only blanks after it. */
static int
is_fence(const vb_line *ln, int closing)
{
	size_t i;

	if (ln->len < 3 || (strncmp(ln->s, "---", 3) != 0 &&
	    !(closing && strncmp(ln->s, "...", 3) == 0)))
		return 0;
	for (i = 3; i < ln->len; i++)
		if (ln->s[i] != ' ' && ln->s[i] != '\t')
			return 0;
	return 1;
}

/* Splits data into lines (a leading BOM is skipped). */
static void
split_lines(vb_lint *l, const char *data, size_t len)
{
	size_t i = 0, start, cap = 0;
	vb_line *ln;

	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i <= len) {
		start = i;
		while (i < len && data[i] != '\n')
			i++;
		if (i == len && start == len && l->nlines > 0)
			break;	/* no empty last line after a final '\n' */
		l->lines = vb_grow(l->a, l->lines, l->nlines + 1,
		    sizeof(vb_line), &cap);
		ln = &l->lines[l->nlines++];
		ln->s = data + start;
		ln->len = i - start;
		if (ln->len > 0 && ln->s[ln->len - 1] == '\r')
			ln->len--;
		ln->code = 0;
		i++;
	}
}

/* Returns the fence character when the line opens or closes a fenced code
 * block ("```" or "~~~", up to three spaces in), else 0; *n is its length. */
static char
code_fence(const vb_line *ln, size_t *n)
{
	size_t i = 0, k;

	while (i < ln->len && i < 3 && ln->s[i] == ' ')
		i++;
	if (i >= ln->len || (ln->s[i] != '`' && ln->s[i] != '~'))
		return 0;
	for (k = i; k < ln->len && ln->s[k] == ln->s[i]; k++)
		;
	*n = k - i;
	return *n >= 3 ? ln->s[i] : 0;
}

/* Finds the front matter and the body, and marks fenced code lines. */
static void
map_lines(vb_lint *l)
{
	size_t i, n, open = 0;
	char fence = 0, c;

	l->body_first = 1;
	if (l->nlines > 0 && is_fence(&l->lines[0], 0))
		for (i = 1; i < l->nlines; i++)
			if (is_fence(&l->lines[i], 1)) {
				l->fm_first = 2;
				l->fm_last = (int)i;
				l->body_first = (int)i + 2;
				break;
			}
	for (i = (size_t)l->body_first - 1; i < l->nlines; i++) {
		c = code_fence(&l->lines[i], &n);
		if (fence) {
			l->lines[i].code = 1;
			if (c == fence && n >= open)
				fence = 0;
		} else if (c) {
			fence = c;
			open = n;
			l->lines[i].code = 1;
		}
	}
}

/* Records where the value of path starts. */
static void
add_key(vb_lint *l, const char *path, const yaml_node_t *v, size_t *cap)
{
	vb_fmkey *k;

	l->keys = vb_grow(l->a, l->keys, l->nkeys + 1, sizeof(vb_fmkey), cap);
	k = &l->keys[l->nkeys++];
	k->path = vb_strdup(l->a, path);
	k->pos.line = (int)v->start_mark.line + l->fm_first;
	k->pos.col = (int)v->start_mark.column + 1;
}

/* Indexes the keys of the top mapping and of the mappings under it
 * ("ky.chuc_vu") with the positions of their values. */
static void
index_keys(vb_lint *l, const char *yaml, size_t len)
{
	yaml_parser_t y;
	yaml_document_t doc;
	yaml_node_t *root, *k, *v, *k2, *v2;
	yaml_node_pair_t *p, *q;
	size_t cap = 0;

	if (!yaml_parser_initialize(&y))
		return;
	yaml_parser_set_input_string(&y, (const unsigned char *)yaml, len);
	if (!yaml_parser_load(&y, &doc)) {
		yaml_parser_delete(&y);
		return;
	}
	root = yaml_document_get_root_node(&doc);
	for (p = root && root->type == YAML_MAPPING_NODE ?
	    root->data.mapping.pairs.start : NULL;
	    p && p < root->data.mapping.pairs.top; p++) {
		k = yaml_document_get_node(&doc, p->key);
		v = yaml_document_get_node(&doc, p->value);
		if (k->type != YAML_SCALAR_NODE)
			continue;
		add_key(l, (const char *)k->data.scalar.value, v, &cap);
		if (v->type != YAML_MAPPING_NODE)
			continue;
		for (q = v->data.mapping.pairs.start;
		    q < v->data.mapping.pairs.top; q++) {
			k2 = yaml_document_get_node(&doc, q->key);
			v2 = yaml_document_get_node(&doc, q->value);
			if (k2->type == YAML_SCALAR_NODE)
				add_key(l, vb_sprintf(l->a, "%s.%s",
				    (const char *)k->data.scalar.value,
				    (const char *)k2->data.scalar.value), v2, &cap);
		}
	}
	yaml_document_delete(&doc);
	yaml_parser_delete(&y);
}

/* Reads the front matter into l->meta (problems were already reported by
 * the parser, so they go to a scratch list). */
static void
read_meta(vb_lint *l)
{
	vb_diags scratch = {0};
	const char *yaml;
	vb_agency ag;
	size_t len;

	if (l->fm_first == 0)
		return;
	vb_agency_load(l->a, strcmp(l->path, "<stdin>") == 0 ? "-" : l->path,
	    &ag, &scratch);
	yaml = l->lines[l->fm_first - 1].s;
	len = l->fm_last >= l->fm_first ? (size_t)(l->lines[l->fm_last - 1].s +
	    l->lines[l->fm_last - 1].len - yaml) : 0;
	if (vb_frontmatter_parse_over(l->a, l->path, yaml, len, l->fm_first,
	    vb_agency_meta(&ag), &l->meta, &scratch) == 0) {
		l->have_meta = 1;
		l->type = l->meta.kind ? vb_doctype_find(l->meta.kind) : NULL;
	}
	vb_diags_free(&scratch);
	index_keys(l, yaml, len);
}

/* Parses the body into blocks and numbers its headings; the numbering
 * warnings repeat the parser's (removed later) or stand in for them when
 * the parser stopped at the front matter. */
static void
read_body(vb_lint *l)
{
	vb_diags scratch = {0};
	vb_notes notes = {0};
	const char *md;
	size_t len;

	if ((size_t)l->body_first > l->nlines)
		return;
	md = l->lines[l->body_first - 1].s;
	len = (size_t)(l->lines[l->nlines - 1].s + l->lines[l->nlines - 1].len - md);
	md = vb_strndup(l->a, md, len);
	l->body.file = l->path;
	vb_body_parse(l->a, l->path, md, len, l->body_first, &l->body, &notes,
	    &scratch);
	vb_diags_free(&scratch);
	vb_scheme_apply(l->a, &l->body, l->d);
	vb_number_headings(l->a, &l->body, l->d);
}

/* A diagnostic with its place in the original order, for a stable sort. */
struct ranked {
	vb_diag g;		/* the diagnostic */
	size_t idx;		/* its index before sorting */
	int main;		/* 1 when it is about the checked file itself */
};

/* Returns <0, 0, >0 as a sorts before, with or after b. */
static int
cmp_ranked(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;
	int c;

	if (a->main != b->main)
		return b->main - a->main;
	if ((c = strcmp(a->g.file, b->g.file)) != 0)
		return c;
	if (a->g.line != b->g.line)
		return a->g.line - b->g.line;
	if (a->g.col != b->g.col)
		return a->g.col - b->g.col;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* Returns 1 when two diagnostics say the same thing at the same place. */
static int
same(const vb_diag *a, const vb_diag *b)
{
	return a->severity == b->severity && a->line == b->line &&
	    a->col == b->col && strcmp(a->file, b->file) == 0 &&
	    strcmp(a->msg ? a->msg : "", b->msg ? b->msg : "") == 0;
}

/* Sorts the diagnostics from index from on by file, line and column, and
 * drops repeats; recounts the errors. */
static void
sort_unique(vb_diags *d, size_t from, const char *path)
{
	struct ranked *r;
	size_t i, n = d->n - from, k = 0;

	if (n == 0 || (r = calloc(n, sizeof(*r))) == NULL)
		return;
	for (i = 0; i < n; i++) {
		r[i].g = d->items[from + i];
		r[i].idx = i;
		r[i].main = strcmp(r[i].g.file, path) == 0;
		if (r[i].main && r[i].g.line <= 0) {	/* about the whole file */
			r[i].g.line = 1;
			r[i].g.col = 1;
		}
	}
	qsort(r, n, sizeof(*r), cmp_ranked);
	for (i = 0; i < n; i++) {
		if (k > 0 && same(&d->items[from + k - 1], &r[i].g)) {
			free(r[i].g.file);
			free(r[i].g.msg);
			free(r[i].g.hint);
			continue;
		}
		d->items[from + k++] = r[i].g;
	}
	free(r);
	d->n = from + k;
	for (d->errors = 0, i = 0; i < d->n; i++)
		d->errors += d->items[i].severity == VB_ERROR;
}

/* Reports a file that is not UTF-8: a legacy Vietnamese encoding when it
 * looks like one (returns 1), else leaves it to the parser (returns 0). */
static int
legacy_bytes(const char *path, const char *data, size_t len, vb_diags *d)
{
	size_t bad = 0, i, ls = 0;
	vb_legacy enc = vb_legacy_guess(data, len, 0, NULL);
	char hint[512];
	int line = 1;

	if (enc == VB_LEGACY_NONE)
		return 0;
	vb_utf8_valid(data, len, &bad);
	for (i = 0; i < bad; i++)
		if (data[i] == '\n') {
			line++;
			ls = i + 1;
		}
	snprintf(hint, sizeof(hint), "chuyển sang Unicode bằng: vanban convert "
	    "--from %s %s", vb_legacy_key(enc), path);
	vb_diag_add(d, VB_ERROR, path, line, (int)(bad - ls) + 1, hint,
	    "tệp không phải UTF-8: có vẻ là văn bản bảng mã %s cũ",
	    vb_legacy_name(enc));
	return 1;
}

/* Returns what to do with a binary file of kind k named path. */
static const char *
binary_hint(vb_arena *a, vb_filekind k, const char *path)
{
	if (vb_filekind_importable(k))
		return vb_sprintf(a, "chuyển thành văn bản vanban bằng: vanban import %s", path);
	if (k == VB_FILE_XLSX || k == VB_FILE_ODF)
		return vb_sprintf(a, "bảng tính dùng làm phụ lục: khai báo 'bang: %s' trong "
		    "phu_luc, hoặc in thành bảng Markdown bằng: vanban table %s", path, path);
	if (k == VB_FILE_PDF)
		return "mở tệp gốc (Word) của văn bản và dùng vanban import; nếu chỉ có "
		    "PDF, chép chữ ra một tệp .txt rồi dùng vanban import TỆP.txt";
	if (k == VB_FILE_RTF)
		return "mở tệp bằng Word, lưu thành .docx rồi dùng vanban import";
	return "vanban chỉ đọc văn bản Markdown (.md) lưu bằng UTF-8";
}

int
vb_check_binary(const char *path, const char *data, size_t len, vb_diags *d)
{
	const char *base = strrchr(path, '/'), *ext;
	vb_filekind k;
	vb_arena *a;

	base = base ? base + 1 : path;
	ext = strrchr(base, '.');
	k = vb_filekind_of(data, len, ext ? ext + 1 : NULL);
	if (k == VB_FILE_TEXT)
		return 0;
	if ((a = vb_arena_new()) == NULL)
		return 1;
	vb_diag_add(d, VB_ERROR, path, 0, 0, binary_hint(a, k, path),
	    "đây là %s, không phải văn bản Markdown; vanban không đọc trực "
	    "tiếp được", vb_filekind_name(k));
	vb_arena_free(a);
	return 1;
}

/* Runs the lints of the body and the text on one file, and with main set
 * those of the front matter and the recipients; returns the context's
 * arena (the caller frees it) so the front matter can still be read. */
static vb_arena *
lint_file(vb_lint *l, const char *path, const char *data, size_t len,
    vb_diags *d, int main, const vb_meta *parent)
{
	memset(l, 0, sizeof(*l));
	if ((l->a = vb_arena_new()) == NULL)
		return NULL;
	if (parent != NULL) {	/* an appendix: the draft's old year goes on */
		l->meta.old_year = parent->old_year;
		l->meta.date = parent->date;
	}
	l->path = path;
	l->d = d;
	split_lines(l, data, len);
	map_lines(l);
	if (main)
		read_meta(l);
	read_body(l);
	if (main) {
		vb_lint_meta(l);
		vb_lint_recipients(l);
		vb_lint_types(l);
	}
	vb_lint_body(l);
	vb_lint_text(l);
	vb_lint_draft(l);
	return l->a;
}

/* Returns 1 when data[0..len) is text the lints can read. */
static int
readable(const char *data, size_t len)
{
	return vb_utf8_valid(data, len, NULL) && memchr(data, '\0', len) == NULL;
}

/* Lints the Markdown file of an appendix, read through the document's
 * folder (problems reading it are the parser's to report). */
static void
lint_appendix(vb_inputs *in, const char *file, const vb_meta *parent,
    vb_diags *d)
{
	vb_diags quiet = {0};
	vb_arena *a;
	size_t len;
	char *data, *path;
	vb_lint l;

	if (file == NULL || *file == '\0' || (a = vb_arena_new()) == NULL)
		return;
	data = vb_in_read(in, a, file, &len, NULL, &quiet);
	path = strcmp(in->dir, ".") == 0 ? vb_strdup(a, file)
	    : vb_sprintf(a, "%s/%s", in->dir, file);
	if (data != NULL && readable(data, len))
		vb_arena_free(lint_file(&l, path, data, len, d, 0, parent));
	vb_diags_free(&quiet);
	vb_arena_free(a);
}

/* vb_check_source and vb_check_source_in: parses through in when it is
 * not NULL, and hands the document to *out when out is not NULL. */
static int
check_source(const char *path, const char *data, size_t len, vb_inputs *pin,
    vb_document **out, vb_diags *d)
{
	vb_inputs in = { .dirfd = -1 };
	size_t from = d->n, i;
	vb_diags quiet = {0};
	int errors = 0;
	vb_document *doc;
	char *dir;
	vb_arena *a;
	vb_lint l;

	if (vb_check_binary(path, data, len, d))
		return 1;
	if (!vb_utf8_valid(data, len, NULL) && legacy_bytes(path, data, len, d))
		return 1;
	doc = pin != NULL ? vb_document_parse_in(path, data, len, pin, d) :
	    vb_document_parse(path, data, len, d);
	if (out != NULL)
		*out = doc;
	else
		vb_document_free(doc);
	if (readable(data, len) &&
	    (a = lint_file(&l, path, data, len, d, 1, NULL)) != NULL) {
		dir = vb_folder_of(strcmp(path, "<stdin>") == 0 ? "-" : path);
		if (dir != NULL && vb_inputs_open(&in, dir, &quiet) == 0)
			for (i = 0; l.have_meta && i < l.meta.nappx; i++)
				lint_appendix(&in, l.meta.appx[i].file, &l.meta, d);
		vb_inputs_close(&in);
		vb_diags_free(&quiet);
		free(dir);
		vb_arena_free(a);
	}
	sort_unique(d, from, path);
	for (i = from; i < d->n; i++)
		errors += d->items[i].severity == VB_ERROR;
	return errors;
}

int
vb_check_source(const char *path, const char *data, size_t len, vb_diags *d)
{
	return check_source(path, data, len, NULL, NULL, d);
}

int
vb_check_source_in(const char *path, const char *data, size_t len,
    vb_inputs *in, vb_document **doc, vb_diags *d)
{
	*doc = NULL;
	return check_source(path, data, len, in, doc, d);
}
