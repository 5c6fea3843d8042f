// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Prioritizers: registry, weightedpath, path_latency, sysfs (fixture trees
 * built under a temporary sysfs root), alua parsers on canned buffers and
 * alua end to end with SG_IO answered by a wrapped ioctl()
 * (tests/wraps/test_prio.mk).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/nvme_ioctl.h>
#include <scsi/sg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/keywords.h"
#include "prioritizers/prio.h"
#include "scsi.h"
#include "sysfs.h"

/* ---- helpers ---------------------------------------------------------- */

static char tmpdir[] = "/tmp/test_prio.XXXXXX";

/* Write text to <tmpdir>/rel, creating its directories. */
static void put_file(const char *rel, const char *text)
{
	char path[512];
	size_t len;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, rel);
	len = strlen(path);
	for (size_t i = strlen(tmpdir) + 1; i < len; i++) {
		if (path[i] != '/')
			continue;
		path[i] = '\0';
		assert_true(mkdir(path, 0755) == 0 || errno == EEXIST);
		path[i] = '/';
	}
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void rm_file(const char *rel)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", tmpdir, rel);
	unlink(path);
}

static void rm_tree(void)
{
	char cmd[600];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	assert_int_equal(system(cmd), 0);
}

static int setup_tmp(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/test_prio.XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	return sysfs_set_root(tmpdir);
}

static int teardown_tmp(void **state)
{
	(void)state;
	sysfs_set_root(NULL);
	rm_tree();
	return 0;
}

static struct path *mkpath(const char *dev, int h, int c, int t, int l)
{
	struct path *pp = path_new();

	assert_non_null(pp);
	strlcpy_trunc(pp->dev, dev, sizeof(pp->dev));
	pp->hbtl = (struct scsi_hbtl){h, c, t, l};
	return pp;
}

/* prio_get() with a sentinel to show *prio is untouched on failure. */
static int get(const char *name, const char *args, const struct path *pp, int *prio)
{
	*prio = -77;
	return prio_get(name, args, pp, 1000, prio);
}

/* ---- registry and const ----------------------------------------------- */

static void test_registry(void **state)
{
	struct path *pp = mkpath("sda", 0, 0, 0, 0);
	STRBUF_AUTO(why);
	int prio;

	(void)state;
	assert_int_equal(get("const", NULL, pp, &prio), 0);
	assert_int_equal(prio, 1);
	assert_int_equal(get("const", "whatever", pp, &prio), 0);
	assert_int_equal(prio, 1);
	assert_int_equal(get("nosuch", "", pp, &prio), -ENOENT);
	assert_int_equal(prio, -77);
	assert_int_equal(get(NULL, "", pp, &prio), -ENOENT);
	assert_int_equal(prio_args_check("const", "x", &why), 0);
	assert_int_equal(why.len, 0);
	assert_int_equal(prio_args_check("nosuch", "", &why), -EINVAL);
	assert_string_equal(strbuf_str(&why), "unknown prioritizer 'nosuch'");
	strbuf_reset(&why);
	assert_int_equal(prio_args_check("alua", NULL, &why), 0);
	assert_int_equal(prio_args_check("sysfs", "", &why), 0);
	assert_int_equal(why.len, 0);
	path_free(pp);
}

/* ---- weightedpath ----------------------------------------------------- */

static void test_weightedpath_args(void **state)
{
	static const char *const good[] = {
	    "hbtl .* 1",
	    "devname sd[a-c] 10 sdd 20",
	    "  serial\t^ABC 5   XYZ$ 0 ",
	    "wwn 0x5000.* 7",
	};
	static const char *const bad[] = {
	    "",		 "hbtl",	  "bogus .* 1",		 "hbtl .*",
	    "hbtl .* x", "hbtl .* -1",	  "hbtl .* 99999999999", "hbtl .* 1x",
	    "hbtl ( 1",	 "hbtl .* 1 sda", "hbtl .* 1 [ 2",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		STRBUF_AUTO(why);

		if (prio_args_check("weightedpath", good[i], &why) != 0)
			fail_msg("'%s' rejected: %s", good[i], strbuf_str(&why));
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		STRBUF_AUTO(why);

		if (prio_args_check("weightedpath", bad[i], &why) != -EINVAL)
			fail_msg("'%s' accepted", bad[i]);
		assert_non_null(strstr(strbuf_str(&why), "weightedpath"));
	}
}

static void test_weightedpath_match(void **state)
{
	struct path *pp = mkpath("sdc", 3, 0, 2, 7);
	struct path *nvme = mkpath("nvme0n1", -1, -1, -1, -1);
	int prio;

	(void)state;
	strlcpy_trunc(pp->serial, "ACME-0042", sizeof(pp->serial));
	/* hbtl: first match wins, later pairs still validated */
	assert_int_equal(get("weightedpath", "hbtl ^2: 5 3:0:2:7 20 .* 1", pp, &prio), 0);
	assert_int_equal(prio, 20);
	/* unanchored: "2:7" matches inside "3:0:2:7" */
	assert_int_equal(get("weightedpath", "hbtl 2:7 6 3:0:2:7 20", pp, &prio), 0);
	assert_int_equal(prio, 6);
	assert_int_equal(get("weightedpath", "hbtl ^3: 9 3:0:2:7 20", pp, &prio), 0);
	assert_int_equal(prio, 9);
	assert_int_equal(get("weightedpath", "hbtl ^4: 9", pp, &prio), 0);
	assert_int_equal(prio, 0);
	assert_int_equal(get("weightedpath", "hbtl .* 9 ( 1", pp, &prio), -EINVAL);
	assert_int_equal(prio, -77);
	/* a path that is no SCSI device matches no hbtl regex */
	assert_int_equal(get("weightedpath", "hbtl .* 9", nvme, &prio), 0);
	assert_int_equal(prio, 0);
	/* devname, unanchored */
	assert_int_equal(get("weightedpath", "devname ^sd[ab]$ 1 dc 30", pp, &prio), 0);
	assert_int_equal(prio, 30);
	assert_int_equal(get("weightedpath", "devname ^nvme 4", nvme, &prio), 0);
	assert_int_equal(prio, 4);
	/* serial */
	assert_int_equal(get("weightedpath", "serial ^ACME-00[0-3] 11 ^ACME 12", pp, &prio), 0);
	assert_int_equal(prio, 12);
	assert_int_equal(get("weightedpath", "serial ^ACME$ 11", pp, &prio), 0);
	assert_int_equal(prio, 0);
	assert_int_equal(get("weightedpath", "nosuch x 1", pp, &prio), -EINVAL);
	path_free(pp);
	path_free(nvme);
}

static void test_weightedpath_wwn(void **state)
{
	struct path *fc = mkpath("sdd", 5, 0, 1, 0);
	struct path *iscsi = mkpath("sde", 6, 0, 0, 1);
	int prio;

	(void)state;
	put_file("class/fc_host/host5/node_name", "0x20000000c9aaaaaa\n");
	put_file("class/fc_host/host5/port_name", "0x10000000c9aaaaaa\n");
	put_file("class/fc_transport/target5:0:1/node_name", "0x50060e8000bbbbbb\n");
	put_file("class/fc_transport/target5:0:1/port_name", "0x50060e8000cccccc\n");
	assert_int_equal(get("weightedpath",
			     "wwn ^0x20000000c9aaaaaa:0x10000000c9aaaaaa:0x50060e8000bbbbbb:"
			     "0x50060e8000cccccc$ 42",
			     fc, &prio),
			 0);
	assert_int_equal(prio, 42);
	assert_int_equal(get("weightedpath", "wwn :0x50060e8000bbbbbb: 3", fc, &prio), 0);
	assert_int_equal(prio, 3);
	/* not FC: "::<tgt_node_name>:" */
	strlcpy_trunc(iscsi->tgt_node_name, "iqn.2003-01.org.example:t1",
		      sizeof(iscsi->tgt_node_name));
	assert_int_equal(
	    get("weightedpath", "wwn ^::iqn\\.2003-01\\.org\\.example:t1:$ 8", iscsi, &prio), 0);
	assert_int_equal(prio, 8);
	/* FC host present but the target port missing: fallback too */
	put_file("class/fc_host/host6/node_name", "0x1\n");
	put_file("class/fc_host/host6/port_name", "0x2\n");
	assert_int_equal(get("weightedpath", "wwn ^0x1 8 ^::iqn 9", iscsi, &prio), 0);
	assert_int_equal(prio, 9);
	path_free(fc);
	path_free(iscsi);
}

/* ---- path_latency ----------------------------------------------------- */

static void test_latency_args(void **state)
{
	static const char *const bad[] = {
	    "io_num=1",
	    "io_num=201",
	    "base_num=1",
	    "base_num=11",
	    "io_num=",
	    "io_num=5x",
	    "io_num=-5",
	    "io_num",
	    "foo=1",
	    "io_num=5 x",
	    "IO_NUM=5",
	    "io_num=99999999999999999999",
	    "base_num=1e1",
	    "io_num=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	};
	unsigned io = 0, base = 0;
	STRBUF_AUTO(why);

	(void)state;
	assert_int_equal(prio_latency_args(NULL, &io, &base, NULL), 0);
	assert_int_equal(io, 20);
	assert_int_equal(base, 10);
	assert_int_equal(prio_latency_args("base_num=2  io_num=200", &io, &base, NULL), 0);
	assert_int_equal(io, 200);
	assert_int_equal(base, 2);
	assert_int_equal(prio_latency_args(" io_num=2 ", &io, &base, NULL), 0);
	assert_int_equal(io, 2);
	assert_int_equal(base, 10);
	assert_int_equal(prio_args_check("path_latency", "io_num=50 base_num=5", &why), 0);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		io = base = 12345;
		strbuf_reset(&why);
		if (prio_args_check("path_latency", bad[i], &why) != -EINVAL)
			fail_msg("'%s' accepted", bad[i]);
		assert_non_null(strstr(strbuf_str(&why), "path_latency"));
		assert_int_equal(prio_latency_args(bad[i], &io, &base, NULL), -EINVAL);
		assert_int_equal(io, 12345);
	}
}

static void test_latency_eval(void **state)
{
	uint64_t us[40];
	int prio = -77;

	(void)state;
	for (int i = 0; i < 40; i++)
		us[i] = 100;
	assert_int_equal(prio_latency_eval(us, 20, 10, &prio), 0);
	assert_int_equal(prio, 18); /* 20 - floor(log10(100)) */
	assert_int_equal(prio_latency_eval(us, 20, 2, &prio), 0);
	assert_int_equal(prio, 14); /* 20 - floor(log2(100)) = 20 - 6 */
	us[0] = us[1] = 0;
	assert_int_equal(prio_latency_eval(us, 2, 10, &prio), 0);
	assert_int_equal(prio, 20); /* below 1 us counts as 1 us */
	us[0] = us[1] = 999;
	assert_int_equal(prio_latency_eval(us, 2, 10, &prio), 0);
	assert_int_equal(prio, 18);
	us[0] = us[1] = 1000;
	assert_int_equal(prio_latency_eval(us, 2, 10, &prio), 0);
	assert_int_equal(prio, 17);
	us[0] = us[1] = UINT64_C(1) << 40;
	assert_int_equal(prio_latency_eval(us, 2, 2, &prio), 0);
	assert_int_equal(prio, 1); /* clamped */

	/* outliers: 20 x 100 us and 5 x 10 ms (5 <= 25/4): dropped */
	for (int i = 0; i < 40; i++)
		us[i] = i < 20 ? 100 : 10000;
	assert_int_equal(prio_latency_eval(us, 25, 10, &prio), 0);
	assert_int_equal(prio, 18);
	/* 7 of 27 is more than a quarter: too noisy, prio untouched */
	prio = -77;
	assert_int_equal(prio_latency_eval(us, 27, 10, &prio), -EAGAIN);
	assert_int_equal(prio, -77);
	/* jitter within 4 x median + 20 us is no outlier: mean of all */
	for (int i = 0; i < 20; i++)
		us[i] = i < 10 ? 2 : 28;
	assert_int_equal(prio_latency_eval(us, 20, 2, &prio), 0);
	assert_int_equal(prio, 20 - 3); /* mean 15 */
	assert_int_equal(prio_latency_eval(us, 0, 10, &prio), -EINVAL);
	assert_int_equal(prio_latency_eval(us, 20, 1, &prio), -EINVAL);
}

static void test_latency_run(void **state)
{
	struct path *pp = mkpath("lat0", -1, -1, -1, -1);
	char file[600];
	static char block[8192];
	int fd, prio = -77, rc;

	(void)state;
	snprintf(file, sizeof(file), "%s/disk", tmpdir);
	fd = open(file, O_WRONLY | O_CREAT, 0644);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, block, sizeof(block)), sizeof(block));
	close(fd);
	/* a busy machine may make a run too noisy (-EAGAIN): try again */
	for (int i = 0; i < 10; i++) {
		rc = prio_path_latency_get("io_num=5 base_num=10", pp, file, 10000, &prio);
		if (rc != -EAGAIN)
			break;
	}
	if (rc == -EINVAL) {
		path_free(pp);
		skip(); /* no O_DIRECT on this file system */
	}
	assert_int_equal(rc, 0);
	assert_in_range(prio, 1, 20);
	/* a missing device is -ENODEV through prio_get (never -ENOENT) */
	strlcpy_trunc(pp->dev, "no-such-device-xyz", sizeof(pp->dev));
	assert_int_equal(get("path_latency", "", pp, &prio), -ENODEV);
	assert_int_equal(get("path_latency", "io_num=0", pp, &prio), -EINVAL);
	/* a file shorter than a block: short read */
	fd = open(file, O_WRONLY | O_TRUNC);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(prio_path_latency_get("", pp, file, 10000, &prio), -EIO);
	path_free(pp);
}

/* ---- sysfs ------------------------------------------------------------ */

static void test_sysfs(void **state)
{
	static const struct {
		const char *state, *pref;
		int prio;
	} cases[] = {
	    {"active/optimized\n", "0\n", 50},
	    {"active/optimized\n", "1\n", 130},
	    {"active/non-optimized\n", NULL, 10},
	    {"active/non-optimized\n", "1\n", 90},
	    {"lba-dependent\n", "0\n", 5},
	    {"standby\n", "0\n", 1},
	    {"standby\n", "1\n", 81},
	    {"unavailable\n", "0\n", 0},
	    {"offline\n", "1\n", 0},
	    {"transitioning\n", "0\n", 0},
	};
	struct path *pp = mkpath("sdf", 1, 0, 0, 0);
	char rel[128];
	int prio;

	(void)state;
	assert_int_equal(get("sysfs", "", pp, &prio), -ENODEV); /* no access_state */
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		put_file("block/sdf/device/access_state", cases[i].state);
		if (cases[i].pref)
			put_file("block/sdf/device/preferred_path", cases[i].pref);
		else
			rm_file("block/sdf/device/preferred_path");
		assert_int_equal(get("sysfs", NULL, pp, &prio), 0);
		if (prio != cases[i].prio)
			fail_msg("%s pref %s: %d, want %d", cases[i].state, cases[i].pref, prio,
				 cases[i].prio);
	}
	put_file("block/sdf/device/access_state", "bogus\n");
	assert_int_equal(get("sysfs", NULL, pp, &prio), -EINVAL);
	assert_int_equal(prio, -77);
	/* longer than any state name: does not fit the buffer */
	memset(rel, 'x', sizeof(rel) - 1);
	rel[sizeof(rel) - 1] = '\0';
	put_file("block/sdf/device/access_state", rel);
	assert_int_equal(get("sysfs", NULL, pp, &prio), -EINVAL);
	pp->dev[0] = '\0';
	assert_int_equal(get("sysfs", NULL, pp, &prio), -ENODEV);
	path_free(pp);
}

/* ---- alua: parsers ---------------------------------------------------- */

static void test_alua_inquiry(void **state)
{
	uint8_t inq[36] = {0};

	(void)state;
	assert_int_equal(prio_alua_parse_inquiry(inq, sizeof(inq)), 0);
	inq[5] = 0x10;
	assert_int_equal(prio_alua_parse_inquiry(inq, sizeof(inq)), 1);
	inq[5] = 0x2f; /* other bits of byte 5 set */
	assert_int_equal(prio_alua_parse_inquiry(inq, sizeof(inq)), 2);
	inq[5] = 0xf0;
	assert_int_equal(prio_alua_parse_inquiry(inq, sizeof(inq)), 3);
	assert_int_equal(prio_alua_parse_inquiry(inq, 5), -EINVAL);
}

/* VPD 0x83: a NAA designator (type 3), a relative target port (type 4)
 * and a target port group (type 5, group 0x0102). */
/* clang-format off */
static const uint8_t vpd83[] = {
	0x00, 0x83, 0x00, 0x24,
	0x01, 0x03, 0x00, 0x10, 0x60, 0x01, 0x40, 0x50, 0x11, 0x22, 0x33, 0x44,
	0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc,
	0x61, 0x94, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01,
	0x61, 0x95, 0x00, 0x04, 0x00, 0x00, 0x01, 0x02,
};
/* clang-format on */

/* clang-format off */
static const uint8_t vpd83_short[] = {
	0x00, 0x83, 0x00, 0x0e,
	0x61, 0x95, 0x00, 0x02, 0x00, 0x05,
	0x61, 0x95, 0x00, 0x04, 0x00, 0x00, 0x00, 0x07,
};
/* clang-format on */

static void test_alua_vpd83(void **state)
{
	uint8_t buf[sizeof(vpd83) + 8];

	(void)state;
	assert_int_equal(prio_alua_parse_vpd83(vpd83, sizeof(vpd83)), 0x0102);
	/* cut inside the type 5 designator: not found */
	assert_int_equal(prio_alua_parse_vpd83(vpd83, sizeof(vpd83) - 1), -ENODEV);
	assert_int_equal(prio_alua_parse_vpd83(vpd83, 3), -EINVAL);
	/* page length shorter than the data: the rest is not looked at */
	memcpy(buf, vpd83, sizeof(vpd83));
	buf[3] = 0x1c;
	assert_int_equal(prio_alua_parse_vpd83(buf, sizeof(vpd83)), -ENODEV);
	/* page length claims more than was transferred: bounded by len */
	buf[2] = 0xff;
	buf[3] = 0xff;
	assert_int_equal(prio_alua_parse_vpd83(buf, sizeof(vpd83)), 0x0102);
	/* a designator length running past the end */
	memcpy(buf, vpd83, sizeof(vpd83));
	buf[7] = 0xff;
	assert_int_equal(prio_alua_parse_vpd83(buf, sizeof(vpd83)), -ENODEV);
	/* a type 5 designator shorter than 4 bytes is skipped */
	assert_int_equal(prio_alua_parse_vpd83(vpd83_short, sizeof(vpd83_short)), 7);
	/* wrong page */
	memcpy(buf, vpd83, sizeof(vpd83));
	buf[1] = 0x80;
	assert_int_equal(prio_alua_parse_vpd83(buf, sizeof(vpd83)), -EINVAL);
}

/* RTPG, length-only header: group 1 AO with 2 ports, group 0x0102
 * standby+PREF with 1 port, group 3 unavailable with 0 ports. */
/* clang-format off */
static const uint8_t rtpg[] = {
	0x00, 0x00, 0x00, 0x24,
	0x00, 0x8f, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02,
	0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02,
	0x82, 0x8f, 0x01, 0x02, 0x00, 0x02, 0x00, 0x01,
	0x00, 0x00, 0x00, 0x03,
	0x03, 0x8f, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00,
};
/* clang-format on */

static void test_alua_rtpg(void **state)
{
	uint8_t buf[sizeof(rtpg) + 4];
	int st = -1;
	bool pref = true;

	(void)state;
	assert_int_equal(prio_alua_parse_rtpg(rtpg, sizeof(rtpg), 1, &st, &pref), 0);
	assert_int_equal(st, ALUA_AO);
	assert_false(pref);
	assert_int_equal(prio_alua_parse_rtpg(rtpg, sizeof(rtpg), 0x0102, &st, &pref), 0);
	assert_int_equal(st, ALUA_STANDBY);
	assert_true(pref);
	assert_int_equal(prio_alua_parse_rtpg(rtpg, sizeof(rtpg), 3, &st, &pref), 0);
	assert_int_equal(st, ALUA_UNAVAILABLE);
	st = 99;
	assert_int_equal(prio_alua_parse_rtpg(rtpg, sizeof(rtpg), 4, &st, &pref), -ENODEV);
	assert_int_equal(st, 99);
	/* transferred length cuts the last descriptor */
	assert_int_equal(prio_alua_parse_rtpg(rtpg, sizeof(rtpg) - 1, 3, &st, &pref), -ENODEV);
	assert_int_equal(prio_alua_parse_rtpg(rtpg, 3, 1, &st, &pref), -EINVAL);
	/* return data length lies (huge): bounded by len */
	memcpy(buf, rtpg, sizeof(rtpg));
	buf[0] = 0xff;
	assert_int_equal(prio_alua_parse_rtpg(buf, sizeof(rtpg), 3, &st, &pref), 0);
	/* return data length shorter than the data: the rest is ignored */
	buf[0] = 0;
	buf[3] = 0x0c;
	assert_int_equal(prio_alua_parse_rtpg(buf, sizeof(rtpg), 0x0102, &st, &pref), -ENODEV);
	/* a port count running past the end ends the walk without overread */
	memcpy(buf, rtpg, sizeof(rtpg));
	buf[11] = 0xff;
	assert_int_equal(prio_alua_parse_rtpg(buf, sizeof(rtpg), 3, &st, &pref), -ENODEV);
	assert_int_equal(prio_alua_parse_rtpg(buf, sizeof(rtpg), 1, &st, &pref), 0);
	/* extended header (format type 1) */
	buf[0] = 0;
	buf[1] = 0;
	buf[2] = 0;
	buf[3] = 0x0c;
	buf[4] = 0x10;
	buf[5] = 0x05;
	buf[6] = buf[7] = 0;
	memcpy(buf + 8, "\x81\x8f\x00\x09\x00\x00\x00\x00", 8);
	assert_int_equal(prio_alua_parse_rtpg(buf, 16, 9, &st, &pref), 0);
	assert_int_equal(st, ALUA_AN);
	assert_true(pref);
}

static void test_alua_state_prio(void **state)
{
	(void)state;
	assert_int_equal(prio_alua_state_prio(ALUA_AO, false), 50);
	assert_int_equal(prio_alua_state_prio(ALUA_AO, true), 130);
	assert_int_equal(prio_alua_state_prio(ALUA_AN, false), 10);
	assert_int_equal(prio_alua_state_prio(ALUA_LBA_DEPENDENT, true), 85);
	assert_int_equal(prio_alua_state_prio(ALUA_STANDBY, false), 1);
	assert_int_equal(prio_alua_state_prio(ALUA_UNAVAILABLE, true), 0);
	assert_int_equal(prio_alua_state_prio(ALUA_OFFLINE, false), 0);
	assert_int_equal(prio_alua_state_prio(ALUA_TRANSITIONING, true), 0);
	assert_int_equal(prio_alua_state_prio(7, false), 0);
}

/* ---- alua: end to end through a wrapped ioctl -------------------------- */

int __wrap_ioctl(int fd, unsigned long req, ...);
int __real_ioctl(int fd, unsigned long req, ...);

static struct {
	bool active;	     /* answer SG_IO; otherwise pass through */
	uint8_t tpgs_byte;   /* standard INQUIRY byte 5 */
	const uint8_t *rtpg; /* RTPG answer */
	size_t rtpg_len;
	uint8_t fail_op; /* answer this opcode with CHECK CONDITION */
	uint8_t sense_key;
	int ua_left;	     /* answer this many commands with UNIT ATTENTION first */
	const uint8_t *page; /* answer to INQUIRY of vendor VPD page page_code */
	size_t page_len;
	uint8_t page_code;
	const uint8_t *std_inq; /* standard INQUIRY answer (else TPGS only) */
	size_t std_inq_len;
	bool tur_check; /* TEST UNIT READY: CHECK CONDITION with tur_sense */
	uint8_t tur_sense[3];
	/* NVMe */
	int nsid; /* NVME_IOCTL_ID answer, 0: ENOTTY */
	uint8_t cmic;
	uint32_t anagrpid;
	const uint8_t *ana_log;
	size_t ana_log_len;
	int nvme_status; /* > 0: the admin commands fail with this status */
	uint32_t last_cdw10;
	int calls;
	unsigned last_alloc; /* allocation length of the last RTPG */
	unsigned timeout;
} sg;

static void sg_answer(struct sg_io_hdr *h, const void *data, size_t len)
{
	size_t n = len < h->dxfer_len ? len : h->dxfer_len;

	memcpy(h->dxferp, data, n);
	h->resid = (int)(h->dxfer_len - n);
}

/* CHECK CONDITION with fixed format sense key/asc/ascq. */
static void sense_answer(struct sg_io_hdr *h, uint8_t key, uint8_t asc, uint8_t ascq)
{
	uint8_t *sb = h->sbp;

	h->status = 0x02;
	h->masked_status = 0x01;
	h->driver_status = 0x08;
	h->info = SG_INFO_CHECK;
	memset(sb, 0, h->mx_sb_len);
	sb[0] = 0x70;
	sb[2] = key;
	sb[7] = 10;
	sb[12] = asc;
	sb[13] = ascq;
	h->sb_len_wr = 18;
	h->resid = (int)h->dxfer_len;
}

static void put_le32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

/* NVME_IOCTL_ID and the admin commands ana sends. */
static int fake_nvme(unsigned long req, void *arg)
{
	struct nvme_passthru_cmd *cmd = arg;
	uint8_t *data;

	sg.calls++;
	if (!sg.nsid) {
		errno = ENOTTY;
		return -1;
	}
	if (req == NVME_IOCTL_ID)
		return sg.nsid;
	sg.timeout = cmd->timeout_ms;
	sg.last_cdw10 = cmd->cdw10;
	if (sg.nvme_status)
		return sg.nvme_status;
	data = (uint8_t *)(uintptr_t)cmd->addr;
	memset(data, 0, cmd->data_len);
	if (cmd->opcode == 0x06 && cmd->cdw10 == 0x01) {
		data[76] = sg.cmic;
		put_le32(data + 348, 4);
	} else if (cmd->opcode == 0x06 && cmd->cdw10 == 0x00) {
		assert_int_equal(cmd->nsid, (uint32_t)sg.nsid);
		put_le32(data + 92, sg.anagrpid);
	} else if (cmd->opcode == 0x02) {
		memcpy(data, sg.ana_log,
		       sg.ana_log_len < cmd->data_len ? sg.ana_log_len : cmd->data_len);
	} else {
		errno = EINVAL;
		return -1;
	}
	return 0;
}

int __wrap_ioctl(int fd, unsigned long req, ...)
{
	struct sg_io_hdr *h;
	uint8_t inq[36] = {0};
	const uint8_t *cdb;
	va_list ap;
	void *arg;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (sg.active && (req == NVME_IOCTL_ID || req == NVME_IOCTL_ADMIN_CMD))
		return fake_nvme(req, arg);
	if (!sg.active || req != SG_IO)
		return __real_ioctl(fd, req, arg);
	h = arg;
	cdb = h->cmdp;
	sg.calls++;
	sg.timeout = h->timeout;
	h->status = h->masked_status = h->host_status = h->driver_status = 0;
	h->info = SG_INFO_OK;
	h->sb_len_wr = 0;
	if (sg.ua_left > 0) {
		sg.ua_left--;
		sense_answer(h, 0x6, 0x29, 0x00); /* power on or reset occurred */
		return 0;
	}
	if (cdb[0] == 0x00) { /* TEST UNIT READY */
		if (sg.tur_check)
			sense_answer(h, sg.tur_sense[0], sg.tur_sense[1], sg.tur_sense[2]);
		return 0;
	}
	if (cdb[0] == 0x12 && (cdb[1] & 1) && sg.page && cdb[2] == sg.page_code) {
		sg_answer(h, sg.page, sg.page_len);
		return 0;
	}
	if (cdb[0] == 0x12 && !(cdb[1] & 1) && sg.std_inq) {
		sg_answer(h, sg.std_inq, sg.std_inq_len);
		return 0;
	}
	if (cdb[0] == sg.fail_op) {
		uint8_t *sb = h->sbp;

		h->status = 0x02;
		h->masked_status = 0x01;
		h->driver_status = 0x08;
		h->info = SG_INFO_CHECK;
		memset(sb, 0, h->mx_sb_len);
		sb[0] = 0x70;
		sb[2] = sg.sense_key;
		h->sb_len_wr = 18;
		if (sg.sense_key != 0x1) {
			h->resid = (int)h->dxfer_len;
			return 0;
		}
	}
	if (cdb[0] == 0x12 && !(cdb[1] & 1)) {
		inq[5] = sg.tpgs_byte;
		sg_answer(h, inq, sizeof(inq));
	} else if (cdb[0] == 0x12 && cdb[2] == 0x83) {
		sg_answer(h, vpd83, sizeof(vpd83));
	} else if (cdb[0] == 0xa3 && (cdb[1] & 0x1f) == 0x0a) {
		sg.last_alloc = (unsigned)cdb[6] << 24 | cdb[7] << 16 | cdb[8] << 8 | cdb[9];
		sg_answer(h, sg.rtpg, sg.rtpg_len);
	} else {
		errno = EINVAL;
		return -1;
	}
	return 0;
}

static int setup_sg(void **state)
{
	(void)state;
	memset(&sg, 0, sizeof(sg));
	sg.active = true;
	sg.tpgs_byte = 0x10;
	sg.rtpg = rtpg;
	sg.rtpg_len = sizeof(rtpg);
	return 0;
}

static int teardown_sg(void **state)
{
	(void)state;
	sg.active = false;
	return 0;
}

static void test_alua_get(void **state)
{
	struct path *pp = mkpath("null", 0, 0, 0, 0); /* /dev/null takes the ioctls */
	int prio;

	(void)state;
	/* our group 0x0102 is standby + PREF */
	assert_int_equal(prio_get("alua", NULL, pp, 1234, &prio), 0);
	assert_int_equal(prio, 81);
	assert_int_equal(sg.calls, 3);
	assert_int_equal(sg.timeout, 1234);
	/* the port group discovery found: the RTPG alone */
	sg.calls = 0;
	pp->tpgs = 1;
	pp->tpg_id = 0x0102;
	assert_int_equal(get("alua", "", pp, &prio), 0);
	assert_int_equal(prio, 81);
	assert_int_equal(sg.calls, 1);
	/* another group than the one discovery saw: another state */
	pp->tpg_id = 0x0103;
	assert_int_equal(get("alua", "", pp, &prio), -ENODEV);
	pp->tpgs = 0;
	pp->tpg_id = -1;
	/* a recovered error is no error */
	sg.fail_op = 0xa3;
	sg.sense_key = 0x1;
	assert_int_equal(get("alua", "", pp, &prio), 0);
	assert_int_equal(prio, 81);
	/* ILLEGAL REQUEST on RTPG */
	sg.sense_key = 0x5;
	assert_int_equal(get("alua", "", pp, &prio), -EIO);
	assert_int_equal(prio, -77);
	sg.fail_op = 0x12;
	assert_int_equal(get("alua", "", pp, &prio), -EIO);
	sg.fail_op = 0;
	/* no ALUA */
	sg.tpgs_byte = 0x00;
	sg.calls = 0;
	assert_int_equal(get("alua", "", pp, &prio), -ENODEV);
	assert_int_equal(sg.calls, 1);
	sg.tpgs_byte = 0x20;
	/* our group missing from the RTPG answer */
	sg.rtpg_len = 20;
	assert_int_equal(get("alua", "", pp, &prio), -ENODEV);
	/* a truncated RTPG answer */
	sg.rtpg_len = 2;
	assert_int_equal(get("alua", "", pp, &prio), -EINVAL);
	/* missing device node */
	sg.rtpg_len = sizeof(rtpg);
	strlcpy_trunc(pp->dev, "no-such-dev-xyz", sizeof(pp->dev));
	assert_int_equal(get("alua", "", pp, &prio), -ENODEV);
	path_free(pp);
}

/* An RTPG answer larger than the first buffer is asked for again. */
static void test_alua_get_large(void **state)
{
	enum { NGROUPS = 600 };
	size_t len = 4 + NGROUPS * 8;
	uint8_t *big = calloc(1, len);
	struct path *pp = mkpath("null", 0, 0, 0, 0);
	int prio;

	(void)state;
	assert_non_null(big);
	big[0] = (uint8_t)((len - 4) >> 24);
	big[1] = (uint8_t)((len - 4) >> 16);
	big[2] = (uint8_t)((len - 4) >> 8);
	big[3] = (uint8_t)(len - 4);
	for (unsigned i = 0; i < NGROUPS; i++) {
		uint8_t *d = big + 4 + i * 8;

		d[0] = 0x01; /* AN */
		d[2] = (uint8_t)((0x0200 + i) >> 8);
		d[3] = (uint8_t)(0x0200 + i);
	}
	/* our group 0x0102 is the last descriptor: AO */
	big[len - 8] = 0x00;
	big[len - 6] = 0x01;
	big[len - 5] = 0x02;
	sg.rtpg = big;
	sg.rtpg_len = len;
	assert_int_equal(get("alua", "", pp, &prio), 0);
	assert_int_equal(prio, 50);
	assert_int_equal(sg.calls, 4);
	assert_int_equal(sg.last_alloc, len);
	free(big);
	path_free(pp);
}

/* The issue-12 case: one UNIT ATTENTION (or a few) on the way no longer
 * costs the path its priority. */
static void test_alua_unit_attention(void **state)
{
	struct path *pp = mkpath("null", 0, 0, 0, 0);
	int prio;

	(void)state;
	sg.ua_left = 1;
	assert_int_equal(get("alua", "", pp, &prio), 0);
	assert_int_equal(prio, 81);
	assert_int_equal(sg.calls, 4);
	sg.calls = 0;
	sg.ua_left = SCSI_RETRIES;
	assert_int_equal(get("alua", "", pp, &prio), 0);
	assert_int_equal(prio, 81);
	assert_int_equal(sg.calls, 3 + SCSI_RETRIES);
	/* a device that keeps saying UNIT ATTENTION fails after the retries */
	sg.calls = 0;
	sg.ua_left = SCSI_RETRIES + 1;
	assert_int_equal(get("alua", "", pp, &prio), -EIO);
	assert_int_equal(sg.calls, SCSI_RETRIES + 1);
	path_free(pp);
}

static void test_registry_names(void **state)
{
	(void)state;
	assert_int_equal(prio_count(), 14);
	for (size_t i = 0; i < prio_count(); i++)
		assert_true(prio_name_valid(prio_name_at(i)));
	assert_null(prio_name_at(prio_count()));
	assert_false(prio_name_valid("netapp"));
}

static void test_random(void **state)
{
	struct path *pp = mkpath("sda", 0, 0, 0, 0);
	bool seen[11] = {false};
	int prio;

	(void)state;
	for (int i = 0; i < 500; i++) {
		assert_int_equal(get("random", "", pp, &prio), 0);
		assert_true(prio >= 1 && prio <= 10);
		seen[prio] = true;
	}
	for (int i = 1; i <= 10; i++)
		assert_true(seen[i]);
	path_free(pp);
}

static void upr(uint8_t *p, uint8_t state, uint8_t def_sp, uint8_t sp, uint8_t lun_op)
{
	memset(p, 0, 60);
	p[1] = 0xc0;
	p[3] = 56;
	p[4] = state;
	p[5] = def_sp;
	p[8] = sp;
	p[48] = lun_op;
}

static void test_emc(void **state)
{
	struct path *pp = mkpath("null", 0, 0, 0, 0);
	uint8_t page[60];
	int prio;

	(void)state;
	upr(page, 2, 0, 0, 0);
	assert_int_equal(prio_emc_eval(page, sizeof(page), &prio), 0);
	assert_int_equal(prio, 11); /* owner and default owner */
	upr(page, 2, 1, 0, 0);
	assert_int_equal(prio_emc_eval(page, sizeof(page), &prio), 0);
	assert_int_equal(prio, 10); /* trespassed to this SP */
	upr(page, 1, 1, 1, 0);
	assert_int_equal(prio_emc_eval(page, sizeof(page), &prio), 0);
	assert_int_equal(prio, 1); /* passive default SP */
	upr(page, 1, 0, 1, 0);
	assert_int_equal(prio_emc_eval(page, sizeof(page), &prio), 0);
	assert_int_equal(prio, 0);
	upr(page, 0, 0, 0, 0);
	assert_int_equal(prio_emc_eval(page, sizeof(page), &prio), 0);
	assert_int_equal(prio, 0); /* unbound */
	upr(page, 2, 0, 0, 1);
	assert_int_equal(prio_emc_eval(page, sizeof(page), &prio), 0);
	assert_int_equal(prio, 1); /* IO rejected */
	assert_int_equal(prio_emc_eval(page, 8, &prio), -EINVAL);
	page[1] = 0x83;
	assert_int_equal(prio_emc_eval(page, sizeof(page), &prio), -EINVAL);
	/* end to end, with a UNIT ATTENTION first */
	upr(page, 2, 0, 0, 0);
	sg.page = page;
	sg.page_len = sizeof(page);
	sg.page_code = 0xc0;
	sg.ua_left = 1;
	assert_int_equal(get("emc", "", pp, &prio), 0);
	assert_int_equal(prio, 11);
	assert_int_equal(sg.calls, 2);
	sg.page_code = 0xc1; /* the device does not have the page */
	sg.fail_op = 0x12;
	sg.sense_key = 0x5;
	assert_int_equal(get("emc", "", pp, &prio), -EIO);
	path_free(pp);
}

static void vac(uint8_t *p, uint8_t b8, uint8_t b9, uint8_t aas)
{
	memset(p, 0, 44);
	p[1] = 0xc9;
	p[3] = 40;
	memcpy(p + 4, "vac1", 4);
	p[8] = b8;
	p[9] = b9;
	p[10] = aas;
	p[11] = 0x01;
}

static void test_rdac(void **state)
{
	struct path *pp = mkpath("null", 0, 0, 0, 0);
	uint8_t page[44];
	int prio;

	(void)state;
	vac(page, 0x01, 0x01, 0);
	assert_int_equal(prio_rdac_eval(page, sizeof(page), &prio), 0);
	assert_int_equal(prio, 11); /* owner, preferred */
	vac(page, 0x01, 0x02, 0);
	assert_int_equal(prio_rdac_eval(page, sizeof(page), &prio), 0);
	assert_int_equal(prio, 10);
	vac(page, 0x00, 0x01, 0);
	assert_int_equal(prio_rdac_eval(page, sizeof(page), &prio), 0);
	assert_int_equal(prio, 1);
	vac(page, 0x00, 0x02, 0);
	assert_int_equal(prio_rdac_eval(page, sizeof(page), &prio), 0);
	assert_int_equal(prio, 0);
	/* byte 8 bit 3: the path priority is in byte 15 */
	vac(page, 0x09, 0x02, 0);
	page[15] = 0x01;
	assert_int_equal(prio_rdac_eval(page, sizeof(page), &prio), 0);
	assert_int_equal(prio, 11);
	/* IO shipping (ALUA) mode */
	vac(page, 0xe0, 0x01, 0x0);
	assert_int_equal(prio_rdac_eval(page, sizeof(page), &prio), 0);
	assert_int_equal(prio, 130);
	vac(page, 0xe0, 0x02, 0x1);
	assert_int_equal(prio_rdac_eval(page, sizeof(page), &prio), 0);
	assert_int_equal(prio, 10);
	vac(page, 0xe0, 0x02, 0x3);
	assert_int_equal(prio_rdac_eval(page, sizeof(page), &prio), 0);
	assert_int_equal(prio, 0);
	page[5] = 'x';
	assert_int_equal(prio_rdac_eval(page, sizeof(page), &prio), -EINVAL);
	vac(page, 0x01, 0x01, 0);
	sg.page = page;
	sg.page_len = sizeof(page);
	sg.page_code = 0xc9;
	assert_int_equal(get("rdac", "", pp, &prio), 0);
	assert_int_equal(prio, 11);
	assert_int_equal(sg.timeout, 1000);
	path_free(pp);
}

/* A DF600F standard INQUIRY: LDEV at 44-47, controller at 49, mode at 128. */
static void df_inq(uint8_t *p, const char *ldev, char ctrl, bool symmetric)
{
	memset(p, 0, 132);
	memcpy(p + 8, "HITACHI DF600F          ", 24);
	memcpy(p + 44, ldev, 4);
	p[49] = (uint8_t)ctrl;
	p[50] = 'A';
	if (symmetric)
		memcpy(p + 128, "DF00", 4);
}

static void test_hds(void **state)
{
	struct path *pp = mkpath("null", 0, 0, 0, 0);
	uint8_t inq[132];
	int prio;

	(void)state;
	df_inq(inq, "0012", '0', false);
	assert_int_equal(prio_hds_eval(inq, sizeof(inq), &prio), 0);
	assert_int_equal(prio, 2); /* even LDEV, controller 0 */
	df_inq(inq, "0012", '1', false);
	assert_int_equal(prio_hds_eval(inq, sizeof(inq), &prio), 0);
	assert_int_equal(prio, 1);
	df_inq(inq, "001B", '1', false);
	assert_int_equal(prio_hds_eval(inq, sizeof(inq), &prio), 0);
	assert_int_equal(prio, 2); /* odd LDEV, controller 1 */
	df_inq(inq, "001b", '0', false);
	assert_int_equal(prio_hds_eval(inq, sizeof(inq), &prio), 0);
	assert_int_equal(prio, 1);
	df_inq(inq, "001B", '0', true);
	assert_int_equal(prio_hds_eval(inq, sizeof(inq), &prio), 0);
	assert_int_equal(prio, 2); /* symmetric: all alike */
	df_inq(inq, "0012", 'X', false);
	assert_int_equal(prio_hds_eval(inq, sizeof(inq), &prio), -EINVAL);
	df_inq(inq, "0012", '0', false);
	assert_int_equal(prio_hds_eval(inq, 40, &prio), -EINVAL);
	df_inq(inq, "0013", '1', false);
	sg.std_inq = inq;
	sg.std_inq_len = sizeof(inq);
	assert_int_equal(get("hds", "", pp, &prio), 0);
	assert_int_equal(prio, 2);
	path_free(pp);
}

static void test_hp_sw(void **state)
{
	struct path *pp = mkpath("null", 0, 0, 0, 0);
	int prio;

	(void)state;
	assert_int_equal(get("hp_sw", "", pp, &prio), 0);
	assert_int_equal(prio, 4);
	sg.tur_check = true;
	memcpy(sg.tur_sense, "\x02\x04\x02", 3); /* the passive controller */
	assert_int_equal(get("hp_sw", "", pp, &prio), 0);
	assert_int_equal(prio, 1);
	memcpy(sg.tur_sense, "\x02\x04\x0b", 3); /* standby */
	assert_int_equal(get("hp_sw", "", pp, &prio), 0);
	assert_int_equal(prio, 1);
	memcpy(sg.tur_sense, "\x03\x11\x00", 3); /* medium error */
	assert_int_equal(get("hp_sw", "", pp, &prio), -EIO);
	assert_int_equal(prio, -77);
	/* a UNIT ATTENTION before the real answer */
	sg.tur_check = false;
	sg.ua_left = 1;
	sg.calls = 0;
	assert_int_equal(get("hp_sw", "", pp, &prio), 0);
	assert_int_equal(prio, 4);
	assert_int_equal(sg.calls, 2);
	path_free(pp);
}

static void test_iet(void **state)
{
	struct path *pp = mkpath("sdx", 3, 0, 0, 1);
	char link[600], target[600];
	STRBUF_AUTO(why);
	int prio;

	(void)state;
	put_file("devices/platform/host3/session7/target3:0:0/3:0:0:1/vendor", "LIO-ORG\n");
	put_file("block/sdx/size", "8\n");
	snprintf(link, sizeof(link), "%s/block/sdx/device", tmpdir);
	snprintf(target, sizeof(target), "../../devices/platform/host3/session7/target3:0:0/3:0:0:1");
	assert_int_equal(symlink(target, link), 0);
	put_file("class/iscsi_connection/connection7:0/persistent_address", "192.168.1.10\n");
	put_file("class/iscsi_connection/connection17:0/persistent_address", "192.168.1.99\n");
	assert_int_equal(get("iet", "preferredip=192.168.1.10", pp, &prio), 0);
	assert_int_equal(prio, 20);
	assert_int_equal(get("iet", "preferredip=192.168.1.99", pp, &prio), 0);
	assert_int_equal(prio, 10);
	/* address only */
	rm_file("class/iscsi_connection/connection7:0/persistent_address");
	put_file("class/iscsi_connection/connection7:0/address", "192.168.1.99\n");
	assert_int_equal(get("iet", "preferredip=192.168.1.99", pp, &prio), 0);
	assert_int_equal(prio, 20);
	/* bad args */
	assert_int_equal(get("iet", "", pp, &prio), -EINVAL);
	assert_int_equal(get("iet", "preferredip=300.1.1.1", pp, &prio), -EINVAL);
	assert_int_equal(prio_args_check("iet", "preferredip=10.0.0.1", &why), 0);
	assert_int_equal(prio_args_check("iet", "preferred=10.0.0.1", &why), -EINVAL);
	assert_non_null(strstr(why.buf, "preferredip"));
	/* not iSCSI */
	strlcpy_trunc(pp->dev, "sdy", sizeof(pp->dev));
	put_file("block/sdy/device/vendor", "ATA\n");
	assert_int_equal(get("iet", "preferredip=192.168.1.99", pp, &prio), -ENODEV);
	path_free(pp);
}

/* An ANA log page (return groups only) with groups 1 (optimized), 2 (in
 * the given state, with 2 NSIDs listed) and 3 (inaccessible). */
static size_t ana_log(uint8_t *p, uint8_t state2)
{
	memset(p, 0, 256);
	p[8] = 3;
	p[16 + 0] = 1;
	p[16 + 16] = 0x01;
	p[48 + 0] = 2;
	p[48 + 4] = 2;
	p[48 + 16] = state2;
	p[88 + 0] = 3;
	p[88 + 16] = 0x03;
	return 120;
}

static void test_ana(void **state)
{
	struct path *pp = mkpath("nvme0n1", 0, 0, 0, 0);
	uint8_t log[256];
	size_t len = ana_log(log, 0x02);
	int prio;

	(void)state;
	assert_int_equal(prio_ana_parse_log(log, len, 1), 0x01);
	assert_int_equal(prio_ana_parse_log(log, len, 2), 0x02);
	assert_int_equal(prio_ana_parse_log(log, len, 3), 0x03);
	assert_int_equal(prio_ana_parse_log(log, len, 4), -ENODEV);
	assert_int_equal(prio_ana_parse_log(log, 100, 3), -EINVAL); /* truncated */
	assert_int_equal(prio_ana_parse_log(log, 8, 1), -EINVAL);
	assert_int_equal(prio_ana_state_prio(0x1), 50);
	assert_int_equal(prio_ana_state_prio(0x2), 10);
	assert_int_equal(prio_ana_state_prio(0x3), 1);
	assert_int_equal(prio_ana_state_prio(0x4), 0);
	assert_int_equal(prio_ana_state_prio(0xf), 0);
	assert_int_equal(prio_ana_state_prio(0x7), -EINVAL);
	/* end to end on /dev/null through the fake NVMe ioctls */
	strlcpy_trunc(pp->dev, "null", sizeof(pp->dev));
	sg.nsid = 5;
	sg.cmic = 0x08;
	sg.anagrpid = 2;
	sg.ana_log = log;
	sg.ana_log_len = len;
	assert_int_equal(get("ana", "", pp, &prio), 0);
	assert_int_equal(prio, 10);
	assert_int_equal(sg.last_cdw10 & 0xfff, 0x10c); /* ANA log, groups only */
	assert_int_equal(sg.timeout, 1000);
	sg.anagrpid = 1;
	assert_int_equal(get("ana", "", pp, &prio), 0);
	assert_int_equal(prio, 50);
	sg.anagrpid = 9; /* not in the log */
	assert_int_equal(get("ana", "", pp, &prio), -ENODEV);
	sg.anagrpid = 0; /* namespace in no group */
	assert_int_equal(get("ana", "", pp, &prio), -ENODEV);
	sg.anagrpid = 2;
	sg.nvme_status = 0x4002; /* an NVMe error status */
	assert_int_equal(get("ana", "", pp, &prio), -EIO);
	sg.nvme_status = 0;
	assert_int_equal(prio_ana_supported("/dev/null", 1000), 1);
	sg.cmic = 0x00; /* no ANA reporting */
	assert_int_equal(get("ana", "", pp, &prio), -ENODEV);
	assert_int_equal(prio_ana_supported("/dev/null", 1000), 0); /* discovery's question */
	sg.nsid = 0; /* not NVMe */
	assert_int_equal(get("ana", "", pp, &prio), -ENODEV);
	path_free(pp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_registry),
	    cmocka_unit_test(test_weightedpath_args),
	    cmocka_unit_test_setup_teardown(test_weightedpath_match, setup_tmp, teardown_tmp),
	    cmocka_unit_test_setup_teardown(test_weightedpath_wwn, setup_tmp, teardown_tmp),
	    cmocka_unit_test(test_latency_args),
	    cmocka_unit_test(test_latency_eval),
	    cmocka_unit_test_setup_teardown(test_latency_run, setup_tmp, teardown_tmp),
	    cmocka_unit_test_setup_teardown(test_sysfs, setup_tmp, teardown_tmp),
	    cmocka_unit_test(test_alua_inquiry),
	    cmocka_unit_test(test_alua_vpd83),
	    cmocka_unit_test(test_alua_rtpg),
	    cmocka_unit_test(test_alua_state_prio),
	    cmocka_unit_test_setup_teardown(test_alua_get, setup_sg, teardown_sg),
	    cmocka_unit_test_setup_teardown(test_alua_get_large, setup_sg, teardown_sg),
	    cmocka_unit_test_setup_teardown(test_alua_unit_attention, setup_sg, teardown_sg),
	    cmocka_unit_test(test_registry_names),
	    cmocka_unit_test(test_random),
	    cmocka_unit_test_setup_teardown(test_emc, setup_sg, teardown_sg),
	    cmocka_unit_test_setup_teardown(test_rdac, setup_sg, teardown_sg),
	    cmocka_unit_test_setup_teardown(test_hds, setup_sg, teardown_sg),
	    cmocka_unit_test_setup_teardown(test_hp_sw, setup_sg, teardown_sg),
	    cmocka_unit_test_setup_teardown(test_iet, setup_tmp, teardown_tmp),
	    cmocka_unit_test_setup_teardown(test_ana, setup_sg, teardown_sg),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
