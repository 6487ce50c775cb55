/* fuzz_render.c - libFuzzer target for the whole path: bytes -> front
 * matter and body -> document model -> DOCX bytes and PDF bytes, all in
 * memory. Built and run by "make fuzz". */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "docx/docx.h"
#include "model/document.h"
#include "pdf/pdf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	vb_diags d = {0};
	vb_document *doc;
	vb_buf out = {0};
	vb_pdf_options po = {0};

	if (size > 256 * 1024)	/* the limits are tested elsewhere */
		return 0;
	po.created = "2024-01-19T08:00:00+07:00";
	doc = vb_document_parse("fuzz.md", (const char *)data, size, &d);
	if (doc != NULL) {
		vb_docx_render(doc, "2024-01-19T08:00:00+07:00", &out, &d);
		vb_buf_free(&out);
		if (getenv("FUZZ_PDF") != NULL) {
			vb_pdf_render(doc, &po, &out, &d);
			vb_buf_free(&out);
		}
	}
	vb_document_free(doc);
	vb_diags_free(&d);
	return 0;
}
