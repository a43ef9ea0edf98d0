/* diag.h: a list of problems found in a document, each with its position.
 * The loader collects them so that `circ --check` can list every problem;
 * they are printed through err_report(), one line each. The list owns its
 * strings. */
#ifndef CIRC_DIAG_H
#define CIRC_DIAG_H

#include <stdarg.h>
#include <stddef.h>

struct diag {
	char *file;
	long line; /* 0 when unknown */
	long col;  /* 0 when unknown */
	char *msg;
};

struct diag_list {
	struct diag *v;
	size_t n;
	size_t cap;
};

#define DIAG_LIST_INIT                                                                             \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

void diag_add(struct diag_list *dl, const char *file, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* The same with the arguments of a variadic function. */
void diag_vadd(struct diag_list *dl, const char *file, long line, long col, const char *fmt,
               va_list ap) __attribute__((format(printf, 5, 0)));
/* Print the first max problems (all when max is 0). */
void diag_print(const struct diag_list *dl, size_t max);
void diag_clear(struct diag_list *dl);
/* Order the problems from index from on by line, keeping the order of
 * problems on the same line. */
void diag_sort_from(struct diag_list *dl, size_t from);

#endif
