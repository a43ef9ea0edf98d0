/* complete.c: the candidates for what a user types to name a part or a unit
 * (see complete.h): which parts and units match, their ranking, and the text
 * and list line of each. */
#include "circ/complete.h"

#include <stdlib.h>
#include <string.h>

#include "circ/fold.h"
#include "circ/lookup.h"
#include "circ/units.h"
#include "circ/xalloc.h"

/* A matching part or unit before it is ranked. */
struct ent {
	int group;      /* 0: the exact part; 1: exact units; then the others
	                 * (parts inside the exact one before the rest), parts
	                 * or units first as the text looks like a reference */
	long long rank; /* within the group: unit_match()'s rank, 0 for parts */
	size_t order;   /* document or organisation order, for ties */
	enum complete_kind kind;
	const void *item;
};

/* The form of a reference for matching: folded, then normalised as the
 * lookup does ("5.7 b)" -> "5.7b", "Section 8" -> "s8"). Allocated. */
static char *ref_key(const char *s)
{
	char *f = fold_simple(s);
	char *k = lookup_normalize(f);
	free(f);
	return k;
}

static int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Does what the user typed look like a reference to a part? key is its
 * ref_key(), folded its folded form without leading spaces. */
static int ref_like(const char *key, const char *folded)
{
	return is_digit(key[0]) || (key[0] == 's' && is_digit(key[1])) ||
	       starts_with(folded, "section") || starts_with(folded, "\xC2\xA7");
}

/* Does some way of typing p's reference begin with key (a ref_key())?
 * *equal tells whether one of them is key itself. */
static int part_matches(const struct doc_part *p, const char *key, int *equal)
{
	char *label = doc_part_label(p);
	char *own = ref_key(label);
	free(label);
	const char *forms[4] = {own, NULL, NULL, NULL};
	char *num = NULL, *word = NULL;
	switch (p->kind) {
	case DOC_KIND_PREAMBLE:
		forms[1] = "preamble";
		forms[2] = "preambule";
		break;
	case DOC_KIND_CONCLUSIONS:
		forms[1] = "conclusions";
		forms[2] = "signature";
		break;
	case DOC_KIND_SECTION:
		/* "s8" (or a bare "8"): also "8" and "section8" */
		num = xstrdup(own[0] == 's' && is_digit(own[1]) ? own + 1 : own);
		if (own[0] != 's') {
			free(own);
			own = xasprintf("s%s", num);
			forms[0] = own;
		}
		word = xasprintf("section%s", num);
		forms[1] = num;
		forms[2] = word;
		break;
	case DOC_KIND_DOCUMENT:
		/* only when lookup_ref names it */
		forms[0] = NULL;
		break;
	default:
		break;
	}
	int found = 0;
	*equal = 0;
	for (size_t i = 0; i < 4 && forms[i]; i++) {
		if (starts_with(forms[i], key)) {
			found = 1;
			*equal |= strcmp(forms[i], key) == 0;
		}
	}
	free(own);
	free(num);
	free(word);
	return found;
}

/* Is p inside (below) up? */
static int inside(const struct doc_part *p, const struct doc_part *up)
{
	for (p = p ? p->parent : NULL; p; p = p->parent)
		if (p == up)
			return 1;
	return 0;
}

static int cmp_ent(const void *a, const void *b)
{
	const struct ent *x = a, *y = b;
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return 0;
}

/* Does Enter at the prompt (lookup_ref, then unit_find) take text to u? */
static int names_unit(const struct doc *d, const char *text, const struct unit *u)
{
	if (lookup_ref(d, text, NULL) != NULL)
		return 0;
	struct unit **found = NULL;
	size_t n = unit_find(d, text, &found);
	int ok = n == 1 && found[0] == u;
	free(found);
	return ok;
}

/* The text that replaces what was typed, for a part: its label when the
 * lookup takes it back to the part, else its eId. */
static char *part_text(const struct doc *d, const struct doc_part *p)
{
	char *label = doc_part_label(p);
	if (lookup_ref(d, label, NULL) == p || p->eid == NULL)
		return label;
	free(label);
	return xstrdup(p->eid);
}

/* The same for a unit: its name, else its eId. */
static char *unit_text(const struct doc *d, const struct unit *u)
{
	if (names_unit(d, u->name, u))
		return xstrdup(u->name);
	if (names_unit(d, u->id, u))
		return xstrdup(u->id);
	return xasprintf("#%s", u->id);
}

/* The length of the first line of s. */
static size_t line_len(const char *s)
{
	const char *nl = strchr(s, '\n');
	return nl ? (size_t)(nl - s) : strlen(s);
}

/* A part's line for the list: its title, its heading or first line. */
static char *part_line(const struct doc *d, const struct doc_part *p)
{
	char *title = doc_part_title(p);
	const char *what = p->heading ? p->heading : p->text;
	if (p->kind == DOC_KIND_DOCUMENT && d->meta.title)
		what = d->meta.title;
	char *r;
	if (what && *what)
		r = xasprintf("%s  %.*s", title, (int)line_len(what), what);
	else
		r = xstrdup(title);
	free(title);
	return r;
}

size_t complete_find(const struct doc *d, const char *typed, struct complete_cand **out)
{
	*out = NULL;
	char *folded = fold_simple(typed);
	const char *f = folded;
	while (*f == ' ')
		f++;
	for (size_t k = strlen(folded); k > 0 && folded[k - 1] == ' '; k--)
		folded[k - 1] = '\0';
	if (*f == '\0') {
		free(folded);
		return 0;
	}
	char *key = ref_key(typed);
	int reflike = ref_like(key, f);
	struct ent *v = xcalloc(d->nparts + d->nunits + 1, sizeof *v);
	size_t n = 0;

	/* parts: the one lookup_ref names, else the first whose reference is
	 * the key, then those inside it, then the others */
	const struct doc_part *exact = lookup_ref(d, typed, NULL);
	int *eq = xcalloc(d->nparts + 1, sizeof *eq);
	char *hit = xcalloc(d->nparts + 1, 1);
	for (size_t i = 0; i < d->nparts && key[0]; i++) {
		hit[i] = (char)part_matches(d->parts[i], key, &eq[i]);
		if (hit[i] && eq[i] && exact == NULL)
			exact = d->parts[i];
	}
	if (exact)
		v[n++] = (struct ent){0, 0, exact->order, COMPLETE_PART, exact};
	for (size_t i = 0; i < d->nparts; i++) {
		const struct doc_part *p = d->parts[i];
		if (!hit[i] || p == exact)
			continue;
		int g = inside(p, exact) ? 0 : 1;
		v[n++] = (struct ent){(reflike ? 2 : 4) + g, 0, p->order, COMPLETE_PART, p};
	}
	free(eq);
	free(hit);

	/* units: by eId, by the words of their names */
	const struct unit *byid = unit_by_id(d, f[0] == '#' ? f + 1 : f);
	for (size_t i = 0; i < d->nunits; i++) {
		const struct unit *u = d->units[i];
		long long rank = unit_match(u, typed);
		if (u == byid)
			rank = 0;
		if (rank < 0)
			continue;
		int whole = rank < UNIT_MATCH_WHOLE;
		int g = whole ? 1 : reflike ? 4 : 2;
		v[n++] = (struct ent){g, rank, u->order, COMPLETE_UNIT, u};
	}
	free(key);
	free(folded);

	qsort(v, n, sizeof *v, cmp_ent);
	if (n > COMPLETE_MAX)
		n = COMPLETE_MAX;
	if (n == 0) {
		free(v);
		return 0;
	}
	struct complete_cand *c = xcalloc(n, sizeof *c);
	for (size_t i = 0; i < n; i++) {
		c[i].kind = v[i].kind;
		c[i].item = v[i].item;
		if (v[i].kind == COMPLETE_PART) {
			c[i].text = part_text(d, v[i].item);
			c[i].label = part_line(d, v[i].item);
		} else {
			const struct unit *u = v[i].item;
			c[i].text = unit_text(d, u);
			c[i].label = xasprintf("%s  %s", u->name, unit_kind(u));
		}
	}
	free(v);
	*out = c;
	return n;
}

void complete_free(struct complete_cand *v, size_t n)
{
	if (v == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		free(v[i].text);
		free(v[i].label);
	}
	free(v);
}
