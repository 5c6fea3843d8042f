// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * emc: DGC (EMC CLARiiON CX/AX, VNX) arrays in failover mode 1 (passive not
 * ready). INQUIRY of the vendor VPD page 0xC0 "Unit Path Report"
 * (scsi_emc_upr_parse() in ../scsi.h):
 *   LUN owned by this path's SP             10
 *   bound, owned by the other SP             0
 *   unbound / LUN_Z, or IO rejected          0
 * plus 1 when this path's SP is the LUN's default owner, so that after a
 * trespass the default SP's paths still sort first among equals.
 */
#include <errno.h>

#include "../scsi.h"
#include "prio.h"

enum { EMC_UPR_LEN = 128, PRIO_EMC_OWNER = 10 };

int prio_emc_eval(const uint8_t *buf, size_t len, int *prio)
{
	struct scsi_emc_upr u;
	int p = 0;

	if (scsi_emc_upr_parse(buf, len, &u) < 0)
		return -EINVAL;
	if (u.lun_state == SCSI_EMC_OWNED && !u.io_rejected)
		p = PRIO_EMC_OWNER;
	if (u.lun_state != SCSI_EMC_UNBOUND && u.sp == u.default_sp)
		p++;
	*prio = p;
	return 0;
}

int prio_emc_get(const char *args, const struct path *pp, const char *devnode, unsigned timeout_ms,
		 int *prio)
{
	(void)args;
	(void)pp;
	return prio_inquiry_eval(devnode, SCSI_VPD_EMC_UPR, EMC_UPR_LEN, timeout_ms, prio_emc_eval,
				 prio);
}
