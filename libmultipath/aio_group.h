/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * aio_group: libaio contexts shared by every user of direct asynchronous
 * reads in the process (the directio checker, io_err_stat).
 *
 * Model
 *   A set (struct aio_group_set) holds groups. A group is one kernel AIO
 *   context made with io_setup(AIO_GROUP_SLOTS) and AIO_GROUP_SLOTS slots.
 *   A slot (struct aio_slot) is one iocb plus one read buffer; a user takes
 *   a slot once (a checker on creation) and reuses it for every read, so
 *   no context is created or destroyed per IO. A new group (io_setup) is
 *   made only when every slot of every group is taken; a group is
 *   destroyed (io_destroy) only when nothing in it is held or in flight:
 *   by aio_group_reset(), or at once when its last orphan completes.
 *   Every iocb signals one eventfd per set, so one wait covers all groups.
 *
 * Ownership
 *   A slot owns its buffer (AIO_GROUP_ALIGN-aligned, from posix_memalign)
 *   and its iocb; the caller borrows the buffer through aio_group_slot_buf()
 *   while it holds the slot. aio_group_slot_put() with a read in flight
 *   tries io_cancel() and, unless that completes the read at once, turns the
 *   slot into an orphan: the buffer and iocb stay with the group (the
 *   kernel may still write into the buffer) and are freed when the
 *   completion is reaped. The caller may close its fd right after the put:
 *   the kernel keeps its own reference to the file while the read runs.
 *
 * Threads and locking
 *   Each set has one mutex. Every function may be called from any thread;
 *   a given slot must be used by one thread at a time (its owner).
 *   Completions are reaped by whichever thread calls into the set and are
 *   dispatched to their slot (iocb->data points to it); the owner sees the
 *   result at its next aio_group_poll(). Waiting threads take turns: one
 *   sleeps on the eventfd without the lock, the others on a condition
 *   variable, so a completion reaped for another thread's slot wakes it.
 *   The set mutex is a leaf: it is taken after any lock of the caller
 *   (vectors lock, io_err_stat lock) and nothing else is locked or called
 *   back while it is held. io_submit() and the waits run without it.
 *   Do not hold a lock that other threads need across a waiting call
 *   (non-NULL deadline): it sleeps up to that deadline.
 *
 * Errors
 *   0 or a positive count on success, -errno on failure; output parameters
 *   are written only on success. io_setup() failing with EAGAIN (the
 *   system-wide fs.aio-max-nr limit reached) is returned as -EAGAIN;
 *   aio_group_errmsg() gives the text to log. Logging here is at levels
 *   3 and 4 only (details, debug).
 */
#ifndef MP_AIO_GROUP_H
#define MP_AIO_GROUP_H

#include <stddef.h>
#include <sys/types.h>
#include <time.h>

enum {
	AIO_GROUP_SLOTS = 1024,	     /* slots per group = io_setup() nr_events */
	AIO_GROUP_ALIGN = 4096,	     /* buffer alignment, enough for O_DIRECT */
	AIO_GROUP_MAX_BUF = 1 << 20, /* largest buffer of one slot */
};

struct aio_group_set;
struct aio_slot;

/* Counters of a set, for tests and diagnostics. */
struct aio_group_stats {
	unsigned groups;   /* AIO contexts alive */
	unsigned held;	   /* slots taken by an owner */
	unsigned orphans;  /* slots given back with a read still in flight */
	unsigned inflight; /* reads submitted and not reaped yet (owned + orphaned) */
};

/*
 * The process-wide set, used by the directio checker and io_err_stat.
 * Created on first use (an eventfd; groups come later). Returns 0 and
 * *out, or -errno (eventfd failure) on every call after a failed creation.
 */
int aio_group_default(struct aio_group_set **out);

/* A private set, e.g. for a test. 0 or -errno. */
int aio_group_set_new(struct aio_group_set **out);
/*
 * Free a private set (the default one is never freed: ignored). Its slots
 * must all have been given back. Groups with
 * orphans still in flight are left to the kernel (not destroyed, their
 * memory is not freed: io_destroy would wait for the stuck reads). NULL ok.
 */
void aio_group_set_free(struct aio_group_set *set);

/*
 * Take a slot with a buffer of buflen bytes (1..AIO_GROUP_MAX_BUF), in
 * the first group with a free slot, or in a new group. Returns 0 and *out,
 * -EINVAL, -ENOMEM, -EAGAIN (fs.aio-max-nr exhausted) or another io_setup
 * error. Reaps pending completions on the way.
 */
int aio_group_slot_get(struct aio_group_set *set, size_t buflen, struct aio_slot **out);

/*
 * Give a slot back. Idle or completed: freed now. Read in flight: io_cancel
 * is tried; if it does not complete the read at once, the slot becomes an
 * orphan (see Ownership). *slot must not be used afterwards. NULL ok.
 */
void aio_group_slot_put(struct aio_slot *slot);

/* The slot's buffer and its size; valid while the caller holds the slot. */
void *aio_group_slot_buf(const struct aio_slot *slot);
size_t aio_group_slot_buflen(const struct aio_slot *slot);

/*
 * Submit a read of len bytes (<= buflen) at offset from fd into the slot's
 * buffer. Returns 0, -EBUSY (a read of this slot is still in flight; a
 * completed but unread result is discarded instead), -EINVAL, or the
 * io_submit error. The slot is idle again after an error.
 */
int aio_group_submit(struct aio_slot *slot, int fd, size_t len, off_t offset);
/* The same with RWF_* flags for the read (aio_rw_flags): with RWF_NOWAIT a
 * read the device cannot queue at once fails with -EAGAIN (at the submit or
 * as its result) instead of sleeping in io_submit(). */
int aio_group_submit_flags(struct aio_slot *slot, int fd, size_t len, off_t offset,
			   int rw_flags);

/*
 * Submit n reads at once: slots[i] reads len bytes at offs[i] from fd into
 * its buffer, with rw_flags; one io_submit() per run of slots in the same
 * group. Returns how many were submitted (slots[0] to slots[k-1]; the
 * others stay idle), or, when not even slots[0] was, -EBUSY, -EINVAL or
 * its io_submit error.
 */
int aio_group_submit_many(struct aio_slot *const *slots, size_t n, int fd, size_t len,
			  const off_t *offs, int rw_flags);

/*
 * Collect the result of the slot's read. Reaps the set, then, while the
 * read is in flight and deadline (absolute, CLOCK_MONOTONIC) is not NULL
 * and not reached, waits. Returns 1 with *res set (bytes read, or -errno
 * of the failed read; the slot becomes idle), 0 while in flight,
 * -ENODATA when no read was submitted since the last result.
 */
int aio_group_poll(struct aio_slot *slot, const struct timespec *deadline, long *res);

/*
 * aio_group_poll() without reaping and without waiting: the result if some
 * call into the set (aio_group_wait() with a NULL deadline, say) has
 * reaped it already. No system call: for a user with many slots, after
 * one aio_group_wait().
 */
int aio_group_take(struct aio_slot *slot, long *res);

/*
 * Ask the kernel to cancel the slot's read. Returns 0 when it is cancelled
 * now (the next aio_group_poll() returns it with the cancelled result),
 * -ENODATA when nothing is in flight, or the io_cancel error: typically
 * -EINVAL (block device reads cannot be cancelled) or -EINPROGRESS (the
 * completion will come through the ring). The read stays in flight then.
 */
int aio_group_cancel(struct aio_slot *slot);

/*
 * Wait until at least one read of the set completes (and is dispatched to
 * its slot) or deadline passes (NULL: only reap what is ready). Returns the
 * number of completions reaped by any thread meanwhile (0 on timeout).
 * For users with many slots (io_err_stat): wait (or only reap), then
 * aio_group_take() each slot.
 */
int aio_group_wait(struct aio_group_set *set, const struct timespec *deadline);

/*
 * For reconfigure: reap, then destroy the groups that hold no slot and no
 * read in flight. Groups in use stay. Returns the number destroyed.
 */
int aio_group_reset(struct aio_group_set *set);

/* Fill *st (after reaping). 0. */
int aio_group_stats(struct aio_group_set *set, struct aio_group_stats *st);

/*
 * A message for a -errno returned here, for the caller's log line, e.g.
 * "fs.aio-max-nr exhausted: cannot create an AIO context (raise the
 * fs.aio-max-nr sysctl)" for -EAGAIN. Static string, never NULL.
 */
const char *aio_group_errmsg(int err);

#endif
