/* docx_rule.c - the short rules of Decree 30 (under the issuing agency,
 * under the trích yếu, under an appendix's title), drawn the way that
 * survives editing: a line shape anchored at the end of the text it
 * underlines, placed from the top of that text's last line and centred in
 * its column. It moves with its text when lines are added or removed
 * around or inside it, wraps with it, cannot be typed into, and goes when
 * its paragraph is deleted. Written as Word writes shapes: DrawingML
 * (wps) with a VML fallback for older readers. The rule under the Tiêu
 * ngữ, as long as the text, is the bottom border of its paragraph (the
 * "Tiêu ngữ" style); a thematic break ("---") is a bordered paragraph. */
#include "docx_int.h"

#include <stdio.h>

/* EMUs per twip (914400 per inch, 1440 twips per inch). */
#define EMU_PER_TW 635

/* Returns the distance from the top of a line of text at size pt to the
 * middle of its rule: the line, PDF_RULE_LINE-like 5 pt of space, half
 * the rule's thickness (the PDF renderer draws it there too). */
static int
rule_offset_tw(const dx_ctx *c, double pt)
{
	return DX_PT_TW(VB_SINGLE_LINE_FACTOR * pt + DX_RULE_GAP_PT +
	    c->p->rule_pt / 2);
}

/* Writes the DrawingML anchor of a line w twips long, off twips below the
 * top of its line, centred in its column. */
static void
anchor(dx_ctx *c, int w, int off, int id)
{
	dx_xml *x = c->x;
	char name[40];

	snprintf(name, sizeof(name), "Đường kẻ %d", id);
	dx_start(x, "wp:anchor");
	dx_drawing_dist(x);
	dx_attri(x, "simplePos", 0);
	dx_attri(x, "relativeHeight", id);
	dx_attri(x, "behindDoc", 0);
	dx_attri(x, "locked", 0);
	dx_attri(x, "layoutInCell", 1);
	dx_attri(x, "allowOverlap", 1);
	dx_start(x, "wp:simplePos");
	dx_attri(x, "x", 0);
	dx_attri(x, "y", 0);
	dx_end(x);
	dx_start(x, "wp:positionH");
	dx_attr(x, "relativeFrom", "column");
	dx_elem_text(x, "wp:align", "center");
	dx_end(x);
	dx_start(x, "wp:positionV");
	dx_attr(x, "relativeFrom", "line");
	dx_elem_text(x, "wp:posOffset", vb_sprintf(c->arena, "%ld",
	    (long)off * EMU_PER_TW));
	dx_end(x);
	dx_drawing_extent(x, (long)w * EMU_PER_TW, 0);
	dx_empty(x, "wp:wrapNone");
	dx_start(x, "wp:docPr");
	dx_attri(x, "id", id);
	dx_attr(x, "name", name);
	dx_end(x);
	dx_empty(x, "wp:cNvGraphicFramePr");
}

/* Writes the line shape itself: w twips long, black, the rule's weight. */
static void
graphic(dx_ctx *c, int w)
{
	dx_xml *x = c->x;

	dx_start(x, "a:graphic");
	dx_start(x, "a:graphicData");
	dx_attr(x, "uri", DX_NS_WPS);
	dx_start(x, "wps:wsp");
	dx_empty(x, "wps:cNvCnPr");
	dx_start(x, "wps:spPr");
	dx_drawing_geometry(x, (long)w * EMU_PER_TW, 0, "line");
	dx_start(x, "a:ln");
	dx_attri(x, "w", (long)(c->p->rule_pt * 12700 + 0.5));
	dx_start(x, "a:solidFill");
	dx_start(x, "a:srgbClr");
	dx_attr(x, "val", "000000");
	dx_end(x);
	dx_end(x);
	dx_end(x);
	dx_end(x);
	dx_empty(x, "wps:bodyPr");
	dx_end(x);
	dx_end(x);
	dx_end(x);
}

/* Writes the VML fallback: the same line for readers without DrawingML. */
static void
fallback(dx_ctx *c, int w, int off)
{
	dx_xml *x = c->x;

	dx_start(x, "w:pict");
	dx_start(x, "v:line");
	dx_attr(x, "from", "0,0");
	dx_attr(x, "to", vb_sprintf(c->arena, "%.2fpt,0", w / 20.0));
	dx_attr(x, "strokeweight", vb_sprintf(c->arena, "%.2fpt",
	    c->p->rule_pt));
	dx_attr(x, "style", vb_sprintf(c->arena, "position:absolute;"
	    "margin-top:%.2fpt;width:%.2fpt;height:0;z-index:1;"
	    "mso-position-horizontal:center;"
	    "mso-position-horizontal-relative:text;"
	    "mso-position-vertical-relative:line", off / 20.0, w / 20.0));
	dx_end(x);
	dx_end(x);
}

/* Writes a run holding a rule w twips long under the line of text (at pt
 * points) that ends where the run is written: the last run of the
 * paragraph it underlines. */
void
dx_rule_run(dx_ctx *c, int w, double pt)
{
	int off = rule_offset_tw(c, pt), id = ++c->shapes;
	dx_xml *x = c->x;

	dx_start(x, "w:r");
	dx_start(x, "mc:AlternateContent");
	dx_start(x, "mc:Choice");
	dx_attr(x, "Requires", "wps");
	dx_start(x, "w:drawing");
	anchor(c, w, off, id);
	graphic(c, w);
	dx_end(x);	/* wp:anchor */
	dx_end(x);	/* w:drawing */
	dx_end(x);	/* mc:Choice */
	dx_start(x, "mc:Fallback");
	fallback(c, w, off);
	dx_end(x);
	dx_end(x);	/* mc:AlternateContent */
	dx_end(x);	/* w:r */
}

/* Writes a paragraph in style id holding text, with a rule w twips long
 * under its last line; the text is set at pt points. The paragraph ends
 * section sect when it is not NULL. */
void
dx_para_ruled(dx_ctx *c, const char *id, const char *text, int w, double pt,
    const dx_sect *sect)
{
	dx_para_open(c, id, text, sect);
	dx_rule_run(c, w, pt);
	dx_end(c->x);
}

/* Returns the length of the short rule under a line text_tw twips wide in
 * a box of box_tw twips: 0.4 of the text (Decree 30: 1/3 to 1/2 of the
 * line), a third of the box when the text wraps. */
int
dx_rule_width(int text_tw, int box_tw)
{
	if (text_tw <= box_tw)
		return (int)(text_tw * 0.4);
	return box_tw / 3;	/* wrapped: a third of a full line */
}
