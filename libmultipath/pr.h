/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SCSI persistent reservations (SPC-4 PERSISTENT RESERVE IN / OUT), the two
 * things multipathd needs: is a key registered on the LUN (READ KEYS), and
 * register a key on the I_T nexus of one path (REGISTER AND IGNORE EXISTING
 * KEY). The CDB builders and the READ KEYS parser are pure; pr_read_keys()
 * and pr_register() do SG_IO through scsi.h, retrying transient results as
 * its rule says.
 *
 * Threads: no state; any thread. The SG_IO calls block up to their timeout
 * (longer while the path's transport is blocked): never call them from the
 * checker thread or with a lock other threads need.
 * Errors: 0 / a count, or -errno. Nothing logs.
 */
#ifndef MP_PR_H
#define MP_PR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
	PR_OP_IN = 0x5e,
	PR_OP_OUT = 0x5f,
	PR_IN_READ_KEYS = 0x00,
	PR_OUT_REG_IGNORE = 0x06, /* REGISTER AND IGNORE EXISTING KEY */
	PR_OUT_PARAM_LEN = 24,	  /* the basic parameter list */
	PR_KEYS_ALLOC = 8 + 8 * 32, /* READ KEYS: header and 32 keys */
};

/* PERSISTENT RESERVE IN, READ KEYS, allocation length alloc_len. */
void pr_cdb_read_keys(uint8_t cdb[10], uint16_t alloc_len);
/* PERSISTENT RESERVE OUT, REGISTER AND IGNORE EXISTING KEY, with a basic
 * parameter list of PR_OUT_PARAM_LEN bytes. */
void pr_cdb_register_ignore(uint8_t cdb[10]);
/* The parameter list of that command: service action reservation key
 * key (the key to register; 0 unregisters), APTPL and ALL_TG_PT bits. */
void pr_param_register(uint8_t param[PR_OUT_PARAM_LEN], uint64_t key, bool aptpl,
		       bool all_tg_pt);

/*
 * READ KEYS parameter data (len bytes received): is key among the keys?
 * Only the keys that are both announced (ADDITIONAL LENGTH) and received
 * are looked at. Returns 1 found, 0 not, -EINVAL when len < 8 or the
 * additional length is not a multiple of 8.
 */
int pr_keys_has(const uint8_t *buf, size_t len, uint64_t key);

/* READ KEYS on fd: 1 key registered (on any I_T nexus), 0 not, -errno as
 * scsi_run() (-EIO: the device refused, e.g. no PR support). */
int pr_read_keys(int fd, uint64_t key, unsigned timeout_ms);

/* REGISTER AND IGNORE EXISTING KEY of key on fd's I_T nexus (all target
 * ports of the initiator port with all_tg_pt). 0 or -errno (-EIO: the
 * device refused or failed it; -ETIMEDOUT). */
int pr_register(int fd, uint64_t key, bool aptpl, bool all_tg_pt, unsigned timeout_ms);

#endif
