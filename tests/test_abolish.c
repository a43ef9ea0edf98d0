/* test_abolish.c: which documents a document abolishes: the French and
 * English wordings of the text, what only looks like one, the lists below
 * an intro, the Akoma Ntoso metadata (textualMod, lifecycle), the part
 * that says so. Each case is a small bulletin written to a temporary file
 * and loaded as circ loads any. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "circ/abolish.h"
#include "circ/cite.h"
#include "circ/strbuf.h"
#include "circ/xalloc.h"
#include "testutil.h"

/* A bulletin ST/SGB/2010/9 with meta (after its identification) and body
 * (inside its mainBody). */
static struct doc *load(const char *meta, const char *body)
{
	char path[] = "/tmp/circ-abolish-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fprintf(f,
	        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	        "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n"
	        "<statement name=\"bulletin\"><meta>\n"
	        "<identification source=\"#circ\"><FRBRWork>"
	        "<FRBRthis value=\"/akn/un/statement/bulletin/2010/ST-SGB-2010-9/main\"/>"
	        "<FRBRuri value=\"/akn/un/statement/bulletin/2010/ST-SGB-2010-9\"/>"
	        "<FRBRdate date=\"2010-01-01\" name=\"year\"/><FRBRauthor href=\"#circ\"/>"
	        "<FRBRcountry value=\"un\"/>"
	        "<FRBRnumber value=\"ST-SGB-2010-9\" showAs=\"ST/SGB/2010/9\"/></FRBRWork>"
	        "<FRBRExpression>"
	        "<FRBRthis value=\"/akn/un/statement/bulletin/2010/ST-SGB-2010-9/fra@/main\"/>"
	        "<FRBRuri value=\"/akn/un/statement/bulletin/2010/ST-SGB-2010-9/fra@\"/>"
	        "<FRBRdate date=\"2010-01-01\" name=\"year\"/><FRBRauthor href=\"#circ\"/>"
	        "<FRBRlanguage language=\"fra\"/></FRBRExpression>"
	        "<FRBRManifestation>"
	        "<FRBRthis value=\"/akn/un/statement/bulletin/2010/ST-SGB-2010-9/fra@/main.xml\"/>"
	        "<FRBRuri value=\"/akn/un/statement/bulletin/2010/ST-SGB-2010-9/fra@.akn\"/>"
	        "<FRBRdate date=\"2010-01-01\" name=\"year\"/><FRBRauthor href=\"#circ\"/>"
	        "</FRBRManifestation></identification>\n"
	        "%s\n"
	        "</meta>\n<mainBody>\n%s\n</mainBody></statement></akomaNtoso>\n",
	        meta, body);
	fclose(f);
	struct diag_list dl = DIAG_LIST_INIT;
	struct doc *d = doc_load(path, SCHEMA, &dl);
	diag_clear(&dl);
	remove(path);
	assert_non_null(d);
	return d;
}

/* What d abolishes, one "SYMBOL@PART" each ("by SYMBOL@PART" when
 * passive), joined with "|". */
static char *found(const struct doc *d)
{
	struct abolish_list l;
	abolish_find(d, &l);
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < l.n; i++) {
		char *from = doc_part_label(l.v[i].from);
		sb_addf(&sb, "%s%s%s@%s", i ? "|" : "", l.v[i].passive ? "by " : "", l.v[i].symbol,
		        from);
		free(from);
	}
	abolish_list_free(&l);
	char *r = strdup(sb_str(&sb));
	sb_free(&sb);
	return r;
}

/* One paragraph 1.1 whose text is text: what it abolishes is want. */
static void says(const char *text, const char *want)
{
	char *body = xasprintf("<section eId=\"sec_1\"><num>Section 1</num>"
	                       "<heading>Dispositions finales</heading>"
	                       "<paragraph eId=\"sec_1__para_1-1\"><num>1.1</num>"
	                       "<content><p>%s</p></content></paragraph></section>",
	                       text);
	struct doc *d = load("", body);
	char *got = found(d);
	if (strcmp(got, want) != 0)
		fail_msg("\"%s\": found \"%s\", want \"%s\"", text, got, want);
	free(got);
	free(body);
	doc_free(d);
}

static void french_wordings(void **state)
{
	(void)state;
	says("La présente circulaire abroge la circulaire ST/SGB/2009/4.", "ST/SGB/2009/4@1.1");
	says("La présente circulaire abroge et remplace la circulaire ST/SGB/2009/4 et "
	     "l’instruction administrative ST/AI/2008/2.",
	     "ST/SGB/2009/4@1.1|ST/AI/2008/2@1.1");
	says("La présente circulaire annule et remplace la circulaire du Secrétaire général "
	     "ST/SGB/2009/4.",
	     "ST/SGB/2009/4@1.1");
	says("Les circulaires ST/SGB/2005/1 et ST/SGB/2006/2 sont abrogées.",
	     "ST/SGB/2005/1@1.1|ST/SGB/2006/2@1.1");
	says("La circulaire ST/SGB/2009/4 est abrogée.", "ST/SGB/2009/4@1.1");
	says("La circulaire ST/SGB/2009/4 est abrogée et remplacée par la présente circulaire.",
	     "ST/SGB/2009/4@1.1");
	says("La présente circulaire remplace la circulaire ST/SGB/2009/4.", "ST/SGB/2009/4@1.1");
	says("LA PRÉSENTE CIRCULAIRE\xC2\xA0"
	     "ABROGE la circulaire\xE2\x80\xAF"
	     "ST/SGB/2009/4.",
	     "ST/SGB/2009/4@1.1");
	says("La présente instruction administrative abroge l'instruction administrative "
	     "ST/AI/2008/2.",
	     "ST/AI/2008/2@1.1");
	/* in the second sentence of a paragraph */
	says("La présente circulaire entre en vigueur le 1er juin 2010. La circulaire "
	     "ST/SGB/2009/4 est abrogée.",
	     "ST/SGB/2009/4@1.1");
	/* the list ends where a clause starts */
	says("La présente circulaire abroge la circulaire ST/SGB/2009/4, adoptée conformément à "
	     "la circulaire ST/SGB/2002/11.",
	     "ST/SGB/2009/4@1.1");
}

static void english_wordings(void **state)
{
	(void)state;
	says("The present bulletin supersedes ST/AI/2008/2.", "ST/AI/2008/2@1.1");
	says("This bulletin abolishes Secretary-General's bulletin ST/SGB/2009/4.",
	     "ST/SGB/2009/4@1.1");
	says("The present bulletin hereby abolishes Secretary-General’s bulletins ST/SGB/2009/4 "
	     "and ST/SGB/2009/5.",
	     "ST/SGB/2009/4@1.1|ST/SGB/2009/5@1.1");
	says("Secretary-General's bulletin ST/SGB/2009/4 is hereby abolished.",
	     "ST/SGB/2009/4@1.1");
	says("Administrative instructions ST/AI/2005/1 and ST/AI/2006/3 are superseded.",
	     "ST/AI/2005/1@1.1|ST/AI/2006/3@1.1");
	says("The present bulletin repeals ST/SGB/2009/4.", "ST/SGB/2009/4@1.1");
	says("The present bulletin replaces ST/SGB/2009/4, ST/SGB/2009/5 and ST/SGB/2009/6.",
	     "ST/SGB/2009/4@1.1|ST/SGB/2009/5@1.1|ST/SGB/2009/6@1.1");
	says("ST/SGB/2009/4 is superseded by the present bulletin.", "ST/SGB/2009/4@1.1");
	says("ST/SGB/2009/4 shall be superseded.", "ST/SGB/2009/4@1.1");
}

/* Sentences that name a document and a verb, and abolish nothing. */
static void not_abolitions(void **state)
{
	(void)state;
	says("Conformément à la circulaire ST/SGB/2009/4, le Département est chargé de la "
	     "gestion.",
	     "");
	says("La présente circulaire n’abroge pas la circulaire ST/SGB/2009/4.", "");
	says("La présente circulaire ne remplace pas la circulaire ST/SGB/2009/4.", "");
	says("The present bulletin does not supersede ST/AI/2008/2.", "");
	says("ST/AI/2008/2 is no longer superseded.", "");
	/* abolished by another document, not this one */
	says("La circulaire ST/SGB/2009/4 est remplacée par la circulaire ST/SGB/2010/1.", "");
	says("ST/SGB/2005/1 was superseded by ST/SGB/2008/2.", "");
	says("La circulaire ST/SGB/2008/1 abroge la circulaire ST/SGB/2005/1.", "");
	says("La présente circulaire rappelle que la circulaire ST/SGB/2008/1 abroge la circulaire "
	     "ST/SGB/2005/1.",
	     "");
	/* the verb is about something else */
	says("La présente circulaire prévoit que le Directeur remplace le Chef de service, "
	     "conformément à la circulaire ST/SGB/2009/4.",
	     "");
	says("The Director replaces the Chief when absent, as provided in ST/SGB/2009/4.", "");
	/* a part of a document is not the document */
	says("Le paragraphe 3.2 de la circulaire ST/SGB/2009/4 est abrogé.", "");
	says("The present bulletin supersedes section 4 of ST/AI/2008/2.", "");
	/* the document itself */
	says("La présente circulaire abroge la circulaire ST/SGB/2010/9.", "");
	/* the verb in another sentence than the symbol */
	says("La présente circulaire abroge les dispositions contraires. Voir la circulaire "
	     "ST/SGB/2009/4.",
	     "");
	/* a title between the verb and the symbol ends the list */
	says("La présente circulaire remplace l’organisation décrite dans la circulaire "
	     "ST/SGB/2009/4.",
	     "");
}

/* An intro ending with ":" and its items. */
static void lists_below(void **state)
{
	(void)state;
	struct doc *d =
	    load("", "<section eId=\"sec_9\"><num>Section 9</num>"
	             "<heading>Dispositions finales</heading>"
	             "<paragraph eId=\"sec_9__para_9-1\"><num>9.1</num>"
	             "<list eId=\"sec_9__para_9-1__list_1\">"
	             "<intro><p>La présente circulaire abroge les circulaires "
	             "suivantes :</p></intro>"
	             "<point eId=\"sec_9__para_9-1__list_1__point_a\"><num>a)</num>"
	             "<content><p>ST/SGB/2005/1;</p></content></point>"
	             "<point eId=\"sec_9__para_9-1__list_1__point_b\"><num>b)</num>"
	             "<content><p>La circulaire ST/SGB/2006/2, intitulée « Organisation "
	             "du Département » (voir ST/SGB/2002/11).</p></content></point>"
	             "</list></paragraph></section>");
	char *got = found(d);
	assert_string_equal(got, "ST/SGB/2005/1@9.1|ST/SGB/2006/2@9.1");
	free(got);
	doc_free(d);
	d = load("", "<section eId=\"sec_9\"><num>Section 9</num>"
	             "<heading>Final provisions</heading>"
	             "<paragraph eId=\"sec_9__para_9-1\"><num>9.1</num>"
	             "<list eId=\"sec_9__para_9-1__list_1\">"
	             "<intro><p>The following Secretary-General's bulletins are hereby "
	             "superseded:</p></intro>"
	             "<point eId=\"sec_9__para_9-1__list_1__point_a\"><num>(a)</num>"
	             "<content><p>ST/SGB/2005/1;</p></content></point>"
	             "<point eId=\"sec_9__para_9-1__list_1__point_b\"><num>(b)</num>"
	             "<content><p>ST/SGB/2006/2.</p></content></point>"
	             "</list></paragraph></section>");
	got = found(d);
	assert_string_equal(got, "ST/SGB/2005/1@9.1|ST/SGB/2006/2@9.1");
	free(got);
	doc_free(d);
	/* an intro that abolishes nothing: its items are no abolitions */
	d = load("", "<section eId=\"sec_9\"><num>Section 9</num>"
	             "<paragraph eId=\"sec_9__para_9-1\"><num>9.1</num>"
	             "<list eId=\"sec_9__para_9-1__list_1\">"
	             "<intro><p>La présente circulaire s’applique conformément aux textes "
	             "suivants :</p></intro>"
	             "<point eId=\"sec_9__para_9-1__list_1__point_a\"><num>a)</num>"
	             "<content><p>ST/SGB/2005/1;</p></content></point>"
	             "</list></paragraph></section>");
	got = found(d);
	assert_string_equal(got, "");
	free(got);
	doc_free(d);
}

#define PARA_11                                                                                    \
	"<section eId=\"sec_1\"><num>Section 1</num><paragraph eId=\"sec_1__para_1-1\">"           \
	"<num>1.1</num><content><p>%s</p></content></paragraph></section>"

/* The metadata: what this document modifies, what modified it. */
static void metadata(void **state)
{
	(void)state;
	const char *body = "<section eId=\"sec_1\"><num>Section 1</num>"
	                   "<paragraph eId=\"sec_1__para_1-1\"><num>1.1</num>"
	                   "<content><p>Texte.</p></content></paragraph></section>";
	struct doc *d = load(
	    "<lifecycle source=\"#circ\">"
	    "<eventRef date=\"2010-01-01\" source=\"#original\" type=\"generation\"/>"
	    "<eventRef date=\"2012-05-01\" source=\"#ro1\" type=\"repeal\"/></lifecycle>"
	    "<analysis source=\"#circ\"><activeModifications>"
	    "<textualMod type=\"repeal\" eId=\"am_1\"><source href=\"#sec_1__para_1-1\"/>"
	    "<destination href=\"/akn/un/statement/bulletin/2009/ST-SGB-2009-4\"/></textualMod>"
	    "<textualMod type=\"substitution\" eId=\"am_2\"><source href=\"#sec_1\"/>"
	    "<destination href=\"/akn/un/statement/instruction/2008/ST-AI-2008-2/fra@/!main\"/>"
	    "</textualMod>"
	    /* a part of a document is not the document */
	    "<textualMod type=\"repeal\" eId=\"am_3\"><source href=\"#sec_1\"/>"
	    "<destination href=\"/akn/un/statement/bulletin/2007/ST-SGB-2007-1/!main#sec_3\"/>"
	    "</textualMod>"
	    /* nor an insertion */
	    "<textualMod type=\"insertion\" eId=\"am_4\"><source href=\"#sec_1\"/>"
	    "<destination href=\"/akn/un/statement/bulletin/2007/ST-SGB-2007-2\"/></textualMod>"
	    /* an IRI of another convention stands for its symbol */
	    "<textualMod type=\"repeal\" eId=\"am_5\"><source href=\"#sec_1\"/>"
	    "<destination href=\"/akn/fr/act/2009-01-01/12/fra@\"/></textualMod>"
	    "</activeModifications><passiveModifications>"
	    "<textualMod type=\"repeal\" eId=\"pm_1\">"
	    "<source href=\"/akn/un/statement/bulletin/2011/ST-SGB-2011-1/!main#sec_9\"/>"
	    "<destination href=\"/akn/un/statement/bulletin/2010/ST-SGB-2010-9\"/></textualMod>"
	    /* only a part of this one */
	    "<textualMod type=\"repeal\" eId=\"pm_2\">"
	    "<source href=\"/akn/un/statement/bulletin/2011/ST-SGB-2011-5\"/>"
	    "<destination href=\"#sec_1\"/></textualMod>"
	    "</passiveModifications></analysis>"
	    "<references source=\"#circ\">"
	    "<original eId=\"original\" "
	    "href=\"/akn/un/statement/bulletin/2010/ST-SGB-2010-9/fra@\" "
	    "showAs=\"ST/SGB/2010/9\"/>"
	    "<passiveRef eId=\"ro1\" href=\"/akn/un/statement/bulletin/2012/ST-SGB-2012-3\" "
	    "showAs=\"ST/SGB/2012/3\"/>"
	    "<TLCOrganization eId=\"circ\" href=\"/akn/ontology/organizations/circ\" "
	    "showAs=\"circ\"/></references>",
	    body);
	assert_int_equal(d->meta.nactive, 5);
	assert_string_equal(d->meta.active[0].type, "repeal");
	assert_string_equal(d->meta.active[0].iri, "/akn/un/statement/bulletin/2009/ST-SGB-2009-4");
	assert_null(d->meta.active[0].part);
	assert_string_equal(d->meta.active[2].part, "sec_3");
	assert_int_equal(d->meta.npassive, 3);
	/* in the order of the metadata: the lifecycle comes first */
	assert_string_equal(d->meta.passive[0].type, "repeal");
	assert_string_equal(d->meta.passive[0].iri,
	                    "/akn/un/statement/bulletin/2012/ST-SGB-2012-3");
	assert_null(d->meta.passive[0].part);
	assert_string_equal(d->meta.passive[1].iri,
	                    "/akn/un/statement/bulletin/2011/ST-SGB-2011-1/!main#sec_9");
	assert_null(d->meta.passive[1].part);
	assert_string_equal(d->meta.passive[2].part, "sec_1");
	struct abolish_list l;
	abolish_find(d, &l);
	assert_int_equal(l.n, 5);
	assert_string_equal(l.v[0].symbol, "ST/SGB/2009/4");
	assert_string_equal(l.v[0].iri, "/akn/un/statement/bulletin/2009/ST-SGB-2009-4");
	assert_ptr_equal(l.v[0].from, d->root);
	assert_false(l.v[0].passive);
	assert_string_equal(l.v[1].symbol, "ST/AI/2008/2");
	assert_string_equal(l.v[1].iri, "/akn/un/statement/instruction/2008/ST-AI-2008-2");
	assert_string_equal(l.v[2].symbol, "/akn/fr/act/2009-01-01/12");
	assert_string_equal(l.v[2].iri, "/akn/fr/act/2009-01-01/12");
	assert_string_equal(l.v[3].symbol, "ST/SGB/2012/3");
	assert_string_equal(l.v[3].iri, "/akn/un/statement/bulletin/2012/ST-SGB-2012-3");
	assert_true(l.v[3].passive);
	assert_ptr_equal(l.v[3].from, d->root);
	assert_string_equal(l.v[4].symbol, "ST/SGB/2011/1");
	assert_string_equal(l.v[4].iri, "/akn/un/statement/bulletin/2011/ST-SGB-2011-1");
	assert_true(l.v[4].passive);
	abolish_list_free(&l);
	doc_free(d);

	/* the text and the metadata say the same: once, the part that says so */
	char *b2 = xasprintf(PARA_11, "La présente circulaire abroge la circulaire ST/SGB/2009/4.");
	d = load("<analysis source=\"#circ\"><activeModifications>"
	         "<textualMod type=\"repeal\" eId=\"am_1\"><source href=\"#sec_1__para_1-1\"/>"
	         "<destination href=\"/akn/un/statement/bulletin/2009/ST-SGB-2009-4\"/>"
	         "</textualMod></activeModifications></analysis>",
	         b2);
	char *got = found(d);
	assert_string_equal(got, "ST/SGB/2009/4@1.1");
	free(got);
	free(b2);
	doc_free(d);
}

/* The bundled bulletin abolishes nothing (its final provision is about
 * its entry into force). */
static void bundled_bulletin(void **state)
{
	(void)state;
	struct diag_list dl = DIAG_LIST_INIT;
	struct doc *d = doc_load(BULLETIN, SCHEMA, &dl);
	diag_clear(&dl);
	assert_non_null(d);
	assert_int_equal(d->meta.nactive, 0);
	assert_int_equal(d->meta.npassive, 0);
	char *got = found(d);
	assert_string_equal(got, "");
	free(got);
	doc_free(d);
}

static int teardown(void **state)
{
	(void)state;
	abolish_release();
	cite_release();
	doc_release_cache();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(french_wordings), cmocka_unit_test(english_wordings),
	    cmocka_unit_test(not_abolitions),  cmocka_unit_test(lists_below),
	    cmocka_unit_test(metadata),        cmocka_unit_test(bundled_bulletin),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
