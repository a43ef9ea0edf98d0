/* layout.h: wrapping UTF-8 text to a number of display columns.
 * Lines break only at ASCII spaces (a no-break space never breaks), never
 * inside a multi-byte character; a word wider than the line is cut between
 * characters. Widths come from utf8_width(), not from the locale. */
#ifndef CIRC_LAYOUT_H
#define CIRC_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "circ/strbuf.h"

/* The largest width accepted by --width; 0 means "do not wrap". */
#define LAYOUT_MAX_WIDTH 1000
#define LAYOUT_MIN_WIDTH 20
/* The columns of text a wrapped line keeps beside its indentation: when the
 * indentation would leave fewer, the text moves left (every line still fits
 * the width; a word is cut only when it alone is wider than this room). */
#define LAYOUT_MIN_ROOM  12

/* Append text wrapped to width columns (0: no wrapping). The first line starts
 * with indent spaces then lead (for instance "a)"); the text itself starts at
 * column indent + hang on every line (hanging indent), moved left as
 * layout_place() says when the width is too small for it. Each '\n' in text
 * starts a new line at that column. Every output line ends with '\n', has
 * no trailing space and is at most width columns wide. */
void layout_wrap(struct strbuf *out, const char *text, size_t indent, const char *lead, size_t hang,
                 size_t width);

/* Where a block goes on lines of width columns: its lead (lw columns wide)
 * at column indent, its text at column col. */
struct layout_place {
	size_t indent;
	size_t col;
	int lead_alone; /* the lead does not fit before col: on lines of its own */
};
/* The place of a block whose lead starts at indent and whose text starts at
 * indent + hang, on lines of width columns (0: unlimited): as asked when
 * the text keeps LAYOUT_MIN_ROOM columns; else the text moves left to keep
 * them (or the whole width, if narrower), and the lead with it; a lead
 * still too wide goes on lines of its own. */
struct layout_place layout_place(size_t width, size_t indent, size_t hang, size_t lw);

/* One line of wrapped text: bytes [start, end) of the text. */
struct layout_span {
	size_t start;
	size_t end;
};

/* Break text into lines of at most avail columns (0: no limit): at ASCII
 * spaces (the spaces at a break belong to no line), at each '\n', and
 * between characters inside a word wider than avail. cpw gives the columns
 * of a code point (NULL: utf8_cpwidth). Returns the number of lines, *out
 * (allocated) their spans; an empty text is one empty line. */
size_t layout_break(const char *text, size_t avail, int (*cpw)(uint32_t), struct layout_span **out);
/* Columns for text on a line of width that starts at column start (at
 * least 1; 0 when width is 0: no limit). */
size_t layout_avail(size_t width, size_t start);
/* Columns n bytes of UTF-8 take with cpw (NULL: utf8_cpwidth). */
size_t layout_text_width(const char *s, size_t n, int (*cpw)(uint32_t));

/* Append s cut to at most width columns, ending with "…" when cut (0: no cut). */
void layout_clip(struct strbuf *out, const char *s, size_t width);

#endif
