/* image.c - the pictures of the body: each file is read through the
 * document's confined inputs (inside its folder, charged to its budget),
 * recognised by its signature, and its structure walked far enough to
 * refuse a truncated or hostile file before any renderer decodes it: PNG
 * chunks up to IEND, JPEG segments up to the frame header and the end
 * marker. Its size in pixels comes from the header; it is printed at
 * 96 dpi, shrunk to the text width and to most of a page's height. */
#include "image.h"

#include <stdint.h>
#include <string.h>

#include "base/infile.h"
#include "parse/body.h"

/* Largest picture accepted: a side, and all its pixels (decoded at 4 bytes
 * a pixel by the renderers). */
#define IMG_MAX_SIDE 10000
#define IMG_MAX_PIXELS (16u << 20)
/* Most pictures one document may hold. */
#define IMG_MAX_COUNT 200
/* Share of the text height a picture may take (its caption goes below). */
#define IMG_MAX_H_FRAC 0.75
/* Resolution pictures are printed at when they fit. */
#define IMG_DPI 96.0

/* Returns the big-endian 32-bit number at p. */
static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* Returns the big-endian 16-bit number at p. */
static unsigned
be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

/* Reads a PNG's size and checks its chunks; returns NULL or what is
 * wrong. */
static const char *
png_scan(const unsigned char *d, size_t len, int *w, int *h)
{
	size_t off = 8, clen;
	int idat = 0;

	if (len < 33 || be32(d + 8) != 13 || memcmp(d + 12, "IHDR", 4) != 0)
		return "tệp PNG hỏng (thiếu phần đầu IHDR)";
	if (be32(d + 16) == 0 || be32(d + 20) == 0 ||
	    be32(d + 16) > 0x7fffffff || be32(d + 20) > 0x7fffffff)
		return "tệp PNG ghi kích thước không hợp lệ";
	*w = (int)be32(d + 16);
	*h = (int)be32(d + 20);
	while (off + 12 <= len) {
		clen = be32(d + off);
		if (clen > len - off - 12)
			return "tệp PNG bị cắt cụt (thiếu dữ liệu ở cuối)";
		if (memcmp(d + off + 4, "IDAT", 4) == 0)
			idat = 1;
		if (memcmp(d + off + 4, "IEND", 4) == 0)
			return idat ? NULL : "tệp PNG không có dữ liệu ảnh";
		off += clen + 12;
	}
	return "tệp PNG bị cắt cụt (thiếu phần kết thúc IEND)";
}

/* Returns 1 for a JPEG start-of-frame marker (not DHT, JPG, DAC). */
static int
jpeg_sof(unsigned m)
{
	return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

/* Reads a JPEG's size from its frame header and checks that its segments
 * hold together and that it ends; returns NULL or what is wrong. */
static const char *
jpeg_scan(const unsigned char *d, size_t len, int *w, int *h)
{
	size_t off = 2, slen;
	unsigned m;
	int frame = 0;

	while (off + 4 <= len) {
		if (d[off] != 0xFF)
			return "tệp JPEG hỏng (đoạn dữ liệu sai cấu trúc)";
		m = d[off + 1];
		if (m == 0xFF) {	/* fill byte */
			off++;
			continue;
		}
		if (m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) {
			off += 2;
			continue;
		}
		slen = be16(d + off + 2);
		if (slen < 2 || slen > len - off - 2)
			return "tệp JPEG bị cắt cụt";
		if (jpeg_sof(m)) {
			if (slen < 8)
				return "tệp JPEG hỏng (phần đầu khung ảnh quá ngắn)";
			*h = (int)be16(d + off + 5);
			*w = (int)be16(d + off + 7);
			if (d[off + 9] != 1 && d[off + 9] != 3 && d[off + 9] != 4)
				return "tệp JPEG có số kênh màu không hỗ trợ";
			frame = 1;
		}
		if (m == 0xDA) {	/* start of scan: the data runs to EOI */
			if (!frame)
				return "tệp JPEG hỏng (không có phần đầu khung ảnh)";
			if (*w == 0 || *h == 0)
				return "tệp JPEG ghi kích thước không hợp lệ";
			while (len > off && (d[len - 1] == 0 || d[len - 1] == '\n'))
				len--;	/* padding some writers add */
			if (len < off + 4 || d[len - 2] != 0xFF || d[len - 1] != 0xD9)
				return "tệp JPEG bị cắt cụt (thiếu phần kết thúc)";
			return NULL;
		}
		off += 2 + slen;
	}
	return "tệp JPEG bị cắt cụt";
}

/* Reports problem msg about picture im of block b. */
static void
refuse(const vb_block *b, const vb_image *im, vb_diags *d, const char *hint,
    const char *msg)
{
	vb_diag_add(d, VB_ERROR, b->file, b->line, b->col, hint,
	    "hình '%s': %s", im->src, msg);
}

/* Sets the printed size of im: 96 dpi, no wider than text_mm and no
 * taller than IMG_MAX_H_FRAC of text_h_mm, keeping its proportions. */
static void
printed_size(vb_image *im, double text_mm, double text_h_mm)
{
	double w = im->px_w * 25.4 / IMG_DPI, h = im->px_h * 25.4 / IMG_DPI;
	double k = 1, hmax = text_h_mm * IMG_MAX_H_FRAC;

	if (w > text_mm)
		k = text_mm / w;
	if (h * k > hmax)
		k = hmax / h;
	im->w_mm = w * k;
	im->h_mm = h * k;
}

/* Loads the picture of block b; returns 0 or -1 after reporting. */
static int
load_one(vb_document *doc, vb_inputs *in, vb_block *b, double text_mm,
    double text_h_mm, vb_diags *d)
{
	vb_image *im = b->image;
	vb_where w = { b->file, b->line, b->col };
	const unsigned char *p;
	const char *bad;
	size_t len;

	if (im->src == NULL || *im->src == '\0') {
		refuse(b, im, d, "viết ![chú thích](ten-hinh.png)",
		    "thiếu tên tệp hình");
		return -1;
	}
	if (strstr(im->src, "://") != NULL) {
		refuse(b, im, d, "tải hình về, đặt cạnh văn bản rồi ghi tên tệp",
		    "vanban không tải hình từ Internet");
		return -1;
	}
	p = (const unsigned char *)vb_in_read(in, doc->arena, im->src, &len,
	    &w, d);
	if (p == NULL)
		return -1;
	im->data = p;
	im->len = len;
	if (len >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0) {
		im->format = VB_IMAGE_PNG;
		bad = png_scan(p, len, &im->px_w, &im->px_h);
	} else if (len >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF) {
		im->format = VB_IMAGE_JPEG;
		bad = jpeg_scan(p, len, &im->px_w, &im->px_h);
	} else {
		refuse(b, im, d, "lưu hình dạng PNG hoặc JPEG (.png, .jpg)",
		    "không phải hình PNG hay JPEG");
		return -1;
	}
	if (bad != NULL) {
		refuse(b, im, d, "mở hình bằng phần mềm xem ảnh và lưu lại, "
		    "hoặc xuất lại từ phần mềm đã tạo ra nó", bad);
		return -1;
	}
	if (im->px_w > IMG_MAX_SIDE || im->px_h > IMG_MAX_SIDE ||
	    (size_t)im->px_w * (size_t)im->px_h > IMG_MAX_PIXELS) {
		vb_diag_add(d, VB_ERROR, b->file, b->line, b->col,
		    "thu nhỏ hình (tối đa 10000 điểm ảnh mỗi cạnh, 16 triệu "
		    "điểm ảnh) rồi lưu lại", "hình '%s' quá lớn (%d × %d điểm "
		    "ảnh)", im->src, im->px_w, im->px_h);
		return -1;
	}
	printed_size(im, text_mm, text_h_mm);
	im->alt = vb_inline_text(doc->arena, &b->text);
	im->index = (int)doc->nimages + 1;
	return 0;
}

/* Loads the pictures of part p, whose pages are landscape or not. */
static void
load_part(vb_document *doc, vb_inputs *in, vb_part *p, vb_diags *d,
    size_t *cap)
{
	const vb_profile *pf = &doc->profile;
	double pw = p->landscape ? pf->page_h_mm : pf->page_w_mm;
	double ph = p->landscape ? pf->page_w_mm : pf->page_h_mm;
	double tw = pw - pf->margin_left_mm - pf->margin_right_mm;
	double th = ph - pf->margin_top_mm - pf->margin_bottom_mm;
	size_t i;

	for (i = 0; i < p->n; i++) {
		vb_block *b = &p->blocks[i];

		if (b->kind != VB_BLOCK_IMAGE || b->image == NULL)
			continue;
		if (doc->nimages == IMG_MAX_COUNT) {
			vb_diag_add(d, VB_ERROR, b->file, b->line, b->col,
			    "chia văn bản hoặc đưa bớt hình vào phụ lục riêng",
			    "văn bản có quá %d hình", IMG_MAX_COUNT);
			return;
		}
		if (in->over || load_one(doc, in, b, tw, th, d) < 0)
			continue;
		doc->images = vb_grow(doc->arena, doc->images,
		    doc->nimages + 1, sizeof(vb_image *), cap);
		doc->images[doc->nimages++] = b->image;
	}
}

void
vb_images_load(vb_document *doc, vb_inputs *in, vb_diags *d)
{
	size_t i, cap = 0;

	load_part(doc, in, &doc->body, d, &cap);
	for (i = 0; i < doc->nappendices; i++)
		load_part(doc, in, &doc->appendices[i], d, &cap);
}
