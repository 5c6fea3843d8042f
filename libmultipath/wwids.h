/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The wwids file (wwids_file, default /etc/multipath/wwids): the WWIDs of
 * the LUNs multipath has made maps for, so that find_multipaths can take
 * them again later.
 *
 * Format, compatible with multipath-tools: one "/WWID/" per line, lines
 * starting with '#' are comments, blank lines are ignored, and any other
 * line is corrupt and skipped (kept as it is when the file is rewritten).
 *
 * Concurrency: writers take an exclusive flock on the file, readers a
 * shared one; a writer that rewrites the file does so into a temporary
 * file and renames it over the old one, and a lock holder that finds the
 * path now names another file starts again on that one. So any number of
 * processes and threads may call these functions at once.
 *
 * WWIDs must be non-empty, shorter than WWID_SIZE and free of control
 * characters (-EINVAL otherwise). Nothing logs except at verbosity >= 3.
 */
#ifndef MP_WWIDS_H
#define MP_WWIDS_H

#include <stdbool.h>

#include "config/config.h"
#include "structs.h"

#define WWIDS_DEFAULT_FILE "/etc/multipath/wwids"

/* Is wwid in file? Returns 1 known, 0 unknown (also when file does not
 * exist), -EINVAL, or the -errno of reading the file. */
int wwids_check(const char *file, const char *wwid);

/* Append wwid to file unless it is there, creating the file (mode 0644, with
 * a header comment) and its missing directories (0755) first. Returns 0
 * (also if already there), -EINVAL or -errno (the file then holds what it
 * held before; a file created by the failing call may stay behind, empty). */
int wwids_add(const char *file, const char *wwid);

/* Remove every entry of wwid from file. Returns the number of entries
 * removed (0 also when the file does not exist), -EINVAL or -errno. */
int wwids_remove(const char *file, const char *wwid);

/* Replace the entries of file by the n wwids (duplicates kept once), as
 * `multipath -W` does; comments and corrupt lines are dropped. Creates the
 * file like wwids_add(). Returns 0, -EINVAL (a bad wwid: nothing written)
 * or -errno. */
int wwids_reset(const char *file, const char *const *wwids, size_t n);

/* Append a copy of every WWID in file to out (which owns them:
 * strvec_free_all()). Returns the number appended (0 also when the file
 * does not exist), -EINVAL, -ENOMEM or -errno of reading; out is unchanged
 * on failure. One read for a whole run: wwids_path_wanted(). */
int wwids_load(const char *file, struct strvec *out);

/* conf's wwids_file, or WWIDS_DEFAULT_FILE. */
const char *wwids_file_of(const struct config *conf);

/* wwids_should_multipath() with the WWIDs of the file given as known
 * (wwids_load()). known NULL: the wwids file is ignored, as with
 * `multipath -i`: find_multipaths does not restrict, only the blacklist
 * does (multipath-tools 0.9.4 answers so). No file IO. */
bool wwids_path_wanted(const struct config *conf, const struct pathvec *pv,
		       const struct path *pp, const struct strvec *known);

/*
 * find_multipaths for the CLI: should pp become part of a map? Never when
 * it has no WWID or is blacklisted (devnode, device, wwid: blacklist.h).
 *   off, greedy  yes
 *   strict       only if its WWID is in the wwids file (conf's wwids_file)
 *                or has a multipaths entry
 *   on, smart    as strict, or when another non-blacklisted path in pv
 *                (may be NULL) has the same WWID
 * An unreadable wwids file counts as "not in it". conf and pv are only read.
 * Reads the file once per call: for many paths, wwids_load() once and
 * wwids_path_wanted().
 */
bool wwids_should_multipath(const struct config *conf, const struct pathvec *pv,
			    const struct path *pp);

/*
 * find_multipaths smart: a path that no rule above takes is held back for
 * a while in case a sibling shows up (`multipath -u` answers "maybe", 2,
 * and the udev rules claim it meanwhile). How long, in seconds:
 * find_multipaths_timeout when positive; when negative, its magnitude for
 * hardware with a device entry (built-in or configured) and 1 s for other
 * hardware, so that unknown local disks do not slow the boot down; 0 means
 * the default, -10.
 */
int wwids_smart_timeout(const struct config *conf, const struct path *pp);

#define FIND_MP_STATE_DIR "/run/multipath/find_multipaths"

/*
 * The wait of path devt ("MAJ:MIN") under find_multipaths smart, kept
 * across `multipath -u` runs in file DIR/devt, whose mtime is the end of
 * the wait: the first call creates it (now + timeout_s, and dir if
 * missing), later calls read it (the udev rules remove it with the
 * device). *left: the seconds left, 0 when the wait is over (less than a
 * second left counts as over). Returns 0 or -errno (no file could be made
 * or read).
 */
int wwids_smart_wait(const char *dir, const char *devt, int timeout_s, double *left);

#endif
