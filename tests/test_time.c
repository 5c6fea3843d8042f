// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * util/time: the carry between seconds and nanoseconds in both directions,
 * negative differences truncated toward zero, comparisons, and the clock.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "util/time.h"

static struct timespec ts(time_t sec, long nsec)
{
	struct timespec t = {.tv_sec = sec, .tv_nsec = nsec};

	return t;
}

static void assert_ts(struct timespec t, time_t sec, long nsec)
{
	assert_int_equal(t.tv_sec, sec);
	assert_int_equal(t.tv_nsec, nsec);
}

static void test_add_ms(void **state)
{
	(void)state;
	assert_ts(ts_add_ms(ts(10, 0), 0), 10, 0);
	assert_ts(ts_add_ms(ts(10, 0), 1), 10, 1000000);
	assert_ts(ts_add_ms(ts(10, 0), 1500), 11, 500000000);
	/* carry into the seconds */
	assert_ts(ts_add_ms(ts(10, 999999999), 1), 11, 999999);
	assert_ts(ts_add_ms(ts(10, 999000000), 1), 11, 0);
	assert_ts(ts_add_ms(ts(10, 500000000), 2500), 13, 0);
	/* negative: borrow from the seconds */
	assert_ts(ts_add_ms(ts(10, 0), -1), 9, 999000000);
	assert_ts(ts_add_ms(ts(10, 1000000), -1), 10, 0);
	assert_ts(ts_add_ms(ts(10, 500000), -1), 9, 999500000);
	assert_ts(ts_add_ms(ts(10, 0), -10500), -1, 500000000);
	/* large values */
	assert_ts(ts_add_ms(ts(0, 0), 86400000LL * 365), 86400 * 365, 0);
}

static void test_diff_ms(void **state)
{
	(void)state;
	assert_int_equal(ts_diff_ms(&(struct timespec){5, 0}, &(struct timespec){5, 0}), 0);
	assert_int_equal(ts_diff_ms(&(struct timespec){6, 0}, &(struct timespec){5, 0}), 1000);
	assert_int_equal(ts_diff_ms(&(struct timespec){5, 0}, &(struct timespec){6, 0}), -1000);
	/* nanoseconds of a and b on either side of a second boundary */
	assert_int_equal(
	    ts_diff_ms(&(struct timespec){6, 1000000}, &(struct timespec){5, 999000000}), 2);
	assert_int_equal(
	    ts_diff_ms(&(struct timespec){5, 999000000}, &(struct timespec){6, 1000000}), -2);
	/* less than a millisecond, either sign: 0 (truncated toward zero) */
	assert_int_equal(ts_diff_ms(&(struct timespec){1, 0}, &(struct timespec){0, 999999999}), 0);
	assert_int_equal(ts_diff_ms(&(struct timespec){0, 999999999}, &(struct timespec){1, 0}), 0);
	/* 1.5 s minus a nanosecond, both ways: 1499 and -1499 */
	assert_int_equal(ts_diff_ms(&(struct timespec){2, 499999999}, &(struct timespec){1, 0}),
			 1499);
	assert_int_equal(ts_diff_ms(&(struct timespec){1, 0}, &(struct timespec){2, 499999999}),
			 -1499);
	assert_int_equal(ts_diff_ms(&(struct timespec){0, 0}, &(struct timespec){1, 500000000}),
			 -1500);
	/* symmetric over a grid of values */
	for (long a = 0; a < 1000000000L; a += 333333333L)
		for (long b = 0; b < 1000000000L; b += 250000001L) {
			struct timespec x = {3, a}, y = {1, b};

			assert_int_equal(ts_diff_ms(&x, &y), -ts_diff_ms(&y, &x));
		}
}

static void test_cmp(void **state)
{
	(void)state;
	assert_int_equal(ts_cmp(&(struct timespec){1, 5}, &(struct timespec){1, 5}), 0);
	assert_true(ts_cmp(&(struct timespec){1, 5}, &(struct timespec){1, 6}) < 0);
	assert_true(ts_cmp(&(struct timespec){1, 6}, &(struct timespec){1, 5}) > 0);
	assert_true(ts_cmp(&(struct timespec){1, 999999999}, &(struct timespec){2, 0}) < 0);
	assert_true(ts_cmp(&(struct timespec){2, 0}, &(struct timespec){1, 999999999}) > 0);
	assert_true(ts_cmp(&(struct timespec){-1, 500000000}, &(struct timespec){0, 0}) < 0);
}

static void test_ms_conversions(void **state)
{
	(void)state;
	assert_ts(ts_from_ms(0), 0, 0);
	assert_ts(ts_from_ms(999), 0, 999000000);
	assert_ts(ts_from_ms(1001), 1, 1000000);
	assert_ts(ts_from_ms(-1), -1, 999000000);
	assert_ts(ts_from_ms(-1500), -2, 500000000);
	for (long long ms = -3001; ms <= 3001; ms += 7) {
		struct timespec t = ts_from_ms(ms);

		assert_true(t.tv_nsec >= 0 && t.tv_nsec < 1000000000L);
		assert_int_equal(ts_to_ms(&t), ms);
	}
	assert_int_equal(ts_to_ms(&(struct timespec){1, 999999}), 1000);
	assert_int_equal(ts_to_ms(&(struct timespec){-1, 999999}), -999);
}

static void test_clock(void **state)
{
	struct timespec t0 = ts_now(), past = ts_add_ms(t0, -1), future = ts_add_ms(t0, 60000);
	struct timespec left, nap = ts_from_ms(20);

	(void)state;
	assert_true(ts_passed(&past));
	assert_true(ts_passed(&t0));
	assert_false(ts_passed(&future));
	left = ts_left(&past);
	assert_ts(left, 0, 0);
	left = ts_left(&future);
	assert_true(left.tv_sec >= 59 && left.tv_sec <= 60);
	assert_true(left.tv_nsec >= 0 && left.tv_nsec < 1000000000L);
	nanosleep(&nap, NULL);
	assert_true(ts_since_ms(&t0) >= 20);
	assert_true(ts_since_ms(&future) < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_add_ms), cmocka_unit_test(test_diff_ms),
	    cmocka_unit_test(test_cmp),	   cmocka_unit_test(test_ms_conversions),
	    cmocka_unit_test(test_clock),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
