/* strmap.c: a map from strings to pointers (see strmap.h): open addressing
 * with linear probing, at most half full. */
#include "circ/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "circ/xalloc.h"

static uint64_t hash(const char *s)
{
	uint64_t h = 14695981039346656037u;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211u;
	}
	return h;
}

/* The slot of key, or the empty slot where it would go (cap > 0). */
static struct strmap_slot *find(const struct strmap *m, const char *key)
{
	size_t mask = m->cap - 1, i = (size_t)hash(key) & mask;
	while (m->v[i].key && strcmp(m->v[i].key, key) != 0)
		i = (i + 1) & mask;
	return &m->v[i];
}

void *strmap_get(const struct strmap *m, const char *key)
{
	if (m->cap == 0)
		return NULL;
	return find(m, key)->val;
}

/* Twice the slots, the keys placed again. */
static void grow(struct strmap *m)
{
	struct strmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 16;
	m->v = xcalloc(m->cap, sizeof *m->v);
	for (size_t i = 0; i < old.cap; i++)
		if (old.v[i].key)
			*find(m, old.v[i].key) = old.v[i];
	free(old.v);
}

int strmap_add(struct strmap *m, const char *key, void *val)
{
	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	struct strmap_slot *s = find(m, key);
	if (s->key)
		return 0;
	s->key = xstrdup(key);
	s->val = val;
	m->n++;
	return 1;
}

void strmap_free(struct strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->v[i].key);
	free(m->v);
	m->v = NULL;
	m->n = m->cap = 0;
}
