/* strbuf.h: a growable, always NUL-terminated byte string.
 * The buffer owns s; sb_steal() hands it to the caller. */
#ifndef CIRC_STRBUF_H
#define CIRC_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *s;
	size_t len;
	size_t cap;
};

#define STRBUF_INIT                                                                                \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

void sb_add(struct strbuf *sb, const char *p, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
/* Append n copies of c. */
void sb_addn(struct strbuf *sb, char c, size_t n);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The contents; "" for an empty buffer, never NULL. */
const char *sb_str(const struct strbuf *sb);
void sb_truncate(struct strbuf *sb, size_t len);
char *sb_steal(struct strbuf *sb);
void sb_free(struct strbuf *sb);

#endif
