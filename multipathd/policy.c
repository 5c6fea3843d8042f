// SPDX-License-Identifier: GPL-2.0-or-later
#include "config/keywords.h"
#include "policy.h"

enum path_action policy_path_action(enum path_state chk, enum dm_path_state dm,
				    bool reinstate_ok, enum path_state *shown)
{
	*shown = chk;
	switch (chk) {
	case PATH_UP:
	case PATH_GHOST:
		if (!reinstate_ok) {
			*shown = PATH_DELAYED;
			return dm == PSTATE_ACTIVE ? PA_FAIL : PA_NONE;
		}
		return dm == PSTATE_FAILED ? PA_REINSTATE : PA_NONE;
	case PATH_DOWN:
	case PATH_TIMEOUT:
		return dm == PSTATE_ACTIVE ? PA_FAIL : PA_NONE;
	default:
		return PA_NONE;
	}
}

int policy_check_interval(int cur, bool changed, bool usable, int poll, int max_poll)
{
	if (poll < 1)
		poll = 1;
	if (max_poll < poll)
		max_poll = poll;
	if (changed || !usable || cur < poll)
		return poll;
	return cur > max_poll / 2 ? max_poll : cur * 2;
}

bool policy_prio_due(enum path_state before, enum path_state shown, long now, int max_poll,
		     long *next)
{
	bool due = before != PATH_UNCHECKED && (shown != before || now >= *next);

	if (!path_state_usable(shown))
		return false;
	if (due || before == PATH_UNCHECKED)
		*next = now + max_poll;
	return due;
}

enum queue_action policy_no_path_retry(int no_path_retry, int usable, int poll, long now,
				       long *deadline, bool *stopped)
{
	if (usable > 0) {
		*deadline = 0;
		if (*stopped) {
			*stopped = false;
			return QA_RESTORE;
		}
		return QA_NONE;
	}
	if (no_path_retry <= 0 || *stopped)
		return QA_NONE;
	if (*deadline == 0) {
		*deadline = now + (long)no_path_retry * (poll < 1 ? 1 : poll);
		return QA_NONE;
	}
	if (now < *deadline)
		return QA_NONE;
	*deadline = 0;
	*stopped = true;
	return QA_STOP;
}

static bool group_usable(const struct pathgroup *pg)
{
	for (size_t i = 0; i < pg->paths.n; i++) {
		const struct path *pp = pg->paths.items[i];

		if (path_state_usable(pp->state) && pp->dmstate != PSTATE_FAILED)
			return true;
	}
	return false;
}

int policy_best_group(const struct multipath *mpp)
{
	int best = 0, best_prio = 0;
	bool best_marginal = false;

	for (size_t g = 0; g < mpp->pgs.n; g++) {
		const struct pathgroup *pg = mpp->pgs.items[g];
		/* a normal group beats any marginal one */
		bool better = best == 0 || (best_marginal && !pg->marginal) ||
			      (best_marginal == pg->marginal && pg->priority > best_prio);

		if (group_usable(pg) && better) {
			best = (int)g + 1;
			best_prio = pg->priority;
			best_marginal = pg->marginal;
		}
	}
	return best;
}

int policy_active_group(const struct multipath *mpp)
{
	int enabled = 0;

	for (size_t g = 0; g < mpp->pgs.n; g++) {
		if (mpp->pgs.items[g]->status == PGSTATE_ACTIVE)
			return (int)g + 1;
		if (!enabled && mpp->pgs.items[g]->status == PGSTATE_ENABLED)
			enabled = (int)g + 1;
	}
	/* no group active (no IO since a switch): the one the kernel uses next */
	if (mpp->nextpg > 0 && (size_t)mpp->nextpg <= mpp->pgs.n)
		return mpp->nextpg;
	return enabled;
}

bool policy_failback(int failback, int active, int best, bool returned, long now,
		     long *deadline)
{
	if (best == 0 || best == active || failback == FAILBACK_MANUAL) {
		*deadline = 0;
		return false;
	}
	if (failback == FAILBACK_IMMEDIATE)
		return true;
	if (failback == FAILBACK_FOLLOWOVER)
		return returned;
	if (failback <= 0)
		return false;
	if (*deadline == 0) {
		*deadline = now + failback;
		return false;
	}
	if (now < *deadline)
		return false;
	*deadline = 0;
	return true;
}

bool policy_marginal_mark(bool held, int marginal_pathgroups)
{
	return held && marginal_pathgroups == MARGINAL_PG_ON;
}

bool policy_path_held_out(bool held, bool marked, bool in_marginal_pg)
{
	return held && !(marked && in_marginal_pg);
}

/* A path that cannot take IO before a group switch (see policy.h). */
static bool path_is_ghost(const struct path *pp)
{
	if (pp->chk_state != PATH_UNCHECKED)
		return pp->chk_state == PATH_GHOST;
	return pp->found_standby;
}

enum ghost_verdict policy_ghost_delay(const struct multipath *mpp, long since, long now,
				      long *until)
{
	if (mpp->ghost_delay <= 0 || mpp->paths.n == 0)
		return GHOST_CREATE;
	for (size_t i = 0; i < mpp->paths.n; i++)
		if (!path_is_ghost(mpp->paths.items[i]))
			return GHOST_CREATE;
	if (now >= since + mpp->ghost_delay)
		return GHOST_EXPIRED;
	*until = since + mpp->ghost_delay;
	return GHOST_WAIT;
}
