/* pdf.c - placeholder until the PDF renderer lands. */
#include "pdf.h"

int
vb_pdf_render(const vb_document *doc, const vb_pdf_options *opt, vb_buf *out,
    vb_diags *d)
{
	(void)out;
	(void)opt;
	vb_diag_add(d, VB_ERROR, doc->path, 0, 0, NULL, "chưa hỗ trợ PDF");
	return -1;
}
