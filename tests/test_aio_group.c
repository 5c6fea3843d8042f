// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * aio_group and the directio checker against the real kernel AIO, reading
 * a temporary file (no wraps). The fault cases (timeouts, orphans,
 * io_setup failures, thousands of checkers) run against a fake kernel in
 * test_directio.c. Tests skip when the kernel refuses AIO (or O_DIRECT on
 * the temporary directory).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <libaio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "aio_group.h"
#include "checkers/checkers.h"
#include "util/time.h"

enum { FILE_SIZE = 3 * 4096 + 100 };

static char path[] = "/var/tmp/test_aio_group.XXXXXX";
static char empty[] = "/var/tmp/test_aio_group_empty.XXXXXX";
static bool have_aio, have_direct;

static unsigned char pattern(size_t off)
{
	return (unsigned char)(off * 7 + off / 4096);
}

static bool probe_direct(void)
{
	int fd = open(path, O_RDONLY | O_DIRECT);
	void *buf = NULL;
	bool ok;

	if (fd < 0)
		return false;
	ok = !posix_memalign(&buf, 4096, 4096) && pread(fd, buf, 512, 0) == 512;
	free(buf);
	close(fd);
	return ok;
}

static int group_setup(void **state)
{
	unsigned char data[FILE_SIZE];
	io_context_t ctx = 0;
	int fd;

	(void)state;
	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = pattern(i);
	fd = mkstemp(path);
	if (fd < 0 || write(fd, data, sizeof(data)) != (ssize_t)sizeof(data))
		return -1;
	fsync(fd);
	close(fd);
	fd = mkstemp(empty);
	if (fd < 0)
		return -1;
	close(fd);
	have_aio = io_setup(1, &ctx) == 0;
	if (have_aio)
		io_destroy(ctx);
	have_direct = probe_direct();
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	unlink(path);
	unlink(empty);
	return 0;
}

static void need_aio(void)
{
	if (!have_aio)
		skip();
}

/* Submit, poll until done (5 s at most), return the poll result. */
static long read_at(struct aio_slot *s, int fd, size_t len, off_t off)
{
	struct timespec deadline = ts_add_ms(ts_now(), 5000);
	long res = 0;

	assert_int_equal(aio_group_submit(s, fd, len, off), 0);
	assert_int_equal(aio_group_poll(s, &deadline, &res), 1);
	return res;
}

static void test_read(void **state)
{
	struct aio_group_set *set;
	struct aio_slot *s;
	const unsigned char *buf;
	int fd;

	(void)state;
	need_aio();
	fd = open(path, O_RDONLY | (have_direct ? O_DIRECT : 0));
	assert_true(fd >= 0);
	assert_int_equal(aio_group_set_new(&set), 0);
	assert_int_equal(aio_group_slot_get(set, 4096, &s), 0);
	buf = aio_group_slot_buf(s);
	assert_int_equal((uintptr_t)buf % AIO_GROUP_ALIGN, 0);
	assert_int_equal(read_at(s, fd, 4096, 4096), 4096);
	for (size_t i = 0; i < 4096; i++)
		if (buf[i] != pattern(4096 + i))
			fail_msg("byte %zu differs", i);
	/* the slot is reused for the next read */
	assert_int_equal(read_at(s, fd, 4096, 0), 4096);
	assert_int_equal(buf[1], pattern(1));
	/* past the end of the file: a short read */
	assert_int_equal(read_at(s, fd, 4096, 3 * 4096), 100);
	assert_int_equal(aio_group_poll(s, NULL, &(long){0}), -ENODATA);
	assert_int_equal(aio_group_cancel(s), -ENODATA);
	aio_group_slot_put(s);
	aio_group_set_free(set);
	close(fd);
}

static void test_submit_error(void **state)
{
	struct aio_group_set *set;
	struct aio_slot *s;
	int fd;

	(void)state;
	need_aio();
	fd = open(path, O_WRONLY);
	assert_true(fd >= 0);
	assert_int_equal(aio_group_set_new(&set), 0);
	assert_int_equal(aio_group_slot_get(set, 512, &s), 0);
	assert_int_equal(aio_group_submit(s, fd, 512, 0), -EBADF);
	assert_int_equal(aio_group_poll(s, NULL, &(long){0}), -ENODATA);
	aio_group_slot_put(s);
	aio_group_set_free(set);
	close(fd);
}

/* Many reads in flight: wait for any, collect each slot without waiting. */
static void test_wait_many(void **state)
{
	enum { N = 8 };
	struct aio_group_set *set;
	struct aio_slot *s[N];
	struct aio_group_stats st;
	struct timespec deadline = ts_add_ms(ts_now(), 5000);
	bool got[N] = {false};
	int fd, done = 0;
	long res;

	(void)state;
	need_aio();
	fd = open(path, O_RDONLY | (have_direct ? O_DIRECT : 0));
	assert_true(fd >= 0);
	assert_int_equal(aio_group_set_new(&set), 0);
	for (int i = 0; i < N; i++) {
		assert_int_equal(aio_group_slot_get(set, 4096, &s[i]), 0);
		assert_int_equal(aio_group_submit(s[i], fd, 4096, (off_t)(i % 3) * 4096), 0);
	}
	while (done < N) {
		/* completions may already have been reaped by a previous call */
		assert_true(aio_group_wait(set, &deadline) >= 0);
		for (int i = 0; i < N; i++) {
			if (got[i] || aio_group_poll(s[i], NULL, &res) != 1)
				continue;
			assert_int_equal(res, 4096);
			assert_int_equal(((unsigned char *)aio_group_slot_buf(s[i]))[5],
					 pattern((size_t)(i % 3) * 4096 + 5));
			got[i] = true;
			done++;
		}
		if (done < N && ts_passed(&deadline))
			fail_msg("only %d of %d reads completed", done, N);
	}
	assert_int_equal(aio_group_stats(set, &st), 0);
	assert_int_equal(st.groups, 1);
	assert_int_equal(st.held, N);
	assert_int_equal(st.inflight, 0);
	for (int i = 0; i < N; i++)
		aio_group_slot_put(s[i]);
	assert_int_equal(aio_group_reset(set), 1);
	assert_int_equal(aio_group_stats(set, &st), 0);
	assert_int_equal(st.groups, 0);
	aio_group_set_free(set);
	close(fd);
}

static void test_default_set(void **state)
{
	struct aio_group_set *a = NULL, *b = NULL;
	struct aio_group_stats st;
	struct aio_slot *s;

	(void)state;
	need_aio();
	assert_int_equal(aio_group_default(&a), 0);
	assert_int_equal(aio_group_default(&b), 0);
	assert_ptr_equal(a, b);
	assert_int_equal(aio_group_slot_get(a, 512, &s), 0);
	aio_group_slot_put(s);
	/* an empty group stays until reset */
	assert_int_equal(aio_group_stats(a, &st), 0);
	assert_int_equal(st.groups, 1);
	assert_int_equal(st.held, 0);
	assert_int_equal(aio_group_reset(a), 1);
	assert_int_equal(aio_group_stats(a, &st), 0);
	assert_int_equal(st.groups, 0);
	aio_group_slot_put(NULL);
	aio_group_set_free(NULL);
}

static void test_directio_checker(void **state)
{
	struct aio_group_set *set;
	struct checker *c;

	(void)state;
	need_aio();
	if (!have_direct)
		skip();
	assert_int_equal(checker_new("directio", path, 5, &c), 0);
	assert_int_equal(checker_check(c), PATH_UP);
	assert_int_equal(checker_check(c), PATH_UP);
	checker_free(c);
	/* an empty file: nothing to read, a short read */
	assert_int_equal(checker_new("directio", empty, 5, &c), 0);
	assert_int_equal(checker_check(c), PATH_DOWN);
	assert_non_null(strstr(checker_msg(c), "short read, 0 of 512"));
	checker_free(c);
	assert_int_equal(aio_group_default(&set), 0);
	assert_int_equal(aio_group_reset(set), 1);
}

static void test_errmsg(void **state)
{
	(void)state;
	assert_non_null(strstr(aio_group_errmsg(-EAGAIN), "fs.aio-max-nr exhausted"));
	assert_string_equal(aio_group_errmsg(-EIO), "Input/output error");
	assert_string_equal(aio_group_errmsg(-100000), "unknown error");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_read),
	    cmocka_unit_test(test_submit_error),
	    cmocka_unit_test(test_wait_many),
	    cmocka_unit_test(test_default_set),
	    cmocka_unit_test(test_directio_checker),
	    cmocka_unit_test(test_errmsg),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
