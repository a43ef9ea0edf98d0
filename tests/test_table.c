/* test_table.c: tables laid out as drawn grids or stacked rows (table.c),
 * as the views print them: every line fits the width, every word of every
 * cell is on some line, the frame is drawn when the table fits. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "circ/strbuf.h"
#include "circ/table.h"
#include "circ/utf8.h"
#include "circ/xalloc.h"

/* A table part of rows x cols cells (texts in row order, '\n' between);
 * the first row is of headings when head. */
static struct doc_part *make_table(size_t rows, size_t cols, int head, const char *const *cells)
{
	struct doc_part *p = xcalloc(1, sizeof *p);
	struct strbuf sb = STRBUF_INIT;
	p->kind = DOC_KIND_TABLE;
	p->table = xcalloc(1, sizeof *p->table);
	p->table->nrows = rows;
	p->table->ncols = cols;
	p->table->ncells = rows * cols;
	p->table->cells = xcalloc(rows * cols, sizeof *p->table->cells);
	for (size_t i = 0; i < rows * cols; i++) {
		if (i > 0)
			sb_addc(&sb, '\n');
		struct doc_cell *c = &p->table->cells[i];
		c->row = i / cols;
		c->col = i % cols;
		c->header = head && c->row == 0;
		c->start = sb.len;
		sb_adds(&sb, cells[i]);
		c->end = sb.len;
	}
	p->text = sb_steal(&sb);
	return p;
}

static void free_table(struct doc_part *p)
{
	free(p->table->cells);
	free(p->table);
	free(p->text);
	free(p);
}

/* The lines of the layout as text, each ending with '\n'. */
static char *render(const struct doc_part *p, size_t width, size_t indent, int *stacked)
{
	struct table_out o;
	table_layout(&o, p, width, indent, NULL);
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < o.nlines; i++) {
		size_t col = 0;
		for (size_t k = 0; k < o.lines[i].nsegs; k++) {
			const struct table_seg *s = &o.segs[o.lines[i].seg + k];
			if (s->col > col)
				sb_addn(&sb, ' ', s->col - col);
			sb_add(&sb, s->src + s->start, s->end - s->start);
			col = (s->col > col ? s->col : col) +
			      utf8_width(s->src + s->start, s->end - s->start);
		}
		sb_addc(&sb, '\n');
	}
	if (stacked)
		*stacked = o.stacked;
	table_out_free(&o);
	if (sb.s == NULL)
		sb_adds(&sb, "");
	return sb_steal(&sb);
}

static size_t widest_line(const char *s)
{
	size_t best = 0;
	while (*s) {
		size_t n = strcspn(s, "\n");
		size_t w = utf8_width(s, n);
		if (w > best)
			best = w;
		s += n + (s[n] == '\n');
	}
	return best;
}

/* Every word of every cell is somewhere in out. */
static void assert_words_kept(const struct doc_part *p, const char *out)
{
	char *copy = xstrdup(p->text);
	char *save = NULL;
	for (char *w = strtok_r(copy, " \n", &save); w; w = strtok_r(NULL, " \n", &save))
		assert_non_null(strstr(out, w));
	free(copy);
}

static const char *const staff[] = {
    "Unit",
    "Posts",
    "Principal responsibilities",
    "Example Liaison Unit",
    "4",
    "Liaison with departments, offices away from Headquarters, regional commissions and "
    "the funds and programmes on every matter relating to example services.",
    "Demonstration Services Division",
    "11",
    "Demonstrations and rehearsals."};

static void fits_with_natural_widths(void **state)
{
	(void)state;
	static const char *const small[] = {"A", "Bb", "1", "22"};
	struct doc_part *p = make_table(2, 2, 1, small);
	int stacked;
	char *out = render(p, 80, 0, &stacked);
	assert_false(stacked);
	assert_string_equal(out, "┌───┬────┐\n"
	                         "│ A │ Bb │\n"
	                         "├───┼────┤\n"
	                         "│ 1 │ 22 │\n"
	                         "└───┴────┘\n");
	free(out);
	free_table(p);
}

static void narrowed_columns_wrap_their_cells(void **state)
{
	(void)state;
	struct doc_part *p = make_table(3, 3, 1, staff);
	for (size_t width = 50; width <= 120; width += 7) {
		int stacked;
		char *out = render(p, width, 4, &stacked);
		assert_false(stacked);
		assert_true(widest_line(out) <= width);
		assert_non_null(strstr(out, "┌"));
		assert_words_kept(p, out);
		free(out);
	}
	free_table(p);
}

static void too_narrow_is_stacked_under_headings(void **state)
{
	(void)state;
	struct doc_part *p = make_table(3, 3, 1, staff);
	int stacked;
	char *out = render(p, 24, 2, &stacked);
	assert_true(stacked);
	assert_true(widest_line(out) <= 24);
	assert_non_null(strstr(out, "  Unit:\n    Example Liaison Unit\n"));
	assert_null(strstr(out, "┌"));
	assert_words_kept(p, out);
	free(out);
	free_table(p);
}

static void a_row_of_headings_alone_is_shown(void **state)
{
	(void)state;
	static const char *const heads[] = {"Alpha", "Bravo", "Charlie", "Delta", "Echo"};
	struct doc_part *p = make_table(1, 5, 1, heads);
	int stacked;
	char *out = render(p, 20, 0, &stacked);
	assert_true(stacked);
	assert_words_kept(p, out);
	assert_true(widest_line(out) <= 20);
	free(out);
	free_table(p);
}

static void deep_indent_is_capped(void **state)
{
	(void)state;
	static const char *const cells[] = {"a b c", "d e f"};
	struct doc_part *p = make_table(1, 2, 0, cells);
	char *out = render(p, 40, 52, NULL);
	assert_true(widest_line(out) <= 40);
	assert_words_kept(p, out);
	free(out);
	free_table(p);
}

static void unlimited_width_is_natural(void **state)
{
	(void)state;
	struct doc_part *p = make_table(3, 3, 1, staff);
	int stacked;
	char *out = render(p, 0, 0, &stacked);
	assert_false(stacked);
	assert_non_null(
	    strstr(out, "│ Liaison with departments, offices away from Headquarters, "));
	free(out);
	free_table(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(fits_with_natural_widths),
	    cmocka_unit_test(narrowed_columns_wrap_their_cells),
	    cmocka_unit_test(too_narrow_is_stacked_under_headings),
	    cmocka_unit_test(a_row_of_headings_alone_is_shown),
	    cmocka_unit_test(deep_indent_is_capped),
	    cmocka_unit_test(unlimited_width_is_natural),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
