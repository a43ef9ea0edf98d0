/* import_org.c: the organisation draft of `circ import --draft-org`: from
 * the sentences of a bulletin that say how its organisation is made
 * (« X est dirigé par un Y, qui relève de Z », « X se compose de … »,
 * « X comprend … », "X is headed by a Y, who reports to Z", "X comprises
 * …", « Les attributions de X sont les suivantes », « Le Y est chargé de
 * … »), the units with their kinds and parents, their heads, the reporting
 * lines and the paragraphs that say so, written as an organisation block
 * marked draft="true" for a person to review. General rules of French and
 * English wording only: nothing here knows a particular bulletin. */
#include <stdlib.h>
#include <string.h>

#include "circ/strbuf.h"
#include "circ/utf8.h"
#include "circ/xalloc.h"
#include "import_internal.h"

/* A kind of unit: the word (folded) in the text, its plural, the value of
 * circ.kind it is, and in French its gender (for « du » / « de la »). */
static const struct kindword {
	const char *w, *pl, *kind;
	int fem;
} kinds[] = {
    {"département", "départements", "département", 0},
    {"bureau", "bureaux", "bureau", 0},
    {"secrétariat", "secrétariats", "secrétariat", 0},
    {"division", "divisions", "division", 1},
    {"service", "services", "service", 0},
    {"section", "sections", "section", 1},
    {"groupe", "groupes", "groupe", 0},
    {"équipe", "équipes", "équipe", 1},
    {"centre", "centres", "centre", 0},
    {"cellule", "cellules", "cellule", 1},
    {"unité", "unités", "groupe", 1},
    {"department", "departments", "département", 0},
    {"office", "offices", "bureau", 0},
    {"secretariat", "secretariats", "secrétariat", 0},
    {"unit", "units", "groupe", 0},
    {"group", "groups", "groupe", 0},
    {"team", "teams", "équipe", 0},
    {"center", "centers", "centre", 0},
    {"cell", "cells", "cellule", 0},
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

struct report {
	long role, unit; /* unit: whose head it is, or -1 */
	const char *src;
};

struct ounit {
	char *name;
	char *key; /* its name compared (norm_key) */
	const struct kindword *kw;
	long parent;
	long head;
	int office; /* the head is the official the unit is the office of */
	const char *head_src, *name_src;
	struct report *rep;
	size_t nrep;
	const char **comp, **fun, **hfun;
	size_t ncomp, nfun, nhfun;
	int named;        /* 0: a name made up from its kind and parent */
	int index, count; /* the index-th of count units the text counts */
	int from_heading; /* made from a section heading: its name may grow */
	int bare;         /* named by its kind alone so far (« un secrétariat ») */
	long rank;        /* when it was last mentioned */
};

struct orole {
	char *title;
	char *key;
	char *eid;
};

/* A reporting line of a unit said of its head (« Le Sous-Secrétaire
 * général relève du … »): resolved once every unit has its head. */
struct pending {
	long role, to, to_unit;
	const char *src;
	int fun; /* 1: not a reporting line but the head's functions */
};

struct imp_org {
	int fr;
	struct ounit *u;
	size_t nu;
	struct orole *r;
	size_t nr;
	struct {
		char *alias;
		long role;
	} * alias;
	size_t nalias;
	struct pending *pend;
	size_t npend;
	long top;
	long rank;
	int curly; /* the text writes ’, names are written so */
	int full;  /* IMP_ORG_MAX units or roles: the rest of the text is not read */
};

/* ---- text: one copy with ’ as ', and its case-folded twin ---- */

/* s with ’ as ' (allocated). */
static char *plain(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	for (; *s; s++) {
		if ((unsigned char)*s == IMP_NOTE_MARK) { /* a footnote's mark */
			while (*s && (unsigned char)*s != IMP_NOTE_END)
				s++;
			if (!*s)
				break;
			continue;
		}
		if (strncmp(s, "\xe2\x80\x99", 3) == 0) {
			sb_addc(&sb, '\'');
			s += 2;
		} else if (strncmp(s, "\xc2\xa0", 2) == 0) { /* no-break space */
			sb_addc(&sb, ' ');
			s += 1;
		} else if (strncmp(s, "\xe2\x80\xaf", 3) == 0) { /* narrow one */
			sb_addc(&sb, ' ');
			s += 2;
		} else {
			sb_addc(&sb, *s);
		}
	}
	return sb_steal(&sb);
}

/* The case-folded twin of s, byte for byte the same length (ASCII and the
 * capitals of Latin-1: É as é). */
static char *fold(const char *s)
{
	char *f = xstrdup(s);
	for (unsigned char *p = (unsigned char *)f; *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (unsigned char)(*p + 32);
		else if (p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E && p[1] != 0x97) {
			p[1] = (unsigned char)(p[1] + 0x20);
			p++;
		}
	}
	return f;
}

static int is_wordc(unsigned char c)
{
	return utf8_is_ascii_alnum(c) || c >= 0x80 || c == '-';
}

/* Does folded text f at i start with w, ending there on a word's end? */
static int at(const char *f, size_t i, const char *w)
{
	size_t n = strlen(w);
	if (strncmp(f + i, w, n) != 0)
		return 0;
	return !is_wordc((unsigned char)f[i + n]) || w[n - 1] == '\'' || w[n - 1] == ' ';
}

/* Past the spaces at i. */
static size_t skip_sp(const char *s, size_t i)
{
	while (s[i] == ' ')
		i++;
	return i;
}

/* The end of the word at i. */
static size_t word_end(const char *s, size_t i)
{
	while (s[i] && is_wordc((unsigned char)s[i]))
		i++;
	return i;
}

/* Past one of the words of list (each "w " or "w'") at i, else i. */
static size_t skip_any(const char *f, size_t i, const char *const *list)
{
	for (; *list; list++)
		if (at(f, i, *list))
			return skip_sp(f, i + strlen(*list));
	return i;
}

static const char *const articles[] = {"le ",  "la ",  "l'", "les ", "un ",
                                       "une ", "the ", "a ", "an ",  NULL};
static const char *const de_articles[] = {
    "de la ", "de l'", "du ", "des ",    "d'un ", "d'une ",  "de ", "d'",        "au ",   "à la ",
    "à l'",   "aux ",  "à ",  "of the ", "of ",   "to the ", "to ", "from the ", "from ", NULL};

static int is_upper_at(const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	return (c >= 'A' && c <= 'Z') ||
	       (c == 0xC3 && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9E);
}

/* The kind word at i of folded f, and whether it is plural. */
static const struct kindword *kind_at(const char *f, size_t i, int *plural)
{
	size_t e = word_end(f, i);
	for (size_t k = 0; k < NKINDS; k++) {
		size_t n = e - i;
		if (strlen(kinds[k].w) == n && strncmp(f + i, kinds[k].w, n) == 0) {
			if (plural)
				*plural = 0;
			return &kinds[k];
		}
		if (strlen(kinds[k].pl) == n && strncmp(f + i, kinds[k].pl, n) == 0) {
			if (plural)
				*plural = 1;
			return &kinds[k];
		}
	}
	return NULL;
}

/* Words that end a name or a title: verbs and relatives. */
static const char *const verbs[] = {
    "est",      "sont",      "a",        "ont",       "se",          "s'",      "qui",
    "que",      "lequel",    "laquelle", "lesquels",  "lesquelles",  "relève",  "relèvent",
    "rend",     "rendent",   "reçoit",   "comprend",  "comprennent", "placé",   "placée",
    "placés",   "placées",   "dirige",   "dirigé",    "dirigée",     "assure",  "assume",
    "assument", "appuie",    "exerce",   "participe", "coordonne",   "fournit", "élabore",
    "chacun",   "chacune",   "is",       "are",       "has",         "have",    "who",
    "which",    "comprises", "comprise", "reports",   "report",      "shall",   "will",
    "may",      "receives",  "provides", "consists",  "each",        "whose",   "consistent",
    "consiste", "doit",      "doivent",  "peut",      "peuvent",     "veille",  "must",
    NULL};
/* Words that end a title, not a name (« Équipe de liaison pour les achats »). */
static const char *const conjs[] = {"et", "and", "pour", "afin", "dans",  "en", "sur",      "for",
                                    "in", "on",  "with", "avec", "ainsi", "y",  "ci-après", NULL};

static int is_stop(const char *f, size_t i, int in_name)
{
	for (size_t k = 0; verbs[k]; k++)
		if (at(f, i, verbs[k]))
			return 1;
	for (size_t k = 0; !in_name && conjs[k]; k++)
		if (at(f, i, conjs[k]))
			return 1;
	return 0;
}

/* After a separator at i (", " or " et "), does a new unit begin
 * (an article, then a kind word or a number of them)? */
static int unit_follows(const char *f, size_t i)
{
	size_t j = skip_any(f, i, de_articles);
	j = skip_any(f, j, articles);
	static const char *const nums[] = {"deux ", "trois ", "quatre ", "cinq ", "six ",
	                                   "two ",  "three ", "four ",   "five ", NULL};
	j = skip_any(f, j, nums);
	if (kind_at(f, j, NULL) != NULL)
		return 1;
	/* English: "the Supply Division", its kind word last (a few words
	 * with no comma or stop between) */
	for (int w = 0; w < 6 && f[j] && is_wordc((unsigned char)f[j]); w++) {
		if (kind_at(f, j, NULL))
			return 1;
		if (is_stop(f, j, 0) && w > 0)
			return 0;
		j = word_end(f, j);
		if (f[j] != ' ')
			return 0;
		j = skip_sp(f, j);
	}
	return 0;
}

/* A bracket that belongs to a name (« (MINUSMA) », not « (ci-après …) »)
 * opening at s[k], before end: the index after its ')', or 0 when it does
 * not (no ')' before end, no capital after '(', or « ci-après »). */
static size_t name_paren(const char *s, const char *f, size_t k, size_t end)
{
	size_t c = k;
	while (c < end && s[c] != ')')
		c++;
	if (c >= end || !is_upper_at(s, k + 1) || at(f, k + 1, "ci-après"))
		return 0;
	return c + 1;
}

/* The end of a name that starts at i (French: at its kind word), within
 * [i, end): before a comma, a verb or a relative, or before the unit it
 * belongs to (« du Département … »). */
static size_t name_end(const char *s, const char *f, size_t i, size_t end, int fr)
{
	size_t j = word_end(f, i), last = j;
	int words = 1;
	while (j < end && words < 24) {
		if (f[j] == ' ') {
			size_t k = j + 1;
			if (is_stop(f, k, 1))
				break;
			/* « … et de la Section … », "… and the Unit …": the next unit */
			if ((at(f, k, "et") || at(f, k, "and")) &&
			    unit_follows(f, skip_sp(f, word_end(f, k))))
				break;
			/* « du Département », « of the Department »: its owner */
			size_t d = skip_any(f, k, de_articles);
			if (d > k && is_upper_at(s, d) && kind_at(f, d, NULL) && words > 1)
				break;
			if (s[k] == '(') {
				size_t c = name_paren(s, f, k, end);
				if (c == 0)
					break;
				j = last = c;
				continue;
			}
			j = k;
			if (!is_wordc((unsigned char)f[j]) && f[j] != '\'')
				break;
			j = word_end(f, j);
			while (f[j] == '\'')
				j = word_end(f, j + 1);
			last = j;
			words++;
		} else if (f[j] == '\'') {
			j = word_end(f, j + 1);
			last = j;
		} else if (f[j] == ',' && fr) {
			/* « de la prospection, du recrutement et de … »: a name
			 * goes on after a comma with « du » and no unit */
			size_t k = skip_sp(f, j + 1);
			size_t d = skip_any(f, k, de_articles);
			if (d > k && !kind_at(f, d, NULL) && !unit_follows(f, k) &&
			    !is_upper_at(s, d) && (at(f, k, "du") || at(f, k, "de")))
				j = k - 1;
			else
				break;
		} else {
			break;
		}
	}
	return last;
}

/* ---- the model ---- */

static char *norm_key(const char *s)
{
	char *p = plain(s), *f = fold(p);
	free(p);
	/* no article in front */
	size_t i = skip_any(f, 0, articles);
	char *k = xstrdup(f + i);
	free(f);
	return k;
}

/* Is key x a prefix of key y, ending on a word's end? */
static int word_prefix(const char *x, const char *y)
{
	size_t n = strlen(x);
	return n > 0 && strncmp(x, y, n) == 0 && (y[n] == ' ' || y[n] == ',');
}

static void set_name(struct ounit *u, char *name)
{
	free(u->name);
	free(u->key);
	u->name = name;
	u->key = norm_key(name);
}

/* The most units or roles a draft holds: a person reviews it, and a text
 * that would name more (a hostile one) costs no more than this. */
#define IMP_ORG_MAX 1000

static long add_role(struct imp_org *o, const char *title)
{
	char *k = norm_key(title);
	for (size_t i = 0; i < o->nr; i++)
		if (strcmp(o->r[i].key, k) == 0) {
			free(k);
			return (long)i;
		}
	if (o->nr >= IMP_ORG_MAX)
		o->full = 1; /* this sentence's roles, then no more */
	o->r = xreallocarray(o->r, o->nr + 1, sizeof *o->r);
	o->r[o->nr].title = xstrdup(title);
	o->r[o->nr].key = k;
	int sg = strcmp(k, "secrétaire général") == 0 || strcmp(k, "secretary-general") == 0;
	size_t nth = 1; /* the roles but the Secretary-General's, numbered */
	for (size_t i = 0; i < o->nr; i++)
		nth += strcmp(o->r[i].eid, "sg") != 0;
	o->r[o->nr].eid = sg ? xstrdup("sg") : xasprintf("draft-role-%zu", nth);
	return (long)o->nr++;
}

/* A new unit, or -1 when the draft holds IMP_ORG_MAX. */
static long add_unit(struct imp_org *o, const char *name, const struct kindword *kw, long parent,
                     const char *src)
{
	if (o->nu >= IMP_ORG_MAX) {
		o->full = 1;
		return -1;
	}
	o->u = xreallocarray(o->u, o->nu + 1, sizeof *o->u);
	struct ounit *u = &o->u[o->nu];
	memset(u, 0, sizeof *u);
	set_name(u, xstrdup(name));
	u->kw = kw;
	u->parent = parent;
	u->head = -1;
	u->named = 1;
	u->name_src = src;
	u->rank = ++o->rank;
	return (long)o->nu++;
}

static void add_src(const char ***v, size_t *n, const char *src)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i], src) == 0)
			return;
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = src;
}

static void add_report(struct ounit *u, long role, long unit, const char *src)
{
	for (size_t i = 0; i < u->nrep; i++)
		if (u->rep[i].role == role)
			return;
	u->rep = xreallocarray(u->rep, u->nrep + 1, sizeof *u->rep);
	u->rep[u->nrep++] = (struct report){role, unit, src};
}

static int is_ancestor(const struct imp_org *o, long a, long u)
{
	for (size_t steps = 0; u >= 0 && steps <= o->nu; steps++) {
		if (u == a)
			return 1;
		u = o->u[u].parent;
	}
	return 0;
}

static void set_parent(struct imp_org *o, long u, long p)
{
	if (u != p && !is_ancestor(o, u, p))
		o->u[u].parent = p;
}

/* The unit a name names: the same name, else the longest known name it
 * begins (« Bureau du Sous-Secrétaire général » for « … à l'appui aux
 * missions »), or the shortest that begins with it; -1. */
static long find_unit(struct imp_org *o, const char *name, int grow)
{
	char *k = norm_key(name);
	long best = -1;
	for (size_t i = 0; i < o->nu && best < 0; i++)
		if (strcmp(o->u[i].key, k) == 0)
			best = (long)i;
	if (best >= 0) {
		free(k);
		return best;
	}
	for (size_t i = 0; i < o->nu; i++) {
		if (word_prefix(o->u[i].key, k) && (o->u[i].from_heading || grow) &&
		    (best < 0 || strlen(o->u[i].name) > strlen(o->u[best].name)))
			best = (long)i;
	}
	if (best >= 0) {
		set_name(&o->u[best], xstrdup(name));
		o->u[best].bare = 0;
		o->u[best].named = 1;
		free(k);
		return best;
	}
	for (size_t i = 0; i < o->nu; i++)
		if (word_prefix(k, o->u[i].key) && !o->u[i].bare &&
		    (best < 0 || strlen(o->u[i].name) < strlen(o->u[best].name)))
			best = (long)i;
	free(k);
	return best;
}

/* The unit a bare kind word names (« le Service », "the Division"): the
 * last one of that kind mentioned, preferring the context's ancestors. */
static long last_of_kind(struct imp_org *o, const struct kindword *kw, long ctx)
{
	for (long a = ctx; a >= 0; a = o->u[a].parent)
		if (strcmp(o->u[a].kw->kind, kw->kind) == 0)
			return a;
	long best = -1;
	for (size_t i = 0; i < o->nu; i++)
		if (strcmp(o->u[i].kw->kind, kw->kind) == 0 &&
		    (best < 0 || o->u[i].rank > o->u[best].rank))
			best = (long)i;
	return best;
}

/* A title as written, trimmed (allocated). */
static char *title_at(const char *s, const char *f, size_t i, size_t end, size_t *stop)
{
	size_t j = i, last = i;
	int words = 0;
	while (j < end && words < 20) {
		if (s[j] == '(') {
			size_t c = name_paren(s, f, j, end);
			if (c == 0)
				break;
			j = last = c;
			j = skip_sp(s, j);
			continue;
		}
		if (!is_wordc((unsigned char)f[j]))
			break;
		if (words > 0 && is_stop(f, j, 0))
			break;
		j = word_end(f, j);
		while (f[j] == '\'')
			j = word_end(f, j + 1);
		last = j;
		words++;
		if (f[j] != ' ')
			break;
		j = skip_sp(f, j);
	}
	if (stop)
		*stop = last;
	return last > i ? xstrndup(s + i, last - i) : NULL;
}

/* Resolve a role mentioned as title, from the point of view of unit ctx;
 * *unit is the unit it heads when that is how it was found. */
static long resolve_role(struct imp_org *o, const char *title, long ctx, long *unit)
{
	*unit = -1;
	char *k = norm_key(title);
	for (size_t i = 0; i < o->nalias; i++)
		if (strcmp(o->alias[i].alias, k) == 0) {
			free(k);
			return o->alias[i].role;
		}
	/* « Directeur de la Division », "Chief of the Service": the head of
	 * the nearest unit of that kind */
	for (size_t i = 0; k[i]; i++) {
		if (k[i] != ' ')
			continue;
		size_t d = skip_any(k, i + 1, de_articles);
		const struct kindword *kw = d > i + 1 ? kind_at(k, d, NULL) : NULL;
		if (kw && k[word_end(k, d)] == '\0') {
			for (long a = ctx; a >= 0; a = o->u[a].parent)
				if (o->u[a].head >= 0 && strcmp(o->u[a].kw->kind, kw->kind) == 0) {
					*unit = a;
					free(k);
					return o->u[a].head;
				}
		}
	}
	long found = -1;
	for (size_t i = 0; i < o->nr && found < 0; i++)
		if (strcmp(o->r[i].key, k) == 0)
			found = (long)i;
	/* the head of an ancestor whose title begins so */
	for (long a = ctx >= 0 ? o->u[ctx].parent : -1; a >= 0 && found < 0; a = o->u[a].parent)
		if (o->u[a].head >= 0 && word_prefix(k, o->r[o->u[a].head].key)) {
			*unit = a;
			found = o->u[a].head;
		}
	long only = -1;
	int n = 0;
	for (size_t i = 0; i < o->nr && found < 0; i++)
		if (word_prefix(k, o->r[i].key))
			only = (long)i, n++;
	int one_word = strchr(k, ' ') == NULL;
	free(k);
	if (found >= 0)
		return found;
	if (n == 1 && !one_word) /* « chef » is no abbreviation */
		return only;
	return add_role(o, title);
}

/* ---- sentences ---- */

/* What a clause is about. */
struct subj {
	long u[16]; /* units (several: « Chaque service », plural names) */
	size_t n;
	long role;  /* or a role */
	size_t end; /* where the subject ends in the sentence */
};

/* The sentences of a part: split at ". " followed by a capital. */
struct part {
	const char *src;
	long ctx;      /* the subject of the part's sentences so far */
	long sec;      /* the unit of the section's heading */
	long last[16]; /* the units of the last sentence (« Leurs attributions ») */
	size_t nlast;
};

static void subj_add(struct subj *sj, long u)
{
	for (size_t i = 0; i < sj->n; i++)
		if (sj->u[i] == u)
			return;
	if (sj->n < sizeof sj->u / sizeof sj->u[0])
		sj->u[sj->n++] = u;
}

/* A name read at i as plural: its words before « de » singular. */
static char *singular(const char *name, int fr)
{
	struct strbuf sb = STRBUF_INIT;
	char *f = fold(name);
	size_t i = 0;
	int head = 1;
	while (name[i]) {
		size_t e = word_end(f, i);
		if (e == i) {
			sb_addc(&sb, name[i++]);
			continue;
		}
		if (at(f, i, "de") || at(f, i, "du") || at(f, i, "des") || at(f, i, "d'") ||
		    at(f, i, "of") || at(f, i, "for"))
			head = 0;
		size_t n = e - i;
		int pl = 0;
		const struct kindword *kw = kind_at(f, i, &pl);
		if (head && kw && pl) {
			/* the singular, with the case of the first letter */
			size_t first = (unsigned char)kw->w[0] >= 0xC3 ? 2 : 1;
			sb_add(&sb, name + i, first);
			sb_adds(&sb, kw->w + first);
		} else if (head && fr && n > 3 && strncmp(f + e - 3, "aux", 3) == 0) {
			sb_add(&sb, name + i, n - 3);
			sb_adds(&sb, "al");
		} else if (head && fr && n > 2 && f[e - 1] == 's') {
			sb_add(&sb, name + i, n - 1);
		} else {
			sb_add(&sb, name + i, n);
		}
		i = e;
	}
	free(f);
	return sb_steal(&sb);
}

/* « du Service X », « de la Division X », "of the X Service". */
static char *of_unit(const struct imp_org *o, long u)
{
	const struct ounit *x = &o->u[u];
	if (!o->fr)
		return xasprintf("of the %s", x->name);
	const unsigned char c = (unsigned char)x->kw->w[0];
	int vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 0xC3;
	return xasprintf("%s%s", vowel ? "de l'" : x->kw->fem ? "de la " : "du ", x->name);
}

static const char *const number_words[] = {
    "un",  "une", "deux",  "trois", "quatre", "cinq", "six",   "sept",  "huit", "neuf", "dix",
    "one", "two", "three", "four",  "five",   "six",  "seven", "eight", "nine", "ten",  NULL};
static const int number_values[] = {1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                                    1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

/* A unit mentioned at i of the sentence (after its article): its name and
 * kind, how many (« quatre Sections »), plural; 0 when none. */
struct mention {
	char *name;
	const struct kindword *kw;
	int count, plural, bare;
	size_t end;
};

static int mention_at(const struct imp_org *o, const char *s, const char *f, size_t i, size_t end,
                      struct mention *m)
{
	memset(m, 0, sizeof *m);
	m->count = 1;
	for (size_t k = 0; number_words[k]; k++)
		if (at(f, i, number_words[k]) && number_values[k] > 1) {
			m->count = number_values[k];
			i = skip_sp(f, i + strlen(number_words[k]));
			break;
		}
	size_t start = i;
	if (!o->fr) {
		/* English: capitalised words and "of", "for", "and" between
		 * them, holding a kind word: "Planning Unit", "Office of X" */
		size_t j = i, last = i;
		int has = 0;
		while (j < end &&
		       (is_upper_at(s, j) || (m->count > 1 && j == i && kind_at(f, j, NULL)))) {
			int pl = 0;
			const struct kindword *kw = kind_at(f, j, &pl);
			if (kw && !m->kw)
				m->kw = kw, m->plural = pl;
			else if (kw)
				m->kw = kw, m->plural = pl;
			has |= kw != NULL;
			j = word_end(f, j);
			last = j;
			size_t k = skip_sp(f, j);
			if (k == j)
				break;
			size_t c = k;
			if (at(f, k, "of") || at(f, k, "for") || at(f, k, "and") || at(f, k, "on"))
				c = skip_sp(f, word_end(f, k));
			if (at(f, c, "the"))
				c = skip_sp(f, c + 3);
			if (c >= end || !is_upper_at(s, c) ||
			    (c > k && at(f, k, "and") && at(f, skip_sp(f, k + 4), "the")))
				break;
			/* "Procurement Service of the Supply Division": its owner */
			if (has && kw == m->kw && kw && c > k && !at(f, k, "of") &&
			    !at(f, k, "for"))
				break;
			if (kind_at(f, c, NULL) && has && c > k && !at(f, k, "of"))
				break;
			j = c;
		}
		if (!has)
			return 0;
		m->end = last;
		m->name = xstrndup(s + start, last - start);
		m->bare = word_end(f, start) == last;
		if (m->plural || m->count > 1) {
			char *sg = singular(m->name, 0);
			free(m->name);
			m->name = sg;
		}
		return 1;
	}
	int pl = 0;
	m->kw = kind_at(f, i, &pl);
	if (m->kw == NULL)
		return 0;
	m->plural = pl;
	m->end = name_end(s, f, i, end, 1);
	m->name = xstrndup(s + start, m->end - start);
	m->bare = word_end(f, start) == m->end;
	if (pl || m->count > 1) {
		char *sg = singular(m->name, 1);
		free(m->name);
		m->name = sg;
	}
	return 1;
}

static size_t find(const char *f, size_t i, size_t end, const char *w)
{
	for (; i < end; i++)
		if ((i == 0 || !is_wordc((unsigned char)f[i - 1])) && at(f, i, w))
			return i;
	return (size_t)-1;
}

/* The first of the patterns found in [i, end): its end, and which. */
static size_t find_any(const char *f, size_t i, size_t end, const char *const *pats, size_t *which)
{
	size_t best = (size_t)-1;
	for (size_t k = 0; pats[k]; k++) {
		size_t p = find(f, i, end, pats[k]);
		if (p != (size_t)-1 && (best == (size_t)-1 || p < best)) {
			best = p;
			*which = k;
		}
	}
	return best == (size_t)-1 ? best : best + strlen(pats[*which]);
}

static const char *const head_pats[] = {"est dirigé par ",
                                        "est dirigée par ",
                                        "sont dirigés par ",
                                        "sont dirigées par ",
                                        "dirigé par ",
                                        "dirigée par ",
                                        "dirigés par ",
                                        "dirigées par ",
                                        "a à sa tête ",
                                        "ont à leur tête ",
                                        "sous la direction d'",
                                        "sous la direction de ",
                                        "sous l'autorité d'",
                                        "is headed by ",
                                        "are headed by ",
                                        "headed by ",
                                        "is led by ",
                                        "led by ",
                                        "under the direction of ",
                                        "under the leadership of ",
                                        NULL};
static const char *const report_pats[] = {"relève directement du ",
                                          "relève directement de la ",
                                          "relève directement de l'",
                                          "relève du ",
                                          "relève de la ",
                                          "relève de l'",
                                          "relèvent du ",
                                          "relèvent de la ",
                                          "rend compte directement au ",
                                          "rend compte au ",
                                          "rend compte à la ",
                                          "rend compte à l'",
                                          "rendent compte au ",
                                          "reçoit des instructions du ",
                                          "reçoit des instructions de la ",
                                          "reports directly to the ",
                                          "reports to the ",
                                          "report to the ",
                                          "reports directly to ",
                                          "reports to ",
                                          "is accountable to the ",
                                          "are accountable to the ",
                                          "is responsible to the ",
                                          "receives instructions from the ",
                                          NULL};
static const char *const comp_pats[] = {"se compose ",    "se composent ",     "comprend",
                                        "comprennent",    "est subdivisé en ", "est subdivisée en ",
                                        "est composé ",   "est composée ",     "comprises",
                                        "comprise",       "is composed of ",   "consists of ",
                                        "is made up of ", "is divided into ",  NULL};
static const char *const fun_pats[] = {
    "attributions",       "fonctions",          "functions",       "responsibilities",
    "a pour attribution", "a pour mission",     "est chargé de",   "est chargée de",
    "est responsable de", "is responsible for", "is in charge of", NULL};

static void parse_sentence(struct imp_org *o, struct part *pt, const char *s, const char *f,
                           size_t end, const struct node *nd);

/* The reporting line after a head (« , qui relève du … »), for units. */
static void read_report(struct imp_org *o, const char *s, const char *f, size_t i, size_t end,
                        const struct subj *sj, const char *src)
{
	size_t which = 0;
	size_t p = find_any(f, i, end, report_pats, &which);
	if (p == (size_t)-1)
		return;
	p = skip_any(f, p, articles);
	char *t = title_at(s, f, p, end, NULL);
	if (t == NULL)
		return;
	for (size_t k = 0; k < sj->n; k++) {
		long unit;
		long r = resolve_role(o, t, sj->u[k], &unit);
		add_report(&o->u[sj->u[k]], r, unit, src);
	}
	free(t);
}

/* A head and what follows it (« dirigé par un chef qui relève du … »),
 * for the units of sj; the end of the title. */
static size_t read_head(struct imp_org *o, const char *s, const char *f, size_t p, size_t end,
                        const struct subj *sj, const char *src)
{
	p = skip_any(f, p, articles);
	size_t stop;
	char *t = title_at(s, f, p, end, &stop);
	if (t == NULL)
		return p;
	for (size_t k = 0; k < sj->n; k++) {
		long unit;
		long r = resolve_role(o, t, sj->u[k], &unit);
		if (unit == sj->u[k] || unit < 0) {
			o->u[sj->u[k]].head = r;
			o->u[sj->u[k]].office = 0;
			o->u[sj->u[k]].head_src = src;
		}
	}
	free(t);
	/* the reporting line belongs to the head just named: up to the next
	 * head or composition */
	size_t which, nxt = find_any(f, stop, end, comp_pats, &which);
	read_report(o, s, f, stop, nxt == (size_t)-1 ? end : nxt, sj, src);
	return stop;
}

/* The items of a list of units at [i, end) (« du Bureau du Directeur, du
 * Service … et de quatre Sections … placées chacune sous la direction
 * d'un … »), children of parent. */
static void read_items(struct imp_org *o, const char *s, const char *f, size_t i, size_t end,
                       long parent, const char *src)
{
	while (i < end && !o->full) {
		i = skip_sp(f, i);
		size_t j = skip_any(f, i, de_articles);
		j = skip_any(f, j, articles);
		struct mention m;
		int ok = mention_at(o, s, f, j, end, &m);
		if (ok && m.plural && m.count == 1 && !is_upper_at(s, j)) {
			/* « en unités administratives »: no unit named */
			free(m.name);
			ok = 0;
		}
		if (!ok) {
			/* no unit here: on to the next separator */
			size_t k = i;
			while (k < end && !(f[k] == ',' || (f[k] == ' ' && (at(f, k + 1, "et") ||
			                                                    at(f, k + 1, "and")))))
				k++;
			if (k >= end)
				break;
			i = k + 1;
			if (f[k] == ' ')
				i = word_end(f, k + 1);
			i = skip_sp(f, i);
			if (i < end && f[i] == ',')
				i++;
			continue;
		}
		/* the item's own words after its name: up to the next unit */
		size_t k = m.end;
		while (k < end) {
			if (f[k] == ',' && unit_follows(f, skip_sp(f, k + 1)))
				break;
			if (f[k] == ' ' && (at(f, k + 1, "et") || at(f, k + 1, "and")) &&
			    unit_follows(f, skip_sp(f, word_end(f, k + 1))))
				break;
			k++;
		}
		struct subj sj = {{0}, 0, -1, 0};
		for (int c = 1; c <= m.count; c++) {
			long u = -1;
			if (!m.bare && m.count == 1)
				u = find_unit(o, m.name, 0);
			if (u >= 0 && (o->u[u].parent < 0 || o->u[u].parent == o->top ||
			               o->u[u].parent == parent))
				set_parent(o, u, parent);
			else
				u = add_unit(o, m.name, m.kw, parent, src);
			if (u < 0)
				break;
			o->u[u].rank = ++o->rank;
			if (m.bare)
				o->u[u].bare = 1;
			if (m.count > 1) {
				o->u[u].index = c;
				o->u[u].count = m.count;
				o->u[u].named = 0;
			}
			subj_add(&sj, u);
		}
		size_t which;
		size_t h = find_any(f, m.end, k, head_pats, &which);
		if (h != (size_t)-1)
			read_head(o, s, f, h, k, &sj, src);
		free(m.name);
		i = k;
		if (i < end && f[i] == ',')
			i++;
		else if (i < end)
			i = word_end(f, skip_sp(f, i));
	}
}

/* The subject of the sentence [0, end). */
static void read_subject(struct imp_org *o, struct part *pt, const char *s, const char *f,
                         size_t end, struct subj *sj)
{
	memset(sj, 0, sizeof *sj);
	sj->role = -1;
	size_t i = skip_sp(f, 0);
	if (at(f, i, "il") || at(f, i, "elle") || at(f, i, "it") || at(f, i, "ses") ||
	    at(f, i, "its") || at(f, i, "leurs") || at(f, i, "their") || at(f, i, "sa") ||
	    at(f, i, "son")) {
		for (size_t k = 0; k < pt->nlast; k++)
			subj_add(sj, pt->last[k]);
		if (sj->n == 0 && pt->ctx >= 0)
			subj_add(sj, pt->ctx);
		sj->end = word_end(f, i);
		return;
	}
	int each = at(f, i, "chaque") || at(f, i, "each");
	if (each)
		i = skip_sp(f, word_end(f, i));
	else
		i = skip_any(f, i, articles);
	struct mention m;
	if (mention_at(o, s, f, i, end, &m)) {
		sj->end = m.end;
		size_t after = skip_sp(f, m.end);
		int distrib = each || (m.plural && m.bare) ||
		              (m.plural && (find(f, after, end, "chacun") != (size_t)-1 ||
		                            find(f, after, end, "chacune") != (size_t)-1));
		if (m.bare && distrib) {
			long ctx = pt->ctx >= 0 ? pt->ctx : pt->sec;
			for (size_t u = 0; u < o->nu; u++)
				if (o->u[u].parent == ctx && ctx >= 0 && o->u[u].kw == m.kw)
					subj_add(sj, (long)u);
			if (sj->n == 0)
				for (size_t u = 0; u < o->nu; u++)
					if (o->u[u].parent == ctx && ctx >= 0 &&
					    strcmp(o->u[u].kw->kind, m.kw->kind) == 0)
						subj_add(sj, (long)u);
		} else if (m.bare) {
			long u = last_of_kind(o, m.kw, pt->ctx >= 0 ? pt->ctx : pt->sec);
			if (u >= 0)
				subj_add(sj, u);
		} else if (m.plural) {
			char *k = norm_key(m.name);
			for (size_t u = 0; u < o->nu; u++)
				if (strcmp(o->u[u].key, k) == 0)
					subj_add(sj, (long)u);
			free(k);
		} else {
			long u = find_unit(o, m.name, 1);
			if (u < 0) {
				/* a unit the text has not placed yet: under the top */
				size_t which;
				if (find_any(f, m.end, end, head_pats, &which) != (size_t)-1 ||
				    find_any(f, m.end, end, comp_pats, &which) != (size_t)-1)
					u = add_unit(o, m.name, m.kw, o->top, pt->src);
			}
			if (u >= 0)
				subj_add(sj, u);
		}
		for (size_t k = 0; k < sj->n; k++)
			o->u[sj->u[k]].rank = ++o->rank;
		if (sj->n == 1 && !each)
			pt->ctx = sj->u[0];
		if (sj->n > 0) {
			memcpy(pt->last, sj->u, sj->n * sizeof *sj->u);
			pt->nlast = sj->n;
		}
		free(m.name);
		return;
	}
	/* a role: a capitalised title (« Le Sous-Secrétaire général … ») */
	if (i < end && is_upper_at(s, i) && i > 0) {
		size_t stop;
		char *t = title_at(s, f, i, end, &stop);
		if (t) {
			long unit;
			sj->role = resolve_role(o, t, pt->ctx >= 0 ? pt->ctx : pt->sec, &unit);
			sj->end = stop;
			/* « (ci-après dénommé « le Secrétaire général adjoint ») » */
			size_t a = find(f, stop, end, "ci-après dénommé");
			if (a == (size_t)-1)
				a = find(f, stop, end, "hereinafter referred to as");
			if (a != (size_t)-1 && a < stop + 8) {
				size_t q = a;
				while (q < end && s[q] != '"' && strncmp(s + q, "\xc2\xab", 2) != 0)
					q++;
				q = q >= end ? end : q + (s[q] == '"' ? 1 : 2);
				if (q < end) {
					q = skip_sp(s, q);
					q = skip_any(f, q, articles);
				}
				size_t qe = q;
				while (qe < end && s[qe] != '"' &&
				       strncmp(s + qe, "\xc2\xbb", 2) != 0)
					qe++;
				size_t qt = qe;
				while (qt > q && s[qt - 1] == ' ')
					qt--;
				if (qe < end && qt > q && o->nalias < IMP_ORG_MAX) {
					char *al = xstrndup(s + q, qt - q);
					o->alias = xreallocarray(o->alias, o->nalias + 1,
					                         sizeof *o->alias);
					o->alias[o->nalias].alias = norm_key(al);
					o->alias[o->nalias].role = sj->role;
					o->nalias++;
					free(al);
					sj->end = qe;
				}
			}
			free(t);
		}
	}
}

static void add_pending(struct imp_org *o, long role, long to, long to_unit, const char *src,
                        int fun)
{
	o->pend = imp_grow1(o->pend, o->npend, sizeof *o->pend);
	o->pend[o->npend++] = (struct pending){role, to, to_unit, src, fun};
}

static void parse_sentence(struct imp_org *o, struct part *pt, const char *s, const char *f,
                           size_t end, const struct node *nd)
{
	struct subj sj;
	read_subject(o, pt, s, f, end, &sj);
	size_t i = sj.end, which = 0;
	const char *src = pt->src;
	/* « Les attributions principales de la Section X sont les suivantes » */
	size_t fp = find_any(f, 0, end < 60 ? end : 60, fun_pats, &which);
	if (fp != (size_t)-1 && which < 4) {
		size_t j = skip_sp(f, fp);
		j = skip_any(f, j,
		             (const char *const[]){"principales ", "stratégiques ",
		                                   "opérationnelles ", "main ", "core ", NULL});
		size_t d = skip_any(f, j, de_articles);
		if (d > j) {
			struct mention m;
			if (mention_at(o, s, f, d, end, &m)) {
				long u =
				    m.bare ? last_of_kind(o, m.kw, pt->ctx >= 0 ? pt->ctx : pt->sec)
				           : find_unit(o, m.name, 0);
				if (m.plural && !m.bare) {
					char *key = norm_key(m.name);
					for (size_t k = 0; k < o->nu; k++)
						if (strcmp(o->u[k].key, key) == 0)
							add_src(&o->u[k].fun, &o->u[k].nfun, src);
					free(key);
				} else if (u >= 0) {
					add_src(&o->u[u].fun, &o->u[u].nfun, src);
					pt->ctx = u;
				}
				free(m.name);
				return;
			}
			size_t stop;
			char *t = title_at(s, f, d, end, &stop);
			if (t && is_upper_at(s, d)) {
				long unit;
				long r =
				    resolve_role(o, t, pt->ctx >= 0 ? pt->ctx : pt->sec, &unit);
				add_pending(o, r, -1, -1, src, 1);
			}
			free(t);
			return;
		}
		/* « Ses attributions » */
		for (size_t k = 0; k < sj.n; k++)
			add_src(&o->u[sj.u[k]].fun, &o->u[sj.u[k]].nfun, src);
		if (sj.n == 0 && sj.role >= 0)
			add_pending(o, sj.role, -1, -1, src, 1);
		return;
	}
	if (fp != (size_t)-1 && sj.end > 0 && fp <= sj.end + 30) {
		for (size_t k = 0; k < sj.n; k++)
			add_src(&o->u[sj.u[k]].fun, &o->u[sj.u[k]].nfun, src);
		if (sj.n == 0 && sj.role >= 0)
			add_pending(o, sj.role, -1, -1, src, 1);
	}
	if (sj.n == 0 && sj.role >= 0) {
		/* a head's reporting line: « Le Sous-Secrétaire général relève du … » */
		size_t p = find_any(f, i, end, report_pats, &which);
		if (p != (size_t)-1 && p - i < 40) {
			p = skip_any(f, p, articles);
			char *t = title_at(s, f, p, end, NULL);
			if (t) {
				long unit;
				long r = resolve_role(o, t, -1, &unit);
				add_pending(o, sj.role, r, unit, src, 0);
			}
			free(t);
		} else if (at(f, skip_sp(f, i), "dirige") || at(f, skip_sp(f, i), "directs")) {
			add_pending(o, sj.role, -1, -1, src, 1);
		}
		return;
	}
	if (sj.n == 0)
		return;
	/* « Le Département de l'appui aux missions : » and a list */
	if (f[skip_sp(f, i)] == ':' && skip_sp(f, skip_sp(f, i) + 1) >= end && nd->nkids > 0) {
		for (size_t k = 0; k < sj.n; k++)
			add_src(&o->u[sj.u[k]].fun, &o->u[sj.u[k]].nfun, src);
		return;
	}
	size_t hp = find_any(f, i, end, head_pats, &which);
	size_t cp = find_any(f, i, end, comp_pats, &which);
	if (hp != (size_t)-1 && (cp == (size_t)-1 || hp < cp))
		read_head(o, s, f, hp, cp == (size_t)-1 ? end : cp, &sj, src);
	else if (sj.n > 0)
		read_report(o, s, f, i, cp == (size_t)-1 ? end : cp, &sj, src);
	if (cp != (size_t)-1 && sj.n == 1) {
		long parent = sj.u[0];
		add_src(&o->u[parent].comp, &o->u[parent].ncomp, src);
		size_t j = skip_sp(f, cp);
		if (f[j] == ':' && skip_sp(f, j + 1) >= end) {
			/* the items are the points of the list */
			for (size_t k = 0; k < nd->nkids; k++) {
				const struct node *it = nd->kids[k];
				for (size_t t = 0; t < it->ntexts; t++) {
					char *ps = plain(it->texts[t].text), *pf = fold(ps);
					read_items(o, ps, pf, 0, strlen(ps), parent, it->eid);
					free(ps);
					free(pf);
				}
			}
		} else {
			read_items(o, s, f, j, end, parent, src);
		}
	}
}

/* The sentences of a paragraph or point, then its points. */
static void read_part(struct imp_org *o, struct part *pt, const struct node *nd)
{
	if (nd->kind == N_HEADING || nd->eid == NULL || o->full)
		return;
	pt->src = nd->eid;
	for (size_t t = 0; t < nd->ntexts; t++) {
		if (strstr(nd->texts[t].text, "\xe2\x80\x99"))
			o->curly = 1;
		char *s = plain(nd->texts[t].text), *f = fold(s);
		size_t n = strlen(s), b = 0;
		for (size_t i = 0; i <= n; i++) {
			int endsent = i == n || ((s[i] == '.' || s[i] == ';') && s[i + 1] == ' ' &&
			                         is_upper_at(s, skip_sp(s, i + 1)));
			if (!endsent)
				continue;
			parse_sentence(o, pt, s + b, f + b, i - b, nd);
			if (i == n)
				break;
			b = i + 1;
			while (s[b] == ' ')
				b++;
		}
		free(s);
		free(f);
	}
	long keep = pt->ctx;
	for (size_t k = 0; k < nd->nkids; k++) {
		struct part sub = {nd->kids[k]->eid, keep, pt->sec, {0}, 0};
		read_part(o, &sub, nd->kids[k]);
	}
}

/* « Organisation du Département de … », "Organization of the Department
 * of …": the top unit. */
static void read_title(struct imp_org *o, const char *title)
{
	if (title == NULL)
		return;
	char *s = plain(title), *f = fold(s);
	for (size_t i = 0; f[i]; i++)
		if (f[i] == ' ' || f[i] == '\n')
			s[i] = f[i] = ' ';
	size_t i = skip_sp(f, 0);
	if (at(f, i, "organisation") || at(f, i, "organization")) {
		i = skip_sp(f, word_end(f, i));
		i = skip_any(f, i, de_articles);
		i = skip_any(f, i, articles);
		struct mention m;
		if (mention_at(o, s, f, i, strlen(s), &m)) {
			o->top = add_unit(o, m.name, m.kw, -1, NULL);
			free(m.name);
		}
	}
	free(s);
	free(f);
}

/* The offices named after an official (« Bureau du Directeur »): the
 * official heads it; an office counted in a list by its official alone
 * is named after its parent too. */
static void settle_offices(struct imp_org *o)
{
	for (size_t i = 0; i < o->nu; i++) {
		struct ounit *u = &o->u[i];
		if (strcmp(u->kw->kind, "bureau") != 0 || u->head >= 0)
			continue;
		char *f = fold(u->name);
		size_t j = skip_sp(f, word_end(f, 0));
		size_t d = skip_any(f, j, de_articles);
		if (d > j && is_upper_at(u->name, d) && !kind_at(f, d, NULL)) {
			char *t = xstrdup(u->name + d);
			long unit;
			long r = resolve_role(o, t, (long)i, &unit);
			size_t heads = 0; /* the title is that of several heads */
			for (size_t k = 0; k < o->nu; k++)
				heads += o->u[k].head == r && !o->u[k].office;
			if (u->parent >= 0 && r == o->u[u->parent].head && heads > 1) {
				/* « Bureau du Directeur » of a division */
				char *of = of_unit(o, u->parent);
				char *nn = xasprintf("%s %s", u->name, of);
				set_name(u, nn);
				u->named = 0;
				free(of);
			}
			u->head = r;
			u->office = 1;
			u->head_src = u->name_src;
			free(t);
		}
		free(f);
	}
	/* units named by their kind alone: after their parent */
	for (size_t i = 0; i < o->nu; i++) {
		struct ounit *u = &o->u[i];
		char *f = fold(u->name);
		int bare = word_end(f, 0) == strlen(f);
		free(f);
		if (bare && u->parent >= 0) {
			char *of = of_unit(o, u->parent);
			char *nn = xasprintf("%s %s", u->name, of);
			if (u->name[0] >= 'a' && u->name[0] <= 'z')
				nn[0] = (char)(nn[0] - 32);
			set_name(u, nn);
			u->named = 0;
			free(of);
		}
	}
}

/* The reporting lines and functions said of heads: to the unit each heads
 * (not the office when there is another). */
static void settle_pending(struct imp_org *o)
{
	for (size_t p = 0; p < o->npend; p++) {
		const struct pending *pd = &o->pend[p];
		long best = -1;
		for (size_t i = 0; i < o->nu; i++)
			if (o->u[i].head == pd->role &&
			    (best < 0 || (o->u[best].office && !o->u[i].office)))
				best = (long)i;
		if (best < 0)
			continue;
		if (pd->fun)
			add_src(&o->u[best].hfun, &o->u[best].nhfun, pd->src);
		else if (pd->to >= 0 && pd->to != pd->role)
			add_report(&o->u[best], pd->to, pd->to_unit, pd->src);
	}
}

struct imp_org *imp_org_draft(const struct imp *im)
{
	struct imp_org *o = xcalloc(1, sizeof *o);
	o->fr = im->lang && strcmp(im->lang, "fr") == 0;
	o->top = -1;
	read_title(o, im->title);
	for (size_t k = 0; k < im->nsecs; k++) {
		const struct node *sec = im->secs[k];
		struct part pt = {NULL, -1, -1, {0}, 0};
		if (sec->kind == N_SECTION) {
			if (sec->heading) {
				char *s = plain(sec->heading), *f = fold(s);
				struct mention m;
				size_t i = skip_any(f, 0, articles);
				if (mention_at(o, s, f, i, strlen(s), &m)) {
					if (m.end >= strlen(s) && !m.plural && !m.bare) {
						long u = find_unit(o, m.name, 0);
						if (u < 0) {
							u = add_unit(o, m.name, m.kw, o->top,
							             sec->eid);
							if (u >= 0)
								o->u[u].from_heading = 1;
						}
						pt.sec = u;
					}
					free(m.name);
				}
				free(s);
				free(f);
			}
			for (size_t p = 0; p < sec->nkids; p++) {
				pt.ctx = -1;
				pt.nlast = 0;
				read_part(o, &pt, sec->kids[p]);
			}
		} else {
			read_part(o, &pt, sec);
		}
	}
	settle_offices(o);
	settle_pending(o);
	return o;
}

/* ---- writing ---- */

/* Add s escaped as imp_add_escaped does, its apostrophes curly if curly. */
static void add_esc(struct strbuf *out, const char *s, int curly)
{
	for (const char *q; (q = strchr(s, '\'')) != NULL; s = q + 1) {
		imp_add_escaped(out, s, (size_t)(q - s));
		sb_adds(out, curly ? "\xe2\x80\x99" : "'");
	}
	imp_add_escaped(out, s, strlen(s));
}

void imp_org_write_refs(struct strbuf *out, const struct imp_org *o)
{
	int curly = o->curly;
	for (size_t i = 0; i < o->nu; i++) {
		sb_addf(out,
		        "        <TLCOrganization eId=\"draft-unit-%zu\" "
		        "href=\"/akn/ontology/organizations/un/draft-unit-%zu\" showAs=\"",
		        i + 1, i + 1);
		add_esc(out, o->u[i].name, curly);
		sb_adds(out, "\"/>\n");
	}
	for (size_t i = 0; i < o->nr; i++) {
		if (strcmp(o->r[i].eid, "sg") == 0)
			continue; /* declared with the document */
		sb_addf(out,
		        "        <TLCRole eId=\"%s\" href=\"/akn/ontology/roles/un/%s\" showAs=\"",
		        o->r[i].eid, o->r[i].eid);
		add_esc(out, o->r[i].title, curly);
		sb_adds(out, "\"/>\n");
	}
}

static void write_srcs(struct strbuf *out, const char *elem, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sb_addf(out, "            <circ:%s source=\"#%s\"/>\n", elem, v[i]);
}

static void write_unit(struct strbuf *out, const struct imp_org *o, size_t i, char *done)
{
	if (done[i])
		return;
	done[i] = 1;
	const struct ounit *u = &o->u[i];
	sb_addf(out, "          <circ:unit org=\"#draft-unit-%zu\" kind=\"%s\"", i + 1,
	        u->kw->kind);
	if (u->parent >= 0)
		sb_addf(out, " parent=\"#draft-unit-%ld\"", u->parent + 1);
	if (!u->named)
		sb_adds(out, " named=\"false\"");
	if (u->count > 1)
		sb_addf(out, " index=\"%d\" count=\"%d\"", u->index, u->count);
	int empty = u->head < 0 && u->nrep == 0 && u->ncomp == 0 && u->nfun == 0 && u->nhfun == 0;
	sb_adds(out, empty ? "/>\n" : ">\n");
	if (u->head >= 0) {
		sb_addf(out, "            <circ:head role=\"#%s\"%s", o->r[u->head].eid,
		        u->office ? " office=\"true\"" : "");
		if (u->head_src)
			sb_addf(out, " source=\"#%s\"", u->head_src);
		else if (u->ncomp)
			sb_addf(out, " source=\"#%s\"", u->comp[0]);
		sb_adds(out, "/>\n");
	}
	for (size_t k = 0; k < u->nrep; k++) {
		sb_addf(out, "            <circ:reportsTo role=\"#%s\"", o->r[u->rep[k].role].eid);
		if (u->rep[k].unit >= 0)
			sb_addf(out, " unit=\"#draft-unit-%ld\"", u->rep[k].unit + 1);
		sb_addf(out, " source=\"#%s\"/>\n", u->rep[k].src);
	}
	write_srcs(out, "composition", u->comp, u->ncomp);
	write_srcs(out, "functions", u->fun, u->nfun);
	write_srcs(out, "headFunctions", u->hfun, u->nhfun);
	if (!empty)
		sb_adds(out, "          </circ:unit>\n");
	for (size_t k = 0; k < o->nu; k++)
		if (o->u[k].parent == (long)i)
			write_unit(out, o, k, done);
}

void imp_org_write_block(struct strbuf *out, const struct imp_org *o)
{
	if (o->nu == 0)
		return;
	sb_adds(out, "      <proprietary source=\"#circ\">\n"
	             "        <circ:organisation xmlns:circ=\"urn:x-circ:organisation:1\" "
	             "draft=\"true\">\n");
	char *done = xcalloc(o->nu, 1);
	for (size_t i = 0; i < o->nu; i++)
		if (o->u[i].parent < 0)
			write_unit(out, o, i, done);
	for (size_t i = 0; i < o->nu; i++)
		write_unit(out, o, i, done); /* a cycle's units, if ever */
	free(done);
	sb_adds(out, "        </circ:organisation>\n      </proprietary>\n");
}

void imp_org_free(struct imp_org *o)
{
	if (o == NULL)
		return;
	for (size_t i = 0; i < o->nu; i++) {
		free(o->u[i].name);
		free(o->u[i].key);
		free(o->u[i].rep);
		free(o->u[i].comp);
		free(o->u[i].fun);
		free(o->u[i].hfun);
	}
	free(o->u);
	for (size_t i = 0; i < o->nr; i++) {
		free(o->r[i].title);
		free(o->r[i].key);
		free(o->r[i].eid);
	}
	free(o->r);
	for (size_t i = 0; i < o->nalias; i++)
		free(o->alias[i].alias);
	free(o->alias);
	free(o->pend);
	free(o);
}
