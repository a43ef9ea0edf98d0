/* page.h: the browser's reader, laid out: the whole document as the lines
 * `circ --dump` prints at a width, each line made of segments that say which
 * text of which part they show, so that the browser can draw citations,
 * unit names and search matches where they fall, and know which part every
 * line belongs to. Built with the same wrapping as the command line. */
#ifndef CIRC_PAGE_H
#define CIRC_PAGE_H

#include <stddef.h>
#include <stdint.h>

#include "circ/doc.h"
#include "circ/search.h"

struct page_seg {
	/* d->root for the title block, with field SEARCH_DOCTYPE or
	 * SEARCH_TITLE: as a search_hit says where a match is */
	const struct doc_part *part;
	enum search_field field; /* which of the part's texts */
	const char *src;         /* that text */
	size_t start, end;       /* the bytes of src on this line */
	size_t col;              /* the column it starts at */
};

struct page_line {
	size_t seg;                  /* index of its first segment */
	size_t nsegs;                /* 0 for a blank line */
	const struct doc_part *part; /* the part it belongs to (NULL: title) */
};

struct page {
	struct page_line *lines;
	size_t nlines, lines_cap;
	struct page_seg *segs;
	size_t nsegs, segs_cap;
	size_t width;
	size_t *first_line; /* the first line of each part, by part order */
	size_t nparts;
};

/* Lay d out at width columns (at least LAYOUT_MIN_WIDTH is sensible; any
 * width > 0 works). cpw gives each code point's columns (NULL:
 * utf8_cpwidth), so that a transliterating display wraps right. */
void page_build(struct page *pg, const struct doc *d, size_t width, int (*cpw)(uint32_t));
void page_free(struct page *pg);
/* The first line of part p (0 for the root). */
size_t page_line_of(const struct page *pg, const struct doc_part *p);

#endif
