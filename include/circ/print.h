/* print.h: sending a text (a summary, a part, search results) to where the
 * user wants it: a file (never overwritten without consent, written to a
 * temporary file then renamed), a print command on the server (started
 * without a shell, the text on its standard input), or the printer attached
 * to the user's own terminal (printer controller mode: the terminal's mc5
 * ... mc4, or ESC [5i ... ESC [4i). Errors come back as messages; nothing
 * here prints or exits. */
#ifndef CIRC_PRINT_H
#define CIRC_PRINT_H

#include <stddef.h>

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
/* A file name for a text about name: "circ-" and name in lower-case ASCII
 * letters, digits and dashes, ".txt" (allocated). */
char *print_default_name(const char *name);

#endif
