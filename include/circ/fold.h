/* fold.h: folding text for matching that forgives case and accents.
 * Folding decomposes accented letters to their base letter (é -> e,
 * Ç -> c), spells ligatures out (œ -> oe, æ -> ae, ß -> ss), drops combining
 * marks, makes typographic apostrophes ASCII (’ -> ') and every Unicode space
 * an ASCII space. A map from each folded byte back to the original text lets
 * matches found in folded text be shown on the original. */
#ifndef CIRC_FOLD_H
#define CIRC_FOLD_H

#include <stddef.h>

enum {
	FOLD_CASE = 1,    /* lower-case letters */
	FOLD_ACCENTS = 2, /* strip accents, spell ligatures out */
	FOLD_SPACES = 4,  /* every Unicode space becomes ' ', ’ ‘ become ' */
	FOLD_NO_MAP = 8   /* no map (map is NULL): the folded text only */
};

struct fold {
	char *s;     /* the folded text, NUL-terminated */
	size_t len;  /* its length in bytes */
	size_t *map; /* map[i]: offset in the original of folded byte i;
	                map[len]: the original's length (NULL with FOLD_NO_MAP) */
};

/* Fold n bytes of UTF-8 text s with the given FOLD_ flags. */
void fold_text(struct fold *f, const char *s, size_t n, int flags);
void fold_free(struct fold *f);
/* Fold a NUL-terminated string with every flag; allocated, no map. */
char *fold_simple(const char *s);
/* Does the UTF-8 text contain an upper-case letter / an accented letter
 * (one that FOLD_ACCENTS would change)? For "smart" case and accents. */
int fold_has_upper(const char *s, size_t n);
int fold_has_accent(const char *s, size_t n);

#endif
