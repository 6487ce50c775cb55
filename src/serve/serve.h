/* serve.h - "vanban serve": a small web server on libmicrohttpd that lets a
 * clerk list, write, check, preview and save the documents of one folder in
 * a browser. Built as a plugin (vanban-serve.so) so that libmicrohttpd and
 * what it pulls in (GnuTLS) are loaded only by this command.
 *
 * Security model (README "Soạn trên trình duyệt" describes it for users):
 * every request carries the access token (a cookie set from the address
 * printed at start), its Host must be an address or a known name of this
 * machine (no DNS rebinding), every POST carries the page's CSRF token and
 * a same-origin Origin; files are opened only below the folder through
 * base/infile.h and written through base/output.h; documents are parsed,
 * checked and rendered in a forked child with a time limit, so a render
 * that fails or hangs costs a message, never the server. */
#ifndef VB_SERVE_H
#define VB_SERVE_H

#include <pthread.h>
#include <stddef.h>
#include <sys/types.h>

#include "base/buf.h"
#include "base/diag.h"
#include "pdf/pdf.h"		/* vb_pdf_raster, vb_document */

/* Limits (README lists them). */
#define SERVE_MAX_TEXT (4u << 20)	/* bytes of a document sent by the page */
#define SERVE_MAX_UPLOAD (16u << 20)	/* bytes of an uploaded spreadsheet or DOCX */
#define SERVE_MAX_CONN 32		/* connections at once, default */
#define SERVE_TIMEOUT 30		/* seconds a render may take; idle connection timeout */
#define SERVE_RENDERS 2			/* render workers: renders at once (the others wait) */
#define SERVE_JOBS 500			/* jobs a worker does before it is replaced */
#define SERVE_MAX_NAME 200		/* bytes of a file name */
#define SERVE_MAX_HOSTS 8		/* extra host names (--ten-may) */
#define SERVE_SCALE 1.5			/* preview pixels per point, default (108 dpi) */

/* The type of vb_pdf_render_pages in the PDF plugin. */
typedef int (*serve_pages_fn)(const vb_document *, const vb_pdf_options *,
    const vb_pdf_raster *, vb_diags *);

/* A render worker: a child of the server that parses, checks and draws
 * the documents sent to it, one at a time (serve_apart.c). */
typedef struct serve_worker {
	pid_t pid;		/* its process, 0 when none */
	int sock;		/* the server's end of its socket, -1 when none */
	int busy;		/* a request is using it */
	unsigned jobs;		/* jobs done, to replace it after SERVE_JOBS */
} serve_worker;

/* One running server. */
typedef struct vb_server {
	char *root;		/* the folder served, absolute, no trailing '/' */
	int dirfd;		/* the folder, O_RDONLY|O_DIRECTORY */
	unsigned port;		/* TCP port */
	int network;		/* 1: listen on every address (--mang) */
	char token[65];		/* access token, hex */
	char csrf[65];		/* CSRF token of the page, hex */
	const char *hosts[SERVE_MAX_HOSTS]; /* names accepted in Host besides addresses */
	size_t nhosts;		/* number of hosts */
	char hostname[256];	/* this machine's name, accepted in Host */
	unsigned max_conn;	/* connections at once */
	unsigned timeout;	/* seconds per render and idle connection */
	serve_pages_fn pages;	/* page images from the PDF plugin, NULL: none */
	serve_worker workers[SERVE_RENDERS]; /* the render workers */
	pthread_mutex_t wlock;	/* guards workers */
	pthread_cond_t wfree;	/* signalled when a worker is released */
	pthread_mutex_t save;	/* one save at a time (compare, then write) */
} vb_server;

/* One HTTP request being received. */
typedef struct serve_req {
	int checked;		/* headers were checked and accepted */
	int post;		/* method is POST */
	size_t limit;		/* largest body accepted (past it: closed) */
	vb_buf body;		/* the body received so far */
} serve_req;

/* A reply: status, type, bytes and extra headers. */
typedef struct serve_reply {
	unsigned status;	/* HTTP status */
	const char *type;	/* Content-Type */
	vb_buf body;		/* the body (owned) */
	const char *cookie;	/* Set-Cookie value, or NULL */
	const char *location;	/* Location for a redirect, or NULL */
	char disposition[SERVE_MAX_NAME + 64]; /* Content-Disposition, or "" */
	int cache;		/* 1: may be cached (embedded assets) */
} serve_reply;

/* What a route handler gets: the server, the request's arguments and body. */
typedef struct serve_call {
	vb_server *s;		/* the server */
	void *conn;		/* the MHD connection, for arguments */
	const char *url;	/* the path */
	const char *body;	/* the body (NUL-terminated), "" for GET */
	size_t len;		/* its length */
} serve_call;

/* serve_main.c */
/* Runs "vanban serve" (argv[1] is "serve"); returns the exit code. */
int vb_serve_main(int argc, char **argv);

/* serve_http.c */
/* Starts the HTTP daemon; returns its handle, or NULL after printing why. */
void *serve_http_start(vb_server *s);
/* Stops it. */
void serve_http_stop(void *daemon);
/* Returns the value of argument key of the request, or NULL. */
const char *serve_arg(const serve_call *c, const char *key);
/* Sets r to a JSON error {"loi": msg} with status; returns 0. */
int serve_error(serve_reply *r, unsigned status, const char *msg);

/* serve_auth.c */
/* Fills s->token (from file when not NULL, else random) and s->csrf;
 * returns 0, or -1 after printing why. */
int serve_auth_init(vb_server *s, const char *token_file);
/* Returns 1 when the Host header names this server. */
int serve_host_ok(const vb_server *s, const char *host);
/* Returns 1 when the cookie header carries the access token. */
int serve_cookie_ok(const vb_server *s, const char *cookie);
/* Returns 1 when a to-be-compared secret equals want (constant time). */
int serve_secret_eq(const char *got, const char *want);
/* Returns 1 when a POST's CSRF header and Origin are acceptable. */
int serve_csrf_ok(const vb_server *s, const char *csrf, const char *origin,
    const char *host);

/* serve_files.c */
/* Returns 1 when name is a plain file name below the folder with one of
 * the extensions exts ("|.md|.csv|"), 0 otherwise. */
int serve_name_ok(const char *name, const char *exts);
/* GET /api/danh-sach: the documents of the folder. */
int serve_list(const serve_call *c, serve_reply *r);
/* GET /api/tep: a document, its version and its recovery copy. */
int serve_open(const serve_call *c, serve_reply *r);
/* POST /api/luu: saves a document unless it changed on disk. */
int serve_save(const serve_call *c, serve_reply *r);
/* POST /api/khoi-phuc: writes the recovery copy. */
int serve_recover(const serve_call *c, serve_reply *r);
/* POST /api/moi: a new document: "vanban new"'s skeleton of its type,
 * with the agency profile co-quan.yaml applied. */
int serve_new(const serve_call *c, serve_reply *r);
/* POST /api/tai-len: an appendix source (.xlsx, .csv, .tsv, .md). */
int serve_upload(const serve_call *c, serve_reply *r);
/* Reads name below the folder into out; returns 0, or -1 with a message
 * in why (Vietnamese) and *status set. */
int serve_read(const vb_server *s, const char *name, vb_buf *out,
    char *why, size_t whylen, unsigned *status);

/* serve_import.c */
/* POST /api/nhap-docx: last year's .docx/.doc/.odt/.txt, imported as a new
 * document by "vanban import" run apart. */
int serve_import(const serve_call *c, serve_reply *r);

/* serve_apart.c */
/* The work a worker does for one job (job[0..len), as its sender laid it
 * out): writes the result to fd; returns 0 or -1. */
typedef int (*serve_work_fn)(const vb_server *s, const char *job,
    size_t len, int fd);
/* Starts the render workers (after the warm-up: they inherit it). */
void serve_workers_start(vb_server *s);
/* Stops them. */
void serve_workers_stop(vb_server *s);
/* Runs fn on job in a render worker, within the server's time limit;
 * returns 0 with the result in out, or -1 with why (the worker crashed,
 * ran too long: it is replaced, the server goes on). */
int serve_apart(vb_server *s, serve_work_fn fn, const char *job, size_t len,
    vb_buf *out, char *why, size_t whylen);

/* serve_preview.c */
/* POST /api/xem: check messages and page images of the text sent. */
int serve_preview(const serve_call *c, serve_reply *r);
/* GET /api/tai: the saved document as DOCX or PDF. */
int serve_download(const serve_call *c, serve_reply *r);
/* Renders a small document once, so the children start with the PDF
 * plugin and fonts loaded. */
void serve_preview_warm(vb_server *s);

/* serve_png.c */
/* Appends the page image px (w x h coverage bytes, rows stride apart) to
 * out as a grey PNG, ink black; returns 0 or -1. */
int serve_png(const unsigned char *px, int w, int h, int stride,
    vb_buf *out);

/* serve_json.c */
/* Appends s as a JSON string (quoted, escaped) to b; returns 0 or -1. */
int serve_json_str(vb_buf *b, const char *s);
/* Appends data[0..len) base64-encoded to b; returns 0 or -1. */
int serve_base64(vb_buf *b, const unsigned char *data, size_t len);
/* Returns the 64-bit FNV-1a hash of data[0..len), continuing from h
 * (start with SERVE_HASH0). */
unsigned long long serve_hash(unsigned long long h, const void *data,
    size_t len);
#define SERVE_HASH0 1469598103934665603ULL

/* serve_page.c (the page, generated from src/serve/page/ by
 * tools/embed.sh --page) */
/* Returns the embedded file name ("app.js"), its length in *len and its
 * Content-Type in *type, or NULL. */
const unsigned char *serve_page_file(const char *name, size_t *len,
    const char **type);

#endif
