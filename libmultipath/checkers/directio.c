// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * directio: read logical block 0 with O_DIRECT through a slot of the
 * process-wide aio_group set, taken at creation and reused by every check.
 * Up when the whole block was read; down on an error or a short read; a
 * read older than the checker timeout gives PATH_TIMEOUT (cancelled once
 * if the kernel allows, otherwise left to complete) and no new read is
 * started until it completes.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>

#include "../aio_group.h"
#include "../util/log.h"
#include "../util/time.h"
#include "checkers.h"

struct directio {
	struct aio_slot *slot;
	unsigned bs;
	bool running; /* a read was submitted and not collected */
	bool cancel_tried;
	struct timespec expiry; /* when the running read times out */
};

static int dio_init(struct checker *c)
{
	struct aio_group_set *set;
	struct directio *dio;
	int rc = aio_group_default(&set);

	if (rc < 0)
		return rc;
	dio = calloc(1, sizeof(*dio));
	if (!dio)
		return -ENOMEM;
	dio->bs = checker_block_size(checker_fd(c));
	rc = aio_group_slot_get(set, dio->bs, &dio->slot);
	if (rc < 0) {
		free(dio);
		return rc;
	}
	checker_set_priv(c, dio);
	return 0;
}

static int dio_start(struct checker *c)
{
	struct directio *dio = checker_priv(c);
	int rc;

	if (dio->running)
		return 0;
	rc = aio_group_submit(dio->slot, checker_fd(c), dio->bs, 0);
	if (rc < 0)
		return rc;
	dio->running = true;
	dio->cancel_tried = false;
	dio->expiry = ts_add_ms(ts_now(), (long long)checker_timeout(c) * 1000);
	return 0;
}

static int dio_verdict(struct checker *c, long res)
{
	const struct directio *dio = checker_priv(c);

	if (res == (long)dio->bs)
		return checker_set_state(c, PATH_UP, "directio checker reports path is up");
	if (res < 0)
		return checker_set_state(c, PATH_DOWN, "directio checker: read failed: %s",
					 errno_desc((int)-res));
	return checker_set_state(c, PATH_DOWN, "directio checker: short read, %ld of %u bytes", res,
				 dio->bs);
}

/* The read is older than the timeout: try to cancel it once. */
static int dio_timed_out(struct checker *c)
{
	struct directio *dio = checker_priv(c);
	long res;

	if (!dio->cancel_tried) {
		dio->cancel_tried = true;
		if (aio_group_cancel(dio->slot) == 0 && aio_group_poll(dio->slot, NULL, &res) == 1)
			dio->running = false;
	}
	return checker_set_state(c, PATH_TIMEOUT, "directio checker timed out after %us",
				 checker_timeout(c));
}

static int dio_poll(struct checker *c, const struct timespec *deadline)
{
	struct directio *dio = checker_priv(c);
	struct timespec until;
	long res;
	int rc;

	if (!dio->running)
		return checker_state(c);
	if (deadline)
		until = ts_cmp(deadline, &dio->expiry) < 0 ? *deadline : dio->expiry;
	rc = aio_group_poll(dio->slot, deadline ? &until : NULL, &res);
	if (rc == 1) {
		dio->running = false;
		return dio_verdict(c, res);
	}
	if (rc < 0) {
		dio->running = false;
		return checker_set_state(c, PATH_WILD, "directio checker: %s",
					 aio_group_errmsg(rc));
	}
	if (ts_passed(&dio->expiry))
		return dio_timed_out(c);
	return PATH_PENDING;
}

static void dio_free(struct checker *c)
{
	struct directio *dio = checker_priv(c);

	if (!dio)
		return;
	aio_group_slot_put(dio->slot);
	free(dio);
}

const struct checker_ops checker_directio_ops = {
    .name = "directio",
    .open_flags = O_DIRECT,
    .init = dio_init,
    .start = dio_start,
    .poll = dio_poll,
    .free = dio_free,
};
