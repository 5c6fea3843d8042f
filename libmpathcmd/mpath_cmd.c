// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libmpathcmd: the client side of multipathd's control socket protocol
 * (see mpath_cmd.h). Reads poll with the caller's deadline and then use
 * MSG_DONTWAIT, so a blocking fd never makes a call outlast its timeout.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "mpath_cmd.h"
#include "mpath_sockaddr.h"

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Wait until fd is ready for events, or deadline (CLOCK_MONOTONIC ms;
 * -1: no limit) passes. 0 when ready (or in error/hangup: the next call
 * says which), -errno otherwise.
 */
static int fd_wait(int fd, short events, int64_t deadline)
{
	struct pollfd p = {.fd = fd, .events = events};
	int64_t left;
	int n;

	for (;;) {
		left = -1;
		if (deadline >= 0) {
			left = deadline - now_ms();
			if (left < 0)
				left = 0;
		}
		n = poll(&p, 1, left > INT_MAX ? INT_MAX : (int)left);
		if (n > 0)
			return 0;
		if (n == 0 && left == 0)
			return -ETIMEDOUT;
		if (n < 0 && errno != EINTR)
			return -errno;
	}
}

/* Read exactly len bytes before deadline. 0 or -errno. */
static int read_all(int fd, void *buf, size_t len, int64_t deadline)
{
	char *p = buf;
	ssize_t n;
	int rc;

	while (len > 0) {
		rc = fd_wait(fd, POLLIN, deadline);
		if (rc < 0)
			return rc;
		n = recv(fd, p, len, MSG_DONTWAIT);
		if (n == 0)
			return -ECONNRESET;
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return -errno;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Write every byte of iov[0..cnt), however many calls it takes. 0 or -errno. */
static int write_iov(int fd, struct iovec *iov, int cnt)
{
	struct msghdr msg = {.msg_iov = iov, .msg_iovlen = (size_t)cnt};
	ssize_t n;
	int rc;

	while (msg.msg_iovlen > 0) {
		n = sendmsg(fd, &msg, MSG_NOSIGNAL);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno != EAGAIN)
				return -errno;
			rc = fd_wait(fd, POLLOUT, -1);
			if (rc < 0)
				return rc;
			continue;
		}
		while (msg.msg_iovlen > 0 && (size_t)n >= msg.msg_iov->iov_len) {
			n -= (ssize_t)msg.msg_iov->iov_len;
			msg.msg_iov++;
			msg.msg_iovlen--;
		}
		if (msg.msg_iovlen > 0) {
			msg.msg_iov->iov_base = (char *)msg.msg_iov->iov_base + n;
			msg.msg_iov->iov_len -= (size_t)n;
		}
	}
	return 0;
}

static int fail_errno(int err)
{
	errno = err;
	return -1;
}

int mpath_connect__(int nonblocking)
{
	struct sockaddr_un sa;
	socklen_t len;
	int fd, flags, err;

	if (mpath_sockaddr(NULL, &sa, &len) < 0)
		return fail_errno(EINVAL);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | (nonblocking ? SOCK_NONBLOCK : 0), 0);
	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&sa, len) < 0)
		goto err_close;
	if (nonblocking) {
		flags = fcntl(fd, F_GETFL);
		if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0)
			goto err_close;
	}
	return fd;

err_close:
	err = errno;
	close(fd);
	return fail_errno(err);
}

/* The name multipath-tools 0.9.x exports; same function. */
int __mpath_connect(int nonblocking) __attribute__((alias("mpath_connect__")));

int mpath_connect(void)
{
	return mpath_connect__(0);
}

int mpath_disconnect(int fd)
{
	return close(fd);
}

int mpath_send_cmd(int fd, const char *cmd)
{
	size_t len;
	struct iovec iov[2];
	int rc;

	if (!cmd)
		return fail_errno(EINVAL);
	len = strlen(cmd) + 1;
	if (len > MAX_REPLY_LEN)
		return fail_errno(EINVAL);
	iov[0] = (struct iovec){.iov_base = &len, .iov_len = sizeof(len)};
	iov[1] = (struct iovec){.iov_base = (void *)cmd, .iov_len = len};
	rc = write_iov(fd, iov, 2);
	return rc < 0 ? fail_errno(-rc) : 0;
}

static int64_t deadline_after(unsigned int timeout_ms)
{
	return now_ms() + timeout_ms;
}

/* The length word, checked. Length or -errno. */
static ssize_t recv_len(int fd, int64_t deadline)
{
	size_t len;
	int rc;

	rc = read_all(fd, &len, sizeof(len), deadline);
	if (rc < 0)
		return rc;
	if (len > MAX_REPLY_LEN)
		return -EINVAL;
	return (ssize_t)len;
}

ssize_t mpath_recv_reply_len(int fd, unsigned int timeout_ms)
{
	ssize_t len = recv_len(fd, deadline_after(timeout_ms));

	return len < 0 ? fail_errno((int)-len) : len;
}

int mpath_recv_reply_data(int fd, char *reply, size_t len, unsigned int timeout_ms)
{
	int rc;

	if (!reply && len > 0)
		return fail_errno(EINVAL);
	rc = read_all(fd, reply, len, deadline_after(timeout_ms));
	return rc < 0 ? fail_errno(-rc) : 0;
}

int mpath_recv_reply(int fd, char **reply, unsigned int timeout_ms)
{
	int64_t deadline = deadline_after(timeout_ms);
	ssize_t len;
	char *buf;
	int rc;

	if (!reply)
		return fail_errno(EINVAL);
	len = recv_len(fd, deadline);
	if (len < 0)
		return fail_errno((int)-len);
	if (len == 0)
		return fail_errno(EINVAL);
	buf = malloc((size_t)len);
	if (!buf)
		return fail_errno(ENOMEM);
	rc = read_all(fd, buf, (size_t)len, deadline);
	if (rc < 0) {
		free(buf);
		return fail_errno(-rc);
	}
	buf[len - 1] = '\0';
	*reply = buf;
	return 0;
}

int mpath_process_cmd(int fd, const char *cmd, char **reply, unsigned int timeout_ms)
{
	if (mpath_send_cmd(fd, cmd) < 0)
		return -1;
	return mpath_recv_reply(fd, reply, timeout_ms);
}
