// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * hp_sw: HP/COMPAQ/DEC HSG80, MSA and HSV arrays in active/standby mode.
 * The passive controller answers TEST UNIT READY with NOT READY, ASC/ASCQ
 * 04/02 ("initializing command required": it takes IO only after a START
 * STOP UNIT, which the kernel's scsi_dh_hp_sw sends on failover): such a
 * path is PATH_GHOST, not down. Otherwise tur's rules. Asynchronous like
 * tur (sg_async.c).
 */
#include "../scsi.h"
#include "checkers.h"

static int hp_sw_sense(struct checker *c, const struct scsi_sense *s)
{
	if (scsi_sense_standby(s) ||
	    (s->key == SCSI_SK_NOT_READY && s->asc == 0x04 && s->ascq == 0x02))
		return checker_set_state(c, PATH_GHOST,
					 "hp_sw checker: path is passive, sense %x/%02x/%02x",
					 s->key, s->asc, s->ascq);
	return checker_set_state(c, PATH_DOWN, "hp_sw checker: check condition, sense %x/%02x/%02x",
				 s->key, s->asc, s->ascq);
}

static const struct checker_sg_ops hp_sw_hooks = {.sense = hp_sw_sense};

static int hp_sw_init(struct checker *c)
{
	return checker_sg_init(c, 0, &hp_sw_hooks);
}

static int hp_sw_start(struct checker *c)
{
	static const unsigned char cdb[6] = {0x00}; /* TEST UNIT READY */

	return checker_sg_submit(c, cdb, sizeof(cdb));
}

const struct checker_ops checker_hp_sw_ops = {
    .name = "hp_sw",
    .init = hp_sw_init,
    .start = hp_sw_start,
    .poll = checker_sg_poll,
    .poll_fd = checker_sg_poll_fd,
    .free = checker_sg_free,
};
