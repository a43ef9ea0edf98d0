/* fuzz_units.c: libFuzzer target for the unit-name lookup, on the bundled
 * bulletin: the bytes (up to the first NUL) are what a user types after
 * --summary or `:`. The candidates must be units of the document, without
 * repeats; a unit found by eId has that eId; a candidate's own eId finds it
 * alone; never a crash or a hang. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "circ/doc.h"
#include "circ/units.h"

#include "fuzz_bulletin.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct doc *doc;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	doc = fuzz_bulletin();
	if (doc->nunits == 0)
		abort();
	return 0;
}

static int in_doc(const struct unit *u)
{
	for (size_t i = 0; i < doc->nunits; i++)
		if (doc->units[i] == u)
			return 1;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *q = malloc(size + 1);
	memcpy(q, data, size);
	q[size] = '\0';
	struct unit **c = NULL;
	size_t n = unit_find(doc, q, &c);
	for (size_t i = 0; i < n; i++) {
		if (!in_doc(c[i]))
			abort();
		for (size_t k = 0; k < i; k++)
			if (c[k] == c[i])
				abort(); /* a candidate listed twice */
	}
	if (n > 0) {
		struct unit **again = NULL;
		size_t m = unit_find(doc, c[0]->id, &again);
		if (m != 1 || again[0] != c[0])
			abort(); /* an eId names one unit */
		free(again);
	}
	free(c);
	struct unit *u = unit_by_id(doc, q);
	if (u != NULL && strcmp(u->id, q[0] == '#' ? q + 1 : q) != 0)
		abort();
	free(q);
	return 0;
}
