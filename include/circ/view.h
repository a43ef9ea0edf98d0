/* view.h: the plain-text renderings of the document views. The command line
 * prints them as they are and the terminal browser shows the same text, so
 * both always agree. Every function appends to out; width 0 means "do not
 * wrap or cut". */
#ifndef CIRC_VIEW_H
#define CIRC_VIEW_H

#include <stddef.h>

#include "circ/doc.h"
#include "circ/strbuf.h"

/* The outline: one line per section, paragraph, point and sub-point, indented
 * by depth, with the num and the heading or the first words of the text. */
void view_toc(struct strbuf *out, const struct doc *d, size_t width);
/* One part and everything below it, wrapped to width. */
void view_part(struct strbuf *out, const struct doc_part *p, size_t width);
/* The whole document as plain text: title block, preamble, sections,
 * conclusions. */
void view_dump(struct strbuf *out, const struct doc *d, size_t width);

/* The column where a paragraph's or point's number starts, in a view whose
 * top part is at depth base (points are indented four columns a level). */
size_t view_lead_col(const struct doc_part *p, int base);

#endif
