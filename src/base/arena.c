/* arena.c - region allocator: big blocks handed out in small pieces. */
#include "arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#define CHUNK (64 * 1024)

void
vb_out_of_memory(void)
{
	static const char msg[] = "vanban: lỗi: không đủ bộ nhớ để xử lý văn "
	    "bản này (không tệp nào được ghi)\n  gợi ý: chia văn bản thành "
	    "nhiều văn bản nhỏ hơn, hoặc chạy lại khi máy còn nhiều bộ nhớ "
	    "hơn\n";

	/* write(2), not stdio: there may be no memory for a buffer. */
	if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0)
		_exit(1);
	_exit(1);
}

/* One block of memory in the arena's list. */
struct chunk {
	struct chunk *next;	/* previously filled block */
	size_t used;		/* bytes handed out */
	size_t size;		/* bytes available in data */
	max_align_t data[];	/* the memory */
};

/* The arena: a list of blocks, newest first. */
struct vb_arena {
	struct chunk *head;	/* block being filled */
};

vb_arena *
vb_arena_new(void)
{
	return calloc(1, sizeof(vb_arena));
}

void
vb_arena_free(vb_arena *a)
{
	struct chunk *c, *next;

	if (a == NULL)
		return;
	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

void *
vb_alloc(vb_arena *a, size_t size)
{
	struct chunk *c = a->head;
	size_t al = sizeof(max_align_t), sz;
	void *p;

	size = (size + al - 1) / al * al;
	if (size == 0)
		size = al;
	if (c == NULL || c->size - c->used < size) {
		sz = size > CHUNK ? size : CHUNK;
		if (sz > SIZE_MAX - sizeof(*c) ||
		    (c = malloc(sizeof(*c) + sz)) == NULL)
			vb_out_of_memory();
		c->size = sz;
		c->used = 0;
		if (size > CHUNK / 4 && a->head != NULL) {
			/* Keep filling the current block; put the big one behind it. */
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	p = (char *)c->data + c->used;
	c->used += size;
	memset(p, 0, size);
	return p;
}

void
vb_arena_adopt(vb_arena *a, vb_arena *b)
{
	struct chunk *last;

	if (b == NULL)
		return;
	if (b->head != NULL) {
		for (last = b->head; last->next != NULL; last = last->next)
			;
		if (a->head == NULL)
			a->head = b->head;
		else {		/* behind the block being filled */
			last->next = a->head->next;
			a->head->next = b->head;
		}
	}
	free(b);
}

char *
vb_strndup(vb_arena *a, const char *s, size_t len)
{
	char *p = vb_alloc(a, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
vb_strdup(vb_arena *a, const char *s)
{
	return s == NULL ? NULL : vb_strndup(a, s, strlen(s));
}

char *
vb_sprintf(vb_arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	p = vb_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void *
vb_grow(vb_arena *a, void *old, size_t n, size_t size, size_t *cap)
{
	void *p;
	size_t ncap;

	if (n <= *cap)
		return old;
	ncap = *cap ? *cap * 2 : 8;
	while (ncap < n)
		ncap *= 2;
	p = vb_alloc(a, ncap * size);
	if (old != NULL && *cap)
		memcpy(p, old, *cap * size);
	*cap = ncap;
	return p;
}
