/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Work items on a few threads: parallel_run() calls item(arg, i) once for
 * every i < n, on up to `workers` threads, the calling one included; each
 * thread takes the next item not yet taken. Used where each item mostly
 * waits for the kernel (a disk's sysfs reads and SG_IO in the scan, a new
 * map's create and first table load): the waits overlap.
 */
#ifndef MPT_UTIL_PARALLEL_H
#define MPT_UTIL_PARALLEL_H

#include <stddef.h>

struct parallel_job {
	size_t n;
	void (*item)(void *arg, size_t i);
	/* optional: on each thread parallel_run() starts, before its first item
	 * and after its last (the calling thread, which takes items too, is
	 * prepared by the caller, before and after parallel_run()) */
	void (*thread_begin)(void *arg);
	void (*thread_end)(void *arg);
	void *arg;
};

/* Returns when every item is done. Fewer threads run when they cannot be
 * made (the calling thread then does the rest); workers 0 counts as 1. */
void parallel_run(const struct parallel_job *job, unsigned workers);

#endif
