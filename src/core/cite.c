/* cite.c: the citation detector (see cite.h). Eight PCRE2 patterns, compiled
 * once with PCRE2_UTF | PCRE2_UCP (so \s is any Unicode space): French and
 * English paragraph/item citations, sections, the document itself, and UN
 * document symbols. Matches are merged in text order, the longest first
 * where two start together; the lists they name ("2.1, 2.3 et 2.4",
 * "a) à c)") are expanded into one target each. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "circ/cite.h"

#include <ctype.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "circ/err.h"
#include "circ/i18n.h"
#include "circ/strbuf.h"
#include "circ/utf8.h"
#include "circ/xalloc.h"

/* Pieces of the patterns. */
#define NOT_AFTER_WORD "(?<![\\p{L}\\p{N}])"
#define NUM            "\\d+(?:\\.\\d+)*"
#define LET_FR         "\\(?[a-z]\\)"
#define ROM_FR         "\\(?[ivxlc]+\\)"
#define LET_EN         "\\([a-z]\\)"
#define ROM_EN         "\\([ivxlc]+\\)"
#define CONJ_FR        "(?:\\s*,\\s*|\\s+(?:et|à|ou)\\s+)"
#define CONJ_EN        "(?:\\s*,\\s*|\\s+(?:and|to|or)\\s+)"
#define CONJ_ANY       "(?:\\s*,\\s*|\\s+(?:et|à|ou|and|to|or)\\s+)"
#define HYPHEN         "[-\\x{2010}\\x{2011}]"

/* The forms of a part, without what may follow them ("ci-dessus"). */
#define PARA_FR_CORE                                                                               \
	NOT_AFTER_WORD "(?:sous" HYPHEN "alin[ée]as?\\s+(?<sub>" ROM_FR "(?:" CONJ_FR ROM_FR ")*)" \
	               "\\s+de\\s+l['\\x{2019}]\\s*alin[ée]a\\s+(?<pt>" LET_FR ")\\s+du\\s+"       \
	               "|alin[ée]as?\\s+(?<pts>" LET_FR "(?:" CONJ_FR LET_FR ")*)\\s+du\\s+)?"     \
	               "paragraphes?\\s+(?<paras>" NUM "(?:" CONJ_FR NUM ")*)"
#define PARA_EN_CORE                                                                               \
	NOT_AFTER_WORD "(?:sub" HYPHEN "?subparagraphs?\\s+(?<sub>" ROM_EN "(?:" CONJ_EN ROM_EN    \
	               ")*)"                                                                       \
	               "\\s+of\\s+subparagraph\\s+(?<pt>" LET_EN ")\\s+of\\s+"                     \
	               "|subparagraphs?\\s+(?<pts>" LET_EN "(?:" CONJ_EN LET_EN ")*)\\s+of\\s+)?"  \
	               "paragraphs?\\s+(?<paras>" NUM "(?:" CONJ_EN NUM ")*)"
#define SECTION_CORE NOT_AFTER_WORD "sections?\\s+(?<secs>\\d+(?:" CONJ_ANY "\\d+)*)(?!\\.?\\d)"
/* A UN document symbol, in capitals whatever the pattern's case. */
#define SYMBOL                                                                                     \
	"(?<![\\p{L}\\p{N}/])(?<sym>(?-i:(?:ST|A|S|E)"                                             \
	"(?:/(?:\\d+|[A-Z][A-Za-z]*(?:\\.\\d+)?)){2,}))(?![\\p{L}\\p{N}/])"
/* What may name the kind of document between a part and its symbol. */
#define SG_FR "\\s+du\\s+Secr[ée]taire\\s+g[ée]n[ée]ral"
#define DOCTYPE_FR                                                                                 \
	"(?:circulaire(?:" SG_FR ")?|instruction\\s+administrative|bulletin(?:" SG_FR ")?|"        \
	"document)"
#define DOCTYPE_EN                                                                                 \
	"(?:(?:Secretary" HYPHEN                                                                   \
	"General['\\x{2019}]s\\s+)?bulletin|administrative\\s+instruction"                         \
	"|document)"
/* "de la circulaire", "du document", "of", "of Secretary-General's bulletin". */
#define OF_DOC                                                                                     \
	"\\s+(?:(?:de\\s+la|de|du)\\s+(?:" DOCTYPE_FR "\\s+)?|de\\s+l['\\x{2019}]\\s*" DOCTYPE_FR  \
	"\\s+|of\\s+(?:(?:the\\s+)?" DOCTYPE_EN "\\s+)?)"

enum {
	RX_PARA_FR,
	RX_PARA_EN,
	RX_SECTION,
	RX_SELF,
	RX_SYMBOL,
	RX_XPARA_FR, /* a part of another document: the part's form, then its symbol */
	RX_XPARA_EN,
	RX_XSECTION,
	RX_COUNT
};

static const char *const patterns[RX_COUNT] = {
    [RX_PARA_FR] = PARA_FR_CORE "(?:\\s+ci" HYPHEN "(?:dessus|dessous|apr[èe]s))?",
    [RX_PARA_EN] = PARA_EN_CORE "(?:\\s+(?:above|below))?",
    [RX_SECTION] = SECTION_CORE "(?:\\s+(?:ci" HYPHEN "(?:dessus|dessous|apr[èe]s)|above|below))?",
    [RX_SELF] = NOT_AFTER_WORD
    "(?:la\\s+pr[ée]sente\\s+circulaire|the\\s+present\\s+bulletin|this\\s+bulletin)"
    "(?![\\p{L}\\p{N}])",
    [RX_SYMBOL] = SYMBOL,
    [RX_XPARA_FR] = PARA_FR_CORE OF_DOC SYMBOL,
    [RX_XPARA_EN] = PARA_EN_CORE OF_DOC SYMBOL,
    [RX_XSECTION] = SECTION_CORE OF_DOC SYMBOL,
};

static struct {
	pcre2_code *code;
	pcre2_match_data *md;
	int sub, pt, pts, paras, secs, sym; /* group numbers, -1 when absent */
} rx[RX_COUNT];

static int group(pcre2_code *c, const char *name)
{
	int n = pcre2_substring_number_from_name(c, (PCRE2_SPTR)name);
	return n > 0 ? n : -1;
}

static void compile(void)
{
	if (rx[0].code)
		return;
	for (int i = 0; i < RX_COUNT; i++) {
		int errcode;
		PCRE2_SIZE erroff;
		uint32_t flags = PCRE2_UTF | PCRE2_UCP | (i == RX_SYMBOL ? 0 : PCRE2_CASELESS);
		rx[i].code = pcre2_compile((PCRE2_SPTR)patterns[i], PCRE2_ZERO_TERMINATED, flags,
		                           &errcode, &erroff, NULL);
		if (rx[i].code == NULL) {
			PCRE2_UCHAR msg[256];
			pcre2_get_error_message(errcode, msg, sizeof msg);
			/* TRANSLATORS: an internal error: the first %d is the
			 * number of one of circ's own regular expressions, %zu
			 * an offset in it, the last %s the PCRE2 library's own
			 * (English) message. */
			err_fatal(_("citation pattern %d does not compile at %zu: %s"), i,
			          (size_t)erroff, (const char *)msg);
		}
		const char *nojit = getenv("CIRC_NO_JIT"); /* see search.c */
		/* the parts of other documents are looked for only in texts
		 * with a symbol, few: compiling them costs more than it saves */
		if (!(nojit && *nojit) && i < RX_XPARA_FR)
			pcre2_jit_compile(rx[i].code, PCRE2_JIT_COMPLETE);
		rx[i].md = pcre2_match_data_create_from_pattern(rx[i].code, NULL);
		if (rx[i].md == NULL)
			err_fatal(_("out of memory (citation patterns)"));
		rx[i].sub = group(rx[i].code, "sub");
		rx[i].pt = group(rx[i].code, "pt");
		rx[i].pts = group(rx[i].code, "pts");
		rx[i].paras = group(rx[i].code, "paras");
		rx[i].secs = group(rx[i].code, "secs");
		rx[i].sym = group(rx[i].code, "sym");
	}
}

void cite_release(void)
{
	for (int i = 0; i < RX_COUNT; i++) {
		pcre2_match_data_free(rx[i].md);
		pcre2_code_free(rx[i].code);
		rx[i].md = NULL;
		rx[i].code = NULL;
	}
}

/* A list of item strings ("2.1", "b", "ii"). */
struct items {
	char **v;
	size_t n;
};

static void items_add(struct items *it, const char *s, size_t n)
{
	it->v = xreallocarray(it->v, it->n + 1, sizeof *it->v);
	it->v[it->n++] = xstrndup(s, n);
}

static void items_free(struct items *it)
{
	for (size_t i = 0; i < it->n; i++)
		free(it->v[i]);
	free(it->v);
	it->v = NULL;
	it->n = 0;
}

static int roman_value(const char *s)
{
	static const char *const r[] = {"i",    "ii",  "iii",  "iv",    "v",   "vi",   "vii",
	                                "viii", "ix",  "x",    "xi",    "xii", "xiii", "xiv",
	                                "xv",   "xvi", "xvii", "xviii", "xix", "xx"};
	for (int i = 0; i < 20; i++)
		if (strcmp(s, r[i]) == 0)
			return i + 1;
	return 0;
}

static const char *roman(int v)
{
	static const char *const r[] = {"",    "i",    "ii",  "iii",  "iv",    "v",   "vi",
	                                "vii", "viii", "ix",  "x",    "xi",    "xii", "xiii",
	                                "xiv", "xv",   "xvi", "xvii", "xviii", "xix", "xx"};
	return v >= 1 && v <= 20 ? r[v] : "";
}

/* How the items of a list count. */
enum list_mode { LIST_NUMBERS, LIST_LETTERS, LIST_ROMANS };

/* Add the items strictly between a and b ("2.1" to "2.4", "a" to "c", "ii"
 * to "iv"); at most 100 of them. */
static void add_range(struct items *it, const char *a, const char *b, enum list_mode mode)
{
	char buf[64];
	if (mode == LIST_ROMANS) {
		for (int k = roman_value(a) + 1; roman_value(a) && k < roman_value(b); k++)
			items_add(it, roman(k), strlen(roman(k)));
	} else if (mode == LIST_LETTERS) {
		if (a[0] && !a[1] && b[0] && !b[1])
			for (char c = (char)(a[0] + 1); c < b[0]; c++)
				items_add(it, &c, 1);
	} else {
		const char *da = strrchr(a, '.'), *db = strrchr(b, '.');
		size_t pa = da ? (size_t)(da - a) + 1 : 0, pb = db ? (size_t)(db - b) + 1 : 0;
		if (pa != pb || strncmp(a, b, pa) != 0)
			return;
		int x = atoi(a + pa), y = atoi(b + pb);
		for (int k = x + 1; k < y && k - x < 100; k++) {
			snprintf(buf, sizeof buf, "%.*s%d", (int)pa, a, k);
			items_add(it, buf, strlen(buf));
		}
	}
}

/* Split a matched list ("2.1, 2.3 et 2.4", "a) à c)") into items, ranges
 * expanded. Brackets, commas and spaces separate; "à"/"to" make a range. */
static void parse_list(const char *s, size_t n, struct items *it, enum list_mode mode)
{
	int range = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (utf8_is_space(cp) || cp == ',' || cp == '(' || cp == ')') {
			i += k;
			continue;
		}
		size_t j = i;
		while (j < n) {
			uint32_t c2;
			size_t k2 = utf8_decode(s + j, n - j, &c2);
			if (utf8_is_space(c2) || c2 == ',' || c2 == '(' || c2 == ')')
				break;
			j += k2;
		}
		char word[64];
		size_t wl = j - i < sizeof word - 1 ? j - i : sizeof word - 1;
		for (size_t q = 0; q < wl; q++)
			word[q] = utf8_ascii_lower((unsigned char)s[i + q]);
		word[wl] = '\0';
		if (strcmp(word, "à") == 0 || strcmp(word, "to") == 0) {
			range = 1;
		} else if (strcmp(word, "et") == 0 || strcmp(word, "ou") == 0 ||
		           strcmp(word, "and") == 0 || strcmp(word, "or") == 0) {
			range = 0;
		} else {
			if (range && it->n > 0) {
				char *prev = xstrdup(it->v[it->n - 1]);
				add_range(it, prev, word, mode);
				free(prev);
			}
			items_add(it, word, wl);
			range = 0;
		}
		i = j;
	}
}

static void add_target(struct cite *c, enum cite_kind kind, char *ref)
{
	c->targets = xreallocarray(c->targets, c->ntargets + 1, sizeof *c->targets);
	c->targets[c->ntargets].kind = kind;
	c->targets[c->ntargets].ref = ref;
	c->targets[c->ntargets].part = NULL;
	c->ntargets++;
}

static void free_targets(struct cite *c)
{
	for (size_t k = 0; k < c->ntargets; k++) {
		free(c->targets[k].ref);
		free(c->targets[k].part);
	}
	free(c->targets);
}

/* The text of group g of the last match of regex r, as items. */
static int group_items(int r, int g, const char *text, struct items *it, enum list_mode mode)
{
	if (g < 0)
		return 0;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(rx[r].md);
	if (ov[2 * g] == PCRE2_UNSET)
		return 0;
	parse_list(text + ov[2 * g], ov[2 * g + 1] - ov[2 * g], it, mode);
	return it->n > 0;
}

/* Turn the last match of regex r into a citation's targets. */
static void targets(int r, const char *text, struct cite *c)
{
	struct items paras = {NULL, 0}, pts = {NULL, 0}, sub = {NULL, 0}, pt = {NULL, 0};
	if (r == RX_SELF) {
		add_target(c, CITE_SELF, xstrdup(""));
	} else if (r == RX_SYMBOL) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(rx[r].md);
		int g = rx[r].sym;
		add_target(c, CITE_EXTERNAL, xstrndup(text + ov[2 * g], ov[2 * g + 1] - ov[2 * g]));
	} else if (r == RX_SECTION || r == RX_XSECTION) {
		group_items(r, rx[r].secs, text, &paras, LIST_NUMBERS);
		for (size_t i = 0; i < paras.n; i++)
			add_target(
			    c, CITE_PART,
			    xasprintf(r == RX_XSECTION ? "Section %s" : "section %s", paras.v[i]));
	} else {
		group_items(r, rx[r].paras, text, &paras, LIST_NUMBERS);
		if (group_items(r, rx[r].sub, text, &sub, LIST_ROMANS) &&
		    group_items(r, rx[r].pt, text, &pt, LIST_LETTERS)) {
			for (size_t i = 0; i < sub.n; i++)
				add_target(c, CITE_PART,
				           xasprintf("%s %s) %s)", paras.v[0], pt.v[0], sub.v[i]));
		} else if (group_items(r, rx[r].pts, text, &pts, LIST_LETTERS)) {
			for (size_t i = 0; i < pts.n; i++)
				add_target(c, CITE_PART, xasprintf("%s %s)", paras.v[0], pts.v[i]));
		} else {
			for (size_t i = 0; i < paras.n; i++)
				add_target(c, CITE_PART, xstrdup(paras.v[i]));
		}
	}
	/* a part of another document: each part's reference becomes its
	 * part, the document's symbol its ref */
	if (r == RX_XPARA_FR || r == RX_XPARA_EN || r == RX_XSECTION) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(rx[r].md);
		int g = rx[r].sym;
		for (size_t i = 0; i < c->ntargets; i++) {
			c->targets[i].kind = CITE_EXTERNAL;
			c->targets[i].part = c->targets[i].ref;
			c->targets[i].ref = xstrndup(text + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
		}
	}
	items_free(&paras);
	items_free(&pts);
	items_free(&sub);
	items_free(&pt);
}

static int by_start(const void *a, const void *b)
{
	const struct cite *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end < y->end) - (x->end > y->end); /* longer first */
}

void cite_detect(const char *text, size_t n, struct cite_list *out)
{
	compile();
	struct cite_list all = {NULL, 0};
	size_t cap = 0;
	size_t symbols = 0; /* RX_SYMBOL's matches: none, no part of another document */
	for (int r = 0; r < RX_COUNT; r++) {
		if (r >= RX_XPARA_FR && symbols == 0)
			break;
		PCRE2_SIZE off = 0;
		/* the UTF-8 of the whole text is checked by the first match
		 * only: checked again at each match, a text of many citations
		 * took a time quadratic in its length */
		uint32_t opts = 0;
		while (off < n) {
			int rc =
			    pcre2_match(rx[r].code, (PCRE2_SPTR)text, n, off, opts, rx[r].md, NULL);
			if (rc < 0)
				break; /* no match, or text that is not UTF-8 */
			opts = PCRE2_NO_UTF_CHECK;
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(rx[r].md);
			if (ov[1] <= ov[0]) /* no pattern matches empty text; be safe */
				break;
			if (all.n == cap) {
				cap = cap ? cap * 2 : 8;
				all.v = xreallocarray(all.v, cap, sizeof *all.v);
			}
			struct cite *c = &all.v[all.n++];
			memset(c, 0, sizeof *c);
			c->start = ov[0];
			c->end = ov[1];
			symbols += r == RX_SYMBOL;
			targets(r, text, c);
			off = ov[1];
		}
	}
	if (all.n > 1)
		qsort(all.v, all.n, sizeof *all.v, by_start);
	out->v = NULL;
	out->n = 0;
	size_t last_end = 0;
	for (size_t i = 0; i < all.n; i++) {
		if ((out->n > 0 && all.v[i].start < last_end) || all.v[i].ntargets == 0) {
			free_targets(&all.v[i]);
			continue;
		}
		if (out->v == NULL)
			out->v = xreallocarray(NULL, all.n, sizeof *out->v);
		out->v[out->n++] = all.v[i];
		last_end = all.v[i].end;
	}
	free(all.v);
}

void cite_list_free(struct cite_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free_targets(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

void cite_free(struct cite *c)
{
	free_targets(c);
	memset(c, 0, sizeof *c);
}

int cite_parse(const char *text, struct cite *out)
{
	memset(out, 0, sizeof *out);
	/* a copy without combining marks ("e" + U+0301 is "e", which the
	 * patterns take for "é") and without the spaces around it */
	struct strbuf sb = STRBUF_INIT;
	size_t n = strlen(text), first = (size_t)-1, last = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(text + i, n - i, &cp);
		if (!(cp >= 0x300 && cp <= 0x36F)) {
			if (!utf8_is_space(cp)) {
				if (first == (size_t)-1)
					first = sb.len;
				last = sb.len + k;
			}
			sb_add(&sb, text + i, k);
		}
		i += k;
	}
	int found = 0;
	if (first != (size_t)-1) {
		struct cite_list cl;
		cite_detect(sb_str(&sb) + first, last - first, &cl);
		if (cl.n == 1 && cl.v[0].start == 0 && cl.v[0].end == last - first) {
			*out = cl.v[0];
			cl.n = 0;
			found = 1;
		}
		cite_list_free(&cl);
	}
	sb_free(&sb);
	return found;
}

char *cite_symbol_iri(const char *symbol)
{
	struct strbuf path = STRBUF_INIT;
	for (const char *p = symbol; *p; p++)
		sb_addc(&path, *p == '/' ? '-' : *p);
	char *r;
	const char *year = NULL;
	if (strncmp(symbol, "ST/SGB/", 7) == 0)
		year = symbol + 7;
	else if (strncmp(symbol, "ST/AI/", 6) == 0 || strncmp(symbol, "ST/IC/", 6) == 0)
		year = symbol + 6;
	int has_year = year && isdigit((unsigned char)year[0]) && isdigit((unsigned char)year[1]) &&
	               isdigit((unsigned char)year[2]) && isdigit((unsigned char)year[3]) &&
	               year[4] == '/';
	const char *kind = strncmp(symbol, "ST/SGB/", 7) == 0  ? "statement/bulletin"
	                   : strncmp(symbol, "ST/AI/", 6) == 0 ? "statement/instruction"
	                   : strncmp(symbol, "ST/IC/", 6) == 0 ? "statement/circular"
	                                                       : "doc";
	if (has_year)
		r = xasprintf("/akn/un/%s/%.4s/%s", kind, year, sb_str(&path));
	else
		r = xasprintf("/akn/un/%s/%s", kind, sb_str(&path));
	sb_free(&path);
	return r;
}

char *cite_iri_work(const char *iri, char **eid)
{
	if (eid)
		*eid = NULL;
	if (strncmp(iri, "/akn/", 5) != 0)
		return NULL;
	/* the fragment ("#sec_4"), else the portion ("!main~sec_4") */
	size_t n = strcspn(iri, "#");
	const char *tilde = memchr(iri, '~', n);
	if (eid && iri[n] == '#' && iri[n + 1])
		*eid = xstrdup(iri + n + 1);
	else if (eid && tilde && tilde + 1 < iri + n)
		*eid = xstrndup(tilde + 1, (size_t)(iri + n - tilde - 1));
	if (tilde)
		n = (size_t)(tilde - iri);
	/* the work ends before an expression ("fra@...") or a component
	 * ("!main") */
	for (size_t i = 5; i < n; i++) {
		if (iri[i - 1] != '/')
			continue;
		size_t k = i;
		while (k < n && iri[k] != '/')
			k++;
		if (iri[i] == '!' || memchr(iri + i, '@', k - i)) {
			n = i;
			break;
		}
		i = k;
	}
	while (n > 5 && iri[n - 1] == '/')
		n--;
	return xstrndup(iri, n);
}

/* Has s the shape RX_SYMBOL finds: ST, A, S or E, then two components
 * or more, each digits or a capital, letters and an optional ".N"? (No
 * pattern: a document marked up with IRIs never compiles them.) */
static int symbol_shape(const char *s)
{
	size_t n = strcmp(s, "ST") == 0 || strncmp(s, "ST/", 3) == 0 ? 2
	           : (s[0] == 'A' || s[0] == 'S' || s[0] == 'E')     ? 1
	                                                             : 0;
	int parts = 0;
	for (s += n; n && *s == '/'; parts++) {
		s++;
		if (isdigit((unsigned char)*s)) {
			while (isdigit((unsigned char)*s))
				s++;
		} else if (isupper((unsigned char)*s)) {
			while (isalpha((unsigned char)*s))
				s++;
			if (s[0] == '.' && isdigit((unsigned char)s[1]))
				for (s++; isdigit((unsigned char)*s); s++)
					;
		} else {
			return 0;
		}
	}
	return n && parts >= 2 && *s == '\0';
}

char *cite_iri_symbol(const char *iri)
{
	char *work = cite_iri_work(iri, NULL);
	if (work == NULL || strncmp(work, "/akn/un/", 8) != 0) {
		free(work);
		return NULL;
	}
	char *sym = xstrdup(strrchr(work, '/') + 1);
	for (char *p = sym; *p; p++)
		if (*p == '-')
			*p = '/';
	/* only a symbol the detector reads, whose IRI is this one */
	int ok = symbol_shape(sym);
	if (ok) {
		char *back = cite_symbol_iri(sym);
		ok = strcmp(back, work) == 0;
		free(back);
	}
	free(work);
	if (!ok) {
		free(sym);
		return NULL;
	}
	return sym;
}

/* Read "N" (digits) at *s; its length, 0 when none. */
static size_t digits(const char *s)
{
	size_t n = 0;
	while (isdigit((unsigned char)s[n]))
		n++;
	return n;
}

/* Read " x)" (a letter or a roman number and a bracket) at s into item;
 * the bytes read, 0 when none. */
static size_t item(const char *s, char *item, size_t cap)
{
	if (s[0] != ' ')
		return 0;
	size_t n = 0;
	while (islower((unsigned char)s[1 + n]) && n + 1 < cap) {
		item[n] = s[1 + n];
		n++;
	}
	item[n] = '\0';
	return n > 0 && s[1 + n] == ')' ? n + 2 : 0;
}

char *cite_part_eid(const char *part)
{
	if (strncasecmp(part, "Section ", 8) == 0) {
		size_t n = digits(part + 8);
		return n > 0 && part[8 + n] == '\0' ? xasprintf("sec_%s", part + 8) : NULL;
	}
	size_t a = digits(part);
	if (a == 0 || part[a] != '.')
		return NULL;
	size_t b = digits(part + a + 1);
	if (b == 0)
		return NULL;
	const char *s = part + a + 1 + b;
	char pt[8], sub[8];
	size_t k1 = item(s, pt, sizeof pt), k2 = k1 ? item(s + k1, sub, sizeof sub) : 0;
	if (s[k1 + k2] != '\0' || (k1 && (strlen(pt) != 1 || (k2 && roman_value(sub) == 0))))
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "sec_%.*s__para_%.*s-%.*s", (int)a, part, (int)a, part, (int)b, part + a + 1);
	if (k1)
		sb_addf(&sb, "__list_1__point_%s", pt);
	if (k2)
		sb_addf(&sb, "__list_1__point_%s", sub);
	char *r = xstrdup(sb_str(&sb));
	sb_free(&sb);
	return r;
}
