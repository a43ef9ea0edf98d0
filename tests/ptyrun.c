/* ptyrun.c: run a command in a new pseudo-terminal of a given size and drive
 * it from a tiny script, for what tmux hides from the terminal tests: the
 * exact bytes the program writes, a dropped connection (the master closed),
 * signals, and how long the program takes to go.
 *
 *   ptyrun [-n] [-s COLSxROWS] [-o OUTFILE] [-t TIMEOUT_SEC] SCRIPT -- CMD ARGS...
 *
 * -n: the slave is not the command's controlling terminal (it still is its
 * standard input, output and error): a hangup then sends it no SIGHUP and a
 * resize no SIGWINCH; it only finds its input at an end.
 * SCRIPT is steps separated by ';' (write \; for a ';' inside a step):
 *   k:TEXT      send TEXT (escapes: \e \r \n \t \\ \; \xHH)
 *   w:MS        wait MS milliseconds, reading (and recording) the output
 *   u:TEXT      wait (within the timeout) until the output holds TEXT
 *   r:COLSxROWS resize: TIOCSWINSZ on the master (the kernel sends SIGWINCH
 *               to the terminal's foreground process group)
 *   h           hang up: close the master, as a dropped SSH connection does
 *   s:SIG       send the signal SIG (TERM, INT, HUP, KILL, QUIT, WINCH, USR1,
 *               USR2 or a number) to the command
 *   e           wait for the command to exit (at most TIMEOUT)
 * After the last step ptyrun waits, as for e, for the command to end.
 *
 * Every byte the command writes is recorded (to OUTFILE with -o). At the end
 * one line goes to standard output:
 *   exit=N signal=S bytes=B elapsed_ms=E cpu_ms=C seen_us=U modes=M
 * N: the exit status (-1 when a signal ended it); S: the signal that ended
 * it (0: none); B: bytes written by the command; E: milliseconds from the
 * last step that acted on the command (k, r, h or s; else from its start)
 * until it was gone; C: the CPU time (user + system) the command used;
 * U: microseconds from the command's start until the text of the last u:
 * step came (-1: no u: step, or it never came), e.g. the time to the first
 * screen; M: "same" when the terminal's modes (termios, as stty -g shows
 * them) are at the end what they were before the command started,
 * "changed" when not, "unknown" after h (no terminal left to ask).
 * Exit status: 0 the command ended within TIMEOUT (default 5 s) of each
 * wait; 3 it did not: it was killed (SIGKILL to its process group);
 * 2 usage error; 1 a system call failed.
 *
 * The command inherits the environment (the caller sets TERM) and is a
 * session leader with the pty's slave as its controlling terminal. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* posix_openpt, grantpt, unlockpt, ptsname */
#endif
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* wait4, TIOCSCTTY */
#endif
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static int master = -1;
static FILE *out;
static unsigned long long nbytes;
static pid_t child;
static int child_done;
static int child_status;
static struct rusage child_usage;
static long timeout_ms = 5000;
static int no_ctty;
static long long exit_at;           /* when the child was seen gone */
static struct termios modes_before; /* the slave's modes before the command */

static long long now_ms(void);

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("ptyrun: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (errno)
		fprintf(stderr, ": %s", strerror(errno));
	fputc('\n', stderr);
	if (child > 0 && !child_done)
		kill(-child, SIGKILL);
	exit(1);
}

static void usage(void)
{
	fputs("usage: ptyrun [-n] [-s COLSxROWS] [-o OUTFILE] [-t TIMEOUT_SEC] SCRIPT -- CMD "
	      "ARGS...\n"
	      "  SCRIPT: steps separated by ';': k:TEXT w:MS r:COLSxROWS h s:SIG e\n",
	      stderr);
	exit(2);
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static long long now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static int parse_size(const char *s, struct winsize *ws)
{
	unsigned c, r;
	char x, extra;
	if (sscanf(s, "%u%c%u%c", &c, &x, &r, &extra) != 3 || (x != 'x' && x != 'X') || c == 0 ||
	    r == 0 || c > 10000 || r > 10000)
		return -1;
	memset(ws, 0, sizeof *ws);
	ws->ws_col = (unsigned short)c;
	ws->ws_row = (unsigned short)r;
	return 0;
}

/* Has the child ended? Reaps it without blocking. */
static int check_child(void)
{
	if (child_done)
		return 1;
	int st;
	struct rusage ru;
	pid_t p = wait4(child, &st, WNOHANG, &ru);
	if (p == child) {
		child_done = 1;
		exit_at = now_ms();
		child_status = st;
		child_usage = ru;
		return 1;
	}
	if (p < 0 && errno != EINTR && errno != ECHILD)
		die("waitpid");
	return 0;
}

/* The last bytes the command wrote, for u:TEXT. */
static char tail[8192];
static size_t ntail;

static void keep_tail(const char *b, size_t n)
{
	if (n >= sizeof tail) {
		memcpy(tail, b + n - sizeof tail, sizeof tail);
		ntail = sizeof tail;
		return;
	}
	if (ntail + n > sizeof tail) {
		size_t drop = ntail + n - sizeof tail;
		memmove(tail, tail + drop, ntail - drop);
		ntail -= drop;
	}
	memcpy(tail + ntail, b, n);
	ntail += n;
}

/* Read what the master has now; returns -1 once the slave side is gone. */
static int drain(void)
{
	if (master < 0)
		return -1;
	char buf[8192];
	for (;;) {
		ssize_t n = read(master, buf, sizeof buf);
		if (n > 0) {
			nbytes += (unsigned long long)n;
			keep_tail(buf, (size_t)n);
			if (out && fwrite(buf, 1, (size_t)n, out) != (size_t)n)
				die("cannot write the output file");
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return 0;
		return -1; /* EIO: no slave left open; 0: end of file */
	}
}

static int pump(long ms, int until_exit);

/* Does the output kept so far hold text? */
static int tail_has(const char *text, size_t len)
{
	for (size_t i = 0; len <= ntail && i + len <= ntail; i++)
		if (memcmp(tail + i, text, len) == 0)
			return 1;
	return 0;
}

/* Wait until the output so far holds text (step u:TEXT), within the
 * timeout. Returns 0 when it does. */
static int wait_for_text(const char *text)
{
	size_t len = strlen(text);
	long long end = now_ms() + timeout_ms;
	while (now_ms() < end) {
		if (tail_has(text, len))
			return 0;
		if (master < 0) {
			if (pump(10, 0))
				break;
			continue;
		}
		/* look again as soon as bytes come (seen_us is not rounded
		 * up to the child check's 10 ms) */
		struct pollfd p = {master, POLLIN, 0};
		int r = poll(&p, 1, 10);
		if (r < 0 && errno != EINTR)
			die("poll");
		if (r > 0 && drain() < 0) {
			pump(0, 0);
			break;
		}
		if (r == 0 && check_child())
			break;
	}
	return tail_has(text, len) ? 0 : -1;
}

/* Read the output for ms milliseconds (until the child ends when
 * until_exit). Returns 1 when the child has ended. */
static int pump(long ms, int until_exit)
{
	long long end = now_ms() + ms;
	int master_open = 1;
	for (;;) {
		if (check_child() && until_exit) {
			if (master_open)
				drain();
			return 1;
		}
		long long left = end - now_ms();
		if (left <= 0)
			return check_child();
		int wait = left > 10 ? 10 : (int)left; /* also poll the child */
		if (master >= 0 && master_open) {
			struct pollfd p = {master, POLLIN, 0};
			int r = poll(&p, 1, wait);
			if (r < 0 && errno != EINTR)
				die("poll");
			if (r > 0 && drain() < 0)
				master_open = 0; /* slave closed: stop polling it */
		} else {
			struct timespec ts = {0, (long)wait * 1000000L};
			nanosleep(&ts, NULL);
		}
	}
}

static void send_bytes(const char *s, size_t n)
{
	if (master < 0) {
		fprintf(stderr, "ptyrun: k: the terminal is hung up; nothing sent\n");
		return;
	}
	long long end = now_ms() + timeout_ms;
	while (n > 0) {
		ssize_t w = write(master, s, n);
		if (w > 0) {
			s += w;
			n -= (size_t)w;
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			if (now_ms() > end) {
				fprintf(stderr, "ptyrun: k: the command does not read its input\n");
				return;
			}
			pump(5, 0);
			continue;
		}
		fprintf(stderr, "ptyrun: k: %s\n", strerror(errno));
		return;
	}
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode the escapes of a k: step in place; returns the length. */
static size_t unescape(char *s)
{
	char *o = s;
	for (char *p = s; *p; p++) {
		if (*p != '\\' || p[1] == '\0') {
			*o++ = *p;
			continue;
		}
		p++;
		switch (*p) {
		case 'e':
			*o++ = 0x1b;
			break;
		case 'r':
			*o++ = '\r';
			break;
		case 'n':
			*o++ = '\n';
			break;
		case 't':
			*o++ = '\t';
			break;
		case '\\':
			*o++ = '\\';
			break;
		case ';':
			*o++ = ';';
			break;
		case 'x': {
			int h1 = hexval((unsigned char)p[1]),
			    h2 = h1 >= 0 ? hexval((unsigned char)p[2]) : -1;
			if (h1 < 0) {
				*o++ = '\\';
				*o++ = 'x';
			} else if (h2 < 0) {
				*o++ = (char)h1;
				p += 1;
			} else {
				*o++ = (char)(h1 * 16 + h2);
				p += 2;
			}
			break;
		}
		default:
			*o++ = '\\';
			*o++ = *p;
			break;
		}
	}
	*o = '\0';
	return (size_t)(o - s);
}

static int signal_number(const char *s)
{
	static const struct {
		const char *name;
		int sig;
	} sigs[] = {{"TERM", SIGTERM}, {"INT", SIGINT},     {"HUP", SIGHUP},   {"KILL", SIGKILL},
	            {"QUIT", SIGQUIT}, {"WINCH", SIGWINCH}, {"USR1", SIGUSR1}, {"USR2", SIGUSR2},
	            {"CONT", SIGCONT}, {"STOP", SIGSTOP},   {"PIPE", SIGPIPE}};
	if (strncmp(s, "SIG", 3) == 0)
		s += 3;
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (strcmp(s, sigs[i].name) == 0)
			return sigs[i].sig;
	char *end;
	long n = strtol(s, &end, 10);
	return *s && *end == '\0' && n > 0 && n < 65 ? (int)n : -1;
}

/* Split the script on unescaped ';' into steps (modifies it). */
static size_t split_steps(char *script, char ***steps)
{
	size_t n = 0, cap = 16;
	*steps = malloc(cap * sizeof **steps);
	if (*steps == NULL)
		die("out of memory");
	char *start = script;
	for (char *p = script;; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (*p == ';' || *p == '\0') {
			int last = *p == '\0';
			*p = '\0';
			if (n == cap) {
				cap *= 2;
				*steps = realloc(*steps, cap * sizeof **steps);
				if (*steps == NULL)
					die("out of memory");
			}
			(*steps)[n++] = start;
			if (last)
				break;
			start = p + 1;
		}
	}
	return n;
}

/* Check the steps before starting anything. */
static void check_steps(char **steps, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *s = steps[i];
		struct winsize ws;
		char *end;
		if (s[0] == '\0')
			continue;
		if (strncmp(s, "k:", 2) == 0 || (strncmp(s, "u:", 2) == 0 && s[2]))
			continue;
		if (strncmp(s, "w:", 2) == 0 && s[2] && (strtol(s + 2, &end, 10), *end == '\0'))
			continue;
		if (strncmp(s, "r:", 2) == 0 && parse_size(s + 2, &ws) == 0)
			continue;
		if (strncmp(s, "s:", 2) == 0 && signal_number(s + 2) > 0)
			continue;
		if (strcmp(s, "h") == 0 || strcmp(s, "e") == 0)
			continue;
		fprintf(stderr, "ptyrun: bad step '%s'\n", s);
		usage();
	}
}

static void start_child(char **argv, const struct winsize *ws)
{
	master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0)
		die("posix_openpt");
	if (grantpt(master) != 0 || unlockpt(master) != 0)
		die("grantpt/unlockpt");
	const char *name = ptsname(master);
	if (name == NULL)
		die("ptsname");
	char slave_name[256];
	snprintf(slave_name, sizeof slave_name, "%s", name);
	if (ioctl(master, TIOCSWINSZ, ws) != 0)
		die("TIOCSWINSZ");
	/* on the master, tcgetattr gives the slave's modes */
	if (tcgetattr(master, &modes_before) != 0)
		die("tcgetattr");
	fflush(NULL);
	child = fork();
	if (child < 0)
		die("fork");
	if (child == 0) {
		/* a new session whose controlling terminal is the slave */
		if (setsid() < 0)
			_exit(126);
		int s = open(slave_name, O_RDWR | (no_ctty ? O_NOCTTY : 0));
		if (s < 0)
			_exit(126);
#ifdef TIOCSCTTY
		if (!no_ctty)
			ioctl(s, TIOCSCTTY, 0);
#endif
		close(master);
		if (dup2(s, 0) < 0 || dup2(s, 1) < 0 || dup2(s, 2) < 0)
			_exit(126);
		if (s > 2)
			close(s);
		/* the signals as a shell would leave them */
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = SIG_DFL;
		sigemptyset(&sa.sa_mask);
		for (int sig = 1; sig < 32; sig++)
			if (sig != SIGKILL && sig != SIGSTOP)
				sigaction(sig, &sa, NULL);
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		execvp(argv[0], argv);
		fprintf(stderr, "ptyrun: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	int fl = fcntl(master, F_GETFL);
	if (fl < 0 || fcntl(master, F_SETFL, fl | O_NONBLOCK) < 0)
		die("fcntl");
}

int main(int argc, char **argv)
{
	struct winsize ws;
	const char *outfile = NULL;
	parse_size("80x24", &ws);
	int opt;
	while ((opt = getopt(argc, argv, "+ns:o:t:h")) != -1) {
		switch (opt) {
		case 'n':
			no_ctty = 1;
			break;
		case 's':
			if (parse_size(optarg, &ws) != 0)
				usage();
			break;
		case 'o':
			outfile = optarg;
			break;
		case 't': {
			char *end;
			double t = strtod(optarg, &end);
			if (*end != '\0' || !(t > 0) || t > 86400)
				usage();
			timeout_ms = (long)(t * 1000);
			break;
		}
		default:
			usage();
		}
	}
	if (argc - optind < 3 || strcmp(argv[optind + 1], "--") != 0)
		usage();
	char *script = argv[optind];
	char **cmd = argv + optind + 2;
	char **steps;
	size_t nsteps = split_steps(script, &steps);
	check_steps(steps, nsteps);
	signal(SIGPIPE, SIG_IGN);
	if (outfile) {
		out = fopen(outfile, "wb");
		if (out == NULL)
			die("%s", outfile);
	}

	long long mark = now_ms(), started_us = now_us(), seen_us = -1;
	start_child(cmd, &ws);
	int timed_out = 0;
	for (size_t i = 0; i < nsteps && !timed_out; i++) {
		char *s = steps[i];
		if (s[0] == '\0')
			continue;
		if (s[0] == 'k') {
			size_t n = unescape(s + 2);
			send_bytes(s + 2, n);
			mark = now_ms();
			pump(0, 0);
		} else if (s[0] == 'w') {
			pump(strtol(s + 2, NULL, 10), 0);
		} else if (s[0] == 'u') {
			if (wait_for_text(s + 2) != 0) {
				fprintf(stderr, "ptyrun: u: '%s' never came\n", s + 2);
				seen_us = -1;
			} else {
				seen_us = now_us() - started_us;
			}
		} else if (s[0] == 'r') {
			struct winsize nw;
			parse_size(s + 2, &nw);
			if (master >= 0 && ioctl(master, TIOCSWINSZ, &nw) != 0)
				fprintf(stderr, "ptyrun: r: %s\n", strerror(errno));
			mark = now_ms();
			pump(0, 0);
		} else if (s[0] == 'h') {
			if (master >= 0) {
				pump(0, 0);
				close(master);
				master = -1;
			}
			mark = now_ms();
		} else if (s[0] == 's') {
			if (!check_child())
				kill(child, signal_number(s + 2));
			mark = now_ms();
		} else if (s[0] == 'e') {
			if (!pump(timeout_ms, 1))
				timed_out = 1;
		}
	}
	if (!timed_out && !pump(timeout_ms, 1))
		timed_out = 1;
	if (timed_out) {
		kill(-child, SIGKILL);
		kill(child, SIGKILL);
		while (!check_child()) {
			struct timespec ts = {0, 5000000L};
			nanosleep(&ts, NULL);
		}
		fprintf(stderr, "ptyrun: the command did not end within %ld ms; killed\n",
		        timeout_ms);
	}
	long long elapsed = exit_at - mark;
	if (elapsed < 0)
		elapsed = 0; /* it ended before the mark */
	const char *modes = "unknown";
	if (master >= 0) {
		drain();
		struct termios after;
		if (tcgetattr(master, &after) == 0)
			modes =
			    after.c_iflag == modes_before.c_iflag &&
			            after.c_oflag == modes_before.c_oflag &&
			            after.c_cflag == modes_before.c_cflag &&
			            after.c_lflag == modes_before.c_lflag &&
			            memcmp(after.c_cc, modes_before.c_cc, sizeof after.c_cc) == 0
			        ? "same"
			        : "changed";
		close(master);
	}
	if (out && fclose(out) != 0)
		die("cannot write the output file");
	int code = WIFEXITED(child_status) ? WEXITSTATUS(child_status) : -1;
	int sig = WIFSIGNALED(child_status) ? WTERMSIG(child_status) : 0;
	long cpu = (long)(child_usage.ru_utime.tv_sec + child_usage.ru_stime.tv_sec) * 1000 +
	           (long)(child_usage.ru_utime.tv_usec + child_usage.ru_stime.tv_usec) / 1000;
	printf("exit=%d signal=%d bytes=%llu elapsed_ms=%lld cpu_ms=%ld seen_us=%lld modes=%s\n",
	       code, sig, nbytes, elapsed, cpu, seen_us, modes);
	free(steps);
	return timed_out ? 3 : 0;
}
