/* test_fold.c: case and accent folding, and its map back to the original. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "circ/fold.h"

static void check(const char *in, int flags, const char *want)
{
	struct fold f;
	fold_text(&f, in, strlen(in), flags);
	if (strcmp(f.s, want) != 0)
		fail_msg("fold(\"%s\") = \"%s\", want \"%s\"", in, f.s, want);
	assert_int_equal(f.len, strlen(want));
	assert_int_equal(f.map[f.len], strlen(in));
	fold_free(&f);
	/* without the map: the same text */
	fold_text(&f, in, strlen(in), flags | FOLD_NO_MAP);
	if (strcmp(f.s, want) != 0)
		fail_msg("fold(\"%s\") without map = \"%s\", want \"%s\"", in, f.s, want);
	assert_int_equal(f.len, strlen(want));
	assert_null(f.map);
	fold_free(&f);
}

static void every_french_letter(void **state)
{
	(void)state;
	const int all = FOLD_CASE | FOLD_ACCENTS | FOLD_SPACES;
	check("àâäçéèêëîïôöùûüÿ", all, "aaaceeeeiioouuuy");
	check("ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ", all, "aaaceeeeiioouuuy");
	check("œuvre Œuvre æ Æ", all, "oeuvre oeuvre ae ae");
	check("Équipe de liaison", all, "equipe de liaison");
	check("l’appui", all, "l'appui");
	check("«\xC2\xA0missions\xC2\xA0»", all, "« missions »");
	check("1.2\xE2\x80\xAF"
	      "ci-dessus",
	      all, "1.2 ci-dessus");
	/* a decomposed é (e + U+0301) folds like the composed one, and so
	 * does à (a + U+0300, the first combining mark) */
	check("e\xCC\x81quipe", all, "equipe");
	check("a\xCC\x80 la", all, "a la");
	/* every ASCII capital, A and Z included */
	check("ABCDEFGHIJKLMNOPQRSTUVWXYZ @[`{", all, "abcdefghijklmnopqrstuvwxyz @[`{");
}

static void flags_are_separate(void **state)
{
	(void)state;
	check("Équipe", FOLD_CASE, "équipe");
	check("Équipe", FOLD_ACCENTS, "Equipe");
	check("l’Équipe", FOLD_SPACES, "l'Équipe");
	check("ÉQUIPE", 0, "ÉQUIPE");
}

static void map_points_into_the_original(void **state)
{
	(void)state;
	const char *in = "Œuvre à l’été";
	struct fold f;
	fold_text(&f, in, strlen(in), FOLD_CASE | FOLD_ACCENTS | FOLD_SPACES);
	assert_string_equal(f.s, "oeuvre a l'ete");
	/* "oe" both come from the two bytes of Œ at offset 0 */
	assert_int_equal(f.map[0], 0);
	assert_int_equal(f.map[1], 0);
	assert_int_equal(f.map[2], 2);
	/* "ete" starts at the é of "été" */
	const char *e = strstr(f.s, "ete");
	size_t at = f.map[e - f.s];
	assert_true(strncmp(in + at, "été", strlen("été")) == 0);
	fold_free(&f);
}

static void smart_detection(void **state)
{
	(void)state;
	assert_false(fold_has_upper("equipe", 6));
	assert_true(fold_has_upper("Equipe", 6));
	assert_true(fold_has_upper("équipÉ", strlen("équipÉ")));
	assert_false(fold_has_accent("equipe", 6));
	assert_true(fold_has_accent("équipe", strlen("équipe")));
	assert_true(fold_has_accent("œuvre", strlen("œuvre")));
}

static void simple(void **state)
{
	(void)state;
	char *s = fold_simple("Division du Soutien Logistique");
	assert_string_equal(s, "division du soutien logistique");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_french_letter),
	    cmocka_unit_test(flags_are_separate),
	    cmocka_unit_test(map_points_into_the_original),
	    cmocka_unit_test(smart_detection),
	    cmocka_unit_test(simple),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
