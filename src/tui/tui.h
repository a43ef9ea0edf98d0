/* tui.h: the terminal browser (ncursesw). Internal to src/tui/.
 *
 * One struct tui holds everything the screens share; data never points back
 * at the screens. Every screen has the same three functions, draw and key
 * (and an enter hook), and one command table (keys.c) says which key does
 * what on which screen: it drives the dispatch and the help screen.
 * The TUI asks the core for everything: it never touches libxml2 or PCRE2. */
#ifndef CIRC_TUI_H
#define CIRC_TUI_H

#include <stddef.h>
#include <wchar.h>

#include "circ/cite.h"
#include "circ/doc.h"
#include "circ/page.h"
#include "circ/search.h"
#include "circ/strbuf.h"
#include "circ/units.h"
#include "circ/xalloc.h"

/* The screens. */
enum tui_screen {
	SCR_DOC = 1,  /* the outline and the reader */
	SCR_ORG = 2,  /* the organisation tree */
	SCR_TEXT = 4, /* a scrollable text: help, a unit's summary */
	SCR_LIST = 8, /* a list to choose from: citing parts, matches */
	SCR_ALL = 15
};

/* Attributes of the things drawn (term.c maps them to colours or, without
 * colours, to bold/underline/reverse). */
enum tui_attr {
	TA_TEXT,
	TA_TITLE,
	TA_STATUS,
	TA_NUM,      /* numbers and headings */
	TA_LINK,     /* a citation */
	TA_UNIT,     /* a unit's name */
	TA_SELECTED, /* the link Tab chose, the selected row */
	TA_MATCH,    /* a search match */
	TA_CURMATCH, /* the match the search went to */
	TA_DIM,      /* context, kinds */
	TA_ERROR,
	TA_COUNT
};

/* A place in the reader that survives a resize: a part and a line in it. */
struct tui_pos {
	const struct doc_part *part; /* NULL: the title block */
	size_t line;                 /* lines below the part's first */
};

/* A row of a tree or list: what it shows and what it stands for. */
struct tui_row {
	int depth;
	int has_kids;
	char *text; /* what the row shows (allocated) */
	char *note; /* shown dimmed after it (allocated, may be NULL) */
	const void *item;
};

/* A folding tree or a flat list with a selection (outline, units, lists). */
struct tui_tree {
	struct tui_row *all; /* every row, in tree order */
	size_t nall;
	unsigned char *folded; /* per row of all */
	size_t *vis;           /* indices into all of the rows shown */
	size_t nvis;
	size_t sel, top; /* in vis */
};

/* A scrollable text (help, a summary). */
struct tui_text {
	char *title;
	char **lines;
	size_t nlines;
	size_t top;
	const struct unit *unit; /* a unit's summary: its unit */
	int help;                /* the help screen */
};

/* A line-edit prompt's history. */
struct tui_history {
	char **v;
	size_t n;
};

struct config;

struct tui {
	struct doc *doc;
	const struct config *cfg;
	char *print_text;                  /* the dialog: what to print, chosen */
	char *print_name;                  /* and what it is about (for a file name) */
	const struct unit *print_unit;     /* the unit on screen when p was pressed */
	const struct doc_part *print_part; /* the part on screen then */
	struct cite_index cites;
	int ascii;  /* the locale is not UTF-8: transliterate */
	int colour; /* colours in use */
	int rows, cols;
	enum tui_screen screen;
	int quit;

	/* the document screen */
	struct page page;
	size_t page_width;
	size_t top;        /* first line shown in the reader */
	int outline_shown; /* wide: always; narrow: when toggled */
	int outline_focus; /* keys go to the outline */
	struct tui_tree outline;
	const struct doc_part *link_part; /* the selected link: its part */
	size_t link_idx;                  /* and its index in part->links */
	int link_on;                      /* a link is selected */
	const struct doc_part *focus;     /* the part last gone to, while on screen */
	struct tui_pos *back, *fwd;
	size_t nback, nfwd;

	/* search */
	char *pattern;
	struct search *search;
	struct search_hit *hits;
	size_t nhits;
	long cur_hit;
	enum search_mode cases, accents;

	/* the organisation screen, the text and list screens */
	struct tui_tree units;
	struct tui_text text;
	enum tui_screen text_from;
	struct tui_tree list;
	char *list_title;
	int list_kind; /* LIST_CITED_BY or LIST_MATCHES */
	enum tui_screen list_from;

	struct tui_history hist_search, hist_goto;
	char message[256];
	int message_error;
};

enum { LIST_CITED_BY = 1, LIST_MATCHES = 2, LIST_PRINT_WHAT = 3, LIST_PRINT_WHERE = 4 };

/* tui.c */
int tui_run(struct doc *d, const struct config *cfg, const char *at);
void tui_message(struct tui *t, int error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void tui_layout(struct tui *t);
void tui_goto_part(struct tui *t, const struct doc_part *p, int remember);
void tui_goto_line(struct tui *t, size_t line);
struct tui_pos tui_here(const struct tui *t);
void tui_push_back(struct tui *t);
const struct doc_part *tui_current_part(const struct tui *t);

/* term.c: the terminal */
void term_start(struct tui *t);
void term_stop(void);
int term_hangup(void);
/* The signal that ended the browser (SIGHUP, SIGTERM...), or 0. */
int term_signal(void);
void term_attr(enum tui_attr a, int on);
int term_cpwidth(uint32_t cp);
void term_put(int y, int x, const char *s, size_t n, int maxw, enum tui_attr a);
int term_putn(const char *s, size_t n, int maxw, enum tui_attr a);
/* The same, but text that does not fit ends with an ellipsis; returns the
 * columns used. */
int term_putn_clipped(const char *s, size_t n, int maxw, enum tui_attr a);
void term_fill(int y, int x, int w, enum tui_attr a);
/* Read a key: 1 and a KEY_ code (or TERM_KEY_*), 0 and a character
 * (with TERM_ALT when Alt was held), -1 when the browser must end (hangup,
 * end of input, a signal). Ctrl-Z suspends in here and comes back with
 * KEY_RESIZE. */
int term_getkey(wint_t *key);
/* The terminal changed size or may have lost its contents: take its size
 * and repaint every cell at the next refresh. */
void term_resized(void);

/* input.c: keys from any client (see there) */
#define TERM_ALT         0x40000000 /* or'ed into a character typed with Alt */
#define TERM_KEY_UNKNOWN 0x20000001 /* an escape sequence circ does not know */
#define TERM_KEY_BADCHAR 0x20000002 /* bytes that are no character */
void input_start(void);
/* One key, as term_getkey() but -1 on any error. */
int input_read(wint_t *key);
/* Give a key back: the next read returns it (one key at most). An Alt key
 * that the screen does not use is read as Esc then that key,
 * so that an Esc and a key that arrive together (a fast typist, a loaded
 * server) lose nothing. */
void input_unread(wint_t key, int code);
/* termcap.c: can the terminal move the cursor (terminfo "cup")? */
int term_can_address(void);
/* termcap.c: the terminal's string capability cap ("ka1"), or NULL. */
const char *term_string(const char *cap);

/* keys.c: the command table */
int keys_dispatch(struct tui *t, wint_t key, int is_code);
void keys_help(struct strbuf *out, int width);
const char *keys_name(wint_t key, int is_code);

/* tree.c: trees and lists */
void tree_free(struct tui_tree *tr);
void tree_add(struct tui_tree *tr, int depth, const char *text, const char *note, const void *item);
void tree_refresh(struct tui_tree *tr);
void tree_draw(const struct tui *t, struct tui_tree *tr, int y, int x, int h, int w, int focus);
void tree_move(struct tui_tree *tr, long delta);
void tree_fold(struct tui_tree *tr, int how);
long tree_row_at(const struct tui_tree *tr, int r);
const void *tree_item(const struct tui_tree *tr);
void tree_select_item(struct tui_tree *tr, const void *item);
int tree_show_item(struct tui_tree *tr, const void *item);

/* docscreen.c: the outline and the reader */
void doc_draw(struct tui *t);
void doc_build_outline(struct tui *t);
void doc_follow(struct tui *t);
void doc_next_link(struct tui *t, int backward);
void doc_click(struct tui *t, int y, int x);

/* orgscreen.c, textscreen.c, listscreen.c */
void org_build(struct tui *t);
void org_draw(struct tui *t);
void org_open_summary(struct tui *t, const struct unit *u);
void text_open(struct tui *t, const char *title, const char *body, const struct unit *u);
void text_draw(struct tui *t);
void text_free(struct tui_text *tx);
void text_reflow(struct tui *t);
void list_draw(struct tui *t);
/* Show t->list (already filled) as a list titled title, of kind kind. */
void list_open(struct tui *t, const char *title, int kind);
void list_cited_by(struct tui *t);
void list_matches(struct tui *t);
void list_choose(struct tui *t);

/* prompt.c: a line editor on the status line; NULL when cancelled. */
typedef void (*prompt_change_fn)(struct tui *t, const char *text);
typedef char *(*prompt_complete_fn)(struct tui *t, const char *text);
char *prompt_read(struct tui *t, const char *label, const char *initial, struct tui_history *h,
                  prompt_change_fn change, prompt_complete_fn complete);
/* Ask a yes/no question on the status line; 1 for yes. */
int prompt_yes(struct tui *t, const char *question);
void history_free(struct tui_history *h);

/* searchui.c */
void search_prompt(struct tui *t);
void search_step_ui(struct tui *t, int backward);
void search_toggle(struct tui *t, int accents);
void search_clear(struct tui *t);
int search_set(struct tui *t, const char *pattern, int quiet);

/* printui.c: the print dialog (p) */
void print_dialog(struct tui *t);
void print_choose(struct tui *t, int kind, const void *item);

/* gotoui.c: ':' */
void goto_prompt(struct tui *t);
void goto_text(struct tui *t, const char *text);

/* draw.c: title and status bars, the whole screen */
void draw_all(struct tui *t);
void draw_status(struct tui *t, const char *prompt, const char *text, size_t cursor);
/* The reader's area: first row, rows, first column, columns. */
void doc_area(const struct tui *t, int *y, int *h, int *x, int *w);

#endif
