// SPDX-License-Identifier: GPL-2.0-or-later
/* recheck_wwid's pieces: when to recheck, the fresh read, the comparison
 * (see path_wwid.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "discovery.h"
#include "path_wwid.h"
#include "scsi.h"

static bool state_failed(enum path_state s)
{
	return s == PATH_DOWN || s == PATH_TIMEOUT || s == PATH_SHAKY || s == PATH_WILD;
}

bool path_wwid_recheck_due(bool enabled, enum path_state prev, enum path_state now)
{
	return enabled && state_failed(prev) && path_state_usable(now);
}

int path_wwid_read_fresh(const char *dev, unsigned timeout_ms, unsigned char *page, size_t size)
{
	char node[sizeof("/dev/") + DEV_NAME_SIZE];
	int fd, n;

	if (!dev || !*dev || strchr(dev, '/') || size < 4)
		return -EINVAL;
	if (size > 65535)
		size = 65535;
	snprintf(node, sizeof(node), "/dev/%s", dev);
	fd = open(node, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = scsi_inquiry_vpd(fd, 0x83, page, (unsigned)size, timeout_ms);
	close(fd);
	return n;
}

/* Written the same way: the same designator prefix and length (two NAA
 * WWIDs of one kind are). */
static bool same_form(const char *a, const char *b)
{
	return a[0] == b[0] && strlen(a) == strlen(b);
}

int path_wwid_compare(const char *known, const unsigned char *fresh, size_t flen,
		      const unsigned char *cached, size_t clen, char *out, size_t size)
{
	char now[WWID_SIZE], then[WWID_SIZE];
	ssize_t n = size ? discovery_vpd83_wwid(fresh, flen, now, sizeof(now)) : -EINVAL;
	int verdict = PATH_WWID_CHANGED;

	if (n < 0)
		return (int)n;
	if (!strcmp(now, known))
		verdict = PATH_WWID_SAME;
	else if (!same_form(now, known) && clen &&
		 discovery_vpd83_wwid(cached, clen, then, sizeof(then)) > 0 &&
		 strcmp(then, known) && !strcmp(then, now))
		verdict = PATH_WWID_SAME; /* another notation of the page the kernel has */
	snprintf(out, size, "%s", now);
	return verdict;
}

bool path_wwid_recheck_supported(const struct path *pp, const char *uid_attribute)
{
	return pp->hbtl.host >= 0 &&
	       (!uid_attribute || !*uid_attribute || !strcmp(uid_attribute, "ID_SERIAL"));
}
