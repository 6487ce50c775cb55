/* serve_http.c - the HTTP side: libmicrohttpd with a thread per
 * connection and a connection limit, every request checked (Host, access
 * token, CSRF for POST, body size) before any route runs, the routes, and
 * replies with headers that keep the page to itself (CSP, no framing, no
 * sniffing, no caching of documents). */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

/* A route: method, path and handler. */
typedef struct serve_route {
	int post;		/* 1: POST, 0: GET */
	const char *path;	/* exact path */
	size_t limit;		/* largest body (POST) */
	int (*fn)(const serve_call *, serve_reply *); /* the handler */
} serve_route;

/* Answers GET / (the page) and the embedded files. */
static int page(const serve_call *c, serve_reply *r);
/* Answers POST /api/nhap-docx until "vanban import" exists. */
static int import_docx(const serve_call *c, serve_reply *r);

static const serve_route routes[] = {
	{ 0, "/", 0, page },
	{ 0, "/trang.js", 0, page },
	{ 0, "/trang.css", 0, page },
	{ 0, "/api/danh-sach", 0, serve_list },
	{ 0, "/api/tep", 0, serve_open },
	{ 0, "/api/tai", 0, serve_download },
	{ 1, "/api/xem", SERVE_MAX_TEXT, serve_preview },
	{ 1, "/api/luu", SERVE_MAX_TEXT, serve_save },
	{ 1, "/api/khoi-phuc", SERVE_MAX_TEXT, serve_recover },
	{ 1, "/api/moi", 0, serve_new },
	{ 1, "/api/tai-len", SERVE_MAX_UPLOAD, serve_upload },
	{ 1, "/api/nhap-docx", SERVE_MAX_UPLOAD, import_docx },
};

const char *
serve_arg(const serve_call *c, const char *key)
{
	return MHD_lookup_connection_value(c->conn, MHD_GET_ARGUMENT_KIND, key);
}

int
serve_error(serve_reply *r, unsigned status, const char *msg)
{
	vb_buf_reset(&r->body);
	r->status = status;
	r->type = "application/json; charset=utf-8";
	vb_buf_puts(&r->body, "{\"loi\":");
	serve_json_str(&r->body, msg);
	vb_buf_puts(&r->body, "}");
	return 0;
}

static int
import_docx(const serve_call *c, serve_reply *r)
{
	(void)c;
	return serve_error(r, 501, "Phiên bản vanban này chưa có lệnh nhập "
	    "tệp DOCX (vanban import).");
}

/* The page asking for the access code, for a browser without it. */
static const char login_page[] =
"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
"<title>vanban — cần mã truy cập</title></head><body><h1>Cần mã truy cập</h1>"
"<p>Mở đúng địa chỉ mà lệnh <code>vanban serve</code> in ra (có phần "
"<code>?ma=…</code>), hoặc nhập mã truy cập:</p><form method=\"get\" "
"action=\"/\"><label>Mã truy cập: <input name=\"ma\" autofocus "
"autocomplete=\"off\"></label> <button>Vào</button></form></body></html>";

static int
page(const serve_call *c, serve_reply *r)
{
	const unsigned char *data;
	const char *type, *name = strcmp(c->url, "/") == 0 ? "index.html" :
	    c->url + 1;
	const char *mark = "{{CSRF}}", *at;
	size_t len;

	if ((data = serve_page_file(name, &len, &type)) == NULL)
		return serve_error(r, 404, "Không có trang này.");
	r->type = type;
	if (strcmp(name, "index.html") != 0) {
		r->cache = 1;
		return vb_buf_put(&r->body, data, len);
	}
	/* The page carries the CSRF token; no other site can read it. */
	at = strstr((const char *)data, mark);
	if (at == NULL)
		return vb_buf_put(&r->body, data, len);
	vb_buf_put(&r->body, data, (size_t)(at - (const char *)data));
	vb_buf_puts(&r->body, c->s->csrf);
	return vb_buf_puts(&r->body, at + strlen(mark));
}

/* Returns the route for method and url, or NULL. */
static const serve_route *
find_route(const char *method, const char *url)
{
	int post = strcmp(method, "POST") == 0;
	size_t i;

	if (!post && strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		return NULL;
	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++)
		if (routes[i].post == post && strcmp(routes[i].path, url) == 0)
			return &routes[i];
	return NULL;
}

/* Sends r on conn; returns what MHD_queue_response returns. */
static enum MHD_Result
send_reply(struct MHD_Connection *conn, serve_reply *r)
{
	struct MHD_Response *resp;
	size_t len = r->body.len;
	char *data = vb_buf_detach(&r->body);
	enum MHD_Result ret;

	resp = data ? MHD_create_response_from_buffer(len, data,
	    MHD_RESPMEM_MUST_FREE) :
	    MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	if (resp == NULL) {
		free(data);
		return MHD_NO;
	}
	MHD_add_response_header(resp, "Content-Type",
	    r->type ? r->type : "application/json; charset=utf-8");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Content-Security-Policy",
	    "default-src 'self'; img-src 'self' data: blob:; "
	    "style-src 'self'; script-src 'self'; connect-src 'self'; "
	    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
	MHD_add_response_header(resp, "Cache-Control",
	    r->cache ? "private, max-age=300" : "no-store");
	if (r->cookie)
		MHD_add_response_header(resp, "Set-Cookie", r->cookie);
	if (r->location)
		MHD_add_response_header(resp, "Location", r->location);
	if (r->disposition[0])
		MHD_add_response_header(resp, "Content-Disposition",
		    r->disposition);
	ret = MHD_queue_response(conn, r->status ? r->status : 200, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* Answers at once with an error (status, message) and frees r. */
static enum MHD_Result
refuse(struct MHD_Connection *conn, unsigned status, const char *msg)
{
	serve_reply r;
	enum MHD_Result ret;

	memset(&r, 0, sizeof(r));
	serve_error(&r, status, msg);
	ret = send_reply(conn, &r);
	vb_buf_free(&r.body);
	return ret;
}

/* GET /?ma=TOKEN: sets the cookie and sends the browser to the page
 * without the token in its address; a wrong token gets the login page. */
static enum MHD_Result
login(vb_server *s, struct MHD_Connection *conn, const char *ma)
{
	char cookie[160];
	serve_reply r;
	enum MHD_Result ret;

	memset(&r, 0, sizeof(r));
	if (ma != NULL && serve_secret_eq(ma, s->token)) {
		snprintf(cookie, sizeof(cookie), "vanban_ma=%s; Path=/; HttpOnly; "
		    "SameSite=Strict", s->token);
		r.status = 303;
		r.cookie = cookie;
		r.location = "/";
		r.type = "text/plain; charset=utf-8";
	} else {
		r.status = 401;
		r.type = "text/html; charset=utf-8";
		vb_buf_puts(&r.body, login_page);
	}
	ret = send_reply(conn, &r);
	vb_buf_free(&r.body);
	return ret;
}

/* Checks a new request's headers; returns 0 to go on, or 1 when an
 * answer was queued (or -1 when the connection must close). */
static int
check_headers(vb_server *s, struct MHD_Connection *conn, const char *url,
    const char *method, serve_req *q, enum MHD_Result *ret)
{
	const char *host = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	    "Host");
	const char *ma = MHD_lookup_connection_value(conn,
	    MHD_GET_ARGUMENT_KIND, "ma");
	const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	    "Content-Length");
	const serve_route *rt = find_route(method, url);

	if (!serve_host_ok(s, host))
		return *ret = refuse(conn, 421, "Tên máy trong địa chỉ không "
		    "phải của máy chủ này (Host)."), 1;
	if (strcmp(url, "/") == 0 && ma != NULL)
		return *ret = login(s, conn, ma), 1;
	if (!serve_cookie_ok(s, MHD_lookup_connection_value(conn,
	    MHD_HEADER_KIND, "Cookie")))
		return *ret = strcmp(url, "/") == 0 ? login(s, conn, NULL) :
		    refuse(conn, 401, "Cần mã truy cập: mở lại địa chỉ mà "
		    "vanban serve in ra."), 1;
	if (rt == NULL)
		return *ret = refuse(conn, 404, "Không có địa chỉ này."), 1;
	q->post = rt->post;
	q->limit = rt->limit;
	if (rt->post && !serve_csrf_ok(s, MHD_lookup_connection_value(conn,
	    MHD_HEADER_KIND, "X-Vanban-CSRF"), MHD_lookup_connection_value(conn,
	    MHD_HEADER_KIND, "Origin"), host))
		return *ret = refuse(conn, 403, "Yêu cầu không đến từ trang của "
		    "vanban (thiếu mã chống giả mạo): tải lại trang."), 1;
	if (cl != NULL && strtoull(cl, NULL, 10) > q->limit)
		return *ret = refuse(conn, 413, "Dữ liệu gửi lên quá lớn."), 1;
	q->checked = 1;
	return 0;
}

/* Runs the route of a fully received request and answers. */
static enum MHD_Result
answer(vb_server *s, struct MHD_Connection *conn, const char *url,
    const char *method, serve_req *q)
{
	const serve_route *rt = find_route(method, url);
	serve_call c = { s, conn, url, "", 0 };
	serve_reply r;
	enum MHD_Result ret;

	if (vb_buf_putc(&q->body, '\0') < 0)
		return refuse(conn, 503, "Máy chủ hết bộ nhớ.");
	c.body = q->body.data;
	c.len = q->body.len - 1;
	memset(&r, 0, sizeof(r));
	r.status = 200;
	r.type = "application/json; charset=utf-8";
	if (rt->fn(&c, &r) < 0)
		serve_error(&r, 503, "Máy chủ hết bộ nhớ.");
	ret = send_reply(conn, &r);
	vb_buf_free(&r.body);
	return ret;
}

/* libmicrohttpd's access handler: called for the headers, for each part
 * of the body, then once more when the request is whole. */
static enum MHD_Result
access_cb(void *cls, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	vb_server *s = cls;
	serve_req *q = *con_cls;
	enum MHD_Result ret = MHD_NO;

	(void)version;
	if (q == NULL) {
		if ((q = calloc(1, sizeof(*q))) == NULL)
			return MHD_NO;
		*con_cls = q;
		if (check_headers(s, conn, url, method, q, &ret) != 0)
			return ret;
		if (q->post)
			return MHD_YES;	/* the body follows */
	}
	if (!q->checked)
		return MHD_NO;
	if (*upload_size > 0) {
		if (q->body.len + *upload_size > q->limit)
			return MHD_NO;	/* past the limit: close */
		if (vb_buf_put(&q->body, upload, *upload_size) < 0)
			return MHD_NO;
		*upload_size = 0;
		return MHD_YES;
	}
	return answer(s, conn, url, method, q);
}

/* Frees a request's state when it ends. */
static void
done_cb(void *cls, struct MHD_Connection *conn, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	serve_req *q = *con_cls;

	(void)cls;
	(void)conn;
	(void)toe;
	if (q != NULL) {
		vb_buf_free(&q->body);
		free(q);
		*con_cls = NULL;
	}
}

void *
serve_http_start(vb_server *s)
{
	struct sockaddr_in addr;
	struct MHD_Daemon *d;

	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons((unsigned short)s->port);
	addr.sin_addr.s_addr = htonl(s->network ? INADDR_ANY : INADDR_LOOPBACK);
	d = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION |
	    MHD_USE_INTERNAL_POLLING_THREAD,
	    (uint16_t)s->port, NULL, NULL, access_cb, s,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned int)s->max_conn,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned int)s->max_conn,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)s->timeout,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
	    MHD_OPTION_NOTIFY_COMPLETED, done_cb, s,
	    MHD_OPTION_END);
	if (d == NULL)
		fprintf(stderr, "vanban: không mở được cổng %u (cổng đang được "
		    "dùng, hoặc cần quyền quản trị với cổng dưới 1024)\n"
		    "  gợi ý: chọn cổng khác bằng --cong, ví dụ --cong 8081\n",
		    s->port);
	return d;
}

void
serve_http_stop(void *daemon)
{
	if (daemon != NULL)
		MHD_stop_daemon(daemon);
}
