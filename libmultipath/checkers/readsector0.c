// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * readsector0: SCSI READ(10) of one logical block at LBA 0, asynchronous
 * like tur (sg_async.c); the verdict rules are the same, plus a short
 * transfer counts as down.
 */
#include "checkers.h"

static int rs0_init(struct checker *c)
{
	return checker_sg_init(c, checker_block_size(checker_fd(c)), NULL);
}

static int rs0_start(struct checker *c)
{
	/* READ(10): LBA 0 (bytes 2-5), transfer length 1 block (bytes 7-8) */
	static const unsigned char cdb[10] = {0x28, 0, 0, 0, 0, 0, 0, 0, 1, 0};

	return checker_sg_submit(c, cdb, sizeof(cdb));
}

const struct checker_ops checker_readsector0_ops = {
    .name = "readsector0",
    .init = rs0_init,
    .start = rs0_start,
    .poll = checker_sg_poll,
    .poll_fd = checker_sg_poll_fd,
    .free = checker_sg_free,
};
