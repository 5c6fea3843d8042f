// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SCSI persistent reservation commands: CDBs and parameter lists as SPC-4
 * lays them out, READ KEYS data built by hand from the spec (6.15.2: a
 * 4-byte PRGENERATION, a 4-byte ADDITIONAL LENGTH, then 8-byte keys), and
 * the SG_IO calls against canned answers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pr.h"
#include "sg_fake.h"

static int reset(void **state)
{
	(void)state;
	sg_fake_reset();
	return 0;
}

/* READ KEYS parameter data with the n keys (generation 5). */
static unsigned keys_data(uint8_t *buf, const uint64_t *keys, unsigned n)
{
	memset(buf, 0, 8 + 8 * n);
	buf[3] = 5;
	buf[7] = (uint8_t)(8 * n); /* additional length, n < 32 here */
	for (unsigned i = 0; i < n; i++)
		for (int b = 0; b < 8; b++)
			buf[8 + 8 * i + b] = (uint8_t)(keys[i] >> (56 - 8 * b));
	return 8 + 8 * n;
}

static void test_cdbs(void **state)
{
	static const uint8_t in[10] = {0x5e, 0x00, 0, 0, 0, 0, 0, 0x01, 0x08, 0};
	static const uint8_t out[10] = {0x5f, 0x06, 0, 0, 0, 0, 0, 0, 24, 0};
	uint8_t cdb[10];

	(void)state;
	memset(cdb, 0xff, sizeof(cdb));
	pr_cdb_read_keys(cdb, 264);
	assert_memory_equal(cdb, in, sizeof(in));
	memset(cdb, 0xff, sizeof(cdb));
	pr_cdb_register_ignore(cdb);
	assert_memory_equal(cdb, out, sizeof(out));
}

static void test_param(void **state)
{
	uint8_t p[PR_OUT_PARAM_LEN], want[PR_OUT_PARAM_LEN] = {0};

	(void)state;
	memset(p, 0xff, sizeof(p));
	pr_param_register(p, 0x0102030405060708ULL, false, false);
	for (int i = 0; i < 8; i++)
		want[8 + i] = (uint8_t)(i + 1); /* SERVICE ACTION RESERVATION KEY */
	assert_memory_equal(p, want, sizeof(want));
	pr_param_register(p, 0x123, true, false);
	assert_int_equal(p[15], 0x23);
	assert_int_equal(p[14], 0x01);
	assert_int_equal(p[20], 0x01); /* APTPL */
	pr_param_register(p, 0x123, false, true);
	assert_int_equal(p[20], 0x04); /* ALL_TG_PT */
	pr_param_register(p, 0x123, true, true);
	assert_int_equal(p[20], 0x05);
	for (int i = 0; i < 8; i++)
		assert_int_equal(p[i], 0); /* RESERVATION KEY: ignored, zero */
}

static void test_keys_has(void **state)
{
	uint64_t keys[3] = {0x123, 0xdeadbeefcafef00dULL, 0x123};
	uint8_t buf[8 + 8 * 3];
	unsigned len;

	(void)state;
	len = keys_data(buf, keys, 3);
	assert_int_equal(pr_keys_has(buf, len, 0x123), 1);
	assert_int_equal(pr_keys_has(buf, len, 0xdeadbeefcafef00dULL), 1);
	assert_int_equal(pr_keys_has(buf, len, 0x124), 0);
	assert_int_equal(pr_keys_has(buf, len, 0), 0);
	/* no keys registered */
	len = keys_data(buf, NULL, 0);
	assert_int_equal(pr_keys_has(buf, len, 0x123), 0);
	/* announced but not received (allocation length too small): only
	 * what arrived counts */
	len = keys_data(buf, keys + 1, 2);
	assert_int_equal(pr_keys_has(buf, 16, 0xdeadbeefcafef00dULL), 1);
	assert_int_equal(pr_keys_has(buf, 16, 0x123), 0);
	assert_int_equal(pr_keys_has(buf, 20, 0x123), 0); /* half a key */
	assert_int_equal(pr_keys_has(buf, 12, 0xdeadbeefcafef00dULL), 0);
	assert_int_equal(pr_keys_has(buf, 24, 0x123), 1);
	/* malformed */
	assert_int_equal(pr_keys_has(buf, 7, 0x123), -EINVAL);
	buf[7] = 12;
	assert_int_equal(pr_keys_has(buf, len, 0x123), -EINVAL);
}

static void test_read_keys(void **state)
{
	static uint8_t data[8 + 16];
	uint64_t keys[2] = {0x999, 0x123};
	struct sg_answer *a;

	(void)state;
	a = sg_fake_add();
	a->data = data;
	a->data_len = keys_data(data, keys, 2);
	assert_int_equal(pr_read_keys(3, 0x123, 5000), 1);
	assert_int_equal(sg_fake.cdb[0], 0x5e);
	assert_int_equal(sg_fake.dir, SG_DXFER_FROM_DEV);
	assert_true(sg_fake.timeout[0] <= 5000 && sg_fake.timeout[0] > 4000);
	/* not there */
	reset(NULL);
	a = sg_fake_add();
	a->data = data;
	a->data_len = keys_data(data, keys, 1);
	assert_int_equal(pr_read_keys(3, 0x123, 5000), 0);
	/* a UNIT ATTENTION first: retried */
	reset(NULL);
	sg_fake_add_sense(SCSI_SK_UNIT_ATTENTION, 0x29, 0);
	a = sg_fake_add();
	a->data = data;
	a->data_len = keys_data(data, keys, 2);
	assert_int_equal(pr_read_keys(3, 0x123, 5000), 1);
	assert_int_equal(sg_fake.calls, 2);
	/* no PR support (scsi_debug): ILLEGAL REQUEST, INVALID COMMAND OPCODE */
	reset(NULL);
	sg_fake_add_sense(SCSI_SK_ILLEGAL_REQUEST, 0x20, 0);
	assert_int_equal(pr_read_keys(3, 0x123, 5000), -EIO);
	/* SG_IO refused */
	reset(NULL);
	sg_fake_add()->err = ENOTTY;
	assert_int_equal(pr_read_keys(3, 0x123, 5000), -ENOTTY);
}

static void test_register(void **state)
{
	uint8_t want[PR_OUT_PARAM_LEN];

	(void)state;
	sg_fake_add();
	assert_int_equal(pr_register(3, 0xabc, true, true, 2000), 0);
	assert_int_equal(sg_fake.dir, SG_DXFER_TO_DEV);
	assert_int_equal(sg_fake.cdb_len, 10);
	assert_int_equal(sg_fake.cdb[0], 0x5f);
	assert_int_equal(sg_fake.cdb[1], 0x06);
	assert_int_equal(sg_fake.out_len, PR_OUT_PARAM_LEN);
	pr_param_register(want, 0xabc, true, true);
	assert_memory_equal(sg_fake.out, want, sizeof(want));
	assert_true(sg_fake.timeout[0] <= 2000 && sg_fake.timeout[0] > 1000);
	/* UNIT ATTENTION, then good */
	reset(NULL);
	sg_fake_add_sense(SCSI_SK_UNIT_ATTENTION, 0x2a, 0);
	sg_fake_add();
	assert_int_equal(pr_register(3, 0xabc, false, false, 2000), 0);
	assert_int_equal(sg_fake.calls, 2);
	/* RESERVATION CONFLICT: not retried */
	reset(NULL);
	sg_fake_add()->status = SCSI_STAT_RESERVATION_CONFLICT;
	assert_int_equal(pr_register(3, 0xabc, false, false, 2000), -EIO);
	assert_int_equal(sg_fake.calls, 1);
	/* NOT READY, LOGICAL UNIT COMMUNICATION FAILURE (LIO without its
	 * APTPL directory): failed */
	reset(NULL);
	sg_fake_add_sense(SCSI_SK_NOT_READY, 0x08, 0);
	assert_int_equal(pr_register(3, 0xabc, true, false, 2000), -EIO);
	/* always UNIT ATTENTION: SCSI_RETRIES retries, then failed */
	reset(NULL);
	for (int i = 0; i <= SCSI_RETRIES; i++)
		sg_fake_add_sense(SCSI_SK_UNIT_ATTENTION, 0x29, 0);
	assert_int_equal(pr_register(3, 0xabc, false, false, 2000), -EIO);
	assert_int_equal(sg_fake.calls, SCSI_RETRIES + 1);
	reset(NULL);
	sg_fake_add()->err = EIO;
	assert_int_equal(pr_register(3, 0xabc, false, false, 2000), -EIO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cdbs),
	    cmocka_unit_test(test_param),
	    cmocka_unit_test(test_keys_has),
	    cmocka_unit_test_setup(test_read_keys, reset),
	    cmocka_unit_test_setup(test_register, reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
