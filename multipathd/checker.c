// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The checker loop: one thread, a tick a second (and every 100 ms while a
 * check is pending).
 *
 * Under vecs.lock a tick starts the checks that are due (checker_start()
 * never blocks) and collects the verdicts that are in (checker_poll() with
 * no deadline), decides what the kernel must be told (policy.h), and notes
 * the maps whose status is due. Then, without the lock, it sends the dm
 * messages, hands the checkers that are missing to the chkopen threads and
 * the priority asks and WWID rechecks (recheck.c) to the prio threads (both
 * may block on a device: this thread never does) and reads map statuses;
 * the results are published under the lock after looking the path or map
 * up again by devt or name.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <systemd/sd-daemon.h>
#include <urcu.h>

#include "checkers/checkers.h"
#include "config/keywords.h"
#include "configure.h"
#include "daemon.h"
#include "devmapper.h"
#include "io_err_stat.h"
#include "path_wwid.h"
#include "policy.h"
#include "prflag.h"
#include "util/log.h"
#include "util/time.h"
#include "workq.h"

enum { PENDING_POLL_MS = 100, STATUS_EVENTS_FACTOR = 6 };

/*
 * The full passes are TICK_MS apart on average, each one up to
 * TICK_JITTER_MS sooner or later at random. With exact seconds, a path
 * fault that repeats every whole second (a link that drops 300 ms of every
 * 1000 ms) met every check of that path at the same point of its cycle:
 * checked every 5 s, the path looked down at every check for minutes (or up
 * at every check). Measured in the VM once the daemon ran in the
 * real-time class, where nothing else delays the tick.
 */
enum { TICK_MS = 1000, TICK_JITTER_MS = 150 };

/* The time to the next full pass: TICK_MS +- TICK_JITTER_MS. */
static long long tick_period_ms(unsigned *seed)
{
	return TICK_MS - TICK_JITTER_MS + (long long)(rand_r(seed) % (2 * TICK_JITTER_MS + 1));
}

/* A dm message to send, and what it means once sent. */
struct dm_msg {
	char map[WWID_SIZE];
	char devt[16];   /* "" for map messages */
	char msg[64];
	enum { M_FAIL, M_REINSTATE, M_STOP_QUEUE, M_QUEUE, M_SWITCH } kind;
	int group;       /* M_SWITCH */
};
VECTOR_DEFINE(dm_msg_vec, struct dm_msg)

VECTOR_DEFINE(map_ptr_vec, struct multipath *)

/*
 * One pass. A full pass (every second) starts the checks that are due and
 * looks at every map; a pending pass (every 100 ms while checks run) only
 * collects the verdicts of running checks and looks at their maps: at
 * hundreds of paths a check is nearly always pending, and ten full passes
 * a second would cost the idle daemon most of its CPU.
 */
struct tick {
	long now;
	bool full;
	bool recheck_wwid; /* recheck_wwid yes */
	int poll, max_poll;
	int status_every;                 /* seconds between periodic status reads */
	struct map_ptr_vec judged; /* pending pass: maps with a new verdict */
	struct dm_msg_vec msgs;
	struct strvec need_checker;       /* devts in a map, no checker yet */
	struct strvec returned;           /* devts that came back: new priority */
	struct strvec reprio;             /* devts to ask their priority again */
	struct strvec recheck;            /* devts whose WWID is read again */
	struct strvec status_due;         /* map names */
	struct strvec regroup;            /* WWIDs: a marginal mark changed */
	int marginal;                     /* marginal_pathgroups (MARGINAL_PG_*) */
	int pending;
};

/* Does the table of mpp have pp in a marginal path group? */
static bool path_in_marginal_pg(const struct multipath *mpp, const struct path *pp)
{
	for (size_t g = 0; mpp && g < mpp->pgs.n; g++) {
		const struct pathgroup *pg = mpp->pgs.items[g];

		for (size_t i = 0; pg->marginal && i < pg->paths.n; i++)
			if (pg->paths.items[i] == pp)
				return true;
	}
	return false;
}

bool path_held_out(struct daemon *d, const struct multipath *mpp, const struct path *pp)
{
	bool held = d->ies && io_err_stat_is_held(d->ies, pp->devt);

	return policy_path_held_out(held, pp->marginal, held && path_in_marginal_pg(mpp, pp));
}

bool path_reinstate_allowed(struct daemon *d, const struct path *pp)
{
	/* recheck_wwid: not before its WWID is known to be the map's */
	if (pp->wwid_recheck != WWID_RECHECK_NONE)
		return false;
	return !path_held_out(d, pp->mpp, pp);
}

/*
 * marginal_pathgroups: a path io_err_stat holds is marked marginal when the
 * keyword is on (policy_marginal_mark()); the mark goes when io_err_stat
 * lets the path go (good verdict, `reinstate path`, no other usable path,
 * the feature turned off) or the keyword is turned off. A changed mark
 * regroups the map: its WWID goes to t->regroup. Full passes, under
 * vecs.lock; nothing to do while the keyword is off and no path is marked.
 */
static void marginal_sync(struct daemon *d, struct tick *t, struct path *pp)
{
	bool want;

	if (!pp->mpp || (t->marginal != MARGINAL_PG_ON && !pp->marginal))
		return;
	want = policy_marginal_mark(d->ies && io_err_stat_is_held(d->ies, pp->devt), t->marginal);
	if (want == pp->marginal)
		return;
	pp->marginal = want;
	mp_log(2, "%s: %s: %s", pp->mpp->alias, pp->dev,
	       want ? "marginal: moved to a path group after the others"
		    : "no longer marginal: back in its path group");
	for (size_t i = 0; i < t->regroup.n; i++)
		if (!strcmp(t->regroup.items[i], pp->wwid))
			return;
	strvec_push_dup(&t->regroup, pp->wwid); /* -ENOMEM: a later reload */
}

/* A map with no usable path left gets its held paths back at once: a
 * flaky path is better than none. */
static void release_held_paths(struct daemon *d, struct tick *t, struct multipath *mpp)
{
	for (size_t i = 0; d->ies && i < mpp->paths.n; i++) {
		struct path *pp = mpp->paths.items[i];

		if (io_err_stat_is_held(d->ies, pp->devt) &&
		    io_err_stat_release(d->ies, pp->devt, "no other usable path") == 0)
			pp->next_check = t->now;
	}
}

static struct dm_msg msg_make(const struct multipath *mpp, const char *devt, int kind, int group)
{
	struct dm_msg m = {.kind = kind, .group = group};

	strlcpy_trunc(m.map, mpp->alias, sizeof(m.map));
	strlcpy_trunc(m.devt, devt ? devt : "", sizeof(m.devt));
	switch (kind) {
	case M_FAIL:
		snprintf(m.msg, sizeof(m.msg), "fail_path %s", devt);
		break;
	case M_REINSTATE:
		snprintf(m.msg, sizeof(m.msg), "reinstate_path %s", devt);
		break;
	case M_STOP_QUEUE:
		snprintf(m.msg, sizeof(m.msg), "fail_if_no_path");
		break;
	case M_QUEUE:
		snprintf(m.msg, sizeof(m.msg), "queue_if_no_path");
		break;
	default:
		snprintf(m.msg, sizeof(m.msg), "switch_group %d", group);
		break;
	}
	return m;
}

static void push_msg(struct tick *t, const struct multipath *mpp, const char *devt, int kind,
		     int group)
{
	dm_msg_vec_push(&t->msgs, msg_make(mpp, devt, kind, group));
}

/* A verdict is in: decide, log a change, schedule the next check. */
static void path_verdict(struct daemon *d, struct tick *t, struct path *pp, int chk)
{
	/* before the first verdict the state may say pending: unchecked */
	enum path_state shown, before = pp->chk_state == PATH_UNCHECKED ? PATH_UNCHECKED : pp->state;
	/* `fail path` holds until the check after the command */
	bool admin_hold = pp->admin_failed && t->now < pp->next_check;
	enum path_action act;
	bool usable;

	/* recheck_wwid: a path restored is kept out until its WWID is read
	 * again (recheck_run()) */
	recheck_mark(d, t->recheck_wwid, pp, chk, &t->recheck);
	pp->chk_state = chk;
	pp->admin_failed = admin_hold;
	strlcpy_trunc(pp->state_msg, checker_msg(pp->checker), sizeof(pp->state_msg));
	act = policy_path_action(chk, pp->dmstate, path_reinstate_allowed(d, pp) && !admin_hold,
				 &shown);
	if (admin_hold && shown == PATH_DELAYED)
		shown = chk;
	usable = path_state_usable(shown);
	pp->state = shown;
	mp_log(shown != before ? 2 : 4, "%s: %s: %s checker says %s%s%s", pp->mpp->alias, pp->dev,
	       pp->checker_name, path_state_name(chk), pp->state_msg[0] ? ": " : "",
	       pp->state_msg);
	pp->check_interval =
		policy_check_interval(pp->check_interval, shown != before, usable, t->poll,
				      t->max_poll);
	if (!admin_hold)
		pp->next_check = t->now + pp->check_interval;
	if (act == PA_FAIL)
		push_msg(t, pp->mpp, pp->dev_t, M_FAIL, 0);
	else if (act == PA_REINSTATE) {
		mp_log(3, "%s: %s: reinstating (kernel state failed, checker %s)", pp->mpp->alias,
		       pp->dev, path_state_name(chk));
		push_msg(t, pp->mpp, pp->dev_t, M_REINSTATE, 0);
	}
	if (usable && !path_state_usable(before) && before != PATH_UNCHECKED) {
		strvec_push_dup(&t->returned, pp->dev_t);
		pp->prio_next = t->now + t->max_poll;
	} else if (policy_prio_due(before, shown, t->now, t->max_poll, &pp->prio_next)) {
		/* ALUA states change under a usable path: asked again at
		 * most every max_polling_interval (an SG_IO each), also
		 * when its prioritizer failed */
		strvec_push_dup(&t->reprio, pp->dev_t);
	}
}

static void path_tick(struct daemon *d, struct tick *t, struct path *pp)
{
	int chk;

	if (!pp->mpp)
		return;
	if (!pp->checker) {
		if (t->now < pp->next_check)
			return;
		/* made by a checker-open thread; asked again a poll later if
		 * that did not hand it over */
		pp->next_check = t->now + t->poll;
		strvec_push_dup(&t->need_checker, pp->dev_t);
		return;
	}
	if (!pp->check_running) {
		if (t->now < pp->next_check)
			return;
		checker_start(pp->checker);
		pp->check_running = true;
	}
	chk = checker_poll(pp->checker, NULL);
	if (chk == PATH_PENDING) {
		t->pending++;
		if (pp->state == PATH_UNCHECKED)
			pp->state = PATH_PENDING;
		return;
	}
	pp->check_running = false;
	path_verdict(d, t, pp, chk);
	if (!t->full) {
		size_t k = 0;

		while (k < t->judged.n && t->judged.items[k] != pp->mpp)
			k++;
		if (k == t->judged.n)
			map_ptr_vec_push(&t->judged, pp->mpp); /* -ENOMEM: the next full pass */
	}
}

static bool path_returned(const struct tick *t, const struct multipath *mpp, int group)
{
	const struct pathgroup *pg = mpp->pgs.items[group - 1];

	for (size_t i = 0; i < pg->paths.n; i++)
		for (size_t k = 0; k < t->returned.n; k++)
			if (!strcmp(pg->paths.items[i]->dev_t, t->returned.items[k]))
				return true;
	return false;
}

/* The map's statistics counters (show maps stats): map failures (the last
 * usable path gone), seconds spent queueing with no usable path. */
static void map_count_stats(struct tick *t, struct multipath *mpp, int usable)
{
	if (usable == 0 && mpp->had_usable)
		mpp->map_failures++;
	mpp->had_usable = usable > 0;
	if (usable == 0 && mpp->queue_if_no_path > 0) {
		if (mpp->q_time_mark && t->now > mpp->q_time_mark)
			mpp->total_q_time += (unsigned)(t->now - mpp->q_time_mark);
		mpp->q_time_mark = t->now;
	} else {
		mpp->q_time_mark = 0;
	}
}

/* no_path_retry and failback for one map, after its verdicts. */
static void map_tick(struct daemon *d, struct tick *t, struct multipath *mpp)
{
	int usable = 0, best, active;
	enum queue_action qa;

	for (size_t i = 0; i < mpp->paths.n; i++) {
		const struct path *pp = mpp->paths.items[i];

		/* before every path's first verdict nothing can be judged */
		if (pp->chk_state == PATH_UNCHECKED && pp->state != PATH_DOWN)
			return;
		usable += path_state_usable(pp->state);
	}
	map_count_stats(t, mpp, usable);
	if (usable == 0)
		release_held_paths(d, t, mpp);
	qa = mpp->queue_disabled
		     ? QA_NONE
		     : policy_no_path_retry(mpp->no_path_retry, usable, t->poll, t->now,
					    &mpp->retry_deadline, &mpp->queue_stopped);
	if (qa == QA_STOP) {
		mpp->q_timeouts++;
		mp_log(2, "%s: no usable path for %d checks, queueing disabled", mpp->alias,
		       mpp->no_path_retry);
		push_msg(t, mpp, NULL, M_STOP_QUEUE, 0);
	} else if (qa == QA_RESTORE) {
		mp_log(2, "%s: a path is back, queueing restored", mpp->alias);
		push_msg(t, mpp, NULL, M_QUEUE, 0);
	} else if (usable == 0 && mpp->retry_deadline && mpp->no_path_retry > 0) {
		mp_log(3, "%s: no usable path, queueing for %lds more", mpp->alias,
		       mpp->retry_deadline - t->now);
	}
	for (size_t g = 0; g < mpp->pgs.n; g++)
		pathgroup_update_priority(mpp->pgs.items[g]);
	best = policy_best_group(mpp);
	active = policy_active_group(mpp);
	if (active && best &&
	    policy_failback(mpp->failback, active, best, best && path_returned(t, mpp, best),
			    t->now, &mpp->failback_deadline))
		push_msg(t, mpp, NULL, M_SWITCH, best);
	if (t->now >= mpp->next_status) {
		strvec_push_dup(&t->status_due, mpp->alias);
		mpp->next_status = t->now + t->status_every;
	}
}

static void tick_locked(struct daemon *d, struct tick *t)
{
	for (size_t i = 0; i < d->vecs.paths.n; i++) {
		struct path *pp = d->vecs.paths.items[i];

		if (t->full)
			marginal_sync(d, t, pp);
		if (t->full || pp->check_running)
			path_tick(d, t, pp);
	}
	if (!t->full) {
		for (size_t i = 0; i < t->judged.n; i++)
			map_tick(d, t, t->judged.items[i]);
		return;
	}
	for (size_t i = 0; i < d->vecs.maps.n; i++)
		map_tick(d, t, d->vecs.maps.items[i]);
}

/* io_err_stat isolated the path of reinstatement m after this tick decided
 * it (a dm PATH_FAILED event on the dispatcher): the message is dropped.
 * Under path_msg_lock, which keeps the isolation from coming between this
 * look and the message. */
static bool reinstate_now_held(struct daemon *d, const struct dm_msg *m)
{
	const struct path *pp;
	bool held;

	pthread_mutex_lock(&d->vecs.lock);
	pp = pathvec_find_devt(&d->vecs.paths, m->devt);
	held = pp && !path_reinstate_allowed(d, pp);
	pthread_mutex_unlock(&d->vecs.lock);
	if (held)
		mp_log(3, "%s: %s: not reinstated: io_err_stat holds it now", m->map, m->devt);
	return held;
}

/* Send one message and record what the kernel now holds. Under
 * path_msg_lock. */
static void send_msg(struct daemon *d, const struct dm_msg *m)
{
	struct multipath *mpp;
	struct path *pp;
	int rc;

	if (m->kind == M_REINSTATE && reinstate_now_held(d, m))
		return;
	rc = devmapper_message(m->map, m->msg);
	if (rc < 0) {
		mp_log(1, "%s: %s failed: %s", m->map, m->msg, errno_desc(-rc));
		return;
	}
	pthread_mutex_lock(&d->vecs.lock);
	pp = m->devt[0] ? pathvec_find_devt(&d->vecs.paths, m->devt) : NULL;
	mpp = mapvec_find_alias(&d->vecs.maps, m->map);
	if (pp && m->kind == M_FAIL) {
		pp->dmstate = PSTATE_FAILED;
		if (mpp)
			mpp->path_faults++;
		mp_log(2, "%s: path %s failed in the kernel", m->map, m->devt);
	} else if (pp && m->kind == M_REINSTATE) {
		pp->dmstate = PSTATE_ACTIVE;
		mp_log(2, "%s: path %s reinstated", m->map, m->devt);
	} else if (mpp && m->kind == M_SWITCH) {
		mpp->switch_groups++;
		mpp->next_status = 0;
		mp_log(2, "%s: switched to path group %d", m->map, m->group);
	} else if (mpp && (m->kind == M_STOP_QUEUE || m->kind == M_QUEUE)) {
		configure_map_set_queueing(mpp, m->kind == M_QUEUE);
	}
	pthread_mutex_unlock(&d->vecs.lock);
}

static void send_msgs(struct daemon *d, struct tick *t)
{
	for (size_t i = 0; i < t->msgs.n; i++) {
		pthread_mutex_lock(&d->path_msg_lock);
		send_msg(d, &t->msgs.items[i]);
		pthread_mutex_unlock(&d->path_msg_lock);
	}
}

/*
 * Make the checker of path devt (a checker-open thread, no lock held): its
 * open() may wait on a device in error handling, for as long as that
 * lasts, so the checker thread never makes one itself. A path with no
 * device to open counts as down and is failed in the kernel.
 */
static void make_checker(void *ctx, const char *devt, bool unused)
{
	struct daemon *d = ctx;
	char dev[DEV_NAME_SIZE], name[16], node[DEV_NAME_SIZE + 8];
	struct checker *c = NULL;
	struct dm_msg m = {0};
	struct path *pp;
	int rc = -ENODEV, timeout;

	(void)unused;
	pthread_mutex_lock(&d->vecs.lock);
	pp = pathvec_find_devt(&d->vecs.paths, devt);
	if (!pp || pp->checker || !pp->mpp) {
		pthread_mutex_unlock(&d->vecs.lock);
		return;
	}
	strlcpy_trunc(dev, pp->dev, sizeof(dev));
	strlcpy_trunc(name, pp->checker_name, sizeof(name));
	timeout = pp->checker_timeout;
	pthread_mutex_unlock(&d->vecs.lock);
	if (dev[0]) {
		snprintf(node, sizeof(node), "/dev/%s", dev);
		rc = checker_new(name, node, (unsigned)timeout, &c);
	}
	pthread_mutex_lock(&d->vecs.lock);
	pp = pathvec_find_devt(&d->vecs.paths, devt);
	if (pp && !pp->checker && rc == 0 && !strcmp(pp->checker_name, name) &&
	    pp->checker_timeout == timeout) {
		pp->checker = c;
		pp->next_check = 0;
		c = NULL;
	} else if (pp && rc < 0) {
		enum path_state before = pp->state;

		pp->chk_state = PATH_DOWN;
		snprintf(pp->state_msg, sizeof(pp->state_msg), "cannot open: %s",
			 errno_desc(-rc));
		if (pp->mpp) {
			enum path_state shown;

			if (policy_path_action(PATH_DOWN, pp->dmstate, true, &shown) == PA_FAIL)
				m = msg_make(pp->mpp, pp->dev_t, M_FAIL, 0);
			pp->state = shown;
			if (before != shown)
				mp_log(2, "%s: %s: %s", pp->mpp->alias,
				       pp->dev[0] ? pp->dev : pp->dev_t, pp->state_msg);
		}
	}
	pthread_mutex_unlock(&d->vecs.lock);
	checker_free(c);
	if (m.msg[0]) {
		pthread_mutex_lock(&d->path_msg_lock);
		send_msg(d, &m);
		pthread_mutex_unlock(&d->path_msg_lock);
	}
}

/* Hand devt to queue q (a thread of it does the blocking part). */
static void post(struct workq *q, const char *devt, bool flag, const char *what)
{
	int rc = workq_post(q, devt, flag);

	if (rc < 0)
		mp_log(3, "%s: %s not made: %s", devt, what, errno_desc(-rc));
}

/* The missing checkers are made by the checker-open threads (see
 * make_checker()). Paths that came back may have another priority now
 * (ALUA states), and so may usable paths, asked at most every
 * max_polling_interval (see path_verdict()): asked by the prio threads,
 * since the ask is SG_IO, which blocks for as long as the path's transport
 * hangs (the kernel does not time a command out while its queue is
 * blocked), and a path may hang right after the check that found it up. */
static void hand_over(struct daemon *d, struct tick *t)
{
	for (size_t i = 0; i < t->need_checker.n; i++)
		post(d->chkq, t->need_checker.items[i], false, "checker");
	for (size_t i = 0; i < t->returned.n; i++) {
		post(d->prioq, t->returned.items[i], true, "priority ask");
		prflag_path_returned(d, t->returned.items[i]); /* reservation key */
	}
	for (size_t i = 0; i < t->reprio.n; i++)
		post(d->prioq, t->reprio.items[i], false, "priority ask");
	for (size_t i = 0; i < t->recheck.n; i++)
		post(d->prioq, t->recheck.items[i], false, "wwid recheck");
}

/* A prio thread: a path waiting for its WWID recheck is not asked its
 * priority (that comes when it is back in service). */
static void prio_work(void *ctx, const char *devt, bool returned)
{
	if (!recheck_run(ctx, devt))
		path_refresh_priority(ctx, devt, returned);
}

static void tick_release(struct tick *t)
{
	dm_msg_vec_release(&t->msgs);
	strvec_free_all(&t->need_checker);
	map_ptr_vec_release(&t->judged);
	strvec_free_all(&t->returned);
	strvec_free_all(&t->reprio);
	strvec_free_all(&t->recheck);
	strvec_free_all(&t->status_due);
	strvec_free_all(&t->regroup);
}

/* One pass (full or pending, see struct tick); returns the number of
 * checks still pending. */
static int checker_tick(struct daemon *d, bool full)
{
	struct tick t = {.now = now_s(), .full = full};
	int pending;

	rcu_read_lock();
	t.poll = rcu_dereference(d->conf)->defaults.polling_interval;
	t.max_poll = rcu_dereference(d->conf)->defaults.max_polling_interval;
	t.recheck_wwid = rcu_dereference(d->conf)->defaults.recheck_wwid == YN_YES;
	t.marginal = rcu_dereference(d->conf)->defaults.marginal_pathgroups;
	rcu_read_unlock();
	if (t.poll < 1)
		t.poll = 1;
	if (t.max_poll < t.poll)
		t.max_poll = t.poll;
	/* a status read is an ioctl with a 16 KiB buffer per map: at hundreds
	 * of maps most of the idle checker's CPU. The dm events thread reads
	 * the status of every map whose event number moved (a path failed or
	 * reinstated, a message, a load), so with it running the periodic
	 * read only catches what an event could have missed */
	t.status_every = atomic_load(&d->dmevents_live) ? STATUS_EVENTS_FACTOR * t.max_poll
						       : t.max_poll;
	pthread_mutex_lock(&d->vecs.lock);
	tick_locked(d, &t);
	pthread_mutex_unlock(&d->vecs.lock);
	send_msgs(d, &t);
	hand_over(d, &t);
	for (size_t i = 0; i < t.regroup.n; i++)
		dispatch_post(d, JOB_UPDATE_MAP, t.regroup.items[i], false, 0);
	maps_sync_status(d, &t.status_due);
	pending = t.pending;
	tick_release(&t);
	return pending;
}

static void *checker_thread(void *arg)
{
	struct daemon *d = arg;
	struct pollfd pfd = {.fd = d->stop_fd, .events = POLLIN};
	uint64_t wd_usec = 0;
	bool watchdog = sd_watchdog_enabled(0, &wd_usec) > 0;
	struct timespec next;
	unsigned seed;

	pthread_setname_np(pthread_self(), "checker");
	rcu_register_thread();
	next = ts_now();
	seed = (unsigned)next.tv_nsec;
	while (!atomic_load(&d->stopping)) {
		long long wait_ms;
		int pending = 0;

		/* the first set-up creates the maps first (as multipath-tools
		 * does): checks, checker opens and status reads would compete
		 * with it for vecs.lock, the dm lock and the CPU, which udev
		 * already saturates while hundreds of maps appear */
		if (atomic_load(&d->ready))
			pending = checker_tick(d, true);
		if (watchdog)
			sd_notify(0, "WATCHDOG=1");
		next = ts_add_ms(next, tick_period_ms(&seed));
		wait_ms = -ts_since_ms(&next);
		if (wait_ms < 0 || wait_ms > TICK_MS + TICK_JITTER_MS) { /* fell behind: start afresh */
			next = ts_now();
			wait_ms = 0;
		}
		/* verdicts of pending checks are collected sooner than the tick */
		while (pending && wait_ms > PENDING_POLL_MS && !atomic_load(&d->stopping)) {
			if (poll(&pfd, 1, PENDING_POLL_MS) > 0)
				break;
			wait_ms -= PENDING_POLL_MS;
			pending = checker_tick(d, false);
		}
		if (wait_ms > 0)
			poll(&pfd, 1, (int)wait_ms);
	}
	rcu_unregister_thread();
	return NULL;
}

int checker_loop_start(struct daemon *d)
{
	int rc = workq_new("prio", prio_work, d, PRIO_WORKERS, &d->prioq);

	if (rc == 0)
		rc = workq_new("chkopen", make_checker, d, CHKOPEN_WORKERS, &d->chkq);
	if (rc == 0)
		rc = prflag_start(d);
	if (rc < 0)
		return rc;
	rc = pthread_create(&d->checker_thr, NULL, checker_thread, d);
	if (rc)
		return -rc;
	d->checker_up = true;
	return 0;
}

bool checker_workers_stop(struct daemon *d, const struct timespec *deadline)
{
	bool prio = workq_stop(d->prioq, deadline), chk = workq_stop(d->chkq, deadline);
	bool pr = prflag_stop(d, deadline);

	if (prio)
		d->prioq = NULL;
	if (chk)
		d->chkq = NULL;
	return prio && chk && pr;
}
