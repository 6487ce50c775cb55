/* docx.c - placeholder until the DOCX renderer lands. */
#include "docx.h"

int
vb_docx_render(const vb_document *doc, vb_buf *out, vb_diags *d)
{
	(void)out;
	vb_diag_add(d, VB_ERROR, doc->path, 0, 0, NULL, "chưa hỗ trợ DOCX");
	return -1;
}
