/* input.c: reading keys from whatever terminal and client is at the other
 * end. ncurses gives bytes, and KEY_ codes for the sequences its terminfo
 * entry names; this file
 *  - teaches it the sequences real clients send whatever TERM claims
 *    (xterm in both cursor modes, PuTTY's "ESC [n~" keys, rxvt, the Linux
 *    console, screen and tmux), so that Home is Home under TERM=xterm too;
 *  - decodes characters itself, from the bytes: UTF-8 in a UTF-8 locale,
 *    the locale's own set otherwise, and in the C/POSIX locale (which says
 *    nothing of bytes above 127) a valid UTF-8 sequence as its character,
 *    any other byte as Latin-1; a byte that cannot be read is one key,
 *    TERM_KEY_BADCHAR, never a stuck prompt;
 *  - takes Esc followed at once by a key as Alt and that key (a lone Esc
 *    stays Esc), and swallows an escape sequence it does not know whole
 *    (TERM_KEY_UNKNOWN) instead of typing its bytes, mapping the modified
 *    forms of the keys it knows (Ctrl-Right: ESC [1;5C) to those keys. */
#include <curses.h>
#include <langinfo.h>
#include <string.h>
#include <wchar.h>

#include "circ/utf8.h"
#include "tui.h"

/* How long the rest of a character or of an escape sequence may take to
 * arrive after its first byte (milliseconds): on a slow link the bytes of
 * one key come in one packet, so this is only a bound. */
#define REST_MS 200
/* How soon a key must follow Esc to make it Alt (as ncurses's ESCDELAY). */
#define ALT_MS  25

static enum { IN_UTF8, IN_LOCALE, IN_GUESS } charset;

/* The sequences clients send (from xterm's ctlseqs, PuTTY's manual on its
 * keyboard settings, rxvt(7), console_codes(4) and the terminfo entries of
 * Debian's ncurses-term: see tests/keys/sequences): each is defined unless
 * the terminfo entry already has it. */
static const struct {
	const char *seq;
	int code;
} seqs[] = {
    {"\033[A", KEY_UP},      {"\033[B", KEY_DOWN},    {"\033[C", KEY_RIGHT},
    {"\033[D", KEY_LEFT},    {"\033OA", KEY_UP},      {"\033OB", KEY_DOWN},
    {"\033OC", KEY_RIGHT},   {"\033OD", KEY_LEFT},    {"\033[H", KEY_HOME},
    {"\033OH", KEY_HOME},    {"\033[1~", KEY_HOME},   {"\033[7~", KEY_HOME},
    {"\033[F", KEY_END},     {"\033OF", KEY_END},     {"\033[4~", KEY_END},
    {"\033[8~", KEY_END},    {"\033[2~", KEY_IC},     {"\033[3~", KEY_DC},
    {"\033[5~", KEY_PPAGE},  {"\033[6~", KEY_NPAGE},  {"\033OP", KEY_F(1)},
    {"\033OQ", KEY_F(2)},    {"\033OR", KEY_F(3)},    {"\033OS", KEY_F(4)},
    {"\033[11~", KEY_F(1)},  {"\033[12~", KEY_F(2)},  {"\033[13~", KEY_F(3)},
    {"\033[14~", KEY_F(4)},  {"\033[[A", KEY_F(1)},   {"\033[[B", KEY_F(2)},
    {"\033[[C", KEY_F(3)},   {"\033[[D", KEY_F(4)},   {"\033[[E", KEY_F(5)},
    {"\033[15~", KEY_F(5)},  {"\033[17~", KEY_F(6)},  {"\033[18~", KEY_F(7)},
    {"\033[19~", KEY_F(8)},  {"\033[20~", KEY_F(9)},  {"\033[21~", KEY_F(10)},
    {"\033[23~", KEY_F(11)}, {"\033[24~", KEY_F(12)}, {"\033[Z", KEY_BTAB},
    {"\033OM", KEY_ENTER},
};

void input_start(void)
{
	const char *cs = nl_langinfo(CODESET);
	if (cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0))
		charset = IN_UTF8;
	else if (cs && (strcmp(cs, "ANSI_X3.4-1968") == 0 || strcmp(cs, "ASCII") == 0 ||
	                strcmp(cs, "US-ASCII") == 0))
		charset = IN_GUESS;
	else
		charset = IN_LOCALE;
	for (size_t i = 0; i < sizeof seqs / sizeof seqs[0]; i++)
		if (key_defined(seqs[i].seq) == 0)
			define_key(seqs[i].seq, seqs[i].code);
}

/* One byte or KEY_ code, waiting at most ms milliseconds (-1: for ever). */
static int next(int ms)
{
	timeout(ms);
	int c = getch();
	timeout(-1);
	return c;
}

/* The rest of a UTF-8 sequence whose first byte is c; -1 when it is not
 * one. */
static long utf8_rest(int c)
{
	int more = c >= 0xF0 && c <= 0xF4 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 && c <= 0xDF ? 1 : -1;
	if (more < 0 || c > 0xF4)
		return -1;
	char buf[4] = {(char)c};
	for (int i = 1; i <= more; i++) {
		int b = next(REST_MS);
		if (b < 0x80 || b > 0xBF) {
			if (b != ERR)
				ungetch(b); /* not part of it: a key of its own */
			return -1;
		}
		buf[i] = (char)b;
	}
	uint32_t cp;
	if (utf8_decode(buf, (size_t)more + 1, &cp) != (size_t)more + 1 || cp == UTF8_REPLACEMENT)
		return -1;
	return (long)cp;
}

/* The character whose first byte is c (>= 0x80), by the input's character
 * set; -1 when the bytes are not one. */
static long character(int c)
{
	if (charset == IN_UTF8)
		return utf8_rest(c);
	if (charset == IN_GUESS) {
		long cp = utf8_rest(c);
		return cp >= 0 ? cp : c; /* not UTF-8: Latin-1 */
	}
	mbstate_t st;
	memset(&st, 0, sizeof st);
	for (int n = 0; n < 8; n++) {
		char b = (char)c;
		wchar_t wc;
		size_t r = mbrtowc(&wc, &b, 1, &st);
		if (r == (size_t)-1)
			return -1;
		if (r != (size_t)-2)
			return (long)wc;
		if ((c = next(REST_MS)) == ERR || c >= KEY_MIN)
			return -1;
	}
	return -1;
}

/* After ESC [ (csi) or ESC O: read the sequence to its final byte and
 * give the key it is a modified form of (ESC [1;5C: Right), or
 * TERM_KEY_UNKNOWN. */
static int escape_sequence(int csi)
{
	int params[4] = {0}, np = 0, c;
	for (int n = 0; n < 32; n++) {
		if ((c = next(REST_MS)) == ERR || c >= KEY_MIN)
			return TERM_KEY_UNKNOWN;
		if (c >= '0' && c <= '9') {
			if (np == 0)
				np = 1;
			if (np <= 4 && params[np - 1] < 1000)
				params[np - 1] = params[np - 1] * 10 + (c - '0');
		} else if (c == ';') {
			np++;
		} else if (!csi || (c >= 0x40 && c <= 0x7E)) {
			break; /* the final byte */
		} else if (c < 0x20 || c > 0x3F) {
			if (c < 0x20 || c > 0x2F) /* not an intermediate byte */
				return TERM_KEY_UNKNOWN;
		}
	}
	static const char finals[] = "ABCDHF";
	static const int codes[] = {KEY_UP, KEY_DOWN, KEY_RIGHT, KEY_LEFT, KEY_HOME, KEY_END};
	const char *f = c > 0 && c < 0x80 ? strchr(finals, c) : NULL;
	if (f && *f)
		return codes[f - finals];
	if (csi && c == '~' && np >= 1) {
		for (size_t i = 0; i < sizeof seqs / sizeof seqs[0]; i++) {
			int v = 0;
			const char *s = seqs[i].seq;
			if (s[1] != '[' || s[2] < '0' || s[2] > '9')
				continue;
			for (s += 2; *s >= '0' && *s <= '9'; s++)
				v = v * 10 + (*s - '0');
			if (v == params[0])
				return seqs[i].code;
		}
	}
	return TERM_KEY_UNKNOWN;
}

/* A key with Shift, Ctrl or Alt that ncurses knows by its own code (the
 * shifted KEY_S codes; for xterm-like entries the extended names kUP5,
 * kRIT3, kHOM2...): the key without them. Other codes are left alone. */
static int base_key(int c)
{
	static const struct {
		int from, to;
	} shifted[] = {
	    {KEY_SLEFT, KEY_LEFT},  {KEY_SRIGHT, KEY_RIGHT},    {KEY_SR, KEY_UP},
	    {KEY_SF, KEY_DOWN},     {KEY_SHOME, KEY_HOME},      {KEY_SEND, KEY_END},
	    {KEY_SNEXT, KEY_NPAGE}, {KEY_SPREVIOUS, KEY_PPAGE}, {KEY_SDC, KEY_DC},
	    {KEY_SIC, KEY_IC},
	};
	static const struct {
		const char *name;
		int to;
	} extended[] = {
	    {"kUP", KEY_UP},    {"kDN", KEY_DOWN}, {"kRIT", KEY_RIGHT}, {"kLFT", KEY_LEFT},
	    {"kHOM", KEY_HOME}, {"kEND", KEY_END}, {"kNXT", KEY_NPAGE}, {"kPRV", KEY_PPAGE},
	    {"kDC", KEY_DC},    {"kIC", KEY_IC},
	};
	for (size_t i = 0; i < sizeof shifted / sizeof shifted[0]; i++)
		if (c == shifted[i].from)
			return shifted[i].to;
	if (c <= KEY_MAX)
		return c;
	const char *name = keyname(c);
	for (size_t i = 0; name && i < sizeof extended / sizeof extended[0]; i++) {
		size_t n = strlen(extended[i].name);
		if (strncmp(name, extended[i].name, n) == 0 &&
		    (name[n] == '\0' || (name[n] >= '2' && name[n] <= '8' && name[n + 1] == '\0')))
			return extended[i].to;
	}
	return TERM_KEY_UNKNOWN;
}

/* What follows an Esc: nothing (a lone Esc), an escape sequence ncurses
 * did not know, or a key pressed with Alt. Returns as input_read(). */
static int after_escape(wint_t *key)
{
	int c = next(ALT_MS);
	if (c == ERR) {
		*key = 27;
		return 0;
	}
	if (c == 27 || c == KEY_RESIZE) {
		ungetch(c); /* Esc Esc: two keys */
		*key = 27;
		return 0;
	}
	if (c >= KEY_MIN) { /* Alt and a key ncurses knows: that key */
		*key = (wint_t)base_key(c);
		return 1;
	}
	if (c == '[' || c == 'O') {
		*key = (wint_t)escape_sequence(c == '[');
		return 1;
	}
	long cp = c >= 0x80 ? character(c) : c;
	if (cp < 0) {
		*key = TERM_KEY_BADCHAR;
		return 1;
	}
	*key = (wint_t)cp | TERM_ALT;
	return 0;
}

int input_read(wint_t *key)
{
	int c = getch();
	if (c == ERR)
		return -1;
	if (c >= KEY_MIN) {
		*key = (wint_t)base_key(c);
		return 1;
	}
	if (c == 27)
		return after_escape(key);
	if (c < 0x80) {
		*key = (wint_t)c;
		return 0;
	}
	long cp = character(c);
	if (cp < 0) {
		*key = TERM_KEY_BADCHAR;
		return 1;
	}
	*key = (wint_t)cp;
	return 0;
}
