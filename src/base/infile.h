/* infile.h - every file vanban reads on behalf of a document goes through
 * here. A file a document names (an appendix, a spreadsheet, an image, the
 * agency profile) is opened below the document's folder only, without a
 * race between the check and the open (openat2 RESOLVE_BENEATH, or one
 * O_NOFOLLOW component at a time where the kernel lacks it), must be a
 * regular file, and is read with a size cap. Everything a document reads,
 * bytes and table cells, is charged to one budget, so no document can make
 * vanban read or build without bound. The files read are remembered, so
 * no output is ever written over one of them. */
#ifndef VB_INFILE_H
#define VB_INFILE_H

#include <stddef.h>
#include <sys/types.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"

/* Limits; README's "Giới hạn" section lists them with their messages. */
#define VB_MAX_FILE (32u << 20)		/* bytes of one file: the document, an appendix, a CSV */
#define VB_BUDGET_BYTES (128u << 20)	/* bytes one document reads in all (unpacked .xlsx parts too) */
#define VB_BUDGET_CELLS 2000000u	/* table cells one document builds in all */

/* The identity of a file, to tell whether two names are the same file. */
typedef struct vb_fileid {
	dev_t dev;		/* device */
	ino_t ino;		/* inode */
} vb_fileid;

/* Where a file was named (a front matter key), for messages. */
typedef struct vb_where {
	const char *file;	/* the file that names it */
	int line;		/* 1-based line, 0 when unknown */
	int col;		/* 1-based column in characters, 0 when unknown */
} vb_where;

/* The files of one document: its folder, its budget, what it has read. */
typedef struct vb_inputs {
	int dirfd;		/* the document's folder (O_PATH), -1 when not open */
	char *dir;		/* the folder as the user wrote it, for messages */
	size_t bytes;		/* bytes read so far, every file together */
	size_t cells;		/* table cells built so far */
	int over;		/* 1 once the budget was exceeded and reported */
	vb_fileid *ids;		/* every file read, the document first */
	size_t nids;		/* number of ids */
	size_t cap;		/* allocated ids */
} vb_inputs;

/* Returns the folder of path, malloc'd ("." for a bare name or "-"). */
char *vb_folder_of(const char *path);

/* Opens folder dir for the files of a document; returns 0, or -1 after
 * reporting why to d. */
int vb_inputs_open(vb_inputs *in, const char *dir, vb_diags *d);
/* Closes the folder and frees what in holds. */
void vb_inputs_close(vb_inputs *in);

/* Opens name (relative, "/" or "\" between folders) below the folder for
 * reading; returns the descriptor of a regular file of at most cap bytes,
 * remembered as read, or -1 after reporting at w why it cannot be read
 * (absolute, outside the folder, missing, not a regular file, too large). */
int vb_in_open(vb_inputs *in, const char *name, size_t cap,
    const vb_where *w, vb_diags *d);

/* Reads name below the folder, at most VB_MAX_FILE bytes, into the arena
 * (NUL-terminated) and charges it to the budget; returns the data with its
 * length in *len, or NULL after reporting. */
char *vb_in_read(vb_inputs *in, vb_arena *a, const char *name, size_t *len,
    const vb_where *w, vb_diags *d);

/* Reads the document itself: path, or standard input for "-" (shown as
 * "<stdin>"); any file or stream the user names, at most VB_MAX_FILE
 * bytes, charged to the budget. Returns the data in the arena with *len,
 * or NULL after reporting. */
char *vb_in_read_main(vb_inputs *in, vb_arena *a, const char *path,
    size_t *len, vb_diags *d);

/* Charges bytes and cells to the budget; returns 0, or -1 (reported once,
 * at w) when the document would read more than the budget allows. */
int vb_in_charge(vb_inputs *in, size_t bytes, size_t cells,
    const vb_where *w, vb_diags *d);

/* Remembers the file open as fd as read (never to be written over);
 * returns 0 or -1. */
int vb_in_note(vb_inputs *in, int fd);

/* Returns 1 when the file dev/ino is one the document has read. */
int vb_in_was_read(const vb_inputs *in, dev_t dev, ino_t ino);

/* Reads fd to its end, at most cap bytes, into out; returns 0, -1 on a
 * read error (errno set), or -2 when there is more than cap. */
int vb_read_fd(int fd, size_t cap, vb_buf *out);

#endif
