/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The dm-multipath table and status strings, to and from struct multipath.
 *
 * Table parameters (what follows the target type "multipath" in a table line,
 * see the kernel's Documentation/admin-guide/device-mapper/ and dm-mpath.c):
 *
 *   <#feat> <feat>... <#hwh> [<hwh name> <hwh arg>...] <#pgs> <first pg>
 *   then per path group:
 *     <selector> <#sel args> <sel arg>... <#paths> <#per-path args>
 *     then per path: <major:minor> <per-path arg>...
 *
 * Status parameters (dmsetup status):
 *
 *   <#feat> <feat status>... <#hwh> <hwh status>... <#pgs> <next pg>
 *   then per path group:
 *     <A|E|D> <#pg sel status> <pg sel status>... <#paths> <#per-path status>
 *     then per path: <major:minor> <A|F> <fail count> <per-path status>...
 *
 * In the strings of struct multipath, features and hwhandler keep their
 * leading count ("1 queue_if_no_path", "1 alua", "0") and the selector keeps
 * its argument count ("service-time 0"). Words are separated by single
 * spaces in everything this module produces; it accepts any run of spaces,
 * tabs and newlines between words.
 *
 * A table read back from the kernel need not equal the one loaded: the kernel
 * shows the hardware handler without its arguments ("1 emc" for "2 emc 1"),
 * the selectors' repeat count as 1 (6.1: larger values are "deprecated") and
 * service-time with its second per-path argument; after "switch_group N" the
 * first group field is N.
 *
 * Every function is a pure transformation of its arguments: no locking of its
 * own (the caller holds whatever protects mpp and pv), no logging above level
 * 3. Input strings are untrusted: every count is checked against the words
 * that remain, numbers against overflow, and malformed input gives -EINVAL.
 */
#ifndef MP_DMPARSER_H
#define MP_DMPARSER_H

#include "structs.h"
#include "util/strbuf.h"

/*
 * Append the table parameters of mpp to params.
 *
 * Uses mpp->features and mpp->hwhandler (NULL means "0"), mpp->selector
 * (required, "<name> <#args> <args>..."), the path groups with their paths'
 * dev_t, mpp->nextpg (0 means the first group) and one per-path argument:
 * mpp->minio (values below 1 count as 1), multiplied by the path's priority
 * when mpp->rr_weight == RR_WEIGHT_PRIORITIES and that priority is > 0,
 * capped at UINT_MAX.
 *
 * Returns 0; -EINVAL when there is no path group, a group has no path, a path
 * has no valid dev_t ("major:minor"), nextpg is beyond the last group, the
 * selector is missing or one of the three strings does not match its counts;
 * -ENOMEM. params is left as it was on failure.
 */
int dmtable_assemble(const struct multipath *mpp, struct strbuf *params);

/*
 * Parse table parameters into mpp.
 *
 * Sets mpp->features, hwhandler and selector (normalised as above; the
 * selector of the first group when the groups differ, the old selector kept
 * when the table has no group), replaces the path groups (status
 * PGSTATE_UNDEF, priority 0) and mpp->paths (each path once, in table order,
 * path->mpp set; paths that left the map get mpp NULL), sets nextpg,
 * queue_if_no_path (1 when the features contain "queue_if_no_path", else 0)
 * and minio from the first per-path argument of the first path that has
 * any (a number up to UINT_MAX, capped at INT_MAX). rr_weight and
 * the paths' priorities are not touched.
 *
 * Paths are looked up by "major:minor" in pv; a path that is absent is
 * created there with path_new(), only dev_t and devt set. pv owns it.
 *
 * The table is validated in full before anything changes. Returns 0;
 * -EINVAL on malformed input (wrong or excessive counts, missing or extra
 * words, non-numeric counts or first per-path argument, bad device numbers, a
 * group without paths); -ENOMEM. On failure mpp and pv are unchanged.
 */
int dmtable_disassemble(const char *params, struct multipath *mpp, struct pathvec *pv);

/*
 * Parse status parameters into a map whose table was disassembled before.
 *
 * Sets each group's status (A PGSTATE_ACTIVE, E PGSTATE_ENABLED,
 * D PGSTATE_DISABLED), mpp->nextpg (the group the kernel uses next, which
 * a switch_group sets before any IO makes it active) and each path's dmstate (A PSTATE_ACTIVE, F
 * PSTATE_FAILED) and failcount. The feature status of dm-multipath reports
 * queued IO and pg_init count, not queue_if_no_path: mpp->queue_if_no_path is
 * left alone (dmtable_disassemble() sets it from the table's features).
 *
 * The groups and paths must match mpp in number and order, and each path's
 * device number must equal the dev_t of the path in mpp. Returns 0 or -EINVAL
 * (malformed or not matching); mpp is unchanged on failure.
 */
int dmtable_parse_status(const char *params, struct multipath *mpp);

#endif
