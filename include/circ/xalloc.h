/* xalloc.h: allocation wrappers that never return NULL.
 * On exhaustion they end the program through err_fatal(), which restores the
 * terminal first. Every allocation in circ goes through these. */
#ifndef CIRC_XALLOC_H
#define CIRC_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Resize an array of n elements of size bytes, checking the product. */
void *xreallocarray(void *p, size_t n, size_t size);
/* Make room in an array of *cap elements of size bytes for at least need
 * of them, doubling the capacity, so that appending n elements one by one
 * copies O(n) bytes, not O(n^2). */
void *xgrowarray(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* vprintf into a new string. */
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

#endif
