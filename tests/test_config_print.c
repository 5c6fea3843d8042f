// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * `multipath -t` and `-T` (config_print): the full print parses back to a
 * configuration that prints identically; the changes-only print holds
 * exactly what differs from the built-ins and is itself a complete
 * description. Also config_load() from real files with a config_dir.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "config/config.h"
#include "util/strbuf.h"

/* Every section; values with quotes and spaces; aliases; a built-in device
 * entry modified; a defaults value equal to its built-in (path_checker). */
static const char rich_conf[] =
	"# a configuration that uses every section\n"
	"defaults {\n"
	"	polling_interval 10\n"
	"	find_multipaths greedy\n"
	"	user_friendly_names yes\n"
	"	path_checker tur\n"
	"	no_path_retry queue\n"
	"	path_io_err_sample_time 120\n"
	"	marginal_path_err_rate_threshold 0\n"
	"	path_io_err_recovery_time 300\n"
	"	max_sectors_kb 512\n"
	"	alias_prefix \"san path\"\n"
	"	prio_args \"say \"\"hello\"\" twice\"\n"
	"	features \"1 queue_if_no_path\"\n"
	"	fast_io_fail_tmo off\n"
	"}\n"
	"blacklist {\n"
	"	devnode \"^(ram|zram|raw|loop|fd|md|dm-|sr|scd|st|dcssblk|nbd)[0-9]\"\n"
	"	devnode \"^nvme[0-9]\"\n"
	"	wwid \"^36001405deadbeef\"\n"
	"	property \"(ID_SCSI_VPD|ID_WWN)\"\n"
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"Universal Xport\"\n"
	"	}\n"
	"	device {\n"
	"		vendor \"COMPAQ\"\n"
	"	}\n"
	"}\n"
	"blacklist_exceptions {\n"
	"	wwid \"^3600508b4\"\n"
	"	property \"^ID_WWN\"\n"
	"	device {\n"
	"		product \"MSA.*\"\n"
	"	}\n"
	"}\n"
	"devices {\n"
	"	device {\n"
	"		vendor \"ACME\"\n"
	"		product \"Super Array\"\n"
	"		revision \"^1\\.\"\n"
	"		path_grouping_policy multibus\n"
	"		path_selector \"round-robin 0\"\n"
	"		hardware_handler \"1 alua\"\n"
	"		prio alua\n"
	"		checker directio\n"
	"		marginal_path_double_failed_time 30\n"
	"	}\n"
	"	device {\n"
	"		vendor \"PURE\"\n"
	"		product \"FlashArray\"\n"
	"		no_path_retry 30\n"
	"	}\n"
	"}\n"
	"overrides {\n"
	"	no_path_retry fail\n"
	"	dev_loss_tmo infinity\n"
	"	path_io_err_rate_threshold no\n"
	"	protocol {\n"
	"		type \"scsi:fcp\"\n"
	"		eh_deadline 360\n"
	"		dev_loss_tmo 70\n"
	"	}\n"
	"}\n"
	"multipaths {\n"
	"	multipath {\n"
	"		wwid 3600a098038303053453f463045727a49\n"
	"		alias \"db data\"\n"
	"		path_io_err_sample_time 60\n"
	"		path_io_err_rate_threshold 5\n"
	"		path_io_err_recovery_time 600\n"
	"	}\n"
	"	multipath {\n"
	"		wwid \"36001405abcdef\"\n"
	"		alias \"log \"\"x\"\"\"\n"
	"		failback 30\n"
	"	}\n"
	"}\n";

/* What `multipath -T` must print for rich_conf: nothing more, nothing less. */
static const char rich_changes[] =
	"defaults {\n"
	"	polling_interval 10\n"
	"	prio_args \"say \"\"hello\"\" twice\"\n"
	"	features \"1 queue_if_no_path\"\n"
	"	alias_prefix \"san path\"\n"
	"	no_path_retry \"queue\"\n"
	"	user_friendly_names \"yes\"\n"
	"	fast_io_fail_tmo \"off\"\n"
	"	max_sectors_kb 512\n"
	"	path_io_err_sample_time 120\n"
	"	path_io_err_rate_threshold 0\n"
	"	path_io_err_recovery_time 300\n"
	"	find_multipaths \"greedy\"\n"
	"}\n"
	"blacklist {\n"
	"	devnode \"^(ram|zram|raw|loop|fd|md|dm-|sr|scd|st|dcssblk|nbd)[0-9]\"\n"
	"	devnode \"^nvme[0-9]\"\n"
	"	wwid \"^36001405deadbeef\"\n"
	"	property \"(ID_SCSI_VPD|ID_WWN)\"\n"
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"Universal Xport\"\n"
	"	}\n"
	"	device {\n"
	"		vendor \"COMPAQ\"\n"
	"	}\n"
	"}\n"
	"blacklist_exceptions {\n"
	"	wwid \"^3600508b4\"\n"
	"	property \"^ID_WWN\"\n"
	"	device {\n"
	"		product \"MSA.*\"\n"
	"	}\n"
	"}\n"
	"devices {\n"
	"	device {\n"
	"		vendor \"PURE\"\n"
	"		product \"FlashArray\"\n"
	"		no_path_retry 30\n"
	"	}\n"
	"	device {\n"
	"		vendor \"ACME\"\n"
	"		product \"Super Array\"\n"
	"		revision \"^1\\.\"\n"
	"		path_grouping_policy \"multibus\"\n"
	"		path_checker \"directio\"\n"
	"		hardware_handler \"1 alua\"\n"
	"		path_selector \"round-robin 0\"\n"
	"		prio \"alua\"\n"
	"		path_io_err_double_failed_time 30\n"
	"	}\n"
	"}\n"
	"overrides {\n"
	"	no_path_retry \"fail\"\n"
	"	dev_loss_tmo \"infinity\"\n"
	"	path_io_err_rate_threshold \"no\"\n"
	"	protocol {\n"
	"		type \"scsi:fcp\"\n"
	"		dev_loss_tmo 70\n"
	"		eh_deadline 360\n"
	"	}\n"
	"}\n"
	"multipaths {\n"
	"	multipath {\n"
	"		wwid \"3600a098038303053453f463045727a49\"\n"
	"		alias \"db data\"\n"
	"		path_io_err_sample_time 60\n"
	"		path_io_err_rate_threshold 5\n"
	"		path_io_err_recovery_time 600\n"
	"	}\n"
	"	multipath {\n"
	"		wwid \"36001405abcdef\"\n"
	"		alias \"log \"\"x\"\"\"\n"
	"		failback 30\n"
	"	}\n"
	"}\n";

/* Unusual but valid layout, and errors that must not reach the output. */
static const char odd_conf[] =
	"defaults\n"
	"{\n"
	"	polling_interval 7 # a comment\n"
	"	verbosity 9\n"
	"	uxsock_timeout \"5000\" extra words\n"
	"	no_such_keyword 1\n"
	"	wwid \"not here\"\n"
	"}\n"
	"! another comment\n"
	"devices { device\n"
	"{\n"
	"	vendor \"X\"\n"
	"	product \"Y\"\n"
	"	rr_min_io 12\n"
	"} }\n"
	"devices {\n"
	"	device {\n"
	"		vendor \"no product\"\n"
	"	}\n"
	"}\n"
	"multipaths {\n"
	"	multipath {\n"
	"		wwid 1\n"
	"		alias one\n"
	"	}\n"
	"	multipath {\n"
	"		wwid 1\n"
	"		failback 5\n"
	"	}\n"
	"	multipath {\n"
	"		alias orphan\n"
	"	}\n"
	"}\n"
	"unknown_section { a b }\n";

static void dump_diags(const struct diags *d)
{
	for (size_t i = 0; i < d->msgs.n; i++)
		print_message("  %s\n", d->msgs.items[i]);
}

static struct config *load_text(const char *text, struct diags *d)
{
	struct config *conf = NULL;

	assert_int_equal(config_load_text(text, strlen(text), "test.conf", d, &conf), 0);
	assert_non_null(conf);
	return conf;
}

static char *print_conf(const struct config *conf, bool only_changes)
{
	struct strbuf sb = STRBUF_INIT;

	assert_int_equal(config_print(conf, only_changes, &sb), 0);
	return strbuf_detach(&sb);
}

static void assert_same_text(const char *got, const char *want)
{
	if (strcmp(got, want)) {
		print_message("--- expected:\n%s--- got:\n%s---\n", want, got);
		fail_msg("texts differ");
	}
}

/* Text parsed without any diagnostic. */
static struct config *load_clean(const char *text)
{
	struct diags d = {0};
	struct config *conf = load_text(text, &d);

	if (d.errors || d.warnings) {
		dump_diags(&d);
		fail_msg("%d errors, %d warnings", d.errors, d.warnings);
	}
	diags_release(&d);
	return conf;
}

/* The full print of conf, checked to survive load + print unchanged and to
 * load without diagnostics. Returned for further checks. */
static char *check_round_trip(const struct config *conf)
{
	char *text1 = print_conf(conf, false), *text2;
	struct config *again = load_clean(text1);

	text2 = print_conf(again, false);
	assert_same_text(text2, text1);
	free(text2);
	config_free(again);
	return text1;
}

/* -T of conf, loaded and printed in full, gives the full print of conf. */
static void check_changes_complete(const struct config *conf)
{
	char *changes = print_conf(conf, true);
	char *full = print_conf(conf, false);
	struct config *again = load_clean(changes);
	char *full_again = print_conf(again, false);

	assert_same_text(full_again, full);
	free(full_again);
	config_free(again);
	free(full);
	free(changes);
}

/* The section "name {\n...}\n" starting at the line start in text, or "". */
static char *section_of(const char *text, const char *name)
{
	STRBUF_AUTO(head);
	const char *s, *e;

	strbuf_addf(&head, "%s {\n", name);
	s = strstr(text, strbuf_str(&head));
	while (s && s != text && s[-1] != '\n')
		s = strstr(s + 1, strbuf_str(&head));
	if (!s)
		return strdup("");
	e = strstr(s, "\n}\n");
	assert_non_null(e);
	return strndup(s, (size_t)(e + 3 - s));
}

static void test_builtin_round_trip(void **state)
{
	struct config *conf;
	char *full;

	(void)state;
	conf = load_clean("");
	full = check_round_trip(conf);
	/* every keyword with a built-in default is shown, with the defaults */
	for (size_t i = 0; i < KW_COUNT; i++) {
		STRBUF_AUTO(line);

		if (!keywords[i].builtin || !(keywords[i].sections & SEC_DEFAULTS))
			continue;
		strbuf_addf(&line, "\n\t%s ", keywords[i].name);
		if (!strstr(full, strbuf_str(&line)))
			fail_msg("%s missing from the full print", keywords[i].name);
	}
	assert_non_null(strstr(full, "\tmax_polling_interval 20\n"));
	assert_non_null(strstr(full, "\tvendor \"PURE\"\n\t\tproduct \"FlashArray\"\n"));
	assert_non_null(strstr(full, "blacklist {\n\tdevnode \"!^(sd[a-z]|dasd[a-z]|nvme[0-9])\"\n}\n"));
	assert_non_null(
		strstr(full, "blacklist_exceptions {\n\tproperty \"(SCSI_IDENT_|ID_WWN)\"\n}\n"));
	/* multipath-tools' layout: named values quoted, numbers bare */
	assert_non_null(strstr(full, "\tpath_grouping_policy \"failover\"\n"));
	assert_non_null(strstr(full, "\treassign_maps \"no\"\n"));
	assert_non_null(strstr(full, "\tmax_fds \"max\"\n"));
	assert_non_null(strstr(full, "\tfind_multipaths_timeout -10\n"));
	assert_non_null(strstr(full, "\tenable_foreign \"NONE\"\n"));
	assert_non_null(strstr(full, "\tmarginal_pathgroups \"off\"\n"));
	assert_non_null(strstr(full, "\t\tvpd_vendor \"hp3par\"\n"));
	assert_null(strstr(full, "overrides {\n\t"));
	free(full);
	config_free(conf);
}

static void test_rich_round_trip(void **state)
{
	struct config *conf;
	char *full, *defaults;

	(void)state;
	conf = load_clean(rich_conf);
	full = check_round_trip(conf);
	defaults = section_of(full, "defaults");
	assert_non_null(strstr(defaults, "\tpolling_interval 10\n"));
	assert_non_null(strstr(defaults, "\tmax_polling_interval 40\n"));
	assert_non_null(strstr(defaults, "\tverbosity 2\n"));
	assert_non_null(strstr(defaults, "\tpath_checker \"tur\"\n"));
	/* aliases print under their own names */
	assert_non_null(strstr(defaults, "\tpath_io_err_rate_threshold 0\n"));
	assert_null(strstr(full, "marginal_path_"));
	assert_null(strstr(full, "\tchecker "));
	/* quotes doubled, spaces kept */
	assert_non_null(strstr(full, "\talias \"log \"\"x\"\"\"\n"));
	assert_non_null(strstr(full, "\tprio_args \"say \"\"hello\"\" twice\"\n"));
	/* the built-in PURE entry keeps its settings, plus the file's */
	assert_non_null(strstr(full, "\t\tvendor \"PURE\"\n"
				     "\t\tproduct \"FlashArray\"\n"
				     "\t\tpath_grouping_policy \"group_by_prio\"\n"
				     "\t\thardware_handler \"1 alua\"\n"
				     "\t\tpath_selector \"service-time 0\"\n"
				     "\t\tprio \"alua\"\n"
				     "\t\tfailback \"immediate\"\n"
				     "\t\tno_path_retry 30\n"
				     "\t\tdetect_prio \"no\"\n"
				     "\t\trr_min_io_rq 1\n"
				     "\t\tfast_io_fail_tmo 10\n"
				     "\t\tdev_loss_tmo 60\n"
				     "\t}\n"));
	/* the file's blacklist entry equal to a built-in one is kept once */
	{
		const char *first = strstr(full, "(ram|zram");

		assert_non_null(first);
		assert_null(strstr(first + 1, "(ram|zram"));
	}
	free(defaults);
	free(full);
	config_free(conf);
}

static void test_odd_round_trip(void **state)
{
	struct diags d = {0};
	struct config *conf;
	char *full;

	(void)state;
	conf = load_text(odd_conf, &d);
	/* verbosity 9, device without product, multipath without wwid */
	assert_int_equal(d.errors, 3);
	assert_true(d.warnings >= 5);
	full = check_round_trip(conf);
	assert_non_null(strstr(full, "\tpolling_interval 7\n"));
	assert_non_null(strstr(full, "\tverbosity 2\n"));
	assert_non_null(strstr(full, "\tuxsock_timeout 5000\n"));
	assert_non_null(strstr(full, "\t\tvendor \"X\"\n\t\tproduct \"Y\"\n\t\trr_min_io 12\n"));
	/* the two entries for wwid 1 are one */
	assert_non_null(strstr(full, "\t\twwid \"1\"\n\t\talias \"one\"\n\t\tfailback 5\n"));
	assert_null(strstr(strstr(full, "wwid \"1\"") + 1, "wwid \"1\""));
	assert_null(strstr(full, "orphan"));
	assert_null(strstr(full, "no product"));
	assert_null(strstr(full, "not here"));
	free(full);
	config_free(conf);
	diags_release(&d);
}

static void test_changes_empty(void **state)
{
	struct config *conf;
	char *changes;

	(void)state;
	conf = load_clean("");
	changes = print_conf(conf, true);
	assert_string_equal(changes, "");
	free(changes);
	config_free(conf);
}

/* show config local: only the device entries some device matches. */
static void test_print_local(void **state)
{
	const char *dev[] = {"DGC", "VRAID", "0533", "ACME", "Nothing", "1"};
	struct config *conf;
	STRBUF_AUTO(all);
	STRBUF_AUTO(local);
	const char *d;

	(void)state;
	conf = load_clean("devices {\n\tdevice {\n\t\tvendor \"ACME\"\n\t\tproduct \"Thing\"\n"
			  "\t}\n}\n");
	assert_int_equal(config_print(conf, false, &all), 0);
	assert_int_equal(config_print_local(conf, dev, 2, &local), 0);
	/* the same text up to the devices section */
	d = strstr(strbuf_str(&local), "devices {\n");
	assert_non_null(d);
	assert_memory_equal(strbuf_str(&local), strbuf_str(&all), (size_t)(d - strbuf_str(&local)));
	assert_non_null(strstr(d, "vendor \"^DGC\""));
	assert_null(strstr(d, "vendor \"ACME\"")); /* "Nothing" is not "Thing" */
	assert_null(strstr(d, "vendor \"HPE\""));
	assert_true(local.len < all.len);
	assert_non_null(strstr(strbuf_str(&local), "overrides {"));
	config_free(conf);
}

/* Every defaults keyword set to its built-in value: nothing changed. */
static void test_changes_builtin_values(void **state)
{
	STRBUF_AUTO(text);
	struct config *conf;
	char *changes;

	(void)state;
	strbuf_addstr(&text, "defaults {\n");
	for (size_t i = 0; i < KW_COUNT; i++)
		if (keywords[i].builtin && (keywords[i].sections & SEC_DEFAULTS))
			strbuf_addf(&text, "\t%s \"%s\"\n", keywords[i].name, keywords[i].builtin);
	strbuf_addstr(&text, "}\nblacklist {\n\tdevnode \"!^(sd[a-z]|dasd[a-z]|nvme[0-9])\"\n}\n");
	conf = load_clean(strbuf_str(&text));
	changes = print_conf(conf, true);
	assert_same_text(changes, "");
	free(changes);
	config_free(conf);
}

static void test_changes_rich(void **state)
{
	struct config *conf;
	char *changes, *defaults, *devices;

	(void)state;
	conf = load_clean(rich_conf);
	changes = print_conf(conf, true);
	defaults = section_of(changes, "defaults");
	devices = section_of(changes, "devices");
	assert_non_null(strstr(defaults, "\tpolling_interval 10\n"));
	assert_null(strstr(defaults, "verbosity"));
	assert_null(strstr(defaults, "max_polling_interval"));
	assert_null(strstr(defaults, "path_checker")); /* set to its built-in */
	assert_non_null(strstr(devices, "\tdevice {\n"
					"\t\tvendor \"PURE\"\n"
					"\t\tproduct \"FlashArray\"\n"
					"\t\tno_path_retry 30\n"
					"\t}\n"));
	assert_null(strstr(changes, "NETAPP"));
	assert_null(strstr(changes, "dasd"));
	assert_same_text(changes, rich_changes);
	free(devices);
	free(defaults);
	free(changes);
	config_free(conf);
}

static void test_changes_complete(void **state)
{
	static const char *const texts[] = {
		"",
		rich_conf,
		"defaults {\n\tpolling_interval 3\n\tmax_polling_interval 12\n}\n",
		"defaults {\n\tpolling_interval 3\n}\n",
		"devices {\n\tdevice {\n\t\tvendor \"NETAPP\"\n\t\tproduct \"LUN\"\n\t}\n}\n",
		"devices {\n\tdevice {\n\t\tvendor \"NETAPP\"\n\t\tproduct \"LUN\"\n"
		"\t\trevision \"x\"\n\t}\n}\n",
		"overrides {\n}\nmultipaths {\n}\nblacklist_exceptions {\n}\n",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		struct config *conf = load_clean(texts[i]);

		free(check_round_trip(conf));
		check_changes_complete(conf);
		config_free(conf);
	}
}

/* A temporary directory with files, removed at the end. */
struct tmpdir {
	char path[64];
	char *files[8];
	size_t nfiles;
	char *subdir;
};

static const char *tmp_file(struct tmpdir *t, const char *name, const char *text)
{
	STRBUF_AUTO(path);
	int fd;

	strbuf_addf(&path, "%s/%s", t->path, name);
	fd = open(strbuf_str(&path), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	assert_true(t->nfiles < sizeof(t->files) / sizeof(t->files[0]));
	t->files[t->nfiles] = strbuf_detach(&path);
	return t->files[t->nfiles++];
}

static void tmpdir_remove(struct tmpdir *t)
{
	while (t->nfiles > 0) {
		char *f = t->files[--t->nfiles];

		unlink(f);
		free(f);
	}
	if (t->subdir) {
		rmdir(t->subdir);
		free(t->subdir);
	}
	rmdir(t->path);
}

static int tmpdir_setup(void **state)
{
	struct tmpdir *t = calloc(1, sizeof(*t));

	if (!t)
		return -1;
	snprintf(t->path, sizeof(t->path), "/tmp/test_config_print.XXXXXX");
	if (!mkdtemp(t->path)) {
		free(t);
		return -1;
	}
	*state = t;
	return 0;
}

static int tmpdir_teardown(void **state)
{
	struct tmpdir *t = *state;

	tmpdir_remove(t);
	free(t);
	return 0;
}

static bool diags_mention(const struct diags *d, const char *s)
{
	for (size_t i = 0; i < d->msgs.n; i++)
		if (strstr(d->msgs.items[i], s))
			return true;
	return false;
}

static void test_load_with_config_dir(void **state)
{
	struct tmpdir *t = *state;
	STRBUF_AUTO(main_text);
	STRBUF_AUTO(confd);
	struct diags d = {0};
	struct config *conf = NULL, *from_text;
	const char *main_path;
	char *full, *defaults, *full_text;

	strbuf_addf(&confd, "%s/conf.d", t->path);
	assert_int_equal(mkdir(strbuf_str(&confd), 0755), 0);
	t->subdir = strdup(strbuf_str(&confd));
	strbuf_addf(&main_text, "%sdefaults {\n\tconfig_dir \"%s\"\n}\n", rich_conf,
		    strbuf_str(&confd));
	main_path = tmp_file(t, "multipath.conf", strbuf_str(&main_text));
	/* written in reverse order: reading must sort by name */
	tmp_file(t, "conf.d/99-ignored.txt", "defaults {\n\tpolling_interval 99\n}\n");
	tmp_file(t, "conf.d/20-b.conf",
		 "defaults {\n\tpolling_interval 30\n}\n"
		 "devices {\n\tdevice {\n\t\tvendor \"ACME\"\n\t\tproduct \"Super Array\"\n"
		 "\t\trevision \"^1\\.\"\n\t\tno_path_retry 7\n\t}\n}\n"
		 "multipaths {\n\tmultipath {\n\t\twwid 36001405abcdef\n"
		 "\t\talias from_b\n\t}\n}\n");
	tmp_file(t, "conf.d/10-a.conf",
		 "defaults {\n\tpolling_interval 20\n\tuser_friendly_names no\n"
		 "\tconfig_dir \"/nonexistent\"\n}\n"
		 "devices {\n\tdevice {\n\t\tvendor \"ACME\"\n\t\tproduct \"Super Array\"\n"
		 "\t\trevision \"^1\\.\"\n\t\tno_path_retry 3\n\t\trr_min_io 50\n\t}\n}\n");

	assert_int_equal(config_load(main_path, &d, &conf), 0);
	assert_non_null(conf);
	if (d.errors) {
		dump_diags(&d);
		fail_msg("%d errors", d.errors);
	}
	/* config_dir is honoured only in the main file */
	assert_int_equal(d.warnings, 2); /* 10-a.conf's config_dir, second multipath wwid */
	assert_true(diags_mention(&d, "10-a.conf:4:"));
	assert_string_equal(conf->defaults.config_dir, strbuf_str(&confd));
	assert_int_equal(conf->defaults.polling_interval, 30);
	assert_int_equal(conf->defaults.max_polling_interval, 120);
	assert_int_equal(conf->defaults.user_friendly_names, YN_NO);
	{
		const struct hwentry *h[4];

		assert_int_equal(config_find_hwentries(conf, "ACME", "Super Array", "1.5", h, 4),
				 1);
		assert_int_equal(h[0]->p.no_path_retry, 7);
		assert_int_equal(h[0]->p.rr_min_io, 50);
		assert_int_equal(h[0]->p.pgpolicy, PGP_MULTIBUS);
	}
	assert_string_equal(config_find_mpentry(conf, "36001405abcdef")->p.alias, "from_b");
	assert_int_equal(config_find_mpentry(conf, "36001405abcdef")->p.failback, 30);

	full = check_round_trip(conf);
	check_changes_complete(conf);
	defaults = section_of(full, "defaults");
	assert_non_null(strstr(defaults, "\tpolling_interval 30\n"));
	assert_null(strstr(full, " 99\n"));

	/* the same main text from memory: config_dir recorded, not read */
	from_text = load_clean(strbuf_str(&main_text));
	full_text = print_conf(from_text, false);
	assert_non_null(strstr(full_text, "\tpolling_interval 10\n"));
	assert_string_equal(from_text->defaults.config_dir, strbuf_str(&confd));
	free(full_text);
	config_free(from_text);

	free(defaults);
	free(full);
	config_free(conf);
	diags_release(&d);
}

static void test_load_missing_file(void **state)
{
	struct tmpdir *t = *state;
	STRBUF_AUTO(path);
	struct diags d = {0};
	struct config *conf = NULL, *builtin;
	char *full, *want;

	if (access(keywords[KW_CONFIG_DIR].builtin, F_OK) == 0)
		skip(); /* the built-in config_dir would add to the built-ins */
	strbuf_addf(&path, "%s/no-such.conf", t->path);
	assert_int_equal(config_load(strbuf_str(&path), &d, &conf), 0);
	assert_non_null(conf);
	assert_int_equal(d.errors, 0);
	builtin = load_clean("");
	full = print_conf(conf, false);
	want = print_conf(builtin, false);
	assert_same_text(full, want);
	free(want);
	free(full);
	config_free(builtin);
	config_free(conf);
	diags_release(&d);
}

/* A path that exists but is no file: an error, the output untouched. */
static void test_load_directory(void **state)
{
	static struct config untouched;
	struct tmpdir *t = *state;
	struct diags d = {0};
	struct config *conf = &untouched;
	int rc;

	rc = config_load(t->path, &d, &conf);
	/* config.h names EISDIR as an example; the parser says EINVAL */
	assert_true(rc < 0 && rc != -ENOENT && rc != -ENOMEM);
	assert_ptr_equal(conf, &untouched);
	diags_release(&d);
}

/* config_dir "" or relative: no directory is read. */
static void test_load_no_config_dir(void **state)
{
	struct tmpdir *t = *state;
	struct diags d = {0};
	struct config *conf = NULL;
	const char *path;

	path = tmp_file(t, "empty-dir.conf", "defaults {\n\tconfig_dir \"\"\n}\n");
	assert_int_equal(config_load(path, &d, &conf), 0);
	assert_int_equal(d.errors, 0);
	assert_string_equal(conf->defaults.config_dir, "");
	config_free(conf);
	diags_release(&d);

	path = tmp_file(t, "relative-dir.conf", "defaults {\n\tconfig_dir \"conf.d\"\n}\n");
	assert_int_equal(config_load(path, &d, &conf), 0);
	assert_int_equal(d.errors, 1);
	assert_true(diags_mention(&d, "relative-dir.conf:2: error:"));
	assert_string_equal(conf->defaults.config_dir, keywords[KW_CONFIG_DIR].builtin);
	config_free(conf);
	diags_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_round_trip),
		cmocka_unit_test(test_rich_round_trip),
		cmocka_unit_test(test_odd_round_trip),
		cmocka_unit_test(test_changes_empty),
		cmocka_unit_test(test_print_local),
		cmocka_unit_test(test_changes_builtin_values),
		cmocka_unit_test(test_changes_rich),
		cmocka_unit_test(test_changes_complete),
		cmocka_unit_test_setup_teardown(test_load_with_config_dir, tmpdir_setup,
						tmpdir_teardown),
		cmocka_unit_test_setup_teardown(test_load_missing_file, tmpdir_setup,
						tmpdir_teardown),
		cmocka_unit_test_setup_teardown(test_load_directory, tmpdir_setup,
						tmpdir_teardown),
		cmocka_unit_test_setup_teardown(test_load_no_config_dir, tmpdir_setup,
						tmpdir_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
