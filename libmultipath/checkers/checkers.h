/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Path checkers: is a path usable? One struct checker per path, made once
 * and reused for every check.
 *
 *   tur          SCSI TEST UNIT READY
 *   readsector0  SCSI READ(10) of LBA 0, one logical block
 *   directio     an O_DIRECT read of block 0 through libaio (aio_group.h)
 *   none         always up
 *   rdac         INQUIRY VPD 0xC9 (RDAC volume access control): owner / ALUA state
 *   emc_clariion INQUIRY VPD 0xC0 (EMC unit path report): LUN ownership
 *   hp_sw        TEST UNIT READY; NOT READY 04/02 is a passive path
 *   cciss_tur    tur under its multipath-tools name for HP Smart Array
 *
 * Interface: checker_start() begins a check and never blocks;
 * checker_poll() collects the verdict, optionally waiting until a deadline;
 * checker_check() does both. Every checker is asynchronous: the SG
 * checkers (tur, readsector0, rdac, emc_clariion, hp_sw, cciss_tur) queue their command on the path's sg node (/dev/sgN, the sg
 * driver's write()/poll()/read() interface) or, for a path without one, on
 * a small shared pool of worker threads running SG_IO on the block device
 * (see checkers/README.md: when all of them are stuck on hung devices,
 * other checks of that kind time out); directio submits through libaio.
 * checker_poll_fd() gives an fd to wait for many checkers with one poll().
 *
 * A check has one command in flight at most. While it is, checker_start()
 * is a no-op. checker_poll() says PATH_PENDING while the command is younger
 * than the checker timeout, then PATH_TIMEOUT (from the moment the timeout
 * has passed, whether the kernel has completed the command or not), and
 * keeps saying PATH_TIMEOUT without issuing anything new for as long as
 * the command stays stuck. Once the kernel completes it, the checker is
 * idle and the next checker_start() issues a new command (a tur or
 * readsector0 answer that came after the timeout is not used: the verdict
 * stays PATH_TIMEOUT; directio reports the late read's result).
 *
 * Verdicts are enum path_state (structs.h):
 *   PATH_UP      the device answered
 *   PATH_DOWN    it failed (error, check condition, short read)
 *   PATH_GHOST   SCSI NOT READY, target port in standby/unavailable (ALUA)
 *   PATH_TIMEOUT no answer within the timeout (callers treat it as down)
 *   PATH_PENDING the command is still in flight, younger than the timeout
 *   PATH_WILD    the check could not be run (checker_start() failed)
 *   PATH_UNCHECKED before the first check
 *
 * Ownership and threads: a checker owns its fds (the block device opened by
 * checker_new(), the sg node or the worker job of tur and readsector0) and
 * its buffers; directio also holds one slot of the process-wide aio_group
 * set. A checker is used by one thread at a time; different checkers may
 * run in different threads. checker_free() with a command in flight does
 * not wait and frees nothing the kernel may still write: closing an sg fd
 * makes the sg driver drop the response to come (it is never copied to
 * user memory); a worker's job and a directio read become orphans freed
 * when the kernel completes them. Waiting calls hold no lock of their own
 * except the leaf locks of aio_group and the worker pool while not
 * sleeping, so the caller must not hold a lock other threads need.
 *
 * Errors: 0 or -errno; output parameters are written only on success.
 * Nothing here logs (checker_msg() has the text for the caller to log).
 */
#ifndef MP_CHECKERS_H
#define MP_CHECKERS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "../structs.h"

enum { CHECKER_MSG_SIZE = 128 };

struct checker;

/* True when name is a checker this library implements. */
bool checker_known(const char *name);

/*
 * Create a checker of the given name for a device node ("/dev/sda"). It
 * opens the node O_RDONLY|O_NONBLOCK (plus O_DIRECT for directio); tur and
 * readsector0 also open the path's sg node found through sysfs
 * (block/<dev>/device/scsi_generic/sgN, then /dev/sgN O_RDWR|O_NONBLOCK) or,
 * without one, take a job of the SG_IO worker pool.
 * timeout_s (0 means 1) bounds one check. Returns 0 and *out, -ENOENT for
 * an unknown name (as prio_get()), -ENOMEM, the open() error (-ENODEV for a
 * missing device node, so -ENOENT keeps its meaning), or for directio an aio_group
 * error: -EAGAIN when fs.aio-max-nr is exhausted (aio_group_errmsg() has
 * the message to log). Opening an offline SCSI disk fails (-ENXIO): make
 * the checker while the path runs and keep it; an open fd keeps working
 * (checks of an offline disk say PATH_DOWN).
 */
int checker_new(const char *name, const char *devnode, unsigned timeout_s, struct checker **out);

/*
 * Begin a check without blocking: queue the command and return (a no-op
 * while the previous command is still in flight). Returns 0, or -errno
 * when the check could not be started (the device does not support SG_IO,
 * no worker thread could be started, io_submit failed); the verdict is
 * then PATH_WILD and checker_msg() says why. A device that refuses the
 * command at once (an sg write() failing with ENODEV ...) gives PATH_DOWN
 * and returns 0.
 */
int checker_start(struct checker *c);

/*
 * The verdict of the current check. Waits until the absolute
 * CLOCK_MONOTONIC deadline if it is not known yet (deadline NULL: do not
 * wait; the wait also ends at the check's timeout). Returns an enum
 * path_state: PATH_PENDING when not finished yet; PATH_TIMEOUT once the
 * command is older than the timeout, and again on every poll until the
 * kernel completes it (a directio read is cancelled if the kernel allows).
 * A transient answer (UNIT ATTENTION, BUSY, ... see ../scsi.h) is retried,
 * up to SCSI_RETRIES times, by a new
 * command submitted here (same timeout: a check never outlasts it).
 * Without a check in progress, the last verdict again.
 */
int checker_poll(struct checker *c, const struct timespec *deadline);

/*
 * An fd that becomes readable (POLLIN) when the command in flight has
 * completed, for callers that wait for many checkers with one poll(): then
 * call checker_poll(). tur and readsector0: the sg node's fd, or the worker
 * job's eventfd without one. -1 for checkers without such an fd (directio,
 * none): poll them with a deadline or on a timer. The fd belongs to the
 * checker (do not read or close it), stays the same for the checker's
 * lifetime, and is readable only while a completed command waits to be
 * collected; after the timeout a late completion makes it readable too.
 */
int checker_poll_fd(const struct checker *c);

/* checker_start() + checker_poll() until finished or timed out. Returns
 * an enum path_state (PATH_WILD when the start failed). */
int checker_check(struct checker *c);

/* The last verdict's message, "" if none; valid until the next call on c. */
const char *checker_msg(const struct checker *c);
/* "tur", "directio", ... */
const char *checker_name(const struct checker *c);
/* The last verdict (PATH_UNCHECKED before the first check). */
int checker_state(const struct checker *c);
/* Close the fds and free, without waiting for a command in flight (see
 * Ownership above). NULL ok. */
void checker_free(struct checker *c);

/* ------------------------------------------------------------------------
 * Below: the interface between checkers.c and the checker implementations
 * (tur.c, directio.c, readsector0.c, none.c), exposed for them and for the
 * unit tests. Not for other callers.
 */

struct checker_ops {
	const char *name;
	int open_flags; /* added to O_RDONLY | O_NONBLOCK | O_CLOEXEC */
	/* Allocate private state after the fd is open (NULL: none). 0/-errno. */
	int (*init)(struct checker *c);
	/* Begin a check without blocking. A checker that knows its verdict
	 * at once stores it with checker_set_state() and returns 0; -errno:
	 * could not run. */
	int (*start)(struct checker *c);
	/* Collect an asynchronous verdict (NULL: the stored one is final). */
	int (*poll)(struct checker *c, const struct timespec *deadline);
	/* The fd of checker_poll_fd() (NULL: -1). */
	int (*poll_fd)(const struct checker *c);
	/* Free private state; the fd is closed afterwards. NULL ok. */
	void (*free)(struct checker *c);
};

extern const struct checker_ops checker_tur_ops;
extern const struct checker_ops checker_readsector0_ops;
extern const struct checker_ops checker_directio_ops;
extern const struct checker_ops checker_none_ops;
extern const struct checker_ops checker_rdac_ops;
extern const struct checker_ops checker_emc_clariion_ops;
extern const struct checker_ops checker_hp_sw_ops;
extern const struct checker_ops checker_cciss_tur_ops;

int checker_fd(const struct checker *c);
/* The device node given to checker_new(). */
const char *checker_devnode(const struct checker *c);
unsigned checker_timeout(const struct checker *c);
void *checker_priv(const struct checker *c);
void checker_set_priv(struct checker *c, void *priv);
/* Store a verdict and its message (printf format). Returns st. */
int checker_set_state(struct checker *c, int st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The device's logical block size (BLKSSZGET), 512 when unknown. */
unsigned checker_block_size(int fd);

/*
 * The asynchronous SCSI command engine of the SG checkers (sg_async.c):
 * one command with no data out and up to buf_len bytes in.
 * checker_sg_init(): find and open the sg node, else take a worker job;
 * remembers when the block device does not support SG_IO at all; hooks
 * (may be NULL) give the checker's own verdict rules. 0/-errno.
 * checker_sg_submit(): queue cdb (at most 16 bytes) unless a command is in
 * flight; 0, or -errno when it cannot run (-ENOTTY, -EINVAL, -EAGAIN ...).
 * checker_sg_poll(), checker_sg_poll_fd(), checker_sg_free(): the ops.
 * checker_sg_node(): "sg3", or "" when the worker pool is used.
 * Results are decoded by ../scsi.h; transient ones (UNIT ATTENTION, BUSY,
 * NOT READY becoming ready, ...) are retried up to SCSI_RETRIES times within
 * the check's timeout. Default verdicts: PATH_UP (GOOD and, with data, the
 * whole buffer filled), PATH_GHOST (NOT READY 04/0B, 04/0C: ALUA standby or
 * unavailable), PATH_DOWN, PATH_TIMEOUT (also for host status DID_TIME_OUT
 * or driver status DRIVER_TIMEOUT), PATH_PENDING, PATH_WILD.
 */
struct scsi_sense;

struct checker_sg_ops {
	/* GOOD: the verdict from the len bytes received (len may be less
	 * than buf_len: a short VPD page is normal); store it with
	 * checker_set_state() and return it. NULL: PATH_UP when the whole
	 * buffer arrived, PATH_DOWN for a short transfer. */
	int (*data)(struct checker *c, const unsigned char *buf, unsigned len);
	/* A final CHECK CONDITION with sense (after the retries): the
	 * verdict, stored likewise. NULL: the default rule above. */
	int (*sense)(struct checker *c, const struct scsi_sense *s);
};

int checker_sg_init(struct checker *c, unsigned buf_len, const struct checker_sg_ops *hooks);
int checker_sg_submit(struct checker *c, const unsigned char *cdb, unsigned cdb_len);
int checker_sg_poll(struct checker *c, const struct timespec *deadline);
int checker_sg_poll_fd(const struct checker *c);
void checker_sg_free(struct checker *c);
const char *checker_sg_node(const struct checker *c);

/* The number of registered checkers and the name of the i-th (NULL past
 * the end), for the configuration's list of valid names. */
size_t checker_count(void);
const char *checker_name_at(size_t i);

#endif
