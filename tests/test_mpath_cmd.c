// SPDX-License-Identifier: GPL-2.0-or-later
/* libmpathcmd: framing, partial reads and writes, timeouts, bad lengths, peers going away. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "mpath_cmd.h"
#include "mpath_sockaddr.h"

static int64_t ms_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void pair(int sv[2])
{
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
}

static void write_exact(int fd, const void *buf, size_t len)
{
	assert_int_equal(write(fd, buf, len), (ssize_t)len);
}

static void read_exact(int fd, void *buf, size_t len)
{
	char *p = buf;
	ssize_t n;

	while (len > 0) {
		n = read(fd, p, len);
		assert_true(n > 0);
		p += n;
		len -= (size_t)n;
	}
}

/* A message as the daemon frames it: length word (NUL included), text, NUL. */
static void write_msg(int fd, const char *text)
{
	size_t len = strlen(text) + 1;

	write_exact(fd, &len, sizeof(len));
	write_exact(fd, text, len);
}

static void test_send_frames(void **state)
{
	char buf[32];
	size_t len;
	int sv[2];

	(void)state;
	pair(sv);
	assert_int_equal(mpath_send_cmd(sv[0], "show paths"), 0);
	read_exact(sv[1], &len, sizeof(len));
	assert_int_equal(len, 11);
	read_exact(sv[1], buf, len);
	assert_memory_equal(buf, "show paths", 11);
	assert_int_equal(mpath_send_cmd(sv[0], ""), 0);
	read_exact(sv[1], &len, sizeof(len));
	assert_int_equal(len, 1);
	read_exact(sv[1], buf, 1);
	assert_int_equal(buf[0], '\0');
	errno = 0;
	assert_int_equal(mpath_send_cmd(sv[0], NULL), -1);
	assert_int_equal(errno, EINVAL);
	close(sv[0]);
	close(sv[1]);
}

static void test_recv_whole(void **state)
{
	char *reply = NULL;
	int sv[2];

	(void)state;
	pair(sv);
	write_msg(sv[1], "pid 1 idle\n");
	assert_int_equal(mpath_recv_reply(sv[0], &reply, 1000), 0);
	assert_string_equal(reply, "pid 1 idle\n");
	free(reply);
	/* length and data read separately */
	write_msg(sv[1], "ok\n");
	assert_int_equal(mpath_recv_reply_len(sv[0], 1000), 4);
	char buf[4];
	assert_int_equal(mpath_recv_reply_data(sv[0], buf, 4, 1000), 0);
	assert_memory_equal(buf, "ok\n", 4);
	close(sv[0]);
	close(sv[1]);
}

struct dribble {
	int fd;
	const char *text;
	size_t cut;    /* close after this many bytes of the message; 0: send all */
	size_t forged; /* announce this length instead; 0: the real one */
};

/* Send a message one byte at a time, 2 ms apart, maybe cut short. */
static void *dribble_thread(void *arg)
{
	struct dribble *d = arg;
	size_t len = d->forged ? d->forged : strlen(d->text) + 1;
	size_t total = sizeof(len) + strlen(d->text) + 1, i;
	char *msg = malloc(total);

	memcpy(msg, &len, sizeof(len));
	memcpy(msg + sizeof(len), d->text, strlen(d->text) + 1);
	for (i = 0; i < total && (!d->cut || i < d->cut); i++) {
		if (write(d->fd, msg + i, 1) != 1)
			break;
		usleep(2000);
	}
	free(msg);
	if (d->cut)
		close(d->fd);
	return NULL;
}

static void test_recv_partial(void **state)
{
	struct dribble d = {.text = "one\ntwo\n"};
	char *reply = NULL;
	pthread_t t;
	int sv[2];

	(void)state;
	pair(sv);
	d.fd = sv[1];
	assert_int_equal(pthread_create(&t, NULL, dribble_thread, &d), 0);
	assert_int_equal(mpath_recv_reply(sv[0], &reply, 5000), 0);
	pthread_join(t, NULL);
	assert_string_equal(reply, "one\ntwo\n");
	free(reply);
	close(sv[0]);
	close(sv[1]);
}

static void test_recv_timeout(void **state)
{
	char *reply = (char *)"untouched";
	int64_t t0;
	int sv[2];

	(void)state;
	pair(sv);
	t0 = ms_now();
	errno = 0;
	assert_int_equal(mpath_recv_reply(sv[0], &reply, 150), -1);
	assert_int_equal(errno, ETIMEDOUT);
	assert_true(ms_now() - t0 >= 150);
	assert_true(ms_now() - t0 < 2000);
	assert_string_equal(reply, "untouched");
	/* half a length word, then silence: the whole call is bounded */
	write_exact(sv[1], "\x05\x00", 2);
	t0 = ms_now();
	assert_int_equal(mpath_recv_reply_len(sv[0], 100), -1);
	assert_int_equal(errno, ETIMEDOUT);
	assert_true(ms_now() - t0 < 2000);
	close(sv[0]);
	close(sv[1]);
}

static void test_recv_bad_length(void **state)
{
	size_t huge = (size_t)MAX_REPLY_LEN + 1, zero = 0, max = MAX_REPLY_LEN;
	char *reply = NULL;
	int sv[2];

	(void)state;
	pair(sv);
	write_exact(sv[1], &huge, sizeof(huge));
	errno = 0;
	assert_int_equal(mpath_recv_reply(sv[0], &reply, 1000), -1);
	assert_int_equal(errno, EINVAL);
	assert_null(reply);
	write_exact(sv[1], &huge, sizeof(huge));
	assert_int_equal(mpath_recv_reply_len(sv[0], 1000), -1);
	assert_int_equal(errno, EINVAL);
	write_exact(sv[1], &max, sizeof(max));
	assert_int_equal(mpath_recv_reply_len(sv[0], 1000), MAX_REPLY_LEN);
	write_exact(sv[1], &zero, sizeof(zero));
	assert_int_equal(mpath_recv_reply(sv[0], &reply, 1000), -1);
	assert_int_equal(errno, EINVAL);
	assert_null(reply);
	close(sv[0]);
	close(sv[1]);
}

/* A reply whose last byte is not a NUL is still returned as a string. */
static void test_recv_forces_nul(void **state)
{
	size_t len = 3;
	char *reply = NULL;
	int sv[2];

	(void)state;
	pair(sv);
	write_exact(sv[1], &len, sizeof(len));
	write_exact(sv[1], "abc", 3);
	assert_int_equal(mpath_recv_reply(sv[0], &reply, 1000), 0);
	assert_string_equal(reply, "ab");
	free(reply);
	close(sv[0]);
	close(sv[1]);
}

static void test_peer_closes_mid_reply(void **state)
{
	struct dribble d = {.text = "a reply that never ends", .cut = 14};
	char *reply = NULL;
	pthread_t t;
	int sv[2];

	(void)state;
	pair(sv);
	d.fd = sv[1];
	assert_int_equal(pthread_create(&t, NULL, dribble_thread, &d), 0);
	errno = 0;
	assert_int_equal(mpath_recv_reply(sv[0], &reply, 5000), -1);
	assert_int_equal(errno, ECONNRESET);
	assert_null(reply);
	pthread_join(t, NULL);
	/* closed in the middle of the length word */
	pair(sv);
	d.fd = sv[1];
	d.cut = 3;
	assert_int_equal(pthread_create(&t, NULL, dribble_thread, &d), 0);
	assert_int_equal(mpath_recv_reply_len(sv[0], 5000), -1);
	assert_int_equal(errno, ECONNRESET);
	pthread_join(t, NULL);
	close(sv[0]);
}

/* Writing to a closed peer reports EPIPE and does not kill us with SIGPIPE. */
static void test_send_to_closed_peer(void **state)
{
	int sv[2];

	(void)state;
	pair(sv);
	close(sv[1]);
	errno = 0;
	assert_int_equal(mpath_send_cmd(sv[0], "show paths"), -1);
	assert_int_equal(errno, EPIPE);
	close(sv[0]);
}

struct slow_reader {
	int fd;
	size_t got;
	char *buf;
};

static void *slow_reader_thread(void *arg)
{
	struct slow_reader *r = arg;
	size_t len;
	ssize_t n;

	read_exact(r->fd, &len, sizeof(len));
	r->buf = malloc(len);
	while (r->got < len) {
		usleep(500);
		n = read(r->fd, r->buf + r->got, len - r->got > 4096 ? 4096 : len - r->got);
		if (n <= 0)
			break;
		r->got += (size_t)n;
	}
	return NULL;
}

/* A long command on a non-blocking fd: short writes and EAGAIN are retried. */
static void test_send_partial_writes(void **state)
{
	size_t n = 1 << 20, i;
	char *cmd = malloc(n + 1);
	struct slow_reader r = {0};
	pthread_t t;
	int sv[2], bufsize = 4096;

	(void)state;
	for (i = 0; i < n; i++)
		cmd[i] = (char)('a' + i % 26);
	cmd[n] = '\0';
	pair(sv);
	setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &bufsize, sizeof(bufsize));
	fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
	r.fd = sv[1];
	assert_int_equal(pthread_create(&t, NULL, slow_reader_thread, &r), 0);
	assert_int_equal(mpath_send_cmd(sv[0], cmd), 0);
	pthread_join(t, NULL);
	assert_int_equal(r.got, n + 1);
	assert_memory_equal(r.buf, cmd, n + 1);
	free(r.buf);
	free(cmd);
	close(sv[0]);
	close(sv[1]);
}

/* ---- connecting through the name in the environment ---- */

static int listen_on(const char *name)
{
	struct sockaddr_un sa;
	socklen_t len = 0;
	int fd;

	assert_int_equal(mpath_sockaddr(name, &sa, &len), 0);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	assert_true(fd >= 0);
	assert_int_equal(bind(fd, (struct sockaddr *)&sa, len), 0);
	assert_int_equal(listen(fd, 8), 0);
	return fd;
}

/* Accept one connection, answer one command with "got <cmd>". */
static void *echo_server(void *arg)
{
	int lfd = *(int *)arg, fd;
	char buf[256], reply[300];
	size_t len;

	fd = accept(lfd, NULL, NULL);
	if (fd < 0)
		return NULL;
	read_exact(fd, &len, sizeof(len));
	if (len <= sizeof(buf)) {
		read_exact(fd, buf, len);
		snprintf(reply, sizeof(reply), "got %s", buf);
		write_msg(fd, reply);
	}
	close(fd);
	return NULL;
}

static void round_trip(const char *name)
{
	char *reply = NULL;
	pthread_t t;
	int lfd, fd;

	setenv(MPATH_SOCKET_ENV, name, 1);
	lfd = listen_on(name);
	assert_int_equal(pthread_create(&t, NULL, echo_server, &lfd), 0);
	fd = mpath_connect();
	assert_true(fd >= 0);
	assert_true(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	assert_int_equal(mpath_process_cmd(fd, "show daemon", &reply, 2000), 0);
	assert_string_equal(reply, "got show daemon");
	free(reply);
	assert_int_equal(mpath_disconnect(fd), 0);
	pthread_join(t, NULL);
	close(lfd);
	unsetenv(MPATH_SOCKET_ENV);
}

static void test_connect_env(void **state)
{
	char name[64];

	(void)state;
	snprintf(name, sizeof(name), "@/mpt-test/mpath_cmd/%d", (int)getpid());
	round_trip(name);
	snprintf(name, sizeof(name), "/tmp/mpt-test-mpath_cmd-%d.sock", (int)getpid());
	unlink(name);
	round_trip(name);
	unlink(name);
}

static void test_connect_refused(void **state)
{
	char name[64];
	int fd;

	(void)state;
	snprintf(name, sizeof(name), "@/mpt-test/nobody/%d", (int)getpid());
	setenv(MPATH_SOCKET_ENV, name, 1);
	errno = 0;
	assert_int_equal(mpath_connect(), -1);
	assert_int_equal(errno, ECONNREFUSED);
	assert_int_equal(mpath_connect__(1), -1);
	assert_int_equal(errno, ECONNREFUSED);
	/* a non-blocking connect hands back a blocking fd */
	int lfd = listen_on(name);
	fd = mpath_connect__(1);
	assert_true(fd >= 0);
	assert_false(fcntl(fd, F_GETFL) & O_NONBLOCK);
	close(fd);
	close(lfd);
	unsetenv(MPATH_SOCKET_ENV);
}

static void test_sockaddr_names(void **state)
{
	struct sockaddr_un sa;
	socklen_t len;

	(void)state;
	unsetenv(MPATH_SOCKET_ENV);
	assert_int_equal(mpath_sockaddr(NULL, &sa, &len), 0);
	assert_int_equal(sa.sun_path[0], '\0');
	assert_memory_equal(sa.sun_path + 1, DEFAULT_SOCKET, strlen(DEFAULT_SOCKET));
	assert_int_equal(len, offsetof(struct sockaddr_un, sun_path) + 1 + strlen(DEFAULT_SOCKET));
	setenv(MPATH_SOCKET_ENV, "", 1);
	assert_int_equal(mpath_sockaddr(NULL, &sa, &len), 0);
	assert_int_equal(sa.sun_path[0], '\0');
	setenv(MPATH_SOCKET_ENV, "/run/x.sock", 1);
	assert_int_equal(mpath_sockaddr(NULL, &sa, &len), 0);
	assert_string_equal(sa.sun_path, "/run/x.sock");
	unsetenv(MPATH_SOCKET_ENV);
	assert_int_equal(mpath_sockaddr("@", &sa, &len), -EINVAL);
	char longname[200];
	memset(longname, 'x', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	assert_int_equal(mpath_sockaddr(longname, &sa, &len), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_send_frames),
	    cmocka_unit_test(test_recv_whole),
	    cmocka_unit_test(test_recv_partial),
	    cmocka_unit_test(test_recv_timeout),
	    cmocka_unit_test(test_recv_bad_length),
	    cmocka_unit_test(test_recv_forces_nul),
	    cmocka_unit_test(test_peer_closes_mid_reply),
	    cmocka_unit_test(test_send_to_closed_peer),
	    cmocka_unit_test(test_send_partial_writes),
	    cmocka_unit_test(test_connect_env),
	    cmocka_unit_test(test_connect_refused),
	    cmocka_unit_test(test_sockaddr_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
