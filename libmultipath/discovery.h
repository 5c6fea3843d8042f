/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Path discovery: what sysfs (under sysfs_set_root(), see sysfs.h) and udev
 * say about a block device, and the scan of all block disks.
 *
 * Sources, per field of struct path:
 *   dev_t, devt      block/<dev>/dev ("8:0")
 *   size, ro         block/<dev>/size (512-byte sectors), block/<dev>/ro
 *   hbtl             the name of the device the block/<dev>/device link
 *                    points to ("0:0:1:2"); -1s when that is not a SCSI
 *                    device
 *   vendor, product, rev
 *                    SCSI: device/{vendor,model,rev}; NVMe: "NVME",
 *                    device/{model,firmware_rev}; others: "". Trimmed.
 *   serial           SCSI VPD page 0x80 (device/vpd_pg80), NVMe
 *                    device/serial, else the udev property ID_SCSI_SERIAL
 *   tpgs             SCSI INQUIRY data (device/inquiry) byte 5 bits 4-5
 *   tpg_id           ALUA devices (tpgs > 0): the target port group
 *                    designator (type 5) of VPD page 0x83
 *                    (device/vpd_pg83); -1 when there is none
 *   vpd_data         SCSI devices whose vpd_vendor (selected for the
 *                    vendor/product/rev) is hp3par: the volume name of VPD
 *                    page 0xC0, read with SG_IO INQUIRY on /dev/<dev>
 *                    (prio_dev_open(), checker_timeout); "" otherwise
 *   tgt_node_name    FC: class/fc_transport/targetH:C:T/node_name;
 *                    iSCSI: class/iscsi_session/sessionN/targetname (N from
 *                    the device's sysfs path); "" otherwise
 *   wwid             the udev property named by uid_attribute (selected for
 *                    the path's vendor/product/rev, see config/propsel.h),
 *                    else the kernel's wwid attribute (device/wwid, then
 *                    block/<dev>/wwid), else VPD page 0x83 (device/vpd_pg83)
 *
 * SCSI identifiers take the form udev's ID_SERIAL has: a designator type
 * digit then the identifier: "3" + NAA hex, "2" + EUI-64 hex, "1" + T10
 * vendor id text (runs of white space become one '_'), "8" + SCSI name
 * string. The kernel's "naa."/"eui."/"t10." wwid strings are converted the
 * same way, so every source yields the same WWID for one LUN.
 *
 * Missing optional attributes leave their field empty (0, "", -1): that is
 * not an error. Nothing here allocates except discovery_scan(); the library
 * logs only at verbosity >= 3.
 */
#ifndef MP_DISCOVERY_H
#define MP_DISCOVERY_H

#include <stddef.h>
#include <sys/types.h>

#include "config/config.h"
#include "structs.h"

struct udev;
struct udev_device;

/*
 * Fill pp for the block device devname ("sda") from sysfs and, when ud is
 * not NULL, from ud's udev properties. Only the fields listed above are
 * written (all of them, emptied first); the rest of pp is left alone, and
 * nothing is written on failure. conf is only read.
 * Returns 0 (also when no WWID was found: pp->wwid is then ""), -EINVAL
 * (devname empty or with a '/', or block/<devname>/dev not "MAJ:MIN"),
 * -ENODEV (no block/<devname> in sysfs), or the -errno of reading
 * block/<devname>/dev.
 */
int discovery_path_info(const struct config *conf, struct udev_device *ud, const char *devname,
			struct path *pp);

/*
 * Enumerate the block devices of type "disk" through libudev; skip those
 * already in out (by name) and those whose devnode is blacklisted (before
 * any IO); fill a path for each of the others (discovery_path_info()); drop
 * paths that blacklist_path() blacklists or that have no WWID; append the
 * rest to out, which owns them. A device that vanishes or cannot be read
 * during the scan is skipped.
 * Returns the number of paths added, or -ENOMEM / the -errno of the udev
 * enumeration; on failure out is as it was before the call.
 */
int discovery_scan(struct udev *udev, const struct config *conf, struct pathvec *out);

/* Called by a scan's worker on each path it keeps, before it is published. */
typedef void discovery_prepare_fn(struct path *pp, void *arg);

enum {
	DISCOVERY_DEVS_PER_WORKER = 8, /* disks a scan worker is worth */
	DISCOVERY_MAX_WORKERS = 8,
};

/*
 * discovery_scan() with the work of each disk (discovery_path_info(), the
 * blacklists, then prepare(pp, arg) when prepare is not NULL) spread over up
 * to workers threads (discovery_scan_workers() of the disk count), the
 * calling one included; the sysfs reads and SG_IO
 * of one disk wait for the kernel, not for those of the others. The udev
 * enumeration and the udev devices are made and freed by the calling
 * thread; a device is used by one worker at a time. prepare runs without
 * any lock, concurrently with itself on other paths; conf is only read.
 * Paths are appended in the enumeration's order whatever the workers'
 * timing. Same returns as discovery_scan(); a thread that cannot be started
 * leaves its share to the others.
 */
int discovery_scan_parallel(struct udev *udev, const struct config *conf, unsigned workers,
			    discovery_prepare_fn *prepare, void *arg, struct pathvec *out);

/* The worker count for a scan of ndev disks: one per
 * DISCOVERY_DEVS_PER_WORKER disks (started), at least 1, at most max. */
unsigned discovery_scan_workers(size_t ndev, unsigned max);

/*
 * The WWID from a VPD page 0x83 (Device Identification) image, as read
 * from device/vpd_pg83 (4-byte page header, then designation descriptors).
 * Only logical-unit descriptors count, preferred in the order NAA (highest
 * NAA type first), EUI-64, T10 vendor id, SCSI name string. Writes the
 * NUL-terminated WWID (cut to size-1) to out. Returns its length, -EINVAL
 * (not a page 0x83 or size 0) or -ENODATA (no usable descriptor); out
 * untouched on failure.
 */
ssize_t discovery_vpd83_wwid(const unsigned char *page, size_t len, char *out, size_t size);

/*
 * The volume name from an HPE 3PAR VPD page 0xC0 (volume information, as
 * sg_vpd's "hp3par" page describes it): page revision in byte 4; from
 * revision 4 on, a 4-byte big-endian name length at byte 40 and the
 * NUL-terminated name at byte 44. Writes the name (up to its NUL, printable
 * characters only, trailing spaces dropped, cut to size-1). Returns its
 * length, -EINVAL (not page 0xC0, or size 0) or -ENODATA (an older
 * revision, or no name); out untouched on failure.
 */
ssize_t discovery_vpd_hp3par_name(const unsigned char *page, size_t len, char *out, size_t size);

/*
 * Convert the kernel's wwid attribute ("naa.6001...", "eui.", "t10.") to
 * the form above ("36001..."); other strings are copied as they are.
 * Returns the length written (cut to size-1) or -EINVAL (empty or size 0).
 */
ssize_t discovery_kernel_wwid(const char *kwwid, char *out, size_t size);

#endif
