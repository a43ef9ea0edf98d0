/* testutil.h: what the cmocka unit tests share: loading the bundled bulletin. */
#ifndef CIRC_TESTUTIL_H
#define CIRC_TESTUTIL_H

#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "circ/diag.h"
#include "circ/doc.h"

#define BULLETIN TEST_CONTENT "/ST-SGB-2010-2.fr.xml"
#define SCHEMA   TEST_CONTENT "/circ-organisation.rng"

/* cmocka group setup: load the bundled bulletin into *state. */
static inline int load_bulletin(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct doc *d = doc_load(BULLETIN, SCHEMA, &dl);
	diag_print(&dl, 0);
	diag_clear(&dl);
	*state = d;
	return d ? 0 : -1;
}

static inline int free_bulletin(void **state)
{
	doc_free(*state);
	doc_release_cache();
	return 0;
}

#endif
