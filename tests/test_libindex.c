/* test_libindex.c: the library's index files (libindex.h): an entry and a
 * catalogue read back as written, field by field; every truncation and
 * every single-byte change of a file rejected; files whose checksum is
 * right but whose counts, lengths, indexes or kinds are hostile rejected
 * without reading outside the file (run it in the sanitizer build); the
 * content hash and the file key. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "circ/libindex.h"
#include "circ/xalloc.h"
#include "testutil.h"

#define HEADER 32u

/* What the tests share: the bulletin's head and body, written once. */
struct fixture {
	struct doc *d;
	struct lib_doc head;
	struct lix_body body;
	char dir[64];
	uint64_t h;
	char *entry; /* the entry file's bytes */
	size_t nentry;
};

static char *slurp(const char *path, size_t *n)
{
	int fd = open(path, O_RDONLY);
	assert_true(fd >= 0);
	struct stat st;
	assert_int_equal(fstat(fd, &st), 0);
	char *b = xmalloc((size_t)st.st_size + 1);
	assert_int_equal(read(fd, b, (size_t)st.st_size), st.st_size);
	close(fd);
	*n = (size_t)st.st_size;
	return b;
}

static char *entry_path(const struct fixture *fx, uint64_t h)
{
	return xasprintf("%s/%016llx.cx", fx->dir, (unsigned long long)h);
}

static int setup(void **state)
{
	void *d;
	if (load_bulletin(&d) != 0)
		return -1;
	struct fixture *fx = xcalloc(1, sizeof *fx);
	fx->d = d;
	lix_from_doc(fx->d, &fx->head, &fx->body);
	/* the bulletin abolishes nothing and its citations name no part:
	 * give the head what the format must carry too */
	fx->head.abolishes = xcalloc(2, sizeof *fx->head.abolishes);
	fx->head.nabolishes = 2;
	fx->head.abolishes[0] = (struct lib_abolish){
	    xstrdup("ST/SGB/1997/5"), xstrdup("/akn/un/statement/bulletin/1997-01-01/5"),
	    xstrdup("sec_9__para_9-1"), xstrdup("9.1"), 0};
	fx->head.abolishes[1] = (struct lib_abolish){xstrdup("ST/SGB/2012/3"), xstrdup(""),
	                                             xstrdup(""), xstrdup(""), 1};
	if (fx->head.ncites == 0)
		return -1;
	fx->head.cites[0].part = xstrdup("3.2");
	fx->head.cites[0].eid = xstrdup("sec_3__para_3-2");
	strcpy(fx->dir, "/tmp/test_libindex.XXXXXX");
	if (mkdtemp(fx->dir) == NULL)
		return -1;
	fx->h = 0x0123456789abcdefull;
	if (lix_entry_write(fx->dir, fx->h, &fx->head, &fx->body) != 0)
		return -1;
	char *p = entry_path(fx, fx->h);
	fx->entry = slurp(p, &fx->nentry);
	free(p);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	char *cmd = xasprintf("rm -rf '%s'", fx->dir);
	if (system(cmd) != 0)
		return -1;
	free(cmd);
	free(fx->entry);
	lix_doc_free(&fx->head);
	lix_body_free(&fx->body);
	void *d = fx->d;
	free(fx);
	return free_bulletin(&d);
}

/* Two strings equal, NULL only with NULL. */
static void same_str(const char *what, size_t i, const char *a, const char *b)
{
	if (a == NULL && b == NULL)
		return;
	if (a == NULL || b == NULL || strcmp(a, b) != 0)
		fail_msg("%s %zu: \"%s\" read back as \"%s\"", what, i, a ? a : "(none)",
		         b ? b : "(none)");
}

static void same_head(const struct lib_doc *a, const struct lib_doc *b)
{
	same_str("symbol", 0, a->symbol, b->symbol);
	same_str("work IRI", 0, a->work_iri, b->work_iri);
	same_str("language", 0, a->lang, b->lang);
	same_str("date", 0, a->date, b->date);
	same_str("type", 0, a->type, b->type);
	same_str("doctype", 0, a->doctype, b->doctype);
	same_str("title", 0, a->title, b->title);
	assert_int_equal(a->ncites, b->ncites);
	for (size_t i = 0; i < a->ncites; i++) {
		const struct lib_cite *x = &a->cites[i], *y = &b->cites[i];
		same_str("cite from_eid", i, x->from_eid, y->from_eid);
		same_str("cite from_label", i, x->from_label, y->from_label);
		same_str("cite symbol", i, x->symbol, y->symbol);
		same_str("cite iri", i, x->iri, y->iri);
		same_str("cite part", i, x->part, y->part);
		same_str("cite eid", i, x->eid, y->eid);
		same_str("cite text", i, x->text, y->text);
		same_str("cite sentence", i, x->sentence, y->sentence);
	}
	assert_int_equal(a->nabolishes, b->nabolishes);
	for (size_t i = 0; i < a->nabolishes; i++) {
		const struct lib_abolish *x = &a->abolishes[i], *y = &b->abolishes[i];
		same_str("abolish symbol", i, x->symbol, y->symbol);
		same_str("abolish iri", i, x->iri, y->iri);
		same_str("abolish from_eid", i, x->from_eid, y->from_eid);
		same_str("abolish from_label", i, x->from_label, y->from_label);
		assert_int_equal(x->passive, y->passive);
	}
}

static void entry_round_trip(void **state)
{
	struct fixture *fx = *state;
	struct lib_doc e;
	struct lix_body b;
	assert_int_equal(lix_entry_read(fx->dir, fx->h, &e, &b), 0);
	same_head(&fx->head, &e);
	assert_string_equal(e.symbol, "ST/SGB/2010/2");
	assert_true(e.ncites >= 5);
	assert_int_equal(b.nparts, fx->d->nparts + 1);
	assert_int_equal(b.nparts, fx->body.nparts);
	for (size_t i = 0; i < b.nparts; i++) {
		same_str("part eid", i, fx->body.eids[i], b.eids[i]);
		same_str("part label", i, fx->body.labels[i], b.labels[i]);
		assert_int_equal(fx->body.kinds[i], b.kinds[i]);
	}
	assert_int_equal(b.nf, fx->body.nf);
	assert_true(b.nf > fx->d->nparts);
	for (size_t i = 0; i < b.nf; i++) {
		const struct lix_field *x = &fx->body.f[i], *y = &b.f[i];
		assert_int_equal(x->part, y->part);
		assert_int_equal(x->field, y->field);
		assert_int_equal(x->len, y->len);
		assert_int_equal(x->flen, y->flen);
		assert_memory_equal(x->text, y->text, x->len + 1);
		assert_memory_equal(x->folded, y->folded, x->flen + 1);
	}
	/* the head alone, the body alone */
	struct lib_doc e2;
	assert_int_equal(lix_entry_read(fx->dir, fx->h, &e2, NULL), 0);
	same_head(&fx->head, &e2);
	lix_doc_free(&e2);
	struct lix_body b2;
	assert_int_equal(lix_entry_read(fx->dir, fx->h, NULL, &b2), 0);
	assert_int_equal(b2.nf, b.nf);
	lix_body_free(&b2);
	lix_doc_free(&e);
	lix_body_free(&b);
}

/* An entry is found by the hash it was made for, and only by it: a file
 * renamed to another hash's name is not that hash's entry. */
static void entry_named_by_hash(void **state)
{
	struct fixture *fx = *state;
	struct lib_doc e;
	assert_int_equal(lix_entry_read(fx->dir, fx->h + 1, &e, NULL), -1);
	char *from = entry_path(fx, fx->h), *to = entry_path(fx, fx->h + 1);
	int fd = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, fx->entry, fx->nentry), (ssize_t)fx->nentry);
	close(fd);
	assert_int_equal(lix_entry_read(fx->dir, fx->h + 1, &e, NULL), -1);
	unlink(to);
	free(from);
	free(to);
}

static struct lix_key key_of(int i)
{
	struct lix_key k = {(uint64_t)(100 + i),   (uint64_t)(2000 + i),
	                    (uint64_t)(30000 + i), 1700000000 + i,
	                    123456789 - i,         1700000100 + i,
	                    987654321 - i,         0xfedcba9876543210ull ^ (uint64_t)i};
	return k;
}

static void catalog_round_trip(void **state)
{
	struct fixture *fx = *state;
	/* put out of order: the catalogue is kept sorted by path */
	const char *paths[] = {"/srv/lib/b.xml", "/home/u/a.xml", "/srv/lib/a.xml"};
	const char *sorted[] = {"/home/u/a.xml", "/srv/lib/a.xml", "/srv/lib/b.xml"};
	struct lix_catalog c;
	memset(&c, 0, sizeof c);
	for (int i = 0; i < 3; i++) {
		struct lix_key k = key_of(i);
		lix_catalog_put(&c, paths[i], &k, &fx->head);
	}
	assert_true(c.dirty);
	assert_int_equal(c.n, 3);
	for (int i = 0; i < 3; i++)
		assert_string_equal(c.v[i].path, sorted[i]);
	char *dir = xasprintf("%s/cat", fx->dir);
	assert_int_equal(lix_catalog_write(dir, &c), 0);
	struct lix_catalog r;
	assert_int_equal(lix_catalog_read(dir, &r), 0);
	assert_int_equal(r.n, 3);
	assert_false(r.dirty);
	for (int i = 0; i < 3; i++)
		assert_string_equal(r.v[i].path, sorted[i]);
	/* the citations are in their own file, read when asked for */
	for (int i = 0; i < 3; i++) {
		assert_false(r.v[i].head.cites_loaded);
		assert_int_equal(r.v[i].head.ncites, 0);
	}
	assert_int_equal(lix_citations_read(dir, &r), 0);
	for (int i = 0; i < 3; i++) {
		struct lix_cat_entry *ce = lix_catalog_find(&r, paths[i]);
		assert_non_null(ce);
		assert_string_equal(ce->path, paths[i]);
		struct lix_key k = key_of(i);
		assert_memory_equal(&ce->key, &k, sizeof k);
		same_head(&fx->head, &ce->head);
	}
	assert_null(lix_catalog_find(&r, "/srv/lib/c.xml"));
	assert_null(lix_catalog_find(&r, "/home/u/a.xm"));
	assert_null(lix_catalog_find(&r, ""));
	/* replacing an entry keeps one entry for the path */
	struct lix_key k = key_of(7);
	lix_catalog_put(&r, "/srv/lib/a.xml", &k, &fx->head);
	assert_int_equal(r.n, 3);
	assert_int_equal(lix_catalog_find(&r, "/srv/lib/a.xml")->key.ino, k.ino);
	lix_catalog_free(&r);
	lix_catalog_free(&c);
	/* none there: an empty catalogue and -1 */
	char *none = xasprintf("%s/none", fx->dir);
	assert_int_equal(lix_catalog_read(none, &r), -1);
	assert_int_equal(r.n, 0);
	free(none);
	free(dir);
}

/* The catalogue file of 3 paths (allocated) and its size. */
static char *catalog_bytes(struct fixture *fx, size_t *n)
{
	struct lix_catalog c;
	memset(&c, 0, sizeof c);
	const char *paths[] = {"/srv/lib/b.xml", "/home/u/a.xml", "/srv/lib/a.xml"};
	for (int i = 0; i < 3; i++) {
		struct lix_key k = key_of(i);
		lix_catalog_put(&c, paths[i], &k, &fx->head);
	}
	char *dir = xasprintf("%s/cat2", fx->dir);
	assert_int_equal(lix_catalog_write(dir, &c), 0);
	lix_catalog_free(&c);
	char *p = xasprintf("%s/catalog", dir);
	char *b = slurp(p, n);
	free(p);
	free(dir);
	return b;
}

static void truncations_rejected(void **state)
{
	struct fixture *fx = *state;
	assert_int_equal(lix_parse(fx->entry, fx->nentry, 'e'), 0);
	assert_int_equal(lix_parse(fx->entry, fx->nentry, 'c'), -1);
	for (size_t n = 0; n < fx->nentry; n++)
		if (lix_parse(fx->entry, n, 'e') != -1)
			fail_msg("the entry cut to %zu of %zu bytes was accepted", n, fx->nentry);
	size_t nc;
	char *cat = catalog_bytes(fx, &nc);
	assert_int_equal(lix_parse(cat, nc, 'c'), 0);
	assert_int_equal(lix_parse(cat, nc, 'e'), -1);
	for (size_t n = 0; n < nc; n++)
		if (lix_parse(cat, n, 'c') != -1)
			fail_msg("the catalogue cut to %zu of %zu bytes was accepted", n, nc);
	free(cat);
	/* a truncated file on disk: ignored */
	char *p = entry_path(fx, fx->h);
	assert_int_equal(truncate(p, (off_t)fx->nentry - 1), 0);
	struct lib_doc e;
	assert_int_equal(lix_entry_read(fx->dir, fx->h, &e, NULL), -1);
	int fd = open(p, O_WRONLY | O_TRUNC);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, fx->entry, fx->nentry), (ssize_t)fx->nentry);
	close(fd);
	assert_int_equal(lix_entry_read(fx->dir, fx->h, &e, NULL), 0);
	lix_doc_free(&e);
	free(p);
}

/* Every byte of buf (n) changed in turn (xor 0x01): never accepted. */
static void flips(char *buf, size_t n, int kind, const char *what)
{
	for (size_t i = 0; i < n; i++) {
		buf[i] ^= 0x01;
		int rc = lix_parse(buf, n, kind);
		buf[i] ^= 0x01;
		if (rc != -1)
			fail_msg("the %s with byte %zu of %zu changed was accepted", what, i, n);
	}
	assert_int_equal(lix_parse(buf, n, kind), 0);
}

static void byte_changes_rejected(void **state)
{
	struct fixture *fx = *state;
	char *b = xmalloc(fx->nentry);
	memcpy(b, fx->entry, fx->nentry);
	flips(b, fx->nentry, 'e', "entry");
	free(b);
	size_t nc;
	char *cat = catalog_bytes(fx, &nc);
	flips(cat, nc, 'c', "catalogue");
	free(cat);
}

/* ---- files with a right checksum and hostile content ---- */

/* A copy of file with its header made right again for its payload (the
 * length and the hash, as libindex.c's top comment describes them). */
static void reseal(char *b, size_t n)
{
	uint64_t len = n - HEADER, h = lix_hash(b + HEADER, n - HEADER);
	memcpy(b + 16, &len, 8);
	memcpy(b + 24, &h, 8);
}

static uint32_t rd32(const char *b, size_t off)
{
	uint32_t v;
	memcpy(&v, b + off, 4);
	return v;
}

static void wr32(char *b, size_t off, uint32_t v)
{
	memcpy(b + off, &v, 4);
}

/* The offset after the string at off. */
static size_t skip_str(const char *b, size_t off)
{
	uint32_t n = rd32(b, off);
	return n == 0xffffffffu ? off + 4 : off + 4 + n + 1;
}

/* Where the entry's numbers are. */
struct layout {
	size_t version, symbol, ncites, cite0_part, nabolishes, nparts, part0_label, part1_kind, nf,
	    field0_part, field0_field, field0_len, field0_flen;
};

static void entry_layout(const char *b, size_t n, struct layout *l)
{
	memset(l, 0, sizeof *l);
	size_t off = HEADER;
	l->version = off;
	off = skip_str(b, off);
	off += 8; /* the content's hash */
	l->symbol = off;
	for (int i = 0; i < 7; i++)
		off = skip_str(b, off);
	l->ncites = off;
	uint32_t nc = rd32(b, off);
	off += 4;
	for (uint32_t i = 0; i < nc; i++)
		for (int k = 0; k < 8; k++) {
			if (i == 0 && k == 4)
				l->cite0_part = off;
			off = skip_str(b, off);
		}
	l->nabolishes = off;
	uint32_t na = rd32(b, off);
	off += 4;
	for (uint32_t i = 0; i < na; i++) {
		for (int k = 0; k < 4; k++)
			off = skip_str(b, off);
		off += 4;
	}
	l->nparts = off;
	uint32_t np = rd32(b, off);
	off += 4;
	for (uint32_t i = 0; i < np; i++) {
		off = skip_str(b, off);
		if (i == 0)
			l->part0_label = off;
		off = skip_str(b, off);
		if (i == 1)
			l->part1_kind = off;
		off += 4;
	}
	l->nf = off;
	uint32_t nf = rd32(b, off);
	off += 4;
	l->field0_part = off;
	l->field0_field = off + 4;
	l->field0_len = off + 8;
	l->field0_flen = skip_str(b, off + 8);
	for (uint32_t i = 0; i < nf; i++) {
		off += 8;
		off = skip_str(b, off);
		off = skip_str(b, off);
	}
	assert_int_equal(off, n);
	assert_true(nc > 0 && np > 1 && nf > 0);
}

/* The entry with n bytes at off replaced by v, resealed: rejected. */
static void hostile(const struct fixture *fx, size_t off, const void *v, size_t n, const char *what)
{
	char *b = xmalloc(fx->nentry);
	memcpy(b, fx->entry, fx->nentry);
	reseal(b, fx->nentry);
	/* resealing alone keeps it valid: the edit is what is rejected */
	assert_int_equal(lix_parse(b, fx->nentry, 'e'), 0);
	memcpy(b + off, v, n);
	reseal(b, fx->nentry);
	if (lix_parse(b, fx->nentry, 'e') != -1)
		fail_msg("an entry with %s (at byte %zu) was accepted", what, off);
	free(b);
}

/* The entry with the 32-bit number at off set to v, resealed: rejected. */
static void hostile32(const struct fixture *fx, size_t off, uint32_t v, const char *what)
{
	hostile(fx, off, &v, 4, what);
}

static void hostile_entries(void **state)
{
	struct fixture *fx = *state;
	struct layout l;
	entry_layout(fx->entry, fx->nentry, &l);
	size_t rest = fx->nentry - l.symbol;
	/* counts */
	hostile32(fx, l.ncites, 0xffffffffu, "a citation count of 2^32-1");
	hostile32(fx, l.ncites, rd32(fx->entry, l.ncites) + 1, "one citation more");
	hostile32(fx, l.nabolishes, 0xffffffffu, "an abolition count of 2^32-1");
	hostile32(fx, l.nabolishes, 3, "one abolition more");
	hostile32(fx, l.nparts, 0xffffffffu, "a part count of 2^32-1");
	hostile32(fx, l.nparts, rd32(fx->entry, l.nparts) + 1, "one part more");
	hostile32(fx, l.nparts, 0, "no parts");
	hostile32(fx, l.nf, 0xffffffffu, "a field count of 2^32-1");
	hostile32(fx, l.nf, rd32(fx->entry, l.nf) + 1, "one field more");
	/* string lengths */
	hostile32(fx, l.symbol, (uint32_t)rest, "a string as long as the rest of the file");
	hostile32(fx, l.symbol, (uint32_t)rest - 4, "a string up to the last byte");
	hostile32(fx, l.symbol, 0xfffffffeu, "a string of 2^32-2 bytes");
	hostile32(fx, l.symbol, 0xffffffffu, "no symbol");
	hostile32(fx, l.symbol, rd32(fx->entry, l.symbol) + 1, "a string without its NUL");
	hostile32(fx, l.symbol, rd32(fx->entry, l.symbol) - 1, "a string one byte short");
	hostile(fx, l.symbol + 4 + 3, "", 1, "a string with a NUL inside");
	hostile32(fx, l.version, 0xffffffffu, "no version of circ");
	hostile32(fx, l.part0_label, 0xffffffffu, "no label");
	hostile32(fx, l.field0_len, 0x7fffffffu, "a text past the end");
	hostile32(fx, l.field0_flen, (uint32_t)(fx->nentry - l.field0_flen),
	          "a folded text past the end");
	/* indexes and kinds */
	uint32_t np = rd32(fx->entry, l.nparts);
	hostile32(fx, l.field0_part, np, "a field of part nparts");
	hostile32(fx, l.field0_part, 0xffffffffu, "a field of part 2^32-1");
	hostile32(fx, l.field0_field, SEARCH_TITLE + 1, "a field kind past the last");
	hostile32(fx, l.field0_field, 0xffffffffu, "a field kind of 2^32-1");
	hostile32(fx, l.part1_kind, DOC_KIND_TABLE + 1, "a part kind past the last");
	hostile32(fx, l.part1_kind, 0xffffffffu, "a part kind of 2^32-1");
	/* the cited part may be none; a citation's text may not */
	assert_int_equal(rd32(fx->entry, l.cite0_part), 3);
	size_t text = l.cite0_part + 4 + 3 + 1 + 4 + strlen("sec_3__para_3-2") + 1;
	hostile32(fx, text, 0xffffffffu, "a citation with no text");
}

/* Bytes after the end, and a header that lies about the file. */
static void hostile_headers(void **state)
{
	struct fixture *fx = *state;
	size_t n = fx->nentry;
	char *b = xmalloc(n + 8);
	memcpy(b, fx->entry, n);
	memset(b + n, 0, 8);
	reseal(b, n + 8);
	assert_int_equal(lix_parse(b, n + 8, 'e'), -1); /* trailing bytes */
	memcpy(b, fx->entry, n);
	uint64_t len = UINT64_MAX;
	memcpy(b + 16, &len, 8);
	assert_int_equal(lix_parse(b, n, 'e'), -1);
	len = n - HEADER - 1;
	memcpy(b + 16, &len, 8);
	assert_int_equal(lix_parse(b, n, 'e'), -1);
	/* another kind, format version, magic: rejected though sealed */
	for (size_t off = 0; off < 16; off++) {
		memcpy(b, fx->entry, n);
		b[off] ^= 0x20;
		reseal(b, n);
		if (lix_parse(b, n, 'e') != -1)
			fail_msg("an entry with header byte %zu changed was accepted", off);
	}
	free(b);
	/* a catalogue of 2^32-1 entries, one entry too many, a path too long */
	size_t nc;
	char *cat = catalog_bytes(fx, &nc);
	/* after circ's version: the entries put since the citations were
	 * written, then the count */
	size_t count = skip_str(cat, HEADER) + 4;
	assert_int_equal(rd32(cat, count), 3);
	uint32_t bad[] = {0xffffffffu, 4, 0};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char *c = xmalloc(nc);
		memcpy(c, cat, nc);
		wr32(c, count, bad[i]);
		reseal(c, nc);
		if (lix_parse(c, nc, 'c') != -1)
			fail_msg("a catalogue claiming %u entries was accepted", bad[i]);
		memcpy(c, cat, nc);
		wr32(c, count + 4, (uint32_t)(nc - count - 8) + bad[i]);
		reseal(c, nc);
		if (lix_parse(c, nc, 'c') != -1)
			fail_msg("a catalogue whose first path is %u bytes too long was accepted",
			         bad[i]);
		free(c);
	}
	free(cat);
}

static void hash_tells_bytes_apart(void **state)
{
	(void)state;
	unsigned char a[100], b[100];
	for (int i = 0; i < 100; i++)
		a[i] = (unsigned char)(i * 37 + 11);
	memcpy(b, a, sizeof a);
	uint64_t h = lix_hash(a, sizeof a);
	assert_true(h == lix_hash(b, sizeof b));
	assert_true(h == lix_hash(a, sizeof a));
	for (int i = 0; i < 100; i++) {
		for (int bit = 0; bit < 8; bit++) {
			b[i] ^= (unsigned char)(1u << bit);
			if (lix_hash(b, sizeof b) == h)
				fail_msg("changing bit %d of byte %d keeps the hash", bit, i);
			b[i] ^= (unsigned char)(1u << bit);
		}
		b[i] = 0;
		if (a[i] != 0 && lix_hash(b, sizeof b) == h)
			fail_msg("zeroing byte %d keeps the hash", i);
		b[i] = a[i];
	}
	assert_true(lix_hash(b, sizeof b) == h);
	/* the prefixes of a buffer of zeros all differ (the length counts) */
	unsigned char z[100] = {0};
	uint64_t seen[101];
	for (int n = 0; n <= 100; n++) {
		seen[n] = lix_hash(z, (size_t)n);
		for (int m = 0; m < n; m++)
			if (seen[m] == seen[n])
				fail_msg("%d and %d zero bytes hash alike", m, n);
	}
}

static void stat_fills_key(void **state)
{
	struct fixture *fx = *state;
	char *p = xasprintf("%s/stat.xml", fx->dir);
	int fd = open(p, O_RDWR | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "0123456789", 10), 10);
	struct timespec ts[2] = {{1300000000, 111111111}, {1300000000, 123456789}};
	assert_int_equal(futimens(fd, ts), 0);
	struct lix_key k;
	memset(&k, 0xaa, sizeof k);
	assert_int_equal(lix_stat(p, &k), 0);
	struct stat st;
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(k.size, 10);
	assert_int_equal(k.dev, (uint64_t)st.st_dev);
	assert_int_equal(k.ino, (uint64_t)st.st_ino);
	assert_int_equal(k.mtime_s, 1300000000);
	assert_int_equal(k.mtime_ns, 123456789);
	assert_int_equal(k.ctime_s, (int64_t)st.st_ctim.tv_sec);
	assert_int_equal(k.ctime_ns, (int64_t)st.st_ctim.tv_nsec);
	assert_int_equal(k.hash, 0);
	close(fd);
	/* a directory, and a file that is gone, have no key */
	assert_int_equal(lix_stat(fx->dir, &k), -1);
	unlink(p);
	assert_int_equal(lix_stat(p, &k), -1);
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(entry_round_trip),      cmocka_unit_test(entry_named_by_hash),
	    cmocka_unit_test(catalog_round_trip),    cmocka_unit_test(truncations_rejected),
	    cmocka_unit_test(byte_changes_rejected), cmocka_unit_test(hostile_entries),
	    cmocka_unit_test(hostile_headers),       cmocka_unit_test(hash_tells_bytes_apart),
	    cmocka_unit_test(stat_fills_key),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
