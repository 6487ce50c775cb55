/* arena.h - region allocator: everything of one document is freed at once. */
#ifndef VB_ARENA_H
#define VB_ARENA_H

#include <stddef.h>

typedef struct vb_arena vb_arena;

/* Returns a new empty arena, or NULL when memory runs out. */
vb_arena *vb_arena_new(void);
/* Says in Vietnamese that memory ran out and ends the program with exit
 * status 1 (nothing has been written: outputs are committed only after
 * everything is rendered). */
void vb_out_of_memory(void) __attribute__((noreturn));
/* Frees the arena and everything allocated from it. */
void vb_arena_free(vb_arena *a);
/* Returns size zeroed bytes from the arena. When memory runs out it calls
 * vb_out_of_memory: never NULL, never an abort. */
void *vb_alloc(vb_arena *a, size_t size);
/* Moves everything allocated from b into a (freed with a) and frees b:
 * work done in a scratch arena is kept only when it succeeds. */
void vb_arena_adopt(vb_arena *a, vb_arena *b);
/* Returns a copy of the first len bytes of s, NUL-terminated. */
char *vb_strndup(vb_arena *a, const char *s, size_t len);
/* Returns a copy of s (NULL stays NULL). */
char *vb_strdup(vb_arena *a, const char *s);
/* Returns a printf-formatted string allocated in the arena. */
char *vb_sprintf(vb_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Returns a new array of n elements of size bytes, copying the old n-1
 * elements from old; used to grow small arrays one element at a time. */
void *vb_grow(vb_arena *a, void *old, size_t n, size_t size, size_t *cap);

#endif
