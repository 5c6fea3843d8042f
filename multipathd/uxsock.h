/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * uxsock: multipathd's control socket listener (the daemon side of the
 * protocol in libmpathcmd/mpath_cmd.h: a native size_t length, NUL
 * included, then the text and its NUL, in both directions).
 *
 * Model
 *   One thread runs one poll loop over the listening socket, every client
 *   connection and a stop eventfd. Every client fd is non-blocking: a
 *   request is read incrementally into the client's own buffer, and the
 *   handler is called only when the request is complete; the reply is
 *   written incrementally as the client drains it. A client that sends half
 *   a request, stops reading its reply or goes away never blocks the other
 *   clients or the daemon. Requests of one client are served one at a time,
 *   in order; the next one is read once the previous reply is sent.
 *   The peer's credentials (SO_PEERCRED) are read once, at accept, and
 *   passed to the handler: the handler owns the policy (e.g. only root may
 *   change things).
 *
 * Limits (struct uxsock_limits; UXSOCK_LIMITS_DEFAULT unless overridden)
 *   max_clients     connections served at once (default 256). A connection
 *                   beyond it gets the reply "fail\ntoo many clients\n" and
 *                   is closed at once.
 *   max_request     longest request, NUL included (default 64 KiB). A
 *                   longer length word gets "fail\nrequest too long\n" and the
 *                   connection is closed. A zero length (the protocol needs
 *                   at least the NUL) or a text whose last byte is not NUL
 *                   gets "fail\ninvalid request\n" and a close.
 *   idle_timeout_ms a connection with no request in progress and nothing to
 *                   send is closed after this long (default 10 minutes: an
 *                   interactive `multipathd -k` keeps its connection while
 *                   the admin thinks; our client reconnects when dropped).
 *   io_timeout_ms   a request begun but not complete, or a reply not drained,
 *                   for this long since the last byte moved closes the
 *                   connection (default 10 s).
 *   Replies longer than MAX_REPLY_LEN are replaced by "fail\nreply too long\n".
 *
 * The handler
 *   uxsock_handler(ctx, cmd, uid, reply) runs in the listener thread for each
 *   complete request; cmd is the NUL-terminated text, uid the peer's user id,
 *   reply an empty strbuf whose text is sent back. It returns 0 or -errno;
 *   on -errno with an empty reply, "fail\n" is sent (multipath-tools'
 *   clients take a reply starting with "fail" as failure). It may take the
 *   daemon's locks briefly; it must not block for long, since no other
 *   client is served meanwhile. It must not call uxsock_stop().
 *
 * Threads and errors
 *   uxsock_open() binds and listens without a thread (call it before
 *   daemonizing: the socket survives fork(); a name already bound means
 *   another daemon runs: -EADDRINUSE). uxsock_run() starts the thread.
 *   uxsock_stop() (from any thread except the listener) signals the eventfd,
 *   joins the thread and closes every fd; a file system socket is unlinked.
 *   Functions return 0 or -errno; *out is written only on success. Logging
 *   is at levels 3 (refused or dropped clients) and 4 (every request).
 */
#ifndef MPD_UXSOCK_H
#define MPD_UXSOCK_H

#include <stddef.h>
#include <sys/types.h>

#include "util/strbuf.h"

struct uxsock;

typedef int uxsock_handler(void *ctx, const char *cmd, uid_t uid, struct strbuf *reply);

struct uxsock_limits {
	unsigned int max_clients;
	size_t max_request;
	unsigned int idle_timeout_ms;
	unsigned int io_timeout_ms;
};

#define UXSOCK_LIMITS_DEFAULT                                                                      \
	((struct uxsock_limits){.max_clients = 256,                                                \
				.max_request = 64 * 1024,                                          \
				.idle_timeout_ms = 600 * 1000,                                     \
				.io_timeout_ms = 10 * 1000})

/*
 * Bind and listen on name: NULL or "" for $MULTIPATH_SOCKET_NAME or the
 * default abstract socket; "@name" is abstract, anything else a path (a
 * stale socket file nobody listens on is replaced). lim NULL: defaults.
 * Returns 0 and *out, or -errno: -EADDRINUSE when a daemon listens there
 * already, -EINVAL for a bad name or limits of 0.
 */
int uxsock_open(const char *name, const struct uxsock_limits *lim, struct uxsock **out);

/* Start the listener thread serving u with fn(ctx, ...). 0 or -errno;
 * -EBUSY when it runs already. */
int uxsock_run(struct uxsock *u, uxsock_handler *fn, void *ctx);

/* uxsock_open(name, NULL) and uxsock_run(); on failure nothing is left. */
int uxsock_start(const char *name, uxsock_handler *fn, void *ctx, struct uxsock **out);

/* Stop the thread (if running), close the listening socket and every
 * client, free u. Clients in the middle of a reply see the connection
 * close. Accepts NULL. */
void uxsock_stop(struct uxsock *u);

/* The listening fd (for tests and diagnostics; owned by u). */
int uxsock_fd(const struct uxsock *u);

#endif
