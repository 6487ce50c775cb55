/* filekind.h - what a file is, by its first bytes: a binary file (a Word
 * or Excel file, a ZIP, a PDF, an image) must never be taken for text in
 * an old Vietnamese encoding. */
#ifndef VB_FILEKIND_H
#define VB_FILEKIND_H

#include <stddef.h>

/* Kinds of binary file vanban recognises. */
typedef enum vb_filekind {
	VB_FILE_TEXT,		/* none of the below: may be text */
	VB_FILE_DOCX,		/* Word 2007+ (ZIP with word/document.xml) */
	VB_FILE_XLSX,		/* Excel 2007+ (ZIP with xl/) */
	VB_FILE_PPTX,		/* PowerPoint 2007+ (ZIP with ppt/) */
	VB_FILE_ODT,		/* OpenDocument text (ZIP, mimetype first) */
	VB_FILE_ODF,		/* another OpenDocument file (sheet, slides) */
	VB_FILE_ZIP,		/* another ZIP archive */
	VB_FILE_OLE,		/* Word 97-2003 .doc, old .xls (OLE compound file) */
	VB_FILE_PDF,		/* PDF */
	VB_FILE_RTF,		/* Rich Text Format */
	VB_FILE_IMAGE,		/* PNG, JPEG, GIF, BMP, TIFF, WebP */
	VB_FILE_ARCHIVE,	/* gzip, 7-Zip, RAR */
	VB_FILE_BINARY		/* has NUL bytes: some other binary file */
} vb_filekind;

/* Returns what data[0..len) is, judged by its magic bytes (and, for a
 * ZIP, by the names of its first entries); ext, the file name's
 * extension without the dot or NULL, only tells an OLE .doc from an
 * .xls. */
vb_filekind vb_filekind_of(const char *data, size_t len, const char *ext);

/* Returns the kind's name for messages, in Vietnamese ("tệp Word (.docx)"). */
const char *vb_filekind_name(vb_filekind k);

/* Returns 1 when "vanban import" reads files of kind k. */
int vb_filekind_importable(vb_filekind k);

#endif
