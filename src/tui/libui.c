/* libui.c: the documents of the library in the browser: loading a document
 * when the browser goes to it (kept until the end: places point at its
 * parts), making it the current one with its outline, citations, search
 * and marks, following a citation of another document, the language
 * versions of a work (v, and V side by side), the citations from the other
 * documents for c, and the document's status for the title line. */
#include <stdlib.h>
#include <string.h>

#include "circ/cite.h"
#include "circ/i18n.h"
#include "circ/library.h"
#include "circ/lookup.h"
#include "tui.h"

struct doc *libui_doc(struct tui *t, size_t i)
{
	if (t->lib == NULL || t->ds == NULL || i >= t->lib->n)
		return NULL;
	struct tui_docstate *s = &t->ds[i];
	if (s->doc)
		return s->doc;
	struct diag_list dl = DIAG_LIST_INIT;
	s->doc = lib_load(t->lib, i, &dl);
	if (s->doc == NULL) {
		/* TRANSLATORS: %s: a document's symbol; the next %s: why
		 * (the first problem) */
		tui_message(t, 1, _("%s cannot be read: %s"), t->lib->v[i].symbol,
		            dl.n ? dl.v[0].msg : "");
	} else {
		s->owned = 1;
		s->cur_hit = -1;
	}
	diag_clear(&dl);
	return s->doc;
}

void libui_switch(struct tui *t, size_t i)
{
	if (t->ds == NULL || (i == t->cur && t->doc) || libui_doc(t, i) == NULL)
		return;
	/* what the document left keeps: its outline, its search */
	struct tui_docstate *was = &t->ds[t->cur];
	was->outline = t->outline;
	memset(&t->outline, 0, sizeof t->outline);
	free(was->pattern);
	was->pattern = t->pattern;
	was->cur_hit = t->cur_hit;
	t->pattern = NULL;
	find_clear(t);
	/* the document gone to */
	t->cur = i;
	t->doc = t->ds[i].doc;
	cite_index_free(&t->cites);
	cite_index_build(t->doc, &t->cites);
	t->outline = t->ds[i].outline;
	memset(&t->ds[i].outline, 0, sizeof t->ds[i].outline);
	if (t->outline.nall == 0)
		rd_build(t);
	tree_free(&t->units); /* the organisation screen builds it again */
	t->link_on = 0;
	t->focus = NULL;
	mk_close(t);
	mk_open(t);
	if (t->pair != LIB_NONE) {
		/* side by side: the other version of this document */
		size_t o = t->lib->v[i].next_lang;
		t->pair = o != i && libui_doc(t, o) ? o : LIB_NONE;
	}
	page_free(&t->page);
	t->page_width = 0;
	t->top = 0;
	rd_layout(t);
	if (t->ds[i].pattern) {
		long k = t->ds[i].cur_hit;
		if (find_set(t, t->ds[i].pattern, 1) == 0)
			t->cur_hit = k < (long)t->nhits ? k : -1;
		free(t->ds[i].pattern);
		t->ds[i].pattern = NULL;
	}
}

void libui_free(struct tui *t)
{
	free(t->xcites);
	t->xcites = NULL;
	t->nxcites = 0;
	if (t->ds == NULL)
		return;
	for (size_t i = 0; i < t->lib->n; i++) {
		struct tui_docstate *s = &t->ds[i];
		tree_free(&s->outline);
		free(s->pattern);
		if (s->owned)
			doc_free(s->doc);
	}
	free(t->ds);
	t->ds = NULL;
}

/* A citation of another document, as the browser reads it. */
struct other {
	char *iri;        /* the work IRI (no expression, no portion) */
	char *eid;        /* the portion or fragment, or NULL */
	const char *part; /* a reference ("3.2"), or NULL */
	char *symbol;     /* the cited document's symbol */
	size_t doc;       /* in the library, or LIB_NONE */
};

/* Read link l of part p as a citation of another document: what the
 * document's citation index says of it (its work IRI, symbol, part, eId),
 * else what its IRI says. */
static void read_other(struct tui *t, const struct doc_part *p, const struct doc_link *l,
                       struct other *o)
{
	memset(o, 0, sizeof *o);
	o->iri = cite_iri_work(l->target, &o->eid);
	if (o->iri == NULL)
		o->iri = xstrdup(l->target);
	const struct cite_link *cl = NULL;
	for (size_t i = 0; i < t->cites.n && !cl; i++)
		if (t->cites.v[i].from == p && t->cites.v[i].start == l->start &&
		    t->cites.v[i].symbol)
			cl = &t->cites.v[i];
	if (cl && cl->eid && !o->eid)
		o->eid = xstrdup(cl->eid);
	if (cl)
		o->part = cl->part;
	o->symbol = cl ? xstrdup(cl->symbol) : cite_iri_symbol(o->iri);
	if (o->symbol == NULL)
		o->symbol = xstrndup(p->text + l->start, l->end - l->start);
	o->doc = LIB_NONE;
	if (t->lib) {
		const char *lang = t->cur != LIB_NONE ? t->lib->v[t->cur].lang : NULL;
		struct lib_cite c = {0};
		c.iri = o->iri;
		c.symbol = o->symbol;
		o->doc = lib_find_cite(t->lib, &c, lang && *lang ? lang : NULL);
	}
}

static void other_free(struct other *o)
{
	free(o->iri);
	free(o->eid);
	free(o->symbol);
}

/* The part of d a citation names: its eId, its reference, else NULL. */
static const struct doc_part *cited_part(const struct doc *d, const struct other *o)
{
	const struct doc_part *q = NULL;
	if (o->eid)
		q = doc_find_eid(d, o->eid);
	if (q == NULL && o->part)
		q = lookup_ref(d, o->part, NULL);
	return q;
}

void libui_describe_link(struct tui *t, const struct doc_part *p, const struct doc_link *l)
{
	struct other o;
	read_other(t, p, l, &o);
	/* the part it names, when it names one (the document loaded for it) */
	const struct doc *d = o.doc != LIB_NONE && (o.eid || o.part) ? libui_doc(t, o.doc) : NULL;
	const struct doc_part *q = d ? cited_part(d, &o) : NULL;
	if (o.doc == LIB_NONE) {
		/* TRANSLATORS: a citation of a document that is not in the
		 * library is selected; %s: its symbol (ST/SGB/1997/5) */
		tui_message(t, 0, _("%s is not in the library"), o.symbol);
	} else if (q) {
		char *label = doc_part_title(q);
		/* TRANSLATORS: a citation of a part of another document of
		 * the library is selected (Tab); %s: its symbol, the next %s
		 * the part; Enter is the key */
		tui_message(t, 0, _("Citation of %s, %s: Enter to open it"),
		            t->lib->v[o.doc].symbol, label);
		free(label);
	} else if (d) {
		/* TRANSLATORS: a citation of a part another document does not
		 * have; %s: its symbol, the next %s the part cited */
		tui_message(t, 0, _("Citation of %s (it has no part %s): Enter to open it"),
		            t->lib->v[o.doc].symbol, o.part ? o.part : o.eid);
	} else if (o.eid || o.part) {
		/* it cannot be read: libui_doc() said so */
	} else {
		/* TRANSLATORS: a citation of another document of the library
		 * is selected (Tab); %s: its symbol; Enter is the key */
		tui_message(t, 0, _("Citation of %s: Enter to open it"), t->lib->v[o.doc].symbol);
	}
	other_free(&o);
}

void libui_follow(struct tui *t, const struct doc_part *p, const struct doc_link *l)
{
	struct other o;
	read_other(t, p, l, &o);
	if (o.doc == LIB_NONE) {
		tui_message(t, 1, _("%s is not in the library"), o.symbol);
		other_free(&o);
		return;
	}
	struct doc *d = libui_doc(t, o.doc);
	if (d == NULL) {
		other_free(&o);
		return;
	}
	const struct doc_part *q = cited_part(d, &o);
	struct tui_place at = rd_place(q);
	tui_go_doc(t, o.doc, &at);
	const char *sym = t->lib->v[o.doc].symbol;
	if (q && q->kind != DOC_KIND_DOCUMENT) {
		char *label = doc_part_title(q);
		/* TRANSLATORS: another document opened at a part: %s its
		 * symbol, the next %s the part; Backspace comes back */
		tui_message(t, 0, _("%s, %s (Backspace: back)"), sym, label);
		free(label);
	} else if (o.eid || o.part) {
		/* TRANSLATORS: another document opened at its top: the part the
		 * citation names is not in it; %s: its symbol, then the part */
		tui_message(t, 1, _("%s has no part %s: its top (Backspace: back)"), sym,
		            o.part ? o.part : o.eid);
	} else {
		/* TRANSLATORS: another document opened; %s: its symbol */
		tui_message(t, 0, _("%s (Backspace: back)"), sym);
	}
	other_free(&o);
}

/* The library's documents in the browser, or a message saying there is
 * only one. */
static int have_library(struct tui *t)
{
	if (t->cur != LIB_NONE)
		return 1;
	/* TRANSLATORS: v or V when the document was opened outside the
	 * library */
	tui_message(t, 1, "%s", _("This document is not in the library"));
	return 0;
}

/* The next language version of the current document, loaded; LIB_NONE
 * with a message when there is none. */
static size_t next_version(struct tui *t)
{
	size_t n = t->lib->v[t->cur].next_lang;
	if (n == t->cur) {
		/* TRANSLATORS: v or V: %s: the document's symbol */
		tui_message(t, 0, _("The library has no other language version of %s"),
		            t->lib->v[t->cur].symbol);
		return LIB_NONE;
	}
	return libui_doc(t, n) ? n : LIB_NONE;
}

void libui_language(struct tui *t)
{
	if (!have_library(t))
		return;
	size_t n = next_version(t);
	if (n == LIB_NONE)
		return;
	/* the same part (by eId), else the top; the line in it kept */
	struct tui_pos here = rd_here(t);
	const struct doc_part *p = rd_current_part(t);
	const struct doc_part *q = p && p->eid ? doc_find_eid(t->ds[n].doc, p->eid) : NULL;
	struct tui_place at = rd_place(q);
	if (q && here.part == p)
		at.line = here.line, at.sel = here.line == 0;
	size_t was = t->cur;
	tui_go_doc(t, n, &at);
	if (t->pair == n) /* side by side: the sides change places */
		t->pair = was;
	/* TRANSLATORS: after v: %s the document's symbol, then its language
	 * (fra, eng) */
	tui_message(t, 0,
	            q || !p ? _("%s in %s (Backspace: back)")
	                    : _("%s in %s, at its top: no such part (Backspace: back)"),
	            t->lib->v[n].symbol, t->lib->v[n].lang);
}

/* The reader lays out two versions side by side from this many columns. */
#define PAIR_COLS 160

void libui_side_by_side(struct tui *t)
{
	if (t->pair != LIB_NONE) {
		t->pair = LIB_NONE;
		rd_layout(t);
		/* TRANSLATORS: after V, back to one version */
		tui_message(t, 0, "%s", _("One version"));
		return;
	}
	if (!have_library(t))
		return;
	size_t n = next_version(t);
	if (n == LIB_NONE)
		return;
	t->pair = n;
	rd_layout(t);
	if (t->cols < PAIR_COLS)
		/* TRANSLATORS: after V on a narrow terminal: %d the columns
		 * needed, the next %d the terminal's */
		tui_message(t, 0, _("Side by side from %d columns (this terminal has %d)"),
		            PAIR_COLS, t->cols);
	else
		/* TRANSLATORS: after V: the languages shown (fra, eng) */
		tui_message(t, 0, _("Side by side: %s | %s (V: one version)"),
		            t->lib->v[t->cur].lang, t->lib->v[n].lang);
}

size_t libui_cited_by(struct tui *t, const struct doc_part *p)
{
	free(t->xcites);
	t->xcites = NULL;
	t->nxcites = 0;
	if (t->cur == LIB_NONE)
		return 0;
	/* the citations of p (or a part below it), and those of the whole
	 * document: it is what they cite too */
	struct lib_citing *a = NULL, *b = NULL;
	size_t na = lib_cited_by(t->lib, t->cur, t->doc, p, &a);
	size_t nb = p == t->doc->root ? 0 : lib_cited_by(t->lib, t->cur, t->doc, t->doc->root, &b);
	/* grouped by citing document, in library order, each document's in
	 * its order (a document's citations are one array, in its order) */
	t->xcites = xcalloc(na + nb + 1, sizeof *t->xcites);
	for (size_t i = 0, j = 0; i < na || j < nb;) {
		int first =
		    j >= nb ||
		    (i < na && (a[i].doc < b[j].doc || (a[i].doc == b[j].doc && a[i].c < b[j].c)));
		t->xcites[t->nxcites++] = first ? a[i++] : b[j++];
	}
	free(a);
	free(b);
	return t->nxcites;
}

void libui_open_citing(struct tui *t, size_t k)
{
	const struct lib_citing *c = &t->xcites[k];
	struct doc *d = libui_doc(t, c->doc);
	if (d == NULL)
		return;
	const struct doc_part *q = c->c->from_eid[0] ? doc_find_eid(d, c->c->from_eid) : NULL;
	struct tui_place at = rd_place(q);
	size_t doc = c->doc;
	tui_go_doc(t, doc, &at);
	/* TRANSLATORS: a citing part of another document opened from c's
	 * list: %s its symbol, the next %s the part */
	char *label = q ? doc_part_title(q) : xstrdup(t->lib->v[doc].title);
	tui_message(t, 0, _("%s, %s (Backspace: back)"), t->lib->v[doc].symbol, label);
	free(label);
}

char *libui_status(const struct tui *t)
{
	if (t->cur == LIB_NONE)
		return NULL;
	const struct lib_doc *e = &t->lib->v[t->cur];
	if (e->abolished_by == LIB_NONE && e->abolished_symbol == NULL)
		return NULL;
	return lib_status(t->lib, t->cur);
}
