/* layout.c: greedy word wrapping by display columns (see layout.h).
 * layout_break() decides where lines break and gives each line as a byte
 * range of the text; layout_wrap() (the command line's views) and page.c
 * (the browser's reader) both build on it, so they always agree. */
#include "circ/layout.h"

#include <stdlib.h>
#include <string.h>

#include "circ/utf8.h"
#include "circ/xalloc.h"

static int width_of(int (*cpw)(uint32_t), uint32_t cp)
{
	return cpw ? cpw(cp) : utf8_cpwidth(cp);
}

size_t layout_text_width(const char *s, size_t n, int (*cpw)(uint32_t))
{
	if (cpw == NULL)
		return utf8_width(s, n);
	size_t w = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		w += (size_t)cpw(cp);
	}
	return w;
}

/* Bytes of s (n bytes) that fit in cols columns, at least one character. */
static size_t fit_bytes(const char *s, size_t n, size_t cols, int (*cpw)(uint32_t))
{
	size_t i = 0, w = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		size_t cw = (size_t)width_of(cpw, cp);
		if (i > 0 && w + cw > cols)
			break;
		w += cw;
		i += k;
	}
	return i;
}

static void add_span(struct layout_span **v, size_t *n, size_t a, size_t b)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[*n].start = a;
	(*v)[*n].end = b;
	(*n)++;
}

/* Break one line (no '\n') of s[0..n) placed at byte offset base. */
static void break_line(const char *s, size_t n, size_t base, size_t avail, int (*cpw)(uint32_t),
                       struct layout_span **v, size_t *nv)
{
	size_t i = 0, line_start = 0, line_end = 0, linew = 0;
	int open = 0;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			break;
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		size_t ww = layout_text_width(s + i, j - i, cpw);
		if (open && linew + 1 + ww <= avail) {
			line_end = j;
			linew += 1 + ww;
			i = j;
			continue;
		}
		if (open)
			add_span(v, nv, base + line_start, base + line_end);
		/* a word wider than the line is cut between characters */
		while (ww > avail) {
			size_t k = fit_bytes(s + i, j - i, avail, cpw);
			add_span(v, nv, base + i, base + i + k);
			i += k;
			ww = layout_text_width(s + i, j - i, cpw);
		}
		open = 1;
		line_start = i;
		line_end = j;
		linew = ww;
		i = j;
	}
	if (open)
		add_span(v, nv, base + line_start, base + line_end);
	else
		add_span(v, nv, base + n, base + n); /* an empty line */
}

size_t layout_break(const char *text, size_t avail, int (*cpw)(uint32_t), struct layout_span **out)
{
	size_t n = 0;
	*out = NULL;
	if (avail == 0)
		avail = (size_t)-1 / 4;
	const char *p = text;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		break_line(p, len, (size_t)(p - text), avail, cpw, out, &n);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	return n;
}

size_t layout_avail(size_t width, size_t start)
{
	if (width == 0)
		return 0;
	return width > start ? width - start : 1;
}

struct layout_place layout_place(size_t width, size_t indent, size_t hang, size_t lw)
{
	struct layout_place pl = {indent, indent + hang, 0};
	if (width == 0) {
		/* no limit: a lead wider than the hang pushes the text right */
		if (lw > 0 && indent + lw + 1 > pl.col)
			pl.col = indent + lw + 1;
		return pl;
	}
	if (pl.col + LAYOUT_MIN_ROOM > width)
		pl.col = width > LAYOUT_MIN_ROOM ? width - LAYOUT_MIN_ROOM : 0;
	if (pl.indent > pl.col)
		pl.indent = pl.col;
	/* the lead and one space before the text, moved left if need be */
	if (lw > 0 && pl.indent + lw + 1 > pl.col) {
		if (pl.col >= lw + 1)
			pl.indent = pl.col - lw - 1;
		else
			pl.lead_alone = 1;
	}
	return pl;
}

/* Append lines [from, n) of v, each at column col. */
static void put_lines(struct strbuf *out, const char *text, const struct layout_span *v,
                      size_t from, size_t n, size_t col)
{
	for (size_t i = from; i < n; i++) {
		size_t mark = out->len;
		sb_addn(out, ' ', col);
		sb_add(out, text + v[i].start, v[i].end - v[i].start);
		/* no trailing spaces (an empty line holds nothing) */
		while (out->len > mark && out->s[out->len - 1] == ' ')
			sb_truncate(out, out->len - 1);
		sb_addc(out, '\n');
	}
}

void layout_wrap(struct strbuf *out, const char *text, size_t indent, const char *lead, size_t hang,
                 size_t width)
{
	lead = lead ? lead : "";
	size_t lw = utf8_width(lead, strlen(lead));
	struct layout_place pl = layout_place(width, indent, hang, lw);
	struct layout_span *v;
	size_t n = layout_break(text, layout_avail(width, pl.col), NULL, &v);
	if (pl.lead_alone) {
		/* the lead on lines of its own, then the text below it */
		struct layout_span *lv;
		size_t ln = layout_break(lead, width - pl.indent, NULL, &lv);
		put_lines(out, lead, lv, 0, ln, pl.indent);
		free(lv);
		put_lines(out, text, v, 0, n, pl.col);
		free(v);
		return;
	}
	size_t mark = out->len;
	sb_addn(out, ' ', pl.indent);
	sb_adds(out, lead);
	sb_addn(out, ' ', pl.col - pl.indent - lw);
	sb_add(out, text + v[0].start, v[0].end - v[0].start);
	while (out->len > mark && out->s[out->len - 1] == ' ')
		sb_truncate(out, out->len - 1);
	sb_addc(out, '\n');
	put_lines(out, text, v, 1, n, pl.col);
	free(v);
}

void layout_clip(struct strbuf *out, const char *s, size_t width)
{
	size_t n = strlen(s);
	if (width == 0 || utf8_width(s, n) <= width) {
		sb_add(out, s, n);
		return;
	}
	size_t k = width > 1 ? fit_bytes(s, n, width - 1, NULL) : 0;
	while (k > 0 && s[k - 1] == ' ')
		k--;
	sb_add(out, s, k);
	sb_adds(out, "…");
}
