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
 * Locking: libdevmapper keeps process-wide state (pending node operations,
 * the log function), so every call here is serialised by one internal mutex,
 * held for the whole operation including the udev wait. The functions may be
 * called from any thread; do not hold a lock of your own that a udev rule
 * could be waiting for.
 *
 * udev: create, remove, rename and the resume of a reload use udev cookies
 * (dm_task_set_cookie() + dm_udev_wait()), so /dev/mapper/NAME exists (or is
 * gone) when they return, provided udev and its device-mapper rules run;
 * without udev, libdevmapper creates or removes the nodes itself.
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

#include "util/vector.h"

enum {
	DEVMAPPER_NAME_SIZE = 128, /* dm names, with the NUL */
	DEVMAPPER_UUID_SIZE = 129, /* dm uuids, with the NUL */
};

/* True when /dev/mapper/control is usable (the driver version query works). */
bool devmapper_available(void);

/*
 * Create map name with the given uuid ("mpath-<wwid>"; NULL for none), size
 * in 512-byte sectors and multipath table parameters, read-only when ro, and
 * activate it. Returns 0, -EBUSY (name or uuid in use), -EINVAL (refused
 * table), or another -errno. A map whose table is refused is not left behind.
 */
int devmapper_create_map(const char *name, const char *uuid, uint64_t size, const char *params,
			 bool ro);

/*
 * Load a new table into map name and resume it (without flushing queued IO),
 * so the new table is live when this returns. Returns 0 or -errno (-ENXIO when
 * the map does not exist). When the load or the resume fails, the old table
 * stays live: a map left suspended by a failed resume is resumed again.
 * Holds the module's lock across the udev wait: do not call it with the
 * daemon's vectors lock held.
 */
int devmapper_reload_map(const char *name, uint64_t size, const char *params, bool ro);

/*
 * Remove map name. Returns -EBUSY when it is open, unless deferred: then the
 * kernel removes it at the last close and 0 is returned. -ENXIO when absent.
 */
int devmapper_remove_map(const char *name, bool deferred);

/* Rename map old to new_name. -ENXIO when old is absent, -EBUSY when
 * new_name exists. */
int devmapper_rename_map(const char *old, const char *new_name);

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

#endif
