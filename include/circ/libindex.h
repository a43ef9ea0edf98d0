/* libindex.h: the library's index: what circ derives from each document
 * (identification, citations, abolitions, and the text of its parts
 * folded for search), kept in files so that a library of many documents
 * opens without parsing their XML.
 *
 * A directory of the index holds a catalogue ("catalog": for each file,
 * its path, size, modification and change times, inode, the hash of its
 * content and its head: identification, citations, abolitions) and one
 * entry per document content ("<hash>.cx": the head and the parts' texts).
 * An entry is named by the hash of the content it was made from, so it
 * never changes once written; the catalogue is replaced whole. Both are
 * written to a temporary file renamed over the old one: a reader sees
 * the old file or the new, never a torn one, and two processes rebuilding
 * at once both write complete files (the last rename wins; an update it
 * loses costs the next start a hash, not a parse).
 *
 * Every file is checked before anything in it is used: a magic, the
 * format version and circ's version, the length, a checksum of the whole
 * content, and every count and length against what is left. A file that
 * fails is ignored (and replaced when the directory can be written). */
#ifndef CIRC_LIBINDEX_H
#define CIRC_LIBINDEX_H

#include <stddef.h>
#include <stdint.h>

#include "circ/library.h"
#include "circ/search.h"
#include "circ/strbuf.h"

/* What identifies a file as it is now (stat), and its content's hash. */
struct lix_key {
	uint64_t dev, ino, size;
	int64_t mtime_s, mtime_ns, ctime_s, ctime_ns;
	uint64_t hash;
};

/* A field of a part, for search: the text and the text folded with
 * FOLD_SPACES | FOLD_ACCENTS. The strings point into the body's memory. */
struct lix_field {
	uint32_t part; /* 0: the title block; k: the body's part k */
	enum search_field field;
	const char *text;
	size_t len;
	const char *folded;
	size_t flen;
};

/* The searchable body of a document. */
struct lix_body {
	char **eids;          /* per part (0: the title block, "") */
	char **labels;        /* per part: its label; for a part whose label is a
	                         word of the user's language (preamble, note...), its
	                         number: see lix_label() */
	unsigned char *kinds; /* per part: its enum doc_kind */
	size_t nparts;
	struct lix_field *f;
	size_t nf;
	char *mem; /* the file's bytes or the built strings */
	struct strbuf own;
};

/* The hash of n bytes (64 bits, not cryptographic: it tells a changed file). */
uint64_t lix_hash(const void *p, size_t n);
/* The key of the regular file path (its stat); the hash is left 0. 0 or
 * -1 (errno set; EISDIR... for what is not a regular file). */
int lix_stat(const char *path, struct lix_key *k);
/* The same for name in the directory open as dirfd (AT_FDCWD: path):
 * fewer components to look up than the whole path. */
int lix_statat(int dirfd, const char *name, struct lix_key *k);

/* The head of d (identification, citations, abolitions) into e (path and
 * origin are left to the caller), and its body into b unless NULL. */
void lix_from_doc(const struct doc *d, struct lib_doc *e, struct lix_body *b);
void lix_body_free(struct lix_body *b);
/* A copy of the head of from (its strings) into to. */
void lix_doc_copy(struct lib_doc *to, const struct lib_doc *from);
/* Free the strings of e's head. */
void lix_doc_free(struct lib_doc *e);

/* An index directory's catalogue, in memory. */
struct lix_catalog {
	struct lix_cat_entry {
		char *path;
		struct lix_key key;
		struct lib_doc head;
		int borrowed; /* path and head's strings are in mem */
		int moved;    /* head was given away (to the library) */
		/* its citations as the citations file holds them, when
		 * kept from it unparsed (lix_citations_keep) */
		const char *cites_raw;
		size_t cites_rawlen;
	} * v;
	size_t n, cap;
	int dirty;       /* changed since read */
	int from_file;   /* read from a catalogue file (lix_catalog_read) */
	uint32_t stale;  /* entries put since the citations file was written */
	char *mem;       /* the file read: what borrowed entries point into */
	char *cites_mem; /* the citations file kept: what cites_raw point into */
};

/* Read dir's catalogue: 0, or -1 when there is none or it is not valid
 * (then c is empty). */
int lix_catalog_read(const char *dir, struct lix_catalog *c);
/* The citations of the entries of c that lack them (cites_loaded 0), from
 * dir's citations file where its content hash is the entry's: 0, or -1
 * when the file is missing or not valid (what was read before the fault
 * stays). */
int lix_citations_read(const char *dir, struct lix_catalog *c);
/* The same, keeping each entry's citations as the file's bytes (cites_raw)
 * instead of parsing them: for writing the catalogue again, where the
 * citations of documents that did not change are copied. They are checked
 * as lix_citations_read checks them. */
int lix_citations_keep(const char *dir, struct lix_catalog *c);
/* Does writing c write its citations file too? Yes for a catalogue made
 * anew, else once the entries put since that file was written pass a
 * share of the whole (1/32, at least 8): until then the citations of the
 * entries changed are read from their entries (the citations file's
 * records are matched by path and content hash), and a changed document
 * costs a catalogue, not all the library's citations. */
int lix_catalog_needs_citations(const struct lix_catalog *c);
/* Write it (atomically): 0, or -1 when dir cannot be written. The heads'
 * citations go to a file of their own ("citations"), read only when they
 * are needed (lix_citations_read), when lix_catalog_needs_citations(). */
int lix_catalog_write(const char *dir, const struct lix_catalog *c);
/* The entry for path, or NULL. */
struct lix_cat_entry *lix_catalog_find(struct lix_catalog *c, const char *path);
/* Add or replace path's entry, copying head (its strings). */
void lix_catalog_put(struct lix_catalog *c, const char *path, const struct lix_key *k,
                     const struct lib_doc *head);
/* Add path with content hash and an empty head (for lix_citations_read),
 * unless it is there. */
void lix_catalog_add_bare(struct lix_catalog *c, const char *path, uint64_t hash);
void lix_catalog_free(struct lix_catalog *c);
/* Drop the entries whose file is gone (not those given away). */
void lix_catalog_prune(struct lix_catalog *c);
/* Delete the entries of dir no entry of c names, and the temporary files
 * left there, when they are at least min_age seconds old (younger ones may
 * be a process's about to be named). */
void lix_gc(const char *dir, const struct lix_catalog *c, long min_age);

/* The file of the entry of content hash h in dir (allocated). */
char *lix_entry_path(const char *dir, uint64_t h);
/* Write the entry of content hash h (head and body) into dir: 0 or -1. */
int lix_entry_write(const char *dir, uint64_t h, const struct lib_doc *head,
                    const struct lix_body *b);
/* Read the entry of content hash h from dir: its head into e (unless NULL)
 * and its body into b (unless NULL). 0, or -1 when there is none or it is
 * not valid. */
int lix_entry_read(const char *dir, uint64_t h, struct lib_doc *e, struct lix_body *b);

/* Parse a file's bytes (for the fuzzer): 0 when valid. kind 'c' catalogue,
 * 'r' citations, 'e' entry. */
int lix_parse(const char *bytes, size_t n, int kind);

#endif
