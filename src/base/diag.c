/* diag.c - collecting and printing diagnostics. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Returns a malloc'd copy of s, or NULL. */
static char *
dup(const char *s)
{
	char *p;

	if (s == NULL || (p = malloc(strlen(s) + 1)) == NULL)
		return NULL;
	return strcpy(p, s);
}

void
vb_diag_add(vb_diags *d, vb_severity sev, const char *file, int line, int col,
    const char *hint, const char *fmt, ...)
{
	va_list ap;
	vb_diag *g, *items;
	char msg[2048];

	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		if ((items = realloc(d->items, cap * sizeof(*items))) == NULL)
			return;
		d->items = items;
		d->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	g = &d->items[d->n++];
	g->severity = sev;
	g->file = dup(file ? file : "vanban");
	g->line = line;
	g->col = col;
	g->msg = dup(msg);
	g->hint = dup(hint);
	if (sev == VB_ERROR)
		d->errors++;
}

void
vb_diags_print(const vb_diags *d)
{
	size_t i;
	const vb_diag *g;

	for (i = 0; i < d->n; i++) {
		g = &d->items[i];
		if (g->line > 0)
			fprintf(stderr, "%s:%d:%d: ", g->file, g->line,
			    g->col > 0 ? g->col : 1);
		else
			fprintf(stderr, "%s: ", g->file);
		fprintf(stderr, "%s: %s\n",
		    g->severity == VB_ERROR ? "lỗi" : "cảnh báo",
		    g->msg ? g->msg : "");
		if (g->hint)
			fprintf(stderr, "  gợi ý: %s\n", g->hint);
	}
}

void
vb_diags_free(vb_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->items[i].file);
		free(d->items[i].msg);
		free(d->items[i].hint);
	}
	free(d->items);
	memset(d, 0, sizeof(*d));
}
