/* fuzz_import.c: libFuzzer target for the importer (circ import): the bytes
 * are the published text of a bulletin, imported by imp_text() with
 * --draft-org, and with --symbol ST/SGB/2031/9 when their number is even
 * (an odd number leaves the symbol to the text, as the other options).
 * Whatever the bytes, the import must end either with IMP_OK and a document libxml2
 * reads as well-formed XML whose root is akomaNtoso, or with a refusal that
 * reports at least one problem and writes nothing; never a crash, a leak or
 * a hang. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "circ/diag.h"
#include "circ/import.h"
#include "circ/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* libxml2's complaints are the invariant's business, not the log's. */
static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	xmlSetGenericErrorFunc(NULL, quiet);
	struct imp_opts o = {size % 2 ? NULL : "ST/SGB/2031/9", NULL, NULL, NULL, 1};
	struct diag_list dl = DIAG_LIST_INIT;
	struct strbuf out = STRBUF_INIT;
	enum imp_status st = imp_text((const char *)data, size, "fuzz.txt", &o, &out, &dl);
	if (st != IMP_OK) {
		if (dl.n == 0 || out.len != 0)
			abort(); /* refused without a reason, or with output */
	} else {
		xmlDocPtr x =
		    xmlReadMemory(out.s, (int)out.len, "import.xml", "UTF-8",
		                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
		xmlNodePtr root = x ? xmlDocGetRootElement(x) : NULL;
		if (root == NULL || strcmp((const char *)root->name, "akomaNtoso") != 0)
			abort(); /* the import is no well-formed Akoma Ntoso */
		xmlFreeDoc(x);
	}
	for (size_t i = 0; i < dl.n; i++)
		if (dl.v[i].msg == NULL || dl.v[i].msg[0] == '\0')
			abort();
	diag_clear(&dl);
	sb_free(&out);
	return 0;
}
