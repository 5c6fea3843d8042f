// SPDX-License-Identifier: GPL-2.0-or-later
/* Path grouping policies. */
#include <errno.h>
#include <string.h>

#include "config/keywords.h"
#include "pgpolicies.h"
#include "util/log.h"

/* Whether a and b belong in one group under policy. */
static bool same_group(int policy, const struct path *a, const struct path *b)
{
	switch (policy) {
	case PGP_MULTIBUS:
		return true;
	case PGP_GROUP_BY_SERIAL:
		return !strcmp(a->serial, b->serial);
	case PGP_GROUP_BY_PRIO:
		return a->priority == b->priority;
	case PGP_GROUP_BY_TPG:
		return a->tpg_id == b->tpg_id;
	case PGP_GROUP_BY_NODE_NAME:
		return !strcmp(a->tgt_node_name, b->tgt_node_name);
	default: /* failover */
		return false;
	}
}

static void pgvec_free_all(struct pgvec *pgs)
{
	for (size_t i = 0; i < pgs->n; i++)
		pathgroup_free(pgs->items[i]);
	pgvec_release(pgs);
}

/* Put pp into the first group whose first path matches it, or a new group. */
static int group_add(struct pgvec *pgs, int policy, struct path *pp)
{
	struct pathgroup *pg;

	for (size_t i = 0; i < pgs->n; i++)
		if (same_group(policy, pgs->items[i]->paths.items[0], pp))
			return pathvec_push(&pgs->items[i]->paths, pp);
	pg = pathgroup_new();
	if (!pg)
		return -ENOMEM;
	if (pathvec_push(&pg->paths, pp) < 0 || pgvec_push(pgs, pg) < 0) {
		pathgroup_free(pg);
		return -ENOMEM;
	}
	return 0;
}

/* Stable insertion sort, highest priority first. */
static void pgs_sort(struct pgvec *pgs)
{
	for (size_t i = 1; i < pgs->n; i++) {
		struct pathgroup *pg = pgs->items[i];
		size_t j = i;

		for (; j > 0 && pgs->items[j - 1]->priority < pg->priority; j--)
			pgs->items[j] = pgs->items[j - 1];
		pgs->items[j] = pg;
	}
}

/* group_by_tpg needs the target port group of every path. */
static bool paths_have_tpg(const struct pathvec *paths)
{
	for (size_t i = 0; i < paths->n; i++)
		if (paths->items[i]->tpg_id < 0)
			return false;
	return true;
}

/* Group the paths of mpp whose marginal mark is marginal into *pgs, sorted,
 * their groups marked as such. */
static int group_part(struct multipath *mpp, int policy, bool marginal, struct pgvec *pgs)
{
	for (size_t i = 0; i < mpp->paths.n; i++) {
		struct path *pp = mpp->paths.items[i];

		if (pp->marginal == marginal && group_add(pgs, policy, pp) < 0)
			return -ENOMEM;
	}
	for (size_t i = 0; i < pgs->n; i++) {
		pgs->items[i]->marginal = marginal;
		pathgroup_update_priority(pgs->items[i]);
	}
	pgs_sort(pgs);
	return 0;
}

int pgpolicy_group(struct multipath *mpp, int policy)
{
	struct pgvec pgs = {0}, marg = {0};

	if (policy < PGP_FAILOVER || policy > PGP_GROUP_BY_TPG)
		return -EINVAL;
	if (policy == PGP_GROUP_BY_TPG && !paths_have_tpg(&mpp->paths)) {
		mp_log(3, "%s: a path has no target port group id: grouped by priority",
		       mpp->alias[0] ? mpp->alias : mpp->wwid);
		policy = PGP_GROUP_BY_PRIO;
	}
	if (group_part(mpp, policy, false, &pgs) < 0 || group_part(mpp, policy, true, &marg) < 0)
		goto fail;
	/* the marginal groups last: the kernel tries them after all others */
	for (size_t i = 0; i < marg.n; i++) {
		if (pgvec_push(&pgs, marg.items[i]) < 0)
			goto fail;
		marg.items[i] = NULL;
	}
	pgvec_release(&marg);
	map_free_pgs(mpp);
	mpp->pgs = pgs;
	mpp->nextpg = pgs.n ? 1 : 0;
	return 0;
fail:
	pgvec_free_all(&marg);
	pgvec_free_all(&pgs);
	return -ENOMEM;
}

bool pgpolicy_alua_prio(const struct pathvec *paths)
{
	for (size_t i = 0; i < paths->n; i++) {
		const char *name = paths->items[i]->prio_name;

		if (strcmp(name, "alua") && strcmp(name, "sysfs"))
			return false;
	}
	return paths->n > 0;
}

const char *pgpolicy_name(int policy)
{
	switch (policy) {
	case PGP_FAILOVER:
		return "failover";
	case PGP_MULTIBUS:
		return "multibus";
	case PGP_GROUP_BY_SERIAL:
		return "group_by_serial";
	case PGP_GROUP_BY_PRIO:
		return "group_by_prio";
	case PGP_GROUP_BY_NODE_NAME:
		return "group_by_node_name";
	case PGP_GROUP_BY_TPG:
		return "group_by_tpg";
	default:
		return "undef";
	}
}
