// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * uevent: the monitor against a fake libudev (tests/wraps/test_uevent.mk):
 * how it is opened, the events read with their properties, partitions
 * dropped, overflow and errors; then the merge rules as a table.
 * Every fake udev device counts its references: a test ends with none
 * alive, so a leaked or doubly released event fails.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <sys/types.h>

#include "structs.h"
#include "uevent.h"
#include "util/log.h"
#include "util/strbuf.h"

/* ---- fake libudev ---- */

struct udev_device {
	const char *action, *sysname, *devpath, *devtype;
	dev_t devnum;
	unsigned long long seqnum;
	const char *props[8][2];
	int refs;
};

struct udev_monitor {
	int dummy;
};

/* What receive returns next: a device, or NULL with err in errno. */
struct queued {
	struct udev_device *dev;
	int err;
};

static struct {
	struct udev_monitor mon;
	int live_devices;
	/* calls and what they return */
	const char *netlink_name, *filter_subsystem, *filter_devtype;
	int new_errno, filter_rc, rcvbuf_rc, enable_rc;
	int rcvbuf_size, enable_calls, unref_calls;
	struct queued *queue;
	size_t qlen, qpos;
} fk;

struct udev_monitor *__wrap_udev_monitor_new_from_netlink(struct udev *udev, const char *name);
struct udev_monitor *__wrap_udev_monitor_new_from_netlink(struct udev *udev, const char *name)
{
	(void)udev;
	fk.netlink_name = name;
	if (fk.new_errno) {
		errno = fk.new_errno;
		return NULL;
	}
	return &fk.mon;
}

int __wrap_udev_monitor_filter_add_match_subsystem_devtype(struct udev_monitor *m,
							   const char *subsystem,
							   const char *devtype);
int __wrap_udev_monitor_filter_add_match_subsystem_devtype(struct udev_monitor *m,
							   const char *subsystem,
							   const char *devtype)
{
	assert_ptr_equal(m, &fk.mon);
	fk.filter_subsystem = subsystem;
	fk.filter_devtype = devtype;
	return fk.filter_rc;
}

int __wrap_udev_monitor_set_receive_buffer_size(struct udev_monitor *m, int size);
int __wrap_udev_monitor_set_receive_buffer_size(struct udev_monitor *m, int size)
{
	assert_ptr_equal(m, &fk.mon);
	fk.rcvbuf_size = size;
	return fk.rcvbuf_rc;
}

int __wrap_udev_monitor_enable_receiving(struct udev_monitor *m);
int __wrap_udev_monitor_enable_receiving(struct udev_monitor *m)
{
	assert_ptr_equal(m, &fk.mon);
	fk.enable_calls++;
	return fk.enable_rc;
}

int __wrap_udev_monitor_get_fd(struct udev_monitor *m);
int __wrap_udev_monitor_get_fd(struct udev_monitor *m)
{
	assert_ptr_equal(m, &fk.mon);
	return 1234; /* not a socket: getsockopt fails, which is allowed */
}

struct udev_monitor *__wrap_udev_monitor_unref(struct udev_monitor *m);
struct udev_monitor *__wrap_udev_monitor_unref(struct udev_monitor *m)
{
	assert_ptr_equal(m, &fk.mon);
	fk.unref_calls++;
	return NULL;
}

struct udev_device *__wrap_udev_monitor_receive_device(struct udev_monitor *m);
struct udev_device *__wrap_udev_monitor_receive_device(struct udev_monitor *m)
{
	struct queued *q;

	assert_ptr_equal(m, &fk.mon);
	if (fk.qpos >= fk.qlen) {
		errno = EAGAIN;
		return NULL;
	}
	q = &fk.queue[fk.qpos++];
	if (!q->dev)
		errno = q->err;
	return q->dev;
}

const char *__wrap_udev_device_get_action(struct udev_device *ud);
const char *__wrap_udev_device_get_action(struct udev_device *ud)
{
	return ud->action;
}

const char *__wrap_udev_device_get_sysname(struct udev_device *ud);
const char *__wrap_udev_device_get_sysname(struct udev_device *ud)
{
	return ud->sysname;
}

const char *__wrap_udev_device_get_devpath(struct udev_device *ud);
const char *__wrap_udev_device_get_devpath(struct udev_device *ud)
{
	return ud->devpath;
}

const char *__wrap_udev_device_get_devtype(struct udev_device *ud);
const char *__wrap_udev_device_get_devtype(struct udev_device *ud)
{
	return ud->devtype;
}

dev_t __wrap_udev_device_get_devnum(struct udev_device *ud);
dev_t __wrap_udev_device_get_devnum(struct udev_device *ud)
{
	return ud->devnum;
}

unsigned long long __wrap_udev_device_get_seqnum(struct udev_device *ud);
unsigned long long __wrap_udev_device_get_seqnum(struct udev_device *ud)
{
	return ud->seqnum;
}

const char *__wrap_udev_device_get_property_value(struct udev_device *ud, const char *key);
const char *__wrap_udev_device_get_property_value(struct udev_device *ud, const char *key)
{
	for (size_t i = 0; i < 8 && ud->props[i][0]; i++)
		if (!strcmp(ud->props[i][0], key))
			return ud->props[i][1];
	return NULL;
}

struct udev_device *__wrap_udev_device_unref(struct udev_device *ud);
struct udev_device *__wrap_udev_device_unref(struct udev_device *ud)
{
	assert_non_null(ud);
	assert_true(ud->refs > 0);
	if (--ud->refs == 0) {
		fk.live_devices--;
		free(ud);
	}
	return NULL;
}

/* A device with one reference (the caller's), properties as key, value
 * pairs ending with NULL. */
static struct udev_device *dev_new(const char *action, const char *name, const char *devtype,
				   unsigned maj, unsigned min, unsigned long long seq, ...)
{
	struct udev_device *ud = calloc(1, sizeof(*ud));
	va_list ap;

	assert_non_null(ud);
	ud->action = action;
	ud->sysname = name;
	ud->devtype = devtype;
	ud->devpath = "/devices/fake";
	ud->devnum = makedev(maj, min);
	ud->seqnum = seq;
	ud->refs = 1;
	va_start(ap, seq);
	for (size_t i = 0; i < 8; i++) {
		const char *k = va_arg(ap, const char *);

		if (!k)
			break;
		ud->props[i][0] = k;
		ud->props[i][1] = va_arg(ap, const char *);
	}
	va_end(ap);
	fk.live_devices++;
	return ud;
}

static int setup(void **state)
{
	(void)state;
	memset(&fk, 0, sizeof(fk));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(fk.queue);
	assert_int_equal(fk.live_devices, 0);
	log_set_sink(NULL, NULL);
	log_set_verbosity(2);
	return 0;
}

static void queue_dev(struct udev_device *ud)
{
	fk.queue = realloc(fk.queue, (fk.qlen + 1) * sizeof(*fk.queue));
	assert_non_null(fk.queue);
	fk.queue[fk.qlen++] = (struct queued){ud, 0};
}

static void queue_err(int err)
{
	fk.queue = realloc(fk.queue, (fk.qlen + 1) * sizeof(*fk.queue));
	assert_non_null(fk.queue);
	fk.queue[fk.qlen++] = (struct queued){NULL, err};
}

static void capture(int level, const char *msg, void *data)
{
	(void)level;
	strbuf_addf(data, "%s\n", msg);
}

/* ---- the monitor ---- */

static struct uevent_monitor *open_ok(void)
{
	struct uevent_monitor *m = NULL;

	assert_int_equal(uevent_monitor_open((struct udev *)&fk, &m), 0);
	assert_non_null(m);
	return m;
}

static void test_open(void **state)
{
	struct uevent_monitor *m;
	struct strbuf logs = STRBUF_INIT;

	(void)state;
	log_set_verbosity(3);
	log_set_sink(capture, &logs);
	m = open_ok();
	assert_string_equal(fk.netlink_name, "udev");
	assert_string_equal(fk.filter_subsystem, "block");
	assert_null(fk.filter_devtype); /* disks, partitions (dropped later) and dm */
	assert_int_equal(fk.rcvbuf_size, 64 << 20);
	assert_int_equal(fk.enable_calls, 1);
	assert_int_equal(uevent_monitor_fd(m), 1234);
	assert_int_equal(logs.len, 0);
	uevent_monitor_close(m);
	assert_int_equal(fk.unref_calls, 1);
	uevent_monitor_close(NULL);

	/* a refused buffer size is logged at level 3 and is no error */
	fk.rcvbuf_rc = -EPERM;
	m = open_ok();
	assert_non_null(strstr(strbuf_str(&logs), "receive buffer of 67108864 bytes refused"));
	uevent_monitor_close(m);
	strbuf_release(&logs);
}

static void test_open_errors(void **state)
{
	struct uevent_monitor *m = (struct uevent_monitor *)&fk;

	(void)state;
	fk.new_errno = EPROTONOSUPPORT;
	assert_int_equal(uevent_monitor_open((struct udev *)&fk, &m), -EPROTONOSUPPORT);
	assert_ptr_equal(m, &fk);
	fk.new_errno = 0;
	fk.filter_rc = -ENOMEM;
	assert_int_equal(uevent_monitor_open((struct udev *)&fk, &m), -ENOMEM);
	assert_int_equal(fk.unref_calls, 1);
	fk.filter_rc = 0;
	fk.enable_rc = -EPERM;
	assert_int_equal(uevent_monitor_open((struct udev *)&fk, &m), -EPERM);
	assert_int_equal(fk.unref_calls, 2);
	assert_ptr_equal(m, &fk);
}

static void test_read_properties(void **state)
{
	struct uevent_monitor *m = open_ok();
	struct uevent_vec v = {0};
	struct udev_device *sdb, *dm;
	const struct uevent *ev;

	(void)state;
	sdb = dev_new("add", "sdb", "disk", 8, 16, 101, "ID_SERIAL", "3600a0b80", NULL);
	queue_dev(sdb);
	queue_dev(dev_new("add", "sdb1", "partition", 8, 17, 102, NULL));
	dm = dev_new("change", "dm-3", "disk", 254, 3, 103, "DM_NAME", "mpatha", "DM_UUID",
		     "mpath-3600a0b80", "DM_ACTION", "PATH_FAILED", "DM_PATH", "8:16",
		     "DM_NR_VALID_PATHS", "1", NULL);
	queue_dev(dm);
	queue_dev(dev_new("remove", "sdc", "disk", 8, 32, 104, NULL));
	queue_dev(dev_new("change", "dm-4", "disk", 254, 4, 105, "DM_ACTION", "PATH_REINSTATED",
			  "DM_PATH", "8:48", "DM_NR_VALID_PATHS", "x", NULL));
	queue_dev(dev_new("offline", "sdd", "disk", 8, 48, 106, NULL));
	queue_dev(dev_new("move", "sde", NULL, 0, 0, 107, "DM_NAME", "not-a-dm-device", NULL));
	queue_dev(dev_new("remove", "sdf2", "partition", 8, 82, 108, NULL));

	assert_int_equal(uevent_monitor_read(m, &v), 6);
	assert_int_equal(v.n, 6);
	/* the partitions' devices were released at once */
	assert_int_equal(fk.live_devices, 6);

	ev = v.items[0];
	assert_int_equal(ev->action, UEVENT_ADD);
	assert_string_equal(ev->kname, "sdb");
	assert_string_equal(ev->devt, "8:16");
	assert_string_equal(ev->devtype, "disk");
	assert_string_equal(ev->devpath, "/devices/fake");
	assert_int_equal(ev->seqnum, 101);
	assert_false(ev->is_dm);
	assert_int_equal(ev->dm_action, UEVENT_DM_NONE);
	assert_string_equal(ev->dm_name, "");
	assert_int_equal(ev->dm_nr_valid_paths, -1);
	assert_ptr_equal(ev->udev, sdb); /* the reference is kept for discovery */

	ev = v.items[1];
	assert_int_equal(ev->action, UEVENT_CHANGE);
	assert_string_equal(ev->kname, "dm-3");
	assert_string_equal(ev->devt, "254:3");
	assert_true(ev->is_dm);
	assert_string_equal(ev->dm_name, "mpatha");
	assert_string_equal(ev->dm_uuid, "mpath-3600a0b80");
	assert_int_equal(ev->dm_action, UEVENT_DM_PATH_FAILED);
	assert_string_equal(ev->dm_path, "8:16");
	assert_int_equal(ev->dm_nr_valid_paths, 1);
	assert_ptr_equal(ev->udev, dm);

	ev = v.items[2];
	assert_int_equal(ev->action, UEVENT_REMOVE);
	assert_string_equal(ev->kname, "sdc");

	ev = v.items[3];
	assert_int_equal(ev->dm_action, UEVENT_DM_PATH_REINSTATED);
	assert_string_equal(ev->dm_path, "8:48");
	assert_string_equal(ev->dm_name, "");
	assert_int_equal(ev->dm_nr_valid_paths, -1); /* not a number */

	ev = v.items[4];
	assert_int_equal(ev->action, UEVENT_OTHER);
	assert_string_equal(uevent_action_name(ev->action), "other");

	ev = v.items[5];
	assert_int_equal(ev->action, UEVENT_MOVE);
	assert_string_equal(ev->devt, ""); /* no device number */
	assert_string_equal(ev->devtype, "");
	assert_false(ev->is_dm);
	assert_string_equal(ev->dm_name, ""); /* dm properties only for dm-N */

	/* nothing more */
	assert_int_equal(uevent_monitor_read(m, &v), 0);
	assert_int_equal(v.n, 6);
	uevent_vec_free_all(&v);
	assert_int_equal(v.n, 0);
	uevent_vec_free_all(NULL);
	uevent_monitor_close(m);
}

static void test_read_overflow_and_errors(void **state)
{
	struct uevent_monitor *m = open_ok();
	struct uevent_vec v = {0};

	(void)state;
	assert_false(uevent_monitor_overflowed(m));
	/* an overflow in the middle: the read goes on, the flag is set once */
	queue_dev(dev_new("add", "sda", "disk", 8, 0, 1, NULL));
	queue_err(ENOBUFS);
	queue_err(EINTR);
	queue_dev(dev_new("add", "sdb", "disk", 8, 16, 3, NULL));
	assert_int_equal(uevent_monitor_read(m, &v), 2);
	assert_true(uevent_monitor_overflowed(m));
	assert_false(uevent_monitor_overflowed(m));

	/* an error with nothing read is returned; after an event, the count */
	queue_err(EIO);
	assert_int_equal(uevent_monitor_read(m, &v), -EIO);
	queue_dev(dev_new("add", "sdc", "disk", 8, 32, 4, NULL));
	queue_err(EIO);
	queue_dev(dev_new("add", "sdd", "disk", 8, 48, 5, NULL));
	assert_int_equal(uevent_monitor_read(m, &v), 1);
	assert_int_equal(uevent_monitor_read(m, &v), 1);
	assert_int_equal(v.n, 4);
	assert_string_equal(v.items[3]->kname, "sdd");
	/* an event without a kernel name is dropped */
	queue_dev(dev_new("add", NULL, "disk", 8, 64, 6, NULL));
	assert_int_equal(uevent_monitor_read(m, &v), 0);
	uevent_vec_free_all(&v);
	uevent_monitor_close(m);
}

/* A flood is read UEVENT_READ_MAX events at a time. */
static void test_read_max(void **state)
{
	struct uevent_monitor *m = open_ok();
	struct uevent_vec v = {0};
	size_t total = UEVENT_READ_MAX + 10;

	(void)state;
	for (size_t i = 0; i < total; i++)
		queue_dev(dev_new("change", "sda", "disk", 8, 0, i, NULL));
	assert_int_equal(uevent_monitor_read(m, &v), UEVENT_READ_MAX);
	assert_int_equal(uevent_monitor_read(m, &v), 10);
	assert_int_equal(v.n, total);
	/* and merged into the last one */
	uevent_merge(&v);
	assert_int_equal(v.n, 1);
	assert_int_equal(v.items[0]->seqnum, total - 1);
	assert_int_equal(fk.live_devices, 1);
	uevent_vec_free_all(&v);
	uevent_monitor_close(m);
}

/* ---- merging ---- */

/* Make an event as the monitor would, with a fake device to count. */
static struct uevent *ev_new(enum uevent_action action, const char *name, const char *dm_action,
			     const char *dm_path, unsigned long long seq)
{
	struct uevent *ev = calloc(1, sizeof(*ev));

	assert_non_null(ev);
	ev->action = action;
	ev->seqnum = seq;
	strlcpy_trunc(ev->kname, name, sizeof(ev->kname));
	ev->is_dm = !strncmp(name, "dm-", 3);
	ev->devpath = strdup("/devices/fake");
	assert_non_null(ev->devpath);
	ev->dm_nr_valid_paths = -1;
	if (dm_action) {
		ev->dm_action = !strcmp(dm_action, "PATH_FAILED")	? UEVENT_DM_PATH_FAILED
				: !strcmp(dm_action, "PATH_REINSTATED") ? UEVENT_DM_PATH_REINSTATED
									: UEVENT_DM_OTHER;
		strlcpy_trunc(ev->dm_path, dm_path, sizeof(ev->dm_path));
	}
	/* no name: the device must not point into an event the merge frees */
	ev->udev = dev_new(uevent_action_name(action), NULL, "disk", 0, 0, seq, NULL);
	return ev;
}

static enum uevent_action action_of(const char *word)
{
	static const char *const names[] = {"other", "add", "remove", "change", "move"};

	for (size_t i = 0; i < 5; i++)
		if (!strcmp(word, names[i]))
			return (enum uevent_action)i;
	fail_msg("bad action %s", word);
	return UEVENT_OTHER;
}

/* "add sda; change dm-3 PATH_FAILED 8:16; ..." -> events numbered 1, 2 ... */
static void batch_parse(const char *spec, struct uevent_vec *v)
{
	char buf[1024], *save = NULL;
	unsigned long long seq = 0;

	strlcpy_trunc(buf, spec, sizeof(buf));
	for (char *tok = strtok_r(buf, ";", &save); tok; tok = strtok_r(NULL, ";", &save)) {
		char act[16], name[16], dma[32] = "", dmp[16] = "";
		int n = sscanf(tok, "%15s %15s %31s %15s", act, name, dma, dmp);

		assert_true(n == 2 || n == 4);
		assert_int_equal(uevent_vec_push(v, ev_new(action_of(act), name,
							   n == 4 ? dma : NULL, dmp, ++seq)),
				 0);
	}
}

/* The batch as "add sda#3; change dm-3 PATH_FAILED#2" (#: the payload's
 * original position). */
static void batch_print(const struct uevent_vec *v, struct strbuf *out)
{
	for (size_t i = 0; i < v->n; i++) {
		const struct uevent *ev = v->items[i];

		strbuf_addf(out, "%s%s %s%s%s#%llu", i ? "; " : "", uevent_action_name(ev->action),
			    ev->kname, ev->dm_action ? " " : "",
			    uevent_dm_action_name(ev->dm_action), ev->seqnum);
		/* the event and its device stay together */
		assert_int_equal(ev->udev->seqnum, ev->seqnum);
	}
}

static const struct {
	const char *in, *out;
} merge_table[] = {
    /* rule 1: repeated changes collapse to the last */
    {"change sda; change sda; change sdb; change sda", "change sdb#3; change sda#4"},
    /* rule 2: a disk's add absorbs later changes and earlier ones */
    {"add sda; change sda; change sda", "add sda#3"},
    {"change sda; add sda", "add sda#2"},
    {"add sda; add sdb; change sdb; change sda", "add sda#4; add sdb#3"},
    /* ... but a dm device's add does not absorb its first resume */
    {"add dm-3; change dm-3; change dm-3", "add dm-3#1; change dm-3#3"},
    {"change dm-3; add dm-3", "change dm-3#1; add dm-3#2"},
    /* rule 3: a repeated add */
    {"add sda; add sda", "add sda#2"},
    {"add dm-3; add dm-3", "add dm-3#2"},
    /* rule 4: add then remove leaves the remove */
    {"add sda; remove sda", "remove sda#2"},
    {"add sda; change sda; remove sda", "remove sda#3"},
    {"add dm-3; change dm-3; remove dm-3", "remove dm-3#3"},
    {"change sda; remove sda", "remove sda#2"},
    {"add sda; add sdb; remove sda", "add sdb#2; remove sda#3"},
    /* rule 5 */
    {"remove sda; remove sda", "remove sda#1"},
    {"remove sda; change sda; remove sda", "remove sda#1"},
    /* rule 6: remove then add keeps both, in order */
    {"remove sda; add sda", "remove sda#1; add sda#2"},
    {"remove sda; add sda; change sda", "remove sda#1; add sda#3"},
    {"remove sda; add sda; remove sda", "remove sda#1"},
    {"remove sda; add sda; remove sda; add sda", "remove sda#1; add sda#4"},
    {"add sda; remove sda; add sda", "remove sda#2; add sda#3"},
    {"remove sda; change sda", "remove sda#1; change sda#2"},
    /* rule 7: dm path events are all kept, in order, and end a run */
    {"change dm-3 PATH_FAILED 8:16; change dm-3 PATH_FAILED 8:16; "
     "change dm-3 PATH_REINSTATED 8:16; change dm-3 PATH_FAILED 8:16",
     "change dm-3 PATH_FAILED#1; change dm-3 PATH_FAILED#2; change dm-3 PATH_REINSTATED#3; "
     "change dm-3 PATH_FAILED#4"},
    {"change dm-3; change dm-3 PATH_FAILED 8:16; change dm-3",
     "change dm-3#1; change dm-3 PATH_FAILED#2; change dm-3#3"},
    {"add dm-3; change dm-3 PATH_FAILED 8:16; remove dm-3",
     "add dm-3#1; change dm-3 PATH_FAILED#2; remove dm-3#3"},
    {"change dm-3 SOMETHING 0:0; change dm-3 SOMETHING 0:0",
     "change dm-3 other#1; change dm-3 other#2"},
    /* path events of other maps or paths do not end a disk's run */
    {"add sda; change dm-3 PATH_FAILED 8:0; change sda; add sdb; "
     "change dm-4 PATH_FAILED 8:16; remove sdb; change dm-3 PATH_REINSTATED 8:0",
     "add sda#3; change dm-3 PATH_FAILED#2; change dm-4 PATH_FAILED#5; remove sdb#6; "
     "change dm-3 PATH_REINSTATED#7"},
    /* move and other actions are kept and end the run */
    {"change sda; move sda; change sda", "change sda#1; move sda#2; change sda#3"},
    {"add sda; other sda; remove sda", "add sda#1; other sda#2; remove sda#3"},
    /* nothing to merge */
    {"add sda", "add sda#1"},
    {"add sda; add sdb; remove sdc", "add sda#1; add sdb#2; remove sdc#3"},
};

static void test_merge_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(merge_table) / sizeof(merge_table[0]); i++) {
		struct uevent_vec v = {0};
		struct strbuf got = STRBUF_INIT;

		batch_parse(merge_table[i].in, &v);
		uevent_merge(&v);
		batch_print(&v, &got);
		if (strcmp(strbuf_str(&got), merge_table[i].out))
			fail_msg("merge of \"%s\"\n  gave \"%s\"\n  want \"%s\"", merge_table[i].in,
				 strbuf_str(&got), merge_table[i].out);
		/* the dropped events released their devices */
		assert_int_equal(fk.live_devices, v.n);
		uevent_vec_free_all(&v);
		strbuf_release(&got);
	}
	{
		struct uevent_vec v = {0};

		uevent_merge(&v);
		assert_int_equal(v.n, 0);
	}
}

/* 256 paths appear at once: each disk's add, then udev's change events
 * (two per disk, interleaved across disks), and path failures of the map
 * in between: 256 adds with the newest properties, the failures kept. */
static void test_merge_burst(void **state)
{
	struct uevent_vec v = {0};
	unsigned long long seq = 0;
	char name[UEVENT_NAME_SIZE];
	size_t adds = 0, failures = 0;

	(void)state;
	for (int i = 0; i < 256; i++) {
		snprintf(name, sizeof(name), "sd%c%c", 'a' + i / 26, 'a' + i % 26);
		assert_int_equal(uevent_vec_push(&v, ev_new(UEVENT_ADD, name, NULL, NULL, ++seq)),
				 0);
	}
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < 256; i++) {
			snprintf(name, sizeof(name), "sd%c%c", 'a' + i / 26, 'a' + i % 26);
			assert_int_equal(
			    uevent_vec_push(&v, ev_new(UEVENT_CHANGE, name, NULL, NULL, ++seq)), 0);
			if (i % 64 == 0)
				assert_int_equal(
				    uevent_vec_push(&v, ev_new(UEVENT_CHANGE, "dm-0", "PATH_FAILED",
							       "8:0", ++seq)),
				    0);
		}
	assert_int_equal(v.n, 256 * 3 + 8);
	uevent_merge(&v);
	assert_int_equal(v.n, 256 + 8);
	for (size_t i = 0; i < v.n; i++) {
		const struct uevent *ev = v.items[i];

		if (ev->dm_action == UEVENT_DM_PATH_FAILED) {
			/* in their original order, after every add */
			assert_true(i >= 256);
			assert_true(i == 256 || v.items[i - 1]->seqnum < ev->seqnum);
			failures++;
			continue;
		}
		assert_int_equal(ev->action, UEVENT_ADD);
		snprintf(name, sizeof(name), "sd%c%c", 'a' + (int)i / 26, 'a' + (int)i % 26);
		assert_string_equal(ev->kname, name);
		/* the payload of the disk's last change (the second round) */
		assert_true(ev->seqnum > 512);
		adds++;
	}
	assert_int_equal(adds, 256);
	assert_int_equal(failures, 8);
	assert_int_equal(fk.live_devices, 256 + 8);
	uevent_vec_free_all(&v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_open, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_open_errors, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_read_properties, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_read_overflow_and_errors, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_read_max, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_merge_table, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_merge_burst, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
