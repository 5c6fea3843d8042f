// SPDX-License-Identifier: GPL-2.0-or-later
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/vector.h"

static void test_empty(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	char *s;

	(void)state;
	assert_string_equal(strbuf_str(&sb), "");
	s = strbuf_detach(&sb);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
	strbuf_release(NULL);
}

static void test_add_and_grow(void **state)
{
	STRBUF_AUTO(sb);

	(void)state;
	assert_int_equal(strbuf_addstr(&sb, "abc"), 3);
	assert_int_equal(strbuf_addch(&sb, '-'), 1);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(strbuf_addf(&sb, "%03d", i % 1000), 3);
	assert_int_equal(sb.len, 4 + 3000);
	assert_memory_equal(sb.buf, "abc-000001", 10);
	assert_string_equal(sb.buf + sb.len - 3, "999");
	assert_int_equal(sb.buf[sb.len], '\0');
	assert_int_equal(strbuf_addchars(&sb, 'x', 5), 5);
	assert_string_equal(sb.buf + sb.len - 5, "xxxxx");
	strbuf_truncate(&sb, 3);
	assert_string_equal(strbuf_str(&sb), "abc");
	strbuf_truncate(&sb, 10); /* longer: ignored */
	assert_string_equal(strbuf_str(&sb), "abc");
	strbuf_reset(&sb);
	assert_string_equal(strbuf_str(&sb), "");
	assert_int_equal(sb.len, 0);
}

static void test_add_embedded_nul(void **state)
{
	STRBUF_AUTO(sb);

	(void)state;
	assert_int_equal(strbuf_add(&sb, "a\0b", 3), 3);
	assert_int_equal(sb.len, 3);
	assert_memory_equal(sb.buf, "a\0b", 4);
}

VECTOR_DEFINE(intvec, int)

static void test_vector(void **state)
{
	struct intvec v = {0};
	struct strvec sv = {0};

	(void)state;
	for (int i = 0; i < 100; i++)
		assert_int_equal(intvec_push(&v, i), 0);
	assert_int_equal(v.n, 100);
	intvec_remove(&v, 0);
	intvec_remove(&v, 50);
	intvec_remove(&v, 1000); /* out of range: ignored */
	assert_int_equal(v.n, 98);
	assert_int_equal(v.items[0], 1);
	assert_int_equal(v.items[50], 52);
	intvec_release(&v);
	assert_null(v.items);
	assert_int_equal(v.n, 0);

	assert_int_equal(strvec_push_dup(&sv, "one"), 0);
	assert_int_equal(strvec_push_dup(&sv, "two"), 0);
	assert_string_equal(sv.items[1], "two");
	strvec_free_all(&sv);
	strvec_free_all(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_add_and_grow),
		cmocka_unit_test(test_add_embedded_nul),
		cmocka_unit_test(test_vector),
	};

	return cmocka_run_group_tests_name("strbuf", tests, NULL, NULL);
}
