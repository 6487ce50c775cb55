/* unit.c - unit tests of the model: text handling, dates, numbers,
 * symbols, signature and recipients, parse errors. Prints one line per
 * check ("ok - …" / "not ok - …"); exits 1 when any failed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/date.h"
#include "base/text.h"
#include "model/doctype.h"
#include "model/document.h"
#include "model/numbering.h"
#include "parse/agency.h"
#include "base/filekind.h"

/* Counts of one run. */
struct tally {
	int pass;	/* checks that held */
	int fail;	/* checks that did not */
};

/* Records one check; returns cond. */
static int
check(struct tally *t, int cond, const char *name)
{
	printf("%s - %s\n", cond ? "ok" : "not ok", name);
	if (cond)
		t->pass++;
	else
		t->fail++;
	return cond;
}

/* Checks that two strings are equal, printing both when not. */
static void
check_str(struct tally *t, const char *got, const char *want, const char *name)
{
	if (!check(t, got && strcmp(got, want) == 0, name))
		printf("#   got  '%s'\n#   want '%s'\n", got ? got : "(null)", want);
}

static void
test_text(struct tally *t)
{
	vb_arena *a = vb_arena_new();
	size_t bad = 0;

	check_str(t, vb_text_upper(a, "Sở Giáo dục và Đào tạo"),
	    "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "upper-case keeps tone marks, đ -> Đ");
	check_str(t, vb_text_upper(a, "ủy ban nhân dân tỉnh bà rịa - vũng tàu"),
	    "ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "upper-case ỷ ị ũ");
	check_str(t, vb_text_nfc(a, "Nguye\xcc\x82\xcc\x83n", 10), "Nguyễn",
	    "NFC composes decomposed marks");
	check_str(t, vb_text_nfc(a, "Nguy\xc3\xaa\xcc\x83n", 9), "Nguyễn",
	    "NFC composes mixed input");
	check(t, vb_utf8_valid("abc", 3, &bad), "valid UTF-8 accepted");
	check(t, !vb_utf8_valid("ab\xC3", 3, &bad) && bad == 2,
	    "truncated UTF-8 found at its offset");
	check(t, !vb_utf8_valid("a\xED\xA0\x80", 4, &bad) && bad == 1,
	    "UTF-8 surrogate refused");
	check_str(t, vb_text_ascii(a, "Phó Giám đốc"), "Pho_Giam_doc",
	    "ASCII field name from a title");
	check_str(t, vb_text_fold(a, "Hỏa tốc!"), "hoatoc",
	    "folded for matching: ASCII, lower case, letters only");
	vb_arena_free(a);
}

/* The "did you mean" helper over a table of rows and over names. */
static void
test_closest(struct tally *t)
{
	static const struct {
		const char *name;	/* first member: what is matched */
		int value;		/* anything else */
	} rows[] = {{"saoy", 1}, {"saoluc", 2}, {"trichsao", 3}, {NULL, 0}};
	static const char *const names[] = {"co_quan", "co_quan_chu_quan",
	    NULL};

	check(t, vb_text_closest("saoluc", rows, sizeof(rows[0])) == 1,
	    "closest: an exact name");
	check(t, vb_text_closest("saolucc", rows, sizeof(rows[0])) == 1,
	    "closest: one letter off, in a table of structs");
	check(t, vb_text_closest("banchinh", rows, sizeof(rows[0])) == -1,
	    "closest: nothing within 3 edits");
	check(t, vb_text_closest("co_quann", names, sizeof(names[0])) == 0,
	    "closest: over an array of names");
	check(t, vb_text_closest("x", names + 2, sizeof(names[0])) == -1,
	    "closest: an empty table");
}

static void
test_dates(struct tally *t)
{
	vb_arena *a = vb_arena_new();
	vb_date d;

	check(t, vb_date_parse("2024-01-19", &d) == 0, "full date parses");
	check_str(t, vb_date_words(a, &d), "ngày 19 tháng 01 năm 2024",
	    "month 01 padded");
	vb_date_parse("2020-03-05", &d);
	check_str(t, vb_date_words(a, &d), "ngày 05 tháng 3 năm 2020",
	    "day padded, month 3 not");
	vb_date_parse("2025-12-09", &d);
	check_str(t, vb_date_words(a, &d), "ngày 09 tháng 12 năm 2025",
	    "month 12 not padded");
	check(t, vb_date_parse("2025-04", &d) == 0 && d.day == 0,
	    "month-only draft date");
	check_str(t, vb_date_words(a, &d), "ngày     tháng 4 năm 2025",
	    "draft date keeps blanks");
	check(t, vb_date_parse("2024-02-30", &d) < 0, "30 February refused");
	check(t, vb_date_parse("2024-02-29", &d) == 0, "29 February 2024 exists");
	check(t, vb_date_parse("2023-02-29", &d) < 0, "29 February 2023 refused");
	check(t, vb_date_parse("19/01/2024", &d) < 0, "dd/mm/yyyy refused");
	vb_arena_free(a);
}

static void
test_numbers(struct tally *t)
{
	vb_arena *a = vb_arena_new();

	check_str(t, vb_roman(a, 4), "IV", "roman 4");
	check_str(t, vb_roman(a, 14), "XIV", "roman 14");
	check(t, vb_roman_value("IX", 2) == 9, "roman value IX");
	check(t, vb_roman_value("IIII", 4) == 0, "non-canonical roman refused");
	check_str(t, vb_point_letter(a, 5), "đ", "fifth point letter is đ");
	check_str(t, vb_point_letter(a, 6), "e", "sixth point letter is e");
	check_str(t, vb_point_letter(a, 7), "g", "seventh point letter is g (no f)");
	check(t, vb_point_value("đ", strlen("đ")) == 5, "đ is the fifth point");
	check(t, vb_doctype_find("to-trinh") &&
	    strcmp(vb_doctype_find("to-trinh")->code, "TTr") == 0,
	    "tờ trình code keeps mixed case TTr");
	check(t, vb_doctype_find("quy-dinh") &&
	    strcmp(vb_doctype_find("quy-dinh")->code, "QyĐ") == 0, "quy định is QyĐ");
	check(t, vb_doctype_suggest("ke-hoac") == vb_doctype_find("ke-hoach"),
	    "type suggestion for a typo");
	vb_arena_free(a);
}

/* Parses a document from text; returns it (or NULL) and fills d. */
static vb_document *
parse(const char *text, vb_diags *d)
{
	return vb_document_parse("t.md", text, strlen(text), d);
}

/* Returns 1 when some diagnostic sits at line:col and contains words. */
static int
has_diag(const vb_diags *d, int line, int col, const char *words)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->items[i].line == line && (col == 0 || d->items[i].col == col) &&
		    strstr(d->items[i].msg, words))
			return 1;
	return 0;
}

#define HEAD "---\nloai: %s\nco_quan: Sở Giáo dục và Đào tạo\nviet_tat: SGDĐT\n" \
	"dia_danh: Bắc Giang\nngay: %s\nso: \"%s\"\ntrich_yeu: Thử\n" \
	"ky: {quyen_han: KT, thu_truong: Giám đốc, chuc_vu: Phó Giám đốc, ho_ten: A}\n" \
	"noi_nhan: [Như trên, UBND tỉnh (b/c)]\nluu: [VT, VP]\n---\n"

/* Returns a document from HEAD with these values and body. */
static vb_document *
doc_with(vb_diags *d, const char *kind, const char *date, const char *no,
    const char *body)
{
	char buf[4096];

	snprintf(buf, sizeof(buf), HEAD "%s", kind, date, no, body);
	return parse(buf, d);
}

static void
test_document(struct tally *t)
{
	vb_diags d = {0};
	vb_document *doc;

	doc = doc_with(&d, "ke-hoach", "2024-01-19", "5",
	    "# Mục đích\n\n## Một\n\n### Điểm\n\n### Hai\n\n# Tổ chức\n\nXong\n");
	if (check(t, doc != NULL, "document parses")) {
		check_str(t, doc->header.number_line, "Số: 05/KH-SGDĐT",
		    "number 5 printed 05 with symbol KH-SGDĐT");
		check_str(t, doc->header.place_date,
		    "Bắc Giang, ngày 19 tháng 01 năm 2024", "place and date");
		check_str(t, doc->header.type_name, "KẾ HOẠCH", "type name upper");
		check_str(t, doc->body.blocks[0].number, "I.", "level 1 is I.");
		check_str(t, doc->body.blocks[0].text.runs[0].text, "MỤC ĐÍCH",
		    "level 1 title upper-cased");
		check_str(t, doc->body.blocks[1].number, "1.", "level 2 is 1.");
		check_str(t, doc->body.blocks[3].number, "b)", "second point is b)");
		check_str(t, doc->body.blocks[4].number, "II.", "next level 1 is II.");
		check_str(t, doc->body.blocks[5].text.runs[0].text, "Xong./.",
		    "end mark added");
		check_str(t, doc->nsigners == 1 ? doc->signers[0].lines[0] : "",
		    "KT. GIÁM ĐỐC", "KT line");
		check_str(t, doc->signers[0].lines[1], "PHÓ GIÁM ĐỐC",
		    "title line");
		check_str(t, doc->recipients[0], "- Như trên;", "recipient punctuated");
		check_str(t, doc->recipients[doc->nrecipients - 1], "- Lưu: VT, VP.",
		    "Lưu line last with a full stop");
	}
	vb_document_free(doc);
	vb_diags_free(&d);

	doc = doc_with(&d, "to-trinh", "2025-04", "",
	    "# I. Một\n\n# III. Ba\n\nText.\n");
	check(t, doc != NULL, "draft tờ trình parses");
	if (doc) {
		check_str(t, doc->header.number_line, "Số:      /TTr-SGDĐT",
		    "draft number blank, TTr kept");
		check_str(t, doc->body.blocks[1].number, "III.", "hand number kept");
	}
	check(t, has_diag(&d, 15, 1, "thiếu mục 'II.'"),
	    "gap in hand numbers warned at its line");
	vb_document_free(doc);
	vb_diags_free(&d);

	doc = doc_with(&d, "ke-hoach", "2024-02-30", "1", "x\n");
	check(t, doc == NULL && has_diag(&d, 6, 7, "không có thật"),
	    "impossible date is an error at its line:col");
	vb_diags_free(&d);

	doc = doc_with(&d, "ke-hoac", "2024-01-02", "1", "x\n");
	check(t, doc == NULL && has_diag(&d, 2, 7, "ke-hoac"),
	    "unknown type is an error at its position");
	vb_diags_free(&d);

	doc = doc_with(&d, "ke-hoach", "2024-01-02", "12/2024", "x\n");
	check(t, doc == NULL && has_diag(&d, 7, 5, "số thứ tự"),
	    "a number with a year is refused");
	vb_diags_free(&d);

	doc = parse("---\nloai: ke-hoach\nco_quan: \"Sở\n---\nx\n", &d);
	check(t, doc == NULL && has_diag(&d, 3, 10, "ngoặc kép"),
	    "unclosed quote reported where it opens");
	vb_diags_free(&d);

	doc = parse("# no front matter\n", &d);
	check(t, doc == NULL && has_diag(&d, 1, 1, "phần đầu"),
	    "missing front matter reported");
	vb_diags_free(&d);

	doc = parse("---\nloai: ke-hoach\nco_quan: S\xff\n---\n", &d);
	check(t, doc == NULL && has_diag(&d, 3, 11, "UTF-8"),
	    "invalid UTF-8 reported at line:col");
	vb_diags_free(&d);

	doc = parse("---\r\nloai: ke-hoach\r\nco_quan: Sở\r\nviet_tat: S\r\n"
	    "dia_danh: Huế\r\nky: {chuc_vu: Giám đốc, ho_ten: B}\r\nluu: VT\r\n"
	    "trinh_bay: {co_chu: 16}\r\n---\r\nx\r\n", &d);
	check(t, doc == NULL && has_diag(&d, 8, 21, "ngoài khoảng"),
	    "body size outside 13-14 refused (CRLF input)");
	vb_diags_free(&d);
}

static void
test_tables(struct tally *t)
{
	vb_diags d = {0};
	vb_document *doc = doc_with(&d, "ke-hoach", "2024-01-02", "1",
	    "| TT | Nội dung công việc | Số lượng |\n|---|---|---|\n"
	    "| **I** | **Nhóm một** | |\n"
	    "| 1 | Tổ chức hội nghị quán triệt kế hoạch năm | 12 |\n"
	    "| 2 | Kiểm tra | 3 |\n");
	const vb_table *tb;

	if (!check(t, doc && doc->body.n > 0 &&
	    doc->body.blocks[0].kind == VB_BLOCK_TABLE, "table parses")) {
		vb_document_free(doc);
		vb_diags_free(&d);
		return;
	}
	tb = doc->body.blocks[0].table;
	check(t, tb->rows[0].header && tb->header_rows == 1, "first row is the header");
	check(t, tb->rows[1].group && tb->rows[1].cells[1].colspan == 2,
	    "bold row with TT and content is a group row spanning the rest");
	check(t, tb->rows[2].cells[0].align == VB_ALIGN_CENTER, "TT column centred");
	check(t, tb->rows[2].cells[2].align == VB_ALIGN_RIGHT, "number column right-aligned");
	check(t, tb->width[1] > tb->width[0] && tb->width[1] > tb->width[2],
	    "task column widest");
	check(t, tb->width[0] >= 0.0499, "no column under 5%");
	vb_document_free(doc);
	vb_diags_free(&d);
}

/* The agency profile's answers to the importer, and file kinds. */
static void
test_agency(struct tally *t)
{
	static const char yaml[] =
	    "co_quan: Sở Giáo dục và Đào tạo\n"
	    "viet_tat: SGDĐT\n"
	    "noi_nhan: [UBND tỉnh, Giám đốc Sở]\n"
	    "luu: [VT]\n"
	    "ky:\n  quyen_han: KT\n  thu_truong: Giám đốc\n"
	    "  chuc_vu: Phó Giám đốc\n  ho_ten: Lê Thị Minh Hoa\n"
	    "trinh_bay:\n  le_trai: 32\n";
	const char *two[] = {"UBND tỉnh", "Giám đốc Sở"}, *one[] = {"VT"};
	char dir[] = "/tmp/vanban-unit-XXXXXX", path[64], doc[64];
	vb_arena *a = vb_arena_new();
	vb_diags d = {0};
	vb_agency ag;
	FILE *f;

	if (mkdtemp(dir) == NULL)
		return;
	snprintf(path, sizeof(path), "%s/co-quan.yaml", dir);
	snprintf(doc, sizeof(doc), "%s/moi.md", dir);
	check(t, vb_agency_load(a, doc, &ag, &d) == 0 && ag.path == NULL &&
	    vb_agency_meta(&ag) == NULL, "agency: no profile, no keys");
	check(t, !vb_agency_gives(&ag, "co_quan", "Sở Giáo dục và Đào tạo"),
	    "agency: no profile gives nothing");
	if ((f = fopen(path, "w")) != NULL) {
		fputs(yaml, f);
		fclose(f);
	}
	check(t, vb_agency_load(a, doc, &ag, &d) == 0 && ag.path != NULL,
	    "agency: profile beside the document found");
	check(t, vb_agency_gives(&ag, "co_quan", "Sở Giáo dục và Đào tạo"),
	    "agency gives co_quan with its value");
	check(t, vb_agency_gives(&ag, "co_quan", "  Sở Giáo  dục và Đào tạo "),
	    "agency gives: blanks at the ends and runs of blanks ignored");
	check(t, !vb_agency_gives(&ag, "co_quan", "Sở Y tế"),
	    "agency does not give co_quan with another value");
	check(t, !vb_agency_gives(&ag, "dia_danh", "Bắc Giang"),
	    "agency does not give a key it lacks");
	check(t, vb_agency_gives(&ag, "ky.ho_ten", "Lê Thị Minh Hoa"),
	    "agency gives ky.ho_ten");
	check(t, vb_agency_gives(&ag, "trinh_bay.le_trai", "32") &&
	    !vb_agency_gives(&ag, "trinh_bay.le_trai", "30"),
	    "agency gives trinh_bay.le_trai as a number");
	check(t, vb_agency_gives_list(&ag, "noi_nhan", two, 2) &&
	    !vb_agency_gives_list(&ag, "noi_nhan", two, 1),
	    "agency gives the whole noi_nhan list, not a part of it");
	check(t, vb_agency_gives(&ag, "luu", "VT") &&
	    vb_agency_gives_list(&ag, "luu", one, 1), "agency gives a one-item list");
	check(t, vb_agency_gives_sign(&ag, "KT", NULL, "Giám đốc", "Phó Giám đốc",
	    "Lê Thị Minh Hoa") && !vb_agency_gives_sign(&ag, NULL, NULL, NULL,
	    "Giám đốc", "Lê Thị Minh Hoa"), "agency gives the signature whole only");
	check(t, d.n == 0, "agency: a good profile reports nothing");
	remove(path);
	rmdir(dir);
	vb_diags_free(&d);
	vb_arena_free(a);
	check(t, vb_filekind_of("PK\3\4\24\0\0\0word/document.xml", 27, NULL)
	    == VB_FILE_DOCX, "filekind: a ZIP with word/ is a DOCX");
	check(t, vb_filekind_of("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, "doc")
	    == VB_FILE_OLE, "filekind: OLE header is a .doc");
	check(t, vb_filekind_of("%PDF-1.7\n", 9, NULL) == VB_FILE_PDF,
	    "filekind: PDF");
	check(t, vb_filekind_of("K\xD5 ho\xB9" "ch", 8, NULL) == VB_FILE_TEXT,
	    "filekind: TCVN3 bytes are text");
}

int
main(void)
{
	struct tally t = {0, 0};

	test_text(&t);
	test_closest(&t);
	test_dates(&t);
	test_numbers(&t);
	test_document(&t);
	test_tables(&t);
	test_agency(&t);
	printf("# unit: %d passed, %d failed\n", t.pass, t.fail);
	return t.fail ? 1 : 0;
}
