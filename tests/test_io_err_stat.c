// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * io_err_stat against a fake kernel and a fake clock.
 *
 * libaio (io_setup, io_submit, io_getevents, io_cancel, io_destroy),
 * open/close/ioctl on /fake/dN device nodes, free() and clock_gettime()
 * are wrapped (tests/wraps/test_io_err_stat.mk). Reads complete only when a
 * test says so (fk_complete_dev: the "kernel" writes the buffer, queues the
 * event, signals the iocb's eventfd). With fk.fake_time set,
 * CLOCK_MONOTONIC is fk.now and the tests drive io_err_stat_tick()
 * themselves on an io_err_stat_new_manual() tracker; the last tests run
 * the real thread on the real clock.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <sys/uio.h>
#include <fcntl.h>
#include <libaio.h>
#include <linux/fs.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include "aio_group.h"
#include "io_err_stat.h"
#include "util/log.h"
#include "util/strbuf.h"

enum {
	FAKE_FD_BASE = 1 << 20,
	FD_PER_DEV = 1024,
	NDEV = 64,
	FK_MAX = 8192,
	NOFF = 4096,
};

struct fk_dev {
	int open_errno; /* open() fails with this when set */
	unsigned bs;	/* BLKSSZGET, 0: ioctl fails */
	uint64_t size;	/* BLKGETSIZE64 */
	int opens, closes, last_flags;
	unsigned submits;
	bool bad_offset; /* a read not aligned or past the end */
	unsigned noff;
	long long offs[NOFF];
};

struct fk_event {
	uintptr_t ctx;
	struct io_event ev;
};

static struct {
	pthread_mutex_t lock;
	int setup_rc, submit_rc, cancel_rc;
	int submit_accept; /* io_submit takes at most this many iocbs, 0: all */
	bool nowait_unsupported; /* io_submit refuses RWF_NOWAIT (-EOPNOTSUPP) */
	int setup_calls, submit_calls, cancel_calls;
	uintptr_t next_ctx;
	int contexts;
	struct iocb *pending[FK_MAX];
	uintptr_t pending_ctx[FK_MAX];
	int npending;
	struct fk_event ring[FK_MAX];
	int nring;
	struct fk_dev dev[NDEV];
	bool fake_time;
	struct timespec now;
	void *watch;
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
int __wrap_clock_gettime(clockid_t clk, struct timespec *ts);
int __real_clock_gettime(clockid_t clk, struct timespec *ts);

static int fd_dev(int fd)
{
	int d = (fd - FAKE_FD_BASE) / FD_PER_DEV;

	assert_true(fd >= FAKE_FD_BASE && d < NDEV);
	return d;
}

int __wrap_io_setup(int maxevents, io_context_t *ctxp)
{
	int rc = 0;

	pthread_mutex_lock(&fk.lock);
	fk.setup_calls++;
	assert_int_equal(maxevents, AIO_GROUP_SLOTS);
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
	fk.contexts--;
	for (int i = 0; i < fk.npending; i++)
		assert_true(fk.pending_ctx[i] != (uintptr_t)ctx);
	pthread_mutex_unlock(&fk.lock);
	return 0;
}

static void fk_note_read(const struct iocb *io)
{
	struct fk_dev *d = &fk.dev[fd_dev(io->aio_fildes)];
	long long off = io->u.c.offset;

	d->submits++;
	if (!d->bs || off % d->bs || io->u.c.nbytes != d->bs || (uint64_t)off + d->bs > d->size)
		d->bad_offset = true;
	if (d->noff < NOFF)
		d->offs[d->noff++] = off;
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
	if (fk.submit_accept && nr > fk.submit_accept)
		rc = (int)(nr = fk.submit_accept);
	for (long i = 0; i < nr; i++) {
		assert_true(fk.npending < FK_MAX);
		assert_int_equal(ios[i]->aio_lio_opcode, IO_CMD_PREAD);
		assert_int_equal((uintptr_t)ios[i]->u.c.buf % 512, 0);
		/* the sampler never sleeps in io_submit() for a full queue,
		 * unless the device refused RWF_NOWAIT */
		if (ios[i]->aio_rw_flags != 0 && fk.nowait_unsupported) {
			rc = i ? (int)i : -EOPNOTSUPP; /* the kernel stops at the bad iocb */
			goto out;
		}
		assert_int_equal(ios[i]->aio_rw_flags, fk.nowait_unsupported ? 0 : RWF_NOWAIT);
		fk_note_read(ios[i]);
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
	int n = 0, kept = 0;

	assert_int_equal(min_nr, 0);
	assert_non_null(timeout);
	pthread_mutex_lock(&fk.lock);
	for (int i = 0; i < fk.nring; i++) {
		if (fk.ring[i].ctx == (uintptr_t)ctx && n < nr)
			events[n++] = fk.ring[i].ev;
		else
			fk.ring[kept++] = fk.ring[i];
	}
	fk.nring = kept;
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
		memset(evt, 0, sizeof(*evt));
		evt->data = iocb->data;
		evt->obj = iocb;
		evt->res = (unsigned long)-ECANCELED;
		fk_pending_remove(i);
	}
	pthread_mutex_unlock(&fk.lock);
	return rc;
}

/* Complete pending read number i with res (lock held); returns its eventfd. */
static int fk_complete_locked(int i, long res)
{
	struct iocb *io = fk.pending[i];

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
	assert_true(io->u.c.flags & 1); /* IOCB_FLAG_RESFD */
	return (int)io->u.c.resfd;
}

static void fk_signal(int efd)
{
	uint64_t one = 1;

	assert_int_equal(write(efd, &one, sizeof(one)), sizeof(one));
}

/*
 * Complete the pending reads of device d (-1: all devices): the first
 * nerr with err, the rest with res; keep (not complete) the read `keep`.
 * Returns the number completed.
 */
static int fk_complete_dev_keep(int d, long res, int nerr, long err, const struct iocb *keep)
{
	int n = 0, efd = -1;

	pthread_mutex_lock(&fk.lock);
	for (int i = 0; i < fk.npending;) {
		if ((d >= 0 && fd_dev(fk.pending[i]->aio_fildes) != d) || fk.pending[i] == keep) {
			i++;
			continue;
		}
		efd = fk_complete_locked(i, n < nerr ? err : res);
		n++;
	}
	pthread_mutex_unlock(&fk.lock);
	if (efd >= 0)
		fk_signal(efd);
	return n;
}

static int fk_complete_dev(int d, long res)
{
	return fk_complete_dev_keep(d, res, 0, 0, NULL);
}

static void fk_complete_one(struct iocb *io, long res)
{
	int efd;

	pthread_mutex_lock(&fk.lock);
	efd = fk_complete_locked(fk_pending_index(io), res);
	pthread_mutex_unlock(&fk.lock);
	fk_signal(efd);
}

static int fk_pending_dev(int d)
{
	int n = 0;

	pthread_mutex_lock(&fk.lock);
	for (int i = 0; i < fk.npending; i++)
		n += fd_dev(fk.pending[i]->aio_fildes) == d;
	pthread_mutex_unlock(&fk.lock);
	return n;
}

/* The first pending read of device d. */
static struct iocb *fk_first_of(int d)
{
	struct iocb *io = NULL;

	pthread_mutex_lock(&fk.lock);
	for (int i = 0; i < fk.npending && !io; i++)
		if (fd_dev(fk.pending[i]->aio_fildes) == d)
			io = fk.pending[i];
	pthread_mutex_unlock(&fk.lock);
	assert_non_null(io);
	return io;
}

int __wrap_open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;
	int d;

	if (sscanf(path, "/fake/d%d", &d) == 1) {
		assert_true(d >= 0 && d < NDEV);
		fk.dev[d].last_flags = flags;
		if (fk.dev[d].open_errno) {
			errno = fk.dev[d].open_errno;
			return -1;
		}
		return FAKE_FD_BASE + d * FD_PER_DEV + fk.dev[d].opens++ % FD_PER_DEV;
	}
	va_start(ap, flags);
	mode = va_arg(ap, mode_t);
	va_end(ap);
	return __real_open(path, flags, mode);
}

int __wrap_close(int fd)
{
	if (fd >= FAKE_FD_BASE) {
		fk.dev[fd_dev(fd)].closes++;
		return 0;
	}
	return __real_close(fd);
}

int __wrap_ioctl(int fd, unsigned long req, ...)
{
	struct fk_dev *d;
	va_list ap;
	void *arg;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (fd < FAKE_FD_BASE)
		return __real_ioctl(fd, req, arg);
	d = &fk.dev[fd_dev(fd)];
	if (req == BLKSSZGET && d->bs) {
		*(int *)arg = (int)d->bs;
		return 0;
	}
	if (req == BLKGETSIZE64 && d->size) {
		*(uint64_t *)arg = d->size;
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

int __wrap_clock_gettime(clockid_t clk, struct timespec *ts)
{
	if (fk.fake_time && clk == CLOCK_MONOTONIC) {
		pthread_mutex_lock(&fk.lock);
		*ts = fk.now;
		pthread_mutex_unlock(&fk.lock);
		return 0;
	}
	return __real_clock_gettime(clk, ts);
}

/* ---- log capture ---- */

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static struct strbuf logbuf = STRBUF_INIT;

static void capture(int level, const char *msg, void *data)
{
	(void)data;
	if (level > 2)
		return;
	pthread_mutex_lock(&log_lock);
	strbuf_addstr(&logbuf, msg);
	strbuf_addch(&logbuf, '\n');
	pthread_mutex_unlock(&log_lock);
}

static void assert_logged(const char *needle)
{
	bool found;

	pthread_mutex_lock(&log_lock);
	found = strstr(strbuf_str(&logbuf), needle) != NULL;
	if (!found)
		fprintf(stderr, "log:\n%s", strbuf_str(&logbuf));
	pthread_mutex_unlock(&log_lock);
	if (!found)
		fail_msg("nothing logged contains '%s'", needle);
}

static void assert_not_logged(const char *needle)
{
	bool found;

	pthread_mutex_lock(&log_lock);
	found = strstr(strbuf_str(&logbuf), needle) != NULL;
	pthread_mutex_unlock(&log_lock);
	if (found)
		fail_msg("logged '%s'", needle);
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

static struct ies_params params(int sample, int thr, int recov, int dft, int iot)
{
	struct ies_params p = {
	    .sample_time = sample,
	    .rate_threshold = thr,
	    .recovery_time = recov,
	    .double_failed_time = dft,
	    .io_timeout = iot,
	};

	return p;
}

static dev_t devt_of(int d)
{
	return makedev(8, 16 * (unsigned)d);
}

static const char *node_of(int d)
{
	static char names[NDEV][16];

	snprintf(names[d], sizeof(names[d]), "/fake/d%d", d);
	return names[d];
}

static void advance_ns(long long ns)
{
	pthread_mutex_lock(&fk.lock);
	ns += fk.now.tv_nsec;
	fk.now.tv_sec += (time_t)(ns / 1000000000LL);
	fk.now.tv_nsec = (long)(ns % 1000000000LL);
	pthread_mutex_unlock(&fk.lock);
}

static void advance_ms(long ms)
{
	advance_ns((long long)ms * 1000000LL);
}

static int tick(struct io_err_stat *ies)
{
	struct timespec now, next;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return io_err_stat_tick(ies, &now, &next);
}

static struct io_err_stat *ies_manual(void)
{
	struct io_err_stat *ies = NULL;

	assert_int_equal(io_err_stat_new_manual(NULL, &ies), 0);
	assert_non_null(ies);
	return ies;
}

static const char *status(struct io_err_stat *ies, int d)
{
	static char buf[64];

	assert_true(io_err_stat_path_status(ies, devt_of(d), buf, sizeof(buf)) > 0);
	return buf;
}

/* Two failures at the same instant: flaky and held. */
static void make_flaky(struct io_err_stat *ies, int d, const struct ies_params *p)
{
	assert_int_equal(io_err_stat_path_failed(ies, devt_of(d), node_of(d), p, false),
			 IES_COUNTED);
	assert_int_equal(io_err_stat_path_failed(ies, devt_of(d), node_of(d), p, false), IES_FLAKY);
	assert_true(io_err_stat_is_held(ies, devt_of(d)));
}

/* Complete every pending read of d with a full block, advance one tick, tick. */
static int tick_ok(struct io_err_stat *ies, int d)
{
	int n = fk_complete_dev(d, (long)fk.dev[d].bs);

	advance_ms(IES_TICK_MS);
	tick(ies);
	return n;
}

static int setup(void **state)
{
	(void)state;
	pthread_mutex_lock(&fk.lock);
	fk.setup_rc = fk.submit_rc = fk.submit_accept = 0;
	fk.cancel_rc = -EINVAL; /* block device reads cannot be cancelled */
	fk.setup_calls = fk.submit_calls = fk.cancel_calls = 0;
	fk.npending = fk.nring = 0;
	memset(fk.dev, 0, sizeof(fk.dev));
	for (int d = 0; d < NDEV; d++) {
		fk.dev[d].bs = 512;
		fk.dev[d].size = 64ULL << 20;
	}
	fk.fake_time = true;
	fk.now.tv_sec = 1000;
	fk.now.tv_nsec = 0;
	fk.watch = NULL;
	fk.watch_freed = false;
	pthread_mutex_unlock(&fk.lock);
	strbuf_reset(&logbuf);
	log_set_verbosity(2);
	log_set_sink(capture, NULL);
	return 0;
}

/* The kernel finishes whatever is left; then nothing may stay behind. */
static int teardown(void **state)
{
	struct aio_group_stats st;

	(void)state;
	fk_complete_dev(-1, 512);
	aio_group_reset(dflt());
	st = stats();
	assert_int_equal(st.held, 0);
	assert_int_equal(st.orphans, 0);
	assert_int_equal(st.inflight, 0);
	assert_int_equal(st.groups, 0);
	assert_int_equal(fk.contexts, 0);
	for (int d = 0; d < NDEV; d++)
		assert_int_equal(fk.dev[d].opens, fk.dev[d].closes);
	log_set_sink(NULL, NULL);
	fk.fake_time = false;
	return 0;
}

/* ---- suspicion ---- */

static void test_params_enabled(void **state)
{
	struct ies_params p = params(10, 50, 30, 60, 5);
	struct io_err_stat *ies = ies_manual();

	(void)state;
	assert_true(ies_params_enabled(&p));
	p.rate_threshold = 0;
	assert_true(ies_params_enabled(&p));
	p.rate_threshold = 1000;
	assert_true(ies_params_enabled(&p));
	p.rate_threshold = -1;
	assert_false(ies_params_enabled(&p));
	p = params(0, 50, 30, 60, 5);
	assert_false(ies_params_enabled(&p));
	p = params(10, 50, 0, 60, 5);
	assert_false(ies_params_enabled(&p));
	assert_false(ies_params_enabled(NULL));
	/* off: ignored, not tracked */
	for (int i = 0; i < 3; i++)
		assert_int_equal(io_err_stat_path_failed(ies, devt_of(0), node_of(0), &p, false),
				 IES_IGNORED);
	assert_false(io_err_stat_is_held(ies, devt_of(0)));
	assert_string_equal(status(ies, 0), "-");
	assert_int_equal(io_err_stat_release(ies, devt_of(0), "x"), -ENOENT);
	io_err_stat_free(ies);
}

static void test_suspicion_window_edges(void **state)
{
	struct ies_params p = params(10, 50, 30, 60, 5);
	struct io_err_stat *ies = ies_manual();

	(void)state;
	/* exactly double_failed_time after the first failure: still flaky */
	assert_int_equal(io_err_stat_path_failed(ies, devt_of(0), node_of(0), &p, false),
			 IES_COUNTED);
	assert_false(io_err_stat_is_held(ies, devt_of(0)));
	assert_string_equal(status(ies, 0), "suspect 1");
	assert_logged("d0: io_err_stat: suspect: failure 1");
	advance_ms(60000);
	assert_int_equal(io_err_stat_path_failed(ies, devt_of(0), node_of(0), &p, false),
			 IES_FLAKY);
	assert_true(io_err_stat_is_held(ies, devt_of(0)));
	assert_logged("d0: io_err_stat: flaky: failed again after 60.0s (<= 60s)");
	/* our own fail_path comes back as a PATH_FAILED: ignored */
	assert_int_equal(io_err_stat_path_failed(ies, devt_of(0), node_of(0), &p, false),
			 IES_IGNORED);
	assert_true(io_err_stat_is_held(ies, devt_of(0)));

	/* one nanosecond later: the count restarts at the second failure */
	assert_int_equal(io_err_stat_path_failed(ies, devt_of(1), node_of(1), &p, false),
			 IES_COUNTED);
	advance_ns(60LL * 1000000000LL + 1);
	assert_string_equal(status(ies, 1), "-");
	assert_int_equal(io_err_stat_path_failed(ies, devt_of(1), node_of(1), &p, false),
			 IES_COUNTED);
	assert_false(io_err_stat_is_held(ies, devt_of(1)));
	assert_string_equal(status(ies, 1), "suspect 1");
	/* ... and that one opens a new window */
	advance_ms(59999);
	assert_int_equal(io_err_stat_path_failed(ies, devt_of(1), node_of(1), &p, false),
			 IES_FLAKY);
	assert_true(io_err_stat_is_held(ies, devt_of(1)));
	/* a path of which we know nothing is not held */
	assert_false(io_err_stat_is_held(ies, devt_of(2)));
	io_err_stat_free(ies);
}

static void test_last_usable_path(void **state)
{
	struct ies_params p = params(10, 50, 30, 60, 5);
	struct io_err_stat *ies = ies_manual();

	(void)state;
	assert_int_equal(io_err_stat_path_failed(ies, devt_of(0), node_of(0), &p, true),
			 IES_COUNTED);
	advance_ms(1000);
	assert_int_equal(io_err_stat_path_failed(ies, devt_of(0), node_of(0), &p, true),
			 IES_COUNTED);
	assert_false(io_err_stat_is_held(ies, devt_of(0)));
	assert_string_equal(status(ies, 0), "-");
	assert_logged("last usable path: not isolated");
	/* the count restarted: one failure is a first one again */
	assert_int_equal(io_err_stat_path_failed(ies, devt_of(0), node_of(0), &p, false),
			 IES_COUNTED);
	assert_int_equal(io_err_stat_path_failed(ies, devt_of(0), node_of(0), &p, false),
			 IES_FLAKY);
	tick(ies);
	assert_int_equal(fk.dev[0].submits, IES_SLOTS);
	io_err_stat_free(ies);
}

/* ---- counting ---- */

static void test_counting(void **state)
{
	struct ies_params p = params(10, 1000, 30, 60, 2);
	struct io_err_stat *ies = ies_manual();
	struct iocb *stuck;
	int counted = 0, resubmits;

	(void)state;
	make_flaky(ies, 0, &p);
	assert_string_equal(status(ies, 0), "sampling 0/10s 0/0");
	tick(ies);
	assert_logged("d0: io_err_stat: window 1 starts: 10s of 32 reads of 512 bytes every "
		      "100ms, timeout 2000ms");
	assert_int_equal(fk.dev[0].opens, 1);
	assert_int_equal(fk.dev[0].last_flags & O_ACCMODE, O_RDONLY);
	assert_true(fk.dev[0].last_flags & O_DIRECT);
	assert_int_equal(fk.dev[0].submits, IES_SLOTS);
	/* one read stays stuck; of the others one is short, one fails */
	stuck = fk_first_of(0);
	fk_complete_one(fk.pending[fk_pending_index(stuck) + 1], 256);
	fk_complete_one(fk.pending[fk_pending_index(stuck) + 1], -EIO);
	counted = 2 + fk_complete_dev_keep(0, 512, 0, 0, stuck);
	advance_ms(100);
	tick(ies);
	assert_int_equal(counted, 31);
	assert_string_equal(status(ies, 0), "sampling 0/10s 2/31");
	assert_int_equal(fk.dev[0].submits, IES_SLOTS + 31); /* not the stuck slot */
	/* up to 1.9 s the stuck read is young */
	while (fk.now.tv_sec == 1000 || fk.now.tv_nsec < 900000000L) {
		counted += fk_complete_dev_keep(0, 512, 0, 0, stuck);
		advance_ms(100);
		tick(ies);
	}
	assert_int_equal(fk.cancel_calls, 0);
	/* at 2.0 s it times out: counted once as an IO and an error, cancel tried */
	counted += fk_complete_dev_keep(0, 512, 0, 0, stuck);
	advance_ms(100);
	tick(ies);
	counted++;
	assert_int_equal(fk.cancel_calls, 1);
	assert_string_equal(status(ies, 0), "sampling 2/10s 3/621");
	assert_int_equal(counted, 621);
	/* still stuck for another second: neither recounted nor resubmitted */
	for (int i = 0; i < 10; i++) {
		counted += fk_complete_dev_keep(0, 512, 0, 0, stuck);
		advance_ms(100);
		tick(ies);
		assert_int_equal(fk_pending_dev(0), IES_SLOTS);
	}
	assert_int_equal(fk.cancel_calls, 1);
	assert_string_equal(status(ies, 0), "sampling 3/10s 3/931");
	/* the kernel gives up at last: not counted again, the slot is reused */
	fk_complete_one(stuck, -EIO);
	resubmits = (int)fk.dev[0].submits;
	counted += tick_ok(ies, 0);
	assert_int_equal(fk.dev[0].submits - (unsigned)resubmits, IES_SLOTS);
	assert_string_equal(status(ies, 0), "sampling 3/10s 3/962");
	while (io_err_stat_is_held(ies, devt_of(0)))
		counted += tick_ok(ies, 0);
	assert_int_equal(fk.now.tv_sec, 1010);
	assert_int_equal(fk.now.tv_nsec, 0);
	/* the reads completed before the last tick count; none is left */
	assert_int_equal(counted, 3170);
	assert_logged("d0: io_err_stat: window 1 verdict: errors 3/3170 IOs (1 timeouts, 0 not "
		      "sampled), rate 1/1000 <= threshold 1000: good");
	assert_logged("d0: io_err_stat: released (error rate within the threshold)");
	assert_int_equal(fk_pending_dev(0), 0);
	assert_int_equal(fk.dev[0].closes, 1);
	assert_false(fk.dev[0].bad_offset);
	io_err_stat_free(ies);
}

/* A timed-out read that the kernel lets us cancel: counted once, slot free at once. */
static void test_timeout_cancelled(void **state)
{
	struct ies_params p = params(4, 1000, 30, 60, 30);
	struct io_err_stat *ies = ies_manual();

	(void)state;
	fk.cancel_rc = 0;
	make_flaky(ies, 0, &p);
	tick(ies);
	for (int i = 0; i < 20; i++) { /* 2 s: the timeout is capped at 4 / 2 */
		advance_ms(100);
		tick(ies);
	}
	assert_int_equal(fk.cancel_calls, IES_SLOTS);
	assert_string_equal(status(ies, 0), "sampling 2/4s 32/32");
	assert_int_equal(fk.dev[0].submits, 2 * IES_SLOTS); /* resubmitted at once */
	assert_int_equal(fk_pending_dev(0), IES_SLOTS);
	io_err_stat_free(ies);
}

/* At the end of the window: old reads are errors, young ones are not counted. */
static void test_window_end_inflight(void **state)
{
	struct ies_params p = params(2, 50, 30, 60, 30);
	struct io_err_stat *ies = ies_manual();
	struct aio_group_stats st;

	(void)state;
	make_flaky(ies, 0, &p);
	tick(ies);
	for (int i = 0; i < 10; i++) {
		advance_ms(100);
		tick(ies);
	}
	assert_string_equal(status(ies, 0), "sampling 1/2s 32/32"); /* timeout 1 s */
	for (int i = 0; i < 5; i++) {
		advance_ms(100);
		tick(ies);
	}
	assert_int_equal(fk_complete_dev(0, 512), IES_SLOTS); /* late: not counted */
	advance_ms(100);
	tick(ies); /* 1.6 s: resubmitted */
	assert_int_equal(fk_pending_dev(0), IES_SLOTS);
	for (int i = 0; i < 4; i++) {
		advance_ms(100);
		tick(ies);
	}
	assert_logged("window 1 verdict: errors 32/32 IOs (32 timeouts, 0 not sampled), rate "
		      "1000/1000 > threshold 50: bad, held for 30s");
	assert_true(io_err_stat_is_held(ies, devt_of(0)));
	assert_string_equal(status(ies, 0), "held 30s 1000/1000");
	/* the young reads went back to aio_group; the fd is closed */
	st = stats();
	assert_int_equal(st.orphans, IES_SLOTS);
	assert_int_equal(st.held, 0);
	assert_int_equal(fk.dev[0].closes, 1);
	fk_complete_dev(0, 512);
	assert_int_equal(stats().orphans, 0);
	io_err_stat_free(ies);
}

/* A failed submission or a missing slot is "not sampled", retried at the next tick. */
static void test_submit_failures(void **state)
{
	struct ies_params p = params(1, 0, 30, 60, 30);
	struct io_err_stat *ies = ies_manual();

	(void)state;
	fk.setup_rc = -EAGAIN; /* fs.aio-max-nr: no slot at all */
	make_flaky(ies, 0, &p);
	tick(ies);
	assert_int_equal(fk.dev[0].submits, 0);
	fk.setup_rc = 0;
	fk.submit_rc = -EAGAIN;
	advance_ms(100);
	tick(ies);
	assert_int_equal(fk.dev[0].submits, 0);
	assert_string_equal(status(ies, 0), "sampling 0/1s 0/0");
	fk.submit_rc = 0;
	advance_ms(100);
	tick(ies);
	assert_int_equal(fk.dev[0].submits, IES_SLOTS);
	while (io_err_stat_is_held(ies, devt_of(0)))
		tick_ok(ies, 0);
	assert_logged("errors 0/256 IOs (0 timeouts, 64 not sampled), rate 0/1000 <= "
		      "threshold 0: good");
	io_err_stat_free(ies);
}

/* A path's reads go in one io_submit(); the ones a short io_submit() left
 * are submitted by the next calls, none is lost. */
static void test_partial_submit(void **state)
{
	struct ies_params p = params(1, 0, 30, 60, 30);
	struct io_err_stat *ies = ies_manual();

	(void)state;
	make_flaky(ies, 0, &p);
	tick(ies);
	assert_int_equal(fk.submit_calls, 1);
	assert_int_equal(fk_pending_dev(0), IES_SLOTS);
	assert_int_equal(fk_complete_dev(0, 512), IES_SLOTS);
	fk.submit_accept = 5;
	advance_ms(100);
	tick(ies);
	assert_int_equal(fk.submit_calls, 1 + (IES_SLOTS + 4) / 5);
	assert_int_equal(fk_pending_dev(0), IES_SLOTS);
	fk.submit_accept = 0;
	while (io_err_stat_is_held(ies, devt_of(0)))
		tick_ok(ies, 0);
	assert_logged("errors 0/320 IOs (0 timeouts, 0 not sampled), rate 0/1000 <= threshold 0: "
		      "good");
	io_err_stat_free(ies);
}

/* A read the device could not queue (RWF_NOWAIT: -EAGAIN) is "not
 * sampled", neither an IO nor an error. */
static void test_nowait_full_queue(void **state)
{
	struct ies_params p = params(1, 0, 30, 60, 30);
	struct io_err_stat *ies = ies_manual();
	unsigned submits;

	(void)state;
	make_flaky(ies, 0, &p);
	tick(ies);
	assert_int_equal(fk_complete_dev(0, -EAGAIN), IES_SLOTS);
	advance_ms(100);
	tick(ies);
	assert_string_equal(status(ies, 0), "sampling 0/1s 0/0");
	while (io_err_stat_is_held(ies, devt_of(0)))
		tick_ok(ies, 0);
	assert_logged("(0 timeouts, 32 not sampled), rate 0/1000 <= threshold 0: good");
	io_err_stat_free(ies);
	/* a device that refuses RWF_NOWAIT is read without it */
	fk.nowait_unsupported = true;
	ies = ies_manual();
	submits = fk.dev[0].submits;
	make_flaky(ies, 0, &p);
	tick(ies);
	assert_int_equal(fk.dev[0].submits, submits + IES_SLOTS);
	io_err_stat_free(ies);
	fk.nowait_unsupported = false;
}

/* Nothing counted in the window: bad, whatever the threshold. */
static void test_no_io_is_bad(void **state)
{
	struct ies_params p = params(1, 1000, 30, 60, 30);
	struct io_err_stat *ies = ies_manual();

	(void)state;
	fk.submit_rc = -EAGAIN;
	make_flaky(ies, 0, &p);
	for (int i = 0; i <= 10; i++) {
		tick(ies);
		advance_ms(100);
	}
	assert_true(io_err_stat_is_held(ies, devt_of(0)));
	assert_logged("d0: io_err_stat: window 1 verdict: no IO completed in 1s (320 not "
		      "sampled): bad, held for 30s");
	assert_string_equal(status(ies, 0), "held 30s -/1000");
	io_err_stat_free(ies);
}

/* ---- verdicts ---- */

/* One window of sample_time seconds on devices 0..n-1; errs[d] reads fail. */
static void run_window(struct io_err_stat *ies, int n, const int *errs, const struct ies_params *p)
{
	int left[NDEV];

	for (int d = 0; d < n; d++) {
		make_flaky(ies, d, p);
		left[d] = errs[d];
	}
	tick(ies);
	for (int t = 0; t < p->sample_time * 1000 / IES_TICK_MS; t++) {
		for (int d = 0; d < n; d++) {
			int nerr = left[d] < IES_SLOTS ? left[d] : IES_SLOTS;

			fk_complete_dev_keep(d, 512, nerr, -EIO, NULL);
			left[d] -= nerr;
		}
		advance_ms(IES_TICK_MS);
		tick(ies);
	}
}

static void test_rate_at_threshold(void **state)
{
	struct ies_params p = params(1, 50, 30, 60, 30);
	struct io_err_stat *ies = ies_manual();
	const int errs[] = {16, 17};

	(void)state;
	run_window(ies, 2, errs, &p);
	/* 16 of 320 = exactly 50 permille: good */
	assert_logged("d0: io_err_stat: window 1 verdict: errors 16/320 IOs (0 timeouts, 0 not "
		      "sampled), rate 50/1000 <= threshold 50: good");
	assert_false(io_err_stat_is_held(ies, devt_of(0)));
	/* 17 of 320 = 53.1 permille: bad */
	assert_logged("d1: io_err_stat: window 1 verdict: errors 17/320 IOs (0 timeouts, 0 not "
		      "sampled), rate 54/1000 > threshold 50: bad, held for 30s");
	assert_true(io_err_stat_is_held(ies, devt_of(1)));
	io_err_stat_free(ies);
}

static void test_threshold_zero(void **state)
{
	struct ies_params p = params(4, 0, 30, 60, 30);
	struct io_err_stat *ies = ies_manual();
	const int errs[] = {1, 0};

	(void)state;
	run_window(ies, 2, errs, &p);
	/* 1 of 1280 rounds down to 0 permille, but 0 means no error at all */
	assert_logged("d0: io_err_stat: window 1 verdict: errors 1/1280 IOs (0 timeouts, 0 not "
		      "sampled), rate 1/1000 > threshold 0: bad");
	assert_true(io_err_stat_is_held(ies, devt_of(0)));
	assert_logged("d1: io_err_stat: window 1 verdict: errors 0/1280 IOs (0 timeouts, 0 not "
		      "sampled), rate 0/1000 <= threshold 0: good");
	assert_false(io_err_stat_is_held(ies, devt_of(1)));
	io_err_stat_free(ies);
}

/* Held for recovery_time, whose last sample_time seconds are the next
 * window; a good window releases it. */
static void test_recovery_then_resample(void **state)
{
	struct ies_params p = params(1, 50, 5, 60, 30);
	struct io_err_stat *ies = ies_manual();
	const int errs[] = {320};

	(void)state;
	run_window(ies, 1, errs, &p);
	assert_true(io_err_stat_is_held(ies, devt_of(0)));
	assert_string_equal(status(ies, 0), "held 5s 1000/1000");
	/* failures while held are ignored */
	assert_int_equal(io_err_stat_path_failed(ies, devt_of(0), node_of(0), &p, false),
			 IES_IGNORED);
	advance_ms(3900);
	tick(ies);
	assert_string_equal(status(ies, 0), "held 2s 1000/1000");
	assert_int_equal(fk.dev[0].opens, 1);
	advance_ms(100);
	tick(ies);
	assert_int_equal(fk.dev[0].opens, 2);
	assert_logged("d0: io_err_stat: window 2 starts");
	while (io_err_stat_is_held(ies, devt_of(0)))
		tick_ok(ies, 0);
	assert_logged("d0: io_err_stat: window 2 verdict: errors 0/320 IOs");
	assert_string_equal(status(ies, 0), "-");
	io_err_stat_free(ies);
}

/* A device that cannot be opened is tried again at every tick of the
 * window; never opened in the window: held, and tried at the next window. */
static void test_open_failure(void **state)
{
	struct ies_params p = params(10, 50, 30, 60, 30);
	struct io_err_stat *ies = ies_manual();

	(void)state;
	fk.dev[0].open_errno = ENXIO;
	make_flaky(ies, 0, &p);
	tick(ies);
	assert_true(io_err_stat_is_held(ies, devt_of(0)));
	assert_logged("d0: io_err_stat: window 1 starts: 10s, cannot open /fake/d0 yet: No such "
		      "device or address");
	for (int t = 0; t < 100; t++) {
		advance_ms(IES_TICK_MS);
		tick(ies);
	}
	assert_logged("d0: io_err_stat: window 1: cannot open /fake/d0: No such device or "
		      "address: held for 30s, retried at the next window");
	assert_string_equal(status(ies, 0), "held 30s -/1000");
	assert_int_equal(fk.submit_calls, 0);
	advance_ms(19900); /* the next window is the last 10 s of the 30 s hold */
	tick(ies);
	assert_int_equal(fk.submit_calls, 0);
	fk.dev[0].open_errno = 0;
	advance_ms(100);
	tick(ies);
	assert_int_equal(fk.dev[0].opens, 1);
	assert_int_equal(fk.dev[0].submits, IES_SLOTS);
	assert_string_equal(status(ies, 0), "sampling 0/10s 0/0");
	io_err_stat_free(ies);
}

/* A path offline for a moment at the window's start is opened at a later
 * tick and sampled for the rest of the window. */
static void test_open_later_in_window(void **state)
{
	struct ies_params p = params(10, 50, 30, 60, 30);
	struct io_err_stat *ies = ies_manual();

	(void)state;
	fk.dev[0].open_errno = ENXIO;
	make_flaky(ies, 0, &p);
	tick(ies);
	advance_ms(IES_TICK_MS);
	tick(ies);
	assert_int_equal(fk.dev[0].opens, 0);
	fk.dev[0].open_errno = 0;
	advance_ms(IES_TICK_MS);
	tick(ies);
	assert_int_equal(fk.dev[0].opens, 1);
	assert_int_equal(fk.dev[0].submits, IES_SLOTS);
	while (io_err_stat_is_held(ies, devt_of(0)))
		tick_ok(ies, 0);
	assert_logged("d0: io_err_stat: window 1 verdict: errors 0/");
	assert_string_equal(status(ies, 0), "-");
	io_err_stat_free(ies);
}

/* ---- escape hatches ---- */

static void test_admin_release(void **state)
{
	struct ies_params p = params(10, 50, 30, 60, 30);
	struct io_err_stat *ies = ies_manual();
	struct aio_group_stats st;

	(void)state;
	make_flaky(ies, 0, &p);
	tick(ies);
	assert_int_equal(fk_pending_dev(0), IES_SLOTS);
	fk.watch = fk_first_of(0)->u.c.buf;
	assert_int_equal(io_err_stat_release(ies, devt_of(0), "admin: reinstate path"), 0);
	assert_logged("d0: io_err_stat: released (admin: reinstate path) after 0 window(s)");
	assert_false(io_err_stat_is_held(ies, devt_of(0)));
	assert_string_equal(status(ies, 0), "-");
	assert_int_equal(io_err_stat_release(ies, devt_of(0), "again"), -ENOENT);
	/* the next tick frees the sampler: the reads become orphans */
	assert_int_equal(tick(ies), 0);
	st = stats();
	assert_int_equal(st.held, 0);
	assert_int_equal(st.orphans, IES_SLOTS);
	assert_int_equal(fk.dev[0].closes, 1);
	assert_false(fk.watch_freed);
	fk_complete_dev(0, 512); /* ASan: the kernel writes into live buffers */
	assert_int_equal(stats().orphans, 0);
	assert_true(fk.watch_freed);
	/* a suspect can be released too */
	assert_int_equal(io_err_stat_path_failed(ies, devt_of(1), node_of(1), &p, false),
			 IES_COUNTED);
	assert_int_equal(io_err_stat_release(ies, devt_of(1), "map lost its other paths"), 0);
	assert_string_equal(status(ies, 1), "-");
	io_err_stat_free(ies);
}

static void test_path_removed_inflight(void **state)
{
	struct ies_params p = params(10, 50, 30, 60, 30);
	struct io_err_stat *ies = ies_manual();

	(void)state;
	make_flaky(ies, 0, &p);
	make_flaky(ies, 1, &p);
	tick(ies);
	fk.watch = fk_first_of(0)->u.c.buf;
	io_err_stat_path_removed(ies, devt_of(0));
	assert_logged("d0: io_err_stat: path removed, sampling cancelled");
	assert_false(io_err_stat_is_held(ies, devt_of(0)));
	io_err_stat_path_removed(ies, devt_of(0)); /* twice: quiet */
	io_err_stat_path_removed(ies, devt_of(7)); /* unknown: quiet */
	/* half the reads complete before the tick, half after */
	fk_complete_dev_keep(0, 512, 0, 0, fk_first_of(0));
	assert_int_equal(tick(ies), 1);
	assert_int_equal(fk.dev[0].closes, 1);
	assert_int_equal(stats().orphans, 1);
	assert_false(fk.watch_freed);
	assert_int_equal(fk_pending_dev(0), 1);
	fk_complete_dev(0, 512);
	assert_int_equal(stats().orphans, 0);
	assert_true(fk.watch_freed);
	/* the other path goes on */
	assert_int_equal(tick_ok(ies, 1), IES_SLOTS);
	assert_int_equal(fk.dev[1].submits, 2 * IES_SLOTS);
	io_err_stat_free(ies);
}

/* New values apply from the next window; turning the feature off releases. */
static void test_params_mid_window(void **state)
{
	struct ies_params old = params(2, 50, 30, 60, 30), upd = params(10, 0, 5, 60, 30);
	struct ies_params off = params(0, 0, 5, 60, 30);
	struct io_err_stat *ies = ies_manual();

	(void)state;
	make_flaky(ies, 0, &old);
	make_flaky(ies, 1, &old);
	make_flaky(ies, 2, &old);
	tick(ies);
	for (int t = 0; t < 20; t++) {
		fk_complete_dev_keep(0, 512, t == 0, -EIO, NULL); /* 1 error */
		fk_complete_dev_keep(1, 512, IES_SLOTS, -EIO, NULL);
		fk_complete_dev(2, 512);
		if (t == 10) {
			for (int d = 0; d < 2; d++)
				io_err_stat_set_params(ies, devt_of(d), &upd);
			io_err_stat_set_params(ies, devt_of(2), &off);
			assert_logged("d2: io_err_stat: released (io_err_stat turned off)");
			assert_false(io_err_stat_is_held(ies, devt_of(2)));
			assert_string_equal(status(ies, 0), "sampling 1/2s 1/320");
		}
		advance_ms(IES_TICK_MS);
		tick(ies);
	}
	assert_int_equal(fk.dev[2].closes, 1);
	/* the window kept its 2 s and threshold 50: 1/640 is good */
	assert_logged("d0: io_err_stat: window 1 verdict: errors 1/640 IOs (0 timeouts, 0 not "
		      "sampled), rate 2/1000 <= threshold 50: good");
	assert_false(io_err_stat_is_held(ies, devt_of(0)));
	/* the hold after it takes the new recovery time (5 s, shorter than the new
	 * 10 s window: the window is the hold), the next window the new rest */
	assert_string_equal(status(ies, 1), "held 10s 1000/1000");
	fk_complete_dev(1, 512);
	tick(ies);
	assert_logged("d1: io_err_stat: window 2 starts: 10s of 32 reads of 512 bytes every "
		      "100ms, timeout 5000ms, threshold 0/1000");
	assert_string_equal(status(ies, 1), "sampling 0/10s 0/0");
	io_err_stat_free(ies);
}

/* ---- scale ---- */

/* 64 paths sampled at once: each gets 32 reads per tick, 320 per second. */
static void test_cadence_64_paths(void **state)
{
	struct ies_params p = params(60, 50, 30, 60, 30);
	struct io_err_stat *ies = ies_manual();
	unsigned last[NDEV] = {0};

	(void)state;
	for (int d = 0; d < NDEV; d++) {
		fk.dev[d].bs = d % 2 ? 4096 : 512;
		fk.dev[d].size = (1ULL << 30) + 3 * 4096;
		make_flaky(ies, d, &p);
	}
	assert_int_equal(tick(ies), NDEV);
	for (int d = 0; d < NDEV; d++)
		last[d] = fk.dev[d].submits;
	for (int sec = 1; sec <= 10; sec++) {
		for (int t = 0; t < 1000 / IES_TICK_MS; t++) {
			int calls = fk.submit_calls;

			for (int d = 0; d < NDEV; d++)
				fk_complete_dev(d, (long)fk.dev[d].bs);
			advance_ms(IES_TICK_MS);
			tick(ies);
			/* one io_submit() per path and tick */
			assert_int_equal(fk.submit_calls - calls, NDEV);
		}
		for (int d = 0; d < NDEV; d++) {
			assert_int_equal(fk.dev[d].submits - last[d], 10 * IES_SLOTS);
			last[d] = fk.dev[d].submits;
		}
	}
	for (int d = 0; d < NDEV; d++) {
		const struct fk_dev *dv = &fk.dev[d];
		long long lo = dv->offs[0], hi = dv->offs[0];
		unsigned distinct = 0;

		assert_false(dv->bad_offset);
		for (unsigned i = 0; i < dv->noff; i++) {
			lo = dv->offs[i] < lo ? dv->offs[i] : lo;
			hi = dv->offs[i] > hi ? dv->offs[i] : hi;
			distinct += i == 0 || dv->offs[i] != dv->offs[i - 1];
		}
		/* spread over the whole device, not LBA 0 again and again */
		assert_true(lo < (long long)(dv->size / 100));
		assert_true(hi > (long long)(dv->size / 100 * 99));
		assert_true(distinct > dv->noff * 9 / 10);
	}
	io_err_stat_free(ies);
}

/* ---- show / status ---- */

static void test_show(void **state)
{
	struct ies_params p = params(10, 50, 30, 60, 30);
	struct io_err_stat *ies = ies_manual();
	const int errs[] = {0};
	STRBUF_AUTO(sb);
	char small[5];

	(void)state;
	assert_int_equal(io_err_stat_show(ies, &sb), 0);
	assert_string_equal(strbuf_str(&sb), "devt      dev        failures windows  rate state\n");
	fk.dev[0].open_errno = EIO;
	run_window(ies, 1, errs, &p);
	assert_int_equal(io_err_stat_path_failed(ies, devt_of(1), node_of(1), &p, false),
			 IES_COUNTED);
	make_flaky(ies, 2, &p);
	tick(ies);
	strbuf_reset(&sb);
	assert_int_equal(io_err_stat_show(ies, &sb), 3);
	assert_non_null(strstr(strbuf_str(&sb),
			       "8:0       d0                2       1     - held 30s -/1000\n"));
	assert_non_null(
	    strstr(strbuf_str(&sb), "8:16      d1                1       0     - suspect 1\n"));
	assert_non_null(strstr(strbuf_str(&sb),
			       "8:32      d2                2       0     - sampling 0/10s 0/0\n"));
	assert_int_equal(io_err_stat_path_status(ies, devt_of(2), small, sizeof(small)), 18);
	assert_string_equal(small, "samp");
	assert_int_equal(io_err_stat_path_status(ies, devt_of(2), small, 0), -EINVAL);
	io_err_stat_free(ies);
}

/* ---- free ---- */

static void test_free_inflight(void **state)
{
	struct ies_params p = params(10, 50, 30, 60, 30);
	struct io_err_stat *ies = ies_manual();
	struct aio_group_stats st;

	(void)state;
	make_flaky(ies, 0, &p);
	make_flaky(ies, 1, &p);
	tick(ies);
	make_flaky(ies, 2, &p); /* queued, no window yet */
	fk.watch = fk_first_of(0)->u.c.buf;
	io_err_stat_free(ies);
	st = stats();
	assert_int_equal(st.held, 0);
	assert_int_equal(st.orphans, 2 * IES_SLOTS);
	assert_int_equal(fk.dev[0].closes, 1);
	assert_int_equal(fk.dev[1].closes, 1);
	assert_false(fk.watch_freed);
	fk_complete_dev(-1, -EIO);
	assert_int_equal(stats().orphans, 0);
	assert_true(fk.watch_freed);
	io_err_stat_free(NULL);
}

/* ---- the thread, on the real clock ---- */

static long ms_since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t0->tv_sec) * 1000 + (now.tv_nsec - t0->tv_nsec) / 1000000;
}

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

	nanosleep(&ts, NULL);
}

static void test_thread(void **state)
{
	struct ies_params p = params(1, 0, 1, 60, 30);
	struct io_err_stat *ies = NULL;
	struct timespec t0;
	long released = -1, ms;
	int good = 0;

	(void)state;
	fk.fake_time = false;
	assert_int_equal(io_err_stat_new(NULL, &ies), 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	make_flaky(ies, 0, &p);
	/* the kernel answers every read within 10 ms */
	while (ms_since(&t0) < 5000) {
		good += fk_complete_dev(0, 512);
		if (!io_err_stat_is_held(ies, devt_of(0))) {
			released = ms_since(&t0);
			break;
		}
		sleep_ms(10);
	}
	assert_true(released >= 1000 && released < 4000); /* slack for a loaded machine */
	/* about 10 ticks of 32 reads; a slow machine may skip a few ticks */
	assert_true(good >= 6 * IES_SLOTS && fk.dev[0].submits <= 11 * IES_SLOTS);
	assert_logged("d0: io_err_stat: window 1 verdict: errors 0/");
	assert_logged("good");
	assert_not_logged("bad");

	/* flaky again; freed with its reads in flight: stops within a tick */
	make_flaky(ies, 0, &p);
	while (fk_pending_dev(0) < IES_SLOTS && ms_since(&t0) < 10000)
		sleep_ms(5);
	assert_int_equal(fk_pending_dev(0), IES_SLOTS);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	io_err_stat_free(ies);
	ms = ms_since(&t0);
	assert_true(ms < 1000); /* a tick (100 ms), plus slack; a missed stop would hang */
	assert_int_equal(stats().orphans, IES_SLOTS);
	assert_int_equal(fk.dev[0].opens, fk.dev[0].closes);
}

/* A thread with nothing to sample sleeps on its eventfd and stops at once. */
static void test_thread_idle_stop(void **state)
{
	struct ies_params p = params(1, 50, 3600, 60, 30);
	struct io_err_stat *ies = NULL;
	struct timespec t0;

	(void)state;
	fk.fake_time = false;
	fk.dev[0].open_errno = ENXIO; /* held for an hour at once */
	assert_int_equal(io_err_stat_new(NULL, &ies), 0);
	make_flaky(ies, 0, &p);
	while (!strstr(status(ies, 0), "held"))
		sleep_ms(5);
	sleep_ms(50);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	io_err_stat_free(ies);
	assert_true(ms_since(&t0) < 1000); /* not the hour of the hold */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_params_enabled, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_suspicion_window_edges, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_last_usable_path, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_counting, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_timeout_cancelled, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_window_end_inflight, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_submit_failures, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_partial_submit, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_nowait_full_queue, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_no_io_is_bad, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_rate_at_threshold, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_threshold_zero, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_recovery_then_resample, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_open_failure, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_open_later_in_window, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_admin_release, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_path_removed_inflight, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_params_mid_window, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_cadence_64_paths, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_show, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_free_inflight, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_thread, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_thread_idle_stop, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
