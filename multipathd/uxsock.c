// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * uxsock: the control socket listener (see uxsock.h for the model).
 * One thread, one poll loop; every client fd non-blocking; per-client
 * buffers for the request being read and the reply being written.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "mpath_cmd.h"
#include "mpath_sockaddr.h"
#include "uxsock.h"
#include "util/log.h"

enum { UXSOCK_BACKLOG = 128, ACCEPT_PAUSE_MS = 100 };

enum client_state {
	CL_LEN,	 /* reading the length word (got bytes of it so far) */
	CL_BODY, /* reading len bytes of request text into buf */
	CL_SEND, /* writing buf[off..len) */
};

struct client {
	int fd;
	uid_t uid;
	enum client_state state;
	bool close_after; /* close once the reply is sent */
	size_t len;	  /* the length word; then the size of buf */
	size_t got;	  /* bytes read of the word or body, or sent of buf */
	char *buf;
	int64_t last; /* when a byte last moved (ms, CLOCK_MONOTONIC) */
};

struct uxsock {
	int lfd;
	int stopfd;
	struct uxsock_limits lim;
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)]; /* file socket, or "" */
	dev_t dev;
	ino_t ino;
	uxsock_handler *fn;
	void *ctx;
	pthread_t thread;
	bool running;
	int64_t accept_pause; /* no accept before this (fd table full) */
	struct client *clients;
	unsigned int n;
	struct pollfd *pfds;
};

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---------------------------------------------------------------- clients */

static void client_close(struct client *c)
{
	if (c->fd >= 0)
		close(c->fd);
	free(c->buf);
	*c = (struct client){.fd = -1};
}

/* Queue text (len bytes, no NUL) as the reply. 0 or -ENOMEM. */
static int client_reply(struct client *c, const char *text, size_t len, bool close_after)
{
	size_t word = len + 1;
	char *buf = malloc(sizeof(word) + word);

	if (!buf)
		return -ENOMEM;
	memcpy(buf, &word, sizeof(word));
	memcpy(buf + sizeof(word), text, len);
	buf[sizeof(word) + len] = '\0';
	free(c->buf);
	c->buf = buf;
	c->len = sizeof(word) + word;
	c->got = 0;
	c->state = CL_SEND;
	c->close_after = close_after;
	return 0;
}

/* Refuse the request with msg and close once it is sent. */
static void client_refuse(struct client *c, const char *msg)
{
	mp_log(3, "uxsock: fd %d uid %u: %s", c->fd, (unsigned)c->uid, msg);
	if (client_reply(c, msg, strlen(msg), true) < 0)
		client_close(c);
}

/* Send what the socket takes. Returns false when the client is gone. */
static bool client_write(struct client *c, int64_t now)
{
	ssize_t n;

	while (c->got < c->len) {
		n = send(c->fd, c->buf + c->got, c->len - c->got, MSG_NOSIGNAL | MSG_DONTWAIT);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN)
				return true;
			mp_log(3, "uxsock: fd %d: send: %s", c->fd, errno_desc(errno));
			client_close(c);
			return false;
		}
		c->got += (size_t)n;
		c->last = now;
	}
	if (c->close_after) {
		client_close(c);
		return false;
	}
	free(c->buf);
	c->buf = NULL;
	c->state = CL_LEN;
	c->len = c->got = 0;
	return true;
}

/* Run the handler on the complete request in c->buf and queue its reply. */
static void client_dispatch(struct uxsock *u, struct client *c)
{
	STRBUF_AUTO(reply);
	int rc;

	if (c->buf[c->len - 1] != '\0') {
		client_refuse(c, "fail\ninvalid request\n");
		return;
	}
	mp_log(4, "uxsock: uid %u: %s", (unsigned)c->uid, c->buf);
	rc = u->fn(u->ctx, c->buf, c->uid, &reply);
	if (rc < 0 && reply.len == 0)
		strbuf_addstr(&reply, "fail\n");
	if (reply.len >= MAX_REPLY_LEN) {
		strbuf_reset(&reply);
		strbuf_addstr(&reply, "fail\nreply too long\n");
	}
	if (client_reply(c, strbuf_str(&reply), reply.len, false) < 0)
		client_close(c);
}

/* The length word is complete: check it and make room for the text. */
static void client_got_len(struct uxsock *u, struct client *c)
{
	if (c->len == 0) {
		client_refuse(c, "fail\ninvalid request\n");
		return;
	}
	if (c->len > u->lim.max_request) {
		client_refuse(c, "fail\nrequest too long\n");
		return;
	}
	c->buf = malloc(c->len);
	if (!c->buf) {
		client_close(c);
		return;
	}
	c->state = CL_BODY;
	c->got = 0;
}

/* Read what has arrived; dispatch a complete request. */
static void client_read(struct uxsock *u, struct client *c, int64_t now)
{
	char *dst;
	size_t want;
	ssize_t n;

	while (c->fd >= 0 && c->state != CL_SEND) {
		if (c->state == CL_LEN) {
			dst = (char *)&c->len + c->got;
			want = sizeof(c->len) - c->got;
		} else {
			dst = c->buf + c->got;
			want = c->len - c->got;
		}
		n = recv(c->fd, dst, want, MSG_DONTWAIT);
		if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
			if (n < 0 || c->got > 0 || c->state != CL_LEN)
				mp_log(3, "uxsock: fd %d: connection lost mid-request", c->fd);
			client_close(c);
			return;
		}
		if (n < 0) {
			if (errno == EAGAIN)
				return;
			continue;
		}
		c->got += (size_t)n;
		c->last = now;
		if (c->got < sizeof(c->len) && c->state == CL_LEN)
			continue;
		if (c->state == CL_LEN) {
			client_got_len(u, c);
		} else if (c->got == c->len) {
			client_dispatch(u, c);
			if (c->fd >= 0)
				client_write(c, now);
			return;
		}
	}
}

/* When c's current timeout expires (ms). */
static int64_t client_deadline(const struct uxsock *u, const struct client *c)
{
	bool idle = c->state == CL_LEN && c->got == 0;

	return c->last + (idle ? u->lim.idle_timeout_ms : u->lim.io_timeout_ms);
}

/* ----------------------------------------------------------------- accept */

static void uxsock_accept(struct uxsock *u, int64_t now)
{
	static const char busy[] = "fail\ntoo many clients\n";
	struct ucred cred;
	socklen_t len;
	struct client *c;
	int fd;

	for (;;) {
		fd = accept4(u->lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd < 0) {
			if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS ||
			    errno == ENOMEM) {
				mp_log(3, "uxsock: accept: %s", errno_desc(errno));
				u->accept_pause = now + ACCEPT_PAUSE_MS;
			}
			return; /* EAGAIN, or a connection that went away */
		}
		len = sizeof(cred);
		if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) < 0) {
			close(fd);
			continue;
		}
		if (u->n >= u->lim.max_clients) {
			size_t word = sizeof(busy);
			struct iovec iov[2] = {{&word, sizeof(word)}, {(void *)busy, sizeof(busy)}};
			struct msghdr msg = {.msg_iov = iov, .msg_iovlen = 2};

			mp_log(3, "uxsock: uid %u refused: too many clients", (unsigned)cred.uid);
			if (sendmsg(fd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT) < 0)
				mp_log(4, "uxsock: refusal not sent: %s", errno_desc(errno));
			close(fd);
			continue;
		}
		c = &u->clients[u->n++];
		*c = (struct client){.fd = fd, .uid = cred.uid, .state = CL_LEN, .last = now};
	}
}

/* ------------------------------------------------------------------- loop */

/* Drop closed clients, keeping the others in order. */
static void clients_compact(struct uxsock *u)
{
	unsigned int i, j = 0;

	for (i = 0; i < u->n; i++)
		if (u->clients[i].fd >= 0)
			u->clients[j++] = u->clients[i];
	u->n = j;
}

/* Fill u->pfds; returns how many and sets *timeout (ms, -1: none). */
static unsigned int loop_prepare(struct uxsock *u, int64_t now, int *timeout)
{
	int64_t next = INT64_MAX, d;
	unsigned int i, n = 0;

	u->pfds[n++] = (struct pollfd){.fd = u->stopfd, .events = POLLIN};
	if (now >= u->accept_pause)
		u->pfds[n++] = (struct pollfd){.fd = u->lfd, .events = POLLIN};
	else
		next = u->accept_pause;
	for (i = 0; i < u->n; i++) {
		struct client *c = &u->clients[i];

		u->pfds[n++] =
		    (struct pollfd){.fd = c->fd, .events = c->state == CL_SEND ? POLLOUT : POLLIN};
		d = client_deadline(u, c);
		if (d < next)
			next = d;
	}
	if (next == INT64_MAX)
		*timeout = -1;
	else
		*timeout = next <= now ? 0 : (next - now > INT_MAX ? INT_MAX : (int)(next - now));
	return n;
}

static void *uxsock_thread(void *arg)
{
	struct uxsock *u = arg;
	unsigned int i, n, first;
	int64_t now;
	bool listening;
	int timeout;

	pthread_setname_np(pthread_self(), "uxsock");
	for (;;) {
		now = now_ms();
		listening = now >= u->accept_pause;
		n = loop_prepare(u, now, &timeout);
		if (poll(u->pfds, n, timeout) < 0 && errno != EINTR) {
			mp_log(1, "uxsock: poll: %s", errno_desc(errno));
			break;
		}
		if (u->pfds[0].revents)
			break;
		now = now_ms();
		first = listening ? 2 : 1;
		for (i = 0; i < u->n && first + i < n; i++) {
			struct client *c = &u->clients[i];
			short rev = u->pfds[first + i].revents;

			if (!rev)
				continue;
			if (c->state == CL_SEND)
				client_write(c, now);
			else
				client_read(u, c, now);
		}
		for (i = 0; i < u->n; i++) {
			struct client *c = &u->clients[i];

			if (c->fd >= 0 && client_deadline(u, c) <= now) {
				mp_log(3, "uxsock: fd %d uid %u: timed out, closing", c->fd,
				       (unsigned)c->uid);
				client_close(c);
			}
		}
		clients_compact(u);
		if (listening && (u->pfds[1].revents & POLLIN))
			uxsock_accept(u, now);
	}
	return NULL;
}

/* ------------------------------------------------------------- public API */

int uxsock_fd(const struct uxsock *u)
{
	return u->lfd;
}

/* Bind fd to a file system socket, replacing a stale one. 0 or -errno. */
static int bind_path(int fd, const struct sockaddr_un *sa, socklen_t len)
{
	int probe, err;

	if (bind(fd, (const struct sockaddr *)sa, len) == 0)
		return 0;
	if (errno != EADDRINUSE)
		return -errno;
	probe = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (probe < 0)
		return -errno;
	err = connect(probe, (const struct sockaddr *)sa, len) == 0 ? 0 : errno;
	close(probe);
	if (err != ECONNREFUSED)
		return -EADDRINUSE;
	if (unlink(sa->sun_path) < 0 && errno != ENOENT)
		return -errno;
	return bind(fd, (const struct sockaddr *)sa, len) == 0 ? 0 : -errno;
}

static int uxsock_alloc(const struct uxsock_limits *lim, struct uxsock **out)
{
	struct uxsock *u = calloc(1, sizeof(*u));

	if (!u)
		return -ENOMEM;
	u->lim = lim ? *lim : UXSOCK_LIMITS_DEFAULT;
	u->clients = calloc(u->lim.max_clients, sizeof(*u->clients));
	u->pfds = calloc(u->lim.max_clients + 2, sizeof(*u->pfds));
	u->lfd = u->stopfd = -1;
	if (!u->clients || !u->pfds) {
		uxsock_stop(u);
		return -ENOMEM;
	}
	*out = u;
	return 0;
}

int uxsock_open(const char *name, const struct uxsock_limits *lim, struct uxsock **out)
{
	struct sockaddr_un sa;
	struct uxsock *u;
	struct stat st;
	socklen_t len;
	int rc;

	if (lim && (!lim->max_clients || lim->max_request < 1 || !lim->idle_timeout_ms ||
		    !lim->io_timeout_ms || lim->max_clients > 65536))
		return -EINVAL;
	if (mpath_sockaddr(name, &sa, &len) < 0)
		return -EINVAL;
	rc = uxsock_alloc(lim, &u);
	if (rc < 0)
		return rc;
	u->stopfd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	u->lfd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (u->stopfd < 0 || u->lfd < 0) {
		rc = -errno;
		goto err_free;
	}
	if (sa.sun_path[0]) {
		rc = bind_path(u->lfd, &sa, len);
		if (rc < 0)
			goto err_free;
		memcpy(u->path, sa.sun_path, sizeof(u->path));
		if (stat(u->path, &st) == 0) {
			u->dev = st.st_dev;
			u->ino = st.st_ino;
		}
	} else if (bind(u->lfd, (struct sockaddr *)&sa, len) < 0) {
		rc = -errno;
		goto err_free;
	}
	if (listen(u->lfd, UXSOCK_BACKLOG) < 0) {
		rc = -errno;
		goto err_free;
	}
	*out = u;
	return 0;

err_free:
	uxsock_stop(u);
	return rc;
}

int uxsock_run(struct uxsock *u, uxsock_handler *fn, void *ctx)
{
	int rc;

	if (!u || !fn)
		return -EINVAL;
	if (u->running)
		return -EBUSY;
	u->fn = fn;
	u->ctx = ctx;
	rc = pthread_create(&u->thread, NULL, uxsock_thread, u);
	if (rc)
		return -rc;
	u->running = true;
	return 0;
}

int uxsock_start(const char *name, uxsock_handler *fn, void *ctx, struct uxsock **out)
{
	struct uxsock *u;
	int rc;

	rc = uxsock_open(name, NULL, &u);
	if (rc < 0)
		return rc;
	rc = uxsock_run(u, fn, ctx);
	if (rc < 0) {
		uxsock_stop(u);
		return rc;
	}
	*out = u;
	return 0;
}

/* Remove our socket file, unless someone replaced it meanwhile. */
static void uxsock_unlink(struct uxsock *u)
{
	struct stat st;

	if (u->path[0] && stat(u->path, &st) == 0 && st.st_dev == u->dev && st.st_ino == u->ino)
		unlink(u->path);
}

void uxsock_stop(struct uxsock *u)
{
	uint64_t one = 1;
	unsigned int i;

	if (!u)
		return;
	if (u->running) {
		while (write(u->stopfd, &one, sizeof(one)) < 0 && errno == EINTR)
			;
		pthread_join(u->thread, NULL);
	}
	for (i = 0; i < u->n; i++)
		client_close(&u->clients[i]);
	if (u->lfd >= 0) {
		uxsock_unlink(u);
		close(u->lfd);
	}
	if (u->stopfd >= 0)
		close(u->stopfd);
	free(u->clients);
	free(u->pfds);
	free(u);
}
