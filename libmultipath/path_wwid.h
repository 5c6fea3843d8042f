/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * recheck_wwid: is the LUN behind a path that comes back still the one its
 * map was built for? A LUN can be unmapped from a target port and another
 * one mapped in its place while the path is down; the kernel keeps the VPD
 * pages it read when the disk appeared (device/vpd_pg83, device/wwid) and
 * udev keeps the ID_SERIAL it computed then, so only a fresh INQUIRY sent
 * to the device tells.
 *
 * The daemon's model (multipathd/recheck.c): a path whose checker verdict
 * goes from failed to usable is not reinstated until its WWID is read
 * again from the device (path_wwid_read_fresh(), on a worker thread) and
 * compared (path_wwid_compare()). An unchanged WWID lets it back in; a
 * changed one keeps it out of its map for good, and the device is rescanned
 * and announced to udev again, so that it comes back as a new path of its
 * new WWID.
 *
 * Threads and locking: no state. path_wwid_read_fresh() blocks for up to
 * its timeout (plus the kernel's error handling): call it with no lock
 * other threads need. The others are pure.
 * Errors: -errno; nothing logs.
 */
#ifndef MP_PATH_WWID_H
#define MP_PATH_WWID_H

#include <stdbool.h>
#include <stddef.h>

#include "structs.h"

/* struct path's wwid_recheck: where a path is in a recheck. */
enum path_wwid_recheck {
	WWID_RECHECK_NONE = 0, /* nothing to check: reinstated as usual */
	WWID_RECHECK_WANTED,   /* came back: kept out until its WWID is read again */
	WWID_RECHECK_CHANGED,  /* another LUN now: kept out until it is a new path */
};

/* VPD page 0x83 bytes asked for (a page longer than this is cut; its
 * first designators are the ones that name the LUN). */
enum { PATH_WWID_VPD_LEN = 1024 };

/*
 * Does this verdict ask for a recheck? enabled: recheck_wwid yes; prev:
 * the checker's previous verdict of the path, now: this one. True when
 * now is usable (up, ghost) and prev was a failure (down, timeout, shaky,
 * wild): the path was restored. A first verdict (prev unchecked) is not a
 * return: the path was just found, its WWID is fresh.
 */
bool path_wwid_recheck_due(bool enabled, enum path_state prev, enum path_state now);

/*
 * INQUIRY of VPD page 0x83 to /dev/dev through SG_IO, bounded by
 * timeout_ms, into page (size bytes, at most 65535 asked). Returns the
 * bytes received, or -errno (open, SG_IO, scsi_inquiry_vpd()). Blocks.
 */
int path_wwid_read_fresh(const char *dev, unsigned timeout_ms, unsigned char *page, size_t size);

enum { PATH_WWID_SAME = 0, PATH_WWID_CHANGED = 1 };

/*
 * Compare the WWID the daemon knows (known: from uid_attribute, sysfs or
 * VPD, as discovery found it) with the WWID of the device's fresh VPD page
 * 0x83 (fresh, flen bytes). The fresh WWID goes to out (size bytes, cut to
 * fit) on success.
 *
 * PATH_WWID_SAME when they are equal. When they differ and are written
 * alike (the same designator prefix and length, as two NAA WWIDs are):
 * PATH_WWID_CHANGED. When they are written differently (a uid_attribute
 * that is not the page's notation), the kernel's copy of the page (cached,
 * clen bytes, read when the disk appeared; clen 0 when it could not be
 * read) tells: PATH_WWID_SAME when its WWID is the fresh one and not known
 * itself, else PATH_WWID_CHANGED (a doubt keeps the path out: IO of a map
 * must never reach another LUN).
 *
 * -ENODATA when the fresh page names no WWID, -EINVAL when it is no page
 * 0x83 or size is 0; out untouched then.
 */
int path_wwid_compare(const char *known, const unsigned char *fresh, size_t flen,
		      const unsigned char *cached, size_t clen, char *out, size_t size);

/*
 * Can the WWID of pp be checked against its VPD page 0x83? A SCSI device
 * whose WWID comes from uid_attribute ID_SERIAL (udev's scsi_id, which
 * writes it as the page's WWID) or from sysfs (uid_attribute ""), as
 * multipath-tools documents for recheck_wwid; other uid_attributes are
 * not rechecked.
 */
bool path_wwid_recheck_supported(const struct path *pp, const char *uid_attribute);

#endif
