/* slowread.c: a shim for tests/matrix (defects.signal_before_read), loaded
 * with LD_PRELOAD into circ: every read() of standard input first sleeps
 * SLOWREAD_US microseconds (default 300000). That widens the window between
 * the moment a program last looks at its signal flags and the moment its
 * read() blocks: a signal that comes in it is lost until the next key
 * unless the program waits for the terminal some other way (pselect) and
 * reads only what is there. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

ssize_t read(int fd, void *buf, size_t n)
{
	static ssize_t (*real)(int, void *, size_t);
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "read");
	if (fd == STDIN_FILENO) {
		const char *e = getenv("SLOWREAD_US");
		long us = e ? atol(e) : 300000;
		struct timespec ts = {us / 1000000, (us % 1000000) * 1000};
		nanosleep(&ts, NULL);
	}
	return real(fd, buf, n);
}
