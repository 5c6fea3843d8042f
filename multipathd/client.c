// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * client: the `multipathd COMMAND` / `multipathd -k` side (see client.h).
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef USE_READLINE
#include <readline/history.h>
#include <readline/readline.h>
#endif

#include "client.h"
#include "mpath_cmd.h"
#include "util/strbuf.h"

static const char prompt[] = "multipathd> ";

/*
 * Join argv[from..argc) with single spaces. A word with white space in it
 * (a format string the shell unquoted) is put back in double quotes, as
 * multipath-tools' client does, so the daemon sees it as one word.
 * NULL on ENOMEM.
 */
static char *words_join(int argc, char **argv, int from)
{
	struct strbuf sb = STRBUF_INIT;
	bool quote;
	int i, rc = 0;

	for (i = from; i < argc && rc >= 0; i++) {
		quote = !argv[i][0] || strpbrk(argv[i], " \t\n");
		if (i > from)
			rc = strbuf_addch(&sb, ' ');
		if (rc >= 0 && quote)
			rc = strbuf_addch(&sb, '"');
		if (rc >= 0)
			rc = strbuf_addstr(&sb, argv[i]);
		if (rc >= 0 && quote)
			rc = strbuf_addch(&sb, '"');
	}
	if (rc < 0) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

int client_parse(int argc, char **argv, char **cmd)
{
	const char *ktext = NULL;
	bool k = false;
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (a[0] != '-' || !a[1])
			break;
		if (!strcmp(a, "--")) {
			i++;
			break;
		}
		if (!strncmp(a, "-k", 2)) {
			k = true;
			if (a[2])
				ktext = a + 2;
		} else if (!strcmp(a, "-v") && i + 1 < argc) {
			i++;
		}
	}
	if (ktext || i < argc) {
		char *c = ktext ? strdup(ktext) : words_join(argc, argv, i);

		if (!c)
			return -ENOMEM;
		*cmd = c;
		return CLIENT_COMMAND;
	}
	*cmd = NULL;
	return k ? CLIENT_INTERACTIVE : CLIENT_NONE;
}

bool client_requested(int argc, char **argv)
{
	char *cmd = NULL;
	int mode = client_parse(argc, argv, &cmd);

	free(cmd);
	return mode != CLIENT_NONE; /* -ENOMEM: let client_main report it */
}

static bool reply_failed(const char *reply)
{
	return !strncmp(reply, "fail", 4);
}

static void reply_print(const char *reply, FILE *out)
{
	size_t n = strlen(reply);

	fputs(reply, out);
	if (n > 0 && reply[n - 1] != '\n')
		fputc('\n', out);
	fflush(out);
}

static int client_connect(int *fd, FILE *err)
{
	*fd = mpath_connect();
	if (*fd >= 0)
		return 0;
	fprintf(err, "multipathd: cannot connect to the daemon: %s\n", strerror(errno));
	return -1;
}

/* Send cmd on *fd, connecting (or reconnecting once, when a reused
 * connection turns out closed by the daemon). 0 or -1 (reported). */
static int client_send(int *fd, const char *cmd, FILE *err)
{
	bool fresh = *fd < 0;

	if (fresh && client_connect(fd, err) < 0)
		return -1;
	if (mpath_send_cmd(*fd, cmd) == 0)
		return 0;
	if (!fresh && (errno == EPIPE || errno == ECONNRESET || errno == ENOTCONN)) {
		mpath_disconnect(*fd);
		if (client_connect(fd, err) < 0)
			return -1;
		if (mpath_send_cmd(*fd, cmd) == 0)
			return 0;
	}
	fprintf(err, "multipathd: cannot send the command: %s\n", strerror(errno));
	mpath_disconnect(*fd);
	*fd = -1;
	return -1;
}

int client_command(int *fd, const char *cmd, unsigned int timeout_ms, FILE *out, FILE *err)
{
	char *reply = NULL;
	int rc;

	if (client_send(fd, cmd, err) < 0)
		return 1;
	if (mpath_recv_reply(*fd, &reply, timeout_ms) < 0) {
		fprintf(err, "multipathd: no reply from the daemon: %s\n", strerror(errno));
		mpath_disconnect(*fd);
		*fd = -1;
		return 1;
	}
	reply_print(reply, out);
	rc = reply_failed(reply) ? 1 : 0;
	free(reply);
	return rc;
}

/* Strip leading and trailing white space in place; returns the start. */
static char *line_trim(char *s)
{
	size_t n;

	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

/* The next line (malloc()ed) or NULL at end of input. */
static char *line_read(FILE *in, bool tty, FILE *out)
{
	char *line = NULL;
	size_t size = 0;

#ifdef USE_READLINE
	if (tty && in == stdin) {
		line = readline(prompt);
		if (line && *line_trim(line))
			add_history(line);
		return line;
	}
#endif
	if (tty) {
		fputs(prompt, out);
		fflush(out);
	}
	if (getline(&line, &size, in) < 0) {
		free(line);
		return NULL;
	}
	return line;
}

int client_interactive(FILE *in, unsigned int timeout_ms, FILE *out, FILE *err)
{
	bool tty = isatty(fileno(in)), quit = false;
	char *line, *cmd;
	int fd;

	if (client_connect(&fd, err) < 0)
		return 1;
	while (!quit && (line = line_read(in, tty, out))) {
		cmd = line_trim(line);
		quit = !strcmp(cmd, "quit") || !strcmp(cmd, "exit");
		if (*cmd && !quit)
			client_command(&fd, cmd, timeout_ms, out, err);
		free(line);
	}
	if (!quit && tty)
		fputc('\n', out); /* end of input: leave the shell's prompt on a new line */
	if (fd >= 0)
		mpath_disconnect(fd);
	return 0;
}

int client_main(int argc, char **argv, unsigned int timeout_ms)
{
	char *cmd = NULL;
	int mode, fd = -1, rc;

	mode = client_parse(argc, argv, &cmd);
	if (mode < 0) {
		fprintf(stderr, "multipathd: %s\n", strerror(-mode));
		return 1;
	}
	if (mode == CLIENT_INTERACTIVE)
		return client_interactive(stdin, timeout_ms, stdout, stderr);
	if (mode == CLIENT_NONE) {
		fprintf(stderr, "multipathd: no command given\n");
		return 1;
	}
	rc = client_command(&fd, cmd, timeout_ms, stdout, stderr);
	if (fd >= 0)
		mpath_disconnect(fd);
	free(cmd);
	return rc;
}
