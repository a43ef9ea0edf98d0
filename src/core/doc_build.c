/* doc_build.c: turning a validated Akoma Ntoso tree into the model of doc.h.
 * Text is normalised as it is gathered: runs of ASCII white space become one
 * space (U+00A0 and other Unicode spaces are kept as they are), blocks are
 * separated by '\n', and the byte range of every <ref> is recorded. */
#include <stdlib.h>
#include <string.h>

#include "circ/strbuf.h"
#include "circ/xalloc.h"
#include "doc_internal.h"

int doc_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       strcmp((const char *)n->ns->href, DOC_AKN_NS) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

xmlNodePtr doc_child(const xmlNode *n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
		if (doc_is(c, name))
			return c;
	return NULL;
}

char *doc_attr(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	if (v == NULL)
		return NULL;
	char *r = xstrdup((const char *)v);
	xmlFree(v);
	return r;
}

/* Text gathered for one part. */
struct acc {
	struct strbuf sb;
	int space; /* white space seen since the last character */
	int mark;  /* the start of the open link is still to be set */
	struct doc_link *links;
	size_t nlinks;
};

static void acc_text(struct acc *a, const char *s)
{
	while (*s) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			if (a->sb.len > 0 && a->sb.s[a->sb.len - 1] != '\n')
				a->space = 1;
			s++;
			continue;
		}
		if (a->space) {
			sb_addc(&a->sb, ' ');
			a->space = 0;
		}
		if (a->mark) {
			a->links[a->nlinks - 1].start = a->sb.len;
			a->mark = 0;
		}
		size_t n = strcspn(s, " \t\n\r");
		sb_add(&a->sb, s, n);
		s += n;
	}
}

/* End a block: what follows starts on a new line. */
static void acc_break(struct acc *a)
{
	a->space = 0;
	if (a->sb.len > 0 && a->sb.s[a->sb.len - 1] != '\n')
		sb_addc(&a->sb, '\n');
}

static void acc_inline(struct acc *a, const xmlNode *n);
static void acc_children(struct acc *a, const xmlNode *n);

/* A <ref href> or <organization refersTo>: its text, recorded as a link;
 * an organization naming several units ("#a #b") gives one link for each. */
static void acc_link(struct acc *a, const xmlNode *n)
{
	int org = doc_is(n, "organization");
	char *targets = doc_attr(n, org ? "refersTo" : "href");
	size_t first = a->nlinks, count = 0;
	char *save = NULL;
	for (char *t = strtok_r(targets ? targets : (char *)"", " \t\r\n", &save); t || count == 0;
	     t = strtok_r(NULL, " \t\r\n", &save)) {
		a->links = xreallocarray(a->links, a->nlinks + 1, sizeof *a->links);
		struct doc_link *l = &a->links[a->nlinks++];
		l->kind = org ? DOC_LINK_ORG : DOC_LINK_REF;
		l->target = xstrdup(t ? t : "");
		l->start = a->sb.len;
		count++;
		if (t == NULL)
			break;
	}
	free(targets);
	a->mark = 1;
	acc_children(a, n);
	size_t start = a->mark ? a->sb.len : a->links[a->nlinks - 1].start;
	a->mark = 0;
	for (size_t i = first; i < a->nlinks; i++) {
		a->links[i].start = start;
		a->links[i].end = a->sb.len;
	}
}

static void acc_children(struct acc *a, const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		acc_inline(a, c);
}

/* Gather inline content: text, <ref> and <organization> (recorded as links),
 * <eol/> (a break). */
static void acc_inline(struct acc *a, const xmlNode *n)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		acc_text(a, (const char *)n->content);
	} else if (n->type == XML_ELEMENT_NODE) {
		if (doc_is(n, "eol") || doc_is(n, "br")) {
			acc_break(a);
		} else if (doc_is(n, "ref") || doc_is(n, "organization")) {
			acc_link(a, n);
		} else if (doc_is(n, "p") || doc_is(n, "blockContainer")) {
			acc_break(a);
			acc_children(a, n);
			acc_break(a);
		} else {
			acc_children(a, n);
		}
	}
}

/* Drop a trailing '\n' and hand the text over. */
static char *acc_finish(struct acc *a)
{
	while (a->sb.len > 0 && (a->sb.s[a->sb.len - 1] == '\n' || a->sb.s[a->sb.len - 1] == ' '))
		sb_truncate(&a->sb, a->sb.len - 1);
	for (size_t i = 0; i < a->nlinks; i++) {
		if (a->links[i].end > a->sb.len)
			a->links[i].end = a->sb.len;
		if (a->links[i].start > a->links[i].end)
			a->links[i].start = a->links[i].end;
	}
	return sb_steal(&a->sb);
}

char *doc_flat_text(const xmlNode *n)
{
	struct acc a = {STRBUF_INIT, 0, 0, NULL, 0};
	acc_children(&a, n);
	char *s = acc_finish(&a);
	for (size_t i = 0; i < a.nlinks; i++)
		free(a.links[i].target);
	free(a.links);
	for (char *p = s; *p; p++)
		if (*p == '\n')
			*p = ' ';
	return s;
}

static struct doc_part *new_part(enum doc_kind kind, struct doc_part *parent, const xmlNode *n)
{
	struct doc_part *p = xcalloc(1, sizeof *p);
	p->kind = kind;
	p->parent = parent;
	p->eid = n ? doc_attr(n, "eId") : NULL;
	p->line = n ? xmlGetLineNo(n) : 0;
	p->depth = parent && parent->kind != DOC_KIND_DOCUMENT ? parent->depth + 1 : 0;
	if (parent) {
		parent->kids = xreallocarray(parent->kids, parent->nkids + 1, sizeof *parent->kids);
		parent->kids[parent->nkids++] = p;
	}
	return p;
}

static void build_hier(struct doc_part *parent, const xmlNode *n, enum doc_kind kind);

/* The children of a hierarchical element: num, heading, intro or content,
 * lists of points, nested paragraphs. */
static void build_body(struct doc_part *p, const xmlNode *n, struct acc *a)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (doc_is(c, "num")) {
			p->num = doc_flat_text(c);
		} else if (doc_is(c, "heading")) {
			p->heading = doc_flat_text(c);
		} else if (doc_is(c, "intro") || doc_is(c, "content") || doc_is(c, "wrapUp")) {
			acc_break(a);
			acc_children(a, c);
		} else if (doc_is(c, "list")) {
			build_body(p, c, a);
		} else if (doc_is(c, "point")) {
			build_hier(p, c, DOC_KIND_POINT);
		} else if (doc_is(c, "paragraph")) {
			build_hier(p, c, DOC_KIND_PARAGRAPH);
		}
	}
}

static void build_hier(struct doc_part *parent, const xmlNode *n, enum doc_kind kind)
{
	struct doc_part *p = new_part(kind, parent, n);
	struct acc a = {STRBUF_INIT, 0, 0, NULL, 0};
	build_body(p, n, &a);
	p->text = acc_finish(&a);
	p->links = a.links;
	p->nlinks = a.nlinks;
}

/* A block part (preamble, conclusions): all its text. */
static void build_block(struct doc_part *parent, const xmlNode *n, enum doc_kind kind)
{
	struct doc_part *p = new_part(kind, parent, n);
	struct acc a = {STRBUF_INIT, 0, 0, NULL, 0};
	acc_children(&a, n);
	p->text = acc_finish(&a);
	p->links = a.links;
	p->nlinks = a.nlinks;
}

/* Depth-first search for the first element named name under n. */
static const xmlNode *find(const xmlNode *n, const char *name)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next) {
		if (doc_is(c, name))
			return c;
		const xmlNode *r = find(c, name);
		if (r)
			return r;
	}
	return NULL;
}

static char *find_text(const xmlNode *n, const char *name)
{
	const xmlNode *f = find(n, name);
	return f ? doc_flat_text(f) : NULL;
}

static char *find_attr(const xmlNode *n, const char *name, const char *attr)
{
	const xmlNode *f = find(n, name);
	return f ? doc_attr(f, attr) : NULL;
}

static void build_meta(struct doc_meta *m, const xmlNode *docel)
{
	const xmlNode *meta = doc_child(docel, "meta");
	const xmlNode *work = find(meta, "FRBRWork");
	const xmlNode *expr = find(meta, "FRBRExpression");
	m->symbol = find_attr(work, "FRBRnumber", "showAs");
	if (m->symbol == NULL)
		m->symbol = find_attr(work, "FRBRnumber", "value");
	m->work_iri = find_attr(work, "FRBRuri", "value");
	m->lang = find_attr(expr, "FRBRlanguage", "language");
	char *date = find_attr(work, "FRBRdate", "date");
	m->year = date ? atoi(date) : 0;
	free(date);
	const xmlNode *preface = doc_child(docel, "preface");
	m->doctype = find_text(preface, "docType");
	m->title = find_text(preface, "docTitle");
	const xmlNode *concl = doc_child(docel, "conclusions");
	m->signatory = find_text(concl, "person");
	m->signatory_role = find_text(concl, "role");
}

static void flatten(struct doc *d, struct doc_part *p)
{
	if (p->kind != DOC_KIND_DOCUMENT) {
		p->order = d->nparts;
		d->parts = xreallocarray(d->parts, d->nparts + 1, sizeof *d->parts);
		d->parts[d->nparts++] = p;
	}
	for (size_t i = 0; i < p->nkids; i++)
		flatten(d, p->kids[i]);
}

static int cmp_eid(const void *a, const void *b)
{
	const struct doc_part *x = *(struct doc_part *const *)a;
	const struct doc_part *y = *(struct doc_part *const *)b;
	return strcmp(x->eid, y->eid);
}

struct doc *doc_build(xmlDocPtr x, const char *path)
{
	struct doc *d = xcalloc(1, sizeof *d);
	d->path = xstrdup(path);
	const xmlNode *root = xmlDocGetRootElement(x);
	const xmlNode *docel = NULL;
	for (const xmlNode *c = root->children; c && !docel; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			docel = c;
	d->root = new_part(DOC_KIND_DOCUMENT, NULL, NULL);
	d->root->text = xstrdup("");
	if (docel == NULL)
		return d;
	build_meta(&d->meta, docel);
	d->root->num = d->meta.symbol ? xstrdup(d->meta.symbol) : NULL;
	d->root->heading = d->meta.title ? xstrdup(d->meta.title) : NULL;
	for (const xmlNode *c = docel->children; c; c = c->next) {
		if (doc_is(c, "preamble")) {
			build_block(d->root, c, DOC_KIND_PREAMBLE);
		} else if (doc_is(c, "mainBody")) {
			for (const xmlNode *s = c->children; s; s = s->next)
				if (doc_is(s, "section"))
					build_hier(d->root, s, DOC_KIND_SECTION);
		} else if (doc_is(c, "conclusions")) {
			build_block(d->root, c, DOC_KIND_CONCLUSIONS);
		}
	}
	flatten(d, d->root);
	for (size_t i = 0; i < d->nparts; i++) {
		if (d->parts[i]->eid) {
			d->by_eid = xreallocarray(d->by_eid, d->nby_eid + 1, sizeof *d->by_eid);
			d->by_eid[d->nby_eid++] = d->parts[i];
		}
	}
	if (d->nby_eid > 1)
		qsort(d->by_eid, d->nby_eid, sizeof *d->by_eid, cmp_eid);
	doc_build_units(d, docel);
	return d;
}
