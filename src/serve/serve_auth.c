/* serve_auth.c - who may talk to the server: the access token (random at
 * each start, or read from a file), the Host header (an address, localhost
 * or a name of this machine: a page on another site that rebinds its own
 * name to this machine still sends its own name), and the CSRF token that
 * only the server's own page knows. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <unistd.h>

#include "base/infile.h"
#include "serve.h"

/* Fills hex (65 bytes) with 32 random bytes in hex; returns 0 or -1. */
static int
random_hex(char *hex)
{
	unsigned char raw[32];
	size_t got = 0, i;
	ssize_t n;

	while (got < sizeof(raw)) {
		n = getrandom(raw + got, sizeof(raw) - got, 0);
		if (n < 0 && errno != EINTR)
			return -1;
		if (n > 0)
			got += (size_t)n;
	}
	for (i = 0; i < sizeof(raw); i++)
		snprintf(hex + 2 * i, 3, "%02x", raw[i]);
	return 0;
}

/* Reads the token from path: its first line, 16 to 64 letters or digits;
 * returns 0, or -1 after printing why. */
static int
token_from_file(vb_server *s, const char *path)
{
	vb_buf b = {0};
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC), r = -1;
	size_t n = 0;

	if (fd >= 0 && vb_read_fd(fd, 4096, &b) == 0) {
		while (n < b.len && isalnum((unsigned char)b.data[n]))
			n++;
		if (n >= 16 && n <= 64 && (n == b.len || b.data[n] == '\n' ||
		    b.data[n] == '\r')) {
			memcpy(s->token, b.data, n);
			s->token[n] = '\0';
			r = 0;
		}
	}
	if (fd >= 0)
		close(fd);
	vb_buf_free(&b);
	if (r < 0)
		fprintf(stderr, "vanban: không đọc được mã truy cập trong '%s'\n"
		    "  gợi ý: tệp cần có một dòng từ 16 đến 64 chữ cái hoặc chữ số\n",
		    path);
	return r;
}

int
serve_auth_init(vb_server *s, const char *token_file)
{
	if (random_hex(s->csrf) < 0 ||
	    (token_file == NULL && random_hex(s->token) < 0)) {
		fprintf(stderr, "vanban: không tạo được mã truy cập ngẫu nhiên\n");
		return -1;
	}
	if (token_file != NULL && token_from_file(s, token_file) < 0)
		return -1;
	if (gethostname(s->hostname, sizeof(s->hostname) - 1) < 0)
		s->hostname[0] = '\0';
	return 0;
}

/* Returns 1 when h[0..n) is an IPv4 address in dotted digits or a
 * bracketed IPv6 address: a literal address names no other site. */
static int
is_address(const char *h, size_t n)
{
	size_t i, dots = 0;

	if (n >= 2 && h[0] == '[' && h[n - 1] == ']') {
		for (i = 1; i + 1 < n; i++)
			if (!isxdigit((unsigned char)h[i]) && h[i] != ':' &&
			    h[i] != '.')
				return 0;
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (h[i] == '.')
			dots++;
		else if (!isdigit((unsigned char)h[i]))
			return 0;
	}
	return dots == 3 && n >= 7;
}

/* Returns 1 when h[0..n) is name, ignoring case. */
static int
is_name(const char *h, size_t n, const char *name)
{
	return name != NULL && *name && strlen(name) == n &&
	    strncasecmp(h, name, n) == 0;
}

int
serve_host_ok(const vb_server *s, const char *host)
{
	const char *colon;
	size_t n, i;
	char port[16];

	if (host == NULL || strlen(host) > 300)
		return 0;
	colon = strrchr(host, ':');
	if (colon == NULL || (host[0] == '[' && colon < strchr(host, ']')))
		return 0;	/* the port is always named: it is never 80 */
	snprintf(port, sizeof(port), "%u", s->port);
	if (strcmp(colon + 1, port) != 0)
		return 0;
	n = (size_t)(colon - host);
	if (is_name(host, n, "localhost"))
		return 1;
	if (!s->network)	/* on 127.0.0.1 only: its own addresses */
		return is_name(host, n, "127.0.0.1") || is_name(host, n, "[::1]");
	if (is_address(host, n) || is_name(host, n, s->hostname))
		return 1;
	for (i = 0; i < s->nhosts; i++)
		if (is_name(host, n, s->hosts[i]))
			return 1;
	return 0;
}

int
serve_secret_eq(const char *got, const char *want)
{
	size_t n = strlen(want), i;
	unsigned char diff = 0;

	if (got == NULL || strlen(got) != n)
		return 0;
	for (i = 0; i < n; i++)
		diff |= (unsigned char)(got[i] ^ want[i]);
	return diff == 0;
}

int
serve_cookie_ok(const vb_server *s, const char *cookie)
{
	char val[80];
	const char *p = cookie, *e;
	size_t n;

	while (p != NULL && *p) {
		while (*p == ' ' || *p == ';')
			p++;
		e = strchr(p, ';');
		n = e ? (size_t)(e - p) : strlen(p);
		if (n > 10 && strncmp(p, "vanban_ma=", 10) == 0 &&
		    n - 10 < sizeof(val)) {
			memcpy(val, p + 10, n - 10);
			val[n - 10] = '\0';
			if (serve_secret_eq(val, s->token))
				return 1;
		}
		p = e;
	}
	return 0;
}

int
serve_csrf_ok(const vb_server *s, const char *csrf, const char *origin,
    const char *host)
{
	if (!serve_secret_eq(csrf, s->csrf))
		return 0;
	/* A browser sends Origin with every POST of fetch(); it must be this
	 * page's own. */
	if (origin != NULL && (strncmp(origin, "http://", 7) != 0 ||
	    host == NULL || strcmp(origin + 7, host) != 0))
		return 0;
	return 1;
}
