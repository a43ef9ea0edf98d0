/* print.c: files, print commands and the terminal's printer; the header of
 * a printout and its page count (see print.h). */
#include "circ/print.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "circ/fold.h"
#include "circ/i18n.h"
#include "circ/layout.h"
#include "circ/strbuf.h"
#include "circ/units.h"
#include "circ/xalloc.h"

/* Write all of n bytes to fd; 0, or -1 with errno. */
static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The file a path names once every symbolic link is followed: allocated,
 * or NULL with errno (ELOOP after 40 links). A link to a file that does not
 * exist yet gives the path that file would have. */
static char *follow_links(const char *path)
{
	char *cur = xstrdup(path);
	for (int hops = 0; hops < 40; hops++) {
		struct stat st;
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;
		struct strbuf target = STRBUF_INIT;
		size_t size = 256;
		for (;;) {
			char *buf = xmalloc(size);
			ssize_t k = readlink(cur, buf, size);
			if (k < 0) {
				int e = errno;
				free(buf);
				free(cur);
				errno = e;
				return NULL;
			}
			if ((size_t)k < size) {
				sb_add(&target, buf, (size_t)k);
				free(buf);
				break;
			}
			free(buf);
			size *= 2;
		}
		/* a relative target is relative to the link's directory */
		const char *slash = strrchr(cur, '/');
		char *next = target.s[0] == '/' || slash == NULL
		                 ? xstrdup(target.s)
		                 : xasprintf("%.*s/%s", (int)(slash - cur), cur, target.s);
		sb_free(&target);
		free(cur);
		cur = next;
	}
	free(cur);
	errno = ELOOP;
	return NULL;
}

int print_replace_file(const char *text, size_t n, const char *path, mode_t mode,
                       const struct stat *old, char **err)
{
	char *tmp = xasprintf("%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		*err = xasprintf(_("cannot write %s: %s"), path, strerror(errno));
		free(tmp);
		return -1;
	}
	int bad = write_all(fd, text, n) != 0 || fchmod(fd, mode) != 0 || fsync(fd) != 0;
	int saved = errno;
	/* the replaced file's owner, when we may give it (root may) */
	if (!bad && old && (old->st_uid != geteuid() || old->st_gid != getegid()))
		(void)!fchown(fd, old->st_uid, old->st_gid);
	if (close(fd) != 0 && !bad) {
		bad = 1;
		saved = errno;
	}
	if (!bad && rename(tmp, path) != 0) {
		bad = 1;
		saved = errno;
	}
	if (bad) {
		unlink(tmp);
		*err = xasprintf(_("cannot write %s: %s"), path, strerror(saved));
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

int print_to_file(const char *text, size_t n, const char *path, int force, char **err)
{
	struct stat st;
	int have = stat(path, &st) == 0;
	if (have && S_ISDIR(st.st_mode)) {
		/* TRANSLATORS: %s is a file name. */
		*err = xasprintf(_("%s is a directory"), path);
		return -1;
	}
	/* a device or a pipe is written to, never replaced by a file */
	if (have && !S_ISREG(st.st_mode)) {
		int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
		int bad = fd < 0 || write_all(fd, text, n) != 0;
		int saved = errno;
		if (fd >= 0 && close(fd) != 0 && !bad) {
			bad = 1;
			saved = errno;
		}
		if (bad) {
			/* TRANSLATORS: the first %s is a file name, the second
			 * the system's reason ("No space left on device"). */
			*err = xasprintf(_("cannot write %s: %s"), path, strerror(saved));
			return -1;
		}
		return 0;
	}
	/* a file, or a symbolic link (even to no file yet), is replaced only
	 * with consent */
	if (!force && lstat(path, &st) == 0) {
		/* TRANSLATORS: %s is a file name. */
		*err = xasprintf(_("%s exists; it is not overwritten without consent"), path);
		return PRINT_EXISTS;
	}
	/* a symbolic link stays one: its target is what gets replaced */
	char *target = follow_links(path);
	if (target == NULL) {
		*err = xasprintf(_("cannot write %s: %s"), path, strerror(errno));
		return -1;
	}
	int rc;
	if (stat(target, &st) == 0) {
		/* the replaced file's permissions stay (a read-only file
		 * stays read-only) */
		rc = print_replace_file(text, n, target, st.st_mode & 07777, &st, err);
	} else {
		/* a new file gets the mode any new file gets (mkstemp's is 0600) */
		mode_t mask = umask(0);
		umask(mask);
		rc = print_replace_file(text, n, target, 0666 & ~mask, NULL, err);
	}
	free(target);
	return rc;
}

char **print_split(const char *command, char **err)
{
	char **words = NULL;
	size_t n = 0;
	const char *p = command;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		struct strbuf w = STRBUF_INIT;
		sb_adds(&w, "");
		while (*p && *p != ' ' && *p != '\t') {
			if (*p == '\'' || *p == '"') {
				char q = *p++;
				const char *end = strchr(p, q);
				if (end == NULL) {
					*err = xasprintf(
					    /* TRANSLATORS: %c is a quote, ' or ". */
					    _("unbalanced %c in the print command"), q);
					sb_free(&w);
					words = xreallocarray(words, n + 1, sizeof *words);
					words[n] = NULL;
					print_free_words(words);
					return NULL;
				}
				sb_add(&w, p, (size_t)(end - p));
				p = end + 1;
			} else {
				sb_addc(&w, *p++);
			}
		}
		words = xreallocarray(words, n + 2, sizeof *words);
		words[n++] = sb_steal(&w);
	}
	if (n == 0) {
		*err = xstrdup(_("the print command is empty"));
		free(words);
		return NULL;
	}
	words[n] = NULL;
	return words;
}

void print_free_words(char **words)
{
	for (size_t i = 0; words && words[i]; i++)
		free(words[i]);
	free(words);
}

int print_to_command(const char *text, size_t n, const char *command, char **err)
{
	char **argv = print_split(command, err);
	if (argv == NULL)
		return -1;
	int in[2], report[2];
	if (pipe(in) != 0 || pipe(report) != 0) {
		/* TRANSLATORS: the first %s is a program ("lp"), the second
		 * the system's reason. */
		*err = xasprintf(_("cannot start %s: %s"), argv[0], strerror(errno));
		print_free_words(argv);
		return -1;
	}
	fcntl(report[1], F_SETFD, FD_CLOEXEC);
	pid_t pid = fork();
	if (pid < 0) {
		*err = xasprintf(_("cannot start %s: %s"), argv[0], strerror(errno));
		close(in[0]), close(in[1]), close(report[0]), close(report[1]);
		print_free_words(argv);
		return -1;
	}
	if (pid == 0) {
		/* the child: the text on standard input, no shell */
		close(in[1]);
		close(report[0]);
		if (dup2(in[0], STDIN_FILENO) < 0)
			_exit(127);
		close(in[0]);
		signal(SIGPIPE, SIG_DFL);
		execvp(argv[0], argv);
		int e = errno;
		ssize_t w = write(report[1], &e, sizeof e);
		(void)w;
		_exit(127);
	}
	close(in[0]);
	close(report[1]);
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);
	int werr = write_all(in[1], text, n) != 0 ? errno : 0;
	close(in[1]);
	signal(SIGPIPE, old);
	int e = 0;
	ssize_t r;
	while ((r = read(report[0], &e, sizeof e)) < 0 && errno == EINTR)
		;
	close(report[0]);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	int rc = 0;
	if (r == (ssize_t)sizeof e) {
		/* TRANSLATORS: the first %s is a program ("lp"), the second
		 * the system's reason ("No such file or directory"). */
		*err = xasprintf(_("cannot run %s: %s"), argv[0], strerror(e));
		rc = -1;
	} else if (WIFSIGNALED(status)) {
		/* TRANSLATORS: %s is a program ("lp"), %d a signal number. */
		*err = xasprintf(_("%s was killed by signal %d"), argv[0], WTERMSIG(status));
		rc = -1;
	} else if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
		/* TRANSLATORS: %s is a program ("lp"), %d its exit status. */
		*err = xasprintf(_("%s failed (exit status %d)"), argv[0], WEXITSTATUS(status));
		rc = -1;
	} else if (werr) {
		/* TRANSLATORS: the first %s is a program ("lp"), the second
		 * the system's reason ("Broken pipe"). */
		*err = xasprintf(_("%s did not read the whole text: %s"), argv[0], strerror(werr));
		rc = -1;
	}
	print_free_words(argv);
	return rc;
}

char *print_media_copy(const char *text, size_t n, const char *on, const char *off, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, on);
	/* a printer fed raw text needs a carriage return before each line
	 * feed, or the lines stair-step; a CR already there is kept */
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r'))
			sb_addc(&sb, '\r');
		sb_addc(&sb, text[i]);
	}
	if (n == 0 || text[n - 1] != '\f')
		sb_addc(&sb, '\f');
	sb_adds(&sb, off);
	*len = sb.len;
	return sb_steal(&sb);
}

int print_to_terminal(int fd, const char *text, size_t n, const char *on, const char *off,
                      char **err)
{
	size_t len;
	char *bytes = print_media_copy(text, n, on, off, &len);
	/* the terminal driver's output processing (\n -> \r\n) would
	 * change the bytes, and differently in the browser (curses turns it
	 * off) and on the command line: it is off while they are written */
	struct termios saved;
	int tty = isatty(fd) && tcgetattr(fd, &saved) == 0;
	if (tty && (saved.c_oflag & OPOST)) {
		struct termios raw = saved;
		raw.c_oflag &= ~(tcflag_t)OPOST;
		if (tcsetattr(fd, TCSANOW, &raw) != 0)
			tty = 0;
	} else {
		tty = 0;
	}
	int bad = write_all(fd, bytes, len) != 0;
	int saved_errno = errno;
	if (tty)
		tcsetattr(fd, TCSADRAIN, &saved);
	free(bytes);
	if (bad) {
		/* TRANSLATORS: %s is the system's reason (strerror) */
		*err = xasprintf(_("cannot send the text to the terminal's printer: %s"),
		                 strerror(saved_errno));
		return -1;
	}
	return 0;
}

char *print_default_name(const char *name)
{
	char *f = fold_simple(name);
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "circ-");
	int dash = 0;
	for (const char *p = f; *p && sb.len < 60; p++) {
		char c = *p;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && sb.len > 5)
				sb_addc(&sb, '-');
			sb_addc(&sb, c);
			dash = 0;
		} else {
			dash = 1;
		}
	}
	sb_adds(&sb, ".txt");
	free(f);
	return sb_steal(&sb);
}

size_t print_pages(const char *text, size_t n, size_t page_lines)
{
	size_t pages = 0, lines = 0;
	int partial = 0; /* the page's last line has no line feed yet */
	for (size_t i = 0; i <= n; i++) {
		if (i == n || text[i] == '\f') {
			lines += partial;
			/* a page fed out with nothing on it is still a sheet; the
			 * end of the text after a form feed is none */
			if (lines == 0)
				pages += i < n;
			else
				pages += page_lines ? (lines + page_lines - 1) / page_lines : 1;
			lines = 0;
			partial = 0;
		} else if (text[i] == '\n') {
			lines++;
			partial = 0;
		} else {
			partial = 1;
		}
	}
	return pages;
}

char *print_what(const struct doc *d, const struct print_subject *s)
{
	char *label = s->part ? doc_part_title(s->part) : NULL;
	const char *name = s->unit ? s->unit->name : "?";
	char *r = NULL;
	switch (s->kind) {
	case PRINT_OUTLINE:
		/* TRANSLATORS: the header of a printout (--print, the browser's
		 * p) says what it holds: here the outline (--toc) */
		r = xstrdup(_("The outline"));
		break;
	case PRINT_PART:
	case PRINT_TEXT:
		if (s->kind == PRINT_PART && s->part && s->part->kind != DOC_KIND_DOCUMENT)
			/* TRANSLATORS: the header of a printout of a part and
			 * everything below it; %s: its label ("5.7 b)") */
			r = xasprintf(_("Part: %s"), label);
		else
			/* TRANSLATORS: the header of a printout of the whole
			 * text (the root part is the whole text too) */
			r = xstrdup(_("The whole text"));
		break;
	case PRINT_CITED_BY:
		/* TRANSLATORS: the header of a printout of --cited-by; %s: a
		 * part's label ("1.2") */
		r = xasprintf(_("The parts that cite %s"), label ? label : "?");
		break;
	case PRINT_REFS:
		/* TRANSLATORS: the header of a printout of --refs */
		r = xstrdup(_("Every citation"));
		break;
	case PRINT_MATCHES:
		/* TRANSLATORS: the header of a printout of search results; %s:
		 * the pattern (after the slash), %zu: how many matches */
		r = xasprintf(P_("Search results: /%s, %zu match",
		                 "Search results: /%s, %zu matches", s->matches),
		              s->pattern ? s->pattern : "", s->matches);
		break;
	case PRINT_UNITS:
		/* TRANSLATORS: the header of a printout of --units, the
		 * organisation as a tree */
		r = xstrdup(_("The organisation"));
		break;
	case PRINT_SUMMARY:
		/* TRANSLATORS: a row of the print dialog; %s: a unit's name */
		r = xasprintf(_("The summary of %s"), name);
		break;
	case PRINT_SUMMARIES:
		if (s->unit && s->unit == unit_root(d))
			r = xstrdup(_("The whole organisation, a unit a page"));
		else
			/* TRANSLATORS: a row of the print dialog; %s: a unit's
			 * name */
			r = xasprintf(_("%s and every unit below it, a page each"), name);
		break;
	case PRINT_CHECK:
	default:
		/* TRANSLATORS: the header of a printout of --check */
		r = xstrdup(_("The check of the bulletin"));
		break;
	}
	free(label);
	return r;
}

/* The header with pages as its page count. */
static void header_with(struct strbuf *out, const struct doc *d, const char *what, size_t pages,
                        size_t width)
{
	char *line = xasprintf("%s — %s", d->meta.symbol ? d->meta.symbol : d->path,
	                       d->meta.title ? d->meta.title : "");
	layout_wrap(out, line, 0, "", 0, width);
	free(line);
	/* TRANSLATORS: the header of a printout: what it holds ("The
	 * outline"), then how many pages it fills */
	line = xasprintf(P_("%s (%zu page)", "%s (%zu pages)", pages), what, pages);
	layout_wrap(out, line, 0, "", 0, width);
	free(line);
	sb_addc(out, '\n');
}

void print_header(struct strbuf *out, const struct doc *d, const struct print_subject *s,
                  const char *body, size_t width)
{
	char *what = print_what(d, s);
	struct strbuf h = STRBUF_INIT;
	/* the count is part of what it counts: settle it (a count of more
	 * digits may wrap the header onto one more line) */
	size_t pages = 1, was = 0;
	for (int i = 0; i < 4 && pages != was; i++) {
		was = pages;
		sb_truncate(&h, 0);
		header_with(&h, d, what, was, width);
		sb_adds(&h, body);
		pages = print_pages(h.s, h.len, PRINT_PAGE_LINES);
	}
	sb_truncate(&h, 0);
	header_with(&h, d, what, pages, width);
	sb_add(out, h.s, h.len);
	sb_free(&h);
	free(what);
}
