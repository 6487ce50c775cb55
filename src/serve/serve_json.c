/* serve_json.c - the little JSON and encoding the server writes: strings,
 * base64 of page images, and a hash for versions and pages. */
#include <stdio.h>
#include <string.h>

#include "serve.h"

int
serve_json_str(vb_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	char esc[8];
	int r = vb_buf_putc(b, '"');

	for (; *p && r == 0; p++) {
		if (*p == '"' || *p == '\\') {
			esc[0] = '\\';
			esc[1] = (char)*p;
			r = vb_buf_put(b, esc, 2);
		} else if (*p == '\n')
			r = vb_buf_puts(b, "\\n");
		else if (*p < 0x20 || *p == 0x7f) {
			snprintf(esc, sizeof(esc), "\\u%04x", *p);
			r = vb_buf_puts(b, esc);
		} else if (*p == '<')	/* never "</script>" in a page */
			r = vb_buf_puts(b, "\\u003c");
		else
			r = vb_buf_putc(b, (char)*p);
	}
	return r == 0 ? vb_buf_putc(b, '"') : -1;
}

int
serve_base64(vb_buf *b, const unsigned char *data, size_t len)
{
	static const char tab[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char q[4];
	size_t i;
	unsigned v;

	for (i = 0; i < len; i += 3) {
		v = (unsigned)data[i] << 16;
		if (i + 1 < len)
			v |= (unsigned)data[i + 1] << 8;
		if (i + 2 < len)
			v |= data[i + 2];
		q[0] = tab[(v >> 18) & 63];
		q[1] = tab[(v >> 12) & 63];
		q[2] = i + 1 < len ? tab[(v >> 6) & 63] : '=';
		q[3] = i + 2 < len ? tab[v & 63] : '=';
		if (vb_buf_put(b, q, 4) < 0)
			return -1;
	}
	return 0;
}

unsigned long long
serve_hash(unsigned long long h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	return h;
}
