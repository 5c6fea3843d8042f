// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * hp_sw: HP/COMPAQ/DEC HSG80, MSA and HSV arrays in active/standby mode.
 * TEST UNIT READY (retries as ../scsi.h says):
 *   GOOD                                                  4 (active)
 *   NOT READY 04/02 (initializing command required: the
 *     passive controller) or 04/0B, 04/0C (standby)       1
 *   any other answer: -EIO (the checker judges the path)
 */
#include <errno.h>
#include <unistd.h>

#include "../scsi.h"
#include "prio.h"

enum { PRIO_HP_SW_ACTIVE = 4, PRIO_HP_SW_PASSIVE = 1 };

int prio_hp_sw_get(const char *args, const struct path *pp, const char *devnode,
		   unsigned timeout_ms, int *prio)
{
	struct scsi_result r = {0};
	int fd, rc;

	(void)args;
	(void)pp;
	fd = prio_dev_open(devnode);
	if (fd < 0)
		return fd;
	rc = scsi_tur(fd, timeout_ms, &r);
	close(fd);
	if (rc == 0) {
		*prio = PRIO_HP_SW_ACTIVE;
		return 0;
	}
	if (rc == -EIO && r.outcome == SCSI_CHECK && r.has_sense &&
	    (scsi_sense_standby(&r.sense) || (r.sense.key == SCSI_SK_NOT_READY &&
					      r.sense.asc == 0x04 && r.sense.ascq == 0x02))) {
		*prio = PRIO_HP_SW_PASSIVE;
		return 0;
	}
	return rc;
}
