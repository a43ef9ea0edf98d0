/* test_units.c: the organisation of the bundled bulletin: the whole unit
 * tree, heads and reporting lines with their sources, mentions, finding
 * units by the words users type, and units' kinds and counted units'
 * ordinals in the interface's language. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "circ/i18n.h"
#include "circ/units.h"
#include "circ/xalloc.h"
#include "testutil.h"

static struct unit *unit(const struct doc *d, const char *id)
{
	struct unit *u = unit_by_id(d, id);
	if (u == NULL)
		fail_msg("no unit '%s'", id);
	return u;
}

static const char *label_of(const struct doc_part *p)
{
	static char buf[64];
	char *l = doc_part_label(p);
	snprintf(buf, sizeof buf, "%s", l);
	free(l);
	return buf;
}

static void counts_per_kind(void **state)
{
	const struct doc *d = *state;
	static const struct {
		const char *kind;
		size_t internal, external;
	} want[] = {
	    {"département", 1, 4},  {"bureau", 8, 9},  {"secrétariat", 2, 1},
	    {"division", 4, 2},     {"service", 8, 3}, {"section", 25, 1},
	    {"groupe", 2, 1},       {"équipe", 2, 0},  {"organe", 0, 6},
	    {"organisation", 0, 2}, {"centre", 0, 1},  {"base", 0, 1},
	};
	size_t total = 0;
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
		size_t in = 0, out = 0;
		for (size_t i = 0; i < d->nunits; i++) {
			if (strcmp(d->units[i]->kind, want[k].kind) == 0) {
				if (d->units[i]->external)
					out++;
				else
					in++;
			}
		}
		if (in != want[k].internal || out != want[k].external)
			fail_msg("%s: %zu inside, %zu outside; want %zu, %zu", want[k].kind, in,
			         out, want[k].internal, want[k].external);
		total += in + out;
	}
	assert_int_equal(total, d->nunits);
	assert_int_equal(d->nunits, 83);
}

static void every_internal_unit_reaches_the_department(void **state)
{
	const struct doc *d = *state;
	struct unit *root = unit_root(d);
	assert_non_null(root);
	assert_string_equal(root->id, "dam");
	assert_string_equal(root->name, "Département de l’appui aux missions");
	struct unit **all = NULL;
	size_t n = unit_subtree(root, &all);
	size_t internal = 0;
	for (size_t i = 0; i < d->nunits; i++) {
		internal += !d->units[i]->external;
		if (d->units[i]->external)
			continue;
		int found = 0;
		for (size_t k = 0; k < n; k++)
			found |= all[k] == d->units[i];
		if (!found)
			fail_msg("%s is not below the Department", d->units[i]->id);
	}
	assert_int_equal(n, internal);
	assert_int_equal(n, 52);
	/* pre-order: the Department first, each unit before its sub-units */
	assert_ptr_equal(all[0], root);
	for (size_t k = 1; k < n; k++)
		assert_true(all[k]->parent->order < all[k]->order);
	free(all);
}

static void parent_chains_of_leaves(void **state)
{
	const struct doc *d = *state;
	static const char *const chains[][5] = {
	    {"dtic-siom-sr", "dtic-siom", "dtic", "dam", NULL},
	    {"dpm-sgpm-srigrh-3", "dpm-sgpm", "dpm", "dam", NULL},
	    {"dbfm-sbre-s-2", "dbfm-sbre", "dbfm", "dam", NULL},
	    {"dsl-sso-gssdr", "dsl-sso", "dsl", "dam", NULL},
	    {"dam-elam", "dam-bssg", "dam", NULL, NULL},
	    {"dam-bsga-secretariat", "dam-bsga", "dam", NULL, NULL},
	};
	for (size_t c = 0; c < sizeof chains / sizeof chains[0]; c++) {
		const struct unit *u = unit(d, chains[c][0]);
		assert_int_equal(u->nkids, 0);
		for (size_t k = 1; k < 5 && chains[c][k]; k++) {
			u = u->parent;
			assert_non_null(u);
			assert_string_equal(u->id, chains[c][k]);
		}
		assert_null(u->parent);
	}
}

static void heads_and_reporting_lines(void **state)
{
	const struct doc *d = *state;
	const struct unit *dsl = unit(d, "dsl");
	assert_string_equal(dsl->name, "Division du soutien logistique");
	assert_string_equal(dsl->kind, "division");
	assert_non_null(dsl->head);
	assert_string_equal(dsl->head->name, "Directeur");
	assert_string_equal(label_of(dsl->head->source), "8.1");
	assert_int_equal(dsl->nreports, 1);
	assert_string_equal(dsl->reports[0].name,
	                    "Secrétaire général adjoint à l’appui aux missions");
	assert_int_equal(dsl->nkids, 4);
	assert_int_equal(dsl->functions.n, 0);

	/* a service head reports to the head of its division */
	const struct unit *sso = unit(d, "dsl-sso");
	assert_string_equal(sso->head->name, "Directeur adjoint (Chef de service)");
	assert_int_equal(sso->nreports, 1);
	assert_ptr_equal(sso->reports[0].of, dsl);
	assert_string_equal(label_of(sso->functions.v[0]), "8.3");

	/* the Department: head, three reporting lines, functions 2.1 */
	const struct unit *dam = unit(d, "dam");
	assert_string_equal(dam->head->name, "Secrétaire général adjoint à l’appui aux missions");
	assert_int_equal(dam->nreports, 3);
	assert_string_equal(label_of(dam->functions.v[0]), "2.1");
	assert_true(dam->mentions.n >= 20);

	/* a unit whose head the bulletin does not name */
	assert_null(unit(d, "dtic-siom-sr")->head);

	/* shared capacity (2.4 h) and 5.10) */
	const struct unit *esace = unit(d, "dam-esace");
	assert_true(esace->nshared >= 1);
	assert_string_equal(esace->shared[0].with->id, "ext-domp");
}

/* The office of an official is headed by that official: the Bureau du
 * Secrétaire général adjoint (4.1) and the Bureau du Sous-Secrétaire
 * général (5.3), each named after him where the bulletin says what it is
 * made of. */
static void offices_of_officials(void **state)
{
	const struct doc *d = *state;
	const struct unit *bsga = unit(d, "dam-bsga");
	assert_non_null(bsga->head);
	assert_string_equal(bsga->head->id, "sga-am");
	assert_true(bsga->head->office);
	assert_string_equal(label_of(bsga->head->source), "4.1");
	const struct unit *bssg = unit(d, "dam-bssg");
	assert_non_null(bssg->head);
	assert_string_equal(bssg->head->name, "Sous-Secrétaire général à l’appui aux missions");
	assert_true(bssg->head->office);
	assert_string_equal(label_of(bssg->head->source), "5.3");
	/* a head the text states outright is not an office's */
	assert_false(unit(d, "dsl")->head->office);
}

/* A unit whose summary lists the functions of its head has a head: never
 * "Head: not stated" above "Functions of its head". */
static void head_functions_have_a_head(void **state)
{
	const struct doc *d = *state;
	size_t with = 0;
	for (size_t i = 0; i < d->nunits; i++) {
		const struct unit *u = d->units[i];
		if (u->head_functions.n == 0)
			continue;
		with++;
		if (u->head == NULL)
			fail_msg(
			    "unit '%s' lists %zu parts of its head's functions but has no head",
			    u->id, u->head_functions.n);
	}
	assert_true(with >= 2); /* the Department (3.2-3.5), the Bureau du SSG (5.2) */
}

static void counted_units(void **state)
{
	const struct doc *d = *state;
	const struct unit *s = unit(d, "dpm-sgpm-srigrh-4");
	assert_false(s->named);
	assert_int_equal(s->index, 4);
	assert_int_equal(s->count, 4);
	/* named by the plural « quatre Sections régionales… » of 6.2 and 6.3 */
	assert_int_equal(s->mentions.n, 2);
	assert_string_equal(label_of(s->mentions.v[0]), "6.2");
	assert_true(unit(d, "dsl")->named);
}

/* unit_find gives exactly the units listed, in the tree's order. */
static void expect_find(const struct doc *d, const char *query, const char *const *ids)
{
	struct unit **found = NULL;
	size_t n = unit_find(d, query, &found);
	size_t want = 0;
	while (ids[want])
		want++;
	if (n != want)
		fail_msg("'%s': %zu units, want %zu (first: %s)", query, n, want,
		         n ? found[0]->id : "-");
	for (size_t i = 0; i < n; i++)
		if (strcmp(found[i]->id, ids[i]) != 0)
			fail_msg("'%s': unit %zu is %s, want %s", query, i, found[i]->id, ids[i]);
	free(found);
}

static void find_by_name(void **state)
{
	const struct doc *d = *state;
	expect_find(d, "logistique", (const char *[]){"dsl", NULL});
	expect_find(d, "div soutien log", (const char *[]){"dsl", NULL});
	expect_find(d, "reseaux", (const char *[]){"dtic-siom-sr", NULL});
	expect_find(d, "RÉSEAUX", (const char *[]){"dtic-siom-sr", NULL});
	expect_find(d, "equipe de liaison", (const char *[]){"dam-elam", NULL});
	expect_find(d, "Equipe de suivi", (const char *[]){"dam-esace", NULL});
	expect_find(d, "deontologie", (const char *[]){"dam-gdd", NULL});
	expect_find(d, "dsl-sss", (const char *[]){"dsl-sss", NULL});
	expect_find(d, "#dsl", (const char *[]){"dsl", NULL});
	expect_find(d, "l’appui aux missions", (const char *[]){"dam", NULL});
	expect_find(d, "l'appui aux missions", (const char *[]){"dam", NULL});
	expect_find(d, "operations de maintien de la paix", (const char *[]){"ext-domp", NULL});
}

/* The words of a query, in any order, each begin a distinct word of the
 * name: what Tab at the ':' prompt offers (complete.h), Enter finds. */
static void find_words_in_any_order(void **state)
{
	const struct doc *d = *state;
	expect_find(d, "div sou", (const char *[]){"dsl", NULL});
	expect_find(d, "sout div", (const char *[]){"dsl", NULL});
	expect_find(d, "logistique division soutien", (const char *[]){"dsl", NULL});
	expect_find(d, "reseaux section", (const char *[]){"dtic-siom-sr", NULL});
	expect_find(d, "paix maintien operations", (const char *[]){"ext-domp", NULL});
	/* two query words may not take one word of the name */
	expect_find(d, "soutien soutien", (const char *[]){NULL});
	expect_find(d, "service serv", (const char *[]){"dpm-ssspm-bda", NULL});
	/* "sect" needs "section": "s" takes "soutien", not "section" */
	expect_find(d, "s sect san", (const char *[]){"dsl-sss-ssan", NULL});
	/* the whole name first, whatever the order of the words */
	expect_find(d, "du genie section", (const char *[]){"dsl-sss-sg", NULL});
}

/* Every unit's name finds that unit alone, and its rank is the best. */
static void every_name_finds_its_unit(void **state)
{
	const struct doc *d = *state;
	for (size_t i = 0; i < d->nunits; i++) {
		const struct unit *u = d->units[i];
		struct unit **found = NULL;
		size_t n = unit_find(d, u->name, &found);
		if (n != 1 || found[0] != u)
			fail_msg("'%s' finds %zu units", u->name, n);
		free(found);
		assert_true(unit_match(u, u->name) >= 0);
	}
	assert_true(unit_match(unit(d, "dsl"), "Division du soutien logistique") <
	            unit_match(unit(d, "dsl"), "division"));
	assert_int_equal(unit_match(unit(d, "dsl"), "zzz"), -1);
	assert_int_equal(unit_match(unit(d, "dsl"), ""), -1);
	assert_true(unit_match(unit(d, "dsl"), "div sou") <
	            unit_match(unit(d, "dsl-bd"), "div sou"));
}

static void ambiguous_and_unknown(void **state)
{
	const struct doc *d = *state;
	expect_find(d, "soutien specialise", (const char *[]){"dpm-ssspm", "dsl-sss", NULL});
	expect_find(d, "section regionale",
	            (const char *[]){"dpm-sgpm-srigrh-1", "dpm-sgpm-srigrh-2", "dpm-sgpm-srigrh-3",
	                             "dpm-sgpm-srigrh-4", NULL});
	expect_find(d, "zzz", (const char *[]){NULL});
	expect_find(d, "", (const char *[]){NULL});
	expect_find(d, "réseaux logistique", (const char *[]){NULL});
}

/* A counted unit finds itself by its name with its ordinal, in English or
 * French or any language's connective, or by its name and number. */
static void find_counted_units(void **state)
{
	const struct doc *d = *state;
	expect_find(d, "section regionale 2", (const char *[]){"dpm-sgpm-srigrh-2", NULL});
	expect_find(d, "section regionale 2 of 4", (const char *[]){"dpm-sgpm-srigrh-2", NULL});
	expect_find(d, "Section régionale intégrée de la gestion des ressources humaines (3 sur 4)",
	            (const char *[]){"dpm-sgpm-srigrh-3", NULL});
	expect_find(d, "Section régionale intégrée de la gestion des ressources humaines (3 of 4)",
	            (const char *[]){"dpm-sgpm-srigrh-3", NULL});
	expect_find(d, "section regionale 1 von 4", (const char *[]){"dpm-sgpm-srigrh-1", NULL});
	/* "4" is the fourth, not each of the four sections counted 4 */
	expect_find(d, "section regionale 4", (const char *[]){"dpm-sgpm-srigrh-4", NULL});
	expect_find(d, "section du service des budgets (2 sur 2)",
	            (const char *[]){"dbfm-sbre-s-2", NULL});
	/* the name alone names them all; an ordinal they do not have, none */
	expect_find(d, "Section du Service des budgets et des rapports sur leur exécution",
	            (const char *[]){"dbfm-sbre-s-1", "dbfm-sbre-s-2", NULL});
	expect_find(d, "section regionale 5 sur 4", (const char *[]){NULL});
	expect_find(d, "section regionale 2 4", (const char *[]){NULL});
	expect_find(d, "section regionale 2 sur 3", (const char *[]){NULL});
}

/* The words of a counted unit's name come in any order; its ordinal comes
 * after them, in its order: number, connective, count. */
static void find_counted_units_words_in_any_order(void **state)
{
	const struct doc *d = *state;
	expect_find(d, "regionale section 2", (const char *[]){"dpm-sgpm-srigrh-2", NULL});
	expect_find(d, "ressources sect reg 3 of 4", (const char *[]){"dpm-sgpm-srigrh-3", NULL});
	expect_find(d, "budgets section 2 sur 2", (const char *[]){"dbfm-sbre-s-2", NULL});
	/* "4" is still the fourth, whatever the order of the other words */
	expect_find(d, "integree section 4", (const char *[]){"dpm-sgpm-srigrh-4", NULL});
	/* the name's words in any order with the whole ordinal: the whole name */
	const struct unit *s3 = unit(d, "dpm-sgpm-srigrh-3");
	const char *all = "humaines ressources des gestion la de integree regionale section 3 of 4";
	assert_true(unit_match(s3, all) >= 0);
	assert_true(unit_match(s3, all) < UNIT_MATCH_WHOLE);
	assert_true(unit_match(s3, "regionale section 3 sur") >= UNIT_MATCH_WHOLE);
	assert_int_equal(unit_match(unit(d, "dpm-sgpm-srigrh-2"), all), -1);
	/* the ordinal is not one of the name's words: not before them, not
	 * shuffled */
	expect_find(d, "2 section regionale", (const char *[]){NULL});
	expect_find(d, "4 of 4 section regionale", (const char *[]){NULL});
	expect_find(d, "section regionale of 4 2", (const char *[]){NULL});
	expect_find(d, "section regionale 4 2 of", (const char *[]){NULL});
}

/* The bulletin's words are kept as they are: the counted units' showAs has
 * no ordinal; the name shown adds it, in English in the C locale. */
static void names_and_ordinals_in_english(void **state)
{
	const struct doc *d = *state;
	const struct unit *s = unit(d, "dpm-sgpm-srigrh-2");
	assert_string_equal(s->showas,
	                    "Section régionale intégrée de la gestion des ressources humaines");
	assert_string_equal(
	    s->name, "Section régionale intégrée de la gestion des ressources humaines (2 of 4)");
	char *n = unit_display_name(unit(d, "dbfm-sbre-s-1"));
	assert_string_equal(
	    n, "Section du Service des budgets et des rapports sur leur exécution (1 of 2)");
	free(n);
	const struct unit *dsl = unit(d, "dsl");
	assert_string_equal(dsl->name, dsl->showas);
	for (size_t i = 0; i < d->nunits; i++)
		if (strstr(d->units[i]->showas, " sur ") && strstr(d->units[i]->showas, ")"))
			fail_msg("%s: an ordinal in the showAs: %s", d->units[i]->id,
			         d->units[i]->showas);
}

/* Each kind in the language of the interface: English in the C locale; a
 * kind circ does not know is shown as written. */
static void kinds_in_english(void **state)
{
	const struct doc *d = *state;
	static const char *const want[][2] = {
	    {"dam", "department"}, {"dam-bsga", "office"}, {"dam-bsga-secretariat", "secretariat"},
	    {"dsl", "division"},   {"dsl-sso", "service"}, {"dtic-siom-sr", "section"},
	    {"dam-gdd", "group"},  {"dam-elam", "team"},   {"ext-domp", "department"},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		assert_string_equal(unit_kind(unit(d, want[i][0])), want[i][1]);
	static const char *const french[] = {"département", "bureau", "secrétariat",  "groupe",
	                                     "équipe",      "organe", "organisation", "cellule"};
	size_t organe = 0, organisation = 0, centre = 0, base = 0;
	for (size_t i = 0; i < d->nunits; i++) {
		const char *k = unit_kind(d->units[i]);
		for (size_t f = 0; f < sizeof french / sizeof french[0]; f++)
			if (strcmp(k, french[f]) == 0)
				fail_msg("%s: the French kind '%s' in English", d->units[i]->id, k);
		organe += strcmp(k, "body") == 0;
		organisation += strcmp(k, "organization") == 0;
		centre += strcmp(k, "centre") == 0;
		base += strcmp(k, "base") == 0;
	}
	assert_int_equal(organe, 6);
	assert_int_equal(organisation, 2);
	assert_int_equal(centre, 1);
	assert_int_equal(base, 1);
	struct unit other = {.kind = "commission régionale"};
	assert_string_equal(unit_kind(&other), "commission régionale");
	struct unit cell = {.kind = "cellule"};
	assert_string_equal(unit_kind(&cell), "cell");
	struct unit none = {.kind = NULL};
	assert_string_equal(unit_kind(&none), "unit");
}

/* Switch the messages to French, from the build tree's catalogue; 0 when
 * the system has no French locale or circ is built without NLS. */
static int to_french(void)
{
#ifdef ENABLE_NLS
	setenv("LANGUAGE", "fr", 1);
	if (setlocale(LC_ALL, "fr_FR.UTF-8") == NULL && setlocale(LC_ALL, "fr_FR.utf8") == NULL)
		return 0;
	bindtextdomain(CIRC_DOMAIN, TEST_LOCALEDIR);
	textdomain(CIRC_DOMAIN);
	return 1;
#else
	return 0; /* built without NLS: English only */
#endif
}

static void to_english(void)
{
	unsetenv("LANGUAGE");
	setlocale(LC_ALL, "C");
}

/* In French: the bulletin's words for the kinds, « (2 sur 4) »; the units'
 * names untouched. */
static void kinds_and_ordinals_in_french(void **state)
{
	const struct doc *d = *state;
	if (!to_french()) {
		to_english();
		skip();
	}
	static const char *const want[][2] = {
	    {"dam", "département"}, {"dam-bsga", "bureau"}, {"dam-bssg-secretariat", "secrétariat"},
	    {"dsl", "division"},    {"dsl-sso", "service"}, {"dtic-siom-sr", "section"},
	    {"dam-gdd", "groupe"},  {"dam-elam", "équipe"},
	};
	const char *failed = NULL, *got = NULL;
	for (size_t i = 0; i < sizeof want / sizeof want[0] && !failed; i++)
		if (strcmp(unit_kind(unit(d, want[i][0])), want[i][1]) != 0) {
			failed = want[i][1];
			got = unit_kind(unit(d, want[i][0]));
		}
	/* every kind of the bulletin comes back as the bulletin writes it */
	for (size_t i = 0; i < d->nunits && !failed; i++)
		if (strcmp(unit_kind(d->units[i]), d->units[i]->kind) != 0) {
			failed = d->units[i]->kind;
			got = unit_kind(d->units[i]);
		}
	char *n = unit_display_name(unit(d, "dpm-sgpm-srigrh-2"));
	struct diag_list dl = DIAG_LIST_INIT;
	struct doc *fr = doc_load(BULLETIN, SCHEMA, &dl);
	diag_clear(&dl);
	char *loaded = fr ? xstrdup(unit_by_id(fr, "dbfm-sbre-s-2")->name) : NULL;
	char *showas = fr ? xstrdup(unit_by_id(fr, "dbfm-sbre-s-2")->showas) : NULL;
	doc_free(fr);
	to_english();
	if (failed)
		fail_msg("French kind: got '%s', want '%s'", got, failed);
	assert_string_equal(
	    n, "Section régionale intégrée de la gestion des ressources humaines (2 sur 4)");
	assert_non_null(loaded);
	assert_string_equal(
	    loaded, "Section du Service des budgets et des rapports sur leur exécution (2 sur 2)");
	assert_string_equal(showas,
	                    "Section du Service des budgets et des rapports sur leur exécution");
	free(n);
	free(loaded);
	free(showas);
	/* back in English */
	assert_string_equal(unit_kind(unit(d, "dam-gdd")), "group");
}

/* unit_by_id finds every unit by its eId, with or without the '#' of a
 * reference, the first and the last in eId order included; an eId between
 * two units, or before the first or after the last, finds none. */
static void every_unit_by_its_eid(void **state)
{
	const struct doc *d = *state;
	assert_true(d->nunits > 0);
	const char *first = NULL, *last = NULL;
	for (size_t i = 0; i < d->nunits; i++) {
		const struct unit *u = d->units[i];
		if (unit_by_id(d, u->id) != u)
			fail_msg("unit '%s' is not found by its eId", u->id);
		char *ref = xasprintf("#%s", u->id);
		if (unit_by_id(d, ref) != u)
			fail_msg("unit '%s' is not found as '%s'", u->id, ref);
		free(ref);
		if (first == NULL || strcmp(u->id, first) < 0)
			first = u->id;
		if (last == NULL || strcmp(u->id, last) > 0)
			last = u->id;
	}
	/* the bulletin's own ends of the order, so that a change of data that
	 * moves them is seen */
	assert_string_equal(first, "dam");
	assert_string_equal(last, "un");
	assert_null(unit_by_id(d, ""));
	assert_null(unit_by_id(d, "a"));
	assert_null(unit_by_id(d, "zz"));
	assert_null(unit_by_id(d, "dam-"));
	assert_null(unit_by_id(d, NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(counts_per_kind),
	    cmocka_unit_test(every_unit_by_its_eid),
	    cmocka_unit_test(every_internal_unit_reaches_the_department),
	    cmocka_unit_test(parent_chains_of_leaves),
	    cmocka_unit_test(heads_and_reporting_lines),
	    cmocka_unit_test(offices_of_officials),
	    cmocka_unit_test(head_functions_have_a_head),
	    cmocka_unit_test(counted_units),
	    cmocka_unit_test(find_by_name),
	    cmocka_unit_test(find_words_in_any_order),
	    cmocka_unit_test(every_name_finds_its_unit),
	    cmocka_unit_test(ambiguous_and_unknown),
	    cmocka_unit_test(find_counted_units),
	    cmocka_unit_test(find_counted_units_words_in_any_order),
	    cmocka_unit_test(names_and_ordinals_in_english),
	    cmocka_unit_test(kinds_in_english),
	    cmocka_unit_test(kinds_and_ordinals_in_french),
	};
	return cmocka_run_group_tests(tests, load_bulletin, free_bulletin);
}
