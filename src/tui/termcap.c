/* termcap.c: questions to the terminfo database. Apart from the rest of the
 * browser because <term.h> defines macros named like ordinary words. */
#include <curses.h>
#include <term.h>

int term_can_address(void);

int term_can_address(void)
{
	const char *cup = tigetstr("cup");
	return cup != NULL && cup != (char *)-1;
}
