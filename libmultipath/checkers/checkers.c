// SPDX-License-Identifier: GPL-2.0-or-later
/* The checker registry and the generic start/poll/check logic. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/fs.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../util/log.h"
#include "checkers.h"

struct checker {
	const struct checker_ops *ops;
	int fd;
	unsigned timeout_s;
	int state;
	void *priv;
	char *devnode;
	char msg[CHECKER_MSG_SIZE];
};

static const struct checker_ops *const registry[] = {
    &checker_tur_ops,
    &checker_directio_ops,
    &checker_readsector0_ops,
    &checker_none_ops,
    &checker_rdac_ops,
    &checker_emc_clariion_ops,
    &checker_hp_sw_ops,
    &checker_cciss_tur_ops,
};

size_t checker_count(void)
{
	return sizeof(registry) / sizeof(registry[0]);
}

const char *checker_name_at(size_t i)
{
	return i < checker_count() ? registry[i]->name : NULL;
}

static const struct checker_ops *ops_find(const char *name)
{
	for (size_t i = 0; i < sizeof(registry) / sizeof(registry[0]); i++)
		if (name && !strcmp(registry[i]->name, name))
			return registry[i];
	return NULL;
}

bool checker_known(const char *name)
{
	return ops_find(name) != NULL;
}

int checker_new(const char *name, const char *devnode, unsigned timeout_s, struct checker **out)
{
	const struct checker_ops *ops = ops_find(name);
	struct checker *c;
	int rc;

	if (!ops)
		return -ENOENT;
	c = calloc(1, sizeof(*c));
	if (!c)
		return -ENOMEM;
	c->ops = ops;
	c->timeout_s = timeout_s ? timeout_s : 1;
	c->state = PATH_UNCHECKED;
	c->devnode = strdup(devnode);
	if (!c->devnode) {
		rc = -ENOMEM;
		goto free_checker;
	}
	c->fd = open(devnode, O_RDONLY | O_NONBLOCK | O_CLOEXEC | ops->open_flags);
	if (c->fd < 0) {
		rc = errno == ENOENT ? -ENODEV : -errno; /* -ENOENT: no such checker */
		goto free_checker;
	}
	if (ops->init) {
		rc = ops->init(c);
		if (rc == -ENOENT)
			rc = -ENODEV;
		if (rc < 0)
			goto close_fd;
	}
	*out = c;
	return 0;

close_fd:
	close(c->fd);
free_checker:
	free(c->devnode);
	free(c);
	return rc;
}

int checker_start(struct checker *c)
{
	int rc = c->ops->start(c);

	if (rc < 0)
		checker_set_state(c, PATH_WILD, "%s checker could not run: %s", c->ops->name,
				  errno_desc(-rc));
	return rc;
}

int checker_poll(struct checker *c, const struct timespec *deadline)
{
	if (c->ops->poll)
		return c->ops->poll(c, deadline);
	return c->state;
}

int checker_check(struct checker *c)
{
	struct timespec deadline;

	if (checker_start(c) < 0)
		return c->state;
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += c->timeout_s;
	return checker_poll(c, &deadline);
}

const char *checker_msg(const struct checker *c)
{
	return c->msg;
}

const char *checker_name(const struct checker *c)
{
	return c->ops->name;
}

int checker_state(const struct checker *c)
{
	return c->state;
}

void checker_free(struct checker *c)
{
	if (!c)
		return;
	if (c->ops->free)
		c->ops->free(c);
	close(c->fd);
	free(c->devnode);
	free(c);
}

int checker_poll_fd(const struct checker *c)
{
	return c->ops->poll_fd ? c->ops->poll_fd(c) : -1;
}

int checker_fd(const struct checker *c)
{
	return c->fd;
}

const char *checker_devnode(const struct checker *c)
{
	return c->devnode;
}

unsigned checker_timeout(const struct checker *c)
{
	return c->timeout_s;
}

void *checker_priv(const struct checker *c)
{
	return c->priv;
}

void checker_set_priv(struct checker *c, void *priv)
{
	c->priv = priv;
}

int checker_set_state(struct checker *c, int st, const char *fmt, ...)
{
	va_list ap;

	c->state = st;
	va_start(ap, fmt);
	vsnprintf(c->msg, sizeof(c->msg), fmt, ap);
	va_end(ap);
	return st;
}

unsigned checker_block_size(int fd)
{
	int bs = 0;

	if (ioctl(fd, BLKSSZGET, &bs) < 0 || bs < 512 || bs > 65536 || (bs & (bs - 1)))
		return 512;
	return (unsigned)bs;
}

