/* table.c: laying table parts out as drawn grids or stacked rows (see
 * table.h). Column widths: as wide as the text needs when the table fits;
 * else each column gets its longest word (up to TABLE_MAX_WORD) and the
 * room left is shared in proportion to what each still lacks. */
#include "circ/table.h"

#include <stdlib.h>
#include <string.h>

#include "circ/layout.h"
#include "circ/xalloc.h"

/* A run of horizontal rule characters long enough for any line. */
#define HBAR_CHARS 256
static char hbar[HBAR_CHARS * 3 + 1];

static const char *hbar_get(void)
{
	if (hbar[0] == '\0')
		for (size_t i = 0; i < HBAR_CHARS; i++)
			memcpy(hbar + 3 * i, "\xe2\x94\x80", 3); /* ─ */
	return hbar;
}

static void new_line(struct table_out *o)
{
	o->lines = xgrowarray(o->lines, &o->lines_cap, o->nlines + 1, sizeof *o->lines);
	o->lines[o->nlines].seg = o->nsegs;
	o->lines[o->nlines].nsegs = 0;
	o->nlines++;
}

static void add_seg(struct table_out *o, const char *src, size_t start, size_t end, size_t col,
                    int rule)
{
	o->segs = xgrowarray(o->segs, &o->segs_cap, o->nsegs + 1, sizeof *o->segs);
	o->segs[o->nsegs++] = (struct table_seg){src, start, end, col, rule};
	o->lines[o->nlines - 1].nsegs++;
}

static void add_rule(struct table_out *o, const char *s, size_t col)
{
	add_seg(o, s, 0, strlen(s), col, 1);
}

/* n columns of horizontal rule from column col. */
static void add_hbar(struct table_out *o, size_t n, size_t col)
{
	const char *h = hbar_get();
	while (n > 0) {
		size_t k = n < HBAR_CHARS ? n : HBAR_CHARS;
		add_seg(o, h, 0, 3 * k, col, 1);
		col += k;
		n -= k;
	}
}

/* The widest word of bytes [s, s+n). */
static size_t widest_word(const char *s, size_t n, int (*cpw)(uint32_t))
{
	size_t best = 0;
	for (size_t i = 0; i < n;) {
		size_t k = i;
		while (k < n && s[k] != ' ')
			k++;
		size_t w = layout_text_width(s + i, k - i, cpw);
		if (w > best)
			best = w;
		i = k + 1;
	}
	return best;
}

/* A frame line: left, joints and right corner around each column. */
static void frame(struct table_out *o, const size_t *cw, size_t ncols, size_t indent,
                  const char *left, const char *mid, const char *right)
{
	new_line(o);
	size_t x = indent;
	for (size_t j = 0; j < ncols; j++) {
		add_rule(o, j == 0 ? left : mid, x);
		add_hbar(o, cw[j] + 2, x + 1);
		x += cw[j] + 3;
	}
	add_rule(o, right, x);
}

/* The lines of cell c's text broken to avail columns: *spans, offsets in
 * the part's text. Returns how many. */
static size_t cell_lines(const struct doc_part *p, const struct doc_cell *c, size_t avail,
                         int (*cpw)(uint32_t), struct layout_span **spans)
{
	char *s = xstrndup(p->text + c->start, c->end - c->start);
	size_t n = layout_break(s, avail, cpw, spans);
	free(s);
	for (size_t i = 0; i < n; i++) {
		(*spans)[i].start += c->start;
		(*spans)[i].end += c->start;
	}
	return n;
}

static int header_row(const struct doc_table *t)
{
	size_t any = 0;
	if (t->nrows < 2)
		return 0; /* headings of nothing: the cells are the table */
	for (size_t i = 0; i < t->ncells; i++) {
		if (t->cells[i].row != 0)
			continue;
		if (!t->cells[i].header)
			return 0;
		any++;
	}
	return any > 0;
}

/* The grid: rows of cells in columns cw wide. */
static void grid(struct table_out *o, const struct doc_part *p, const size_t *cw, size_t indent,
                 int (*cpw)(uint32_t))
{
	const struct doc_table *t = p->table;
	size_t ncols = t->ncols;
	struct layout_span **lines = xcalloc(ncols, sizeof *lines);
	size_t *nl = xcalloc(ncols, sizeof *nl);
	int head = header_row(t);
	/* rules between all rows when a row takes several lines */
	int ruled = 0;
	for (size_t i = 0; i < t->ncells && !ruled; i++) {
		struct layout_span *v;
		ruled = cell_lines(p, &t->cells[i], cw[t->cells[i].col], cpw, &v) > 1;
		free(v);
	}
	frame(o, cw, ncols, indent, "┌", "┬", "┐");
	size_t i = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		size_t height = 1;
		for (; i < t->ncells && t->cells[i].row == r; i++) {
			size_t j = t->cells[i].col;
			free(lines[j]);
			nl[j] = cell_lines(p, &t->cells[i], cw[j], cpw, &lines[j]);
			if (nl[j] > height)
				height = nl[j];
		}
		for (size_t k = 0; k < height; k++) {
			new_line(o);
			size_t x = indent;
			for (size_t j = 0; j < ncols; j++) {
				add_rule(o, "│", x);
				if (k < nl[j] && lines[j][k].end > lines[j][k].start)
					add_seg(o, p->text, lines[j][k].start, lines[j][k].end,
					        x + 2, 0);
				x += cw[j] + 3;
			}
			add_rule(o, "│", x);
		}
		for (size_t j = 0; j < ncols; j++) {
			free(lines[j]);
			lines[j] = NULL;
			nl[j] = 0;
		}
		if (r + 1 < t->nrows && ((r == 0 && head) || ruled))
			frame(o, cw, ncols, indent, "├", "┼", "┤");
	}
	frame(o, cw, ncols, indent, "└", "┴", "┘");
	free(lines);
	free(nl);
}

/* Stacked rows: each cell after its column's heading, a rule between rows. */
static void stacked(struct table_out *o, const struct doc_part *p, size_t avail, size_t indent,
                    int (*cpw)(uint32_t))
{
	const struct doc_table *t = p->table;
	int head = header_row(t);
	const struct doc_cell **heads = xcalloc(t->ncols, sizeof *heads);
	for (size_t i = 0; head && i < t->ncells && t->cells[i].row == 0; i++)
		heads[t->cells[i].col] = &t->cells[i];
	size_t i = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		int shown = 0;
		for (; i < t->ncells && t->cells[i].row == r; i++) {
			const struct doc_cell *c = &t->cells[i];
			if (head && r == 0)
				continue;
			if (!shown && o->nlines > 0) {
				new_line(o);
				add_hbar(o, avail < 40 ? avail : 40, indent);
			}
			shown = 1;
			size_t at = indent;
			if (heads[c->col] && heads[c->col]->end > heads[c->col]->start) {
				struct layout_span *h;
				/* room for the ':' after the heading */
				size_t n = cell_lines(p, heads[c->col], avail > 1 ? avail - 1 : 1,
				                      cpw, &h);
				for (size_t k = 0; k < n; k++) {
					new_line(o);
					add_seg(o, p->text, h[k].start, h[k].end, indent, 0);
					if (k + 1 == n)
						add_rule(o, ":",
						         indent + layout_text_width(
						                      p->text + h[k].start,
						                      h[k].end - h[k].start, cpw));
				}
				free(h);
				at = indent + 2;
			}
			struct layout_span *v;
			size_t n = cell_lines(p, c, avail > at - indent ? avail - (at - indent) : 1,
			                      cpw, &v);
			for (size_t k = 0; k < n; k++) {
				new_line(o);
				if (v[k].end > v[k].start)
					add_seg(o, p->text, v[k].start, v[k].end, at, 0);
			}
			free(v);
		}
	}
	free(heads);
}

void table_layout(struct table_out *o, const struct doc_part *p, size_t width, size_t indent,
                  int (*cpw)(uint32_t))
{
	memset(o, 0, sizeof *o);
	const struct doc_table *t = p->table;
	if (t == NULL || t->ncols == 0)
		return;
	/* under deep points: at most half the width in, as text moves left */
	if (width > 0 && indent > width / 2)
		indent = width / 2;
	size_t ncols = t->ncols;
	size_t *nat = xcalloc(ncols, sizeof *nat);
	size_t *min = xcalloc(ncols, sizeof *min);
	for (size_t i = 0; i < t->ncells; i++) {
		const struct doc_cell *c = &t->cells[i];
		size_t w = layout_text_width(p->text + c->start, c->end - c->start, cpw);
		size_t m = widest_word(p->text + c->start, c->end - c->start, cpw);
		if (m > TABLE_MAX_WORD)
			m = TABLE_MAX_WORD;
		if (w > nat[c->col])
			nat[c->col] = w;
		if (m > min[c->col])
			min[c->col] = m;
	}
	size_t sumnat = 0, summin = 0, frame_w = 3 * ncols + 1;
	for (size_t j = 0; j < ncols; j++) {
		if (nat[j] == 0)
			nat[j] = 1;
		if (min[j] == 0)
			min[j] = 1;
		sumnat += nat[j];
		summin += min[j];
	}
	size_t avail = width == 0 ? (size_t)-1 / 4 : width > indent ? width - indent : 1;
	if (sumnat + frame_w <= avail) {
		grid(o, p, nat, indent, cpw);
	} else if (summin + frame_w <= avail) {
		/* each column its longest word, the rest shared by need */
		size_t room = avail - frame_w - summin, need = sumnat - summin;
		size_t *cw = xcalloc(ncols, sizeof *cw);
		size_t given = 0;
		for (size_t j = 0; j < ncols; j++) {
			cw[j] = min[j] + (need ? room * (nat[j] - min[j]) / need : 0);
			given += cw[j] - min[j];
		}
		for (size_t j = 0; j < ncols && given < room; j++)
			if (cw[j] < nat[j]) {
				cw[j]++;
				given++;
			}
		grid(o, p, cw, indent, cpw);
		free(cw);
	} else {
		o->stacked = 1;
		stacked(o, p, avail, indent, cpw);
	}
	free(nat);
	free(min);
}

void table_out_free(struct table_out *o)
{
	free(o->segs);
	free(o->lines);
	memset(o, 0, sizeof *o);
}
