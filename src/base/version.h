/* version.h - the program's version. */
#ifndef VB_VERSION_H
#define VB_VERSION_H
#define VB_VERSION "0.1.0"
#endif
