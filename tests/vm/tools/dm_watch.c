// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * dm_watch INTERVAL_MS MAP... : read the status of each dm map every
 * INTERVAL_MS and print "EPOCH_SECONDS.MICROSECONDS MAP: STATUS" each time
 * it differs from the previous reading (the first reading of each map is
 * printed too), until killed. The same line format as a `dmsetup status`
 * line with a time stamp in front, without a process per reading: under
 * qemu TCG a dmsetup run takes long enough to miss a 300 ms path failure.
 * A map that cannot be read prints "MAP: -" once per change.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "devmapper.h"

int main(int argc, char **argv)
{
	long interval_ms = argc > 2 ? strtol(argv[1], NULL, 10) : 0;
	int n = argc - 2;
	char **last;

	if (interval_ms <= 0) {
		fprintf(stderr, "usage: dm_watch INTERVAL_MS MAP...\n");
		return 2;
	}
	last = calloc((size_t)n, sizeof(*last));
	if (!last)
		return 1;
	for (;;) {
		struct timespec now, pause = {interval_ms / 1000, interval_ms % 1000 * 1000000L};

		clock_gettime(CLOCK_REALTIME, &now);
		for (int i = 0; i < n; i++) {
			char *status = NULL;

			if (devmapper_get_status(argv[i + 2], &status) < 0 && !(status = strdup("-")))
				return 1;
			if (!last[i] || strcmp(last[i], status)) {
				printf("%ld.%06ld %s: %s\n", (long)now.tv_sec, now.tv_nsec / 1000,
				       argv[i + 2], status);
				fflush(stdout);
				free(last[i]);
				last[i] = status;
			} else {
				free(status);
			}
		}
		while (nanosleep(&pause, &pause) < 0 && errno == EINTR)
			;
	}
}
