/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The fallback of the SG checkers (tur, readsector0) for a path without an
 * sg node (module sg not loaded, no /dev/sgN): a small process-wide pool of
 * worker threads that run the blocking ioctl(SG_IO) on the block device,
 * so that the caller never waits for a device.
 *
 * Model: a checker owns one job (struct sg_job) for its lifetime. A job is
 * IDLE, QUEUED (waiting for a worker), RUNNING (a worker is inside SG_IO)
 * or DONE (the result waits in the job). sg_job_submit() queues it; a
 * worker runs it and makes the job's eventfd readable; sg_job_collect()
 * takes the result. There are as many worker threads as jobs, at most
 * SG_POOL_WORKERS: sg_job_new() starts them (so that sg_job_submit(), on
 * the checker's non-blocking path, does not), and a worker exits after
 * SG_POOL_IDLE_S seconds without work when there are more workers than
 * jobs.
 *
 * When every worker is stuck in SG_IO on hung devices, new jobs wait in the
 * queue: their checkers report PATH_TIMEOUT at their timeout (the caller
 * takes a job still queued then back with sg_job_dequeue()) until a worker
 * comes free. A worker is stuck for the command timeout plus the SCSI error
 * handler's time, or for as long as the device's transport is blocked.
 *
 * Ownership: the job owns a dup() of the block device fd, its eventfd and
 * the command memory (struct sg_cmd) the kernel reads and writes. The
 * caller may fill job->cmd only while the job is IDLE. sg_job_release() of
 * a RUNNING job does not wait: the worker frees the job (and closes its
 * fds) when SG_IO returns, so the kernel never writes into freed memory.
 *
 * Threads and locking: one leaf mutex guards the queue and job states;
 * nothing blocks while holding it. A job is used by one caller thread at a
 * time. Workers block all signals.
 *
 * Errors: 0 or -errno; nothing logs.
 */
#ifndef MP_CHECKERS_SG_POOL_H
#define MP_CHECKERS_SG_POOL_H

#include <scsi/sg.h>

enum { SG_POOL_WORKERS = 4, SG_POOL_IDLE_S = 10, SG_CDB_MAX = 16, SG_SENSE_MAX = 32 };

/* The memory of one SCSI command handed to the kernel: the header points
 * into cdb, sense and buf (buf_len bytes of data in, 0: none). */
struct sg_cmd {
	struct sg_io_hdr hdr;
	unsigned char cdb[SG_CDB_MAX];
	unsigned char sense[SG_SENSE_MAX];
	unsigned buf_len;
	unsigned char buf[];
};

struct sg_job;

/* A job with room for buf_len data bytes, running SG_IO on a dup() of
 * blk_fd; starts a worker when there are fewer than jobs (and than
 * SG_POOL_WORKERS). Returns 0 and *out, or -errno (dup, eventfd, -ENOMEM). */
int sg_job_new(int blk_fd, unsigned buf_len, struct sg_job **out);

/* The command to fill before sg_job_submit(); only while the job is idle. */
struct sg_cmd *sg_job_cmd(struct sg_job *job);

/* The eventfd that becomes readable when the job is DONE. */
int sg_job_fd(const struct sg_job *job);

/* Queue an IDLE job for a worker (starting one only if sg_job_new() could
 * not). Returns 0, -EBUSY when the job is not idle, or -EAGAIN when no
 * worker exists and none can be started. */
int sg_job_submit(struct sg_job *job);

/* If the job is DONE: make it IDLE, store the SG_IO errno (0: the header
 * holds the result) in *err and return 1. Otherwise 0. */
int sg_job_collect(struct sg_job *job, int *err);

/* If the job is still QUEUED (no worker took it): take it back, IDLE, and
 * return 1. Otherwise 0. */
int sg_job_dequeue(struct sg_job *job);

/* Free the job now, or when its worker is done with it. NULL ok. */
void sg_job_release(struct sg_job *job);

/* Counters for tests: workers alive, idle, jobs queued, orphans running. */
struct sg_pool_stats {
	unsigned workers, idle, queued, orphans;
};
void sg_pool_stats(struct sg_pool_stats *out);

#endif
