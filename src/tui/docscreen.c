/* docscreen.c: the document screen: the outline (sections, paragraphs,
 * items, folding) beside or instead of the reader, which shows the whole
 * document laid out by page.c, with citations, unit names and search
 * matches drawn where they fall, and links chosen with Tab. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "circ/utf8.h"
#include "circ/i18n.h"
#include "tui.h"

void doc_build_outline(struct tui *t)
{
	const struct doc *d = t->doc;
	tree_free(&t->outline);
	for (size_t i = 0; i < d->nparts; i++) {
		const struct doc_part *p = d->parts[i];
		if (p->kind != DOC_KIND_SECTION && p->kind != DOC_KIND_PARAGRAPH &&
		    p->kind != DOC_KIND_POINT)
			continue;
		const char *what = p->heading ? p->heading : p->text;
		size_t n = strcspn(what, "\n");
		char *text =
		    xasprintf("%s %.*s", p->num ? p->num : "", (int)(n < 200 ? n : 200), what);
		tree_add(&t->outline, p->depth, text, NULL, p);
		free(text);
		/* paragraphs start folded: their items show on request */
		if (p->kind == DOC_KIND_PARAGRAPH)
			t->outline.folded[t->outline.nall - 1] = 1;
	}
	tree_refresh(&t->outline);
}

/* The attribute of byte off of a segment: matches over links over base. */
static enum tui_attr attr_at(const struct tui *t, const struct page_seg *s, size_t off)
{
	enum tui_attr a = s->field == SEARCH_TEXT ? TA_TEXT : TA_NUM;
	if (s->part == NULL)
		return s->field == SEARCH_TEXT ? TA_NUM : a;
	if (s->field == SEARCH_TEXT) {
		for (size_t i = 0; i < s->part->nlinks; i++) {
			const struct doc_link *l = &s->part->links[i];
			if (off >= l->start && off < l->end) {
				if (t->link_on && t->link_part == s->part && t->link_idx == i)
					return TA_SELECTED;
				a = l->kind == DOC_LINK_REF ? TA_LINK : TA_UNIT;
			}
		}
	}
	for (size_t i = 0; i < t->nhits; i++) {
		const struct search_hit *h = &t->hits[i];
		if (h->part == s->part && h->field == s->field && off >= h->start && off < h->end)
			return (long)i == t->cur_hit ? TA_CURMATCH : TA_MATCH;
	}
	return a;
}

static void draw_seg(const struct tui *t, const struct page_seg *s, int y, int x, int w)
{
	if ((int)s->col >= w)
		return;
	move(y, x + (int)s->col);
	int col = (int)s->col;
	for (size_t i = s->start; i < s->end && col < w;) {
		uint32_t cp;
		size_t k = utf8_decode(s->src + i, s->end - i, &cp);
		col += term_putn(s->src + i, k, w - col, attr_at(t, s, i));
		i += k;
	}
}

static void draw_reader(struct tui *t, int y, int h, int x, int w)
{
	for (int r = 0; r < h; r++) {
		size_t l = t->top + (size_t)r;
		if (l >= t->page.nlines)
			break;
		const struct page_line *ln = &t->page.lines[l];
		for (size_t k = 0; k < ln->nsegs; k++)
			draw_seg(t, &t->page.segs[ln->seg + k], y + r, x, w);
	}
}

void doc_draw(struct tui *t)
{
	int y, h, x, w;
	doc_area(t, &y, &h, &x, &w);
	int wide = t->cols >= 100;
	int shown = wide || t->outline_shown;
	if (shown && !t->outline_focus) {
		/* the outline follows the reader: the current part, or the
		 * nearest shown part above it */
		const struct doc_part *p = tui_current_part(t);
		while (p && !tree_show_item(&t->outline, p))
			p = p->parent;
	}
	if (wide) {
		tree_draw(t, &t->outline, y, 0, h, x - 1, t->outline_focus);
		for (int r = 0; r < h; r++)
			term_put(y + r, x - 1, "│", strlen("│"), 1, TA_DIM);
		draw_reader(t, y, h, x, w);
	} else if (t->outline_shown) {
		tree_draw(t, &t->outline, y, 0, h, t->cols, t->outline_focus);
	} else {
		draw_reader(t, y, h, x, w);
	}
}

/* A link shown on screen: its part, its index, where it starts. */
struct shown {
	const struct doc_part *part;
	size_t idx;
	int y, x;
};

/* The links on screen, in reading order, each once. Returns how many. */
static size_t links_on_screen(struct tui *t, struct shown **out)
{
	int y, h, x, w;
	doc_area(t, &y, &h, &x, &w);
	size_t n = 0;
	*out = NULL;
	for (int r = 0; r < h && !(t->outline_shown && t->cols < 100); r++) {
		size_t l = t->top + (size_t)r;
		if (l >= t->page.nlines)
			break;
		const struct page_line *ln = &t->page.lines[l];
		for (size_t k = 0; k < ln->nsegs; k++) {
			const struct page_seg *s = &t->page.segs[ln->seg + k];
			if (s->field != SEARCH_TEXT || s->part == NULL)
				continue;
			for (size_t i = 0; i < s->part->nlinks; i++) {
				const struct doc_link *lk = &s->part->links[i];
				if (lk->end <= s->start || lk->start >= s->end)
					continue;
				int seen = 0;
				for (size_t q = 0; q < n; q++)
					seen |= (*out)[q].part == s->part && (*out)[q].idx == i;
				/* an organization naming several units is one link */
				if (i > 0 && lk->kind == DOC_LINK_ORG &&
				    s->part->links[i - 1].start == lk->start &&
				    s->part->links[i - 1].kind == DOC_LINK_ORG)
					seen = 1;
				if (seen)
					continue;
				*out = xreallocarray(*out, n + 1, sizeof **out);
				size_t from = lk->start > s->start ? lk->start : s->start;
				(*out)[n].part = s->part;
				(*out)[n].idx = i;
				(*out)[n].y = y + r;
				(*out)[n].x = x + (int)s->col +
				              (int)utf8_width(s->src + s->start, from - s->start);
				n++;
			}
		}
	}
	return n;
}

void doc_next_link(struct tui *t, int backward)
{
	struct shown *v;
	size_t n = links_on_screen(t, &v);
	if (n == 0) {
		tui_message(t, 0, "%s", _("No citation or unit name on this screen"));
		t->link_on = 0;
		free(v);
		return;
	}
	long cur = -1;
	for (size_t i = 0; i < n; i++)
		if (t->link_on && v[i].part == t->link_part && v[i].idx == t->link_idx)
			cur = (long)i;
	long next =
	    cur < 0 ? (backward ? (long)n - 1 : 0) : (cur + (backward ? (long)n - 1 : 1)) % (long)n;
	t->link_on = 1;
	t->link_part = v[next].part;
	t->link_idx = v[next].idx;
	const struct doc_link *l = &t->link_part->links[t->link_idx];
	tui_message(t, 0, "%s",
	            l->kind == DOC_LINK_REF
	                /* TRANSLATORS: a citation is selected (Tab); Enter is the key */
	                ? _("Citation: Enter to follow")
	                /* TRANSLATORS: a unit's name is selected (Tab) */
	                : _("Unit: Enter to follow"));
	free(v);
}

void doc_follow(struct tui *t)
{
	if (!t->link_on) {
		tui_message(t, 0, "%s", _("Select a citation or a unit name with Tab first"));
		return;
	}
	const struct doc_part *p = t->link_part;
	const struct doc_link *l = &p->links[t->link_idx];
	if (l->kind == DOC_LINK_ORG) {
		struct unit *u = unit_by_id(t->doc, l->target);
		if (u) {
			org_open_summary(t, u);
			t->text_from = SCR_DOC;
		}
		return;
	}
	if (l->target[0] == '#') {
		const struct doc_part *to = doc_find_eid(t->doc, l->target + 1);
		if (to) {
			char *label = doc_part_title(to);
			tui_goto_part(t, to, 1);
			/* TRANSLATORS: %s: the part gone to (5.7 b)); Backspace
			 * is the key that comes back */
			tui_message(t, 0, _("%s (Backspace: back)"), label);
			free(label);
		}
		return;
	}
	if (t->doc->meta.work_iri && strcmp(l->target, t->doc->meta.work_iri) == 0) {
		tui_push_back(t);
		tui_goto_line(t, 0);
		tui_message(t, 0, "%s", _("The whole document (Backspace: back)"));
		return;
	}
	/* TRANSLATORS: the first %s: the citation as the text has it
	 * (ST/SGB/1997/5); the second: the document's identifier (an IRI) */
	tui_message(t, 0, _("%.*s is another document (%s), not loaded"), (int)(l->end - l->start),
	            p->text + l->start, l->target);
}

void doc_click(struct tui *t, int cy, int cx)
{
	if (t->screen != SCR_DOC) {
		struct tui_tree *tr = t->screen == SCR_ORG    ? &t->units
		                      : t->screen == SCR_LIST ? &t->list
		                                              : NULL;
		long row = tr ? tree_row_at(tr, cy - 1) : -1;
		if (row >= 0) {
			tr->sel = (size_t)row;
			keys_dispatch(t, '\r', 0);
		}
		return;
	}
	int y, h, x, w;
	doc_area(t, &y, &h, &x, &w);
	if ((t->outline_shown && t->cols < 100) || (t->cols >= 100 && cx < x)) {
		long row = tree_row_at(&t->outline, cy - y);
		if (row >= 0) {
			t->outline.sel = (size_t)row;
			t->outline_focus = 1;
			keys_dispatch(t, '\r', 0);
		}
		return;
	}
	struct shown *v;
	size_t n = links_on_screen(t, &v);
	for (size_t i = 0; i < n; i++) {
		const struct doc_link *l = &v[i].part->links[v[i].idx];
		int len = (int)utf8_width(v[i].part->text + l->start, l->end - l->start);
		if (v[i].y == cy && cx >= v[i].x && cx < v[i].x + len) {
			t->link_on = 1;
			t->link_part = v[i].part;
			t->link_idx = v[i].idx;
			free(v);
			doc_follow(t);
			return;
		}
	}
	free(v);
}
