// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The blocking-work pool of the daemon (workq.h).
 *
 * The queue is a small array in posting order; a worker takes the first
 * item whose key no worker runs. running[i] is the key worker i runs ("":
 * none). Workers wait on one condition variable, broadcast on every post
 * and every end of a run (a waiting item of that key may start then).
 */
#include <errno.h>
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "workq.h"

struct workq_item {
	char key[WORKQ_KEY_SIZE];
	bool flag;
};

struct workq_worker {
	struct workq *q;
	pthread_t thr;
	bool joined;
	char running[WORKQ_KEY_SIZE];
};

struct workq {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	workq_fn fn;
	void *ctx;
	struct workq_item *items;
	unsigned n, cap;
	unsigned idle;		/* workers waiting for an item */
	unsigned nworkers, max;
	bool stopping;
	char name[16];
	struct workq_worker workers[];
};

static void key_copy(char *dst, const char *src)
{
	size_t len = strnlen(src, WORKQ_KEY_SIZE - 1);

	memcpy(dst, src, len);
	dst[len] = '\0';
}

static bool key_running(const struct workq *q, const char *key)
{
	for (unsigned i = 0; i < q->nworkers; i++)
		if (!strcmp(q->workers[i].running, key))
			return true;
	return false;
}

/* The index of the first waiting item that may start, or -1. */
static int next_item(const struct workq *q)
{
	for (unsigned i = 0; i < q->n; i++)
		if (!key_running(q, q->items[i].key))
			return (int)i;
	return -1;
}

static void *worker_main(void *arg)
{
	struct workq_worker *w = arg;
	struct workq *q = w->q;
	struct workq_item it;
	int k;

	pthread_setname_np(pthread_self(), q->name);
	pthread_mutex_lock(&q->lock);
	for (;;) {
		while (!q->stopping && (k = next_item(q)) < 0) {
			q->idle++;
			pthread_cond_wait(&q->cond, &q->lock);
			q->idle--;
		}
		if (q->stopping)
			break;
		it = q->items[k];
		memmove(&q->items[k], &q->items[k + 1], (q->n - (unsigned)k - 1) * sizeof(it));
		q->n--;
		memcpy(w->running, it.key, sizeof(it.key));
		pthread_mutex_unlock(&q->lock);
		q->fn(q->ctx, it.key, it.flag);
		pthread_mutex_lock(&q->lock);
		w->running[0] = '\0';
		pthread_cond_broadcast(&q->cond);
	}
	pthread_mutex_unlock(&q->lock);
	return NULL;
}

int workq_new(const char *name, workq_fn fn, void *ctx, unsigned max_workers,
	      struct workq **out)
{
	struct workq *q;

	if (max_workers < 1)
		max_workers = 1;
	q = calloc(1, sizeof(*q) + max_workers * sizeof(q->workers[0]));
	if (!q)
		return -ENOMEM;
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->cond, NULL);
	q->fn = fn;
	q->ctx = ctx;
	q->max = max_workers;
	snprintf(q->name, sizeof(q->name), "%s", name);
	*out = q;
	return 0;
}

/* Start a worker. Under q->lock; 0 or -errno. */
static int worker_start(struct workq *q)
{
	struct workq_worker *w = &q->workers[q->nworkers];
	int rc;

	w->q = q;
	w->running[0] = '\0';
	rc = pthread_create(&w->thr, NULL, worker_main, w);
	if (rc)
		return -rc;
	q->nworkers++;
	return 0;
}

int workq_post(struct workq *q, const char *key, bool flag)
{
	struct workq_item *it = NULL;
	int rc = 0;

	pthread_mutex_lock(&q->lock);
	if (q->stopping) {
		rc = -ESHUTDOWN;
		goto out;
	}
	for (unsigned i = 0; i < q->n && !it; i++)
		if (!strncmp(q->items[i].key, key, WORKQ_KEY_SIZE - 1))
			it = &q->items[i];
	if (it) {
		it->flag |= flag;
		goto out;
	}
	if (q->n == q->cap) {
		unsigned cap = q->cap ? q->cap * 2 : 16;
		struct workq_item *items = realloc(q->items, cap * sizeof(*items));

		if (!items) {
			rc = -ENOMEM;
			goto out;
		}
		q->items = items;
		q->cap = cap;
	}
	/* a new worker when none waits (they all run, maybe hung) */
	if (q->idle == 0 && q->nworkers < q->max) {
		rc = worker_start(q);
		if (rc < 0 && q->nworkers > 0)
			rc = 0; /* the ones there will take it */
		if (rc < 0)
			goto out;
	}
	it = &q->items[q->n++];
	key_copy(it->key, key);
	it->flag = flag;
	pthread_cond_broadcast(&q->cond);
out:
	pthread_mutex_unlock(&q->lock);
	return rc;
}

unsigned workq_waiting(struct workq *q)
{
	unsigned n;

	pthread_mutex_lock(&q->lock);
	n = q->n;
	pthread_mutex_unlock(&q->lock);
	return n;
}

bool workq_stop(struct workq *q, const struct timespec *deadline)
{
	bool all = true;
	unsigned n;

	if (!q)
		return true;
	pthread_mutex_lock(&q->lock);
	q->stopping = true;
	q->n = 0;
	n = q->nworkers; /* no worker starts once stopping is set */
	pthread_cond_broadcast(&q->cond);
	pthread_mutex_unlock(&q->lock);
	for (unsigned i = 0; i < n; i++) {
		struct workq_worker *w = &q->workers[i];

		if (!w->joined)
			w->joined = pthread_timedjoin_np(w->thr, NULL, deadline) == 0;
		all &= w->joined;
	}
	if (!all)
		return false;
	free(q->items);
	pthread_cond_destroy(&q->cond);
	pthread_mutex_destroy(&q->lock);
	free(q);
	return true;
}
