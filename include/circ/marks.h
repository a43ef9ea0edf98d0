/* marks.h: the user's marks, as in less: m and a letter remember a place in
 * a document, ' and the letter return to it, also after a restart.
 *
 * A mark is a letter (a-z, A-Z), a document (its key: the work IRI, else
 * the file's absolute path) and a place in it (a part's eId, NULL for the
 * title block, and a line offset within that part). The marks of every
 * document live in one file, $XDG_STATE_HOME/circ/marks when XDG_STATE_HOME
 * is set and absolute (the XDG spec ignores a relative one), else
 * $HOME/.local/state/circ/marks. Without an absolute HOME, marks last until
 * circ ends. Restricted mode writes no file: then the caller does not use
 * this module at all.
 *
 * The file is text, one mark per line after a header line naming the
 * format (MARKS_HEADER):
 *   KEY <TAB> LETTER <TAB> EID <TAB> LINE
 * an empty EID being the title block. A key or an eId that is empty or
 * holds a tab or a line break cannot be saved. Lines that do not parse are skipped when
 * read and dropped when the file is next written. Each marks_set() reads
 * the file again, changes its mark and writes the whole file anew (a
 * temporary file in the same directory, renamed over it; mode 0600; missing
 * directories made with mode 0700), so other documents' marks, and marks
 * set by another circ meanwhile, are kept.
 *
 * Errors come back as messages (allocated, translated) for the status line;
 * nothing here prints or exits. No curses here. */
#ifndef CIRC_MARKS_H
#define CIRC_MARKS_H

#include <stddef.h>

struct doc;

/* The first line of the file: MARKS_HEADER_NAME, MARKS_VERSION, then a
 * colon and words for people. A file whose first line starts with
 * MARKS_HEADER_NAME and another version is of a later format: it is
 * neither read nor replaced. */
#define MARKS_HEADER_NAME "# circ marks "
#define MARKS_VERSION     "1"
#define MARKS_HEADER      MARKS_HEADER_NAME MARKS_VERSION ": KEY<TAB>LETTER<TAB>EID<TAB>LINE"

struct mark {
	int letter; /* 'a'..'z', 'A'..'Z' */
	char *eid;  /* the part's eId; NULL for the title block */
	size_t line;
};

/* One document's marks (opaque). */
struct marks;

/* 1 when c can name a mark (a-z, A-Z), else 0. */
int marks_letter_ok(int c);
/* The key of d's marks (allocated): its work IRI when it has one, else the
 * absolute path of its file (realpath), else the path as given. */
char *marks_doc_key(const struct doc *d);
/* The marks file's path (allocated), or NULL when there is no place for it
 * (neither XDG_STATE_HOME nor HOME is an absolute path). */
char *marks_file(void);

/* The marks of the document whose key is dockey, loaded from the marks
 * file. Never NULL. A missing file is no marks; a file that exists but
 * cannot be read (or is of a later format) gives no marks and *err
 * (allocated), and marks_set() will not replace it. Otherwise *err is left
 * alone. */
struct marks *marks_open(const char *dockey, char **err);
/* The mark named letter, or NULL when it is not set (or letter is no mark
 * letter). Valid until the next marks_set() or marks_close(). */
const struct mark *marks_get(const struct marks *m, int letter);
/* Set the mark letter to (eid, line) and save the marks file at once.
 * Returns 0 when set and saved; 1 when set for this run of circ only, with
 * *err saying why it was not saved (no HOME, the file cannot be read or
 * written, the document's key is empty or holds a tab or line break); the
 * next marks_set() tries to save it again. -1 with *err when nothing was
 * set (letter is no mark letter; eid is "" or holds a tab or line break). */
int marks_set(struct marks *m, int letter, const char *eid, size_t line, char **err);
void marks_close(struct marks *m);

#endif
