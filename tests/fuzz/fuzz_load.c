/* fuzz_load.c: libFuzzer target for the document loader: the bytes are a
 * document file, loaded by doc_load() as circ loads one (read, UTF-8 check,
 * parse with no DTD or entity, the organisation block's RELAX NG schema,
 * semantic checks, model), any Akoma Ntoso input, valid or not. Whatever the
 * bytes, the load must end with a model whose count of problems is the
 * number of problems reported, or with no model and at least one problem;
 * never a crash, a leak or a hang; a model must be consistent (every
 * part's label can be made, an eId finds a part with that eId, every part
 * is in the list of parts at its place, every table cell inside its text). */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
	if (d == NULL ? dl.n == 0 : dl.n != d->nproblems) {
		diag_print(&dl, 0);
		abort(); /* problems not counted, or no model and no reason */
	}
	if (d != NULL) {
		for (size_t i = 0; i < d->nparts; i++) {
			const struct doc_part *p = d->parts[i];
			char *l = doc_part_label(p);
			if (l == NULL || *l == '\0')
				abort();
			free(l);
			if (p->order != i || p->text == NULL)
				abort();
			if (p->eid) {
				const struct doc_part *f = doc_find_eid(d, p->eid);
				if (f == NULL || f->eid == NULL || strcmp(f->eid, p->eid) != 0)
					abort();
			}
			for (size_t k = 0; p->table && k < p->table->ncells; k++)
				if (p->table->cells[k].start > p->table->cells[k].end ||
				    p->table->cells[k].end > strlen(p->text) ||
				    p->table->cells[k].col >= p->table->ncols)
					abort();
		}
		doc_free(d);
	}
	diag_clear(&dl);
	return 0;
}
