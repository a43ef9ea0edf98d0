/* tui.c: the browser's main loop: keys and the mouse become commands
 * (keys.c's table, a count typed before them), the current screen runs
 * them, and what no screen runs is the browser's own: going to places and
 * back, the help, the organisation, ':' and '/', printing, quitting. The
 * history of places lives here, and the status line is put together here
 * from what the screen says of itself. This file alone picks the current
 * screen's operations (screens.h). */
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
#include "screens.h"
#include "tui.h"

/* The smallest terminal the browser draws in; below, it says so. */
#define MIN_COLS  20
#define MIN_ROWS  5
/* The longest count typed before a command (5j, 3n). */
#define MAX_COUNT 100000000L

static const struct tui_screen_ops *const screens[SCR_COUNT] = {
    [SCR_READER] = &reader_screen,   [SCR_ORG] = &org_screen,   [SCR_SUMMARY] = &summary_screen,
    [SCR_LIST] = &list_screen,       [SCR_HELP] = &help_screen, [SCR_DIALOG] = &dialog_screen,
    [SCR_LIBRARY] = &library_screen,
};

/* The current screen's operations: the one place that picks them. */
static const struct tui_screen_ops *ops(const struct tui *t)
{
	return screens[t->screen];
}

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

void tui_place_free(struct tui_place *p)
{
	free(p->text);
	p->text = NULL;
}

/* Where the current screen is. */
static struct tui_place here(const struct tui *t)
{
	struct tui_place p = {0};
	p.screen = t->screen;
	ops(t)->save(t, &p);
	p.screen = t->screen;
	p.doc = t->cur;
	return p;
}

static void push(struct tui_place **v, size_t *n, struct tui_place p)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = p;
}

static void places_clear(struct tui_place *v, size_t *n)
{
	for (size_t i = 0; i < *n; i++)
		tui_place_free(&v[i]);
	*n = 0;
}

/* Show place p (without touching the history). */
static void show(struct tui *t, const struct tui_place *p)
{
	/* (no document yet: the library screen came first) */
	if ((p->doc != t->cur || (t->doc == NULL && p->screen != SCR_LIBRARY)) &&
	    p->doc != LIB_NONE)
		libui_switch(t, p->doc);
	t->screen = p->screen;
	screens[p->screen]->open(t, p);
}

void tui_go_doc(struct tui *t, size_t doc, const struct tui_place *to)
{
	struct tui_place p = *to;
	p.doc = doc;
	if (!ops(t)->transient) {
		push(&t->back, &t->nback, here(t));
		places_clear(t->fwd, &t->nfwd);
	}
	show(t, &p);
}

void tui_go(struct tui *t, const struct tui_place *to)
{
	tui_go_doc(t, t->cur, to);
}

void tui_go_part(struct tui *t, const struct doc_part *p)
{
	struct tui_place at = rd_place(p);
	tui_go(t, &at);
}

void tui_go_unit(struct tui *t, const struct unit *u)
{
	struct tui_place at = {0};
	at.screen = SCR_SUMMARY;
	at.unit = u;
	tui_go(t, &at);
}

void tui_go_definition(struct tui *t, const struct unit *u)
{
	const struct doc_part *p = u->head && u->head->source ? u->head->source
	                           : u->composition.n         ? u->composition.v[0]
	                           : u->functions.n           ? u->functions.v[0]
	                           : u->mentions.n            ? u->mentions.v[0]
	                                                      : NULL;
	if (p)
		tui_go_part(t, p);
	else
		/* TRANSLATORS: %s: a unit's name */
		tui_message(t, 1, _("The bulletin does not define %s"), u->name);
}

/* Back (or forward): to the last place of from, keeping this one in to. */
static void travel(struct tui *t, struct tui_place **from, size_t *nfrom, struct tui_place **to,
                   size_t *nto)
{
	if (!ops(t)->transient)
		push(to, nto, here(t));
	struct tui_place p = (*from)[--*nfrom];
	show(t, &p);
	tui_place_free(&p);
}

void tui_back(struct tui *t)
{
	if (t->nback == 0) {
		tui_message(t, 0, "%s", _("Nothing to go back to"));
		return;
	}
	enum tui_screen was = t->screen;
	travel(t, &t->back, &t->nback, &t->fwd, &t->nfwd);
	if (t->screen != was)
		return; /* another screen shows: that says enough */
	/* TRANSLATORS: %zu: how many more places the history can go back to */
	tui_message(t, 0, P_("Back (%zu more)", "Back (%zu more)", t->nback), t->nback);
}

void tui_forward(struct tui *t)
{
	if (t->nfwd == 0) {
		tui_message(t, 0, "%s", _("Nothing to go forward to"));
		return;
	}
	enum tui_screen was = t->screen;
	travel(t, &t->fwd, &t->nfwd, &t->back, &t->nback);
	if (t->screen != was)
		return;
	/* TRANSLATORS: %zu: how many more places the history can go forward
	 * to */
	tui_message(t, 0, P_("Forward (%zu more)", "Forward (%zu more)", t->nfwd), t->nfwd);
}

/* What the screen is about, for o and p: its place, with the unit (and in
 * the reader the part) it shows, or has selected. */
static struct tui_place about(const struct tui *t, int selected)
{
	struct tui_place p = here(t);
	tui_place_free(&p);
	if (ops(t)->about)
		ops(t)->about(t, selected, &p);
	return p;
}

/* After a resize (or at the start): every screen that lays text out for
 * the width does it again; the whole terminal is repainted. */
void tui_layout(struct tui *t)
{
	term_resized();
	getmaxyx(stdscr, t->rows, t->cols);
	rd_layout(t);
	ops(t)->reflow(t);
}

/* The status line: where, what the screen adds, where Back goes. */
static void status(struct tui *t)
{
	struct strbuf where = STRBUF_INIT, info = STRBUF_INIT, extra = STRBUF_INIT,
	              back = STRBUF_INIT, right = STRBUF_INIT;
	ops(t)->describe(t, NULL, &where);
	if (ops(t)->status)
		ops(t)->status(t, &info, &extra);
	if (t->nback && !ops(t)->transient) {
		const struct tui_place *b = &t->back[t->nback - 1];
		struct strbuf d = STRBUF_INIT;
		if ((b->doc != t->cur || t->screen == SCR_LIBRARY) && b->doc != LIB_NONE &&
		    b->screen != SCR_LIBRARY) {
			/* in another document (or from the library screen,
			 * which is in none; the library itself is in none
			 * either): its symbol first (and its
			 * language, for another version of this one) */
			const struct lib_doc *e = &t->lib->v[b->doc];
			int version = t->cur != LIB_NONE && t->lib->v[t->cur].next_lang != t->cur &&
			              strcmp(t->lib->v[t->cur].work_iri, e->work_iri) == 0;
			sb_addf(&d, version ? "%s (%s) " : "%s ", e->symbol, e->lang);
		}
		screens[b->screen]->describe(t, b, &d);
		/* TRANSLATORS: on the status line: where Backspace goes; %s:
		 * that place ("5.2", "Organisation (83 units)") */
		sb_addf(&back, _("Back: %s"), d.s ? d.s : "");
		sb_free(&d);
	}
	/* the screen's information, where Back goes, the screen's extras, in
	 * this order; when they do not fit, Back's is cut short (to no less
	 * than MIN_BACK columns), else left out, then the extras too */
	enum { MIN_BACK = 16 };
	int room = t->cols - draw_width(where.s ? where.s : "") - 4;
	for (int k = 0; k < 5; k++) {
		int with_back = k < 2 || k == 3, with_extra = k < 3;
		sb_truncate(&right, 0);
		int fixed = 0; /* the columns of all but Back's */
		const char *pieces[3] = {info.s, with_back ? back.s : NULL,
		                         with_extra ? extra.s : NULL};
		for (int i = 0; i < 3; i++)
			if (i != 1 && pieces[i] && *pieces[i])
				fixed += draw_width(pieces[i]) + 2;
		int back_w = room - fixed;
		if (k == 1 || k == 3) { /* Back's cut to what is left */
			if (!back.len || back_w < MIN_BACK)
				continue;
		} else if (with_back && back.len && draw_width(back.s) > back_w) {
			continue;
		}
		for (int i = 0; i < 3; i++) {
			if (!pieces[i] || !*pieces[i])
				continue;
			if (right.len)
				sb_adds(&right, "  ");
			if (i == 1)
				draw_clip(&right, pieces[i], back_w);
			else
				sb_adds(&right, pieces[i]);
		}
		if (draw_width(right.s ? right.s : "") <= room || k == 4)
			break;
	}
	draw_status(t, where.s ? where.s : "", right.s ? right.s : "");
	sb_free(&where);
	sb_free(&info);
	sb_free(&extra);
	sb_free(&back);
	sb_free(&right);
}

void tui_draw(struct tui *t)
{
	erase();
	draw_title(t);
	ops(t)->draw(t);
	status(t);
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

/* c: list the parts citing the part being read. */
static void cited_by(struct tui *t)
{
	const struct doc_part *p = rd_current_part(t);
	if (p == NULL) {
		tui_message(t, 0, "%s", _("Go to a part first"));
		return;
	}
	size_t n = 0;
	for (size_t i = 0; i < t->cites.n; i++)
		n += cite_cites(&t->cites.v[i], p) != 0;
	n += libui_cited_by(t, p);
	if (n == 0) {
		char *label = doc_part_title(p);
		/* TRANSLATORS: %s: a part's label (5.7 b)) */
		tui_message(t, 0, _("No part cites %s"), label);
		free(label);
		return;
	}
	struct tui_place at = {0};
	at.screen = SCR_LIST;
	at.list = LIST_CITED_BY;
	at.part = p;
	tui_go(t, &at);
}

/* The commands that are the browser's, whatever the screen. */
static void browser_command(struct tui *t, enum tui_cmd c, long count)
{
	struct tui_place at = {0};
	if (t->doc == NULL && c != CMD_BACK && c != CMD_LEFT && c != CMD_ESCAPE &&
	    c != CMD_FORWARD && c != CMD_RIGHT && c != CMD_HELP && c != CMD_LIBRARY &&
	    c != CMD_REDRAW && c != CMD_QUIT && c != CMD_QUIT_NOW) {
		/* TRANSLATORS: a key of the document (o, :) on the library
		 * screen before any document is open */
		tui_message(t, 0, "%s", _("Open a document first (Enter)"));
		return;
	}
	switch (c) {
	case CMD_BACK:
	case CMD_LEFT:
	case CMD_ESCAPE:
		tui_back(t);
		break;
	case CMD_FORWARD:
	case CMD_RIGHT:
		tui_forward(t);
		break;
	case CMD_HELP:
		at.screen = SCR_HELP;
		tui_go(t, &at);
		break;
	case CMD_ORG:
		if (t->doc->nunits == 0) {
			tui_message(t, 1, "%s", _("This document describes no organisation"));
			break;
		}
		at.screen = SCR_ORG;
		at.unit = about(t, 0).unit;
		tui_go(t, &at);
		break;
	case CMD_GOTO:
		goto_prompt(t);
		break;
	case CMD_SEARCH: /* from a screen that has none: in the text */
		at = rd_place(NULL);
		at.line = t->top;
		tui_go(t, &at);
		find_prompt(t);
		break;
	case CMD_LIST_MATCHES:
		if (t->nhits == 0) {
			tui_message(t, 0, "%s", t->pattern ? _("No match") : _("Search first (/)"));
			break;
		}
		at.screen = SCR_LIST;
		at.list = LIST_MATCHES;
		tui_go(t, &at);
		break;
	case CMD_CITED_BY:
		cited_by(t);
		break;
	case CMD_LANGUAGE:
		libui_language(t);
		break;
	case CMD_SIDE_BY_SIDE:
		libui_side_by_side(t);
		break;
	case CMD_LIBRARY:
		libscr_go(t);
		break;
	case CMD_PRINT:
		at = about(t, 1);
		at.screen = SCR_DIALOG;
		tui_go(t, &at);
		break;
	case CMD_REDRAW:
		clearok(curscr, TRUE);
		break;
	case CMD_QUIT:
	case CMD_QUIT_NOW:
		t->quit = 1;
		break;
	default:
		/* TRANSLATORS: a command that the screen shown does not
		 * offer; %s: its key */
		tui_message(t, 0, _("%s: not on this screen (? for help)"), keys_first(c));
		break;
	}
	(void)count;
}

void tui_command(struct tui *t, enum tui_cmd c, long count)
{
	if (!ops(t)->command(t, c, count))
		browser_command(t, c, count);
}

/* A mouse event: the wheel scrolls three lines, a click is the screen's. */
static void mouse(struct tui *t)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & BUTTON4_PRESSED)
		tui_command(t, CMD_UP, 3);
	else if (ev.bstate & BUTTON5_PRESSED)
		tui_command(t, CMD_DOWN, 3);
	else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
		ops(t)->click(t, ev.y, ev.x);
}

/* One key from the loop: a digit of a count, or a command. */
static void key(struct tui *t, wint_t k, int code, long *count)
{
	if (!code && k >= '0' && k <= '9' && (*count > 0 || k != '0')) {
		if (*count < MAX_COUNT)
			*count = *count * 10 + (long)(k - '0');
		/* TRANSLATORS: digits typed before a command (5j): the count so
		 * far, on the status line */
		tui_message(t, 0, _("Count: %ld"), *count);
		return;
	}
	long n = *count;
	*count = 0;
	if (code && k == TERM_KEY_BADCHAR) {
		tui_message(t, 1, "%s",
		            _("Not a character in this locale's character set: ignored"));
		return;
	}
	enum tui_cmd c = keys_command(t->screen, k, code);
	if (c != CMD_NONE) {
		tui_command(t, c, n);
	} else if (k & TERM_ALT) {
		/* an Alt key the screen does not use: Esc, then the key */
		input_unread(k & ~(wint_t)TERM_ALT, code);
		tui_command(t, CMD_ESCAPE, 0);
	} else {
		/* TRANSLATORS: %s: a key's name (j, Ctrl-X, F5) */
		tui_message(t, 0, _("%s: no such key here (? for help)"), keys_name(k, code));
	}
}

static void free_all(struct tui *t)
{
	page_free(&t->page);
	tree_free(&t->outline);
	tree_free(&t->units);
	tree_free(&t->list);
	tree_free(&t->dialog);
	text_free(&t->sum);
	text_free(&t->help);
	tui_place_free(&t->list_at);
	free(t->unit_find);
	free(t->print_text);
	free(t->print_name);
	places_clear(t->back, &t->nback);
	places_clear(t->fwd, &t->nfwd);
	free(t->back);
	free(t->fwd);
	find_clear(t);
	prompt_history_free(&t->hist_search);
	prompt_history_free(&t->hist_goto);
	mk_close(t);
	cite_index_free(&t->cites);
	libscr_free(t);
	libui_free(t);
}

int tui_run(struct library *lib, size_t doc, struct doc *d, const struct config *cfg,
            const char *at, const char *notice, int library)
{
	struct tui t;
	memset(&t, 0, sizeof t);
	t.doc = d;
	t.lib = lib;
	t.cur = lib && doc < lib->n ? doc : LIB_NONE;
	t.pair = LIB_NONE;
	if (t.cur != LIB_NONE) {
		t.ds = xcalloc(lib->n, sizeof *t.ds);
		t.ds[t.cur].doc = d;
	}
	t.cfg = cfg;
	t.sum.link = t.help.link = -1;
	/* restricted: no suspend (ncurses leaves an ignored SIGTSTP alone) */
	if (cfg->restricted)
		signal(SIGTSTP, SIG_IGN);
	t.screen = SCR_READER;
	t.cases = SEARCH_SMART;
	t.accents = SEARCH_SMART;
	t.cur_hit = -1;
	if (d)
		cite_index_build(d, &t.cites);
	mk_open(&t);
	term_start(&t);
	rd_build(&t);
	tui_layout(&t);
	/* TRANSLATORS: the first message on the status line; ? and q are keys */
	tui_message(&t, 0, "%s", _("? for help, q to quit"));
	if (notice)
		/* the document opened with problems: say so first */
		tui_message(&t, 1, "%s", notice);
	if (at) {
		goto_text(&t, at);
		places_clear(t.back, &t.nback); /* the place opened at is the first */
	} else if (library && lib && lib->n) {
		/* the library screen first: the first place of the history */
		libscr_go(&t);
		places_clear(t.back, &t.nback);
	}

	long count = 0;
	while (!t.quit) {
		getmaxyx(stdscr, t.rows, t.cols);
		if (t.cols < MIN_COLS || t.rows < MIN_ROWS)
			too_small(&t);
		else
			tui_draw(&t);
		refresh();
		wint_t k;
		int code = term_getkey(&k);
		if (code < 0)
			break; /* hangup, end of input, or a signal to end */
		if (code && k == KEY_RESIZE) {
			tui_layout(&t);
			continue;
		}
		if (t.cols < MIN_COLS || t.rows < MIN_ROWS) {
			if (!code && (k == 'q' || k == 'Q'))
				break;
			continue;
		}
		t.message[0] = '\0';
		if (code && k == KEY_MOUSE)
			mouse(&t);
		else
			key(&t, k, code, &count);
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
