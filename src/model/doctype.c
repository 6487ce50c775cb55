/* doctype.c - the document kinds of Decree 30, Phụ lục III Mục I. */
#include "doctype.h"

#include <string.h>

#include "base/text.h"

static const vb_doctype types[] = {
	{"nghi-quyet", "Nghị quyết", "NQ", 0},
	{"quyet-dinh", "Quyết định", "QĐ", 0},
	{"chi-thi", "Chỉ thị", "CT", 0},
	{"quy-che", "Quy chế", "QC", 0},
	{"quy-dinh", "Quy định", "QyĐ", 0},
	{"thong-cao", "Thông cáo", "TC", 0},
	{"thong-bao", "Thông báo", "TB", 0},
	{"huong-dan", "Hướng dẫn", "HD", 0},
	{"chuong-trinh", "Chương trình", "CTr", 0},
	{"ke-hoach", "Kế hoạch", "KH", 0},
	{"phuong-an", "Phương án", "PA", 0},
	{"de-an", "Đề án", "ĐA", 0},
	{"du-an", "Dự án", "DA", 0},
	{"bao-cao", "Báo cáo", "BC", 1},
	{"bien-ban", "Biên bản", "BB", 0},
	{"to-trinh", "Tờ trình", "TTr", 1},
	{"hop-dong", "Hợp đồng", "HĐ", 0},
	{"cong-dien", "Công điện", "CĐ", 0},
	{"ban-ghi-nho", "Bản ghi nhớ", "BGN", 0},
	{"ban-thoa-thuan", "Bản thỏa thuận", "BTT", 0},
	{"giay-uy-quyen", "Giấy ủy quyền", "GUQ", 0},
	{"giay-moi", "Giấy mời", "GM", 0},
	{"giay-gioi-thieu", "Giấy giới thiệu", "GGT", 0},
	{"giay-nghi-phep", "Giấy nghỉ phép", "GNP", 0},
	{"phieu-gui", "Phiếu gửi", "PG", 0},
	{"phieu-chuyen", "Phiếu chuyển", "PC", 0},
	{"phieu-bao", "Phiếu báo", "PB", 0},
	{"cong-van", "Công văn", "", 1},
	{"thu-cong", "Thư", "", 0},	/* thư công: no code (Phụ lục III), a type name */
};

const vb_doctype *
vb_doctype_at(int i)
{
	if (i < 0 || (size_t)i >= sizeof(types) / sizeof(types[0]))
		return NULL;
	return &types[i];
}

const vb_doctype *
vb_doctype_find(const char *key)
{
	const vb_doctype *t;
	int i;

	for (i = 0; (t = vb_doctype_at(i)) != NULL; i++)
		if (strcmp(t->key, key) == 0)
			return t;
	return NULL;
}

const vb_doctype *
vb_doctype_suggest(const char *key)
{
	const vb_doctype *t, *best = NULL;
	size_t d, bestd = 4;
	int i;

	for (i = 0; (t = vb_doctype_at(i)) != NULL; i++)
		if ((d = vb_edit_distance(key, t->key)) < bestd) {
			bestd = d;
			best = t;
		}
	return best;
}

int
vb_doctype_is_cong_van(const vb_doctype *t)
{
	return t != NULL && strcmp(t->key, "cong-van") == 0;
}
