/* doc_text.c: gathering the text of a part from Akoma Ntoso content (see
 * doc_internal.h, struct doc_text). Text is normalised as it is gathered:
 * runs of ASCII white space become one space (U+00A0 and other Unicode
 * spaces are kept as they are), blocks are separated by '\n', and the byte
 * range of every <ref> and <organization> is recorded as a link. Every
 * element's text is kept, known or not: block elements (p, tr, item...)
 * start a new line, table cells are separated by " | ", a footnote leaves
 * its marker ("[1]", a link to the note) and is handed to the builder, an
 * image shows its alternative text. */
#include <stdlib.h>
#include <string.h>

#include "circ/xalloc.h"
#include "doc_internal.h"

/* Elements that are blocks inside running text: a line of their own. */
static const char *const block_names[] = {"alinea",
                                          "answer",
                                          "article",
                                          "blockContainer",
                                          "blockList",
                                          "book",
                                          "caption",
                                          "chapter",
                                          "citation",
                                          "clause",
                                          "container",
                                          "content",
                                          "crossHeading",
                                          "div",
                                          "division",
                                          "formula",
                                          "hcontainer",
                                          "heading",
                                          "indent",
                                          "intro",
                                          "item",
                                          "level",
                                          "li",
                                          "list",
                                          "listIntroduction",
                                          "listWrapUp",
                                          "longTitle",
                                          "other",
                                          "p",
                                          "paragraph",
                                          "part",
                                          "point",
                                          "question",
                                          "recital",
                                          "rule",
                                          "scene",
                                          "section",
                                          "speech",
                                          "subchapter",
                                          "subclause",
                                          "subdivision",
                                          "subheading",
                                          "sublist",
                                          "subparagraph",
                                          "subpart",
                                          "subrule",
                                          "subsection",
                                          "subtitle",
                                          "summary",
                                          "tblock",
                                          "title",
                                          "toc",
                                          "tocItem",
                                          "tome",
                                          "tr",
                                          "transitional",
                                          "wrapUp"};

int doc_name_in(const xmlNode *n, const char *const *names, size_t count)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE || n->ns == NULL || n->ns->href == NULL ||
	    strcmp((const char *)n->ns->href, DOC_AKN_NS) != 0)
		return 0;
	size_t lo = 0, hi = count;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp((const char *)n->name, names[mid]);
		if (c == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

void dt_init(struct doc_text *a, struct doc_notes *notes)
{
	memset(a, 0, sizeof *a);
	a->notes = notes;
}

/* The text is copied once, one byte after the end (room for a space
 * still due from before), then its white space collapsed in place: the
 * result is never longer than that. */
void dt_add(struct doc_text *a, const char *s)
{
	size_t n = strlen(s), w = a->sb.len;
	if (n == 0)
		return;
	sb_addc(&a->sb, ' ');
	sb_add(&a->sb, s, n);
	char *b = a->sb.s;
	for (size_t r = w + 1, end = w + 1 + n; r < end;) {
		char c = b[r];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			if (w > 0 && b[w - 1] != '\n')
				a->space = 1;
			r++;
			continue;
		}
		if (a->space) {
			b[w++] = ' ';
			a->space = 0;
		}
		if (a->mark) {
			a->links[a->nlinks - 1].start = w;
			a->mark = 0;
		}
		while (r < end && b[r] != ' ' && b[r] != '\t' && b[r] != '\n' && b[r] != '\r')
			b[w++] = b[r++];
		a->glue = 0;
	}
	sb_truncate(&a->sb, w);
}

void dt_break(struct doc_text *a)
{
	if (a->flat || a->glue) {
		/* in a cell, after a number: a space, not a new line */
		a->glue = 0;
		if (a->sb.len > 0)
			a->space = 1;
		return;
	}
	a->space = 0;
	if (a->sb.len > 0 && a->sb.s[a->sb.len - 1] != '\n')
		sb_addc(&a->sb, '\n');
}

/* A separator between two pieces of one line (table cells): " | ". */
static void dt_sep(struct doc_text *a)
{
	if (a->sb.len > 0 && a->sb.s[a->sb.len - 1] != '\n') {
		a->space = 0;
		sb_adds(&a->sb, " | ");
	}
}

/* Open a link to target at the end of the text. */
static void link_open(struct doc_text *a, enum doc_link_kind kind, const char *target)
{
	a->links = xreallocarray(a->links, a->nlinks + 1, sizeof *a->links);
	struct doc_link *l = &a->links[a->nlinks++];
	l->kind = kind;
	l->target = xstrdup(target);
	l->start = l->end = a->sb.len;
}

/* A <ref href>, <rref from upTo> or <organization refersTo>: its text,
 * recorded as a link (a range's to its first part); an organization naming
 * several units ("#a #b") gives one link for each. */
static void dt_link(struct doc_text *a, const xmlNode *n)
{
	int org = doc_is(n, "organization");
	char *targets = doc_attr(n, org ? "refersTo" : doc_is(n, "rref") ? "from" : "href");
	size_t first = a->nlinks, count = 0;
	char *save = NULL;
	for (char *t = strtok_r(targets ? targets : (char *)"", " \t\r\n", &save); t || count == 0;
	     t = strtok_r(NULL, " \t\r\n", &save)) {
		link_open(a, org ? DOC_LINK_ORG : DOC_LINK_REF, t ? t : "");
		count++;
		if (t == NULL)
			break;
	}
	free(targets);
	a->mark = 1;
	dt_children(a, n);
	size_t start = a->mark ? a->sb.len : a->links[a->nlinks - 1].start;
	a->mark = 0;
	for (size_t i = first; i < a->nlinks; i++) {
		a->links[i].start = start;
		a->links[i].end = a->sb.len;
	}
}

/* A note's marker in the text, "[1]", as a link to the note "#eId". */
static void dt_marker(struct doc_text *a, const char *marker, const char *target)
{
	char *m = xasprintf("[%s]", marker);
	if (a->space)
		sb_addc(&a->sb, ' ');
	a->space = 0;
	if (a->mark) {
		/* the marker is the first text of an open link */
		a->links[a->nlinks - 1].start = a->sb.len;
		a->mark = 0;
	}
	link_open(a, DOC_LINK_REF, target);
	sb_adds(&a->sb, m);
	a->links[a->nlinks - 1].end = a->sb.len;
	free(m);
}

/* An authorialNote: its marker here, its text in a note part. */
static void dt_note(struct doc_text *a, const xmlNode *n)
{
	if (a->notes == NULL) {
		/* a note inside a note: its text in place */
		dt_children(a, n);
		return;
	}
	struct doc_notes *ns = a->notes;
	ns->v = xreallocarray(ns->v, ns->n + 1, sizeof *ns->v);
	struct doc_note *note = &ns->v[ns->n++];
	note->node = n;
	note->scope = doc_build_scope();
	note->marker = doc_attr(n, "marker");
	if (note->marker == NULL || note->marker[0] == '\0') {
		/* numbered in the order of the text, apart from marked notes */
		free(note->marker);
		note->marker = xasprintf("%zu", ++ns->unmarked);
	}
	note->eid = doc_attr(n, "eId");
	if (note->eid == NULL)
		note->eid = xasprintf("circ-note-%zu", ns->n);
	char *target = xasprintf("#%s", note->eid);
	dt_marker(a, note->marker, target);
	free(target);
}

/* A noteRef: the marker of a note kept elsewhere (meta/notes). */
static void dt_noteref(struct doc_text *a, const xmlNode *n)
{
	char *href = doc_attr(n, "href");
	char *marker = doc_attr(n, "marker");
	dt_marker(a, marker && *marker ? marker : "*", href ? href : "");
	free(href);
	free(marker);
}

/* An image: its alternative text, else its title, else its file name. */
static void dt_image(struct doc_text *a, const xmlNode *n)
{
	char *alt = doc_attr(n, "alt");
	if (alt == NULL || alt[0] == '\0') {
		free(alt);
		alt = doc_attr(n, "title");
	}
	if (alt == NULL || alt[0] == '\0') {
		free(alt);
		alt = doc_attr(n, "src");
	}
	char *s = xasprintf(" [%s] ", alt && *alt ? alt : "image");
	dt_add(a, s);
	free(s);
	free(alt);
}

void dt_children(struct doc_text *a, const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		dt_inline(a, c);
}

void dt_inline(struct doc_text *a, const xmlNode *n)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		dt_add(a, (const char *)n->content);
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;
	if (!doc_is(n, (const char *)n->name)) {
		/* another vocabulary (foreign, proprietary markup): its text */
		dt_children(a, n);
		return;
	}
	if (doc_is(n, "meta") || doc_is(n, "componentInfo"))
		return;
	if (doc_is(n, "eol") || doc_is(n, "br") || doc_is(n, "eop")) {
		dt_break(a);
	} else if (doc_is(n, "ref") || doc_is(n, "rref") || doc_is(n, "organization")) {
		dt_link(a, n);
	} else if (doc_is(n, "authorialNote")) {
		dt_note(a, n);
	} else if (doc_is(n, "noteRef")) {
		dt_noteref(a, n);
	} else if (doc_is(n, "documentRef")) {
		/* a component that is elsewhere: a link to it, by its name */
		char *href = doc_attr(n, "href");
		char *show = doc_attr(n, "showAs");
		link_open(a, DOC_LINK_REF, href ? href : "");
		a->mark = 1;
		dt_add(a, show && *show ? show : href ? href : "");
		a->mark = 0;
		a->links[a->nlinks - 1].end = a->sb.len;
		free(href);
		free(show);
	} else if (doc_is(n, "img")) {
		dt_image(a, n);
	} else if (doc_is(n, "td") || doc_is(n, "th")) {
		dt_sep(a);
		dt_children(a, n);
	} else if (doc_is(n, "num")) {
		/* a number inside running text (a blockList item's, a quoted
		 * article's): before what follows, on the same line */
		dt_children(a, n);
		a->space = 1;
		a->glue = 1;
	} else if (doc_name_in(n, block_names, sizeof block_names / sizeof block_names[0])) {
		dt_break(a);
		dt_children(a, n);
		dt_break(a);
	} else {
		dt_children(a, n);
	}
}

char *dt_finish(struct doc_text *a, struct doc_link **links, size_t *nlinks)
{
	while (a->sb.len > 0 && (a->sb.s[a->sb.len - 1] == '\n' || a->sb.s[a->sb.len - 1] == ' '))
		sb_truncate(&a->sb, a->sb.len - 1);
	for (size_t i = 0; i < a->nlinks; i++) {
		if (a->links[i].end > a->sb.len)
			a->links[i].end = a->sb.len;
		if (a->links[i].start > a->links[i].end)
			a->links[i].start = a->links[i].end;
	}
	if (links) {
		*links = a->links;
		*nlinks = a->nlinks;
	} else {
		for (size_t i = 0; i < a->nlinks; i++)
			free(a->links[i].target);
		free(a->links);
	}
	a->links = NULL;
	a->nlinks = 0;
	return sb_steal(&a->sb);
}

char *doc_flat_text(const xmlNode *n)
{
	struct doc_text a;
	dt_init(&a, NULL);
	dt_children(&a, n);
	char *s = dt_finish(&a, NULL, NULL);
	for (char *p = s; *p; p++)
		if (*p == '\n')
			*p = ' ';
	return s;
}
