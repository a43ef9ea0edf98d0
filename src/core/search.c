/* search.c: regular-expression search over a document (see search.h).
 *
 * The text searched is always folded with FOLD_SPACES (Unicode spaces and
 * typographic apostrophes become ASCII), and with FOLD_ACCENTS when accents
 * are ignored; the pattern's literal characters get the same folding (its
 * syntax is never touched: escapes, verbs and group names are copied as they
 * are). Case is left to PCRE2_CASELESS. Matches in folded text are mapped
 * back to the original through the fold's offset map. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "circ/search.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "circ/err.h"
#include "circ/fold.h"
#include "circ/i18n.h"
#include "circ/utf8.h"
#include "circ/xalloc.h"

/* Limits for one pcre2_match call: enough for any sensible pattern on a
 * bulletin, small enough that a catastrophic one ends in milliseconds. */
#define MATCH_LIMIT    1000000u
#define DEPTH_LIMIT    10000u
#define HEAP_LIMIT_KIB 20000u
#define JIT_STACK_MAX  (1024u * 1024u)

struct search {
	pcre2_code *code;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	int fold_flags;
	int caseless;
};

static pcre2_jit_stack *jit_stack;

void search_release(void)
{
	pcre2_jit_stack_free(jit_stack);
	jit_stack = NULL;
}

/* The pattern with its literal characters folded, the map back to the
 * pattern as typed, and what its literal characters contain. */
struct pat {
	struct strbuf s;
	size_t *map;
	size_t nmap;
	int has_upper;
	int has_accent;
};

static void pat_put(struct pat *p, const char *b, size_t n, size_t orig)
{
	sb_add(&p->s, b, n);
	p->map = xreallocarray(p->map, p->s.len + 1, sizeof *p->map);
	for (size_t i = p->s.len - n; i < p->s.len; i++)
		p->map[i] = orig;
}

/* Copy syntax from i up to and including the first `close`. */
static size_t copy_until(struct pat *p, const char *s, size_t i, size_t n, char close)
{
	size_t j = i;
	while (j < n && s[j] != close)
		j++;
	if (j < n)
		j++;
	for (size_t k = i; k < j; k++)
		pat_put(p, s + k, 1, k);
	return j;
}

/* Walk the pattern: fold literal characters with flags, copy syntax. */
static void fold_pattern(struct pat *p, const char *s, size_t n, int flags, int literal)
{
	int quoted = literal; /* inside \Q...\E, or a fixed string */
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (!quoted && c == '\\' && i + 1 < n) {
			char e = s[i + 1];
			if (e == 'Q') {
				quoted = 1;
				pat_put(p, s + i, 2, i);
				i += 2;
			} else if (strchr("xopPNgk", e) && i + 2 < n &&
			           (s[i + 2] == '{' || s[i + 2] == '<')) {
				i = copy_until(p, s, i, n, s[i + 2] == '{' ? '}' : '>');
			} else {
				size_t k = 1 + utf8_decode(s + i + 1, n - i - 1, &(uint32_t){0});
				pat_put(p, s + i, k, i);
				i += k;
			}
			continue;
		}
		if (quoted && !literal && c == '\\' && i + 1 < n && s[i + 1] == 'E') {
			quoted = 0;
			pat_put(p, s + i, 2, i);
			i += 2;
			continue;
		}
		/* verbs "(*UTF)", group names "(?<Name>", "(?P<Name>", "(?'Name'" */
		if (!quoted && c == '(' && i + 1 < n && s[i + 1] == '*') {
			i = copy_until(p, s, i, n, ')');
			continue;
		}
		if (!quoted && c == '(' && i + 2 < n && s[i + 1] == '?' &&
		    (s[i + 2] == '<' || s[i + 2] == '\'' || s[i + 2] == 'P') &&
		    !(s[i + 2] == '<' && i + 3 < n && (s[i + 3] == '=' || s[i + 3] == '!'))) {
			i = copy_until(p, s, i, n, s[i + 2] == '\'' ? '\'' : '>');
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (cp >= 'A' && cp <= 'Z')
			p->has_upper = 1;
		if (cp >= 0x80) {
			if (fold_has_upper(s + i, k))
				p->has_upper = 1;
			if (fold_has_accent(s + i, k))
				p->has_accent = 1;
			struct fold f;
			fold_text(&f, s + i, k, flags);
			pat_put(p, f.s, f.len, i);
			fold_free(&f);
		} else {
			pat_put(p, s + i, k, i);
		}
		i += k;
	}
	p->map = xreallocarray(p->map, p->s.len + 1, sizeof *p->map);
	p->map[p->s.len] = n;
}

static int decide(enum search_mode m, int smart_ignores)
{
	return m == SEARCH_IGNORE ? 1 : m == SEARCH_EXACT ? 0 : smart_ignores;
}

struct search *search_compile(const char *pattern, const struct search_opts *o, char **err)
{
	*err = NULL;
	size_t n = strlen(pattern);
	/* first pass: what the literal characters hold, for the smart rules */
	struct pat probe = {STRBUF_INIT, NULL, 0, 0, 0};
	fold_pattern(&probe, pattern, n, 0, o->fixed);
	int caseless = decide(o->cases, !probe.has_upper);
	int noaccents = decide(o->accents, !probe.has_accent);
	sb_free(&probe.s);
	free(probe.map);

	int flags = FOLD_SPACES | (noaccents ? FOLD_ACCENTS : 0);
	struct pat p = {STRBUF_INIT, NULL, 0, 0, 0};
	fold_pattern(&p, pattern, n, flags, o->fixed);
	/* PCRE2_LITERAL takes few options; UTF alone gives Unicode caseless */
	uint32_t copts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
	if (o->fixed)
		copts |= PCRE2_LITERAL;
	else
		copts |= PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C;
	if (caseless)
		copts |= PCRE2_CASELESS;
	int code;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)sb_str(&p.s), p.s.len, copts, &code, &off, NULL);
	if (re == NULL) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(code, msg, sizeof msg);
		size_t at = off <= p.s.len ? p.map[off] : n;
		/* TRANSLATORS: a bad search pattern: %s is the PCRE2 library's
		 * message, in English ("missing closing parenthesis"), %zu the
		 * byte offset in the pattern. */
		*err = xasprintf(_("%s at offset %zu of the pattern"), (const char *)msg, at);
		sb_free(&p.s);
		free(p.map);
		return NULL;
	}
	sb_free(&p.s);
	free(p.map);

	struct search *s = xcalloc(1, sizeof *s);
	s->code = re;
	s->fold_flags = flags;
	s->caseless = caseless;
	/* interpreted when JIT is missing, or when CIRC_NO_JIT is set: memory
	 * checkers such as valgrind cannot follow JIT-compiled code */
	const char *nojit = getenv("CIRC_NO_JIT");
	if (!(nojit && *nojit))
		pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	s->md = pcre2_match_data_create_from_pattern(re, NULL);
	s->mctx = pcre2_match_context_create(NULL);
	if (s->md == NULL || s->mctx == NULL)
		err_fatal(_("out of memory (search)"));
	pcre2_set_match_limit(s->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(s->mctx, DEPTH_LIMIT);
	pcre2_set_heap_limit(s->mctx, HEAP_LIMIT_KIB);
	if (jit_stack == NULL)
		jit_stack = pcre2_jit_stack_create(32 * 1024, JIT_STACK_MAX, NULL);
	if (jit_stack)
		pcre2_jit_stack_assign(s->mctx, NULL, jit_stack);
	return s;
}

void search_free(struct search *s)
{
	if (s == NULL)
		return;
	pcre2_match_data_free(s->md);
	pcre2_match_context_free(s->mctx);
	pcre2_code_free(s->code);
	free(s);
}

int search_ignores_case(const struct search *s)
{
	return s->caseless;
}

int search_ignores_accents(const struct search *s)
{
	return (s->fold_flags & FOLD_ACCENTS) != 0;
}

/* Append the match [a, b) to *v; the capacity doubles at each power of two
 * (*nv grows by 2 from 0, so it meets each one), keeping a field with many
 * matches linear. */
static void push(size_t **v, size_t *nv, size_t a, size_t b)
{
	if (*nv == 0 || (*nv >= 16 && (*nv & (*nv - 1)) == 0))
		*v = xreallocarray(*v, *nv ? 2 * *nv : 16, sizeof **v);
	(*v)[(*nv)++] = a;
	(*v)[(*nv)++] = b;
}

/* Every match in the folded text fs (flen bytes), as byte ranges of fs
 * appended to *v: 0, or -1 with *err set. */
static int match_all(struct search *s, const char *fs, size_t flen, size_t **v, size_t *nv,
                     char **err)
{
	PCRE2_SIZE off = 0;
	uint32_t opts = 0;
	while (off <= flen) {
		int rc = pcre2_match(s->code, (PCRE2_SPTR)fs, flen, off, opts, s->md, s->mctx);
		if (rc == PCRE2_ERROR_NOMATCH) {
			if (opts == 0)
				break;
			/* the empty match could not be made longer: step one character */
			uint32_t cp;
			off += off < flen ? utf8_decode(fs + off, flen - off, &cp) : 1;
			opts = 0;
			continue;
		}
		if (rc < 0) {
			PCRE2_UCHAR msg[256];
			pcre2_get_error_message(rc, msg, sizeof msg);
			int limit = rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
			            rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT;
			if (limit)
				*err = xasprintf(
				    /* TRANSLATORS: %s is the PCRE2 library's
				     * message, in English ("match limit exceeded"). */
				    _("the pattern is too complex to search with (%s)"),
				    (const char *)msg);
			else
				/* TRANSLATORS: %s is the PCRE2 library's message,
				 * in English. */
				*err = xasprintf(_("the search failed (%s)"), (const char *)msg);
			return -1;
		}
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
		size_t a = ov[0], b = ov[1];
		if (a > b) /* \K in a lookahead */
			a = b;
		push(v, nv, a, b);
		off = b;
		opts = b == ov[0] ? PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED : 0;
	}
	return 0;
}

/* Turn the folded ranges of *v (from `from` on) into ranges of text
 * through f's map, dropping those of no characters. */
static void map_back(const struct fold *f, const char *text, size_t n, size_t *v, size_t *nv,
                     size_t from)
{
	size_t out = from;
	for (size_t k = from; k + 1 < *nv; k += 2) {
		size_t a = v[k], b = v[k + 1];
		size_t oa = f->map[a], ob = oa;
		if (b > a) {
			size_t last = f->map[b - 1];
			uint32_t cp;
			ob = last + (last < n ? utf8_decode(text + last, n - last, &cp) : 0);
		}
		/* a match of no characters is stepped over, not reported */
		if (ob > oa) {
			v[out++] = oa;
			v[out++] = ob;
		}
	}
	*nv = out;
}

int search_text(struct search *s, const char *text, size_t n, size_t **v, size_t *nv, char **err)
{
	struct fold f;
	fold_text(&f, text, n, s->fold_flags);
	size_t from = *nv;
	int status = match_all(s, f.s, f.len, v, nv, err);
	map_back(&f, text, n, *v, nv, from);
	fold_free(&f);
	return status;
}

int search_fold_flags(const struct search *s)
{
	return s->fold_flags;
}

int search_prefolded(struct search *s, const char *text, size_t n, const char *folded, size_t flen,
                     size_t **v, size_t *nv, char **err)
{
	size_t from = *nv;
	int status = match_all(s, folded, flen, v, nv, err);
	if (*nv > from) {
		/* the map, only for a text that has matches */
		struct fold f;
		fold_text(&f, text, n, s->fold_flags);
		if (f.len != flen || memcmp(f.s, folded, flen) != 0) {
			/* folded is not this text's folding (an index file
			 * made wrong): its offsets mean nothing, search text */
			fold_free(&f);
			*nv = from;
			return search_text(s, text, n, v, nv, err);
		}
		map_back(&f, text, n, *v, nv, from);
		fold_free(&f);
	}
	return status;
}

const char *search_field_text(const struct search_hit *h)
{
	if (h->src)
		return h->src;
	if (SEARCH_IN_TITLE(h->field))
		return "";
	const char *t = h->field == SEARCH_NUM       ? h->part->num
	                : h->field == SEARCH_HEADING ? h->part->heading
	                                             : h->part->text;
	return t ? t : "";
}

/* Order of the last part below p (p's own when it has none). */
static size_t last_below(const struct doc_part *p)
{
	while (p->nkids > 0)
		p = p->kids[p->nkids - 1];
	return p->order;
}

/* Append the matches of one field (text may be NULL) to *hits: 0, or -1
 * with *err set. */
static int search_one(struct search *s, const struct doc_part *p, enum search_field f,
                      const char *text, struct search_hit **hits, size_t *nhits, size_t *cap,
                      char **err)
{
	if (text == NULL || text[0] == '\0')
		return 0;
	size_t *v = NULL, nv = 0;
	int rc = search_text(s, text, strlen(text), &v, &nv, err);
	for (size_t k = 0; k + 1 < nv; k += 2) {
		*hits = xgrowarray(*hits, cap, *nhits + 1, sizeof **hits);
		struct search_hit *h = &(*hits)[(*nhits)++];
		h->part = p;
		h->field = f;
		h->start = v[k];
		h->end = v[k + 1];
		h->src = text;
	}
	free(v);
	return rc != 0 ? -1 : 0;
}

int search_doc(struct search *s, const struct doc *d, const struct doc_part *scope,
               struct search_hit **hits, size_t *nhits, char **err)
{
	*hits = NULL;
	*nhits = 0;
	*err = NULL;
	size_t cap = 0;
	size_t from = 0, to = d->nparts ? d->nparts - 1 : 0;
	if (scope && scope->kind != DOC_KIND_DOCUMENT) {
		from = scope->order;
		to = last_below(scope);
	} else if (search_one(s, d->root, SEARCH_DOCTYPE, d->meta.doctype, hits, nhits, &cap,
	                      err) != 0 ||
	           search_one(s, d->root, SEARCH_TITLE, d->meta.title, hits, nhits, &cap, err) !=
	               0) {
		return -1;
	}
	for (size_t i = from; i < d->nparts && i <= to; i++) {
		const struct doc_part *p = d->parts[i];
		if (search_one(s, p, SEARCH_NUM, p->num, hits, nhits, &cap, err) != 0 ||
		    search_one(s, p, SEARCH_HEADING, p->heading, hits, nhits, &cap, err) != 0 ||
		    search_one(s, p, SEARCH_TEXT, p->text, hits, nhits, &cap, err) != 0)
			return -1;
	}
	return 0;
}

char *search_hit_label(const struct search_hit *h)
{
	/* TRANSLATORS: where a match in the title block (the document type
	 * and the title above the preamble) is, as --search and the browser
	 * show it */
	return SEARCH_IN_TITLE(h->field) ? xstrdup(_("title")) : doc_part_label(h->part);
}

char *search_hit_title(const struct search_hit *h)
{
	return SEARCH_IN_TITLE(h->field) ? xstrdup(_("title")) : doc_part_title(h->part);
}

/* Where a position is: the title block's fields first (in their order),
 * then each part's number, heading and text. */
static int pos_rank(enum search_field f)
{
	return f == SEARCH_DOCTYPE ? 0 : f == SEARCH_TITLE ? 1 : 2 + (int)f;
}

/* Compare a hit with a position: <0 before, 0 at, >0 after. */
static int cmp_pos(const struct search_hit *h, size_t at, enum search_field field, size_t offset)
{
	int ht = SEARCH_IN_TITLE(h->field), pt = SEARCH_IN_TITLE(field);
	if (ht != pt)
		return ht ? -1 : 1;
	if (h->part->order != at)
		return h->part->order < at ? -1 : 1;
	if (h->field != field)
		return pos_rank(h->field) < pos_rank(field) ? -1 : 1;
	if (h->start != offset)
		return h->start < offset ? -1 : 1;
	return 0;
}

long search_step(const struct search_hit *hits, size_t n, size_t at, enum search_field field,
                 size_t offset, int backward, int *wrapped)
{
	*wrapped = 0;
	if (n == 0)
		return -1;
	if (!backward) {
		for (size_t i = 0; i < n; i++)
			if (cmp_pos(&hits[i], at, field, offset) > 0)
				return (long)i;
		*wrapped = 1;
		return 0;
	}
	for (size_t i = n; i-- > 0;)
		if (cmp_pos(&hits[i], at, field, offset) < 0)
			return (long)i;
	*wrapped = 1;
	return (long)n - 1;
}

/* Move a back over whole characters of t while the columns counted in *w
 * stay within limit; returns the new start. */
static size_t extend_back(const char *t, size_t n, size_t a, size_t *w, size_t limit)
{
	while (a > 0) {
		size_t p = utf8_prev(t, a);
		uint32_t cp;
		utf8_decode(t + p, n - p, &cp);
		size_t cw = (size_t)utf8_cpwidth(cp);
		if (*w + cw > limit)
			break;
		*w += cw;
		a = p;
	}
	return a;
}

size_t search_context_width(const char *label, size_t width)
{
	size_t lw = utf8_width(label, strlen(label)) + 2;
	/* what the label leaves: "LABEL: context" fits width as long as the
	 * label leaves room for "…x…" */
	return width == 0 ? 0 : width > lw + SEARCH_MIN_CONTEXT ? width - lw : SEARCH_MIN_CONTEXT;
}

void search_context(struct strbuf *out, const struct search_hit *h, size_t width, size_t *ms,
                    size_t *me)
{
	const char *t = search_field_text(h);
	size_t n = strlen(t);
	size_t a = h->start, b = h->end;
	size_t base = out->len;
	if (width == 0 || utf8_width(t, n) <= width) {
		a = 0, b = n;
	} else {
		/* up to a third of the line before the match, the rest after;
		 * a match wider than the line is cut too (every line fits) */
		size_t budget = width > 2 ? width - 2 : 1; /* room for the two "…" */
		size_t mw = utf8_width(t + h->start, h->end - h->start);
		size_t before = mw >= budget               ? 0
		                : budget - mw < budget / 3 ? budget - mw
		                                           : budget / 3;
		size_t w = 0;
		a = extend_back(t, n, a, &w, before);
		b = a;
		w = 0;
		while (b < n) {
			uint32_t cp;
			size_t k = utf8_decode(t + b, n - b, &cp);
			if (w + (size_t)utf8_cpwidth(cp) > budget && (b >= h->end || mw > budget))
				break;
			w += (size_t)utf8_cpwidth(cp);
			b += k;
		}
		/* the text ended first: give the room left to what comes before */
		if (b == n)
			a = extend_back(t, n, a, &w, budget);
		/* start at a word when one begins close by */
		for (size_t k = a; a > 0 && k < h->start && k < a + 12; k++)
			if (t[k] == ' ') {
				a = k + 1;
				break;
			}
	}
	while (b < n && b > h->end && t[b - 1] == ' ')
		b--;
	if (a > 0)
		sb_adds(out, "…");
	size_t lead = out->len - base;
	for (size_t i = a; i < b; i++)
		sb_addc(out, t[i] == '\n' ? ' ' : t[i]);
	if (b < n)
		sb_adds(out, "…");
	*ms = lead + (h->start - a);
	*me = lead + ((h->end < b ? h->end : b) - a);
}
