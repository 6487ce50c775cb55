/* buf.c - growable byte buffer. */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Makes room for extra more bytes plus a NUL; returns 0 or -1. */
static int
reserve(vb_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (extra > (size_t)-1 / 2 - b->len)
		return -1;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	if ((p = realloc(b->data, cap)) == NULL)
		return -1;
	b->data = p;
	b->cap = cap;
	return 0;
}

int
vb_buf_put(vb_buf *b, const void *p, size_t len)
{
	if (reserve(b, len) < 0)
		return -1;
	if (len)
		memcpy(b->data + b->len, p, len);
	b->len += len;
	b->data[b->len] = '\0';
	return 0;
}

int
vb_buf_puts(vb_buf *b, const char *s)
{
	return vb_buf_put(b, s, strlen(s));
}

int
vb_buf_putc(vb_buf *b, char c)
{
	return vb_buf_put(b, &c, 1);
}

int
vb_buf_printf(vb_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || reserve(b, (size_t)n) < 0)
		return -1;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

int
vb_buf_put_xml(vb_buf *b, const char *s, size_t len)
{
	size_t i, start = 0;
	const char *rep;

	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '&': rep = "&amp;"; break;
		case '"': rep = "&quot;"; break;
		default: continue;
		}
		if (vb_buf_put(b, s + start, i - start) < 0 ||
		    vb_buf_puts(b, rep) < 0)
			return -1;
		start = i + 1;
	}
	return vb_buf_put(b, s + start, len - start);
}

void
vb_buf_reset(vb_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
vb_buf_free(vb_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *
vb_buf_detach(vb_buf *b)
{
	char *p = b->data;

	if (p == NULL)
		p = calloc(1, 1);
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}
