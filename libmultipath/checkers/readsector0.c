// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * readsector0: SCSI READ(10) of one logical block at LBA 0 through SG_IO.
 * Synchronous like tur; the verdict rules are checker_sg_run()'s, plus a
 * short transfer counts as down.
 */
#include <errno.h>
#include <stdlib.h>

#include "checkers.h"

struct readsector0 {
	unsigned bs;
	unsigned char *buf;
};

static int rs0_init(struct checker *c)
{
	struct readsector0 *rs = calloc(1, sizeof(*rs));

	if (!rs)
		return -ENOMEM;
	rs->bs = checker_block_size(checker_fd(c));
	rs->buf = malloc(rs->bs);
	if (!rs->buf) {
		free(rs);
		return -ENOMEM;
	}
	checker_set_priv(c, rs);
	return 0;
}

static int rs0_start(struct checker *c)
{
	const struct readsector0 *rs = checker_priv(c);
	/* READ(10): LBA 0 (bytes 2-5), transfer length 1 block (bytes 7-8) */
	const unsigned char cdb[10] = {0x28, 0, 0, 0, 0, 0, 0, 0, 1, 0};
	int rc = checker_sg_run(c, cdb, sizeof(cdb), rs->buf, rs->bs);

	return rc < 0 ? rc : 0;
}

static void rs0_free(struct checker *c)
{
	struct readsector0 *rs = checker_priv(c);

	if (!rs)
		return;
	free(rs->buf);
	free(rs);
}

const struct checker_ops checker_readsector0_ops = {
    .name = "readsector0",
    .init = rs0_init,
    .start = rs0_start,
    .free = rs0_free,
};
