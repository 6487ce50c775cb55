/* check.h - "vanban check": every problem the parser and the Decree 30
 * lints find in a document, without writing anything. */
#ifndef VB_CHECK_H
#define VB_CHECK_H

#include <stddef.h>

#include "base/diag.h"
#include "base/infile.h"
#include "model/document.h"

/* Parses data[0..len) (the contents of path) and runs every lint on it.
 * Adds each problem once to d, sorted by file, line and column. Returns the
 * number of errors among them. */
int vb_check_source(const char *path, const char *data, size_t len,
    vb_diags *d);

/* As vb_check_source, parsing through the caller's in (the files of
 * path's folder), and keeping the document parsed: *doc is set to it, or
 * to NULL when it does not parse (the caller frees it). A caller that
 * renders what it checks parses once. */
int vb_check_source_in(const char *path, const char *data, size_t len,
    vb_inputs *in, vb_document **doc, vb_diags *d);

/* Reports data[0..len), the contents of path, when it is a binary file
 * (Word, Excel, ZIP, PDF, image …) instead of text: what it is and what to
 * do with it (e.g. "vanban import" for a Word file). Returns 1 when it
 * reported, 0 for text. */
int vb_check_binary(const char *path, const char *data, size_t len,
    vb_diags *d);

/* Runs "vanban check [--strict] FILE"; argv[1] is "check". Returns the exit
 * code: 0 clean (or warnings only), 1 errors (or warnings with --strict),
 * 2 wrong command line. */
int vb_cmd_check(int argc, char **argv);

/* Runs "vanban convert --from tcvn3|vni FILE [-o OUT]"; argv[1] is
 * "convert". Returns the exit code: 0 written, 1 input or output problem,
 * 2 wrong command line. */
int vb_cmd_convert(int argc, char **argv);

#endif
