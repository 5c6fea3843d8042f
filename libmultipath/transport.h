/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Transport timeouts of one SCSI path, written to sysfs when the path's map
 * is set up (configure_exec_plan()):
 *   - Fibre Channel (protocol "scsi:fcp"): the remote port of the path's
 *     target, class/fc_remote_ports/rport-H:C-N/{fast_io_fail_tmo,dev_loss_tmo},
 *     in an order the kernel accepts (it refuses a fast_io_fail_tmo not below
 *     the current dev_loss_tmo, and a dev_loss_tmo above 600 while
 *     fast_io_fail_tmo is off);
 *   - iSCSI ("scsi:iscsi"): the session's class/iscsi_session/sessionN/recovery_tmo;
 *   - any SCSI path: its host's class/scsi_host/hostH/eh_deadline.
 * The remote port and the session are found from the path's H:C:T:L
 * (class/scsi_device/H:C:T:L/device resolved: its ancestors). Each
 * attribute is read first and written only when it differs, so that a
 * reload leaves sysfs alone. A timeout that is not configured
 * (TRANSPORT_TMO_UNSET) is not written: the driver's value stays.
 *
 * Ownership: nothing is allocated; struct transport_path is a plain copy of
 * what the writes need, so it can be filled under the daemon's lock and
 * applied without it. Threads: no state of its own; sysfs under the root of
 * sysfs.h. Errors: -errno, and the attribute that failed; nothing logs
 * (the caller logs once).
 */
#ifndef MP_TRANSPORT_H
#define MP_TRANSPORT_H

#include <stddef.h>

#include "structs.h"

enum {
	TRANSPORT_TMO_UNSET = -1,	 /* not configured: the kernel's value stays */
	TRANSPORT_TMO_OFF = -2,		 /* "off" (fast_io_fail_tmo, eh_deadline) */
	TRANSPORT_TMO_INFINITY = 2147483647, /* dev_loss_tmo "infinity" */
	TRANSPORT_BLOCK_MAX_TMO = 600,	 /* the kernel's dev_loss_tmo limit while
					  * fast_io_fail_tmo is off */
};

struct transport_tmo {
	int fast_io_fail; /* seconds, TRANSPORT_TMO_OFF or TRANSPORT_TMO_UNSET */
	int dev_loss;	  /* seconds (infinity: TRANSPORT_TMO_INFINITY) or UNSET */
	int dev_loss_min; /* 0, or the least dev_loss_tmo the map's queueing
			   * (no_path_retry) needs: raises dev_loss, or the
			   * current value when dev_loss is UNSET */
	int eh_deadline;  /* seconds, TRANSPORT_TMO_OFF or TRANSPORT_TMO_UNSET */
};

/* What the writes for one path need (a copy: no pointer into a path). */
struct transport_path {
	char dev[DEV_NAME_SIZE];	/* "sda", for the caller's log */
	struct scsi_hbtl hbtl;		/* host -1: not SCSI, nothing is written */
	char protocol[24];		/* "scsi:fcp", "scsi:iscsi", ... */
	struct transport_tmo tmo;
};

/*
 * Bring the transport of tp in line with tp->tmo (see the file's header).
 * Every attribute is tried even when an earlier one failed. Returns the
 * number of attributes written (0: all were as wanted, or nothing is
 * configured), or the first -errno (-ENOENT: no remote port / session /
 * attribute; -EINVAL: the kernel refused the value), with "ATTR=VALUE"
 * (relative to the sysfs root) in failed (may be NULL) on failure.
 */
int transport_apply(const struct transport_path *tp, char *failed, size_t size);

/* One write of an FC remote port: attr is "fast_io_fail_tmo" or
 * "dev_loss_tmo", value seconds or TRANSPORT_TMO_OFF. */
struct transport_write {
	const char *attr;
	int value;
};

enum { TRANSPORT_FC_MAX_WRITES = 3 };

/*
 * The writes that take a remote port whose fast_io_fail_tmo is cur_fast
 * (seconds or TRANSPORT_TMO_OFF) and dev_loss_tmo cur_dev to what tmo
 * asks, in an order the kernel accepts each one, into w. The wanted values
 * are made consistent first: dev_loss_tmo raised to tmo->dev_loss_min; a
 * fast_io_fail_tmo not below dev_loss_tmo (it could never fire first)
 * becomes off; with fast_io_fail_tmo off, a dev_loss_tmo written is at most
 * TRANSPORT_BLOCK_MAX_TMO. Returns the number of writes (0..3). Pure: no IO.
 */
int transport_fc_writes(int cur_fast, int cur_dev, const struct transport_tmo *tmo,
			struct transport_write w[TRANSPORT_FC_MAX_WRITES]);

#endif
