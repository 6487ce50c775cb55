/* profile.h - the house profile: every size, margin and spacing that both
 * renderers use, fixed inside the ranges Decree 30 allows (nd30.md §1, §2.2,
 * §5.3). A document may change some of them in its front matter. */
#ifndef VB_PROFILE_H
#define VB_PROFILE_H

/* Page geometry and type sizes, in millimetres and points. */
typedef struct vb_profile {
	double page_w_mm;	/* A4 width, 210 */
	double page_h_mm;	/* A4 height, 297 */
	double margin_top_mm;	/* 20-25 */
	double margin_bottom_mm; /* 20-25 */
	double margin_left_mm;	/* 30-35 */
	double margin_right_mm;	/* 15-20 */
	char font[64];		/* font family, "Times New Roman" */
	double body_pt;		/* body text, 13-14 */
	double indent_cm;	/* first-line indent, 1.0 or 1.27 */
	double para_space_pt;	/* space after each paragraph, >= 6 */
	double line_spacing;	/* multiple of single, 1.0-1.5 */
	double quoc_hieu_pt;	/* "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12-13 */
	double tieu_ngu_pt;	/* "Độc lập - Tự do - Hạnh phúc", 13-14 */
	double agency_pt;	/* parent agency and issuer names, 12-13 */
	double number_pt;	/* "Số: …", 13 */
	double place_date_pt;	/* place and date line, 13-14 */
	double type_pt;		/* type name "KẾ HOẠCH", 13-14 */
	double subject_pt;	/* trích yếu, 13-14 */
	double cv_subject_pt;	/* công văn "V/v …" line, 12-13 */
	double sign_pt;		/* authority lines and signer name, 13-14 */
	double noi_nhan_label_pt; /* "Nơi nhận:", 12 */
	double noi_nhan_pt;	/* recipient lines, 11 */
	double table_pt;	/* text inside tables, 12-13 */
	double note_pt;		/* footnote text */
	double page_number_pt;	/* page number in the header, 13-14 */
	double header_left_mm;	/* width of the header's left column */
	double header_right_mm;	/* width of the header's right column (>= 100 at 13 pt) */
	double sign_left_frac;	/* share of the text width for "Nơi nhận" */
	double sign_space_mm;	/* blank height for signature and seal */
	double rule_pt;		/* thickness of the short rules */
	double mark_pt;		/* ô 10a, 10b, 11 and the draft mark, 13-14 */
	double footer_pt;	/* ô 13, the footer of page 1, 11-12 */
	double mark_pad_pt;	/* space inside a mark's frame, each side */
	double frame_pt;	/* thickness of a mark's frame */
} vb_profile;

/* A mark's frame is 8 mm high (ND30's urgency stamps): the space above and
 * below its line of text makes up the height. */
#define VB_MARK_H_MM 8.0
/* Space between the body and the rule over the footer of page 1, pt. */
#define VB_FOOTER_GAP_PT 6.0

/* Returns the space above and below a mark's line inside its frame, whole
 * points (Word's border spacing is in points), so that the frame is
 * VB_MARK_H_MM high. */
double vb_mark_vpad_pt(const vb_profile *p);
/* Returns the width of a mark's frame for text tw pt wide, at least
 * least_mm (an urgency stamp's width, or 0), at most avail pt. */
double vb_mark_width_pt(const vb_profile *p, double tw, double least_mm,
    double avail);

/* Returns the house profile: A4, 20/20/30/15 mm, Times New Roman 14 pt … */
vb_profile vb_profile_default(void);

/* Text width of a portrait page, in millimetres. */
double vb_profile_text_width_mm(const vb_profile *p);

/* Smallest sizes Decree 30 allows for the agency names, the place and
 * date line, the Quốc hiệu and the Tiêu ngữ. A header line that would wrap
 * at the profile's size is set this small instead when that keeps it on
 * one line (both renderers, widths padded 1 % for rounding). */
#define VB_MIN_AGENCY_PT 12
#define VB_MIN_PLACE_PT 13
#define VB_MIN_QUOC_HIEU_PT 12
#define VB_MIN_TIEU_NGU_PT 13

/* The rule under the Tiêu ngữ reaches this far past each end of the text
 * (pt): in the DOCX it is the bottom border of the Tiêu ngữ's paragraph,
 * which must be a little wider than the text for it to stay on one line. */
#define VB_TIEU_NGU_RULE_OVER 1.0

/* Unit helpers. */
#define VB_MM_TO_TWIPS(mm) ((int)((mm) * 56.6929 + 0.5))
#define VB_PT_TO_TWIPS(pt) ((int)((pt) * 20 + 0.5))
#define VB_PT_TO_HALF(pt) ((int)((pt) * 2 + 0.5))
#define VB_MM_TO_PT(mm) ((mm) * 72.0 / 25.4)
#define VB_CM_TO_TWIPS(cm) ((int)((cm) * 566.929 + 0.5))

/* Word's "single" line height as a multiple of the font size for Times New
 * Roman / Liberation Serif (hhea ascender+descender+lineGap / unitsPerEm). */
#define VB_SINGLE_LINE_FACTOR (2355.0 / 2048.0)

#endif
