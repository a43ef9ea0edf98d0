/* i18n.h: messages in the user's language (GNU gettext).
 * _() translates a message where it is used; N_() only marks a message kept
 * in a table, translated later with _(). A message whose English word means
 * several things takes a context (msgctxt): C_("unit kind", "office")
 * translates it where it is used; NC_(ctx, s) marks it in a table (the value
 * is the context and the message joined, for i18n_pgettext()). The language
 * follows the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); the bulletin's
 * own text is never translated. Without NLS (configure --disable-nls) they
 * all give the English message. xgettext's keywords for these macros are in
 * po/Makevars and tests/i18n.test. */
#ifndef CIRC_I18N_H
#define CIRC_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s)             gettext(s)
#define P_(one, many, n) ngettext(one, many, n)
#else
#define _(s)             ((const char *)(s))
#define P_(one, many, n) ((n) == 1 ? (const char *)(one) : (const char *)(many))
#endif
#define N_(s)       s
/* The context and the message, joined by EOT as gettext's catalogues store
 * them; only string literals. */
#define NC_(ctx, s) ctx "\004" s
#define C_(ctx, s)  i18n_pgettext(NC_(ctx, s))

/* The translation of a message with its context, ctx_msgid being NC_(ctx,
 * msgid); the msgid alone when the catalogue has none. */
const char *i18n_pgettext(const char *ctx_msgid) __attribute__((format_arg(1)));

/* Set the locale from the environment and bind circ's message catalogue:
 * $CIRC_LOCALEDIR, else locale/ beside the build tree's program, else the
 * installed $(localedir). argv0 is the program's argv[0]. */
void i18n_init(const char *argv0);
/* The language of the messages as Akoma Ntoso's FRBRlanguage writes it
 * ("fra", "eng", "spa"...), to choose among a work's language versions:
 * from LANGUAGE (its first) unless the locale of the messages is C, else
 * that locale; "eng" for the C locale and for a language circ does not
 * know. */
const char *i18n_doc_lang(void);
/* The terminal is UTF-8 whatever the locale says (--utf8): when the
 * locale's character set is not UTF-8, switch LC_CTYPE alone to a UTF-8
 * locale (C.UTF-8, else en_US.UTF-8), as tmux -u does; the language of the
 * messages stays the user's. 0, or -1 when the system has none. */
int i18n_force_utf8(void);

#endif
