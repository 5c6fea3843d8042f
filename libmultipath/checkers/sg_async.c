// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The asynchronous SCSI command engine of the SG checkers (tur,
 * readsector0, hp_sw, rdac, emc_clariion). Results are decoded by
 * ../scsi.h, which also says which are transient: those are retried, up to
 * SCSI_RETRIES times, by a new command bounded by what is left of the check.
 *
 * Preferred backend: the path's sg node (/dev/sgN, found through sysfs
 * block/<dev>/device/scsi_generic), opened O_RDWR|O_NONBLOCK, driven with
 * the sg v3 interface: write() a struct sg_io_hdr queues the command and
 * returns at once, poll() says POLLIN when its response is there, read()
 * fetches it (and only then copies sense and data into the buffers named
 * at write() time). Fallback without an sg node: SG_IO on the block device
 * in a worker of the shared pool (sg_pool.h).
 *
 * One command at a time per checker, identified by pack_id. Its memory
 * (struct sg_cmd) stays allocated while the kernel may still use it: with
 * sg until close() (the driver then drops the response of a command still
 * in flight and never copies it to user space), with the pool until the
 * worker is done with it.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../scsi.h"
#include "../sysfs.h"
#include "../util/log.h"
#include "checkers.h"
#include "sg_pool.h"

enum {
	SG_V3_VERSION = 30000,
	SG_EINTR_RETRIES = 3,
};

struct checker_sg {
	int sg_fd;	    /* /dev/sgN, -1: pool fallback */
	struct sg_cmd *cmd; /* sg backend: the command memory */
	struct sg_job *job; /* pool backend: the job, owning its command */
	int unsupported;    /* errno: SG_IO not supported on the block device */
	unsigned cdb_len;
	unsigned pack_id;	/* of the command in flight */
	bool in_flight;		/* submitted and not collected */
	unsigned retries;	/* transient results retried for this check */
	const struct checker_sg_ops *hooks; /* the checker's verdict rules */
	bool timed_out;		/* PATH_TIMEOUT was reported for the command in flight */
	struct timespec expiry; /* the check times out then */
	char sg_name[NAME_MAX + 1];
};

static bool ts_before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

static long long ts_diff_ms_ceil(const struct timespec *later, const struct timespec *earlier)
{
	long long ns =
	    (later->tv_sec - earlier->tv_sec) * 1000000000LL + (later->tv_nsec - earlier->tv_nsec);

	return ns <= 0 ? 0 : (ns + 999999) / 1000000;
}

/* ---- verdicts ---- */

/* The default verdict of a final CHECK CONDITION. */
static int sense_verdict(struct checker *c, const struct scsi_sense *s)
{
	if (scsi_sense_standby(s))
		return checker_set_state(c, PATH_GHOST, "%s checker: path in standby, sense %x/%02x/%02x",
					 checker_name(c), s->key, s->asc, s->ascq);
	return checker_set_state(c, PATH_DOWN, "%s checker: check condition, sense %x/%02x/%02x",
				 checker_name(c), s->key, s->asc, s->ascq);
}

/* The verdict of GOOD: the checker's data rule, else the whole buffer. */
static int good_verdict(struct checker *c, const struct checker_sg *s, const struct sg_io_hdr *hdr)
{
	unsigned got = hdr->dxfer_len;

	if (hdr->resid > 0)
		got = (unsigned)hdr->resid >= got ? 0 : got - (unsigned)hdr->resid;
	if (s->hooks && s->hooks->data)
		return s->hooks->data(c, hdr->dxferp, got);
	if (got < hdr->dxfer_len)
		return checker_set_state(c, PATH_DOWN, "%s checker: short read, %u of %u bytes",
					 checker_name(c), got, hdr->dxfer_len);
	return checker_set_state(c, PATH_UP, "%s checker reports path is up", checker_name(c));
}

/* Verdict of a completed command (scsi.h decodes it and says whether it
 * is transient); *retry set for a transient one when may_retry. */
static int sg_verdict(struct checker *c, struct checker_sg *s, const struct sg_io_hdr *hdr,
		      bool may_retry, bool *retry)
{
	const char *name = checker_name(c);
	struct scsi_result r;
	char what[64];

	scsi_result_decode(hdr, &r);
	if (r.transient && may_retry) {
		*retry = true;
		return PATH_PENDING;
	}
	switch (r.outcome) {
	case SCSI_GOOD:
		return good_verdict(c, s, hdr);
	case SCSI_TIMEOUT:
		return checker_set_state(c, PATH_TIMEOUT, "%s checker timed out after %us", name,
					 checker_timeout(c));
	case SCSI_CHECK:
		if (!r.has_sense)
			break;
		if (s->hooks && s->hooks->sense)
			return s->hooks->sense(c, &r.sense);
		return sense_verdict(c, &r.sense);
	default:
		break;
	}
	return checker_set_state(c, PATH_DOWN, "%s checker: %s", name,
				 scsi_result_str(&r, what, sizeof(what)));
}

/* ---- setup ---- */

/* The kernel name of devnode ("sda" for "/dev/sda" or a link to it). */
static void dev_kname(const char *devnode, char *buf, size_t size)
{
	char *real = realpath(devnode, NULL);
	const char *p = real ? real : devnode;
	const char *slash = strrchr(p, '/');

	snprintf(buf, size, "%s", slash ? slash + 1 : p);
	free(real);
}

/* Find block/<dev>/device/scsi_generic/<sgN>; 0 and name, or -errno. */
static int sg_node_find(const char *devnode, char *name, size_t size)
{
	char kname[NAME_MAX + 1], rel[PATH_MAX], dir[PATH_MAX];
	struct dirent *de;
	DIR *d;
	int rc = -ENOENT;

	dev_kname(devnode, kname, sizeof(kname));
	if (snprintf(rel, sizeof(rel), "block/%s/device/scsi_generic", kname) >= (int)sizeof(rel) ||
	    sysfs_path(rel, dir, sizeof(dir)) < 0)
		return -ENAMETOOLONG;
	d = opendir(dir);
	if (!d)
		return -errno;
	while ((de = readdir(d))) {
		if (strncmp(de->d_name, "sg", 2) || strlen(de->d_name) >= size)
			continue;
		snprintf(name, size, "%s", de->d_name);
		rc = 0;
		break;
	}
	closedir(d);
	return rc;
}

/* Open /dev/<name> for the v3 write()/read() interface: O_RDWR is needed
 * for write(), O_NONBLOCK makes read() say EAGAIN instead of waiting. */
static int sg_node_open(const char *name, unsigned buf_len)
{
	char node[NAME_MAX + 8];
	int fd, version = 0, reserve = (int)buf_len;

	snprintf(node, sizeof(node), "/dev/%s", name);
	fd = open(node, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (ioctl(fd, SG_GET_VERSION_NUM, &version) < 0 || version < SG_V3_VERSION) {
		close(fd);
		return -ENOTTY;
	}
	/* the default 32 KiB kernel buffer per fd is more than a check needs */
	ioctl(fd, SG_SET_RESERVED_SIZE, &reserve);
	return fd;
}

int checker_sg_init(struct checker *c, unsigned buf_len, const struct checker_sg_ops *hooks)
{
	struct checker_sg *s = calloc(1, sizeof(*s));
	int version = 0, rc;

	if (!s)
		return -ENOMEM;
	s->sg_fd = -1;
	s->hooks = hooks;
	if (sg_node_find(checker_devnode(c), s->sg_name, sizeof(s->sg_name)) == 0)
		s->sg_fd = sg_node_open(s->sg_name, buf_len);
	if (s->sg_fd >= 0) {
		s->cmd = calloc(1, sizeof(*s->cmd) + buf_len);
		if (!s->cmd) {
			rc = -ENOMEM;
			goto fail;
		}
		s->cmd->buf_len = buf_len;
	} else {
		s->sg_fd = -1;
		s->sg_name[0] = '\0';
		rc = sg_job_new(checker_fd(c), buf_len, &s->job);
		if (rc < 0)
			goto fail;
		/* SG_IO on a device that does not support it fails at once:
		 * find out now, without a worker */
		if (ioctl(checker_fd(c), SG_GET_VERSION_NUM, &version) < 0)
			s->unsupported = errno;
	}
	checker_set_priv(c, s);
	return 0;

fail:
	if (s->sg_fd >= 0)
		close(s->sg_fd);
	free(s);
	return rc;
}

void checker_sg_free(struct checker *c)
{
	struct checker_sg *s = checker_priv(c);

	if (!s)
		return;
	/* close() makes the sg driver drop a response still to come: nothing
	 * is copied into cmd after it, so cmd can go */
	if (s->sg_fd >= 0)
		close(s->sg_fd);
	free(s->cmd);
	sg_job_release(s->job);
	free(s);
}

int checker_sg_poll_fd(const struct checker *c)
{
	const struct checker_sg *s = checker_priv(c);

	return s->sg_fd >= 0 ? s->sg_fd : sg_job_fd(s->job);
}

const char *checker_sg_node(const struct checker *c)
{
	const struct checker_sg *s = checker_priv(c);

	return s->sg_name;
}

/* ---- submit ---- */

static struct sg_cmd *sg_cmd_of(struct checker_sg *s)
{
	return s->cmd ? s->cmd : sg_job_cmd(s->job);
}

/* Fill the header; the command bounded by what is left of the check. */
static void sg_hdr_fill(struct checker_sg *s, struct sg_cmd *cmd, const struct timespec *now)
{
	struct sg_io_hdr *hdr = &cmd->hdr;
	long long left = ts_diff_ms_ceil(&s->expiry, now);

	memset(hdr, 0, sizeof(*hdr));
	hdr->interface_id = 'S';
	hdr->cmdp = cmd->cdb;
	hdr->cmd_len = (unsigned char)s->cdb_len;
	hdr->dxfer_direction = cmd->buf_len ? SG_DXFER_FROM_DEV : SG_DXFER_NONE;
	hdr->dxferp = cmd->buf_len ? cmd->buf : NULL;
	hdr->dxfer_len = cmd->buf_len;
	hdr->sbp = cmd->sense;
	hdr->mx_sb_len = sizeof(cmd->sense);
	hdr->timeout = left < 1 ? 1 : left > UINT_MAX ? UINT_MAX : (unsigned)left;
	hdr->pack_id = (int)++s->pack_id;
}

/* Hand the filled command to the kernel or the pool. 0, or -errno when
 * the checker cannot run (the verdict is then PATH_WILD), or a verdict
 * (> 0) when the device refused it. */
static int sg_send(struct checker *c, struct checker_sg *s)
{
	int rc, err, tries = 0;

	if (!s->cmd) {
		rc = sg_job_submit(s->job);
		if (rc < 0)
			return rc;
		s->in_flight = true;
		return 0;
	}
	while (write(s->sg_fd, &s->cmd->hdr, sizeof(s->cmd->hdr)) < 0) {
		err = errno;
		if (err == EINTR && tries++ < SG_EINTR_RETRIES)
			continue;
		if (err == EINVAL || err == ENOTTY || err == EPERM || err == EACCES)
			return -err;
		return checker_set_state(c, PATH_DOWN, "%s checker: write to %s failed: %s",
					 checker_name(c), s->sg_name, errno_desc(err));
	}
	s->in_flight = true;
	return 0;
}

int checker_sg_submit(struct checker *c, const unsigned char *cdb, unsigned cdb_len)
{
	struct checker_sg *s = checker_priv(c);
	struct sg_cmd *cmd = sg_cmd_of(s);
	struct timespec now;
	int rc;

	if (s->in_flight)
		return 0;
	if (s->unsupported)
		return -s->unsupported;
	if (cdb_len > sizeof(cmd->cdb))
		return -EINVAL;
	memcpy(cmd->cdb, cdb, cdb_len);
	s->cdb_len = cdb_len;
	s->retries = 0;
	s->timed_out = false;
	clock_gettime(CLOCK_MONOTONIC, &now);
	s->expiry = now;
	s->expiry.tv_sec += checker_timeout(c);
	sg_hdr_fill(s, cmd, &now);
	rc = sg_send(c, s);
	return rc < 0 ? rc : 0;
}

/* ---- collect ---- */

/* Fetch the response of the command in flight. 1: cmd->hdr holds it (or
 * *err the pool's SG_IO errno); 0: not there yet; -errno: read failed. */
static int sg_fetch(struct checker_sg *s, int *err)
{
	struct sg_io_hdr hdr;

	*err = 0;
	if (!s->cmd)
		return sg_job_collect(s->job, err);
	for (int tries = 0;;) {
		ssize_t n = read(s->sg_fd, &hdr, sizeof(hdr));

		if (n < 0 && errno == EINTR && tries++ < SG_EINTR_RETRIES)
			continue;
		if (n < 0)
			return errno == EAGAIN ? 0 : -errno;
		if (n != sizeof(hdr))
			return -EIO;
		/* a response of an earlier command: not ours any more */
		if ((unsigned)hdr.pack_id != s->pack_id)
			continue;
		s->cmd->hdr = hdr;
		return 1;
	}
}

/* The response is in; its verdict, or PATH_PENDING after a resubmit. */
static int sg_completed(struct checker *c, struct checker_sg *s, int err)
{
	const char *name = checker_name(c);
	struct timespec now;
	bool retry = false;
	int st, rc;

	s->in_flight = false;
	if (s->timed_out)
		return checker_set_state(c, PATH_TIMEOUT,
					 "%s checker timed out after %us (answered late)", name,
					 checker_timeout(c));
	if (err == EINVAL || err == ENOTTY)
		return checker_set_state(c, PATH_WILD, "%s checker could not run: %s", name,
					 errno_desc(err));
	if (err)
		return checker_set_state(c, PATH_DOWN, "%s checker: SG_IO failed: %s", name,
					 errno_desc(err));
	/* a transient answer is retried while retries and time are left */
	clock_gettime(CLOCK_MONOTONIC, &now);
	st = sg_verdict(c, s, &sg_cmd_of(s)->hdr,
			s->retries < SCSI_RETRIES && ts_before(&now, &s->expiry), &retry);
	if (!retry)
		return st;
	s->retries++;
	sg_hdr_fill(s, sg_cmd_of(s), &now);
	rc = sg_send(c, s);
	if (rc < 0)
		return checker_set_state(c, PATH_WILD, "%s checker could not run: %s", name,
					 errno_desc(-rc));
	return rc > 0 ? rc : PATH_PENDING;
}

/* The check is older than its timeout and its command still out. */
static int sg_timed_out(struct checker *c, struct checker_sg *s)
{
	s->timed_out = true;
	if (s->job && sg_job_dequeue(s->job)) {
		s->in_flight = false;
		return checker_set_state(c, PATH_TIMEOUT,
					 "%s checker timed out after %us: all %d SG_IO workers "
					 "busy (no sg node)",
					 checker_name(c), checker_timeout(c), SG_POOL_WORKERS);
	}
	return checker_set_state(c, PATH_TIMEOUT, "%s checker timed out after %us", checker_name(c),
				 checker_timeout(c));
}

/* Wait for the fd until `until`. false: the sg node hung up (detached). */
static bool sg_wait(struct checker_sg *s, int fd, const struct timespec *until)
{
	struct pollfd pfd = {.fd = fd, .events = POLLIN};
	struct timespec now;
	long long ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = ts_diff_ms_ceil(until, &now);
	if (poll(&pfd, 1, ms > INT_MAX ? INT_MAX : (int)ms) == 1 && s->cmd &&
	    (pfd.revents & (POLLHUP | POLLERR | POLLNVAL)) && !(pfd.revents & POLLIN))
		return false;
	return true;
}

int checker_sg_poll(struct checker *c, const struct timespec *deadline)
{
	struct checker_sg *s = checker_priv(c);
	struct timespec now, until;
	int rc, err;

	while (s->in_flight) {
		rc = sg_fetch(s, &err);
		if (rc < 0) {
			s->in_flight = false;
			return checker_set_state(c, PATH_DOWN,
						 "%s checker: read from %s failed: %s",
						 checker_name(c), s->sg_name, errno_desc(-rc));
		}
		if (rc == 1) {
			rc = sg_completed(c, s, err);
			if (rc != PATH_PENDING)
				return rc;
			continue;
		}
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (!ts_before(&now, &s->expiry))
			return sg_timed_out(c, s);
		if (!deadline || !ts_before(&now, deadline))
			return PATH_PENDING;
		until = ts_before(deadline, &s->expiry) ? *deadline : s->expiry;
		if (!sg_wait(s, checker_sg_poll_fd(c), &until))
			return checker_set_state(c, PATH_DOWN, "%s checker: %s detached",
						 checker_name(c), s->sg_name);
	}
	return checker_state(c);
}
