/* apart.c - the PDF renderer run in a child process. Pango, Cairo, glib
 * and qpdf abort the process when memory runs out (glib's g_error, Cairo's
 * assertions, a C++ std::bad_alloc through qpdf's C API); in a child, that
 * becomes a message and exit status 1 instead of a crash, and the parent's
 * state (the document, the outputs not yet committed) is untouched. The
 * child hands back the PDF bytes and its diagnostics through memory files. */
#define _GNU_SOURCE		/* memfd_create */
#include "apart.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/infile.h"
#include "base/output.h"
#include "plugin.h"

/* Largest PDF the child may hand back, in bytes. */
#define APART_MAX_PDF (1u << 30)

/* Writes string s (NULL as empty) with its terminating NUL; returns 0 or -1. */
static int
put_str(int fd, const char *s)
{
	return vb_write_fd(fd, s ? s : "", strlen(s ? s : "") + 1);
}

/* Writes every diagnostic of d to fd: severity, line, column as text, then
 * file, message and hint, each NUL-terminated. Returns 0 or -1. */
static int
put_diags(int fd, const vb_diags *d)
{
	char head[64];
	size_t i;

	for (i = 0; i < d->n; i++) {
		const vb_diag *g = &d->items[i];
		snprintf(head, sizeof(head), "%d %d %d %d", (int)g->severity,
		    g->line, g->col, g->hint != NULL);
		if (put_str(fd, head) < 0 || put_str(fd, g->file) < 0 ||
		    put_str(fd, g->msg) < 0 || put_str(fd, g->hint) < 0)
			return -1;
	}
	return 0;
}

/* Reads the diagnostics written by put_diags from buf[0..len) into d. */
static void
get_diags(const char *buf, size_t len, vb_diags *d)
{
	const char *p = buf, *end = buf + len, *f[4];
	int sev, line, col, hint, k;

	while (p < end) {
		for (k = 0; k < 4; k++) {
			f[k] = p;
			p = memchr(p, '\0', (size_t)(end - p));
			if (p == NULL)
				return;
			p++;
		}
		if (sscanf(f[0], "%d %d %d %d", &sev, &line, &col, &hint) != 4)
			return;
		vb_diag_add(d, sev == VB_ERROR ? VB_ERROR : VB_WARNING, f[1], line,
		    col, hint ? f[3] : NULL, "%s", f[2]);
	}
}

/* Reads the whole memory file fd (from its start) into b, at most cap
 * bytes; returns 0 or -1. */
static int
slurp(int fd, size_t cap, vb_buf *b)
{
	if (lseek(fd, 0, SEEK_SET) < 0)
		return -1;
	return vb_read_fd(fd, cap, b) == 0 ? 0 : -1;
}

/* Prints the lines of the child's standard error that are vanban's own
 * messages or a sanitizer's report (the test build), not the libraries'
 * English chatter. */
static void
forward_stderr(const vb_buf *b)
{
	const char *p = b->data, *nl;

	while (p != NULL && *p) {
		nl = strchr(p, '\n');
		if (((strncmp(p, "vanban", 6) == 0 && !strstr(p, "Assertion")) ||
		    strncmp(p, "  gợi ý", 9) == 0) ||
		    (strstr(p, "Sanitizer") && (!nl || strstr(p, "Sanitizer") < nl)))
			fwrite(p, 1, nl ? (size_t)(nl - p + 1) : strlen(p), stderr);
		p = nl ? nl + 1 : NULL;
	}
}

/* Runs in the child: renders, writes the PDF to out_fd and the
 * diagnostics to diag_fd, and exits 0 (rendered), 1 (refused) or 3 (could
 * not hand back). */
static void
child(const vb_document *doc, const vb_pdf_options *opt, int out_fd,
    int diag_fd, int err_fd)
{
	vb_diags d = {0};
	vb_buf out = {0};
	int r, code;

	dup2(err_fd, STDERR_FILENO);
	r = vb_pdf_render_plugin(doc, opt, &out, &d);
	code = r == 0 ? 0 : 1;
	if ((r == 0 && vb_write_fd(out_fd, out.data ? out.data : "", out.len) < 0) ||
	    put_diags(diag_fd, &d) < 0)
		code = 3;
	vb_buf_free(&out);
	vb_diags_free(&d);
	/* exit, not _exit: the test build's leak check runs at exit. */
	exit(code);
}

/* Returns a new memory file, or -1. */
static int
memfile(const char *name)
{
	return memfd_create(name, MFD_CLOEXEC);
}

/* Reports how the child ended when it did not hand back a PDF. */
static void
report_end(const vb_document *doc, int status, vb_diags *d)
{
	if (WIFEXITED(status) && WEXITSTATUS(status) == 1)
		return;		/* its own diagnostics say why */
	vb_diag_add(d, VB_ERROR, doc->path, 0, 0,
	    "chạy lại khi máy còn nhiều bộ nhớ hơn, hoặc chia văn bản thành "
	    "nhiều văn bản nhỏ hơn; tệp DOCX vẫn tạo được với --format docx",
	    "không tạo được PDF: bộ tạo PDF dừng đột ngột (%s)",
	    WIFSIGNALED(status) ? "thường do không đủ bộ nhớ" :
	    "không trả lại được kết quả");
}

int
vb_pdf_render_apart(const vb_document *doc, const vb_pdf_options *opt,
    vb_buf *out, vb_diags *d)
{
	int fo = memfile("vanban-pdf"), fd = memfile("vanban-diag");
	int fe = memfile("vanban-err"), status = 0, r = -1;
	vb_buf diag = {0}, err = {0};
	pid_t pid;

	if (fo < 0 || fd < 0 || fe < 0)
		goto done;
	fflush(NULL);	/* the child must not write our buffers again */
	if ((pid = fork()) < 0) {
		vb_diag_add(d, VB_ERROR, doc->path, 0, 0, NULL,
		    "không tạo được PDF: %s", vb_errno_text(errno));
		goto closed;
	}
	if (pid == 0)
		child(doc, opt, fo, fd, fe);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	slurp(fe, 1 << 20, &err);
	forward_stderr(&err);
	if (slurp(fd, 16 << 20, &diag) == 0)
		get_diags(diag.data ? diag.data : "", diag.len, d);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
	    slurp(fo, APART_MAX_PDF, out) == 0)
		r = 0;
	else
		report_end(doc, status, d);
	goto closed;
done:
	vb_diag_add(d, VB_ERROR, doc->path, 0, 0, NULL,
	    "không tạo được PDF: %s", vb_errno_text(errno));
closed:
	if (fo >= 0)
		close(fo);
	if (fd >= 0)
		close(fd);
	if (fe >= 0)
		close(fe);
	vb_buf_free(&diag);
	vb_buf_free(&err);
	return r;
}
