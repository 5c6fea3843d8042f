/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Path prioritizers: a number per path, higher is better, from which
 * group_by_prio builds path groups and the kernel picks the group to use.
 *
 *   const          1 for every path
 *   weightedpath   from the path's name, serial, H:C:T:L or FC names, by regex
 *   path_latency   from the measured latency of direct reads
 *   sysfs          from the kernel's ALUA state (device/access_state)
 *   alua           from the device's ALUA state (SCSI commands via SG_IO)
 *   emc            DGC/EMC CLARiiON, VNX: LUN ownership (VPD 0xC0)
 *   rdac           LSI/Engenio/NetApp E-Series: volume ownership (VPD 0xC9)
 *   hds            Hitachi AMS/WMS: controller owning the LDEV (INQUIRY)
 *   hp_sw          HP active/standby arrays: TEST UNIT READY
 *   random         1..10 at random
 *   iet            iSCSI: whether the target address is preferredip=
 *   ana            NVMe ANA state (admin commands via the NVMe ioctl)
 *
 * SCSI commands go through ../scsi.h (transient answers such as UNIT
 * ATTENTION are retried there, within timeout_ms).
 *
 * sysfs and weightedpath read sysfs through libmultipath/sysfs.h (whose
 * settable root is the test seam); <sysfs> below is that root.
 *
 * The functions here are synchronous: alua and path_latency do device IO,
 * bounded by timeout_ms. They neither lock nor keep state between calls,
 * so they may run in any thread. The path is only read.
 *
 * Errors: -ENOENT is reserved for "no such prioritizer"; a prioritizer
 * whose information is missing for this path (no ALUA, no sysfs
 * attribute, not a SCSI device) returns -ENODEV.
 */
#ifndef MP_PRIO_H
#define MP_PRIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../structs.h"
#include "../util/strbuf.h"

/* ALUA asymmetric access states (SPC-4, REPORT TARGET PORT GROUPS). */
enum alua_state {
	ALUA_AO = 0x0, /* active/optimized */
	ALUA_AN = 0x1, /* active/non-optimized */
	ALUA_STANDBY = 0x2,
	ALUA_UNAVAILABLE = 0x3,
	ALUA_LBA_DEPENDENT = 0x4,
	ALUA_OFFLINE = 0xe,
	ALUA_TRANSITIONING = 0xf,
};

/* Priorities shared by the sysfs and alua prioritizers. */
enum {
	PRIO_ALUA_AO = 50,
	PRIO_ALUA_AN = 10,
	PRIO_ALUA_LBA = 5,
	PRIO_ALUA_STANDBY = 1,
	PRIO_ALUA_PREF = 80, /* added for a preferred group in a state with IO */
};

/*
 * Compute pp's priority with prioritizer `name` and its args (may be ""
 * or NULL). devnode is "/dev/<pp->dev>"; timeout_ms bounds any IO/SG_IO
 * (0 means the default, 30 s).
 * Returns 0 with *prio set (>= 0), -ENOENT unknown name, -EINVAL bad args,
 * -ENODEV when the path lacks what the prioritizer needs, other -errno.
 */
int prio_get(const char *name, const char *args, const struct path *pp, unsigned timeout_ms,
	     int *prio);

/* Validate args for a prioritizer without running it (for config checks).
 * 0, or -EINVAL with a reason appended to why (may be NULL), also for an
 * unknown name. Prioritizers without arguments ignore any. */
int prio_args_check(const char *name, const char *args, struct strbuf *why);

/* The number of prioritizers and the name of the i-th (NULL past the end),
 * for the configuration's list of valid names. */
size_t prio_count(void);
const char *prio_name_at(size_t i);


/* ------------------------------------------------------------------------
 * Below: the prioritizers themselves, called by prio_get() with a non-NULL
 * args and devnode. Exposed for prio.c and the unit tests only.
 */

int prio_const_get(const char *args, const struct path *pp, const char *devnode,
		   unsigned timeout_ms, int *prio);

/*
 * weightedpath: args "<selector> <regex> <prio> [<regex> <prio>]...",
 * selector one of
 *   hbtl     regex against "H:C:T:L" (no match for a non-SCSI path)
 *   devname  against pp->dev
 *   serial   against pp->serial
 *   wwn      against "host_wwnn:host_wwpn:target_wwnn:target_wwpn", read from
 *            <sysfs>/class/fc_host/hostH/{node,port}_name and
 *            <sysfs>/class/fc_transport/targetH:C:T/{node,port}_name; when
 *            those are missing (not FC) the string is "::<tgt_node_name>:"
 * Regexes are POSIX extended, unanchored, without spaces. The first
 * matching regex gives the priority (0..INT_MAX); no match gives 0.
 */
int prio_weightedpath_get(const char *args, const struct path *pp, const char *devnode,
			  unsigned timeout_ms, int *prio);
int prio_weightedpath_check(const char *args, struct strbuf *why);

/*
 * path_latency: args "io_num=N base_num=B" (either may be left out, any
 * order), N in 2..200 (default 20), B in 2..10 (default 10). Does N
 * synchronous O_DIRECT reads of one logical block at offset 0; a read that
 * fails or is short fails the whole measurement (-EIO). timeout_ms bounds
 * the whole run, checked between reads (-ETIMEDOUT): one hung read cannot
 * be interrupted. The priority comes from prio_latency_eval().
 */
int prio_path_latency_get(const char *args, const struct path *pp, const char *devnode,
			  unsigned timeout_ms, int *prio);
int prio_path_latency_check(const char *args, struct strbuf *why);
/* Parse path_latency args. 0 with *io_num, *base_num set, or -EINVAL with
 * the reason appended to why (may be NULL). */
int prio_latency_args(const char *args, unsigned *io_num, unsigned *base_num, struct strbuf *why);
/*
 * The noise rule and mapping, from n (>= 1) latencies in microseconds:
 * samples above 4 x median + 20 us are outliers and dropped (the slack
 * keeps the microsecond jitter of very fast devices from counting); when
 * more than a quarter of the samples are outliers the run is too noisy:
 * -EAGAIN.
 * Otherwise avg = mean of the rest (at least 1 us) and
 *     prio = max(1, 20 - floor(log_base(avg)))
 * so 1 us gives 20 and each factor of base slower costs one point.
 * 0 with *prio set, -EAGAIN, -EINVAL (n == 0, base < 2), -ENOMEM.
 * us is not modified.
 */
int prio_latency_eval(const uint64_t *us, unsigned n, unsigned base, int *prio);

/*
 * sysfs: <sysfs>/block/<dev>/device/access_state: active/optimized 50,
 * active/non-optimized 10, lba-dependent 5, standby 1, unavailable,
 * offline, transitioning 0; plus 80 when device/preferred_path reads "1"
 * and the state is one of the first four (see prio_alua_state_prio()).
 * -ENODEV when access_state is missing, -EINVAL for an unknown state.
 */
int prio_sysfs_get(const char *args, const struct path *pp, const char *devnode,
		   unsigned timeout_ms, int *prio);

/* The ALUA state (ALUA_AO ... ) the kernel's device handler keeps in
 * <sysfs>/block/<dev>/device/access_state: -ENODEV when missing, -EINVAL
 * for an unknown state. No IO beyond the attribute. */
int prio_sysfs_alua_state(const struct path *pp);

/*
 * alua: standard INQUIRY (TPGS bits of byte 5; 0 gives -ENODEV, "no
 * ALUA"), VPD page 0x83 for the target port group (designator type 5), then
 * REPORT TARGET PORT GROUPS for that group's state and PREF bit; the
 * priority as for sysfs via prio_alua_state_prio(). Each SCSI command has
 * timeout_ms. -EIO when a command fails, -ENODEV when the group is missing
 * from the answers, -EINVAL for malformed answers.
 */
int prio_alua_get(const char *args, const struct path *pp, const char *devnode, unsigned timeout_ms,
		  int *prio);

/* The parsers behind prio_alua_get, on len bytes the device returned.
 * Lengths inside the data are not trusted beyond len. */
/* Standard INQUIRY data: the TPGS field (0..3), or -EINVAL when too short. */
int prio_alua_parse_inquiry(const uint8_t *buf, size_t len);
/* VPD 0x83: the target port group (0..65535) of the first type 5
 * designator, -ENODEV when there is none, -EINVAL when not page 0x83. */
int prio_alua_parse_vpd83(const uint8_t *buf, size_t len);
/* RTPG data (length-only header; an extended header is recognised too): 0
 * with *state (enum alua_state) and *pref for group tpg, -ENODEV when tpg is
 * not listed, -EINVAL when too short. */
int prio_alua_parse_rtpg(const uint8_t *buf, size_t len, unsigned tpg, int *state, bool *pref);
/* The priority of an ALUA state (enum alua_state): AO 50, AN 10, LBA
 * dependent 5, standby 1, +80 with pref; any other state 0 (pref ignored:
 * a preferred port that cannot do IO must not outrank a working one). */
int prio_alua_state_prio(int state, bool pref);

/* open(devnode, O_RDONLY | O_NONBLOCK | O_CLOEXEC): the fd or -errno. */
int prio_dev_open(const char *devnode);

/*
 * The prioritizers that read one INQUIRY answer: send INQUIRY (VPD page
 * page, or the standard data when page < 0) for len bytes (at most
 * PRIO_INQUIRY_MAX) to devnode and give the answer to eval. Returns eval's
 * result or the -errno of the open or the command.
 */
enum { PRIO_INQUIRY_MAX = 255 };
typedef int prio_eval_fn(const uint8_t *buf, size_t len, int *prio);
int prio_inquiry_eval(const char *devnode, int page, size_t len, unsigned timeout_ms,
		      prio_eval_fn *eval, int *prio);

/*
 * emc: INQUIRY VPD 0xC0 (scsi_emc_upr_parse()): 10 when this path's SP
 * owns the LUN and takes IO, else 0; +1 when this path's SP is the
 * default owner (of a bound LUN). prio_emc_eval() maps a page (-EINVAL
 * when it is not 0xC0).
 */
int prio_emc_get(const char *args, const struct path *pp, const char *devnode, unsigned timeout_ms,
		 int *prio);
int prio_emc_eval(const uint8_t *buf, size_t len, int *prio);

/*
 * rdac: INQUIRY VPD 0xC9 (scsi_rdac_vac_parse()): in IO shipping (ALUA)
 * mode prio_alua_state_prio(state, preferred); otherwise 10 on the owning
 * controller, 0 on the other, +1 on the preferred one. prio_rdac_eval()
 * maps a page (-EINVAL when it is not 0xC9 "vac").
 */
int prio_rdac_get(const char *args, const struct path *pp, const char *devnode,
		  unsigned timeout_ms, int *prio);
int prio_rdac_eval(const uint8_t *buf, size_t len, int *prio);

/*
 * hds: standard INQUIRY of 132 bytes; symmetric arrays ("DF00" at byte
 * 128) 2; asymmetric: 2 when the controller (byte 49, '0'/'1') owns the
 * LDEV (bytes 44-47, hex: even LDEVs controller 0, odd ones 1), else 1.
 * prio_hds_eval() maps the data (-EINVAL when not such an array).
 */
int prio_hds_get(const char *args, const struct path *pp, const char *devnode, unsigned timeout_ms,
		 int *prio);
int prio_hds_eval(const uint8_t *buf, size_t len, int *prio);

/* hp_sw: TEST UNIT READY: GOOD 4; NOT READY 04/02 (passive controller),
 * 04/0B or 04/0C (standby) 1; any other failure its -errno (-EIO). */
int prio_hp_sw_get(const char *args, const struct path *pp, const char *devnode,
		   unsigned timeout_ms, int *prio);

/* random: 1..10. */
int prio_random_get(const char *args, const struct path *pp, const char *devnode,
		    unsigned timeout_ms, int *prio);

/*
 * iet: args "preferredip=<IPv4>" (mandatory). The target address of the
 * path's iSCSI connection (<sysfs>/class/iscsi_connection/connection<S>:*
 * /persistent_address, else address, S the session in the path's sysfs
 * device path): 20 when it is preferredip, else 10. -ENODEV when the path
 * is not iSCSI.
 */
int prio_iet_get(const char *args, const struct path *pp, const char *devnode, unsigned timeout_ms,
		 int *prio);
int prio_iet_check(const char *args, struct strbuf *why);

/*
 * ana: NVMe ANA (see ana.c for the commands): optimized 50, non-optimized
 * 10, inaccessible 1, persistent loss and change 0. -ENODEV when the device
 * is not NVMe or reports no ANA.
 * prio_ana_parse_log(): the ANA state (0..15) of group grpid in an ANA log
 * page of len bytes, -ENODEV when not listed, -EINVAL when malformed.
 * prio_ana_state_prio(): the priority of a state, -EINVAL for an unknown one.
 */
int prio_ana_get(const char *args, const struct path *pp, const char *devnode, unsigned timeout_ms,
		 int *prio);
/* 1 when the NVMe controller of devnode reports ANA (Identify Controller,
 * blocking up to timeout_ms), 0 when not or not NVMe, -errno when the
 * device cannot be asked. */
int prio_ana_supported(const char *devnode, unsigned timeout_ms);
int prio_ana_parse_log(const uint8_t *buf, size_t len, uint32_t grpid);
int prio_ana_state_prio(int state);

#endif
