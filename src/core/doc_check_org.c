/* doc_check_org.c: the checks of the organisation block that the schema
 * cannot express: every unit is a declared TLCOrganization, declared once;
 * parents, heads, reporting lines and sharing partners exist; no unit is its
 * own ancestor; only the Department has no parent among internal units;
 * a unit that lists its head's functions has a head, and only an office
 * (bureau) is headed by the official it belongs to (office="true");
 * every source is a section, paragraph or point of the body; every
 * <organization refersTo> in the text names a unit. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "circ/i18n.h"
#include "circ/xalloc.h"
#include "doc_internal.h"

/* A set of strings in the order they were added, each with the line it was
 * declared on; once sorted (set_sort), lookups are binary searches. */
struct entry {
	const char *v;
	size_t i; /* index in the order of adding */
};

struct set {
	char **v;
	long *line;
	size_t n;
	struct entry *sorted; /* NULL until set_sort */
};

static void set_add(struct set *s, char *v, long line)
{
	s->v = xreallocarray(s->v, s->n + 1, sizeof *s->v);
	s->line = xreallocarray(s->line, s->n + 1, sizeof *s->line);
	s->v[s->n] = v;
	s->line[s->n++] = line;
	free(s->sorted);
	s->sorted = NULL;
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->v, ((const struct entry *)b)->v);
}

static void set_sort(struct set *s)
{
	free(s->sorted);
	s->sorted = xreallocarray(NULL, s->n ? s->n : 1, sizeof *s->sorted);
	for (size_t i = 0; i < s->n; i++) {
		s->sorted[i].v = s->v[i];
		s->sorted[i].i = i;
	}
	qsort(s->sorted, s->n, sizeof *s->sorted, cmp_entry);
}

/* The index (in the order of adding) of v ("x" or "#x"), or -1. */
static long set_find(const struct set *s, const char *v)
{
	if (v == NULL)
		return -1;
	if (v[0] == '#')
		v++;
	if (s->sorted) {
		struct entry key = {v, 0};
		const struct entry *e =
		    bsearch(&key, s->sorted, s->n, sizeof *s->sorted, cmp_entry);
		return e ? (long)e->i : -1;
	}
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->v[i], v) == 0)
			return (long)i;
	return -1;
}

static void set_free(struct set *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	free(s->line);
	free(s->sorted);
}

struct ock {
	const char *path;
	struct diag_list *diags;
	struct diag_list *warns;
	int draft; /* draft="true": what is incomplete is a warning */
	size_t problems;
	struct set orgs, roles, parts, units;
	char **parent; /* parent id of each unit, in units order */
};

static void problem(struct ock *ck, const xmlNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void problem(struct ock *ck, const xmlNode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_add(ck->diags, ck->path, xmlGetLineNo(n), 0, "%s", msg);
	free(msg);
	ck->problems++;
}

static int is_org(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       strcmp((const char *)n->ns->href, DOC_ORG_NS) == 0 &&
	       (name == NULL || strcmp((const char *)n->name, name) == 0);
}

static void collect_parts(struct ock *ck, const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (doc_is(c, "section") || doc_is(c, "paragraph") || doc_is(c, "point")) {
			char *id = doc_attr(c, "eId");
			if (id)
				set_add(&ck->parts, id, xmlGetLineNo(c));
		}
		collect_parts(ck, c);
	}
}

/* What an attribute must name. */
enum what {
	IS_PART, /* a section, paragraph or point of the body */
	IS_ROLE, /* a declared TLCRole */
	IS_UNIT  /* a unit of the organisation */
};

/* Check that attribute name of n (when present) is in set s. */
static void expect(struct ock *ck, const xmlNode *n, const char *name, const struct set *s,
                   enum what what)
{
	char *v = doc_attr(n, name);
	if (v && set_find(s, v) < 0) {
		switch (what) {
		case IS_PART:
			problem(ck, n,
			        /* TRANSLATORS: the first %s is an XML attribute name (source),
			         * the second its value, an eId. */
			        _("%s '%s' is not a section, paragraph or point of the body"), name,
			        v);
			break;
		case IS_ROLE:
			/* TRANSLATORS: the first %s is an XML attribute name (role), the
			 * second its value; TLCRole is an element name. */
			problem(ck, n, _("%s '%s' is not a declared TLCRole"), name, v);
			break;
		case IS_UNIT:
			/* TRANSLATORS: the first %s is an XML attribute name (unit, with,
			 * parent), the second its value, a unit's eId. */
			problem(ck, n, _("%s '%s' is not a unit of the organisation"), name, v);
			break;
		}
	}
	free(v);
}

/* The head of an official's office (office="true") heads a bureau. */
static void check_office(struct ock *ck, const xmlNode *u, const xmlNode *head)
{
	char *office = doc_attr(head, "office");
	char *kind = doc_attr(u, "kind");
	if (office && strcmp(office, "true") == 0 && kind && strcmp(kind, "bureau") != 0) {
		char *id = doc_attr(u, "org");
		problem(ck, head,
		        /* TRANSLATORS: office="true" is XML, keep it; the first %s is a
		         * unit's eId, the second its kind (a French word: "section"). */
		        _("the head of unit '%s' has office=\"true\" but the unit is a %s: only "
		          "a bureau is headed by the official it is the office of"),
		        id ? id : "?", kind);
		free(id);
	}
	free(kind);
	free(office);
}

static void check_unit(struct ock *ck, const xmlNode *u)
{
	const xmlNode *head = NULL, *head_functions = NULL;
	for (const xmlNode *c = u->children; c; c = c->next) {
		if (!is_org(c, NULL))
			continue;
		expect(ck, c, "source", &ck->parts, IS_PART);
		if (is_org(c, "head") || is_org(c, "reportsTo")) {
			expect(ck, c, "role", &ck->roles, IS_ROLE);
			expect(ck, c, "unit", &ck->units, IS_UNIT);
			if (is_org(c, "head") && head == NULL) {
				head = c;
				check_office(ck, u, c);
			}
		} else if (is_org(c, "shared")) {
			expect(ck, c, "with", &ck->units, IS_UNIT);
		} else if (is_org(c, "headFunctions") && head_functions == NULL) {
			head_functions = c;
		}
	}
	if (head_functions && head == NULL) {
		char *id = doc_attr(u, "org");
		problem(ck, head_functions,
		        /* TRANSLATORS: headFunctions, circ:head and office="true" are
		         * XML, keep them; %s is a unit's eId. */
		        _("unit '%s' lists the functions of its head (headFunctions) but has "
		          "no head: give it a circ:head (office=\"true\" for the office of "
		          "an official)"),
		        id ? id : "?");
		free(id);
	}
}

/* Every <organization refersTo="#a #b"> names units (one or several). */
static void check_text(struct ock *ck, const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		char *v = doc_is(c, "organization") ? doc_attr(c, "refersTo") : NULL;
		for (char *t = v ? strtok(v, " \t\r\n") : NULL; t; t = strtok(NULL, " \t\r\n"))
			if (set_find(&ck->units, t) < 0)
				/* TRANSLATORS: refersTo is an XML attribute name; %s its
				 * value, a unit's eId. */
				problem(ck, c, _("refersTo '%s' is not a unit of the organisation"),
				        t);
		free(v);
		check_text(ck, c);
	}
}

/* Follow parents from unit i; a walk longer than the number of units loops. */
static int has_cycle(const struct ock *ck, size_t i)
{
	size_t cur = i;
	for (size_t steps = 0; steps <= ck->units.n; steps++) {
		long p = set_find(&ck->units, ck->parent[cur]);
		if (p < 0)
			return 0;
		cur = (size_t)p;
		if (cur == i)
			return 1;
	}
	return 1;
}

static const xmlNode *find_org_block(const xmlNode *root)
{
	for (const xmlNode *d = root->children; d; d = d->next) {
		const xmlNode *meta = doc_child(d, "meta");
		for (const xmlNode *p = meta ? meta->children : NULL; p; p = p->next)
			if (doc_is(p, "proprietary"))
				for (const xmlNode *k = p->children; k; k = k->next)
					if (is_org(k, "organisation"))
						return k;
	}
	return NULL;
}

static void collect_tlc(struct ock *ck, const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (doc_is(c, "TLCOrganization") || doc_is(c, "TLCRole")) {
			char *id = doc_attr(c, "eId");
			if (id)
				set_add(doc_is(c, "TLCRole") ? &ck->roles : &ck->orgs, id,
				        xmlGetLineNo(c));
		}
		collect_tlc(ck, c);
	}
}

size_t doc_check_org(xmlDocPtr x, const char *path, struct diag_list *diags,
                     struct diag_list *warns)
{
	const xmlNode *root = xmlDocGetRootElement(x);
	const xmlNode *org = find_org_block(root);
	if (org == NULL)
		return 0;
	struct ock ck;
	memset(&ck, 0, sizeof ck);
	ck.path = path;
	ck.diags = diags;
	ck.warns = warns;
	char *draft = doc_attr(org, "draft");
	ck.draft = draft && strcmp(draft, "true") == 0;
	free(draft);
	collect_tlc(&ck, root);
	collect_parts(&ck, root);
	set_sort(&ck.orgs);
	set_sort(&ck.roles);
	set_sort(&ck.parts);

	/* the units, each declared once and as a TLCOrganization */
	char *root_id = NULL;
	long root_line = 0;
	for (const xmlNode *u = org->children; u; u = u->next) {
		if (!is_org(u, "unit"))
			continue;
		char *id = doc_attr(u, "org");
		if (id == NULL)
			continue;
		long dup = set_find(&ck.units, id);
		if (dup >= 0)
			/* TRANSLATORS: %s is a unit's eId, %ld a line number. */
			problem(&ck, u, _("unit '%s' is declared twice (first on line %ld)"), id,
			        ck.units.line[dup]);
		if (set_find(&ck.orgs, id) < 0)
			/* TRANSLATORS: org is an XML attribute name, TLCOrganization an
			 * element name; %s is the attribute's value. */
			problem(&ck, u, _("org '%s' is not a declared TLCOrganization"), id);
		set_add(&ck.units, xstrdup(id[0] == '#' ? id + 1 : id), xmlGetLineNo(u));
		ck.parent = xreallocarray(ck.parent, ck.units.n, sizeof *ck.parent);
		char *parent = doc_attr(u, "parent");
		ck.parent[ck.units.n - 1] = parent;
		char *ext = doc_attr(u, "external");
		if (parent == NULL && !(ext && strcmp(ext, "true") == 0)) {
			if (root_id && ck.draft)
				doc_draft_warn(ck.warns, path, u, DOC_DRAFT_NO_PARENT, id);
			else if (root_id)
				problem(
				    &ck, u,
				    /* TRANSLATORS: two units' eIds, then the line number of the
				     * second. */
				    _("unit '%s' has no parent, like '%s' on line %ld: only one "
				      "internal unit (the Department) may have none"),
				    id, root_id, root_line);
			else
				root_id = xstrdup(id), root_line = xmlGetLineNo(u);
		}
		free(ext);
		free(id);
	}
	set_sort(&ck.units);
	size_t i = 0;
	for (const xmlNode *u = org->children; u; u = u->next) {
		if (!is_org(u, "unit") || xmlHasProp(u, (const xmlChar *)"org") == NULL)
			continue;
		expect(&ck, u, "parent", &ck.units, IS_UNIT);
		if (has_cycle(&ck, i))
			problem(&ck, u,
			        _("unit '#%s' is its own ancestor (its parents form a cycle)"),
			        ck.units.v[i]);
		check_unit(&ck, u);
		i++;
	}
	check_text(&ck, root);
	if (ck.draft)
		doc_check_draft(org, path, warns);

	free(root_id);
	for (size_t k = 0; k < ck.units.n; k++)
		free(ck.parent[k]);
	free(ck.parent);
	set_free(&ck.orgs);
	set_free(&ck.roles);
	set_free(&ck.parts);
	set_free(&ck.units);
	return ck.problems;
}
