/* test_xsd.c: validation against the official Akoma Ntoso 3.0 schema
 * (content/akn/akomantoso30.xsd): a small valid document gives no problem;
 * a small invalid one gives one problem per schema error, on its line, in
 * the user's terms; a DOCTYPE, a file that is not XML and a missing schema
 * are each reported, and nothing is ever loaded but the schema's files. */
#define _XOPEN_SOURCE 700
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "circ/diag.h"
#include "circ/xalloc.h"
#include "circ/xsd.h"

#define XSD TEST_CONTENT "/akn/akomantoso30.xsd"

static char base[] = "/tmp/circ-test-xsd.XXXXXX";

/* A minimal valid document; "@1@", "@2@", "@3@" are where the invalid
 * variant puts its faults (lines 3, 7 and 12). */
static const char doc_text[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n"
    "  <doc name=\"note\"@1@>\n"
    "    <meta>\n"
    "      <identification source=\"#x\">\n"
    "        <FRBRWork><FRBRthis value=\"/a/main\"/><FRBRuri value=\"/a\"/><FRBRdate "
    "date=\"2020-01-01\" name=\"x\"/><FRBRauthor href=\"#x\"/><FRBRcountry "
    "value=\"un\"/></FRBRWork>\n"
    "        <FRBRExpression><FRBRthis value=\"/a/eng@/main\"/><FRBRuri value=\"/a/eng@\"/>"
    "<FRBRdate date=\"2020-01-01\" name=\"x\"/><FRBRauthor @2@/><FRBRlanguage "
    "language=\"eng\"/></FRBRExpression>\n"
    "        <FRBRManifestation><FRBRthis value=\"/a/eng@/main.xml\"/><FRBRuri "
    "value=\"/a/eng@.akn\"/><FRBRdate date=\"2020-01-01\" name=\"x\"/><FRBRauthor "
    "href=\"#x\"/></FRBRManifestation>\n"
    "      </identification>\n"
    "    </meta>\n"
    "    <mainBody>\n"
    "      <p>Hello.</p>@3@\n"
    "    </mainBody>\n"
    "  </doc>\n"
    "</akomaNtoso>\n";

/* doc_text with @1@, @2@, @3@ replaced by a, b, c, written to base/name;
 * the file's path (allocated). */
static char *write_doc(const char *name, const char *a, const char *b, const char *c)
{
	char *path = xasprintf("%s/%s", base, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	for (const char *p = doc_text; *p; p++) {
		if (p[0] == '@' && p[1] >= '1' && p[1] <= '3' && p[2] == '@') {
			fputs(p[1] == '1' ? a : p[1] == '2' ? b : c, f);
			p += 2;
		} else {
			fputc(*p, f);
		}
	}
	assert_int_equal(fclose(f), 0);
	return path;
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void valid_document(void **state)
{
	(void)state;
	char *path = write_doc("valid.xml", "", "href=\"#x\"", "");
	struct diag_list dl = DIAG_LIST_INIT;
	assert_int_equal(xsd_validate(path, XSD, &dl), 0);
	assert_int_equal(dl.n, 0);
	/* the cached schema serves the second call */
	assert_int_equal(xsd_validate(path, XSD, &dl), 0);
	diag_clear(&dl);
	unlink(path);
	free(path);
}

static void invalid_document(void **state)
{
	(void)state;
	char *path = write_doc("invalid.xml", " colour=\"red\"", "", "\n      <foo/>");
	struct diag_list dl = DIAG_LIST_INIT;
	assert_int_equal(xsd_validate(path, XSD, &dl), 3);
	assert_int_equal(dl.n, 3);
	assert_string_equal(dl.v[0].file, path);
	assert_int_equal(dl.v[0].line, 3);
	assert_string_equal(dl.v[0].msg, "attribute colour is not allowed on <doc>");
	assert_int_equal(dl.v[1].line, 7);
	assert_string_equal(dl.v[1].msg, "element <FRBRauthor> lacks its required attribute href");
	assert_int_equal(dl.v[2].line, 13);
	assert_string_equal(dl.v[2].msg, "element <foo> is not expected here");
	diag_clear(&dl);
	unlink(path);
	free(path);
}

/* A long list of what the schema expects is cut, the namespace dropped. */
static void expected_list_is_short(void **state)
{
	(void)state;
	char *path = write_doc("table.xml", "", "href=\"#x\"", "<p>a <table/></p>");
	struct diag_list dl = DIAG_LIST_INIT;
	assert_int_equal(xsd_validate(path, XSD, &dl), 1);
	assert_int_equal(dl.v[0].line, 12);
	assert_non_null(
	    strstr(dl.v[0].msg, "element <table> is not expected here (expected: ref, "));
	assert_non_null(strstr(dl.v[0].msg, ", ...)"));
	assert_null(strstr(dl.v[0].msg, "http://"));
	diag_clear(&dl);
	unlink(path);
	free(path);
}

/* A DOCTYPE is refused before any entity is declared or read. */
static void doctype_is_refused(void **state)
{
	(void)state;
	char *path = xasprintf("%s/xxe.xml", base);
	write_text(path, "<?xml version=\"1.0\"?>\n"
	                 "<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
	                 "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">"
	                 "&x;</akomaNtoso>\n");
	struct diag_list dl = DIAG_LIST_INIT;
	assert_int_equal(xsd_validate(path, XSD, &dl), 1);
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].line, 2);
	assert_non_null(strstr(dl.v[0].msg, "document type declarations are not allowed"));
	diag_clear(&dl);
	unlink(path);
	free(path);
}

static void not_xml(void **state)
{
	(void)state;
	char *path = xasprintf("%s/plain.txt", base);
	write_text(path, "just words\n");
	struct diag_list dl = DIAG_LIST_INIT;
	assert_int_equal(xsd_validate(path, XSD, &dl), 1);
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].line, 1);
	diag_clear(&dl);
	unlink(path);
	char *missing = xasprintf("%s/missing.xml", base);
	assert_int_equal(xsd_validate(missing, XSD, &dl), 1);
	assert_non_null(strstr(dl.v[0].msg, "cannot open"));
	diag_clear(&dl);
	free(missing);
	free(path);
}

/* A missing schema, or one importing anything but the xml.xsd beside it,
 * is -1 (an installation fault), and the good one compiles again after. */
static void broken_schema(void **state)
{
	(void)state;
	char *path = write_doc("valid2.xml", "", "href=\"#x\"", "");
	struct diag_list dl = DIAG_LIST_INIT;
	char *none = xasprintf("%s/none.xsd", base);
	assert_int_equal(xsd_validate(path, none, &dl), -1);
	assert_true(dl.n >= 1);
	assert_non_null(strstr(dl.v[dl.n - 1].msg, "cannot load the official schema"));
	diag_clear(&dl);

	char *net = xasprintf("%s/net.xsd", base);
	write_text(net, "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n"
	                "<xs:import namespace=\"http://www.w3.org/XML/1998/namespace\" "
	                "schemaLocation=\"http://www.w3.org/2001/xml.xsd\"/>\n"
	                "<xs:element name=\"a\"/></xs:schema>\n");
	int r = xsd_validate(path, net, &dl);
	/* libxml2 may go on without the import; if it gives up, the refusal
	 * is said; either way nothing came from the network */
	if (r == -1)
		assert_non_null(strstr(dl.v[dl.n - 1].msg, "http://www.w3.org/2001/xml.xsd"));
	diag_clear(&dl);

	assert_int_equal(xsd_validate(path, XSD, &dl), 0);
	xsd_release();
	assert_int_equal(xsd_validate(path, XSD, &dl), 0);
	diag_clear(&dl);
	unlink(net);
	unlink(path);
	free(net);
	free(none);
	free(path);
}

int main(void)
{
	if (mkdtemp(base) == NULL)
		return 1;
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(valid_document),
	    cmocka_unit_test(invalid_document),
	    cmocka_unit_test(expected_list_is_short),
	    cmocka_unit_test(doctype_is_refused),
	    cmocka_unit_test(not_xml),
	    cmocka_unit_test(broken_schema),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);
	xsd_release();
	rmdir(base);
	return r;
}
