/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Paths, path groups and maps.
 *
 * In multipathd, every path and map lives in the daemon's vectors (see
 * multipathd/daemon.h) and every field is guarded by the vectors lock.
 * Another thread refers to a path by its devt ("8:16") and to a map by its
 * name or WWID, looking them up again each time it takes the lock: a
 * pointer is never kept across an unlock, except by the dispatcher thread,
 * the only thread that adds or frees paths and maps.
 *
 * Ownership: a struct pathvec owns its paths (pathvec_free() frees them).
 * A map borrows its paths from a pathvec that must outlive it; it owns its
 * path groups, which borrow the same paths. A mapvec owns its maps.
 * path->mpp is a back pointer set while the path belongs to a map.
 * Strings in fixed arrays are always NUL-terminated ("" when unknown).
 */
#ifndef MP_STRUCTS_H
#define MP_STRUCTS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "util/vector.h"

enum {
	WWID_SIZE = 128,
	DEV_NAME_SIZE = 64,
	NODE_NAME_SIZE = 224,
	PRIO_UNDEF = -1,
};

/* Checker verdicts (path->state). */
enum path_state {
	PATH_UNCHECKED = 0,
	PATH_WILD,     /* the checker could not run */
	PATH_DOWN,     /* faulty */
	PATH_UP,       /* ready */
	PATH_SHAKY,
	PATH_GHOST,    /* usable only after a path group switch (standby) */
	PATH_PENDING,  /* check still running */
	PATH_TIMEOUT,
	PATH_REMOVED,
	PATH_DELAYED,  /* held by io_err_stat or delay_*_checks */
};

/* What the kernel thinks of a path (dm status A/F). */
enum dm_path_state { PSTATE_UNDEF = 0, PSTATE_FAILED, PSTATE_ACTIVE };

/* Path group state from dm status: D bypassed, E enabled, A active. */
enum pg_state { PGSTATE_UNDEF = 0, PGSTATE_ENABLED, PGSTATE_DISABLED, PGSTATE_ACTIVE };

struct scsi_hbtl {
	int host, channel, target, lun; /* -1 when not a SCSI device */
};

struct multipath;

struct path {
	char dev[DEV_NAME_SIZE];     /* "sda"; "" for a path known only by devt */
	char dev_t[16];              /* "8:0" */
	dev_t devt;
	struct scsi_hbtl hbtl;
	char vendor[32], product[32], rev[16]; /* from sysfs, spaces trimmed */
	char serial[128];            /* VPD 0x80 / udev ID_SCSI_SERIAL */
	char wwid[WWID_SIZE];        /* from uid_attribute, sysfs wwid or VPD 0x83 */
	char tgt_node_name[NODE_NAME_SIZE]; /* FC/iSCSI target name, for group_by_node_name */
	char protocol[24];           /* transport: "scsi:fcp", "nvme:tcp", ... "undef" */
	uint64_t size;               /* 512-byte sectors */
	int tpgs;                    /* INQUIRY TPGS bits: 0 no ALUA, 1 implicit, 2 explicit, 3 both */
	int tpg_id;                  /* ALUA target port group (VPD 0x83 designator type 5); -1 unknown */
	char vpd_data[128];          /* vendor VPD page text (vpd_vendor), for the %g wildcard */
	bool ana;                    /* NVMe namespace with Asymmetric Namespace Access */
	bool ro;                     /* read-only device */
	char dev_state[16];          /* sysfs device/state: "running", "offline", ... */

	/* chosen by property selection */
	char checker_name[16];
	int checker_timeout;         /* seconds */
	char prio_name[16];
	char prio_args[256];
	/* transport timeouts (fast_io_fail_tmo, dev_loss_tmo, eh_deadline) as
	 * transport.h's struct transport_tmo takes them; valid once tmo_selected */
	bool tmo_selected;
	int fast_io_fail, dev_loss, eh_deadline;

	int priority;                /* PRIO_UNDEF until computed */
	enum path_state state;       /* last checker verdict */
	char state_msg[160];         /* the checker's message, "" if none */
	enum dm_path_state dmstate;
	int failcount;               /* from dm status */
	struct multipath *mpp;

	/* multipathd's state of the path (unused by the CLI) */
	struct checker *checker;     /* owned, made once; NULL while it cannot be made */
	int check_interval;          /* seconds between checks, backs off when healthy */
	long next_check;             /* CLOCK_MONOTONIC second of the next check */
	bool check_running;          /* a check was started and has no verdict yet */
	enum path_state chk_state;   /* the checker's own last verdict (state may say DELAYED) */
	bool admin_failed;           /* failed by `fail path`: stays so until its next check */
	long prio_next;              /* CLOCK_MONOTONIC second the priority is asked again */
	bool found_standby;          /* the kernel's ALUA state (device/access_state) said
				      * standby or unavailable when the daemon found the
				      * path: a ghost for ghost_delay until its first check */
	int wwid_recheck;            /* recheck_wwid: enum path_wwid_recheck (path_wwid.h) */
	bool marginal;               /* marginal_pathgroups on and io_err_stat holds it:
				      * grouped apart, after the normal groups
				      * (pgpolicy_group()), instead of failed */
};
VECTOR_DEFINE(pathvec, struct path *)

struct pathgroup {
	struct pathvec paths;        /* borrowed */
	int priority;                /* sum of path priorities / count, as upstream shows */
	enum pg_state status;
	bool marginal;               /* a group of marginal paths, after every normal one */
};
VECTOR_DEFINE(pgvec, struct pathgroup *)

struct multipath {
	char wwid[WWID_SIZE];
	char alias[WWID_SIZE];       /* the dm device name */
	int dm_minor;                /* dm-N, -1 when no dm device */
	uint64_t size;               /* sectors */
	struct pathvec paths;        /* borrowed */
	struct pgvec pgs;            /* owned */
	int nextpg;                  /* 1-based first/next path group; 0 = none */

	/* table parameters, owned strings */
	char *features;              /* "1 queue_if_no_path", "0" */
	char *hwhandler;             /* "1 alua", "0" */
	char *selector;              /* "service-time 0" */

	/* chosen by property selection */
	int pgpolicy, rr_weight, minio, no_path_retry, failback, flush_on_last_del;
	bool skip_kpartx;            /* udev's kpartx rule makes no partition maps on it */
	bool deferred_remove;        /* an open map losing its last path goes at its last close */
	int ghost_delay;             /* seconds multipathd puts off creating a map whose
				      * paths are all standby; 0 off (the CLI ignores it) */
	int queue_if_no_path;        /* from the table features: 1 queueing, 0 not, -1 unknown */
	/* io_err_stat: path_io_err_{sample_time,rate_threshold,recovery_time,
	 * double_failed_time}; "no"/"off" are 0 (threshold IO_ERR_THRESHOLD_OFF) */
	int io_err_sample_time, io_err_rate_threshold, io_err_recovery_time;
	int io_err_double_failed_time;
	char vendor[32], product[32]; /* of the first path, for the topology header */
	bool ro;

	/* multipathd's state of the map (unused by the CLI) */
	long retry_deadline;         /* no_path_retry N: second when queueing stops; 0 none */
	bool queue_stopped;          /* no_path_retry ran out: queueing disabled by us */
	bool queue_disabled;         /* `disablequeueing`: off until `restorequeueing` */
	long failback_deadline;      /* failback N: second of the deferred switch; 0 none */
	long next_status;            /* second of the next periodic status read */
	unsigned path_faults, switch_groups, map_loads; /* counters since adoption */
	/* more counters (`show maps stats`, %3 %4 %x): seconds queueing with no
	 * usable path, no_path_retry run-outs, times the map lost its last
	 * usable path; q_time_mark is the second queueing was last counted
	 * from (0: not queueing), had_usable the last tick's verdict */
	unsigned total_q_time, q_timeouts, map_failures;
	long q_time_mark;
	bool had_usable;
	bool suspended;              /* by `suspend map` until `resume map` */
	bool remove_deferred;        /* removed at its last close (deferred_remove): a
				      * path coming back cancels it */
	bool regroup_put_off;        /* a priority changed while a path was held by
				      * io_err_stat: regrouped when a path is back */
	bool path_dropped;           /* a path was removed from this object, not yet
				      * from the kernel's table: the next update
				      * reloads even if the plan sees no change */
	char action[12];             /* the last create/reload/rename, "" none */
};
VECTOR_DEFINE(mapvec, struct multipath *)

/* Allocate a zeroed path (priority PRIO_UNDEF, hbtl -1). NULL on ENOMEM. */
struct path *path_new(void);
void path_free(struct path *pp);
/* Free every path, then the vector. Accepts NULL. */
void pathvec_free(struct pathvec *pv);
/* Find by kernel name ("sda") or devt ("8:0"). NULL when absent. */
struct path *pathvec_find_dev(const struct pathvec *pv, const char *dev);
struct path *pathvec_find_devt(const struct pathvec *pv, const char *devt);

struct pathgroup *pathgroup_new(void);
void pathgroup_free(struct pathgroup *pg);
/* Group priority: the average priority of its usable paths
 * (path_state_usable()); of all its paths when none is usable; 0 for an
 * empty group. An undefined priority counts as 0. */
void pathgroup_update_priority(struct pathgroup *pg);

/* Allocate a map: dm_minor -1, features/hwhandler/selector NULL. */
struct multipath *map_new(void);
/* Free the map, its groups and strings, not its paths; clears path->mpp of
 * paths that point to it. Accepts NULL. */
void map_free(struct multipath *mpp);
/* Free the path groups only (before regrouping). */
void map_free_pgs(struct multipath *mpp);
void mapvec_free(struct mapvec *mv);
struct multipath *mapvec_find_alias(const struct mapvec *mv, const char *alias);
struct multipath *mapvec_find_wwid(const struct mapvec *mv, const char *wwid);

/* Can the path carry IO: PATH_UP or PATH_GHOST (standby, usable after a
 * group switch). Everything else (DOWN, TIMEOUT, PENDING, DELAYED, WILD,
 * SHAKY, UNCHECKED, REMOVED) is not. Everything that counts usable paths
 * asks this. */
bool path_state_usable(enum path_state st);

/* "ready", "faulty", "shaky", "ghost", "i/o pending", "delayed", ... */
const char *path_state_name(enum path_state st);

/* Copy src into a fixed array, truncating; always NUL-terminates. */
void strlcpy_trunc(char *dst, const char *src, size_t size);

#endif
