/* fuzz_cite.c: libFuzzer target for the citation detector. Any bytes (valid
 * UTF-8 or not) must give citations in order, inside the text, not
 * overlapping, each with at least one target, and never crash or hang. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "circ/cite.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cite_list l;
	cite_detect((const char *)data, size, &l);
	size_t last = 0;
	for (size_t i = 0; i < l.n; i++) {
		const struct cite *c = &l.v[i];
		if (c->start >= c->end || c->end > size || c->start < last || c->ntargets == 0)
			abort();
		for (size_t k = 0; k < c->ntargets; k++)
			if (c->targets[k].ref == NULL)
				abort();
		last = c->end;
	}
	cite_list_free(&l);
	return 0;
}
