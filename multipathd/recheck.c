// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * recheck_wwid: a path whose checker verdict goes from failed to usable is
 * marked (pp->wwid_recheck, which path_reinstate_allowed() honours: it
 * stays failed) and its devt handed to the prio queue by the checker
 * thread; a prio thread reads its VPD page 0x83 again without the lock and
 * publishes the verdict under it: the same WWID clears the mark (the next
 * tick reinstates the path), another keeps it for good and rescans the
 * disk, whose change uevent makes the dispatcher re-add it as a new path.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <urcu.h>

#include "config/keywords.h"
#include "config/propsel.h"
#include "daemon.h"
#include "path_wwid.h"
#include "sysfs.h"
#include "util/log.h"

/* recheck_wwid applies to pp (its uid_attribute, SCSI). Under vecs.lock. */
static bool recheck_supported(struct daemon *d, const struct path *pp)
{
	struct prop_src src;
	bool ok;

	rcu_read_lock();
	prop_src_init(&src, rcu_dereference(d->conf), pp->dev, pp->vendor, pp->product, pp->rev,
		      NULL);
	ok = path_wwid_recheck_supported(pp, propsel_str(&src, KW_UID_ATTRIBUTE, NULL));
	rcu_read_unlock();
	return ok;
}

void recheck_mark(struct daemon *d, bool enabled, struct path *pp, int chk, struct strvec *due)
{
	if (pp->wwid_recheck == WWID_RECHECK_NONE &&
	    path_wwid_recheck_due(enabled, pp->chk_state, chk) && recheck_supported(d, pp)) {
		pp->wwid_recheck = WWID_RECHECK_WANTED;
		mp_log(3, "%s: %s: restored, its wwid is read again", pp->mpp->alias, pp->dev);
	}
	if (pp->wwid_recheck == WWID_RECHECK_WANTED && path_state_usable(chk))
		strvec_push_dup(due, pp->dev_t);
}

/* The device of a path whose WWID changed: the kernel reads its VPD pages
 * again (device/wwid, device/vpd_pg83) and udev is told with a change
 * event, which makes the dispatcher see another LUN behind the device: the
 * path leaves its map and is added again as a new path
 * (maps_change_path()). Blocks (the rescan is SCSI IO): no lock held. */
static void rescan_changed(const char *dev)
{
	char attr[DEV_NAME_SIZE + 32];
	int rc;

	snprintf(attr, sizeof(attr), "block/%s/device/rescan", dev);
	rc = sysfs_attr_write(attr, "1");
	if (rc < 0)
		mp_log(2, "%s: cannot rescan: %s", dev, errno_desc(-rc));
	snprintf(attr, sizeof(attr), "block/%s/uevent", dev);
	rc = sysfs_attr_write(attr, "change");
	if (rc < 0)
		mp_log(1, "%s: cannot trigger a change uevent: %s", dev, errno_desc(-rc));
}

/* The fresh VPD page 0x83 of path devt against its known WWID: a path
 * whose recheck is wanted. Copied under the lock, read without it (a prio
 * thread), published under it if the path is still the one read. A read
 * that fails leaves the recheck wanted: the next usable verdict asks
 * again. Returns false when no recheck was wanted. */
bool recheck_run(struct daemon *d, const char *devt)
{
	unsigned char fresh[PATH_WWID_VPD_LEN], cached[PATH_WWID_VPD_LEN];
	char dev[DEV_NAME_SIZE], known[WWID_SIZE], now[WWID_SIZE] = "";
	ssize_t clen;
	int n, timeout, verdict;
	struct path *pp;

	pthread_mutex_lock(&d->vecs.lock);
	pp = pathvec_find_devt(&d->vecs.paths, devt);
	if (!pp || pp->wwid_recheck != WWID_RECHECK_WANTED || !pp->dev[0]) {
		pthread_mutex_unlock(&d->vecs.lock);
		return false;
	}
	strlcpy_trunc(dev, pp->dev, sizeof(dev));
	strlcpy_trunc(known, pp->wwid, sizeof(known));
	timeout = pp->checker_timeout > 0 ? pp->checker_timeout : 30;
	pthread_mutex_unlock(&d->vecs.lock);
	n = path_wwid_read_fresh(dev, (unsigned)timeout * 1000, fresh, sizeof(fresh));
	clen = sysfs_block_attr_read_bin(dev, "device/vpd_pg83", cached, sizeof(cached));
	verdict = n < 0 ? n
			: path_wwid_compare(known, fresh, (size_t)n, cached,
					    clen > 0 ? (size_t)clen : 0, now, sizeof(now));
	pthread_mutex_lock(&d->vecs.lock);
	pp = pathvec_find_devt(&d->vecs.paths, devt);
	if (!pp || pp->wwid_recheck != WWID_RECHECK_WANTED || strcmp(pp->dev, dev) ||
	    strcmp(pp->wwid, known)) {
		verdict = -ESTALE; /* removed or re-added meanwhile */
	} else if (verdict == PATH_WWID_SAME) {
		pp->wwid_recheck = WWID_RECHECK_NONE;
		pp->next_check = 0; /* reinstated at the next tick */
		mp_log(3, "%s: wwid %s unchanged", dev, known);
	} else if (verdict == PATH_WWID_CHANGED) {
		pp->wwid_recheck = WWID_RECHECK_CHANGED;
		mp_log(2, "%s: wwid changed from %s to %s: path kept out of %s, re-added", dev,
		       known, now, pp->mpp ? pp->mpp->alias : "its map");
	} else {
		mp_log(3, "%s: cannot read its wwid again: %s", dev, errno_desc(-verdict));
	}
	pthread_mutex_unlock(&d->vecs.lock);
	if (verdict == PATH_WWID_CHANGED)
		rescan_changed(dev);
	return true;
}
