/* doc_units.c: building the organisation (units.h) from the document's
 * organisation block, in the project's namespace, inside meta/proprietary:
 *
 *   <circ:unit org="#dsl" kind="division" parent="#dam">
 *     <circ:head role="#directeur" source="#sec_8__para_8-1"/>
 *       (or, for an office named after an official, <circ:head role="#ssg-am"
 *        office="true" source="…"/>: that official heads it)
 *     <circ:reportsTo role="#sga" source="#sec_8__para_8-1"/>
 *     <circ:composition source="…"/> <circ:functions source="…"/>
 *     <circ:headFunctions source="…"/> <circ:shared with="#…" source="…"/>
 *   </circ:unit>
 *
 * Names come from the TLCOrganization and TLCRole entries of meta/references;
 * a counted unit's name gets its ordinal in the interface's language here.
 * The tree is valid and checked (doc_check_org.c) before this runs. */
#include <stdlib.h>
#include <string.h>

#include "circ/units.h"
#include "circ/xalloc.h"
#include "doc_internal.h"

static int is_org(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       strcmp((const char *)n->ns->href, DOC_ORG_NS) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

/* The eIds and showAs of meta/references, sorted by eId. */
struct tlc {
	char *id;
	char *name;
};

struct tlcs {
	struct tlc *v;
	size_t n;
};

static int cmp_tlc(const void *a, const void *b)
{
	return strcmp(((const struct tlc *)a)->id, ((const struct tlc *)b)->id);
}

static void tlcs_load(struct tlcs *t, const xmlNode *refs)
{
	t->v = NULL;
	t->n = 0;
	for (const xmlNode *c = refs ? refs->children : NULL; c; c = c->next) {
		char *eid = c->type == XML_ELEMENT_NODE ? doc_attr(c, "eId") : NULL;
		if (eid == NULL)
			continue;
		t->v = xreallocarray(t->v, t->n + 1, sizeof *t->v);
		t->v[t->n].id = eid;
		t->v[t->n].name = doc_attr(c, "showAs");
		t->n++;
	}
	if (t->n > 1)
		qsort(t->v, t->n, sizeof *t->v, cmp_tlc);
}

static void tlcs_free(struct tlcs *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].id);
		free(t->v[i].name);
	}
	free(t->v);
}

/* The showAs of the references entry with this eId ("#x" or "x"). */
static char *tlc_name(const struct tlcs *t, const char *id)
{
	if (id == NULL)
		return NULL;
	if (id[0] == '#')
		id++;
	struct tlc key = {(char *)id, NULL};
	const struct tlc *e = t->n ? bsearch(&key, t->v, t->n, sizeof *t->v, cmp_tlc) : NULL;
	return xstrdup(e && e->name ? e->name : id);
}

static const struct doc_part *source_of(const struct doc *d, const xmlNode *n)
{
	char *s = doc_attr(n, "source");
	const struct doc_part *p = s ? doc_find_eid(d, s[0] == '#' ? s + 1 : s) : NULL;
	free(s);
	return p;
}

static void add_part(struct unit_parts *ps, const struct doc_part *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < ps->n; i++)
		if (ps->v[i] == p)
			return;
	ps->v = xreallocarray(ps->v, ps->n + 1, sizeof *ps->v);
	ps->v[ps->n++] = p;
}

static char *strip_hash(char *s)
{
	if (s && s[0] == '#')
		memmove(s, s + 1, strlen(s));
	return s;
}

/* Pending links to other units, resolved once every unit exists. */
struct pending {
	struct unit *u;
	char *parent;
	char **role_units; /* for head (index 0) then each reportsTo */
	char **with;
};

static void fill_role(struct unit_role *r, const struct doc *d, const struct tlcs *refs,
                      const xmlNode *n, char **unit_id)
{
	r->id = strip_hash(doc_attr(n, "role"));
	r->name = tlc_name(refs, r->id);
	r->source = source_of(d, n);
	*unit_id = strip_hash(doc_attr(n, "unit"));
}

static struct unit *new_unit(struct doc *d, const struct tlcs *refs, const xmlNode *n,
                             struct pending *pd)
{
	struct unit *u = xcalloc(1, sizeof *u);
	u->id = strip_hash(doc_attr(n, "org"));
	u->showas = tlc_name(refs, u->id);
	u->kind = doc_attr(n, "kind");
	char *v = doc_attr(n, "external");
	u->external = v && strcmp(v, "true") == 0;
	free(v);
	v = doc_attr(n, "named");
	u->named = !(v && strcmp(v, "false") == 0);
	free(v);
	v = doc_attr(n, "index");
	u->index = v ? atoi(v) : 0;
	free(v);
	v = doc_attr(n, "count");
	u->count = v ? atoi(v) : 0;
	free(v);
	/* the ordinal of a counted unit, in the interface's language */
	u->name = unit_display_name(u);
	pd->u = u;
	pd->parent = strip_hash(doc_attr(n, "parent"));
	pd->role_units = xcalloc(1, sizeof *pd->role_units);
	pd->with = NULL;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (is_org(c, "head")) {
			if (u->head == NULL) {
				u->head = xcalloc(1, sizeof *u->head);
				fill_role(u->head, d, refs, c, &pd->role_units[0]);
				v = doc_attr(c, "office");
				u->head->office = v && strcmp(v, "true") == 0;
				free(v);
			}
		} else if (is_org(c, "reportsTo")) {
			u->reports = xreallocarray(u->reports, u->nreports + 1, sizeof *u->reports);
			pd->role_units =
			    xreallocarray(pd->role_units, u->nreports + 2, sizeof *pd->role_units);
			memset(&u->reports[u->nreports], 0, sizeof u->reports[0]);
			fill_role(&u->reports[u->nreports], d, refs, c,
			          &pd->role_units[u->nreports + 1]);
			u->nreports++;
		} else if (is_org(c, "composition")) {
			add_part(&u->composition, source_of(d, c));
		} else if (is_org(c, "functions")) {
			add_part(&u->functions, source_of(d, c));
		} else if (is_org(c, "headFunctions")) {
			add_part(&u->head_functions, source_of(d, c));
		} else if (is_org(c, "shared")) {
			u->shared = xreallocarray(u->shared, u->nshared + 1, sizeof *u->shared);
			pd->with = xreallocarray(pd->with, u->nshared + 1, sizeof *pd->with);
			u->shared[u->nshared].with = NULL;
			u->shared[u->nshared].source = source_of(d, c);
			pd->with[u->nshared] = strip_hash(doc_attr(c, "with"));
			u->nshared++;
		}
	}
	return u;
}

static void resolve(struct doc *d, struct pending *pd)
{
	struct unit *u = pd->u;
	if (pd->parent) {
		u->parent = unit_by_id(d, pd->parent);
		if (u->parent == u)
			u->parent = NULL;
		if (u->parent) {
			struct unit *p = u->parent;
			p->kids = xreallocarray(p->kids, p->nkids + 1, sizeof *p->kids);
			p->kids[p->nkids++] = u;
		}
	}
	if (u->head && pd->role_units[0])
		u->head->of = unit_by_id(d, pd->role_units[0]);
	for (size_t i = 0; i < u->nreports; i++)
		if (pd->role_units[i + 1])
			u->reports[i].of = unit_by_id(d, pd->role_units[i + 1]);
	for (size_t i = 0; i < u->nshared; i++)
		u->shared[i].with = unit_by_id(d, pd->with[i]);
	free(pd->parent);
	for (size_t i = 0; i < u->nreports + 1; i++)
		free(pd->role_units[i]);
	free(pd->role_units);
	for (size_t i = 0; i < u->nshared; i++)
		free(pd->with[i]);
	free(pd->with);
}

/* Record, for each unit, the parts whose text names it. */
static void collect_mentions(struct doc *d)
{
	for (size_t i = 0; i < d->nparts; i++) {
		const struct doc_part *p = d->parts[i];
		for (size_t k = 0; k < p->nlinks; k++) {
			if (p->links[k].kind != DOC_LINK_ORG)
				continue;
			struct unit *u = unit_by_id(d, p->links[k].target);
			if (u)
				add_part(&u->mentions, p);
		}
	}
}

static int cmp_unit(const void *a, const void *b)
{
	const struct unit *x = *(struct unit *const *)a;
	const struct unit *y = *(struct unit *const *)b;
	return strcmp(x->id, y->id);
}

void doc_build_units(struct doc *d, const xmlNode *docel)
{
	const xmlNode *meta = doc_child(docel, "meta");
	struct tlcs refs;
	tlcs_load(&refs, doc_child(meta, "references"));
	const xmlNode *org = NULL;
	for (const xmlNode *c = meta ? meta->children : NULL; c && !org; c = c->next)
		if (doc_is(c, "proprietary"))
			for (const xmlNode *k = c->children; k && !org; k = k->next)
				if (is_org(k, "organisation"))
					org = k;
	if (org == NULL) {
		tlcs_free(&refs);
		return;
	}
	size_t n = 0;
	for (const xmlNode *c = org->children; c; c = c->next)
		n += is_org(c, "unit");
	struct pending *pd = xcalloc(n ? n : 1, sizeof *pd);
	d->units = xcalloc(n ? n : 1, sizeof *d->units);
	for (const xmlNode *c = org->children; c; c = c->next) {
		if (!is_org(c, "unit"))
			continue;
		struct unit *u = new_unit(d, &refs, c, &pd[d->nunits]);
		u->order = d->nunits;
		d->units[d->nunits++] = u;
	}
	/* a sorted copy for lookups by eId */
	d->units_by_id = xcalloc(d->nunits ? d->nunits : 1, sizeof *d->units_by_id);
	memcpy(d->units_by_id, d->units, d->nunits * sizeof *d->units);
	qsort(d->units_by_id, d->nunits, sizeof *d->units_by_id, cmp_unit);
	for (size_t i = 0; i < d->nunits; i++)
		resolve(d, &pd[i]);
	free(pd);
	tlcs_free(&refs);
	collect_mentions(d);
}
