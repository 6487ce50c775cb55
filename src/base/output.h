/* output.h - writing results. Every file vanban writes (DOCX, PDF, a
 * converted or imported Markdown and its appendix files, a saved document)
 * goes through an output set: the files of one result are checked first
 * (never a folder, a device or FIFO, a file the document was read from, or
 * an existing file unless replacing is allowed), then written to temporary
 * files beside their targets and renamed into place together, all or none.
 * Catchable termination signals wait until the set is committed, so no
 * temporary file is left behind; a replaced file keeps its mode, a new one
 * gets 0666 less the umask. */
#ifndef VB_OUTPUT_H
#define VB_OUTPUT_H

#include <stddef.h>
#include <sys/types.h>

#include "buf.h"
#include "diag.h"
#include "infile.h"

/* One file of an output set. */
typedef struct vb_outfile {
	char *path;		/* where it goes, as given ("-": standard output) */
	char *target;		/* the file renamed over (a symlink's target), or NULL */
	char *data;		/* the bytes to write (owned) */
	size_t len;		/* number of bytes */
	mode_t mode;		/* permissions the file gets */
	int existed;		/* 1 when an existing file is replaced */
	char *tmp;		/* temporary file beside the target while committing */
	char *backup;		/* second name of the replaced file while committing */
} vb_outfile;

/* Files committed together. */
typedef struct vb_outset {
	vb_outfile *files;	/* the files, in the order added */
	size_t n;		/* number of files */
	size_t cap;		/* allocated entries */
	int replace;		/* 1 when an existing file may be replaced */
	const char *force;	/* option that allows replacing, named when refused */
	const vb_inputs *inputs; /* files never to be written over, or NULL */
} vb_outset;

/* Starts an empty set. With replace 0 an existing target is refused and
 * force (e.g. "--ghi-de", or NULL) is named in the message; inputs (may be
 * NULL) are the files the result was made from. */
void vb_out_init(vb_outset *s, int replace, const char *force,
    const vb_inputs *inputs);

/* Adds a file to the set, taking over data's bytes (data is left empty);
 * returns 0, or -1 when memory runs out. */
int vb_out_add(vb_outset *s, const char *path, vb_buf *data);

/* Checks every target, then writes them all or none; returns 0, or -1
 * after reporting why to d (nothing written, old files untouched). */
int vb_out_commit(vb_outset *s, vb_diags *d);

/* Frees the set. */
void vb_out_free(vb_outset *s);

/* Writes one file: an output set of data[0..len) alone. Returns 0 or -1
 * after reporting to d. */
int vb_write_atomic(const char *path, const char *data, size_t len,
    int replace, const char *force, const vb_inputs *inputs, vb_diags *d);

/* Checks that everything written to standard output reached it (flush and
 * error state); returns 0, or -1 after printing why. Call before exiting. */
int vb_stdout_close(void);

/* Writes all of p[0..len) to fd, again after a signal; returns 0 or -1
 * with errno set. */
int vb_write_fd(int fd, const void *p, size_t len);

#endif
