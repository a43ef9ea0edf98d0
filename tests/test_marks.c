/* test_marks.c: the marks (m letter, ' letter) and their file: a mark set
 * is there again after a restart, each document keeps its own, a damaged
 * file loses only its damaged lines, the file goes where the XDG spec says
 * with private modes, and a file that cannot be written gives a message,
 * never a lost mark for the session. */
#define _XOPEN_SOURCE 700
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "circ/doc.h"
#include "circ/marks.h"
#include "circ/xalloc.h"

static char base[] = "/tmp/circ-test-marks.XXXXXX";

#define DOC1 "/akn/un/statement/bulletin/2010/ST-SGB-2010-2"
#define DOC2 "/tmp/some bulletin.xml"

/* The whole content of path (allocated), or NULL. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	char *buf = xmalloc(8192);
	size_t n = fread(buf, 1, 8191, f);
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

static int open_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)ftw;
	if (flag == FTW_D || flag == FTW_DNR)
		chmod(p, 0700);
	(void)st;
	return 0;
}

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(p);
}

/* A fresh state directory for one test, XDG_STATE_HOME naming it, HOME
 * another place (allocated). */
static char *fresh(const char *name)
{
	char *d = xasprintf("%s/%s", base, name);
	assert_int_equal(mkdir(d, 0755), 0);
	setenv("XDG_STATE_HOME", d, 1);
	char *home = xasprintf("%s/home-%s", base, name);
	setenv("HOME", home, 1);
	free(home);
	return d;
}

static int teardown(void **state)
{
	(void)state;
	/* every directory writable first, so that an unwritable one goes too */
	nftw(base, open_one, 16, FTW_PHYS);
	nftw(base, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	mkdir(base, 0700);
	return 0;
}

static void set_then_get(void **state)
{
	(void)state;
	char *d = fresh("setget");
	char *err = NULL;
	struct marks *m = marks_open(DOC1, &err);
	assert_non_null(m);
	assert_null(err);
	assert_null(marks_get(m, 'a'));
	assert_int_equal(marks_set(m, 'a', "sec_5__para_5-7", 3, &err), 0);
	assert_null(err);
	assert_int_equal(marks_set(m, 'A', NULL, 0, &err), 0);
	const struct mark *k = marks_get(m, 'a');
	assert_non_null(k);
	assert_int_equal(k->letter, 'a');
	assert_string_equal(k->eid, "sec_5__para_5-7");
	assert_int_equal(k->line, 3);
	/* upper and lower case are two marks; the title block has no eId */
	k = marks_get(m, 'A');
	assert_non_null(k);
	assert_null(k->eid);
	assert_int_equal(k->line, 0);
	assert_null(marks_get(m, 'b'));
	/* setting a mark again moves it */
	assert_int_equal(marks_set(m, 'a', "sec_1", 12, &err), 0);
	assert_string_equal(marks_get(m, 'a')->eid, "sec_1");
	assert_int_equal(marks_get(m, 'a')->line, 12);
	/* not a letter, or a place the file cannot hold: nothing set */
	assert_int_equal(marks_set(m, '1', "sec_1", 0, &err), -1);
	assert_non_null(err);
	assert_non_null(strstr(err, "a to z"));
	free(err);
	err = NULL;
	assert_null(marks_get(m, '1'));
	assert_null(marks_get(m, '\''));
	assert_int_equal(marks_set(m, 'c', "sec\t1", 0, &err), -1);
	assert_non_null(strstr(err, "tab"));
	free(err);
	err = NULL;
	assert_int_equal(marks_set(m, 'c', "", 0, &err), -1);
	free(err);
	assert_null(marks_get(m, 'c'));
	assert_true(marks_letter_ok('z') && marks_letter_ok('Z'));
	assert_false(marks_letter_ok('@') || marks_letter_ok('[') || marks_letter_ok(0xE9));
	marks_close(m);
	free(d);
}

static void marks_survive_a_restart(void **state)
{
	(void)state;
	char *d = fresh("restart");
	char *err = NULL;
	struct marks *m = marks_open(DOC1, &err);
	assert_int_equal(marks_set(m, 'q', "sec_3__para_3-1", 41, &err), 0);
	assert_int_equal(marks_set(m, 'T', NULL, 2, &err), 0);
	marks_close(m);
	char *path = xasprintf("%s/circ/marks", d);
	char *text = slurp(path);
	assert_non_null(text);
	assert_string_equal(text,
	                    MARKS_HEADER "\n" DOC1 "\tq\tsec_3__para_3-1\t41\n" DOC1 "\tT\t\t2\n");
	free(text);
	m = marks_open(DOC1, &err);
	assert_null(err);
	const struct mark *k = marks_get(m, 'q');
	assert_non_null(k);
	assert_string_equal(k->eid, "sec_3__para_3-1");
	assert_int_equal(k->line, 41);
	k = marks_get(m, 'T');
	assert_non_null(k);
	assert_null(k->eid);
	assert_int_equal(k->line, 2);
	marks_close(m);
	free(path);
	free(d);
}

static void each_document_keeps_its_marks(void **state)
{
	(void)state;
	char *d = fresh("twodocs");
	char *err = NULL;
	struct marks *one = marks_open(DOC1, &err), *two = marks_open(DOC2, &err);
	assert_int_equal(marks_set(one, 'a', "sec_1", 1, &err), 0);
	assert_int_equal(marks_set(two, 'a', "sec_2", 2, &err), 0);
	assert_int_equal(marks_set(two, 'b', "sec_9", 9, &err), 0);
	/* one was opened before two saved: its next save keeps two's marks */
	assert_int_equal(marks_set(one, 'c', "sec_4", 4, &err), 0);
	assert_null(err);
	marks_close(one);
	marks_close(two);
	one = marks_open(DOC1, &err);
	two = marks_open(DOC2, &err);
	assert_string_equal(marks_get(one, 'a')->eid, "sec_1");
	assert_string_equal(marks_get(one, 'c')->eid, "sec_4");
	assert_null(marks_get(one, 'b'));
	assert_string_equal(marks_get(two, 'a')->eid, "sec_2");
	assert_int_equal(marks_get(two, 'b')->line, 9);
	assert_null(marks_get(two, 'c'));
	/* a key the file cannot hold: marks for the session only */
	struct marks *odd = marks_open("/tmp/a\tb.xml", &err);
	assert_null(err);
	assert_int_equal(marks_set(odd, 'a', "sec_1", 1, &err), 1);
	assert_string_equal(err, "mark set but not saved: the document's name is empty or holds a "
	                         "tab or a line break");
	free(err);
	err = NULL;
	assert_int_equal(marks_get(odd, 'a')->line, 1);
	marks_close(odd);
	/* a key that only starts like another is another document */
	struct marks *three = marks_open(DOC1 "/x", &err);
	assert_null(marks_get(three, 'a'));
	marks_close(three);
	marks_close(one);
	marks_close(two);
	free(d);
}

static void damaged_lines_are_skipped(void **state)
{
	(void)state;
	char *d = fresh("damaged");
	char *dir = xasprintf("%s/circ", d), *path = xasprintf("%s/marks", dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	put(path,
	    MARKS_HEADER "\n"
	                 "garbage\n" DOC1 "\ta\tsec_1\t7\n" DOC1 "\tb\tsec_2\n" /* a field short */
	    DOC1 "\tcc\tsec_2\t1\n"                                             /* two letters */
	    DOC1 "\t1\tsec_2\t1\n"                                              /* not a letter */
	    DOC1 "\td\tsec_2\t-1\n"                                             /* negative */
	    DOC1 "\te\tsec_2\t99999999999999999999999999\n"                     /* too big */
	    DOC1 "\tf\tsec_2\t12x\n"                                            /* not a number */
	    DOC1 "\tg\tsec_2\t 3\n"                                             /* a space */
	    DOC1 "\th\tsec_2\t4\textra\n"                                       /* a field more */
	                 "\ti\tsec_2\t1\n"                                      /* no key */
	                 "\n" DOC2 "\tz\tsec_8\t8\n" DOC1 "\tj\tsec_3\t3");     /* no final \n */
	char *err = NULL;
	struct marks *m = marks_open(DOC1, &err);
	assert_null(err);
	assert_int_equal(marks_get(m, 'a')->line, 7);
	assert_string_equal(marks_get(m, 'j')->eid, "sec_3");
	for (const char *c = "bcdefghi"; *c; c++)
		assert_null(marks_get(m, *c));
	/* the next save drops the damaged lines and keeps the good ones */
	assert_int_equal(marks_set(m, 'k', "sec_4", 0, &err), 0);
	char *text = slurp(path);
	assert_string_equal(text,
	                    MARKS_HEADER "\n" DOC1 "\ta\tsec_1\t7\n" DOC2 "\tz\tsec_8\t8\n" DOC1
	                                 "\tj\tsec_3\t3\n" DOC1 "\tk\tsec_4\t0\n");
	free(text);
	marks_close(m);
	/* the words after the version are only for people */
	put(path, "# circ marks 1: other words\n" DOC1 "\ta\tsec_1\t7\n");
	m = marks_open(DOC1, &err);
	assert_null(err);
	assert_int_equal(marks_get(m, 'a')->line, 7);
	marks_close(m);
	/* a file of a later format is neither read nor replaced (1.1 is not 1) */
	const char *later = "# circ marks 1.1: something else\n" DOC1 "\ta\tsec_1\t7\n";
	put(path, later);
	m = marks_open(DOC1, &err);
	assert_non_null(err);
	assert_non_null(strstr(err, "later format"));
	free(err);
	err = NULL;
	assert_null(marks_get(m, 'a'));
	assert_int_equal(marks_set(m, 'a', "sec_9", 0, &err), 1);
	assert_non_null(strstr(err, "mark set but not saved: "));
	assert_non_null(strstr(err, "later format"));
	free(err);
	/* set for the session all the same */
	assert_string_equal(marks_get(m, 'a')->eid, "sec_9");
	text = slurp(path);
	assert_string_equal(text, later);
	free(text);
	marks_close(m);
	free(path);
	free(dir);
	free(d);
}

static void relative_state_home_is_ignored(void **state)
{
	(void)state;
	char *d = fresh("relative");
	char *home = xasprintf("%s/home", d);
	setenv("HOME", home, 1);
	char *cwd = getcwd(NULL, 0);
	assert_int_equal(chdir(d), 0);
	setenv("XDG_STATE_HOME", "rel/state", 1);
	char *want = xasprintf("%s/.local/state/circ/marks", home), *got = marks_file();
	assert_string_equal(got, want);
	free(got);
	char *err = NULL;
	struct marks *m = marks_open(DOC1, &err);
	assert_int_equal(marks_set(m, 'a', "sec_1", 0, &err), 0);
	marks_close(m);
	assert_int_equal(access(want, F_OK), 0);
	assert_int_not_equal(access("rel", F_OK), 0);
	/* an empty one is ignored too */
	setenv("XDG_STATE_HOME", "", 1);
	got = marks_file();
	assert_string_equal(got, want);
	free(got);
	/* without HOME either, no file: the marks last until circ ends */
	unsetenv("XDG_STATE_HOME");
	unsetenv("HOME");
	assert_null(marks_file());
	m = marks_open(DOC1, &err);
	assert_null(err);
	assert_null(marks_get(m, 'a'));
	assert_int_equal(marks_set(m, 'a', "sec_2", 5, &err), 1);
	assert_non_null(err);
	assert_string_equal(err, "mark set but not saved: HOME is not set");
	free(err);
	assert_int_equal(marks_get(m, 'a')->line, 5);
	marks_close(m);
	assert_int_equal(chdir(cwd), 0);
	free(cwd);
	free(want);
	free(home);
	free(d);
}

static void directories_are_made_private(void **state)
{
	(void)state;
	char *d = fresh("mkdir");
	char *top = xasprintf("%s/a/b", d);
	setenv("XDG_STATE_HOME", top, 1);
	mode_t old = umask(0);
	char *err = NULL;
	struct marks *m = marks_open(DOC1, &err);
	assert_null(err);
	assert_int_equal(marks_set(m, 'a', "sec_1", 0, &err), 0);
	umask(old);
	assert_null(err);
	struct stat st;
	const char *made[] = {"a", "a/b", "a/b/circ"};
	for (size_t i = 0; i < 3; i++) {
		char *p = xasprintf("%s/%s", d, made[i]);
		assert_int_equal(stat(p, &st), 0);
		assert_true(S_ISDIR(st.st_mode));
		assert_int_equal(st.st_mode & 07777, 0700);
		free(p);
	}
	char *path = xasprintf("%s/circ/marks", top);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	/* a file someone made readable to all is private again once saved,
	 * and no temporary file stays */
	assert_int_equal(chmod(path, 0644), 0);
	assert_int_equal(marks_set(m, 'b', "sec_2", 0, &err), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	char *dir = xasprintf("%s/circ", top);
	DIR *dh = opendir(dir);
	assert_non_null(dh);
	struct dirent *e;
	int n = 0;
	while ((e = readdir(dh)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
			assert_string_equal(e->d_name, "marks");
			n++;
		}
	closedir(dh);
	assert_int_equal(n, 1);
	/* an existing directory keeps its mode */
	assert_int_equal(chmod(dir, 0755), 0);
	assert_int_equal(marks_set(m, 'c', "sec_3", 0, &err), 0);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0755);
	marks_close(m);
	free(dir);
	free(path);
	free(top);
	free(d);
}

static void unwritable_place_gives_a_message(void **state)
{
	(void)state;
	char *d = fresh("unwritable");
	char *dir = xasprintf("%s/circ", d);
	/* a file where the directory should be (fails even for root) */
	put(dir, "not a directory\n");
	char *err = NULL;
	struct marks *m = marks_open(DOC1, &err);
	assert_non_null(err);
	assert_non_null(strstr(err, "cannot read"));
	free(err);
	err = NULL;
	assert_int_equal(marks_set(m, 'a', "sec_1", 4, &err), 1);
	assert_non_null(err);
	assert_non_null(strstr(err, "cannot"));
	assert_non_null(strstr(err, "Not a directory"));
	free(err);
	err = NULL;
	/* the mark is there for the session, and saved by the next save that
	 * can write */
	assert_int_equal(marks_get(m, 'a')->line, 4);
	assert_int_equal(unlink(dir), 0);
	assert_int_equal(marks_set(m, 'b', "sec_2", 0, &err), 0);
	assert_null(err);
	marks_close(m);
	m = marks_open(DOC1, &err);
	assert_int_equal(marks_get(m, 'a')->line, 4);
	assert_non_null(marks_get(m, 'b'));
	marks_close(m);

	/* the marks file is a directory: not readable, not replaced */
	char *path = xasprintf("%s/marks", dir);
	char *keep = xasprintf("%s/keep", path);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mkdir(path, 0700), 0);
	put(keep, "kept\n");
	m = marks_open(DOC1, &err);
	assert_non_null(err);
	assert_non_null(strstr(err, "cannot read"));
	free(err);
	err = NULL;
	assert_int_equal(marks_set(m, 'a', "sec_1", 0, &err), 1);
	assert_non_null(err);
	free(err);
	err = NULL;
	struct stat st;
	assert_int_equal(stat(keep, &st), 0);
	marks_close(m);

	/* a directory that cannot be made (not even by root) */
	if (access("/proc/self", F_OK) == 0) {
		setenv("XDG_STATE_HOME", "/proc/self/none/state", 1);
		m = marks_open(DOC1, &err);
		assert_null(err);
		assert_int_equal(marks_set(m, 'a', "sec_1", 0, &err), 1);
		assert_non_null(err);
		assert_string_equal(err, "mark set but not saved: cannot create the directory "
		                         "/proc/self/none: "
		                         "No such file or directory");
		free(err);
		err = NULL;
		marks_close(m);
	}

	/* a directory the user may not write to (root may write anywhere) */
	if (geteuid() != 0) {
		char *d2 = fresh("readonly");
		char *dir2 = xasprintf("%s/circ", d2);
		assert_int_equal(mkdir(dir2, 0500), 0);
		m = marks_open(DOC1, &err);
		assert_int_equal(marks_set(m, 'a', "sec_1", 0, &err), 1);
		assert_non_null(strstr(err, "cannot write"));
		assert_non_null(strstr(err, "Permission denied"));
		free(err);
		err = NULL;
		marks_close(m);
		/* nor make a directory in */
		char *sub = xasprintf("%s/sub", dir2), *top = xasprintf("%s/state", sub);
		setenv("XDG_STATE_HOME", top, 1);
		m = marks_open(DOC1, &err);
		assert_int_equal(marks_set(m, 'a', "sec_1", 0, &err), 1);
		char *want = xasprintf("mark set but not saved: cannot create the directory %s: "
		                       "Permission denied",
		                       sub);
		assert_string_equal(err, want);
		free(err);
		marks_close(m);
		free(want);
		free(top);
		free(sub);
		free(dir2);
		free(d2);
	}
	free(keep);
	free(path);
	free(dir);
	free(d);
}

static void document_key(void **state)
{
	(void)state;
	struct doc d;
	memset(&d, 0, sizeof d);
	d.meta.work_iri = DOC1;
	d.path = TEST_CONTENT "/../content/ST-SGB-2010-2.fr.xml";
	char *k = marks_doc_key(&d);
	assert_string_equal(k, DOC1);
	free(k);
	/* without a work IRI: the file's absolute path, without .. */
	char *real = realpath(TEST_CONTENT "/ST-SGB-2010-2.fr.xml", NULL);
	assert_non_null(real);
	assert_null(strstr(real, ".."));
	d.meta.work_iri = NULL;
	k = marks_doc_key(&d);
	assert_string_equal(k, real);
	free(k);
	d.meta.work_iri = "";
	k = marks_doc_key(&d);
	assert_string_equal(k, real);
	free(k);
	free(real);
	/* a file that is gone: the path as given */
	d.path = "gone.xml";
	k = marks_doc_key(&d);
	assert_string_equal(k, "gone.xml");
	free(k);
}

int main(void)
{
	if (mkdtemp(base) == NULL)
		return 1;
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_teardown(set_then_get, teardown),
	    cmocka_unit_test_teardown(marks_survive_a_restart, teardown),
	    cmocka_unit_test_teardown(each_document_keeps_its_marks, teardown),
	    cmocka_unit_test_teardown(damaged_lines_are_skipped, teardown),
	    cmocka_unit_test_teardown(relative_state_home_is_ignored, teardown),
	    cmocka_unit_test_teardown(directories_are_made_private, teardown),
	    cmocka_unit_test_teardown(unwritable_place_gives_a_message, teardown),
	    cmocka_unit_test(document_key),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);
	rmdir(base);
	return r;
}
