/* termcap.c: questions to the terminfo database. Apart from the rest of the
 * browser because <term.h> defines macros named like ordinary words. */
#include <curses.h>
#include <term.h>
#include <unistd.h>

int term_can_address(void);

int term_can_address(void)
{
	const char *cup = tigetstr("cup");
	return cup != NULL && cup != (char *)-1;
}

const char *term_string(const char *cap);

/* The string capability cap of the terminal (a key's bytes, "ka1"), or
 * NULL. */
const char *term_string(const char *cap)
{
	char *v = tigetstr(cap);
	return v == NULL || v == (char *)-1 ? NULL : v;
}

int term_printer_codes(char **on, char **off);

/* The terminal's printer controls (terminfo mc5 and mc4) for $TERM, without
 * starting curses (for the command line). 0 when both exist. */
int term_printer_codes(char **on, char **off)
{
	int err = 0;
	if (cur_term == NULL && setupterm(NULL, STDOUT_FILENO, &err) != OK)
		return -1;
	char *a = tigetstr("mc5"), *b = tigetstr("mc4");
	if (a == NULL || a == (char *)-1 || b == NULL || b == (char *)-1)
		return -1;
	*on = a;
	*off = b;
	return 0;
}
