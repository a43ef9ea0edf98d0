/* i18n.c: setting the locale and binding circ's message catalogue (see
 * i18n.h). */
#include "circ/i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "circ/datadir.h"

#ifndef CIRC_LOCALEDIR
#define CIRC_LOCALEDIR "/usr/local/share/locale"
#endif

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
