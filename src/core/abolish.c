/* abolish.c: which documents a document abolishes or supersedes (see
 * abolish.h for the rules): PCRE2 patterns for the verbs, the document
 * itself, negations and the words allowed between a verb and the symbols;
 * the symbols are cite_detect()'s; the metadata's modifications come from
 * doc_meta. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "circ/abolish.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "circ/cite.h"
#include "circ/err.h"
#include "circ/i18n.h"
#include "circ/utf8.h"
#include "circ/xalloc.h"

#define WORD_START "(?<![\\p{L}\\p{N}])"
#define WORD_END   "(?![\\p{L}\\p{N}])"

enum { AB_ACTIVE, AB_PASSIVE, AB_SELF, AB_NEG, AB_FILLER, AB_BY, AB_COUNT };

static const char *const patterns[AB_COUNT] = {
    [AB_ACTIVE] = WORD_START "(?:abroge(?:nt)?|remplace(?:nt)?|supersedes?|abolish(?:es)?"
                             "|repeals?|replaces?|abrogates?)" WORD_END,
    [AB_PASSIVE] = WORD_START "(?:est|sont|sera|seront|is|are|shall\\s+be|will\\s+be)\\s+"
                              "(?:(?:hereby|par\\s+la\\s+pr[ée]sente|par\\s+les\\s+pr[ée]sentes)"
                              "\\s+)?(?:abrog[ée]e?s?|remplac[ée]e?s?|abolished|superseded"
                              "|repealed|replaced|abrogated)" WORD_END,
    [AB_SELF] = WORD_START
    "(?:la\\s+pr[ée]sente\\s+(?:circulaire|instruction(?:\\s+administrative)?)"
    "|le\\s+pr[ée]sent\\s+(?:bulletin|document)"
    "|(?:the\\s+present|this)\\s+(?:bulletin|administrative\\s+instruction|instruction"
    "|circular|document))" WORD_END,
    [AB_NEG] = WORD_START "(?:(?:ne|not|never|cannot|nor|ni|no\\s+longer)" WORD_END
                          "|n['\\x{2019}](?=\\p{L}))",
    [AB_FILLER] = "\\A(?:[\\s,;:()\\x{AB}\\x{BB}\"\\x{201C}\\x{201D}]+|l['\\x{2019}]"
                  "|(?:la|le|les|the|et|and|ainsi\\s+que|as\\s+well\\s+as|suivante?s?"
                  "|following|circulaires?|instructions?|administratives?|bulletins?"
                  "|documents?|du\\s+secr[ée]taire\\s+g[ée]n[ée]ral"
                  "|secretary[-\\x{2010}\\x{2011}]general['\\x{2019}]s)" WORD_END ")*\\z",
    [AB_BY] = WORD_START "(?:par|by)" WORD_END,
};

static struct {
	pcre2_code *code;
	pcre2_match_data *md;
} rx[AB_COUNT];

static void compile(void)
{
	if (rx[0].code)
		return;
	for (int i = 0; i < AB_COUNT; i++) {
		int errcode;
		PCRE2_SIZE erroff;
		rx[i].code =
		    pcre2_compile((PCRE2_SPTR)patterns[i], PCRE2_ZERO_TERMINATED,
		                  PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &errcode, &erroff, NULL);
		if (rx[i].code == NULL) {
			PCRE2_UCHAR msg[256];
			pcre2_get_error_message(errcode, msg, sizeof msg);
			/* TRANSLATORS: an internal error: %d is the number of one
			 * of circ's own regular expressions (those that find
			 * abolitions), %zu an offset in it, the last %s the PCRE2
			 * library's own (English) message. */
			err_fatal(_("abolition pattern %d does not compile at %zu: %s"), i,
			          (size_t)erroff, (const char *)msg);
		}
		/* every part of every document is searched for the verbs: the
		 * compiled machine code is worth its cost (see search.c for
		 * CIRC_NO_JIT); match() falls back on the interpreter */
		const char *nojit = getenv("CIRC_NO_JIT");
		if (!(nojit && *nojit))
			pcre2_jit_compile(rx[i].code, PCRE2_JIT_COMPLETE);
		rx[i].md = pcre2_match_data_create_from_pattern(rx[i].code, NULL);
		if (rx[i].md == NULL)
			err_fatal(_("out of memory (citation patterns)"));
	}
}

void abolish_release(void)
{
	for (int i = 0; i < AB_COUNT; i++) {
		pcre2_match_data_free(rx[i].md);
		pcre2_code_free(rx[i].code);
		rx[i].md = NULL;
		rx[i].code = NULL;
	}
}

/* The first match of pattern r in text[a, b) (text is n bytes long): 1
 * with its span in *s, *e, else 0. */
static int match(int r, const char *text, size_t a, size_t b, size_t *s, size_t *e)
{
	int rc = pcre2_match(rx[r].code, (PCRE2_SPTR)text, b, a, 0, rx[r].md, NULL);
	if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
		rc = pcre2_match(rx[r].code, (PCRE2_SPTR)text, b, a, PCRE2_NO_JIT, rx[r].md, NULL);
	if (rc < 0)
		return 0;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(rx[r].md);
	*s = ov[0];
	*e = ov[1];
	return ov[1] > ov[0];
}

/* Is text[a, b) only words allowed between a verb and its symbols? */
static int filler(const char *text, size_t a, size_t b)
{
	if (a >= b)
		return 1;
	int rc = pcre2_match(rx[AB_FILLER].code, (PCRE2_SPTR)text + a, b - a, 0, 0,
	                     rx[AB_FILLER].md, NULL);
	if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
		rc = pcre2_match(rx[AB_FILLER].code, (PCRE2_SPTR)text + a, b - a, 0, PCRE2_NO_JIT,
		                 rx[AB_FILLER].md, NULL);
	return rc >= 0;
}

/* Does a sentence end at text[i]: cite.h's rule, or a line's end? */
static int sentence_end(const char *text, size_t i, size_t n)
{
	return text[i] == '\n' || cite_sentence_end(text, i, n);
}

/* The sentence around bytes [s, e): [*a, *b). */
static void sentence(const char *text, size_t n, size_t s, size_t e, size_t *a, size_t *b)
{
	*a = s;
	while (*a > 0 && !sentence_end(text, *a - 1, n))
		(*a)--;
	*b = e;
	while (*b < n && !sentence_end(text, *b, n))
		(*b)++;
}

/* Does citation c cite whole other documents only? */
static int whole_documents(const struct cite *c)
{
	for (size_t k = 0; k < c->ntargets; k++)
		if (c->targets[k].kind != CITE_EXTERNAL || c->targets[k].part != NULL)
			return 0;
	return c->ntargets > 0;
}

static void add(struct abolish_list *out, const struct doc *d, const char *symbol, char *iri,
                const struct doc_part *from, int passive)
{
	if ((d->meta.symbol && strcmp(symbol, d->meta.symbol) == 0) ||
	    (d->meta.work_iri && strcmp(iri, d->meta.work_iri) == 0)) {
		free(iri);
		return;
	}
	for (size_t i = 0; i < out->n; i++)
		if (out->v[i].passive == passive && strcmp(out->v[i].iri, iri) == 0) {
			free(iri);
			return;
		}
	out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
	out->v[out->n].symbol = xstrdup(symbol);
	out->v[out->n].iri = iri;
	out->v[out->n].from = from;
	out->v[out->n].passive = passive;
	out->n++;
}

static void add_cite(struct abolish_list *out, const struct doc *d, const struct cite *c,
                     const struct doc_part *from)
{
	for (size_t k = 0; k < c->ntargets; k++)
		add(out, d, c->targets[k].ref, cite_symbol_iri(c->targets[k].ref), from, 0);
}

/* The symbols a list starts with: text[at, ...) of cl from citation k on,
 * each after words filler() allows. Returns how many citations. */
static size_t chain_after(const char *text, size_t at, size_t end, const struct cite_list *cl,
                          size_t k, struct abolish_list *out, const struct doc *d,
                          const struct doc_part *from)
{
	size_t found = 0;
	for (; k < cl->n && cl->v[k].end <= end; k++) {
		const struct cite *c = &cl->v[k];
		if (c->start < at)
			continue;
		if (!whole_documents(c) || !filler(text, at, c->start))
			break;
		add_cite(out, d, c, from);
		at = c->end;
		found++;
	}
	return found;
}

/* A verb that ends its text with ":" and a list below: the symbols each
 * sub-part of p starts with. */
static void from_kids(const struct doc_part *p, size_t vend, struct abolish_list *out,
                      const struct doc *d)
{
	const char *text = p->text;
	size_t n = strlen(text);
	while (n > vend && (text[n - 1] == ' ' || text[n - 1] == '\n'))
		n--;
	if (n == 0 || text[n - 1] != ':' || !filler(text, vend, n))
		return;
	for (size_t i = 0; i < p->nkids; i++) {
		const struct doc_part *k = p->kids[i];
		struct cite_list cl;
		cite_detect(k->text, strlen(k->text), &cl);
		size_t a, b;
		if (cl.n > 0) {
			sentence(k->text, strlen(k->text), cl.v[0].start, cl.v[0].end, &a, &b);
			if (a == 0)
				chain_after(k->text, 0, b, &cl, 0, out, d, p);
		}
		cite_list_free(&cl);
	}
}

/* Is there a citation of another document after "par"/"by" in text[a, b)? */
static int other_agent(const char *text, size_t a, size_t b, const struct cite_list *cl)
{
	size_t s, e;
	if (!match(AB_BY, text, a, b, &s, &e))
		return 0;
	for (size_t k = 0; k < cl->n; k++)
		if (cl->v[k].start >= e && cl->v[k].end <= b &&
		    cl->v[k].targets[0].kind == CITE_EXTERNAL)
			return 1;
	return 0;
}

/* "La présente circulaire abroge X": the symbols after the verb. */
static void active(const struct doc *d, const struct doc_part *p, const struct cite_list *cl,
                   size_t vs, size_t ve, size_t a, size_t b, struct abolish_list *out)
{
	const char *text = p->text;
	size_t s, e, self_end = 0;
	int self = 0;
	for (size_t at = a; at < vs && match(AB_SELF, text, at, vs, &s, &e); at = e) {
		self = 1;
		self_end = e;
	}
	if (!self)
		return;
	size_t k = 0;
	while (k < cl->n && cl->v[k].start < ve) {
		if (cl->v[k].start >= self_end && cl->v[k].targets[0].kind == CITE_EXTERNAL)
			return; /* another document is the subject */
		k++;
	}
	if (chain_after(text, ve, b, cl, k, out, d, p) == 0 && b >= strlen(text))
		from_kids(p, ve, out, d);
}

/* "Les circulaires X et Y sont abrogées": the symbols before the verb. */
static void passive(const struct doc *d, const struct doc_part *p, const struct cite_list *cl,
                    size_t vs, size_t ve, size_t a, size_t b, struct abolish_list *out)
{
	const char *text = p->text;
	if (other_agent(text, ve, b, cl))
		return;
	size_t k = 0;
	while (k < cl->n && cl->v[k].end <= vs)
		k++;
	/* back from the verb, while only fillers separate the symbols */
	size_t first = k, at = vs;
	while (first > 0) {
		const struct cite *c = &cl->v[first - 1];
		if (c->start < a || !whole_documents(c) || !filler(text, c->end, at))
			break;
		at = c->start;
		first--;
	}
	for (size_t i = first; i < k; i++)
		add_cite(out, d, &cl->v[i], p);
	if (first == k && b >= strlen(text))
		from_kids(p, ve, out, d);
}

/* Every match of verb pattern r in p's text. */
static void verbs(const struct doc *d, const struct doc_part *p, const struct cite_list *cl, int r,
                  struct abolish_list *out)
{
	const char *text = p->text;
	size_t n = strlen(text), vs, ve, a, b, s, e;
	for (size_t at = 0; at < n && match(r, text, at, n, &vs, &ve); at = ve) {
		sentence(text, n, vs, ve, &a, &b);
		if (match(AB_NEG, text, a, b, &s, &e))
			continue;
		if (r == AB_ACTIVE)
			active(d, p, cl, vs, ve, a, b, out);
		else
			passive(d, p, cl, vs, ve, a, b, out);
	}
}

/* Is this a modification that abolishes a whole document? */
static int abolishes(const struct doc_mod *m)
{
	return m->part == NULL && m->type &&
	       (strcmp(m->type, "repeal") == 0 || strcmp(m->type, "substitution") == 0);
}

static void from_meta(const struct doc *d, const struct doc_mod *v, size_t n, int pass,
                      struct abolish_list *out)
{
	for (size_t i = 0; i < n; i++) {
		if (!abolishes(&v[i]))
			continue;
		char *iri = cite_iri_work(v[i].iri, NULL);
		char *sym = cite_iri_symbol(v[i].iri);
		if (iri == NULL)
			iri = xstrdup(v[i].iri);
		add(out, d, sym ? sym : iri, iri, d->root, pass);
		free(sym);
	}
}

/* Does the text at p - back start with stem (ASCII letters, any case)? */
static int stem_at(const char *text, const char *p, size_t back, const char *stem)
{
	if ((size_t)(p - text) < back)
		return 0;
	p -= back;
	for (size_t j = 0; stem[j]; j++)
		if ((char)(p[j] | 0x20) != stem[j])
			return 0;
	return 1;
}

/* Could text hold a verb of AB_ACTIVE or AB_PASSIVE? Each of them has one
 * of the stems abrog, aboli, rempla, repeal, replac, uper, whose letters
 * match no other code point than their two ASCII cases (PCRE2's caseless
 * matching would match U+017F for s, U+212A for k): without one, neither
 * pattern can match. Each stem has a b or a p, rare letters, looked for
 * first; most parts have no stem, and this is much quicker than the
 * patterns. */
static int may_have_verb(const char *text)
{
	for (const char *p = text + strcspn(text, "bBpP"); *p; p += 1 + strcspn(p + 1, "bBpP")) {
		if ((*p | 0x20) == 'b'
		        ? stem_at(text, p, 1, "abrog") || stem_at(text, p, 1, "aboli")
		        : stem_at(text, p, 3, "rempla") || stem_at(text, p, 2, "repeal") ||
		              stem_at(text, p, 2, "replac") || stem_at(text, p, 1, "uper"))
			return 1;
	}
	return 0;
}

void abolish_find(const struct doc *d, struct abolish_list *out)
{
	compile();
	out->v = NULL;
	out->n = 0;
	for (size_t i = 0; i < d->nparts; i++) {
		const struct doc_part *p = d->parts[i];
		size_t s, e;
		if (!may_have_verb(p->text) ||
		    (!match(AB_ACTIVE, p->text, 0, strlen(p->text), &s, &e) &&
		     !match(AB_PASSIVE, p->text, 0, strlen(p->text), &s, &e)))
			continue;
		struct cite_list cl;
		cite_detect(p->text, strlen(p->text), &cl);
		verbs(d, p, &cl, AB_ACTIVE, out);
		verbs(d, p, &cl, AB_PASSIVE, out);
		cite_list_free(&cl);
	}
	from_meta(d, d->meta.active, d->meta.nactive, 0, out);
	from_meta(d, d->meta.passive, d->meta.npassive, 1, out);
}

void abolish_list_free(struct abolish_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].symbol);
		free(l->v[i].iri);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
