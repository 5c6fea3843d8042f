// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The keyword table (libmultipath/config/keywords.c): every row's built-in
 * default, good and bad values, named words, numeric limits, aliases,
 * string validators and the quoting of printed strings.
 *
 * The case table below must hold at least one good and one bad value for
 * every row of keywords[]; test_cases_cover_every_keyword() fails when a
 * keyword is added without cases.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config/keywords.h"
#include "util/strbuf.h"

/* One value of one keyword and what keyword_set() must make of it. */
struct kcase {
	const char *kw;    /* name or alias */
	const char *value;
	bool ok;
	int ival;          /* KWT_INT, ok: the stored number */
	const char *canon; /* ok: keyword_format() output; NULL: the value (quoted for strings) */
};

#define GOOD(k, v) {k, v, true, 0, NULL}
#define GOOD_I(k, v, n) {k, v, true, n, NULL}
#define GOOD_IC(k, v, n, c) {k, v, true, n, c}
#define BAD(k, v) {k, v, false, 0, NULL}

static const struct kcase cases[] = {
	/* defaults only */
	GOOD_I("verbosity", "0", 0),
	GOOD_I("verbosity", "4", 4),
	BAD("verbosity", "5"),
	BAD("verbosity", "-1"),
	BAD("verbosity", "yes"),
	GOOD_I("polling_interval", "1", 1),
	GOOD_I("polling_interval", "3600", 3600),
	GOOD_I("polling_interval", "0", 0), /* as multipath-tools takes it */
	BAD("polling_interval", "-1"),
	BAD("polling_interval", "3601"),
	GOOD_I("max_polling_interval", "1", 1),
	GOOD_I("max_polling_interval", "14400", 14400),
	BAD("max_polling_interval", "0"),
	BAD("max_polling_interval", "14401"),
	GOOD_I("find_multipaths", "off", FIND_MP_OFF),
	GOOD_IC("find_multipaths", "no", FIND_MP_OFF, "off"),
	GOOD_I("find_multipaths", "on", FIND_MP_ON),
	GOOD_IC("find_multipaths", "yes", FIND_MP_ON, "on"),
	GOOD_I("find_multipaths", "greedy", FIND_MP_GREEDY),
	GOOD_I("find_multipaths", "smart", FIND_MP_SMART),
	GOOD_I("find_multipaths", "strict", FIND_MP_STRICT),
	BAD("find_multipaths", "maybe"),
	BAD("find_multipaths", "1"),
	GOOD_I("queue_without_daemon", "yes", YN_YES),
	GOOD_I("queue_without_daemon", "no", YN_NO),
	BAD("queue_without_daemon", "1"),
	GOOD_I("log_checker_err", "always", LOG_CHKR_ERR_ALWAYS),
	GOOD_I("log_checker_err", "once", LOG_CHKR_ERR_ONCE),
	BAD("log_checker_err", "never"),
	GOOD_I("uxsock_timeout", "100", 100),
	GOOD_I("uxsock_timeout", "3600000", 3600000),
	BAD("uxsock_timeout", "99"),
	BAD("uxsock_timeout", "3600001"),
	GOOD("bindings_file", "/var/lib/multipath/bindings"),
	BAD("bindings_file", "etc/multipath/bindings"),
	BAD("bindings_file", ""),
	GOOD("wwids_file", "/var/lib/multipath/wwids"),
	BAD("wwids_file", "wwids"),
	BAD("wwids_file", ""),
	GOOD("config_dir", "/etc/multipath/conf.d"),
	GOOD("config_dir", ""), /* no config_dir */
	BAD("config_dir", "conf.d"),
	/* devices only */
	GOOD("vendor", "^IBM"),
	GOOD("vendor", "(HP|HPE)"),
	/* kept like multipath-tools keeps them: the entry matches nothing */
	GOOD("vendor", "(HP"),
	GOOD("product", "*"),
	BAD("vendor", ""),
	BAD("vendor", ""),
	GOOD("product", "Super Array .*"),
	GOOD("product", "[a-"),
	BAD("product", ""),
	GOOD("revision", "^1\\."),
	GOOD("revision", "a{2,1}"),
	BAD("revision", ""),
	GOOD("product_blacklist", "Universal Xport"),
	BAD("product_blacklist", "*)"),
	/* multipaths only */
	GOOD("wwid", "3600a098038303053453f463045727a49"),
	BAD("wwid", ""),
	GOOD("alias", "db_data"),
	GOOD("alias", "db data \"x\""),
	BAD("alias", "db/data"),
	BAD("alias", "."),
	BAD("alias", ".."),
	BAD("alias", ""),
	/* map and path properties */
	GOOD_I("user_friendly_names", "yes", YN_YES),
	GOOD_I("user_friendly_names", "no", YN_NO),
	BAD("user_friendly_names", "y"),
	GOOD("alias_prefix", "mpath"),
	GOOD("alias_prefix", "san-"),
	BAD("alias_prefix", "san/"),
	BAD("alias_prefix", ""),
	GOOD("uid_attribute", "ID_WWN"),
	BAD("uid_attribute", ""),
	GOOD_I("path_grouping_policy", "failover", PGP_FAILOVER),
	GOOD_I("path_grouping_policy", "multibus", PGP_MULTIBUS),
	GOOD_I("path_grouping_policy", "group_by_serial", PGP_GROUP_BY_SERIAL),
	GOOD_I("path_grouping_policy", "group_by_prio", PGP_GROUP_BY_PRIO),
	GOOD_I("path_grouping_policy", "group_by_node_name", PGP_GROUP_BY_NODE_NAME),
	BAD("path_grouping_policy", "group_by_nothing"),
	BAD("path_grouping_policy", "1"),
	GOOD("path_selector", "round-robin 0"),
	GOOD("path_selector", "queue-length 0"),
	GOOD("path_selector", "service-time 0"),
	GOOD("path_selector", "historical-service-time 0"),
	GOOD("path_selector", "io-affinity 0"),
	GOOD("path_selector", "round-robin"),
	BAD("path_selector", "random 0"),
	BAD("path_selector", ""),
	BAD("path_selector", "   "),
	GOOD("path_checker", "tur"),
	GOOD("path_checker", "directio"),
	GOOD("path_checker", "readsector0"),
	GOOD("path_checker", "none"),
	GOOD("checker", "directio"),
	BAD("path_checker", "carrier_pigeon"),
	BAD("path_checker", ""),
	BAD("checker", "TUR"),
	GOOD_I("checker_timeout", "1", 1),
	GOOD_I("checker_timeout", "3600", 3600),
	BAD("checker_timeout", "0"),
	BAD("checker_timeout", "3601"),
	GOOD("prio", "const"),
	GOOD("prio", "weightedpath"),
	GOOD("prio", "path_latency"),
	GOOD("prio", "sysfs"),
	GOOD("prio", "alua"),
	BAD("prio", "dice"),
	BAD("prio", ""),
	GOOD("prio_args", ""),
	GOOD("prio_args", "hbtl 1:0:.*:.* 10"),
	/* prio_args takes any string: no bad value (see any_string[]) */
	GOOD_I("detect_prio", "yes", YN_YES),
	GOOD_I("detect_prio", "no", YN_NO),
	BAD("detect_prio", "maybe"),
	GOOD_I("detect_checker", "yes", YN_YES),
	GOOD_I("detect_checker", "no", YN_NO),
	BAD("detect_checker", "true"),
	GOOD("features", "0"),
	GOOD("features", "1 queue_if_no_path"),
	GOOD("features", "2 pg_init_retries 50"),
	GOOD("features", "3 queue_if_no_path pg_init_retries 50"),
	BAD("features", "2 queue_if_no_path"),
	BAD("features", "0 queue_if_no_path"),
	BAD("features", "queue_if_no_path"),
	BAD("features", "1queue_if_no_path"),
	BAD("features", "-1"),
	BAD("features", "+1 queue_if_no_path"),
	BAD("features", " 1 queue_if_no_path"),
	BAD("features", "65"),
	BAD("features", ""),
	GOOD("hardware_handler", "0"),
	GOOD("hardware_handler", "1 alua"),
	GOOD("hardware_handler", "1 emc"),
	BAD("hardware_handler", "2 alua x"),
	BAD("hardware_handler", "1"),
	BAD("hardware_handler", "alua"),
	BAD("hardware_handler", " 1 alua"),
	BAD("hardware_handler", "10 a b c d e f g h i j"),
	BAD("hardware_handler", ""),
	GOOD_I("retain_attached_hw_handler", "yes", YN_YES),
	GOOD_I("retain_attached_hw_handler", "no", YN_NO),
	BAD("retain_attached_hw_handler", "2"),
	GOOD_I("failback", "manual", FAILBACK_MANUAL),
	GOOD_I("failback", "immediate", FAILBACK_IMMEDIATE),
	GOOD_I("failback", "followover", FAILBACK_FOLLOWOVER),
	GOOD_I("failback", "1", 1),
	GOOD_I("failback", "86400", 86400),
	BAD("failback", "0"),
	BAD("failback", "86401"),
	BAD("failback", "later"),
	BAD("failback", "-1"),
	GOOD_I("rr_weight", "uniform", RR_WEIGHT_UNIFORM),
	GOOD_I("rr_weight", "priorities", RR_WEIGHT_PRIORITIES),
	BAD("rr_weight", "1"),
	GOOD_I("rr_min_io", "1", 1),
	GOOD_I("rr_min_io", "1000000", 1000000),
	BAD("rr_min_io", "0"),
	BAD("rr_min_io", "1000001"),
	GOOD_I("rr_min_io_rq", "1", 1),
	GOOD_I("rr_min_io_rq", "1000000", 1000000),
	BAD("rr_min_io_rq", "0"),
	BAD("rr_min_io_rq", "1000001"),
	GOOD_I("no_path_retry", "fail", NO_PATH_RETRY_FAIL),
	GOOD_I("no_path_retry", "queue", NO_PATH_RETRY_QUEUE),
	GOOD_I("no_path_retry", "0", 0),
	GOOD_I("no_path_retry", "1000000", 1000000),
	BAD("no_path_retry", "-1"),
	BAD("no_path_retry", "-2"),
	BAD("no_path_retry", "1000001"),
	BAD("no_path_retry", "forever"),
	GOOD_I("flush_on_last_del", "yes", FLUSH_ALWAYS),
	GOOD_I("flush_on_last_del", "no", FLUSH_UNUSED),
	GOOD_IC("flush_on_last_del", "always", FLUSH_ALWAYS, "yes"),
	GOOD_IC("flush_on_last_del", "unused", FLUSH_UNUSED, "no"),
	GOOD_I("flush_on_last_del", "never", FLUSH_NEVER),
	BAD("flush_on_last_del", "sometimes"),
	GOOD_I("fast_io_fail_tmo", "off", FAST_IO_FAIL_OFF),
	GOOD_I("fast_io_fail_tmo", "0", 0),
	GOOD_I("fast_io_fail_tmo", "2147483646", 2147483646),
	BAD("fast_io_fail_tmo", "-1"),
	BAD("fast_io_fail_tmo", "2147483647"),
	GOOD_I("dev_loss_tmo", "infinity", DEV_LOSS_TMO_INFINITY),
	GOOD_I("dev_loss_tmo", "1", 1),
	GOOD_I("dev_loss_tmo", "2147483646", 2147483646),
	GOOD_I("dev_loss_tmo", "2147483647", 2147483647), /* a number, not infinity */
	BAD("dev_loss_tmo", "0"),
	BAD("dev_loss_tmo", "2147483648"),
	BAD("dev_loss_tmo", "inf"),
	GOOD_I("max_sectors_kb", "4", 4),
	GOOD_I("max_sectors_kb", "1048576", 1048576),
	BAD("max_sectors_kb", "3"),
	BAD("max_sectors_kb", "1048577"),
	GOOD_I("delay_watch_checks", "no", 0),
	GOOD_IC("delay_watch_checks", "off", 0, "no"),
	GOOD_I("delay_watch_checks", "1", 1),
	GOOD_I("delay_watch_checks", "1000000", 1000000),
	BAD("delay_watch_checks", "0"),
	BAD("delay_watch_checks", "1000001"),
	GOOD_I("delay_wait_checks", "no", 0),
	GOOD_I("delay_wait_checks", "7", 7),
	BAD("delay_wait_checks", "1000001"),
	GOOD_I("san_path_err_threshold", "no", 0),
	GOOD_I("san_path_err_threshold", "1000000", 1000000),
	BAD("san_path_err_threshold", "1000001"),
	GOOD_IC("san_path_err_forget_rate", "off", 0, "no"),
	GOOD_I("san_path_err_forget_rate", "1", 1),
	BAD("san_path_err_forget_rate", "0"),
	GOOD_I("san_path_err_recovery_time", "no", 0),
	GOOD_I("san_path_err_recovery_time", "100", 100),
	BAD("san_path_err_recovery_time", "-5"),
	/* io_err_stat: "no", "off" and "0" switch sample/recovery time off */
	GOOD_I("path_io_err_sample_time", "no", 0),
	GOOD_IC("path_io_err_sample_time", "off", 0, "no"),
	GOOD_IC("path_io_err_sample_time", "0", 0, "no"),
	GOOD_I("path_io_err_sample_time", "1", 1),
	GOOD_I("path_io_err_sample_time", "3600", 3600),
	BAD("path_io_err_sample_time", "3601"),
	BAD("path_io_err_sample_time", "-1"),
	GOOD_I("marginal_path_err_sample_time", "120", 120),
	BAD("marginal_path_err_sample_time", "soon"),
	/* the threshold: "0" means no error tolerated, "no" switches it off */
	GOOD_I("path_io_err_rate_threshold", "no", IO_ERR_THRESHOLD_OFF),
	GOOD_IC("path_io_err_rate_threshold", "off", IO_ERR_THRESHOLD_OFF, "no"),
	GOOD_I("path_io_err_rate_threshold", "0", 0),
	GOOD_I("path_io_err_rate_threshold", "1000", 1000),
	BAD("path_io_err_rate_threshold", "1001"),
	BAD("path_io_err_rate_threshold", "-1"),
	GOOD_I("marginal_path_err_rate_threshold", "5", 5),
	BAD("marginal_path_err_rate_threshold", "5%"),
	GOOD_I("path_io_err_recovery_time", "no", 0),
	GOOD_IC("path_io_err_recovery_time", "0", 0, "no"),
	GOOD_I("path_io_err_recovery_time", "1000000", 1000000),
	BAD("path_io_err_recovery_time", "1000001"),
	GOOD_I("marginal_path_err_recheck_gap_time", "300", 300),
	BAD("marginal_path_err_recheck_gap_time", "-300"),
	GOOD_I("path_io_err_double_failed_time", "1", 1),
	GOOD_I("path_io_err_double_failed_time", "3600", 3600),
	BAD("path_io_err_double_failed_time", "0"),
	BAD("path_io_err_double_failed_time", "3601"),
	BAD("path_io_err_double_failed_time", "no"),
	GOOD_I("marginal_path_double_failed_time", "30", 30),
	BAD("marginal_path_double_failed_time", "off"),
	/* issue 9's keywords */
	GOOD_I("reassign_maps", "yes", YN_YES),
	GOOD_I("reassign_maps", "no", YN_NO),
	BAD("reassign_maps", "1"),
	GOOD_I("max_fds", "max", MAX_FDS_MAX),
	GOOD_I("max_fds", "8192", 8192),
	BAD("max_fds", "0"),
	BAD("max_fds", "unlimited"),
	GOOD_I("allow_usb_devices", "yes", YN_YES),
	BAD("allow_usb_devices", "usb"),
	GOOD("prkeys_file", "/etc/multipath/prkeys"),
	BAD("prkeys_file", "prkeys"),
	GOOD("reservation_key", "file"),
	GOOD("reservation_key", "0x123abc"),
	GOOD("reservation_key", "0xdeadbeefdeadbeef:aptpl"),
	GOOD("reservation_key", "1234"),
	BAD("reservation_key", "0x1deadbeefdeadbeef"),
	BAD("reservation_key", "0xzz"),
	BAD("reservation_key", "0x12:apt"),
	BAD("reservation_key", ""),
	GOOD_I("all_tg_pt", "yes", YN_YES),
	BAD("all_tg_pt", "all"),
	GOOD_I("eh_deadline", "off", EH_DEADLINE_OFF),
	GOOD_I("eh_deadline", "0", 0),
	GOOD_I("eh_deadline", "360", 360),
	BAD("eh_deadline", "-1"),
	BAD("eh_deadline", "no"),
	GOOD_I("detect_pgpolicy", "no", YN_NO),
	BAD("detect_pgpolicy", "tpg"),
	GOOD_I("detect_pgpolicy_use_tpg", "yes", YN_YES),
	BAD("detect_pgpolicy_use_tpg", "2"),
	GOOD_I("force_sync", "no", YN_NO),
	BAD("force_sync", "sync"),
	GOOD_I("strict_timing", "yes", YN_YES),
	BAD("strict_timing", "strict"),
	GOOD_I("deferred_remove", "yes", YN_YES),
	BAD("deferred_remove", "later"),
	GOOD_I("retrigger_tries", "0", 0),
	GOOD_I("retrigger_tries", "3", 3),
	BAD("retrigger_tries", "-1"),
	GOOD_I("retrigger_delay", "10", 10),
	BAD("retrigger_delay", "ten"),
	GOOD_I("missing_uev_wait_timeout", "30", 30),
	BAD("missing_uev_wait_timeout", "-30"),
	GOOD_I("skip_kpartx", "yes", YN_YES),
	BAD("skip_kpartx", "skip"),
	GOOD_I("remove_retries", "5", 5),
	BAD("remove_retries", "many"),
	GOOD_I("ghost_delay", "no", GHOST_DELAY_OFF),
	GOOD_IC("ghost_delay", "0", GHOST_DELAY_OFF, "no"),
	GOOD_I("ghost_delay", "15", 15),
	BAD("ghost_delay", "-1"),
	GOOD_I("find_multipaths_timeout", "-10", -10),
	GOOD_I("find_multipaths_timeout", "0", 0),
	GOOD_I("find_multipaths_timeout", "30", 30),
	BAD("find_multipaths_timeout", "soon"),
	GOOD("enable_foreign", "NONE"),
	GOOD("enable_foreign", "nvme|tgt"),
	BAD("enable_foreign", "(nvme"),
	GOOD_I("marginal_pathgroups", "off", MARGINAL_PG_OFF),
	GOOD_I("marginal_pathgroups", "on", MARGINAL_PG_ON),
	GOOD_I("marginal_pathgroups", "fpin", MARGINAL_PG_FPIN),
	GOOD_IC("marginal_pathgroups", "yes", MARGINAL_PG_ON, "on"),
	BAD("marginal_pathgroups", "1"),
	GOOD_I("recheck_wwid", "yes", YN_YES),
	BAD("recheck_wwid", "always"),
	GOOD_I("vpd_vendor", "hp3par", VPD_VENDOR_HP3PAR),
	BAD("vpd_vendor", "hp"),
	GOOD_I("path_grouping_policy", "group_by_tpg", PGP_GROUP_BY_TPG),
};

/* String keywords that accept any value: they have no bad value. */
static const enum kw_id any_string[] = {KW_PRIO_ARGS};

/* Upstream names accepted as aliases. */
static const struct {
	const char *alias;
	enum kw_id id;
} aliases[] = {
	{"checker", KW_PATH_CHECKER},
	{"marginal_path_err_sample_time", KW_PATH_IO_ERR_SAMPLE_TIME},
	{"marginal_path_err_rate_threshold", KW_PATH_IO_ERR_RATE_THRESHOLD},
	{"marginal_path_err_recheck_gap_time", KW_PATH_IO_ERR_RECOVERY_TIME},
	{"marginal_path_double_failed_time", KW_PATH_IO_ERR_DOUBLE_FAILED_TIME},
};

/* Values that are no number, for every numeric keyword. */
static const char *const not_numbers[] = {
	"", " 5", "5 ", "\t5", "12x", "x12", "0x10", "1e3", "1.5", "+5", "--1", "- 1", "-", "5-",
	"99999999999999999999", "-99999999999999999999",
	"4294967301", /* 2^32 + 5: must not wrap to 5 */
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static int *field_int(struct props *p, const struct keyword *kw)
{
	return (int *)((char *)p + kw->offset);
}

static char **field_str(struct props *p, const struct keyword *kw)
{
	return (char **)((char *)p + kw->offset);
}

static const struct keyword *find(const char *name)
{
	const struct keyword *kw = keyword_find(name);

	if (!kw)
		fail_msg("keyword '%s' not found", name);
	return kw;
}

/* keyword_format() of kw in p, as a string the caller frees. */
static char *format(const struct keyword *kw, const struct props *p)
{
	struct strbuf sb = STRBUF_INIT;

	assert_true(keyword_format(kw, p, &sb) >= 0);
	return strbuf_detach(&sb);
}

static char *quoted(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	assert_true(strbuf_addch(&sb, '"') >= 0);
	for (; *s; s++) {
		if (*s == '"')
			assert_true(strbuf_addch(&sb, '"') >= 0);
		assert_true(strbuf_addch(&sb, *s) >= 0);
	}
	assert_true(strbuf_addch(&sb, '"') >= 0);
	return strbuf_detach(&sb);
}

/* Problems found by check_good() and check_bad(), each printed; a test
 * runs all its cases and then asserts that there were none. */
static int problems;

static void __attribute__((format(printf, 1, 2))) problem(const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	print_error("%s\n", msg);
	problems++;
}

/* How text prints: strings and named words quoted, numbers bare. */
static char *printed_form(const struct keyword *kw, const char *text)
{
	bool number = isdigit((unsigned char)text[0]) ||
		      (text[0] == '-' && isdigit((unsigned char)text[1]));

	return kw->type == KWT_STR || !number ? quoted(text) : strdup(text);
}

/* Set a good value; check the field, the set bit and the printed form. */
static void check_good(const struct keyword *kw, const char *value, int ival, const char *canon)
{
	struct props p = {0};
	STRBUF_AUTO(why);
	char *out, *want = NULL;
	int rc = keyword_set(kw, &p, value, &why);

	if (rc != 0) {
		problem("%s '%s': rc %d (%s), expected success", kw->name, value, rc,
			strbuf_str(&why));
		return;
	}
	if (!props_is_set(&p, keyword_id(kw)))
		problem("%s '%s': set bit not set", kw->name, value);
	if (why.len)
		problem("%s '%s': success with a reason '%s'", kw->name, value, strbuf_str(&why));
	if (kw->type == KWT_INT && *field_int(&p, kw) != ival)
		problem("%s '%s': stored %d, expected %d", kw->name, value, *field_int(&p, kw),
			ival);
	if (kw->type == KWT_STR && strcmp(*field_str(&p, kw), value))
		problem("%s '%s': stored '%s'", kw->name, value, *field_str(&p, kw));
	canon = want = printed_form(kw, canon ? canon : value);
	out = format(kw, &p);
	if (strcmp(out, canon))
		problem("%s '%s': printed as '%s', expected '%s'", kw->name, value, out, canon);
	free(out);
	free(want);
	props_release(&p);
}

/* The value of the first good case of kw, to preset a props with. */
static const char *good_value(const struct keyword *kw)
{
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		if (cases[i].ok && keyword_find(cases[i].kw) == kw)
			return cases[i].value;
	fail_msg("%s: no good case", kw->name);
	return NULL;
}

/*
 * Set a bad value, once over an unset props and once over a set one: the
 * call fails with -EINVAL, a reason naming the keyword, and p unchanged.
 */
static void check_bad(const struct keyword *kw, const char *value)
{
	for (int preset = 0; preset < 2; preset++) {
		struct props p = {0}, before;
		STRBUF_AUTO(why);
		int rc;

		if (preset) {
			assert_int_equal(keyword_set(kw, &p, good_value(kw), &why), 0);
			strbuf_reset(&why);
		} else if (kw->type == KWT_INT) {
			*field_int(&p, kw) = 0x5a5a;
		}
		before = p;
		rc = keyword_set(kw, &p, value, &why);
		if (rc != -EINVAL) {
			problem("%s '%s': rc %d, expected -EINVAL", kw->name, value, rc);
		} else {
			if (!strstr(strbuf_str(&why), kw->name))
				problem("%s '%s': reason '%s' does not name the keyword", kw->name,
					value, strbuf_str(&why));
			if (memcmp(&p, &before, sizeof(p)))
				problem("%s '%s': props changed by a bad value", kw->name, value);
		}
		props_release(&p);
		if (rc != -EINVAL)
			return; /* one report per value */
	}
}

static void test_table_is_sane(void **state)
{
	(void)state;
	for (size_t i = 0; i < KW_COUNT; i++) {
		const struct keyword *kw = &keywords[i];

		assert_non_null(kw->name);
		assert_ptr_equal(keyword_find(kw->name), kw);
		assert_int_equal(keyword_id(kw), i);
		assert_true(kw->sections != 0 &&
			    (kw->sections & ~(unsigned)(SEC_MAP | SEC_PROTOCOL)) == 0);
		assert_true(kw->offset + (kw->type == KWT_INT ? sizeof(int) : sizeof(char *)) <=
			    sizeof(struct props));
		assert_true(kw->offset >= sizeof(((struct props *)0)->set));
		if (kw->type == KWT_INT)
			assert_true(kw->words || kw->min <= kw->max);
		else
			assert_null(kw->words);
		if (kw->alias)
			assert_ptr_equal(keyword_find(kw->alias), kw);
		for (size_t j = 0; j < i; j++) {
			assert_string_not_equal(kw->name, keywords[j].name);
			assert_true(keywords[j].offset != kw->offset);
		}
	}
	assert_null(keyword_find("no_such_keyword"));
	assert_null(keyword_find(""));
	assert_null(keyword_find("marginal_path_err"));
}

static void test_builtins_print_back(void **state)
{
	(void)state;
	for (size_t i = 0; i < KW_COUNT; i++) {
		const struct keyword *kw = &keywords[i];
		struct props p = {0};
		STRBUF_AUTO(why);
		char *out, *want;

		if (!kw->builtin)
			continue;
		if (keyword_set(kw, &p, kw->builtin, &why) != 0)
			fail_msg("built-in '%s' of %s rejected: %s", kw->builtin, kw->name,
				 strbuf_str(&why));
		assert_true(props_is_set(&p, keyword_id(kw)));
		out = format(kw, &p);
		want = printed_form(kw, kw->builtin);
		if (strcmp(out, want))
			fail_msg("built-in of %s printed as '%s', expected '%s'", kw->name, out,
				 want);
		free(out);
		free(want);
		props_release(&p);
	}
}

/* Keywords without a built-in default are exactly these. */
static void test_builtin_presence(void **state)
{
	static const enum kw_id none[] = {KW_MAX_POLLING_INTERVAL, KW_VENDOR, KW_PRODUCT,
					  KW_REVISION, KW_PRODUCT_BLACKLIST, KW_WWID,
					  KW_ALIAS, KW_MAX_SECTORS_KB, KW_EH_DEADLINE,
					  KW_RESERVATION_KEY, KW_VPD_VENDOR};
	(void)state;
	for (size_t i = 0; i < KW_COUNT; i++) {
		bool expect_none = false;

		for (size_t j = 0; j < ARRAY_SIZE(none); j++)
			expect_none |= none[j] == i;
		if (expect_none != !keywords[i].builtin)
			fail_msg("%s: built-in default %s", keywords[i].name,
				 expect_none ? "unexpected" : "missing");
	}
}

static void test_cases(void **state)
{
	(void)state;
	problems = 0;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct kcase *c = &cases[i];
		const struct keyword *kw = find(c->kw);

		if (c->ok)
			check_good(kw, c->value, c->ival, c->canon);
		else
			check_bad(kw, c->value);
	}
	assert_int_equal(problems, 0);
}

static void test_cases_cover_every_keyword(void **state)
{
	(void)state;
	for (size_t i = 0; i < KW_COUNT; i++) {
		const struct keyword *kw = &keywords[i];
		int good = 0, bad = 0;
		bool any = false;

		for (size_t j = 0; j < ARRAY_SIZE(cases); j++) {
			if (keyword_find(cases[j].kw) != kw)
				continue;
			if (cases[j].ok)
				good++;
			else
				bad++;
		}
		for (size_t j = 0; j < ARRAY_SIZE(any_string); j++)
			any |= any_string[j] == i;
		if (good == 0 || (bad == 0) != any)
			fail_msg("%s: %d good and %d bad cases%s", kw->name, good, bad,
				 any ? " (accepts any string: expected no bad case)" : "");
		if (any)
			assert_true(kw->type == KWT_STR && !kw->validate);
	}
}

/* Every named word maps to its constant and prints as the first word
 * with that constant. */
static void test_words(void **state)
{
	(void)state;
	for (size_t i = 0; i < KW_COUNT; i++) {
		const struct keyword *kw = &keywords[i];

		for (const struct kw_word *w = kw->words; w && w->name; w++) {
			const struct kw_word *first = kw->words;
			struct props p = {0};
			STRBUF_AUTO(why);
			char *out, *want;

			while (first->value != w->value)
				first++;
			assert_int_equal(keyword_set(kw, &p, w->name, &why), 0);
			assert_int_equal(*field_int(&p, kw), w->value);
			out = format(kw, &p);
			want = quoted(first->name);
			if (strcmp(out, want))
				fail_msg("%s %s printed as '%s'", kw->name, w->name, out);
			free(out);
			free(want);
		}
	}
}

/* Exactly the named words and constants the design documents. */
static void test_named_constants(void **state)
{
	static const struct {
		enum kw_id id;
		const char *word;
		int value;
	} named[] = {
		{KW_USER_FRIENDLY_NAMES, "yes", 1},
		{KW_USER_FRIENDLY_NAMES, "no", 0},
		{KW_PATH_GROUPING_POLICY, "failover", PGP_FAILOVER},
		{KW_PATH_GROUPING_POLICY, "multibus", PGP_MULTIBUS},
		{KW_NO_PATH_RETRY, "fail", NO_PATH_RETRY_FAIL},
		{KW_NO_PATH_RETRY, "queue", NO_PATH_RETRY_QUEUE},
		{KW_FAILBACK, "immediate", FAILBACK_IMMEDIATE},
		{KW_FAILBACK, "manual", FAILBACK_MANUAL},
		{KW_FAILBACK, "followover", FAILBACK_FOLLOWOVER},
		{KW_FAST_IO_FAIL_TMO, "off", FAST_IO_FAIL_OFF},
		{KW_DEV_LOSS_TMO, "infinity", DEV_LOSS_TMO_INFINITY},
		{KW_PATH_GROUPING_POLICY, "group_by_tpg", PGP_GROUP_BY_TPG},
		{KW_FLUSH_ON_LAST_DEL, "yes", FLUSH_ALWAYS},
		{KW_FLUSH_ON_LAST_DEL, "always", FLUSH_ALWAYS},
		{KW_FLUSH_ON_LAST_DEL, "no", FLUSH_UNUSED},
		{KW_FLUSH_ON_LAST_DEL, "unused", FLUSH_UNUSED},
		{KW_FLUSH_ON_LAST_DEL, "never", FLUSH_NEVER},
		{KW_MAX_FDS, "max", MAX_FDS_MAX},
		{KW_EH_DEADLINE, "off", EH_DEADLINE_OFF},
		{KW_MARGINAL_PATHGROUPS, "fpin", MARGINAL_PG_FPIN},
		{KW_VPD_VENDOR, "hp3par", VPD_VENDOR_HP3PAR},
		{KW_RR_WEIGHT, "uniform", RR_WEIGHT_UNIFORM},
		{KW_RR_WEIGHT, "priorities", RR_WEIGHT_PRIORITIES},
		{KW_FIND_MULTIPATHS, "off", FIND_MP_OFF},
		{KW_FIND_MULTIPATHS, "on", FIND_MP_ON},
		{KW_FIND_MULTIPATHS, "greedy", FIND_MP_GREEDY},
		{KW_FIND_MULTIPATHS, "smart", FIND_MP_SMART},
		{KW_FIND_MULTIPATHS, "strict", FIND_MP_STRICT},
		{KW_LOG_CHECKER_ERR, "once", LOG_CHKR_ERR_ONCE},
		{KW_LOG_CHECKER_ERR, "always", LOG_CHKR_ERR_ALWAYS},
		{KW_PATH_IO_ERR_RATE_THRESHOLD, "no", IO_ERR_THRESHOLD_OFF},
		{KW_PATH_IO_ERR_SAMPLE_TIME, "no", 0},
	};
	(void)state;
	/* the constants of one keyword are distinct, and "off" is not 0 */
	assert_true(IO_ERR_THRESHOLD_OFF != 0);
	assert_true(FAILBACK_MANUAL != FAILBACK_IMMEDIATE &&
		    FAILBACK_IMMEDIATE != FAILBACK_FOLLOWOVER && FAILBACK_MANUAL < 1);
	assert_true(NO_PATH_RETRY_FAIL < 0 && NO_PATH_RETRY_QUEUE < 0 &&
		    NO_PATH_RETRY_FAIL != NO_PATH_RETRY_QUEUE);
	for (size_t i = 0; i < ARRAY_SIZE(named); i++) {
		struct props p = {0};
		STRBUF_AUTO(why);

		assert_int_equal(keyword_set(&keywords[named[i].id], &p, named[i].word, &why), 0);
		if (props_int(&p, named[i].id) != named[i].value)
			fail_msg("%s %s = %d, expected %d", keywords[named[i].id].name,
				 named[i].word, props_int(&p, named[i].id), named[i].value);
	}
}

/* The word a number prints as, or NULL when it prints as a number. */
static const char *word_of(const struct keyword *kw, int value)
{
	for (const struct kw_word *w = kw->words; w && w->name; w++)
		if (w->value == value)
			return w->name;
	return NULL;
}

/* min and max are accepted, min-1 and max+1 and non-numbers are not. */
static void test_numeric_limits(void **state)
{
	(void)state;
	problems = 0;
	for (size_t i = 0; i < KW_COUNT; i++) {
		const struct keyword *kw = &keywords[i];
		char buf[32];

		if (kw->type != KWT_INT)
			continue;
		for (size_t j = 0; j < ARRAY_SIZE(not_numbers); j++)
			check_bad(kw, not_numbers[j]);
		if (kw->min > kw->max) {
			/* words only: no number at all */
			check_bad(kw, "0");
			check_bad(kw, "1");
			continue;
		}
		snprintf(buf, sizeof(buf), "%d", kw->min);
		check_good(kw, buf, kw->min, word_of(kw, kw->min));
		snprintf(buf, sizeof(buf), "%d", kw->max);
		check_good(kw, buf, kw->max, word_of(kw, kw->max));
		snprintf(buf, sizeof(buf), "%lld", (long long)kw->min - 1);
		check_bad(kw, buf);
		snprintf(buf, sizeof(buf), "%lld", (long long)kw->max + 1);
		check_bad(kw, buf);
	}
	assert_int_equal(problems, 0);
}

static void test_aliases(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(aliases); i++) {
		const struct keyword *kw = keyword_find(aliases[i].alias);
		struct props p = {0};
		STRBUF_AUTO(why);

		assert_ptr_equal(kw, &keywords[aliases[i].id]);
		assert_non_null(kw->alias);
		assert_string_equal(kw->alias, aliases[i].alias);
		assert_string_not_equal(kw->name, aliases[i].alias);
		assert_int_equal(keyword_set(kw, &p, good_value(kw), &why), 0);
		assert_true(props_is_set(&p, aliases[i].id));
		props_release(&p);
	}
	/* the canonical names */
	assert_string_equal(keywords[KW_PATH_CHECKER].name, "path_checker");
	assert_string_equal(keywords[KW_PATH_IO_ERR_SAMPLE_TIME].name, "path_io_err_sample_time");
	assert_string_equal(keywords[KW_PATH_IO_ERR_RATE_THRESHOLD].name,
			    "path_io_err_rate_threshold");
	assert_string_equal(keywords[KW_PATH_IO_ERR_RECOVERY_TIME].name,
			    "path_io_err_recovery_time");
	assert_string_equal(keywords[KW_PATH_IO_ERR_DOUBLE_FAILED_TIME].name,
			    "path_io_err_double_failed_time");
	/* only those keywords have an alias */
	for (size_t i = 0; i < KW_COUNT; i++) {
		bool listed = false;

		for (size_t j = 0; j < ARRAY_SIZE(aliases); j++)
			listed |= aliases[j].id == i;
		assert_int_equal(listed, keywords[i].alias != NULL);
	}
}

/* path_io_err_*: "0" and "no" differ for the threshold only. */
static void test_io_err_off_values(void **state)
{
	const struct keyword *thr = &keywords[KW_PATH_IO_ERR_RATE_THRESHOLD];
	const struct keyword *smp = &keywords[KW_PATH_IO_ERR_SAMPLE_TIME];
	const struct keyword *rec = &keywords[KW_PATH_IO_ERR_RECOVERY_TIME];
	struct props a = {0}, b = {0};
	STRBUF_AUTO(why);

	(void)state;
	assert_int_equal(keyword_set(thr, &a, "0", &why), 0);
	assert_int_equal(keyword_set(thr, &b, "no", &why), 0);
	assert_int_equal(a.io_err_rate_threshold, 0);
	assert_int_equal(b.io_err_rate_threshold, IO_ERR_THRESHOLD_OFF);

	assert_int_equal(keyword_set(smp, &a, "0", &why), 0);
	assert_int_equal(keyword_set(smp, &b, "no", &why), 0);
	assert_int_equal(a.io_err_sample_time, 0);
	assert_int_equal(b.io_err_sample_time, 0);

	assert_int_equal(keyword_set(rec, &a, "0", &why), 0);
	assert_int_equal(keyword_set(rec, &b, "off", &why), 0);
	assert_int_equal(a.io_err_recovery_time, 0);
	assert_int_equal(b.io_err_recovery_time, 0);

	/* the built-ins leave the feature off */
	assert_string_equal(thr->builtin, "no");
	assert_string_equal(smp->builtin, "no");
	assert_string_equal(rec->builtin, "no");
	assert_string_equal(keywords[KW_PATH_IO_ERR_DOUBLE_FAILED_TIME].builtin, "60");
	/* valid wherever map properties are */
	for (enum kw_id id = KW_PATH_IO_ERR_SAMPLE_TIME; id <= KW_PATH_IO_ERR_DOUBLE_FAILED_TIME;
	     id++)
		assert_int_equal(keywords[id].sections, SEC_MAP);
}

static void test_quoting(void **state)
{
	static const struct {
		const char *value, *printed;
	} q[] = {
		{"", "\"\""},
		{"plain", "\"plain\""},
		{"two words", "\"two words\""},
		{"say \"hi\"", "\"say \"\"hi\"\"\""},
		{"\"", "\"\"\"\""},
		{"\"\"", "\"\"\"\"\"\""},
		{"# not a comment", "\"# not a comment\""},
		{"{ }", "\"{ }\""},
	};
	const struct keyword *kw = &keywords[KW_PRIO_ARGS];

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(q); i++) {
		struct props p = {0};
		STRBUF_AUTO(why);
		char *out;

		assert_int_equal(keyword_set(kw, &p, q[i].value, &why), 0);
		out = format(kw, &p);
		assert_string_equal(out, q[i].printed);
		free(out);
		props_release(&p);
	}
	/* an unset string prints as "" */
	{
		struct props p = {0};
		char *out = format(&keywords[KW_ALIAS], &p);

		assert_string_equal(out, "\"\"");
		free(out);
	}
	/* format appends */
	{
		struct props p = {0};
		STRBUF_AUTO(sb);
		STRBUF_AUTO(why);

		assert_int_equal(keyword_set(&keywords[KW_ALIAS], &p, "a\"b", &why), 0);
		strbuf_addstr(&sb, "alias ");
		assert_true(keyword_format(&keywords[KW_ALIAS], &p, &sb) >= 0);
		assert_string_equal(strbuf_str(&sb), "alias \"a\"\"b\"");
		props_release(&p);
	}
}

static void test_regex_and_names(void **state)
{
	STRBUF_AUTO(why);

	(void)state;
	assert_int_equal(regex_validate("^sd[a-z]+$", &why), 0);
	assert_int_equal(regex_validate("!^sd", &why), 0);
	assert_int_equal(regex_validate(".*", &why), 0);
	assert_int_equal(strbuf_str(&why)[0], '\0');
	assert_int_equal(regex_validate("(", &why), -EINVAL);
	assert_non_null(strstr(strbuf_str(&why), "("));
	strbuf_reset(&why);
	assert_int_equal(regex_validate("!(", &why), -EINVAL);
	strbuf_reset(&why);
	assert_int_equal(regex_validate("", &why), -EINVAL);

	assert_true(checker_name_valid("tur"));
	assert_true(checker_name_valid("directio"));
	assert_true(checker_name_valid("readsector0"));
	assert_true(checker_name_valid("none"));
	assert_false(checker_name_valid("alua"));
	assert_false(checker_name_valid(""));
	assert_true(prio_name_valid("alua"));
	assert_true(prio_name_valid("const"));
	assert_false(prio_name_valid("tur"));
	assert_false(prio_name_valid("Alua"));
}

/* The reason for a bad string names the bad token. */
static void test_reasons(void **state)
{
	static const struct {
		enum kw_id id;
		const char *value, *token;
	} r[] = {
		{KW_PATH_CHECKER, "carrier_pigeon", "carrier_pigeon"},
		{KW_PRIO, "dice", "dice"},
		{KW_PATH_SELECTOR, "random 0", "random"},
		{KW_FEATURES, "2 queue_if_no_path", "2 queue_if_no_path"},
		{KW_BINDINGS_FILE, "relative/b", "relative/b"},
		{KW_ALIAS, "a/b", "a/b"},
		{KW_ENABLE_FOREIGN, "(HP", "(HP"},
		{KW_POLLING_INTERVAL, "12x", "12x"},
		{KW_FAILBACK, "later", "later"},
	};
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(r); i++) {
		struct props p = {0};
		STRBUF_AUTO(why);

		assert_int_equal(keyword_set(&keywords[r[i].id], &p, r[i].value, &why), -EINVAL);
		if (!strstr(strbuf_str(&why), r[i].token))
			fail_msg("%s '%s': reason '%s' lacks '%s'", keywords[r[i].id].name,
				 r[i].value, strbuf_str(&why), r[i].token);
	}
}

static void test_copy_and_release(void **state)
{
	struct props a = {0}, b = {0};
	STRBUF_AUTO(why);

	(void)state;
	assert_int_equal(keyword_set(&keywords[KW_ALIAS], &a, "first", &why), 0);
	/* replacing a string frees the old one (checked by ASan) */
	assert_int_equal(keyword_set(&keywords[KW_ALIAS], &a, "second", &why), 0);
	assert_int_equal(keyword_set(&keywords[KW_NO_PATH_RETRY], &a, "queue", &why), 0);

	assert_int_equal(keyword_copy(&keywords[KW_ALIAS], &b, &a), 0);
	assert_int_equal(keyword_copy(&keywords[KW_NO_PATH_RETRY], &b, &a), 0);
	assert_string_equal(b.alias, "second");
	assert_ptr_not_equal(b.alias, a.alias);
	assert_int_equal(b.no_path_retry, NO_PATH_RETRY_QUEUE);
	assert_true(props_is_set(&b, KW_ALIAS));
	assert_true(props_is_set(&b, KW_NO_PATH_RETRY));
	assert_false(props_is_set(&b, KW_WWID));

	/* copying an unset string gives NULL and frees what dst had */
	assert_int_equal(keyword_copy(&keywords[KW_ALIAS], &b, &(struct props){0}), 0);
	assert_null(b.alias);

	props_release(&a);
	props_release(&b);
	props_release(NULL);
	assert_null(a.alias);
	assert_int_equal(a.set[0] | a.set[1], 0);
}

/* The set bit of one keyword does not touch another's. */
static void test_set_bits_independent(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct keyword *kw = keyword_find(cases[i].kw);
		struct props p = {0};
		STRBUF_AUTO(why);

		if (!cases[i].ok)
			continue;
		assert_int_equal(keyword_set(kw, &p, cases[i].value, &why), 0);
		for (size_t j = 0; j < KW_COUNT; j++)
			assert_int_equal(props_is_set(&p, (enum kw_id)j), j == keyword_id(kw));
		props_release(&p);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_is_sane),
		cmocka_unit_test(test_builtins_print_back),
		cmocka_unit_test(test_builtin_presence),
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_cases_cover_every_keyword),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_named_constants),
		cmocka_unit_test(test_numeric_limits),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_io_err_off_values),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_regex_and_names),
		cmocka_unit_test(test_reasons),
		cmocka_unit_test(test_copy_and_release),
		cmocka_unit_test(test_set_bits_independent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
