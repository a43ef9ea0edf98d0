/* test_complete.c: completing what a user types at the browser's ':' prompt
 * (complete.h) in the bundled bulletin and in a small document of another
 * shape: which parts and units are offered, in which order, with which text,
 * and that Enter (lookup_ref, then unit_find) takes every offered text to
 * what was offered. */
#include <stdlib.h>
#include <string.h>

#include "circ/complete.h"
#include "circ/lookup.h"
#include "circ/units.h"
#include "testutil.h"

#define ORG_GOOD TEST_DATA "/bad/org-good.xml"

/* The texts of the candidates for typed, joined by " | " (static). */
static const char *texts(const struct doc *d, const char *typed, size_t max)
{
	static char buf[4096];
	struct complete_cand *c = NULL;
	size_t n = complete_find(d, typed, &c);
	buf[0] = '\0';
	for (size_t i = 0; i < n && i < max; i++) {
		size_t len = strlen(buf);
		snprintf(buf + len, sizeof buf - len, "%s%s", i ? " | " : "", c[i].text);
	}
	complete_free(c, n);
	return buf;
}

/* The first max candidates for typed are exactly want (joined by " | "). */
static void expect(const struct doc *d, const char *typed, size_t max, const char *want)
{
	const char *got = texts(d, typed, max);
	if (strcmp(got, want) != 0)
		fail_msg("'%s' gives\n  %s\nwant\n  %s", typed, got, want);
}

/* The candidate units' eIds for typed, in order (static), parts as "-". */
static const char *unit_ids(const struct doc *d, const char *typed)
{
	static char buf[4096];
	struct complete_cand *c = NULL;
	size_t n = complete_find(d, typed, &c);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		const struct unit *u = c[i].item;
		size_t len = strlen(buf);
		snprintf(buf + len, sizeof buf - len, "%s%s", i ? " " : "",
		         c[i].kind == COMPLETE_UNIT ? u->id : "-");
	}
	complete_free(c, n);
	return buf;
}

static void expect_units(const struct doc *d, const char *typed, const char *want)
{
	const char *got = unit_ids(d, typed);
	if (strcmp(got, want) != 0)
		fail_msg("'%s' gives units\n  %s\nwant\n  %s", typed, got, want);
}

static void divisions_in_organisation_order(void **state)
{
	const struct doc *d = *state;
	/* the four divisions of the Department, then the offices of their
	 * directors (the word comes later in the name), then the two
	 * divisions outside the Department */
	expect_units(d, "Division",
	             "dpm dbfm dsl dtic dpm-bd dbfm-bd dsl-bd dtic-bd ext-domp-dpef ext-domp-dp");
	expect(
	    d, "div", 2,
	    "Division du personnel des missions | Division du budget et des finances des missions");
}

static void words_in_any_order(void **state)
{
	const struct doc *d = *state;
	expect_units(d, "div sou", "dsl dsl-bd");
	expect_units(d, "sout div", "dsl dsl-bd");
	expect_units(d, "logistique division", "dsl dsl-bd");
	expect(d, "div sou", 1, "Division du soutien logistique");
	/* each typed word takes its own word of the name */
	expect_units(d, "soutien soutien", "");
	expect_units(d, "service serv", "dpm-ssspm-bda");
	/* "s" may not take "section", the one word "sect" begins */
	expect_units(d, "s sect san", "dsl-sss-ssan");
	/* a counted unit: its name's words in any order, its number after
	 * them; the text offered is its name with its ordinal */
	expect_units(d, "regionale section 4", "dpm-sgpm-srigrh-4");
	expect(d, "regionale section 4", 1,
	       "Section régionale intégrée de la gestion des ressources humaines (4 of 4)");
	expect_units(d, "4 section regionale", "");
}

static void without_accents_or_case(void **state)
{
	const struct doc *d = *state;
	expect(d, "reseaux", 10, "Section des réseaux");
	expect(d, "RÉSEAUX", 10, "Section des réseaux");
	expect(d, "Réseaux", 10, "Section des réseaux");
	expect(d, "reseau", 10, "Section des réseaux");
	expect(d, "res", 1, "Section des réseaux");
	expect(d, "equipe liaison", 10, "Équipe de liaison pour les achats des missions");
	expect(d, "ÉQUIPE DE LIAISON", 10, "Équipe de liaison pour les achats des missions");
	expect(d, "deonto", 10, "Groupe Déontologie et discipline");
	expect(d, "l’appui aux missions", 1, "Département de l’appui aux missions");
	expect(d, "l'appui aux missions", 1, "Département de l’appui aux missions");
	/* the whole name first, though the words begin other names earlier */
	expect(d, "secretariat", 1, "Secrétariat");
	/* a unit's eId, as unit_find takes it, gives its name */
	expect(d, "dsl", 10, "Division du soutien logistique");
	expect(d, "#dsl", 10, "Division du soutien logistique");
	expect(d, "DSL", 10, "Division du soutien logistique");
	expect(d, " dsl\xC2\xA0", 10, "Division du soutien logistique");
}

static void paragraphs_by_number(void **state)
{
	const struct doc *d = *state;
	/* 5.1 itself first, never only 5.10 */
	expect(d, "5.1", 4, "5.1 | 5.10 | 5.11 | 5.12");
	expect(d, "5.1 ", 1, "5.1");
	expect(d, "§ 5.1", 2, "5.1 | 5.10");
	expect(d, "paragraphe 5.1", 2, "5.1 | 5.10");
	expect(d, "8.1", 10, "8.1");
	expect(d, "8.3 a", 1, "8.3 a)");
	expect(d, "5.7b", 10, "5.7 b)");
	expect(d, "7.3 d)", 4, "7.3 d) | 7.3 d) i) | 7.3 d) ii)");
	/* a part's points right after it, then the parts it begins */
	expect(d, "1", 5, "Section 1 | 1.1 | 1.2 | Section 10 | 10.1");
	expect(d, "2.1", 3, "2.1 | 2.1 a) | 2.1 b)");
	expect(d, "5.99", 10, "");
}

/* The bulletin numbers Section 8 with a no-break space: the offered text
 * is the label as the document has it. */
#define SECTION_8                                                                                  \
	"Section\xC2\xA0"                                                                          \
	"8"

static void sections(void **state)
{
	const struct doc *d = *state;
	expect(d, "8", 3, SECTION_8 " | 8.1 | 8.2");
	expect(d, "section 8", 1, SECTION_8);
	expect(d, "Section 8", 1, SECTION_8);
	expect(d, "sec 8", 1, SECTION_8);
	expect(d, "s8", 1, SECTION_8);
	/* the parts, then the units the words match */
	expect(d, "section 1", 3,
	       "Section 1 | Section 10 | Section régionale intégrée de la gestion des ressources "
	       "humaines (1 of 4)");
	/* "section" looks like a reference: the sections, then the units */
	expect(d, "section", 3, "Section 1 | Section 2 | Section 3");
	expect_units(d, "section du gen", "dsl-sss-sg");
	expect(d, "section du gen", 10, "Section du génie");
}

static void preamble_signature_and_citations(void **state)
{
	const struct doc *d = *state;
	/* the labels in the C locale (in French: « préambule », « signature ») */
	expect(d, "pré", 10, "preamble");
	expect(d, "PREAM", 10, "preamble");
	expect(d, "sig", 10, "conclusions");
	expect(d, "concl", 10, "conclusions");
	/* what the lookup takes as a whole comes first, as its label */
	expect(d, "sec_5__para_5-7__list_1__point_b", 1, "5.7 b)");
	expect(d, "alinéa b) du paragraphe 5.2", 1, "5.2 b)");
	/* the whole document, by its symbol */
	expect(d, "la présente circulaire", 10, "ST/SGB/2010/2");
	expect(d, "document", 10, "ST/SGB/2010/2");
}

static void nothing_for_nonsense(void **state)
{
	const struct doc *d = *state;
	const char *nonsense[] = {"",   "   ",    "\xC2\xA0",           "zzz", "qwerty 5",
	                          "()", "5.7 z)", "réseaux logistique", "§"};
	for (size_t i = 0; i < sizeof nonsense / sizeof nonsense[0]; i++) {
		struct complete_cand *c = (void *)1;
		size_t n = complete_find(d, nonsense[i], &c);
		if (n != 0)
			fail_msg("'%s' gives %zu candidates, the first '%s'", nonsense[i], n,
			         c[0].text);
		assert_null(c);
		complete_free(c, n);
	}
}

static void list_lines(void **state)
{
	const struct doc *d = *state;
	struct complete_cand *c = NULL;
	size_t n = complete_find(d, "5.7b", &c);
	assert_true(n >= 1);
	assert_int_equal(c[0].kind, COMPLETE_PART);
	assert_string_equal(((const struct doc_part *)c[0].item)->eid,
	                    "sec_5__para_5-7__list_1__point_b");
	assert_true(strncmp(c[0].label, "5.7 b)  Élaborer des stratégies", 30) == 0);
	assert_null(strchr(c[0].label, '\n'));
	complete_free(c, n);
	n = complete_find(d, "section 8", &c);
	assert_string_equal(c[0].label, SECTION_8 "  Division du soutien logistique");
	complete_free(c, n);
	n = complete_find(d, "div sou", &c);
	assert_int_equal(c[0].kind, COMPLETE_UNIT);
	assert_string_equal(((const struct unit *)c[0].item)->id, "dsl");
	assert_string_equal(c[0].label, "Division du soutien logistique  division");
	complete_free(c, n);
}

/* Enter takes the text of every candidate for typed to that candidate. */
static void enter_accepts(const struct doc *d, const char *typed)
{
	struct complete_cand *c = NULL;
	size_t n = complete_find(d, typed, &c);
	assert_true(n <= COMPLETE_MAX);
	for (size_t i = 0; i < n; i++) {
		const struct doc_part *p = lookup_ref(d, c[i].text, NULL);
		if (c[i].kind == COMPLETE_PART) {
			if (p != c[i].item)
				fail_msg("'%s': part candidate '%s' is not found again", typed,
				         c[i].text);
			continue;
		}
		if (p != NULL)
			fail_msg("'%s': unit candidate '%s' names a part", typed, c[i].text);
		struct unit **found = NULL;
		size_t k = unit_find(d, c[i].text, &found);
		if (k != 1 || found[0] != c[i].item)
			fail_msg("'%s': unit candidate '%s' finds %zu units", typed, c[i].text, k);
		free(found);
	}
	complete_free(c, n);
}

static void enter_accepts_every_candidate(void **state)
{
	const struct doc *d = *state;
	const char *typed[] = {"1",
	                       "5",
	                       "s",
	                       "sec",
	                       "section",
	                       "a",
	                       "d",
	                       "e",
	                       "p",
	                       "div",
	                       "bureau",
	                       "section regionale",
	                       "du",
	                       "de la",
	                       "pré",
	                       "sig",
	                       "regionale section 2",
	                       "section regionale 3 of",
	                       "budgets section 1 sur 2"};
	for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++)
		enter_accepts(d, typed[i]);
	for (size_t i = 0; i < d->nunits; i++) {
		enter_accepts(d, d->units[i]->name);
		/* a unit's whole name offers it first */
		struct complete_cand *c = NULL;
		size_t n = complete_find(d, d->units[i]->name, &c);
		assert_true(n >= 1);
		assert_ptr_equal(c[0].item, d->units[i]);
		complete_free(c, n);
	}
	for (size_t i = 0; i < d->nparts; i++) {
		char *label = doc_part_label(d->parts[i]);
		struct complete_cand *c = NULL;
		size_t n = complete_find(d, label, &c);
		if (n == 0 || c[0].item != d->parts[i])
			fail_msg("'%s' does not offer its part first", label);
		complete_free(c, n);
		free(label);
	}
}

/* What Enter picks among the units (unit_find) comes first among the units
 * Tab offers, in the same order. */
static void same_units_as_enter(void **state)
{
	const struct doc *d = *state;
	const char *typed[] = {"reseaux",
	                       "div sou",
	                       "sout div",
	                       "logistique",
	                       "soutien specialise",
	                       "section regionale",
	                       "dsl",
	                       "gestion",
	                       "bureau",
	                       "departement",
	                       "commission",
	                       "operations",
	                       "regionale section 4",
	                       "section regionale 2 of"};
	for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++) {
		struct unit **found = NULL;
		size_t k = unit_find(d, typed[i], &found);
		assert_true(k >= 1);
		struct complete_cand *c = NULL;
		size_t n = complete_find(d, typed[i], &c);
		size_t j = 0;
		for (size_t m = 0; m < n && j < k; m++) {
			if (c[m].kind != COMPLETE_UNIT)
				continue;
			if (c[m].item != found[j])
				fail_msg("'%s': unit %zu offered is %s, Enter's is %s", typed[i], j,
				         ((const struct unit *)c[m].item)->id, found[j]->id);
			j++;
		}
		assert_int_equal(j, k);
		complete_free(c, n);
		free(found);
	}
}

/* A small document: two sections, three units (one outside the Department). */
static void another_document(void **state)
{
	(void)state;
	struct diag_list dl = DIAG_LIST_INIT;
	struct doc *d = doc_load(ORG_GOOD, SCHEMA, &dl);
	diag_print(&dl, 0);
	diag_clear(&dl);
	assert_non_null(d);
	expect(d, "1", 10, "Section 1 | 1.1 | 1.2");
	expect(d, "2.1", 10, "2.1 | 2.1 a) | 2.1 b)");
	expect(d, "5.1", 10, "");
	expect(d, "bur", 10, "Bureau du Département");
	expect(d, "departement", 10,
	       "Département de l’appui aux missions | Bureau du Département | Département de la "
	       "gestion");
	expect(d, "division", 10, "");
	enter_accepts(d, "d");
	enter_accepts(d, "s");
	enter_accepts(d, "1");
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(divisions_in_organisation_order),
	    cmocka_unit_test(words_in_any_order),
	    cmocka_unit_test(without_accents_or_case),
	    cmocka_unit_test(paragraphs_by_number),
	    cmocka_unit_test(sections),
	    cmocka_unit_test(preamble_signature_and_citations),
	    cmocka_unit_test(nothing_for_nonsense),
	    cmocka_unit_test(list_lines),
	    cmocka_unit_test(enter_accepts_every_candidate),
	    cmocka_unit_test(same_units_as_enter),
	    cmocka_unit_test(another_document),
	};
	return cmocka_run_group_tests(tests, load_bulletin, free_bulletin);
}
