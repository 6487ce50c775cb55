/* skeleton.h - the body a new document of each kind starts with. */
#ifndef VB_SKELETON_H
#define VB_SKELETON_H

/* Returns the Markdown body of a new document of kind key ("ke-hoach"):
 * the sections that kind usually has, each with blanks "……". */
const char *vb_skeleton_body(const char *key);

/* Returns 1 when documents of kind key begin with "Căn cứ …" lines. */
int vb_skeleton_has_bases(const char *key);

#endif
