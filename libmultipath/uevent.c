// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * uevent: libudev monitor, events as small owned structs, burst merging.
 * See uevent.h for the model and the merge rules.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/sysmacros.h>

#include <libudev.h>

#include "structs.h"
#include "uevent.h"
#include "util/log.h"

struct uevent_monitor {
	struct udev_monitor *mon;
	bool overflowed; /* ENOBUFS seen since the last uevent_monitor_overflowed() */
};

/* ---- names ---- */

static const struct {
	const char *name;
	enum uevent_action action;
} action_names[] = {
    {"add", UEVENT_ADD},
    {"remove", UEVENT_REMOVE},
    {"change", UEVENT_CHANGE},
    {"move", UEVENT_MOVE},
};

const char *uevent_action_name(enum uevent_action a)
{
	for (size_t i = 0; i < sizeof(action_names) / sizeof(action_names[0]); i++)
		if (action_names[i].action == a)
			return action_names[i].name;
	return "other";
}

static enum uevent_action action_parse(const char *s)
{
	for (size_t i = 0; s && i < sizeof(action_names) / sizeof(action_names[0]); i++)
		if (!strcmp(action_names[i].name, s))
			return action_names[i].action;
	return UEVENT_OTHER;
}

const char *uevent_dm_action_name(enum uevent_dm_action a)
{
	switch (a) {
	case UEVENT_DM_PATH_FAILED:
		return "PATH_FAILED";
	case UEVENT_DM_PATH_REINSTATED:
		return "PATH_REINSTATED";
	case UEVENT_DM_OTHER:
		return "other";
	default:
		return "";
	}
}

static enum uevent_dm_action dm_action_parse(const char *s)
{
	if (!s || !*s)
		return UEVENT_DM_NONE;
	if (!strcmp(s, "PATH_FAILED"))
		return UEVENT_DM_PATH_FAILED;
	if (!strcmp(s, "PATH_REINSTATED"))
		return UEVENT_DM_PATH_REINSTATED;
	return UEVENT_DM_OTHER;
}

/* ---- events ---- */

void uevent_free(struct uevent *ev)
{
	if (!ev)
		return;
	if (ev->udev)
		udev_device_unref(ev->udev);
	free(ev->devpath);
	free(ev);
}

void uevent_vec_free_all(struct uevent_vec *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->n; i++)
		uevent_free(v->items[i]);
	uevent_vec_release(v);
}

static void copy_prop(struct udev_device *ud, const char *key, char *dst, size_t size)
{
	const char *val = udev_device_get_property_value(ud, key);

	strlcpy_trunc(dst, val ? val : "", size);
}

static void fill_dm(struct uevent *ev, struct udev_device *ud)
{
	const char *nr = udev_device_get_property_value(ud, "DM_NR_VALID_PATHS");
	char *end;
	long val;

	copy_prop(ud, "DM_NAME", ev->dm_name, sizeof(ev->dm_name));
	copy_prop(ud, "DM_UUID", ev->dm_uuid, sizeof(ev->dm_uuid));
	copy_prop(ud, "DM_PATH", ev->dm_path, sizeof(ev->dm_path));
	ev->dm_action = dm_action_parse(udev_device_get_property_value(ud, "DM_ACTION"));
	if (!nr)
		return;
	errno = 0;
	val = strtol(nr, &end, 10);
	if (!errno && end != nr && !*end && val >= 0 && val <= 1000000)
		ev->dm_nr_valid_paths = (int)val;
}

/*
 * Turn a received device into an event; takes over the reference to ud.
 * Returns 1 with *out set, 0 when the event is dropped (a partition, no
 * kernel name), or -ENOMEM (ud released).
 */
static int uevent_from_device(struct udev_device *ud, struct uevent **out)
{
	const char *name = udev_device_get_sysname(ud);
	const char *devtype = udev_device_get_devtype(ud);
	const char *devpath = udev_device_get_devpath(ud);
	dev_t devnum = udev_device_get_devnum(ud);
	struct uevent *ev;

	if (!name || !*name || (devtype && !strcmp(devtype, "partition"))) {
		const char *action = udev_device_get_action(ud);

		mp_log(4, "uevent: %s %s dropped", action ? action : "?",
		       name ? name : "(no name)");
		udev_device_unref(ud);
		return 0;
	}
	ev = calloc(1, sizeof(*ev));
	if (!ev || !(ev->devpath = strdup(devpath ? devpath : ""))) {
		free(ev);
		udev_device_unref(ud);
		return -ENOMEM;
	}
	ev->udev = ud;
	ev->action = action_parse(udev_device_get_action(ud));
	ev->seqnum = udev_device_get_seqnum(ud);
	strlcpy_trunc(ev->kname, name, sizeof(ev->kname));
	strlcpy_trunc(ev->devtype, devtype ? devtype : "", sizeof(ev->devtype));
	if (devnum)
		snprintf(ev->devt, sizeof(ev->devt), "%u:%u", major(devnum), minor(devnum));
	ev->is_dm = !strncmp(name, "dm-", 3);
	ev->dm_nr_valid_paths = -1;
	if (ev->is_dm)
		fill_dm(ev, ud);
	*out = ev;
	return 1;
}

/* ---- monitor ---- */

/* Ask for a large receive buffer; the kernel may give less (rmem_max
 * without CAP_NET_ADMIN), which only costs events under extreme bursts. */
static void monitor_set_rcvbuf(struct uevent_monitor *m)
{
	int rc = udev_monitor_set_receive_buffer_size(m->mon, UEVENT_RCVBUF);
	int size = 0;
	socklen_t len = sizeof(size);

	if (getsockopt(udev_monitor_get_fd(m->mon), SOL_SOCKET, SO_RCVBUF, &size, &len) < 0)
		size = -1;
	if (rc < 0)
		mp_log(3, "uevent: receive buffer of %d bytes refused (%s), the kernel gave %d",
		       UEVENT_RCVBUF, errno_desc(-rc), size);
	else
		mp_log(4, "uevent: receive buffer %d bytes", size);
}

int uevent_monitor_open(struct udev *udev, struct uevent_monitor **out)
{
	return uevent_monitor_open_source(udev, "udev", out);
}

int uevent_monitor_open_source(struct udev *udev, const char *source,
			       struct uevent_monitor **out)
{
	struct uevent_monitor *m = calloc(1, sizeof(*m));
	int rc;

	if (!m)
		return -ENOMEM;
	errno = 0;
	m->mon = udev_monitor_new_from_netlink(udev, source);
	if (!m->mon) {
		rc = errno ? -errno : -ENOMEM;
		goto free_m;
	}
	rc = udev_monitor_filter_add_match_subsystem_devtype(m->mon, "block", NULL);
	if (rc < 0)
		goto unref;
	monitor_set_rcvbuf(m);
	rc = udev_monitor_enable_receiving(m->mon);
	if (rc < 0)
		goto unref;
	*out = m;
	return 0;

unref:
	udev_monitor_unref(m->mon);
free_m:
	free(m);
	return rc;
}

int uevent_monitor_fd(const struct uevent_monitor *m)
{
	return udev_monitor_get_fd(m->mon);
}

void uevent_monitor_close(struct uevent_monitor *m)
{
	if (!m)
		return;
	udev_monitor_unref(m->mon);
	free(m);
}

bool uevent_monitor_overflowed(struct uevent_monitor *m)
{
	bool res = m->overflowed;

	m->overflowed = false;
	return res;
}

/* Receive one device. 1 with *ud set, 0 when nothing more is queued,
 * -EAGAIN to try again (EINTR, an overflow noted), other -errno. */
static int monitor_receive(struct uevent_monitor *m, struct udev_device **ud)
{
	errno = 0;
	*ud = udev_monitor_receive_device(m->mon);
	if (*ud)
		return 1;
	switch (errno) {
	case 0:
	case EAGAIN:
		return 0;
	case EINTR:
		return -EAGAIN;
	case ENOBUFS:
		mp_log(3, "uevent: receive buffer overflow, events lost");
		m->overflowed = true;
		return -EAGAIN;
	default:
		return -errno;
	}
}

int uevent_monitor_read(struct uevent_monitor *m, struct uevent_vec *out)
{
	int n = 0, rc = 0;

	/* every attempt counts, so a flood of dropped events ends too */
	for (int tries = 0; tries < UEVENT_READ_MAX; tries++) {
		struct udev_device *ud;
		struct uevent *ev;

		rc = monitor_receive(m, &ud);
		if (rc == -EAGAIN)
			continue;
		if (rc <= 0)
			break;
		rc = uevent_from_device(ud, &ev);
		if (rc < 0)
			break;
		if (rc == 0)
			continue;
		if (uevent_vec_push(out, ev) < 0) {
			uevent_free(ev);
			rc = -ENOMEM;
			break;
		}
		mp_log(4, "uevent: %s %s %s", uevent_action_name(ev->action), ev->kname,
		       uevent_dm_action_name(ev->dm_action));
		n++;
	}
	if (rc < 0 && rc != -EAGAIN && !n)
		return rc;
	if (rc < 0 && rc != -EAGAIN)
		mp_log(3, "uevent: read stopped after %d events: %s", n, errno_desc(-rc));
	return n;
}

/* ---- merging ---- */

struct merge_key {
	const char *kname;
	size_t idx;
};

static int merge_key_cmp(const void *a, const void *b)
{
	const struct merge_key *x = a, *y = b;
	int c = strcmp(x->kname, y->kname);

	if (c)
		return c;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* keep (an add) takes over the payload of later, which is then dropped. */
static void absorb(struct uevent *keep, struct uevent *later)
{
	struct uevent tmp = *keep;

	*keep = *later;
	keep->action = tmp.action;
	*later = tmp;
}

/* The kept add, change and remove of the current run of one device. */
struct run {
	struct uevent *const *items;
	bool *drop;
	long add, change, remove;
};

static void run_reset(struct run *r)
{
	r->add = r->change = r->remove = -1;
}

static void run_drop(struct run *r, long *idx)
{
	if (*idx >= 0)
		r->drop[*idx] = true;
	*idx = -1;
}

static void run_step(struct run *r, long i)
{
	struct uevent *ev = r->items[i];

	if (ev->dm_action != UEVENT_DM_NONE || ev->action == UEVENT_MOVE ||
	    ev->action == UEVENT_OTHER) {
		run_reset(r); /* rule 7 */
		return;
	}
	switch (ev->action) {
	case UEVENT_CHANGE:
		if (!ev->is_dm && r->add >= 0) { /* rule 2 */
			absorb(r->items[r->add], ev);
			r->drop[i] = true;
			return;
		}
		run_drop(r, &r->change); /* rule 1 */
		r->change = i;
		return;
	case UEVENT_ADD:
		if (r->add >= 0) { /* rule 3 */
			absorb(r->items[r->add], ev);
			r->drop[i] = true;
			return;
		}
		if (!ev->is_dm)
			run_drop(r, &r->change); /* rule 2 */
		r->add = i;
		return;
	default:			 /* UEVENT_REMOVE */
		run_drop(r, &r->change); /* rule 4 */
		run_drop(r, &r->add);
		if (r->remove >= 0)
			r->drop[i] = true; /* rule 5 */
		else
			r->remove = i;
		return;
	}
}

void uevent_merge(struct uevent_vec *batch)
{
	struct merge_key *keys;
	struct run r;
	size_t n = batch->n, kept = 0;

	if (n < 2)
		return;
	keys = calloc(n, sizeof(*keys));
	r.drop = calloc(n, sizeof(*r.drop));
	if (!keys || !r.drop) {
		mp_log(4, "uevent: no memory to merge %zu events", n);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		keys[i] = (struct merge_key){batch->items[i]->kname, i};
	qsort(keys, n, sizeof(*keys), merge_key_cmp);
	r.items = batch->items;
	for (size_t k = 0; k < n; k++) {
		if (!k || strcmp(keys[k].kname, keys[k - 1].kname))
			run_reset(&r);
		run_step(&r, (long)keys[k].idx);
	}
	for (size_t i = 0; i < n; i++) {
		if (r.drop[i])
			uevent_free(batch->items[i]);
		else
			batch->items[kept++] = batch->items[i];
	}
	batch->n = kept;
	if (kept < n)
		mp_log(4, "uevent: merged %zu events into %zu", n, kept);
out:
	free(keys);
	free(r.drop);
}
