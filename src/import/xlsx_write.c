/* xlsx_write.c - a merged table as a one-sheet .xlsx (see xlsx_write.h). */
#include "xlsx_write.h"

#include <stdio.h>
#include <string.h>

#include <zip.h>

/* Returns 1 when row r is a group row ("I", "II" … in its first cell, all
 * bold) that fills more than its first two cells: Markdown reads a group
 * row only when at most two cells are filled, a spreadsheet reads it by
 * its Roman numeral. */
static int
wide_group(const imp_row *row)
{
	size_t j, filled = 0;
	const char *s;

	if (row->n < 3 || row->cells[0].n == 0)
		return 0;
	s = row->cells[0].paras[0].text;
	if (*s == '\0' || strspn(s, "IVXLC") != strlen(s))
		return 0;
	for (j = 0; j < row->n; j++) {
		const imp_cell *c = &row->cells[j];
		if (c->n == 0 || c->paras[0].text[0] == '\0')
			continue;
		if (!c->paras[0].bold)
			return 0;
		filled++;
	}
	return filled > 2;
}

int
imp_table_needs_sheet(const imp_table *t)
{
	size_t r, j, filled;

	for (r = 0; r < t->n; r++) {
		filled = 0;
		if (wide_group(&t->rows[r]))
			return 1;
		for (j = 0; j < t->rows[r].n; j++) {
			const imp_cell *c = &t->rows[r].cells[j];
			if (c->vmerge)
				return 1;
			if (c->n && c->paras[0].text[0])
				filled++;
			if (c->span > 1 && (j + 1 < t->rows[r].n || filled > 2))
				return 1;
		}
	}
	return 0;
}

/* Appends the column letters of 0-based column c. */
static void
col_name(vb_buf *b, size_t c)
{
	char s[8];
	int n = 0, k;

	c++;
	while (c > 0 && n < 7) {
		s[n++] = (char)('A' + (c - 1) % 26);
		c = (c - 1) / 26;
	}
	for (k = n - 1; k >= 0; k--)
		vb_buf_putc(b, s[k]);
}

/* Returns 1 when every paragraph of the cell with text is bold. */
static int
cell_bold(const imp_cell *c)
{
	size_t i, n = 0;

	for (i = 0; i < c->n; i++) {
		if (c->paras[i].text[0] == '\0')
			continue;
		if (!c->paras[i].bold)
			return 0;
		n++;
	}
	return n > 0;
}

/* Writes the worksheet XML of t into b. */
static void
sheet(const imp_table *t, vb_buf *b)
{
	vb_buf merges = { 0 };
	size_t r, j, col, nmerge = 0, k, down, i;

	vb_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone="
	    "\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/"
	    "spreadsheetml/2006/main\"><cols>");
	for (j = 0; j < t->ncols; j++)
		vb_buf_printf(b, "<col min=\"%zu\" max=\"%zu\" width=\"%d\" "
		    "customWidth=\"1\"/>", j + 1, j + 1, j == 0 ? 6 : 30);
	vb_buf_puts(b, "</cols><sheetData>");
	for (r = 0; r < t->n; r++) {
		vb_buf_printf(b, "<row r=\"%zu\">", r + 1);
		for (col = 0, j = 0; j < t->rows[r].n && col < t->ncols; j++) {
			const imp_cell *c = &t->rows[r].cells[j];
			vb_buf_puts(b, "<c r=\"");
			col_name(b, col);
			vb_buf_printf(b, "%zu\" s=\"%d\"", r + 1, cell_bold(c) ||
			    r == 0 ? 1 : 0);
			if (c->vmerge != 2 && c->n) {
				vb_buf_puts(b, " t=\"inlineStr\"><is><t xml:space="
				    "\"preserve\">");
				for (i = 0; i < c->n; i++) {
					if (i)
						vb_buf_puts(b, "\n");
					vb_buf_put_xml(b, c->paras[i].text,
					    strlen(c->paras[i].text));
				}
				vb_buf_puts(b, "</t></is></c>");
			} else {
				vb_buf_puts(b, "/>");
			}
			/* the merged region this cell starts */
			if (c->vmerge != 2) {
				down = 0;
				if (c->vmerge == 1)
					for (k = r + 1; k < t->n; k++) {
						size_t cc = 0, jj;
						int cont = 0;
						for (jj = 0; jj < t->rows[k].n;
						    jj++) {
							if (cc == col) {
								cont = t->rows[k].
								    cells[jj].vmerge
								    == 2;
								break;
							}
							cc += (size_t)t->rows[k].
							    cells[jj].span;
						}
						if (!cont)
							break;
						down++;
					}
				if (down || c->span > 1) {
					vb_buf_puts(&merges, "<mergeCell ref=\"");
					col_name(&merges, col);
					vb_buf_printf(&merges, "%zu:", r + 1);
					col_name(&merges, col + (size_t)c->span
					    - 1);
					vb_buf_printf(&merges, "%zu\"/>", r + 1 +
					    down);
					nmerge++;
				}
			}
			col += (size_t)c->span;
		}
		vb_buf_puts(b, "</row>");
	}
	vb_buf_puts(b, "</sheetData>");
	if (nmerge)
		vb_buf_printf(b, "<mergeCells count=\"%zu\">%s</mergeCells>",
		    nmerge, merges.data);
	vb_buf_puts(b, "</worksheet>\n");
	vb_buf_free(&merges);
}

static const char CT[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" "
    "standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/"
    "package/2006/content-types\"><Default Extension=\"rels\" ContentType="
    "\"application/vnd.openxmlformats-package.relationships+xml\"/><Default "
    "Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName="
    "\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/"
    "worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/"
    "styles.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.spreadsheetml.styles+xml\"/></Types>\n";
static const char RELS[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" "
    "standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas."
    "openxmlformats.org/package/2006/relationships\"><Relationship Id="
    "\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
    "</Relationships>\n";
static const char WB[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" "
    "standalone=\"yes\"?>\n<workbook xmlns=\"http://schemas.openxmlformats."
    "org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats."
    "org/officeDocument/2006/relationships\"><sheets><sheet name=\"Phụ lục\" "
    "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>\n";
static const char WBRELS[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" "
    "standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas."
    "openxmlformats.org/package/2006/relationships\"><Relationship Id="
    "\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "</Relationships>\n";
static const char STYLES[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" "
    "standalone=\"yes\"?>\n<styleSheet xmlns=\"http://schemas.openxmlformats."
    "org/spreadsheetml/2006/main\"><fonts count=\"2\"><font><sz val=\"12\"/>"
    "<name val=\"Times New Roman\"/></font><font><b/><sz val=\"12\"/><name "
    "val=\"Times New Roman\"/></font></fonts><fills count=\"2\"><fill>"
    "<patternFill patternType=\"none\"/></fill><fill><patternFill "
    "patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border>"
    "<left/><right/><top/><bottom/><diagonal/></border></borders>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" "
    "borderId=\"0\"/></cellStyleXfs><cellXfs count=\"2\"><xf numFmtId=\"49\" "
    "fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat="
    "\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/>"
    "</xf><xf numFmtId=\"49\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId="
    "\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyAlignment=\"1\">"
    "<alignment vertical=\"top\" wrapText=\"1\"/></xf></cellXfs>"
    "</styleSheet>\n";

/* Adds a part to the archive; returns 0 or -1. */
static int
add(zip_t *za, const char *name, const char *data, size_t len)
{
	zip_source_t *src = zip_source_buffer(za, data, len, 0);
	zip_int64_t idx;

	if (src == NULL)
		return -1;
	if ((idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8)) < 0) {
		zip_source_free(src);
		return -1;
	}
	return zip_file_set_dostime(za, (zip_uint64_t)idx, 0,
	    (2020 - 1980) << 9 | 1 << 5 | 1, 0);
}

int
imp_xlsx_write(const imp_table *t, vb_buf *out)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	vb_buf sh = { 0 };
	char chunk[8192];
	zip_int64_t n;
	int rc = -1;

	sheet(t, &sh);
	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL)
		goto done;
	zip_source_keep(src);
	if ((za = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL)
		goto done;
	if (add(za, "[Content_Types].xml", CT, strlen(CT)) < 0 ||
	    add(za, "_rels/.rels", RELS, strlen(RELS)) < 0 ||
	    add(za, "xl/workbook.xml", WB, strlen(WB)) < 0 ||
	    add(za, "xl/_rels/workbook.xml.rels", WBRELS, strlen(WBRELS)) < 0
	    || add(za, "xl/styles.xml", STYLES, strlen(STYLES)) < 0 ||
	    add(za, "xl/worksheets/sheet1.xml", sh.data, sh.len) < 0 ||
	    zip_close(za) < 0) {
		zip_discard(za);
		goto done;
	}
	if (zip_source_open(src) < 0)
		goto done;
	while ((n = zip_source_read(src, chunk, sizeof(chunk))) > 0)
		vb_buf_put(out, chunk, (size_t)n);
	zip_source_close(src);
	rc = n < 0 ? -1 : 0;
done:
	if (src != NULL)
		zip_source_free(src);
	zip_error_fini(&ze);
	vb_buf_free(&sh);
	return rc;
}
