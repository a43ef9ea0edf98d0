/* doc_build.c: turning an Akoma Ntoso tree of any document type into the
 * model of doc.h, from the vocabulary itself. Each hierarchical element
 * (the schema's hierarchy, container, speech and judgment groups, or any
 * element with a num or heading) becomes a part; wrappers without a number
 * (mainBody, body, list...) let their children through; everything else is
 * text (doc_text.c): of the part it belongs to while that part has no
 * sub-part yet, else of an unnumbered block part, so the reading order is
 * kept. The preface's title and type go to the title block, the rest of it
 * to a preface part; footnotes become note parts at the end. */
#include <stdlib.h>
#include <string.h>

#include "circ/i18n.h"
#include "circ/strbuf.h"
#include "circ/xalloc.h"
#include "doc_internal.h"

int doc_is(const xmlNode *n, const char *name)
{
	/* the name first: it differs most often, and is short (its first
	 * letter most often, without a call) */
	return n && n->type == XML_ELEMENT_NODE && n->name[0] == (xmlChar)name[0] &&
	       strcmp((const char *)n->name, name) == 0 && n->ns && n->ns->href &&
	       strcmp((const char *)n->ns->href, DOC_AKN_NS) == 0;
}

xmlNodePtr doc_child(const xmlNode *n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
		if (doc_is(c, name))
			return c;
	return NULL;
}

char *doc_flat_text_or_null(const xmlNode *n)
{
	return n ? doc_flat_text(n) : NULL;
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

/* Levels that become parts. */
static const char *const hier_names[] = {"address",
                                         "adjournment",
                                         "administrationOfOath",
                                         "alinea",
                                         "amendmentContent",
                                         "amendmentHeading",
                                         "amendmentJustification",
                                         "amendmentReference",
                                         "answer",
                                         "arguments",
                                         "article",
                                         "attachment",
                                         "background",
                                         "book",
                                         "chapter",
                                         "clause",
                                         "communication",
                                         "component",
                                         "debateSection",
                                         "decision",
                                         "declarationOfVote",
                                         "division",
                                         "hcontainer",
                                         "indent",
                                         "interstitial",
                                         "introduction",
                                         "level",
                                         "list",
                                         "ministerialStatements",
                                         "motivation",
                                         "narrative",
                                         "nationalInterest",
                                         "noticesOfMotion",
                                         "oralStatements",
                                         "other",
                                         "papers",
                                         "paragraph",
                                         "part",
                                         "personalStatements",
                                         "petitions",
                                         "point",
                                         "pointOfOrder",
                                         "prayers",
                                         "proceduralMotions",
                                         "proviso",
                                         "question",
                                         "questions",
                                         "remedies",
                                         "resolutions",
                                         "rollCall",
                                         "rule",
                                         "scene",
                                         "section",
                                         "speech",
                                         "speechGroup",
                                         "subchapter",
                                         "subclause",
                                         "subdivision",
                                         "sublist",
                                         "subparagraph",
                                         "subpart",
                                         "subrule",
                                         "subsection",
                                         "subtitle",
                                         "summary",
                                         "tblock",
                                         "title",
                                         "tome",
                                         "transitional",
                                         "writtenStatements"};

/* Levels shown with their number and heading on lines of their own. */
static const char *const division_names[] = {"amendmentContent",
                                             "amendmentHeading",
                                             "amendmentJustification",
                                             "amendmentReference",
                                             "article",
                                             "attachment",
                                             "book",
                                             "chapter",
                                             "component",
                                             "division",
                                             "hcontainer",
                                             "part",
                                             "subchapter",
                                             "subdivision",
                                             "subpart",
                                             "subtitle",
                                             "tblock",
                                             "title",
                                             "tome",
                                             "transitional"};

/* Speakers' turns: the speaker ("from") is their label. */
static const char *const speech_names[] = {"answer", "narrative", "other",  "question",
                                           "scene",  "speech",    "summary"};

/* Wrappers whose children are the parent's. */
static const char *const wrapper_names[] = {"amendmentBody",  "attachments", "body",
                                            "collectionBody", "components",  "debateBody",
                                            "judgmentBody",   "mainBody",    "portionBody"};

/* The document types (a component or attachment holds one). */
static const char *const doctype_names[] = {
    "act",      "amendment",       "amendmentList", "bill",
    "debate",   "debateReport",    "doc",           "documentCollection",
    "judgment", "officialGazette", "portion",       "statement"};

#define IN(n, set) doc_name_in(n, set, sizeof set / sizeof set[0])

struct builder {
	struct doc *d;
	struct doc_notes notes;
	/* the preface's title, type, number: shown in the title block or
	 * on an annex's heading */
	const xmlNode **skip;
	size_t nskip;
	unsigned scope, nscopes; /* the document being built, how many so far */
};

static int alone_in_p(const xmlNode *n);

/* Show n (a docTitle...) elsewhere: its <p> is left out when it is alone
 * in it. */
static void skip_node(struct builder *b, const xmlNode *n)
{
	if (n == NULL || !alone_in_p(n))
		return;
	b->skip = xreallocarray(b->skip, b->nskip + 1, sizeof *b->skip);
	b->skip[b->nskip++] = n->parent;
}

/* Has n a child element num, heading or subheading? */
static int has_label(const xmlNode *n)
{
	return doc_child(n, "num") || doc_child(n, "heading") || doc_child(n, "subheading");
}

static int is_level(const xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE || !doc_is(n, (const char *)n->name))
		return 0;
	if (doc_is(n, "list") || doc_is(n, "speechGroup") || doc_is(n, "sublist"))
		return has_label(n);
	return IN(n, hier_names);
}

/* Does any descendant of n (not crossing levels) hold a level? */
static int holds_levels(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_level(c) || IN(c, doctype_names))
			return 1;
		if (!doc_is(c, "p") && holds_levels(c))
			return 1;
	}
	return 0;
}

static char *id_of(const xmlNode *n)
{
	char *id = doc_attr(n, "eId");
	if (id == NULL) {
		xmlChar *v = xmlGetNsProp(n, (const xmlChar *)"id", XML_XML_NAMESPACE);
		if (v) {
			id = xstrdup((const char *)v);
			xmlFree(v);
		}
	}
	return id;
}

static unsigned cur_scope; /* the scope of the parts being made (doc_build) */

unsigned doc_build_scope(void)
{
	return cur_scope;
}

static struct doc_part *new_part(enum doc_kind kind, struct doc_part *parent, const xmlNode *n)
{
	struct doc_part *p = xcalloc(1, sizeof *p);
	p->kind = kind;
	p->scope = cur_scope;
	p->parent = parent;
	p->eid = n ? id_of(n) : NULL;
	p->line = n ? xmlGetLineNo(n) : 0;
	p->depth = parent && parent->kind != DOC_KIND_DOCUMENT ? parent->depth + 1 : 0;
	if (n && n->type == XML_ELEMENT_NODE) {
		((xmlNode *)n)->_private = p; /* for the aliases (doc_build) */
		p->elem = doc_is(n, "hcontainer") ? doc_attr(n, "name") : NULL;
		if (p->elem == NULL)
			p->elem = xstrdup((const char *)n->name);
	}
	if (parent) {
		parent->kids = xreallocarray(parent->kids, parent->nkids + 1, sizeof *parent->kids);
		parent->kids[parent->nkids++] = p;
	}
	return p;
}

static void set_text(struct doc_part *p, struct doc_text *a)
{
	p->text = dt_finish(a, &p->links, &p->nlinks);
}

/* Where the content met while walking one part's children goes. */
struct walk {
	struct doc_part *p;
	int own_open;          /* content is still p's own text */
	struct doc_text own;   /* p's own text */
	struct doc_part *tail; /* the block part taking content after sub-parts */
	struct doc_text tailtext;
};

static void close_tail(struct walk *w)
{
	if (w->tail) {
		set_text(w->tail, &w->tailtext);
		w->tail = NULL;
	}
}

static void walk_children(struct builder *b, struct walk *w, const xmlNode *n);
static void build_doc(struct builder *b, struct doc_part *p, const xmlNode *docel);

static void add_heading(char **heading, char *s);

/* s, or NULL (s freed) when it is empty: an empty <num> is no number. */
static char *nonempty(char *s)
{
	if (s && s[0] == '\0') {
		free(s);
		return NULL;
	}
	return s;
}
static const xmlNode *front(const xmlNode *docel, const char *name);

/* Has n a document among its children (a component, an attachment)? */
static int holds_doc(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (IN(c, doctype_names))
			return 1;
	return 0;
}

/* Does n hold a table (not inside another table)? */
static int holds_table(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (doc_is(c, "table") || (c->type == XML_ELEMENT_NODE && holds_table(c)))
			return 1;
	return 0;
}

/* The text of a heading or title on one line, its footnotes (an
 * authorialNote in a heading) as markers, their text in note parts. */
static char *flat_noted(struct builder *b, const xmlNode *n)
{
	struct doc_text a;
	dt_init(&a, &b->notes);
	dt_children(&a, n);
	char *s = dt_finish(&a, NULL, NULL);
	for (char *p = s; *p; p++)
		if (*p == '\n')
			*p = ' ';
	return s;
}

/* A table: a part of its own, its cells one per line of its text. */
static void build_table(struct builder *b, struct doc_part *parent, const xmlNode *n)
{
	struct doc_part *p = new_part(DOC_KIND_TABLE, parent, n);
	struct doc_table *t = p->table = xcalloc(1, sizeof *t);
	struct doc_text a;
	dt_init(&a, &b->notes);
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (doc_is(c, "caption")) {
			add_heading(&p->heading, doc_flat_text(c));
			continue;
		}
		if (!doc_is(c, "tr"))
			continue;
		size_t col = 0;
		for (const xmlNode *k = c->children; k; k = k->next) {
			if (!doc_is(k, "td") && !doc_is(k, "th"))
				continue;
			a.flat = 0;
			dt_break(&a);
			a.space = 0;
			a.flat = 1;
			t->cells = xreallocarray(t->cells, t->ncells + 1, sizeof *t->cells);
			struct doc_cell *cell = &t->cells[t->ncells++];
			cell->row = t->nrows;
			cell->col = col++;
			cell->header = doc_is(k, "th");
			cell->start = a.sb.len;
			a.glue = 0;
			dt_children(&a, k);
			a.space = 0;
			a.glue = 0;
			cell->end = a.sb.len;
		}
		if (col > t->ncols)
			t->ncols = col;
		t->nrows++;
	}
	a.flat = 0;
	set_text(p, &a);
	for (size_t i = 0; i < t->ncells; i++) {
		if (t->cells[i].end > strlen(p->text))
			t->cells[i].end = strlen(p->text);
		if (t->cells[i].start > t->cells[i].end)
			t->cells[i].start = t->cells[i].end;
	}
}

/* Content element c for the part being walked. */
static void content(struct builder *b, struct walk *w, const xmlNode *c)
{
	if (doc_is(c, "table")) {
		w->own_open = 0;
		close_tail(w);
		build_table(b, w->p, c);
		return;
	}
	if (c->type == XML_ELEMENT_NODE && !doc_is(c, "p") && holds_table(c)) {
		/* what is around the table, before and after it */
		for (const xmlNode *k = c->children; k; k = k->next)
			content(b, w, k);
		return;
	}
	for (size_t i = 0; i < b->nskip; i++)
		if (b->skip[i] == c)
			return;
	if (c->type == XML_TEXT_NODE) {
		/* text between elements: white space, or words of a mixed level */
		const char *t = (const char *)c->content;
		if (t == NULL || t[strspn(t, " \t\r\n")] == '\0')
			return;
	} else if (c->type != XML_ELEMENT_NODE && c->type != XML_CDATA_SECTION_NODE) {
		return;
	}
	struct doc_text *a = &w->own;
	if (!w->own_open) {
		if (w->tail == NULL) {
			w->tail = new_part(DOC_KIND_BLOCK, w->p, NULL);
			w->tail->line = xmlGetLineNo(c);
			dt_init(&w->tailtext, &b->notes);
		}
		a = &w->tailtext;
	}
	/* a block element breaks the line itself; text and inline
	 * elements run on */
	dt_inline(a, c);
}

/* A level: a part of the kind its element says, built from its children. */
static struct doc_part *build_level(struct builder *b, struct doc_part *parent, const xmlNode *n)
{
	enum doc_kind kind = DOC_KIND_POINT;
	if (doc_is(n, "section"))
		kind = DOC_KIND_SECTION;
	else if (IN(n, speech_names))
		kind = DOC_KIND_BLOCK;
	else if (IN(n, division_names) || doc_child(n, "heading"))
		kind = DOC_KIND_DIVISION;
	else if (doc_is(n, "paragraph"))
		kind = DOC_KIND_PARAGRAPH;
	else if (!doc_child(n, "num") && !IN(n, hier_names))
		kind = DOC_KIND_BLOCK;
	else if (!doc_child(n, "num") && doc_child(n, "heading") == NULL)
		kind = DOC_KIND_DIVISION;
	struct doc_part *p = new_part(kind, parent, n);
	struct walk w = {.p = p, .own_open = 1};
	dt_init(&w.own, &b->notes);
	const xmlNode *doc = NULL;
	for (const xmlNode *c = n->children; c && holds_doc(n); c = c->next) {
		/* a component's own number and heading, before its document */
		if (doc_is(c, "num") && p->num == NULL)
			p->num = nonempty(doc_flat_text(c));
		else if (doc_is(c, "heading") || doc_is(c, "subheading"))
			add_heading(&p->heading, nonempty(flat_noted(b, c)));
		if (IN(c, doctype_names))
			break;
	}
	for (const xmlNode *c = n->children; c && !doc; c = c->next)
		if (IN(c, doctype_names))
			doc = c;
	if (doc) {
		/* a component or attachment holding a document */
		set_text(p, &w.own);
		/* its number and title from its preface, else its name */
		const xmlNode *number = front(doc, "docNumber");
		const xmlNode *title = front(doc, "docTitle");
		if (p->num == NULL && number) {
			p->num = doc_flat_text(number);
			skip_node(b, number);
		}
		if (p->heading == NULL && title) {
			p->heading = flat_noted(b, title);
			skip_node(b, title);
		}
		if (p->heading == NULL && p->num == NULL)
			p->heading = doc_attr(doc, "name");
		build_doc(b, p, doc);
		return p;
	}
	walk_children(b, &w, n);
	set_text(p, &w.own);
	close_tail(&w);
	return p;
}

/* Append s to *heading, after " — " when there is one already. */
static void add_heading(char **heading, char *s)
{
	if (s == NULL)
		return;
	if (*heading == NULL) {
		*heading = s;
		return;
	}
	char *h = xasprintf("%s — %s", *heading, s);
	free(*heading);
	free(s);
	*heading = h;
}

static void walk_children(struct builder *b, struct walk *w, const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && !doc_is(c, (const char *)c->name)) {
			/* another vocabulary: its text */
			content(b, w, c);
		} else if (doc_is(c, "num") && w->p->num == NULL && w->p->nkids == 0) {
			w->p->num = nonempty(doc_flat_text(c));
		} else if ((doc_is(c, "heading") || doc_is(c, "subheading")) && w->p->nkids == 0) {
			add_heading(&w->p->heading, nonempty(flat_noted(b, c)));
		} else if (doc_is(c, "from") && w->p->heading == NULL) {
			w->p->heading = nonempty(doc_flat_text(c));
		} else if (doc_is(c, "meta") || doc_is(c, "componentInfo")) {
			continue;
		} else if (c->type == XML_ELEMENT_NODE && is_level(c)) {
			w->own_open = 0;
			close_tail(w);
			build_level(b, w->p, c);
		} else if (IN(c, doctype_names)) {
			w->own_open = 0;
			close_tail(w);
			build_doc(b, w->p, c);
		} else if (IN(c, wrapper_names) ||
		           (c->type == XML_ELEMENT_NODE && !doc_is(c, "p") && holds_levels(c))) {
			/* a wrapper: its children are this part's */
			walk_children(b, w, c);
		} else {
			content(b, w, c);
		}
	}
}

/* A block of a document (preface, preamble, conclusions): all its text. */
static void build_block(struct builder *b, struct doc_part *parent, const xmlNode *n,
                        enum doc_kind kind)
{
	struct doc_part *p = new_part(kind, parent, n);
	struct walk w = {.p = p, .own_open = 1};
	dt_init(&w.own, &b->notes);
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && is_level(c)) {
			w.own_open = 0;
			close_tail(&w);
			build_level(b, p, c);
		} else {
			content(b, &w, c);
		}
	}
	set_text(p, &w.own);
	close_tail(&w);
	if (p->text[0] == '\0' && p->nkids == 0 && kind == DOC_KIND_PREFACE) {
		/* all of it is in the title block */
		((xmlNode *)n)->_private = NULL;
		parent->nkids--;
		doc_free_part(p);
	}
}

/* The document element docel's parts, under p. */
static void build_doc(struct builder *b, struct doc_part *p, const xmlNode *docel)
{
	unsigned outer = cur_scope;
	if (p->kind != DOC_KIND_DOCUMENT)
		cur_scope = ++b->nscopes; /* a document of a collection: its own eIds */
	struct walk w = {.p = p, .own_open = 0};
	for (const xmlNode *c = docel->children; c; c = c->next) {
		if (doc_is(c, "meta")) {
			/* notes kept in the metadata, pointed at by noteRef */
			const xmlNode *notes = doc_child(c, "notes");
			for (const xmlNode *k = notes ? notes->children : NULL; k; k = k->next) {
				if (!doc_is(k, "note"))
					continue;
				b->notes.v =
				    xreallocarray(b->notes.v, b->notes.n + 1, sizeof *b->notes.v);
				struct doc_note *note = &b->notes.v[b->notes.n++];
				note->node = k;
				note->scope = cur_scope;
				note->marker = doc_attr(k, "marker");
				if (note->marker == NULL)
					note->marker = xasprintf("%zu", b->notes.n);
				note->eid = doc_attr(k, "eId");
				if (note->eid == NULL)
					note->eid = xasprintf("circ-note-%zu", b->notes.n);
			}
		} else if (doc_is(c, "coverPage") || doc_is(c, "preface") || doc_is(c, "header")) {
			close_tail(&w);
			build_block(b, p, c, DOC_KIND_PREFACE);
		} else if (doc_is(c, "preamble")) {
			close_tail(&w);
			build_block(b, p, c, DOC_KIND_PREAMBLE);
		} else if (doc_is(c, "conclusions")) {
			close_tail(&w);
			build_block(b, p, c, DOC_KIND_CONCLUSIONS);
		} else if (c->type == XML_ELEMENT_NODE && is_level(c)) {
			close_tail(&w);
			build_level(b, p, c);
		} else if (IN(c, wrapper_names) ||
		           (c->type == XML_ELEMENT_NODE && holds_levels(c))) {
			walk_children(b, &w, c);
		} else {
			content(b, &w, c);
		}
	}
	close_tail(&w);
	cur_scope = outer;
}

/* The notes met, as parts at the end of the document. */
static void build_notes(struct builder *b, struct doc_part *root)
{
	struct doc_part *all = NULL;
	if (b->notes.n > 0) {
		all = new_part(DOC_KIND_DIVISION, root, NULL);
		all->elem = xstrdup("notes");
		/* TRANSLATORS: the heading of the footnotes, at the end of a document */
		all->heading = xstrdup(_("Notes"));
		all->text = xstrdup("");
	}
	for (size_t i = 0; i < b->notes.n; i++) {
		struct doc_note *note = &b->notes.v[i];
		cur_scope = note->scope;
		struct doc_part *p = new_part(DOC_KIND_NOTE, all, note->node);
		free(p->eid);
		p->eid = note->eid;
		p->num = note->marker;
		struct doc_text a;
		dt_init(&a, NULL);
		dt_children(&a, note->node);
		set_text(p, &a);
	}
	cur_scope = 0;
	free(b->notes.v);
	b->notes.v = NULL;
	b->notes.n = 0;
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

static char *find_attr(const xmlNode *n, const char *name, const char *attr)
{
	const xmlNode *f = find(n, name);
	return f ? doc_attr(f, attr) : NULL;
}

/* Is n the only thing with text in its parent <p>? Then the title block,
 * which shows it, stands for the whole <p>. */
static int alone_in_p(const xmlNode *n)
{
	const xmlNode *p = n->parent;
	if (!doc_is(p, "p"))
		return 0;
	for (const xmlNode *c = p->children; c; c = c->next) {
		if (c == n)
			continue;
		if (c->type == XML_ELEMENT_NODE)
			return 0;
		if (c->type == XML_TEXT_NODE && c->content &&
		    ((const char *)c->content)[strspn((const char *)c->content, " \t\r\n")])
			return 0;
	}
	return 1;
}

/* The first element name in the preface, cover page or (a judgment's)
 * header, or NULL. */
static const xmlNode *front(const xmlNode *docel, const char *name)
{
	static const char *const fronts[] = {"preface", "coverPage", "header"};
	for (size_t i = 0; i < sizeof fronts / sizeof fronts[0]; i++) {
		const xmlNode *n = find(doc_child(docel, fronts[i]), name);
		if (n)
			return n;
	}
	return NULL;
}

void doc_mods_free(struct doc_mod *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].type);
		free(v[i].iri);
		free(v[i].part);
	}
	free(v);
}

static void add_mod(struct doc_mod **v, size_t *n, const xmlNode *e, char *iri, const char *dest)
{
	if (iri == NULL || iri[0] == '\0') {
		free(iri);
		return;
	}
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[*n].type = doc_attr(e, "type");
	(*v)[*n].iri = iri;
	const char *frag = dest ? strchr(dest, '#') : NULL;
	if (frag == NULL && dest)
		frag = strchr(dest, '~');
	(*v)[*n].part = frag && frag[1] ? xstrdup(frag + 1) : NULL;
	(*n)++;
}

/* The href of the entry of <references> with this eId ("#pr1"), or NULL. */
static char *reference_href(const xmlNode *meta, const char *ref)
{
	if (ref == NULL || ref[0] != '#')
		return NULL;
	for (const xmlNode *c = doc_child(meta, "references"), *e = c ? c->children : NULL; e;
	     e = e->next) {
		char *id = e->type == XML_ELEMENT_NODE ? doc_attr(e, "eId") : NULL;
		int same = id && strcmp(id, ref + 1) == 0;
		free(id);
		if (same)
			return doc_attr(e, "href");
	}
	return NULL;
}

/* The modifications the metadata records: analysis's active and passive
 * textualMods (AKN 3.0: Amendments of modificationType, whose <source>
 * and <destination> have an href), lifecycle's eventRefs of type repeal
 * (their source names a <references> entry). */
static void build_mods(struct doc_meta *m, const xmlNode *meta)
{
	for (const xmlNode *c = meta ? meta->children : NULL; c; c = c->next) {
		for (const xmlNode *g = doc_is(c, "analysis") ? c->children : NULL; g;
		     g = g->next) {
			int active = doc_is(g, "activeModifications");
			if (!active && !doc_is(g, "passiveModifications"))
				continue;
			for (const xmlNode *t = g->children; t; t = t->next) {
				if (!doc_is(t, "textualMod"))
					continue;
				const xmlNode *dst = doc_child(t, "destination");
				char *dhref = dst ? doc_attr(dst, "href") : NULL;
				for (const xmlNode *x = t->children; x; x = x->next)
					if (doc_is(x, active ? "destination" : "source")) {
						char *href = doc_attr(x, "href");
						if (active)
							add_mod(&m->active, &m->nactive, t, href,
							        href);
						else
							add_mod(&m->passive, &m->npassive, t, href,
							        dhref);
					}
				free(dhref);
			}
		}
		for (const xmlNode *e = doc_is(c, "lifecycle") ? c->children : NULL; e;
		     e = e->next) {
			char *type = doc_is(e, "eventRef") ? doc_attr(e, "type") : NULL;
			if (type && strcmp(type, "repeal") == 0) {
				char *src = doc_attr(e, "source");
				add_mod(&m->passive, &m->npassive, e, reference_href(meta, src),
				        NULL);
				free(src);
			}
			free(type);
		}
	}
}

static void build_meta(struct builder *b, struct doc_meta *m, const xmlNode *docel)
{
	const xmlNode *meta = doc_child(docel, "meta");
	const xmlNode *work = find(meta, "FRBRWork");
	const xmlNode *expr = find(meta, "FRBRExpression");
	const xmlNode *number = front(docel, "docNumber");
	if (number == NULL)
		number = front(docel, "docketNumber");
	m->symbol = number ? doc_flat_text(number) : NULL;
	if (m->symbol == NULL || m->symbol[0] == '\0') {
		free(m->symbol);
		m->symbol = find_attr(work, "FRBRnumber", "showAs");
	}
	if (m->symbol == NULL)
		m->symbol = find_attr(work, "FRBRnumber", "value");
	if (m->symbol == NULL)
		m->symbol = find_attr(work, "FRBRalias", "value");
	if (m->symbol == NULL)
		m->symbol = find_attr(work, "FRBRuri", "value");
	m->work_iri = find_attr(work, "FRBRuri", "value");
	m->lang = find_attr(expr, "FRBRlanguage", "language");
	m->date = find_attr(work, "FRBRdate", "date");
	m->year = m->date ? atoi(m->date) : 0;
	m->type = xstrdup((const char *)docel->name);
	m->subtype = doc_attr(docel, "name");
	const xmlNode *type = front(docel, "docType");
	if (type) {
		m->doctype = doc_flat_text(type);
		skip_node(b, type);
	}
	const xmlNode *title = front(docel, "docTitle");
	if (title == NULL)
		title = front(docel, "shortTitle");
	if (title == NULL)
		title = front(docel, "longTitle");
	if (title) {
		m->title = flat_noted(b, title);
		if (doc_is(title, "longTitle") && doc_is(title->parent, "preface")) {
			b->skip = xreallocarray(b->skip, b->nskip + 1, sizeof *b->skip);
			b->skip[b->nskip++] = title;
		} else {
			skip_node(b, title);
		}
	}
	if (m->title == NULL)
		m->title = find_attr(work, "FRBRalias", "value");
	const xmlNode *concl = doc_child(docel, "conclusions");
	m->signatory = doc_flat_text_or_null(find(concl, "person"));
	m->signatory_role = doc_flat_text_or_null(find(concl, "role"));
	build_mods(m, meta);
}

static void flatten(struct doc *d, struct doc_part *p, size_t *cap)
{
	if (p->kind != DOC_KIND_DOCUMENT) {
		p->order = d->nparts;
		d->parts = xgrowarray(d->parts, cap, d->nparts + 1, sizeof *d->parts);
		d->parts[d->nparts++] = p;
	}
	for (size_t i = 0; i < p->nkids; i++)
		flatten(d, p->kids[i], cap);
}

/* Every element with an eId that is no part: an alias of the part it is
 * in (the closest element above it that is one). */
static void collect_aliases(struct doc *d, xmlNode *n, struct doc_part *in, size_t *cap)
{
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || doc_is(c, "meta"))
			continue;
		struct doc_part *here = c->_private ? c->_private : in;
		char *id = c->_private ? NULL : doc_attr(c, "eId");
		if (id && here) {
			d->aliases =
			    xgrowarray(d->aliases, cap, d->naliases + 1, sizeof *d->aliases);
			d->aliases[d->naliases].eid = id;
			d->aliases[d->naliases].part = here;
			d->aliases[d->naliases].scope = here->scope;
			d->naliases++;
		} else {
			free(id);
		}
		collect_aliases(d, c, here, cap);
		c->_private = NULL;
	}
}

static int cmp_alias(const void *a, const void *b)
{
	const struct doc_alias *x = a, *y = b;
	int r = strcmp(x->eid, y->eid);
	return r ? r : (x->scope > y->scope) - (x->scope < y->scope);
}

static int cmp_eid(const void *a, const void *b)
{
	const struct doc_part *x = *(struct doc_part *const *)a;
	const struct doc_part *y = *(struct doc_part *const *)b;
	int r = strcmp(x->eid, y->eid);
	return r ? r : (x->order > y->order) - (x->order < y->order);
}

struct doc *doc_build(xmlDocPtr x, const char *path, int with_units)
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
	struct builder b = {.d = d};
	cur_scope = 0;
	build_meta(&b, &d->meta, docel);
	d->root->num = d->meta.symbol ? xstrdup(d->meta.symbol) : NULL;
	d->root->heading = d->meta.title ? xstrdup(d->meta.title) : NULL;
	d->root->elem = xstrdup((const char *)docel->name);
	build_doc(&b, d->root, docel);
	/* the components of a collection may follow its document */
	for (const xmlNode *c = docel->next; c; c = c->next)
		if (doc_is(c, "components")) {
			struct walk w = {.p = d->root, .own_open = 0};
			walk_children(&b, &w, c);
			close_tail(&w);
		}
	build_notes(&b, d->root);
	free(b.skip);
	size_t cap = 0;
	flatten(d, d->root, &cap);
	if (d->nparts)
		d->by_eid = xreallocarray(NULL, d->nparts, sizeof *d->by_eid);
	for (size_t i = 0; i < d->nparts; i++)
		if (d->parts[i]->eid)
			d->by_eid[d->nby_eid++] = d->parts[i];
	if (d->nby_eid > 1)
		qsort(d->by_eid, d->nby_eid, sizeof *d->by_eid, cmp_eid);
	cap = 0;
	collect_aliases(d, (xmlNode *)root, NULL, &cap);
	if (d->naliases > 1)
		qsort(d->aliases, d->naliases, sizeof *d->aliases, cmp_alias);
	if (with_units)
		doc_build_units(d, docel);
	return d;
}
