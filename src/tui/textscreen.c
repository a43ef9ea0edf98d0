/* textscreen.c: a scrollable text: the help screen, a unit's summary. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

void text_free(struct tui_text *tx)
{
	for (size_t i = 0; i < tx->nlines; i++)
		free(tx->lines[i]);
	free(tx->lines);
	free(tx->title);
	memset(tx, 0, sizeof *tx);
}

void text_open(struct tui *t, const char *title, const char *body, const struct unit *u)
{
	enum tui_screen from = t->screen == SCR_TEXT ? t->text_from : t->screen;
	text_free(&t->text);
	t->text.title = xstrdup(title);
	t->text.unit = u;
	for (const char *p = body; *p;) {
		size_t n = strcspn(p, "\n");
		t->text.lines =
		    xreallocarray(t->text.lines, t->text.nlines + 1, sizeof *t->text.lines);
		/* a form feed (between summaries) shows as a blank line */
		char *line = xstrndup(p, n);
		for (char *c = line; *c; c++)
			if (*c == '\f')
				*c = ' ';
		t->text.lines[t->text.nlines++] = line;
		p += n + (p[n] == '\n');
	}
	t->text_from = from;
	t->screen = SCR_TEXT;
}

/* The terminal's width changed: lay the help or the summary out again,
 * keeping the line at the top as well as can be. */
void text_reflow(struct tui *t)
{
	if (t->text.nlines == 0 || t->screen != SCR_TEXT)
		return;
	size_t top = t->text.top, old = t->text.nlines;
	enum tui_screen from = t->text_from;
	if (t->text.help)
		keys_dispatch(t, '?', 0);
	else if (t->text.unit)
		org_open_summary(t, t->text.unit);
	t->text_from = from;
	t->text.top = old ? top * t->text.nlines / old : 0;
}

void text_draw(struct tui *t)
{
	int h = t->rows - 2;
	for (int r = 0; r < h; r++) {
		size_t l = t->text.top + (size_t)r;
		if (l >= t->text.nlines)
			break;
		term_put(1 + r, 1, t->text.lines[l], strlen(t->text.lines[l]), t->cols - 1,
		         TA_TEXT);
	}
}
