// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * multipathd's blocking-work pool (multipathd/workq.c) with a work function
 * that can be held inside, as a prioritizer's SG_IO is held by a hung
 * transport: merging of waiting items, one worker per key, the others going
 * on while one hangs, and a stop that does not wait for a hung worker.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../multipathd/workq.h"

enum { MAX_CALLS = 16, WAIT_MS = 5000 };

/* What the work function saw. Keys starting with 'h' are held in fn
 * until release() (a hung device). */
struct fake {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	struct {
		char key[WORKQ_KEY_SIZE];
		bool flag;
	} calls[MAX_CALLS];
	int ncalls, inside, done;
	bool released;
};

static void fake_fn(void *ctx, const char *key, bool flag)
{
	struct fake *f = ctx;

	pthread_mutex_lock(&f->lock);
	if (f->ncalls < MAX_CALLS) {
		snprintf(f->calls[f->ncalls].key, WORKQ_KEY_SIZE, "%s", key);
		f->calls[f->ncalls].flag = flag;
	}
	f->ncalls++;
	f->inside++;
	pthread_cond_broadcast(&f->cond);
	while (key[0] == 'h' && !f->released)
		pthread_cond_wait(&f->cond, &f->lock);
	f->inside--;
	f->done++;
	pthread_cond_broadcast(&f->cond);
	pthread_mutex_unlock(&f->lock);
}

static struct timespec in_ms(long ms)
{
	struct timespec t;

	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_sec += ms / 1000;
	t.tv_nsec += (ms % 1000) * 1000000L;
	if (t.tv_nsec >= 1000000000L) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000L;
	}
	return t;
}

/* Wait until f->done reaches n (false after WAIT_MS). */
static bool wait_done(struct fake *f, int n)
{
	struct timespec until = in_ms(WAIT_MS);
	int rc = 0;

	pthread_mutex_lock(&f->lock);
	while (f->done < n && rc == 0)
		rc = pthread_cond_timedwait(&f->cond, &f->lock, &until);
	rc = f->done >= n;
	pthread_mutex_unlock(&f->lock);
	return rc;
}

/* Wait until n calls are inside fn. */
static bool wait_inside(struct fake *f, int n)
{
	struct timespec until = in_ms(WAIT_MS);
	int rc = 0;

	pthread_mutex_lock(&f->lock);
	while (f->inside < n && rc == 0)
		rc = pthread_cond_timedwait(&f->cond, &f->lock, &until);
	rc = f->inside >= n;
	pthread_mutex_unlock(&f->lock);
	return rc;
}

static void release(struct fake *f)
{
	pthread_mutex_lock(&f->lock);
	f->released = true;
	pthread_cond_broadcast(&f->cond);
	pthread_mutex_unlock(&f->lock);
}

static int setup(void **state)
{
	static struct fake f;

	memset(&f, 0, sizeof(f));
	pthread_mutex_init(&f.lock, NULL);
	pthread_cond_init(&f.cond, NULL);
	*state = &f;
	return 0;
}

/* One worker held: posts wait in order; a second post of a waiting key
 * merges into it, its flag ORed in. */
static void test_merge_in_order(void **state)
{
	struct fake *f = *state;
	struct workq *q;
	struct timespec end;

	assert_int_equal(workq_new("test", fake_fn, f, 1, &q), 0);
	assert_int_equal(workq_post(q, "h1", false), 0);
	assert_true(wait_inside(f, 1));
	assert_int_equal(workq_post(q, "b", false), 0);
	assert_int_equal(workq_post(q, "c", false), 0);
	assert_int_equal(workq_post(q, "b", true), 0);
	assert_int_equal(workq_waiting(q), 2);
	release(f);
	assert_true(wait_done(f, 3));
	assert_int_equal(f->ncalls, 3);
	assert_string_equal(f->calls[0].key, "h1");
	assert_string_equal(f->calls[1].key, "b");
	assert_true(f->calls[1].flag);
	assert_string_equal(f->calls[2].key, "c");
	assert_false(f->calls[2].flag);
	end = in_ms(WAIT_MS);
	assert_true(workq_stop(q, &end));
}

/* A hung key holds one worker: its next post waits behind it instead of
 * taking the second worker, which serves the other keys meanwhile. */
static void test_hung_key_holds_one_worker(void **state)
{
	struct fake *f = *state;
	struct workq *q;
	struct timespec end;

	assert_int_equal(workq_new("test", fake_fn, f, 2, &q), 0);
	assert_int_equal(workq_post(q, "h", false), 0);
	assert_true(wait_inside(f, 1));
	assert_int_equal(workq_post(q, "h", true), 0);
	assert_int_equal(workq_post(q, "x", false), 0);
	assert_int_equal(workq_post(q, "y", false), 0);
	assert_true(wait_done(f, 2)); /* x and y, while h hangs */
	pthread_mutex_lock(&f->lock);
	assert_int_equal(f->ncalls, 3);
	assert_int_equal(f->inside, 1);
	assert_string_equal(f->calls[0].key, "h");
	assert_string_equal(f->calls[1].key, "x");
	assert_string_equal(f->calls[2].key, "y");
	pthread_mutex_unlock(&f->lock);
	assert_int_equal(workq_waiting(q), 1); /* the second h */
	release(f);
	assert_true(wait_done(f, 4));
	assert_string_equal(f->calls[3].key, "h");
	assert_true(f->calls[3].flag);
	end = in_ms(WAIT_MS);
	assert_true(workq_stop(q, &end));
}

/* Stop does not wait past its deadline for a hung worker, drops what
 * waits, refuses new posts, and a later stop joins and frees. */
static void test_stop_with_hung_worker(void **state)
{
	struct fake *f = *state;
	struct workq *q;
	struct timespec end;

	assert_int_equal(workq_new("test", fake_fn, f, 1, &q), 0);
	assert_int_equal(workq_post(q, "h", false), 0);
	assert_true(wait_inside(f, 1));
	assert_int_equal(workq_post(q, "z", false), 0);
	end = in_ms(100);
	assert_false(workq_stop(q, &end));
	assert_int_equal(workq_post(q, "w", false), -ESHUTDOWN);
	assert_int_equal(workq_waiting(q), 0);
	release(f);
	end = in_ms(WAIT_MS);
	assert_true(workq_stop(q, &end));
	assert_int_equal(f->ncalls, 1); /* z and w never ran */
	assert_int_equal(f->done, 1);
}

/* No worker starts before the first post; stop of an unused queue. */
static void test_unused(void **state)
{
	struct fake *f = *state;
	struct workq *q;
	struct timespec end = in_ms(0);

	assert_int_equal(workq_new("test", fake_fn, f, 4, &q), 0);
	assert_true(workq_stop(q, &end));
	assert_true(workq_stop(NULL, &end));
	assert_int_equal(f->ncalls, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_merge_in_order, setup),
		cmocka_unit_test_setup(test_hung_key_holds_one_worker, setup),
		cmocka_unit_test_setup(test_stop_with_hung_worker, setup),
		cmocka_unit_test_setup(test_unused, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
