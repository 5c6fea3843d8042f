// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * iet: iSCSI paths by target address. args "preferredip=<IPv4 address>"
 * (mandatory). The path's target address is the iSCSI connection's
 * persistent_address (else address) in
 * <sysfs>/class/iscsi_connection/connection<S>:<C>/, where session S is the
 * "session<S>" element of the path's device in sysfs
 * (block/<dev>/device -> .../host3/session7/target3:0:0/3:0:0:1).
 *   the target address is preferredip    20
 *   another address                      10
 * -ENODEV for a path that is not iSCSI, -EINVAL for bad args.
 */
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../sysfs.h"
#include "prio.h"

enum { PRIO_IET_PREFERRED = 20, PRIO_IET_OTHER = 10 };

static int iet_args(const char *args, struct in_addr *ip, struct strbuf *why)
{
	char word[64];

	if (sscanf(args, " preferredip=%63s", word) != 1 || inet_pton(AF_INET, word, ip) != 1) {
		if (why)
			strbuf_addf(why, "iet needs \"preferredip=<IPv4 address>\", not '%s'",
				    args);
		return -EINVAL;
	}
	return 0;
}

int prio_iet_check(const char *args, struct strbuf *why)
{
	struct in_addr ip;

	return iet_args(args, &ip, why);
}

/* The iSCSI session number of the path, -ENODEV when not iSCSI. */
static int iet_session(const char *dev)
{
	char rel[PATH_MAX], real[PATH_MAX];
	const char *p;
	unsigned long s;
	char *end;

	if (snprintf(rel, sizeof(rel), "block/%s/device", dev) >= (int)sizeof(rel) ||
	    sysfs_resolve(rel, real, sizeof(real)) < 0)
		return -ENODEV;
	for (p = strstr(real, "/session"); p; p = strstr(p + 1, "/session")) {
		s = strtoul(p + 8, &end, 10);
		if (end != p + 8 && (*end == '/' || !*end) && s <= INT_MAX)
			return (int)s;
	}
	return -ENODEV;
}

/* The target address of session s into ip. 0 or -ENODEV. */
static int iet_target_ip(int session, struct in_addr *ip)
{
	char dir[PATH_MAX], prefix[32], rel[PATH_MAX], addr[64];
	struct dirent *de;
	int rc = -ENODEV;
	DIR *d;

	if (sysfs_path("class/iscsi_connection", dir, sizeof(dir)) < 0 || !(d = opendir(dir)))
		return -ENODEV;
	snprintf(prefix, sizeof(prefix), "connection%d:", session);
	while (rc < 0 && (de = readdir(d))) {
		if (strncmp(de->d_name, prefix, strlen(prefix)))
			continue;
		snprintf(rel, sizeof(rel), "class/iscsi_connection/%s/persistent_address",
			 de->d_name);
		if (sysfs_attr_read(rel, addr, sizeof(addr)) < 0) {
			snprintf(rel, sizeof(rel), "class/iscsi_connection/%s/address", de->d_name);
			if (sysfs_attr_read(rel, addr, sizeof(addr)) < 0)
				continue;
		}
		if (inet_pton(AF_INET, addr, ip) == 1)
			rc = 0;
	}
	closedir(d);
	return rc;
}

int prio_iet_get(const char *args, const struct path *pp, const char *devnode, unsigned timeout_ms,
		 int *prio)
{
	struct in_addr want, have;
	int session, rc;

	(void)devnode;
	(void)timeout_ms;
	rc = iet_args(args, &want, NULL);
	if (rc < 0)
		return rc;
	if (!pp->dev[0])
		return -ENODEV;
	session = iet_session(pp->dev);
	if (session < 0)
		return session;
	rc = iet_target_ip(session, &have);
	if (rc < 0)
		return rc;
	*prio = have.s_addr == want.s_addr ? PRIO_IET_PREFERRED : PRIO_IET_OTHER;
	return 0;
}
