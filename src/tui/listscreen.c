/* listscreen.c: lists to choose from: the parts that cite the part on
 * screen (c), every search match with its context (L). Enter goes there. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "circ/utf8.h"
#include "circ/i18n.h"
#include "tui.h"

void list_open(struct tui *t, const char *title, int kind)
{
	free(t->list_title);
	t->list_title = xstrdup(title);
	t->list_kind = kind;
	/* a list opened from a list replaces it: Backspace then goes back to
	 * where the first list came from */
	if (t->screen != SCR_LIST)
		t->list_from = t->screen;
	t->screen = SCR_LIST;
	t->list.sel = t->list.top = 0;
	tree_refresh(&t->list);
}

void list_cited_by(struct tui *t)
{
	const struct doc_part *p = tui_current_part(t);
	if (p == NULL) {
		tui_message(t, 0, "%s", _("Go to a part first"));
		return;
	}
	tree_free(&t->list);
	size_t n = 0;
	for (size_t i = 0; i < t->cites.n; i++) {
		const struct cite_link *l = &t->cites.v[i];
		if (!cite_cites(l, p))
			continue;
		char *from = doc_part_title(l->from);
		char *s = cite_sentence(l);
		tree_add(&t->list, 0, from, s, l);
		free(s);
		free(from);
		n++;
	}
	char *label = doc_part_title(p);
	if (n == 0) {
		/* TRANSLATORS: %s: a part's label (5.7 b)) */
		tui_message(t, 0, _("No part cites %s"), label);
	} else {
		/* TRANSLATORS: the list's title on the status line; %s: a
		 * part's label (5.7 b)) */
		char *title = xasprintf(P_("%zu part cites %s", "%zu parts cite %s", n), n, label);
		list_open(t, title, LIST_CITED_BY);
		free(title);
	}
	free(label);
}

void list_matches(struct tui *t)
{
	if (t->nhits == 0) {
		tui_message(t, 0, "%s", t->pattern ? _("No match") : _("Search first (/)"));
		return;
	}
	tree_free(&t->list);
	/* the contexts start in one column: labels padded to the widest */
	size_t lw = 0;
	for (size_t i = 0; i < t->nhits; i++) {
		char *l = search_hit_title(&t->hits[i]);
		size_t w = utf8_width(l, strlen(l));
		lw = w > lw ? w : lw;
		free(l);
	}
	for (size_t i = 0; i < t->nhits; i++) {
		char *label = search_hit_title(&t->hits[i]);
		size_t w = utf8_width(label, strlen(label));
		char *from = xasprintf("%s%*s", label, (int)(lw - w), "");
		free(label);
		struct strbuf ctx = STRBUF_INIT;
		size_t ms, me;
		/* the context fills the row after the mark, the label and the gap */
		int room = t->cols - (int)lw - 4;
		search_context(&ctx, &t->hits[i], room > 20 ? (size_t)room : 20, &ms, &me);
		tree_add(&t->list, 0, from, ctx.s, &t->hits[i]);
		sb_free(&ctx);
		free(from);
	}
	char *title = xasprintf(
	    /* TRANSLATORS: the list's title on the status line; %s: the
	     * pattern searched for (after the slash) */
	    P_("%zu match of /%s", "%zu matches of /%s", t->nhits), t->nhits, t->pattern);
	list_open(t, title, LIST_MATCHES);
	free(title);
	if (t->cur_hit >= 0)
		t->list.sel = (size_t)t->cur_hit;
}

void list_draw(struct tui *t)
{
	tree_draw(t, &t->list, 1, 0, t->rows - 2, t->cols, 1);
}

void list_choose(struct tui *t)
{
	const void *item = tree_item(&t->list);
	if (item == NULL)
		return;
	if (t->list_kind == LIST_PRINT_WHAT || t->list_kind == LIST_PRINT_WHERE) {
		print_choose(t, t->list_kind, item);
		return;
	}
	t->screen = SCR_DOC;
	if (t->list_kind == LIST_CITED_BY) {
		const struct cite_link *l = item;
		tui_goto_part(t, l->from, 1);
	} else {
		const struct search_hit *h = item;
		t->cur_hit = h - t->hits;
		tui_goto_part(t, h->part, 1);
	}
}
