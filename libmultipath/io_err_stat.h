/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * io_err_stat: intermittent IO error accounting (the sampler).
 *
 * Model
 *   One struct io_err_stat per daemon tracks paths by devt. A tracked path
 *   is in one of three states:
 *     suspect   it failed once; a second failure within
 *               double_failed_time makes it flaky (not held);
 *     sampling  flaky: the caller failed it in the kernel and must not
 *               reinstate it (held); a window of sample_time seconds of
 *               direct reads measures its error rate;
 *     held      the last window's rate was above the threshold (or the
 *               device could not be opened, or no read completed): held
 *               for recovery_time seconds, the last sample_time seconds of
 *               which are the next window (all of it when recovery_time is
 *               shorter), so a path healed at time T is judged good by
 *               T + sample_time + recovery_time at the latest.
 *   A window whose rate (errors x 1000 / IOs, rounded up, so any error is
 *   at least 1) is <= rate_threshold releases the path: it is no longer
 *   tracked and io_err_stat_is_held() returns false, so the checker loop
 *   reinstates it at its next tick. Untracked paths are "-".
 *
 * Sampling
 *   Per sampled path: the device opened O_RDONLY|O_DIRECT, IES_SLOTS slots
 *   of one logical block (BLKSSZGET, 512 if unknown) from the aio_group
 *   set. Every IES_TICK_MS each idle slot is resubmitted at a pseudo-random
 *   block-aligned offset over the whole device (BLKGETSIZE64), so the
 *   nominal rate is IES_SLOTS * 1000 / IES_TICK_MS reads per second per
 *   path. A read counts as one IO when it completes or times out, and as an
 *   error when it fails, returns less than a block, or times out (timeout:
 *   io_timeout, capped at sample_time / 2). A timed-out read is counted
 *   once, cancelled if the kernel allows, and its slot stays reserved until
 *   the kernel completes it (that late result is not counted). At the end
 *   of the window reads in flight for at least the timeout are errors (the
 *   same rule), younger ones are not counted. A failed submission (EAGAIN,
 *   no slot, fs.aio-max-nr) is "not sampled": neither an IO nor a success,
 *   retried at the next tick. Reads are submitted with RWF_NOWAIT: a read
 *   the device cannot queue at once (its queue or the host's is full, as
 *   when many paths of one HBA are sampled) ends with -EAGAIN and is "not
 *   sampled" too, instead of the thread sleeping in io_submit(). A window with no IO counted is bad. A window
 *   keeps the parameters it started with; changes apply from the next one.
 *
 * Threads and locking
 *   One sampling thread per io_err_stat, started on first need (the first
 *   flaky path) and stopped by io_err_stat_free() (a stop flag and an
 *   eventfd; never cancelled). It runs io_err_stat_tick() at each deadline
 *   and sleeps in between; a tick reaps every completion at once, counts,
 *   and submits each path's reads with one io_submit(). Nothing in it
 *   waits for a device, so no path can stall another.
 *   The module has one mutex. Every function may be called from any thread,
 *   also with the daemon's vectors lock held (order: vectors lock, then the
 *   io_err_stat lock; never the reverse). No function blocks on IO: the
 *   thread opens devices and submits reads without the lock, holds it only
 *   to publish counters and verdicts, and never calls into the daemon.
 *   The aio_group set lock is a leaf below ours.
 *
 * Ownership
 *   Devnode strings and params are copied. The thread owns the samplers
 *   (fd, slots); releasing or removing a path only detaches its sampler,
 *   which the thread frees at its next tick (<= IES_TICK_MS): slots with a
 *   read in flight go back to aio_group as orphans, freed when the kernel
 *   completes them, and the fd is closed. io_err_stat_free() does the same
 *   for every path after joining the thread. The aio_group set must
 *   outlive the io_err_stat.
 *
 * Logging
 *   Every transition (suspect, flaky/isolated, window start, verdict with
 *   errors/IOs/rate/threshold, release and why) is logged at verbosity 2
 *   with the path name: this module owns that policy. Details at 3 and 4.
 *   Messages are logged with the io_err_stat lock held (from the caller's
 *   thread or the sampling thread): the log sink must not take the vectors
 *   lock or call back into this module.
 *
 * Errors
 *   0 (or a count / enum value) on success, -errno on failure; output
 *   parameters are written only on success.
 */
#ifndef MP_IO_ERR_STAT_H
#define MP_IO_ERR_STAT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

struct aio_group_set;
struct strbuf;
struct io_err_stat;

enum {
	IES_SLOTS = 32,	   /* reads in flight per sampled path */
	IES_TICK_MS = 100, /* resubmission period */
};

struct ies_params {
	int sample_time;	/* s, <= 0: off */
	int rate_threshold;	/* permille 0..1000, < 0: off; 0: no error tolerated */
	int recovery_time;	/* s, <= 0: off */
	int double_failed_time; /* s: two failures within this many seconds make a path flaky */
	int io_timeout;		/* s: the path's checker_timeout (<= 0: sample_time / 2);
				   capped at sample_time / 2 */
};

/* The feature is on when sample time, threshold and recovery time are all set. */
static inline bool ies_params_enabled(const struct ies_params *p)
{
	return p && p->sample_time > 0 && p->rate_threshold >= 0 && p->rate_threshold <= 1000 &&
	       p->recovery_time > 0;
}

/*
 * Create the tracker. set NULL: aio_group_default(). No thread yet.
 * Returns 0 and *out, or -errno (-ENOMEM, eventfd or aio_group failure).
 */
int io_err_stat_new(struct aio_group_set *set, struct io_err_stat **out);

/*
 * Stop and join the thread, then give every sampled path's reads back to
 * aio_group (orphans if in flight), close the fds, free everything. NULL ok.
 * Waits up to about IES_TICK_MS for the thread (it never takes the
 * vectors lock, so holding that lock here cannot deadlock, only delay).
 */
void io_err_stat_free(struct io_err_stat *ies);

enum ies_verdict {
	IES_IGNORED, /* feature off, or the path is already flaky / sampled / held */
	IES_COUNTED, /* a first failure, or a second one while it is the last usable path */
	IES_FLAKY,   /* the path is now held and queued for sampling: send fail_path */
};

/*
 * A PATH_FAILED uevent for this path (devnode like "/dev/sdb", copied).
 * Feature off -> IES_IGNORED. Already flaky, sampled or held -> IES_IGNORED
 * (our own fail_path produces a PATH_FAILED too). A failure at most
 * double_failed_time seconds after the first one -> flaky: unless
 * last_usable (then the count restarts, IES_COUNTED), the path becomes
 * held, its sampling is queued (the thread is started if needed) and
 * IES_FLAKY is returned: the caller must fail it in the kernel. Otherwise
 * the count (re)starts at this failure: IES_COUNTED. The params are
 * stored as with io_err_stat_set_params(). -ENOMEM, or -errno when the
 * thread cannot be started (the path is then not held).
 */
int io_err_stat_path_failed(struct io_err_stat *ies, dev_t devt, const char *devnode,
			    const struct ies_params *p, bool last_usable);

/* True while the path is flaky/sampled or held: do not reinstate it. */
bool io_err_stat_is_held(struct io_err_stat *ies, dev_t devt);

/*
 * Stop tracking the path now (admin `reinstate path`, or every other path
 * of its map failed): cancels its sampling; logs "released (why)" if it was
 * held. 0, or -ENOENT when it is not tracked.
 */
int io_err_stat_release(struct io_err_stat *ies, dev_t devt, const char *why);

/* The path is gone: cancel its sampling, forget it. Quiet if untracked. */
void io_err_stat_path_removed(struct io_err_stat *ies, dev_t devt);

/*
 * Reconfigure: the new values apply from the next window (and to the
 * suspicion window and hold durations decided from now on). Feature off:
 * the path is released. Untracked: nothing to do.
 */
void io_err_stat_set_params(struct io_err_stat *ies, dev_t devt, const struct ies_params *p);

/*
 * The path's state for the wildcard, written to buf (truncated to size):
 * "sampling 12/30s 3/2250" (elapsed/sample seconds, errors/IOs so far),
 * "held 40s 61/1000" (seconds left, last rate permille; "-/1000" when the
 * last window counted no IO), "suspect 1" (failures in the window), "-".
 * Returns the length of the full text, or -EINVAL when size is 0.
 */
int io_err_stat_path_status(struct io_err_stat *ies, dev_t devt, char *buf, size_t size);

/*
 * `multipathd show io_err_stat`: a header, then one line per tracked path:
 * devt, name, failures seen, windows run, last rate (permille or "-"),
 * and the status text above. Returns the number of paths, or -ENOMEM.
 */
int io_err_stat_show(struct io_err_stat *ies, struct strbuf *out);

/*
 * Test and embedding seam.
 *
 * io_err_stat_new_manual(): like io_err_stat_new() but no thread is ever
 * started: the caller drives io_err_stat_tick() itself.
 *
 * io_err_stat_tick(): one step of the sampler at time now
 * (CLOCK_MONOTONIC): starts queued windows and windows whose hold expired
 * (opening the device), collects completions, counts timeouts, submits the
 * idle slots of every path whose IES_TICK_MS period came, ends windows and
 * publishes verdicts, frees the samplers of released/removed paths. Only
 * one thread may tick at a time. Writes *next: when to tick again, or
 * {0, 0} when nothing is scheduled (a new flaky path then needs a tick).
 * Returns the number of paths being sampled.
 */
int io_err_stat_new_manual(struct aio_group_set *set, struct io_err_stat **out);
int io_err_stat_tick(struct io_err_stat *ies, const struct timespec *now, struct timespec *next);

#endif
