/* infile.c - confined, bounded reading of the files of a document. */
#define _GNU_SOURCE		/* O_PATH, openat2 */
#include "infile.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Why a confined open failed, beyond errno. */
enum refusal {
	REF_NONE,		/* not refused: errno tells */
	REF_ABSOLUTE,		/* an absolute path or one starting with ~ */
	REF_OUTSIDE,		/* the path leads out of the folder */
	REF_NOT_REGULAR,	/* a folder, device, FIFO or socket */
	REF_TOO_BIG		/* larger than the cap */
};

char *
vb_folder_of(const char *path)
{
	const char *s = strrchr(path, '/');

	if (strcmp(path, "-") == 0 || s == NULL)
		return strdup(".");
	if (s == path)
		return strdup("/");
	return strndup(path, (size_t)(s - path));
}

int
vb_inputs_open(vb_inputs *in, const char *dir, vb_diags *d)
{
	memset(in, 0, sizeof(*in));
	in->dirfd = -1;
	if ((in->dir = strdup(dir)) == NULL)
		return -1;
	in->dirfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (in->dirfd < 0) {
		vb_diag_add(d, VB_ERROR, dir, 0, 0, NULL,
		    "không mở được thư mục của văn bản: %s", vb_errno_text(errno));
		return -1;
	}
	return 0;
}

void
vb_inputs_close(vb_inputs *in)
{
	if (in->dirfd >= 0)
		close(in->dirfd);
	free(in->dir);
	free(in->ids);
	memset(in, 0, sizeof(*in));
	in->dirfd = -1;
}

/* Remembers the file behind fd as read; returns 0 or -1. */
static int
remember(vb_inputs *in, const struct stat *st)
{
	vb_fileid *ids;

	if (vb_in_was_read(in, st->st_dev, st->st_ino))
		return 0;
	if (in->nids == in->cap) {
		size_t cap = in->cap ? in->cap * 2 : 8;
		if ((ids = realloc(in->ids, cap * sizeof(*ids))) == NULL)
			return -1;
		in->ids = ids;
		in->cap = cap;
	}
	in->ids[in->nids].dev = st->st_dev;
	in->ids[in->nids].ino = st->st_ino;
	in->nids++;
	return 0;
}

int
vb_in_note(vb_inputs *in, int fd)
{
	struct stat st;

	return fstat(fd, &st) < 0 ? -1 : remember(in, &st);
}

int
vb_in_was_read(const vb_inputs *in, dev_t dev, ino_t ino)
{
	size_t i;

	for (i = 0; i < in->nids; i++)
		if (in->ids[i].dev == dev && in->ids[i].ino == ino)
			return 1;
	return 0;
}

/* Opens name below dirfd one component at a time, never following a
 * symbolic link and never leaving with ".."; for kernels without openat2.
 * Returns a descriptor or -1 with errno set (EXDEV: leaves the folder). */
static int
open_walk(int dirfd, char *name, int flags)
{
	char *p = name, *slash;
	int fd = dup(dirfd), next;

	while (fd >= 0) {
		while (*p == '/')
			p++;
		if ((slash = strchr(p, '/')) != NULL)
			*slash = '\0';
		if (strcmp(p, "..") == 0) {
			close(fd);
			errno = EXDEV;
			return -1;
		}
		next = slash == NULL || slash[1] == '\0'
		    ? openat(fd, p, flags | O_NOFOLLOW)
		    : openat(fd, p, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		close(fd);
		fd = next;
		if (slash == NULL || slash[1] == '\0')
			return fd;
		p = slash + 1;
	}
	return -1;
}

/* Opens name below dirfd so that it cannot resolve outside it, symbolic
 * links inside the folder allowed; returns a descriptor or -1 with errno
 * (EXDEV: the name leads out of the folder). */
static int
open_beneath(int dirfd, char *name, int flags)
{
	struct open_how how;
	long fd;

	memset(&how, 0, sizeof(how));
	how.flags = (unsigned long long)flags;
	how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
	fd = syscall(SYS_openat2, dirfd, name, &how, sizeof(how));
	if (fd < 0 && (errno == ENOSYS || errno == EPERM))
		return open_walk(dirfd, name, flags);
	return (int)fd;
}

/* Returns name with "\" turned into "/" (malloc'd), or NULL. */
static char *
slashes(const char *name)
{
	char *p = strdup(name), *q;

	for (q = p; q && *q; q++)
		if (*q == '\\')
			*q = '/';
	return p;
}

/* Opens name below the folder; returns a descriptor, or -1 with *why (and
 * errno when *why is REF_NONE). */
static int
confined(vb_inputs *in, const char *name, size_t cap, enum refusal *why)
{
	struct stat st;
	char *n;
	int fd, e;

	*why = REF_NONE;
	if (name[0] == '/' || name[0] == '~' || name[0] == '\\' ||
	    (name[0] && name[1] == ':')) {
		*why = REF_ABSOLUTE;
		return -1;
	}
	if ((n = slashes(name)) == NULL)
		return -1;
	fd = open_beneath(in->dirfd, n, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	e = errno;
	free(n);
	if (fd < 0) {
		if (e == EXDEV)
			*why = REF_OUTSIDE;
		errno = e;
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	if (!S_ISREG(st.st_mode) || (unsigned long long)st.st_size > cap) {
		*why = S_ISREG(st.st_mode) ? REF_TOO_BIG : REF_NOT_REGULAR;
		close(fd);
		return -1;
	}
	/* Reads of a regular file never block; clear it for libraries. */
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if (remember(in, &st) < 0) {
		close(fd);
		errno = ENOMEM;
		return -1;
	}
	return fd;
}

/* Reports why name could not be opened. */
static void
refused(const char *name, size_t cap, enum refusal why, int e,
    const vb_where *w, vb_diags *d)
{
	const char *file = w && w->file ? w->file : name;
	int line = w ? w->line : 0, col = w ? w->col : 0;

	switch (why) {
	case REF_ABSOLUTE:
		vb_diag_add(d, VB_ERROR, file, line, col,
		    "đặt tệp trong thư mục của văn bản (hoặc thư mục con) và ghi "
		    "đường dẫn tương đối, ví dụ phu-luc/bang.xlsx",
		    "không dùng được đường dẫn tuyệt đối '%s'", name);
		break;
	case REF_OUTSIDE:
		vb_diag_add(d, VB_ERROR, file, line, col,
		    "chép tệp vào thư mục của văn bản (hoặc thư mục con) rồi ghi "
		    "lại đường dẫn tương đối",
		    "tệp '%s' nằm ngoài thư mục của văn bản (hoặc là liên kết "
		    "dẫn ra ngoài)", name);
		break;
	case REF_NOT_REGULAR:
		vb_diag_add(d, VB_ERROR, file, line, col,
		    "ghi tên một tệp bình thường (không phải thư mục, thiết bị "
		    "hay ống dẫn)", "'%s' không phải là một tệp bình thường", name);
		break;
	case REF_TOO_BIG:
		vb_diag_add(d, VB_ERROR, file, line, col,
		    "chia nội dung thành nhiều tệp nhỏ hơn",
		    "tệp '%s' lớn hơn giới hạn %zu MB", name, cap >> 20);
		break;
	case REF_NONE:
		vb_diag_add(d, VB_ERROR, file, line, col,
		    e == ENOENT || e == ENOTDIR ? "kiểm tra tên tệp (kể cả chữ "
		    "hoa, chữ thường và phần đuôi) và thư mục" : NULL,
		    "không mở được tệp '%s': %s", name,
		    e == ENOENT ? "không có tệp này" : vb_errno_text(e));
		break;
	}
}

int
vb_in_open(vb_inputs *in, const char *name, size_t cap, const vb_where *w,
    vb_diags *d)
{
	enum refusal why;
	int fd;

	if ((fd = confined(in, name, cap, &why)) < 0)
		refused(name, cap, why, errno, w, d);
	return fd;
}

int
vb_read_fd(int fd, size_t cap, vb_buf *out)
{
	char chunk[65536];
	ssize_t n;

	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		if (out->len + (size_t)n > cap)
			return -2;
		if (vb_buf_put(out, chunk, (size_t)n) < 0) {
			errno = ENOMEM;
			return -1;
		}
	}
}

int
vb_in_charge(vb_inputs *in, size_t bytes, size_t cells, const vb_where *w,
    vb_diags *d)
{
	if (in->over)
		return -1;
	in->bytes += bytes;
	in->cells += cells;
	if (in->bytes <= VB_BUDGET_BYTES && in->cells <= VB_BUDGET_CELLS)
		return 0;
	in->over = 1;
	vb_diag_add(d, VB_ERROR, w && w->file ? w->file : in->dir,
	    w ? w->line : 0, w ? w->col : 0,
	    "bớt phụ lục hoặc chia văn bản thành nhiều văn bản nhỏ hơn",
	    in->bytes > VB_BUDGET_BYTES ? "văn bản đọc quá nhiều dữ liệu: các "
	    "tệp của nó (kể cả phụ lục và bảng tính) vượt giới hạn %u MB" :
	    "văn bản có quá nhiều ô bảng: các bảng của nó vượt giới hạn %u ô",
	    in->bytes > VB_BUDGET_BYTES ? VB_BUDGET_BYTES >> 20 : VB_BUDGET_CELLS);
	return -1;
}

/* Reads fd (named name) whole into the arena and charges it; returns the
 * data or NULL after reporting. Closes fd. */
static char *
read_whole(vb_inputs *in, vb_arena *a, int fd, const char *name,
    size_t *len, const vb_where *w, vb_diags *d)
{
	vb_buf b = {0};
	char *out = NULL;
	int r = vb_read_fd(fd, VB_MAX_FILE, &b), e = errno;

	close(fd);
	if (r == -2)
		vb_diag_add(d, VB_ERROR, w && w->file ? w->file : name,
		    w ? w->line : 0, w ? w->col : 0,
		    "chia nội dung thành nhiều tệp nhỏ hơn",
		    "tệp '%s' lớn hơn giới hạn %u MB", name, VB_MAX_FILE >> 20);
	else if (r < 0)
		vb_diag_add(d, VB_ERROR, w && w->file ? w->file : name,
		    w ? w->line : 0, w ? w->col : 0, NULL,
		    "lỗi khi đọc tệp '%s': %s", name, vb_errno_text(e));
	else if (vb_in_charge(in, b.len, 0, w, d) == 0) {
		*len = b.len;
		out = vb_strndup(a, b.data ? b.data : "", b.len);
	}
	vb_buf_free(&b);
	return out;
}

char *
vb_in_read(vb_inputs *in, vb_arena *a, const char *name, size_t *len,
    const vb_where *w, vb_diags *d)
{
	int fd = vb_in_open(in, name, VB_MAX_FILE, w, d);

	return fd < 0 ? NULL : read_whole(in, a, fd, name, len, w, d);
}

char *
vb_in_read_main(vb_inputs *in, vb_arena *a, const char *path, size_t *len,
    vb_diags *d)
{
	const char *shown = strcmp(path, "-") == 0 ? "<stdin>" : path;
	struct stat st;
	int fd;

	fd = strcmp(path, "-") == 0 ? dup(STDIN_FILENO)
	    : open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		vb_diag_add(d, VB_ERROR, shown, 0, 0,
		    errno == ENOENT ? "kiểm tra tên tệp và thư mục" : NULL,
		    "không mở được tệp: %s", errno == ENOENT ?
		    "không có tệp này" : vb_errno_text(errno));
		return NULL;
	}
	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			close(fd);
			vb_diag_add(d, VB_ERROR, shown, 0, 0,
			    "ghi tên tệp .md của văn bản",
			    "đây là một thư mục, không phải tệp");
			return NULL;
		}
		if (S_ISREG(st.st_mode))
			remember(in, &st);
	}
	return read_whole(in, a, fd, shown, len, NULL, d);
}
