/* pdftext.h: a PDF turned into text for `circ import`, by running
 * `pdftotext -layout FILE -` (poppler-utils) without a shell. The text
 * keeps pdftotext's form feeds between pages; the importer's page cleaning
 * (import_page.c) takes the page furniture out of it. */
#ifndef CIRC_PDFTEXT_H
#define CIRC_PDFTEXT_H

#include <stddef.h>

#include "circ/strbuf.h"

/* The program run, looked up in PATH. */
#define PDFTEXT_PROGRAM "pdftotext"

/* What pdftext_run returns. */
enum pdftext_status {
	PDFTEXT_OK = 0,
	PDFTEXT_MISSING,    /* pdftotext is not installed (not in PATH) */
	PDFTEXT_FAILED,     /* it could not be started, or rejected the file */
	PDFTEXT_RESTRICTED, /* restricted mode: no command is run */
	PDFTEXT_TOO_LARGE,  /* its text is larger than the limit */
};

/* Whether the n bytes of data are a PDF: they start with "%PDF-". */
int pdftext_is_pdf(const char *data, size_t n);

/* The text of the PDF file path (NULL: the n bytes of data, written to a
 * temporary file first) added to out, at most limit bytes. Unless
 * PDFTEXT_OK, *err is a one-line message (allocated) saying what went
 * wrong, with what pdftotext said on its standard error. restricted: run
 * nothing (PDFTEXT_RESTRICTED). */
enum pdftext_status pdftext_run(const char *path, const char *data, size_t n, int restricted,
                                size_t limit, struct strbuf *out, char **err);

#endif
