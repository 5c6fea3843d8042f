// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * scsi.c: sense decoding (fixed and descriptor, short and foreign
 * buffers), the decoding of completed commands and the retry rule, and
 * scsi_run() / INQUIRY against a fake SG_IO (ioctl wrapped: each call takes
 * the next canned answer; nanosleep wrapped: pauses are counted, not slept).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>

#include "scsi.h"
#include "sg_fake.h"

int __wrap_nanosleep(const struct timespec *req, struct timespec *rem);

static int pauses; /* nanosleep calls: the pauses between retries */

int __wrap_nanosleep(const struct timespec *req, struct timespec *rem)
{
	(void)rem;
	assert_int_equal(req->tv_nsec, SCSI_RETRY_PAUSE_MS * 1000000L);
	pauses++;
	return 0;
}

static int setup(void **state)
{
	(void)state;
	sg_fake_reset();
	pauses = 0;
	return 0;
}

/* ---- sense and result decoding ---- */

static void test_sense_decode(void **state)
{
	const uint8_t fixed[18] = {0xf0, 0, 0x06, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x29, 0x02};
	const uint8_t fixed_short[8] = {0x71, 0, 0x05};
	const uint8_t desc[8] = {0x72, 0x02, 0x04, 0x0b, 0, 0, 0, 0};
	const uint8_t desc_deferred[4] = {0x73, 0x0b, 0x47, 0x03};
	const uint8_t bad[18] = {0x7f, 0, 0x02};
	struct scsi_sense s = {9, 9, 9};

	(void)state;
	assert_int_equal(scsi_sense_decode(fixed, sizeof(fixed), &s), 0);
	assert_int_equal(s.key, 6);
	assert_int_equal(s.asc, 0x29);
	assert_int_equal(s.ascq, 0x02);
	assert_int_equal(scsi_sense_decode(fixed_short, sizeof(fixed_short), &s), 0);
	assert_int_equal(s.key, 5);
	assert_int_equal(s.asc, 0);
	assert_int_equal(scsi_sense_decode(desc, sizeof(desc), &s), 0);
	assert_true(scsi_sense_standby(&s));
	s.ascq = 0x0a;
	assert_false(scsi_sense_standby(&s));
	assert_int_equal(scsi_sense_decode(desc_deferred, sizeof(desc_deferred), &s), 0);
	assert_int_equal(s.key, 0xb);
	s = (struct scsi_sense){9, 9, 9};
	assert_int_equal(scsi_sense_decode(bad, sizeof(bad), &s), -EINVAL);
	assert_int_equal(scsi_sense_decode(desc, 3, &s), -EINVAL);
	assert_int_equal(scsi_sense_decode(NULL, 18, &s), -EINVAL);
	assert_int_equal(s.key, 9);
}

/* Decode a header with the given status bytes and fixed sense. */
static struct scsi_result decode(uint8_t status, uint8_t host, uint8_t driver, int key, uint8_t asc,
				 uint8_t ascq)
{
	uint8_t sense[18] = {0x70};
	struct sg_io_hdr h;
	struct scsi_result r;

	memset(&h, 0, sizeof(h));
	h.status = status;
	h.host_status = host;
	h.driver_status = driver;
	h.sbp = sense;
	h.mx_sb_len = sizeof(sense);
	if (key >= 0) {
		sense[2] = (uint8_t)key;
		sense[12] = asc;
		sense[13] = ascq;
		h.sb_len_wr = sizeof(sense);
	}
	scsi_result_decode(&h, &r);
	return r;
}

static void test_result_decode(void **state)
{
	struct scsi_result r;
	char buf[64];

	(void)state;
	r = decode(0, 0, 0, -1, 0, 0);
	assert_int_equal(r.outcome, SCSI_GOOD);
	assert_false(r.transient);
	assert_string_equal(scsi_result_str(&r, buf, sizeof(buf)), "good");
	/* transient: UNIT ATTENTION, ABORTED COMMAND, NOT READY 04/01 04/07 04/0A */
	assert_true(decode(2, 0, 8, 0x6, 0x29, 0).transient);
	assert_true(decode(2, 0, 8, 0xb, 0x47, 0).transient);
	assert_true(decode(2, 0, 8, 0x2, 0x04, 0x01).transient);
	assert_true(decode(2, 0, 8, 0x2, 0x04, 0x07).transient);
	assert_true(decode(2, 0, 8, 0x2, 0x04, 0x0a).transient);
	/* final */
	r = decode(2, 0, 8, 0x2, 0x04, 0x0b);
	assert_int_equal(r.outcome, SCSI_CHECK);
	assert_false(r.transient);
	assert_string_equal(scsi_result_str(&r, buf, sizeof(buf)), "sense 2/04/0b");
	assert_false(decode(2, 0, 8, 0x2, 0x3a, 0).transient);
	assert_false(decode(2, 0, 8, 0x5, 0x24, 0).transient);
	assert_false(decode(2, 0, 8, 0x3, 0x11, 0).transient);
	/* recovered error, and NO SENSE without ASC: good */
	assert_int_equal(decode(2, 0, 8, 0x1, 0x5d, 0).outcome, SCSI_GOOD);
	assert_int_equal(decode(2, 0, 8, 0x0, 0, 0).outcome, SCSI_GOOD);
	/* sense with GOOD status but DRIVER_SENSE */
	assert_int_equal(decode(0, 0, 8, 0x6, 0x29, 0).outcome, SCSI_CHECK);
	/* CHECK CONDITION without sense */
	r = decode(2, 0, 0, -1, 0, 0);
	assert_int_equal(r.outcome, SCSI_CHECK);
	assert_false(r.has_sense);
	assert_false(r.transient);
	/* statuses */
	assert_true(decode(0x08, 0, 0, -1, 0, 0).transient);
	assert_true(decode(0x28, 0, 0, -1, 0, 0).transient);
	r = decode(0x18, 0, 0, -1, 0, 0);
	assert_int_equal(r.outcome, SCSI_STATUS);
	assert_false(r.transient);
	assert_string_equal(scsi_result_str(&r, buf, sizeof(buf)), "SCSI status 0x18");
	assert_int_equal(decode(0x04, 0, 0, -1, 0, 0).outcome, SCSI_GOOD); /* condition met */
	/* host and driver */
	for (uint8_t h = 0x01; h <= 0x0e; h++) {
		r = decode(0, h, 0, -1, 0, 0);
		if (h == 0x03) {
			assert_int_equal(r.outcome, SCSI_TIMEOUT);
			continue;
		}
		assert_int_equal(r.outcome, SCSI_HOST);
		assert_int_equal(r.transient, h == 0x02 || h == 0x0b || h == 0x0c || h == 0x0d);
	}
	assert_int_equal(decode(0, 0, 0x06, -1, 0, 0).outcome, SCSI_TIMEOUT);
	r = decode(0, 0x01, 0, -1, 0, 0);
	assert_string_equal(scsi_result_str(&r, buf, sizeof(buf)), "host status 0x1");
}

/* ---- scsi_run and the retry rule ---- */

static void test_run_retries(void **state)
{
	static const uint8_t tur[6] = {0};
	struct scsi_result r;

	(void)state;
	/* one UNIT ATTENTION: retried at once, no pause */
	sg_fake_add_sense(0x6, 0x29, 0x00);
	sg_fake_add();
	assert_int_equal(scsi_run(-1, tur, 6, NULL, 0, 5000, &r), 0);
	assert_int_equal(sg_fake.calls, 2);
	assert_int_equal(pauses, 0);
	assert_int_equal(r.outcome, SCSI_GOOD);
	assert_true(sg_fake.timeout[0] <= 5000 && sg_fake.timeout[0] > 4000);
	assert_true(sg_fake.timeout[1] <= sg_fake.timeout[0]);
	/* BUSY and NOT READY becoming ready: retried after a pause */
	setup(NULL);
	sg_fake_add()->status = 0x08;
	sg_fake_add_sense(0x2, 0x04, 0x01);
	sg_fake_add();
	assert_int_equal(scsi_tur(-1, 5000, NULL), 0);
	assert_int_equal(sg_fake.calls, 3);
	assert_int_equal(pauses, 2);
	/* SCSI_RETRIES retries, then the last answer stands */
	setup(NULL);
	for (int i = 0; i <= SCSI_RETRIES; i++)
		sg_fake_add_sense(0x6, 0x29, 0x00);
	sg_fake_add();
	assert_int_equal(scsi_tur(-1, 5000, &r), -EIO);
	assert_int_equal(sg_fake.calls, SCSI_RETRIES + 1);
	assert_int_equal(r.outcome, SCSI_CHECK);
	assert_int_equal(r.sense.key, 0x6);
	/* final answers are not retried */
	setup(NULL);
	sg_fake_add_sense(0x2, 0x04, 0x0b);
	assert_int_equal(scsi_tur(-1, 5000, &r), -EIO);
	assert_true(scsi_sense_standby(&r.sense));
	assert_int_equal(sg_fake.calls, 1);
	setup(NULL);
	sg_fake_add()->host = 0x03;
	assert_int_equal(scsi_tur(-1, 5000, NULL), -ETIMEDOUT);
	/* ioctl errors: EINTR repeated, others returned */
	setup(NULL);
	sg_fake_add()->err = EINTR;
	sg_fake_add();
	assert_int_equal(scsi_tur(-1, 5000, NULL), 0);
	assert_int_equal(sg_fake.calls, 2);
	setup(NULL);
	sg_fake_add()->err = ENOTTY;
	assert_int_equal(scsi_tur(-1, 5000, NULL), -ENOTTY);
	/* bad arguments never reach the device */
	assert_int_equal(scsi_run(-1, tur, 0, NULL, 0, 5000, NULL), -EINVAL);
	assert_int_equal(scsi_run(-1, tur, 17, NULL, 0, 5000, NULL), -EINVAL);
	assert_int_equal(scsi_run(-1, tur, 6, NULL, 8, 5000, NULL), -EINVAL);
	assert_int_equal(sg_fake.calls, 1);
}

static void test_inquiry(void **state)
{
	const uint8_t std[36] = {0x00, 0x00, 0x05, 0x02, 31, 0x30};
	const uint8_t vpd80[8] = {0x00, 0x80, 0x00, 0x04, 'S', 'N', '0', '1'};
	const uint8_t cdb_vpd[6] = {0x12, 0x01, 0x80, 0x00, 0xff, 0x00};
	uint8_t buf[255];

	(void)state;
	sg_fake_add()->data = std;
	sg_fake.a[0].data_len = sizeof(std);
	assert_int_equal(scsi_inquiry(-1, buf, 96, 1000), 36);
	assert_int_equal(sg_fake.cdb[0], 0x12);
	assert_int_equal(sg_fake.cdb[1], 0);
	assert_int_equal(sg_fake.cdb[4], 96);
	assert_int_equal(scsi_inquiry_tpgs(buf, 36), 3);
	assert_int_equal(scsi_inquiry_tpgs(buf, 5), -EINVAL);
	sg_fake_add()->data = vpd80;
	sg_fake.a[1].data_len = sizeof(vpd80);
	assert_int_equal(scsi_inquiry_vpd(-1, 0x80, buf, sizeof(buf), 1000), 8);
	assert_memory_equal(sg_fake.cdb, cdb_vpd, 6);
	/* the device answers with another page */
	sg_fake_add()->data = vpd80;
	sg_fake.a[2].data_len = sizeof(vpd80);
	assert_int_equal(scsi_inquiry_vpd(-1, 0x83, buf, sizeof(buf), 1000), -EINVAL);
	/* or with too little */
	sg_fake_add()->data = vpd80;
	sg_fake.a[3].data_len = 3;
	assert_int_equal(scsi_inquiry_vpd(-1, 0x80, buf, sizeof(buf), 1000), -EINVAL);
	assert_int_equal(scsi_inquiry_vpd(-1, 0x80, buf, 70000, 1000), -EINVAL);
}

static void test_vpd83(void **state)
{
	/* a NAA designator, relative target port 2, target port group 0x0102 */
	const uint8_t page[] = {0x00, 0x83, 0x00, 28,
				0x01, 0x03, 0x00, 0x08, 0x60, 1, 2, 3, 4, 5, 6, 7,
				0x61, 0x94, 0x00, 0x04, 0x00, 0x00, 0x00, 0x02,
				0x61, 0x95, 0x00, 0x04, 0x00, 0x00, 0x01, 0x02};

	(void)state;
	assert_int_equal(scsi_vpd83_port_id(page, sizeof(page), SCSI_DESIG_TPG), 0x0102);
	assert_int_equal(scsi_vpd83_port_id(page, sizeof(page), SCSI_DESIG_REL_PORT), 2);
	assert_int_equal(scsi_vpd83_port_id(page, sizeof(page), 8), -ENODEV);
	/* the last designator cut off */
	assert_int_equal(scsi_vpd83_port_id(page, sizeof(page) - 1, SCSI_DESIG_TPG), -ENODEV);
	assert_int_equal(scsi_vpd83_port_id(page, 3, SCSI_DESIG_TPG), -EINVAL);
	assert_int_equal(scsi_vpd83_port_id(page + 1, sizeof(page) - 1, SCSI_DESIG_TPG), -EINVAL);
}

static void test_vendor_pages(void **state)
{
	uint8_t c9[16] = {0, 0xc9, 0, 12, 'v', 'a', 'c', '1', 0x09, 0x02, 0x01, 0x04, 0, 0, 0, 0x01};
	uint8_t c0[60] = {0, 0xc0, 0, 56, 1, 1, 0, 0, 1};
	struct scsi_rdac_vac v;
	struct scsi_emc_upr u;

	(void)state;
	assert_int_equal(scsi_rdac_vac_parse(c9, sizeof(c9), &v), 0);
	assert_true(v.owner);
	assert_false(v.alua);
	assert_true(v.preferred); /* byte 8 bit 3: byte 15 counts */
	assert_int_equal(v.aas, 1);
	assert_int_equal(v.ctl_status, 4);
	c9[8] = 0xe0;
	assert_int_equal(scsi_rdac_vac_parse(c9, sizeof(c9), &v), 0);
	assert_true(v.alua);
	assert_false(v.owner);
	assert_false(v.preferred); /* byte 9 says secondary */
	assert_int_equal(scsi_rdac_vac_parse(c9, 9, &v), -EINVAL);
	c9[6] = 'x';
	assert_int_equal(scsi_rdac_vac_parse(c9, sizeof(c9), &v), -EINVAL);

	c0[28] = 0x06;
	c0[48] = 1;
	assert_int_equal(scsi_emc_upr_parse(c0, sizeof(c0), &u), 0);
	assert_int_equal(u.lun_state, SCSI_EMC_BOUND);
	assert_int_equal(u.default_sp, 1);
	assert_int_equal(u.sp, 1);
	assert_int_equal(u.failover_mode, SCSI_EMC_FAILOVER_ALUA);
	assert_true(u.io_rejected);
	assert_int_equal(scsi_emc_upr_parse(c0, 20, &u), 0);
	assert_int_equal(u.failover_mode, 0xff);
	assert_false(u.io_rejected);
	assert_int_equal(scsi_emc_upr_parse(c0, 8, &u), -EINVAL);
	c0[1] = 0xc9;
	assert_int_equal(scsi_emc_upr_parse(c0, sizeof(c0), &u), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sense_decode),
	    cmocka_unit_test(test_result_decode),
	    cmocka_unit_test_setup(test_run_retries, setup),
	    cmocka_unit_test_setup(test_inquiry, setup),
	    cmocka_unit_test(test_vpd83),
	    cmocka_unit_test(test_vendor_pages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
