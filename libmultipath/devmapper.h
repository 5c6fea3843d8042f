/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Device-mapper maps through libdevmapper: the only module that talks to it.
 *
 * Every function returns 0 (or a count) on success and -errno on failure,
 * using the errno of the failed ioctl where the kernel gave one (-EIO when it
 * did not): -ENXIO for a map that does not exist, -EBUSY for a map in use,
 * -EINVAL for a table the kernel refused or a bad argument, -ENODEV when the
 * kernel has no device-mapper (neither /dev/mapper/control nor a
 * "device-mapper" line in /proc/misc: libdevmapper is not called then, as it
 * would create the control node). Output
 * parameters are written only on success. Nothing is logged below level 3:
 * libdevmapper's own messages are forwarded to mp_log() at level 3 (errors,
 * warnings) or 4 (the rest).
 *
 * Locking: libdevmapper keeps process-wide state that is not thread-safe:
 * the control fd and the driver version it checks on first use, the stack of
 * pending /dev/mapper node operations (pushed by a create, resume, rename or
 * remove ioctl and popped when a udev cookie is waited for), the udev cookie
 * semaphores and the udev-running check. One internal mutex serialises exactly
 * the libdevmapper calls that touch that state: dm_task_create(),
 * dm_task_run() (so one ioctl at a time, but for the create of a map and a
 * table load: they carry no cookie and make no node, and the kernel's create
 * and first load of a new map wait for kernel threads, so those of several
 * threads overlap), dm_task_set_cookie(),
 * dm_udev_get_sync_support(), each non-blocking dm_udev_wait_immediate() poll,
 * dm_task_update_nodes() and dm_driver_version(). It is never held across a
 * udev wait (the wait polls the cookie with the mutex released between polls),
 * a sleep, a retry, or from one step of an operation to the next (load,
 * resume, remove attempts each take it anew). So devmapper_message() waits at
 * most for another thread's single ioctl in progress (a table load opens the
 * path devices), never for udev; operations of several threads interleave
 * step by step. Not serialised: building the task arguments and reading the
 * results (task-local), and the dm event functions (their own fd, no
 * libdevmapper). The functions may be called from any thread, with any lock
 * of the caller's held as long as no udev rule waits for that lock.
 *
 * udev: create, remove, rename and the resume of a reload use udev cookies
 * (dm_task_set_cookie() + waiting on the cookie), so /dev/mapper/NAME exists
 * (or is gone) when they return, provided udev and its device-mapper rules
 * run; with udev running, nodes are left to udev alone
 * (DM_UDEV_DISABLE_LIBRARY_FALLBACK); without udev, libdevmapper creates or
 * removes the nodes itself. The cookie carries the DEVMAPPER_* flags below to
 * the rules. The wait ends after DEVMAPPER_UDEV_WAIT_MAX_S even when udev has
 * not finished (a rule stuck on a map that queues IO with no usable path
 * would otherwise stop the caller for good); the node may then appear later,
 * and the cookie's semaphore is left behind (logged at verbosity 3).
 * Between devmapper_udev_defer_begin() and devmapper_udev_defer_end() the
 * calling thread does not wait: see there.
 *
 * Names are map names (the dm device name, our alias); table parameters are
 * what follows the target type, as made by dmtable_assemble(). Maps have one
 * target of type "multipath" covering sectors 0 to size - 1.
 */
#ifndef MP_DEVMAPPER_H
#define MP_DEVMAPPER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "util/vector.h"

enum {
	DEVMAPPER_NAME_SIZE = 128, /* dm names, with the NUL */
	DEVMAPPER_UUID_SIZE = 129, /* dm uuids, with the NUL */
	DEVMAPPER_UDEV_WAIT_MAX_S = 10, /* longest wait for udev to process a change */
	DEVMAPPER_REMOVE_TRIES = 5,
	DEVMAPPER_REMOVE_RETRY_MS = 100,
};

/* True when /dev/mapper/control is usable (the driver version query works). */
bool devmapper_available(void);

/*
 * Flags for devmapper_create_map() and devmapper_reload_map(), sent to udev in
 * the cookie of the resume that makes the table live (as libdevmapper's
 * DM_SUBSYSTEM_UDEV_FLAGn, which udev sees as DM_SUBSYSTEM_UDEV_FLAGn=1). What
 * multipath-tools' rules (56-dm-mpath.rules / 11-dm-mpath.rules and
 * 60-kpartx.rules, for maps whose uuid starts with "mpath-") do with them:
 */
enum devmapper_flags {
	/*
	 * FLAG0, "reload": the change event is a reload of a multipath map
	 * whose device stays the same. The rules set DM_ACTIVATION=0 and
	 * MPATH_UNCHANGED=1: no re-activation of what sits on top (LVM, kpartx
	 * partitions). devmapper_reload_map() always adds it; not for create.
	 */
	DEVMAPPER_RELOAD = 1 << 0,
	/*
	 * FLAG1, "skip kpartx": 60-kpartx.rules creates no partition maps on
	 * this map (multipath.conf skip_kpartx).
	 */
	DEVMAPPER_SKIP_KPARTX = 1 << 1,
	/*
	 * FLAG2, "no usable path": the new table has no path that can do IO.
	 * The rules set MPATH_DEVICE_READY=0, so DM_NOSCAN=1 (no blkid or
	 * other probing, which would hang on queue_if_no_path or fail) and
	 * DM_UDEV_DISABLE_OTHER_RULES_FLAG=1 (no foreign rules, no kpartx),
	 * restored by the first event with a usable path again.
	 */
	DEVMAPPER_NO_USABLE_PATHS = 1 << 2,
};

/*
 * Create map name with the given uuid ("mpath-<wwid>"; NULL for none), size
 * in 512-byte sectors and multipath table parameters, read-only when ro, and
 * activate it; flags are DEVMAPPER_SKIP_KPARTX and DEVMAPPER_NO_USABLE_PATHS.
 * Returns 0, -EBUSY (name or uuid in use), -EINVAL (refused table or unknown
 * flag), or another -errno. A map whose table is refused is not left behind.
 */
int devmapper_create_map(const char *name, const char *uuid, uint64_t size, const char *params,
			 bool ro, unsigned flags);

/*
 * Load a new table into map name and resume it (without flushing queued IO),
 * so the new table is live when this returns; flags as for create, plus
 * DEVMAPPER_RELOAD, which is always sent. Returns 0 or -errno (-ENXIO when
 * the map does not exist, -EINVAL for a refused table or an unknown flag).
 * When the load or the resume fails, the old table stays live: a map left
 * suspended by a failed resume is resumed again.
 */
int devmapper_reload_map(const char *name, uint64_t size, const char *params, bool ro,
			 unsigned flags);

/*
 * Remove map name. Returns -EBUSY when it is open, unless deferred: then the
 * kernel removes it at the last close and 0 is returned. -ENXIO when absent.
 * A remove the kernel refuses with EBUSY although nobody had the map open
 * (udev's blkid holding it a moment) is tried again, up to
 * DEVMAPPER_REMOVE_TRIES times DEVMAPPER_REMOVE_RETRY_MS apart.
 */
int devmapper_remove_map(const char *name, bool deferred);

/*
 * Defer this thread's udev waits: between begin and end, create, reload,
 * rename and remove return once the kernel has done its part, and end waits
 * for udev to finish all of them at once (until udev has finished none of
 * them for DEVMAPPER_UDEV_WAIT_MAX_S). For a batch of independent maps: udev
 * works on them side by side instead of one after the other, and the nodes
 * of the batch exist only when end returns. Pairs nest (only the outermost
 * end waits); other threads are not affected.
 */
void devmapper_udev_defer_begin(void);
void devmapper_udev_defer_end(void);

/*
 * Udev cookies a caller looks after itself: for a thread that has more to
 * do than wait for udev (the daemon's first set-up: its maps are made, udev
 * may take a while longer with their events). Owned by one thread.
 */
struct devmapper_cookies {
	size_t n, cap;
	uint32_t *items;
	struct timespec progress; /* when udev last finished one of them */
};

/*
 * devmapper_udev_defer_end() without the wait: the outermost end moves the
 * put-off cookies to *out (appended). If they cannot be moved (no memory),
 * it waits for them as devmapper_udev_defer_end() does.
 */
void devmapper_udev_defer_end_nowait(struct devmapper_cookies *out);

/*
 * One non-blocking look at the cookies: those udev has finished are
 * dropped. When udev has finished none for DEVMAPPER_UDEV_WAIT_MAX_S, all
 * are dropped (their semaphores are left, logged at verbosity 3). Returns
 * how many are left; the array is freed when none is.
 */
size_t devmapper_udev_cookies_poll(struct devmapper_cookies *c);

/* Forget the cookies without waiting (a process that stops). */
void devmapper_udev_cookies_release(struct devmapper_cookies *c);

/* From now on, every udev wait of every thread ends at its next poll, as if
 * udev had finished (for a process that stops: the cookies are left). */
void devmapper_udev_wait_cancel(void);

/* Rename map old to new_name. -ENXIO when old is absent, -EBUSY when
 * new_name exists. */
int devmapper_rename_map(const char *old, const char *new_name);

/*
 * Suspend map name without flushing (IO waits in the kernel until the
 * resume), and resume it (the same table; udev sees a change event).
 * Returns 0 or -errno (-ENXIO when the map does not exist).
 */
int devmapper_suspend_map(const char *name);
int devmapper_resume_map(const char *name);

/*
 * Send a target message to sector 0 of map name: "fail_path 8:16",
 * "reinstate_path 8:16", "switch_group 2", "queue_if_no_path",
 * "fail_if_no_path", ... Returns 0 or -errno (-EINVAL for a message the
 * target refuses).
 */
int devmapper_message(const char *name, const char *msg);

/*
 * Append to names a copy of the name of every map whose table is a single
 * "multipath" target. names owns the copies (strvec_free_all()). Returns the
 * number appended, or -errno with names unchanged.
 */
int devmapper_list_maps(struct strvec *names);

/*
 * The live table of map name: its size in sectors and its parameters (after
 * the target type), in a string the caller frees. Either output may be NULL.
 * Returns 0, -ENXIO (no such map), -ENODATA (no live table), -EINVAL (the
 * table is not a single multipath target), -ENOMEM or another -errno.
 */
int devmapper_get_table(const char *name, uint64_t *size, char **params);

/* The status parameters of map name, like devmapper_get_table(). */
int devmapper_get_status(const char *name, char **params);

/*
 * Facts about map name; each output may be NULL. uuid gets the dm uuid (""
 * when none) and must hold it with its NUL: -ERANGE otherwise. Returns 0,
 * -ENXIO when the map does not exist, or another -errno.
 */
int devmapper_get_info(const char *name, char *uuid, size_t uuid_size, int *minor, int *open_count,
		       bool *ro);

/*
 * reassign_maps: the table parameters params with every word equal to
 * from (a device "major:minor") replaced by to, in a new string *out the
 * caller frees. Returns the number of words replaced (0: *out untouched),
 * -EINVAL (an argument missing or empty), -ENOMEM.
 */
int devmapper_table_swap_devt(const char *params, const char *from, const char *to, char **out);

/*
 * reassign_maps: point the dm device name (any target types, any number of
 * targets), which sits on the device from ("8:16"), at the device to (a
 * multipath map, "253:3") instead: its table is read, every target that
 * names from is rewritten, and the new table is loaded and made live (a
 * resume without flush; read-only stays read-only). A multipath map (uuid
 * "mpath-...") is left alone. Returns 1 when reloaded, 0 when nothing named
 * from (or a multipath map), -ENXIO (no such device), -ENODATA (no live
 * table), or another -errno (the device keeps its old table). Blocks for a
 * reload and its udev wait: no lock of the caller's held.
 */
int devmapper_reassign(const char *name, const char *from, const char *to);

/*
 * dm events: watching every map for changes made by anyone (target messages,
 * reloads, renames, removes, path failures the kernel detects).
 *
 * The kernel keeps one global dm event counter, raised whenever a map's
 * event_nr rises (dm_table_event: path failed/reinstated, group switched,
 * ...) and by create, remove, rename and table swaps (resume with a new
 * table), which do not raise the map's own event_nr. An fd on
 * /dev/mapper/control that has been armed polls readable (POLLIN) once the
 * counter moved past the value it had at the arm, and stays readable until
 * armed again. The watcher loop is: open; then repeatedly arm, list the maps
 * with their event numbers and compare with the previous list (a map whose
 * event_nr grew, or that appeared, vanished or changed minor, changed), then
 * poll() the fd together with a stop eventfd. Arming before listing loses no
 * change: one after the arm wakes the next poll. Needs a kernel with
 * DM_DEV_ARM_POLL (dm ioctl 4.37, Linux 4.13); older ones refuse the arm
 * with -EINVAL.
 *
 * These functions use their own fd and no libdevmapper state: no lock.
 */

/* Open a new fd on /dev/mapper/control (O_RDWR | O_CLOEXEC), owned by the
 * caller (close() it). Returns the fd, -ENODEV without device-mapper, or
 * another -errno of open(). */
int devmapper_event_open(void);

/* Arm fd (from devmapper_event_open()) at the current global event count
 * with the DM_DEV_ARM_POLL ioctl. Returns 0 or -errno (-EINVAL: the kernel
 * has no DM_DEV_ARM_POLL; -EBADF, -ENOTTY: not such an fd). */
int devmapper_event_arm(int fd);

/* One multipath map and its event counter at the time it was listed. */
struct dm_map_event {
	char name[DEVMAPPER_NAME_SIZE];
	int minor;	   /* the map is /dev/dm-<minor> */
	uint32_t event_nr; /* the map's dm event counter (wraps at 2^32) */
};
VECTOR_DEFINE(dm_map_event_vec, struct dm_map_event)

/*
 * Append to out one entry per map whose live table is a single "multipath"
 * target: its name, minor and event_nr. One list ioctl, then one table ioctl
 * per map (O(maps)); a map removed meanwhile is left out. Returns the number
 * appended, or -errno with out unchanged. The caller frees out with
 * dm_map_event_vec_release() (the entries own nothing).
 */
int devmapper_list_map_events(struct dm_map_event_vec *out);

/*
 * devmapper_list_map_events() that asks the kernel less, for a caller that
 * lists again and again (the dm events thread, at every event): a device
 * of the list that is in known (name and minor alike: the maps of the last
 * list) is taken for a multipath map, with the event number the list
 * itself gives (dm driver 4.37 on), and one in *others (the devices the
 * last list found with a live table of another type) is left out, both
 * without a table query. Every other device is queried, as
 * devmapper_list_map_events() does; *others is replaced with the devices
 * found with another table this time. With known NULL every device is
 * queried (a map reloaded with another target type is classed again only
 * then); without event numbers in the list (an older driver) too. At 256
 * maps one ioctl instead of 257. Returns the number of maps appended to
 * out, or -errno with out and *others unchanged.
 */
int devmapper_list_map_events_known(const struct dm_map_event_vec *known,
				    struct dm_map_event_vec *others, struct dm_map_event_vec *out);

#endif
