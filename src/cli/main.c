/* main.c - the vanban command line: render Markdown documents to DOCX and
 * PDF. Output is written to a temporary file and renamed, so a failure
 * never leaves a broken file behind and never touches an existing one. */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/infile.h"
#include "base/output.h"
#include "base/version.h"
#include "apart.h"
#include "cmd_new.h"
#include "check/check.h"
#include "docx/docx.h"
#include "import/import.h"
#include "model/document.h"
#include "model/dump.h"
#include "plugin.h"
#include "sheet/sheet.h"

/* Exit codes. */
enum {
	EXIT_OK = 0,		/* success */
	EXIT_INPUT = 1,		/* a problem in the input or the output */
	EXIT_USAGE = 2		/* the command line was wrong */
};

/* Output formats to write. */
enum {
	FMT_DOCX = 1,		/* .docx */
	FMT_PDF = 2		/* .pdf */
};

/* Options of "vanban render". */
struct opts {
	const char *input;	/* input file, "-" for standard input */
	const char *output;	/* -o path, or NULL */
	int formats;		/* FMT_* bits; 0 until chosen */
	const char *font;	/* --font family, or NULL */
	int strict;		/* --strict: warnings count as errors */
};

/* The options of "render", in the general help and in its own. */
#define HELP_RENDER_OPTIONS \
"  -o, --output RA    ghi vào RA; đuôi .docx hoặc .pdf chọn định dạng\n" \
"                     (RA là - thì ghi ra đầu ra chuẩn)\n" \
"  -f, --format DS    định dạng cần ghi, cách nhau bởi dấu phẩy: docx,pdf\n" \
"      --font TÊN     phông chữ cho PDF (mặc định: Liberation Serif đi kèm,\n" \
"                     cùng số đo với Times New Roman)\n" \
"      --strict       không ghi tệp nếu 'vanban check' thấy lỗi\n" \
"  -h, --help         in hướng dẫn này\n"

/* The exit codes, in the general help and in that of "render". */
#define HELP_EXIT_CODES \
"Mã thoát: 0 thành công; 1 lỗi trong văn bản hoặc khi ghi tệp (không tệp nào\n" \
"được ghi dở); 2 dùng sai lệnh.\n"

static const char usage_text[] =
"Cách dùng:\n"
"  vanban render TỆP.md [-o RA.docx|RA.pdf] [--format docx,pdf]\n"
"  vanban check [--strict] TỆP.md\n"
"  vanban convert --from tcvn3|vni TỆP [-o RA] [--ghi-de]\n"
"  vanban import CŨ.docx|.doc|.odt|.txt [-o MỚI.md] [--nam 2025]\n"
"  vanban table BẢNG.xlsx|.csv|.tsv [--trang-tinh TÊN]\n"
"  vanban dump TỆP.md       (in mô hình văn bản đã phân tích, để kiểm tra)\n"
"  vanban new LOẠI [-o TỆP.md]  (tạo văn bản mới: khung nội dung, khóa từ co-quan.yaml)\n"
"  vanban serve [THƯ-MỤC] [--cong 8080]   (soạn văn bản trên trình duyệt)\n"
"  vanban --help | --version | LỆNH --help\n"
"\n"
"Chuyển một văn bản hành chính viết bằng Markdown (có phần đầu YAML) thành\n"
"tệp DOCX và PDF đúng thể thức Nghị định 30/2020/NĐ-CP.\n"
"\n"
"  render TỆP.md      ghi TỆP.docx và TỆP.pdf cạnh tệp nguồn\n"
"                     (TỆP là - thì đọc từ đầu vào chuẩn, khi đó cần -o)\n"
HELP_RENDER_OPTIONS
"\n"
"  check TỆP          kiểm tra văn bản theo Nghị định 30 (không ghi tệp nào):\n"
"                     in mọi lỗi và cảnh báo dạng tệp:dòng:cột kèm gợi ý sửa;\n"
"                     mã thoát 1 khi có lỗi (có --strict: cả khi có cảnh báo)\n"
"  convert            chuyển văn bản gõ bằng mã TCVN3 (ABC) hoặc VNI sang\n"
"                     Unicode, ghi ra tệp mới (mặc định TỆP.unicode.md),\n"
"                     không bao giờ ghi đè tệp gốc; tệp ra đã có chỉ bị\n"
"                     ghi đè khi thêm --ghi-de\n"
"  import CŨ          đọc văn bản Word (.docx, .doc, .odt) hoặc .txt cũ thành\n"
"                     văn bản vanban (.md) để sửa tiếp; --nam 2025 làm bản\n"
"                     nháp cho năm mới\n"
"  table BẢNG         in bảng của một tệp Excel (.xlsx), .csv hoặc .tsv thành\n"
"                     bảng Markdown (đánh số TT, dòng nhóm I, II…) ra đầu ra\n"
"                     chuẩn, để chép vào phụ lục và sửa tiếp bằng Markdown\n"
"  -s, --trang-tinh   tên trang tính trong tệp .xlsx (mặc định: trang đầu)\n"
"  -V, --version      in phiên bản\n"
"\n"
HELP_EXIT_CODES
"Các khóa của phần đầu và cách viết nội dung: xem README.md.\n";

/* Help of each command ("vanban LỆNH --help"). */
static const struct {
	const char *cmd;	/* command name */
	const char *text;	/* its help, in Vietnamese */
} command_help[] = {
	{ "render",
"Cách dùng: vanban render TỆP.md [-o RA.docx|RA.pdf] [--format docx,pdf]\n"
"                         [--font TÊN] [--strict]\n"
"\n"
"Chuyển văn bản Markdown (có phần đầu YAML) thành DOCX và PDF đúng thể thức\n"
"Nghị định 30/2020/NĐ-CP. Mặc định ghi TỆP.docx và TỆP.pdf cạnh tệp nguồn.\n"
"\n"
HELP_RENDER_OPTIONS
"\n"
"TỆP là - thì đọc từ đầu vào chuẩn (khi đó cần -o).\n"
"VANBAN_DATE=2024-01-19T08:00:00+07:00 cố định ngày tạo ghi trong tệp.\n"
HELP_EXIT_CODES },
	{ "convert",
"Cách dùng: vanban convert --from tcvn3|vni TỆP [-o RA]\n"
"\n"
"Chuyển văn bản gõ bằng bảng mã cũ TCVN3 (ABC) hoặc VNI sang Unicode, ghi ra\n"
"tệp mới (mặc định TỆP.unicode.md); không bao giờ ghi đè tệp gốc.\n"
"\n"
"      --from MÃ      bảng mã của tệp: tcvn3 hoặc vni\n"
"  -o, --output RA    ghi vào RA\n"
"  -h, --help         in hướng dẫn này\n" },
	{ "import",
"Cách dùng: vanban import CŨ.docx|.doc|.odt|.txt [-o MỚI.md] [--nam 2025]\n"
"\n"
"Đọc văn bản cũ (Word .docx; .doc và .odt qua LibreOffice; .txt mỗi đoạn một\n"
"dòng, hay chép từ PDF với dòng ngắt ở lề) thành văn bản vanban: phần đầu YAML\n"
"(cơ quan, số, ký hiệu, ngày, trích yếu, kính gửi, căn cứ, chữ ký, nơi nhận,\n"
"độ khẩn, độ mật, dự thảo, địa chỉ ở chân trang, mục lục, bản sao) và nội dung\n"
"Markdown (đề mục, danh sách, đậm, nghiêng, chú thích, liên kết, bảng, ngắt\n"
"trang). Ghi cạnh văn bản mới: mỗi phụ lục một tệp MỚI-phu-luc.md; hình\n"
"(PNG, JPEG) thành tệp hình; bảng có ô gộp mà Markdown không giữ được thành\n"
"tệp Excel (MỚI-phu-luc.xlsx, MỚI-bang-1.xlsx…), ô gộp giữ nguyên. In ra\n"
"những gì đã nhận ra và những gì chưa tìm thấy. Không bao giờ ghi đè tệp đã\n"
"có; các tệp được ghi cùng lúc, đủ cả hoặc không tệp nào.\n"
"\n"
"  -o, --output RA    ghi vào RA (mặc định: CŨ.md cạnh tệp cũ)\n"
"      --nam NĂM      làm bản nháp cho năm mới: bỏ trống số, ngày chỉ còn\n"
"                     năm mới, năm cũ trong trích yếu và tên phụ lục đổi\n"
"                     thành năm mới\n"
"  -h, --help         in hướng dẫn này\n" },
	{ "table",
"Cách dùng: vanban table BẢNG.xlsx|.csv|.tsv [--trang-tinh TÊN]\n"
"\n"
"In bảng của một tệp Excel (.xlsx), .csv hoặc .tsv thành bảng Markdown (đánh\n"
"số TT, dòng nhóm I, II…) ra đầu ra chuẩn, để chép vào phụ lục.\n"
"\n"
"  -s, --trang-tinh TÊN   tên trang tính trong tệp .xlsx (mặc định: trang đầu)\n"
"  -h, --help             in hướng dẫn này\n" },
	{ "new",
"Cách dùng: vanban new LOẠI [-o TỆP.md]\n"
"\n"
"Tạo một văn bản mới loại LOẠI (ke-hoach, bao-cao, to-trinh, quyet-dinh,\n"
"cong-van, …: xem vanban new --loai): phần đầu có ngày hôm nay, số để trống,\n"
"các khóa chung (cơ quan, địa danh, người ký, nơi nhận…) lấy từ co-quan.yaml\n"
"trong thư mục của văn bản hoặc thư mục cha gần nhất; nội dung là các mục\n"
"thường có của loại văn bản đó. Điền các chỗ '……' rồi chạy vanban check.\n"
"Không bao giờ ghi đè tệp đã có.\n"
"\n"
"  -o, --output TỆP   ghi vào TỆP (mặc định LOẠI.md; - là đầu ra chuẩn)\n"
"      --loai         in danh sách các loại văn bản\n"
"  -h, --help         in hướng dẫn này\n" },
	{ "serve",
"Cách dùng: vanban serve [THƯ-MỤC] [--cong 8080] [--mang] [--ma-tep TỆP]\n"
"\n"
"Mở một trang web để soạn, kiểm tra, xem trước và lưu các văn bản của\n"
"THƯ-MỤC (mặc định: thư mục hiện tại) trong trình duyệt. In ra địa chỉ cần\n"
"mở, có kèm mã truy cập. Nhấn Ctrl+C để dừng.\n"
"\n"
"      --cong SỐ        cổng (mặc định 8080)\n"
"      --mang           cho các máy khác trong mạng cơ quan mở trang (mặc\n"
"                       định chỉ máy này: 127.0.0.1); ai có mã truy cập\n"
"                       mới vào được\n"
"      --ma-tep TỆP     lấy mã truy cập trong TỆP (mặc định: mã ngẫu nhiên\n"
"                       mới mỗi lần chạy)\n"
"      --ten-may TÊN    tên khác của máy này dùng trong địa chỉ (với --mang)\n"
"      --ket-noi SỐ     số kết nối cùng lúc tối đa (mặc định 32)\n"
"      --thoi-gian GIÂY thời gian tối đa dựng một văn bản (mặc định 30)\n"
"  -h, --help           in hướng dẫn này\n" },
	{ "dump",
"Cách dùng: vanban dump TỆP.md\n"
"\n"
"In mô hình văn bản đã phân tích (đề mục, đoạn, bảng, chữ ký…), để kiểm tra\n"
"vanban hiểu văn bản thế nào. Không ghi tệp nào.\n"
"\n"
"  -h, --help         in hướng dẫn này\n" },
};

/* Prints the help of command cmd when one of its arguments asks for it;
 * returns 1 when it did. */
static int
command_wants_help(int argc, char **argv)
{
	size_t k;
	int i;

	for (k = 0; k < sizeof(command_help) / sizeof(command_help[0]); k++) {
		if (strcmp(argv[1], command_help[k].cmd) != 0)
			continue;
		for (i = 2; i < argc; i++)
			if (strcmp(argv[i], "-h") == 0 ||
			    strcmp(argv[i], "--help") == 0) {
				fputs(command_help[k].text, stdout);
				return 1;
			}
	}
	return 0;
}

/* Prints a usage error and returns EXIT_USAGE. */
static int
usage_error(const char *fmt, const char *arg)
{
	fputs("vanban: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nXem: vanban --help\n", stderr);
	return EXIT_USAGE;
}

/* Parses a --format list; returns the FMT_* bits, or 0 when invalid. */
static int
parse_formats(const char *s)
{
	char buf[64], *tok, *save = NULL;
	int f = 0;

	if (strlen(s) >= sizeof(buf))
		return 0;
	strcpy(buf, s);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (strcmp(tok, "docx") == 0)
			f |= FMT_DOCX;
		else if (strcmp(tok, "pdf") == 0)
			f |= FMT_PDF;
		else
			return 0;
	}
	return f;
}

/* Returns 1 when s ends with suffix. */
static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Returns a malloc'd path: base without its .md extension plus ext. */
static char *
derive_path(const char *base, const char *ext)
{
	size_t n = strlen(base);
	char *p;

	if (ends_with(base, ".md") || ends_with(base, ".pdf"))
		n -= 3 + ends_with(base, ".pdf");
	else if (ends_with(base, ".docx"))
		n -= 5;
	else if (ends_with(base, ".markdown"))
		n -= 9;
	if ((p = malloc(n + strlen(ext) + 1)) == NULL)
		return NULL;
	memcpy(p, base, n);
	strcpy(p + n, ext);
	return p;
}




/* Renders doc in one format and adds it to the output set; returns 0 or
 * -1. */
static int
render_one(const vb_document *doc, int fmt, const char *path,
    const struct opts *o, vb_outset *set, vb_diags *d)
{
	vb_buf out = {0};
	vb_pdf_options po;
	int r;

	memset(&po, 0, sizeof(po));
	po.font = o->font;
	po.created = getenv("VANBAN_DATE");
	r = fmt == FMT_DOCX ? vb_docx_render(doc, po.created, &out, d)
	    : vb_pdf_render_apart(doc, &po, &out, d);
	if (r == 0 && vb_out_add(set, path, &out) < 0) {
		vb_diag_add(d, VB_ERROR, path, 0, 0, NULL, "không đủ bộ nhớ");
		r = -1;
	}
	vb_buf_free(&out);
	return r;
}

/* Sets the output paths for each requested format; returns 0, or
 * EXIT_USAGE after printing why. */
static int
plan_outputs(struct opts *o, char **docx, char **pdf)
{
	*docx = *pdf = NULL;
	if (o->output) {
		if (o->formats == 0)
			o->formats = ends_with(o->output, ".pdf") ? FMT_PDF :
			    ends_with(o->output, ".docx") ? FMT_DOCX : 0;
		if (o->formats == 0)
			return usage_error("không rõ định dạng của '%s': "
			    "dùng đuôi .docx hoặc .pdf, hoặc --format", o->output);
		if (o->formats == (FMT_DOCX | FMT_PDF)) {
			*docx = derive_path(o->output, ".docx");
			*pdf = derive_path(o->output, ".pdf");
			return 0;
		}
		if (o->formats & FMT_DOCX)
			*docx = strdup(o->output);
		else
			*pdf = strdup(o->output);
		return 0;
	}
	if (strcmp(o->input, "-") == 0)
		return usage_error("%s", "đọc từ đầu vào chuẩn thì cần -o để chỉ nơi ghi");
	if (o->formats == 0)
		o->formats = FMT_DOCX | FMT_PDF;
	if (o->formats & FMT_DOCX)
		*docx = derive_path(o->input, ".docx");
	if (o->formats & FMT_PDF)
		*pdf = derive_path(o->input, ".pdf");
	return 0;
}

/* "render --strict": returns the document only when "vanban check" finds
 * no error in it; its findings go to d. */
static vb_document *
load_strict(const char *path, vb_inputs *in, vb_diags *d)
{
	vb_diags parse = {0};
	vb_arena *a = vb_arena_new();
	vb_document *doc = NULL;
	size_t len = 0;
	char *data;

	if (a == NULL)
		return NULL;
	if ((data = vb_in_read_main(in, a, path, &len, d)) == NULL)
		;
	else if (vb_check_source(path, data, len, d) == 0)
		doc = vb_document_parse_in(path, data, len, in, &parse);
	else
		vb_diag_add(d, VB_ERROR, path, 0, 0,
		    "sửa các lỗi trên (xem 'vanban check'), hoặc bỏ --strict để ghi bản nháp",
		    "--strict: văn bản còn lỗi nên không ghi tệp");
	vb_diags_free(&parse);	/* check has reported the same findings */
	vb_arena_free(a);
	return doc;
}

/* Runs "vanban render" with parsed options: renders every format asked
 * for, then writes them all or none; returns the exit code. */
static int
render(struct opts *o)
{
	vb_inputs in = { .dirfd = -1 };
	vb_document *doc = NULL;
	vb_diags d = {0};
	vb_outset set;
	char *docx, *pdf, *dir;
	int rc;

	if ((rc = plan_outputs(o, &docx, &pdf)) != 0)
		return rc;
	if ((dir = vb_folder_of(o->input)) != NULL &&
	    vb_inputs_open(&in, dir, &d) == 0)
		doc = o->strict ? load_strict(o->input, &in, &d)
		    : vb_document_load_in(o->input, &in, &d);
	vb_out_init(&set, 1, NULL, &in);
	if (doc == NULL ||
	    (docx && render_one(doc, FMT_DOCX, docx, o, &set, &d) < 0) ||
	    (pdf && render_one(doc, FMT_PDF, pdf, o, &set, &d) < 0) ||
	    vb_out_commit(&set, &d) < 0)
		rc = EXIT_INPUT;
	vb_diags_print(&d);
	vb_diags_free(&d);
	vb_out_free(&set);
	vb_document_free(doc);
	vb_inputs_close(&in);
	free(dir);
	free(docx);
	free(pdf);
	return rc;
}

/* Returns the value of option argv[*i] ("-o X" or "--output=X"), advancing
 * *i, or NULL when missing. */
static const char *
opt_value(int argc, char **argv, int *i, const char *lng)
{
	size_t n = strlen(lng);

	if (strncmp(argv[*i], lng, n) == 0 && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (*i + 1 >= argc)
		return NULL;
	return argv[++*i];
}

/* Returns 1 when argv[i] is the short or long option (with or without =). */
static int
is_opt(const char *arg, const char *shrt, const char *lng)
{
	size_t n = strlen(lng);

	return (shrt && strcmp(arg, shrt) == 0) || strcmp(arg, lng) == 0 ||
	    (strncmp(arg, lng, n) == 0 && arg[n] == '=');
}

/* Parses the options of "render"; returns 0 or EXIT_USAGE. */
static int
parse_render(int argc, char **argv, struct opts *o)
{
	const char *v;
	int i;

	for (i = 2; i < argc; i++) {
		if (is_opt(argv[i], "-o", "--output")) {
			if ((v = opt_value(argc, argv, &i, "--output")) == NULL)
				return usage_error("%s", "-o cần tên tệp ra");
			o->output = v;
		} else if (is_opt(argv[i], "-f", "--format")) {
			if ((v = opt_value(argc, argv, &i, "--format")) == NULL ||
			    (o->formats = parse_formats(v)) == 0)
				return usage_error("%s", "--format nhận docx, pdf hoặc docx,pdf");
		} else if (is_opt(argv[i], NULL, "--font")) {
			if ((v = opt_value(argc, argv, &i, "--font")) == NULL)
				return usage_error("%s", "--font cần tên phông chữ");
			o->font = v;
		} else if (strcmp(argv[i], "--strict") == 0)
			o->strict = 1;
		else if (argv[i][0] == '-' && argv[i][1] != '\0')
			return usage_error("không có tùy chọn '%s'", argv[i]);
		else if (o->input == NULL)
			o->input = argv[i];
		else
			return usage_error("chỉ xử lý một tệp mỗi lần, thừa '%s'", argv[i]);
	}
	if (o->input == NULL)
		return usage_error("%s", "thiếu tên tệp .md cần chuyển");
	return 0;
}

/* Runs "vanban table SOURCE [--trang-tinh TÊN]": prints the table of a
 * spreadsheet as Markdown; returns the exit code. */
static int
table(int argc, char **argv)
{
	const char *src = NULL, *sheet = NULL, *slash;
	vb_arena *a = vb_arena_new();
	vb_diags d = {0};
	vb_buf out = {0};
	vb_inputs in = { .dirfd = -1 };
	vb_table *t = NULL;
	char *dir = NULL;
	int i, rc = EXIT_OK;

	for (i = 2; i < argc; i++) {
		if (is_opt(argv[i], "-s", "--trang-tinh")) {
			if ((sheet = opt_value(argc, argv, &i, "--trang-tinh")) == NULL)
				rc = usage_error("%s", "--trang-tinh cần tên trang tính");
		} else if (argv[i][0] == '-' && argv[i][1] != '\0')
			rc = usage_error("không có tùy chọn '%s'", argv[i]);
		else if (src == NULL)
			src = argv[i];
		else
			rc = usage_error("chỉ xử lý một tệp mỗi lần, thừa '%s'", argv[i]);
		if (rc != EXIT_OK)
			goto done;
	}
	if (src == NULL) {
		rc = usage_error("%s", "cách dùng: vanban table BẢNG.xlsx|.csv|.tsv [--trang-tinh TÊN]");
		goto done;
	}
	/* The file's own folder is the base: any path the clerk types works. */
	dir = vb_folder_of(src);
	if ((slash = strrchr(src, '/')) != NULL)
		src = slash + 1;
	if (dir != NULL && vb_inputs_open(&in, dir, &d) == 0)
		t = vb_sheet_load(a, &in, src, sheet, NULL, &d);
	if (t != NULL)
		vb_table_number(a, t, src, &d);
	if (t != NULL && d.errors == 0 && vb_table_to_markdown(t, &out) == 0)
		fwrite(out.data, 1, out.len, stdout);
	else
		rc = EXIT_INPUT;
	vb_diags_print(&d);
done:
	vb_diags_free(&d);
	vb_buf_free(&out);
	vb_arena_free(a);
	vb_inputs_close(&in);
	free(dir);
	return rc;
}

/* Runs "vanban dump FILE": prints the document model; returns the exit code. */
static int
dump(int argc, char **argv)
{
	vb_diags d = {0};
	vb_document *doc;
	vb_buf out = {0};

	if (argc != 3)
		return usage_error("%s", "cách dùng: vanban dump TỆP.md");
	doc = vb_document_load(argv[2], &d);
	vb_diags_print(&d);
	vb_diags_free(&d);
	if (doc == NULL)
		return EXIT_INPUT;
	vb_dump(doc, &out);
	fwrite(out.data, 1, out.len, stdout);
	vb_buf_free(&out);
	vb_document_free(doc);
	return EXIT_OK;
}

/* The commands other than "render", each run with the whole command line;
 * each returns the exit code. */
static const struct {
	const char *name;	/* the command's name */
	int (*run)(int, char **); /* runs it */
} commands[] = {
	{ "dump", dump },
	{ "table", table },
	{ "check", vb_cmd_check },
	{ "convert", vb_cmd_convert },
	{ "new", vb_cmd_new },
	{ "serve", vb_cmd_serve },
	{ "import", vb_cmd_import },
};

/* Runs the command of argv; returns the exit code. */
static int
run(int argc, char **argv)
{
	struct opts o;
	size_t k;
	int rc;

	memset(&o, 0, sizeof(o));
	if (argc < 2)
		return usage_error("%s", "thiếu lệnh");
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		fputs(usage_text, stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
		printf("vanban %s\n", VB_VERSION);
		return EXIT_OK;
	}
	if (command_wants_help(argc, argv))
		return EXIT_OK;
	for (k = 0; k < sizeof(commands) / sizeof(commands[0]); k++)
		if (strcmp(argv[1], commands[k].name) == 0)
			return commands[k].run(argc, argv);
	if (strcmp(argv[1], "render") != 0)
		return usage_error("không có lệnh '%s'", argv[1]);
	if ((rc = parse_render(argc, argv, &o)) != 0)
		return rc;
	return render(&o);
}

int
main(int argc, char **argv)
{
	int rc;

	/* Past a file-size limit, write() should fail with EFBIG (reported,
	 * temporary file removed) instead of the process being killed. */
	signal(SIGXFSZ, SIG_IGN);
	/* One malloc arena for every thread: Pango starts a thread to sort
	 * fonts, and glibc would reserve 64 MB of address space for it, which
	 * under a memory limit (ulimit -v) made the thread fail and glib abort. */
	mallopt(M_ARENA_MAX, 1);
	rc = run(argc, argv);
	/* What went to standard output must have arrived (a full disk, a
	 * closed stream): otherwise say so and fail. */
	if (vb_stdout_close() < 0 && rc == EXIT_OK)
		rc = EXIT_INPUT;
	return rc;
}
