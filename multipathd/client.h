/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * client: `multipathd COMMAND WORDS...`, `multipathd -k"COMMAND"` and the
 * interactive `multipathd -k`: send commands to the running daemon over
 * libmpathcmd and print its replies on stdout.
 *
 * Command line (argv as main() got it; argv[0] is the program name)
 *   -k           interactive, unless command words follow
 *   -kCOMMAND    one command (the text attached to -k)
 *   WORD...      one command: the words joined by single spaces; a word
 *                containing white space (or empty) is sent in double quotes
 *   -v LEVEL, -vLEVEL and other options before the first word are skipped
 *   (main() has applied them; -d, -s mean nothing to the client); "--" ends
 *   the options. From the first word on, everything is the command.
 *
 * Exit status (client_main's return value)
 *   0 the reply came and does not start with "fail"; 1 the daemon cannot be
 *   reached ("multipathd: cannot connect to the daemon: <reason>" on
 *   stderr), no reply came in time, or the reply starts with "fail" (the
 *   reply is printed all the same). Interactive mode returns 0 once it
 *   started, like multipath-tools' client, and 1 if it cannot connect.
 *
 * Interactive mode
 *   Prompt "multipathd> " (only when stdin is a terminal), line editing and
 *   history through GNU readline when built with USE_READLINE, else plain
 *   line reading. "quit" or "exit" (or end of input) leaves; every other
 *   non-empty line, "help" and "shutdown" included, is sent as is. When the
 *   daemon closed an idle connection, the client reconnects once before
 *   sending (the command had not reached the daemon).
 *
 * The timeout
 *   timeout_ms bounds the wait for each reply; main() passes the configured
 *   uxsock_timeout (DEFAULT_REPLY_TIMEOUT, 4000 ms, when not configured).
 *   The socket is libmpathcmd's: $MULTIPATH_SOCKET_NAME or the default.
 *
 * Single-threaded; no global state besides readline's history.
 */
#ifndef MPD_CLIENT_H
#define MPD_CLIENT_H

#include <stdbool.h>
#include <stdio.h>

enum client_mode {
	CLIENT_NONE,	    /* no -k and no command words: not a client call */
	CLIENT_COMMAND,	    /* one command */
	CLIENT_INTERACTIVE, /* -k alone */
};

/*
 * Parse the command line (rules above). Returns the mode; for
 * CLIENT_COMMAND *cmd is the command, malloc()ed (free() it), else *cmd is
 * NULL. Returns -ENOMEM on allocation failure (*cmd untouched).
 */
int client_parse(int argc, char **argv, char **cmd);

/* Whether argv asks for the client (-k or command words). */
bool client_requested(int argc, char **argv);

/*
 * Send cmd, print the reply on out and errors on err. Returns the exit
 * status (0 or 1, see above). *fd is the connection: -1 to connect first;
 * on return it is the connection to reuse, or -1 when it was lost.
 */
int client_command(int *fd, const char *cmd, unsigned int timeout_ms, FILE *out, FILE *err);

/* Interactive loop reading commands from in. Returns the exit status. */
int client_interactive(FILE *in, unsigned int timeout_ms, FILE *out, FILE *err);

/* What main() calls: parse, then run one command or the interactive loop.
 * Returns the process exit status. */
int client_main(int argc, char **argv, unsigned int timeout_ms);

#endif
