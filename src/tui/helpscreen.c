/* helpscreen.c: the help screen (?): the keys of every screen, made from
 * the command table (keys.c) for the terminal's width; q closes it, as in
 * less and man. */
#include <curses.h>

#include "circ/i18n.h"
#include "tui.h"

static int rows(const struct tui *t)
{
	return t->rows - 2 > 1 ? t->rows - 2 : 1;
}

static void render(struct tui *t)
{
	struct strbuf sb = STRBUF_INIT;
	keys_help(&sb, t->cols > 2 ? t->cols - 2 : 20);
	/* TRANSLATORS: the title of the help screen (on the status line) */
	text_set(&t->help, _("Keys"), sb.s);
	sb_free(&sb);
}

static void help_open(struct tui *t, const struct tui_place *at)
{
	render(t);
	t->help.top = at->line < t->help.nlines ? at->line : 0;
}

static void help_save(const struct tui *t, struct tui_place *at)
{
	at->line = t->help.top;
}

static void help_describe(const struct tui *t, const struct tui_place *at, struct strbuf *out)
{
	(void)t;
	(void)at;
	sb_adds(out, _("Keys"));
}

static int help_command(struct tui *t, enum tui_cmd c, long count)
{
	if (text_command(t, &t->help, c, count, rows(t)))
		return 1;
	if (c == CMD_QUIT || c == CMD_HELP) { /* q, ? again: close it */
		tui_back(t);
		return 1;
	}
	return 0;
}

static void help_draw(struct tui *t)
{
	text_draw(t, &t->help);
}

/* The width changed: the help again, at about the same line. */
static void help_reflow(struct tui *t)
{
	size_t top = t->help.top, old = t->help.nlines;
	render(t);
	t->help.top = old ? top * t->help.nlines / old : 0;
}

static void help_click(struct tui *t, int y, int x)
{
	(void)t;
	(void)y;
	(void)x;
}

const struct tui_screen_ops help_screen = {
    .transient = 0,
    .open = help_open,
    .save = help_save,
    .describe = help_describe,
    .draw = help_draw,
    .command = help_command,
    .reflow = help_reflow,
    .click = help_click,
};
