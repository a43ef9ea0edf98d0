/* doc.h: the in-memory model of one bulletin.
 *
 * doc_load() reads an Akoma Ntoso file with libxml2 (no network, no DTD, no
 * entity expansion), validates it against the project's RELAX NG subset, runs
 * the semantic checks (unique eIds, eIds spelled from the nums, every "#eId"
 * reference resolves) and builds this model. The model owns all its memory;
 * doc_free() releases it. Nothing here depends on libxml2 once loaded.
 *
 * Parts form a tree under doc->root (kind DOC_KIND_DOCUMENT): the preamble,
 * the sections, their paragraphs, points and sub-points, and the conclusions.
 * doc->parts lists every part but the root in document order. */
#ifndef CIRC_DOC_H
#define CIRC_DOC_H

#include <stddef.h>

#include "circ/diag.h"

enum doc_kind {
	DOC_KIND_DOCUMENT,
	DOC_KIND_PREAMBLE,
	DOC_KIND_SECTION,
	DOC_KIND_PARAGRAPH,
	DOC_KIND_POINT,
	DOC_KIND_CONCLUSIONS
};

/* What a marked-up span of a part's text is. */
enum doc_link_kind {
	DOC_LINK_REF, /* <ref href>: a citation of a part or another document */
	DOC_LINK_ORG  /* <organization refersTo>: a mention of a unit */
};

/* A marked-up span inside a part's text: bytes [start, end). */
struct doc_link {
	enum doc_link_kind kind;
	size_t start;
	size_t end;
	/* REF: "#eId" or an Akoma Ntoso IRI "/akn/..."; ORG: "#unit-eId" */
	char *target;
};

struct doc_part {
	enum doc_kind kind;
	char *eid;     /* "sec_5__para_5-7__list_1__point_b"; NULL for root */
	char *num;     /* "Section 5", "5.7", "b)"; NULL when none */
	char *heading; /* a section's heading; NULL when none */
	/* The part's own text, normalised: runs of ASCII white space become one
	 * space, no leading or trailing space, '\n' between blocks (<p>, <eol/>).
	 * For a paragraph or point with a list, this is the list's intro. */
	char *text;
	struct doc_link *links;
	size_t nlinks;
	struct doc_part *parent;
	struct doc_part **kids;
	size_t nkids;
	size_t order; /* index in doc->parts */
	int depth;    /* 0 for sections, preamble and conclusions */
	long line;    /* line of the element in the file */
};

struct doc_meta {
	char *symbol;         /* "ST/SGB/2010/2" (FRBRnumber showAs) */
	char *work_iri;       /* "/akn/un/statement/bulletin/2010/ST-SGB-2010-2" */
	char *doctype;        /* "Circulaire du Secrétaire général" */
	char *title;          /* "Organisation du Département de l’appui aux missions" */
	char *lang;           /* "fra" */
	int year;             /* 2010; only the year is known */
	char *signatory;      /* "Ban Ki-moon" or NULL */
	char *signatory_role; /* "Le Secrétaire général" or NULL */
};

struct unit;

struct doc {
	char *path; /* as given by the user */
	struct doc_meta meta;
	struct doc_part *root;
	struct doc_part **parts;
	size_t nparts;
	struct doc_part **by_eid; /* parts with an eId, sorted by eId */
	size_t nby_eid;
	/* The organisation (see units.h): every unit in the order the
	 * organisation block lists them (a pre-order walk: the Department,
	 * then each unit followed by its sub-units; external bodies last). */
	struct unit **units;
	size_t nunits;
	struct unit **units_by_id; /* the same, sorted by eId */
};

/* Files larger than this are refused before they are parsed. */
#define DOC_MAX_BYTES (32u * 1024u * 1024u)

/* Load path, validating with the RELAX NG schema at schema_path. Returns the
 * model, or NULL after adding every problem found to diags (loading stops at
 * the first stage that fails: reading, parsing, schema, semantic checks). */
struct doc *doc_load(const char *path, const char *schema_path, struct diag_list *diags);
void doc_free(struct doc *d);
/* Compile the RELAX NG schema now (it is kept for the loads that follow).
 * Returns 0, or -1 after adding the schema's problems to diags: a broken
 * schema is a fault of the installation, not of any document. */
int doc_schema_load(const char *schema_path, struct diag_list *diags);
/* Release the compiled schema kept between loads (at exit, for leak checkers). */
void doc_release_cache(void);

/* The part with this eId, or NULL. */
struct doc_part *doc_find_eid(const struct doc *d, const char *eid);
/* The label users read and type: "Section 5", "5.7", "5.7 b)", "7.3 d) ii)",
 * "preamble", "conclusions" (in the user's language: "préambule" and
 * "signature" in French; the lookup takes every one of these words).
 * Newly allocated. */
char *doc_part_label(const struct doc_part *p);
/* The same for people to read, in the user's language: "préambule" and
 * "signature" in French, else as doc_part_label(). Newly allocated. */
char *doc_part_title(const struct doc_part *p);
/* The section a part belongs to, or NULL. */
const struct doc_part *doc_part_section(const struct doc_part *p);

#endif
