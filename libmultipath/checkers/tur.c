// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * tur: SCSI TEST UNIT READY, asynchronous through the path's sg node (or
 * the SG_IO worker pool without one; see sg_async.c). checker_start()
 * queues the command and returns; checker_poll() collects the verdict.
 * NOT READY "target port in standby/unavailable" gives PATH_GHOST.
 */
#include "checkers.h"

static int tur_init(struct checker *c)
{
	return checker_sg_init(c, 0);
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
