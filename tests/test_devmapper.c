// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * devmapper.c against a fake libdevmapper: every libdevmapper function it
 * calls is wrapped (tests/wraps/test_devmapper.mk) and a small in-memory
 * "kernel" of maps answers the tasks; failures are injected per task type.
 * Also wrapped: pthread_mutex_lock/unlock, to count the mutexes the calling
 * thread holds, so that each fake libdevmapper call that touches the
 * library's process-wide state checks devmapper.c's lock is held and a pause
 * checks it is not; nanosleep (no real sleeping, and a hook to act while
 * devmapper.c pauses); stat and fopen (device-mapper present or not); open
 * and ioctl (the dm event fd).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <libdevmapper.h>
#include <linux/dm-ioctl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "devmapper.h"
#include "util/log.h"
#include "util/time.h"

enum { NMAPS = 8, FAKE_CONTROL_FD = 4242, UDEV_FALLBACK = DM_UDEV_DISABLE_LIBRARY_FALLBACK };

struct fmap {
	bool used;
	char name[DEVMAPPER_NAME_SIZE], uuid[DEVMAPPER_UUID_SIZE];
	int minor, open_count;
	uint32_t event_nr;
	bool suspended, live, inactive, deferred, ro;
	char type[16], params[256];
	uint64_t size;
	char new_type[16], new_params[256];
	uint64_t new_size;
	bool new_ro;
};

struct ftask {
	int type;
	char name[DEVMAPPER_NAME_SIZE], newname[DEVMAPPER_NAME_SIZE], uuid[DEVMAPPER_UUID_SIZE];
	char msg[128], ttype[16], params[256];
	uint64_t size;
	bool ro, no_flush, deferred, has_sector, node_on_resume;
	uint16_t cookie_flags;
	int err;
	struct dm_info info;
	char out_uuid[DEVMAPPER_UUID_SIZE], out_type[16], out_params[300];
	uint64_t out_size;
	bool has_target;
	uint64_t names[512]; /* dm_names entries, 8-byte aligned */
};

static struct {
	struct fmap maps[NMAPS];
	int next_minor;
	/* injections */
	int fail_type, fail_errno, fail_times; /* the next fail_times runs of fail_type fail */
	int remove_busy;		       /* the next removes fail with EBUSY */
	int create_null;		       /* dm_task_create returns NULL this many times */
	const char *setter_fail;	       /* this dm_task_set_* style call fails */
	bool sync_support, cookie_fails, wait_error, version_fail, info_fail, names_null;
	bool two_targets, dm_absent;
	const char *proc_misc;
	int not_ready; /* dm_udev_wait_immediate says "not ready" this many times */
	uint32_t stuck_cookie; /* ... and always for this cookie */
	int open_errno, arm_errno;
	/* observations */
	int tasks, runs, cookies, polls, waits0, update_nodes, sleeps, lock_errors;
	uint16_t cookie_flags[8];
	int ncookie;
	long slept_us;
	int open_flags;
	struct dm_ioctl arm_io;
	void (*on_sleep)(void);
	char logs[4096];
} fk;

static __thread int mutexes_held;
static dm_log_with_errno_fn fake_dm_log; /* set once by devmapper.c's setup */

/* ---- lock accounting ---- */

int __wrap_pthread_mutex_lock(pthread_mutex_t *m);
int __real_pthread_mutex_lock(pthread_mutex_t *m);
int __wrap_pthread_mutex_unlock(pthread_mutex_t *m);
int __real_pthread_mutex_unlock(pthread_mutex_t *m);

int __wrap_pthread_mutex_lock(pthread_mutex_t *m)
{
	int rc = __real_pthread_mutex_lock(m);

	if (rc == 0)
		mutexes_held++;
	return rc;
}

int __wrap_pthread_mutex_unlock(pthread_mutex_t *m)
{
	mutexes_held--;
	return __real_pthread_mutex_unlock(m);
}

/* Called by fakes from any thread: count, do not assert (cmocka is not
 * thread-safe); each test checks fk.lock_errors at the end. */
static void want_held(int n)
{
	if (mutexes_held != n)
		__atomic_add_fetch(&fk.lock_errors, 1, __ATOMIC_SEQ_CST);
}

/* ---- the fake kernel ---- */

static struct fmap *map_find(const char *name)
{
	for (int i = 0; i < NMAPS; i++)
		if (fk.maps[i].used && !strcmp(fk.maps[i].name, name))
			return &fk.maps[i];
	return NULL;
}

static struct fmap *map_add(const char *name, const char *type, const char *params)
{
	for (int i = 0; i < NMAPS; i++) {
		struct fmap *m = &fk.maps[i];

		if (m->used)
			continue;
		memset(m, 0, sizeof(*m));
		m->used = true;
		snprintf(m->name, sizeof(m->name), "%s", name);
		m->minor = fk.next_minor++;
		if (type) {
			m->live = true;
			m->size = 2048;
			snprintf(m->type, sizeof(m->type), "%s", type);
			snprintf(m->params, sizeof(m->params), "%s", params);
		}
		return m;
	}
	fail_msg("fake kernel full");
	return NULL;
}

static void fill_info(struct ftask *t, const struct fmap *m)
{
	memset(&t->info, 0, sizeof(t->info));
	if (!m)
		return;
	t->info.exists = 1;
	t->info.suspended = m->suspended;
	t->info.live_table = m->live;
	t->info.inactive_table = m->inactive;
	t->info.open_count = m->open_count;
	t->info.event_nr = m->event_nr;
	t->info.major = 254;
	t->info.minor = (uint32_t)m->minor;
	t->info.read_only = m->ro;
	t->info.target_count = m->live;
	snprintf(t->out_uuid, sizeof(t->out_uuid), "%s", m->uuid);
}

static void fill_names(struct ftask *t)
{
	char *buf = (char *)t->names;
	struct dm_names *prev = NULL;
	size_t off = 0;

	memset(t->names, 0, sizeof(t->names));
	for (int i = 0; i < NMAPS; i++) {
		struct dm_names *n = (struct dm_names *)(buf + off);
		size_t len;

		if (!fk.maps[i].used)
			continue;
		n->dev = ((uint64_t)254 << 8) | (uint64_t)fk.maps[i].minor;
		strcpy(n->name, fk.maps[i].name);
		len = (offsetof(struct dm_names, name) + strlen(n->name) + 1 + 7) & ~(size_t)7;
		/* driver 4.37 on: the event number (and flags) after the name */
		memcpy((char *)n + len, &fk.maps[i].event_nr, sizeof(uint32_t));
		len += 2 * sizeof(uint32_t);
		if (prev)
			prev->next = (uint32_t)((char *)n - (char *)prev);
		prev = n;
		off += len;
	}
}

static int do_ioctl(struct ftask *t)
{
	struct fmap *m = map_find(t->name);

	switch (t->type) {
	case DM_DEVICE_CREATE:
		if (m)
			return EBUSY;
		m = map_add(t->name, NULL, NULL);
		snprintf(m->uuid, sizeof(m->uuid), "%s", t->uuid);
		m->suspended = true;
		return 0;
	case DM_DEVICE_RELOAD:
		if (!m)
			return ENXIO;
		if (strstr(t->params, "bad"))
			return EINVAL;
		m->inactive = true;
		snprintf(m->new_type, sizeof(m->new_type), "%s", t->ttype);
		snprintf(m->new_params, sizeof(m->new_params), "%s", t->params);
		m->new_size = t->size;
		m->new_ro = t->ro;
		return 0;
	case DM_DEVICE_RESUME:
		if (!m)
			return ENXIO;
		if (m->inactive) {
			m->live = true;
			m->inactive = false;
			memcpy(m->type, m->new_type, sizeof(m->type));
			memcpy(m->params, m->new_params, sizeof(m->params));
			m->size = m->new_size;
			m->ro = m->new_ro;
		}
		m->suspended = false;
		return 0;
	case DM_DEVICE_REMOVE:
		if (!m)
			return ENXIO;
		if (m->open_count && t->deferred) {
			m->deferred = true;
			return 0;
		}
		if (m->open_count)
			return EBUSY;
		if (fk.remove_busy > 0) {
			fk.remove_busy--;
			return EBUSY;
		}
		m->used = false;
		return 0;
	case DM_DEVICE_RENAME:
		if (!m)
			return ENXIO;
		if (map_find(t->newname))
			return EBUSY;
		snprintf(m->name, sizeof(m->name), "%s", t->newname);
		return 0;
	case DM_DEVICE_TARGET_MSG:
		if (!m)
			return ENXIO;
		if (!t->has_sector || strstr(t->msg, "bogus"))
			return EINVAL;
		m->event_nr++;
		return 0;
	case DM_DEVICE_INFO:
		fill_info(t, m);
		return 0;
	case DM_DEVICE_TABLE:
	case DM_DEVICE_STATUS:
		if (!m)
			return ENXIO;
		fill_info(t, m);
		t->has_target = m->live;
		t->out_size = m->size;
		snprintf(t->out_type, sizeof(t->out_type), "%s", m->type);
		snprintf(t->out_params, sizeof(t->out_params), "%s%s",
			 t->type == DM_DEVICE_STATUS ? "status of " : "", m->params);
		return 0;
	case DM_DEVICE_LIST:
		fill_names(t);
		return 0;
	default:
		return EINVAL;
	}
}

#define T(dmt) ((struct ftask *)(void *)(dmt))

/* Declarations of the wraps (-Wmissing-prototypes). */
struct dm_task *__wrap_dm_task_create(int type);
void __wrap_dm_task_destroy(struct dm_task *dmt);
int __wrap_dm_task_set_name(struct dm_task *dmt, const char *name);
int __wrap_dm_task_set_uuid(struct dm_task *dmt, const char *uuid);
int __wrap_dm_task_set_newname(struct dm_task *dmt, const char *newname);
int __wrap_dm_task_set_message(struct dm_task *dmt, const char *message);
int __wrap_dm_task_set_sector(struct dm_task *dmt, uint64_t sector);
int __wrap_dm_task_set_ro(struct dm_task *dmt);
int __wrap_dm_task_no_flush(struct dm_task *dmt);
int __wrap_dm_task_set_add_node(struct dm_task *dmt, dm_add_node_t add_node);
int __wrap_dm_task_deferred_remove(struct dm_task *dmt);
int __wrap_dm_task_add_target(struct dm_task *dmt, uint64_t start, uint64_t size, const char *ttype,
			      const char *params);
int __wrap_dm_task_run(struct dm_task *dmt);
int __wrap_dm_task_get_errno(struct dm_task *dmt);
int __wrap_dm_task_get_info(struct dm_task *dmt, struct dm_info *info);
const char *__wrap_dm_task_get_uuid(const struct dm_task *dmt);
struct dm_names *__wrap_dm_task_get_names(struct dm_task *dmt);
void *__wrap_dm_get_next_target(struct dm_task *dmt, void *next, uint64_t *start, uint64_t *length,
				char **target_type, char **params);
int __wrap_dm_task_set_cookie(struct dm_task *dmt, uint32_t *cookie, uint16_t flags);
int __wrap_dm_udev_get_sync_support(void);
void __wrap_dm_udev_set_sync_support(int sync_with_udev);
int __wrap_dm_udev_wait(uint32_t cookie);
int __wrap_dm_udev_wait_immediate(uint32_t cookie, int *ready);
void __wrap_dm_task_update_nodes(void);
int __wrap_dm_driver_version(char *version, size_t size);
void __wrap_dm_log_with_errno_init(dm_log_with_errno_fn fn);
int __wrap_nanosleep(const struct timespec *req, struct timespec *rem);
int __wrap_stat(const char *path, struct stat *st);
int __real_stat(const char *path, struct stat *st);
FILE *__wrap_fopen(const char *path, const char *mode);
FILE *__real_fopen(const char *path, const char *mode);
int __wrap_open(const char *path, int flags, ...);
int __real_open(const char *path, int flags, ...);
int __wrap_ioctl(int fd, unsigned long req, ...);
int __real_ioctl(int fd, unsigned long req, ...);

struct dm_task *__wrap_dm_task_create(int type)
{
	struct ftask *t;

	want_held(1);
	if (fk.create_null > 0) {
		fk.create_null--;
		return NULL;
	}
	t = calloc(1, sizeof(*t));
	if (t) {
		t->type = type;
		__atomic_add_fetch(&fk.tasks, 1, __ATOMIC_SEQ_CST);
	}
	return (struct dm_task *)(void *)t;
}

void __wrap_dm_task_destroy(struct dm_task *dmt)
{
	if (!dmt)
		return;
	__atomic_sub_fetch(&fk.tasks, 1, __ATOMIC_SEQ_CST);
	free(dmt);
}

static int setter_ok(const char *fn)
{
	return !(fk.setter_fail && !strcmp(fk.setter_fail, fn));
}

int __wrap_dm_task_set_name(struct dm_task *dmt, const char *name)
{
	snprintf(T(dmt)->name, sizeof(T(dmt)->name), "%s", name);
	return setter_ok(__func__);
}

int __wrap_dm_task_set_uuid(struct dm_task *dmt, const char *uuid)
{
	snprintf(T(dmt)->uuid, sizeof(T(dmt)->uuid), "%s", uuid);
	return setter_ok(__func__);
}

int __wrap_dm_task_set_newname(struct dm_task *dmt, const char *newname)
{
	snprintf(T(dmt)->newname, sizeof(T(dmt)->newname), "%s", newname);
	return setter_ok(__func__);
}

int __wrap_dm_task_set_message(struct dm_task *dmt, const char *message)
{
	snprintf(T(dmt)->msg, sizeof(T(dmt)->msg), "%s", message);
	return setter_ok(__func__);
}

int __wrap_dm_task_set_sector(struct dm_task *dmt, uint64_t sector)
{
	T(dmt)->has_sector = sector == 0;
	return setter_ok(__func__);
}

int __wrap_dm_task_set_ro(struct dm_task *dmt)
{
	T(dmt)->ro = true;
	return setter_ok(__func__);
}

int __wrap_dm_task_no_flush(struct dm_task *dmt)
{
	T(dmt)->no_flush = true;
	return setter_ok(__func__);
}

int __wrap_dm_task_set_add_node(struct dm_task *dmt, dm_add_node_t add_node)
{
	T(dmt)->node_on_resume = add_node == DM_ADD_NODE_ON_RESUME;
	return setter_ok(__func__);
}

int __wrap_dm_task_deferred_remove(struct dm_task *dmt)
{
	T(dmt)->deferred = true;
	return setter_ok(__func__);
}

int __wrap_dm_task_add_target(struct dm_task *dmt, uint64_t start, uint64_t size, const char *ttype,
			      const char *params)
{
	struct ftask *t = T(dmt);

	assert_int_equal(start, 0);
	t->size = size;
	snprintf(t->ttype, sizeof(t->ttype), "%s", ttype);
	snprintf(t->params, sizeof(t->params), "%s", params);
	return setter_ok(__func__);
}

int __wrap_dm_task_run(struct dm_task *dmt)
{
	struct ftask *t = T(dmt);
	struct fmap *m;

	/* a create and a table load run unlocked (those of several threads
	 * overlap), the rest under devmapper.c's lock; unlocked, a create must
	 * leave its node to the resume (no node operation of the library) */
	if (t->type == DM_DEVICE_RELOAD || t->type == DM_DEVICE_CREATE)
		want_held(0);
	else
		want_held(1);
	if (t->type == DM_DEVICE_CREATE && !t->node_on_resume)
		__atomic_add_fetch(&fk.lock_errors, 1, __ATOMIC_SEQ_CST);
	fk.runs++;
	if (fk.fail_times > 0 && fk.fail_type == t->type) {
		fk.fail_times--;
		t->err = fk.fail_errno;
		/* a resume the kernel refuses leaves the map suspended */
		if (t->type == DM_DEVICE_RESUME && (m = map_find(t->name)))
			m->suspended = true;
		return 0;
	}
	t->err = do_ioctl(t);
	return t->err == 0;
}

int __wrap_dm_task_get_errno(struct dm_task *dmt)
{
	return T(dmt)->err;
}

int __wrap_dm_task_get_info(struct dm_task *dmt, struct dm_info *info)
{
	if (fk.info_fail)
		return 0;
	*info = T(dmt)->info;
	return 1;
}

const char *__wrap_dm_task_get_uuid(const struct dm_task *dmt)
{
	const struct ftask *t = (const struct ftask *)(const void *)dmt;

	return t->out_uuid[0] ? t->out_uuid : NULL;
}

struct dm_names *__wrap_dm_task_get_names(struct dm_task *dmt)
{
	return fk.names_null ? NULL : (struct dm_names *)(void *)T(dmt)->names;
}

void *__wrap_dm_get_next_target(struct dm_task *dmt, void *next, uint64_t *start, uint64_t *length,
				char **target_type, char **params)
{
	struct ftask *t = T(dmt);

	assert_null(next);
	*start = 0;
	*length = t->out_size;
	*target_type = t->has_target ? t->out_type : NULL;
	*params = t->has_target ? t->out_params : NULL;
	return t->has_target && fk.two_targets ? t : NULL;
}

int __wrap_dm_task_set_cookie(struct dm_task *dmt, uint32_t *cookie, uint16_t flags)
{
	want_held(1);
	fk.cookies++;
	if (fk.ncookie < 8)
		fk.cookie_flags[fk.ncookie++] = flags;
	if (fk.cookie_fails)
		return 0;
	T(dmt)->cookie_flags = flags;
	*cookie = fk.sync_support ? 0x0d4d0000u | (uint32_t)fk.cookies : 0;
	return 1;
}

int __wrap_dm_udev_get_sync_support(void)
{
	want_held(1);
	return fk.sync_support;
}

void __wrap_dm_udev_set_sync_support(int sync_with_udev)
{
	(void)sync_with_udev;
}

int __wrap_dm_udev_wait(uint32_t cookie)
{
	want_held(1);
	/* only ever for "no cookie": the blocking wait of a real one is not used */
	if (cookie)
		__atomic_add_fetch(&fk.lock_errors, 1, __ATOMIC_SEQ_CST);
	fk.waits0++;
	return 1;
}

int __wrap_dm_udev_wait_immediate(uint32_t cookie, int *ready)
{
	want_held(1);
	assert_int_not_equal(cookie, 0);
	fk.polls++;
	if (fk.wait_error)
		return 0;
	if (cookie == fk.stuck_cookie) {
		*ready = 0;
		return 1;
	}
	*ready = fk.not_ready <= 0;
	if (fk.not_ready > 0)
		fk.not_ready--;
	return 1;
}

void __wrap_dm_task_update_nodes(void)
{
	want_held(1);
	fk.update_nodes++;
}

int __wrap_dm_driver_version(char *version, size_t size)
{
	want_held(1);
	snprintf(version, size, "4.47.0");
	return !fk.version_fail;
}

void __wrap_dm_log_with_errno_init(dm_log_with_errno_fn fn)
{
	fake_dm_log = fn;
}

int __wrap_nanosleep(const struct timespec *req, struct timespec *rem)
{
	(void)rem;
	want_held(0);
	fk.sleeps++;
	fk.slept_us += req->tv_sec * 1000000 + req->tv_nsec / 1000;
	if (fk.on_sleep)
		fk.on_sleep();
	return 0;
}

int __wrap_stat(const char *path, struct stat *st)
{
	if (strcmp(path, "/dev/mapper/control"))
		return __real_stat(path, st);
	if (fk.dm_absent) {
		errno = ENOENT;
		return -1;
	}
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFCHR | 0600;
	return 0;
}

FILE *__wrap_fopen(const char *path, const char *mode)
{
	if (strcmp(path, "/proc/misc"))
		return __real_fopen(path, mode);
	if (!fk.proc_misc) {
		errno = ENOENT;
		return NULL;
	}
	return fmemopen((void *)(uintptr_t)fk.proc_misc, strlen(fk.proc_misc), "r");
}

int __wrap_open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = (flags & O_CREAT) ? (mode_t)va_arg(ap, int) : 0;
	va_end(ap);
	if (strcmp(path, "/dev/mapper/control"))
		return __real_open(path, flags, mode);
	fk.open_flags = flags;
	if (fk.open_errno) {
		errno = fk.open_errno;
		return -1;
	}
	return FAKE_CONTROL_FD;
}

int __wrap_ioctl(int fd, unsigned long req, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (fd != FAKE_CONTROL_FD)
		return __real_ioctl(fd, req, arg);
	if (req != DM_DEV_ARM_POLL) {
		errno = ENOTTY;
		return -1;
	}
	memcpy(&fk.arm_io, arg, sizeof(fk.arm_io));
	if (fk.arm_errno) {
		errno = fk.arm_errno;
		return -1;
	}
	return 0;
}

/* ---- fixtures ---- */

static void capture(int level, const char *msg, void *data)
{
	size_t len = strlen(fk.logs);

	(void)data;
	snprintf(fk.logs + len, sizeof(fk.logs) - len, "%d %s\n", level, msg);
}

static int setup(void **state)
{
	(void)state;
	memset(&fk, 0, sizeof(fk));
	fk.sync_support = true;
	fk.fail_type = -1;
	fk.next_minor = 3;
	log_set_verbosity(4);
	log_set_sink(capture, NULL);
	return 0;
}

/* Every test ends here: no task leaked, the lock held exactly where needed. */
static int teardown(void **state)
{
	(void)state;
	log_set_sink(NULL, NULL);
	assert_int_equal(fk.tasks, 0);
	assert_int_equal(fk.lock_errors, 0);
	assert_int_equal(mutexes_held, 0);
	return 0;
}

static const char *const PARAMS = "0 0 1 1 round-robin 0 2 1 8:0 1 8:16 1";

static struct fmap *mpath(const char *name)
{
	return map_add(name, "multipath", PARAMS);
}

/* ---- tests ---- */

static void test_no_device_mapper(void **state)
{
	struct strvec names = {0};
	struct dm_map_event_vec evs = {0};

	(void)state;
	fk.dm_absent = true;
	fk.proc_misc = " 60 loop-control\n227 mcelog\n";
	assert_false(devmapper_available());
	assert_int_equal(devmapper_create_map("m", NULL, 8, PARAMS, false, 0), -ENODEV);
	assert_int_equal(devmapper_reload_map("m", 8, PARAMS, false, 0), -ENODEV);
	assert_int_equal(devmapper_remove_map("m", false), -ENODEV);
	assert_int_equal(devmapper_rename_map("m", "n"), -ENODEV);
	assert_int_equal(devmapper_message("m", "fail_if_no_path"), -ENODEV);
	assert_int_equal(devmapper_get_table("m", NULL, NULL), -ENODEV);
	assert_int_equal(devmapper_get_status("m", NULL), -ENODEV);
	assert_int_equal(devmapper_get_info("m", NULL, 0, NULL, NULL, NULL), -ENODEV);
	assert_int_equal(devmapper_list_maps(&names), -ENODEV);
	assert_int_equal(devmapper_list_map_events(&evs), -ENODEV);
	assert_int_equal(devmapper_event_open(), -ENODEV);
	assert_int_equal(fk.runs, 0);
	/* no /proc/misc either */
	fk.proc_misc = NULL;
	assert_false(devmapper_available());
	/* the driver without its node: libdevmapper may be called (it makes the node) */
	fk.proc_misc = "236 device-mapper\n";
	assert_true(devmapper_available());
	fk.version_fail = true;
	assert_false(devmapper_available());
}

static void test_bad_arguments(void **state)
{
	char longname[DEVMAPPER_NAME_SIZE + 1], longuuid[DEVMAPPER_UUID_SIZE + 1];

	(void)state;
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	memset(longuuid, 'u', sizeof(longuuid) - 1);
	longuuid[sizeof(longuuid) - 1] = '\0';
	assert_int_equal(devmapper_create_map(NULL, NULL, 8, PARAMS, false, 0), -EINVAL);
	assert_int_equal(devmapper_create_map("", NULL, 8, PARAMS, false, 0), -EINVAL);
	assert_int_equal(devmapper_create_map("a/b", NULL, 8, PARAMS, false, 0), -EINVAL);
	assert_int_equal(devmapper_create_map(longname, NULL, 8, PARAMS, false, 0), -EINVAL);
	assert_int_equal(devmapper_create_map("m", longuuid, 8, PARAMS, false, 0), -EINVAL);
	assert_int_equal(devmapper_create_map("m", NULL, 0, PARAMS, false, 0), -EINVAL);
	assert_int_equal(devmapper_create_map("m", NULL, 8, NULL, false, 0), -EINVAL);
	assert_int_equal(devmapper_create_map("m", NULL, 8, PARAMS, false, DEVMAPPER_RELOAD),
			 -EINVAL);
	assert_int_equal(devmapper_reload_map("m", 8, PARAMS, false, 1u << 9), -EINVAL);
	assert_int_equal(devmapper_reload_map("m", 0, PARAMS, false, 0), -EINVAL);
	assert_int_equal(devmapper_remove_map("", false), -EINVAL);
	assert_int_equal(devmapper_rename_map("m", "a/b"), -EINVAL);
	assert_int_equal(devmapper_message("m", ""), -EINVAL);
	assert_int_equal(devmapper_message("m", NULL), -EINVAL);
	assert_int_equal(devmapper_get_table(NULL, NULL, NULL), -EINVAL);
	assert_int_equal(devmapper_get_status("a/b", NULL), -EINVAL);
	assert_int_equal(devmapper_get_info("m", (char[4]){0}, 0, NULL, NULL, NULL), -EINVAL);
	assert_int_equal(devmapper_list_maps(NULL), -EINVAL);
	assert_int_equal(devmapper_list_map_events(NULL), -EINVAL);
	assert_int_equal(fk.runs, 0);
}

static void test_create(void **state)
{
	struct fmap *m;

	(void)state;
	fk.not_ready = 3; /* udev takes three polls */
	assert_int_equal(devmapper_create_map("mpatha", "mpath-3600", 4096, PARAMS, true,
					      DEVMAPPER_SKIP_KPARTX | DEVMAPPER_NO_USABLE_PATHS),
			 0);
	m = map_find("mpatha");
	assert_non_null(m);
	assert_true(m->live && !m->suspended && m->ro);
	assert_string_equal(m->uuid, "mpath-3600");
	assert_string_equal(m->type, "multipath");
	assert_string_equal(m->params, PARAMS);
	assert_int_equal(m->size, 4096);
	/* one cookie, on the resume; the create and load have none */
	assert_int_equal(fk.ncookie, 1);
	assert_int_equal(fk.cookie_flags[0],
			 DM_SUBSYSTEM_UDEV_FLAG1 | DM_SUBSYSTEM_UDEV_FLAG2 | UDEV_FALLBACK);
	/* polled until ready, pausing (unlocked) between polls, growing pauses */
	assert_int_equal(fk.polls, 4);
	assert_int_equal(fk.sleeps, 3);
	assert_int_equal(fk.slept_us, 1000 + 2000 + 4000);
	assert_int_equal(fk.waits0, 0);
}

static void test_create_errors(void **state)
{
	(void)state;
	mpath("used");
	assert_int_equal(devmapper_create_map("used", NULL, 8, PARAMS, false, 0), -EBUSY);
	assert_string_equal(map_find("used")->params, PARAMS);
	/* a refused table: the new map is removed again */
	assert_int_equal(devmapper_create_map("m", "", 8, "bad table", false, 0), -EINVAL);
	assert_null(map_find("m"));
	/* a failed resume: removed too */
	fk.fail_type = DM_DEVICE_RESUME;
	fk.fail_errno = EIO;
	fk.fail_times = 1;
	assert_int_equal(devmapper_create_map("m", NULL, 8, PARAMS, false, 0), -EIO);
	assert_null(map_find("m"));
	/* the ioctl failed without an errno */
	fk.fail_type = DM_DEVICE_CREATE;
	fk.fail_errno = 0;
	fk.fail_times = 1;
	assert_int_equal(devmapper_create_map("m", NULL, 8, PARAMS, false, 0), -EIO);
	/* no memory for the task, its uuid, its node mode or the resume's no_flush */
	fk.create_null = 1;
	assert_int_equal(devmapper_create_map("m", NULL, 8, PARAMS, false, 0), -ENOMEM);
	fk.setter_fail = "__wrap_dm_task_set_uuid";
	assert_int_equal(devmapper_create_map("m", "mpath-x", 8, PARAMS, false, 0), -EINVAL);
	fk.setter_fail = "__wrap_dm_task_no_flush";
	assert_int_equal(devmapper_create_map("m", NULL, 8, PARAMS, false, 0), -ENOMEM);
	assert_null(map_find("m"));
	fk.setter_fail = "__wrap_dm_task_set_add_node";
	assert_int_equal(devmapper_create_map("m", NULL, 8, PARAMS, false, 0), -ENOMEM);
	assert_null(map_find("m"));
	fk.setter_fail = "__wrap_dm_task_set_ro";
	assert_int_equal(devmapper_create_map("m", NULL, 8, PARAMS, true, 0), -ENOMEM);
	fk.setter_fail = "__wrap_dm_task_set_name";
	assert_int_equal(devmapper_create_map("m", NULL, 8, PARAMS, false, 0), -ENOMEM);
	/* the removal after the failure fails too: logged */
	fk.setter_fail = NULL;
	fk.fail_type = DM_DEVICE_RESUME;
	fk.fail_errno = EIO;
	fk.fail_times = 1;
	fk.remove_busy = 100;
	assert_int_equal(devmapper_create_map("m", NULL, 8, PARAMS, false, 0), -EIO);
	assert_non_null(strstr(fk.logs, "cannot remove m after its failed creation"));
	assert_non_null(strstr(fk.logs, "3 devmapper: create m: Input/output error"));
}

static void test_reload(void **state)
{
	struct fmap *m = mpath("mpatha");

	(void)state;
	assert_int_equal(devmapper_reload_map("mpatha", 8192, "0 0 new", false, 0), 0);
	assert_string_equal(m->params, "0 0 new");
	assert_int_equal(m->size, 8192);
	assert_int_equal(fk.ncookie, 1);
	assert_int_equal(fk.cookie_flags[0], DM_SUBSYSTEM_UDEV_FLAG0 | UDEV_FALLBACK);
	assert_int_equal(devmapper_reload_map("mpatha", 8192, "0 0 other", false,
					      DEVMAPPER_NO_USABLE_PATHS | DEVMAPPER_RELOAD),
			 0);
	assert_int_equal(fk.cookie_flags[1],
			 DM_SUBSYSTEM_UDEV_FLAG0 | DM_SUBSYSTEM_UDEV_FLAG2 | UDEV_FALLBACK);
	assert_int_equal(devmapper_reload_map("none", 8, PARAMS, false, 0), -ENXIO);
	/* a refused table leaves the live one */
	assert_int_equal(devmapper_reload_map("mpatha", 8, "bad", false, 0), -EINVAL);
	assert_string_equal(m->params, "0 0 other");
	assert_int_equal(fk.ncookie, 2);
}

static void test_reload_failed_resume(void **state)
{
	struct fmap *m = mpath("mpatha");

	(void)state;
	/* the resume fails once: the map, left suspended, is resumed on its old table */
	fk.fail_type = DM_DEVICE_RESUME;
	fk.fail_errno = EINVAL;
	fk.fail_times = 1;
	assert_int_equal(devmapper_reload_map("mpatha", 8, "0 0 new", false, 0), -EINVAL);
	assert_false(m->suspended);
	assert_int_equal(fk.ncookie, 2);
	assert_int_equal(fk.cookie_flags[1], DM_SUBSYSTEM_UDEV_FLAG0 | UDEV_FALLBACK);
	assert_non_null(strstr(fk.logs, "mpatha resumed on its old table"));
	/* it fails twice: the map stays suspended, and says so */
	fk.fail_times = 2;
	assert_int_equal(devmapper_reload_map("mpatha", 8, "0 0 new", false, 0), -EINVAL);
	assert_true(m->suspended);
	assert_non_null(strstr(fk.logs, "mpatha stays suspended after a failed reload"));
}

static void test_remove(void **state)
{
	struct fmap *m = mpath("open");
	int cookies;

	(void)state;
	m->open_count = 1;
	assert_int_equal(devmapper_remove_map("open", false), -EBUSY);
	assert_int_equal(fk.ncookie, 0); /* refused before any remove ioctl */
	/* deferred: accepted, the node left to udev at the last close */
	assert_int_equal(devmapper_remove_map("open", true), 0);
	assert_true(m->deferred);
	assert_int_equal(fk.cookie_flags[0], UDEV_FALLBACK);
	assert_int_equal(devmapper_remove_map("none", false), -ENXIO);
	/* busy for a moment (udev's blkid): retried, unlocked pauses */
	mpath("blip");
	fk.remove_busy = 2;
	assert_int_equal(devmapper_remove_map("blip", false), 0);
	assert_null(map_find("blip"));
	assert_int_equal(fk.sleeps, 2);
	assert_int_equal(fk.slept_us, 2 * DEVMAPPER_REMOVE_RETRY_MS * 1000);
	/* busy for good: gives up after DEVMAPPER_REMOVE_TRIES tries */
	mpath("stuck");
	fk.remove_busy = 100;
	cookies = fk.cookies;
	fk.sleeps = 0;
	assert_int_equal(devmapper_remove_map("stuck", false), -EBUSY);
	assert_int_equal(fk.cookies - cookies, DEVMAPPER_REMOVE_TRIES);
	assert_int_equal(fk.sleeps, DEVMAPPER_REMOVE_TRIES - 1);
	/* no memory for the deferred flag */
	fk.setter_fail = "__wrap_dm_task_deferred_remove";
	assert_int_equal(devmapper_remove_map("open", true), -ENOMEM);
}

static void test_rename(void **state)
{
	(void)state;
	mpath("old");
	mpath("taken");
	assert_int_equal(devmapper_rename_map("old", "new"), 0);
	assert_non_null(map_find("new"));
	assert_null(map_find("old"));
	assert_int_equal(fk.cookie_flags[0], UDEV_FALLBACK);
	assert_int_equal(devmapper_rename_map("new", "taken"), -EBUSY);
	assert_int_equal(devmapper_rename_map("none", "x"), -ENXIO);
	fk.setter_fail = "__wrap_dm_task_set_newname";
	assert_int_equal(devmapper_rename_map("new", "x"), -EINVAL);
	fk.create_null = 1;
	assert_int_equal(devmapper_rename_map("new", "x"), -ENOMEM);
}

static void test_message(void **state)
{
	struct fmap *m = mpath("mpatha");

	(void)state;
	assert_int_equal(devmapper_message("mpatha", "fail_path 8:16"), 0);
	assert_int_equal(m->event_nr, 1);
	assert_int_equal(devmapper_message("none", "fail_path 8:16"), -ENXIO);
	assert_int_equal(devmapper_message("mpatha", "bogus"), -EINVAL);
	assert_non_null(strstr(fk.logs, "message 'bogus' to mpatha: Invalid argument"));
	/* a message never takes a udev cookie */
	assert_int_equal(fk.cookies, 0);
	fk.setter_fail = "__wrap_dm_task_set_message";
	assert_int_equal(devmapper_message("mpatha", "fail_path 8:16"), -ENOMEM);
	fk.setter_fail = NULL;
	fk.create_null = 1;
	assert_int_equal(devmapper_message("mpatha", "fail_path 8:16"), -ENOMEM);
}

/* ---- a message while another thread waits for udev ---- */

static void *message_thread(void *arg)
{
	int *rc = arg;

	*rc = devmapper_message("mpatha", "fail_path 8:16");
	return NULL;
}

static int pause_messages, pause_message_rc;

/* In devmapper.c's pause between two udev polls: a message from another
 * thread must get through (it would block forever on a lock held here). */
static void message_during_pause(void)
{
	struct timespec deadline;
	pthread_t th;
	int rc = -1;

	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += 5;
	if (pthread_create(&th, NULL, message_thread, &rc))
		return;
	if (pthread_timedjoin_np(th, NULL, &deadline)) {
		pthread_detach(th);
		pause_message_rc = -ETIMEDOUT;
		return;
	}
	pause_messages++;
	pause_message_rc = rc;
}

static void test_message_during_udev_wait(void **state)
{
	struct fmap *m = mpath("mpatha");

	(void)state;
	mpath("other");
	fk.not_ready = 2;
	fk.on_sleep = message_during_pause;
	assert_int_equal(devmapper_reload_map("other", 8, PARAMS, false, 0), 0);
	assert_int_equal(pause_message_rc, 0);
	assert_int_equal(pause_messages, 2);
	assert_int_equal(m->event_nr, 2);
	/* and during the pause between two remove attempts */
	fk.remove_busy = 1;
	assert_int_equal(devmapper_remove_map("other", false), 0);
	assert_int_equal(pause_message_rc, 0);
	assert_int_equal(pause_messages, 3);
	assert_int_equal(m->event_nr, 3);
}

static void test_udev_variants(void **state)
{
	(void)state;
	mpath("mpatha");
	/* no udev synchronisation: cookie 0, libdevmapper makes the nodes */
	fk.sync_support = false;
	assert_int_equal(devmapper_reload_map("mpatha", 8, PARAMS, false, 0), 0);
	assert_int_equal(fk.cookie_flags[0], DM_SUBSYSTEM_UDEV_FLAG0);
	assert_int_equal(fk.waits0, 1);
	assert_int_equal(fk.polls, 0);
	/* no cookie at all: run anyway, node operations done at once */
	fk.sync_support = true;
	fk.cookie_fails = true;
	assert_int_equal(devmapper_reload_map("mpatha", 8, PARAMS, false, 0), 0);
	assert_int_equal(fk.update_nodes, 1);
	assert_non_null(strstr(fk.logs, "ran without udev synchronisation"));
	/* the wait fails: the ioctl's result stands, the failure is logged */
	fk.cookie_fails = false;
	fk.wait_error = true;
	assert_int_equal(devmapper_reload_map("mpatha", 8, PARAMS, false, 0), 0);
	assert_non_null(strstr(fk.logs, "waiting for udev (cookie 0x"));
	/* the pause between polls grows to 25 ms, not beyond */
	fk.wait_error = false;
	fk.not_ready = 10;
	fk.slept_us = 0;
	fk.sleeps = 0;
	assert_int_equal(devmapper_reload_map("mpatha", 8, PARAMS, false, 0), 0);
	assert_int_equal(fk.sleeps, 10);
	assert_int_equal(fk.slept_us, 1000 + 2000 + 4000 + 8000 + 16000 + 5 * 25000);
}

/* The list that takes the maps it knows from the list ioctl alone: a known
 * map costs no query and its event number comes with the list; a device
 * with another table is queried once, then left out; a new or renamed
 * device is queried; known NULL queries every device again. */
static void test_list_known(void **state)
{
	struct dm_map_event_vec known = {0}, others = {0}, now = {0};
	struct fmap *a, *b;

	(void)state;
	a = mpath("mpatha");
	map_add("linear0", "linear", "8:0 0");
	map_add("empty", NULL, NULL);
	b = mpath("mpathb");
	a->event_nr = 7;
	fk.runs = 0;
	assert_int_equal(devmapper_list_map_events_known(NULL, &others, &known), 2);
	assert_int_equal(fk.runs, 1 + 4); /* the list, a query per device */
	assert_int_equal(others.n, 1);	  /* linear0; "empty" has no table */
	assert_string_equal(others.items[0].name, "linear0");

	a->event_nr = 8; /* a path failed */
	fk.runs = 0;
	assert_int_equal(devmapper_list_map_events_known(&known, &others, &now), 2);
	assert_int_equal(fk.runs, 1 + 1); /* the list, and "empty" again */
	assert_string_equal(now.items[0].name, "mpatha");
	assert_int_equal(now.items[0].event_nr, 8);
	assert_int_equal(now.items[0].minor, a->minor);
	assert_string_equal(now.items[1].name, "mpathb");
	assert_int_equal(now.items[1].minor, b->minor);
	assert_int_equal(others.n, 1);

	/* a map that appears is queried; one that went is simply absent */
	map_find("mpathb")->used = false;
	mpath("mpathc");
	dm_map_event_vec_release(&known);
	known = now;
	now = (struct dm_map_event_vec){0};
	fk.runs = 0;
	assert_int_equal(devmapper_list_map_events_known(&known, &others, &now), 2);
	assert_int_equal(fk.runs, 1 + 2); /* "empty", mpathc */
	assert_string_equal(now.items[1].name, "mpathc");

	/* a failed list leaves both outputs alone */
	fk.fail_type = DM_DEVICE_LIST;
	fk.fail_errno = EPERM;
	fk.fail_times = 1;
	assert_int_equal(devmapper_list_map_events_known(&known, &others, &now), -EPERM);
	assert_int_equal(now.n, 2);
	assert_int_equal(others.n, 1);
	assert_int_equal(devmapper_list_map_events_known(&known, NULL, &now), -EINVAL);
	dm_map_event_vec_release(&known);
	dm_map_event_vec_release(&others);
	dm_map_event_vec_release(&now);
}

/* Deferred udev waits: nothing polled until the outermost end, then all
 * cookies at once; a cookie udev never finishes ends the wait 10 s after the
 * last one that did finish. */
static void test_udev_defer(void **state)
{
	(void)state;
	mpath("mpatha");
	devmapper_udev_defer_begin();
	assert_int_equal(devmapper_create_map("mpathb", "mpath-b", 8, PARAMS, false, 0), 0);
	devmapper_udev_defer_begin();
	assert_int_equal(devmapper_reload_map("mpatha", 8, PARAMS, false, 0), 0);
	devmapper_udev_defer_end();
	assert_int_equal(devmapper_rename_map("mpathb", "mpathc"), 0);
	/* the kernel's part is done, udev not waited for yet */
	assert_non_null(map_find("mpathc"));
	assert_int_equal(fk.ncookie, 3);
	assert_int_equal(fk.polls, 0);
	fk.not_ready = 2;
	devmapper_udev_defer_end();
	/* a round polls all three: two are not ready, so one pause and a
	 * second round for those two */
	assert_int_equal(fk.polls, 3 + 2);
	assert_int_equal(fk.sleeps, 1);
	assert_int_equal(fk.lock_errors, 0);
	/* outside a begin/end pair each call waits again */
	fk.polls = 0;
	assert_int_equal(devmapper_reload_map("mpatha", 8, PARAMS, false, 0), 0);
	assert_int_equal(fk.polls, 1);

	/* a stuck cookie: the other one is waited for, then 10 s without progress */
	devmapper_udev_defer_begin();
	assert_int_equal(devmapper_reload_map("mpatha", 8, PARAMS, false, 0), 0);
	fk.stuck_cookie = 0x0d4d0000u | (uint32_t)(fk.cookies + 1);
	assert_int_equal(devmapper_reload_map("mpathc", 8, PARAMS, false, 0), 0);
	fk.not_ready = 3;
	fk.slept_us = 0;
	devmapper_udev_defer_end();
	assert_true(fk.slept_us >= (long)DEVMAPPER_UDEV_WAIT_MAX_S * 1000000);
	assert_true(fk.slept_us < (long)DEVMAPPER_UDEV_WAIT_MAX_S * 1000000 + 100000);
	assert_non_null(strstr(fk.logs, "udev did not finish 1 cookie(s)"));
}

/* The set-up's hand-over: the outermost end moves the cookies without a
 * poll or a pause; each poll is one non-blocking look that drops the
 * finished ones; a cookie with no progress for 10 s is given up. */
static void test_udev_defer_nowait(void **state)
{
	struct devmapper_cookies c = {0};

	(void)state;
	mpath("mpatha");
	devmapper_udev_defer_begin();
	assert_int_equal(devmapper_create_map("mpathb", "mpath-b", 8, PARAMS, false, 0), 0);
	devmapper_udev_defer_begin();
	assert_int_equal(devmapper_reload_map("mpatha", 8, PARAMS, false, 0), 0);
	devmapper_udev_defer_end_nowait(&c); /* inner: nothing moves */
	assert_int_equal(c.n, 0);
	devmapper_udev_defer_end_nowait(&c);
	assert_int_equal(c.n, 2);
	assert_int_equal(fk.polls, 0);
	assert_int_equal(fk.sleeps, 0);
	fk.not_ready = 1;
	assert_int_equal(devmapper_udev_cookies_poll(&c), 1);
	assert_int_equal(fk.polls, 2);
	assert_int_equal(devmapper_udev_cookies_poll(&c), 0);
	assert_null(c.items);
	assert_int_equal(fk.sleeps, 0);
	/* waits outside a pair are as before */
	fk.polls = 0;
	assert_int_equal(devmapper_reload_map("mpatha", 8, PARAMS, false, 0), 0);
	assert_int_equal(fk.polls, 1);

	/* stuck: kept while udev finished one less than 10 s ago */
	devmapper_udev_defer_begin();
	fk.stuck_cookie = 0x0d4d0000u | (uint32_t)(fk.cookies + 1);
	assert_int_equal(devmapper_reload_map("mpatha", 8, PARAMS, false, 0), 0);
	devmapper_udev_defer_end_nowait(&c);
	assert_int_equal(devmapper_udev_cookies_poll(&c), 1);
	assert_null(strstr(fk.logs, "udev did not finish"));
	c.progress = ts_add_ms(ts_now(), -(DEVMAPPER_UDEV_WAIT_MAX_S * 1000LL + 1));
	assert_int_equal(devmapper_udev_cookies_poll(&c), 0);
	assert_null(c.items);
	assert_non_null(strstr(fk.logs, "udev did not finish 1 cookie(s)"));
	assert_int_equal(fk.sleeps, 0);
	assert_int_equal(fk.lock_errors, 0);
	devmapper_udev_cookies_release(&c); /* none left: harmless */
}

/* A cancelled wait ends at its next poll, for the waits of every thread. */
static void test_udev_wait_cancel(void **state)
{
	(void)state;
	mpath("mpatha");
	fk.stuck_cookie = 0x0d4d0000u | (uint32_t)(fk.cookies + 1);
	fk.on_sleep = devmapper_udev_wait_cancel; /* as if another thread cancels */
	assert_int_equal(devmapper_reload_map("mpatha", 8, PARAMS, false, 0), 0);
	assert_int_equal(fk.sleeps, 1);
	assert_non_null(strstr(fk.logs, "udev wait cancelled, 1 cookie(s) left"));
	fk.on_sleep = NULL;
	fk.sleeps = 0;
	fk.stuck_cookie++;
	assert_int_equal(devmapper_reload_map("mpatha", 8, PARAMS, false, 0), 0);
	assert_int_equal(fk.sleeps, 0);
}

static void test_table_status(void **state)
{
	struct fmap *m = mpath("mpatha");
	uint64_t size = 0;
	char *params = NULL;

	(void)state;
	assert_int_equal(devmapper_get_table("mpatha", &size, &params), 0);
	assert_int_equal(size, 2048);
	assert_string_equal(params, PARAMS);
	free(params);
	assert_int_equal(devmapper_get_status("mpatha", &params), 0);
	assert_non_null(strstr(params, "status of "));
	free(params);
	assert_int_equal(devmapper_get_table("mpatha", NULL, NULL), 0);
	assert_int_equal(devmapper_get_table("none", &size, &params), -ENXIO);
	assert_int_equal(devmapper_get_status("none", &params), -ENXIO);
	map_add("linear0", "linear", "8:0 0");
	assert_int_equal(devmapper_get_table("linear0", NULL, &params), -EINVAL);
	map_add("empty", NULL, NULL);
	assert_int_equal(devmapper_get_table("empty", NULL, &params), -ENODATA);
	fk.two_targets = true;
	assert_int_equal(devmapper_get_table("mpatha", NULL, &params), -EINVAL);
	fk.two_targets = false;
	fk.info_fail = true;
	assert_int_equal(devmapper_get_table("mpatha", NULL, &params), -EIO);
	fk.info_fail = false;
	m->used = false;
	assert_int_equal(devmapper_get_status("mpatha", &params), -ENXIO);
	fk.create_null = 1;
	assert_int_equal(devmapper_get_table("mpatha", NULL, NULL), -ENOMEM);
}

static void test_list(void **state)
{
	struct strvec names = {0};
	struct dm_map_event_vec evs = {0};
	struct fmap *a, *b;

	(void)state;
	assert_int_equal(devmapper_list_maps(&names), 0); /* no maps at all */
	assert_int_equal(names.n, 0);
	a = mpath("mpatha");
	map_add("linear0", "linear", "8:0 0");
	map_add("empty", NULL, NULL);
	b = mpath("mpathb");
	a->event_nr = 7;
	b->event_nr = 0xffffffffu;
	assert_int_equal(strvec_push_dup(&names, "kept"), 0);
	assert_int_equal(devmapper_list_maps(&names), 2);
	assert_int_equal(names.n, 3);
	assert_string_equal(names.items[0], "kept");
	assert_string_equal(names.items[1], "mpatha");
	assert_string_equal(names.items[2], "mpathb");
	strvec_free_all(&names);

	assert_int_equal(devmapper_list_map_events(&evs), 2);
	assert_int_equal(devmapper_list_map_events(&evs), 2); /* appended */
	assert_int_equal(evs.n, 4);
	assert_string_equal(evs.items[0].name, "mpatha");
	assert_int_equal(evs.items[0].minor, a->minor);
	assert_int_equal(evs.items[0].event_nr, 7);
	assert_string_equal(evs.items[1].name, "mpathb");
	assert_int_equal(evs.items[1].minor, b->minor);
	assert_int_equal(evs.items[1].event_nr, 0xffffffffu);
	assert_string_equal(evs.items[3].name, "mpathb");
	/* one list ioctl, then one table ioctl per map */
	fk.runs = 0;
	assert_int_equal(devmapper_list_map_events(&evs), 2);
	assert_int_equal(fk.runs, 1 + 4);

	/* failures leave the output alone */
	fk.fail_type = DM_DEVICE_LIST;
	fk.fail_errno = EPERM;
	fk.fail_times = 2;
	assert_int_equal(devmapper_list_map_events(&evs), -EPERM);
	assert_int_equal(devmapper_list_maps(&names), -EPERM);
	assert_int_equal(evs.n, 6);
	assert_int_equal(names.n, 0);
	fk.names_null = true;
	assert_int_equal(devmapper_list_map_events(&evs), -EIO);
	fk.names_null = false;
	fk.create_null = 1;
	assert_int_equal(devmapper_list_maps(&names), -ENOMEM);
	/* the list works, the table queries have no memory for the name */
	fk.setter_fail = "__wrap_dm_task_set_name";
	assert_int_equal(devmapper_list_maps(&names), -ENOMEM);
	assert_int_equal(devmapper_list_map_events(&evs), -ENOMEM);
	assert_int_equal(names.n, 0);
	assert_int_equal(evs.n, 6);
	dm_map_event_vec_release(&evs);
	assert_null(evs.items);
}

static void test_info(void **state)
{
	struct fmap *m = mpath("mpatha");
	char uuid[DEVMAPPER_UUID_SIZE];
	int minor = -1, opens = -1;
	bool ro = false;

	(void)state;
	snprintf(m->uuid, sizeof(m->uuid), "mpath-3600a0b80");
	m->open_count = 2;
	m->ro = true;
	assert_int_equal(devmapper_get_info("mpatha", uuid, sizeof(uuid), &minor, &opens, &ro), 0);
	assert_string_equal(uuid, "mpath-3600a0b80");
	assert_int_equal(minor, m->minor);
	assert_int_equal(opens, 2);
	assert_true(ro);
	assert_int_equal(devmapper_get_info("mpatha", NULL, 0, NULL, NULL, NULL), 0);
	/* too small for the uuid: -ERANGE, nothing written */
	memset(uuid, 'x', sizeof(uuid));
	assert_int_equal(devmapper_get_info("mpatha", uuid, 5, &minor, NULL, NULL), -ERANGE);
	assert_int_equal(uuid[0], 'x');
	/* no uuid: "" */
	m->uuid[0] = '\0';
	assert_int_equal(devmapper_get_info("mpatha", uuid, sizeof(uuid), NULL, NULL, NULL), 0);
	assert_string_equal(uuid, "");
	minor = -1;
	assert_int_equal(devmapper_get_info("none", NULL, 0, &minor, NULL, NULL), -ENXIO);
	assert_int_equal(minor, -1);
	fk.info_fail = true;
	assert_int_equal(devmapper_get_info("mpatha", NULL, 0, &minor, NULL, NULL), -EIO);
	fk.info_fail = false;
	fk.fail_type = DM_DEVICE_INFO;
	fk.fail_errno = EACCES;
	fk.fail_times = 1;
	assert_int_equal(devmapper_get_info("mpatha", NULL, 0, &minor, NULL, NULL), -EACCES);
}

static void test_event_fd(void **state)
{
	(void)state;
	assert_int_equal(devmapper_event_open(), FAKE_CONTROL_FD);
	assert_int_equal(fk.open_flags, O_RDWR | O_CLOEXEC);
	fk.open_errno = EACCES;
	assert_int_equal(devmapper_event_open(), -EACCES);

	memset(&fk.arm_io, 0xff, sizeof(fk.arm_io));
	assert_int_equal(devmapper_event_arm(FAKE_CONTROL_FD), 0);
	assert_int_equal(fk.arm_io.version[0], DM_VERSION_MAJOR);
	assert_int_equal(fk.arm_io.version[1], 37);
	assert_int_equal(fk.arm_io.version[2], 0);
	assert_int_equal(fk.arm_io.data_size, sizeof(struct dm_ioctl));
	assert_int_equal(fk.arm_io.data_start, sizeof(struct dm_ioctl));
	assert_int_equal(fk.arm_io.flags, 0);
	assert_int_equal(fk.arm_io.name[0], '\0');
	assert_int_equal(fk.arm_io.uuid[0], '\0');
	fk.arm_errno = EINVAL; /* a kernel before 4.13 */
	assert_int_equal(devmapper_event_arm(FAKE_CONTROL_FD), -EINVAL);
	assert_int_equal(devmapper_event_arm(-1), -EBADF);
	/* no libdevmapper involved */
	assert_int_equal(fk.runs, 0);
}

static void test_log_forward(void **state)
{
	(void)state;
	assert_true(devmapper_available()); /* sets libdevmapper up */
	assert_non_null(fake_dm_log);
	assert_non_null(strstr(fk.logs, "4 devmapper: driver version 4.47.0"));
	fk.logs[0] = '\0';
	fake_dm_log(3, "f.c", 1, 0, "table ioctl on %s failed", "m");
	fake_dm_log(7, "f.c", 2, 0, "debug %d", 42);
	assert_string_equal(fk.logs, "3 libdevmapper: table ioctl on m failed\n"
				     "4 libdevmapper: debug 42\n");
	log_set_verbosity(3);
	fk.logs[0] = '\0';
	errno = EAGAIN;
	fake_dm_log(7, "f.c", 2, 0, "quiet at verbosity 3");
	assert_int_equal(errno, EAGAIN);
	assert_string_equal(fk.logs, "");
}


/* reassign_maps: a word of a table that names the path, and only that word. */
static void test_table_swap_devt(void **state)
{
	char *out = NULL;

	(void)state;
	assert_int_equal(devmapper_table_swap_devt("8:16 2048", "8:16", "254:3", &out), 1);
	assert_string_equal(out, "254:3 2048");
	free(out);
	out = NULL;
	/* striped: 8:160 is another disk, not a prefix match */
	assert_int_equal(devmapper_table_swap_devt("2 64 8:160 0 8:16 0", "8:16", "254:3", &out), 1);
	assert_string_equal(out, "2 64 8:160 0 254:3 0");
	free(out);
	out = NULL;
	assert_int_equal(devmapper_table_swap_devt("core 2 64 nosync 2 8:16 0 8:16 4096", "8:16",
						   "254:3", &out),
			 2);
	assert_string_equal(out, "core 2 64 nosync 2 254:3 0 254:3 4096");
	free(out);
	out = NULL;
	/* nothing to swap: out untouched */
	assert_int_equal(devmapper_table_swap_devt("8:160 0", "8:16", "254:3", &out), 0);
	assert_int_equal(devmapper_table_swap_devt("", "8:16", "254:3", &out), 0);
	assert_null(out);
	assert_int_equal(devmapper_table_swap_devt(NULL, "8:16", "254:3", &out), -EINVAL);
	assert_int_equal(devmapper_table_swap_devt("8:16 0", "", "254:3", &out), -EINVAL);
	assert_int_equal(devmapper_table_swap_devt("8:16 0", "8:16", "", &out), -EINVAL);
	assert_null(out);
}

static void test_reassign(void **state)
{
	struct fmap *lv, *mp;

	(void)state;
	lv = map_add("vg-lv", "linear", "8:16 2048");
	lv->ro = true;
	assert_int_equal(devmapper_reassign("vg-lv", "8:16", "254:3"), 1);
	assert_string_equal(lv->type, "linear");
	assert_string_equal(lv->params, "254:3 2048");
	assert_true(lv->live);
	assert_false(lv->inactive);
	assert_false(lv->suspended);
	assert_true(lv->new_ro); /* read-only stays so */
	/* nothing names the path any more */
	assert_int_equal(devmapper_reassign("vg-lv", "8:16", "254:3"), 0);
	/* a multipath map on the path is not touched */
	mp = mpath("mpatha");
	snprintf(mp->uuid, sizeof(mp->uuid), "mpath-3600a");
	assert_int_equal(devmapper_reassign("mpatha", "8:0", "254:3"), 0);
	assert_string_equal(mp->params, PARAMS);
	assert_int_equal(devmapper_reassign("nosuchdev", "8:16", "254:3"), -ENXIO);
	assert_int_equal(devmapper_reassign("vg-lv", "", "254:3"), -EINVAL);
	/* a load the kernel refuses leaves the old table */
	lv = map_add("vg-lv2", "linear", "8:32 0");
	fk.fail_type = DM_DEVICE_RELOAD;
	fk.fail_errno = EINVAL;
	fk.fail_times = 1;
	assert_int_equal(devmapper_reassign("vg-lv2", "8:32", "254:3"), -EINVAL);
	assert_string_equal(lv->params, "8:32 0");
	assert_false(lv->inactive);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_no_device_mapper, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bad_arguments, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_create, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_create_errors, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_reload, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_reload_failed_resume, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_remove, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_rename, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_message, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_message_during_udev_wait, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_udev_variants, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_list_known, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_udev_defer, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_udev_defer_nowait, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_table_status, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_list, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_info, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_event_fd, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_log_forward, setup, teardown),
	    /* last: the cancel cannot be undone */
	    cmocka_unit_test_setup_teardown(test_udev_wait_cancel, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_table_swap_devt, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_reassign, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
