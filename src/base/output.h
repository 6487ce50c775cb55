/* output.h - writing output files safely: through a temporary file beside
 * the target and a rename, so a failure never leaves a half-written file
 * and never touches an existing one. */
#ifndef VB_OUTPUT_H
#define VB_OUTPUT_H

#include <stddef.h>

/* Returns a plain-Vietnamese reason for errno e. */
const char *vb_errno_text(int e);

/* Writes data[0..len) to path ("-": standard output) through a temporary
 * file and a rename; returns 0, or -1 after printing why to stderr. */
int vb_write_atomic(const char *path, const char *data, size_t len);

#endif
