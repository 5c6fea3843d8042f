// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * discovery_selftest [MIN_PATHS [CONFIG]]: run discovery_scan() on the real
 * system (built-in configuration, or CONFIG loaded like multipath.conf),
 * print every path found, and check for each that
 * the sysfs-only discovery (no udev) yields the same WWID as the udev-based
 * one. Exit 0 when all agree and at least MIN_PATHS (default 1) were found
 * (exactly MIN_PATHS when CONFIG is given).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libudev.h>

#include "blacklist.h"
#include "config/config.h"
#include "discovery.h"
#include "structs.h"

static void print_path(const struct path *pp)
{
	printf("%s %s %d:%d:%d:%d vendor='%s' product='%s' rev='%s' size=%llu ro=%d serial='%s' "
	       "tpgs=%d tgt='%s' wwid=%s\n",
	       pp->dev, pp->dev_t, pp->hbtl.host, pp->hbtl.channel, pp->hbtl.target, pp->hbtl.lun,
	       pp->vendor, pp->product, pp->rev, (unsigned long long)pp->size, pp->ro, pp->serial,
	       pp->tpgs, pp->tgt_node_name, pp->wwid);
}

int main(int argc, char **argv)
{
	long min = argc > 1 ? strtol(argv[1], NULL, 10) : 1;
	struct diags d = {0};
	struct config *conf = NULL;
	struct pathvec pv = {0};
	struct udev *udev = udev_new();
	int rc, bad = 0;

	if (!udev || (argc > 2 ? config_load(argv[2], &d, &conf)
			       : config_load_text("", 0, "builtin", &d, &conf)) < 0) {
		fprintf(stderr, "setup failed\n");
		return 2;
	}
	rc = discovery_scan(udev, conf, &pv);
	if (rc < 0) {
		fprintf(stderr, "discovery_scan: %s\n", strerror(-rc));
		return 1;
	}
	printf("%d path(s)\n", rc);
	for (size_t i = 0; i < pv.n; i++) {
		struct path *pp = pv.items[i];
		struct path *raw = path_new();

		print_path(pp);
		if (!raw || discovery_path_info(conf, NULL, pp->dev, raw) < 0) {
			printf("  %s: sysfs-only discovery failed\n", pp->dev);
			bad++;
		} else if (strcmp(raw->wwid, pp->wwid)) {
			printf("  %s: sysfs-only wwid %s differs from udev's %s\n", pp->dev,
			       raw->wwid, pp->wwid);
			bad++;
		}
		path_free(raw);
	}
	if (rc < min || (argc > 2 && rc != min)) {
		printf("expected %s%ld paths\n", argc > 2 ? "" : "at least ", min);
		bad++;
	}
	pathvec_free(&pv);
	config_free(conf);
	diags_release(&d);
	udev_unref(udev);
	printf("%s\n", bad ? "FAIL" : "OK");
	return bad ? 1 : 0;
}
