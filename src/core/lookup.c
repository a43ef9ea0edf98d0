/* lookup.c: resolving references typed by users (see lookup.h).
 * A reference is normalised (lower case, no spaces, no brackets, no "§",
 * "paragraphe" or "section" words, dots between letters dropped) and
 * compared with the same normal form of every part's label. One that does
 * not match is given to the citation detector (cite_parse): when the whole
 * of it is one citation of one part, that part's short form is looked up. */
#include "circ/lookup.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "circ/cite.h"
#include "circ/fold.h"
#include "circ/i18n.h"
#include "circ/strbuf.h"
#include "circ/utf8.h"
#include "circ/xalloc.h"

/* Words that may precede a number and mean a paragraph or a section. */
static const char *const para_words[] = {"paragraphe", "paragraph", "para", "par", "p", "§"};
static const char *const sect_words[] = {"section", "sect", "sec", "s"};
static const char *const preamble_words[] = {"preamble", "preambule", "préambule"};
static const char *const concl_words[] = {"conclusions", "conclusion", "signature"};
static const char *const doc_words[] = {"document", "circulaire", "bulletin",
                                        "laprésentecirculaire"};

static int starts_word(const char *s, const char *w, size_t *len)
{
	size_t n = strlen(w);
	if (strncmp(s, w, n) != 0)
		return 0;
	*len = n;
	return 1;
}

static int is_any(const char *s, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, words[i]) == 0)
			return 1;
	return 0;
}

char *lookup_normalize(const char *ref)
{
	/* lower case ASCII, drop every kind of space and brackets */
	struct strbuf sb = STRBUF_INIT;
	size_t n = strlen(ref);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(ref + i, n - i, &cp);
		if (!utf8_is_space(cp) && cp != '(' && cp != ')' && cp != '_' && cp != ',') {
			if (cp < 0x80)
				sb_addc(&sb, utf8_ascii_lower((unsigned char)ref[i]));
			else
				sb_add(&sb, ref + i, k);
		}
		i += k;
	}
	char *s = sb_steal(&sb);
	/* a leading word: paragraph words are dropped, section words become "s" */
	char *out = NULL;
	size_t len;
	for (size_t i = 0; i < sizeof sect_words / sizeof sect_words[0] && !out; i++)
		if (starts_word(s, sect_words[i], &len) && isdigit((unsigned char)s[len]))
			out = xasprintf("s%s", s + len);
	for (size_t i = 0; i < sizeof para_words / sizeof para_words[0] && !out; i++)
		if (starts_word(s, para_words[i], &len) &&
		    (isdigit((unsigned char)s[len]) ||
		     (s[len] == '.' && isdigit((unsigned char)s[len + 1]))))
			out = xstrdup(s + len + (s[len] == '.'));
	if (out == NULL)
		out = xstrdup(s);
	free(s);
	/* drop a dot that comes before a letter ("5.7.b") and a trailing dot */
	char *w = out;
	for (char *r = out; *r; r++) {
		if (*r == '.' && (utf8_is_ascii_alpha((unsigned char)r[1]) || r[1] == '\0'))
			continue;
		*w++ = *r;
	}
	*w = '\0';
	return out;
}

/* The normal form of a part's label. */
static char *part_key(const struct doc_part *p)
{
	if (p->kind == DOC_KIND_PREAMBLE)
		return xstrdup("preamble");
	if (p->kind == DOC_KIND_CONCLUSIONS)
		return xstrdup("conclusions");
	char *label = doc_part_label(p);
	char *key = lookup_normalize(label);
	if (p->kind == DOC_KIND_SECTION && key[0] != 's') {
		/* a section numbered "5" without the word */
		char *k = xasprintf("s%s", key);
		free(key);
		key = k;
	}
	free(label);
	return key;
}

/* Edit distance between a and b (bytes). */
static size_t distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	size_t *row = xcalloc(m + 1, sizeof *row);
	for (size_t j = 0; j <= m; j++)
		row[j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	size_t r = row[m];
	free(row);
	return r;
}

/* The last run of digits in s as a number, or -1. */
static long last_number(const char *s)
{
	long v = -1;
	for (const char *p = s; *p;) {
		if (isdigit((unsigned char)*p)) {
			v = 0;
			while (isdigit((unsigned char)*p) && v < 100000)
				v = v * 10 + (*p++ - '0');
			while (isdigit((unsigned char)*p))
				p++;
		} else {
			p++;
		}
	}
	return v;
}

/* The words readers put before a number, in the languages of the
 * documents met, each with the one it stands for. */
static const char *const kind_words[][2] = {
    {"absatz", "paragraph"},
    {"allegato", "annex"},
    {"anexo", "annex"},
    {"anhang", "annex"},
    {"annex", "annex"},
    {"annexe", "annex"},
    {"art", "article"},
    {"article", "article"},
    {"articles", "article"},
    {"articolo", "article"},
    {"articulo", "article"},
    {"artigo", "article"},
    {"artikel", "article"},
    {"arts", "article"},
    {"artykul", "article"},
    {"bk", "book"},
    {"book", "book"},
    {"buch", "book"},
    {"capitolo", "chapter"},
    {"capitulo", "chapter"},
    {"ch", "chapter"},
    {"chap", "chapter"},
    {"chapitre", "chapter"},
    {"chapter", "chapter"},
    {"comma", "paragraph"},
    {"czesc", "part"},
    {"div", "division"},
    {"division", "division"},
    {"fn", "note"},
    {"footnote", "note"},
    {"kapitel", "chapter"},
    {"libro", "book"},
    {"livre", "book"},
    {"nota", "note"},
    {"note", "note"},
    {"para", "paragraph"},
    {"paragraph", "paragraph"},
    {"paragraphe", "paragraph"},
    {"parrafo", "paragraph"},
    {"part", "part"},
    {"parte", "part"},
    {"partie", "part"},
    {"pkt", "point"},
    {"point", "point"},
    {"pt", "part"},
    {"punto", "point"},
    {"rozdzial", "chapter"},
    {"rule", "rule"},
    {"s", "section"},
    {"sch", "schedule"},
    {"sched", "schedule"},
    {"schedule", "schedule"},
    {"sec", "section"},
    {"seccion", "section"},
    {"sect", "section"},
    {"section", "section"},
    {"sections", "section"},
    {"sezione", "section"},
    {"ss", "section"},
    {"subchapter", "subchapter"},
    {"subdivision", "subdivision"},
    {"subpart", "subpart"},
    {"subs", "subsection"},
    {"subsec", "subsection"},
    {"subsection", "subsection"},
    {"subtitle", "subtitle"},
    {"teil", "part"},
    {"tit", "title"},
    {"titel", "title"},
    {"title", "title"},
    {"titolo", "title"},
    {"titre", "title"},
    {"titulo", "title"},
    {"ust", "paragraph"},
};

static const char *kind_of(const char *w)
{
	size_t lo = 0, hi = sizeof kind_words / sizeof kind_words[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(w, kind_words[mid][0]);
		if (c == 0)
			return kind_words[mid][1];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* The value of a Roman number ("xiv": 14), or -1. */
static long roman(const char *w)
{
	static const char digits[] = "ivxlcdm";
	static const long values[] = {1, 5, 10, 50, 100, 500, 1000};
	long total = 0, prev = 0;
	size_t n = strlen(w);
	if (n == 0 || n > 12)
		return -1;
	for (size_t i = n; i-- > 0;) {
		const char *d = strchr(digits, w[i]);
		if (d == NULL)
			return -1;
		long v = values[d - digits];
		total += v < prev ? -v : v;
		prev = v > prev ? v : prev;
	}
	return total > 0 ? total : -1;
}

/* A reference as words: "Art. 5(2)(a)" -> "article 5 2 a", "CHAPTER II"
 * -> "chapter 2", "§ 12" -> "section 12". Case and accents do not matter;
 * words and numbers are apart ("12A" -> "12 a"); the word before a number
 * is the one it stands for, and a Roman number after it is a number.
 * *kind is set to whether the first word names a kind of level. */
static char *word_key(const char *ref, int *kind)
{
	char *f = fold_simple(ref);
	struct strbuf sb = STRBUF_INIT;
	*kind = 0;
	size_t ntok = 0;
	for (const char *s = f; *s;) {
		char tok[64];
		size_t n = 0;
		if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA7) {
			strcpy(tok, "section"); /* § */
			s += 2;
		} else if (isdigit((unsigned char)*s)) {
			while (isdigit((unsigned char)*s) && n < sizeof tok - 1)
				tok[n++] = *s++;
			tok[n] = '\0';
		} else if (islower((unsigned char)*s)) {
			while (islower((unsigned char)*s) && n < sizeof tok - 1)
				tok[n++] = *s++;
			tok[n] = '\0';
		} else {
			s++;
			continue;
		}
		const char *k = ntok == 0 ? kind_of(tok) : NULL;
		if (k) {
			*kind = 1;
			sb_adds(&sb, k);
		} else if (ntok == 1 && *kind && roman(tok) > 0) {
			sb_addf(&sb, "%ld", roman(tok));
		} else {
			sb_adds(&sb, tok);
		}
		sb_addc(&sb, ' ');
		ntok++;
	}
	free(f);
	if (sb.len > 0)
		sb_truncate(&sb, sb.len - 1);
	return sb_steal(&sb);
}

/* One part's keys in an index sorted by key, then by document order. */
struct key_entry {
	char *key;
	struct doc_part *part;
};

/* The keys of every part, made once per document: the normal form of its
 * label (lookup_normalize), its words (word_key), and its words after the
 * kind word for labels that have one. */
struct key_index {
	struct key_entry *norm, *words, *loose;
	size_t n, nloose;
};

static int cmp_entry(const void *a, const void *b)
{
	const struct key_entry *x = a, *y = b;
	int r = strcmp(x->key, y->key);
	return r ? r : (x->part->order > y->part->order) - (x->part->order < y->part->order);
}

static void free_index(void *v)
{
	struct key_index *ki = v;
	if (ki == NULL)
		return;
	for (size_t i = 0; i < ki->n; i++) {
		free(ki->norm[i].key);
		free(ki->words[i].key);
	}
	for (size_t i = 0; i < ki->nloose; i++)
		free(ki->loose[i].key);
	free(ki->norm);
	free(ki->words);
	free(ki->loose);
	free(ki);
}

static const struct key_index *key_index(const struct doc *d)
{
	if (d->lookup_cache)
		return d->lookup_cache;
	struct key_index *ki = xcalloc(1, sizeof *ki);
	size_t n = d->nparts ? d->nparts : 1;
	ki->norm = xcalloc(n, sizeof *ki->norm);
	ki->words = xcalloc(n, sizeof *ki->words);
	ki->loose = xcalloc(n, sizeof *ki->loose);
	for (size_t i = 0; i < d->nparts; i++) {
		struct doc_part *p = d->parts[i];
		char *label = doc_part_label(p);
		int kind;
		ki->norm[i] = (struct key_entry){part_key(p), p};
		ki->words[i] = (struct key_entry){word_key(label, &kind), p};
		const char *rest = strchr(ki->words[i].key, ' ');
		if (kind && rest)
			ki->loose[ki->nloose++] = (struct key_entry){xstrdup(rest + 1), p};
		free(label);
	}
	ki->n = d->nparts;
	qsort(ki->norm, ki->n, sizeof *ki->norm, cmp_entry);
	qsort(ki->words, ki->n, sizeof *ki->words, cmp_entry);
	qsort(ki->loose, ki->nloose, sizeof *ki->loose, cmp_entry);
	/* the index belongs to the document, whatever its constness */
	struct doc *md = (struct doc *)d;
	md->lookup_cache = ki;
	md->lookup_cache_free = free_index;
	return ki;
}

/* The first part (in document order) whose key is key, or NULL. */
static struct doc_part *find_key(const struct key_entry *v, size_t n, const char *key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(v[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strcmp(v[lo].key, key) == 0 ? v[lo].part : NULL;
}

/* The part whose label has the words of ref: the same words, or, when ref
 * names no kind of level ("5(2)(a)"), the same after the label's kind word;
 * the first in the document's order. NULL when none. */
static struct doc_part *lookup_words(const struct doc *d, const char *ref)
{
	const struct key_index *ki = key_index(d);
	int kind;
	char *want = word_key(ref, &kind);
	struct doc_part *p = NULL;
	if (want[0]) {
		p = find_key(ki->words, ki->n, want);
		if (p == NULL && !kind)
			p = find_key(ki->loose, ki->nloose, want);
	}
	free(want);
	return p;
}

/* The part the short form ref names, or NULL and, when why is not NULL, a
 * message about shown (what the user typed) naming the closest part. */
static struct doc_part *lookup_short(const struct doc *d, const char *ref, const char *shown,
                                     char **why)
{
	if (why)
		*why = NULL;
	struct doc_part *p = doc_find_eid(d, ref);
	if (p)
		return p;
	char *want = lookup_normalize(ref);
	if (is_any(want, preamble_words, sizeof preamble_words / sizeof preamble_words[0])) {
		free(want);
		want = xstrdup("preamble");
	} else if (is_any(want, concl_words, sizeof concl_words / sizeof concl_words[0])) {
		free(want);
		want = xstrdup("conclusions");
	}
	struct doc_part *best = NULL;
	size_t bestd = (size_t)-1;
	if (want[0] && (p = find_key(key_index(d)->norm, d->nparts, want)) != NULL) {
		free(want);
		return p;
	}
	/* the whole document: a word for it, or its symbol */
	char *dsym = d->meta.symbol ? lookup_normalize(d->meta.symbol) : NULL;
	int whole = is_any(want, doc_words, sizeof doc_words / sizeof doc_words[0]) ||
	            (dsym && strcmp(dsym, want) == 0);
	free(dsym);
	if (whole) {
		free(want);
		return d->root;
	}
	/* the forms of other documents: "art. 5(2)(a)", "chapter II" */
	if ((p = lookup_words(d, ref)) != NULL) {
		free(want);
		return p;
	}
	for (size_t i = 0; i < d->nparts && want[0]; i++) {
		char *key = part_key(d->parts[i]);
		if (why == NULL) {
			/* no message to write: no need of the closest part */
			free(key);
			continue;
		}
		/* rank by edit distance, then by the longest common prefix, the
		 * closeness in length, the difference of the last numbers
		 * ("5.13": 5.12 before 5.10), of the last characters ("8.3 l)":
		 * 8.3 k)) */
		size_t lk = strlen(key), lw = strlen(want);
		size_t ed = distance(key, want);
		size_t dl = lk > lw ? lk - lw : lw - lk;
		long nk = last_number(key), nw = last_number(want);
		size_t dn = nk < 0 || nw < 0 ? 63 : (size_t)(nk > nw ? nk - nw : nw - nk);
		size_t cp = 0;
		while (key[cp] && key[cp] == want[cp])
			cp++;
		size_t dc = (size_t)abs((unsigned char)key[lk ? lk - 1 : 0] -
		                        (unsigned char)want[lw ? lw - 1 : 0]);
		size_t rank = ed;
		rank = rank * 64 + (cp < 63 ? 63 - cp : 0);
		rank = rank * 64 + (dl < 63 ? dl : 63);
		rank = rank * 64 + (dn < 63 ? dn : 63);
		rank = rank * 256 + dc;
		/* only a part at most half as different as the reference is long is close */
		if (ed * 2 <= lw && rank < bestd) {
			bestd = rank;
			best = d->parts[i];
		}
		free(key);
	}
	if (why) {
		const char *sym = d->meta.symbol ? d->meta.symbol : d->path;
		if (best && want[0]) {
			char *label = doc_part_label(best);
			*why = xasprintf(
			    /* TRANSLATORS: the first %s is the reference the user
			     * typed, the second the bulletin's symbol
			     * ("ST/SGB/2010/2"), the last the label of the
			     * closest part ("5.7 b)"). Also shown on the
			     * status line. */
			    _("no part '%s' in %s; the closest is %s"), shown, sym, label);
			free(label);
		} else {
			/* TRANSLATORS: the first %s is the reference the user
			 * typed, the second the bulletin's symbol. */
			*why = xasprintf(_("no part '%s' in %s"), shown, sym);
		}
	}
	free(want);
	return NULL;
}

/* A reference that is a citation ("alinéa b) du paragraphe 5.2"): the part
 * it names, or NULL with *why set. Returns 0 when ref is not one citation. */
static int lookup_cited(const struct doc *d, const char *ref, struct doc_part **part, char **why)
{
	struct cite c;
	if (!cite_parse(ref, &c))
		return 0;
	*part = NULL;
	char *msg = NULL;
	const char *sym = d->meta.symbol ? d->meta.symbol : d->path;
	if (c.ntargets > 1) {
		struct strbuf names = STRBUF_INIT;
		for (size_t i = 0; i < c.ntargets; i++)
			sb_addf(&names, "%s%s", i ? ", " : "", c.targets[i].ref);
		/* TRANSLATORS: the first %s is the reference the user typed
		 * ("sections 4 et 5"), the second the parts it names
		 * ("section 4, section 5"). */
		msg = xasprintf(_("'%s' names several parts (%s), not one"), ref, sb_str(&names));
		sb_free(&names);
	} else if (c.targets[0].kind == CITE_SELF) {
		*part = d->root;
	} else if (c.targets[0].kind == CITE_EXTERNAL) {
		/* TRANSLATORS: the first %s is the document symbol the user
		 * typed ("ST/SGB/1997/5"), the second the bulletin's own. */
		msg = xasprintf(_("'%s' names another document, not a part of %s"), ref, sym);
	} else {
		*part = lookup_short(d, c.targets[0].ref, ref, why ? &msg : NULL);
	}
	cite_free(&c);
	if (why)
		*why = msg;
	else
		free(msg);
	return 1;
}

struct doc_part *lookup_ref(const struct doc *d, const char *ref, char **why)
{
	struct doc_part *p = lookup_short(d, ref, ref, why);
	if (p)
		return p;
	char *cited_why = NULL;
	if (lookup_cited(d, ref, &p, why ? &cited_why : NULL) && why) {
		free(*why);
		*why = cited_why;
	}
	return p;
}
