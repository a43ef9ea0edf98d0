/* main.c: the circ program: parses the command line, loads the bulletins and
 * prints the requested view (the views themselves are rendered by the core,
 * see view.h). */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "circ/abolish.h"
#include "circ/cite.h"
#include "circ/config.h"
#include "circ/datadir.h"
#include "circ/diag.h"
#include "circ/doc.h"
#include "circ/err.h"
#include "circ/i18n.h"
#include "circ/import.h"
#include "circ/pdftext.h"
#include "circ/layout.h"
#include "circ/lookup.h"
#include "circ/strbuf.h"
#include "circ/print.h"
#include "circ/search.h"
#include "circ/summary.h"
#include "circ/units.h"
#include "circ/utf8.h"
#include "circ/view.h"
#include "circ/xalloc.h"
#include "circ/xsd.h"
#include "library_cli.h"
#include "opts.h"
#include "tui_main.h"

/* The widths a view is laid out to. */
struct widths {
	size_t wrap; /* text is wrapped to it (0: not wrapped) */
	size_t cut;  /* the lines of --toc and --units are cut to it (0:
	                never cut) */
	int tty;     /* the view goes to a terminal (colour allowed) */
};

/* Text is wrapped to --width, else $COLUMNS, else the terminal's width when
 * the view goes to one, else 80 (--summary: 72); --search's line of context
 * is that wide. The lines of --toc and --units are cut only to --width or
 * on a terminal: a pipe, a file (--output) or a printer (--print) gets whole
 * lines, as ls gives them. */
static struct widths out_widths(const struct opts *o)
{
	struct widths w = {80, 0, 0};
	w.tty = !o->output && !o->print && isatty(STDOUT_FILENO);
	if (o->width >= 0) {
		w.wrap = w.cut = (size_t)o->width;
		return w;
	}
	if (o->action == OPTS_SUMMARY) {
		w.wrap = SUMMARY_WIDTH;
		return w;
	}
	const char *cols = getenv("COLUMNS");
	struct winsize ws;
	char *end;
	long v = cols && *cols ? strtol(cols, &end, 10) : 0;
	if (cols && *cols && *end == '\0' && v >= LAYOUT_MIN_WIDTH && v <= LAYOUT_MAX_WIDTH)
		w.wrap = (size_t)v;
	else if (w.tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	         ws.ws_col >= LAYOUT_MIN_WIDTH)
		w.wrap = ws.ws_col > LAYOUT_MAX_WIDTH ? LAYOUT_MAX_WIDTH : ws.ws_col;
	if (w.tty)
		w.cut = w.wrap;
	return w;
}

/* Print text (or add it to collect), each line led by "prefix:" when
 * prefix is not NULL. */
/* The reason the first write to standard output failed (0: none failed):
 * stdio may have dropped the unwritten bytes by the time the output is
 * flushed, and errno has moved on. */
static int out_errno;

/* Write n bytes of s to standard output, remembering why it failed. */
static void out_write(const char *s, size_t n)
{
	errno = 0;
	if (fwrite(s, 1, n, stdout) != n && out_errno == 0)
		out_errno = errno ? errno : EIO;
}

static void emit(const struct strbuf *text, const char *prefix, struct strbuf *collect)
{
	const char *p = sb_str(text);
	while (*p) {
		size_t n = strcspn(p, "\n");
		if (collect) {
			if (prefix)
				sb_addf(collect, "%s:", prefix);
			sb_add(collect, p, n);
			sb_addc(collect, '\n');
		} else {
			if (prefix) {
				out_write(prefix, strlen(prefix));
				out_write(":", 1);
			}
			out_write(p, n);
			out_write("\n", 1);
		}
		p += n + (p[n] == '\n');
	}
}

/* The last component of path (for the status line, which is short). */
static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s && s[1] ? s + 1 : path;
}

/* Say on standard error that path opened with problems, in one line. */
static void report_problems(const char *path, size_t n)
{
	/* TRANSLATORS: a document opened although the checks found
	   problems in it; %s is the file name */
	err_report(path, 0, 0,
	           P_("%zu problem; 'circ --check %s' lists it",
	              "%zu problems; 'circ --check %s' lists them", n),
	           n, path);
}

/* Report why a file could not be loaded: every problem for --check, else
 * the first one and how many more there are. */
static void report_load(const struct diag_list *dl, const char *path, int all)
{
	diag_print(dl, all ? 0 : 1);
	if (!all && dl->n > 1)
		err_report(path, 0, 0,
		           /* TRANSLATORS: after the first problem found in a
		              file: how many more there are; %s is the file name */
		           P_("%zu more problem; 'circ --check %s' lists them",
		              "%zu more problems; 'circ --check %s' lists them", dl->n - 1),
		           dl->n - 1, path);
}

/* --summary NAME [--recursive]: one unit, or the unit and all below it;
 * *shown (unless NULL) is that unit. */
static int run_summary(struct strbuf *out, const char *name, int recursive, const struct doc *d,
                       size_t width, const struct unit **shown)
{
	struct unit **found = NULL;
	size_t n = unit_find(d, name, &found);
	if (n == 0) {
		/* TRANSLATORS: %s is the NAME given to --summary */
		err_report(d->path, 0, 0, _("no unit matches '%s'; 'circ --units' lists them"),
		           name);
		return ERR_EXIT_NOTFOUND;
	}
	if (n > 1) {
		err_report(d->path, 0, 0,
		           /* TRANSLATORS: %s is the NAME given to --summary; the
		              units it matches are listed below, one per line */
		           P_("'%s' matches %zu unit; give more of the name:",
		              "'%s' matches %zu units; give more of the name:", n),
		           name, n);
		for (size_t i = 0; i < n; i++) {
			if (found[i]->parent)
				/* TRANSLATORS: a unit that --summary could mean: its
				   name, its kind (translated: division, service...)
				   and the name of the unit it is part of */
				fprintf(stderr, _("  %s (%s, in %s)\n"), found[i]->name,
				        unit_kind(found[i]), found[i]->parent->name);
			else
				fprintf(stderr, "  %s (%s)\n", found[i]->name, unit_kind(found[i]));
		}
		free(found);
		return ERR_EXIT_NOTFOUND;
	}
	if (shown)
		*shown = found[0];
	if (recursive) {
		struct unit **all = NULL;
		size_t k = unit_subtree(found[0], &all);
		summary_units(out, d, all, k, width);
		free(all);
	} else {
		summary_unit(out, d, found[0], width);
	}
	free(found);
	return ERR_EXIT_OK;
}

/* Colour for search matches: when the view goes to a terminal (never into
 * --output's file or to --print), unless NO_COLOR or TERM=dumb. */
static int use_colour(const struct widths *w)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
	return w->tty && !(nc && *nc) && !(term && strcmp(term, "dumb") == 0);
}

/* What one search over all the files found. */
struct search_total {
	size_t matches, parts;
	int failed;  /* a pattern error was reported */
	int stopped; /* an error was reported: it ends the output */
};

/* --search PATTERN: one line per match, "REF: context". */
static int run_search(struct strbuf *out, const struct opts *o, const struct doc *d,
                      struct search *s, const struct widths *w, struct search_total *tot)
{
	const struct doc_part *scope = NULL;
	if (o->in) {
		char *why = NULL;
		scope = lookup_ref(d, o->in, &why);
		if (scope == NULL) {
			/* TRANSLATORS: %s says why the REF of --in names no
			   part of the bulletin */
			err_report(d->path, 0, 0, _("--in: %s"), why);
			free(why);
			tot->stopped = 1;
			return ERR_EXIT_NOTFOUND;
		}
	}
	struct search_hit *hits = NULL;
	size_t n = 0;
	char *err = NULL;
	if (search_doc(s, d, scope, &hits, &n, &err) != 0) {
		/* the error ends the output: none of the matches found before
		 * it, and no count */
		err_report(d->path, 0, 0, "%s", err);
		free(err);
		free(hits);
		tot->failed = tot->stopped = 1;
		return ERR_EXIT_USAGE;
	}
	int colour = use_colour(w);
	const struct doc_part *last = NULL;
	for (size_t i = 0; i < n && !o->count; i++) {
		char *label = search_hit_label(&hits[i]);
		size_t lw = utf8_width(label, strlen(label));
		/* a line of context around the match at the wrapping width,
		 * also into a pipe: whole paragraphs would repeat one
		 * paragraph for each of its matches (--width 0 asks for
		 * them) */
		size_t width = w->wrap;
		if (width && lw + 2 + SEARCH_MIN_CONTEXT > width) {
			/* a label too wide for the line is cut too */
			struct strbuf cut = STRBUF_INIT;
			size_t room =
			    width > 2 + SEARCH_MIN_CONTEXT ? width - 2 - SEARCH_MIN_CONTEXT : 1;
			layout_clip(&cut, label, room);
			free(label);
			label = sb_steal(&cut);
		}
		size_t cw = search_context_width(label, width);
		struct strbuf line = STRBUF_INIT;
		size_t ms, me;
		search_context(&line, &hits[i], cw, &ms, &me);
		if (colour)
			sb_addf(out, "\033[1m%s\033[m: %.*s\033[1;31m%.*s\033[m%s\n", label,
			        (int)ms, line.s, (int)(me - ms), line.s + ms, line.s + me);
		else
			sb_addf(out, "%s: %s\n", label, sb_str(&line));
		sb_free(&line);
		free(label);
	}
	for (size_t i = 0; i < n; i++) {
		if (hits[i].part != last)
			tot->parts++;
		last = hits[i].part;
	}
	tot->matches += n;
	if (o->count)
		sb_addf(out, "%zu\n", n);
	free(hits);
	return n ? ERR_EXIT_OK : ERR_EXIT_NOTFOUND;
}

/* Report that the place at names nothing in d (why: lookup_ref()'s reason);
 * returns the status of a reference not found. */
static int place_not_found(const struct doc *d, const char *why)
{
	/* TRANSLATORS: %s says why the place given to open the browser at
	   names no part ("no part '5.9' in ST/SGB/2010/2; the closest is
	   5.8"); it is no unit's name either */
	err_report(d->path, 0, 0, _("%s; nor is it a unit's name ('circ --units' lists them)"),
	           why);
	return ERR_EXIT_NOTFOUND;
}

/* Whether the place at names something in d, resolved as the browser's ':'
 * does: a part (lookup_ref()), else one unit or more (unit_find(): the
 * browser offers a list of several). ERR_EXIT_OK, or the not-found status
 * after reporting it. */
static int place_check(const struct doc *d, const char *at)
{
	char *why = NULL;
	int status = ERR_EXIT_OK;
	if (lookup_ref(d, at, &why) == NULL) {
		struct unit **found = NULL;
		if (unit_find(d, at, &found) == 0)
			status = place_not_found(d, why);
		free(found);
	}
	free(why);
	return status;
}

/* A place without a terminal (circ [FILE] REF | ...): what --show REF
 * prints for a part, else what --summary REF prints for a unit (72
 * columns unless --width says otherwise, as --summary). */
static int run_place(struct strbuf *out, const struct opts *o, const struct doc *d,
                     const struct widths *w)
{
	char *why = NULL;
	const struct doc_part *p = lookup_ref(d, o->at, &why);
	int status = ERR_EXIT_OK;
	if (p) {
		view_part(out, p, w->wrap);
	} else {
		struct unit **found = NULL;
		size_t n = unit_find(d, o->at, &found);
		free(found);
		if (n == 0)
			status = place_not_found(d, why);
		else
			status = run_summary(out, o->at, 0, d,
			                     o->width >= 0 ? w->wrap : SUMMARY_WIDTH, NULL);
	}
	free(why);
	return status;
}

/* The official schema's "duplicate eId 'x' (element <p>)" says again what
 * the loader's check says better ("... (first used on line 12)") on the
 * same line: keep the loader's. */
static void drop_echoes(struct diag_list *dl)
{
	size_t w = 0;
	for (size_t i = 0; i < dl->n; i++) {
		const struct diag *x = &dl->v[i];
		const char *q = strstr(x->msg, "' (element <");
		int echo = 0;
		for (size_t k = 0; q && k < dl->n && !echo; k++) {
			const struct diag *y = &dl->v[k];
			size_t n = (size_t)(q - x->msg) + 2;
			echo = k != i && y->line == x->line && strncmp(y->msg, x->msg, n) == 0 &&
			       strstr(y->msg, "' (element <") == NULL;
		}
		if (echo) {
			free(dl->v[i].file);
			free(dl->v[i].msg);
		} else {
			dl->v[w++] = dl->v[i];
		}
	}
	dl->n = w;
}

/* What every file's view shares: the compiled search, the totals. */
struct run {
	struct search *search;
	struct search_total total;
	struct strbuf *collect;       /* --output, --print: the text to send */
	const char *xsd;              /* --check: the official schema, compiled */
	const struct diag_list *load; /* the problems found while loading */
	struct library *lib;          /* --cited-by: the library, for the
	                                 citations of other documents */
};

static int run_view(const struct opts *o, struct doc *d, const char *prefix, const struct widths *w,
                    struct run *run)
{
	size_t width = w->wrap;
	struct strbuf out = STRBUF_INIT;
	int status = ERR_EXIT_OK;
	/* what a printout holds, for its header */
	struct print_subject subj = {PRINT_OUTLINE, NULL, NULL, NULL, 0};
	switch (o->action) {
	case OPTS_SHOW:
	case OPTS_CITED_BY: {
		char *why = NULL;
		struct doc_part *p = lookup_ref(d, o->ref, &why);
		if (p == NULL) {
			err_report(d->path, 0, 0, "%s", why);
			status = ERR_EXIT_NOTFOUND;
		} else if (o->action == OPTS_SHOW) {
			subj.kind = PRINT_PART;
			subj.part = p;
			view_part(&out, p, width);
			if (o->links) {
				struct cite_index ix;
				cite_index_build(d, &ix);
				cite_view_links(&out, d, &ix, p, width);
				cite_index_free(&ix);
			}
		} else {
			struct cite_index ix;
			subj.kind = PRINT_CITED_BY;
			subj.part = p;
			cite_index_build(d, &ix);
			size_t n = cite_view_cited_by(&out, d, &ix, p, width);
			char *real = run->lib ? realpath(d->path, NULL) : NULL;
			size_t k = real ? lib_find(run->lib, real, NULL) : LIB_NONE;
			free(real);
			if (k != LIB_NONE)
				n += lib_view_cited_by(&out, run->lib, k, d, p, width);
			if (n == 0) {
				char *label = doc_part_label(p);
				/* TRANSLATORS: %s is a part of the bulletin: "1.2",
				   "Section 8" */
				err_report(d->path, 0, 0, _("no part cites %s"), label);
				free(label);
				status = ERR_EXIT_NOTFOUND;
			}
			cite_index_free(&ix);
		}
		free(why);
		break;
	}
	case OPTS_SEARCH: {
		size_t before = run->total.matches;
		status = run_search(&out, o, d, run->search, w, &run->total);
		subj.kind = PRINT_MATCHES;
		subj.pattern = o->pattern;
		subj.matches = run->total.matches - before;
		break;
	}
	case OPTS_REFS: {
		struct cite_index ix;
		subj.kind = PRINT_REFS;
		cite_index_build(d, &ix);
		cite_view_refs(&out, d, &ix);
		cite_index_free(&ix);
		break;
	}
	case OPTS_DUMP:
		subj.kind = PRINT_TEXT;
		view_dump(&out, d, width);
		break;
	case OPTS_CHECK: {
		/* every problem and warning, in the order of the file: the
		 * loader's, the official schema's, the citations the detector
		 * finds that name no part */
		struct cite_index ix;
		struct diag_list dl = DIAG_LIST_INIT;
		subj.kind = PRINT_CHECK;
		for (size_t k = 0; run->load && k < run->load->n; k++)
			diag_add(&dl, run->load->v[k].file, run->load->v[k].line,
			         run->load->v[k].col, "%s", run->load->v[k].msg);
		for (size_t k = 0; k < d->warnings.n; k++)
			diag_add(&dl, d->warnings.v[k].file, d->warnings.v[k].line,
			         d->warnings.v[k].col, "%s", d->warnings.v[k].msg);
		int bad = d->nproblems > 0;
		bad |= xsd_validate(d->path, run->xsd, &dl) != 0;
		cite_index_build(d, &ix);
		struct diag_list cl = DIAG_LIST_INIT;
		/* the detector knows the wordings of bulletins (statements):
		 * elsewhere what it finds is a guess, said as a warning */
		int sure = d->meta.type && strcmp(d->meta.type, "statement") == 0;
		bad |= cite_check(d, &ix, &cl) > 0 && sure;
		for (size_t k = 0; k < cl.n; k++)
			diag_add(&dl, cl.v[k].file, cl.v[k].line, cl.v[k].col,
			         sure ? "%s" : _("warning: %s"), cl.v[k].msg);
		diag_clear(&cl);
		diag_sort_from(&dl, 0);
		drop_echoes(&dl);
		diag_print(&dl, 0);
		if (bad) {
			status = ERR_EXIT_DOC;
		} else {
			/* TRANSLATORS: counts of the parts of the bulletin
			   (sections, paragraphs, items...) */
			char *parts = xasprintf(P_("%zu part", "%zu parts", d->nparts), d->nparts);
			/* TRANSLATORS: counts of the units of the organisation */
			char *units = xasprintf(P_("%zu unit", "%zu units", d->nunits), d->nunits);
			/* TRANSLATORS: counts of citations between parts */
			char *cites = xasprintf(P_("%zu citation", "%zu citations", ix.n), ix.n);
			/* TRANSLATORS: --check: the file, then "205 parts", "83
			   units", "23 citations" */
			sb_addf(&out, _("%s: valid (%s, %s, %s)\n"), d->path, parts, units, cites);
			free(parts);
			free(units);
			free(cites);
		}
		diag_clear(&dl);
		cite_index_free(&ix);
		prefix = NULL;
		break;
	}
	case OPTS_UNITS:
		if (d->nunits == 0) {
			err_report(d->path, 0, 0, _("the document describes no organisation"));
			status = ERR_EXIT_NOTFOUND;
		}
		subj.kind = PRINT_UNITS;
		width = w->cut;
		summary_tree(&out, d, width);
		break;
	case OPTS_SUMMARY:
		status = run_summary(&out, o->unit, o->recursive, d, width, &subj.unit);
		subj.kind = o->recursive ? PRINT_SUMMARIES : PRINT_SUMMARY;
		break;
	default:
		width = w->cut;
		if (o->at)
			status = run_place(&out, o, d, w);
		else
			view_toc(&out, d, width);
		break;
	}
	/* a printout starts with the header the browser's printouts have
	 * (print.h), at the view's width; --output writes the view alone */
	if (run->collect && o->print && !o->output && out.len > 0)
		print_header(run->collect, d, &subj, sb_str(&out), width);
	emit(&out, prefix, run->collect);
	sb_free(&out);
	return status;
}

/* Send the collected text where --output or --print says: 0, or after
 * reporting why -1 (or PRINT_EXISTS: the file exists, no --force). */
static int deliver(const struct opts *o, const struct config *cfg, const struct strbuf *text)
{
	char *err = NULL;
	int rc = 0;
	if (o->output) {
		rc = print_to_file(text->s, text->len, o->output, o->force, &err);
		if (rc == PRINT_EXISTS) {
			free(err);
			/* TRANSLATORS: %s is a file name */
			err = xasprintf(_("%s exists; --force replaces it"), o->output);
		}
	} else if (cfg->printer == PRINTER_COMMAND) {
		rc = print_to_command(text->s, text->len, cfg->print_command, &err);
	} else {
		char *on = PRINT_ANSI_ON, *off = PRINT_ANSI_OFF;
		if (!isatty(STDOUT_FILENO)) {
			err = xstrdup(
			    _("the terminal's printer is reached through the terminal: standard "
			      "output is not one"));
			rc = -1;
		} else if (cfg->printer == PRINTER_TERMINAL && term_printer_codes(&on, &off) != 0) {
			const char *term = getenv("TERM");
			err = xasprintf(
			    /* TRANSLATORS: %s is the value of $TERM, or "unset";
			       mc5/mc4 are terminfo names, ESC [5i and ESC [4i
			       control sequences */
			    _("the terminal's description (TERM=%s) has no printer controls "
			      "(mc5/mc4); --printer ansi sends ESC [5i ... ESC [4i anyway"),
			    /* TRANSLATORS: the value shown for $TERM when it is not set */
			    term ? term : _("unset"));
			rc = -1;
		} else {
			/* the bytes the browser sends too (print.h) */
			fflush(stdout);
			rc = print_to_terminal(STDOUT_FILENO, text->s, text->len, on, off, &err);
		}
	}
	if (rc != 0) {
		err_report(NULL, 0, 0, "%s", err);
		free(err);
	}
	return rc;
}

/* Flush standard output; a write error (disk full, closed pipe) is an error. */
static int finish_output(int status)
{
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno == 0)
			errno = out_errno;
		if (errno)
			/* TRANSLATORS: %s is the system's reason (strerror) */
			err_report(NULL, 0, 0, _("cannot write the output: %s"), strerror(errno));
		else
			err_report(NULL, 0, 0, _("cannot write the output"));
		return ERR_EXIT_INTERNAL;
	}
	return status;
}

/* circ import FILE: the text read ('-': standard input), imported, the XML
 * written to --output (the rules of --output: an existing file only with
 * --force) or to standard output. Warnings and errors are one line each,
 * "circ: FILE:LINE: what is wrong". */
static int run_import(const struct opts *o, const struct config *cfg)
{
	const char *path = o->ref;
	int std = strcmp(path, "-") == 0;
	FILE *f = std ? stdin : fopen(path, "rb");
	if (f == NULL) {
		err_report(path, 0, 0, _("cannot open: %s"), strerror(errno));
		return ERR_EXIT_DOC;
	}
	struct strbuf text = STRBUF_INIT;
	char buf[65536];
	size_t got;
	/* one byte more than the importer takes, for it to say so */
	while (text.len <= IMP_MAX_BYTES && (got = fread(buf, 1, sizeof buf, f)) > 0)
		sb_add(&text, buf, got);
	int bad = ferror(f);
	int saved = errno;
	if (!std)
		fclose(f);
	if (bad) {
		err_report(path, 0, 0, _("cannot read: %s"), strerror(saved));
		sb_free(&text);
		return ERR_EXIT_DOC;
	}
	if (pdftext_is_pdf(text.s, text.len)) {
		/* a PDF: its text from pdftotext, form feeds between pages */
		struct strbuf pdf = STRBUF_INIT;
		char *why = NULL;
		if (pdftext_run(std ? NULL : path, text.s, text.len, cfg->restricted, IMP_MAX_BYTES,
		                &pdf, &why) != PDFTEXT_OK) {
			err_report(std ? "-" : path, 0, 0, "%s", why);
			free(why);
			sb_free(&pdf);
			sb_free(&text);
			return ERR_EXIT_DOC;
		}
		sb_free(&text);
		text = pdf;
	}
	struct imp_opts io = {o->symbol, o->date, o->lang, o->type, o->draft_org};
	struct diag_list dl = DIAG_LIST_INIT;
	struct strbuf xml = STRBUF_INIT;
	enum imp_status st = imp_text(sb_str(&text), text.len, std ? "-" : path, &io, &xml, &dl);
	diag_print(&dl, 0);
	diag_clear(&dl);
	sb_free(&text);
	int status = st == IMP_BAD_OPTION ? ERR_EXIT_USAGE
	             : st == IMP_BAD_TEXT ? ERR_EXIT_DOC
	                                  : ERR_EXIT_OK;
	struct opts into = *o;
	char *file = NULL;
	if (status == ERR_EXIT_OK && o->into_library) {
		file = cli_library_file(sb_str(&xml));
		if (file == NULL) {
			err_report(NULL, 0, 0,
			           _("--into-library: no library to write to (HOME and "
			             "XDG_DATA_HOME are not set) or no symbol; use --output"));
			status = ERR_EXIT_USAGE;
		} else {
			into.output = file;
			o = &into;
		}
	}
	if (status == ERR_EXIT_OK && o->output) {
		int rc = deliver(o, cfg, &xml);
		if (rc == PRINT_EXISTS)
			status = ERR_EXIT_USAGE;
		else if (rc != 0)
			status = ERR_EXIT_INTERNAL;
	} else if (status == ERR_EXIT_OK) {
		out_write(xml.s, xml.len);
		status = finish_output(status);
	}
	if (file && status == ERR_EXIT_OK)
		/* TRANSLATORS: import --into-library: %s is the file written */
		fprintf(stderr, _("circ: written to %s\n"), file);
	free(file);
	sb_free(&xml);
	return status;
}

/* The library run_library opened to find the documents named by symbol,
 * kept for the rest of the run (the browser, --cited-by) instead of
 * opening it again. */
static struct library kept_lib;
static int kept;

/* The library of this run: the one kept, else opened now. */
static void library_get(struct library *lib, const struct opts *o, int restricted, const char *dir,
                        const char *schema)
{
	if (kept) {
		*lib = kept_lib;
		kept = 0;
		return;
	}
	cli_library_open(lib, o, restricted, dir, schema, 1);
}

/* No file named, no place: the library screen first when the setting says
 * so, or (start = auto) when the library holds more than one work; no
 * document is loaded before one is opened from it (the bundled bulletin's
 * parse is not paid for a screen that does not show it). Returns 1 with
 * *rc set when the browser ran, 0 when the reader must start instead. */
static int library_first(const struct opts *o, struct config *cfg, const char *file,
                         const char *schema, int *rc)
{
	if (o->nfiles || o->at || cfg->start == CONFIG_START_DOCUMENT)
		return 0;
	if (cfg->utf8 && i18n_force_utf8() != 0)
		return 0; /* the reader's path says why */
	char *datadir = xstrdup(schema);
	char *slash = strrchr(datadir, '/');
	if (slash)
		*slash = '\0';
	struct library lib;
	library_get(&lib, o, cfg->restricted, slash ? datadir : ".", schema);
	size_t *order = NULL;
	size_t works = lib_order(&lib, 0, 1, &order);
	free(order);
	char *real = realpath(file, NULL);
	size_t at = real ? lib_find(&lib, real, NULL) : LIB_NONE;
	int first = at != LIB_NONE && (cfg->start == CONFIG_START_LIBRARY || works > 1);
	if (first)
		*rc = tui_run(&lib, at, NULL, cfg, NULL, NULL, 1);
	free(real);
	if (!first && !kept) {
		/* the reader on the bundled bulletin: in this library */
		kept_lib = lib;
		kept = 1;
	} else {
		lib_free(&lib);
	}
	free(datadir);
	return first;
}

/* The browser on file, opened at o->at unless NULL (checked first: a place
 * that names nothing is an error before the terminal is touched): its exit
 * status. */
static int browse(const struct opts *o, struct config *cfg, const char *file, const char *schema)
{
	if (o->width >= 0) {
		/* it follows the terminal's size: a width would be silently
		 * ignored */
		err_report(NULL, 0, 0,
		           _("--width goes with a view (--toc, --show, --summary...); the "
		             "browser uses the terminal's width"));
		return ERR_EXIT_USAGE;
	}
	int first_rc;
	if (library_first(o, cfg, file, schema, &first_rc))
		return first_rc;
	struct diag_list dl = DIAG_LIST_INIT;
	struct doc *d = doc_load(file, schema, &dl);
	int rc = ERR_EXIT_DOC;
	char *notice = NULL;
	if (d == NULL || (o->strict && d->nproblems > 0)) {
		report_load(&dl, file, 0);
	} else if (o->at && (rc = place_check(d, o->at)) != ERR_EXIT_OK) {
		/* a place naming nothing: said on the command line, the
		 * terminal untouched */
	} else if (cfg->utf8 && i18n_force_utf8() != 0) {
		/* TRANSLATORS: --utf8 and utf8 = yes ask circ to draw UTF-8;
		 * C.UTF-8 is a locale's name */
		err_report(NULL, 0, 0,
		           _("--utf8: this system has no UTF-8 locale (such as C.UTF-8)"));
		rc = ERR_EXIT_USAGE;
	} else {
		/* the schema stays compiled: the browser loads the library's
		 * other documents as it goes to them */
		if (d->nproblems > 0)
			notice = xasprintf(P_("%zu problem; 'circ --check %s' lists it",
			                      "%zu problems; 'circ --check %s' lists them",
			                      d->nproblems),
			                   d->nproblems, base_name(file));
		/* the library it is read in: the bundled content (the schema's
		 * directory), the administrator's and the user's, the command
		 * line's files; d is the document it holds at file's path
		 * (LIB_NONE: not in it, the browser shows d alone) */
		char *datadir = xstrdup(schema);
		char *slash = strrchr(datadir, '/');
		if (slash)
			*slash = '\0';
		struct library lib;
		library_get(&lib, o, cfg->restricted, slash ? datadir : ".", schema);
		char *real = realpath(file, NULL);
		size_t at = real ? lib_find(&lib, real, NULL) : LIB_NONE;
		rc = tui_run(&lib, at, d, cfg, o->at, notice, 0);
		free(real);
		lib_free(&lib);
		free(datadir);
	}
	free(notice);
	diag_clear(&dl);
	doc_free(d);
	return rc;
}

/* The files of the library given as symbols on the command line. */
static char **resolved;
static size_t nresolved;

static void free_resolved(void)
{
	/* the abolitions' patterns, compiled when the library indexed a file */
	abolish_release();
	for (size_t i = 0; i < nresolved; i++)
		free(resolved[i]);
	free(resolved);
	resolved = NULL;
	if (kept)
		lib_free(&kept_lib);
	kept = 0;
}

/* Does an argument name no file (a symbol of the library, perhaps)? In
 * restricted mode every argument must be a document of the library. */
static int needs_library(const struct opts *o, int restricted)
{
	if (o->action == OPTS_IMPORT)
		return 0;
	for (size_t i = 0; i < o->nfiles; i++) {
		struct stat st;
		if (restricted || stat(o->files[i], &st) != 0 || S_ISDIR(st.st_mode))
			return 1;
	}
	return 0;
}

/* --search across the library (--all) or several files. */
static int search_library(struct strbuf *out, const struct opts *o, const struct library *lib,
                          const struct widths *w)
{
	struct search_opts so = {(enum search_mode)o->cases, (enum search_mode)o->accents,
	                         o->fixed};
	char *err = NULL;
	struct search *s = search_compile(o->pattern, &so, &err);
	if (s == NULL) {
		err_report(NULL, 0, 0, _("bad pattern: %s"), err);
		free(err);
		return ERR_EXIT_USAGE;
	}
	size_t *docs = o->all ? NULL : cli_docs(lib, o->files, o->nfiles);
	for (size_t i = 0; docs && i < o->nfiles; i++)
		if (docs[i] == LIB_NONE) {
			/* a file that is not a document: the library said why */
			diag_print(&lib->diags, 0);
			free(docs);
			search_free(s);
			return ERR_EXIT_DOC;
		}
	char *total = NULL;
	int rc = cli_search(out, lib, docs, o->files, o->nfiles, s, w->wrap, use_colour(w),
	                    o->count, &total);
	if (total) {
		out_write(out->s, out->len);
		sb_truncate(out, 0);
		fflush(stdout);
		fputs(total, stderr);
		free(total);
	}
	free(docs);
	search_free(s);
	return rc;
}

/* The runs that read the library: --list, --info, --index DIR, --search
 * --all or over several files; otherwise the symbols given for files are
 * replaced by their files and -1 is returned (the run goes on). */
static int run_library(struct opts *o, const struct config *cfg, const char *dir,
                       const char *schema, const char *bundled)
{
	struct strbuf out = STRBUF_INIT;
	int rc = -1;
	if (o->action == OPTS_INDEX) {
		rc = cli_index(&out, o->ref, schema);
	} else {
		struct library lib;
		cli_library_open(&lib, o, cfg->restricted, dir, schema, 1);
		struct widths w = out_widths(o);
		if (o->action == OPTS_LIST) {
			rc = cli_list(&out, &lib, o->by_date);
		} else if (o->action == OPTS_INFO) {
			rc = cli_info(&out, &lib, o->nfiles ? o->files[0] : bundled);
		} else {
			rc = cli_resolve(o, &lib, cfg->restricted, &resolved, &nresolved);
			if (rc == ERR_EXIT_OK && o->action == OPTS_SEARCH &&
			    (o->all || o->nfiles > 1))
				rc = search_library(&out, o, &lib, &w);
			else if (rc == ERR_EXIT_OK)
				rc = -1;
		}
		if (rc == -1 && !kept) {
			/* the run goes on: the library serves it again */
			kept_lib = lib;
			kept = 1;
		} else {
			lib_free(&lib);
		}
	}
	if (rc >= 0 && out.len > 0) {
		if (o->output || o->print) {
			int d = deliver(o, cfg, &out);
			if (d == PRINT_EXISTS)
				rc = ERR_EXIT_USAGE;
			else if (d != 0)
				rc = ERR_EXIT_INTERNAL;
		} else {
			out_write(out.s, out.len);
		}
	}
	sb_free(&out);
	return rc >= 0 ? finish_output(rc) : rc;
}

int main(int argc, char **argv)
{
	atexit(free_resolved);
	i18n_init(argv[0]);
	err_catch_crashes();

	struct opts o;
	int r = opts_parse(argc, argv, &o);
	if (r)
		return r;
	if (o.action == OPTS_HELP) {
		struct strbuf h = STRBUF_INIT;
		opts_help(&h);
		out_write(h.s, h.len);
		sb_free(&h);
		return finish_output(ERR_EXIT_OK);
	}
	if (o.action == OPTS_KEYS) {
		struct strbuf k = STRBUF_INIT;
		tui_keys_text(&k, o.width >= 0 ? (int)o.width : 79);
		out_write(k.s, k.len);
		sb_free(&k);
		return finish_output(ERR_EXIT_OK);
	}
	if (o.action == OPTS_VERSION) {
		printf("circ %s\n", CIRC_VERSION);
		return finish_output(ERR_EXIT_OK);
	}

	/* the settings: files, environment, then the command line */
	struct config cfg;
	struct diag_list cdl = DIAG_LIST_INIT;
	if (config_load(&cfg, &cdl) != 0) {
		diag_print(&cdl, 0);
		diag_clear(&cdl);
		config_free(&cfg);
		return ERR_EXIT_USAGE;
	}
	diag_clear(&cdl);
	cfg.restricted |= o.restricted;
	cfg.utf8 |= o.utf8;
	if (o.printer && config_printer(o.printer, &cfg.printer) != 0) {
		/* TRANSLATORS: command, terminal and ansi are the values --printer
		   takes: keep them */
		err_report(NULL, 0, 0, _("--printer: '%s' is not command, terminal or ansi"),
		           o.printer);
		config_free(&cfg);
		return ERR_EXIT_USAGE;
	}
	if (o.print_command) {
		free(cfg.print_command);
		cfg.print_command = xstrdup(o.print_command);
	}
	/* "colour = never" in the settings: as NO_COLOR, for the search's
	 * output and the browser alike */
	if (!cfg.colour)
		setenv("NO_COLOR", "1", 1);
	const char *refused =
	    !cfg.restricted           ? NULL
	    : o.action == OPTS_IMPORT ? _("restricted mode: only the bundled bulletin can be read")
	    : o.output || o.action == OPTS_INDEX ? _("restricted mode: no file is written")
	    : o.print && cfg.printer == PRINTER_COMMAND
	        /* TRANSLATORS: terminal and ansi are values of --printer: keep
	           them */
	        ? _("restricted mode: no command is run; print to your terminal's printer "
	            "(--printer terminal or ansi)")
	        : NULL;
	if (refused) {
		err_report(NULL, 0, 0, "%s", refused);
		config_free(&cfg);
		return ERR_EXIT_USAGE;
	}

	if (o.action == OPTS_IMPORT) {
		int rc = run_import(&o, &cfg);
		cite_release();
		config_free(&cfg);
		return rc;
	}

	char *why = NULL;
	char *dir = datadir_find(argv[0], &why);
	if (dir == NULL) {
		err_report(NULL, 0, 0, "%s", why);
		free(why);
		config_free(&cfg);
		return ERR_EXIT_DOC;
	}
	char *schema = datadir_file(dir, DATADIR_SCHEMA);
	struct diag_list sdl = DIAG_LIST_INIT;
	if (doc_schema_load(schema, &sdl) != 0) {
		diag_print(&sdl, 0);
		diag_clear(&sdl);
		doc_release_cache();
		free(schema);
		free(dir);
		config_free(&cfg);
		return ERR_EXIT_INTERNAL;
	}
	/* --check: the official schema, compiled now (only for --check) */
	char *xsd = datadir_file(dir, DATADIR_XSD);
	if (o.action == OPTS_CHECK && xsd_load(xsd, &sdl) != 0) {
		diag_print(&sdl, 0);
		diag_clear(&sdl);
		xsd_release();
		doc_release_cache();
		free(xsd);
		free(schema);
		free(dir);
		config_free(&cfg);
		return ERR_EXIT_INTERNAL;
	}
	char *bundled = datadir_file(dir, DATADIR_BULLETIN);
	if (o.action == OPTS_LIST || o.action == OPTS_INFO || o.action == OPTS_INDEX || o.all ||
	    (o.action == OPTS_SEARCH && o.nfiles > 1) || needs_library(&o, cfg.restricted)) {
		int rc = run_library(&o, &cfg, dir, schema, bundled);
		if (rc >= 0) {
			xsd_release();
			doc_release_cache();
			cite_release();
			search_release();
			config_free(&cfg);
			free(xsd);
			free(schema);
			free(bundled);
			free(dir);
			return rc;
		}
	}
	char *deflt[] = {bundled};
	char **files = o.nfiles ? o.files : deflt;
	size_t nfiles = o.nfiles ? o.nfiles : 1;
	struct widths width = out_widths(&o);

	struct run run = {NULL, {0, 0, 0, 0}, NULL, xsd, NULL, NULL};
	struct library lib;
	if (o.action == OPTS_CITED_BY) {
		/* the other documents' citations too */
		library_get(&lib, &o, cfg.restricted, dir, schema);
		run.lib = &lib;
	}
	struct strbuf collected = STRBUF_INIT;
	if (o.output || o.print)
		run.collect = &collected;
	if (o.action == OPTS_SEARCH) {
		struct search_opts so = {(enum search_mode)o.cases, (enum search_mode)o.accents,
		                         o.fixed};
		char *err = NULL;
		run.search = search_compile(o.pattern, &so, &err);
		if (run.search == NULL) {
			/* TRANSLATORS: %s says what is wrong with the --search
			   PATTERN (from PCRE2) */
			err_report(NULL, 0, 0, _("bad pattern: %s"), err);
			free(err);
			doc_release_cache();
			free(xsd);
			free(schema);
			free(bundled);
			free(dir);
			config_free(&cfg);
			return ERR_EXIT_USAGE;
		}
	}

	/* no action option, on a terminal: the browser, on the first file */
	if (o.action == OPTS_DEFAULT && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		int rc = browse(&o, &cfg, files[0], schema);
		search_free(run.search);
		doc_release_cache();
		cite_release();
		search_release();
		free(xsd);
		free(schema);
		free(bundled);
		free(dir);
		config_free(&cfg);
		return rc;
	}

	int status = ERR_EXIT_OK, found = 0, missed = 0;
	for (size_t i = 0; i < nfiles; i++) {
		struct diag_list dl = DIAG_LIST_INIT;
		struct doc *d = doc_load(files[i], schema, &dl);
		int check = o.action == OPTS_CHECK;
		if (d && d->nproblems > 0 && !check && !o.strict)
			report_problems(files[i], d->nproblems);
		if (d == NULL || (d->nproblems > 0 && o.strict && !check)) {
			report_load(&dl, files[i], check);
			status = ERR_EXIT_DOC;
		} else {
			run.load = &dl; /* for --check, which lists them */
			int s = run_view(&o, d, nfiles > 1 ? files[i] : NULL, &width, &run);
			if (s == ERR_EXIT_NOTFOUND)
				missed++;
			else
				found++;
			if (s == ERR_EXIT_DOC)
				status = ERR_EXIT_DOC;
		}
		diag_clear(&dl);
		doc_free(d);
		/* a search error (a pattern too complex, an --in naming no
		 * part) ends the output */
		if (run.total.stopped)
			break;
	}
	if (status == ERR_EXIT_OK && missed > 0 && found == 0)
		status = ERR_EXIT_NOTFOUND;
	if (run.collect && status != ERR_EXIT_DOC && !run.total.stopped && collected.len > 0) {
		int rc = deliver(&o, &cfg, &collected);
		/* an existing file without --force is the user's call to
		 * make, not a failure: a usage error, as for any option */
		if (rc == PRINT_EXISTS)
			status = ERR_EXIT_USAGE;
		else if (rc != 0)
			status = ERR_EXIT_INTERNAL;
	}
	sb_free(&collected);
	if (run.search) {
		/* grep's convention: 2 for a pattern that cannot be used */
		if (run.total.failed)
			status = ERR_EXIT_USAGE;
		else if (status == ERR_EXIT_NOTFOUND || status == ERR_EXIT_OK)
			status = run.total.matches ? ERR_EXIT_OK : ERR_EXIT_NOTFOUND;
		fflush(stdout);
		/* the count, after a search that went to its end: an error
		 * is the last line */
		if (!run.total.stopped) {
			char *parts = xasprintf(P_("%zu part", "%zu parts", run.total.parts),
			                        run.total.parts);
			/* TRANSLATORS: --search, on standard error: "12 matches
			   in 5 parts"; %s is "5 parts" (the parts of the
			   bulletin) */
			fprintf(stderr,
			        P_("%zu match in %s\n", "%zu matches in %s\n", run.total.matches),
			        run.total.matches, parts);
			free(parts);
		}
		search_free(run.search);
		search_release();
	}
	if (run.lib)
		lib_free(run.lib);
	status = finish_output(status);
	/* the schema before the parser's clean-up, which frees what it uses */
	xsd_release();
	doc_release_cache();
	cite_release();
	config_free(&cfg);
	free(xsd);
	free(schema);
	free(bundled);
	free(dir);
	return status;
}
