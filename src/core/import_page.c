/* import_page.c: the page furniture of a text taken from a PDF (pdftotext's
 * output, or text pasted from a PDF) taken out of the importer's lines
 * before anything reads them: form feeds, page numbers (« 2 », « 2/3 »,
 * « Page 2 »), job numbers (« 10-25949 », « 18-00045 (F) », « *1025949* »),
 * the document's symbol repeated at the top of a page, a header repeated at
 * the top of several pages; then the lines on both sides of a page break
 * joined when the sentence goes on, and words hyphenated at a line's end
 * made whole. Nothing else is dropped. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "circ/utf8.h"
#include "circ/xalloc.h"
#include "import_internal.h"

/* What a line is to the page cleaning. */
enum { L_TEXT, L_WEAK, L_FURNITURE };

/* Whether s is a symbol alone: "ST/SGB/2010/2", "A/RES/60/1" (capitals,
 * then at least two more parts after slashes, no space). */
static int symbol_alone(const char *s)
{
	size_t k = 0, slashes = 0;
	while (s[k] >= 'A' && s[k] <= 'Z')
		k++;
	if (k == 0 || s[k] != '/')
		return 0;
	for (; s[k]; k++) {
		if (s[k] == '/')
			slashes++;
		else if (!utf8_is_ascii_alnum((unsigned char)s[k]) && !strchr(".-()", s[k]))
			return 0;
	}
	return slashes >= 2 && s[k - 1] != '/';
}

/* The length of the run of digits at s. */
static size_t digits(const char *s)
{
	size_t k = 0;
	while (imp_is_digit(s[k]))
		k++;
	return k;
}

/* Is the word [s, s+n) a job number (« 10-25949 », « 10-25949X »), a bar
 * code (« *1025949* ») or a page number in pages (« 2/3 »)? */
static int strong_word(const char *s, size_t n)
{
	size_t d = digits(s);
	if (d == 2 && s[2] == '-' && digits(s + 3) == 5 &&
	    (n == 8 || (n == 9 && s[8] >= 'A' && s[8] <= 'Z')))
		return 1;
	if (n >= 7 && s[0] == '*' && s[n - 1] == '*' && digits(s + 1) == n - 2)
		return 1;
	return d >= 1 && d <= 3 && s[d] == '/' && digits(s + d + 1) >= 1 &&
	       digits(s + d + 1) <= 3 && d + 1 + digits(s + d + 1) == n;
}

/* A line of furniture, word by word: L_FURNITURE when every word is one
 * (a job number, a bar code, « 2/3 », « Page 2 », « - 2 - », the symbol,
 * a language tag « (F) », the dates of a first page's foot « 140331 », a
 * « / » between them) and one of them says so
 * for sure; L_WEAK for a number alone (« 2 »: a page number only next to
 * a page break); L_TEXT otherwise. */
static int classify(const char *s, const char *symbol)
{
	if (*s == '\0')
		return L_TEXT;
	int strong = 0, nums = 0, words = 0, seps = 0;
	const char *p = s;
	while (*p) {
		size_t n = strcspn(p, " ");
		words++;
		if ((n == 1 && (*p == '/' || *p == '-')) || (n == 3 && memcmp(p, "–", 3) == 0)) {
			seps++;
		} else if (digits(p) == n && n <= 3) {
			nums++;
		} else if (strong_word(p, n)) {
			strong = 1;
		} else if (n == 4 && (memcmp(p, "Page", 4) == 0 || memcmp(p, "page", 4) == 0) &&
		           p[4] == ' ' && digits(p + 5) > 0 && digits(p + 5) <= 3) {
			strong = 1; /* its number is the next word */
		} else if ((n == 3 && p[0] == '(' && p[1] >= 'A' && p[1] <= 'Z' && p[2] == ')') ||
		           (n == 6 && digits(p) == 6)) {
			/* a language tag « (F) », a date « 140331 »: only
			 * with a job number */
		} else if (symbol && strlen(symbol) == n && memcmp(p, symbol, n) == 0) {
			strong = 1;
		} else {
			return L_TEXT;
		}
		p += n;
		while (*p == ' ')
			p++;
	}
	if (strong)
		return L_FURNITURE;
	if (nums == 1 && seps == 2 && words == 3)
		return L_FURNITURE; /* - 2 - */
	return nums == 1 && words == 1 ? L_WEAK : L_TEXT;
}

/* Which lines start a page: the first line after a form feed (the ones
 * pdftotext puts between pages), from the text itself (the lines' no). */
static char *page_starts(const char *text, size_t n, const struct line *ln, size_t cnt)
{
	char *ff = xcalloc(cnt + 1, 1);
	long no = 1;
	size_t i = 0;
	for (size_t k = 0; k < n && i < cnt; k++) {
		if (text[k] == '\n') {
			no++;
			continue;
		}
		if (text[k] != '\f')
			continue;
		while (i < cnt && ln[i].no < no)
			i++;
		if (i < cnt && ln[i].no == no)
			ff[i] = 1;
	}
	return ff;
}

/* Does s end a sentence (or a list's item)? A page break after it is a
 * paragraph break, unless the next page starts with a small letter. */
static int ends_sentence(const char *s)
{
	size_t n = strlen(s);
	return n > 0 && strchr(".:;!?", s[n - 1]) != NULL;
}

/* The first character of s as a code point (0 for none). */
static uint32_t first_cp(const char *s)
{
	uint32_t cp = 0;
	if (*s)
		utf8_decode(s, strlen(s), &cp);
	return cp;
}

/* A small letter: ASCII, Latin-1 or œ. */
static int is_lower(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 0xdf && cp <= 0xff && cp != 0xf7) || cp == 0x153;
}

static int is_upper(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 0xc0 && cp <= 0xde && cp != 0xd7) || cp == 0x152;
}

static int by_text(const void *a, const void *b)
{
	return strcmp(((const struct line *)a)->s, ((const struct line *)b)->s);
}

/* Mark as furniture the lines at the top of a page (the first line that is
 * not furniture after a break) whose text is at the top of two pages or
 * more, and of half the pages at least: a running header. (A line that
 * starts two pages of twenty, such as an item's « h) » alone, is text.) */
static void running_headers(struct line *ln, size_t cnt, const char *ff, char *kind)
{
	size_t *tops = xcalloc(cnt + 1, sizeof *tops);
	size_t ntops = 0;
	int brk = 0;
	for (size_t i = 0; i < cnt; i++) {
		brk |= ff[i] || kind[i] == L_FURNITURE;
		if (kind[i] == L_FURNITURE || ln[i].s[0] == '\0')
			continue;
		if (brk)
			tops[ntops++] = i;
		brk = 0;
	}
	/* the tops sorted by their text: equal ones side by side */
	struct line *v = xreallocarray(NULL, ntops + 1, sizeof *v);
	for (size_t a = 0; a < ntops; a++) {
		v[a].s = ln[tops[a]].s;
		v[a].no = (long)tops[a];
	}
	qsort(v, ntops, sizeof *v, by_text);
	for (size_t a = 0, b; a < ntops; a = b) {
		for (b = a + 1; b < ntops && strcmp(v[a].s, v[b].s) == 0;)
			b++;
		if (b - a >= 2 && (b - a) * 2 >= ntops)
			for (size_t k = a; k < b; k++)
				kind[v[k].no] = L_FURNITURE;
	}
	free(v);
	free(tops);
}

/* The first page's header as pdftotext -layout gives it, its two columns
 * on one line (« Nations Unies   ST/SGB/2018/1 », « Secrétariat   Distr.
 * générale », then « 4 janvier 2018 », « Original : anglais »): the left
 * column's « Nations Unies » / « Secrétariat » taken off a line whose right
 * column is the symbol or a date, which the importer reads on lines of
 * their own; « Distr. … » and « Original … » are furniture. */
static void first_page_header(struct line *ln, size_t cnt, const char *ff, char *kind)
{
	static const char *const left[] = {"Nations Unies ", "United Nations ", "Secrétariat ",
	                                   "Secretariat "};
	for (size_t i = 0; i < cnt && i < 15 && !(i > 0 && ff[i]); i++) {
		char *s = ln[i].s;
		for (size_t k = 0; k < sizeof left / sizeof left[0]; k++) {
			size_t n = strlen(left[k]);
			if (strncmp(s, left[k], n) == 0 &&
			    (symbol_alone(s + n) || imp_is_digit(s[n]) ||
			     strncmp(s + n, "Distr", 5) == 0))
				memmove(s, s + n, strlen(s + n) + 1);
		}
		if (strncmp(s, "Distr.", 6) == 0 || strncmp(s, "Original :", 10) == 0 ||
		    strncmp(s, "Original:", 9) == 0)
			kind[i] = L_FURNITURE;
	}
}

/* The document's symbol: the first line of the first page that is a
 * symbol alone, or NULL. */
static const char *doc_symbol(const struct line *ln, size_t cnt, const char *ff)
{
	for (size_t i = 0; i < cnt && i < 40; i++) {
		if (i > 0 && ff[i])
			break;
		if (symbol_alone(ln[i].s))
			return ln[i].s;
	}
	return NULL;
}

/* Words that stay hyphenated when a line ends with them and a hyphen
 * (« semi-annual », « c'est-à-dire », « sous-section »): the last part of
 * the word before the hyphen, lowercase. */
static int compound_head(const char *w, size_t n)
{
	static const char *const heads[] = {
	    "semi",   "non",  "vice",  "quasi", "self",   "well",  "cross",   "ex",
	    "sous",   "est",  "demi",  "ci",    "là",     "avant", "arrière", "après",
	    "peut",   "dit",  "mi",    "anti",  "contre", "extra", "porte",   "grand",
	    "follow", "long", "short", "mid",   "under",  "full",  "part",    "sur"};
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
		if (strlen(heads[i]) == n && strncasecmp(w, heads[i], n) == 0)
			return 1;
	return 0;
}

/* The longest word looked for, in bytes; the longest text searched for
 * the words cut by a hyphen (a bulletin is some 100 KiB; beyond, only the
 * rule of the compounds decides, to keep the time linear). */
#define IMP_WORD_MAX   64
#define IMP_LOOKUP_MAX ((size_t)2 << 20)

/* Whether the n bytes at s are in the text [t, t+tn). */
static int in_text(const char *t, size_t tn, const char *s, size_t n)
{
	for (const char *p = t; n > 0 && (size_t)(t + tn - p) >= n;) {
		const char *q = memchr(p, s[0], (size_t)(t + tn - p) - n + 1);
		if (q == NULL)
			return 0;
		if (memcmp(q, s, n) == 0)
			return 1;
		p = q + 1;
	}
	return 0;
}

/* The last part of the word that ends s before its hyphen: after the last
 * space, hyphen, apostrophe (' or ’), bracket or « (its start; its length
 * in *n). */
static const char *word_head(const char *s, size_t end, size_t *n)
{
	size_t k = end;
	while (k > 0 && !strchr(" -'(/", s[k - 1]) && !(k >= 3 && memcmp(s + k - 3, "’", 3) == 0) &&
	       !(k >= 2 && memcmp(s + k - 2, "«", 2) == 0))
		k--;
	*n = end - k;
	return s + k;
}

/* The letters that start s (ASCII or not): their length. */
static size_t word_tail(const char *s)
{
	size_t k = 0;
	while (s[k] && (utf8_is_ascii_alpha((unsigned char)s[k]) || (unsigned char)s[k] >= 0x80) &&
	       strncmp(s + k, "’", 3) != 0)
		k++;
	return k;
}

/* Is the word [s, s+n) an item's marker: « b) », « (b) », « ii) »? */
static int item_like(const char *s, size_t n)
{
	size_t a = s[0] == '(' ? 1 : 0;
	if (n < a + 2 || s[n - 1] != ')')
		return 0;
	for (size_t k = a; k < n - 1; k++)
		if (!(s[k] >= 'a' && s[k] <= 'z') || (n - 1 - a > 1 && !strchr("ivxlc", s[k])))
			return 0;
	return 1;
}

/* How a line ending with a hyphen joins the next one. The rule: a word cut
 * by the hyphen is made whole when the next line starts with a small
 * letter (« organi- / sation » → « organisation ») unless the word is a
 * compound: the text has it with its hyphen elsewhere (« ci-après »), or
 * not whole, and the part before the hyphen is one that makes compounds
 * (« semi-annual », « c'est-à-dire », « sous-section »); before a capital
 * the hyphen is always a real one (« Under-Secretary »), and between
 * numbers (« 2010- / 2011 »). Both keep the hyphen and join with no space.
 * Before a marker (« b) », « 2.1 ») the lines stay apart. 1: drop the
 * hyphen, 0: keep it, -1: the line does not end with a cut word. */
static int hyphen_join(const char *text, size_t tn, const char *s, size_t n, const char *next)
{
	if (n < 2 || s[n - 1] != '-' || s[n - 2] == ' ' || s[n - 2] == '-' || *next == '\0')
		return -1;
	size_t wl = strcspn(next, " ");
	if (item_like(next, wl) || strncasecmp(next, "section ", 8) == 0)
		return -1; /* a marker starts the line */
	uint32_t c = first_cp(next);
	if (c >= '0' && c <= '9') {
		/* « 2010- / 2011 », not « 2.1 » or « 3. » */
		return imp_is_digit(s[n - 2]) && digits(next) == wl ? 0 : -1;
	}
	if (is_upper(c))
		return 0;
	if (!is_lower(c))
		return -1;
	size_t hn, tl = word_tail(next);
	const char *head = word_head(s, n - 1, &hn);
	if (hn == 0 || hn > IMP_WORD_MAX || tl > IMP_WORD_MAX)
		return -1;       /* no word: nothing to make whole */
	if (tn > IMP_LOOKUP_MAX) /* too long to search: the compounds only */
		return compound_head(head, hn) ? 0 : 1;
	char *whole = xasprintf("%.*s%.*s", (int)hn, head, (int)tl, next);
	char *hyph = xasprintf("%.*s-%.*s", (int)hn, head, (int)tl, next);
	int r = in_text(text, tn, whole, strlen(whole)) ? 1
	        : in_text(text, tn, hyph, strlen(hyph)) ? 0
	        : compound_head(head, hn)               ? 0
	                                                : 1;
	free(whole);
	free(hyph);
	return r;
}

/* Words cut at a line's end made whole: the first word of the next line
 * moves up to the line before (the next line, if that was all of it, goes).
 * Returns the new count of lines. */
static size_t join_hyphens(const char *text, size_t tn, struct line *ln, size_t cnt)
{
	size_t w = 0;
	for (size_t i = 0; i < cnt; i++) {
		ln[w++] = ln[i];
		struct line *l = &ln[w - 1];
		struct strbuf sb = STRBUF_INIT;
		sb_adds(&sb, l->s);
		int joined = 0;
		while (i + 1 < cnt) {
			int h = hyphen_join(text, tn, sb_str(&sb), sb.len, ln[i + 1].s);
			if (h < 0)
				break;
			char *next = ln[i + 1].s;
			size_t wl = strcspn(next, " ");
			sb_truncate(&sb, sb.len - (size_t)h);
			sb_add(&sb, next, wl);
			joined = 1;
			const char *rest = next + wl;
			while (*rest == ' ')
				rest++;
			if (*rest) {
				memmove(next, rest, strlen(rest) + 1);
				break;
			}
			/* the next line was that word alone: it goes, and the
			 * one after may go on the word */
			free(next);
			i++;
		}
		if (joined) {
			free(l->s);
			l->s = sb_steal(&sb);
		}
		sb_free(&sb);
	}
	return w;
}

/* Are the last line of a page and the first of the next one the same
 * sentence? Yes when the first does not end one, or the second starts with
 * a small letter (a sentence, or an item « b) », going on). */
static int goes_on(const char *last, const char *first)
{
	return !ends_sentence(last) || is_lower(first_cp(first));
}

void imp_clean_pages(const char *text, size_t n, struct line *ln, size_t *nlines)
{
	size_t cnt = *nlines;
	if (cnt == 0)
		return;
	char *ff = page_starts(text, n, ln, cnt);
	char *kind = xcalloc(cnt + 1, 1);
	first_page_header(ln, cnt, ff, kind);
	const char *s0 = doc_symbol(ln, cnt, ff);
	char *symbol = s0 ? xstrdup(s0) : NULL;
	int first_sym = 1;
	for (size_t i = 0; i < cnt; i++) {
		if (kind[i] == L_FURNITURE)
			continue;
		kind[i] = (char)classify(ln[i].s, symbol);
		/* the symbol in the header of the first page is not furniture */
		if (symbol && first_sym && strcmp(ln[i].s, symbol) == 0) {
			kind[i] = L_TEXT;
			first_sym = 0;
		}
	}
	/* a symbol alone at the top of a page after the first (the text may
	 * not give its own) */
	for (size_t i = 1; i < cnt; i++) {
		if (!ff[i])
			continue;
		size_t k = i;
		while (k < cnt && ln[k].s[0] == '\0')
			k++;
		if (k < cnt && symbol_alone(ln[k].s))
			kind[k] = L_FURNITURE;
	}
	/* a number alone is a page number next to a page break */
	for (size_t i = 0; i < cnt; i++) {
		if (kind[i] != L_WEAK)
			continue;
		size_t a = i, b = i + 1;
		int brk = ff[i];
		while (a > 0 && ln[a - 1].s[0] == '\0')
			brk |= ff[--a];
		while (b < cnt && ln[b].s[0] == '\0')
			brk |= ff[b++];
		brk |= (b < cnt && (ff[b] || kind[b] == L_FURNITURE)) ||
		       (a > 0 && kind[a - 1] == L_FURNITURE) || b == cnt;
		kind[i] = brk ? L_FURNITURE : L_TEXT;
	}
	running_headers(ln, cnt, ff, kind);

	/* out with the furniture; at a break, the blank lines go when the
	 * sentence goes on, one stays when it does not */
	size_t w = 0, last = SIZE_MAX;
	int brk = 0;
	for (size_t i = 0; i < cnt; i++) {
		brk |= ff[i];
		if (kind[i] == L_FURNITURE) {
			free(ln[i].s);
			brk = 1;
			continue;
		}
		if (ln[i].s[0] == '\0') {
			ln[w++] = ln[i];
			continue;
		}
		if (brk && last != SIZE_MAX) {
			size_t keep = goes_on(ln[last].s, ln[i].s) ? 0 : 1;
			while (w > last + 1 + keep)
				free(ln[--w].s);
		}
		brk = 0;
		ln[w++] = ln[i];
		last = w - 1;
	}
	*nlines = join_hyphens(text, n, ln, w);
	free(kind);
	free(symbol);
	free(ff);
}
