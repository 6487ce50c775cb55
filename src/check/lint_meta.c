/* lint_meta.c - front matter lints: keys each kind of document needs,
 * symbol codes that do not exist, place names, the signer's authority and
 * name. The parser has already reported unknown keys, bad dates, numbers
 * with a year and unknown kinds; these are the checks it does not make. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"
#include "lint.h"

/* Kinds of document printed without a trích yếu (Phụ lục III). */
static const char *const untitled[] = {
	"giay-gioi-thieu", "giay-nghi-phep", "phieu-gui", "phieu-chuyen",
	"phieu-bao", "giay-uy-quyen", "thu-cong", NULL
};

/* Centrally-run cities, lower case, written without "Thành phố". */
static const char *const central_cities[] = {
	"hà nội", "hải phòng", "đà nẵng", "cần thơ", "huế", NULL
};

/* Returns 1 when s is one of the NULL-terminated names. */
static int
among(const char *const *names, const char *s)
{
	for (; *names; names++)
		if (strcmp(*names, s) == 0)
			return 1;
	return 0;
}

/* Returns the position of the first occurrence of needle in the source
 * line of the value of key, or the value's own position. */
static vb_pos
pos_in_value(const vb_lint *l, const char *key, const char *needle)
{
	vb_pos p = vb_lint_key(l, key);
	const vb_line *ln;
	const char *hit;
	char *s;

	if (p.line < 1 || (size_t)p.line > l->nlines)
		return p;
	ln = &l->lines[p.line - 1];
	s = vb_strndup(l->a, ln->s, ln->len);
	if ((hit = strstr(s, needle)) != NULL)
		p.col = vb_lint_col(l, p.line, (size_t)(hit - s));
	return p;
}

/* Reports a required key that is missing. */
static void
missing(vb_lint *l, const char *key, const char *why, const char *hint)
{
	vb_diag_add(l->d, VB_ERROR, l->path, 1, 1, hint,
	    "phần đầu thiếu khóa '%s': %s", key, why);
}

/* Returns 1 when the recipient list has someone besides "Lưu". */
static int
has_recipients(const vb_strlist *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strncmp(r->items[i], "Lưu:", 5) != 0 &&
		    strncmp(r->items[i], "- Lưu:", 7) != 0)
			return 1;
	return 0;
}

/* Checks the keys the kind of document needs. */
static void
lint_required(vb_lint *l)
{
	const vb_meta *m = &l->meta;
	const char *key = l->type->key;

	if ((m->subject == NULL || *m->subject == '\0') && !among(untitled, key))
		missing(l, "trich_yeu", vb_doctype_is_cong_van(l->type)
		    ? "công văn cần trích yếu 'V/v …'"
		    : "văn bản này cần trích yếu dưới tên loại",
		    "ví dụ: trich_yeu: Kiểm soát thủ tục hành chính năm 2024");
	if (m->to.n == 0 && (strcmp(key, "to-trinh") == 0 ||
	    vb_doctype_is_cong_van(l->type)))
		missing(l, "kinh_gui", vb_sprintf(l->a, "%s phải có 'Kính gửi'",
		    l->type->name), "ví dụ: kinh_gui: [Ủy ban nhân dân tỉnh]");
	if (!has_recipients(&m->recipients))
		missing(l, "noi_nhan", "Nghị định 30 yêu cầu phần 'Nơi nhận'",
		    "ví dụ: noi_nhan: [Như trên, Ban Giám đốc Sở]");
}

/* Makes a missing signer's name an error. The parser only warns ("chưa có
 * họ tên người ký"), since a draft may leave the name out; a document
 * checked for issue may not. The parser's warning is raised in place so
 * the problem is still reported once. */
static void
lint_signer_name(vb_lint *l)
{
	static const char msg[] = "chưa có họ tên người ký";
	static const vb_sign_src none;
	const vb_sign_src *s = &none;
	vb_diag *g;
	size_t i;

	for (i = 0; i < l->meta.nsigners; i++)
		if (!l->meta.signers[i].name || !*l->meta.signers[i].name) {
			s = &l->meta.signers[i];
			break;
		}
	if (l->meta.nsigners > 0 && s == &none)
		return;
	for (i = 0; i < l->d->n; i++) {
		g = &l->d->items[i];
		if (g->severity == VB_WARNING && g->msg && strcmp(g->file, l->path) == 0 &&
		    strncmp(g->msg, msg, sizeof(msg) - 1) == 0) {
			g->severity = VB_ERROR;
			l->d->errors++;
			return;
		}
	}
	vb_diag_add(l->d, VB_ERROR, l->path, s->pos.line, s->pos.col,
	    "thêm ky: ho_ten", "%s", msg);
}

/* Reports "CV" (not a code: công văn has none) as a group of value v of
 * key; returns 1 when found. */
static int
lint_cv_group(vb_lint *l, const char *key, const char *v)
{
	const char *p = v;
	size_t n;

	while (*p) {
		n = strcspn(p, "-");
		if (n == 2 && strncasecmp(p, "CV", 2) == 0) {
			vb_pos at = pos_in_value(l, key, vb_strndup(l->a, p, 2));
			vb_diag_add(l->d, VB_ERROR, l->path, at.line, at.col,
			    "công văn không có mã loại: ký hiệu là viết tắt cơ quan - đơn vị "
			    "soạn thảo, ví dụ 45/UBND-VP; bỏ 'CV'",
			    "'CV' không phải là mã loại văn bản trong Nghị định 30");
			return 1;
		}
		p += n;
		if (*p == '-')
			p++;
	}
	return 0;
}

/* Reports a viet_tat that starts with a document code ("KH-SGDĐT"): the
 * code is added by vanban from loai. */
static void
lint_abbrev_code(vb_lint *l, const char *v)
{
	const vb_doctype *t;
	size_t n = strcspn(v, "-");
	int i;

	if (v[n] != '-')
		return;
	for (i = 0; (t = vb_doctype_at(i)) != NULL; i++)
		if (*t->code && strlen(t->code) == n && strncmp(v, t->code, n) == 0) {
			vb_pos p = vb_lint_key(l, "viet_tat");
			vb_diag_add(l->d, VB_WARNING, l->path, p.line, p.col,
			    vb_sprintf(l->a, "chỉ ghi viết tắt của cơ quan, ví dụ viet_tat: %s",
			    v + n + 1),
			    "viet_tat '%s' bắt đầu bằng mã loại '%s': vanban tự thêm mã "
			    "theo 'loai', ký hiệu sẽ bị lặp", v, t->code);
			return;
		}
}

/* Checks the codes in viet_tat and don_vi. */
static void
lint_codes(vb_lint *l)
{
	const vb_meta *m = &l->meta;

	if (m->abbrev && !lint_cv_group(l, "viet_tat", m->abbrev))
		lint_abbrev_code(l, m->abbrev);
	if (m->unit)
		lint_cv_group(l, "don_vi", m->unit);
}

/* Returns the length of a generic word ("Thành phố ", "TP. ", "Tỉnh ")
 * that starts the lower-cased place s, or 0; *word names it. */
static size_t
generic_word(const char *s, const char **word)
{
	static const char *const words[] = {"thành phố ", "tp. ", "tp.", "tp ",
	    "tỉnh ", NULL};
	static const char *const shown[] = {"Thành phố", "TP.", "TP.", "TP",
	    "tỉnh", NULL};
	size_t i, n;

	for (i = 0; words[i]; i++) {
		n = strlen(words[i]);
		if (strncmp(s, words[i], n) == 0) {
			*word = shown[i];
			return n;
		}
	}
	return 0;
}

/* Checks trich_yeu: no "V/v" (added for a công văn), no type name in
 * front (printed just above it), no final full stop. */
static void
lint_subject(vb_lint *l)
{
	const char *v = l->meta.subject, *name;
	vb_pos p = vb_lint_key(l, "trich_yeu");
	size_t n;

	if (v == NULL || *v == '\0' || l->type == NULL)
		return;
	name = l->type->name;
	n = strlen(name);
	if (strncasecmp(v, "V/v", 3) == 0)
		vb_diag_add(l->d, VB_WARNING, l->path, p.line, p.col,
		    vb_sprintf(l->a, "ghi trich_yeu: %s", vb_text_trim(l->a, v + 3)),
		    "trích yếu bắt đầu bằng 'V/v'%s", vb_doctype_is_cong_van(l->type)
		    ? ": vanban tự thêm 'V/v' (chỉ in một lần), không cần ghi"
		    : ": chỉ công văn mới có 'V/v'");
	else if (*name && strncmp(vb_text_lower(l->a, v),
	    vb_text_lower(l->a, name), n) == 0 && v[n] == ' ')
		vb_diag_add(l->d, VB_WARNING, l->path, p.line, p.col,
		    vb_sprintf(l->a, "ghi trich_yeu: %s", vb_text_capitalize(l->a,
		    vb_text_trim(l->a, v + n))),
		    "trích yếu bắt đầu bằng tên loại '%s', đã in ngay phía trên", name);
	n = strlen(v);
	if (n > 0 && v[n - 1] == '.' && !(n >= 3 && strcmp(v + n - 3, "...") == 0))
		vb_diag_add(l->d, VB_WARNING, l->path, p.line,
		    p.col + (int)vb_utf8_chars(v, n - 1),
		    "bỏ dấu chấm ở cuối trích yếu", "trích yếu có dấu chấm ở cuối");
}

/* Checks dia_danh against Phụ lục II: no generic word, except for a unit
 * named after a person ("Thành phố Hồ Chí Minh", written in full). */
static void
lint_place(vb_lint *l)
{
	const char *v = l->meta.place, *word = NULL, *rest;
	char *low;
	size_t n;
	vb_pos p = vb_lint_key(l, "dia_danh");

	if (v == NULL || *v == '\0')
		return;
	low = vb_text_lower(l->a, v);
	if ((n = generic_word(low, &word)) == 0)
		return;
	rest = vb_text_trim(l->a, v + n);
	if (strcmp(vb_text_lower(l->a, rest), "hồ chí minh") == 0 ||
	    strcasecmp(rest, "HCM") == 0) {
		if (strcmp(v, "Thành phố Hồ Chí Minh") != 0)
			vb_diag_add(l->d, VB_WARNING, l->path, p.line, p.col,
			    "dia_danh: Thành phố Hồ Chí Minh",
			    "địa danh '%s': tên đặt theo tên người viết đầy đủ "
			    "'Thành phố Hồ Chí Minh'", v);
		return;
	}
	if (isdigit((unsigned char)*rest))
		return;	/* a unit named by a number keeps its generic word */
	vb_diag_add(l->d, VB_WARNING, l->path, p.line, p.col,
	    vb_sprintf(l->a, "dia_danh: %s", rest),
	    "địa danh '%s' có chữ '%s': Nghị định 30 ghi tên riêng, không kèm "
	    "danh từ chung%s", v, word,
	    among(central_cities, vb_text_lower(l->a, rest))
	    ? " (thành phố trực thuộc trung ương, trừ Thành phố Hồ Chí Minh)" : "");
}

/* Returns the length of an authority prefix ("KT.", "TUQ.") starting s,
 * dot included, or 0. */
static size_t
authority_prefix(const char *s)
{
	static const char *const pre[] = {"TUQ.", "KT.", "TM.", "TL.", "Q.", NULL};
	size_t i, n;

	for (i = 0; pre[i]; i++) {
		n = strlen(pre[i]);
		if (strncasecmp(s, pre[i], n) == 0)
			return n;
	}
	return 0;
}

/* Returns where key path of signer s was written: the value's place when
 * ky is one mapping, the signer's entry when ky is a list. */
static vb_pos
signer_pos(const vb_lint *l, const vb_sign_src *s, const char *path)
{
	vb_pos p = l->meta.nsigners == 1 ? vb_lint_key(l, path) : s->pos;

	return p.line > 0 ? p : s->pos;
}

/* Checks a title (thu_truong, chuc_vu, tap_the) for an authority prefix
 * written into it. */
static void
lint_title_prefix(vb_lint *l, const vb_sign_src *s, const char *key,
    const char *v)
{
	const char *auth = s->authority;
	char *path = vb_sprintf(l->a, "ky.%s", key), *pre;
	size_t n;
	vb_pos p = signer_pos(l, s, path);

	if (v == NULL || (n = authority_prefix(v)) == 0)
		return;
	pre = vb_text_upper(l->a, vb_strndup(l->a, v, n));
	if (v[n] != ' ')
		vb_diag_add(l->d, VB_ERROR, l->path, p.line, p.col,
		    vb_sprintf(l->a, "bỏ '%s' khỏi %s và ghi quyen_han: %.*s; "
		    "vanban tự in '%s %s'", pre, key, (int)n - 1, pre, pre,
		    vb_text_upper(l->a, v + n)),
		    "tiền tố quyền hạn '%s' viết liền chức vụ ('%s'): sau dấu chấm "
		    "phải có dấu cách", pre, v);
	else
		vb_diag_add(l->d, auth && *auth ? VB_ERROR : VB_WARNING, l->path,
		    p.line, p.col,
		    vb_sprintf(l->a, "bỏ '%s' khỏi %s và ghi quyen_han: %.*s",
		    pre, key, (int)n - 1, pre),
		    auth && *auth ? "'%s' đã có trong quyen_han, sẽ in hai lần ('%s')"
		    : "chức vụ có tiền tố quyền hạn '%s' ('%s')", pre, v);
}

/* Checks quyen_han: only the prefix, nothing after it. */
static void
lint_authority_value(vb_lint *l, const vb_sign_src *s)
{
	const char *v = s->authority;
	size_t n = 0;
	vb_pos p = signer_pos(l, s, "ky.quyen_han");

	if (v == NULL)
		return;
	while (isalpha((unsigned char)v[n]))
		n++;
	if (v[n] == '.')
		n++;
	while (v[n] == ' ')
		n++;
	if (v[n] == '\0' || n == 0)
		return;
	vb_diag_add(l->d, VB_ERROR, l->path, p.line, p.col,
	    "quyen_han chỉ ghi KT, TM, TL, TUQ hoặc Q; chức vụ người đứng đầu ghi "
	    "ở thu_truong, chức vụ người ký ở chuc_vu",
	    "quyen_han '%s' có thêm chữ sau tiền tố, phần '%s' sẽ bị bỏ", v, v + n);
}

/* Checks ho_ten for an academic title in front of the name. */
static void
lint_name(vb_lint *l, const vb_sign_src *s)
{
	static const char *const titles[] = {"GS.", "PGS.", "TS.", "ThS.", "Ths.",
	    "TSKH.", "BS.", "KS.", "CN.", NULL};
	const char *v = s->name;
	vb_pos p = signer_pos(l, s, "ky.ho_ten");
	size_t i;

	for (i = 0; v && titles[i]; i++)
		if (strncmp(v, titles[i], strlen(titles[i])) == 0) {
			vb_diag_add(l->d, VB_WARNING, l->path, p.line, p.col,
			    "chỉ ghi họ tên, ví dụ ho_ten: Nguyễn Văn A",
			    "Nghị định 30 không ghi học hàm, học vị ('%s') trước họ "
			    "tên người ký", titles[i]);
			return;
		}
}

void
vb_lint_meta(vb_lint *l)
{
	const vb_sign_src *s;
	size_t i;

	if (!l->have_meta)
		return;
	if (l->type && l->meta.with == NULL) {	/* kem_theo: signed there */
		lint_required(l);
		lint_signer_name(l);
	}
	lint_codes(l);
	lint_subject(l);
	lint_place(l);
	for (i = 0; i < l->meta.nsigners; i++) {
		s = &l->meta.signers[i];
		lint_authority_value(l, s);
		lint_title_prefix(l, s, "thu_truong", s->head);
		lint_title_prefix(l, s, "chuc_vu", s->title);
		lint_title_prefix(l, s, "tap_the", s->collective);
		lint_name(l, s);
	}
}
