/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The topology of a map in the shape of `multipath -ll`:
 *
 *   mpatha (36001405abc) dm-0 Linux,scsi_debug
 *   size=64M features='0' hwhandler='1 alua' wp=rw
 *   |-+- policy='service-time 0' prio=50 status=active
 *   | `- 0:0:0:0 sda 8:0  active ready running
 *   `-+- policy='service-time 0' prio=10 status=enabled
 *     `- 1:0:0:0 sdb 8:16 active ready running
 *
 * Pure formatting: reads the map, its groups and paths, does no IO.
 */
#ifndef MP_PRINT_H
#define MP_PRINT_H

#include "structs.h"
#include "util/strbuf.h"

/* "64M", "1.5G": sectors in binary units, as multipath -ll shows them. */
int print_size(uint64_t sectors, struct strbuf *out);

/*
 * Append the topology of mpp. action (may be NULL) prefixes the header, as
 * in "create: mpatha (...)". with_checker: show checker states and group
 * priorities (-ll); without, they show as "undef" and 0 (-l).
 * Returns 0 or -ENOMEM.
 */
int print_map_topology(const struct multipath *mpp, const char *action, bool with_checker,
		       struct strbuf *out);

#endif
