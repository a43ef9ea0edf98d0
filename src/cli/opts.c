/* opts.c: the option table and its parser (see opts.h). */
#include "opts.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "circ/err.h"
#include "circ/layout.h"
#include "circ/strbuf.h"

/* One command-line option. An option with an action selects the view; its
 * argument, when it takes one, is what the view is about (REF, NAME). */
struct optdef {
	const char *name;
	int key;                 /* short option character, or a value above 255 */
	const char *arg;         /* argument name, or NULL */
	enum opts_action action; /* the view it selects, or OPTS_DEFAULT */
	const char *help;
};

enum {
	KEY_TOC = 256,
	KEY_SHOW,
	KEY_DUMP,
	KEY_CHECK,
	KEY_UNITS,
	KEY_SUMMARY,
	KEY_REFS,
	KEY_CITED_BY,
	KEY_LINKS,
	KEY_SEARCH,
	KEY_EXACT_ACCENTS,
	KEY_IGNORE_ACCENTS,
	KEY_IN,
	KEY_KEYS,
	KEY_OUTPUT,
	KEY_FORCE,
	KEY_PRINT,
	KEY_PRINT_COMMAND,
	KEY_PRINTER,
	KEY_RESTRICTED
};

static const struct optdef table[] = {
    {"toc", KEY_TOC, NULL, OPTS_TOC, "print the outline: one line per section, paragraph and item"},
    {"show", KEY_SHOW, "REF", OPTS_SHOW,
     "print one part and everything below it (REF: 1.2, 5.7b, 7.3 d) ii), section 8, an eId)"},
    {"dump", KEY_DUMP, NULL, OPTS_DUMP, "print the whole document as plain text"},
    {"check", KEY_CHECK, NULL, OPTS_CHECK,
     "validate the files and list every problem found, one per line"},
    {"units", KEY_UNITS, NULL, OPTS_UNITS,
     "print the organisation as a tree: kind, name and head of every unit"},
    {"summary", KEY_SUMMARY, "NAME", OPTS_SUMMARY,
     "print a unit's summary (NAME: words of its name, e.g. 'div soutien log', or its eId)"},
    {"refs", KEY_REFS, NULL, OPTS_REFS,
     "list every citation, one per line: citing part, cited text, target (TAB-separated)"},
    {"cited-by", KEY_CITED_BY, "REF", OPTS_CITED_BY,
     "list the parts that cite REF (or a part below it), each with the citing sentence"},
    {"links", KEY_LINKS, NULL, OPTS_DEFAULT,
     "with --show: add what the part cites and what cites it below its text"},
    {"search", KEY_SEARCH, "PATTERN", OPTS_SEARCH,
     "print every match of the regular expression PATTERN (PCRE2), one line each: part and "
     "context; case and accents are ignored unless PATTERN has a capital or an accented letter"},
    {"ignore-case", 'i', NULL, OPTS_DEFAULT, "with --search: ignore case"},
    {"case-sensitive", 's', NULL, OPTS_DEFAULT, "with --search: do not ignore case"},
    {"exact-accents", KEY_EXACT_ACCENTS, NULL, OPTS_DEFAULT,
     "with --search: accents must match (e does not find é)"},
    {"ignore-accents", KEY_IGNORE_ACCENTS, NULL, OPTS_DEFAULT,
     "with --search: ignore accents even when PATTERN has some"},
    {"fixed", 'F', NULL, OPTS_DEFAULT, "with --search: PATTERN is a plain string"},
    {"in", KEY_IN, "REF", OPTS_DEFAULT, "with --search: only in REF and the parts below it"},
    {"count", 'c', NULL, OPTS_DEFAULT, "with --search: print only the number of matches"},
    {"recursive", 'r', NULL, OPTS_DEFAULT,
     "with --summary: also every unit below it, one per page"},
    {"width", 'w', "N", OPTS_DEFAULT,
     "wrap text to N columns (default: 72 for --summary; else $COLUMNS, the terminal's width, or "
     "80; 0: no wrapping)"},
    {"output", 'o', "FILE", OPTS_DEFAULT,
     "write the view to FILE instead of standard output (an existing FILE only with --force)"},
    {"force", KEY_FORCE, NULL, OPTS_DEFAULT, "with --output: replace an existing file"},
    {"print", 'p', NULL, OPTS_DEFAULT,
     "send the view to the printer (see --printer) instead of standard output"},
    {"printer", KEY_PRINTER, "MODE", OPTS_DEFAULT,
     "command (the print command, on this machine), terminal (the printer of your terminal, "
     "by its terminfo mc5/mc4) or ansi (the same by ESC [5i ... ESC [4i)"},
    {"print-command", KEY_PRINT_COMMAND, "CMD", OPTS_DEFAULT,
     "the print command (default lpr; run without a shell, the text on its input)"},
    {"restricted", KEY_RESTRICTED, NULL, OPTS_DEFAULT,
     "write no file, run no command, read no other file and no settings of the user, no "
     "suspend (for an sshd ForceCommand); printing to the terminal's printer stays"},
    {"keys", KEY_KEYS, NULL, OPTS_KEYS, "print the browser's keys and exit"},
    {"help", 'h', NULL, OPTS_HELP, "print this help and exit"},
    {"version", 'V', NULL, OPTS_VERSION, "print the version and exit"},
};
#define NOPTS (sizeof table / sizeof table[0])

void opts_help(void)
{
	struct strbuf out = STRBUF_INIT;
	sb_adds(&out, "Usage: circ [OPTION]... [FILE]...\n"
	              "Browse a Secretary-General's bulletin in Akoma Ntoso XML (by default the\n"
	              "bundled ST/SGB/2010/2, « Organisation du Département de l'appui aux\n"
	              "missions »).\n\n");
	for (size_t i = 0; i < NOPTS; i++) {
		char left[64];
		const struct optdef *d = &table[i];
		if (d->key < 256)
			snprintf(left, sizeof left, "  -%c, --%s%s%s", d->key, d->name,
			         d->arg ? " " : "", d->arg ? d->arg : "");
		else
			snprintf(left, sizeof left, "      --%s%s%s", d->name, d->arg ? " " : "",
			         d->arg ? d->arg : "");
		/* the help text hangs at column 23, wrapped to 79 columns */
		layout_wrap(&out, d->help, 0, left, 23, 79);
	}
	sb_adds(&out,
	        "\nWith several FILEs, each output line starts with the file it comes from.\n"
	        "FILE '-' is standard input.\n"
	        "Exit status: 0 done, 1 reference or unit not found (or ambiguous unit name),\n"
	        "2 usage error or bad settings, 3 a document cannot be read, parsed or validated,\n"
	        "4 internal error (output or printing failed, broken schema).\n");
	fputs(sb_str(&out), stdout);
	sb_free(&out);
}

static int set_action(struct opts *o, enum opts_action a, const char *name)
{
	static const char *current;
	if (o->action != OPTS_DEFAULT && o->action != a) {
		err_report(NULL, 0, 0, "--%s and --%s cannot be used together", current, name);
		return ERR_EXIT_USAGE;
	}
	o->action = a;
	current = name;
	return 0;
}

static int parse_width(const char *s, long *w)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0 || (v > 0 && v < LAYOUT_MIN_WIDTH) ||
	    v > LAYOUT_MAX_WIDTH) {
		err_report(NULL, 0, 0, "--width: '%s' is not 0 or a number from %d to %d", s,
		           LAYOUT_MIN_WIDTH, LAYOUT_MAX_WIDTH);
		return ERR_EXIT_USAGE;
	}
	*w = v;
	return 0;
}

/* Report an option getopt_long refused: unknown, or given an argument it
 * does not take ("--toc=yes"). */
static int bad_option(const char *arg)
{
	if (optopt != 0 && strncmp(arg, "--", 2) == 0) {
		for (size_t i = 0; i < NOPTS; i++) {
			if (table[i].key == optopt) {
				err_report(
				    NULL, 0, 0,
				    "option '--%s' doesn't allow an argument; try 'circ --help'",
				    table[i].name);
				return ERR_EXIT_USAGE;
			}
		}
	}
	if (optopt != 0 && strncmp(arg, "--", 2) != 0)
		err_report(NULL, 0, 0, "unknown option '-%c'; try 'circ --help'", optopt);
	else
		err_report(NULL, 0, 0, "unknown option '%s'; try 'circ --help'", arg);
	return ERR_EXIT_USAGE;
}

/* The table entry of an option key, or NULL. */
static const struct optdef *find(int key)
{
	for (size_t i = 0; i < NOPTS; i++)
		if (table[i].key == key)
			return &table[i];
	return NULL;
}

int opts_parse(int argc, char **argv, struct opts *o)
{
	struct option longs[NOPTS + 1];
	char shorts[2 * NOPTS + 2];
	size_t ns = 0;
	shorts[ns++] = ':';
	for (size_t i = 0; i < NOPTS; i++) {
		longs[i].name = table[i].name;
		longs[i].has_arg = table[i].arg ? required_argument : no_argument;
		longs[i].flag = NULL;
		longs[i].val = table[i].key;
		if (table[i].key < 256) {
			shorts[ns++] = (char)table[i].key;
			if (table[i].arg)
				shorts[ns++] = ':';
		}
	}
	shorts[ns] = '\0';
	memset(&longs[NOPTS], 0, sizeof longs[NOPTS]);

	memset(o, 0, sizeof *o);
	o->width = -1;
	opterr = 0;
	int c, r = 0;
	while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		const struct optdef *def = find(c);
		if (def && (def->action == OPTS_HELP || def->action == OPTS_VERSION)) {
			o->action = def->action;
			return 0;
		}
		if (def && def->action != OPTS_DEFAULT) {
			r = set_action(o, def->action, def->name);
			if (r == 0 && def->arg) {
				o->ref = optarg;
				if (optarg[0] == '\0') {
					err_report(NULL, 0, 0, "--%s: the %s is empty", def->name,
					           def->arg);
					r = ERR_EXIT_USAGE;
				}
			}
			if (r)
				return r;
			continue;
		}
		switch (c) {
		case 'r':
			o->recursive = 1;
			break;
		case KEY_LINKS:
			o->links = 1;
			break;
		case 'i':
			o->cases = 1;
			break;
		case 's':
			o->cases = 2;
			break;
		case KEY_IGNORE_ACCENTS:
			o->accents = 1;
			break;
		case KEY_EXACT_ACCENTS:
			o->accents = 2;
			break;
		case 'F':
			o->fixed = 1;
			break;
		case 'c':
			o->count = 1;
			break;
		case KEY_IN:
			o->in = optarg;
			break;
		case 'o':
			o->output = optarg;
			if (*optarg == '\0') {
				err_report(NULL, 0, 0, "--output: the FILE is empty");
				return ERR_EXIT_USAGE;
			}
			break;
		case KEY_FORCE:
			o->force = 1;
			break;
		case 'p':
			o->print = 1;
			break;
		case KEY_PRINTER:
			o->printer = optarg;
			break;
		case KEY_PRINT_COMMAND:
			o->print_command = optarg;
			break;
		case KEY_RESTRICTED:
			o->restricted = 1;
			break;
		case 'w':
			r = parse_width(optarg, &o->width);
			break;
		case ':':
			err_report(NULL, 0, 0, "option '%s' needs an argument; try 'circ --help'",
			           argv[optind - 1]);
			return ERR_EXIT_USAGE;
		default:
			return bad_option(argv[optind - 1]);
		}
		if (r)
			return r;
	}
	if (o->recursive && o->action != OPTS_SUMMARY) {
		err_report(NULL, 0, 0, "--recursive goes with --summary");
		return ERR_EXIT_USAGE;
	}
	if (o->links && o->action != OPTS_SHOW) {
		err_report(NULL, 0, 0, "--links goes with --show");
		return ERR_EXIT_USAGE;
	}
	if ((o->cases || o->accents || o->fixed || o->count || o->in) && o->action != OPTS_SEARCH) {
		err_report(NULL, 0, 0,
		           "-i, -s, --exact-accents, --ignore-accents, -F, -c and --in "
		           "go with --search");
		return ERR_EXIT_USAGE;
	}
	if (o->output && o->print) {
		err_report(NULL, 0, 0, "--output and --print cannot be used together");
		return ERR_EXIT_USAGE;
	}
	if ((o->output || o->print) && o->action == OPTS_DEFAULT) {
		err_report(NULL, 0, 0,
		           "--output and --print go with a view (--toc, --show, "
		           "--summary...)");
		return ERR_EXIT_USAGE;
	}
	if (o->force && !o->output) {
		err_report(NULL, 0, 0, "--force goes with --output");
		return ERR_EXIT_USAGE;
	}
	o->files = argv + optind;
	o->nfiles = (size_t)(argc - optind);
	for (size_t i = 0; i < o->nfiles; i++) {
		if (o->files[i][0] == '\0') {
			err_report(NULL, 0, 0, "an empty file name was given");
			return ERR_EXIT_USAGE;
		}
	}
	return 0;
}
