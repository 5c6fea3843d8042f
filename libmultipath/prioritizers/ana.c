// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ana: NVMe Asymmetric Namespace Access (NVMe base specification 1.4+),
 * through the NVMe admin command ioctl (linux/nvme_ioctl.h) on the path's
 * namespace device (a dm-multipath path is an nvmeXnY of a controller whose
 * subsystem runs with native NVMe multipath off):
 *   NVME_IOCTL_ID                  the namespace id
 *   Identify Controller (CNS 01h)  CMIC (byte 76) bit 3: ANA reporting;
 *                                  NANAGRPID (bytes 348-351): group count
 *   Identify Namespace (CNS 00h)   ANAGRPID (bytes 92-95) of the namespace
 *   Get Log Page, ANA (LID 0Ch), "return groups only" (LSP bit 0)
 *       header: bytes 8-9 the number of group descriptors; each descriptor
 *       32 bytes + 4 per NSID listed: bytes 0-3 ANAGRPID, 4-7 NNSID,
 *       byte 16 bits 3:0 the ANA state
 * Priorities, on the ALUA scale: optimized 50, non-optimized 10,
 * inaccessible 1, persistent loss 0, change 0. -ENODEV when the device is
 * not NVMe or the controller does not report ANA; -EINVAL for a malformed
 * log; -EIO when a command fails (an NVMe status).
 */
#include <errno.h>
#include <linux/nvme_ioctl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "prio.h"

enum {
	NVME_ADMIN_GET_LOG_PAGE = 0x02,
	NVME_ADMIN_IDENTIFY = 0x06,
	NVME_CNS_NS = 0x00,
	NVME_CNS_CTRL = 0x01,
	NVME_LOG_ANA = 0x0c,
	NVME_ANA_RGO = 0x1,
	NVME_ID_LEN = 4096,
	NVME_CMIC = 76,
	NVME_CMIC_ANA = 0x08,
	NVME_NANAGRPID = 348,
	NVME_ANAGRPID = 92,
	ANA_HDR_LEN = 16,
	ANA_DESC_LEN = 32,
	ANA_MAX_GROUPS = 4096,
};

enum {
	ANA_OPTIMIZED = 0x1,
	ANA_NON_OPTIMIZED = 0x2,
	ANA_INACCESSIBLE = 0x3,
	ANA_PERSISTENT_LOSS = 0x4,
	ANA_CHANGE = 0xf,
};

static uint32_t get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* One admin command reading len bytes into buf. 0 or -errno (-EIO: the
 * controller answered with an error status; -ENOTTY: not NVMe). */
static int nvme_admin_read(int fd, uint8_t opcode, uint32_t nsid, uint32_t cdw10, uint32_t cdw11,
			   void *buf, uint32_t len, unsigned timeout_ms)
{
	struct nvme_passthru_cmd cmd;
	int rc;

	memset(&cmd, 0, sizeof(cmd));
	cmd.opcode = opcode;
	cmd.nsid = nsid;
	cmd.addr = (uint64_t)(uintptr_t)buf;
	cmd.data_len = len;
	cmd.cdw10 = cdw10;
	cmd.cdw11 = cdw11;
	cmd.timeout_ms = timeout_ms;
	rc = ioctl(fd, NVME_IOCTL_ADMIN_CMD, &cmd);
	if (rc < 0)
		return -errno;
	return rc > 0 ? -EIO : 0;
}

int prio_ana_state_prio(int state)
{
	switch (state) {
	case ANA_OPTIMIZED:
		return PRIO_ALUA_AO;
	case ANA_NON_OPTIMIZED:
		return PRIO_ALUA_AN;
	case ANA_INACCESSIBLE:
		return PRIO_ALUA_STANDBY;
	case ANA_PERSISTENT_LOSS:
	case ANA_CHANGE:
		return 0;
	default:
		return -EINVAL;
	}
}

int prio_ana_parse_log(const uint8_t *buf, size_t len, uint32_t grpid)
{
	size_t p = ANA_HDR_LEN, ndesc;

	if (len < ANA_HDR_LEN)
		return -EINVAL;
	ndesc = (size_t)buf[8] | (size_t)buf[9] << 8;
	for (size_t i = 0; i < ndesc; i++) {
		if (p + ANA_DESC_LEN > len)
			return -EINVAL;
		if (get_le32(buf + p) == grpid)
			return buf[p + 16] & 0x0f;
		p += ANA_DESC_LEN + 4 * (size_t)get_le32(buf + p + 4);
	}
	return -ENODEV;
}

/* Identify Controller: 1 with *ngroups when ANA is reported, 0 when not. */
static int ana_ctrl(int fd, unsigned timeout_ms, uint32_t *ngroups)
{
	uint8_t *id = calloc(1, NVME_ID_LEN);
	int rc;

	if (!id)
		return -ENOMEM;
	rc = nvme_admin_read(fd, NVME_ADMIN_IDENTIFY, 0, NVME_CNS_CTRL, 0, id, NVME_ID_LEN,
			     timeout_ms);
	if (rc == 0) {
		rc = (id[NVME_CMIC] & NVME_CMIC_ANA) ? 1 : 0;
		*ngroups = get_le32(id + NVME_NANAGRPID);
	}
	free(id);
	return rc;
}

int prio_ana_supported(const char *devnode, unsigned timeout_ms)
{
	uint32_t ngroups;
	int fd = prio_dev_open(devnode), rc;

	if (fd < 0)
		return fd;
	rc = ana_ctrl(fd, timeout_ms, &ngroups);
	close(fd);
	return rc == -ENOTTY || rc == -EINVAL ? 0 : rc;
}

/* The namespace's ANA group id; -ENODEV when 0 (not in a group). */
static int ana_grpid(int fd, unsigned timeout_ms, uint32_t *grpid)
{
	uint8_t *id;
	int nsid, rc;

	nsid = ioctl(fd, NVME_IOCTL_ID);
	if (nsid <= 0)
		return nsid < 0 ? -errno : -ENODEV;
	id = calloc(1, NVME_ID_LEN);
	if (!id)
		return -ENOMEM;
	rc = nvme_admin_read(fd, NVME_ADMIN_IDENTIFY, (uint32_t)nsid, NVME_CNS_NS, 0, id,
			     NVME_ID_LEN, timeout_ms);
	if (rc == 0) {
		*grpid = get_le32(id + NVME_ANAGRPID);
		if (!*grpid)
			rc = -ENODEV;
	}
	free(id);
	return rc;
}

static int ana_state(int fd, unsigned timeout_ms, uint32_t ngroups, uint32_t grpid)
{
	uint32_t len, numd;
	uint8_t *log;
	int rc;

	if (ngroups == 0 || ngroups > ANA_MAX_GROUPS)
		ngroups = ANA_MAX_GROUPS;
	len = ANA_HDR_LEN + ngroups * ANA_DESC_LEN;
	numd = len / 4 - 1;
	log = calloc(1, len);
	if (!log)
		return -ENOMEM;
	rc = nvme_admin_read(fd, NVME_ADMIN_GET_LOG_PAGE, 0xffffffff,
			     NVME_LOG_ANA | NVME_ANA_RGO << 8 | (numd & 0xffff) << 16, numd >> 16,
			     log, len, timeout_ms);
	if (rc == 0)
		rc = prio_ana_parse_log(log, len, grpid);
	free(log);
	return rc;
}

int prio_ana_get(const char *args, const struct path *pp, const char *devnode, unsigned timeout_ms,
		 int *prio)
{
	uint32_t ngroups = 0, grpid = 0;
	int fd, rc;

	(void)args;
	(void)pp;
	fd = prio_dev_open(devnode);
	if (fd < 0)
		return fd;
	rc = ana_ctrl(fd, timeout_ms, &ngroups);
	if (rc == 0 || rc == -ENOTTY || rc == -EINVAL)
		rc = -ENODEV; /* no ANA, or not an NVMe device */
	if (rc > 0)
		rc = ana_grpid(fd, timeout_ms, &grpid);
	if (rc >= 0)
		rc = ana_state(fd, timeout_ms, ngroups, grpid);
	close(fd);
	if (rc < 0)
		return rc;
	rc = prio_ana_state_prio(rc);
	if (rc < 0)
		return rc;
	*prio = rc;
	return 0;
}
