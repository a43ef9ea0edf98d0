/* tui.c: the browser's main loop and what every screen shares: laying the
 * document out for the terminal's size, the reading position and its
 * history, messages. */
#include <curses.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "circ/config.h"
#include "circ/i18n.h"
#include "circ/layout.h"
#include "circ/utf8.h"
#include "tui.h"

/* The smallest terminal the browser draws in; below, it says so. */
#define MIN_COLS 20
#define MIN_ROWS 5

void tui_message(struct tui *t, int error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(t->message, sizeof t->message, fmt, ap);
	va_end(ap);
	/* cut short: never in the middle of a character */
	if (n >= (int)sizeof t->message) {
		size_t len = strlen(t->message), k = utf8_prev(t->message, len);
		uint32_t cp;
		if (utf8_decode(t->message + k, len - k, &cp) != len - k)
			t->message[k] = '\0';
	}
	t->message_error = error;
}

void doc_area(const struct tui *t, int *y, int *h, int *x, int *w)
{
	*y = 1;
	*h = t->rows - 2;
	*x = 0;
	*w = t->cols;
	if (t->cols >= 100) { /* wide: the outline is always beside the text */
		int ow = t->cols / 3 < 40 ? t->cols / 3 : 40;
		*x = ow + 1;
		*w = t->cols - ow - 1;
	}
	if (*h < 0)
		*h = 0;
	if (*w < 0)
		*w = 0;
}

struct tui_pos tui_here(const struct tui *t)
{
	struct tui_pos p = {NULL, t->top};
	if (t->top < t->page.nlines && t->page.lines[t->top].part) {
		p.part = t->page.lines[t->top].part;
		size_t first = page_line_of(&t->page, p.part);
		p.line = t->top >= first ? t->top - first : 0;
	}
	return p;
}

/* After a resize (or at the start): lay the document out again for the
 * reader's width, keeping the place, and repaint the whole terminal. */
void tui_layout(struct tui *t)
{
	int old_cols = t->cols;
	term_resized();
	getmaxyx(stdscr, t->rows, t->cols);
	/* narrowed with the keys in the outline: show it, not a hidden one */
	if (t->cols < 100 && t->outline_focus)
		t->outline_shown = 1;
	if (t->cols != old_cols)
		text_reflow(t);
	int y, h, x, w;
	doc_area(t, &y, &h, &x, &w);
	size_t width = w > MIN_COLS ? (size_t)w - 1 : MIN_COLS;
	if (width == t->page_width && t->page.lines)
		return;
	struct tui_pos here = tui_here(t);
	page_free(&t->page);
	page_build(&t->page, t->doc, width, term_cpwidth);
	t->page_width = width;
	tui_goto_line(t, page_line_of(&t->page, here.part) + (here.part ? here.line : here.line));
	if (here.part == NULL)
		tui_goto_line(t, here.line < t->page.nlines ? here.line : 0);
}

void tui_goto_line(struct tui *t, size_t line)
{
	int y, h, x, w;
	doc_area(t, &y, &h, &x, &w);
	size_t max = t->page.nlines > (size_t)h ? t->page.nlines - (size_t)h : 0;
	t->top = line > max ? max : line;
	/* the part gone to stays the current one only while on screen */
	if (t->focus) {
		size_t fl = page_line_of(&t->page, t->focus);
		if (fl < t->top || fl >= t->top + (size_t)h)
			t->focus = NULL;
	}
}

void tui_push_back(struct tui *t)
{
	t->back = xreallocarray(t->back, t->nback + 1, sizeof *t->back);
	t->back[t->nback++] = tui_here(t);
	t->nfwd = 0;
}

void tui_goto_part(struct tui *t, const struct doc_part *p, int remember)
{
	if (remember)
		tui_push_back(t);
	t->focus = NULL;
	tui_goto_line(t, page_line_of(&t->page, p));
	t->focus = p;
	t->link_on = 0;
}

const struct doc_part *tui_current_part(const struct tui *t)
{
	if (t->focus)
		return t->focus;
	for (size_t l = t->top; l < t->page.nlines; l++)
		if (t->page.lines[l].part && t->page.lines[l].nsegs)
			return t->page.lines[l].part;
	return NULL;
}

/* "Terminal too small", in the words that fit. */
static void too_small(const struct tui *t)
{
	erase();
	/* TRANSLATORS: shown alone on a screen smaller than %dx%d (columns x
	 * rows), broken at spaces to fit, down to 1x1: the first words matter */
	char *msg = xasprintf(_("Terminal too small: need %dx%d"), MIN_COLS, MIN_ROWS);
	struct layout_span *v;
	size_t n = layout_break(msg, t->cols > 0 ? (size_t)t->cols : 1, term_cpwidth, &v);
	for (size_t i = 0; i < n && (int)i < t->rows; i++)
		term_put((int)i, 0, msg + v[i].start, v[i].end - v[i].start, t->cols,
		         i == 0 ? TA_ERROR : TA_TEXT);
	free(v);
	free(msg);
}

static void free_all(struct tui *t)
{
	page_free(&t->page);
	tree_free(&t->outline);
	tree_free(&t->units);
	tree_free(&t->list);
	text_free(&t->text);
	free(t->list_title);
	free(t->print_text);
	free(t->print_name);
	free(t->back);
	free(t->fwd);
	search_clear(t);
	free(t->pattern);
	history_free(&t->hist_search);
	history_free(&t->hist_goto);
	cite_index_free(&t->cites);
}

int tui_run(struct doc *d, const struct config *cfg, const char *at)
{
	struct tui t;
	memset(&t, 0, sizeof t);
	t.doc = d;
	t.cfg = cfg;
	/* restricted: no suspend (ncurses leaves an ignored SIGTSTP alone) */
	if (cfg->restricted)
		signal(SIGTSTP, SIG_IGN);
	t.screen = SCR_DOC;
	t.cases = SEARCH_SMART;
	t.accents = SEARCH_SMART;
	cite_index_build(d, &t.cites);
	term_start(&t);
	doc_build_outline(&t);
	org_build(&t);
	tui_layout(&t);
	/* TRANSLATORS: the first message on the status line; ? and q are keys */
	tui_message(&t, 0, "%s", _("? for help, q to quit"));
	if (at) {
		goto_text(&t, at);
		t.nback = 0; /* the place opened at is the first */
	}

	while (!t.quit) {
		getmaxyx(stdscr, t.rows, t.cols);
		if (t.cols < MIN_COLS || t.rows < MIN_ROWS)
			too_small(&t);
		else
			draw_all(&t);
		refresh();
		wint_t key;
		int code = term_getkey(&key);
		if (code < 0)
			break; /* hangup, end of input, or a signal to end */
		if (code && key == KEY_RESIZE) {
			tui_layout(&t);
			continue;
		}
		if (t.cols < MIN_COLS || t.rows < MIN_ROWS) {
			if (!code && (key == 'q' || key == 'Q'))
				break;
			continue;
		}
		t.message[0] = '\0';
		if (code && key == KEY_MOUSE) {
			MEVENT ev;
			if (getmouse(&ev) == OK) {
				if (ev.bstate & BUTTON4_PRESSED)
					keys_dispatch(&t, 'k', 0), keys_dispatch(&t, 'k', 0),
					    keys_dispatch(&t, 'k', 0);
				else if (ev.bstate & BUTTON5_PRESSED)
					keys_dispatch(&t, 'j', 0), keys_dispatch(&t, 'j', 0),
					    keys_dispatch(&t, 'j', 0);
				else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
					doc_click(&t, ev.y, ev.x);
			}
			continue;
		}
		if (code && key == TERM_KEY_BADCHAR)
			tui_message(&t, 1, "%s",
			            _("Not a character in this locale's character set: ignored"));
		else if ((key & TERM_ALT) && !keys_dispatch(&t, key, code)) {
			/* an Alt key the screen does not use: Esc, then the key */
			input_unread(key & ~(wint_t)TERM_ALT, code);
			keys_dispatch(&t, 27, 0);
		} else if (!(key & TERM_ALT) && !keys_dispatch(&t, key, code))
			/* TRANSLATORS: %s: a key's name (j, Ctrl-X, F5) */
			tui_message(&t, 0, _("%s: no such key here (? for help)"),
			            keys_name(key, code));
	}
	term_stop();
	free_all(&t);
	/* ended by a signal: the terminal is restored; die by it, so that the
	 * parent (a shell, sshd) sees why */
	int sig = term_signal();
	if (sig) {
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return 0;
}
