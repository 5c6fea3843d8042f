// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * rdac: LSI/Engenio/NetApp E-Series RDAC arrays. INQUIRY of the vendor VPD
 * page 0xC9 "Volume Access Control" (scsi_rdac_vac_parse() in ../scsi.h):
 *   IO shipping (ALUA) mode: the ALUA priority of the controller's access
 *     state (prio_alua_state_prio(): 50 AO, 10 AN, 5 LBA dependent, 1
 *     standby, 0 otherwise), +80 on the preferred controller;
 *   otherwise: 10 on the controller that owns the volume, 0 on the other,
 *     +1 on the preferred controller.
 */
#include <errno.h>

#include "../scsi.h"
#include "prio.h"

enum { RDAC_VAC_LEN = 128, PRIO_RDAC_OWNER = 10 };

int prio_rdac_eval(const uint8_t *buf, size_t len, int *prio)
{
	struct scsi_rdac_vac v;

	if (scsi_rdac_vac_parse(buf, len, &v) < 0)
		return -EINVAL;
	if (v.alua)
		*prio = prio_alua_state_prio(v.aas, v.preferred);
	else
		*prio = (v.owner ? PRIO_RDAC_OWNER : 0) + (v.preferred ? 1 : 0);
	return 0;
}

int prio_rdac_get(const char *args, const struct path *pp, const char *devnode, unsigned timeout_ms,
		  int *prio)
{
	(void)args;
	(void)pp;
	return prio_inquiry_eval(devnode, SCSI_VPD_RDAC_VAC, RDAC_VAC_LEN, timeout_ms,
				 prio_rdac_eval, prio);
}
