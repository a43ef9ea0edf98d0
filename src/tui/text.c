/* text.c: scrollable texts with links, drawn one column in (the help, a
 * unit's summary): setting the lines, scrolling by lines, pages and half
 * pages, choosing a link with Tab and Shift-Tab (the view follows it). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "circ/i18n.h"
#include "tui.h"

long text_link_group(const struct tui_text *tx, size_t k)
{
	while (k > 0 && tx->links[k].cont)
		k--;
	return (long)k;
}

void text_free(struct tui_text *tx)
{
	for (size_t i = 0; i < tx->nlines; i++)
		free(tx->lines[i]);
	free(tx->lines);
	free(tx->title);
	free(tx->links);
	memset(tx, 0, sizeof *tx);
	tx->link = -1;
}

void text_set(struct tui_text *tx, const char *title, const char *body)
{
	text_free(tx);
	tx->title = xstrdup(title);
	for (const char *p = body; *p;) {
		size_t n = strcspn(p, "\n");
		tx->lines = xreallocarray(tx->lines, tx->nlines + 1, sizeof *tx->lines);
		/* a form feed (between summaries) shows as a blank line */
		char *line = xstrndup(p, n);
		for (char *c = line; *c; c++)
			if (*c == '\f')
				*c = ' ';
		tx->lines[tx->nlines++] = line;
		p += n + (p[n] == '\n');
	}
}

void text_draw(const struct tui *t, struct tui_text *tx)
{
	int h = t->rows - 2;
	tx->shown = h > 0 ? h : 0;
	for (int r = 0; r < h; r++) {
		size_t l = tx->top + (size_t)r;
		if (l >= tx->nlines)
			break;
		const char *s = tx->lines[l];
		size_t at = 0;
		move(1 + r, 1);
		int col = 1;
		/* the line, with its links drawn as links */
		for (size_t k = 0; k < tx->nlinks && col < t->cols; k++) {
			const struct tui_text_link *lk = &tx->links[k];
			if (lk->line != l)
				continue;
			col += term_putn(s + at, lk->start - at, t->cols - col, TA_TEXT);
			enum tui_attr a = text_link_group(tx, k) == tx->link ? TA_SELECTED
			                  : lk->unit                         ? TA_UNIT
			                                                     : TA_LINK;
			col += term_putn(s + lk->start, lk->end - lk->start, t->cols - col, a);
			at = lk->end;
		}
		if (col < t->cols)
			term_putn(s + at, strlen(s) - at, t->cols - col, TA_TEXT);
	}
}

/* Move the selection to the next or previous link, from the one selected,
 * else from the top of the screen; scroll to show it. */
static void step_link(struct tui *t, struct tui_text *tx, int backward, int h)
{
	if (tx->nlinks == 0) {
		tui_message(t, 0, "%s", _("No link on this screen"));
		return;
	}
	long n = (long)tx->nlinks, k;
	if (tx->link >= 0) {
		/* the next link's first piece: pieces of one name are one link */
		k = tx->link;
		do
			k = (k + (backward ? n - 1 : 1)) % n;
		while (tx->links[k].cont && k != tx->link);
	} else {
		k = backward ? n - 1 : 0;
		/* the first link on screen (or after it) */
		for (long i = 0; i < n; i++) {
			long j = backward ? n - 1 - i : i;
			if (backward ? tx->links[j].line < tx->top + (size_t)h
			             : tx->links[j].line >= tx->top) {
				k = j;
				break;
			}
		}
		k = text_link_group(tx, (size_t)k);
	}
	tx->link = k;
	size_t line = tx->links[k].line;
	if (line < tx->top || line >= tx->top + (size_t)h)
		tx->top = line > (size_t)h / 2 ? line - (size_t)h / 2 : 0;
	const struct tui_text_link *lk = &tx->links[k];
	if (lk->unit)
		tui_message(t, 0, "%s", _("Unit: Enter to follow"));
	else
		tui_message(t, 0, "%s", _("Citation: Enter to follow"));
}

static void text_scroll(struct tui_text *tx, long delta, int h)
{
	long top = (long)tx->top + delta, max = (long)tx->nlines - h;
	if (top > max)
		top = max;
	tx->top = top < 0 ? 0 : (size_t)top;
	/* a selected link scrolled off the screen is let go */
	if (tx->link >= 0 &&
	    (tx->links[tx->link].line < tx->top || tx->links[tx->link].line >= tx->top + (size_t)h))
		tx->link = -1;
}

int text_command(struct tui *t, struct tui_text *tx, enum tui_cmd c, long count, int h)
{
	long n = count > 0 ? count : 1, page = tui_page_step(h), half = h / 2 > 0 ? h / 2 : 1;
	switch (c) {
	case CMD_DOWN:
		text_scroll(tx, n, h);
		return 1;
	case CMD_UP:
		text_scroll(tx, -n, h);
		return 1;
	case CMD_PAGE_DOWN:
		text_scroll(tx, n * page, h);
		return 1;
	case CMD_PAGE_UP:
		text_scroll(tx, -n * page, h);
		return 1;
	case CMD_HALF_DOWN:
		text_scroll(tx, n * half, h);
		return 1;
	case CMD_HALF_UP:
		text_scroll(tx, -n * half, h);
		return 1;
	case CMD_TOP:
	case CMD_BOTTOM:
		/* 5g, 5G: line 5 at the top */
		text_scroll(tx, -(long)tx->nlines, h);
		if (count > 0)
			text_scroll(tx, count - 1, h);
		else if (c == CMD_BOTTOM)
			text_scroll(tx, (long)tx->nlines, h);
		return 1;
	case CMD_NEXT_LINK:
	case CMD_PREV_LINK:
		step_link(t, tx, c == CMD_PREV_LINK, h);
		return 1;
	default:
		return 0;
	}
}

long text_link_at(const struct tui_text *tx, int y, int x)
{
	if (y < 1 || y > tx->shown)
		return -1;
	size_t line = tx->top + (size_t)(y - 1);
	for (size_t k = 0; k < tx->nlinks; k++) {
		const struct tui_text_link *lk = &tx->links[k];
		if (lk->line != line)
			continue;
		int from = 1 + draw_width_n(tx->lines[line], lk->start);
		int to = from + draw_width_n(tx->lines[line] + lk->start, lk->end - lk->start);
		if (x >= from && x < to)
			return text_link_group(tx, k);
	}
	return -1;
}
