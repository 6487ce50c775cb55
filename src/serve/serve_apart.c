/* serve_apart.c - parsing, checking and rendering happen in a forked child
 * of the server, never in the server itself. The server loaded the PDF
 * plugin and fonts once at start (serve_preview_warm), so a child begins
 * with all of it in memory: a fork costs about a millisecond, where a new
 * process would pay the libraries' start-up each time. A child that
 * crashes (a library aborting on a hostile document, memory running out)
 * or runs past the time limit is a message for the page; the server goes
 * on. At most SERVE_RENDERS children run at once, so many open pages
 * cannot exhaust the machine's memory. */
#define _GNU_SOURCE		/* memfd_create */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/infile.h"
#include "serve.h"

/* Largest result a child may hand back. */
#define APART_MAX (256u << 20)

/* Runs in the child: does the work with a time limit and exits. */
static void
child(const vb_server *s, serve_work_fn fn, void *arg, int fd)
{
	struct rlimit cpu = { s->timeout, s->timeout + 1 };

	setrlimit(RLIMIT_CPU, &cpu);
	alarm(s->timeout);	/* SIGALRM ends it: waiting counts too */
	signal(SIGALRM, SIG_DFL);
	/* _exit: the child is a copy of a server with other threads; what
	 * they held is not the child's to free, and a leak check at exit (the
	 * test build) would report all of it. The render code's own leaks are
	 * checked by the command line's tests, which run the same code. */
	_exit(fn(s, arg, fd) == 0 ? 0 : 1);
}

int
serve_apart(vb_server *s, serve_work_fn fn, void *arg, vb_buf *out,
    char *why, size_t whylen)
{
	int fd = memfd_create("vanban-serve", MFD_CLOEXEC), status = 0, r = -1;
	pid_t pid;

	if (fd < 0) {
		snprintf(why, whylen, "không tạo được tệp tạm: %s",
		    vb_errno_text(errno));
		return -1;
	}
	while (sem_wait(&s->renders) < 0 && errno == EINTR)
		;
	fflush(NULL);
	if ((pid = fork()) == 0)
		child(s, fn, arg, fd);
	if (pid < 0)
		snprintf(why, whylen, "không tạo được tiến trình: %s",
		    vb_errno_text(errno));
	else {
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
		    lseek(fd, 0, SEEK_SET) == 0 &&
		    vb_read_fd(fd, APART_MAX, out) == 0)
			r = 0;
		else if (WIFEXITED(status) && WEXITSTATUS(status) == 1)
			snprintf(why, whylen, "không dựng được văn bản (không đủ "
			    "bộ nhớ hoặc không trả lại được kết quả)");
		else if (WIFSIGNALED(status) && (WTERMSIG(status) == SIGALRM ||
		    WTERMSIG(status) == SIGXCPU || WTERMSIG(status) == SIGKILL))
			snprintf(why, whylen, "dựng văn bản quá %u giây nên đã "
			    "dừng: văn bản quá dài hoặc máy đang quá bận",
			    s->timeout);
		else
			snprintf(why, whylen, "bộ dựng văn bản dừng đột ngột "
			    "(thường do không đủ bộ nhớ); máy chủ vẫn chạy");
	}
	sem_post(&s->renders);
	close(fd);
	return r;
}
