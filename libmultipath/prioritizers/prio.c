// SPDX-License-Identifier: GPL-2.0-or-later
/* The prioritizer registry and dispatch. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "prio.h"
#include "../util/log.h"

typedef int prio_get_fn(const char *args, const struct path *pp, const char *devnode,
			unsigned timeout_ms, int *prio);
typedef int prio_check_fn(const char *args, struct strbuf *why);

struct prio_ops {
	const char *name;
	prio_get_fn *get;
	prio_check_fn *check; /* NULL: takes no args, any are ignored */
};

static const struct prio_ops prio_table[] = {
    {"const", prio_const_get, NULL},
    {"weightedpath", prio_weightedpath_get, prio_weightedpath_check},
    {"path_latency", prio_path_latency_get, prio_path_latency_check},
    {"sysfs", prio_sysfs_get, NULL},
    {"alua", prio_alua_get, NULL},
};

enum { PRIO_TIMEOUT_DEFAULT_MS = 30000 };

static const struct prio_ops *prio_find(const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < sizeof(prio_table) / sizeof(prio_table[0]); i++)
		if (!strcmp(prio_table[i].name, name))
			return &prio_table[i];
	return NULL;
}

int prio_get(const char *name, const char *args, const struct path *pp, unsigned timeout_ms,
	     int *prio)
{
	const struct prio_ops *ops = prio_find(name);
	char devnode[sizeof("/dev/") + DEV_NAME_SIZE];
	int value, rc;

	if (!ops)
		return -ENOENT;
	if (timeout_ms == 0)
		timeout_ms = PRIO_TIMEOUT_DEFAULT_MS;
	snprintf(devnode, sizeof(devnode), "/dev/%s", pp->dev);
	rc = ops->get(args ? args : "", pp, devnode, timeout_ms, &value);
	if (rc == -ENOENT)
		rc = -ENODEV; /* a missing device node or attribute, not the name */
	if (rc < 0) {
		mp_log(4, "%s: prio %s failed: %s", pp->dev, name, strerror(-rc));
		return rc;
	}
	mp_log(4, "%s: prio %s = %d", pp->dev, name, value);
	*prio = value;
	return 0;
}

int prio_args_check(const char *name, const char *args, struct strbuf *why)
{
	const struct prio_ops *ops = prio_find(name);

	if (!ops) {
		if (why)
			strbuf_addf(why, "unknown prioritizer '%s'", name ? name : "(null)");
		return -EINVAL;
	}
	if (!ops->check)
		return 0;
	return ops->check(args ? args : "", why);
}
