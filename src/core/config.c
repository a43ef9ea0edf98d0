/* config.c: the settings (see config.h). */
#include "circ/config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "circ/i18n.h"
#include "circ/print.h"
#include "circ/xalloc.h"

#ifndef CIRC_SYSCONFDIR
#define CIRC_SYSCONFDIR "/usr/local/etc"
#endif

int config_printer(const char *s, enum config_printer *p)
{
	if (strcmp(s, "command") == 0)
		*p = PRINTER_COMMAND;
	else if (strcmp(s, "terminal") == 0)
		*p = PRINTER_TERMINAL;
	else if (strcmp(s, "ansi") == 0)
		*p = PRINTER_ANSI;
	else
		return -1;
	return 0;
}

static int yes_no(const char *s, int *v)
{
	if (strcmp(s, "yes") == 0 || strcmp(s, "1") == 0 || strcmp(s, "true") == 0)
		*v = 1;
	else if (strcmp(s, "no") == 0 || strcmp(s, "0") == 0 || strcmp(s, "false") == 0)
		*v = 0;
	else
		return -1;
	return 0;
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 &&
	       (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		s[--n] = '\0';
	return s;
}

/* One "key = value" setting; a message when it is wrong. */
static char *apply(struct config *c, const char *key, const char *value)
{
	if (strcmp(key, "printer") == 0) {
		if (config_printer(value, &c->printer) != 0)
			/* TRANSLATORS: a settings file or $CIRC_PRINTER: "printer",
			 * "command", "terminal" and "ansi" are what circ reads
			 * there; keep them as they are. */
			return xasprintf(_("printer must be command, terminal or ansi, not '%s'"),
			                 value);
	} else if (strcmp(key, "print-command") == 0) {
		if (*value == '\0')
			/* TRANSLATORS: "print-command" is a setting's name; keep it. */
			return xstrdup(_("print-command is empty"));
		free(c->print_command);
		c->print_command = xstrdup(value);
	} else if (strcmp(key, "colour") == 0 || strcmp(key, "color") == 0) {
		if (strcmp(value, "auto") == 0)
			c->colour = 1;
		else if (strcmp(value, "never") == 0)
			c->colour = 0;
		else
			/* TRANSLATORS: "colour", "auto" and "never" are what circ
			 * reads in a settings file; keep them as they are. */
			return xasprintf(_("colour must be auto or never, not '%s'"), value);
	} else if (strcmp(key, "restricted") == 0) {
		int v;
		if (yes_no(value, &v) != 0)
			/* TRANSLATORS: "restricted", "yes" and "no" are what circ
			 * reads in a settings file; keep them as they are. */
			return xasprintf(_("restricted must be yes or no, not '%s'"), value);
		c->restricted |= v; /* once restricted, always */
	} else if (strcmp(key, "utf8") == 0) {
		if (yes_no(value, &c->utf8) != 0)
			/* TRANSLATORS: "utf8", "yes" and "no" are what circ reads
			 * in a settings file; keep them as they are. */
			return xasprintf(_("utf8 must be yes or no, not '%s'"), value);
	} else if (strcmp(key, "start") == 0) {
		if (strcmp(value, "auto") == 0)
			c->start = CONFIG_START_AUTO;
		else if (strcmp(value, "library") == 0)
			c->start = CONFIG_START_LIBRARY;
		else if (strcmp(value, "document") == 0)
			c->start = CONFIG_START_DOCUMENT;
		else
			/* TRANSLATORS: "start", "library", "document" and "auto"
			 * are what circ reads in a settings file; keep them. */
			return xasprintf(_("start must be library, document or auto, not '%s'"),
			                 value);
	} else {
		return xasprintf(
		    /* TRANSLATORS: the words in brackets are the names of the
		     * settings circ knows; keep them as they are. */
		    _("unknown setting '%s' (printer, print-command, colour, restricted, utf8, "
		      "start)"),
		    key);
	}
	return NULL;
}

/* Read one settings file; a missing file is no problem. */
static int read_file(struct config *c, const char *path, struct diag_list *diags)
{
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		/* missing, or out of reach (another user's home): nothing to read */
		if (errno == ENOENT || errno == ENOTDIR || errno == EACCES)
			return 0;
		/* TRANSLATORS: %s is the system's reason ("Permission denied"). */
		diag_add(diags, path, 0, 0, _("cannot read the settings: %s"), strerror(errno));
		return -1;
	}
	char line[4096];
	long n = 0;
	int bad = 0;
	while (fgets(line, sizeof line, f)) {
		n++;
		char *hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		char *s = trim(line);
		if (*s == '\0')
			continue;
		char *eq = strchr(s, '=');
		if (eq == NULL) {
			/* TRANSLATORS: a line of a settings file without "=":
			 * each line is a setting's name, "=" and its value. */
			diag_add(diags, path, n, 0, "%s", _("expected 'key = value'"));
			bad = 1;
			continue;
		}
		*eq = '\0';
		char *msg = apply(c, trim(s), trim(eq + 1));
		if (msg) {
			diag_add(diags, path, n, 0, "%s", msg);
			free(msg);
			bad = 1;
		}
	}
	if (ferror(f)) {
		/* a directory opens, then cannot be read (EISDIR) */
		diag_add(diags, path, 0, 0, _("cannot read the settings: %s"), strerror(errno));
		bad = 1;
	}
	fclose(f);
	return bad ? -1 : 0;
}

int config_load(struct config *c, struct diag_list *diags)
{
	memset(c, 0, sizeof *c);
	c->printer = PRINTER_COMMAND;
	c->print_command = xstrdup(PRINT_DEFAULT_COMMAND);
	c->colour = 1;
	int bad = 0;
	const char *r = getenv("CIRC_RESTRICTED");
	if (r && *r && strcmp(r, "0") != 0 && strcmp(r, "no") != 0)
		c->restricted = 1;
	bad |= read_file(c, CIRC_SYSCONFDIR "/circ/config", diags);
	if (!c->restricted) {
		const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
		char *path = xdg && *xdg     ? xasprintf("%s/circ/config", xdg)
		             : home && *home ? xasprintf("%s/.config/circ/config", home)
		                             : NULL;
		if (path) {
			bad |= read_file(c, path, diags);
			c->user_file = path;
		}
	}
	const char *v;
	char *msg = NULL;
	if ((v = getenv("CIRC_PRINTER")) && *v && (msg = apply(c, "printer", v))) {
		diag_add(diags, "CIRC_PRINTER", 0, 0, "%s", msg);
		free(msg);
		bad = 1;
	}
	if ((v = getenv("CIRC_PRINT_COMMAND")) && *v) {
		free(c->print_command);
		c->print_command = xstrdup(v);
	}
	if ((v = getenv("NO_COLOR")) && *v)
		c->colour = 0;
	return bad ? -1 : 0;
}

void config_free(struct config *c)
{
	free(c->print_command);
	free(c->user_file);
	memset(c, 0, sizeof *c);
}
