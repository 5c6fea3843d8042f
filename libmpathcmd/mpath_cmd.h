/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libmpathcmd: talk to a running multipathd over its control socket.
 *
 * This is the public client library (libmpathcmd.so.0) that other programs
 * link against; its functions, names and return conventions are those of
 * multipath-tools' libmpathcmd, so programs written for it work unchanged.
 *
 * The socket
 *   A SOCK_STREAM unix socket. Its address is the abstract name
 *   "@/org/kernel/linux/storage/multipathd" (DEFAULT_SOCKET in the abstract
 *   namespace), or the value of the environment variable
 *   MULTIPATH_SOCKET_NAME when it is set and not empty: a value starting
 *   with '@' names an abstract socket (the rest of the value is the name), any
 *   other value is a file system path.
 *
 * The protocol
 *   Every message, in either direction, is its length as a native size_t
 *   (the length of the text plus its terminating NUL), followed by the text
 *   and the NUL. The client sends one command and reads one reply; it may
 *   then send the next command on the same connection. A reply never
 *   exceeds MAX_REPLY_LEN bytes. A reply that starts with "fail" reports that
 *   the command failed.
 *
 * Conventions
 *   Every function returns -1 and sets errno on failure, like the system
 *   calls it wraps; output parameters are written only on success. Timeouts
 *   are in milliseconds and bound the whole call: a reply that has not fully
 *   arrived when timeout_ms has elapsed fails with ETIMEDOUT. After any
 *   failure on a connection, the stream position is unknown: disconnect.
 *   The functions log nothing and keep no global state; distinct fds may be
 *   used from distinct threads at once, one fd from one thread at a time.
 *   SIGPIPE is never raised: a peer gone away is reported as EPIPE.
 */
#ifndef LIB_MPATH_CMD_H
#define LIB_MPATH_CMD_H

#include <stddef.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The socket's name, in the abstract namespace (no file on disk). */
#define DEFAULT_SOCKET "/org/kernel/linux/storage/multipathd"
/* The environment variable that overrides it ('@' prefix: abstract). */
#define MPATH_SOCKET_ENV "MULTIPATH_SOCKET_NAME"
/* The reply timeout clients use unless configured (uxsock_timeout). */
#define DEFAULT_REPLY_TIMEOUT 4000
/* The longest reply accepted, NUL included (32 MiB). */
#define MAX_REPLY_LEN (32 * 1024 * 1024)

/*
 * mpath_connect__() - open a connection to multipathd.
 * @nonblocking: when non-zero, fail with EAGAIN instead of waiting when the
 *	daemon's queue of pending connections is full. The returned fd is
 *	blocking either way (the other functions poll with their timeout).
 *
 * Returns the connected fd (close-on-exec), or -1 with errno set:
 * ECONNREFUSED or ENOENT when no daemon listens, EAGAIN (see above), or
 * what socket(2)/connect(2) report.
 */
int mpath_connect__(int nonblocking);

/* The name multipath-tools 0.9 exports for mpath_connect__() (ABI only). */
int __mpath_connect(int nonblocking);

/* mpath_connect() - mpath_connect__(0). */
int mpath_connect(void);

/*
 * mpath_disconnect() - close a connection made by mpath_connect().
 * Returns 0, or -1 with errno set by close(2).
 */
int mpath_disconnect(int fd);

/*
 * mpath_send_cmd() - send one command (a NUL-terminated string).
 * Writes the whole message, retrying after short writes and EINTR.
 * Returns 0, or -1 with errno set: EINVAL for a NULL cmd or one longer than
 * MAX_REPLY_LEN, EPIPE/ECONNRESET when the daemon closed the connection.
 */
int mpath_send_cmd(int fd, const char *cmd);

/*
 * mpath_recv_reply_len() - read the length word of the next reply.
 * Waits at most timeout_ms for it. Returns the length (NUL included; the
 * caller then reads that many bytes with mpath_recv_reply_data()), or -1
 * with errno set: ETIMEDOUT, ECONNRESET when the daemon closed the
 * connection before the whole word arrived, EINVAL for a length above
 * MAX_REPLY_LEN.
 */
ssize_t mpath_recv_reply_len(int fd, unsigned int timeout_ms);

/*
 * mpath_recv_reply_data() - read exactly len bytes of reply text into reply.
 * Waits at most timeout_ms for all of them. Returns 0, or -1 with errno set
 * (ETIMEDOUT, ECONNRESET when the connection closed before len bytes came).
 * The bytes are stored as received: the caller checks the final NUL.
 */
int mpath_recv_reply_data(int fd, char *reply, size_t len, unsigned int timeout_ms);

/*
 * mpath_recv_reply() - read one whole reply.
 * On success *reply is a malloc()ed NUL-terminated string (free() it), and
 * 0 is returned. The length and the text together must arrive within
 * timeout_ms. Returns -1 with errno set: as mpath_recv_reply_len() and
 * mpath_recv_reply_data(), EINVAL for a zero length, ENOMEM.
 */
int mpath_recv_reply(int fd, char **reply, unsigned int timeout_ms);

/*
 * mpath_process_cmd() - mpath_send_cmd() then mpath_recv_reply().
 * Returns 0 with *reply set (free() it), or -1 with errno set.
 */
int mpath_process_cmd(int fd, const char *cmd, char **reply, unsigned int timeout_ms);

#ifdef __cplusplus
}
#endif
#endif
