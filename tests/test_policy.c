// SPDX-License-Identifier: GPL-2.0-or-later
/* multipathd's decisions (multipathd/policy.c) as tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>

#include "../multipathd/policy.h"
#include "config/keywords.h"

/* checker verdict x kernel state x reinstate seam -> dm action, shown state */
static void test_path_action_table(void **state)
{
	static const struct {
		enum path_state chk;
		enum dm_path_state dm;
		bool ok;
		enum path_action act;
		enum path_state shown;
	} t[] = {
		{PATH_UP, PSTATE_ACTIVE, true, PA_NONE, PATH_UP},
		{PATH_UP, PSTATE_FAILED, true, PA_REINSTATE, PATH_UP},
		{PATH_UP, PSTATE_UNDEF, true, PA_NONE, PATH_UP},
		{PATH_UP, PSTATE_ACTIVE, false, PA_FAIL, PATH_DELAYED},
		{PATH_UP, PSTATE_FAILED, false, PA_NONE, PATH_DELAYED},
		{PATH_GHOST, PSTATE_FAILED, true, PA_REINSTATE, PATH_GHOST},
		{PATH_GHOST, PSTATE_ACTIVE, true, PA_NONE, PATH_GHOST},
		{PATH_GHOST, PSTATE_ACTIVE, false, PA_FAIL, PATH_DELAYED},
		{PATH_DOWN, PSTATE_ACTIVE, true, PA_FAIL, PATH_DOWN},
		{PATH_DOWN, PSTATE_FAILED, true, PA_NONE, PATH_DOWN},
		{PATH_DOWN, PSTATE_ACTIVE, false, PA_FAIL, PATH_DOWN},
		{PATH_TIMEOUT, PSTATE_ACTIVE, true, PA_FAIL, PATH_TIMEOUT},
		{PATH_TIMEOUT, PSTATE_FAILED, true, PA_NONE, PATH_TIMEOUT},
		{PATH_PENDING, PSTATE_ACTIVE, true, PA_NONE, PATH_PENDING},
		{PATH_PENDING, PSTATE_FAILED, true, PA_NONE, PATH_PENDING},
		{PATH_WILD, PSTATE_ACTIVE, true, PA_NONE, PATH_WILD},
		{PATH_WILD, PSTATE_FAILED, true, PA_NONE, PATH_WILD},
		{PATH_UNCHECKED, PSTATE_FAILED, true, PA_NONE, PATH_UNCHECKED},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		enum path_state shown = PATH_REMOVED;
		enum path_action act = policy_path_action(t[i].chk, t[i].dm, t[i].ok, &shown);

		if (act != t[i].act || shown != t[i].shown)
			fail_msg("row %zu: %s dm=%d ok=%d: action %d shown %s, want %d %s", i,
				 path_state_name(t[i].chk), t[i].dm, t[i].ok, act,
				 path_state_name(shown), t[i].act, path_state_name(t[i].shown));
	}
}

/* Healthy paths back off 5 -> 10 -> 20 (max), a change resets. */
static void test_check_interval(void **state)
{
	(void)state;
	assert_int_equal(policy_check_interval(5, false, true, 5, 20), 10);
	assert_int_equal(policy_check_interval(10, false, true, 5, 20), 20);
	assert_int_equal(policy_check_interval(20, false, true, 5, 20), 20);
	assert_int_equal(policy_check_interval(15, false, true, 5, 20), 20);
	assert_int_equal(policy_check_interval(20, true, true, 5, 20), 5);
	assert_int_equal(policy_check_interval(20, false, false, 5, 20), 5);
	assert_int_equal(policy_check_interval(0, false, true, 5, 20), 5);
	/* max below poll, poll 0: both sane */
	assert_int_equal(policy_check_interval(5, false, true, 5, 1), 5);
	assert_int_equal(policy_check_interval(1, false, true, 0, 0), 1);
}

/* Priorities of usable paths are asked again every max_poll seconds, at once
 * on UP <-> GHOST, never at the first verdict or for an unusable path. */
static void test_prio_due(void **state)
{
	static const struct {
		enum path_state before, shown;
		long now, next;
		bool due;
		long next_after;
	} t[] = {
		{PATH_UNCHECKED, PATH_UP, 100, 0, false, 120}, /* discovery asked */
		{PATH_UNCHECKED, PATH_DOWN, 100, 0, false, 0}, /* not usable */
		{PATH_UP, PATH_UP, 100, 120, false, 120}, /* not yet */
		{PATH_UP, PATH_UP, 120, 120, true, 140}, /* due: an ALUA state may have changed */
		{PATH_GHOST, PATH_GHOST, 130, 120, true, 150},
		{PATH_UP, PATH_GHOST, 100, 120, true, 120}, /* standby: at once */
		{PATH_GHOST, PATH_UP, 101, 130, true, 121},
		{PATH_UP, PATH_DOWN, 130, 120, false, 120}, /* not usable: nothing asked */
		{PATH_UP, PATH_DELAYED, 130, 120, false, 120}, /* held by io_err_stat */
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		long next = t[i].next;
		bool due = policy_prio_due(t[i].before, t[i].shown, t[i].now, 20, &next);

		if (due != t[i].due || next != t[i].next_after)
			fail_msg("row %zu: %s -> %s at %ld: due %d next %ld, want %d %ld", i,
				 path_state_name(t[i].before), path_state_name(t[i].shown),
				 t[i].now, due, next, t[i].due, t[i].next_after);
	}
}

static void test_no_path_retry_n(void **state)
{
	long deadline = 0;
	bool stopped = false;

	(void)state;
	/* 3 checks of 5 s: queueing stops 15 s after the last path went */
	assert_int_equal(policy_no_path_retry(3, 0, 5, 100, &deadline, &stopped), QA_NONE);
	assert_int_equal(deadline, 115);
	assert_int_equal(policy_no_path_retry(3, 0, 5, 114, &deadline, &stopped), QA_NONE);
	assert_int_equal(policy_no_path_retry(3, 0, 5, 115, &deadline, &stopped), QA_STOP);
	assert_true(stopped);
	assert_int_equal(policy_no_path_retry(3, 0, 5, 130, &deadline, &stopped), QA_NONE);
	/* a path returns: queueing restored once */
	assert_int_equal(policy_no_path_retry(3, 1, 5, 131, &deadline, &stopped), QA_RESTORE);
	assert_false(stopped);
	assert_int_equal(policy_no_path_retry(3, 1, 5, 132, &deadline, &stopped), QA_NONE);
	/* a path back before the deadline clears it */
	assert_int_equal(policy_no_path_retry(3, 0, 5, 200, &deadline, &stopped), QA_NONE);
	assert_int_equal(policy_no_path_retry(3, 2, 5, 201, &deadline, &stopped), QA_NONE);
	assert_int_equal(deadline, 0);
	assert_int_equal(policy_no_path_retry(3, 0, 5, 202, &deadline, &stopped), QA_NONE);
	assert_int_equal(deadline, 217);
}

static void test_no_path_retry_queue_fail(void **state)
{
	long deadline = 0;
	bool stopped = false;

	(void)state;
	for (long now = 0; now < 1000; now += 100) {
		assert_int_equal(policy_no_path_retry(NO_PATH_RETRY_QUEUE, 0, 5, now, &deadline,
						      &stopped),
				 QA_NONE);
		assert_int_equal(policy_no_path_retry(NO_PATH_RETRY_FAIL, 0, 5, now, &deadline,
						      &stopped),
				 QA_NONE);
	}
	assert_false(stopped);
}

static struct path paths[4];
static struct pathgroup groups[2];
static struct path *g1[2] = {&paths[0], &paths[1]}, *g2[2] = {&paths[2], &paths[3]};

/* Two groups: 1 (prio p1, paths 0-1), 2 (prio p2, paths 2-3). */
static struct multipath *two_groups(int p1, int p2, enum pg_state s1, enum pg_state s2)
{
	static struct pathgroup *pgs[2] = {&groups[0], &groups[1]};
	static struct multipath mpp;

	for (int i = 0; i < 4; i++) {
		paths[i].state = PATH_UP;
		paths[i].dmstate = PSTATE_ACTIVE;
	}
	groups[0] = (struct pathgroup){.paths = {g1, 2, 2}, .priority = p1, .status = s1};
	groups[1] = (struct pathgroup){.paths = {g2, 2, 2}, .priority = p2, .status = s2};
	mpp = (struct multipath){.pgs = {pgs, 2, 2}};
	return &mpp;
}

static void test_best_active_group(void **state)
{
	struct multipath *m;

	(void)state;
	m = two_groups(10, 50, PGSTATE_ACTIVE, PGSTATE_ENABLED);
	assert_int_equal(policy_best_group(m), 2);
	assert_int_equal(policy_active_group(m), 1);
	/* group 2 has no usable path: 1 is best */
	paths[2].state = PATH_DOWN;
	paths[3].state = PATH_TIMEOUT;
	assert_int_equal(policy_best_group(m), 1);
	/* a path failed in the kernel does not count either */
	paths[2].state = PATH_UP;
	paths[2].dmstate = PSTATE_FAILED;
	assert_int_equal(policy_best_group(m), 1);
	/* nothing usable */
	for (int i = 0; i < 4; i++)
		paths[i].state = PATH_DELAYED;
	assert_int_equal(policy_best_group(m), 0);
	/* equal priorities: the first */
	m = two_groups(50, 50, PGSTATE_ENABLED, PGSTATE_ENABLED);
	assert_int_equal(policy_best_group(m), 1);
	assert_int_equal(policy_active_group(m), 1);
	m = two_groups(50, 50, PGSTATE_DISABLED, PGSTATE_UNDEF);
	assert_int_equal(policy_active_group(m), 0);
}

/* marginal groups: chosen only when no normal group has a usable path */
static void test_best_group_marginal(void **state)
{
	static struct pathgroup g3;
	static struct path p4, *g3p[1] = {&p4};
	static struct pathgroup *pgs[3] = {&groups[0], &groups[1], &g3};
	struct multipath *m;

	(void)state;
	/* group 1 marginal with the higher priority: 2 is best */
	m = two_groups(50, 10, PGSTATE_ENABLED, PGSTATE_ACTIVE);
	groups[0].marginal = true;
	assert_int_equal(policy_best_group(m), 2);
	/* group 2's paths fail: the marginal group is better than none */
	paths[2].state = PATH_DOWN;
	paths[3].dmstate = PSTATE_FAILED;
	assert_int_equal(policy_best_group(m), 1);
	/* and back */
	paths[2].state = PATH_UP;
	assert_int_equal(policy_best_group(m), 2);
	/* both marginal: the usual priority order among them */
	groups[1].marginal = true;
	assert_int_equal(policy_best_group(m), 1);
	/* a third, normal group of the lowest priority wins over both */
	p4 = (struct path){.state = PATH_GHOST, .dmstate = PSTATE_ACTIVE};
	g3 = (struct pathgroup){.paths = {g3p, 1, 1}, .priority = 1, .status = PGSTATE_ENABLED};
	m->pgs = (struct pgvec){pgs, 3, 3};
	assert_int_equal(policy_best_group(m), 3);
	p4.state = PATH_DOWN;
	assert_int_equal(policy_best_group(m), 1);
	groups[0].marginal = groups[1].marginal = false;
}

/* marginal_pathgroups: mark a held path, and whether it stays out of service */
static void test_marginal_decisions(void **state)
{
	static const struct {
		bool held;
		int mpg;
		bool mark;
	} marks[] = {
	    {false, MARGINAL_PG_OFF, false},  {false, MARGINAL_PG_ON, false},
	    {false, MARGINAL_PG_FPIN, false}, {true, MARGINAL_PG_OFF, false},
	    {true, MARGINAL_PG_ON, true},     {true, MARGINAL_PG_FPIN, false}, /* as off */
	};
	static const struct {
		bool held, marked, in_mpg, out;
	} outs[] = {
	    /* not held: never kept out, wherever it sits */
	    {false, false, false, false},
	    {false, true, true, false},
	    {false, false, true, false},
	    {false, true, false, false},
	    /* held: out (failed), as without marginal groups */
	    {true, false, false, true},
	    /* marked, but the regroup is not loaded yet */
	    {true, true, false, true},
	    /* still in a marginal group, the mark cleared (turned off) */
	    {true, false, true, true},
	    /* marked and in its marginal group: in service */
	    {true, true, true, false},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (policy_marginal_mark(marks[i].held, marks[i].mpg) != marks[i].mark)
			fail_msg("mark row %zu", i);
	for (size_t i = 0; i < sizeof(outs) / sizeof(outs[0]); i++)
		if (policy_path_held_out(outs[i].held, outs[i].marked, outs[i].in_mpg) !=
		    outs[i].out)
			fail_msg("held_out row %zu", i);
}

static void test_failback(void **state)
{
	long dl = 0;

	(void)state;
	assert_true(policy_failback(FAILBACK_IMMEDIATE, 1, 2, false, 10, &dl));
	assert_false(policy_failback(FAILBACK_IMMEDIATE, 2, 2, false, 10, &dl));
	assert_false(policy_failback(FAILBACK_IMMEDIATE, 1, 0, false, 10, &dl));
	assert_false(policy_failback(FAILBACK_MANUAL, 1, 2, true, 10, &dl));
	assert_false(policy_failback(FAILBACK_FOLLOWOVER, 1, 2, false, 10, &dl));
	assert_true(policy_failback(FAILBACK_FOLLOWOVER, 1, 2, true, 10, &dl));
	/* deferred 30 s */
	assert_false(policy_failback(30, 1, 2, false, 100, &dl));
	assert_int_equal(dl, 130);
	assert_false(policy_failback(30, 1, 2, false, 129, &dl));
	assert_true(policy_failback(30, 1, 2, false, 130, &dl));
	assert_int_equal(dl, 0);
	/* the wish goes away: the deadline too */
	assert_false(policy_failback(30, 1, 2, false, 200, &dl));
	assert_false(policy_failback(30, 2, 2, false, 201, &dl));
	assert_int_equal(dl, 0);
}

/* ghost_delay: a map of two paths, each standby at discovery or not, and
 * its checker's verdict (UNCHECKED: none yet) */
static void test_ghost_delay(void **state)
{
	static const struct {
		int delay;
		bool sb0, sb1;
		enum path_state chk0, chk1;
		long since, now;
		enum ghost_verdict v;
		long until;
	} t[] = {
		/* both standby, a new wait: until since + delay */
		{10, true, true, PATH_UNCHECKED, PATH_UNCHECKED, 100, 100, GHOST_WAIT, 110},
		{10, true, true, PATH_UNCHECKED, PATH_UNCHECKED, 100, 109, GHOST_WAIT, 110},
		/* the delay ran out */
		{10, true, true, PATH_UNCHECKED, PATH_UNCHECKED, 100, 110, GHOST_EXPIRED, 0},
		{10, true, true, PATH_UNCHECKED, PATH_UNCHECKED, 100, 500, GHOST_EXPIRED, 0},
		/* ghost_delay off ("no" is 0) */
		{0, true, true, PATH_UNCHECKED, PATH_UNCHECKED, 100, 100, GHOST_CREATE, 0},
		/* an active path: at once, also during a wait */
		{10, true, false, PATH_UNCHECKED, PATH_UNCHECKED, 100, 100, GHOST_CREATE, 0},
		{10, false, true, PATH_UNCHECKED, PATH_UNCHECKED, 100, 105, GHOST_CREATE, 0},
		/* a checker's verdict wins over the state at discovery */
		{10, true, true, PATH_UP, PATH_UNCHECKED, 100, 100, GHOST_CREATE, 0},
		{10, false, false, PATH_GHOST, PATH_GHOST, 100, 100, GHOST_WAIT, 110},
		{10, true, false, PATH_UNCHECKED, PATH_GHOST, 100, 101, GHOST_WAIT, 110},
		/* a path known down is not standby: all paths are not ghosts */
		{10, true, true, PATH_DOWN, PATH_UNCHECKED, 100, 100, GHOST_CREATE, 0},
		/* reconfigured to a shorter delay during a wait: counted from its start */
		{5, true, true, PATH_UNCHECKED, PATH_UNCHECKED, 100, 104, GHOST_WAIT, 105},
		{5, true, true, PATH_UNCHECKED, PATH_UNCHECKED, 100, 106, GHOST_EXPIRED, 0},
	};
	struct path p[2] = {0};
	struct path *pv[2] = {&p[0], &p[1]};
	struct multipath m = {.paths = {pv, 2, 2}};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		long until = 0;
		enum ghost_verdict v;

		m.ghost_delay = t[i].delay;
		p[0] = (struct path){.found_standby = t[i].sb0, .chk_state = t[i].chk0};
		p[1] = (struct path){.found_standby = t[i].sb1, .chk_state = t[i].chk1};
		v = policy_ghost_delay(&m, t[i].since, t[i].now, &until);
		if (v != t[i].v || until != t[i].until)
			fail_msg("row %zu: verdict %d until %ld, want %d %ld", i, v, until, t[i].v,
				 t[i].until);
	}
	/* no path: nothing to wait for */
	m.paths.n = 0;
	m.ghost_delay = 10;
	assert_int_equal(policy_ghost_delay(&m, 100, 100, &(long){0}), GHOST_CREATE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_path_action_table),
	    cmocka_unit_test(test_check_interval),
	    cmocka_unit_test(test_prio_due),
	    cmocka_unit_test(test_no_path_retry_n),
	    cmocka_unit_test(test_no_path_retry_queue_fail),
	    cmocka_unit_test(test_best_active_group),
	    cmocka_unit_test(test_best_group_marginal),
	    cmocka_unit_test(test_marginal_decisions),
	    cmocka_unit_test(test_failback),
	    cmocka_unit_test(test_ghost_delay),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
