/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Shared by the config tests: fail unless a diagnostic contains needle
 * (printing them all when none does). Include after cmocka.h. */
#ifndef MP_TEST_DIAG_ASSERT_H
#define MP_TEST_DIAG_ASSERT_H

#include <stdio.h>
#include <string.h>

#include "config/parser.h"

static inline void assert_diag_contains(const struct diags *d, const char *needle)
{
	for (size_t i = 0; i < d->msgs.n; i++)
		if (strstr(d->msgs.items[i], needle))
			return;
	for (size_t i = 0; i < d->msgs.n; i++)
		fprintf(stderr, "diag: %s\n", d->msgs.items[i]);
	fail_msg("no diagnostic contains '%s'", needle);
}

static inline void assert_diag_not_contains(const struct diags *d, const char *needle)
{
	for (size_t i = 0; i < d->msgs.n; i++)
		if (strstr(d->msgs.items[i], needle))
			fail_msg("unexpected diagnostic: %s", d->msgs.items[i]);
}

#endif
