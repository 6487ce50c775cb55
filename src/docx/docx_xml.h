/* docx_xml.h - small helpers over libxml2's xmlTextWriter for writing the
 * WordprocessingML parts: one writer per part, errors remembered instead of
 * checked after every call. */
#ifndef VB_DOCX_XML_H
#define VB_DOCX_XML_H

#include <libxml/xmlwriter.h>

#include "base/buf.h"

/* Namespaces used by the parts. */
#define DX_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define DX_NS_R \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define DX_NS_MC "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define DX_NS_WP \
	"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define DX_NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define DX_NS_WPS \
	"http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
#define DX_NS_V "urn:schemas-microsoft-com:vml"

/* One XML part being written. */
typedef struct dx_xml {
	xmlBufferPtr buf;	/* serialised bytes of the part */
	xmlTextWriterPtr w;	/* writer into buf */
	int err;		/* 1 once any write failed */
} dx_xml;

/* Starts a part with its XML declaration; returns 0 or -1. */
int dx_open(dx_xml *x);
/* Ends the part and appends its bytes to out; frees the writer. Returns 0,
 * or -1 when any write failed. */
int dx_close(dx_xml *x, vb_buf *out);

/* Opens element name ("w:p"). */
void dx_start(dx_xml *x, const char *name);
/* Closes the innermost open element. */
void dx_end(dx_xml *x);
/* Adds attribute name="val" to the open element. */
void dx_attr(dx_xml *x, const char *name, const char *val);
/* Adds attribute name="<integer>" to the open element. */
void dx_attri(dx_xml *x, const char *name, long val);
/* Writes an empty element <name/>. */
void dx_empty(dx_xml *x, const char *name);
/* Writes <name w:val="val"/>. */
void dx_val(dx_xml *x, const char *name, const char *val);
/* Writes <name w:val="<integer>"/>. */
void dx_vali(dx_xml *x, const char *name, long val);
/* Writes escaped character data. */
void dx_text(dx_xml *x, const char *s);
/* Writes <name>text</name> (a simple text element, e.g. dc:title). */
void dx_elem_text(dx_xml *x, const char *name, const char *text);

#endif
