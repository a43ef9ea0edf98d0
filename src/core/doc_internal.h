/* doc_internal.h: what the files of the doc module share with each other:
 * reading and parsing (doc_read.c), building the model (doc_build.c) and the
 * semantic checks (doc_check.c). Private to src/core/doc*.c. */
#ifndef CIRC_DOC_INTERNAL_H
#define CIRC_DOC_INTERNAL_H

#include <libxml/tree.h>

#include "circ/diag.h"
#include "circ/doc.h"

#define DOC_AKN_NS "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
/* The project's own namespace, for the organisation block in proprietary. */
#define DOC_ORG_NS "urn:x-circ:organisation:1"

/* Read, parse and validate path; NULL (with problems in diags) on failure. */
xmlDocPtr doc_read_xml(const char *path, const char *schema_path, struct diag_list *diags);
/* Free the cached compiled schema. */
void doc_read_release(void);
/* Build the model from a valid tree. */
struct doc *doc_build(xmlDocPtr x, const char *path);
/* Build d->units from the organisation block under docel, if any. */
void doc_build_units(struct doc *d, const xmlNode *docel);
/* Semantic checks; adds problems to diags and returns how many. */
size_t doc_check(xmlDocPtr x, const char *path, struct diag_list *diags);
/* The checks of the organisation block (called by doc_check). */
size_t doc_check_org(xmlDocPtr x, const char *path, struct diag_list *diags);

/* Is n an element of the Akoma Ntoso namespace named name? */
int doc_is(const xmlNode *n, const char *name);
/* First child element of n named name, or NULL. */
xmlNodePtr doc_child(const xmlNode *n, const char *name);
/* An attribute's value (newly allocated) or NULL. */
char *doc_attr(const xmlNode *n, const char *name);
/* The text of n with ASCII white space collapsed and trimmed (allocated). */
char *doc_flat_text(const xmlNode *n);
/* The eId component a num gives: "Section 5" -> "5", "5.7" -> "5-7", "b)" -> "b". */
char *doc_eid_component(const char *num);

#endif
