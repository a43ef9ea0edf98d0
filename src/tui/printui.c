/* printui.c: the print dialog screen (p): what to print (a unit's summary, a unit
 * and all below it, the whole organisation, the part on screen, the search
 * results), then where: the printer attached to the user's terminal
 * (terminfo mc5/mc4, or ESC [5i ... ESC [4i, sent by the core's
 * print_to_terminal() as on the command line), the
 * print command on the server, or a file. The text is the one the command
 * line prints for the same view (the same core renderers). Restricted mode
 * offers the terminal's printer only. */
#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "circ/config.h"
#include "circ/i18n.h"
#include "circ/print.h"
#include "circ/summary.h"
#include "circ/view.h"
#include "tui.h"
#include "tui_main.h"

enum what { W_UNIT = 1, W_SUBTREE, W_ORG, W_PART, W_MATCHES };
enum where { TO_TERMINAL = 1, TO_ANSI, TO_COMMAND, TO_FILE };

#define ITEM(v)             ((const void *)(intptr_t)(v))
/* Printed matches are the lines circ --search prints when its output is
 * not a terminal (80 columns), byte for byte. */
#define PRINT_MATCHES_WIDTH 80
/* Parts are printed at the width circ --show --print uses. */
#define PRINT_WIDTH         80
/* Printouts longer than this ask first. */
#define PRINT_CONFIRM_PAGES 10

/* The first step: what to print, from what the place left shows. */
static void what_rows(struct tui *t)
{
	const struct tui_place *from = &t->dialog_from;
	const struct unit *u = from->unit;
	tree_free(&t->dialog);
	t->dialog_step = 1;
	if (u) {
		/* TRANSLATORS: a row of the print dialog; %s: a unit's name */
		char *a = xasprintf(_("The summary of %s"), u->name);
		tree_add(&t->dialog, 0, a, NULL, ITEM(W_UNIT));
		free(a);
		if (u->nkids) {
			/* TRANSLATORS: a row of the print dialog; %s: a unit's
			 * name */
			a = xasprintf(_("%s and every unit below it, a page each"), u->name);
			tree_add(&t->dialog, 0, a, NULL, ITEM(W_SUBTREE));
			free(a);
		}
	}
	if (unit_root(t->doc))
		tree_add(&t->dialog, 0, _("The whole organisation, a unit a page"), NULL,
		         ITEM(W_ORG));
	if (from->part) { /* set in the reader only */
		char *label = doc_part_title(from->part);
		/* TRANSLATORS: a row of the print dialog; %s: a part's label */
		char *a = xasprintf(_("The part on screen: %s"), label);
		tree_add(&t->dialog, 0, a, NULL, ITEM(W_PART));
		free(a);
		free(label);
	}
	if (t->nhits) {
		/* TRANSLATORS: a row of the print dialog; %s: the pattern (after
		 * the slash) */
		char *a = xasprintf(P_("The search results: /%s, %zu match",
		                       "The search results: /%s, %zu matches", t->nhits),
		                    t->pattern, t->nhits);
		tree_add(&t->dialog, 0, a, NULL, ITEM(W_MATCHES));
		free(a);
	}
	tree_refresh(&t->dialog);
	t->dialog.sel = t->dialog.top = 0;
}

/* The text to print for a choice, as the command line renders it. */
static char *render(struct tui *t, enum what w, char **name)
{
	struct strbuf sb = STRBUF_INIT;
	const struct unit *u = t->dialog_from.unit;
	struct print_subject subj = {PRINT_TEXT, NULL, NULL, NULL, 0};
	size_t width = PRINT_WIDTH;
	*name = NULL;
	if (w == W_UNIT && u) {
		subj.kind = PRINT_SUMMARY;
		subj.unit = u;
		width = SUMMARY_WIDTH;
		summary_unit(&sb, t->doc, u, width);
		*name = xstrdup(u->name);
	} else if ((w == W_SUBTREE && u) || w == W_ORG) {
		struct unit *top = w == W_ORG ? unit_root(t->doc) : (struct unit *)u;
		struct unit **all = NULL;
		size_t n = unit_subtree(top, &all);
		subj.kind = PRINT_SUMMARIES;
		subj.unit = top;
		width = SUMMARY_WIDTH;
		summary_units(&sb, t->doc, all, n, width);
		free(all);
		*name = xstrdup(top->name);
	} else if (w == W_PART && t->dialog_from.part) {
		subj.kind = PRINT_PART;
		subj.part = t->dialog_from.part;
		view_part(&sb, t->dialog_from.part, width);
		*name = doc_part_title(t->dialog_from.part);
	} else if (w == W_MATCHES) {
		subj.kind = PRINT_MATCHES;
		subj.pattern = t->pattern;
		subj.matches = t->nhits;
		width = PRINT_MATCHES_WIDTH;
		for (size_t i = 0; i < t->nhits; i++) {
			/* the labels --search prints, so that the text is the
			 * command line's, byte for byte */
			char *label = search_hit_label(&t->hits[i]);
			size_t ms, me;
			sb_addf(&sb, "%s: ", label);
			search_context(&sb, &t->hits[i],
			               search_context_width(label, PRINT_MATCHES_WIDTH), &ms, &me);
			sb_addc(&sb, '\n');
			free(label);
		}
		/* TRANSLATORS: the start of the file name offered for saved
		 * search results ("circ-search-PATTERN.txt"); %s is the pattern */
		*name = xasprintf(_("search %s"), t->pattern);
	}
	if (*name == NULL)
		*name = xstrdup("circ");
	/* the printout: the header circ --print writes, then the text */
	struct strbuf paper = STRBUF_INIT;
	if (sb.len > 0)
		print_header(&paper, t->doc, &subj, sb_str(&sb), width);
	sb_adds(&paper, sb_str(&sb));
	sb_free(&sb);
	t->print_pages = print_pages(paper.s ? paper.s : "", paper.len, PRINT_PAGE_LINES);
	return sb_steal(&paper);
}

static void where_rows(struct tui *t)
{
	tree_free(&t->dialog);
	t->dialog_step = 2;
	char *mc5 = NULL, *mc4 = NULL;
	int has = term_printer_codes(&mc5, &mc4) == 0;
	const char *term = getenv("TERM");
	if (has || t->cfg->printer == PRINTER_TERMINAL) {
		tree_add(&t->dialog, 0, _("The printer attached to your terminal"),
		         has
		             /* TRANSLATORS: a note beside a row of the print dialog;
		              * mc5/mc4 are terminfo names; "Terminal > Printer" is
		              * PuTTY's own menu, printerCommand xterm's resource */
		             ? _("(your terminal's printer controls, mc5/mc4; PuTTY: Terminal > "
		                 "Printer; xterm: printerCommand)")
		             : _("(not in your terminal's description: nothing would print)"),
		         ITEM(TO_TERMINAL));
	}
	char *note = xasprintf(
	    has
	        /* TRANSLATORS: %s: the value of $TERM */
	        ? _("(TERM=%s; PuTTY and xterm print this way)")
	        /* TRANSLATORS: %s: the value of $TERM, whose terminfo entry has
	         * no printer controls */
	        : _("(TERM=%s does not list them; sent anyway; PuTTY and xterm print this way)"),
	    term ? term : "");
	/* TRANSLATORS: ESC [5i and ESC [4i are the terminal's codes, not to be
	 * translated */
	tree_add(&t->dialog, 0, _("The printer attached to your terminal, by ESC [5i ... ESC [4i"),
	         note, ITEM(TO_ANSI));
	free(note);
	if (!t->cfg->restricted) {
		/* TRANSLATORS: %s: the print command (lpr) */
		note = xasprintf(_("(on this server: %s)"), t->cfg->print_command);
		tree_add(&t->dialog, 0, _("The print command"), note, ITEM(TO_COMMAND));
		free(note);
		tree_add(&t->dialog, 0, _("A file…"), NULL, ITEM(TO_FILE));
	}
	tree_refresh(&t->dialog);
	t->dialog.sel = t->dialog.top = 0;
}

/* Send the text to the terminal's printer and redraw what it may disturb:
 * the bytes come from the core's print_to_terminal(), as on the command
 * line (circ --print --printer terminal or ansi), CR LF line ends included. */
static void to_terminal(struct tui *t, int ansi)
{
	size_t n = strlen(t->print_text);
	char *on = PRINT_ANSI_ON, *off = PRINT_ANSI_OFF, *err = NULL;
	/* the terminal's own controls (terminfo mc5/mc4), else ESC [5i */
	if (!ansi)
		(void)term_printer_codes(&on, &off);
	fflush(stdout);
	int rc = print_to_terminal(STDOUT_FILENO, t->print_text, n, on, off, &err);
	clearok(curscr, TRUE);
	if (rc != 0)
		tui_message(t, 1, "%s", _("Could not send the text to your terminal's printer"));
	else
		tui_message(t, 0,
		            P_("Sent %zu byte to your terminal's printer",
		               "Sent %zu bytes to your terminal's printer", n),
		            n);
	free(err);
}

static void to_file(struct tui *t)
{
	char *def = print_default_name(t->print_name);
	/* TRANSLATORS: the prompt for a file name, with a space at the end */
	char *path = prompt_read(t, _("Save to: "), def, NULL, NULL, NULL);
	free(def);
	if (path == NULL || *path == '\0') {
		tui_message(t, 0, "%s", _("Not saved"));
		free(path);
		return;
	}
	struct stat st;
	int force = 0;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		/* TRANSLATORS: %s: a file's name. The answer is one key: y or Y
		 * (and o or O, for oui) say yes, any other key no. Keep the
		 * space at the end */
		char *q = xasprintf(_("%s exists. Replace it? (y/n) "), path);
		force = prompt_yes(t, q);
		free(q);
		if (!force) {
			/* TRANSLATORS: %s: a file's name */
			tui_message(t, 0, _("Not saved: %s is kept"), path);
			free(path);
			return;
		}
	}
	char *err = NULL;
	if (print_to_file(t->print_text, strlen(t->print_text), path, force, &err) == 0)
		/* TRANSLATORS: %s: a file's name */
		tui_message(t, 0, _("Saved to %s"), path);
	else
		tui_message(t, 1, "%s", err);
	free(err);
	free(path);
}

/* Enter on a row: the next step, or print and go back. */
static void choose(struct tui *t)
{
	const void *item = tree_item(&t->dialog);
	if (item == NULL)
		return;
	int v = (int)(intptr_t)item;
	if (t->dialog_step == 1) {
		free(t->print_text);
		free(t->print_name);
		t->print_name = NULL;
		t->print_text = render(t, (enum what)v, &t->print_name);
		where_rows(t);
		return;
	}
	tui_back(t); /* to the place the dialog was opened from */
	t->message[0] = '\0';
	if (t->print_pages > PRINT_CONFIRM_PAGES) {
		/* TRANSLATORS: before printing a long text; %zu: its pages. The
		 * answer is one key: y or Y (and o or O, for oui) say yes, any
		 * other key no. Keep the space at the end */
		char *q =
		    xasprintf(P_("This printout is %zu page long. Go on? (y/n) ",
		                 "This printout is %zu pages long. Go on? (y/n) ", t->print_pages),
		              t->print_pages);
		int yes = prompt_yes(t, q);
		free(q);
		if (!yes) {
			tui_message(t, 0, "%s", _("Not printed"));
			return;
		}
	}
	if (v == TO_TERMINAL || v == TO_ANSI) {
		to_terminal(t, v == TO_ANSI);
	} else if (v == TO_COMMAND && !t->cfg->restricted) {
		char *err = NULL;
		def_prog_mode();
		endwin(); /* the command may write to the terminal */
		int rc = print_to_command(t->print_text, strlen(t->print_text),
		                          t->cfg->print_command, &err);
		reset_prog_mode();
		clearok(curscr, TRUE);
		if (rc == 0)
			/* TRANSLATORS: %s: the print command (lpr) */
			tui_message(t, 0, _("Sent to %s"), t->cfg->print_command);
		else
			tui_message(t, 1, "%s", err);
		free(err);
	} else if (v == TO_FILE && !t->cfg->restricted) {
		to_file(t);
	} else {
		tui_message(t, 1, "%s", _("Restricted mode: only your terminal's printer"));
	}
}

static int rows(const struct tui *t)
{
	return t->rows - 2 > 1 ? t->rows - 2 : 1;
}

static void pd_open(struct tui *t, const struct tui_place *at)
{
	t->dialog_from = *at;
	t->dialog_from.text = NULL;
	what_rows(t);
}

static void pd_save(const struct tui *t, struct tui_place *at)
{
	*at = t->dialog_from;
	at->screen = SCR_DIALOG;
	at->text = NULL;
}

static void pd_describe(const struct tui *t, const struct tui_place *at, struct strbuf *out)
{
	(void)at;
	if (t->dialog_step == 1)
		/* TRANSLATORS: the print dialog's title, on the status line; Enter
		 * and Backspace are keys */
		sb_adds(out, _("Print what? (Enter: choose, Backspace: cancel)"));
	else if (t->cfg->restricted)
		sb_adds(out, _("Print where? (restricted: your terminal's printer only)"));
	else
		sb_adds(out, _("Print where?"));
	if (t->dialog_step == 2)
		/* TRANSLATORS: after "Print where?": how long the printout is */
		sb_addf(out, P_(" (%zu page)", " (%zu pages)", t->print_pages), t->print_pages);
}

static int pd_command(struct tui *t, enum tui_cmd c, long count)
{
	if (tree_command(&t->dialog, c, count, rows(t)))
		return 1;
	if (c == CMD_FOLLOW) {
		choose(t);
		return 1;
	}
	return 0;
}

static void pd_draw(struct tui *t)
{
	tree_draw(t, &t->dialog, 1, 0, rows(t), t->cols, 1);
}

static void pd_reflow(struct tui *t)
{
	(void)t;
}

static void pd_click(struct tui *t, int y, int x)
{
	(void)x;
	long row = tree_row_at(&t->dialog, y - 1);
	if (row >= 0) {
		t->dialog.sel = (size_t)row;
		choose(t);
	}
}

const struct tui_screen_ops dialog_screen = {
    .transient = 1,
    .open = pd_open,
    .save = pd_save,
    .describe = pd_describe,
    .draw = pd_draw,
    .command = pd_command,
    .reflow = pd_reflow,
    .click = pd_click,
};
