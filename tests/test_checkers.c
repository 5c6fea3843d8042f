// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The checker registry and the SG_IO checkers (tur, readsector0) plus
 * none. ioctl() is wrapped (tests/wraps/test_checkers.mk): SG_IO answers
 * come from a queue of canned replies, BLKSSZGET from fake_blksz. The
 * device node is a regular temporary file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <linux/fs.h>
#include <scsi/sg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "checkers/checkers.h"

enum { MAX_REPLIES = 16 };

/* One canned SG_IO answer. */
struct sg_reply {
	int err; /* the ioctl fails with this errno */
	unsigned char status, host, driver;
	unsigned char sense[32];
	unsigned char sense_len;
	int resid;
};

static struct {
	struct sg_reply replies[MAX_REPLIES];
	int nreplies, calls;
	struct sg_io_hdr hdr; /* the last request */
	unsigned char cdb[16];
	int blksz; /* BLKSSZGET answer, 0: ENOTTY */
} fake;

static char devnode[] = "/tmp/test_checkers.XXXXXX";

int __wrap_ioctl(int fd, unsigned long req, ...);
int __real_ioctl(int fd, unsigned long req, ...);

static int fake_sg_io(struct sg_io_hdr *hdr)
{
	const struct sg_reply *r;

	assert_true(fake.calls < fake.nreplies);
	r = &fake.replies[fake.calls++];
	fake.hdr = *hdr;
	assert_true(hdr->cmd_len <= sizeof(fake.cdb));
	memcpy(fake.cdb, hdr->cmdp, hdr->cmd_len);
	if (r->err) {
		errno = r->err;
		return -1;
	}
	hdr->status = r->status;
	hdr->masked_status = r->status >> 1;
	hdr->host_status = r->host;
	hdr->driver_status = r->driver;
	hdr->resid = r->resid;
	hdr->sb_len_wr = r->sense_len < hdr->mx_sb_len ? r->sense_len : hdr->mx_sb_len;
	memcpy(hdr->sbp, r->sense, hdr->sb_len_wr);
	if (hdr->dxferp && hdr->dxfer_len > (unsigned)r->resid)
		memset(hdr->dxferp, 0x5a, hdr->dxfer_len - (unsigned)r->resid);
	return 0;
}

int __wrap_ioctl(int fd, unsigned long req, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (req == SG_IO)
		return fake_sg_io(arg);
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

/* ---- canned replies ---- */

static struct sg_reply *reply_add(void)
{
	assert_true(fake.nreplies < MAX_REPLIES);
	return memset(&fake.replies[fake.nreplies++], 0, sizeof(struct sg_reply));
}

static void reply_good(void)
{
	reply_add();
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

static struct checker *new_checker(const char *name, unsigned timeout_s)
{
	struct checker *c = NULL;

	assert_int_equal(checker_new(name, devnode, timeout_s, &c), 0);
	assert_non_null(c);
	assert_string_equal(checker_name(c), name);
	return c;
}

/* start a check and return its verdict */
static int run(struct checker *c)
{
	assert_int_equal(checker_start(c), 0);
	return checker_poll(c, NULL);
}

static int setup(void **state)
{
	(void)state;
	memset(&fake, 0, sizeof(fake));
	return 0;
}

static int group_setup(void **state)
{
	int fd = mkstemp(devnode);

	(void)state;
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	unlink(devnode);
	return 0;
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
	assert_false(checker_known("emc_clariion"));
	assert_false(checker_known(NULL));
	assert_int_equal(checker_new("bogus", devnode, 5, &c), -EINVAL);
	assert_ptr_equal(c, &fake);
	assert_int_equal(checker_new("tur", "/nonexistent/sdq", 5, &c), -ENOENT);
	assert_ptr_equal(c, &fake);
	checker_free(NULL);
}

static void test_none(void **state)
{
	struct checker *c = new_checker("none", 5);

	(void)state;
	assert_int_equal(checker_state(c), PATH_UNCHECKED);
	assert_string_equal(checker_msg(c), "");
	assert_int_equal(checker_check(c), PATH_UP);
	assert_int_equal(checker_poll(c, NULL), PATH_UP);
	assert_string_equal(checker_msg(c), "");
	assert_int_equal(fake.calls, 0);
	checker_free(c);
}

/* ---- tur ---- */

static void test_tur_good(void **state)
{
	static const unsigned char tur[6] = {0};
	struct checker *c = new_checker("tur", 7);

	(void)state;
	reply_good();
	assert_int_equal(checker_check(c), PATH_UP);
	assert_int_equal(fake.calls, 1);
	assert_int_equal(fake.hdr.interface_id, 'S');
	assert_int_equal(fake.hdr.cmd_len, 6);
	assert_memory_equal(fake.cdb, tur, 6);
	assert_int_equal(fake.hdr.dxfer_direction, SG_DXFER_NONE);
	assert_int_equal(fake.hdr.dxfer_len, 0);
	assert_int_equal(fake.hdr.timeout, 7000);
	assert_true(fake.hdr.mx_sb_len >= 18);
	assert_non_null(strstr(checker_msg(c), "up"));
	/* the stored verdict until the next start */
	assert_int_equal(checker_poll(c, NULL), PATH_UP);
	assert_int_equal(checker_state(c), PATH_UP);
	assert_int_equal(fake.calls, 1);
	checker_free(c);
}

static void test_tur_standby(void **state)
{
	struct checker *c = new_checker("tur", 5);

	(void)state;
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
	assert_int_equal(fake.calls, 4);
	checker_free(c);
}

static void test_tur_unit_attention(void **state)
{
	struct checker *c = new_checker("tur", 5);

	(void)state;
	/* retried once */
	reply_sense(0x6, 0x29, 0x00);
	reply_good();
	assert_int_equal(run(c), PATH_UP);
	assert_int_equal(fake.calls, 2);
	/* the retry sees the real state */
	reply_sense_desc(0x6, 0x2a, 0x06);
	reply_sense(0x2, 0x04, 0x0b);
	assert_int_equal(run(c), PATH_GHOST);
	assert_int_equal(fake.calls, 4);
	/* but only once */
	reply_sense(0x6, 0x29, 0x00);
	reply_sense(0x6, 0x29, 0x00);
	reply_good();
	assert_int_equal(run(c), PATH_DOWN);
	assert_int_equal(fake.calls, 6);
	assert_non_null(strstr(checker_msg(c), "6/29/00"));
	checker_free(c);
}

static void test_tur_transient_host_status(void **state)
{
	/* DID_REQUEUE, DID_IMM_RETRY, DID_SOFT_ERROR, DID_BUS_BUSY: retried once */
	static const unsigned char transient[] = {0x0d, 0x0c, 0x0b, 0x02};
	struct checker *c = new_checker("tur", 5);

	(void)state;
	for (size_t i = 0; i < sizeof(transient); i++) {
		reply_add()->host = transient[i];
		reply_good();
		assert_int_equal(run(c), PATH_UP);
	}
	assert_int_equal(fake.calls, 8);
	reply_add()->host = 0x0d;
	reply_add()->host = 0x0d;
	assert_int_equal(run(c), PATH_DOWN);
	assert_non_null(strstr(checker_msg(c), "host status 0xd"));
	assert_int_equal(fake.calls, 10);
	checker_free(c);
}

static void test_tur_failures(void **state)
{
	struct checker *c = new_checker("tur", 5);
	struct sg_reply *r;

	(void)state;
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
	reply_add()->status = 0x08; /* BUSY */
	assert_int_equal(run(c), PATH_DOWN);
	assert_non_null(strstr(checker_msg(c), "SCSI status 0x8"));
	r = reply_add(); /* CHECK CONDITION, no sense data */
	r->status = 0x02;
	assert_int_equal(run(c), PATH_DOWN);
	reply_errno(EIO); /* the device is gone */
	assert_int_equal(run(c), PATH_DOWN);
	assert_non_null(strstr(checker_msg(c), "SG_IO failed"));
	assert_int_equal(fake.calls, 7);
	checker_free(c);
}

static void test_tur_cannot_run(void **state)
{
	struct checker *c = new_checker("tur", 5);

	(void)state;
	reply_errno(EINTR); /* interrupted: tried again */
	reply_good();
	assert_int_equal(run(c), PATH_UP);
	assert_int_equal(fake.calls, 2);
	reply_errno(ENOTTY); /* not a SCSI device */
	assert_int_equal(checker_start(c), -ENOTTY);
	assert_int_equal(checker_poll(c, NULL), PATH_WILD);
	assert_non_null(strstr(checker_msg(c), "could not run"));
	reply_errno(ENOTTY);
	assert_int_equal(checker_check(c), PATH_WILD);
	checker_free(c);
}

/* ---- readsector0 ---- */

static void test_readsector0(void **state)
{
	static const unsigned char read10[10] = {0x28, 0, 0, 0, 0, 0, 0, 0, 1, 0};
	struct checker *c = new_checker("readsector0", 3);

	(void)state;
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
	c = new_checker("readsector0", 3);
	reply_good();
	assert_int_equal(run(c), PATH_UP);
	assert_int_equal(fake.hdr.dxfer_len, 4096);
	checker_free(c);
}

/* ---- sense decoding ---- */

static void test_sense_decode(void **state)
{
	const unsigned char fixed_short[8] = {0xf0, 0, 0x05, 0, 0, 0, 0, 0};
	const unsigned char desc[4] = {0x73, 0x02, 0x04, 0x0b};
	const unsigned char bad[18] = {0x7f, 0, 0x02};
	struct checker_sense s = {9, 9, 9};

	(void)state;
	/* fixed format with the valid bit, too short for ASC/ASCQ */
	assert_int_equal(checker_sense_decode(fixed_short, sizeof(fixed_short), &s), 0);
	assert_int_equal(s.key, 5);
	assert_int_equal(s.asc, 0);
	assert_int_equal(s.ascq, 0);
	assert_int_equal(checker_sense_decode(desc, sizeof(desc), &s), 0);
	assert_int_equal(s.key, 2);
	assert_int_equal(checker_sense_state(&s), PATH_GHOST);
	s.ascq = 0x0a; /* ALUA state transition: not standby */
	assert_int_equal(checker_sense_state(&s), PATH_DOWN);
	s = (struct checker_sense){9, 9, 9};
	assert_int_equal(checker_sense_decode(bad, sizeof(bad), &s), -EINVAL);
	assert_int_equal(checker_sense_decode(desc, 3, &s), -EINVAL);
	assert_int_equal(s.key, 9);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_registry, setup),
	    cmocka_unit_test_setup(test_none, setup),
	    cmocka_unit_test_setup(test_tur_good, setup),
	    cmocka_unit_test_setup(test_tur_standby, setup),
	    cmocka_unit_test_setup(test_tur_unit_attention, setup),
	    cmocka_unit_test_setup(test_tur_transient_host_status, setup),
	    cmocka_unit_test_setup(test_tur_failures, setup),
	    cmocka_unit_test_setup(test_tur_cannot_run, setup),
	    cmocka_unit_test_setup(test_readsector0, setup),
	    cmocka_unit_test_setup(test_sense_decode, setup),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
