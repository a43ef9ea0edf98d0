/* test_utf8.c: UTF-8 decoding, validation and display widths. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "circ/utf8.h"

static void decodes_french(void **state)
{
	(void)state;
	uint32_t cp;
	assert_int_equal(utf8_decode("é", 2, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(utf8_decode("œ", 2, &cp), 2);
	assert_int_equal(cp, 0x153);
	assert_int_equal(utf8_decode("’", 3, &cp), 3);
	assert_int_equal(cp, 0x2019);
	assert_int_equal(utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
}

static void rejects_bad_sequences(void **state)
{
	(void)state;
	uint32_t cp;
	/* Latin-1 é, overlong '/', surrogate, truncated sequence */
	assert_int_equal(utf8_decode("\xE9t", 2, &cp), 1);
	assert_int_equal(cp, UTF8_REPLACEMENT);
	assert_int_equal(utf8_decode("\xC0\xAF", 2, &cp), 1);
	assert_int_equal(cp, UTF8_REPLACEMENT);
	assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), 1);
	assert_int_equal(cp, UTF8_REPLACEMENT);
	assert_int_equal(utf8_decode("\xE2\x80", 2, &cp), 1);
	assert_int_equal(utf8_check("abc\xE9"
	                            "def",
	                            7),
	                 3);
	assert_int_equal(utf8_check("Département", strlen("Département")), strlen("Département"));
	/* an encoded U+FFFD is valid */
	assert_int_equal(utf8_check("\xEF\xBF\xBD", 3), 3);
}

static void widths(void **state)
{
	(void)state;
	assert_int_equal(utf8_width("Département", strlen("Département")), 11);
	/* e + combining acute accent takes one column */
	assert_int_equal(utf8_width("e\xCC\x81", 3), 1);
	assert_int_equal(utf8_width("日本", strlen("日本")), 4);
	assert_int_equal(utf8_width("«\xC2\xA0x\xC2\xA0»", strlen("«\xC2\xA0x\xC2\xA0»")), 5);
}

static void spaces(void **state)
{
	(void)state;
	assert_true(utf8_is_space(' '));
	assert_true(utf8_is_space(0xA0));
	assert_true(utf8_is_space(0x202F));
	assert_true(utf8_is_space(0x2009));
	assert_false(utf8_is_space('a'));
	assert_false(utf8_is_space(0x2019));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(decodes_french),
	    cmocka_unit_test(rejects_bad_sequences),
	    cmocka_unit_test(widths),
	    cmocka_unit_test(spaces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
