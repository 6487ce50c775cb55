/* docx_image.c - pictures of the body as Word inserts them: a paragraph
 * holding an inline DrawingML picture (wp:inline, pic:pic) whose blip is
 * a relationship to word/media/imageN.png or .jpeg, at the size the model
 * gives, then the caption in Word's "Caption" style. */
#include "docx_int.h"

#include <string.h>

/* English Metric Units per millimetre. */
#define EMU_PER_MM 36000L
/* The DrawingML picture namespace (graphicData uri and pic:). */
#define DX_NS_PIC "http://schemas.openxmlformats.org/drawingml/2006/picture"

/* Returns the zip entry name of picture im: "word/media/image1.png". */
const char *
dx_image_entry(vb_arena *a, const vb_image *im)
{
	return vb_sprintf(a, "word/media/image%d.%s", im->index,
	    im->format == VB_IMAGE_PNG ? "png" : "jpeg");
}

/* Adds a relationship per picture of the document to rels. */
void
dx_image_rels(dx_ctx *c, dx_rels *rels)
{
	const vb_document *doc = c->doc;
	const char *id;
	size_t i;

	if (doc->nimages == 0)
		return;
	c->rid_images = vb_alloc(c->arena, doc->nimages * sizeof(char *));
	for (i = 0; i < doc->nimages; i++) {
		id = dx_rels_add(rels, c->arena, DX_REL_BASE "image",
		    dx_image_entry(c->arena, doc->images[i]) + 5, 0);
		c->rid_images[i] = id != NULL ? vb_strdup(c->arena, id) : "";
	}
}

/* Writes the a:graphic of picture im, cx × cy EMU, relationship rid. */
static void
graphic(dx_ctx *c, const vb_image *im, long cx, long cy, const char *rid)
{
	dx_xml *x = c->x;
	const char *base;

	dx_start(x, "a:graphic");
	dx_attr(x, "xmlns:a", DX_NS_A);
	dx_start(x, "a:graphicData");
	dx_attr(x, "uri", DX_NS_PIC);
	dx_start(x, "pic:pic");
	dx_attr(x, "xmlns:pic", DX_NS_PIC);
	dx_start(x, "pic:nvPicPr");
	dx_start(x, "pic:cNvPr");
	dx_attri(x, "id", 0);
	/* the picture's own file name, as Word keeps it when a file is
	 * inserted: "vanban import" names the picture it extracts so */
	base = strrchr(im->src, '/') ? strrchr(im->src, '/') + 1 : im->src;
	dx_attr(x, "name", *base ? base : vb_sprintf(c->arena, "image%d",
	    im->index));
	dx_end(x);
	dx_empty(x, "pic:cNvPicPr");
	dx_end(x);
	dx_start(x, "pic:blipFill");
	dx_start(x, "a:blip");
	dx_attr(x, "r:embed", rid);
	dx_end(x);
	dx_start(x, "a:stretch");
	dx_empty(x, "a:fillRect");
	dx_end(x);
	dx_end(x);
	dx_start(x, "pic:spPr");
	dx_drawing_geometry(x, cx, cy, "rect");
	dx_end(x);
	dx_end(x);
	dx_end(x);
	dx_end(x);
}

/* Writes the no-distance-from-text attributes of a drawing (wp:inline or
 * wp:anchor), just after it is started. */
void
dx_drawing_dist(dx_xml *x)
{
	dx_attri(x, "distT", 0);
	dx_attri(x, "distB", 0);
	dx_attri(x, "distL", 0);
	dx_attri(x, "distR", 0);
}

/* Writes a drawing's size, cx by cy EMU, with no effect extent. */
void
dx_drawing_extent(dx_xml *x, long cx, long cy)
{
	dx_start(x, "wp:extent");
	dx_attri(x, "cx", cx);
	dx_attri(x, "cy", cy);
	dx_end(x);
	dx_start(x, "wp:effectExtent");
	dx_attri(x, "l", 0);
	dx_attri(x, "t", 0);
	dx_attri(x, "r", 0);
	dx_attri(x, "b", 0);
	dx_end(x);
}

/* Writes a shape's transform, at the origin, cx by cy EMU, and its preset
 * geometry prst ("rect", "line"). */
void
dx_drawing_geometry(dx_xml *x, long cx, long cy, const char *prst)
{
	dx_start(x, "a:xfrm");
	dx_start(x, "a:off");
	dx_attri(x, "x", 0);
	dx_attri(x, "y", 0);
	dx_end(x);
	dx_start(x, "a:ext");
	dx_attri(x, "cx", cx);
	dx_attri(x, "cy", cy);
	dx_end(x);
	dx_end(x);
	dx_start(x, "a:prstGeom");
	dx_attr(x, "prst", prst);
	dx_empty(x, "a:avLst");
	dx_end(x);
}

/* Writes the run holding picture im inline, described by caption. */
static void
picture_run(dx_ctx *c, const vb_image *im, const char *caption)
{
	dx_xml *x = c->x;
	long cx = (long)(im->w_mm * EMU_PER_MM), cy = (long)(im->h_mm * EMU_PER_MM);

	dx_start(x, "w:r");
	dx_start(x, "w:drawing");
	dx_start(x, "wp:inline");
	dx_drawing_dist(x);
	dx_drawing_extent(x, cx, cy);
	dx_start(x, "wp:docPr");
	dx_attri(x, "id", ++c->shapes);
	dx_attr(x, "name", vb_sprintf(c->arena, "Hình %d", im->index));
	if (caption != NULL && *caption != '\0')
		dx_attr(x, "descr", caption);
	dx_end(x);
	dx_start(x, "wp:cNvGraphicFramePr");
	dx_start(x, "a:graphicFrameLocks");
	dx_attr(x, "xmlns:a", DX_NS_A);
	dx_attri(x, "noChangeAspect", 1);
	dx_end(x);
	dx_end(x);
	graphic(c, im, cx, cy, c->rid_images[im->index - 1]);
	dx_end(x);
	dx_end(x);
	dx_end(x);
}

/* Writes a picture block: the picture in its own paragraph, then its
 * caption; the caption (or the picture) ends section end when not NULL. */
void
dx_image(dx_ctx *c, const vb_block *b, const dx_ppr *pp, const dx_sect *end)
{
	const vb_image *im = b->image;
	int caption = b->text.n > 0;
	dx_ppr p = *pp;

	if (im == NULL || im->index < 1 || c->rid_images == NULL)
		return;
	p.style = DX_ST_IMAGE;
	p.jc = NULL;
	p.ind = 0;
	p.keep_next = caption || pp->keep_next;
	p.sect = caption ? NULL : end;
	dx_start(c->x, "w:p");
	dx_ppr_write(c, &p);
	picture_run(c, im, im->alt);
	dx_end(c->x);
	if (!caption)
		return;
	p = dx_ppr_init();
	p.style = DX_ST_CAPTION;
	p.keep_next = pp->keep_next;
	p.sect = end;
	dx_start(c->x, "w:p");
	dx_ppr_write(c, &p);
	dx_inline(c, &b->text, NULL);
	dx_end(c->x);
}
