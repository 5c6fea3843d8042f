/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A small pool of threads for work that may block on a device and that the
 * checker loop must never wait for: a prioritizer's SG_IO to a path whose
 * transport hangs (an iSCSI session in recovery, an FC remote port blocked
 * until dev_loss_tmo) blocks for as long as the transport stays down, since
 * the kernel does not run a command's timer while its queue is blocked.
 *
 * Work items are keyed (a path's devt). One item per key waits in the
 * queue: a second post of a waiting key only ORs its flag in. An item whose
 * key is running waits until that run is over, so a hung device holds one
 * worker, never all of them. Workers start on demand, up to max_workers,
 * and stay until workq_stop().
 *
 * Threads and locking: any thread may post; fn runs on a worker with no
 * lock of the queue held (it takes the caller's own locks). One leaf mutex
 * guards the queue; nothing blocks while holding it. Workers inherit the
 * signal mask of the thread whose post started them.
 *
 * Errors: 0 or -errno; nothing logs.
 */
#ifndef MPATHD_WORKQ_H
#define MPATHD_WORKQ_H

#include <stdbool.h>
#include <time.h>

enum { WORKQ_KEY_SIZE = 32 };

struct workq;

/* The work: key as posted, flag the OR of the flags of the merged posts. */
typedef void (*workq_fn)(void *ctx, const char *key, bool flag);

/* A queue running fn(ctx, ...) on up to max_workers threads (at least 1),
 * named name (at most 15 bytes). Returns 0 and *out, or -ENOMEM. No thread
 * starts before the first post. */
int workq_new(const char *name, workq_fn fn, void *ctx, unsigned max_workers,
	      struct workq **out);

/* Queue key (truncated to WORKQ_KEY_SIZE - 1 bytes). Returns 0, -ENOMEM,
 * -ESHUTDOWN after workq_stop(), or -errno of pthread_create() when no
 * worker exists and none can start. */
int workq_post(struct workq *q, const char *key, bool flag);

/* Items waiting now (running ones not counted). */
unsigned workq_waiting(struct workq *q);

/*
 * Stop: waiting items are dropped, no new item starts, and the running ones
 * are waited for until deadline (CLOCK_REALTIME). Returns true when every
 * worker was joined; q is freed then. false: a worker is still inside fn
 * (blocked on its device); q stays valid, and workq_stop() may be called
 * again later to join the rest and free it. NULL: true.
 */
bool workq_stop(struct workq *q, const struct timespec *deadline);

#endif
