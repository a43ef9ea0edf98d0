/* fuzz_index.c: libFuzzer target for the reader of the library's index
 * files (libindex.h). Each input is read four ways: as a whole catalogue
 * file, a whole citations file and a whole entry file (lix_parse: nearly
 * always stopped by the checksum), then as the payload of each behind a
 * header made right for it (magic, format version, kind, length, hash: the
 * format of libindex.c's top comment), so that what lies behind the
 * checksum is read too. Whatever the bytes: never a crash, a leak or a read
 * outside them; a file accepted by lix_parse is accepted by
 * lix_catalog_read / lix_entry_read from a directory and the other way
 * round; and what those give is whole: every string there and ending at
 * its length, every part's kind and every field's part and kind in range,
 * every text inside the file, a part's label can be made, the catalogue
 * sorted and each of its paths found; what was read, written again, is
 * a file of the same size (no byte was accepted that means nothing) and
 * reads back alike. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "circ/doc.h"
#include "circ/libindex.h"
#include "circ/xalloc.h"
#include "libindex_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define HEADER 32u

/* The 32-byte header of a file of this kind whose payload is p (n bytes):
 * the magic "CCIRCIX" 1 written as a number, the format version 2, the
 * kind, the payload's length and its hash, in the machine's order. */
static void seal(unsigned char *out, const uint8_t *p, size_t n, int kind)
{
	uint64_t magic = 0x0158494352494343ull, len = n, h = lix_hash(p, n);
	uint32_t version = 2, k = (uint32_t)kind;
	memcpy(out, &magic, 8);
	memcpy(out + 8, &version, 4);
	memcpy(out + 12, &k, 4);
	memcpy(out + 16, &len, 8);
	memcpy(out + 24, &h, 8);
	memcpy(out + HEADER, p, n);
}

static char dir[64];

static void cleanup(void)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz_index: cannot remove %s\n", dir);
	free(cmd);
}

/* A directory of its own for the files this process writes. */
static void make_dir(void)
{
	if (dir[0])
		return;
	snprintf(dir, sizeof dir, "%s/fuzz_index.XXXXXX",
	         access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if (mkdtemp(dir) == NULL)
		abort();
	atexit(cleanup);
}

/* The size of the file name in the directory. */
static size_t file_size(const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct stat st;
	if (stat(path, &st) != 0)
		abort();
	free(path);
	return (size_t)st.st_size;
}

static void put_file(const char *name, const unsigned char *b, size_t n)
{
	char *path = xasprintf("%s/%s", dir, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, b, n) != (ssize_t)n || close(fd) != 0)
		abort();
	free(path);
}

/* A string that must be there: NUL-terminated (its length is what the
 * sanitizers check). */
static void str(const char *s)
{
	if (s == NULL)
		abort();
	(void)strlen(s);
}

static void check_head(const struct lib_doc *e)
{
	const char *id[] = {e->symbol, e->work_iri, e->lang, e->date,
	                    e->type,   e->doctype,  e->title};
	for (size_t i = 0; i < sizeof id / sizeof *id; i++)
		str(id[i]);
	if ((e->ncites == 0) != (e->cites == NULL) ||
	    (e->nabolishes == 0) != (e->abolishes == NULL))
		abort();
	for (size_t i = 0; i < e->ncites; i++) {
		const struct lib_cite *c = &e->cites[i];
		const char *v[] = {c->from_eid, c->from_label, c->symbol,
		                   c->iri,      c->text,       c->sentence};
		for (size_t k = 0; k < sizeof v / sizeof *v; k++)
			str(v[k]);
		if (c->part)
			str(c->part);
		if (c->eid)
			str(c->eid);
	}
	for (size_t i = 0; i < e->nabolishes; i++) {
		const struct lib_abolish *a = &e->abolishes[i];
		str(a->symbol);
		str(a->iri);
		str(a->from_eid);
		str(a->from_label);
		if (a->passive != 0 && a->passive != 1)
			abort();
	}
	/* a copy of the head is the head */
	struct lib_doc c;
	lix_doc_copy(&c, e);
	if (strcmp(c.symbol, e->symbol) != 0 || strcmp(c.title, e->title) != 0 ||
	    c.ncites != e->ncites || c.nabolishes != e->nabolishes)
		abort();
	lix_doc_free(&c);
}

/* Is [s, s + len] inside the file's n bytes at mem? */
static int inside(const char *s, size_t len, const char *mem, size_t n)
{
	return s >= mem && s < mem + n && len < (size_t)(mem + n - s);
}

/* An entry file (f, n) accepted by lix_parse: read it as circ does. */
static void check_entry(const unsigned char *f, size_t n)
{
	/* the content's hash it is made for: after circ's version */
	uint32_t vlen;
	memcpy(&vlen, f + HEADER, 4);
	uint64_t h;
	memcpy(&h, f + HEADER + 4 + vlen + 1, 8);
	char name[32];
	snprintf(name, sizeof name, "%016llx.cx", (unsigned long long)h);
	put_file(name, f, n);
	struct lib_doc e;
	struct lix_body b;
	if (lix_entry_read(dir, h, &e, &b) != 0)
		abort(); /* lix_parse accepted it */
	check_head(&e);
	for (size_t i = 0; i < b.nparts; i++) {
		str(b.eids[i]);
		str(b.labels[i]);
		if (b.kinds[i] > DOC_KIND_TABLE)
			abort();
		char *l = lix_label(&b, i);
		str(l);
		free(l);
	}
	for (size_t i = 0; i < b.nf; i++) {
		const struct lix_field *fd = &b.f[i];
		if (fd->part >= b.nparts || fd->field > SEARCH_TITLE)
			abort();
		if (!inside(fd->text, fd->len, b.mem, n) ||
		    !inside(fd->folded, fd->flen, b.mem, n) || fd->text[fd->len] != '\0' ||
		    strlen(fd->text) != fd->len || fd->folded[fd->flen] != '\0' ||
		    strlen(fd->folded) != fd->flen)
			abort();
	}
	/* and read with another hash, or the head alone */
	if (lix_entry_read(dir, h + 1, NULL, NULL) == 0)
		abort();
	struct lib_doc e2;
	if (lix_entry_read(dir, h, &e2, NULL) != 0 || e2.ncites != e.ncites)
		abort();
	lix_doc_free(&e2);
	/* written again: as long as what was read (nothing more was accepted) */
	if (lix_entry_write(dir, h, &e, &b) != 0 || file_size(name) != n)
		abort();
	lix_doc_free(&e);
	lix_body_free(&b);
	char *path = xasprintf("%s/%s", dir, name);
	unlink(path);
	free(path);
}

/* A catalogue file (f, n) accepted by lix_parse: read it as circ does. */
static void check_catalog(const unsigned char *f, size_t n)
{
	put_file("catalog", f, n);
	struct lix_catalog c;
	if (lix_catalog_read(dir, &c) != 0)
		abort(); /* lix_parse accepted it */
	for (size_t i = 0; i < c.n; i++) {
		str(c.v[i].path);
		if (i > 0 && strcmp(c.v[i - 1].path, c.v[i].path) > 0)
			abort(); /* not sorted */
		struct lix_cat_entry *ce = lix_catalog_find(&c, c.v[i].path);
		if (ce == NULL || strcmp(ce->path, c.v[i].path) != 0)
			abort();
		check_head(&c.v[i].head);
	}
	/* written again (as long as what was read: nothing more was
	 * accepted) and read back: the same paths */
	if (lix_catalog_write(dir, &c) != 0 || file_size("catalog") != n)
		abort();
	struct lix_catalog r;
	if (lix_catalog_read(dir, &r) != 0 || r.n != c.n)
		abort();
	for (size_t i = 0; i < r.n; i++)
		if (strcmp(r.v[i].path, c.v[i].path) != 0 ||
		    memcmp(&r.v[i].key, &c.v[i].key, sizeof r.v[i].key) != 0)
			abort();
	lix_catalog_free(&r);
	lix_catalog_free(&c);
}

/* A citations file (f, n) accepted by lix_parse (which parses every
 * record's citations): read as circ does, parsed and kept as bytes. */
static void check_citations(const unsigned char *f, size_t n)
{
	put_file("citations", f, n);
	struct lix_catalog c;
	memset(&c, 0, sizeof c);
	if (lix_citations_read(dir, &c) != 0 || lix_citations_keep(dir, &c) != 0)
		abort(); /* lix_parse accepted it */
	lix_catalog_free(&c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	make_dir();
	/* the bytes as a whole file */
	const char *s = (const char *)data;
	if (lix_parse(s, size, 'c') == 0)
		check_catalog(data, size);
	if (lix_parse(s, size, 'e') == 0)
		check_entry(data, size);
	if (lix_parse(s, size, 'r') == 0)
		check_citations(data, size);
	/* the bytes as the payload behind a right header */
	unsigned char *f = xmalloc(HEADER + size);
	seal(f, data, size, 'c');
	int c = lix_parse((const char *)f, HEADER + size, 'c');
	if (c == 0)
		check_catalog(f, HEADER + size);
	seal(f, data, size, 'e');
	int e = lix_parse((const char *)f, HEADER + size, 'e');
	if (e == 0)
		check_entry(f, HEADER + size);
	seal(f, data, size, 'r');
	if (lix_parse((const char *)f, HEADER + size, 'r') == 0)
		check_citations(f, HEADER + size);
	free(f);
	return 0;
}
