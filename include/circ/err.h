/* err.h: the one error-reporting function and the one fatal path.
 * Every message the program prints about a problem goes through err_report(),
 * formatted "circ: FILE:LINE:COL: message". err_fatal() and the crash-signal
 * handlers run the registered cleanup (the TUI's terminal restore) before the
 * process ends. */
#ifndef CIRC_ERR_H
#define CIRC_ERR_H

#include <stdarg.h>

/* Exit statuses, documented in circ(1). */
enum err_exit {
	ERR_EXIT_OK = 0,
	ERR_EXIT_NOTFOUND = 1, /* a reference or search found nothing */
	ERR_EXIT_USAGE = 2,    /* bad option or argument */
	ERR_EXIT_DOC = 3,      /* a document cannot be read, parsed or validated */
	ERR_EXIT_INTERNAL = 4  /* out of memory, crash, output error */
};

/* Print "circ: FILE:LINE:COL: message" on standard error. FILE may be NULL
 * (no location); LINE and COL of 0 are left out. */
void err_report(const char *file, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void err_vreport(const char *file, long line, long col, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));

/* Function run before the process ends abnormally (restores the terminal). It
 * must be safe to call more than once. */
typedef void (*err_cleanup_fn)(void);
void err_set_cleanup(err_cleanup_fn fn);

/* Run the cleanup, report the message and exit with ERR_EXIT_INTERNAL. */
_Noreturn void err_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Route SIGSEGV, SIGBUS, SIGFPE, SIGILL and SIGABRT through the cleanup. */
void err_catch_crashes(void);

#endif
