// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The dispatcher's structural work: the first set-up, paths coming and
 * going, map updates, reconfigure. Runs on the dispatcher thread only (but
 * the map updates of the set-up and a reconfigure, which run on a few
 * threads the dispatcher waits for: see update_wwids()), so pointers to
 * paths and maps stay valid across its own unlocks (nobody else frees them);
 * other threads see every change under vecs.lock.
 *
 * A map update rebuilds the map of one WWID from the paths the daemon knows
 * (configure_build_maps() without IO), plans the table change under the
 * lock, executes it unlocked, and swaps the new map object in under the lock,
 * keeping the daemon's per-map state. Path objects are never rebuilt: their
 * checkers and states survive every update and reconfigure.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libudev.h>
#include <urcu.h>

#include "blacklist.h"
#include "checkers/checkers.h"
#include "configure.h"
#include "daemon.h"
#include "devmapper.h"
#include "discovery.h"
#include "io_err_stat.h"
#include "dmparser.h"
#include "path_wwid.h"
#include "policy.h"
#include "prflag.h"
#include "prioritizers/prio.h"
#include "sysfs.h"
#include "util/log.h"
#include "util/parallel.h"
#include "wwids.h"

/* Remove pp from the map's path list and groups (not from the kernel). */
static void map_drop_path(struct multipath *mpp, const struct path *pp)
{
	for (size_t i = mpp->paths.n; i-- > 0;)
		if (mpp->paths.items[i] == pp)
			pathvec_remove(&mpp->paths, i);
	for (size_t g = 0; g < mpp->pgs.n; g++) {
		struct pathgroup *pg = mpp->pgs.items[g];

		for (size_t i = pg->paths.n; i-- > 0;)
			if (pg->paths.items[i] == pp)
				pathvec_remove(&pg->paths, i);
	}
}

static size_t map_index(const struct mapvec *mv, const struct multipath *mpp)
{
	for (size_t i = 0; i < mv->n; i++)
		if (mv->items[i] == mpp)
			return i;
	return mv->n;
}

/*
 * The map the known paths of wwid make now, or NULL (none, or
 * find_multipaths refuses). Under vecs.lock. The paths' mpp pointers are
 * left as they were: the new map is not published yet.
 */
static struct multipath *build_wanted(struct daemon *d, const struct config *conf,
				      const char *wwid)
{
	struct pathvec tmp = {0};
	struct mapvec mv = {0};
	struct multipath **saved = NULL;
	struct multipath *nm = NULL;

	for (size_t i = 0; i < d->vecs.paths.n; i++) {
		struct path *pp = d->vecs.paths.items[i];

		if (!strcmp(pp->wwid, wwid) && pathvec_push(&tmp, pp) < 0)
			goto out;
	}
	if (tmp.n == 0)
		goto out;
	saved = calloc(tmp.n, sizeof(*saved));
	if (!saved)
		goto out;
	for (size_t i = 0; i < tmp.n; i++) {
		saved[i] = tmp.items[i]->mpp;
		tmp.items[i]->mpp = NULL;
	}
	/* the names live maps hold stay theirs */
	struct build_opts bo = {.live = &d->vecs.maps};

	if (configure_build_maps_opts(conf, &tmp, &bo, &mv) > 0) {
		nm = mv.items[0];
		mv.n = 0;
	}
	for (size_t i = 0; i < tmp.n; i++)
		tmp.items[i]->mpp = saved[i];
	mapvec_free(&mv);
out:
	free(saved);
	pathvec_release(&tmp);
	return nm;
}

/* Carry the daemon's state of a map over to its rebuilt object. */
static void map_carry_state(struct multipath *nm, const struct multipath *cur)
{
	nm->dm_minor = cur->dm_minor;
	nm->retry_deadline = cur->retry_deadline;
	nm->queue_stopped = cur->queue_stopped;
	nm->queue_disabled = cur->queue_disabled;
	nm->failback_deadline = cur->failback_deadline;
	nm->path_faults = cur->path_faults;
	nm->switch_groups = cur->switch_groups;
	nm->map_loads = cur->map_loads;
	nm->total_q_time = cur->total_q_time;
	nm->q_timeouts = cur->q_timeouts;
	nm->map_failures = cur->map_failures;
	nm->q_time_mark = cur->q_time_mark;
	nm->had_usable = cur->had_usable;
	nm->suspended = cur->suspended;
	nm->remove_deferred = cur->remove_deferred && !nm->paths.n;
	nm->regroup_put_off = cur->regroup_put_off;
	memcpy(nm->action, cur->action, sizeof(nm->action));
	for (size_t g = 0; g < nm->pgs.n && g < cur->pgs.n; g++)
		nm->pgs.items[g]->status = cur->pgs.items[g]->status;
}

/* Publish nm in place of cur (NULL: a new map). Under vecs.lock. */
static void map_publish(struct daemon *d, struct multipath *nm, struct multipath *cur)
{
	size_t i = cur ? map_index(&d->vecs.maps, cur) : d->vecs.maps.n;

	if (cur) {
		for (size_t k = 0; k < cur->paths.n; k++)
			if (cur->paths.items[k]->mpp == cur)
				cur->paths.items[k]->mpp = NULL;
		d->vecs.maps.items[i] = nm;
		map_free(cur);
	} else if (mapvec_push(&d->vecs.maps, nm) < 0) {
		map_free(nm);
		return;
	}
	for (size_t k = 0; k < nm->paths.n; k++)
		nm->paths.items[k]->mpp = nm;
	nm->next_status = 0; /* the checker reads the new status at its next tick */
}

/*
 * A reload/create of a map may take a udev wait: no lock held here. A create
 * that finds the map made meanwhile by someone else (`multipath` run by
 * hand) takes that map over; *act is what it took.
 */
static int map_exec(struct daemon *d, struct map_plan *plan, struct multipath *nm,
		    enum map_action *act)
{
	int rc;

	rcu_read_lock();
	*act = plan->act;
	rc = configure_exec_plan(rcu_dereference(d->conf), plan, &nm->dm_minor);
	if (plan->act == ACT_CREATE && (rc == -EBUSY || rc == -EEXIST))
		rc = configure_take_over(rcu_dereference(d->conf), nm, false, act);
	rcu_read_unlock();
	return rc;
}

/*
 * A new table has every path active in the kernel: the paths that must stay
 * out (checker down, held by io_err_stat, failed by command) are failed
 * again. Their devts go to *fail. Under vecs.lock.
 */
static void after_load(struct daemon *d, struct multipath *mpp, struct strvec *fail)
{
	for (size_t i = 0; i < mpp->paths.n; i++) {
		struct path *pp = mpp->paths.items[i];
		bool held = path_held_out(d, mpp, pp), out;

		/* a held path now in service in its marginal group
		 * (marginal_pathgroups) is what its checker says */
		if (!held && pp->marginal && pp->state == PATH_DELAYED)
			pp->state = pp->chk_state;
		out = pp->admin_failed || held ||
		      (pp->state != PATH_UNCHECKED && pp->state != PATH_PENDING &&
		       !path_state_usable(pp->state));
		pp->dmstate = PSTATE_ACTIVE;
		if (out)
			strvec_push_dup(fail, pp->dev_t);
	}
}

static void fail_paths(const char *map, const struct strvec *devts)
{
	char msg[48];

	for (size_t i = 0; i < devts->n; i++) {
		snprintf(msg, sizeof(msg), "fail_path %s", devts->items[i]);
		if (devmapper_message(map, msg) < 0)
			mp_log(1, "%s: cannot fail path %s after the reload", map, devts->items[i]);
	}
}

int maps_set_queueing(struct daemon *d, const char *name, bool on)
{
	struct multipath *mpp;
	int rc = devmapper_message(name, on ? "queue_if_no_path" : "fail_if_no_path");

	if (rc < 0)
		return rc;
	pthread_mutex_lock(&d->vecs.lock);
	mpp = mapvec_find_alias(&d->vecs.maps, name);
	if (mpp) /* later reloads keep it */
		configure_map_set_queueing(mpp, on);
	pthread_mutex_unlock(&d->vecs.lock);
	return 0;
}

/* A map removed at its last close (deferred_remove) gets a path again: it
 * stays. No lock held. */
static void cancel_deferred_remove(const char *name)
{
	int rc = devmapper_message(name, "@cancel_deferred_remove");

	if (rc < 0 && rc != -ENXIO)
		mp_log(1, "%s: cannot cancel its deferred remove: %s", name, errno_desc(-rc));
	else if (rc == 0)
		mp_log(2, "%s: a path is back: deferred remove cancelled", name);
}

static size_t ghost_find(const struct ghost_wait_vec *gv, const char *wwid)
{
	size_t i = 0;

	while (i < gv->n && strcmp(gv->items[i].wwid, wwid))
		i++;
	return i;
}

/* The WWID's map is made or has no path left: no wait. Under vecs.lock. */
static void ghost_forget(struct daemon *d, const char *wwid)
{
	ghost_wait_vec_remove(&d->vecs.ghost, ghost_find(&d->vecs.ghost, wwid));
}

/*
 * ghost_delay: is the creation of nm (no map in the kernel yet) put off
 * because its paths are all standby (policy_ghost_delay())? A wait keeps
 * the second it began across updates (a new standby path, a reconfigure
 * with another ghost_delay); the dispatcher's poll wakes at its end
 * (maps_ghost_timeout_ms()). Under vecs.lock.
 */
static bool ghost_put_off(struct daemon *d, const struct multipath *nm)
{
	struct ghost_wait_vec *gv = &d->vecs.ghost;
	size_t i = ghost_find(gv, nm->wwid);
	long now = now_s(), until = 0;
	bool waiting = i < gv->n;
	struct ghost_wait w = {.since = now};

	switch (policy_ghost_delay(nm, waiting ? gv->items[i].since : now, now, &until)) {
	case GHOST_WAIT:
		break;
	case GHOST_EXPIRED:
		mp_log(2, "%s: ghost_delay ran out: creating the map with its %zu standby path(s)",
		       nm->alias, nm->paths.n);
		ghost_wait_vec_remove(gv, i);
		return false;
	default:
		if (waiting)
			mp_log(2, "%s: an active path is here: creating the map (ghost_delay)",
			       nm->alias);
		ghost_wait_vec_remove(gv, i);
		return false;
	}
	if (waiting) {
		gv->items[i].until = until;
		return true;
	}
	w.until = until;
	strlcpy_trunc(w.wwid, nm->wwid, sizeof(w.wwid));
	if (ghost_wait_vec_push(gv, w) < 0)
		return false; /* no memory to wait: as without ghost_delay */
	mp_log(2, "%s: all %zu path(s) standby: map creation put off for %lds (ghost_delay)",
	       nm->alias, nm->paths.n, until - now);
	return true;
}

/* A dm device's "major:minor" and name from its sysfs node ("dm-3"). */
static bool dm_node_ids(const char *node, char *devt, size_t dsize, char *name, size_t nsize)
{
	char rel[DEV_NAME_SIZE + 16];

	snprintf(rel, sizeof(rel), "block/%s/dev", node);
	if (sysfs_attr_read(rel, devt, dsize) <= 0)
		return false;
	snprintf(rel, sizeof(rel), "block/%s/dm/name", node);
	return sysfs_attr_read(rel, name, nsize) > 0;
}

/*
 * reassign_maps yes: the dm devices that sit on a path of map (an LV made
 * on the disk before the map existed), other than multipath maps, are
 * pointed at the map (dm minor minor) instead (devmapper_reassign()). devs
 * holds pairs: path name, path devt. No lock held: reloads.
 */
static void reassign_holders(const char *map, int minor, const struct strvec *devs)
{
	char dir[PATH_MAX], rel[DEV_NAME_SIZE + 16], node[DEV_NAME_SIZE], devt[16], to[16];
	char name[DEVMAPPER_NAME_SIZE];
	struct dirent *e;
	DIR *dp;

	snprintf(node, sizeof(node), "dm-%d", minor);
	if (minor < 0 || !dm_node_ids(node, to, sizeof(to), name, sizeof(name)))
		return;
	for (size_t i = 0; i + 1 < devs->n; i += 2) {
		snprintf(rel, sizeof(rel), "block/%s/holders", devs->items[i]);
		if (sysfs_path(rel, dir, sizeof(dir)) < 0 || !(dp = opendir(dir)))
			continue;
		while ((e = readdir(dp))) {
			if (strncmp(e->d_name, "dm-", 3) || !strcmp(e->d_name, node) ||
			    !dm_node_ids(e->d_name, devt, sizeof(devt), name, sizeof(name)))
				continue;
			if (devmapper_reassign(name, devs->items[i + 1], to) == 1)
				mp_log(2, "%s: %s reassigned from %s (%s) to the map (%s)", map, name,
				       devs->items[i], devs->items[i + 1], to);
		}
		closedir(dp);
	}
}

static bool reassign_wanted(struct daemon *d)
{
	bool on;

	rcu_read_lock();
	on = rcu_dereference(d->conf)->defaults.reassign_maps == YN_YES;
	rcu_read_unlock();
	return on;
}

/* update_wwid()'s flags */
enum {
	UPD_FORCE = 1,    /* reload even when the table is the same */
	UPD_SETUP = 2,    /* the start and reconfigure (transport timeouts) */
	UPD_NO_DELAY = 4, /* create now, whatever ghost_delay says (`add map`) */
	UPD_NO_UDEV_WAIT = 8, /* the batch's udev cookies go to d->setup_cookies */
	UPDATE_WORKERS = 4,   /* threads of update_wwids() with UPD_SETUP */
};

/* Build, plan, execute, publish; see the file's header. With UPD_SETUP (the
 * start and reconfigure), the paths' transport timeouts are set even when
 * the map needs no reload, as multipath-tools 0.9.4 sets them at reconfigure.
 * A map that does not exist yet may be put off by ghost_delay. */
static int update_wwid(struct daemon *d, const char *wwid, unsigned flags)
{
	char cancel[WWID_SIZE] = "";
	struct multipath *nm, *cur;
	struct map_plan plan = {0};
	struct strvec fail = {0}, holders = {0};
	char name[WWID_SIZE] = "", qname[WWID_SIZE] = "";
	int dm_minor = -1;
	enum map_action act = ACT_NOTHING;
	bool requeue, requeue_on = false;
	int rc;

	pthread_mutex_lock(&d->vecs.lock);
	rcu_read_lock();
	nm = build_wanted(d, rcu_dereference(d->conf), wwid);
	rcu_read_unlock();
	cur = mapvec_find_wwid(&d->vecs.maps, wwid);
	if (!nm || cur || (flags & UPD_NO_DELAY))
		ghost_forget(d, wwid);
	else if (ghost_put_off(d, nm)) {
		map_free(nm);
		nm = NULL;
	}
	if (!nm) {
		pthread_mutex_unlock(&d->vecs.lock);
		return 0;
	}
	/* queueing turned off by no_path_retry or a command stays off */
	if (cur && (cur->queue_stopped || cur->queue_disabled))
		configure_map_set_queueing(nm, false);
	if (cur)
		map_carry_state(nm, cur);
	/* a queueing change alone (no_path_retry changed by a reconfigure)
	 * is not a reload: it is a message */
	requeue = cur && cur->queue_if_no_path >= 0 && nm->queue_if_no_path != cur->queue_if_no_path;
	rc = configure_plan_map(nm, cur, (flags & UPD_FORCE) || (cur && cur->path_dropped), &plan);
	plan.set_transport = flags & UPD_SETUP;
	if (cur && cur->remove_deferred && nm->paths.n) {
		strlcpy_trunc(cancel, cur->alias, sizeof(cancel));
		nm->remove_deferred = false;
	}
	pthread_mutex_unlock(&d->vecs.lock);
	if (cancel[0])
		cancel_deferred_remove(cancel);
	if (rc == 0)
		rc = map_exec(d, &plan, nm, &act);
	pthread_mutex_lock(&d->vecs.lock);
	cur = mapvec_find_wwid(&d->vecs.maps, wwid); /* still ours: only we free maps */
	if (rc == 0) {
		if (cur) { /* what the checker changed meanwhile */
			int minor = nm->dm_minor;

			map_carry_state(nm, cur);
			if (minor >= 0)
				nm->dm_minor = minor;
		}
		if (act != ACT_NOTHING) {
			nm->map_loads++;
			strlcpy_trunc(nm->action, map_action_name(act), sizeof(nm->action));
			nm->suspended = false; /* a load ends with a resume */
			mp_log(2, "%s: %s (%zu paths)", nm->alias, map_action_name(act), nm->paths.n);
		}
		if (act == ACT_CREATE || act == ACT_RELOAD || plan.reload) {
			after_load(d, nm, &fail);
			strlcpy_trunc(name, nm->alias, sizeof(name));
			requeue = false;
			if (reassign_wanted(d))
				for (size_t i = 0; i < nm->paths.n; i++) {
					strvec_push_dup(&holders, nm->paths.items[i]->dev);
					strvec_push_dup(&holders, nm->paths.items[i]->dev_t);
				}
			dm_minor = nm->dm_minor;
		} else if (requeue) {
			strlcpy_trunc(qname, nm->alias, sizeof(qname));
			requeue_on = nm->queue_if_no_path > 0;
		}
		map_publish(d, nm, cur);
		prflag_map_published(d, nm); /* reservation key check */
	} else {
		mp_log(1, "%s: cannot %s map: %s", nm->alias, cur ? "reload" : "create",
		       errno_desc(-rc));
		map_free(nm);
	}
	pthread_mutex_unlock(&d->vecs.lock);
	fail_paths(name, &fail);
	strvec_free_all(&fail);
	if (holders.n)
		reassign_holders(name, dm_minor, &holders);
	strvec_free_all(&holders);
	map_plan_release(&plan);
	if (rc == 0 && requeue && qname[0]) {
		int r = maps_set_queueing(d, qname, requeue_on);

		if (r < 0)
			mp_log(1, "%s: cannot turn queueing %s: %s", qname, requeue_on ? "on" : "off",
			       errno_desc(-r));
		else
			mp_log(2, "%s: queueing turned %s (no_path_retry changed)", qname,
			       requeue_on ? "on" : "off");
	}
	return rc;
}

int maps_update_wwid(struct daemon *d, const char *wwid, bool force)
{
	return update_wwid(d, wwid, force ? UPD_FORCE : 0);
}

/* update_wwids()'s work. */
struct update_job {
	struct daemon *d;
	const struct strvec *wwids;
	unsigned flags;
	pthread_mutex_t cookies_lock; /* d->setup_cookies, from the workers */
};

static void update_item(void *arg, size_t i)
{
	struct update_job *j = arg;

	if (!atomic_load(&j->d->stopping))
		update_wwid(j->d, j->wwids->items[i], j->flags);
}

/* udev works on the batch's maps side by side: each thread waits for its own
 * at the end, or hands them to the dispatcher's loop (UPD_NO_UDEV_WAIT: the
 * first set-up is done when its maps are, udev's work on them goes on) */
static void update_defer_end(struct update_job *j)
{
	if (!(j->flags & UPD_NO_UDEV_WAIT)) {
		devmapper_udev_defer_end();
		return;
	}
	pthread_mutex_lock(&j->cookies_lock);
	devmapper_udev_defer_end_nowait(&j->d->setup_cookies);
	pthread_mutex_unlock(&j->cookies_lock);
}

static void update_thread_begin(void *arg)
{
	(void)arg;
	rcu_register_thread();
	devmapper_udev_defer_begin();
}

static void update_thread_end(void *arg)
{
	update_defer_end(arg);
	rcu_unregister_thread();
}

/*
 * The start and a reconfigure update every map: UPDATE_WORKERS threads do it,
 * a WWID each at a time, while the dispatcher waits for them (so, as on the
 * dispatcher, nobody else adds or frees paths and maps meanwhile; two WWIDs
 * share no path). Their dm creates and table loads overlap (devmapper.c runs
 * them without its mutex): at hundreds of new maps, the kernel's waits in
 * them (a kthread for each map's workqueue, devtmpfs for its node) were most
 * of the start.
 */
static void update_wwids(struct daemon *d, const struct strvec *wwids, unsigned flags)
{
	struct update_job j = {.d = d, .wwids = wwids, .flags = flags,
			       .cookies_lock = PTHREAD_MUTEX_INITIALIZER};
	struct parallel_job pj = {.n = wwids->n, .item = update_item,
				  .thread_begin = update_thread_begin,
				  .thread_end = update_thread_end, .arg = &j};

	devmapper_udev_defer_begin();
	parallel_run(&pj, flags & UPD_SETUP ? UPDATE_WORKERS : 1);
	update_defer_end(&j);
}

void maps_update_wwids(struct daemon *d, const struct strvec *wwids)
{
	update_wwids(d, wwids, 0);
}

int maps_ghost_timeout_ms(struct daemon *d)
{
	long first = 0, now = now_s();

	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; i < d->vecs.ghost.n; i++)
		if (!first || d->vecs.ghost.items[i].until < first)
			first = d->vecs.ghost.items[i].until;
	pthread_mutex_unlock(&d->vecs.lock);
	if (!first)
		return -1;
	if (first <= now)
		return 0;
	/* ghost_delay is at most 1000000 s: this fits an int */
	return (int)(first - now) * 1000;
}

/* The WWIDs whose wait is over at second now. Under vecs.lock. */
static void ghost_due(struct daemon *d, long now, struct strvec *due)
{
	for (size_t i = 0; i < d->vecs.ghost.n; i++)
		if (d->vecs.ghost.items[i].until <= now)
			strvec_push_dup(due, d->vecs.ghost.items[i].wwid);
}

void maps_ghost_expire(struct daemon *d)
{
	struct strvec due = {0};
	long now = now_s();

	pthread_mutex_lock(&d->vecs.lock);
	ghost_due(d, now, &due);
	pthread_mutex_unlock(&d->vecs.lock);
	if (!due.n)
		return;
	update_wwids(d, &due, 0);
	/* a wait the update did not end (it could not build the map) ends
	 * here: the dispatcher must not wake for it again and again */
	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; i < due.n; i++) {
		size_t k = ghost_find(&d->vecs.ghost, due.items[i]);

		if (k < d->vecs.ghost.n && d->vecs.ghost.items[k].until <= now)
			ghost_wait_vec_remove(&d->vecs.ghost, k);
	}
	pthread_mutex_unlock(&d->vecs.lock);
	strvec_free_all(&due);
}

/* The kernel's ALUA state of the path (device/access_state, kept by its
 * device handler: alua, rdac) is standby or unavailable: a ghost for
 * ghost_delay until its first check (the checker runs only once the path
 * is in a map). No IO, no lock: one sysfs attribute; none (no handler, not
 * SCSI) is not a ghost. */
static bool path_standby_now(const struct path *pp)
{
	int state = prio_sysfs_alua_state(pp);

	return state == ALUA_STANDBY || state == ALUA_UNAVAILABLE;
}

/* Select properties, read the device state and compute the priority of a
 * path not yet published: no lock needed. The checker loop makes its
 * checker once it is in a map. */
static void path_prepare(const struct config *conf, struct path *pp)
{
	configure_path_props(conf, pp);
	configure_path_dev_state(pp);
	pp->priority = configure_path_priority(pp);
	pp->found_standby = path_standby_now(pp);
	pp->check_interval = conf->defaults.polling_interval;
}

/* path_prepare() in a scan's worker (inside the set-up's RCU read-side
 * section, which the worker threads do not need: the set-up's thread holds
 * the configuration for them until the scan returns). */
static void scan_prepare(struct path *pp, void *conf)
{
	path_prepare(conf, pp);
}

/* Note that wwid's map must be updated: now, or once per burst. */
static void wwid_dirty(struct daemon *d, const char *wwid, struct strvec *dirty)
{
	if (!dirty) {
		maps_update_wwid(d, wwid, false);
		return;
	}
	for (size_t i = 0; i < dirty->n; i++)
		if (!strcmp(dirty->items[i], wwid))
			return;
	if (strvec_push_dup(dirty, wwid) < 0)
		maps_update_wwid(d, wwid, false);
}

int maps_add_path(struct daemon *d, const char *devname, struct udev_device *ud,
		  struct strvec *dirty)
{
	struct path *pp = path_new(), *old;
	const char *reason = NULL;
	char wwid[WWID_SIZE];
	int rc;

	if (!pp)
		return -ENOMEM;
	rcu_read_lock();
	rc = discovery_path_info(rcu_dereference(d->conf), ud, devname, pp);
	if (rc == 0 && (!pp->wwid[0] || blacklist_path(rcu_dereference(d->conf), pp, ud,
							&reason) == MATCH_BLACKLIST)) {
		mp_log(3, "%s: not a path: %s", devname, reason ? reason : "no wwid");
		rc = -EINVAL;
	}
	if (rc == 0)
		path_prepare(rcu_dereference(d->conf), pp);
	rcu_read_unlock();
	if (rc < 0) {
		path_free(pp);
		return rc;
	}
	strlcpy_trunc(wwid, pp->wwid, sizeof(wwid));
	pthread_mutex_lock(&d->vecs.lock);
	old = pathvec_find_devt(&d->vecs.paths, pp->dev_t);
	if (old && !strcmp(old->wwid, pp->wwid)) {
		/* known (e.g. adopted from a kernel map): refresh what sysfs says */
		strlcpy_trunc(old->dev, pp->dev, sizeof(old->dev));
		strlcpy_trunc(old->dev_state, pp->dev_state, sizeof(old->dev_state));
		pthread_mutex_unlock(&d->vecs.lock);
		path_free(pp);
		wwid_dirty(d, wwid, dirty);
		return 0;
	}
	pthread_mutex_unlock(&d->vecs.lock);
	if (old) /* same devt, another LUN: the old path is gone */
		maps_remove_path(d, old->dev_t, NULL);
	pthread_mutex_lock(&d->vecs.lock);
	rc = pathvec_push(&d->vecs.paths, pp);
	pthread_mutex_unlock(&d->vecs.lock);
	if (rc < 0) {
		path_free(pp);
		return rc;
	}
	pthread_mutex_lock(&d->vecs.lock);
	prflag_path_added(d, pp); /* its map's reservation key */
	pthread_mutex_unlock(&d->vecs.lock);
	mp_log(2, "%s: path added (%s)", pp->dev, wwid);
	wwid_dirty(d, wwid, dirty);
	return 0;
}

int maps_change_path(struct daemon *d, const char *devname, struct udev_device *ud,
		     struct strvec *dirty)
{
	struct path *now = path_new(), *pp;
	char wwid[WWID_SIZE] = "";
	bool other_lun = false, changed = false, kept_out = false;
	int rc;

	if (!now)
		return -ENOMEM;
	rcu_read_lock();
	rc = discovery_path_info(rcu_dereference(d->conf), ud, devname, now);
	rcu_read_unlock();
	pthread_mutex_lock(&d->vecs.lock);
	pp = pathvec_find_dev(&d->vecs.paths, devname);
	if (pp && rc == 0) {
		other_lun = now->wwid[0] && strcmp(now->wwid, pp->wwid);
		changed = pp->size != now->size || pp->ro != now->ro;
		if (!other_lun) {
			pp->size = now->size; /* a resized LUN: its map is reloaded */
			pp->ro = now->ro;
		}
		if (changed && pp->mpp)
			strlcpy_trunc(wwid, pp->wwid, sizeof(wwid));
		/* recheck_wwid saw another LUN; udev does not (yet) */
		kept_out = !other_lun && pp->wwid_recheck == WWID_RECHECK_CHANGED;
	}
	pthread_mutex_unlock(&d->vecs.lock);
	path_free(now);
	if (!pp)
		return maps_add_path(d, devname, ud, dirty);
	if (other_lun) { /* the device now shows another LUN */
		maps_remove_path(d, devname, NULL);
		return maps_add_path(d, devname, ud, dirty);
	}
	if (kept_out)
		mp_log(2, "%s: udev still gives the old wwid: the path stays out of its map",
		       devname);
	if (wwid[0]) {
		mp_log(2, "%s: size or write protection changed", devname);
		wwid_dirty(d, wwid, dirty);
	}
	return rc;
}

/* With flush_on_last_del always, how long a map still open after queueing
 * was turned off is waited for: its queued IO fails now, and whoever waited
 * on it (udev's blkid probing the map as its last path went) lets go. */
enum { LAST_DEL_TRIES = 25, LAST_DEL_RETRY_MS = 200 };

/*
 * The last path of map name is gone: queueing is turned off as
 * flush_on_last_del says (always: first; unused: only when nobody holds the
 * map open once its partitions are gone; never), its kpartx partition maps
 * are removed unless one is open, then the map is removed if nobody holds
 * it open (with always, a map still open is tried again for up to
 * LAST_DEL_TRIES * LAST_DEL_RETRY_MS). With deferred_remove, a map still
 * open is removed by the kernel at its last close instead (a path that
 * comes back first cancels that: update_wwid()).
 */
static void map_last_path_gone(struct daemon *d, const char *name, int flush_on_last_del,
			       bool deferred)
{
	const struct timespec pause = {0, LAST_DEL_RETRY_MS * 1000000L};
	bool always = flush_on_last_del == FLUSH_ALWAYS;
	int rc, open_count = -1;

	if (always)
		devmapper_message(name, "fail_if_no_path");
	for (int tries = 1;; tries++) {
		(void)configure_flush_partitions(name); /* an open one is logged */
		if (flush_on_last_del == FLUSH_UNUSED &&
		    devmapper_get_info(name, NULL, 0, NULL, &open_count, NULL) == 0 &&
		    open_count == 0)
			devmapper_message(name, "fail_if_no_path");
		rc = devmapper_remove_map(name, false);
		if (rc != -EBUSY || deferred || !always || tries == LAST_DEL_TRIES ||
		    atomic_load(&d->stopping))
			break;
		nanosleep(&pause, NULL);
	}
	if (rc == -EBUSY && deferred && devmapper_remove_map(name, true) == 0) {
		struct multipath *mpp;

		mp_log(2, "%s: last path removed, map open: removed at its last close"
			  " (deferred_remove)", name);
		pthread_mutex_lock(&d->vecs.lock);
		mpp = mapvec_find_alias(&d->vecs.maps, name);
		if (mpp)
			mpp->remove_deferred = true;
		pthread_mutex_unlock(&d->vecs.lock);
		return;
	}
	if (rc == 0)
		mp_log(2, "%s: removed with its last path", name);
	else
		mp_log(2, "%s: last path removed, map kept: %s", name, errno_desc(-rc));
	if (rc == 0 || rc == -ENXIO)
		maps_remove_map(d, name, true);
}

int maps_remove_path(struct daemon *d, const char *dev, struct strvec *dirty)
{
	struct path *pp;
	struct multipath *mpp;
	char wwid[WWID_SIZE], name[WWID_SIZE];
	int flush = 0;
	bool last = false, deferred = false;

	pthread_mutex_lock(&d->vecs.lock);
	pp = pathvec_find_dev(&d->vecs.paths, dev);
	if (!pp)
		pp = pathvec_find_devt(&d->vecs.paths, dev);
	if (!pp) {
		pthread_mutex_unlock(&d->vecs.lock);
		return -ENOENT;
	}
	for (size_t i = 0; i < d->vecs.paths.n; i++)
		if (d->vecs.paths.items[i] == pp)
			pathvec_remove(&d->vecs.paths, i);
	strlcpy_trunc(wwid, pp->wwid, sizeof(wwid));
	mpp = pp->mpp;
	if (mpp) {
		map_drop_path(mpp, pp);
		/* the kernel's table still has it: our object no longer
		 * differs from what the update builds, a reload is forced */
		mpp->path_dropped = true;
		last = mpp->paths.n == 0;
		flush = mpp->flush_on_last_del;
		deferred = mpp->deferred_remove;
		strlcpy_trunc(name, mpp->alias, sizeof(name));
	}
	pthread_mutex_unlock(&d->vecs.lock);
	mp_log(2, "%s: path removed", pp->dev[0] ? pp->dev : pp->dev_t);
	if (d->ies)
		io_err_stat_path_removed(d->ies, pp->devt);
	path_free(pp);
	if (last)
		map_last_path_gone(d, name, flush, deferred);
	else if (mpp && !dirty)
		maps_update_wwid(d, wwid, false);
	else if (mpp)
		wwid_dirty(d, wwid, dirty);
	return 0;
}

int maps_remove_map(struct daemon *d, const char *name, bool forget_only)
{
	struct multipath *mpp;
	int rc = 0;

	if (!forget_only) {
		rc = devmapper_remove_map(name, false);
		if (rc < 0 && rc != -ENXIO)
			return rc;
	}
	pthread_mutex_lock(&d->vecs.lock);
	mpp = mapvec_find_alias(&d->vecs.maps, name);
	if (mpp) {
		mapvec_remove(&d->vecs.maps, map_index(&d->vecs.maps, mpp));
		map_free(mpp);
		mp_log(2, "%s: map removed", name);
	}
	pthread_mutex_unlock(&d->vecs.lock);
	return mpp || !forget_only ? 0 : -ENOENT;
}

int maps_add_map(struct daemon *d, const char *arg)
{
	char wwid[WWID_SIZE] = "";

	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; i < d->vecs.paths.n && !wwid[0]; i++) {
		const struct path *pp = d->vecs.paths.items[i];

		if (!strcmp(pp->wwid, arg) || !strcmp(pp->dev, arg) || !strcmp(pp->dev_t, arg))
			strlcpy_trunc(wwid, pp->wwid, sizeof(wwid));
	}
	for (size_t i = 0; i < d->vecs.maps.n && !wwid[0]; i++)
		if (configure_map_matches(d->vecs.maps.items[i], arg))
			strlcpy_trunc(wwid, d->vecs.maps.items[i]->wwid, sizeof(wwid));
	pthread_mutex_unlock(&d->vecs.lock);
	if (!wwid[0])
		return -ENOENT;
	return update_wwid(d, wwid, UPD_NO_DELAY);
}

/* Each distinct WWID of the known paths and maps, once. Under vecs.lock. */
static int collect_wwids(struct daemon *d, struct strvec *out)
{
	for (size_t i = 0; i < d->vecs.paths.n; i++) {
		const char *w = d->vecs.paths.items[i]->wwid;
		bool seen = !w[0];

		for (size_t k = 0; k < out->n && !seen; k++)
			seen = !strcmp(out->items[k], w);
		if (!seen && strvec_push_dup(out, w) < 0)
			return -ENOMEM;
	}
	return 0;
}

/* Read the status of every map now. Dispatcher only, no lock held. */
static void sync_all_status(struct daemon *d)
{
	struct strvec names = {0};

	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; i < d->vecs.maps.n; i++)
		strvec_push_dup(&names, d->vecs.maps.items[i]->alias);
	pthread_mutex_unlock(&d->vecs.lock);
	maps_sync_status(d, &names);
	strvec_free_all(&names);
}

int maps_initial_setup(struct daemon *d)
{
	struct pathvec pv = {0};
	struct mapvec cur = {0};
	struct strvec wwids = {0};
	size_t scanned;
	int rc;

	rcu_read_lock();
	/* the disks side by side: their sysfs reads and prioritizer SG_IO
	 * wait for the kernel, at hundreds of paths most of the start */
	rc = discovery_scan_parallel(d->udev, rcu_dereference(d->conf), DISCOVERY_MAX_WORKERS,
				     scan_prepare, (void *)rcu_dereference(d->conf), &pv);
	scanned = pv.n;
	if (rc >= 0)
		rc = configure_read_kernel_maps(rcu_dereference(d->conf), &pv, false, &cur);
	/* paths the kernel's maps hold that the scan did not keep */
	for (size_t i = scanned; rc >= 0 && i < pv.n; i++)
		path_prepare(rcu_dereference(d->conf), pv.items[i]);
	rcu_read_unlock();
	if (rc < 0) {
		mp_log(0, "multipathd: cannot discover paths and maps: %s", errno_desc(-rc));
		mapvec_free(&cur);
		pathvec_free(&pv);
		return rc;
	}
	/* adopt the kernel's maps as they are, then bring each in line */
	pthread_mutex_lock(&d->vecs.lock);
	d->vecs.paths = pv;
	d->vecs.maps = cur;
	rc = collect_wwids(d, &wwids);
	pthread_mutex_unlock(&d->vecs.lock);
	mp_log(2, "multipathd: %zu paths, %zu maps in the kernel", pv.n, cur.n);
	pathevents_note_fpin(d);
	if (rc == 0)
		update_wwids(d, &wwids, UPD_SETUP | UPD_NO_UDEV_WAIT);
	strvec_free_all(&wwids);
	sync_all_status(d);
	return rc;
}

/* Paths the new configuration blacklists leave; the others get their
 * properties again (a changed checker is made again by the checker loop). */
static void reconfigure_paths(struct daemon *d, const struct config *conf,
			      struct strvec *gone)
{
	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; i < d->vecs.paths.n; i++) {
		struct path *pp = d->vecs.paths.items[i];
		char checker[sizeof(pp->checker_name)];
		int timeout = pp->checker_timeout;

		if (pp->dev[0] && blacklist_path(conf, pp, NULL, NULL) == MATCH_BLACKLIST) {
			strvec_push_dup(gone, pp->dev_t);
			continue;
		}
		strlcpy_trunc(checker, pp->checker_name, sizeof(checker));
		configure_path_props(conf, pp);
		pp->check_interval = conf->defaults.polling_interval;
		if (strcmp(checker, pp->checker_name) || timeout != pp->checker_timeout) {
			checker_free(pp->checker);
			pp->checker = NULL;
			pp->check_running = false;
		}
	}
	pthread_mutex_unlock(&d->vecs.lock);
}

/* A path of mpp that io_err_stat holds out of service. Under vecs.lock. */
static bool map_has_held_path(struct daemon *d, const struct multipath *mpp)
{
	for (size_t i = 0; i < mpp->paths.n; i++)
		if (!path_reinstate_allowed(d, mpp->paths.items[i]))
			return true;
	return false;
}

void path_refresh_priority(struct daemon *d, const char *devt, bool returned)
{
	struct path copy, *pp;
	char wwid[WWID_SIZE] = "";
	bool found, changed;
	int prio;

	pthread_mutex_lock(&d->vecs.lock);
	pp = pathvec_find_devt(&d->vecs.paths, devt);
	found = pp != NULL;
	if (found)
		copy = *pp;
	pthread_mutex_unlock(&d->vecs.lock);
	if (!found)
		return;
	prio = configure_path_priority(&copy); /* SG_IO: no lock */
	pthread_mutex_lock(&d->vecs.lock);
	pp = pathvec_find_devt(&d->vecs.paths, devt);
	/* a failed ask (a flapping path) keeps a known priority */
	changed = pp && pp->priority != prio && prio != PRIO_UNDEF;
	if (changed) {
		mp_log(3, "%s: priority %d -> %d", pp->dev, pp->priority, prio);
		pp->priority = prio;
	}
	/* a grouping by priority may put the path elsewhere now: the
	 * dispatcher rebuilds the map and loads it only if it changed; not
	 * while a path of the map is held out of service (a load makes every
	 * path active until they are failed again): a change put off then is
	 * made when a path of the map is back (returned) and none is held.
	 * A path that is back with its priority unchanged costs no rebuild
	 * (a flapping path comes back every few seconds). */
	if (pp && pp->mpp && (changed || (returned && pp->mpp->regroup_put_off))) {
		if (map_has_held_path(d, pp->mpp)) {
			pp->mpp->regroup_put_off = true;
		} else {
			pp->mpp->regroup_put_off = false;
			strlcpy_trunc(wwid, pp->wwid, sizeof(wwid));
		}
	}
	pthread_mutex_unlock(&d->vecs.lock);
	if (wwid[0])
		dispatch_post(d, JOB_UPDATE_MAP, wwid, false, 0);
}

/* Priorities may depend on the new prio settings: compute them on copies,
 * without the lock, and publish by devt. */
static void reconfigure_priorities(struct daemon *d)
{
	struct strvec devts = {0};

	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; i < d->vecs.paths.n; i++)
		strvec_push_dup(&devts, d->vecs.paths.items[i]->dev_t);
	pthread_mutex_unlock(&d->vecs.lock);
	for (size_t i = 0; i < devts.n; i++)
		path_refresh_priority(d, devts.items[i], false);
	strvec_free_all(&devts);
}

int maps_reconfigure(struct daemon *d)
{
	const char *path = getenv("MULTIPATH_CONF");
	struct config *conf = NULL, *old;
	struct strvec gone = {0}, wwids = {0};
	struct pathvec pv = {0};
	struct diags dg = {0};
	int rc;

	rc = config_load(path && *path ? path : NULL, &dg, &conf);
	for (size_t i = 0; i < dg.msgs.n; i++)
		mp_log(1, "%s", dg.msgs.items[i]);
	diags_release(&dg);
	if (rc < 0) {
		mp_log(1, "reconfigure: cannot load the configuration, keeping the running one: %s",
		       errno_desc(-rc));
		return rc;
	}
	old = d->conf;
	rcu_assign_pointer(d->conf, conf);
	synchronize_rcu();
	config_free(old);

	rcu_read_lock();
	reconfigure_paths(d, rcu_dereference(d->conf), &gone);
	rcu_read_unlock();
	for (size_t i = 0; i < gone.n; i++)
		maps_remove_path(d, gone.items[i], NULL);
	reconfigure_priorities(d);
	/* devices the old configuration blacklisted may be paths now */
	rcu_read_lock();
	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; i < d->vecs.paths.n; i++) { /* discovery_scan skips known names */
		struct path *known = path_new();

		if (known) {
			strlcpy_trunc(known->dev, d->vecs.paths.items[i]->dev, sizeof(known->dev));
			if (pathvec_push(&pv, known) < 0)
				path_free(known);
		}
	}
	pthread_mutex_unlock(&d->vecs.lock);
	size_t nknown = pv.n;
	discovery_scan(d->udev, rcu_dereference(d->conf), &pv);
	rcu_read_unlock();
	/* their maps are updated with all the others below */
	for (size_t i = nknown; i < pv.n; i++)
		maps_add_path(d, pv.items[i]->dev, NULL, &gone);
	pathvec_free(&pv);

	pthread_mutex_lock(&d->vecs.lock);
	rc = collect_wwids(d, &wwids);
	pthread_mutex_unlock(&d->vecs.lock);
	if (rc == 0)
		update_wwids(d, &wwids, UPD_SETUP);
	strvec_free_all(&wwids);
	strvec_free_all(&gone);
	pathevents_refresh_params(d);
	sync_all_status(d);
	mp_log(2, "reconfigure: done");
	return rc;
}

int maps_check_map(struct daemon *d, const char *name)
{
	struct multipath *mpp;
	char wwid[WWID_SIZE] = "";
	int rc = -ENOENT;

	pthread_mutex_lock(&d->vecs.lock);
	mpp = mapvec_find_alias(&d->vecs.maps, name);
	if (mpp) {
		rc = configure_kernel_table_differs(mpp);
		strlcpy_trunc(wwid, mpp->wwid, sizeof(wwid));
	}
	pthread_mutex_unlock(&d->vecs.lock);
	if (rc <= 0)
		return rc;
	mp_log(2, "%s: the kernel's table changed outside the daemon, reloading ours", name);
	return maps_update_wwid(d, wwid, true);
}

void maps_sync_status(struct daemon *d, const struct strvec *names)
{
	long now = now_s();

	for (size_t i = 0; i < names->n; i++) {
		struct multipath *mpp;
		char *status = NULL;
		char wwid[WWID_SIZE] = "";

		if (devmapper_get_status(names->items[i], &status) < 0)
			continue;
		pthread_mutex_lock(&d->vecs.lock);
		mpp = mapvec_find_alias(&d->vecs.maps, names->items[i]);
		if (mpp && dmtable_parse_status(status, mpp) < 0)
			strlcpy_trunc(wwid, mpp->wwid, sizeof(wwid));
		for (size_t k = 0; mpp && k < mpp->paths.n; k++) {
			struct path *pp = mpp->paths.items[k];
			bool up = path_state_usable(pp->state);

			/* the kernel disagrees with the checker: check again now */
			if ((up && pp->dmstate == PSTATE_FAILED && !pp->admin_failed) ||
			    (!up && pp->state != PATH_UNCHECKED && pp->state != PATH_PENDING &&
			     pp->dmstate == PSTATE_ACTIVE))
				pp->next_check = now;
		}
		pthread_mutex_unlock(&d->vecs.lock);
		free(status);
		if (wwid[0]) /* a table we are about to publish, or a foreign one */
			dispatch_post(d, JOB_CHECK_MAP, names->items[i], false, 0);
	}
}

void maps_free_all(struct daemon *d)
{
	pthread_mutex_lock(&d->vecs.lock);
	mapvec_free(&d->vecs.maps);
	pathvec_free(&d->vecs.paths);
	ghost_wait_vec_release(&d->vecs.ghost);
	pthread_mutex_unlock(&d->vecs.lock);
}
