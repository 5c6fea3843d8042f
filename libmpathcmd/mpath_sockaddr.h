/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * mpath_sockaddr: the address of multipathd's control socket, shared by the
 * client library and the daemon's listener so both resolve a name alike.
 * Internal (static inline, not exported by libmpathcmd.so).
 *
 * name NULL or "" means: $MULTIPATH_SOCKET_NAME when set and not empty,
 * else the abstract DEFAULT_SOCKET. A name starting with '@' is abstract
 * (the '@' is not part of it); any other name is a file system path.
 */
#ifndef MPATH_SOCKADDR_H
#define MPATH_SOCKADDR_H

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "mpath_cmd.h"

/* The name that applies: name, else the environment's, else "@" DEFAULT_SOCKET. */
static inline const char *mpath_sockname(const char *name)
{
	if (!name || !*name)
		name = getenv(MPATH_SOCKET_ENV);
	if (!name || !*name)
		name = "@" DEFAULT_SOCKET;
	return name;
}

/*
 * Fill *sa and *len for name (resolved as above). Returns 0, or -EINVAL
 * when the name is too long for sun_path or is a lone "@".
 */
static inline int mpath_sockaddr(const char *name, struct sockaddr_un *sa, socklen_t *len)
{
	size_t n;

	name = mpath_sockname(name);
	memset(sa, 0, sizeof(*sa));
	sa->sun_family = AF_UNIX;
	n = strlen(name);
	if (name[0] == '@') {
		/* abstract: sun_path[0] is NUL, the name follows, no NUL at the end */
		if (n < 2 || n > sizeof(sa->sun_path))
			return -EINVAL;
		memcpy(sa->sun_path + 1, name + 1, n - 1);
		*len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n);
		return 0;
	}
	if (n >= sizeof(sa->sun_path))
		return -EINVAL;
	memcpy(sa->sun_path, name, n + 1);
	*len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + 1);
	return 0;
}

#endif
