/* pdftext.c: a PDF turned into text by pdftotext (see pdftext.h). It owns
 * the running of that one program: fork and exec with an argument vector
 * (no shell), its standard output read through a pipe, its standard error
 * kept for the message, its exit status checked. */
#include "circ/pdftext.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "circ/i18n.h"
#include "circ/xalloc.h"

/* What is kept of pdftotext's standard error, for the message. */
#define PDFTEXT_MAX_ERR 4096

int pdftext_is_pdf(const char *data, size_t n)
{
	return n >= 5 && memcmp(data, "%PDF-", 5) == 0;
}

/* Write n bytes to fd, through short writes and signals: 0, or -1. */
static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The n bytes of data in a new temporary file: its name (allocated), or
 * NULL with *err set. */
static char *data_file(const char *data, size_t n, char **err)
{
	const char *dir = getenv("TMPDIR");
	char *name = xasprintf("%s/circ-pdf-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(name);
	if (fd < 0 || write_all(fd, data, n) != 0 || close(fd) != 0) {
		/* TRANSLATORS: %s is the system's reason */
		*err = xasprintf(_("cannot write a temporary file for pdftotext: %s"),
		                 strerror(errno));
		if (fd >= 0)
			unlink(name);
		free(name);
		return NULL;
	}
	return name;
}

/* The first line of what the program said on its standard error, or "". */
static char *first_line(const struct strbuf *e)
{
	const char *s = sb_str(e);
	size_t k = strcspn(s, "\r\n");
	return xstrndup(s, k);
}

/* Read the child's output (into out, up to limit bytes, then stop) and its
 * standard error (into e, bounded) until both are closed: 1 when out
 * reached its limit. */
static int drain(int ofd, int efd, size_t limit, struct strbuf *out, struct strbuf *e)
{
	char buf[65536];
	int over = 0;
	struct pollfd p[2] = {{ofd, POLLIN, 0}, {efd, POLLIN, 0}};
	while (p[0].fd >= 0 || p[1].fd >= 0) {
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < 2; i++) {
			if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			ssize_t r = read(p[i].fd, buf, sizeof buf);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0) {
				close(p[i].fd);
				p[i].fd = -1;
				continue;
			}
			if (i == 1) {
				if (e->len < PDFTEXT_MAX_ERR)
					sb_add(e, buf, (size_t)r);
			} else if (out->len + (size_t)r > limit) {
				/* enough: closing the pipe ends pdftotext (SIGPIPE) */
				over = 1;
				close(p[i].fd);
				p[i].fd = -1;
			} else {
				sb_add(out, buf, (size_t)r);
			}
		}
	}
	return over;
}

enum pdftext_status pdftext_run(const char *path, const char *data, size_t n, int restricted,
                                size_t limit, struct strbuf *out, char **err)
{
	*err = NULL;
	if (restricted) {
		*err = xstrdup(_("restricted mode: no command is run, so no PDF is imported "
		                 "(pdftotext)"));
		return PDFTEXT_RESTRICTED;
	}
	char *tmp = NULL;
	if (path == NULL && (path = tmp = data_file(data, n, err)) == NULL)
		return PDFTEXT_FAILED;
	int o[2] = {-1, -1}, e[2] = {-1, -1}, report[2] = {-1, -1};
	pid_t pid = -1;
	if (pipe(o) == 0 && pipe(e) == 0 && pipe(report) == 0) {
		fcntl(report[1], F_SETFD, FD_CLOEXEC);
		pid = fork();
	}
	if (pid < 0) {
		/* TRANSLATORS: the first %s is a program ("pdftotext"), the
		 * second the system's reason. */
		*err = xasprintf(_("cannot start %s: %s"), PDFTEXT_PROGRAM, strerror(errno));
		for (int i = 0; i < 2; i++) {
			if (o[i] >= 0)
				close(o[i]);
			if (e[i] >= 0)
				close(e[i]);
			if (report[i] >= 0)
				close(report[i]);
		}
		if (tmp)
			unlink(tmp);
		free(tmp);
		return PDFTEXT_FAILED;
	}
	if (pid == 0) {
		/* the child: no shell, its input nothing, its output the pipes */
		char *argv[] = {(char *)PDFTEXT_PROGRAM, (char *)"-layout", (char *)path,
		                (char *)"-", NULL};
		int in = open("/dev/null", O_RDONLY);
		if (in < 0 || dup2(in, STDIN_FILENO) < 0 || dup2(o[1], STDOUT_FILENO) < 0 ||
		    dup2(e[1], STDERR_FILENO) < 0)
			_exit(127);
		close(o[0]), close(o[1]), close(e[0]), close(e[1]), close(report[0]);
		signal(SIGPIPE, SIG_DFL);
		execvp(argv[0], argv);
		int x = errno;
		ssize_t w = write(report[1], &x, sizeof x);
		(void)w;
		_exit(127);
	}
	close(o[1]);
	close(e[1]);
	close(report[1]);
	struct strbuf msg = STRBUF_INIT;
	size_t start = out->len;
	int over = drain(o[0], e[0], limit, out, &msg);
	int x = 0;
	ssize_t r;
	while ((r = read(report[0], &x, sizeof x)) < 0 && errno == EINTR)
		;
	close(report[0]);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (tmp)
		unlink(tmp);
	free(tmp);
	enum pdftext_status st = PDFTEXT_OK;
	char *said = first_line(&msg);
	if (r == (ssize_t)sizeof x && x == ENOENT) {
		/* TRANSLATORS: pdftotext and poppler-utils are the names of a
		 * program and of the package that has it: keep them */
		*err = xstrdup(_("pdftotext is not installed: install poppler-utils to import "
		                 "a PDF"));
		st = PDFTEXT_MISSING;
	} else if (r == (ssize_t)sizeof x) {
		/* TRANSLATORS: the first %s is a program ("pdftotext"), the
		 * second the system's reason. */
		*err = xasprintf(_("cannot run %s: %s"), PDFTEXT_PROGRAM, strerror(x));
		st = PDFTEXT_FAILED;
	} else if (over) {
		/* TRANSLATORS: %zu is a number of MiB */
		*err = xasprintf(_("the PDF's text is larger than %zu MiB: not a bulletin"),
		                 limit >> 20);
		st = PDFTEXT_TOO_LARGE;
	} else if (WIFSIGNALED(status)) {
		/* TRANSLATORS: %d is a signal number */
		*err = xasprintf(_("pdftotext could not read this PDF (killed by signal %d)"),
		                 WTERMSIG(status));
		st = PDFTEXT_FAILED;
	} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
		if (*said)
			/* TRANSLATORS: %d is pdftotext's exit status, %s the
			 * first line of what it said */
			*err =
			    xasprintf(_("pdftotext could not read this PDF (exit status %d): %s"),
			              code, said);
		else
			/* TRANSLATORS: %d is pdftotext's exit status */
			*err = xasprintf(_("pdftotext could not read this PDF (exit status %d)"),
			                 code);
		st = PDFTEXT_FAILED;
	}
	free(said);
	sb_free(&msg);
	if (st != PDFTEXT_OK)
		sb_truncate(out, start);
	return st;
}
