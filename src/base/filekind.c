/* filekind.c - telling binary files from text by their magic bytes. */
#include "filekind.h"

#include <string.h>
#include <strings.h>

/* Returns 1 when data starts with the n bytes of magic. */
static int
starts(const char *data, size_t len, const char *magic, size_t n)
{
	return len >= n && memcmp(data, magic, n) == 0;
}

/* Returns 1 when name occurs in the first bytes of a ZIP, where the local
 * headers of its first entries hold their names. */
static int
zip_has(const char *data, size_t len, const char *name)
{
	size_t n = strlen(name), i, lim = len < 65536 ? len : 65536;

	for (i = 0; i + n <= lim; i++)
		if (memcmp(data + i, name, n) == 0)
			return 1;
	return 0;
}

/* Returns the kind of a ZIP archive by the names of its entries. */
static vb_filekind
zip_kind(const char *data, size_t len)
{
	if (zip_has(data, len, "mimetypeapplication/vnd.oasis.opendocument.text"))
		return VB_FILE_ODT;
	if (zip_has(data, len, "mimetypeapplication/vnd.oasis.opendocument"))
		return VB_FILE_ODF;
	if (zip_has(data, len, "word/"))
		return VB_FILE_DOCX;
	if (zip_has(data, len, "xl/"))
		return VB_FILE_XLSX;
	if (zip_has(data, len, "ppt/"))
		return VB_FILE_PPTX;
	return VB_FILE_ZIP;
}

vb_filekind
vb_filekind_of(const char *data, size_t len, const char *ext)
{
	if (starts(data, len, "PK\x03\x04", 4) || starts(data, len, "PK\x05\x06", 4))
		return zip_kind(data, len);
	if (starts(data, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
		return ext && (strcasecmp(ext, "xls") == 0 ||
		    strcasecmp(ext, "ppt") == 0) ? VB_FILE_BINARY : VB_FILE_OLE;
	if (starts(data, len, "%PDF-", 5))
		return VB_FILE_PDF;
	if (starts(data, len, "{\\rtf", 5))
		return VB_FILE_RTF;
	if (starts(data, len, "\x89PNG\r\n\x1A\n", 8) ||
	    starts(data, len, "\xFF\xD8\xFF", 3) ||
	    starts(data, len, "GIF87a", 6) || starts(data, len, "GIF89a", 6) ||
	    starts(data, len, "II*\0", 4) || starts(data, len, "MM\0*", 4) ||
	    (starts(data, len, "RIFF", 4) && len >= 12 &&
	    memcmp(data + 8, "WEBP", 4) == 0) ||
	    (starts(data, len, "BM", 2) && len >= 14 && data[6] == 0 &&
	    data[7] == 0 && data[8] == 0 && data[9] == 0))
		return VB_FILE_IMAGE;
	if (starts(data, len, "\x1F\x8B", 2) ||
	    starts(data, len, "7z\xBC\xAF\x27\x1C", 6) ||
	    starts(data, len, "Rar!\x1A\x07", 6))
		return VB_FILE_ARCHIVE;
	if (memchr(data, '\0', len < 4096 ? len : 4096) != NULL &&
	    !starts(data, len, "\xFF\xFE", 2) && !starts(data, len, "\xFE\xFF", 2))
		return VB_FILE_BINARY;
	return VB_FILE_TEXT;
}

const char *
vb_filekind_name(vb_filekind k)
{
	switch (k) {
	case VB_FILE_DOCX: return "tệp Word (.docx)";
	case VB_FILE_XLSX: return "tệp Excel (.xlsx)";
	case VB_FILE_PPTX: return "tệp PowerPoint (.pptx)";
	case VB_FILE_ODT: return "tệp OpenDocument (.odt)";
	case VB_FILE_ODF: return "tệp OpenDocument (.ods/.odp)";
	case VB_FILE_ZIP: return "tệp nén ZIP";
	case VB_FILE_OLE: return "tệp Word 97–2003 (.doc)";
	case VB_FILE_PDF: return "tệp PDF";
	case VB_FILE_RTF: return "tệp RTF";
	case VB_FILE_IMAGE: return "tệp ảnh";
	case VB_FILE_ARCHIVE: return "tệp nén";
	case VB_FILE_BINARY: return "tệp nhị phân (không phải văn bản)";
	default: return "văn bản";
	}
}

int
vb_filekind_importable(vb_filekind k)
{
	return k == VB_FILE_DOCX || k == VB_FILE_OLE || k == VB_FILE_ODT;
}
