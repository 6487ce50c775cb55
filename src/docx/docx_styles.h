/* docx_styles.h - the style ids of vanban's DOCX: one name per element of a
 * Decree 30 document, so that no block carries direct formatting and a
 * clerk restyles an element once, in Word's style pane.
 *
 * The scheme (the table itself is in docx_styles.c):
 * - Word's built-in styles keep Word's ids and names ("Heading1" / "heading
 *   1", "Title", "Hyperlink", "TableGrid" …), set to Decree 30 values, so a
 *   style a clerk picks from Word's gallery looks right.
 * - Every Decree 30 element has its own style with a stable ASCII id (never
 *   renamed: other tools and later versions find elements by it) and a
 *   Vietnamese name (what the clerk sees): "QuocHieu" / "Quốc hiệu".
 * - Header, title and signature elements are based on "TheThuc" (centred,
 *   no indent, no spacing); body-like elements on "NoiDung" (the body).
 * - Each element paragraph style has a linked character style, id + "Char",
 *   name + " (ký tự)", for applying the look to part of a line.
 *
 * To add an element: add its id here, then one row to the table in
 * docx_styles.c (name, base, sizes); writers refer to the macro only. */
#ifndef VB_DOCX_STYLES_H
#define VB_DOCX_STYLES_H

/* Word's built-in styles (ids as Word writes them). */
#define DX_ST_NORMAL "Normal"			/* "Normal" */
#define DX_ST_HEADING "Heading"			/* prefix of Heading1 … Heading9 */
#define DX_ST_TITLE "Title"			/* "Title" */
#define DX_ST_SUBTITLE "Subtitle"		/* "Subtitle" */
#define DX_ST_QUOTE "Quote"			/* "Quote" */
#define DX_ST_PLAIN "PlainText"			/* "Plain Text" (code) */
#define DX_ST_LIST "ListParagraph"		/* "List Paragraph" */
#define DX_ST_HEADER "Header"			/* "header" (page number) */
#define DX_ST_FOOTER "Footer"			/* "footer" */
#define DX_ST_NOTE "FootnoteText"		/* "footnote text" */
#define DX_ST_NOTE_REF "FootnoteReference"	/* "footnote reference" */
#define DX_ST_CAPTION "Caption"			/* "caption" */
#define DX_ST_LINK "Hyperlink"			/* "Hyperlink" */
#define DX_ST_LINK_SEEN "FollowedHyperlink"	/* "FollowedHyperlink" */
#define DX_ST_TABLE_GRID "TableGrid"		/* "Table Grid": body tables */

/* vanban's own styles for the elements of Decree 30 (nd30.md §2.2). */
#define DX_ST_BODY "NoiDung"			/* "Nội dung": body text */
#define DX_ST_FORM "TheThuc"			/* "Thể thức": base of the blocks */
#define DX_ST_PARENT "CoQuanChuQuan"		/* "Tên cơ quan chủ quản" */
#define DX_ST_ISSUER "CoQuanBanHanh"		/* "Tên cơ quan ban hành" */
#define DX_ST_QUOC_HIEU "QuocHieu"		/* "Quốc hiệu" */
#define DX_ST_TIEU_NGU "TieuNgu"		/* "Tiêu ngữ" (with its rule) */
#define DX_ST_NUMBER "SoKyHieu"			/* "Số, ký hiệu" */
#define DX_ST_PLACE_DATE "DiaDanhNgayThang"	/* "Địa danh, ngày tháng" */
#define DX_ST_CV_SUBJECT "TrichYeuCongVan"	/* "Trích yếu công văn" (V/v) */
#define DX_ST_TYPE "TenLoaiVanBan"		/* "Tên loại văn bản" */
#define DX_ST_SUBJECT "TrichYeu"		/* "Trích yếu" */
#define DX_ST_TO "KinhGui"			/* "Kính gửi" */
#define DX_ST_BASIS "CanCu"			/* "Căn cứ" (and "Theo đề nghị của …") */
#define DX_ST_AUTHORITY "ThamQuyenBanHanh"	/* "Thẩm quyền ban hành" (quyết định) */
#define DX_ST_ENACT "DongQuyetDinh"		/* "Dòng quyết định": "QUYẾT ĐỊNH:" */
#define DX_ST_DIVISION "PhanChuongMuc"		/* "Phần, chương, mục": label and title */
#define DX_ST_ARTICLE "Dieu"			/* "Điều" with its title */
#define DX_ST_NN_LABEL "NoiNhan"		/* "Nơi nhận" (the label) */
#define DX_ST_NN_LIST "DanhSachNoiNhan"		/* "Danh sách nơi nhận" */
#define DX_ST_SIGN_TITLE "ChucVuNguoiKy"	/* "Chức vụ người ký" */
#define DX_ST_SIGN_SPACE "ChuKyDau"		/* "Chữ ký, dấu": room to sign */
#define DX_ST_SIGN_NAME "HoTenNguoiKy"		/* "Họ tên người ký" */
#define DX_ST_SIGNERS_NAME "HoTenNguoiKyCot"	/* "Họ tên người ký (nhiều người ký)" */
#define DX_ST_APPX_LABEL "PhuLuc"		/* "Phụ lục" (label line) */
#define DX_ST_APPX_TITLE "TenPhuLuc"		/* "Tên phụ lục" */
#define DX_ST_APPX_REF "DongKemTheo"		/* "Dòng kèm theo" */
#define DX_ST_RULE "DuongKe"			/* "Đường kẻ": a thematic break */
#define DX_ST_CELL "ChuTrongBang"		/* "Chữ trong bảng": table text */
#define DX_ST_CELL_HEAD "TieuDeCot"		/* "Tiêu đề cột": heading row */
#define DX_ST_CELL_GROUP "DongNhom"		/* "Dòng nhóm": group row */
#define DX_ST_FORM_TABLE "BangTheThuc"		/* "Bảng thể thức": borderless */
/* The marks of the position scheme, pictures and copies (docx_marks.c,
 * docx_image.c, docx_copy.c). */
#define DX_ST_SECRECY "DauDoMat"		/* "Dấu chỉ độ mật" (ô 10a) */
#define DX_ST_URGENCY "DauDoKhan"		/* "Dấu chỉ mức độ khẩn" (ô 10b) */
#define DX_ST_CIRCULATION "ChiDanLuuHanh"	/* "Chỉ dẫn phạm vi lưu hành" (ô 11) */
#define DX_ST_DRAFT "DauDuThao"			/* "Dấu dự thảo" */
#define DX_ST_DRAFTER "KyHieuNguoiSoan"		/* "Ký hiệu người soạn thảo" (ô 12) */
#define DX_ST_ADDRESS "DiaChiCoQuan"		/* "Địa chỉ cơ quan" (ô 13) */
#define DX_ST_IMAGE "Hinh"			/* "Hình": a picture's paragraph */
#define DX_ST_COPY_FORM "HinhThucSao"		/* "Hình thức sao" */

#endif
