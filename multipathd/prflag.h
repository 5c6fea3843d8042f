/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * multipathd's side of SCSI persistent reservations (reservation_key,
 * prkeys_file, all_tg_pt), as multipath-tools 0.9.4 behaves (observed in
 * the VM):
 *   - when a map with a reservation key appears (created or adopted; again
 *     when its dm device or its configured key changes), READ KEYS is sent
 *     on its usable paths in turn until one answers: the map's "prflag" is
 *     set when the key is registered on the LUN, cleared otherwise. Nothing
 *     is registered then.
 *   - when a path is added to a WWID whose prflag is set, or a path of such
 *     a map comes back in service, READ KEYS on that path, and when the key
 *     is registered on the LUN, REGISTER AND IGNORE EXISTING KEY on it (with
 *     APTPL for "KEY:aptpl", ALL_TG_PT with all_tg_pt yes). A key no longer
 *     registered anywhere is not registered again (prflag stays set).
 *   - the commands getprstatus, setprstatus, unsetprstatus, getprkey,
 *     setprkey, unsetprkey (pr_command()).
 * The key of a map: reservation_key as property selection gives it; "file":
 * the map's line in prkeys_file (prkeys.h); none: 0.
 *
 * Threads and locks: the prflags are kept per WWID (they survive the
 * rebuilds of the map object) in a table guarded by vecs.lock. The SG_IO
 * runs on the "prkey" threads (a workq.h queue keyed by the path's devt,
 * or "m:MINOR" for a map's check): they copy what they need under
 * vecs.lock, send the commands without any lock, and publish the prflag
 * under it after looking the map up again. The hooks below only post.
 * Errors: 0 or -errno; logs at verbosity 2 (a registration) and 3.
 */
#ifndef MPATHD_PRFLAG_H
#define MPATHD_PRFLAG_H

#include <stdbool.h>
#include <time.h>

struct cli_cmd;
struct daemon;
struct multipath;
struct path;
struct strbuf;

enum { PRFLAG_WORKERS = 2 };

/* Make d->pr (the table and the queue; no thread before the first post).
 * 0 or -ENOMEM. */
int prflag_start(struct daemon *d);

/* Stop the queue (waiting items dropped, running ones waited for until
 * deadline, CLOCK_REALTIME) and free d->pr, cleared under vecs.lock (a
 * dispatcher not joined in time then posts nothing). false: a worker is
 * still in SG_IO, or vecs.lock was not free by the deadline; nothing was
 * freed. NULL d->pr: true. After the checker thread is joined. */
bool prflag_stop(struct daemon *d, const struct timespec *deadline);

/* A map object was published: check its key's registration if it is new
 * to the table, its dm minor or its configured key changed. Under
 * vecs.lock. */
void prflag_map_published(struct daemon *d, const struct multipath *mpp);

/* A path was added (uevent, `add path`): register the key on it when its
 * WWID's prflag is set. Under vecs.lock. */
void prflag_path_added(struct daemon *d, const struct path *pp);

/* Path devt came back in service: the same. Any thread, no lock. */
void prflag_path_returned(struct daemon *d, const char *devt);

/*
 * The six commands. Returns 1 when c is not one of them (reply untouched),
 * else the answer in reply, byte for byte multipath-tools 0.9.4's:
 *   getprstatus   "0" or "1" (no newline)
 *   getprkey      "0x123\n", "0x123:aptpl\n", "none\n"
 *   the others    "ok\n"
 *   an unknown map, a bad key, a file that cannot be written, or a
 *   set/unsetprkey after which the map's key is not the one asked for
 *   (its reservation_key is not "file"): "fail\n" and -errno.
 * The listener thread, no lock held; set/unsetprkey write prkeys_file
 * even when they then answer "fail", as 0.9.4 does.
 */
int prflag_command(struct daemon *d, const struct cli_cmd *c, struct strbuf *reply);

#endif
