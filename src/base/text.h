/* text.h - Vietnamese text handling through ICU, in one place: NFC
 * normalisation, upper-casing, UTF-8 checks and character columns. */
#ifndef VB_TEXT_H
#define VB_TEXT_H

#include <stddef.h>

#include "arena.h"

/* Returns the NFC form of s[0..len) in the arena, or NULL on bad UTF-8. */
char *vb_text_nfc(vb_arena *a, const char *s, size_t len);
/* Returns s upper-cased the Vietnamese way (đ -> Đ, tone marks kept). */
char *vb_text_upper(vb_arena *a, const char *s);
/* Returns s with its first letter upper-cased. */
char *vb_text_capitalize(vb_arena *a, const char *s);
/* Returns s lower-cased. */
char *vb_text_lower(vb_arena *a, const char *s);
/* Returns 1 when s[0..len) is valid UTF-8, else 0 and the offset of the
 * first bad byte in *bad. */
int vb_utf8_valid(const char *s, size_t len, size_t *bad);
/* Returns the number of characters in the first nbytes bytes of s. */
size_t vb_utf8_chars(const char *s, size_t nbytes);
/* Returns s with leading and trailing white space removed. */
char *vb_text_trim(vb_arena *a, const char *s);

/* Returns s without diacritics, in ASCII, with runs of other characters
 * replaced by '_' ("Phó Giám đốc" -> "Pho_Giam_doc"). */
char *vb_text_ascii(vb_arena *a, const char *s);

/* Returns the edit (Levenshtein) distance between two short strings, by
 * bytes; 99 for strings of 63 bytes or more. Used for "did you mean". */
size_t vb_edit_distance(const char *a, const char *b);

#endif
