/* fuzz_lookup.c: libFuzzer target for the reference lookup, on the bundled
 * bulletin: the bytes (up to the first NUL) are what a user types after
 * `:` or --show. A reference names a part or gives a reason naming the
 * closest one, never both, never a crash or a hang; a part found is found
 * again from its own label, and normalising never fails. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "circ/doc.h"
#include "circ/lookup.h"

#include "fuzz_bulletin.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct doc *doc;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	doc = fuzz_bulletin();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *ref = malloc(size + 1);
	memcpy(ref, data, size);
	ref[size] = '\0';
	char *why = NULL;
	struct doc_part *p = lookup_ref(doc, ref, &why);
	if ((p == NULL) == (why == NULL))
		abort(); /* found with a reason, or not found without one */
	if (p != NULL) {
		char *label = doc_part_label(p);
		char *again_why = NULL;
		if (lookup_ref(doc, label, &again_why) != p)
			abort(); /* a part's own label must lead back to it */
		free(again_why);
		free(label);
	}
	free(why);
	char *norm = lookup_normalize(ref);
	if (norm == NULL)
		abort();
	free(norm);
	free(ref);
	return 0;
}
