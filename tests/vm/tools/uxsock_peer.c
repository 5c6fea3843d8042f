// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * uxsock_peer: our two ends of the control socket, to check wire compatibility
 * with Debian's multipath-tools in the VM (scenario 35-uxsock).
 *
 *   uxsock_peer serve          a stand-in daemon on uxsock.c at the usual socket
 *                              ($MULTIPATH_SOCKET_NAME or the default), until
 *                              SIGTERM/SIGINT or the command "shutdown". Replies:
 *                              "show daemon" -> "pid N idle", "show paths" -> 20000
 *                              lines "line N", "shutdown" -> "ok", anything else ->
 *                              "fail" (and the handler fails).
 *   uxsock_peer client ARGS... our client (client_main) with ARGS as multipathd's
 *                              command line; timeout $UXSOCK_TIMEOUT ms or 4000.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../../multipathd/client.h"
#include "../../../multipathd/uxsock.h"
#include "mpath_cmd.h"

/*
 * Debian's client sends its words each followed by a space, then a newline
 * ("show daemon \n"); -kCOMMAND is sent as typed. Compare without the
 * trailing white space, as a daemon must.
 */
static int handler(void *ctx, const char *text, uid_t uid, struct strbuf *reply)
{
	char cmd[256];
	size_t n;
	int i;

	(void)ctx;
	fprintf(stderr, "uxsock_peer: uid %u: '%s'\n", (unsigned)uid, text);
	n = strlen(text);
	while (n > 0 && strchr(" \t\n", text[n - 1]))
		n--;
	if (n >= sizeof(cmd))
		return -EINVAL;
	memcpy(cmd, text, n);
	cmd[n] = '\0';
	if (!strcmp(cmd, "show daemon"))
		return strbuf_addf(reply, "pid %d idle\n", (int)getpid()) < 0 ? -ENOMEM : 0;
	if (!strcmp(cmd, "show paths")) {
		for (i = 0; i < 20000; i++)
			if (strbuf_addf(reply, "line %d\n", i) < 0)
				return -ENOMEM;
		return 0;
	}
	if (!strcmp(cmd, "shutdown")) {
		kill(getpid(), SIGTERM);
		return strbuf_addstr(reply, "ok\n") < 0 ? -ENOMEM : 0;
	}
	return -EINVAL;
}

static int serve(void)
{
	struct uxsock *u;
	sigset_t set;
	int rc, sig;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	rc = uxsock_start(NULL, handler, NULL, &u);
	if (rc < 0) {
		fprintf(stderr, "uxsock_peer: cannot listen: %s\n", strerror(-rc));
		return rc == -EADDRINUSE ? 2 : 1;
	}
	fprintf(stderr, "uxsock_peer: listening\n");
	sigwait(&set, &sig);
	uxsock_stop(u);
	fprintf(stderr, "uxsock_peer: stopped by signal %d\n", sig);
	return 0;
}

int main(int argc, char **argv)
{
	const char *t = getenv("UXSOCK_TIMEOUT");

	if (argc >= 2 && !strcmp(argv[1], "serve"))
		return serve();
	if (argc >= 2 && !strcmp(argv[1], "client"))
		return client_main(argc - 1, argv + 1,
				   t ? (unsigned)strtoul(t, NULL, 10) : DEFAULT_REPLY_TIMEOUT);
	fprintf(stderr, "usage: uxsock_peer serve | client ARGS...\n");
	return 2;
}
