/* sheet_driver.c - test driver for the spreadsheet tables: loads a source
 * with vb_sheet_load, optionally numbers it, prints it as Markdown and,
 * with -d, the model (spans, groups, alignment, widths) for the tests.
 *
 *   sheet_driver [-n] [-d] [-s SHEET] BASE_DIR PATH
 *
 * -n numbers the table (given twice: numbers it twice, to check that a
 * second pass changes nothing).
 * Exits 1 when loading reported an error, 2 on bad usage. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sheet/sheet.h"
#include "sheet/sheet_grid.h"

/* Prints the model of t: one line per row, one field per cell. */
static void
dump(vb_arena *a, const vb_table *t)
{
	size_t r, c;
	const vb_cell *x;
	static const char al[] = "DLCR";

	printf("ncols=%zu nrows=%zu header_rows=%zu\n", t->ncols, t->nrows,
	    t->header_rows);
	printf("align=");
	for (c = 0; c < t->ncols; c++)
		putchar(al[t->align[c]]);
	printf("\nwidth=");
	for (c = 0; c < t->ncols; c++)
		printf("%s%.3f", c ? "," : "", t->width[c]);
	putchar('\n');
	for (r = 0; r < t->nrows; r++) {
		printf("row %zu%s%s:", r, t->rows[r].header ? " header" : "",
		    t->rows[r].group ? " group" : "");
		for (c = 0; c < t->ncols; c++) {
			x = &t->rows[r].cells[c];
			printf(" [%d,%d%s%c%s \"%s\"]", x->colspan, x->rowspan,
			    x->covered ? ",cov" : "", al[x->align],
			    x->npara && x->paras[0].n &&
			    (x->paras[0].runs[0].style & VB_BOLD) ? ",b" : "",
			    vb_cell_text(a, x));
		}
		putchar('\n');
	}
}

int
main(int argc, char **argv)
{
	vb_arena *a = vb_arena_new();
	vb_diags d = { 0 };
	vb_buf out = { 0 };
	vb_inputs in = { .dirfd = -1 };
	vb_table *t;
	const char *sheet = NULL;
	int ch, number = 0, model = 0, rc = 0;

	while ((ch = getopt(argc, argv, "nds:")) != -1)
		switch (ch) {
		case 'n': number++; break;
		case 'd': model = 1; break;
		case 's': sheet = optarg; break;
		default: return 2;
		}
	if (argc - optind != 2) {
		fputs("usage: sheet_driver [-n] [-d] [-s SHEET] BASE PATH\n",
		    stderr);
		return 2;
	}
	t = vb_inputs_open(&in, argv[optind], &d) < 0 ? NULL
	    : vb_sheet_load(a, &in, argv[optind + 1], sheet, NULL, &d);
	for (; t != NULL && number > 0; number--)
		vb_table_number(a, t, argv[optind + 1], &d);
	if (t != NULL && vb_table_to_markdown(t, &out) == 0)
		fputs(out.data ? out.data : "", stdout);
	if (t != NULL && model)
		dump(a, t);
	vb_diags_print(&d);
	rc = t == NULL || d.errors ? 1 : 0;
	vb_buf_free(&out);
	vb_diags_free(&d);
	vb_arena_free(a);
	vb_inputs_close(&in);
	return rc;
}
