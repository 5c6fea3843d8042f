// SPDX-License-Identifier: GPL-2.0-or-later
/* From discovered paths to maps: grouping by WWID, naming, properties. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "configure.h"
#include "discovery.h"
#include "sysfs.h"
#include "wwids.h"

#define LUN0 "333333330000007d0"
#define LUN1 "333333330000007d1"

static char tmpdir[] = "/tmp/mpt-configure-XXXXXX";

static int setup(void **state)
{
	char root[PATH_MAX];

	(void)state;
	if (!realpath("tests/fixtures/sysfs-scsi_debug", root) || sysfs_set_root(root) < 0)
		return -1;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[PATH_MAX];

	(void)state;
	sysfs_set_root(NULL);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* A config with the test's file locations and deterministic path props. */
static struct config *load(const char *find_mp, const char *extra)
{
	struct config *conf = NULL;
	struct diags d = {0};
	STRBUF_AUTO(text);

	strbuf_addf(&text,
		    "defaults {\n"
		    "	find_multipaths %s\n"
		    "	user_friendly_names yes\n"
		    "	bindings_file \"%s/bindings\"\n"
		    "	wwids_file \"%s/wwids\"\n"
		    "}\n"
		    "overrides {\n"
		    "	prio const\n"
		    "	detect_prio no\n"
		    "	path_checker none\n"
		    "	detect_checker no\n"
		    "}\n%s",
		    find_mp, tmpdir, tmpdir, extra);
	assert_int_equal(config_load_text(strbuf_str(&text), text.len, "c.conf", &d, &conf), 0);
	for (size_t i = 0; i < d.msgs.n; i++)
		fprintf(stderr, "%s\n", d.msgs.items[i]);
	assert_int_equal(d.errors + d.warnings, 0);
	diags_release(&d);
	return conf;
}

static void discover(const struct config *conf, struct pathvec *pv)
{
	static const char *const devs[] = {"sda", "sdb", "sdc", "sdd"};

	for (size_t i = 0; i < 4; i++) {
		struct path *pp = path_new();

		assert_non_null(pp);
		assert_int_equal(discovery_path_info(conf, NULL, devs[i], pp), 0);
		assert_int_equal(pathvec_push(pv, pp), 0);
	}
}

static void clean_files(void)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/bindings", tmpdir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/wwids", tmpdir);
	unlink(path);
}

/* scsi_debug has no built-in entry: the test configures it as the VM
 * scenarios do */
static const char two_maps[] = "devices {\n"
			       "	device {\n"
			       "		vendor \"Linux\"\n"
			       "		product \"scsi_debug\"\n"
			       "		path_grouping_policy group_by_prio\n"
			       "		prio alua\n"
			       "		failback immediate\n"
			       "		no_path_retry 12\n"
			       "	}\n"
			       "}\n"
			       "multipaths {\n"
			       "	multipath {\n"
			       "		wwid " LUN0 "\n"
			       "		alias data\n"
			       "		path_grouping_policy failover\n"
			       "		no_path_retry fail\n"
			       "		features \"3 queue_if_no_path pg_init_retries 50\"\n"
			       "	}\n"
			       "}\n";

static void test_build(void **state)
{
	struct config *conf = load("greedy", two_maps);
	struct pathvec pv = {0};
	struct mapvec maps = {0};
	struct multipath *data, *other;

	(void)state;
	clean_files();
	discover(conf, &pv);
	assert_int_equal(configure_build_maps(conf, &pv, false, true, &maps), 2);
	data = mapvec_find_wwid(&maps, LUN0);
	other = mapvec_find_wwid(&maps, LUN1);
	assert_non_null(data);
	assert_non_null(other);

	assert_string_equal(data->alias, "data");
	assert_int_equal(data->paths.n, 2);
	assert_int_equal(data->pgs.n, 2); /* failover */
	assert_int_equal(data->size, 131072);
	assert_string_equal(data->vendor, "Linux");
	/* no_path_retry fail strips queueing from the features */
	assert_string_equal(data->features, "2 pg_init_retries 50");
	assert_string_equal(data->hwhandler, "0");
	assert_string_equal(data->selector, "service-time 0");
	assert_ptr_equal(pv.items[0]->mpp, data);
	assert_int_equal(pv.items[0]->priority, 1);
	assert_string_equal(pv.items[0]->checker_name, "none");

	/* user friendly name from the bindings file; the file's scsi_debug
	 * entry: group_by_prio (equal priorities: one group), no_path_retry 12 */
	assert_string_equal(other->alias, "mpatha");
	assert_int_equal(other->pgs.n, 1);
	assert_int_equal(other->pgs.items[0]->paths.n, 2);
	assert_string_equal(other->features, "1 queue_if_no_path");
	assert_int_equal(other->no_path_retry, 12);

	assert_true(configure_map_matches(data, "data"));
	assert_true(configure_map_matches(data, "/dev/mapper/data"));
	assert_true(configure_map_matches(data, LUN0));
	assert_true(configure_map_matches(data, "sdc"));
	assert_true(configure_map_matches(data, "/dev/sda"));
	assert_true(configure_map_matches(data, "8:32"));
	assert_false(configure_map_matches(data, "sdb"));
	assert_false(configure_map_matches(data, "mpatha"));
	mapvec_free(&maps);
	assert_null(pv.items[0]->mpp);
	pathvec_free(&pv);
	config_free(conf);
}

static void test_size_mismatch(void **state)
{
	struct config *conf = load("greedy", "");
	struct pathvec pv = {0};
	struct mapvec maps = {0};
	struct multipath *mpp;

	(void)state;
	clean_files();
	discover(conf, &pv);
	pv.items[2]->size = 4096; /* sdc: LUN 0 as well, but smaller */
	assert_int_equal(configure_build_maps(conf, &pv, false, true, &maps), 2);
	mpp = mapvec_find_wwid(&maps, LUN0);
	assert_int_equal(mpp->paths.n, 1);
	assert_null(pv.items[2]->mpp);
	mapvec_free(&maps);
	pathvec_free(&pv);
	config_free(conf);
}

static void test_find_multipaths_strict(void **state)
{
	struct config *conf = load("strict", "");
	struct pathvec pv = {0};
	struct mapvec maps = {0};
	char wwids[PATH_MAX];

	(void)state;
	clean_files();
	discover(conf, &pv);
	assert_int_equal(configure_build_maps(conf, &pv, false, true, &maps), 0);
	snprintf(wwids, sizeof(wwids), "%s/wwids", tmpdir);
	assert_int_equal(wwids_add(wwids, LUN1), 0);
	assert_int_equal(configure_build_maps(conf, &pv, false, true, &maps), 1);
	assert_string_equal(maps.items[0]->wwid, LUN1);
	mapvec_free(&maps);
	pathvec_free(&pv);
	config_free(conf);
}

static void test_dry_run_creates_no_binding(void **state)
{
	struct config *conf = load("greedy", "");
	struct pathvec pv = {0};
	struct mapvec maps = {0};
	char bindings[PATH_MAX];

	(void)state;
	clean_files();
	discover(conf, &pv);
	assert_int_equal(configure_build_maps(conf, &pv, true, true, &maps), 2);
	/* no binding yet: the map is named by its WWID */
	assert_string_equal(maps.items[0]->alias, maps.items[0]->wwid);
	snprintf(bindings, sizeof(bindings), "%s/bindings", tmpdir);
	assert_int_equal(access(bindings, F_OK), -1);
	mapvec_free(&maps);
	pathvec_free(&pv);
	config_free(conf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build),
		cmocka_unit_test(test_size_mismatch),
		cmocka_unit_test(test_find_multipaths_strict),
		cmocka_unit_test(test_dry_run_creates_no_binding),
	};

	return cmocka_run_group_tests_name("configure", tests, setup, teardown);
}
