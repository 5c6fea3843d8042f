/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Path checkers: is a path usable? One struct checker per path, made once
 * and reused for every check.
 *
 *   tur          SCSI TEST UNIT READY via SG_IO
 *   readsector0  SCSI READ(10) of LBA 0, one logical block, via SG_IO
 *   directio     an O_DIRECT read of block 0 through libaio (aio_group.h)
 *   none         always up
 *
 * Interface: checker_start() begins a check without blocking;
 * checker_poll() collects the verdict, optionally waiting until a deadline;
 * checker_check() does both. The SG_IO checkers (tur, readsector0) are
 * synchronous: their checker_start() runs the command and blocks up to the
 * checker timeout (the SCSI midlayer enforces it; aborting a command that
 * timed out can add seconds); their checker_poll() returns the stored
 * verdict. directio is truly asynchronous.
 *
 * Verdicts are enum path_state (structs.h):
 *   PATH_UP      the device answered
 *   PATH_DOWN    it failed (error, check condition, short read)
 *   PATH_GHOST   SCSI NOT READY, target port in standby/unavailable (ALUA)
 *   PATH_TIMEOUT no answer within the timeout (callers treat it as down)
 *   PATH_PENDING a directio read still in flight, younger than the timeout
 *   PATH_WILD    the check could not be run (checker_start() failed)
 *   PATH_UNCHECKED before the first check
 *
 * Ownership and threads: a checker owns its fd (opened by checker_new(),
 * closed by checker_free()) and its buffers; directio also holds one slot
 * of the process-wide aio_group set. A checker is used by one thread at a
 * time; different checkers may run in different threads. checker_free()
 * with a directio read in flight does not wait: the read becomes an orphan
 * of the aio_group set, which frees its buffer when the kernel completes
 * it. Waiting calls hold no lock of their own except aio_group's leaf lock
 * while not sleeping, so the caller must not hold a lock other threads need.
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
 * opens the node O_RDONLY|O_NONBLOCK (plus O_DIRECT for directio).
 * timeout_s (0 means 1) bounds one check. Returns 0 and *out, -EINVAL for
 * an unknown name, -ENOMEM, the open() error, or for directio an aio_group
 * error: -EAGAIN when fs.aio-max-nr is exhausted (aio_group_errmsg() has
 * the message to log). Opening an offline SCSI disk fails (-ENXIO): make
 * the checker while the path runs and keep it; an open fd keeps working
 * (checks of an offline disk say PATH_DOWN).
 */
int checker_new(const char *name, const char *devnode, unsigned timeout_s, struct checker **out);

/*
 * Begin a check (a no-op while a directio read is still in flight).
 * Returns 0, or -errno when the check could not be started; the verdict is
 * then PATH_WILD and checker_msg() says why. SG_IO checkers block here up
 * to the timeout (see above).
 */
int checker_start(struct checker *c);

/*
 * The verdict of the current check. Waits until the absolute
 * CLOCK_MONOTONIC deadline if it is not known yet (deadline NULL: do not
 * wait). Returns an enum path_state: PATH_PENDING when not finished yet;
 * a directio read older than the timeout gives PATH_TIMEOUT (and is
 * cancelled if the kernel allows) until it completes. Without a check in
 * progress, the last verdict again.
 */
int checker_poll(struct checker *c, const struct timespec *deadline);

/* checker_start() + checker_poll() until finished or timed out. Returns
 * an enum path_state (PATH_WILD when the start failed). */
int checker_check(struct checker *c);

/* The last verdict's message, "" if none; valid until the next call on c. */
const char *checker_msg(const struct checker *c);
/* "tur", "directio", ... */
const char *checker_name(const struct checker *c);
/* The last verdict (PATH_UNCHECKED before the first check). */
int checker_state(const struct checker *c);
/* Close the fd and free; a directio read in flight is orphaned. NULL ok. */
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
	/* Begin a check. A synchronous checker stores its verdict with
	 * checker_set_state() and returns 0; -errno: could not run. */
	int (*start)(struct checker *c);
	/* Collect an asynchronous verdict (NULL: the stored one is final). */
	int (*poll)(struct checker *c, const struct timespec *deadline);
	/* Free private state; the fd is closed afterwards. NULL ok. */
	void (*free)(struct checker *c);
};

extern const struct checker_ops checker_tur_ops;
extern const struct checker_ops checker_readsector0_ops;
extern const struct checker_ops checker_directio_ops;
extern const struct checker_ops checker_none_ops;

int checker_fd(const struct checker *c);
unsigned checker_timeout(const struct checker *c);
void *checker_priv(const struct checker *c);
void checker_set_priv(struct checker *c, void *priv);
/* Store a verdict and its message (printf format). Returns st. */
int checker_set_state(struct checker *c, int st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The device's logical block size (BLKSSZGET), 512 when unknown. */
unsigned checker_block_size(int fd);

/*
 * Run a SCSI command with no data out via SG_IO on the checker's fd,
 * reading up to buf_len bytes into buf (buf NULL: no data), with the
 * checker timeout. A UNIT ATTENTION is retried once. Stores and returns
 * the verdict: PATH_UP (GOOD and, with data, the whole buffer filled),
 * PATH_GHOST, PATH_DOWN, PATH_TIMEOUT; or -errno when SG_IO is not
 * supported on the fd (-ENOTTY, -EINVAL), the verdict then PATH_WILD.
 */
int checker_sg_run(struct checker *c, const unsigned char *cdb, unsigned cdb_len, void *buf,
		   unsigned buf_len);

/* Decoded sense data. */
struct checker_sense {
	unsigned char key, asc, ascq;
};

/* Decode fixed (0x70/0x71) or descriptor (0x72/0x73) sense data. Returns
 * 0 and *out, -EINVAL when too short or of another format. */
int checker_sense_decode(const unsigned char *sense, size_t len, struct checker_sense *out);

/* The verdict for a CHECK CONDITION with this sense: PATH_GHOST for NOT
 * READY with ASC/ASCQ 04/0B or 04/0C, PATH_DOWN otherwise (UNIT ATTENTION
 * is retried by checker_sg_run() before it gets here). */
int checker_sense_state(const struct checker_sense *s);

#endif
