/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sysfs access under a settable root, the test seam of device discovery:
 * production code reads "/sys", unit tests point the root at a captured
 * fixture tree (tests/fixtures/sysfs-*).
 *
 * Every relpath is relative to the root ("block/sda/size"); it must not
 * start with '/'. Nothing here logs or allocates on the heap.
 *
 * The root is process-wide: set it before starting threads (or while no
 * other thread reads sysfs).
 */
#ifndef MP_SYSFS_H
#define MP_SYSFS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define SYSFS_DEFAULT_ROOT "/sys"

/* Use root (copied) instead of "/sys"; NULL restores "/sys". Returns 0,
 * -EINVAL (empty or relative root) or -ENAMETOOLONG. */
int sysfs_set_root(const char *root);
/* The current root; valid until the next sysfs_set_root(). */
const char *sysfs_get_root(void);

/*
 * Build "<root>/<relpath>" into buf. Returns its length, -EINVAL (relpath
 * absolute or empty) or -ENAMETOOLONG; buf untouched on failure.
 */
ssize_t sysfs_path(const char *relpath, char *buf, size_t size);

/*
 * Read a text attribute (at most 4096 bytes, a sysfs page), strip trailing
 * white space (the newline) and store it NUL-terminated in buf. Returns its
 * length, -ENOENT (no such attribute), -EOVERFLOW (does not fit in size-1
 * bytes) or another -errno; buf untouched on failure.
 */
ssize_t sysfs_attr_read(const char *relpath, char *buf, size_t size);

/*
 * Read a binary attribute (device/inquiry, device/vpd_pg83): up to size bytes
 * into buf, no terminator. Returns the number of bytes read (a larger file is
 * cut at size: the caller checks the lengths its format encodes) or -errno;
 * buf contents are unspecified on failure.
 */
ssize_t sysfs_attr_read_bin(const char *relpath, void *buf, size_t size);

/* sysfs_attr_read() / sysfs_attr_read_bin() of block/<dev>/<attr>, e.g.
 * ("sda", "device/state"); -ENAMETOOLONG when the path does not fit. */
ssize_t sysfs_block_attr_read(const char *dev, const char *attr, char *buf, size_t size);
ssize_t sysfs_block_attr_read_bin(const char *dev, const char *attr, void *buf, size_t size);

/* Read a text attribute holding an unsigned decimal number. Returns 0 with
 * *val set, -EINVAL if it is not a number, or sysfs_attr_read()'s errors. */
int sysfs_attr_read_u64(const char *relpath, uint64_t *val);

/* Write value (no newline added) to an attribute. Returns 0 or -errno
 * (a short write is -EIO). */
int sysfs_attr_write(const char *relpath, const char *value);

/*
 * Resolve relpath, following every symlink (realpath(3)), into buf
 * ("<root>/devices/.../0:0:0:0" for "block/sda/device"). Returns the length,
 * -ENOENT, -ENAMETOOLONG (does not fit in size) or -errno; buf untouched on
 * failure.
 */
ssize_t sysfs_resolve(const char *relpath, char *buf, size_t size);

#endif
