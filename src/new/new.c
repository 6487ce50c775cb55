/* new.c - the front matter and body of a new document. */
#include "new.h"

#include <string.h>

#include "skeleton.h"

/* Returns 1 when the profile gives a scalar key (any value). */
static int
given(const vb_agency *ag, const char *key)
{
	const vb_meta *m = vb_agency_meta(ag);

	if (m == NULL)
		return 0;
	if (strcmp(key, "co_quan_chu_quan") == 0)
		return m->parent != NULL;
	if (strcmp(key, "co_quan") == 0)
		return m->issuer != NULL;
	if (strcmp(key, "viet_tat") == 0)
		return m->abbrev != NULL;
	if (strcmp(key, "don_vi") == 0)
		return m->unit != NULL;
	if (strcmp(key, "dia_danh") == 0)
		return m->place != NULL;
	if (strcmp(key, "kinh_gui") == 0)
		return m->to.n > 0;
	if (strcmp(key, "noi_nhan") == 0)
		return m->recipients.n > 0;
	if (strcmp(key, "luu") == 0)
		return m->archive.n > 0;
	if (strcmp(key, "ky") == 0)
		return m->nsigners > 0;
	return 0;
}

/* Writes "key: value  # comment" unless the profile gives key. */
static void
key_line(vb_buf *out, const vb_agency *ag, const char *key, const char *value,
    const char *comment)
{
	if (given(ag, key))
		return;
	vb_buf_printf(out, "%s: %s", key, value);
	if (comment)
		vb_buf_printf(out, "  # %s", comment);
	vb_buf_putc(out, '\n');
}

/* Writes the "Kính gửi" and "Nơi nhận" keys of kind t. */
static void
recipients(vb_buf *out, const vb_doctype *t, const vb_agency *ag)
{
	if (t->to_superior || vb_doctype_is_cong_van(t))
		key_line(out, ag, "kinh_gui", "[" VB_BLANK "]",
		    "nơi gửi, một hoặc nhiều: [A, B]");
	if (given(ag, "noi_nhan"))
		;
	else if (t->to_superior || vb_doctype_is_cong_van(t))
		vb_buf_puts(out, "noi_nhan:\n  - Như trên\n  - " VB_BLANK "\n");
	else
		vb_buf_puts(out, "noi_nhan:\n  - " VB_BLANK "\n");
	key_line(out, ag, "luu", "[VT, " VB_BLANK "]",
	    "Văn thư và đơn vị soạn thảo");
}

/* Writes the "ky" block unless the profile gives it. */
static void
signature(vb_buf *out, const vb_agency *ag)
{
	if (given(ag, "ky"))
		return;
	vb_buf_puts(out,
	    "ky:\n"
	    "  quyen_han: \"\"  # KT, TM, TL, TUQ, Q; để trống khi người đứng đầu ký\n"
	    "  chuc_vu: " VB_BLANK "\n"
	    "  ho_ten: " VB_BLANK "\n");
}

/* Returns 1 when documents of kind t carry a trích yếu (Phụ lục III prints
 * the papers and slips without one). */
static int
has_subject(const vb_doctype *t)
{
	return strncmp(t->key, "giay-", 5) != 0 && strncmp(t->key, "phieu-", 6)
	    != 0 ? 1 : strcmp(t->key, "giay-moi") == 0;
}

int
vb_new_document(const vb_doctype *t, const vb_agency *ag, const char *date,
    vb_buf *out)
{
	int cv = vb_doctype_is_cong_van(t);

	vb_buf_puts(out, "---\n");
	vb_buf_printf(out, "loai: %s\n", t->key);
	if (ag && ag->path)
		vb_buf_printf(out, "# Các khóa chung lấy từ %s; viết lại ở đây "
		    "để thay cho văn bản này.\n", ag->path);
	key_line(out, ag, "co_quan_chu_quan", VB_BLANK,
	    "cơ quan chủ quản; xóa dòng này nếu không có");
	key_line(out, ag, "co_quan", VB_BLANK, "cơ quan ban hành");
	key_line(out, ag, "viet_tat", VB_BLANK, "chữ viết tắt tên cơ quan");
	if (cv)
		key_line(out, ag, "don_vi", VB_BLANK, "đơn vị soạn thảo");
	vb_buf_puts(out, "so: \"\"  # để trống cho đến khi văn thư cấp số\n");
	key_line(out, ag, "dia_danh", VB_BLANK, NULL);
	vb_buf_printf(out, "ngay: %s\n", date);
	if (has_subject(t))
		vb_buf_puts(out, "trich_yeu: " VB_BLANK "\n");
	if (vb_skeleton_has_bases(t->key))
		vb_buf_puts(out, "can_cu:\n  - Căn cứ " VB_BLANK "\n  - Căn cứ "
		    VB_BLANK "\n  - Theo đề nghị của " VB_BLANK "\n");
	recipients(out, t, ag);
	signature(out, ag);
	vb_buf_puts(out, "---\n\n");
	vb_buf_puts(out, vb_skeleton_body(t->key));
	return out->data == NULL ? -1 : 0;
}
