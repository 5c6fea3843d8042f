// SPDX-License-Identifier: GPL-2.0-or-later
/* SCSI persistent reservation commands (see pr.h); layouts from SPC-4
 * 6.15 (PERSISTENT RESERVE IN) and 6.16 (PERSISTENT RESERVE OUT). */
#include <errno.h>
#include <string.h>

#include "pr.h"
#include "scsi.h"
#include "util/time.h"

enum { PR_TIMEOUT_DEFAULT_MS = 30000 };

static void put_be64(uint8_t *p, uint64_t v)
{
	for (int i = 7; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t)v;
}

static uint64_t get_be64(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

void pr_cdb_read_keys(uint8_t cdb[10], uint16_t alloc_len)
{
	memset(cdb, 0, 10);
	cdb[0] = PR_OP_IN;
	cdb[1] = PR_IN_READ_KEYS;
	cdb[7] = (uint8_t)(alloc_len >> 8);
	cdb[8] = (uint8_t)alloc_len;
}

void pr_cdb_register_ignore(uint8_t cdb[10])
{
	memset(cdb, 0, 10);
	cdb[0] = PR_OP_OUT;
	cdb[1] = PR_OUT_REG_IGNORE;
	/* scope and type are ignored by a registration; bytes 5-8: the
	 * parameter list length */
	cdb[8] = PR_OUT_PARAM_LEN;
}

void pr_param_register(uint8_t param[PR_OUT_PARAM_LEN], uint64_t key, bool aptpl, bool all_tg_pt)
{
	memset(param, 0, PR_OUT_PARAM_LEN);
	/* bytes 0-7 reservation key: ignored by this service action */
	put_be64(param + 8, key);
	param[20] = (uint8_t)((all_tg_pt ? 0x04 : 0) | (aptpl ? 0x01 : 0));
}

int pr_keys_has(const uint8_t *buf, size_t len, uint64_t key)
{
	uint32_t add;
	size_t n;

	if (len < 8)
		return -EINVAL;
	add = scsi_get_be32(buf + 4);
	if (add % 8)
		return -EINVAL;
	n = add < len - 8 ? add : (len - 8) / 8 * 8;
	for (size_t off = 8; off + 8 <= 8 + n; off += 8)
		if (get_be64(buf + off) == key)
			return 1;
	return 0;
}

int pr_read_keys(int fd, uint64_t key, unsigned timeout_ms)
{
	uint8_t cdb[10], buf[PR_KEYS_ALLOC];
	int rc;

	memset(buf, 0, sizeof(buf));
	pr_cdb_read_keys(cdb, sizeof(buf));
	rc = scsi_run(fd, cdb, sizeof(cdb), buf, sizeof(buf), timeout_ms, NULL);
	if (rc < 0)
		return rc;
	return pr_keys_has(buf, (size_t)rc, key);
}

/* One data-out command. 0 or -errno; *res the result. */
static int run_out(int fd, const uint8_t *cdb, uint8_t *param, unsigned timeout_ms,
		   struct scsi_result *res)
{
	uint8_t sense[SCSI_SENSE_MAX] = {0};
	struct sg_io_hdr hdr;
	int rc;

	memset(&hdr, 0, sizeof(hdr));
	hdr.interface_id = 'S';
	hdr.dxfer_direction = SG_DXFER_TO_DEV;
	hdr.cmd_len = 10;
	hdr.cmdp = (unsigned char *)cdb;
	hdr.dxferp = param;
	hdr.dxfer_len = PR_OUT_PARAM_LEN;
	hdr.sbp = sense;
	hdr.mx_sb_len = sizeof(sense);
	hdr.timeout = timeout_ms;
	rc = scsi_sg_io(fd, &hdr);
	if (rc < 0)
		return rc;
	scsi_result_decode(&hdr, res);
	return 0;
}

int pr_register(int fd, uint64_t key, bool aptpl, bool all_tg_pt, unsigned timeout_ms)
{
	uint8_t cdb[10], param[PR_OUT_PARAM_LEN];
	struct scsi_result r = {0};
	struct timespec until;
	long long left;
	int rc;

	pr_cdb_register_ignore(cdb);
	pr_param_register(param, key, aptpl, all_tg_pt);
	until = ts_add_ms(ts_now(), timeout_ms ? timeout_ms : PR_TIMEOUT_DEFAULT_MS);
	for (int attempt = 0; attempt <= SCSI_RETRIES; attempt++) {
		left = -ts_since_ms(&until);
		if (attempt > 0 && left <= 0)
			break;
		if (left <= 0)
			left = 1;
		rc = run_out(fd, cdb, param, left > 0x7fffffff ? 0x7fffffff : (unsigned)left, &r);
		if (rc < 0)
			return rc;
		if (!r.transient)
			break;
	}
	if (r.outcome == SCSI_TIMEOUT)
		return -ETIMEDOUT;
	return r.outcome == SCSI_GOOD ? 0 : -EIO;
}
