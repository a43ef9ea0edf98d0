/* orgscreen.c: the organisation screen: the unit tree (the Department, then
 * the bodies outside it), each unit with its kind and head; Enter opens its
 * summary, rendered by the core exactly as `circ --summary` prints it. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "circ/summary.h"
#include "tui.h"

static void add_unit(struct tui *t, const struct unit *u, int depth)
{
	char *note =
	    u->head ? xasprintf("%s — %s", unit_kind(u), u->head->name) : xstrdup(unit_kind(u));
	tree_add(&t->units, depth, u->name, note, u);
	free(note);
	for (size_t i = 0; i < u->nkids; i++)
		add_unit(t, u->kids[i], depth + 1);
}

void org_build(struct tui *t)
{
	const struct doc *d = t->doc;
	tree_free(&t->units);
	for (size_t i = 0; i < d->nunits; i++)
		if (!d->units[i]->external && d->units[i]->parent == NULL)
			add_unit(t, d->units[i], 0);
	for (size_t i = 0; i < d->nunits; i++) {
		const struct unit *u = d->units[i];
		if (u->external && (u->parent == NULL || !u->parent->external))
			add_unit(t, u, 0);
	}
	/* external bodies start folded */
	for (size_t i = 0; i < t->units.nall; i++)
		if (((const struct unit *)t->units.all[i].item)->external &&
		    t->units.all[i].depth == 0)
			t->units.folded[i] = 1;
	tree_refresh(&t->units);
}

void org_draw(struct tui *t)
{
	tree_draw(t, &t->units, 1, 0, t->rows - 2, t->cols, 1);
}

void org_open_summary(struct tui *t, const struct unit *u)
{
	struct strbuf sb = STRBUF_INIT;
	size_t width = t->cols > 4 ? (size_t)t->cols - 2 : 20;
	summary_unit(&sb, t->doc, u, width < SUMMARY_WIDTH ? width : SUMMARY_WIDTH);
	enum tui_screen from = t->screen;
	text_open(t, u->name, sb.s, u);
	t->text_from = from;
	tree_select_item(&t->units, u);
	sb_free(&sb);
}
