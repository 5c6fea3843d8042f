// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * uevent_selftest SECONDS [BURST_MS]
 *
 * Opens a uevent monitor (libmultipath/uevent.h) with the real libudev and
 * prints "ready" once it receives. Then, until SECONDS have passed: waits
 * for the fd, lets a burst gather for BURST_MS (default 300), reads every
 * event, prints one line per event read, merges the batch and prints
 * "batch READ -> MERGED" and the merged events with a "= " prefix.
 * An event line: ACTION KNAME devt=MAJ:MIN type=DEVTYPE serial=ID_SERIAL
 * [dm_name=.. dm_uuid=.. dm_action=.. dm_path=.. valid=N]. stdout is
 * flushed after each batch. Exit 0, 1 when the monitor cannot be opened
 * or a read fails, 2 on usage errors.
 */
#include <libudev.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "uevent.h"
#include "util/log.h"
#include "util/time.h"

static void print_event(const char *prefix, const struct uevent *ev)
{
	const char *serial = udev_device_get_property_value(ev->udev, "ID_SERIAL");

	printf("%s%s %s devt=%s type=%s serial=%s", prefix, uevent_action_name(ev->action),
	       ev->kname, ev->devt, ev->devtype, serial ? serial : "");
	if (ev->is_dm)
		printf(" dm_name=%s dm_uuid=%s dm_action=%s dm_path=%s valid=%d", ev->dm_name,
		       ev->dm_uuid, uevent_dm_action_name(ev->dm_action), ev->dm_path,
		       ev->dm_nr_valid_paths);
	printf("\n");
}

static int handle_burst(struct uevent_monitor *m, long burst_ms)
{
	struct uevent_vec batch = {0};
	struct timespec nap = ts_from_ms(burst_ms);
	int n, total = 0;

	nanosleep(&nap, NULL);
	while ((n = uevent_monitor_read(m, &batch)) > 0)
		total += n;
	if (n < 0) {
		fprintf(stderr, "uevent_monitor_read: %s\n", errno_desc(-n));
		uevent_vec_free_all(&batch);
		return -1;
	}
	for (size_t i = 0; i < batch.n; i++)
		print_event("", batch.items[i]);
	uevent_merge(&batch);
	printf("batch %d -> %zu%s\n", total, batch.n,
	       uevent_monitor_overflowed(m) ? " (overflow)" : "");
	for (size_t i = 0; i < batch.n; i++)
		print_event("= ", batch.items[i]);
	fflush(stdout);
	uevent_vec_free_all(&batch);
	return 0;
}

int main(int argc, char **argv)
{
	struct udev *udev;
	struct uevent_monitor *m;
	struct timespec end;
	long burst_ms = argc > 2 ? atol(argv[2]) : 300;
	int rc, bad = 0;

	if (argc < 2 || argc > 3 || atol(argv[1]) <= 0 || burst_ms < 0) {
		fprintf(stderr, "usage: uevent_selftest SECONDS [BURST_MS]\n");
		return 2;
	}
	log_set_verbosity(3);
	udev = udev_new();
	if (!udev)
		return 1;
	rc = uevent_monitor_open(udev, &m);
	if (rc < 0) {
		fprintf(stderr, "uevent_monitor_open: %s\n", errno_desc(-rc));
		udev_unref(udev);
		return 1;
	}
	printf("ready\n");
	fflush(stdout);
	end = ts_add_ms(ts_now(), atol(argv[1]) * 1000LL);
	while (!bad && !ts_passed(&end)) {
		struct pollfd pfd = {.fd = uevent_monitor_fd(m), .events = POLLIN};

		if (poll(&pfd, 1, 100) > 0)
			bad = handle_burst(m, burst_ms) < 0;
	}
	uevent_monitor_close(m);
	udev_unref(udev);
	return bad;
}
