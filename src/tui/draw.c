/* draw.c: what every screen draws the same way: the title bar (the
 * document, its status when it is not in force), the status
 * line (where you are, the message or what the screen adds, where Back
 * goes), the status line as a prompt, text clipped with an ellipsis. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "circ/i18n.h"
#include "circ/layout.h"
#include "circ/utf8.h"
#include "tui.h"

/* Columns s takes on this terminal (transliterated or not). */
int draw_width_n(const char *s, size_t n)
{
	return (int)layout_text_width(s, n, term_cpwidth);
}

int draw_width(const char *s)
{
	return draw_width_n(s, strlen(s));
}

/* Draw s at y, x in at most maxw columns; when it does not fit, as much as
 * fits followed by an ellipsis. */
static void put_clipped(int y, int x, const char *s, int maxw, enum tui_attr a)
{
	if (y < 0 || x < 0 || maxw <= 0)
		return;
	move(y, x);
	term_putn_clipped(s, strlen(s), maxw, a);
}

/* Draw the end of s at y, x in maxw columns, after an ellipsis. */
static void put_tail(int y, int x, const char *s, int maxw, enum tui_attr a)
{
	int ew = term_cpwidth(0x2026);
	size_t n = strlen(s), from = 0;
	while (from < n && draw_width(s + from) > maxw - ew) {
		uint32_t cp;
		from += utf8_decode(s + from, n - from, &cp);
	}
	term_put(y, x, "…", strlen("…"), ew, a);
	term_put(y, x + ew, s + from, n - from, maxw - ew, a);
}

/* The library screen's title: no document is open there (at the start,
 * none is loaded yet: the help shows this title too). */
static int library_title(struct tui *t)
{
	if (t->screen != SCR_LIBRARY && t->doc)
		return 0;
	/* TRANSLATORS: the title line of the library screen (B) */
	char *left = xasprintf(" %s", _("The library"));
	const char *right = _(" ? help  q quit ");
	int rw = draw_width(right);
	term_fill(0, 0, t->cols, TA_TITLE);
	term_put(0, 0, left, strlen(left), t->cols > rw + 20 ? t->cols - rw - 1 : t->cols,
	         TA_TITLE);
	if (t->cols > rw + 20)
		term_put(0, t->cols - rw, right, strlen(right), rw, TA_TITLE);
	free(left);
	return 1;
}

void draw_title(struct tui *t)
{
	if (library_title(t))
		return;
	const struct doc *d = t->doc;
	char left[512];
	/* the document's symbol, its status when it is no longer in force
	 * (drawn as an error), its title */
	const char *sym = d->meta.symbol ? d->meta.symbol : d->path;
	char *st = libui_status(t);
	/* side by side: the languages shown, left | right */
	char *langs = t->pair_on
	                  ? xasprintf(" (%s | %s)", t->lib->v[t->cur].lang, t->lib->v[t->pair].lang)
	                  : xstrdup("");
	snprintf(left, sizeof left, " %s%s%s%s%s — %s", sym, langs, st ? " [" : "", st ? st : "",
	         st ? "]" : "", d->meta.title ? d->meta.title : "");
	int st_at = st ? draw_width(sym) + draw_width(langs) + 3 : 0;
	free(langs);
	/* TRANSLATORS: the right of the title bar; ? and q are keys. Keep it
	 * short, with a space at each end */
	const char *right = _(" ? help  q quit ");
	term_fill(0, 0, t->cols, TA_TITLE);
	int rw = draw_width(right);
	int room = t->cols - (t->cols > rw + 20 ? rw : 0);
	/* what the document is (type, date, language), when all of it fits */
	char *id = doc_identity(d);
	size_t used = strlen(left);
	if (id[0] && draw_width(left) + 3 + draw_width(id) + 1 <= room &&
	    used + strlen(id) + 8 < sizeof left)
		snprintf(left + used, sizeof left - used, " · %s", id);
	free(id);
	/* the title cut with an ellipsis when it does not fit */
	int lw = (int)layout_text_width(left, strlen(left), term_cpwidth);
	int ew = term_cpwidth(0x2026), gap = t->cols > rw + 20 ? 1 : 0;
	if (lw <= room - gap) {
		term_put(0, 0, left, strlen(left), room, TA_TITLE);
	} else if (room - gap > ew) {
		term_put(0, 0, left, strlen(left), room - gap - ew, TA_TITLE);
		int x = getcurx(stdscr);
		term_put(0, x, "…", strlen("…"), ew, TA_TITLE);
	} else {
		term_put(0, 0, left, strlen(left), room, TA_TITLE);
	}
	if (st && st_at < room - gap - ew)
		term_put(0, st_at, st, strlen(st), room - gap - ew - st_at, TA_ERROR);
	free(st);
	if (t->cols > rw + 20)
		term_put(0, t->cols - rw, right, strlen(right), rw, TA_TITLE);
}

void draw_clip(struct strbuf *out, const char *s, int w)
{
	if (draw_width(s) <= w) {
		sb_adds(out, s);
		return;
	}
	int ew = term_cpwidth(0x2026);
	size_t n = strlen(s), k = 0;
	while (k < n) {
		uint32_t cp;
		size_t len = utf8_decode(s + k, n - k, &cp);
		if (draw_width_n(s, k + len) > w - ew)
			break;
		k += len;
	}
	sb_add(out, s, k);
	sb_adds(out, "…");
}

void draw_prompt(struct tui *t, const char *prompt, const char *text, size_t cursor)
{
	int y = t->rows - 1;
	term_fill(y, 0, t->cols, TA_STATUS);
	/* the label, then the text scrolled to show the cursor; a label too
	 * wide for the line shows its end (the question) */
	int lw = draw_width(prompt);
	if (lw > t->cols - 1) {
		put_tail(y, 0, prompt, t->cols - 1, TA_STATUS);
		lw = t->cols - 1;
	} else {
		term_put(y, 0, prompt, strlen(prompt), t->cols, TA_STATUS);
	}
	int room = t->cols - lw - 1;
	size_t from = 0;
	while (room > 0 && draw_width_n(text + from, cursor - from) > room) {
		uint32_t cp;
		from += utf8_decode(text + from, strlen(text) - from, &cp);
	}
	int tw = 0;
	if (room > 0) {
		move(y, lw);
		tw = term_putn(text + from, strlen(text) - from, room, TA_STATUS);
	}
	/* a message about the line (a key refused, a count) at the right, if
	 * it fits beside the text */
	int mw = t->message[0] ? draw_width(t->message) : 0;
	if (mw && lw + tw + 2 + mw <= t->cols)
		term_put(y, t->cols - mw, t->message, strlen(t->message), mw,
		         t->message_error ? TA_ERROR : TA_STATUS);
	int cx = lw + draw_width_n(text + from, cursor - from);
	move(y, cx < t->cols ? cx : t->cols - 1);
}

void draw_status(struct tui *t, const char *where, const char *right)
{
	int y = t->rows - 1;
	term_fill(y, 0, t->cols, TA_STATUS);
	char *left = xasprintf(" %s", where);
	char *r = t->message[0] ? xasprintf("%s ", t->message) : xasprintf("%s ", right);
	int lw = draw_width(left), rw = draw_width(r);
	if (rw > t->cols)
		rw = t->cols;
	if (lw + rw >= t->cols) /* the message wins over the place */
		lw = t->cols - rw - 1;
	if (lw > 0)
		put_clipped(y, 0, left, lw, TA_STATUS);
	put_clipped(y, t->cols - rw, r, rw,
	            t->message[0] && t->message_error ? TA_ERROR : TA_STATUS);
	free(left);
	free(r);
}
