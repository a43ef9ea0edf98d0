/* opts.h: the command line. One table (opts.c) gives every option its name,
 * argument and help text; getopt_long's array and --help come from it. */
#ifndef CIRC_OPTS_H
#define CIRC_OPTS_H

#include <stddef.h>

enum opts_action {
	OPTS_DEFAULT, /* no action option: the browser (for now the outline) */
	OPTS_TOC,
	OPTS_SHOW,
	OPTS_DUMP,
	OPTS_CHECK,
	OPTS_UNITS,
	OPTS_SUMMARY,
	OPTS_REFS,
	OPTS_CITED_BY,
	OPTS_SEARCH,
	OPTS_IMPORT, /* circ import FILE, or --import FILE */
	OPTS_LIST,   /* --list: the library */
	OPTS_INFO,   /* --info: a document's identification and status */
	OPTS_INDEX,  /* --index DIR: the administrator's index */
	OPTS_KEYS,
	OPTS_HELP,
	OPTS_VERSION
};

struct opts {
	enum opts_action action;
	const char *ref;           /* --show REF, --cited-by REF, --import FILE,
	                              --index DIR */
	const char *unit;          /* --summary NAME */
	const char *pattern;       /* --search PATTERN */
	const char *at;            /* the place to open at: --at REF, +REF or a
	                              last argument that is not a file; NULL:
	                              none */
	int recursive;             /* --recursive */
	int links;                 /* --links */
	int cases;                 /* search: 0 smart, 1 ignore (-i), 2 exact (-s) */
	int accents;               /* search: 0 smart, 1 ignore, 2 exact */
	int fixed;                 /* -F */
	int count;                 /* -c */
	const char *in;            /* --in REF */
	const char *output;        /* --output FILE */
	int force;                 /* --force */
	int print;                 /* --print */
	const char *print_command; /* --print-command CMD */
	const char *printer;       /* --printer MODE */
	int restricted;            /* --restricted */
	int strict;                /* --strict */
	int utf8;                  /* -u, --utf8 */
	const char *symbol;        /* import: --symbol S */
	const char *date;          /* import: --date YYYY-MM-DD */
	const char *lang;          /* import: --lang fr|en */
	const char *type;          /* import: --type bulletin|instruction|circular */
	int draft_org;             /* import: --draft-org */
	int into_library;          /* import: --into-library */
	int all;                   /* --all: every document of the library */
	int by_date;               /* --list: --by-date */
	long width;                /* -1: not given */
	char **files;              /* FILE... (may be empty) */
	size_t nfiles;
	char **args;               /* the files and directories as given
	                              (files becomes the documents they name) */
	size_t nargs;
};

/* Parse argv. Returns 0, or 2 after reporting a usage error. The arguments
 * after the options are sorted into FILEs and a place (o->at): +REF is a
 * place; without a view option, so is the last argument when it is not a
 * file ('-', a name with a '/' or ending in .xml, an existing
 * file) and no --at or +REF was given. */
int opts_parse(int argc, char **argv, struct opts *o);
/* The --help text generated from the option table, added to out. */
struct strbuf;
void opts_help(struct strbuf *out);

#endif
