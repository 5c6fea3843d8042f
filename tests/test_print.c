// SPDX-License-Identifier: GPL-2.0-or-later
/* The `multipath -ll` topology shape. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "print.h"

static struct path *mkpath(struct pathvec *pv, const char *dev, const char *devt, int host,
			   int prio)
{
	struct path *pp = path_new();

	assert_non_null(pp);
	strlcpy_trunc(pp->dev, dev, sizeof(pp->dev));
	strlcpy_trunc(pp->dev_t, devt, sizeof(pp->dev_t));
	pp->hbtl = (struct scsi_hbtl){host, 0, 0, 0};
	pp->priority = prio;
	pp->state = PATH_UP;
	pp->dmstate = PSTATE_ACTIVE;
	strlcpy_trunc(pp->dev_state, "running", sizeof(pp->dev_state));
	assert_int_equal(pathvec_push(pv, pp), 0);
	return pp;
}

static struct multipath *mkmap(struct pathvec *pv)
{
	struct multipath *mpp = map_new();

	assert_non_null(mpp);
	strlcpy_trunc(mpp->alias, "mpatha", sizeof(mpp->alias));
	strlcpy_trunc(mpp->wwid, "333333330000007d0", sizeof(mpp->wwid));
	strlcpy_trunc(mpp->vendor, "Linux", sizeof(mpp->vendor));
	strlcpy_trunc(mpp->product, "scsi_debug", sizeof(mpp->product));
	mpp->dm_minor = 0;
	mpp->size = 131072;
	mpp->features = strdup("0");
	mpp->hwhandler = strdup("1 alua");
	mpp->selector = strdup("service-time 0");
	for (size_t i = 0; i < pv->n; i++) {
		struct pathgroup *pg = pathgroup_new();

		assert_non_null(pg);
		assert_int_equal(pathvec_push(&mpp->paths, pv->items[i]), 0);
		assert_int_equal(pathvec_push(&pg->paths, pv->items[i]), 0);
		pathgroup_update_priority(pg);
		pg->status = i == 0 ? PGSTATE_ACTIVE : PGSTATE_ENABLED;
		assert_int_equal(pgvec_push(&mpp->pgs, pg), 0);
	}
	return mpp;
}

static void test_failover_shape(void **state)
{
	struct pathvec pv = {0};
	struct multipath *mpp;
	STRBUF_AUTO(out);

	(void)state;
	mkpath(&pv, "sda", "8:0", 0, 50);
	mkpath(&pv, "sdb", "8:16", 1, 10);
	mpp = mkmap(&pv);
	assert_int_equal(print_map_topology(mpp, NULL, true, &out), 0);
	assert_string_equal(strbuf_str(&out),
			    "mpatha (333333330000007d0) dm-0 Linux,scsi_debug\n"
			    "size=64M features='0' hwhandler='1 alua' wp=rw\n"
			    "|-+- policy='service-time 0' prio=50 status=active\n"
			    "| `- 0:0:0:0 sda 8:0  active ready running\n"
			    "`-+- policy='service-time 0' prio=10 status=enabled\n"
			    "  `- 1:0:0:0 sdb 8:16 active ready running\n");
	map_free(mpp);
	pathvec_free(&pv);
}

static void test_multibus_undef(void **state)
{
	struct pathvec pv = {0};
	struct multipath *mpp;
	struct pathgroup *pg;
	STRBUF_AUTO(out);

	(void)state;
	mkpath(&pv, "sdc", "8:32", 0, 50)->dmstate = PSTATE_FAILED;
	mkpath(&pv, "sdd", "8:48", 1, 10)->hbtl.host = -1;
	pv.items[1]->dev[0] = '\0';
	pv.items[1]->dev_state[0] = '\0';
	mpp = map_new();
	assert_non_null(mpp);
	strlcpy_trunc(mpp->alias, "3600a", sizeof(mpp->alias));
	strlcpy_trunc(mpp->wwid, "3600a", sizeof(mpp->wwid));
	mpp->size = 2 * 1024 * 1024 * 3 / 2; /* 1.5G */
	mpp->ro = true;
	pg = pathgroup_new();
	assert_non_null(pg);
	for (size_t i = 0; i < pv.n; i++) {
		assert_int_equal(pathvec_push(&mpp->paths, pv.items[i]), 0);
		assert_int_equal(pathvec_push(&pg->paths, pv.items[i]), 0);
	}
	assert_int_equal(pgvec_push(&mpp->pgs, pg), 0);
	/* -l style: no checker states; action prefix; undefined dm device */
	assert_int_equal(print_map_topology(mpp, "create", false, &out), 0);
	assert_string_equal(strbuf_str(&out), "create: 3600a undef ,\n"
					      "size=1.5G features='0' hwhandler='0' wp=ro\n"
					      "`-+- policy='' prio=0 status=undef\n"
					      "  |- 0:0:0:0 sdc 8:32 failed undef running\n"
					      "  `- #:#:#:# #   8:48 active undef unknown\n");
	map_free(mpp);
	pathvec_free(&pv);
}

static void test_size(void **state)
{
	static const struct {
		uint64_t sectors;
		const char *text;
	} cases[] = {
		{2, "1.0K"},	 {2048, "1.0M"},     {131072, "64M"},
		{3145728, "1.5G"}, {20971520, "10G"}, {2147483648ULL * 2, "2.0T"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		STRBUF_AUTO(out);

		assert_true(print_size(cases[i].sectors, &out) > 0);
		assert_string_equal(strbuf_str(&out), cases[i].text);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_failover_shape),
		cmocka_unit_test(test_multibus_undef),
		cmocka_unit_test(test_size),
	};

	return cmocka_run_group_tests_name("print", tests, NULL, NULL);
}
