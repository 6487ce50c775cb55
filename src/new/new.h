/* new.h - "vanban new": the skeleton of a new document of any kind of
 * Decree 30, its keys from the agency profile, its body the sections that
 * kind of document usually has, the places to fill marked "……". */
#ifndef VB_NEW_H
#define VB_NEW_H

#include "base/buf.h"
#include "model/doctype.h"
#include "parse/agency.h"

/* The mark of a blank the clerk fills in; "vanban check" warns about each
 * one left. */
#define VB_BLANK "……"

/* Writes to out the Markdown of a new document of kind t dated date
 * ("2025-01-19"): the front matter keys the profile ag (may have no path)
 * does not give, with blanks, and the body skeleton. Returns 0, or -1
 * when memory runs out. */
int vb_new_document(const vb_doctype *t, const vb_agency *ag,
    const char *date, vb_buf *out);

#endif
