/* serve_png.c - a page image as PNG, fast: 8-bit grey, the coverage turned
 * over (ink black on white) while each row is written, compression level 1.
 * Cairo's own PNG writer compresses harder and needs a colour image; for a
 * preview sent once over the office network, speed matters more than the
 * last tens of kilobytes. */
#include <png.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

/* Appends what libpng writes to the buffer of its io pointer. */
static void
png_out(png_structp p, png_bytep data, png_size_t len)
{
	if (vb_buf_put(png_get_io_ptr(p), data, len) < 0)
		png_error(p, "memory");
}

/* libpng's flush: nothing to do in memory. */
static void
png_flush(png_structp p)
{
	(void)p;
}

int
serve_png(const unsigned char *px, int w, int h, int stride, vb_buf *out)
{
	png_structp p = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL,
	    NULL, NULL);
	png_infop info = p ? png_create_info_struct(p) : NULL;
	unsigned char *volatile row = malloc((size_t)w);
	int y, x;

	if (p == NULL || info == NULL || row == NULL || setjmp(png_jmpbuf(p))) {
		png_destroy_write_struct(&p, &info);
		free(row);
		return -1;
	}
	png_set_write_fn(p, out, png_out, png_flush);
	png_set_compression_level(p, 1);
	png_set_filter(p, 0, PNG_FILTER_SUB);
	png_set_IHDR(p, info, (png_uint_32)w, (png_uint_32)h, 8,
	    PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
	    PNG_FILTER_TYPE_DEFAULT);
	png_write_info(p, info);
	for (y = 0; y < h; y++) {
		const unsigned char *src = px + (size_t)y * (size_t)stride;
		for (x = 0; x < w; x++)
			row[x] = (unsigned char)(255 - src[x]);
		png_write_row(p, row);
	}
	png_write_end(p, info);
	png_destroy_write_struct(&p, &info);
	free(row);
	return 0;
}
