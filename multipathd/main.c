// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * multipathd: the daemon. For now it only validates its configuration
 * (`multipathd -t` style check with -v); the daemon loop is a later issue.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "util/log.h"

static void usage(FILE *out)
{
	fprintf(out, "Usage: multipathd [-d] [-s] [-v level]\n"
		     "  -d        stay in the foreground, log to stderr\n"
		     "  -s        no timestamps in the log\n"
		     "  -v level  verbosity 0-4\n"
		     "  -h        this help\n");
}

int main(int argc, char **argv)
{
	const char *path = getenv("MULTIPATH_CONF");
	struct config *conf = NULL;
	struct diags d = {0};
	int c, rc;

	while ((c = getopt(argc, argv, "dsv:h")) != -1) {
		switch (c) {
		case 'd':
		case 's':
			break;
		case 'v':
			log_set_verbosity(atoi(optarg));
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 1;
		}
	}
	rc = config_load(path && *path ? path : NULL, &d, &conf);
	for (size_t i = 0; i < d.msgs.n; i++)
		mp_log(1, "%s", d.msgs.items[i]);
	diags_release(&d);
	if (rc < 0) {
		mp_log(0, "multipathd: cannot load the configuration: %s", strerror(-rc));
		return 1;
	}
	config_free(conf);
	mp_log(0, "multipathd: the daemon is not implemented yet");
	return 1;
}
