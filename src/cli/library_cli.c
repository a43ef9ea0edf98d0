/* library_cli.c: the command line's library: which documents a run reads
 * (symbols given for files), --list, --info, --index DIR and --search
 * across documents ("SYMBOL PART: context"). */
#include "library_cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "circ/err.h"
#include "circ/i18n.h"
#include "circ/layout.h"
#include "circ/utf8.h"
#include "circ/xalloc.h"

void cli_library_open(struct library *lib, const struct opts *o, int restricted,
                      const char *datadir, const char *schema, int with_args)
{
	struct lib_setup s;
	lib_setup_default(&s, datadir, restricted);
	/* restricted: the administrator's documents only */
	if (restricted)
		with_args = 0;
	s.schema = schema;
	/* the arguments that are files or directories (the others may be
	 * symbols of the library) */
	char **args = xcalloc(o->nargs ? o->nargs : 1, sizeof *args);
	for (size_t i = 0; with_args && i < o->nargs; i++) {
		struct stat st;
		if (stat(o->args[i], &st) == 0)
			args[s.nargs++] = o->args[i];
	}
	s.args = args;
	lib_open(lib, &s);
	free(args);
	lib_setup_free(&s);
}

/* Say what the library could not read, one line each (not for a view of
 * one document: the library is then only a way to find it). */
static void report(const struct library *lib)
{
	diag_print(&lib->diags, 0);
}

int cli_resolve(struct opts *o, const struct library *lib, int restricted, char ***paths,
                size_t *npaths)
{
	/* directories add to the library; they stand for their files unless
	 * a symbol names the document (circ --show 3.2 ST/SGB/2010/1 DIR) */
	int expand = 1;
	for (size_t i = 0; i < o->nfiles; i++) {
		struct stat st;
		if (stat(o->files[i], &st) != 0 && lib_find(lib, o->files[i], NULL) != LIB_NONE)
			expand = 0;
	}
	size_t n = 0, cap = 0;
	*paths = NULL;
	for (size_t i = 0; i < o->nfiles; i++) {
		struct stat st;
		const char *f = o->files[i];
		int exists = stat(f, &st) == 0;
		if (exists && S_ISDIR(st.st_mode) && !restricted) {
			/* every *.xml file, documents or not (--check says
			 * what is wrong with the others); none: the directory
			 * itself, which the loader refuses */
			char **files = NULL;
			long nf = expand ? lib_list_dir(f, &files) : 0;
			for (long k = 0; k < nf; k++) {
				*paths = xgrowarray(*paths, &cap, n + 1, sizeof **paths);
				(*paths)[n++] = files[k];
			}
			free(files);
			if (expand && nf <= 0) {
				*paths = xgrowarray(*paths, &cap, n + 1, sizeof **paths);
				(*paths)[n++] = xstrdup(f);
			}
			continue;
		}
		size_t k = LIB_NONE;
		if (!exists || restricted) {
			/* a symbol: the version in the user's language */
			k = lib_find(lib, f, i18n_doc_lang());
			if (k == LIB_NONE && exists) {
				char *real = realpath(f, NULL);
				if (real)
					k = lib_find(lib, real, NULL);
				free(real);
			}
		}
		if (k == LIB_NONE && restricted) {
			/* TRANSLATORS: restricted mode: %s is a file or symbol given
			   on the command line */
			err_report(NULL, 0, 0,
			           _("restricted mode: '%s' is not a document of the library; "
			             "'circ --list' lists them"),
			           f);
			*npaths = n;
			return ERR_EXIT_USAGE;
		}
		*paths = xgrowarray(*paths, &cap, n + 1, sizeof **paths);
		(*paths)[n++] = xstrdup(k != LIB_NONE ? lib->v[k].path : f);
	}
	*npaths = n;
	o->files = *paths;
	o->nfiles = n;
	return ERR_EXIT_OK;
}

int cli_list(struct strbuf *out, const struct library *lib, int by_date)
{
	report(lib);
	size_t *order;
	size_t n = lib_order(lib, by_date, 0, &order);
	for (size_t i = 0; i < n; i++)
		lib_list_line(out, lib, order[i]);
	free(order);
	return n ? ERR_EXIT_OK : ERR_EXIT_NOTFOUND;
}

int cli_info(struct strbuf *out, const struct library *lib, const char *name)
{
	size_t k = lib_find(lib, name, i18n_doc_lang());
	if (k == LIB_NONE) {
		char *real = realpath(name, NULL);
		if (real)
			k = lib_find(lib, real, NULL);
		free(real);
	}
	if (k == LIB_NONE) {
		report(lib);
		/* TRANSLATORS: --info: %s is the FILE or SYMBOL given */
		err_report(NULL, 0, 0,
		           _("'%s' is no document of the library; 'circ --list' lists them"), name);
		return ERR_EXIT_NOTFOUND;
	}
	lib_info(out, lib, k);
	return ERR_EXIT_OK;
}

int cli_index(struct strbuf *out, const char *dir, const char *schema)
{
	struct diag_list dl = DIAG_LIST_INIT;
	long n = lib_build_index(dir, schema, &dl);
	diag_print(&dl, 0);
	diag_clear(&dl);
	if (n < 0)
		return ERR_EXIT_INTERNAL;
	/* TRANSLATORS: --index DIR: how many documents its index holds */
	sb_addf(out,
	        P_("%ld document indexed in %s/.circ-index\n",
	           "%ld documents indexed in %s/.circ-index\n", n),
	        n, dir);
	return ERR_EXIT_OK;
}

/* What the search across documents has found so far. */
struct found {
	const struct library *lib;
	struct strbuf *out;
	size_t width;
	int colour, count;
	size_t matches, parts, docs;
	size_t doc;      /* the document of the last hit */
	const char *eid; /* the part of the last hit */
	size_t doc_hits; /* hits in the current document (-c) */
	size_t doc_at;   /* the document being searched */
};

/* One line for hit h: "SYMBOL PART: context". */
static int on_hit(void *arg, const struct lib_hit *h)
{
	struct found *f = arg;
	if (f->matches == 0 || h->doc != f->doc) {
		f->docs++;
		f->parts++;
	} else if (strcmp(h->eid, f->eid) != 0 || h->eid[0] == '\0') {
		f->parts++;
	}
	f->doc = h->doc;
	f->eid = h->eid;
	f->matches++;
	f->doc_hits++;
	if (f->count)
		return 0;
	char *label = xasprintf("%s %s", f->lib->v[h->doc].symbol, h->label);
	size_t lw = utf8_width(label, strlen(label));
	if (f->width && lw + 2 + SEARCH_MIN_CONTEXT > f->width) {
		struct strbuf cut = STRBUF_INIT;
		size_t room =
		    f->width > 2 + SEARCH_MIN_CONTEXT ? f->width - 2 - SEARCH_MIN_CONTEXT : 1;
		layout_clip(&cut, label, room);
		free(label);
		label = sb_steal(&cut);
	}
	struct search_hit sh = {NULL, h->field, h->start, h->end, h->text};
	struct strbuf line = STRBUF_INIT;
	size_t ms, me;
	search_context(&line, &sh, search_context_width(label, f->width), &ms, &me);
	if (f->colour)
		sb_addf(f->out, "\033[1m%s\033[m: %.*s\033[1;31m%.*s\033[m%s\n", label, (int)ms,
		        line.s, (int)(me - ms), line.s + ms, line.s + me);
	else
		sb_addf(f->out, "%s: %s\n", label, sb_str(&line));
	sb_free(&line);
	free(label);
	return 0;
}

size_t *cli_docs(const struct library *lib, char *const *files, size_t n)
{
	size_t *v = xcalloc(n ? n : 1, sizeof *v);
	for (size_t i = 0; i < n; i++) {
		char *real = realpath(files[i], NULL);
		v[i] = real ? lib_find(lib, real, NULL) : LIB_NONE;
		free(real);
	}
	return v;
}

int cli_search(struct strbuf *out, const struct library *lib, const size_t *docs,
               char *const *names, size_t ndocs, struct search *s, size_t width, int colour,
               int count, char **total)
{
	struct found f = {lib, out, width, colour, count, 0, 0, 0, 0, "", 0, 0};
	char *err = NULL;
	int rc = 0;
	*total = NULL;
	size_t n = docs ? ndocs : lib->n;
	for (size_t k = 0; k < n && rc == 0; k++) {
		size_t i = docs ? docs[k] : k;
		f.doc_hits = 0;
		f.doc_at = k;
		rc = lib_search(lib, s, &i, 1, on_hit, &f, &err);
		if (count && rc == 0)
			sb_addf(out, "%s: %zu\n", lib->v[i].symbol, f.doc_hits);
	}
	if (rc < 0) {
		/* the error ends the output: none of the matches found before
		 * it, and no count (as for one document) */
		err_report(docs && names ? names[f.doc_at]
		                         : lib->v[docs ? docs[f.doc_at] : f.doc_at].path,
		           0, 0, "%s", err);
		free(err);
		sb_truncate(out, 0);
		return ERR_EXIT_USAGE;
	}
	char *parts = xasprintf(P_("%zu part", "%zu parts", f.parts), f.parts);
	char *in = xasprintf(P_("%zu document", "%zu documents", f.docs), f.docs);
	/* TRANSLATORS: --search --all, on standard error: "12 matches in 5
	   parts of 2 documents" */
	*total = xasprintf(P_("%zu match in %s of %s\n", "%zu matches in %s of %s\n", f.matches),
	                   f.matches, parts, in);
	free(parts);
	free(in);
	return f.matches ? ERR_EXIT_OK : ERR_EXIT_NOTFOUND;
}

/* The value of attribute attr of the first element elem the importer
 * wrote in xml (allocated), or NULL. */
static char *written(const char *xml, const char *elem, const char *attr)
{
	const char *e = strstr(xml, elem);
	if (e == NULL)
		return NULL;
	char *pat = xasprintf("%s=\"", attr);
	const char *a = strstr(e, pat);
	const char *end = a ? strchr(a + strlen(pat), '"') : NULL;
	char *v = end ? xstrndup(a + strlen(pat), (size_t)(end - a - strlen(pat))) : NULL;
	free(pat);
	return v;
}

char *cli_library_file(const char *xml)
{
	struct lib_setup s;
	lib_setup_default(&s, NULL, 0);
	char *sym = written(xml, "<FRBRnumber", "value");
	char *lang = written(xml, "<FRBRlanguage", "language");
	char *path = NULL;
	if (s.user && sym) {
		/* ST/SGB/2010/2 in French: ST-SGB-2010-2.fr.xml, as the bundled one */
		for (char *c = sym; *c; c++)
			if (*c == '/' || *c == ' ' || *c == '&' || *c == '<' || *c == '"')
				*c = '-';
		const char *two = lang && strcmp(lang, "fra") == 0   ? "fr"
		                  : lang && strcmp(lang, "eng") == 0 ? "en"
		                  : lang && strcmp(lang, "spa") == 0 ? "es"
		                                                     : lang;
		path = two && *two ? xasprintf("%s/%s.%s.xml", s.user, sym, two)
		                   : xasprintf("%s/%s.xml", s.user, sym);
		/* the directory, made when missing */
		char *dir = xstrdup(s.user);
		for (char *c = dir + 1; *c; c++)
			if (*c == '/') {
				*c = '\0';
				mkdir(dir, 0755);
				*c = '/';
			}
		mkdir(dir, 0755);
		free(dir);
	}
	free(sym);
	free(lang);
	lib_setup_free(&s);
	return path;
}
