// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * cmd_flood CLIENTS ROUNDS COMMAND: ROUNDS times, connect CLIENTS clients to
 * multipathd's socket at once, send COMMAND on each, and read every reply
 * (the libmpathcmd wire protocol: a native size_t length, NUL included, then
 * the text). One process, one poll loop, so 200 clients cost no forks.
 * Prints a line per round ("round R: N/N replies, M ms") and exits 1 when a
 * reply is missing, empty or starts with "fail" (the socket name comes from
 * MULTIPATH_SOCKET_NAME when set, as in libmpathcmd).
 */
#include <errno.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_SOCKET "/org/kernel/linux/storage/multipathd"

struct client {
	int fd;
	size_t want, got; /* reply length word, then text */
	size_t len;
	char *reply;
	int done; /* 1 ok, -1 failed */
};

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int client_connect(void)
{
	const char *name = getenv("MULTIPATH_SOCKET_NAME");
	struct sockaddr_un addr = {.sun_family = AF_UNIX};
	socklen_t alen;
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (!name || !*name)
		name = DEFAULT_SOCKET;
	if (fd < 0)
		return -1;
	if (name[0] == '/' && strcmp(name, DEFAULT_SOCKET)) {
		snprintf(addr.sun_path, sizeof(addr.sun_path), "%s", name);
		alen = sizeof(addr);
	} else { /* abstract */
		snprintf(addr.sun_path + 1, sizeof(addr.sun_path) - 1, "%s", name);
		alen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + strlen(name));
	}
	if (connect(fd, (struct sockaddr *)&addr, alen) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static int send_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Read what is there; 1 when the reply is complete, 0 more, -1 error. */
static int client_read(struct client *c)
{
	ssize_t n;

	if (c->got < sizeof(size_t)) {
		n = read(c->fd, (char *)&c->len + c->got, sizeof(size_t) - c->got);
		if (n <= 0)
			return -1;
		c->got += (size_t)n;
		if (c->got < sizeof(size_t))
			return 0;
		if (c->len == 0 || c->len > (32u << 20))
			return -1;
		c->reply = calloc(1, c->len + 1);
		return c->reply ? 0 : -1;
	}
	n = read(c->fd, c->reply + (c->got - sizeof(size_t)), c->len - (c->got - sizeof(size_t)));
	if (n <= 0)
		return -1;
	c->got += (size_t)n;
	return c->got == sizeof(size_t) + c->len ? 1 : 0;
}

static int round_run(int nclients, const char *cmd, int *ok_out)
{
	struct client *cl = calloc((size_t)nclients, sizeof(*cl));
	struct pollfd *pfd = calloc((size_t)nclients, sizeof(*pfd));
	size_t len = strlen(cmd) + 1;
	long deadline = now_ms() + 30000;
	int left = 0, ok = 0;

	if (!cl || !pfd)
		return -1;
	for (int i = 0; i < nclients; i++) {
		cl[i].fd = client_connect();
		if (cl[i].fd < 0 || send_all(cl[i].fd, &len, sizeof(len)) < 0 ||
		    send_all(cl[i].fd, cmd, len) < 0) {
			cl[i].done = -1;
			continue;
		}
		left++;
	}
	while (left > 0 && now_ms() < deadline) {
		int n = 0;

		for (int i = 0; i < nclients; i++)
			if (!cl[i].done)
				pfd[n++] = (struct pollfd){.fd = cl[i].fd, .events = POLLIN};
		if (poll(pfd, (nfds_t)n, 1000) < 0 && errno != EINTR)
			break;
		for (int k = 0; k < n; k++) {
			struct client *c = NULL;
			int r;

			if (!pfd[k].revents)
				continue;
			for (int i = 0; i < nclients && !c; i++)
				if (cl[i].fd == pfd[k].fd && !cl[i].done)
					c = &cl[i];
			r = client_read(c);
			if (r == 0)
				continue;
			c->done = r > 0 && c->reply[0] && strncmp(c->reply, "fail", 4) ? 1 : -1;
			if (c->done < 0 && c->reply)
				fprintf(stderr, "bad reply: %.80s\n", c->reply);
			left--;
		}
	}
	for (int i = 0; i < nclients; i++) {
		ok += cl[i].done == 1;
		if (cl[i].fd >= 0)
			close(cl[i].fd);
		free(cl[i].reply);
	}
	free(cl);
	free(pfd);
	*ok_out = ok;
	return 0;
}

int main(int argc, char **argv)
{
	int nclients, rounds, bad = 0;

	if (argc != 4) {
		fprintf(stderr, "usage: cmd_flood CLIENTS ROUNDS COMMAND\n");
		return 2;
	}
	nclients = atoi(argv[1]);
	rounds = atoi(argv[2]);
	for (int r = 0; r < rounds; r++) {
		long t0 = now_ms();
		int ok = 0;

		if (round_run(nclients, argv[3], &ok) < 0)
			return 2;
		printf("round %d: %d/%d replies, %ld ms\n", r + 1, ok, nclients, now_ms() - t0);
		fflush(stdout);
		bad |= ok != nclients;
	}
	return bad ? 1 : 0;
}
