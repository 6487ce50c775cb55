/* lint_types.c - the parts each kind of document must have (nd30.md §2.3,
 * §4 Mẫu 1.1-1.3 and 1.9, §2.6): the articles of a quyết định or nghị
 * quyết and the "Như Điều …" that opens its Nơi nhận, the articles of a
 * quy chế or quy định, the two signatures of a biên bản, one signature per
 * agency of a joint document, and the keys a document issued with a
 * quyết định does not take. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "lint.h"
#include "model/compose.h"

/* Returns 1 when kind t is key. */
static int
is(const vb_doctype *t, const char *key)
{
	return t != NULL && strcmp(t->key, key) == 0;
}

/* Returns the number of articles in the body, and sets *last to the
 * highest article number. */
static int
articles(const vb_lint *l, int *last)
{
	const vb_block *b;
	size_t i;
	int n = 0, v;

	*last = 0;
	for (i = 0; i < l->body.n; i++) {
		b = &l->body.blocks[i];
		if (b->kind != VB_BLOCK_ARTICLE)
			continue;
		n++;
		if (b->number != NULL &&
		    (v = atoi(b->number + strlen("Điều "))) > *last)
			*last = v;
	}
	return n;
}

/* Returns the article number of recipient s when it is "Như Điều 3" (with
 * or without a dash and punctuation), 0 when it is "Như Điều" with a
 * number vanban cannot read, -1 when it is not one. */
static int
nhu_dieu(vb_lint *l, const char *s)
{
	static const char head[] = "như điều";
	char *low = vb_text_lower(l->a, s);

	if (low[0] == '-')
		low = vb_text_trim(l->a, low + 1);
	if (strncmp(low, head, sizeof(head) - 1) != 0)
		return -1;
	return atoi(low + sizeof(head) - 1);
}

/* Returns where key was written, or the first line of the front matter. */
static vb_pos
key_pos(const vb_lint *l, const char *key)
{
	vb_pos p = vb_lint_key(l, key);

	if (p.line <= 0) {
		p.line = l->fm_first > 0 ? l->fm_first : 1;
		p.col = 1;
	}
	return p;
}

/* A quyết định or nghị quyết: articles, "Như Điều …" first in Nơi nhận,
 * pointing at an article that exists. */
static void
lint_decision(vb_lint *l)
{
	const vb_strlist *r = &l->meta.recipients;
	const char *name = l->type->name;
	int n, last, v;
	vb_pos p;

	n = articles(l, &last);
	if (n == 0) {
		p.line = l->body_first > 0 ? l->body_first : 1;
		p.col = 1;
		vb_diag_add(l->d, VB_WARNING, l->path, p.line, p.col,
		    "mỗi điều là một đoạn bắt đầu bằng 'Điều 1.', 'Điều 2.' … "
		    "(hoặc 'Điều.' để vanban tự đánh số)",
		    "%s chưa có điều nào: nội dung %s gồm các điều (Điều 1., "
		    "Điều 2., …)", name, vb_text_lower(l->a, name));
	}
	if (r->n == 0)
		return;
	v = nhu_dieu(l, r->items[0]);
	if (v < 0) {
		p = r->pos[0];
		vb_diag_add(l->d, VB_WARNING, l->path, p.line, p.col,
		    vb_sprintf(l->a, "thêm dòng đầu: noi_nhan: [Như Điều %d, …] "
		    "(điều giao trách nhiệm thi hành)", last > 0 ? last : 3),
		    "nơi nhận của %s bắt đầu bằng '- Như Điều …;' (các đơn vị "
		    "thi hành), đang là '%s'", vb_text_lower(l->a, name),
		    r->items[0]);
	} else if (v > 0 && n > 0 && v > last) {
		p = r->pos[0];
		vb_diag_add(l->d, VB_WARNING, l->path, p.line, p.col,
		    vb_sprintf(l->a, "sửa thành 'Như Điều %d' (điều cuối)", last),
		    "'%s' chỉ đến điều không có: %s chỉ có %d điều", r->items[0],
		    vb_text_lower(l->a, name), last);
	}
}

/* A quy chế, quy định (and điều lệ): divided into articles. */
static void
lint_rules(vb_lint *l)
{
	int last;
	vb_pos p;

	if (articles(l, &last) > 0)
		return;
	p.line = l->body_first > 0 ? l->body_first : 1;
	p.col = 1;
	vb_diag_add(l->d, VB_WARNING, l->path, p.line, p.col,
	    "viết các chương và điều bằng đề mục: '# Chương I. Quy định chung', "
	    "'## Điều 1. Phạm vi điều chỉnh'",
	    "%s chia thành các điều (Nghị định 30, Phụ lục I mục V.6): chưa có "
	    "điều nào", l->type->name);
}

/* A biên bản: signed by the secretary and the chair. */
static void
lint_minutes(vb_lint *l)
{
	vb_pos p;

	if (l->meta.nsigners >= 2)
		return;
	p = key_pos(l, "ky");
	vb_diag_add(l->d, VB_WARNING, l->path, p.line, p.col,
	    "ky:\n    - {chuc_vu: Thư ký, ho_ten: …}\n"
	    "    - {chuc_vu: Chủ tọa, ho_ten: …}",
	    "biên bản có hai chữ ký: thư ký (bên trái) và chủ tọa (bên phải), "
	    "đang có %zu", l->meta.nsigners);
}

/* A joint document (liên tịch: co_quan is a list): one signature per
 * agency. */
static void
lint_joint(vb_lint *l)
{
	vb_pos p;

	if (l->meta.joint < 2 || l->meta.nsigners >= l->meta.joint)
		return;
	p = key_pos(l, "ky");
	vb_diag_add(l->d, VB_WARNING, l->path, p.line, p.col,
	    "viết ky là một danh sách, mỗi cơ quan một người ký, cơ quan chủ "
	    "trì ở bên phải (cuối danh sách)",
	    "văn bản liên tịch của %zu cơ quan cần %zu chữ ký, đang có %zu",
	    l->meta.joint, l->meta.joint, l->meta.nsigners);
}

/* The keys that only a quyết định or nghị quyết takes. */
static void
lint_decision_keys(vb_lint *l)
{
	static const char *const keys[] = {"tham_quyen", "de_nghi", NULL};
	size_t i;
	vb_pos p;

	for (i = 0; keys[i] != NULL; i++) {
		p = vb_lint_key(l, keys[i]);
		if (p.line <= 0)
			continue;
		vb_diag_add(l->d, VB_WARNING, l->path, p.line, p.col,
		    "bỏ khóa này, hoặc đổi loai thành quyet-dinh / nghi-quyet",
		    "khóa '%s' chỉ dùng cho quyết định, nghị quyết; %s không in "
		    "dòng này, bị bỏ qua", keys[i],
		    vb_text_lower(l->a, l->type->name));
	}
}

/* A document issued with a quyết định (kem_theo): signed and sent only
 * with it, so its own ky, noi_nhan, so and ngay are not printed. */
static void
lint_issued_with(vb_lint *l)
{
	static const char *const keys[] = {"ky", "noi_nhan", "so", "ngay",
	    "luu", NULL};
	size_t i;
	vb_pos p;

	for (i = 0; keys[i] != NULL; i++) {
		p = vb_lint_key(l, keys[i]);
		if (p.line <= 0)
			continue;
		vb_diag_add(l->d, VB_WARNING, l->path, p.line, p.col,
		    "bỏ khóa này: số, ngày, chữ ký và nơi nhận là của văn bản "
		    "ghi ở kem_theo",
		    "văn bản ban hành kèm theo (kem_theo) không in '%s', bị bỏ "
		    "qua", keys[i]);
	}
}

void
vb_lint_types(vb_lint *l)
{
	if (!l->have_meta || l->type == NULL)
		return;
	if (l->meta.with != NULL) {
		lint_issued_with(l);
		if (is(l->type, "quy-che") || is(l->type, "quy-dinh"))
			lint_rules(l);
		return;
	}
	if (vb_kind_enacts(l->type))
		lint_decision(l);
	else
		lint_decision_keys(l);
	if (is(l->type, "quy-che") || is(l->type, "quy-dinh"))
		lint_rules(l);
	if (is(l->type, "bien-ban"))
		lint_minutes(l);
	lint_joint(l);
}
