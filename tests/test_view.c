/* test_view.c: the plain-text views (outline, part, whole document). */
#include <string.h>

#include "circ/lookup.h"
#include "circ/strbuf.h"
#include "circ/utf8.h"
#include "circ/view.h"
#include "testutil.h"

static size_t count_lines(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static void toc_one_line_per_part(void **state)
{
	const struct doc *d = *state;
	struct strbuf sb = STRBUF_INIT;
	view_toc(&sb, d, 80);
	assert_int_equal(count_lines(sb.s), 10 + 53 + 140);
	assert_true(strncmp(sb.s, "Section 1  Disposition générale\n", 33) == 0);
	assert_non_null(strstr(sb.s, "\n      i)  En aidant les missions"));
	for (const char *p = sb.s; *p;) {
		size_t n = strcspn(p, "\n");
		assert_true(utf8_width(p, n) <= 80);
		p += n + 1;
	}
	sb_free(&sb);
}

static void part_with_children(void **state)
{
	const struct doc *d = *state;
	struct strbuf sb = STRBUF_INIT;
	view_part(&sb, lookup_ref(d, "7.3 d)", NULL), 60);
	assert_string_equal(sb.s, "7.3 d) Faciliter la phase de liquidation des missions\xC2\xA0:\n"
	                          "\n"
	                          "    i) En aidant les missions à maîtriser les aspects\n"
	                          "       financiers de la liquidation et à établir le budget\n"
	                          "       de liquidation, ce qui consiste notamment à effectuer\n"
	                          "       des visites sur place et à suivre les états\n"
	                          "       financiers;\n"
	                          "\n"
	                          "    ii) En prenant en charge les dernières opérations de\n"
	                          "        liquidation, après le départ de l’équipe affectée à\n"
	                          "        cette activité sur place, y compris l’achèvement des\n"
	                          "        opérations financières.\n");
	sb_free(&sb);
}

static void dump_starts_with_title_block(void **state)
{
	const struct doc *d = *state;
	struct strbuf sb = STRBUF_INIT;
	view_dump(&sb, d, 72);
	assert_true(strncmp(sb.s,
	                    "Circulaire du Secrétaire général\n\n"
	                    "Organisation du Département de l’appui aux missions\n\n"
	                    "En application de la circulaire ST/SGB/1997/5",
	                    strlen("Circulaire du Secrétaire général\n\n"
	                           "Organisation du Département de l’appui aux missions\n\n"
	                           "En application de la circulaire ST/SGB/1997/5")) == 0);
	const char *end = "\n\nLe Secrétaire général\n(Signé) Ban Ki-moon\n";
	assert_string_equal(sb.s + sb.len - strlen(end), end);
	/* the symbol is metadata, not text of the bulletin */
	assert_null(strstr(sb.s, "ST/SGB/2010/2"));
	sb_free(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(toc_one_line_per_part),
	    cmocka_unit_test(part_with_children),
	    cmocka_unit_test(dump_starts_with_title_block),
	};
	return cmocka_run_group_tests(tests, load_bulletin, free_bulletin);
}
