/* fold.c: case and accent folding with an offset map (see fold.h).
 * The table covers Latin-1 Supplement and Latin Extended-A, which hold every
 * letter French (and the other languages of UN bulletins in Latin script)
 * writes; combining marks (U+0300..U+036F) are dropped. */
#include "circ/fold.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "circ/utf8.h"
#include "circ/xalloc.h"

/* Base letters of U+00C0..U+017F, "" where the character is not a letter
 * with a base (×, ÷); upper case as in the original. */
static const char *const latin[] = {
    /* C0 */ "A",  "A", "A",  "A",  "A", "A", "AE", "C",
    "E",           "E", "E",  "E",  "I", "I", "I",  "I",
    /* D0 */ "D",  "N", "O",  "O",  "O", "O", "O",  "",
    "O",           "U", "U",  "U",  "U", "Y", "TH", "ss",
    /* E0 */ "a",  "a", "a",  "a",  "a", "a", "ae", "c",
    "e",           "e", "e",  "e",  "i", "i", "i",  "i",
    /* F0 */ "d",  "n", "o",  "o",  "o", "o", "o",  "",
    "o",           "u", "u",  "u",  "u", "y", "th", "y",
    /* 100 */ "A", "a", "A",  "a",  "A", "a", "C",  "c",
    "C",           "c", "C",  "c",  "C", "c", "D",  "d",
    /* 110 */ "D", "d", "E",  "e",  "E", "e", "E",  "e",
    "E",           "e", "E",  "e",  "G", "g", "G",  "g",
    /* 120 */ "G", "g", "G",  "g",  "H", "h", "H",  "h",
    "I",           "i", "I",  "i",  "I", "i", "I",  "i",
    /* 130 */ "I", "i", "IJ", "ij", "J", "j", "K",  "k",
    "k",           "L", "l",  "L",  "l", "L", "l",  "L",
    /* 140 */ "l", "L", "l",  "N",  "n", "N", "n",  "N",
    "n",           "n", "N",  "n",  "O", "o", "O",  "o",
    /* 150 */ "O", "o", "OE", "oe", "R", "r", "R",  "r",
    "R",           "r", "S",  "s",  "S", "s", "S",  "s",
    /* 160 */ "S", "s", "T",  "t",  "T", "t", "T",  "t",
    "U",           "u", "U",  "u",  "U", "u", "U",  "u",
    /* 170 */ "U", "u", "U",  "u",  "W", "w", "Y",  "y",
    "Y",           "Z", "z",  "Z",  "z", "Z", "z",  "s",
};

/* Lower case of the letters of U+00C0..U+017F, as UTF-8 code points. */
static uint32_t lower_latin(uint32_t cp)
{
	if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
		return cp + 0x20;
	if (cp >= 0x100 && cp <= 0x137 && cp % 2 == 0)
		return cp + 1;
	if (cp >= 0x139 && cp <= 0x148 && cp % 2 == 1)
		return cp + 1;
	if (cp >= 0x14A && cp <= 0x177 && cp % 2 == 0)
		return cp + 1;
	if (cp == 0x178)
		return 0xFF;
	if (cp == 0x179 || cp == 0x17B || cp == 0x17D)
		return cp + 1;
	return cp;
}

/* Room for n more bytes and the final NUL. */
static void reserve(struct fold *f, size_t *cap, size_t n)
{
	if (f->len + n + 1 > *cap) {
		while (f->len + n + 1 > *cap)
			*cap *= 2;
		f->s = xrealloc(f->s, *cap);
		if (f->map)
			f->map = xreallocarray(f->map, *cap, sizeof *f->map);
	}
}

static void put(struct fold *f, size_t *cap, const char *p, size_t n, size_t orig)
{
	reserve(f, cap, n);
	for (size_t i = 0; i < n; i++) {
		if (f->map)
			f->map[f->len] = orig;
		f->s[f->len++] = p[i];
	}
}

/* What each ASCII byte becomes under flags' FOLD_CASE and FOLD_SPACES (a
 * table for each of their four combinations, made on first use). */
static const unsigned char *ascii_table(int flags)
{
	static unsigned char t[4][128];
	static int made;
	if (!made) {
		for (int k = 0; k < 4; k++)
			for (int c = 0; c < 128; c++) {
				int o = c;
				if ((k & 1) && c >= 'A' && c <= 'Z')
					o = c - 'A' + 'a';
				if ((k & 2) && (c == '\t' || c == '\n' || c == '\r'))
					o = ' ';
				t[k][c] = (unsigned char)o;
			}
		made = 1;
	}
	return t[(flags & FOLD_CASE ? 1 : 0) | (flags & FOLD_SPACES ? 2 : 0)];
}

void fold_text(struct fold *f, const char *s, size_t n, int flags)
{
	size_t cap = n + 16;
	f->s = xmalloc(cap);
	f->map = flags & FOLD_NO_MAP ? NULL : xreallocarray(NULL, cap, sizeof *f->map);
	f->len = 0;
	for (size_t i = 0; i < n;) {
		if ((unsigned char)s[i] < 0x80) {
			/* most of the text: a run of ASCII, one byte for one, no
			 * decoding */
			const unsigned char *tb = ascii_table(flags);
			reserve(f, &cap, n - i);
			char *o = f->s + f->len;
			size_t j = i;
			for (; j < n && (unsigned char)s[j] < 0x80; j++)
				*o++ = (char)tb[(unsigned char)s[j]];
			if (f->map)
				for (size_t q = i; q < j; q++)
					f->map[f->len + q - i] = q;
			f->len += j - i;
			i = j;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if ((flags & FOLD_ACCENTS) && cp >= 0x300 && cp <= 0x36F) {
			/* a combining mark: dropped */
		} else if ((flags & FOLD_SPACES) && utf8_is_space(cp)) {
			put(f, &cap, " ", 1, i);
		} else if ((flags & FOLD_SPACES) &&
		           (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC)) {
			put(f, &cap, "'", 1, i);
		} else if ((flags & FOLD_ACCENTS) && cp >= 0xC0 && cp <= 0x17F &&
		           latin[cp - 0xC0][0]) {
			const char *b = latin[cp - 0xC0];
			char tmp[4];
			size_t bl = strlen(b);
			memcpy(tmp, b, bl);
			if (flags & FOLD_CASE)
				for (size_t j = 0; j < bl; j++)
					if (tmp[j] >= 'A' && tmp[j] <= 'Z')
						tmp[j] = (char)(tmp[j] - 'A' + 'a');
			put(f, &cap, tmp, bl, i);
		} else if ((flags & FOLD_CASE) && cp >= 0xC0 && cp <= 0x17F) {
			char tmp[4];
			put(f, &cap, tmp, utf8_encode(lower_latin(cp), tmp), i);
		} else {
			put(f, &cap, s + i, k, i);
		}
		i += k;
	}
	f->s[f->len] = '\0';
	if (f->map)
		f->map[f->len] = n;
}

void fold_free(struct fold *f)
{
	free(f->s);
	free(f->map);
	f->s = NULL;
	f->map = NULL;
	f->len = 0;
}

char *fold_simple(const char *s)
{
	struct fold f;
	fold_text(&f, s, strlen(s), FOLD_CASE | FOLD_ACCENTS | FOLD_SPACES | FOLD_NO_MAP);
	return f.s;
}

int fold_has_upper(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if ((cp >= 'A' && cp <= 'Z') ||
		    (cp >= 0xC0 && cp <= 0x17F && lower_latin(cp) != cp))
			return 1;
		i += k;
	}
	return 0;
}

int fold_has_accent(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if ((cp >= 0xC0 && cp <= 0x17F && cp != 0xD7 && cp != 0xF7) ||
		    (cp >= 0x300 && cp <= 0x36F))
			return 1;
		i += k;
	}
	return 0;
}
