/* image.h - reading and checking the pictures of a document. */
#ifndef VB_IMAGE_H
#define VB_IMAGE_H

#include "base/diag.h"
#include "base/infile.h"
#include "model.h"

/* Reads every picture block of the body and appendices through in (the
 * document's folder and budget), checks it and sets its size; lists them
 * in doc->images. A missing, outside, truncated, unknown or too large
 * picture is reported to d at its block. */
void vb_images_load(vb_document *doc, vb_inputs *in, vb_diags *d);

#endif
