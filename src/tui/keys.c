/* keys.c: the command table: every key of the browser, the screens it works
 * on, its name and its help line, and the function it runs. Key dispatch
 * and the help screen are both made from this one table (and the manual's
 * key list is checked against it), so they cannot disagree. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "circ/i18n.h"
#include "circ/layout.h"
#include "circ/utf8.h"
#include "tui.h"
#include "tui_main.h"

#define CTRL(c) ((c)&0x1f)
#define K(c)                                                                                       \
	{                                                                                          \
		(wint_t)(c), 0                                                                     \
	}
#define F(c)                                                                                       \
	{                                                                                          \
		(wint_t)(c), 1                                                                     \
	}

struct key {
	wint_t k;
	int code; /* a KEY_ code from keypad(), not a character */
};

struct cmd {
	struct key keys[4];
	unsigned screens;
	const char *name; /* the command's name (not shown) */
	const char *help; /* marked with N_(), shown with _() */
	void (*run)(struct tui *t);
};

/* How many lines a page is on the current screen. */
static long page_rows(const struct tui *t)
{
	long h = t->rows - 3;
	return h > 1 ? h : 1;
}

static struct tui_tree *current_tree(struct tui *t)
{
	if (t->screen == SCR_ORG)
		return &t->units;
	if (t->screen == SCR_LIST)
		return &t->list;
	if (t->screen == SCR_DOC && t->outline_focus)
		return &t->outline;
	return NULL;
}

/* Move by delta lines (reader, text) or rows (trees). */
static void move_by(struct tui *t, long delta)
{
	struct tui_tree *tr = current_tree(t);
	if (tr) {
		tree_move(tr, delta);
		return;
	}
	if (t->screen == SCR_TEXT) {
		long top = (long)t->text.top + delta, max = (long)t->text.nlines - page_rows(t);
		if (top > max)
			top = max;
		t->text.top = top < 0 ? 0 : (size_t)top;
		return;
	}
	long top = (long)t->top + delta, max = (long)t->page.nlines - page_rows(t);
	if (top > max)
		top = max;
	tui_goto_line(t, top < 0 ? 0 : (size_t)top);
}

static void c_down(struct tui *t)
{
	move_by(t, 1);
}
static void c_up(struct tui *t)
{
	move_by(t, -1);
}
static void c_pgdn(struct tui *t)
{
	move_by(t, page_rows(t) - 1 > 0 ? page_rows(t) - 1 : 1);
}
static void c_pgup(struct tui *t)
{
	move_by(t, -(page_rows(t) - 1 > 0 ? page_rows(t) - 1 : 1));
}
static void c_top(struct tui *t)
{
	move_by(t, -(long)1e9);
}
static void c_bottom(struct tui *t)
{
	move_by(t, (long)1e9);
	/* at the end, the last part is the one being read */
	if (t->screen == SCR_DOC && !t->outline_focus && t->doc->nparts)
		t->focus = t->doc->parts[t->doc->nparts - 1];
}
static void c_quit(struct tui *t)
{
	t->quit = 1;
}
/* q: closes the help, as q closes less and man; elsewhere quits. */
static void c_q(struct tui *t)
{
	if (t->screen == SCR_TEXT && t->text.help)
		t->screen = t->text_from;
	else
		t->quit = 1;
}
static void c_redraw(struct tui *t)
{
	(void)t;
	clearok(curscr, TRUE);
}

static void c_help(struct tui *t)
{
	struct strbuf sb = STRBUF_INIT;
	keys_help(&sb, t->cols > 2 ? t->cols - 2 : 20);
	/* TRANSLATORS: the title of the help screen (on the status line) */
	text_open(t, _("Keys"), sb.s, NULL);
	t->text.help = 1;
	sb_free(&sb);
}

/* Next or previous paragraph: the next part that starts below the top. */
static void part_step(struct tui *t, int backward)
{
	const struct doc *d = t->doc;
	const struct doc_part *cur = tui_current_part(t);
	size_t at = cur ? cur->order : 0;
	size_t here = page_line_of(&t->page, cur);
	for (size_t i = 0; i < d->nparts; i++) {
		size_t k = backward ? (at + d->nparts - i) % d->nparts : (at + i + 1) % d->nparts;
		if (i == 0 && backward && t->top > here) {
			k = at; /* first back to the start of the current part */
		} else if (backward && i == 0) {
			continue;
		}
		const struct doc_part *p = d->parts[k];
		if (p->kind == DOC_KIND_PARAGRAPH || p->kind == DOC_KIND_SECTION ||
		    p->kind == DOC_KIND_PREAMBLE || p->kind == DOC_KIND_CONCLUSIONS) {
			tui_goto_part(t, p, 0);
			return;
		}
	}
}

static void c_next_part(struct tui *t)
{
	if (t->screen == SCR_DOC && !t->outline_focus)
		part_step(t, 0);
}

static void c_prev_part(struct tui *t)
{
	if (t->screen == SCR_DOC && !t->outline_focus)
		part_step(t, 1);
}

static void c_enter(struct tui *t)
{
	if (t->screen == SCR_DOC && t->outline_focus) {
		const struct doc_part *p = tree_item(&t->outline);
		if (p) {
			tui_goto_part(t, p, 1);
			if (!(t->cols >= 100))
				t->outline_shown = 0;
			t->outline_focus = 0;
		}
	} else if (t->screen == SCR_DOC) {
		doc_follow(t);
	} else if (t->screen == SCR_ORG) {
		const struct unit *u = tree_item(&t->units);
		if (u)
			org_open_summary(t, u);
	} else if (t->screen == SCR_LIST) {
		list_choose(t);
	}
}

/* Back: in the reader, the history; elsewhere, the screen before. */
static void c_back(struct tui *t)
{
	if (t->screen == SCR_TEXT) {
		t->screen = t->text_from;
	} else if (t->screen == SCR_LIST) {
		t->screen = t->list_from;
	} else if (t->screen == SCR_ORG) {
		t->screen = SCR_DOC;
	} else if (t->outline_focus) {
		tree_fold(&t->outline, -1);
	} else if (t->nback > 0) {
		t->fwd = xreallocarray(t->fwd, t->nfwd + 1, sizeof *t->fwd);
		t->fwd[t->nfwd++] = tui_here(t);
		struct tui_pos p = t->back[--t->nback];
		tui_goto_line(t, page_line_of(&t->page, p.part) + p.line);
		/* TRANSLATORS: %zu: how many more places the history can go
		 * back to */
		tui_message(t, 0, P_("Back (%zu more)", "Back (%zu more)", t->nback), t->nback);
	} else {
		tui_message(t, 0, "%s", _("Nothing to go back to"));
	}
}

static void c_left(struct tui *t)
{
	if (current_tree(t) && t->screen != SCR_LIST)
		tree_fold(current_tree(t), -1);
	else
		c_back(t);
}

static void c_forward(struct tui *t)
{
	if (current_tree(t)) {
		tree_fold(current_tree(t), 1);
	} else if (t->screen == SCR_DOC && t->nfwd > 0) {
		t->back = xreallocarray(t->back, t->nback + 1, sizeof *t->back);
		t->back[t->nback++] = tui_here(t);
		struct tui_pos p = t->fwd[--t->nfwd];
		tui_goto_line(t, page_line_of(&t->page, p.part) + p.line);
		/* TRANSLATORS: %zu: how many more places the history can go
		 * forward to */
		tui_message(t, 0, P_("Forward (%zu more)", "Forward (%zu more)", t->nfwd), t->nfwd);
	} else if (t->screen == SCR_DOC) {
		tui_message(t, 0, "%s", _("Nothing to go forward to"));
	}
}

static void c_fold(struct tui *t)
{
	if (current_tree(t))
		tree_fold(current_tree(t), 0);
}

static void c_tab(struct tui *t)
{
	if (t->screen == SCR_DOC && !t->outline_focus)
		doc_next_link(t, 0);
}

static void c_btab(struct tui *t)
{
	if (t->screen == SCR_DOC && !t->outline_focus)
		doc_next_link(t, 1);
}

static void c_outline(struct tui *t)
{
	if (t->cols >= 100) {
		t->outline_focus = !t->outline_focus;
	} else {
		t->outline_shown = !t->outline_shown;
		t->outline_focus = t->outline_shown;
	}
	if (t->outline_focus) {
		const struct doc_part *p = tui_current_part(t);
		if (p)
			tree_select_item(&t->outline, p);
	}
}

static void c_org(struct tui *t)
{
	if (t->doc->nunits == 0) {
		tui_message(t, 1, "%s", _("This document describes no organisation"));
		return;
	}
	t->screen = SCR_ORG;
}

static void c_definition(struct tui *t)
{
	const struct unit *u = t->screen == SCR_ORG ? tree_item(&t->units) : t->text.unit;
	if (u == NULL)
		return;
	const struct doc_part *p = u->head && u->head->source ? u->head->source
	                           : u->composition.n         ? u->composition.v[0]
	                           : u->functions.n           ? u->functions.v[0]
	                           : u->mentions.n            ? u->mentions.v[0]
	                                                      : NULL;
	if (p == NULL) {
		/* TRANSLATORS: %s: a unit's name */
		tui_message(t, 1, _("The bulletin does not define %s"), u->name);
		return;
	}
	t->screen = SCR_DOC;
	tui_goto_part(t, p, 1);
}

static void c_cited_by(struct tui *t)
{
	list_cited_by(t);
}
static void c_search(struct tui *t)
{
	search_prompt(t);
}
static void c_next(struct tui *t)
{
	search_step_ui(t, 0);
}
static void c_prev(struct tui *t)
{
	search_step_ui(t, 1);
}
static void c_matches(struct tui *t)
{
	list_matches(t);
}
static void c_case(struct tui *t)
{
	search_toggle(t, 0);
}
static void c_accents(struct tui *t)
{
	search_toggle(t, 1);
}
static void c_goto(struct tui *t)
{
	goto_prompt(t);
}
static void c_print(struct tui *t)
{
	print_dialog(t);
}

static void c_escape(struct tui *t)
{
	if (t->screen == SCR_DOC && t->outline_focus) {
		t->outline_focus = 0;
		if (t->cols < 100)
			t->outline_shown = 0;
	} else if (t->screen == SCR_DOC) {
		t->link_on = 0;
		if (t->pattern)
			/* TRANSLATORS: after Esc; n is the key of the next
			 * match, %s the pattern */
			tui_message(t, 0, _("Matches no longer shown; n searches /%s again"),
			            t->pattern);
		search_clear(t);
	} else {
		c_back(t);
	}
}

#define DOCS   SCR_DOC
#define MOVING (SCR_DOC | SCR_ORG | SCR_TEXT | SCR_LIST)

static const struct cmd table[] = {
    {{K('j'), F(KEY_DOWN), K(CTRL('n'))}, MOVING, "down", N_("one line (or row) down"), c_down},
    {{K('k'), F(KEY_UP), K(CTRL('p'))}, MOVING, "up", N_("one line (or row) up"), c_up},
    {{K(' '), F(KEY_NPAGE), K('f'), K(CTRL('f'))},
     MOVING,
     "page-down",
     N_("one page down"),
     c_pgdn},
    {{K('b'), F(KEY_PPAGE), K(CTRL('b'))}, MOVING, "page-up", N_("one page up"), c_pgup},
    {{K('g'), F(KEY_HOME), K('<')}, MOVING, "top", N_("to the top"), c_top},
    {{K('G'), F(KEY_END), K('>')}, MOVING, "bottom", N_("to the bottom"), c_bottom},
    {{K('}')}, DOCS, "next-part", N_("to the next paragraph"), c_next_part},
    {{K('{')},
     DOCS,
     "previous-part",
     N_("to the start of this or the previous paragraph"),
     c_prev_part},
    {{K('\t')}, DOCS, "next-link", N_("select the next citation or unit name in view"), c_tab},
    {{F(KEY_BTAB)}, DOCS, "previous-link", N_("select the previous citation or unit name"), c_btab},
    {{K('\r'), K('\n'), F(KEY_ENTER)},
     MOVING,
     "follow",
     N_("follow the selected link; open the selected row"),
     c_enter},
    {{F(KEY_BACKSPACE), K(127), K(CTRL('h'))},
     MOVING,
     "back",
     N_("go back (after following a link), or close this screen"),
     c_back},
    {{F(KEY_LEFT)}, MOVING, "left", N_("fold the row (trees); otherwise go back"), c_left},
    {{F(KEY_RIGHT)},
     MOVING,
     "right",
     N_("unfold the row (trees); otherwise go forward again"),
     c_forward},
    {{K('z')}, SCR_DOC | SCR_ORG, "fold", N_("fold or unfold the selected row"), c_fold},
    {{K('t')},
     DOCS,
     "outline",
     N_("show the outline and move into it (again: back to the text)"),
     c_outline},
    {{K('c')}, DOCS, "cited-by", N_("list the parts that cite the part on screen"), c_cited_by},
    {{K('o')},
     SCR_DOC | SCR_TEXT | SCR_LIST,
     "organisation",
     N_("the organisation: every unit, its kind and head"),
     c_org},
    {{K('d')},
     SCR_ORG | SCR_TEXT,
     "definition",
     N_("go to the paragraph that defines the unit"),
     c_definition},
    {{K('/')}, DOCS, "search", N_("search the text (a PCRE2 regular expression)"), c_search},
    {{K('n')}, DOCS, "next-match", N_("the next match (wraps around at the end)"), c_next},
    {{K('N')}, DOCS, "previous-match", N_("the previous match"), c_prev},
    {{K('L')}, DOCS, "list-matches", N_("list every match with its context"), c_matches},
    {{K('i')}, DOCS, "case", N_("search case: smart, ignored, exact"), c_case},
    {{K('a')}, DOCS, "accents", N_("search accents: smart, ignored, exact"), c_accents},
    {{K('p')},
     MOVING,
     "print",
     N_("print: a summary, the organisation, the part on screen or the matches; to your "
        "terminal's printer, the print command or a file"),
     c_print},
    {{K(':')}, DOCS, "goto", N_("go to a part (5.7b, section 8) or a unit by name"), c_goto},
    {{K(27)},
     MOVING,
     "escape",
     N_("leave the outline; clear the selection and the highlighted matches (n searches "
        "again, as in less)"),
     c_escape},
    {{K('?'), F(KEY_F(1)), K('h')}, SCR_ALL, "help", N_("this list of keys"), c_help},
    {{K(CTRL('l'))}, SCR_ALL, "redraw", N_("redraw the screen"), c_redraw},
    {{K('q')}, SCR_ALL, "quit", N_("quit; in this help, close it (as in less and man)"), c_q},
    {{K('Q')}, SCR_ALL, "quit-now", N_("quit at once, from any screen"), c_quit},
};
#define NCMDS (sizeof table / sizeof table[0])

int keys_dispatch(struct tui *t, wint_t key, int is_code)
{
	for (size_t i = 0; i < NCMDS; i++) {
		if (!(table[i].screens & (unsigned)t->screen))
			continue;
		for (size_t k = 0; k < 4 && (table[i].keys[k].k || table[i].keys[k].code); k++) {
			if (table[i].keys[k].k == key && table[i].keys[k].code == is_code) {
				table[i].run(t);
				return 1;
			}
		}
	}
	return 0;
}

/* A key's name, in the user's language for the keys that are words
 * (Space, Enter...); letters and Ctrl-X stay as they are. */
const char *keys_name(wint_t key, int is_code)
{
	static char buf[32], alt[64];
	if (is_code && (key & TERM_ALT)) {
		/* TRANSLATORS: a key pressed with Alt (or after Esc): %s is
		 * the key's name */
		snprintf(alt, sizeof alt, _("Alt-%s"), keys_name(key & ~(wint_t)TERM_ALT, 1));
		return alt;
	}
	if (is_code) {
		switch (key) {
		case KEY_DOWN:
			/* TRANSLATORS: the names of keys, in the help screen (?),
			 * circ --keys and messages: the arrow keys, the keypad's
			 * keys. Keep them short (the help's key column is as wide
			 * as the widest list of names, such as "Space, PgDn, f,
			 * Ctrl-F"). */
			return _("Down");
		case KEY_UP:
			/* TRANSLATORS: the Up arrow key */
			return _("Up");
		case KEY_LEFT:
			/* TRANSLATORS: the Left arrow key */
			return _("Left");
		case KEY_RIGHT:
			/* TRANSLATORS: the Right arrow key */
			return _("Right");
		case KEY_NPAGE:
			/* TRANSLATORS: the Page Down key */
			return _("PgDn");
		case KEY_PPAGE:
			/* TRANSLATORS: the Page Up key */
			return _("PgUp");
		case KEY_HOME:
			/* TRANSLATORS: the Home key */
			return _("Home");
		case KEY_END:
			/* TRANSLATORS: the End key */
			return _("End");
		case KEY_BTAB:
			/* TRANSLATORS: the Tab key with Shift */
			return _("Shift-Tab");
		case KEY_BACKSPACE:
			/* TRANSLATORS: the Backspace key */
			return _("Backspace");
		case KEY_ENTER:
			/* TRANSLATORS: the Enter (Return) key */
			return _("Enter");
		case KEY_IC:
			/* TRANSLATORS: the Insert key */
			return _("Insert");
		case KEY_DC:
			/* TRANSLATORS: the Delete key (not Backspace) */
			return _("Delete");
		case TERM_KEY_UNKNOWN:
			/* TRANSLATORS: an escape sequence from the terminal that
			 * names no key circ knows, in "%s: no such key here" */
			return _("This key");
		default:
			if (key >= KEY_F(1) && key <= KEY_F(63)) {
				snprintf(buf, sizeof buf, "F%d", (int)(key - KEY_F(0)));
				return buf;
			}
			return "?";
		}
	}
	if (!is_code && (key & TERM_ALT)) {
		const char *base = keys_name(key & ~(wint_t)TERM_ALT, 0);
		/* TRANSLATORS: a key pressed with Alt (or after Esc): %s is
		 * the key's name */
		snprintf(alt, sizeof alt, _("Alt-%s"), base);
		return alt;
	}
	switch (key) {
	case ' ':
		/* TRANSLATORS: the Space bar */
		return _("Space");
	case '\t':
		/* TRANSLATORS: the Tab key */
		return _("Tab");
	case '\r':
		return _("Enter");
	case '\n':
		return "Ctrl-J";
	case 27:
		/* TRANSLATORS: the Escape key */
		return _("Esc");
	case 127:
		/* TRANSLATORS: the DEL character (127), which most terminals
		 * send for the Backspace key: not the Delete key */
		return _("Del");
	default:
		break;
	}
	if (key < 32) {
		snprintf(buf, sizeof buf, "Ctrl-%c", (char)(key + 64));
		return buf;
	}
	snprintf(buf, sizeof buf, "%lc", (wint_t)key);
	if ((unsigned char)buf[0] >= 0x80 || buf[0] == '\0')
		snprintf(buf, sizeof buf, "%c", (char)key);
	return buf;
}

/* The names of a command's keys, each once: "j, Down, Ctrl-N". */
static void key_names(struct strbuf *out, const struct cmd *c)
{
	size_t at[4], len[4], nseen = 0;
	for (size_t k = 0; k < 4 && (c->keys[k].k || c->keys[k].code); k++) {
		const char *name = keys_name(c->keys[k].k, c->keys[k].code);
		size_t n = strlen(name);
		int dup = 0; /* Enter and the keypad's Enter */
		for (size_t i = 0; i < nseen; i++)
			dup |= len[i] == n && memcmp(out->s + at[i], name, n) == 0;
		if (dup)
			continue;
		if (out->len)
			sb_adds(out, ", ");
		at[nseen] = out->len;
		len[nseen++] = n;
		sb_add(out, name, n);
	}
}

/* The help: for each group of screens, its commands, the keys in a column
 * as wide as the widest list of key names (in the language shown) and the
 * description beside it; when that leaves too little room for the
 * descriptions (a narrow screen, long key names), each description goes
 * under its keys. */
void keys_help(struct strbuf *out, int width)
{
	static const struct {
		unsigned mask;
		const char *title;
	} groups[] = {
	    /* TRANSLATORS: headings of the help screen (?) */
	    {SCR_DOC, N_("In the document (the outline, with t, and the reader)")},
	    {SCR_ORG, N_("In the organisation (o)")},
	    {SCR_TEXT | SCR_LIST, N_("In a summary, a list or this help")},
	};
	/* the descriptions start GAP columns after the widest list of keys
	 * (in English "Space, PgDn, f, Ctrl-F": column 24, as in circ(1));
	 * beside the keys they need MIN_TEXT columns; the closing paragraph
	 * is at most MEASURE columns wide */
	enum { INDENT = 2, GAP = 2, MIN_TEXT = 20, MEASURE = 70 };
	size_t w = width > 0 ? (size_t)width : 0;
	struct strbuf names[NCMDS];
	size_t widest = 0;
	for (size_t i = 0; i < NCMDS; i++) {
		names[i] = (struct strbuf)STRBUF_INIT;
		key_names(&names[i], &table[i]);
		size_t kw = utf8_width(names[i].s, names[i].len);
		widest = kw > widest ? kw : widest;
	}
	size_t hang = widest + GAP;
	int stacked = w > 0 && w < INDENT + hang + MIN_TEXT;
	for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		if (g)
			sb_addc(out, '\n');
		layout_wrap(out, _(groups[g].title), 0, NULL, 0, w);
		sb_addc(out, '\n');
		for (size_t i = 0; i < NCMDS; i++) {
			if (!(table[i].screens & groups[g].mask))
				continue;
			if (stacked) {
				layout_wrap(out, names[i].s, INDENT, NULL, 0, w);
				layout_wrap(out, _(table[i].help), INDENT + 2 * GAP, NULL, 0, w);
			} else {
				layout_wrap(out, _(table[i].help), INDENT, names[i].s, hang, w);
			}
		}
	}
	for (size_t i = 0; i < NCMDS; i++)
		sb_free(&names[i]);
	sb_addc(out, '\n');
	layout_wrap(out,
	            _("The status line shows where you are, the search's case and accent modes, "
	              "and messages. Q quits from anywhere."),
	            0, NULL, 0, w < MEASURE ? w : MEASURE);
}

void tui_keys_text(struct strbuf *out, int width)
{
	keys_help(out, width);
}
