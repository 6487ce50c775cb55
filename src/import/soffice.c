/* soffice.c - .doc and .odt converted to .docx by LibreOffice headless, in
 * a private temporary folder with its own user profile, without a shell,
 * with a time limit; the folder is removed afterwards. */
#define _GNU_SOURCE
#include "import.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/infile.h"

#define TIMEOUT_S 120	/* seconds LibreOffice may take */

/* Removes one entry of the temporary folder (nftw callback). */
static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)f;
	if (flag == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

/* Returns the path of soffice on PATH (malloc'd), or NULL. */
static char *
find_soffice(void)
{
	const char *path = getenv("PATH"), *p, *e;
	char *cand;

	for (p = path ? path : ""; *p; p = *e ? e + 1 : e) {
		e = strchr(p, ':');
		if (e == NULL)
			e = p + strlen(p);
		if (e == p)
			continue;
		if (asprintf(&cand, "%.*s/soffice", (int)(e - p), p) < 0)
			return NULL;
		if (access(cand, X_OK) == 0)
			return cand;
		free(cand);
	}
	return NULL;
}

/* Runs soffice to convert src into folder dir; returns 0 or -1. */
static int
run_soffice(const char *exe, const char *src, const char *dir)
{
	char profile[4200];
	pid_t pid;
	int status, waited = 0;
	struct timespec ts = { 0, 50000000 };

	snprintf(profile, sizeof(profile), "-env:UserInstallation=file://%s/"
	    "profile", dir);
	if ((pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		if (null >= 0) {
			dup2(null, 0);
			dup2(null, 1);
			dup2(null, 2);
		}
		setpgid(0, 0);
		execl(exe, "soffice", profile, "--headless", "--norestore",
		    "--convert-to", "docx:MS Word 2007 XML", "--outdir", dir,
		    src, (char *)NULL);
		_exit(127);
	}
	for (;;) {
		pid_t w = waitpid(pid, &status, WNOHANG);
		if (w == pid)
			break;
		if (w < 0 && errno != EINTR)
			return -1;
		if (waited++ > TIMEOUT_S * 20) {
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			return -1;
		}
		nanosleep(&ts, NULL);
	}
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

char *
imp_soffice_convert(const char *file, size_t *len, vb_diags *d)
{
	const char *tmpdir = getenv("TMPDIR");
	char tmpl[4096], *exe, *src = NULL, *out = NULL, *base, *dot;
	vb_buf b = { 0 };
	int fd, r;

	if ((exe = find_soffice()) == NULL) {
		vb_diag_add(d, VB_ERROR, file, 0, 0, "Cài LibreOffice: sudo apt "
		    "install libreoffice-writer-nogui (hoặc mở tệp bằng Word, "
		    "lưu lại dạng .docx rồi nhập tệp .docx).", "cần LibreOffice "
		    "(lệnh soffice) để đọc tệp .doc/.odt, nhưng máy chưa cài");
		return NULL;
	}
	if (tmpdir == NULL || tmpdir[0] != '/' || strlen(tmpdir) > 4000)
		tmpdir = "/tmp";
	snprintf(tmpl, sizeof(tmpl), "%s/vanban-import-XXXXXX", tmpdir);
	if (mkdtemp(tmpl) == NULL) {
		free(exe);
		vb_diag_add(d, VB_ERROR, file, 0, 0, NULL, "không tạo được thư "
		    "mục tạm: %s", vb_errno_text(errno));
		return NULL;
	}
	src = realpath(file, NULL);
	r = src ? run_soffice(exe, src, tmpl) : -1;
	base = strrchr(file, '/') ? strrchr(file, '/') + 1 : (char *)file;
	if (r == 0 && asprintf(&out, "%s/%s", tmpl, base) >= 0 &&
	    (dot = strrchr(out, '.')) != NULL && dot > strrchr(out, '/')) {
		*dot = '\0';
		{
			char *x;
			if (asprintf(&x, "%s.docx", out) >= 0) {
				free(out);
				out = x;
			}
		}
		fd = open(out, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0 || vb_read_fd(fd, VB_MAX_FILE, &b) != 0)
			r = -1;
		if (fd >= 0)
			close(fd);
	} else {
		r = -1;
	}
	nftw(tmpl, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(exe);
	free(src);
	free(out);
	if (r < 0) {
		vb_buf_free(&b);
		vb_diag_add(d, VB_ERROR, file, 0, 0, "Hãy mở tệp bằng Word hoặc "
		    "LibreOffice Writer, lưu lại dạng .docx rồi nhập tệp .docx.",
		    "LibreOffice không chuyển được tệp này sang .docx");
		return NULL;
	}
	*len = b.len;
	return b.data;
}
