// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libdevmapper calls for multipath maps, and the dm event fd.
 *
 * Every libdevmapper call that touches the library's process-wide state runs
 * inside dm_lock()/dm_unlock(), and nothing else does (see the Locking
 * paragraph of devmapper.h): the helpers below take the mutex around one
 * call each, so an operation made of several steps (create, load, resume,
 * udev wait) lets other threads in between its steps.
 */
#include <errno.h>
#include <fcntl.h>
#include <libdevmapper.h>
#include <linux/dm-ioctl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "devmapper.h"
#include "util/log.h"
#include "util/strbuf.h"
#include "util/time.h"

#define TARGET_MULTIPATH "multipath"
#define DM_CONTROL	 "/dev/mapper/control"

enum {
	/* libdevmapper's message levels (the low bits of its level argument) */
	DMLOG_LEVEL_MASK = 0x7,
	DMLOG_WARN = 4,
	/* the dm ioctl interface minor that brought DM_DEV_ARM_POLL (Linux 4.13) */
	DM_ARM_POLL_VERSION_MINOR = 37,
	/* polling a udev cookie: first and longest pause between two polls */
	UDEV_POLL_FIRST_US = 1000,
	UDEV_POLL_MAX_US = 25000,
};

static pthread_mutex_t dm_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t dm_once = PTHREAD_ONCE_INIT;

static void dm_lock(void)
{
	pthread_mutex_lock(&dm_mutex);
}

static void dm_unlock(void)
{
	pthread_mutex_unlock(&dm_mutex);
}

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

/* Once, before any other libdevmapper call of the process (pthread_once). */
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

/* 0 when libdevmapper may be called (set up once), -ENODEV without dm. */
static int dm_ready(void)
{
	if (!dm_present()) {
		mp_log(4, "devmapper: no %s and no device-mapper in /proc/misc", DM_CONTROL);
		return -ENODEV;
	}
	pthread_once(&dm_once, dm_setup);
	return 0;
}

static void sleep_us(unsigned us)
{
	struct timespec ts = {us / 1000000, (long)(us % 1000000) * 1000};

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
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
	struct dm_task *dmt;

	dm_lock(); /* checks the driver version on first use */
	dmt = dm_task_create(type);
	dm_unlock();
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
	int ok;

	dm_lock();
	ok = dm_task_run(dmt);
	dm_unlock();
	return ok ? 0 : task_errno(dmt);
}

/*
 * The cookies of this thread whose wait devmapper_udev_defer_begin() put
 * off (see the header). Thread-local: only the thread that made them waits.
 */
static __thread struct {
	unsigned depth;
	size_t n, cap;
	uint32_t *cookies;
} udev_deferred;

/* Set by devmapper_udev_wait_cancel(): every wait ends at its next poll. */
static atomic_bool udev_wait_cancelled;

void devmapper_udev_wait_cancel(void)
{
	atomic_store(&udev_wait_cancelled, true);
}

/* One non-blocking look at cookie: 1 when udev is done with it (or the look
 * failed: nothing more can be learnt), 0 while udev still works on it. */
static int cookie_done(uint32_t cookie)
{
	int ready = 0, ok;

	dm_lock();
	ok = dm_udev_wait_immediate(cookie, &ready);
	dm_unlock();
	if (!ok)
		mp_log(3, "devmapper: waiting for udev (cookie 0x%x) failed", cookie);
	return !ok || ready;
}

/*
 * Wait until udev has processed the events of the n cookies: each is polled
 * with the non-blocking dm_udev_wait_immediate(), pausing with the mutex
 * released (dm_udev_wait() would block with it held: it pops the node
 * operations of every thread when it returns, so it needs the mutex). A rule
 * stuck on a map (blkid reading a map that queues with every path down) must
 * not stop the caller for good: the wait ends when udev has finished none of
 * the cookies for DEVMAPPER_UDEV_WAIT_MAX_S. Compacts cookies[] in place.
 */
static void udev_wait_all(uint32_t *cookies, size_t n)
{
	unsigned pause = UDEV_POLL_FIRST_US;
	unsigned long long idle = 0;

	while (n) {
		size_t left = 0;

		for (size_t i = 0; i < n; i++)
			if (!cookie_done(cookies[i]))
				cookies[left++] = cookies[i];
		if (left < n) {
			idle = 0;
			pause = UDEV_POLL_FIRST_US;
		}
		n = left;
		if (!n)
			return;
		if (atomic_load(&udev_wait_cancelled)) {
			mp_log(3, "devmapper: udev wait cancelled, %zu cookie(s) left", n);
			return;
		}
		if (idle >= DEVMAPPER_UDEV_WAIT_MAX_S * 1000000ULL) {
			mp_log(3, "devmapper: udev did not finish %zu cookie(s) (first 0x%x) in %ds, going on",
			       n, cookies[0], DEVMAPPER_UDEV_WAIT_MAX_S);
			return;
		}
		sleep_us(pause);
		idle += pause;
		if (pause < UDEV_POLL_MAX_US)
			pause = pause * 2 < UDEV_POLL_MAX_US ? pause * 2 : UDEV_POLL_MAX_US;
	}
}

/* Wait for cookie now, or keep it for devmapper_udev_defer_end(). */
static void udev_wait(uint32_t cookie)
{
	if (!cookie) {
		/* no udev synchronisation: only the node operations are due */
		dm_lock();
		(void)dm_udev_wait(0);
		dm_unlock();
		return;
	}
	if (udev_deferred.depth) {
		if (udev_deferred.n == udev_deferred.cap) {
			size_t cap = udev_deferred.cap ? 2 * udev_deferred.cap : 64;
			uint32_t *c = realloc(udev_deferred.cookies, cap * sizeof(*c));

			if (!c)
				goto now;
			udev_deferred.cookies = c;
			udev_deferred.cap = cap;
		}
		udev_deferred.cookies[udev_deferred.n++] = cookie;
		return;
	}
now:
	udev_wait_all(&cookie, 1);
}

void devmapper_udev_defer_begin(void)
{
	udev_deferred.depth++;
}

static void udev_deferred_forget(void)
{
	free(udev_deferred.cookies);
	udev_deferred.cookies = NULL;
	udev_deferred.n = udev_deferred.cap = 0;
}

void devmapper_udev_defer_end(void)
{
	if (!udev_deferred.depth || --udev_deferred.depth)
		return;
	udev_wait_all(udev_deferred.cookies, udev_deferred.n);
	udev_deferred_forget();
}

void devmapper_udev_defer_end_nowait(struct devmapper_cookies *out)
{
	size_t need;

	if (!udev_deferred.depth || --udev_deferred.depth)
		return;
	need = out->n + udev_deferred.n;
	if (need > out->cap) {
		uint32_t *c = realloc(out->items, need * sizeof(*c));

		if (!c) {
			udev_wait_all(udev_deferred.cookies, udev_deferred.n);
			udev_deferred_forget();
			return;
		}
		out->items = c;
		out->cap = need;
	}
	memcpy(out->items + out->n, udev_deferred.cookies, udev_deferred.n * sizeof(uint32_t));
	if (!out->n)
		out->progress = ts_now();
	out->n = need;
	udev_deferred_forget();
}

size_t devmapper_udev_cookies_poll(struct devmapper_cookies *c)
{
	size_t left = 0;

	for (size_t i = 0; i < c->n; i++)
		if (!cookie_done(c->items[i]))
			c->items[left++] = c->items[i];
	if (left < c->n)
		c->progress = ts_now();
	c->n = left;
	if (left && ts_since_ms(&c->progress) >= DEVMAPPER_UDEV_WAIT_MAX_S * 1000LL) {
		mp_log(3, "devmapper: udev did not finish %zu cookie(s) (first 0x%x) in %ds, going on",
		       left, c->items[0], DEVMAPPER_UDEV_WAIT_MAX_S);
		c->n = 0;
	}
	if (!c->n)
		devmapper_udev_cookies_release(c);
	return c->n;
}

void devmapper_udev_cookies_release(struct devmapper_cookies *c)
{
	free(c->items);
	c->items = NULL;
	c->n = c->cap = 0;
}

/*
 * Run a task that makes uevents and wait until udev has processed them.
 * libdevmapper completes the cookie itself when the ioctl fails or makes no
 * uevent, so the wait is always due once the cookie is set. With udev
 * synchronisation the nodes are udev's alone; without it, libdevmapper
 * creates or removes them when the cookie is waited for.
 */
static int task_run_udev(struct dm_task *dmt, uint16_t udev_flags)
{
	uint32_t cookie = 0;
	int set, ok;

	dm_lock();
	if (dm_udev_get_sync_support())
		udev_flags |= DM_UDEV_DISABLE_LIBRARY_FALLBACK;
	set = dm_task_set_cookie(dmt, &cookie, udev_flags);
	ok = dm_task_run(dmt);
	if (!set)
		dm_task_update_nodes();
	dm_unlock();
	if (!set)
		mp_log(3, "devmapper: no udev cookie, ran without udev synchronisation");
	else
		udev_wait(cookie);
	return ok ? 0 : task_errno(dmt);
}

/* devmapper_flags to the cookie's subsystem flags. */
static uint16_t cookie_flags(unsigned flags)
{
	uint16_t f = 0;

	if (flags & DEVMAPPER_RELOAD)
		f |= DM_SUBSYSTEM_UDEV_FLAG0;
	if (flags & DEVMAPPER_SKIP_KPARTX)
		f |= DM_SUBSYSTEM_UDEV_FLAG1;
	if (flags & DEVMAPPER_NO_USABLE_PATHS)
		f |= DM_SUBSYSTEM_UDEV_FLAG2;
	return f;
}

/* Info of an existing map: -ENXIO when it does not exist. */
static int info_query(const char *name, struct dm_info *info, char *uuid, size_t uuid_size)
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

	if (dm_ready() < 0)
		return false;
	dm_lock();
	ok = dm_driver_version(version, sizeof(version));
	dm_unlock();
	if (ok)
		mp_log(4, "devmapper: driver version %s", version);
	return ok;
}

/*
 * The create of a map and a table load run without the mutex, so those of
 * several threads overlap: the kernel's create waits for a kernel thread to
 * be made (the map's workqueue rescuer) and the first table load for
 * devtmpfs to make the node, and while udev keeps the CPUs busy those waits
 * are most of a create. libdevmapper's run of these tasks changes no
 * process-wide state: no cookie, no node operation (a create adds its node at
 * the resume: DM_ADD_NODE_ON_RESUME), its own ioctl buffer, on the control fd
 * that task_new()'s dm_task_create() opened under the mutex.
 */
static int task_run_unlocked(struct dm_task *dmt)
{
	return dm_task_run(dmt) ? 0 : task_errno(dmt);
}

/* Load a multipath table into the inactive slot of map name. */
static int map_load(const char *name, uint64_t size, const char *params, bool ro)
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
		rc = task_run_unlocked(dmt);
	dm_task_destroy(dmt);
	return rc;
}

/* Make the loaded table live. Without flushing: IO queued by the old table
 * goes to the new one instead of failing. */
static int map_resume(const char *name, uint16_t udev_flags)
{
	struct dm_task *dmt;
	int rc;

	rc = task_new(DM_DEVICE_RESUME, name, &dmt);
	if (rc < 0)
		return rc;
	if (!dm_task_no_flush(dmt))
		rc = -ENOMEM;
	if (rc == 0)
		rc = task_run_udev(dmt, udev_flags);
	dm_task_destroy(dmt);
	return rc;
}

int devmapper_suspend_map(const char *name)
{
	struct dm_task *dmt;
	int rc = task_new(DM_DEVICE_SUSPEND, name, &dmt);

	if (rc < 0)
		return rc;
	if (!dm_task_no_flush(dmt))
		rc = -ENOMEM;
	if (rc == 0)
		rc = task_run(dmt);
	dm_task_destroy(dmt);
	return rc;
}

int devmapper_resume_map(const char *name)
{
	return map_resume(name, 0);
}

static int map_remove_once(const char *name, bool deferred)
{
	struct dm_task *dmt;
	int rc;

	rc = task_new(DM_DEVICE_REMOVE, name, &dmt);
	if (rc < 0)
		return rc;
	if (deferred && !dm_task_deferred_remove(dmt))
		rc = -ENOMEM;
	/* A deferred remove of an open map leaves it (and its node) in place
	 * until the last close: libdevmapper must not remove the node. */
	if (rc == 0)
		rc = task_run_udev(dmt, deferred ? DM_UDEV_DISABLE_LIBRARY_FALLBACK : 0);
	dm_task_destroy(dmt);
	return rc;
}

/* udev's blkid may hold a fresh node open for a moment: retry EBUSY, with
 * the mutex released while waiting (not libdevmapper's retry, which sleeps
 * inside dm_task_run()). */
static int map_remove(const char *name, bool deferred)
{
	int rc = map_remove_once(name, deferred);

	for (int i = 1; rc == -EBUSY && !deferred && i < DEVMAPPER_REMOVE_TRIES; i++) {
		sleep_us(DEVMAPPER_REMOVE_RETRY_MS * 1000);
		rc = map_remove_once(name, false);
	}
	return rc;
}

/*
 * Create, load, resume as separate ioctls (what libdevmapper does inside a
 * create with a table, but that loses the errno of the failing step).
 */
static int map_create(const char *name, const char *uuid, uint64_t size, const char *params,
		      bool ro, uint16_t udev_flags)
{
	struct dm_task *dmt;
	int rc;

	rc = task_new(DM_DEVICE_CREATE, name, &dmt);
	if (rc < 0)
		return rc;
	if (uuid && uuid[0] && !dm_task_set_uuid(dmt, uuid))
		rc = -EINVAL;
	if (rc == 0 && !dm_task_set_add_node(dmt, DM_ADD_NODE_ON_RESUME))
		rc = -ENOMEM;
	/* no cookie: the kernel sends no cookie-carrying uevent for a create
	 * without table, udev would never complete it */
	if (rc == 0)
		rc = task_run_unlocked(dmt);
	dm_task_destroy(dmt);
	if (rc < 0)
		return rc;
	rc = map_load(name, size, params, ro);
	if (rc == 0)
		rc = map_resume(name, udev_flags);
	if (rc < 0 && map_remove(name, false) < 0)
		mp_log(3, "devmapper: cannot remove %s after its failed creation", name);
	return rc;
}

int devmapper_create_map(const char *name, const char *uuid, uint64_t size, const char *params,
			 bool ro, unsigned flags)
{
	int rc;

	if (!name_ok(name) || !params || !size || (uuid && strlen(uuid) >= DEVMAPPER_UUID_SIZE) ||
	    (flags & ~(unsigned)(DEVMAPPER_SKIP_KPARTX | DEVMAPPER_NO_USABLE_PATHS)))
		return -EINVAL;
	if (dm_ready() < 0)
		return -ENODEV;
	rc = map_create(name, uuid, size, params, ro, cookie_flags(flags));
	if (rc < 0)
		mp_log(3, "devmapper: create %s: %s", name, errno_desc(-rc));
	return rc;
}

/*
 * When the kernel cannot swap in a loaded table, the resume fails and the
 * map stays suspended on its old table, blocking all IO: resume that.
 */
static void resume_old_table(const char *name, uint16_t udev_flags)
{
	struct dm_info info;

	if (info_query(name, &info, NULL, 0) < 0 || !info.suspended)
		return;
	if (map_resume(name, udev_flags) < 0)
		mp_log(3, "devmapper: %s stays suspended after a failed reload", name);
	else
		mp_log(3, "devmapper: %s resumed on its old table after a failed reload", name);
}

int devmapper_reload_map(const char *name, uint64_t size, const char *params, bool ro,
			 unsigned flags)
{
	uint16_t udev_flags = cookie_flags(flags | DEVMAPPER_RELOAD);
	int rc;

	if (!name_ok(name) || !params || !size ||
	    (flags &
	     ~(unsigned)(DEVMAPPER_RELOAD | DEVMAPPER_SKIP_KPARTX | DEVMAPPER_NO_USABLE_PATHS)))
		return -EINVAL;
	if (dm_ready() < 0)
		return -ENODEV;
	rc = map_load(name, size, params, ro);
	if (rc == 0) {
		rc = map_resume(name, udev_flags);
		if (rc < 0)
			resume_old_table(name, udev_flags);
	}
	if (rc < 0)
		mp_log(3, "devmapper: reload %s: %s", name, errno_desc(-rc));
	return rc;
}

int devmapper_remove_map(const char *name, bool deferred)
{
	struct dm_info info;
	int rc;

	if (!name_ok(name))
		return -EINVAL;
	if (dm_ready() < 0)
		return -ENODEV;
	rc = info_query(name, &info, NULL, 0);
	if (rc == 0 && info.open_count > 0 && !deferred)
		rc = -EBUSY;
	if (rc == 0)
		rc = map_remove(name, deferred);
	if (rc < 0)
		mp_log(3, "devmapper: remove %s: %s", name, errno_desc(-rc));
	return rc;
}

int devmapper_rename_map(const char *old, const char *new_name)
{
	struct dm_task *dmt;
	int rc;

	if (!name_ok(old) || !name_ok(new_name))
		return -EINVAL;
	if (dm_ready() < 0)
		return -ENODEV;
	rc = task_new(DM_DEVICE_RENAME, old, &dmt);
	if (rc == 0) {
		if (!dm_task_set_newname(dmt, new_name))
			rc = -EINVAL;
		if (rc == 0)
			rc = task_run_udev(dmt, 0);
		dm_task_destroy(dmt);
	}
	if (rc < 0)
		mp_log(3, "devmapper: rename %s to %s: %s", old, new_name, errno_desc(-rc));
	return rc;
}

int devmapper_message(const char *name, const char *msg)
{
	struct dm_task *dmt;
	int rc;

	if (!name_ok(name) || !msg || !msg[0])
		return -EINVAL;
	if (dm_ready() < 0)
		return -ENODEV;
	rc = task_new(DM_DEVICE_TARGET_MSG, name, &dmt);
	if (rc == 0) {
		if (!dm_task_set_sector(dmt, 0) || !dm_task_set_message(dmt, msg))
			rc = -ENOMEM;
		if (rc == 0)
			rc = task_run(dmt);
		dm_task_destroy(dmt);
	}
	if (rc < 0)
		mp_log(3, "devmapper: message '%s' to %s: %s", msg, name, errno_desc(-rc));
	return rc;
}

/* The single multipath target of a table or status task that ran. */
static int single_target(struct dm_task *dmt, struct dm_info *info, uint64_t *size, char **params)
{
	uint64_t start, length;
	char *type = NULL, *p = NULL;
	void *next;
	char *copy;

	if (!dm_task_get_info(dmt, info))
		return -EIO;
	if (!info->exists)
		return -ENXIO;
	next = dm_get_next_target(dmt, NULL, &start, &length, &type, &p);
	if (!info->live_table || !type)
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

/* A table or status query of map name; info (required) gets its facts. */
static int map_query(int type, const char *name, struct dm_info *info, uint64_t *size,
		     char **params)
{
	struct dm_task *dmt;
	int rc;

	rc = task_new(type, name, &dmt);
	if (rc < 0)
		return rc;
	rc = task_run(dmt);
	if (rc == 0)
		rc = single_target(dmt, info, size, params);
	dm_task_destroy(dmt);
	return rc;
}

int devmapper_get_table(const char *name, uint64_t *size, char **params)
{
	struct dm_info info;

	if (!name_ok(name))
		return -EINVAL;
	if (dm_ready() < 0)
		return -ENODEV;
	return map_query(DM_DEVICE_TABLE, name, &info, size, params);
}

int devmapper_get_status(const char *name, char **params)
{
	struct dm_info info;

	if (!name_ok(name))
		return -EINVAL;
	if (dm_ready() < 0)
		return -ENODEV;
	return map_query(DM_DEVICE_STATUS, name, &info, NULL, params);
}

int devmapper_table_swap_devt(const char *params, const char *from, const char *to, char **out)
{
	size_t flen = from ? strlen(from) : 0;
	const char *p = params;
	STRBUF_AUTO(buf);
	int n = 0;

	if (!params || !flen || !to || !*to)
		return -EINVAL;
	while (*p) {
		size_t sp = strspn(p, " \t"), word;

		if (sp && strbuf_add(&buf, p, sp) < 0)
			return -ENOMEM;
		p += sp;
		word = strcspn(p, " \t");
		if (word == flen && !strncmp(p, from, flen)) {
			if (strbuf_add(&buf, to, strlen(to)) < 0)
				return -ENOMEM;
			n++;
		} else if (word && strbuf_add(&buf, p, word) < 0) {
			return -ENOMEM;
		}
		p += word;
	}
	if (n) {
		char *copy = strdup(strbuf_str(&buf));

		if (!copy)
			return -ENOMEM;
		*out = copy;
	}
	return n;
}

/* One target of a table being rewritten. */
struct dm_target_copy {
	uint64_t start, length;
	char *type, *params; /* owned */
};

static void targets_free(struct dm_target_copy *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(t[i].type);
		free(t[i].params);
	}
	free(t);
}

/* The targets of table task dmt (ran), with from swapped for to; *swapped
 * counts the replacements. */
static int targets_copy(struct dm_task *dmt, const char *from, const char *to,
			struct dm_target_copy **out, size_t *n, int *swapped)
{
	struct dm_target_copy *t = NULL, *grown;
	void *next = NULL;
	size_t k = 0;
	int total = 0, rc = 0;

	do {
		uint64_t start, length;
		char *type = NULL, *params = NULL, *np = NULL;
		int r;

		next = dm_get_next_target(dmt, next, &start, &length, &type, &params);
		if (!type)
			break;
		grown = realloc(t, (k + 1) * sizeof(*t));
		if (!grown) {
			rc = -ENOMEM;
			break;
		}
		t = grown;
		r = devmapper_table_swap_devt(params ? params : "", from, to, &np);
		t[k] = (struct dm_target_copy){start, length, strdup(type),
					       r > 0 ? np : strdup(params ? params : "")};
		k++;
		if (r < 0 || !t[k - 1].type || !t[k - 1].params) {
			rc = r < 0 ? r : -ENOMEM;
			break;
		}
		total += r;
	} while (next);
	if (rc < 0) {
		targets_free(t, k);
		return rc;
	}
	*out = t;
	*n = k;
	*swapped = total;
	return 0;
}

/* Load targets t into the inactive slot of name. */
static int table_load(const char *name, const struct dm_target_copy *t, size_t n, bool ro)
{
	struct dm_task *dmt;
	int rc = task_new(DM_DEVICE_RELOAD, name, &dmt);

	if (rc < 0)
		return rc;
	for (size_t i = 0; i < n && rc == 0; i++)
		if (!dm_task_add_target(dmt, t[i].start, t[i].length, t[i].type, t[i].params))
			rc = -ENOMEM;
	if (rc == 0 && ro && !dm_task_set_ro(dmt))
		rc = -ENOMEM;
	if (rc == 0)
		rc = task_run_unlocked(dmt);
	dm_task_destroy(dmt);
	return rc;
}

int devmapper_reassign(const char *name, const char *from, const char *to)
{
	struct dm_target_copy *t = NULL;
	struct dm_task *dmt;
	struct dm_info info;
	const char *uuid;
	size_t n = 0;
	int rc, swapped = 0;

	if (!name_ok(name) || !from || !*from || !to || !*to)
		return -EINVAL;
	if (dm_ready() < 0)
		return -ENODEV;
	rc = task_new(DM_DEVICE_TABLE, name, &dmt);
	if (rc < 0)
		return rc;
	rc = task_run(dmt);
	if (rc == 0 && !dm_task_get_info(dmt, &info))
		rc = -EIO;
	if (rc == 0 && !info.exists)
		rc = -ENXIO;
	if (rc == 0 && !info.live_table)
		rc = -ENODATA;
	uuid = rc == 0 ? dm_task_get_uuid(dmt) : NULL;
	if (rc == 0 && !(uuid && !strncmp(uuid, "mpath-", 6)))
		rc = targets_copy(dmt, from, to, &t, &n, &swapped);
	dm_task_destroy(dmt);
	if (rc < 0 || swapped == 0)
		goto out;
	for (size_t i = 0; i < n; i++)
		mp_log(3, "devmapper: %s: target %s %s", name, t[i].type, t[i].params);
	rc = table_load(name, t, n, info.read_only);
	if (rc == 0) {
		rc = map_resume(name, 0);
		if (rc < 0)
			resume_old_table(name, 0);
	}
	if (rc == 0)
		rc = 1;
out:
	targets_free(t, n);
	if (rc < 0)
		mp_log(3, "devmapper: reassign %s from %s to %s: %s", name, from, to,
		       errno_desc(-rc));
	return rc;
}

/* Names of all dm devices into all. */
/* Does DM_LIST_DEVICES give each device's event number (driver 4.37 on)?
 * Asked once. */
static bool list_has_event_nr(void)
{
	static atomic_int known = -1; /* -1: not asked yet */
	char version[64];
	unsigned major = 0, minor = 0;
	int v = atomic_load(&known);

	if (v >= 0)
		return v;
	dm_lock();
	v = dm_driver_version(version, sizeof(version)) &&
	    sscanf(version, "%u.%u", &major, &minor) == 2 &&
	    (major > 4 || (major == 4 && minor >= 37));
	dm_unlock();
	atomic_store(&known, v);
	return v;
}

/* The event number the list put after n's name, 8-byte aligned; false when
 * it would not fit before the next entry. */
static bool names_event_nr(const struct dm_names *n, uint32_t *event_nr)
{
	uintptr_t at = (uintptr_t)(n->name + strlen(n->name) + 1);

	at = (at + 7) & ~(uintptr_t)7;
	if (n->next && at + 2 * sizeof(uint32_t) > (uintptr_t)n + n->next)
		return false;
	memcpy(event_nr, (const void *)at, sizeof(*event_nr));
	return true;
}

/* One listed dm device. */
struct listed {
	struct dm_map_event ev;
	bool has_event_nr; /* ev.event_nr came with the list */
};
VECTOR_DEFINE(listed_vec, struct listed)

/* Every dm device: name, minor, and the event number when the list has it. */
static int list_devices(struct listed_vec *all)
{
	bool with_nr = list_has_event_nr();
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
			struct listed l = {.ev.minor = (int)minor((dev_t)names->dev)};

			if (strlen(names->name) >= sizeof(l.ev.name)) {
				rc = -ERANGE;
				break;
			}
			strcpy(l.ev.name, names->name);
			l.has_event_nr = with_nr && names_event_nr(names, &l.ev.event_nr);
			rc = listed_vec_push(all, l);
			next = names->next;
			names = (struct dm_names *)((char *)names + next);
		} while (rc == 0 && next);
	}
	dm_task_destroy(dmt);
	return rc;
}

static const struct dm_map_event *event_find(const struct dm_map_event_vec *v,
					     const struct dm_map_event *ev)
{
	for (size_t i = 0; v && i < v->n; i++)
		if (v->items[i].minor == ev->minor && !strcmp(v->items[i].name, ev->name))
			return &v->items[i];
	return NULL;
}

/*
 * The multipath maps, with minor and event_nr, into found (appended); the
 * devices with a live table of another type into *others when not NULL.
 * Listed devices in known are maps and those in others_known are not,
 * without a query (see devmapper_list_map_events_known()).
 */
static int list_multipath_known(const struct dm_map_event_vec *known,
				const struct dm_map_event_vec *others_known,
				struct dm_map_event_vec *found, struct dm_map_event_vec *others)
{
	struct listed_vec all = {0};
	struct dm_info info;
	int rc, q;

	rc = dm_ready();
	if (rc == 0)
		rc = list_devices(&all);
	for (size_t i = 0; rc == 0 && i < all.n; i++) {
		struct dm_map_event ev = all.items[i].ev;
		bool listed_nr = all.items[i].has_event_nr;

		if (listed_nr && event_find(known, &ev)) {
			rc = dm_map_event_vec_push(found, ev);
			continue;
		}
		if (listed_nr && event_find(others_known, &ev)) {
			rc = others ? dm_map_event_vec_push(others, ev) : 0;
			continue;
		}
		/* one ioctl: the table says "multipath", the info its counters */
		memset(&info, 0, sizeof(info));
		q = map_query(DM_DEVICE_TABLE, ev.name, &info, NULL, NULL);
		if (q == -ENOMEM) {
			rc = q;
		} else if (q == 0) {
			ev.minor = (int)info.minor;
			ev.event_nr = info.event_nr;
			rc = dm_map_event_vec_push(found, ev);
		} else if (others && q == -EINVAL && info.exists && info.live_table) {
			/* another target type (a partition, a volume) */
			rc = dm_map_event_vec_push(others, ev);
		}
	}
	listed_vec_release(&all);
	return rc;
}

/* The multipath maps, with minor and event_nr, into found (appended). */
static int list_multipath(struct dm_map_event_vec *found)
{
	return list_multipath_known(NULL, NULL, found, NULL);
}

int devmapper_list_maps(struct strvec *names)
{
	struct dm_map_event_vec found = {0};
	struct strvec add = {0};
	int rc;

	if (!names)
		return -EINVAL;
	rc = list_multipath(&found);
	for (size_t i = 0; rc == 0 && i < found.n; i++)
		rc = strvec_push_dup(&add, found.items[i].name);
	if (rc == 0)
		rc = vector_grow_raw((void **)&names->items, &names->alloc, names->n + add.n,
				     sizeof(*names->items));
	if (rc == 0 && add.n)
		memcpy(names->items + names->n, add.items, add.n * sizeof(*add.items));
	if (rc == 0) {
		names->n += add.n;
		rc = (int)add.n;
		strvec_release(&add); /* the strings now belong to names */
	}
	strvec_free_all(&add);
	dm_map_event_vec_release(&found);
	return rc;
}

int devmapper_list_map_events(struct dm_map_event_vec *out)
{
	struct dm_map_event_vec found = {0};
	int rc;

	if (!out)
		return -EINVAL;
	rc = list_multipath(&found);
	if (rc == 0)
		rc = vector_grow_raw((void **)&out->items, &out->alloc, out->n + found.n,
				     sizeof(*out->items));
	if (rc == 0 && found.n)
		memcpy(out->items + out->n, found.items, found.n * sizeof(*found.items));
	if (rc == 0) {
		out->n += found.n;
		rc = (int)found.n;
	}
	dm_map_event_vec_release(&found);
	return rc;
}

int devmapper_list_map_events_known(const struct dm_map_event_vec *known,
				    struct dm_map_event_vec *others, struct dm_map_event_vec *out)
{
	struct dm_map_event_vec found = {0}, now_others = {0};
	int rc;

	if (!others || !out)
		return -EINVAL;
	rc = list_multipath_known(known, known ? others : NULL, &found, &now_others);
	if (rc == 0)
		rc = vector_grow_raw((void **)&out->items, &out->alloc, out->n + found.n,
				     sizeof(*out->items));
	if (rc == 0 && found.n)
		memcpy(out->items + out->n, found.items, found.n * sizeof(*found.items));
	if (rc == 0) {
		out->n += found.n;
		rc = (int)found.n;
		dm_map_event_vec_release(others);
		*others = now_others;
		now_others = (struct dm_map_event_vec){0};
	}
	dm_map_event_vec_release(&found);
	dm_map_event_vec_release(&now_others);
	return rc;
}

int devmapper_get_info(const char *name, char *uuid, size_t uuid_size, int *minor, int *open_count,
		       bool *ro)
{
	char buf[DEVMAPPER_UUID_SIZE];
	struct dm_info info;
	int rc;

	if (!name_ok(name) || (uuid && !uuid_size))
		return -EINVAL;
	if (dm_ready() < 0)
		return -ENODEV;
	rc = info_query(name, &info, buf, sizeof(buf));
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

int devmapper_event_open(void)
{
	int fd;

	if (!dm_present())
		return -ENODEV;
	fd = open(DM_CONTROL, O_RDWR | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

int devmapper_event_arm(int fd)
{
	struct dm_ioctl io;

	memset(&io, 0, sizeof(io));
	/* the kernel wants its own major and a minor it has (>= the ioctl's) */
	io.version[0] = DM_VERSION_MAJOR;
	io.version[1] = DM_ARM_POLL_VERSION_MINOR;
	io.version[2] = 0;
	io.data_size = sizeof(io);
	io.data_start = sizeof(io);
	if (ioctl(fd, DM_DEV_ARM_POLL, &io) < 0)
		return -errno;
	return 0;
}
