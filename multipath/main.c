// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * multipath: the one-shot CLI. This file parses the command line, loads the
 * configuration and dispatches; the work is done in libmultipath.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libudev.h>
#include <unistd.h>

#include "blacklist.h"
#include "config/config.h"
#include "config/keywords.h"
#include "mpath_cmd.h"
#include "configure.h"
#include "devmapper.h"
#include "discovery.h"
#include "print.h"
#include "sysfs.h"
#include "util/log.h"
#include "util/strbuf.h"
#include "wwids.h"

enum cmd {
	CMD_CREATE,       /* default: create or update maps */
	CMD_LIST,         /* -l */
	CMD_LIST_LONG,    /* -ll */
	CMD_FLUSH_ONE,    /* -f */
	CMD_FLUSH_ALL,    /* -F */
	CMD_DUMP_CONF,    /* -t */
	CMD_DUMP_CHANGES, /* -T */
	CMD_CHECK_DEV,    /* -c */
	CMD_CHECK_UDEV,   /* -u: -c for udev (KEY=value output) */
	CMD_MAP_USABLE,   /* -C: has the map a usable path? */
	CMD_MAP_USABLE_UDEV, /* -U: -C for udev */
	CMD_WWID_ADD,     /* -a */
	CMD_WWID_REMOVE,  /* -w */
	CMD_WWIDS_RESET,  /* -W */
};

struct options {
	enum cmd cmd;
	int verbosity;    /* -1: from the configuration */
	int list_level;
	bool dry_run, reload;
	bool allow_queueing; /* -q: keep queue_if_no_path without multipathd */
	bool bindings_ro;    /* -B */
	bool ignore_wwids;   /* -i */
	int pgpolicy;        /* -p: 0 for the configured one */
	int retries;         /* -R: removes of a busy map; -1: the default */
	const char *arg;  /* device, wwid or map */
};

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: multipath [-v level] [-B|-d|-i|-q|-r] [-p policy] [device | wwid | map]\n"
		"       multipath [-v level] [-R retries] -f map | -F\n"
		"       multipath [-v level] -l | -ll [device | wwid | map]\n"
		"       multipath [-v level] -a | -w device\n"
		"       multipath [-v level] -W\n"
		"       multipath [-v level] [-i] -c | -C device\n"
		"       multipath [-v level] [-i] -u | -U device\n"
		"       multipath -t | -T | -h\n"
		"\n"
		"  -v level  verbosity: 0 nothing, 1 map names, 2 + topology, 3 + details, 4 debug\n"
		"  -d        dry run: show what would be done, change nothing\n"
		"  -r        force a reload of the maps\n"
		"  -q        keep queue_if_no_path when multipathd is not running\n"
		"  -B        treat the bindings file as read-only\n"
		"  -i        ignore the wwids file: find_multipaths does not restrict\n"
		"  -p policy force this path grouping policy on every map: failover, multibus,\n"
		"            group_by_serial, group_by_prio, group_by_node_name\n"
		"  -l        show the multipath topology from sysfs and device-mapper\n"
		"  -ll       show it with the path checker states too\n"
		"  -f map    flush (remove) one map, its partition maps first\n"
		"  -F        flush all unused maps\n"
		"  -R n      retry removing a map in use n times\n"
		"  -a dev    add the device's wwid to the wwids file\n"
		"  -w dev    remove the device's wwid from the wwids file\n"
		"  -W        reset the wwids file to the wwids of the current maps\n"
		"  -c dev    tell whether a device should be a path of a map (exit 0: yes)\n"
		"  -C map    tell whether a map has a usable path\n"
		"  -u dev    -c for udev rules (exit 0; a new path only while multipathd runs)\n"
		"  -U map    -C for udev rules\n"
		"  -t        print the effective configuration\n"
		"  -T        print what the configuration changes from the built-ins\n"
		"  -h        this help\n"
		"\n"
		"The device may follow the options or come among them. The configuration is read\n"
		"from " DEFAULT_CONFIG_FILE " (or $MULTIPATH_CONF).\n");
}

static int set_cmd(struct options *o, enum cmd cmd)
{
	if (o->cmd != CMD_CREATE && o->cmd != cmd) {
		fprintf(stderr, "multipath: conflicting options\n");
		return -EINVAL;
	}
	o->cmd = cmd;
	return 0;
}

static int parse_verbosity(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end || v < 0 || v > LOG_MAX_VERBOSITY) {
		fprintf(stderr, "multipath: bad verbosity '%s' (0-%d)\n", s, LOG_MAX_VERBOSITY);
		return -EINVAL;
	}
	return (int)v;
}

static int parse_retries(const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end || errno || v < 0 || v > 1000) {
		fprintf(stderr, "multipath: bad retry count '%s' (0-1000)\n", s);
		return -EINVAL;
	}
	return (int)v;
}

static int parse_policy(const char *s)
{
	static const char *const names[] = {"failover", "multibus", "group_by_serial",
					    "group_by_prio", "group_by_node_name"};
	static const int ids[] = {PGP_FAILOVER, PGP_MULTIBUS, PGP_GROUP_BY_SERIAL,
				  PGP_GROUP_BY_PRIO, PGP_GROUP_BY_NODE_NAME};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(s, names[i]))
			return ids[i];
	fprintf(stderr, "multipath: unknown path grouping policy '%s'\n", s);
	return -EINVAL;
}

/* An option that only selects the command. */
static int parse_cmd_opt(int c, struct options *o)
{
	static const struct {
		char opt;
		enum cmd cmd;
	} cmds[] = {{'F', CMD_FLUSH_ALL},   {'t', CMD_DUMP_CONF},	{'T', CMD_DUMP_CHANGES},
		    {'c', CMD_CHECK_DEV},   {'u', CMD_CHECK_UDEV},	{'C', CMD_MAP_USABLE},
		    {'U', CMD_MAP_USABLE_UDEV}, {'a', CMD_WWID_ADD},	{'w', CMD_WWID_REMOVE},
		    {'W', CMD_WWIDS_RESET}, {'f', CMD_FLUSH_ONE}};

	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (cmds[i].opt == c)
			return set_cmd(o, cmds[i].cmd);
	fprintf(stderr, "multipath: unknown option -%c\n", optopt ? optopt : c);
	return -EINVAL;
}

static int parse_opt(int c, struct options *o)
{
	switch (c) {
	case 'v':
		o->verbosity = parse_verbosity(optarg);
		return o->verbosity < 0 ? -EINVAL : 0;
	case 'd':
		o->dry_run = true;
		return 0;
	case 'r':
		o->reload = true;
		return 0;
	case 'q':
		o->allow_queueing = true;
		return 0;
	case 'B':
		o->bindings_ro = true;
		return 0;
	case 'i':
		o->ignore_wwids = true;
		return 0;
	case 'p':
		o->pgpolicy = parse_policy(optarg);
		return o->pgpolicy < 0 ? -EINVAL : 0;
	case 'R':
		o->retries = parse_retries(optarg);
		return o->retries < 0 ? -EINVAL : 0;
	case 'l':
		if (o->cmd != CMD_CREATE && o->cmd != CMD_LIST && o->cmd != CMD_LIST_LONG)
			return set_cmd(o, CMD_LIST);
		o->cmd = ++o->list_level > 1 ? CMD_LIST_LONG : CMD_LIST;
		return 0;
	case ':':
		fprintf(stderr, "multipath: option -%c needs an argument\n", optopt);
		return -EINVAL;
	case '?':
		fprintf(stderr, "multipath: unknown option -%c\n", optopt);
		return -EINVAL;
	default:
		return parse_cmd_opt(c, o);
	}
}

/*
 * Returns 0, 1 when help was printed, or -EINVAL. Options and the one
 * device/map argument may come in any order ("multipath -f -v2 mpatha"):
 * -f, -c, -C, -a, -w, -u and -U take the argument wherever it is.
 */
static int parse_args(int argc, char **argv, struct options *o)
{
	int c, rc = 0;

	opterr = 0;
	/* '-' first: a non-option is returned as argument of "option" 1, in place */
	while (rc == 0 && (c = getopt(argc, argv, "-:v:dqrBip:R:lfFtTcCuUawWh")) != -1) {
		if (c == 'h') {
			usage(stdout);
			return 1;
		}
		if (c != 1) {
			rc = parse_opt(c, o);
			continue;
		}
		if (o->arg) {
			fprintf(stderr, "multipath: too many arguments\n");
			return -EINVAL;
		}
		o->arg = optarg;
	}
	if (rc < 0)
		return rc;
	switch (o->cmd) {
	case CMD_FLUSH_ONE:
	case CMD_CHECK_DEV:
	case CMD_MAP_USABLE:
	case CMD_WWID_ADD:
	case CMD_WWID_REMOVE:
		if (!o->arg) {
			fprintf(stderr, "multipath: this option needs a device or map argument\n");
			return -EINVAL;
		}
		break;
	case CMD_CHECK_UDEV:
	case CMD_MAP_USABLE_UDEV:
		/* udev gives the device as argument (%k) or as $DEVNAME */
		if (!o->arg)
			o->arg = getenv("DEVNAME");
		if (!o->arg) {
			fprintf(stderr, "multipath: no device: give one, or set DEVNAME\n");
			return -EINVAL;
		}
		break;
	default:
		break;
	}
	return 0;
}

static void log_diags(const struct diags *d)
{
	for (size_t i = 0; i < d->msgs.n; i++)
		mp_log(1, "%s", d->msgs.items[i]);
}

static int load_config(struct config **conf)
{
	const char *path = getenv("MULTIPATH_CONF");
	struct diags d = {0};
	int rc;

	path = path && *path ? path : DEFAULT_CONFIG_FILE;
	rc = config_load(path, &d, conf);
	log_diags(&d);
	diags_release(&d);
	if (rc < 0)
		mp_log(0, "multipath: cannot load %s: %s", path, errno_desc(-rc));
	return rc;
}

static int dump_config(const struct config *conf, bool only_changes)
{
	STRBUF_AUTO(out);

	if (config_print(conf, only_changes, &out) < 0) {
		mp_log(0, "multipath: out of memory");
		return 1;
	}
	fputs(strbuf_str(&out), stdout);
	return fflush(stdout) == 0 ? 0 : 1;
}

/* Maps need root and the device-mapper driver: say clearly what is missing. */
static int need_devmapper(void)
{
	if (geteuid() != 0) {
		mp_log(0, "multipath: must run as root");
		return -EPERM;
	}
	if (!devmapper_available()) {
		mp_log(0, "multipath: device-mapper is not available (no /dev/mapper/control, or "
			  "the dm_multipath module is not loaded)");
		return -ENODEV;
	}
	return 0;
}

/* Say once why a path's checker could not run (e.g. fs.aio-max-nr). */
static void log_checker_problems(const struct multipath *mpp)
{
	for (size_t i = 0; i < mpp->paths.n; i++) {
		const struct path *pp = mpp->paths.items[i];

		if (pp->state == PATH_WILD && pp->state_msg[0])
			mp_log(2, "%s: %s", pp->dev, pp->state_msg);
	}
}

static void show_map(const struct multipath *mpp, const char *action, bool with_checker)
{
	STRBUF_AUTO(out);

	if (with_checker)
		log_checker_problems(mpp);
	if (log_get_verbosity() < 1)
		return;
	if (log_get_verbosity() == 1) {
		printf("%s\n", mpp->alias);
		return;
	}
	if (print_map_topology(mpp, action, with_checker, &out) == 0)
		fputs(strbuf_str(&out), stdout);
}

/* Mark the path devt delayed in every map, if its checker found it usable
 * and the kernel has it failed (a held path the daemon keeps in service in
 * a marginal path group, marginal_pathgroups on, is shown as it is). */
static void mark_delayed(struct mapvec *maps, const char *devt)
{
	for (size_t i = 0; i < maps->n; i++)
		for (size_t k = 0; k < maps->items[i]->paths.n; k++) {
			struct path *pp = maps->items[i]->paths.items[k];

			if (!strcmp(pp->dev_t, devt) && path_state_usable(pp->state) &&
			    pp->dmstate == PSTATE_FAILED)
				pp->state = PATH_DELAYED;
		}
}

/*
 * Paths the running daemon holds out of service (io_err_stat sampling or
 * holding them) show "delayed" in -ll, as in `multipathd show paths`. No
 * daemon: nothing to do.
 */
static void mark_held_paths(struct mapvec *maps, unsigned timeout_ms)
{
	char *reply = NULL;
	int fd = mpath_connect();

	if (fd < 0)
		return;
	if (mpath_process_cmd(fd, "show io_err_stat", &reply, timeout_ms) == 0 &&
	    strncmp(reply, "fail", 4)) {
		/* lines "devt dev failures windows rate state ...", a header first */
		for (const char *line = reply; *line;) {
			size_t len = strcspn(line, "\n");
			char buf[256], devt[32], state[16];

			snprintf(buf, sizeof(buf), "%.*s", (int)len, line);
			if (sscanf(buf, "%31s %*s %*s %*s %*s %15s", devt, state) == 2 &&
			    (!strcmp(state, "sampling") || !strcmp(state, "held")))
				mark_delayed(maps, devt);
			line += len + (line[len] == '\n');
		}
	}
	free(reply);
	mpath_disconnect(fd);
}

/* -l / -ll */
static int list_maps(const struct config *conf, const struct options *o)
{
	struct pathvec pv = {0};
	struct mapvec maps = {0};
	int rc = configure_read_kernel_maps(conf, &pv, o->cmd == CMD_LIST_LONG, &maps);

	if (rc < 0)
		mp_log(0, "multipath: cannot list maps: %s", errno_desc(-rc));
	else if (o->cmd == CMD_LIST_LONG)
		mark_held_paths(&maps, (unsigned)conf->defaults.uxsock_timeout);
	for (size_t i = 0; rc >= 0 && i < maps.n; i++)
		if (!o->arg || configure_map_matches(maps.items[i], o->arg))
			show_map(maps.items[i], NULL, o->cmd == CMD_LIST_LONG);
	mapvec_free(&maps);
	pathvec_free(&pv);
	return rc < 0 ? 1 : 0;
}

/* Without a daemon, a map that queues with no path would hang the remove's
 * flush: stop queueing first, when nobody has the map open. */
static void flush_prepare(const char *name)
{
	char *table = NULL;
	int open_count;

	if (devmapper_get_info(name, NULL, 0, NULL, &open_count, NULL) == 0 && open_count == 0 &&
	    devmapper_get_table(name, NULL, &table) == 0 && strstr(table, "queue_if_no_path"))
		devmapper_message(name, "fail_if_no_path");
	free(table);
}

/*
 * Remove map name: its kpartx partition maps first (none may be open).
 * udev's blkid may hold a map open for a moment after a change event:
 * a busy map is tried again retries times, a second apart (-R; 1 s of
 * 100 ms tries by default).
 */
static int flush_one(const char *name, int retries)
{
	int rc = configure_flush_partitions(name);

	if (rc == 0) {
		flush_prepare(name);
		rc = devmapper_remove_map(name, false);
	}
	for (int i = 0; rc == -EBUSY && i < (retries < 0 ? 10 : retries); i++) {
		usleep(retries < 0 ? 100000 : 1000000);
		rc = configure_flush_partitions(name);
		if (rc == 0)
			rc = devmapper_remove_map(name, false);
	}

	if (rc == -EBUSY)
		mp_log(0, "%s: map in use", name);
	else if (rc == -ENXIO || rc == -ENODEV || rc == -ENOENT)
		mp_log(0, "%s: no such map", name);
	else if (rc < 0)
		mp_log(0, "%s: cannot remove map: %s", name, errno_desc(-rc));
	return rc;
}

/* -f map / -F */
static int flush_maps(const struct options *o)
{
	struct strvec names = {0};
	int rc, failed = 0;

	if (o->cmd == CMD_FLUSH_ONE)
		return flush_one(o->arg, o->retries) < 0 ? 1 : 0;
	rc = devmapper_list_maps(&names);
	if (rc < 0) {
		mp_log(0, "multipath: cannot list maps: %s", errno_desc(-rc));
		return 1;
	}
	for (size_t i = 0; i < names.n; i++)
		failed |= flush_one(names.items[i], o->retries) < 0;
	strvec_free_all(&names);
	return failed;
}

/* A scan worker's share of `multipath` without argument: the path's
 * properties, priority and checker state (configure_path()), side by side
 * with the other disks' (each waits for its SCSI commands). */
static void scan_configure(struct path *pp, void *conf)
{
	configure_path(conf, pp, true);
}

/*
 * The paths, the disks read side by side. With configure, each path is
 * also configured (scan_configure()); otherwise its properties are left
 * for the map build to select.
 */
static int scan_paths_opt(const struct config *conf, struct pathvec *pv, bool configure)
{
	struct udev *udev = udev_new();
	int rc;

	if (!udev)
		return -ENOMEM;
	rc = discovery_scan_parallel(udev, conf, DISCOVERY_MAX_WORKERS,
				     configure ? scan_configure : NULL, (void *)conf, pv);
	udev_unref(udev);
	if (rc < 0)
		mp_log(0, "multipath: path discovery failed: %s", errno_desc(-rc));
	return rc;
}

static int scan_paths(const struct config *conf, struct pathvec *pv)
{
	return scan_paths_opt(conf, pv, false);
}

/*
 * The WWID that the argument of `multipath ARG` names: a path (sda,
 * /dev/sda, 8:0), a live map (name, /dev/mapper/name, dm-N) or a WWID that
 * a path has. Fills wwid; -ENODEV when nothing matches.
 */
static int resolve_wwid(const char *arg, const struct pathvec *pv, const struct mapvec *live,
			char *wwid, size_t size)
{
	const char *dev = strncmp(arg, "/dev/", 5) ? arg : arg + 5;
	const struct path *pp = pathvec_find_dev(pv, dev);

	if (!pp)
		pp = pathvec_find_devt(pv, dev);
	if (pp && pp->wwid[0]) {
		strlcpy_trunc(wwid, pp->wwid, size);
		return 0;
	}
	for (size_t i = 0; i < live->n; i++)
		if (configure_map_matches(live->items[i], arg)) {
			strlcpy_trunc(wwid, live->items[i]->wwid, size);
			return 0;
		}
	for (size_t i = 0; i < pv->n; i++)
		if (!strcmp(pv->items[i]->wwid, arg)) {
			strlcpy_trunc(wwid, arg, size);
			return 0;
		}
	return -ENODEV;
}

/* Is multipathd running? It is when its command socket takes a connection,
 * as the client finds it (libmpathcmd: MULTIPATH_SOCKET_NAME or the default). */
static bool daemon_running(void)
{
	int fd = mpath_connect();

	if (fd < 0)
		return false;
	mpath_disconnect(fd);
	return true;
}

/* Is dev (a path) already held by a multipath map? */
static bool held_by_map(const char *dev)
{
	char rel[64], dir[PATH_MAX], uuid[DEVMAPPER_UUID_SIZE];
	struct dirent *de;
	bool held = false;
	DIR *d;

	snprintf(rel, sizeof(rel), "block/%s/holders", dev);
	if (sysfs_path(rel, dir, sizeof(dir)) < 0 || !(d = opendir(dir)))
		return false;
	while (!held && (de = readdir(d)))
		held = !strncmp(de->d_name, "dm-", 3) &&
		       sysfs_block_attr_read(de->d_name, "dm/uuid", uuid, sizeof(uuid)) > 0 &&
		       !strncmp(uuid, "mpath-", 6);
	closedir(d);
	return held;
}

/* Should path dev be part of a map (wwids file ignored with -i)? */
static bool path_wanted(const struct config *conf, const struct options *o,
			const struct pathvec *pv, const struct path *pp)
{
	if (held_by_map(pp->dev))
		return true;
	if (o->ignore_wwids)
		return wwids_path_wanted(conf, pv, pp, NULL);
	return wwids_should_multipath(conf, pv, pp);
}

/* find_multipaths smart: may pp, which no other rule takes, wait for a
 * sibling? Not when blacklisted or without a WWID. */
static bool smart_candidate(const struct config *conf, const struct options *o,
			    const struct path *pp)
{
	return conf->defaults.find_multipaths == FIND_MP_SMART && !o->ignore_wwids &&
	       pp->wwid[0] && blacklist_path(conf, pp, NULL, NULL) != MATCH_BLACKLIST;
}

/*
 * -u under find_multipaths smart for a path with no sibling yet: "2"
 * (maybe: the udev rules claim it and start a timer that triggers it again
 * when the wait ends) with the seconds left in FIND_MULTIPATHS_WAIT_UNTIL,
 * then "0" for good once the wait is over. What udev recorded at the last
 * event comes in the environment: DM_MULTIPATH_DEVICE_PATH=0 (the path was
 * given to the system already) keeps the answer 0 (as 0.9.4 does, the
 * FIND_MULTIPATHS_WAIT_UNTIL udev recorded does not count: the record
 * does).
 */
static int smart_answer(const struct config *conf, const struct path *pp)
{
	const char *was = getenv("DM_MULTIPATH_DEVICE_PATH");
	double left = 0;
	int rc;

	if (was && !strcmp(was, "0")) {
		printf("DM_MULTIPATH_DEVICE_PATH=\"0\"\n");
		return 0;
	}
	rc = wwids_smart_wait(FIND_MP_STATE_DIR, pp->dev_t, wwids_smart_timeout(conf, pp), &left);
	if (rc < 0)
		mp_log(3, "%s: find_multipaths smart: no wait: %s", pp->dev, errno_desc(-rc));
	if (left > 0) {
		mp_log(3, "%s: find_multipaths smart: waiting %.1f s more for a sibling", pp->dev,
		       left);
		printf("FIND_MULTIPATHS_WAIT_UNTIL=\"%f\"\nDM_MULTIPATH_DEVICE_PATH=\"2\"\n", left);
	} else {
		printf("FIND_MULTIPATHS_WAIT_UNTIL=\"0\"\nDM_MULTIPATH_DEVICE_PATH=\"0\"\n");
	}
	return 0;
}

/* -c dev / -u dev: exit 0 when dev should be a multipath path; the answer
 * as a udev property too (IMPORT{program}). */
static int check_device(const struct config *conf, const struct options *o)
{
	const char *arg = o->arg;
	const char *dev = strncmp(arg, "/dev/", 5) ? arg : arg + 5;
	struct pathvec pv = {0};
	struct path *pp;
	bool valid = false, maybe;

	if (scan_paths(conf, &pv) < 0)
		return 1;
	pp = pathvec_find_dev(&pv, dev);
	valid = pp && path_wanted(conf, o, &pv, pp);
	/* -u, find_multipaths smart: a path no rule takes may wait for a sibling */
	maybe = o->cmd == CMD_CHECK_UDEV && pp && !valid && smart_candidate(conf, o, pp);
	/* -u: without multipathd nobody would make the map of a new path, so
	 * only a path a map holds already is claimed (as 0.9.4 answers) */
	if (o->cmd == CMD_CHECK_UDEV && (valid || maybe) && !held_by_map(pp->dev) &&
	    !daemon_running()) {
		mp_log(3, "%s: multipathd is not running, path not claimed", pp->dev);
		valid = false;
	} else if (maybe) {
		pathvec_free(&pv);
		return smart_answer(conf, pp);
	}
	/* -c answers like -u, as multipath-tools 0.9.4 does; -u always exits 0
	 * (udev imports the answer) */
	printf("DM_MULTIPATH_DEVICE_PATH=\"%d\"\n", valid);
	pathvec_free(&pv);
	return valid || o->cmd == CMD_CHECK_UDEV ? 0 : 1;
}

/* -C map / -U map: exit 0 when the map has a path the kernel can use. */
static int check_map_usable(const struct config *conf, const struct options *o)
{
	struct pathvec pv = {0};
	struct mapvec maps = {0};
	const struct multipath *mpp = NULL;
	int usable = 0, rc = configure_read_kernel_maps(conf, &pv, false, &maps);

	for (size_t i = 0; rc >= 0 && !mpp && i < maps.n; i++)
		if (!strcmp(maps.items[i]->alias, o->arg) ||
		    configure_map_matches(maps.items[i], o->arg))
			mpp = maps.items[i];
	for (size_t i = 0; mpp && i < mpp->paths.n; i++)
		usable += mpp->paths.items[i]->dmstate == PSTATE_ACTIVE;
	if (!mpp)
		mp_log(o->cmd == CMD_MAP_USABLE ? 0 : 3, "%s: no such multipath map", o->arg);
	else
		mp_log(3, "%s: %d usable path(s)", mpp->alias, usable);
	mapvec_free(&maps);
	pathvec_free(&pv);
	return usable > 0 ? 0 : 1;
}

/* The WWID of a path device (sda, /dev/sda, 8:0), a map, or a WWID a path
 * has: for -a and -w. */
static int arg_to_wwid(const struct config *conf, const char *arg, char *wwid, size_t size)
{
	struct pathvec pv = {0}, cur_pv = {0};
	struct mapvec cur = {0};
	int rc = scan_paths(conf, &pv);

	if (rc >= 0)
		rc = configure_read_kernel_maps(conf, &cur_pv, false, &cur);
	if (rc >= 0)
		rc = resolve_wwid(arg, &pv, &cur, wwid, size);
	if (rc == -ENODEV)
		mp_log(0, "%s: no such path, map or wwid", arg);
	mapvec_free(&cur);
	pathvec_free(&pv);
	pathvec_free(&cur_pv);
	return rc;
}

/* -a dev / -w dev */
static int wwid_add_remove(const struct config *conf, const struct options *o)
{
	char wwid[WWID_SIZE];
	const char *file = wwids_file_of(conf);
	int rc = arg_to_wwid(conf, o->arg, wwid, sizeof(wwid));

	if (rc < 0)
		return 1;
	rc = o->cmd == CMD_WWID_ADD ? wwids_add(file, wwid) : wwids_remove(file, wwid);
	if (rc < 0) {
		mp_log(0, "%s: cannot update %s: %s", wwid, file, errno_desc(-rc));
		return 1;
	}
	if (log_get_verbosity() >= 1)
		printf("wwid '%s' %s\n", wwid, o->cmd == CMD_WWID_ADD ? "added" : "removed");
	return 0;
}

/* -W: the wwids file holds exactly the WWIDs of the current maps. */
static int wwids_reset_to_maps(const struct config *conf)
{
	struct pathvec pv = {0};
	struct mapvec maps = {0};
	const char **wwids = NULL;
	int rc = configure_read_kernel_maps(conf, &pv, false, &maps);

	if (rc >= 0) {
		wwids = calloc(maps.n + 1, sizeof(*wwids));
		rc = wwids ? 0 : -ENOMEM;
	}
	for (size_t i = 0; rc >= 0 && i < maps.n; i++)
		wwids[i] = maps.items[i]->wwid;
	if (rc >= 0)
		rc = wwids_reset(wwids_file_of(conf), wwids, maps.n);
	if (rc < 0)
		mp_log(0, "multipath: cannot reset %s: %s", wwids_file_of(conf), errno_desc(-rc));
	else if (log_get_verbosity() >= 1)
		printf("wwids file reset to the %zu current map(s)\n", maps.n);
	free(wwids);
	mapvec_free(&maps);
	pathvec_free(&pv);
	return rc < 0 ? 1 : 0;
}

/*
 * Without multipathd nobody ends queueing when no_path_retry runs out:
 * losing every path would hang IO for good. So, unless -q, a map that
 * queues is switched to failing IO (dm-multipath's table then shows
 * features '0' too).
 */
static void queueing_off(struct multipath *mpp)
{
	int rc;

	if (!mpp->features || !strstr(mpp->features, "queue_if_no_path"))
		return;
	rc = devmapper_message(mpp->alias, "fail_if_no_path");
	if (rc < 0) {
		mp_log(1, "%s: cannot turn queueing off: %s", mpp->alias, errno_desc(-rc));
		return;
	}
	mp_log(3, "%s: multipathd not running, queue_if_no_path turned off", mpp->alias);
	/* the map is shown as the kernel now has it (features '0'), as
	 * multipath-tools shows it */
	configure_map_set_queueing(mpp, false);
}

static void apply_maps(const struct config *conf, const struct options *o, struct mapvec *maps,
		       const struct mapvec *cur, int *failed)
{
	bool no_queueing = !o->dry_run && !o->allow_queueing && !daemon_running();

	/* udev works on the maps side by side; all nodes exist at the end */
	devmapper_udev_defer_begin();
	for (size_t i = 0; i < maps->n; i++) {
		struct multipath *mpp = maps->items[i];
		const struct multipath *old = mapvec_find_wwid(cur, mpp->wwid);
		enum map_action act;
		int rc = configure_apply_map(conf, mpp, old, o->reload, o->dry_run, &act);

		if (rc < 0) {
			mp_log(0, "%s: cannot %s map: %s", mpp->alias, old ? "reload" : "create",
			       errno_desc(-rc));
			*failed = 1;
			continue;
		}
		if (no_queueing)
			queueing_off(mpp);
		if (act != ACT_NOTHING)
			show_map(mpp, map_action_name(act), true);
	}
	devmapper_udev_defer_end();
}

/* The default command: create or update maps (of ARG's WWID only, with ARG). */
static int create_maps(const struct config *conf, const struct options *o)
{
	struct pathvec pv = {0}, cur_pv = {0};
	struct mapvec maps = {0}, cur = {0};
	char wwid[WWID_SIZE];
	struct build_opts bo = {.dry_run = o->dry_run, .live = &cur,
				.bindings_ro = o->bindings_ro, .ignore_wwids = o->ignore_wwids,
				.pgpolicy = o->pgpolicy};
	int rc, failed = 0;

	/* every path goes in a map: configure them all during the scan
	 * (with an argument only the paths of one WWID, in the build) */
	bo.refresh = o->arg != NULL;
	rc = scan_paths_opt(conf, &pv, !bo.refresh);
	if (rc >= 0)
		rc = configure_read_kernel_maps(conf, &cur_pv, false, &cur);
	if (rc >= 0 && o->arg) {
		rc = resolve_wwid(o->arg, &pv, &cur, wwid, sizeof(wwid));
		if (rc < 0) {
			mp_log(0, "%s: no such path, map or wwid", o->arg);
			failed = 1;
			goto out;
		}
		bo.wwid = wwid;
	}
	if (rc >= 0)
		rc = configure_build_maps_opts(conf, &pv, &bo, &maps);
	if (rc < 0) {
		mp_log(0, "multipath: %s", errno_desc(-rc));
		failed = 1;
	} else {
		apply_maps(conf, o, &maps, &cur, &failed);
	}
out:
	mapvec_free(&maps);
	mapvec_free(&cur);
	pathvec_free(&pv);
	pathvec_free(&cur_pv);
	return failed;
}

static int run(const struct config *conf, const struct options *o)
{
	switch (o->cmd) {
	case CMD_DUMP_CONF:
	case CMD_DUMP_CHANGES:
		return dump_config(conf, o->cmd == CMD_DUMP_CHANGES);
	case CMD_CHECK_DEV:
	case CMD_CHECK_UDEV:
		return check_device(conf, o);
	default:
		break;
	}
	if (need_devmapper() < 0)
		return 1;
	switch (o->cmd) {
	case CMD_LIST:
	case CMD_LIST_LONG:
		return list_maps(conf, o);
	case CMD_FLUSH_ONE:
	case CMD_FLUSH_ALL:
		return flush_maps(o);
	case CMD_MAP_USABLE:
	case CMD_MAP_USABLE_UDEV:
		return check_map_usable(conf, o);
	case CMD_WWID_ADD:
	case CMD_WWID_REMOVE:
		return wwid_add_remove(conf, o);
	case CMD_WWIDS_RESET:
		return wwids_reset_to_maps(conf);
	default:
		return create_maps(conf, o);
	}
}

int main(int argc, char **argv)
{
	struct options o = {.cmd = CMD_CREATE, .verbosity = -1, .retries = -1};
	struct config *conf = NULL;
	int rc = parse_args(argc, argv, &o);

	if (rc) {
		if (rc < 0)
			usage(stderr);
		return rc < 0 ? 1 : 0;
	}
	if (o.verbosity >= 0)
		log_set_verbosity(o.verbosity);
	if (load_config(&conf) < 0)
		return 1;
	if (o.verbosity < 0)
		log_set_verbosity(conf->defaults.verbosity);
	rc = run(conf, &o);
	config_free(conf);
	return rc;
}
