/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The daemon's decisions as pure functions: what to tell the kernel about a
 * path after a check, how often to check it, when to stop queueing, which
 * path group to switch to. No IO, no locks, no clock: the caller passes
 * "now" (CLOCK_MONOTONIC seconds) and applies the result. Unit-tested as
 * tables in tests/test_policy.c.
 */
#ifndef MPATHD_POLICY_H
#define MPATHD_POLICY_H

#include <stdbool.h>

#include "structs.h"

enum path_action {
	PA_NONE,
	PA_FAIL,      /* "fail_path DEVT" */
	PA_REINSTATE, /* "reinstate_path DEVT" */
};

/*
 * A check gave verdict chk for a path the kernel holds in state dm.
 * reinstate_ok: the reinstate seam (io_err_stat) lets the path back.
 * Returns the dm action and sets *shown, the state to display:
 *   UP/GHOST     reinstated when the kernel failed it; with !reinstate_ok
 *                shown DELAYED and failed in the kernel if it is active
 *   DOWN/TIMEOUT failed when the kernel holds it active
 *   others       (PENDING, WILD, UNCHECKED, ...) no action
 */
enum path_action policy_path_action(enum path_state chk, enum dm_path_state dm,
				    bool reinstate_ok, enum path_state *shown);

/*
 * The next check interval: back to poll (polling_interval) when the verdict
 * changed or the path is not usable, else doubled up to max_poll.
 */
int policy_check_interval(int cur, bool changed, bool usable, int poll, int max_poll);

/*
 * Is a path's priority asked again at this verdict (state before -> shown,
 * which is usable)? ALUA states change while a path stays usable (optimized
 * <-> non-optimized), and an ask blocks the checker, so it is rationed: at
 * most every max_poll seconds (*next, the second the next ask is due, is
 * advanced when one is made); at once when the verdict moved between UP and
 * GHOST (a port going to or from standby); not at a path's first verdict
 * (discovery has just asked: *next is set). A path that came back to
 * service is the caller's (it is asked at once).
 */
bool policy_prio_due(enum path_state before, enum path_state shown, long now, int max_poll,
		     long *next);

enum queue_action {
	QA_NONE,
	QA_STOP,    /* "fail_if_no_path": no_path_retry ran out */
	QA_RESTORE, /* "queue_if_no_path": a path came back after QA_STOP */
};

/*
 * no_path_retry for a map with usable paths (count) at second now, polling
 * interval poll. For N > 0: the first time no path is usable, a deadline
 * now + N * poll is set in *deadline; when it passes, QA_STOP and *stopped.
 * A usable path clears the deadline and, when *stopped, QA_RESTORE.
 * "queue" and "fail" never stop or restore (the table decides).
 */
enum queue_action policy_no_path_retry(int no_path_retry, int usable, int poll, long now,
				       long *deadline, bool *stopped);

/*
 * The path group (1-based) the map should use: the one with the highest
 * priority among those with a usable path (the first of equals), 0 when no
 * group has one. A marginal group (pg->marginal) is chosen only when no
 * normal group has a usable path, whatever its priority. Group priorities
 * must be up to date.
 */
int policy_best_group(const struct multipath *mpp);

/* The group the kernel uses now (status A; else, before any IO, the next
 * group from the status; else the first E), 1-based, 0 when unknown. */
int policy_active_group(const struct multipath *mpp);

/*
 * Should the map switch to group best now? failback is the keyword's value
 * (FAILBACK_MANUAL / IMMEDIATE / FOLLOWOVER, or N seconds). returned: a
 * path of group best came back in this check round (for followover).
 * Deferred failback sets *deadline (now + N) and switches when it passes;
 * it is cleared when no switch is wanted.
 */
bool policy_failback(int failback, int active, int best, bool returned, long now,
		     long *deadline);

/*
 * marginal_pathgroups (MARGINAL_PG_*): is a path that io_err_stat holds
 * (held) marked marginal, i.e. grouped apart after the normal groups and
 * left in service, instead of failed in the kernel? Only with "on": "fpin"
 * needs FC fabric notifications this daemon does not receive, so it is
 * treated as off.
 */
bool policy_marginal_mark(bool held, int marginal_pathgroups);

/*
 * Must a path stay out of service (failed in the kernel, its reinstatement
 * refused)? held: io_err_stat holds it; marked: its marginal mark;
 * in_marginal_pg: the map's loaded table has it in a marginal group. A
 * held path is in service only when it is marked and already sits in a
 * marginal group (until the regroup is loaded it stays out); a path not
 * held is never kept out by io_err_stat.
 */
bool policy_path_held_out(bool held, bool marked, bool in_marginal_pg);

enum ghost_verdict {
	GHOST_CREATE,  /* create the map now: ghost_delay off, or an active path */
	GHOST_WAIT,    /* every path is a ghost: put the creation off */
	GHOST_EXPIRED, /* every path is a ghost, but ghost_delay ran out: create */
};

/*
 * ghost_delay for map mpp, which has no dm device yet (built from the known
 * paths, ghost_delay selected). A path is a ghost when its checker said
 * GHOST, or, before its first verdict, when the kernel's ALUA state said
 * standby or unavailable as it was found (path->found_standby). While
 * mpp->ghost_delay > 0 and every path of the map is a ghost, the map waits
 * until since + ghost_delay (since: the second its wait began, now for a
 * new one): GHOST_WAIT with *until set (> now). A map without paths is
 * GHOST_CREATE (its caller has nothing to create).
 */
enum ghost_verdict policy_ghost_delay(const struct multipath *mpp, long since, long now,
				      long *until);

#endif
