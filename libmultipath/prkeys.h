/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Persistent reservation keys: the key syntax of `multipathd setprkey` and
 * the prkeys file (prkeys_file, default /etc/multipath/prkeys) that holds
 * the key of each map whose reservation_key is "file".
 *
 * Key syntax (as multipath-tools 0.9.4 takes it, observed in the VM): an
 * optional "0", then an optional "x" or "X", then 1 to 16 hex digits, then
 * optionally ":aptpl". The digits are always hex: "1234" is 0x1234; "0"
 * alone is refused (the "0" is the prefix, no digit follows), "00" and
 * "0x0" are the key 0, which means "no key".
 *
 * File format, the one multipath-tools 0.9.4 writes, so existing files keep
 * working: a header of comment lines, then one "KEY WWID" line per map,
 * KEY written as "0x" and 16 hex digits, "0X" instead of "0x" when the key
 * has APTPL set. A removed key is commented out ('#' over its first
 * character), and a key set again for that WWID later takes that line
 * back, as multipath-tools does. Lines starting with '#', blank
 * lines and lines that do not parse are skipped when reading and kept as
 * they are when the file is rewritten. Reading takes any key the syntax
 * above accepts (multipath-tools 0.9.4 reads only what it writes).
 *
 * Concurrency: as wwids.h: writers take an exclusive flock, readers a
 * shared one; a writer rewrites into a temporary file renamed over the old
 * one, and a lock holder that finds the path now names another file
 * starts again. Any number of processes and threads may call at once.
 *
 * Errors: 0 or -errno; nothing logs except at verbosity >= 3.
 */
#ifndef MP_PRKEYS_H
#define MP_PRKEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PRKEYS_DEFAULT_FILE "/etc/multipath/prkeys"

/* A reservation key and its APTPL flag (persist through power loss). */
struct prkey {
	uint64_t key; /* 0: none */
	bool aptpl;
};

/* Parse s in the key syntax above. 0 and *out, or -EINVAL. */
int prkey_parse(const char *s, struct prkey *out);

/* "0x123" or "0x123:aptpl" (lowercase hex, no leading zeros) into buf;
 * "none" for the key 0. Returns buf. */
const char *prkey_format(const struct prkey *k, char *buf, size_t size);

/* The key of wwid in file. 0 and *out; -ENOENT when the file or an entry
 * for wwid does not exist; -EINVAL for a bad wwid; -errno of reading. */
int prkeys_file_get(const char *file, const char *wwid, struct prkey *out);

/*
 * Set the key of wwid in file: its line is rewritten in place (or the line
 * an unset commented out), or appended;
 * key 0 comments its line out (nothing to do when it has none). The file
 * (mode 0600, with the header) and its directories are created when
 * missing. Returns 0, -EINVAL (bad wwid) or -errno (the file is unchanged).
 */
int prkeys_file_set(const char *file, const char *wwid, const struct prkey *k);

#endif
