/* test_page.c: the browser's reader layout shows exactly what --dump prints,
 * line for line, at several widths, and knows where each part starts. */
#include <stdlib.h>
#include <string.h>

#include "circ/lookup.h"
#include "circ/page.h"
#include "circ/view.h"
#include "testutil.h"

/* Render a page line as text: segments at their columns. */
static void render(struct strbuf *sb, const struct page *pg, size_t i)
{
	const struct page_line *l = &pg->lines[i];
	size_t col = 0;
	for (size_t k = 0; k < l->nsegs; k++) {
		const struct page_seg *s = &pg->segs[l->seg + k];
		if (s->col > col)
			sb_addn(sb, ' ', s->col - col);
		else if (k > 0)
			sb_addc(sb, ' ');
		sb_add(sb, s->src + s->start, s->end - s->start);
		col = s->col + (s->end - s->start);
	}
	sb_addc(sb, '\n');
}

static void same_as_dump(void **state)
{
	const struct doc *d = *state;
	const size_t widths[] = {80, 72, 40, 24, 120, 21, 20};
	for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
		struct page pg;
		page_build(&pg, d, widths[w], NULL);
		struct strbuf got = STRBUF_INIT, want = STRBUF_INIT;
		for (size_t i = 0; i < pg.nlines; i++)
			render(&got, &pg, i);
		view_dump(&want, d, widths[w]);
		if (strcmp(got.s, want.s) != 0) {
			size_t k = 0;
			while (got.s[k] == want.s[k])
				k++;
			fail_msg("width %zu differs at byte %zu: \"%.40s\" vs \"%.40s\"", widths[w],
			         k, got.s + k, want.s + k);
		}
		sb_free(&got);
		sb_free(&want);
		page_free(&pg);
	}
}

static void parts_start_where_they_show(void **state)
{
	const struct doc *d = *state;
	struct page pg;
	page_build(&pg, d, 80, NULL);
	for (size_t i = 0; i < d->nparts; i++) {
		const struct doc_part *p = d->parts[i];
		size_t l = page_line_of(&pg, p);
		assert_ptr_equal(pg.lines[l].part, p);
		assert_true(pg.lines[l].nsegs > 0);
		/* parts come in document order */
		if (i > 0)
			assert_true(l > page_line_of(&pg, d->parts[i - 1]));
	}
	const struct doc_part *p = lookup_ref(d, "5.7b", NULL);
	const struct page_line *l = &pg.lines[page_line_of(&pg, p)];
	assert_int_equal(pg.segs[l->seg].field, SEARCH_NUM);
	assert_int_equal(pg.segs[l->seg].col, 4);
	assert_string_equal(pg.segs[l->seg].src, "b)");
	assert_int_equal(pg.segs[l->seg + 1].col, 7);
	page_free(&pg);
}

/* The title block's segments say where a match in it is, as search_hit
 * does (the root, a title field); its lines are no part's. */
static void title_block_segments(void **state)
{
	const struct doc *d = *state;
	struct page pg;
	page_build(&pg, d, 30, NULL);
	const struct page_line *l = &pg.lines[0];
	assert_null(l->part);
	assert_int_equal(l->nsegs, 1);
	assert_ptr_equal(pg.segs[l->seg].part, d->root);
	assert_int_equal(pg.segs[l->seg].field, SEARCH_DOCTYPE);
	assert_ptr_equal(pg.segs[l->seg].src, d->meta.doctype);
	size_t k = 1, titles = 0;
	for (; k < pg.nlines && pg.lines[k].part == NULL; k++)
		for (size_t s = 0; s < pg.lines[k].nsegs; s++) {
			const struct page_seg *sg = &pg.segs[pg.lines[k].seg + s];
			assert_ptr_equal(sg->part, d->root);
			titles += sg->field == SEARCH_TITLE;
		}
	/* the title, wrapped at 30 columns, on two lines */
	assert_int_equal(titles, 2);
	/* the preamble still starts after it and the blank line */
	assert_int_equal(page_line_of(&pg, d->parts[0]), k + 1);
	page_free(&pg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(same_as_dump),
	    cmocka_unit_test(parts_start_where_they_show),
	    cmocka_unit_test(title_block_segments),
	};
	return cmocka_run_group_tests(tests, load_bulletin, free_bulletin);
}
