/* pictures.c - the file names the pictures of an imported document get
 * beside the new Markdown file: the name the author gave the picture in
 * Word (pic:cNvPr, "ty-le-tot-nghiep.png"), made safe (ASCII letters,
 * digits and dashes, no folder), else "<document>-hinh-N"; with the
 * extension its bytes say (.png, .jpg). A name already taken by another
 * picture or by a different file on disk gets "-2", "-3" …; a file on
 * disk with the very same bytes is used as it is, not written again. */
#include "import.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/text.h"

/* Longest stem kept from the author's name. */
#define MAX_STEM 60

/* Returns the author's name of a picture made safe, without extension
 * ("Biểu đồ 1.PNG" -> "bieu-do-1"), or NULL when nothing is left. */
static char *
safe_stem(vb_arena *a, const char *name)
{
	const char *base, *dot;
	char *t, *o, *p;
	size_t n;

	if (name == NULL)
		return NULL;
	base = name;
	for (p = (char *)name; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	dot = strrchr(base, '.');
	t = vb_text_ascii(a, vb_strndup(a, base, dot && dot > base ?
	    (size_t)(dot - base) : strlen(base)));
	for (o = p = t; *p; p++) {
		if (isalnum((unsigned char)*p))
			*o++ = (char)tolower((unsigned char)*p);
		else if (o > t && o[-1] != '-')
			*o++ = '-';
	}
	while (o > t && o[-1] == '-')
		o--;
	*o = '\0';
	n = strlen(t);
	if (n == 0 || n > MAX_STEM)
		return NULL;
	return t;
}

/* Returns 1 when file path holds exactly data[0..len). */
static int
same_file(const char *path, const char *data, size_t len)
{
	struct stat st;
	FILE *f;
	char *buf;
	int same;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size
	    != len || (f = fopen(path, "rb")) == NULL)
		return 0;
	if ((buf = malloc(len ? len : 1)) == NULL) {
		fclose(f);
		return 0;
	}
	same = fread(buf, 1, len, f) == len && memcmp(buf, data, len) == 0;
	free(buf);
	fclose(f);
	return same;
}

/* Returns 1 when name is taken by one of the first n pictures. */
static int
taken(const imp_doc *doc, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (doc->images[i].out && strcmp(doc->images[i].out, name) == 0)
			return 1;
	return 0;
}

void
imp_pictures_name(imp_doc *doc, const char *folder, const char *stem)
{
	struct stat st;
	imp_image *im;
	const char *base, *name;
	size_t i;
	int k;

	for (i = 0; i < doc->nimages; i++) {
		im = &doc->images[i];
		base = safe_stem(doc->a, im->name);
		if (base == NULL || strcmp(base, "image") == 0)
			base = vb_sprintf(doc->a, "%s-hinh-%zu", stem, i + 1);
		for (k = 1; k < 1000; k++) {
			name = k == 1 ? vb_sprintf(doc->a, "%s.%s", base,
			    im->ext) : vb_sprintf(doc->a, "%s-%d.%s", base, k,
			    im->ext);
			if (taken(doc, i, name))
				continue;
			if (lstat(vb_sprintf(doc->a, "%s/%s", folder, name),
			    &st) != 0)
				break;
			if (same_file(vb_sprintf(doc->a, "%s/%s", folder,
			    name), im->data, im->len)) {
				im->reuse = 1;
				break;
			}
		}
		im->out = k < 1000 ? name : NULL;
	}
}
