/* buf.h - growable byte buffer used to build strings and file images. */
#ifndef VB_BUF_H
#define VB_BUF_H

#include <stdarg.h>
#include <stddef.h>

/* A growable, always NUL-terminated byte buffer. */
typedef struct vb_buf {
	char *data;	/* bytes, NUL-terminated when data != NULL */
	size_t len;	/* bytes used, not counting the NUL */
	size_t cap;	/* bytes allocated */
} vb_buf;

/* Appends len bytes; returns 0, or -1 when memory runs out. */
int vb_buf_put(vb_buf *b, const void *p, size_t len);
/* Appends a C string; returns 0 or -1. */
int vb_buf_puts(vb_buf *b, const char *s);
/* Appends one byte; returns 0 or -1. */
int vb_buf_putc(vb_buf *b, char c);
/* Appends printf-formatted text; returns 0 or -1. */
int vb_buf_printf(vb_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends text with XML special characters escaped; returns 0 or -1. */
int vb_buf_put_xml(vb_buf *b, const char *s, size_t len);
/* Empties the buffer, keeping its memory. */
void vb_buf_reset(vb_buf *b);
/* Frees the buffer's memory and zeroes it. */
void vb_buf_free(vb_buf *b);
/* Returns the data (caller frees) and leaves the buffer empty. */
char *vb_buf_detach(vb_buf *b);

#endif
