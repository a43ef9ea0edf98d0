/* complete.h: completing what a user types to name a part or a unit (the
 * browser's ':' prompt): every part and unit it may stand for, best first,
 * each with the text that replaces what was typed and a line for a list of
 * candidates.
 *
 * What matches:
 * - a unit when every typed word is the prefix of a distinct word of its
 *   name, in any order, forgiving case and accents ("div sou", "sout div",
 *   "reseaux"): the rule of unit_find() (units.h); or when the text is its
 *   eId ("dsl");
 * - a part when the text, written as lookup_ref() reads it (case, spaces,
 *   brackets, accents, the words "paragraphe", "section", "sec" and "s" do
 *   not matter), begins the part's reference: "5.1" gives 5.1, 5.1 a)...,
 *   5.10, 5.11; "8" and "section 8" give Section 8 and its paragraphs;
 *   "pré" gives the preamble; or when lookup_ref() resolves the whole text
 *   to it (an eId, a citation's wording: "alinéa b) du paragraphe 5.2").
 *
 * Ranking, best first:
 * 1. the part lookup_ref() resolves the text to (else the first part one
 *    of whose references the text is: "8" gives Section 8); then the units
 *    whose whole name (or eId) the text is;
 * 2. when the text looks like a reference (it begins with a digit, "§",
 *    "para..." or "s..." followed by a digit, or the word "section"): the
 *    other parts first, then the units; else the units first, then the parts;
 * 3. parts: those inside the part of 1. first, then the others, each in
 *    document order ("5.1": 5.1, its points, then 5.10...);
 * 4. units: by unit_match()'s rank (the whole name; units of the
 *    Department before bodies outside it; names the bulletin gives before
 *    those circ builds; whole words before prefixes, a word of one letter
 *    counting as a prefix; the earliest word of the name matched), then in
 *    the organisation's order ("division": the four divisions, the offices
 *    of their directors, the two divisions outside the Department).
 * At most COMPLETE_MAX candidates; none for an empty or blank text.
 *
 * Every candidate's text is accepted by what Enter does at the prompt
 * (lookup_ref(), then unit_find()) and leads to that candidate: a part's
 * label (doc_part_label(), else its eId), a unit's name (else its eId when
 * another unit has the same name or the name is also a part's reference).
 * The preamble's and the signature's labels are in the user's language
 * ("préambule", "signature" in French), as doc_part_label() gives them.
 *
 * Cost: checking each text against the lookup makes a call take some
 * milliseconds (about 20 for a one-letter text in the bundled bulletin):
 * call it when the typed text changes, not for every frame drawn. */
#ifndef CIRC_COMPLETE_H
#define CIRC_COMPLETE_H

#include <stddef.h>

#include "circ/doc.h"

#define COMPLETE_MAX 500

enum complete_kind { COMPLETE_PART, COMPLETE_UNIT };

struct complete_cand {
	enum complete_kind kind;
	/* the part (const struct doc_part *) or the unit (const struct unit *) */
	const void *item;
	/* what replaces the typed text: "5.7 b)", "Section 8", "préambule",
	 * "Division du soutien logistique" */
	char *text;
	/* one line for a list of candidates, not cut to any width: a part's
	 * label, two spaces, its heading or the start of its text ("5.7 b)  Le
	 * Service..."); a unit's name, two spaces, its kind ("Division du
	 * soutien logistique  division") */
	char *label;
};

/* The candidates for typed in d, best first (see above). Sets *out to an
 * allocated array (NULL when there are none) and returns its length. */
size_t complete_find(const struct doc *d, const char *typed, struct complete_cand **out);
/* Free n candidates and the array (v may be NULL). */
void complete_free(struct complete_cand *v, size_t n);

#endif
