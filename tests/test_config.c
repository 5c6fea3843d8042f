// SPDX-License-Identifier: GPL-2.0-or-later
/* Section semantics of struct config: what loads, what is refused, merging. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "diag_assert.h"
#include <stdio.h>
#include <string.h>

#include "config/config.h"

struct loaded {
	struct config *conf;
	struct diags d;
};

static struct loaded load(const char *text)
{
	struct loaded l = {0};

	assert_int_equal(config_load_text(text, strlen(text), "m.conf", &l.d, &l.conf), 0);
	assert_non_null(l.conf);
	return l;
}

static void loaded_free(struct loaded *l)
{
	config_free(l->conf);
	diags_release(&l->d);
}

static void test_builtin(void **state)
{
	struct loaded l = load("");
	const struct props *d = &l.conf->defaults;

	(void)state;
	assert_int_equal(l.d.errors + l.d.warnings, 0);
	assert_int_equal(d->polling_interval, 5);
	assert_int_equal(d->max_polling_interval, 20);
	assert_int_equal(d->pgpolicy, PGP_FAILOVER);
	assert_int_equal(d->no_path_retry, NO_PATH_RETRY_FAIL);
	assert_int_equal(d->find_multipaths, FIND_MP_STRICT);
	assert_int_equal(d->io_err_double_failed_time, 60);
	assert_int_equal(d->io_err_rate_threshold, IO_ERR_THRESHOLD_OFF);
	assert_string_equal(d->checker, "tur");
	assert_string_equal(d->uid_attribute, "ID_SERIAL");
	assert_false(props_is_set(d, KW_POLLING_INTERVAL));
	assert_true(l.conf->hwtable.n >= 5);
	assert_true(l.conf->hwtable.items[0]->builtin);
	assert_true(l.conf->hwtable.n >= 100);
	/* multipath-tools' built-in device-name rule and property exception */
	assert_int_equal(l.conf->blist.devnode.n, 1);
	assert_string_equal(l.conf->blist.devnode.items[0]->re, "!^(sd[a-z]|dasd[a-z]|nvme[0-9])");
	assert_int_equal(l.conf->elist.property.n, 1);
	assert_string_equal(l.conf->elist.property.items[0]->re, "(SCSI_IDENT_|ID_WWN)");
	loaded_free(&l);
}

static void test_values_and_errors(void **state)
{
	struct loaded l = load("defaults {\n"
			       "	polling_interval 10\n"
			       "	checker_timeout abc\n"
			       "	no_path_retry queue\n"
			       "	hardware_handler \"1 alua\"\n"
			       "	bogus_keyword 1\n"
			       "	path_checker directio\n"
			       "	path_checker readsector0\n"
			       "}\n"
			       "toplevel_keyword x\n"
			       "nonsense {\n"
			       "	k v\n"
			       "}\n");
	const struct props *d = &l.conf->defaults;

	(void)state;
	assert_int_equal(d->polling_interval, 10);
	assert_int_equal(d->max_polling_interval, 40);
	assert_true(props_is_set(d, KW_POLLING_INTERVAL));
	/* bad value: error with file:line and the token, built-in kept */
	assert_diag_contains(&l.d, "m.conf:3: error: invalid value 'abc' for checker_timeout");
	assert_int_equal(d->checker_timeout, 30);
	assert_false(props_is_set(d, KW_CHECKER_TIMEOUT));
	assert_int_equal(d->no_path_retry, NO_PATH_RETRY_QUEUE);
	assert_diag_contains(&l.d, "m.conf:5: warning: keyword 'hardware_handler' is not valid in the "
			"defaults section");
	assert_string_equal(d->hwhandler, "0");
	assert_diag_contains(&l.d, "m.conf:6: warning: unknown keyword 'bogus_keyword' ignored");
	/* the last value wins */
	assert_string_equal(d->checker, "readsector0");
	assert_diag_contains(&l.d, "m.conf:10: warning: keyword 'toplevel_keyword' outside of any section");
	assert_diag_contains(&l.d, "m.conf:11: warning: unknown section 'nonsense' ignored");
	assert_int_equal(l.d.errors, 1);
	loaded_free(&l);
}

static void test_aliases(void **state)
{
	struct loaded l = load("defaults {\n"
			       "	checker directio\n"
			       "	marginal_path_err_sample_time 10\n"
			       "	marginal_path_err_rate_threshold 5\n"
			       "	marginal_path_err_recheck_gap_time 30\n"
			       "	marginal_path_double_failed_time 20\n"
			       "}\n");
	const struct props *d = &l.conf->defaults;

	(void)state;
	assert_int_equal(l.d.errors + l.d.warnings, 0);
	assert_string_equal(d->checker, "directio");
	assert_int_equal(d->io_err_sample_time, 10);
	assert_int_equal(d->io_err_rate_threshold, 5);
	assert_int_equal(d->io_err_recovery_time, 30);
	assert_int_equal(d->io_err_double_failed_time, 20);
	loaded_free(&l);
}

static const struct hwentry *hwe_find(const struct config *conf, const char *vendor,
				      const char *product)
{
	for (size_t i = 0; i < conf->hwtable.n; i++)
		if (!strcmp(conf->hwtable.items[i]->p.vendor, vendor) &&
		    !strcmp(conf->hwtable.items[i]->p.product, product))
			return conf->hwtable.items[i];
	return NULL;
}

static void test_devices(void **state)
{
	struct loaded base = load("");
	struct loaded l = load("devices {\n"
			       "	device {\n"
			       "		vendor \"PURE\"\n"
			       "		product \"FlashArray\"\n"
			       "		no_path_retry 3\n"
			       "	}\n"
			       "	device {\n"
			       "		vendor \"ACME\"\n"
			       "		product \"^Rocket\"\n"
			       "		revision \"^2\"\n"
			       "		path_grouping_policy multibus\n"
			       "	}\n"
			       "	device {\n"
			       "		vendor \"NOPRODUCT\"\n"
			       "	}\n"
			       "	device {\n"
			       "		vendor \"(bad\"\n"
			       "		product \"x\"\n"
			       "	}\n"
			       "	polling_interval 3\n"
			       "}\n");
	const struct hwentry *sd, *acme, *found[4];

	(void)state;
	/* merged into the built-in entry, not added; the entry whose vendor
	 * regex does not compile is kept (as multipath-tools keeps it) */
	assert_int_equal(l.conf->hwtable.n, base.conf->hwtable.n + 2);
	assert_true(hwe_find(l.conf, "(bad", "x")->bad_regex);
	assert_false(hwe_find(l.conf, "(bad", "x")->compiled);
	sd = hwe_find(l.conf, "PURE", "FlashArray");
	assert_non_null(sd);
	assert_true(sd->builtin);
	assert_int_equal(sd->p.no_path_retry, 3);
	assert_int_equal(sd->p.pgpolicy, PGP_GROUP_BY_PRIO); /* built-in setting kept */
	assert_true(sd->file_set[0] & (UINT64_C(1) << KW_NO_PATH_RETRY));
	acme = hwe_find(l.conf, "ACME", "^Rocket");
	assert_non_null(acme);
	assert_false(acme->builtin);
	assert_diag_contains(&l.d, "m.conf:13: error: device entry without vendor and product");
	assert_diag_not_contains(&l.d, "m.conf:17");
	assert_diag_contains(&l.d, "m.conf:20: warning: only 'device' sections belong in devices");

	/* lookup by regex, revision honoured */
	assert_int_equal(config_find_hwentries(l.conf, "ACME", "Rocket 9", "2.1", found, 4), 1);
	assert_ptr_equal(found[0], acme);
	assert_int_equal(config_find_hwentries(l.conf, "ACME", "Rocket 9", "3.0", found, 4), 0);
	assert_int_equal(config_find_hwentries(l.conf, "ACME", "Rocket", NULL, found, 4), 0);
	assert_int_equal(config_find_hwentries(l.conf, "PURE", "FlashArray", "8888", found, 4), 1);
	assert_int_equal(config_find_hwentries(l.conf, "(bad", "x", NULL, found, 4), 0);
	assert_int_equal(config_find_hwentries(l.conf, "Linux", "scsi_debug", "0191", found, 4), 0);
	loaded_free(&l);
	loaded_free(&base);
}

static void test_lookup_precedence(void **state)
{
	struct loaded l = load("devices {\n"
			       "	device {\n"
			       "		vendor \"LIO-ORG\"\n"
			       "		product \"^disk\"\n"
			       "	}\n"
			       "	device {\n"
			       "		vendor \"LIO\"\n"
			       "		product \"disk\"\n"
			       "	}\n"
			       "}\n");
	const struct hwentry *found[1];

	(void)state;
	/* three match: the file's last entry first, the built-in last;
	 * only max are stored */
	assert_int_equal(config_find_hwentries(l.conf, "LIO-ORG", "disk0", "", found, 1), 3);
	assert_string_equal(found[0]->p.vendor, "LIO");
	loaded_free(&l);
}

static void test_multipaths(void **state)
{
	struct loaded l = load("multipaths {\n"
			       "	multipath {\n"
			       "		wwid 3600a0b80001\n"
			       "		alias data\n"
			       "	}\n"
			       "	multipath {\n"
			       "		alias nowwid\n"
			       "	}\n"
			       "	multipath {\n"
			       "		wwid 3600a0b80001\n"
			       "		no_path_retry queue\n"
			       "		alias \"bad/alias\"\n"
			       "		path_checker tur\n"
			       "	}\n"
			       "}\n");
	const struct mpentry *m;

	(void)state;
	assert_int_equal(l.conf->mptable.n, 1);
	m = config_find_mpentry(l.conf, "3600a0b80001");
	assert_non_null(m);
	assert_string_equal(m->p.alias, "data");
	assert_int_equal(m->p.no_path_retry, NO_PATH_RETRY_QUEUE);
	assert_null(config_find_mpentry(l.conf, "3600a0b80002"));
	assert_diag_contains(&l.d, "m.conf:6: error: multipath entry without wwid");
	assert_diag_contains(&l.d, "m.conf:9: warning: second multipath entry for wwid 3600a0b80001");
	assert_diag_contains(&l.d, "m.conf:12: error: invalid value for alias");
	assert_diag_contains(&l.d, "m.conf:13: warning: keyword 'path_checker' is not valid in the "
			"multipaths/multipath section");
	loaded_free(&l);
}

static void test_blacklist(void **state)
{
	struct loaded l = load("blacklist {\n"
			       "	devnode \"^sd[a-c]$\"\n"
			       "	devnode \"^sd[a-c]$\"\n"
			       "	devnode \"^(ram|zram|raw|loop|fd|md|dm-|sr|scd|st|dcssblk|nbd)[0-9]\"\n"
			       "	wwid \"^36001\"\n"
			       "	wwid \"[\"\n"
			       "	property \"(SCSI_IDENT_|ID_WWN)\"\n"
			       "	device {\n"
			       "		vendor \"IBM\"\n"
			       "		product \"^3S42\"\n"
			       "	}\n"
			       "	device {\n"
			       "		no_path_retry 3\n"
			       "	}\n"
			       "	colour blue\n"
			       "}\n"
			       "blacklist_exceptions {\n"
			       "	wwid \"!^36001\"\n"
			       "	device {\n"
			       "		vendor \"IBM\"\n"
			       "	}\n"
			       "}\n");
	const struct blacklist *bl = &l.conf->blist;

	(void)state;
	assert_int_equal(bl->devnode.n, 3); /* the built-in + two, duplicates once */
	assert_true(bl->devnode.items[0]->builtin);
	assert_string_equal(bl->devnode.items[1]->re, "^sd[a-c]$");
	assert_false(bl->devnode.items[1]->builtin);
	assert_int_equal(bl->wwid.n, 1);
	assert_diag_contains(&l.d, "m.conf:6: error: wwid: bad regular expression '['");
	assert_int_equal(bl->property.n, 1);
	assert_int_equal(bl->device.n, 1);
	assert_string_equal(bl->device.items[0]->product, "^3S42");
	assert_diag_contains(&l.d, "m.conf:13: warning: 'no_path_retry' has no meaning in a blacklist device");
	assert_diag_contains(&l.d, "m.conf:12: error: blacklist device entry without vendor or product");
	assert_diag_contains(&l.d, "m.conf:15: warning: unknown keyword 'colour' in blacklist");
	assert_string_equal(l.conf->elist.wwid.items[0]->re, "!^36001");
	assert_null(l.conf->elist.device.items[0]->product);
	loaded_free(&l);
}

static void test_missing_file(void **state)
{
	struct config *conf = NULL;
	struct diags d = {0};

	(void)state;
	assert_int_equal(config_load("/nonexistent/multipath.conf", &d, &conf), 0);
	assert_non_null(conf);
	assert_int_equal(d.errors + d.warnings, 0);
	assert_int_equal(conf->defaults.polling_interval, 5);
	config_free(conf);
	config_free(NULL);
	diags_release(&d);
}

/* multipath-tools' deprecated keywords: accepted without a diagnostic */
static void test_deprecated_quiet(void **state)
{
	struct loaded l = load("defaults {\n"
			       "	multipath_dir /lib/multipath\n"
			       "	getuid_callout \"/lib/udev/scsi_id -g -u -d /dev/%n\"\n"
			       "	pg_timeout 10\n"
			       "	disable_changed_wwids yes\n"
			       "	polling_interval 0\n"
			       "	dev_loss_tmo 2147483647\n"
			       "	max_fds \"8192\"\n"
			       "	fast_io_fail_tmo \"15\"\n"
			       "}\n"
			       "devices {\n"
			       "	device {\n"
			       "		vendor \"ACME\"\n"
			       "		product \"*\"\n"
			       "		no_path_retry 5\n"
			       "	}\n"
			       "}\n");
	const struct hwentry *found[4];

	(void)state;
	assert_int_equal(l.d.errors + l.d.warnings, 0);
	/* edge values as multipath-tools takes them; quoted numbers */
	assert_int_equal(l.conf->defaults.polling_interval, 0);
	assert_int_equal(l.conf->defaults.max_polling_interval, 0);
	assert_int_equal(l.conf->defaults.dev_loss, 2147483647);
	assert_int_equal(l.conf->defaults.max_fds, 8192);
	assert_int_equal(l.conf->defaults.fast_io_fail, 15);
	/* product "*": the entry is kept but matches nothing */
	assert_true(hwe_find(l.conf, "ACME", "*")->bad_regex);
	assert_int_equal(config_find_hwentries(l.conf, "ACME", "*", NULL, found, 4), 0);
	/* a keyword nobody knows still warns */
	loaded_free(&l);
	l = load("defaults {\n\tmultipath_directory /x\n}\n");
	assert_diag_contains(&l.d, "unknown keyword 'multipath_directory'");
	loaded_free(&l);
}

/* overrides { protocol { ... } } and blacklist protocol */
static void test_protocol_sections(void **state)
{
	struct loaded l = load("blacklist {\n"
			       "	protocol \"scsi:fcp\"\n"
			       "}\n"
			       "blacklist_exceptions {\n"
			       "	protocol \"(scsi:iscsi|nvme:tcp)\"\n"
			       "}\n"
			       "overrides {\n"
			       "	dev_loss_tmo 60\n"
			       "	protocol {\n"
			       "		type \"scsi:fcp\"\n"
			       "		dev_loss_tmo 70\n"
			       "		eh_deadline 360\n"
			       "		no_path_retry 3\n"
			       "	}\n"
			       "	protocol {\n"
			       "		dev_loss_tmo 80\n"
			       "	}\n"
			       "	protocol {\n"
			       "		type \"scsi:fcp\"\n"
			       "		fast_io_fail_tmo 10\n"
			       "	}\n"
			       "	protocol {\n"
			       "		type \"scsi:carrier_pigeon\"\n"
			       "	}\n"
			       "}\n"
			       "defaults {\n"
			       "	protocol {\n"
			       "		type \"scsi:fcp\"\n"
			       "	}\n"
			       "}\n");
	const struct pcentry *fc;

	(void)state;
	assert_int_equal(l.conf->blist.protocol.n, 1);
	assert_int_equal(l.conf->elist.protocol.n, 1);
	assert_int_equal(l.conf->protocols.n, 2); /* the two fcp subsections merged */
	fc = config_find_pcentry(l.conf, "scsi:fcp");
	assert_non_null(fc);
	assert_int_equal(fc->p.dev_loss, 70);
	assert_int_equal(fc->p.eh_deadline, 360);
	assert_int_equal(fc->p.fast_io_fail, 10);
	assert_false(props_is_set(&fc->p, KW_NO_PATH_RETRY));
	assert_null(config_find_pcentry(l.conf, "scsi:iscsi"));
	assert_null(config_find_pcentry(l.conf, NULL));
	assert_int_equal(l.conf->overrides.dev_loss, 60);
	assert_diag_contains(&l.d, "m.conf:13: warning: keyword 'no_path_retry' is not valid in the "
			     "overrides/protocol section");
	assert_diag_contains(&l.d, "m.conf:15: error: protocol subsection without type");
	assert_diag_contains(&l.d, "m.conf:23: warning: protocol type 'scsi:carrier_pigeon'");
	assert_diag_contains(&l.d, "m.conf:27: warning: unexpected section 'protocol' in the "
			     "defaults section");
	loaded_free(&l);
}

/* Settings from vendors' Linux host guides parse without a diagnostic. */
static void test_vendor_snippets(void **state)
{
	/* Dell EMC Host Connectivity Guide for Linux (CLARiiON/VNX/Unity, ALUA) */
	static const char dell[] = "devices {\n"
				   "	device {\n"
				   "		vendor \"DGC\"\n"
				   "		product \".*\"\n"
				   "		product_blacklist \"LUNZ\"\n"
				   "		path_grouping_policy group_by_prio\n"
				   "		path_checker emc_clariion\n"
				   "		hardware_handler \"1 alua\"\n"
				   "		prio alua\n"
				   "		failback immediate\n"
				   "		no_path_retry 60\n"
				   "	}\n"
				   "}\n";
	/* Dell EMC SC Series RHEL best practices: no queueing */
	static const char compellent[] = "devices {\n"
					 "	device {\n"
					 "		vendor \"COMPELNT\"\n"
					 "		product \"Compellent Vol\"\n"
					 "		features 0\n"
					 "		no_path_retry fail\n"
					 "	}\n"
					 "}\n";
	/* Red Hat DM Multipath guide: per-protocol overrides */
	static const char rh[] = "overrides {\n"
				 "	dev_loss_tmo 60\n"
				 "	fast_io_fail_tmo 8\n"
				 "	protocol {\n"
				 "		type \"scsi:fcp\"\n"
				 "		dev_loss_tmo 70\n"
				 "		fast_io_fail_tmo 10\n"
				 "		eh_deadline 360\n"
				 "	}\n"
				 "}\n";
	struct loaded l = load(dell);
	const struct hwentry *found[4];
	size_t n;

	(void)state;
	assert_int_equal(l.d.errors + l.d.warnings, 0);
	n = config_find_hwentries(l.conf, "DGC", "VRAID", NULL, found, 4);
	assert_true(n >= 1);
	assert_int_equal(found[0]->p.no_path_retry, 60);
	assert_string_equal(found[0]->p.checker, "emc_clariion");
	assert_string_equal(found[0]->p.hwhandler, "1 alua");
	assert_int_equal(found[0]->p.failback, FAILBACK_IMMEDIATE);
	loaded_free(&l);
	l = load(compellent);
	assert_int_equal(l.d.errors + l.d.warnings, 0);
	n = config_find_hwentries(l.conf, "COMPELNT", "Compellent Vol", NULL, found, 4);
	assert_int_equal(n, 1); /* merged into the built-in entry */
	assert_int_equal(found[0]->p.no_path_retry, NO_PATH_RETRY_FAIL);
	assert_string_equal(found[0]->p.features, "0");
	assert_int_equal(found[0]->p.pgpolicy, PGP_MULTIBUS); /* built-in kept */
	loaded_free(&l);
	l = load(rh);
	assert_int_equal(l.d.errors + l.d.warnings, 0);
	assert_int_equal(config_find_pcentry(l.conf, "scsi:fcp")->p.eh_deadline, 360);
	loaded_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin),
		cmocka_unit_test(test_values_and_errors),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_devices),
		cmocka_unit_test(test_lookup_precedence),
		cmocka_unit_test(test_multipaths),
		cmocka_unit_test(test_blacklist),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_deprecated_quiet),
		cmocka_unit_test(test_protocol_sections),
		cmocka_unit_test(test_vendor_snippets),
	};

	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
