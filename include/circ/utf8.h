/* utf8.h: UTF-8 decoding, validation and display width, independent of the
 * locale (the documents are UTF-8 whatever the user's locale says, and output
 * must be the same in every locale). */
#ifndef CIRC_UTF8_H
#define CIRC_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decode one code point from s (n > 0 bytes available). Returns the number of
 * bytes used (1..4); an invalid sequence gives UTF8_REPLACEMENT and 1. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Write cp as UTF-8 into buf (4 bytes of room); returns the length. */
size_t utf8_encode(uint32_t cp, char *buf);
/* The start of the character before byte i of s (0 at the start). */
size_t utf8_prev(const char *s, size_t i);
/* Offset of the first byte that is not valid UTF-8, or n when all is valid. */
size_t utf8_check(const char *s, size_t n);
/* Columns a code point takes on a terminal: 0 (combining, control), 1 or 2. */
int utf8_cpwidth(uint32_t cp);
/* Columns n bytes of UTF-8 take. */
size_t utf8_width(const char *s, size_t n);
/* Any Unicode space character (ASCII blanks, U+00A0, U+2000..U+200A, U+202F...). */
bool utf8_is_space(uint32_t cp);

/* ASCII classes, whatever the locale: the C library's isalpha() and
 * tolower() take bytes above 127 for letters in a Latin-1 locale, which
 * would cut UTF-8 sequences apart. */
static inline int utf8_is_ascii_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static inline int utf8_is_ascii_alnum(unsigned char c)
{
	return utf8_is_ascii_alpha(c) || (c >= '0' && c <= '9');
}
static inline char utf8_ascii_lower(unsigned char c)
{
	return (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

#endif
