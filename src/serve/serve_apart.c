/* serve_apart.c - parsing, checking and rendering happen in render
 * workers, never in the server itself. A worker is a child forked from the
 * server after the warm-up (serve_preview_warm), so it starts with the PDF
 * plugin, the fonts and their glyphs loaded, and it keeps what it caches
 * from one preview to the next: no process start, no font loading per
 * keystroke. A worker that crashes (a library aborting on a hostile
 * document, memory running out) or runs past the time limit is killed and
 * replaced, and the request gets a message; the server goes on. At most
 * SERVE_RENDERS renders run at once, so many open pages cannot exhaust the
 * machine; a worker is replaced after SERVE_JOBS jobs, so what the
 * libraries keep cannot grow without bound.
 *
 * The worker is a copy of the server, so a job names its function by
 * address; the job's data travels over a socket:
 *   request: fn (pointer), len (size_t), job[len]
 *   answer:  status (int: 0 done, 1 failed), len (size_t), result[len] */
#define _GNU_SOURCE		/* memfd_create */
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/infile.h"
#include "serve.h"

/* Largest job and result, bytes. */
#define APART_MAX_JOB (SERVE_MAX_UPLOAD + 4096u)
#define APART_MAX (256u << 20)

/* Reads exactly len bytes from fd; returns 0, or -1 at the end or on an
 * error. */
static int
get(int fd, void *p, size_t len)
{
	char *c = p;
	ssize_t n;

	while (len > 0) {
		n = read(fd, c, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		c += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Writes all of p[0..len) to fd; returns 0 or -1. */
static int
put(int fd, const void *p, size_t len)
{
	const char *c = p;
	ssize_t n;

	while (len > 0) {
		n = send(fd, c, len, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		c += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Does one job in the worker and sends its answer; returns 0, or -1 when
 * the server has gone. */
static int
work_one(const vb_server *s, int sock)
{
	serve_work_fn fn;
	size_t len;
	char *job;
	vb_buf out = {0};
	int fd, st = 1, r;

	if (get(sock, &fn, sizeof(fn)) < 0 || get(sock, &len, sizeof(len)) < 0 ||
	    len > APART_MAX_JOB || (job = malloc(len + 1)) == NULL)
		return -1;
	if (get(sock, job, len) < 0) {
		free(job);
		return -1;
	}
	job[len] = '\0';
	alarm(s->timeout + 1);	/* the server kills it first; this is for
				 * a server that is gone */
	if ((fd = memfd_create("vanban-serve", MFD_CLOEXEC)) >= 0 &&
	    fn(s, job, len, fd) == 0 && lseek(fd, 0, SEEK_SET) == 0 &&
	    vb_read_fd(fd, APART_MAX, &out) == 0)
		st = 0;
	alarm(0);
	if (fd >= 0)
		close(fd);
	free(job);
	r = put(sock, &st, sizeof(st)) == 0 &&
	    put(sock, &out.len, sizeof(out.len)) == 0 &&
	    put(sock, out.data ? out.data : "", out.len) == 0 ? 0 : -1;
	vb_buf_free(&out);
	return r;
}

/* Closes every socket but keep: the copies of the server's listening
 * socket and connections (a connection the server closes must close). */
static void
close_sockets(int keep)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	struct stat st;
	int fd, self = d ? dirfd(d) : -1;

	while (d != NULL && (e = readdir(d)) != NULL) {
		fd = atoi(e->d_name);
		if (fd > 2 && fd != keep && fd != self &&
		    fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode))
			close(fd);
	}
	if (d != NULL)
		closedir(d);
}

/* The worker's life: jobs until the server closes the socket. */
static void
worker(const vb_server *s, int sock)
{
	/* Its socket is then the only link to the server: when the server
	 * ends, even killed outright, the worker reads the end and exits
	 * (no PR_SET_PDEATHSIG: that follows the thread that forked, and a
	 * connection's thread ends with the connection). */
	close_sockets(sock);
	signal(SIGALRM, SIG_DFL);
	while (work_one(s, sock) == 0)
		;
	/* _exit: a copy of a server with other threads; what they held is
	 * not the worker's to free, and the test build's leak check at exit
	 * would report all of it. The render code's own leaks are checked by
	 * the command line's tests, which run the same code. */
	_exit(0);
}

/* Starts worker w; returns 0 or -1. Called with wlock held. */
static int
spawn(vb_server *s, serve_worker *w)
{
	int sv[2];
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		return -1;
	fflush(NULL);
	if ((pid = fork()) < 0) {
		close(sv[0]);
		close(sv[1]);
		return -1;
	}
	if (pid == 0)
		worker(s, sv[1]);
	close(sv[1]);
	w->pid = pid;
	w->sock = sv[0];
	w->jobs = 0;
	return 0;
}

/* Ends worker w (killed when kill_it, else told by closing its socket). */
static void
retire(serve_worker *w, int kill_it)
{
	int status;

	if (w->sock >= 0)
		close(w->sock);
	if (w->pid > 0) {
		if (kill_it)
			kill(w->pid, SIGKILL);
		while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
			;
	}
	w->sock = -1;
	w->pid = 0;
}

void
serve_workers_start(vb_server *s)
{
	int i;

	pthread_mutex_init(&s->wlock, NULL);
	pthread_cond_init(&s->wfree, NULL);
	for (i = 0; i < SERVE_RENDERS; i++) {
		s->workers[i].sock = -1;
		s->workers[i].pid = 0;
	}
	pthread_mutex_lock(&s->wlock);
	for (i = 0; i < SERVE_RENDERS; i++)
		spawn(s, &s->workers[i]);
	pthread_mutex_unlock(&s->wlock);
}

void
serve_workers_stop(vb_server *s)
{
	int i;

	for (i = 0; i < SERVE_RENDERS; i++)
		retire(&s->workers[i], 0);
	pthread_cond_destroy(&s->wfree);
	pthread_mutex_destroy(&s->wlock);
}

/* Waits for a free worker, starting it when needed; returns it, or NULL
 * when none can be started. */
static serve_worker *
take(vb_server *s)
{
	serve_worker *w = NULL;
	int i;

	pthread_mutex_lock(&s->wlock);
	for (;;) {
		for (i = 0; i < SERVE_RENDERS && w == NULL; i++)
			if (!s->workers[i].busy)
				w = &s->workers[i];
		if (w != NULL)
			break;
		pthread_cond_wait(&s->wfree, &s->wlock);
	}
	if (w->pid == 0 || w->jobs >= SERVE_JOBS) {
		retire(w, 0);
		if (spawn(s, w) < 0)
			w = NULL;
	}
	if (w != NULL)
		w->busy = 1;
	pthread_mutex_unlock(&s->wlock);
	return w;
}

/* Gives w back; a worker that failed is replaced at its next use. */
static void
give(vb_server *s, serve_worker *w, int failed)
{
	pthread_mutex_lock(&s->wlock);
	if (failed)
		retire(w, 1);
	else
		w->jobs++;
	w->busy = 0;
	pthread_cond_signal(&s->wfree);
	pthread_mutex_unlock(&s->wlock);
}

/* Returns the milliseconds left until deadline (CLOCK_MONOTONIC), >= 0. */
static int
left_ms(const struct timespec *deadline)
{
	struct timespec now;
	long ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (deadline->tv_sec - now.tv_sec) * 1000 +
	    (deadline->tv_nsec - now.tv_nsec) / 1000000;
	return ms < 0 ? 0 : (int)ms;
}

/* Reads len bytes of the answer before deadline; returns 0, -1 when the
 * worker ended, -2 past the deadline. */
static int
get_by(int fd, void *p, size_t len, const struct timespec *deadline)
{
	struct pollfd pf = { fd, POLLIN, 0 };
	char *c = p;
	ssize_t n;
	int r;

	while (len > 0) {
		r = poll(&pf, 1, left_ms(deadline));
		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0)
			return -2;
		n = read(fd, c, len);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0)
			return -1;
		c += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Sends the job to w and reads its answer into out; returns 0, 1 when
 * the job failed in the worker, -1 when the worker ended, -2 when it ran
 * past the time limit. */
static int
exchange(vb_server *s, serve_worker *w, serve_work_fn fn, const char *job,
    size_t len, vb_buf *out)
{
	struct timespec deadline;
	char chunk[65536];
	size_t n = 0, k;
	int st = 1, r;

	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += s->timeout;
	if (put(w->sock, &fn, sizeof(fn)) < 0 ||
	    put(w->sock, &len, sizeof(len)) < 0 || put(w->sock, job, len) < 0)
		return -1;
	if ((r = get_by(w->sock, &st, sizeof(st), &deadline)) < 0 ||
	    (r = get_by(w->sock, &n, sizeof(n), &deadline)) < 0)
		return r;
	if (n > APART_MAX)
		return -1;
	vb_buf_reset(out);
	while (n > 0) {
		k = n < sizeof(chunk) ? n : sizeof(chunk);
		if ((r = get_by(w->sock, chunk, k, &deadline)) < 0)
			return r;
		if (vb_buf_put(out, chunk, k) < 0)
			return -1;
		n -= k;
	}
	return st == 0 ? 0 : 1;
}

int
serve_apart(vb_server *s, serve_work_fn fn, const char *job, size_t len,
    vb_buf *out, char *why, size_t whylen)
{
	serve_worker *w = take(s);
	int r;

	if (w == NULL) {
		snprintf(why, whylen, "không tạo được tiến trình dựng văn bản: %s",
		    vb_errno_text(errno));
		return -1;
	}
	r = exchange(s, w, fn, job, len, out);
	give(s, w, r < 0);
	if (r == 1)
		snprintf(why, whylen, "không dựng được văn bản (không đủ bộ nhớ "
		    "hoặc không trả lại được kết quả)");
	else if (r == -2)
		snprintf(why, whylen, "dựng văn bản quá %u giây nên đã dừng: văn "
		    "bản quá dài hoặc máy đang quá bận", s->timeout);
	else if (r == -1)
		snprintf(why, whylen, "bộ dựng văn bản dừng đột ngột (thường do "
		    "không đủ bộ nhớ); máy chủ vẫn chạy");
	return r == 0 ? 0 : -1;
}
