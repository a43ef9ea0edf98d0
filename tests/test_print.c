/* test_print.c: the core's file writer (print_to_file) on its own: an
 * existing file is never replaced without consent, and with it the file is
 * replaced whole, keeping its mode, through a symbolic link to its target;
 * the bytes for the terminal's printer end every line CR LF. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "circ/print.h"
#include "circ/xalloc.h"

static char dir[] = "/tmp/circ-test-print.XXXXXX";

/* The whole content of path (allocated), or NULL. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	char *buf = xmalloc(4096);
	size_t n = fread(buf, 1, 4095, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void existing_file_is_kept_without_force(void **state)
{
	(void)state;
	char *path = xasprintf("%s/kept.txt", dir);
	put(path, "old text\n");
	char *err = NULL;
	assert_int_equal(print_to_file("new\n", 4, path, 0, &err), PRINT_EXISTS);
	assert_non_null(err);
	assert_non_null(strstr(err, "exists"));
	free(err);
	char *now = slurp(path);
	assert_string_equal(now, "old text\n");
	free(now);
	/* a symbolic link, even to no file, counts as existing */
	char *link = xasprintf("%s/dangling", dir);
	assert_int_equal(symlink("nowhere", link), 0);
	err = NULL;
	assert_int_equal(print_to_file("new\n", 4, link, 0, &err), PRINT_EXISTS);
	free(err);
	char *gone = xasprintf("%s/nowhere", dir);
	assert_int_not_equal(access(gone, F_OK), 0);
	unlink(link);
	unlink(path);
	free(gone);
	free(link);
	free(path);
}

/* The core's own guard, whatever its front end checks first: an existing
 * regular file (binary, no final newline) without force is an error, and
 * stays the same file, byte for byte, with the same inode, size and mode. */
static void existing_file_unchanged_byte_for_byte(void **state)
{
	(void)state;
	char *path = xasprintf("%s/bytes.bin", dir);
	static const char old[] = "old\0bytes\r\n\xff no final newline";
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(old, 1, sizeof old - 1, f), sizeof old - 1);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(chmod(path, 0640), 0);
	struct stat before, after;
	assert_int_equal(stat(path, &before), 0);
	char *err = NULL;
	assert_int_equal(print_to_file("new text\n", 9, path, 0, &err), PRINT_EXISTS);
	assert_non_null(err);
	assert_non_null(strstr(err, path));
	free(err);
	assert_int_equal(stat(path, &after), 0);
	assert_int_equal(after.st_ino, before.st_ino);
	assert_int_equal(after.st_size, sizeof old - 1);
	assert_int_equal(after.st_mode, before.st_mode);
	char buf[64];
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fread(buf, 1, sizeof buf, f), sizeof old - 1);
	fclose(f);
	assert_memory_equal(buf, old, sizeof old - 1);
	/* no temporary file is left beside it */
	char *cmd = xasprintf("ls -a %s | grep -q 'bytes.bin.'", dir);
	assert_int_not_equal(system(cmd), 0);
	free(cmd);
	unlink(path);
	free(path);
}

static void force_keeps_mode_and_link(void **state)
{
	(void)state;
	char *path = xasprintf("%s/ro.txt", dir), *link = xasprintf("%s/ro.link", dir);
	put(path, "old\n");
	assert_int_equal(chmod(path, 0444), 0);
	assert_int_equal(symlink("ro.txt", link), 0);
	char *err = NULL;
	assert_int_equal(print_to_file("new text\n", 9, link, 1, &err), 0);
	assert_null(err);
	struct stat st;
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0444);
	char *now = slurp(path);
	assert_string_equal(now, "new text\n");
	free(now);
	unlink(link);
	unlink(path);
	free(link);
	free(path);
}

static void media_copy_ends_lines_crlf(void **state)
{
	(void)state;
	size_t len;
	char *b = print_media_copy("a\nb\r\n\nc", 7, "<", ">", &len);
	assert_int_equal(len, strlen("<a\r\nb\r\n\r\nc\f>"));
	assert_string_equal(b, "<a\r\nb\r\n\r\nc\f>");
	free(b);
	/* a text that ends with a form feed gets no second one */
	b = print_media_copy("x\n\f", 3, "", "", &len);
	assert_string_equal(b, "x\r\n\f");
	free(b);
}

/* Form feeds separate pages; a long page takes several. */
static void pages_are_counted(void **state)
{
	(void)state;
	assert_int_equal(print_pages("", 0, 66), 0);
	assert_int_equal(print_pages("a\n", 2, 66), 1);
	assert_int_equal(print_pages("a", 1, 66), 1);
	assert_int_equal(print_pages("a\n\fb\n", 5, 66), 2);
	/* a form feed at the end starts no page; two in a row feed a blank one */
	assert_int_equal(print_pages("a\n\f", 3, 66), 1);
	assert_int_equal(print_pages("a\n\f\fb\n", 6, 66), 3);
	/* 3 lines a page: 7 lines are 3 pages, 6 are 2 */
	const char *seven = "1\n2\n3\n4\n5\n6\n7\n";
	assert_int_equal(print_pages(seven, strlen(seven), 3), 3);
	assert_int_equal(print_pages(seven, 12, 3), 2);
	assert_int_equal(print_pages(seven, strlen(seven), 0), 1);
}

/* The header: symbol and title, what is printed with the page count of the
 * whole printout, a blank line. */
static void header_says_what_and_pages(void **state)
{
	(void)state;
	struct doc d = {0};
	struct doc_part root = {0};
	d.path = "x.xml";
	d.root = &root;
	d.meta.symbol = "ST/SGB/2010/2";
	d.meta.title = "Organisation du Département de l’appui aux missions";
	struct print_subject s = {PRINT_MATCHES, NULL, NULL, "appui", 2};
	struct strbuf sb = STRBUF_INIT;
	print_header(&sb, &d, &s, "preamble: x\n1.2: y\n", 80);
	assert_string_equal(sb_str(&sb),
	                    "ST/SGB/2010/2 — Organisation du Département de l’appui aux missions\n"
	                    "Search results: /appui, 2 matches (1 page)\n"
	                    "\n");
	/* 63 lines of body and 3 of header fill a page; one more, two */
	struct strbuf body = STRBUF_INIT;
	for (int i = 0; i < 63; i++)
		sb_adds(&body, "line\n");
	s = (struct print_subject){PRINT_TEXT, NULL, NULL, NULL, 0};
	sb_truncate(&sb, 0);
	print_header(&sb, &d, &s, sb_str(&body), 80);
	assert_non_null(strstr(sb_str(&sb), "\nThe whole text (1 page)\n\n"));
	sb_adds(&body, "line\n");
	sb_truncate(&sb, 0);
	print_header(&sb, &d, &s, sb_str(&body), 80);
	assert_non_null(strstr(sb_str(&sb), "\nThe whole text (2 pages)\n\n"));
	/* wrapped to the body's width; no symbol: the file */
	d.meta.symbol = NULL;
	root.kind = DOC_KIND_SECTION;
	root.num = "Section 5";
	s = (struct print_subject){PRINT_PART, &root, NULL, NULL, 0};
	sb_truncate(&sb, 0);
	print_header(&sb, &d, &s, "x\n", 40);
	assert_string_equal(sb_str(&sb), "x.xml — Organisation du Département de\n"
	                                 "l’appui aux missions\n"
	                                 "Part: Section 5 (1 page)\n"
	                                 "\n");
	sb_free(&sb);
	sb_free(&body);
}

int main(void)
{
	if (mkdtemp(dir) == NULL)
		return 1;
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(existing_file_is_kept_without_force),
	    cmocka_unit_test(existing_file_unchanged_byte_for_byte),
	    cmocka_unit_test(force_keeps_mode_and_link),
	    cmocka_unit_test(media_copy_ends_lines_crlf),
	    cmocka_unit_test(pages_are_counted),
	    cmocka_unit_test(header_says_what_and_pages),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);
	rmdir(dir);
	return r;
}
