/* i18n.c: setting the locale and binding circ's message catalogue (see
 * i18n.h). */
#include "circ/i18n.h"

#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "circ/datadir.h"

#ifndef CIRC_LOCALEDIR
#define CIRC_LOCALEDIR "/usr/local/share/locale"
#endif

const char *i18n_pgettext(const char *ctx_msgid)
{
	const char *msgid = strchr(ctx_msgid, '\004');
	msgid = msgid ? msgid + 1 : ctx_msgid;
#ifdef ENABLE_NLS
	/* gettext returns its argument itself when it has no translation */
	const char *t = gettext(ctx_msgid);
	if (t != ctx_msgid)
		return t;
#endif
	return msgid;
}

int i18n_force_utf8(void)
{
	static const char *const utf8[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"};
	const char *cs = nl_langinfo(CODESET);
	if (cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0))
		return 0;
	for (size_t i = 0; i < sizeof utf8 / sizeof utf8[0]; i++)
		if (setlocale(LC_CTYPE, utf8[i]) != NULL)
			return 0;
	return -1;
}

void i18n_init(const char *argv0)
{
	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	const char *env = getenv("CIRC_LOCALEDIR");
	char *beside = NULL;
	const char *dir = CIRC_LOCALEDIR;
	struct stat st;
	if (env && *env) {
		dir = env;
	} else {
		/* The build tree's catalogues (see Makefile.am), so that a program
		 * that is not installed speaks the user's language too. */
		beside = datadir_beside_program(argv0, "locale");
		if (beside && stat(beside, &st) == 0 && S_ISDIR(st.st_mode))
			dir = beside;
	}
	bindtextdomain(CIRC_DOMAIN, dir);
	textdomain(CIRC_DOMAIN);
	free(beside);
#else
	(void)argv0;
#endif
}

const char *i18n_doc_lang(void)
{
	/* ISO 639-1 as locales name them, ISO 639-2 as FRBRlanguage does:
	 * the United Nations' six official languages and a few more */
	static const char *const codes[][2] = {
	    {"ar", "ara"}, {"zh", "zho"}, {"en", "eng"}, {"fr", "fra"},
	    {"ru", "rus"}, {"es", "spa"}, {"de", "deu"}, {"it", "ita"},
	    {"pt", "por"}, {"nl", "nld"}, {"pl", "pol"}, {"sv", "swe"},
	};
	/* the order gettext follows: LANGUAGE (its first), then the locale;
	 * LANGUAGE is ignored in the C locale, as gettext does */
	const char *m = setlocale(LC_MESSAGES, NULL);
	if (m == NULL || strcmp(m, "C") == 0 || strcmp(m, "POSIX") == 0 || strncmp(m, "C.", 2) == 0)
		return "eng";
	const char *l = getenv("LANGUAGE");
	if (l && *l)
		m = l;
	for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
		if (strncmp(m, codes[i][0], 2) == 0 && !(m[2] >= 'a' && m[2] <= 'z'))
			return codes[i][1];
	return "eng";
}
