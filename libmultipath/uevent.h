/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * uevent: the daemon's source of block device events, and the merging of
 * a burst of them into a minimal batch. No threads of its own.
 *
 * Model
 *   A monitor (struct uevent_monitor) is a libudev monitor on the "udev"
 *   netlink group (events after udev's rules ran, with their properties),
 *   filtered to subsystem "block": whole disks, partitions and dm devices.
 *   The caller polls uevent_monitor_fd() and, when it is readable, reads
 *   every event available with uevent_monitor_read() (never blocks). Each
 *   event becomes a small struct uevent; partitions are dropped (paths are
 *   whole disks). A batch (struct uevent_vec) is then reduced in place by
 *   uevent_merge() before the daemon acts on it.
 *   udev only broadcasts when udevd runs (/run/udev/control exists);
 *   without it the monitor opens fine and never reports anything.
 *
 * Ownership
 *   A struct uevent owns its strings and one reference to the udev device
 *   it came from (ev->udev, for discovery: ID_SERIAL, ID_WWN ...), both
 *   released by uevent_free(). A struct uevent_vec owns its events:
 *   uevent_vec_free_all() frees them and the array. uevent_merge() frees
 *   the events it drops.
 *
 * Threads and locking
 *   None inside. A monitor must be used by one thread at a time (the
 *   uevent listener); events may be handed to another thread afterwards.
 *   Nothing here takes a lock or touches struct config or the vectors.
 *
 * Errors
 *   0 or a count on success, -errno on failure; output parameters written
 *   only on success. Logging at levels 3 and 4 only.
 */
#ifndef MP_UEVENT_H
#define MP_UEVENT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/vector.h"

struct udev;
struct udev_device;
struct uevent_monitor;

enum uevent_action {
	UEVENT_OTHER = 0, /* online, offline, bind, unbind, unknown */
	UEVENT_ADD,
	UEVENT_REMOVE,
	UEVENT_CHANGE,
	UEVENT_MOVE,
};

/* DM_ACTION of a dm device's change event (dm-multipath path events). */
enum uevent_dm_action {
	UEVENT_DM_NONE = 0,	   /* no DM_ACTION (a plain change, add, remove) */
	UEVENT_DM_PATH_FAILED,	   /* the kernel failed path DM_PATH */
	UEVENT_DM_PATH_REINSTATED, /* the kernel reinstated path DM_PATH */
	UEVENT_DM_OTHER,	   /* another DM_ACTION value */
};

enum {
	UEVENT_NAME_SIZE = 64,	   /* kernel name, "sda", "dm-3" */
	UEVENT_DM_NAME_SIZE = 128, /* DM_NAME_LEN */
	UEVENT_DM_UUID_SIZE = 129, /* DM_UUID_LEN */
	UEVENT_DEVT_SIZE = 24,	   /* "major:minor" */
	UEVENT_READ_MAX = 8192,	   /* events uevent_monitor_read() takes per call */
	UEVENT_RCVBUF = 64 << 20,  /* requested netlink receive buffer, bytes */
};

/*
 * One event. Strings are NUL-terminated, "" when the event does not say.
 * The dm_* fields are filled for dm devices only (kname "dm-N").
 */
struct uevent {
	enum uevent_action action;
	unsigned long long seqnum;	   /* udev's SEQNUM, 0 if unknown */
	char kname[UEVENT_NAME_SIZE];	   /* "sda", "dm-3" */
	char devt[UEVENT_DEVT_SIZE];	   /* "8:16"; "" without a device number */
	char devtype[16];		   /* "disk" ("partition" events are dropped) */
	char *devpath;			   /* "/devices/..."; owned, never NULL */
	bool is_dm;			   /* kname is "dm-N" */
	char dm_name[UEVENT_DM_NAME_SIZE]; /* DM_NAME, the map's name */
	char dm_uuid[UEVENT_DM_UUID_SIZE]; /* DM_UUID, "mpath-<wwid>" for our maps */
	enum uevent_dm_action dm_action;   /* DM_ACTION */
	char dm_path[UEVENT_DEVT_SIZE];	   /* DM_PATH of a path event, "8:16" */
	int dm_nr_valid_paths;		   /* DM_NR_VALID_PATHS, -1 if absent */
	struct udev_device *udev;	   /* one reference, owned */
};
VECTOR_DEFINE(uevent_vec, struct uevent *)

/*
 * Open a monitor on udev's netlink events of subsystem "block", ask for a
 * UEVENT_RCVBUF receive buffer and start receiving. The kernel caps the
 * buffer at net.core.rmem_max unless the process has CAP_NET_ADMIN; that
 * is not an error (the size obtained is logged at level 3). udev is
 * borrowed and must outlive the monitor.
 * Returns 0 with *out set, -ENOMEM, or the -errno of libudev.
 */
int uevent_monitor_open(struct udev *udev, struct uevent_monitor **out);

/*
 * The same on another netlink source: "kernel" gets the kernel's uevents as
 * they happen, before udev has processed them (no udev properties such as
 * ID_SERIAL then, but DM_ACTION / DM_PATH, which the kernel sets). The
 * daemon takes dm path events from there: under load udev can lag seconds
 * behind the kernel.
 */
int uevent_monitor_open_source(struct udev *udev, const char *source,
			       struct uevent_monitor **out);
/* The fd to poll for POLLIN (non-blocking, owned by the monitor). */
int uevent_monitor_fd(const struct uevent_monitor *m);
/* Stop receiving and free the monitor. Accepts NULL. */
void uevent_monitor_close(struct uevent_monitor *m);

/*
 * Append every event available now to out, in arrival order, without
 * blocking (at most UEVENT_READ_MAX per call: the fd stays readable when
 * more are queued). Partition events are dropped and not counted.
 * Returns the number of events appended (0: nothing available). An error
 * other than "nothing more" ends the read: it is returned (-ENOMEM, or the
 * -errno of libudev) only when nothing was appended; otherwise the count
 * is, and the appended events stay in out.
 * The kernel drops events when the receive buffer overflows (ENOBUFS):
 * the read goes on with the events that follow, and
 * uevent_monitor_overflowed() says so.
 */
int uevent_monitor_read(struct uevent_monitor *m, struct uevent_vec *out);

/* Were events lost (receive buffer overflow) since the last call? Clears
 * the flag. The daemon then rescans devices and maps instead of trusting
 * the batch to be complete. */
bool uevent_monitor_overflowed(struct uevent_monitor *m);

/*
 * Reduce a burst of events in place to a minimal batch with the same
 * outcome. Events of one device are those with the same kernel name.
 * Merging only drops events (an add may take over the udev device,
 * seqnum and properties of a later event it absorbs); the events kept
 * stay in their order, relative to all others. Rules, within a run of events of one device that no
 * dm event with a DM_ACTION and no UEVENT_MOVE/UEVENT_OTHER event of that device interrupts:
 *   1. change ... change            -> the last change
 *   2. disk: add ... change         -> the add, with the change's udev
 *                                      device (newer properties)
 *      disk: change ... add         -> the add
 *      dm devices keep add and change: a map becomes usable at its first
 *      resume, which the kernel reports as a change, not at its add
 *   3. add ... add                  -> the first add, with the second's
 *                                      udev device (udevadm trigger)
 *   4. add ... remove               -> the remove (the add and the changes
 *                                      in between dropped); change ...
 *                                      remove -> the remove. The remove is
 *                                      kept even when the device was never
 *                                      known: the daemon ignores it then.
 *   5. remove ... remove            -> the first remove
 *   6. remove ... add               -> both, in order (a new device that
 *                                      may have a new WWID)
 *   7. dm events with a DM_ACTION (PATH_FAILED, PATH_REINSTATED ...) are
 *      never dropped, absorbed or moved: each is a failure the daemon
 *      counts. They, UEVENT_MOVE and UEVENT_OTHER events end the run of
 *      their device and are kept as they are.
 * So 256 disk adds with their udev change events become 256 adds.
 * Allocates memory for sorting: when that fails, the batch is left as it
 * is (still correct, only not minimal).
 */
void uevent_merge(struct uevent_vec *batch);

/* Free an event and drop its udev device reference. Accepts NULL. */
void uevent_free(struct uevent *ev);
/* Free every event of v, then its array. Accepts NULL. */
void uevent_vec_free_all(struct uevent_vec *v);

/* "add", "remove", "change", "move", "other" / "PATH_FAILED",
 * "PATH_REINSTATED", "other", "" (static strings). */
const char *uevent_action_name(enum uevent_action a);
const char *uevent_dm_action_name(enum uevent_dm_action a);

#endif
