/* sumscreen.c: a unit's summary screen: the text `circ --summary` prints,
 * laid out for the terminal, with its links: the names of units (the
 * place in the hierarchy, the composition, the reporting lines) and the
 * paragraphs it cites (sources, « Also named in »). Tab chooses a link,
 * Enter follows it: a unit's summary, or the reader at the paragraph. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "circ/i18n.h"
#include "circ/summary.h"
#include "tui.h"

static int rows(const struct tui *t)
{
	return t->rows - 2 > 1 ? t->rows - 2 : 1;
}

/* Where the text's words may break: a line end and the next line's indent
 * count as one space. Matches name at byte at of the joined text; returns
 * the bytes of the text it spans, 0 when it does not match. */
static size_t match_at(const char *text, size_t at, const char *name)
{
	size_t i = at;
	for (const char *n = name; *n; n++) {
		if (*n == ' ') {
			if (text[i] == ' ')
				i++;
			else if (text[i] == '\n')
				for (i++; text[i] == ' '; i++)
					;
			else
				return 0;
		} else if (text[i] != *n) {
			return 0;
		} else {
			i++;
		}
	}
	return i - at;
}

/* Is byte c one that can stand next to a reference or a name? */
static int boundary(char c)
{
	return c == '\0' || c == ' ' || c == '\n' || c == '(' || c == ')' || c == ',' || c == ':' ||
	       c == ';' || c == '.' || c == '-';
}

struct cand {
	const char *name; /* what the text shows */
	const struct doc_part *part;
	const struct unit *unit;
};

static int longer_first(const void *a, const void *b)
{
	size_t la = strlen(((const struct cand *)a)->name),
	       lb = strlen(((const struct cand *)b)->name);
	return la < lb ? 1 : la > lb ? -1 : 0;
}

/* A link found in the text: bytes [start, end) of it. */
struct span {
	size_t start, end;
	const struct doc_part *part;
	const struct unit *unit;
};

/* Find the links of the summary's text: every unit's name (but the unit's
 * own) and every part's label, longest first, each byte claimed once; the
 * header (up to its rule) has none. */
static void find_links(struct tui *t, const char *text, const struct unit *self)
{
	struct tui_text *tx = &t->sum;
	const struct doc *d = t->doc;
	size_t nc = 0, len = strlen(text);
	struct cand *c = xreallocarray(NULL, d->nunits + d->nparts + 1, sizeof *c);
	char **labels = xreallocarray(NULL, d->nparts + 1, sizeof *labels);
	for (size_t i = 0; i < d->nunits; i++)
		if (d->units[i] != self)
			c[nc++] = (struct cand){d->units[i]->name, NULL, d->units[i]};
	for (size_t i = 0; i < d->nparts; i++) {
		labels[i] = doc_part_title(d->parts[i]);
		c[nc++] = (struct cand){labels[i], d->parts[i], NULL};
	}
	qsort(c, nc, sizeof *c, longer_first);
	unsigned char *claimed = xcalloc(len + 1, 1);
	/* the header: the symbol and title, then a rule of '=' */
	const char *rule = strstr(text, "\n==");
	size_t from =
	    rule ? (size_t)(strchr(rule + 1, '\n') ? strchr(rule + 1, '\n') - text : 0) : 0;
	struct span *found = NULL;
	size_t nfound = 0;
	for (size_t k = 0; k < nc; k++) {
		if (!*c[k].name)
			continue;
		char first = c[k].name[0];
		for (size_t at = from; at < len; at++) {
			if (text[at] != first || claimed[at])
				continue;
			if (at > 0 && !boundary(text[at - 1]))
				continue;
			size_t n = match_at(text, at, c[k].name);
			if (n == 0 || !boundary(text[at + n]))
				continue;
			int free_span = 1;
			for (size_t q = at; q < at + n; q++)
				free_span &= !claimed[q];
			if (!free_span)
				continue;
			memset(claimed + at, 1, n);
			found = xreallocarray(found, nfound + 1, sizeof *found);
			found[nfound].start = at;
			found[nfound].end = at + n;
			found[nfound].part = c[k].part;
			found[nfound].unit = c[k].unit;
			nfound++;
			at += n - 1;
		}
	}
	/* in reading order, a name broken over lines as one link per line */
	for (size_t i = 1; i < nfound; i++)
		for (size_t j = i; j > 0 && found[j - 1].start > found[j].start; j--) {
			struct span tmp = found[j];
			found[j] = found[j - 1];
			found[j - 1] = tmp;
		}
	size_t line = 0, line_start = 0, at = 0;
	for (size_t i = 0; i < nfound; i++) {
		for (size_t s = found[i].start; s < found[i].end;) {
			for (; at < s; at++)
				if (text[at] == '\n') {
					line++;
					line_start = at + 1;
				}
			size_t e = s;
			while (e < found[i].end && text[e] != '\n')
				e++;
			tx->links = xreallocarray(tx->links, tx->nlinks + 1, sizeof *tx->links);
			tx->links[tx->nlinks++] = (struct tui_text_link){
			    line,          s - line_start, e - line_start, s != found[i].start,
			    found[i].part, found[i].unit};
			s = e;
			while (s < found[i].end && (text[s] == '\n' || text[s] == ' '))
				s++;
		}
	}
	free(found);
	free(claimed);
	for (size_t i = 0; i < d->nparts; i++)
		free(labels[i]);
	free(labels);
	free(c);
}

/* Lay the summary of u out for the terminal's width. */
static void render(struct tui *t, const struct unit *u)
{
	struct strbuf sb = STRBUF_INIT;
	size_t width = t->cols > 4 ? (size_t)t->cols - 2 : 20;
	summary_unit(&sb, t->doc, u, width < SUMMARY_WIDTH ? width : SUMMARY_WIDTH);
	text_set(&t->sum, u->name, sb.s);
	t->sum.link = -1;
	t->sum_unit = u;
	find_links(t, sb.s, u);
	sb_free(&sb);
}

static void sum_open(struct tui *t, const struct tui_place *at)
{
	if (at->unit == NULL)
		return;
	render(t, at->unit);
	t->sum.top = at->line < t->sum.nlines ? at->line : 0;
	if (at->sel > 0 && at->sel - 1 < t->sum.nlinks)
		t->sum.link = (long)at->sel - 1;
}

static void sum_save(const struct tui *t, struct tui_place *at)
{
	at->unit = t->sum_unit;
	at->line = t->sum.top;
	at->sel = t->sum.link >= 0 ? (size_t)t->sum.link + 1 : 0;
}

static void sum_describe(const struct tui *t, const struct tui_place *at, struct strbuf *out)
{
	const struct unit *u = at ? at->unit : t->sum_unit;
	sb_adds(out, u ? u->name : "");
}

static void follow(struct tui *t)
{
	if (t->sum.link < 0) {
		tui_message(t, 0, "%s", _("Select a link with Tab first"));
		return;
	}
	const struct tui_text_link *lk = &t->sum.links[t->sum.link];
	if (lk->unit)
		tui_go_unit(t, lk->unit);
	else if (lk->part)
		tui_go_part(t, lk->part);
}

static int sum_command(struct tui *t, enum tui_cmd c, long count)
{
	if (text_command(t, &t->sum, c, count, rows(t)))
		return 1;
	switch (c) {
	case CMD_FOLLOW:
		follow(t);
		return 1;
	case CMD_DEFINITION:
		tui_go_definition(t, t->sum_unit);
		return 1;
	default:
		return 0;
	}
}

static void sum_draw(struct tui *t)
{
	text_draw(t, &t->sum);
}

/* The width changed: lay the summary out again, keeping the line at the
 * top as well as can be. */
static void sum_reflow(struct tui *t)
{
	if (t->sum_unit == NULL)
		return;
	size_t top = t->sum.top, old = t->sum.nlines, nlinks = t->sum.nlinks;
	long link = t->sum.link;
	render(t, t->sum_unit);
	t->sum.top = old ? top * t->sum.nlines / old : 0;
	/* the pieces of the links change with the width: keep the selection
	 * only when their number did not */
	if (link >= 0 && t->sum.nlinks == nlinks)
		t->sum.link = link;
}

static void sum_click(struct tui *t, int y, int x)
{
	long k = text_link_at(&t->sum, y, x);
	if (k >= 0) {
		t->sum.link = k;
		follow(t);
	}
}

const struct tui_screen_ops summary_screen = {
    .transient = 0,
    .open = sum_open,
    .save = sum_save,
    .describe = sum_describe,
    .draw = sum_draw,
    .command = sum_command,
    .reflow = sum_reflow,
    .click = sum_click,
};
