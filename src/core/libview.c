/* libview.c: the library as people and scripts read it (see library.h):
 * its order, the filter typed on the library screen, --list's lines,
 * --info, a document's status, and the citations of a part from the
 * other documents. */
#include <stdlib.h>
#include <string.h>

#include "circ/fold.h"
#include "circ/i18n.h"
#include "circ/layout.h"
#include "circ/library.h"
#include "circ/lookup.h"
#include "circ/utf8.h"
#include "circ/xalloc.h"

/* Compare two strings with their digits as numbers: ST/SGB/2010/2 before
 * ST/SGB/2010/10. */
static int natural_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			while (*a == '0')
				a++;
			while (*b == '0')
				b++;
			size_t la = strspn(a, "0123456789"), lb = strspn(b, "0123456789");
			if (la != lb)
				return la < lb ? -1 : 1;
			int r = strncmp(a, b, la);
			if (r)
				return r;
			a += la;
			b += lb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}

/* The sort's library (qsort has no argument for it). */
static const struct library *sorting;
static int sort_by_date;

static int cmp_doc(const void *pa, const void *pb)
{
	size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
	const struct lib_doc *a = &sorting->v[ia], *b = &sorting->v[ib];
	int r = sort_by_date ? -strcmp(a->date, b->date) : 0;
	if (r == 0)
		r = natural_cmp(a->symbol, b->symbol);
	if (r == 0)
		r = strcmp(a->lang, b->lang);
	return r ? r : ia < ib ? -1 : ia > ib;
}

size_t lib_order(const struct library *lib, int by_date, int one_per_work, size_t **order)
{
	*order = xcalloc(lib->n ? lib->n : 1, sizeof **order);
	size_t n = 0;
	for (size_t i = 0; i < lib->n; i++) {
		if (one_per_work) {
			/* the first of its ring stands for the work */
			size_t j = lib->v[i].next_lang, first = i;
			while (j != i) {
				if (j < first)
					first = j;
				j = lib->v[j].next_lang;
			}
			if (first != i)
				continue;
		}
		(*order)[n++] = i;
	}
	sorting = lib;
	sort_by_date = by_date;
	qsort(*order, n, sizeof **order, cmp_doc);
	return n;
}

int lib_matches(const struct library *lib, size_t i, const char *filter)
{
	/* what the library screen shows of each version of the work */
	struct strbuf all = STRBUF_INIT;
	size_t v = i;
	do {
		const struct lib_doc *d = &lib->v[v];
		sb_addf(&all, "%s %s %s %s %s %s ", d->symbol, d->title, d->doctype, d->type,
		        d->date, d->lang);
		if (d->abolished_by != LIB_NONE || d->abolished_symbol) {
			char *st = lib_status(lib, v);
			sb_addf(&all, "%s ", st);
			free(st);
		}
		v = d->next_lang;
	} while (v != i && v < lib->n);
	char *hay = fold_simple(all.s ? all.s : ""), *want = fold_simple(filter);
	int ok = 1;
	for (char *w = strtok(want, " "); w && ok; w = strtok(NULL, " "))
		ok = strstr(hay, w) != NULL;
	sb_free(&all);
	free(hay);
	free(want);
	return ok;
}

char *lib_status(const struct library *lib, size_t i)
{
	const struct lib_doc *e = &lib->v[i];
	if (e->abolished_by != LIB_NONE) {
		const struct lib_doc *by = &lib->v[e->abolished_by];
		const struct lib_abolish *a =
		    e->abolished_entry != LIB_NONE ? &by->abolishes[e->abolished_entry] : NULL;
		if (a && a->from_label[0])
			/* TRANSLATORS: a document's status: the symbol of the
			   document that abolishes it and the part that says so */
			return xasprintf(_("abolished by %s (%s)"), by->symbol, a->from_label);
		/* TRANSLATORS: a document's status: the symbol of the document
		   that abolishes it */
		return xasprintf(_("abolished by %s"), by->symbol);
	}
	if (e->abolished_symbol)
		return xasprintf(_("abolished by %s"), e->abolished_symbol);
	/* TRANSLATORS: a document's status: not abolished by any document of
	   the library */
	return xstrdup(_("in force"));
}

void lib_list_line(struct strbuf *out, const struct library *lib, size_t i)
{
	const struct lib_doc *e = &lib->v[i];
	char *st = lib_status(lib, i);
	sb_addf(out, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e->symbol, e->date, e->lang, e->type, e->title,
	        st, e->path);
	free(st);
}

void lib_info(struct strbuf *out, const struct library *lib, size_t i)
{
	const struct lib_doc *e = &lib->v[i];
	char *st = lib_status(lib, i);
	/* TRANSLATORS: --info's field names, each followed by a colon */
	const char *names[] = {_("Symbol"),   _("Title"), _("Document type"), _("Type"), _("Date"),
	                       _("Language"), _("Work"),  _("Status"),        _("File")};
	const char *vals[] = {e->symbol, e->title,    e->doctype, e->type, e->date,
	                      e->lang,   e->work_iri, st,         e->path};
	for (size_t k = 0; k < sizeof names / sizeof *names; k++)
		if (vals[k][0])
			sb_addf(out, "%s: %s\n", names[k], vals[k]);
	for (size_t j = e->next_lang; j != i; j = lib->v[j].next_lang)
		/* TRANSLATORS: --info: another language version of the
		   document: its language and its file */
		sb_addf(out, _("Also in: %s (%s)\n"), lib->v[j].lang, lib->v[j].path);
	for (size_t k = 0; k < e->nabolishes; k++)
		if (!e->abolishes[k].passive)
			/* TRANSLATORS: --info: a document this one abolishes,
			   and the part that says so */
			sb_addf(out, _("Abolishes: %s (%s)\n"), e->abolishes[k].symbol,
			        e->abolishes[k].from_label);
	free(st);
}

/* Are a and b the same symbol, case and spaces aside? */
static int same_symbol(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ')
			a++;
		while (*b == ' ')
			b++;
		char x = *a >= 'a' && *a <= 'z' ? (char)(*a - 32) : *a;
		char y = *b >= 'a' && *b <= 'z' ? (char)(*b - 32) : *b;
		if (x != y)
			return 0;
		if (x == '\0')
			return 1;
		a++;
		b++;
	}
}

/* Does c cite the document e (its work, or its symbol)? */
static int cites_doc(const struct lib_cite *c, const struct lib_doc *e)
{
	if (c->iri && c->iri[0] && e->work_iri[0])
		return strcmp(c->iri, e->work_iri) == 0;
	return same_symbol(c->symbol, e->symbol);
}

/* The part of d that c cites, or NULL when it names none. */
static const struct doc_part *cited_part(const struct doc *d, const struct lib_cite *c)
{
	if (c->eid && c->eid[0])
		return doc_find_eid(d, c->eid);
	if (c->part && c->part[0])
		return lookup_ref(d, c->part, NULL);
	return d->root;
}

/* Does q (cited) fall within p? The whole document only cites the whole. */
static int within(const struct doc_part *q, const struct doc_part *p)
{
	if (q == NULL || p == NULL)
		return 0;
	if (p->kind == DOC_KIND_DOCUMENT || q->kind == DOC_KIND_DOCUMENT)
		return p == q;
	for (; q; q = q->parent)
		if (q == p)
			return 1;
	return 0;
}

size_t lib_cited_by(struct library *lib, size_t doc, const struct doc *d, const struct doc_part *p,
                    struct lib_citing **out)
{
	lib_load_cites(lib);
	*out = NULL;
	size_t n = 0, cap = 0;
	const struct lib_doc *me = &lib->v[doc];
	for (size_t i = 0; i < lib->n; i++) {
		const struct lib_doc *e = &lib->v[i];
		if (i == doc || (me->work_iri[0] && strcmp(e->work_iri, me->work_iri) == 0))
			continue;
		for (size_t k = 0; k < e->ncites; k++) {
			const struct lib_cite *c = &e->cites[k];
			if (!cites_doc(c, me))
				continue;
			const struct doc_part *q = cited_part(d, c);
			if (!within(q, p))
				continue;
			*out = xgrowarray(*out, &cap, n + 1, sizeof **out);
			(*out)[n].doc = i;
			(*out)[n].c = c;
			(*out)[n].to = q;
			n++;
		}
	}
	return n;
}

size_t lib_view_cited_by(struct strbuf *out, struct library *lib, size_t doc, const struct doc *d,
                         const struct doc_part *p, size_t width)
{
	struct lib_citing *v;
	size_t n = lib_cited_by(lib, doc, d, p, &v);
	for (size_t i = 0; i < n; i++) {
		const struct lib_cite *c = v[i].c;
		char *lead;
		if (v[i].to != p) {
			char *to = doc_part_label(v[i].to);
			/* TRANSLATORS: before a sentence of another document that
			   cites a part below the one asked about: its symbol, the
			   citing part and the part cited ("ST/SGB/2011/7 2.2
			   (cites 3.2):") */
			lead = xasprintf(_("%s %s (cites %s):"), lib->v[v[i].doc].symbol, c->from_label,
			                 to);
			free(to);
		} else {
			lead = xasprintf("%s %s:", lib->v[v[i].doc].symbol, c->from_label);
		}
		size_t lw = utf8_width(lead, strlen(lead));
		layout_wrap(out, c->sentence ? c->sentence : c->text, 0, lead, lw + 1, width);
		free(lead);
	}
	free(v);
	return n;
}
