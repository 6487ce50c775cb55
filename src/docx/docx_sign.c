/* docx_sign.c - the signature block after the body: a borderless table,
 * "Nơi nhận" and its list on the left, the signer's authority lines and
 * the room to sign on the right (the row never splits across pages), then
 * the signer's name as the paragraph after the table, in the right column.
 * The body thus ends on a real paragraph, the name: no empty paragraph
 * after a final table (Word would add one, which can push a blank page). */
#include "docx_int.h"

/* Starts the row of a signature table of n columns of cols[] twips: one
 * row that never splits across pages. */
void
dx_sign_row(dx_ctx *c, const int *cols, size_t n)
{
	dx_layout_table(c, cols, n, 0, 0);
	dx_start(c->x, "w:tr");
	dx_start(c->x, "w:trPr");
	dx_empty(c->x, "w:cantSplit");
	dx_end(c->x);
}

/* Starts the left cell of a signature table, w twips wide, and writes
 * label ("Nơi nhận:") and the n recipient lines in it; the caller ends
 * the cell. */
void
dx_sign_recipients(dx_ctx *c, int w, const char *label,
    const char *const *lines, size_t n)
{
	size_t i;

	dx_layout_cell(c, w);
	dx_para_styled(c, DX_ST_NN_LABEL, label);
	for (i = 0; i < n; i++)
		dx_para_styled(c, DX_ST_NN_LIST, lines[i]);
}

/* Writes signer s's title lines, one paragraph each. */
void
dx_sign_titles(dx_ctx *c, const vb_signature *s)
{
	size_t i;

	for (i = 0; i < s->nlines; i++)
		dx_para_styled(c, DX_ST_SIGN_TITLE, s->lines[i]);
}

/* Writes the right cell: authority lines (the first level with "Nơi
 * nhận:"), then the room to sign, where a signature or seal image of any
 * height can go (its line height is a least, not an exact one). */
static void
signer_cell(dx_ctx *c, const vb_signature *s, int w)
{
	dx_layout_cell(c, w);
	dx_sign_titles(c, s);
	dx_para_styled(c, DX_ST_SIGN_SPACE, NULL);
	dx_end(c->x);
}

/* Writes one signer's cell of a row of several: titles, the space that
 * lines its room up with the others', the room, the name. */
static void
cosigner_cell(dx_ctx *c, size_t k, int w)
{
	const vb_signature *s = &c->doc->signers[k];
	dx_ppr pp = dx_ppr_init();

	dx_layout_cell(c, w);
	dx_sign_titles(c, s);
	pp.style = DX_ST_SIGN_SPACE;
	if (c->fit.title_pad_tw[k] > 0)
		pp.before = c->fit.title_pad_tw[k];
	dx_start(c->x, "w:p");
	dx_ppr_write(c, &pp);
	dx_end(c->x);
	dx_para_sect(c, DX_ST_SIGNERS_NAME, s->name, NULL);
	dx_end(c->x);
}

/* Writes ô 12 after "Lưu" of a "Nơi nhận" that spans the text width: at
 * the right edge of a one-signer document's "Nơi nhận" column, where the
 * PDF puts it too; it ends section sect when that is not NULL. */
static void
drafter_under(dx_ctx *c, const char *drafter, const dx_sect *sect)
{
	dx_ppr pp = dx_ppr_init();

	pp.style = DX_ST_DRAFTER;
	pp.sect = sect;
	pp.ind = 1;
	pp.right = c->text_tw - c->fit.sign_left_tw;
	dx_start(c->x, "w:p");
	dx_ppr_write(c, &pp);
	dx_run(c, drafter, 0, NULL);
	dx_end(c->x);
}

/* Writes several signers side by side in one unsplittable row, then
 * "Nơi nhận" and its list under them (Mẫu 1.9, nd30.md §5.2), the
 * drafter's line (ô 12) after "Lưu"; the last of these ends section
 * sect. LibreOffice does not keep a table with the paragraph after it, so
 * neither does the PDF: "Nơi nhận" may start the next page. */
static void
cosigners(dx_ctx *c, const dx_sect *sect)
{
	const vb_document *doc = c->doc;
	const char *drafter = doc->marks.drafter;
	size_t i, n = doc->nsigners;
	int *cols = vb_alloc(c->arena, sizeof(int) * n);

	for (i = 0; i < n; i++)
		cols[i] = i + 1 < n ? c->text_tw / (int)n :
		    c->text_tw - (int)(n - 1) * (c->text_tw / (int)n);
	dx_sign_row(c, cols, n);
	for (i = 0; i < n; i++)
		cosigner_cell(c, i, cols[i]);
	dx_end(c->x);
	dx_end(c->x);
	dx_para_sect(c, DX_ST_NN_LABEL, doc->noi_nhan_label != NULL ?
	    doc->noi_nhan_label : "Nơi nhận:", doc->nrecipients == 0 &&
	    drafter == NULL ? sect : NULL);
	for (i = 0; i < doc->nrecipients; i++)
		dx_para_sect(c, DX_ST_NN_LIST, doc->recipients[i],
		    i + 1 == doc->nrecipients && drafter == NULL ? sect : NULL);
	if (drafter != NULL)	/* ô 12, after "Lưu" */
		drafter_under(c, drafter, sect);
}

/* Writes the signature block; its last paragraph ends section sect when
 * it is not NULL (the appendices follow on new pages). One signer: "Nơi
 * nhận" left, the signer right, the name after the table; several: side
 * by side, "Nơi nhận" under them; none (a document issued with another):
 * nothing. Returns 1 when a paragraph took sect. */
int
dx_signature(dx_ctx *c, const dx_sect *sect)
{
	const vb_document *doc = c->doc;
	const vb_signature *s;
	int cols[2];

	if (doc->nsigners == 0)
		return 0;
	if (doc->nsigners > 1) {
		cosigners(c, sect);
		return 1;
	}
	s = &doc->signers[0];
	cols[0] = c->fit.sign_left_tw;
	cols[1] = c->text_tw - cols[0];
	dx_sign_row(c, cols, 2);
	dx_sign_recipients(c, cols[0], doc->noi_nhan_label != NULL ?
	    doc->noi_nhan_label : "Nơi nhận:", doc->recipients,
	    doc->nrecipients);
	dx_marks_drafter(c);
	dx_end(c->x);
	signer_cell(c, s, cols[1]);
	dx_end(c->x);
	dx_end(c->x);
	dx_para_sect(c, DX_ST_SIGN_NAME, s->name, sect);
	return 1;
}
