// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * io_err_stat: the sampler; see io_err_stat.h for the model.
 *
 * Two kinds of records:
 *   struct ies_path     one per tracked path, in ies->paths, guarded by
 *                       ies->lock; API calls and the tick's publishing
 *                       steps read and write it.
 *   struct ies_sampler  one per sampling window, in ies->active, owned by
 *                       the ticking thread: only it touches the fd, the
 *                       slots and the counters, without the lock. The
 *                       path points to its sampler and the sampler back
 *                       (smp->path, guarded by the lock); an API call that
 *                       stops tracking a path clears smp->path, and the
 *                       next tick frees the detached sampler.
 * A tick: (1, locked) start samplers for queued paths and expired holds,
 * (2, unlocked) open devices, collect, count timeouts, submit, (3, locked)
 * publish counters and verdicts, detach finished samplers, (4, unlocked)
 * free finished and detached samplers.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "aio_group.h"
#include "io_err_stat.h"
#include "util/log.h"
#include "util/time.h"
#include "util/strbuf.h"
#include "util/vector.h"

enum ies_state { IES_SUSPECT, IES_SAMPLING, IES_HELD };

enum slot_state {
	SLOT_IDLE,     /* no read, or no aio slot yet (aio NULL) */
	SLOT_INFLIGHT, /* submitted, not counted yet */
	SLOT_STUCK,    /* timed out and counted; waiting for the kernel */
};

struct ies_slot {
	struct aio_slot *aio;
	enum slot_state state;
	struct timespec since; /* submission time */
};

struct ies_path;

struct ies_sampler {
	/* constant after creation */
	dev_t devt;
	char *devnode;
	const char *name; /* in devnode */
	struct ies_params p;
	unsigned window; /* 1 for the first window of this path */
	/* guarded by ies->lock: NULL once detached */
	struct ies_path *path;
	/* owned by the ticking thread */
	bool started, ended;
	int fd;
	int open_err; /* -errno of open(), 0 */
	unsigned bs;
	uint64_t nblocks;
	uint64_t rng;
	long timeout_ms;
	int rw_flags; /* RWF_NOWAIT, 0 once the device refused it */
	struct timespec start, end, next_submit;
	unsigned ios, errors, timeouts, unsampled;
	struct ies_slot slots[IES_SLOTS];
};

struct ies_path {
	dev_t devt;
	char *devnode;
	const char *name;
	struct ies_params p;
	enum ies_state state;
	unsigned failures; /* in the current suspicion window: 1 */
	unsigned seen;	   /* failures reported while tracked */
	unsigned windows;  /* windows judged */
	int last_rate;	   /* permille of the last window, -1: none or no IO */
	struct timespec first_failure, hold_until;
	struct ies_sampler *smp; /* while sampling; NULL before the thread takes it */
	/* published by the tick while sampling */
	bool win_started;
	struct timespec win_start;
	int win_sample_time;
	unsigned win_ios, win_errors;
};

VECTOR_DEFINE(ies_pathvec, struct ies_path *)
VECTOR_DEFINE(ies_samplervec, struct ies_sampler *)

struct io_err_stat {
	pthread_mutex_t lock;
	struct aio_group_set *set;
	int efd; /* wakes the idle thread: new work or stop */
	bool manual, thread_running;
	bool stop, kick; /* guarded by lock: stop; new work (seen without a syscall) */
	pthread_t thread;
	struct ies_pathvec paths;     /* guarded by lock */
	struct ies_samplervec active; /* the ticking thread's (pushes under lock) */
};

/* ---- time (the rest is util/time.h) ---- */

/* a - b in nanoseconds */
static long long ts_diff_ns(const struct timespec *a, const struct timespec *b)
{
	return (long long)(a->tv_sec - b->tv_sec) * 1000000000LL + (a->tv_nsec - b->tv_nsec);
}

static bool ts_is_zero(const struct timespec *ts)
{
	return !ts->tv_sec && !ts->tv_nsec;
}

/* The earlier of *acc and t; a zero *acc means none yet. */
static void ts_min_into(struct timespec *acc, const struct timespec *t)
{
	if (ts_is_zero(acc) || ts_cmp(t, acc) < 0)
		*acc = *t;
}

/* ---- helpers ---- */

static const char *dev_name(const char *devnode)
{
	const char *slash = strrchr(devnode, '/');

	return slash ? slash + 1 : devnode;
}

/* The read timeout of a window: io_timeout capped at half the sample time. */
static long window_timeout_ms(const struct ies_params *p)
{
	long cap = (long)p->sample_time * 1000 / 2;

	if (p->io_timeout <= 0 || (long)p->io_timeout * 1000 > cap)
		return cap;
	return (long)p->io_timeout * 1000;
}

/* errors x 1000 / ios rounded up (any error is at least 1), -1 when no IO. */
static int rate_permille(unsigned errors, unsigned ios)
{
	if (!ios)
		return -1;
	return (int)(((uint64_t)errors * 1000 + ios - 1) / ios);
}

/* xorshift64*: cheap, good enough to scatter reads over the device */
static uint64_t rng_next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545F4914F6CDD1DULL;
}

/* Called with the lock held. */
static void wake_thread(struct io_err_stat *ies)
{
	uint64_t one = 1;

	ies->kick = true;
	if (write(ies->efd, &one, sizeof(one)) != sizeof(one))
		mp_log(4, "io_err_stat: eventfd write: %m");
}

/* ---- paths (ies->lock held) ---- */

static struct ies_path *path_find_locked(struct io_err_stat *ies, dev_t devt, size_t *idx)
{
	for (size_t i = 0; i < ies->paths.n; i++) {
		if (ies->paths.items[i]->devt == devt) {
			if (idx)
				*idx = i;
			return ies->paths.items[i];
		}
	}
	return NULL;
}

static int path_new_locked(struct io_err_stat *ies, dev_t devt, const char *devnode,
			   struct ies_path **out)
{
	struct ies_path *pp = calloc(1, sizeof(*pp));

	if (!pp)
		return -ENOMEM;
	pp->devnode = strdup(devnode ? devnode : "?");
	if (!pp->devnode)
		goto free_path;
	if (ies_pathvec_push(&ies->paths, pp) < 0)
		goto free_devnode;
	pp->devt = devt;
	pp->name = dev_name(pp->devnode);
	pp->last_rate = -1;
	*out = pp;
	return 0;

free_devnode:
	free(pp->devnode);
free_path:
	free(pp);
	return -ENOMEM;
}

/* Forget the path: detach its sampler (the tick frees it) and free it. */
static void path_drop_locked(struct io_err_stat *ies, size_t idx)
{
	struct ies_path *pp = ies->paths.items[idx];

	if (pp->smp)
		pp->smp->path = NULL;
	ies_pathvec_remove(&ies->paths, idx);
	free(pp->devnode);
	free(pp);
}

static bool suspicion_expired(const struct ies_path *pp, const struct timespec *now)
{
	return pp->state == IES_SUSPECT && ts_diff_ns(now, &pp->first_failure) >
					       (long long)pp->p.double_failed_time * 1000000000LL;
}

/* Drop suspects whose window has passed: a failure now would be a first one. */
static void prune_suspects_locked(struct io_err_stat *ies, const struct timespec *now)
{
	for (size_t i = 0; i < ies->paths.n;) {
		if (suspicion_expired(ies->paths.items[i], now))
			path_drop_locked(ies, i);
		else
			i++;
	}
}

static void release_locked(struct io_err_stat *ies, size_t idx, const char *why)
{
	struct ies_path *pp = ies->paths.items[idx];

	if (pp->state != IES_SUSPECT)
		mp_log(2, "%s: io_err_stat: released (%s) after %u window(s)", pp->name,
		       why ? why : "no reason given", pp->windows);
	else
		mp_log(3, "%s: io_err_stat: suspicion cleared (%s)", pp->name,
		       why ? why : "no reason given");
	path_drop_locked(ies, idx);
}

/* ---- the thread ---- */

static bool stopping(struct io_err_stat *ies)
{
	bool stop;

	pthread_mutex_lock(&ies->lock);
	stop = ies->stop;
	pthread_mutex_unlock(&ies->lock);
	return stop;
}

/* Stop requested or new work queued (consumed). No syscall: called per completion. */
static bool interrupted(struct io_err_stat *ies)
{
	bool r;

	pthread_mutex_lock(&ies->lock);
	r = ies->stop || ies->kick;
	ies->kick = false;
	pthread_mutex_unlock(&ies->lock);
	return r;
}

static void efd_drain(struct io_err_stat *ies)
{
	uint64_t cnt;

	if (read(ies->efd, &cnt, sizeof(cnt)) < 0 && errno != EAGAIN)
		mp_log(4, "io_err_stat: eventfd read: %m");
}

/*
 * Sleep until next (zero: until woken) or until new work or a stop. The
 * reads that complete meanwhile are reaped at the next tick, all at once
 * (one aio_group_wait() without a deadline): waking at every completion
 * cost the thread most of its CPU with thousands of reads a second.
 */
static void thread_sleep(struct io_err_stat *ies, const struct timespec *next)
{
	struct pollfd pfd = {.fd = ies->efd, .events = POLLIN};
	struct timespec left;
	int rc;

	if (ts_is_zero(next)) {
		rc = ppoll(&pfd, 1, NULL, NULL);
	} else {
		left = ts_left(next);
		rc = ts_is_zero(&left) ? 0 : ppoll(&pfd, 1, &left, NULL);
	}
	if (rc < 0 && errno != EINTR)
		mp_log(4, "io_err_stat: ppoll: %m");
	efd_drain(ies);
	interrupted(ies);
}

/*
 * The sampling thread leaves a real-time class it may have inherited
 * (multipathd's): its reads come thousands a second, and the kernel threads
 * that complete them (a driver's, the SCSI error handler) are in the normal
 * class. Measured in the VM: 64 paths sampled at once by a real-time thread
 * starved them, the reads timed out and the error handler aborted every
 * command of the host, the healthy paths' checks included.
 */
static void leave_realtime(void)
{
	struct sched_param sp = {.sched_priority = 0};

	pthread_setschedparam(pthread_self(), SCHED_OTHER, &sp);
}

static void *thread_main(void *arg)
{
	struct io_err_stat *ies = arg;
	struct timespec now, next;

	pthread_setname_np(pthread_self(), "io_err_stat");
	leave_realtime();
	mp_log(3, "io_err_stat: sampling thread started");
	while (!stopping(ies)) {
		now = ts_now();
		io_err_stat_tick(ies, &now, &next);
		thread_sleep(ies, &next);
	}
	mp_log(3, "io_err_stat: sampling thread stopped");
	return NULL;
}

static int thread_ensure_locked(struct io_err_stat *ies)
{
	int rc;

	if (ies->manual || ies->thread_running)
		return 0;
	rc = pthread_create(&ies->thread, NULL, thread_main, ies);
	if (rc)
		return -rc;
	ies->thread_running = true;
	return 0;
}

/* ---- samplers (owned by the ticking thread) ---- */

static int sampler_new_locked(struct io_err_stat *ies, struct ies_path *pp)
{
	struct ies_sampler *smp = calloc(1, sizeof(*smp));

	if (!smp)
		return -ENOMEM;
	smp->devnode = strdup(pp->devnode);
	if (!smp->devnode)
		goto free_smp;
	if (ies_samplervec_push(&ies->active, smp) < 0)
		goto free_devnode;
	smp->devt = pp->devt;
	smp->name = dev_name(smp->devnode);
	smp->p = pp->p;
	smp->window = pp->windows + 1;
	smp->fd = -1;
	smp->timeout_ms = window_timeout_ms(&smp->p);
	smp->rw_flags = RWF_NOWAIT;
	smp->rng = ((uint64_t)pp->devt * 0x9E3779B97F4A7C15ULL) ^ ((uint64_t)smp->window << 32);
	if (!smp->rng)
		smp->rng = 1;
	smp->path = pp;
	pp->smp = smp;
	pp->state = IES_SAMPLING;
	pp->win_started = false;
	pp->win_ios = pp->win_errors = 0;
	pp->win_sample_time = smp->p.sample_time;
	return 0;

free_devnode:
	free(smp->devnode);
free_smp:
	free(smp);
	return -ENOMEM;
}

static void sampler_free(struct ies_sampler *smp)
{
	for (unsigned i = 0; i < IES_SLOTS; i++)
		aio_group_slot_put(smp->slots[i].aio); /* orphaned if in flight */
	if (smp->fd >= 0)
		close(smp->fd);
	free(smp->devnode);
	free(smp);
}

/* Open the device and take the slots. 0, or -errno of open(). */
static int sampler_open(struct io_err_stat *ies, struct ies_sampler *smp)
{
	uint64_t size = 0;
	int bs = 0;

	smp->fd = open(smp->devnode, O_RDONLY | O_DIRECT | O_CLOEXEC | O_NONBLOCK);
	if (smp->fd < 0)
		return -errno;
	if (ioctl(smp->fd, BLKSSZGET, &bs) < 0 || bs <= 0 || bs > AIO_GROUP_MAX_BUF)
		bs = 512;
	smp->bs = (unsigned)bs;
	if (ioctl(smp->fd, BLKGETSIZE64, &size) < 0 || size < smp->bs) {
		mp_log(3, "%s: io_err_stat: device size unknown, reading block 0 only", smp->name);
		size = smp->bs;
	}
	smp->nblocks = size / smp->bs;
	for (unsigned i = 0; i < IES_SLOTS; i++)
		if (aio_group_slot_get(ies->set, smp->bs, &smp->slots[i].aio) < 0)
			smp->slots[i].aio = NULL; /* retried at each tick */
	return 0;
}

/*
 * The window starts now. A device that cannot be opened (an offline SCSI
 * disk refuses open()) is tried again at every tick of the window: a path
 * that flaps is often offline for a moment only. Never opened by the end
 * of the window: judged bad.
 */
static void sampler_start(struct io_err_stat *ies, struct ies_sampler *smp,
			  const struct timespec *now)
{
	smp->started = true;
	smp->start = *now;
	smp->end = ts_add_ms(*now, (long long)smp->p.sample_time * 1000);
	smp->next_submit = *now;
	smp->open_err = sampler_open(ies, smp);
	if (smp->open_err)
		mp_log(2, "%s: io_err_stat: window %u starts: %ds, cannot open %s yet: %s",
		       smp->name, smp->window, smp->p.sample_time, smp->devnode,
		       errno_desc(-smp->open_err));
	else
		mp_log(2,
		       "%s: io_err_stat: window %u starts: %ds of %d reads of %u bytes every "
		       "%dms, timeout %ldms, threshold %d/1000",
		       smp->name, smp->window, smp->p.sample_time, IES_SLOTS, smp->bs,
		       IES_TICK_MS, smp->timeout_ms, smp->p.rate_threshold);
}

static void sampler_count(struct ies_sampler *smp, long res)
{
	smp->ios++;
	if (res != (long)smp->bs) {
		smp->errors++;
		if (res < 0)
			mp_log(4, "%s: io_err_stat: read failed: %s", smp->name,
			       errno_desc((int)-res));
		else
			mp_log(4, "%s: io_err_stat: short read: %ld of %u bytes", smp->name, res,
			       smp->bs);
	}
}

/* Count what completed (reaped at the start of the tick), then what timed out. */
static void sampler_collect(struct ies_sampler *smp, const struct timespec *now)
{
	long long timeout_ns = (long long)smp->timeout_ms * 1000000LL;
	long res;

	for (unsigned i = 0; i < IES_SLOTS; i++) {
		struct ies_slot *sl = &smp->slots[i];

		if (sl->state == SLOT_IDLE)
			continue;
		if (aio_group_take(sl->aio, &res) == 1) {
			if (sl->state == SLOT_INFLIGHT && res == -EAGAIN)
				smp->unsampled++; /* the device queue was full: not a read */
			else if (sl->state == SLOT_INFLIGHT)
				sampler_count(smp, res);
			sl->state = SLOT_IDLE; /* a stuck read: counted already */
			continue;
		}
		if (sl->state != SLOT_INFLIGHT || ts_diff_ns(now, &sl->since) < timeout_ns)
			continue;
		smp->ios++;
		smp->errors++;
		smp->timeouts++;
		sl->state = SLOT_STUCK;
		if (aio_group_cancel(sl->aio) == 0 && aio_group_take(sl->aio, &res) == 1)
			sl->state = SLOT_IDLE;
	}
}

/* Read every idle slot, with one io_submit() for all (see aio_group.h). */
static void sampler_submit(struct io_err_stat *ies, struct ies_sampler *smp,
			   const struct timespec *now)
{
	struct aio_slot *aio[IES_SLOTS];
	struct ies_slot *sl[IES_SLOTS];
	off_t offs[IES_SLOTS];
	size_t n = 0, i = 0;

	for (unsigned k = 0; k < IES_SLOTS; k++) {
		struct ies_slot *s = &smp->slots[k];

		if (s->state != SLOT_IDLE)
			continue;
		if (!s->aio && aio_group_slot_get(ies->set, smp->bs, &s->aio) < 0) {
			s->aio = NULL;
			smp->unsampled++;
			continue;
		}
		sl[n] = s;
		aio[n] = s->aio;
		offs[n++] = (off_t)(rng_next(&smp->rng) % smp->nblocks * smp->bs);
	}
	while (i < n) {
		/* never sleep in io_submit() for a full device queue: that
		 * would hold up every other sampled path (a device without
		 * RWF_NOWAIT support is read without it) */
		int rc = aio_group_submit_many(aio + i, n - i, smp->fd, smp->bs, offs + i,
					       smp->rw_flags);

		if (rc == -EOPNOTSUPP && smp->rw_flags) {
			mp_log(3, "%s: io_err_stat: no RWF_NOWAIT reads, reading without", smp->name);
			smp->rw_flags = 0;
			continue;
		}
		if (rc < 0) { /* this slot's read is refused; the next ones are tried */
			smp->unsampled++;
			mp_log(4, "%s: io_err_stat: submit: %s", smp->name, aio_group_errmsg(rc));
			i++;
			continue;
		}
		for (; rc > 0; rc--, i++) {
			sl[i]->state = SLOT_INFLIGHT;
			sl[i]->since = *now;
		}
	}
}

/* Phase 2 for one sampler: no lock held. */
static void sampler_step(struct io_err_stat *ies, struct ies_sampler *smp,
			 const struct timespec *now)
{
	if (!smp->started)
		sampler_start(ies, smp, now);
	if (smp->ended)
		return;
	sampler_collect(smp, now);
	if (ts_cmp(now, &smp->end) >= 0) {
		smp->ended = true;
		return;
	}
	if (ts_cmp(now, &smp->next_submit) < 0)
		return;
	if (smp->fd < 0)
		smp->open_err = sampler_open(ies, smp);
	if (smp->fd >= 0)
		sampler_submit(ies, smp, now);
	smp->next_submit = ts_add_ms(smp->next_submit, IES_TICK_MS);
	if (ts_cmp(&smp->next_submit, now) <= 0) /* we fell behind: skip, do not burst */
		smp->next_submit = ts_add_ms(*now, IES_TICK_MS);
}

/* ---- verdicts (ies->lock held) ---- */

/* Held for recovery_time: the next window fills its last sample_time
 * seconds (see the header), so hold_until is when that window starts. */
static void hold_locked(struct ies_path *pp, const struct timespec *now)
{
	long long gap = (long long)pp->p.recovery_time - pp->p.sample_time;

	pp->state = IES_HELD;
	pp->hold_until = ts_add_ms(*now, (gap > 0 ? gap : 0) * 1000);
}

/* Judge a finished window and detach the sampler (the path may be dropped). */
static void verdict_locked(struct io_err_stat *ies, struct ies_sampler *smp,
			   const struct timespec *now)
{
	struct ies_path *pp = smp->path;
	int rate = rate_permille(smp->errors, smp->ios);
	size_t idx = 0;

	pp->smp = NULL;
	smp->path = NULL;
	pp->windows++;
	pp->last_rate = rate;
	if (smp->open_err) {
		hold_locked(pp, now);
		mp_log(2,
		       "%s: io_err_stat: window %u: cannot open %s: %s: held for %ds, retried "
		       "at the next window",
		       pp->name, smp->window, smp->devnode, errno_desc(-smp->open_err),
		       pp->p.recovery_time);
		return;
	}
	if (rate < 0) {
		hold_locked(pp, now);
		mp_log(2,
		       "%s: io_err_stat: window %u verdict: no IO completed in %ds (%u not "
		       "sampled): bad, held for %ds",
		       pp->name, smp->window, smp->p.sample_time, smp->unsampled,
		       pp->p.recovery_time);
		return;
	}
	if (rate <= smp->p.rate_threshold) {
		mp_log(2,
		       "%s: io_err_stat: window %u verdict: errors %u/%u IOs (%u timeouts, %u "
		       "not sampled), rate %d/1000 <= threshold %d: good",
		       pp->name, smp->window, smp->errors, smp->ios, smp->timeouts, smp->unsampled,
		       rate, smp->p.rate_threshold);
		if (path_find_locked(ies, pp->devt, &idx) == pp)
			release_locked(ies, idx, "error rate within the threshold");
		return;
	}
	hold_locked(pp, now);
	mp_log(2,
	       "%s: io_err_stat: window %u verdict: errors %u/%u IOs (%u timeouts, %u not "
	       "sampled), rate %d/1000 > threshold %d: bad, held for %ds",
	       pp->name, smp->window, smp->errors, smp->ios, smp->timeouts, smp->unsampled, rate,
	       smp->p.rate_threshold, pp->p.recovery_time);
}

/* Move the samplers whose path is gone (released, removed, judged) to *done. */
static void tick_detach_locked(struct io_err_stat *ies, struct ies_samplervec *done)
{
	for (size_t i = 0; i < ies->active.n;) {
		if (ies->active.items[i]->path ||
		    ies_samplervec_push(done, ies->active.items[i]) < 0)
			i++; /* in use, or freed at a later tick */
		else
			ies_samplervec_remove(&ies->active, i);
	}
}

/* Phase 1: drop detached samplers, start windows for queued paths and expired holds. */
static void tick_start_locked(struct io_err_stat *ies, const struct timespec *now,
			      struct ies_samplervec *done)
{
	tick_detach_locked(ies, done);
	for (size_t i = 0; i < ies->paths.n; i++) {
		struct ies_path *pp = ies->paths.items[i];
		bool due = (pp->state == IES_SAMPLING && !pp->smp) ||
			   (pp->state == IES_HELD && ts_cmp(now, &pp->hold_until) >= 0);

		if (due && sampler_new_locked(ies, pp) < 0)
			mp_log(3, "%s: io_err_stat: out of memory, window postponed", pp->name);
	}
}

/* Phase 3: publish counters, judge ended windows, move finished samplers to *done. */
static void tick_publish_locked(struct io_err_stat *ies, const struct timespec *now,
				struct ies_samplervec *done)
{
	for (size_t i = 0; i < ies->active.n; i++) {
		struct ies_sampler *smp = ies->active.items[i];
		struct ies_path *pp = smp->path;

		if (!pp)
			continue;
		if (smp->ended) {
			verdict_locked(ies, smp, now); /* detaches smp */
			continue;
		}
		pp->win_started = true;
		pp->win_start = smp->start;
		pp->win_ios = smp->ios;
		pp->win_errors = smp->errors;
	}
	tick_detach_locked(ies, done);
}

/* When the next tick is due; {0, 0}: nothing scheduled. */
static struct timespec tick_next_locked(struct io_err_stat *ies)
{
	struct timespec next = {0, 0};

	for (size_t i = 0; i < ies->active.n; i++) {
		const struct ies_sampler *smp = ies->active.items[i];

		ts_min_into(&next, &smp->next_submit);
		ts_min_into(&next, &smp->end);
	}
	for (size_t i = 0; i < ies->paths.n; i++) {
		const struct ies_path *pp = ies->paths.items[i];

		if (pp->state == IES_HELD)
			ts_min_into(&next, &pp->hold_until);
	}
	return next;
}

int io_err_stat_tick(struct io_err_stat *ies, const struct timespec *now, struct timespec *next)
{
	struct ies_samplervec done = {0};
	int sampling;

	pthread_mutex_lock(&ies->lock);
	tick_start_locked(ies, now, &done);
	pthread_mutex_unlock(&ies->lock);

	/* only this thread changes ies->active: safe to walk it unlocked */
	if (ies->active.n)
		aio_group_wait(ies->set, NULL); /* reap: the samplers take their results */
	for (size_t i = 0; i < ies->active.n; i++)
		sampler_step(ies, ies->active.items[i], now);

	pthread_mutex_lock(&ies->lock);
	tick_publish_locked(ies, now, &done);
	*next = tick_next_locked(ies);
	sampling = (int)ies->active.n;
	pthread_mutex_unlock(&ies->lock);

	for (size_t i = 0; i < done.n; i++)
		sampler_free(done.items[i]);
	ies_samplervec_release(&done);
	return sampling;
}

/* ---- public ---- */

static int ies_create(struct aio_group_set *set, bool manual, struct io_err_stat **out)
{
	struct io_err_stat *ies;
	int rc;

	if (!set) {
		rc = aio_group_default(&set);
		if (rc < 0)
			return rc;
	}
	ies = calloc(1, sizeof(*ies));
	if (!ies)
		return -ENOMEM;
	ies->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (ies->efd < 0) {
		rc = -errno;
		goto free_ies;
	}
	rc = -pthread_mutex_init(&ies->lock, NULL);
	if (rc < 0)
		goto close_efd;
	ies->set = set;
	ies->manual = manual;
	*out = ies;
	return 0;

close_efd:
	close(ies->efd);
free_ies:
	free(ies);
	return rc;
}

int io_err_stat_new(struct aio_group_set *set, struct io_err_stat **out)
{
	return ies_create(set, false, out);
}

int io_err_stat_new_manual(struct aio_group_set *set, struct io_err_stat **out)
{
	return ies_create(set, true, out);
}

void io_err_stat_free(struct io_err_stat *ies)
{
	if (!ies)
		return;
	pthread_mutex_lock(&ies->lock);
	ies->stop = true;
	if (ies->thread_running)
		wake_thread(ies);
	pthread_mutex_unlock(&ies->lock);
	if (ies->thread_running)
		pthread_join(ies->thread, NULL);
	/* the thread is gone: the samplers are ours now; paths first (they point to them) */
	while (ies->paths.n)
		path_drop_locked(ies, ies->paths.n - 1);
	ies_pathvec_release(&ies->paths);
	for (size_t i = 0; i < ies->active.n; i++)
		sampler_free(ies->active.items[i]);
	ies_samplervec_release(&ies->active);
	pthread_mutex_destroy(&ies->lock);
	close(ies->efd);
	free(ies);
}

/* The second failure within the window: isolate unless it is the last path. */
static int flaky_locked(struct io_err_stat *ies, size_t idx, const struct timespec *now,
			bool last_usable)
{
	struct ies_path *pp = ies->paths.items[idx];
	double secs = (double)ts_diff_ns(now, &pp->first_failure) / 1e9;
	int rc;

	if (last_usable) {
		mp_log(2,
		       "%s: io_err_stat: failed again after %.1fs (<= %ds) but it is the map's "
		       "last usable path: not isolated, count restarted",
		       pp->name, secs, pp->p.double_failed_time);
		path_drop_locked(ies, idx);
		return IES_COUNTED;
	}
	rc = thread_ensure_locked(ies);
	if (rc < 0) {
		mp_log(3, "%s: io_err_stat: cannot start the sampling thread: %s", pp->name,
		       errno_desc(-rc));
		path_drop_locked(ies, idx);
		return rc;
	}
	pp->state = IES_SAMPLING;
	pp->failures = 0;
	pp->win_started = false;
	pp->win_sample_time = pp->p.sample_time;
	mp_log(2,
	       "%s: io_err_stat: flaky: failed again after %.1fs (<= %ds): isolated, held "
	       "and queued for a %ds sample",
	       pp->name, secs, pp->p.double_failed_time, pp->p.sample_time);
	wake_thread(ies);
	return IES_FLAKY;
}

int io_err_stat_path_failed(struct io_err_stat *ies, dev_t devt, const char *devnode,
			    const struct ies_params *p, bool last_usable)
{
	struct timespec now;
	struct ies_path *pp;
	size_t idx;
	int rc;

	if (!ies_params_enabled(p))
		return IES_IGNORED;
	now = ts_now();
	pthread_mutex_lock(&ies->lock);
	prune_suspects_locked(ies, &now);
	pp = path_find_locked(ies, devt, &idx);
	if (!pp) {
		rc = path_new_locked(ies, devt, devnode, &pp);
		if (rc < 0)
			goto unlock;
		idx = ies->paths.n - 1;
	}
	pp->seen++;
	pp->p = *p;
	if (pp->state != IES_SUSPECT) {
		mp_log(3, "%s: io_err_stat: failure ignored: already %s", pp->name,
		       pp->state == IES_HELD ? "held" : "flaky");
		rc = IES_IGNORED;
	} else if (pp->failures) {
		rc = flaky_locked(ies, idx, &now, last_usable);
	} else {
		pp->failures = 1;
		pp->first_failure = now;
		mp_log(2, "%s: io_err_stat: suspect: failure 1, flaky if it fails again within %ds",
		       pp->name, p->double_failed_time);
		rc = IES_COUNTED;
	}
unlock:
	pthread_mutex_unlock(&ies->lock);
	return rc;
}

bool io_err_stat_is_held(struct io_err_stat *ies, dev_t devt)
{
	const struct ies_path *pp;
	bool held;

	pthread_mutex_lock(&ies->lock);
	pp = path_find_locked(ies, devt, NULL);
	held = pp && pp->state != IES_SUSPECT;
	pthread_mutex_unlock(&ies->lock);
	return held;
}

int io_err_stat_release(struct io_err_stat *ies, dev_t devt, const char *why)
{
	size_t idx;
	int rc = -ENOENT;

	pthread_mutex_lock(&ies->lock);
	if (path_find_locked(ies, devt, &idx)) {
		release_locked(ies, idx, why);
		rc = 0;
	}
	pthread_mutex_unlock(&ies->lock);
	return rc;
}

void io_err_stat_path_removed(struct io_err_stat *ies, dev_t devt)
{
	const struct ies_path *pp;
	size_t idx;

	pthread_mutex_lock(&ies->lock);
	pp = path_find_locked(ies, devt, &idx);
	if (pp) {
		mp_log(pp->state == IES_SUSPECT ? 3 : 2, "%s: io_err_stat: path removed, %s",
		       pp->name, pp->smp ? "sampling cancelled" : "forgotten");
		path_drop_locked(ies, idx);
	}
	pthread_mutex_unlock(&ies->lock);
}

void io_err_stat_set_params(struct io_err_stat *ies, dev_t devt, const struct ies_params *p)
{
	struct ies_path *pp;
	size_t idx;

	pthread_mutex_lock(&ies->lock);
	pp = path_find_locked(ies, devt, &idx);
	if (pp) {
		if (!ies_params_enabled(p))
			release_locked(ies, idx, "io_err_stat turned off");
		else
			pp->p = *p;
	}
	pthread_mutex_unlock(&ies->lock);
}

static void status_locked(const struct ies_path *pp, const struct timespec *now, struct strbuf *sb)
{
	long long ns;

	switch (pp->state) {
	case IES_SUSPECT:
		if (suspicion_expired(pp, now))
			strbuf_addstr(sb, "-");
		else
			strbuf_addf(sb, "suspect %u", pp->failures);
		break;
	case IES_SAMPLING:
		ns = pp->win_started ? ts_diff_ns(now, &pp->win_start) : 0;
		strbuf_addf(sb, "sampling %lld/%ds %u/%u", ns > 0 ? ns / 1000000000LL : 0,
			    pp->win_sample_time, pp->win_errors, pp->win_ios);
		break;
	case IES_HELD:
		/* until the verdict of the window that ends the hold */
		ns = ts_diff_ns(&pp->hold_until, now) + (long long)pp->p.sample_time * 1000000000LL;
		ns = ns > 0 ? (ns + 999999999LL) / 1000000000LL : 0;
		if (pp->last_rate < 0)
			strbuf_addf(sb, "held %llds -/1000", ns);
		else
			strbuf_addf(sb, "held %llds %d/1000", ns, pp->last_rate);
		break;
	}
}

int io_err_stat_path_status(struct io_err_stat *ies, dev_t devt, char *buf, size_t size)
{
	STRBUF_AUTO(sb);
	const struct ies_path *pp;
	struct timespec now = ts_now();
	int len;

	if (!size)
		return -EINVAL;
	pthread_mutex_lock(&ies->lock);
	pp = path_find_locked(ies, devt, NULL);
	if (pp)
		status_locked(pp, &now, &sb);
	pthread_mutex_unlock(&ies->lock);
	len = snprintf(buf, size, "%s", sb.len ? strbuf_str(&sb) : "-");
	return len < 0 ? -EINVAL : len;
}

int io_err_stat_show(struct io_err_stat *ies, struct strbuf *out)
{
	STRBUF_AUTO(sb);
	struct timespec now = ts_now();
	int n = 0;

	if (strbuf_addf(&sb, "%-9s %-10s %8s %7s %5s %s\n", "devt", "dev", "failures", "windows",
			"rate", "state") < 0)
		return -ENOMEM;
	pthread_mutex_lock(&ies->lock);
	for (size_t i = 0; i < ies->paths.n; i++) {
		const struct ies_path *pp = ies->paths.items[i];
		char devt[24], rate[12];

		if (suspicion_expired(pp, &now))
			continue;
		snprintf(devt, sizeof(devt), "%u:%u", major(pp->devt), minor(pp->devt));
		if (pp->last_rate < 0)
			snprintf(rate, sizeof(rate), "-");
		else
			snprintf(rate, sizeof(rate), "%d", pp->last_rate);
		strbuf_addf(&sb, "%-9s %-10s %8u %7u %5s ", devt, pp->name, pp->seen, pp->windows,
			    rate);
		status_locked(pp, &now, &sb);
		strbuf_addch(&sb, '\n');
		n++;
	}
	pthread_mutex_unlock(&ies->lock);
	if (strbuf_add(out, strbuf_str(&sb), sb.len) < 0)
		return -ENOMEM;
	return n;
}
