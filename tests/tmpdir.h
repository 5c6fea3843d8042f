/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Shared by the tests of the state files (wwids, prkeys): a scratch
 * directory per test group and whole-file read/write. Include after
 * cmocka.h; define TMPDIR_TAG (a short name) first. */
#ifndef MP_TEST_TMPDIR_H
#define MP_TEST_TMPDIR_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char tmpdir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/mpt-%s-XXXXXX", TMPDIR_TAG);
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* buf = tmpdir/rel */
static void tmpfile_path(char *buf, size_t size, const char *rel)
{
	snprintf(buf, size, "%s/%s", tmpdir, rel);
}

/* The whole file (at most 64 KiB), in a static buffer. */
static char *slurp(const char *file)
{
	static char buf[65536];
	FILE *f = fopen(file, "r");
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

/* Replace the file's contents with text. */
static void spew(const char *file, const char *text)
{
	FILE *f = fopen(file, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Run writer(file, id) in n child processes at once (ids 0..n-1) and check
 * that each exits 0. */
static void run_writers(int n, int (*writer)(const char *file, int id), const char *file)
{
	pid_t pids[n];

	for (int id = 0; id < n; id++) {
		pids[id] = fork();
		assert_true(pids[id] >= 0);
		if (pids[id] == 0)
			_exit(writer(file, id));
	}
	for (int id = 0; id < n; id++) {
		int status;

		assert_int_equal(waitpid(pids[id], &status, 0), pids[id]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
}

#endif
