/* units.c: queries on the organisation (see units.h): by eId, by the words
 * users type, subtrees. */
#include "circ/units.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "circ/fold.h"
#include "circ/utf8.h"
#include "circ/xalloc.h"

/* bsearch comparison of an eId with a unit. */
static int cmp_key_unit(const void *key, const void *elem)
{
	return strcmp(key, (*(struct unit *const *)elem)->id);
}

struct unit *unit_by_id(const struct doc *d, const char *id)
{
	if (id == NULL || d->nunits == 0)
		return NULL;
	if (id[0] == '#')
		id++;
	struct unit **u =
	    bsearch(id, d->units_by_id, d->nunits, sizeof *d->units_by_id, cmp_key_unit);
	return u ? *u : NULL;
}

struct unit *unit_root(const struct doc *d)
{
	for (size_t i = 0; i < d->nunits; i++)
		if (!d->units[i]->external && d->units[i]->parent == NULL)
			return d->units[i];
	return NULL;
}

/* Split folded text into words of letters and digits (allocated array of
 * pointers into a copy, which words[0] owns... see free_words). */
struct words {
	char *buf;
	char **w;
	size_t n;
};

static void split(struct words *ws, const char *text)
{
	ws->buf = fold_simple(text);
	ws->w = NULL;
	ws->n = 0;
	char *p = ws->buf;
	while (*p) {
		while (*p && !utf8_is_ascii_alnum((unsigned char)*p) && (unsigned char)*p < 0x80)
			*p++ = '\0';
		if (!*p)
			break;
		ws->w = xreallocarray(ws->w, ws->n + 1, sizeof *ws->w);
		ws->w[ws->n++] = p;
		while (*p && (utf8_is_ascii_alnum((unsigned char)*p) || (unsigned char)*p >= 0x80))
			p++;
	}
}

static void free_words(struct words *ws)
{
	free(ws->buf);
	free(ws->w);
}

/* How well the query words match the name words: each query word the prefix
 * of a distinct word of the name, in any order. Returns -1 for no match;
 * else the number of query words that are only prefixes or of one letter
 * (0: every word is whole). *whole tells whether the query is the whole name, *first the
 * earliest name word matched.
 *
 * The name words a query word begins include those of every longer query
 * word it begins and none of any other's; so taking, for each query word
 * from the longest, the name word it equals, else the first free one it
 * begins, finds a match whenever there is one, with the fewest prefixes. */
static int match(const struct words *q, const struct words *name, int *whole, size_t *first)
{
	if (q->n > name->n)
		return -1;
	size_t *qi = xmalloc(q->n * sizeof *qi);
	for (size_t i = 0; i < q->n; i++) {
		/* insertion sort by length, longest first, stable */
		size_t k = i;
		while (k > 0 && strlen(q->w[qi[k - 1]]) < strlen(q->w[i])) {
			qi[k] = qi[k - 1];
			k--;
		}
		qi[k] = i;
	}
	char *used = xcalloc(name->n, 1);
	int partial = 0, equal = 0;
	*first = name->n;
	for (size_t k = 0; k < q->n; k++) {
		const char *w = q->w[qi[k]];
		size_t len = strlen(w);
		size_t take = name->n;
		for (size_t j = 0; j < name->n; j++) {
			if (used[j] || strncmp(name->w[j], w, len) != 0)
				continue;
			if (name->w[j][len] == '\0') {
				take = j;
				break;
			}
			if (take == name->n)
				take = j;
		}
		if (take == name->n) {
			partial = -1;
			break;
		}
		used[take] = 1;
		/* a letter alone ("d", "a") says little, even when the name
		 * has it as a word (« d’accord », « à »): a prefix */
		equal += name->w[take][len] == '\0';
		partial += name->w[take][len] != '\0' || len < 2;
		if (take < *first)
			*first = take;
	}
	free(used);
	free(qi);
	*whole = partial >= 0 && (size_t)equal == q->n && q->n == name->n;
	return partial;
}

/* The rank of a unit whose name matches the query words, lower is better,
 * or -1 when it does not match (see unit_match). */
static long long rank(const struct unit *u, const struct words *q)
{
	if (q->n == 0)
		return -1;
	struct words name;
	split(&name, u->name);
	int whole = 0;
	size_t first = 0;
	int partial = match(q, &name, &whole, &first);
	free_words(&name);
	if (partial < 0)
		return -1;
	/* lower is better: the whole name; internal units; names the
	 * bulletin gives (not built by circ); fewer words matched only by
	 * their beginning; a match that starts earlier in the name */
	long long score = whole ? 0 : UNIT_MATCH_WHOLE;
	score += (long long)(u->external ? 1 : 0) << 32;
	score += (long long)(u->named ? 0 : 1) << 24;
	score += (long long)(partial < 255 ? partial : 255) << 16;
	score += (long long)(first < 65535 ? first : 65535);
	return score;
}

long long unit_match(const struct unit *u, const char *query)
{
	struct words q;
	split(&q, query);
	long long score = rank(u, &q);
	free_words(&q);
	return score;
}

size_t unit_find(const struct doc *d, const char *query, struct unit ***out)
{
	*out = NULL;
	const char *id = query[0] == '#' ? query + 1 : query;
	struct unit *byid = unit_by_id(d, id);
	if (byid) {
		*out = xmalloc(sizeof **out);
		(*out)[0] = byid;
		return 1;
	}
	struct words q;
	split(&q, query);
	size_t n = 0;
	long long best = -1;
	struct unit **cand = xcalloc(d->nunits ? d->nunits : 1, sizeof *cand);
	for (size_t i = 0; i < d->nunits && q.n > 0; i++) {
		long long score = rank(d->units[i], &q);
		if (score < 0)
			continue;
		if (best < 0 || score < best) {
			best = score;
			n = 0;
		}
		if (score == best)
			cand[n++] = d->units[i];
	}
	free_words(&q);
	if (n == 0) {
		free(cand);
		return 0;
	}
	*out = cand;
	return n;
}

static void walk(struct unit *u, struct unit ***out, size_t *n)
{
	*out = xreallocarray(*out, *n + 1, sizeof **out);
	(*out)[(*n)++] = u;
	for (size_t i = 0; i < u->nkids; i++)
		walk(u->kids[i], out, n);
}

size_t unit_subtree(struct unit *u, struct unit ***out)
{
	size_t n = 0;
	*out = NULL;
	walk(u, out, &n);
	return n;
}

static void free_role(struct unit_role *r)
{
	free(r->id);
	free(r->name);
}

void unit_free(struct unit *u)
{
	free(u->id);
	free(u->name);
	free(u->kind);
	free(u->kids);
	if (u->head) {
		free_role(u->head);
		free(u->head);
	}
	for (size_t i = 0; i < u->nreports; i++)
		free_role(&u->reports[i]);
	free(u->reports);
	free(u->composition.v);
	free(u->functions.v);
	free(u->head_functions.v);
	free(u->shared);
	free(u->mentions.v);
	free(u);
}
