/* lint_recipients.c - "Kính gửi" and "Nơi nhận" (Phụ lục I, ô 9a and 9b).
 * The parser already warns when "Lưu" is missing. */
#include <string.h>

#include "base/text.h"
#include "lint.h"

/* Returns 1 for the kinds whose Nơi nhận starts with "Như trên" when they
 * have a Kính gửi: tờ trình, báo cáo, công văn. */
static int
wants_nhu_tren(const vb_doctype *t)
{
	return strcmp(t->key, "to-trinh") == 0 || strcmp(t->key, "bao-cao") == 0 ||
	    vb_doctype_is_cong_van(t);
}

/* Returns 1 when recipient s is "Như trên", with or without a dash,
 * punctuation or a note such as "(để b/c)". */
static int
is_nhu_tren(vb_lint *l, const char *s)
{
	char *low = vb_text_lower(l->a, s);

	if (low[0] == '-')
		low = vb_text_trim(l->a, low + 1);
	return strncmp(low, "như trên", strlen("như trên")) == 0;
}

void
vb_lint_recipients(vb_lint *l)
{
	const vb_strlist *r = &l->meta.recipients;
	vb_pos p;

	if (!l->have_meta || l->type == NULL || !wants_nhu_tren(l->type) ||
	    l->meta.to.n == 0 || r->n == 0 || is_nhu_tren(l, r->items[0]))
		return;
	p = r->pos[0];
	vb_diag_add(l->d, VB_WARNING, l->path, p.line, p.col,
	    "thêm 'Như trên' làm dòng đầu của noi_nhan",
	    "%s có 'Kính gửi' thì nơi nhận đầu tiên phải là '- Như trên;' "
	    "(đang là '%s')", l->type->name, r->items[0]);
}
