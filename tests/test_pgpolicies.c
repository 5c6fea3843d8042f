// SPDX-License-Identifier: GPL-2.0-or-later
/* Path grouping policies: grouping, group priority, ordering, ties. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "config/keywords.h"
#include "pgpolicies.h"
#include "util/strbuf.h"

struct fixture {
	struct pathvec pv;
	struct multipath *mpp;
};

static struct fixture fx;
static struct strbuf layout_sb = STRBUF_INIT;

/* Add a path "sd<c>" with serial, node name, priority and state. */
static struct path *add(const char *dev, const char *serial, const char *node, int prio,
			enum path_state st)
{
	struct path *pp = path_new();

	assert_non_null(pp);
	strlcpy_trunc(pp->dev, dev, sizeof(pp->dev));
	strlcpy_trunc(pp->serial, serial, sizeof(pp->serial));
	strlcpy_trunc(pp->tgt_node_name, node, sizeof(pp->tgt_node_name));
	pp->priority = prio;
	pp->state = st;
	assert_int_equal(pathvec_push(&fx.pv, pp), 0);
	assert_int_equal(pathvec_push(&fx.mpp->paths, pp), 0);
	return pp;
}

/* The groups as "prio:dev,dev|prio:dev|...", a marginal group as "m<prio>:..." */
static const char *layout(void)
{
	struct strbuf *sb = &layout_sb;

	strbuf_reset(sb);
	for (size_t g = 0; g < fx.mpp->pgs.n; g++) {
		const struct pathgroup *pg = fx.mpp->pgs.items[g];

		strbuf_addf(sb, "%s%s%d:", g ? "|" : "", pg->marginal ? "m" : "", pg->priority);
		for (size_t i = 0; i < pg->paths.n; i++)
			strbuf_addf(sb, "%s%s", i ? "," : "", pg->paths.items[i]->dev);
	}
	return strbuf_str(sb);
}

static void assert_layout(int policy, const char *want)
{
	assert_int_equal(pgpolicy_group(fx.mpp, policy), 0);
	if (strcmp(layout(), want))
		fail_msg("%s: got '%s', want '%s'", pgpolicy_name(policy), layout(), want);
	assert_int_equal(fx.mpp->nextpg, fx.mpp->pgs.n ? 1 : 0);
}

static int setup(void **state)
{
	(void)state;
	memset(&fx, 0, sizeof(fx));
	fx.mpp = map_new();
	return fx.mpp ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	map_free(fx.mpp);
	pathvec_free(&fx.pv);
	return 0;
}

/* A mixed map: two serials, two target nodes, priorities with ties. */
static void add_mixed(void)
{
	add("sda", "S1", "nodeA", 10, PATH_UP);
	add("sdb", "S2", "nodeB", 50, PATH_UP);
	add("sdc", "S1", "nodeB", 10, PATH_UP);
	add("sdd", "S3", "nodeA", 50, PATH_UP);
	add("sde", "S2", "nodeA", 1, PATH_UP);
}

static void test_empty(void **state)
{
	(void)state;
	for (int p = PGP_FAILOVER; p <= PGP_GROUP_BY_TPG; p++) {
		fx.mpp->nextpg = 7;
		assert_layout(p, "");
		assert_int_equal(fx.mpp->pgs.n, 0);
		assert_int_equal(fx.mpp->nextpg, 0);
	}
}

static void test_failover(void **state)
{
	(void)state;
	add_mixed();
	/* one group per path; by priority, ties keep path order */
	assert_layout(PGP_FAILOVER, "50:sdb|50:sdd|10:sda|10:sdc|1:sde");
}

static void test_multibus(void **state)
{
	(void)state;
	add_mixed();
	/* (10 + 50 + 10 + 50 + 1) / 5 = 24 */
	assert_layout(PGP_MULTIBUS, "24:sda,sdb,sdc,sdd,sde");
}

static void test_group_by_serial(void **state)
{
	(void)state;
	add_mixed();
	/* S1 {sda, sdc} 10, S2 {sdb, sde} 25, S3 {sdd} 50 */
	assert_layout(PGP_GROUP_BY_SERIAL, "50:sdd|25:sdb,sde|10:sda,sdc");
}

static void test_group_by_prio(void **state)
{
	(void)state;
	add_mixed();
	assert_layout(PGP_GROUP_BY_PRIO, "50:sdb,sdd|10:sda,sdc|1:sde");
}

/* group_by_tpg: one group per ALUA target port group, by priority */
static void test_group_by_tpg(void **state)
{
	(void)state;
	/* four TPGs: 1 and 3 are both active/optimized (50), which
	 * group_by_prio would merge; 2 is non-optimized (10); 7 standby (1)
	 * with one of its paths down */
	add("sda", "S", "n", 10, PATH_UP)->tpg_id = 2;
	add("sdb", "S", "n", 50, PATH_UP)->tpg_id = 1;
	add("sdc", "S", "n", 1, PATH_GHOST)->tpg_id = 7;
	add("sdd", "S", "n", 50, PATH_UP)->tpg_id = 3;
	add("sde", "S", "n", 10, PATH_UP)->tpg_id = 2;
	add("sdf", "S", "n", 50, PATH_UP)->tpg_id = 1;
	add("sdg", "S", "n", 40, PATH_DOWN)->tpg_id = 7;
	assert_layout(PGP_GROUP_BY_TPG, "50:sdb,sdf|50:sdd|10:sda,sde|1:sdc,sdg");
	assert_layout(PGP_GROUP_BY_PRIO, "50:sdb,sdd,sdf|40:sdg|10:sda,sde|1:sdc");
	/* a TPG whose paths report different priorities (one path's state
	 * is transitioning) stays one group, at their average */
	fx.mpp->paths.items[5]->priority = 30;
	assert_layout(PGP_GROUP_BY_TPG, "50:sdd|40:sdb,sdf|10:sda,sde|1:sdc,sdg");
	/* TPG 0 is an id like any other */
	fx.mpp->paths.items[3]->tpg_id = 0;
	fx.mpp->paths.items[0]->tpg_id = 0;
	assert_layout(PGP_GROUP_BY_TPG, "40:sdb,sdf|30:sda,sdd|10:sde|1:sdc,sdg");
}

/* a path without a TPG id: the map is grouped by priority */
static void test_group_by_tpg_unknown(void **state)
{
	(void)state;
	add_mixed();
	for (size_t i = 0; i < fx.mpp->paths.n; i++)
		fx.mpp->paths.items[i]->tpg_id = (int)i;
	assert_layout(PGP_GROUP_BY_TPG, "50:sdb|50:sdd|10:sda|10:sdc|1:sde");
	fx.mpp->paths.items[2]->tpg_id = -1;
	assert_layout(PGP_GROUP_BY_TPG, "50:sdb,sdd|10:sda,sdc|1:sde");
}

/* detect_pgpolicy's condition: every path uses the alua or sysfs prioritizer */
static void test_alua_prio(void **state)
{
	struct path *a, *b;

	(void)state;
	assert_false(pgpolicy_alua_prio(&fx.mpp->paths)); /* no path */
	a = add("sda", "S", "n", 50, PATH_UP);
	b = add("sdb", "S", "n", 10, PATH_UP);
	strlcpy_trunc(a->prio_name, "alua", sizeof(a->prio_name));
	strlcpy_trunc(b->prio_name, "sysfs", sizeof(b->prio_name));
	assert_true(pgpolicy_alua_prio(&fx.mpp->paths));
	strlcpy_trunc(b->prio_name, "const", sizeof(b->prio_name));
	assert_false(pgpolicy_alua_prio(&fx.mpp->paths));
	b->prio_name[0] = '\0';
	assert_false(pgpolicy_alua_prio(&fx.mpp->paths));
}

static void test_group_by_node_name(void **state)
{
	(void)state;
	add_mixed();
	/* nodeA {sda, sdd, sde} 61/3 = 20, nodeB {sdb, sdc} 30 */
	assert_layout(PGP_GROUP_BY_NODE_NAME, "30:sdb,sdc|20:sda,sdd,sde");
}

static void test_ties_stable(void **state)
{
	(void)state;
	add("sdq", "Z", "n3", 5, PATH_UP);
	add("sdr", "Y", "n2", 5, PATH_UP);
	add("sds", "X", "n1", 5, PATH_UP);
	add("sdt", "Y", "n2", 5, PATH_UP);
	/* equal priorities: groups in order of their first path */
	assert_layout(PGP_FAILOVER, "5:sdq|5:sdr|5:sds|5:sdt");
	assert_layout(PGP_GROUP_BY_SERIAL, "5:sdq|5:sdr,sdt|5:sds");
	assert_layout(PGP_GROUP_BY_NODE_NAME, "5:sdq|5:sdr,sdt|5:sds");
	assert_layout(PGP_GROUP_BY_PRIO, "5:sdq,sdr,sds,sdt");
}

static void test_down_paths(void **state)
{
	(void)state;
	add("sda", "A", "n", 50, PATH_DOWN);
	add("sdb", "A", "n", 10, PATH_UP);
	add("sdc", "B", "n", 40, PATH_DOWN);
	add("sdd", "B", "n", 20, PATH_DOWN);
	add("sde", "C", "n", PRIO_UNDEF, PATH_UP);
	add("sdf", "C", "n", 9, PATH_GHOST);
	/* A: only sdb counts (10); B: all down, all count (30);
	 * C: an undefined priority counts as 0 ((0 + 9) / 2 = 4) */
	assert_layout(PGP_GROUP_BY_SERIAL, "30:sdc,sdd|10:sda,sdb|4:sde,sdf");
	/* multibus: the up and ghost paths: (10 + 0 + 9) / 3 = 6 */
	assert_layout(PGP_MULTIBUS, "6:sda,sdb,sdc,sdd,sde,sdf");
}

static void test_regroup_and_errors(void **state)
{
	(void)state;
	add_mixed();
	assert_layout(PGP_GROUP_BY_PRIO, "50:sdb,sdd|10:sda,sdc|1:sde");
	/* regrouping frees the old groups (ASan would see a leak) */
	assert_layout(PGP_FAILOVER, "50:sdb|50:sdd|10:sda|10:sdc|1:sde");
	fx.mpp->nextpg = 3;
	/* an unknown policy leaves the map alone */
	assert_int_equal(pgpolicy_group(fx.mpp, 0), -EINVAL);
	assert_int_equal(pgpolicy_group(fx.mpp, PGP_GROUP_BY_TPG + 1), -EINVAL);
	assert_int_equal(pgpolicy_group(fx.mpp, -1), -EINVAL);
	assert_string_equal(layout(), "50:sdb|50:sdd|10:sda|10:sdc|1:sde");
	assert_int_equal(fx.mpp->nextpg, 3);
}

/* marginal paths: grouped apart by the same policy, after every normal group */
static void test_marginal(void **state)
{
	(void)state;
	add_mixed();
	fx.mpp->paths.items[1]->marginal = true; /* sdb, priority 50 */
	fx.mpp->paths.items[2]->marginal = true; /* sdc, 10 */
	/* sdb is the highest-priority path, yet its group comes last */
	assert_layout(PGP_FAILOVER, "50:sdd|10:sda|1:sde|m50:sdb|m10:sdc");
	assert_layout(PGP_MULTIBUS, "20:sda,sdd,sde|m30:sdb,sdc");
	/* S1 {sda} 10, S2 {sde} 1, S3 {sdd} 50; marginal S2 {sdb}, S1 {sdc} */
	assert_layout(PGP_GROUP_BY_SERIAL, "50:sdd|10:sda|1:sde|m50:sdb|m10:sdc");
	assert_layout(PGP_GROUP_BY_PRIO, "50:sdd|10:sda|1:sde|m50:sdb|m10:sdc");
	/* nodeA {sda, sdd, sde} 20; marginal nodeB {sdb, sdc} 30 */
	assert_layout(PGP_GROUP_BY_NODE_NAME, "20:sda,sdd,sde|m30:sdb,sdc");
	/* group_by_tpg: a TPG split between normal and marginal paths */
	for (size_t i = 0; i < fx.mpp->paths.n; i++)
		fx.mpp->paths.items[i]->tpg_id = (int)i % 2;
	assert_layout(PGP_GROUP_BY_TPG, "50:sdd|5:sda,sde|m50:sdb|m10:sdc");
	/* every path marginal: only marginal groups, the first one is used */
	for (size_t i = 0; i < fx.mpp->paths.n; i++)
		fx.mpp->paths.items[i]->marginal = true;
	assert_layout(PGP_GROUP_BY_PRIO, "m50:sdb,sdd|m10:sda,sdc|m1:sde");
	/* the marks cleared: the usual groups again, none marginal */
	for (size_t i = 0; i < fx.mpp->paths.n; i++)
		fx.mpp->paths.items[i]->marginal = false;
	assert_layout(PGP_GROUP_BY_PRIO, "50:sdb,sdd|10:sda,sdc|1:sde");
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(pgpolicy_name(PGP_FAILOVER), "failover");
	assert_string_equal(pgpolicy_name(PGP_MULTIBUS), "multibus");
	assert_string_equal(pgpolicy_name(PGP_GROUP_BY_SERIAL), "group_by_serial");
	assert_string_equal(pgpolicy_name(PGP_GROUP_BY_PRIO), "group_by_prio");
	assert_string_equal(pgpolicy_name(PGP_GROUP_BY_NODE_NAME), "group_by_node_name");
	assert_string_equal(pgpolicy_name(PGP_GROUP_BY_TPG), "group_by_tpg");
	assert_string_equal(pgpolicy_name(0), "undef");
	assert_string_equal(pgpolicy_name(99), "undef");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_empty, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_failover, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_multibus, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_group_by_serial, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_group_by_prio, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_group_by_node_name, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_group_by_tpg, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_group_by_tpg_unknown, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_alua_prio, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_ties_stable, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_down_paths, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_regroup_and_errors, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_marginal, setup, teardown),
	    cmocka_unit_test(test_names),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	strbuf_release(&layout_sb);
	return rc;
}
