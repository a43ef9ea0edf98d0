/* doc_check_draft.c: what `circ --check` says of a draft organisation
 * block (draft="true", proposed by `circ import --draft-org`): warnings,
 * one a line, for what a person reviewing it has to complete: a unit
 * without head, a head without reporting line (the head of an office,
 * office="true", reports as the head of the unit it is the office of), a
 * unit without parent but the top one (doc_check_org.c). The block is
 * otherwise checked as any other. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "circ/i18n.h"
#include "circ/xalloc.h"
#include "doc_internal.h"

static int is_org(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       strcmp((const char *)n->ns->href, DOC_ORG_NS) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

/* The showAs of the TLCOrganization of eId id ("#x" or "x"), or NULL. */
static char *unit_name(const xmlNode *org, const char *id)
{
	if (id[0] == '#')
		id++;
	const xmlNode *meta = org;
	while (meta && !doc_is(meta, "meta"))
		meta = meta->parent;
	const xmlNode *refs = meta ? doc_child(meta, "references") : NULL;
	for (const xmlNode *t = refs ? refs->children : NULL; t; t = t->next) {
		if (!doc_is(t, "TLCOrganization"))
			continue;
		char *e = doc_attr(t, "eId");
		int hit = e && strcmp(e, id) == 0;
		free(e);
		if (hit)
			return doc_attr(t, "showAs");
	}
	return NULL;
}

void doc_draft_warn(struct diag_list *warns, const char *path, const xmlNode *u,
                    enum doc_draft what, const char *id)
{
	char *name = unit_name(u, id);
	const char *n = name ? name : "?";
	char *msg = NULL;
	switch (what) {
	case DOC_DRAFT_NO_HEAD:
		/* TRANSLATORS: a unit's eId, then its name */
		msg = xasprintf(_("draft organisation: unit '%s' (%s) has no head"), id, n);
		break;
	case DOC_DRAFT_NO_PARENT:
		/* TRANSLATORS: a unit's eId, then its name */
		msg = xasprintf(_("draft organisation: unit '%s' (%s) has no parent: only the top "
		                  "unit may have none"),
		                id, n);
		break;
	case DOC_DRAFT_NO_REPORT:
		/* TRANSLATORS: a unit's eId, then its name */
		msg = xasprintf(_("draft organisation: the head of unit '%s' (%s) has no "
		                  "reporting line"),
		                id, n);
		break;
	}
	/* TRANSLATORS: %s is what --check warns about */
	diag_add(warns, path, xmlGetLineNo(u), 0, _("warning: %s"), msg);
	free(msg);
	free(name);
}

void doc_check_draft(const xmlNode *org, const char *path, struct diag_list *warns)
{
	for (const xmlNode *u = org->children; u; u = u->next) {
		if (!is_org(u, "unit"))
			continue;
		char *ext = doc_attr(u, "external");
		char *id = doc_attr(u, "org");
		if (id && !(ext && strcmp(ext, "true") == 0)) {
			const xmlNode *head = NULL;
			int reports = 0;
			for (const xmlNode *c = u->children; c; c = c->next) {
				if (is_org(c, "head") && head == NULL)
					head = c;
				reports += is_org(c, "reportsTo");
			}
			char *office = head ? doc_attr(head, "office") : NULL;
			if (head == NULL)
				doc_draft_warn(warns, path, u, DOC_DRAFT_NO_HEAD, id);
			else if (reports == 0 && !(office && strcmp(office, "true") == 0))
				doc_draft_warn(warns, path, head, DOC_DRAFT_NO_REPORT, id);
			free(office);
		}
		free(id);
		free(ext);
	}
}
