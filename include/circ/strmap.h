/* strmap.h: a map from strings to pointers (open addressing, FNV-1a), for
 * looking up many names in constant time: the importer's numbers seen
 * twice and the parts its citations name. The map owns copies of its
 * keys, not the values. */
#ifndef CIRC_STRMAP_H
#define CIRC_STRMAP_H

#include <stddef.h>

struct strmap_slot {
	char *key; /* NULL: empty */
	void *val;
};

struct strmap {
	struct strmap_slot *v;
	size_t n, cap; /* cap: 0 or a power of two */
};

#define STRMAP_INIT                                                                                \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

/* The value of key, or NULL. */
void *strmap_get(const struct strmap *m, const char *key);
/* Add key with val unless key is there: 1 when added, 0 when it was there
 * (its value unchanged). */
int strmap_add(struct strmap *m, const char *key, void *val);
/* Free the keys and the slots (not the values); m is empty again. */
void strmap_free(struct strmap *m);

#endif
