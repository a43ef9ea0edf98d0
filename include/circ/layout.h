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

/* Append text wrapped to width columns (0: no wrapping). The first line starts
 * with indent spaces then lead (for instance "a)"); the text itself starts at
 * column indent + hang on every line (hanging indent). Each '\n' in text
 * starts a new line at that column. Every output line ends with '\n' and has
 * no trailing space. */
void layout_wrap(struct strbuf *out, const char *text, size_t indent, const char *lead, size_t hang,
                 size_t width);

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
 * least 10; 0 when width is 0: no limit). */
size_t layout_avail(size_t width, size_t start);
/* Columns n bytes of UTF-8 take with cpw (NULL: utf8_cpwidth). */
size_t layout_text_width(const char *s, size_t n, int (*cpw)(uint32_t));

/* Append s cut to at most width columns, ending with "…" when cut (0: no cut). */
void layout_clip(struct strbuf *out, const char *s, size_t width);

#endif
