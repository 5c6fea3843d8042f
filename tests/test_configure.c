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
#include "devmapper.h"
#include "dmparser.h"
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

/* ---- a fake device-mapper: one live map at most --------------------------- */

static struct {
	char name[WWID_SIZE], uuid[WWID_SIZE + 8];
	char *params;   /* NULL: no live map */
	uint64_t size;
	int create_rc;  /* what a create returns before "another process" made the map */
	int creates, reloads, renames;
} dm;

static void dm_reset(void)
{
	free(dm.params);
	memset(&dm, 0, sizeof(dm));
}

/* Make the live map, as if another process had created it. */
static void dm_set_live(const char *name, const char *wwid, uint64_t size, const char *params)
{
	snprintf(dm.name, sizeof(dm.name), "%.*s", (int)sizeof(dm.name) - 1, name);
	snprintf(dm.uuid, sizeof(dm.uuid), "mpath-%.*s", WWID_SIZE - 1, wwid);
	free(dm.params);
	dm.params = strdup(params);
	dm.size = size;
}

int __wrap_devmapper_create_map(const char *name, const char *uuid, uint64_t size,
				const char *params, bool ro, unsigned flags);
int __wrap_devmapper_create_map(const char *name, const char *uuid, uint64_t size,
				const char *params, bool ro, unsigned flags)
{
	(void)ro;
	(void)flags;
	dm.creates++;
	if (dm.create_rc)
		return dm.create_rc;
	if (dm.params)
		return -EBUSY;
	dm_set_live(name, uuid + 6, size, params);
	return 0;
}

int __wrap_devmapper_reload_map(const char *name, uint64_t size, const char *params, bool ro,
				unsigned flags);
int __wrap_devmapper_reload_map(const char *name, uint64_t size, const char *params, bool ro,
				unsigned flags)
{
	(void)ro;
	(void)flags;
	if (!dm.params || strcmp(name, dm.name))
		return -ENXIO;
	dm.reloads++;
	free(dm.params);
	dm.params = strdup(params);
	dm.size = size;
	return 0;
}

int __wrap_devmapper_rename_map(const char *old, const char *new_name);
int __wrap_devmapper_rename_map(const char *old, const char *new_name)
{
	if (!dm.params || strcmp(old, dm.name))
		return -ENXIO;
	dm.renames++;
	snprintf(dm.name, sizeof(dm.name), "%s", new_name);
	return 0;
}

int __wrap_devmapper_list_maps(struct strvec *names);
int __wrap_devmapper_list_maps(struct strvec *names)
{
	if (!dm.params)
		return 0;
	return strvec_push_dup(names, dm.name) < 0 ? -ENOMEM : 1;
}

int __wrap_devmapper_get_info(const char *name, char *uuid, size_t uuid_size, int *minor,
			      int *open_count, bool *ro);
int __wrap_devmapper_get_info(const char *name, char *uuid, size_t uuid_size, int *minor,
			      int *open_count, bool *ro)
{
	if (!dm.params || strcmp(name, dm.name))
		return -ENXIO;
	if (uuid)
		snprintf(uuid, uuid_size, "%s", dm.uuid);
	if (minor)
		*minor = 7;
	if (open_count)
		*open_count = 0;
	if (ro)
		*ro = false;
	return 0;
}

int __wrap_devmapper_get_table(const char *name, uint64_t *size, char **params);
int __wrap_devmapper_get_table(const char *name, uint64_t *size, char **params)
{
	if (!dm.params || strcmp(name, dm.name))
		return -ENXIO;
	if (size)
		*size = dm.size;
	if (params)
		*params = strdup(dm.params);
	return 0;
}

int __wrap_devmapper_get_status(const char *name, char **params);
int __wrap_devmapper_get_status(const char *name, char **params)
{
	(void)name;
	(void)params;
	return -ENODATA;
}

/* LUN 0's map as this config builds it, with its kernel table. */
static struct multipath *build_lun0(const struct config *conf, struct pathvec *pv,
				    struct mapvec *maps, char **params)
{
	STRBUF_AUTO(t);
	struct multipath *mpp;

	discover(conf, pv);
	assert_int_equal(configure_build_maps(conf, pv, false, true, maps), 2);
	mpp = mapvec_find_wwid(maps, LUN0);
	assert_non_null(mpp);
	assert_int_equal(dmtable_assemble(mpp, &t), 0);
	*params = strbuf_detach(&t);
	return mpp;
}

/* create / no-op / reload / rename, as planned against the kernel's map. */
/* detect_prio: alua for SCSI with TPGS, ana for NVMe with ANA; a choice in
 * overrides or multipaths is kept; detect_checker: tur for TPGS only. */
static void test_autodetect(void **state)
{
	struct config *conf;
	struct diags d = {0};
	struct path *pp = path_new();
	static const char text[] = "defaults {\n\tprio const\n\tpath_checker directio\n"
				   "\tdetect_prio yes\n\tdetect_checker yes\n}\n";

	(void)state;
	assert_non_null(pp);
	assert_int_equal(config_load_text(text, sizeof(text) - 1, "a.conf", &d, &conf), 0);
	diags_release(&d);
	strcpy(pp->dev, "sdq");
	strcpy(pp->vendor, "NOBODY");
	strcpy(pp->product, "KNOWS");
	configure_path_props(conf, pp);
	assert_string_equal(pp->prio_name, "const");
	assert_string_equal(pp->checker_name, "directio");
	pp->tpgs = 1;
	configure_path_props(conf, pp);
	assert_string_equal(pp->prio_name, "alua");
	assert_string_equal(pp->checker_name, "tur");
	pp->tpgs = 0;
	pp->ana = true;
	configure_path_props(conf, pp);
	assert_string_equal(pp->prio_name, "ana");
	assert_string_equal(pp->checker_name, "directio");
	config_free(conf);
	/* an overrides choice stays */
	conf = load("greedy", "");
	configure_path_props(conf, pp);
	assert_string_equal(pp->prio_name, "const");
	config_free(conf);
	path_free(pp);
}

static void test_plan_decisions(void **state)
{
	struct config *conf = load("greedy", two_maps);
	struct pathvec pv = {0}, kpv = {0};
	struct mapvec maps = {0}, live = {0};
	struct multipath *mpp, *cur;
	struct map_plan plan;
	char *params;

	(void)state;
	clean_files();
	dm_reset();
	mpp = build_lun0(conf, &pv, &maps, &params);
	assert_int_equal(configure_plan_map(mpp, NULL, false, &plan), 0);
	assert_int_equal(plan.act, ACT_CREATE);
	assert_string_equal(plan.uuid, "mpath-" LUN0);
	assert_false(plan.flags & DEVMAPPER_SKIP_KPARTX);
	map_plan_release(&plan);
	/* skip_kpartx reaches udev's rules through the cookie flags */
	mpp->skip_kpartx = true;
	assert_int_equal(configure_plan_map(mpp, NULL, false, &plan), 0);
	assert_true(plan.flags & DEVMAPPER_SKIP_KPARTX);
	map_plan_release(&plan);
	mpp->skip_kpartx = false;

	/* the kernel has the same table: nothing, unless forced */
	dm_set_live("data", LUN0, mpp->size, params);
	assert_int_equal(configure_read_kernel_maps(conf, &kpv, false, &live), 1);
	cur = live.items[0];
	assert_int_equal(configure_plan_map(mpp, cur, false, &plan), 0);
	assert_int_equal(plan.act, ACT_NOTHING);
	map_plan_release(&plan);
	assert_int_equal(configure_plan_map(mpp, cur, true, &plan), 0);
	assert_int_equal(plan.act, ACT_RELOAD);
	map_plan_release(&plan);

	/* another size: reload; another name: rename (with no reload) */
	cur->size++;
	assert_int_equal(configure_plan_map(mpp, cur, false, &plan), 0);
	assert_int_equal(plan.act, ACT_RELOAD);
	map_plan_release(&plan);
	cur->size--;
	snprintf(cur->alias, sizeof(cur->alias), "old");
	assert_int_equal(configure_plan_map(mpp, cur, false, &plan), 0);
	assert_int_equal(plan.act, ACT_RENAME);
	assert_false(plan.reload);
	assert_string_equal(plan.old_name, "old");
	map_plan_release(&plan);

	free(params);
	mapvec_free(&live);
	pathvec_free(&kpv);
	mapvec_free(&maps);
	pathvec_free(&pv);
	config_free(conf);
	dm_reset();
}

/* A create that finds the map made meanwhile by another process takes it
 * over: left alone when equal, reloaded when not; another LUN's map under
 * the name stays an error. */
static void test_create_race_taken_over(void **state)
{
	struct config *conf = load("greedy", two_maps);
	struct pathvec pv = {0};
	struct mapvec maps = {0};
	struct multipath *mpp;
	enum map_action act = ACT_RENAME;
	char *params;

	(void)state;
	clean_files();
	dm_reset();
	mpp = build_lun0(conf, &pv, &maps, &params);
	dm_set_live("data", LUN0, mpp->size, params);
	assert_int_equal(configure_apply_map(conf, mpp, NULL, false, false, &act), 0);
	assert_int_equal(act, ACT_NOTHING);
	assert_int_equal(dm.creates, 1);
	assert_int_equal(dm.reloads, 0);

	/* the other process loaded another table: ours goes in */
	dm_set_live("data", LUN0, mpp->size, "0 0 1 1 round-robin 0 1 1 8:0 1");
	assert_int_equal(configure_apply_map(conf, mpp, NULL, false, false, &act), 0);
	assert_int_equal(act, ACT_RELOAD);
	assert_string_equal(dm.params, params);

	/* EEXIST counts the same */
	dm.create_rc = -EEXIST;
	assert_int_equal(configure_apply_map(conf, mpp, NULL, false, false, &act), 0);
	assert_int_equal(act, ACT_NOTHING);

	/* the name belongs to another LUN's map */
	dm.create_rc = 0;
	dm_set_live("data", LUN1, mpp->size, params);
	assert_int_equal(configure_apply_map(conf, mpp, NULL, false, false, &act), -EBUSY);

	free(params);
	mapvec_free(&maps);
	pathvec_free(&pv);
	config_free(conf);
	dm_reset();
}

/* The kernel's names win over a lost bindings file, and are not reused. */
static void test_live_names(void **state)
{
	struct config *conf = load("greedy", "");
	struct pathvec pv = {0}, kpv = {0};
	struct mapvec maps = {0}, live = {0};
	struct build_opts o = {.live = &live};
	char bindings[PATH_MAX];
	FILE *f;

	(void)state;
	clean_files();
	dm_reset();
	discover(conf, &pv);
	dm_set_live("mpathb", LUN1, 1, "0 0 1 1 round-robin 0 1 1 8:0 1");
	assert_int_equal(configure_read_kernel_maps(conf, &kpv, false, &live), 1);
	assert_int_equal(configure_build_maps_opts(conf, &pv, &o, &maps), 2);
	assert_string_equal(mapvec_find_wwid(&maps, LUN1)->alias, "mpathb");
	assert_string_equal(mapvec_find_wwid(&maps, LUN0)->alias, "mpatha");
	mapvec_free(&maps);
	for (size_t i = 0; i < pv.n; i++)
		pv.items[i]->mpp = NULL;

	/* a stale file binding mpathb elsewhere: LUN 1 keeps it, LUN 0 is not
	 * given it; only LUN 0's paths with o.wwid */
	snprintf(bindings, sizeof(bindings), "%s/bindings", tmpdir);
	f = fopen(bindings, "w");
	assert_non_null(f);
	fprintf(f, "mpathb %s\nmpatha %s\n", LUN0, LUN1);
	fclose(f);
	assert_int_equal(configure_build_maps_opts(conf, &pv, &o, &maps), 2);
	assert_string_equal(mapvec_find_wwid(&maps, LUN1)->alias, "mpathb");
	assert_string_not_equal(mapvec_find_wwid(&maps, LUN0)->alias, "mpathb");
	assert_memory_equal(mapvec_find_wwid(&maps, LUN0)->alias, "mpath", 5);
	mapvec_free(&maps);
	for (size_t i = 0; i < pv.n; i++)
		pv.items[i]->mpp = NULL;
	o.wwid = LUN0;
	o.pgpolicy = PGP_MULTIBUS;
	assert_int_equal(configure_build_maps_opts(conf, &pv, &o, &maps), 1);
	assert_string_equal(maps.items[0]->wwid, LUN0);
	assert_int_equal(maps.items[0]->pgs.n, 1);

	mapvec_free(&maps);
	mapvec_free(&live);
	pathvec_free(&kpv);
	pathvec_free(&pv);
	config_free(conf);
	dm_reset();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build),
		cmocka_unit_test(test_size_mismatch),
		cmocka_unit_test(test_find_multipaths_strict),
		cmocka_unit_test(test_dry_run_creates_no_binding),
		cmocka_unit_test(test_autodetect),
		cmocka_unit_test(test_plan_decisions),
		cmocka_unit_test(test_create_race_taken_over),
		cmocka_unit_test(test_live_names),
	};

	return cmocka_run_group_tests_name("configure", tests, setup, teardown);
}
