/* find.c: searching the document from the browser: '/' with matches highlighted while
 * typing, n and N with a message when the search wraps, the case and accent
 * modes, and where a match is in the reader. Errors (a pattern that does not
 * compile, or is too complex) are messages, never more. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "circ/i18n.h"
#include "tui.h"

/* What i and a say, in the order of enum search_mode (smart, ignored,
 * exact). */
static const char *const case_names[] = {
    /* TRANSLATORS: the new case mode of the search, after i: "Case smart:
     * 12 matches" */
    N_("Case smart"), N_("Case ignored"), N_("Case exact")};
static const char *const accent_names[] = {
    /* TRANSLATORS: the new accent mode of the search, after a */
    N_("Accents smart"), N_("Accents ignored"), N_("Accents exact")};

void find_clear(struct tui *t)
{
	search_free(t->search);
	t->search = NULL;
	free(t->hits);
	t->hits = NULL;
	t->nhits = 0;
	t->cur_hit = -1;
	free(t->pair_hits);
	t->pair_hits = NULL;
	t->npair_hits = 0;
	t->pair_for = NULL;
	free(t->pattern);
	t->pattern = NULL;
}

struct search *find_compile(struct tui *t, const char *pattern)
{
	struct search_opts o = {t->cases, t->accents, 0};
	char *err = NULL;
	struct search *s = search_compile(pattern, &o, &err);
	if (s == NULL) {
		/* TRANSLATORS: %s: why the regular expression is wrong */
		tui_message(t, 1, _("Bad pattern: %s"), err);
		free(err);
	}
	return s;
}

/* Compile and run pattern; 0 when it could be used. */
int find_set(struct tui *t, const char *pattern, int quiet)
{
	find_clear(t);
	if (pattern == NULL || *pattern == '\0')
		return -1;
	struct search *s = find_compile(t, pattern);
	if (s == NULL)
		return -1;
	char *err = NULL;
	struct search_hit *hits = NULL;
	size_t n = 0;
	if (search_doc(s, t->doc, NULL, &hits, &n, &err) != 0) {
		tui_message(t, 1, "%s", err);
		free(err);
		free(hits);
		search_free(s);
		return -1;
	}
	t->search = s;
	t->hits = hits;
	t->nhits = n;
	t->cur_hit = -1;
	t->pattern = xstrdup(pattern);
	if (!quiet && n == 0)
		/* TRANSLATORS: %s: the pattern (after the slash) */
		tui_message(t, 0, _("No match for /%s"), pattern);
	return 0;
}

void find_in_pair(struct tui *t, const struct doc *other)
{
	if (t->search == NULL || other == NULL || other == t->pair_for)
		return;
	free(t->pair_hits);
	t->pair_hits = NULL;
	t->npair_hits = 0;
	char *err = NULL;
	if (search_doc(t->search, other, NULL, &t->pair_hits, &t->npair_hits, &err) != 0) {
		/* the left side's search ran: this one cannot fail otherwise */
		free(err);
		free(t->pair_hits);
		t->pair_hits = NULL;
		t->npair_hits = 0;
	}
	t->pair_for = other;
}

/* The reader line where hit h starts. */
static size_t hit_line(const struct tui *t, const struct search_hit *h)
{
	size_t l = page_line_of(&t->page, h->part);
	/* the title block's lines are no part's (NULL) */
	const struct doc_part *lp = SEARCH_IN_TITLE(h->field) ? NULL : h->part;
	for (size_t k = l; k < t->page.nlines && t->page.lines[k].part == lp; k++) {
		const struct page_line *ln = &t->page.lines[k];
		for (size_t s = 0; s < ln->nsegs; s++) {
			const struct page_seg *sg = &t->page.segs[ln->seg + s];
			if (sg->part == h->part && sg->field == h->field && h->start >= sg->start &&
			    h->start < sg->end)
				return k;
		}
	}
	return l;
}

static void show_hit(struct tui *t, long k, int wrapped, int backward)
{
	t->cur_hit = k;
	const struct search_hit *h = &t->hits[k];
	size_t line = hit_line(t, h);
	int y, rows, x, w;
	rd_area(t, &y, &rows, &x, &w);
	/* move only when the match is not on screen */
	if (line < t->top || line >= t->top + (size_t)rows)
		rd_goto_line(t, line > 2 ? line - 2 : 0);
	t->focus = NULL;
	if (wrapped)
		tui_message(t, 0,
		            backward
		                /* TRANSLATORS: N went back from the first match to
		                 * the last one */
		                ? _("Match %ld of %zu (wrapped to the end)")
		                /* TRANSLATORS: n went on from the last match to the
		                 * first one */
		                : _("Match %ld of %zu (wrapped to the start)"),
		            k + 1, t->nhits);
	else
		tui_message(t, 0, _("Match %ld of %zu"), k + 1, t->nhits);
}

/* From the current match, or from the top of the screen. */
void find_step(struct tui *t, int backward, long count)
{
	if (t->pattern == NULL) {
		if (t->hist_search.n == 0 ||
		    find_set(t, t->hist_search.v[t->hist_search.n - 1], 0) != 0) {
			/* TRANSLATORS: / is the key that searches */
			tui_message(t, 0, "%s", _("No search yet: / to search"));
			return;
		}
	}
	if (t->nhits == 0) {
		tui_message(t, 0, _("No match for /%s"), t->pattern);
		return;
	}
	int wrapped = 0, w = 0;
	long k = -1;
	if (t->cur_hit >= 0 && (size_t)t->cur_hit < t->nhits) {
		/* 3n: the third match on (round the matches once at most) */
		k = t->cur_hit;
		long times = count > 0 ? count : 1;
		if (times > (long)t->nhits)
			times = (times - 1) % (long)t->nhits + 1;
		for (long i = 0; i < times; i++) {
			const struct search_hit *h = &t->hits[k];
			k = search_step(t->hits, t->nhits, h->part->order, h->field, h->start,
			                backward, &w);
			wrapped |= w;
		}
	} else {
		const struct doc_part *p = rd_current_part(t);
		size_t at = p ? p->order : 0;
		/* forward: the first match at or after the top of the screen */
		k = backward ? search_step(t->hits, t->nhits, at, SEARCH_NUM, 0, 1, &wrapped)
		             : (at == 0 ? 0
		                        : search_step(t->hits, t->nhits, at - 1, SEARCH_TEXT,
		                                      (size_t)-1, 0, &wrapped));
		long times = count > (long)t->nhits ? (count - 1) % (long)t->nhits + 1 : count;
		for (long i = 1; k >= 0 && i < times; i++) {
			const struct search_hit *h = &t->hits[k];
			k = search_step(t->hits, t->nhits, h->part->order, h->field, h->start,
			                backward, &w);
			wrapped |= w;
		}
	}
	if (k >= 0)
		show_hit(t, k, wrapped, backward);
}

/* While typing: highlight what the pattern finds so far. */
static void on_change(struct tui *t, const char *text)
{
	if (find_set(t, text, 1) == 0)
		tui_message(t, 0, P_("%zu match", "%zu matches", t->nhits), t->nhits);
}

void find_prompt(struct tui *t)
{
	char *old = t->pattern ? xstrdup(t->pattern) : NULL;
	size_t old_top = t->top;
	char *p = prompt_read(t, "/", NULL, &t->hist_search, on_change, NULL);
	if (p == NULL) {
		/* cancelled: the search and the place from before */
		find_set(t, old, 1);
		rd_goto_line(t, old_top);
		tui_message(t, 0, "%s", _("Search cancelled"));
	} else if (*p == '\0' && old) {
		find_set(t, old, 0);
		find_step(t, 0, 1);
	} else if (find_set(t, p, 0) == 0 && t->nhits > 0) {
		find_step(t, 0, 1);
	}
	free(p);
	free(old);
}

void find_toggle(struct tui *t, int accents)
{
	enum search_mode *m = accents ? &t->accents : &t->cases;
	const char *const *names = accents ? accent_names : case_names;
	*m = (enum search_mode)((*m + 1) % 3);
	if (t->pattern) {
		char *p = xstrdup(t->pattern);
		find_set(t, p, 1);
		free(p);
		/* TRANSLATORS: %s: the new mode ("Case smart"); %zu: how many
		 * matches the search finds with it */
		tui_message(t, 0, P_("%s: %zu match", "%s: %zu matches", t->nhits), _(names[*m]),
		            t->nhits);
	} else {
		tui_message(t, 0, "%s", _(names[*m]));
	}
}

const struct doc_part *find_current_part(const struct tui *t)
{
	if (t->cur_hit < 0 || (size_t)t->cur_hit >= t->nhits)
		return NULL;
	return t->hits[t->cur_hit].part;
}

/* The search's modes on the status line, in the order of enum search_mode
 * (smart, ignored, exact). */
static const char *const case_modes[] = {
    /* TRANSLATORS: the case mode of the search, on the status line
     * ("case smart, accents smart"): smart case, case ignored, exact case */
    N_("case smart"), N_("case ignored"), N_("case exact")};
static const char *const accent_modes[] = {
    /* TRANSLATORS: the accent mode of the search, on the status line
     * ("case smart, accents smart") */
    N_("accents smart"), N_("accents ignored"), N_("accents exact")};

void find_status(const struct tui *t, struct strbuf *info, struct strbuf *modes)
{
	sb_addf(modes, "%s, %s", _(case_modes[t->cases]), _(accent_modes[t->accents]));
	if (t->pattern && t->cur_hit >= 0) {
		sb_addf(info, "/%s  %ld/%zu", t->pattern, t->cur_hit + 1, t->nhits);
	} else if (t->pattern) {
		sb_addf(info, "/%s  ", t->pattern);
		sb_addf(info, P_("%zu match", "%zu matches", t->nhits), t->nhits);
	}
}

void find_show(struct tui *t, long k)
{
	if (k >= 0 && (size_t)k < t->nhits)
		show_hit(t, k, 0, 0);
}

/* Go to match k in the reader, keeping the place left. */
void find_go(struct tui *t, long k)
{
	if (k < 0 || (size_t)k >= t->nhits)
		return;
	struct tui_place at = rd_place(t->hits[k].part);
	tui_go(t, &at);
	show_hit(t, k, 0, 0);
}
