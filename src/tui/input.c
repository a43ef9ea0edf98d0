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
    {"\033OM", KEY_ENTER},   {"\033[I", KEY_PPAGE},   {"\033[G", KEY_NPAGE},
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

/* Give back to the input the bytes b[0..n) read past what was used, last
 * first, so that they are read again in their order. */
static void unread(const int *b, int n)
{
	while (n-- > 0)
		ungetch(b[n]);
}

/* The rest of a UTF-8 sequence whose first byte is c; -1 when it is not
 * one, with every byte read after c given back (a key of its own, or
 * Latin-1 letters in the C locale). */
static long utf8_rest(int c)
{
	int more = c >= 0xF0 && c <= 0xF4 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 && c <= 0xDF ? 1 : -1;
	if (more < 0)
		return -1;
	char buf[4] = {(char)c};
	int got[3];
	for (int i = 1; i <= more; i++) {
		int b = next(REST_MS);
		if (b == ERR) {
			unread(got, i - 1);
			return -1;
		}
		got[i - 1] = b;
		if (b < 0x80 || b > 0xBF) {
			unread(got, i);
			return -1;
		}
		buf[i] = (char)b;
	}
	uint32_t cp;
	/* an overlong form or a surrogate decodes as one invalid byte */
	if (utf8_decode(buf, (size_t)more + 1, &cp) != (size_t)more + 1) {
		unread(got, more);
		return -1;
	}
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
		/* not UTF-8: Latin-1, but for its C1 controls */
		return cp >= 0 ? cp : c >= 0xA0 ? c : -1;
	}
	mbstate_t st;
	memset(&st, 0, sizeof st);
	int got[8], n = 0;
	for (;;) {
		char b = (char)c;
		wchar_t wc;
		size_t r = mbrtowc(&wc, &b, 1, &st);
		if (r == (size_t)-1)
			break;
		if (r != (size_t)-2)
			return (long)wc;
		if (n == 8 || (c = next(REST_MS)) == ERR)
			break;
		got[n++] = c;
		if (c >= KEY_MIN)
			break;
	}
	unread(got, n);
	return -1;
}

/* The character the application keypad's key ESC O final types (DEC's
 * ESC O p ... ESC O y are 0 to 9, then . , - and xterm's * + / =), or 0. */
static int keypad_final(int final)
{
	static const char finals[] = "pqrstuvwxynlmjkoX", chars[] = "0123456789.,-*+/=";
	const char *f = final > 0 && final < 0x80 ? strchr(finals, final) : NULL;
	return f && *f ? chars[f - finals] : 0;
}

/* After ESC [ (csi) or ESC O: read the sequence to its final byte and
 * give the key it is a modified form of (ESC [1;5C: Right), the character
 * of a keypad key (ESC O p: 0, *is_code 0), or TERM_KEY_UNKNOWN. An old
 * mouse report (ESC [ M and three bytes) is read whole; a KEY_ code that
 * comes in the middle (a resize) is given back. */
static int escape_sequence(int csi, int *is_code)
{
	int params[4] = {0}, np = 0, c = ERR;
	*is_code = 1;
	for (int n = 0; n < 32; n++) {
		if ((c = next(REST_MS)) == ERR)
			return TERM_KEY_UNKNOWN;
		if (c >= KEY_MIN) {
			ungetch(c);
			return TERM_KEY_UNKNOWN;
		}
		if (c >= '0' && c <= '9') {
			if (np == 0)
				np = 1;
			if (np <= 4 && params[np - 1] < 1000)
				params[np - 1] = params[np - 1] * 10 + (c - '0');
		} else if (c == ';') {
			np = np == 0 ? 2 : np + 1;
		} else if (!csi || (c >= 0x40 && c <= 0x7E)) {
			break; /* the final byte */
		} else if (c < 0x20 || c > 0x3F) {
			if (c < 0x20 || c > 0x2F) /* not an intermediate byte */
				return TERM_KEY_UNKNOWN;
		}
	}
	if (csi && c == 'M' && np == 0) { /* X10 mouse: button, column, row */
		for (int i = 0; i < 3; i++)
			if (next(REST_MS) == ERR)
				break;
		return TERM_KEY_UNKNOWN;
	}
	if (!csi && keypad_final(c)) {
		*is_code = 0;
		return keypad_final(c);
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

/* The character a key of the application keypad types, from the bytes the
 * terminal sends for it (cap: its terminfo name), or 0. */
static int keypad_char(const char *cap)
{
	const char *v = term_string(cap);
	if (v == NULL || v[0] != 27 || v[1] != 'O' || v[2] == '\0' || v[3] != '\0')
		return 0;
	return keypad_final((unsigned char)v[2]);
}

/* The key a KEY_ code stands for in circ. A key with Shift, Ctrl or Alt
 * (the shifted KEY_S codes; for xterm-like entries the extended names
 * kUP5, kRIT3, kHOM2...) is the key without them; Find and Select (ESC [1~
 * and ESC [4~ in the vt220 entry) are Home and End, as on the keyboards
 * that send them. The keypad in application mode (which ncurses turns on)
 * types its characters: the digits and point, whatever terminfo names them
 * (ka1, kb2, kp7...), and + - * / , (kpADD... in PuTTY's and xterm's
 * entries), with *is_code set to 0; its NumLock (kpNUM: ESC O P, which
 * PuTTY's Xterm R6 and VT100+ modes send for F1) is F1. Other codes are
 * left alone, but an extended code with none of these names is
 * TERM_KEY_UNKNOWN. */
static int base_key(int c, int *is_code)
{
	static const struct {
		int from, to;
	} codes[] = {
	    {KEY_SLEFT, KEY_LEFT},  {KEY_SRIGHT, KEY_RIGHT},    {KEY_SR, KEY_UP},
	    {KEY_SF, KEY_DOWN},     {KEY_SHOME, KEY_HOME},      {KEY_SEND, KEY_END},
	    {KEY_SNEXT, KEY_NPAGE}, {KEY_SPREVIOUS, KEY_PPAGE}, {KEY_SDC, KEY_DC},
	    {KEY_SIC, KEY_IC},      {KEY_FIND, KEY_HOME},       {KEY_SELECT, KEY_END},
	};
	static const struct {
		int code;
		const char *cap;
	} pad[] = {
	    {KEY_A1, "ka1"}, {KEY_A3, "ka3"}, {KEY_B2, "kb2"}, {KEY_C1, "kc1"}, {KEY_C3, "kc3"}};
	static const struct {
		const char *name;
		int to, is_code;
	} extended[] = {
	    {"kUP", KEY_UP, 1},     {"kDN", KEY_DOWN, 1},   {"kRIT", KEY_RIGHT, 1},
	    {"kLFT", KEY_LEFT, 1},  {"kHOM", KEY_HOME, 1},  {"kEND", KEY_END, 1},
	    {"kNXT", KEY_NPAGE, 1}, {"kPRV", KEY_PPAGE, 1}, {"kDC", KEY_DC, 1},
	    {"kIC", KEY_IC, 1},     {"kpNUM", KEY_F(1), 1}, {"kpADD", '+', 0},
	    {"kpSUB", '-', 0},      {"kpMUL", '*', 0},      {"kpDIV", '/', 0},
	    {"kpDOT", '.', 0},      {"kpCMA", ',', 0},      {"kpZRO", '0', 0},
	    {"kpEQL", '=', 0},
	};
	*is_code = 1;
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (c == codes[i].from)
			return codes[i].to;
	for (size_t i = 0; i < sizeof pad / sizeof pad[0]; i++) {
		if (c == pad[i].code) {
			int ch = keypad_char(pad[i].cap);
			*is_code = ch == 0;
			return ch ? ch : TERM_KEY_UNKNOWN;
		}
	}
	if (c < KEY_MAX) /* ncurses numbers extended keys from KEY_MAX */
		return c;
	const char *name = keyname(c);
	if (name && name[0] == 'k' && name[1] == 'p' && name[2] >= '1' && name[2] <= '9' &&
	    name[3] == '\0') {
		*is_code = 0;
		return name[2];
	}
	for (size_t i = 0; name && i < sizeof extended / sizeof extended[0]; i++) {
		size_t n = strlen(extended[i].name);
		if (strncmp(name, extended[i].name, n) == 0 &&
		    (name[n] == '\0' ||
		     (name[n] >= '2' && name[n] <= '8' && name[n + 1] == '\0'))) {
			*is_code = extended[i].is_code;
			return extended[i].to;
		}
	}
	return TERM_KEY_UNKNOWN;
}

/* What follows an Esc: nothing (a lone Esc), an escape sequence ncurses
 * did not know, or a key pressed with Alt. Returns as input_read(). */
static int after_escape(wint_t *key)
{
	int c = next(ALT_MS), code;
	if (c == ERR) {
		*key = 27;
		return 0;
	}
	if (c == 27 || c == KEY_RESIZE) {
		ungetch(c); /* Esc Esc: two keys */
		*key = 27;
		return 0;
	}
	if (c == KEY_BACKSPACE) { /* Alt-Backspace, where kbs is DEL */
		*key = KEY_BACKSPACE | TERM_ALT;
		return 1;
	}
	if (c >= KEY_MIN) { /* Alt and a key ncurses knows: that key */
		*key = (wint_t)base_key(c, &code);
		return code;
	}
	if (c == '[' || c == 'O') {
		*key = (wint_t)escape_sequence(c == '[', &code);
		return code;
	}
	long cp = c >= 0x80 ? character(c) : c;
	if (cp < 0) {
		*key = TERM_KEY_BADCHAR;
		return 1;
	}
	*key = (wint_t)cp | TERM_ALT;
	return 0;
}

/* A key given back by input_unread(), read before any byte. */
static struct {
	wint_t key;
	int code, set;
} pending;

void input_unread(wint_t key, int code)
{
	pending.key = key;
	pending.code = code;
	pending.set = 1;
}

/* The key whose first byte (or KEY_ code) c was read. Returns as
 * input_read(). */
static int decode(int c, wint_t *key)
{
	if (c >= KEY_MIN) {
		int code;
		*key = (wint_t)base_key(c, &code);
		return code;
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

int input_read(wint_t *key)
{
	if (pending.set) {
		pending.set = 0;
		*key = pending.key;
		return pending.code;
	}
	int c = getch();
	return c == ERR ? -1 : decode(c, key);
}

int input_poll(wint_t *key)
{
	if (pending.set)
		return input_read(key);
	int c = next(0);
	return c == ERR ? -1 : decode(c, key);
}
