/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * user_friendly_names: the bindings file that ties an alias (the dm map
 * name, "mpatha") to a WWID, so a LUN keeps its name across reboots.
 *
 * File format: one "ALIAS WWID" per line, separated by blanks; '#' starts a
 * comment that runs to the end of the line; blank lines are ignored.
 *
 * A line is corrupt, skipped (logged at verbosity 3) and its alias (first
 * word) never handed out again, when
 *   - it does not have exactly two words,
 *   - the alias or the WWID is WWID_SIZE bytes or longer,
 *   - the alias begins with the prefix in use but does not continue with
 *     one or more letters a-z ("mpath1", "mpath", "mpathA" for "mpath"),
 *   - an earlier well-formed line has the same alias (the earlier one wins),
 *   - an earlier valid line binds the same WWID (the earlier one wins).
 * Aliases that do not begin with the prefix (written by hand, or with
 * another alias_prefix) are valid bindings. alias_find_wwid() has no
 * prefix argument and applies the rules with ALIAS_DEFAULT_PREFIX, so the
 * two agree whenever the default prefix is in use; with another prefix a
 * hand-written line that breaks the third rule for only one of the two
 * prefixes is seen differently by them.
 *
 * Locking: every call opens the file itself and holds flock() on it
 * (LOCK_EX across read + append or repair when it may write, LOCK_SH for
 * lookups), and checks after locking that the path still names the file
 * it locked (a repair renames a new file over it), so several processes
 * and threads may call concurrently and one alias is never handed out
 * twice. Writers that do not take the lock
 * (an editor) are not protected against.
 */
#ifndef MP_ALIAS_H
#define MP_ALIAS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/vector.h"

#define ALIAS_BINDINGS_FILE  "/etc/multipath/bindings"
#define ALIAS_DEFAULT_PREFIX "mpath"

/*
 * The user_friendly_name for wwid: its existing binding, else (when create)
 * the lowest free "<prefix><suffix>" with suffix a, b, ..., z, aa, ab, ...
 * (mpatha, mpathz, mpathaa), appended to file. A missing file is created
 * (mode 0644) with its directories (0755) and a header comment.
 * file NULL means ALIAS_BINDINGS_FILE, prefix NULL ALIAS_DEFAULT_PREFIX.
 * When the file cannot be written (read-only directory or file system),
 * existing bindings are still found.
 * Returns 0 with alias filled, -ENOENT (not bound and !create, or no file
 * and !create), -EINVAL (empty wwid or prefix, or one with blanks, '#' or
 * '/'), -ERANGE (the alias does not fit in size; nothing is appended),
 * -ENOSPC (no free alias shorter than WWID_SIZE), other -errno from the
 * file system (-EACCES, -EROFS when a new binding cannot be written).
 */
int alias_get_user_friendly(const char *file, const char *wwid, const char *prefix, bool create,
			    char *alias, size_t size);

/* What the kernel has now, for alias_select(). */
struct alias_hints {
	const char *current;	     /* the name of the live map of this WWID, or NULL */
	const struct strvec *in_use; /* the names of all live maps, or NULL */
};

/*
 * The user_friendly_name for wwid, never renaming a live map because of a
 * lost or stale bindings file:
 *   1. hints->current that is "<prefix><suffix>": that name. With create,
 *      a file that does not bind exactly it to wwid is repaired (rewritten
 *      through a temporary file: other bindings of wwid and of that name
 *      dropped, the binding added); a file that cannot be written is left.
 *   2. else wwid's binding in the file, unless another live map holds that
 *      name (in hints->in_use, not hints->current): then hints->current;
 *      without one, with create, a new binding as in 3 that replaces the
 *      stale one (-EEXIST when the file cannot be written).
 *   3. else, with create, a new binding to the lowest free suffix that
 *      neither the file nor hints->in_use uses.
 * hints may be NULL (alias_get_user_friendly()). Locking, file creation
 * and the other errors as alias_get_user_friendly(); without create a
 * missing file reads as an empty one.
 */
int alias_select(const char *file, const char *wwid, const char *prefix,
		 const struct alias_hints *hints, bool create, char *alias, size_t size);

/* Reverse lookup: the wwid bound to alias in file (NULL: the default).
 * Returns 0 with wwid filled, -ENOENT (no valid binding or no file),
 * -ERANGE (does not fit in size), -EINVAL (empty alias), -errno. */
int alias_find_wwid(const char *file, const char *alias, char *wwid, size_t size);

/* The suffix for index n >= 1: 1 "a", 26 "z", 27 "aa", 52 "az", 53 "ba",
 * 702 "zz", 703 "aaa" (bijective base 26). Returns its length, -EINVAL for
 * n 0, -ERANGE when it does not fit in size (with the NUL). */
int alias_suffix_format(uint64_t n, char *buf, size_t size);
/* The index of a suffix: 0 with *n set, -EINVAL unless s is [a-z]+,
 * -ERANGE when the index does not fit in 63 bits. */
int alias_suffix_parse(const char *s, uint64_t *n);

#endif
