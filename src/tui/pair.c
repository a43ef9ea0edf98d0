/* pair.c: two language versions of a document laid out side by side (V):
 * each laid out by page.c in half the width, then merged row by row so
 * that the parts with the same eId start on the same row, the shorter side
 * of each stretch padded with blank rows. The result is a page like any
 * other (its lines and parts are the left document's), so that the reader
 * scrolls, searches and selects links in it as in one document. */
#include <stdlib.h>
#include <string.h>

#include "tui.h"

/* Columns between the two sides (the divider in the middle). */
#define PAIR_GAP 3

/* Append one row: lines la of a (or none) and lb of b (or none). */
static void add_row(struct page *out, size_t *segcap, const struct page *a, long la,
                    const struct page *b, long lb, const struct doc_part *part, size_t bcol)
{
	out->lines = xgrowarray(out->lines, &out->lines_cap, out->nlines + 1, sizeof *out->lines);
	struct page_line *ln = &out->lines[out->nlines++];
	ln->seg = out->nsegs;
	ln->nsegs = 0;
	ln->part = la >= 0 ? a->lines[la].part : part;
	const struct page *side[2] = {a, b};
	long at[2] = {la, lb};
	for (int k = 0; k < 2; k++) {
		if (at[k] < 0)
			continue;
		const struct page_line *src = &side[k]->lines[at[k]];
		for (size_t i = 0; i < src->nsegs; i++) {
			out->segs =
			    xgrowarray(out->segs, segcap, out->nsegs + 1, sizeof *out->segs);
			struct page_seg *s = &out->segs[out->nsegs++];
			*s = side[k]->segs[src->seg + i];
			if (k == 1)
				s->col += bcol;
			ln->nsegs++;
		}
	}
}

void pair_build(struct page *out, const struct doc *a, const struct doc *b, size_t width,
                int (*cpw)(uint32_t), int *col)
{
	size_t wa = width > PAIR_GAP + 2 ? (width - PAIR_GAP) / 2 : 1;
	size_t wb = width > wa + PAIR_GAP ? width - wa - PAIR_GAP : 1;
	struct page pa, pb;
	page_build(&pa, a, wa, cpw);
	page_build(&pb, b, wb, cpw);
	memset(out, 0, sizeof *out);
	out->width = width;
	out->nparts = pa.nparts;
	out->first_line = xcalloc(pa.nparts ? pa.nparts : 1, sizeof *out->first_line);
	/* the anchors: a's parts that b has (same eId), in the order of
	 * both; each stretch between two anchors is laid out as one */
	size_t *ax = xcalloc(a->nparts + 2, sizeof *ax), *bx = xcalloc(a->nparts + 2, sizeof *bx);
	const struct doc_part **ap = xcalloc(a->nparts + 2, sizeof *ap);
	size_t n = 0;
	ax[n] = bx[n] = 0;
	ap[n++] = NULL;
	for (size_t i = 0; i < a->nparts; i++) {
		const struct doc_part *p = a->parts[i];
		const struct doc_part *q = p->eid ? doc_find_eid(b, p->eid) : NULL;
		if (q == NULL || p->order >= pa.nparts || q->order >= pb.nparts)
			continue;
		size_t la = pa.first_line[p->order], lb = pb.first_line[q->order];
		if (la == (size_t)-1 || lb == (size_t)-1 || la < ax[n - 1] || lb < bx[n - 1])
			continue;
		ax[n] = la;
		bx[n] = lb;
		ap[n++] = p;
	}
	ax[n] = pa.nlines;
	bx[n] = pb.nlines;
	/* the row of each of a's lines */
	size_t *row = xcalloc(pa.nlines + 1, sizeof *row);
	size_t segcap = 0;
	for (size_t k = 0; k < n; k++) {
		size_t lena = ax[k + 1] - ax[k], lenb = bx[k + 1] - bx[k];
		size_t rows = lena > lenb ? lena : lenb;
		for (size_t r = 0; r < rows; r++) {
			long la = r < lena ? (long)(ax[k] + r) : -1;
			long lb = r < lenb ? (long)(bx[k] + r) : -1;
			if (la >= 0)
				row[la] = out->nlines;
			/* a padding row belongs to the part above it */
			const struct doc_part *part =
			    lena ? pa.lines[ax[k] + lena - 1].part : ap[k];
			add_row(out, &segcap, &pa, la, &pb, lb, part, wa + PAIR_GAP);
		}
	}
	out->segs_cap = segcap;
	for (size_t i = 0; i < pa.nparts; i++)
		out->first_line[i] =
		    pa.first_line[i] == (size_t)-1 ? (size_t)-1 : row[pa.first_line[i]];
	*col = (int)wa;
	free(row);
	free(ax);
	free(bx);
	free(ap);
	page_free(&pa);
	page_free(&pb);
}
