/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A fake SG_IO for unit tests linked with -Wl,--wrap=ioctl (one header, one
 * test file each): every SG_IO takes the next canned answer, in the order
 * sg_fake_add() queued them; other ioctls go to the real one. What the last
 * request carried (CDB, direction, data out) and each request's timeout are
 * kept for the test to check. Include after cmocka.h.
 */
#ifndef TESTS_SG_FAKE_H
#define TESTS_SG_FAKE_H

#include <errno.h>
#include <scsi/sg.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>

#include "scsi.h"

int __wrap_ioctl(int fd, unsigned long req, ...);
int __real_ioctl(int fd, unsigned long req, ...);

enum { SG_FAKE_MAX = 8 };

struct sg_answer {
	int err; /* the ioctl fails with this errno */
	uint8_t status, host, driver;
	uint8_t sense[18];
	unsigned sense_len;
	const uint8_t *data; /* data in, up to the request's length */
	unsigned data_len;
};

static struct {
	struct sg_answer a[SG_FAKE_MAX];
	int n, calls;
	unsigned timeout[SG_FAKE_MAX];
	uint8_t cdb[16];
	unsigned cdb_len;
	int dir;
	uint8_t out[64];
	unsigned out_len;
} sg_fake;

int __wrap_ioctl(int fd, unsigned long req, ...)
{
	struct sg_io_hdr *h;
	struct sg_answer *a;
	va_list ap;
	void *arg;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (req != SG_IO)
		return __real_ioctl(fd, req, arg);
	h = arg;
	assert_true(sg_fake.calls < sg_fake.n);
	sg_fake.timeout[sg_fake.calls] = h->timeout;
	memcpy(sg_fake.cdb, h->cmdp, h->cmd_len);
	sg_fake.cdb_len = h->cmd_len;
	sg_fake.dir = h->dxfer_direction;
	if (h->dxfer_direction == SG_DXFER_TO_DEV) {
		assert_true(h->dxfer_len <= sizeof(sg_fake.out));
		memcpy(sg_fake.out, h->dxferp, h->dxfer_len);
		sg_fake.out_len = h->dxfer_len;
	}
	a = &sg_fake.a[sg_fake.calls++];
	if (a->err) {
		errno = a->err;
		return -1;
	}
	h->status = a->status;
	h->host_status = a->host;
	h->driver_status = a->driver;
	h->sb_len_wr = (unsigned char)a->sense_len;
	memcpy(h->sbp, a->sense, a->sense_len);
	/* nothing transferred, unless the command completed or data is given */
	h->resid = (int)h->dxfer_len;
	if (a->data) {
		unsigned n = a->data_len < h->dxfer_len ? a->data_len : h->dxfer_len;

		memcpy(h->dxferp, a->data, n);
		h->resid = (int)(h->dxfer_len - n);
	} else if (!a->status && !a->host) {
		h->resid = 0;
	}
	return 0;
}

static void sg_fake_reset(void)
{
	memset(&sg_fake, 0, sizeof(sg_fake));
}

/* The next answer: GOOD, no data, unless the caller fills it in. */
static struct sg_answer *sg_fake_add(void)
{
	assert_true(sg_fake.n < SG_FAKE_MAX);
	return memset(&sg_fake.a[sg_fake.n++], 0, sizeof(struct sg_answer));
}

/* The next answer: CHECK CONDITION with fixed-format sense KEY/ASC/ASCQ. */
static void sg_fake_add_sense(uint8_t key, uint8_t asc, uint8_t ascq)
{
	struct sg_answer *a = sg_fake_add();

	a->status = SCSI_STAT_CHECK_CONDITION;
	a->driver = SCSI_DRIVER_SENSE;
	a->sense[0] = 0x70;
	a->sense[2] = key;
	a->sense[7] = 10;
	a->sense[12] = asc;
	a->sense[13] = ascq;
	a->sense_len = 18;
}

#endif
