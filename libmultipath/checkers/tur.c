// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * tur: SCSI TEST UNIT READY through SG_IO. Synchronous: checker_start()
 * blocks until the device answers or the SCSI midlayer times the command
 * out after the checker timeout (plus the time the SCSI error handler takes
 * to abort it: seconds more on a hung device); checker_poll() returns that
 * verdict.
 * NOT READY "target port in standby/unavailable" gives PATH_GHOST.
 */
#include "checkers.h"

static int tur_start(struct checker *c)
{
	static const unsigned char cdb[6] = {0x00}; /* TEST UNIT READY */
	int rc = checker_sg_run(c, cdb, sizeof(cdb), NULL, 0);

	return rc < 0 ? rc : 0;
}

const struct checker_ops checker_tur_ops = {
    .name = "tur",
    .start = tur_start,
};
