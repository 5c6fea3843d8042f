// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * util/parallel: every item exactly once whatever the number of threads; the
 * hooks on each thread parallel_run() starts, not on the calling thread;
 * items really run side by side (each of the first items waits for the
 * others to start); no thread at all for one worker or one item.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <time.h>

#include "util/parallel.h"

enum { N = 1000, MAX_THREADS = 8 };

static struct {
	atomic_int done[N];
	atomic_int begins, ends, on_caller, started;
	pthread_t caller;
	int rendezvous;	 /* items 0..rendezvous-1 wait until that many started */
	atomic_bool met; /* false: a hook or a rendezvous missed */
} st;

static __thread bool begun;

static void item(void *arg, size_t i)
{
	(void)arg;
	atomic_fetch_add(&st.done[i], 1);
	if (pthread_equal(pthread_self(), st.caller))
		atomic_fetch_add(&st.on_caller, 1);
	else if (!begun)
		atomic_store(&st.met, false); /* an item before its thread's begin hook */
	if ((int)i < st.rendezvous) {
		struct timespec pause = {0, 1000000};

		atomic_fetch_add(&st.started, 1);
		for (int k = 0; k < 5000 && atomic_load(&st.started) < st.rendezvous; k++)
			nanosleep(&pause, NULL);
		if (atomic_load(&st.started) < st.rendezvous)
			atomic_store(&st.met, false); /* the others never came */
	}
}

static void begin(void *arg)
{
	(void)arg;
	begun = true;
	atomic_fetch_add(&st.begins, 1);
}

static void end(void *arg)
{
	(void)arg;
	atomic_fetch_add(&st.ends, 1);
}

static void reset(void)
{
	for (int i = 0; i < N; i++)
		atomic_store(&st.done[i], 0);
	atomic_store(&st.begins, 0);
	atomic_store(&st.ends, 0);
	atomic_store(&st.on_caller, 0);
	atomic_store(&st.started, 0);
	atomic_store(&st.met, true);
	st.rendezvous = 0;
	st.caller = pthread_self();
}

static void run(size_t n, unsigned workers)
{
	struct parallel_job j = {.n = n, .item = item, .thread_begin = begin, .thread_end = end};

	parallel_run(&j, workers);
	for (size_t i = 0; i < N; i++)
		assert_int_equal(atomic_load(&st.done[i]), i < n ? 1 : 0);
	assert_true(atomic_load(&st.met));
	assert_int_equal(atomic_load(&st.begins), atomic_load(&st.ends));
}

static void test_each_once(void **state)
{
	static const unsigned workers[] = {0, 1, 2, 4, MAX_THREADS};

	(void)state;
	for (size_t w = 0; w < sizeof(workers) / sizeof(workers[0]); w++) {
		reset();
		run(N, workers[w]);
		/* threads started: one less than asked, the caller is one */
		assert_true(atomic_load(&st.begins) <= (int)(workers[w] ? workers[w] - 1 : 0));
	}
	/* nothing to do, one item: the calling thread alone */
	reset();
	run(0, 4);
	assert_int_equal(atomic_load(&st.begins), 0);
	reset();
	run(1, 4);
	assert_int_equal(atomic_load(&st.begins), 0);
	assert_int_equal(atomic_load(&st.on_caller), 1);
}

static void test_side_by_side(void **state)
{
	(void)state;
	reset();
	/* 4 items that each wait (up to 5 s) for the 4 to have started: met
	 * only when 4 threads, the caller included, take them at once */
	st.rendezvous = 4;
	run(4, 4);
	assert_int_equal(atomic_load(&st.started), 4);
	assert_int_equal(atomic_load(&st.begins), 3);
	assert_int_equal(atomic_load(&st.ends), 3);
	assert_int_equal(atomic_load(&st.on_caller), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_each_once),
	    cmocka_unit_test(test_side_by_side),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
