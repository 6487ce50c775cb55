/* doctype.h - the kinds of administrative document of Decree 30 (Phụ lục III). */
#ifndef VB_DOCTYPE_H
#define VB_DOCTYPE_H

/* One document kind. */
typedef struct vb_doctype {
	const char *key;	/* front matter value: "ke-hoach" */
	const char *name;	/* name in running text: "Kế hoạch" */
	const char *code;	/* symbol code, exact case: "KH", "TTr"; "" for công văn and thư công */
	int to_superior;	/* 1 when "Kính gửi" and "Như trên" are usual */
} vb_doctype;

/* Returns the kind whose key is key, or NULL. */
const vb_doctype *vb_doctype_find(const char *key);
/* Returns the kind whose key is closest to key (for "did you mean"), or NULL. */
const vb_doctype *vb_doctype_suggest(const char *key);
/* Returns the i-th kind, or NULL past the end. */
const vb_doctype *vb_doctype_at(int i);
/* Returns 1 when the kind is a công văn (no type name, "V/v" subject). */
int vb_doctype_is_cong_van(const vb_doctype *t);

#endif
