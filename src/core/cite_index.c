/* cite_index.c: the citations of a document, resolved, and their views:
 * the list of every citation (--refs), the parts that cite a part
 * (--cited-by) and a part's outgoing and incoming citations (--links). */
#include <stdlib.h>
#include <string.h>

#include "circ/cite.h"
#include "circ/i18n.h"
#include "circ/layout.h"
#include "circ/lookup.h"
#include "circ/utf8.h"
#include "circ/xalloc.h"

static struct cite_link *new_link(struct cite_index *ix, const struct doc_part *from, size_t start,
                                  size_t end)
{
	ix->v = xgrowarray(ix->v, &ix->cap, ix->n + 1, sizeof *ix->v);
	struct cite_link *l = &ix->v[ix->n++];
	memset(l, 0, sizeof *l);
	l->from = from;
	l->start = start;
	l->end = end;
	return l;
}

static int has_markup(const struct doc *d)
{
	for (size_t i = 0; i < d->nparts; i++)
		for (size_t k = 0; k < d->parts[i]->nlinks; k++)
			if (d->parts[i]->links[k].kind == DOC_LINK_REF)
				return 1;
	return 0;
}

/* Does s have a word of a part's citation (paragraph, section, alinéa)? */
static int names_part(const char *s)
{
	static const char *const words[] = {"paragra", "section", "alin"};
	for (const char *p = s; *p; p++)
		for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
			size_t k = 0;
			while (words[w][k] && utf8_ascii_lower((unsigned char)p[k]) == words[w][k])
				k++;
			if (words[w][k] == '\0')
				return 1;
		}
	return 0;
}

/* A marked-up <ref href>: "#eId", the document's own IRI (with a fragment:
 * a part of it), or another's: its work IRI, the eId of its fragment, its
 * symbol by the UN convention (else the text cited), and the parts its
 * text names (« paragraphes 2.1 et 2.4 de la circulaire ST/SGB/2010/1 »:
 * one link each, as the detector gives them). */
static void from_ref(struct cite_index *ix, const struct doc *d, const struct doc_part *p,
                     const struct doc_link *r)
{
	if (r->target[0] == '#') {
		struct cite_link *l = new_link(ix, p, r->start, r->end);
		l->to = doc_find_eid_from(d, r->target + 1, p);
		if (l->to == NULL)
			l->unresolved = xstrdup(r->target);
		return;
	}
	char *eid = NULL, *work = cite_iri_work(r->target, &eid);
	const char *own = d->meta.work_iri;
	if (own && (strcmp(r->target, own) == 0 || (work && strcmp(work, own) == 0))) {
		struct cite_link *l = new_link(ix, p, r->start, r->end);
		l->to = eid ? doc_find_eid_from(d, eid, p) : d->root;
		if (l->to == NULL)
			l->unresolved = xasprintf("#%s", eid);
		free(eid);
		free(work);
		return;
	}
	char *sym = work ? cite_iri_symbol(work) : NULL;
	if (sym == NULL)
		sym = xstrndup(p->text + r->start, r->end - r->start);
	char *iri = work ? work : xstrdup(r->target);
	char *text = xstrndup(p->text + r->start, r->end - r->start);
	struct cite c = {0};
	size_t nparts = 0;
	/* the detector only for a text that may name a part: a document
	 * marked up otherwise never compiles its patterns */
	if (names_part(text) && cite_parse(text, &c))
		for (size_t t = 0; t < c.ntargets; t++)
			nparts += c.targets[t].kind == CITE_EXTERNAL && c.targets[t].part &&
			          strcmp(c.targets[t].ref, sym) == 0;
	if (nparts != c.ntargets)
		nparts = 0; /* the text does not say what the href says */
	for (size_t t = 0; t < (nparts ? nparts : 1); t++) {
		struct cite_link *l = new_link(ix, p, r->start, r->end);
		l->symbol = xstrdup(sym);
		l->iri = xstrdup(iri);
		l->eid = eid && nparts <= 1 ? xstrdup(eid) : NULL;
		l->part = nparts ? xstrdup(c.targets[t].part) : NULL;
	}
	cite_free(&c);
	free(text);
	free(sym);
	free(iri);
	free(eid);
}

/* A citation the detector found: one link per target. */
static void from_cite(struct cite_index *ix, const struct doc *d, const struct doc_part *p,
                      const struct cite *c)
{
	for (size_t t = 0; t < c->ntargets; t++) {
		struct cite_link *l = new_link(ix, p, c->start, c->end);
		const struct cite_target *tg = &c->targets[t];
		if (tg->kind == CITE_SELF) {
			l->to = d->root;
		} else if (tg->kind == CITE_EXTERNAL) {
			l->symbol = xstrdup(tg->ref);
			l->iri = cite_symbol_iri(tg->ref);
			l->part = tg->part ? xstrdup(tg->part) : NULL;
		} else {
			l->to = lookup_ref(d, tg->ref, NULL);
			if (l->to == NULL)
				l->unresolved = xstrdup(tg->ref);
		}
	}
}

void cite_index_build(const struct doc *d, struct cite_index *ix)
{
	memset(ix, 0, sizeof *ix);
	ix->from_markup = has_markup(d);
	for (size_t i = 0; i < d->nparts; i++) {
		const struct doc_part *p = d->parts[i];
		if (ix->from_markup) {
			for (size_t k = 0; k < p->nlinks; k++)
				if (p->links[k].kind == DOC_LINK_REF)
					from_ref(ix, d, p, &p->links[k]);
		} else {
			struct cite_list cl;
			cite_detect(p->text, strlen(p->text), &cl);
			for (size_t k = 0; k < cl.n; k++)
				from_cite(ix, d, p, &cl.v[k]);
			cite_list_free(&cl);
		}
	}
}

void cite_index_free(struct cite_index *ix)
{
	for (size_t i = 0; i < ix->n; i++) {
		free(ix->v[i].symbol);
		free(ix->v[i].iri);
		free(ix->v[i].part);
		free(ix->v[i].eid);
		free(ix->v[i].unresolved);
	}
	free(ix->v);
	memset(ix, 0, sizeof *ix);
}

size_t cite_check(const struct doc *d, const struct cite_index *ix, struct diag_list *diags)
{
	size_t n = 0;
	for (size_t i = 0; i < ix->n; i++) {
		const struct cite_link *l = &ix->v[i];
		/* a link "#eId" to nothing is the loader's problem, said once */
		if (l->unresolved == NULL || l->unresolved[0] == '#')
			continue;
		char *from = doc_part_label(l->from);
		diag_add(diags, d->path, l->from->line, 0,
		         /* TRANSLATORS: --check: the first %.*s is the citation
		          * as the text writes it ("paragraphe 9.9"), the next %s
		          * the part it is in ("2.1 b)"), the last the reference
		          * circ looked for. */
		         _("the citation '%.*s' in %s names no part of the document (%s)"),
		         (int)(l->end - l->start), l->from->text + l->start, from, l->unresolved);
		free(from);
		n++;
	}
	return n;
}

int cite_cites(const struct cite_link *l, const struct doc_part *p)
{
	/* citing a part is not citing the whole document, and the reverse */
	if (p == NULL || l->to == NULL || p->kind == DOC_KIND_DOCUMENT ||
	    l->to->kind == DOC_KIND_DOCUMENT)
		return l->to == p && p != NULL;
	for (const struct doc_part *t = l->to; t; t = t->parent)
		if (t == p)
			return 1;
	return 0;
}

int cite_sentence_end(const char *text, size_t i, size_t n)
{
	char c = text[i];
	if (c != '.' && c != ';' && c != '!' && c != '?')
		return 0;
	if (i + 1 >= n || text[i + 1] == ' ' || text[i + 1] == '\n')
		return 1;
	uint32_t cp;
	utf8_decode(text + i + 1, n - i - 1, &cp);
	return utf8_is_space(cp);
}

char *cite_sentence(const struct cite_link *l)
{
	const char *t = l->from->text;
	size_t n = strlen(t), a = l->start, b = l->end;
	while (a > 0 && t[a - 1] != '\n' && !cite_sentence_end(t, a - 1, n))
		a--;
	while (a < l->start && t[a] == ' ')
		a++;
	while (b < n && t[b] != '\n' && !cite_sentence_end(t, b, n))
		b++;
	if (b < n && t[b] != '\n')
		b++;
	return xstrndup(t + a, b - a);
}

/* What a link cites, for people: "1.2", "ST/SGB/2010/2 (the whole
 * document)", "ST/SGB/1997/5 (/akn/un/...)", "ST/SGB/2010/1 3.2
 * (/akn/un/...)" (a part of it; "#sec_4" when only the eId of a
 * marked-up href is known), or the unresolved reference;
 * in the user's language, --refs included (LC_ALL=C gives English). */
static char *target_text(const struct doc *d, const struct cite_link *l)
{
	if (l->to && l->to->kind == DOC_KIND_DOCUMENT) {
		const char *sym = d->meta.symbol ? d->meta.symbol : d->path;
		/* TRANSLATORS: what a citation of the whole bulletin cites: %s
		 * is the bulletin's symbol, "ST/SGB/2010/2". */
		return xasprintf(_("%s (the whole document)"), sym);
	}
	if (l->to)
		return doc_part_label(l->to);
	if (l->symbol && l->part)
		return xasprintf("%s %s (%s)", l->symbol, l->part, l->iri);
	if (l->symbol && l->eid)
		return xasprintf("%s #%s (%s)", l->symbol, l->eid, l->iri);
	if (l->symbol)
		return xasprintf("%s (%s)", l->symbol, l->iri);
	const char *ref = l->unresolved ? l->unresolved : "?";
	/* TRANSLATORS: what a citation cites when no part has its number: %s
	 * is the number cited, "9.9". */
	return xasprintf(_("%s (no such part)"), ref);
}

void cite_view_refs(struct strbuf *out, const struct doc *d, const struct cite_index *ix)
{
	for (size_t i = 0; i < ix->n; i++) {
		const struct cite_link *l = &ix->v[i];
		char *from = doc_part_label(l->from);
		char *to = target_text(d, l);
		sb_addf(out, "%s\t%.*s\t%s\n", from, (int)(l->end - l->start),
		        l->from->text + l->start, to);
		free(from);
		free(to);
	}
}

/* One citation with its sentence: "2.1 b): Compte tenu … ;" wrapped. */
static void with_sentence(struct strbuf *out, const struct cite_link *l, const char *lead,
                          size_t indent, size_t width)
{
	char *s = cite_sentence(l);
	size_t lw = utf8_width(lead, strlen(lead));
	layout_wrap(out, s, indent, lead, lw + 1, width);
	free(s);
}

/* "2.1 b):", or "5.5 b) (cites 5.2 b)):" when a part below p is cited. */
static char *citing_lead(const struct cite_link *l, const struct doc_part *p)
{
	char *from = doc_part_label(l->from), *lead;
	if (l->to != p) {
		char *to = doc_part_label(l->to);
		/* TRANSLATORS: before a citing sentence: the first %s is the
		 * citing part, the second the part below the one asked about
		 * that it cites: "5.5 b) (cites 5.2 b)):". */
		lead = xasprintf(_("%s (cites %s):"), from, to);
		free(to);
	} else {
		lead = xasprintf("%s:", from);
	}
	free(from);
	return lead;
}

size_t cite_view_cited_by(struct strbuf *out, const struct doc *d, const struct cite_index *ix,
                          const struct doc_part *p, size_t width)
{
	(void)d;
	size_t n = 0;
	for (size_t i = 0; i < ix->n; i++) {
		const struct cite_link *l = &ix->v[i];
		if (!cite_cites(l, p))
			continue;
		char *lead = citing_lead(l, p);
		with_sentence(out, l, lead, 0, width);
		free(lead);
		n++;
	}
	return n;
}

void cite_view_links(struct strbuf *out, const struct doc *d, const struct cite_index *ix,
                     const struct doc_part *p, size_t width)
{
	size_t nout = 0, nin = 0;
	for (size_t i = 0; i < ix->n; i++) {
		const struct cite_link *l = &ix->v[i];
		int inside = 0;
		for (const struct doc_part *f = l->from; f; f = f->parent)
			inside |= f == p;
		if (!inside)
			continue;
		if (nout++ == 0)
			/* TRANSLATORS: --links: the heading of the citations a part makes. */
			sb_addf(out, "\n%s\n", _("Cites:"));
		char *from = doc_part_label(l->from);
		char *to = target_text(d, l);
		struct strbuf line = STRBUF_INIT;
		sb_addf(&line, "%.*s -> %s", (int)(l->end - l->start), l->from->text + l->start,
		        to);
		char *lead = xasprintf("%s:", from);
		layout_wrap(out, sb_str(&line), 2, lead, utf8_width(lead, strlen(lead)) + 1, width);
		free(lead);
		sb_free(&line);
		free(from);
		free(to);
	}
	for (size_t i = 0; i < ix->n; i++) {
		const struct cite_link *l = &ix->v[i];
		if (!cite_cites(l, p))
			continue;
		if (nin++ == 0)
			/* TRANSLATORS: --links: the heading of the parts that cite a part. */
			sb_addf(out, "\n%s\n", _("Cited by:"));
		char *lead = citing_lead(l, p);
		with_sentence(out, l, lead, 2, width);
		free(lead);
	}
	if (nout == 0 && nin == 0)
		sb_addf(out, "\n%s\n", _("No citation from or to this part."));
}
