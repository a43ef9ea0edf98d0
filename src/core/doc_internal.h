/* doc_internal.h: what the files of the doc module share with each other:
 * reading and parsing (doc_read.c), building the model (doc_build.c) and the
 * semantic checks (doc_check.c). Private to src/core/doc*.c. */
#ifndef CIRC_DOC_INTERNAL_H
#define CIRC_DOC_INTERNAL_H

#include <libxml/tree.h>

#include "circ/diag.h"
#include "circ/doc.h"
#include "circ/strbuf.h"

#define DOC_AKN_NS "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
/* The project's own namespace, for the organisation block in proprietary. */
#define DOC_ORG_NS "urn:x-circ:organisation:1"

/* Read and parse path, check it is Akoma Ntoso 3.0; NULL (with the problem
 * in diags) on failure. */
xmlDocPtr doc_read_xml(const char *path, struct diag_list *diags);
/* The organisation block (meta/proprietary/circ:organisation) or NULL. */
xmlNodePtr doc_org_block(xmlDocPtr x);
/* Validate the organisation block against the RELAX NG schema: 0 when
 * valid, 1 when there is none, -1 with the problems added to diags. A
 * schema that cannot be compiled is reported (its own file) as -1. */
int doc_org_validate(xmlDocPtr x, const char *path, const char *schema_path,
                     struct diag_list *diags);
/* Free the cached compiled schema. */
void doc_read_release(void);
/* Build the model from a well-formed Akoma Ntoso tree; the organisation
 * too when with_units (its block passed its schema and checks). */
struct doc *doc_build(xmlDocPtr x, const char *path, int with_units);
/* Free n modifications (doc_build.c). */
void doc_mods_free(struct doc_mod *v, size_t n);
/* Free part p and everything below it. */
void doc_free_part(struct doc_part *p);
/* Build d->units from the organisation block under docel, if any. */
void doc_build_units(struct doc *d, const xmlNode *docel);
/* Semantic checks (those of the organisation block when org); adds
 * problems to diags and returns how many; warnings go to warns. */
size_t doc_check(xmlDocPtr x, const char *path, int org, struct diag_list *diags,
                 struct diag_list *warns);
/* The checks of the organisation block (called by doc_check). */
size_t doc_check_org(xmlDocPtr x, const char *path, struct diag_list *diags,
                     struct diag_list *warns);
/* A draft organisation block (draft="true"): a warning for each unit
 * without head, each head without reporting line (doc_check_draft.c). */
void doc_check_draft(const xmlNode *org, const char *path, struct diag_list *warns);
/* A warning about unit id of a draft block, on the line of node u. */
enum doc_draft { DOC_DRAFT_NO_HEAD, DOC_DRAFT_NO_PARENT, DOC_DRAFT_NO_REPORT };
void doc_draft_warn(struct diag_list *warns, const char *path, const xmlNode *u,
                    enum doc_draft what, const char *id);

/* Is n an element of the Akoma Ntoso namespace named name? */
int doc_is(const xmlNode *n, const char *name);
/* First child element of n named name, or NULL. */
xmlNodePtr doc_child(const xmlNode *n, const char *name);
/* An attribute's value (newly allocated) or NULL. */
char *doc_attr(const xmlNode *n, const char *name);
/* Is n an Akoma Ntoso element whose name is in names (sorted, count)? */
int doc_name_in(const xmlNode *n, const char *const *names, size_t count);

/* A footnote met in the text, to become a part at the end (doc_build.c). */
struct doc_note {
	const xmlNode *node;
	char *marker;   /* "1", "*", as printed */
	char *eid;      /* its eId, or one made up for it */
	unsigned scope; /* the document it is in (doc_part.scope) */
};

/* The scope of the parts being made (doc_build.c): a note remembers it. */
unsigned doc_build_scope(void);

struct doc_notes {
	struct doc_note *v;
	size_t n;
	size_t unmarked; /* notes without a marker, numbered in order */
};

/* The text of one part being gathered (doc_text.c). */
struct doc_text {
	struct strbuf sb;
	int space; /* white space seen since the last character */
	int mark;  /* the start of the open link is still to be set */
	struct doc_link *links;
	size_t nlinks;
	struct doc_notes *notes; /* where footnotes go; NULL: their text in place */
	int flat;                /* inside a table cell: blocks are separated by a space */
	int glue;                /* a number was just added: the block after it stays on its line */
};

void dt_init(struct doc_text *a, struct doc_notes *notes);
/* Add text, collapsing ASCII white space. */
void dt_add(struct doc_text *a, const char *s);
/* End a block: what follows starts on a new line. */
void dt_break(struct doc_text *a);
/* Add n's content (text and inline or block elements). */
void dt_inline(struct doc_text *a, const xmlNode *n);
void dt_children(struct doc_text *a, const xmlNode *n);
/* The text gathered, trimmed; the links go to *links (freed when NULL). */
char *dt_finish(struct doc_text *a, struct doc_link **links, size_t *nlinks);

/* The text of n with ASCII white space collapsed and trimmed (allocated). */
char *doc_flat_text(const xmlNode *n);
/* The same, or NULL when n is NULL. */
char *doc_flat_text_or_null(const xmlNode *n);
/* The eId component a num gives: "Section 5" -> "5", "5.7" -> "5-7", "b)" -> "b". */
char *doc_eid_component(const char *num);

#endif
