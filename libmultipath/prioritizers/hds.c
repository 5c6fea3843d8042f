// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * hds: Hitachi modular arrays (AMS/WMS, SCSI product "DF600F"), other than
 * the AMS 2000 (which is symmetric). The standard INQUIRY data carries, in
 * its vendor-specific part, the LDEV number as 4 ASCII hex digits at bytes
 * 44-47, the controller ('0' or '1') at byte 49 and the port at byte 50;
 * bytes 128-131 read "DF00" when the array runs symmetric (all paths
 * active). In asymmetric mode a LU's owning controller follows its LDEV
 * number: even LDEVs belong to controller 0, odd ones to controller 1.
 *   symmetric                                   2
 *   asymmetric, path to the owning controller   2
 *   asymmetric, path to the other controller    1
 * -EINVAL when the answer is too short or the controller byte is not a
 * digit (not such an array).
 */
#include <ctype.h>
#include <errno.h>
#include <string.h>

#include "../scsi.h"
#include "prio.h"

enum {
	HDS_INQ_LEN = 132,
	HDS_LDEV = 44,
	HDS_CTRL = 49,
	HDS_MODE = 128,
	PRIO_HDS_OWNER = 2,
	PRIO_HDS_OTHER = 1,
};

int prio_hds_eval(const uint8_t *buf, size_t len, int *prio)
{
	int ldev_low, ctrl;

	if (len <= HDS_CTRL || !isdigit(buf[HDS_CTRL]) || !isxdigit(buf[HDS_LDEV + 3]))
		return -EINVAL;
	if (len >= HDS_MODE + 4 && !memcmp(buf + HDS_MODE, "DF00", 4)) {
		*prio = PRIO_HDS_OWNER;
		return 0;
	}
	/* the parity of the LDEV number is that of its last hex digit */
	ldev_low = isdigit(buf[HDS_LDEV + 3]) ? buf[HDS_LDEV + 3] - '0'
					      : tolower(buf[HDS_LDEV + 3]) - 'a' + 10;
	ctrl = buf[HDS_CTRL] - '0';
	*prio = (ldev_low & 1) == (ctrl & 1) ? PRIO_HDS_OWNER : PRIO_HDS_OTHER;
	return 0;
}

int prio_hds_get(const char *args, const struct path *pp, const char *devnode, unsigned timeout_ms,
		 int *prio)
{
	(void)args;
	(void)pp;
	return prio_inquiry_eval(devnode, -1, HDS_INQ_LEN, timeout_ms, prio_hds_eval, prio);
}
