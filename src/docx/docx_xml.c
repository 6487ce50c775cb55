/* docx_xml.c - xmlTextWriter wrappers that remember the first failure. */
#include "docx_xml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

/* Casts a C string to libxml2's character type. */
#define X(s) ((const xmlChar *)(s))

/* Starts a part with its XML declaration; returns 0 or -1. */
int
dx_open(dx_xml *x)
{
	memset(x, 0, sizeof(*x));
	if ((x->buf = xmlBufferCreate()) == NULL)
		return -1;
	/* libxml2 2.9 grows a new buffer to the exact size of each write, so
	 * a large part is copied once per element: quadratic wherever realloc
	 * cannot grow in place (ASan's always copies). Doubling is linear. */
	xmlBufferSetAllocationScheme(x->buf, XML_BUFFER_ALLOC_DOUBLEIT);
	if ((x->w = xmlNewTextWriterMemory(x->buf, 0)) == NULL) {
		xmlBufferFree(x->buf);
		x->buf = NULL;
		return -1;
	}
	if (xmlTextWriterStartDocument(x->w, NULL, "UTF-8", "yes") < 0)
		x->err = 1;
	return x->err ? -1 : 0;
}

/* Ends the part and appends its bytes to out; frees the writer. Returns 0,
 * or -1 when any write failed. */
int
dx_close(dx_xml *x, vb_buf *out)
{
	int rc = 0;

	if (x->w != NULL && xmlTextWriterEndDocument(x->w) < 0)
		x->err = 1;
	if (x->w != NULL)
		xmlFreeTextWriter(x->w);	/* flushes into buf */
	x->w = NULL;
	if (x->err || x->buf == NULL ||
	    vb_buf_put(out, xmlBufferContent(x->buf),
	    (size_t)xmlBufferLength(x->buf)) < 0)
		rc = -1;
	if (x->buf != NULL)
		xmlBufferFree(x->buf);
	x->buf = NULL;
	return rc;
}

/* Opens element name ("w:p"). */
void
dx_start(dx_xml *x, const char *name)
{
	if (xmlTextWriterStartElement(x->w, X(name)) < 0)
		x->err = 1;
}

/* Closes the innermost open element. */
void
dx_end(dx_xml *x)
{
	if (xmlTextWriterEndElement(x->w) < 0)
		x->err = 1;
}

/* Returns s, or a malloc'd copy (put in *own, to free) with every
 * character XML cannot hold replaced by U+FFFD: the readers refuse those
 * characters, and this keeps any string that slips past them from making
 * a part that is not well-formed. */
static const char *
xml_safe(const char *s, char **own)
{
	size_t len = strlen(s), off;
	unsigned cp;

	*own = NULL;
	if (!vb_text_xml_unsafe(s, len, &off, &cp) ||
	    (*own = malloc(len * 3 + 1)) == NULL)
		return s;
	vb_text_xml_replace(s, len, *own);
	return *own;
}

/* Adds attribute name="val" to the open element. */
void
dx_attr(dx_xml *x, const char *name, const char *val)
{
	char *own;

	if (xmlTextWriterWriteAttribute(x->w, X(name), X(xml_safe(val, &own))) < 0)
		x->err = 1;
	free(own);
}

/* Adds attribute name="<integer>" to the open element. */
void
dx_attri(dx_xml *x, const char *name, long val)
{
	char num[32];

	snprintf(num, sizeof(num), "%ld", val);
	dx_attr(x, name, num);
}

/* Writes an empty element <name/>. */
void
dx_empty(dx_xml *x, const char *name)
{
	dx_start(x, name);
	dx_end(x);
}

/* Writes <name w:val="val"/>. */
void
dx_val(dx_xml *x, const char *name, const char *val)
{
	dx_start(x, name);
	dx_attr(x, "w:val", val);
	dx_end(x);
}

/* Writes <name w:val="<integer>"/>. */
void
dx_vali(dx_xml *x, const char *name, long val)
{
	dx_start(x, name);
	dx_attri(x, "w:val", val);
	dx_end(x);
}

/* Writes escaped character data. */
void
dx_text(dx_xml *x, const char *s)
{
	char *own;

	if (xmlTextWriterWriteString(x->w, X(xml_safe(s, &own))) < 0)
		x->err = 1;
	free(own);
}

/* Writes <name>text</name> (a simple text element, e.g. dc:title). */
void
dx_elem_text(dx_xml *x, const char *name, const char *text)
{
	dx_start(x, name);
	dx_text(x, text != NULL ? text : "");
	dx_end(x);
}
