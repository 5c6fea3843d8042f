// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * structs: which path states are usable, and the group priority that
 * counts only usable paths.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "structs.h"

/* Every enum path_state value, and whether it can carry IO. */
static const struct {
	enum path_state st;
	bool usable;
} usable_table[] = {
    {PATH_UNCHECKED, false}, {PATH_WILD, false},    {PATH_DOWN, false},	   {PATH_UP, true},
    {PATH_SHAKY, false},     {PATH_GHOST, true},    {PATH_PENDING, false}, {PATH_TIMEOUT, false},
    {PATH_REMOVED, false},   {PATH_DELAYED, false},
};

static void test_state_usable(void **state)
{
	size_t n = sizeof(usable_table) / sizeof(usable_table[0]);

	(void)state;
	/* the table covers the enum: PATH_DELAYED is its last value */
	assert_int_equal(n, PATH_DELAYED + 1);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(usable_table[i].st, i);
		if (path_state_usable(usable_table[i].st) != usable_table[i].usable)
			fail_msg("%s: usable should be %d", path_state_name(usable_table[i].st),
				 usable_table[i].usable);
	}
}

/* A group of paths with these priorities and states; returns its priority. */
static int group_prio(const int *prio, const enum path_state *st, size_t n)
{
	struct pathgroup *pg = pathgroup_new();
	struct path p[8];
	int res;

	assert_non_null(pg);
	assert_true(n <= 8);
	for (size_t i = 0; i < n; i++) {
		p[i] = (struct path){.priority = prio[i], .state = st[i]};
		assert_int_equal(pathvec_push(&pg->paths, &p[i]), 0);
	}
	pg->priority = -42;
	pathgroup_update_priority(pg);
	res = pg->priority;
	pathgroup_free(pg);
	return res;
}

#define GROUP_PRIO(prios, states) group_prio(prios, states, sizeof(prios) / sizeof(prios[0]))

static void test_group_priority(void **state)
{
	(void)state;
	assert_int_equal(group_prio(NULL, NULL, 0), 0);
	{
		/* only the up and ghost paths count: (10 + 30) / 2 */
		const int prio[] = {10, 50, 30, 70, 90, 110, 130, 150};
		const enum path_state st[] = {PATH_UP,	    PATH_DOWN,	   PATH_GHOST,
					      PATH_TIMEOUT, PATH_PENDING,  PATH_DELAYED,
					      PATH_WILD,    PATH_UNCHECKED};

		assert_int_equal(GROUP_PRIO(prio, st), 20);
	}
	{
		/* none usable: the average of all of them */
		const int prio[] = {10, 20, 30, 40};
		const enum path_state st[] = {PATH_TIMEOUT, PATH_PENDING, PATH_DELAYED, PATH_DOWN};

		assert_int_equal(GROUP_PRIO(prio, st), 25);
	}
	{
		/* a pending path with a high priority does not lift the group */
		const int prio[] = {1, 100};
		const enum path_state st[] = {PATH_UP, PATH_PENDING};

		assert_int_equal(GROUP_PRIO(prio, st), 1);
	}
	{
		/* undefined priorities count as 0 */
		const int prio[] = {PRIO_UNDEF, 9, 100};
		const enum path_state st[] = {PATH_UP, PATH_GHOST, PATH_TIMEOUT};

		assert_int_equal(GROUP_PRIO(prio, st), 4);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_state_usable),
	    cmocka_unit_test(test_group_priority),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
