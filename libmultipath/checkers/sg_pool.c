// SPDX-License-Identifier: GPL-2.0-or-later
/* A bounded pool of worker threads running SG_IO on block devices, the
 * fallback of tur and readsector0 without an sg node (see sg_pool.h). */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "../scsi.h"
#include "sg_pool.h"

enum job_state { JOB_IDLE, JOB_QUEUED, JOB_RUNNING, JOB_DONE };

struct sg_job {
	struct sg_job *next; /* in the queue */
	enum job_state state;
	bool orphan;	   /* released while RUNNING: the worker frees it */
	int fd;		   /* dup of the block device fd */
	int efd;	   /* eventfd, readable when DONE */
	int err;	   /* SG_IO errno */
	struct sg_cmd cmd; /* last: flexible buffer */
};

static struct {
	pthread_mutex_t lock;
	pthread_cond_t work; /* a job was queued */
	struct sg_job *head, *tail;
	unsigned workers, idle, queued, orphans;
	unsigned jobs; /* alive and not orphaned */
} pool = {
    .lock = PTHREAD_MUTEX_INITIALIZER,
    .work = PTHREAD_COND_INITIALIZER,
};

static int worker_start(void);

static void job_destroy(struct sg_job *job)
{
	close(job->fd);
	close(job->efd);
	free(job);
}

int sg_job_new(int blk_fd, unsigned buf_len, struct sg_job **out)
{
	struct sg_job *job = calloc(1, sizeof(*job) + buf_len);
	int rc;

	if (!job)
		return -ENOMEM;
	job->cmd.buf_len = buf_len;
	job->fd = fcntl(blk_fd, F_DUPFD_CLOEXEC, 0);
	if (job->fd < 0) {
		rc = -errno;
		goto free_job;
	}
	job->efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (job->efd < 0) {
		rc = -errno;
		goto close_fd;
	}
	/* a worker per job up to the limit, started now so that
	 * sg_job_submit() does not pay for it (a failure is retried there) */
	pthread_mutex_lock(&pool.lock);
	pool.jobs++;
	if (pool.workers < pool.jobs && pool.workers < SG_POOL_WORKERS)
		worker_start();
	pthread_mutex_unlock(&pool.lock);
	*out = job;
	return 0;

close_fd:
	close(job->fd);
free_job:
	free(job);
	return rc;
}

struct sg_cmd *sg_job_cmd(struct sg_job *job)
{
	return &job->cmd;
}

int sg_job_fd(const struct sg_job *job)
{
	return job->efd;
}

/* Called with the lock held. */
static struct sg_job *queue_pop(void)
{
	struct sg_job *job = pool.head;

	if (job) {
		pool.head = job->next;
		if (!pool.head)
			pool.tail = NULL;
		job->next = NULL;
		pool.queued--;
	}
	return job;
}

/* Called with the lock held; job is QUEUED. */
static void queue_remove(struct sg_job *job)
{
	struct sg_job **pp = &pool.head, *prev = NULL;

	while (*pp && *pp != job) {
		prev = *pp;
		pp = &(*pp)->next;
	}
	if (!*pp)
		return;
	*pp = job->next;
	if (pool.tail == job)
		pool.tail = prev;
	job->next = NULL;
	pool.queued--;
}

/* Called with the lock held; waits for work. false: this worker should
 * exit, SG_POOL_IDLE_S seconds without work and more workers than jobs. */
static bool worker_wait(void)
{
	struct timespec until;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += SG_POOL_IDLE_S;
	while (!pool.head) {
		int rc;

		pool.idle++;
		rc = pthread_cond_timedwait(&pool.work, &pool.lock, &until);
		pool.idle--;
		if (rc != ETIMEDOUT || pool.head)
			continue;
		if (pool.workers > pool.jobs)
			return false;
		until.tv_sec += SG_POOL_IDLE_S;
	}
	return true;
}

static void *worker_main(void *arg)
{
	(void)arg;
	pthread_setname_np(pthread_self(), "sg_pool");
	pthread_mutex_lock(&pool.lock);
	while (worker_wait()) {
		struct sg_job *job = queue_pop();
		int err;

		job->state = JOB_RUNNING;
		pthread_mutex_unlock(&pool.lock);
		err = -scsi_sg_io(job->fd, &job->cmd.hdr);
		pthread_mutex_lock(&pool.lock);
		if (job->orphan) {
			pool.orphans--;
			job_destroy(job);
			continue;
		}
		job->err = err;
		job->state = JOB_DONE;
		eventfd_write(job->efd, 1);
	}
	pool.workers--;
	pthread_mutex_unlock(&pool.lock);
	return NULL;
}

/* Called with the lock held. A detached worker with all signals blocked. */
static int worker_start(void)
{
	sigset_t all, old;
	pthread_attr_t attr;
	pthread_t tid;
	int rc;

	rc = pthread_attr_init(&attr);
	if (rc)
		return -rc;
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&tid, &attr, worker_main, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_attr_destroy(&attr);
	if (rc)
		return -rc;
	pool.workers++;
	return 0;
}

int sg_job_submit(struct sg_job *job)
{
	int rc = 0;

	pthread_mutex_lock(&pool.lock);
	if (job->state != JOB_IDLE) {
		rc = -EBUSY;
		goto unlock;
	}
	/* sg_job_new() started the workers; only make up for a failure */
	if (pool.workers < pool.jobs && pool.workers < SG_POOL_WORKERS && worker_start() < 0 &&
	    !pool.workers) {
		rc = -EAGAIN;
		goto unlock;
	}
	job->state = JOB_QUEUED;
	if (pool.tail)
		pool.tail->next = job;
	else
		pool.head = job;
	pool.tail = job;
	pool.queued++;
	pthread_cond_signal(&pool.work);
unlock:
	pthread_mutex_unlock(&pool.lock);
	return rc;
}

int sg_job_collect(struct sg_job *job, int *err)
{
	eventfd_t v;
	int rc = 0;

	pthread_mutex_lock(&pool.lock);
	if (job->state == JOB_DONE) {
		eventfd_read(job->efd, &v);
		job->state = JOB_IDLE;
		*err = job->err;
		rc = 1;
	}
	pthread_mutex_unlock(&pool.lock);
	return rc;
}

int sg_job_dequeue(struct sg_job *job)
{
	int rc = 0;

	pthread_mutex_lock(&pool.lock);
	if (job->state == JOB_QUEUED) {
		queue_remove(job);
		job->state = JOB_IDLE;
		rc = 1;
	}
	pthread_mutex_unlock(&pool.lock);
	return rc;
}

void sg_job_release(struct sg_job *job)
{
	if (!job)
		return;
	pthread_mutex_lock(&pool.lock);
	pool.jobs--;
	if (job->state == JOB_RUNNING) {
		job->orphan = true;
		pool.orphans++;
		pthread_mutex_unlock(&pool.lock);
		return;
	}
	if (job->state == JOB_QUEUED)
		queue_remove(job);
	pthread_mutex_unlock(&pool.lock);
	job_destroy(job);
}

void sg_pool_stats(struct sg_pool_stats *out)
{
	pthread_mutex_lock(&pool.lock);
	out->workers = pool.workers;
	out->idle = pool.idle;
	out->queued = pool.queued;
	out->orphans = pool.orphans;
	pthread_mutex_unlock(&pool.lock);
}
