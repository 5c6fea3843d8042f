/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * multipathd's shared state and the entry points of its threads.
 *
 * Threads (multipathd/README.md has the full model):
 *   main        signals (signalfd): SIGHUP reconfigure, SIGTERM/SIGINT stop,
 *               SIGUSR1 reopen the log; joins the others at stop
 *   dispatcher  uevents, jobs (commands, dm events): the only thread that
 *               adds, frees or regroups paths and maps (dispatch.c, maps.c);
 *               the kernel's path events for io_err_stat (pathevents.c)
 *   checker     a tick a second: path checks, dm fail/reinstate, no_path_retry,
 *               failback, periodic map status (checker.c)
 *   dmevents    every map's dm event counter through DM_DEV_ARM_POLL
 *               (dmevents.c)
 *   listener    the command socket (uxsock.c); commands run in it
 *               (handlers.c), structural ones as dispatcher jobs
 *   prio        up to PRIO_WORKERS threads asking the priorities the checker
 *               wants (workq.h): a prioritizer's SG_IO to a hung path
 *               blocks for as long as its transport is down; also the
 *               WWID rechecks of recheck_wwid (recheck.c)
 *   chkopen     up to CHKOPEN_WORKERS threads making the checkers the checker
 *               wants: open() of a disk waits while its host is in error
 *               handling
 *
 * Locks, in order: path_msg_lock, vecs.lock, then the job queue lock (or
 * io_err_stat's, aio_group's); never the reverse. Nobody holds vecs.lock across blocking IO
 * (device-mapper reloads, udev waits, prioritizer SG_IO): work that needs IO
 * copies what it needs under the lock, does the IO unlocked and publishes
 * the result under the lock after looking the object up again.
 *
 * Configuration: d->conf is swapped under RCU (liburcu, memb flavour). Every
 * thread that reads it is registered and reads it only between
 * rcu_read_lock() and rcu_read_unlock(), never keeping a pointer past that.
 *
 * Stop: d->stopping is set and d->stop_fd (an eventfd) made readable; every
 * thread polls it and returns; main joins them. No pthread_cancel.
 */
#ifndef MPATHD_DAEMON_H
#define MPATHD_DAEMON_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <sys/types.h>

#include "config/config.h"
#include "devmapper.h"
#include "structs.h"
#include "util/strbuf.h"

struct io_err_stat;
struct prflag_state;
struct ies_params;
struct udev;
struct udev_device;
struct uxsock;
struct workq;

/* A WWID whose map ghost_delay puts off: the paths found so far are all
 * standby (maps.c, policy_ghost_delay()). */
struct ghost_wait {
	char wwid[WWID_SIZE];
	long since; /* CLOCK_MONOTONIC second the wait began */
	long until; /* the second the map is created at the latest */
};
VECTOR_DEFINE(ghost_wait_vec, struct ghost_wait)

struct vectors {
	pthread_mutex_t lock;
	struct pathvec paths; /* owned: every known path, in a map or not */
	struct mapvec maps;   /* owned: the maps we manage; they borrow paths */
	struct ghost_wait_vec ghost; /* maps not created yet (ghost_delay); their
				      * paths are in paths, in no map */
};

enum job_type {
	JOB_RECONFIGURE,
	JOB_ADD_PATH,   /* arg: device name */
	JOB_DEL_PATH,   /* arg: device name or devt */
	JOB_ADD_MAP,    /* arg: map name, WWID or path */
	JOB_DEL_MAP,    /* arg: map name */
	JOB_DEL_MAPS,
	JOB_RELOAD_MAP, /* arg: map name: rebuild and reload (also resize) */
	JOB_MAP_GONE,   /* arg: map name: removed outside the daemon */
	JOB_CHECK_MAP,  /* arg: map name: its status did not fit; reload if the
			 * kernel's table differs from ours */
	JOB_CHECK_MAPS, /* the same for every map (posted once at a time) */
	JOB_UPDATE_MAP, /* arg: WWID: rebuild; load only if the table changed
			 * (a path's priority changed its grouping) */
};

/* A unit of structural work for the dispatcher. Posted by any thread. */
struct job {
	enum job_type type;
	char arg[256];
	int rc;            /* result, when waited for */
	bool done, waited; /* guarded by the job lock */
	struct job *next;
};

struct daemon {
	struct vectors vecs;
	struct config *conf; /* RCU */
	struct udev *udev;
	int stop_fd;         /* eventfd, readable once stop begins */
	atomic_bool stopping;
	atomic_bool ready;   /* the first map set-up is done */
	atomic_bool reconfiguring;
	atomic_bool force_queueing; /* `forcequeueing daemon`: maps keep queueing
				     * when the daemon stops, whatever
				     * queue_without_daemon says */
	bool foreground;

	/* dispatcher job queue */
	pthread_mutex_t job_lock;
	pthread_cond_t job_cond;
	struct job *jobs, *jobs_tail;
	int job_fd; /* eventfd: a job was posted */
	atomic_bool check_maps_queued; /* a JOB_CHECK_MAPS waits */

	/* Orders the checker's dm path messages (the last "is it held?" look,
	 * the message, its bookkeeping) with the handling of the kernel's
	 * path events (io_err_stat's isolation and its fail_path): a
	 * reinstatement is either wholly before an isolation or sees it. */
	pthread_mutex_t path_msg_lock;

	pthread_t dispatch_thr, checker_thr, dmevents_thr;
	bool dispatch_up, checker_up, dmevents_up;
	/* the dm events thread watches the maps (its fd armed): the
	 * checker's periodic status reads are only a safety net then */
	atomic_bool dmevents_live;
	struct uxsock *ux;
	struct io_err_stat *ies; /* the intermittent IO error sampler */
	struct workq *prioq;     /* the checker's priority asks (workq.h) */
	struct workq *chkq;      /* the checker's checker creations (open()) */
	struct prflag_state *pr; /* reservation keys: prflags, SG_IO queue (prflag.h) */
	/* dispatcher only: the udev cookies of the first set-up's maps that
	 * udev has not finished; polled by the dispatcher's loop, nobody
	 * waits for them */
	struct devmapper_cookies setup_cookies;
	long start_time; /* CLOCK_MONOTONIC seconds */
};

/* CLOCK_MONOTONIC seconds. */
long now_s(void);

/* Make d->stop_fd readable and set d->stopping (any thread, idempotent). */
void daemon_request_stop(struct daemon *d);

/* dispatch.c */
int dispatch_start(struct daemon *d);
/*
 * Queue a job for the dispatcher. With wait, block until it is done (up to
 * timeout_ms) and return its result (-ETIMEDOUT: it still runs and frees
 * itself); without, return 0 at once. Returns -ENOMEM or -ESHUTDOWN too.
 */
int dispatch_post(struct daemon *d, enum job_type type, const char *arg, bool wait,
		  int timeout_ms);

/* Queue a JOB_CHECK_MAPS unless one is waiting already. */
void dispatch_post_check_maps(struct daemon *d);

/* maps.c: the dispatcher's work, called on the dispatcher thread only */
int maps_initial_setup(struct daemon *d);
/* Add or remove a path; its map is updated now (dirty NULL) or its WWID is
 * added to dirty for one update per burst (maps_update_wwid()). */
int maps_add_path(struct daemon *d, const char *devname, struct udev_device *ud,
		  struct strvec *dirty);
int maps_remove_path(struct daemon *d, const char *dev, struct strvec *dirty);
/* A change uevent of a block disk: re-read it; a new size or read-only
 * flag updates its map, another WWID makes it a new path. */
int maps_change_path(struct daemon *d, const char *devname, struct udev_device *ud,
		     struct strvec *dirty);
int maps_update_wwid(struct daemon *d, const char *wwid, bool force);
/* maps_update_wwid() for each of wwids (until the daemon stops), with the
 * udev waits of the whole set taken at once at the end. */
void maps_update_wwids(struct daemon *d, const struct strvec *wwids);
int maps_add_map(struct daemon *d, const char *arg);
int maps_remove_map(struct daemon *d, const char *name, bool forget_only);
int maps_reconfigure(struct daemon *d);
/* ghost_delay: milliseconds until the first map put off is due (0: one is
 * due now), -1 when none waits. Dispatcher. */
int maps_ghost_timeout_ms(struct daemon *d);
/* Create the maps put off by ghost_delay whose delay ran out. Dispatcher,
 * no lock held. */
void maps_ghost_expire(struct daemon *d);
/* Reload map name when the kernel's table is not the one we loaded. */
int maps_check_map(struct daemon *d, const char *name);
void maps_free_all(struct daemon *d);

/*
 * Read the kernel status of the named maps (no lock held by the caller)
 * and publish it. Any thread. A status whose shape does not match our map
 * queues a reload job.
 */
void maps_sync_status(struct daemon *d, const struct strvec *names);

/* Compute the priority of path devt on a copy without the lock (the
 * prioritizer may do SG_IO) and publish it; a change posts JOB_UPDATE_MAP,
 * unless a path of its map is held by io_err_stat: the regroup is put off
 * until a path of the map comes back in service (returned) with none held.
 * Any thread, no lock held. */
void path_refresh_priority(struct daemon *d, const char *devt, bool returned);

/* Turn the kernel's queueing of map name on or off by message and record
 * it in the map (later reloads keep it). No lock held; 0 or -errno. */
int maps_set_queueing(struct daemon *d, const char *name, bool on);

/* pathevents.c: the kernel's path events and io_err_stat, on the dispatcher */
/*
 * A dm PATH_FAILED (failed) or PATH_REINSTATED of path devt: its kernel
 * state is recorded and it is checked at once; a failure is counted by
 * io_err_stat, which may find the path flaky (then failed in the kernel
 * and held, or marked marginal with marginal_pathgroups on); a
 * reinstatement of a path that must stay out is answered with fail_path.
 * The dispatcher, no lock held: takes path_msg_lock, then vecs.lock (the
 * dm message with path_msg_lock only).
 */
void maps_dm_path_event(struct daemon *d, const char *devt, bool failed);
/* io_err_stat's parameters for a path of a map (its map's io_err_*
 * keywords, its checker_timeout). Any thread, under vecs.lock. */
void path_ies_params(const struct path *pp, struct ies_params *p);
/* With marginal_pathgroups fpin, log that it is treated as off (FPIN
 * notifications are not received). Reads the configuration under RCU, no
 * other lock; the dispatcher, at the first set-up and at reconfigure. */
void pathevents_note_fpin(struct daemon *d);
/* After a reconfigure: hand every path's io_err_stat parameters over again
 * (a map that turned the feature off releases its paths) and note fpin.
 * The dispatcher, no lock held: takes vecs.lock. */
void pathevents_refresh_params(struct daemon *d);

/* checker.c */
enum { PRIO_WORKERS = 4, CHKOPEN_WORKERS = 2 };
/* Start the checker thread (and make d->prioq, d->chkq); 0 or -errno. */
int checker_loop_start(struct daemon *d);
/* After the checker thread is joined: stop the prio and checker-open
 * threads, waiting for running ones until deadline (CLOCK_REALTIME). False
 * when one is still blocked on its device (nothing shared may be freed). */
bool checker_workers_stop(struct daemon *d, const struct timespec *deadline);
/* The reinstate seam: may the path go back into service? Under vecs.lock.
 * !path_held_out(d, pp->mpp, pp). */
bool path_reinstate_allowed(struct daemon *d, const struct path *pp);
/* Must pp stay failed in the kernel in map mpp (its map, or the map about
 * to be published): io_err_stat holds it and it is not a marked marginal
 * path sitting in a marginal group of mpp (policy_path_held_out()). Under
 * vecs.lock. */
bool path_held_out(struct daemon *d, const struct multipath *mpp, const struct path *pp);

/* recheck.c: recheck_wwid, the WWID of a path back from failed read again */
/*
 * A verdict chk is in for pp, whose chk_state is still the previous one:
 * with enabled (recheck_wwid yes) a path going from failed to usable whose
 * uid_attribute allows it is marked (wwid_recheck wanted, so
 * path_reinstate_allowed() keeps it out); a marked path with a usable
 * verdict has its devt added to due, for the prio queue (recheck_run()).
 * The checker thread, under vecs.lock; reads the configuration under RCU.
 */
void recheck_mark(struct daemon *d, bool enabled, struct path *pp, int chk, struct strvec *due);
/*
 * If path devt's recheck is wanted: read its VPD page 0x83 without the lock
 * and publish the verdict under vecs.lock (the same WWID clears the mark,
 * another keeps it and rescans the disk for a change uevent, a failed read
 * leaves it wanted). False when no recheck was wanted: nothing done. A prio
 * thread (blocks on the device), no lock held.
 */
bool recheck_run(struct daemon *d, const char *devt);

/* dmevents.c */
int dmevents_start(struct daemon *d);

/* handlers.c: the command socket's handler (uxsock_handler). */
int handle_command(void *ctx, const char *cmd, uid_t uid, struct strbuf *reply);

/* The notify socket (systemd): "READY=1", "STATUS=...". No-op outside
 * systemd. */
void daemon_notify(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
