/* library.h: the library: every document circ can open, from the bundled
 * content, the administrator's directory, the user's directory and the
 * command line, with what is known of each without opening it (its
 * identification, what it cites, what it abolishes), the links between
 * them (which document abolishes which, the language versions of one work,
 * citations from one to another) and a search across all of them.
 *
 * What is known of each document comes from the index (libindex.h) when it
 * holds an entry for the file as it is now, else from the XML (and the
 * entry is written, when there is somewhere to write it). */
#ifndef CIRC_LIBRARY_H
#define CIRC_LIBRARY_H

#include <stddef.h>

#include "circ/diag.h"
#include "circ/doc.h"
#include "circ/search.h"
#include "circ/strbuf.h"

#define LIB_NONE ((size_t)-1)

/* Where a document of the library comes from, in the order they are read. */
enum lib_origin {
	LIB_BUNDLED, /* the bundled content ($(pkgdatadir)) */
	LIB_SYSTEM,  /* the administrator's library directory */
	LIB_USER,    /* $XDG_DATA_HOME/circ/library */
	LIB_ARGS     /* a file or directory named on the command line */
};

/* A citation of another document, from a part of this one. */
struct lib_cite {
	char *from_eid;   /* the citing part's eId ("" when it has none) */
	char *from_label; /* its label, as doc_part_label() gives it ("1.1") */
	char *symbol;     /* the cited document's symbol, as written */
	char *iri;        /* its work IRI ("/akn/un/statement/bulletin/...") */
	char *part;       /* the part cited, as lookup_ref() takes it ("3.2"), or NULL */
	char *eid;        /* or its eId (an IRI's fragment), or NULL */
	char *text;       /* the citation as written */
	char *sentence;   /* the sentence that holds it */
};

/* A document this one abolishes or supersedes (passive: the document's
 * metadata says that symbol abolishes this one). */
struct lib_abolish {
	char *symbol;
	char *iri;
	char *from_eid;   /* the part that says so ("" for the metadata) */
	char *from_label; /* its label ("" for the metadata) */
	int passive;
};

/* One document of the library. */
struct lib_doc {
	char *path; /* the file */
	enum lib_origin origin;
	char *symbol;           /* "ST/SGB/2010/2"; the file's name when the document has none */
	char *work_iri;         /* "" when none */
	char *lang;             /* "fra", "eng"; "" when none */
	char *date;             /* "2010-06-01"; "" when none */
	char *type;             /* "statement bulletin", "act"... */
	char *doctype;          /* "Circulaire du Secrétaire général"; "" when none */
	char *title;            /* "" when none */
	struct lib_cite *cites; /* see lib_load_cites() */
	size_t ncites;
	int cites_loaded;
	struct lib_abolish *abolishes;
	size_t nabolishes;
	/* derived over the library by lib_open() */
	size_t abolished_by;    /* the document that abolishes this one, or LIB_NONE */
	size_t abolished_entry; /* the entry of its abolishes that says so */
	char *abolished_symbol; /* who abolishes it, when that is not in the
	                           library (its metadata says so), or NULL */
	size_t next_lang;       /* the next language version of the same work
	                           (a ring: itself when there is none) */
	/* where its index entry is (libindex.h) */
	unsigned long long hash; /* its content's hash */
	int entry_in;            /* 0: none (read from the XML), 1: the
	                            administrator's index, 2: the user's */
	int borrowed;            /* the strings are an index file's bytes,
	                            which the library keeps (not freed one
	                            by one) */
};

/* Where the library is read from; any directory may be NULL. */
struct lib_setup {
	const char *bundled; /* the bundled content's directory */
	const char *system;  /* the administrator's library */
	const char *user;    /* the user's library */
	const char *cache;   /* where the user's index is kept; NULL: none is written */
	char *const *args;   /* files and directories named on the command line */
	size_t nargs;
	const char *schema; /* the organisation block's schema (doc_load) */
};

struct library {
	struct lib_doc *v;
	size_t n;
	struct diag_list diags; /* files that are not documents, could not be read... */
	size_t indexed;         /* documents read from the index */
	size_t parsed;          /* documents read from their XML */
	char *index[3];         /* the index directories: [1] the
	                           administrator's, [2] the user's (NULL: none) */
	const char *schema;
	char **arenas; /* index files whose bytes documents point into */
	size_t narenas;
};

/* The default directories: system from configure (--with-library-dir,
 * $(pkgdatadir)/library), user $XDG_DATA_HOME/circ/library (else
 * ~/.local/share/circ/library), cache $XDG_CACHE_HOME/circ (else
 * ~/.cache/circ). Restricted: no user library, no cache. The strings are
 * allocated; lib_setup_free() releases them. */
void lib_setup_default(struct lib_setup *s, const char *bundled, int restricted);
void lib_setup_free(struct lib_setup *s);

/* Read the library. Documents that cannot be read are left out, each with
 * a problem in lib->diags. Returns the number of documents. */
size_t lib_open(struct library *lib, const struct lib_setup *s);
void lib_free(struct library *lib);

/* The *.xml regular files of dir as real paths, sorted (allocated: free each and
 * the array); -1 when dir cannot be read. */
long lib_list_dir(const char *dir, char ***out);

/* Build (or bring up to date) the index of the administrator's library
 * dir, in dir/.circ-index. Returns the number of documents indexed, or -1
 * when the index cannot be written (the reason in diags). */
long lib_build_index(const char *dir, const char *schema, struct diag_list *diags);

/* Load document i of the library (doc_load(); NULL with the problems in
 * diags when it cannot be read). */
struct doc *lib_load(const struct library *lib, size_t i, struct diag_list *diags);

/* The document with this symbol (case and spaces ignored), work IRI or
 * path, in language lang when there is one (NULL: the first read), or
 * LIB_NONE. */
size_t lib_find(const struct library *lib, const char *name, const char *lang);
/* The document a citation names (its IRI, else its symbol), preferring the
 * language lang, or LIB_NONE. */
size_t lib_find_cite(const struct library *lib, const struct lib_cite *c, const char *lang);

/* The documents in order: by symbol, or by date (newest first), one
 * entry per work (the first language version read stands for the others)
 * when one_per_work; *order is allocated. Returns how many. */
size_t lib_order(const struct library *lib, int by_date, int one_per_work, size_t **order);
/* Does document i's work match what is typed: every word of filter
 * appears in the symbol, title, type, date, language or status (when
 * abolished) of one of its language versions, case and accents ignored? */
int lib_matches(const struct library *lib, size_t i, const char *filter);

/* One line for --list: "SYMBOL<TAB>DATE<TAB>LANG<TAB>TYPE<TAB>TITLE<TAB>STATUS<TAB>PATH". */
void lib_list_line(struct strbuf *out, const struct library *lib, size_t i);
/* --info: the identification and status of a document, a field a line. */
void lib_info(struct strbuf *out, const struct library *lib, size_t i);
/* Its status in a few words: "in force", "abolished by ST/SGB/2011/7 (8.1)". Allocated. */
char *lib_status(const struct library *lib, size_t i);

/* Make every document's citations known (the index keeps them apart from
 * what the library's opening reads). */
void lib_load_cites(struct library *lib);

/* A citation of document doc (loaded as d) by another document of the library. */
struct lib_citing {
	size_t doc;                /* the citing document */
	const struct lib_cite *c;  /* the citation */
	const struct doc_part *to; /* the part of d it cites (d->root: the whole) */
};
/* The citations of p (or a part below it) from the other documents of the
 * library, grouped by citing document in library order; *out is
 * allocated. Returns how many. */
size_t lib_cited_by(struct library *lib, size_t doc, const struct doc *d, const struct doc_part *p,
                    struct lib_citing **out);

/* --cited-by across the library: each citation of p (or a part below it)
 * from another document, "SYMBOL PART: sentence" wrapped to width, after
 * lib_cited_by(). Returns how many. */
size_t lib_view_cited_by(struct strbuf *out, struct library *lib, size_t doc, const struct doc *d,
                         const struct doc_part *p, size_t width);

/* A match of a search across the library. */
struct lib_hit {
	size_t doc;
	const char *eid;   /* the part's eId ("" for the title block) */
	const char *label; /* its label, as search_hit_label() gives it */
	enum search_field field;
	const char *text;  /* the field's text */
	size_t start, end; /* the match's bytes in text */
};
/* Called for each match, document by document in the order given; a
 * non-zero return stops the search. */
typedef int (*lib_hit_fn)(void *arg, const struct lib_hit *h);
/* Search documents docs[0..ndocs) (NULL: every document in library order)
 * with s, calling fn for each match in the same order and with the same
 * fields as search_doc(). Returns 0, 1 when fn stopped it, or -1 with *err
 * set (the pattern is too complex). */
int lib_search(const struct library *lib, struct search *s, const size_t *docs, size_t ndocs,
               lib_hit_fn fn, void *arg, char **err);

#endif
