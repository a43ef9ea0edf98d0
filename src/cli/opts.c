/* opts.c: the option table and its parser (see opts.h). */
#include "opts.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "circ/err.h"
#include "circ/i18n.h"
#include "circ/layout.h"
#include "circ/strbuf.h"
#include "circ/utf8.h"
#include "circ/xalloc.h"

/* One command-line option. An option with an action selects the view; its
 * argument, when it takes one, is what the view is about (REF, NAME). */
struct optdef {
	const char *name;
	int key;                 /* short option character, or a value above 255 */
	const char *arg;         /* argument name (marked N_()), or NULL */
	enum opts_action action; /* the view it selects, or OPTS_DEFAULT */
	const char *help;        /* marked N_(), shown with _() */
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
	KEY_RESTRICTED,
	KEY_STRICT,
	KEY_AT,
	KEY_IMPORT,
	KEY_SYMBOL,
	KEY_DATE,
	KEY_LANG,
	KEY_TYPE,
	KEY_DRAFT_ORG,
	KEY_INTO_LIBRARY,
	KEY_LIST,
	KEY_INFO,
	KEY_INDEX,
	KEY_ALL,
	KEY_BY_DATE
};

/* The help texts and argument names are marked N_() and translated where
 * --help shows them. */
static const struct optdef table[] = {
    {"toc", KEY_TOC, NULL, OPTS_TOC,
     /* TRANSLATORS: the descriptions of the options in 'circ --help'. They
        are wrapped to the screen automatically. Option names (--show), the
        values command, terminal and ansi, $COLUMNS, TAB, PCRE2, lpr,
        mc5/mc4 and ESC [5i stay as they are; REF, NAME, PATTERN, N, FILE,
        MODE and CMD must read as their own translations (the argument
        names). */
     N_("print the outline: one line per section, paragraph and item")},
    /* TRANSLATORS: argument names of the options in 'circ --help' and in
       "--show: the REF is empty"; capitals, no spaces. REF is a reference
       to a part of the bulletin (1.2, 5.7b). */
    {"show", KEY_SHOW, N_("REF"), OPTS_SHOW,
     N_("print one part and everything below it (REF: 1.2, 5.7b, 7.3 d) ii), section 8, an eId, "
        "or as cited: subparagraph (b) of paragraph 5.2)")},
    {"dump", KEY_DUMP, NULL, OPTS_DUMP, N_("print the whole document as plain text")},
    {"check", KEY_CHECK, NULL, OPTS_CHECK,
     N_("validate the files (official Akoma Ntoso 3.0 schema, then circ's own checks) and list "
        "every problem found, one per line")},
    {"units", KEY_UNITS, NULL, OPTS_UNITS,
     N_("print the organisation as a tree: kind, name and head of every unit")},
    /* TRANSLATORS: argument name: words of a unit's name */
    {"summary", KEY_SUMMARY, N_("NAME"), OPTS_SUMMARY,
     N_("print a unit's summary (NAME: words of its name, e.g. 'div soutien log', or its eId)")},
    {"refs", KEY_REFS, NULL, OPTS_REFS,
     N_("list every citation, one per line: citing part, cited text, target (TAB-separated)")},
    {"cited-by", KEY_CITED_BY, N_("REF"), OPTS_CITED_BY,
     N_("list the parts that cite REF (or a part below it), each with the citing sentence")},
    {"links", KEY_LINKS, NULL, OPTS_DEFAULT,
     N_("with --show: add what the part cites and what cites it below its text")},
    /* TRANSLATORS: argument name: a regular expression */
    {"search", KEY_SEARCH, N_("PATTERN"), OPTS_SEARCH,
     N_("print every match of the regular expression PATTERN (PCRE2), one line each: part and "
        "context; case and accents are ignored unless PATTERN has a capital or an accented "
        "letter")},
    {"ignore-case", 'i', NULL, OPTS_DEFAULT, N_("with --search: ignore case")},
    {"case-sensitive", 's', NULL, OPTS_DEFAULT, N_("with --search: do not ignore case")},
    {"exact-accents", KEY_EXACT_ACCENTS, NULL, OPTS_DEFAULT,
     N_("with --search: accents must match (e does not find é)")},
    {"ignore-accents", KEY_IGNORE_ACCENTS, NULL, OPTS_DEFAULT,
     N_("with --search: ignore accents even when PATTERN has some")},
    {"fixed", 'F', NULL, OPTS_DEFAULT, N_("with --search: PATTERN is a plain string")},
    {"in", KEY_IN, N_("REF"), OPTS_DEFAULT,
     N_("with --search: only in REF and the parts below it")},
    {"count", 'c', NULL, OPTS_DEFAULT, N_("with --search: print only the number of matches")},
    {"recursive", 'r', NULL, OPTS_DEFAULT,
     N_("with --summary: also every unit below it, one per page")},
    /* TRANSLATORS: 'circ import FILE' and --import FILE; "circ import
       FILE" stays as it is, but for FILE */
    {"import", KEY_IMPORT, N_("FILE"), OPTS_IMPORT,
     N_("turn the published plain text (UTF-8) of a bulletin, or its PDF (through pdftotext), "
        "into Akoma Ntoso XML, on standard output or to --output FILE; also written circ "
        "import FILE")},
    /* TRANSLATORS: argument name: a UN document symbol */
    {"symbol", KEY_SYMBOL, N_("SYMBOL"), OPTS_DEFAULT,
     N_("with --import: the document's symbol (ST/SGB/2010/2), when the text does not give it")},
    /* TRANSLATORS: argument name: a date */
    {"date", KEY_DATE, N_("DATE"), OPTS_DEFAULT,
     N_("with --import: the date of the document, YYYY-MM-DD (default: the date in its "
        "header, else the year of its symbol)")},
    /* TRANSLATORS: argument name: a language code */
    {"lang", KEY_LANG, N_("LANG"), OPTS_DEFAULT,
     N_("with --import: the language of the text, fr or en (default: that of its document "
        "type line, else a guess)")},
    /* TRANSLATORS: argument name: a kind of document */
    {"type", KEY_TYPE, N_("TYPE"), OPTS_DEFAULT,
     N_("with --import: bulletin, instruction or circular (default: from the document type "
        "line or the symbol)")},
    {"draft-org", KEY_DRAFT_ORG, NULL, OPTS_DEFAULT,
     N_("with --import: also propose the organisation block (units, heads, reporting lines) "
        "from the text's sentences, marked draft for review")},
    /* TRANSLATORS: argument name: a number of columns */
    {"into-library", KEY_INTO_LIBRARY, NULL, OPTS_DEFAULT,
     N_("with --import: write the document into your library ($XDG_DATA_HOME/circ/library), "
        "named after its symbol and language")},
    {"list", KEY_LIST, NULL, OPTS_LIST,
     N_("list the library: one document a line, SYMBOL, DATE, LANG, TYPE, TITLE, STATUS and "
        "FILE separated by TABs, sorted by symbol")},
    {"by-date", KEY_BY_DATE, NULL, OPTS_DEFAULT, N_("with --list: newest first")},
    {"info", KEY_INFO, NULL, OPTS_INFO,
     N_("print a document's identification and status (in force, or abolished by which "
        "document and part); the document is a FILE or a SYMBOL of the library")},
    {"all", 'a', NULL, OPTS_DEFAULT,
     N_("with --search: search every document of the library; the lines read \"SYMBOL PART: "
        "context\"")},
    {"index", KEY_INDEX, N_("DIR"), OPTS_INDEX,
     N_("make or bring up to date the index of the library in DIR (in DIR/.circ-index), for "
        "whoever can write there: the administrator's library")},
    {"width", 'w', N_("N"), OPTS_DEFAULT,
     N_("wrap text to N columns, 20 to 1000 (default: 72 for --summary; else $COLUMNS, the "
        "terminal's width, or 80; 0: no wrapping); the lines of --toc and --units are cut "
        "only to N or on a terminal: a pipe gets them whole")},
    /* TRANSLATORS: argument name: a file name */
    {"output", 'o', N_("FILE"), OPTS_DEFAULT,
     N_("write the view to FILE instead of standard output (an existing FILE only with --force; "
        "'-': standard output)")},
    {"force", KEY_FORCE, NULL, OPTS_DEFAULT, N_("with --output: replace an existing file")},
    {"print", 'p', NULL, OPTS_DEFAULT,
     N_("send the view to the printer (see --printer) instead of standard output, after a "
        "header: the bulletin, what is printed, how many pages")},
    /* TRANSLATORS: argument name: command, terminal or ansi */
    {"printer", KEY_PRINTER, N_("MODE"), OPTS_DEFAULT,
     /* TRANSLATORS: command, terminal and ansi are what the user types after
        --printer: keep them */
     N_("command (the print command, on this machine), terminal (the printer of your terminal, "
        "by its terminfo mc5/mc4) or ansi (the same by ESC [5i ... ESC [4i)")},
    /* TRANSLATORS: argument name: a command line */
    {"print-command", KEY_PRINT_COMMAND, N_("CMD"), OPTS_DEFAULT,
     N_("the print command (default lpr; run without a shell, the text on its input)")},
    {"at", KEY_AT, N_("REF"), OPTS_DEFAULT,
     N_("open the browser at REF: a part, as --show takes it, or a unit, as --summary takes "
        "it (as ':' in the browser); also +REF, or REF after the FILEs (see below)")},
    {"strict", KEY_STRICT, NULL, OPTS_DEFAULT,
     N_("refuse a document in which the checks find problems (duplicate eIds, references "
        "that do not resolve, an organisation block its schema refuses) instead of opening "
        "it with a warning")},
    {"restricted", KEY_RESTRICTED, NULL, OPTS_DEFAULT,
     N_("write no file, run no command, read no file but the bundled bulletin and the "
        "administrator's library and no settings of the user, no suspend (for an sshd "
        "ForceCommand); printing to the terminal's printer stays")},
    {"utf8", 'u', NULL, OPTS_DEFAULT,
     N_("the terminal shows UTF-8 whatever the locale says (as tmux -u): the browser draws é "
        "and « » even in the C locale of an SSH session that forwards no LANG")},
    {"keys", KEY_KEYS, NULL, OPTS_KEYS,
     N_("print the browser's keys (wrapped to --width, else 79 columns) and exit")},
    {"help", 'h', NULL, OPTS_HELP, N_("print this help and exit")},
    {"version", 'V', NULL, OPTS_VERSION, N_("print the version and exit")},
};
#define NOPTS (sizeof table / sizeof table[0])

/* --help is wrapped to HELP_WIDTH columns (its paragraphs to HELP_PAGE, the
 * screen's 80: their line breaks are the translator's, and only a line wider
 * than that is wrapped). Every width is the display width of the translated
 * text (utf8_width()), never its length in bytes. */
#define HELP_WIDTH    79
#define HELP_PAGE     80
/* The descriptions start one column after the widest lead, as long as they
 * keep at least HELP_TEXT_MIN columns; a wider lead passes their column. */
#define HELP_TEXT_MIN 55

/* The left part of an option's line: "  -o, --output FILE", the argument name
 * translated. */
static void help_lead(struct strbuf *lead, const struct optdef *d)
{
	if (d->key < 256)
		sb_addf(lead, "  -%c, --%s", d->key, d->name);
	else
		sb_addf(lead, "      --%s", d->name);
	if (d->arg)
		sb_addf(lead, " %s", _(d->arg));
}

/* A paragraph of --help, as the translator broke its lines. */
static void help_para(struct strbuf *out, const char *text)
{
	layout_wrap(out, text, 0, NULL, 0, HELP_PAGE);
}

void opts_help(struct strbuf *out)
{
	struct strbuf text = STRBUF_INIT, lead = STRBUF_INIT;
	/* TRANSLATORS: the first line of 'circ --help'; keep "circ" */
	help_para(&text, _("Usage: circ [OPTION]... [FILE]... [[+]REF]"));
	help_para(&text,
	          /* TRANSLATORS: « Organisation du Département de l'appui aux
	             missions » is the bulletin's title, in French: keep it. Lines
	             wider than 80 columns are wrapped. */
	          _("Browse a Secretary-General's bulletin in Akoma Ntoso XML (by default the\n"
	            "bundled ST/SGB/2010/2, « Organisation du Département de l'appui aux\n"
	            "missions »)."));
	sb_addc(&text, '\n');

	/* the description column, from the translated leads */
	size_t hang = 0;
	for (size_t i = 0; i < NOPTS; i++) {
		sb_truncate(&lead, 0);
		help_lead(&lead, &table[i]);
		size_t lw = utf8_width(lead.s, lead.len);
		if (lw + 1 + HELP_TEXT_MIN <= HELP_WIDTH && lw + 1 > hang)
			hang = lw + 1;
	}
	for (size_t i = 0; i < NOPTS; i++) {
		const struct optdef *d = &table[i];
		const char *help = _(d->help);
		sb_truncate(&lead, 0);
		help_lead(&lead, d);
		size_t lw = utf8_width(lead.s, lead.len);
		if (lw + 1 > hang) {
			/* a description whose lead passes the column starts on
			 * the next line, aligned with the others and within
			 * HELP_WIDTH */
			sb_adds(&text, sb_str(&lead));
			sb_addc(&text, '\n');
			layout_wrap(&text, help, hang, NULL, 0, HELP_WIDTH);
		} else {
			layout_wrap(&text, help, 0, sb_str(&lead), hang, HELP_WIDTH);
		}
	}
	sb_addc(&text, '\n');
	help_para(&text,
	          /* TRANSLATORS: "FILE" is the argument name of the usage line.
	             Lines wider than 80 columns are wrapped. */
	          _("With several FILEs, each output line starts with the file it comes from.\n"
	            "FILE '-' is standard input. Options that contradict each other (-i and -s,\n"
	            "two --show, two different --width...) are refused."));
	help_para(&text,
	          /* TRANSLATORS: REF and FILE are the argument names of the
	             usage line; './5.7' and .xml stay as they are. Lines wider
	             than 80 columns are wrapped. */
	          _("Without a view option, on a terminal, circ opens the browser at REF (a part\n"
	            "or a unit) given as --at REF, as +REF, or as the last argument when that\n"
	            "is no FILE: an argument is a FILE when it names an existing file, has a '/'\n"
	            "or ends in .xml ('./5.7' is the file 5.7). A REF that names nothing is an\n"
	            "error, and the browser does not start. Without a terminal, circ REF prints\n"
	            "what --show REF prints, or for a unit what --summary prints."));
	help_para(
	    &text,
	    /* TRANSLATORS: lines wider than 80 columns are wrapped */
	    _("Exit status: 0 done, 1 reference or unit not found (or ambiguous unit name),\n"
	      "2 usage error or bad settings, 3 a document cannot be read, parsed or validated,\n"
	      "4 internal error (output or printing failed, broken schema)."));
	sb_add(out, sb_str(&text), text.len);
	sb_free(&lead);
	sb_free(&text);
}

/* What one option set, as given, so that a second option setting the same
 * thing differently is refused instead of silently winning. */
struct setting {
	const struct optdef *def; /* NULL: not set yet */
	const char *arg;          /* its argument, or NULL */
};

/* "--show 1.2", "--ignore-case": an option as the messages name it
 * (allocated). */
static char *spell(const struct setting *s)
{
	return s->arg ? xasprintf("--%s %s", s->def->name, s->arg)
	              : xasprintf("--%s", s->def->name);
}

/* Report that two options contradict each other; returns the usage
 * status. */
static int contradict(const struct setting *a, const struct setting *b)
{
	char *x = spell(a), *y = spell(b);
	/* TRANSLATORS: %s are options as given: "--ignore-case and
	   --case-sensitive cannot be used together", "--show 1.2 and --show
	   5.7b cannot be used together" */
	err_report(NULL, 0, 0, _("%s and %s cannot be used together"), x, y);
	free(x);
	free(y);
	return ERR_EXIT_USAGE;
}

/* Record that def (with arg) sets what *slot holds: 0, or the usage status
 * when an earlier option set it differently. The same option with the same
 * argument again is harmless. */
static int set_once(struct setting *slot, const struct optdef *def, const char *arg)
{
	struct setting now = {def, arg};
	if (slot->def && (slot->def != def || (arg && strcmp(slot->arg, arg) != 0)))
		return contradict(slot, &now);
	*slot = now;
	return 0;
}

static int parse_width(const char *s, long *w)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0 || (v > 0 && v < LAYOUT_MIN_WIDTH) ||
	    v > LAYOUT_MAX_WIDTH) {
		err_report(NULL, 0, 0, _("--width: '%s' is not 0 or a number from %d to %d"), s,
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
				    _("option '--%s' doesn't allow an argument; try 'circ --help'"),
				    table[i].name);
				return ERR_EXIT_USAGE;
			}
		}
	}
	if (optopt != 0 && strncmp(arg, "--", 2) != 0)
		err_report(NULL, 0, 0, _("unknown option '-%c'; try 'circ --help'"), optopt);
	else
		err_report(NULL, 0, 0, _("unknown option '%s'; try 'circ --help'"), arg);
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

/* Whether the argument arg is read as a FILE rather than as a place: '-'
 * (standard input), a name with a '/' or ending in .xml, or the name of an
 * existing file. A file named like a reference is still reached as
 * ./5.7. */
static int is_file(const char *arg)
{
	struct stat st;
	size_t n = strlen(arg);
	return strcmp(arg, "-") == 0 || strchr(arg, '/') ||
	       (n >= 4 && strcasecmp(arg + n - 4, ".xml") == 0) || stat(arg, &st) == 0;
}

/* Sort the arguments after the options into FILEs and the place to open at
 * (o->at; given is "--at" when --at set it). +REF is always a place; the
 * last argument is one when there is no view option, no place given
 * otherwise, and it is no file (is_file()). A place goes only with the
 * browser (view is the view option, or NULL): with --toc, --show... it is
 * a usage error, as two different places are. Returns 0 or the usage
 * status. */
static int take_place(struct opts *o, const char *given, const struct optdef *view)
{
	/* how the place was given, for the messages: "--at 5.2", "+5.2" */
	char *spelled = given ? xasprintf("%s %s", given, o->at) : NULL;
	int r = 0;
	size_t k = 0;
	for (size_t i = 0; i < o->nfiles && r == 0; i++) {
		char *a = o->files[i];
		if (a[0] != '+') {
			o->files[k++] = a;
			continue;
		}
		if (a[1] == '\0') {
			/* TRANSLATORS: '+' alone on the command line; +5.7b and
			   ./+ stay as they are */
			err_report(NULL, 0, 0,
			           _("'+' names no place: write the reference after it (+5.7b); "
			             "a file named '+' is ./+"));
			r = ERR_EXIT_USAGE;
		} else if (o->at && strcmp(o->at, a + 1) != 0) {
			err_report(NULL, 0, 0, _("%s and %s cannot be used together"), spelled, a);
			r = ERR_EXIT_USAGE;
		} else if (!o->at) {
			o->at = a + 1;
			spelled = xstrdup(a);
		}
	}
	o->nfiles = k;
	if (r == 0 && !o->at && !view && k > 0 && !is_file(o->files[k - 1])) {
		o->at = o->files[--o->nfiles];
		spelled = xstrdup(o->at);
	}
	if (r == 0 && o->at && view) {
		/* TRANSLATORS: the first %s is the place as given ("+5.2",
		   "--at 5.2"), the second an option name ("show") */
		err_report(NULL, 0, 0, _("%s opens the browser: it does not go with --%s"), spelled,
		           view->name);
		r = ERR_EXIT_USAGE;
	}
	free(spelled);
	return r;
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
	/* what each option sets: a second option setting it differently is a
	 * contradiction (-i -s, two --show, two --width...) */
	struct setting action = {0}, cases = {0}, accents = {0}, in = {0}, output = {0},
	               print = {0}, printer = {0}, command = {0}, width = {0}, at = {0};
	int c, r = 0;
	/* "circ import FILE" is --import FILE: the subcommand the user
	 * expects, parsed as the action option it is (a file named import is
	 * ./import, as a file named 5.7 is ./5.7) */
	if (argc > 1 && strcmp(argv[1], "import") == 0) {
		static char import_opt[] = "--import";
		argv[1] = import_opt; /* argv is the program's to change */
	}
	struct setting symbol = {0}, date = {0}, lang = {0}, type = {0}, draft = {0}, into = {0},
	               all = {0}, bydate = {0};
	while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		const struct optdef *def = find(c);
		if (def && (def->action == OPTS_HELP || def->action == OPTS_VERSION)) {
			o->action = def->action;
			return 0;
		}
		if (def && def->action != OPTS_DEFAULT) {
			r = set_once(&action, def, def->arg ? optarg : NULL);
			if (r == 0 && def->arg) {
				/* the action's argument, in the field of its kind */
				if (def->action == OPTS_SUMMARY)
					o->unit = optarg;
				else if (def->action == OPTS_SEARCH)
					o->pattern = optarg;
				else
					o->ref = optarg;
				if (optarg[0] == '\0') {
					err_report(NULL, 0, 0, _("--%s: the %s is empty"),
					           def->name, _(def->arg));
					r = ERR_EXIT_USAGE;
				}
			}
			if (r)
				return r;
			o->action = def->action;
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
		case 's':
			r = set_once(&cases, def, NULL);
			o->cases = c == 'i' ? 1 : 2;
			break;
		case KEY_IGNORE_ACCENTS:
		case KEY_EXACT_ACCENTS:
			r = set_once(&accents, def, NULL);
			o->accents = c == KEY_IGNORE_ACCENTS ? 1 : 2;
			break;
		case 'F':
			o->fixed = 1;
			break;
		case 'c':
			o->count = 1;
			break;
		case KEY_IN:
			r = set_once(&in, def, optarg);
			o->in = optarg;
			break;
		case 'o':
			r = set_once(&output, def, optarg);
			/* '-' is standard output, as for every Unix tool */
			o->output = strcmp(optarg, "-") == 0 ? NULL : optarg;
			if (r == 0 && *optarg == '\0') {
				/* TRANSLATORS: the first %s is an option name, the
				   second the translated argument name (REF, FILE...):
				   "--output: the FILE is empty" */
				err_report(NULL, 0, 0, _("--%s: the %s is empty"), "output",
				           _("FILE"));
				return ERR_EXIT_USAGE;
			}
			break;
		case KEY_FORCE:
			o->force = 1;
			break;
		case 'p':
			print.def = def;
			o->print = 1;
			break;
		case KEY_PRINTER:
			r = set_once(&printer, def, optarg);
			o->printer = optarg;
			break;
		case KEY_PRINT_COMMAND:
			r = set_once(&command, def, optarg);
			o->print_command = optarg;
			break;
		case KEY_RESTRICTED:
			o->restricted = 1;
			break;
		case KEY_STRICT:
			o->strict = 1;
			break;
		case KEY_AT:
			r = set_once(&at, def, optarg);
			o->at = optarg;
			if (r == 0 && *optarg == '\0') {
				err_report(NULL, 0, 0, _("--%s: the %s is empty"), "at", _("REF"));
				return ERR_EXIT_USAGE;
			}
			break;
		case 'u':
			o->utf8 = 1;
			break;
		case KEY_SYMBOL:
			r = set_once(&symbol, def, optarg);
			o->symbol = optarg;
			break;
		case KEY_DATE:
			r = set_once(&date, def, optarg);
			o->date = optarg;
			break;
		case KEY_LANG:
			r = set_once(&lang, def, optarg);
			o->lang = optarg;
			break;
		case KEY_TYPE:
			r = set_once(&type, def, optarg);
			o->type = optarg;
			break;
		case KEY_DRAFT_ORG:
			r = set_once(&draft, def, NULL);
			o->draft_org = 1;
			break;
		case KEY_INTO_LIBRARY:
			r = set_once(&into, def, NULL);
			o->into_library = 1;
			break;
		case 'a':
			r = set_once(&all, def, NULL);
			o->all = 1;
			break;
		case KEY_BY_DATE:
			r = set_once(&bydate, def, NULL);
			o->by_date = 1;
			break;
		case 'w':
			r = set_once(&width, def, optarg);
			if (r == 0)
				r = parse_width(optarg, &o->width);
			break;
		case ':':
			err_report(NULL, 0, 0,
			           /* TRANSLATORS: %s is the option as given:
			              "--show" or "-w" */
			           _("option '%s' needs an argument; try 'circ --help'"),
			           argv[optind - 1]);
			return ERR_EXIT_USAGE;
		default:
			return bad_option(argv[optind - 1]);
		}
		if (r)
			return r;
	}
	if (o->recursive && o->action != OPTS_SUMMARY) {
		/* TRANSLATORS: %s are option names: "--recursive goes with
		   --summary" (it is used only with it) */
		err_report(NULL, 0, 0, _("%s goes with %s"), "--recursive", "--summary");
		return ERR_EXIT_USAGE;
	}
	const struct setting *imp[] = {&symbol, &date, &lang, &type, &draft, &into};
	for (size_t i = 0; i < 6; i++) {
		if (imp[i]->def && o->action != OPTS_IMPORT) {
			char *name = xasprintf("--%s", imp[i]->def->name);
			err_report(NULL, 0, 0, _("%s goes with %s"), name, "--import");
			free(name);
			return ERR_EXIT_USAGE;
		}
	}
	/* the import writes XML: not to the printer, never wrapped */
	if (o->action == OPTS_IMPORT && print.def)
		return contradict(&action, &print);
	if (o->action == OPTS_IMPORT && width.def)
		return contradict(&action, &width);
	if (o->into_library && output.def) {
		err_report(NULL, 0, 0, _("%s and %s cannot be used together"), "--into-library",
		           "--output");
		return ERR_EXIT_USAGE;
	}
	if (o->all && o->action != OPTS_SEARCH) {
		err_report(NULL, 0, 0, _("%s goes with %s"), "--all", "--search");
		return ERR_EXIT_USAGE;
	}
	if (o->all && o->in) {
		err_report(NULL, 0, 0, _("%s and %s cannot be used together"), "--all", "--in");
		return ERR_EXIT_USAGE;
	}
	if (o->by_date && o->action != OPTS_LIST) {
		err_report(NULL, 0, 0, _("%s goes with %s"), "--by-date", "--list");
		return ERR_EXIT_USAGE;
	}
	if (o->links && o->action != OPTS_SHOW) {
		err_report(NULL, 0, 0, _("%s goes with %s"), "--links", "--show");
		return ERR_EXIT_USAGE;
	}
	if ((o->cases || o->accents || o->fixed || o->count || o->in) && o->action != OPTS_SEARCH) {
		err_report(NULL, 0, 0,
		           _("-i, -s, --exact-accents, --ignore-accents, -F, -c and --in "
		             "go with --search"));
		return ERR_EXIT_USAGE;
	}
	if (output.def && print.def)
		return contradict(&output, &print);
	if ((output.def || o->print) && o->action == OPTS_DEFAULT) {
		err_report(NULL, 0, 0,
		           _("--output and --print go with a view (--toc, --show, "
		             "--summary...)"));
		return ERR_EXIT_USAGE;
	}
	if (o->force && !output.def) {
		err_report(NULL, 0, 0, _("%s goes with %s"), "--force", "--output");
		return ERR_EXIT_USAGE;
	}
	/* the browser prints too: there they choose its printer */
	if ((o->printer || o->print_command) && !o->print && o->action != OPTS_DEFAULT) {
		err_report(NULL, 0, 0, _("%s goes with %s"),
		           o->printer ? "--printer" : "--print-command", "--print");
		return ERR_EXIT_USAGE;
	}
	/* --refs's TAB-separated records and --check's report are never
	 * wrapped or cut: a width for them would be silently ignored */
	if (width.def && (o->action == OPTS_REFS || o->action == OPTS_CHECK)) {
		/* TRANSLATORS: %s are option names: "--width does not apply
		   to --refs: its lines are never wrapped or cut" */
		err_report(NULL, 0, 0,
		           _("%s does not apply to %s: its lines are never wrapped or cut"),
		           "--width", o->action == OPTS_REFS ? "--refs" : "--check");
		return ERR_EXIT_USAGE;
	}
	/* the print command is used only by --printer command */
	if (o->printer && o->print_command && strcmp(o->printer, "command") != 0)
		return contradict(&printer, &command);
	o->files = argv + optind;
	o->nfiles = (size_t)(argc - optind);
	for (size_t i = 0; i < o->nfiles; i++) {
		if (o->files[i][0] == '\0') {
			err_report(NULL, 0, 0, _("an empty file name was given"));
			return ERR_EXIT_USAGE;
		}
	}
	if (o->action == OPTS_IMPORT && o->nfiles > 0 && o->files[0][0] != '+') {
		/* TRANSLATORS: 'circ import a.txt b.txt': %s is the second file */
		err_report(NULL, 0, 0, _("--import reads one file: '%s' is one too many"),
		           o->files[0]);
		return ERR_EXIT_USAGE;
	}
	r = take_place(o, at.def ? "--at" : NULL, action.def);
	o->args = o->files;
	o->nargs = o->nfiles;
	return r;
}
