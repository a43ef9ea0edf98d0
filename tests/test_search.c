/* test_search.c: regex search with smart case and accents, offsets back to
 * the original text, and safety against any pattern. */
#include <stdlib.h>
#include <string.h>

#include "circ/lookup.h"
#include "circ/search.h"
#include "circ/utf8.h"
#include "testutil.h"

static struct search *compile(const char *pat, enum search_mode cases, enum search_mode accents,
                              int fixed)
{
	struct search_opts o = {cases, accents, fixed};
	char *err = NULL;
	struct search *s = search_compile(pat, &o, &err);
	if (s == NULL)
		fail_msg("'%s' does not compile: %s", pat, err);
	return s;
}

/* The matches of pat in text, as "[match]" pieces joined by "|". */
static char *matches(const char *pat, enum search_mode cases, enum search_mode accents, int fixed,
                     const char *text)
{
	struct search *s = compile(pat, cases, accents, fixed);
	size_t *v = NULL, nv = 0;
	char *err = NULL;
	assert_int_equal(search_text(s, text, strlen(text), &v, &nv, &err), 0);
	static char buf[1024];
	buf[0] = '\0';
	for (size_t i = 0; i < nv; i += 2) {
		if (i)
			strcat(buf, "|");
		strncat(buf, text + v[i], v[i + 1] - v[i]);
	}
	free(v);
	search_free(s);
	return buf;
}

#define SMART SEARCH_SMART
#define IGN   SEARCH_IGNORE
#define EXA   SEARCH_EXACT

static void accents_forgiven(void **state)
{
	(void)state;
	assert_string_equal(
	    matches("equipe de liaison", SMART, SMART, 0, "de l’Équipe de liaison pour"),
	    "Équipe de liaison");
	assert_string_equal(matches("oeuvre", SMART, SMART, 0, "mise en œuvre des"), "œuvre");
	assert_string_equal(matches("l'appui", SMART, SMART, 0, "Département de l’appui aux"),
	                    "l’appui");
	assert_string_equal(
	    matches("aaaceeeeiioouuuyoeaec", SMART, SMART, 0, "àâäçéèêëîïôöùûüÿœæÇ"),
	    "àâäçéèêëîïôöùûüÿœæÇ");
	assert_string_equal(matches("1.2 ci-dessus", SMART, SMART, 1,
	                            "paragraphe 1.2\xC2\xA0"
	                            "ci-dessus;"),
	                    "1.2\xC2\xA0"
	                    "ci-dessus");
	/* a decomposed accent (e + U+0301) is found as well */
	assert_string_equal(matches("equipe", SMART, SMART, 0, "E\xCC\x81quipe"), "E\xCC\x81quipe");
}

static void smart_case_and_accents(void **state)
{
	(void)state;
	const char *t = "Équipe, équipe, equipe, EQUIPE";
	assert_string_equal(matches("equipe", SMART, SMART, 0, t), "Équipe|équipe|equipe|EQUIPE");
	/* a capital: case matters; no accent: accents do not */
	assert_string_equal(matches("Equipe", SMART, SMART, 0, t), "Équipe");
	/* an accent: accents matter; no capital: case does not */
	assert_string_equal(matches("équipe", SMART, SMART, 0, t), "Équipe|équipe");
	assert_string_equal(matches("Équipe", SMART, SMART, 0, t), "Équipe");
	/* forced either way */
	assert_string_equal(matches("equipe", EXA, SMART, 0, t), "équipe|equipe");
	assert_string_equal(matches("équipe", SMART, IGN, 0, t), "Équipe|équipe|equipe|EQUIPE");
	assert_string_equal(matches("EQUIPE", IGN, EXA, 0, t), "equipe|EQUIPE");
	/* escapes are syntax, not capitals: \S, \W stay smart */
	assert_string_equal(matches("\\Squipe", SMART, SMART, 0, "Équipe"), "Équipe");
	struct search *s = compile("\\bDivision\\b", SMART, SMART, 0);
	assert_false(search_ignores_case(s));
	assert_true(search_ignores_accents(s));
	search_free(s);
}

static void fixed_strings(void **state)
{
	(void)state;
	assert_string_equal(matches("a.b", SMART, SMART, 1, "axb a.b"), "a.b");
	assert_string_equal(matches("(", SMART, SMART, 1, "x (y)"), "(");
	assert_string_equal(matches("Équipe (", SMART, SMART, 1, "l’équipe ( et l’Équipe ("),
	                    "Équipe (");
}

static void offsets_after_folding(void **state)
{
	(void)state;
	const char *t = "Œuvre à l’été";
	struct search *s = compile("ete", SMART, SMART, 0);
	size_t *v = NULL, nv = 0;
	char *err = NULL;
	assert_int_equal(search_text(s, t, strlen(t), &v, &nv, &err), 0);
	assert_int_equal(nv, 2);
	assert_int_equal(v[0], strlen("Œuvre à l’"));
	assert_int_equal(v[1], strlen(t));
	free(v);
	search_free(s);
	/* a match inside the spelled-out ligature covers the whole character */
	assert_string_equal(matches("o", SMART, SMART, 0, "œ"), "œ");
}

static void bad_patterns(void **state)
{
	(void)state;
	struct search_opts o = {SMART, SMART, 0};
	char *err = NULL;
	assert_null(search_compile("(a", &o, &err));
	assert_string_equal(err, "missing closing parenthesis at offset 2 of the pattern");
	free(err);
	/* the offset is the one of the pattern as typed, before folding */
	assert_null(search_compile("œœ[", &o, &err));
	assert_string_equal(err, "missing terminating ] for character class at offset 5 of the "
	                         "pattern");
	free(err);
	assert_null(search_compile("a\\C", &o, &err));
	assert_non_null(strstr(err, "\\C is disabled"));
	free(err);
	assert_null(search_compile("*", &o, &err));
	assert_non_null(strstr(err, "offset 0"));
	free(err);
}

static void catastrophic_patterns_end(void **state)
{
	(void)state;
	char text[4096];
	memset(text, 'a', sizeof text - 2);
	text[sizeof text - 2] = 'b';
	text[sizeof text - 1] = '\0';
	const char *pats[] = {"(a+)+$", "(a*)*$"};
	for (size_t i = 0; i < sizeof pats / sizeof pats[0]; i++) {
		struct search *s = compile(pats[i], SMART, SMART, 0);
		size_t *v = NULL, nv = 0;
		char *err = NULL;
		assert_int_equal(search_text(s, text, strlen(text), &v, &nv, &err), -1);
		assert_non_null(strstr(err, "too complex"));
		free(err);
		free(v);
		search_free(s);
	}
	memset(text, 'x', sizeof text - 1);
	memcpy(text + sizeof text - 4, "! y", 3);
	struct search *s = compile("(x+x+)+y", SMART, SMART, 0);
	size_t *v = NULL, nv = 0;
	char *err = NULL;
	assert_int_equal(search_text(s, text, strlen(text), &v, &nv, &err), -1);
	assert_non_null(strstr(err, "too complex"));
	free(err);
	free(v);
	search_free(s);
	/* PCRE2 ends this one at once: no 'c' in the text */
	assert_string_equal(
	    matches("(a|a)*c", SMART, SMART, 0, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"), "");
}

static void empty_matches_and_odd_syntax(void **state)
{
	(void)state;
	assert_string_equal(matches("x*", SMART, SMART, 0, "abxxc"), "xx");
	assert_string_equal(matches("^", SMART, SMART, 0, "abc"), "");
	assert_string_equal(matches("\\b", SMART, SMART, 0, "a b c"), "");
	assert_string_equal(matches("(?=é)", SMART, SMART, 0, "ééé"), "");
	assert_string_equal(matches("", SMART, SMART, 0, "é"), "");
	assert_string_equal(matches("(?C1)abc", SMART, SMART, 0, "xabcx"), "abc");
	assert_string_equal(matches("(*LIMIT_MATCH=100000)mission", SMART, SMART, 0, "Missions"),
	                    "Mission");
	assert_string_equal(matches("(?<Nom>é)\\k<Nom>", SMART, SMART, 0, "éé"), "éé");
	assert_string_equal(matches("\\x{e9}", SMART, EXA, 0, "é"), "é");
	assert_string_equal(matches("a\\Kb", SMART, SMART, 0, "ab"), "b");
}

static void whole_document(void **state)
{
	const struct doc *d = *state;
	struct search *s = compile("equipe de liaison", SMART, SMART, 0);
	struct search_hit *h = NULL;
	size_t n = 0;
	char *err = NULL;
	assert_int_equal(search_doc(s, d, NULL, &h, &n, &err), 0);
	assert_int_equal(n, 3);
	for (size_t i = 1; i < n; i++)
		assert_true(h[i - 1].part->order <= h[i].part->order);
	assert_string_equal(h[0].part->num, "5.3");
	/* the range points at the original text */
	assert_memory_equal(h[0].part->text + h[0].start, "Équipe de liaison",
	                    strlen("Équipe de liaison"));
	free(h);
	search_free(s);

	/* headings and numbers are searched too; --in limits to a part */
	s = compile("Disposition", SMART, SMART, 0);
	assert_int_equal(search_doc(s, d, NULL, &h, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(h[0].field, SEARCH_HEADING);
	free(h);
	search_free(s);
	s = compile("mission", SMART, SMART, 0);
	const struct doc_part *s8 = lookup_ref(d, "s8", NULL);
	assert_int_equal(search_doc(s, d, s8, &h, &n, &err), 0);
	assert_true(n > 10);
	for (size_t i = 0; i < n; i++)
		assert_ptr_equal(doc_part_section(h[i].part), s8);

	/* next and previous, wrapping */
	int wrapped = 0;
	const struct search_hit *last = &h[n - 1];
	long k = search_step(h, n, last->part->order, last->field, last->start, 0, &wrapped);
	assert_int_equal(k, 0);
	assert_true(wrapped);
	k = search_step(h, n, h[0].part->order, h[0].field, h[0].start, 0, &wrapped);
	assert_int_equal(k, 1);
	assert_false(wrapped);
	k = search_step(h, n, h[0].part->order, h[0].field, h[0].start, 1, &wrapped);
	assert_int_equal(k, (long)n - 1);
	assert_true(wrapped);

	/* one line of context around a hit, the match inside it */
	struct strbuf sb = STRBUF_INIT;
	size_t ms, me;
	search_context(&sb, &h[3], 30, &ms, &me);
	/* the paragraph is longer than the line: a third before the match,
	 * then the words that fit, "…" at both ends */
	assert_true(utf8_width(search_field_text(&h[3]), strlen(search_field_text(&h[3]))) > 30);
	assert_string_equal(sb.s, "…les missions et prendre…");
	assert_null(strchr(sb.s, '\n'));
	assert_int_equal(me - ms, h[3].end - h[3].start);
	assert_memory_equal(sb.s + ms, h[3].part->text + h[3].start, me - ms);
	sb_truncate(&sb, 0);
	/* 40 columns: a word cut at the end to fill the line (37 columns;
	 * the start moved to a word) */
	search_context(&sb, &h[3], 40, &ms, &me);
	assert_string_equal(sb.s, "…dans les missions et prendre les me…");
	assert_memory_equal(sb.s + ms, "mission", me - ms);
	sb_free(&sb);
	free(h);
	search_free(s);

	/* the title block is searched first, as the root's title fields */
	s = compile("organisation du d", SMART, SMART, 0);
	assert_int_equal(search_doc(s, d, NULL, &h, &n, &err), 0);
	assert_true(n > 1);
	assert_ptr_equal(h[0].part, d->root);
	assert_int_equal(h[0].field, SEARCH_TITLE);
	assert_int_equal(h[0].start, 0);
	assert_string_equal(search_field_text(&h[0]), d->meta.title);
	assert_ptr_not_equal(h[1].part, d->root);
	char *label = search_hit_label(&h[0]);
	assert_string_equal(label, "title");
	free(label);
	label = search_hit_label(&h[1]);
	assert_string_equal(label, "1.1");
	free(label);
	/* it comes before the preamble (whose order is the root's, 0) and
	 * the steps go through it */
	k = search_step(h, n, 0, SEARCH_NUM, 0, 1, &wrapped);
	assert_int_equal(k, 0);
	assert_false(wrapped);
	k = search_step(h, n, h[0].part->order, h[0].field, h[0].start, 0, &wrapped);
	assert_int_equal(k, 1);
	k = search_step(h, n, h[1].part->order, h[1].field, h[1].start, 1, &wrapped);
	assert_int_equal(k, 0);
	k = search_step(h, n, h[0].part->order, h[0].field, h[0].start, 1, &wrapped);
	assert_int_equal(k, (long)n - 1);
	assert_true(wrapped);
	search_context(&sb, &h[0], 20, &ms, &me);
	assert_memory_equal(sb.s + ms, "Organisation du D", me - ms);
	sb_free(&sb);
	free(h);
	/* a scope other than the whole document leaves it out */
	assert_int_equal(search_doc(s, d, lookup_ref(d, "1.1", NULL), &h, &n, &err), 0);
	for (size_t i = 0; i < n; i++)
		assert_ptr_not_equal(h[i].part, d->root);
	free(h);
	assert_int_equal(search_doc(s, d, d->root, &h, &n, &err), 0);
	assert_ptr_equal(h[0].part, d->root);
	free(h);
	search_free(s);
	s = compile("Circulaire", SMART, SMART, 0);
	assert_int_equal(search_doc(s, d, NULL, &h, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].field, SEARCH_DOCTYPE);
	free(h);
	search_free(s);
}

/* The context a "LABEL: context" line gets: what the label and ": " leave of
 * the width, never less than SEARCH_MIN_CONTEXT; 0 (no limit) stays 0. */
/* Pre-folded text (the index's): the same matches as search_text; a
 * folded text that is not the text's own is not trusted. */
static void prefolded(void **state)
{
	(void)state;
	struct search_opts o = {SEARCH_SMART, SEARCH_SMART, 0};
	char *err = NULL;
	struct search *s = search_compile("equipe", &o, &err);
	assert_non_null(s);
	const char *text = "l’équipe et l’Équipe";
	size_t *v = NULL, nv = 0;
	assert_int_equal(search_prefolded(s, text, strlen(text), "l'equipe et l'Equipe", 20, &v, &nv, &err),
	                 0);
	assert_int_equal(nv, 4);
	assert_int_equal(v[0], 4);
	assert_int_equal(v[1], 11);
	/* a folded text far longer than the text's: its offsets would lead
	 * past the text; the text itself is searched */
	nv = 0;
	const char *bad = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxequipe";
	assert_int_equal(search_prefolded(s, text, strlen(text), bad, strlen(bad), &v, &nv, &err), 0);
	assert_int_equal(nv, 4);
	assert_int_equal(v[0], 4);
	assert_int_equal(v[1], 11);
	free(v);
	search_free(s);
}

static void context_width(void **state)
{
	(void)state;
	assert_int_equal(search_context_width("1.1", 80), 75);
	assert_int_equal(search_context_width("5.3 a)", 40), 32);
	/* columns, not bytes: "§ 2.1" is 5 columns, 6 bytes */
	assert_int_equal(search_context_width("§ 2.1", 40), 33);
	/* the label leaves exactly SEARCH_MIN_CONTEXT, one more, one fewer */
	assert_int_equal(search_context_width("1.1", 10), SEARCH_MIN_CONTEXT);
	assert_int_equal(search_context_width("1.1", 11), 6);
	assert_int_equal(search_context_width("1.1", 9), SEARCH_MIN_CONTEXT);
	assert_int_equal(search_context_width("1.1", 0), 0);
}

static int teardown(void **state)
{
	search_release();
	return free_bulletin(state);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(accents_forgiven),
	    cmocka_unit_test(prefolded),
	    cmocka_unit_test(smart_case_and_accents),
	    cmocka_unit_test(fixed_strings),
	    cmocka_unit_test(offsets_after_folding),
	    cmocka_unit_test(bad_patterns),
	    cmocka_unit_test(catastrophic_patterns_end),
	    cmocka_unit_test(empty_matches_and_odd_syntax),
	    cmocka_unit_test(whole_document),
	    cmocka_unit_test(context_width),
	};
	return cmocka_run_group_tests(tests, load_bulletin, teardown);
}
