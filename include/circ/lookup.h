/* lookup.h: from what a user types (or a text cites) to a part.
 * Accepted forms: "1.2", "§ 1.2", "paragraphe 1.2", "5.7 b)", "5.7b",
 * "5.7.b", "5.7(b)", "7.3 d) ii)", "7.3dii", "section 8", "sec 8", "s8",
 * "preamble", "conclusions", and any eId ("sec_5__para_5-7"); "document",
 * "circulaire" or the document's symbol name the whole document (its root).
 * Case and spaces (of any Unicode kind) do not matter. So is every wording
 * of one part the citation detector knows (cite.h), as a whole: "alinéa b)
 * du paragraphe 5.2", "sous-alinéa ii) de l'alinéa d) du paragraphe 7.3",
 * "subparagraph (b) of paragraph 5.2", "la présente circulaire" (the whole
 * document); a citation of several parts or of another document is an
 * error that says so. */
#ifndef CIRC_LOOKUP_H
#define CIRC_LOOKUP_H

#include "circ/doc.h"

/* The part ref names, or NULL; then, when why is not NULL, *why is set to an
 * allocated message naming the closest existing part, or saying that ref
 * cites several parts or another document. */
struct doc_part *lookup_ref(const struct doc *d, const char *ref, char **why);
/* The normalised form of a reference used for matching ("5.7b", "s8"). */
char *lookup_normalize(const char *ref);

#endif
