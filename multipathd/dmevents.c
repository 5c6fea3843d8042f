// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The dm events thread: one for all maps. It arms DM_DEV_ARM_POLL on its
 * own /dev/mapper/control fd, then lists every multipath map with its event
 * number (one ioctl for the maps it knows: list_and_compare()); a map whose
 * number moved had a table load, a message, a path
 * failure or a resize: its status is read again and published
 * (maps_sync_status()). A managed map that is gone was removed outside the
 * daemon: the dispatcher forgets it. A wake with no number moved and no map
 * gone is a table swap (create, reload, rename move no map's number): the
 * dispatcher compares every map's live table with ours, once for any number
 * of such wakes queued meanwhile. Arming before listing means an event
 * between the list and the poll still wakes the poll.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <urcu.h>

#include "daemon.h"
#include "devmapper.h"
#include "util/log.h"

struct seen {
	struct dm_map_event_vec maps; /* the last list */
};

static const struct dm_map_event *find_event(const struct dm_map_event_vec *v, const char *name)
{
	for (size_t i = 0; i < v->n; i++)
		if (!strcmp(v->items[i].name, name))
			return &v->items[i];
	return NULL;
}

/* Compare a new list with the last one; act on the differences. False
 * when there are none; with last_look, a table swap is assumed then. */
static bool compare_lists(struct daemon *d, const struct dm_map_event_vec *old,
			  const struct dm_map_event_vec *now, bool last_look)
{
	bool moved;

	struct strvec changed = {0}, gone = {0};

	for (size_t i = 0; i < now->n; i++) {
		const struct dm_map_event *o = find_event(old, now->items[i].name);

		if (!o || o->event_nr != now->items[i].event_nr)
			strvec_push_dup(&changed, now->items[i].name);
	}
	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; i < d->vecs.maps.n; i++) {
		const char *name = d->vecs.maps.items[i]->alias;

		if (find_event(old, name) && !find_event(now, name))
			strvec_push_dup(&gone, name);
	}
	pthread_mutex_unlock(&d->vecs.lock);
	moved = changed.n || gone.n;
	if (changed.n)
		maps_sync_status(d, &changed);
	else if (!gone.n && last_look)
		/* a table swap (a reload by someone) wakes us but moves no
		 * event number: compare every map's table with ours */
		dispatch_post_check_maps(d);
	for (size_t i = 0; i < gone.n; i++) {
		mp_log(2, "%s: removed outside the daemon", gone.items[i]);
		dispatch_post(d, JOB_MAP_GONE, gone.items[i], false, 0);
	}
	strvec_free_all(&changed);
	strvec_free_all(&gone);
	return moved;
}

/*
 * List the maps into *now (the devices with other tables into *others)
 * and act on what moved since *last. The list takes the maps and other
 * devices of the last one as they were, with one ioctl (path failures,
 * messages: the event numbers move); a wake where nothing moved is a table
 * swap, which may have made a device a map or another device: then every
 * device is classed again, with a query each, and compared once more.
 */
static int list_and_compare(struct daemon *d, const struct dm_map_event_vec *last,
			    struct dm_map_event_vec *others, struct dm_map_event_vec *now,
			    bool first)
{
	int rc = devmapper_list_map_events_known(first ? NULL : last, others, now);

	if (rc < 0 || first || compare_lists(d, last, now, false))
		return rc;
	dm_map_event_vec_release(now);
	rc = devmapper_list_map_events_known(NULL, others, now);
	if (rc >= 0)
		compare_lists(d, last, now, true);
	return rc;
}

static void *dmevents_thread(void *arg)
{
	struct daemon *d = arg;
	struct dm_map_event_vec last = {0}, others = {0};
	bool first = true; /* the first list is the baseline */
	int fd = devmapper_event_open();
	struct pollfd pfd[2] = {{.fd = d->stop_fd, .events = POLLIN}, {.fd = fd, .events = POLLIN}};

	pthread_setname_np(pthread_self(), "dmevents");
	rcu_register_thread();
	if (fd < 0) {
		mp_log(1, "multipathd: no dm events (%s): changes made outside the daemon are "
			  "seen at the periodic status reads only", errno_desc(-fd));
		goto out;
	}
	/* nothing to compare before the first set-up is done: listing every
	 * map (an ioctl each) meanwhile only competed with the set-up for the
	 * dm lock. The checker reads every map's status at its first tick,
	 * which covers the events of the set-up. */
	while (!atomic_load(&d->ready) && !atomic_load(&d->stopping))
		if (poll(pfd, 1, 200) > 0)
			goto out;
	while (!atomic_load(&d->stopping)) {
		struct dm_map_event_vec now = {0};
		int rc = devmapper_event_arm(fd);

		if (rc == 0)
			rc = list_and_compare(d, &last, &others, &now, first);
		if (rc < 0) {
			mp_log(1, "multipathd: dm events: %s", errno_desc(-rc));
			dm_map_event_vec_release(&now);
			break;
		}
		atomic_store(&d->dmevents_live, true);
		first = false;
		dm_map_event_vec_release(&last);
		last = now;
		if (poll(pfd, 2, -1) < 0 && errno != EINTR)
			break;
		if (pfd[0].revents)
			break;
	}
out:
	atomic_store(&d->dmevents_live, false);
	dm_map_event_vec_release(&last);
	dm_map_event_vec_release(&others);
	if (fd >= 0)
		close(fd);
	rcu_unregister_thread();
	return NULL;
}

int dmevents_start(struct daemon *d)
{
	int rc = pthread_create(&d->dmevents_thr, NULL, dmevents_thread, d);

	if (rc)
		return -rc;
	d->dmevents_up = true;
	return 0;
}
