/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * From discovered paths to dm-multipath maps, and back from the kernel.
 *
 * Maps built here borrow their paths from the caller's pathvec (which must
 * outlive the mapvec) and own their groups; see structs.h.
 * Library code: logs at level >= 3 only; callers report errors.
 */
#ifndef MP_CONFIGURE_H
#define MP_CONFIGURE_H

#include "config/config.h"
#include "structs.h"
#include "transport.h"

/* Select pp's path properties (checker, checker_timeout, prio, prio_args,
 * with detect_prio/detect_checker). No IO beyond reading conf. */
void configure_path_props(const struct config *conf, struct path *pp);

/* Read pp's SCSI device state (sysfs device/state) into pp->dev_state, ""
 * when it cannot be read. */
void configure_path_dev_state(struct path *pp);

/* Run pp's prioritizer (blocking IO: SG_IO for alua, up to its
 * checker_timeout). Returns the priority, 0 when it cannot run. pp is only
 * read: call it on a copy or without other threads changing pp. */
int configure_path_priority(const struct path *pp);

/*
 * Select pp's path properties (checker, checker_timeout, prio, prio_args;
 * detect_prio/detect_checker pick alua/tur for ALUA devices), read its
 * sysfs device state, compute its priority and, with run_checker, run its
 * checker once (pp->state, pp->state_msg). Never fails: a prioritizer or
 * checker that cannot run leaves priority 0 / state PATH_WILD.
 */
void configure_path(const struct config *conf, struct path *pp, bool run_checker);

/*
 * Group pv's paths by WWID into maps, keeping the paths find_multipaths
 * accepts (wwids_should_multipath()); name each map (multipaths alias, else
 * user_friendly_names from the bindings file, else the WWID; with dry_run
 * no binding is created), select its properties and group its paths. With
 * refresh, each path is configured first (configure_path() with its
 * checker: blocking IO); without, the paths' properties and priorities are
 * used as they are (the daemon refreshes them itself), and the only IO is
 * sysfs reads and the bindings file. Paths whose size differs from the map's first path are left
 * out. Appends to out; returns the number of maps added or -ENOMEM.
 */
int configure_build_maps(const struct config *conf, struct pathvec *pv, bool dry_run,
			 bool refresh, struct mapvec *out);

/*
 * configure_build_maps() with more say, for the CLI. Fields left zero keep
 * the behaviour of configure_build_maps(conf, pv, false, false, out).
 */
struct build_opts {
	bool dry_run;		  /* no binding is written */
	bool refresh;		  /* configure_path() each path first (IO) */
	bool bindings_ro;	  /* -B: existing bindings only, none written */
	bool ignore_wwids;	  /* -i: wwids file ignored, find_multipaths does not restrict */
	int pgpolicy;		  /* -p: this grouping policy for every map; 0: configured */
	const char *wwid;	  /* only this WWID's map (no IO on other paths); NULL: all */
	const struct mapvec *live; /* the kernel's maps (NULL: unknown): a WWID keeps the name
				    * its live map has, and no new name is one they hold */
};

/* Returns the number of maps added or -ENOMEM; the wwids file is read once. */
int configure_build_maps_opts(const struct config *conf, struct pathvec *pv,
			      const struct build_opts *opts, struct mapvec *out);

/*
 * Read every multipath map from the kernel (table and status), with paths
 * taken from pv by devt or added to it (filled from sysfs when the device
 * exists) and their sysfs device state. with_checker: also select path
 * properties, compute priorities and run checkers, for `multipath -ll`.
 * Appends to out; returns the number of maps or -errno.
 */
int configure_read_kernel_maps(const struct config *conf, struct pathvec *pv, bool with_checker,
			       struct mapvec *out);

/* Does the map contain, or is it named by, arg (map name, WWID, device
 * name like "sda" or devt like "8:0")? */
bool configure_map_matches(const struct multipath *mpp, const char *arg);

/* Add queue_if_no_path to mpp->features or take it out (the daemon turned
 * queueing off or on by message: a reload must keep that). 0 or -ENOMEM. */
int configure_map_set_queueing(struct multipath *mpp, bool queue);

enum map_action { ACT_NOTHING, ACT_CREATE, ACT_RELOAD, ACT_RENAME };

const char *map_action_name(enum map_action act);

/*
 * The create of mpp failed with EBUSY/EEXIST: another process (a second
 * `multipath`, the daemon) made the map meanwhile. Read the kernel's map of
 * mpp's WWID back (waiting up to 3 s for a map still being loaded) and bring
 * it in line like any existing map; *act says what that took. -EBUSY when
 * there is none (the name is held by another LUN's map). Does IO, no lock.
 */
int configure_take_over(const struct config *conf, struct multipath *mpp, bool force,
			enum map_action *act);

/*
 * What bringing the kernel in line with a map takes, split so that the
 * daemon decides under its lock and talks to device-mapper without it.
 * configure_plan_map() only reads mpp and cur (NULL: no map in the kernel)
 * and fills plan (params and paths owned: map_plan_release());
 * configure_exec_plan() does the device-mapper calls (create, or rename
 * and/or reload), records the WWID in the wwids file and stores the dm
 * minor in *minor (may be NULL). After a create or reload (or always,
 * with plan->set_transport) it sets the transport timeouts of the map's SCSI paths (transport.h: FC remote port,
 * iSCSI session, SCSI host eh_deadline; dev_loss_tmo at least what
 * no_path_retry x polling_interval needs, infinity with queue): a value
 * the kernel refuses is logged at verbosity 3 and does not fail the plan.
 * Both return 0 or -errno.
 */
struct map_plan {
	enum map_action act; /* ACT_RENAME may come with a reload */
	bool reload, ro;
	unsigned flags;      /* DEVMAPPER_NO_USABLE_PATHS when no path may do IO */
	char name[WWID_SIZE], old_name[WWID_SIZE], uuid[WWID_SIZE + 8];
	uint64_t size;
	char *params;
	bool set_transport;  /* the caller's: set the transport timeouts even
			      * when the map needs no create or reload */
	int no_path_retry;   /* the map's, for dev_loss_tmo */
	struct transport_path *tpaths; /* the paths' transport timeouts (owned) */
	size_t ntpaths;
};
int configure_plan_map(const struct multipath *mpp, const struct multipath *cur, bool force,
		       struct map_plan *plan);
int configure_exec_plan(const struct config *conf, const struct map_plan *plan, int *minor);
void map_plan_release(struct map_plan *plan);

/*
 * Does the kernel's live table of mpp->alias differ from what mpp would
 * load (queue_if_no_path aside: messages switch it)? Returns 1, 0, or
 * -errno of reading the table (-ENXIO: no such map).
 */
int configure_kernel_table_differs(const struct multipath *mpp);

/*
 * Bring the kernel in line with mpp: create it when cur (the kernel's map
 * for the same WWID, or NULL) is absent, rename it when the name differs,
 * reload it when the table differs or force is set. With dry_run only
 * *act is computed. On success *act says what was (or would be) done and
 * the WWID is recorded in the wwids file (unless dry_run). A create that
 * fails because another process made the map meanwhile (-EBUSY, -EEXIST:
 * a live map with mpp's WWID) is not an error: that map is read back and
 * brought in line like cur (reloaded, renamed or left alone). Returns 0 or
 * -errno of the failing device-mapper call.
 */
int configure_apply_map(const struct config *conf, struct multipath *mpp,
			const struct multipath *cur, bool force, bool dry_run,
			enum map_action *act);

/* Remove the kpartx partition maps on map name (holders whose dm uuid
 * starts with "part"), if none of them is open. 0 (also when there are
 * none), -EBUSY when one is open, or -errno. */
int configure_flush_partitions(const char *name);

#endif
