// SPDX-License-Identifier: GPL-2.0-or-later
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "parallel.h"

struct run {
	const struct parallel_job *job;
	atomic_size_t next;
};

static void take_items(struct run *r)
{
	const struct parallel_job *j = r->job;

	for (size_t i; (i = atomic_fetch_add(&r->next, 1)) < j->n;)
		j->item(j->arg, i);
}

static void *worker(void *arg)
{
	struct run *r = arg;
	const struct parallel_job *j = r->job;

	if (j->thread_begin)
		j->thread_begin(j->arg);
	take_items(r);
	if (j->thread_end)
		j->thread_end(j->arg);
	return NULL;
}

void parallel_run(const struct parallel_job *job, unsigned workers)
{
	struct run r = {.job = job};
	pthread_t *thr = NULL;
	unsigned started = 0;

	if (workers > job->n)
		workers = (unsigned)job->n;
	if (workers > 1)
		thr = calloc(workers - 1, sizeof(*thr));
	for (unsigned i = 0; thr && i < workers - 1; i++) {
		if (pthread_create(&thr[i], NULL, worker, &r))
			break;
		started++;
	}
	take_items(&r);
	for (unsigned i = 0; i < started; i++)
		pthread_join(thr[i], NULL);
	free(thr);
}
