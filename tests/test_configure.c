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

/* A writable copy of the fixture under tmpdir/sys: some tests add
 * attributes (dh_state, dm holders, dev/block links) to it. */
static char sysroot[64];

static int setup(void **state)
{
	char root[PATH_MAX], cmd[2 * PATH_MAX + 16];

	(void)state;
	if (!realpath("tests/fixtures/sysfs-scsi_debug", root) || !mkdtemp(tmpdir))
		return -1;
	snprintf(sysroot, sizeof(sysroot), "%s/sys", tmpdir);
	snprintf(cmd, sizeof(cmd), "cp -a %s %s", root, sysroot);
	if (system(cmd) != 0)
		return -1;
	return sysfs_set_root(sysroot) < 0 ? -1 : 0;
}

static int teardown(void **state)
{
	char cmd[PATH_MAX];

	(void)state;
	sysfs_set_root(NULL);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Write (or with text NULL remove) a file under the sysfs copy, making
 * its directories. */
static void sys_put(const char *rel, const char *text)
{
	char path[PATH_MAX], cmd[2 * PATH_MAX];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", sysroot, rel);
	if (!text) {
		snprintf(cmd, sizeof(cmd), "rm -rf %s", path);
		assert_int_equal(system(cmd), 0);
		return;
	}
	snprintf(cmd, sizeof(cmd), "mkdir -p $(dirname %s)", path);
	assert_int_equal(system(cmd), 0);
	f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "%s\n", text);
	fclose(f);
}

/* A symbolic link under the sysfs copy, as the kernel has them. */
static void sys_link(const char *rel, const char *target)
{
	char path[PATH_MAX];

	sys_put(rel, "");
	snprintf(path, sizeof(path), "%s/%s", sysroot, rel);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(symlink(target, path), 0);
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
			       "		ghost_delay 7\n"
			       "	}\n"
			       "}\n"
			       "multipaths {\n"
			       "	multipath {\n"
			       "		wwid " LUN0 "\n"
			       "		alias data\n"
			       "		path_grouping_policy failover\n"
			       "		no_path_retry fail\n"
			       "		ghost_delay 30\n"
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
	assert_int_equal(other->queue_if_no_path, 1);
	assert_int_equal(other->no_path_retry, 12);
	/* ghost_delay: the multipaths entry over the device entry */
	assert_int_equal(data->ghost_delay, 30);
	assert_int_equal(other->ghost_delay, 7);

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

/* ---- a fake device-mapper: one multipath map at most ---------------------- */

/* Another dm device get_info knows (a partition map on the multipath map). */
struct dm_other {
	const char *name, *uuid;
	int open;
};

static struct {
	char name[WWID_SIZE], uuid[WWID_SIZE + 8];
	char *params;   /* NULL: no live map */
	char *status;   /* what get_status gives; NULL: -ENODATA */
	uint64_t size;
	int create_rc;  /* what a create returns before "another process" made the map */
	int reload_rc, rename_rc, remove_rc;
	unsigned flags; /* of the last create or reload */
	int table_after; /* the map has no table (is being loaded) until this many sleeps */
	int creates, reloads, renames, sleeps;
	long slept_us;
	struct dm_other others[4];
	char removed[4][32];
	int removes;
} dm;

static void dm_reset(void)
{
	free(dm.params);
	free(dm.status);
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

/* Is the map's table loaded (the other process may be between its create
 * and its load)? */
static bool dm_has_table(void)
{
	return dm.params && dm.sleeps >= dm.table_after;
}

int __wrap_usleep(useconds_t us);
int __wrap_usleep(useconds_t us)
{
	dm.sleeps++;
	dm.slept_us += (long)us;
	return 0;
}

int __wrap_devmapper_create_map(const char *name, const char *uuid, uint64_t size,
				const char *params, bool ro, unsigned flags);
int __wrap_devmapper_create_map(const char *name, const char *uuid, uint64_t size,
				const char *params, bool ro, unsigned flags)
{
	(void)ro;
	dm.creates++;
	if (dm.create_rc)
		return dm.create_rc;
	if (dm.params)
		return -EBUSY;
	dm_set_live(name, uuid + 6, size, params);
	dm.flags = flags;
	return 0;
}

int __wrap_devmapper_reload_map(const char *name, uint64_t size, const char *params, bool ro,
				unsigned flags);
int __wrap_devmapper_reload_map(const char *name, uint64_t size, const char *params, bool ro,
				unsigned flags)
{
	(void)ro;
	if (!dm.params || strcmp(name, dm.name))
		return -ENXIO;
	if (dm.reload_rc) /* the old table stays (devmapper resumes it) */
		return dm.reload_rc;
	dm.reloads++;
	free(dm.params);
	dm.params = strdup(params);
	dm.size = size;
	dm.flags = flags;
	return 0;
}

int __wrap_devmapper_rename_map(const char *old, const char *new_name);
int __wrap_devmapper_rename_map(const char *old, const char *new_name)
{
	if (!dm.params || strcmp(old, dm.name))
		return -ENXIO;
	if (dm.rename_rc)
		return dm.rename_rc;
	dm.renames++;
	snprintf(dm.name, sizeof(dm.name), "%s", new_name);
	return 0;
}

int __wrap_devmapper_remove_map(const char *name, bool deferred);
int __wrap_devmapper_remove_map(const char *name, bool deferred)
{
	assert_false(deferred);
	if (dm.remove_rc)
		return dm.remove_rc;
	assert_true(dm.removes < 4);
	snprintf(dm.removed[dm.removes++], sizeof(dm.removed[0]), "%s", name);
	return 0;
}

static bool dm_was_removed(const char *name)
{
	for (int i = 0; i < dm.removes; i++)
		if (!strcmp(dm.removed[i], name))
			return true;
	return false;
}

int __wrap_devmapper_list_maps(struct strvec *names);
int __wrap_devmapper_list_maps(struct strvec *names)
{
	if (!dm_has_table())
		return 0;
	return strvec_push_dup(names, dm.name) < 0 ? -ENOMEM : 1;
}

int __wrap_devmapper_get_info(const char *name, char *uuid, size_t uuid_size, int *minor,
			      int *open_count, bool *ro);
int __wrap_devmapper_get_info(const char *name, char *uuid, size_t uuid_size, int *minor,
			      int *open_count, bool *ro)
{
	const char *u = dm.uuid;
	int open = 0, m = 7;

	if (!dm.params || strcmp(name, dm.name)) {
		size_t i;

		for (i = 0; i < 4 && dm.others[i].name; i++)
			if (!strcmp(dm.others[i].name, name))
				break;
		if (i == 4 || !dm.others[i].name)
			return -ENXIO;
		u = dm.others[i].uuid;
		open = dm.others[i].open;
		m = 8 + (int)i;
	}
	if (uuid)
		snprintf(uuid, uuid_size, "%s", u);
	if (minor)
		*minor = m;
	if (open_count)
		*open_count = open;
	if (ro)
		*ro = false;
	return 0;
}

int __wrap_devmapper_get_table(const char *name, uint64_t *size, char **params);
int __wrap_devmapper_get_table(const char *name, uint64_t *size, char **params)
{
	if (!dm.params || strcmp(name, dm.name))
		return -ENXIO;
	if (!dm_has_table())
		return -ENODATA;
	if (size)
		*size = dm.size;
	if (params)
		*params = strdup(dm.params);
	return 0;
}

int __wrap_devmapper_get_status(const char *name, char **params);
int __wrap_devmapper_get_status(const char *name, char **params)
{
	if (!dm.status || !dm.params || strcmp(name, dm.name))
		return -ENODATA;
	*params = strdup(dm.status);
	return *params ? 0 : -ENOMEM;
}

/* The fixture of the tests that plan and apply LUN 0's map: the two_maps
 * config, the discovered paths and built maps, LUN 0's map and its kernel
 * table; no bindings or wwids file and an empty fake device-mapper before. */
struct lun0 {
	struct config *conf;
	struct pathvec pv;
	struct mapvec maps;
	struct multipath *mpp;
	char *params;
};

static int lun0_setup(void **state)
{
	STRBUF_AUTO(t);
	struct lun0 *fx = calloc(1, sizeof(*fx));

	assert_non_null(fx);
	*state = fx;
	fx->conf = load("greedy", two_maps);
	clean_files();
	dm_reset();
	discover(fx->conf, &fx->pv);
	assert_int_equal(configure_build_maps(fx->conf, &fx->pv, false, true, &fx->maps), 2);
	fx->mpp = mapvec_find_wwid(&fx->maps, LUN0);
	assert_non_null(fx->mpp);
	assert_int_equal(dmtable_assemble(fx->mpp, &t), 0);
	fx->params = strbuf_detach(&t);
	return 0;
}

static int lun0_teardown(void **state)
{
	struct lun0 *fx = *state;

	free(fx->params);
	mapvec_free(&fx->maps);
	pathvec_free(&fx->pv);
	config_free(fx->conf);
	free(fx);
	dm_reset();
	return 0;
}

/* create / no-op / reload / rename, as planned against the kernel's map. */
/* detect_prio: sysfs for SCSI with TPGS whose kernel handler shows the ALUA
 * state, else alua; ana for NVMe with ANA; a choice in
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
	/* the kernel's handler shows the state: sysfs, as 0.9.4 picks */
	sys_put("block/sdq/device/access_state", "active/non-optimized");
	configure_path_props(conf, pp);
	assert_string_equal(pp->prio_name, "sysfs");
	sys_put("block/sdq/device/access_state", "no such state");
	configure_path_props(conf, pp);
	assert_string_equal(pp->prio_name, "alua");
	sys_put("block/sdq/device/access_state", NULL);
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
	struct lun0 *fx = *state;
	struct config *conf = fx->conf;
	struct multipath *mpp = fx->mpp, *cur;
	char *params = fx->params;
	struct pathvec kpv = {0};
	struct mapvec live = {0};
	struct map_plan plan;

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
	/* queueing differs only (switched by a message): nothing either way */
	{
		char *f = cur->features, *rest, q[128];
		long n = strtol(f, &rest, 10);

		assert_null(strstr(f, "queue_if_no_path"));
		snprintf(q, sizeof(q), "%ld queue_if_no_path%s", n + 1, rest);
		cur->features = q;
		assert_int_equal(configure_plan_map(mpp, cur, false, &plan), 0);
		assert_int_equal(plan.act, ACT_NOTHING);
		map_plan_release(&plan);
		cur->features = f;
	}

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

	mapvec_free(&live);
	pathvec_free(&kpv);
}

/* A create that finds the map made meanwhile by another process takes it
 * over: left alone when equal, reloaded when not; another LUN's map under
 * the name stays an error. */
static void test_create_race_taken_over(void **state)
{
	struct lun0 *fx = *state;
	struct config *conf = fx->conf;
	struct multipath *mpp = fx->mpp;
	char *params = fx->params;
	enum map_action act = ACT_RENAME;

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

/* Queueing switched by the daemon: the features keep their other words
 * and list queue_if_no_path once, first. */
static void test_set_queueing(void **state)
{
	struct multipath *mpp = map_new();

	(void)state;
	assert_non_null(mpp);
	mpp->features = strdup("2 pg_init_retries 50");
	assert_int_equal(configure_map_set_queueing(mpp, true), 0);
	assert_string_equal(mpp->features, "3 queue_if_no_path pg_init_retries 50");
	assert_true(mpp->queue_if_no_path);
	assert_int_equal(configure_map_set_queueing(mpp, true), 0);
	assert_string_equal(mpp->features, "3 queue_if_no_path pg_init_retries 50");
	assert_int_equal(configure_map_set_queueing(mpp, false), 0);
	assert_string_equal(mpp->features, "2 pg_init_retries 50");
	assert_false(mpp->queue_if_no_path);
	/* trailing blanks end the words */
	free(mpp->features);
	mpp->features = strdup("1 queue_if_no_path  ");
	assert_int_equal(configure_map_set_queueing(mpp, false), 0);
	assert_string_equal(mpp->features, "0");
	/* no features yet */
	free(mpp->features);
	mpp->features = NULL;
	assert_int_equal(configure_map_set_queueing(mpp, true), 0);
	assert_string_equal(mpp->features, "1 queue_if_no_path");
	map_free(mpp);
}

static void test_action_names(void **state)
{
	(void)state;
	assert_string_equal(map_action_name(ACT_CREATE), "create");
	assert_string_equal(map_action_name(ACT_RELOAD), "reload");
	assert_string_equal(map_action_name(ACT_RENAME), "rename");
	assert_string_equal(map_action_name(ACT_NOTHING), "");
}

/* "dm-N" names the map by its minor, only when it is exactly that. */
static void test_matches_dm_minor(void **state)
{
	struct multipath *mpp = map_new();

	(void)state;
	assert_non_null(mpp);
	strcpy(mpp->alias, "data");
	strcpy(mpp->wwid, LUN0);
	mpp->dm_minor = 7;
	assert_true(configure_map_matches(mpp, "dm-7"));
	assert_true(configure_map_matches(mpp, "/dev/dm-7"));
	assert_false(configure_map_matches(mpp, "dm-70"));
	assert_false(configure_map_matches(mpp, "dm-7x"));
	assert_false(configure_map_matches(mpp, "dm-"));
	assert_false(configure_map_matches(mpp, "dm-x"));
	assert_false(configure_map_matches(mpp, "dm-99999999999999999999"));
	assert_false(configure_map_matches(mpp, "/dev/mapper/other"));
	assert_false(configure_map_matches(mpp, "sdz"));
	mpp->dm_minor = -1; /* not in the kernel */
	assert_false(configure_map_matches(mpp, "dm-7"));
	map_free(mpp);
}

/* A path without a device (known by devt only) is not probed; a
 * prioritizer that cannot run gives PRIO_UNDEF. */
static void test_path_without_device(void **state)
{
	struct config *conf = load("greedy", "");
	struct path *pp = path_new();

	(void)state;
	assert_non_null(pp);
	strcpy(pp->dev_t, "8:240");
	pp->state = PATH_UP;
	strcpy(pp->dev_state, "running");
	configure_path(conf, pp, true);
	assert_int_equal(pp->state, PATH_WILD);
	assert_int_equal(pp->priority, PRIO_UNDEF);
	assert_string_equal(pp->dev_state, "");
	assert_string_equal(pp->prio_name, "const"); /* props still selected */
	assert_int_equal(configure_path_priority(pp), 0);

	strcpy(pp->dev, "sda");
	assert_int_equal(configure_path_priority(pp), 1);
	strcpy(pp->prio_name, "no-such-prio");
	assert_int_equal(configure_path_priority(pp), PRIO_UNDEF);
	path_free(pp);
	config_free(conf);
}

/* Properties of the map: names without user_friendly_names, queueing from
 * features when no_path_retry is not set, the kernel's attached handler. */
static void test_map_props(void **state)
{
	static const char extra[] = "devices {\n"
				    "	device {\n"
				    "		vendor \"Linux\"\n"
				    "		product \"scsi_debug\"\n"
				    "		user_friendly_names no\n"
				    "		features \"1 queue_if_no_path\"\n"
				    "		hardware_handler \"1 emc\"\n"
				    "	}\n"
				    "}\n";
	struct config *conf = load("greedy", extra);
	struct pathvec pv = {0};
	struct mapvec maps = {0};
	struct multipath *mpp;
	char bindings[PATH_MAX];

	(void)state;
	clean_files();
	discover(conf, &pv);
	assert_int_equal(configure_build_maps(conf, &pv, false, true, &maps), 2);
	mpp = mapvec_find_wwid(&maps, LUN0);
	assert_string_equal(mpp->alias, LUN0);
	snprintf(bindings, sizeof(bindings), "%s/bindings", tmpdir);
	assert_int_equal(access(bindings, F_OK), -1);
	assert_string_equal(mpp->features, "1 queue_if_no_path");
	assert_string_equal(mpp->hwhandler, "1 emc");
	mapvec_free(&maps);

	/* the kernel attached alua to the first path (retain_attached_hw_handler
	 * is builtin yes); "detached" is no handler */
	sys_put("block/sda/device/dh_state", "alua");
	assert_int_equal(configure_build_maps(conf, &pv, false, false, &maps), 2);
	assert_string_equal(mapvec_find_wwid(&maps, LUN0)->hwhandler, "1 alua");
	mapvec_free(&maps);
	sys_put("block/sda/device/dh_state", "detached");
	assert_int_equal(configure_build_maps(conf, &pv, false, false, &maps), 2);
	assert_string_equal(mapvec_find_wwid(&maps, LUN0)->hwhandler, "1 emc");
	mapvec_free(&maps);
	sys_put("block/sda/device/dh_state", NULL);

	pathvec_free(&pv);
	config_free(conf);
}

/* detect_pgpolicy: an ALUA map (prioritizer sysfs or alua on every path)
 * is grouped by priority, or by target port group with
 * detect_pgpolicy_use_tpg, whatever the devices entry says; decided after
 * the paths' prioritizers are chosen; -p still wins. */
static void build_detect(const char *use_tpg, const struct build_opts *o, size_t *ngroups0,
			 size_t *ngroups1)
{
	STRBUF_AUTO(extra);
	struct config *conf;
	struct pathvec pv = {0};
	struct mapvec maps = {0};

	strbuf_addf(&extra,
		    "devices {\n"
		    "	device {\n"
		    "		vendor \"Linux\"\n"
		    "		product \"scsi_debug\"\n"
		    "		path_grouping_policy failover\n"
		    "		detect_pgpolicy yes\n"
		    "		detect_pgpolicy_use_tpg %s\n"
		    "	}\n"
		    "}\n"
		    "multipaths {\n"
		    "	multipath {\n"
		    "		wwid " LUN0 "\n"
		    "		prio sysfs\n"
		    "	}\n"
		    "}\n",
		    use_tpg);
	conf = load("greedy", strbuf_str(&extra));
	clean_files();
	discover(conf, &pv);
	assert_int_equal(configure_build_maps_opts(conf, &pv, o, &maps), 2);
	assert_string_equal(pv.items[0]->prio_name, "sysfs");
	*ngroups0 = mapvec_find_wwid(&maps, LUN0)->pgs.n;
	*ngroups1 = mapvec_find_wwid(&maps, LUN1)->pgs.n;
	mapvec_free(&maps);
	pathvec_free(&pv);
	config_free(conf);
}

static void test_detect_pgpolicy(void **state)
{
	struct build_opts o = {.refresh = true};
	size_t n0, n1;

	(void)state;
	/* LUN0 (sda on host 0, sdc on host 1): equal priorities, one group;
	 * LUN1's paths use the const prioritizer: failover, two groups */
	build_detect("no", &o, &n0, &n1);
	assert_int_equal(n0, 1);
	assert_int_equal(n1, 2);
	/* scsi_debug's target port groups differ per host: two groups */
	build_detect("yes", &o, &n0, &n1);
	assert_int_equal(n0, 2);
	assert_int_equal(n1, 2);
	o.pgpolicy = PGP_MULTIBUS; /* the command line */
	build_detect("yes", &o, &n0, &n1);
	assert_int_equal(n0, 1);
	assert_int_equal(n1, 1);
}

/* A create that works: the map is made with our table, the WWID recorded,
 * the minor stored; dry_run only says so; all paths down is flagged. */
static void test_apply_create(void **state)
{
	struct lun0 *fx = *state;
	struct config *conf = fx->conf;
	struct multipath *mpp = fx->mpp;
	char *params = fx->params, wwids[PATH_MAX];
	enum map_action act = ACT_RENAME;

	snprintf(wwids, sizeof(wwids), "%s/wwids", tmpdir);

	assert_int_equal(configure_apply_map(conf, mpp, NULL, false, true, &act), 0);
	assert_int_equal(act, ACT_CREATE);
	assert_int_equal(dm.creates, 0);
	assert_int_equal(wwids_check(wwids, LUN0), 0);

	act = ACT_NOTHING;
	mpp->dm_minor = -1;
	assert_int_equal(configure_apply_map(conf, mpp, NULL, false, false, &act), 0);
	assert_int_equal(act, ACT_CREATE);
	assert_int_equal(dm.creates, 1);
	assert_string_equal(dm.name, "data");
	assert_string_equal(dm.uuid, "mpath-" LUN0);
	assert_string_equal(dm.params, params);
	assert_int_equal(dm.flags & DEVMAPPER_NO_USABLE_PATHS, 0);
	assert_int_equal(mpp->dm_minor, 7);
	assert_int_equal(wwids_check(wwids, LUN0), 1);

	/* a create that fails otherwise is no take-over: the error, nothing
	 * recorded, act untouched */
	dm_reset();
	clean_files();
	dm.create_rc = -EINVAL;
	act = ACT_RELOAD;
	assert_int_equal(configure_apply_map(conf, mpp, NULL, false, false, &act), -EINVAL);
	assert_int_equal(act, ACT_RELOAD);
	assert_int_equal(dm.creates, 1);
	assert_null(dm.params);
	assert_int_equal(dm.sleeps, 0);
	assert_int_equal(wwids_check(wwids, LUN0), 0);

	/* every path down: the map is created with no usable path flagged */
	dm_reset();
	for (size_t i = 0; i < mpp->paths.n; i++)
		mpp->paths.items[i]->state = PATH_DOWN;
	assert_int_equal(configure_apply_map(conf, mpp, NULL, false, false, &act), 0);
	assert_true(dm.flags & DEVMAPPER_NO_USABLE_PATHS);
	mpp->paths.items[0]->state = PATH_GHOST;
	dm_reset();
	assert_int_equal(configure_apply_map(conf, mpp, NULL, false, false, &act), 0);
	assert_false(dm.flags & DEVMAPPER_NO_USABLE_PATHS);
}

/* An existing map under another name with another table: renamed, then
 * reloaded. A failing rename or reload is returned with act untouched and
 * the kernel's table left as it was. */
static void test_apply_rename_reload(void **state)
{
	struct lun0 *fx = *state;
	struct config *conf = fx->conf;
	struct multipath *mpp = fx->mpp;
	char *params = fx->params;
	struct pathvec kpv = {0};
	struct mapvec live = {0};
	enum map_action act = ACT_NOTHING;
	static const char theirs[] = "0 0 1 1 round-robin 0 1 1 8:0 1";

	dm_set_live("mpathq", LUN0, mpp->size, theirs);
	assert_int_equal(configure_read_kernel_maps(conf, &kpv, false, &live), 1);

	dm.rename_rc = -EEXIST;
	assert_int_equal(configure_apply_map(conf, mpp, live.items[0], false, false, &act),
			 -EEXIST);
	assert_int_equal(act, ACT_NOTHING);
	assert_string_equal(dm.name, "mpathq");
	assert_string_equal(dm.params, theirs);
	assert_int_equal(dm.reloads, 0);
	dm.rename_rc = 0;

	/* renamed, then the reload fails: the rename stays, the old table too */
	dm.reload_rc = -EINVAL;
	assert_int_equal(configure_apply_map(conf, mpp, live.items[0], false, false, &act),
			 -EINVAL);
	assert_int_equal(act, ACT_NOTHING);
	assert_string_equal(dm.name, "data");
	assert_string_equal(dm.params, theirs);
	assert_int_equal(dm.creates, 0);

	dm.reload_rc = 0;
	snprintf(dm.name, sizeof(dm.name), "mpathq");
	assert_int_equal(configure_apply_map(conf, mpp, live.items[0], false, false, &act), 0);
	assert_int_equal(act, ACT_RENAME);
	assert_string_equal(dm.name, "data");
	assert_string_equal(dm.params, params);
	assert_int_equal(dm.renames, 2);
	assert_int_equal(dm.reloads, 1);
	assert_int_equal(dm.creates, 0);

	mapvec_free(&live);
	pathvec_free(&kpv);
}

/* The take-over waits for a map whose table is still being loaded, finds
 * one with our WWID under another name, and gives up after ~3 s. */
static void test_take_over_waits(void **state)
{
	struct lun0 *fx = *state;
	struct config *conf = fx->conf;
	struct multipath *mpp = fx->mpp;
	char *params = fx->params;
	enum map_action act = ACT_RELOAD;

	/* the other process loads its (equal) table after three of our waits */
	dm_set_live("data", LUN0, mpp->size, params);
	dm.table_after = 3;
	assert_int_equal(configure_apply_map(conf, mpp, NULL, false, false, &act), 0);
	assert_int_equal(act, ACT_NOTHING);
	assert_int_equal(dm.sleeps, 3);
	assert_int_equal(dm.slept_us, 300000);
	assert_int_equal(dm.creates, 1);
	assert_int_equal(dm.reloads, 0);
	assert_int_equal(mpp->dm_minor, 7);

	/* it never does: -EBUSY after 30 reads, the map left alone */
	dm.sleeps = 0;
	dm.slept_us = 0;
	dm.table_after = 1000;
	act = ACT_RELOAD;
	assert_int_equal(configure_apply_map(conf, mpp, NULL, false, false, &act), -EBUSY);
	assert_int_equal(act, ACT_RELOAD);
	assert_int_equal(dm.sleeps, 29);
	assert_int_equal(dm.slept_us, 2900000);
	assert_int_equal(dm.reloads, 0);
	assert_int_equal(dm.renames, 0);

	/* the WWID's map exists under another name (the create failed on the
	 * uuid): it is renamed to ours, not reloaded */
	dm_reset();
	dm_set_live("mpathz", LUN0, mpp->size, params);
	dm.create_rc = -EEXIST;
	assert_int_equal(configure_apply_map(conf, mpp, NULL, false, false, &act), 0);
	assert_int_equal(act, ACT_RENAME);
	assert_string_equal(dm.name, "data");
	assert_int_equal(dm.renames, 1);
	assert_int_equal(dm.reloads, 0);
	assert_int_equal(dm.sleeps, 0);

	/* ... forced: renamed and reloaded */
	snprintf(dm.name, sizeof(dm.name), "mpathz");
	assert_int_equal(configure_take_over(conf, mpp, true, &act), 0);
	assert_int_equal(act, ACT_RENAME);
	assert_string_equal(dm.name, "data");
	assert_int_equal(dm.reloads, 1);
}

/* The daemon's check of a table changed outside: queueing aside. */
static void test_kernel_table_differs(void **state)
{
	struct lun0 *fx = *state;
	struct multipath *mpp = fx->mpp;
	char *params = fx->params;
	STRBUF_AUTO(queued);

	assert_int_equal(configure_kernel_table_differs(mpp), -ENXIO);

	dm_set_live("data", LUN0, mpp->size, params);
	assert_int_equal(configure_kernel_table_differs(mpp), 0);
	/* the kernel's minio and current group are not ours to compare */
	mpp->minio = 1000;
	assert_int_equal(configure_kernel_table_differs(mpp), 0);
	/* queueing switched on by a message */
	assert_int_equal(configure_map_set_queueing(mpp, true), 0);
	assert_int_equal(dmtable_assemble(mpp, &queued), 0);
	assert_int_equal(configure_map_set_queueing(mpp, false), 0);
	dm_set_live("data", LUN0, mpp->size, strbuf_str(&queued));
	assert_int_equal(configure_kernel_table_differs(mpp), 0);

	/* other features (ours have pg_init_retries 50; loaded outside
	 * without) */
	{
		char *mine = mpp->features;
		STRBUF_AUTO(other);

		assert_string_equal(mine, "2 pg_init_retries 50");
		mpp->features = "0";
		assert_int_equal(dmtable_assemble(mpp, &other), 0);
		mpp->features = mine;
		dm_set_live("data", LUN0, mpp->size, strbuf_str(&other));
		assert_int_equal(configure_kernel_table_differs(mpp), 1);
	}

	/* another size, another table, no table */
	dm_set_live("data", LUN0, mpp->size, params);
	dm.size = mpp->size + 8;
	assert_int_equal(configure_kernel_table_differs(mpp), 1);
	dm_set_live("data", LUN0, mpp->size, "0 0 1 1 round-robin 0 1 1 8:0 1");
	assert_int_equal(configure_kernel_table_differs(mpp), 1);
	dm_set_live("data", LUN0, mpp->size, "0 0 1 1 round-robin 0 2");
	assert_int_equal(configure_kernel_table_differs(mpp), -EINVAL);
	dm.table_after = 1;
	assert_int_equal(configure_kernel_table_differs(mpp), -ENODATA);
}

/* Reading the kernel's maps: paths known by devt are filled from sysfs,
 * the status sets group and path states, with_checker configures the
 * paths, and a map whose table cannot be parsed is skipped. */
static void test_read_kernel_maps(void **state)
{
	struct lun0 *fx = *state;
	struct config *conf = fx->conf;
	struct multipath *mpp = fx->mpp, *k;
	char *params = fx->params;
	struct pathvec kpv = {0};
	struct mapvec live = {0};
	struct path *a, *c;

	dm_set_live("data", LUN0, mpp->size, "1 queue_if_no_path 0 1 1 round-robin 0 2");
	assert_int_equal(configure_read_kernel_maps(conf, &kpv, false, &live), 0);
	assert_int_equal(live.n, 0);
	assert_int_equal(kpv.n, 0);

	dm_set_live("data", LUN0, mpp->size, params);
	dm.status = strdup("2 0 0 0 2 1 A 0 1 2 8:0 A 0 0 1 E 0 1 2 8:32 F 3 0 1");
	sys_link("dev/block/8:0", "../../block/sda");
	sys_put("block/sdz/stat", "0");
	sys_link("dev/block/8:32", "../../block/sdz");
	assert_int_equal(configure_read_kernel_maps(conf, &kpv, true, &live), 1);
	k = live.items[0];
	assert_string_equal(k->alias, "data");
	assert_string_equal(k->wwid, LUN0);
	assert_int_equal(k->dm_minor, 7);
	assert_int_equal(k->paths.n, 2);
	a = k->paths.items[0];
	c = k->paths.items[1];
	/* 8:0 resolves to sda in sysfs: filled like a discovered path, and the
	 * map gets its vendor; 8:32 is a device discovery cannot read: named
	 * only */
	assert_string_equal(a->dev, "sda");
	assert_string_equal(a->wwid, LUN0);
	assert_string_equal(k->vendor, "Linux");
	assert_string_equal(c->dev, "sdz");
	assert_string_equal(c->wwid, "");
	assert_int_equal(a->dmstate, PSTATE_ACTIVE);
	assert_int_equal(c->dmstate, PSTATE_FAILED);
	assert_int_equal(c->failcount, 3);
	assert_int_equal(k->pgs.items[0]->status, PGSTATE_ACTIVE);
	/* with_checker: props and priority selected */
	assert_string_equal(a->checker_name, "none");
	assert_int_equal(a->priority, 1);
	assert_int_equal(c->state, PATH_WILD);
	assert_ptr_equal(a->mpp, k);
	sys_put("dev", NULL);
	sys_put("block/sdz", NULL);

	mapvec_free(&live);
	pathvec_free(&kpv);
}

/* kpartx's partition maps on the map (holders with a "part" uuid) are
 * removed, other holders left; one open partition removes none. */
static void test_flush_partitions(void **state)
{
	static const char *const other_uuid = "LVM-aaaabbbb";

	(void)state;
	dm_reset();
	/* no such map: nothing to do, the remove that follows says why */
	assert_int_equal(configure_flush_partitions("data"), 0);
	dm_set_live("data", LUN0, 8, "0 0 0 0");
	/* no holders directory: no partitions */
	assert_int_equal(configure_flush_partitions("data"), 0);
	assert_int_equal(dm.removes, 0);

	dm.others[0] = (struct dm_other){"data1", "part1-mpath-" LUN0, 0};
	dm.others[1] = (struct dm_other){"data2", "part2-mpath-" LUN0, 0};
	dm.others[2] = (struct dm_other){"vg-lv", other_uuid, 1};
	sys_put("block/dm-7/holders/dm-8", "");
	sys_put("block/dm-7/holders/dm-9", "");
	sys_put("block/dm-7/holders/dm-10", "");
	sys_put("block/dm-7/holders/dm-11", ""); /* vanished: no dm/name */
	sys_put("block/dm-7/holders/sde", "");
	sys_put("block/dm-8/dm/name", "data1");
	sys_put("block/dm-9/dm/name", "data2");
	sys_put("block/dm-10/dm/name", "vg-lv");
	assert_int_equal(configure_flush_partitions("data"), 0);
	assert_int_equal(dm.removes, 2);
	assert_true(dm_was_removed("data1"));
	assert_true(dm_was_removed("data2"));
	assert_false(dm_was_removed("vg-lv"));

	/* a partition gone meanwhile is no error; another failure is */
	dm.removes = 0;
	dm.remove_rc = -ENXIO;
	assert_int_equal(configure_flush_partitions("data"), 0);
	dm.remove_rc = -EIO;
	assert_int_equal(configure_flush_partitions("data"), -EIO);
	dm.remove_rc = 0;

	/* one partition open: -EBUSY and none removed */
	dm.others[1].open = 1;
	assert_int_equal(configure_flush_partitions("data"), -EBUSY);
	assert_int_equal(dm.removes, 0);

	sys_put("block/dm-7", NULL);
	sys_put("block/dm-8", NULL);
	sys_put("block/dm-9", NULL);
	sys_put("block/dm-10", NULL);
	dm_reset();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build),
		cmocka_unit_test(test_detect_pgpolicy),
		cmocka_unit_test(test_size_mismatch),
		cmocka_unit_test(test_find_multipaths_strict),
		cmocka_unit_test(test_dry_run_creates_no_binding),
		cmocka_unit_test(test_autodetect),
		cmocka_unit_test_setup_teardown(test_plan_decisions, lun0_setup, lun0_teardown),
		cmocka_unit_test_setup_teardown(test_create_race_taken_over, lun0_setup,
						lun0_teardown),
		cmocka_unit_test(test_live_names),
		cmocka_unit_test(test_set_queueing),
		cmocka_unit_test(test_action_names),
		cmocka_unit_test(test_matches_dm_minor),
		cmocka_unit_test(test_path_without_device),
		cmocka_unit_test(test_map_props),
		cmocka_unit_test_setup_teardown(test_apply_create, lun0_setup, lun0_teardown),
		cmocka_unit_test_setup_teardown(test_apply_rename_reload, lun0_setup,
						lun0_teardown),
		cmocka_unit_test_setup_teardown(test_take_over_waits, lun0_setup, lun0_teardown),
		cmocka_unit_test_setup_teardown(test_kernel_table_differs, lun0_setup,
						lun0_teardown),
		cmocka_unit_test_setup_teardown(test_read_kernel_maps, lun0_setup, lun0_teardown),
		cmocka_unit_test(test_flush_partitions),
	};

	return cmocka_run_group_tests_name("configure", tests, setup, teardown);
}
