/* tui_main.h: what the program needs of the browser: its one entry point. */
#ifndef CIRC_TUI_MAIN_H
#define CIRC_TUI_MAIN_H

#include "circ/config.h"
#include "circ/doc.h"
#include "circ/library.h"
#include "circ/strbuf.h"

/* Browse the library lib on the terminal until the user quits or the
 * terminal goes, starting with d (loaded: the library's document doc, or
 * LIB_NONE when d is not in it), opened at at (a reference or a unit's
 * name, as ':' takes them) unless NULL; returns the exit status. The
 * browser loads the other documents as it goes to them and frees them at
 * the end; d stays the caller's. library: start on the library screen,
 * d NULL then (document doc is loaded when it is opened). */
int tui_run(struct library *lib, size_t doc, struct doc *d, const struct config *cfg,
            const char *at, const char *notice, int library);

/* The printer controls of the terminal named by $TERM (terminfo mc5 and
 * mc4): 0 with *on and *off set (owned by the terminfo entry), or -1. */
int term_printer_codes(char **on, char **off);

/* The browser's keys, as the help screen lists them (for --keys). */
void tui_keys_text(struct strbuf *out, int width);

#endif
