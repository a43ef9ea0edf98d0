/* libindex_internal.h: what the library's files share inside src/core
 * (library.c, libentry.c, libindex.c, libsearch.c); not part of the
 * core's interface. */
#ifndef CIRC_LIBINDEX_INTERNAL_H
#define CIRC_LIBINDEX_INTERNAL_H

#include "circ/cite.h"
#include "circ/fold.h"
#include "circ/libindex.h"

/* How the index folds the parts' texts: what search.c folds them with when
 * accents are ignored. */
#define LIX_FOLD (FOLD_SPACES | FOLD_ACCENTS)

/* Build the body of d. */
void lix_body_build(const struct doc *d, struct lix_body *b);
/* The label of the body's part k, as doc_part_label() gives it in the
 * user's language (allocated). */
char *lix_label(const struct lix_body *b, size_t k);

#endif
