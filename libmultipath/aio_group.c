// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Shared libaio contexts; see aio_group.h for the model.
 *
 * Slot states: FREE (in the group's free list, no buffer), IDLE (held, no
 * read), INFLIGHT (submitted, not reaped), DONE (reaped, result unread).
 * An orphan is an INFLIGHT slot nobody holds any more.
 * Group counters: held + orphans + free slots == AIO_GROUP_SLOTS, and
 * inflight <= held + orphans. Everything below is guarded by set->lock,
 * except the group's ctx (constant) and the slot's iocb between the
 * INFLIGHT transition and io_submit() (no one else looks at it then).
 */
#include <errno.h>
#include <libaio.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "aio_group.h"
#include "util/log.h"
#include "util/time.h"
#include "util/vector.h"

enum slot_state { SLOT_FREE = 0, SLOT_IDLE, SLOT_INFLIGHT, SLOT_DONE };

/* io_events per io_getevents(); iocbs per io_submit() */
enum { REAP_BATCH = 256, SUBMIT_BATCH = 64 };

struct aio_group;

struct aio_slot {
	struct iocb iocb; /* iocb.data points to this slot */
	struct aio_group *group;
	struct aio_slot *next_free;
	void *buf;
	size_t buflen;
	long res;
	enum slot_state state;
	bool orphan;
};

struct aio_group {
	struct aio_group_set *set;
	io_context_t ctx;
	unsigned held, orphans, inflight;
	struct aio_slot *free;
	struct aio_slot slots[AIO_GROUP_SLOTS];
};

VECTOR_DEFINE(aio_groupvec, struct aio_group *)

struct aio_group_set {
	pthread_mutex_t lock;
	pthread_cond_t cond;  /* broadcast after completions are dispatched */
	int efd;	      /* signalled by every completion of the set */
	bool waiting;	      /* a thread sleeps on efd (the others on cond) */
	unsigned long reaped; /* completions dispatched so far */
	struct aio_groupvec groups;
};

static struct aio_group_set default_set;
static pthread_once_t default_once = PTHREAD_ONCE_INIT;
static int default_err;

/* ---- set life cycle ---- */

static int set_init(struct aio_group_set *set)
{
	pthread_condattr_t attr;
	int rc;

	set->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (set->efd < 0)
		return -errno;
	rc = pthread_condattr_init(&attr);
	if (rc)
		goto close_efd;
	rc = pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	if (!rc)
		rc = pthread_cond_init(&set->cond, &attr);
	pthread_condattr_destroy(&attr);
	if (rc)
		goto close_efd;
	rc = pthread_mutex_init(&set->lock, NULL);
	if (rc)
		goto destroy_cond;
	return 0;

destroy_cond:
	pthread_cond_destroy(&set->cond);
close_efd:
	close(set->efd);
	set->efd = -1;
	return -rc;
}

static void default_init(void)
{
	default_err = set_init(&default_set);
}

int aio_group_default(struct aio_group_set **out)
{
	pthread_once(&default_once, default_init);
	if (default_err)
		return default_err;
	*out = &default_set;
	return 0;
}

int aio_group_set_new(struct aio_group_set **out)
{
	struct aio_group_set *set = calloc(1, sizeof(*set));
	int rc;

	if (!set)
		return -ENOMEM;
	rc = set_init(set);
	if (rc < 0) {
		free(set);
		return rc;
	}
	*out = set;
	return 0;
}

/* ---- groups ---- */

static int group_new_locked(struct aio_group_set *set, struct aio_group **out)
{
	struct aio_group *g = calloc(1, sizeof(*g));
	int rc;

	if (!g)
		return -ENOMEM;
	rc = io_setup(AIO_GROUP_SLOTS, &g->ctx);
	if (rc < 0) {
		mp_log(3, "aio_group: io_setup(%d): %s", AIO_GROUP_SLOTS, aio_group_errmsg(rc));
		goto free_group;
	}
	rc = aio_groupvec_push(&set->groups, g);
	if (rc < 0)
		goto destroy_ctx;
	g->set = set;
	for (unsigned i = AIO_GROUP_SLOTS; i-- > 0;) {
		g->slots[i].group = g;
		g->slots[i].next_free = g->free;
		g->free = &g->slots[i];
	}
	mp_log(4, "aio_group: new group %zu", set->groups.n);
	*out = g;
	return 0;

destroy_ctx:
	io_destroy(g->ctx);
free_group:
	free(g);
	return rc;
}

/* Only for a group with nothing held and nothing in flight. */
static void group_destroy_locked(struct aio_group_set *set, size_t idx)
{
	struct aio_group *g = set->groups.items[idx];
	int rc = io_destroy(g->ctx);

	if (rc < 0)
		mp_log(3, "aio_group: io_destroy: %s", aio_group_errmsg(rc));
	free(g);
	aio_groupvec_remove(&set->groups, idx);
	if (!set->groups.n)
		aio_groupvec_release(&set->groups);
}

static void slot_release_locked(struct aio_slot *s)
{
	struct aio_group *g = s->group;

	free(s->buf);
	s->buf = NULL;
	s->buflen = 0;
	s->state = SLOT_FREE;
	s->orphan = false;
	s->next_free = g->free;
	g->free = s;
}

/* ---- reaping ---- */

/* Hand one completion to its slot; frees orphans. True if it was an orphan. */
static bool dispatch_locked(struct aio_group *g, const struct io_event *ev)
{
	struct aio_slot *s = ev->data;

	if (!s || s->group != g || s->state != SLOT_INFLIGHT) {
		mp_log(4, "aio_group: stray completion ignored");
		return false;
	}
	g->inflight--;
	g->set->reaped++;
	if (s->orphan) {
		g->orphans--;
		slot_release_locked(s);
		return true;
	}
	s->res = (long)ev->res;
	s->state = SLOT_DONE;
	return false;
}

/* Reap one group without blocking. Returns completions, or -1 when the
 * group was destroyed (its last orphan completed and nothing is held). */
static int group_reap_locked(struct aio_group_set *set, size_t idx)
{
	struct aio_group *g = set->groups.items[idx];
	struct io_event ev[REAP_BATCH];
	struct timespec zero = {0, 0};
	bool orphan_done = false;
	int total = 0, n;

	do {
		n = io_getevents(g->ctx, 0, REAP_BATCH, ev, &zero);
		for (int i = 0; i < n; i++)
			orphan_done |= dispatch_locked(g, &ev[i]);
		if (n > 0)
			total += n;
	} while (n == REAP_BATCH && g->inflight);
	if (n < 0)
		mp_log(4, "aio_group: io_getevents: %s", aio_group_errmsg(n));
	if (orphan_done && !g->held && !g->orphans) {
		group_destroy_locked(set, idx);
		return -1;
	}
	return total;
}

/*
 * Reap every group if the eventfd says something completed since the last
 * look. Wakes the waiters when something was dispatched, including a
 * thread asleep on the eventfd whose signal this call consumed.
 */
static void reap_locked(struct aio_group_set *set)
{
	unsigned long before = set->reaped;
	uint64_t cnt;

	if (read(set->efd, &cnt, sizeof(cnt)) != sizeof(cnt))
		return;
	for (size_t i = 0; i < set->groups.n;) {
		if (!set->groups.items[i]->inflight) {
			i++;
			continue;
		}
		if (group_reap_locked(set, i) >= 0)
			i++;
	}
	if (set->reaped == before)
		return;
	pthread_cond_broadcast(&set->cond);
	if (set->waiting) {
		cnt = 1;
		if (write(set->efd, &cnt, sizeof(cnt)) != sizeof(cnt))
			mp_log(4, "aio_group: eventfd write failed");
	}
}

/* Sleep on the eventfd until it is signalled or deadline; no lock held. */
static void efd_sleep(int efd, const struct timespec *deadline)
{
	struct pollfd pfd = {.fd = efd, .events = POLLIN};
	struct timespec left = ts_left(deadline);

	if (ppoll(&pfd, 1, &left, NULL) < 0 && errno != EINTR)
		mp_log(4, "aio_group: ppoll: %m");
}

typedef bool wait_done_fn(const struct aio_group_set *set, const void *arg);

/*
 * Wait with set->lock held until done() or the deadline. One thread at a
 * time sleeps on the eventfd and reaps; the others wait for its broadcast
 * and take over when it leaves.
 */
static void wait_locked(struct aio_group_set *set, const struct timespec *deadline,
			wait_done_fn *done, const void *arg)
{
	while (!done(set, arg) && !ts_passed(deadline)) {
		if (set->waiting) {
			pthread_cond_timedwait(&set->cond, &set->lock, deadline);
			continue;
		}
		set->waiting = true;
		pthread_mutex_unlock(&set->lock);
		efd_sleep(set->efd, deadline);
		pthread_mutex_lock(&set->lock);
		set->waiting = false;
		reap_locked(set);
		/* let a follower take over the eventfd if we are done */
		pthread_cond_broadcast(&set->cond);
	}
}

static bool slot_settled(const struct aio_group_set *set, const void *arg)
{
	const struct aio_slot *s = arg;

	(void)set;
	return s->state != SLOT_INFLIGHT;
}

static bool reaped_since(const struct aio_group_set *set, const void *arg)
{
	return set->reaped != *(const unsigned long *)arg;
}

/* ---- public ---- */

int aio_group_slot_get(struct aio_group_set *set, size_t buflen, struct aio_slot **out)
{
	struct aio_group *g = NULL;
	struct aio_slot *s;
	void *buf;
	int rc;

	if (!buflen || buflen > AIO_GROUP_MAX_BUF)
		return -EINVAL;
	rc = posix_memalign(&buf, AIO_GROUP_ALIGN, buflen);
	if (rc)
		return -rc;
	memset(buf, 0, buflen);
	pthread_mutex_lock(&set->lock);
	reap_locked(set);
	for (size_t i = 0; i < set->groups.n && !g; i++)
		if (set->groups.items[i]->free)
			g = set->groups.items[i];
	if (!g) {
		rc = group_new_locked(set, &g);
		if (rc < 0)
			goto unlock;
	}
	s = g->free;
	g->free = s->next_free;
	s->next_free = NULL;
	s->buf = buf;
	s->buflen = buflen;
	s->state = SLOT_IDLE;
	g->held++;
	*out = s;
unlock:
	pthread_mutex_unlock(&set->lock);
	if (rc < 0)
		free(buf);
	return rc;
}

void aio_group_slot_put(struct aio_slot *s)
{
	struct aio_group_set *set;
	struct aio_group *g;
	struct io_event ev;
	int rc;

	if (!s)
		return;
	g = s->group;
	set = g->set;
	pthread_mutex_lock(&set->lock);
	g->held--;
	if (s->state != SLOT_INFLIGHT) {
		slot_release_locked(s);
		goto unlock;
	}
	rc = io_cancel(g->ctx, &s->iocb, &ev);
	if (!rc) {
		/* cancelled and handed back here, not through the ring */
		g->inflight--;
		slot_release_locked(s);
		goto unlock;
	}
	mp_log(4, "aio_group: io_cancel: %s; read left as an orphan", aio_group_errmsg(rc));
	s->orphan = true;
	g->orphans++;
unlock:
	pthread_mutex_unlock(&set->lock);
}

void *aio_group_slot_buf(const struct aio_slot *s)
{
	return s->buf;
}

size_t aio_group_slot_buflen(const struct aio_slot *s)
{
	return s->buflen;
}

int aio_group_submit(struct aio_slot *s, int fd, size_t len, off_t offset)
{
	return aio_group_submit_flags(s, fd, len, offset, 0);
}

int aio_group_submit_flags(struct aio_slot *s, int fd, size_t len, off_t offset, int rw_flags)
{
	int rc = aio_group_submit_many(&s, 1, fd, len, &offset, rw_flags);

	return rc == 1 ? 0 : rc;
}

/* Mark up to SUBMIT_BATCH slots from slots[0] that share its group in
 * flight and prepare their iocbs. Returns how many; 0 with *err set when
 * slots[0] cannot take a read. */
static size_t submit_prep_locked(struct aio_slot *const *slots, size_t n, int fd, size_t len,
				 const off_t *offs, int rw_flags, struct iocb **iocbs, int *err)
{
	struct aio_group *g = slots[0]->group;
	size_t k = 0;

	for (; k < n && k < SUBMIT_BATCH && slots[k]->group == g; k++) {
		struct aio_slot *s = slots[k];

		if (len > s->buflen || offs[k] < 0) {
			*err = -EINVAL;
			break;
		}
		if (s->state == SLOT_INFLIGHT) {
			*err = -EBUSY;
			break;
		}
		io_prep_pread(&s->iocb, fd, s->buf, len, offs[k]);
		s->iocb.aio_rw_flags = rw_flags;
		io_set_eventfd(&s->iocb, g->set->efd);
		s->iocb.data = s;
		s->state = SLOT_INFLIGHT;
		g->inflight++;
		iocbs[k] = &s->iocb;
	}
	return k;
}

int aio_group_submit_many(struct aio_slot *const *slots, size_t n, int fd, size_t len,
			  const off_t *offs, int rw_flags)
{
	struct iocb *iocbs[SUBMIT_BATCH];
	size_t done = 0;
	int err = 0;

	if (!n || !len || fd < 0)
		return -EINVAL;
	while (done < n && !err) {
		struct aio_group *g = slots[done]->group;
		struct aio_group_set *set = g->set;
		size_t k;
		long got;

		pthread_mutex_lock(&set->lock);
		k = submit_prep_locked(slots + done, n - done, fd, len, offs + done, rw_flags, iocbs,
				       &err);
		pthread_mutex_unlock(&set->lock);
		if (!k)
			break;
		got = io_submit(g->ctx, (long)k, iocbs);
		if (got < (long)k) {
			/* the kernel stopped at iocbs[got] (or took none): the
			 * rest are idle again */
			pthread_mutex_lock(&set->lock);
			for (size_t i = got > 0 ? (size_t)got : 0; i < k; i++) {
				slots[done + i]->state = SLOT_IDLE;
				g->inflight--;
			}
			pthread_mutex_unlock(&set->lock);
			err = got < 0 ? (int)got : -EAGAIN;
		}
		if (got > 0)
			done += (size_t)got;
	}
	return done ? (int)done : err;
}

/* The slot's result if it has been reaped; see aio_group_poll(). */
static int take_locked(struct aio_slot *s, long *res)
{
	switch (s->state) {
	case SLOT_DONE:
		*res = s->res;
		s->state = SLOT_IDLE;
		return 1;
	case SLOT_INFLIGHT:
		return 0;
	default:
		return -ENODATA;
	}
}

int aio_group_poll(struct aio_slot *s, const struct timespec *deadline, long *res)
{
	struct aio_group_set *set = s->group->set;
	int rc;

	pthread_mutex_lock(&set->lock);
	reap_locked(set);
	if (deadline)
		wait_locked(set, deadline, slot_settled, s);
	rc = take_locked(s, res);
	pthread_mutex_unlock(&set->lock);
	return rc;
}

int aio_group_take(struct aio_slot *s, long *res)
{
	struct aio_group_set *set = s->group->set;
	int rc;

	pthread_mutex_lock(&set->lock);
	rc = take_locked(s, res);
	pthread_mutex_unlock(&set->lock);
	return rc;
}

int aio_group_cancel(struct aio_slot *s)
{
	struct aio_group_set *set = s->group->set;
	struct io_event ev;
	int rc = -ENODATA;

	pthread_mutex_lock(&set->lock);
	if (s->state != SLOT_INFLIGHT)
		goto unlock;
	rc = io_cancel(s->group->ctx, &s->iocb, &ev);
	if (rc)
		goto unlock;
	s->group->inflight--;
	set->reaped++;
	s->res = -ECANCELED;
	s->state = SLOT_DONE;
unlock:
	pthread_mutex_unlock(&set->lock);
	return rc;
}

int aio_group_wait(struct aio_group_set *set, const struct timespec *deadline)
{
	unsigned long start;
	int n;

	pthread_mutex_lock(&set->lock);
	start = set->reaped;
	reap_locked(set);
	if (deadline)
		wait_locked(set, deadline, reaped_since, &start);
	n = (int)(set->reaped - start);
	pthread_mutex_unlock(&set->lock);
	return n;
}

int aio_group_reset(struct aio_group_set *set)
{
	int n = 0;

	pthread_mutex_lock(&set->lock);
	reap_locked(set);
	for (size_t i = 0; i < set->groups.n;) {
		const struct aio_group *g = set->groups.items[i];

		if (g->held || g->orphans) {
			i++;
			continue;
		}
		group_destroy_locked(set, i);
		n++;
	}
	pthread_mutex_unlock(&set->lock);
	return n;
}

int aio_group_stats(struct aio_group_set *set, struct aio_group_stats *st)
{
	struct aio_group_stats s = {0};

	pthread_mutex_lock(&set->lock);
	reap_locked(set);
	s.groups = (unsigned)set->groups.n;
	for (size_t i = 0; i < set->groups.n; i++) {
		s.held += set->groups.items[i]->held;
		s.orphans += set->groups.items[i]->orphans;
		s.inflight += set->groups.items[i]->inflight;
	}
	pthread_mutex_unlock(&set->lock);
	*st = s;
	return 0;
}

void aio_group_set_free(struct aio_group_set *set)
{
	if (!set || set == &default_set)
		return;
	pthread_mutex_lock(&set->lock);
	reap_locked(set);
	for (size_t i = 0; i < set->groups.n;) {
		if (set->groups.items[i]->inflight) {
			mp_log(3, "aio_group: leaving a context with %u reads in flight",
			       set->groups.items[i]->inflight);
			aio_groupvec_remove(&set->groups, i);
			continue;
		}
		group_destroy_locked(set, i);
	}
	aio_groupvec_release(&set->groups);
	pthread_mutex_unlock(&set->lock);
	pthread_mutex_destroy(&set->lock);
	pthread_cond_destroy(&set->cond);
	close(set->efd);
	free(set);
}

const char *aio_group_errmsg(int err)
{
	switch (err) {
	case -EAGAIN:
		return "fs.aio-max-nr exhausted: cannot create an AIO context of 1024 events "
		       "(raise the fs.aio-max-nr sysctl)";
	case -ENOSYS:
		return "the kernel has no AIO support";
	case -EBUSY:
		return "a read of this slot is still in flight";
	case -ENODATA:
		return "no read in flight";
	default:
		return errno_desc(err < 0 ? -err : err);
	}
}
