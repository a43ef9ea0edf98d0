/* summary.h: plain-text views of the organisation, fit for a terminal and a
 * printer: the unit tree, and unit summaries (name, kind, place in the
 * hierarchy, head and reporting line, composition, functions in full, where
 * else the bulletin names it, the paragraphs it comes from). Every fact is
 * followed by the part of the bulletin that states it. The command line
 * prints these and the browser shows and prints the same text. */
#ifndef CIRC_SUMMARY_H
#define CIRC_SUMMARY_H

#include <stddef.h>

#include "circ/doc.h"
#include "circ/strbuf.h"
#include "circ/units.h"

/* Summaries are wrapped to this width unless told otherwise. */
#define SUMMARY_WIDTH 72

/* The organisation as an indented tree: the Department and everything below
 * it, then the bodies outside the Department; each line "kind: name — head".
 * Lines are cut to width (0: not cut). */
void summary_tree(struct strbuf *out, const struct doc *d, size_t width);
/* One unit's summary, with the bulletin's symbol and title as a header. */
void summary_unit(struct strbuf *out, const struct doc *d, const struct unit *u, size_t width);
/* Several summaries, separated by form feeds (one unit a page). */
void summary_units(struct strbuf *out, const struct doc *d, struct unit *const *units, size_t n,
                   size_t width);

#endif
