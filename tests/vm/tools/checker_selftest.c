// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * checker_selftest [-t SECONDS] [-n COUNT] [-i MS] [-s [-w MS]] NAME DEVNODE
 *
 * Runs path checker NAME (tur, directio, readsector0, none) against a real
 * device COUNT times (default 1), MS milliseconds apart (default 1000),
 * with a checker timeout of SECONDS (default 5). Prints the state name of
 * each check on stdout ("ready", "faulty", "ghost", "i/o timeout", ...) and
 * the checker's message on stderr. -s then frees the checker and prints the
 * shared AIO context counters ("aio: groups=1 held=0 orphans=0
 * inflight=0"); with -w, again after MS milliseconds (a read the checker
 * left in flight is an orphan until the kernel completes it). Exit 0 when every check ran, 1 when
 * the checker could not be created or started, 2 on usage errors.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "aio_group.h"
#include "checkers/checkers.h"
#include "structs.h"

static int usage(void)
{
	fprintf(stderr, "usage: checker_selftest [-t SECONDS] [-n COUNT] [-i MS] [-s [-w MS]] "
			"NAME DEVNODE\n");
	return 2;
}

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

	nanosleep(&ts, NULL);
}

static int print_stats(void)
{
	struct aio_group_set *set;
	struct aio_group_stats st;

	if (aio_group_default(&set) < 0 || aio_group_stats(set, &st) < 0)
		return 1;
	printf("aio: groups=%u held=%u orphans=%u inflight=%u\n", st.groups, st.held, st.orphans,
	       st.inflight);
	return 0;
}

int main(int argc, char **argv)
{
	unsigned timeout = 5;
	long count = 1, interval = 1000, wait_ms = -1;
	bool stats = false;
	struct checker *c;
	int opt, rc;

	while ((opt = getopt(argc, argv, "t:n:i:sw:")) != -1) {
		switch (opt) {
		case 't':
			timeout = (unsigned)strtoul(optarg, NULL, 10);
			break;
		case 'n':
			count = strtol(optarg, NULL, 10);
			break;
		case 'i':
			interval = strtol(optarg, NULL, 10);
			break;
		case 's':
			stats = true;
			break;
		case 'w':
			wait_ms = strtol(optarg, NULL, 10);
			break;
		default:
			return usage();
		}
	}
	if (argc - optind != 2 || count < 1 || interval < 0)
		return usage();
	rc = checker_new(argv[optind], argv[optind + 1], timeout, &c);
	if (rc < 0) {
		fprintf(stderr, "checker_selftest: %s on %s: %s\n", argv[optind], argv[optind + 1],
			rc == -ENOENT ? "no such checker or device" : aio_group_errmsg(rc));
		return 1;
	}
	for (long i = 0; i < count; i++) {
		int st = checker_check(c);

		printf("%s\n", path_state_name(st));
		fprintf(stderr, "%s %s: %s (%s)\n", argv[optind], argv[optind + 1],
			path_state_name(st), checker_msg(c));
		fflush(stdout);
		if (st == PATH_WILD)
			rc = 1;
		if (i + 1 < count)
			sleep_ms(interval);
	}
	checker_free(c);
	if (stats && print_stats())
		rc = 1;
	if (stats && wait_ms >= 0) {
		sleep_ms(wait_ms);
		if (print_stats())
			rc = 1;
	}
	return rc < 0 ? 1 : rc;
}
