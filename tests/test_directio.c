// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The directio checker and aio_group against a fake kernel: io_setup,
 * io_submit, io_getevents, io_cancel and io_destroy are wrapped
 * (tests/wraps/test_directio.mk) and count their calls; reads complete
 * only when a test says so (fk_complete: the "kernel" writes into the
 * buffer, queues the event and signals the iocb's eventfd, in that order).
 * open/close/ioctl are wrapped for device nodes under /fake/ and free()
 * to see when a read buffer is released.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <libaio.h>
#include <linux/fs.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "aio_group.h"
#include "checkers/checkers.h"
#include "util/time.h"

enum { FAKE_FD_BASE = 1 << 20, FK_MAX = 8192 };

struct fk_event {
	uintptr_t ctx;
	struct io_event ev;
};

static struct {
	pthread_mutex_t lock;
	int setup_calls, destroy_calls, submit_calls, cancel_calls, getevents_calls;
	int setup_rc, submit_rc, cancel_rc; /* injected results, 0: normal */
	uintptr_t next_ctx;
	int contexts; /* alive */
	struct iocb *pending[FK_MAX];
	uintptr_t pending_ctx[FK_MAX];
	int npending;
	struct fk_event ring[FK_MAX];
	int nring;
	int opens, closes, last_open_flags, blksz;
	void *watch; /* a buffer whose free() we watch */
	bool watch_freed;
} fk = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* ---- the fake kernel ---- */

int __wrap_io_setup(int maxevents, io_context_t *ctxp);
int __wrap_io_destroy(io_context_t ctx);
int __wrap_io_submit(io_context_t ctx, long nr, struct iocb *ios[]);
int __wrap_io_getevents(io_context_t ctx, long min_nr, long nr, struct io_event *events,
			struct timespec *timeout);
int __wrap_io_cancel(io_context_t ctx, struct iocb *iocb, struct io_event *evt);
int __wrap_open(const char *path, int flags, ...);
int __real_open(const char *path, int flags, ...);
int __wrap_close(int fd);
int __real_close(int fd);
int __wrap_ioctl(int fd, unsigned long req, ...);
int __real_ioctl(int fd, unsigned long req, ...);
void __wrap_free(void *p);
void __real_free(void *p);

int __wrap_io_setup(int maxevents, io_context_t *ctxp)
{
	int rc = 0;

	pthread_mutex_lock(&fk.lock);
	fk.setup_calls++;
	assert_int_equal(maxevents, AIO_GROUP_SLOTS);
	assert_null(*ctxp); /* the kernel insists on a zeroed context */
	if (fk.setup_rc) {
		rc = fk.setup_rc;
	} else {
		*ctxp = (io_context_t)(++fk.next_ctx * 0x1000);
		fk.contexts++;
	}
	pthread_mutex_unlock(&fk.lock);
	return rc;
}

int __wrap_io_destroy(io_context_t ctx)
{
	pthread_mutex_lock(&fk.lock);
	fk.destroy_calls++;
	fk.contexts--;
	/* io_destroy with reads in flight would block in the real kernel */
	for (int i = 0; i < fk.npending; i++)
		assert_true(fk.pending_ctx[i] != (uintptr_t)ctx);
	for (int i = 0; i < fk.nring; i++)
		assert_true(fk.ring[i].ctx != (uintptr_t)ctx);
	pthread_mutex_unlock(&fk.lock);
	return 0;
}

int __wrap_io_submit(io_context_t ctx, long nr, struct iocb *ios[])
{
	int rc = (int)nr;

	pthread_mutex_lock(&fk.lock);
	fk.submit_calls++;
	if (fk.submit_rc) {
		rc = fk.submit_rc;
		goto out;
	}
	for (long i = 0; i < nr; i++) {
		assert_true(fk.npending < FK_MAX);
		fk.pending[fk.npending] = ios[i];
		fk.pending_ctx[fk.npending++] = (uintptr_t)ctx;
	}
out:
	pthread_mutex_unlock(&fk.lock);
	return rc;
}

int __wrap_io_getevents(io_context_t ctx, long min_nr, long nr, struct io_event *events,
			struct timespec *timeout)
{
	int n = 0;

	/* aio_group never blocks in io_getevents: it sleeps on its eventfd */
	assert_int_equal(min_nr, 0);
	assert_non_null(timeout);
	assert_true(timeout->tv_sec == 0 && timeout->tv_nsec == 0);
	pthread_mutex_lock(&fk.lock);
	fk.getevents_calls++;
	for (int i = 0, kept = 0; i < fk.nring; i++) {
		if (fk.ring[i].ctx == (uintptr_t)ctx && n < nr)
			events[n++] = fk.ring[i].ev;
		else
			fk.ring[kept++] = fk.ring[i];
		if (i == fk.nring - 1)
			fk.nring = kept;
	}
	pthread_mutex_unlock(&fk.lock);
	return n;
}

static int fk_pending_index(const struct iocb *io)
{
	for (int i = 0; i < fk.npending; i++)
		if (fk.pending[i] == io)
			return i;
	return -1;
}

static void fk_pending_remove(int i)
{
	fk.npending--;
	memmove(&fk.pending[i], &fk.pending[i + 1],
		(size_t)(fk.npending - i) * sizeof(fk.pending[0]));
	memmove(&fk.pending_ctx[i], &fk.pending_ctx[i + 1],
		(size_t)(fk.npending - i) * sizeof(fk.pending_ctx[0]));
}

int __wrap_io_cancel(io_context_t ctx, struct iocb *iocb, struct io_event *evt)
{
	int rc, i;

	pthread_mutex_lock(&fk.lock);
	fk.cancel_calls++;
	i = fk_pending_index(iocb);
	assert_true(i >= 0);
	assert_true(fk.pending_ctx[i] == (uintptr_t)ctx);
	rc = fk.cancel_rc;
	if (!rc) {
		/* the documented io_cancel(2): the event goes to *evt, not the ring */
		memset(evt, 0, sizeof(*evt));
		evt->data = iocb->data;
		evt->obj = iocb;
		evt->res = (unsigned long)-ECANCELED;
		fk_pending_remove(i);
	}
	pthread_mutex_unlock(&fk.lock);
	return rc;
}

/* Complete a pending read with res, as the kernel would. */
static void fk_complete(struct iocb *io, long res)
{
	uint64_t one = 1;
	int i;

	pthread_mutex_lock(&fk.lock);
	i = fk_pending_index(io);
	assert_true(i >= 0);
	if (res > 0)
		memset(io->u.c.buf, 0xa5, (size_t)res); /* DMA: ASan catches a freed buffer */
	assert_true(fk.nring < FK_MAX);
	fk.ring[fk.nring].ctx = fk.pending_ctx[i];
	memset(&fk.ring[fk.nring].ev, 0, sizeof(fk.ring[0].ev));
	fk.ring[fk.nring].ev.data = io->data;
	fk.ring[fk.nring].ev.obj = io;
	fk.ring[fk.nring].ev.res = (unsigned long)res;
	fk.nring++;
	fk_pending_remove(i);
	pthread_mutex_unlock(&fk.lock);
	assert_true(io->u.c.flags & 1); /* IOCB_FLAG_RESFD */
	assert_int_equal(write((int)io->u.c.resfd, &one, sizeof(one)), sizeof(one));
}

static struct iocb *fk_last(void)
{
	struct iocb *io;

	pthread_mutex_lock(&fk.lock);
	assert_true(fk.npending > 0);
	io = fk.pending[fk.npending - 1];
	pthread_mutex_unlock(&fk.lock);
	return io;
}

static void fk_complete_all(long res)
{
	while (fk.npending)
		fk_complete(fk.pending[fk.npending - 1], res);
}

int __wrap_open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	if (!strncmp(path, "/fake/", 6)) {
		fk.last_open_flags = flags;
		return FAKE_FD_BASE + fk.opens++;
	}
	va_start(ap, flags);
	mode = va_arg(ap, mode_t);
	va_end(ap);
	return __real_open(path, flags, mode);
}

int __wrap_close(int fd)
{
	if (fd >= FAKE_FD_BASE) {
		fk.closes++;
		return 0;
	}
	return __real_close(fd);
}

int __wrap_ioctl(int fd, unsigned long req, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (fd < FAKE_FD_BASE)
		return __real_ioctl(fd, req, arg);
	if (req == BLKSSZGET && fk.blksz) {
		*(int *)arg = fk.blksz;
		return 0;
	}
	errno = ENOTTY;
	return -1;
}

void __wrap_free(void *p)
{
	if (p && p == fk.watch)
		fk.watch_freed = true;
	__real_free(p);
}

/* ---- helpers ---- */

static struct aio_group_set *dflt(void)
{
	struct aio_group_set *set = NULL;

	assert_int_equal(aio_group_default(&set), 0);
	return set;
}

static struct aio_group_stats stats(void)
{
	struct aio_group_stats st;

	assert_int_equal(aio_group_stats(dflt(), &st), 0);
	return st;
}

static struct checker *dio_new(unsigned timeout_s)
{
	struct checker *c = NULL;

	assert_int_equal(checker_new("directio", "/fake/sdx", timeout_s, &c), 0);
	assert_non_null(c);
	return c;
}

/* Every test starts and ends with a quiet fake and an empty default set. */
static int setup(void **state)
{
	(void)state;
	pthread_mutex_lock(&fk.lock);
	fk.setup_calls = fk.destroy_calls = fk.submit_calls = fk.cancel_calls = 0;
	fk.setup_rc = fk.submit_rc = 0;
	fk.cancel_rc = -EINVAL; /* block device reads cannot be cancelled */
	fk.opens = fk.closes = fk.blksz = 0;
	fk.watch = NULL;
	fk.watch_freed = false;
	/* forget reads a failed test left behind, so it does not take others down */
	fk.npending = fk.nring = 0;
	pthread_mutex_unlock(&fk.lock);
	return 0;
}

static int teardown(void **state)
{
	struct aio_group_stats st;

	(void)state;
	aio_group_reset(dflt());
	st = stats();
	assert_int_equal(st.groups, 0);
	assert_int_equal(st.held, 0);
	assert_int_equal(fk.npending, 0);
	assert_int_equal(fk.nring, 0);
	assert_int_equal(fk.contexts, 0);
	assert_int_equal(fk.opens, fk.closes);
	return 0;
}

/* ---- directio verdicts ---- */

static void test_success(void **state)
{
	struct checker *c = dio_new(5);
	struct iocb *io;

	(void)state;
	assert_true(fk.last_open_flags & O_DIRECT);
	assert_true(fk.last_open_flags & O_NONBLOCK);
	assert_int_equal(fk.last_open_flags & O_ACCMODE, O_RDONLY);
	assert_string_equal(checker_name(c), "directio");
	assert_int_equal(checker_state(c), PATH_UNCHECKED);
	assert_int_equal(checker_start(c), 0);
	io = fk_last();
	assert_int_equal(io->aio_lio_opcode, IO_CMD_PREAD);
	assert_int_equal(io->aio_fildes, FAKE_FD_BASE);
	assert_int_equal(io->u.c.nbytes, 512); /* BLKSSZGET failed: 512 */
	assert_int_equal(io->u.c.offset, 0);
	assert_int_equal((uintptr_t)io->u.c.buf % 4096, 0);
	assert_int_equal(checker_poll(c, NULL), PATH_PENDING);
	fk_complete(io, 512);
	assert_int_equal(checker_poll(c, NULL), PATH_UP);
	assert_string_not_equal(checker_msg(c), "");
	/* no check in progress: the last verdict again */
	assert_int_equal(checker_poll(c, NULL), PATH_UP);
	assert_int_equal(fk.setup_calls, 1);
	checker_free(c);
	assert_int_equal(fk.destroy_calls, 0);
}

static void test_block_size_and_short_read(void **state)
{
	struct checker *c;
	struct iocb *io;

	(void)state;
	fk.blksz = 4096;
	c = dio_new(5);
	assert_int_equal(checker_start(c), 0);
	io = fk_last();
	assert_int_equal(io->u.c.nbytes, 4096);
	fk_complete(io, 512);
	assert_int_equal(checker_poll(c, NULL), PATH_DOWN);
	assert_non_null(strstr(checker_msg(c), "short read, 512 of 4096"));
	assert_int_equal(checker_start(c), 0);
	fk_complete(fk_last(), 4096);
	assert_int_equal(checker_poll(c, NULL), PATH_UP);
	checker_free(c);
}

static void test_read_error(void **state)
{
	struct checker *c = dio_new(5);

	(void)state;
	assert_int_equal(checker_start(c), 0);
	fk_complete(fk_last(), -EIO);
	assert_int_equal(checker_poll(c, NULL), PATH_DOWN);
	assert_non_null(strstr(checker_msg(c), "Input/output error"));
	checker_free(c);
}

static void test_start_while_in_flight(void **state)
{
	struct checker *c = dio_new(5);

	(void)state;
	assert_int_equal(checker_start(c), 0);
	assert_int_equal(checker_start(c), 0);
	assert_int_equal(fk.submit_calls, 1);
	fk_complete(fk_last(), 512);
	assert_int_equal(checker_poll(c, NULL), PATH_UP);
	assert_int_equal(checker_start(c), 0);
	assert_int_equal(fk.submit_calls, 2);
	fk_complete(fk_last(), 512);
	assert_int_equal(checker_check(c), PATH_UP); /* start is a no-op, poll collects */
	assert_int_equal(fk.submit_calls, 2);
	checker_free(c);
}

static void test_submit_error(void **state)
{
	struct checker *c = dio_new(5);

	(void)state;
	fk.submit_rc = -EINVAL;
	assert_int_equal(checker_start(c), -EINVAL);
	assert_int_equal(checker_poll(c, NULL), PATH_WILD);
	assert_non_null(strstr(checker_msg(c), "could not run"));
	assert_int_equal(checker_check(c), PATH_WILD);
	fk.submit_rc = 0;
	assert_int_equal(checker_start(c), 0);
	fk_complete(fk_last(), 512);
	assert_int_equal(checker_poll(c, NULL), PATH_UP);
	checker_free(c);
}

static void *complete_later(void *arg)
{
	struct timespec ts = ts_from_ms(100);

	nanosleep(&ts, NULL);
	fk_complete(arg, 512);
	return NULL;
}

static void test_poll_waits(void **state)
{
	struct checker *c = dio_new(5);
	struct timespec t0, deadline = ts_add_ms(ts_now(), 5000);
	pthread_t th;

	(void)state;
	assert_int_equal(checker_start(c), 0);
	t0 = ts_now();
	assert_int_equal(pthread_create(&th, NULL, complete_later, fk_last()), 0);
	assert_int_equal(checker_poll(c, &deadline), PATH_UP);
	assert_true(ts_since_ms(&t0) >= 90);
	assert_true(ts_since_ms(&t0) < 2000);
	pthread_join(th, NULL);
	checker_free(c);
}

/* ---- timeouts ---- */

static void test_timeout(void **state)
{
	struct checker *c = dio_new(1);
	struct timespec t0, deadline;
	long ms;

	(void)state;
	t0 = ts_now();
	assert_int_equal(checker_start(c), 0);
	/* a deadline before the timeout: pending, returned at the deadline */
	deadline = ts_add_ms(ts_now(), 200);
	assert_int_equal(checker_poll(c, &deadline), PATH_PENDING);
	ms = ts_since_ms(&t0);
	assert_true(ms >= 190 && ms < 900);
	assert_int_equal(fk.cancel_calls, 0);
	/* a deadline after the timeout: timed out when the timeout expires */
	deadline = ts_add_ms(ts_now(), 5000);
	assert_int_equal(checker_poll(c, &deadline), PATH_TIMEOUT);
	ms = ts_since_ms(&t0);
	assert_true(ms >= 990 && ms < 1900);
	assert_non_null(strstr(checker_msg(c), "timed out"));
	/* cancel tried once; it failed, the read stays in flight */
	assert_int_equal(fk.cancel_calls, 1);
	assert_int_equal(checker_poll(c, NULL), PATH_TIMEOUT);
	assert_int_equal(fk.cancel_calls, 1);
	assert_int_equal(checker_start(c), 0);
	assert_int_equal(fk.submit_calls, 1);
	assert_int_equal(stats().inflight, 1);
	/* the kernel gives up at last */
	fk_complete(fk_last(), -ETIMEDOUT);
	assert_int_equal(checker_poll(c, NULL), PATH_DOWN);
	assert_int_equal(checker_start(c), 0);
	assert_int_equal(fk.submit_calls, 2);
	fk_complete(fk_last(), 512);
	assert_int_equal(checker_poll(c, NULL), PATH_UP);
	checker_free(c);
}

static void test_timeout_cancelled(void **state)
{
	struct checker *c = dio_new(1);
	struct timespec t0;

	(void)state;
	fk.cancel_rc = 0;
	t0 = ts_now();
	assert_int_equal(checker_check(c), PATH_TIMEOUT);
	assert_true(ts_since_ms(&t0) >= 990);
	assert_int_equal(fk.cancel_calls, 1);
	assert_int_equal(stats().inflight, 0);
	/* the cancelled read is gone: the next check submits a new one */
	assert_int_equal(checker_start(c), 0);
	assert_int_equal(fk.submit_calls, 2);
	/* freed with a read in flight, cancelled at once: no orphan */
	checker_free(c);
	assert_int_equal(fk.cancel_calls, 2);
	assert_int_equal(stats().orphans, 0);
}

/* ---- orphans ---- */

static void test_orphan_reaped(void **state)
{
	struct checker *c = dio_new(5);
	struct aio_group_stats st;
	struct iocb *io;

	(void)state;
	assert_int_equal(checker_start(c), 0);
	io = fk_last();
	fk.watch = io->u.c.buf;
	checker_free(c);
	assert_int_equal(fk.cancel_calls, 1);  /* tried, failed (-EINVAL) */
	assert_int_equal(fk.opens, fk.closes); /* the fd is closed at once */
	assert_false(fk.watch_freed);	       /* the buffer is not */
	st = stats();
	assert_int_equal(st.groups, 1);
	assert_int_equal(st.held, 0);
	assert_int_equal(st.orphans, 1);
	assert_int_equal(st.inflight, 1);
	/* reconfigure does not touch a group with an orphan in flight */
	assert_int_equal(aio_group_reset(dflt()), 0);
	assert_int_equal(fk.destroy_calls, 0);
	assert_false(fk.watch_freed);
	fk_complete(io, 512);
	/* the next call into the set reaps it; the group held only orphans */
	st = stats();
	assert_true(fk.watch_freed);
	assert_int_equal(st.orphans, 0);
	assert_int_equal(st.groups, 0);
	assert_int_equal(fk.destroy_calls, 1);
}

static void test_orphan_group_in_use(void **state)
{
	struct checker *a = dio_new(5), *b = dio_new(5);
	struct aio_group_stats st;
	struct iocb *io;

	(void)state;
	fk.cancel_rc = -EINPROGRESS; /* newer kernels: completion comes via the ring */
	assert_int_equal(checker_start(a), 0);
	io = fk_last();
	checker_free(a);
	assert_int_equal(stats().orphans, 1);
	/* a new checker may take a free slot of that group */
	a = dio_new(5);
	assert_int_equal(fk.setup_calls, 1);
	fk_complete(io, -EIO);
	st = stats();
	assert_int_equal(st.orphans, 0);
	assert_int_equal(st.groups, 1); /* still in use by a and b */
	assert_int_equal(st.held, 2);
	assert_int_equal(fk.destroy_calls, 0);
	checker_free(a);
	checker_free(b);
	assert_int_equal(fk.destroy_calls, 0); /* empty groups wait for reset */
	assert_int_equal(aio_group_reset(dflt()), 1);
	assert_int_equal(fk.destroy_calls, 1);
}

/* ---- resources ---- */

static void test_aio_max_nr(void **state)
{
	struct checker *c = (struct checker *)&fk; /* must stay untouched */

	(void)state;
	fk.setup_rc = -EAGAIN;
	assert_int_equal(checker_new("directio", "/fake/sdx", 5, &c), -EAGAIN);
	assert_ptr_equal(c, &fk);
	assert_int_equal(fk.opens, 1);
	assert_int_equal(fk.closes, 1);
	assert_int_equal(stats().groups, 0);
	assert_non_null(strstr(aio_group_errmsg(-EAGAIN), "fs.aio-max-nr exhausted"));
	fk.setup_rc = 0;
	c = dio_new(5);
	checker_free(c);
}

static void test_many_checkers(void **state)
{
	enum { N = 4096 };
	struct checker **cs = calloc(N, sizeof(*cs));
	struct aio_group_stats st;

	(void)state;
	assert_non_null(cs);
	for (int i = 0; i < N; i++)
		cs[i] = dio_new(5);
	st = stats();
	assert_int_equal(st.groups, 4);
	assert_int_equal(st.held, N);
	for (int i = 0; i < N; i++)
		assert_int_equal(checker_start(cs[i]), 0);
	fk_complete_all(512);
	for (int i = 0; i < N; i++)
		assert_int_equal(checker_poll(cs[i], NULL), PATH_UP);
	for (int i = 0; i < N; i += 2) {
		checker_free(cs[i]);
		cs[i] = NULL;
	}
	for (int i = 0; i < N; i += 2)
		cs[i] = dio_new(5);
	for (int i = 0; i < N; i++)
		checker_free(cs[i]);
	assert_int_equal(fk.setup_calls, 4);
	assert_int_equal(fk.destroy_calls, 0);
	assert_int_equal(stats().groups, 4);
	assert_int_equal(aio_group_reset(dflt()), 4);
	assert_int_equal(fk.destroy_calls, 4);
	free(cs);
}

/* ---- aio_group API on a private set ---- */

/* ms: how long the wait took (a wake at the 5 s deadline is not a wake on
 * completion: a bound of 4 s tells them apart even on a loaded machine);
 * done: when it returned */
struct waiter {
	struct aio_slot *slot;
	long res;
	int rc;
	long ms;
	struct timespec done;
};

static void *wait_slot(void *arg)
{
	struct waiter *w = arg;
	struct timespec t0, deadline = ts_add_ms(ts_now(), 5000);

	t0 = ts_now();
	w->rc = aio_group_poll(w->slot, &deadline, &w->res);
	w->ms = ts_since_ms(&t0);
	w->done = ts_now();
	return NULL;
}

static void sleep_ms(long ms)
{
	struct timespec ts = ts_from_ms(ms);

	nanosleep(&ts, NULL);
}

/* Two threads wait on the same set: each gets its own completion, whoever reaps it. */
static void test_two_waiters(void **state)
{
	struct aio_group_set *set;
	struct waiter w[2] = {0};
	struct timespec completed;
	struct iocb *io[2];
	pthread_t th[2];

	(void)state;
	assert_int_equal(aio_group_set_new(&set), 0);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(aio_group_slot_get(set, 512, &w[i].slot), 0);
		assert_int_equal(aio_group_submit(w[i].slot, FAKE_FD_BASE, 512, 0), 0);
		io[i] = fk_last();
	}
	assert_int_equal(aio_group_submit(w[0].slot, FAKE_FD_BASE, 512, 0), -EBUSY);
	for (int i = 0; i < 2; i++)
		assert_int_equal(pthread_create(&th[i], NULL, wait_slot, &w[i]), 0);
	sleep_ms(100);
	fk_complete(io[1], 100);
	pthread_join(th[1], NULL);
	assert_int_equal(w[1].rc, 1);
	assert_int_equal(w[1].res, 100);
	assert_true(w[1].ms < 4000);
	sleep_ms(100);
	completed = ts_now();
	fk_complete(io[0], -EIO);
	pthread_join(th[0], NULL);
	assert_int_equal(w[0].rc, 1);
	assert_int_equal(w[0].res, -EIO);
	/* it kept waiting through the other's completion, until its own */
	assert_true(ts_cmp(&w[0].done, &completed) >= 0);
	assert_true(w[0].ms < 4000);
	assert_int_equal(aio_group_poll(w[0].slot, NULL, &w[0].res), -ENODATA);
	for (int i = 0; i < 2; i++)
		aio_group_slot_put(w[i].slot);
	aio_group_set_free(set);
	assert_int_equal(fk.destroy_calls, 1);
}

/*
 * A thread asleep on the eventfd must wake when another thread (here a
 * stats call) reaps its completion and consumes the eventfd signal. The
 * race is won by the main thread most of the time: several rounds.
 */
static void test_reaper_wakes_sleeper(void **state)
{
	struct aio_group_set *set;
	struct waiter w = {0};
	struct aio_group_stats st;
	pthread_t th;

	(void)state;
	assert_int_equal(aio_group_set_new(&set), 0);
	assert_int_equal(aio_group_slot_get(set, 512, &w.slot), 0);
	for (int round = 0; round < 5; round++) {
		assert_int_equal(aio_group_submit(w.slot, FAKE_FD_BASE, 512, 0), 0);
		w.rc = -1;
		assert_int_equal(pthread_create(&th, NULL, wait_slot, &w), 0);
		sleep_ms(50);
		fk_complete(fk_last(), 512);
		aio_group_stats(set, &st);
		pthread_join(th, NULL);
		assert_int_equal(w.rc, 1);
		assert_int_equal(w.res, 512);
		assert_true(w.ms < 4000);
	}
	aio_group_slot_put(w.slot);
	aio_group_set_free(set);
}

static void test_wait_and_cancel(void **state)
{
	struct aio_group_set *set;
	struct aio_slot *s[3];
	struct timespec t0, deadline;
	long res = 0;

	(void)state;
	assert_int_equal(aio_group_set_new(&set), 0);
	assert_int_equal(aio_group_slot_get(set, 0, &s[0]), -EINVAL);
	assert_int_equal(aio_group_slot_get(set, AIO_GROUP_MAX_BUF + 1, &s[0]), -EINVAL);
	for (int i = 0; i < 3; i++)
		assert_int_equal(aio_group_slot_get(set, 4096, &s[i]), 0);
	assert_int_equal(aio_group_slot_buflen(s[0]), 4096);
	assert_int_equal(aio_group_cancel(s[0]), -ENODATA);
	assert_int_equal(aio_group_submit(s[0], FAKE_FD_BASE, 8192, 0), -EINVAL);
	for (int i = 0; i < 3; i++)
		assert_int_equal(aio_group_submit(s[i], FAKE_FD_BASE, 4096, 4096L * i), 0);
	/* nothing completes: wait returns 0 at the deadline */
	t0 = ts_now();
	deadline = ts_add_ms(ts_now(), 150);
	assert_int_equal(aio_group_wait(set, &deadline), 0);
	assert_true(ts_since_ms(&t0) >= 140);
	assert_int_equal(aio_group_wait(set, NULL), 0);
	/* two complete: one wait sees both */
	fk_complete(fk.pending[0], 4096);
	fk_complete(fk.pending[0], 4096);
	deadline = ts_add_ms(ts_now(), 5000);
	assert_int_equal(aio_group_wait(set, &deadline), 2);
	assert_int_equal(((unsigned char *)aio_group_slot_buf(s[0]))[0], 0xa5);
	assert_int_equal(aio_group_poll(s[1], NULL, &res), 1);
	assert_int_equal(res, 4096);
	/* cancellation that succeeds at once */
	fk.cancel_rc = 0;
	assert_int_equal(aio_group_cancel(s[2]), 0);
	assert_int_equal(aio_group_poll(s[2], NULL, &res), 1);
	assert_int_equal(res, -ECANCELED);
	for (int i = 0; i < 3; i++)
		aio_group_slot_put(s[i]);
	aio_group_set_free(set);
}

/* Batch submission: one io_submit() per group; a busy slot ends the batch;
 * aio_group_take() sees only what was reaped. */
static void test_submit_many(void **state)
{
	enum { N = AIO_GROUP_SLOTS + 4, FIRST = AIO_GROUP_SLOTS - 4 };
	struct aio_slot **s = calloc(N, sizeof(*s));
	off_t offs[8];
	struct aio_group_set *set;
	long res = 0;

	(void)state;
	assert_non_null(s);
	assert_int_equal(aio_group_set_new(&set), 0);
	for (int i = 0; i < N; i++)
		assert_int_equal(aio_group_slot_get(set, 512, &s[i]), 0);
	for (int i = 0; i < 8; i++)
		offs[i] = 512L * i;
	/* slots FIRST..FIRST+3 in the first group, the next 4 in the second */
	assert_int_equal(aio_group_submit_many(&s[FIRST], 8, FAKE_FD_BASE, 512, offs, 0), 8);
	assert_int_equal(fk.submit_calls, 2);
	assert_int_equal(fk.npending, 8);
	assert_ptr_equal(fk.pending[7]->data, s[FIRST + 7]);
	assert_int_equal(fk.pending[7]->u.c.offset, 512L * 7);
	assert_true(fk.pending_ctx[3] != fk.pending_ctx[4]);
	/* a slot in flight: the batch stops before it */
	assert_int_equal(aio_group_submit_many(&s[FIRST - 2], 4, FAKE_FD_BASE, 512, offs, 0), 2);
	assert_int_equal(aio_group_submit_many(&s[FIRST], 1, FAKE_FD_BASE, 512, offs, 0), -EBUSY);
	/* the kernel refuses the batch: every slot stays idle and reusable */
	fk.submit_rc = -EAGAIN;
	assert_int_equal(aio_group_submit_many(&s[0], 4, FAKE_FD_BASE, 512, offs, 0), -EAGAIN);
	fk.submit_rc = 0;
	assert_int_equal(aio_group_take(s[0], &res), -ENODATA);
	assert_int_equal(aio_group_submit_many(&s[0], 4, FAKE_FD_BASE, 512, offs, 0), 4);
	/* completed but not reaped: take does not see it; after a reap it does */
	fk_complete(fk.pending[0], 512);
	assert_int_equal(aio_group_take(s[FIRST], &res), 0);
	assert_int_equal(aio_group_wait(set, NULL), 1);
	assert_int_equal(aio_group_take(s[FIRST], &res), 1);
	assert_int_equal(res, 512);
	assert_int_equal(aio_group_take(s[FIRST], &res), -ENODATA);
	fk_complete_all(512);
	assert_int_equal(aio_group_wait(set, NULL), 13);
	for (int i = 0; i < N; i++)
		aio_group_slot_put(s[i]);
	aio_group_set_free(set);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_success, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_block_size_and_short_read, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_read_error, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_start_while_in_flight, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_submit_error, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_poll_waits, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_timeout, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_timeout_cancelled, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_orphan_reaped, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_orphan_group_in_use, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_aio_max_nr, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_many_checkers, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_two_waiters, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_reaper_wakes_sleeper, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_wait_and_cancel, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_submit_many, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
