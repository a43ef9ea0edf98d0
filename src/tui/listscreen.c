/* listscreen.c: the list screen: lists to choose from, made from a place:
 * the parts that cite a part (c: this document's, then the other
 * documents' of the library under a row naming each), every search match
 * with its context (L),
 * the units a name fits when it fits several (:), the matches of / across
 * the library (under a row naming each document). Enter goes there. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "circ/i18n.h"
#include "circ/utf8.h"
#include "tui.h"

static int rows(const struct tui *t)
{
	return t->rows - 2 > 1 ? t->rows - 2 : 1;
}

static void cited_by(struct tui *t, const struct doc_part *p)
{
	for (size_t i = 0; i < t->cites.n; i++) {
		const struct cite_link *l = &t->cites.v[i];
		if (!cite_cites(l, p))
			continue;
		char *from = doc_part_title(l->from);
		char *s = cite_sentence(l);
		tree_add(&t->list, 0, from, s, l);
		free(s);
		free(from);
	}
	/* the other documents of the library, a heading row for each */
	size_t n = libui_cited_by(t, p), doc = LIB_NONE;
	for (size_t i = 0; i < n; i++) {
		const struct lib_citing *c = &t->xcites[i];
		if (c->doc != doc) {
			doc = c->doc;
			const struct lib_doc *e = &t->lib->v[doc];
			char *head = e->title[0] ? xasprintf("%s — %s", e->symbol, e->title)
			                         : xstrdup(e->symbol);
			tree_add_divider(&t->list, head);
			free(head);
		}
		const char *from = c->c->from_label[0] ? c->c->from_label : t->lib->v[doc].symbol;
		/* TRANSLATORS: c's list: a part of another document that cites
		 * the whole of this one; %s: its label (1.2) */
		char *label = c->to == t->doc->root ? xasprintf(_("%s (the whole document)"), from)
		                                    : xstrdup(from);
		tree_add(&t->list, 0, label, c->c->sentence, c);
		free(label);
	}
}

/* Is item one of the other documents' citations (t->xcites)? */
static long other_citation(const struct tui *t, const void *item)
{
	for (size_t i = 0; i < t->nxcites; i++)
		if (item == (const void *)&t->xcites[i])
			return (long)i;
	return -1;
}

static void matches(struct tui *t)
{
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
}

/* The library's matches (libscreen.c's /), a heading row per document. */
static void library_matches(struct tui *t)
{
	size_t doc = LIB_NONE;
	for (size_t i = 0; i < t->nlhits; i++) {
		const struct tui_libhit *h = &t->lhits[i];
		if (h->doc != doc) {
			doc = h->doc;
			const struct lib_doc *e = &t->lib->v[doc];
			char *head = e->title[0]
			                 ? xasprintf("%s (%s) — %s", e->symbol, e->lang, e->title)
			                 : xasprintf("%s (%s)", e->symbol, e->lang);
			tree_add_divider(&t->list, head);
			free(head);
		}
		struct search_hit sh = {NULL, h->field, h->start, h->end, h->text};
		struct strbuf ctx = STRBUF_INIT;
		size_t ms, me;
		int room = t->cols - (int)utf8_width(h->label, strlen(h->label)) - 6;
		search_context(&ctx, &sh, room > 20 ? (size_t)room : 20, &ms, &me);
		tree_add(&t->list, 0, *h->label ? h->label : t->lib->v[doc].symbol, ctx.s, h);
		sb_free(&ctx);
	}
}

static void units(struct tui *t, const char *name)
{
	struct unit **found = NULL;
	size_t n = unit_find(t->doc, name, &found);
	for (size_t i = 0; i < n; i++) {
		const struct unit *u = found[i];
		char *note = tree_unit_note(u);
		tree_add(&t->list, 0, u->name, note, u);
		free(note);
	}
	free(found);
}

static void list_open(struct tui *t, const struct tui_place *at)
{
	tui_place_free(&t->list_at);
	t->list_at = *at;
	t->list_at.text = at->text ? xstrdup(at->text) : NULL;
	tree_free(&t->list);
	if (at->list == LIST_CITED_BY && at->part)
		cited_by(t, at->part);
	else if (at->list == LIST_MATCHES)
		matches(t);
	else if (at->list == LIST_UNITS && at->text)
		units(t, at->text);
	else if (at->list == LIST_LIBRARY_MATCHES)
		library_matches(t);
	tree_refresh(&t->list);
	if (at->list == LIST_MATCHES && at->sel == 0 && t->cur_hit >= 0)
		t->list.sel = (size_t)t->cur_hit < t->list.nvis ? (size_t)t->cur_hit : 0;
	else
		t->list.sel = at->sel < t->list.nvis ? at->sel : 0;
	if (t->list.nvis && t->list.all[t->list.vis[t->list.sel]].divider)
		tree_move(&t->list, 1); /* a heading is never selected */
	t->list.top = at->line;
}

static void list_save(const struct tui *t, struct tui_place *at)
{
	*at = t->list_at;
	at->text = t->list_at.text ? xstrdup(t->list_at.text) : NULL;
	at->sel = t->list.sel;
	at->line = t->list.top;
}

static void list_describe(const struct tui *t, const struct tui_place *at, struct strbuf *out)
{
	const struct tui_place *p = at ? at : &t->list_at;
	size_t n = 0; /* the rows that are items, not headings */
	for (size_t i = 0; !at && i < t->list.nvis; i++)
		n += !t->list.all[t->list.vis[i]].divider;
	if (p->list == LIST_CITED_BY && p->part) {
		char *label = doc_part_title(p->part);
		if (at)
			/* TRANSLATORS: where Back goes: the list of the parts
			 * citing %s (a part's label) */
			sb_addf(out, _("Parts citing %s"), label);
		else
			/* TRANSLATORS: the list's title on the status line; %s: a
			 * part's label (5.7 b)) */
			sb_addf(out, P_("%zu part cites %s", "%zu parts cite %s", n), n, label);
		free(label);
	} else if (p->list == LIST_MATCHES && at) {
		/* TRANSLATORS: where Back goes: the list of the matches */
		sb_adds(out, _("The matches"));
	} else if (p->list == LIST_MATCHES) {
		/* TRANSLATORS: the list's title on the status line; %s: the
		 * pattern searched for (after the slash) */
		sb_addf(out, P_("%zu match of /%s", "%zu matches of /%s", t->nhits), t->nhits,
		        t->pattern ? t->pattern : "");
	} else if (p->list == LIST_LIBRARY_MATCHES && at) {
		/* TRANSLATORS: where Back goes: the matches of / in the library */
		sb_adds(out, _("The matches in the library"));
	} else if (p->list == LIST_LIBRARY_MATCHES) {
		size_t docs = 0;
		for (size_t i = 0; i < t->nlhits; i++)
			docs += i == 0 || t->lhits[i].doc != t->lhits[i - 1].doc;
		/* TRANSLATORS: the list's title on the status line; %s: the
		 * pattern searched for; the next %zu: in how many documents */
		sb_addf(out, P_("%zu match of /%s", "%zu matches of /%s", t->nlhits), t->nlhits,
		        t->lpattern ? t->lpattern : "");
		sb_addf(out, P_(" in %zu document", " in %zu documents", docs), docs);
	} else if (p->list == LIST_UNITS && at) {
		/* TRANSLATORS: where Back goes: the list of the units a name
		 * fits; %s: that name */
		sb_addf(out, _("Units named '%s'"), p->text ? p->text : "");
	} else if (p->list == LIST_UNITS) {
		/* TRANSLATORS: the list's title on the status line: the units
		 * that a name typed after ':' fits; %s: that name */
		sb_addf(out, P_("%zu unit named '%s'", "%zu units named '%s'", n ? n : 2), n,
		        p->text ? p->text : "");
	}
}

static void choose(struct tui *t)
{
	const void *item = tree_item(&t->list);
	if (item == NULL)
		return;
	if (t->list_at.list == LIST_CITED_BY) {
		long k = other_citation(t, item);
		if (k >= 0) {
			libui_open_citing(t, (size_t)k);
			return;
		}
		const struct cite_link *l = item;
		tui_go_part(t, l->from);
	} else if (t->list_at.list == LIST_MATCHES) {
		const struct search_hit *h = item;
		find_go(t, h - t->hits);
	} else if (t->list_at.list == LIST_LIBRARY_MATCHES) {
		const struct tui_libhit *h = item;
		libscr_open_hit(t, (size_t)(h - t->lhits));
	} else {
		tui_go_unit(t, item);
	}
}

static int list_command(struct tui *t, enum tui_cmd c, long count)
{
	if (tree_command(&t->list, c, count, rows(t)))
		return 1;
	if (c == CMD_FOLLOW) {
		choose(t);
		return 1;
	}
	return 0;
}

static void list_draw(struct tui *t)
{
	tree_draw(t, &t->list, 1, 0, rows(t), t->cols, 1);
}

/* The width changed: the matches' contexts fill the new width. */
static void list_reflow(struct tui *t)
{
	struct tui_place at;
	list_save(t, &at);
	list_open(t, &at);
	tui_place_free(&at);
}

/* In a list of units, the selected one (for o and p). */
static void list_about(const struct tui *t, int selected, struct tui_place *at)
{
	(void)selected;
	if (t->list_at.list == LIST_UNITS)
		at->unit = tree_item(&t->list);
}

static void list_click(struct tui *t, int y, int x)
{
	(void)x;
	long row = tree_row_at(&t->list, y - 1);
	if (row >= 0) {
		t->list.sel = (size_t)row;
		choose(t);
	}
}

const struct tui_screen_ops list_screen = {
    .transient = 0,
    .open = list_open,
    .save = list_save,
    .describe = list_describe,
    .draw = list_draw,
    .command = list_command,
    .reflow = list_reflow,
    .click = list_click,
    .about = list_about,
};
