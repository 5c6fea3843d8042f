// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * alua: ask the device (SPC-4) for the asymmetric access state of the
 * target port group this path goes through:
 *   INQUIRY              standard data, byte 5 bits 5:4 = TPGS
 *   INQUIRY VPD 0x83     designator type 5 = target port group
 *   REPORT TARGET PORT GROUPS (MAINTENANCE IN, service action 0x0a)
 *                        one descriptor per group: PREF, state, group id
 * Everything the device returns is bounded by what the kernel says it
 * transferred; lengths inside the data are clamped to that.
 */
#include <errno.h>
#include <fcntl.h>
#include <scsi/sg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "prio.h"

enum {
	OP_INQUIRY = 0x12,
	OP_MAINTENANCE_IN = 0xa3,
	SA_REPORT_TPGS = 0x0a,
	VPD_DEVICE_ID = 0x83,
	DESIG_TPG = 5,
	INQ_LEN = 96,
	VPD_LEN = 4096,
	RTPG_LEN = 4096,
	RTPG_MAX_LEN = 65536,
	SENSE_LEN = 32,
	SENSE_RECOVERED = 0x1,
};

static unsigned get_be16(const uint8_t *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

int prio_alua_parse_inquiry(const uint8_t *buf, size_t len)
{
	if (len < 6)
		return -EINVAL;
	return (buf[5] >> 4) & 0x3;
}

int prio_alua_parse_vpd83(const uint8_t *buf, size_t len)
{
	size_t end, p, dlen;

	if (len < 4 || buf[1] != VPD_DEVICE_ID)
		return -EINVAL;
	end = 4 + get_be16(buf + 2);
	if (end > len)
		end = len;
	for (p = 4; p + 4 <= end; p += 4 + dlen) {
		dlen = buf[p + 3];
		if (p + 4 + dlen > end)
			break; /* truncated designator */
		if ((buf[p + 1] & 0xf) == DESIG_TPG && dlen >= 4)
			return (int)get_be16(buf + p + 6);
	}
	return -ENODEV;
}

int prio_alua_parse_rtpg(const uint8_t *buf, size_t len, unsigned tpg, int *state, bool *pref)
{
	size_t end, p;

	if (len < 4)
		return -EINVAL;
	end = get_be32(buf);
	end = end > len - 4 ? len : end + 4;
	p = 4;
	/* A device may answer with the extended header (format type 1 in
	 * byte 4 bits 6:4, reserved in a length-only descriptor). */
	if (end >= 8 && (buf[4] & 0x70) == 0x10)
		p = 8;
	for (; p + 8 <= end; p += 8 + 4 * (size_t)buf[p + 7]) {
		if (get_be16(buf + p + 2) != tpg)
			continue;
		*state = buf[p] & 0xf;
		*pref = buf[p] & 0x80;
		return 0;
	}
	return -ENODEV;
}

int prio_alua_state_prio(int state, bool pref)
{
	int prio;

	switch (state) {
	case ALUA_AO:
		prio = PRIO_ALUA_AO;
		break;
	case ALUA_AN:
		prio = PRIO_ALUA_AN;
		break;
	case ALUA_LBA_DEPENDENT:
		prio = PRIO_ALUA_LBA;
		break;
	case ALUA_STANDBY:
		prio = PRIO_ALUA_STANDBY;
		break;
	default:
		/* unavailable, offline, transitioning: no IO, preferred or not */
		return 0;
	}
	return pref ? prio + PRIO_ALUA_PREF : prio;
}

/* Sense key of fixed or descriptor format sense data, -1 if none. */
static int sense_key(const uint8_t *sb, unsigned len)
{
	if (len < 3)
		return -1;
	switch (sb[0] & 0x7f) {
	case 0x70:
	case 0x71:
		return sb[2] & 0xf;
	case 0x72:
	case 0x73:
		return sb[1] & 0xf;
	default:
		return -1;
	}
}

/* Send a data-in command. Returns the bytes received or -errno. */
static int sg_data_in(int fd, const uint8_t *cdb, unsigned cdb_len, uint8_t *buf, unsigned len,
		      unsigned timeout_ms)
{
	uint8_t sense[SENSE_LEN] = {0};
	struct sg_io_hdr hdr;
	int resid;

	memset(&hdr, 0, sizeof(hdr));
	hdr.interface_id = 'S';
	hdr.dxfer_direction = SG_DXFER_FROM_DEV;
	hdr.cmd_len = cdb_len;
	hdr.cmdp = (unsigned char *)cdb;
	hdr.dxfer_len = len;
	hdr.dxferp = buf;
	hdr.mx_sb_len = sizeof(sense);
	hdr.sbp = sense;
	hdr.timeout = timeout_ms;
	if (ioctl(fd, SG_IO, &hdr) < 0)
		return -errno;
	if ((hdr.info & SG_INFO_OK_MASK) != SG_INFO_OK &&
	    sense_key(sense, hdr.sb_len_wr < SENSE_LEN ? hdr.sb_len_wr : SENSE_LEN) !=
		SENSE_RECOVERED)
		return -EIO;
	resid = hdr.resid;
	if (resid < 0 || (unsigned)resid > len)
		resid = 0;
	return (int)(len - (unsigned)resid);
}

static int alua_inquiry(int fd, bool evpd, uint8_t page, uint8_t *buf, unsigned len,
			unsigned timeout_ms)
{
	const uint8_t cdb[6] = {OP_INQUIRY, evpd, evpd ? page : 0, len >> 8, len & 0xff, 0};

	return sg_data_in(fd, cdb, sizeof(cdb), buf, len, timeout_ms);
}

static int alua_rtpg(int fd, uint8_t *buf, unsigned len, unsigned timeout_ms)
{
	uint8_t cdb[12] = {OP_MAINTENANCE_IN, SA_REPORT_TPGS};

	put_be32(cdb + 6, len); /* allocation length */
	return sg_data_in(fd, cdb, sizeof(cdb), buf, len, timeout_ms);
}

/* The target port group of the path behind fd. */
static int alua_get_tpg(int fd, unsigned timeout_ms)
{
	uint8_t *buf = calloc(1, VPD_LEN);
	int rc;

	if (!buf)
		return -ENOMEM;
	rc = alua_inquiry(fd, false, 0, buf, INQ_LEN, timeout_ms);
	if (rc >= 0) {
		rc = prio_alua_parse_inquiry(buf, rc);
		if (rc == 0)
			rc = -ENODEV; /* TPGS 0: no ALUA */
	}
	if (rc >= 0) {
		memset(buf, 0, VPD_LEN);
		rc = alua_inquiry(fd, true, VPD_DEVICE_ID, buf, VPD_LEN, timeout_ms);
	}
	if (rc >= 0)
		rc = prio_alua_parse_vpd83(buf, rc);
	free(buf);
	return rc;
}

/* State and PREF bit of group tpg. Retries once with a larger buffer when
 * the device has more to say than fits. */
static int alua_get_state(int fd, unsigned tpg, unsigned timeout_ms, int *state, bool *pref)
{
	unsigned len = RTPG_LEN;
	uint8_t *buf = NULL;
	uint32_t need;
	int rc;

	for (int attempt = 0; attempt < 2; attempt++) {
		free(buf);
		buf = calloc(1, len);
		if (!buf)
			return -ENOMEM;
		rc = alua_rtpg(fd, buf, len, timeout_ms);
		if (rc < 4)
			break;
		need = get_be32(buf);
		if (need <= len - 4 || len == RTPG_MAX_LEN)
			break;
		len = need > RTPG_MAX_LEN - 4 ? RTPG_MAX_LEN : need + 4;
	}
	if (rc >= 0)
		rc = prio_alua_parse_rtpg(buf, rc, tpg, state, pref);
	free(buf);
	return rc;
}

int prio_alua_get(const char *args, const struct path *pp, const char *devnode, unsigned timeout_ms,
		  int *prio)
{
	int fd, tpg, state, rc;
	bool pref;

	(void)args;
	if (!pp->dev[0])
		return -ENODEV;
	fd = open(devnode, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	tpg = alua_get_tpg(fd, timeout_ms);
	rc = tpg < 0 ? tpg : alua_get_state(fd, tpg, timeout_ms, &state, &pref);
	close(fd);
	if (rc < 0)
		return rc;
	*prio = prio_alua_state_prio(state, pref);
	return 0;
}
