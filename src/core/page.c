/* page.c: the reader's layout (see page.h). It follows view_dump() line for
 * line: the title block, then each top-level part with a blank line between
 * blocks; a section's number and heading on their own lines; a paragraph's
 * or point's number with its text hanging after it. */
#include "circ/page.h"

#include <stdlib.h>
#include <string.h>

#include "circ/layout.h"
#include "circ/table.h"
#include "circ/view.h"
#include "circ/xalloc.h"

struct builder {
	struct page *pg;
	size_t width;
	int (*cpw)(uint32_t);
};

static struct page_line *new_line(struct builder *b, const struct doc_part *p)
{
	struct page *pg = b->pg;
	pg->lines = xgrowarray(pg->lines, &pg->lines_cap, pg->nlines + 1, sizeof *pg->lines);
	struct page_line *l = &pg->lines[pg->nlines++];
	l->seg = pg->nsegs;
	l->nsegs = 0;
	l->part = p;
	return l;
}

static void add_seg(struct builder *b, const struct doc_part *p, enum search_field f,
                    const char *src, size_t start, size_t end, size_t col)
{
	struct page *pg = b->pg;
	pg->segs = xgrowarray(pg->segs, &pg->segs_cap, pg->nsegs + 1, sizeof *pg->segs);
	struct page_seg *s = &pg->segs[pg->nsegs++];
	s->part = p;
	s->field = f;
	s->src = src;
	s->start = start;
	s->end = end;
	s->col = col;
	pg->lines[pg->nlines - 1].nsegs++;
	/* a part starts on its first line that shows something (the
	 * title block's segments, of the root, are no part's) */
	if (p && p->kind != DOC_KIND_DOCUMENT && p->order < pg->nparts &&
	    pg->first_line[p->order] == (size_t)-1)
		pg->first_line[p->order] = pg->nlines - 1;
}

/* Text wrapped from column start; the first line may carry a lead segment
 * (a number) at column lead_at. The lines belong to p, but to no part
 * (NULL) for the root's title block. */
static void wrapped(struct builder *b, const struct doc_part *p, enum search_field f,
                    const char *text, size_t start, const char *lead, size_t lead_at)
{
	struct layout_span *v;
	size_t n = layout_break(text, layout_avail(b->width, start), b->cpw, &v);
	for (size_t i = 0; i < n; i++) {
		new_line(b, p && p->kind == DOC_KIND_DOCUMENT ? NULL : p);
		if (i == 0 && lead && *lead)
			add_seg(b, p, SEARCH_NUM, lead, 0, strlen(lead), lead_at);
		if (v[i].end > v[i].start)
			add_seg(b, p, f, text, v[i].start, v[i].end, start);
	}
	free(v);
}

/* A table part: its caption, then the lines of its grid. */
static void table_block(struct builder *b, const struct doc_part *p)
{
	size_t indent = view_lead_col(p, 0);
	if (p->heading)
		wrapped(b, p, SEARCH_HEADING, p->heading, indent, NULL, 0);
	struct table_out o;
	table_layout(&o, p, b->width, indent, b->cpw);
	for (size_t i = 0; i < o.nlines; i++) {
		new_line(b, p);
		for (size_t k = 0; k < o.lines[i].nsegs; k++) {
			const struct table_seg *s = &o.segs[o.lines[i].seg + k];
			add_seg(b, p, s->rule ? SEARCH_RULE : SEARCH_TEXT, s->src, s->start, s->end,
			        s->col);
		}
	}
	table_out_free(&o);
}

static void block(struct builder *b, const struct doc_part *p)
{
	if (doc_part_is_headed(p)) {
		int shown = p->num || p->kind == DOC_KIND_SECTION;
		if (shown)
			wrapped(b, p, SEARCH_NUM, p->num ? p->num : "", 0, NULL, 0);
		if (p->heading)
			wrapped(b, p, SEARCH_HEADING, p->heading, 0, NULL, 0);
		if (p->text[0]) {
			if (shown || p->heading)
				new_line(b, p);
			wrapped(b, p, SEARCH_TEXT, p->text, 0, NULL, 0);
		}
	} else if (p->kind == DOC_KIND_PARAGRAPH || p->kind == DOC_KIND_POINT ||
	           p->kind == DOC_KIND_NOTE) {
		const char *num = p->num ? p->num : "";
		size_t lw = layout_text_width(num, strlen(num), b->cpw);
		/* where layout_wrap() puts them, narrow widths included */
		struct layout_place pl =
		    layout_place(b->width, view_lead_col(p, 0), lw ? lw + 1 : 0, lw);
		if (pl.lead_alone) {
			new_line(b, p);
			add_seg(b, p, SEARCH_NUM, num, 0, strlen(num), pl.indent);
			wrapped(b, p, SEARCH_TEXT, p->text, pl.col, NULL, 0);
		} else {
			wrapped(b, p, SEARCH_TEXT, p->text, pl.col, num, pl.indent);
		}
	} else if (p->kind == DOC_KIND_TABLE) {
		table_block(b, p);
	} else if (p->text[0]) {
		wrapped(b, p, SEARCH_TEXT, p->text, 0, NULL, 0);
	}
	for (size_t i = 0; i < p->nkids; i++) {
		new_line(b, p->kids[i]);
		block(b, p->kids[i]);
	}
}

void page_build(struct page *pg, const struct doc *d, size_t width, int (*cpw)(uint32_t))
{
	memset(pg, 0, sizeof *pg);
	pg->width = width;
	pg->nparts = d->nparts;
	pg->first_line = xreallocarray(NULL, d->nparts ? d->nparts : 1, sizeof *pg->first_line);
	for (size_t i = 0; i < d->nparts; i++)
		pg->first_line[i] = (size_t)-1;
	struct builder b = {pg, width, cpw};
	int any = 0;
	if (d->meta.doctype) {
		wrapped(&b, d->root, SEARCH_DOCTYPE, d->meta.doctype, 0, NULL, 0);
		any = 1;
	}
	if (d->meta.title) {
		if (any)
			new_line(&b, NULL);
		wrapped(&b, d->root, SEARCH_TITLE, d->meta.title, 0, NULL, 0);
		any = 1;
	}
	for (size_t i = 0; i < d->root->nkids; i++) {
		const struct doc_part *p = d->root->kids[i];
		if (any)
			new_line(&b, p);
		if ((p->kind == DOC_KIND_SECTION || p->kind == DOC_KIND_DIVISION) && any)
			new_line(&b, p);
		block(&b, p);
		any = 1;
	}
}

void page_free(struct page *pg)
{
	free(pg->lines);
	free(pg->segs);
	free(pg->first_line);
	memset(pg, 0, sizeof *pg);
}

size_t page_line_of(const struct page *pg, const struct doc_part *p)
{
	if (p == NULL || p->kind == DOC_KIND_DOCUMENT || p->order >= pg->nparts)
		return 0;
	size_t l = pg->first_line[p->order];
	return l == (size_t)-1 ? 0 : l;
}
