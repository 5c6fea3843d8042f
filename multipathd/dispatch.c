// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The dispatcher thread: uevents and jobs, one at a time, in order.
 *
 * It opens the uevent monitor before the first set-up so that nothing that
 * happens meanwhile is lost, runs the set-up, then waits on the monitor, the
 * job eventfd and the stop eventfd. A burst of uevents is gathered until the
 * source is quiet for BURST_QUIET_MS (at most BURST_MAX_MS), merged
 * (uevent_merge()), and applied with one map update per WWID. dm path
 * events (PATH_FAILED, PATH_REINSTATED) are taken from a second monitor on
 * the kernel's own netlink source, at once and in order: udev passes them
 * on only after its rules ran, seconds later on a busy host, and io_err_stat
 * must count a failure before the checker can reinstate the path. The wait
 * on them ends early too when a map put off by ghost_delay is due
 * (maps_ghost_timeout_ms()): that map is created even if nothing else
 * happens. The first set-up does not wait for udev to finish with its maps'
 * events (at hundreds of maps udev takes many seconds more than the maps):
 * their udev cookies are looked at every SETUP_COOKIES_POLL_MS instead,
 * between the other work, until udev is done with them.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include <libudev.h>
#include <urcu.h>

#include "daemon.h"
#include "devmapper.h"
#include "uevent.h"
#include "util/log.h"
#include "util/time.h"

enum { BURST_QUIET_MS = 50, BURST_MAX_MS = 1000, SETUP_COOKIES_POLL_MS = 200 };

int dispatch_post(struct daemon *d, enum job_type type, const char *arg, bool wait,
		  int timeout_ms)
{
	struct job *j = calloc(1, sizeof(*j));
	struct timespec until;
	uint64_t one = 1;
	int rc = 0;

	if (!j)
		return -ENOMEM;
	j->type = type;
	strlcpy_trunc(j->arg, arg ? arg : "", sizeof(j->arg));
	j->waited = wait;
	pthread_mutex_lock(&d->job_lock);
	if (atomic_load(&d->stopping)) {
		pthread_mutex_unlock(&d->job_lock);
		free(j);
		return -ESHUTDOWN;
	}
	if (d->jobs_tail)
		d->jobs_tail->next = j;
	else
		d->jobs = j;
	d->jobs_tail = j;
	if (write(d->job_fd, &one, sizeof(one)) < 0)
		mp_log(3, "dispatch: job eventfd: %m");
	if (!wait) {
		pthread_mutex_unlock(&d->job_lock);
		return 0;
	}
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += timeout_ms / 1000;
	until.tv_nsec += (long)(timeout_ms % 1000) * 1000000;
	if (until.tv_nsec >= 1000000000) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000;
	}
	while (!j->done && rc == 0 && !atomic_load(&d->stopping))
		rc = pthread_cond_timedwait(&d->job_cond, &d->job_lock, &until);
	if (j->done) {
		rc = j->rc;
		free(j);
	} else {
		j->waited = false; /* the dispatcher frees it when done */
		rc = atomic_load(&d->stopping) ? -ESHUTDOWN : -ETIMEDOUT;
	}
	pthread_mutex_unlock(&d->job_lock);
	return rc;
}

void dispatch_post_check_maps(struct daemon *d)
{
	if (!atomic_exchange(&d->check_maps_queued, true) &&
	    dispatch_post(d, JOB_CHECK_MAPS, NULL, false, 0) < 0)
		atomic_store(&d->check_maps_queued, false);
}

static int check_all_maps(struct daemon *d)
{
	struct strvec names = {0};

	atomic_store(&d->check_maps_queued, false);
	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; i < d->vecs.maps.n; i++)
		strvec_push_dup(&names, d->vecs.maps.items[i]->alias);
	pthread_mutex_unlock(&d->vecs.lock);
	for (size_t i = 0; i < names.n && !atomic_load(&d->stopping); i++)
		maps_check_map(d, names.items[i]);
	strvec_free_all(&names);
	return 0;
}

static struct job *job_next(struct daemon *d)
{
	struct job *j;

	pthread_mutex_lock(&d->job_lock);
	j = d->jobs;
	if (j) {
		d->jobs = j->next;
		if (!d->jobs)
			d->jobs_tail = NULL;
	}
	pthread_mutex_unlock(&d->job_lock);
	return j;
}

static void job_finish(struct daemon *d, struct job *j, int rc)
{
	pthread_mutex_lock(&d->job_lock);
	j->rc = rc;
	j->done = true;
	if (!j->waited)
		free(j);
	pthread_cond_broadcast(&d->job_cond);
	pthread_mutex_unlock(&d->job_lock);
}

static int map_wwid(struct daemon *d, const char *name, char *wwid, size_t size)
{
	struct multipath *mpp;

	pthread_mutex_lock(&d->vecs.lock);
	mpp = mapvec_find_alias(&d->vecs.maps, name);
	if (mpp)
		strlcpy_trunc(wwid, mpp->wwid, size);
	pthread_mutex_unlock(&d->vecs.lock);
	return mpp ? 0 : -ENOENT;
}

static int del_all_maps(struct daemon *d)
{
	struct strvec names = {0};
	int rc = 0;

	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; i < d->vecs.maps.n; i++)
		strvec_push_dup(&names, d->vecs.maps.items[i]->alias);
	pthread_mutex_unlock(&d->vecs.lock);
	for (size_t i = 0; i < names.n && !atomic_load(&d->stopping); i++) {
		int r = maps_remove_map(d, names.items[i], false);

		if (r < 0) {
			mp_log(1, "%s: cannot remove map: %s", names.items[i], errno_desc(-r));
			rc = r;
		}
	}
	strvec_free_all(&names);
	return rc;
}

static int job_run(struct daemon *d, const struct job *j)
{
	char wwid[WWID_SIZE];
	int rc;

	switch (j->type) {
	case JOB_RECONFIGURE:
		/* a request that comes while this one runs is a new one */
		atomic_store(&d->reconfiguring, false);
		daemon_notify("RELOADING=1\nSTATUS=reconfigure");
		rc = maps_reconfigure(d);
		daemon_notify("READY=1\nSTATUS=up");
		return rc;
	case JOB_ADD_PATH:
		return maps_add_path(d, j->arg, NULL, NULL);
	case JOB_DEL_PATH:
		return maps_remove_path(d, j->arg, NULL);
	case JOB_ADD_MAP:
		return maps_add_map(d, j->arg);
	case JOB_DEL_MAP:
		return maps_remove_map(d, j->arg, false);
	case JOB_DEL_MAPS:
		return del_all_maps(d);
	case JOB_RELOAD_MAP:
		rc = map_wwid(d, j->arg, wwid, sizeof(wwid));
		return rc < 0 ? rc : maps_update_wwid(d, wwid, true);
	case JOB_MAP_GONE: /* unless a map of that name exists again (a rename) */
		if (devmapper_get_info(j->arg, NULL, 0, NULL, NULL, NULL) != -ENXIO)
			return 0;
		return maps_remove_map(d, j->arg, true);
	case JOB_CHECK_MAP:
		return maps_check_map(d, j->arg);
	case JOB_CHECK_MAPS:
		return check_all_maps(d);
	case JOB_UPDATE_MAP:
		return maps_update_wwid(d, j->arg, false);
	}
	return -EINVAL;
}

static void run_jobs(struct daemon *d)
{
	uint64_t n;
	struct job *j;

	if (read(d->job_fd, &n, sizeof(n)) < 0 && errno != EAGAIN)
		mp_log(3, "dispatch: job eventfd: %m");
	while (!atomic_load(&d->stopping) && (j = job_next(d)))
		job_finish(d, j, job_run(d, j));
}

static bool is_dm_path_event(const struct uevent *ev)
{
	return ev->is_dm && ev->action == UEVENT_CHANGE && ev->dm_path[0] &&
	       (ev->dm_action == UEVENT_DM_PATH_FAILED ||
		ev->dm_action == UEVENT_DM_PATH_REINSTATED);
}

/* The kernel's own uevents: dm path failures and reinstatements, at once
 * and in order (udev may pass them on seconds later). */
static void handle_kernel_uevents(struct daemon *d, struct uevent_monitor *kmon)
{
	struct uevent_vec batch = {0};

	uevent_monitor_read(kmon, &batch);
	if (uevent_monitor_overflowed(kmon))
		mp_log(1, "uevents: kernel events were lost (receive buffer overflow)");
	for (size_t i = 0; i < batch.n && !atomic_load(&d->stopping); i++) {
		const struct uevent *ev = batch.items[i];

		if (!is_dm_path_event(ev))
			continue;
		mp_log(3, "%s: kernel says %s %s", ev->dm_name[0] ? ev->dm_name : ev->kname,
		       uevent_dm_action_name(ev->dm_action), ev->dm_path);
		maps_dm_path_event(d, ev->dm_path, ev->dm_action == UEVENT_DM_PATH_FAILED);
	}
	uevent_vec_free_all(&batch);
}

/* One uevent of a merged burst. */
static void uevent_apply(struct daemon *d, const struct uevent *ev, struct strvec *dirty,
			 bool kernel_dm_events)
{
	if (ev->is_dm) {
		/* taken from the kernel source when there is one */
		if (!kernel_dm_events && is_dm_path_event(ev)) {
			mp_log(3, "%s: kernel says %s %s", ev->dm_name,
			       uevent_dm_action_name(ev->dm_action), ev->dm_path);
			maps_dm_path_event(d, ev->dm_path,
					   ev->dm_action == UEVENT_DM_PATH_FAILED);
		}
		return;
	}
	if (ev->action == UEVENT_ADD)
		maps_add_path(d, ev->kname, ev->udev, dirty);
	else if (ev->action == UEVENT_CHANGE)
		maps_change_path(d, ev->kname, ev->udev, dirty);
	else if (ev->action == UEVENT_REMOVE)
		maps_remove_path(d, ev->kname, dirty);
}

/* Gather a burst, merge it, apply it. Kernel dm path events arriving
 * meanwhile are handled at once. */
static void handle_uevents(struct daemon *d, struct uevent_monitor *mon,
			   struct uevent_monitor *kmon)
{
	struct pollfd pfd[2] = {{.fd = uevent_monitor_fd(mon), .events = POLLIN},
				{.fd = kmon ? uevent_monitor_fd(kmon) : -1, .events = POLLIN}};
	struct uevent_vec batch = {0};
	struct strvec dirty = {0};
	struct timespec t0;

	t0 = ts_now();
	pfd[0].revents = POLLIN;
	while (ts_since_ms(&t0) < BURST_MAX_MS && !atomic_load(&d->stopping)) {
		if (pfd[1].revents)
			handle_kernel_uevents(d, kmon);
		if (pfd[0].revents && uevent_monitor_read(mon, &batch) < 0)
			break;
		if (!pfd[0].revents && !pfd[1].revents)
			break; /* quiet: the burst is over */
		if (poll(pfd, 2, BURST_QUIET_MS) < 0)
			break;
	}
	if (uevent_monitor_overflowed(mon))
		mp_log(1, "uevents: events were lost (receive buffer overflow)");
	uevent_merge(&batch);
	if (batch.n > 1)
		mp_log(3, "uevents: a burst of %zu", batch.n);
	for (size_t i = 0; i < batch.n && !atomic_load(&d->stopping); i++)
		uevent_apply(d, batch.items[i], &dirty, kmon != NULL);
	maps_update_wwids(d, &dirty);
	strvec_free_all(&dirty);
	uevent_vec_free_all(&batch);
}

static void dispatch_loop(struct daemon *d, struct uevent_monitor *mon,
			  struct uevent_monitor *kmon)
{
	struct pollfd pfd[4] = {
		{.fd = d->stop_fd, .events = POLLIN},
		{.fd = d->job_fd, .events = POLLIN},
		{.fd = mon ? uevent_monitor_fd(mon) : -1, .events = POLLIN},
		{.fd = kmon ? uevent_monitor_fd(kmon) : -1, .events = POLLIN},
	};

	while (!atomic_load(&d->stopping)) {
		/* wakes too when a map put off by ghost_delay is due, and
		 * while udev works on the first set-up's maps */
		int timeout = maps_ghost_timeout_ms(d);

		if (d->setup_cookies.n && (timeout < 0 || timeout > SETUP_COOKIES_POLL_MS))
			timeout = SETUP_COOKIES_POLL_MS;
		if (poll(pfd, 4, timeout) < 0) {
			if (errno != EINTR)
				break;
			continue;
		}
		if (pfd[0].revents)
			break;
		if (pfd[3].revents)
			handle_kernel_uevents(d, kmon);
		if (pfd[2].revents)
			handle_uevents(d, mon, kmon);
		if (pfd[1].revents)
			run_jobs(d);
		maps_ghost_expire(d);
		if (d->setup_cookies.n)
			devmapper_udev_cookies_poll(&d->setup_cookies);
	}
	devmapper_udev_cookies_release(&d->setup_cookies);
}

static void *dispatch_thread(void *arg)
{
	struct daemon *d = arg;
	struct uevent_monitor *mon = NULL, *kmon = NULL;
	int rc;

	pthread_setname_np(pthread_self(), "dispatcher");
	rcu_register_thread();
	rc = uevent_monitor_open(d->udev, &mon);
	if (rc < 0)
		mp_log(1, "multipathd: no uevents (%s): paths added or removed later are not seen",
		       errno_desc(-rc));
	rc = uevent_monitor_open_source(d->udev, "kernel", &kmon);
	if (rc < 0)
		mp_log(3, "multipathd: no kernel uevents (%s): dm path events come through udev",
		       errno_desc(-rc));
	daemon_notify("STATUS=configure");
	maps_initial_setup(d);
	atomic_store(&d->ready, true);
	daemon_notify("READY=1\nSTATUS=up");
	mp_log(2, "multipathd: ready");
	dispatch_loop(d, mon, kmon);
	uevent_monitor_close(kmon);
	uevent_monitor_close(mon);
	/* jobs left are answered, never dropped silently */
	for (struct job *j; (j = job_next(d));)
		job_finish(d, j, -ESHUTDOWN);
	rcu_unregister_thread();
	return NULL;
}

int dispatch_start(struct daemon *d)
{
	int rc;

	d->job_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (d->job_fd < 0)
		return -errno;
	rc = pthread_create(&d->dispatch_thr, NULL, dispatch_thread, d);
	if (rc)
		return -rc;
	d->dispatch_up = true;
	return 0;
}
