/* import.h - reading a clerk's existing document (.docx, .doc, .odt, .txt)
 * into vanban Markdown with YAML front matter: the readers fill the
 * intermediate form (ir.h), the recognizer finds the Decree 30 parts in
 * it, the writer composes the new files. */
#ifndef VB_IMPORT_H
#define VB_IMPORT_H

#include <stddef.h>

#include "base/diag.h"
#include "ir.h"

/* Reads a .docx held in data[0..len) into doc; returns 0, or -1 after
 * reporting to d. */
int imp_docx_read(imp_doc *doc, const char *file, const char *data,
    size_t len, vb_diags *d);
/* Reads plain text (one paragraph per line) into doc; returns 0, or -1
 * after reporting to d. */
int imp_txt_read(imp_doc *doc, const char *file, const char *data,
    size_t len, vb_diags *d);
/* Converts file (.doc, .odt) to .docx with LibreOffice headless; returns the
 * .docx bytes (malloc'd) with *len, or NULL after reporting to d. */
char *imp_soffice_convert(const char *file, size_t *len, vb_diags *d);

/* Gives each picture of doc the file name it is written under in folder
 * (the new document's), never one of an existing different file; stem:
 * the new document's, for pictures without a usable name. */
void imp_pictures_name(imp_doc *doc, const char *folder, const char *stem);

/* The vanban import command. */
int vb_cmd_import(int argc, char **argv);

#endif
