/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The topology of a map in the shape of `multipath -ll`:
 *
 *   mpatha (36001405abc) dm-0 Linux,scsi_debug
 *   size=64M features='0' hwhandler='1 alua' wp=rw
 *   |-+- policy='service-time 0' prio=50 status=active
 *   | `- 0:0:0:0 sda 8:0  active ready running
 *   `-+- policy='service-time 0' prio=10 status=enabled
 *     `- 1:0:0:0 sdb 8:16 active ready running
 *
 * Pure formatting: reads the map, its groups and paths, does no IO.
 * print.c: the topology; print_fmt.c: wildcard formats and JSON (below).
 */
#ifndef MP_PRINT_H
#define MP_PRINT_H

#include "structs.h"
#include "util/strbuf.h"

/* "64M", "1.5G": sectors in binary units, as multipath -ll shows them. */
int print_size(uint64_t sectors, struct strbuf *out);

/*
 * Append the topology of mpp. action (may be NULL) prefixes the header, as
 * in "create: mpatha (...)". with_checker: show checker states and group
 * priorities (-ll); without, they show as "undef" and 0 (-l).
 * Returns 0 or -ENOMEM.
 */
int print_map_topology(const struct multipath *mpp, const char *action, bool with_checker,
		       struct strbuf *out);

/*
 * Wildcard formats, as `multipathd show paths|maps format F` prints them
 * (and `multipath -ll` may reuse them).
 *
 * A format is text with wildcards: "%X" is the value of wildcard X of the
 * object (`print_wildcards()` lists every one with its column header),
 * "%%" a percent sign; an unknown "%X" prints nothing (multipath-tools
 * does the same). One line per object, in vector order.
 * Padded (raw false): a header line with each wildcard's column header
 * first, then every cell, the header included, padded with blanks on the
 * right to its column's widest text; the text between wildcards is kept as
 * it is. Raw: no header and no padding.
 * `only` (not NULL): the line of that object alone, without a header, its
 * cells still padded to the widths of every object's cells (multipath-tools'
 * `show map M format F`); -ENOENT when it is not in the vector.
 *
 * Our own path wildcard, PRINT_IO_ERR_WILDCARD (%E, header "io_err_stat"):
 * io_err_stat's state of the path from io_err_stat_path_status(),
 * "sampling 12/30s 3/2250", "held 40s 61/1000", "suspect 1" or "-".
 *
 * Locking: these read the objects only; the caller holds whatever guards
 * them (multipathd: vecs.lock). With ctx->ies set, io_err_stat's lock is
 * taken inside (after the caller's, the documented order).
 * Returns 0, -EINVAL (fmt NULL), -ENOENT or -ENOMEM (out may then hold a
 * partial text).
 */
struct io_err_stat;

struct print_ctx {
	long now;                /* CLOCK_MONOTONIC seconds, for countdowns
				  * (next_check, failback, queueing) */
	struct io_err_stat *ies; /* for %E and the JSON io_err_stat field;
				  * NULL: "-" */
};

#define PRINT_IO_ERR_WILDCARD 'E'

/* The default layouts of multipathd's `show` commands. */
#define PRINT_PATHS_DEFAULT "%i %d %D %p %t %T %o %C"
#define PRINT_MAPS_DEFAULT "%n %d %w"
#define PRINT_MAPS_STATUS "%n %F %Q %N %t %r"
#define PRINT_MAPS_STATS "%n %0 %1 %2 %3 %4"

int print_paths_fmt(const char *fmt, const struct pathvec *paths, const struct path *only,
		    const struct print_ctx *ctx, bool raw, struct strbuf *out);
int print_maps_fmt(const char *fmt, const struct mapvec *maps, const struct multipath *only,
		   const struct print_ctx *ctx, bool raw, struct strbuf *out);
/* The path groups of one map: %s selector, %p pri, %t dm_st, %M marginal_st. */
int print_pgs_fmt(const char *fmt, const struct multipath *mpp, const struct print_ctx *ctx,
		  bool raw, struct strbuf *out);

/*
 * `show wildcards`: "multipath format wildcards:", then a line "%X  header"
 * per map wildcard, an empty line, the same for "path" and "pathgroup".
 * Returns 0 or -ENOMEM.
 */
int print_wildcards(struct strbuf *out);

/*
 * JSON, multipath-tools' schema and layout (`show maps json` /
 * `show map M json`): {"major_version", "minor_version", "maps": [...]}
 * or {..., "map": {...}}; a map has name, uuid, sysfs, failback, queueing,
 * paths (usable count), write_prot, dm_st, features, hwhandler, action,
 * path_faults, vend, prod, rev, switch_grp, map_loads, total_q_time,
 * q_timeouts and path_groups [{selector, pri, dm_st, marginal_st, group,
 * paths [{dev, dev_t, dm_st, dev_st, chk_st, checker, pri, host_wwnn,
 * target_wwnn, host_wwpn, target_wwpn, host_adapter, lun_hex, marginal_st,
 * io_err_stat}]}]. io_err_stat is ours (the %E text), added last. Strings
 * are escaped (quote, backslash, control characters as \uXXXX).
 * Returns 0 or -ENOMEM.
 */
#define PRINT_JSON_MAJOR 0
#define PRINT_JSON_MINOR 1
int print_maps_json(const struct mapvec *maps, const struct print_ctx *ctx, struct strbuf *out);
int print_map_json(const struct multipath *mpp, const struct print_ctx *ctx, struct strbuf *out);

/* Append s as a JSON string, quotes included. NULL is "". 0 or -ENOMEM. */
int print_json_string(const char *s, struct strbuf *out);

/* Small helpers the formats share. */
const char *print_dm_path_state(enum dm_path_state st); /* active, failed, undef */
const char *print_pg_state(enum pg_state st);           /* active, enabled, disabled, undef */
int print_map_usable_paths(const struct multipath *mpp);
/* A SCSI LUN number in the 8-byte SAM format, as %L prints it. */
uint64_t print_lun_sam(int lun);

#endif
