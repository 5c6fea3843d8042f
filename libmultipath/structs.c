// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdlib.h>
#include <string.h>

#include "checkers/checkers.h"
#include "structs.h"

void strlcpy_trunc(char *dst, const char *src, size_t size)
{
	size_t n;

	if (size == 0)
		return;
	n = src ? strnlen(src, size - 1) : 0;
	if (n)
		memcpy(dst, src, n);
	dst[n] = '\0';
}

struct path *path_new(void)
{
	struct path *pp = calloc(1, sizeof(*pp));

	if (!pp)
		return NULL;
	pp->hbtl = (struct scsi_hbtl){-1, -1, -1, -1};
	pp->priority = PRIO_UNDEF;
	pp->tpg_id = -1;
	return pp;
}

void path_free(struct path *pp)
{
	if (pp)
		checker_free(pp->checker);
	free(pp);
}

void pathvec_free(struct pathvec *pv)
{
	if (!pv)
		return;
	for (size_t i = 0; i < pv->n; i++)
		path_free(pv->items[i]);
	pathvec_release(pv);
}

struct path *pathvec_find_dev(const struct pathvec *pv, const char *dev)
{
	for (size_t i = 0; i < pv->n; i++)
		if (pv->items[i]->dev[0] && !strcmp(pv->items[i]->dev, dev))
			return pv->items[i];
	return NULL;
}

struct path *pathvec_find_devt(const struct pathvec *pv, const char *devt)
{
	for (size_t i = 0; i < pv->n; i++)
		if (!strcmp(pv->items[i]->dev_t, devt))
			return pv->items[i];
	return NULL;
}

struct pathgroup *pathgroup_new(void)
{
	return calloc(1, sizeof(struct pathgroup));
}

void pathgroup_free(struct pathgroup *pg)
{
	if (!pg)
		return;
	pathvec_release(&pg->paths);
	free(pg);
}

void pathgroup_update_priority(struct pathgroup *pg)
{
	long sum = 0, all = 0;
	size_t usable = 0;

	for (size_t i = 0; i < pg->paths.n; i++) {
		const struct path *pp = pg->paths.items[i];
		int prio = pp->priority > 0 ? pp->priority : 0;

		all += prio;
		if (path_state_usable(pp->state)) {
			sum += prio;
			usable++;
		}
	}
	if (usable)
		pg->priority = (int)(sum / (long)usable);
	else
		pg->priority = pg->paths.n ? (int)(all / (long)pg->paths.n) : 0;
}

bool path_state_usable(enum path_state st)
{
	return st == PATH_UP || st == PATH_GHOST;
}

struct multipath *map_new(void)
{
	struct multipath *mpp = calloc(1, sizeof(*mpp));

	if (mpp) {
		mpp->dm_minor = -1;
		mpp->queue_if_no_path = -1;
	}
	return mpp;
}

void map_free_pgs(struct multipath *mpp)
{
	for (size_t i = 0; i < mpp->pgs.n; i++)
		pathgroup_free(mpp->pgs.items[i]);
	pgvec_release(&mpp->pgs);
}

void map_free(struct multipath *mpp)
{
	if (!mpp)
		return;
	for (size_t i = 0; i < mpp->paths.n; i++)
		if (mpp->paths.items[i]->mpp == mpp)
			mpp->paths.items[i]->mpp = NULL;
	map_free_pgs(mpp);
	pathvec_release(&mpp->paths);
	free(mpp->features);
	free(mpp->hwhandler);
	free(mpp->selector);
	free(mpp);
}

void mapvec_free(struct mapvec *mv)
{
	if (!mv)
		return;
	for (size_t i = 0; i < mv->n; i++)
		map_free(mv->items[i]);
	mapvec_release(mv);
}

struct multipath *mapvec_find_alias(const struct mapvec *mv, const char *alias)
{
	for (size_t i = 0; i < mv->n; i++)
		if (!strcmp(mv->items[i]->alias, alias))
			return mv->items[i];
	return NULL;
}

struct multipath *mapvec_find_wwid(const struct mapvec *mv, const char *wwid)
{
	for (size_t i = 0; i < mv->n; i++)
		if (!strcmp(mv->items[i]->wwid, wwid))
			return mv->items[i];
	return NULL;
}

const char *path_state_name(enum path_state st)
{
	switch (st) {
	case PATH_WILD:
		return "undef";
	case PATH_DOWN:
		return "faulty";
	case PATH_UP:
		return "ready";
	case PATH_SHAKY:
		return "shaky";
	case PATH_GHOST:
		return "ghost";
	case PATH_PENDING:
		return "i/o pending";
	case PATH_TIMEOUT:
		return "i/o timeout";
	case PATH_REMOVED:
		return "removed";
	case PATH_DELAYED:
		return "delayed";
	default:
		return "undef";
	}
}
