/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The blacklist and blacklist_exceptions sections applied to a device.
 *
 * Each category (devnode, device, wwid, property) is judged on its own, as
 * multipath-tools does: an exception only lifts a blacklist entry of the same
 * category (a wwid exception does not save a device whose devnode is
 * blacklisted). Within a category an exception wins over a blacklist entry.
 * A regex with a leading '!' matches what the rest does not match.
 *
 *   devnode   matched against the kernel name ("sda")
 *   wwid      matched against the WWID
 *   device    vendor and product regexes, both must match (a missing one
 *             matches anything); a devices entry's product_blacklist also
 *             blacklists products of that entry's vendor
 *   protocol  matched against the path's transport protocol ("scsi:fcp",
 *             "scsi:iscsi", "nvme:tcp"...: see protocol_name_valid())
 *   property  matched against the names of the udev properties; when
 *             blacklist_exceptions has property entries, a device with no
 *             property matching one of them is blacklisted ("udev property
 *             missing") once udev has initialized it (before, while udev's
 *             rules still run on its first event, the later rules' properties
 *             cannot be there yet)
 *
 * The regexes belong to the config: they are compiled when it is loaded
 * (struct bl_re in config/config.h) and freed with it. The functions only
 * read conf, take no lock and allocate nothing, so any number of threads
 * may call them while conf is alive (in multipathd: inside the RCU
 * read-side section that holds conf). An empty string (devname, wwid)
 * never matches anything: MATCH_NOTHING. They log at verbosity >= 3 only.
 */
#ifndef MP_BLACKLIST_H
#define MP_BLACKLIST_H

#include "config/config.h"
#include "structs.h"

struct udev_device;

enum {
	MATCH_NOTHING = 0,
	MATCH_BLACKLIST = 1,
	MATCH_EXCEPTION = 2,
};

int blacklist_devnode(const struct config *conf, const char *devname);
int blacklist_wwid(const struct config *conf, const char *wwid);
/* vendor/product as read from sysfs, trimmed; NULL counts as "". */
int blacklist_device(const struct config *conf, const char *vendor, const char *product);
/* protocol as `show paths format %P` prints it ("scsi:fcp"); NULL or ""
 * counts as nothing: MATCH_NOTHING. */
int blacklist_protocol(const struct config *conf, const char *protocol);
/* ud NULL: MATCH_NOTHING. */
int blacklist_property(const struct config *conf, struct udev_device *ud);

/*
 * All categories for a discovered path (devnode, device, wwid, then the udev
 * properties when ud is not NULL). Returns MATCH_BLACKLIST as soon as one
 * category blacklists the path, with *reason (may be NULL) set to a static
 * string: "devnode blacklist", "device blacklist", "wwid blacklist",
 * "udev property blacklist" or "udev property missing"; otherwise
 * MATCH_EXCEPTION if any category excepted it, else MATCH_NOTHING, and
 * *reason is left alone.
 */
int blacklist_path(const struct config *conf, const struct path *pp, struct udev_device *ud,
		   const char **reason);

/* Static name of a MATCH_* value ("blacklisted", "whitelisted", "no match"). */
const char *blacklist_match_name(int match);

#endif
