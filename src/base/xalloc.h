/* xalloc.h - allocation that cannot fail: out of memory aborts, in one place.
 */
#ifndef BAYRAQ_XALLOC_H
#define BAYRAQ_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
/* realloc of n * size bytes; aborts on overflow or out of memory. */
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* A newly allocated formatted string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
