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

/* "failover", "multibus", "group_by_serial", "group_by_prio",
 * "group_by_node_name"; "undef" for anything else. Static string. */
const char *pgpolicy_name(int policy);

#endif
