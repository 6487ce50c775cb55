/* pkg.h - reading the parts of an Office Open XML package (a .docx) held in
 * memory, with the same defences as the .xlsx reader: a cap on entries, on
 * the size of each part and of all parts together, on the compression
 * ratio (zip bombs), and XML parsed without network access, without DTD
 * loading or entity substitution; a part that declares a DTD is refused. */
#ifndef VB_IMPORT_PKG_H
#define VB_IMPORT_PKG_H

#include <stddef.h>

#include <libxml/tree.h>
#include <zip.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"

/* An open package. */
typedef struct imp_pkg {
	zip_t *zip;		/* the archive */
	const char *file;	/* file name for messages */
	vb_diags *d;		/* diagnostics */
	size_t total;		/* bytes inflated so far */
} imp_pkg;

/* Opens the package data[0..len) (kept alive by the caller); returns 0, or
 * -1 after reporting why it is not a usable .docx. */
int imp_pkg_open(imp_pkg *p, const char *file, const char *data, size_t len,
    vb_diags *d);
/* Closes the package. */
void imp_pkg_close(imp_pkg *p);
/* Returns part name parsed as XML, or NULL: missing (reported only when
 * required), broken or declaring a DTD (always reported). */
xmlDocPtr imp_pkg_xml(imp_pkg *p, const char *name, int required);

/* Reads part name into b (raw bytes); returns 0, 1 when missing (reported
 * when required), -1 on error (reported). */
int imp_pkg_part(imp_pkg *p, const char *name, vb_buf *b, int required);

/* Reads picture part name into b (raw bytes) within the same limits (32
 * MB at most, as vanban reads a picture); returns 0, 1 when missing, -1 when it is too large or
 * broken (never reported: the picture is left out, the text is read). */
int imp_pkg_media(imp_pkg *p, const char *name, vb_buf *b);

/* Returns 1 when the local name of node is name. */
int imp_is(xmlNodePtr node, const char *name);
/* Returns the first child element of node named name, or NULL. */
xmlNodePtr imp_child(xmlNodePtr node, const char *name);
/* Returns attribute name (any namespace) of node in the arena, or NULL. */
char *imp_attr(vb_arena *a, xmlNodePtr node, const char *name);

#endif
