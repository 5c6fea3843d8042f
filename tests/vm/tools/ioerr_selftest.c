// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ioerr_selftest [-s SAMPLE] [-r THRESHOLD] [-R RECOVERY] [-t IO_TIMEOUT] [-W SECONDS] DEVNODE...
 *
 * Drives io_err_stat (with its real sampling thread and the process-wide
 * aio_group set) against real devices, as the daemon will: for each
 * DEVNODE two path_failed calls (a flapping path), which make it flaky and
 * start one sampling window of SAMPLE seconds (default 5, threshold 50
 * permille, recovery 60 s, io_timeout 5 s). Run by
 * tests/vm/scenarios/40-io-err-stat-sampler.sh.
 *
 * Output, line-buffered on stdout:
 *   log: ...                         io_err_stat's own log lines (verbosity 2)
 *   NAME: path_failed N: counted|flaky|ignored
 *   status: NAME TEXT                each second while sampling
 *   verdict: NAME released|held ios=N errors=N rate=N reads_per_s=N.N
 *   aio: groups=N held=N orphans=N inflight=N   after io_err_stat_free()
 *   cpu: user=S sys=S                the process's CPU time (the sampler's cost)
 * Exit 0 when every path got its first verdict within SECONDS (default
 * SAMPLE + 10), 1 otherwise, 2 on usage errors.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "aio_group.h"
#include "io_err_stat.h"
#include "util/log.h"

enum { MAX_PATHS = 64 };

struct tpath {
	const char *node, *name;
	dev_t devt;
	bool judged;
	unsigned ios, errors;
	int rate;
};

static struct tpath paths[MAX_PATHS];
static int npaths;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* Print io_err_stat's log lines and pick the window's counters out of the verdicts. */
static void sink(int level, const char *msg, void *data)
{
	const char *v;

	(void)data;
	if (level > 2)
		return;
	pthread_mutex_lock(&lock);
	printf("log: %s\n", msg);
	v = strstr(msg, "verdict: errors ");
	for (int i = 0; v && i < npaths; i++) {
		size_t n = strlen(paths[i].name);

		if (strncmp(msg, paths[i].name, n) || strncmp(msg + n, ": ", 2) || paths[i].judged)
			continue;
		if (sscanf(v, "verdict: errors %u/%u IOs", &paths[i].errors, &paths[i].ios) != 2)
			continue;
		v = strstr(v, "rate ");
		if (v)
			paths[i].rate = atoi(v + 5);
	}
	fflush(stdout);
	pthread_mutex_unlock(&lock);
}

static int usage(void)
{
	fprintf(stderr, "usage: ioerr_selftest [-s SAMPLE] [-r THRESHOLD] [-R RECOVERY] "
			"[-t IO_TIMEOUT] [-W SECONDS] DEVNODE...\n");
	return 2;
}

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

	nanosleep(&ts, NULL);
}

static const char *verdict_name(int v)
{
	switch (v) {
	case IES_IGNORED:
		return "ignored";
	case IES_COUNTED:
		return "counted";
	case IES_FLAKY:
		return "flaky";
	default:
		return strerror(-v);
	}
}

static int add_path(const char *node)
{
	struct stat st;
	const char *slash = strrchr(node, '/');

	if (npaths == MAX_PATHS || stat(node, &st) < 0 || !S_ISBLK(st.st_mode)) {
		fprintf(stderr, "ioerr_selftest: %s: not a block device\n", node);
		return -1;
	}
	paths[npaths].node = node;
	paths[npaths].name = slash ? slash + 1 : node;
	paths[npaths].devt = st.st_rdev;
	paths[npaths].rate = -1;
	npaths++;
	return 0;
}

/* Poll until every path has a verdict or `wait_s` passed; prints status lines. */
static int wait_verdicts(struct io_err_stat *ies, const struct ies_params *p, int wait_s)
{
	char buf[64];
	int left = npaths;

	for (int t = 0; left && t < wait_s * 10; t++) {
		sleep_ms(100);
		for (int i = 0; i < npaths; i++) {
			struct tpath *tp = &paths[i];
			bool sampling, held;

			/* not under `lock`: io_err_stat logs (into sink) under its own lock */
			io_err_stat_path_status(ies, tp->devt, buf, sizeof(buf));
			sampling = !strncmp(buf, "sampling", 8);
			held = io_err_stat_is_held(ies, tp->devt);
			pthread_mutex_lock(&lock);
			if (sampling && t % 10 == 9)
				printf("status: %s %s\n", tp->name, buf);
			if (!tp->judged && !sampling) {
				tp->judged = true;
				left--;
				printf("verdict: %s %s ios=%u errors=%u rate=%d reads_per_s=%.1f\n",
				       tp->name, held ? "held" : "released", tp->ios, tp->errors,
				       tp->rate, (double)tp->ios / p->sample_time);
			}
			fflush(stdout);
			pthread_mutex_unlock(&lock);
		}
	}
	return left ? 1 : 0;
}

int main(int argc, char **argv)
{
	struct ies_params p = {5, 50, 60, 60, 5};
	struct io_err_stat *ies;
	struct aio_group_set *set;
	struct aio_group_stats st;
	struct rusage ru;
	int opt, rc, wait_s = -1;

	while ((opt = getopt(argc, argv, "s:r:R:t:W:")) != -1) {
		switch (opt) {
		case 's':
			p.sample_time = atoi(optarg);
			break;
		case 'r':
			p.rate_threshold = atoi(optarg);
			break;
		case 'R':
			p.recovery_time = atoi(optarg);
			break;
		case 't':
			p.io_timeout = atoi(optarg);
			break;
		case 'W':
			wait_s = atoi(optarg);
			break;
		default:
			return usage();
		}
	}
	if (optind >= argc || !ies_params_enabled(&p))
		return usage();
	for (int i = optind; i < argc; i++)
		if (add_path(argv[i]) < 0)
			return 2;
	if (wait_s < 0)
		wait_s = p.sample_time + 10;
	setvbuf(stdout, NULL, _IOLBF, 0);
	log_set_verbosity(2);
	log_set_sink(sink, NULL);
	rc = io_err_stat_new(NULL, &ies);
	if (rc < 0) {
		fprintf(stderr, "ioerr_selftest: io_err_stat_new: %s\n", strerror(-rc));
		return 1;
	}
	for (int n = 1; n <= 2; n++) {
		for (int i = 0; i < npaths; i++) {
			rc = io_err_stat_path_failed(ies, paths[i].devt, paths[i].node, &p, false);
			pthread_mutex_lock(&lock);
			printf("%s: path_failed %d: %s\n", paths[i].name, n, verdict_name(rc));
			pthread_mutex_unlock(&lock);
		}
	}
	rc = wait_verdicts(ies, &p, wait_s);
	io_err_stat_free(ies);
	if (aio_group_default(&set) == 0 && aio_group_stats(set, &st) == 0)
		printf("aio: groups=%u held=%u orphans=%u inflight=%u\n", st.groups, st.held,
		       st.orphans, st.inflight);
	if (getrusage(RUSAGE_SELF, &ru) == 0)
		printf("cpu: user=%ld.%03ld sys=%ld.%03ld\n", (long)ru.ru_utime.tv_sec,
		       (long)ru.ru_utime.tv_usec / 1000, (long)ru.ru_stime.tv_sec,
		       (long)ru.ru_stime.tv_usec / 1000);
	log_set_sink(NULL, NULL);
	return rc;
}
