/* reader.c: the reader screen: the whole document laid out by page.c, with
 * citations, unit names and search matches drawn where they fall, links
 * chosen with Tab, and the outline (sections, paragraphs, items, folding)
 * beside the text on a wide terminal or instead of it on a narrow one.
 * Also the reader's position, which survives resizes: a part and a line. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "circ/i18n.h"
#include "circ/utf8.h"
#include "tui.h"

/* From this many columns on, the outline is always beside the text. */
#define RD_WIDE  100
/* From this many columns on, two language versions can show side by side
 * (V). */
#define RD_PAIR  160
/* The reader never lays the text out narrower than this. */
#define RD_MIN_W 20

static int wide(const struct tui *t)
{
	return t->cols >= RD_WIDE;
}

void rd_area(const struct tui *t, int *y, int *h, int *x, int *w)
{
	*y = 1;
	*h = t->rows - 2;
	*x = 0;
	*w = t->cols;
	if (wide(t)) {
		int ow = t->cols / 3 < 40 ? t->cols / 3 : 40;
		*x = ow + 1;
		*w = t->cols - ow - 1;
	}
	if (*h < 0)
		*h = 0;
	if (*w < 0)
		*w = 0;
}

static size_t rows(const struct tui *t)
{
	int y, h, x, w;
	rd_area(t, &y, &h, &x, &w);
	return h > 1 ? (size_t)h : 1;
}

struct tui_pos rd_here(const struct tui *t)
{
	struct tui_pos p = {NULL, t->top};
	if (t->top < t->page.nlines && t->page.lines[t->top].part) {
		p.part = t->page.lines[t->top].part;
		size_t first = page_line_of(&t->page, p.part);
		p.line = t->top >= first ? t->top - first : 0;
	}
	return p;
}

void rd_goto_line(struct tui *t, size_t line)
{
	size_t h = rows(t);
	size_t max = t->page.nlines > h ? t->page.nlines - h : 0;
	t->top = line > max ? max : line;
	/* the part gone to stays the current one only while on screen */
	if (t->focus) {
		size_t fl = page_line_of(&t->page, t->focus);
		if (fl < t->top || fl >= t->top + h)
			t->focus = NULL;
	}
}

/* The part being read: the one gone to, else the one holding the current
 * match when it is on screen, else the first part at the top. */
const struct doc_part *rd_current_part(const struct tui *t)
{
	if (t->focus)
		return t->focus;
	const struct doc_part *m = find_current_part(t);
	if (m) {
		size_t h = rows(t);
		for (size_t l = t->top; l < t->top + h && l < t->page.nlines; l++)
			if (t->page.lines[l].part == m)
				return m;
	}
	for (size_t l = t->top; l < t->page.nlines; l++)
		if (t->page.lines[l].part && t->page.lines[l].nsegs)
			return t->page.lines[l].part;
	return NULL;
}

struct tui_place rd_place(const struct doc_part *p)
{
	struct tui_place at = {0};
	if (p && p->kind == DOC_KIND_DOCUMENT) /* the title block */
		p = NULL;
	at.screen = SCR_READER;
	at.part = p;
	at.sel = p != NULL;
	return at;
}

/* Lay the document out again for the reader's width, keeping the place. */
void rd_layout(struct tui *t)
{
	if (t->doc == NULL)
		return; /* the library screen, before any document is open */
	/* narrow: the outline shows exactly when the keys are in it */
	if (!wide(t))
		t->outline_shown = t->outline_focus;
	int y, h, x, w;
	rd_area(t, &y, &h, &x, &w);
	size_t width = w > RD_MIN_W ? (size_t)w - 1 : RD_MIN_W;
	/* side by side with the other language version, when it fits */
	int pair = t->pair != LIB_NONE && t->cols >= RD_PAIR;
	if (width == t->page_width && t->page.lines && pair == t->pair_on)
		return;
	struct tui_pos here = rd_here(t);
	page_free(&t->page);
	if (pair)
		pair_build(&t->page, t->doc, t->ds[t->pair].doc, width, term_cpwidth, &t->pair_col);
	else
		page_build(&t->page, t->doc, width, term_cpwidth);
	t->pair_on = pair;
	t->page_width = width;
	if (here.part)
		rd_goto_line(t, page_line_of(&t->page, here.part) + here.line);
	else
		rd_goto_line(t, here.line < t->page.nlines ? here.line : 0);
}

void rd_build(struct tui *t)
{
	const struct doc *d = t->doc;
	if (d == NULL)
		return;
	tree_free(&t->outline);
	for (size_t i = 0; i < d->nparts; i++) {
		const struct doc_part *p = d->parts[i];
		if (!doc_part_is_level(p))
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
	for (size_t i = 0; t->pair_on && i < t->npair_hits; i++) {
		const struct search_hit *h = &t->pair_hits[i];
		if (h->part == s->part && h->field == s->field && off >= h->start && off < h->end)
			return TA_MATCH;
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

static void draw_text(struct tui *t, int y, int h, int x, int w)
{
	if (t->pair_on && t->pair != LIB_NONE && t->ds)
		find_in_pair(t, t->ds[t->pair].doc);
	for (int r = 0; r < h; r++) {
		size_t l = t->top + (size_t)r;
		if (l >= t->page.nlines)
			break;
		const struct page_line *ln = &t->page.lines[l];
		for (size_t k = 0; k < ln->nsegs; k++)
			draw_seg(t, &t->page.segs[ln->seg + k], y + r, x, w);
		if (t->pair_on && t->pair_col + 1 < w)
			term_put(y + r, x + t->pair_col + 1, "│", strlen("│"), 1, TA_DIM);
	}
}

static void rd_draw(struct tui *t)
{
	int y, h, x, w;
	rd_area(t, &y, &h, &x, &w);
	if ((wide(t) || t->outline_shown) && !t->outline_focus) {
		/* the outline follows the reader: the current part, or the
		 * nearest shown part above it */
		const struct doc_part *p = rd_current_part(t);
		while (p && !tree_show_item(&t->outline, p))
			p = p->parent;
	}
	if (wide(t)) {
		tree_draw(t, &t->outline, y, 0, h, x - 1, t->outline_focus);
		for (int r = 0; r < h; r++)
			term_put(y + r, x - 1, "│", strlen("│"), 1, TA_DIM);
		draw_text(t, y, h, x, w);
	} else if (t->outline_shown) {
		tree_draw(t, &t->outline, y, 0, h, t->cols, t->outline_focus);
	} else {
		draw_text(t, y, h, x, w);
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
	rd_area(t, &y, &h, &x, &w);
	size_t n = 0;
	*out = NULL;
	for (int r = 0; r < h && !(t->outline_shown && !wide(t)); r++) {
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

/* Where a citation goes: a part of this document, the whole of it, or
 * another document (NULL and *other set). */
static const struct doc_part *ref_target(const struct tui *t, const struct doc_link *l, int *whole,
                                         int *other)
{
	*whole = *other = 0;
	if (l->target[0] == '#')
		/* in the document of a collection the link is in */
		return doc_find_eid_from(t->doc, l->target + 1, t->link_part);
	if (t->doc->meta.work_iri && strcmp(l->target, t->doc->meta.work_iri) == 0)
		*whole = 1;
	else
		*other = 1;
	return NULL;
}

static void next_link(struct tui *t, int backward)
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
	int whole = 0, other = 0;
	const struct doc_part *to =
	    l->kind == DOC_LINK_REF ? ref_target(t, l, &whole, &other) : NULL;
	if (l->kind == DOC_LINK_ORG)
		/* TRANSLATORS: a unit's name is selected (Tab) */
		tui_message(t, 0, "%s", _("Unit: Enter to follow"));
	else if (other)
		/* where Enter goes, or that the document is not in the library */
		libui_describe_link(t, t->link_part, l);
	else if (to && to->kind == DOC_KIND_NOTE)
		/* TRANSLATORS: a footnote's marker is selected (Tab); %s is
		 * its marker ("1"); Enter and Backspace are keys */
		tui_message(t, 0, _("Note %s: Enter to read it, Backspace to come back"),
		            to->num ? to->num : "");
	else
		/* TRANSLATORS: a citation is selected (Tab); Enter is the key */
		tui_message(t, 0, "%s", _("Citation: Enter to follow"));
	free(v);
}

static void follow(struct tui *t)
{
	if (!t->link_on) {
		tui_message(t, 0, "%s", _("Select a citation or a unit name with Tab first"));
		return;
	}
	const struct doc_part *p = t->link_part;
	const struct doc_link *l = &p->links[t->link_idx];
	if (l->kind == DOC_LINK_ORG) {
		struct unit *u = unit_by_id(t->doc, l->target);
		if (u)
			tui_go_unit(t, u);
		return;
	}
	int whole, other;
	const struct doc_part *to = ref_target(t, l, &whole, &other);
	if (to) {
		char *label = doc_part_title(to);
		tui_go_part(t, to);
		/* TRANSLATORS: %s: the part gone to (5.7 b)); Backspace
		 * is the key that comes back */
		tui_message(t, 0, _("%s (Backspace: back)"), label);
		free(label);
	} else if (whole) {
		struct tui_place at = rd_place(NULL);
		tui_go(t, &at);
		tui_message(t, 0, "%s", _("The whole document (Backspace: back)"));
	} else if (other) {
		libui_follow(t, p, l);
	}
}

static void click(struct tui *t, int cy, int cx)
{
	int y, h, x, w;
	rd_area(t, &y, &h, &x, &w);
	if ((t->outline_shown && !wide(t)) || (wide(t) && cx < x)) {
		long row = tree_row_at(&t->outline, cy - y);
		if (row >= 0) {
			t->outline.sel = (size_t)row;
			t->outline_focus = 1;
			tui_command(t, CMD_FOLLOW, 0);
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
			follow(t);
			return;
		}
	}
	free(v);
}

/* Next or previous paragraph: the next part that starts below the top. */
static void part_step(struct tui *t, int backward)
{
	const struct doc *d = t->doc;
	const struct doc_part *cur = rd_current_part(t);
	size_t at = cur ? cur->order : 0;
	size_t here = page_line_of(&t->page, cur);
	for (size_t i = 0; i < d->nparts; i++) {
		size_t k = backward ? (at + d->nparts - i) % d->nparts : (at + i + 1) % d->nparts;
		if (i == 0 && backward && t->top > here) {
			k = at; /* first back to the start of the current part */
		} else if (backward && i == 0) {
			continue;
		}
		const struct doc_part *p = d->parts[k];
		if (p->kind == DOC_KIND_PARAGRAPH || p->kind == DOC_KIND_SECTION ||
		    p->kind == DOC_KIND_PREAMBLE || p->kind == DOC_KIND_CONCLUSIONS ||
		    p->kind == DOC_KIND_DIVISION || p->kind == DOC_KIND_PREFACE ||
		    p->kind == DOC_KIND_NOTE || (p->kind == DOC_KIND_BLOCK && p->heading)) {
			t->focus = NULL;
			rd_goto_line(t, page_line_of(&t->page, p));
			t->focus = p;
			t->link_on = 0;
			return;
		}
	}
}

/* Scroll the text by delta lines. */
static void scroll_by(struct tui *t, long delta)
{
	long top = (long)t->top + delta, max = (long)t->page.nlines - (long)rows(t);
	if (top > max)
		top = max;
	rd_goto_line(t, top < 0 ? 0 : (size_t)top);
}

static void toggle_outline(struct tui *t)
{
	if (wide(t)) {
		t->outline_focus = !t->outline_focus;
	} else {
		t->outline_shown = !t->outline_shown;
		t->outline_focus = t->outline_shown;
	}
	if (t->outline_focus) {
		const struct doc_part *p = rd_current_part(t);
		if (p)
			tree_select_item(&t->outline, p);
	}
}

/* A command while the keys go to the outline; 0: not an outline one. */
static int outline_command(struct tui *t, enum tui_cmd c, long count)
{
	if (tree_command(&t->outline, c, count, (int)rows(t)))
		return 1;
	switch (c) {
	case CMD_FOLLOW: {
		const struct doc_part *p = tree_item(&t->outline);
		if (p) {
			t->outline_focus = 0;
			if (!wide(t))
				t->outline_shown = 0;
			tui_go_part(t, p);
		}
		return 1;
	}
	case CMD_LEFT: /* Backspace goes back, as everywhere */
		tree_fold(&t->outline, -1);
		return 1;
	case CMD_RIGHT:
		tree_fold(&t->outline, 1);
		return 1;
	case CMD_FOLD:
		tree_fold(&t->outline, 0);
		return 1;
	case CMD_ESCAPE:
		t->outline_focus = 0;
		if (!wide(t))
			t->outline_shown = 0;
		return 1;
	default:
		return 0;
	}
}

static int rd_command(struct tui *t, enum tui_cmd c, long count)
{
	if (t->outline_focus && outline_command(t, c, count))
		return 1;
	long n = count > 0 ? count : 1, page = tui_page_step((long)rows(t));
	long half = (long)rows(t) / 2 > 0 ? (long)rows(t) / 2 : 1;
	switch (c) {
	case CMD_DOWN:
		scroll_by(t, n);
		return 1;
	case CMD_UP:
		scroll_by(t, -n);
		return 1;
	case CMD_PAGE_DOWN:
		scroll_by(t, n * page);
		return 1;
	case CMD_PAGE_UP:
		scroll_by(t, -n * page);
		return 1;
	case CMD_HALF_DOWN:
		scroll_by(t, n * half);
		return 1;
	case CMD_HALF_UP:
		scroll_by(t, -n * half);
		return 1;
	case CMD_TOP:
		rd_goto_line(t, count > 0 ? (size_t)count - 1 : 0);
		return 1;
	case CMD_BOTTOM:
		if (count > 0) { /* as in less and vi: 12G is line 12 */
			rd_goto_line(t, (size_t)count - 1);
			return 1;
		}
		scroll_by(t, (long)t->page.nlines);
		/* at the end, the last part is the one being read */
		if (t->doc->nparts)
			t->focus = t->doc->parts[t->doc->nparts - 1];
		return 1;
	case CMD_NEXT_PART:
	case CMD_PREV_PART:
		/* a count past the parts goes round once at most */
		for (long i = 0; i < n && i < (long)t->doc->nparts; i++)
			part_step(t, c == CMD_PREV_PART);
		return 1;
	case CMD_NEXT_LINK:
	case CMD_PREV_LINK:
		next_link(t, c == CMD_PREV_LINK);
		return 1;
	case CMD_FOLLOW:
		follow(t);
		return 1;
	case CMD_FOLD:
		return 0;
	case CMD_OUTLINE:
		toggle_outline(t);
		return 1;
	case CMD_SEARCH:
		find_prompt(t);
		return 1;
	case CMD_NEXT_MATCH:
	case CMD_PREV_MATCH:
		find_step(t, c == CMD_PREV_MATCH, n);
		return 1;
	case CMD_CASE:
	case CMD_ACCENTS:
		find_toggle(t, c == CMD_ACCENTS);
		return 1;
	case CMD_MARK:
		mk_set(t);
		return 1;
	case CMD_JUMP_MARK:
		mk_jump(t);
		return 1;
	case CMD_ESCAPE:
		t->link_on = 0;
		if (t->pattern)
			/* TRANSLATORS: after Esc; n is the key of the next
			 * match, %s the pattern */
			tui_message(t, 0, _("Matches no longer shown; n searches /%s again"),
			            t->pattern);
		find_clear(t);
		return 1;
	default:
		return 0;
	}
}

static void rd_open(struct tui *t, const struct tui_place *at)
{
	t->link_on = 0;
	t->focus = NULL;
	/* a place is in the text: the keys leave the outline */
	t->outline_focus = 0;
	if (!wide(t))
		t->outline_shown = 0;
	if (at->part == NULL) {
		rd_goto_line(t, at->line);
		return;
	}
	rd_goto_line(t, page_line_of(&t->page, at->part) + at->line);
	/* the part gone to (on screen, at the top or near the end) */
	if (at->sel && at->line == 0)
		t->focus = at->part;
}

static void rd_save(const struct tui *t, struct tui_place *at)
{
	struct tui_pos p = rd_here(t);
	at->part = p.part;
	at->line = p.line;
	at->sel = 0;
	/* the part gone to, at the top: come back to it as gone to */
	if (t->focus && t->focus == p.part && p.line == 0)
		at->sel = 1;
	else if (t->focus && p.part != t->focus) {
		at->part = t->focus;
		at->line = 0;
		at->sel = 1;
	}
}

/* "Section 5 › 5.7 › b)": the part and its ancestors. */
static void rd_describe(const struct tui *t, const struct tui_place *at, struct strbuf *out)
{
	const struct doc_part *chain[8];
	size_t k = 0;
	const struct doc_part *cur = at ? at->part : rd_current_part(t);
	for (const struct doc_part *p = cur; p && k < 8; p = p->parent)
		if (p->kind != DOC_KIND_DOCUMENT)
			chain[k++] = p;
	if (k == 0) {
		/* TRANSLATORS: the status line's place when the reader is at
		 * the title block, before the preamble */
		sb_adds(out, _("title"));
		return;
	}
	for (size_t i = k; i-- > 0;) {
		const struct doc_part *p = chain[i];
		/* TRANSLATORS: the status line's place in the preamble and in
		 * the signature block at the end */
		char *own = p->kind == DOC_KIND_PREAMBLE || p->kind == DOC_KIND_CONCLUSIONS ||
		                    p->num == NULL
		                ? doc_part_title(p)
		                : NULL;
		const char *name = own ? own : p->num;
		if (i + 1 < k)
			sb_adds(out, " › ");
		sb_add(out, name, strcspn(name, "\n"));
		free(own);
	}
}

/* Is a statement of u (its head, composition, functions) made by part p? */
static int unit_stated_in(const struct unit *u, const struct doc_part *p)
{
	if (u->head && u->head->source == p)
		return 1;
	const struct unit_parts *lists[] = {&u->composition, &u->functions, &u->head_functions};
	for (size_t l = 0; l < 3; l++)
		for (size_t i = 0; i < lists[l]->n; i++)
			if (lists[l]->v[i] == p)
				return 1;
	return 0;
}

/* The unit name Tab selected; else (unless selected) the unit the part
 * being read (or the nearest part above it) is about, else one it names;
 * and the part being read. */
static void rd_about(const struct tui *t, int selected, struct tui_place *at)
{
	const struct doc *d = t->doc;
	at->part = rd_place(rd_current_part(t)).part; /* not the title block */
	at->unit = NULL;
	if (t->link_on && t->link_part->links[t->link_idx].kind == DOC_LINK_ORG) {
		at->unit = unit_by_id(d, t->link_part->links[t->link_idx].target);
		return;
	}
	for (const struct doc_part *q = rd_current_part(t); q && !selected; q = q->parent) {
		for (size_t i = 0; i < d->nunits; i++)
			if (unit_stated_in(d->units[i], q)) {
				at->unit = d->units[i];
				return;
			}
		for (size_t i = 0; i < q->nlinks; i++)
			if (q->links[i].kind == DOC_LINK_ORG) {
				at->unit = unit_by_id(d, q->links[i].target);
				return;
			}
	}
}

static void rd_status(const struct tui *t, struct strbuf *info, struct strbuf *extra)
{
	find_status(t, info, extra);
}

static void rd_reflow(struct tui *t)
{
	rd_layout(t);
}

const struct tui_screen_ops reader_screen = {
    .transient = 0,
    .open = rd_open,
    .save = rd_save,
    .describe = rd_describe,
    .draw = rd_draw,
    .command = rd_command,
    .reflow = rd_reflow,
    .click = click,
    .about = rd_about,
    .status = rd_status,
};
