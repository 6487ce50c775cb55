/* dump.c - printing the document model as indented text. */
#include "dump.h"

/* Writes the runs of one paragraph, marking styles like Markdown. */
static void
dump_inline(const vb_inline *in, vb_buf *out)
{
	size_t i;
	const vb_run *r;

	for (i = 0; i < in->n; i++) {
		r = &in->runs[i];
		if (r->kind == VB_RUN_BREAK)
			vb_buf_puts(out, "\\n");
		else if (r->kind == VB_RUN_NOTE)
			vb_buf_printf(out, "[^%d]", r->note);
		else {
			if (r->style & VB_BOLD)
				vb_buf_puts(out, "**");
			if (r->style & VB_ITALIC)
				vb_buf_puts(out, "*");
			vb_buf_puts(out, r->text);
			if (r->style & VB_ITALIC)
				vb_buf_puts(out, "*");
			if (r->style & VB_BOLD)
				vb_buf_puts(out, "**");
			if (r->href)
				vb_buf_printf(out, "<%s>", r->href);
		}
	}
}

/* Writes a table, one row per line, cells separated by " | ". */
static void
dump_table(const vb_table *t, vb_buf *out)
{
	size_t r, c, k;
	const vb_cell *cell;

	vb_buf_printf(out, "table %zu×%zu header=%zu widths=", t->nrows,
	    t->ncols, t->header_rows);
	for (c = 0; c < t->ncols; c++)
		vb_buf_printf(out, "%s%.3f", c ? "," : "", t->width[c]);
	vb_buf_putc(out, '\n');
	for (r = 0; r < t->nrows; r++) {
		vb_buf_puts(out, t->rows[r].header ? "  H " : t->rows[r].group ?
		    "  G " : "  R ");
		for (c = 0; c < t->ncols; c++) {
			cell = &t->rows[r].cells[c];
			if (cell->colspan == 0 || cell->covered)
				continue;
			vb_buf_puts(out, "| ");
			if (cell->colspan > 1)
				vb_buf_printf(out, "{span=%d} ", cell->colspan);
			for (k = 0; k < cell->npara; k++) {
				if (k)
					vb_buf_puts(out, " / ");
				dump_inline(&cell->paras[k], out);
			}
			vb_buf_putc(out, ' ');
		}
		vb_buf_puts(out, "|\n");
	}
}

/* Writes the blocks of one part. */
static void
dump_part(const vb_part *p, vb_buf *out)
{
	static const char *const kinds[] = {"heading", "para", "item", "table",
	    "code", "quote", "rule", "division", "article", "image",
	    "pagebreak", "toc"};
	size_t i;
	const vb_block *b;

	for (i = 0; i < p->n; i++) {
		b = &p->blocks[i];
		vb_buf_printf(out, "%d:%d %s", b->line, b->col, kinds[b->kind]);
		if (b->kind == VB_BLOCK_HEADING || b->kind == VB_BLOCK_ITEM ||
		    b->kind == VB_BLOCK_DIVISION)
			vb_buf_printf(out, " %d", b->level);
		if (b->number)
			vb_buf_printf(out, " [%s]", b->number);
		if (b->kind == VB_BLOCK_HEADING && b->label)
			vb_buf_puts(out, " (label)");
		if (b->continued)
			vb_buf_puts(out, " (cont)");
		if (b->titled)
			vb_buf_puts(out, " (titled)");
		vb_buf_putc(out, ' ');
		if (b->kind == VB_BLOCK_IMAGE && b->image != NULL)
			vb_buf_printf(out, "{%s %dx%d px %.1fx%.1f mm} ",
			    b->image->src, b->image->px_w, b->image->px_h,
			    b->image->w_mm, b->image->h_mm);
		if (b->kind == VB_BLOCK_TABLE)
			dump_table(b->table, out);
		else {
			dump_inline(&b->text, out);
			vb_buf_putc(out, '\n');
		}
	}
}

/* Writes the marks, the copy's parts and the contents entries. */
static void
dump_marks(const vb_document *doc, vb_buf *out)
{
	const vb_marks *m = &doc->marks;
	const vb_copy *cp = doc->copy;
	size_t i;

	if (m->secrecy)
		vb_buf_printf(out, "secrecy: %s\n", m->secrecy);
	if (m->urgency)
		vb_buf_printf(out, "urgency: %s (%.0f mm)\n", m->urgency,
		    m->urgency_w_mm);
	if (m->circulation)
		vb_buf_printf(out, "circulation: %s\n", m->circulation);
	if (m->draft)
		vb_buf_printf(out, "draft: %s\n", m->draft);
	if (m->drafter)
		vb_buf_printf(out, "drafter: %s\n", m->drafter);
	for (i = 0; i < m->nfooter; i++)
		vb_buf_printf(out, "footer: %s\n", m->footer[i]);
	for (i = 0; i < doc->ntoc; i++)
		vb_buf_printf(out, "toc %d: %s\n", doc->toc[i].level,
		    doc->toc[i].text);
	if (cp == NULL)
		return;
	vb_buf_printf(out, "copy: %s\ncopy issuer: %s\ncopy number: %s\n"
	    "copy place_date: %s\n", cp->form, cp->issuer, cp->number_line,
	    cp->place_date);
	for (i = 0; i < cp->sign.nlines; i++)
		vb_buf_printf(out, "copy sign: %s\n", cp->sign.lines[i]);
	vb_buf_printf(out, "copy name: %s\n", cp->sign.name);
	for (i = 0; i < cp->nrecipients; i++)
		vb_buf_printf(out, "copy recipient: %s\n", cp->recipients[i]);
}

void
vb_dump(const vb_document *doc, vb_buf *out)
{
	const vb_header *h = &doc->header;
	size_t i, k;

	vb_buf_printf(out, "parent: %s\nissuer: %s\nnumber: %s\nplace_date: %s\n",
	    h->parent ? h->parent : "", h->issuer,
	    h->number_line ? h->number_line : "",
	    h->place_date ? h->place_date : "");
	vb_buf_printf(out, "type: %s\nsubject: %s\n", h->type_name ? h->type_name : "",
	    h->subject ? h->subject : h->cv_subject ? h->cv_subject : "");
	if (h->issued_with)
		vb_buf_printf(out, "issued_with: %s\n", h->issued_with);
	for (i = 0; i < h->nto; i++)
		vb_buf_printf(out, "to: %s\n", h->to[i]);
	if (h->authority)
		vb_buf_printf(out, "authority: %s\n", h->authority);
	for (i = 0; i < h->nbases; i++)
		vb_buf_printf(out, "basis: %s\n", h->bases[i]);
	if (h->proposal)
		vb_buf_printf(out, "proposal: %s\n", h->proposal);
	if (h->enact)
		vb_buf_printf(out, "enact: %s\n", h->enact);
	dump_marks(doc, out);
	vb_buf_puts(out, "--- body\n");
	dump_part(&doc->body, out);
	for (i = 0; i < doc->nnotes; i++) {
		vb_buf_printf(out, "note %d: ", doc->notes[i].number);
		for (k = 0; k < doc->notes[i].npara; k++)
			dump_inline(&doc->notes[i].paras[k], out);
		vb_buf_putc(out, '\n');
	}
	vb_buf_puts(out, "--- signature\n");
	for (k = 0; k < doc->nsigners; k++) {
		const vb_signature *sg = &doc->signers[k];
		for (i = 0; i < sg->nlines; i++)
			vb_buf_printf(out, "sign: %s\n", sg->lines[i]);
		vb_buf_printf(out, "name: %s\nrole: %s\n", sg->name, sg->role);
	}
	for (i = 0; i < doc->nrecipients; i++)
		vb_buf_printf(out, "recipient: %s\n", doc->recipients[i]);
	for (i = 0; i < doc->nappendices; i++) {
		const vb_part *p = &doc->appendices[i];
		if (p->head != NULL)	/* a document issued with this one */
			vb_buf_printf(out, "--- appendix (attached) %s%s\n"
			    "title: %s\nref: %s\n", p->head->type_name,
			    p->landscape ? " (landscape)" : "",
			    p->head->subject ? p->head->subject : "",
			    p->head->issued_with);
		else
			vb_buf_printf(out, "--- appendix %s%s\ntitle: %s\n"
			    "ref: %s\n", p->label, p->landscape ?
			    " (landscape)" : "", p->title ? p->title : "",
			    p->ref_line);
		dump_part(p, out);
	}
	vb_buf_printf(out, "--- props\ntitle: %s\nauthor: %s\nsubject: %s\n",
	    doc->props.title, doc->props.author, doc->props.subject);
}
