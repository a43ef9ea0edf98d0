/* test_lookup.c: every reference form users type resolves to the right part. */
#include <stdlib.h>
#include <string.h>

#include "circ/cite.h"
#include "circ/lookup.h"
#include "testutil.h"

static void expect(const struct doc *d, const char *ref, const char *eid)
{
	char *why = NULL;
	struct doc_part *p = lookup_ref(d, ref, &why);
	if (p == NULL)
		fail_msg("'%s' not found: %s", ref, why);
	if (strcmp(p->eid, eid) != 0)
		fail_msg("'%s' gave %s, expected %s", ref, p->eid, eid);
	free(why);
}

static void paragraphs(void **state)
{
	const struct doc *d = *state;
	expect(d, "1.2", "sec_1__para_1-2");
	expect(d, "§ 1.2", "sec_1__para_1-2");
	expect(d, "§1.2", "sec_1__para_1-2");
	expect(d, "paragraphe 1.2", "sec_1__para_1-2");
	expect(d, "para 5.10", "sec_5__para_5-10");
	expect(d, " 5.12 ", "sec_5__para_5-12");
	expect(d,
	       "5\xC2\xA0.\xC2\xA0"
	       "1",
	       "sec_5__para_5-1");
}

static void points(void **state)
{
	const struct doc *d = *state;
	const char *forms[] = {"5.7 b)", "5.7b", "5.7.b", "5.7(b)", "5.7 (b)", "5.7B", "5.7 b"};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
		expect(d, forms[i], "sec_5__para_5-7__list_1__point_b");
	expect(d, "8.3 i)", "sec_8__para_8-3__list_1__point_i");
	expect(d, "8.3k", "sec_8__para_8-3__list_1__point_k");
}

static void sub_points(void **state)
{
	const struct doc *d = *state;
	const char *want = "sec_7__para_7-3__list_1__point_d__list_1__point_ii";
	expect(d, "7.3 d) ii)", want);
	expect(d, "7.3dii", want);
	expect(d, "7.3.d.ii", want);
	expect(d, "7.3 (d)(ii)", want);
	expect(d, "7.3 d i", "sec_7__para_7-3__list_1__point_d__list_1__point_i");
	expect(d, "7.3d", "sec_7__para_7-3__list_1__point_d");
}

static void sections_and_blocks(void **state)
{
	const struct doc *d = *state;
	expect(d, "section 8", "sec_8");
	expect(d, "Section 8", "sec_8");
	expect(d, "s8", "sec_8");
	expect(d, "S 10", "sec_10");
	expect(d, "sec 1", "sec_1");
	expect(d, "sec_4__para_4-5", "sec_4__para_4-5");
	char *why = NULL;
	struct doc_part *p = lookup_ref(d, "préambule", &why);
	assert_non_null(p);
	assert_int_equal(p->kind, DOC_KIND_PREAMBLE);
	p = lookup_ref(d, "signature", &why);
	assert_non_null(p);
	assert_int_equal(p->kind, DOC_KIND_CONCLUSIONS);
}

static void unknown_names_the_closest(void **state)
{
	const struct doc *d = *state;
	struct {
		const char *ref, *msg;
	} cases[] = {
	    {"5.13", "no part '5.13' in ST/SGB/2010/2; the closest is 5.12"},
	    {"5.7 z)", "no part '5.7 z)' in ST/SGB/2010/2; the closest is 5.7 h)"},
	    {"section 11", "no part 'section 11' in ST/SGB/2010/2; the closest is Section 10"},
	    {"", "no part '' in ST/SGB/2010/2"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *why = NULL;
		assert_null(lookup_ref(d, cases[i].ref, &why));
		assert_non_null(why);
		if (strcmp(why, cases[i].msg) != 0)
			fail_msg("'%s': got \"%s\"", cases[i].ref, why);
		free(why);
	}
}

/* The wordings of the citation detector name the part they cite, in French
 * and English, whatever the case, accents, apostrophe or spaces. */
static void citations(void **state)
{
	const struct doc *d = *state;
	const char *b52 = "sec_5__para_5-2__list_1__point_b";
	const char *d73ii = "sec_7__para_7-3__list_1__point_d__list_1__point_ii";
	expect(d, "paragraphe 1.2", "sec_1__para_1-2");
	expect(d, "paragraph 1.2", "sec_1__para_1-2");
	expect(d, "paragraphe 1.2 ci-dessus", "sec_1__para_1-2");
	expect(d, "alinéa b) du paragraphe 5.2", b52);
	expect(d, "alinea b) du paragraphe 5.2", b52);
	expect(d, "  Alinéa B) du Paragraphe 5.2 ", b52);
	expect(d, "ALINÉA b) DU PARAGRAPHE 5.2", b52);
	expect(d,
	       "alinéa\xC2\xA0"
	       "b)\xC2\xA0"
	       "du\xC2\xA0paragraphe\xC2\xA0"
	       "5.2",
	       b52);
	expect(d, "alinéa (b) du paragraphe 5.2", b52);
	expect(d, "subparagraph (b) of paragraph 5.2", b52);
	expect(d, "Subparagraph (b) of paragraph 5.2 above", b52);
	expect(d, "sous-alinéa ii) de l'alinéa d) du paragraphe 7.3", d73ii);
	expect(d,
	       "sous-alinéa ii) de l\xE2\x80\x99"
	       "alinéa d) du paragraphe 7.3",
	       d73ii);
	expect(d,
	       "sous-alinéa\xC2\xA0ii) de l\xE2\x80\x99"
	       "alinéa\xE2\x80\xAF"
	       "d) du paragraphe\xC2\xA0"
	       "7.3",
	       d73ii);
	expect(d, "sous-alinea ii) de l'alinea d) du paragraphe 7.3", d73ii);
	/* an accent typed as a combining mark (U+0301) */
	expect(d,
	       "sous-aline\xCC\x81"
	       "a ii) de l'aline\xCC\x81"
	       "a d) du paragraphe 7.3",
	       d73ii);
	expect(d, "sub-subparagraph (ii) of subparagraph (d) of paragraph 7.3", d73ii);
	expect(d, "subsubparagraph (ii) of subparagraph (d) of paragraph 7.3", d73ii);
	expect(d, "section 8", "sec_8");
	expect(d, "sections 8", "sec_8");
	expect(d, "section 8 ci-dessous", "sec_8");
	expect(d, "Section 8 above", "sec_8");
	/* the document itself: its root */
	const char *whole[] = {"la présente circulaire", "La presente circulaire",
	                       "la\xC2\xA0présente circulaire", "the present bulletin",
	                       "This bulletin"};
	for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++) {
		char *why = NULL;
		if (lookup_ref(d, whole[i], &why) != d->root)
			fail_msg("'%s' is not the whole document: %s", whole[i], why);
		free(why);
	}
}

/* A citation of several parts, of another document or of no part says so. */
static void citation_errors(void **state)
{
	const struct doc *d = *state;
	struct {
		const char *ref, *msg;
	} cases[] = {
	    {"sections 4 et 5",
	     "'sections 4 et 5' names several parts (section 4, section 5), not one"},
	    {"paragraphes 2.1 à 2.3",
	     "'paragraphes 2.1 à 2.3' names several parts (2.1, 2.2, 2.3), "
	     "not one"},
	    {"alinéas a) et b) du paragraphe 5.2",
	     "'alinéas a) et b) du paragraphe 5.2' names several parts (5.2 a), 5.2 b)), not one"},
	    {"subparagraphs (a) and (b) of paragraph 5.2",
	     "'subparagraphs (a) and (b) of paragraph 5.2' names several parts (5.2 a), 5.2 b)), "
	     "not one"},
	    {"ST/SGB/1997/5",
	     "'ST/SGB/1997/5' names another document, not a part of ST/SGB/2010/2"},
	    {"alinéa z) du paragraphe 5.7",
	     "no part 'alinéa z) du paragraphe 5.7' in ST/SGB/2010/2; the closest is 5.7 h)"},
	    {"voir le paragraphe 1.2", "no part 'voir le paragraphe 1.2' in ST/SGB/2010/2"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *why = NULL;
		struct doc_part *p = lookup_ref(d, cases[i].ref, &why);
		if (p != NULL)
			fail_msg("'%s' gave %s", cases[i].ref, p->eid);
		assert_non_null(why);
		if (strcmp(why, cases[i].msg) != 0)
			fail_msg("'%s': got \"%s\"", cases[i].ref, why);
		free(why);
	}
	/* the document's own symbol is the whole document */
	assert_ptr_equal(lookup_ref(d, "ST/SGB/2010/2", NULL), d->root);
	assert_null(lookup_ref(d, "sections 4 et 5", NULL));
}

static void normal_forms(void **state)
{
	(void)state;
	char *n = lookup_normalize("Section\xC2\xA0"
	                           "8");
	assert_string_equal(n, "s8");
	free(n);
	n = lookup_normalize("§ 7.3 d) ii).");
	assert_string_equal(n, "7.3dii");
	free(n);
	/* a dot before a letter goes, a dot between numbers stays */
	n = lookup_normalize("7.3.d.ii");
	assert_string_equal(n, "7.3dii");
	free(n);
	n = lookup_normalize("5.7.B");
	assert_string_equal(n, "5.7b");
	free(n);
}

/* The citation patterns that references worded as citations compiled. */
static int teardown(void **state)
{
	cite_release();
	return free_bulletin(state);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(paragraphs),
	    cmocka_unit_test(points),
	    cmocka_unit_test(sub_points),
	    cmocka_unit_test(sections_and_blocks),
	    cmocka_unit_test(unknown_names_the_closest),
	    cmocka_unit_test(citations),
	    cmocka_unit_test(citation_errors),
	    cmocka_unit_test(normal_forms),
	};
	return cmocka_run_group_tests(tests, load_bulletin, teardown);
}
