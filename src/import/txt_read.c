/* txt_read.c - plain text (one paragraph per line, as Word exports it or
 * as copied out of a PDF) read into the intermediate form. Markdown marks
 * and HTML tags left by an extraction are taken for what they mean (bold)
 * and dropped; lines of cells separated by tabs or '|' become tables, a
 * heading row repeated at a page break is dropped and a row whose first
 * cell is empty continues the row above. */
#include "import.h"

#include <string.h>

#include "base/buf.h"
#include "base/text.h"
#include "check/convert.h"

/* Marks clean() leaves in the text for fill(): toggles of bold and
 * italic (control characters never stay in the text otherwise). */
#define BOLD_MARK '\001'
#define ITALIC_MARK '\002'
/* An autolink "<https://…>" kept for fill(): its address between these. */
#define LINK_MARK '\003'
#define LINK_END '\004'

/* Returns the length of an HTML tag's name at s ("<b>", "</strong>",
 * "<br/>", "<p class=…>"), or 0 when s is no tag: "<https://…>" (an
 * address), "< 5" (a comparison). */
static size_t
tag_name(const char *s, const char *e)
{
	size_t k = s[1] == '/' ? 2 : 1;
	size_t start = k;

	while (s + k < e && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' &&
	    s[k] <= 'Z') || (k > start && s[k] >= '0' && s[k] <= '9')))
		k++;
	if (k == start || (s[k] != '>' && s[k] != ' ' && s[k] != '/'))
		return 0;
	return k;
}

/* Returns 1 when "<…>" from s to e (its '>') is an autolink. */
static int
autolink(const char *s, const char *e)
{
	const char *p;

	if (strncmp(s + 1, "http://", 7) != 0 && strncmp(s + 1, "https://", 8)
	    != 0 && strncmp(s + 1, "mailto:", 7) != 0)
		return 0;
	for (p = s + 1; p < e; p++)
		if (*p == ' ' || *p == '<')
			return 0;
	return 1;
}

/* Returns line s with the Markdown heading marks and HTML tags left by an
 * extraction removed, and its emphasis ("**", "*", <b>, <i>) turned into
 * BOLD_MARK / ITALIC_MARK toggles; *bold is set when there was any. */
static char *
clean(vb_arena *a, const char *s, size_t n, int *bold)
{
	vb_buf b = { 0 };
	size_t i = 0, k;
	char *out;

	*bold = 0;
	while (i < n && s[i] == '#')
		i++;
	if (i > 0 && i < n && s[i] == ' ')
		i++;
	else
		i = 0;
	if (i + 1 < n && s[i] == '*' && s[i + 1] == ' ') {	/* "* item" */
		vb_buf_putc(&b, '-');
		i++;
	}
	for (; i < n; i++) {
		if (s[i] == '*') {
			for (k = 0; i + k < n && s[i + k] == '*'; k++)
				;
			if (k >= 2)
				vb_buf_putc(&b, BOLD_MARK);
			if (k % 2)
				vb_buf_putc(&b, ITALIC_MARK);
			*bold = 1;
			i += k - 1;
			continue;
		}
		if (s[i] == '<') {
			const char *e = memchr(s + i, '>', n - i);
			if (e != NULL && autolink(s + i, e)) {
				vb_buf_putc(&b, LINK_MARK);
				vb_buf_put(&b, s + i + 1, (size_t)(e - s - i - 1));
				vb_buf_putc(&b, LINK_END);
				i = (size_t)(e - s);
				continue;
			}
			if (e != NULL && e - (s + i) < 80 && tag_name(s + i, e)) {
				if (strncmp(s + i, "<br", 3) == 0 ||
				    strncmp(s + i, "<p>", 3) == 0)
					vb_buf_putc(&b, '\n');
				if (strncmp(s + i, "<b>", 3) == 0 ||
				    strncmp(s + i, "</b>", 4) == 0 ||
				    strncmp(s + i, "<strong>", 8) == 0 ||
				    strncmp(s + i, "</strong>", 9) == 0)
					vb_buf_putc(&b, BOLD_MARK);
				if (strncmp(s + i, "<i>", 3) == 0 ||
				    strncmp(s + i, "</i>", 4) == 0 ||
				    strncmp(s + i, "<em>", 4) == 0 ||
				    strncmp(s + i, "</em>", 5) == 0)
					vb_buf_putc(&b, ITALIC_MARK);
				i = (size_t)(e - s);
				continue;
			}
		}
		/* carriage returns and control characters (never text) */
		if ((unsigned char)s[i] < 0x20 && s[i] != '\t')
			continue;
		vb_buf_putc(&b, s[i]);
	}
	out = vb_text_trim(a, b.data ? b.data : "");
	vb_buf_free(&b);
	return out;
}

/* Returns s without its emphasis marks. */
static char *
plain(vb_arena *a, const char *s)
{
	char *out = vb_strdup(a, s), *o = out;

	for (; *s; s++)
		if (*s != BOLD_MARK && *s != ITALIC_MARK)
			*o++ = *s;
	*o = '\0';
	return out;
}

/* The superscript digits a PDF's text keeps footnote marks as. */
static const char *const SUP[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷",
    "⁸", "⁹" };

/* Returns the value of the superscript digits at s (their bytes in *len),
 * or -1. */
static int
sup_number(const char *s, size_t *len)
{
	int v = -1, k, found;

	*len = 0;
	do {
		found = 0;
		for (k = 0; k < 10; k++)
			if (strncmp(s + *len, SUP[k], strlen(SUP[k])) == 0) {
				v = (v < 0 ? 0 : v * 10) + k;
				*len += strlen(SUP[k]);
				found = 1;
				break;
			}
	} while (found && v < 1000);
	return v;
}

/* Returns the footnote of number n, or NULL. */
static imp_note *
note_of(imp_doc *doc, int n)
{
	size_t i;

	for (i = 0; i < doc->nnotes; i++)
		if (doc->notes[i].number == n)
			return &doc->notes[i];
	return NULL;
}

/* Fills p with the runs of t: emphasis marks toggle the style carried in
 * *style (from line to line), footnote marks (superscript digits of a
 * known note) become marks, the rest text. */
static void
fill(imp_doc *doc, imp_para *p, const char *t, unsigned *style)
{
	const char *s = t, *from = t;
	size_t len;
	int n = 0;

	while (*s) {
		if (*s == LINK_MARK && strchr(s, LINK_END) != NULL) {
			const char *e = strchr(s, LINK_END);
			char *url = vb_strndup(doc->a, s + 1, (size_t)(e - s - 1));

			if (s > from)
				imp_para_run(doc->a, p, vb_strndup(doc->a, from,
				    (size_t)(s - from)), *style);
			imp_para_run(doc->a, p, url, *style)->href = url;
			s = from = e + 1;
			continue;
		}
		if (*s == BOLD_MARK || *s == ITALIC_MARK ||
		    ((unsigned char)*s >= 0xC2 && (n = sup_number(s, &len)) > 0
		    && note_of(doc, n) != NULL && s > t)) {
			if (s > from)
				imp_para_run(doc->a, p, vb_strndup(doc->a, from,
				    (size_t)(s - from)), *style);
			if (*s == BOLD_MARK || *s == ITALIC_MARK) {
				*style ^= *s == BOLD_MARK ? VB_BOLD : VB_ITALIC;
				len = 1;
			} else {
				imp_para_run(doc->a, p, "", 0)->note = n;
			}
			s += len;
			from = s;
			continue;
		}
		s++;
	}
	if (*from)
		imp_para_run(doc->a, p, from, *style);
	imp_para_finish(doc->a, p);
}

/* Adds a paragraph of text t to the document. */
static void
add_para(imp_doc *doc, const char *t, unsigned *style)
{
	imp_block *b = imp_doc_block(doc);

	b->p = vb_alloc(doc->a, sizeof(*b->p));
	memset(b->p, 0, sizeof(*b->p));
	b->p->outline = -1;
	fill(doc, b->p, t, style);
}

/* Reads the footnote texts: lines that start with superscript digits
 * ("¹ Điểm a khoản 1 …"); marks the lines as used (set to ""). */
static void
notes(imp_doc *doc, char **lines, size_t n)
{
	size_t k, len;
	int v;
	imp_note *note;

	for (k = 0; k < n; k++) {
		if ((v = sup_number(lines[k], &len)) <= 0 || lines[k][len] !=
		    ' ' || note_of(doc, v) != NULL)
			continue;
		doc->notes = vb_grow(doc->a, doc->notes, doc->nnotes + 1,
		    sizeof(*doc->notes), &doc->notecap);
		note = &doc->notes[doc->nnotes++];
		memset(note, 0, sizeof(*note));
		note->number = v;
		note->n = 1;
		note->paras = vb_alloc(doc->a, sizeof(*note->paras));
		memset(note->paras, 0, sizeof(*note->paras));
		note->paras[0].outline = -1;
		imp_para_run(doc->a, &note->paras[0], vb_text_trim(doc->a,
		    lines[k] + len), 0);
		imp_para_finish(doc->a, &note->paras[0]);
		lines[k] = "";
	}
}

/* Returns the number of characters (code points) of UTF-8 text s. */
static size_t
chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Returns 1 when s has capital letters and no small ones (a heading, an
 * agency's name, a signer's title). */
static int
capitals(const char *s)
{
	int lower = 0, upper = 0;

	for (; *s; s++) {
		lower += *s >= 'a' && *s <= 'z';
		upper += *s >= 'A' && *s <= 'Z';
	}
	return upper > 2 && lower == 0;
}

/* Returns 1 when line s begins a block of its own, never the rest of the
 * line above: a list mark, a section number ("I.", "2.", "a)", "1.2."),
 * an article, a footnote, a signer's or recipients' line, a table line,
 * or a line in capitals. */
static int
opens_block(const char *s)
{
	static const char *const words[] = { "Điều ", "Chương ", "Mục ",
	    "Căn cứ", "Phụ lục", "Nơi nhận", "Kính gửi", "KT.", "TM.", "TL.",
	    "TUQ.", "Q.", "(Kèm theo", NULL };
	size_t k, len;

	s += strspn(s, " \t");
	if (strchr("-+*|\t", *s) != NULL || strncmp(s, "\xE2\x80\xA2", 3)
	    == 0 || sup_number(s, &len) > 0)
		return 1;
	for (k = 0; words[k] != NULL; k++)
		if (strncmp(s, words[k], strlen(words[k])) == 0)
			return 1;
	k = strspn(s, "IVXLC");
	if (k > 0 && s[k] == '.')
		return 1;
	k = strspn(s, "0123456789.");
	if (k > 0 && (s[k] == ')' || (s[k - 1] == '.' && s[k] == ' ')))
		return 1;
	if (*s >= 'a' && *s <= 'z' && s[1] == ')')
		return 1;
	if (strncmp(s, "đ)", strlen("đ)")) == 0)
		return 1;
	return capitals(s);
}

/* Returns the width a text copied out of a PDF was wrapped at (its lines
 * broken at the margin, a blank line or none between them), or 0 when
 * its lines are whole paragraphs: the long lines cluster under a width
 * and most of them end without a sentence's last mark. */
static size_t
wrap_width(char **lines, size_t n)
{
	size_t k, m = 0, hist[512] = { 0 }, seen = 0, w = 0, near = 0,
	    open = 0, len;

	for (k = 0; k < n; k++)
		if ((len = chars(lines[k])) > 0 && len < 512) {
			hist[len]++;
			m++;
		} else if (len >= 512)
			return 0;	/* a paragraph longer than any line */
	if (m < 20)
		return 0;
	for (k = 511; k > 0 && w == 0; k--)
		if ((seen += hist[k]) * 10 >= m)
			w = k;		/* 90 % of the lines are no longer */
	if (w < 40 || w > 160)
		return 0;
	for (k = 0; k < n; k++) {
		len = chars(lines[k]);
		if (len * 4 < w * 3 || len > w + w / 5)
			continue;
		near++;
		len = strlen(lines[k]);
		while (len > 0 && lines[k][len - 1] == ' ')
			len--;
		open += len > 0 && strchr(".:;!?", lines[k][len - 1]) == NULL;
	}
	return near * 3 >= m && open * 3 >= near * 2 ? w : 0;
}

/* Joins the lines of a text wrapped at a margin back into paragraphs: a
 * line filled to near the margin, not ending a sentence and not in
 * capitals goes on in the next line (a blank line between them allowed),
 * unless that one opens a block of its own. */
static void
unwrap(vb_arena *a, char **lines, size_t n)
{
	size_t w = wrap_width(lines, n), k, j, at, len;
	const char *last;

	if (w == 0)
		return;
	for (k = 0; k < n; k++) {
		/* last: the physical line that ends lines[k] so far, at its
		 * index in lines */
		for (last = lines[k], at = k;;) {
			len = strlen(last);
			while (len > 0 && last[len - 1] == ' ')
				len--;
			if (len == 0 || chars(last) * 4 < w * 3 ||
			    strchr(".:;!?", last[len - 1]) != NULL ||
			    capitals(last))
				break;
			for (j = at + 1; j < n && j <= at + 2 &&
			    lines[j][strspn(lines[j], " ")] == '\0'; j++)
				;
			if (j >= n || j > at + 2 || opens_block(lines[j]))
				break;
			len = strlen(lines[k]);
			while (len > 0 && lines[k][len - 1] == ' ')
				len--;
			last = lines[j] + strspn(lines[j], " ");
			lines[k] = vb_sprintf(a, "%.*s %s", (int)len, lines[k],
			    last);
			for (at = j; j > k; j--)
				lines[j] = "";
		}
	}
}

/* Splits a table line into cells; returns the number of cells. */
static size_t
split_cells(vb_arena *a, const char *line, int pipes, char ***out)
{
	char *t = vb_strdup(a, line), *p = t, *e;
	char **cells = NULL;
	size_t n = 0, cap = 0;

	if (pipes) {
		while (*p == ' ')
			p++;
		if (*p == '|')
			p++;
		e = p + strlen(p);
		while (e > p && (e[-1] == ' ' || e[-1] == '\r'))
			e--;
		if (e > p && e[-1] == '|')
			e--;
		*e = '\0';
	}
	for (;;) {
		/* past the column cap the rest stays in the last cell */
		e = n + 1 < IMP_MAX_COLS ? strchr(p, pipes ? '|' : '\t') : NULL;
		if (e)
			*e = '\0';
		cells = vb_grow(a, cells, n + 1, sizeof(*cells), &cap);
		cells[n++] = p;
		if (e == NULL)
			break;
		p = e + 1;
	}
	*out = cells;
	return n;
}

/* Returns 1 when line is a Markdown delimiter row ("|---|:---:|"). */
static int
delimiter(const char *s)
{
	return strspn(s, "|-: \t") == strlen(s) && strchr(s, '-');
}

/* Reads a run of table lines [k, end) into a table block. */
static void
add_table(imp_doc *doc, char **lines, size_t k, size_t end, int pipes)
{
	imp_block *b = imp_doc_block(doc);
	imp_table *t = vb_alloc(doc->a, sizeof(*t));
	char **cells, *head = NULL;
	size_t n, j, rcap = 0, i, m;
	imp_row *row;
	unsigned st;
	int bold;

	memset(t, 0, sizeof(*t));
	b->t = t;
	for (i = k; i < end; i++) {
		if (pipes && delimiter(lines[i]))
			continue;
		n = split_cells(doc->a, lines[i], pipes, &cells);
		if ((doc->cells += n) > IMP_MAX_CELLS)
			return;		/* reported by the caller */
		/* a heading row repeated after a page break */
		if (head != NULL && t->n > 0) {
			char *c0 = plain(doc->a, clean(doc->a, lines[i],
			    strlen(lines[i]), &bold));
			char *h0 = plain(doc->a, clean(doc->a, head,
			    strlen(head), &bold));
			if (strcmp(c0, h0) == 0)
				continue;
		}
		if (head == NULL)
			head = lines[i];
		/* a row whose first cell is empty continues the row above */
		if (t->n > 1 && vb_text_trim(doc->a, cells[0])[0] == '\0') {
			row = &t->rows[t->n - 1];
			for (j = 0; j < n && j < row->n; j++) {
				char *c = clean(doc->a, cells[j],
				    strlen(cells[j]), &bold);
				imp_para *p = &row->cells[j].paras[0];
				unsigned st = 0;
				if (*plain(doc->a, c) == '\0')
					continue;
				if (strncmp(plain(doc->a, c), "- ", 2) == 0 ||
				    p->text[0] == '\0')
					imp_para_run(doc->a, p, "\n", 0);
				else
					imp_para_run(doc->a, p, " ", 0);
				fill(doc, p, c, &st);
			}
			continue;
		}
		t->rows = vb_grow(doc->a, t->rows, t->n + 1, sizeof(*t->rows),
		    &rcap);
		row = &t->rows[t->n++];
		memset(row, 0, sizeof(*row));
		row->cells = vb_alloc(doc->a, n * sizeof(*row->cells));
		row->n = n;
		for (j = 0; j < n; j++) {
			imp_cell *c = &row->cells[j];
			char *s = clean(doc->a, cells[j], strlen(cells[j]),
			    &bold);
			memset(c, 0, sizeof(*c));
			c->span = 1;
			c->n = 1;
			c->paras = vb_alloc(doc->a, sizeof(*c->paras));
			memset(c->paras, 0, sizeof(*c->paras));
			c->paras[0].outline = -1;
			st = 0;
			fill(doc, &c->paras[0], s, &st);
			if (t->n == 1) {	/* the heading row: bold */
				for (m = 0; m < c->paras[0].nruns; m++)
					c->paras[0].runs[m].style |= VB_BOLD;
				imp_para_finish(doc->a, &c->paras[0]);
			}
		}
		if (n > t->ncols)
			t->ncols = n < IMP_MAX_COLS ? n : IMP_MAX_COLS;
	}
	if (t->n)
		t->rows[0].header = 1;
}

/* Returns 1 when line is a table line of the kind pipes says. */
static int
table_line(const char *s, int pipes)
{
	if (pipes)
		return s[strspn(s, " ")] == '|';
	return strchr(s, '\t') != NULL && strchr(strchr(s, '\t') + 1, '\t')
	    != NULL;
}

int
imp_txt_read(imp_doc *doc, const char *file, const char *data, size_t len,
    vb_diags *d)
{
	char **lines = NULL, *t, *s, *nl, *conv;
	unsigned style = 0;
	size_t n = 0, cap = 0, k, end, bad, clen, changed;
	vb_legacy enc;
	int bold, pipes;

	/* legacy bytes (a TCVN3 or VNI text file) or legacy letters pasted
	 * as Windows-1252 characters: converted to Unicode first */
	enc = vb_legacy_guess(data, len, vb_utf8_valid(data, len, &bad), NULL);
	if (enc != VB_LEGACY_NONE && (conv = vb_legacy_convert(doc->a, enc,
	    data, len, &clen, &changed)) != NULL && changed) {
		data = conv;
		len = clen;
		doc->legacy += changed;
	}
	if (!vb_utf8_valid(data, len, &bad)) {
		vb_diag_add(d, VB_ERROR, file, 0, 0, "Hãy mở tệp bằng Word và "
		    "lưu lại dạng \"Plain Text (.txt)\" chọn mã hóa \"Unicode "
		    "(UTF-8)\"; hoặc dùng 'vanban convert' nếu là văn bản "
		    "TCVN3/VNI.", "tệp văn bản không phải UTF-8 (byte lạ ở vị "
		    "trí %zu)", bad);
		return -1;
	}
	doc->from_txt = 1;
	t = vb_text_nfc(doc->a, data, len);
	if (strncmp(t, "\xEF\xBB\xBF", 3) == 0)
		t += 3;
	for (s = t; *s; s = nl + 1) {
		nl = strchr(s, '\n');
		lines = vb_grow(doc->a, lines, n + 1, sizeof(*lines), &cap);
		lines[n++] = s;
		if (nl == NULL)
			break;
		*nl = '\0';
	}
	if (n > IMP_MAX_PARAS) {
		vb_diag_add(d, VB_ERROR, file, 0, 0, "Hãy chia văn bản thành "
		    "nhiều tệp nhỏ hơn.", "văn bản quá lớn để nhập: hơn %d dòng",
		    IMP_MAX_PARAS);
		return -1;
	}
	notes(doc, lines, n);
	unwrap(doc->a, lines, n);
	for (k = 0; k < n; k++) {
		pipes = lines[k][strspn(lines[k], " ")] == '|';
		if (table_line(lines[k], pipes)) {
			for (end = k; end < n && (table_line(lines[end], pipes)
			    || (lines[end][0] == '\0' && end + 1 < n &&
			    table_line(lines[end + 1], pipes))); end++)
				;
			add_table(doc, lines, k, end, pipes);
			if (doc->cells > IMP_MAX_CELLS) {
				vb_diag_add(d, VB_ERROR, file, 0, 0, "Hãy chia văn "
				    "bản thành nhiều tệp nhỏ hơn.", "văn bản quá lớn "
				    "để nhập: hơn %d ô bảng", IMP_MAX_CELLS);
				return -1;
			}
			k = end - 1;
			continue;
		}
		s = clean(doc->a, lines[k], strlen(lines[k]), &bold);
		if (*plain(doc->a, s) == '\0') {
			style = 0;	/* a blank line ends any emphasis */
			continue;
		}
		/* "**KT. GIÁM ĐỐC" + "PHÓ GIÁM ĐỐC**": lines of one block */
		{
			char *line, *save = NULL;
			for (line = strtok_r(s, "\n", &save); line; line =
			    strtok_r(NULL, "\n", &save))
				if (*(line = vb_text_trim(doc->a, line)))
					add_para(doc, line, &style);
		}
	}
	return 0;
}
