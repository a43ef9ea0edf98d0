/* view.c: plain-text views of a document (see view.h).
 * Layout: a section is its num and heading on two lines; a paragraph or point
 * starts with its num and hangs its text after it; points are indented four
 * columns under their paragraph; one blank line separates blocks. */
#include "circ/view.h"

#include <stdlib.h>
#include <string.h>

#include "circ/layout.h"
#include "circ/table.h"
#include "circ/utf8.h"

#define VIEW_INDENT 4 /* columns a point is indented under its parent */

/* How many paragraphs and points p is inside of, up to its section, article
 * or other headed level. */
static int run_of_items(const struct doc_part *p)
{
	int n = 0;
	for (const struct doc_part *u = p->parent;
	     u && (u->kind == DOC_KIND_PARAGRAPH || u->kind == DOC_KIND_POINT); u = u->parent)
		n++;
	return n;
}

size_t view_lead_col(const struct doc_part *p, int base)
{
	if (p->kind == DOC_KIND_TABLE || (p->kind == DOC_KIND_BLOCK && p->num == NULL))
		/* under the text of the paragraph or point it is in (a table,
		 * the text after a list) */
		return p->parent ? view_lead_col(p->parent, base) +
		                       VIEW_INDENT * (p->parent->kind == DOC_KIND_PARAGRAPH ||
		                                      p->parent->kind == DOC_KIND_POINT)
		                 : 0;
	if (p->kind != DOC_KIND_POINT && p->kind != DOC_KIND_PARAGRAPH)
		return 0;
	int levels = base > 1 ? p->depth - base : run_of_items(p);
	return levels > 0 ? (size_t)levels * VIEW_INDENT : 0;
}

/* Append the outline line of p. */
static void toc_line(struct strbuf *out, const struct doc_part *p, size_t width)
{
	struct strbuf line = STRBUF_INIT;
	sb_addn(&line, ' ', (size_t)p->depth * 2);
	if (p->num) {
		sb_adds(&line, p->num);
		sb_adds(&line, "  ");
	}
	const char *what = p->heading ? p->heading : p->text;
	size_t n = strcspn(what, "\n");
	sb_add(&line, what, n);
	layout_clip(out, sb_str(&line), width);
	sb_addc(out, '\n');
	sb_free(&line);
}

void view_toc(struct strbuf *out, const struct doc *d, size_t width)
{
	for (size_t i = 0; i < d->nparts; i++) {
		const struct doc_part *p = d->parts[i];
		if (doc_part_is_level(p))
			toc_line(out, p, width);
	}
}

/* A table part, drawn from column indent. */
static void table_block(struct strbuf *out, const struct doc_part *p, size_t width, size_t indent)
{
	if (p->heading)
		layout_wrap(out, p->heading, indent, "", 0, width);
	struct table_out o;
	table_layout(&o, p, width, indent, NULL);
	for (size_t i = 0; i < o.nlines; i++) {
		size_t col = 0;
		for (size_t k = 0; k < o.lines[i].nsegs; k++) {
			const struct table_seg *s = &o.segs[o.lines[i].seg + k];
			if (s->col > col)
				sb_addn(out, ' ', s->col - col);
			sb_add(out, s->src + s->start, s->end - s->start);
			col = (s->col > col ? s->col : col) +
			      utf8_width(s->src + s->start, s->end - s->start);
		}
		sb_addc(out, '\n');
	}
	table_out_free(&o);
}

/* A part's own block, then its children's, each preceded by a blank line. */
static void part_block(struct strbuf *out, const struct doc_part *p, size_t width, int base)
{
	if (doc_part_is_headed(p)) {
		int shown = p->num || p->kind == DOC_KIND_SECTION;
		if (shown)
			layout_wrap(out, p->num ? p->num : "", 0, "", 0, width);
		if (p->heading)
			layout_wrap(out, p->heading, 0, "", 0, width);
		if (p->text[0]) {
			if (shown || p->heading)
				sb_addc(out, '\n');
			layout_wrap(out, p->text, 0, "", 0, width);
		}
	} else if (p->kind == DOC_KIND_PARAGRAPH || p->kind == DOC_KIND_POINT ||
	           p->kind == DOC_KIND_NOTE) {
		/* the first point of a view shows where it is: "5.7 b)" */
		char *label =
		    p->kind == DOC_KIND_POINT && p->depth == base ? doc_part_label(p) : NULL;
		const char *num = label ? label : p->num ? p->num : "";
		size_t lw = utf8_width(num, strlen(num));
		layout_wrap(out, p->text, view_lead_col(p, base), num, lw ? lw + 1 : 0, width);
		free(label);
	} else if (p->kind == DOC_KIND_TABLE) {
		table_block(out, p, width, view_lead_col(p, base));
	} else if (p->text[0]) {
		layout_wrap(out, p->text, view_lead_col(p, base), "", 0, width);
	}
	for (size_t i = 0; i < p->nkids; i++) {
		sb_addc(out, '\n');
		part_block(out, p->kids[i], width, base);
	}
}

void view_part(struct strbuf *out, const struct doc_part *p, size_t width)
{
	if (p->kind == DOC_KIND_DOCUMENT) {
		/* the whole document: every top-level part, a blank line between */
		for (size_t i = 0; i < p->nkids; i++) {
			if (i > 0)
				sb_addc(out, '\n');
			part_block(out, p->kids[i], width, 0);
		}
		return;
	}
	part_block(out, p, width, p->depth);
}

void view_dump(struct strbuf *out, const struct doc *d, size_t width)
{
	int any = 0;
	if (d->meta.doctype) {
		layout_wrap(out, d->meta.doctype, 0, "", 0, width);
		any = 1;
	}
	if (d->meta.title) {
		if (any)
			sb_addc(out, '\n');
		layout_wrap(out, d->meta.title, 0, "", 0, width);
		any = 1;
	}
	for (size_t i = 0; i < d->root->nkids; i++) {
		const struct doc_part *p = d->root->kids[i];
		if (any)
			sb_addc(out, '\n');
		if ((p->kind == DOC_KIND_SECTION || p->kind == DOC_KIND_DIVISION) && any)
			sb_addc(out, '\n');
		part_block(out, p, width, 0);
		any = 1;
	}
}
