// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * tur: SCSI TEST UNIT READY, asynchronous through the path's sg node (or
 * the SG_IO worker pool without one; see sg_async.c). checker_start()
 * queues the command and returns; checker_poll() collects the verdict.
 * NOT READY "target port in standby/unavailable" gives PATH_GHOST.
 *
 * cciss_tur is the same checker under multipath-tools' name for HP Smart
 * Array (cciss) devices: the cciss driver left the kernel in 4.14 and its
 * successor hpsa makes them SCSI devices, on which TEST UNIT READY through
 * sg works; the name is kept so that existing configurations load.
 */
#include "checkers.h"

static int tur_init(struct checker *c)
{
	return checker_sg_init(c, 0, NULL);
}

static int tur_start(struct checker *c)
{
	static const unsigned char cdb[6] = {0x00}; /* TEST UNIT READY */

	return checker_sg_submit(c, cdb, sizeof(cdb));
}

const struct checker_ops checker_tur_ops = {
    .name = "tur",
    .init = tur_init,
    .start = tur_start,
    .poll = checker_sg_poll,
    .poll_fd = checker_sg_poll_fd,
    .free = checker_sg_free,
};

const struct checker_ops checker_cciss_tur_ops = {
    .name = "cciss_tur",
    .init = tur_init,
    .start = tur_start,
    .poll = checker_sg_poll,
    .poll_fd = checker_sg_poll_fd,
    .free = checker_sg_free,
};
