/* agency.c - finding, opening and reading co-quan.yaml, and answering
 * which keys it gives. */
#define _GNU_SOURCE 1
#include "agency.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/text.h"

/* A found profile, open, before it is read. */
struct found {
	int fd;			/* the open file */
	int depth;		/* 0: the document's folder, 1: its parent … */
	int dirfd;		/* the folder it is in */
};

/* Returns the name of the profile in folder fd at depth, for messages. */
static const char *
shown_path(vb_arena *a, const char *dir, int fd, int depth)
{
	char link[64], buf[4096];
	ssize_t n;

	if (depth == 0)
		return strcmp(dir, ".") == 0 ? VB_AGENCY_FILE
		    : vb_sprintf(a, "%s/%s", dir, VB_AGENCY_FILE);
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	if ((n = readlink(link, buf, sizeof(buf) - 1)) > 0 && buf[0] == '/') {
		buf[n] = '\0';
		return vb_sprintf(a, "%s/%s", strcmp(buf, "/") == 0 ? "" : buf,
		    VB_AGENCY_FILE);
	}
	return vb_sprintf(a, "%s/../%s (cấp %d)", dir, VB_AGENCY_FILE, depth);
}

/* Returns 1 when a file or folder owned by uid may be trusted: the user's
 * own or root's. */
static int
trusted_owner(uid_t uid)
{
	return uid == geteuid() || uid == 0;
}

/* Returns 1 when folder st is where the search stops: the user's home. */
static int
is_home(const struct stat *st)
{
	const char *home = getenv("HOME");
	struct stat h;

	return home && *home && stat(home, &h) == 0 && h.st_dev == st->st_dev &&
	    h.st_ino == st->st_ino;
}

/* Reports a profile that cannot be used. */
static int
refuse(vb_diags *d, const char *path, const char *hint, const char *why)
{
	vb_diag_add(d, VB_ERROR, path, 0, 0, hint,
	    "không dùng được hồ sơ cơ quan: %s", why);
	return -1;
}

/* Opens co-quan.yaml in folder fd at depth; returns its descriptor, -1
 * when there is none, or -2 after reporting one that cannot be used. */
static int
open_here(vb_arena *a, int fd, const char *dir, int depth, vb_diags *d)
{
	const char *p;
	struct stat st;
	int f;

	f = openat(fd, VB_AGENCY_FILE, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_NOCTTY | O_CLOEXEC);
	if (f < 0 && (errno == ENOENT || errno == ENOTDIR))
		return -1;
	p = shown_path(a, dir, fd, depth);
	if (f < 0)
		return errno == ELOOP ? refuse(d, p, "chép tệp thật vào đây thay "
		    "cho liên kết", "tệp là một liên kết (symlink)") - 1
		    : refuse(d, p, NULL, vb_errno_text(errno)) - 1;
	if (fstat(f, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(f);
		return refuse(d, p, "co-quan.yaml phải là một tệp văn bản",
		    "không phải tệp thường") - 1;
	}
	if (depth > 0 && (!trusted_owner(st.st_uid) || (st.st_mode & S_IWOTH))) {
		close(f);
		return refuse(d, p, "hồ sơ ở thư mục cha phải là tệp của chính "
		    "bạn và người khác không sửa được (chmod o-w); hoặc đặt "
		    "co-quan.yaml cạnh văn bản", "tệp thuộc người dùng khác hoặc "
		    "ai cũng ghi được") - 1;
	}
	if ((size_t)st.st_size > VB_AGENCY_MAX) {
		close(f);
		return refuse(d, p, "hồ sơ cơ quan chỉ chứa các khóa chung, "
		    "vài trăm byte", "tệp lớn hơn 64 KB") - 1;
	}
	return f;
}

/* Finds the profile from folder dirfd upwards; fills f (f->fd -1 when
 * none) and returns 0, or -1 after reporting. */
static int
search(vb_arena *a, int dirfd, const char *dir, vb_diags *d, struct found *f)
{
	struct stat here, up;
	int fd, parent, r = 0;

	f->fd = -1;
	if ((fd = openat(dirfd, ".", O_PATH | O_DIRECTORY | O_CLOEXEC)) < 0)
		return 0;
	for (f->depth = 0; f->depth <= VB_AGENCY_UP; f->depth++) {
		if (fstat(fd, &here) < 0 ||
		    (f->depth > 0 && (!trusted_owner(here.st_uid) ||
		    ((here.st_mode & S_IWOTH) && !(here.st_mode & S_ISVTX)))))
			break;
		if ((f->fd = open_here(a, fd, dir, f->depth, d)) != -1) {
			r = f->fd >= 0 ? 0 : -1;
			if (r == 0)
				f->dirfd = fd, fd = -1;
			break;
		}
		if (is_home(&here) ||
		    (parent = openat(fd, "..", O_PATH | O_DIRECTORY | O_CLOEXEC)) < 0)
			break;
		close(fd);
		fd = parent;
		if (fstat(fd, &up) < 0 || up.st_dev != here.st_dev ||
		    up.st_ino == here.st_ino)
			break;	/* a mount point or the root */
	}
	if (fd >= 0)
		close(fd);
	if (r < 0 || f->fd < 0)
		f->fd = -1;
	return r;
}

/* Warns about and drops the keys that belong to one document only. */
static void
drop_own_keys(vb_agency *ag, vb_diags *d)
{
	static const char hint[] = "khóa này thuộc riêng từng văn bản: viết "
	    "trong phần đầu của văn bản, không trong co-quan.yaml";
	vb_meta *m = &ag->meta;

#define DROP(field, pos, key) \
	if (m->field != NULL) { \
		vb_diag_add(d, VB_WARNING, ag->path, pos.line, pos.col, hint, \
		    "hồ sơ cơ quan có khóa '%s', bị bỏ qua", key); \
		m->field = NULL; \
	}
	DROP(kind, m->kind_pos, "loai")
	DROP(number, m->number_pos, "so")
	DROP(date, m->date_pos, "ngay")
	DROP(old_year, m->old_year_pos, "nam_cu")
	DROP(marks.secrecy, m->marks.secrecy_pos, "do_mat")
	DROP(marks.urgency, m->marks.urgency_pos, "do_khan")
	DROP(marks.circulation, m->marks.circulation_pos, "luu_hanh")
	DROP(marks.draft, m->marks.draft_pos, "du_thao")
	DROP(marks.copies, m->marks.copies_pos, "so_ban")
	DROP(marks.toc, m->marks.toc_pos, "muc_luc")
#undef DROP
	if (m->copy.pos.line != 0) {
		vb_diag_add(d, VB_WARNING, ag->path, m->copy.pos.line,
		    m->copy.pos.col, hint,
		    "hồ sơ cơ quan có khóa '%s', bị bỏ qua", "ban_sao");
		memset(&m->copy, 0, sizeof(m->copy));
	}
	if (m->subject != NULL) {
		vb_diag_add(d, VB_WARNING, ag->path, 0, 0, hint,
		    "hồ sơ cơ quan có khóa '%s', bị bỏ qua", "trich_yeu");
		m->subject = NULL;
	}
	if (m->nappx > 0) {
		vb_diag_add(d, VB_WARNING, ag->path, m->appx[0].pos.line,
		    m->appx[0].pos.col, hint,
		    "hồ sơ cơ quan có khóa '%s', bị bỏ qua", "phu_luc");
		m->appx = NULL;
		m->nappx = 0;
	}
}

int
vb_agency_find(vb_arena *a, int dirfd, const char *dir, vb_inputs *in,
    vb_agency *ag, vb_diags *d)
{
	struct found f;
	vb_buf b = {0};
	size_t errors = d->errors;
	int r;

	memset(ag, 0, sizeof(*ag));
	if (dirfd < 0 || search(a, dirfd, dir, d, &f) < 0)
		return dirfd < 0 ? 0 : -1;
	if (f.fd < 0)
		return 0;
	ag->path = shown_path(a, dir, f.dirfd, f.depth);
	close(f.dirfd);
	r = vb_read_fd(f.fd, VB_AGENCY_MAX, &b);
	if (in != NULL && r == 0) {
		vb_in_note(in, f.fd);
		if (vb_in_charge(in, b.len, 0, NULL, d) < 0)
			r = -1;
	}
	close(f.fd);
	if (r == -2 || (r == -1 && errors == d->errors))
		refuse(d, ag->path, NULL, r == -2 ? "tệp lớn hơn 64 KB"
		    : vb_errno_text(errno));
	if (r == 0 && vb_frontmatter_parse(a, ag->path, b.data ? b.data : "",
	    b.len, 1, &ag->meta, d) == 0)
		drop_own_keys(ag, d);
	vb_buf_free(&b);
	if (d->errors > errors) {
		ag->path = NULL;
		memset(&ag->meta, 0, sizeof(ag->meta));
		return -1;
	}
	return 0;
}

int
vb_agency_load(vb_arena *a, const char *doc_path, vb_agency *ag, vb_diags *d)
{
	char *dir = vb_folder_of(doc_path);
	int fd, r = 0;

	memset(ag, 0, sizeof(*ag));
	if (dir == NULL)
		return -1;
	if ((fd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		r = vb_agency_find(a, fd, vb_strdup(a, dir), NULL, ag, d);
		close(fd);
	}
	free(dir);
	return r;
}

const vb_meta *
vb_agency_meta(const vb_agency *ag)
{
	return ag && ag->path ? &ag->meta : NULL;
}

/* Returns 1 when a and b are the same text, blanks at the ends and runs of
 * blanks aside (NULL and "" alike). */
static int
same_text(const char *a, const char *b)
{
	a = a ? a : "";
	b = b ? b : "";
	while (*a == ' ' || *a == '\t')
		a++;
	while (*b == ' ' || *b == '\t')
		b++;
	for (;;) {
		int sa = 0, sb = 0;

		while (*a == ' ' || *a == '\t')
			a++, sa = 1;
		while (*b == ' ' || *b == '\t')
			b++, sb = 1;
		if (*a == '\0' || *b == '\0')
			return *a == *b;
		if (sa != sb || *a != *b)
			return 0;
		a++, b++;
	}
}

/* Returns the profile's list for key, or NULL when key is no list key. */
static const vb_strlist *
list_of(const vb_meta *m, const char *key)
{
	if (strcmp(key, "kinh_gui") == 0)
		return &m->to;
	if (strcmp(key, "can_cu") == 0)
		return &m->bases;
	if (strcmp(key, "noi_nhan") == 0)
		return &m->recipients;
	if (strcmp(key, "luu") == 0)
		return &m->archive;
	return NULL;
}

/* Returns the profile's text for a scalar key, "" when absent, or NULL when
 * key is not a scalar key. */
static const char *
scalar_of(const vb_meta *m, const char *key)
{
	static const struct {
		const char *key;	/* front matter key */
		size_t off;		/* offset of its value in vb_meta */
	} keys[] = {
		{"co_quan_chu_quan", offsetof(vb_meta, parent)},
		{"co_quan", offsetof(vb_meta, issuer)},
		{"viet_tat", offsetof(vb_meta, abbrev)},
		{"don_vi", offsetof(vb_meta, unit)},
		{"dia_danh", offsetof(vb_meta, place)},
		{"dia_chi", offsetof(vb_meta, marks.address)},
		{"dien_thoai", offsetof(vb_meta, marks.phone)},
		{"fax", offsetof(vb_meta, marks.fax)},
		{"email", offsetof(vb_meta, marks.email)},
		{"website", offsetof(vb_meta, marks.website)},
	};
	static const struct {
		const char *key;	/* front matter key */
		size_t off;		/* offset of its value in vb_sign_src */
	} sign_keys[] = {
		{"ky.quyen_han", offsetof(vb_sign_src, authority)},
		{"ky.tap_the", offsetof(vb_sign_src, collective)},
		{"ky.thu_truong", offsetof(vb_sign_src, head)},
		{"ky.chuc_vu", offsetof(vb_sign_src, title)},
		{"ky.ho_ten", offsetof(vb_sign_src, name)},
	};
	const char *v;
	size_t i;

	for (i = 0; i < sizeof(sign_keys) / sizeof(sign_keys[0]); i++)
		if (strcmp(key, sign_keys[i].key) == 0) {
			if (m->nsigners != 1)	/* none, or several: not one key */
				return "";
			v = *(const char *const *)((const char *)m->signers +
			    sign_keys[i].off);
			return v ? v : "";
		}
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strcmp(key, keys[i].key) == 0) {
			v = *(const char *const *)((const char *)m + keys[i].off);
			return v ? v : "";
		}
	return NULL;
}

/* Returns 1 when trinh_bay setting key (without "trinh_bay.") has value. */
static int
gives_setting(const vb_meta *m, const char *key, const char *value)
{
	static const struct {
		const char *key;	/* setting under trinh_bay */
		size_t off;		/* its offset in vb_profile */
	} settings[] = {
		{"co_chu", offsetof(vb_profile, body_pt)},
		{"thut_dau_dong", offsetof(vb_profile, indent_cm)},
		{"cach_doan", offsetof(vb_profile, para_space_pt)},
		{"gian_dong", offsetof(vb_profile, line_spacing)},
		{"le_tren", offsetof(vb_profile, margin_top_mm)},
		{"le_duoi", offsetof(vb_profile, margin_bottom_mm)},
		{"le_trai", offsetof(vb_profile, margin_left_mm)},
		{"le_phai", offsetof(vb_profile, margin_right_mm)},
		{"co_chu_bang", offsetof(vb_profile, table_pt)},
	};
	double x, have;
	char *end;
	size_t i;

	if (strcmp(key, "phong_chu") == 0)
		return same_text(m->profile.font, value);
	x = strtod(value, &end);
	if (end == value || *end != '\0')
		return 0;
	for (i = 0; i < sizeof(settings) / sizeof(settings[0]); i++)
		if (strcmp(key, settings[i].key) == 0) {
			have = *(const double *)((const char *)&m->profile +
			    settings[i].off);
			return have - x < 1e-9 && x - have < 1e-9;
		}
	return 0;
}

int
vb_agency_gives(const vb_agency *ag, const char *key, const char *value)
{
	const vb_meta *m = vb_agency_meta(ag);
	const vb_strlist *l;
	const char *v;

	if (m == NULL || key == NULL || value == NULL || *value == '\0')
		return 0;
	if (strncmp(key, "trinh_bay.", 10) == 0)
		return gives_setting(m, key + 10, value);
	if ((l = list_of(m, key)) != NULL)
		return vb_agency_gives_list(ag, key, &value, 1);
	return (v = scalar_of(m, key)) != NULL && *v && same_text(v, value);
}

int
vb_agency_gives_list(const vb_agency *ag, const char *key,
    const char *const *items, size_t n)
{
	const vb_meta *m = vb_agency_meta(ag);
	const vb_strlist *l;
	size_t i;

	if (m == NULL || (l = list_of(m, key)) == NULL || l->n != n || n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!same_text(l->items[i], items[i]))
			return 0;
	return 1;
}

int
vb_agency_gives_sign(const vb_agency *ag, const char *quyen_han,
    const char *tap_the, const char *thu_truong, const char *chuc_vu,
    const char *ho_ten)
{
	const vb_meta *m = vb_agency_meta(ag);
	const vb_sign_src *s;

	if (m == NULL || m->nsigners != 1)
		return 0;
	s = &m->signers[0];
	if (!s->authority && !s->collective && !s->head && !s->title && !s->name)
		return 0;
	return same_text(s->authority, quyen_han) &&
	    same_text(s->collective, tap_the) && same_text(s->head, thu_truong) &&
	    same_text(s->title, chuc_vu) && same_text(s->name, ho_ten);
}
