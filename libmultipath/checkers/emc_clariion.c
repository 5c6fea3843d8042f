// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * emc_clariion: DGC (EMC CLARiiON CX/AX, VNX, Unity) arrays. INQUIRY of the
 * vendor VPD page 0xC0 "Unit Path Report" (scsi_emc_upr_parse() in
 * ../scsi.h), asynchronous like tur:
 *   IO rejected (SP reboot or software upgrade)      PATH_DOWN
 *   LUN unbound, or the LUN_Z placeholder            PATH_DOWN
 *   bound and owned by this path's SP                PATH_UP
 *   bound, owned by the other SP: failover mode 4 (ALUA, the page says 6)
 *     PATH_UP (the other SP serves IO too), otherwise PATH_GHOST (passive)
 *   any other LUN state, or not page 0xC0            PATH_DOWN
 * Unlike multipath-tools, the array serial numbers of the paths are not
 * compared (each checker is independent).
 */
#include "../scsi.h"
#include "checkers.h"

enum { EMC_UPR_LEN = 128 };

static int emc_data(struct checker *c, const unsigned char *buf, unsigned len)
{
	struct scsi_emc_upr u;
	char sp;

	if (scsi_emc_upr_parse(buf, len, &u) < 0)
		return checker_set_state(c, PATH_DOWN,
					 "emc_clariion checker: no unit path report page (0xC0)");
	sp = u.sp == 0 ? 'A' : u.sp == 1 ? 'B' : '?';
	if (u.io_rejected)
		return checker_set_state(c, PATH_DOWN,
					 "emc_clariion checker: SP %c rejects IO (reboot or upgrade)",
					 sp);
	switch (u.lun_state) {
	case SCSI_EMC_OWNED:
		return checker_set_state(c, PATH_UP, "emc_clariion checker: path up, SP %c owns the LUN",
					 sp);
	case SCSI_EMC_BOUND:
		if (u.failover_mode == SCSI_EMC_FAILOVER_ALUA)
			return checker_set_state(c, PATH_UP,
						 "emc_clariion checker: path up (ALUA), SP %c", sp);
		return checker_set_state(c, PATH_GHOST, "emc_clariion checker: SP %c is passive", sp);
	case SCSI_EMC_UNBOUND:
		return checker_set_state(c, PATH_DOWN, "emc_clariion checker: LUN unbound or LUN_Z");
	default:
		return checker_set_state(c, PATH_DOWN, "emc_clariion checker: unknown LUN state %u",
					 u.lun_state);
	}
}

static const struct checker_sg_ops emc_hooks = {.data = emc_data};

static int emc_init(struct checker *c)
{
	return checker_sg_init(c, EMC_UPR_LEN, &emc_hooks);
}

static int emc_start(struct checker *c)
{
	unsigned char cdb[6];

	scsi_cdb_inquiry(cdb, true, SCSI_VPD_EMC_UPR, EMC_UPR_LEN);
	return checker_sg_submit(c, cdb, sizeof(cdb));
}

const struct checker_ops checker_emc_clariion_ops = {
    .name = "emc_clariion",
    .init = emc_init,
    .start = emc_start,
    .poll = checker_sg_poll,
    .poll_fd = checker_sg_poll_fd,
    .free = checker_sg_free,
};
