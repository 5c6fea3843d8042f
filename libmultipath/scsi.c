// SPDX-License-Identifier: GPL-2.0-or-later
/* SG_IO, sense decoding, the retry rule and INQUIRY helpers (see scsi.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>

#include "scsi.h"
#include "util/time.h"

enum { SCSI_TIMEOUT_DEFAULT_MS = 30000, SCSI_EINTR_TRIES = 3, OP_INQUIRY = 0x12, OP_TUR = 0x00 };

int scsi_sense_decode(const uint8_t *sense, size_t len, struct scsi_sense *out)
{
	struct scsi_sense s = {0};

	if (!sense || len < 4)
		return -EINVAL;
	switch (sense[0] & 0x7f) {
	case 0x70: /* fixed, current */
	case 0x71: /* fixed, deferred */
		s.key = sense[2] & 0x0f;
		if (len >= 14) {
			s.asc = sense[12];
			s.ascq = sense[13];
		}
		break;
	case 0x72: /* descriptor, current */
	case 0x73: /* descriptor, deferred */
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

bool scsi_sense_standby(const struct scsi_sense *s)
{
	return s->key == SCSI_SK_NOT_READY && s->asc == 0x04 && (s->ascq == 0x0b || s->ascq == 0x0c);
}

static bool sense_transient(const struct scsi_sense *s)
{
	switch (s->key) {
	case SCSI_SK_UNIT_ATTENTION:
	case SCSI_SK_ABORTED_COMMAND:
		return true;
	case SCSI_SK_NOT_READY:
		/* 04/01 becoming ready, 04/07 operation in progress,
		 * 04/0A asymmetric access state transition */
		return s->asc == 0x04 && (s->ascq == 0x01 || s->ascq == 0x07 || s->ascq == 0x0a);
	default:
		return false;
	}
}

static bool host_transient(unsigned host)
{
	return host == SCSI_HOST_BUS_BUSY || host == SCSI_HOST_SOFT_ERROR ||
	       host == SCSI_HOST_IMM_RETRY || host == SCSI_HOST_REQUEUE;
}

void scsi_result_decode(const struct sg_io_hdr *hdr, struct scsi_result *out)
{
	struct scsi_result r = {
	    .status = hdr->status & 0xfe,
	    .host = (uint8_t)hdr->host_status,
	    .driver = (uint8_t)hdr->driver_status,
	};
	unsigned sb_len = hdr->sb_len_wr < hdr->mx_sb_len ? hdr->sb_len_wr : hdr->mx_sb_len;

	if (r.host == SCSI_HOST_TIME_OUT || (r.driver & 0x0f) == SCSI_DRIVER_TIMEOUT) {
		r.outcome = SCSI_TIMEOUT;
	} else if (r.host != SCSI_HOST_OK) {
		r.outcome = SCSI_HOST;
		r.transient = host_transient(r.host);
	} else if (r.status == SCSI_STAT_CHECK_CONDITION ||
		   ((r.driver & SCSI_DRIVER_SENSE) && sb_len > 0)) {
		r.outcome = SCSI_CHECK;
		r.has_sense = scsi_sense_decode(hdr->sbp, sb_len, &r.sense) == 0;
		if (r.has_sense && (r.sense.key == SCSI_SK_RECOVERED_ERROR ||
				    (r.sense.key == SCSI_SK_NO_SENSE && !r.sense.asc)))
			r.outcome = SCSI_GOOD;
		else if (r.has_sense)
			r.transient = sense_transient(&r.sense);
	} else if (r.status == SCSI_STAT_GOOD || r.status == SCSI_STAT_CONDITION_MET) {
		r.outcome = SCSI_GOOD;
	} else {
		r.outcome = SCSI_STATUS;
		r.transient = r.status == SCSI_STAT_BUSY || r.status == SCSI_STAT_TASK_SET_FULL;
	}
	*out = r;
}

const char *scsi_result_str(const struct scsi_result *r, char *buf, size_t size)
{
	switch (r->outcome) {
	case SCSI_GOOD:
		snprintf(buf, size, "good");
		break;
	case SCSI_CHECK:
		if (r->has_sense)
			snprintf(buf, size, "sense %x/%02x/%02x", r->sense.key, r->sense.asc,
				 r->sense.ascq);
		else
			snprintf(buf, size, "check condition, no sense");
		break;
	case SCSI_STATUS:
		snprintf(buf, size, "SCSI status 0x%x", r->status);
		break;
	case SCSI_HOST:
		snprintf(buf, size, "host status 0x%x", r->host);
		break;
	case SCSI_TIMEOUT:
		snprintf(buf, size, "timed out");
		break;
	}
	return buf;
}

int scsi_sg_io(int fd, struct sg_io_hdr *hdr)
{
	for (int i = 0; i < SCSI_EINTR_TRIES; i++) {
		if (ioctl(fd, SG_IO, hdr) == 0)
			return 0;
		if (errno != EINTR)
			return -errno;
	}
	return -EINTR;
}

/* Pause before a retry of a device that asked for time. */
static bool result_wants_pause(const struct scsi_result *r)
{
	return r->outcome == SCSI_STATUS ||
	       (r->outcome == SCSI_CHECK && r->sense.key == SCSI_SK_NOT_READY);
}

static void pause_ms(long ms)
{
	struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L};

	nanosleep(&ts, NULL);
}

/* Milliseconds from now to `until`, rounded up; 0 when passed. */
static long long ms_left(const struct timespec *until)
{
	struct timespec now;
	long long ns;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ns = (until->tv_sec - now.tv_sec) * 1000000000LL + (until->tv_nsec - now.tv_nsec);
	return ns <= 0 ? 0 : (ns + 999999) / 1000000;
}

static void hdr_fill(struct sg_io_hdr *hdr, const uint8_t *cdb, unsigned cdb_len, void *buf,
		     unsigned len, uint8_t *sense, unsigned timeout_ms)
{
	memset(hdr, 0, sizeof(*hdr));
	hdr->interface_id = 'S';
	hdr->cmdp = (unsigned char *)cdb;
	hdr->cmd_len = (unsigned char)cdb_len;
	hdr->dxfer_direction = len ? SG_DXFER_FROM_DEV : SG_DXFER_NONE;
	hdr->dxferp = len ? buf : NULL;
	hdr->dxfer_len = len;
	hdr->sbp = sense;
	hdr->mx_sb_len = SCSI_SENSE_MAX;
	hdr->timeout = timeout_ms ? timeout_ms : 1;
}

int scsi_run(int fd, const uint8_t *cdb, unsigned cdb_len, void *buf, unsigned len,
	     unsigned timeout_ms, struct scsi_result *res)
{
	uint8_t sense[SCSI_SENSE_MAX];
	struct sg_io_hdr hdr;
	struct scsi_result r;
	struct timespec until;
	long long left;
	int rc;

	if (cdb_len == 0 || cdb_len > 16 || (len && !buf))
		return -EINVAL;
	until = ts_add_ms(ts_now(), timeout_ms ? timeout_ms : SCSI_TIMEOUT_DEFAULT_MS);
	for (int attempt = 0;; attempt++) {
		left = ms_left(&until);
		if (attempt > 0 && left == 0)
			break; /* no time left for a retry: the last result stands */
		memset(sense, 0, sizeof(sense));
		hdr_fill(&hdr, cdb, cdb_len, buf, len, sense,
			 left > 0x7fffffff ? 0x7fffffff : (unsigned)left);
		rc = scsi_sg_io(fd, &hdr);
		if (rc < 0)
			return rc;
		scsi_result_decode(&hdr, &r);
		if (res)
			*res = r;
		if (!r.transient || attempt == SCSI_RETRIES)
			break;
		if (result_wants_pause(&r))
			pause_ms(SCSI_RETRY_PAUSE_MS);
	}
	if (r.outcome == SCSI_TIMEOUT)
		return -ETIMEDOUT;
	if (r.outcome != SCSI_GOOD)
		return -EIO;
	if (hdr.resid < 0 || (unsigned)hdr.resid > len)
		return (int)len;
	return (int)(len - (unsigned)hdr.resid);
}

void scsi_cdb_inquiry(uint8_t cdb[6], bool evpd, uint8_t page, uint16_t alloc_len)
{
	cdb[0] = OP_INQUIRY;
	cdb[1] = evpd ? 1 : 0;
	cdb[2] = evpd ? page : 0;
	cdb[3] = (uint8_t)(alloc_len >> 8);
	cdb[4] = (uint8_t)alloc_len;
	cdb[5] = 0;
}

int scsi_inquiry(int fd, uint8_t *buf, unsigned len, unsigned timeout_ms)
{
	uint8_t cdb[6];

	if (len > 0xffff)
		return -EINVAL;
	scsi_cdb_inquiry(cdb, false, 0, (uint16_t)len);
	return scsi_run(fd, cdb, sizeof(cdb), buf, len, timeout_ms, NULL);
}

int scsi_inquiry_vpd(int fd, uint8_t page, uint8_t *buf, unsigned len, unsigned timeout_ms)
{
	uint8_t cdb[6];
	int rc;

	if (len > 0xffff || len < 4)
		return -EINVAL;
	scsi_cdb_inquiry(cdb, true, page, (uint16_t)len);
	rc = scsi_run(fd, cdb, sizeof(cdb), buf, len, timeout_ms, NULL);
	if (rc >= 0 && (rc < 4 || buf[1] != page))
		return -EINVAL;
	return rc;
}

int scsi_tur(int fd, unsigned timeout_ms, struct scsi_result *res)
{
	static const uint8_t cdb[6] = {OP_TUR};
	int rc = scsi_run(fd, cdb, sizeof(cdb), NULL, 0, timeout_ms, res);

	return rc < 0 ? rc : 0;
}

int scsi_inquiry_tpgs(const uint8_t *buf, size_t len)
{
	if (len < 6)
		return -EINVAL;
	return (buf[5] >> 4) & 0x3;
}

int scsi_vpd83_port_id(const uint8_t *buf, size_t len, unsigned type)
{
	size_t end, p, dlen;

	if (len < 4 || buf[1] != 0x83)
		return -EINVAL;
	end = 4 + scsi_get_be16(buf + 2);
	if (end > len)
		end = len;
	for (p = 4; p + 4 <= end; p += 4 + dlen) {
		dlen = buf[p + 3];
		if (p + 4 + dlen > end)
			break; /* truncated designator */
		if ((buf[p + 1] & 0xf) == type && dlen >= 4)
			return (int)scsi_get_be16(buf + p + 6);
	}
	return -ENODEV;
}

int scsi_rdac_vac_parse(const uint8_t *buf, size_t len, struct scsi_rdac_vac *out)
{
	struct scsi_rdac_vac v = {0};
	size_t prio_byte;

	if (len < 10 || buf[1] != SCSI_VPD_RDAC_VAC || memcmp(buf + 4, "vac", 3))
		return -EINVAL;
	v.owner = buf[8] & 0x01;
	v.alua = (buf[8] & 0xe0) == 0xe0;
	prio_byte = (buf[8] & 0x08) ? 15 : 9;
	v.preferred = prio_byte < len && (buf[prio_byte] & 0x0f) == 0x1;
	if (len > 10)
		v.aas = buf[10] & 0x0f;
	if (len > 11)
		v.ctl_status = buf[11];
	*out = v;
	return 0;
}

int scsi_emc_upr_parse(const uint8_t *buf, size_t len, struct scsi_emc_upr *out)
{
	struct scsi_emc_upr u = {0};

	if (len < 9 || buf[1] != SCSI_VPD_EMC_UPR)
		return -EINVAL;
	u.lun_state = buf[4];
	u.default_sp = buf[5];
	u.sp = buf[8];
	u.failover_mode = len > 28 ? buf[28] & 0x0f : 0xff;
	u.io_rejected = len > 48 && buf[48] == 1;
	*out = u;
	return 0;
}
