/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Path grouping policies: split a map's paths into path groups.
 *
 * The groups borrow the map's paths (struct multipath owns the groups, the
 * pathvec owns the paths). Nothing here locks: the caller holds whatever
 * protects mpp (the vectors lock in multipathd).
 */
#ifndef MP_PGPOLICIES_H
#define MP_PGPOLICIES_H

#include "structs.h"

/*
 * Build mpp->pgs from mpp->paths according to policy (PGP_* in
 * config/keywords.h):
 *   failover            one path per group
 *   multibus            one group with every path, in path order
 *   group_by_serial     paths with equal pp->serial together
 *   group_by_prio       paths with equal pp->priority together
 *   group_by_node_name  paths with equal pp->tgt_node_name together
 *   group_by_tpg        paths with equal pp->tpg_id (ALUA target port
 *                       group) together; when a path has no TPG id (-1)
 *                       the whole map is grouped as group_by_prio instead
 *                       (logged at verbosity 3)
 * Marginal paths (pp->marginal: multipathd marks them, see
 * multipathd/pathevents.c and checker.c) are grouped apart by the same
 * policy, into groups with pg->marginal set, sorted the same way and placed
 * after every group of normal paths: the kernel uses them only when every
 * normal group has failed. A map whose paths are all marginal has only
 * marginal groups.
 * Group priority = pathgroup_update_priority() (the average priority of the
 * group's usable paths, see path_state_usable(); of all of them when none is
 * usable; an undefined priority counts as 0). Groups are sorted by priority,
 * highest first, stably: within equal priority groups keep the order of
 * their first path in mpp->paths, and paths keep their order within a group.
 * The previous groups are freed. mpp->nextpg becomes 1 (0 for a map
 * without paths, which gets no groups).
 * Returns 0, -EINVAL (unknown policy) or -ENOMEM; on failure mpp is
 * unchanged.
 */
int pgpolicy_group(struct multipath *mpp, int policy);

/* Whether paths is not empty and every path's prioritizer (prio_name) is
 * alua or sysfs: the condition of detect_pgpolicy (see propsel_pgpolicy()). */
bool pgpolicy_alua_prio(const struct pathvec *paths);

/* "failover", "multibus", "group_by_serial", "group_by_prio",
 * "group_by_node_name", "group_by_tpg"; "undef" for anything else. Static
 * string. */
const char *pgpolicy_name(int policy);

#endif
