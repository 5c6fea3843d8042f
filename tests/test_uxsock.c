// SPDX-License-Identifier: GPL-2.0-or-later
/* The control socket listener: replies, many clients, slow and hostile clients, limits, stop. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "mpath_cmd.h"
#include "mpath_sockaddr.h"
#include "../multipathd/uxsock.h"

static char name[96];
static int name_seq;
static atomic_int calls;

static int64_t ms_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n - 1; /* the DIR's own fd */
}

/*
 * The test handler: "echo X" -> "X\n"; "uid" -> the peer's uid; "big N" -> N
 * bytes of 'x'; "fail" -> -EINVAL, no text; "failtext" -> -EPERM with text.
 */
static int handler(void *ctx, const char *cmd, uid_t uid, struct strbuf *reply)
{
	(void)ctx;
	atomic_fetch_add(&calls, 1);
	if (!strncmp(cmd, "echo ", 5))
		return strbuf_addf(reply, "%s\n", cmd + 5) < 0 ? -ENOMEM : 0;
	if (!strcmp(cmd, "uid"))
		return strbuf_addf(reply, "%u", (unsigned)uid) < 0 ? -ENOMEM : 0;
	if (!strncmp(cmd, "big ", 4))
		return strbuf_addchars(reply, 'x', strtoul(cmd + 4, NULL, 10)) < 0 ? -ENOMEM : 0;
	if (!strcmp(cmd, "fail"))
		return -EINVAL;
	if (!strcmp(cmd, "failtext")) {
		strbuf_addstr(reply, "permission denied\n");
		return -EPERM;
	}
	return strbuf_addstr(reply, "ok\n") < 0 ? -ENOMEM : 0;
}

static struct uxsock *start(const struct uxsock_limits *lim)
{
	struct uxsock *u = NULL;

	snprintf(name, sizeof(name), "@/mpt-test/uxsock/%d/%d", (int)getpid(), ++name_seq);
	setenv(MPATH_SOCKET_ENV, name, 1);
	assert_int_equal(uxsock_open(NULL, lim, &u), 0);
	assert_int_equal(uxsock_run(u, handler, NULL), 0);
	return u;
}

static int raw_connect(void)
{
	struct sockaddr_un sa;
	socklen_t len = 0;
	int fd;

	assert_int_equal(mpath_sockaddr(name, &sa, &len), 0);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	assert_true(fd >= 0);
	assert_int_equal(connect(fd, (struct sockaddr *)&sa, len), 0);
	return fd;
}

/* One command on a fresh connection; the reply (malloc()ed) or NULL. */
static char *ask(const char *cmd, unsigned timeout_ms)
{
	char *reply = NULL;
	int fd = mpath_connect();

	if (fd < 0)
		return NULL;
	if (mpath_process_cmd(fd, cmd, &reply, timeout_ms) < 0)
		reply = NULL;
	mpath_disconnect(fd);
	return reply;
}

/* Wait for EOF on fd (after any reply bytes); true if it came within ms. */
static bool eof_within(int fd, int ms)
{
	struct timeval tv = {.tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000};
	char buf[4096];
	ssize_t n;

	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	while ((n = recv(fd, buf, sizeof(buf), 0)) > 0)
		;
	return n == 0 || (n < 0 && errno == ECONNRESET);
}

static void test_round_trip(void **state)
{
	struct uxsock *u;
	char *reply;
	char want[32];
	int fd;

	(void)state;
	u = start(NULL);
	reply = ask("echo hello", 2000);
	assert_non_null(reply);
	assert_string_equal(reply, "hello\n");
	free(reply);
	snprintf(want, sizeof(want), "%u", (unsigned)getuid());
	reply = ask("uid", 2000);
	assert_string_equal(reply, want);
	free(reply);
	reply = ask("fail", 2000);
	assert_string_equal(reply, "fail\n");
	free(reply);
	reply = ask("failtext", 2000);
	assert_string_equal(reply, "permission denied\n");
	free(reply);
	/* several commands, one connection; two sent before reading */
	fd = mpath_connect();
	assert_true(fd >= 0);
	assert_int_equal(mpath_send_cmd(fd, "echo one"), 0);
	assert_int_equal(mpath_send_cmd(fd, "echo two"), 0);
	assert_int_equal(mpath_recv_reply(fd, &reply, 2000), 0);
	assert_string_equal(reply, "one\n");
	free(reply);
	assert_int_equal(mpath_recv_reply(fd, &reply, 2000), 0);
	assert_string_equal(reply, "two\n");
	free(reply);
	assert_int_equal(mpath_process_cmd(fd, "", &reply, 2000), 0);
	assert_string_equal(reply, "ok\n");
	free(reply);
	mpath_disconnect(fd);
	uxsock_stop(u);
}

enum { NTHREADS = 200 };
static atomic_int good;

static void *client_thread(void *arg)
{
	int i = (int)(intptr_t)arg;
	char cmd[32], want[32];
	char *reply;

	snprintf(cmd, sizeof(cmd), "echo %d", i);
	snprintf(want, sizeof(want), "%d\n", i);
	reply = ask(cmd, 20000);
	if (reply && !strcmp(reply, want))
		atomic_fetch_add(&good, 1);
	free(reply);
	return NULL;
}

static void test_many_clients(void **state)
{
	pthread_t t[NTHREADS];
	struct uxsock *u;
	int i;

	(void)state;
	u = start(NULL);
	atomic_store(&good, 0);
	for (i = 0; i < NTHREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, client_thread, (void *)(intptr_t)i),
				 0);
	for (i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	assert_int_equal(atomic_load(&good), NTHREADS);
	uxsock_stop(u);
}

/* Half a length word, then silence: others are served at once. */
static void test_partial_request_blocks_nobody(void **state)
{
	struct uxsock *u;
	int64_t t0;
	char *reply;
	int fd, fd2;

	(void)state;
	u = start(NULL);
	fd = raw_connect();
	assert_int_equal(write(fd, "\x10\x00\x00", 3), 3);
	fd2 = raw_connect();
	size_t len = 20;
	assert_int_equal(write(fd2, &len, sizeof(len)), sizeof(len));
	assert_int_equal(write(fd2, "echo", 4), 4); /* body cut short */
	t0 = ms_now();
	reply = ask("echo still here", 2000);
	assert_non_null(reply);
	assert_string_equal(reply, "still here\n");
	assert_true(ms_now() - t0 < 1000);
	free(reply);
	close(fd);
	close(fd2);
	uxsock_stop(u);
}

static void expect_refusal(const void *msg, size_t msglen, const char *want)
{
	char *reply = NULL;
	int fd = raw_connect();

	assert_int_equal(write(fd, msg, msglen), (ssize_t)msglen);
	assert_int_equal(mpath_recv_reply(fd, &reply, 2000), 0);
	assert_string_equal(reply, want);
	free(reply);
	assert_true(eof_within(fd, 2000));
	close(fd);
}

static void test_bad_requests(void **state)
{
	struct uxsock_limits lim = UXSOCK_LIMITS_DEFAULT;
	unsigned char msg[64];
	struct uxsock *u;
	size_t len;
	char *reply;
	int before;

	(void)state;
	lim.max_request = 32;
	u = start(&lim);
	before = atomic_load(&calls);
	len = 1000; /* longer than max_request */
	memcpy(msg, &len, sizeof(len));
	memcpy(msg + sizeof(len), "echo x", 6);
	expect_refusal(msg, sizeof(len) + 6, "fail\nrequest too long\n");
	len = (size_t)-1;
	memcpy(msg, &len, sizeof(len));
	expect_refusal(msg, sizeof(len), "fail\nrequest too long\n");
	len = 0;
	memcpy(msg, &len, sizeof(len));
	expect_refusal(msg, sizeof(len), "fail\ninvalid request\n");
	len = 4; /* no NUL at the end */
	memcpy(msg, &len, sizeof(len));
	memcpy(msg + sizeof(len), "abcd", 4);
	expect_refusal(msg, sizeof(len) + 4, "fail\ninvalid request\n");
	assert_int_equal(atomic_load(&calls), before); /* the handler saw none of them */
	/* the longest accepted request still works */
	char cmd[32];
	memset(cmd, 'y', sizeof(cmd) - 1);
	memcpy(cmd, "echo ", 5);
	cmd[sizeof(cmd) - 1] = '\0';
	reply = ask(cmd, 2000);
	assert_non_null(reply);
	assert_int_equal(strlen(reply), 31 - 5 + 1);
	free(reply);
	uxsock_stop(u);
}

/* A client that asked for a big reply and stopped reading, another that
 * went away mid-reply: neither blocks the others. */
static void test_stalled_and_vanished_readers(void **state)
{
	struct uxsock *u;
	char *reply;
	char buf[100];
	int stalled, gone;

	(void)state;
	u = start(NULL);
	stalled = mpath_connect();
	assert_int_equal(mpath_send_cmd(stalled, "big 8000000"), 0);
	gone = mpath_connect();
	assert_int_equal(mpath_send_cmd(gone, "big 8000000"), 0);
	assert_int_equal(read(gone, buf, sizeof(buf)), (ssize_t)sizeof(buf));
	close(gone);
	for (int i = 0; i < 20; i++) {
		reply = ask("echo alive", 2000);
		assert_non_null(reply);
		assert_string_equal(reply, "alive\n");
		free(reply);
	}
	/* the stalled one still gets its whole reply when it reads */
	assert_int_equal(mpath_recv_reply(stalled, &reply, 5000), 0);
	assert_int_equal(strlen(reply), 8000000);
	free(reply);
	close(stalled);
	uxsock_stop(u);
}

static void test_too_many_clients(void **state)
{
	struct uxsock_limits lim = UXSOCK_LIMITS_DEFAULT;
	struct uxsock *u;
	char *reply;
	int a, b;

	(void)state;
	lim.max_clients = 2;
	u = start(&lim);
	a = mpath_connect();
	b = mpath_connect();
	assert_int_equal(mpath_process_cmd(a, "echo a", &reply, 2000), 0);
	free(reply);
	assert_int_equal(mpath_process_cmd(b, "echo b", &reply, 2000), 0);
	free(reply);
	/* the third is refused: it reads the refusal, or, when the listener
	 * closed before the client's request went out, its send fails */
	reply = ask("echo c", 2000);
	if (reply)
		assert_string_equal(reply, "fail\ntoo many clients\n");
	free(reply);
	close(a);
	/* the listener frees a's slot once it sees the close: wait for that
	 * (up to 5 s on a loaded machine), not a fixed time */
	for (int i = 0; i < 50; i++) {
		reply = ask("echo c", 2000);
		if (reply && !strcmp(reply, "c\n"))
			break;
		free(reply);
		reply = NULL;
		usleep(100 * 1000);
	}
	assert_non_null(reply);
	assert_string_equal(reply, "c\n");
	free(reply);
	close(b);
	uxsock_stop(u);
}

static void test_timeouts(void **state)
{
	struct uxsock_limits lim = UXSOCK_LIMITS_DEFAULT;
	struct uxsock *u;
	int64_t t0;
	char *reply;
	int idle, partial, busy;

	(void)state;
	lim.idle_timeout_ms = 300;
	lim.io_timeout_ms = 200;
	u = start(&lim);
	idle = raw_connect();
	partial = raw_connect();
	assert_int_equal(write(partial, "\x08", 1), 1);
	t0 = ms_now();
	assert_true(eof_within(partial, 3000));
	assert_true(ms_now() - t0 >= 150);
	assert_true(eof_within(idle, 3000));
	assert_true(ms_now() - t0 >= 250);
	/* a client that keeps talking stays longer than the idle timeout */
	busy = mpath_connect();
	for (int i = 0; i < 5; i++) {
		assert_int_equal(mpath_process_cmd(busy, "echo 2", &reply, 2000), 0);
		assert_string_equal(reply, "2\n");
		free(reply);
		usleep(150 * 1000);
	}
	close(idle);
	close(partial);
	close(busy);
	uxsock_stop(u);
}

static void test_stop_with_clients_no_leak(void **state)
{
	struct uxsock *u;
	int fds[4], before, i;
	char *reply;

	(void)state;
	before = count_fds();
	u = start(NULL);
	fds[0] = raw_connect(); /* idle */
	fds[1] = raw_connect(); /* mid-request */
	assert_int_equal(write(fds[1], "\x30\x00", 2), 2);
	fds[2] = mpath_connect(); /* mid-reply */
	assert_int_equal(mpath_send_cmd(fds[2], "big 8000000"), 0);
	fds[3] = mpath_connect(); /* served */
	assert_int_equal(mpath_process_cmd(fds[3], "echo x", &reply, 2000), 0);
	free(reply);
	usleep(100 * 1000);
	uxsock_stop(u);
	for (i = 0; i < 4; i++) {
		assert_true(eof_within(fds[i], 2000));
		close(fds[i]);
	}
	assert_int_equal(count_fds(), before);
	/* the name is free again */
	u = NULL;
	assert_int_equal(uxsock_open(name, NULL, &u), 0);
	uxsock_stop(u);
	assert_int_equal(count_fds(), before);
}

static void test_addr_in_use(void **state)
{
	struct uxsock *u, *v = NULL;
	char path[96];
	struct stat st;
	int fd, before = count_fds();

	(void)state;
	u = start(NULL);
	assert_int_equal(uxsock_open(name, NULL, &v), -EADDRINUSE);
	assert_null(v);
	assert_int_equal(uxsock_start(NULL, handler, NULL, &v), -EADDRINUSE);
	uxsock_stop(u);
	/* a file system socket: in use while served, a stale file is replaced, removed at stop */
	snprintf(path, sizeof(path), "/tmp/mpt-test-uxsock-%d.sock", (int)getpid());
	unlink(path);
	assert_int_equal(uxsock_start(path, handler, NULL, &u), 0);
	assert_int_equal(uxsock_open(path, NULL, &v), -EADDRINUSE);
	setenv(MPATH_SOCKET_ENV, path, 1);
	snprintf(name, sizeof(name), "%s", path);
	char *reply = ask("echo file", 2000);
	assert_string_equal(reply, "file\n");
	free(reply);
	uxsock_stop(u);
	assert_int_equal(stat(path, &st), -1);
	fd = socket(AF_UNIX, SOCK_STREAM, 0); /* leave a stale socket file behind */
	struct sockaddr_un sa;
	socklen_t len = 0;
	assert_int_equal(mpath_sockaddr(path, &sa, &len), 0);
	assert_int_equal(bind(fd, (struct sockaddr *)&sa, len), 0);
	close(fd);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(uxsock_open(path, NULL, &u), 0);
	uxsock_stop(u);
	assert_int_equal(stat(path, &st), -1);
	assert_int_equal(uxsock_open("@", NULL, &v), -EINVAL);
	struct uxsock_limits bad = UXSOCK_LIMITS_DEFAULT;
	bad.max_clients = 0;
	assert_int_equal(uxsock_open(path, &bad, &v), -EINVAL);
	assert_null(v);
	assert_int_equal(count_fds(), before);
	uxsock_stop(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_round_trip),
	    cmocka_unit_test(test_many_clients),
	    cmocka_unit_test(test_partial_request_blocks_nobody),
	    cmocka_unit_test(test_bad_requests),
	    cmocka_unit_test(test_stalled_and_vanished_readers),
	    cmocka_unit_test(test_too_many_clients),
	    cmocka_unit_test(test_timeouts),
	    cmocka_unit_test(test_stop_with_clients_no_leak),
	    cmocka_unit_test(test_addr_in_use),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
