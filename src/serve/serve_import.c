/* serve_import.c - POST /api/nhap-docx: last year's document (.docx, .doc,
 * .odt, .txt) sent by the page becomes a new Markdown document of the
 * folder through "vanban import". The upload goes to a private temporary
 * folder (never into the served folder); the vanban binary itself
 * (/proc/self/exe) is run on it without a shell, in its own process group,
 * under a time limit, its messages collected to show the clerk. The
 * importer writes NAME.md and its appendix files atomically and never over
 * an existing file. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "serve.h"

extern char **environ;

/* Extensions the importer reads. */
#define EXT_IMPORT "|.docx|.doc|.odt|.txt|"
/* Seconds an import of a .doc or .odt may take. They go through
 * LibreOffice, which the importer runs in a process group of its own and
 * stops itself after 120 s: this limit stays above that, so the importer
 * always cleans up; it is only the backstop for an importer that hangs. */
#define IMPORT_SLOW 150
/* Bytes of the importer's messages kept. */
#define IMPORT_MSG_MAX 16384

/* Returns 1 when year is four digits from 1900 to 2999. */
static int
year_ok(const char *year)
{
	return strlen(year) == 4 && strspn(year, "0123456789") == 4 &&
	    (year[0] == '1' ? year[1] == '9' : year[0] == '2');
}

/* Writes data[0..len) to a new file path (mode 0600); returns 0 or -1. */
static int
write_temp(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0600);
	ssize_t n;
	size_t off = 0;

	if (fd < 0)
		return -1;
	while (off < len) {
		if ((n = write(fd, data + off, len - off)) < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			return -1;
		}
		off += (size_t)n;
	}
	return close(fd);
}

/* Reads the child's messages from fd into msg until it closes or the
 * deadline passes; returns 0, or -1 on timeout. */
static int
collect(int fd, vb_buf *msg, time_t deadline)
{
	char chunk[4096];
	struct pollfd p = { .fd = fd, .events = POLLIN };
	ssize_t n;
	time_t now;

	for (;;) {
		if ((now = time(NULL)) >= deadline)
			return -1;
		if (poll(&p, 1, (int)(deadline - now) * 1000) == 0)
			return -1;
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return 0;
		if (msg->len + (size_t)n <= IMPORT_MSG_MAX)
			vb_buf_put(msg, chunk, (size_t)n);
	}
}

/* Runs argv (argv[0] the program) with its output into msg, within
 * seconds; returns its exit code, or -1 (msg says why in Vietnamese). */
static int
run_limited(char *const argv[], unsigned seconds, vb_buf *msg)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	int pipefd[2], status = 0, rc = -1, timed_out;
	pid_t pid;

	if (pipe2(pipefd, O_CLOEXEC) < 0)
		return vb_buf_puts(msg, "không tạo được ống dẫn"), -1;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, pipefd[1], 1);
	posix_spawn_file_actions_adddup2(&fa, pipefd[1], 2);
	/* Nothing else of the server's: sockets, workers' pipes. */
	posix_spawn_file_actions_addclosefrom_np(&fa, 3);
	posix_spawnattr_init(&at);
	/* Its own process group: a timeout stops LibreOffice with it. */
	posix_spawnattr_setpgroup(&at, 0);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP);
	rc = posix_spawn(&pid, argv[0], &fa, &at, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	close(pipefd[1]);
	if (rc != 0) {
		close(pipefd[0]);
		return vb_buf_puts(msg, "không chạy được chương trình vanban"), -1;
	}
	timed_out = collect(pipefd[0], msg, time(NULL) + (time_t)seconds) < 0;
	close(pipefd[0]);
	if (timed_out)
		kill(-pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (timed_out) {
		vb_buf_reset(msg);
		vb_buf_printf(msg, "Nhập tệp quá %u giây nên đã dừng; chưa ghi "
		    "gì. Thử lại, hoặc dùng lệnh vanban import trên máy chủ.",
		    seconds);
		return -1;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Returns msg with every from replaced by to (a new string), or NULL. */
static char *
replace_all(const char *msg, const char *from, const char *to)
{
	vb_buf b = {0};
	const char *p = msg, *at;
	size_t n = strlen(from);

	while (n > 0 && (at = strstr(p, from)) != NULL) {
		vb_buf_put(&b, p, (size_t)(at - p));
		vb_buf_puts(&b, to);
		p = at + n;
	}
	vb_buf_puts(&b, p);
	vb_buf_putc(&b, '\0');
	return b.data;
}

/* The importer's messages as the clerk should read them: the temporary
 * path shown as the name of the uploaded file, the folder left out. */
static char *
readable(const vb_buf *msg, const char *tmp, const char *tep,
    const char *root)
{
	char *raw = strndup(msg->data ? msg->data : "", msg->len);
	char *a = raw ? replace_all(raw, tmp, tep) : NULL;
	char *folder = NULL, *b = NULL;

	if (a != NULL && asprintf(&folder, "%s/", root) >= 0)
		b = replace_all(a, folder, "");
	free(raw);
	free(a);
	free(folder);
	return b;
}

/* Imports the upload at tmp into the folder as ten (year: --nam or
 * NULL); puts the reply in r. */
static void
import_file(const serve_call *c, serve_reply *r, const char *tmp,
    const char *tep, const char *ten, const char *year, int slow)
{
	char exe[] = "/proc/self/exe", cmd[] = "import", o[] = "-o";
	char nam[] = "--nam", *out = NULL, *text;
	char *argv[8] = { exe, cmd, (char *)tmp, o, NULL, NULL, NULL, NULL };
	vb_buf msg = {0};
	int rc;

	if (asprintf(&out, "%s/%s", c->s->root, ten) < 0) {
		serve_error(r, 503, "Máy chủ hết bộ nhớ.");
		return;
	}
	argv[4] = out;
	if (year != NULL)
		argv[5] = nam, argv[6] = (char *)year;
	rc = run_limited(argv, slow ? IMPORT_SLOW : 2 * c->s->timeout, &msg);
	text = readable(&msg, tmp, tep, c->s->root);
	if (rc == 0) {
		vb_buf_puts(&r->body, "{\"ten\":");
		serve_json_str(&r->body, ten);
		vb_buf_puts(&r->body, ",\"thong_bao\":");
		serve_json_str(&r->body, text ? text : "");
		vb_buf_puts(&r->body, "}");
	} else
		serve_error(r, 422, text && *text ? text : "Không nhập được tệp.");
	free(text);
	free(out);
	vb_buf_free(&msg);
}

int
serve_import(const serve_call *c, serve_reply *r)
{
	const char *tep = serve_arg(c, "tep"), *ten = serve_arg(c, "ten");
	const char *year = serve_arg(c, "nam"), *ext, *tmpdir;
	char dir[4096], tmp[4096 + 32];
	struct stat st;
	int slow;

	if (!serve_name_ok(tep, EXT_IMPORT))
		return serve_error(r, 400, "Chỉ nhập được tệp Word (.docx, .doc), "
		    "OpenDocument (.odt) hoặc văn bản thuần (.txt).");
	if (!serve_name_ok(ten, "|.md|"))
		return serve_error(r, 400, "Tên văn bản mới không hợp lệ: một tên "
		    "tệp đuôi .md trong thư mục văn bản (không có / hay ..).");
	if (year != NULL && *year == '\0')
		year = NULL;
	if (year != NULL && !year_ok(year))
		return serve_error(r, 400, "Năm mới phải là bốn chữ số, ví dụ "
		    "2025.");
	if (fstatat(c->s->dirfd, ten, &st, AT_SYMLINK_NOFOLLOW) == 0 ||
	    errno != ENOENT)
		return serve_error(r, 409, "Đã có tệp tên này trong thư mục: chọn "
		    "tên khác cho văn bản mới (vanban không ghi đè tệp đã có).");
	ext = strrchr(tep, '.');
	slow = strcasecmp(ext, ".doc") == 0 || strcasecmp(ext, ".odt") == 0;
	if ((tmpdir = getenv("TMPDIR")) == NULL || tmpdir[0] != '/' ||
	    strlen(tmpdir) > 2048)
		tmpdir = "/tmp";
	snprintf(dir, sizeof(dir), "%s/vanban-nhap-XXXXXX", tmpdir);
	if (mkdtemp(dir) == NULL)
		return serve_error(r, 500, "Không tạo được thư mục tạm để nhập "
		    "tệp.");
	/* The importer knows the kind by the extension, in lower case. */
	snprintf(tmp, sizeof(tmp), "%s/nhap%s", dir, ext);
	for (char *p = strrchr(tmp, '.'); *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	if (write_temp(tmp, c->body, c->len) < 0)
		serve_error(r, 500, "Không ghi được tệp tạm để nhập.");
	else
		import_file(c, r, tmp, tep, ten, year, slow);
	unlink(tmp);
	rmdir(dir);
	return 0;
}
