/* datadir.c: finding the content directory (see datadir.h). */
#include "circ/datadir.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "circ/i18n.h"
#include "circ/xalloc.h"

#ifndef CIRC_PKGDATADIR
#define CIRC_PKGDATADIR "/usr/local/share/circ"
#endif

char *datadir_file(const char *dir, const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static int holds_schema(const char *dir)
{
	char *f = datadir_file(dir, DATADIR_SCHEMA);
	int ok = access(f, R_OK) == 0;
	free(f);
	return ok;
}

char *datadir_beside_program(const char *argv0, const char *name)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
	} else if (argv0 && strchr(argv0, '/') && strlen(argv0) < sizeof exe) {
		strcpy(exe, argv0);
	} else {
		return NULL;
	}
	char *slash = strrchr(exe, '/');
	if (slash == NULL)
		return NULL;
	*slash = '\0';
	return xasprintf("%s/../%s", exe, name);
}

char *datadir_find(const char *argv0, char **why)
{
	*why = NULL;
	const char *env = getenv("CIRC_DATADIR");
	if (env && *env) {
		if (holds_schema(env))
			return xstrdup(env);
		/* TRANSLATORS: CIRC_DATADIR is an environment variable; the first %s
		 * is its value (a directory), the second the schema's file name. */
		*why = xasprintf(_("CIRC_DATADIR is '%s', which holds no %s"), env, DATADIR_SCHEMA);
		return NULL;
	}
	char *b = datadir_beside_program(argv0, "content");
	if (b && holds_schema(b)) {
		char *real = realpath(b, NULL);
		if (real) {
			free(b);
			b = xstrdup(real);
			free(real);
		}
		return b;
	}
	if (holds_schema(CIRC_PKGDATADIR)) {
		free(b);
		return xstrdup(CIRC_PKGDATADIR);
	}
	if (b) {
		*why = xasprintf(
		    /* TRANSLATORS: the schema's file name, then two directories;
		     * CIRC_DATADIR is an environment variable. */
		    _("cannot find %s in %s or %s; set CIRC_DATADIR to the directory holding it"),
		    DATADIR_SCHEMA, CIRC_PKGDATADIR, b);
	} else {
		*why = xasprintf(
		    /* TRANSLATORS: the schema's file name, then a directory;
		     * CIRC_DATADIR is an environment variable. */
		    _("cannot find %s in %s; set CIRC_DATADIR to the directory holding it"),
		    DATADIR_SCHEMA, CIRC_PKGDATADIR);
	}
	free(b);
	return NULL;
}
