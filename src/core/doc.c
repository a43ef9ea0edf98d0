/* doc.c: loading a bulletin (read, validate, check, build) and the lookups
 * every front end needs on the model (see doc.h). */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "circ/i18n.h"
#include "circ/units.h"
#include "circ/xalloc.h"
#include "doc_internal.h"

/* Order problems from position: by line, keeping the order of equal lines. */
static void sort_from(struct diag_list *dl, size_t from)
{
	for (size_t i = from + 1; i < dl->n; i++) {
		struct diag d = dl->v[i];
		size_t j = i;
		while (j > from && dl->v[j - 1].line > d.line) {
			dl->v[j] = dl->v[j - 1];
			j--;
		}
		dl->v[j] = d;
	}
}

struct doc *doc_load(const char *path, const char *schema_path, struct diag_list *diags)
{
	size_t before = diags->n;
	xmlDocPtr x = doc_read_xml(path, schema_path, diags);
	if (x == NULL) {
		if (diags->n == before)
			diag_add(diags, path, 0, 0, _("cannot be loaded"));
		return NULL;
	}
	if (doc_check(x, path, diags) > 0) {
		sort_from(diags, before);
		xmlFreeDoc(x);
		return NULL;
	}
	struct doc *d = doc_build(x, path);
	xmlFreeDoc(x);
	return d;
}

void doc_release_cache(void)
{
	doc_read_release();
	xmlCleanupParser();
}

static void free_part(struct doc_part *p)
{
	for (size_t i = 0; i < p->nkids; i++)
		free_part(p->kids[i]);
	for (size_t i = 0; i < p->nlinks; i++)
		free(p->links[i].target);
	free(p->links);
	free(p->kids);
	free(p->eid);
	free(p->num);
	free(p->heading);
	free(p->text);
	free(p);
}

void doc_free(struct doc *d)
{
	if (d == NULL)
		return;
	if (d->root)
		free_part(d->root);
	free(d->parts);
	free(d->by_eid);
	for (size_t i = 0; i < d->nunits; i++)
		unit_free(d->units[i]);
	free(d->units);
	free(d->units_by_id);
	free(d->path);
	free(d->meta.symbol);
	free(d->meta.work_iri);
	free(d->meta.doctype);
	free(d->meta.title);
	free(d->meta.lang);
	free(d->meta.signatory);
	free(d->meta.signatory_role);
	free(d);
}

/* bsearch comparison of an eId with a part. */
static int cmp_key_part(const void *key, const void *elem)
{
	return strcmp(key, (*(struct doc_part *const *)elem)->eid);
}

struct doc_part *doc_find_eid(const struct doc *d, const char *eid)
{
	if (d->nby_eid == 0)
		return NULL;
	struct doc_part **p = bsearch(eid, d->by_eid, d->nby_eid, sizeof *d->by_eid, cmp_key_part);
	return p ? *p : NULL;
}

char *doc_part_title(const struct doc_part *p)
{
	/* TRANSLATORS: the parts before and after the numbered text, as the
	 * browser names them (what a user types to go there: the lookup also
	 * accepts préambule, preamble, signature and conclusions) */
	if (p->kind == DOC_KIND_PREAMBLE)
		return xstrdup(_("preamble"));
	if (p->kind == DOC_KIND_CONCLUSIONS)
		return xstrdup(_("signature"));
	return doc_part_label(p);
}

char *doc_part_label(const struct doc_part *p)
{
	switch (p->kind) {
	case DOC_KIND_DOCUMENT:
		return xstrdup(p->num ? p->num : "document");
	case DOC_KIND_PREAMBLE:
		/* the browser's word (doc_part_title) in the user's language */
		return xstrdup(_("preamble"));
	case DOC_KIND_CONCLUSIONS:
		/* TRANSLATORS: the signature block at the end of the bulletin
		 * as the command line names it (--refs, --search); in French
		 * the browser's word for it, « signature » (the lookup
		 * accepts conclusions and signature in every language) */
		return xstrdup(_("conclusions"));
	case DOC_KIND_POINT:
		if (p->parent &&
		    (p->parent->kind == DOC_KIND_POINT || p->parent->kind == DOC_KIND_PARAGRAPH)) {
			char *up = doc_part_label(p->parent);
			char *r = xasprintf("%s %s", up, p->num ? p->num : "?");
			free(up);
			return r;
		}
		return xstrdup(p->num ? p->num : "?");
	case DOC_KIND_SECTION:
	case DOC_KIND_PARAGRAPH:
	default:
		return xstrdup(p->num ? p->num : "?");
	}
}

const struct doc_part *doc_part_section(const struct doc_part *p)
{
	while (p && p->kind != DOC_KIND_SECTION)
		p = p->parent;
	return p;
}
