// SPDX-License-Identifier: GPL-2.0-or-later
/* multipathd's client: command line forms, exit status, interactive loop, reconnecting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mpath_cmd.h"
#include "../multipathd/client.h"
#include "../multipathd/uxsock.h"

static char name[96];
static int seq;

#define ARGV(...) ((char *[]){"multipathd", __VA_ARGS__, NULL})
#define ARGC(...) ((int)(sizeof((char *[]){"multipathd", __VA_ARGS__}) / sizeof(char *)))

static void expect_parse(int argc, char **argv, int mode, const char *cmd)
{
	char *got = (char *)"untouched";

	assert_int_equal(client_parse(argc, argv, &got), mode);
	if (cmd) {
		assert_non_null(got);
		assert_string_equal(got, cmd);
		free(got);
	} else {
		assert_null(got);
	}
	assert_int_equal(client_requested(argc, argv), mode != CLIENT_NONE);
}

static void test_parse(void **state)
{
	(void)state;
	expect_parse(ARGC("show", "paths"), ARGV("show", "paths"), CLIENT_COMMAND, "show paths");
	expect_parse(ARGC("-kshow paths"), ARGV("-kshow paths"), CLIENT_COMMAND, "show paths");
	expect_parse(ARGC("-k"), ARGV("-k"), CLIENT_INTERACTIVE, NULL);
	expect_parse(ARGC("-k", "show", "maps"), ARGV("-k", "show", "maps"), CLIENT_COMMAND,
		     "show maps");
	expect_parse(ARGC("-v", "3", "show", "config"), ARGV("-v", "3", "show", "config"),
		     CLIENT_COMMAND, "show config");
	expect_parse(ARGC("-v3", "-k"), ARGV("-v3", "-k"), CLIENT_INTERACTIVE, NULL);
	expect_parse(ARGC("-d", "-s"), ARGV("-d", "-s"), CLIENT_NONE, NULL);
	expect_parse(ARGC("-d", "-v", "2"), ARGV("-d", "-v", "2"), CLIENT_NONE, NULL);
	expect_parse(ARGC("--", "-x", "y"), ARGV("--", "-x", "y"), CLIENT_COMMAND, "-x y");
	/* everything from the first word on is the command, options included */
	expect_parse(ARGC("show", "map", "-v"), ARGV("show", "map", "-v"), CLIENT_COMMAND,
		     "show map -v");
	expect_parse(1, ARGV(NULL), CLIENT_NONE, NULL);
	/* a word the shell unquoted goes back in quotes */
	expect_parse(ARGC("show", "paths", "format", "%d %w"),
		     ARGV("show", "paths", "format", "%d %w"), CLIENT_COMMAND,
		     "show paths format \"%d %w\"");
	expect_parse(ARGC("-kshow paths format \"%d\""), ARGV("-kshow paths format \"%d\""),
		     CLIENT_COMMAND, "show paths format \"%d\"");
}

static int handler(void *ctx, const char *cmd, uid_t uid, struct strbuf *reply)
{
	(void)ctx;
	(void)uid;
	if (!strcmp(cmd, "del path sdzz"))
		return strbuf_addstr(reply, "fail\n");
	if (!strcmp(cmd, "noline"))
		return strbuf_addstr(reply, "no newline");
	if (!strcmp(cmd, "empty"))
		return 0;
	return strbuf_addf(reply, "[%s]\n", cmd) < 0 ? -ENOMEM : 0;
}

static struct uxsock *serve(unsigned idle_ms)
{
	struct uxsock_limits lim = UXSOCK_LIMITS_DEFAULT;
	struct uxsock *u = NULL;

	lim.idle_timeout_ms = idle_ms;
	snprintf(name, sizeof(name), "@/mpt-test/client/%d/%d", (int)getpid(), ++seq);
	setenv(MPATH_SOCKET_ENV, name, 1);
	assert_int_equal(uxsock_open(NULL, &lim, &u), 0);
	assert_int_equal(uxsock_run(u, handler, NULL), 0);
	return u;
}

struct capture {
	char *buf;
	size_t len;
	FILE *f;
};

static FILE *capture_open(struct capture *c)
{
	c->buf = NULL;
	c->len = 0;
	c->f = open_memstream(&c->buf, &c->len);
	assert_non_null(c->f);
	return c->f;
}

static const char *capture_text(struct capture *c)
{
	fflush(c->f);
	return c->buf;
}

static void capture_close(struct capture *c)
{
	fclose(c->f);
	free(c->buf);
}

static void test_command_status(void **state)
{
	struct capture out, err;
	struct uxsock *u;
	int fd = -1;

	(void)state;
	u = serve(60000);
	capture_open(&out);
	capture_open(&err);
	assert_int_equal(client_command(&fd, "show paths", 2000, out.f, err.f), 0);
	assert_true(fd >= 0);
	assert_int_equal(client_command(&fd, "del path sdzz", 2000, out.f, err.f), 1);
	assert_int_equal(client_command(&fd, "noline", 2000, out.f, err.f), 0);
	assert_int_equal(client_command(&fd, "empty", 2000, out.f, err.f), 0);
	assert_string_equal(capture_text(&out), "[show paths]\nfail\nno newline\n");
	assert_string_equal(capture_text(&err), "");
	close(fd);
	uxsock_stop(u);
	/* nobody listens now */
	fd = -1;
	assert_int_equal(client_command(&fd, "show paths", 2000, out.f, err.f), 1);
	assert_int_equal(fd, -1);
	assert_string_equal(capture_text(&err),
			    "multipathd: cannot connect to the daemon: Connection refused\n");
	capture_close(&out);
	capture_close(&err);
}

/* The daemon dropped the idle connection: the client reconnects once. */
static void test_reconnect_after_idle_drop(void **state)
{
	struct capture out, err;
	struct uxsock *u;
	int fd = -1;

	(void)state;
	u = serve(100);
	capture_open(&out);
	capture_open(&err);
	assert_int_equal(client_command(&fd, "one", 2000, out.f, err.f), 0);
	usleep(400 * 1000);
	assert_int_equal(client_command(&fd, "two", 2000, out.f, err.f), 0);
	assert_string_equal(capture_text(&out), "[one]\n[two]\n");
	assert_string_equal(capture_text(&err), "");
	close(fd);
	uxsock_stop(u);
	capture_close(&out);
	capture_close(&err);
}

static void test_interactive(void **state)
{
	static char input[] = "show daemon\n\n   help  \nshutdown\nquit\nshow never\n";
	struct capture out, err;
	struct uxsock *u;
	FILE *in;

	(void)state;
	u = serve(60000);
	in = fmemopen(input, strlen(input), "r");
	capture_open(&out);
	capture_open(&err);
	assert_int_equal(client_interactive(in, 2000, out.f, err.f), 0);
	/* not a terminal: no prompt */
	assert_string_equal(capture_text(&out), "[show daemon]\n[help]\n[shutdown]\n");
	assert_string_equal(capture_text(&err), "");
	fclose(in);
	uxsock_stop(u);
	/* no daemon: exit status 1 */
	in = fmemopen(input, strlen(input), "r");
	assert_int_equal(client_interactive(in, 2000, out.f, err.f), 1);
	assert_non_null(strstr(capture_text(&err), "cannot connect to the daemon"));
	fclose(in);
	capture_close(&out);
	capture_close(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse),
	    cmocka_unit_test(test_command_status),
	    cmocka_unit_test(test_reconnect_after_idle_drop),
	    cmocka_unit_test(test_interactive),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
