/* recognize.c - the Decree 30 parts of an imported document, found by
 * their meaning (words, order, alignment, emphasis) rather than by one
 * layout: the header block may be a borderless table, tab-separated
 * paragraphs or centred lines; headings may be Heading styles, Word list
 * numbers or numbers typed by hand; bullets typed or made by Word. */
#include "recognize.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "markdown.h"
#include "marks_read.h"
#include "xlsx_write.h"
#include "model/doctype.h"

/* The recognizer's state. */
struct rc {
	imp_doc *doc;		/* the document */
	vb_arena *a;		/* its arena */
	imp_result *r;		/* what is found */
	size_t i;		/* next block */
	int cong_van;		/* 1 when the symbol or V/v says công văn */
	const char *code;	/* type code of the symbol ("KH"), or NULL */
	const char *cv_subject;	/* "V/v …" line, or NULL */
	imp_list dropped;	/* header lines that fit no key: kept first in the body */
	imp_list tail;		/* signature lines that fit no key: kept last in the body */
	size_t lead;		/* first block put before the body's own, if nlead */
	size_t nlead;		/* blocks put before the body (authority lines) */
	const char *power;	/* a decision's authority line as found, or NULL */
	unsigned char *noted;	/* per footnote: 1 once its definition is written */
};

/* Appends s to list l. */
static void
list_add(vb_arena *a, imp_list *l, const char *s)
{
	l->s = vb_grow(a, l->s, l->n + 1, sizeof(*l->s), &l->cap);
	l->s[l->n++] = s;
}

/* Returns s upper-cased. */
static char *
up(struct rc *c, const char *s)
{
	return vb_text_upper(c->a, s);
}

/* Returns 1 when s starts with prefix ignoring case (Vietnamese). */
static int
starts(struct rc *c, const char *s, const char *prefix)
{
	size_t n = strlen(prefix) + 8;
	char *u, *p;

	/* most lines differ in their first ASCII letter: no case mapping */
	if (isalpha((unsigned char)prefix[0]) && tolower((unsigned char)s[0])
	    != tolower((unsigned char)prefix[0]))
		return 0;
	while (n < strlen(s) && ((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	u = up(c, vb_strndup(c->a, s, n < strlen(s) ? n : strlen(s)));
	p = up(c, prefix);
	return strncmp(u, p, strlen(p)) == 0;
}

/* Returns 1 when s has letters and none of them is lower case. */
static int
is_upper(struct rc *c, const char *s)
{
	char *u = up(c, s);
	size_t i;
	int letters = 0;

	if (strcmp(u, s) != 0)
		return 0;
	for (i = 0; s[i]; i++)
		if ((unsigned char)s[i] >= 0x80 || isalpha((unsigned char)s[i]))
			letters = 1;
	return letters;
}

/* Returns s without leading and trailing spaces and the characters of
 * strip at its end. */
static char *
trim_end(struct rc *c, const char *s, const char *strip)
{
	char *t = vb_text_trim(c->a, s);
	size_t n = strlen(t);

	while (n > 0 && (strchr(strip, t[n - 1]) || t[n - 1] == ' '))
		t[--n] = '\0';
	return t;
}

/* Returns the paragraph of block k, or NULL for a table or past the end. */
static imp_para *
para_at(struct rc *c, size_t k)
{
	return k < c->doc->n ? c->doc->b[k].p : NULL;
}

/* Returns 1 when s is only rule characters (underscores, dashes). */
static int
is_rule_text(const char *s)
{
	size_t i, n = 0;

	for (i = 0; s[i]; i++) {
		if (s[i] != '_' && s[i] != '-' && s[i] != ' ' && s[i] != '.'
		    && s[i] != '=')
			return 0;
		n++;
	}
	return n >= 3;
}

/* Returns s with the capitals of the usual agency names put back:
 * "sở giáo dục và đào tạo" -> "Sở Giáo dục và Đào tạo". */
static const char *
proper_names(struct rc *c, const char *s)
{
	static const char *names[] = { "Giáo dục và Đào tạo",
	    "Ủy ban nhân dân", "Hội đồng nhân dân", "Tài nguyên và Môi trường",
	    "Kế hoạch và Đầu tư", "Lao động - Thương binh và Xã hội",
	    "Văn hóa, Thể thao và Du lịch", "Thông tin và Truyền thông",
	    "Khoa học và Công nghệ", "Nông nghiệp và Phát triển nông thôn",
	    "Giao thông vận tải", "Nội vụ", "Tài chính", "Tư pháp", "Y tế",
	    "Xây dựng", "Công Thương", "Ngoại vụ", "Văn phòng", "Thanh tra",
	    "Chính phủ", "Quốc hội", NULL };
	char *low = vb_text_lower(c->a, s), *out = vb_strdup(c->a, s), *hit,
	    *nl;
	size_t k, n;

	for (k = 0; names[k]; k++) {
		nl = vb_text_lower(c->a, names[k]);
		n = strlen(nl);
		for (hit = strstr(low, nl); hit; hit = strstr(hit + n, nl))
			if (strlen(names[k]) == n && (hit == low ||
			    hit[-1] == ' ') && (hit[n] == '\0' || hit[n] == ' '
			    || hit[n] == ','))
				memcpy(out + (hit - low), names[k], n);
	}
	return out;
}

/* Returns s in sentence case, keeping acronyms (words without a vowel,
 * and a few known ones) and capitalising place names after "tỉnh",
 * "thành phố", "huyện" …. For titles found upper-cased. */
static const char *
sentence_case(struct rc *c, const char *s)
{
	static const char *keep[] = { "UBND", "HĐND", "UBMTTQ", "ĐT", "VNEID",
	    "GDĐT", "THPT", "THCS", NULL };
	static const char *place[] = { "TỈNH", "PHỐ", "HUYỆN", "QUẬN", "XÃ",
	    "PHƯỜNG", "TRẤN", NULL };
	static const char *vowels = "AEIOUYĂÂÊÔƠƯ";
	vb_buf b = { 0 };
	char *u, *w, *save = NULL, *low;
	const char *out;
	int first = 1, cap_next = 0, k, vowel;
	size_t i;

	if (!is_upper(c, s))
		return s;
	u = vb_strdup(c->a, s);
	for (w = strtok_r(u, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		if (!first)
			vb_buf_putc(&b, ' ');
		vowel = 0;
		low = vb_text_lower(c->a, w);
		/* a vowel: an ASCII one or any accented letter */
		for (i = 0; w[i]; i++)
			if (strchr(vowels, w[i]) || (unsigned char)w[i] >= 0xC3)
				vowel = 1;
		for (k = 0; keep[k] && strcmp(keep[k], w) != 0; k++)
			;
		if (keep[k] || !vowel)
			vb_buf_puts(&b, w);
		else if (first || cap_next)
			vb_buf_puts(&b, vb_text_capitalize(c->a, low));
		else
			vb_buf_puts(&b, low);
		for (k = 0; place[k] && strcmp(place[k], w) != 0; k++)
			;
		if (place[k])
			cap_next = 1;
		else if (!first || !keep[0])
			cap_next = cap_next && !(strchr(w, ',') != NULL);
		first = 0;
	}
	out = proper_names(c, b.data ? b.data : "");
	vb_buf_free(&b);
	return out;
}

/* Returns a title ("PHÓ GIÁM ĐỐC") as the front matter writes it ("Phó
 * Giám đốc"). */
static const char *
title_case(struct rc *c, const char *s)
{
	char *low = vb_text_lower(c->a, s);

	if (strncmp(low, "phó ", 5) == 0 && low[5])
		return proper_names(c, vb_sprintf(c->a, "Phó %s",
		    vb_text_capitalize(c->a, low + 5)));
	return proper_names(c, vb_text_capitalize(c->a, low));
}

/* Returns 1 when s starts with a level of government and a place name
 * ("TỈNH BẮC GIANG", "HUYỆN …"): the second line of one agency's name. */
static int
place_line(struct rc *c, const char *s)
{
	static const char *w[] = { "TỈNH ", "THÀNH PHỐ ", "HUYỆN ", "QUẬN ",
	    "THỊ XÃ ", "XÃ ", "PHƯỜNG ", "THỊ TRẤN ", NULL };
	char *u = up(c, s);
	int k;

	for (k = 0; w[k]; k++)
		if (strncmp(u, w[k], strlen(w[k])) == 0)
			return 1;
	return 0;
}

/* Reads "Số: 12/KH-SGDĐT" (text after "Số"). */
static void
symbol(struct rc *c, const char *s)
{
	const char *slash, *dash;
	const vb_doctype *t;
	char *num, *code, *rest;
	size_t n;
	int i;

	while (*s == ':' || *s == ' ' || *s == '\t')
		s++;
	slash = strchr(s, '/');
	num = vb_text_trim(c->a, vb_strndup(c->a, s, slash ? (size_t)(slash -
	    s) : strlen(s)));
	c->r->so = strspn(num, "0123456789") == strlen(num) ? num : "";
	if (slash == NULL)
		return;
	rest = vb_text_trim(c->a, slash + 1);
	if ((dash = strchr(rest, '-')) == NULL) {
		c->r->viet_tat = rest;
		return;
	}
	code = vb_strndup(c->a, rest, (size_t)(dash - rest));
	/* văn bản liên tịch: Số: 21/KHLT-SGDĐT-TĐ */
	n = strlen(code);
	for (i = 0; n > 2 && strcmp(code + n - 2, "LT") == 0 &&
	    (t = vb_doctype_at(i)) != NULL; i++)
		if (t->code[0] && strlen(t->code) == n - 2 &&
		    strncmp(t->code, code, n - 2) == 0 && strchr(dash + 1,
		    '-')) {
			char *all = vb_strdup(c->a, dash + 1), *one, *save = NULL;
			c->code = t->code;
			c->r->loai = t->key;
			for (one = strtok_r(all, "-", &save); one; one =
			    strtok_r(NULL, "-", &save))
				list_add(c->a, &c->r->lt_abbrevs,
				    vb_text_trim(c->a, one));
			c->r->viet_tat = c->r->lt_abbrevs.s[0];
			return;
		}
	for (i = 0; (t = vb_doctype_at(i)) != NULL; i++)
		if (t->code[0] && strcmp(t->code, code) == 0) {
			c->code = t->code;
			c->r->loai = t->key;
			c->r->viet_tat = vb_strdup(c->a, dash + 1);
			return;
		}
	/* công văn: Số: 15/SGDĐT-VP */
	c->cong_van = 1;
	c->r->viet_tat = code;
	c->r->don_vi = vb_strdup(c->a, dash + 1);
}

/* Reads "Bắc Giang, ngày 19 tháng 01 năm 2024"; returns 1 when s is one. */
static int
place_date(struct rc *c, const char *s)
{
	const char *comma = strstr(s, ", ngày"), *p;
	const char *t, *n;

	if (comma == NULL)
		comma = strstr(s, ",ngày");
	if (comma == NULL || (t = strstr(comma, "tháng")) == NULL ||
	    (n = strstr(t, "năm")) == NULL)
		return 0;
	c->r->dia_danh = vb_text_trim(c->a, vb_strndup(c->a, s, (size_t)(comma
	    - s)));
	p = strstr(comma, "ngày") + strlen("ngày");
	c->r->day = atoi(p + strspn(p, " "));
	p = t + strlen("tháng");
	c->r->month = atoi(p + strspn(p, " "));
	p = n + strlen("năm");
	c->r->year = atoi(p + strspn(p, " "));
	if (c->r->month < 0 || c->r->month > 12)
		c->r->month = 0;
	if (c->r->day < 0 || c->r->day > 31)
		c->r->day = 0;
	c->r->dated = 1;
	return 1;
}

/* Returns 1 when s is Quốc hiệu or Tiêu ngữ (skipped). */
static int
motto(struct rc *c, const char *s)
{
	return starts(c, s, "CỘNG HÒA XÃ HỘI") || starts(c, s,
	    "CỘNG HOÀ XÃ HỘI") || starts(c, s, "Độc lập") ||
	    is_rule_text(s);
}

/* Returns 1 when s is a mark of the position scheme standing alone
 * ("HỎA TỐC", "MẬT", "LƯU HÀNH NỘI BỘ", "DỰ THẢO LẦN 2"), taking it into
 * its key (the first one found wins). */
static int
mark_line(struct rc *c, const char *s)
{
	const char *v;

	switch (imp_mark_line(c->a, vb_text_trim(c->a, s), &v)) {
	case IMP_MARK_SECRECY:
		if (c->r->do_mat == NULL)
			c->r->do_mat = v;
		return 1;
	case IMP_MARK_URGENCY:
		if (c->r->do_khan == NULL)
			c->r->do_khan = v;
		return 1;
	case IMP_MARK_CIRCULATION:
		if (c->r->luu_hanh == NULL)
			c->r->luu_hanh = v;
		return 1;
	case IMP_MARK_DRAFT:
		if (c->r->du_thao == NULL)
			c->r->du_thao = v;
		return 1;
	default:
		return 0;
	}
}

/* Returns 1 when every line of paragraph p is a mark (taken into its
 * key); an empty paragraph is none. */
static int
mark_para(struct rc *c, const imp_para *p)
{
	char *t, *line, *save = NULL;
	const char *v;
	int any = 0;

	t = vb_strdup(c->a, p->text);
	for (line = strtok_r(t, "\n", &save); line; line = strtok_r(NULL,
	    "\n", &save)) {
		if (*vb_text_trim(c->a, line) == '\0')
			continue;
		if (imp_mark_line(c->a, vb_text_trim(c->a, line), &v) ==
		    IMP_MARK_NONE)
			return 0;
		any = 1;
	}
	if (!any)
		return 0;
	t = vb_strdup(c->a, p->text);
	for (line = strtok_r(t, "\n", &save); line; line = strtok_r(NULL,
	    "\n", &save))
		mark_line(c, line);
	return 1;
}

/* Reads the page headers and footers: marks standing alone (the draft
 * mark, the circulation note) and the agency's contacts (ô 13). */
static void
margins(struct rc *c)
{
	imp_contacts k = { 0 };
	size_t i;

	for (i = 0; i < c->doc->nmargins; i++)
		if (!mark_para(c, &c->doc->margins[i]))
			imp_contacts_read(c->a, c->doc->margins[i].text, &k);
	c->r->dia_chi = k.address;
	c->r->dien_thoai = k.phone;
	c->r->fax = k.fax;
	c->r->email = k.email;
	c->r->website = k.website;
}

/* Finds the table of contents (paragraphs of a TOC field, and the
 * "MỤC LỤC" title above them): vanban makes it from muc_luc, so its
 * entries are not body text. */
static void
contents(struct rc *c)
{
	imp_para *p, *q;
	size_t k, j;

	for (k = 0; k < c->doc->n; k++) {
		if ((p = para_at(c, k)) == NULL || !p->toc)
			continue;
		c->r->muc_luc = 1;
		for (j = k; j > 0 && (q = para_at(c, j - 1)) != NULL &&
		    q->text[0] == '\0'; j--)
			;
		if (j > 0 && (q = para_at(c, j - 1)) != NULL && !q->toc &&
		    (strcmp(up(c, q->text), "MỤC LỤC") == 0 || (q->style &&
		    strcmp(q->style, "toc heading") == 0)))
			q->toc = 1;
	}
}

/* Classifies one header line; left is 1 for the left column (agencies). */
static void
header_line(struct rc *c, const char *s, int left, imp_list *agencies)
{
	s = vb_text_trim(c->a, s);
	if (*s == '\0' || motto(c, s) || mark_line(c, s))
		return;
	if (starts(c, s, "Số:") || starts(c, s, "Số ") || strcmp(s, "Số") ==
	    0) {
		symbol(c, s + strlen("Số"));
		return;
	}
	if (starts(c, s, "V/v")) {
		c->cv_subject = vb_text_trim(c->a, s + 3);
		c->cong_van = 1;
		return;
	}
	if (place_date(c, s))
		return;
	if (starts(c, s, "Kính gửi")) {	/* in the header table */
		s = strchr(s, ':') ? strchr(s, ':') + 1 : s + strlen("Kính gửi");
		if (*(s = trim_end(c, s, ";.,")))
			list_add(c->a, &c->r->kinh_gui, s);
		return;
	}
	/* the V/v subject goes on under "Số" in the left column */
	if (c->cv_subject && left && !is_upper(c, s)) {
		c->cv_subject = vb_sprintf(c->a, "%s %s", c->cv_subject, s);
		return;
	}
	if (left || is_upper(c, s))
		list_add(c->a, agencies, s);
	else
		list_add(c->a, &c->dropped, s);
}

/* Returns where the right column starts in a header line of a text
 * copied out of a PDF, its columns set apart by spaces ("Số:   /KH-SGDĐT
 * Hải Phòng, ngày …", "UBND …   CỘNG HÒA …"): the run of three spaces or
 * more last before the place and date or the national title; or NULL. */
static char *
space_column(char *line)
{
	static const char *const right[] = { ", ngày", "CỘNG HÒA", "Độc lập",
	    NULL };
	char *at, *p, *best = NULL;
	int i;

	for (i = 0; right[i] != NULL && best == NULL; i++) {
		if ((at = strstr(line, right[i])) == NULL)
			continue;
		for (p = line; p + 3 <= at; p++)
			if (p[0] == ' ' && p[1] == ' ' && p[2] == ' ' &&
			    p > line && p[-1] != ' ')
				best = p;
	}
	return best;
}

/* Adds the lines of paragraph p (split at breaks and tabs: left, right;
 * in a .txt, at the spaces that stand for a tab). */
static void
header_para(struct rc *c, imp_para *p, int left, imp_list *agencies)
{
	char *t = vb_strdup(c->a, p->text), *line, *save = NULL, *tab;

	for (line = strtok_r(t, "\n", &save); line; line = strtok_r(NULL,
	    "\n", &save)) {
		if (c->doc->from_txt && strchr(line, '\t') == NULL &&
		    (tab = space_column(line)) != NULL)
			*tab = '\t';
		if ((tab = strchr(line, '\t')) != NULL) {
			*tab = '\0';
			header_line(c, line, 1, agencies);
			tab++;
			while (*tab == '\t')
				tab++;
			header_line(c, tab, 0, agencies);
		} else {
			header_line(c, line, left, agencies);
		}
	}
}

/* Returns the document kind whose name s is (upper-cased), or NULL. */
static const vb_doctype *
type_name(struct rc *c, const char *s)
{
	const vb_doctype *t;
	char *u = up(c, s);
	int i;

	for (i = 0; (t = vb_doctype_at(i)) != NULL; i++)
		if (strcmp(up(c, t->name), u) == 0 && strcmp(t->key,
		    "cong-van") != 0)
			return t;
	return NULL;
}

/* Returns 1 when table t holds the header block. */
static int
header_table(struct rc *c, imp_table *t)
{
	size_t i, j, k;

	for (i = 0; i < t->n && i < 4; i++)
		for (j = 0; j < t->rows[i].n; j++)
			for (k = 0; k < t->rows[i].cells[j].n; k++) {
				const char *s = t->rows[i].cells[j].paras[k].text;
				if (starts(c, s, "CỘNG HÒA") || starts(c, s,
				    "CỘNG HOÀ") || starts(c, s, "Số:"))
					return 1;
			}
	return 0;
}

/* Returns 1 when the kind usually sets its "Căn cứ" lines apart under the
 * title (a decision, a submission), not as the first body paragraph (a
 * plan, a report): how plain text, which has no italics, is read. */
static int
basis_kind(struct rc *c)
{
	static const char *k[] = { "quyet-dinh", "nghi-quyet", "to-trinh",
	    "chi-thi", "quy-che", "quy-dinh", NULL };
	int i;

	for (i = 0; c->r->loai && k[i]; i++)
		if (strcmp(c->r->loai, k[i]) == 0)
			return 1;
	return 0;
}

/* Sets the agencies of a văn bản liên tịch from the header lines ag, in
 * the case the document's author (core.xml: "A, B") gives when it names
 * them. */
static void
lt_agencies(struct rc *c, const imp_list *ag)
{
	imp_list from = { 0 };
	char *all, *one, *save = NULL;
	size_t i, j;

	if (c->doc->author) {
		all = vb_strdup(c->a, c->doc->author);
		for (one = strtok_r(all, ",", &save); one; one =
		    strtok_r(NULL, ",", &save))
			list_add(c->a, &from, vb_text_trim(c->a, one));
	}
	for (i = 0; i < ag->n; i++) {
		const char *s = sentence_case(c, ag->s[i]);
		for (j = 0; j < from.n; j++)
			if (strcmp(up(c, from.s[j]), up(c, ag->s[i])) == 0)
				s = from.s[j];
		list_add(c->a, &c->r->lt_issuers, s);
	}
	c->r->issuer = c->r->lt_issuers.s[0];
}

/* Returns 1 when the document is a quyết định or nghị quyết, whose
 * authority, "Theo đề nghị" and "QUYẾT ĐỊNH:" lines vanban composes. */
static int
enacts(struct rc *c)
{
	return c->r->loai && (strcmp(c->r->loai, "quyet-dinh") == 0 ||
	    strcmp(c->r->loai, "nghi-quyet") == 0);
}

static int app_label(struct rc *c, imp_para *p);
static char *two_columns(struct rc *c, const imp_para *p);
static void blocks_md(struct rc *c, size_t from, size_t to, vb_buf *out,
    imp_app *app);

/* Returns the block after the appendix content starting at k: the next
 * "Phụ lục" label, the header of a document issued with this one, or the
 * end. */
static size_t
app_end(struct rc *c, size_t k)
{
	for (; k < c->doc->n && !app_label(c, para_at(c, k)) &&
	    !(c->doc->b[k].t && header_table(c, c->doc->b[k].t)); k++)
		;
	return k;
}

/* Reads a document issued with this one (a quy chế after its quyết
 * định): its header table at block k, type name, trích yếu and the
 * "(Ban hành kèm theo …)" line, which vanban composes, then its content.
 * Returns the block after it. */
static size_t
attached(struct rc *c, size_t k)
{
	const vb_doctype *ty;
	imp_app *app;
	imp_para *p;
	vb_buf title = { 0 };
	size_t end, start = k;

	for (k++; (p = para_at(c, k)) != NULL && p->text[0] == '\0'; k++)
		;
	if (p == NULL || (ty = type_name(c, p->text)) == NULL)
		return start + 1;
	c->r->apps = vb_grow(c->a, c->r->apps, c->r->napps + 1,
	    sizeof(*c->r->apps), &c->r->appcap);
	app = &c->r->apps[c->r->napps++];
	memset(app, 0, sizeof(*app));
	app->loai = ty->key;
	for (k++; (p = para_at(c, k)) != NULL; k++) {
		if (p->text[0] == '\0' || is_rule_text(p->text))
			continue;
		if (p->text[0] == '(' || starts(c, p->text, "Ban hành kèm")) {
			k++;
			break;
		}
		if (title.len && p->align != VB_ALIGN_CENTER)
			break;
		if (title.len)
			vb_buf_putc(&title, ' ');
		vb_buf_puts(&title, p->text);
	}
	if (title.len)
		app->title = sentence_case(c, vb_strdup(c->a, title.data));
	vb_buf_free(&title);
	end = app_end(c, k);
	blocks_md(c, k, end, &app->md, app);
	return end;
}

/* Returns 1 when p is a decision's "QUYẾT ĐỊNH:" or "QUYẾT NGHỊ:" line. */
static int
enact_line(struct rc *c, const imp_para *p)
{
	const char *u = up(c, trim_end(c, p->text, " "));

	return strcmp(u, "QUYẾT ĐỊNH:") == 0 || strcmp(u, "QUYẾT NGHỊ:") == 0;
}

/* Reads the header block, the type name, trích yếu, Kính gửi and Căn cứ. */
static void
header(struct rc *c)
{
	imp_list ag = { 0 };
	imp_table *t;
	imp_para *p;
	const vb_doctype *ty = NULL;
	const char *ty_mark = NULL;
	vb_buf sub = { 0 };
	size_t i, j, k, stop, first;
	int centred;

	/* marks typed above the header ("DỰ THẢO", "KHẨN") */
	for (first = 0; (p = para_at(c, first)) != NULL && first < 8 &&
	    (p->text[0] == '\0' || imp_mark_line(c->a, p->text, &ty_mark) !=
	    IMP_MARK_NONE); first++)
		;
	if (ty_mark == NULL)
		first = 0;
	for (i = 0; i < first; i++)
		mark_para(c, para_at(c, i));
	c->i = first;
	if (c->doc->n > first && c->doc->b[first].t && header_table(c,
	    c->doc->b[first].t)) {
		t = c->doc->b[first].t;
		for (i = 0; i < t->n; i++)
			for (j = 0; j < t->rows[i].n; j++)
				for (k = 0; k < t->rows[i].cells[j].n; k++)
					header_para(c, &t->rows[i].cells[j].
					    paras[k], j == 0, &ag);
		c->i = first + 1;
		/* a mark set as its own paragraph under the number */
		for (k = c->i; (p = para_at(c, k)) != NULL && k < c->i + 4 &&
		    (p->text[0] == '\0' || imp_mark_line(c->a, p->text,
		    &ty_mark) != IMP_MARK_NONE); k++)
			;
		while (c->i < k && (p = para_at(c, c->i)) != NULL &&
		    (p->text[0] == '\0' || mark_para(c, p)))
			c->i++;
	}
	/* header lines as paragraphs: up to the type name */
	for (stop = c->i; stop < c->doc->n && stop < c->i + 16; stop++) {
		if ((p = para_at(c, stop)) == NULL)
			break;
		if (type_name(c, p->text) || starts(c, p->text, "Kính gửi") ||
		    strlen(p->text) > 200)
			break;
	}
	if (stop < c->doc->n && para_at(c, stop) && (type_name(c,
	    para_at(c, stop)->text) || c->i == first)) {
		for (i = c->i; i < stop; i++)
			header_para(c, para_at(c, i), 0, &ag);
		/* no number, no date, no type name: these lines were not a
		 * header after all, they stay in the body */
		if (c->i == first && !type_name(c, para_at(c, stop)->text) &&
		    !c->r->dated && c->r->so == NULL) {
			ag.n = 0;
			c->dropped.n = 0;
			stop = first;
		}
		c->i = stop;
	}
	/* văn bản liên tịch: one line per agency, no parent */
	if (c->r->lt_abbrevs.n >= 2 && ag.n == c->r->lt_abbrevs.n) {
		lt_agencies(c, &ag);
		ag.n = 0;
	}
	/* "ỦY BAN NHÂN DÂN" / "TỈNH BẮC GIANG": one agency on two lines */
	if (ag.n == 2 && place_line(c, ag.s[1])) {
		ag.s[0] = vb_sprintf(c->a, "%s %s", ag.s[0], ag.s[1]);
		ag.n = 1;
	}
	if (ag.n >= 2) {
		c->r->parent = sentence_case(c, ag.s[0]);
		c->r->issuer = ag.s[1];
		for (i = 2; i < ag.n; i++)
			c->r->issuer = vb_sprintf(c->a, "%s %s", c->r->issuer,
			    ag.s[i]);
	} else if (ag.n == 1) {
		c->r->issuer = ag.s[0];
	}
	if (c->r->issuer != NULL) {
		if (c->doc->author && strcmp(up(c, c->doc->author),
		    up(c, c->r->issuer)) == 0)
			c->r->issuer = c->doc->author;
		else
			c->r->issuer = sentence_case(c, c->r->issuer);
	}
	/* type name and trích yếu */
	while ((p = para_at(c, c->i)) != NULL && p->text[0] == '\0')
		c->i++;
	if ((p = para_at(c, c->i)) != NULL && (ty = type_name(c, p->text))) {
		c->r->loai = ty->key;
		c->i++;
		centred = p->align == VB_ALIGN_CENTER;
		for (; (p = para_at(c, c->i)) != NULL; c->i++) {
			if (p->text[0] == '\0') {
				if (sub.len)
					break;
				continue;
			}
			if (is_rule_text(p->text)) {
				c->i++;
				break;
			}
			if (p->text[0] == '(' && (starts(c, p->text + 1,
			    "Ban hành kèm theo") || starts(c, p->text + 1,
			    "Kèm theo"))) {
				/* a document issued with a decision: vanban
				 * composes this line from kem_theo */
				char *w = trim_end(c, p->text + 1, ")"), *q;
				for (q = w; *q; q++)
					if (*q == '\n' || *q == '\t')
						*q = ' ';
				c->r->issued_with = w;
				c->i++;
				break;
			}
			if (p->toc || starts(c, p->text, "Kính gửi") ||
			    starts(c, p->text, "Căn cứ") || (sub.len && is_upper(c,
			    p->text)) || (c->doc->from_txt ? sub.len
			    > 0 : (centred && p->align != VB_ALIGN_CENTER)) ||
			    p->numkind != IMP_NUM_NONE || p->outline >= 0)
				break;
			if (sub.len)
				vb_buf_putc(&sub, ' ');
			vb_buf_puts(&sub, p->text);
			if (p->rule || (!centred && !c->doc->from_txt)) {
				c->i++;
				break;
			}
		}
		if (sub.len)
			c->r->trich_yeu = vb_strdup(c->a, sub.data);
		vb_buf_free(&sub);
	} else if (c->cong_van || c->cv_subject) {
		c->r->loai = "cong-van";
	}
	if (c->r->loai && strcmp(c->r->loai, "cong-van") == 0 &&
	    c->cv_subject)
		c->r->trich_yeu = c->cv_subject;
	if (c->r->trich_yeu)
		c->r->trich_yeu = sentence_case(c, c->r->trich_yeu);
	/* Kính gửi */
	while ((p = para_at(c, c->i)) != NULL && p->text[0] == '\0')
		c->i++;
	if ((p = para_at(c, c->i)) != NULL && starts(c, p->text, "Kính gửi")) {
		const char *rest = strchr(p->text, ':');
		char *t2, *line, *save = NULL;
		c->i++;
		rest = rest ? rest + 1 : p->text + strlen("Kính gửi");
		t2 = vb_strdup(c->a, rest);
		for (line = strtok_r(t2, "\n", &save); line; line =
		    strtok_r(NULL, "\n", &save)) {
			line = trim_end(c, line, ";.,");
			while (*line == '-' || *line == ' ' || *line == '+')
				line++;
			if (*line)
				list_add(c->a, &c->r->kinh_gui, line);
		}
		while ((p = para_at(c, c->i)) != NULL && (p->text[0] == '-' ||
		    p->text[0] == '+' || (c->r->kinh_gui.n == 0 &&
		    p->align == VB_ALIGN_CENTER && p->text[0]))) {
			const char *s = p->text;
			while (*s == '-' || *s == '+' || *s == ' ')
				s++;
			list_add(c->a, &c->r->kinh_gui, trim_end(c, s, ";.,"));
			c->i++;
		}
	}
	/* a decision's authority ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"): for
	 * another kind vanban has no key for it, it stays first in the body */
	for (k = c->i; (p = para_at(c, k)) != NULL && k < c->i + 3 &&
	    is_upper(c, p->text) && !starts(c, p->text, "Căn cứ") &&
	    !enact_line(c, p); k++)
		;
	if (k > c->i && (p = para_at(c, k)) != NULL && enacts(c) &&
	    (starts(c, p->text, "Căn cứ") || starts(c, p->text,
	    "Theo đề nghị") || enact_line(c, p))) {
		/* a quyết định, nghị quyết: vanban composes the line from the
		 * signer, or takes it from tham_quyen (see authority_key) */
		vb_buf w = { 0 };
		for (; c->i < k; c->i++)
			vb_buf_printf(&w, "%s%s", w.len ? " " : "",
			    para_at(c, c->i)->text);
		c->power = vb_strdup(c->a, w.data);
		vb_buf_free(&w);
	} else if (k > c->i && (p = para_at(c, k)) != NULL && starts(c,
	    p->text, "Căn cứ")) {
		c->lead = c->i;
		c->nlead = k - c->i;
		for (; c->i < k; c->i++)
			vb_buf_printf(&c->r->unplaced, "dòng \"%s\" (thẩm quyền "
			    "ban hành) để ở đầu nội dung\n", para_at(c,
			    c->i)->text);
	}
	/* Căn cứ: in the "Căn cứ" style, or italic as Decree 30 sets them
	 * (a "Căn cứ" sentence in body type is the body's first paragraph) */
	while ((p = para_at(c, c->i)) != NULL && (p->text[0] == '\0' ||
	    ((starts(c, p->text, "Căn cứ") || (c->r->can_cu.n && starts(c,
	    p->text, "Theo đề nghị"))) && ((p->style && strcmp(p->style,
	    "căn cứ") == 0) || (p->italic && (!p->style || strcmp(p->style,
	    "nội dung") != 0)) || (c->doc->from_txt && basis_kind(c)))))) {
		if (p->text[0] && enacts(c) && starts(c, p->text,
		    "Theo đề nghị"))
			c->r->de_nghi = trim_end(c, p->text, ";.,");
		else if (p->text[0])
			list_add(c->a, &c->r->can_cu, trim_end(c, p->text,
			    ";.,"));
		c->i++;
	}
	/* "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:": vanban writes it itself */
	if (enacts(c) && (p = para_at(c, c->i)) != NULL && enact_line(c, p))
		c->i++;
}

/* Sets tham_quyen to the decision's authority line unless vanban composes
 * the same line from the signer and the agency (compose_decision.c). */
static void
authority_key(struct rc *c)
{
	const imp_result *r = c->r;
	const char *pre = r->quyen_han ? r->quyen_han : "", *who, *made;

	if (c->power == NULL)
		return;
	if (strcmp(pre, "TM") == 0)
		who = NULL;
	else if (strcmp(pre, "KT") == 0 || strcmp(pre, "TL") == 0 ||
	    strcmp(pre, "TUQ") == 0)
		who = r->thu_truong;
	else
		who = r->chuc_vu;
	made = who && *who ? vb_sprintf(c->a, "%s %s", who, r->issuer ?
	    r->issuer : "") : r->issuer ? r->issuer : "";
	if (strcmp(up(c, made), up(c, c->power)) != 0)
		c->r->tham_quyen = sentence_case(c, c->power);
}

/* Returns 1 when block k starts the signature ("Nơi nhận"). */
static int
sign_start(struct rc *c, size_t k)
{
	imp_block *b = &c->doc->b[k];
	size_t i, j, m;

	if (b->p)
		return starts(c, b->p->text, "Nơi nhận");
	for (i = 0; i < b->t->n; i++)
		for (j = 0; j < b->t->rows[i].n; j++)
			for (m = 0; m < b->t->rows[i].cells[j].n; m++)
				if (starts(c, b->t->rows[i].cells[j].paras[m].text,
				    "Nơi nhận"))
					return 1;
	return 0;
}

/* Returns 1 when paragraph p is an appendix label ("Phụ lục", "PHỤ LỤC II"). */
static int
app_label(struct rc *c, imp_para *p)
{
	const char *u, *rest;

	if (p == NULL || (p->text[0] != 'P' && p->text[0] != 'p'))
		return 0;
	u = up(c, p->text);
	if (strncmp(u, "PHỤ LỤC", strlen("PHỤ LỤC")) != 0)
		return 0;
	rest = u + strlen("PHỤ LỤC");
	rest += strspn(rest, " ");
	if (strncmp(rest, "SỐ ", strlen("SỐ ")) == 0)	/* "Phụ lục số 01" */
		rest += strlen("SỐ ");
	return strspn(rest, "IVXLC0123456789 .:") == strlen(rest);
}

/* Reads one line of the signature side. */
static void
sign_line(struct rc *c, const char *s, imp_list *lines)
{
	s = vb_text_trim(c->a, s);
	if (*s == '\0')
		return;
	if (s[0] == '(' && strlen(s) < 40) {	/* "(Đã ký)", "(ký, đóng dấu)" */
		vb_buf_printf(&c->r->unplaced, "dòng \"%s\" ở chỗ ký, bỏ đi "
		    "(chỗ ký vanban tự để trống)\n", s);
		return;
	}
	list_add(c->a, lines, s);
}

/* Reads one line of the recipients' side. */
static void
recipient_line(struct rc *c, const char *s)
{
	char *t, *e, *save = NULL;
	const char *who, *copies;

	s = vb_text_trim(c->a, s);
	if (starts(c, s, "Nơi nhận") || *s == '\0')
		return;
	while (*s == '-' || *s == '+' || *s == ' ' || !strncmp(s, "•", 3))
		s += strncmp(s, "•", 3) == 0 ? 3 : 1;
	/* "Lưu: VT, VP.", or without its colon "Lưu VT, VP." (a code in
	 * capitals after it: "Lưu trữ tỉnh" is a recipient) */
	if (starts(c, s, "Lưu:") || starts(c, s, "Lưu :") || (starts(c, s,
	    "Lưu ") && s[strlen("Lưu ")] >= 'A' && s[strlen("Lưu ")] <= 'Z')) {
		t = trim_end(c, strchr(s, ':') ? strchr(s, ':') + 1 :
		    s + strlen("Lưu "), ".;");
		for (e = strtok_r(t, ",", &save); e; e = strtok_r(NULL, ",",
		    &save))
			if (*(e = vb_text_trim(c->a, e)))
				list_add(c->a, &c->r->luu, e);
		return;
	}
	/* ô 12 after "Lưu": "TH.(45)" */
	if (c->r->luu.n && c->r->nguoi_soan == NULL && c->r->so_ban == NULL &&
	    imp_drafter_line(c->a, s, 1, &who, &copies)) {
		c->r->nguoi_soan = who;
		c->r->so_ban = copies;
		return;
	}
	list_add(c->a, &c->r->noi_nhan, trim_end(c, s, ";.,"));
}

/* Reads one line below the body: a recipient ("- …", "Lưu: …"), the
 * "Nơi nhận" label, or a line of the signer's block. */
static void
side_line(struct rc *c, const char *s, imp_list *lines)
{
	s = vb_text_trim(c->a, s);
	if (*s == '\0' || starts(c, s, "Nơi nhận"))
		return;
	if (s[0] == '-' || s[0] == '+' || strncmp(s, "•", 3) == 0 ||
	    starts(c, s, "Lưu:") || starts(c, s, "Lưu :"))
		recipient_line(c, s);
	else
		sign_line(c, s, lines);
}

/* Reads the signer's lines. */
static void
signer(struct rc *c, imp_list *l)
{
	static const char *auth[] = { "KT", "TM", "TL", "TUQ", "Q", NULL };
	size_t i, k, n;
	const char *s;

	size_t name = l->n;

	/* the name: the last line that is not in capitals */
	for (i = l->n; i > 0; i--)
		if (!is_upper(c, l->s[i - 1])) {
			name = i - 1;
			break;
		}
	for (i = 0; i < l->n; i++) {
		s = l->s[i];
		for (k = 0; auth[k]; k++) {
			n = strlen(auth[k]);
			if (strncmp(s, auth[k], n) == 0 && s[n] == '.')
				break;
		}
		if (auth[k] && i == 0) {
			c->r->quyen_han = auth[k];
			s = vb_text_trim(c->a, s + strlen(auth[k]) + 1);
			if (strcmp(auth[k], "TM") == 0)
				c->r->tap_the = title_case(c, s);
			else
				c->r->thu_truong = title_case(c, s);
		} else if (auth[k] && c->r->quyen_han && strcmp(c->r->quyen_han,
		    "TM") == 0 && c->r->thu_truong == NULL) {
			/* "TM. ỦY BAN NHÂN DÂN" then "KT. CHỦ TỊCH" */
			c->r->thu_truong = title_case(c, vb_text_trim(c->a, s +
			    strlen(auth[k]) + 1));
		} else if (i == name) {
			c->r->ho_ten = s;
		} else if (is_upper(c, s) && c->r->chuc_vu == NULL) {
			c->r->chuc_vu = title_case(c, s);
		} else {
			list_add(c->a, &c->tail, s);
		}
	}
	if (c->r->chuc_vu == NULL && c->r->thu_truong && !c->r->quyen_han)
		c->r->chuc_vu = c->r->thu_truong;
	if (c->r->quyen_han && strcmp(c->r->quyen_han, "TM") == 0 &&
	    c->r->chuc_vu == NULL)
		c->r->chuc_vu = NULL;
}

/* Returns 1 when the "Nơi nhận" table t also holds the signer (a second
 * column with text). */
static int
table_has_signer(struct rc *c, const imp_table *t)
{
	size_t i, j, m;

	(void)c;
	for (i = 0; i < t->n; i++)
		for (j = 1; j < t->rows[i].n; j++)
			for (m = 0; m < t->rows[i].cells[j].n; m++)
				if (t->rows[i].cells[j].paras[m].text[0])
					return 1;
	return 0;
}

/* Returns 1 when paragraph p could be a line of a signer's block: short,
 * not ending a sentence, set right or centred in a Word file. */
static int
sign_like(struct rc *c, const imp_para *p)
{
	size_t n = strlen(p->text);

	if (n == 0)
		return 1;
	if (n > 120 || strchr(".;:,", p->text[n - 1]) || p->tabbed)
		return 0;
	return c->doc->from_txt || p->align == VB_ALIGN_CENTER ||
	    p->align == VB_ALIGN_RIGHT;
}

/* Returns 1 when s starts the signer's block: "KT. GIÁM ĐỐC", "TM. …". */
static int
authority(const char *s)
{
	static const char *auth[] = { "KT.", "TM.", "TL.", "TUQ.", "Q.",
	    NULL };
	int k;

	for (k = 0; auth[k]; k++)
		if (strncmp(s, auth[k], strlen(auth[k])) == 0)
			return 1;
	return 0;
}

/* Returns where the signer's lines typed above "Nơi nhận" (block end)
 * start, or end when there are none. */
static size_t
sign_above(struct rc *c, size_t from, size_t end)
{
	size_t k = end, first = end;
	imp_para *p;

	while (k > from && end - k < 8 && (p = para_at(c, k - 1)) != NULL &&
	    sign_like(c, p)) {
		k--;
		if (p->text[0] && (authority(p->text) || (is_upper(c,
		    p->text) && p->bold)))
			first = k;
	}
	return first;
}

/* Reads the signature block starting at block k, with the signer's lines
 * found above it in [above, k); returns the block after it. */
static size_t
signature(struct rc *c, size_t above, size_t k)
{
	imp_list lines = { 0 };
	imp_block *b;
	imp_para *p;
	size_t i, j, m;
	char *t, *line, *save, *tab;

	for (; above < k; above++)
		sign_line(c, para_at(c, above)->text, &lines);
	b = &c->doc->b[k];
	if (b->t) {
		for (i = 0; i < b->t->n; i++)
			for (j = 0; j < b->t->rows[i].n; j++)
				for (m = 0; m < b->t->rows[i].cells[j].n; m++) {
					t = vb_strdup(c->a, b->t->rows[i].
					    cells[j].paras[m].text);
					save = NULL;
					for (line = strtok_r(t, "\n", &save);
					    line; line = strtok_r(NULL, "\n",
					    &save)) {
						if (j == 0)
							recipient_line(c, line);
						else
							sign_line(c, line,
							    &lines);
					}
				}
		k++;
	}
	/* paragraphs: recipients ("- …") and signer lines, up to an appendix */
	for (; k < c->doc->n && (p = para_at(c, k)) != NULL && !app_label(c,
	    p); k++) {
		t = two_columns(c, p);
		save = NULL;
		for (line = strtok_r(t, "\n", &save); line; line =
		    strtok_r(NULL, "\n", &save)) {
			/* "- Như trên;<Tab>PHÓ GIÁM ĐỐC": both columns typed
			 * on one line */
			if ((tab = strchr(line, '\t')) != NULL) {
				*tab++ = '\0';
				tab += strspn(tab, "\t ");
				side_line(c, line, &lines);
				sign_line(c, tab, &lines);
			} else {
				side_line(c, line, &lines);
			}
		}
	}
	signer(c, &lines);
	return k;
}

/* Writes blocks [from, to) as Markdown into out. */
static void
blocks_md(struct rc *c, size_t from, size_t to, vb_buf *out, imp_app *app)
{
	imp_md md;
	size_t k;

	imp_md_init(&md, c->a, c->doc, out);
	for (k = from; k < to; k++)
		imp_md_block(&md, &c->doc->b[k]);
	imp_md_notes(&md);
	c->r->headings += md.headings;
	c->r->items += md.items;
	c->r->tables += md.tables;
	c->r->merged += md.merged;
	c->r->notes += md.notes;
	c->r->pictures += md.pictures;
	if (app) {
		app->landscape = md.maxcols >= 6;
	}
}

/* Returns the index of the last table of blocks [k, end) when only empty
 * lines and "./." follow it and it has merges Markdown cannot keep (it
 * then goes to an .xlsx, after the appendix's text); else end. */
static size_t
last_sheet(struct rc *c, size_t k, size_t end)
{
	size_t i;

	for (i = end; i > k; i--) {
		if (c->doc->b[i - 1].t)
			return imp_table_needs_sheet(c->doc->b[i - 1].t) ? i - 1 :
			    end;
		if (c->doc->b[i - 1].p->text[0] != '\0' &&
		    strcmp(c->doc->b[i - 1].p->text, "./.") != 0)
			return end;
	}
	return end;
}

/* Writes lines that fit no key (of the header, of the signature) as
 * paragraphs of the body, and reports them as placed where. */
static void
lines_md(struct rc *c, const imp_list *l, vb_buf *out, const char *where)
{
	imp_block b;
	imp_para p;
	imp_md md;
	size_t i;

	imp_md_init(&md, c->a, c->doc, out);
	for (i = 0; i < l->n; i++) {
		memset(&p, 0, sizeof(p));
		p.outline = -1;
		imp_para_run(c->a, &p, l->s[i], 0);
		imp_para_finish(c->a, &p);
		b.p = &p;
		b.t = NULL;
		imp_md_block(&md, &b);
		vb_buf_printf(&c->r->unplaced, "dòng \"%s\" %s\n", l->s[i],
		    where);
	}
}

/* Reads the appendices from block k on. */
static void
appendices(struct rc *c, size_t k)
{
	imp_app *app;
	imp_para *p;
	vb_buf title = { 0 };
	size_t end, last;

	while (k < c->doc->n) {
		if (c->doc->b[k].t && header_table(c, c->doc->b[k].t)) {
			k = attached(c, k);
			continue;
		}
		if (!app_label(c, para_at(c, k))) {
			k++;
			continue;
		}
		c->r->apps = vb_grow(c->a, c->r->apps, c->r->napps + 1,
		    sizeof(*c->r->apps), &c->r->appcap);
		app = &c->r->apps[c->r->napps++];
		memset(app, 0, sizeof(*app));
		k++;
		vb_buf_reset(&title);
		for (; (p = para_at(c, k)) != NULL; k++) {
			if (p->text[0] == '\0')
				continue;
			if (p->text[0] == '(' || starts(c, p->text, "Kèm theo")
			    || starts(c, p->text, "Ban hành kèm")) {
				k++;
				break;
			}
			if (app_label(c, p) || (!is_upper(c, p->text) &&
			    title.len))
				break;
			if (title.len)
				vb_buf_putc(&title, ' ');
			vb_buf_puts(&title, p->text);
		}
		if (title.len)
			app->title = sentence_case(c, vb_strdup(c->a,
			    title.data));
		end = app_end(c, k);
		last = last_sheet(c, k, end);
		blocks_md(c, k, last, &app->md, app);
		if (last < end) {
			app->sheet = c->doc->b[last].t;
			if (app->sheet->ncols >= 6)
				app->landscape = 1;
			c->r->tables++;
		}
		k = end;
	}
	vb_buf_free(&title);
}

/* Returns the text of a paragraph of the signature block, with a tab
 * where a recipient line runs into the signer's bold title in capitals
 * ("- Lưu: VT, VP." then "KT. GIÁM ĐỐC"), as LibreOffice's .doc filter
 * leaves the last lines of a two-cell table: read as two columns. */
static char *
two_columns(struct rc *c, const imp_para *p)
{
	vb_buf b = { 0 };
	size_t i, split = 0;
	char *t;

	if (p->tabbed || p->nruns < 2 || p->text[0] != '-')
		return vb_strdup(c->a, p->text);
	for (i = 1; i < p->nruns && !split; i++)
		if ((p->runs[i].style & VB_BOLD) && !(p->runs[i - 1].style &
		    VB_BOLD) && p->runs[i].text[0] && is_upper(c,
		    p->runs[i].text) && strchr(p->runs[i - 1].text, '.'))
			split = i;
	if (split == 0)
		return vb_strdup(c->a, p->text);
	for (i = 0; i < p->nruns; i++) {
		if (i == split)
			vb_buf_putc(&b, '\t');
		vb_buf_puts(&b, p->runs[i].text);
	}
	t = vb_text_trim(c->a, b.data);
	vb_buf_free(&b);
	return t;
}

/* Returns 1 when the text of a table cell reads as a signer: a title in
 * capitals first, a name last, a few short lines. */
static int
signer_cell(struct rc *c, const imp_cell *cell)
{
	size_t i, lines = 0;
	const char *first = NULL, *last = NULL;
	char *t, *line, *save = NULL;

	for (i = 0; i < cell->n; i++) {
		t = vb_strdup(c->a, cell->paras[i].text);
		for (line = strtok_r(t, "\n", &save); line; line =
		    strtok_r(NULL, "\n", &save)) {
			line = vb_text_trim(c->a, line);
			if (*line == '\0')
				continue;
			if (strlen(line) > 120 || ++lines > 6)
				return 0;
			if (first == NULL)
				first = line;
			last = line;
		}
	}
	return first && last != first && is_upper(c, first) &&
	    !is_upper(c, last);
}

/* Reads signers set side by side in the one-row table at block k (a biên
 * bản's THƯ KÝ and CHỦ TỌA, a plan signed by two agencies): the right one
 * into the result's own keys, the others into before[]. Returns 1 when
 * the table was such a row. */
static int
signer_row(struct rc *c, size_t k)
{
	const imp_table *t = k < c->doc->n ? c->doc->b[k].t : NULL;
	imp_result *r = c->r;
	imp_list lines;
	size_t j, m;

	if (t == NULL || t->n != 1 || t->rows[0].n < 2 || t->rows[0].n >
	    IMP_MAX_SIGNERS + 1)
		return 0;
	for (j = 0; j < t->rows[0].n; j++)
		if (!signer_cell(c, &t->rows[0].cells[j]))
			return 0;
	for (j = 0; j < t->rows[0].n; j++) {
		const imp_cell *cell = &t->rows[0].cells[j];
		char *s, *line, *save = NULL;
		memset(&lines, 0, sizeof(lines));
		for (m = 0; m < cell->n; m++) {
			s = vb_strdup(c->a, cell->paras[m].text);
			for (line = strtok_r(s, "\n", &save); line; line =
			    strtok_r(NULL, "\n", &save))
				sign_line(c, line, &lines);
		}
		signer(c, &lines);
		if (j + 1 < t->rows[0].n) {
			imp_signer *g = &r->before[r->nbefore++];
			g->quyen_han = r->quyen_han;
			g->tap_the = r->tap_the;
			g->thu_truong = r->thu_truong;
			g->chuc_vu = r->chuc_vu;
			g->ho_ten = r->ho_ten;
			r->quyen_han = r->tap_the = r->thu_truong = NULL;
			r->chuc_vu = r->ho_ten = NULL;
		}
	}
	return 1;
}

/* Returns 1 when table t is the head of a copy: a form of copy ("SAO
 * Y") and a copy's number ("Số: 07/SY-SGDĐT") among its lines. */
static int
copy_head(struct rc *c, const imp_table *t)
{
	const char *num, *abbr, *s;
	size_t i, j, m;
	int form = 0, number = 0;

	for (i = 0; i < t->n && i < 4; i++)
		for (j = 0; j < t->rows[i].n; j++)
			for (m = 0; m < t->rows[i].cells[j].n; m++) {
				s = t->rows[i].cells[j].paras[m].text;
				if (imp_copy_form(c->a, s))
					form = 1;
				if (starts(c, s, "Số") && imp_copy_number(c->a,
				    s + strlen("Số"), &num, &abbr))
					number = 1;
			}
	return form && number;
}

/* Returns the block where the parts of a copy start (its head table),
 * at or after from; the end of the document when it is an original. */
static size_t
copy_at(struct rc *c, size_t from)
{
	size_t k;

	for (k = from; k < c->doc->n; k++)
		if (c->doc->b[k].t && copy_head(c, c->doc->b[k].t))
			return k;
	return c->doc->n;
}

/* Reads one line of a copy's head: the form, the number, place and date,
 * or a line of the copying agency's name (into ag). */
static void
copy_line(struct rc *c, const char *s, imp_list *ag)
{
	imp_copy *cp = &c->r->copy;
	const char *form, *num, *abbr, *place = c->r->dia_danh;
	int y = c->r->year, mo = c->r->month, d = c->r->day,
	    dated = c->r->dated;

	s = vb_text_trim(c->a, s);
	if (*s == '\0' || motto(c, s))
		return;
	if ((form = imp_copy_form(c->a, s)) != NULL) {
		cp->form = form;
	} else if (starts(c, s, "Số") && imp_copy_number(c->a, s +
	    strlen("Số"), &num, &abbr)) {
		cp->so = num;
		if (c->r->viet_tat == NULL || strcmp(up(c, abbr),
		    up(c, c->r->viet_tat)) != 0)
			cp->viet_tat = abbr;
	} else if (place_date(c, s)) {
		/* place_date() fills the original's keys: move them */
		if (place == NULL || strcmp(c->r->dia_danh, place) != 0)
			cp->dia_danh = c->r->dia_danh;
		cp->year = c->r->year;
		cp->month = c->r->month;
		cp->day = c->r->day;
		c->r->dia_danh = place;
		c->r->year = y;
		c->r->month = mo;
		c->r->day = d;
		c->r->dated = dated;
	} else if (is_upper(c, s)) {
		list_add(c->a, ag, s);
	}
}

/* Reads the parts of a copy from block k (its head table): the copying
 * agency when not the original's, the form, number, place and date, then
 * its "Nơi nhận" and signer, read as the original's and moved over. */
static void
copy_read(struct rc *c, size_t k)
{
	imp_result *r = c->r, keep = *c->r;
	imp_copy *cp = &r->copy;
	const imp_table *t = c->doc->b[k].t;
	imp_list ag = { 0 };
	const char *issuer, *parent;
	size_t i, j, m;
	char *x, *line, *save;

	for (i = 0; i < t->n; i++)
		for (j = 0; j < t->rows[i].n; j++)
			for (m = 0; m < t->rows[i].cells[j].n; m++) {
				x = vb_strdup(c->a, t->rows[i].cells[j].
				    paras[m].text);
				save = NULL;
				for (line = strtok_r(x, "\n", &save); line;
				    line = strtok_r(NULL, "\n", &save))
					copy_line(c, line, &ag);
			}
	issuer = ag.n ? ag.s[ag.n - 1] : NULL;
	parent = ag.n > 1 ? ag.s[ag.n - 2] : NULL;
	if (issuer && (r->issuer == NULL || strcmp(up(c, issuer), up(c,
	    r->issuer)) != 0)) {
		cp->issuer = sentence_case(c, issuer);
		cp->parent = parent ? sentence_case(c, parent) : NULL;
	} else if (parent && (r->parent == NULL || strcmp(up(c, parent),
	    up(c, r->parent)) != 0)) {
		cp->parent = sentence_case(c, parent);
	}
	/* the signature: read into the result's own keys, then moved */
	for (k++; k < c->doc->n && para_at(c, k) && para_at(c, k)->text[0] ==
	    '\0'; k++)
		;
	if (k < c->doc->n && sign_start(c, k)) {
		memset(&r->noi_nhan, 0, sizeof(r->noi_nhan));
		memset(&r->luu, 0, sizeof(r->luu));
		r->quyen_han = r->tap_the = r->thu_truong = NULL;
		r->chuc_vu = r->ho_ten = NULL;
		r->nguoi_soan = r->so_ban = NULL;
		signature(c, k, k);
		cp->noi_nhan = r->noi_nhan;
		cp->luu = r->luu;
		cp->quyen_han = r->quyen_han;
		cp->tap_the = r->tap_the;
		cp->thu_truong = r->thu_truong;
		cp->chuc_vu = r->chuc_vu;
		cp->ho_ten = r->ho_ten;
		r->noi_nhan = keep.noi_nhan;
		r->luu = keep.luu;
		r->quyen_han = keep.quyen_han;
		r->tap_the = keep.tap_the;
		r->thu_truong = keep.thu_truong;
		r->chuc_vu = keep.chuc_vu;
		r->ho_ten = keep.ho_ten;
		r->nguoi_soan = keep.nguoi_soan;
		r->so_ban = keep.so_ban;
	}
	if (cp->form == NULL)
		cp->form = "sao y";
	if (cp->so == NULL)
		cp->so = "";
}

void
imp_recognize(imp_doc *doc, imp_result *r)
{
	struct rc c;
	size_t k, end, above, copied, all;

	memset(&c, 0, sizeof(c));
	c.doc = doc;
	c.a = doc->a;
	c.r = r;
	contents(&c);
	margins(&c);
	header(&c);
	/* a copy: its parts after the copied document are read last, the
	 * original's parts are looked for before them */
	copied = copy_at(&c, c.i);
	all = doc->n;
	doc->n = copied;
	for (end = c.i; end < doc->n && !sign_start(&c, end) && !app_label(&c,
	    para_at(&c, end)); end++)
		;
	above = end < doc->n && sign_start(&c, end) && (doc->b[end].p ||
	    !table_has_signer(&c, doc->b[end].t)) ? sign_above(&c, c.i, end) :
	    end;
	k = end;
	/* signers side by side in a table above "Nơi nhận" */
	if (above == end && above > c.i && end < doc->n &&
	    sign_start(&c, end) &&
	    signer_row(&c, above - 1))
		above = end - 1;
	if (k < doc->n && sign_start(&c, k))
		k = signature(&c, above < end && doc->b[above].t ? end : above,
		    k);
	authority_key(&c);
	lines_md(&c, &c.dropped, &r->body, "ở phần đầu, để ở đầu nội dung");
	if (c.nlead)
		blocks_md(&c, c.lead, c.lead + c.nlead, &r->body, NULL);
	blocks_md(&c, c.i, above, &r->body, NULL);
	lines_md(&c, &c.tail, &r->body, "ở khối chữ ký, để ở cuối nội dung");
	appendices(&c, k);
	doc->n = all;
	if (copied < all)
		copy_read(&c, copied);
}

void
imp_result_free(imp_result *r)
{
	size_t i;

	vb_buf_free(&r->body);
	vb_buf_free(&r->unplaced);
	for (i = 0; i < r->napps; i++)
		vb_buf_free(&r->apps[i].md);
}
