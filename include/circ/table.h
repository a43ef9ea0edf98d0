/* table.h: laying a table part out on lines of a given width, for the
 * command line's views (view.c) and the browser's page (page.c) alike.
 *
 * A table that fits is drawn in a frame of box-drawing characters (the
 * browser shows them as ASCII on a terminal that is not UTF-8), its cells
 * wrapped in columns as wide as their text needs; a table too wide gets
 * narrower columns, each at least as wide as its longest word (at most
 * TABLE_MAX_WORD); one that does not fit even so is stacked: each row in
 * turn, each cell on lines of its own after its column's heading ("Unit:
 * Example Liaison Unit"), a rule between rows. */
#ifndef CIRC_TABLE_H
#define CIRC_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "circ/doc.h"

/* A column is never made narrower than its longest word up to this. */
#define TABLE_MAX_WORD 16

/* A piece of a line: bytes [start, end) of src at column col. src is the
 * table part's text (rule == 0) or a string of rule characters (rule == 1). */
struct table_seg {
	const char *src;
	size_t start, end;
	size_t col;
	int rule;
};

struct table_line {
	size_t seg; /* index of its first segment */
	size_t nsegs;
};

struct table_out {
	struct table_seg *segs;
	size_t nsegs, segs_cap;
	struct table_line *lines;
	size_t nlines, lines_cap;
	int stacked; /* the table did not fit: stacked */
};

/* Lay table part p out from column indent on lines of width columns (0:
 * unlimited); cpw gives a code point's columns (NULL: utf8_cpwidth). */
void table_layout(struct table_out *o, const struct doc_part *p, size_t width, size_t indent,
                  int (*cpw)(uint32_t));
void table_out_free(struct table_out *o);

#endif
