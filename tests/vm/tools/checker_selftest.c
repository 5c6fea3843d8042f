// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * checker_selftest [-P] [-t SECONDS] [-n COUNT] [-i MS] [-s [-w MS]] NAME DEVNODE
 * checker_selftest [-P] [-t SECONDS] -H [-W FILE] NAME HUNG_DEVNODE OK_DEVNODE
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
 *
 * -P hides the sg nodes (the sysfs root points nowhere): tur and readsector0
 * then use the SG_IO worker pool. Each checker's backend is printed on
 * stderr ("backend: sg2" or "backend: pool").
 *
 * -H checks a hung path and a healthy one at once, as a daemon tick would:
 * both checkers are made (then "created" is printed; with -W the test waits
 * for FILE to exist, so the caller can hang the path now, after the opens),
 * both checks are started, and the healthy one's verdict is awaited with
 * poll() on both checker_poll_fd()s for up to 1 s. Prints one key=value a
 * line:
 *   start_hung_us, start_ok_us   how long each checker_start() took
 *   start_hung_sleeps            voluntary context switches in that start
 *                                (0: it did not wait for anything)
 *   ok, ok_ms                    the healthy verdict and when it came
 *   hung                         the hung one's state at that moment
 *   hung_final, hung_ms          its verdict, awaited up to timeout + 2 s
 *   restart_us, hung_again       a new tick: start (no new command while the
 *                                old one is stuck) and poll
 *   ok2, ok2_ms                  the healthy path checked again meanwhile
 *   free_us, free_sleeps         checker_free() of the hung checker
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <poll.h>
#include <sys/resource.h>

#include "aio_group.h"
#include "checkers/checkers.h"
#include "structs.h"
#include "sysfs.h"

static int usage(void)
{
	fprintf(stderr, "usage: checker_selftest [-P] [-t SECONDS] [-n COUNT] [-i MS] [-s [-w MS]] "
			"NAME DEVNODE\n"
			"       checker_selftest [-P] [-t SECONDS] -H [-W FILE] NAME HUNG OK\n");
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

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* Voluntary context switches of this thread so far. */
static long sleeps(void)
{
	struct rusage ru;

	return getrusage(RUSAGE_THREAD, &ru) < 0 ? -1 : ru.ru_nvcsw;
}

static struct timespec deadline_in_ms(long ms)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += ms / 1000;
	ts.tv_nsec += (ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	return ts;
}

static int make_checker(const char *name, const char *dev, unsigned timeout, struct checker **c)
{
	int rc = checker_new(name, dev, timeout, c);
	const char *sg;

	if (rc < 0) {
		fprintf(stderr, "checker_selftest: %s on %s: %s\n", name, dev,
			rc == -ENOENT ? "no such checker or device" : aio_group_errmsg(rc));
		return rc;
	}
	if (strcmp(name, "tur") && strcmp(name, "readsector0"))
		return 0;
	sg = checker_sg_node(*c);
	fprintf(stderr, "%s %s backend: %s\n", name, dev, *sg ? sg : "pool");
	return 0;
}

/* Wait up to 1 s for ok's verdict, with poll() on both checkers' fds. */
static int await_ok(struct checker *hung, struct checker *ok)
{
	struct pollfd pfd[2] = {{.fd = checker_poll_fd(hung), .events = POLLIN},
				{.fd = checker_poll_fd(ok), .events = POLLIN}};
	double until = now_us() + 1e6;
	int st;

	while ((st = checker_poll(ok, NULL)) == PATH_PENDING && now_us() < until) {
		if (poll(pfd, 2, (int)((until - now_us()) / 1000) + 1) < 0)
			break;
		if (pfd[0].revents & POLLIN)
			checker_poll(hung, NULL);
	}
	return st;
}

static int hung_and_healthy(const char *name, const char *hung_dev, const char *ok_dev,
			    unsigned timeout, const char *wait_file)
{
	struct checker *hung, *ok;
	struct timespec dl;
	double t0, t1, t2;
	long sw;
	int st, rc;

	if (make_checker(name, hung_dev, timeout, &hung) < 0)
		return 1;
	if (make_checker(name, ok_dev, timeout, &ok) < 0) {
		checker_free(hung);
		return 1;
	}
	printf("created\n");
	fflush(stdout);
	for (int i = 0; wait_file && access(wait_file, F_OK) && i < 60000; i += 10)
		sleep_ms(10);
	sw = sleeps();
	t0 = now_us();
	rc = checker_start(hung);
	t1 = now_us();
	sw = sleeps() - sw;
	rc |= checker_start(ok);
	t2 = now_us();
	if (rc < 0)
		fprintf(stderr, "checker_selftest: start failed: %s / %s\n", checker_msg(hung),
			checker_msg(ok));
	printf("start_hung_us=%.0f\nstart_hung_sleeps=%ld\nstart_ok_us=%.0f\n", t1 - t0, sw,
	       t2 - t1);
	st = await_ok(hung, ok);
	printf("ok=%s\nok_ms=%.1f\n", path_state_name(st), (now_us() - t0) / 1000);
	fprintf(stderr, "ok: %s\n", checker_msg(ok));
	printf("hung=%s\n", path_state_name(checker_poll(hung, NULL)));
	fflush(stdout);
	dl = deadline_in_ms(timeout * 1000L + 2000);
	st = checker_poll(hung, &dl);
	printf("hung_final=%s\nhung_ms=%.0f\n", path_state_name(st), (now_us() - t0) / 1000);
	fprintf(stderr, "hung: %s\n", checker_msg(hung));
	t0 = now_us();
	checker_start(hung);
	printf("restart_us=%.0f\nhung_again=%s\n", now_us() - t0,
	       path_state_name(checker_poll(hung, NULL)));
	t0 = now_us();
	checker_start(ok);
	dl = deadline_in_ms(1000);
	st = checker_poll(ok, &dl);
	printf("ok2=%s\nok2_ms=%.1f\n", path_state_name(st), (now_us() - t0) / 1000);
	sw = sleeps();
	t0 = now_us();
	checker_free(hung);
	t1 = now_us();
	printf("free_us=%.0f\nfree_sleeps=%ld\n", t1 - t0, sleeps() - sw);
	checker_free(ok);
	return rc < 0 ? 1 : 0;
}

int main(int argc, char **argv)
{
	unsigned timeout = 5;
	long count = 1, interval = 1000, wait_ms = -1;
	bool stats = false, hung = false;
	const char *wait_file = NULL;
	struct checker *c;
	int opt, rc;

	while ((opt = getopt(argc, argv, "t:n:i:sw:PHW:")) != -1) {
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
		case 'P':
			/* no sysfs: no sg node is found */
			sysfs_set_root("/nonexistent-sysfs");
			break;
		case 'H':
			hung = true;
			break;
		case 'W':
			wait_file = optarg;
			break;
		default:
			return usage();
		}
	}
	if (hung && argc - optind == 3)
		return hung_and_healthy(argv[optind], argv[optind + 1], argv[optind + 2], timeout,
					wait_file);
	if (hung || argc - optind != 2 || count < 1 || interval < 0)
		return usage();
	rc = make_checker(argv[optind], argv[optind + 1], timeout, &c);
	if (rc < 0)
		return 1;
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
