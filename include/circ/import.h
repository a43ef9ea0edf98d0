/* import.h: turning a bulletin's published plain text into Akoma Ntoso 3.0
 * (`circ import`). The importer recognises the document type line, the
 * title, the preamble, « Section N » / "Section N" and their headings,
 * numbered paragraphs (1.1, 1.1., 1.1In), lettered items a) / (a) and their
 * roman sub-items i) / (i), and the signature; it marks up the citations
 * the detector of cite.h finds, resolved against the imported structure.
 * The output follows the conventions of the bundled bulletin (AKN4UN IRIs,
 * FRBR identification, eIds by the AKN naming rule), without an
 * organisation block unless draft_org asks for a draft of it
 * (import_org.c). */
#ifndef CIRC_IMPORT_H
#define CIRC_IMPORT_H

#include <stddef.h>

#include "circ/diag.h"
#include "circ/strbuf.h"

/* What the text may not say, given on the command line (NULL: not given). */
struct imp_opts {
	const char *symbol; /* ST/SGB/2010/2 */
	const char *date;   /* YYYY-MM-DD */
	const char *lang;   /* fr or en */
	const char *type;   /* bulletin, instruction or circular */
	int draft_org;      /* --draft-org: propose an organisation block */
};

/* The largest text imported, as the largest document loaded (32 MiB). */
#define IMP_MAX_BYTES ((size_t)32 << 20)

/* What imp_text returns. */
enum imp_status {
	IMP_OK = 0,         /* done; diags may hold warnings */
	IMP_BAD_OPTION = 1, /* an option's value is wrong, or the text lacks
	                       what only an option can give (the symbol) */
	IMP_BAD_TEXT = 2,   /* not text (NUL bytes, invalid UTF-8), or no
	                       structure at all */
};

/* Import n bytes of text read from file (the name the messages give) into
 * Akoma Ntoso XML, added to out; more than IMP_MAX_BYTES is refused.
 * Problems go to diags with their line, as "what is wrong"; warnings too
 * (the import still succeeds). */
enum imp_status imp_text(const char *text, size_t n, const char *file, const struct imp_opts *o,
                         struct strbuf *out, struct diag_list *diags);

/* Whether s is a date written YYYY-MM-DD (a real day of the calendar). */
int imp_valid_date(const char *s);

#endif
