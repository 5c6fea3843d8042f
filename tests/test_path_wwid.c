// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * recheck_wwid's pieces (libmultipath/path_wwid.c): which verdicts ask for
 * a recheck, the comparison of a fresh VPD page 0x83 with the known WWID
 * (and the kernel's cached page when notations differ), and the fresh read
 * itself with open() and SG_IO answered by wraps
 * (tests/wraps/test_path_wwid.mk).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <scsi/sg.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "path_wwid.h"

/* VPD page 0x83 with one NAA 6 logical-unit designator ending in last. */
static size_t naa_page(unsigned char *page, unsigned char last)
{
	static const unsigned char head[] = {0x00, 0x83, 0x00, 0x14, 0x01, 0x03, 0x00, 0x10,
					     0x60, 0x01, 0x40, 0x50, 0x0c, 0x0f, 0xfe, 0xe0};

	memset(page, 0, 24);
	memcpy(page, head, sizeof(head));
	page[23] = last;
	return 24;
}

#define WWID_A "3600140500c0ffee00000000000000001"
#define WWID_B "3600140500c0ffee00000000000000002"

static void test_recheck_due(void **state)
{
	static const struct {
		bool on;
		enum path_state prev, now;
		bool due;
	} t[] = {
		{true, PATH_DOWN, PATH_UP, true},
		{true, PATH_TIMEOUT, PATH_UP, true},
		{true, PATH_DOWN, PATH_GHOST, true},
		{true, PATH_SHAKY, PATH_UP, true},
		{true, PATH_WILD, PATH_UP, true},
		{false, PATH_DOWN, PATH_UP, false}, /* recheck_wwid no */
		{true, PATH_UNCHECKED, PATH_UP, false}, /* first verdict: just found */
		{true, PATH_UP, PATH_UP, false},
		{true, PATH_GHOST, PATH_UP, false}, /* standby to active is no return */
		{true, PATH_UP, PATH_DOWN, false},
		{true, PATH_DOWN, PATH_DOWN, false},
		{true, PATH_DOWN, PATH_PENDING, false},
		{true, PATH_DOWN, PATH_DELAYED, false},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		if (path_wwid_recheck_due(t[i].on, t[i].prev, t[i].now) != t[i].due)
			fail_msg("row %zu: on %d prev %d now %d: expected %d", i, t[i].on,
				 t[i].prev, t[i].now, t[i].due);
	}
}

static void test_compare_same_and_changed(void **state)
{
	unsigned char a[24], b[24];
	size_t la = naa_page(a, 1), lb = naa_page(b, 2);
	char out[WWID_SIZE];

	(void)state;
	assert_int_equal(path_wwid_compare(WWID_A, a, la, a, la, out, sizeof(out)), PATH_WWID_SAME);
	assert_string_equal(out, WWID_A);
	/* the LUN behind the path was replaced: the kernel's copy is the old page */
	assert_int_equal(path_wwid_compare(WWID_A, b, lb, a, la, out, sizeof(out)),
			 PATH_WWID_CHANGED);
	assert_string_equal(out, WWID_B);
	/* no cached page to compare notations with: a difference is a change */
	assert_int_equal(path_wwid_compare(WWID_A, b, lb, NULL, 0, out, sizeof(out)),
			 PATH_WWID_CHANGED);
	/* the kernel rescanned already (cached is new too): still a change */
	assert_int_equal(path_wwid_compare(WWID_A, b, lb, b, lb, out, sizeof(out)),
			 PATH_WWID_CHANGED);
	/* out is cut to its size */
	assert_int_equal(path_wwid_compare(WWID_A, b, lb, a, la, out, 5), PATH_WWID_CHANGED);
	assert_string_equal(out, "3600");
}

/* A uid_attribute written otherwise than the page's WWID: the cached page
 * tells whether the LUN changed. */
static void test_compare_other_notation(void **state)
{
	unsigned char a[24], b[24];
	size_t la = naa_page(a, 1), lb = naa_page(b, 2);
	char out[WWID_SIZE];

	(void)state;
	assert_int_equal(path_wwid_compare("SLIO-ORG_disk_0001", a, la, a, la, out, sizeof(out)),
			 PATH_WWID_SAME);
	assert_int_equal(path_wwid_compare("SLIO-ORG_disk_0001", b, lb, a, la, out, sizeof(out)),
			 PATH_WWID_CHANGED);
	assert_string_equal(out, WWID_B);
	/* an unreadable cached page: the difference counts */
	assert_int_equal(path_wwid_compare("SLIO-ORG_disk_0001", a, la, a, 3, out, sizeof(out)),
			 PATH_WWID_CHANGED);
}

static void test_recheck_supported(void **state)
{
	struct path pp = {.hbtl = {1, 0, 0, 0}};

	(void)state;
	assert_true(path_wwid_recheck_supported(&pp, "ID_SERIAL"));
	assert_true(path_wwid_recheck_supported(&pp, "")); /* sysfs */
	assert_true(path_wwid_recheck_supported(&pp, NULL));
	assert_false(path_wwid_recheck_supported(&pp, "ID_WWN"));
	assert_false(path_wwid_recheck_supported(&pp, "ID_UID"));
	pp.hbtl.host = -1; /* not SCSI (NVMe) */
	assert_false(path_wwid_recheck_supported(&pp, "ID_SERIAL"));
}

static void test_compare_errors(void **state)
{
	static const unsigned char not83[] = {0x00, 0x80, 0x00, 0x04, '2', '0', '0', '0'};
	/* a target port designator only: no WWID of the LUN */
	static const unsigned char no_lu[] = {0x00, 0x83, 0x00, 0x0c, 0x61, 0x93, 0x00, 0x08,
					      0x52, 0x22, 0x22, 0x20, 0x00, 0x00, 0x07, 0xce};
	unsigned char a[24];
	size_t la = naa_page(a, 1);
	char out[WWID_SIZE] = "untouched";

	(void)state;
	assert_int_equal(path_wwid_compare(WWID_A, not83, sizeof(not83), a, la, out, sizeof(out)),
			 -EINVAL);
	assert_int_equal(path_wwid_compare(WWID_A, no_lu, sizeof(no_lu), a, la, out, sizeof(out)),
			 -ENODATA);
	assert_int_equal(path_wwid_compare(WWID_A, a, 3, a, la, out, sizeof(out)), -EINVAL);
	assert_int_equal(path_wwid_compare(WWID_A, a, la, a, la, out, 0), -EINVAL);
	assert_string_equal(out, "untouched");
}

/* ---- the fresh read: open() and SG_IO faked ---------------------------- */

int __wrap_open(const char *path, int flags, ...);
int __real_open(const char *path, int flags, ...);
int __wrap_ioctl(int fd, unsigned long req, ...);
int __real_ioctl(int fd, unsigned long req, ...);

static struct {
	char opened[64];
	int open_errno;		/* open of /dev/fake* fails with it */
	bool check;		/* answer CHECK CONDITION (ILLEGAL REQUEST) */
	unsigned char page[24]; /* the answer */
	size_t page_len;
	unsigned char cdb[6];
	unsigned timeout, calls;
} fake;

int __wrap_open(const char *path, int flags, ...)
{
	if (strncmp(path, "/dev/fake", 9))
		return __real_open(path, flags, 0);
	snprintf(fake.opened, sizeof(fake.opened), "%s", path);
	if (fake.open_errno) {
		errno = fake.open_errno;
		return -1;
	}
	return __real_open("/dev/null", flags);
}

int __wrap_ioctl(int fd, unsigned long req, ...)
{
	struct sg_io_hdr *h;
	va_list ap;
	void *arg;
	size_t n;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (req != SG_IO || !fake.opened[0])
		return __real_ioctl(fd, req, arg);
	h = arg;
	fake.calls++;
	memcpy(fake.cdb, h->cmdp, sizeof(fake.cdb));
	fake.timeout = h->timeout;
	h->status = h->host_status = h->driver_status = 0;
	h->sb_len_wr = 0;
	h->resid = 0;
	if (fake.check) {
		static const unsigned char sense[] = {0x70, 0, 0x05, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x24, 0};

		h->status = 0x02;
		memcpy(h->sbp, sense, sizeof(sense));
		h->sb_len_wr = sizeof(sense);
		return 0;
	}
	n = fake.page_len < h->dxfer_len ? fake.page_len : h->dxfer_len;
	memcpy(h->dxferp, fake.page, n);
	h->resid = (int)(h->dxfer_len - n);
	return 0;
}

static int fake_reset(void **state)
{
	(void)state;
	memset(&fake, 0, sizeof(fake));
	fake.page_len = naa_page(fake.page, 2);
	return 0;
}

static void test_read_fresh(void **state)
{
	unsigned char page[PATH_WWID_VPD_LEN];
	char out[WWID_SIZE];
	int n;

	(void)state;
	n = path_wwid_read_fresh("fakesdb", 5000, page, sizeof(page));
	assert_int_equal(n, 24);
	assert_string_equal(fake.opened, "/dev/fakesdb");
	/* INQUIRY, EVPD, page 0x83, the whole buffer asked for */
	assert_int_equal(fake.cdb[0], 0x12);
	assert_int_equal(fake.cdb[1] & 1, 1);
	assert_int_equal(fake.cdb[2], 0x83);
	assert_int_equal(fake.cdb[3] << 8 | fake.cdb[4], PATH_WWID_VPD_LEN);
	assert_true(fake.timeout > 0 && fake.timeout <= 5000);
	assert_int_equal(path_wwid_compare(WWID_A, page, (size_t)n, NULL, 0, out, sizeof(out)),
			 PATH_WWID_CHANGED);
	assert_string_equal(out, WWID_B);
}

static void test_read_fresh_errors(void **state)
{
	unsigned char page[PATH_WWID_VPD_LEN];

	(void)state;
	assert_int_equal(path_wwid_read_fresh("a/b", 5000, page, sizeof(page)), -EINVAL);
	assert_int_equal(path_wwid_read_fresh("", 5000, page, sizeof(page)), -EINVAL);
	assert_int_equal(path_wwid_read_fresh("fakesdb", 5000, page, 3), -EINVAL);
	assert_int_equal(fake.calls, 0);
	fake.open_errno = ENXIO;
	assert_int_equal(path_wwid_read_fresh("fakesdb", 5000, page, sizeof(page)), -ENXIO);
	assert_int_equal(fake.calls, 0);
	fake.open_errno = 0;
	fake.check = true; /* not retried: ILLEGAL REQUEST is no transient result */
	assert_int_equal(path_wwid_read_fresh("fakesdb", 5000, page, sizeof(page)), -EIO);
	assert_int_equal(fake.calls, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_recheck_due),
		cmocka_unit_test(test_compare_same_and_changed),
		cmocka_unit_test(test_compare_other_notation),
		cmocka_unit_test(test_compare_errors),
		cmocka_unit_test(test_recheck_supported),
		cmocka_unit_test_setup(test_read_fresh, fake_reset),
		cmocka_unit_test_setup(test_read_fresh_errors, fake_reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
