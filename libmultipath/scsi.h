/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The one SCSI helper of the library: run a command through SG_IO, decode
 * what came back (status, host/driver status, fixed or descriptor sense
 * data), decide whether it is worth retrying, and the INQUIRY / VPD helpers
 * the checkers and prioritizers share.
 *
 * Every synchronous SG_IO user (the prioritizers, the SG_IO worker pool of
 * the checkers) goes through scsi_sg_io() or scsi_run(); the asynchronous
 * sg-node engine of the checkers (checkers/sg_async.c) uses
 * scsi_result_decode() and the same retry rule, so a UNIT ATTENTION means
 * the same thing everywhere.
 *
 * Retry rule (scsi_result.transient), from SAM/SPC:
 *   - CHECK CONDITION with sense key UNIT ATTENTION (any ASC: power on,
 *     reset, parameters or ALUA state changed ...): the device reports an
 *     event once per I_T nexus; the command itself was not executed.
 *   - NOT READY with ASC/ASCQ 04/01 (becoming ready) and 04/07, 04/0A
 *     (operation in progress, ALUA state transition).
 *   - ABORTED COMMAND (the target or the transport aborted it).
 *   - SCSI status BUSY and TASK SET FULL.
 *   - host status DID_BUS_BUSY, DID_SOFT_ERROR, DID_IMM_RETRY, DID_REQUEUE.
 * A transient result is retried up to SCSI_RETRIES times (so at most
 * SCSI_RETRIES + 1 commands), never past the caller's timeout: each retry
 * gets what is left of it. scsi_run() pauses SCSI_RETRY_PAUSE_MS before
 * retrying BUSY, TASK SET FULL and NOT READY (the device needs a moment),
 * not before a UNIT ATTENTION or an abort. ioctl() failing with EINTR is
 * repeated up to 3 times and does not count as a retry.
 * A CHECK CONDITION with sense key RECOVERED ERROR (the command succeeded
 * after a recovery) or NO SENSE with no ASC counts as GOOD.
 *
 * Threads: no state, no lock; any thread. The synchronous calls block for
 * up to their timeout (plus the kernel's error handling): never call them
 * with a lock other threads need.
 * Errors: 0 / a byte count, or -errno. Nothing logs.
 */
#ifndef MP_SCSI_H
#define MP_SCSI_H

#include <scsi/sg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
	SCSI_RETRIES = 3,	   /* retries of a transient result */
	SCSI_RETRY_PAUSE_MS = 50,  /* before retrying BUSY / NOT READY (scsi_run) */
	SCSI_SENSE_MAX = 32,	   /* sense bytes we ask for */
	SCSI_INQUIRY_STD_LEN = 96, /* a standard INQUIRY allocation length */
};

/* SAM status bytes, sense keys and Linux host status values of sg_io_hdr. */
enum {
	SCSI_STAT_GOOD = 0x00,
	SCSI_STAT_CHECK_CONDITION = 0x02,
	SCSI_STAT_CONDITION_MET = 0x04,
	SCSI_STAT_BUSY = 0x08,
	SCSI_STAT_RESERVATION_CONFLICT = 0x18,
	SCSI_STAT_TASK_SET_FULL = 0x28,
	SCSI_SK_NO_SENSE = 0x0,
	SCSI_SK_RECOVERED_ERROR = 0x1,
	SCSI_SK_NOT_READY = 0x2,
	SCSI_SK_MEDIUM_ERROR = 0x3,
	SCSI_SK_HARDWARE_ERROR = 0x4,
	SCSI_SK_ILLEGAL_REQUEST = 0x5,
	SCSI_SK_UNIT_ATTENTION = 0x6,
	SCSI_SK_ABORTED_COMMAND = 0xb,
	SCSI_HOST_OK = 0x00,
	SCSI_HOST_NO_CONNECT = 0x01,
	SCSI_HOST_BUS_BUSY = 0x02,
	SCSI_HOST_TIME_OUT = 0x03,
	SCSI_HOST_SOFT_ERROR = 0x0b,
	SCSI_HOST_IMM_RETRY = 0x0c,
	SCSI_HOST_REQUEUE = 0x0d,
	SCSI_DRIVER_TIMEOUT = 0x06,
	SCSI_DRIVER_SENSE = 0x08,
};

/* Decoded sense data: key, additional sense code and qualifier. */
struct scsi_sense {
	uint8_t key, asc, ascq;
};

/* What a completed command came back with. */
enum scsi_outcome {
	SCSI_GOOD,    /* GOOD / CONDITION MET (or a recovered error) */
	SCSI_CHECK,   /* CHECK CONDITION; .sense valid when .has_sense */
	SCSI_STATUS,  /* another SCSI status (.status): BUSY, RESERVATION CONFLICT ... */
	SCSI_HOST,    /* the host adapter / transport failed it (.host) */
	SCSI_TIMEOUT, /* DID_TIME_OUT or DRIVER_TIMEOUT */
};

struct scsi_result {
	enum scsi_outcome outcome;
	bool transient; /* worth retrying (see the retry rule above) */
	bool has_sense;
	struct scsi_sense sense;
	uint8_t status, host, driver;
};

/*
 * Decode fixed (0x70/0x71) or descriptor (0x72/0x73) sense data of len
 * bytes. A fixed format buffer shorter than 14 bytes gives ASC/ASCQ 0.
 * Returns 0 and *out, -EINVAL when shorter than 4 bytes or another format.
 */
int scsi_sense_decode(const uint8_t *sense, size_t len, struct scsi_sense *out);

/* Decode a completed sg_io_hdr (sense from hdr->sbp, hdr->sb_len_wr bytes). */
void scsi_result_decode(const struct sg_io_hdr *hdr, struct scsi_result *out);

/* True when sense says the port is in ALUA standby or unavailable state
 * (NOT READY, 04/0B or 04/0C): a passive path, not a failed one. */
bool scsi_sense_standby(const struct scsi_sense *s);

/* A short text for logs and checker messages ("sense 6/29/00", "host
 * status 0x1", "SCSI status 0x18", "timed out", "good") into buf. */
const char *scsi_result_str(const struct scsi_result *r, char *buf, size_t size);

/* ioctl(fd, SG_IO, hdr), repeated up to 3 times on EINTR. 0 or -errno. */
int scsi_sg_io(int fd, struct sg_io_hdr *hdr);

/*
 * Run one command (cdb_len <= 16) with up to len bytes in (buf may be NULL
 * when len is 0), retrying transient results as the rule above says, the
 * whole run bounded by timeout_ms (0 means 30 s).
 * Returns the bytes transferred (len minus the residual count) on GOOD;
 * -EIO for CHECK CONDITION, another status or a host error (transient ones
 * too once the retries or the time are used up); -ETIMEDOUT when the
 * command timed out; the ioctl's -errno (-ENOTTY: the device does not
 * support SG_IO). When res is not NULL it receives the last command's
 * result whenever a command completed, also on failure (for the sense).
 */
int scsi_run(int fd, const uint8_t *cdb, unsigned cdb_len, void *buf, unsigned len,
	     unsigned timeout_ms, struct scsi_result *res);

/* The CDB of INQUIRY: standard (evpd false, page ignored) or a VPD page. */
void scsi_cdb_inquiry(uint8_t cdb[6], bool evpd, uint8_t page, uint16_t alloc_len);

/* Standard INQUIRY into buf (len <= 65535). Bytes received or -errno as
 * scsi_run(). */
int scsi_inquiry(int fd, uint8_t *buf, unsigned len, unsigned timeout_ms);

/* INQUIRY of VPD page `page` into buf (len <= 65535). Bytes received,
 * -EINVAL when the answer is shorter than 4 bytes or names another page,
 * or -errno as scsi_run(). */
int scsi_inquiry_vpd(int fd, uint8_t page, uint8_t *buf, unsigned len, unsigned timeout_ms);

/* TEST UNIT READY. 0 or -errno as scsi_run(); res as there. */
int scsi_tur(int fd, unsigned timeout_ms, struct scsi_result *res);

/* Parsers; lengths inside the data are not trusted beyond len. */
/* Standard INQUIRY data: the TPGS field (0..3), -EINVAL when too short. */
int scsi_inquiry_tpgs(const uint8_t *buf, size_t len);
/* VPD 0x83: the value of the first designator of type `type` with at
 * least 4 bytes (target port group: type 5; relative target port: type
 * 4), a 16-bit number in its bytes 2-3. -ENODEV when there is none,
 * -EINVAL when buf is not page 0x83. */
int scsi_vpd83_port_id(const uint8_t *buf, size_t len, unsigned type);

enum { SCSI_DESIG_REL_PORT = 4, SCSI_DESIG_TPG = 5 };

/*
 * Vendor-specific VPD pages (sg3_utils' sg_vpd documents their layout).
 *
 * RDAC (LSI/Engenio/NetApp E-Series, IBM DS3k-5k, Dell MD3): page 0xC9
 * "Volume Access Control", bytes 4-6 "vac". Byte 8: bit 0 the volume is
 * owned by the controller this path goes to, bit 7 AVT, bits 7-5 all set:
 * IO shipping (ALUA) mode; path priority (1 preferred, 2 secondary) in the
 * low nibble of byte 15 when byte 8 bit 3 is set, else of byte 9; in ALUA
 * mode byte 10 is this controller's asymmetric access state and byte 11
 * its status (1 normal, 2 not responding, 3 held in reset, 4/5 firmware
 * download, 6 quiesced, 7 service mode).
 */
enum { SCSI_VPD_RDAC_VAC = 0xc9, SCSI_VPD_EMC_UPR = 0xc0 };

struct scsi_rdac_vac {
	bool owner;	 /* this controller owns the volume */
	bool alua;	 /* IO shipping (ALUA) mode */
	bool preferred;	 /* the preferred path's controller */
	uint8_t aas;	 /* ALUA mode: asymmetric access state (0 when len < 11) */
	uint8_t ctl_status; /* ALUA mode: controller status (0 when len < 12) */
};
/* 0 and *out, -EINVAL when not page 0xC9 "vac" or shorter than 10 bytes. */
int scsi_rdac_vac_parse(const uint8_t *buf, size_t len, struct scsi_rdac_vac *out);

/*
 * EMC CLARiiON/VNX/Unity (vendor DGC): page 0xC0 "Unit Path Report". Byte
 * 4 LUN state (0 unbound or LUN_Z, 1 bound but owned by the other SP, 2
 * bound and owned by this path's SP), byte 5 the default owner SP, byte 8
 * this path's SP (0 A, 1 B), byte 28 low nibble the failover mode (6:
 * active/active ALUA, "failover mode 4"), byte 48: 1 = IO rejected (SP
 * reboot or software upgrade in progress).
 */
enum { SCSI_EMC_UNBOUND = 0, SCSI_EMC_BOUND = 1, SCSI_EMC_OWNED = 2, SCSI_EMC_FAILOVER_ALUA = 6 };

struct scsi_emc_upr {
	uint8_t lun_state, default_sp, sp;
	uint8_t failover_mode; /* 0xff when len < 29 */
	bool io_rejected;      /* false when len < 49 */
};
/* 0 and *out, -EINVAL when not page 0xC0 or shorter than 9 bytes. */
int scsi_emc_upr_parse(const uint8_t *buf, size_t len, struct scsi_emc_upr *out);

static inline unsigned scsi_get_be16(const uint8_t *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static inline uint32_t scsi_get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

#endif
