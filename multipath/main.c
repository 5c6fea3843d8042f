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

#include "config/config.h"
#include "util/log.h"
#include "util/strbuf.h"

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
		"  -v level  verbosity: 0 nothing, 1 created maps, 2 + info, 3 + details\n"
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
	int rc = config_load(path && *path ? path : NULL, &d, conf);

	log_diags(&d);
	diags_release(&d);
	if (rc < 0)
		mp_log(0, "multipath: cannot load the configuration: %s", strerror(-rc));
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
	switch (o.cmd) {
	case CMD_DUMP_CONF:
	case CMD_DUMP_CHANGES:
		rc = dump_config(conf, o.cmd == CMD_DUMP_CHANGES);
		break;
	default:
		mp_log(0, "multipath: path discovery and map operations are not implemented yet");
		rc = 1;
		break;
	}
	config_free(conf);
	return rc;
}
