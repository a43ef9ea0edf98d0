/* tree.c: folding trees and flat lists with a selection, and dividers: the outline, the
 * organisation, the lists of citing parts and of matches. Rows are added in
 * tree order with their depth; a row with deeper rows after it has kids. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "circ/xalloc.h"
#include "tui.h"

void tree_free(struct tui_tree *tr)
{
	for (size_t i = 0; i < tr->nall; i++) {
		free(tr->all[i].text);
		free(tr->all[i].note);
	}
	free(tr->all);
	free(tr->folded);
	free(tr->vis);
	memset(tr, 0, sizeof *tr);
}

void tree_add(struct tui_tree *tr, int depth, const char *text, const char *note, const void *item)
{
	tr->all = xreallocarray(tr->all, tr->nall + 1, sizeof *tr->all);
	tr->folded = xrealloc(tr->folded, tr->nall + 1);
	struct tui_row *r = &tr->all[tr->nall];
	r->depth = depth;
	r->has_kids = 0;
	r->text = xstrdup(text);
	r->note = note ? xstrdup(note) : NULL;
	r->item = item;
	r->divider = 0;
	tr->folded[tr->nall] = 0;
	if (tr->nall > 0 && tr->all[tr->nall - 1].depth < depth)
		tr->all[tr->nall - 1].has_kids = 1;
	tr->nall++;
}

void tree_add_divider(struct tui_tree *tr, const char *text)
{
	tree_add(tr, 0, text, NULL, NULL);
	tr->all[tr->nall - 1].divider = 1;
}

/* Is row k of the rows shown a divider? */
static int is_divider(const struct tui_tree *tr, size_t k)
{
	return tr->all[tr->vis[k]].divider;
}

/* Recompute the rows shown from the folds, keeping the selected row. */
void tree_refresh(struct tui_tree *tr)
{
	size_t keep = tr->nvis ? tr->vis[tr->sel] : 0;
	tr->vis = xreallocarray(tr->vis, tr->nall ? tr->nall : 1, sizeof *tr->vis);
	tr->nvis = 0;
	int hide_below = -1;
	for (size_t i = 0; i < tr->nall; i++) {
		if (hide_below >= 0 && tr->all[i].depth > hide_below)
			continue;
		hide_below = -1;
		tr->vis[tr->nvis++] = i;
		if (tr->folded[i] && tr->all[i].has_kids)
			hide_below = tr->all[i].depth;
	}
	tr->sel = 0;
	for (size_t k = 0; k < tr->nvis; k++)
		if (tr->vis[k] <= keep)
			tr->sel = k;
	if (tr->nvis && is_divider(tr, tr->sel))
		tree_move(tr, tr->sel + 1 < tr->nvis ? 1 : -1);
}

const void *tree_item(const struct tui_tree *tr)
{
	return tr->nvis ? tr->all[tr->vis[tr->sel]].item : NULL;
}

/* Select the row of item, unfolding its ancestors. */
void tree_select_item(struct tui_tree *tr, const void *item)
{
	for (size_t i = 0; i < tr->nall; i++) {
		if (tr->all[i].item != item)
			continue;
		int depth = tr->all[i].depth;
		for (size_t k = i; k-- > 0;) {
			if (tr->all[k].depth < depth) {
				tr->folded[k] = 0;
				depth = tr->all[k].depth;
			}
		}
		if (tr->nvis)
			tr->vis[tr->sel] = i; /* keep i selected through the refresh */
		tree_refresh(tr);
		for (size_t k = 0; k < tr->nvis; k++)
			if (tr->vis[k] == i)
				tr->sel = k;
		return;
	}
}

void tree_draw(const struct tui *t, struct tui_tree *tr, int y, int x, int h, int w, int focus)
{
	(void)t;
	tr->shown = h > 0 && w > 0 ? h : 0;
	if (h <= 0 || w <= 0)
		return;
	if (tr->sel < tr->top)
		tr->top = tr->sel;
	if (tr->sel >= tr->top + (size_t)h)
		tr->top = tr->sel - (size_t)h + 1;
	for (int r = 0; r < h; r++) {
		size_t k = tr->top + (size_t)r;
		term_fill(y + r, x, w, TA_TEXT);
		if (k >= tr->nvis)
			continue;
		const struct tui_row *row = &tr->all[tr->vis[k]];
		if (row->divider) { /* a heading: "── Outside the Department ──" */
			move(y + r, x);
			int used = term_putn("── ", strlen("── "), w, TA_DIM);
			used += term_putn_clipped(row->text, strlen(row->text), w - used, TA_NUM);
			used += term_putn(" ", 1, w - used, TA_DIM);
			for (int k2 = 0; used < w && k2 < w; k2++)
				used += term_putn("─", strlen("─"), w - used, TA_DIM);
			continue;
		}
		int sel = k == tr->sel;
		enum tui_attr a = sel && focus ? TA_SELECTED : sel ? TA_NUM : TA_TEXT;
		if (sel)
			term_fill(y + r, x, w, a);
		int col = row->depth * 2;
		if (col > w - 2)
			col = w > 2 ? w - 2 : 0;
		move(y + r, x + col);
		const char *mark = row->has_kids ? (tr->folded[tr->vis[k]] ? "+" : "-") : " ";
		int used = col + term_putn(mark, 1, w - col, a);
		used += term_putn(" ", 1, w - used, a);
		used += term_putn_clipped(row->text, strlen(row->text), w - used, a);
		if (row->note && used + 2 < w) {
			used += term_putn("  ", 2, w - used, a);
			term_putn_clipped(row->note, strlen(row->note), w - used, sel ? a : TA_DIM);
		}
	}
}

/* Move the selection by delta rows (clamped). */
void tree_move(struct tui_tree *tr, long delta)
{
	if (tr->nvis == 0)
		return;
	long sel = (long)tr->sel + delta;
	if (sel < 0)
		sel = 0;
	if (sel >= (long)tr->nvis)
		sel = (long)tr->nvis - 1;
	/* a divider is passed over, in the direction of the move */
	long step = delta < 0 ? -1 : 1;
	while (sel >= 0 && sel < (long)tr->nvis && is_divider(tr, (size_t)sel))
		sel += step;
	if (sel < 0 || sel >= (long)tr->nvis) {
		/* none that way: the nearest the other way, else stay */
		for (sel = (long)tr->sel;
		     sel >= 0 && sel < (long)tr->nvis && is_divider(tr, (size_t)sel); sel -= step)
			;
		if (sel < 0 || sel >= (long)tr->nvis)
			return;
	}
	tr->sel = (size_t)sel;
}

int tree_command(struct tui_tree *tr, enum tui_cmd c, long count, int h)
{
	long n = count > 0 ? count : 1, page = tui_page_step(h), half = h / 2 > 0 ? h / 2 : 1;
	switch (c) {
	case CMD_DOWN:
		tree_move(tr, n);
		return 1;
	case CMD_UP:
		tree_move(tr, -n);
		return 1;
	case CMD_PAGE_DOWN:
		tree_move(tr, n * page);
		return 1;
	case CMD_PAGE_UP:
		tree_move(tr, -n * page);
		return 1;
	case CMD_HALF_DOWN:
		tree_move(tr, n * half);
		return 1;
	case CMD_HALF_UP:
		tree_move(tr, -n * half);
		return 1;
	case CMD_TOP:
	case CMD_BOTTOM:
		/* 5g, 5G: row 5 */
		tree_move(tr, -(long)tr->nvis);
		if (count > 0)
			tree_move(tr, count - 1);
		else if (c == CMD_BOTTOM)
			tree_move(tr, (long)tr->nvis);
		return 1;
	default:
		return 0;
	}
}

/* Fold (how < 0: or go to the parent when folded), unfold (how > 0), or
 * toggle (how == 0) the selected row. */
void tree_fold(struct tui_tree *tr, int how)
{
	if (tr->nvis == 0)
		return;
	size_t cur = tr->vis[tr->sel];
	if (how > 0) {
		tr->folded[cur] = 0;
	} else if (how == 0) {
		tr->folded[cur] = !tr->folded[cur];
	} else if (tr->all[cur].has_kids && !tr->folded[cur]) {
		tr->folded[cur] = 1;
	} else {
		for (size_t k = tr->sel; k-- > 0;)
			if (tr->all[tr->vis[k]].depth < tr->all[cur].depth) {
				tr->sel = k;
				break;
			}
	}
	tree_refresh(tr);
}

/* The row at screen row r of a tree drawn with its top at tr->top, or -1. */
long tree_row_at(const struct tui_tree *tr, int r)
{
	size_t k = tr->top + (size_t)r;
	return r >= 0 && r < tr->shown && k < tr->nvis && !tr->all[tr->vis[k]].divider ? (long)k
	                                                                               : -1;
}

/* Select item's row when it is shown (without unfolding). */
int tree_show_item(struct tui_tree *tr, const void *item)
{
	for (size_t k = 0; k < tr->nvis; k++) {
		if (tr->all[tr->vis[k]].item == item) {
			tr->sel = k;
			return 1;
		}
	}
	return 0;
}

char *tree_unit_note(const struct unit *u)
{
	return u->head ? xasprintf("%s — %s", unit_kind(u), u->head->name) : xstrdup(unit_kind(u));
}
