/* libscreen.c: the library screen: every work of the library, one row
 * each (its language versions together), with its symbol, date, languages,
 * status when it is abolished, type and title; sorted by symbol or by date
 * (s), filtered as you type (F: accents and case ignored), Enter opens the
 * work in the user's language. / searches every document of the library:
 * its matches are a list (listscreen.c) that opens a document at a match. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "circ/i18n.h"
#include "circ/library.h"
#include "circ/utf8.h"
#include "tui.h"

/* Below this many columns a row leaves out the date and the type. */
#define NARROW 72

static int rows(const struct tui *t)
{
	return t->rows - 2 > 1 ? t->rows - 2 : 1;
}

/* The entries shown: the works in the order chosen, those the filter
 * keeps. */
static void build(struct tui *t)
{
	free(t->lib_rows);
	t->lib_rows = NULL;
	t->lib_nrows = 0;
	if (t->lib == NULL)
		return;
	size_t *order = NULL;
	size_t n = lib_order(t->lib, t->lib_by_date, 1, &order);
	t->lib_rows = xcalloc(n + 1, sizeof *t->lib_rows);
	for (size_t i = 0; i < n; i++)
		if (!t->lib_filter || !*t->lib_filter ||
		    lib_matches(t->lib, order[i], t->lib_filter))
			t->lib_rows[t->lib_nrows++] = order[i];
	free(order);
}

/* The row showing document doc (or another version of its work), or -1. */
static long row_of(const struct tui *t, size_t doc)
{
	for (size_t r = 0; r < t->lib_nrows; r++) {
		size_t d = t->lib_rows[r];
		do {
			if (d == doc)
				return (long)r;
			d = t->lib->v[d].next_lang;
		} while (d != t->lib_rows[r] && d < t->lib->n);
	}
	return -1;
}

/* Keep the selected row in view. */
static void keep_in_view(struct tui *t)
{
	size_t h = (size_t)rows(t);
	if (t->lib_sel >= t->lib_nrows)
		t->lib_sel = t->lib_nrows ? t->lib_nrows - 1 : 0;
	if (t->lib_sel < t->lib_top)
		t->lib_top = t->lib_sel;
	if (t->lib_sel >= t->lib_top + h)
		t->lib_top = t->lib_sel - h + 1;
}

static void lib_open_place(struct tui *t, const struct tui_place *at)
{
	build(t);
	long r = at->sel ? row_of(t, at->sel - 1) : -1;
	t->lib_sel = r >= 0 ? (size_t)r : 0;
	t->lib_top = at->line;
	keep_in_view(t);
}

/* The place: the selected document (+ 1) and the first row shown. */
static void lib_save(const struct tui *t, struct tui_place *at)
{
	at->sel = t->lib_sel < t->lib_nrows ? t->lib_rows[t->lib_sel] + 1 : 0;
	at->line = t->lib_top;
}

static void lib_describe(const struct tui *t, const struct tui_place *at, struct strbuf *out)
{
	if (at) {
		/* TRANSLATORS: where Back goes: the library screen */
		sb_adds(out, _("The library"));
		return;
	}
	size_t n = t->lib_nrows;
	/* TRANSLATORS: the library screen's status line: how many works it
	 * shows (a benchmark waits for the word "documents" in English) */
	sb_addf(out, P_("%zu document", "%zu documents", n), n);
	if (t->lib_filter && *t->lib_filter)
		/* TRANSLATORS: after the number of documents: what the filter
		 * (F) keeps */
		sb_addf(out, _(" matching '%s'"), t->lib_filter);
}

static void lib_status_line(const struct tui *t, struct strbuf *info, struct strbuf *extra)
{
	(void)extra;
	/* TRANSLATORS: the library screen's order, on the status line */
	sb_adds(info, t->lib_by_date ? _("by date (s: by symbol)") : _("by symbol (s: by date)"));
}

/* The languages of work i's versions: "fra eng". */
static void languages(const struct tui *t, size_t i, struct strbuf *out)
{
	size_t d = i;
	do {
		const char *l = t->lib->v[d].lang;
		if (*l) {
			if (out->len)
				sb_addc(out, ' ');
			sb_adds(out, l);
		}
		d = t->lib->v[d].next_lang;
	} while (d != i && d < t->lib->n);
}

/* Put s at the cursor in at most *w columns, then a gap; *w is what is
 * left. */
static void piece(const char *s, int pad, int *w, enum tui_attr a)
{
	if (*w <= 0)
		return;
	int used = term_putn_clipped(s, strlen(s), *w, a);
	int want = pad > used ? pad : used;
	want += 2;
	for (int k = used; k < want && k < *w; k++)
		term_putn(" ", 1, 1, a);
	*w -= want;
}

static void lib_draw(struct tui *t)
{
	if (t->lib_nrows == 0) {
		const char *s = t->lib_filter && *t->lib_filter
		                    /* TRANSLATORS: the library screen when the
		                     * filter keeps nothing */
		                    ? _("No document matches the filter (Esc clears it)")
		                    : _("The library holds no document");
		term_put(1, 1, s, strlen(s), t->cols - 1, TA_DIM);
		return;
	}
	/* the symbols and languages in columns as wide as the widest */
	int symw = 0, langw = 0;
	for (size_t r = 0; r < t->lib_nrows; r++) {
		const struct lib_doc *e = &t->lib->v[t->lib_rows[r]];
		int w = draw_width(e->symbol);
		symw = w > symw ? w : symw;
		struct strbuf l = STRBUF_INIT;
		languages(t, t->lib_rows[r], &l);
		w = l.s ? draw_width(l.s) : 0;
		langw = w > langw ? w : langw;
		sb_free(&l);
	}
	if (symw > t->cols / 3)
		symw = t->cols / 3;
	/* narrow: the symbol, the languages, the status and the title */
	int narrow = t->cols < NARROW;
	int h = rows(t);
	for (int y = 0; y < h && t->lib_top + (size_t)y < t->lib_nrows; y++) {
		size_t r = t->lib_top + (size_t)y;
		size_t i = t->lib_rows[r];
		const struct lib_doc *e = &t->lib->v[i];
		int sel = r == t->lib_sel;
		enum tui_attr a = sel ? TA_SELECTED : TA_TEXT;
		term_fill(y + 1, 0, t->cols, a);
		move(y + 1, 1);
		int w = t->cols - 1;
		piece(e->symbol, symw, &w, sel ? a : TA_NUM);
		if (!narrow)
			piece(*e->date ? e->date : "-", 10, &w, sel ? a : TA_DIM);
		struct strbuf l = STRBUF_INIT;
		languages(t, i, &l);
		piece(l.s ? l.s : "", langw, &w, sel ? a : TA_DIM);
		sb_free(&l);
		if (e->abolished_by != LIB_NONE || e->abolished_symbol) {
			char *st = lib_status(t->lib, i);
			piece(st, 0, &w, TA_ERROR);
			free(st);
		}
		if (!narrow)
			piece(*e->doctype ? e->doctype : e->type, 0, &w, sel ? a : TA_DIM);
		piece(e->title, 0, &w, a);
	}
}

/* The version of work i to open: the user's language's, else the first. */
static size_t version(const struct tui *t, size_t i)
{
	const char *want = i18n_doc_lang();
	size_t d = i;
	do {
		if (strcmp(t->lib->v[d].lang, want) == 0)
			return d;
		d = t->lib->v[d].next_lang;
	} while (d != i && d < t->lib->n);
	return i;
}

static void open_selected(struct tui *t)
{
	if (t->lib_sel >= t->lib_nrows)
		return;
	if (t->ds == NULL) {
		tui_message(t, 1, "%s", _("This document is not in the library"));
		return;
	}
	size_t d = version(t, t->lib_rows[t->lib_sel]);
	if (libui_doc(t, d) == NULL)
		return;
	struct tui_place at = rd_place(NULL);
	tui_go_doc(t, d, &at);
	/* TRANSLATORS: a document opened from the library screen: %s its
	 * symbol, the next %s its language */
	tui_message(t, 0, _("%s in %s (Backspace: the library)"), t->lib->v[d].symbol,
	            t->lib->v[d].lang);
}

/* While typing the filter: the rows it keeps. */
static void on_filter(struct tui *t, const char *text)
{
	free(t->lib_filter);
	t->lib_filter = xstrdup(text);
	build(t);
	t->lib_sel = t->lib_top = 0;
}

static void filter_prompt(struct tui *t)
{
	char *old = t->lib_filter ? xstrdup(t->lib_filter) : NULL;
	/* TRANSLATORS: the library screen's filter prompt (F) */
	char *s = prompt_read(t, _("Filter: "), old, NULL, on_filter, NULL);
	on_filter(t, s ? s : "");
	if (s == NULL)
		tui_message(t, 0, "%s", _("Filter cleared"));
	free(s);
	free(old);
}

static int collect(void *arg, const struct lib_hit *h)
{
	struct tui *t = arg;
	t->lhits = xreallocarray(t->lhits, t->nlhits + 1, sizeof *t->lhits);
	struct tui_libhit *c = &t->lhits[t->nlhits++];
	c->doc = h->doc;
	c->eid = xstrdup(h->eid ? h->eid : "");
	c->label = xstrdup(h->label ? h->label : "");
	c->text = xstrdup(h->text ? h->text : "");
	c->field = h->field;
	c->start = h->start;
	c->end = h->end;
	return 0;
}

static void hits_clear(struct tui *t)
{
	for (size_t i = 0; i < t->nlhits; i++) {
		free(t->lhits[i].eid);
		free(t->lhits[i].label);
		free(t->lhits[i].text);
	}
	free(t->lhits);
	t->lhits = NULL;
	t->nlhits = 0;
	free(t->lpattern);
	t->lpattern = NULL;
}

/* /: search every document of the library, the matches in a list. */
static void search_all(struct tui *t)
{
	char *p = prompt_read(t, "/", NULL, &t->hist_search, NULL, NULL);
	if (p == NULL || *p == '\0') {
		free(p);
		tui_message(t, 0, "%s", _("Search cancelled"));
		return;
	}
	struct search *s = find_compile(t, p);
	if (s == NULL) {
		free(p);
		return;
	}
	char *err = NULL;
	hits_clear(t);
	if (lib_search(t->lib, s, NULL, 0, collect, t, &err) < 0) {
		tui_message(t, 1, "%s", err);
		free(err);
	}
	search_free(s);
	t->lpattern = p;
	if (t->nlhits == 0) {
		tui_message(t, 0, _("No match for /%s"), p);
		return;
	}
	struct tui_place at = {0};
	at.screen = SCR_LIST;
	at.list = LIST_LIBRARY_MATCHES;
	tui_go(t, &at);
}

void libscr_open_hit(struct tui *t, size_t k)
{
	if (k >= t->nlhits || t->ds == NULL)
		return;
	const struct tui_libhit *h = &t->lhits[k];
	struct doc *d = libui_doc(t, h->doc);
	if (d == NULL)
		return;
	const struct doc_part *q = *h->eid ? doc_find_eid(d, h->eid) : NULL;
	struct tui_place at = rd_place(q);
	tui_go_doc(t, h->doc, &at);
	/* the reader's search: the same pattern, at this match */
	if (find_set(t, t->lpattern, 1) != 0)
		return;
	const struct doc_part *part = q ? q : d->root;
	long best = -1;
	for (size_t i = 0; i < t->nhits; i++) {
		const struct search_hit *s = &t->hits[i];
		if (s->part != part)
			continue;
		if (best < 0)
			best = (long)i;
		if (s->field == h->field && s->start == h->start) {
			best = (long)i;
			break;
		}
	}
	find_show(t, best);
}

void libscr_go(struct tui *t)
{
	if (t->lib == NULL || t->lib->n == 0) {
		tui_message(t, 1, "%s", _("The library holds no document"));
		return;
	}
	struct tui_place at = {0};
	at.screen = SCR_LIBRARY;
	/* the row of the document being read */
	at.sel = t->cur != LIB_NONE ? t->cur + 1 : 0;
	at.line = 0;
	tui_go(t, &at);
}

void libscr_free(struct tui *t)
{
	free(t->lib_rows);
	t->lib_rows = NULL;
	free(t->lib_filter);
	t->lib_filter = NULL;
	hits_clear(t);
}

static int lib_command(struct tui *t, enum tui_cmd c, long count)
{
	long h = rows(t), n = (long)t->lib_nrows;
	long sel = (long)t->lib_sel, by = count > 0 ? count : 1;
	switch (c) {
	case CMD_DOWN:
		sel += by;
		break;
	case CMD_UP:
		sel -= by;
		break;
	case CMD_PAGE_DOWN:
		sel += by * tui_page_step(h);
		break;
	case CMD_PAGE_UP:
		sel -= by * tui_page_step(h);
		break;
	case CMD_HALF_DOWN:
		sel += by * (h / 2 > 0 ? h / 2 : 1);
		break;
	case CMD_HALF_UP:
		sel -= by * (h / 2 > 0 ? h / 2 : 1);
		break;
	case CMD_TOP:
		sel = count > 0 ? count - 1 : 0;
		break;
	case CMD_BOTTOM:
		sel = count > 0 ? count - 1 : n - 1;
		break;
	case CMD_FOLLOW:
		open_selected(t);
		return 1;
	case CMD_SORT: {
		size_t doc = t->lib_sel < t->lib_nrows ? t->lib_rows[t->lib_sel] : LIB_NONE;
		t->lib_by_date = !t->lib_by_date;
		build(t);
		long r = doc != LIB_NONE ? row_of(t, doc) : -1;
		t->lib_sel = r >= 0 ? (size_t)r : 0;
		t->lib_top = 0;
		keep_in_view(t);
		tui_message(t, 0, "%s",
		            t->lib_by_date
		                /* TRANSLATORS: after s on the library screen */
		                ? _("Sorted by date, newest first")
		                : _("Sorted by symbol"));
		return 1;
	}
	case CMD_FILTER:
		filter_prompt(t);
		return 1;
	case CMD_SEARCH:
		search_all(t);
		return 1;
	case CMD_ESCAPE:
		if (t->lib_filter && *t->lib_filter) {
			on_filter(t, "");
			tui_message(t, 0, "%s", _("Filter cleared"));
			return 1;
		}
		return 0;
	default:
		return 0;
	}
	if (sel >= n)
		sel = n - 1;
	if (sel < 0)
		sel = 0;
	t->lib_sel = (size_t)sel;
	keep_in_view(t);
	return 1;
}

static void lib_reflow(struct tui *t)
{
	keep_in_view(t);
}

static void lib_click(struct tui *t, int y, int x)
{
	(void)x;
	size_t r = t->lib_top + (size_t)(y - 1);
	if (y >= 1 && r < t->lib_nrows) {
		t->lib_sel = r;
		open_selected(t);
	}
}

const struct tui_screen_ops library_screen = {
    .transient = 0,
    .open = lib_open_place,
    .save = lib_save,
    .describe = lib_describe,
    .draw = lib_draw,
    .command = lib_command,
    .reflow = lib_reflow,
    .click = lib_click,
    .about = NULL,
    .status = lib_status_line,
};
