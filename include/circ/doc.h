/* doc.h: the in-memory model of one Akoma Ntoso document.
 *
 * doc_load() reads an Akoma Ntoso 3.0 file of any document type with
 * libxml2 (no network, no DTD, no entity expansion), runs the semantic
 * checks (unique eIds, every "#eId" reference resolves, the organisation
 * block when there is one) and builds this model from the vocabulary
 * itself: every hierarchical element becomes a part. Problems the checks
 * find do not stop the load (the caller decides: --strict refuses). The
 * model owns all its memory; doc_free() releases it. Nothing here depends
 * on libxml2 once loaded.
 *
 * Parts form a tree under doc->root (kind DOC_KIND_DOCUMENT): the preface,
 * the preamble, the hierarchy (sections, articles, chapters..., their
 * paragraphs, points and sub-points), the conclusions, the attachments and
 * the notes. doc->parts lists every part but the root in document order. */
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
	DOC_KIND_CONCLUSIONS,
	DOC_KIND_PREFACE,  /* the preface or cover page: what the title block does not show */
	DOC_KIND_DIVISION, /* a headed level: chapter, part, article, annex, debate section... */
	DOC_KIND_BLOCK,    /* text without a number: after a level's parts, a speech... */
	DOC_KIND_NOTE,     /* a footnote (authorialNote, note), at the end of the document */
	DOC_KIND_TABLE     /* a table: its cells' texts, one per line, and struct doc_table */
};

/* A table cell: bytes [start, end) of the table part's text (no '\n'). */
struct doc_cell {
	size_t row, col;
	int header; /* a th */
	size_t start, end;
};

/* The shape of a table part: its cells in reading order, row by row. */
struct doc_table {
	size_t nrows, ncols;
	struct doc_cell *cells;
	size_t ncells;
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
	char *elem;    /* the Akoma Ntoso element ("article"; an hcontainer's name) */
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
	size_t order;            /* index in doc->parts */
	int depth;               /* 0 for sections, preamble and conclusions */
	long line;               /* line of the element in the file */
	struct doc_table *table; /* DOC_KIND_TABLE only */
	/* the document it is in: 0 for the document itself, one number for
	 * each document a collection's component or an attachment holds
	 * (each has its own eIds) */
	unsigned scope;
};

/* A modification between documents the metadata records: analysis's
 * textualMod (active or passive) or lifecycle's eventRef. */
struct doc_mod {
	char *type; /* "repeal", "substitution"... as written */
	char *iri;  /* the other document: the destination of an active
	               modification, the source of a passive one or of an
	               event (its <references> entry's href) */
	char *part; /* the part modified (the destination's "#eId" or
	               "~eId"), NULL for the whole document */
};

struct doc_meta {
	char *symbol;           /* "ST/SGB/2010/2" (FRBRnumber showAs) */
	char *work_iri;         /* "/akn/un/statement/bulletin/2010/ST-SGB-2010-2" */
	char *doctype;          /* "Circulaire du Secrétaire général" */
	char *title;            /* "Organisation du Département de l’appui aux missions" */
	char *lang;             /* "fra" */
	int year;               /* 2010; only the year is known */
	char *signatory;        /* "Ban Ki-moon" or NULL */
	char *signatory_role;   /* "Le Secrétaire général" or NULL */
	char *date;             /* "2010-06-01" (FRBRWork's FRBRdate) or NULL */
	char *type;             /* the document element: "statement", "act", "debate"... */
	char *subtype;          /* its name attribute ("bulletin") or NULL */
	struct doc_mod *active; /* what this document modifies */
	size_t nactive;
	struct doc_mod *passive; /* what modified it (passiveModifications,
	                            lifecycle events of type "repeal") */
	size_t npassive;
};

struct unit;

struct doc_alias {
	char *eid;
	struct doc_part *part;
	unsigned scope;
};

struct doc {
	char *path; /* as given by the user */
	struct doc_meta meta;
	struct doc_part *root;
	struct doc_part **parts;
	size_t nparts;
	struct doc_part **by_eid; /* parts with an eId, sorted by eId */
	size_t nby_eid;
	/* the other elements with an eId (a blockList's item, a table's
	 * row...), each with the part it is in, sorted by eId */
	struct doc_alias *aliases;
	size_t naliases;
	/* The organisation (see units.h): every unit in the order the
	 * organisation block lists them (a pre-order walk: the Department,
	 * then each unit followed by its sub-units; external bodies last). */
	struct unit **units;
	size_t nunits;
	struct unit **units_by_id; /* the same, sorted by eId */
	size_t nproblems;          /* problems the checks found while loading */
	/* the lookup's index of the parts' labels (lookup.c), made on first
	 * use, and how to free it */
	void *lookup_cache;
	void (*lookup_cache_free)(void *);
	struct diag_list warnings; /* what --check warns about (naming rule...) */
};

/* Files larger than this are refused before they are parsed. */
#define DOC_MAX_BYTES (32u * 1024u * 1024u)

/* Load path; schema_path is the RELAX NG schema of the organisation block.
 * Returns NULL after adding the problem to diags when the file cannot be
 * read, is not well-formed or is not Akoma Ntoso 3.0. Otherwise returns the
 * model, with every problem the checks found added to diags (and counted
 * in d->nproblems): what the schema or the checks reject is skipped (an
 * invalid organisation block gives no organisation) or kept as it is. */
struct doc *doc_load(const char *path, const char *schema_path, struct diag_list *diags);
void doc_free(struct doc *d);
/* The same without the checks and without the organisation: the parts,
 * their texts and links and the identification, for the library's index
 * (what a reader opens goes through doc_load()). */
struct doc *doc_load_text(const char *path, struct diag_list *diags);
/* Compile the organisation block's RELAX NG schema now (kept for the loads that follow).
 * Returns 0, or -1 after adding the schema's problems to diags: a broken
 * schema is a fault of the installation, not of any document. */
int doc_schema_load(const char *schema_path, struct diag_list *diags);
/* Release the compiled schema kept between loads (at exit, for leak checkers). */
void doc_release_cache(void);

/* The part with this eId, or the part holding the element with this eId,
 * or NULL; in the document itself first, then in the documents it holds. */
struct doc_part *doc_find_eid(const struct doc *d, const char *eid);
/* The same as a link from part from reads it: in the document from is in
 * first (the eIds of a collection's documents are their own). */
struct doc_part *doc_find_eid_from(const struct doc *d, const char *eid,
                                   const struct doc_part *from);
/* The label users read and type: "Section 5", "5.7", "5.7 b)", "7.3 d) ii)",
 * "preamble", "conclusions" (in the user's language: "préambule" and
 * "signature" in French; the lookup takes every one of these words).
 * Newly allocated. */
char *doc_part_label(const struct doc_part *p);
/* The same for people to read, in the user's language: "préambule" and
 * "signature" in French, else as doc_part_label(). Newly allocated. */
char *doc_part_title(const struct doc_part *p);
/* Is p a level of the outline and the table of contents (a section, an
 * article, a paragraph, a point, a note, a speaker's turn...)? */
int doc_part_is_level(const struct doc_part *p);
/* Does p show its number and heading on lines of their own (a section, a
 * chapter, an article, a speech...) rather than before its text? */
int doc_part_is_headed(const struct doc_part *p);
/* What the document is, for a title line: its type and name, date and
 * language ("statement bulletin · 2010-06-01 · fra"); "" when none is
 * known. Newly allocated. */
char *doc_identity(const struct doc *d);
/* The section a part belongs to, or NULL. */
const struct doc_part *doc_part_section(const struct doc_part *p);

#endif
