/* profile.c - the house profile: one set of numbers for both renderers. */
#include "profile.h"

#include <string.h>

vb_profile
vb_profile_default(void)
{
	vb_profile p;

	memset(&p, 0, sizeof(p));
	p.page_w_mm = 210;
	p.page_h_mm = 297;
	p.margin_top_mm = 20;
	p.margin_bottom_mm = 20;
	p.margin_left_mm = 30;
	p.margin_right_mm = 15;
	strcpy(p.font, "Times New Roman");
	p.body_pt = 14;
	p.indent_cm = 1.27;
	p.para_space_pt = 6;
	p.line_spacing = 1.0;
	p.quoc_hieu_pt = 13;
	p.tieu_ngu_pt = 14;
	p.agency_pt = 13;
	p.number_pt = 13;
	p.place_date_pt = 14;
	p.type_pt = 14;
	p.subject_pt = 14;
	p.cv_subject_pt = 12;
	p.sign_pt = 14;
	p.noi_nhan_label_pt = 12;
	p.noi_nhan_pt = 11;
	p.table_pt = 13;
	p.note_pt = 12;
	p.page_number_pt = 14;
	p.header_left_mm = 65;
	p.header_right_mm = 100;
	p.sign_left_frac = 0.42;
	p.sign_space_mm = 30;
	p.rule_pt = 0.75;
	p.mark_pt = 13;
	p.footer_pt = 11;
	p.mark_pad_pt = 6;
	p.frame_pt = 0.75;
	return p;
}

double
vb_profile_text_width_mm(const vb_profile *p)
{
	return p->page_w_mm - p->margin_left_mm - p->margin_right_mm;
}

double
vb_mark_vpad_pt(const vb_profile *p)
{
	double v = (VB_MM_TO_PT(VB_MARK_H_MM) - VB_SINGLE_LINE_FACTOR *
	    p->mark_pt - 2 * p->frame_pt) / 2;

	return v < 1 ? 1 : (double)(int)(v + 0.5);
}

double
vb_mark_width_pt(const vb_profile *p, double tw, double least_mm,
    double avail)
{
	double w = tw + 2 * (p->mark_pad_pt + p->frame_pt) + 1;

	if (w < VB_MM_TO_PT(least_mm))
		w = VB_MM_TO_PT(least_mm);
	return w > avail ? avail : w;
}
