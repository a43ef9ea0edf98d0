/* term.c: the terminal: starting and restoring ncurses, the signals that end
 * the program, stop it or resize its terminal (they only set a flag),
 * reading keys without ever spinning on a dropped connection nor missing a
 * signal that comes just before the wait, attributes that work on dark and
 * light backgrounds or without colour, and drawing UTF-8 text,
 * transliterated to ASCII when the locale cannot show it. */
#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <limits.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/select.h>

#include "circ/err.h"
#include "circ/i18n.h"
#include "circ/layout.h"
#include "circ/utf8.h"
#include "tui.h"

static int active;
static int ascii;
static volatile sig_atomic_t hangup;
static volatile sig_atomic_t stopped; /* Ctrl-Z, not handled yet */
static volatile sig_atomic_t resized; /* SIGWINCH, not handled yet */
/* The signals caught, blocked while a key is read but for the wait. */
static const int watched[] = {SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGPIPE, SIGTSTP, SIGWINCH};
static attr_t attrs[TA_COUNT];
static short pairs[TA_COUNT];
static SCREEN *screen;

/* SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGPIPE: note it; the key loop ends the
 * program (restoring the terminal first). SIGTSTP: note it; the key loop
 * suspends. SIGWINCH: note it; the key loop gives KEY_RESIZE. */
static void on_signal(int sig)
{
	if (sig == SIGTSTP)
		stopped = 1;
	else if (sig == SIGWINCH)
		resized = 1;
	else
		hangup = sig;
}

/* Catch sig with on_signal, without SA_RESTART: a blocked read returns.
 * SIGWINCH has SA_RESTART, so that it does not cut short a write to the
 * terminal while the screen is drawn; the wait for a key (pselect) returns
 * on any signal all the same. */
static void install(int sig)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sa.sa_flags = sig == SIGWINCH ? SA_RESTART : 0;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

int term_hangup(void)
{
	return hangup != 0;
}

int term_signal(void)
{
	return (int)hangup;
}

void term_stop(void)
{
	if (!active)
		return;
	active = 0;
	mousemask(0, NULL);
	curs_set(1);
	endwin();
	if (screen) {
		delscreen(screen);
		screen = NULL;
	}
}

/* The crash path: only restore the terminal. */
static void crash_restore(void)
{
	if (active) {
		active = 0;
		endwin();
	}
}

static void set_attrs(int colour)
{
	static const struct {
		enum tui_attr a;
		attr_t mono;
		short fg; /* -1: the terminal's own colour */
		attr_t with_colour;
	} map[] = {
	    {TA_TEXT, A_NORMAL, -1, A_NORMAL},
	    {TA_TITLE, A_REVERSE, -1, A_REVERSE},
	    {TA_STATUS, A_REVERSE, -1, A_REVERSE},
	    {TA_NUM, A_BOLD, -1, A_BOLD},
	    {TA_LINK, A_BOLD | A_UNDERLINE, COLOR_BLUE, A_BOLD | A_UNDERLINE},
	    {TA_UNIT, A_UNDERLINE, COLOR_MAGENTA, A_NORMAL},
	    {TA_SELECTED, A_REVERSE | A_BOLD, -1, A_REVERSE | A_BOLD},
	    {TA_MATCH, A_REVERSE, -1, A_REVERSE},
	    {TA_CURMATCH, A_REVERSE | A_BOLD | A_UNDERLINE, COLOR_RED, A_REVERSE | A_BOLD},
	    {TA_DIM, A_DIM, -1, A_DIM},
	    {TA_ERROR, A_BOLD, COLOR_RED, A_BOLD},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		enum tui_attr a = map[i].a;
		pairs[a] = 0;
		attrs[a] = map[i].mono;
		if (colour && map[i].fg >= 0) {
			short pair = (short)(i + 1);
			init_pair(pair, map[i].fg, -1);
			pairs[a] = pair;
			attrs[a] = map[i].with_colour;
		} else if (colour) {
			attrs[a] = map[i].with_colour;
		}
	}
}

void term_start(struct tui *t)
{
	const char *cs = nl_langinfo(CODESET);
	ascii = !(cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0));
	t->ascii = ascii;
	screen = newterm(NULL, stdout, stdin);
	if (screen == NULL) {
		const char *term = getenv("TERM");
		/* TRANSLATORS: %s: the value of $TERM, or "unset" */
		err_report(NULL, 0, 0, _("cannot use the terminal (TERM=%s)"),
		           /* TRANSLATORS: in "TERM=unset": no $TERM at all */
		           term ? term : _("unset"));
		exit(ERR_EXIT_USAGE);
	}
	set_term(screen);
	active = 1;
	/* a terminal that cannot move the cursor (TERM=dumb) cannot browse */
	if (!term_can_address()) {
		term_stop();
		const char *term = getenv("TERM");
		err_report(NULL, 0, 0,
		           /* TRANSLATORS: %s: the value of $TERM; --dump, --toc
		            * and --show are options, not to be translated */
		           _("the terminal (TERM=%s) cannot move the cursor; use circ --dump, "
		             "--toc or --show"),
		           term ? term : _("unset"));
		exit(ERR_EXIT_USAGE);
	}
	err_set_cleanup(crash_restore);
#ifdef ENABLE_NLS
	/* the screen is drawn from UTF-8 (transliterated to ASCII when the
	 * locale is not UTF-8): the messages must be UTF-8 too, whatever the
	 * locale's character set */
	bind_textdomain_codeset(CIRC_DOMAIN, "UTF-8");
#endif
	static const int ending[] = {SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGPIPE};
	for (size_t i = 0; i < sizeof ending / sizeof ending[0]; i++)
		install(ending[i]);
	/* Ctrl-Z, unless ignored (restricted mode) */
	struct sigaction old;
	if (sigaction(SIGTSTP, NULL, &old) == 0 && old.sa_handler != SIG_IGN)
		install(SIGTSTP);
	/* a resize: ours, not ncurses's, whose flag is only looked at before
	 * its read() blocks (a SIGWINCH just before it was lost until a key) */
	install(SIGWINCH);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	idlok(stdscr, TRUE);
	set_escdelay(25);
	input_start();
	curs_set(0);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	const char *nc = getenv("NO_COLOR");
	t->colour = has_colors() && !(nc && *nc);
	if (t->colour) {
		start_color();
		if (use_default_colors() != OK)
			t->colour = 0;
	}
	set_attrs(t->colour);
	getmaxyx(stdscr, t->rows, t->cols);
}

void term_attr(enum tui_attr a, int on)
{
	attr_t v = attrs[a] | (pairs[a] ? (attr_t)COLOR_PAIR(pairs[a]) : 0);
	if (on)
		attron(v);
	else
		attroff(v);
}

/* ASCII for a character the locale cannot show. */
static const char *translit(uint32_t cp)
{
	static char one[2];
	static const char *const latin[] = {
	    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I",  "I",
	    "D", "N", "O", "O", "O", "O", "O",  "x", "O", "U", "U", "U", "U", "Y", "Th", "ss",
	    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
	    "d", "n", "o", "o", "o", "o", "o",  "/", "o", "u", "u", "u", "u", "y", "th", "y"};
	if (cp < 0x80) {
		one[0] = (char)cp;
		one[1] = '\0';
		return one;
	}
	if (cp >= 0xC0 && cp <= 0xFF)
		return latin[cp - 0xC0];
	switch (cp) {
	case 0xA0:
	case 0x2007:
	case 0x2009:
	case 0x202F:
		return " ";
	case 0xAB:
	case 0xBB:
	case 0x201C:
	case 0x201D:
		return "\"";
	case 0x2018:
	case 0x2019:
		return "'";
	case 0x2013:
	case 0x2014:
	case 0x2010:
	case 0x2011:
		return "-";
	case 0x2026:
		return "...";
	case 0x152:
		return "OE";
	case 0x153:
		return "oe";
	case 0x178:
		return "Y";
	case 0xA7:
		return "S";
	case 0xB0:
		return "o";
	case 0x203A:
		return ">";
	case 0x2039:
		return "<";
	case 0x2022:
		return "*";
	case 0x2500: /* box drawing: rules and dividers */
		return "-";
	case 0x2502:
		return "|";
	case 0x250C: /* a table's corners and joints */
	case 0x2510:
	case 0x2514:
	case 0x2518:
	case 0x251C:
	case 0x2524:
	case 0x252C:
	case 0x2534:
	case 0x253C:
		return "+";
	case 0x2190: /* arrows, as key names may use */
		return "<-";
	case 0x2192:
		return "->";
	case 0x2191:
		return "^";
	case 0x2193:
		return "v";
	default:
		return cp >= 0x300 && cp <= 0x36F ? "" : "?";
	}
}

/* Whether cp is shown as itself: always in a UTF-8 locale; otherwise when
 * the locale's character set has it (Latin-1 has « é » and U+00A0, ASCII
 * none of them), else it is transliterated. */
static int shown_as_is(uint32_t cp)
{
	if (!ascii || cp < 0x80)
		return !ascii;
	char buf[MB_LEN_MAX];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	return wcrtomb(buf, (wchar_t)cp, &st) != (size_t)-1;
}

int term_cpwidth(uint32_t cp)
{
	if (!shown_as_is(cp))
		return (int)strlen(translit(cp));
	return utf8_cpwidth(cp);
}

int term_putn(const char *s, size_t n, int maxw, enum tui_attr a)
{
	int w = 0;
	term_attr(a, 1);
	for (size_t i = 0; i < n && w < maxw;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		i += k;
		if (cp == '\n' || cp == '\t')
			cp = ' ';
		int cw = term_cpwidth(cp);
		if (cw == 0 || cp < 0x20)
			continue;
		if (w + cw > maxw)
			break;
		if (!shown_as_is(cp)) {
			addstr(translit(cp));
		} else {
			wchar_t wc[2] = {(wchar_t)cp, L'\0'};
			addnwstr(wc, 1);
		}
		w += cw;
	}
	term_attr(a, 0);
	return w;
}

int term_putn_clipped(const char *s, size_t n, int maxw, enum tui_attr a)
{
	if (maxw <= 0)
		return 0;
	int ew = term_cpwidth(0x2026);
	if ((int)layout_text_width(s, n, term_cpwidth) <= maxw || maxw <= ew)
		return term_putn(s, n, maxw, a);
	int w = term_putn(s, n, maxw - ew, a);
	return w + term_putn("…", strlen("…"), ew, a);
}

void term_put(int y, int x, const char *s, size_t n, int maxw, enum tui_attr a)
{
	if (y < 0 || x < 0 || maxw <= 0)
		return;
	move(y, x);
	term_putn(s, n, maxw, a);
}

void term_fill(int y, int x, int w, enum tui_attr a)
{
	if (w <= 0)
		return;
	move(y, x);
	term_attr(a, 1);
	for (int i = 0; i < w; i++)
		addch(' ');
	term_attr(a, 0);
}

/* Is standard input gone (the connection dropped)? */
static int input_gone(void)
{
	struct pollfd p = {STDIN_FILENO, POLLIN, 0};
	if (poll(&p, 1, 0) < 0)
		return errno != EINTR;
	return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* Ctrl-Z: restore the terminal, stop, and on SIGCONT take the terminal
 * back at whatever size it has now (it may have been resized meanwhile)
 * and repaint all of it. */
static void suspend(void)
{
	endwin();
	fflush(stdout);
	signal(SIGTSTP, SIG_DFL);
	sigset_t set, old;
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &set, &old);
	raise(SIGTSTP);
	/* here again after SIGCONT */
	install(SIGTSTP);
	sigprocmask(SIG_SETMASK, &old, NULL);
	stopped = 0;
	term_resized();
}

void term_resized(void)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0 &&
	    (ws.ws_row != LINES || ws.ws_col != COLS))
		resize_term(ws.ws_row, ws.ws_col);
	/* the terminal may have kept, reflowed, scrolled or dropped what was
	 * on it: paint every cell again */
	clearok(curscr, TRUE);
}

/* Wait until standard input can be read (1) or a signal came (0), with
 * wait_mask as the signal mask meanwhile; -1 on an error. */
static int wait_input(const sigset_t *wait_mask)
{
	fd_set in;
	FD_ZERO(&in);
	FD_SET(STDIN_FILENO, &in);
	if (pselect(STDIN_FILENO + 1, &in, NULL, NULL, NULL, wait_mask) >= 0)
		return 1;
	return errno == EINTR ? 0 : -1;
}

/* term_getkey(), the watched signals blocked: their flags are looked at,
 * then the wait lets them in (atomically, so none comes unseen between
 * the two); a key already there is taken without waiting. */
static int getkey(wint_t *key, const sigset_t *wait_mask)
{
	for (int errors = 0;;) {
		if (hangup)
			return -1;
		if (stopped) {
			suspend();
			*key = KEY_RESIZE;
			return 1;
		}
		if (resized) {
			resized = 0;
			*key = KEY_RESIZE;
			return 1;
		}
		int rc = input_poll(key);
		if (rc >= 0)
			return rc;
		int w = wait_input(wait_mask);
		if (w == 0)
			continue;
		errno = 0;
		rc = w > 0 ? input_read(key) : -1;
		if (rc >= 0)
			return rc;
		if (stopped || resized)
			continue;
		if (hangup || input_gone() || ++errors > 50)
			return -1; /* never spin on a dead terminal */
	}
}

int term_getkey(wint_t *key)
{
	sigset_t block, old, wait_mask;
	sigemptyset(&block);
	for (size_t i = 0; i < sizeof watched / sizeof watched[0]; i++)
		sigaddset(&block, watched[i]);
	sigprocmask(SIG_BLOCK, &block, &old);
	wait_mask = old;
	for (size_t i = 0; i < sizeof watched / sizeof watched[0]; i++)
		sigdelset(&wait_mask, watched[i]);
	int rc = getkey(key, &wait_mask);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return rc;
}
