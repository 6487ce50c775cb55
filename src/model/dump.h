/* dump.h - the document model as plain text, for tests and debugging. */
#ifndef VB_DUMP_H
#define VB_DUMP_H

#include "base/buf.h"
#include "model.h"

/* Writes a readable outline of doc (header strings, blocks with their
 * numbers, signature, recipients, appendices) into out. */
void vb_dump(const vb_document *doc, vb_buf *out);

#endif
