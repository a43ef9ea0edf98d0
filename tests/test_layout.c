/* test_layout.c: wrapping by display columns. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "circ/layout.h"
#include "circ/utf8.h"

static struct strbuf wrapped;

static char *wrap(const char *text, size_t indent, const char *lead, size_t hang, size_t width)
{
	sb_free(&wrapped);
	layout_wrap(&wrapped, text, indent, lead, hang, width);
	return wrapped.s;
}

/* Every line of s is at most width columns and has no trailing space. */
static void assert_lines_fit(const char *s, size_t width)
{
	while (*s) {
		size_t n = strcspn(s, "\n");
		assert_true(utf8_width(s, n) <= width);
		if (n > 0)
			assert_true(s[n - 1] != ' ');
		s += n + (s[n] == '\n');
	}
}

static void wraps_at_spaces_by_columns(void **state)
{
	(void)state;
	const char *t = "Élaborer des stratégies faisant le lien entre les buts";
	char *r = wrap(t, 0, "", 0, 24);
	assert_string_equal(r, "Élaborer des stratégies\nfaisant le lien entre\nles buts\n");
	assert_lines_fit(r, 24);
}

static void hanging_indent(void **state)
{
	(void)state;
	char *r = wrap("Fournit des services d’appui administratif", 4, "a)", 3, 24);
	assert_string_equal(r, "    a) Fournit des\n"
	                       "       services d’appui\n"
	                       "       administratif\n");
	assert_lines_fit(r, 24);
}

static void no_break_space_holds(void **state)
{
	(void)state;
	/* "1.2\u00A0ci-dessus" must stay on one line */
	char *r = wrap("voir le paragraphe 1.2\xC2\xA0"
	               "ci-dessus aussi",
	               0, "", 0, 22);
	assert_string_equal(r, "voir le paragraphe\n1.2\xC2\xA0"
	                       "ci-dessus aussi\n");
}

static void long_word_is_cut_between_characters(void **state)
{
	(void)state;
	char *r = wrap("ééééééééééééééééééééééééé", 0, "", 0, 10);
	assert_string_equal(r, "éééééééééé\néééééééééé\nééééé\n");
}

/* A line exactly as wide as the width stays whole; one column more breaks
 * it, at the start of a line and after a hanging indent alike. */
static void line_that_exactly_fills_the_width(void **state)
{
	(void)state;
	/* "Élaborer des stratégies" is 23 columns (26 bytes) */
	char *r = wrap("Élaborer des stratégies faisant", 0, "", 0, 23);
	assert_string_equal(r, "Élaborer des stratégies\nfaisant\n");
	assert_lines_fit(r, 23);
	r = wrap("Élaborer des stratégies", 0, "", 0, 23);
	assert_string_equal(r, "Élaborer des stratégies\n");
	r = wrap("Élaborer des stratégies", 0, "", 0, 22);
	assert_string_equal(r, "Élaborer des\nstratégies\n");
	/* after "    a) ": 7 columns, then "services d’appui" (16) fills 23 */
	r = wrap("services d’appui administratif", 4, "a)", 3, 23);
	assert_string_equal(r, "    a) services d’appui\n"
	                       "       administratif\n");
	assert_lines_fit(r, 23);
	/* a word exactly as wide as the line is not cut */
	r = wrap("éééééééééé fin", 0, "", 0, 10);
	assert_string_equal(r, "éééééééééé\nfin\n");
}

static void width_zero_does_not_wrap(void **state)
{
	(void)state;
	char *r = wrap("un deux trois quatre cinq six sept huit neuf dix", 0, "1.1", 4, 0);
	assert_string_equal(r, "1.1 un deux trois quatre cinq six sept huit neuf dix\n");
}

static void newlines_start_lines(void **state)
{
	(void)state;
	char *r = wrap("Le Secrétaire général\n(Signé) Ban Ki-moon", 0, "", 0, 72);
	assert_string_equal(r, "Le Secrétaire général\n(Signé) Ban Ki-moon\n");
}

static void narrow_widths_fit(void **state)
{
	(void)state;
	/* a sub-item at 20 columns: the text moves left to keep 12 columns,
	 * its number with it; no word is cut */
	char *r = wrap("En prenant en charge les dernières opérations", 8, "ii)", 4, 20);
	assert_string_equal(r, "    ii) En prenant\n"
	                       "        en charge\n"
	                       "        les\n"
	                       "        dernières\n"
	                       "        opérations\n");
	assert_lines_fit(r, 20);
	/* a lead wider than the line goes on lines of its own */
	r = wrap("Donner des avis sur la prestation", 2, "5.5 b) (cites 5.2 b)):", 23, 20);
	assert_string_equal(r, "  5.5 b) (cites 5.2\n"
	                       "  b)):\n"
	                       "        Donner des\n"
	                       "        avis sur la\n"
	                       "        prestation\n");
	assert_lines_fit(r, 20);
	for (size_t w = 1; w <= 30; w++) {
		r = wrap("multisectorielles d’appui aux missions", 10, "a)", 3, w);
		assert_lines_fit(r, w);
	}
	struct layout_place pl = layout_place(80, 8, 4, 3);
	assert_int_equal(pl.indent, 8);
	assert_int_equal(pl.col, 12);
	assert_false(pl.lead_alone);
}

static void clip(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	layout_clip(&sb, "Département de l’appui", 12);
	assert_string_equal(sb.s, "Département…");
	assert_int_equal(utf8_width(sb.s, sb.len), 12);
	sb_free(&sb);
	layout_clip(&sb, "court", 12);
	assert_string_equal(sb.s, "court");
	sb_free(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(wraps_at_spaces_by_columns),
	    cmocka_unit_test(hanging_indent),
	    cmocka_unit_test(no_break_space_holds),
	    cmocka_unit_test(long_word_is_cut_between_characters),
	    cmocka_unit_test(line_that_exactly_fills_the_width),
	    cmocka_unit_test(width_zero_does_not_wrap),
	    cmocka_unit_test(newlines_start_lines),
	    cmocka_unit_test(narrow_widths_fit),
	    cmocka_unit_test(clip),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);
	sb_free(&wrapped);
	return r;
}
