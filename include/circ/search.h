/* search.h: full-text regular-expression search over a document, with PCRE2
 * (UTF, UCP, JIT when available) under match, depth and heap limits.
 *
 * Case and accents are "smart" by default: the search ignores case unless
 * the pattern has a capital letter, and ignores accents unless it has an
 * accented letter; each can be forced. Ignoring accents folds the text and
 * the pattern's literal characters alike (é -> e, œ -> oe, see fold.h);
 * typographic apostrophes and Unicode spaces always match their ASCII forms
 * (l'appui finds l’appui). Matches are reported as byte ranges of the
 * original text, through fold.h's offset map. */
#ifndef CIRC_SEARCH_H
#define CIRC_SEARCH_H

#include <stddef.h>

#include "circ/doc.h"
#include "circ/strbuf.h"

enum search_mode {
	SEARCH_SMART, /* decided by the pattern */
	SEARCH_IGNORE,
	SEARCH_EXACT
};

struct search_opts {
	enum search_mode cases;
	enum search_mode accents;
	int fixed; /* the pattern is a plain string, not a regular expression */
};

/* Where a match is: which part, which of its fields, which bytes. The
 * title block is searched too: its hits have part d->root (kind
 * DOC_KIND_DOCUMENT) and field SEARCH_DOCTYPE (meta.doctype, « Circulaire
 * du Secrétaire général ») or SEARCH_TITLE (meta.title); they come before
 * every other hit. (The symbol is not in the title block as it is laid out,
 * see view_dump(), and is not searched.) */
enum search_field {
	SEARCH_NUM,
	SEARCH_HEADING,
	SEARCH_TEXT,
	SEARCH_DOCTYPE, /* the title block's document type */
	SEARCH_TITLE,   /* the title block's title */
	SEARCH_RULE     /* a table's rules: drawn, never searched */
};
/* Is f a field of the title block? */
#define SEARCH_IN_TITLE(f) ((f) == SEARCH_DOCTYPE || (f) == SEARCH_TITLE)

struct search_hit {
	const struct doc_part *part; /* d->root for the title block */
	enum search_field field;
	size_t start, end; /* bytes of the field's original text */
	const char *src;   /* that text (NULL: found from part and field) */
};

struct search;

/* Compile pattern. NULL on error, with *err set (allocated) to PCRE2's
 * message and the offset in the pattern as typed. */
struct search *search_compile(const char *pattern, const struct search_opts *o, char **err);
void search_free(struct search *s);
/* Did the compiled search ignore case / accents (after the smart rules)? */
int search_ignores_case(const struct search *s);
int search_ignores_accents(const struct search *s);

/* Every match in n bytes of text, as byte ranges of the text: appends to
 * *v (count *nv). Returns 0, or -1 with *err set (allocated) when the
 * pattern is too complex for the limits. A match of no characters (x*, ^)
 * is stepped over and not reported. */
int search_text(struct search *s, const char *text, size_t n, size_t **v, size_t *nv, char **err);

/* The FOLD_ flags (fold.h) the search folds text with. */
int search_fold_flags(const struct search *s);
/* search_text() on a text already folded with search_fold_flags() (folded,
 * flen bytes): the matches as byte ranges of text. */
int search_prefolded(struct search *s, const char *text, size_t n, const char *folded, size_t flen,
                     size_t **v, size_t *nv, char **err);
/* Every match in the title block (document type, title), then in the
 * document's parts (number, heading, text), in document order; inside
 * scope and the parts below it only, when scope is not NULL nor d->root
 * (a scope other than the root leaves the title block out). Returns 0, or
 * -1 with *err set (too complex). *hits is allocated. */
int search_doc(struct search *s, const struct doc *d, const struct doc_part *scope,
               struct search_hit **hits, size_t *nhits, char **err);

/* The hit to go to from part order `at` (and field, offset), forward or
 * backward, wrapping around; *wrapped tells whether it did. -1 when none.
 * A position in the title block is the root's order (0) with a title
 * field: it comes before every part's position (the preamble's order is 0
 * too), as search_doc() orders the hits. */
long search_step(const struct search_hit *hits, size_t n, size_t at, enum search_field field,
                 size_t offset, int backward, int *wrapped);

/* One line of context around a hit, about width columns (0: the whole
 * field on one line): appended to out; *ms and *me receive the match's
 * bytes within that line. */
void search_context(struct strbuf *out, const struct search_hit *h, size_t width, size_t *ms,
                    size_t *me);
/* The fewest columns of context a match line gets. */
#define SEARCH_MIN_CONTEXT 5

/* The context width for a line "LABEL: context" that fits in width columns
 * (0: no limit), at least SEARCH_MIN_CONTEXT: what --search prints, and
 * what the browser prints, so that both give the same lines. A context line
 * is never wider than the width it is given: a match wider than that is
 * cut. */
size_t search_context_width(const char *label, size_t width);
/* The field's text of a hit. */
const char *search_field_text(const struct search_hit *h);
/* The label of a hit for --search and the printed matches: the part's
 * doc_part_label(), or "title" (translated) for the title block.
 * Allocated. */
char *search_hit_label(const struct search_hit *h);
/* The same for people to read in the browser: doc_part_title(), or
 * "title" for the title block. Allocated. */
char *search_hit_title(const struct search_hit *h);

/* Free the JIT stack (at exit, for leak checkers). */
void search_release(void);

#endif
