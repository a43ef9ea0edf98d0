/* units.h: the organisation the bulletin creates: its units (the Department,
 * its offices, divisions, services, sections, groups and teams), who heads
 * each, to whom the head reports, what each is made of and does, and every
 * part of the text that names it. Built by doc_load() from the document's
 * organisation block (see content/README); owned by the struct doc.
 *
 * Every statement a unit carries points at the part of the bulletin that
 * makes it (the "source"), so that nothing is said without its paragraph. */
#ifndef CIRC_UNITS_H
#define CIRC_UNITS_H

#include <stddef.h>

#include "circ/doc.h"

/* A role in a reporting line or at the head of a unit. */
struct unit_role {
	char *id;                      /* TLCRole eId, e.g. "directeur" */
	char *name;                    /* its showAs, e.g. "Directeur" */
	struct unit *of;               /* the unit whose head it is, or NULL */
	const struct doc_part *source; /* the part that says so */
	int office;                    /* as a head: the unit is this official's
	                                * office, named after him (« Bureau du
	                                * Sous-Secrétaire général »); source names it */
};

/* A list of parts (sources of composition, functions...). */
struct unit_parts {
	const struct doc_part **v;
	size_t n;
};

struct unit_shared {
	struct unit *with;
	const struct doc_part *source;
};

struct unit {
	char *id;         /* TLCOrganization eId, e.g. "dsl" */
	char *showas;     /* its showAs, as written: "Division du soutien logistique" */
	char *name;       /* the name shown: the showAs, and for a unit the bulletin
	                   * counts (count > 0) its ordinal in the interface's
	                   * language when the document was loaded (see
	                   * unit_display_name): "Section … (2 of 4)" */
	char *kind;       /* "division", "service", "section"... as the document
	                   * writes it (shown with unit_kind) */
	int external;     /* a body outside the Department */
	int named;        /* 0 when the name is built by circ, not the bulletin's */
	int index, count; /* for units the bulletin counts without naming: 2 of 4 */
	struct unit *parent;
	struct unit **kids;
	size_t nkids;
	struct unit_role *head;    /* NULL when the bulletin does not say; never
	                            * NULL when head_functions lists parts */
	struct unit_role *reports; /* to whom the head reports */
	size_t nreports;
	struct unit_parts composition;
	struct unit_parts functions;
	struct unit_parts head_functions;
	struct unit_shared *shared;
	size_t nshared;
	struct unit_parts mentions; /* parts whose text names it, in document order */
	size_t order;               /* index in doc->units */
};

/* The unit with this eId ("dsl" or "#dsl"), or NULL. */
struct unit *unit_by_id(const struct doc *d, const char *id);
/* The top unit (the Department), or NULL when the document has none. */
struct unit *unit_root(const struct doc *d);

/* The kind of u in the interface's language, for display: a kind the
 * organisation block knows (département, bureau, division, service,
 * section, groupe, équipe, organe...) is translated with the context "unit
 * kind" ("department", "office", "division", "service", "section", "group",
 * "team", "body"... in English; the bulletin's word in French); a kind it
 * does not know is shown as written; no kind: "unit". A static string or
 * u->kind: do not free it. */
const char *unit_kind(const struct unit *u);

/* The name to show for u, allocated: its showAs and, for a unit the
 * bulletin counts without naming (count > 0), its ordinal in the
 * interface's language: "Section … (2 of 4)", « Section … (2 sur 4) ».
 * doc_load() stores it in u->name. */
char *unit_display_name(const struct unit *u);

/* Find units by what a user types: the eId, or words of the name, each the
 * prefix of a distinct word of the name, in any order, forgiving case and
 * accents ("logistique", "div soutien log", "sout div", "reseaux"). A
 * counted unit's name may be followed by its ordinal in any language, last
 * and in its order: its number, then a word and the count ("section
 * regionale 2", "… 2 of 4", "… (2 sur 4)"; "section regionale 4" is the
 * fourth). Keeps the units of the best rank (unit_match). Returns the
 * number of them and sets *out to them in the organisation's order
 * (allocated; free it). One means found. */
size_t unit_find(const struct doc *d, const char *query, struct unit ***out);

/* How well words a user types match u's name, as unit_find() judges (the eId
 * aside): -1 when some word is not the prefix of a distinct word of the name
 * (or, for a counted unit, of its ordinal typed last, see unit_find); else
 * a rank, lower is better, by in turn: the query is the whole name; a unit
 * of the Department before a body outside it; a name the bulletin gives
 * before one circ builds; fewer words matched only by their beginning; an
 * earlier first word of the name matched. A rank below
 * UNIT_MATCH_WHOLE means the query is the whole name (its words in any
 * order; a counted unit's with its whole ordinal). */
long long unit_match(const struct unit *u, const char *query);
#define UNIT_MATCH_WHOLE (1LL << 40)

/* u and every unit below it, in pre-order (allocated array). */
size_t unit_subtree(struct unit *u, struct unit ***out);

/* Free one unit (used by doc_free). */
void unit_free(struct unit *u);

#endif
