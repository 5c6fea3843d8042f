// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * path_latency: time io_num direct reads of one logical block and turn the
 * average latency into a priority on a logarithmic scale (see prio.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/fs.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "prio.h"

enum {
	IO_NUM_DEFAULT = 20,
	IO_NUM_MIN = 2,
	IO_NUM_MAX = 200,
	BASE_NUM_DEFAULT = 10,
	BASE_NUM_MIN = 2,
	BASE_NUM_MAX = 10,
	LATENCY_PRIO_MAX = 20,
	OUTLIER_FACTOR = 4,    /* a sample above 4x the median ... */
	OUTLIER_SLACK_US = 20, /* ... plus 20 us is an outlier */
	OUTLIER_MAX_DIV = 4,   /* more than n/4 outliers: too noisy */
	FALLBACK_BLOCK = 4096, /* when BLKSSZGET fails: safe O_DIRECT size */
};

/* "key=value" with value in min..max. 1 when word is that key, 0 when it is
 * another key, -EINVAL for a bad value. */
static int parse_kv(const char *word, const char *key, unsigned min, unsigned max, unsigned *out,
		    struct strbuf *why)
{
	size_t klen = strlen(key);
	const char *v = word + klen + 1;
	char *end;
	unsigned long n;

	if (strncmp(word, key, klen) || word[klen] != '=')
		return 0;
	errno = 0;
	n = strtoul(v, &end, 10);
	if (errno || end == v || *end || *v == '-' || n < min || n > max) {
		if (why)
			strbuf_addf(why, "path_latency: %s must be %u..%u", key, min, max);
		return -EINVAL;
	}
	*out = (unsigned)n;
	return 1;
}

int prio_latency_args(const char *args, unsigned *io_num, unsigned *base_num, struct strbuf *why)
{
	unsigned io = IO_NUM_DEFAULT, base = BASE_NUM_DEFAULT;
	char word[64];
	size_t n;
	int rc;

	for (args = args ? args : "";; args += n) {
		args += strspn(args, " \t\n");
		n = strcspn(args, " \t\n");
		if (n == 0)
			break;
		rc = 0;
		if (n < sizeof(word)) { /* a longer word is no valid argument either */
			memcpy(word, args, n);
			word[n] = '\0';
			rc = parse_kv(word, "io_num", IO_NUM_MIN, IO_NUM_MAX, &io, why);
			if (rc == 0)
				rc = parse_kv(word, "base_num", BASE_NUM_MIN, BASE_NUM_MAX, &base,
					      why);
		} else {
			strlcpy_trunc(word, args, sizeof(word));
		}
		if (rc < 0)
			return rc;
		if (rc == 0) {
			if (why)
				strbuf_addf(why,
					    "path_latency: unknown argument '%s' "
					    "(io_num=N base_num=B)",
					    word);
			return -EINVAL;
		}
	}
	*io_num = io;
	*base_num = base;
	return 0;
}

int prio_path_latency_check(const char *args, struct strbuf *why)
{
	unsigned io, base;

	return prio_latency_args(args, &io, &base, why);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* floor(log_base(x)) for x >= 1, base >= 2 */
static int ilog(uint64_t x, unsigned base)
{
	int l = 0;

	while (x >= base) {
		x /= base;
		l++;
	}
	return l;
}

int prio_latency_eval(const uint64_t *us, unsigned n, unsigned base, int *prio)
{
	uint64_t *sorted, median, sum = 0, avg;
	unsigned kept = 0;
	int p;

	if (n == 0 || base < 2)
		return -EINVAL;
	sorted = malloc(n * sizeof(*sorted));
	if (!sorted)
		return -ENOMEM;
	memcpy(sorted, us, n * sizeof(*sorted));
	qsort(sorted, n, sizeof(*sorted), cmp_u64);
	median = sorted[(n - 1) / 2];
	for (unsigned i = 0; i < n; i++) {
		if (sorted[i] > median * OUTLIER_FACTOR + OUTLIER_SLACK_US)
			break;
		sum += sorted[i];
		kept++;
	}
	free(sorted);
	if (n - kept > n / OUTLIER_MAX_DIV)
		return -EAGAIN;
	avg = sum / kept;
	p = LATENCY_PRIO_MAX - ilog(avg ? avg : 1, base);
	*prio = p < 1 ? 1 : p;
	return 0;
}

static uint64_t now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

/* n timed reads of bs bytes at offset 0 into us[]. 0 or -errno. */
static int timed_reads(int fd, void *buf, size_t bs, unsigned n, unsigned timeout_ms, uint64_t *us)
{
	uint64_t start = now_us(), t0, deadline = start + (uint64_t)timeout_ms * 1000;

	for (unsigned i = 0; i < n; i++) {
		ssize_t got;

		t0 = now_us();
		if (timeout_ms && t0 > deadline)
			return -ETIMEDOUT;
		got = pread(fd, buf, bs, 0);
		if (got < 0)
			return -errno;
		if ((size_t)got != bs)
			return -EIO;
		us[i] = now_us() - t0;
	}
	return 0;
}

int prio_path_latency_get(const char *args, const struct path *pp, const char *devnode,
			  unsigned timeout_ms, int *prio)
{
	unsigned io_num, base;
	uint64_t us[IO_NUM_MAX];
	void *buf = NULL;
	int fd, bs, rc;

	if (!pp->dev[0])
		return -ENODEV;
	rc = prio_latency_args(args, &io_num, &base, NULL);
	if (rc < 0)
		return rc;
	fd = open(devnode, O_RDONLY | O_DIRECT | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (ioctl(fd, BLKSSZGET, &bs) < 0 || bs <= 0 || bs > 65536)
		bs = FALLBACK_BLOCK;
	rc = -posix_memalign(&buf, FALLBACK_BLOCK > bs ? FALLBACK_BLOCK : bs, bs);
	if (rc < 0)
		goto out_close;
	rc = timed_reads(fd, buf, bs, io_num, timeout_ms, us);
	if (rc == 0)
		rc = prio_latency_eval(us, io_num, base, prio);
	free(buf);
out_close:
	close(fd);
	return rc;
}
