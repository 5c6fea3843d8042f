// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * multipath: the one-shot CLI. This file parses the command line, loads the
 * configuration and dispatches; the work is done in libmultipath.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libudev.h>
#include <unistd.h>

#include "config/config.h"
#include "mpath_cmd.h"
#include "configure.h"
#include "devmapper.h"
#include "discovery.h"
#include "print.h"
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
};

struct options {
	enum cmd cmd;
	int verbosity;    /* -1: from the configuration */
	int list_level;
	bool dry_run, reload;
	const char *arg;  /* device, wwid or map */
};

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: multipath [-v level] [-d] [-r] [device | wwid | map]\n"
		"       multipath -l | -ll [-v level] [device | wwid | map]\n"
		"       multipath -f map | -F [-v level]\n"
		"       multipath -c device\n"
		"       multipath -t | -T\n"
		"       multipath -h\n"
		"\n"
		"  -v level  verbosity: 0 nothing, 1 map names, 2 + topology, 3 + details, 4 debug\n"
		"  -d        dry run: show what would be done, change nothing\n"
		"  -r        force a reload of the maps\n"
		"  -l        show the multipath topology from sysfs and device-mapper\n"
		"  -ll       show it with the path checker states too\n"
		"  -f map    flush (remove) one map\n"
		"  -F        flush all unused maps\n"
		"  -c dev    tell whether a device should be a path of a map\n"
		"  -t        print the effective configuration\n"
		"  -T        print what the configuration changes from the built-ins\n"
		"  -h        this help\n"
		"\n"
		"The configuration is read from " DEFAULT_CONFIG_FILE
		" (or $MULTIPATH_CONF).\n");
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

/* Returns 0, 1 when help was printed, or -EINVAL. */
static int parse_args(int argc, char **argv, struct options *o)
{
	int c, rc = 0;

	opterr = 0;
	while (rc == 0 && (c = getopt(argc, argv, ":v:drlf:FtTc:h")) != -1) {
		switch (c) {
		case 'v':
			o->verbosity = parse_verbosity(optarg);
			rc = o->verbosity < 0 ? -EINVAL : 0;
			break;
		case 'd':
			o->dry_run = true;
			break;
		case 'r':
			o->reload = true;
			break;
		case 'l':
			if (o->cmd != CMD_CREATE && o->cmd != CMD_LIST && o->cmd != CMD_LIST_LONG) {
				rc = set_cmd(o, CMD_LIST);
				break;
			}
			o->cmd = ++o->list_level > 1 ? CMD_LIST_LONG : CMD_LIST;
			break;
		case 'f':
			o->arg = optarg;
			rc = set_cmd(o, CMD_FLUSH_ONE);
			break;
		case 'F':
			rc = set_cmd(o, CMD_FLUSH_ALL);
			break;
		case 't':
			rc = set_cmd(o, CMD_DUMP_CONF);
			break;
		case 'T':
			rc = set_cmd(o, CMD_DUMP_CHANGES);
			break;
		case 'c':
			o->arg = optarg;
			rc = set_cmd(o, CMD_CHECK_DEV);
			break;
		case 'h':
			usage(stdout);
			return 1;
		case ':':
			fprintf(stderr, "multipath: option -%c needs an argument\n", optopt);
			return -EINVAL;
		default:
			fprintf(stderr, "multipath: unknown option -%c\n", optopt);
			return -EINVAL;
		}
	}
	if (rc < 0)
		return rc;
	if (optind < argc) {
		if (o->arg || optind + 1 < argc) {
			fprintf(stderr, "multipath: too many arguments\n");
			return -EINVAL;
		}
		o->arg = argv[optind];
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
		mp_log(0, "multipath: cannot load %s: %s", path, strerror(-rc));
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

/* Mark the path devt delayed in every map, if its checker found it usable. */
static void mark_delayed(struct mapvec *maps, const char *devt)
{
	for (size_t i = 0; i < maps->n; i++)
		for (size_t k = 0; k < maps->items[i]->paths.n; k++) {
			struct path *pp = maps->items[i]->paths.items[k];

			if (!strcmp(pp->dev_t, devt) && path_state_usable(pp->state))
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
		mp_log(0, "multipath: cannot list maps: %s", strerror(-rc));
	else if (o->cmd == CMD_LIST_LONG)
		mark_held_paths(&maps, (unsigned)conf->defaults.uxsock_timeout);
	for (size_t i = 0; rc >= 0 && i < maps.n; i++)
		if (!o->arg || configure_map_matches(maps.items[i], o->arg))
			show_map(maps.items[i], NULL, o->cmd == CMD_LIST_LONG);
	mapvec_free(&maps);
	pathvec_free(&pv);
	return rc < 0 ? 1 : 0;
}

/* udev's blkid may hold a map open for a moment after a change event:
 * retry a busy map for up to a second before giving up. */
static int flush_one(const char *name)
{
	int rc = devmapper_remove_map(name, false);

	for (int i = 0; rc == -EBUSY && i < 10; i++) {
		usleep(100000);
		rc = devmapper_remove_map(name, false);
	}

	if (rc == -EBUSY)
		mp_log(0, "%s: map in use", name);
	else if (rc == -ENXIO || rc == -ENODEV || rc == -ENOENT)
		mp_log(0, "%s: no such map", name);
	else if (rc < 0)
		mp_log(0, "%s: cannot remove map: %s", name, strerror(-rc));
	return rc;
}

/* -f map / -F */
static int flush_maps(const struct options *o)
{
	struct strvec names = {0};
	int rc, failed = 0;

	if (o->cmd == CMD_FLUSH_ONE)
		return flush_one(o->arg) < 0 ? 1 : 0;
	rc = devmapper_list_maps(&names);
	if (rc < 0) {
		mp_log(0, "multipath: cannot list maps: %s", strerror(-rc));
		return 1;
	}
	for (size_t i = 0; i < names.n; i++)
		failed |= flush_one(names.items[i]) < 0;
	strvec_free_all(&names);
	return failed;
}

static int scan_paths(const struct config *conf, struct pathvec *pv)
{
	struct udev *udev = udev_new();
	int rc;

	if (!udev)
		return -ENOMEM;
	rc = discovery_scan(udev, conf, pv);
	udev_unref(udev);
	if (rc < 0)
		mp_log(0, "multipath: path discovery failed: %s", strerror(-rc));
	return rc;
}

/* -c dev: exit 0 when dev should be a multipath path. */
static int check_device(const struct config *conf, const char *arg)
{
	const char *dev = strncmp(arg, "/dev/", 5) ? arg : arg + 5;
	struct pathvec pv = {0};
	struct path *pp;
	bool valid = false;

	if (scan_paths(conf, &pv) < 0)
		return 1;
	pp = pathvec_find_dev(&pv, dev);
	valid = pp && wwids_should_multipath(conf, &pv, pp);
	printf("%s %s a valid multipath device path\n", arg, valid ? "is" : "is not");
	pathvec_free(&pv);
	return valid ? 0 : 1;
}

/* The default command: create or update maps. */
static int create_maps(const struct config *conf, const struct options *o)
{
	struct pathvec pv = {0}, cur_pv = {0};
	struct mapvec maps = {0}, cur = {0};
	int rc, failed = 0;

	rc = scan_paths(conf, &pv);
	if (rc >= 0)
		rc = configure_read_kernel_maps(conf, &cur_pv, false, &cur);
	if (rc >= 0)
		rc = configure_build_maps(conf, &pv, o->dry_run, true, &maps);
	if (rc < 0) {
		mp_log(0, "multipath: %s", strerror(-rc));
		failed = 1;
	}
	/* udev works on the maps side by side; all nodes exist at the end */
	devmapper_udev_defer_begin();
	for (size_t i = 0; rc >= 0 && i < maps.n; i++) {
		struct multipath *mpp = maps.items[i];
		enum map_action act;
		int arc;

		if (o->arg && !configure_map_matches(mpp, o->arg))
			continue;
		arc = configure_apply_map(conf, mpp, mapvec_find_wwid(&cur, mpp->wwid), o->reload,
					  o->dry_run, &act);
		if (arc < 0) {
			mp_log(0, "%s: cannot %s map: %s", mpp->alias,
			       mapvec_find_wwid(&cur, mpp->wwid) ? "reload" : "create",
			       strerror(-arc));
			failed = 1;
		} else if (act != ACT_NOTHING) {
			show_map(mpp, map_action_name(act), true);
		}
	}
	devmapper_udev_defer_end();
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
		return check_device(conf, o->arg);
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
	default:
		return create_maps(conf, o);
	}
}

int main(int argc, char **argv)
{
	struct options o = {.cmd = CMD_CREATE, .verbosity = -1};
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
