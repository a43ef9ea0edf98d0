/* tui.h: the terminal browser (ncursesw). Internal to src/tui/; see
 * src/tui/README for the structure in a page.
 *
 * Commands are data: enum tui_cmd names every command, and one table
 * (keys.c) gives each its keys, its help line and the screens that offer
 * it. Keys, the mouse and the screens run commands by id (tui_command).
 *
 * Screens are data: each screen (reader, organisation, summary, list,
 * help, print dialog, library) is one file that fills in a struct tui_screen_ops;
 * only tui.c picks the current screen's operations. Screens never call one
 * another: they go to a place (tui_go), and a place names a screen and what
 * it shows. Back and Forward move through the places visited.
 *
 * One struct tui holds the state every screen keeps; data never points
 * back at the screens. The TUI asks the core for everything: it never
 * touches libxml2 or PCRE2. */
#ifndef CIRC_TUI_H
#define CIRC_TUI_H

#include <stddef.h>
#include <wchar.h>

#include "circ/cite.h"
#include "circ/doc.h"
#include "circ/library.h"
#include "circ/page.h"
#include "circ/search.h"
#include "circ/strbuf.h"
#include "circ/units.h"
#include "circ/xalloc.h"

/* The screens, in the order of tui.c's table of operations. */
enum tui_screen {
	SCR_READER,  /* the document: the text, and its outline (t) */
	SCR_ORG,     /* the organisation tree */
	SCR_SUMMARY, /* a unit's summary, with its links */
	SCR_LIST,    /* a list to choose from: citing parts, matches, units */
	SCR_HELP,    /* the keys */
	SCR_DIALOG,  /* the print dialog */
	SCR_LIBRARY, /* the library: every document, to open one */
	SCR_COUNT
};
#define SCR_BIT(s) (1u << (s))
#define SCR_ALL    ((1u << SCR_COUNT) - 1)

/* The commands. keys.c's table says which keys run them and where. */
enum tui_cmd {
	CMD_NONE,
	CMD_DOWN,
	CMD_UP,
	CMD_PAGE_DOWN,
	CMD_PAGE_UP,
	CMD_HALF_DOWN,
	CMD_HALF_UP,
	CMD_TOP,
	CMD_BOTTOM,
	CMD_NEXT_PART,
	CMD_PREV_PART,
	CMD_NEXT_LINK,
	CMD_PREV_LINK,
	CMD_FOLLOW,
	CMD_BACK,
	CMD_FORWARD,
	CMD_LEFT,
	CMD_RIGHT,
	CMD_FOLD,
	CMD_OUTLINE,
	CMD_GOTO,
	CMD_SEARCH,
	CMD_NEXT_MATCH,
	CMD_PREV_MATCH,
	CMD_LIST_MATCHES,
	CMD_CASE,
	CMD_ACCENTS,
	CMD_CITED_BY,
	CMD_ORG,
	CMD_DEFINITION,
	CMD_LANGUAGE,
	CMD_SIDE_BY_SIDE,
	CMD_PRINT,
	CMD_MARK,
	CMD_JUMP_MARK,
	CMD_ESCAPE,
	CMD_HELP,
	CMD_REDRAW,
	CMD_QUIT,
	CMD_QUIT_NOW,
	CMD_LIBRARY, /* the library screen */
	CMD_SORT,    /* the library: by symbol or by date */
	CMD_FILTER,  /* the library: filter as you type */
	CMD_COUNT
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

/* What a list shows. */
enum tui_list { LIST_CITED_BY = 1, LIST_MATCHES, LIST_UNITS, LIST_LIBRARY_MATCHES };

/* A match of / on the library screen (libscreen.c): copied, the library's
 * strings may be an index file's. */
struct tui_libhit {
	size_t doc;
	char *eid, *label, *text;
	enum search_field field;
	size_t start, end;
};

/* A place: a screen, what it shows, where in it. The history is made of
 * places; every screen can show the place it saved. */
struct tui_place {
	enum tui_screen screen;
	size_t doc;                  /* the library's document it is in
	                              * (LIB_NONE: the one document); tui_go()
	                              * sets it to the current one */
	const struct doc_part *part; /* reader: the part at the top (NULL: the
	                              * title block); list: the part cited */
	const struct unit *unit;     /* organisation: the selected unit;
	                              * summary: its unit */
	enum tui_list list;          /* list: what it lists */
	char *text;                  /* list of units: the name they share */
	size_t line;                 /* reader: lines below the part's first;
	                              * elsewhere: the first line or row shown */
	size_t sel;                  /* trees, lists: the selected row; reader:
	                              * 1 when the part is the one gone to;
	                              * summary: the selected link + 1 */
};

struct tui;

/* The operations of a screen. */
struct tui_screen_ops {
	int transient; /* a dialog: not kept in the history */
	/* Show the place (built for this screen). */
	void (*open)(struct tui *t, const struct tui_place *at);
	/* Where the screen is now, to come back to. */
	void (*save)(const struct tui *t, struct tui_place *at);
	/* A place of this screen in a few words, for the status line (at
	 * NULL: the screen as it is now). */
	void (*describe)(const struct tui *t, const struct tui_place *at, struct strbuf *out);
	void (*draw)(struct tui *t);
	/* Run a command; 0 when the screen leaves it to the browser. */
	int (*command)(struct tui *t, enum tui_cmd c, long count);
	/* The terminal's size changed. */
	void (*reflow)(struct tui *t);
	/* A click at y, x. */
	void (*click)(struct tui *t, int y, int x);
	/* What the screen is about, for o and p, beyond the place it saves:
	 * the unit selected (and unless selected, the one shown), the part
	 * (may be NULL). */
	void (*about)(const struct tui *t, int selected, struct tui_place *at);
	/* What the status line adds at its right, if anything: information,
	 * and what can be dropped first when the line is full (may be NULL). */
	void (*status)(const struct tui *t, struct strbuf *info, struct strbuf *extra);
};

/* A row of a tree or list: what it shows and what it stands for. */
struct tui_row {
	int depth;
	int has_kids;
	int divider; /* a heading row, not an item: never selected */
	char *text;  /* what the row shows (allocated) */
	char *note;  /* shown dimmed after it (allocated, may be NULL) */
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
	int shown;       /* rows drawn last (for clicks) */
};

/* A link in a text: line, byte span, where it goes; a name broken over
 * lines is one link in several pieces, the later ones marked cont. */
struct tui_text_link {
	size_t line, start, end;
	int cont;
	const struct doc_part *part; /* a part of the document */
	const struct unit *unit;     /* or a unit (its summary) */
};

/* A scrollable text (help, a summary). */
struct tui_text {
	char *title;
	char **lines;
	size_t nlines;
	size_t top;
	int shown; /* rows drawn last (for clicks) */
	struct tui_text_link *links;
	size_t nlinks;
	long link; /* the selected link, or -1 */
};

/* A line-edit prompt's history. */
struct tui_history {
	char **v;
	size_t n;
};

/* A place in the reader that survives a resize: a part and a line in it. */
struct tui_pos {
	const struct doc_part *part; /* NULL: the title block */
	size_t line;                 /* lines below the part's first */
};

struct config;
struct marks;
struct library;
struct lib_citing;

/* What the browser keeps of a document of the library it went to (libui.c):
 * loaded once, kept until the end (places point at its parts), with its
 * outline and its search while another is shown. */
struct tui_docstate {
	struct doc *doc; /* NULL: not loaded */
	int owned;       /* loaded by the browser (freed at the end) */
	struct tui_tree outline;
	char *pattern;
	long cur_hit;
};

struct tui {
	struct doc *doc;
	struct library *lib;       /* NULL: the one document d */
	size_t cur;                /* the library's index of doc, or LIB_NONE */
	struct tui_docstate *ds;   /* per document of the library */
	size_t pair;               /* side by side: the other language version
	                              shown beside doc, or LIB_NONE */
	int pair_on;               /* the page is laid out side by side */
	int pair_col;              /* then: the column of the divider */
	struct lib_citing *xcites; /* c: citations from other documents */
	size_t nxcites;
	const struct config *cfg;
	struct cite_index cites;
	int ascii;  /* the locale is not UTF-8: transliterate */
	int colour; /* colours in use */
	int rows, cols;
	int quit;
	enum tui_screen screen;
	struct tui_place *back, *fwd; /* the history of places */
	size_t nback, nfwd;
	struct marks *marks; /* m and ': NULL in restricted mode */

	/* the reader (reader.c) */
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

	/* search (find.c) */
	char *pattern;
	struct search *search;
	struct search_hit *hits;
	size_t nhits;
	long cur_hit;
	/* side by side: the same search's matches in the other version,
	 * shown, not visited (pair_for: the document they are of) */
	struct search_hit *pair_hits;
	size_t npair_hits;
	const struct doc *pair_for;
	enum search_mode cases, accents;

	/* the other screens */
	struct tui_tree units; /* orgscreen.c */
	char *unit_find;       /* orgscreen.c: what / looks for */
	struct tui_text sum;   /* sumscreen.c */
	const struct unit *sum_unit;
	struct tui_text help; /* helpscreen.c */
	struct tui_tree list; /* listscreen.c */
	struct tui_place list_at;
	/* the library screen (libscreen.c) */
	size_t *lib_rows; /* the entries shown (documents), sorted, filtered */
	size_t lib_nrows;
	size_t lib_sel, lib_top;
	int lib_by_date;
	char *lib_filter;
	struct tui_libhit *lhits; /* what / found across the library */
	size_t nlhits;
	char *lpattern;
	struct tui_tree dialog; /* printui.c */
	int dialog_step;
	struct tui_place dialog_from;
	char *print_text; /* the printout chosen: header and text */
	char *print_name;
	size_t print_pages;

	struct tui_history hist_search, hist_goto;
	char message[256];
	int message_error;
};

/* tui.c: the loop, commands, places */
int tui_run(struct library *lib, size_t doc, struct doc *d, const struct config *cfg,
            const char *at, const char *notice, int library);
void tui_message(struct tui *t, int error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Run command c (count: 0 when none was typed). */
void tui_command(struct tui *t, enum tui_cmd c, long count);
/* Go to a place, keeping the one left in the history. */
void tui_go(struct tui *t, const struct tui_place *to);
/* Go to a place in document doc of the library, keeping the place left. */
void tui_go_doc(struct tui *t, size_t doc, const struct tui_place *to);
/* Go to a part in the reader, keeping the place left. */
void tui_go_part(struct tui *t, const struct doc_part *p);
/* Open a unit's summary, keeping the place left. */
void tui_go_unit(struct tui *t, const struct unit *u);
/* Go to the paragraph that defines u (its head, composition...). */
void tui_go_definition(struct tui *t, const struct unit *u);
void tui_back(struct tui *t);
void tui_forward(struct tui *t);
/* Free what a place owns (its text). */
void tui_place_free(struct tui_place *p);
/* How far a page moves in h rows: two lines stay in view, as in less. */
static inline long tui_page_step(long h)
{
	return h - 2 > 0 ? h - 2 : 1;
}
/* Lay out everything again for the terminal's size. */
void tui_layout(struct tui *t);
/* Draw the whole screen (not refreshed). */
void tui_draw(struct tui *t);

/* reader.c: the reader's position, for find.c and tui.c */
void rd_build(struct tui *t);
void rd_layout(struct tui *t);
void rd_goto_line(struct tui *t, size_t line);
struct tui_pos rd_here(const struct tui *t);
const struct doc_part *rd_current_part(const struct tui *t);
/* The reader's area: first row, rows, first column, columns. */
void rd_area(const struct tui *t, int *y, int *h, int *x, int *w);
/* A place in the reader at part p (NULL: the top). */
struct tui_place rd_place(const struct doc_part *p);

/* libui.c: the documents of the library in the browser */
/* Document i, loaded when it is not yet (NULL, with a message, when it
 * cannot be read). */
struct doc *libui_doc(struct tui *t, size_t i);
/* Make document i the current one (loaded before): its outline, its
 * citations, its search, its marks. */
void libui_switch(struct tui *t, size_t i);
void libui_free(struct tui *t);
/* Follow a citation of another document (target: an IRI "/akn/..."
 * possibly with "~eId" or "#eId"), from part p's link l. */
void libui_follow(struct tui *t, const struct doc_part *p, const struct doc_link *l);
/* The words for a selected citation of another document: where Enter
 * goes, or that it is not in the library. */
void libui_describe_link(struct tui *t, const struct doc_part *p, const struct doc_link *l);
/* v: the next language version, at the same part. */
void libui_language(struct tui *t);
/* V: the language versions side by side (or not). */
void libui_side_by_side(struct tui *t);
/* The citations of p from the other documents (t->xcites); how many. */
size_t libui_cited_by(struct tui *t, const struct doc_part *p);
/* Open the citing part of t->xcites[k]. */
void libui_open_citing(struct tui *t, size_t k);
/* The document's status when it is not in force (allocated), or NULL. */
char *libui_status(const struct tui *t);

/* libscreen.c: the library screen's helpers for the browser and the list */
/* Open the library screen (CMD_LIBRARY), keeping the place left. */
void libscr_go(struct tui *t);
/* Open the document of /'s match k, at its part, the match current. */
void libscr_open_hit(struct tui *t, size_t k);
void libscr_free(struct tui *t);

/* pair.c: two documents laid out side by side, the parts of the same eId
 * starting on the same row: a page of width columns whose lines and
 * first lines are a's, with b's segments to the right of column *col. */
void pair_build(struct page *out, const struct doc *a, const struct doc *b, size_t width,
                int (*cpw)(uint32_t), int *col);

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
/* The same without waiting for a first byte: the key given back, a key
 * whose bytes ncurses has already read, or bytes already there; -1 when
 * there are none (or on an error). The rest of a key that has begun is
 * still waited for, as input_read() does. */
int input_poll(wint_t *key);
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
/* The command key runs on screen s, or CMD_NONE. */
enum tui_cmd keys_command(enum tui_screen s, wint_t key, int is_code);
/* Does screen s offer command c? */
int keys_offered(enum tui_screen s, enum tui_cmd c);
void keys_help(struct strbuf *out, int width);
const char *keys_name(wint_t key, int is_code);
/* The first key of command c, by name ("Backspace"). */
const char *keys_first(enum tui_cmd c);

/* tree.c: trees and lists */
void tree_free(struct tui_tree *tr);
void tree_add(struct tui_tree *tr, int depth, const char *text, const char *note, const void *item);
/* A heading row (not selectable). */
void tree_add_divider(struct tui_tree *tr, const char *text);
void tree_refresh(struct tui_tree *tr);
void tree_draw(const struct tui *t, struct tui_tree *tr, int y, int x, int h, int w, int focus);
void tree_move(struct tui_tree *tr, long delta);
void tree_fold(struct tui_tree *tr, int how);
long tree_row_at(const struct tui_tree *tr, int r);
const void *tree_item(const struct tui_tree *tr);
void tree_select_item(struct tui_tree *tr, const void *item);
int tree_show_item(struct tui_tree *tr, const void *item);
/* What a unit's row says after its name: its kind (in the interface's
 * language) and its head (allocated). */
char *tree_unit_note(const struct unit *u);
/* Run a moving command (down, up, pages, top, bottom) on a tree shown in
 * h rows; 0 when c is not one. */
int tree_command(struct tui_tree *tr, enum tui_cmd c, long count, int h);

/* text.c: scrollable texts with links (help, summaries) */
void text_free(struct tui_text *tx);
void text_set(struct tui_text *tx, const char *title, const char *body);
void text_draw(const struct tui *t, struct tui_text *tx);
/* Run a moving or link command on a text shown in h rows; 0 when c is
 * not one. */
int text_command(struct tui *t, struct tui_text *tx, enum tui_cmd c, long count, int h);
/* The link at y, x (its first piece), or -1. */
long text_link_at(const struct tui_text *tx, int y, int x);
/* The first piece of the link piece k is part of. */
long text_link_group(const struct tui_text *tx, size_t k);

/* find.c: searching the document (/, n, N, i, a) */
void find_prompt(struct tui *t);
void find_step(struct tui *t, int backward, long count);
void find_toggle(struct tui *t, int accents);
void find_clear(struct tui *t);
int find_set(struct tui *t, const char *pattern, int quiet);
/* pattern compiled with the browser's case and accent modes, or NULL after
 * saying "Bad pattern: ..." on the status line. */
struct search *find_compile(struct tui *t, const char *pattern);
/* Side by side: the search's matches in the other version other (once per
 * document and search), for drawing. */
void find_in_pair(struct tui *t, const struct doc *other);
/* The part the current match is in, or NULL. */
const struct doc_part *find_current_part(const struct tui *t);
/* Make match k the current one and show it (the place is not kept). */
void find_show(struct tui *t, long k);
/* Go to match k in the reader (from a list), keeping the place left. */
void find_go(struct tui *t, long k);
/* For the status line: the pattern and where in its matches; the modes. */
void find_status(const struct tui *t, struct strbuf *info, struct strbuf *modes);

/* gotoui.c: ':' */
void goto_prompt(struct tui *t);
void goto_text(struct tui *t, const char *text);

/* marksui.c: m and ' */
void mk_open(struct tui *t);
void mk_close(struct tui *t);
void mk_set(struct tui *t);
void mk_jump(struct tui *t);

/* prompt.c: a line editor on the status line; NULL when cancelled. */
typedef void (*prompt_change_fn)(struct tui *t, const char *text);
/* Candidates for text: their texts and labels (allocated arrays of
 * allocated strings); returns how many. */
typedef size_t (*prompt_complete_fn)(struct tui *t, const char *text, char ***texts,
                                     char ***labels);
char *prompt_read(struct tui *t, const char *label, const char *initial, struct tui_history *h,
                  prompt_change_fn change, prompt_complete_fn complete);
/* Ask a yes/no question on the status line; 1 for yes. */
int prompt_yes(struct tui *t, const char *question);
/* Read one key for a command that takes one (m, '); 0 when cancelled. */
int prompt_char(struct tui *t, const char *label, wint_t *key);
void prompt_history_free(struct tui_history *h);

/* draw.c: the title bar and the status line */
void draw_title(struct tui *t);
/* The status line: where (the screen's own words) at the left, and the
 * message, or what the right side holds. */
void draw_status(struct tui *t, const char *where, const char *right);
/* The status line as a prompt: the label, the text, the cursor. */
void draw_prompt(struct tui *t, const char *prompt, const char *text, size_t cursor);
/* Append s to out, cut to w columns with an ellipsis if it is wider. */
void draw_clip(struct strbuf *out, const char *s, int w);
/* Columns s (n bytes of it) takes on this terminal. */
int draw_width(const char *s);
int draw_width_n(const char *s, size_t n);

#endif
