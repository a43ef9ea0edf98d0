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
 * (the connective is an empty word, see word_at). */
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

/* Does query word qw (len bytes) match name word j, given that the query
 * word before it matched name word prev (SIZE_MAX: none)? A prefix of the
 * word; in the ordinal, the connective is any word of letters right after
 * the number, and the count comes only right after the connective, so that
 * "section 4" means the fourth, not each of four. *part: only a prefix. */
static int word_at(const struct words *name, size_t j, size_t prev, const char *qw, size_t len,
                   int *part)
{
	*part = 0;
	if (name->ordinal != SIZE_MAX && j > name->ordinal) {
		if (prev != j - 1)
			return 0;
		if (j == name->ordinal + 1)
			return !isdigit((unsigned char)qw[0]);
	}
	if (strncmp(name->w[j], qw, len) != 0)
		return 0;
	*part = name->w[j][len] != '\0';
	return 1;
}

/* How well the query words match the name words, in order, each a prefix
 * of a name word: -1 for no match; else the number of query words that are
 * only prefixes (0: every word is whole). *whole tells whether the query is
 * the whole name. */
static int match(const struct words *q, const struct words *name, int *whole, size_t *first)
{
	size_t j = 0, prev = SIZE_MAX;
	int partial = 0, part = 0;
	for (size_t i = 0; i < q->n; i++) {
		size_t len = strlen(q->w[i]);
		while (j < name->n && !word_at(name, j, prev, q->w[i], len, &part))
			j++;
		if (j == name->n)
			return -1;
		if (i == 0)
			*first = j;
		partial += part;
		prev = j++;
	}
	*whole = q->n == name->n && partial == 0;
	return partial;
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
	long best = -1;
	struct unit **cand = xcalloc(d->nunits ? d->nunits : 1, sizeof *cand);
	for (size_t i = 0; i < d->nunits && q.n > 0; i++) {
		struct words name;
		split_unit(&name, d->units[i]);
		int whole = 0;
		size_t first = 0;
		int partial = match(&q, &name, &whole, &first);
		free_words(&name);
		if (partial < 0)
			continue;
		/* lower is better: the whole name; internal units; names the
		 * bulletin gives (not built by circ); fewer words matched only
		 * by their beginning; a match that starts earlier in the name */
		const struct unit *u = d->units[i];
		long score = (whole ? 0L : 1L) << 40;
		score += (long)(u->external ? 1 : 0) << 32;
		score += (long)(u->named ? 0 : 1) << 24;
		score += (long)(partial < 255 ? partial : 255) << 16;
		score += (long)(first < 65535 ? first : 65535);
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
