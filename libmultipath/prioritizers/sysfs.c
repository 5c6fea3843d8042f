// SPDX-License-Identifier: GPL-2.0-or-later
/* sysfs: the priority from the ALUA state the kernel's device handler keeps. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../sysfs.h"
#include "prio.h"

/* clang-format off */
static const struct {
	const char *name;
	int state;
} access_states[] = {
	{"active/optimized", ALUA_AO},
	{"active/non-optimized", ALUA_AN},
	{"lba-dependent", ALUA_LBA_DEPENDENT},
	{"standby", ALUA_STANDBY},
	{"unavailable", ALUA_UNAVAILABLE},
	{"offline", ALUA_OFFLINE},
	{"transitioning", ALUA_TRANSITIONING},
};
/* clang-format on */

/* Read block/<dev>/<attr>; missing attributes are -ENODEV. */
static int dev_attr_read(const struct path *pp, const char *attr, char *buf, size_t size)
{
	ssize_t rc = sysfs_block_attr_read(pp->dev, attr, buf, size);

	return rc == -ENOENT ? -ENODEV : (int)rc;
}

int prio_sysfs_alua_state(const struct path *pp)
{
	char state[64];
	int rc;

	if (!pp->dev[0] || strchr(pp->dev, '/'))
		return -ENODEV;
	rc = dev_attr_read(pp, "device/access_state", state, sizeof(state));
	if (rc < 0)
		return rc == -EOVERFLOW ? -EINVAL : rc;
	for (size_t i = 0; i < sizeof(access_states) / sizeof(access_states[0]); i++)
		if (!strcmp(state, access_states[i].name))
			return access_states[i].state;
	return -EINVAL;
}

int prio_sysfs_get(const char *args, const struct path *pp, const char *devnode,
		   unsigned timeout_ms, int *prio)
{
	char pref[16];
	int state = prio_sysfs_alua_state(pp), rc;

	(void)args;
	(void)devnode;
	(void)timeout_ms;
	if (state < 0)
		return state;
	rc = dev_attr_read(pp, "device/preferred_path", pref, sizeof(pref));
	*prio = prio_alua_state_prio(state, rc > 0 && !strcmp(pref, "1"));
	return 0;
}
