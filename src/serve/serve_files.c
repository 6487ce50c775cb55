/* serve_files.c - the folder's files: which names may be asked for, the
 * list of documents, opening, saving (only over the version the page
 * loaded, never silently over a change made meanwhile), the recovery copy
 * written while the clerk types, new documents and uploaded appendix
 * sources. Reading goes through base/infile.h (confined to the folder, no
 * symlink out), writing through base/output.h (atomic); a name is never a
 * path, and a symlink is never written through. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/infile.h"
#include "base/output.h"
#include "base/text.h"
#include "serve.h"

/* Extensions of documents and of appendix sources. */
#define EXT_DOC "|.md|"
#define EXT_SOURCE "|.xlsx|.csv|.tsv|.md|"

/* Bytes of a document's start read for the list. */
#define LIST_HEAD 65536
/* Documents listed at most. */
#define LIST_MAX 2000

int
serve_name_ok(const char *name, const char *exts)
{
	const char *dot;
	char ext[16];
	size_t n, i;

	if (name == NULL || (n = strlen(name)) == 0 || n > SERVE_MAX_NAME ||
	    name[0] == '.' || name[0] == '-' || name[0] == ' ')
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == '/' ||
		    name[i] == '\\' || name[i] == ':' || name[i] == 0x7f)
			return 0;
	if ((dot = strrchr(name, '.')) == NULL || dot == name ||
	    strlen(dot) + 2 > sizeof(ext))
		return 0;
	snprintf(ext, sizeof(ext), "%s|", dot);
	for (i = 0; ext[i]; i++)
		if (ext[i] >= 'A' && ext[i] <= 'Z')
			ext[i] = (char)(ext[i] - 'A' + 'a');
	return strstr(exts, ext) != NULL && ext[0] == '.' &&
	    strstr(exts, ext)[-1] == '|';
}

int
serve_read(const vb_server *s, const char *name, vb_buf *out, char *why,
    size_t whylen, unsigned *status)
{
	vb_inputs in = { .dirfd = -1 };
	vb_diags d = {0};
	int fd = -1, r = -1;

	*status = 500;
	if (vb_inputs_open(&in, s->root, &d) == 0 &&
	    (fd = vb_in_open(&in, name, VB_MAX_FILE, NULL, &d)) >= 0 &&
	    vb_read_fd(fd, VB_MAX_FILE, out) == 0)
		r = 0;
	if (r < 0) {
		*status = errno == ENOENT ? 404 : 403;
		snprintf(why, whylen, "%s", d.n > 0 ? d.items[0].msg :
		    "không đọc được tệp");
	}
	if (fd >= 0)
		close(fd);
	vb_diags_free(&d);
	vb_inputs_close(&in);
	return r;
}

/* Returns name's kind below the folder without following a symlink: 0
 * missing, 1 a regular file, -1 anything else (a symlink, a folder). */
static int
kind_of(const vb_server *s, const char *name)
{
	struct stat st;

	if (fstatat(s->dirfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return errno == ENOENT ? 0 : -1;
	return S_ISREG(st.st_mode) ? 1 : -1;
}

/* Writes data as name below the folder (replacing it when replace);
 * returns 0, or -1 with the reason put in r. */
static int
write_file(const vb_server *s, const char *name, const char *data,
    size_t len, int replace, serve_reply *r)
{
	vb_diags d = {0};
	char *path;
	int rc = -1;

	if (kind_of(s, name) < 0)
		return serve_error(r, 403, "Tên này là một liên kết hoặc thư mục, "
		    "không phải tệp: vanban không ghi qua đó."), -1;
	if (asprintf(&path, "%s/%s", s->root, name) < 0)
		return serve_error(r, 503, "Máy chủ hết bộ nhớ."), -1;
	if (vb_write_atomic(path, data, len, replace, NULL, NULL, &d) == 0)
		rc = 0;
	else
		serve_error(r, errno == EEXIST || (d.n > 0 &&
		    strstr(d.items[0].msg, "đã có")) ? 409 : 500,
		    d.n > 0 ? d.items[0].msg : "không ghi được tệp");
	vb_diags_free(&d);
	free(path);
	return rc;
}

/* Puts the version of data (a hash of its bytes) in v (17 bytes). */
static void
version_of(const char *data, size_t len, char *v)
{
	snprintf(v, 17, "%016llx", serve_hash(SERVE_HASH0, data, len));
}

/* Appends the value of front matter key ("so:") found in head, as a JSON
 * string (quotes of YAML stripped), to b. */
static void
head_value(vb_buf *b, const char *head, const char *key)
{
	const char *p = head, *e, *v;
	size_t n = strlen(key);

	if (strncmp(p, "---", 3) == 0)
		for (p = strchr(p, '\n'); p != NULL; p = strchr(p, '\n')) {
			p++;
			if (strncmp(p, "---", 3) == 0)
				break;
			if (strncmp(p, key, n) != 0)
				continue;
			for (v = p + n; *v == ' '; v++)
				;
			e = v + strcspn(v, "\r\n");
			while (e > v && e[-1] == ' ')
				e--;
			if (e - v >= 2 && (*v == '"' || *v == '\'') && e[-1] == *v)
				v++, e--;
			{
				char *t = strndup(v, (size_t)(e - v));
				serve_json_str(b, t);
				free(t);
			}
			return;
		}
	vb_buf_puts(b, "\"\"");
}

/* Appends one document of the list to b. */
static void
list_one(const vb_server *s, const char *name, const struct stat *st,
    vb_buf *b)
{
	char when[32], head[LIST_HEAD + 1], rec[SERVE_MAX_NAME + 16];
	int fd = openat(s->dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC);
	ssize_t n = fd >= 0 ? pread(fd, head, LIST_HEAD, 0) : -1;
	struct tm tm;

	head[n > 0 ? n : 0] = '\0';
	if (fd >= 0)
		close(fd);
	localtime_r(&st->st_mtime, &tm);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm);
	snprintf(rec, sizeof(rec), ".%s.khoi-phuc", name);
	vb_buf_puts(b, "{\"ten\":");
	serve_json_str(b, name);
	vb_buf_puts(b, ",\"loai\":");
	head_value(b, head, "loai:");
	vb_buf_puts(b, ",\"so\":");
	head_value(b, head, "so:");
	vb_buf_puts(b, ",\"trich_yeu\":");
	head_value(b, head, "trich_yeu:");
	vb_buf_printf(b, ",\"sua\":\"%s\",\"khoi_phuc\":%s}", when,
	    kind_of(s, rec) == 1 ? "true" : "false");
}

/* Orders names for the list. */
static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
serve_list(const serve_call *c, serve_reply *r)
{
	int fd = openat(c->s->dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
	char **names = NULL;
	size_t n = 0, i;
	struct dirent *e;
	struct stat st;

	if (dir == NULL) {
		if (fd >= 0)
			close(fd);
		return serve_error(r, 500, "Không đọc được thư mục văn bản.");
	}
	while ((e = readdir(dir)) != NULL && n < LIST_MAX)
		if (serve_name_ok(e->d_name, EXT_DOC) &&
		    fstatat(c->s->dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(st.st_mode) && (names = realloc(names,
		    (n + 1) * sizeof(*names))) != NULL)
			names[n++] = strdup(e->d_name);
	closedir(dir);
	if (n > 0 && names != NULL)
		qsort(names, n, sizeof(*names), by_name);
	vb_buf_puts(&r->body, "{\"thu_muc\":");
	serve_json_str(&r->body, c->s->root);
	vb_buf_puts(&r->body, ",\"van_ban\":[");
	for (i = 0; i < n && names != NULL; i++) {
		if (names[i] != NULL &&
		    fstatat(c->s->dirfd, names[i], &st, AT_SYMLINK_NOFOLLOW) == 0) {
			if (r->body.len > 0 && r->body.data[r->body.len - 1] == '}')
				vb_buf_putc(&r->body, ',');
			list_one(c->s, names[i], &st, &r->body);
		}
		free(names[i]);
	}
	free(names);
	return vb_buf_puts(&r->body, "]}");
}

/* Returns the file name asked for, or NULL after putting the error in r. */
static const char *
name_arg(const serve_call *c, serve_reply *r, const char *exts)
{
	const char *name = serve_arg(c, "ten");

	if (!serve_name_ok(name, exts))
		return serve_error(r, 400, "Tên tệp không hợp lệ: chỉ một tên tệp "
		    "trong thư mục văn bản (không có / hay ..), đuôi .md, hoặc "
		    ".xlsx, .csv, .tsv cho phụ lục."), NULL;
	return name;
}

int
serve_open(const serve_call *c, serve_reply *r)
{
	const char *name = name_arg(c, r, EXT_DOC);
	char why[512], v[17], rec[SERVE_MAX_NAME + 16];
	vb_buf data = {0}, copy = {0};
	unsigned st;
	size_t bad;

	if (name == NULL)
		return 0;
	if (serve_read(c->s, name, &data, why, sizeof(why), &st) < 0) {
		vb_buf_free(&data);
		return serve_error(r, st, why);
	}
	vb_buf_putc(&data, '\0');
	/* The page edits text: bytes it cannot hold would be lost at the
	 * first save, so such a file is not opened here at all. */
	if (strlen(data.data) != data.len - 1 ||
	    !vb_utf8_valid(data.data, data.len - 1, &bad)) {
		vb_buf_free(&data);
		return serve_error(r, 422, "Tệp không phải văn bản Unicode (UTF-8) "
		    "nên không mở trong trang được, để không làm hỏng nó. Nếu tệp "
		    "gõ bằng mã TCVN3 (ABC) hoặc VNI, chuyển sang Unicode bằng "
		    "lệnh vanban convert.");
	}
	version_of(data.data, data.len - 1, v);
	snprintf(rec, sizeof(rec), ".%s.khoi-phuc", name);
	vb_buf_puts(&r->body, "{\"ten\":");
	serve_json_str(&r->body, name);
	vb_buf_printf(&r->body, ",\"phien\":\"%s\",\"noi_dung\":", v);
	serve_json_str(&r->body, data.data);
	vb_buf_puts(&r->body, ",\"khoi_phuc\":");
	if (kind_of(c->s, rec) == 1 &&
	    serve_read(c->s, rec, &copy, why, sizeof(why), &st) == 0 &&
	    vb_buf_putc(&copy, '\0') == 0 && strcmp(copy.data, data.data) != 0)
		serve_json_str(&r->body, copy.data);
	else
		vb_buf_puts(&r->body, "null");
	vb_buf_free(&data);
	vb_buf_free(&copy);
	return vb_buf_puts(&r->body, "}");
}

int
serve_save(const serve_call *c, serve_reply *r)
{
	const char *name = name_arg(c, r, EXT_DOC), *want = serve_arg(c, "phien");
	char why[512], v[17], rec[SERVE_MAX_NAME + 16];
	vb_buf cur = {0};
	unsigned st;
	int k;

	if (name == NULL)
		return 0;
	pthread_mutex_lock(&c->s->save);
	k = kind_of(c->s, name);
	if (k == 1 && serve_read(c->s, name, &cur, why, sizeof(why), &st) < 0)
		serve_error(r, st, why);
	else if (k == 1 && (version_of(cur.data ? cur.data : "", cur.len, v),
	    want == NULL || strcmp(v, want) != 0))
		serve_error(r, 409, "Tệp đã bị sửa ở nơi khác sau khi mở: chưa "
		    "lưu để không ghi đè. Tải lại tệp (bản đang soạn vẫn giữ "
		    "trong bản khôi phục) rồi sửa tiếp.");
	else if (write_file(c->s, name, c->body, c->len, 1, r) == 0) {
		snprintf(rec, sizeof(rec), ".%s.khoi-phuc", name);
		if (kind_of(c->s, rec) == 1)
			unlinkat(c->s->dirfd, rec, 0);
		version_of(c->body, c->len, v);
		vb_buf_printf(&r->body, "{\"phien\":\"%s\"}", v);
	}
	pthread_mutex_unlock(&c->s->save);
	vb_buf_free(&cur);
	return 0;
}

int
serve_recover(const serve_call *c, serve_reply *r)
{
	const char *name = name_arg(c, r, EXT_DOC);
	char rec[SERVE_MAX_NAME + 16];

	if (name == NULL)
		return 0;
	snprintf(rec, sizeof(rec), ".%s.khoi-phuc", name);
	pthread_mutex_lock(&c->s->save);
	if (write_file(c->s, rec, c->body, c->len, 1, r) == 0)
		vb_buf_puts(&r->body, "{\"ok\":true}");
	pthread_mutex_unlock(&c->s->save);
	return 0;
}

/* The skeleton of a new document of type loai, dated today: every field a
 * placeholder that says what goes there, so the first preview already
 * shows the layout. */
static const char skeleton[] =
"---\n"
"loai: %s\n"
"co_quan_chu_quan: Tên cơ quan chủ quản\n"
"co_quan: Tên cơ quan ban hành\n"
"viet_tat: CQ\n"
"so: \"\"\n"
"dia_danh: Địa danh\n"
"ngay: %s\n"
"trich_yeu: Trích yếu nội dung văn bản\n"
"%s"
"noi_nhan:\n"
"  - Như trên\n"
"luu: [VT]\n"
"ky:\n"
"  chuc_vu: Chức vụ người ký\n"
"  ho_ten: Họ và tên người ký\n"
"---\n"
"\n"
"# Mục đích, yêu cầu\n"
"\n"
"Viết nội dung ở đây.\n";

int
serve_new(const serve_call *c, serve_reply *r)
{
	const char *name = name_arg(c, r, EXT_DOC), *loai = serve_arg(c, "loai");
	char day[16], *text = NULL;
	time_t now = time(NULL);
	struct tm tm;
	size_t i;
	int n;

	if (name == NULL)
		return 0;
	for (i = 0; loai != NULL && loai[i]; i++)
		if (!(loai[i] >= 'a' && loai[i] <= 'z') && loai[i] != '-')
			break;
	if (loai == NULL || i == 0 || i > 32 || loai[i])
		return serve_error(r, 400, "Loại văn bản không hợp lệ.");
	localtime_r(&now, &tm);
	strftime(day, sizeof(day), "%Y-%m-%d", &tm);
	/* TODO(co-quan.yaml): fill the agency from the profile once
	 * "vanban new" lands. */
	n = asprintf(&text, skeleton, loai, day,
	    strcmp(loai, "cong-van") == 0 || strcmp(loai, "to-trinh") == 0 ||
	    strcmp(loai, "bao-cao") == 0 ? "kinh_gui:\n  - Tên nơi nhận\n" : "");
	if (n < 0)
		return -1;
	pthread_mutex_lock(&c->s->save);
	if (kind_of(c->s, name) != 0)
		serve_error(r, 409, "Đã có tệp tên này: chọn tên khác.");
	else if (write_file(c->s, name, text, (size_t)n, 0, r) == 0) {
		vb_buf_puts(&r->body, "{\"ten\":");
		serve_json_str(&r->body, name);
		vb_buf_puts(&r->body, "}");
	}
	pthread_mutex_unlock(&c->s->save);
	free(text);
	return 0;
}

int
serve_upload(const serve_call *c, serve_reply *r)
{
	const char *name = name_arg(c, r, EXT_SOURCE);
	const char *force = serve_arg(c, "ghi-de");
	size_t n;

	if (name == NULL)
		return 0;
	n = strlen(name);
	if (n > 5 && strcasecmp(name + n - 5, ".xlsx") == 0 &&
	    (c->len < 4 || memcmp(c->body, "PK\3\4", 4) != 0))
		return serve_error(r, 400, "Tệp gửi lên không phải tệp Excel "
		    ".xlsx.");
	pthread_mutex_lock(&c->s->save);
	if (force == NULL && kind_of(c->s, name) != 0)
		serve_error(r, 409, "Đã có tệp tên này trong thư mục: đổi tên tệp "
		    "hoặc chọn ghi đè.");
	else if (write_file(c->s, name, c->body, c->len, force != NULL, r) == 0) {
		vb_buf_puts(&r->body, "{\"ten\":");
		serve_json_str(&r->body, name);
		vb_buf_puts(&r->body, "}");
	}
	pthread_mutex_unlock(&c->s->save);
	return 0;
}
