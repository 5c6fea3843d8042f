// SPDX-License-Identifier: GPL-2.0-or-later
/* The checker registry, the generic start/poll/check logic and the SG_IO
 * helpers shared by tur and readsector0. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/fs.h>
#include <scsi/sg.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../util/log.h"
#include "checkers.h"

struct checker {
	const struct checker_ops *ops;
	int fd;
	unsigned timeout_s;
	int state;
	void *priv;
	char msg[CHECKER_MSG_SIZE];
};

static const struct checker_ops *const registry[] = {
    &checker_tur_ops,
    &checker_directio_ops,
    &checker_readsector0_ops,
    &checker_none_ops,
};

/* SCSI status bytes (SAM) and Linux host/driver status values of sg_io_hdr. */
enum {
	SAM_GOOD = 0x00,
	SAM_CHECK_CONDITION = 0x02,
	HOST_OK = 0x00,
	HOST_TIME_OUT = 0x03,
	DRIVER_STATUS_MASK = 0x0f,
	DRIVER_TIMEOUT = 0x06,
	DRIVER_SENSE = 0x08,
	SENSE_NOT_READY = 0x2,
	SENSE_UNIT_ATTENTION = 0x6,
	SG_EINTR_RETRIES = 3,
};

static const struct checker_ops *ops_find(const char *name)
{
	for (size_t i = 0; i < sizeof(registry) / sizeof(registry[0]); i++)
		if (name && !strcmp(registry[i]->name, name))
			return registry[i];
	return NULL;
}

bool checker_known(const char *name)
{
	return ops_find(name) != NULL;
}

int checker_new(const char *name, const char *devnode, unsigned timeout_s, struct checker **out)
{
	const struct checker_ops *ops = ops_find(name);
	struct checker *c;
	int rc;

	if (!ops)
		return -EINVAL;
	c = calloc(1, sizeof(*c));
	if (!c)
		return -ENOMEM;
	c->ops = ops;
	c->timeout_s = timeout_s ? timeout_s : 1;
	c->state = PATH_UNCHECKED;
	c->fd = open(devnode, O_RDONLY | O_NONBLOCK | O_CLOEXEC | ops->open_flags);
	if (c->fd < 0) {
		rc = -errno;
		goto free_checker;
	}
	if (ops->init) {
		rc = ops->init(c);
		if (rc < 0)
			goto close_fd;
	}
	*out = c;
	return 0;

close_fd:
	close(c->fd);
free_checker:
	free(c);
	return rc;
}

int checker_start(struct checker *c)
{
	int rc = c->ops->start(c);

	if (rc < 0)
		checker_set_state(c, PATH_WILD, "%s checker could not run: %s", c->ops->name,
				  errno_desc(-rc));
	return rc;
}

int checker_poll(struct checker *c, const struct timespec *deadline)
{
	if (c->ops->poll)
		return c->ops->poll(c, deadline);
	return c->state;
}

int checker_check(struct checker *c)
{
	struct timespec deadline;

	if (checker_start(c) < 0)
		return c->state;
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += c->timeout_s;
	return checker_poll(c, &deadline);
}

const char *checker_msg(const struct checker *c)
{
	return c->msg;
}

const char *checker_name(const struct checker *c)
{
	return c->ops->name;
}

int checker_state(const struct checker *c)
{
	return c->state;
}

void checker_free(struct checker *c)
{
	if (!c)
		return;
	if (c->ops->free)
		c->ops->free(c);
	close(c->fd);
	free(c);
}

int checker_fd(const struct checker *c)
{
	return c->fd;
}

unsigned checker_timeout(const struct checker *c)
{
	return c->timeout_s;
}

void *checker_priv(const struct checker *c)
{
	return c->priv;
}

void checker_set_priv(struct checker *c, void *priv)
{
	c->priv = priv;
}

int checker_set_state(struct checker *c, int st, const char *fmt, ...)
{
	va_list ap;

	c->state = st;
	va_start(ap, fmt);
	vsnprintf(c->msg, sizeof(c->msg), fmt, ap);
	va_end(ap);
	return st;
}

unsigned checker_block_size(int fd)
{
	int bs = 0;

	if (ioctl(fd, BLKSSZGET, &bs) < 0 || bs < 512 || bs > 65536 || (bs & (bs - 1)))
		return 512;
	return (unsigned)bs;
}

int checker_sense_decode(const unsigned char *sense, size_t len, struct checker_sense *out)
{
	struct checker_sense s = {0};

	if (len < 4)
		return -EINVAL;
	switch (sense[0] & 0x7f) {
	case 0x70:
	case 0x71:
		s.key = sense[2] & 0x0f;
		if (len >= 14) {
			s.asc = sense[12];
			s.ascq = sense[13];
		}
		break;
	case 0x72:
	case 0x73:
		s.key = sense[1] & 0x0f;
		s.asc = sense[2];
		s.ascq = sense[3];
		break;
	default:
		return -EINVAL;
	}
	*out = s;
	return 0;
}

int checker_sense_state(const struct checker_sense *s)
{
	/* 04/0B target port in standby state, 04/0C in unavailable state */
	if (s->key == SENSE_NOT_READY && s->asc == 0x04 && (s->ascq == 0x0b || s->ascq == 0x0c))
		return PATH_GHOST;
	return PATH_DOWN;
}

static void sg_hdr_init(struct sg_io_hdr *hdr, const struct checker *c, const unsigned char *cdb,
			unsigned cdb_len, void *buf, unsigned buf_len, unsigned char *sense,
			unsigned sense_len)
{
	memset(hdr, 0, sizeof(*hdr));
	hdr->interface_id = 'S';
	hdr->cmdp = (unsigned char *)cdb;
	hdr->cmd_len = (unsigned char)cdb_len;
	hdr->dxfer_direction = buf ? SG_DXFER_FROM_DEV : SG_DXFER_NONE;
	hdr->dxferp = buf;
	hdr->dxfer_len = buf ? buf_len : 0;
	hdr->sbp = sense;
	hdr->mx_sb_len = (unsigned char)sense_len;
	hdr->timeout = c->timeout_s > UINT_MAX / 1000 ? UINT_MAX : c->timeout_s * 1000;
}

/* Host statuses that say "try again" rather than "the path is bad":
 * DID_BUS_BUSY, DID_SOFT_ERROR, DID_IMM_RETRY, DID_REQUEUE. */
static bool host_status_transient(unsigned status)
{
	return status == 0x02 || status == 0x0b || status == 0x0c || status == 0x0d;
}

/* Verdict of a completed SG_IO; *retry set (once) for a UNIT ATTENTION or
 * a transient host status. */
static int sg_verdict(struct checker *c, const struct sg_io_hdr *hdr, bool may_retry, bool *retry)
{
	const char *name = c->ops->name;
	struct checker_sense s;
	int st;

	if (hdr->host_status == HOST_TIME_OUT ||
	    (hdr->driver_status & DRIVER_STATUS_MASK) == DRIVER_TIMEOUT)
		return checker_set_state(c, PATH_TIMEOUT, "%s checker timed out after %us", name,
					 c->timeout_s);
	if (host_status_transient(hdr->host_status) && may_retry) {
		*retry = true;
		return PATH_PENDING;
	}
	if (hdr->host_status != HOST_OK)
		return checker_set_state(c, PATH_DOWN, "%s checker: host status 0x%x", name,
					 hdr->host_status);
	if (hdr->status == SAM_GOOD && !(hdr->driver_status & DRIVER_SENSE)) {
		if (hdr->dxfer_len && hdr->resid > 0)
			return checker_set_state(c, PATH_DOWN,
						 "%s checker: short read, %d of %u bytes", name,
						 (int)hdr->dxfer_len - hdr->resid, hdr->dxfer_len);
		return checker_set_state(c, PATH_UP, "%s checker reports path is up", name);
	}
	if (hdr->status != SAM_CHECK_CONDITION && !(hdr->driver_status & DRIVER_SENSE))
		return checker_set_state(c, PATH_DOWN, "%s checker: SCSI status 0x%x", name,
					 hdr->status);
	if (checker_sense_decode(hdr->sbp, hdr->sb_len_wr, &s) < 0)
		return checker_set_state(c, PATH_DOWN, "%s checker: check condition, no sense",
					 name);
	if (s.key == SENSE_UNIT_ATTENTION && may_retry) {
		*retry = true;
		return PATH_PENDING;
	}
	st = checker_sense_state(&s);
	return checker_set_state(c, st, "%s checker: %s, sense %x/%02x/%02x", name,
				 st == PATH_GHOST ? "path in standby" : "check condition", s.key,
				 s.asc, s.ascq);
}

int checker_sg_run(struct checker *c, const unsigned char *cdb, unsigned cdb_len, void *buf,
		   unsigned buf_len)
{
	unsigned char sense[32];
	struct sg_io_hdr hdr;
	int eintr = 0, err;
	bool may_retry = true;

	for (;;) {
		bool retry = false;
		int st;

		sg_hdr_init(&hdr, c, cdb, cdb_len, buf, buf_len, sense, sizeof(sense));
		if (ioctl(c->fd, SG_IO, &hdr) < 0) {
			err = errno;
			if (err == EINTR && eintr++ < SG_EINTR_RETRIES)
				continue;
			if (err == ENOTTY || err == EINVAL)
				return -err;
			return checker_set_state(c, PATH_DOWN, "%s checker: SG_IO failed: %s",
						 c->ops->name, errno_desc(err));
		}
		st = sg_verdict(c, &hdr, may_retry, &retry);
		if (!retry)
			return st;
		may_retry = false;
	}
}
