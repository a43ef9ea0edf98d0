/* units.c: queries on the organisation (see units.h): by eId, by the words
 * users type, subtrees; a unit's kind and name as the interface shows them. */
#include "circ/units.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "circ/fold.h"
#include "circ/i18n.h"
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

/* The kinds of unit the organisation block knows (the values of circ.kind
 * in content/akn-subset.rng, compared as data) and the message each is
 * shown as, in the context "unit kind": the English word, which a
 * catalogue translates (French: the bulletin's word back). */
static const struct {
	const char *data;
	const char *msg; /* NC_(): the context and the msgid */
} kinds[] = {
    /* TRANSLATORS: a kind of unit (after "Kind:" in a unit's summary, before
     * a name in circ --units and the organisation screen): a department of
     * the Secretariat (« département » in the bulletin). */
    {"département", NC_("unit kind", "department")},
    /* TRANSLATORS: a kind of unit: an office (« bureau »). */
    {"bureau", NC_("unit kind", "office")},
    /* TRANSLATORS: a kind of unit: a secretariat of a board or of an office
     * (« secrétariat »). */
    {"secrétariat", NC_("unit kind", "secretariat")},
    /* TRANSLATORS: a kind of unit: a division of the Department
     * (« division »). */
    {"division", NC_("unit kind", "division")},
    /* TRANSLATORS: a kind of unit: a service, below a division
     * (« service »). */
    {"service", NC_("unit kind", "service")},
    /* TRANSLATORS: a kind of unit: a section, below a service (« section »),
     * not a section of the text. */
    {"section", NC_("unit kind", "section")},
    /* TRANSLATORS: a kind of unit: a group (« groupe »). */
    {"groupe", NC_("unit kind", "group")},
    /* TRANSLATORS: a kind of unit: a team (« équipe »). */
    {"équipe", NC_("unit kind", "team")},
    /* TRANSLATORS: a kind of unit: a service centre (« centre »). */
    {"centre", NC_("unit kind", "centre")},
    /* TRANSLATORS: a kind of unit: a logistics base (« base »). */
    {"base", NC_("unit kind", "base")},
    /* TRANSLATORS: a kind of unit: a body of the United Nations, a council,
     * committee, assembly or commission (« organe »). */
    {"organe", NC_("unit kind", "body")},
    /* TRANSLATORS: a kind of unit: an international organization
     * (« organisation »). */
    {"organisation", NC_("unit kind", "organization")},
    /* TRANSLATORS: a kind of unit: a cell, a small unit (« cellule »). */
    {"cellule", NC_("unit kind", "cell")},
};

const char *unit_kind(const struct unit *u)
{
	if (u->kind == NULL)
		/* TRANSLATORS: the kind of a unit whose kind the document does
		 * not give. */
		return C_("unit kind", "unit");
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(u->kind, kinds[i].data) == 0)
			return i18n_pgettext(kinds[i].msg);
	return u->kind;
}

char *unit_display_name(const struct unit *u)
{
	const char *name = u->showas ? u->showas : u->id;
	if (u->count <= 0)
		return xstrdup(name);
	/* TRANSLATORS: the name of a unit the bulletin counts without naming
	 * it, with its number among them: « Section régionale … (2 of 4) »: %s
	 * is the name, the first %d the number, the second how many there are.
	 * The bulletin does not write this number: circ adds it. */
	return xasprintf(C_("unit ordinal", "%s (%d of %d)"), name, u->index, u->count);
}

/* Split folded text into words of letters and digits (allocated array of
 * pointers into a copy, which words[0] owns... see free_words). A counted
 * unit's words end with its ordinal: its number, a word standing for the
 * connective of any language ("of", "sur"), and the count. */
struct words {
	char *buf;
	char **w;
	size_t n;
	size_t ordinal; /* index of the number of the ordinal, or SIZE_MAX */
	char nums[2][24];
};

static void add_word(struct words *ws, char *w)
{
	ws->w = xreallocarray(ws->w, ws->n + 1, sizeof *ws->w);
	ws->w[ws->n++] = w;
}

static void split(struct words *ws, const char *text)
{
	ws->buf = fold_simple(text);
	ws->w = NULL;
	ws->n = 0;
	ws->ordinal = SIZE_MAX;
	char *p = ws->buf;
	while (*p) {
		while (*p && !utf8_is_ascii_alnum((unsigned char)*p) && (unsigned char)*p < 0x80)
			*p++ = '\0';
		if (!*p)
			break;
		add_word(ws, p);
		while (*p && (utf8_is_ascii_alnum((unsigned char)*p) || (unsigned char)*p >= 0x80))
			p++;
	}
}

/* Words of a unit's name: its showAs, then its ordinal when it is counted
 * (the connective is an empty word: any word, see match_ordinal). */
static void split_unit(struct words *ws, const struct unit *u)
{
	split(ws, u->showas ? u->showas : u->id);
	if (u->count <= 0)
		return;
	snprintf(ws->nums[0], sizeof ws->nums[0], "%d", u->index);
	snprintf(ws->nums[1], sizeof ws->nums[1], "%d", u->count);
	ws->ordinal = ws->n;
	add_word(ws, ws->nums[0]);
	add_word(ws, ws->nums[0] + strlen(ws->nums[0])); /* the connective */
	add_word(ws, ws->nums[1]);
}

static void free_words(struct words *ws)
{
	free(ws->buf);
	free(ws->w);
}

/* How well the query words q->w[0..nq) match the name words
 * name->w[0..nn): each query word the prefix of a distinct word of the
 * name, in any order. Returns -1 for no match; else the number of query
 * words that are only prefixes or of one letter (0: every word is whole).
 * *equal counts the query words equal to their word of the name, *first is
 * the earliest name word matched (nn when none).
 *
 * The name words a query word begins include those of every longer query
 * word it begins and none of any other's; so taking, for each query word
 * from the longest, the name word it equals, else the first free one it
 * begins, finds a match whenever there is one, with the fewest prefixes. */
static int match_words(const struct words *q, size_t nq, const struct words *name, size_t nn,
                       size_t *equal, size_t *first)
{
	*equal = 0;
	*first = nn;
	if (nq > nn)
		return -1;
	if (nq == 0)
		return 0;
	size_t *qi = xmalloc(nq * sizeof *qi);
	for (size_t i = 0; i < nq; i++) {
		/* insertion sort by length, longest first, stable */
		size_t k = i;
		while (k > 0 && strlen(q->w[qi[k - 1]]) < strlen(q->w[i])) {
			qi[k] = qi[k - 1];
			k--;
		}
		qi[k] = i;
	}
	char *used = xcalloc(nn, 1);
	int partial = 0;
	for (size_t k = 0; k < nq; k++) {
		const char *w = q->w[qi[k]];
		size_t len = strlen(w);
		size_t take = nn;
		for (size_t j = 0; j < nn; j++) {
			if (used[j] || strncmp(name->w[j], w, len) != 0)
				continue;
			if (name->w[j][len] == '\0') {
				take = j;
				break;
			}
			if (take == nn)
				take = j;
		}
		if (take == nn) {
			partial = -1;
			break;
		}
		used[take] = 1;
		/* a letter alone ("d", "a") says little, even when the name
		 * has it as a word (« d’accord », « à »): a prefix */
		*equal += name->w[take][len] == '\0';
		partial += name->w[take][len] != '\0' || len < 2;
		if (take < *first)
			*first = take;
	}
	free(used);
	free(qi);
	return partial;
}

/* Do the nq query words from q->w[at] (1 to 3) give the ordinal of a
 * counted unit, in its order: the number, then any word that does not begin
 * with a digit for the connective of any language ("of", "sur", "von"),
 * then the count, each number or a prefix of it? Returns -1 when not; else
 * how many numbers are only prefixes; *equal counts the words that are
 * whole. The count comes only after a connective, so that "section 4" means
 * the fourth, not each of four. */
static int match_ordinal(const struct words *q, size_t at, size_t nq, const struct words *name,
                         size_t *equal)
{
	int partial = 0;
	*equal = 0;
	for (size_t k = 0; k < nq; k++) {
		const char *w = q->w[at + k];
		if (k == 1) {
			if (isdigit((unsigned char)w[0]))
				return -1;
			++*equal;
			continue;
		}
		const char *num = name->w[name->ordinal + k];
		size_t len = strlen(w);
		if (strncmp(num, w, len) != 0)
			return -1;
		if (num[len] == '\0')
			++*equal;
		else
			partial++;
	}
	return partial;
}

/* How well the query words match a unit's words (split_unit): those of its
 * showAs in any order (match_words); a counted unit's ordinal, when typed,
 * after them and in its order (match_ordinal): "regionale section 2 of 4".
 * Returns -1 for no match; else the number of query words that are only
 * prefixes or of one letter. *whole tells whether the query is the whole
 * name, *first the earliest name word matched. Of the ways to read the
 * query (no ordinal, or its last 1, 2 or 3 words as the ordinal), the best:
 * the whole name, then the fewest prefixes, then the earliest word. */
static int match(const struct words *q, const struct words *name, int *whole, size_t *first)
{
	int counted = name->ordinal != SIZE_MAX;
	size_t nshow = counted ? name->ordinal : name->n;
	int best = -1;
	for (size_t g = 0; g <= (counted ? 3u : 0u) && g <= q->n; g++) {
		size_t eq_ord = 0, eq_words = 0, f = nshow;
		int p_ord = 0;
		if (g > 0 && (p_ord = match_ordinal(q, q->n - g, g, name, &eq_ord)) < 0)
			continue;
		int p_words = match_words(q, q->n - g, name, nshow, &eq_words, &f);
		if (p_words < 0)
			continue;
		/* with only the ordinal typed, f is nshow: its number */
		int p = p_words + p_ord;
		int w = eq_words + eq_ord == q->n && q->n == name->n;
		if (best < 0 || (w && !*whole) ||
		    (w == *whole && (p < best || (p == best && f < *first)))) {
			best = p;
			*whole = w;
			*first = f;
		}
	}
	return best;
}

/* The rank of a unit whose name matches the query words, lower is better,
 * or -1 when it does not match (see unit_match). */
static long long rank(const struct unit *u, const struct words *q)
{
	if (q->n == 0)
		return -1;
	struct words name;
	split_unit(&name, u);
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
	free(u->showas);
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
