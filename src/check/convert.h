/* convert.h - Vietnamese text in the legacy 8-bit encodings (TCVN3 "ABC"
 * for the .VnTime fonts, VNI-Windows for the VNI-Times fonts) recognised
 * and rewritten as Unicode NFC. The input is either the legacy bytes
 * themselves or text pasted from an old document, whose legacy bytes were
 * read as Windows-1252 characters ("Céng hoµ", "Coäng hoøa"). */
#ifndef VB_CONVERT_H
#define VB_CONVERT_H

#include <stddef.h>

#include "base/arena.h"

/* A legacy encoding. */
typedef enum vb_legacy {
	VB_LEGACY_NONE,		/* not legacy text (or not sure) */
	VB_LEGACY_TCVN3,	/* TCVN 5712:1993 VN3, "ABC", .VnTime fonts */
	VB_LEGACY_VNI		/* VNI-Windows, VNI-Times fonts */
} vb_legacy;

/* Guesses whether s[0..len) holds legacy Vietnamese. With utf8 set, s is
 * UTF-8 whose characters U+0080-U+00FF (and the Windows-1252 ones) stand
 * for legacy bytes; otherwise every byte is a legacy code. Returns the
 * encoding, and in *at (when not NULL) the byte offset of its first sign. */
vb_legacy vb_legacy_guess(const char *s, size_t len, int utf8, size_t *at);

/* Returns the name of an encoding for messages: "TCVN3 (ABC)", "VNI". */
const char *vb_legacy_name(vb_legacy enc);
/* Returns the --from value of an encoding: "tcvn3", "vni". */
const char *vb_legacy_key(vb_legacy enc);
/* Returns the encoding named by a --from value, or VB_LEGACY_NONE. */
vb_legacy vb_legacy_from_key(const char *key);

/* Converts data[0..len) from enc to NFC UTF-8 in the arena. Invalid UTF-8
 * is taken as legacy bytes, every line converted. Valid UTF-8 is taken as
 * pasted text: every line is converted when the text has no Vietnamese
 * Unicode letter at all, otherwise only the lines that show legacy signs
 * and no Unicode Vietnamese. Returns the text (its length in *outlen) and
 * the number of lines changed in *changed, or NULL when out of memory. */
char *vb_legacy_convert(vb_arena *a, vb_legacy enc, const char *data,
    size_t len, size_t *outlen, size_t *changed);

#endif
