/* libsearch.c: searching across the library (see library.h): each
 * document's body from its index entry (its texts already folded), else
 * from its XML, searched field by field as search_doc() does. */
#include <stdlib.h>
#include <string.h>

#include "circ/library.h"
#include "circ/libindex.h"
#include "circ/xalloc.h"
#include "libindex_internal.h"

/* The body of document i: from its entry, else built from its XML. 0 or -1. */
static int body_of(const struct library *lib, size_t i, struct lix_body *b)
{
	const struct lib_doc *e = &lib->v[i];
	if (e->entry_in && lib->index[e->entry_in] &&
	    lix_entry_read(lib->index[e->entry_in], e->hash, NULL, b) == 0)
		return 0;
	struct diag_list dl = DIAG_LIST_INIT;
	struct doc *d = lib_load(lib, i, &dl);
	diag_clear(&dl);
	if (d == NULL)
		return -1;
	lix_body_build(d, b);
	doc_free(d);
	return 0;
}

/* Search one document's body; 0, 1 when fn stopped, -1 with *err. */
static int search_body(struct search *s, size_t doc, const struct lix_body *b, lib_hit_fn fn,
                       void *arg, char **err)
{
	int folded = search_fold_flags(s) == LIX_FOLD;
	size_t *v = NULL, nv = 0;
	int rc = 0;
	for (size_t k = 0; k < b->nf && rc == 0; k++) {
		const struct lix_field *f = &b->f[k];
		nv = 0;
		if ((folded ? search_prefolded(s, f->text, f->len, f->folded, f->flen, &v, &nv, err)
		            : search_text(s, f->text, f->len, &v, &nv, err)) != 0) {
			rc = -1;
			break;
		}
		if (nv == 0)
			continue;
		char *label = lix_label(b, f->part);
		for (size_t m = 0; m + 1 < nv && rc == 0; m += 2) {
			struct lib_hit h = {doc,  b->eids[f->part], label, f->field, f->text,
			                    v[m], v[m + 1]};
			if (fn(arg, &h) != 0)
				rc = 1;
		}
		free(label);
	}
	free(v);
	return rc;
}

int lib_search(const struct library *lib, struct search *s, const size_t *docs, size_t ndocs,
               lib_hit_fn fn, void *arg, char **err)
{
	*err = NULL;
	size_t n = docs ? ndocs : lib->n;
	for (size_t k = 0; k < n; k++) {
		size_t i = docs ? docs[k] : k;
		struct lix_body b;
		if (body_of(lib, i, &b) != 0)
			continue;
		int rc = search_body(s, i, &b, fn, arg, err);
		lix_body_free(&b);
		if (rc != 0)
			return rc;
	}
	return 0;
}
