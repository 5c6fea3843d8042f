// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The checker registry, the SG checkers (tur, readsector0) and none.
 *
 * tur and readsector0 run against two fakes (tests/wraps/test_checkers.mk):
 * - an sg node: sysfs (a temporary tree, the sysfs root) gives sdb the
 *   node sg3 and sdc sg4; open("/dev/sgN") returns an eventfd, so the
 *   checker's real poll() works; write() takes the next canned reply and,
 *   unless it is held, "completes" at once by making the eventfd readable;
 *   read() then fills the header and, like the kernel, copies sense and
 *   data into the buffers named at write() time.
 * - the worker pool: sda has no sg node; ioctl(SG_IO) (in a worker thread)
 *   takes the next canned reply and, when it is held, blocks until the test
 *   releases it.
 * CLOCK_MONOTONIC can be frozen at a chosen time or shifted. The device
 * nodes are regular files in the temporary directory.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <poll.h>
#include <pthread.h>
#include <scsi/sg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checkers/checkers.h"
#include "checkers/sg_pool.h"
#include "config/keywords.h"
#include "scsi.h"
#include "sysfs.h"

enum { MAX_REPLIES = 32, NSG = 2 };

/* One canned answer to a command, by SG_IO or by an sg write(). */
struct sg_reply {
	int err; /* SG_IO / write() fails with this errno */
	unsigned char status, host, driver;
	unsigned char sense[32];
	unsigned char sense_len;
	int resid;
	const unsigned char *data; /* copied in (else 0x5a bytes); resid from its length */
	unsigned data_len;
	bool hold; /* completes only when released */
	bool released;
	int sg; /* which fake sg node took it, -1: SG_IO */
};

/* A fake sg node: its fd is an eventfd, readable when a response waits. */
struct fake_sg {
	const char *node;
	int fd; /* -1: not open */
	int open_flags, reserved;
	bool pending;	      /* a command was written and not read */
	int reply;	      /* its canned reply */
	struct sg_io_hdr req; /* the header as written */
};

static struct {
	pthread_mutex_t lock;
	pthread_cond_t released;
	struct sg_reply replies[MAX_REPLIES];
	int nreplies, calls, sg_writes, sg_reads;
	struct sg_io_hdr hdr; /* the last request */
	unsigned char cdb[16];
	int blksz;     /* BLKSSZGET answer, 0: ENOTTY */
	bool no_sg_io; /* the block device is not SCSI */
	struct fake_sg sg[NSG];
	bool frozen; /* CLOCK_MONOTONIC returns now_ts */
	struct timespec now_ts;
} fake = {.lock = PTHREAD_MUTEX_INITIALIZER, .released = PTHREAD_COND_INITIALIZER};

static char tmpdir[] = "/tmp/test_checkers.XXXXXX";
static char node_pool[64], node_sg3[64], node_sg4[64];

int __wrap_ioctl(int fd, unsigned long req, ...);
int __real_ioctl(int fd, unsigned long req, ...);
int __wrap_open(const char *path, int flags, ...);
int __real_open(const char *path, int flags, ...);
int __wrap_close(int fd);
int __real_close(int fd);
ssize_t __wrap_write(int fd, const void *buf, size_t len);
ssize_t __real_write(int fd, const void *buf, size_t len);
ssize_t __wrap_read(int fd, void *buf, size_t len);
ssize_t __real_read(int fd, void *buf, size_t len);
int __wrap_clock_gettime(clockid_t id, struct timespec *ts);
int __real_clock_gettime(clockid_t id, struct timespec *ts);

/* ---- the fake kernel ---- */

/* Fill the request's header and buffers from reply r. */
static void reply_apply(const struct sg_reply *r, struct sg_io_hdr *hdr)
{
	hdr->status = r->status;
	hdr->masked_status = r->status >> 1;
	hdr->host_status = r->host;
	hdr->driver_status = r->driver;
	hdr->resid = r->resid;
	hdr->sb_len_wr = r->sense_len < hdr->mx_sb_len ? r->sense_len : hdr->mx_sb_len;
	memcpy(hdr->sbp, r->sense, hdr->sb_len_wr);
	if (r->data && hdr->dxferp) {
		unsigned n = r->data_len < hdr->dxfer_len ? r->data_len : hdr->dxfer_len;

		memcpy(hdr->dxferp, r->data, n);
		hdr->resid = (int)(hdr->dxfer_len - n);
	} else if (hdr->dxferp && hdr->dxfer_len > (unsigned)r->resid) {
		memset(hdr->dxferp, 0x5a, hdr->dxfer_len - (unsigned)r->resid);
	}
}

/* Called with the lock held: take the next reply for a request. */
static struct sg_reply *request_take(const struct sg_io_hdr *hdr, int sg)
{
	struct sg_reply *r;

	if (fake.calls >= fake.nreplies)
		return NULL;
	r = &fake.replies[fake.calls++];
	r->sg = sg;
	fake.hdr = *hdr;
	if (hdr->cmd_len <= sizeof(fake.cdb))
		memcpy(fake.cdb, hdr->cmdp, hdr->cmd_len);
	return r;
}

/* SG_IO on the block device, in a pool worker: no cmocka asserts here. */
static int fake_sg_io(struct sg_io_hdr *hdr)
{
	struct sg_reply *r;
	int err = 0;

	pthread_mutex_lock(&fake.lock);
	r = request_take(hdr, -1);
	if (!r)
		err = EPROTO; /* the test did not expect this call: fails it */
	else if (r->err)
		err = r->err;
	while (r && !err && r->hold && !r->released)
		pthread_cond_wait(&fake.released, &fake.lock);
	if (r && !err)
		reply_apply(r, hdr);
	pthread_mutex_unlock(&fake.lock);
	if (err) {
		errno = err;
		return -1;
	}
	return 0;
}

static struct fake_sg *sg_of_fd(int fd)
{
	for (int i = 0; i < NSG; i++)
		if (fd >= 0 && fake.sg[i].fd == fd)
			return &fake.sg[i];
	return NULL;
}

int __wrap_ioctl(int fd, unsigned long req, ...)
{
	struct fake_sg *sg = sg_of_fd(fd);
	va_list ap;
	void *arg;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (req == SG_IO && !sg)
		return fake_sg_io(arg);
	if (req == SG_GET_VERSION_NUM && (sg || !fake.no_sg_io)) {
		*(int *)arg = 30527;
		return 0;
	}
	if (req == SG_GET_VERSION_NUM) {
		errno = ENOTTY;
		return -1;
	}
	if (req == SG_SET_RESERVED_SIZE && sg) {
		sg->reserved = *(int *)arg;
		return 0;
	}
	if (req == BLKSSZGET) {
		if (!fake.blksz) {
			errno = ENOTTY;
			return -1;
		}
		*(int *)arg = fake.blksz;
		return 0;
	}
	return __real_ioctl(fd, req, arg);
}

int __wrap_open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	for (int i = 0; i < NSG; i++) {
		struct fake_sg *sg = &fake.sg[i];

		if (strcmp(path, sg->node))
			continue;
		assert_int_equal(sg->fd, -1);
		sg->fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		sg->open_flags = flags;
		sg->pending = false;
		return sg->fd;
	}
	va_start(ap, flags);
	mode = va_arg(ap, mode_t);
	va_end(ap);
	return __real_open(path, flags, mode);
}

int __wrap_close(int fd)
{
	struct fake_sg *sg = sg_of_fd(fd);

	/* the sg driver drops a response still to come */
	if (sg) {
		sg->fd = -1;
		sg->pending = false;
	}
	return __real_close(fd);
}

ssize_t __wrap_write(int fd, const void *buf, size_t len)
{
	struct fake_sg *sg = sg_of_fd(fd);
	struct sg_reply *r;

	if (!sg)
		return __real_write(fd, buf, len);
	assert_int_equal(len, sizeof(struct sg_io_hdr));
	assert_false(sg->pending); /* one command at a time */
	pthread_mutex_lock(&fake.lock);
	fake.sg_writes++;
	r = request_take(buf, (int)(sg - fake.sg));
	pthread_mutex_unlock(&fake.lock);
	assert_non_null(r);
	if (r->err) {
		errno = r->err;
		return -1;
	}
	sg->req = *(const struct sg_io_hdr *)buf;
	sg->reply = (int)(r - fake.replies);
	sg->pending = true;
	if (!r->hold)
		eventfd_write(sg->fd, 1);
	return (ssize_t)len;
}

ssize_t __wrap_read(int fd, void *buf, size_t len)
{
	struct fake_sg *sg = sg_of_fd(fd);
	eventfd_t v;

	if (!sg)
		return __real_read(fd, buf, len);
	assert_int_equal(len, sizeof(struct sg_io_hdr));
	if (eventfd_read(sg->fd, &v) < 0) {
		errno = EAGAIN;
		return -1;
	}
	assert_true(sg->pending);
	fake.sg_reads++;
	reply_apply(&fake.replies[sg->reply], &sg->req);
	memcpy(buf, &sg->req, sizeof(sg->req));
	sg->pending = false;
	return (ssize_t)len;
}

int __wrap_clock_gettime(clockid_t id, struct timespec *ts)
{
	if (id == CLOCK_MONOTONIC && fake.frozen) {
		*ts = fake.now_ts;
		return 0;
	}
	return __real_clock_gettime(id, ts);
}

/* ---- canned replies ---- */

static struct sg_reply *reply_add(void)
{
	struct sg_reply *r;

	assert_true(fake.nreplies < MAX_REPLIES);
	pthread_mutex_lock(&fake.lock);
	r = memset(&fake.replies[fake.nreplies++], 0, sizeof(struct sg_reply));
	pthread_mutex_unlock(&fake.lock);
	return r;
}

static void reply_good(void)
{
	reply_add();
}

/* GOOD with len bytes of data (the rest of the buffer is residual) */
static void reply_data(const unsigned char *data, unsigned len)
{
	struct sg_reply *r = reply_add();

	r->data = data;
	r->data_len = len;
}

static void reply_hold(void)
{
	reply_add()->hold = true;
}

static void reply_errno(int err)
{
	reply_add()->err = err;
}

/* CHECK CONDITION with fixed format sense data */
static void reply_sense(unsigned char key, unsigned char asc, unsigned char ascq)
{
	struct sg_reply *r = reply_add();

	r->status = 0x02;
	r->driver = 0x08; /* DRIVER_SENSE */
	r->sense[0] = 0x70;
	r->sense[2] = key;
	r->sense[7] = 10;
	r->sense[12] = asc;
	r->sense[13] = ascq;
	r->sense_len = 18;
}

/* CHECK CONDITION with descriptor format sense data */
static void reply_sense_desc(unsigned char key, unsigned char asc, unsigned char ascq)
{
	struct sg_reply *r = reply_add();

	r->status = 0x02;
	r->sense[0] = 0x72;
	r->sense[1] = key;
	r->sense[2] = asc;
	r->sense[3] = ascq;
	r->sense_len = 8;
}

/* Let held reply i complete. */
static void reply_release(int i)
{
	struct sg_reply *r = &fake.replies[i];

	pthread_mutex_lock(&fake.lock);
	r->released = true;
	pthread_cond_broadcast(&fake.released);
	pthread_mutex_unlock(&fake.lock);
	if (r->sg >= 0 && fake.sg[r->sg].pending && fake.sg[r->sg].reply == i)
		eventfd_write(fake.sg[r->sg].fd, 1);
}

static int calls(void)
{
	int n;

	pthread_mutex_lock(&fake.lock);
	n = fake.calls;
	pthread_mutex_unlock(&fake.lock);
	return n;
}

/* Wait (up to 2 s) until n requests reached the fake: a pool worker took
 * the job. */
static void wait_taken(int n)
{
	for (int i = 0; i < 2000 && calls() < n; i++)
		usleep(1000);
	assert_int_equal(calls(), n);
}

/* ---- time ---- */

static struct timespec mono_now(void)
{
	struct timespec ts;

	__real_clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts;
}

static long ms_since(const struct timespec *t0)
{
	struct timespec t = mono_now();

	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

static struct timespec in_ms(long ms)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	t.tv_sec += ms / 1000;
	t.tv_nsec += (ms % 1000) * 1000000L;
	if (t.tv_nsec >= 1000000000L) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000L;
	}
	return t;
}

/* Freeze CLOCK_MONOTONIC at base + sec s + nsec ns. */
static void clock_freeze(const struct timespec *base, long s, long ns)
{
	fake.now_ts = *base;
	fake.now_ts.tv_sec += s;
	fake.now_ts.tv_nsec += ns;
	while (fake.now_ts.tv_nsec < 0) {
		fake.now_ts.tv_sec--;
		fake.now_ts.tv_nsec += 1000000000L;
	}
	fake.frozen = true;
}

/* ---- helpers ---- */

/* The backends, as cmocka prestates. */
static const char *const backend_sg = node_sg3;
static const char *const backend_pool = node_pool;

static const char *backend(void **state)
{
	return *(const char *const *)*state;
}

static struct checker *new_checker_on(const char *name, const char *node, unsigned timeout_s)
{
	struct checker *c = NULL;

	assert_int_equal(checker_new(name, node, timeout_s, &c), 0);
	assert_non_null(c);
	assert_string_equal(checker_name(c), name);
	return c;
}

/* start a check and wait (up to 2 s) for its verdict */
static int run(struct checker *c)
{
	struct timespec deadline;

	assert_int_equal(checker_start(c), 0);
	deadline = in_ms(2000);
	return checker_poll(c, &deadline);
}

static bool fd_readable(int fd)
{
	struct pollfd pfd = {.fd = fd, .events = POLLIN};

	return poll(&pfd, 1, 0) == 1 && (pfd.revents & POLLIN);
}

/* Wait up to 2 s for the pool to reach a state. */
static bool pool_wait(unsigned queued, unsigned orphans)
{
	for (int i = 0; i < 2000; i++) {
		struct sg_pool_stats st;

		sg_pool_stats(&st);
		if (st.queued == queued && st.orphans == orphans)
			return true;
		usleep(1000);
	}
	return false;
}

static int setup(void **state)
{
	(void)state;
	pthread_mutex_lock(&fake.lock);
	memset(fake.replies, 0, sizeof(fake.replies));
	fake.nreplies = fake.calls = fake.sg_writes = fake.sg_reads = 0;
	fake.blksz = 0;
	fake.no_sg_io = false;
	fake.frozen = false;
	pthread_mutex_unlock(&fake.lock);
	for (int i = 0; i < NSG; i++) {
		fake.sg[i].fd = -1;
		fake.sg[i].pending = false;
	}
	fake.sg[0].node = "/dev/sg3";
	fake.sg[1].node = "/dev/sg4";
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	/* nothing may stay blocked in the fake */
	for (int i = 0; i < fake.nreplies; i++)
		reply_release(i);
	assert_true(pool_wait(0, 0));
	for (int i = 0; i < NSG; i++)
		assert_int_equal(fake.sg[i].fd, -1); /* every sg fd closed */
	return 0;
}

static int mkdirs(const char *path)
{
	char buf[320];

	snprintf(buf, sizeof(buf), "mkdir -p '%s'", path);
	return system(buf);
}

static int touch(const char *path)
{
	int fd = __real_open(path, O_CREAT | O_WRONLY, 0600);

	return fd < 0 ? -1 : __real_close(fd);
}

static int group_setup(void **state)
{
	char path[256];

	(void)state;
	if (!mkdtemp(tmpdir))
		return -1;
	snprintf(node_pool, sizeof(node_pool), "%s/sda", tmpdir);
	snprintf(node_sg3, sizeof(node_sg3), "%s/sdb", tmpdir);
	snprintf(node_sg4, sizeof(node_sg4), "%s/sdc", tmpdir);
	snprintf(path, sizeof(path), "%s/sys/block/sdb/device/scsi_generic/sg3", tmpdir);
	if (mkdirs(path))
		return -1;
	snprintf(path, sizeof(path), "%s/sys/block/sdc/device/scsi_generic/sg4", tmpdir);
	if (mkdirs(path))
		return -1;
	/* sda: a block directory without scsi_generic (no sg module) */
	snprintf(path, sizeof(path), "%s/sys/block/sda/device", tmpdir);
	if (mkdirs(path) || touch(node_pool) || touch(node_sg3) || touch(node_sg4))
		return -1;
	snprintf(path, sizeof(path), "%s/sys", tmpdir);
	return sysfs_set_root(path);
}

static int group_teardown(void **state)
{
	char cmd[128];

	(void)state;
	sysfs_set_root(NULL);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd);
}

/* ---- registry, none ---- */

static void test_registry(void **state)
{
	struct checker *c = (struct checker *)&fake;

	(void)state;
	assert_true(checker_known("tur"));
	assert_true(checker_known("directio"));
	assert_true(checker_known("readsector0"));
	assert_true(checker_known("none"));
	assert_true(checker_known("emc_clariion"));
	assert_true(checker_known("rdac"));
	assert_true(checker_known("hp_sw"));
	assert_true(checker_known("cciss_tur"));
	assert_false(checker_known("alua"));
	assert_false(checker_known(NULL));
	/* the configuration accepts exactly the registered names */
	assert_int_equal(checker_count(), 8);
	for (size_t i = 0; i < checker_count(); i++) {
		assert_true(checker_name_valid(checker_name_at(i)));
		assert_true(checker_known(checker_name_at(i)));
	}
	assert_null(checker_name_at(checker_count()));
	assert_int_equal(checker_new("bogus", node_pool, 5, &c), -ENOENT);
	assert_ptr_equal(c, &fake);
	/* a missing device node is not an unknown checker */
	assert_int_equal(checker_new("tur", "/nonexistent/sdq", 5, &c), -ENODEV);
	assert_ptr_equal(c, &fake);
	checker_free(NULL);
}

static void test_none(void **state)
{
	struct checker *c = new_checker_on("none", node_pool, 5);

	(void)state;
	assert_int_equal(checker_state(c), PATH_UNCHECKED);
	assert_string_equal(checker_msg(c), "");
	assert_int_equal(checker_check(c), PATH_UP);
	assert_int_equal(checker_poll(c, NULL), PATH_UP);
	assert_string_equal(checker_msg(c), "");
	assert_int_equal(checker_poll_fd(c), -1);
	assert_int_equal(calls(), 0);
	checker_free(c);
}

/* ---- verdicts, on both backends ---- */

static void test_tur_good(void **state)
{
	static const unsigned char tur[6] = {0};
	struct checker *c = new_checker_on("tur", backend(state), 7);

	reply_good();
	assert_int_equal(checker_check(c), PATH_UP);
	assert_int_equal(calls(), 1);
	assert_int_equal(fake.hdr.interface_id, 'S');
	assert_int_equal(fake.hdr.cmd_len, 6);
	assert_memory_equal(fake.cdb, tur, 6);
	assert_int_equal(fake.hdr.dxfer_direction, SG_DXFER_NONE);
	assert_int_equal(fake.hdr.dxfer_len, 0);
	assert_int_equal(fake.hdr.timeout, 7000);
	assert_int_equal(fake.hdr.flags, 0); /* indirect IO: no direct, no mmap */
	assert_true(fake.hdr.mx_sb_len >= 18);
	assert_non_null(strstr(checker_msg(c), "up"));
	/* the stored verdict until the next start */
	assert_int_equal(checker_poll(c, NULL), PATH_UP);
	assert_int_equal(checker_state(c), PATH_UP);
	assert_int_equal(calls(), 1);
	checker_free(c);
}

static void test_tur_standby(void **state)
{
	struct checker *c = new_checker_on("tur", backend(state), 5);

	reply_sense(0x2, 0x04, 0x0b);	   /* target port in standby */
	reply_sense_desc(0x2, 0x04, 0x0c); /* target port unavailable */
	reply_sense(0x2, 0x04, 0x02);	   /* initializing command required */
	reply_sense_desc(0x2, 0x3a, 0x00); /* medium not present */
	assert_int_equal(run(c), PATH_GHOST);
	assert_non_null(strstr(checker_msg(c), "2/04/0b"));
	assert_int_equal(run(c), PATH_GHOST);
	assert_int_equal(run(c), PATH_DOWN);
	assert_non_null(strstr(checker_msg(c), "2/04/02"));
	assert_int_equal(run(c), PATH_DOWN);
	assert_int_equal(calls(), 4);
	checker_free(c);
}

static void test_tur_unit_attention(void **state)
{
	struct checker *c = new_checker_on("tur", backend(state), 5);

	/* retried */
	reply_sense(0x6, 0x29, 0x00);
	reply_good();
	assert_int_equal(run(c), PATH_UP);
	assert_int_equal(calls(), 2);
	/* the retry sees the real state */
	reply_sense_desc(0x6, 0x2a, 0x06);
	reply_sense(0x2, 0x04, 0x0b);
	assert_int_equal(run(c), PATH_GHOST);
	assert_int_equal(calls(), 4);
	/* up to SCSI_RETRIES times: three unit attentions in a row are fine */
	for (int i = 0; i < SCSI_RETRIES; i++)
		reply_sense(0x6, 0x29, 0x00);
	reply_good();
	assert_int_equal(run(c), PATH_UP);
	assert_int_equal(calls(), 8);
	/* one more and the check gives up */
	for (int i = 0; i <= SCSI_RETRIES; i++)
		reply_sense(0x6, 0x29, 0x00);
	reply_good();
	assert_int_equal(run(c), PATH_DOWN);
	assert_int_equal(calls(), 12);
	assert_non_null(strstr(checker_msg(c), "6/29/00"));
	checker_free(c);
}

static void test_tur_transient_host_status(void **state)
{
	/* DID_REQUEUE, DID_IMM_RETRY, DID_SOFT_ERROR, DID_BUS_BUSY: retried */
	static const unsigned char transient[] = {0x0d, 0x0c, 0x0b, 0x02};
	struct checker *c = new_checker_on("tur", backend(state), 5);

	for (size_t i = 0; i < sizeof(transient); i++) {
		reply_add()->host = transient[i];
		reply_good();
		assert_int_equal(run(c), PATH_UP);
	}
	assert_int_equal(calls(), 8);
	for (int i = 0; i <= SCSI_RETRIES; i++)
		reply_add()->host = 0x0d;
	assert_int_equal(run(c), PATH_DOWN);
	assert_non_null(strstr(checker_msg(c), "host status 0xd"));
	assert_int_equal(calls(), 12);
	/* BUSY, TASK SET FULL, ABORTED COMMAND, NOT READY becoming ready too */
	reply_add()->status = 0x08;
	reply_add()->status = 0x28;
	reply_sense(0xb, 0x47, 0x00);
	reply_good();
	assert_int_equal(run(c), PATH_UP);
	reply_sense(0x2, 0x04, 0x01);
	reply_good();
	assert_int_equal(run(c), PATH_UP);
	/* a recovered error is no error */
	reply_sense(0x1, 0x5d, 0x00);
	assert_int_equal(run(c), PATH_UP);
	assert_int_equal(calls(), 19);
	checker_free(c);
}

static void test_tur_failures(void **state)
{
	struct checker *c = new_checker_on("tur", backend(state), 5);
	struct sg_reply *r;

	reply_sense(0x3, 0x11, 0x00); /* medium error */
	assert_int_equal(run(c), PATH_DOWN);
	reply_add()->host = 0x01; /* DID_NO_CONNECT */
	assert_int_equal(run(c), PATH_DOWN);
	assert_non_null(strstr(checker_msg(c), "host status 0x1"));
	reply_add()->host = 0x03; /* DID_TIME_OUT */
	assert_int_equal(run(c), PATH_TIMEOUT);
	assert_non_null(strstr(checker_msg(c), "timed out"));
	reply_add()->driver = 0x06; /* DRIVER_TIMEOUT */
	assert_int_equal(run(c), PATH_TIMEOUT);
	reply_add()->status = 0x18; /* RESERVATION CONFLICT */
	assert_int_equal(run(c), PATH_DOWN);
	assert_non_null(strstr(checker_msg(c), "SCSI status 0x18"));
	r = reply_add(); /* CHECK CONDITION, no sense data */
	r->status = 0x02;
	assert_int_equal(run(c), PATH_DOWN);
	reply_errno(ENODEV); /* the device is gone */
	assert_int_equal(run(c), PATH_DOWN);
	assert_non_null(strstr(checker_msg(c), "failed"));
	assert_int_equal(calls(), 7);
	checker_free(c);
}

static void test_tur_cannot_run(void **state)
{
	struct checker *c = new_checker_on("tur", backend(state), 5);
	struct timespec deadline;

	reply_errno(EINTR); /* interrupted: tried again */
	reply_good();
	assert_int_equal(run(c), PATH_UP);
	assert_int_equal(calls(), 2);
	reply_errno(EINVAL); /* the driver refuses the request */
	if (backend(state) == backend_sg) {
		/* write() says so at once */
		assert_int_equal(checker_start(c), -EINVAL);
	} else {
		/* the worker finds out */
		assert_int_equal(checker_start(c), 0);
		deadline = in_ms(2000);
		assert_int_equal(checker_poll(c, &deadline), PATH_WILD);
	}
	assert_int_equal(checker_poll(c, NULL), PATH_WILD);
	assert_non_null(strstr(checker_msg(c), "could not run"));
	checker_free(c);
}

static void test_readsector0(void **state)
{
	static const unsigned char read10[10] = {0x28, 0, 0, 0, 0, 0, 0, 0, 1, 0};
	struct checker *c = new_checker_on("readsector0", backend(state), 3);

	reply_good();
	assert_int_equal(checker_check(c), PATH_UP);
	assert_int_equal(fake.hdr.cmd_len, 10);
	assert_memory_equal(fake.cdb, read10, 10);
	assert_int_equal(fake.hdr.dxfer_direction, SG_DXFER_FROM_DEV);
	assert_int_equal(fake.hdr.dxfer_len, 512); /* BLKSSZGET failed */
	assert_non_null(fake.hdr.dxferp);
	assert_int_equal(fake.hdr.timeout, 3000);
	reply_add()->resid = 12;
	assert_int_equal(run(c), PATH_DOWN);
	assert_non_null(strstr(checker_msg(c), "short read, 500 of 512"));
	reply_sense(0x2, 0x04, 0x0b);
	assert_int_equal(run(c), PATH_GHOST);
	reply_sense(0x3, 0x11, 0x00);
	assert_int_equal(run(c), PATH_DOWN);
	checker_free(c);

	fake.blksz = 4096;
	c = new_checker_on("readsector0", backend(state), 3);
	reply_good();
	assert_int_equal(run(c), PATH_UP);
	assert_int_equal(fake.hdr.dxfer_len, 4096);
	checker_free(c);
}

/* ---- asynchronous behaviour, on both backends ---- */

/* start never waits; pending until the answer, then up; the poll fd says when */
static void test_start_does_not_block(void **state)
{
	struct checker *c = new_checker_on("tur", backend(state), 5);
	struct timespec t0 = mono_now(), deadline;
	int fd = checker_poll_fd(c);

	assert_true(fd >= 0);
	reply_hold();
	assert_int_equal(checker_start(c), 0);
	/* the reply is held: a blocking call would never return */
	assert_true(ms_since(&t0) < 500);
	assert_int_equal(checker_poll(c, NULL), PATH_PENDING);
	/* a start while in flight issues nothing */
	assert_int_equal(checker_start(c), 0);
	/* poll waits until the deadline, not longer */
	t0 = mono_now();
	deadline = in_ms(50);
	assert_int_equal(checker_poll(c, &deadline), PATH_PENDING);
	assert_true(ms_since(&t0) >= 49);
	assert_true(ms_since(&t0) < 1000);
	assert_false(fd_readable(fd));
	assert_int_equal(calls(), 1);
	assert_int_equal(checker_state(c), PATH_UNCHECKED);

	reply_release(0);
	for (int i = 0; i < 2000 && !fd_readable(fd); i++)
		usleep(1000);
	assert_true(fd_readable(fd));
	assert_int_equal(checker_poll(c, NULL), PATH_UP);
	assert_false(fd_readable(fd));
	assert_int_equal(checker_poll_fd(c), fd);
	assert_int_equal(calls(), 1);
	checker_free(c);
}

/* pending until exactly the timeout, then timeout; the stuck command is
 * not resubmitted; its late answer is not used; then the next start runs */
static void test_timeout_stuck_late(void **state)
{
	struct checker *c = new_checker_on("readsector0", backend(state), 5);
	struct timespec base = mono_now(), deadline;

	clock_freeze(&base, 0, 0);
	reply_hold();
	assert_int_equal(checker_start(c), 0);
	wait_taken(1);
	clock_freeze(&base, 5, -1);
	assert_int_equal(checker_poll(c, NULL), PATH_PENDING);
	clock_freeze(&base, 5, 0);
	assert_int_equal(checker_poll(c, NULL), PATH_TIMEOUT);
	assert_non_null(strstr(checker_msg(c), "timed out after 5s"));
	/* a deadline far ahead: the verdict is known, no wait */
	deadline = in_ms(10000);
	assert_int_equal(checker_poll(c, &deadline), PATH_TIMEOUT);
	/* stuck: the next ticks issue nothing and keep saying timeout */
	clock_freeze(&base, 60, 0);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(checker_start(c), 0);
		assert_int_equal(checker_poll(c, NULL), PATH_TIMEOUT);
	}
	assert_int_equal(calls(), 1);

	/* the kernel finally answers: not used, the checker is idle again */
	reply_release(0);
	deadline = in_ms(2000);
	for (int i = 0; i < 2000 && !fd_readable(checker_poll_fd(c)); i++)
		usleep(1000);
	assert_int_equal(checker_poll(c, NULL), PATH_TIMEOUT);
	assert_non_null(strstr(checker_msg(c), "answered late"));
	reply_good();
	assert_int_equal(checker_start(c), 0);
	assert_int_equal(checker_poll(c, &deadline), PATH_UP);
	assert_int_equal(calls(), 2);
	checker_free(c);
}

/* a wait for a far deadline ends at the check's timeout */
static void test_wait_ends_at_timeout(void **state)
{
	struct checker *c = new_checker_on("tur", backend(state), 1);
	struct timespec t0 = mono_now(), deadline;

	reply_hold();
	assert_int_equal(checker_start(c), 0);
	deadline = in_ms(10000);
	assert_int_equal(checker_poll(c, &deadline), PATH_TIMEOUT);
	assert_true(ms_since(&t0) >= 999);
	assert_true(ms_since(&t0) < 3000);
	checker_free(c); /* with the command still in flight */
}

/* the UNIT ATTENTION retry is a second asynchronous command */
static void test_unit_attention_async(void **state)
{
	struct checker *c = new_checker_on("tur", backend(state), 5);
	struct timespec base = mono_now(), deadline;

	clock_freeze(&base, 0, 0);
	reply_sense(0x6, 0x29, 0x00);
	reply_hold();
	assert_int_equal(checker_start(c), 0);
	/* the first answer arrives: poll resubmits and says pending */
	clock_freeze(&base, 2, 0);
	for (int i = 0; i < 2000 && calls() < 2; i++) {
		assert_int_equal(checker_poll(c, NULL), PATH_PENDING);
		usleep(1000);
	}
	assert_int_equal(calls(), 2);
	/* the retry gets what is left of the check's time */
	assert_int_equal(fake.hdr.timeout, 3000);
	assert_int_equal(checker_poll(c, NULL), PATH_PENDING);
	reply_release(1);
	deadline = in_ms(2000);
	fake.frozen = false;
	assert_int_equal(checker_poll(c, &deadline), PATH_UP);
	assert_int_equal(calls(), 2);
	checker_free(c);
}

/* free with a command in flight returns at once and closes the fds */
static void test_free_in_flight(void **state)
{
	struct checker *c = new_checker_on("readsector0", backend(state), 5);
	struct timespec t0;

	reply_hold();
	assert_int_equal(checker_start(c), 0);
	wait_taken(1);
	t0 = mono_now();
	checker_free(c);
	/* the reply is held: a blocking call would never return */
	assert_true(ms_since(&t0) < 500);
	if (backend(state) == backend_sg) {
		assert_int_equal(fake.sg[0].fd, -1);
		assert_false(fake.sg[0].pending); /* dropped, never copied out */
		assert_int_equal(fake.sg_reads, 0);
	} else {
		struct sg_pool_stats st;

		sg_pool_stats(&st);
		assert_int_equal(st.orphans, 1);
		reply_release(0); /* the worker frees the job (ASan checks) */
		assert_true(pool_wait(0, 0));
	}
}

/* ---- the sg node ---- */

static void test_sg_node(void **state)
{
	struct checker *c = new_checker_on("tur", node_sg3, 5);
	struct sg_pool_stats st;
	int id;

	(void)state;
	assert_true(fake.sg[0].fd >= 0);
	assert_int_equal(fake.sg[0].open_flags & O_ACCMODE, O_RDWR);
	assert_true(fake.sg[0].open_flags & O_NONBLOCK);
	assert_int_equal(fake.sg[0].reserved, 0);
	assert_int_equal(checker_poll_fd(c), fake.sg[0].fd);
	assert_string_equal(checker_sg_node(c), "sg3");
	reply_good();
	reply_good();
	assert_int_equal(run(c), PATH_UP);
	assert_int_equal(fake.sg_writes, 1);
	assert_int_equal(fake.sg_reads, 1);
	/* every command has its own pack_id */
	id = fake.hdr.pack_id;
	assert_int_equal(run(c), PATH_UP);
	assert_int_not_equal(fake.hdr.pack_id, id);
	checker_free(c);
	assert_int_equal(fake.sg[0].fd, -1);

	fake.blksz = 4096;
	c = new_checker_on("readsector0", node_sg4, 5);
	assert_int_equal(fake.sg[1].reserved, 4096);
	assert_string_equal(checker_sg_node(c), "sg4");
	checker_free(c);

	/* no sg node: the pool, whose fd is an eventfd; its worker is
	 * started now, not by checker_start() */
	c = new_checker_on("tur", node_pool, 5);
	assert_string_equal(checker_sg_node(c), "");
	assert_true(checker_poll_fd(c) >= 0);
	sg_pool_stats(&st);
	assert_true(st.workers >= 1);
	checker_free(c);
}

/* a hung path does not delay a healthy one */
static void test_sg_hung_and_healthy(void **state)
{
	struct checker *hung = new_checker_on("tur", node_sg3, 5);
	struct checker *ok = new_checker_on("tur", node_sg4, 5);
	struct timespec t0 = mono_now(), deadline;

	(void)state;
	reply_hold(); /* the first command: sg3's */
	reply_good();
	assert_int_equal(checker_start(hung), 0);
	assert_int_equal(checker_start(ok), 0);
	/* the reply is held: a blocking call would never return */
	assert_true(ms_since(&t0) < 500);
	deadline = in_ms(1000);
	assert_int_equal(checker_poll(ok, &deadline), PATH_UP);
	assert_true(ms_since(&t0) < 900);
	assert_int_equal(checker_poll(hung, NULL), PATH_PENDING);
	checker_free(hung);
	checker_free(ok);
}

/* ---- the worker pool ---- */

static void test_pool_not_scsi(void **state)
{
	struct checker *c;

	(void)state;
	fake.no_sg_io = true;
	c = new_checker_on("tur", node_pool, 5);
	assert_int_equal(checker_start(c), -ENOTTY);
	assert_int_equal(checker_poll(c, NULL), PATH_WILD);
	assert_non_null(strstr(checker_msg(c), "could not run"));
	assert_int_equal(checker_check(c), PATH_WILD);
	assert_int_equal(calls(), 0);
	checker_free(c);
}

/* all workers stuck on hung devices: a queued check times out and is
 * taken back; the pool recovers when the devices answer */
static void test_pool_all_workers_stuck(void **state)
{
	struct checker *stuck[SG_POOL_WORKERS], *c;
	struct timespec base = mono_now(), deadline;
	struct sg_pool_stats st;

	(void)state;
	for (int i = 0; i < SG_POOL_WORKERS; i++) {
		stuck[i] = new_checker_on("tur", node_pool, 5);
		sg_pool_stats(&st);
		assert_true(st.workers >= (unsigned)i + 1); /* one per checker */
		reply_hold();
		assert_int_equal(checker_start(stuck[i]), 0);
	}
	wait_taken(SG_POOL_WORKERS);
	sg_pool_stats(&st);
	assert_int_equal(st.workers, SG_POOL_WORKERS);

	clock_freeze(&base, 0, 0);
	c = new_checker_on("tur", node_pool, 5);
	reply_good();
	assert_int_equal(checker_start(c), 0);
	sg_pool_stats(&st);
	assert_int_equal(st.queued, 1);
	assert_int_equal(st.workers, SG_POOL_WORKERS); /* bounded */
	clock_freeze(&base, 4, 0);
	assert_int_equal(checker_poll(c, NULL), PATH_PENDING);
	clock_freeze(&base, 5, 0);
	assert_int_equal(checker_poll(c, NULL), PATH_TIMEOUT);
	assert_non_null(strstr(checker_msg(c), "workers busy"));
	sg_pool_stats(&st);
	assert_int_equal(st.queued, 0); /* taken back */
	fake.frozen = false;

	/* one stuck checker goes away: its job is orphaned */
	checker_free(stuck[0]);
	sg_pool_stats(&st);
	assert_int_equal(st.orphans, 1);
	for (int i = 0; i < SG_POOL_WORKERS; i++)
		reply_release(i);
	assert_true(pool_wait(0, 0));
	/* the next check runs */
	deadline = in_ms(2000);
	assert_int_equal(checker_start(c), 0);
	assert_int_equal(checker_poll(c, &deadline), PATH_UP);
	for (int i = 1; i < SG_POOL_WORKERS; i++) {
		assert_int_equal(checker_poll(stuck[i], &deadline), PATH_UP);
		checker_free(stuck[i]);
	}
	checker_free(c);
}

/* runs first: the pool has no worker yet; checker_new() starts one, so
 * that checker_start() never pays for a thread */
static void test_pool_worker_at_new(void **state)
{
	struct sg_pool_stats st;
	struct checker *c;
	struct timespec deadline;

	(void)state;
	sg_pool_stats(&st);
	assert_int_equal(st.workers, 0);
	c = new_checker_on("tur", node_pool, 5);
	sg_pool_stats(&st);
	assert_int_equal(st.workers, 1);
	reply_good();
	deadline = in_ms(2000);
	assert_int_equal(checker_start(c), 0);
	assert_int_equal(checker_poll(c, &deadline), PATH_UP);
	sg_pool_stats(&st);
	assert_int_equal(st.workers, 1);
	checker_free(c);
}


/* ---- hp_sw, rdac, emc_clariion, cciss_tur ---- */

static void test_hp_sw(void **state)
{
	static const unsigned char tur[6] = {0};
	struct checker *c = new_checker_on("hp_sw", backend(state), 5);

	reply_good();
	assert_int_equal(run(c), PATH_UP);
	assert_memory_equal(fake.cdb, tur, 6);
	reply_sense(0x2, 0x04, 0x02); /* the passive controller */
	assert_int_equal(run(c), PATH_GHOST);
	assert_non_null(strstr(checker_msg(c), "passive"));
	reply_sense_desc(0x2, 0x04, 0x0b); /* ALUA standby */
	assert_int_equal(run(c), PATH_GHOST);
	reply_sense(0x2, 0x04, 0x03); /* manual intervention required */
	assert_int_equal(run(c), PATH_DOWN);
	reply_sense(0x6, 0x29, 0x00); /* retried like tur */
	reply_sense(0x2, 0x04, 0x02);
	assert_int_equal(run(c), PATH_GHOST);
	assert_int_equal(calls(), 6);
	checker_free(c);
}

static void test_cciss_tur(void **state)
{
	struct checker *c = new_checker_on("cciss_tur", backend(state), 5);

	reply_good();
	assert_int_equal(run(c), PATH_UP);
	assert_int_equal(fake.cdb[0], 0x00);
	reply_sense(0x2, 0x04, 0x02); /* not hp_sw: down */
	assert_int_equal(run(c), PATH_DOWN);
	checker_free(c);
}

/* Page 0xC9 "vac1" as an RDAC array returns it: byte 8 flags, byte 9 the
 * path priority, bytes 10/11 ALUA state and controller status. */
static void vac_page(unsigned char *p, unsigned char b8, unsigned char b9, unsigned char aas,
		     unsigned char ctl)
{
	memset(p, 0, 44);
	p[1] = 0xc9;
	p[3] = 40;
	memcpy(p + 4, "vac1", 4);
	p[8] = b8;
	p[9] = b9;
	p[10] = aas;
	p[11] = ctl;
}

static void test_rdac(void **state)
{
	static const unsigned char inq_c9[6] = {0x12, 0x01, 0xc9, 0x00, 0x80, 0x00};
	unsigned char pages[12][44];
	struct checker *c = new_checker_on("rdac", backend(state), 5);

	vac_page(pages[0], 0x01, 0x01, 0, 0); /* owner, preferred */
	vac_page(pages[1], 0x00, 0x02, 0, 0); /* alternate controller */
	vac_page(pages[2], 0x81, 0x02, 0, 0); /* AVT, owner */
	vac_page(pages[3], 0xe0, 0x01, 0x0, 0x01); /* ALUA mode: active/optimized */
	vac_page(pages[4], 0xe0, 0x01, 0x1, 0x01); /* active/non-optimized */
	vac_page(pages[5], 0xe0, 0x01, 0x2, 0x01); /* standby */
	vac_page(pages[6], 0xe0, 0x01, 0x3, 0x01); /* unavailable */
	vac_page(pages[7], 0xe0, 0x01, 0xf, 0x01); /* transitioning */
	vac_page(pages[8], 0xe0, 0x01, 0x0, 0x03); /* controller held in reset */
	vac_page(pages[9], 0xe0, 0x01, 0x0, 0x06); /* controller quiesced */
	vac_page(pages[10], 0x01, 0x01, 0, 0);
	pages[10][4] = 'x'; /* not the vac page */
	for (int i = 0; i <= 10; i++)
		reply_data(pages[i], 44);
	reply_data(pages[0], 6); /* too short */
	assert_int_equal(run(c), PATH_UP);
	assert_memory_equal(fake.cdb, inq_c9, 6);
	assert_int_equal(fake.hdr.dxfer_direction, SG_DXFER_FROM_DEV);
	assert_int_equal(fake.hdr.dxfer_len, 128);
	assert_int_equal(run(c), PATH_GHOST);
	assert_non_null(strstr(checker_msg(c), "passive"));
	assert_int_equal(run(c), PATH_UP);
	assert_int_equal(run(c), PATH_UP);
	assert_int_equal(run(c), PATH_UP);
	assert_int_equal(run(c), PATH_GHOST);
	assert_int_equal(run(c), PATH_DOWN);
	assert_int_equal(run(c), PATH_GHOST);
	assert_int_equal(run(c), PATH_DOWN);
	assert_non_null(strstr(checker_msg(c), "held in reset"));
	assert_int_equal(run(c), PATH_GHOST);
	assert_non_null(strstr(checker_msg(c), "quiesced"));
	assert_int_equal(run(c), PATH_DOWN);
	assert_non_null(strstr(checker_msg(c), "0xC9"));
	assert_int_equal(run(c), PATH_DOWN);
	/* the command itself failing: the usual rules */
	reply_sense(0x5, 0x24, 0x00); /* page not supported */
	assert_int_equal(run(c), PATH_DOWN);
	reply_sense(0x6, 0x2a, 0x06); /* ALUA state changed: retried */
	reply_data(pages[0], 44);
	assert_int_equal(run(c), PATH_UP);
	assert_int_equal(calls(), 15);
	checker_free(c);
}

/* Page 0xC0 "unit path report" as a CLARiiON returns it. */
static void upr_page(unsigned char *p, unsigned char state, unsigned char sp,
		     unsigned char failover, unsigned char lun_op)
{
	memset(p, 0, 60);
	p[1] = 0xc0;
	p[3] = 56;
	p[4] = state;
	p[5] = 0; /* default owner SP A */
	p[8] = sp;
	p[28] = failover;
	p[48] = lun_op;
}

static void test_emc_clariion(void **state)
{
	static const unsigned char inq_c0[6] = {0x12, 0x01, 0xc0, 0x00, 0x80, 0x00};
	unsigned char pages[8][60];
	struct checker *c = new_checker_on("emc_clariion", backend(state), 5);

	upr_page(pages[0], 2, 0, 4, 0); /* owned by SP A, PNR */
	upr_page(pages[1], 1, 1, 4, 0); /* bound, SP B is passive */
	upr_page(pages[2], 1, 1, 6, 0); /* bound, ALUA: the other SP serves IO */
	upr_page(pages[3], 0, 0, 4, 0); /* unbound / LUN_Z */
	upr_page(pages[4], 2, 0, 4, 1); /* IO rejected: SP reboot */
	upr_page(pages[5], 7, 0, 4, 0); /* unknown state */
	upr_page(pages[6], 2, 0, 4, 0);
	pages[6][1] = 0x80; /* another page */
	for (int i = 0; i <= 6; i++)
		reply_data(pages[i], 60);
	assert_int_equal(run(c), PATH_UP);
	assert_memory_equal(fake.cdb, inq_c0, 6);
	assert_non_null(strstr(checker_msg(c), "SP A"));
	assert_int_equal(run(c), PATH_GHOST);
	assert_non_null(strstr(checker_msg(c), "SP B"));
	assert_int_equal(run(c), PATH_UP);
	assert_int_equal(run(c), PATH_DOWN);
	assert_non_null(strstr(checker_msg(c), "unbound"));
	assert_int_equal(run(c), PATH_DOWN);
	assert_non_null(strstr(checker_msg(c), "rejects IO"));
	assert_int_equal(run(c), PATH_DOWN);
	assert_int_equal(run(c), PATH_DOWN);
	assert_non_null(strstr(checker_msg(c), "0xC0"));
	/* a short page still has the LUN state */
	reply_data(pages[1], 9);
	assert_int_equal(run(c), PATH_GHOST);
	reply_errno(ENODEV);
	assert_int_equal(run(c), PATH_DOWN);
	checker_free(c);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
#define TEST_ON(f, b)                                                                              \
	cmocka_unit_test_prestate_setup_teardown(f, setup, teardown, (void *)&backend_##b)
#define TEST_BOTH(f) TEST_ON(f, sg), TEST_ON(f, pool)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    TEST(test_pool_worker_at_new),
	    TEST(test_registry),
	    TEST(test_none),
	    TEST_BOTH(test_tur_good),
	    TEST_BOTH(test_tur_standby),
	    TEST_BOTH(test_tur_unit_attention),
	    TEST_BOTH(test_tur_transient_host_status),
	    TEST_BOTH(test_tur_failures),
	    TEST_BOTH(test_tur_cannot_run),
	    TEST_BOTH(test_readsector0),
	    TEST_BOTH(test_hp_sw),
	    TEST_BOTH(test_cciss_tur),
	    TEST_BOTH(test_rdac),
	    TEST_BOTH(test_emc_clariion),
	    TEST_BOTH(test_start_does_not_block),
	    TEST_BOTH(test_timeout_stuck_late),
	    TEST_BOTH(test_wait_ends_at_timeout),
	    TEST_BOTH(test_unit_attention_async),
	    TEST_BOTH(test_free_in_flight),
	    TEST(test_sg_node),
	    TEST(test_sg_hung_and_healthy),
	    TEST(test_pool_not_scsi),
	    TEST(test_pool_all_workers_stuck),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
