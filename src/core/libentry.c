/* libentry.c: what the library keeps of a loaded document (see
 * libindex.h): its head (identification, citations of other documents,
 * abolitions) and its body (the parts' labels and texts, folded for
 * search). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "circ/abolish.h"
#include "circ/cite.h"
#include "circ/fold.h"
#include "circ/i18n.h"
#include "circ/libindex.h"
#include "circ/strbuf.h"
#include "circ/xalloc.h"
#include "libindex_internal.h"

/* s, or "" when NULL, allocated. */
static char *dup0(const char *s)
{
	return xstrdup(s ? s : "");
}

/* The last component of a path. */
static const char *file_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s && s[1] ? s + 1 : path;
}

/* The citations of other documents. */
static void head_cites(const struct doc *d, struct lib_doc *e)
{
	struct cite_index ix;
	cite_index_build(d, &ix);
	size_t cap = 0;
	for (size_t i = 0; i < ix.n; i++) {
		const struct cite_link *l = &ix.v[i];
		if (l->symbol == NULL)
			continue;
		e->cites = xgrowarray(e->cites, &cap, e->ncites + 1, sizeof *e->cites);
		struct lib_cite *c = &e->cites[e->ncites++];
		c->from_eid = dup0(l->from->eid);
		c->from_label = doc_part_label(l->from);
		c->symbol = xstrdup(l->symbol);
		c->iri = dup0(l->iri);
		c->part = l->part ? xstrdup(l->part) : NULL;
		c->eid = l->eid ? xstrdup(l->eid) : NULL;
		c->text = xstrndup(l->from->text + l->start, l->end - l->start);
		c->sentence = cite_sentence(l);
	}
	cite_index_free(&ix);
}

/* What the document abolishes, and what abolishes it (abolish.h). */
static void head_abolishes(const struct doc *d, struct lib_doc *e)
{
	struct abolish_list al = {NULL, 0};
	abolish_find(d, &al);
	e->abolishes = al.n ? xcalloc(al.n, sizeof *e->abolishes) : NULL;
	for (size_t i = 0; i < al.n; i++) {
		const struct abolish *a = &al.v[i];
		struct lib_abolish *o = &e->abolishes[e->nabolishes++];
		o->symbol = xstrdup(a->symbol);
		o->iri = dup0(a->iri);
		int meta = a->from == NULL || a->from->kind == DOC_KIND_DOCUMENT;
		o->from_eid = dup0(meta ? NULL : a->from->eid);
		o->from_label = meta ? xstrdup("") : doc_part_label(a->from);
		o->passive = a->passive;
	}
	abolish_list_free(&al);
}

/* Is the label of a part of this kind a word of the user's language? */
static int translated(enum doc_kind k)
{
	return k == DOC_KIND_DOCUMENT || k == DOC_KIND_PREAMBLE || k == DOC_KIND_CONCLUSIONS ||
	       k == DOC_KIND_PREFACE || k == DOC_KIND_NOTE;
}

char *lix_label(const struct lix_body *b, size_t k)
{
	enum doc_kind kind = (enum doc_kind)b->kinds[k];
	if (k == 0)
		/* the title block, as search_hit_label() names it */
		return xstrdup(_("title"));
	if (!translated(kind))
		return xstrdup(b->labels[k]);
	struct doc_part p;
	memset(&p, 0, sizeof p);
	p.kind = kind;
	p.num = b->labels[k][0] ? b->labels[k] : NULL;
	return doc_part_label(&p);
}

/* Append a field's text and its folded form to the body's strings; the
 * offsets go into f (made pointers by body_fix). */
static void body_field(struct lix_body *b, size_t *cap, uint32_t part, enum search_field field,
                       const char *text)
{
	if (text == NULL || text[0] == '\0')
		return;
	b->f = xgrowarray(b->f, cap, b->nf + 1, sizeof *b->f);
	struct lix_field *f = &b->f[b->nf++];
	struct fold fo;
	size_t n = strlen(text);
	fold_text(&fo, text, n, LIX_FOLD | FOLD_NO_MAP);
	f->part = part;
	f->field = field;
	f->len = n;
	f->flen = fo.len;
	/* offsets for now */
	f->text = (const char *)(uintptr_t)b->own.len;
	sb_add(&b->own, text, n + 1);
	f->folded = (const char *)(uintptr_t)b->own.len;
	sb_add(&b->own, fo.s, fo.len + 1);
	fold_free(&fo);
}

void lix_body_build(const struct doc *d, struct lix_body *b)
{
	memset(b, 0, sizeof *b);
	b->nparts = d->nparts + 1;
	b->eids = xcalloc(b->nparts, sizeof *b->eids);
	b->labels = xcalloc(b->nparts, sizeof *b->labels);
	b->kinds = xcalloc(b->nparts, sizeof *b->kinds);
	b->eids[0] = xstrdup("");
	b->labels[0] = xstrdup("");
	b->kinds[0] = DOC_KIND_DOCUMENT;
	size_t cap = 0;
	body_field(b, &cap, 0, SEARCH_DOCTYPE, d->meta.doctype);
	body_field(b, &cap, 0, SEARCH_TITLE, d->meta.title);
	for (size_t i = 0; i < d->nparts; i++) {
		const struct doc_part *p = d->parts[i];
		b->eids[i + 1] = dup0(p->eid);
		b->labels[i + 1] = translated(p->kind) ? dup0(p->num) : doc_part_label(p);
		b->kinds[i + 1] = (unsigned char)p->kind;
		body_field(b, &cap, (uint32_t)(i + 1), SEARCH_NUM, p->num);
		body_field(b, &cap, (uint32_t)(i + 1), SEARCH_HEADING, p->heading);
		body_field(b, &cap, (uint32_t)(i + 1), SEARCH_TEXT, p->text);
	}
	for (size_t k = 0; k < b->nf; k++) {
		b->f[k].text = b->own.s + (uintptr_t)b->f[k].text;
		b->f[k].folded = b->own.s + (uintptr_t)b->f[k].folded;
	}
}

void lix_body_free(struct lix_body *b)
{
	for (size_t i = 0; i < b->nparts && b->mem == NULL; i++) {
		free(b->eids[i]);
		free(b->labels[i]);
	}
	free(b->eids);
	free(b->labels);
	free(b->kinds);
	free(b->f);
	free(b->mem);
	sb_free(&b->own);
	memset(b, 0, sizeof *b);
}

void lix_from_doc(const struct doc *d, struct lib_doc *e, struct lix_body *b)
{
	const struct doc_meta *m = &d->meta;
	e->symbol = xstrdup(m->symbol && m->symbol[0] ? m->symbol : file_name(d->path));
	e->work_iri = dup0(m->work_iri);
	e->lang = dup0(m->lang);
	e->date = dup0(m->date);
	e->type = m->subtype && m->subtype[0]
	              ? xasprintf("%s %s", m->type ? m->type : "", m->subtype)
	              : dup0(m->type);
	e->doctype = dup0(m->doctype);
	e->title = dup0(m->title);
	e->cites = NULL;
	e->ncites = 0;
	e->cites_loaded = 1;
	e->abolishes = NULL;
	e->nabolishes = 0;
	head_cites(d, e);
	head_abolishes(d, e);
	if (b)
		lix_body_build(d, b);
}

void lix_doc_free(struct lib_doc *e)
{
	/* the citations are always the document's own */
	for (size_t i = 0; i < e->ncites; i++) {
		struct lib_cite *c = &e->cites[i];
		free(c->from_eid);
		free(c->from_label);
		free(c->symbol);
		free(c->iri);
		free(c->part);
		free(c->eid);
		free(c->text);
		free(c->sentence);
	}
	free(e->cites);
	e->cites = NULL;
	e->ncites = 0;
	if (e->borrowed) {
		/* the strings are an index file's bytes: only the array */
		free(e->abolishes);
		free(e->abolished_symbol);
		e->abolishes = NULL;
		e->abolished_symbol = NULL;
		return;
	}
	free(e->symbol);
	free(e->work_iri);
	free(e->lang);
	free(e->date);
	free(e->type);
	free(e->doctype);
	free(e->title);
	for (size_t i = 0; i < e->nabolishes; i++) {
		free(e->abolishes[i].symbol);
		free(e->abolishes[i].iri);
		free(e->abolishes[i].from_eid);
		free(e->abolishes[i].from_label);
	}
	free(e->abolishes);
	free(e->abolished_symbol);
	e->cites = NULL;
	e->abolishes = NULL;
	e->abolished_symbol = NULL;
	e->symbol = e->work_iri = e->lang = e->date = e->type = e->doctype = e->title = NULL;
}
