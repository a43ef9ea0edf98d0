/* abolish.h: which documents a document abolishes or supersedes, and by
 * which part; or, from its metadata, which document abolished it.
 *
 * From the text, sentence by sentence (a sentence ends at ". ", ";", "!",
 * "?" or a line end), in every part, with the citations cite_detect()
 * finds; only whole documents (a cited symbol without a part) count:
 *
 * - active: the document itself (« la présente circulaire », "the present
 *   bulletin", "this bulletin") before a verb « abroge(nt) », « remplace(nt) »,
 *   "supersede(s)", "abolish(es)", "repeal(s)", "replace(s)", "abrogate(s)",
 *   with no other document's symbol between them (« La présente circulaire
 *   abroge et remplace la circulaire ST/SGB/2009/4 »): the symbols right
 *   after the verb;
 * - passive: « est/sont/sera/seront », "is/are/shall be/will be", then
 *   optionally « par la présente »/"hereby", then « abrogé(e)(s) »,
 *   « remplacé(e)(s) », "abolished", "superseded", "repealed", "replaced",
 *   "abrogated" (« Les circulaires ST/SGB/X et ST/SGB/Y sont abrogées »): the
 *   symbols right before the verb; not when "par"/"by" after the verb
 *   names another document (« … est remplacée par la circulaire ST/SGB/Z »);
 * - "right after/before": between the verb and a symbol, and between two
 *   symbols, only spaces, punctuation, articles (la, le, les, l', the),
 *   « et », « ainsi que », "and", "as well as", « suivant(e)s »,
 *   "following" and the words naming a kind of document (circulaire(s),
 *   instruction(s) administrative(s), bulletin(s), document(s), du
 *   Secrétaire général, Secretary-General's, administrative
 *   instruction(s)); a title, a date or a clause in between ends the list;
 * - a sentence with a negation (« ne », « n' », « pas », « plus », "not",
 *   "never", "no longer") counts for nothing;
 * - a verb followed by ":" and nothing else (« abroge les circulaires
 *   suivantes : », "The following bulletins are hereby superseded:") takes
 *   the symbols of the part's sub-parts whose whole text is such a list.
 *
 * From the metadata (doc_meta's active and passive modifications): an
 * activeModifications textualMod of type "repeal" or "substitution" whose
 * destination is a whole document (no "#eId"): this document abolishes it;
 * a passiveModifications textualMod of type "repeal" or "substitution", or
 * a lifecycle eventRef of type "repeal", whose destination is this whole
 * document: passive, this document is abolished by its source. An IRI of
 * the UN convention gives its symbol (/akn/un/.../ST-SGB-2009-4 ->
 * ST/SGB/2009/4), any other IRI stands for its symbol.
 *
 * Each document is listed once per direction, the text's finding first;
 * the document's own symbol never. */
#ifndef CIRC_ABOLISH_H
#define CIRC_ABOLISH_H

#include <stddef.h>

#include "circ/doc.h"

struct abolish {
	char *symbol;                /* the document abolished (or, passive, abolishing),
	                                as written: ST/SGB/2009/4 */
	char *iri;                   /* its work IRI (cite_symbol_iri), or from the metadata */
	const struct doc_part *from; /* the part that says so; d->root when from metadata */
	int passive;                 /* 1: the metadata says THIS document is abolished by
	                                `symbol` */
};

struct abolish_list {
	struct abolish *v;
	size_t n;
};

/* What d abolishes (and, from its metadata, what abolished d), in
 * document order, metadata last. */
void abolish_find(const struct doc *d, struct abolish_list *out);
void abolish_list_free(struct abolish_list *l);
/* Free the compiled patterns (at exit, for leak checkers). */
void abolish_release(void);

#endif
