/* config.h: the settings: where to print, the print command, colours, and
 * restricted mode. Sources, each overriding the one before: built-in
 * defaults, the system's file ($(sysconfdir)/circ/config), the user's file
 * ($XDG_CONFIG_HOME/circ/config, else ~/.config/circ/config), the
 * environment (CIRC_PRINTER, CIRC_PRINT_COMMAND, CIRC_RESTRICTED, NO_COLOR),
 * then the command line (applied by the program). Restricted mode, once on,
 * cannot be turned off by a later source, and it keeps the user's file from
 * being read.
 *
 * The files hold lines "key = value"; '#' starts a comment. Keys:
 *   printer = command | terminal | ansi
 *   print-command = lpr -P office      (no shell: words and quotes only)
 *   colour = auto | never
 *   restricted = yes | no
 *   utf8 = yes | no                    (the terminal is UTF-8, whatever the
 *                                       locale: see i18n_force_utf8())
 *   start = library | document | auto  (what circ shows when no file is
 *                                       named: the library screen, the
 *                                       bundled bulletin, or the library
 *                                       when it holds more than one work) */
#ifndef CIRC_CONFIG_H
#define CIRC_CONFIG_H

#include "circ/diag.h"

enum config_printer {
	PRINTER_COMMAND,  /* the print command, on the server */
	PRINTER_TERMINAL, /* the terminal's printer, by its terminfo mc5/mc4 */
	PRINTER_ANSI      /* the terminal's printer, by ESC [5i ... ESC [4i */
};

enum config_start { CONFIG_START_AUTO, CONFIG_START_LIBRARY, CONFIG_START_DOCUMENT };

struct config {
	enum config_printer printer;
	char *print_command;
	int colour;              /* 0: never */
	int restricted;          /* no file written, no command run, no other file read */
	int utf8;                /* the terminal shows UTF-8 whatever the locale says */
	char *user_file;         /* the user's file that was read, or NULL */
	enum config_start start; /* the first screen when no file is named */
};

/* Fill c from the defaults, the files and the environment. Returns 0, or -1
 * after adding the problems (file and line) to diags. */
int config_load(struct config *c, struct diag_list *diags);
/* "command", "terminal", "ansi" -> *p; -1 for anything else. */
int config_printer(const char *s, enum config_printer *p);
void config_free(struct config *c);

#endif
