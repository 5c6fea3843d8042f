// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kernel's path events and io_err_stat, the daemon's side of it: a dm
 * PATH_FAILED is counted by io_err_stat, and a path it finds flaky is
 * failed in the kernel (held) or, with marginal_pathgroups on, marked
 * marginal and its map regrouped; a PATH_REINSTATED of a path that must
 * stay out is answered with fail_path. Also each path's io_err_stat
 * parameters (its map's io_err_* keywords), handed over again at
 * reconfigure. Runs on the dispatcher thread (a dm uevent, the first
 * set-up, reconfigure); the reinstate seam the checker honours is
 * path_reinstate_allowed() (checker.c).
 */
#include <stdio.h>

#include <urcu.h>

#include "daemon.h"
#include "devmapper.h"
#include "io_err_stat.h"
#include "policy.h"
#include "util/log.h"

void path_ies_params(const struct path *pp, struct ies_params *p)
{
	const struct multipath *mpp = pp->mpp;

	*p = (struct ies_params){
	    .sample_time = mpp ? mpp->io_err_sample_time : 0,
	    .rate_threshold = mpp ? mpp->io_err_rate_threshold : -1,
	    .recovery_time = mpp ? mpp->io_err_recovery_time : 0,
	    .double_failed_time = mpp ? mpp->io_err_double_failed_time : 0,
	    .io_timeout = pp->checker_timeout,
	};
}

/* Is pp the only path of its map that can carry IO now? */
static bool path_is_last_usable(const struct path *pp)
{
	for (size_t i = 0; i < pp->mpp->paths.n; i++) {
		const struct path *o = pp->mpp->paths.items[i];

		if (o != pp && path_state_usable(o->state) && o->dmstate != PSTATE_FAILED)
			return false;
	}
	return true;
}

/* marginal_pathgroups, read under RCU. */
static int marginal_pathgroups(struct daemon *d)
{
	int v;

	rcu_read_lock();
	v = rcu_dereference(d->conf)->defaults.marginal_pathgroups;
	rcu_read_unlock();
	return v;
}

/* marginal_pathgroups fpin needs FC fabric notifications (FPIN), which this
 * daemon does not receive: said once at the start and at each reconfigure. */
void pathevents_note_fpin(struct daemon *d)
{
	if (marginal_pathgroups(d) == MARGINAL_PG_FPIN)
		mp_log(2, "marginal_pathgroups fpin: FPIN notifications are not received, "
			  "treated as off (io_err_stat holds flaky paths out of service)");
}

/* A failure the kernel saw: io_err_stat counts it; a flaky path is failed
 * (it is held) unless it is the map's last usable one. With
 * marginal_pathgroups on it is marked marginal instead and its map
 * regrouped: it stays failed (held out) only until the regroup is loaded,
 * then the checker reinstates it in its marginal group. */
static int path_failed_event(struct daemon *d, struct path *pp, char *map, size_t size)
{
	struct ies_params p;
	char node[DEV_NAME_SIZE + 8];

	path_ies_params(pp, &p);
	if (!d->ies || !pp->mpp || !pp->dev[0] || !ies_params_enabled(&p))
		return IES_IGNORED;
	snprintf(node, sizeof(node), "/dev/%s", pp->dev);
	if (io_err_stat_path_failed(d->ies, pp->devt, node, &p, path_is_last_usable(pp)) !=
	    IES_FLAKY)
		return IES_COUNTED;
	if (policy_marginal_mark(true, marginal_pathgroups(d))) {
		pp->marginal = true;
		mp_log(2, "%s: %s: marginal: moved to a path group after the others",
		       pp->mpp->alias, pp->dev);
		dispatch_post(d, JOB_UPDATE_MAP, pp->wwid, false, 0);
		return IES_COUNTED;
	}
	pp->state = PATH_DELAYED;
	strlcpy_trunc(map, pp->mpp->alias, size);
	return IES_FLAKY;
}

/*
 * A path event of the kernel. The kernel sends the events of one dm event
 * batch in reverse order: a PATH_REINSTATED may arrive after the
 * PATH_FAILED that followed it. A path io_err_stat holds must stay failed,
 * so a reinstatement of a held path is answered with fail_path (a no-op
 * when the kernel has it failed already). Under path_msg_lock, which
 * orders this with the checker's reinstatements.
 */
void maps_dm_path_event(struct daemon *d, const char *devt, bool failed)
{
	char map[WWID_SIZE], msg[48];
	struct path *pp;
	bool fail = false;

	pthread_mutex_lock(&d->path_msg_lock);
	pthread_mutex_lock(&d->vecs.lock);
	pp = pathvec_find_devt(&d->vecs.paths, devt);
	if (pp) {
		bool was_active = pp->dmstate != PSTATE_FAILED;

		pp->dmstate = failed ? PSTATE_FAILED : PSTATE_ACTIVE;
		if (failed && pp->mpp && was_active)
			pp->mpp->path_faults++;
		if (failed)
			fail = path_failed_event(d, pp, map, sizeof(map)) == IES_FLAKY;
		else if (pp->mpp && !path_reinstate_allowed(d, pp)) {
			fail = true;
			strlcpy_trunc(map, pp->mpp->alias, sizeof(map));
			pp->dmstate = PSTATE_FAILED;
		}
		/* check it now: the kernel saw an error the checker may not have */
		if (!pp->admin_failed)
			pp->next_check = 0;
		/* and read the map's status at the next tick: the events of one
		 * batch come in reverse order, so the last one seen here (a
		 * PATH_REINSTATED) may not be the kernel's last word (the
		 * PATH_FAILED after it), and the dm events thread may have read
		 * the status before this event arrived */
		if (pp->mpp)
			pp->mpp->next_status = 0;
	}
	pthread_mutex_unlock(&d->vecs.lock);
	if (fail) {
		snprintf(msg, sizeof(msg), "fail_path %s", devt);
		if (devmapper_message(map, msg) < 0)
			mp_log(1, "%s: cannot fail held path %s", map, devt);
		else if (!failed)
			mp_log(2, "%s: path %s failed again: io_err_stat holds it", map, devt);
	}
	pthread_mutex_unlock(&d->path_msg_lock);
}

/* io_err_stat takes the new values from its next window; paths whose map
 * turned the feature off are released. */
void pathevents_refresh_params(struct daemon *d)
{
	struct ies_params p;

	pathevents_note_fpin(d);
	if (!d->ies)
		return;
	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; i < d->vecs.paths.n; i++) {
		const struct path *pp = d->vecs.paths.items[i];

		path_ies_params(pp, &p);
		io_err_stat_set_params(d->ies, pp->devt, &p);
	}
	pthread_mutex_unlock(&d->vecs.lock);
}
