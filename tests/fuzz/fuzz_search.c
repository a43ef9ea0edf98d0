/* fuzz_search.c: libFuzzer target for the search: the first byte picks the
 * options, the bytes up to the first NUL are the pattern, the rest is the
 * text. Whatever the pattern, compiling and searching must end, within the
 * limits, without a crash, and every match must be a range of the text that
 * starts and ends on character boundaries. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "circ/search.h"
#include "circ/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int boundary(const char *t, size_t n, size_t i)
{
	return i == 0 || i == n || ((unsigned char)t[i] & 0xC0) != 0x80 || utf8_check(t, n) < n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	struct search_opts o = {(enum search_mode)(data[0] % 3),
	                        (enum search_mode)((data[0] / 3) % 3), (data[0] / 9) % 2};
	const char *rest = (const char *)data + 1;
	size_t n = size - 1;
	const char *nul = memchr(rest, '\0', n);
	size_t plen = nul ? (size_t)(nul - rest) : n;
	char *pattern = malloc(plen + 1);
	memcpy(pattern, rest, plen);
	pattern[plen] = '\0';
	const char *text = nul ? nul + 1 : "";
	size_t tlen = nul ? n - plen - 1 : 0;

	char *err = NULL;
	struct search *s = search_compile(pattern, &o, &err);
	if (s) {
		size_t *v = NULL, nv = 0;
		search_text(s, text, tlen, &v, &nv, &err);
		for (size_t i = 0; i + 1 < nv; i += 2)
			if (v[i] >= v[i + 1] || v[i + 1] > tlen || !boundary(text, tlen, v[i]) ||
			    !boundary(text, tlen, v[i + 1]))
				abort();
		free(v);
		search_free(s);
	}
	free(err);
	free(pattern);
	return 0;
}
