/* replay.c: runs a fuzz target's LLVMFuzzerTestOneInput on files, without
 * libFuzzer, so that make check replays every seed and every input that
 * once crashed a target (tests/fuzz/corpus/TARGET, tests/fuzz/regress/TARGET)
 * with the ordinary compiler, and under the sanitizers in the sanitizer
 * build. A target that finds a broken invariant aborts: the check fails.
 *   replay_TARGET FILE...    prints "replayed N inputs" */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

int main(int argc, char **argv)
{
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	int n = 0;
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (f == NULL) {
			perror(argv[i]);
			return 2;
		}
		size_t cap = 4096, len = 0, r;
		uint8_t *buf = malloc(cap);
		while (buf && (r = fread(buf + len, 1, cap - len, f)) > 0) {
			len += r;
			if (len == cap)
				buf = realloc(buf, cap *= 2);
		}
		fclose(f);
		if (buf == NULL)
			return 2;
		LLVMFuzzerTestOneInput(buf, len);
		free(buf);
		n++;
	}
	printf("replayed %d inputs\n", n);
	return 0;
}
