/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * struct timespec helpers on CLOCK_MONOTONIC: the one place that does the
 * second/nanosecond carry, so deadlines and elapsed times are computed the
 * same way everywhere.
 *
 * Every timespec returned here is normalised: 0 <= tv_nsec < 1000000000
 * (a negative time has a negative tv_sec: -1.5 s is {-2, 500000000}).
 * Inputs must be normalised too. Conversions to milliseconds truncate
 * toward zero, so ts_diff_ms(a, b) == -ts_diff_ms(b, a). Pure functions
 * apart from ts_now() and ts_left(); no locks, any thread.
 */
#ifndef MP_TIME_H
#define MP_TIME_H

#include <stdbool.h>
#include <time.h>

/* CLOCK_MONOTONIC now. */
struct timespec ts_now(void);
/* t + ms (ms may be negative). */
struct timespec ts_add_ms(struct timespec t, long long ms);
/* a - b in milliseconds, truncated toward zero. */
long long ts_diff_ms(const struct timespec *a, const struct timespec *b);
/* Milliseconds elapsed since t (ts_diff_ms(now, t)). */
long long ts_since_ms(const struct timespec *t);
/* <0, 0, >0 as a is before, equal to, after b. */
int ts_cmp(const struct timespec *a, const struct timespec *b);
/* ms as a timespec / t in milliseconds (truncated toward zero). */
struct timespec ts_from_ms(long long ms);
long long ts_to_ms(const struct timespec *t);
/* Time from now until deadline, {0, 0} when it has passed (a relative
 * timeout for ppoll() and io_getevents()). */
struct timespec ts_left(const struct timespec *deadline);
/* Has the deadline passed (now >= deadline)? */
bool ts_passed(const struct timespec *deadline);

#endif
