/* output.c - output sets: check every target, write temporary files,
 * rename them all into place, or roll back. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void
vb_out_init(vb_outset *s, int replace, const char *force,
    const vb_inputs *inputs)
{
	memset(s, 0, sizeof(*s));
	s->replace = replace;
	s->force = force;
	s->inputs = inputs;
}

int
vb_out_add(vb_outset *s, const char *path, vb_buf *data)
{
	vb_outfile *f, *files;

	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 4;
		if ((files = realloc(s->files, cap * sizeof(*files))) == NULL)
			return -1;
		s->files = files;
		s->cap = cap;
	}
	f = &s->files[s->n];
	memset(f, 0, sizeof(*f));
	if ((f->path = strdup(path)) == NULL)
		return -1;
	f->len = data->len;
	f->data = data->data ? vb_buf_detach(data) : strdup("");
	if (f->data == NULL) {
		free(f->path);
		return -1;
	}
	s->n++;
	return 0;
}

void
vb_out_free(vb_outset *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->files[i].path);
		free(s->files[i].target);
		free(s->files[i].data);
		free(s->files[i].tmp);
		free(s->files[i].backup);
	}
	free(s->files);
	memset(s, 0, sizeof(*s));
}

/* Returns the process's umask without changing it where /proc tells. */
static mode_t
current_umask(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[128];
	unsigned m;
	mode_t old;

	while (f != NULL && fgets(line, sizeof(line), f) != NULL)
		if (sscanf(line, "Umask: %o", &m) == 1) {
			fclose(f);
			return (mode_t)m;
		}
	if (f != NULL)
		fclose(f);
	old = umask(022);
	umask(old);
	return old;
}

/* Reports a refused target. */
static void
refuse(vb_diags *d, const char *path, const char *hint, const char *why)
{
	vb_diag_add(d, VB_ERROR, path, 0, 0, hint, "không ghi tệp ra: %s", why);
}

/* Returns 1 when file i has the same target as an earlier one. */
static int
twice(const vb_outset *s, size_t i, const struct stat *st, int exists)
{
	struct stat o;
	size_t j;

	for (j = 0; j < i; j++) {
		if (strcmp(s->files[j].path, s->files[i].path) == 0)
			return 1;
		if (exists && strcmp(s->files[j].path, "-") != 0 &&
		    stat(s->files[j].path, &o) == 0 && o.st_dev == st->st_dev &&
		    o.st_ino == st->st_ino)
			return 1;
	}
	return 0;
}

/* Checks the target of file i and sets its mode and target; returns 0, or
 * -1 after reporting. */
static int
check_target(vb_outset *s, size_t i, mode_t umask_now, vb_diags *d)
{
	vb_outfile *f = &s->files[i];
	char real[PATH_MAX], hint[512];
	struct stat st, lst;
	int exists = stat(f->path, &st) == 0;

	if (strcmp(f->path, "-") == 0)
		return 0;
	if (twice(s, i, &st, exists)) {
		refuse(d, f->path, "chọn tên khác nhau cho các tệp ra",
		    "hai tệp ra trùng nhau");
		return -1;
	}
	if (!exists) {
		f->mode = 0666 & ~umask_now;
		f->target = strdup(f->path);
		return f->target ? 0 : -1;
	}
	if (S_ISDIR(st.st_mode)) {
		snprintf(hint, sizeof(hint), "ghi rõ tên tệp, ví dụ -o %s/ke-hoach.docx",
		    f->path);
		refuse(d, f->path, hint, "đường dẫn ra là một thư mục");
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		refuse(d, f->path, "ghi vào một tệp bình thường hoặc một tên mới; "
		    "dùng -o - để ghi ra đầu ra chuẩn",
		    "đây không phải tệp bình thường (thiết bị, ống dẫn FIFO, ổ cắm…)");
		return -1;
	}
	if (s->inputs && vb_in_was_read(s->inputs, st.st_dev, st.st_ino)) {
		refuse(d, f->path, "chọn tên khác cho tệp ra, ví dụ -o ban-moi.docx",
		    "đây chính là một tệp nguồn của văn bản; ghi vào sẽ làm mất "
		    "nội dung gốc");
		return -1;
	}
	if (!s->replace) {
		snprintf(hint, sizeof(hint), s->force ? "chọn tên khác bằng -o, "
		    "hoặc thêm %s nếu muốn ghi đè" : "chọn tên khác bằng -o%s",
		    s->force ? s->force : "");
		refuse(d, f->path, hint, "tệp đã có, vanban không ghi đè");
		return -1;
	}
	f->existed = 1;
	f->mode = st.st_mode & 07777;
	/* Replace the file a symbolic link points to, not the link. */
	if (lstat(f->path, &lst) == 0 && S_ISLNK(lst.st_mode) &&
	    realpath(f->path, real) != NULL)
		f->target = strdup(real);
	else
		f->target = strdup(f->path);
	return f->target ? 0 : -1;
}

/* Writes all of data to fd, again after a signal; returns 0 or -1 with
 * errno set. */
int
vb_write_fd(int fd, const void *p, size_t len)
{
	const char *data = p;
	ssize_t n;

	while (len > 0) {
		if ((n = write(fd, data, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Reports that path could not be written because of errno e. */
static void
write_failed(vb_diags *d, const char *path, int e)
{
	vb_diag_add(d, VB_ERROR, path, 0, 0, NULL, "không ghi được tệp: %s "
	    "(tệp cũ, nếu có, vẫn giữ nguyên)", e == ENOENT ?
	    "thư mục không tồn tại" : e == EACCES || e == EPERM ?
	    "không có quyền ghi vào thư mục này" : vb_errno_text(e));
}

/* Returns a malloc'd unused name "<path><tag>XXXXXX" made by mkstemp and
 * opened as *fd, or NULL with errno set. */
static char *
temp_beside(const char *path, const char *tag, int *fd)
{
	size_t n = strlen(path) + strlen(tag) + 8;
	char *t = malloc(n);

	if (t == NULL)
		return NULL;
	snprintf(t, n, "%s%sXXXXXX", path, tag);
	if ((*fd = mkstemp(t)) < 0) {
		int e = errno;
		free(t);
		errno = e;
		return NULL;
	}
	return t;
}

/* Writes file f to a temporary file beside its target; returns 0 or -1
 * with errno set. */
static int
write_temp(vb_outfile *f)
{
	int fd, e;

	if ((f->tmp = temp_beside(f->target, ".tmp-", &fd)) == NULL)
		return -1;
	if (vb_write_fd(fd, f->data, f->len) < 0 || fchmod(fd, f->mode) < 0 ||
	    fsync(fd) < 0) {
		e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return close(fd);
}

/* Gives the file being replaced a second name, so it can be put back;
 * returns 0 or -1. Where hard links are not possible the file simply has
 * no way back, which matters only if a later rename fails. */
static void
keep_old(vb_outfile *f)
{
	int fd;

	if ((f->backup = temp_beside(f->target, ".old-", &fd)) == NULL)
		return;
	close(fd);
	if (unlink(f->backup) < 0 || link(f->target, f->backup) < 0) {
		unlink(f->backup);
		free(f->backup);
		f->backup = NULL;
	}
}

/* Removes every temporary and second name of the set. */
static void
clean(vb_outset *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (s->files[i].tmp)
			unlink(s->files[i].tmp);
		if (s->files[i].backup)
			unlink(s->files[i].backup);
	}
}

/* Puts back the targets of files [0, k) already renamed into place. */
static void
roll_back(vb_outset *s, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++) {
		vb_outfile *f = &s->files[i];
		if (strcmp(f->path, "-") == 0)
			continue;
		if (f->backup && rename(f->backup, f->target) == 0) {
			free(f->backup);
			f->backup = NULL;
		} else if (!f->existed)
			unlink(f->target);
	}
}

/* Writes standard output's file, if any; returns 0 or -1 after reporting. */
static int
write_stdout(vb_outset *s, vb_diags *d)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->files[i].path, "-") == 0 &&
		    (vb_write_fd(STDOUT_FILENO, s->files[i].data, s->files[i].len) < 0)) {
			vb_diag_add(d, VB_ERROR, "<stdout>", 0, 0, NULL,
			    "không ghi được ra đầu ra chuẩn: %s", vb_errno_text(errno));
			return -1;
		}
	return 0;
}

/* Writes every temporary file, then renames them all into place; returns
 * 0 or -1 after reporting and undoing. */
static int
write_all_files(vb_outset *s, vb_diags *d)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (strcmp(s->files[i].path, "-") == 0)
			continue;
		if (write_temp(&s->files[i]) < 0) {
			write_failed(d, s->files[i].path, errno);
			clean(s);
			return -1;
		}
	}
	if (write_stdout(s, d) < 0) {
		clean(s);
		return -1;
	}
	for (i = 0; i < s->n; i++) {
		vb_outfile *f = &s->files[i];
		if (strcmp(f->path, "-") == 0)
			continue;
		if (f->existed && s->n > 1)
			keep_old(f);
		if (rename(f->tmp, f->target) < 0) {
			write_failed(d, f->path, errno);
			roll_back(s, i);
			clean(s);
			return -1;
		}
		free(f->tmp);
		f->tmp = NULL;
	}
	clean(s);
	return 0;
}

int
vb_out_commit(vb_outset *s, vb_diags *d)
{
	sigset_t block, old;
	mode_t um = current_umask();
	size_t i;
	int r = 0;

	for (i = 0; i < s->n; i++)
		if (check_target(s, i, um, d) < 0)
			r = -1;
	if (r < 0)
		return -1;
	/* A termination signal waits until the set is whole (or undone). */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGQUIT);
	pthread_sigmask(SIG_BLOCK, &block, &old);
	r = write_all_files(s, d);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return r;
}

int
vb_write_atomic(const char *path, const char *data, size_t len, int replace,
    const char *force, const vb_inputs *inputs, vb_diags *d)
{
	vb_outset s;
	vb_buf b = {0};
	int r;

	vb_out_init(&s, replace, force, inputs);
	if (vb_buf_put(&b, data, len) < 0 || vb_out_add(&s, path, &b) < 0) {
		vb_buf_free(&b);
		vb_out_free(&s);
		vb_diag_add(d, VB_ERROR, path, 0, 0, NULL, "không đủ bộ nhớ");
		return -1;
	}
	r = vb_out_commit(&s, d);
	vb_out_free(&s);
	return r;
}

int
vb_stdout_close(void)
{
	int e;

	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	e = errno;
	fprintf(stderr, "vanban: lỗi: không ghi được ra đầu ra chuẩn: %s\n",
	    vb_errno_text(e));
	return -1;
}
