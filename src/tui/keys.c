/* keys.c: the command table: every command of the browser (enum tui_cmd),
 * the keys that run it, the screens that offer it, its help line. The
 * main loop turns keys into commands with it, the help screen, --keys and
 * the manual's key list (man/keys.sh) are made from it, so they cannot
 * disagree. */
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

/* A row of the table: a command, the keys that run it on some screens, and
 * its help line. A command may have several rows (d halves the page in the
 * reader, and goes to the definition of a unit elsewhere). */
struct cmd {
	enum tui_cmd id;
	struct key keys[4];
	unsigned screens;
	const char *name; /* the command's name (not shown) */
	const char *help; /* marked with N_(), shown with _() */
};

#define R       SCR_BIT(SCR_READER)
#define O       SCR_BIT(SCR_ORG)
#define S       SCR_BIT(SCR_SUMMARY)
#define L       SCR_BIT(SCR_LIST)
#define H       SCR_BIT(SCR_HELP)
#define D       SCR_BIT(SCR_DIALOG)
#define B       SCR_BIT(SCR_LIBRARY)
#define ALL     SCR_ALL
/* the screens where one reads and moves about: all but the dialog */
#define READING (R | O | S | L | H | B)
/* a command of these is one of every screen, in the help */
#define EVERY   (R | S | L)

static const struct cmd table[] = {
    {CMD_DOWN, {K('j'), F(KEY_DOWN), K(CTRL('n'))}, ALL, "down", N_("one line (or row) down")},
    {CMD_UP, {K('k'), F(KEY_UP), K(CTRL('p'))}, ALL, "up", N_("one line (or row) up")},
    {CMD_PAGE_DOWN,
     {K(' '), F(KEY_NPAGE), K('f'), K(CTRL('f'))},
     ALL,
     "page-down",
     N_("one page down")},
    {CMD_PAGE_UP, {K('b'), F(KEY_PPAGE), K(CTRL('b'))}, ALL, "page-up", N_("one page up")},
    {CMD_HALF_DOWN, {K(CTRL('d'))}, ALL, "half-page-down", N_("half a page down")},
    {CMD_HALF_UP, {K(CTRL('u'))}, ALL, "half-page-up", N_("half a page up")},
    {CMD_TOP, {K('g'), F(KEY_HOME), K('<')}, ALL, "top", N_("to the top (5g: to line 5)")},
    {CMD_BOTTOM, {K('G'), F(KEY_END), K('>')}, ALL, "bottom", N_("to the bottom (5G: to line 5)")},
    {CMD_FOLLOW,
     {K('\r'), K('\n'), F(KEY_ENTER)},
     ALL & ~H,
     "follow",
     N_("follow the selected link; open the selected row")},
    {CMD_BACK,
     {F(KEY_BACKSPACE), K(127), K(CTRL('h'))},
     ALL,
     "back",
     N_("back to the place before (the status line says which); in a dialog, cancel")},
    {CMD_LEFT, {F(KEY_LEFT)}, ALL, "left", N_("fold the row (trees); otherwise back")},
    {CMD_RIGHT,
     {F(KEY_RIGHT)},
     ALL,
     "right",
     N_("unfold the row (trees); otherwise forward again, after going back")},
    {CMD_GOTO,
     {K(':')},
     READING,
     "goto",
     N_("go to a part (5.7b, section 8) or a unit by name; Tab completes")},
    {CMD_SEARCH,
     {K('/')},
     READING & ~O & ~B,
     "search",
     N_("search the text (a PCRE2 regular expression)")},
    {CMD_ORG,
     {K('o')},
     READING & ~O,
     "organisation",
     N_("the organisation, at the unit of the place you are at")},
    {CMD_PRINT,
     {K('p')},
     R | O | S | L,
     "print",
     N_("print: a summary, the organisation, the part on screen or the matches; to your "
        "terminal's printer, the print command or a file")},
    {CMD_ESCAPE,
     {K(27)},
     ALL,
     "escape",
     N_("close this screen (as Backspace); in the document, leave the outline, clear the "
        "selection and the highlighted matches (n searches again, as in less)")},
    {CMD_HELP, {K('?'), F(KEY_F(1)), K('h')}, ALL, "help", N_("this list of keys")},
    {CMD_REDRAW, {K(CTRL('l'))}, ALL, "redraw", N_("redraw the screen")},
    {CMD_QUIT, {K('q')}, ALL, "quit", N_("quit; in this help, close it (as in less and man)")},
    {CMD_QUIT_NOW, {K('Q')}, ALL, "quit-now", N_("quit at once, from any screen")},
    {CMD_LIBRARY,
     {K('B')},
     READING & ~B,
     "library",
     N_("the library: every document, sorted, filtered as you type; Enter opens one")},

    {CMD_HALF_DOWN, {K('d')}, R | L | H, "half-page-down", N_("half a page down (as in less)")},
    {CMD_HALF_UP, {K('u')}, R | L | H, "half-page-up", N_("half a page up (as in less)")},
    {CMD_NEXT_PART, {K('}')}, R, "next-part", N_("to the next paragraph")},
    {CMD_PREV_PART,
     {K('{')},
     R,
     "previous-part",
     N_("to the start of this or the previous paragraph")},
    {CMD_NEXT_LINK,
     {K('\t')},
     R | S,
     "next-link",
     N_("select the next link: a citation, a unit's name, a paragraph")},
    {CMD_PREV_LINK, {F(KEY_BTAB)}, R | S, "previous-link", N_("select the previous link")},
    {CMD_FOLD, {K('z')}, R | O, "fold", N_("fold or unfold the selected row")},
    {CMD_OUTLINE,
     {K('t')},
     R,
     "outline",
     N_("show the outline and move into it (again: back to the text)")},
    {CMD_SEARCH,
     {K('/')},
     O,
     "find-unit",
     N_("find a unit as you type (words of its name, no accents needed)")},
    {CMD_NEXT_MATCH, {K('n')}, R, "next-match", N_("the next match (wraps around; 3n: the third)")},
    {CMD_PREV_MATCH, {K('N')}, R, "previous-match", N_("the previous match")},
    {CMD_NEXT_MATCH, {K('n')}, O, "next-unit-found", N_("the next unit that / finds")},
    {CMD_PREV_MATCH, {K('N')}, O, "previous-unit-found", N_("the previous unit that / finds")},
    {CMD_LIST_MATCHES, {K('L')}, R, "list-matches", N_("list every match with its context")},
    {CMD_CASE, {K('i')}, R, "case", N_("search case: smart, ignored, exact")},
    {CMD_ACCENTS, {K('a')}, R, "accents", N_("search accents: smart, ignored, exact")},
    {CMD_CITED_BY,
     {K('c')},
     R,
     "cited-by",
     N_("list the parts that cite the part on screen, in this document and the others of the "
        "library")},
    {CMD_LANGUAGE,
     {K('v')},
     R,
     "language",
     N_("the next language version of the document, at the same part")},
    {CMD_SIDE_BY_SIDE,
     {K('V')},
     R,
     "side-by-side",
     N_("two language versions side by side, part by part (160 columns or more); again: one")},
    {CMD_MARK,
     {K('m')},
     R,
     "mark",
     N_("m and a letter: mark the place (kept for your next session)")},
    {CMD_JUMP_MARK, {K('\'')}, R, "goto-mark", N_("' and a letter: back to the marked place")},
    {CMD_SEARCH,
     {K('/')},
     B,
     "search-library",
     N_("search every document of the library; Enter on a match opens its document there")},
    {CMD_SORT, {K('s')}, B, "sort", N_("sort by date (newest first) or by symbol")},
    {CMD_FILTER,
     {K('F')},
     B,
     "filter",
     N_("filter as you type (words of the symbol, title, type, date or status of any "
        "language version; no accents needed); Esc clears it")},
    {CMD_DEFINITION,
     {K('d')},
     O | S,
     "definition",
     N_("go to the paragraph that defines the unit")},
};
#define NCMDS (sizeof table / sizeof table[0])

/* Does row c have key? */
static int row_has_key(const struct cmd *c, wint_t key, int is_code)
{
	for (size_t k = 0; k < 4 && (c->keys[k].k || c->keys[k].code); k++)
		if (c->keys[k].k == key && c->keys[k].code == is_code)
			return 1;
	return 0;
}

enum tui_cmd keys_command(enum tui_screen s, wint_t key, int is_code)
{
	for (size_t i = 0; i < NCMDS; i++)
		if ((table[i].screens & SCR_BIT(s)) && row_has_key(&table[i], key, is_code))
			return table[i].id;
	return CMD_NONE;
}

int keys_offered(enum tui_screen s, enum tui_cmd c)
{
	for (size_t i = 0; i < NCMDS; i++)
		if (table[i].id == c && (table[i].screens & SCR_BIT(s)))
			return 1;
	return 0;
}

const char *keys_first(enum tui_cmd c)
{
	for (size_t i = 0; i < NCMDS; i++)
		if (table[i].id == c)
			return keys_name(table[i].keys[0].k, table[i].keys[0].code);
	return "?";
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
	    {READING, N_("On every screen")},
	    {R, N_("In the document (the reader, and the outline with t)")},
	    {O, N_("In the organisation (o)")},
	    {S, N_("In a unit's summary")},
	    {L | D, N_("In a list and the print dialog")},
	    {B, N_("In the library (B)")},
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
			/* a command of every screen is listed once, first */
			int everywhere = (table[i].screens & EVERY) == EVERY;
			if (g == 0 ? !everywhere
			           : everywhere || !(table[i].screens & groups[g].mask))
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
	              "where Backspace goes, and messages. A number before a key repeats it (5j, "
	              "3n). Q quits from anywhere."),
	            0, NULL, 0, w < MEASURE ? w : MEASURE);
}

void tui_keys_text(struct strbuf *out, int width)
{
	keys_help(out, width);
}
