// SPDX-License-Identifier: GPL-2.0-or-later
/* Property selection: multipaths > overrides > devices > defaults > built-in. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "config/propsel.h"
#include "util/log.h"
#include "util/strbuf.h"

static struct strbuf logged = STRBUF_INIT;

static void capture(int level, const char *msg, void *data)
{
	(void)data;
	strbuf_addf(&logged, "%d|%s\n", level, msg);
}

static struct config *load(const char *text)
{
	struct config *conf = NULL;
	struct diags d = {0};

	assert_int_equal(config_load_text(text, strlen(text), "p.conf", &d, &conf), 0);
	assert_int_equal(d.errors + d.warnings, 0);
	diags_release(&d);
	return conf;
}

static int setup(void **state)
{
	(void)state;
	log_set_verbosity(3);
	log_set_sink(capture, NULL);
	strbuf_reset(&logged);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	log_set_sink(NULL, NULL);
	log_set_verbosity(2);
	strbuf_release(&logged);
	return 0;
}

static const char full_conf[] = "defaults {\n"
				"	no_path_retry 1\n"
				"	path_checker directio\n"
				"	rr_min_io_rq 7\n"
				"}\n"
				"devices {\n"
				"	device {\n"
				"		vendor \"PURE\"\n"
				"		product \"FlashArray\"\n"
				"		no_path_retry 2\n"
				"		rr_min_io_rq 6\n"
				"	}\n"
				"}\n"
				"overrides {\n"
				"	no_path_retry 3\n"
				"	path_io_err_sample_time 5\n"
				"}\n"
				"multipaths {\n"
				"	multipath {\n"
				"		wwid 36001\n"
				"		alias data\n"
				"		no_path_retry 4\n"
				"	}\n"
				"}\n";

static void test_precedence(void **state)
{
	struct config *conf = load(full_conf);
	struct prop_src mp, other, plain;
	enum prop_origin o;

	(void)state;
	prop_src_init(&mp, conf, "data", "PURE", "FlashArray", "0191", "36001");
	prop_src_init(&other, conf, "mpathb", "PURE", "FlashArray", "0191", "36002");
	prop_src_init(&plain, conf, "sdz", "ACME", "disk", "1", NULL);

	assert_int_equal(propsel_int(&mp, KW_NO_PATH_RETRY, &o), 4);
	assert_int_equal(o, ORIGIN_MULTIPATHS);
	assert_int_equal(propsel_int(&other, KW_NO_PATH_RETRY, &o), 3);
	assert_int_equal(o, ORIGIN_OVERRIDES);
	/* user device entry merged into the built-in one: a file setting */
	assert_int_equal(propsel_int(&other, KW_RR_MIN_IO_RQ, &o), 6);
	assert_int_equal(o, ORIGIN_CONF);
	/* built-in device entry */
	assert_int_equal(propsel_int(&other, KW_PATH_GROUPING_POLICY, &o), PGP_GROUP_BY_PRIO);
	assert_int_equal(o, ORIGIN_HWTABLE);
	assert_int_equal(propsel_int(&plain, KW_RR_MIN_IO_RQ, &o), 7);
	assert_int_equal(o, ORIGIN_CONF);
	assert_int_equal(propsel_int(&plain, KW_PATH_GROUPING_POLICY, &o), PGP_FAILOVER);
	assert_int_equal(o, ORIGIN_BUILTIN);
	assert_string_equal(propsel_str(&plain, KW_PATH_CHECKER, &o), "directio");
	assert_int_equal(o, ORIGIN_CONF);
	assert_string_equal(propsel_str(&plain, KW_HARDWARE_HANDLER, &o), "0");
	assert_int_equal(o, ORIGIN_BUILTIN);
	assert_int_equal(propsel_int(&plain, KW_PATH_IO_ERR_SAMPLE_TIME, NULL), 5);
	config_free(conf);
}

static void test_origin_log(void **state)
{
	struct config *conf = load(full_conf);
	struct prop_src src;

	(void)state;
	prop_src_init(&src, conf, "data", "PURE", "FlashArray", NULL, "36001");
	propsel_int(&src, KW_NO_PATH_RETRY, NULL);
	prop_src_init(&src, conf, "mpatha", "PURE", "FlashArray", NULL, NULL);
	propsel_int(&src, KW_NO_PATH_RETRY, NULL);
	propsel_int(&src, KW_RR_MIN_IO_RQ, NULL);
	propsel_int(&src, KW_FAILBACK, NULL);
	propsel_str(&src, KW_PATH_CHECKER, NULL);
	propsel_int(&src, KW_FLUSH_ON_LAST_DEL, NULL);
	assert_string_equal(
		strbuf_str(&logged),
		"3|data: no_path_retry = 4 (setting: multipath.conf multipaths section)\n"
		"3|mpatha: no_path_retry = 3 (setting: multipath.conf overrides section)\n"
		"3|mpatha: rr_min_io_rq = 6 (setting: multipath.conf defaults/devices section)\n"
		"3|mpatha: failback = immediate (setting: storage device configuration)\n"
		"3|mpatha: path_checker = directio (setting: multipath.conf defaults/devices "
		"section)\n"
		"3|mpatha: flush_on_last_del = no (setting: multipath internal)\n");
	/* asking only where a value comes from logs nothing */
	strbuf_reset(&logged);
	assert_int_equal(propsel_origin(&src, KW_FAILBACK), ORIGIN_HWTABLE);
	assert_int_equal(propsel_origin(&src, KW_NO_PATH_RETRY), ORIGIN_OVERRIDES);
	assert_int_equal(propsel_origin(&src, KW_PRIO), ORIGIN_HWTABLE);
	assert_int_equal(logged.len, 0);
	/* quiet below verbosity 3 */
	strbuf_reset(&logged);
	log_set_verbosity(2);
	propsel_int(&src, KW_FAILBACK, NULL);
	assert_int_equal(logged.len, 0);
	log_set_verbosity(3);
	config_free(conf);
}

static void test_keyword_scope(void **state)
{
	/* keywords invalid in multipaths never come from there */
	struct config *conf = load("multipaths {\n"
				   "	multipath {\n"
				   "		wwid 36001\n"
				   "		path_io_err_rate_threshold 0\n"
				   "	}\n"
				   "}\n");
	struct prop_src src;
	enum prop_origin o;

	(void)state;
	prop_src_init(&src, conf, "x", NULL, NULL, NULL, "36001");
	assert_int_equal(src.nhwe, 0);
	assert_int_equal(propsel_int(&src, KW_PATH_IO_ERR_RATE_THRESHOLD, &o), 0);
	assert_int_equal(o, ORIGIN_MULTIPATHS);
	assert_string_equal(propsel_str(&src, KW_UID_ATTRIBUTE, &o), "ID_SERIAL");
	assert_int_equal(o, ORIGIN_BUILTIN);
	config_free(conf);
}

/* overrides { protocol { type ... } }: above every other source for the
 * keywords it may hold, only for paths of that protocol. */
static void test_protocol_subsection(void **state)
{
	struct config *conf = load("defaults {\n"
				   "	dev_loss_tmo 300\n"
				   "	eh_deadline 10\n"
				   "}\n"
				   "overrides {\n"
				   "	dev_loss_tmo 60\n"
				   "	fast_io_fail_tmo 8\n"
				   "	protocol {\n"
				   "		type \"scsi:fcp\"\n"
				   "		dev_loss_tmo 70\n"
				   "		fast_io_fail_tmo 10\n"
				   "		eh_deadline 360\n"
				   "	}\n"
				   "	protocol {\n"
				   "		type \"scsi:iscsi\"\n"
				   "		fast_io_fail_tmo 120\n"
				   "	}\n"
				   "}\n"
				   "multipaths {\n"
				   "	multipath {\n"
				   "		wwid 36001\n"
				   "		no_path_retry 4\n"
				   "	}\n"
				   "}\n");
	struct prop_src fc, iscsi, none;
	enum prop_origin o;

	(void)state;
	prop_src_init(&fc, conf, "sda", "PURE", "FlashArray", NULL, "36001");
	prop_src_set_protocol(&fc, "scsi:fcp");
	prop_src_init(&iscsi, conf, "sdb", "PURE", "FlashArray", NULL, NULL);
	prop_src_set_protocol(&iscsi, "scsi:iscsi");
	prop_src_init(&none, conf, "sdc", "PURE", "FlashArray", NULL, NULL);
	prop_src_set_protocol(&none, NULL);

	assert_int_equal(propsel_int(&fc, KW_DEV_LOSS_TMO, &o), 70);
	assert_int_equal(o, ORIGIN_OVERRIDES_PROTOCOL);
	assert_int_equal(propsel_int(&fc, KW_EH_DEADLINE, &o), 360);
	assert_int_equal(o, ORIGIN_OVERRIDES_PROTOCOL);
	assert_int_equal(propsel_int(&fc, KW_NO_PATH_RETRY, &o), 4); /* not a protocol keyword */
	assert_int_equal(o, ORIGIN_MULTIPATHS);
	assert_int_equal(propsel_int(&iscsi, KW_FAST_IO_FAIL_TMO, &o), 120);
	assert_int_equal(o, ORIGIN_OVERRIDES_PROTOCOL);
	assert_int_equal(propsel_int(&iscsi, KW_DEV_LOSS_TMO, &o), 60);
	assert_int_equal(o, ORIGIN_OVERRIDES);
	assert_int_equal(propsel_int(&iscsi, KW_EH_DEADLINE, &o), 10);
	assert_int_equal(o, ORIGIN_CONF);
	assert_int_equal(propsel_int(&none, KW_FAST_IO_FAIL_TMO, &o), 8);
	assert_int_equal(o, ORIGIN_OVERRIDES);
	assert_true(strstr(strbuf_str(&logged),
			   "sda: dev_loss_tmo = 70 (setting: multipath.conf overrides protocol "
			   "section)") != NULL);
	config_free(conf);
}

/* The per-device keywords of issue 9 resolve with origins like the others. */
static void test_new_device_keywords(void **state)
{
	struct config *conf = load("defaults {\n"
				   "	skip_kpartx yes\n"
				   "	flush_on_last_del never\n"
				   "	reservation_key 0x1234\n"
				   "}\n"
				   "devices {\n"
				   "	device {\n"
				   "		vendor \"ACME\"\n"
				   "		product \"Disk\"\n"
				   "		all_tg_pt yes\n"
				   "		ghost_delay 15\n"
				   "		detect_pgpolicy_use_tpg yes\n"
				   "		path_grouping_policy group_by_tpg\n"
				   "	}\n"
				   "}\n"
				   "overrides {\n"
				   "	deferred_remove yes\n"
				   "}\n"
				   "multipaths {\n"
				   "	multipath {\n"
				   "		wwid 36001\n"
				   "		reservation_key file\n"
				   "		skip_kpartx no\n"
				   "	}\n"
				   "}\n");
	struct prop_src src, hp;
	enum prop_origin o;

	(void)state;
	prop_src_init(&src, conf, "m", "ACME", "Disk", NULL, "36001");
	assert_int_equal(propsel_int(&src, KW_SKIP_KPARTX, &o), YN_NO);
	assert_int_equal(o, ORIGIN_MULTIPATHS);
	assert_string_equal(propsel_str(&src, KW_RESERVATION_KEY, &o), "file");
	assert_int_equal(o, ORIGIN_MULTIPATHS);
	assert_int_equal(propsel_int(&src, KW_ALL_TG_PT, &o), YN_YES);
	assert_int_equal(o, ORIGIN_CONF);
	assert_int_equal(propsel_int(&src, KW_GHOST_DELAY, &o), 15);
	assert_int_equal(propsel_int(&src, KW_DETECT_PGPOLICY_USE_TPG, &o), YN_YES);
	assert_int_equal(propsel_int(&src, KW_PATH_GROUPING_POLICY, &o), PGP_GROUP_BY_TPG);
	assert_int_equal(propsel_int(&src, KW_DEFERRED_REMOVE, &o), YN_YES);
	assert_int_equal(o, ORIGIN_OVERRIDES);
	assert_int_equal(propsel_int(&src, KW_FLUSH_ON_LAST_DEL, &o), FLUSH_NEVER);
	assert_int_equal(o, ORIGIN_CONF);
	/* Debian 12's multipath-tools 0.9.4 has no detect_pgpolicy: off */
	assert_int_equal(propsel_int(&src, KW_DETECT_PGPOLICY, &o), YN_NO);
	assert_int_equal(o, ORIGIN_BUILTIN);
	assert_int_equal(propsel_int(&src, KW_EH_DEADLINE, &o), 0); /* unset: caller checks */
	assert_int_equal(o, ORIGIN_BUILTIN);
	/* vpd_vendor from the built-in 3PAR entry */
	prop_src_init(&hp, conf, "n", "3PARdata", "VV", NULL, NULL);
	assert_int_equal(propsel_int(&hp, KW_VPD_VENDOR, &o), VPD_VENDOR_HP3PAR);
	assert_int_equal(o, ORIGIN_HWTABLE);
	assert_string_equal(propsel_str(&hp, KW_RESERVATION_KEY, &o), "0x1234");
	assert_int_equal(o, ORIGIN_CONF);
	config_free(conf);
}

/* detect_pgpolicy: precedence and origin of the map's grouping policy. */
static void test_detect_pgpolicy(void **state)
{
	struct config *conf = load("defaults {\n"
				   "	path_grouping_policy multibus\n"
				   "}\n"
				   "devices {\n"
				   "	device {\n"
				   "		vendor \"ACME\"\n"
				   "		product \"Detect\"\n"
				   "		detect_pgpolicy yes\n"
				   "		path_grouping_policy failover\n"
				   "	}\n"
				   "	device {\n"
				   "		vendor \"ACME\"\n"
				   "		product \"Tpg\"\n"
				   "		detect_pgpolicy yes\n"
				   "		detect_pgpolicy_use_tpg yes\n"
				   "	}\n"
				   "	device {\n"
				   "		vendor \"ACME\"\n"
				   "		product \"Plain\"\n"
				   "		detect_pgpolicy_use_tpg yes\n"
				   "	}\n"
				   "}\n"
				   "multipaths {\n"
				   "	multipath {\n"
				   "		wwid 36001\n"
				   "		path_grouping_policy group_by_serial\n"
				   "	}\n"
				   "}\n");
	struct config *ovr = load("overrides {\n"
				  "	detect_pgpolicy yes\n"
				  "	path_grouping_policy group_by_node_name\n"
				  "}\n");
	struct config *dflt = load("defaults {\n"
				   "	detect_pgpolicy yes\n"
				   "}\n");
	struct prop_src src;
	enum prop_origin o;

	(void)state;
	/* the built-in default is off (as multipath-tools 0.9.4, which lacks it) */
	prop_src_init(&src, conf, "m", "OTHER", "Disk", NULL, NULL);
	assert_int_equal(propsel_pgpolicy(&src, true, &o), PGP_MULTIBUS);
	assert_int_equal(o, ORIGIN_CONF);
	/* on: an ALUA map is grouped by priority, over the devices entry's
	 * failover; logged as autodetected */
	prop_src_init(&src, conf, "m", "ACME", "Detect", NULL, NULL);
	strbuf_reset(&logged);
	assert_int_equal(propsel_pgpolicy(&src, true, &o), PGP_GROUP_BY_PRIO);
	assert_int_equal(o, ORIGIN_AUTODETECTED);
	assert_non_null(strstr(strbuf_str(&logged),
			       "3|m: path_grouping_policy = group_by_prio "
			       "(setting: storage device autodetected)\n"));
	/* not ALUA: the configured policy */
	assert_int_equal(propsel_pgpolicy(&src, false, &o), PGP_FAILOVER);
	assert_int_equal(o, ORIGIN_CONF);
	/* with detect_pgpolicy_use_tpg: group_by_tpg */
	prop_src_init(&src, conf, "m", "ACME", "Tpg", NULL, NULL);
	assert_int_equal(propsel_pgpolicy(&src, true, &o), PGP_GROUP_BY_TPG);
	assert_int_equal(o, ORIGIN_AUTODETECTED);
	assert_string_equal(prop_origin_str(o), "(setting: storage device autodetected)");
	/* detect_pgpolicy_use_tpg alone does nothing */
	prop_src_init(&src, conf, "m", "ACME", "Plain", NULL, NULL);
	assert_int_equal(propsel_pgpolicy(&src, true, &o), PGP_MULTIBUS);
	assert_int_equal(o, ORIGIN_CONF);
	/* a multipaths entry wins over the detection */
	prop_src_init(&src, conf, "m", "ACME", "Detect", NULL, "36001");
	assert_int_equal(propsel_pgpolicy(&src, true, &o), PGP_GROUP_BY_SERIAL);
	assert_int_equal(o, ORIGIN_MULTIPATHS);
	/* so does the overrides section */
	prop_src_init(&src, ovr, "m", "ACME", "Detect", NULL, NULL);
	assert_int_equal(propsel_pgpolicy(&src, true, &o), PGP_GROUP_BY_NODE_NAME);
	assert_int_equal(o, ORIGIN_OVERRIDES);
	/* on in defaults, the built-in failover gives way */
	prop_src_init(&src, dflt, "m", "OTHER", "Disk", NULL, NULL);
	assert_int_equal(propsel_pgpolicy(&src, true, &o), PGP_GROUP_BY_PRIO);
	assert_int_equal(o, ORIGIN_AUTODETECTED);
	assert_int_equal(propsel_pgpolicy(&src, false, &o), PGP_FAILOVER);
	assert_int_equal(o, ORIGIN_BUILTIN);
	config_free(conf);
	config_free(ovr);
	config_free(dflt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_precedence, setup, teardown),
		cmocka_unit_test_setup_teardown(test_origin_log, setup, teardown),
		cmocka_unit_test_setup_teardown(test_keyword_scope, setup, teardown),
		cmocka_unit_test_setup_teardown(test_protocol_subsection, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_device_keywords, setup, teardown),
		cmocka_unit_test_setup_teardown(test_detect_pgpolicy, setup, teardown),
	};

	return cmocka_run_group_tests_name("propsel", tests, NULL, NULL);
}
