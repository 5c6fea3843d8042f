// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libdevmapper calls for multipath maps. Every public function takes the
 * module mutex (dm_enter/dm_leave) around its whole libdevmapper sequence;
 * the static helpers expect it held.
 */
#include <errno.h>
#include <libdevmapper.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "devmapper.h"
#include "util/log.h"
#include "util/strbuf.h"

#define TARGET_MULTIPATH "multipath"
#define DM_CONTROL	 "/dev/mapper/control"

enum {
	/* libdevmapper's message levels (the low bits of its level argument) */
	DMLOG_LEVEL_MASK = 0x7,
	DMLOG_WARN = 4,
};

static pthread_mutex_t dm_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t dm_once = PTHREAD_ONCE_INIT;

static void dm_log_forward(int level, const char *file, int line, int dm_errno_or_class,
			   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void dm_log_forward(int level, const char *file, int line, int dm_errno_or_class,
			   const char *fmt, ...)
{
	int saved_errno = errno;
	STRBUF_AUTO(msg);
	va_list ap;
	int lvl = (level & DMLOG_LEVEL_MASK) <= DMLOG_WARN ? 3 : 4;

	(void)file;
	(void)line;
	(void)dm_errno_or_class;
	if (lvl > log_get_verbosity())
		goto out;
	va_start(ap, fmt);
	if (strbuf_vaddf(&msg, fmt, ap) >= 0)
		mp_log(lvl, "libdevmapper: %s", strbuf_str(&msg));
	va_end(ap);
out:
	errno = saved_errno;
}

static void dm_setup(void)
{
	dm_log_with_errno_init(dm_log_forward);
	dm_udev_set_sync_support(1);
}

/*
 * Does the kernel have device-mapper? Checked before libdevmapper is called,
 * because libdevmapper creates /dev/mapper/control when it is missing, even
 * on a kernel without device-mapper.
 */
static bool dm_present(void)
{
	struct stat st;
	char line[128];
	bool found = false;
	FILE *f;

	if (stat(DM_CONTROL, &st) == 0 && S_ISCHR(st.st_mode))
		return true;
	f = fopen("/proc/misc", "re");
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f))
		found = strstr(line, " device-mapper") != NULL;
	fclose(f);
	return found;
}

/* Take the module mutex; -ENODEV (mutex not taken) without device-mapper. */
static int dm_enter(void)
{
	if (!dm_present()) {
		mp_log(4, "devmapper: no %s and no device-mapper in /proc/misc", DM_CONTROL);
		return -ENODEV;
	}
	pthread_once(&dm_once, dm_setup);
	pthread_mutex_lock(&dm_mutex);
	return 0;
}

static void dm_leave(void)
{
	pthread_mutex_unlock(&dm_mutex);
}

static bool name_ok(const char *name)
{
	return name && name[0] && strlen(name) < DEVMAPPER_NAME_SIZE && !strchr(name, '/');
}

/* The errno of the task's failed ioctl, -EIO when there is none. */
static int task_errno(struct dm_task *dmt)
{
	int e = dm_task_get_errno(dmt);

	return e > 0 ? -e : -EIO;
}

static int task_new(int type, const char *name, struct dm_task **out)
{
	struct dm_task *dmt = dm_task_create(type);

	if (!dmt)
		return -ENOMEM;
	/* names were checked by name_ok(): only memory can fail here */
	if (name && !dm_task_set_name(dmt, name)) {
		dm_task_destroy(dmt);
		return -ENOMEM;
	}
	*out = dmt;
	return 0;
}

static int task_run(struct dm_task *dmt)
{
	return dm_task_run(dmt) ? 0 : task_errno(dmt);
}

/*
 * Run a task that makes uevents and wait until udev has processed them.
 * libdevmapper completes the cookie itself when the ioctl fails or makes no
 * uevent, so the wait is always due once the cookie is set. With udev_flags
 * 0, libdevmapper then checks the nodes and creates or removes them itself if
 * udev did not (no udev, no dm rules).
 */
static int task_run_udev(struct dm_task *dmt, uint16_t udev_flags)
{
	uint32_t cookie = 0;
	int rc;

	if (!dm_task_set_cookie(dmt, &cookie, udev_flags)) {
		mp_log(3, "devmapper: no udev cookie, running without udev synchronisation");
		rc = task_run(dmt);
		dm_task_update_nodes();
		return rc;
	}
	rc = task_run(dmt);
	if (!dm_udev_wait(cookie))
		mp_log(3, "devmapper: waiting for udev (cookie 0x%x) failed", cookie);
	return rc;
}

/* Info of an existing map: -ENXIO when it does not exist. */
static int info_locked(const char *name, struct dm_info *info, char *uuid, size_t uuid_size)
{
	struct dm_task *dmt;
	const char *u;
	int rc;

	rc = task_new(DM_DEVICE_INFO, name, &dmt);
	if (rc < 0)
		return rc;
	rc = task_run(dmt);
	if (rc == 0 && !dm_task_get_info(dmt, info))
		rc = -EIO;
	if (rc == 0 && !info->exists)
		rc = -ENXIO;
	if (rc == 0 && uuid) {
		u = dm_task_get_uuid(dmt);
		if (!u)
			u = "";
		if (strlen(u) >= uuid_size)
			rc = -ERANGE;
		else
			memcpy(uuid, u, strlen(u) + 1);
	}
	dm_task_destroy(dmt);
	return rc;
}

bool devmapper_available(void)
{
	char version[64];
	int ok;

	if (dm_enter() < 0)
		return false;
	ok = dm_driver_version(version, sizeof(version));
	dm_leave();
	if (ok)
		mp_log(4, "devmapper: driver version %s", version);
	return ok;
}

/* Load a multipath table into the inactive slot of map name. */
static int load_locked(const char *name, uint64_t size, const char *params, bool ro)
{
	struct dm_task *dmt;
	int rc;

	rc = task_new(DM_DEVICE_RELOAD, name, &dmt);
	if (rc < 0)
		return rc;
	if (!dm_task_add_target(dmt, 0, size, TARGET_MULTIPATH, params) ||
	    (ro && !dm_task_set_ro(dmt)))
		rc = -ENOMEM;
	if (rc == 0)
		rc = task_run(dmt);
	dm_task_destroy(dmt);
	return rc;
}

/* Make the loaded table live. Without flushing: IO queued by the old table
 * goes to the new one instead of failing. */
static int resume_locked(const char *name)
{
	struct dm_task *dmt;
	int rc;

	rc = task_new(DM_DEVICE_RESUME, name, &dmt);
	if (rc < 0)
		return rc;
	if (!dm_task_no_flush(dmt))
		rc = -ENOMEM;
	if (rc == 0)
		rc = task_run_udev(dmt, 0);
	dm_task_destroy(dmt);
	return rc;
}

static int remove_locked(const char *name, bool deferred)
{
	struct dm_task *dmt;
	int rc;

	rc = task_new(DM_DEVICE_REMOVE, name, &dmt);
	if (rc < 0)
		return rc;
	if (deferred && !dm_task_deferred_remove(dmt))
		rc = -ENOMEM;
	/* udev's blkid may hold a fresh node open for a moment: retry EBUSY */
	if (!deferred && rc == 0 && !dm_task_retry_remove(dmt))
		rc = -ENOMEM;
	/* A deferred remove of an open map leaves it (and its node) in place
	 * until the last close: libdevmapper must not remove the node. */
	if (rc == 0)
		rc = task_run_udev(dmt, deferred ? DM_UDEV_DISABLE_LIBRARY_FALLBACK : 0);
	dm_task_destroy(dmt);
	return rc;
}

/*
 * Create, load, resume as separate ioctls (what libdevmapper does inside a
 * create with a table, but that loses the errno of the failing step).
 */
static int create_locked(const char *name, const char *uuid, uint64_t size, const char *params,
			 bool ro)
{
	struct dm_task *dmt;
	int rc;

	rc = task_new(DM_DEVICE_CREATE, name, &dmt);
	if (rc < 0)
		return rc;
	if (uuid && uuid[0] && !dm_task_set_uuid(dmt, uuid))
		rc = -EINVAL;
	/* no cookie: the kernel sends no cookie-carrying uevent for a create
	 * without table, udev would never complete it */
	if (rc == 0)
		rc = task_run(dmt);
	dm_task_destroy(dmt);
	if (rc < 0)
		return rc;
	rc = load_locked(name, size, params, ro);
	if (rc == 0)
		rc = resume_locked(name);
	if (rc < 0 && remove_locked(name, false) < 0)
		mp_log(3, "devmapper: cannot remove %s after its failed creation", name);
	return rc;
}

int devmapper_create_map(const char *name, const char *uuid, uint64_t size, const char *params,
			 bool ro)
{
	int rc;

	if (!name_ok(name) || !params || !size || (uuid && strlen(uuid) >= DEVMAPPER_UUID_SIZE))
		return -EINVAL;
	if (dm_enter() < 0)
		return -ENODEV;
	rc = create_locked(name, uuid, size, params, ro);
	dm_leave();
	if (rc < 0)
		mp_log(3, "devmapper: create %s: %s", name, strerror(-rc));
	return rc;
}

/*
 * When the kernel cannot swap in a loaded table, the resume fails and the
 * map stays suspended on its old table, blocking all IO: resume that.
 */
static void resume_old_table(const char *name)
{
	struct dm_info info;

	if (info_locked(name, &info, NULL, 0) < 0 || !info.suspended)
		return;
	if (resume_locked(name) < 0)
		mp_log(3, "devmapper: %s stays suspended after a failed reload", name);
	else
		mp_log(3, "devmapper: %s resumed on its old table after a failed reload", name);
}

int devmapper_reload_map(const char *name, uint64_t size, const char *params, bool ro)
{
	int rc;

	if (!name_ok(name) || !params || !size)
		return -EINVAL;
	if (dm_enter() < 0)
		return -ENODEV;
	rc = load_locked(name, size, params, ro);
	if (rc == 0) {
		rc = resume_locked(name);
		if (rc < 0)
			resume_old_table(name);
	}
	dm_leave();
	if (rc < 0)
		mp_log(3, "devmapper: reload %s: %s", name, strerror(-rc));
	return rc;
}

int devmapper_remove_map(const char *name, bool deferred)
{
	struct dm_info info;
	int rc;

	if (!name_ok(name))
		return -EINVAL;
	if (dm_enter() < 0)
		return -ENODEV;
	rc = info_locked(name, &info, NULL, 0);
	if (rc == 0 && info.open_count > 0 && !deferred)
		rc = -EBUSY;
	if (rc == 0)
		rc = remove_locked(name, deferred);
	dm_leave();
	if (rc < 0)
		mp_log(3, "devmapper: remove %s: %s", name, strerror(-rc));
	return rc;
}

int devmapper_rename_map(const char *old, const char *new_name)
{
	struct dm_task *dmt;
	int rc;

	if (!name_ok(old) || !name_ok(new_name))
		return -EINVAL;
	if (dm_enter() < 0)
		return -ENODEV;
	rc = task_new(DM_DEVICE_RENAME, old, &dmt);
	if (rc == 0) {
		if (!dm_task_set_newname(dmt, new_name))
			rc = -EINVAL;
		if (rc == 0)
			rc = task_run_udev(dmt, 0);
		dm_task_destroy(dmt);
	}
	dm_leave();
	if (rc < 0)
		mp_log(3, "devmapper: rename %s to %s: %s", old, new_name, strerror(-rc));
	return rc;
}

int devmapper_message(const char *name, const char *msg)
{
	struct dm_task *dmt;
	int rc;

	if (!name_ok(name) || !msg || !msg[0])
		return -EINVAL;
	if (dm_enter() < 0)
		return -ENODEV;
	rc = task_new(DM_DEVICE_TARGET_MSG, name, &dmt);
	if (rc == 0) {
		if (!dm_task_set_sector(dmt, 0) || !dm_task_set_message(dmt, msg))
			rc = -ENOMEM;
		if (rc == 0)
			rc = task_run(dmt);
		dm_task_destroy(dmt);
	}
	dm_leave();
	if (rc < 0)
		mp_log(3, "devmapper: message '%s' to %s: %s", msg, name, strerror(-rc));
	return rc;
}

/* The single multipath target of a table or status task that ran. */
static int single_target(struct dm_task *dmt, uint64_t *size, char **params)
{
	uint64_t start, length;
	char *type = NULL, *p = NULL;
	struct dm_info info;
	void *next;
	char *copy;

	if (!dm_task_get_info(dmt, &info))
		return -EIO;
	if (!info.exists)
		return -ENXIO;
	next = dm_get_next_target(dmt, NULL, &start, &length, &type, &p);
	if (!info.live_table || !type)
		return -ENODATA;
	if (next || start != 0 || strcmp(type, TARGET_MULTIPATH))
		return -EINVAL;
	if (params) {
		copy = strdup(p ? p : "");
		if (!copy)
			return -ENOMEM;
		*params = copy;
	}
	if (size)
		*size = length;
	return 0;
}

static int query_locked(int type, const char *name, uint64_t *size, char **params)
{
	struct dm_task *dmt;
	int rc;

	rc = task_new(type, name, &dmt);
	if (rc < 0)
		return rc;
	rc = task_run(dmt);
	if (rc == 0)
		rc = single_target(dmt, size, params);
	dm_task_destroy(dmt);
	return rc;
}

int devmapper_get_table(const char *name, uint64_t *size, char **params)
{
	int rc;

	if (!name_ok(name))
		return -EINVAL;
	if (dm_enter() < 0)
		return -ENODEV;
	rc = query_locked(DM_DEVICE_TABLE, name, size, params);
	dm_leave();
	return rc;
}

int devmapper_get_status(const char *name, char **params)
{
	int rc;

	if (!name_ok(name))
		return -EINVAL;
	if (dm_enter() < 0)
		return -ENODEV;
	rc = query_locked(DM_DEVICE_STATUS, name, NULL, params);
	dm_leave();
	return rc;
}

/* Names of all dm devices into all. */
static int list_all_locked(struct strvec *all)
{
	struct dm_task *dmt;
	struct dm_names *names;
	unsigned next;
	int rc;

	rc = task_new(DM_DEVICE_LIST, NULL, &dmt);
	if (rc < 0)
		return rc;
	rc = task_run(dmt);
	names = rc == 0 ? dm_task_get_names(dmt) : NULL;
	if (rc == 0 && !names)
		rc = -EIO;
	if (rc == 0 && names->dev) {
		do {
			rc = strvec_push_dup(all, names->name);
			next = names->next;
			names = (struct dm_names *)((char *)names + next);
		} while (rc == 0 && next);
	}
	dm_task_destroy(dmt);
	return rc;
}

int devmapper_list_maps(struct strvec *names)
{
	struct strvec all = {0};
	size_t start = names ? names->n : 0, kept = 0;
	int rc;

	if (!names)
		return -EINVAL;
	if (dm_enter() < 0)
		return -ENODEV;
	rc = list_all_locked(&all);
	/* keep the multipath maps at the front of all */
	for (size_t i = 0; rc == 0 && i < all.n; i++) {
		int q = query_locked(DM_DEVICE_TABLE, all.items[i], NULL, NULL);
		char *tmp;

		if (q == -ENOMEM) {
			rc = q;
		} else if (q == 0) {
			tmp = all.items[kept];
			all.items[kept++] = all.items[i];
			all.items[i] = tmp;
		}
	}
	dm_leave();
	if (rc == 0)
		rc = vector_grow_raw((void **)&names->items, &names->alloc, start + kept,
				     sizeof(*names->items));
	if (rc == 0) {
		memcpy(names->items + start, all.items, kept * sizeof(*all.items));
		names->n = start + kept;
		memmove(all.items, all.items + kept, (all.n - kept) * sizeof(*all.items));
		all.n -= kept;
	}
	strvec_free_all(&all);
	return rc < 0 ? rc : (int)kept;
}

int devmapper_get_info(const char *name, char *uuid, size_t uuid_size, int *minor, int *open_count,
		       bool *ro)
{
	char buf[DEVMAPPER_UUID_SIZE];
	struct dm_info info;
	int rc;

	if (!name_ok(name) || (uuid && !uuid_size))
		return -EINVAL;
	if (dm_enter() < 0)
		return -ENODEV;
	rc = info_locked(name, &info, buf, sizeof(buf));
	dm_leave();
	if (rc < 0)
		return rc;
	if (uuid) {
		if (strlen(buf) >= uuid_size)
			return -ERANGE;
		memcpy(uuid, buf, strlen(buf) + 1);
	}
	if (minor)
		*minor = (int)info.minor;
	if (open_count)
		*open_count = info.open_count;
	if (ro)
		*ro = info.read_only;
	return 0;
}
