/* test_lookup.c: every reference form users type resolves to the right part. */
#include <stdlib.h>
#include <string.h>

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
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(paragraphs),
	    cmocka_unit_test(points),
	    cmocka_unit_test(sub_points),
	    cmocka_unit_test(sections_and_blocks),
	    cmocka_unit_test(unknown_names_the_closest),
	    cmocka_unit_test(normal_forms),
	};
	return cmocka_run_group_tests(tests, load_bulletin, free_bulletin);
}
