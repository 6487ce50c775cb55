/* legacy_tables.h - the code tables of the legacy Vietnamese encodings and
 * of Windows-1252, the code page pasted legacy text arrives in. */
#ifndef VB_LEGACY_TABLES_H
#define VB_LEGACY_TABLES_H

#include "convert.h"

/* Returns the UTF-8 text legacy byte b stands for in enc: a letter, or for
 * VNI a combining tone or shape mark that follows its base letter. Returns
 * NULL when enc does not use b (it is then read as Windows-1252). */
const char *vb_legacy_byte(vb_legacy enc, unsigned char b);
/* Returns the Unicode character Windows-1252 shows byte b (0x80-0xFF) as. */
unsigned vb_cp1252_char(unsigned char b);
/* Returns the byte that Windows-1252 shows as character cp, or -1 when
 * cp is not one of its characters above 0x7F. */
int vb_cp1252_byte(unsigned cp);

#endif
