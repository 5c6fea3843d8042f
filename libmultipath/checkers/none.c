// SPDX-License-Identifier: GPL-2.0-or-later
/* none: no check at all, every path is up. */
#include "checkers.h"

static int none_start(struct checker *c)
{
	checker_set_state(c, PATH_UP, "%s", "");
	return 0;
}

const struct checker_ops checker_none_ops = {
    .name = "none",
    .start = none_start,
};
