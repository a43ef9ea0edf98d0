/* print.h: sending a text (a summary, a part, search results) to where the
 * user wants it: a file (never overwritten without consent, written to a
 * temporary file then renamed), a print command on the server (started
 * without a shell, the text on its standard input), or the printer attached
 * to the user's own terminal (printer controller mode: the terminal's mc5
 * ... mc4, or ESC [5i ... ESC [4i). Errors come back as messages; nothing
 * here prints or exits. Also the header every printout starts with (the
 * command line's --print and the browser's print dialog alike), and how
 * many pages a text fills. */
#ifndef CIRC_PRINT_H
#define CIRC_PRINT_H

#include <stddef.h>
#include <sys/types.h>

#include "circ/doc.h"
#include "circ/strbuf.h"

#define PRINT_DEFAULT_COMMAND "lpr"
#define PRINT_ANSI_ON         "\033[5i"
#define PRINT_ANSI_OFF        "\033[4i"

/* What print_to_file returns when path exists and force is not given. */
#define PRINT_EXISTS (-2)

/* Write text to path: 0, or -1 with *err (allocated). An existing file (or a
 * symbolic link) is refused unless force: PRINT_EXISTS with *err. A regular
 * file is replaced atomically (a temporary file in its directory, renamed
 * over it) and keeps its permissions; through a symbolic link, the link's
 * target is replaced and the link stays; a device or a pipe is written to. */
int print_to_file(const char *text, size_t n, const char *path, int force, char **err);
struct stat;
/* Write n bytes of text to a new file beside path, with mode (and the
 * owner of old, when given and allowed), then rename it over path: readers
 * see the old file or the new one, never half of one. 0, or -1 with *err
 * (allocated). Used by print_to_file and by the marks file. */
int print_replace_file(const char *text, size_t n, const char *path, mode_t mode,
                       const struct stat *old, char **err);
/* Split a command line into words (spaces separate; '...' and "..." quote;
 * no shell). NULL-terminated, allocated; NULL with *err when malformed. */
char **print_split(const char *command, char **err);
void print_free_words(char **words);
/* Run command (no shell) with text on its standard input and wait for it:
 * 0, or -1 with *err (not found, killed, non-zero exit status). */
int print_to_command(const char *text, size_t n, const char *command, char **err);
/* The bytes that print text on the terminal's printer: on, the text with
 * every line ending CR LF (raw-text printers need the CR), a form feed at
 * its end, off. Allocated, *len set. */
char *print_media_copy(const char *text, size_t n, const char *on, const char *off, size_t *len);
/* Send print_media_copy's bytes to the terminal on fd, exactly (the
 * terminal's own output processing is off while they are written): what
 * the command line and the browser both use. 0, or -1 with *err. */
int print_to_terminal(int fd, const char *text, size_t n, const char *on, const char *off,
                      char **err);
/* Lines on a printed page: the 66 of an 11-inch page at 6 lines an inch,
 * what lpr, pr and nroff assume. */
#define PRINT_PAGE_LINES 66

/* What a printout holds, for its header. */
enum print_kind {
	PRINT_OUTLINE,   /* the outline (--toc) */
	PRINT_TEXT,      /* the whole text (--dump) */
	PRINT_PART,      /* part and everything below it (--show; the part on
	                  * screen); the root is the whole text */
	PRINT_CITED_BY,  /* the parts that cite part (--cited-by) */
	PRINT_REFS,      /* every citation (--refs) */
	PRINT_MATCHES,   /* the search results (--search; the browser's) */
	PRINT_UNITS,     /* the organisation as a tree (--units) */
	PRINT_SUMMARY,   /* unit's summary (--summary) */
	PRINT_SUMMARIES, /* unit and every unit below it, a page each
	                  * (--summary --recursive); the whole organisation
	                  * when unit is unit_root() */
	PRINT_CHECK      /* the verdict of --check */
};

struct unit;

struct print_subject {
	enum print_kind kind;
	const struct doc_part *part; /* PRINT_PART, PRINT_CITED_BY */
	const struct unit *unit;     /* PRINT_SUMMARY, PRINT_SUMMARIES */
	const char *pattern;         /* PRINT_MATCHES: as typed, without the slash */
	size_t matches;              /* PRINT_MATCHES: how many */
};

/* How many pages n bytes of text fill: form feeds separate pages (a last
 * one ends the text and starts none), and a page of more than page_lines
 * lines (0: no limit) takes several. An empty text fills none. */
size_t print_pages(const char *text, size_t n, size_t page_lines);
/* The line saying what a printout holds, in the user's language: "The
 * summary of Section des réseaux", "Search results: /appui, 44 matches".
 * Allocated. */
char *print_what(const struct doc *d, const struct print_subject *s);
/* Append the header of a printout of body (the text that follows it): the
 * bulletin's symbol and title ("ST/SGB/2010/2 — Organisation du ..."),
 * what is printed and how many pages the printout (header and body) fills
 * at PRINT_PAGE_LINES lines a page, then a blank line; wrapped to width
 * (0: not wrapped), the width of body. */
void print_header(struct strbuf *out, const struct doc *d, const struct print_subject *s,
                  const char *body, size_t width);

/* A file name for a text about name: "circ-" and name in lower-case ASCII
 * letters, digits and dashes, ".txt" (allocated). */
char *print_default_name(const char *name);

#endif
