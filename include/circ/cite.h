/* cite.h: citations: finding them in running text (PCRE2), resolving them to
 * parts of the document or to other documents, and reversing them (which
 * parts cite this one).
 *
 * The detector knows the French forms of the bulletins ("paragraphe 1.2",
 * "paragraphes 2.1 à 2.4", "alinéa b) du paragraphe 5.2", "sous-alinéa ii)
 * de l'alinéa d) du paragraphe 7.3", "sections 4 et 5", "la présente
 * circulaire", each optionally followed by "ci-dessus"/"ci-dessous"), their
 * English equivalents, and UN document symbols (ST/SGB/1997/5,
 * ST/AI/189/Add.25/Rev.1, A/64/633). Any Unicode space counts as a space.
 *
 * A part of another document is one citation: any form of a part above
 * (without "ci-dessus"/"above"), then "de", "du", "de la", "de l'" or "of",
 * then optionally one of "circulaire", "circulaire du Secrétaire général",
 * "instruction administrative", "bulletin", "bulletin du Secrétaire
 * général", "document", "[the] Secretary-General's bulletin", "[the]
 * bulletin", "[the] administrative instruction", "[the] document", then
 * the symbol: « alinéa b) du paragraphe 5.2 de la circulaire ST/SGB/2010/1 »,
 * "section 4 of ST/AI/2010/5". Its targets are CITE_EXTERNAL with the
 * symbol as ref and the part as part ("5.2 b)", "Section 4"), one per part
 * a list names. « paragraphe 3.2 de la présente circulaire » names no
 * symbol: it stays a part of this document (and the document itself). */
#ifndef CIRC_CITE_H
#define CIRC_CITE_H

#include <stddef.h>

#include "circ/diag.h"
#include "circ/doc.h"
#include "circ/strbuf.h"

enum cite_kind {
	CITE_PART,    /* a part of this document: ref is a reference ("5.2 b)") */
	CITE_SELF,    /* the whole document ("la présente circulaire") */
	CITE_EXTERNAL /* another document: ref is its symbol as written */
};

struct cite_target {
	enum cite_kind kind;
	char *ref;
	/* CITE_EXTERNAL: the part of the other document cited, as
	 * doc_part_label() names it there ("3.2", "5.2 b)", "7.3 d) ii)",
	 * "Section 4"); NULL for the whole document */
	char *part;
};

/* One citation found in a text: bytes [start, end) and what it cites (a
 * list or range cites several parts). */
struct cite {
	size_t start;
	size_t end;
	struct cite_target *targets;
	size_t ntargets;
};

struct cite_list {
	struct cite *v;
	size_t n;
};

/* Find the citations in n bytes of UTF-8 text, in order, not overlapping. */
void cite_detect(const char *text, size_t n, struct cite_list *out);
void cite_list_free(struct cite_list *l);
/* Is the whole of text, but for the spaces around it, one citation (the
 * detector's wordings, with a case, its accents or none, any Unicode space,
 * ' or ’)? Then *out holds it (free with cite_free) and 1 is returned;
 * else 0 and *out is empty. Combining accents are ignored. */
int cite_parse(const char *text, struct cite *out);
void cite_free(struct cite *c);
/* Free the compiled patterns (at exit, for leak checkers). */
void cite_release(void);

/* The Akoma Ntoso work IRI of a UN document symbol (allocated):
 * ST/SGB/1997/5 -> /akn/un/statement/bulletin/1997/ST-SGB-1997-5. */
char *cite_symbol_iri(const char *symbol);
/* The work IRI of an Akoma Ntoso IRI (allocated): without its expression
 * ("/fra@", "/fra@2010-06-01"), component ("/!main"), portion ("~sec_4")
 * or fragment ("#sec_4"); *eid (when eid is not NULL) gets the fragment or
 * portion ("sec_4", allocated) or NULL. NULL when iri is no "/akn/" IRI. */
char *cite_iri_work(const char *iri, char **eid);
/* The symbol of a UN document's IRI, the reverse of cite_symbol_iri
 * (allocated): /akn/un/statement/bulletin/2009/ST-SGB-2009-4 (or an
 * expression of it) -> ST/SGB/2009/4; NULL when the IRI does not follow
 * that convention exactly. */
char *cite_iri_symbol(const char *iri);
/* The eId the bulletins' naming rule gives the part with this label (as
 * cite_target.part has it), allocated: "3.2" -> sec_3__para_3-2, "Section
 * 4" -> sec_4, "5.2 b)" -> sec_5__para_5-2__list_1__point_b, "7.3 d) ii)"
 * -> sec_7__para_7-3__list_1__point_d__list_1__point_ii; NULL for any
 * other form (a paragraph not numbered "N.M"). */
char *cite_part_eid(const char *part);

/* A citation of a document, resolved. */
struct cite_link {
	const struct doc_part *from; /* the citing part */
	size_t start, end;           /* the cited text in from->text */
	const struct doc_part *to;   /* the cited part; d->root for the whole
	                                document; NULL for another document or
	                                when it does not resolve */
	char *symbol;                /* another document: its symbol */
	char *iri;                   /* another document: its work IRI */
	char *part;                  /* another document: the part cited
	                                ("3.2", "Section 4"), NULL for none */
	char *eid;                   /* another document: the eId of a
	                                marked-up href's fragment, or NULL */
	char *unresolved;            /* a reference that names no part */
};

struct cite_index {
	struct cite_link *v;
	size_t n, cap;
	int from_markup; /* 1: the document's <ref>s; 0: found by the detector */
};

/* Every citation of the document, in document order: its marked-up <ref>s
 * when it has any (they are the truth), else what the detector finds. */
void cite_index_build(const struct doc *d, struct cite_index *ix);
void cite_index_free(struct cite_index *ix);
/* Add a problem for each citation that names no part. Returns how many. */
size_t cite_check(const struct doc *d, const struct cite_index *ix, struct diag_list *diags);
/* Does link l cite part p, or a part below p? */
int cite_cites(const struct cite_link *l, const struct doc_part *p);
/* Does a sentence end at text[i] (a '.', ';', '!' or '?' before a space
 * of any kind or the end of the n bytes)? */
int cite_sentence_end(const char *text, size_t i, size_t n);
/* The sentence of l->from's text that holds the citation (allocated). */
char *cite_sentence(const struct cite_link *l);

/* --refs: one line per citation, "SOURCE<TAB>CITED TEXT<TAB>TARGET". */
void cite_view_refs(struct strbuf *out, const struct doc *d, const struct cite_index *ix);
/* --cited-by: the citations of p (or of a part below it), each with its
 * sentence, wrapped to width. Returns how many. */
size_t cite_view_cited_by(struct strbuf *out, const struct doc *d, const struct cite_index *ix,
                          const struct doc_part *p, size_t width);
/* --links: what p cites and what cites p, for below its text. */
void cite_view_links(struct strbuf *out, const struct doc *d, const struct cite_index *ix,
                     const struct doc_part *p, size_t width);

#endif
