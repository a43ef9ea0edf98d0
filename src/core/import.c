/* import.c: the importer of published bulletin text (see import.h). It owns
 * two of its three steps: the text cut into lines and the lines into blocks
 * (a block starts at a marker, « Section N », "2.1", "a)", or after a blank
 * line, and joins the lines that follow it); the blocks read into a tree of
 * sections, paragraphs and points, with the header before it and the
 * signature after. import_write.c writes the tree out. */
#include "circ/import.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "circ/cite.h"
#include "circ/i18n.h"
#include "circ/strmap.h"
#include "circ/utf8.h"
#include "circ/xalloc.h"
#include "import_internal.h"

enum block_kind { B_TEXT, B_SECTION, B_PARA, B_ITEM };

/* A marker and the text that follows it, or text alone. */
struct block {
	enum block_kind kind;
	char *mark;         /* "Section 1", "1.1", "a)", "(ii)"; NULL for text */
	char *key;          /* "1", "1.1", "a", "ii" */
	struct strbuf text; /* may be empty */
	long no;            /* line of its first line */
	int cont;           /* text going on from the block before, no blank line
	                       between */
};

/* v, an array of n elements of size bytes, with room for one more: its
 * room doubles when n is 0 or a power of two (a text of a million lines
 * or parts is read in linear time). Its room is implied by n: an array
 * grown here is grown nowhere else. */
void *imp_grow1(void *v, size_t n, size_t size)
{
	if (n == 0 || (n & (n - 1)) == 0)
		v = xreallocarray(v, n ? n * 2 : 1, size);
	return v;
}

static void add_text(struct para_text **v, size_t *n, const char *text, long no)
{
	*v = imp_grow1(*v, *n, sizeof **v);
	(*v)[*n].text = xstrdup(text);
	(*v)[*n].no = no;
	(*v)[*n].cont = 0;
	(*n)++;
}

/* Add text to the last of v (after a space), or as a new one. */
static void join_text(struct para_text **v, size_t *n, const char *text, long no)
{
	if (*n == 0) {
		add_text(v, n, text, no);
		return;
	}
	char *j = xasprintf("%s %s", (*v)[*n - 1].text, text);
	free((*v)[*n - 1].text);
	(*v)[*n - 1].text = j;
}

static struct node *node_new(enum node_kind kind, const char *num, const char *key, long no)
{
	struct node *nd = xcalloc(1, sizeof *nd);
	nd->kind = kind;
	nd->num = xstrdup(num);
	nd->key = xstrdup(key);
	nd->no = no;
	return nd;
}

static void node_add(struct node *parent, struct node *kid)
{
	parent->kids = imp_grow1(parent->kids, parent->nkids, sizeof *parent->kids);
	parent->kids[parent->nkids++] = kid;
}

/* Free texts and their array. */
static void free_texts(struct para_text *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].text);
	free(v);
}

static void node_free(struct node *nd)
{
	if (!nd)
		return;
	free_texts(nd->texts, nd->ntexts);
	free_texts(nd->wrap, nd->nwrap);
	for (size_t i = 0; i < nd->nkids; i++)
		node_free(nd->kids[i]);
	free(nd->kids);
	free(nd->num);
	free(nd->key);
	free(nd->heading);
	free(nd->eid);
	free(nd);
}

/* Free the parts of a body and their array. */
static void free_nodes(struct node **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		node_free(v[i]);
	free(v);
}

/* Cut the text into lines: ASCII blanks (tabs, CR, spaces) and the other
 * control characters (which XML cannot hold, and two of which mark notes
 * here) collapsed into one space, trimmed at both ends. */
static struct line *split_lines(const char *text, size_t n, size_t *nlines)
{
	struct line *v = NULL;
	size_t cnt = 0;
	long no = 1;
	for (size_t i = 0; i <= n;) {
		size_t e = i;
		while (e < n && text[e] != '\n')
			e++;
		if (e == n && i == n)
			break;
		struct strbuf sb = STRBUF_INIT;
		int space = 0;
		for (size_t k = i; k < e; k++) {
			char c = text[k];
			if ((unsigned char)c <= ' ' || c == 0x7f) {
				space = 1;
				continue;
			}
			if (space && sb.len > 0)
				sb_addc(&sb, ' ');
			space = 0;
			sb_addc(&sb, c);
		}
		v = imp_grow1(v, cnt, sizeof *v);
		v[cnt].s = xstrdup(sb_str(&sb));
		v[cnt].no = no++;
		cnt++;
		sb_free(&sb);
		i = e + 1;
	}
	*nlines = cnt;
	return v;
}

int imp_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The value of a lowercase roman numeral from i to xxxix, or 0. */
static int roman_value(const char *s)
{
	static const char *const units[] = {"",  "i",  "ii",  "iii",  "iv",
	                                    "v", "vi", "vii", "viii", "ix"};
	int tens = 0;
	while (s[0] == 'x' && tens < 3) {
		tens++;
		s++;
	}
	for (int u = 0; u < 10; u++)
		if (strcmp(s, units[u]) == 0)
			return tens * 10 + u;
	return 0;
}

/* s after its spaces, ASCII or not (U+00A0 often follows « Section »). */
static const char *skip_spaces(const char *s)
{
	size_t n = strlen(s);
	while (*s) {
		uint32_t cp;
		size_t k = utf8_decode(s, n, &cp);
		if (!utf8_is_space(cp))
			break;
		s += k;
		n -= k;
	}
	return s;
}

/* « Section 12 », "SECTION 12": the number's length and where it starts,
 * or 0. The rest of the line, if any, is the heading. */
static size_t section_mark(const char *s, size_t *numat)
{
	if (strncasecmp(s, "section", 7) != 0)
		return 0;
	const char *p = skip_spaces(s + 7);
	if (p == s + 7 || !imp_is_digit(*p))
		return 0;
	size_t at = (size_t)(p - s), k = at;
	while (imp_is_digit(s[k]))
		k++;
	if (s[k] != '\0' && s[k] != '.' && skip_spaces(s + k) == s + k)
		return 0;
	*numat = at;
	return k - at;
}

/* "1. " of a memo-style text (paragraphs numbered 1., 2., no section):
 * the length of the marker with its dot, of the number in numlen, or 0. */
static size_t memo_mark(const char *s, size_t *numlen)
{
	size_t k = 0;
	while (imp_is_digit(s[k]))
		k++;
	if (k == 0 || k > 3 || s[0] == '0' || s[k] != '.' || (s[k + 1] != ' ' && s[k + 1] != '\0'))
		return 0;
	*numlen = k;
	return k + 1;
}

/* "2.1", "2.1.", "2.1In" (the tab lost): the length of the marker (with
 * its dot) and of the number alone, or 0. A number followed by a digit, a
 * dot and a digit, or a '%' is not a paragraph's. In a memo-style text,
 * "2." instead. */
static size_t para_mark_in(const char *s, size_t *numlen, int memo)
{
	if (memo)
		return memo_mark(s, numlen);
	size_t k = 0;
	while (imp_is_digit(s[k]))
		k++;
	if (k == 0 || k > 3 || s[k] != '.' || !imp_is_digit(s[k + 1]))
		return 0;
	k++;
	while (imp_is_digit(s[k]))
		k++;
	*numlen = k;
	if (s[k] == '.' && !imp_is_digit(s[k + 1]))
		k++;
	else if (s[k] == '.' || s[k] == ',' || s[k] == '%')
		return 0;
	return k;
}

static size_t para_mark(const char *s, size_t *numlen)
{
	return para_mark_in(s, numlen, 0);
}

/* Is the text [0, n) memo-style: no « Section N », no paragraph 1.1, and
 * paragraphs 1. and 2. at the start of lines? */
static int memo_style(const struct line *ln, size_t n)
{
	size_t at, nl;
	int one = 0, two = 0;
	for (size_t i = 0; i < n; i++) {
		if (section_mark(ln[i].s, &at) || para_mark(ln[i].s, &nl))
			return 0;
		if (memo_mark(ln[i].s, &nl)) {
			one |= strncmp(ln[i].s, "1.", 2) == 0;
			two |= one && strncmp(ln[i].s, "2.", 2) == 0;
		}
	}
	return two;
}

/* "a)", "(a)", "ii)", "(ii)", glued or not to the text: the marker's
 * length, its letters in key (up to 7 bytes), or 0. Only one letter or a
 * roman numeral counts. */
static size_t item_mark(const char *s, char key[8])
{
	size_t k = s[0] == '(' ? 1 : 0, start = k;
	while (s[k] >= 'a' && s[k] <= 'z' && k - start < 7)
		k++;
	size_t len = k - start;
	if (len == 0 || s[k] != ')')
		return 0;
	memcpy(key, s + start, len);
	key[len] = '\0';
	if (len > 1 && roman_value(key) == 0)
		return 0;
	return k + 1;
}

/* Whether a line ends with a word that a marker on the next line would
 * complete ("de l'alinéa" / "b) du paragraphe 5.2", "du paragraphe" /
 * "2.1;" in a text wrapped by a PDF): then that marker is text. */
static int ends_with_cite_word(const char *s)
{
	static const char *const words[] = {
	    "alinéa",   "alinéas",    "subparagraph", "subparagraphs", "sous-alinéa", "l’alinéa",
	    "l'alinéa", "paragraphe", "paragraphes",  "paragraph",     "paragraphs"};
	size_t n = strlen(s);
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t w = strlen(words[i]);
		if (n >= w && strcasecmp(s + n - w, words[i]) == 0 &&
		    (n == w || s[n - w - 1] == ' ' || strcmp(words[i], "alinéa") == 0))
			return 1;
	}
	return 0;
}

static void block_start(struct block **v, size_t *n, enum block_kind kind, const char *mark,
                        size_t marklen, const char *key, const char *text, long no)
{
	*v = imp_grow1(*v, *n, sizeof **v);
	struct block *b = &(*v)[*n];
	(*n)++;
	b->kind = kind;
	b->mark = mark ? xstrndup(mark, marklen) : NULL;
	b->key = key ? xstrdup(key) : NULL;
	memset(&b->text, 0, sizeof b->text);
	sb_adds(&b->text, text);
	b->no = no;
	b->cont = 0;
}

/* Add a line to the last block, after a space (in amortised linear time:
 * a text of one block of many lines stays fast). */
static void block_join(struct block *b, const char *s)
{
	if (b->text.len > 0)
		sb_addc(&b->text, ' ');
	sb_adds(&b->text, s);
}

/* Does an item's text end its sentence (the last item of a list)? */
static int ends_item(const struct strbuf *t)
{
	return t->len > 0 && t->s[t->len - 1] == '.';
}

/* Does s start a sentence: a capital, ASCII or not? */
static int starts_sentence(const char *s)
{
	unsigned char c = (unsigned char)s[0];
	return (c >= 'A' && c <= 'Z') || c >= 0xc0;
}

/* The lines [0, n) as blocks. A blank line ends a block, except one that is
 * a marker alone ("a)" on its line, its text below). A « Section N » line is
 * a block of its own: the line after it is the heading. */
static struct block *make_blocks(const struct line *ln, size_t n, int memo, size_t *nblocks)
{
	struct block *v = NULL;
	size_t cnt = 0;
	int open = 0; /* the last block takes the next line */
	for (size_t i = 0; i < n; i++) {
		const char *s = ln[i].s;
		if (*s == '\0') {
			if (open && cnt > 0 && v[cnt - 1].kind != B_TEXT &&
			    v[cnt - 1].kind != B_SECTION && v[cnt - 1].text.len == 0)
				continue; /* a marker alone: its text comes */
			open = 0;
			continue;
		}
		size_t at, len, numlen;
		char key[8];
		int after_word = i > 0 && ln[i - 1].s[0] && ends_with_cite_word(ln[i - 1].s);
		if ((len = section_mark(s, &at)) > 0) {
			char *num = xstrndup(s + at, len);
			const char *rest = s + at + len;
			if (*rest == '.')
				rest++;
			rest = skip_spaces(rest);
			block_start(&v, &cnt, B_SECTION, s, at + len, num, rest, ln[i].no);
			free(num);
			open = 0;
			continue;
		}
		if (!after_word && (len = para_mark_in(s, &numlen, memo)) > 0) {
			char *num = xstrndup(s, numlen);
			const char *rest = skip_spaces(s + len);
			size_t il = item_mark(rest, key);
			/* "2.2 a) ...": a list with no intro */
			block_start(&v, &cnt, B_PARA, s, memo ? len : numlen, num, il ? "" : rest,
			            ln[i].no);
			if (il)
				block_start(&v, &cnt, B_ITEM, rest, il, key, skip_spaces(rest + il),
				            ln[i].no);
			free(num);
			open = 1;
			continue;
		}
		if (!after_word && (len = item_mark(s, key)) > 0) {
			const char *rest = skip_spaces(s + len);
			block_start(&v, &cnt, B_ITEM, s, len, key, rest, ln[i].no);
			open = 1;
			continue;
		}
		if (open && cnt > 0 && v[cnt - 1].kind == B_ITEM && ends_item(&v[cnt - 1].text) &&
		    starts_sentence(s)) {
			/* maybe the text after the list: read_body decides */
			block_start(&v, &cnt, B_TEXT, NULL, 0, NULL, s, ln[i].no);
			v[cnt - 1].cont = 1;
		} else if (open && cnt > 0)
			block_join(&v[cnt - 1], s);
		else
			block_start(&v, &cnt, B_TEXT, NULL, 0, NULL, s, ln[i].no);
		open = 1;
	}
	*nblocks = cnt;
	return v;
}

/* Lowercase ASCII, ’ as ', for comparing a line with known wordings. */
char *imp_normalise(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	for (; *s; s++) {
		if (strncmp(s, "\xe2\x80\x99", 3) == 0) { /* ’ */
			sb_addc(&sb, '\'');
			s += 2;
		} else {
			sb_addc(&sb, utf8_ascii_lower((unsigned char)*s));
		}
	}
	return sb_steal(&sb);
}

/* The document type lines the importer knows, their type and language. */
static const struct {
	const char *line, *type, *lang;
} doctypes[] = {
    {"circulaire du secrétaire général", "bulletin", "fr"},
    {"secretary-general's bulletin", "bulletin", "en"},
    {"instruction administrative", "instruction", "fr"},
    {"administrative instruction", "instruction", "en"},
    {"circulaire d'information", "circular", "fr"},
    {"information circular", "circular", "en"},
};

static int doctype_of(const char *s)
{
	char *l = imp_normalise(s);
	int r = -1;
	for (size_t i = 0; i < sizeof doctypes / sizeof doctypes[0]; i++)
		if (strcmp(l, doctypes[i].line) == 0)
			r = (int)i;
	free(l);
	return r;
}

/* A header line that is only the symbol (ST/SGB/2010/2): the symbol, else
 * NULL (allocated). */
static char *symbol_line(const char *s)
{
	struct cite c;
	char *r = NULL;
	if (cite_parse(s, &c)) {
		if (c.ntargets == 1 && c.targets[0].kind == CITE_EXTERNAL)
			r = xstrdup(c.targets[0].ref);
		cite_free(&c);
	}
	return r;
}

/* Header lines that are page furniture of the first page. */
static int furniture(const char *s)
{
	static const char *const lines[] = {"nations unies", "united nations", "secrétariat",
	                                    "secretariat"};
	char *l = imp_normalise(s);
	int r = 0;
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		if (strcmp(l, lines[i]) == 0)
			r = 1;
	free(l);
	return r;
}

int imp_valid_date(const char *s)
{
	int y, m, d;
	char tail;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !imp_is_digit(s[i]))
			return 0;
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 0;
	return 1;
}

/* The reading of the blocks into the tree. */
struct reader {
	struct imp *im;
	struct node *sec;    /* the current section, or NULL */
	struct node *para;   /* the current paragraph, or NULL */
	struct node *point;  /* the current point of the paragraph's list */
	struct node *sub;    /* the current point of the point's list */
	int want_heading;    /* the section's heading comes next */
	int wrapping;        /* the paragraph's list is over: text is its wrapUp */
	struct node ***secs; /* where sections (or paragraphs) go */
	size_t *nsecs;
	struct para_text **pre; /* where text before them goes */
	size_t *npre;
};

/* An item's marker: a letter of the paragraph's list, or a roman numeral of
 * the list of its current point?
 *
 * The rule for the letters that are also roman numerals (i, v, x, l, c):
 *  1. it continues an open list of roman numerals (v after iv): roman;
 *  2. it is the letter after the last one of the lettered list (i after
 *     h, v after u): a letter;
 *  3. else, after a lettered item (i after d)): the first roman numeral of
 *     a list inside that item;
 *  4. else, with no list yet in the paragraph, i starts a list of roman
 *     numerals; the other letters start a lettered list.
 * Numerals of two letters or more (ii, iv) are always roman. */
static int item_is_roman(const struct reader *r, const char *key)
{
	int rv = roman_value(key);
	if (rv == 0)
		return 0;
	if (r->sub && r->sub->roman && roman_value(r->sub->key) + 1 == rv)
		return 1;
	if (key[1] == '\0' && r->point && !r->point->roman && r->point->key[0] + 1 == key[0])
		return 0;
	if (key[1] == '\0' && r->point && r->point->roman)
		return roman_value(r->point->key) + 1 == rv;
	if (key[1] == '\0' && !r->point)
		return strcmp(key, "i") == 0;
	return 1;
}

void imp_warn(struct imp *im, long no, const char *fmt, ...)
{
	if (im->nwarn++ >= IMP_MAX_WARNINGS)
		return;
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(im->diags, im->file, no, 0, fmt, ap);
	va_end(ap);
}

/* The last character of the last text of nd, or 0. */
static char last_char(const struct node *nd)
{
	if (nd->ntexts == 0)
		return 0;
	const char *t = nd->texts[nd->ntexts - 1].text;
	size_t n = strlen(t);
	return n ? t[n - 1] : 0;
}

/* Does text that starts with s, after the list of a paragraph whose last
 * item is pt, come after the list (wrapUp) rather than in the item? It does
 * when the item ends its sentence (the last item of a list ends with a
 * full stop, the others with ';') and the text starts a new one. */
static int after_list(const struct node *pt, const char *s)
{
	unsigned char c = (unsigned char)s[0];
	return last_char(pt) == '.' && !(c >= 'a' && c <= 'z') && !imp_is_digit((char)c);
}

/* Where text that is no marker goes: the deepest open part, or after the
 * paragraph's list. */
static void place_text(struct reader *r, const struct block *b)
{
	if (r->point && !r->wrapping && after_list(r->sub ? r->sub : r->point, sb_str(&b->text)))
		r->wrapping = 1;
	if (r->wrapping) {
		add_text(&r->para->wrap, &r->para->nwrap, sb_str(&b->text), b->no);
		r->para->wrap[r->para->nwrap - 1].cont = b->cont;
		return;
	}
	struct node *to = r->sub ? r->sub : r->point ? r->point : r->para ? r->para : r->sec;
	if (r->want_heading && r->sec && !r->para) {
		r->sec->heading = xstrdup(sb_str(&b->text));
		r->want_heading = 0;
		return;
	}
	if (to == NULL) {
		add_text(r->pre, r->npre, sb_str(&b->text), b->no);
		return;
	}
	if (b->cont)
		join_text(&to->texts, &to->ntexts, sb_str(&b->text), b->no);
	else
		add_text(&to->texts, &to->ntexts, sb_str(&b->text), b->no);
}

static void read_item(struct reader *r, const struct block *b)
{
	struct imp *im = r->im;
	if (r->para == NULL) {
		/* TRANSLATORS: a warning of 'circ import': a lettered item
		   (a), b)...) before any numbered paragraph; %s is the item's
		   marker */
		imp_warn(im, b->no, _("item %s outside a numbered paragraph: kept as text"),
		         b->mark);
		struct block tb = *b;
		memset(&tb.text, 0, sizeof tb.text);
		sb_addf(&tb.text, "%s %s", b->mark, sb_str(&b->text));
		place_text(r, &tb);
		sb_free(&tb.text);
		return;
	}
	if (r->wrapping && r->para) {
		/* the list goes on: the text was its last item's */
		struct node *last = r->sub ? r->sub : r->point;
		for (size_t i = 0; i < r->para->nwrap; i++) {
			struct para_text *w = &r->para->wrap[i];
			if (w->cont)
				join_text(&last->texts, &last->ntexts, w->text, w->no);
			else
				add_text(&last->texts, &last->ntexts, w->text, w->no);
			free(w->text);
		}
		r->para->nwrap = 0;
	}
	r->wrapping = 0;
	int roman = item_is_roman(r, b->key);
	struct node *pt = node_new(N_POINT, b->mark, b->key, b->no);
	pt->roman = roman;
	if (b->text.len)
		add_text(&pt->texts, &pt->ntexts, sb_str(&b->text), b->no);
	if (roman && r->point && !r->point->roman) {
		node_add(r->point, pt);
		r->sub = pt;
	} else {
		node_add(r->para, pt);
		r->point = pt;
		r->sub = NULL;
	}
}

/* A heading between two paragraphs (« Champ d'application », "Scope"):
 * one short line starting with a capital and ending with no punctuation. */
static int heading_like(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 80 || (!(s[0] >= 'A' && s[0] <= 'Z') && (unsigned char)s[0] < 0x80))
		return 0;
	char c = s[n - 1];
	return !strchr(".;:,!?", c) && s[n - 1] != ')';
}

/* Whether the number key of a section ('s') or paragraph ('p') was seen
 * before in the same list (that of parent: a section, or NULL at the top);
 * a hash lookup, where a search of the list made a text of many
 * paragraphs quadratic. */
static int seen_before(struct strmap *seen, int kind, const struct node *parent, const char *key)
{
	char *k = xasprintf("%c%p %s", kind, (const void *)parent, key);
	int added = strmap_add(seen, k, seen);
	free(k);
	return !added;
}

/* Read the blocks after the header into sections, paragraphs and points. */
static void read_body(struct reader *r, const struct block *v, size_t n)
{
	struct imp *im = r->im;
	struct strmap seen = STRMAP_INIT;
	for (size_t i = 0; i < n; i++) {
		const struct block *b = &v[i];
		switch (b->kind) {
		case B_SECTION: {
			if (seen_before(&seen, 's', NULL, b->key))
				/* TRANSLATORS: a warning of 'circ import':
				   "section 2 again: numbered twice; the second's eId ends in _2" */
				imp_warn(im, b->no,
				         _("section %s again: numbered twice; the second's eId "
				           "ends in _2"),
				         b->key);
			r->sec = node_new(N_SECTION, b->mark, b->key, b->no);
			*r->secs = imp_grow1(*r->secs, *r->nsecs, sizeof **r->secs);
			(*r->secs)[(*r->nsecs)++] = r->sec;
			r->para = r->point = r->sub = NULL;
			r->wrapping = 0;
			r->want_heading = b->text.len == 0;
			if (b->text.len)
				r->sec->heading = xstrdup(sb_str(&b->text));
			break;
		}
		case B_PARA: {
			if (seen_before(&seen, 'p', r->sec, b->key))
				/* TRANSLATORS: a warning of 'circ import':
				   "paragraph 2.1 again: numbered twice; the second's eId ends in
				   _2" */
				imp_warn(im, b->no,
				         _("paragraph %s again: numbered twice; the second's eId "
				           "ends in _2"),
				         b->key);
			struct node *p = node_new(N_PARA, b->mark, b->key, b->no);
			if (b->text.len)
				add_text(&p->texts, &p->ntexts, sb_str(&b->text), b->no);
			if (r->sec) {
				size_t sl = strlen(r->sec->key);
				if (strncmp(b->key, r->sec->key, sl) != 0 || b->key[sl] != '.')
					/* TRANSLATORS: a warning of 'circ import': "paragraph
					   3.1 is in section 2" */
					imp_warn(im, b->no, _("paragraph %s is in section %s"),
					         b->key, r->sec->key);
				node_add(r->sec, p);
			} else {
				*r->secs = imp_grow1(*r->secs, *r->nsecs, sizeof **r->secs);
				(*r->secs)[(*r->nsecs)++] = p;
			}
			r->para = p;
			r->point = r->sub = NULL;
			r->wrapping = 0;
			r->want_heading = 0;
			break;
		}
		case B_ITEM:
			r->want_heading = 0;
			read_item(r, b);
			break;
		case B_TEXT:
			if (i + 1 < n && v[i + 1].kind == B_PARA &&
			    (r->para || (r->sec && r->sec->heading)) &&
			    heading_like(sb_str(&b->text))) {
				struct node *h = node_new(N_HEADING, "", "", b->no);
				h->heading = xstrdup(sb_str(&b->text));
				if (r->sec) {
					node_add(r->sec, h);
				} else {
					*r->secs = imp_grow1(*r->secs, *r->nsecs, sizeof **r->secs);
					(*r->secs)[(*r->nsecs)++] = h;
				}
				r->para = r->point = r->sub = NULL;
				r->wrapping = 0;
				break;
			}
			place_text(r, b);
			break;
		}
	}
	strmap_free(&seen);
}

/* A short line that is no marker: a role ("Le Secrétaire général"). */
static int role_line(const char *r)
{
	char key[8];
	size_t nl;
	return r[0] && strlen(r) < 80 && !para_mark(r, &nl) && !item_mark(r, key) &&
	       !strchr(r, ')');
}

/* "(Signé) Ban Ki-moon": the length of "(Signé)", or 0. */
static size_t signed_line(const char *s)
{
	static const char *const pres[] = {"(Signé)", "(Signed)", "(signé)", "(signed)"};
	for (size_t i = 0; i < sizeof pres / sizeof pres[0]; i++) {
		size_t pl = strlen(pres[i]);
		if (strncmp(s, pres[i], pl) == 0 && s[pl] == ' ' && s[pl + 1] != '\0')
			return pl;
	}
	return 0;
}

/* The signature at the end: "(Signé) Name" on the last line and the role
 * on the line before (the French order), or the role last and "(Signed)
 * Name" before it (the English one). Returns the index of its first line
 * (n when there is none). */
static size_t take_signature(struct imp *im, const struct line *ln, size_t n)
{
	size_t e = n;
	while (e > 0 && ln[e - 1].s[0] == '\0')
		e--;
	if (e == 0)
		return n;
	size_t pl, at = e - 1, role = n;
	if ((pl = signed_line(ln[e - 1].s)) > 0) {
		if (e >= 2 && role_line(ln[e - 2].s))
			role = e - 2;
	} else if (e >= 2 && (pl = signed_line(ln[e - 2].s)) > 0 && role_line(ln[e - 1].s)) {
		at = e - 2;
		role = e - 1;
	} else {
		return n;
	}
	im->sig_pre = xstrndup(ln[at].s, pl);
	im->sig_name = xstrdup(ln[at].s + pl + 1);
	im->sig_role_first = role < at;
	if (role < n)
		im->sig_role = xstrdup(ln[role].s);
	return role < at ? role : at;
}

/* "15 March 2031", "1er février 2010": the date as YYYY-MM-DD in out, or
 * 0. */
static int date_line(const char *s, char out[11])
{
	static const char *const months[] = {
	    "january", "february", "march",     "april",   "may",      "june",
	    "july",    "august",   "september", "october", "november", "december",
	    "janvier", "février",  "mars",      "avril",   "mai",      "juin",
	    "juillet", "août",     "septembre", "octobre", "novembre", "décembre"};
	char *l = imp_normalise(s);
	int d = 0, y = 0, r = 0, used = 0;
	char word[32];
	if (sscanf(l, "%2d%*[er] %31s %4d%n", &d, word, &y, &used) == 3 ||
	    sscanf(l, "%2d %31s %4d%n", &d, word, &y, &used) == 3) {
		for (int m = 0; m < 24 && !r; m++) {
			if (strcmp(word, months[m]) == 0 && l[used] == '\0') {
				snprintf(out, 11, "%04d-%02d-%02d", y, m % 12 + 1, d);
				r = imp_valid_date(out);
			}
		}
	}
	free(l);
	return r;
}

/* The lines of the header before the document type line or the first
 * marker, one by one: "United Nations", "Secretariat" (left out), the
 * symbol and the date (taken, left out). */
static void read_header_lines(struct imp *im, struct line *ln, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *s = ln[i].s;
		size_t at, nl;
		char key[8], date[11];
		if (section_mark(s, &at) || para_mark(s, &nl) || item_mark(s, key) ||
		    doctype_of(s) >= 0)
			return;
		char *sym = symbol_line(s);
		int skip = sym != NULL || furniture(s);
		if (sym && im->symbol == NULL)
			im->symbol = sym;
		else
			free(sym);
		if (!skip && date_line(s, date)) {
			if (im->text_date == NULL)
				im->text_date = xstrdup(date);
			skip = 1;
		}
		if (skip)
			ln[i].s[0] = '\0';
	}
}

/* Whether the word w (between spaces) starts at text[i], inside [0, n). */
static int word_at(const char *text, size_t n, size_t i, const char *w)
{
	size_t l = strlen(w);
	return i + l <= n && memcmp(text + i, w, l) == 0;
}

/* Count the words that say which language the text is in (the n bytes of
 * text only: it need not end with a NUL; each word starts at a space). */
static const char *guess_lang(const char *text, size_t n)
{
	static const char *const fr[] = {" le ", " la ", " les ", " des ", " du "};
	static const char *const en[] = {" the ", " of ", " and ", " shall "};
	size_t cf = 0, ce = 0;
	for (const char *p = text; (p = memchr(p, ' ', n - (size_t)(p - text))) != NULL; p++) {
		size_t i = (size_t)(p - text);
		for (size_t k = 0; k < sizeof fr / sizeof fr[0]; k++)
			cf += word_at(text, n, i, fr[k]);
		for (size_t k = 0; k < sizeof en / sizeof en[0]; k++)
			ce += word_at(text, n, i, en[k]);
	}
	return cf > ce ? "fr" : "en";
}

static void imp_free(struct imp *im)
{
	free_texts(im->preamble, im->npreamble);
	free_nodes(im->secs, im->nsecs);
	imp_org_free(im->org);
	free(im->doctype);
	free(im->title);
	free(im->symbol);
	free(im->date);
	free(im->lang);
	free(im->type);
	free(im->sig_role);
	free(im->sig_name);
	free(im->sig_pre);
	free(im->work);
	free(im->text_date);
	for (size_t i = 0; i < im->nannexes; i++) {
		struct annex *a = &im->annexes[i];
		free_texts(a->texts, a->ntexts);
		free_nodes(a->secs, a->nsecs);
		free(a->num);
		free(a->title);
		free(a->eid);
	}
	free(im->annexes);
	for (size_t i = 0; i < im->nnotes; i++) {
		free(im->notes[i].marker);
		free(im->notes[i].text);
	}
	free(im->notes);
}

/* « Annexe », "ANNEX II", "Annex A" alone on a line. */
static int annex_line(const char *s)
{
	size_t k;
	if (strncasecmp(s, "annexe", 6) == 0)
		k = 6;
	else if (strncasecmp(s, "annex", 5) == 0)
		k = 5;
	else
		return 0;
	if (s[k] == '\0')
		return 1;
	if (s[k] != ' ')
		return 0;
	const char *n = s + k + 1;
	if (n[0] >= 'A' && n[0] <= 'Z' && n[1] == '\0')
		return 1;
	size_t d = strspn(n, "0123456789");
	if (d > 0 && d < 3 && n[d] == '\0')
		return 1;
	return strspn(n, "IVXL") == strlen(n) && strlen(n) < 6;
}

/* Where the first annex starts: a line « Annexe » after a blank line and
 * after the body's first marker; n when there is none. */
static size_t annex_start(const struct line *ln, size_t n)
{
	int body = 0;
	for (size_t i = 0; i < n; i++) {
		size_t at, nl;
		if (body && i > 0 && ln[i - 1].s[0] == '\0' && annex_line(ln[i].s))
			return i;
		body |= section_mark(ln[i].s, &at) || para_mark(ln[i].s, &nl) ||
		        memo_mark(ln[i].s, &nl);
	}
	return n;
}

static void free_blocks(struct block *bl, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		free(bl[k].mark);
		free(bl[k].key);
		sb_free(&bl[k].text);
	}
	free(bl);
}

/* The annexes read at most; the lines of more are the last one's text. */
#define IMP_MAX_ANNEXES 100

/* Read the annexes in lines [from, n): each from its « Annexe » line to the
 * next, its title (the lines up to a blank one) and its text. */
static void read_annexes(struct imp *im, struct line *ln, size_t from, size_t n)
{
	for (size_t i = from; i < n;) {
		size_t e = i + 1;
		/* the last annex takes the rest (each annex is 2 KB of XML: a
		 * text of « Annexe » lines would make gigabytes) */
		int last = im->nannexes + 1 == IMP_MAX_ANNEXES;
		while (e < n && (last || !(ln[e - 1].s[0] == '\0' && annex_line(ln[e].s))))
			e++;
		im->annexes = imp_grow1(im->annexes, im->nannexes, sizeof *im->annexes);
		struct annex *a = &im->annexes[im->nannexes++];
		memset(a, 0, sizeof *a);
		a->num = xstrdup(ln[i].s);
		a->eid = xasprintf("att_%zu", im->nannexes);
		size_t t = i + 1, at, nl;
		while (t < e && ln[t].s[0] == '\0')
			t++;
		int memo = memo_style(ln + t, e - t);
		struct strbuf title = STRBUF_INIT;
		for (; t < e && ln[t].s[0] != '\0' && !section_mark(ln[t].s, &at) &&
		       !para_mark_in(ln[t].s, &nl, memo);
		     t++) {
			if (title.len)
				sb_addc(&title, ' ');
			sb_adds(&title, ln[t].s);
		}
		a->title = title.len ? sb_steal(&title) : NULL;
		sb_free(&title);
		size_t nb;
		struct block *bl = make_blocks(ln + t, e - t, memo, &nb);
		struct reader r = {im, NULL,     NULL,      NULL,      NULL,      0,
		                   0,  &a->secs, &a->nsecs, &a->texts, &a->ntexts};
		read_body(&r, bl, nb);
		free_blocks(bl, nb);
		i = e;
	}
}

/* The line and column (in characters, from 1) of byte off of text. */
static void position_of(const char *text, size_t off, long *line, long *col)
{
	size_t from = 0;
	*line = 1;
	for (const char *p = text; (p = memchr(p, '\n', off - (size_t)(p - text))) != NULL; p++) {
		(*line)++;
		from = (size_t)(p - text) + 1;
	}
	*col = 1;
	for (size_t i = from; i < off; i++)
		*col += ((unsigned char)text[i] & 0xC0) != 0x80;
}

/* Check the options and what the text gave, and fill in the rest. */
static enum imp_status settle(struct imp *im, const struct imp_opts *o, const char *text, size_t n)
{
	if (o->symbol) {
		char *s = symbol_line(o->symbol);
		if (s == NULL || strcmp(s, o->symbol) != 0) {
			/* TRANSLATORS: 'circ import --symbol S': S is not a UN
			   document symbol; ST/SGB/2010/2 is an example */
			diag_add(im->diags, NULL, 0, 0,
			         _("--symbol: '%s' is not a document symbol such as ST/SGB/2010/2"),
			         o->symbol);
			free(s);
			return IMP_BAD_OPTION;
		}
		free(im->symbol);
		im->symbol = s;
	}
	if (im->symbol == NULL) {
		/* TRANSLATORS: 'circ import': %s is the file name */
		diag_add(im->diags, im->file, 0, 0,
		         _("the text does not give its symbol: give it with --symbol "
		           "(--symbol ST/SGB/2010/2)"));
		return IMP_BAD_OPTION;
	}
	const char *ty = NULL;
	if (o->type) {
		if (strcmp(o->type, "bulletin") && strcmp(o->type, "instruction") &&
		    strcmp(o->type, "circular")) {
			/* TRANSLATORS: bulletin, instruction and circular are what
			   the user types after --type: keep them */
			diag_add(im->diags, NULL, 0, 0,
			         _("--type: '%s' is not bulletin, instruction or circular"),
			         o->type);
			return IMP_BAD_OPTION;
		}
		ty = o->type;
	} else if (im->type) {
		ty = im->type;
	} else {
		ty = strncmp(im->symbol, "ST/AI/", 6) == 0   ? "instruction"
		     : strncmp(im->symbol, "ST/IC/", 6) == 0 ? "circular"
		                                             : "bulletin";
	}
	char *t = xstrdup(ty);
	free(im->type);
	im->type = t;
	if (o->lang) {
		if (strcmp(o->lang, "fr") && strcmp(o->lang, "en")) {
			diag_add(im->diags, NULL, 0, 0, _("--lang: '%s' is not fr or en"), o->lang);
			return IMP_BAD_OPTION;
		}
		free(im->lang);
		im->lang = xstrdup(o->lang);
	} else if (im->lang == NULL) {
		im->lang = xstrdup(guess_lang(text, n));
	}
	if (o->date) {
		if (!imp_valid_date(o->date)) {
			diag_add(im->diags, NULL, 0, 0,
			         _("--date: '%s' is not a date written YYYY-MM-DD"), o->date);
			return IMP_BAD_OPTION;
		}
		im->date = xstrdup(o->date);
	} else if (im->text_date) {
		im->date = xstrdup(im->text_date);
	} else {
		/* the year of the symbol: ST/SGB/2010/2 */
		const char *y = strchr(im->symbol, '/');
		y = y ? strchr(y + 1, '/') : NULL;
		if (y && imp_is_digit(y[1]) && imp_is_digit(y[2]) && imp_is_digit(y[3]) &&
		    imp_is_digit(y[4]) && (y[5] == '/' || y[5] == '\0')) {
			im->date = xasprintf("%.4s-01-01", y + 1);
			im->date_is_year = 1;
		} else {
			diag_add(im->diags, im->file, 0, 0,
			         _("the symbol %s gives no year: give the date with --date "
			           "YYYY-MM-DD"),
			         im->symbol);
			return IMP_BAD_OPTION;
		}
	}
	im->work = cite_symbol_iri(im->symbol);
	return IMP_OK;
}

enum imp_status imp_text(const char *text, size_t n, const char *file, const struct imp_opts *o,
                         struct strbuf *out, struct diag_list *diags)
{
	struct imp im;
	memset(&im, 0, sizeof im);
	im.file = file;
	im.diags = diags;
	if (n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3; /* the byte-order mark Windows editors put first */
		n -= 3;
	}
	if (n > IMP_MAX_BYTES) {
		/* TRANSLATORS: 'circ import' of a text too large; %zu is a
		   number of MiB */
		diag_add(diags, file, 0, 0, _("the text is larger than %zu MiB: not a bulletin"),
		         IMP_MAX_BYTES >> 20);
		return IMP_BAD_TEXT;
	}
	const char *nul = memchr(text, '\0', n);
	size_t bad = utf8_check(text, n);
	if (nul || bad < n) {
		size_t off = nul && (size_t)(nul - text) < bad ? (size_t)(nul - text) : bad;
		long line, col;
		position_of(text, off, &line, &col);
		if (nul && (size_t)(nul - text) == off)
			/* TRANSLATORS: 'circ import' of a file that is not text */
			diag_add(diags, file, line, col, _("a NUL byte: this is not a text file"));
		else
			/* TRANSLATORS: 'circ import' of a text not in UTF-8; %02X
			   is the first wrong byte */
			diag_add(diags, file, line, col,
			         _("invalid UTF-8 (byte 0x%02X): the text must be UTF-8"),
			         (unsigned char)text[off]);
		return IMP_BAD_TEXT;
	}
	size_t nlines, nblocks;
	struct line *ln = split_lines(text, n, &nlines);
	imp_clean_pages(text, n, ln, &nlines);
	imp_take_notes(&im, ln, &nlines);
	size_t annex = annex_start(ln, nlines);
	size_t end = take_signature(&im, ln, annex);
	read_header_lines(&im, ln, end);
	struct block *bl = make_blocks(ln, end, memo_style(ln, end), &nblocks);

	/* the header: everything before the first marker */
	size_t i = 0;
	for (; i < nblocks && bl[i].kind == B_TEXT; i++) {
		const struct block *b = &bl[i];
		char *sym = NULL;
		int dt;
		if (im.title == NULL && im.npreamble == 0 &&
		    (sym = symbol_line(sb_str(&b->text))) != NULL) {
			if (im.symbol == NULL)
				im.symbol = sym;
			else
				free(sym);
		} else if (im.doctype == NULL && im.title == NULL &&
		           (dt = doctype_of(sb_str(&b->text))) >= 0) {
			im.doctype = xstrdup(sb_str(&b->text));
			im.type = xstrdup(doctypes[dt].type);
			im.lang = xstrdup(doctypes[dt].lang);
		} else if (im.title == NULL && im.npreamble == 0 && furniture(sb_str(&b->text))) {
			continue;
		} else if (im.title == NULL) {
			im.title = xstrdup(sb_str(&b->text));
		} else {
			add_text(&im.preamble, &im.npreamble, sb_str(&b->text), b->no);
		}
	}
	struct reader r = {&im, NULL,     NULL,      NULL,         NULL,         0,
	                   0,   &im.secs, &im.nsecs, &im.preamble, &im.npreamble};
	read_body(&r, bl + i, nblocks - i);
	free_blocks(bl, nblocks);
	read_annexes(&im, ln, annex, nlines);
	for (size_t k = 0; k < nlines; k++)
		free(ln[k].s);
	free(ln);

	enum imp_status st = IMP_OK;
	if (im.nsecs == 0) {
		/* TRANSLATORS: 'circ import' found nothing it could read as a
		   bulletin's structure */
		diag_add(diags, file, 0, 0,
		         _("no structure found: no « Section N » and no numbered paragraph "
		           "(1.1)"));
		st = IMP_BAD_TEXT;
	} else {
		st = settle(&im, o, text, n);
	}
	if (st == IMP_OK) {
		struct strmap used = STRMAP_INIT;
		for (size_t k = 0; k < im.nsecs; k++)
			imp_give_eids(im.secs[k], NULL, &used);
		for (size_t a = 0; a < im.nannexes; a++)
			for (size_t k = 0; k < im.annexes[a].nsecs; k++)
				imp_give_eids(im.annexes[a].secs[k], im.annexes[a].eid, &used);
		strmap_free(&used);
		im.org = o->draft_org ? imp_org_draft(&im) : NULL;
		imp_write_doc(out, &im);
	}
	if (im.nwarn > IMP_MAX_WARNINGS) {
		size_t more = im.nwarn - IMP_MAX_WARNINGS;
		/* TRANSLATORS: 'circ import' shows the first 100 warnings
		   only; %zu is the number of the others */
		diag_add(diags, file, 0, 0,
		         P_("%zu more warning not shown", "%zu more warnings not shown", more),
		         more);
	}
	imp_free(&im);
	return st;
}
