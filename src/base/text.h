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
/* Returns 1 when s[0..len) holds a character that XML (and so a DOCX)
 * cannot hold: a control character other than tab and line ends, U+FFFE,
 * U+FFFF, or bytes that are not UTF-8 (given as U+FFFD); sets *off to its
 * byte offset and *cp to it. Returns 0 when there is none. */
int vb_text_xml_unsafe(const char *s, size_t len, size_t *off, unsigned *cp);
/* Writes s[0..len) to out (room for len * 3 + 1 bytes) with every such
 * character replaced by U+FFFD, NUL-terminated; returns its length. */
size_t vb_text_xml_replace(const char *s, size_t len, char *out);
/* Returns s with every such character replaced by U+FFFD, or s itself
 * when it has none. */
const char *vb_text_xml_clean(vb_arena *a, const char *s);
/* Longest run of characters without white space or '|' a document may
 * hold: no real word is that long, and laying one out costs time
 * quadratic in its length. */
#define VB_MAX_WORD 2000
/* Returns the byte offset where the first run of more than max characters
 * without white space or '|' starts in s[0..len), or len when none. */
size_t vb_text_long_word(const char *s, size_t len, size_t max);
/* Returns the number of characters in the first nbytes bytes of s. */
size_t vb_utf8_chars(const char *s, size_t nbytes);
/* Returns s with leading and trailing white space removed. */
char *vb_text_trim(vb_arena *a, const char *s);

/* Returns a list item s trimmed, without a leading "- " and without
 * trailing characters of trail (";." or ";.,"): "- Sở Tài chính;" ->
 * "Sở Tài chính". */
char *vb_text_bare_item(vb_arena *a, const char *s, const char *trail);

/* Returns s without diacritics, in ASCII, with runs of other characters
 * replaced by '_' ("Phó Giám đốc" -> "Pho_Giam_doc"). */
char *vb_text_ascii(vb_arena *a, const char *s);

/* Returns s folded for matching a word whatever its spelling: ASCII
 * without diacritics, lower case, letters and digits only ("Hỏa tốc" ->
 * "hoatoc"). */
char *vb_text_fold(vb_arena *a, const char *s);

/* Returns the edit (Levenshtein) distance between two short strings, by
 * bytes; 99 for strings of 63 bytes or more. Used for "did you mean". */
size_t vb_edit_distance(const char *a, const char *b);
/* Returns the index of the row whose name is closest to key, within an
 * edit distance of 3 (the first of equally close ones), or -1: the "did
 * you mean" suggestion. rows is a table of rows stride bytes apart, each
 * starting with its name (a const char *), ended by a NULL name; an
 * array of names is such a table. */
int vb_text_closest(const char *key, const void *rows, size_t stride);

#endif
