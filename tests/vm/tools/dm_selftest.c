// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * dm_selftest NAME SECTORS DEVT1 DEVT2 WWID
 *
 * Drives devmapper.c and dmparser.c against the real kernel (run by
 * tests/vm/scenarios/20-devmapper.sh in the VM, as root, with udev running):
 * builds a two-group map by hand, creates it, reads table and status back
 * and disassembles them, sends path and group messages, reloads, renames and
 * removes it, and checks the failure cases. Prints "ok: ..." per check and the
 * kernel's table/status strings ("table: ...", "status: ..."); on the first
 * failed check prints "FAIL: ..." and exits 1. The map is removed on failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include "config/keywords.h"
#include "devmapper.h"
#include "dmparser.h"
#include "structs.h"
#include "util/log.h"
#include "util/strbuf.h"

static const char *cur_name; /* the map to remove when a check fails */

static void check(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void check(int ok, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printf(ok ? "ok: " : "FAIL: ");
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
	fflush(stdout);
	if (ok)
		return;
	if (cur_name) {
		devmapper_message(cur_name, "fail_if_no_path");
		devmapper_remove_map(cur_name, true);
	}
	exit(1);
}

/* A precondition of the test itself: silent unless it fails. */
static void need(int ok, const char *what)
{
	if (!ok)
		check(0, "%s", what);
}

static void check_rc(int rc, int want, const char *what)
{
	check(rc == want, "%s returns %d (%s)", what, want,
	      rc == want ? "as expected" : strerror(-rc));
}

/* Is /dev/mapper/name a block device right now? */
static int node_exists(const char *name)
{
	char path[256];
	struct stat st;

	snprintf(path, sizeof(path), "/dev/mapper/%s", name);
	return stat(path, &st) == 0 && S_ISBLK(st.st_mode);
}

static struct path *new_path(struct pathvec *pv, const char *devt)
{
	struct path *pp = path_new();
	unsigned maj, min;

	need(pp && sscanf(devt, "%u:%u", &maj, &min) == 2, "path_new / bad devt argument");
	strlcpy_trunc(pp->dev_t, devt, sizeof(pp->dev_t));
	pp->devt = makedev(maj, min);
	need(pathvec_push(pv, pp) == 0, "pathvec_push");
	return pp;
}

static void add_group(struct multipath *mpp, struct path **pps, size_t n)
{
	struct pathgroup *pg = pathgroup_new();

	need(pg && pgvec_push(&mpp->pgs, pg) == 0, "new path group");
	for (size_t i = 0; i < n; i++) {
		need(pathvec_push(&pg->paths, pps[i]) == 0, "add path");
		need(pathvec_push(&mpp->paths, pps[i]) == 0, "add path to map");
		pps[i]->mpp = mpp;
	}
}

static char *xstrdup(const char *s)
{
	char *c = strdup(s);

	need(c != NULL, "strdup");
	return c;
}

/* The failover map of the scenario: group 1 = p1, group 2 = p2. */
static struct multipath *failover_map(struct pathvec *pv, const char *d1, const char *d2)
{
	struct multipath *mpp = map_new();
	struct path *p;

	need(mpp != NULL, "map_new");
	p = new_path(pv, d1);
	add_group(mpp, &p, 1);
	p = new_path(pv, d2);
	add_group(mpp, &p, 1);
	mpp->features = xstrdup("1 queue_if_no_path");
	mpp->hwhandler = xstrdup("1 alua");
	mpp->selector = xstrdup("service-time 0");
	mpp->minio = 1;
	mpp->rr_weight = RR_WEIGHT_UNIFORM;
	mpp->nextpg = 1;
	return mpp;
}

static char *assemble(const struct multipath *mpp)
{
	struct strbuf sb = STRBUF_INIT;

	need(dmtable_assemble(mpp, &sb) == 0, "dmtable_assemble");
	return strbuf_detach(&sb);
}

/* Read the live table and status of name into a fresh map (and pv). */
static struct multipath *read_back(const char *name, struct pathvec *pv, uint64_t want_size)
{
	struct multipath *mpp = map_new();
	uint64_t size = 0;
	char *table = NULL, *status = NULL;

	need(mpp != NULL, "map_new");
	need(devmapper_get_table(name, &size, &table) == 0, "devmapper_get_table");
	printf("table: %s\n", table);
	need(size == want_size, "table size");
	need(dmtable_disassemble(table, mpp, pv) == 0, "dmtable_disassemble(table)");
	need(devmapper_get_status(name, &status) == 0, "devmapper_get_status");
	printf("status: %s\n", status);
	need(dmtable_parse_status(status, mpp) == 0, "dmtable_parse_status");
	mpp->rr_weight = RR_WEIGHT_UNIFORM;
	free(table);
	free(status);
	return mpp;
}

/* got against want, where '.' in want matches any state. */
static int states_match(const char *got, const char *want)
{
	if (strlen(got) != strlen(want))
		return 0;
	for (size_t i = 0; got[i]; i++)
		if (want[i] != '.' && want[i] != got[i])
			return 0;
	return 1;
}

/* Group states ("AE": active, enabled) and path states ("AF"), '.' for any. */
static void assert_states(const struct multipath *mpp, const char *pgs, const char *paths,
			  const char *what)
{
	char got_pg[8] = "", got_p[8] = "";

	for (size_t i = 0; i < mpp->pgs.n && i < 7; i++)
		got_pg[i] = "?EDA"[mpp->pgs.items[i]->status];
	for (size_t i = 0; i < mpp->paths.n && i < 7; i++)
		got_p[i] = "?FA"[mpp->paths.items[i]->dmstate];
	check(states_match(got_pg, pgs) && states_match(got_p, paths),
	      "%s: groups %s (want %s), paths %s (want %s)", what, got_pg, pgs, got_p, paths);
}

/* Some direct reads through the map, so that the kernel picks a group. */
static void read_map(const char *name)
{
	char path[256];
	void *buf = NULL;
	int fd;

	snprintf(path, sizeof(path), "/dev/mapper/%s", name);
	fd = open(path, O_RDONLY | O_DIRECT);
	need(fd >= 0, "open the map");
	need(posix_memalign(&buf, 4096, 4096) == 0, "buffer");
	for (int i = 0; i < 8; i++)
		need(pread(fd, buf, 4096, (off_t)i * 4096) == 4096, "read through the map");
	free(buf);
	close(fd);
}

static struct multipath *state_after(const char *name, const char *msg, struct pathvec *pv,
				     uint64_t sectors)
{
	if (msg)
		check_rc(devmapper_message(name, msg), 0, msg);
	read_map(name);
	return read_back(name, pv, sectors);
}

static int list_has(const char *name)
{
	struct strvec names = {0};
	int found = 0, n;

	n = devmapper_list_maps(&names);
	need(n >= 0, "devmapper_list_maps");
	for (size_t i = 0; i < names.n; i++)
		found |= !strcmp(names.items[i], name);
	strvec_free_all(&names);
	return found;
}

/* Is property key=1 in udev's database for /dev/dm-minor? */
static int udev_flag(int minor, const char *key)
{
	char cmd[96], line[512];
	size_t klen = strlen(key);
	int found = 0;
	FILE *p;

	snprintf(cmd, sizeof(cmd), "udevadm info -q property -n /dev/dm-%d", minor);
	p = popen(cmd, "r");
	need(p != NULL, "popen udevadm");
	while (fgets(line, sizeof(line), p))
		found |= !strncmp(line, key, klen) && !strcmp(line + klen, "=1\n");
	pclose(p);
	return found;
}

static void test_create(const char *name, uint64_t sectors, const char *params, const char *uuid)
{
	char got_uuid[DEVMAPPER_UUID_SIZE], sysname[256], path[128];
	int minor = -1, opens = -1;
	bool ro = true;
	FILE *f;

	check(devmapper_available(), "devmapper_available");
	check(!node_exists(name), "/dev/mapper/%s absent before", name);
	check_rc(devmapper_create_map(name, uuid, sectors, params, false, DEVMAPPER_SKIP_KPARTX), 0,
		 "devmapper_create_map");
	cur_name = name;
	check(node_exists(name), "/dev/mapper/%s exists when devmapper_create_map returns", name);
	check_rc(devmapper_get_info(name, got_uuid, sizeof(got_uuid), &minor, &opens, &ro), 0,
		 "devmapper_get_info");
	check(!strcmp(got_uuid, uuid) && minor >= 0 && opens == 0 && !ro,
	      "info: uuid %s minor %d open %d ro %d", got_uuid, minor, opens, ro);
	check_rc(devmapper_get_info(name, got_uuid, 5, NULL, NULL, NULL), -ERANGE,
		 "devmapper_get_info with a short uuid buffer");
	snprintf(path, sizeof(path), "/sys/block/dm-%d/dm/name", minor);
	f = fopen(path, "r");
	check(f && fgets(sysname, sizeof(sysname), f) && !strncmp(sysname, name, strlen(name)),
	      "%s names %s", path, name);
	fclose(f);
	check(list_has(name), "devmapper_list_maps lists %s", name);
	check(udev_flag(minor, "DM_SUBSYSTEM_UDEV_FLAG1") &&
		  !udev_flag(minor, "DM_SUBSYSTEM_UDEV_FLAG0") &&
		  !udev_flag(minor, "DM_SUBSYSTEM_UDEV_FLAG2") &&
		  udev_flag(minor, "DM_UDEV_DISABLE_LIBRARY_FALLBACK_FLAG"),
	      "udev saw the create's flags: skip_kpartx (FLAG1), not reload, library fallback off");
}

static void test_roundtrip(const char *name, uint64_t sectors, const char *params)
{
	struct pathvec pv = {0};
	struct multipath *mpp = read_back(name, &pv, sectors);
	char *again = assemble(mpp);

	check(!strcmp(again, params), "round trip: '%s' == '%s'", again, params);
	check(mpp->queue_if_no_path == 1 && !strcmp(mpp->hwhandler, "1 alua") &&
		  !strcmp(mpp->selector, "service-time 0") && mpp->pgs.n == 2,
	      "disassembled: features '%s' hwhandler '%s' selector '%s' groups %zu", mpp->features,
	      mpp->hwhandler, mpp->selector, mpp->pgs.n);
	/* udev's probes read through the map already: group 1 may be active */
	assert_states(mpp, ".E", "AA", "after creation");
	free(again);
	map_free(mpp);
	pathvec_free(&pv);
}

static void test_messages(const char *name, uint64_t sectors, const char *d2)
{
	struct pathvec pv = {0};
	struct multipath *mpp;
	char msg[64];

	mpp = state_after(name, NULL, &pv, sectors);
	assert_states(mpp, "AE", "AA", "after IO");
	map_free(mpp);
	snprintf(msg, sizeof(msg), "fail_path %s", d2);
	mpp = state_after(name, msg, &pv, sectors);
	assert_states(mpp, "AE", "AF", msg);
	check(mpp->paths.items[1]->failcount == 1, "failcount %d", mpp->paths.items[1]->failcount);
	map_free(mpp);
	snprintf(msg, sizeof(msg), "reinstate_path %s", d2);
	mpp = state_after(name, msg, &pv, sectors);
	assert_states(mpp, "AE", "AA", msg);
	map_free(mpp);
	mpp = state_after(name, "switch_group 2", &pv, sectors);
	assert_states(mpp, "EA", "AA", "switch_group 2");
	map_free(mpp);
	mpp = state_after(name, "switch_group 1", &pv, sectors);
	assert_states(mpp, "AE", "AA", "switch_group 1");
	map_free(mpp);
	mpp = state_after(name, "fail_if_no_path", &pv, sectors);
	check(mpp->queue_if_no_path == 0 && !strcmp(mpp->features, "0"),
	      "fail_if_no_path: features '%s'", mpp->features);
	map_free(mpp);
	mpp = state_after(name, "queue_if_no_path", &pv, sectors);
	check(mpp->queue_if_no_path == 1, "queue_if_no_path: features '%s'", mpp->features);
	map_free(mpp);
	check_rc(devmapper_message(name, "bogus_message 1"), -EINVAL, "an unknown message");
	check(devmapper_message(name, "fail_path 1:99") < 0, "fail_path of a foreign device fails");
	pathvec_free(&pv);
}

static int map_minor(const char *name)
{
	int minor = -1;

	need(devmapper_get_info(name, NULL, 0, &minor, NULL, NULL) == 0, "devmapper_get_info");
	return minor;
}

/* The same table again, with flags: udev sees them in the change event. */
static void test_reload_flags(const char *name)
{
	uint64_t size = 0;
	char *table = NULL;
	int minor = map_minor(name);

	need(devmapper_get_table(name, &size, &table) == 0, "devmapper_get_table");
	check_rc(devmapper_reload_map(name, size, table, false, 0), 0, "reload, no flags");
	check(udev_flag(minor, "DM_SUBSYSTEM_UDEV_FLAG0") &&
		  !udev_flag(minor, "DM_SUBSYSTEM_UDEV_FLAG1") &&
		  !udev_flag(minor, "DM_SUBSYSTEM_UDEV_FLAG2"),
	      "udev saw the reload flag (FLAG0) only");
	check_rc(devmapper_reload_map(name, size, table, false, DEVMAPPER_NO_USABLE_PATHS), 0,
		 "reload with DEVMAPPER_NO_USABLE_PATHS");
	check(udev_flag(minor, "DM_SUBSYSTEM_UDEV_FLAG0") &&
		  udev_flag(minor, "DM_SUBSYSTEM_UDEV_FLAG2") &&
		  !udev_flag(minor, "DM_SUBSYSTEM_UDEV_FLAG1"),
	      "udev saw reload (FLAG0) and no usable paths (FLAG2)");
	check_rc(devmapper_reload_map(name, size, table, false, 1u << 12), -EINVAL,
		 "reload with an unknown flag");
	free(table);
}

/* The event_nr devmapper_list_map_events() gives for name (its minor too). */
static uint32_t map_event_nr(const char *name)
{
	struct dm_map_event_vec evs = {0};
	uint32_t nr = 0;
	int found = 0, n;

	n = devmapper_list_map_events(&evs);
	need(n >= 0 && (size_t)n == evs.n, "devmapper_list_map_events");
	for (size_t i = 0; i < evs.n; i++) {
		if (strcmp(evs.items[i].name, name))
			continue;
		found = 1;
		nr = evs.items[i].event_nr;
		check(evs.items[i].minor == map_minor(name), "listed minor %d of %s",
		      evs.items[i].minor, name);
	}
	dm_map_event_vec_release(&evs);
	check(found, "devmapper_list_map_events lists %s (event_nr %u)", name, nr);
	return nr;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Poll fd for up to ms; returns how long it took to become readable, -1 if not. */
static long readable_within(int fd, int ms)
{
	struct pollfd pfd = {.fd = fd, .events = POLLIN};
	long t0 = now_ms();
	int n = poll(&pfd, 1, ms);

	need(n >= 0, "poll");
	return n == 1 && (pfd.revents & POLLIN) ? now_ms() - t0 : -1;
}

static void run_cmd(const char *cmd)
{
	int rc = system(cmd);

	check(rc == 0, "%s (exit status %d)", cmd, rc);
}

/*
 * The dm event fd: armed, it stays quiet while nothing changes and wakes
 * within 1 s when another process messages or reloads the map; the map's
 * event_nr counts target events.
 */
static void test_events(const char *name, const char *d2)
{
	char cmd[512];
	uint32_t before, after;
	long ms;
	int fd = devmapper_event_open();

	check(fd >= 0, "devmapper_event_open gives fd %d", fd);
	check_rc(devmapper_event_arm(fd), 0, "devmapper_event_arm");
	before = map_event_nr(name);
	ms = readable_within(fd, 700);
	check(ms < 0, "no change: poll times out after 700 ms (readable after %ld ms)", ms);

	snprintf(cmd, sizeof(cmd), "dmsetup message %s 0 fail_path %s", name, d2);
	run_cmd(cmd);
	ms = readable_within(fd, 1000);
	check(ms >= 0, "%s by another process: fd readable within 1 s (%ld ms)", cmd, ms);
	after = map_event_nr(name);
	check(after > before, "fail_path: event_nr %u -> %u", before, after);
	check(readable_within(fd, 0) >= 0, "still readable until armed again");
	check_rc(devmapper_event_arm(fd), 0, "devmapper_event_arm again");
	check(readable_within(fd, 0) < 0, "armed again: not readable");

	before = after;
	snprintf(cmd, sizeof(cmd), "reinstate_path %s", d2);
	check_rc(devmapper_message(name, cmd), 0, cmd);
	ms = readable_within(fd, 1000);
	check(ms >= 0, "%s by this process: fd readable within 1 s (%ld ms)", cmd, ms);
	after = map_event_nr(name);
	check(after > before, "reinstate_path: event_nr %u -> %u", before, after);

	check_rc(devmapper_event_arm(fd), 0, "devmapper_event_arm again");
	before = after;
	snprintf(cmd, sizeof(cmd), "dmsetup table %s | dmsetup load %s && dmsetup resume %s", name,
		 name, name);
	run_cmd(cmd);
	ms = readable_within(fd, 1000);
	check(ms >= 0, "reload by dmsetup: fd readable within 1 s (%ld ms)", ms);
	after = map_event_nr(name);
	printf("reload by dmsetup: event_nr %u -> %u\n", before, after);
	check(after >= before, "reload: event_nr %u -> %u, not lower", before, after);
	close(fd);
}

static void test_reload(const char *name, uint64_t sectors, const char *d1, const char *d2)
{
	struct pathvec pv = {0}, rpv = {0};
	struct multipath *mpp = map_new(), *back;
	struct path *pps[2];
	char *params, *before = NULL, *after = NULL;

	need(mpp != NULL, "map_new");
	pps[0] = new_path(&pv, d1);
	pps[1] = new_path(&pv, d2);
	add_group(mpp, pps, 2);
	mpp->features = xstrdup("0");
	mpp->hwhandler = xstrdup("1 alua");
	mpp->selector = xstrdup("round-robin 0");
	mpp->minio = 100;
	params = assemble(mpp);
	check_rc(devmapper_reload_map(name, sectors, params, false, 0), 0, "devmapper_reload_map");
	check(node_exists(name), "/dev/mapper/%s still there after the reload", name);
	back = state_after(name, NULL, &rpv, sectors);
	/* the kernel's selectors take repeat_count 1 only (they log "repeat_count > 1 is
	 * deprecated, using 1 instead"), so the minio of 100 comes back as 1 */
	check(back->pgs.n == 1 && back->paths.n == 2 && back->minio == 1 &&
		  !strcmp(back->selector, "round-robin 0") && back->queue_if_no_path == 0,
	      "reloaded: %zu group(s), %zu paths, minio %d, selector '%s'", back->pgs.n,
	      back->paths.n, back->minio, back->selector);
	assert_states(back, "A", "AA", "after the reload");
	map_free(back);
	/* a refused table leaves the live one alone */
	check_rc(devmapper_get_table(name, NULL, &before), 0, "devmapper_get_table");
	check_rc(
	    devmapper_reload_map(name, sectors, "0 0 1 1 no-such-selector 0 1 1 8:0 1", false, 0),
	    -EINVAL, "reload with an unknown selector");
	check_rc(devmapper_get_table(name, NULL, &after), 0, "devmapper_get_table");
	check(!strcmp(before, after), "table unchanged after the refused reload");
	free(before);
	free(after);
	free(params);
	map_free(mpp);
	pathvec_free(&pv);
	pathvec_free(&rpv);
}

static void test_errors(const char *name, uint64_t sectors, const char *params)
{
	check_rc(devmapper_create_map(name, NULL, sectors, params, false, 0), -EBUSY,
		 "create with a name in use");
	check_rc(devmapper_create_map("mpt_bad", NULL, sectors,
				      "0 0 1 1 no-such-selector 0 1 1 8:0 1", false, 0),
		 -EINVAL, "create with an unknown selector");
	check_rc(devmapper_create_map("mpt_bad", NULL, sectors, params, false, DEVMAPPER_RELOAD),
		 -EINVAL, "create with the reload flag");
	check_rc(devmapper_get_info("mpt_bad", NULL, 0, NULL, NULL, NULL), -ENXIO,
		 "no map left behind by the refused create");
	check(!node_exists("mpt_bad"), "no /dev/mapper/mpt_bad");
	check_rc(devmapper_get_info("mpt_none", NULL, 0, NULL, NULL, NULL), -ENXIO,
		 "devmapper_get_info of a missing map");
	check_rc(devmapper_get_table("mpt_none", NULL, NULL), -ENXIO,
		 "devmapper_get_table of a missing map");
	check_rc(devmapper_get_status("mpt_none", NULL), -ENXIO,
		 "devmapper_get_status of a missing map");
	check_rc(devmapper_message("mpt_none", "fail_if_no_path"), -ENXIO,
		 "devmapper_message to a missing map");
	check_rc(devmapper_remove_map("mpt_none", false), -ENXIO,
		 "devmapper_remove_map of a missing map");
	check_rc(devmapper_rename_map("mpt_none", "mpt_none2"), -ENXIO,
		 "devmapper_rename_map of a missing map");
	check_rc(devmapper_create_map("a/b", NULL, sectors, params, false, 0), -EINVAL,
		 "create with a '/' in the name");
}

static void test_rename_remove(const char *name, const char *newname)
{
	char path[256];
	int fd, opens = -1;

	check_rc(devmapper_rename_map(name, newname), 0, "devmapper_rename_map");
	cur_name = newname;
	check(node_exists(newname) && !node_exists(name),
	      "/dev/mapper/%s exists and /dev/mapper/%s is gone when rename returns", newname,
	      name);
	check_rc(devmapper_get_info(name, NULL, 0, NULL, NULL, NULL), -ENXIO, "old name gone");
	check(list_has(newname) && !list_has(name), "devmapper_list_maps has the new name only");

	snprintf(path, sizeof(path), "/dev/mapper/%s", newname);
	fd = open(path, O_RDONLY);
	check(fd >= 0, "open %s", path);
	check_rc(devmapper_get_info(newname, NULL, 0, NULL, &opens, NULL), 0, "devmapper_get_info");
	check(opens == 1, "open count %d while open", opens);
	check_rc(devmapper_remove_map(newname, false), -EBUSY, "remove while open");
	close(fd);
	check_rc(devmapper_remove_map(newname, false), 0, "devmapper_remove_map");
	cur_name = NULL;
	check(!node_exists(newname), "/dev/mapper/%s gone when remove returns", newname);
	check_rc(devmapper_get_info(newname, NULL, 0, NULL, NULL, NULL), -ENXIO, "map gone");
	check(!list_has(newname), "devmapper_list_maps no longer lists %s", newname);
}

static void test_deferred(const char *name, uint64_t sectors, const char *params)
{
	char path[256];
	struct timespec ts = {0, 100 * 1000 * 1000};
	int fd, rc = 0;

	check_rc(devmapper_create_map(name, NULL, sectors, params, true, 0), 0, "create read-only");
	cur_name = name;
	snprintf(path, sizeof(path), "/dev/mapper/%s", name);
	fd = open(path, O_RDONLY);
	check(fd >= 0, "open %s", path);
	check_rc(devmapper_remove_map(name, true), 0, "deferred remove while open");
	check_rc(devmapper_get_info(name, NULL, 0, NULL, NULL, NULL), 0, "still there while open");
	check(node_exists(name), "/dev/mapper/%s still there while open", name);
	close(fd);
	cur_name = NULL;
	for (int i = 0; i < 50; i++) {
		rc = devmapper_get_info(name, NULL, 0, NULL, NULL, NULL);
		if (rc == -ENXIO)
			break;
		nanosleep(&ts, NULL);
	}
	check_rc(rc, -ENXIO, "gone after the last close");
	for (int i = 0; i < 50 && node_exists(name); i++)
		nanosleep(&ts, NULL);
	check(!node_exists(name), "udev removed /dev/mapper/%s after the last close", name);
}

int main(int argc, char **argv)
{
	struct pathvec pv = {0};
	struct multipath *mpp;
	char uuid[DEVMAPPER_UUID_SIZE], newname[128];
	unsigned long long sectors;
	char *params;

	if (argc != 6) {
		fprintf(stderr, "usage: %s NAME SECTORS DEVT1 DEVT2 WWID\n", argv[0]);
		return 2;
	}
	log_set_verbosity(3);
	sectors = strtoull(argv[2], NULL, 10);
	snprintf(uuid, sizeof(uuid), "mpath-%s", argv[5]);
	snprintf(newname, sizeof(newname), "%s_renamed", argv[1]);

	mpp = failover_map(&pv, argv[3], argv[4]);
	params = assemble(mpp);
	printf("assembled: %s\n", params);
	test_create(argv[1], sectors, params, uuid);
	test_roundtrip(argv[1], sectors, params);
	test_messages(argv[1], sectors, argv[4]);
	test_reload_flags(argv[1]);
	test_events(argv[1], argv[4]);
	test_errors(argv[1], sectors, params);
	test_reload(argv[1], sectors, argv[3], argv[4]);
	test_rename_remove(argv[1], newname);
	test_deferred(argv[1], sectors, params);
	free(params);
	map_free(mpp);
	pathvec_free(&pv);
	printf("dm_selftest: all checks passed\n");
	return 0;
}
