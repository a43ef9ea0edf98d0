/* test_doc.c: loading the bundled bulletin into the model, and refusing bad
 * files with the right problems. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "circ/lookup.h"
#include "testutil.h"

static void metadata(void **state)
{
	const struct doc *d = *state;
	assert_string_equal(d->meta.symbol, "ST/SGB/2010/2");
	assert_string_equal(d->meta.lang, "fra");
	assert_int_equal(d->meta.year, 2010);
	assert_string_equal(d->meta.doctype, "Circulaire du Secrétaire général");
	assert_string_equal(d->meta.title, "Organisation du Département de l’appui aux missions");
	assert_string_equal(d->meta.signatory, "Ban Ki-moon");
	assert_string_equal(d->meta.signatory_role, "Le Secrétaire général");
	assert_string_equal(d->meta.work_iri, "/akn/un/statement/bulletin/2010/ST-SGB-2010-2");
}

static void structure_counts(void **state)
{
	const struct doc *d = *state;
	size_t n[6] = {0};
	size_t sub = 0;
	for (size_t i = 0; i < d->nparts; i++) {
		n[d->parts[i]->kind]++;
		if (d->parts[i]->kind == DOC_KIND_POINT && d->parts[i]->depth == 3)
			sub++;
		assert_int_equal(d->parts[i]->order, i);
	}
	assert_int_equal(n[DOC_KIND_PREAMBLE], 1);
	assert_int_equal(n[DOC_KIND_SECTION], 10);
	assert_int_equal(n[DOC_KIND_PARAGRAPH], 53);
	assert_int_equal(n[DOC_KIND_POINT], 140);
	assert_int_equal(sub, 2);
	assert_int_equal(n[DOC_KIND_CONCLUSIONS], 1);
	/* the preamble comes first, the conclusions last */
	assert_int_equal(d->parts[0]->kind, DOC_KIND_PREAMBLE);
	assert_int_equal(d->parts[d->nparts - 1]->kind, DOC_KIND_CONCLUSIONS);
}

static void parts_and_text(void **state)
{
	const struct doc *d = *state;
	const struct doc_part *p = doc_find_eid(d, "sec_1__para_1-1");
	assert_non_null(p);
	assert_int_equal(p->kind, DOC_KIND_PARAGRAPH);
	assert_string_equal(p->num, "1.1");
	assert_true(strncmp(p->text, "La présente circulaire complète", 32) == 0);
	assert_string_equal(p->parent->heading, "Disposition générale");
	assert_string_equal(p->parent->eid, "sec_1");

	p = doc_find_eid(d, "sec_7__para_7-3__list_1__point_d__list_1__point_ii");
	assert_non_null(p);
	assert_int_equal(p->depth, 3);
	assert_string_equal(p->num, "ii)");
	char *label = doc_part_label(p);
	assert_string_equal(label, "7.3 d) ii)");
	free(label);
	assert_string_equal(doc_part_section(p)->eid, "sec_7");

	/* a list's intro is its paragraph's own text */
	p = doc_find_eid(d, "sec_2__para_2-1");
	assert_string_equal(p->text, "Le Département de l’appui aux missions\xC2\xA0:");
	assert_int_equal(p->nkids, 8);

	/* normalised text: no ASCII white-space runs, no tab, no leading space */
	for (size_t i = 0; i < d->nparts; i++) {
		const char *t = d->parts[i]->text;
		assert_null(strstr(t, "  "));
		assert_null(strchr(t, '\t'));
		assert_true(t[0] != ' ');
	}
	const struct doc_part *c = d->parts[d->nparts - 1];
	assert_string_equal(c->text, "Le Secrétaire général\n(Signé) Ban Ki-moon");
}

static size_t count_refs(const struct doc_part *p)
{
	size_t n = 0;
	for (size_t i = 0; i < p->nlinks; i++)
		n += p->links[i].kind == DOC_LINK_REF;
	return n;
}

static const struct doc_link *first_ref(const struct doc_part *p)
{
	for (size_t i = 0; i < p->nlinks; i++)
		if (p->links[i].kind == DOC_LINK_REF)
			return &p->links[i];
	fail_msg("no citation in %s", p->eid);
	return NULL;
}

static void links(void **state)
{
	const struct doc *d = *state;
	const struct doc_part *p = doc_find_eid(d, "sec_2__para_2-1__list_1__point_b");
	assert_int_equal(count_refs(p), 1);
	const struct doc_link *l = first_ref(p);
	assert_string_equal(l->target, "#sec_1__para_1-2");
	assert_int_equal(l->end - l->start, strlen("paragraphe 1.2"));
	assert_memory_equal(p->text + l->start, "paragraphe 1.2", l->end - l->start);

	p = doc_find_eid(d, "sec_5__para_5-5__list_1__point_b");
	assert_int_equal(count_refs(p), 1);
	assert_string_equal(first_ref(p)->target, "#sec_5__para_5-2__list_1__point_b");
	assert_true(strncmp(p->text + first_ref(p)->start, "alinéa", strlen("alinéa")) == 0);

	size_t internal = 0, external = 0, self = 0;
	for (size_t i = 0; i < d->nparts; i++) {
		for (size_t k = 0; k < d->parts[i]->nlinks; k++) {
			const struct doc_link *x = &d->parts[i]->links[k];
			assert_true(x->start < x->end && x->end <= strlen(d->parts[i]->text));
			if (x->kind != DOC_LINK_REF)
				continue;
			if (x->target[0] == '#') {
				internal++;
				assert_non_null(doc_find_eid(d, x->target + 1));
			} else if (strcmp(x->target, d->meta.work_iri) == 0) {
				self++; /* « la présente circulaire » */
			} else {
				external++;
				assert_true(strncmp(x->target, "/akn/un/", 8) == 0);
			}
		}
	}
	assert_int_equal(internal, 10);
	assert_int_equal(external, 10);
	assert_int_equal(self, 3);
	/* the preamble cites ST/SGB/1997/5 first */
	p = d->parts[0];
	assert_true(count_refs(p) >= 1);
	assert_memory_equal(p->text + first_ref(p)->start, "ST/SGB/1997/5", 13);
	assert_string_equal(first_ref(p)->target, "/akn/un/statement/bulletin/1997/ST-SGB-1997-5");
}

/* Load text written to a temporary file; returns the problems. */
static struct doc *load_text(const char *xml, struct diag_list *dl)
{
	char path[] = "/tmp/circ-test-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs(xml, f);
	fclose(f);
	struct doc *d = doc_load(path, SCHEMA, dl);
	remove(path);
	return d;
}

static void refuses_doctype_without_reading_entities(void **state)
{
	(void)state;
	struct diag_list dl = DIAG_LIST_INIT;
	struct doc *d = load_text("<?xml version=\"1.0\"?>\n"
	                          "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
	                          "<x>&e;</x>\n",
	                          &dl);
	assert_null(d);
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].line, 2);
	assert_int_equal(dl.v[0].col, 1);
	assert_non_null(strstr(dl.v[0].msg, "document type declarations are not allowed"));
	diag_clear(&dl);
}

static void refuses_other_vocabulary(void **state)
{
	(void)state;
	struct diag_list dl = DIAG_LIST_INIT;
	assert_null(load_text("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", &dl));
	assert_int_equal(dl.n, 1);
	assert_string_equal(
	    dl.v[0].msg,
	    "not an Akoma Ntoso document: the root element is <html>, not <akomaNtoso>");
	diag_clear(&dl);
}

static void eid_components(void **state)
{
	(void)state;
	struct diag_list dl = DIAG_LIST_INIT;
	/* the lookup of an unknown reference names the closest part */
	struct doc *d = doc_load(BULLETIN, SCHEMA, &dl);
	assert_non_null(d);
	char *why = NULL;
	assert_null(lookup_ref(d, "9.9", &why));
	assert_non_null(why);
	assert_non_null(strstr(why, "no part '9.9' in ST/SGB/2010/2"));
	free(why);
	doc_free(d);
	diag_clear(&dl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(metadata),
	    cmocka_unit_test(structure_counts),
	    cmocka_unit_test(parts_and_text),
	    cmocka_unit_test(links),
	    cmocka_unit_test(refuses_doctype_without_reading_entities),
	    cmocka_unit_test(refuses_other_vocabulary),
	    cmocka_unit_test(eid_components),
	};
	return cmocka_run_group_tests(tests, load_bulletin, free_bulletin);
}
