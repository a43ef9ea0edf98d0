/* import_notes.c: the footnotes of a published text. Their text stands at
 * the foot of a page after a rule of underscores (« 1 Voir ... »); it is
 * taken out of the lines into im->notes. Their marks are digits glued to
 * the text they annotate (« fonctions;3 », "Organization”1"): the nearest
 * one before the notes becomes IMP_NOTE_MARK n IMP_NOTE_END, which the
 * writer turns into an <authorialNote>. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "circ/i18n.h"
#include "circ/strbuf.h"
#include "circ/xalloc.h"
#include "import_internal.h"

/* How far before its text a note's mark is looked for, in lines and in
 * bytes (a hostile text of long lines and many notes stays linear). */
#define MARK_REACH       400
#define MARK_REACH_BYTES 65536

/* A rule of five or more underscores, alone on its line. */
static int rule_line(const char *s)
{
	size_t k = 0;
	while (s[k] == '_')
		k++;
	return k >= 5 && s[k] == '\0';
}

/* "3 Voir ...": the note's number (1 to 99) in marker and the offset of its
 * text, or 0. */
static size_t note_start(const char *s, char marker[4])
{
	size_t k = 0;
	while (imp_is_digit(s[k]) && k < 3)
		k++;
	if (k == 0 || k > 2 || s[0] == '0' || s[k] != ' ' || s[k + 1] == '\0')
		return 0;
	memcpy(marker, s, k);
	marker[k] = '\0';
	return k + 1;
}

/* Whether the text of a line ends a sentence or a list item. */
static int ends_sentence(const char *s)
{
	size_t n = strlen(s);
	if (n == 0)
		return 1;
	char c = s[n - 1];
	return c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

/* Where in s, from its byte from on, the mark m is glued to the text:
 * after a letter or a closing punctuation, not after a digit, a slash, a
 * hyphen or a space, and not followed by a digit or a letter; the offset
 * of the last one, or -1. */
static long find_mark(const char *s, size_t n, size_t from, const char *m)
{
	size_t ml = strlen(m);
	long found = -1;
	for (size_t i = from > 1 ? from : 1; i + ml <= n; i++) {
		if (s[i] != m[0] || strncmp(s + i, m, ml) != 0)
			continue;
		unsigned char b = (unsigned char)s[i - 1], a = (unsigned char)s[i + ml];
		if (imp_is_digit((char)b) || b == '/' || b == '-' || b == ' ' || b == '(' ||
		    b == IMP_NOTE_END || b == IMP_NOTE_MARK)
			continue;
		/* 2.1: a number, not a mark */
		if (b == '.' && i >= 2 && imp_is_digit(s[i - 2]))
			continue;
		if (imp_is_digit((char)a) || (a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z') ||
		    a >= 0x80)
			continue;
		if (a == '.' && imp_is_digit(s[i + ml + 1]))
			continue;
		found = (long)i;
	}
	return found;
}

/* Put note number idx's place in line l, replacing len bytes at off. */
static void put_mark(struct line *l, size_t off, size_t len, size_t idx)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, l->s, off);
	sb_addf(&sb, "%c%zu%c", IMP_NOTE_MARK, idx, IMP_NOTE_END);
	sb_adds(&sb, l->s + off + len);
	free(l->s);
	l->s = sb_steal(&sb);
}

/* Find the mark of note idx in the kept lines [page, w), nearest first;
 * when none is found, the note is put at the end of the last line of
 * text. */
static void place_note(struct imp *im, struct line *ln, size_t page, size_t w, size_t idx)
{
	const struct imp_note *nt = &im->notes[idx];
	size_t bytes = 0;
	for (size_t i = w; i > page && w - i < MARK_REACH && bytes < MARK_REACH_BYTES; i--) {
		size_t n = strlen(ln[i - 1].s), left = MARK_REACH_BYTES - bytes;
		long at = find_mark(ln[i - 1].s, n, n > left ? n - left : 0, nt->marker);
		bytes += n + 1;
		if (at >= 0) {
			put_mark(&ln[i - 1], (size_t)at, strlen(nt->marker), idx);
			return;
		}
	}
	size_t last = w; /* imp_take_notes saw text before the notes */
	while (last > 1 && ln[last - 1].s[0] == '\0')
		last--;
	/* TRANSLATORS: a warning of 'circ import': footnote %s has no mark
	   (a number glued to a word) in the text before it */
	imp_warn(im, nt->no,
	         _("could not place note %s: no mark %s in the text before it; kept at the end "
	           "of line %ld"),
	         nt->marker, nt->marker, ln[last - 1].no);
	put_mark(&ln[last - 1], strlen(ln[last - 1].s), 0, idx);
}

/* Read the notes after the rule at ln[i]; returns the index of the first
 * line after them, or i when no note follows the rule. */
static size_t read_notes(struct imp *im, struct line *ln, size_t n, size_t i, size_t *first)
{
	size_t k = i + 1, last = i;
	while (k < n && ln[k].s[0] == '\0')
		k++;
	*first = im->nnotes;
	struct strbuf text = STRBUF_INIT;
	char marker[4], prev[4] = "";
	long no = 0;
	while (k < n) {
		size_t at = note_start(ln[k].s, marker);
		int next = at > 0 && (prev[0] == '\0' || atoi(marker) == atoi(prev) + 1);
		if (next) {
			if (prev[0]) {
				im->notes = imp_grow1(im->notes, im->nnotes, sizeof *im->notes);
				im->notes[im->nnotes++] =
				    (struct imp_note){xstrdup(prev), sb_steal(&text), no};
			}
			snprintf(prev, sizeof prev, "%s", marker);
			sb_adds(&text, ln[k].s + at);
			no = ln[k].no;
			last = k++;
			continue;
		}
		if (prev[0] == '\0' || ln[k].s[0] == '\0' || ends_sentence(sb_str(&text)))
			break;
		sb_addc(&text, ' ');
		sb_adds(&text, ln[k].s);
		last = k++;
	}
	if (prev[0]) {
		im->notes = imp_grow1(im->notes, im->nnotes, sizeof *im->notes);
		im->notes[im->nnotes++] = (struct imp_note){xstrdup(prev), sb_steal(&text), no};
	}
	sb_free(&text);
	return prev[0] ? last + 1 : i;
}

void imp_take_notes(struct imp *im, struct line *ln, size_t *n)
{
	size_t w = 0, page = 0; /* page: the first kept line after the last notes */
	for (size_t i = 0; i < *n; i++) {
		size_t first, end, back = w;
		while (rule_line(ln[i].s) && back > page && ln[back - 1].s[0] == '\0')
			back--;
		/* a rule with no text before it (since the last notes) is no
		 * foot of a page */
		if (!rule_line(ln[i].s) || back == page ||
		    (end = read_notes(im, ln, *n, i, &first)) == i) {
			ln[w++] = ln[i];
			continue;
		}
		/* a paragraph broken by the notes goes on after them */
		int broken = !ends_sentence(ln[back - 1].s);
		for (size_t k = i; k < end; k++)
			free(ln[k].s);
		if (broken) {
			for (size_t k = back; k < w; k++)
				free(ln[k].s);
			w = back;
			while (end < *n && ln[end].s[0] == '\0')
				free(ln[end++].s);
		}
		for (size_t x = first; x < im->nnotes; x++)
			place_note(im, ln, page, w, x);
		page = w;
		i = end - 1;
	}
	*n = w;
}
