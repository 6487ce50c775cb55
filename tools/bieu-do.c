/* bieu-do.c - draws the bar chart of content/bao-cao-bieu-do.md as a PNG
 * with Cairo, so the example's picture is made by code, not by hand:
 *   cc tools/bieu-do.c $(pkg-config --cflags --libs cairo) -o build/bieu-do
 *   build/bieu-do content/hinh/ty-le-tot-nghiep.png
 * (make content-images does both). The numbers are those of the report. */
#include <stdio.h>

#include <cairo.h>

/* One bar: the school year and its graduation rate in per cent. */
struct bar {
	const char *year;	/* "2019-2020" */
	double rate;		/* 0-100 */
};

static const struct bar bars[] = {
	{"2019-2020", 97.8}, {"2020-2021", 98.4}, {"2021-2022", 98.9},
	{"2022-2023", 99.2}, {"2023-2024", 99.5},
};

/* Picture size in pixels (printed at 96 dpi: 16 x 9 cm). */
#define W 605
#define H 340

/* Draws text centred on x with its baseline at y. */
static void
centred(cairo_t *cr, const char *s, double x, double y)
{
	cairo_text_extents_t e;

	cairo_text_extents(cr, s, &e);
	cairo_move_to(cr, x - e.x_advance / 2, y);
	cairo_show_text(cr, s);
}

int
main(int argc, char **argv)
{
	const int n = sizeof(bars) / sizeof(bars[0]);
	const double left = 60, right = W - 20, top = 50, bottom = H - 50;
	const double lo = 96, hi = 100;	/* the axis shows 96-100 % */
	cairo_surface_t *s;
	cairo_t *cr;
	char buf[32];
	double bw, x, y;
	int i, rc;

	if (argc != 2) {
		fprintf(stderr, "cách dùng: bieu-do TỆP.png\n");
		return 2;
	}
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, H);
	cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_select_font_face(cr, "Liberation Serif",
	    CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
	cairo_set_font_size(cr, 17);
	cairo_set_source_rgb(cr, 0, 0, 0);
	centred(cr, "Tỷ lệ học sinh tốt nghiệp THPT (%)", W / 2.0, 28);
	cairo_select_font_face(cr, "Liberation Serif",
	    CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, 14);
	cairo_set_line_width(cr, 1);
	for (i = 0; i <= 4; i++) {	/* grid lines and their labels */
		y = bottom - (bottom - top) * i / 4.0;
		cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
		cairo_move_to(cr, left, y + 0.5);
		cairo_line_to(cr, right, y + 0.5);
		cairo_stroke(cr);
		cairo_set_source_rgb(cr, 0, 0, 0);
		snprintf(buf, sizeof(buf), "%d", (int)lo + i);
		centred(cr, buf, left - 20, y + 5);
	}
	bw = (right - left) / n;
	for (i = 0; i < n; i++) {
		x = left + bw * i + bw * 0.2;
		y = bottom - (bottom - top) * (bars[i].rate - lo) / (hi - lo);
		cairo_set_source_rgb(cr, 0.16, 0.36, 0.62);
		cairo_rectangle(cr, x, y, bw * 0.6, bottom - y);
		cairo_fill(cr);
		cairo_set_source_rgb(cr, 0, 0, 0);
		snprintf(buf, sizeof(buf), "%.1f", bars[i].rate);
		centred(cr, buf, x + bw * 0.3, y - 6);
		centred(cr, bars[i].year, x + bw * 0.3, bottom + 22);
	}
	cairo_move_to(cr, left, bottom + 0.5);
	cairo_line_to(cr, right, bottom + 0.5);
	cairo_stroke(cr);
	cairo_destroy(cr);
	rc = cairo_surface_write_to_png(s, argv[1]) == CAIRO_STATUS_SUCCESS ?
	    0 : 1;
	cairo_surface_destroy(s);
	if (rc)
		fprintf(stderr, "bieu-do: không ghi được %s\n", argv[1]);
	return rc;
}
