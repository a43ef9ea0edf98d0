/* draw.c: the title bar, the status line, and drawing the current screen. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "circ/utf8.h"
#include "circ/layout.h"
#include "tui.h"

static void title_bar(struct tui *t)
{
	const struct doc *d = t->doc;
	char left[512];
	snprintf(left, sizeof left, " %s — %s", d->meta.symbol ? d->meta.symbol : d->path,
	         d->meta.title ? d->meta.title : "");
	static const char right[] = " ? help  q quit ";
	term_fill(0, 0, t->cols, TA_TITLE);
	int rw = (int)strlen(right);
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
		term_put(0, t->cols - rw, right, (size_t)rw, rw, TA_TITLE);
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
		snprintf(buf, n, "%s", "title");
		return;
	}
	while (k-- > 0) {
		const struct doc_part *p = chain[k];
		const char *name = p->kind == DOC_KIND_PREAMBLE      ? "preamble"
		                   : p->kind == DOC_KIND_CONCLUSIONS ? "signature"
		                   : p->num                          ? p->num
		                                                     : "?";
		size_t len = strlen(buf);
		snprintf(buf + len, n - len, "%s%s", len ? " › " : "", name);
	}
}

void draw_status(struct tui *t, const char *prompt, const char *text, size_t cursor)
{
	int y = t->rows - 1;
	term_fill(y, 0, t->cols, TA_STATUS);
	if (prompt) {
		/* a prompt: the label, then the text scrolled to show the cursor */
		int lw = (int)utf8_width(prompt, strlen(prompt));
		term_put(y, 0, prompt, strlen(prompt), t->cols, TA_STATUS);
		int room = t->cols - lw - 1;
		size_t from = 0;
		while (room > 0 && (int)utf8_width(text + from, cursor - from) > room) {
			uint32_t cp;
			from += utf8_decode(text + from, strlen(text) - from, &cp);
		}
		if (room > 0)
			term_put(y, lw, text + from, strlen(text) - from, room, TA_STATUS);
		int cx = lw + (int)utf8_width(text + from, cursor - from);
		move(y, cx < t->cols ? cx : t->cols - 1);
		return;
	}
	char left[256], right[300];
	if (t->screen == SCR_DOC) {
		char where[200];
		place(t, where, sizeof where);
		snprintf(left, sizeof left, " %s", where);
	} else if (t->screen == SCR_ORG) {
		snprintf(left, sizeof left, " Organisation (%zu units)", t->doc->nunits);
	} else if (t->screen == SCR_TEXT) {
		snprintf(left, sizeof left, " %s", t->text.title ? t->text.title : "");
	} else {
		snprintf(left, sizeof left, " %s", t->list_title ? t->list_title : "");
	}
	static const char *const modes[] = {"smart", "ignored", "exact"};
	if (t->message[0]) {
		snprintf(right, sizeof right, "%s ", t->message);
	} else if (t->screen == SCR_DOC && t->pattern && t->cur_hit >= 0) {
		snprintf(right, sizeof right, "/%s  %ld/%zu  case %s, accents %s ", t->pattern,
		         t->cur_hit + 1, t->nhits, modes[t->cases], modes[t->accents]);
	} else if (t->screen == SCR_DOC && t->pattern) {
		snprintf(right, sizeof right, "/%s  %zu match%s  case %s, accents %s ", t->pattern,
		         t->nhits, t->nhits == 1 ? "" : "es", modes[t->cases], modes[t->accents]);
	} else if (t->screen == SCR_DOC) {
		snprintf(right, sizeof right, "case %s, accents %s ", modes[t->cases],
		         modes[t->accents]);
	} else {
		right[0] = '\0';
	}
	int rw = (int)utf8_width(right, strlen(right));
	int lw = (int)utf8_width(left, strlen(left));
	if (lw + rw >= t->cols) /* the message wins over the place */
		lw = t->cols - rw - 1;
	if (lw > 0)
		term_put(y, 0, left, strlen(left), lw, TA_STATUS);
	int rx = t->cols - rw;
	if (rx < 0)
		rx = 0;
	term_put(y, rx, right, strlen(right), t->cols - rx,
	         t->message[0] && t->message_error ? TA_ERROR : TA_STATUS);
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
