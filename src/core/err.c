/* err.c: the single reporting function and the fatal path (see err.h). */
#include "circ/err.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "circ/i18n.h"

static err_cleanup_fn cleanup;

/* The crash message, translated before any crash (gettext is not safe in a
 * signal handler), and its length. */
static const char *crash_msg;
static size_t crash_len;

/* Print a file name with control characters escaped, so that the message
 * stays on one line. */
static void put_name(const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\n')
			fputs("\\n", stderr);
		else if (c == '\t')
			fputs("\\t", stderr);
		else if (c < 0x20 || c == 0x7F)
			fprintf(stderr, "\\x%02X", c);
		else
			fputc(c, stderr);
	}
}

void err_vreport(const char *file, long line, long col, const char *fmt, va_list ap)
{
	fflush(stdout);
	fputs("circ: ", stderr);
	if (file != NULL) {
		put_name(file);
		if (line > 0) {
			fprintf(stderr, ":%ld", line);
			if (col > 0)
				fprintf(stderr, ":%ld", col);
		}
		fputs(": ", stderr);
	}
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void err_report(const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	err_vreport(file, line, col, fmt, ap);
	va_end(ap);
}

void err_set_cleanup(err_cleanup_fn fn)
{
	cleanup = fn;
}

void err_fatal(const char *fmt, ...)
{
	if (cleanup != NULL)
		cleanup();
	va_list ap;
	va_start(ap, fmt);
	err_vreport(NULL, 0, 0, fmt, ap);
	va_end(ap);
	exit(ERR_EXIT_INTERNAL);
}

/* Crash handler: restore the terminal, say what happened, die by the signal. */
static void on_crash(int sig)
{
	if (cleanup != NULL)
		cleanup();
	ssize_t w = write(STDERR_FILENO, "circ: ", 6);
	if (crash_msg != NULL)
		w = write(STDERR_FILENO, crash_msg, crash_len);
	w = write(STDERR_FILENO, "\n", 1);
	(void)w;
	signal(sig, SIG_DFL);
	raise(sig);
}

void err_catch_crashes(void)
{
	crash_msg = _("internal error (crash signal); please report it");
	crash_len = strlen(crash_msg);
	static const int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_crash;
		sigemptyset(&sa.sa_mask);
		sa.sa_flags = SA_RESETHAND;
		sigaction(sigs[i], &sa, NULL);
	}
}
