// SPDX-License-Identifier: GPL-2.0-or-later
/* random: a random priority from 1 to 10 (for testing path group switches). */
#include <stdlib.h>

#include "prio.h"

int prio_random_get(const char *args, const struct path *pp, const char *devnode,
		    unsigned timeout_ms, int *prio)
{
	(void)args;
	(void)pp;
	(void)devnode;
	(void)timeout_ms;
	/* random() is thread-safe in glibc; the quality needed here is low */
	*prio = 1 + (int)(random() % 10);
	return 0;
}
