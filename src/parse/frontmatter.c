/* frontmatter.c - reading the YAML front matter with libyaml's document API
 * and checking every key against what Decree 30 allows. */
#include "frontmatter.h"

#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "base/buf.h"
#include "base/text.h"

/* Limits on the front matter: a real one is a few kilobytes; past these it
 * is refused before libyaml (slow on deep nesting) or the checks see it. */
#define FM_MAX_BYTES (256 * 1024)	/* bytes of the front matter */
#define FM_MAX_DEPTH 32			/* nesting of [ ] and { }, and of indentation */
#define FM_MAX_VALUE 2000		/* bytes of one value */
#define FM_MAX_ITEMS 1000		/* keys of one mapping, items of one list */

/* State of one front matter parse. */
struct ctx {
	vb_arena *a;		/* where strings go */
	const char *file;	/* file name for messages */
	const char *yaml;	/* the YAML text */
	size_t len;		/* its length */
	int first_line;		/* file line of the YAML's first line */
	yaml_document_t *doc;	/* the loaded YAML document */
	vb_meta *m;		/* what is being filled */
	vb_diags *d;		/* where problems go */
};

/* A key and the function that reads its value. */
struct key {
	const char *name;	/* key as written in the front matter */
	void (*read)(struct ctx *, yaml_node_t *, vb_pos);	/* reader */
};

/* A layout setting under "trinh_bay" and its allowed range. */
struct setting {
	const char *name;	/* key */
	double min;		/* smallest allowed value */
	double max;		/* largest allowed value */
	size_t offset;		/* where it goes in vb_profile */
	const char *unit;	/* unit for messages */
};

/* Returns where node starts in the file. */
static vb_pos
pos_of(const struct ctx *c, const yaml_node_t *node)
{
	vb_pos p;

	p.line = (int)node->start_mark.line + c->first_line;
	p.col = (int)node->start_mark.column + 1;
	return p;
}

/* Returns the node with that id. */
static yaml_node_t *
node_at(const struct ctx *c, int id)
{
	return yaml_document_get_node(c->doc, id);
}

/* Returns the NFC text of a scalar node. A one-pair mapping ("Lưu: VT"
 * unquoted in a list) is read back as "key: value". Returns NULL and
 * reports an error for anything else. */
static const char *
scalar(struct ctx *c, yaml_node_t *n, const char *key)
{
	yaml_node_pair_t *p;
	const char *k, *v;
	vb_pos pos = pos_of(c, n);
	char *s;

	if (n->type == YAML_SCALAR_NODE) {
		s = vb_text_nfc(c->a, (const char *)n->data.scalar.value,
		    n->data.scalar.length);
		return s ? vb_text_trim(c->a, s) : "";
	}
	p = n->data.mapping.pairs.start;
	if (n->type == YAML_MAPPING_NODE &&
	    n->data.mapping.pairs.top - p == 1 &&
	    node_at(c, p->key)->type == YAML_SCALAR_NODE &&
	    node_at(c, p->value)->type == YAML_SCALAR_NODE) {
		k = scalar(c, node_at(c, p->key), key);
		v = scalar(c, node_at(c, p->value), key);
		return vb_sprintf(c->a, "%s: %s", k, v);
	}
	vb_diag_add(c->d, VB_ERROR, c->file, pos.line, pos.col,
	    "viết giá trị trên cùng dòng với tên khóa, ví dụ: co_quan: Sở Giáo dục và Đào tạo",
	    "khóa '%s' cần một giá trị văn bản", key);
	return NULL;
}

/* Appends s at pos to list l. */
static void
list_add(struct ctx *c, vb_strlist *l, const char *s, vb_pos pos)
{
	size_t cap = l->n, pcap = l->n;

	l->items = vb_grow(c->a, (void *)l->items, l->n + 1, sizeof(char *), &cap);
	l->pos = vb_grow(c->a, l->pos, l->n + 1, sizeof(vb_pos), &pcap);
	l->items[l->n] = s;
	l->pos[l->n] = pos;
	l->n++;
}

/* Reads a sequence of strings (or one string) into l. */
static void
read_list(struct ctx *c, yaml_node_t *n, const char *key, vb_strlist *l)
{
	yaml_node_item_t *it;
	yaml_node_t *e;
	const char *s;

	memset(l, 0, sizeof(*l));
	if (n->type != YAML_SEQUENCE_NODE) {
		if ((s = scalar(c, n, key)) != NULL && *s)
			list_add(c, l, s, pos_of(c, n));
		return;
	}
	for (it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++) {
		e = node_at(c, *it);
		if ((s = scalar(c, e, key)) != NULL && *s)
			list_add(c, l, s, pos_of(c, e));
	}
}

static void rd_kind(struct ctx *c, yaml_node_t *n, vb_pos p) { c->m->kind = scalar(c, n, "loai"); c->m->kind_pos = p; }
static void rd_parent(struct ctx *c, yaml_node_t *n, vb_pos p) { (void)p; c->m->parent = scalar(c, n, "co_quan_chu_quan"); }
/* Returns a scalar, or the items of a sequence joined by sep; sets *n to
 * the number of items of a sequence (0 for a scalar). */
static const char *
joined(struct ctx *c, yaml_node_t *n, const char *key, const char *sep,
    size_t *count)
{
	vb_strlist l;
	vb_buf b = {0};
	const char *s;
	size_t i;

	*count = 0;
	if (n->type != YAML_SEQUENCE_NODE)
		return scalar(c, n, key);
	read_list(c, n, key, &l);
	for (i = 0; i < l.n; i++) {
		if (i > 0)
			vb_buf_puts(&b, sep);
		vb_buf_puts(&b, l.items[i]);
	}
	s = vb_strdup(c->a, b.data != NULL ? b.data : "");
	vb_buf_free(&b);
	*count = l.n;
	return s;
}

static void rd_issuer(struct ctx *c, yaml_node_t *n, vb_pos p) { c->m->issuer = joined(c, n, "co_quan", "\n", &c->m->joint); c->m->issuer_pos = p; }
static void rd_abbrev(struct ctx *c, yaml_node_t *n, vb_pos p) { size_t k; c->m->abbrev = joined(c, n, "viet_tat", "-", &k); c->m->abbrev_pos = p; }
static void rd_number(struct ctx *c, yaml_node_t *n, vb_pos p) { c->m->number = scalar(c, n, "so"); c->m->number_pos = p; }
static void rd_unit(struct ctx *c, yaml_node_t *n, vb_pos p) { (void)p; c->m->unit = scalar(c, n, "don_vi"); }
static void rd_place(struct ctx *c, yaml_node_t *n, vb_pos p) { (void)p; c->m->place = scalar(c, n, "dia_danh"); }
static void rd_date(struct ctx *c, yaml_node_t *n, vb_pos p) { c->m->date = scalar(c, n, "ngay"); c->m->date_pos = p; }
static void rd_subject(struct ctx *c, yaml_node_t *n, vb_pos p) { (void)p; c->m->subject = scalar(c, n, "trich_yeu"); }
static void rd_to(struct ctx *c, yaml_node_t *n, vb_pos p) { (void)p; read_list(c, n, "kinh_gui", &c->m->to); }
static void rd_bases(struct ctx *c, yaml_node_t *n, vb_pos p) { (void)p; read_list(c, n, "can_cu", &c->m->bases); }
static void rd_authority(struct ctx *c, yaml_node_t *n, vb_pos p) { (void)p; c->m->authority = scalar(c, n, "tham_quyen"); }
static void rd_proposal(struct ctx *c, yaml_node_t *n, vb_pos p) { (void)p; c->m->proposal = scalar(c, n, "de_nghi"); }
static void rd_with(struct ctx *c, yaml_node_t *n, vb_pos p) { c->m->with = scalar(c, n, "kem_theo"); c->m->with_pos = p; }
static void rd_recipients(struct ctx *c, yaml_node_t *n, vb_pos p) { c->m->recipients_pos = p; read_list(c, n, "noi_nhan", &c->m->recipients); }
static void rd_archive(struct ctx *c, yaml_node_t *n, vb_pos p) { (void)p; read_list(c, n, "luu", &c->m->archive); }

/* The marks (nd30.md §2.1): each remembers where its value is. */
static void rd_secrecy(struct ctx *c, yaml_node_t *n, vb_pos p) { c->m->marks.secrecy = scalar(c, n, "do_mat"); c->m->marks.secrecy_pos = p; }
static void rd_urgency(struct ctx *c, yaml_node_t *n, vb_pos p) { c->m->marks.urgency = scalar(c, n, "do_khan"); c->m->marks.urgency_pos = p; }
static void rd_circulation(struct ctx *c, yaml_node_t *n, vb_pos p) { c->m->marks.circulation = scalar(c, n, "luu_hanh"); c->m->marks.circulation_pos = p; }
static void rd_draft(struct ctx *c, yaml_node_t *n, vb_pos p) { c->m->marks.draft = scalar(c, n, "du_thao"); c->m->marks.draft_pos = p; }
static void rd_drafter(struct ctx *c, yaml_node_t *n, vb_pos p) { (void)p; c->m->marks.drafter = scalar(c, n, "nguoi_soan"); }
static void rd_copies(struct ctx *c, yaml_node_t *n, vb_pos p) { c->m->marks.copies = scalar(c, n, "so_ban"); c->m->marks.copies_pos = p; }
static void rd_address(struct ctx *c, yaml_node_t *n, vb_pos p) { (void)p; c->m->marks.address = scalar(c, n, "dia_chi"); }
static void rd_phone(struct ctx *c, yaml_node_t *n, vb_pos p) { (void)p; c->m->marks.phone = scalar(c, n, "dien_thoai"); }
static void rd_fax(struct ctx *c, yaml_node_t *n, vb_pos p) { (void)p; c->m->marks.fax = scalar(c, n, "fax"); }
static void rd_email(struct ctx *c, yaml_node_t *n, vb_pos p) { (void)p; c->m->marks.email = scalar(c, n, "email"); }
static void rd_website(struct ctx *c, yaml_node_t *n, vb_pos p) { (void)p; c->m->marks.website = scalar(c, n, "website"); }
static void rd_toc(struct ctx *c, yaml_node_t *n, vb_pos p) { c->m->marks.toc = scalar(c, n, "muc_luc"); c->m->marks.toc_pos = p; }

/* "nam_cu: 2024": the year of the document a draft was made from
 * ("vanban import --nam" writes it); check warns on each mention of it. */
static void
rd_old_year(struct ctx *c, yaml_node_t *n, vb_pos p)
{
	const char *v = scalar(c, n, "nam_cu");

	if (v == NULL)
		return;
	if (strlen(v) != 4 || strspn(v, "0123456789") != 4 || v[0] == '0') {
		vb_diag_add(c->d, VB_WARNING, c->file, p.line, p.col,
		    "viết năm của văn bản cũ bằng 4 chữ số, ví dụ: nam_cu: 2024; "
		    "hoặc xóa dòng này", "nam_cu '%s' không phải một năm, bị bỏ qua", v);
		return;
	}
	c->m->old_year = v;
	c->m->old_year_pos = p;
}

static void rd_sign(struct ctx *, yaml_node_t *, vb_pos);
static void rd_copy(struct ctx *, yaml_node_t *, vb_pos);
static void rd_appx(struct ctx *, yaml_node_t *, vb_pos);
static void rd_layout(struct ctx *, yaml_node_t *, vb_pos);

static const struct key top_keys[] = {
	{"loai", rd_kind},
	{"co_quan_chu_quan", rd_parent},
	{"co_quan", rd_issuer},
	{"viet_tat", rd_abbrev},
	{"so", rd_number},
	{"don_vi", rd_unit},
	{"dia_danh", rd_place},
	{"ngay", rd_date},
	{"trich_yeu", rd_subject},
	{"kinh_gui", rd_to},
	{"can_cu", rd_bases},
	{"tham_quyen", rd_authority},
	{"de_nghi", rd_proposal},
	{"kem_theo", rd_with},
	{"noi_nhan", rd_recipients},
	{"luu", rd_archive},
	{"ky", rd_sign},
	{"phu_luc", rd_appx},
	{"trinh_bay", rd_layout},
	{"do_mat", rd_secrecy},
	{"do_khan", rd_urgency},
	{"luu_hanh", rd_circulation},
	{"du_thao", rd_draft},
	{"nguoi_soan", rd_drafter},
	{"so_ban", rd_copies},
	{"dia_chi", rd_address},
	{"dien_thoai", rd_phone},
	{"fax", rd_fax},
	{"email", rd_email},
	{"website", rd_website},
	{"muc_luc", rd_toc},
	{"ban_sao", rd_copy},
	{"nam_cu", rd_old_year},
	{NULL, NULL}
};

static const char *const sign_keys[] = {
	"quyen_han", "tap_the", "thu_truong", "chuc_vu", "ho_ten", NULL
};

static const char *const appx_keys[] = {
	"tieu_de", "noi_dung", "bang", "trang_tinh", "nhiem_vu", "huong", NULL
};

static const struct setting settings[] = {
	{"co_chu", 13, 14, offsetof(vb_profile, body_pt), "pt"},
	{"thut_dau_dong", 1.0, 1.27, offsetof(vb_profile, indent_cm), "cm"},
	{"cach_doan", 6, 12, offsetof(vb_profile, para_space_pt), "pt"},
	{"gian_dong", 1.0, 1.5, offsetof(vb_profile, line_spacing), "lần dòng đơn"},
	{"le_tren", 20, 25, offsetof(vb_profile, margin_top_mm), "mm"},
	{"le_duoi", 20, 25, offsetof(vb_profile, margin_bottom_mm), "mm"},
	{"le_trai", 30, 35, offsetof(vb_profile, margin_left_mm), "mm"},
	{"le_phai", 15, 20, offsetof(vb_profile, margin_right_mm), "mm"},
	{"co_chu_bang", 12, 13, offsetof(vb_profile, table_pt), "pt"},
	{NULL, 0, 0, 0, NULL}
};

/* Returns the closest of the NULL-terminated names to key, or NULL. */
static const char *
closest(const char *const *names, const char *key)
{
	int i = vb_text_closest(key, names, sizeof(*names));

	return i >= 0 ? names[i] : NULL;
}

const char *
vb_frontmatter_suggest(const char *key)
{
	const char *names[64];
	size_t i;

	for (i = 0; top_keys[i].name && i < 63; i++)
		names[i] = top_keys[i].name;
	names[i] = NULL;
	return closest(names, key);
}

/* Reports an unknown key with a suggestion taken from names. */
static void
unknown_key(struct ctx *c, const char *key, vb_pos p, const char *const *names,
    const char *where)
{
	const char *s = closest(names, key);
	char hint[256];

	if (s)
		snprintf(hint, sizeof(hint), "có phải ý bạn là '%s'?", s);
	else
		snprintf(hint, sizeof(hint), "xem danh sách khóa trong README.md");
	vb_diag_add(c->d, VB_WARNING, c->file, p.line, p.col, hint,
	    "khóa '%s' không có trong %s, bị bỏ qua", key, where);
}

/* Returns 1 after reporting when key was already seen in this mapping. */
static int
duplicate(struct ctx *c, yaml_node_pair_t *start, yaml_node_pair_t *cur,
    const char *key, vb_pos p)
{
	yaml_node_pair_t *q;
	yaml_node_t *k;

	for (q = start; q < cur; q++) {
		k = node_at(c, q->key);
		if (k->type == YAML_SCALAR_NODE &&
		    strcmp((const char *)k->data.scalar.value, key) == 0) {
			vb_diag_add(c->d, VB_ERROR, c->file, p.line, p.col,
			    "xóa một trong hai dòng",
			    "khóa '%s' được viết hai lần", key);
			return 1;
		}
	}
	return 0;
}

/* Returns the key text of a pair, or NULL after reporting a non-text key. */
static const char *
pair_key(struct ctx *c, yaml_node_pair_t *p)
{
	yaml_node_t *k = node_at(c, p->key);
	vb_pos pos = pos_of(c, k);

	if (k->type != YAML_SCALAR_NODE) {
		vb_diag_add(c->d, VB_ERROR, c->file, pos.line, pos.col, NULL,
		    "tên khóa phải là một từ, ví dụ 'co_quan'");
		return NULL;
	}
	return (const char *)k->data.scalar.value;
}

/* Returns the key of pair p of mapping m and sets *kp to its position, or
 * returns NULL for a key that is not text or was already seen (both
 * reported). */
static const char *
usable_key(struct ctx *c, yaml_node_t *m, yaml_node_pair_t *p, vb_pos *kp)
{
	const char *k = pair_key(c, p);

	if (k == NULL)
		return NULL;
	*kp = pos_of(c, node_at(c, p->key));
	if (duplicate(c, m->data.mapping.pairs.start, p, k, *kp))
		return NULL;
	return k;
}

/* Returns 1 when n is a mapping, else reports that key needs one. */
static int
need_mapping(struct ctx *c, yaml_node_t *n, const char *key, const char *ex)
{
	vb_pos p = pos_of(c, n);

	if (n->type == YAML_MAPPING_NODE)
		return 1;
	vb_diag_add(c->d, VB_ERROR, c->file, p.line, p.col, ex,
	    "khóa '%s' cần các khóa con, mỗi khóa một dòng thụt vào", key);
	return 0;
}

/* Reads one signer's mapping (an entry of ky) into s. */
static void
rd_signer(struct ctx *c, yaml_node_t *n, vb_sign_src *s)
{
	yaml_node_pair_t *p;
	const char *k, *v;
	vb_pos kp;

	memset(s, 0, sizeof(*s));	/* replaces a profile's "ky" whole */
	s->pos = pos_of(c, n);
	if (!need_mapping(c, n, "ky",
	    "ky:\n    quyen_han: KT\n    thu_truong: Giám đốc\n    chuc_vu: Phó Giám đốc\n    ho_ten: Nguyễn Văn A"))
		return;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		if ((k = usable_key(c, n, p, &kp)) == NULL)
			continue;
		v = scalar(c, node_at(c, p->value), k);
		if (strcmp(k, "quyen_han") == 0)
			s->authority = v;
		else if (strcmp(k, "tap_the") == 0)
			s->collective = v;
		else if (strcmp(k, "thu_truong") == 0)
			s->head = v;
		else if (strcmp(k, "chuc_vu") == 0)
			s->title = v;
		else if (strcmp(k, "ho_ten") == 0)
			s->name = v;
		else
			unknown_key(c, k, kp, sign_keys, "'ky'");
	}
}

/* Reads ky: one signer's mapping, or a list of them. */
static void
rd_sign(struct ctx *c, yaml_node_t *n, vb_pos pos)
{
	yaml_node_item_t *it;
	size_t i = 0;

	c->m->sign_pos = pos;
	if (n->type != YAML_SEQUENCE_NODE) {
		c->m->signers = vb_alloc(c->a, sizeof(vb_sign_src));
		c->m->nsigners = 1;
		rd_signer(c, n, &c->m->signers[0]);
		c->m->signers[0].pos = pos;
		return;
	}
	c->m->nsigners = (size_t)(n->data.sequence.items.top -
	    n->data.sequence.items.start);
	c->m->signers = vb_alloc(c->a, sizeof(vb_sign_src) *
	    (c->m->nsigners + 1));
	for (it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++)
		rd_signer(c, node_at(c, *it), &c->m->signers[i++]);
}

static const char *const copy_keys[] = {
	"hinh_thuc", "co_quan_chu_quan", "co_quan", "viet_tat", "so",
	"dia_danh", "ngay", "noi_nhan", "luu", "ky", NULL
};

/* Reads "ban_sao": who copies, how, under which number (nd30.md §2.7). */
static void
rd_copy(struct ctx *c, yaml_node_t *n, vb_pos pos)
{
	vb_copy_src *s = &c->m->copy;
	yaml_node_pair_t *p;
	yaml_node_t *v;
	const char *k;
	vb_pos kp, vp;

	s->pos = pos;
	if (!need_mapping(c, n, "ban_sao",
	    "ban_sao:\n    hinh_thuc: sao-y\n    co_quan: Sở Giáo dục và Đào tạo\n    viet_tat: SGDĐT\n    so: 7"))
		return;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		if ((k = usable_key(c, n, p, &kp)) == NULL)
			continue;
		v = node_at(c, p->value);
		vp = pos_of(c, v);
		if (strcmp(k, "ky") == 0)
			rd_signer(c, v, &s->sign);
		else if (strcmp(k, "noi_nhan") == 0)
			read_list(c, v, k, &s->recipients);
		else if (strcmp(k, "luu") == 0)
			read_list(c, v, k, &s->archive);
		else if (strcmp(k, "hinh_thuc") == 0) {
			s->form = scalar(c, v, k);
			s->form_pos = vp;
		} else if (strcmp(k, "co_quan_chu_quan") == 0)
			s->parent = scalar(c, v, k);
		else if (strcmp(k, "co_quan") == 0)
			s->issuer = scalar(c, v, k);
		else if (strcmp(k, "viet_tat") == 0)
			s->abbrev = scalar(c, v, k);
		else if (strcmp(k, "so") == 0) {
			s->number = scalar(c, v, k);
			s->number_pos = vp;
		} else if (strcmp(k, "dia_danh") == 0)
			s->place = scalar(c, v, k);
		else if (strcmp(k, "ngay") == 0) {
			s->date = scalar(c, v, k);
			s->date_pos = vp;
		} else
			unknown_key(c, k, kp, copy_keys, "'ban_sao'");
	}
}

/* Reads one appendix entry into e. */
static void
rd_appx_entry(struct ctx *c, yaml_node_t *n, vb_appx_src *e)
{
	yaml_node_pair_t *p;
	const char *k, *v;
	vb_pos kp;

	e->orient = -1;
	e->pos = pos_of(c, n);
	if (n->type == YAML_SCALAR_NODE) {	/* just a file name */
		e->file = scalar(c, n, "phu_luc");
		e->file_pos = e->pos;
		return;
	}
	if (!need_mapping(c, n, "phu_luc",
	    "phu_luc:\n  - tieu_de: Danh mục nhiệm vụ\n    noi_dung: phu-luc-1.md"))
		return;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		if ((k = usable_key(c, n, p, &kp)) == NULL)
			continue;
		if ((v = scalar(c, node_at(c, p->value), k)) == NULL)
			continue;
		if (strcmp(k, "tieu_de") == 0)
			e->title = v;
		else if (strcmp(k, "noi_dung") == 0) {
			e->file = v;
			e->file_pos = pos_of(c, node_at(c, p->value));
		} else if (strcmp(k, "bang") == 0) {
			e->table = v;
			e->table_pos = pos_of(c, node_at(c, p->value));
		}
		else if (strcmp(k, "trang_tinh") == 0)
			e->sheet = v;
		else if (strcmp(k, "nhiem_vu") == 0)
			e->tasks = strcmp(v, "co") == 0 || strcmp(v, "có") == 0 ||
			    strcmp(v, "true") == 0 || strcmp(v, "yes") == 0;
		else if (strcmp(k, "huong") == 0) {
			if (strcmp(v, "ngang") == 0)
				e->orient = 1;
			else if (strcmp(v, "doc") == 0 || strcmp(v, "dọc") == 0)
				e->orient = 0;
			else if (strcmp(v, "tu-dong") != 0 && *v) {
				vb_pos vp = pos_of(c, node_at(c, p->value));
				vb_diag_add(c->d, VB_ERROR, c->file, vp.line,
				    vp.col, "viết 'ngang' (trang nằm ngang) hoặc 'doc' (trang đứng)",
				    "hướng trang '%s' không hợp lệ", v);
			}
		} else
			unknown_key(c, k, kp, appx_keys, "'phu_luc'");
	}
}

static void
rd_appx(struct ctx *c, yaml_node_t *n, vb_pos pos)
{
	yaml_node_item_t *it;
	size_t i = 0;

	(void)pos;
	if (n->type != YAML_SEQUENCE_NODE) {
		c->m->appx = vb_alloc(c->a, sizeof(vb_appx_src));
		c->m->nappx = 1;
		rd_appx_entry(c, n, &c->m->appx[0]);
		return;
	}
	c->m->nappx = (size_t)(n->data.sequence.items.top -
	    n->data.sequence.items.start);
	c->m->appx = vb_alloc(c->a, sizeof(vb_appx_src) * (c->m->nappx + 1));
	for (it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++)
		rd_appx_entry(c, node_at(c, *it), &c->m->appx[i++]);
}

/* Applies one "trinh_bay" setting; reports values outside ND30's range. */
static void
apply_setting(struct ctx *c, const struct setting *s, yaml_node_t *n)
{
	const char *v = scalar(c, n, s->name);
	vb_pos p = pos_of(c, n);
	char *end;
	double x;

	if (v == NULL)
		return;
	x = strtod(v, &end);
	if (end == v || *end != '\0') {
		vb_diag_add(c->d, VB_ERROR, c->file, p.line, p.col,
		    "viết một số, dùng dấu chấm cho phần thập phân (ví dụ 1.27)",
		    "'%s: %s' không phải là một số", s->name, v);
		return;
	}
	if (x < s->min - 1e-9 || x > s->max + 1e-9) {
		vb_diag_add(c->d, VB_ERROR, c->file, p.line, p.col,
		    "Nghị định 30/2020/NĐ-CP chỉ cho phép giá trị trong khoảng này",
		    "'%s: %s' nằm ngoài khoảng cho phép %g–%g %s", s->name, v,
		    s->min, s->max, s->unit);
		return;
	}
	*(double *)((char *)&c->m->profile + s->offset) = x;
}

/* Applies "phong_chu": a font family name. */
static void
apply_font(struct ctx *c, yaml_node_t *n)
{
	const char *v = scalar(c, n, "phong_chu");
	vb_pos p = pos_of(c, n);

	if (v == NULL)
		return;
	if (*v == '\0' || strlen(v) >= sizeof(c->m->profile.font)) {
		vb_diag_add(c->d, VB_ERROR, c->file, p.line, p.col,
		    "ví dụ: phong_chu: Times New Roman",
		    "tên phông chữ không hợp lệ");
		return;
	}
	strcpy(c->m->profile.font, v);
}

static void
rd_layout(struct ctx *c, yaml_node_t *n, vb_pos pos)
{
	yaml_node_pair_t *p;
	const char *k, *names[16];
	size_t i;

	(void)pos;
	for (i = 0; settings[i].name; i++)
		names[i] = settings[i].name;
	names[i++] = "phong_chu";
	names[i] = NULL;
	if (!need_mapping(c, n, "trinh_bay", "trinh_bay:\n    co_chu: 14"))
		return;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		vb_pos kp;

		if ((k = usable_key(c, n, p, &kp)) == NULL)
			continue;
		if (strcmp(k, "phong_chu") == 0) {
			apply_font(c, node_at(c, p->value));
			continue;
		}
		for (i = 0; settings[i].name; i++)
			if (strcmp(k, settings[i].name) == 0)
				break;
		if (settings[i].name)
			apply_setting(c, &settings[i], node_at(c, p->value));
		else
			unknown_key(c, k, kp, names, "'trinh_bay'");
	}
}

/* Converts a byte offset of the YAML text to a file position. */
static vb_pos
offset_pos(const struct ctx *c, size_t off)
{
	vb_pos p = {c->first_line, 1};
	size_t i, ls = 0;

	for (i = 0; i < off && i < c->len; i++)
		if (c->yaml[i] == '\n') {
			p.line++;
			ls = i + 1;
		}
	p.col = (int)vb_utf8_chars(c->yaml + ls, off - ls) + 1;
	return p;
}

/* Reports a front matter over a limit at line ln, column col. */
static int
too_much(struct ctx *c, int ln, int col, const char *hint, const char *what)
{
	vb_diag_add(c->d, VB_ERROR, c->file, ln, col, hint,
	    "phần đầu (front matter) %s", what);
	return -1;
}

/* Returns the nesting a line starts with: its indentation plus two for
 * each "- " that opens a list item on it. */
static size_t
line_nesting(const char *s, size_t len)
{
	size_t i = 0, n = 0;

	while (i < len && s[i] == ' ')
		i++, n++;
	while (i + 1 < len && s[i] == '-' && s[i + 1] == ' ') {
		n += 2;
		for (i += 2; i < len && s[i] == ' '; i++)
			;
	}
	return n;
}

/* Checks the raw front matter against the limits libyaml cannot keep:
 * size, flow nesting ([ ] { }) and indentation; returns 0 or -1 after
 * reporting. */
static int
guard(struct ctx *c)
{
	const char *s = c->yaml, *ls = s;
	size_t i, depth = 0;
	int ln = c->first_line;
	char quote = 0, prev = '\n';

	if (c->len > FM_MAX_BYTES)
		return too_much(c, ln, 1, "phần đầu chỉ chứa các khóa của văn bản; "
		    "đưa nội dung dài xuống phần thân hoặc vào tệp phụ lục",
		    "quá dài (tối đa 256 KB)");
	for (i = 0; i < c->len; prev = s[i++]) {
		if (s[i] == '\n') {
			ln++;
			ls = s + i + 1;
			quote = 0;
			if (line_nesting(ls, c->len - i - 1) > 4 * FM_MAX_DEPTH)
				return too_much(c, ln, 1, "thụt lề mỗi cấp 2 dấu cách",
				    "thụt lề quá sâu");
			continue;
		}
		if (quote) {
			if (s[i] == '\\' && quote == '"' && i + 1 < c->len)
				i++;
			else if (s[i] == quote)
				quote = 0;
			continue;
		}
		if ((s[i] == '"' || s[i] == '\'') && strchr(" \n[{,:-", prev))
			quote = s[i];
		else if (s[i] == '#' && strchr(" \n", prev))
			while (i + 1 < c->len && s[i + 1] != '\n')
				i++;
		else if ((s[i] == '[' || s[i] == '{') && ++depth > FM_MAX_DEPTH)
			return too_much(c, ln, (int)vb_utf8_chars(ls,
			    (size_t)(s + i - ls)) + 1, "một danh sách [..] hay {..} "
			    "chỉ cần một hai cấp", "lồng quá nhiều cấp [ ] hoặc { }");
		else if ((s[i] == ']' || s[i] == '}') && depth > 0)
			depth--;
	}
	return 0;
}

/* Checks every node of the loaded front matter: no value longer than
 * FM_MAX_VALUE, no mapping or list longer than FM_MAX_ITEMS, no character
 * XML cannot hold (a "\u0001" escape); returns 0 or -1 after reporting. */
static int
check_nodes(struct ctx *c)
{
	yaml_node_t *n;
	size_t off, len;
	unsigned cp;
	vb_pos p;
	int r = 0;

	for (n = c->doc->nodes.start; n < c->doc->nodes.top; n++) {
		p = pos_of(c, n);
		if (n->type == YAML_SCALAR_NODE) {
			len = n->data.scalar.length;
			if (len > FM_MAX_VALUE)
				r = too_much(c, p.line, p.col, "viết giá trị ngắn gọn; "
				    "nội dung dài đưa xuống phần thân", "có giá trị dài "
				    "quá 2000 byte");
			else if (vb_text_xml_unsafe((const char *)
			    n->data.scalar.value, len, &off, &cp)) {
				vb_diag_add(c->d, VB_ERROR, c->file, p.line, p.col,
				    "xóa ký tự này khỏi giá trị",
				    "giá trị có ký tự đặc biệt U+%04X (không in được), không dùng "
				    "được trong văn bản", cp);
				r = -1;
			}
		} else if ((n->type == YAML_MAPPING_NODE &&
		    n->data.mapping.pairs.top - n->data.mapping.pairs.start >
		    FM_MAX_ITEMS) || (n->type == YAML_SEQUENCE_NODE &&
		    n->data.sequence.items.top - n->data.sequence.items.start >
		    FM_MAX_ITEMS))
			r = too_much(c, p.line, p.col, NULL,
			    "có danh sách hoặc nhóm khóa dài quá 1000 mục");
	}
	return r;
}

/* A libyaml problem and how it reads in plain Vietnamese. */
struct yaml_problem {
	const char *en;		/* part of libyaml's problem text */
	const char *msg;	/* what is wrong */
	const char *hint;	/* how to fix it */
};

/* libyaml's problems, in the order they are tried. */
static const struct yaml_problem yaml_problems[] = {
	{ "mapping values are not allowed", "dấu ':' đặt sai chỗ",
	    "giá trị có chứa ': ' phải đặt trong dấu ngoặc kép, hoặc kiểm tra "
	    "lại thụt lề của dòng này" },
	{ "cannot start any token", "có ký tự không được phép ở đầu giá trị "
	    "(thường là phím Tab)", "thụt lề bằng dấu cách, không dùng Tab; giá "
	    "trị bắt đầu bằng @, ` hoặc % phải đặt trong ngoặc kép" },
	{ "block sequence entries", "dòng '- …' của danh sách thụt lề không đúng",
	    "các dòng '- ' của cùng một danh sách phải thẳng cột" },
	{ "expected ',' or ']'", "danh sách [ … ] thiếu dấu ] đóng hoặc thiếu "
	    "dấu phẩy", "viết [mục 1, mục 2] trên một dòng, hoặc mỗi mục một "
	    "dòng '- '" },
	{ "expected ',' or '}'", "nhóm { … } thiếu dấu } đóng hoặc thiếu dấu phẩy",
	    "viết {khoa: giá trị, khoa2: giá trị} trên một dòng" },
	{ "did not find expected key", "thụt lề không thẳng hàng với các khóa "
	    "khác", "các khóa cùng cấp phải bắt đầu ở cùng một cột" },
	{ "did not find expected '-'", "danh sách thiếu dấu '- ' ở đầu mục",
	    "mỗi mục của danh sách bắt đầu bằng '- ' thẳng cột với mục trên" },
	{ "undefined alias", "dùng bí danh YAML (*tên) không được định nghĩa",
	    "vanban không dùng bí danh: viết giá trị đầy đủ, hoặc đặt giá trị "
	    "bắt đầu bằng * trong ngoặc kép" },
	{ "anchor", "dấu & (neo YAML) dùng sai", "giá trị bắt đầu bằng & phải "
	    "đặt trong ngoặc kép" },
	{ "unknown escape character", "chuỗi thoát '\\' không hợp lệ trong "
	    "ngoặc kép", "viết \\\\ cho dấu \\, hoặc dùng ngoặc đơn '…'" },
	{ "hexdecimal", "mã ký tự \\x, \\u viết sai trong ngoặc kép",
	    "xóa chuỗi thoát hoặc dùng ngoặc đơn '…'" },
	{ "Unicode character escape", "mã ký tự \\u không hợp lệ",
	    "xóa chuỗi thoát hoặc dùng ngoặc đơn '…'" },
	{ "tab character", "có ký tự Tab trong thụt lề",
	    "thụt lề bằng dấu cách, không dùng Tab" },
	{ "unexpected end of stream", "phần đầu kết thúc khi giá trị chưa đóng",
	    "kiểm tra dấu ngoặc kép, [ ] và { } đã đóng đủ chưa" },
	{ "document indicator", "dòng --- hoặc ... đặt sai chỗ",
	    "phần đầu chỉ có một dòng --- mở và một dòng --- đóng" },
	{ "could not find expected ':'", "thiếu dấu ':' sau tên khóa",
	    "mỗi dòng có dạng 'khóa: giá trị'" },
	{ "mapping keys are not allowed", "tên khóa đặt sai chỗ",
	    "kiểm tra thụt lề của dòng này" },
	{ "expected node content", "thiếu giá trị", "viết giá trị sau dấu ':' "
	    "hoặc sau '- '" },
	{ "comment or line break", "có chữ thừa sau giá trị",
	    "giá trị có dấu ngoặc kép thì chữ phía sau cũng phải nằm trong ngoặc" },
	{ "control characters", "có ký tự điều khiển không dùng được",
	    "xóa ký tự này (thường lẫn vào khi chép từ phần mềm khác)" },
	{ "UTF-8", "phần đầu (front matter) có byte không phải UTF-8",
	    "lưu tệp với bảng mã UTF-8" },
	{ "tag", "dấu ! (thẻ YAML) dùng sai", "giá trị bắt đầu bằng ! phải đặt "
	    "trong ngoặc kép" },
	{ "directive", "dòng bắt đầu bằng % không hợp lệ", "giá trị bắt đầu "
	    "bằng % phải đặt trong ngoặc kép" },
	{ NULL, NULL, NULL }
};

/* Reports a libyaml parse error in plain Vietnamese (never its English). */
static void
yaml_error(struct ctx *c, const yaml_parser_t *y)
{
	const char *pr = y->problem ? y->problem : "";
	const struct yaml_problem *q;
	vb_pos p;

	if (y->error == YAML_READER_ERROR)
		p = offset_pos(c, y->problem_offset);
	else {
		p.line = (int)y->problem_mark.line + c->first_line;
		p.col = (int)y->problem_mark.column + 1;
	}
	if (y->error == YAML_MEMORY_ERROR) {
		vb_diag_add(c->d, VB_ERROR, c->file, 0, 0, NULL,
		    "không đủ bộ nhớ để đọc phần đầu (front matter)");
		return;
	}
	if (y->context && strstr(y->context, "quoted scalar") &&
	    strstr(pr, "end of stream")) {
		vb_diag_add(c->d, VB_ERROR, c->file, (int)y->context_mark.line +
		    c->first_line, (int)y->context_mark.column + 1,
		    "thêm dấu \" ở cuối giá trị", "thiếu dấu ngoặc kép đóng");
		return;
	}
	for (q = yaml_problems; q->en != NULL; q++)
		if (strstr(pr, q->en) != NULL) {
			vb_diag_add(c->d, VB_ERROR, c->file, p.line, p.col, q->hint,
			    "%s", q->msg);
			return;
		}
	vb_diag_add(c->d, VB_ERROR, c->file, p.line, p.col,
	    "kiểm tra lại cú pháp YAML của phần đầu giữa hai dòng --- (xem "
	    "ví dụ trong README.md)", "phần đầu (front matter) viết sai cú pháp");
}

/* Reads the top-level mapping. */
static void
read_top(struct ctx *c, yaml_node_t *root)
{
	yaml_node_pair_t *p;
	const char *k, *names[64];
	size_t i;
	vb_pos kp;

	for (i = 0; top_keys[i].name && i < 63; i++)
		names[i] = top_keys[i].name;
	names[i] = NULL;
	for (p = root->data.mapping.pairs.start;
	    p < root->data.mapping.pairs.top; p++) {
		if ((k = usable_key(c, root, p, &kp)) == NULL)
			continue;
		for (i = 0; top_keys[i].name; i++)
			if (strcmp(k, top_keys[i].name) == 0)
				break;
		if (top_keys[i].name)	/* messages point at the value */
			top_keys[i].read(c, node_at(c, p->value),
			    pos_of(c, node_at(c, p->value)));
		else
			unknown_key(c, k, kp, names, "phần đầu");
	}
}

/* Returns a copy of list l with no positions (they are another file's). */
static vb_strlist
unplaced(vb_arena *a, vb_strlist l)
{
	l.pos = l.n ? vb_alloc(a, l.n * sizeof(vb_pos)) : NULL;
	if (l.pos)
		memset(l.pos, 0, l.n * sizeof(vb_pos));
	return l;
}

/* Starts m from base: its values, without the positions, which point
 * into another file. */
static void
start_from(vb_arena *a, vb_meta *m, const vb_meta *base)
{
	static const vb_pos none = {0, 0};

	*m = *base;
	m->kind_pos = m->issuer_pos = m->abbrev_pos = m->number_pos = none;
	m->date_pos = m->recipients_pos = m->sign_pos = none;
	if (m->nsigners > 0) {	/* the profile's signers, unplaced */
		m->signers = vb_alloc(a, m->nsigners * sizeof(vb_sign_src));
		memcpy(m->signers, base->signers,
		    m->nsigners * sizeof(vb_sign_src));
		for (size_t i = 0; i < m->nsigners; i++)
			m->signers[i].pos = none;
	}
	m->old_year = NULL;
	m->to = unplaced(a, m->to);
	m->bases = unplaced(a, m->bases);
	m->recipients = unplaced(a, m->recipients);
	m->archive = unplaced(a, m->archive);
	m->appx = NULL;
	m->nappx = 0;
}

int
vb_frontmatter_parse(vb_arena *a, const char *file, const char *yaml,
    size_t len, int first_line, vb_meta *m, vb_diags *d)
{
	return vb_frontmatter_parse_over(a, file, yaml, len, first_line, NULL,
	    m, d);
}

int
vb_frontmatter_parse_over(vb_arena *a, const char *file, const char *yaml,
    size_t len, int first_line, const vb_meta *base, vb_meta *m, vb_diags *d)
{
	yaml_parser_t y;
	yaml_document_t doc;
	yaml_node_t *root;
	struct ctx c;
	size_t errors = d->errors;

	memset(m, 0, sizeof(*m));
	m->profile = vb_profile_default();
	if (base != NULL)
		start_from(a, m, base);
	memset(&c, 0, sizeof(c));
	c.a = a;
	c.file = file;
	c.yaml = yaml;
	c.len = len;
	c.first_line = first_line;
	c.doc = &doc;
	c.m = m;
	c.d = d;
	if (guard(&c) < 0 || !yaml_parser_initialize(&y))
		return -1;
	yaml_parser_set_input_string(&y, (const unsigned char *)yaml, len);
	if (!yaml_parser_load(&y, &doc)) {
		yaml_error(&c, &y);
		yaml_parser_delete(&y);
		return -1;
	}
	root = yaml_document_get_root_node(&doc);
	if (check_nodes(&c) < 0)
		;
	else if (root == NULL || root->type != YAML_MAPPING_NODE) {
		vb_diag_add(d, VB_ERROR, file, first_line, 1,
		    "mỗi dòng có dạng 'khóa: giá trị', ví dụ 'loai: ke-hoach'",
		    "phần đầu (front matter) phải là danh sách các khóa");
	} else
		read_top(&c, root);
	yaml_document_delete(&doc);
	yaml_parser_delete(&y);
	return d->errors > errors ? -1 : 0;
}
