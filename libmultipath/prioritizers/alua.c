// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * alua: ask the device (SPC-4) for the asymmetric access state of the
 * target port group this path goes through:
 *   INQUIRY              standard data, byte 5 bits 5:4 = TPGS
 *   INQUIRY VPD 0x83     designator type 5 = target port group
 *   REPORT TARGET PORT GROUPS (MAINTENANCE IN, service action 0x0a)
 *                        one descriptor per group: PREF, state, group id
 * Everything the device returns is bounded by what the kernel says it
 * transferred; lengths inside the data are clamped to that. The commands go
 * through scsi_run() (../scsi.h): UNIT ATTENTION and the other transient
 * answers are retried there, so one event on the target does not cost the
 * path its priority.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../scsi.h"
#include "prio.h"

enum {
	OP_MAINTENANCE_IN = 0xa3,
	SA_REPORT_TPGS = 0x0a,
	VPD_DEVICE_ID = 0x83,
	VPD_LEN = 4096,
	RTPG_LEN = 4096,
	RTPG_MAX_LEN = 65536,
};

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

int prio_alua_parse_inquiry(const uint8_t *buf, size_t len)
{
	return scsi_inquiry_tpgs(buf, len);
}

int prio_alua_parse_vpd83(const uint8_t *buf, size_t len)
{
	return scsi_vpd83_port_id(buf, len, SCSI_DESIG_TPG);
}

int prio_alua_parse_rtpg(const uint8_t *buf, size_t len, unsigned tpg, int *state, bool *pref)
{
	size_t end, p;

	if (len < 4)
		return -EINVAL;
	end = scsi_get_be32(buf);
	end = end > len - 4 ? len : end + 4;
	p = 4;
	/* A device may answer with the extended header (format type 1 in
	 * byte 4 bits 6:4, reserved in a length-only descriptor). */
	if (end >= 8 && (buf[4] & 0x70) == 0x10)
		p = 8;
	for (; p + 8 <= end; p += 8 + 4 * (size_t)buf[p + 7]) {
		if (scsi_get_be16(buf + p + 2) != tpg)
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

static int alua_rtpg(int fd, uint8_t *buf, unsigned len, unsigned timeout_ms)
{
	uint8_t cdb[12] = {OP_MAINTENANCE_IN, SA_REPORT_TPGS};

	put_be32(cdb + 6, len); /* allocation length */
	return scsi_run(fd, cdb, sizeof(cdb), buf, len, timeout_ms, NULL);
}

/* The target port group of the path behind fd. */
static int alua_get_tpg(int fd, unsigned timeout_ms)
{
	uint8_t *buf = calloc(1, VPD_LEN);
	int rc;

	if (!buf)
		return -ENOMEM;
	rc = scsi_inquiry(fd, buf, SCSI_INQUIRY_STD_LEN, timeout_ms);
	if (rc >= 0) {
		rc = prio_alua_parse_inquiry(buf, rc);
		if (rc == 0)
			rc = -ENODEV; /* TPGS 0: no ALUA */
	}
	if (rc >= 0) {
		memset(buf, 0, VPD_LEN);
		rc = scsi_inquiry_vpd(fd, VPD_DEVICE_ID, buf, VPD_LEN, timeout_ms);
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
		need = scsi_get_be32(buf);
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
	/* the port group found at discovery (the kernel's VPD 0x83) spares
	 * two INQUIRYs per ask: only the states change */
	tpg = pp->tpgs > 0 && pp->tpg_id >= 0 ? pp->tpg_id : alua_get_tpg(fd, timeout_ms);
	rc = tpg < 0 ? tpg : alua_get_state(fd, tpg, timeout_ms, &state, &pref);
	close(fd);
	if (rc < 0)
		return rc;
	*prio = prio_alua_state_prio(state, pref);
	return 0;
}
