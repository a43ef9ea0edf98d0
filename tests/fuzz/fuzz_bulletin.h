/* fuzz_bulletin.h: the bundled bulletin, loaded once for the fuzz targets
 * that look things up in it (fuzz_lookup, fuzz_units). */
#ifndef FUZZ_BULLETIN_H
#define FUZZ_BULLETIN_H

#include <stdlib.h>

#include "circ/diag.h"
#include "circ/doc.h"

#ifndef FUZZ_CONTENT
#define FUZZ_CONTENT "content"
#endif

/* The bulletin of FUZZ_CONTENT; a load that fails ends the run (abort). */
static inline struct doc *fuzz_bulletin(void)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct doc *d =
	    doc_load(FUZZ_CONTENT "/ST-SGB-2010-2.fr.xml", FUZZ_CONTENT "/circ-organisation.rng", &dl);
	if (d == NULL) {
		diag_print(&dl, 0);
		abort();
	}
	diag_clear(&dl);
	return d;
}

#endif
