/* library.c: reading the library (see library.h): which files, from the
 * index or from their XML, and the links derived over the whole of it
 * (abolitions, language versions). */
#include "circ/library.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "circ/i18n.h"
#include "circ/libindex.h"
#include "circ/strmap.h"
#include "circ/xalloc.h"
#include "libindex_internal.h"

#ifndef CIRC_LIBRARYDIR
#define CIRC_LIBRARYDIR "/usr/local/share/circ/library"
#endif

/* The name of the administrator's index inside the library directory. */
#define SYSTEM_INDEX ".circ-index"

/* $VAR/sub, else $HOME/dflt/sub, else NULL (allocated). */
static char *xdg_dir(const char *var, const char *dflt, const char *sub)
{
	const char *x = getenv(var), *home = getenv("HOME");
	if (x && x[0] == '/')
		return xasprintf("%s/%s", x, sub);
	if (home && home[0] == '/')
		return xasprintf("%s/%s/%s", home, dflt, sub);
	return NULL;
}

void lib_setup_default(struct lib_setup *s, const char *bundled, int restricted)
{
	memset(s, 0, sizeof *s);
	s->bundled = bundled ? xstrdup(bundled) : NULL;
	const char *sys = getenv("CIRC_LIBRARY");
	s->system = xstrdup(sys && *sys ? sys : CIRC_LIBRARYDIR);
	if (!restricted) {
		s->user = xdg_dir("XDG_DATA_HOME", ".local/share", "circ/library");
		s->cache = xdg_dir("XDG_CACHE_HOME", ".cache", "circ/index");
	}
}

void lib_setup_free(struct lib_setup *s)
{
	free((char *)s->bundled);
	free((char *)s->system);
	free((char *)s->user);
	free((char *)s->cache);
	memset(s, 0, sizeof *s);
}

/* The state of one lib_open(). */
struct opening {
	struct library *lib;
	struct lix_catalog cat[3]; /* [1] the administrator's, [2] the user's */
	struct strmap seen;        /* the real paths already met */
	int writable[3];
	size_t cap;
	const char *dir; /* the directory being read (add_dir), or NULL */
	int dirfd;       /* it, open; -1 */
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.xml files of dir (a real path), as real paths, sorted (allocated), or -1 when dir cannot be
 * read. */
static long list_dir(const char *dir, char ***out)
{
	DIR *dp = opendir(dir);
	*out = NULL;
	if (dp == NULL)
		return -1;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 5 || strcmp(de->d_name + len - 4, ".xml") != 0)
			continue;
		char *path = xasprintf("%s/%s", dir, de->d_name);
		if (de->d_type != DT_REG) {
			/* a link (or a file system that does not say): where it leads */
			char *real = realpath(path, NULL);
			free(path);
			if (real == NULL)
				continue;
			path = real;
		}
		*out = xgrowarray(*out, &cap, n + 1, sizeof **out);
		(*out)[n++] = path;
	}
	closedir(dp);
	if (n)
		qsort(*out, n, sizeof **out, cmp_str);
	return (long)n;
}

static int same_stat(const struct lix_key *a, const struct lix_key *b)
{
	return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
	       a->mtime_s == b->mtime_s && a->mtime_ns == b->mtime_ns && a->ctime_s == b->ctime_s &&
	       a->ctime_ns == b->ctime_ns;
}

/* The whole of the open file fd (allocated), or NULL. */
static char *read_all(int fd, size_t size, size_t *n)
{
	char *buf = xmalloc(size + 1);
	size_t got = 0;
	while (got < size) {
		ssize_t k = read(fd, buf + got, size - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	*n = got;
	return buf;
}

/* A file on its way into the library. */
struct pending {
	char *path;       /* real path (allocated) */
	const char *name; /* its name in the directory op->dirfd, or NULL */
	enum lib_origin origin;
	struct lix_key key;
	int hashed; /* key.hash is known */
	int state;  /* PEND_* */
	int k;      /* the index holding its entry (1, 2), 0: none */
};

enum { PEND_SKIP, PEND_CATALOG, PEND_ENTRY, PEND_PARSE };

/* Index files unused for this long (seconds) are deleted when a catalogue
 * is written. */
#define GC_AGE 3600

/* Fewer files to parse than this are parsed by this process alone. */
#define PARALLEL_MIN 8

/* Step 1: is the file's catalogue entry current (stat), else is there an
 * entry made from the same content (hash)? Else it must be parsed. */
static void triage(struct opening *op, struct pending *f)
{
	struct library *lib = op->lib;
	int sys = f->origin == LIB_SYSTEM;
	int st = f->name ? lix_statat(op->dirfd, f->name, &f->key) : lix_stat(f->path, &f->key);
	if (st != 0) {
		diag_add(&lib->diags, f->path, 0, 0, _("cannot open: %s"),
		         strerror(errno ? errno : EISDIR));
		f->state = PEND_SKIP;
		return;
	}
	for (int k = sys ? 1 : 2; k <= 2; k++) {
		struct lix_cat_entry *ce = lix_catalog_find(&op->cat[k], f->path);
		if (ce && same_stat(&ce->key, &f->key)) {
			f->k = k;
			f->state = PEND_CATALOG;
			return;
		}
	}
	int fd = open(f->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		diag_add(&lib->diags, f->path, 0, 0, _("cannot open: %s"), strerror(errno));
		f->state = PEND_SKIP;
		return;
	}
	size_t n = 0;
	char *bytes = f->key.size <= DOC_MAX_BYTES ? read_all(fd, (size_t)f->key.size, &n) : NULL;
	close(fd);
	f->state = PEND_PARSE;
	if (bytes == NULL)
		return;
	f->key.hash = lix_hash(bytes, n);
	f->hashed = 1;
	free(bytes);
	for (int k = sys ? 1 : 2; k <= 2; k++) {
		char *name = lib->index[k] ? lix_entry_path(lib->index[k], f->key.hash) : NULL;
		int there = name && access(name, R_OK) == 0;
		free(name);
		if (there) {
			f->k = k;
			f->state = PEND_ENTRY;
			return;
		}
	}
}

/* Parse f's XML and write its entry where this process may write (the
 * administrator's index is made by circ --index): 0 with its head in e,
 * or -1 with the problems in diags. */
static int parse_one(struct opening *op, struct pending *f, struct lib_doc *e,
                     struct diag_list *diags)
{
	struct library *lib = op->lib;
	struct doc *d = doc_load_text(f->path, diags);
	if (d == NULL)
		return -1;
	struct lix_body body;
	lix_from_doc(d, e, f->hashed ? &body : NULL);
	e->hash = f->key.hash;
	e->entry_in = 0;
	if (f->hashed) {
		int k = op->writable[1] ? 1 : 2;
		if (op->writable[k] && lix_entry_write(lib->index[k], f->key.hash, e, &body) == 0)
			e->entry_in = k;
		lix_body_free(&body);
	}
	doc_free(d);
	return 0;
}

/* Step 2: many files to parse and an index to write them to: helper
 * processes (one per processor but this one) parse their share and write
 * the entries, which step 3 then reads like any other. */
static void parse_in_parallel(struct opening *op, struct pending *v, size_t n)
{
	size_t todo = 0;
	for (size_t i = 0; i < n; i++)
		todo += v[i].state == PEND_PARSE && v[i].hashed;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int k = op->writable[1] ? 1 : 2;
	if (todo < PARALLEL_MIN || cpus < 2 || !op->writable[k])
		return;
	if (cpus > 8)
		cpus = 8;
	pid_t kids[8];
	long nk = 0;
	fflush(NULL);
	for (long w = 1; w < cpus; w++) {
		pid_t pid = fork();
		if (pid < 0)
			break;
		if (pid == 0) {
			/* the child: every cpus-th file from w, then out
			 * without the parent's exit handlers */
			size_t seen_todo = 0;
			for (size_t i = 0; i < n; i++) {
				if (v[i].state != PEND_PARSE || !v[i].hashed)
					continue;
				if (seen_todo++ % (size_t)cpus != (size_t)w)
					continue;
				struct lib_doc e;
				memset(&e, 0, sizeof e);
				struct diag_list dl = DIAG_LIST_INIT;
				if (parse_one(op, &v[i], &e, &dl) == 0)
					lix_doc_free(&e);
				diag_clear(&dl);
			}
			_exit(0);
		}
		kids[nk++] = pid;
	}
	/* this process's share: the files no helper took */
	size_t seen_todo = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].state != PEND_PARSE || !v[i].hashed)
			continue;
		size_t r = seen_todo++ % (size_t)cpus;
		if (r != 0 && r <= (size_t)nk)
			continue; /* a helper's */
		struct lib_doc e;
		memset(&e, 0, sizeof e);
		struct diag_list dl = DIAG_LIST_INIT;
		if (parse_one(op, &v[i], &e, &dl) == 0) {
			lix_doc_free(&e);
			v[i].state = PEND_ENTRY;
			v[i].k = k;
		}
		diag_clear(&dl);
	}
	for (long i = 0; i < nk; i++)
		while (waitpid(kids[i], NULL, 0) < 0 && errno == EINTR)
			;
	for (size_t i = 0; i < n; i++)
		if (v[i].state == PEND_PARSE && v[i].hashed) {
			/* what a helper wrote (when it could) */
			v[i].state = PEND_ENTRY;
			v[i].k = k;
		}
}

/* Step 3: the head of f into the library, from the catalogue, its entry or
 * its XML. */
static void admit(struct opening *op, struct pending *f)
{
	struct library *lib = op->lib;
	struct lib_doc e;
	memset(&e, 0, sizeof e);
	int ok = 0;
	struct lix_cat_entry *ce =
	    f->state == PEND_CATALOG ? lix_catalog_find(&op->cat[f->k], f->path) : NULL;
	if (ce) {
		/* the catalogue's head, given to the library: its strings are
		 * the catalogue file's bytes, kept by the library */
		e = ce->head;
		ce->moved = 1;
		e.hash = ce->key.hash;
		e.entry_in = f->k;
		lib->indexed++;
		ok = 1;
	} else if (f->state == PEND_ENTRY &&
	           lix_entry_read(lib->index[f->k], f->key.hash, &e, NULL) == 0) {
		e.hash = f->key.hash;
		e.entry_in = f->k;
		lib->indexed++;
		ok = 1;
	} else if (f->state != PEND_SKIP) {
		/* no entry after all (a helper failed): the XML here */
		memset(&e, 0, sizeof e);
		struct diag_list dl = DIAG_LIST_INIT;
		ok = parse_one(op, f, &e, &dl) == 0;
		for (size_t i = 0; i < dl.n; i++)
			diag_add(&lib->diags, dl.v[i].file, dl.v[i].line, dl.v[i].col, "%s",
			         dl.v[i].msg);
		diag_clear(&dl);
		if (ok)
			lib->parsed++;
	}
	if (!ok) {
		free(f->path);
		return;
	}
	/* the catalogue this process may write learns the file as it is */
	int w = op->writable[1] ? 1 : 2;
	if (f->state != PEND_CATALOG && e.entry_in && op->writable[w])
		lix_catalog_put(&op->cat[w], f->path, &f->key, &e);
	e.path = f->path;
	e.origin = f->origin;
	e.abolished_by = e.abolished_entry = LIB_NONE;
	e.abolished_symbol = NULL;
	lib->v = xgrowarray(lib->v, &op->cap, lib->n + 1, sizeof *lib->v);
	lib->v[lib->n++] = e;
}

/* Add files (from origin) to the library, in their order; each real path
 * once. */
static void add_files(struct opening *op, char *const *files, size_t n, enum lib_origin origin,
                      int real)
{
	struct library *lib = op->lib;
	struct pending *v = xcalloc(n ? n : 1, sizeof *v);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		char *path = real ? xstrdup(files[i]) : realpath(files[i], NULL);
		if (path == NULL) {
			diag_add(&lib->diags, files[i], 0, 0, _("cannot open: %s"),
			         strerror(errno));
			continue;
		}
		if (!strmap_add(&op->seen, path, NULL)) {
			free(path);
			continue;
		}
		v[m].path = path;
		v[m].origin = origin;
		/* in the directory being read: its name there */
		size_t dl = op->dir ? strlen(op->dir) : 0;
		if (op->dirfd >= 0 && strncmp(path, op->dir, dl) == 0 && path[dl] == '/' &&
		    strchr(path + dl + 1, '/') == NULL)
			v[m].name = path + dl + 1;
		triage(op, &v[m]);
		if (v[m].state == PEND_SKIP)
			free(path);
		else
			m++;
	}
	parse_in_parallel(op, v, m);
	for (size_t i = 0; i < m; i++)
		admit(op, &v[i]);
	free(v);
}

long lib_list_dir(const char *dir, char ***out)
{
	char *real = realpath(dir, NULL);
	long n = real ? list_dir(real, out) : -1;
	free(real);
	if (n < 0) {
		*out = NULL;
		return n;
	}
	/* regular files only: a named pipe would wait for a writer */
	long k = 0;
	for (long i = 0; i < n; i++) {
		struct stat st;
		if (stat((*out)[i], &st) == 0 && S_ISREG(st.st_mode))
			(*out)[k++] = (*out)[i];
		else
			free((*out)[i]);
	}
	return k;
}

/* Add every document of dir (not a missing directory: nothing to say). */
static void add_dir(struct opening *op, const char *dir, enum lib_origin origin, int quiet)
{
	char **files = NULL;
	/* the files' real paths: the directory's, and names that are no links */
	char *real = realpath(dir, NULL);
	long n = real ? list_dir(real, &files) : -1;
	if (n < 0 && !quiet)
		diag_add(&op->lib->diags, dir, 0, 0, _("cannot open: %s"), strerror(errno));
	if (n > 0) {
		/* its files are looked at through it (lix_statat) */
		op->dir = real;
		op->dirfd = open(real, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		add_files(op, files, (size_t)n, origin, 1);
		if (op->dirfd >= 0)
			close(op->dirfd);
		op->dirfd = -1;
		op->dir = NULL;
	}
	free(real);
	for (long i = 0; i < n; i++)
		free(files[i]);
	free(files);
}

/* Normalised symbol: upper case, no spaces. */
static char *norm_symbol(const char *s)
{
	char *r = xmalloc(strlen(s) + 1), *o = r;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t')
			*o++ = (char)(*s >= 'a' && *s <= 'z' ? *s - 32 : *s);
	*o = '\0';
	return r;
}

size_t lib_find(const struct library *lib, const char *name, const char *lang)
{
	char *want = norm_symbol(name);
	size_t first = LIB_NONE;
	for (size_t i = 0; i < lib->n; i++) {
		const struct lib_doc *e = &lib->v[i];
		char *sym = norm_symbol(e->symbol);
		int hit = strcmp(sym, want) == 0 ||
		          (e->work_iri[0] && strcmp(e->work_iri, name) == 0) ||
		          strcmp(e->path, name) == 0;
		free(sym);
		if (!hit)
			continue;
		if (lang == NULL || strcmp(e->lang, lang) == 0) {
			first = i;
			break;
		}
		if (first == LIB_NONE)
			first = i;
	}
	free(want);
	return first;
}

size_t lib_find_cite(const struct library *lib, const struct lib_cite *c, const char *lang)
{
	size_t i = LIB_NONE;
	if (c->iri && c->iri[0]) {
		/* the work IRI: without an expression or a fragment */
		i = lib_find(lib, c->iri, lang);
	}
	return i != LIB_NONE ? i : lib_find(lib, c->symbol, lang);
}

/* The library qsort compares in (it takes no argument). */
static const struct library *sorting;

/* By work IRI, then in the order read. */
static int cmp_work(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int r = strcmp(sorting->v[a].work_iri, sorting->v[b].work_iri);
	return r ? r : a < b ? -1 : a > b;
}

/* Mark what each document abolishes, and the language rings. */
static void derive(struct library *lib)
{
	/* the versions of one work, in the order read, form a ring */
	size_t *by = xcalloc(lib->n ? lib->n : 1, sizeof *by);
	for (size_t i = 0; i < lib->n; i++) {
		lib->v[i].next_lang = i;
		by[i] = i;
	}
	sorting = lib;
	qsort(by, lib->n, sizeof *by, cmp_work);
	for (size_t a = 0; a < lib->n;) {
		size_t b = a + 1;
		while (b < lib->n && lib->v[by[a]].work_iri[0] &&
		       strcmp(lib->v[by[a]].work_iri, lib->v[by[b]].work_iri) == 0)
			b++;
		for (size_t k = a; k < b; k++)
			lib->v[by[k]].next_lang = by[k + 1 < b ? k + 1 : a];
		a = b;
	}
	free(by);
	for (size_t i = 0; i < lib->n; i++) {
		struct lib_doc *e = &lib->v[i];
		for (size_t k = 0; k < e->nabolishes; k++) {
			const struct lib_abolish *a = &e->abolishes[k];
			struct lib_cite c = {0};
			c.symbol = a->symbol;
			c.iri = a->iri;
			size_t t = lib_find_cite(lib, &c, NULL);
			if (a->passive) {
				if (t != LIB_NONE && t != i) {
					e->abolished_by = t;
					e->abolished_entry = LIB_NONE;
				} else if (e->abolished_symbol == NULL) {
					e->abolished_symbol = xstrdup(a->symbol);
				}
				continue;
			}
			if (t == LIB_NONE || t == i)
				continue;
			/* every language version of the work abolished */
			size_t j = t;
			do {
				lib->v[j].abolished_by = i;
				lib->v[j].abolished_entry = k;
				j = lib->v[j].next_lang;
			} while (j != t);
		}
	}
}

/* Open an index directory's catalogue into op (k: 1 the administrator's,
 * 2 the user's). */
static void open_index(struct opening *op, int k, const char *dir)
{
	op->lib->index[k] = xstrdup(dir);
	/* one that is missing or not valid is as an empty one */
	lix_catalog_read(dir, &op->cat[k]);
}

/* Write catalogue k, and when it is time (lix_catalog_needs_citations)
 * its citations file with every citation it can know: the library's
 * documents' where they are loaded (the heads given to them hold the
 * catalogue's strings, not the citations), else the old citations file's
 * records, copied unparsed while their content hash holds; the rest are
 * loaded (from the entries) first. */
static void write_catalog(struct opening *op, int k)
{
	struct library *lib = op->lib;
	struct lix_catalog *c = &op->cat[k];
	for (int pass = 0; pass < 2 && lix_catalog_needs_citations(c); pass++) {
		int missing = 0;
		for (size_t i = 0; i < lib->n; i++) {
			struct lix_cat_entry *ce = lix_catalog_find(c, lib->v[i].path);
			if (ce && ce->moved && lib->v[i].cites_loaded) {
				/* lent for the writing */
				ce->head.cites = lib->v[i].cites;
				ce->head.ncites = lib->v[i].ncites;
				ce->head.cites_loaded = 1;
			}
		}
		if (pass == 0)
			lix_citations_keep(lib->index[k], c);
		for (size_t i = 0; i < c->n; i++)
			missing +=
			    c->v[i].moved && !c->v[i].head.cites_loaded && !c->v[i].cites_raw;
		if (!missing)
			break;
		lib_load_cites(lib);
	}
	lix_catalog_prune(c);
	lix_catalog_write(lib->index[k], c);
	lix_gc(lib->index[k], c, GC_AGE);
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].moved) {
			c->v[i].head.cites = NULL;
			c->v[i].head.ncites = 0;
			c->v[i].head.cites_loaded = 0;
		}
}

/* The citations of the documents that lack them, from the citations file
 * of index k. */
static void cites_from_index(struct library *lib, int k)
{
	struct lix_catalog c;
	memset(&c, 0, sizeof c);
	for (size_t i = 0; i < lib->n; i++)
		if (!lib->v[i].cites_loaded && lib->v[i].entry_in == k)
			lix_catalog_add_bare(&c, lib->v[i].path, lib->v[i].hash);
	if (c.n > 0 && lix_citations_read(lib->index[k], &c) == 0) {
		for (size_t i = 0; i < lib->n; i++) {
			struct lib_doc *e = &lib->v[i];
			struct lix_cat_entry *ce = e->cites_loaded || e->entry_in != k
			                               ? NULL
			                               : lix_catalog_find(&c, e->path);
			if (ce && ce->head.cites_loaded) {
				e->cites = ce->head.cites;
				e->ncites = ce->head.ncites;
				e->cites_loaded = 1;
				ce->head.cites = NULL;
				ce->head.ncites = 0;
			}
		}
	}
	lix_catalog_free(&c);
}

void lib_load_cites(struct library *lib)
{
	for (int k = 1; k <= 2; k++)
		if (lib->index[k])
			cites_from_index(lib, k);
	for (size_t i = 0; i < lib->n; i++) {
		struct lib_doc *e = &lib->v[i];
		if (e->cites_loaded)
			continue;
		/* the entry, else the XML */
		struct lib_doc full;
		memset(&full, 0, sizeof full);
		int ok = e->entry_in && lib->index[e->entry_in] &&
		         lix_entry_read(lib->index[e->entry_in], e->hash, &full, NULL) == 0;
		if (!ok) {
			struct diag_list dl = DIAG_LIST_INIT;
			struct doc *d = doc_load_text(e->path, &dl);
			diag_clear(&dl);
			if (d) {
				lix_from_doc(d, &full, NULL);
				doc_free(d);
				ok = 1;
			}
		}
		if (ok) {
			e->cites = full.cites;
			e->ncites = full.ncites;
			full.cites = NULL;
			full.ncites = 0;
			lix_doc_free(&full);
		}
		e->cites_loaded = 1;
	}
}

/* Write the catalogues that changed where they can be written. */
static void close_index(struct opening *op)
{
	for (int k = 1; k <= 2; k++) {
		if (op->cat[k].dirty && op->writable[k])
			write_catalog(op, k);
		/* the documents given a head of the catalogue point into its
		 * bytes: the library keeps them */
		struct library *lib = op->lib;
		if (op->cat[k].mem) {
			lib->arenas =
			    xreallocarray(lib->arenas, lib->narenas + 1, sizeof *lib->arenas);
			lib->arenas[lib->narenas++] = op->cat[k].mem;
			op->cat[k].mem = NULL;
		}
		lix_catalog_free(&op->cat[k]);
	}
}

size_t lib_open(struct library *lib, const struct lib_setup *s)
{
	memset(lib, 0, sizeof *lib);
	lib->schema = s->schema;
	struct opening op;
	memset(&op, 0, sizeof op);
	op.lib = lib;
	op.dirfd = -1;
	if (s->system) {
		char *sysix = xasprintf("%s/%s", s->system, SYSTEM_INDEX);
		open_index(&op, 1, sysix);
		free(sysix);
	}
	if (s->cache) {
		open_index(&op, 2, s->cache);
		op.writable[2] = 1;
	}
	if (s->bundled)
		add_dir(&op, s->bundled, LIB_BUNDLED, 0);
	if (s->system)
		add_dir(&op, s->system, LIB_SYSTEM, 1);
	if (s->user)
		add_dir(&op, s->user, LIB_USER, 1);
	/* directories, and runs of files (parsed in parallel when many) */
	for (size_t i = 0, run = 0; i <= s->nargs; i++) {
		struct stat st;
		int dir = i < s->nargs && stat(s->args[i], &st) == 0 && S_ISDIR(st.st_mode);
		if (i == s->nargs || dir) {
			if (i > run)
				add_files(&op, &s->args[run], i - run, LIB_ARGS, 0);
			run = i + 1;
		}
		if (dir)
			add_dir(&op, s->args[i], LIB_ARGS, 0);
	}
	close_index(&op);
	strmap_free(&op.seen);
	derive(lib);
	return lib->n;
}

long lib_build_index(const char *dir, const char *schema, struct diag_list *diags)
{
	struct library lib;
	memset(&lib, 0, sizeof lib);
	lib.schema = schema;
	struct opening op;
	memset(&op, 0, sizeof op);
	op.lib = &lib;
	op.dirfd = -1;
	char *ix = xasprintf("%s/%s", dir, SYSTEM_INDEX);
	open_index(&op, 1, ix);
	op.writable[1] = 1;
	add_dir(&op, dir, LIB_SYSTEM, 0);
	/* the catalogue lists what the directory holds now, with every
	 * document's citations */
	lib_load_cites(&lib);
	struct lix_catalog keep;
	memset(&keep, 0, sizeof keep);
	for (size_t i = 0; i < lib.n; i++) {
		struct lix_cat_entry *ce = lix_catalog_find(&op.cat[1], lib.v[i].path);
		if (ce)
			lix_catalog_put(&keep, ce->path, &ce->key, &lib.v[i]);
	}
	long rc = lix_catalog_write(ix, &keep) == 0 ? (long)lib.n : -1;
	if (rc >= 0)
		lix_gc(ix, &keep, GC_AGE);
	if (rc < 0)
		diag_add(diags, ix, 0, 0, _("cannot write the index: %s"), strerror(errno));
	lix_catalog_free(&keep);
	lix_catalog_free(&op.cat[1]);
	lix_catalog_free(&op.cat[2]);
	strmap_free(&op.seen);
	for (size_t i = 0; i < lib.diags.n; i++)
		diag_add(diags, lib.diags.v[i].file, lib.diags.v[i].line, lib.diags.v[i].col, "%s",
		         lib.diags.v[i].msg);
	free(ix);
	lib_free(&lib);
	return rc;
}

struct doc *lib_load(const struct library *lib, size_t i, struct diag_list *diags)
{
	return doc_load(lib->v[i].path, lib->schema, diags);
}

void lib_free(struct library *lib)
{
	for (size_t i = 0; i < lib->n; i++) {
		free(lib->v[i].path);
		lix_doc_free(&lib->v[i]);
	}
	free(lib->v);
	for (size_t i = 0; i < lib->narenas; i++)
		free(lib->arenas[i]);
	free(lib->arenas);
	diag_clear(&lib->diags);
	for (int k = 0; k < 3; k++)
		free(lib->index[k]);
	memset(lib, 0, sizeof *lib);
}
