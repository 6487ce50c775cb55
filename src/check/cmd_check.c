/* cmd_check.c - the "check" and "convert" commands of vanban: reading the
 * command line and the input, printing the problems, and writing the
 * converted file through a temporary file and a rename. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/infile.h"
#include "base/output.h"
#include "base/text.h"
#include "check.h"
#include "convert.h"

/* Exit codes. */
enum {
	EXIT_OK = 0,		/* success: clean document, file written */
	EXIT_INPUT = 1,		/* problems in the document, or in reading or writing */
	EXIT_USAGE = 2		/* the command line was wrong */
};

/* Options of "vanban convert". */
struct convert_opts {
	const char *input;	/* file to convert */
	const char *output;	/* -o path, or NULL for the derived name */
	vb_legacy from;		/* --from encoding */
	int force;		/* --ghi-de: an existing output may be replaced */
};

/* Prints a command line error and returns EXIT_USAGE. */
static int
usage(const char *cmd, const char *fmt, const char *arg)
{
	fputs("vanban: ", stderr);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nCách dùng: %s\n", strcmp(cmd, "check") == 0
	    ? "vanban check [--strict] TỆP.md"
	    : "vanban convert --from tcvn3|vni TỆP [-o RA] [--ghi-de]");
	return EXIT_USAGE;
}

/* Reads the whole of path (standard input for "-") into b, at most
 * VB_MAX_FILE bytes; returns 0, or -1 after printing why. */
static int
read_input(const char *path, vb_buf *b)
{
	int fd = strcmp(path, "-") == 0 ? dup(STDIN_FILENO)
	    : open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC);
	struct stat st;
	int r;

	if (fd < 0) {
		fprintf(stderr, "vanban: %s: lỗi: không mở được tệp: %s\n", path,
		    errno == ENOENT ? "không có tệp này" : vb_errno_text(errno));
		return -1;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		fprintf(stderr, "vanban: %s: lỗi: đây là một thư mục, không "
		    "phải tệp\n", path);
		return -1;
	}
	r = vb_read_fd(fd, VB_MAX_FILE, b);
	close(fd);
	if (r == -2)
		fprintf(stderr, "vanban: %s: lỗi: tệp lớn hơn giới hạn %u MB\n",
		    path, VB_MAX_FILE >> 20);
	else if (r < 0)
		fprintf(stderr, "vanban: %s: lỗi: không đọc được tệp: %s\n", path,
		    vb_errno_text(errno));
	if (r < 0)
		return -1;
	return b->data == NULL ? vb_buf_put(b, "", 0) : 0;
}

/* Prints "N lỗi, M cảnh báo" after the diagnostics, when there are any. */
static void
summary(const char *path, const vb_diags *d)
{
	if (d->n == 0)
		return;
	fprintf(stderr, "%s: %zu lỗi, %zu cảnh báo\n", path, d->errors,
	    d->n - d->errors);
}

int
vb_cmd_check(int argc, char **argv)
{
	const char *input = NULL;
	vb_diags d = {0};
	vb_buf b = {0};
	int i, strict = 0, rc;

	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--strict") == 0)
			strict = 1;
		else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			printf("Cách dùng: vanban check [--strict] TỆP.md\n\n"
			    "Kiểm tra văn bản theo Nghị định 30/2020/NĐ-CP, không ghi tệp nào.\n"
			    "In mỗi vấn đề một dòng 'tệp:dòng:cột: lỗi|cảnh báo: …' kèm gợi ý.\n"
			    "  --strict   coi cảnh báo như lỗi (mã thoát 1)\n\n"
			    "Mã thoát: 0 không có lỗi; 1 có lỗi (hoặc có cảnh báo với --strict);\n"
			    "2 dùng sai lệnh.\n");
			return EXIT_OK;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0')
			return usage("check", "không có tùy chọn '%s'", argv[i]);
		else if (input == NULL)
			input = argv[i];
		else
			return usage("check", "chỉ kiểm tra một tệp mỗi lần, thừa '%s'",
			    argv[i]);
	}
	if (input == NULL)
		return usage("check", "%s", "thiếu tên tệp cần kiểm tra");
	if (read_input(input, &b) < 0)
		return EXIT_INPUT;
	vb_check_source(strcmp(input, "-") == 0 ? "<stdin>" : input, b.data,
	    b.len, &d);
	vb_diags_print(&d);
	summary(input, &d);
	rc = d.errors > 0 || (strict && d.n > 0) ? EXIT_INPUT : EXIT_OK;
	vb_diags_free(&d);
	vb_buf_free(&b);
	return rc;
}

/* Returns a malloc'd path: input with ".unicode" before its extension
 * ("x.md" -> "x.unicode.md", "x" -> "x.unicode"). */
static char *
derive_output(const char *input)
{
	const char *base = strrchr(input, '/'), *dot;
	size_t n = strlen(input), at;
	char *p;

	base = base ? base + 1 : input;
	dot = strrchr(base, '.');
	at = dot && dot != base ? (size_t)(dot - input) : n;
	if ((p = malloc(n + sizeof(".unicode"))) == NULL)
		return NULL;
	memcpy(p, input, at);
	strcpy(p + at, ".unicode");
	strcpy(p + at + strlen(".unicode"), input + at);
	return p;
}

/* Returns 1 when paths a and b name the same existing file. */
static int
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (strcmp(a, b) == 0)
		return 1;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}



/* Parses the options of "convert"; returns 0 or EXIT_USAGE. */
static int
parse_convert(int argc, char **argv, struct convert_opts *o)
{
	const char *v;
	int i;

	for (i = 2; i < argc; i++) {
		v = NULL;
		if (strncmp(argv[i], "--from=", 7) == 0)
			v = argv[i] + 7;
		else if (strcmp(argv[i], "--from") == 0 && i + 1 < argc)
			v = argv[++i];
		if (v != NULL) {
			if ((o->from = vb_legacy_from_key(v)) == VB_LEGACY_NONE)
				return usage("convert", "--from nhận tcvn3 hoặc vni, không "
				    "nhận '%s'", v);
		} else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			o->output = argv[++i];
		else if (strncmp(argv[i], "--output=", 9) == 0)
			o->output = argv[i] + 9;
		else if (strcmp(argv[i], "--ghi-de") == 0)
			o->force = 1;
		else if (argv[i][0] == '-' && argv[i][1] != '\0')
			return usage("convert", "không có tùy chọn '%s' (hoặc thiếu giá trị)",
			    argv[i]);
		else if (o->input == NULL)
			o->input = argv[i];
		else
			return usage("convert", "chỉ chuyển một tệp mỗi lần, thừa '%s'",
			    argv[i]);
	}
	if (o->from == VB_LEGACY_NONE)
		return usage("convert", "%s", "thiếu --from tcvn3 hoặc --from vni");
	if (o->input == NULL)
		return usage("convert", "%s", "thiếu tên tệp cần chuyển");
	return 0;
}

/* Warns when the text looks like another encoding than the one given. */
static void
check_guess(const struct convert_opts *o, const vb_buf *b, int utf8)
{
	vb_legacy g = vb_legacy_guess(b->data, b->len, utf8, NULL);

	if (g != VB_LEGACY_NONE && g != o->from)
		fprintf(stderr, "vanban: %s: cảnh báo: văn bản có vẻ dùng bảng mã %s, "
		    "không phải %s\n  gợi ý: thử --from %s\n", o->input,
		    vb_legacy_name(g), vb_legacy_name(o->from), vb_legacy_key(g));
}

/* Refuses a binary file (a .docx is no TCVN3 text): returns -1 after
 * saying what it is and what to use instead, 0 for text. */
static int
refuse_binary(const struct convert_opts *o, const vb_buf *b)
{
	vb_diags d = {0};
	int r;

	if ((r = vb_check_binary(strcmp(o->input, "-") == 0 ? "<stdin>"
	    : o->input, b->data, b->len, &d)) != 0) {
		vb_diags_print(&d);
		fprintf(stderr, "vanban: %s: không chuyển, không ghi tệp nào\n",
		    o->input);
	}
	vb_diags_free(&d);
	return r ? -1 : 0;
}

/* Converts b and writes it to out; returns the exit code. */
static int
convert_to(const struct convert_opts *o, const vb_buf *b, const char *out)
{
	vb_arena *a = vb_arena_new();
	size_t len = 0, changed = 0;
	vb_diags d = {0};
	char *text;
	int rc = EXIT_OK;

	if (a == NULL)
		return EXIT_INPUT;
	text = vb_legacy_convert(a, o->from, b->data, b->len, &len, &changed);
	if (text == NULL || vb_write_atomic(out, text, len, o->force,
	    "--ghi-de", NULL, &d) < 0)
		rc = EXIT_INPUT;
	else if (changed == 0)
		fprintf(stderr, "vanban: %s: cảnh báo: không có dòng nào cần chuyển; "
		    "đã chép nguyên văn sang %s\n", o->input, out);
	else
		fprintf(stderr, "vanban: %s: đã chuyển %zu dòng từ %s sang Unicode, "
		    "ghi vào %s\n", o->input, changed, vb_legacy_name(o->from), out);
	vb_diags_print(&d);
	vb_diags_free(&d);
	vb_arena_free(a);
	return rc;
}

int
vb_cmd_convert(int argc, char **argv)
{
	struct convert_opts o;
	vb_buf b = {0};
	char *out;
	int rc;

	memset(&o, 0, sizeof(o));
	if ((rc = parse_convert(argc, argv, &o)) != 0)
		return rc;
	if (strcmp(o.input, "-") == 0 && o.output == NULL)
		return usage("convert", "%s", "đọc từ đầu vào chuẩn thì cần -o");
	out = o.output ? strdup(o.output) : derive_output(o.input);
	if (out == NULL)
		return EXIT_INPUT;
	if (same_file(out, o.input)) {
		fprintf(stderr, "vanban: %s: lỗi: không ghi đè tệp gốc\n"
		    "  gợi ý: chọn tên khác với -o, ví dụ -o %s\n", o.input,
		    "ban-unicode.md");
		free(out);
		return EXIT_INPUT;
	}
	rc = EXIT_INPUT;
	if (read_input(o.input, &b) == 0 && refuse_binary(&o, &b) == 0) {
		check_guess(&o, &b, vb_utf8_valid(b.data, b.len, NULL));
		rc = convert_to(&o, &b, out);
	}
	vb_buf_free(&b);
	free(out);
	return rc;
}
