/* serve_main.c - "vanban serve [THƯ-MỤC] [--cong 8080]": options, the
 * folder, the tokens, the warm-up, then serve until Ctrl+C or SIGTERM. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "serve.h"

/* Options of "vanban serve". */
typedef struct serve_opts {
	const char *folder;	/* the folder, default "." */
	const char *token_file;	/* --ma-tep, or NULL */
} serve_opts;

/* Prints a usage error; returns 2. */
static int
usage(const char *msg, const char *arg)
{
	fprintf(stderr, "vanban: ");
	fprintf(stderr, msg, arg);
	fprintf(stderr, "\nXem: vanban serve --help\n");
	return 2;
}

/* Returns the number in v between lo and hi, or 0 when it is not one. */
static unsigned
number(const char *v, unsigned lo, unsigned hi)
{
	char *end;
	unsigned long n;

	if (v == NULL || *v < '0' || *v > '9')
		return 0;
	errno = 0;
	n = strtoul(v, &end, 10);
	return errno == 0 && *end == '\0' && n >= lo && n <= hi ?
	    (unsigned)n : 0;
}

/* Returns the value of option argv[*i] ("--cong 8080" or "--cong=8080"),
 * advancing *i, or NULL. */
static const char *
value(int argc, char **argv, int *i, const char *opt)
{
	size_t n = strlen(opt);

	if (strncmp(argv[*i], opt, n) == 0 && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	return *i + 1 < argc ? argv[++*i] : NULL;
}

/* Returns 1 when arg is option opt, alone or with "=". */
static int
is(const char *arg, const char *opt)
{
	size_t n = strlen(opt);

	return strncmp(arg, opt, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

/* Parses the options into s and o; returns 0 or the exit code. */
static int
parse(int argc, char **argv, vb_server *s, serve_opts *o)
{
	int i;

	for (i = 2; i < argc; i++) {
		if (is(argv[i], "--cong")) {
			if ((s->port = number(value(argc, argv, &i, "--cong"), 1,
			    65535)) == 0)
				return usage("%s", "--cong cần số cổng từ 1 đến 65535");
		} else if (strcmp(argv[i], "--mang") == 0)
			s->network = 1;
		else if (is(argv[i], "--ma-tep")) {
			if ((o->token_file = value(argc, argv, &i, "--ma-tep")) == NULL)
				return usage("%s", "--ma-tep cần tên tệp chứa mã truy cập");
		} else if (is(argv[i], "--ten-may")) {
			if (s->nhosts == SERVE_MAX_HOSTS ||
			    (s->hosts[s->nhosts++] = value(argc, argv, &i,
			    "--ten-may")) == NULL)
				return usage("%s", "--ten-may cần một tên máy (tối đa 8)");
		} else if (is(argv[i], "--ket-noi")) {
			if ((s->max_conn = number(value(argc, argv, &i, "--ket-noi"),
			    2, 1000)) == 0)
				return usage("%s", "--ket-noi cần số từ 2 đến 1000");
		} else if (is(argv[i], "--thoi-gian")) {
			if ((s->timeout = number(value(argc, argv, &i, "--thoi-gian"),
			    1, 3600)) == 0)
				return usage("%s", "--thoi-gian cần số giây từ 1 đến 3600");
		} else if (argv[i][0] == '-' && argv[i][1] != '\0')
			return usage("không có tùy chọn '%s'", argv[i]);
		else if (o->folder == NULL)
			o->folder = argv[i];
		else
			return usage("chỉ phục vụ một thư mục, thừa '%s'", argv[i]);
	}
	return 0;
}

/* Prints where to open the page. */
static void
announce(const vb_server *s)
{
	printf("vanban đang phục vụ thư mục %s\n", s->root);
	printf("Mở trang này trong trình duyệt:\n");
	printf("  http://127.0.0.1:%u/?ma=%s\n", s->port, s->token);
	if (s->network) {
		printf("Từ máy khác trong mạng cơ quan (thay TÊN-MÁY bằng địa chỉ "
		    "IP hoặc tên của máy này):\n");
		printf("  http://%s:%u/?ma=%s\n", s->hostname[0] ? s->hostname :
		    "TÊN-MÁY", s->port, s->token);
	}
	printf("Nhấn Ctrl+C để dừng.\n");
	fflush(stdout);
}

/* Serves until SIGINT or SIGTERM; returns the exit code. */
static int
run(vb_server *s)
{
	sigset_t set;
	void *daemon;
	int sig = 0;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	if ((daemon = serve_http_start(s)) == NULL)
		return 1;
	announce(s);
	sigwait(&set, &sig);
	printf("Đã dừng.\n");
	serve_http_stop(daemon);
	return 0;
}

int
vb_serve_main(int argc, char **argv)
{
	vb_server s;
	serve_opts o = { NULL, NULL };
	char real[PATH_MAX];
	sigset_t set;
	int rc;

	memset(&s, 0, sizeof(s));
	s.port = 8080;
	s.max_conn = SERVE_MAX_CONN;
	s.timeout = SERVE_TIMEOUT;
	s.dirfd = -1;
	if ((rc = parse(argc, argv, &s, &o)) != 0)
		return rc;
	if (realpath(o.folder ? o.folder : ".", real) == NULL ||
	    (s.dirfd = open(real, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		fprintf(stderr, "vanban: không mở được thư mục '%s'\n",
		    o.folder ? o.folder : ".");
		return 1;
	}
	if ((s.root = strdup(real)) == NULL ||
	    serve_auth_init(&s, o.token_file) < 0) {
		close(s.dirfd);
		free(s.root);
		return 1;
	}
	/* Every thread (the libraries' too) inherits the mask: only sigwait
	 * in run() receives these, never a thread in the middle of a save. */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	pthread_mutex_init(&s.save, NULL);
	serve_preview_warm(&s);
	serve_workers_start(&s);
	rc = run(&s);
	serve_workers_stop(&s);
	pthread_mutex_destroy(&s.save);
	close(s.dirfd);
	free(s.root);
	return rc;
}
