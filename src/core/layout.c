/* layout.c: greedy word wrapping by display columns (see layout.h). */
#include "circ/layout.h"

#include <string.h>

#include "circ/utf8.h"

/* Bytes of s (n bytes) that fit in cols columns, at least one character. */
static size_t fit_bytes(const char *s, size_t n, size_t cols)
{
	size_t i = 0, w = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		size_t cw = (size_t)utf8_cpwidth(cp);
		if (i > 0 && w + cw > cols)
			break;
		w += cw;
		i += k;
	}
	return i;
}

/* Wrap one line of text (no '\n' in it); *first tells whether the lead is due. */
static void wrap_line(struct strbuf *out, const char *s, size_t n, size_t indent, const char *lead,
                      size_t hang, size_t width, int *first)
{
	size_t start = indent + hang;
	size_t avail = width == 0 ? (size_t)-1 : (width > start + 10 ? width - start : 10);
	size_t linew = 0;
	int open = 0; /* a line has been started */
	size_t i = 0;

	while (i < n || !open) {
		while (i < n && s[i] == ' ')
			i++;
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		size_t ww = utf8_width(s + i, j - i);
		if (open && j > i && linew + 1 + ww <= avail) {
			sb_addc(out, ' ');
			sb_add(out, s + i, j - i);
			linew += 1 + ww;
			i = j;
			continue;
		}
		if (open)
			sb_addc(out, '\n');
		/* start a new line */
		if (*first) {
			sb_addn(out, ' ', indent);
			sb_adds(out, lead);
			size_t lw = utf8_width(lead, strlen(lead));
			if (lw > 0 && (j > i || i < n))
				sb_addn(out, ' ', lw < hang ? hang - lw : 1);
			else if (lw == 0)
				sb_addn(out, ' ', hang);
			*first = 0;
		} else if (j > i) {
			sb_addn(out, ' ', start);
		}
		open = 1;
		linew = 0;
		if (j == i)
			break;
		/* a word wider than the line is cut between characters */
		while (ww > avail) {
			size_t k = fit_bytes(s + i, j - i, avail);
			sb_add(out, s + i, k);
			sb_addc(out, '\n');
			sb_addn(out, ' ', start);
			i += k;
			ww = utf8_width(s + i, j - i);
		}
		sb_add(out, s + i, j - i);
		linew = ww;
		i = j;
	}
	/* drop trailing spaces left by an empty line, then end the line */
	while (out->len > 0 && out->s[out->len - 1] == ' ')
		sb_truncate(out, out->len - 1);
	sb_addc(out, '\n');
}

void layout_wrap(struct strbuf *out, const char *text, size_t indent, const char *lead, size_t hang,
                 size_t width)
{
	int first = 1;
	const char *p = text;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		wrap_line(out, p, n, indent, lead ? lead : "", hang, width, &first);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

void layout_clip(struct strbuf *out, const char *s, size_t width)
{
	size_t n = strlen(s);
	if (width == 0 || utf8_width(s, n) <= width) {
		sb_add(out, s, n);
		return;
	}
	size_t k = width > 1 ? fit_bytes(s, n, width - 1) : 0;
	while (k > 0 && s[k - 1] == ' ')
		k--;
	sb_add(out, s, k);
	sb_adds(out, "…");
}
