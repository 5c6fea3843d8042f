// SPDX-License-Identifier: GPL-2.0-or-later
/* The prioritizer registry and dispatch. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "prio.h"
#include "../scsi.h"
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
    {"emc", prio_emc_get, NULL},
    {"rdac", prio_rdac_get, NULL},
    {"hds", prio_hds_get, NULL},
    {"hp_sw", prio_hp_sw_get, NULL},
    {"random", prio_random_get, NULL},
    {"iet", prio_iet_get, prio_iet_check},
    {"ana", prio_ana_get, NULL},
    /* no public format for their vendor commands: both arrays report ALUA
     * states, which is what these names give (prioritizers/README.md) */
    {"ontap", prio_alua_get, NULL},
    {"datacore", prio_alua_get, NULL},
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
		mp_log(4, "%s: prio %s failed: %s", pp->dev, name, errno_desc(-rc));
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

size_t prio_count(void)
{
	return sizeof(prio_table) / sizeof(prio_table[0]);
}

const char *prio_name_at(size_t i)
{
	return i < prio_count() ? prio_table[i].name : NULL;
}

int prio_dev_open(const char *devnode)
{
	int fd = open(devnode, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	return fd < 0 ? -errno : fd;
}

int prio_inquiry_eval(const char *devnode, int page, size_t len, unsigned timeout_ms,
		      prio_eval_fn *eval, int *prio)
{
	uint8_t buf[PRIO_INQUIRY_MAX] = {0};
	int fd, rc;

	if (len > sizeof(buf))
		return -EINVAL;
	fd = prio_dev_open(devnode);
	if (fd < 0)
		return fd;
	rc = page < 0 ? scsi_inquiry(fd, buf, len, timeout_ms)
		      : scsi_inquiry_vpd(fd, (uint8_t)page, buf, len, timeout_ms);
	close(fd);
	return rc < 0 ? rc : eval(buf, (size_t)rc, prio);
}

