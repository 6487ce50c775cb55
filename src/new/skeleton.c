/* skeleton.c - the body each kind of document usually has (Decree 30,
 * Phụ lục III, and the plans and reports agencies write), with blanks. */
#include "skeleton.h"

#include <string.h>

/* The body of one kind of document. */
struct skeleton {
	const char *key;	/* doctype key, NULL for the default */
	const char *body;	/* Markdown body with blanks */
};

#define B "……"

/* Plans, programmes, schemes and projects. */
#define PLAN_BODY \
	B " (căn cứ, lý do ban hành)\n\n" \
	"# Mục đích, yêu cầu\n\n## Mục đích\n\n- " B "\n\n## Yêu cầu\n\n- " B "\n\n" \
	"# Nội dung\n\n## " B "\n\n" B "\n\n## " B "\n\n" B "\n\n" \
	"# Tổ chức thực hiện\n\n## " B " (đơn vị chủ trì)\n\n" B "\n\n" \
	"## Các đơn vị liên quan\n\n" B "\n"

static const struct skeleton skeletons[] = {
	{"ke-hoach", PLAN_BODY},
	{"chuong-trinh", PLAN_BODY},
	{"phuong-an", PLAN_BODY},
	{"de-an",
	    "# Sự cần thiết\n\n" B "\n\n# Mục tiêu\n\n## Mục tiêu chung\n\n" B "\n\n"
	    "## Mục tiêu cụ thể\n\n- " B "\n\n# Nhiệm vụ, giải pháp\n\n## " B "\n\n"
	    B "\n\n# Kinh phí thực hiện\n\n" B "\n\n# Tổ chức thực hiện\n\n" B "\n"},
	{"du-an",
	    "# Sự cần thiết đầu tư\n\n" B "\n\n# Mục tiêu, quy mô\n\n" B "\n\n"
	    "# Tổng mức đầu tư, nguồn vốn\n\n" B "\n\n# Tiến độ thực hiện\n\n" B "\n\n"
	    "# Tổ chức thực hiện\n\n" B "\n"},
	{"bao-cao",
	    B " (căn cứ báo cáo, kỳ báo cáo) như sau:\n\n"
	    "# Kết quả thực hiện\n\n## " B "\n\n" B "\n\n## " B "\n\n" B "\n\n"
	    "# Tồn tại, hạn chế và nguyên nhân\n\n## Tồn tại, hạn chế\n\n" B "\n\n"
	    "## Nguyên nhân\n\n" B "\n\n# Phương hướng, nhiệm vụ thời gian tới\n\n- "
	    B "\n\n# Đề xuất, kiến nghị\n\n" B "\n"},
	{"to-trinh",
	    B " (căn cứ trình), " B " kính trình " B " xem xét, quyết định "
	    B " như sau:\n\n# Sự cần thiết\n\n" B "\n\n# Mục đích, quan điểm\n\n"
	    B "\n\n# Nội dung chính\n\n" B "\n\n# Kiến nghị, đề xuất\n\n" B
	    "\n\nKính trình " B " xem xét, quyết định.\n"},
	{"quyet-dinh",
	    "**Điều 1.** " B "\n\n**Điều 2.** " B "\n\n**Điều 3.** " B
	    " (các đơn vị, cá nhân) chịu trách nhiệm thi hành Quyết định này.\n"},
	{"nghi-quyet",
	    "**Điều 1.** " B "\n\n**Điều 2.** " B "\n\n**Điều 3.** Nghị quyết này "
	    "có hiệu lực từ ngày " B ".\n"},
	{"chi-thi",
	    B " (tình hình, lý do ban hành chỉ thị)\n\nĐể " B ", " B " yêu cầu:\n\n"
	    "1. " B "\n\n2. " B "\n\n3. " B " chịu trách nhiệm tổ chức thực hiện "
	    "Chỉ thị này.\n"},
	{"quy-che",
	    "# Quy định chung\n\n**Điều 1. Phạm vi điều chỉnh**\n\n" B "\n\n"
	    "**Điều 2. Đối tượng áp dụng**\n\n" B "\n\n# Quy định cụ thể\n\n"
	    "**Điều 3.** " B "\n\n# Tổ chức thực hiện\n\n**Điều 4.** " B "\n"},
	{"quy-dinh",
	    "# Quy định chung\n\n**Điều 1. Phạm vi điều chỉnh**\n\n" B "\n\n"
	    "**Điều 2. Đối tượng áp dụng**\n\n" B "\n\n# Quy định cụ thể\n\n"
	    "**Điều 3.** " B "\n\n# Tổ chức thực hiện\n\n**Điều 4.** " B "\n"},
	{"huong-dan",
	    B " (căn cứ), " B " hướng dẫn như sau:\n\n# Mục đích, yêu cầu\n\n" B
	    "\n\n# Nội dung hướng dẫn\n\n## " B "\n\n" B "\n\n# Tổ chức thực hiện\n\n"
	    B "\n"},
	{"thong-bao", B " (nội dung thông báo)\n\n" B "\n"},
	{"thong-cao", B " (nội dung thông cáo)\n"},
	{"bien-ban",
	    "Thời gian bắt đầu: " B "\n\nĐịa điểm: " B "\n\nThành phần tham dự: " B
	    "\n\nChủ trì: " B "; Thư ký: " B "\n\n# Nội dung\n\n" B "\n\n"
	    "# Kết luận\n\n" B "\n\nCuộc họp kết thúc vào " B " giờ " B ", ngày "
	    B ".\n"},
	{"giay-moi",
	    B " trân trọng kính mời: " B "\n\nTới dự: " B "\n\nThời gian: " B
	    "\n\nĐịa điểm: " B "\n"},
	{"giay-gioi-thieu",
	    B " trân trọng giới thiệu: Ông (bà) " B "\n\nChức vụ: " B "\n\n"
	    "Được cử đến: " B "\n\nVề việc: " B "\n\nĐề nghị Quý cơ quan tạo điều "
	    "kiện để ông (bà) có tên ở trên hoàn thành nhiệm vụ.\n\nGiấy này có giá "
	    "trị đến hết ngày " B ".\n"},
	{"giay-nghi-phep",
	    "Cấp cho ông (bà): " B "\n\nChức vụ: " B "\n\nĐược nghỉ phép trong thời "
	    "gian: " B ", kể từ ngày " B " đến hết ngày " B "\n\nTại: " B "\n"},
	{"giay-uy-quyen",
	    "Bên ủy quyền: " B "\n\nBên được ủy quyền: " B "\n\nNội dung ủy quyền: " B
	    "\n\nThời hạn ủy quyền: " B "\n"},
	{"hop-dong",
	    "Hôm nay, ngày " B ", tại " B ", chúng tôi gồm:\n\n# Bên A\n\n" B "\n\n"
	    "# Bên B\n\n" B "\n\nHai bên thống nhất ký kết hợp đồng với các điều "
	    "khoản sau:\n\n**Điều 1.** " B "\n\n**Điều 2.** " B "\n"},
	{"ban-ghi-nho", "**Điều 1.** " B "\n\n**Điều 2.** " B "\n"},
	{"ban-thoa-thuan", "**Điều 1.** " B "\n\n**Điều 2.** " B "\n"},
	{"cong-dien", B " điện: " B "\n\n" B "\n"},
	{"cong-van", B " (nội dung công văn)\n\n" B "\n"},
	{NULL, B "\n"}
};

const char *
vb_skeleton_body(const char *key)
{
	const struct skeleton *s;

	for (s = skeletons; s->key; s++)
		if (strcmp(s->key, key) == 0)
			break;
	return s->body;
}

int
vb_skeleton_has_bases(const char *key)
{
	return strcmp(key, "quyet-dinh") == 0 || strcmp(key, "nghi-quyet") == 0 ||
	    strcmp(key, "chi-thi") == 0;
}
