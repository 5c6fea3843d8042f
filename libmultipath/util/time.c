// SPDX-License-Identifier: GPL-2.0-or-later
#include "time.h"

enum { NSEC_PER_SEC = 1000000000L, NSEC_PER_MS = 1000000L };

struct timespec ts_now(void)
{
	struct timespec t;

	/* cannot fail for CLOCK_MONOTONIC with a valid pointer */
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t;
}

struct timespec ts_add_ms(struct timespec t, long long ms)
{
	t.tv_sec += (time_t)(ms / 1000);
	t.tv_nsec += (long)(ms % 1000) * NSEC_PER_MS;
	if (t.tv_nsec >= NSEC_PER_SEC) {
		t.tv_sec++;
		t.tv_nsec -= NSEC_PER_SEC;
	} else if (t.tv_nsec < 0) {
		t.tv_sec--;
		t.tv_nsec += NSEC_PER_SEC;
	}
	return t;
}

long long ts_diff_ms(const struct timespec *a, const struct timespec *b)
{
	long long sec = (long long)a->tv_sec - (long long)b->tv_sec;
	long nsec = a->tv_nsec - b->tv_nsec;

	if (nsec < 0) {
		sec--;
		nsec += NSEC_PER_SEC;
	}
	/* sec + nsec/1e9 with 0 <= nsec < 1e9: round the fraction toward zero */
	if (sec >= 0)
		return sec * 1000 + nsec / NSEC_PER_MS;
	return sec * 1000 + (nsec + NSEC_PER_MS - 1) / NSEC_PER_MS;
}

long long ts_since_ms(const struct timespec *t)
{
	struct timespec now = ts_now();

	return ts_diff_ms(&now, t);
}

int ts_cmp(const struct timespec *a, const struct timespec *b)
{
	if (a->tv_sec != b->tv_sec)
		return a->tv_sec < b->tv_sec ? -1 : 1;
	if (a->tv_nsec != b->tv_nsec)
		return a->tv_nsec < b->tv_nsec ? -1 : 1;
	return 0;
}

struct timespec ts_from_ms(long long ms)
{
	struct timespec zero = {0, 0};

	return ts_add_ms(zero, ms);
}

long long ts_to_ms(const struct timespec *t)
{
	struct timespec zero = {0, 0};

	return ts_diff_ms(t, &zero);
}

struct timespec ts_left(const struct timespec *deadline)
{
	struct timespec now = ts_now(), left = {0, 0};

	if (ts_cmp(&now, deadline) >= 0)
		return left;
	left.tv_sec = deadline->tv_sec - now.tv_sec;
	left.tv_nsec = deadline->tv_nsec - now.tv_nsec;
	if (left.tv_nsec < 0) {
		left.tv_sec--;
		left.tv_nsec += NSEC_PER_SEC;
	}
	return left;
}

bool ts_passed(const struct timespec *deadline)
{
	struct timespec now = ts_now();

	return ts_cmp(&now, deadline) >= 0;
}
