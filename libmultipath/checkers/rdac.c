// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * rdac: LSI/Engenio/NetApp E-Series RDAC arrays (and their rebrands).
 * INQUIRY of the vendor VPD page 0xC9 "Volume Access Control"
 * (scsi_rdac_vac_parse() in ../scsi.h), asynchronous like tur:
 *   IO shipping (ALUA) mode: controller status 2 (not responding), 3 (held
 *     in reset) or 7 (service mode): PATH_DOWN; 4/5 (firmware download) or
 *     6 (quiesced): PATH_GHOST; then the access state: active/optimized,
 *     active/non-optimized, LBA dependent PATH_UP; standby, transitioning
 *     PATH_GHOST; unavailable, offline PATH_DOWN.
 *   otherwise: the controller owns the volume PATH_UP, else PATH_GHOST
 *     (the passive controller: IO only after an ownership transfer).
 * A page that is not 0xC9 "vac" is PATH_DOWN (not an RDAC device).
 */
#include "../scsi.h"
#include "checkers.h"

enum { RDAC_VAC_LEN = 128 };

static int rdac_alua_verdict(struct checker *c, const struct scsi_rdac_vac *v)
{
	switch (v->ctl_status) {
	case 2:
	case 3:
	case 7:
		return checker_set_state(c, PATH_DOWN, "rdac checker: controller %s",
					 v->ctl_status == 2   ? "not responding"
					 : v->ctl_status == 3 ? "held in reset"
							      : "in service mode");
	case 4:
	case 5:
	case 6:
		return checker_set_state(c, PATH_GHOST, "rdac checker: controller %s",
					 v->ctl_status == 6 ? "quiesced" : "downloading firmware");
	default:
		break;
	}
	switch (v->aas) {
	case 0x0: /* active/optimized */
	case 0x1: /* active/non-optimized */
	case 0x4: /* LBA dependent */
		return checker_set_state(c, PATH_UP, "rdac checker reports path is up (ALUA state %x)",
					 v->aas);
	case 0x2: /* standby */
	case 0xf: /* transitioning */
		return checker_set_state(c, PATH_GHOST, "rdac checker: path in ALUA state %x",
					 v->aas);
	default:
		return checker_set_state(c, PATH_DOWN, "rdac checker: path in ALUA state %x",
					 v->aas);
	}
}

static int rdac_data(struct checker *c, const unsigned char *buf, unsigned len)
{
	struct scsi_rdac_vac v;

	if (scsi_rdac_vac_parse(buf, len, &v) < 0)
		return checker_set_state(c, PATH_DOWN,
					 "rdac checker: no volume access control page (0xC9)");
	if (v.alua)
		return rdac_alua_verdict(c, &v);
	if (v.owner)
		return checker_set_state(c, PATH_UP, "rdac checker reports path is up (owner)");
	return checker_set_state(c, PATH_GHOST, "rdac checker: path to the passive controller");
}

static const struct checker_sg_ops rdac_hooks = {.data = rdac_data};

static int rdac_init(struct checker *c)
{
	return checker_sg_init(c, RDAC_VAC_LEN, &rdac_hooks);
}

static int rdac_start(struct checker *c)
{
	unsigned char cdb[6];

	scsi_cdb_inquiry(cdb, true, SCSI_VPD_RDAC_VAC, RDAC_VAC_LEN);
	return checker_sg_submit(c, cdb, sizeof(cdb));
}

const struct checker_ops checker_rdac_ops = {
    .name = "rdac",
    .init = rdac_init,
    .start = rdac_start,
    .poll = checker_sg_poll,
    .poll_fd = checker_sg_poll_fd,
    .free = checker_sg_free,
};
