/* draw.c: the title bar, the status line, and drawing the current screen. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "circ/i18n.h"
#include "circ/layout.h"
#include "circ/utf8.h"
#include "tui.h"

/* Columns s takes on this terminal (transliterated or not). */
static int width_of(const char *s)
{
	return (int)layout_text_width(s, strlen(s), term_cpwidth);
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
	while (from < n && width_of(s + from) > maxw - ew) {
		uint32_t cp;
		from += utf8_decode(s + from, n - from, &cp);
	}
	term_put(y, x, "…", strlen("…"), ew, a);
	term_put(y, x + ew, s + from, n - from, maxw - ew, a);
}

static void title_bar(struct tui *t)
{
	const struct doc *d = t->doc;
	char left[512];
	snprintf(left, sizeof left, " %s — %s", d->meta.symbol ? d->meta.symbol : d->path,
	         d->meta.title ? d->meta.title : "");
	/* TRANSLATORS: the right of the title bar; ? and q are keys. Keep it
	 * short, with a space at each end */
	const char *right = _(" ? help  q quit ");
	term_fill(0, 0, t->cols, TA_TITLE);
	int rw = width_of(right);
	int room = t->cols - (t->cols > rw + 20 ? rw : 0);
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
	if (t->cols > rw + 20)
		term_put(0, t->cols - rw, right, strlen(right), rw, TA_TITLE);
}

/* Where the reader is: "Section 5 › 5.7 › b)". */
static void place(const struct tui *t, char *buf, size_t n)
{
	const struct doc_part *chain[8];
	size_t k = 0;
	for (const struct doc_part *p = tui_current_part(t); p && k < 8; p = p->parent)
		if (p->kind != DOC_KIND_DOCUMENT)
			chain[k++] = p;
	buf[0] = '\0';
	if (k == 0) {
		/* TRANSLATORS: the status line's place when the reader is at
		 * the title block, before the preamble */
		snprintf(buf, n, "%s", _("title"));
		return;
	}
	while (k-- > 0) {
		const struct doc_part *p = chain[k];
		/* TRANSLATORS: the status line's place in the preamble and in
		 * the signature block at the end */
		const char *name = p->kind == DOC_KIND_PREAMBLE      ? _("preamble")
		                   : p->kind == DOC_KIND_CONCLUSIONS ? _("signature")
		                   : p->num                          ? p->num
		                                                     : "?";
		size_t len = strlen(buf);
		snprintf(buf + len, n - len, "%s%s", len ? " › " : "", name);
	}
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

void draw_status(struct tui *t, const char *prompt, const char *text, size_t cursor)
{
	int y = t->rows - 1;
	term_fill(y, 0, t->cols, TA_STATUS);
	if (prompt) {
		/* a prompt: the label, then the text scrolled to show the cursor;
		 * a label too wide for the line shows its end (the question) */
		int lw = width_of(prompt);
		if (lw > t->cols - 1) {
			put_tail(y, 0, prompt, t->cols - 1, TA_STATUS);
			lw = t->cols - 1;
		} else {
			term_put(y, 0, prompt, strlen(prompt), t->cols, TA_STATUS);
		}
		int room = t->cols - lw - 1;
		size_t from = 0;
		while (room > 0 &&
		       (int)layout_text_width(text + from, cursor - from, term_cpwidth) > room) {
			uint32_t cp;
			from += utf8_decode(text + from, strlen(text) - from, &cp);
		}
		int tw = 0;
		if (room > 0) {
			move(y, lw);
			tw = term_putn(text + from, strlen(text) - from, room, TA_STATUS);
		}
		/* a message about the line (a key refused) at the right, if it
		 * fits beside the text */
		int mw = t->message[0] ? width_of(t->message) : 0;
		if (mw && lw + tw + 2 + mw <= t->cols)
			term_put(y, t->cols - mw, t->message, strlen(t->message), mw,
			         t->message_error ? TA_ERROR : TA_STATUS);
		int cx = lw + (int)layout_text_width(text + from, cursor - from, term_cpwidth);
		move(y, cx < t->cols ? cx : t->cols - 1);
		return;
	}
	char *left;
	if (t->screen == SCR_DOC) {
		char where[200];
		place(t, where, sizeof where);
		left = xasprintf(" %s", where);
	} else if (t->screen == SCR_ORG) {
		char *what = xasprintf(
		    P_("Organisation (%zu unit)", "Organisation (%zu units)", t->doc->nunits),
		    t->doc->nunits);
		left = xasprintf(" %s", what);
		free(what);
	} else if (t->screen == SCR_TEXT) {
		left = xasprintf(" %s", t->text.title ? t->text.title : "");
	} else {
		left = xasprintf(" %s", t->list_title ? t->list_title : "");
	}
	/* the search's modes: dropped when they would cut the place short */
	char *modes = NULL, *search = NULL, *right;
	if (t->screen == SCR_DOC && !t->message[0]) {
		modes = xasprintf("%s, %s", _(case_modes[t->cases]), _(accent_modes[t->accents]));
		if (t->pattern && t->cur_hit >= 0)
			search = xasprintf("/%s  %ld/%zu", t->pattern, t->cur_hit + 1, t->nhits);
		else if (t->pattern) {
			char *n = xasprintf(P_("%zu match", "%zu matches", t->nhits), t->nhits);
			search = xasprintf("/%s  %s", t->pattern, n);
			free(n);
		}
	}
	if (t->message[0])
		right = xasprintf("%s ", t->message);
	else if (search)
		right = xasprintf("%s  %s ", search, modes);
	else if (modes)
		right = xasprintf("%s ", modes);
	else
		right = xstrdup("");
	int lw = width_of(left);
	if (modes && lw + width_of(right) >= t->cols) {
		free(right);
		right = search ? xasprintf("%s ", search) : xstrdup("");
	}
	int rw = width_of(right);
	if (rw > t->cols)
		rw = t->cols;
	if (lw + rw >= t->cols) /* the message wins over the place */
		lw = t->cols - rw - 1;
	if (lw > 0)
		put_clipped(y, 0, left, lw, TA_STATUS);
	put_clipped(y, t->cols - rw, right, rw,
	            t->message[0] && t->message_error ? TA_ERROR : TA_STATUS);
	free(left);
	free(right);
	free(modes);
	free(search);
}

void draw_all(struct tui *t)
{
	erase();
	title_bar(t);
	switch (t->screen) {
	case SCR_ORG:
		org_draw(t);
		break;
	case SCR_TEXT:
		text_draw(t);
		break;
	case SCR_LIST:
		list_draw(t);
		break;
	default:
		doc_draw(t);
		break;
	}
	draw_status(t, NULL, NULL, 0);
}
