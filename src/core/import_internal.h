/* import_internal.h: what the importer's two files share: the tree read
 * from the text (import.c) and its writing as Akoma Ntoso (import_write.c).
 * Private to src/core/import*.c. */
#ifndef CIRC_IMPORT_INTERNAL_H
#define CIRC_IMPORT_INTERNAL_H

#include <stddef.h>

#include "circ/diag.h"
#include "circ/strbuf.h"

struct strmap;

/* One line of the input, its spaces and tabs collapsed and trimmed; no is
 * its line number in the input (1-based). */
struct line {
	char *s;
	long no;
};

/* A run of text (one <p>) and where it comes from. */
struct para_text {
	char *text;
	long no;
	int cont; /* it went on from the line before (no blank line between) */
};

/* A cross-heading is a heading line between the paragraphs of a section
 * (« Champ d'application »); its text is its heading. */
enum node_kind { N_SECTION, N_PARA, N_POINT, N_HEADING };

/* A section, paragraph or point of the tree. */
struct node {
	enum node_kind kind;
	char *num;     /* as written */
	char *key;     /* "1", "1.1", "a", "ii" */
	char *heading; /* sections */
	char *eid;
	unsigned twins;          /* later parts given this eId with _N (imp_give_eids) */
	struct para_text *texts; /* its text before its list (or all of it) */
	size_t ntexts;
	struct node **kids; /* paragraphs of a section, points of a list */
	size_t nkids;
	struct para_text *wrap; /* its text after its list (wrapUp) */
	size_t nwrap;
	int roman; /* points: a roman numeral */
	long no;
};

/* An annex: after the signature, « Annexe » / "Annex I" on a line of its
 * own, then its title and its text. */
struct annex {
	char *num;               /* "Annex", "Annexe II" */
	char *title;             /* may be NULL */
	char *eid;               /* att_1 */
	struct para_text *texts; /* text before its first numbered part */
	size_t ntexts;
	struct node **secs;
	size_t nsecs;
};

/* A footnote: its text at the foot of a page after a rule of underscores,
 * its mark glued to the text it annotates. In a text, the mark's place is
 * IMP_NOTE_MARK, the note's index in decimal, IMP_NOTE_END. */
struct imp_note {
	char *marker; /* "1" */
	char *text;
	long no;
};
#define IMP_NOTE_MARK '\x1e'
#define IMP_NOTE_END  '\x1f'

/* The whole import. */
struct imp {
	const char *file;
	struct diag_list *diags;
	char *doctype, *title, *symbol, *date, *lang, *type;
	int date_is_year;
	struct para_text *preamble;
	size_t npreamble;
	struct node **secs; /* sections, or paragraphs when there are none */
	size_t nsecs;
	char *sig_role, *sig_name, *sig_pre; /* sig_pre: "(Signé)" */
	int sig_role_first;                  /* the role before the name */
	char *text_date;                     /* the date the header gives */
	char *work;                          /* the work IRI */
	struct annex *annexes;
	size_t nannexes;
	struct imp_note *notes;
	size_t nnotes;
	struct strmap *parts; /* the parts citations name, while written */
	size_t nwarn;         /* warnings, kept or not (IMP_MAX_WARNINGS) */
	struct imp_org *org;  /* --draft-org: the organisation draft, or NULL */
};

/* v, an array of n elements of size bytes, with room for one more: its
 * room doubles when n is 0 or a power of two. An array grown with it is
 * grown with nothing else (its room is implied by n). See import.c. */
void *imp_grow1(void *v, size_t n, size_t size);

/* Take the page furniture out of the lines [0, *n) (which shrink) of text
 * (n bytes, the lines' source: its form feeds start pages): page numbers,
 * job numbers, running symbols and headers; join what a page break or a
 * hyphen at a line's end cut. See import_page.c. */
void imp_clean_pages(const char *text, size_t n, struct line *ln, size_t *nlines);

/* The organisation draft of the imported tree (import_org.c), its TLCs
 * for the references, its block for meta; freed by imp_org_free. */
struct imp_org *imp_org_draft(const struct imp *im);
void imp_org_write_refs(struct strbuf *out, const struct imp_org *o);
void imp_org_write_block(struct strbuf *out, const struct imp_org *o);
void imp_org_free(struct imp_org *o);

/* The warnings kept of one import; the others are counted in one line (a
 * text of a million bad citations would have a million lines). */
#define IMP_MAX_WARNINGS 100

/* Take the footnotes out of the lines [0, *n) (which shrink), into
 * im->notes, their marks into the text. */
void imp_take_notes(struct imp *im, struct line *ln, size_t *n);
/* The eIds of nd and its kids by the Akoma Ntoso naming rule, under prefix
 * (NULL at the top). */
void imp_give_eids(struct node *nd, const char *prefix, struct strmap *used);
/* Add s (n bytes) escaped for XML text or an attribute, without a
 * character XML 1.0 forbids (import_write.c). */
void imp_add_escaped(struct strbuf *out, const char *s, size_t n);
/* The whole document as Akoma Ntoso XML. */
void imp_write_doc(struct strbuf *out, struct imp *im);
/* A warning about line no of the input (the first IMP_MAX_WARNINGS
 * only). */
void imp_warn(struct imp *im, long no, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Lowercase ASCII, ’ as ', for comparing a line with known wordings (allocated). */
char *imp_normalise(const char *s);
int imp_is_digit(char c);

#endif
