// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Transport timeouts against a fake sysfs tree: an FC path (its remote port
 * found from H:C:T:L), an iSCSI path (its session), their SCSI hosts.
 * sysfs_attr_write() is wrapped by a model of the kernel's rules for a
 * remote port (fast_io_fail_tmo below dev_loss_tmo; dev_loss_tmo at most
 * 600 while fast_io_fail_tmo is off), so a write in the wrong order fails
 * as it would on a real rport; every accepted write is recorded.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "configure.h"
#include "devmapper.h"
#include "sysfs.h"
#include "transport.h"
#include "util/fileio.h"

#define RPORT "class/fc_remote_ports/rport-3:0-1/"
#define SESSION "class/iscsi_session/session7/recovery_tmo"
#define FC_HOST "class/scsi_host/host3/eh_deadline"
#define ISCSI_HOST "class/scsi_host/host4/eh_deadline"

static char root[] = "/tmp/mpt-transport-XXXXXX";

/* ---- the kernel model behind sysfs_attr_write ---- */

enum { MAX_LOG = 32 };
static char wlog[MAX_LOG][160];
static int nlog;
static const char *refuse; /* writes to a path containing this fail with -EINVAL */

int __wrap_sysfs_attr_write(const char *relpath, const char *value);

static int parse_tmo(const char *text)
{
	return !strcmp(text, "off") ? TRANSPORT_TMO_OFF : atoi(text);
}

static int read_tmo(const char *rel)
{
	char buf[32];

	assert_true(sysfs_attr_read(rel, buf, sizeof(buf)) > 0);
	return parse_tmo(buf);
}

/* Would scsi_transport_fc refuse value for the rport attribute rel? */
static bool fc_refuses(const char *rel, const char *value)
{
	char sib[PATH_MAX];
	const char *slash = strrchr(rel, '/');
	int v = parse_tmo(value);

	if (strncmp(rel, "class/fc_remote_ports/", 22) || !slash)
		return false;
	if (!strcmp(slash, "/fast_io_fail_tmo")) {
		snprintf(sib, sizeof(sib), "%.*s/dev_loss_tmo", (int)(slash - rel), rel);
		return v != TRANSPORT_TMO_OFF && v >= read_tmo(sib);
	}
	snprintf(sib, sizeof(sib), "%.*s/fast_io_fail_tmo", (int)(slash - rel), rel);
	return read_tmo(sib) == TRANSPORT_TMO_OFF && v > TRANSPORT_BLOCK_MAX_TMO;
}

static void put(const char *rel, const char *text)
{
	char path[PATH_MAX];
	FILE *f;

	assert_true(sysfs_path(rel, path, sizeof(path)) > 0);
	f = fopen(path, "w"); /* truncates, as a sysfs store replaces the value */
	assert_non_null(f);
	fprintf(f, "%s\n", text);
	fclose(f);
}

int __wrap_sysfs_attr_write(const char *relpath, const char *value)
{
	char path[PATH_MAX];

	if ((refuse && strstr(relpath, refuse)) || fc_refuses(relpath, value))
		return -EINVAL;
	assert_true(sysfs_path(relpath, path, sizeof(path)) > 0);
	if (access(path, W_OK) < 0)
		return -errno;
	put(relpath, value);
	assert_true(nlog < MAX_LOG);
	snprintf(wlog[nlog++], sizeof(wlog[0]), "%s=%s", relpath, value);
	return 0;
}

/* device-mapper faked for the configure_apply_map() tests */
int __wrap_devmapper_create_map(const char *name, const char *uuid, uint64_t size,
				const char *params, bool ro, unsigned flags);
int __wrap_devmapper_create_map(const char *name, const char *uuid, uint64_t size,
				const char *params, bool ro, unsigned flags)
{
	(void)name, (void)uuid, (void)size, (void)params, (void)ro, (void)flags;
	return 0;
}

int __wrap_devmapper_reload_map(const char *name, uint64_t size, const char *params, bool ro,
				unsigned flags);
int __wrap_devmapper_reload_map(const char *name, uint64_t size, const char *params, bool ro,
				unsigned flags)
{
	(void)name, (void)size, (void)params, (void)ro, (void)flags;
	return 0;
}

int __wrap_devmapper_get_info(const char *name, char *uuid, size_t uuid_size, int *minor,
			      int *open_count, bool *ro);
int __wrap_devmapper_get_info(const char *name, char *uuid, size_t uuid_size, int *minor,
			      int *open_count, bool *ro)
{
	(void)name, (void)uuid, (void)uuid_size, (void)minor, (void)open_count, (void)ro;
	return -ENXIO;
}

/* ---- the fake tree ---- */

static void mk(const char *rel)
{
	char path[PATH_MAX];

	assert_true(sysfs_path(rel, path, sizeof(path)) > 0);
	assert_int_equal(mkdir_parents(path), 0);
}

static void link_device(const char *hctl, const char *target)
{
	char rel[128], path[PATH_MAX], dest[PATH_MAX];

	snprintf(rel, sizeof(rel), "class/scsi_device/%s/device", hctl);
	mk(rel);
	assert_true(sysfs_path(rel, path, sizeof(path)) > 0);
	assert_true(sysfs_path(target, dest, sizeof(dest)) > 0);
	assert_int_equal(mkdir_parents(dest), 0);
	assert_int_equal(mkdir(dest, 0755), 0);
	assert_int_equal(symlink(dest, path), 0);
}

/* FC path 3:0:0:1 behind rport-3:0-1 (fast_io_fail 5, dev_loss 30); iSCSI
 * path 4:0:0:2 in session7 (recovery 10); a path 5:0:0:0 with no transport
 * object; every host's eh_deadline off. */
static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(root) || sysfs_set_root(root) < 0)
		return -1;
	link_device("3:0:0:1", "devices/pci0/host3/rport-3:0-1/target3:0:0/3:0:0:1");
	link_device("4:0:0:2", "devices/platform/host4/session7/target4:0:0/4:0:0:2");
	link_device("5:0:0:0", "devices/pci0/host5/target5:0:0/5:0:0:0");
	mk(RPORT "x");
	mk(SESSION);
	mk(FC_HOST);
	mk(ISCSI_HOST);
	return 0;
}

static int teardown(void **state)
{
	char cmd[PATH_MAX];

	(void)state;
	sysfs_set_root(NULL);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	return system(cmd) == 0 ? 0 : -1;
}

/* Every test starts from the same attribute values, with an empty log. */
static int reset(void **state)
{
	(void)state;
	put(RPORT "fast_io_fail_tmo", "5");
	put(RPORT "dev_loss_tmo", "30");
	put(SESSION, "10");
	put(FC_HOST, "off");
	put(ISCSI_HOST, "off");
	nlog = 0;
	refuse = NULL;
	return 0;
}

static const struct transport_tmo unset = {TRANSPORT_TMO_UNSET, TRANSPORT_TMO_UNSET, 0,
					   TRANSPORT_TMO_UNSET};

static struct transport_path fc_path(int fast, int dev, int eh)
{
	struct transport_path tp = {.dev = "sdf", .hbtl = {3, 0, 0, 1}, .protocol = "scsi:fcp"};

	tp.tmo = (struct transport_tmo){fast, dev, 0, eh};
	return tp;
}

static struct transport_path iscsi_path(int fast, int dev, int eh)
{
	struct transport_path tp = {.dev = "sdi", .hbtl = {4, 0, 0, 2}, .protocol = "scsi:iscsi"};

	tp.tmo = (struct transport_tmo){fast, dev, 0, eh};
	return tp;
}

static void assert_attr(const char *rel, const char *want)
{
	char buf[32];

	assert_true(sysfs_attr_read(rel, buf, sizeof(buf)) >= 0);
	assert_string_equal(buf, want);
}

/* ---- transport_fc_writes: order against the kernel's rules ---- */

struct fc_case {
	int cur_fast, cur_dev;
	struct transport_tmo tmo;
	int end_fast, end_dev, nwrites;
};

static void test_fc_writes_order(void **state)
{
	const int OFF = TRANSPORT_TMO_OFF, UNSET = TRANSPORT_TMO_UNSET,
		  INF = TRANSPORT_TMO_INFINITY;
	const struct fc_case cases[] = {
		/* fast_io_fail below the current dev_loss: it first */
		{5, 30, {10, 60, 0, UNSET}, 10, 60, 2},
		/* dev_loss lowered below the current fast_io_fail: fast first */
		{20, 60, {5, 10, 0, UNSET}, 5, 10, 2},
		/* fast_io_fail raised past the current dev_loss: dev first */
		{5, 30, {40, 100, 0, UNSET}, 40, 100, 2},
		/* from off, both past 600: a step at 600 between */
		{OFF, 30, {40, 1000, 0, UNSET}, 40, 1000, 3},
		/* from off, fast below the current dev_loss, dev past 600 */
		{OFF, 30, {10, 1000, 0, UNSET}, 10, 1000, 2},
		/* off: dev_loss at most 600 */
		{5, 30, {OFF, 1000, 0, UNSET}, OFF, 600, 2},
		{5, 700, {OFF, UNSET, 0, UNSET}, OFF, 700, 1},
		/* infinity */
		{5, 30, {5, INF, 0, UNSET}, 5, INF, 1},
		/* fast_io_fail not below dev_loss: off */
		{5, 30, {7, 5, 0, UNSET}, OFF, 5, 2},
		/* unchanged: nothing */
		{5, 30, {5, 30, 0, UNSET}, 5, 30, 0},
		{5, 30, unset, 5, 30, 0},
		/* no_path_retry: dev_loss raised, also when unset (queue: infinity) */
		{5, 30, {5, 20, 60, UNSET}, 5, 60, 1},
		{5, 30, {5, UNSET, 60, UNSET}, 5, 60, 1},
		{5, 30, {5, UNSET, INF, UNSET}, 5, INF, 1},
		{OFF, 30, {OFF, UNSET, INF, UNSET}, OFF, 600, 1},
		{5, 90, {5, UNSET, 60, UNSET}, 5, 90, 0},
	};

	(void)state;
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		const struct fc_case *k = &cases[c];
		struct transport_write w[TRANSPORT_FC_MAX_WRITES];
		int fast = k->cur_fast, dev = k->cur_dev;
		int n = transport_fc_writes(fast, dev, &k->tmo, w);

		print_message("case %zu\n", c);
		assert_int_equal(n, k->nwrites);
		for (int i = 0; i < n; i++) {
			if (!strcmp(w[i].attr, "fast_io_fail_tmo")) {
				assert_true(w[i].value == OFF || w[i].value < dev);
				fast = w[i].value;
			} else {
				assert_string_equal(w[i].attr, "dev_loss_tmo");
				assert_true(fast != OFF || w[i].value <= TRANSPORT_BLOCK_MAX_TMO);
				dev = w[i].value;
			}
		}
		assert_int_equal(fast, k->end_fast);
		assert_int_equal(dev, k->end_dev);
	}
}

/* ---- transport_apply on the fake tree ---- */

static void test_fc_found_and_written(void **state)
{
	struct transport_path tp = fc_path(10, 60, TRANSPORT_TMO_UNSET);

	(void)state;
	assert_int_equal(transport_apply(&tp, NULL, 0), 2);
	assert_attr(RPORT "fast_io_fail_tmo", "10");
	assert_attr(RPORT "dev_loss_tmo", "60");
	assert_int_equal(nlog, 2);
	assert_string_equal(wlog[0], RPORT "fast_io_fail_tmo=10");
	assert_string_equal(wlog[1], RPORT "dev_loss_tmo=60");
	/* the eh_deadline of the host is unset: untouched */
	assert_attr(FC_HOST, "off");
}

static void test_fc_lower_dev_loss(void **state)
{
	struct transport_path tp = fc_path(2, 4, TRANSPORT_TMO_UNSET);

	(void)state;
	assert_int_equal(transport_apply(&tp, NULL, 0), 2);
	assert_attr(RPORT "fast_io_fail_tmo", "2");
	assert_attr(RPORT "dev_loss_tmo", "4");
	/* and back up past the old fast_io_fail */
	tp = fc_path(40, 100, TRANSPORT_TMO_UNSET);
	assert_int_equal(transport_apply(&tp, NULL, 0), 2);
	assert_string_equal(wlog[2], RPORT "dev_loss_tmo=100");
	assert_string_equal(wlog[3], RPORT "fast_io_fail_tmo=40");
}

static void test_fc_off_and_infinity(void **state)
{
	struct transport_path tp = fc_path(TRANSPORT_TMO_OFF, TRANSPORT_TMO_INFINITY,
					   TRANSPORT_TMO_UNSET);

	(void)state;
	/* off: the kernel keeps dev_loss_tmo at 600 at most */
	assert_int_equal(transport_apply(&tp, NULL, 0), 2);
	assert_attr(RPORT "fast_io_fail_tmo", "off");
	assert_attr(RPORT "dev_loss_tmo", "600");
	tp = fc_path(5, TRANSPORT_TMO_INFINITY, TRANSPORT_TMO_UNSET);
	assert_int_equal(transport_apply(&tp, NULL, 0), 2);
	assert_attr(RPORT "fast_io_fail_tmo", "5");
	assert_attr(RPORT "dev_loss_tmo", "2147483647");
}

static void test_unchanged_not_rewritten(void **state)
{
	struct transport_path fc = fc_path(5, 30, TRANSPORT_TMO_OFF);
	struct transport_path is = iscsi_path(10, TRANSPORT_TMO_UNSET, TRANSPORT_TMO_OFF);

	(void)state;
	assert_int_equal(transport_apply(&fc, NULL, 0), 0);
	assert_int_equal(transport_apply(&is, NULL, 0), 0);
	assert_int_equal(nlog, 0);
	/* written once, then left alone */
	fc = fc_path(8, 40, 20);
	assert_int_equal(transport_apply(&fc, NULL, 0), 3);
	assert_int_equal(transport_apply(&fc, NULL, 0), 0);
	assert_int_equal(nlog, 3);
}

static void test_nothing_when_unset(void **state)
{
	struct transport_path fc = fc_path(TRANSPORT_TMO_UNSET, TRANSPORT_TMO_UNSET,
					   TRANSPORT_TMO_UNSET);
	struct transport_path is = iscsi_path(TRANSPORT_TMO_UNSET, TRANSPORT_TMO_UNSET,
					      TRANSPORT_TMO_UNSET);

	(void)state;
	assert_int_equal(transport_apply(&fc, NULL, 0), 0);
	assert_int_equal(transport_apply(&is, NULL, 0), 0);
	assert_int_equal(nlog, 0);
	assert_attr(RPORT "fast_io_fail_tmo", "5");
	assert_attr(RPORT "dev_loss_tmo", "30");
	assert_attr(SESSION, "10");
}

static void test_iscsi_session(void **state)
{
	/* recovery_tmo follows fast_io_fail_tmo; dev_loss_tmo does not apply */
	struct transport_path tp = iscsi_path(7, 99, TRANSPORT_TMO_UNSET);

	(void)state;
	assert_int_equal(transport_apply(&tp, NULL, 0), 1);
	assert_attr(SESSION, "7");
	assert_int_equal(nlog, 1);
	/* off leaves the session's recovery timeout as it is */
	tp = iscsi_path(TRANSPORT_TMO_OFF, 99, TRANSPORT_TMO_UNSET);
	assert_int_equal(transport_apply(&tp, NULL, 0), 0);
	assert_attr(SESSION, "7");
}

static void test_eh_deadline(void **state)
{
	struct transport_path tp = fc_path(TRANSPORT_TMO_UNSET, TRANSPORT_TMO_UNSET, 17);
	/* a SCSI path of no known transport gets its host's deadline too */
	struct transport_path plain = {.dev = "sdz", .hbtl = {3, 0, 9, 0},
				       .protocol = "scsi:unspec"};

	(void)state;
	assert_int_equal(transport_apply(&tp, NULL, 0), 1);
	assert_attr(FC_HOST, "17");
	tp.tmo.eh_deadline = 0;
	assert_int_equal(transport_apply(&tp, NULL, 0), 1);
	assert_attr(FC_HOST, "0");
	plain.tmo = unset;
	plain.tmo.eh_deadline = TRANSPORT_TMO_OFF;
	assert_int_equal(transport_apply(&plain, NULL, 0), 1);
	assert_attr(FC_HOST, "off");
	/* not a SCSI device: nothing */
	plain.hbtl.host = -1;
	plain.tmo.eh_deadline = 30;
	assert_int_equal(transport_apply(&plain, NULL, 0), 0);
	assert_attr(FC_HOST, "off");
}

static void test_errors(void **state)
{
	char failed[192];
	struct transport_path tp = iscsi_path(7, TRANSPORT_TMO_UNSET, 17);
	struct transport_path none = fc_path(5, 30, TRANSPORT_TMO_UNSET);

	(void)state;
	/* the host refuses eh_deadline (iSCSI software hosts do): reported,
	 * and the session's timeout is written all the same */
	refuse = "scsi_host";
	assert_int_equal(transport_apply(&tp, failed, sizeof(failed)), -EINVAL);
	assert_string_equal(failed, ISCSI_HOST "=17");
	assert_attr(SESSION, "7");
	/* a path with no remote port */
	refuse = NULL;
	none.hbtl = (struct scsi_hbtl){5, 0, 0, 0};
	assert_int_equal(transport_apply(&none, failed, sizeof(failed)), -ENOENT);
	assert_string_equal(failed, "class/fc_remote_ports");
	/* no such SCSI device */
	none.hbtl = (struct scsi_hbtl){9, 0, 0, 0};
	assert_int_equal(transport_apply(&none, NULL, 0), -ENOENT);
	/* the kernel refuses dev_loss_tmo: the first refusal is returned */
	none = fc_path(8, 40, TRANSPORT_TMO_UNSET);
	refuse = "dev_loss_tmo";
	assert_int_equal(transport_apply(&none, failed, sizeof(failed)), -EINVAL);
	assert_string_equal(failed, RPORT "dev_loss_tmo=40");
	assert_attr(RPORT "dev_loss_tmo", "30");
	/* an attribute that cannot be parsed */
	refuse = NULL;
	put(RPORT "fast_io_fail_tmo", "bogus");
	assert_int_equal(transport_apply(&none, failed, sizeof(failed)), -EINVAL);
	assert_string_equal(failed, RPORT "fast_io_fail_tmo");
}

/* ---- from the configuration, through configure_apply_map() ---- */

static struct config *load(const char *text)
{
	struct config *conf = NULL;
	struct diags d = {0};
	STRBUF_AUTO(t);

	strbuf_addf(&t,
		    "defaults {\n"
		    "	find_multipaths greedy\n"
		    "	user_friendly_names no\n"
		    "	wwids_file \"%s/wwids\"\n"
		    "	polling_interval 5\n"
		    "}\n"
		    "overrides {\n"
		    "	prio const\n"
		    "	detect_prio no\n"
		    "	path_checker none\n"
		    "	detect_checker no\n"
		    "}\n%s",
		    root, text);
	assert_int_equal(config_load_text(strbuf_str(&t), t.len, "t.conf", &d, &conf), 0);
	assert_int_equal(d.errors + d.warnings, 0);
	diags_release(&d);
	return conf;
}

static struct path *mkpath(const char *dev, const char *devt, struct scsi_hbtl h,
			   const char *protocol)
{
	struct path *pp = path_new();

	assert_non_null(pp);
	strlcpy_trunc(pp->dev, dev, sizeof(pp->dev));
	strlcpy_trunc(pp->dev_t, devt, sizeof(pp->dev_t));
	pp->hbtl = h;
	strlcpy_trunc(pp->protocol, protocol, sizeof(pp->protocol));
	strlcpy_trunc(pp->wwid, "36001405aaaa", sizeof(pp->wwid));
	strlcpy_trunc(pp->vendor, "LIO-ORG", sizeof(pp->vendor));
	strlcpy_trunc(pp->product, "TCMU device", sizeof(pp->product));
	pp->size = 2048;
	pp->state = PATH_UP;
	return pp;
}

/* An FC path and an iSCSI path to one LUN, mapped under conf_text; returns
 * what the create did. */
static enum map_action create_map(const char *conf_text, struct mapvec *mv, struct pathvec *pv)
{
	struct config *conf = load(conf_text);
	enum map_action act = ACT_NOTHING;

	assert_int_equal(pathvec_push(pv, mkpath("sdf", "8:80", (struct scsi_hbtl){3, 0, 0, 1},
						 "scsi:fcp")),
			 0);
	assert_int_equal(pathvec_push(pv, mkpath("sdi", "8:128", (struct scsi_hbtl){4, 0, 0, 2},
						 "scsi:iscsi")),
			 0);
	for (size_t i = 0; i < pv->n; i++)
		configure_path_props(conf, pv->items[i]);
	assert_int_equal(configure_build_maps(conf, pv, false, false, mv), 1);
	assert_int_equal(configure_apply_map(conf, mv->items[0], NULL, false, false, &act), 0);
	config_free(conf);
	return act;
}

static void test_configure_create(void **state)
{
	struct pathvec pv = {0};
	struct mapvec mv = {0};

	(void)state;
	assert_int_equal(create_map("overrides {\n"
				    "	fast_io_fail_tmo 8\n"
				    "	dev_loss_tmo 45\n"
				    "	eh_deadline 12\n"
				    "	no_path_retry fail\n"
				    "}\n",
				    &mv, &pv),
			 ACT_CREATE);
	assert_attr(RPORT "fast_io_fail_tmo", "8");
	assert_attr(RPORT "dev_loss_tmo", "45");
	assert_attr(SESSION, "8");
	assert_attr(FC_HOST, "12");
	assert_attr(ISCSI_HOST, "12");
	mapvec_free(&mv);
	pathvec_free(&pv);
}

static void test_configure_defaults(void **state)
{
	struct pathvec pv = {0};
	struct mapvec mv = {0};

	(void)state;
	/* nothing configured: fast_io_fail_tmo's built-in 5 is written (the
	 * session's 10 becomes 5, as multipath-tools 0.9.4 does); dev_loss_tmo
	 * and eh_deadline keep the kernel's values */
	assert_int_equal(create_map("overrides {\n	no_path_retry fail\n}\n", &mv, &pv),
			 ACT_CREATE);
	assert_attr(RPORT "fast_io_fail_tmo", "5");
	assert_attr(RPORT "dev_loss_tmo", "30");
	assert_attr(SESSION, "5");
	assert_attr(FC_HOST, "off");
	assert_int_equal(nlog, 1);
	mapvec_free(&mv);
	pathvec_free(&pv);
}

static void test_configure_queueing(void **state)
{
	struct pathvec pv = {0};
	struct mapvec mv = {0};

	(void)state;
	/* no_path_retry queue: dev_loss_tmo infinity on the rport */
	assert_int_equal(create_map("overrides {\n	no_path_retry queue\n}\n", &mv, &pv),
			 ACT_CREATE);
	assert_attr(RPORT "dev_loss_tmo", "2147483647");
	mapvec_free(&mv);
	pathvec_free(&pv);
	/* no_path_retry 12 x polling_interval 5: at least 60 s */
	reset(state);
	assert_int_equal(create_map("overrides {\n"
				    "	no_path_retry 12\n"
				    "	dev_loss_tmo 30\n"
				    "}\n",
				    &mv, &pv),
			 ACT_CREATE);
	assert_attr(RPORT "dev_loss_tmo", "60");
	mapvec_free(&mv);
	pathvec_free(&pv);
}

static void test_configure_protocol_section(void **state)
{
	struct pathvec pv = {0};
	struct mapvec mv = {0};

	(void)state;
	assert_int_equal(create_map("overrides {\n"
				    "	no_path_retry fail\n"
				    "	fast_io_fail_tmo 6\n"
				    "	protocol {\n"
				    "		type scsi:iscsi\n"
				    "		fast_io_fail_tmo 9\n"
				    "	}\n"
				    "}\n",
				    &mv, &pv),
			 ACT_CREATE);
	assert_attr(RPORT "fast_io_fail_tmo", "6");
	assert_attr(SESSION, "9");
	mapvec_free(&mv);
	pathvec_free(&pv);
}

static void test_configure_no_change_no_write(void **state)
{
	struct config *conf = load("overrides {\n	fast_io_fail_tmo 8\n}\n");
	struct pathvec pv = {0};
	struct mapvec mv = {0};
	enum map_action act;

	(void)state;
	assert_int_equal(create_map("overrides {\n	fast_io_fail_tmo 8\n}\n", &mv, &pv), ACT_CREATE);
	assert_attr(SESSION, "8");
	/* the map as the kernel has it: nothing to do, nothing written (the
	 * session's timeout changed by hand meanwhile stays) */
	put(SESSION, "10");
	nlog = 0;
	assert_int_equal(configure_apply_map(conf, mv.items[0], mv.items[0], false, false, &act), 0);
	assert_int_equal(act, ACT_NOTHING);
	assert_int_equal(nlog, 0);
	assert_attr(SESSION, "10");
	/* a reload sets it again */
	assert_int_equal(configure_apply_map(conf, mv.items[0], mv.items[0], true, false, &act), 0);
	assert_int_equal(act, ACT_RELOAD);
	assert_attr(SESSION, "8");
	/* a dry run writes nothing */
	put(SESSION, "10");
	assert_int_equal(configure_apply_map(conf, mv.items[0], mv.items[0], true, true, &act), 0);
	assert_attr(SESSION, "10");
	/* nothing to reload, but the caller asks (the daemon's reconfigure) */
	struct map_plan plan;

	assert_int_equal(configure_plan_map(mv.items[0], mv.items[0], false, &plan), 0);
	assert_int_equal(plan.act, ACT_NOTHING);
	plan.set_transport = true;
	assert_int_equal(configure_exec_plan(conf, &plan, NULL), 0);
	assert_attr(SESSION, "8");
	map_plan_release(&plan);
	config_free(conf);
	mapvec_free(&mv);
	pathvec_free(&pv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fc_writes_order),
		cmocka_unit_test_setup(test_fc_found_and_written, reset),
		cmocka_unit_test_setup(test_fc_lower_dev_loss, reset),
		cmocka_unit_test_setup(test_fc_off_and_infinity, reset),
		cmocka_unit_test_setup(test_unchanged_not_rewritten, reset),
		cmocka_unit_test_setup(test_nothing_when_unset, reset),
		cmocka_unit_test_setup(test_iscsi_session, reset),
		cmocka_unit_test_setup(test_eh_deadline, reset),
		cmocka_unit_test_setup(test_errors, reset),
		cmocka_unit_test_setup(test_configure_create, reset),
		cmocka_unit_test_setup(test_configure_defaults, reset),
		cmocka_unit_test_setup(test_configure_queueing, reset),
		cmocka_unit_test_setup(test_configure_protocol_section, reset),
		cmocka_unit_test_setup(test_configure_no_change_no_write, reset),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
