/* libindex.c: the index's files (see libindex.h): their format, checked
 * reading, atomic writing, the content hash.
 *
 * A file: a header of 32 bytes (the magic 0x0158494352494343, "CCIRCIX" 1
 * on a little-endian machine; the format version, 32 bits; the kind, 32
 * bits: 'c' catalogue, 'r' its citations, 'e' entry; the payload's length
 * and its lix_hash, 64 bits each), then the payload: circ's version, then the catalogue or the
 * entry. Numbers are in the machine's order (the magic is written as a number too, so a file from a
 * machine of the other order fails the check); strings are a 32-bit length, the bytes and a NUL
 * (length 0xffffffff: none). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "circ/libindex.h"
#include "circ/strbuf.h"
#include "circ/xalloc.h"
#include "libindex_internal.h"

#define MAGIC          0x0158494352494343ull /* "CCIRCIX\x01" read as a number */
#define FORMAT_VERSION 2u
#define HEADER_SIZE    32u
#define NO_STRING      0xffffffffu
/* Files larger than this are not index files of circ. */
#define MAX_FILE       (1024ull * 1024u * 1024u)

#ifndef CIRC_VERSION
#define CIRC_VERSION "?"
#endif

uint64_t lix_hash(const void *p, size_t n)
{
	const unsigned char *s = p;
	/* four lanes, each a multiply-xorshift of 8-byte words, mixed at the end */
	uint64_t h[4] = {0x9e3779b97f4a7c15ull, 0xbf58476d1ce4e5b9ull, 0x94d049bb133111ebull,
	                 0x2545f4914f6cdd1dull ^ n};
	while (n >= 32) {
		for (int k = 0; k < 4; k++) {
			uint64_t w;
			memcpy(&w, s + 8 * k, 8);
			h[k] = (h[k] ^ w) * 0x9fb21c651e98df25ull;
			h[k] ^= h[k] >> 32;
		}
		s += 32;
		n -= 32;
	}
	unsigned char tail[32] = {0};
	memcpy(tail, s, n);
	uint64_t r = n;
	for (int k = 0; k < 4; k++) {
		uint64_t w;
		memcpy(&w, tail + 8 * k, 8);
		r ^= (h[k] ^ w) * 0x9fb21c651e98df25ull;
		r = (r << 23 | r >> 41) * 0xbf58476d1ce4e5b9ull;
	}
	r ^= r >> 31;
	return r;
}

int lix_stat(const char *path, struct lix_key *k)
{
	return lix_statat(AT_FDCWD, path, k);
}

int lix_statat(int dirfd, const char *name, struct lix_key *k)
{
	struct stat st;
	if (fstatat(dirfd, name, &st, 0) != 0 || !S_ISREG(st.st_mode))
		return -1;
	memset(k, 0, sizeof *k);
	k->dev = (uint64_t)st.st_dev;
	k->ino = (uint64_t)st.st_ino;
	k->size = (uint64_t)st.st_size;
	k->mtime_s = (int64_t)st.st_mtim.tv_sec;
	k->mtime_ns = (int64_t)st.st_mtim.tv_nsec;
	k->ctime_s = (int64_t)st.st_ctim.tv_sec;
	k->ctime_ns = (int64_t)st.st_ctim.tv_nsec;
	return 0;
}

/* ---- writing ---- */

static void put32(struct strbuf *b, uint32_t v)
{
	sb_add(b, (const char *)&v, 4);
}

static void put64(struct strbuf *b, uint64_t v)
{
	sb_add(b, (const char *)&v, 8);
}

static void putstr(struct strbuf *b, const char *s)
{
	if (s == NULL) {
		put32(b, NO_STRING);
		return;
	}
	size_t n = strlen(s);
	put32(b, (uint32_t)n);
	sb_add(b, s, n + 1);
}

/* The citations of e. */
static void put_cites(struct strbuf *b, const struct lib_doc *e)
{
	put32(b, (uint32_t)e->ncites);
	for (size_t i = 0; i < e->ncites; i++) {
		const struct lib_cite *c = &e->cites[i];
		const char *v[] = {c->from_eid, c->from_label, c->symbol, c->iri,
		                   c->part,     c->eid,        c->text,   c->sentence};
		for (size_t k = 0; k < sizeof v / sizeof *v; k++)
			putstr(b, v[k]);
	}
}

/* The head of e; its citations too unless they are kept elsewhere (the
 * catalogue's are in its citations file: NO_STRING instead of a count). */
static void put_head(struct strbuf *b, const struct lib_doc *e, int with_cites)
{
	const char *id[] = {e->symbol, e->work_iri, e->lang, e->date,
	                    e->type,   e->doctype,  e->title};
	for (size_t i = 0; i < sizeof id / sizeof *id; i++)
		putstr(b, id[i]);
	if (with_cites)
		put_cites(b, e);
	else
		put32(b, NO_STRING);
	put32(b, (uint32_t)e->nabolishes);
	for (size_t i = 0; i < e->nabolishes; i++) {
		const struct lib_abolish *a = &e->abolishes[i];
		putstr(b, a->symbol);
		putstr(b, a->iri);
		putstr(b, a->from_eid);
		putstr(b, a->from_label);
		put32(b, (uint32_t)a->passive);
	}
}

/* Start a file of this kind: the header, filled in by finish(). */
static void start(struct strbuf *b, int kind)
{
	put64(b, MAGIC);
	put32(b, FORMAT_VERSION);
	put32(b, (uint32_t)kind);
	put64(b, 0);
	put64(b, 0);
	putstr(b, CIRC_VERSION);
}

static void finish(struct strbuf *b)
{
	uint64_t len = b->len - HEADER_SIZE;
	uint64_t h = lix_hash(b->s + HEADER_SIZE, b->len - HEADER_SIZE);
	memcpy(b->s + 16, &len, 8);
	memcpy(b->s + 24, &h, 8);
}

/* Make dir (and its parent) when missing. */
static int make_dir(const char *dir)
{
	if (mkdir(dir, 0700) == 0 || errno == EEXIST)
		return 0;
	if (errno != ENOENT)
		return -1;
	char *up = xstrdup(dir);
	char *s = strrchr(up, '/');
	int rc = -1;
	if (s && s != up) {
		*s = '\0';
		rc = make_dir(up) == 0 && (mkdir(dir, 0700) == 0 || errno == EEXIST) ? 0 : -1;
	}
	free(up);
	return rc;
}

/* Write b as dir/name: to a temporary file renamed over it. 0 or -1. */
static int write_atomic(const char *dir, const char *name, const struct strbuf *b)
{
	if (make_dir(dir) != 0)
		return -1;
	char *tmp = xasprintf("%s/.%s.XXXXXX", dir, name);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		free(tmp);
		return -1;
	}
	/* the directory's own permissions say who may read: the
	 * administrator's index is for everyone */
	struct stat st;
	if (stat(dir, &st) == 0)
		fchmod(fd, (st.st_mode & 0444) | 0200);
	size_t off = 0;
	int rc = 0;
	while (off < b->len) {
		ssize_t w = write(fd, b->s + off, b->len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			rc = -1;
			break;
		}
		off += (size_t)w;
	}
	if (close(fd) != 0)
		rc = -1;
	char *path = xasprintf("%s/%s", dir, name);
	if (rc == 0 && rename(tmp, path) != 0)
		rc = -1;
	if (rc != 0)
		unlink(tmp);
	free(path);
	free(tmp);
	return rc;
}

static char *entry_name(uint64_t h)
{
	return xasprintf("%016llx.cx", (unsigned long long)h);
}

char *lix_entry_path(const char *dir, uint64_t h)
{
	return xasprintf("%s/%016llx.cx", dir, (unsigned long long)h);
}

int lix_entry_write(const char *dir, uint64_t h, const struct lib_doc *head,
                    const struct lix_body *bd)
{
	struct strbuf b = STRBUF_INIT;
	start(&b, 'e');
	put64(&b, h);
	put_head(&b, head, 1);
	put32(&b, (uint32_t)bd->nparts);
	for (size_t i = 0; i < bd->nparts; i++) {
		putstr(&b, bd->eids[i]);
		putstr(&b, bd->labels[i]);
		put32(&b, bd->kinds[i]);
	}
	put32(&b, (uint32_t)bd->nf);
	for (size_t i = 0; i < bd->nf; i++) {
		const struct lix_field *f = &bd->f[i];
		put32(&b, f->part);
		put32(&b, (uint32_t)f->field);
		put32(&b, (uint32_t)f->len);
		sb_add(&b, f->text, f->len + 1);
		put32(&b, (uint32_t)f->flen);
		sb_add(&b, f->folded, f->flen + 1);
	}
	finish(&b);
	char *name = entry_name(h);
	int rc = write_atomic(dir, name, &b);
	free(name);
	sb_free(&b);
	return rc;
}

int lix_catalog_write(const char *dir, const struct lix_catalog *c)
{
	struct strbuf b = STRBUF_INIT;
	int cites = lix_catalog_needs_citations(c);
	start(&b, 'c');
	put32(&b, cites ? 0 : c->stale);
	put32(&b, (uint32_t)c->n);
	for (size_t i = 0; i < c->n; i++) {
		const struct lix_cat_entry *e = &c->v[i];
		putstr(&b, e->path);
		const struct lix_key *k = &e->key;
		uint64_t v[] = {k->dev,
		                k->ino,
		                k->size,
		                (uint64_t)k->mtime_s,
		                (uint64_t)k->mtime_ns,
		                (uint64_t)k->ctime_s,
		                (uint64_t)k->ctime_ns,
		                k->hash};
		for (size_t j = 0; j < sizeof v / sizeof *v; j++)
			put64(&b, v[j]);
		put_head(&b, &e->head, 0);
	}
	finish(&b);
	if (!cites) {
		int rc = write_atomic(dir, "catalog", &b);
		sb_free(&b);
		return rc;
	}
	/* the citations first: a reader that meets the new catalogue finds
	 * them (one that meets the old catalogue and the new citations finds
	 * the hashes differ where they changed, and reads the entries). A
	 * record: path, hash, the length of its citations, then them; those
	 * kept from the old file (lix_citations_keep) are copied as they are */
	struct strbuf cb = STRBUF_INIT, one = STRBUF_INIT;
	start(&cb, 'r');
	size_t n = 0;
	for (size_t i = 0; i < c->n; i++)
		n += c->v[i].head.cites_loaded || c->v[i].cites_raw;
	put32(&cb, (uint32_t)n);
	for (size_t i = 0; i < c->n; i++) {
		const struct lix_cat_entry *e = &c->v[i];
		if (!e->head.cites_loaded && !e->cites_raw)
			continue;
		putstr(&cb, e->path);
		put64(&cb, e->key.hash);
		if (e->head.cites_loaded) {
			one.len = 0;
			put_cites(&one, &e->head);
			put32(&cb, (uint32_t)one.len);
			sb_add(&cb, one.s, one.len);
		} else {
			put32(&cb, (uint32_t)e->cites_rawlen);
			sb_add(&cb, e->cites_raw, e->cites_rawlen);
		}
	}
	sb_free(&one);
	finish(&cb);
	int rc = write_atomic(dir, "citations", &cb);
	if (rc == 0)
		rc = write_atomic(dir, "catalog", &b);
	sb_free(&cb);
	sb_free(&b);
	return rc;
}

static int cmp_entry(const void *a, const void *b);

/* ---- reading: every length checked against what is left ---- */

struct rd {
	const char *p;
	size_t n, off;
	int bad;
	int borrow; /* strings point into p (which outlives them) */
};

static uint32_t get32(struct rd *r)
{
	uint32_t v = 0;
	if (r->bad || r->n - r->off < 4) {
		r->bad = 1;
		return 0;
	}
	memcpy(&v, r->p + r->off, 4);
	r->off += 4;
	return v;
}

static uint64_t get64(struct rd *r)
{
	uint64_t v = 0;
	if (r->bad || r->n - r->off < 8) {
		r->bad = 1;
		return 0;
	}
	memcpy(&v, r->p + r->off, 8);
	r->off += 8;
	return v;
}

/* A string of the file (pointing into it), NULL for none; *len its length. */
static const char *getstr_n(struct rd *r, size_t *len, int may_be_none)
{
	uint32_t n = get32(r);
	*len = 0;
	if (r->bad)
		return NULL;
	if (n == NO_STRING) {
		if (!may_be_none)
			r->bad = 1;
		return NULL;
	}
	if (r->n - r->off < (size_t)n + 1 || r->p[r->off + n] != '\0' ||
	    memchr(r->p + r->off, '\0', n) != NULL) {
		r->bad = 1;
		return NULL;
	}
	const char *s = r->p + r->off;
	r->off += (size_t)n + 1;
	*len = n;
	return s;
}

static const char *getstr(struct rd *r)
{
	size_t n;
	return getstr_n(r, &n, 0);
}

/* A string of the file: a copy, or (r->borrow) the file's own bytes. */
static char *dupstr(struct rd *r, int may_be_none)
{
	size_t n;
	const char *s = getstr_n(r, &n, may_be_none);
	if (s == NULL || r->borrow)
		return (char *)s;
	return xstrndup(s, n);
}

/* A count of things each at least min bytes long: not more than what is left. */
static size_t getcount(struct rd *r, size_t min)
{
	uint32_t n = get32(r);
	if (!r->bad && (size_t)n > (r->n - r->off) / min)
		r->bad = 1;
	return r->bad ? 0 : n;
}

/* Citations, after their count n. */
static void get_cites(struct rd *r, size_t n, struct lib_doc *e)
{
	if (!r->bad && n > (r->n - r->off) / (8 * 4))
		r->bad = 1;
	if (r->bad)
		n = 0;
	e->cites = n ? xcalloc(n, sizeof *e->cites) : NULL;
	e->ncites = 0;
	e->cites_loaded = 1;
	/* always copies: a document's citations are its own */
	int borrow = r->borrow;
	r->borrow = 0;
	for (size_t i = 0; i < n && !r->bad; i++, e->ncites++) {
		struct lib_cite *c = &e->cites[i];
		char **v[] = {&c->from_eid, &c->from_label, &c->symbol, &c->iri,
		              &c->part,     &c->eid,        &c->text,   &c->sentence};
		for (size_t k = 0; k < sizeof v / sizeof *v; k++)
			*v[k] = dupstr(r, k == 4 || k == 5);
	}
	r->borrow = borrow;
}

static void get_head(struct rd *r, struct lib_doc *e)
{
	memset(e, 0, sizeof *e);
	char **id[] = {&e->symbol, &e->work_iri, &e->lang, &e->date,
	               &e->type,   &e->doctype,  &e->title};
	for (size_t i = 0; i < sizeof id / sizeof *id; i++)
		*id[i] = dupstr(r, 0);
	uint32_t nc = get32(r);
	if (nc != NO_STRING)
		get_cites(r, nc, e);
	size_t n = getcount(r, 4 * 4 + 4);
	e->abolishes = n ? xcalloc(n, sizeof *e->abolishes) : NULL;
	for (size_t i = 0; i < n && !r->bad; i++, e->nabolishes++) {
		struct lib_abolish *a = &e->abolishes[i];
		a->symbol = dupstr(r, 0);
		a->iri = dupstr(r, 0);
		a->from_eid = dupstr(r, 0);
		a->from_label = dupstr(r, 0);
		a->passive = get32(r) != 0;
	}
	e->abolished_by = e->abolished_entry = LIB_NONE;
	e->borrowed = r->borrow;
}

/* Check the header and payload of a file of this kind; r is left after
 * circ's version. 0 or -1. */
static int open_rd(struct rd *r, const char *p, size_t n, int kind)
{
	r->p = p;
	r->n = n;
	r->off = 0;
	r->bad = 0;
	r->borrow = 0;
	if (n < HEADER_SIZE)
		return -1;
	uint64_t magic = get64(r), len;
	uint32_t version = get32(r), k = get32(r);
	len = get64(r);
	uint64_t h = get64(r);
	if (magic != MAGIC || version != FORMAT_VERSION || k != (uint32_t)kind ||
	    len != n - HEADER_SIZE || h != lix_hash(p + HEADER_SIZE, n - HEADER_SIZE))
		return -1;
	const char *v = getstr(r);
	return v && strcmp(v, CIRC_VERSION) == 0 ? 0 : -1;
}

/* The whole of dir/name (allocated, NUL after it), or NULL. */
static char *slurp(const char *dir, const char *name, size_t *n)
{
	char *path = xasprintf("%s/%s", dir, name);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	free(path);
	if (fd < 0)
		return NULL;
	struct stat st;
	char *buf = NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size <= MAX_FILE) {
		size_t want = (size_t)st.st_size, got = 0;
		buf = xmalloc(want + 1);
		while (got < want) {
			ssize_t k = read(fd, buf + got, want - got);
			if (k < 0 && errno == EINTR)
				continue;
			if (k <= 0)
				break;
			got += (size_t)k;
		}
		if (got != want) {
			free(buf);
			buf = NULL;
		} else {
			buf[want] = '\0';
			*n = want;
		}
	}
	close(fd);
	return buf;
}

static void read_catalog(struct rd *r, struct lix_catalog *c)
{
	c->stale = get32(r);
	size_t n = getcount(r, 4 + 8 * 8);
	c->v = n ? xcalloc(n, sizeof *c->v) : NULL;
	c->cap = n;
	for (size_t i = 0; i < n && !r->bad; i++) {
		struct lix_cat_entry *e = &c->v[i];
		r->borrow = 1;
		e->path = dupstr(r, 0);
		e->borrowed = 1;
		struct lix_key *k = &e->key;
		k->dev = get64(r);
		k->ino = get64(r);
		k->size = get64(r);
		k->mtime_s = (int64_t)get64(r);
		k->mtime_ns = (int64_t)get64(r);
		k->ctime_s = (int64_t)get64(r);
		k->ctime_ns = (int64_t)get64(r);
		k->hash = get64(r);
		get_head(r, &e->head);
		/* a catalogue's citations are in the citations file */
		if (e->head.cites_loaded)
			r->bad = 1;
		c->n++;
	}
	if (r->off != r->n)
		r->bad = 1;
	if (!r->bad && c->n > 1)
		qsort(c->v, c->n, sizeof *c->v, cmp_entry);
}

int lix_catalog_read(const char *dir, struct lix_catalog *c)
{
	memset(c, 0, sizeof *c);
	size_t n = 0;
	char *buf = slurp(dir, "catalog", &n);
	if (buf == NULL)
		return -1;
	struct rd r;
	int rc = -1;
	if (open_rd(&r, buf, n, 'c') == 0) {
		read_catalog(&r, c);
		rc = r.bad ? -1 : 0;
	}
	/* the entries' strings are the file's bytes */
	c->mem = buf;
	c->from_file = 1;
	if (rc != 0)
		lix_catalog_free(c);
	return rc;
}

/* Walk n citations without keeping them (they are checked as get_cites
 * would). */
static void skip_cites(struct rd *r)
{
	size_t n = getcount(r, 8 * 4);
	for (size_t i = 0; i < n && !r->bad; i++)
		for (int k = 0; k < 8; k++) {
			size_t len;
			getstr_n(r, &len, k == 4 || k == 5);
		}
}

/* The records of a citations file (r after circ's version): each one's
 * citations given to the entry of c with its path and hash that lacks
 * them: parsed (keep 0) or as their bytes in r (keep 1); keep 2 parses
 * every record's and keeps none (lix_parse). 0, or -1 at the first fault
 * (what came before it stays). */
static int read_citations(struct rd *r, struct lix_catalog *c, int keep)
{
	size_t k = getcount(r, 4 + 8 + 4 + 4);
	for (size_t i = 0; i < k && !r->bad; i++) {
		const char *path = getstr(r);
		uint64_t h = get64(r);
		uint32_t len = get32(r);
		if (r->bad || len > r->n - r->off) {
			r->bad = 1;
			break;
		}
		/* the record alone: its citations must end where it says */
		struct rd one = {r->p + r->off, len, 0, 0, 0};
		struct lix_cat_entry *e = lix_catalog_find(c, path);
		int wanted = e && e->key.hash == h && !e->head.cites_loaded && !e->cites_raw &&
		             (keep || !e->moved);
		struct lib_doc tmp;
		memset(&tmp, 0, sizeof tmp);
		if ((wanted && !keep) || keep == 2)
			get_cites(&one, get32(&one), &tmp);
		else
			skip_cites(&one);
		if (one.bad || one.off != one.n) {
			r->bad = 1;
			lix_doc_free(&tmp);
			break;
		}
		r->off += len;
		if (keep == 2) {
			lix_doc_free(&tmp);
		} else if (wanted && keep) {
			e->cites_raw = one.p;
			e->cites_rawlen = len;
		} else if (wanted) {
			e->head.cites = tmp.cites;
			e->head.ncites = tmp.ncites;
			e->head.cites_loaded = 1;
		}
	}
	return r->bad || r->off != r->n ? -1 : 0;
}

/* Read dir's citations file into c (keep: see read_citations). */
static int citations_from(const char *dir, struct lix_catalog *c, int keep)
{
	size_t n = 0;
	char *buf = slurp(dir, "citations", &n);
	if (buf == NULL)
		return -1;
	struct rd r;
	int rc = open_rd(&r, buf, n, 'r') == 0 ? read_citations(&r, c, keep) : -1;
	if (keep) {
		free(c->cites_mem);
		c->cites_mem = buf;
	} else {
		free(buf);
	}
	return rc;
}

int lix_citations_read(const char *dir, struct lix_catalog *c)
{
	return citations_from(dir, c, 0);
}

int lix_citations_keep(const char *dir, struct lix_catalog *c)
{
	return citations_from(dir, c, 1);
}

/* The body of an entry, pointing into r's bytes (which b then owns). */
static void read_body(struct rd *r, struct lix_body *b)
{
	size_t n = getcount(r, 3 * 4 + 2);
	b->nparts = n;
	b->eids = xcalloc(n ? n : 1, sizeof *b->eids);
	b->labels = xcalloc(n ? n : 1, sizeof *b->labels);
	b->kinds = xcalloc(n ? n : 1, 1);
	for (size_t i = 0; i < n && !r->bad; i++) {
		b->eids[i] = (char *)getstr(r);
		b->labels[i] = (char *)getstr(r);
		uint32_t k = get32(r);
		if (k > DOC_KIND_TABLE)
			r->bad = 1;
		b->kinds[i] = (unsigned char)k;
	}
	size_t nf = getcount(r, 4 * 4 + 2);
	b->f = xcalloc(nf ? nf : 1, sizeof *b->f);
	for (size_t i = 0; i < nf && !r->bad; i++) {
		struct lix_field *f = &b->f[i];
		f->part = get32(r);
		uint32_t field = get32(r);
		if (f->part >= n || field > SEARCH_TITLE)
			r->bad = 1;
		f->field = (enum search_field)field;
		f->text = getstr_n(r, &f->len, 0);
		f->folded = getstr_n(r, &f->flen, 0);
		b->nf++;
	}
	if (r->off != r->n)
		r->bad = 1;
}

/* Parse an entry's bytes (buf, which b takes when not NULL). 0 or -1. */
static int parse_entry(char *buf, size_t n, uint64_t h, int check_hash, struct lib_doc *e,
                       struct lix_body *b)
{
	struct rd r;
	struct lib_doc head;
	struct lix_body body;
	memset(&body, 0, sizeof body);
	if (open_rd(&r, buf, n, 'e') != 0)
		return -1;
	uint64_t stored = get64(&r);
	if (check_hash && stored != h)
		return -1;
	get_head(&r, &head);
	read_body(&r, &body);
	if (r.bad) {
		lix_doc_free(&head);
		body.mem = NULL;
		free(body.eids);
		free(body.labels);
		free(body.kinds);
		free(body.f);
		return -1;
	}
	if (e)
		*e = head;
	else
		lix_doc_free(&head);
	body.mem = buf;
	if (b)
		*b = body;
	else {
		body.mem = NULL;
		free(body.eids);
		free(body.labels);
		free(body.kinds);
		free(body.f);
	}
	return 0;
}

int lix_entry_read(const char *dir, uint64_t h, struct lib_doc *e, struct lix_body *b)
{
	char *name = entry_name(h);
	size_t n = 0;
	char *buf = slurp(dir, name, &n);
	free(name);
	if (buf == NULL)
		return -1;
	int rc = parse_entry(buf, n, h, 1, e, b);
	if (rc != 0 || b == NULL)
		free(buf);
	return rc;
}

int lix_parse(const char *bytes, size_t n, int kind)
{
	char *buf = xmalloc(n + 1);
	memcpy(buf, bytes, n);
	buf[n] = '\0';
	int rc;
	if (kind == 'c') {
		struct rd r;
		struct lix_catalog c;
		memset(&c, 0, sizeof c);
		rc = -1;
		if (open_rd(&r, buf, n, 'c') == 0) {
			read_catalog(&r, &c);
			rc = r.bad ? -1 : 0;
		}
		c.mem = buf;
		lix_catalog_free(&c);
	} else if (kind == 'r') {
		/* every record, as the reader walks them */
		struct rd r;
		struct lix_catalog c;
		memset(&c, 0, sizeof c);
		rc = open_rd(&r, buf, n, 'r') == 0 ? read_citations(&r, &c, 2) : -1;
		free(buf);
	} else {
		struct lix_body b;
		rc = parse_entry(buf, n, 0, 0, NULL, &b);
		if (rc == 0)
			lix_body_free(&b);
		else
			free(buf);
	}
	return rc;
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct lix_cat_entry *)a)->path,
	              ((const struct lix_cat_entry *)b)->path);
}

/* Where path is or would go in the sorted catalogue. */
static size_t cat_slot(const struct lix_catalog *c, const char *path, int *found)
{
	size_t lo = 0, hi = c->n;
	*found = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int r = strcmp(c->v[mid].path, path);
		if (r == 0) {
			*found = 1;
			return mid;
		}
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct lix_cat_entry *lix_catalog_find(struct lix_catalog *c, const char *path)
{
	int found;
	size_t k = cat_slot(c, path, &found);
	return found ? &c->v[k] : NULL;
}

/* A copy of the strings of head. */
void lix_doc_copy(struct lib_doc *to, const struct lib_doc *from)
{
	struct strbuf b = STRBUF_INIT;
	put_head(&b, from, from->cites_loaded);
	struct rd r = {b.s, b.len, 0, 0, 0};
	get_head(&r, to);
	sb_free(&b);
}

void lix_catalog_put(struct lix_catalog *c, const char *path, const struct lix_key *key,
                     const struct lib_doc *head)
{
	int found;
	size_t k = cat_slot(c, path, &found);
	struct lix_cat_entry *e;
	if (!found) {
		c->v = xgrowarray(c->v, &c->cap, c->n + 1, sizeof *c->v);
		memmove(&c->v[k + 1], &c->v[k], (c->n - k) * sizeof *c->v);
		c->n++;
		e = &c->v[k];
		e->path = xstrdup(path);
	} else {
		e = &c->v[k];
		if (!e->moved)
			lix_doc_free(&e->head);
		if (e->borrowed)
			e->path = xstrdup(path);
	}
	if (c->stale < UINT32_MAX)
		c->stale++;
	e->borrowed = e->moved = 0;
	e->cites_raw = NULL;
	e->cites_rawlen = 0;
	e->key = *key;
	lix_doc_copy(&e->head, head);
	c->dirty = 1;
}

int lix_catalog_needs_citations(const struct lix_catalog *c)
{
	size_t most = c->n / 32 > 8 ? c->n / 32 : 8;
	return !c->from_file || c->stale > most;
}

void lix_catalog_add_bare(struct lix_catalog *c, const char *path, uint64_t hash)
{
	int found;
	size_t k = cat_slot(c, path, &found);
	if (found)
		return;
	c->v = xgrowarray(c->v, &c->cap, c->n + 1, sizeof *c->v);
	memmove(&c->v[k + 1], &c->v[k], (c->n - k) * sizeof *c->v);
	c->n++;
	memset(&c->v[k], 0, sizeof c->v[k]);
	c->v[k].path = xstrdup(path);
	c->v[k].key.hash = hash;
	c->v[k].head.abolished_by = c->v[k].head.abolished_entry = LIB_NONE;
}

void lix_catalog_prune(struct lix_catalog *c)
{
	size_t k = 0;
	for (size_t i = 0; i < c->n; i++) {
		struct lix_cat_entry *e = &c->v[i];
		struct stat st;
		if (e->moved || stat(e->path, &st) == 0) {
			c->v[k++] = *e;
			continue;
		}
		if (!e->borrowed)
			free(e->path);
		lix_doc_free(&e->head);
		c->dirty = 1;
	}
	c->n = k;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

void lix_gc(const char *dir, const struct lix_catalog *c, long min_age)
{
	DIR *dp = opendir(dir);
	if (dp == NULL)
		return;
	uint64_t *keep = xcalloc(c->n ? c->n : 1, sizeof *keep);
	for (size_t i = 0; i < c->n; i++)
		keep[i] = c->v[i].key.hash;
	qsort(keep, c->n, sizeof *keep, cmp_u64);
	time_t now = time(NULL);
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		const char *n = de->d_name;
		size_t len = strlen(n);
		unsigned long long h = 0;
		int entry = len == 19 && strcmp(n + 16, ".cx") == 0 && sscanf(n, "%16llx", &h) == 1;
		/* a temporary file a process did not get to rename */
		int stale_tmp = n[0] == '.' && strchr(n + 1, '.') != NULL && strcmp(n, "..") != 0;
		if (!entry && !stale_tmp)
			continue;
		uint64_t hv = h;
		if (entry && bsearch(&hv, keep, c->n, sizeof *keep, cmp_u64))
			continue;
		char *path = xasprintf("%s/%s", dir, n);
		struct stat st;
		/* old enough that no process is about to name it in a catalogue */
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) && now - st.st_mtime >= min_age)
			unlink(path);
		free(path);
	}
	closedir(dp);
	free(keep);
}

void lix_catalog_free(struct lix_catalog *c)
{
	for (size_t i = 0; i < c->n; i++) {
		if (!c->v[i].borrowed)
			free(c->v[i].path);
		if (!c->v[i].moved)
			lix_doc_free(&c->v[i].head);
	}
	free(c->v);
	free(c->mem);
	free(c->cites_mem);
	memset(c, 0, sizeof *c);
}
