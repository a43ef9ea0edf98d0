/* marks.c: the user's marks and their file (see marks.h). */
#include "circ/marks.h"
#include "circ/print.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "circ/doc.h"
#include "circ/i18n.h"
#include "circ/strbuf.h"
#include "circ/xalloc.h"

#define NLETTERS 52

struct marks {
	char *key;                     /* the document's key */
	char *path;                    /* the marks file, or NULL: marks last until circ ends */
	struct mark set[NLETTERS];     /* letter 0: not set */
	unsigned char dirty[NLETTERS]; /* set in this run, not saved yet */
};

/* One line of the file. */
struct rec {
	char *key;
	struct mark m;
};

struct recs {
	struct rec *v;
	size_t n, cap;
};

int marks_letter_ok(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The slot of a mark letter: a-z 0..25, A-Z 26..51; -1 for anything else. */
static int slot(int c)
{
	if (c >= 'a' && c <= 'z')
		return c - 'a';
	if (c >= 'A' && c <= 'Z')
		return 26 + c - 'A';
	return -1;
}

/* 1 when s can be a field of the file: not empty, no tab, no line break. */
static int field_ok(const char *s)
{
	return *s && strpbrk(s, "\t\n") == NULL;
}

char *marks_doc_key(const struct doc *d)
{
	if (d->meta.work_iri && *d->meta.work_iri)
		return xstrdup(d->meta.work_iri);
	char *real = realpath(d->path, NULL);
	if (real) {
		char *k = xstrdup(real);
		free(real);
		return k;
	}
	return xstrdup(d->path);
}

char *marks_file(void)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/circ/marks", xdg);
	if (home && home[0] == '/')
		return xasprintf("%s/.local/state/circ/marks", home);
	return NULL;
}

static void recs_free(struct recs *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].key);
		free(r->v[i].m.eid);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}

/* Parse one line (without its '\n', len bytes) into rec; 0, or -1 when it
 * is not a mark. */
static int parse_line(const char *s, size_t len, struct rec *rec)
{
	if (strlen(s) != len) /* a NUL byte */
		return -1;
	const char *t1 = strchr(s, '\t');
	if (t1 == NULL || t1 == s)
		return -1;
	const char *letter = t1 + 1;
	if (!marks_letter_ok((unsigned char)letter[0]) || letter[1] != '\t')
		return -1;
	const char *eid = letter + 2;
	const char *t3 = strchr(eid, '\t');
	if (t3 == NULL)
		return -1;
	const char *num = t3 + 1;
	if (*num < '0' || *num > '9')
		return -1;
	errno = 0;
	char *end;
	unsigned long long v = strtoull(num, &end, 10);
	if (*end != '\0' || errno == ERANGE || v > SIZE_MAX)
		return -1;
	rec->key = xstrndup(s, (size_t)(t1 - s));
	rec->m.letter = (unsigned char)letter[0];
	rec->m.eid = t3 > eid ? xstrndup(eid, (size_t)(t3 - eid)) : NULL;
	rec->m.line = (size_t)v;
	return 0;
}

/* 1 when line is the header of a format other than this one: "# circ
 * marks " and a version other than MARKS_VERSION (what follows the
 * version, after a colon, is only for people). */
static int later_format(const char *line)
{
	size_t n = strlen(MARKS_HEADER_NAME), v = strlen(MARKS_VERSION);
	if (strncmp(line, MARKS_HEADER_NAME, n) != 0)
		return 0;
	line += n;
	return strncmp(line, MARKS_VERSION, v) != 0 || (line[v] != ':' && line[v] != '\0');
}

/* Read every mark of the file at path into r (a later line for the same
 * key and letter replaces an earlier one). 0, also when the file does not
 * exist; -1 with *err when it cannot be read or is of a later format. */
static int read_recs(const char *path, struct recs *r, char **err)
{
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		if (errno == ENOENT)
			return 0;
		/* TRANSLATORS: the first %s is a file name, the second the
		 * system's reason ("Permission denied"). */
		*err = xasprintf(_("cannot read %s: %s"), path, strerror(errno));
		return -1;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int first = 1, rc = 0;
	errno = 0;
	while ((len = getline(&line, &cap, f)) >= 0) {
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (first && later_format(line)) {
			/* TRANSLATORS: %s is a file name. */
			*err = xasprintf(_("%s is in a later format; marks are not saved"), path);
			rc = -1;
			break;
		}
		first = 0;
		struct rec rec;
		if (parse_line(line, (size_t)len, &rec) != 0) /* the header too */
			continue;
		size_t i;
		for (i = 0; i < r->n; i++)
			if (r->v[i].m.letter == rec.m.letter && strcmp(r->v[i].key, rec.key) == 0)
				break;
		if (i < r->n) {
			free(r->v[i].key);
			free(r->v[i].m.eid);
		} else {
			r->v = xgrowarray(r->v, &r->cap, r->n + 1, sizeof *r->v);
			r->n++;
		}
		r->v[i] = rec;
		errno = 0;
	}
	if (rc == 0 && ferror(f)) {
		*err = xasprintf(_("cannot read %s: %s"), path, strerror(errno ? errno : EIO));
		rc = -1;
	}
	free(line);
	fclose(f);
	return rc;
}

struct marks *marks_open(const char *dockey, char **err)
{
	struct marks *m = xcalloc(1, sizeof *m);
	m->key = xstrdup(dockey);
	m->path = marks_file();
	if (m->path == NULL || !field_ok(dockey))
		return m;
	struct recs r = {0};
	if (read_recs(m->path, &r, err) != 0) {
		recs_free(&r);
		return m;
	}
	for (size_t i = 0; i < r.n; i++) {
		if (strcmp(r.v[i].key, dockey) != 0)
			continue;
		int k = slot(r.v[i].m.letter);
		m->set[k] = r.v[i].m;
		r.v[i].m.eid = NULL;
	}
	recs_free(&r);
	return m;
}

const struct mark *marks_get(const struct marks *m, int letter)
{
	int k = slot(letter);
	return k >= 0 && m->set[k].letter ? &m->set[k] : NULL;
}

/* Make dir and the directories above it that are missing, with mode 0700
 * (the XDG spec's); 0, or -1 with errno and *failed, the directory that
 * could not be made (allocated). */
static int make_dirs(char *dir, char **failed)
{
	struct stat st;
	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		*failed = xstrdup(dir);
		errno = ENOTDIR;
		return -1;
	}
	char *slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		int rc = make_dirs(dir, failed);
		*slash = '/';
		if (rc != 0)
			return -1;
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		int e = errno;
		*failed = xstrdup(dir);
		errno = e;
		return -1;
	}
	return 0;
}

/* Replace the file at path by text, through a temporary file in its
 * directory (mode 0600) renamed over it, making the directory first when
 * it is missing. 0, or -1 with *err. */
static int write_file(const char *path, const struct strbuf *text, char **err)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		char *failed = NULL;
		if (make_dirs(dir, &failed) != 0) {
			/* TRANSLATORS: the first %s is a directory, the second
			 * the system's reason. */
			*err = xasprintf(_("cannot create the directory %s: %s"), failed,
			                 strerror(errno));
			free(failed);
			free(dir);
			return -1;
		}
	}
	free(dir);
	return print_replace_file(sb_str(text), text->len, path, 0600, NULL, err);
}

/* Read the file again, put in it every mark of m not saved yet, write it
 * whole; m then holds the file's marks for its document. 0, or -1 with
 * *err. */
static int save(struct marks *m, char **err)
{
	if (m->path == NULL) {
		/* TRANSLATORS: HOME is the environment variable. */
		*err = xstrdup(_("HOME is not set"));
		return -1;
	}
	if (!field_ok(m->key)) {
		*err = xstrdup(_("the document's name is empty or holds a tab or a line break"));
		return -1;
	}
	struct recs r = {0};
	if (read_recs(m->path, &r, err) != 0) {
		recs_free(&r);
		return -1;
	}
	for (int k = 0; k < NLETTERS; k++) {
		if (!m->dirty[k])
			continue;
		size_t i;
		for (i = 0; i < r.n; i++)
			if (r.v[i].m.letter == m->set[k].letter && strcmp(r.v[i].key, m->key) == 0)
				break;
		if (i < r.n) {
			free(r.v[i].m.eid);
		} else {
			r.v = xgrowarray(r.v, &r.cap, r.n + 1, sizeof *r.v);
			r.v[i].key = xstrdup(m->key);
			r.n++;
		}
		r.v[i].m = m->set[k];
		r.v[i].m.eid = m->set[k].eid ? xstrdup(m->set[k].eid) : NULL;
	}
	struct strbuf out = STRBUF_INIT;
	sb_adds(&out, MARKS_HEADER "\n");
	for (size_t i = 0; i < r.n; i++)
		sb_addf(&out, "%s\t%c\t%s\t%zu\n", r.v[i].key, r.v[i].m.letter,
		        r.v[i].m.eid ? r.v[i].m.eid : "", r.v[i].m.line);
	int rc = write_file(m->path, &out, err);
	sb_free(&out);
	if (rc == 0) {
		/* the marks another circ saved meanwhile show here too */
		for (int k = 0; k < NLETTERS; k++) {
			free(m->set[k].eid);
			memset(&m->set[k], 0, sizeof m->set[k]);
			m->dirty[k] = 0;
		}
		for (size_t i = 0; i < r.n; i++) {
			if (strcmp(r.v[i].key, m->key) != 0)
				continue;
			m->set[slot(r.v[i].m.letter)] = r.v[i].m;
			r.v[i].m.eid = NULL;
		}
	}
	recs_free(&r);
	return rc;
}

int marks_set(struct marks *m, int letter, const char *eid, size_t line, char **err)
{
	int k = slot(letter);
	if (k < 0) {
		/* TRANSLATORS: what m or ' followed by another key says. */
		*err = xstrdup(_("a mark is a letter, a to z or A to Z"));
		return -1;
	}
	if (eid && !field_ok(eid)) {
		*err = xstrdup(_("this place cannot be marked: its eId is empty or holds a tab or "
		                 "a line break"));
		return -1;
	}
	free(m->set[k].eid);
	m->set[k].letter = letter;
	m->set[k].eid = eid ? xstrdup(eid) : NULL;
	m->set[k].line = line;
	m->dirty[k] = 1;
	char *why = NULL;
	if (save(m, &why) == 0)
		return 0;
	/* TRANSLATORS: the mark works until circ ends, but is not in the
	 * marks file; %s says why ("HOME is not set", "cannot write FILE:
	 * REASON"). */
	*err = xasprintf(_("mark set but not saved: %s"), why);
	free(why);
	return 1;
}

void marks_close(struct marks *m)
{
	if (m == NULL)
		return;
	for (int k = 0; k < NLETTERS; k++)
		free(m->set[k].eid);
	free(m->key);
	free(m->path);
	free(m);
}
