// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * dm_message MAP MESSAGE [MAP MESSAGE]... : send each target message (as
 * `dmsetup message MAP 0 MESSAGE`) from one process, one after the other, so
 * that 64 path failures land within a fraction of a second even under qemu
 * TCG, where a dmsetup run can take seconds. Exits 1 when a message failed
 * (each failure is printed), 2 on a usage error.
 */
#include <stdio.h>
#include <string.h>

#include "devmapper.h"

int main(int argc, char **argv)
{
	int rc = 0;

	if (argc < 3 || (argc - 1) % 2) {
		fprintf(stderr, "usage: dm_message MAP MESSAGE [MAP MESSAGE]...\n");
		return 2;
	}
	for (int i = 1; i + 1 < argc; i += 2) {
		int err = devmapper_message(argv[i], argv[i + 1]);

		if (err < 0) {
			fprintf(stderr, "%s: \"%s\": %s\n", argv[i], argv[i + 1], strerror(-err));
			rc = 1;
		}
	}
	return rc;
}
