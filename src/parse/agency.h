/* agency.h - the agency profile, co-quan.yaml: the front matter keys every
 * document of an agency repeats (co_quan_chu_quan, co_quan, viet_tat,
 * dia_danh, ky, noi_nhan, luu, trinh_bay …), read from the document's
 * folder or the nearest parent folder, as defaults that the document's own
 * keys override. It is read by the same front matter parser, so its
 * problems are reported at its own file:line:col. */
#ifndef VB_AGENCY_H
#define VB_AGENCY_H

#include <stddef.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/infile.h"
#include "frontmatter.h"

#define VB_AGENCY_FILE "co-quan.yaml"	/* the profile's file name */
#define VB_AGENCY_MAX (64u << 10)	/* bytes of a profile */
#define VB_AGENCY_UP 8			/* parent folders looked in, at most */

/* An agency profile, as found for one document. */
typedef struct vb_agency {
	const char *path;	/* the profile as shown in messages; NULL when none */
	vb_meta meta;		/* its keys, positions in its own file */
} vb_agency;

/* Looks for co-quan.yaml in the folder open as dirfd (written dir in
 * messages), then in its parents: up to VB_AGENCY_UP of them, never past
 * the user's home folder, the root, a mount point or a folder owned by
 * another user. The file must be a regular file (not a symbolic link), of
 * at most VB_AGENCY_MAX bytes, and in a parent folder owned by the user or
 * root and not writable by others. in, when not NULL, is charged with the
 * bytes and remembers the file as read. Fills ag (ag->path NULL when there
 * is no profile); returns 0, or -1 after reporting to d a profile that
 * cannot be used (its keys are then not applied). */
int vb_agency_find(vb_arena *a, int dirfd, const char *dir, vb_inputs *in,
    vb_agency *ag, vb_diags *d);

/* Same, for the document (to be) written at doc_path ("-": the current
 * folder): for "vanban import" and "vanban new". */
int vb_agency_load(vb_arena *a, const char *doc_path, vb_agency *ag,
    vb_diags *d);

/* Returns the profile's keys, or NULL when there is none: the base for
 * vb_frontmatter_parse_over. */
const vb_meta *vb_agency_meta(const vb_agency *ag);

/* Returns 1 when the profile gives key (a top key such as "co_quan", or
 * "ky.ho_ten", "trinh_bay.co_chu") with value (spaces at the ends and runs
 * of spaces ignored; a number for trinh_bay). A list key (kinh_gui,
 * can_cu, noi_nhan, luu) matches a one-item list; use
 * vb_agency_gives_list for more. A document that leaves the key out then
 * gets the same value. */
int vb_agency_gives(const vb_agency *ag, const char *key, const char *value);

/* Returns 1 when the profile gives list key with exactly items[0..n). */
int vb_agency_gives_list(const vb_agency *ag, const char *key,
    const char *const *items, size_t n);

/* Returns 1 when the profile's "ky" is exactly this signature (NULL and ""
 * alike). A document's "ky" replaces the profile's as a whole, so "ky" may
 * be left out only when all of it matches. */
int vb_agency_gives_sign(const vb_agency *ag, const char *quyen_han,
    const char *tap_the, const char *thu_truong, const char *chuc_vu,
    const char *ho_ten);

#endif
