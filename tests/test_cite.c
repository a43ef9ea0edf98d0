/* test_cite.c: the citation detector on every form it knows, spaces of every
 * kind, text that only looks like a citation; its agreement with the
 * bulletin's markup; resolution, backlinks and sentences. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "circ/cite.h"
#include "circ/import.h"
#include "circ/lookup.h"
#include "circ/strbuf.h"
#include "testutil.h"

/* Detect in text; expect exactly one citation covering `span` (a substring
 * of text) whose targets, joined with "|", are `targets`. */
static void one(const char *text, const char *span, const char *targets)
{
	struct cite_list l;
	cite_detect(text, strlen(text), &l);
	if (l.n != 1)
		fail_msg("\"%s\": %zu citations, want 1", text, l.n);
	const char *at = strstr(text, span);
	assert_non_null(at);
	if (l.v[0].start != (size_t)(at - text) || l.v[0].end != (size_t)(at - text) + strlen(span))
		fail_msg("\"%s\": found \"%.*s\", want \"%s\"", text,
		         (int)(l.v[0].end - l.v[0].start), text + l.v[0].start, span);
	char got[512] = "";
	for (size_t i = 0; i < l.v[0].ntargets; i++) {
		const struct cite_target *t = &l.v[0].targets[i];
		if (i)
			strcat(got, "|");
		strcat(got, t->kind == CITE_SELF ? "SELF" : t->ref);
		if (t->kind == CITE_EXTERNAL && t->part) {
			strcat(got, " ");
			strcat(got, t->part);
		}
		if (t->kind == CITE_EXTERNAL)
			strcat(got, " (ext)");
		else if (t->part)
			fail_msg("\"%s\": a part of this document with a part %s", text, t->part);
	}
	if (strcmp(got, targets) != 0)
		fail_msg("\"%s\": targets \"%s\", want \"%s\"", text, got, targets);
	cite_list_free(&l);
}

static void none(const char *text)
{
	struct cite_list l;
	cite_detect(text, strlen(text), &l);
	if (l.n != 0)
		fail_msg("\"%s\": found \"%.*s\", want nothing", text,
		         (int)(l.v[0].end - l.v[0].start), text + l.v[0].start);
	cite_list_free(&l);
}

static void french_forms(void **state)
{
	(void)state;
	one("conformément au paragraphe 1.2.", "paragraphe 1.2", "1.2");
	one("aux paragraphes 2.1 et 2.4 ci-dessus;", "paragraphes 2.1 et 2.4 ci-dessus", "2.1|2.4");
	one("les paragraphes 2.1 à 2.4", "paragraphes 2.1 à 2.4", "2.1|2.2|2.3|2.4");
	one("paragraphes 2.1, 2.3 et 2.5 ci-dessous", "paragraphes 2.1, 2.3 et 2.5 ci-dessous",
	    "2.1|2.3|2.5");
	one("à l’alinéa b) du paragraphe 5.2 ci-dessus", "alinéa b) du paragraphe 5.2 ci-dessus",
	    "5.2 b)");
	one("les alinéas a) à c) du paragraphe 7.3", "alinéas a) à c) du paragraphe 7.3",
	    "7.3 a)|7.3 b)|7.3 c)");
	one("le sous-alinéa ii) de l’alinéa d) du paragraphe 7.3",
	    "sous-alinéa ii) de l’alinéa d) du paragraphe 7.3", "7.3 d) ii)");
	one("les sous-alinéas i) et ii) de l'alinéa d) du paragraphe 7.3",
	    "sous-alinéas i) et ii) de l'alinéa d) du paragraphe 7.3", "7.3 d) i)|7.3 d) ii)");
	one("voir la section 3.", "section 3", "section 3");
	one("les sections 4 et 5", "sections 4 et 5", "section 4|section 5");
	one("les sections 4 à 6 ci-après", "sections 4 à 6 ci-après",
	    "section 4|section 5|section 6");
	one("décrites dans la présente circulaire, le", "la présente circulaire", "SELF");
	one("La présente circulaire entrera en vigueur", "La présente circulaire", "SELF");
	one("Paragraphe 10.1", "Paragraphe 10.1", "10.1");
}

static void english_forms(void **state)
{
	(void)state;
	one("in accordance with paragraph 1.2 above,", "paragraph 1.2 above", "1.2");
	one("subparagraph (b) of paragraph 5.2", "subparagraph (b) of paragraph 5.2", "5.2 b)");
	one("subparagraphs (a) to (c) of paragraph 7.3",
	    "subparagraphs (a) to (c) of paragraph 7.3", "7.3 a)|7.3 b)|7.3 c)");
	one("paragraphs 2.1 and 2.4", "paragraphs 2.1 and 2.4", "2.1|2.4");
	one("see section 3", "section 3", "section 3");
	one("set out in the present bulletin.", "the present bulletin", "SELF");
}

/* Ranges of items are expanded once each, both ends included, at the start
 * and at the end of the alphabet and of the roman numerals circ knows. */
static void ranges_of_items(void **state)
{
	(void)state;
	one("les sous-alinéas i) à iii) de l’alinéa d) du paragraphe 7.3",
	    "sous-alinéas i) à iii) de l’alinéa d) du paragraphe 7.3",
	    "7.3 d) i)|7.3 d) ii)|7.3 d) iii)");
	one("les sous-alinéas ii) à v) de l’alinéa b) du paragraphe 2.1",
	    "sous-alinéas ii) à v) de l’alinéa b) du paragraphe 2.1",
	    "2.1 b) ii)|2.1 b) iii)|2.1 b) iv)|2.1 b) v)");
	one("les sous-alinéas xviii) à xx) de l’alinéa a) du paragraphe 1.1",
	    "sous-alinéas xviii) à xx) de l’alinéa a) du paragraphe 1.1",
	    "1.1 a) xviii)|1.1 a) xix)|1.1 a) xx)");
	one("sub-subparagraphs (i) to (iii) of subparagraph (d) of paragraph 7.3",
	    "sub-subparagraphs (i) to (iii) of subparagraph (d) of paragraph 7.3",
	    "7.3 d) i)|7.3 d) ii)|7.3 d) iii)");
	one("sub-subparagraphs (ix) to (xi) of subparagraph (a) of paragraph 4.2",
	    "sub-subparagraphs (ix) to (xi) of subparagraph (a) of paragraph 4.2",
	    "4.2 a) ix)|4.2 a) x)|4.2 a) xi)");
	one("les alinéas a) à c) du paragraphe 2.1", "alinéas a) à c) du paragraphe 2.1",
	    "2.1 a)|2.1 b)|2.1 c)");
	one("les alinéas x) à z) du paragraphe 2.1", "alinéas x) à z) du paragraphe 2.1",
	    "2.1 x)|2.1 y)|2.1 z)");
	one("les alinéas a) à b) du paragraphe 2.1", "alinéas a) à b) du paragraphe 2.1",
	    "2.1 a)|2.1 b)");
	one("subparagraphs (a) to (c) of paragraph 2.1",
	    "subparagraphs (a) to (c) of paragraph 2.1", "2.1 a)|2.1 b)|2.1 c)");
	one("subparagraphs (w) to (z) of paragraph 2.1",
	    "subparagraphs (w) to (z) of paragraph 2.1", "2.1 w)|2.1 x)|2.1 y)|2.1 z)");
	one("les paragraphes 2.9 à 2.11", "paragraphes 2.9 à 2.11", "2.9|2.10|2.11");
	one("paragraphs 1 to 3", "paragraphs 1 to 3", "1|2|3");
}

static void document_symbols(void **state)
{
	(void)state;
	one("la circulaire ST/SGB/1997/5 du", "ST/SGB/1997/5", "ST/SGB/1997/5 (ext)");
	one("l’instruction ST/AI/189/Add.25/Rev.1.", "ST/AI/189/Add.25/Rev.1",
	    "ST/AI/189/Add.25/Rev.1 (ext)");
	one("le rapport A/64/633.", "A/64/633", "A/64/633 (ext)");
	one("voir A/64/633/Corr.1, page 2", "A/64/633/Corr.1", "A/64/633/Corr.1 (ext)");
	one("(ST/SGB/2010/2)", "ST/SGB/2010/2", "ST/SGB/2010/2 (ext)");
}

/* A part of another document: one citation, the symbol with the part. */
static void parts_of_other_documents(void **state)
{
	(void)state;
	one("voir le paragraphe 3.2 de la circulaire ST/SGB/2010/1.",
	    "paragraphe 3.2 de la circulaire ST/SGB/2010/1", "ST/SGB/2010/1 3.2 (ext)");
	one("à l’alinéa b) du paragraphe 5.2 de la circulaire ST/SGB/2010/1,",
	    "alinéa b) du paragraphe 5.2 de la circulaire ST/SGB/2010/1",
	    "ST/SGB/2010/1 5.2 b) (ext)");
	one("la section 4 de l'instruction administrative ST/AI/2010/5 prévoit",
	    "section 4 de l'instruction administrative ST/AI/2010/5",
	    "ST/AI/2010/5 Section 4 (ext)");
	one("la section 4 de l’instruction administrative ST/AI/2010/5",
	    "section 4 de l’instruction administrative ST/AI/2010/5",
	    "ST/AI/2010/5 Section 4 (ext)");
	one("conformément aux paragraphes 2.1 et 2.4 de la circulaire ST/SGB/2010/1;",
	    "paragraphes 2.1 et 2.4 de la circulaire ST/SGB/2010/1",
	    "ST/SGB/2010/1 2.1 (ext)|ST/SGB/2010/1 2.4 (ext)");
	one("les paragraphes 2.1 à 2.3 du document ST/SGB/2010/1",
	    "paragraphes 2.1 à 2.3 du document ST/SGB/2010/1",
	    "ST/SGB/2010/1 2.1 (ext)|ST/SGB/2010/1 2.2 (ext)|ST/SGB/2010/1 2.3 (ext)");
	one("au paragraphe 3.2 du document ST/SGB/2010/1",
	    "paragraphe 3.2 du document ST/SGB/2010/1", "ST/SGB/2010/1 3.2 (ext)");
	one("au paragraphe 3.2 de ST/SGB/2010/1", "paragraphe 3.2 de ST/SGB/2010/1",
	    "ST/SGB/2010/1 3.2 (ext)");
	one("paragraphe 3.2 de la circulaire du Secrétaire général ST/SGB/2010/1",
	    "paragraphe 3.2 de la circulaire du Secrétaire général ST/SGB/2010/1",
	    "ST/SGB/2010/1 3.2 (ext)");
	one("le sous-alinéa ii) de l’alinéa d) du paragraphe 7.3 de la circulaire ST/SGB/2010/1",
	    "sous-alinéa ii) de l’alinéa d) du paragraphe 7.3 de la circulaire ST/SGB/2010/1",
	    "ST/SGB/2010/1 7.3 d) ii) (ext)");
	one("see section 4 of ST/AI/2010/5.", "section 4 of ST/AI/2010/5",
	    "ST/AI/2010/5 Section 4 (ext)");
	one("under paragraph 3.2 of bulletin ST/SGB/2010/1",
	    "paragraph 3.2 of bulletin ST/SGB/2010/1", "ST/SGB/2010/1 3.2 (ext)");
	one("paragraph 3.2 of Secretary-General's bulletin ST/SGB/2010/1",
	    "paragraph 3.2 of Secretary-General's bulletin ST/SGB/2010/1",
	    "ST/SGB/2010/1 3.2 (ext)");
	one("paragraph 3.2 of the Secretary-General’s bulletin ST/SGB/2010/1",
	    "paragraph 3.2 of the Secretary-General’s bulletin ST/SGB/2010/1",
	    "ST/SGB/2010/1 3.2 (ext)");
	one("subparagraph (b) of paragraph 5.2 of ST/SGB/2010/1",
	    "subparagraph (b) of paragraph 5.2 of ST/SGB/2010/1", "ST/SGB/2010/1 5.2 b) (ext)");
	one("section 4 of administrative instruction ST/AI/2010/5",
	    "section 4 of administrative instruction ST/AI/2010/5", "ST/AI/2010/5 Section 4 (ext)");
	one("paragraphs 2.1 and 2.4 of document ST/SGB/2010/1",
	    "paragraphs 2.1 and 2.4 of document ST/SGB/2010/1",
	    "ST/SGB/2010/1 2.1 (ext)|ST/SGB/2010/1 2.4 (ext)");
	/* any Unicode space, any case */
	one("Paragraphe\xC2\xA0"
	    "3.2 DE LA Circulaire\xE2\x80\xAF"
	    "ST/SGB/2010/1",
	    "Paragraphe\xC2\xA0"
	    "3.2 DE LA Circulaire\xE2\x80\xAF"
	    "ST/SGB/2010/1",
	    "ST/SGB/2010/1 3.2 (ext)");
	/* the whole document, as before */
	one("la circulaire ST/SGB/2010/1 du", "ST/SGB/2010/1", "ST/SGB/2010/1 (ext)");
	one("du document ST/SGB/2010/1", "ST/SGB/2010/1", "ST/SGB/2010/1 (ext)");
	/* a part of this document */
	one("au paragraphe 3.2.", "paragraphe 3.2", "3.2");
	one("au paragraphe 3.2 ci-dessus", "paragraphe 3.2 ci-dessus", "3.2");
}

/* What is not a part of another document. */
static void not_parts_of_other_documents(void **state)
{
	(void)state;
	/* this document: the part, then the document itself */
	struct cite_list l;
	const char *t = "au paragraphe 3.2 de la présente circulaire";
	cite_detect(t, strlen(t), &l);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].targets[0].kind, CITE_PART);
	assert_string_equal(l.v[0].targets[0].ref, "3.2");
	assert_null(l.v[0].targets[0].part);
	assert_int_equal(l.v[1].targets[0].kind, CITE_SELF);
	cite_list_free(&l);
	/* a part, then a symbol the text does not tie to it */
	t = "au paragraphe 3.2, conformément à la circulaire ST/SGB/2010/1";
	cite_detect(t, strlen(t), &l);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].targets[0].kind, CITE_PART);
	assert_int_equal(l.v[1].targets[0].kind, CITE_EXTERNAL);
	assert_null(l.v[1].targets[0].part);
	cite_list_free(&l);
	t = "paragraph 3.2 above of ST/SGB/2010/1";
	cite_detect(t, strlen(t), &l);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].targets[0].kind, CITE_PART);
	cite_list_free(&l);
	/* a type of document the list does not have */
	t = "paragraphe 3.2 de la résolution ST/SGB/2010/1";
	cite_detect(t, strlen(t), &l);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].targets[0].kind, CITE_PART);
	cite_list_free(&l);
	/* a symbol in small letters is no symbol */
	t = "paragraph 3.2 of st/sgb/2010/1";
	cite_detect(t, strlen(t), &l);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].targets[0].kind, CITE_PART);
	cite_list_free(&l);
	/* cite_parse: a part of another document is one citation */
	struct cite c;
	assert_true(cite_parse("paragraphe 3.2 de la circulaire ST/SGB/2010/1", &c));
	assert_int_equal(c.ntargets, 1);
	assert_int_equal(c.targets[0].kind, CITE_EXTERNAL);
	assert_string_equal(c.targets[0].ref, "ST/SGB/2010/1");
	assert_string_equal(c.targets[0].part, "3.2");
	cite_free(&c);
}

/* Akoma Ntoso IRIs: the work, the fragment, the symbol; the eIds of the
 * naming rule. */
static void iris_and_eids(void **state)
{
	(void)state;
	struct {
		const char *iri, *work, *eid;
	} w[] = {
	    {"/akn/un/statement/bulletin/2010/ST-SGB-2010-1/!main#sec_4",
	     "/akn/un/statement/bulletin/2010/ST-SGB-2010-1", "sec_4"},
	    {"/akn/un/statement/bulletin/2010/ST-SGB-2010-1/fra@/!main#para_3-2",
	     "/akn/un/statement/bulletin/2010/ST-SGB-2010-1", "para_3-2"},
	    {"/akn/un/statement/bulletin/2010/ST-SGB-2010-1#sec_4",
	     "/akn/un/statement/bulletin/2010/ST-SGB-2010-1", "sec_4"},
	    {"/akn/un/statement/bulletin/2010/ST-SGB-2010-1/fra@2010-06-01",
	     "/akn/un/statement/bulletin/2010/ST-SGB-2010-1", NULL},
	    {"/akn/un/statement/bulletin/2010/ST-SGB-2010-1/fra@/!main~sec_4",
	     "/akn/un/statement/bulletin/2010/ST-SGB-2010-1", "sec_4"},
	    {"/akn/un/statement/bulletin/2010/ST-SGB-2010-1/",
	     "/akn/un/statement/bulletin/2010/ST-SGB-2010-1", NULL},
	    {"/akn/un/doc/A-64-633", "/akn/un/doc/A-64-633", NULL},
	    {"#sec_4", NULL, NULL},
	    {"http://example.org/akn/x", NULL, NULL},
	};
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
		char *eid = (char *)"unset";
		char *work = cite_iri_work(w[i].iri, &eid);
		if (w[i].work == NULL) {
			assert_null(work);
		} else {
			assert_non_null(work);
			assert_string_equal(work, w[i].work);
		}
		if (w[i].eid == NULL) {
			assert_null(eid);
		} else {
			assert_non_null(eid);
			assert_string_equal(eid, w[i].eid);
		}
		free(work);
		free(eid);
	}
	struct {
		const char *iri, *sym;
	} s[] = {
	    {"/akn/un/statement/bulletin/2009/ST-SGB-2009-4", "ST/SGB/2009/4"},
	    {"/akn/un/statement/bulletin/2009/ST-SGB-2009-4/fra@/!main#sec_1", "ST/SGB/2009/4"},
	    {"/akn/un/statement/instruction/ST-AI-189-Add.25-Rev.1", "ST/AI/189/Add.25/Rev.1"},
	    {"/akn/un/doc/A-64-633", "A/64/633"},
	    /* not the convention: the kind does not fit the symbol */
	    {"/akn/un/statement/instruction/2009/ST-SGB-2009-4", NULL},
	    {"/akn/fr/act/2009/ST-SGB-2009-4", NULL},
	    {"/akn/un/statement/bulletin/2009/rapport-annuel", NULL},
	    {"/akn/un/doc/X-64-633", NULL},
	    {"/akn/un/doc/A-64", NULL},
	    {"/akn/un/doc/A-64-633-corr.1", NULL},
	    {"/akn/un/doc/A-64-633-Corr.1", "A/64/633/Corr.1"},
	};
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++) {
		char *sym = cite_iri_symbol(s[i].iri);
		if (s[i].sym == NULL) {
			if (sym)
				fail_msg("%s: symbol %s, want none", s[i].iri, sym);
		} else {
			assert_non_null(sym);
			assert_string_equal(sym, s[i].sym);
		}
		free(sym);
	}
	struct {
		const char *part, *eid;
	} e[] = {
	    {"3.2", "sec_3__para_3-2"},
	    {"Section 4", "sec_4"},
	    {"5.2 b)", "sec_5__para_5-2__list_1__point_b"},
	    {"7.3 d) ii)", "sec_7__para_7-3__list_1__point_d__list_1__point_ii"},
	    {"10.12", "sec_10__para_10-12"},
	    {"3", NULL},
	    {"3.2.1", NULL},
	    {"5.2 bb)", NULL},
	    {"7.3 d) zz)", NULL},
	    {"Section 4a", NULL},
	};
	for (size_t i = 0; i < sizeof e / sizeof e[0]; i++) {
		char *eid = cite_part_eid(e[i].part);
		if (e[i].eid == NULL) {
			if (eid)
				fail_msg("%s: eId %s, want none", e[i].part, eid);
		} else {
			assert_non_null(eid);
			assert_string_equal(eid, e[i].eid);
		}
		free(eid);
	}
}

static void every_kind_of_space(void **state)
{
	(void)state;
	one("du paragraphe\xC2\xA0"
	    "1.2\xC2\xA0"
	    "ci-dessus,",
	    "paragraphe\xC2\xA0"
	    "1.2\xC2\xA0"
	    "ci-dessus",
	    "1.2");
	one("du paragraphe\xE2\x80\xAF"
	    "1.2",
	    "paragraphe\xE2\x80\xAF"
	    "1.2",
	    "1.2");
	one("à l’alinéa\xC2\xA0"
	    "b) du paragraphe 5.2",
	    "alinéa\xC2\xA0"
	    "b) du paragraphe 5.2",
	    "5.2 b)");
	/* a line end inside a citation */
	one("du paragraphe\n1.2 et", "paragraphe\n1.2", "1.2");
	one("l’alinéa b)\r\ndu   paragraphe\t5.2", "alinéa b)\r\ndu   paragraphe\t5.2", "5.2 b)");
}

static void look_alikes(void **state)
{
	(void)state;
	none("un budget de 1.2 million de dollars");
	none("la Section des réseaux et la section des affaires publiques");
	none("le Chef de section");
	none("le paragraphe unique");
	none("ST/SGB seul");
	none("les sections régionales intégrées");
	none("reparagraphe 1.2");
	none("sous-section 3.2.");
	none("une circulaire présente");
	none("");
	/* half a citation: only the part that is one */
	one("l’alinéa b) ci-dessus et le paragraphe 5.2", "paragraphe 5.2", "5.2");
}

/* cite_parse: a whole string that is one citation, and only that. */
static void whole_strings(void **state)
{
	(void)state;
	struct cite c;
	assert_true(cite_parse(" \xC2\xA0sous-alin\xC3\xA9"
	                       "a ii) de l\xE2\x80\x99"
	                       "alin\xC3\xA9"
	                       "a d) du "
	                       "paragraphe 7.3\xE2\x80\xAF",
	                       &c));
	assert_int_equal(c.ntargets, 1);
	assert_int_equal(c.targets[0].kind, CITE_PART);
	assert_string_equal(c.targets[0].ref, "7.3 d) ii)");
	cite_free(&c);
	assert_true(cite_parse("Sections 4 et 5", &c));
	assert_int_equal(c.ntargets, 2);
	cite_free(&c);
	assert_true(cite_parse("ST/SGB/1997/5", &c));
	assert_int_equal(c.targets[0].kind, CITE_EXTERNAL);
	cite_free(&c);
	const char *not_one[] = {"",
	                         "  ",
	                         "5.2 b)",
	                         "voir le paragraphe 1.2",
	                         "paragraphe 1.2 et section 3",
	                         "paragraphe 1.2."};
	for (size_t i = 0; i < sizeof not_one / sizeof not_one[0]; i++) {
		if (cite_parse(not_one[i], &c))
			fail_msg("'%s' taken for one citation", not_one[i]);
		assert_int_equal(c.ntargets, 0);
	}
}

static void symbol_iris(void **state)
{
	(void)state;
	struct {
		const char *sym, *iri;
	} c[] = {
	    {"ST/SGB/1997/5", "/akn/un/statement/bulletin/1997/ST-SGB-1997-5"},
	    {"ST/AI/189/Add.25/Rev.1", "/akn/un/statement/instruction/ST-AI-189-Add.25-Rev.1"},
	    {"ST/AI/2010/3", "/akn/un/statement/instruction/2010/ST-AI-2010-3"},
	    {"A/64/633", "/akn/un/doc/A-64-633"},
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		char *iri = cite_symbol_iri(c[i].sym);
		assert_string_equal(iri, c[i].iri);
		free(iri);
	}
}

/* The detector finds exactly the citations the bulletin marks up, with the
 * same spans and the same targets, and no others. */
static void detector_agrees_with_markup(void **state)
{
	const struct doc *d = *state;
	size_t total = 0;
	for (size_t i = 0; i < d->nparts; i++) {
		const struct doc_part *p = d->parts[i];
		struct cite_list l;
		cite_detect(p->text, strlen(p->text), &l);
		size_t k = 0;
		for (size_t m = 0; m < p->nlinks; m++) {
			const struct doc_link *r = &p->links[m];
			if (r->kind != DOC_LINK_REF)
				continue;
			if (k >= l.n)
				fail_msg("%s: marked \"%.*s\" not detected", p->eid ? p->eid : "?",
				         (int)(r->end - r->start), p->text + r->start);
			const struct cite *c = &l.v[k++];
			if (c->start != r->start || c->end != r->end)
				fail_msg("%s: marked \"%.*s\", detected \"%.*s\"", p->eid,
				         (int)(r->end - r->start), p->text + r->start,
				         (int)(c->end - c->start), p->text + c->start);
			assert_int_equal(c->ntargets, 1);
			const struct cite_target *t = &c->targets[0];
			if (t->kind == CITE_PART) {
				const struct doc_part *to = lookup_ref(d, t->ref, NULL);
				assert_non_null(to);
				assert_true(r->target[0] == '#');
				assert_string_equal(to->eid, r->target + 1);
			} else if (t->kind == CITE_SELF) {
				assert_string_equal(r->target, d->meta.work_iri);
			} else {
				char *iri = cite_symbol_iri(t->ref);
				assert_string_equal(iri, r->target);
				free(iri);
			}
			total++;
		}
		if (k != l.n)
			fail_msg("%s: detected \"%.*s\", not marked up", p->eid ? p->eid : "?",
			         (int)(l.v[k].end - l.v[k].start), p->text + l.v[k].start);
		cite_list_free(&l);
	}
	assert_int_equal(total, 23);
}

static void backlinks_and_sentences(void **state)
{
	const struct doc *d = *state;
	struct cite_index ix;
	cite_index_build(d, &ix);
	assert_true(ix.from_markup);
	assert_int_equal(ix.n, 23);
	const struct doc_part *p12 = lookup_ref(d, "1.2", NULL);
	size_t n = 0;
	const struct doc_part *prev = NULL;
	for (size_t i = 0; i < ix.n; i++) {
		if (!cite_cites(&ix.v[i], p12))
			continue;
		/* in document order */
		assert_true(prev == NULL || prev->order <= ix.v[i].from->order);
		prev = ix.v[i].from;
		n++;
	}
	assert_int_equal(n, 9);
	/* 5.2 is cited through its item b) */
	const struct doc_part *p52 = lookup_ref(d, "5.2", NULL);
	for (size_t i = 0; i < ix.n; i++) {
		if (!cite_cites(&ix.v[i], p52))
			continue;
		assert_string_equal(ix.v[i].from->eid, "sec_5__para_5-5__list_1__point_b");
		char *s = cite_sentence(&ix.v[i]);
		assert_string_equal(s, "Donner des avis sur la prestation de services d’appui "
		                       "opérationnel aux missions dans les domaines mentionnés à "
		                       "l’alinéa\xC2\xA0"
		                       "b) du paragraphe 5.2 ci-dessus;");
		free(s);
	}
	/* the sentence of a citation in a paragraph of several sentences */
	for (size_t i = 0; i < ix.n; i++) {
		if (ix.v[i].to == d->root && strcmp(ix.v[i].from->eid, "sec_2__para_2-3") == 0) {
			char *s = cite_sentence(&ix.v[i]);
			assert_true(strncmp(s, "Outre les attributions décrites dans la présente",
			                    49) == 0);
			assert_string_equal(s + strlen(s) - strlen("ST/SGB/2002/11."),
			                    "ST/SGB/2002/11.");
			free(s);
		}
	}
	struct diag_list dl = DIAG_LIST_INIT;
	assert_int_equal(cite_check(d, &ix, &dl), 0);
	cite_index_free(&ix);
}

/* A bulletin ST/SGB/2010/9 whose section 1 has these paragraphs' texts. */
static struct doc *load_paras(const char *const *texts, size_t n)
{
	char path[] = "/tmp/circ-cite-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	      "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n"
	      "<statement name=\"bulletin\"><meta><identification source=\"#circ\"><FRBRWork>"
	      "<FRBRthis value=\"/akn/un/statement/bulletin/2010/ST-SGB-2010-9/main\"/>"
	      "<FRBRuri value=\"/akn/un/statement/bulletin/2010/ST-SGB-2010-9\"/>"
	      "<FRBRdate date=\"2010-01-01\" name=\"year\"/><FRBRauthor href=\"#circ\"/>"
	      "<FRBRcountry value=\"un\"/>"
	      "<FRBRnumber value=\"ST-SGB-2010-9\" showAs=\"ST/SGB/2010/9\"/></FRBRWork>"
	      "</identification></meta>\n<mainBody><section eId=\"sec_1\"><num>Section 1</num>\n",
	      f);
	for (size_t i = 0; i < n; i++)
		fprintf(f,
		        "<paragraph eId=\"sec_1__para_1-%zu\"><num>1.%zu</num><content><p>%s</p>"
		        "</content></paragraph>\n",
		        i + 1, i + 1, texts[i]);
	fputs("</section></mainBody></statement></akomaNtoso>\n", f);
	fclose(f);
	struct diag_list dl = DIAG_LIST_INIT;
	struct doc *d = doc_load(path, SCHEMA, &dl);
	diag_clear(&dl);
	remove(path);
	assert_non_null(d);
	return d;
}

static void refs_are(const struct doc *d, int markup, const char *want)
{
	struct cite_index ix;
	cite_index_build(d, &ix);
	assert_int_equal(ix.from_markup, markup);
	struct strbuf sb = STRBUF_INIT;
	cite_view_refs(&sb, d, &ix);
	if (strcmp(sb_str(&sb), want) != 0)
		fail_msg("--refs:\n%s\nwant:\n%s", sb_str(&sb), want);
	sb_free(&sb);
	cite_index_free(&ix);
}

#define SGB1 "/akn/un/statement/bulletin/2010/ST-SGB-2010-1"

/* Links to a part of another document: marked up (every href form of the
 * naming convention) and found by the detector; the fields and --refs. */
static void links_to_parts_of_other_documents(void **state)
{
	(void)state;
	const char *marked[] = {
	    "voir la <ref href=\"" SGB1 "/!main#sec_4\">section 4 de la circulaire "
	    "ST/SGB/2010/1</ref>.",
	    "voir <ref href=\"" SGB1 "/fra@/!main#para_3-2\">ce paragraphe</ref>.",
	    "voir <ref href=\"" SGB1 "#sec_4\">ST/SGB/2010/1</ref>.",
	    "voir la <ref href=\"" SGB1 "/fra@\">circulaire ST/SGB/2010/1</ref>.",
	    "voir le <ref "
	    "href=\"/akn/un/statement/bulletin/2010/ST-SGB-2010-9/!main#sec_1__para_1-1\">"
	    "paragraphe 1.1</ref>.",
	    "aux <ref href=\"" SGB1
	    "\">paragraphes 2.1 et 2.4 de la circulaire ST/SGB/2010/1</ref>.",
	    "selon <ref href=\"/akn/fr/act/2009/12\">la loi 12</ref>.",
	};
	struct doc *d = load_paras(marked, sizeof marked / sizeof marked[0]);
	struct cite_index ix;
	cite_index_build(d, &ix);
	assert_int_equal(ix.n, 8);
	assert_string_equal(ix.v[0].symbol, "ST/SGB/2010/1");
	assert_string_equal(ix.v[0].iri, SGB1);
	assert_string_equal(ix.v[0].eid, "sec_4");
	assert_string_equal(ix.v[0].part, "Section 4");
	assert_null(ix.v[0].to);
	/* the symbol from the IRI, not from the text */
	assert_string_equal(ix.v[1].symbol, "ST/SGB/2010/1");
	assert_string_equal(ix.v[1].iri, SGB1);
	assert_string_equal(ix.v[1].eid, "para_3-2");
	assert_null(ix.v[1].part);
	assert_string_equal(ix.v[3].iri, SGB1);
	assert_null(ix.v[3].eid);
	assert_null(ix.v[3].part);
	/* this document's own IRI with a fragment: its part */
	assert_ptr_equal(ix.v[4].to, lookup_ref(d, "1.1", NULL));
	assert_null(ix.v[4].symbol);
	cite_index_free(&ix);
	refs_are(
	    d, 1,
	    "1.1\tsection 4 de la circulaire ST/SGB/2010/1\tST/SGB/2010/1 Section 4 (" SGB1 ")\n"
	    "1.2\tce paragraphe\tST/SGB/2010/1 #para_3-2 (" SGB1 ")\n"
	    "1.3\tST/SGB/2010/1\tST/SGB/2010/1 #sec_4 (" SGB1 ")\n"
	    "1.4\tcirculaire ST/SGB/2010/1\tST/SGB/2010/1 (" SGB1 ")\n"
	    "1.5\tparagraphe 1.1\t1.1\n"
	    "1.6\tparagraphes 2.1 et 2.4 de la circulaire ST/SGB/2010/1\tST/SGB/2010/1 2.1 (" SGB1
	    ")\n"
	    "1.6\tparagraphes 2.1 et 2.4 de la circulaire ST/SGB/2010/1\tST/SGB/2010/1 2.4 (" SGB1
	    ")\n"
	    "1.7\tla loi 12\tla loi 12 (/akn/fr/act/2009/12)\n");
	doc_free(d);
	const char *plain[] = {
	    "voir le paragraphe 3.2 de la circulaire ST/SGB/2010/1.",
	    "see subparagraph (b) of paragraph 5.2 of ST/SGB/2010/1 and section 4 of ST/AI/2010/5.",
	    "aux paragraphes 2.1 et 2.4 de la circulaire ST/SGB/2010/1.",
	    "voir le paragraphe 1.1 de la présente circulaire et la circulaire ST/SGB/2010/1.",
	};
	d = load_paras(plain, sizeof plain / sizeof plain[0]);
	refs_are(
	    d, 0,
	    "1.1\tparagraphe 3.2 de la circulaire ST/SGB/2010/1\tST/SGB/2010/1 3.2 (" SGB1 ")\n"
	    "1.2\tsubparagraph (b) of paragraph 5.2 of ST/SGB/2010/1\tST/SGB/2010/1 5.2 b) (" SGB1
	    ")\n"
	    "1.2\tsection 4 of ST/AI/2010/5\tST/AI/2010/5 Section 4 "
	    "(/akn/un/statement/instruction/2010/ST-AI-2010-5)\n"
	    "1.3\tparagraphes 2.1 et 2.4 de la circulaire ST/SGB/2010/1\tST/SGB/2010/1 2.1 (" SGB1
	    ")\n"
	    "1.3\tparagraphes 2.1 et 2.4 de la circulaire ST/SGB/2010/1\tST/SGB/2010/1 2.4 (" SGB1
	    ")\n"
	    "1.4\tparagraphe 1.1\t1.1\n"
	    "1.4\tla présente circulaire\tST/SGB/2010/9 (the whole document)\n"
	    "1.4\tST/SGB/2010/1\tST/SGB/2010/1 (" SGB1 ")\n");
	doc_free(d);
}

/* The importer marks a citation of a part of another document up as its
 * work IRI with the eId of the naming rule; of several parts, as the work
 * IRI; and nothing is reported of it. */
static void importer_marks_parts_of_other_documents(void **state)
{
	(void)state;
	const char *text =
	    "Nations Unies\nST/SGB/2031/9\nSecrétariat\n\n2 juin 2031\n\n"
	    "Circulaire du Secrétaire général\n\nDispositions diverses\n\n"
	    "Le Secrétaire général promulgue ce qui suit :\n\n"
	    "Section 1\nDispositions générales\n\n"
	    "1.1 Le paragraphe 3.2 de la circulaire ST/SGB/2010/1 s’applique, ainsi que "
	    "l’alinéa b) du paragraphe 5.2 de la circulaire ST/SGB/2010/1 et les paragraphes 2.1 "
	    "et 2.4 de la circulaire ST/SGB/2010/1.\n\n"
	    "1.2 La section 4 of ST/AI/2010/5 et le sous-alinéa ii) de l’alinéa d) du paragraphe "
	    "7.3 de la circulaire ST/SGB/2010/1 s’appliquent, comme le paragraphe 1.1.\n";
	struct strbuf out = STRBUF_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	struct imp_opts o = {0};
	assert_int_equal(imp_text(text, strlen(text), "t.txt", &o, &out, &dl), IMP_OK);
	for (size_t i = 0; i < dl.n; i++)
		fail_msg("import: %s", dl.v[i].msg);
	diag_clear(&dl);
	const char *want[] = {
	    "<ref href=\"" SGB1 "#sec_3__para_3-2\">paragraphe 3.2 de la circulaire "
	    "ST/SGB/2010/1</ref>",
	    "<ref href=\"" SGB1 "#sec_5__para_5-2__list_1__point_b\">alinéa b) du paragraphe 5.2 "
	    "de la circulaire ST/SGB/2010/1</ref>",
	    "<ref href=\"" SGB1 "\">paragraphes 2.1 et 2.4 de la circulaire ST/SGB/2010/1</ref>",
	    "<ref href=\"/akn/un/statement/instruction/2010/ST-AI-2010-5#sec_4\">section 4 of "
	    "ST/AI/2010/5</ref>",
	    "<ref href=\"" SGB1 "#sec_7__para_7-3__list_1__point_d__list_1__point_ii\">sous-alinéa "
	    "ii) de l’alinéa d) du paragraphe 7.3 de la circulaire ST/SGB/2010/1</ref>",
	    "<ref href=\"#sec_1__para_1-1\">paragraphe 1.1</ref>",
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		if (strstr(sb_str(&out), want[i]) == NULL)
			fail_msg("the import lacks %s:\n%s", want[i], sb_str(&out));
	sb_free(&out);
}

static int teardown(void **state)
{
	cite_release();
	return free_bulletin(state);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(french_forms),
	    cmocka_unit_test(english_forms),
	    cmocka_unit_test(ranges_of_items),
	    cmocka_unit_test(document_symbols),
	    cmocka_unit_test(parts_of_other_documents),
	    cmocka_unit_test(not_parts_of_other_documents),
	    cmocka_unit_test(iris_and_eids),
	    cmocka_unit_test(links_to_parts_of_other_documents),
	    cmocka_unit_test(importer_marks_parts_of_other_documents),
	    cmocka_unit_test(every_kind_of_space),
	    cmocka_unit_test(look_alikes),
	    cmocka_unit_test(whole_strings),
	    cmocka_unit_test(symbol_iris),
	    cmocka_unit_test(detector_agrees_with_markup),
	    cmocka_unit_test(backlinks_and_sentences),
	};
	return cmocka_run_group_tests(tests, load_bulletin, teardown);
}
