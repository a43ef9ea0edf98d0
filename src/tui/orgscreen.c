/* orgscreen.c: the organisation screen: the unit tree (the Department, then
 * a divider and the bodies outside it), each unit with its kind and head.
 * It opens at the unit of the place the reader was at; Enter opens a unit's
 * summary; / finds a unit as you type (the words of its name in any
 * order, their beginnings, any case, no accents needed: unit_match), n
 * and N go to the next and previous unit found. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "circ/i18n.h"
#include "tui.h"

static void add_unit(struct tui *t, const struct unit *u, int depth)
{
	char *note = tree_unit_note(u);
	tree_add(&t->units, depth, u->name, note, u);
	free(note);
	for (size_t i = 0; i < u->nkids; i++)
		add_unit(t, u->kids[i], depth + 1);
}

static void build(struct tui *t)
{
	const struct doc *d = t->doc;
	tree_free(&t->units);
	for (size_t i = 0; i < d->nunits; i++)
		if (!d->units[i]->external && d->units[i]->parent == NULL)
			add_unit(t, d->units[i], 0);
	int divided = 0;
	for (size_t i = 0; i < d->nunits; i++) {
		const struct unit *u = d->units[i];
		if (u->external && (u->parent == NULL || !u->parent->external)) {
			if (!divided++)
				/* TRANSLATORS: the divider before the bodies outside
				 * the Department, in the organisation tree (as in
				 * circ --units) */
				tree_add_divider(&t->units, _("Outside the Department"));
			add_unit(t, u, 0);
		}
	}
	/* external bodies start folded */
	for (size_t i = 0; i < t->units.nall; i++)
		if (t->units.all[i].item && ((const struct unit *)t->units.all[i].item)->external &&
		    t->units.all[i].depth == 0)
			t->units.folded[i] = 1;
	tree_refresh(&t->units);
}

static int rows(const struct tui *t)
{
	return t->rows - 2 > 1 ? t->rows - 2 : 1;
}

/* Select the next unit (from the selection, forward or backward, itself
 * included when from_here) whose name matches t->unit_find; 0 if none. */
static int find_unit(struct tui *t, int backward, int from_here)
{
	if (t->unit_find == NULL || *t->unit_find == '\0')
		return 0;
	struct tui_tree *tr = &t->units;
	size_t cur = tr->nvis ? tr->vis[tr->sel] : 0;
	int found = 0;
	for (size_t i = from_here ? 0 : 1; i <= tr->nall && !found; i++) {
		size_t k = backward ? (cur + tr->nall - i) % tr->nall : (cur + i) % tr->nall;
		const struct unit *u = tr->all[k].item;
		if (u && unit_match(u, t->unit_find) >= 0) {
			tree_select_item(tr, u);
			found = 1;
		}
	}
	return found;
}

/* The unit selected when / began: each change searches from there. */
static const struct unit *find_start;

/* While typing after /: the first unit that matches, from where / began. */
static void on_change(struct tui *t, const char *text)
{
	free(t->unit_find);
	t->unit_find = xstrdup(text);
	if (find_start)
		tree_select_item(&t->units, find_start);
	if (*text && !find_unit(t, 0, 1))
		/* TRANSLATORS: / in the organisation: no unit's name has
		 * words starting with what was typed */
		tui_message(t, 1, "%s", _("No unit by that name"));
}

static void find_prompt_units(struct tui *t)
{
	const struct unit *start = tree_item(&t->units);
	char *before = t->unit_find ? xstrdup(t->unit_find) : NULL;
	find_start = start;
	/* TRANSLATORS: the prompt of / in the organisation: find a unit by
	 * the words of its name */
	char *s = prompt_read(t, _("Find unit: "), NULL, &t->hist_search, on_change, NULL);
	find_start = NULL;
	if (s == NULL) { /* cancelled: where it was, and the search before */
		if (start)
			tree_select_item(&t->units, start);
		free(t->unit_find);
		t->unit_find = before;
		before = NULL;
	}
	free(before);
	free(s);
}

static int org_command(struct tui *t, enum tui_cmd c, long count)
{
	if (tree_command(&t->units, c, count, rows(t)))
		return 1;
	const struct unit *u = tree_item(&t->units);
	switch (c) {
	case CMD_FOLLOW:
		if (u)
			tui_go_unit(t, u);
		return 1;
	case CMD_LEFT:
		tree_fold(&t->units, -1);
		return 1;
	case CMD_RIGHT:
		tree_fold(&t->units, 1);
		return 1;
	case CMD_FOLD:
		tree_fold(&t->units, 0);
		return 1;
	case CMD_DEFINITION:
		if (u)
			tui_go_definition(t, u);
		return 1;
	case CMD_SEARCH:
		find_prompt_units(t);
		return 1;
	case CMD_NEXT_MATCH:
	case CMD_PREV_MATCH:
		if (t->unit_find == NULL) {
			tui_message(t, 0, "%s", _("No search yet: / to search"));
			return 1;
		}
		/* 3n: the third unit found on (round the tree once at most) */
		for (long i = 0; i < (count > 0 ? count : 1) && i < (long)t->units.nall; i++)
			if (!find_unit(t, c == CMD_PREV_MATCH, 0)) {
				tui_message(t, 1, "%s", _("No unit by that name"));
				break;
			}
		return 1;
	default:
		return 0;
	}
}

static void org_open(struct tui *t, const struct tui_place *at)
{
	if (t->units.nall == 0)
		build(t);
	if (at->unit)
		tree_select_item(&t->units, at->unit);
	else if (at->sel < t->units.nvis)
		t->units.sel = at->sel;
	t->units.top = at->line;
}

static void org_save(const struct tui *t, struct tui_place *at)
{
	at->unit = tree_item(&t->units);
	at->sel = t->units.sel;
	at->line = t->units.top;
}

static void org_describe(const struct tui *t, const struct tui_place *at, struct strbuf *out)
{
	(void)at;
	sb_addf(out, P_("Organisation (%zu unit)", "Organisation (%zu units)", t->doc->nunits),
	        t->doc->nunits);
}

static void org_draw(struct tui *t)
{
	tree_draw(t, &t->units, 1, 0, rows(t), t->cols, 1);
}

static void org_reflow(struct tui *t)
{
	(void)t;
}

static void org_click(struct tui *t, int y, int x)
{
	(void)x;
	long row = tree_row_at(&t->units, y - 1);
	if (row >= 0 && t->units.all[t->units.vis[row]].item) {
		t->units.sel = (size_t)row;
		tui_command(t, CMD_FOLLOW, 0);
	}
}

const struct tui_screen_ops org_screen = {
    .transient = 0,
    .open = org_open,
    .save = org_save,
    .describe = org_describe,
    .draw = org_draw,
    .command = org_command,
    .reflow = org_reflow,
    .click = org_click,
};
