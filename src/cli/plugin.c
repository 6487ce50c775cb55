/* plugin.c - finding and loading the PDF renderer plugin. */
#include "plugin.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The type of vb_pdf_render in the plugin. */
typedef int (*render_fn)(const vb_document *, const vb_pdf_options *,
    vb_buf *, vb_diags *);

/* Puts in why, in Vietnamese, why the loader said err (its text is
 * English): a library missing, memory short, or a file that is no plugin. */
static void
why_not(const char *err, char *why, size_t whylen)
{
	const char *colon = err ? strchr(err, ':') : NULL;
	int n = colon ? (int)(colon - err) : 0;

	if (err && strstr(err, "cannot open shared object"))
		snprintf(why, whylen, "thiếu thư viện %.*s", n, err);
	else if (err && (strstr(err, "map segment") || strstr(err, "memory")))
		snprintf(why, whylen, "không đủ bộ nhớ để nạp thư viện");
	else
		snprintf(why, whylen, "tệp không phải bộ tạo PDF hợp lệ");
}

/* Tries to open the plugin at path; returns the handle or NULL. */
static void *
try_open(const char *path, char *why, size_t whylen)
{
	struct stat st;
	void *h;

	/* Only a regular file: dlopen of a FIFO would wait forever. */
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    access(path, R_OK) != 0)
		return NULL;
	if ((h = dlopen(path, RTLD_NOW | RTLD_LOCAL)) == NULL)
		why_not(dlerror(), why, whylen);
	return h;
}

/* Returns a handle of the plugin kind ("pdf", "serve"): $VANBAN_PDF_PLUGIN
 * (or _SERVE_), then "<program>-pdf.so" beside the program, then the
 * installed one. */
static void *
open_plugin(const char *kind, char *tried, size_t len, char *why,
    size_t whylen)
{
	char exe[PATH_MAX], path[PATH_MAX + 16], inst[PATH_MAX];
	const char *env = getenv(strcmp(kind, "pdf") == 0 ?
	    "VANBAN_PDF_PLUGIN" : "VANBAN_SERVE_PLUGIN");
	ssize_t n;
	void *h;

	if (env != NULL && *env)
		return snprintf(tried, len, "%s", env), try_open(env, why, whylen);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		snprintf(path, sizeof(path), "%s-%s.so", exe, kind);
		snprintf(tried, len, "%s", path);
		if ((h = try_open(path, why, whylen)) != NULL)
			return h;
	}
#ifdef VB_LIBDIR
	snprintf(inst, sizeof(inst), "%s/vanban-%s.so", VB_LIBDIR, kind);
	snprintf(tried + strlen(tried), len - strlen(tried), ", %s", inst);
	return try_open(inst, why, whylen);
#else
	(void)inst;
	return NULL;
#endif
}

void *
vb_plugin_symbol(const char *kind, const char *sym, const char *file,
    vb_diags *d)
{
	char tried[2 * PATH_MAX] = "", why[512] = "";
	void *h = open_plugin(kind, tried, sizeof(tried), why, sizeof(why));
	void *fn;

	if (h == NULL) {
		vb_diag_add(d, VB_ERROR, file, 0, 0,
		    "cài lại vanban (make install)",
		    *why ? "không nạp được phần %s (đã tìm: %s): %s" :
		    "không tìm thấy phần %s (đã tìm: %s)%s",
		    strcmp(kind, "pdf") == 0 ? "tạo PDF" : "máy chủ trang web",
		    tried, why);
		return NULL;
	}
	if ((fn = dlsym(h, sym)) == NULL)
		vb_diag_add(d, VB_ERROR, file, 0, 0, "cài lại vanban (make install)",
		    "tệp %s không hợp lệ (thiếu hàm %s)", tried, sym);
	/* The plugin stays loaded: unloading glib-based libraries is unsafe. */
	return fn;
}

int
vb_pdf_render_plugin(const vb_document *doc, const vb_pdf_options *opt,
    vb_buf *out, vb_diags *d)
{
	char tried[2 * PATH_MAX] = "", why[512] = "";
	void *h = open_plugin("pdf", tried, sizeof(tried), why, sizeof(why));
	render_fn fn;

	if (h == NULL) {
		vb_diag_add(d, VB_ERROR, doc->path, 0, 0,
		    "cài lại vanban (make install), hoặc chỉ định tệp bằng biến VANBAN_PDF_PLUGIN",
		    *why ? "không nạp được bộ tạo PDF (đã tìm: %s): %s" :
		    "không tìm thấy bộ tạo PDF (đã tìm: %s)%s", tried, why);
		return -1;
	}
	*(void **)&fn = dlsym(h, "vb_pdf_render");
	if (fn == NULL) {
		vb_diag_add(d, VB_ERROR, doc->path, 0, 0,
		    "cài lại vanban (make install)",
		    "bộ tạo PDF không hợp lệ (thiếu hàm vb_pdf_render)");
		return -1;
	}
	/* The plugin stays loaded: unloading glib-based libraries is unsafe. */
	return fn(doc, opt, out, d);
}
