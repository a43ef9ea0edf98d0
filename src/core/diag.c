/* diag.c: collected problems, printed through err_report() (see diag.h). */
#include "circ/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "circ/err.h"
#include "circ/xalloc.h"

void diag_add(struct diag_list *dl, const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(dl, file, line, col, fmt, ap);
	va_end(ap);
}

void diag_vadd(struct diag_list *dl, const char *file, long line, long col, const char *fmt,
               va_list ap)
{
	if (dl->n == dl->cap) {
		dl->cap = dl->cap ? dl->cap * 2 : 8;
		dl->v = xreallocarray(dl->v, dl->cap, sizeof *dl->v);
	}
	char *msg = xvasprintf(fmt, ap);
	struct diag *d = &dl->v[dl->n++];
	d->file = file ? xstrdup(file) : NULL;
	d->line = line;
	d->col = col;
	d->msg = msg;
}

void diag_print(const struct diag_list *dl, size_t max)
{
	for (size_t i = 0; i < dl->n && (max == 0 || i < max); i++) {
		const struct diag *d = &dl->v[i];
		err_report(d->file, d->line, d->col, "%s", d->msg);
	}
}

void diag_clear(struct diag_list *dl)
{
	for (size_t i = 0; i < dl->n; i++) {
		free(dl->v[i].file);
		free(dl->v[i].msg);
	}
	free(dl->v);
	dl->v = NULL;
	dl->n = dl->cap = 0;
}

void diag_sort_from(struct diag_list *dl, size_t from)
{
	for (size_t i = from + 1; i < dl->n; i++) {
		struct diag d = dl->v[i];
		size_t j = i;
		while (j > from && dl->v[j - 1].line > d.line) {
			dl->v[j] = dl->v[j - 1];
			j--;
		}
		dl->v[j] = d;
	}
}
