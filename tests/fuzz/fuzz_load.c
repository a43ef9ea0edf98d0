/* fuzz_load.c: libFuzzer target for the document loader: the bytes are a
 * bulletin file, loaded by doc_load() as circ loads one (read, UTF-8 check,
 * parse with no DTD or entity, RELAX NG validation, model, semantic checks).
 * Whatever the bytes, the load must end with a model or with at least one
 * problem, never both, never a crash, a leak or a hang; a model must be
 * consistent (every part's label can be made, every eId found again). */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "circ/diag.h"
#include "circ/doc.h"

#ifndef FUZZ_CONTENT
#define FUZZ_CONTENT "content"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int fd = -1;
static char path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fd < 0) {
		fd = memfd_create("bulletin.xml", 0);
		if (fd < 0)
			abort();
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
	struct diag_list dl = DIAG_LIST_INIT;
	struct doc *d = doc_load(path, FUZZ_CONTENT "/circ-organisation.rng", &dl);
	if ((d == NULL) == (dl.n == 0)) {
		diag_print(&dl, 0);
		abort(); /* a model with problems, or no model and no reason */
	}
	if (d != NULL) {
		for (size_t i = 0; i < d->nparts; i++) {
			char *l = doc_part_label(d->parts[i]);
			if (l == NULL || *l == '\0')
				abort();
			free(l);
			if (d->parts[i]->eid && doc_find_eid(d, d->parts[i]->eid) != d->parts[i])
				abort();
		}
		doc_free(d);
	}
	diag_clear(&dl);
	return 0;
}
