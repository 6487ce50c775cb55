/* cmd_new.c - "vanban new LOẠI [-o TỆP.md]": writes the skeleton of a new
 * document of that kind, its common keys taken from co-quan.yaml, dated
 * today; never over an existing file. */
#include "cmd_new.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "base/output.h"
#include "model/doctype.h"
#include "new/new.h"
#include "parse/agency.h"

/* Exit codes, as in main.c. */
enum {
	EXIT_OK = 0,		/* written */
	EXIT_INPUT = 1,		/* a problem with the profile or the output */
	EXIT_USAGE = 2		/* the command line was wrong */
};

/* Prints the kinds of document, key and name, to f. */
static void
list_kinds(FILE *f)
{
	const vb_doctype *t;
	int i;

	fputs("Các loại văn bản:\n", f);
	for (i = 0; (t = vb_doctype_at(i)) != NULL; i++)
		fprintf(f, "  %-16s %s\n", t->key, t->name);
}

/* Prints a usage error and returns EXIT_USAGE. */
static int
usage(const char *fmt, const char *arg)
{
	fputs("vanban: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nCách dùng: vanban new LOẠI [-o TỆP.md]   (vanban new --help)\n",
	    stderr);
	return EXIT_USAGE;
}

/* Writes today's date as "YYYY-MM-DD" into buf (VANBAN_DATE, as for
 * render, fixes it: "2025-01-19" or "2025-01-19T08:00:00+07:00"). */
static void
today(char buf[11])
{
	const char *fixed = getenv("VANBAN_DATE");
	time_t now = time(NULL);
	struct tm tm;

	if (fixed && strlen(fixed) >= 10 && fixed[4] == '-' && fixed[7] == '-') {
		memcpy(buf, fixed, 10);
		buf[10] = '\0';
		return;
	}
	localtime_r(&now, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
}

/* Writes the new document of kind t to out ("-": standard output);
 * returns the exit code. */
static int
write_new(const vb_doctype *t, const char *out)
{
	vb_arena *a = vb_arena_new();
	vb_diags d = {0};
	vb_agency ag;
	vb_buf b = {0};
	char date[11];
	int rc = EXIT_INPUT;

	if (a == NULL)
		return EXIT_INPUT;
	today(date);
	if (vb_agency_load(a, out, &ag, &d) == 0 &&
	    vb_new_document(t, &ag, date, &b) == 0) {
		if (strcmp(out, "-") == 0)
			rc = fwrite(b.data, 1, b.len, stdout) == b.len ? EXIT_OK
			    : EXIT_INPUT;
		else if (vb_write_atomic(out, b.data, b.len, 0, NULL,
		    NULL, &d) == 0) {
			rc = EXIT_OK;
			fprintf(stderr, "vanban: đã tạo %s (%s%s%s)\n  điền các chỗ "
			    "'%s', rồi: vanban check %s\n", out, t->name,
			    ag.path ? ", các khóa chung lấy từ " : "",
			    ag.path ? ag.path : "", VB_BLANK, out);
		}
	}
	vb_diags_print(&d);
	vb_diags_free(&d);
	vb_buf_free(&b);
	vb_arena_free(a);
	return rc;
}

int
vb_cmd_new(int argc, char **argv)
{
	const char *kind = NULL, *out = NULL;
	const vb_doctype *t, *s;
	char *derived;
	int i, rc;

	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) {
			if (i + 1 >= argc)
				return usage("%s", "-o cần tên tệp ra");
			out = argv[++i];
		} else if (strncmp(argv[i], "--output=", 9) == 0)
			out = argv[i] + 9;
		else if (strcmp(argv[i], "--loai") == 0) {
			list_kinds(stdout);
			return EXIT_OK;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0')
			return usage("không có tùy chọn '%s'", argv[i]);
		else if (kind == NULL)
			kind = argv[i];
		else
			return usage("chỉ tạo một văn bản mỗi lần, thừa '%s'", argv[i]);
	}
	if (kind == NULL) {
		list_kinds(stderr);
		return usage("%s", "thiếu loại văn bản, ví dụ: vanban new ke-hoach");
	}
	if ((t = vb_doctype_find(kind)) == NULL) {
		list_kinds(stderr);
		s = vb_doctype_suggest(kind);
		if (s != NULL)
			fprintf(stderr, "vanban: có phải ý bạn là '%s'?\n", s->key);
		return usage("không có loại văn bản '%s'", kind);
	}
	if (out != NULL)
		return write_new(t, out);
	if ((derived = malloc(strlen(t->key) + 4)) == NULL)
		return EXIT_INPUT;
	sprintf(derived, "%s.md", t->key);
	rc = write_new(t, derived);
	free(derived);
	return rc;
}
