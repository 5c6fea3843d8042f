// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The bindings file: suffix sequence, creation and reuse, gaps, corrupt
 * lines, concurrent writers (forked processes) and read-only directories.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "alias.h"
#include "structs.h"
#include "util/log.h"
#include "util/strbuf.h"

static char tmpdir[64];
static char file[128];
static struct strbuf logged = STRBUF_INIT;

static void capture(int level, const char *msg, void *data)
{
	(void)data;
	strbuf_addf(&logged, "%d|%s\n", level, msg);
}

static int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/test_alias.XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	snprintf(file, sizeof(file), "%s/etc/multipath/bindings", tmpdir);
	strbuf_reset(&logged);
	log_set_verbosity(3);
	log_set_sink(capture, NULL);
	return 0;
}

static int teardown(void **state)
{
	char cmd[256];

	(void)state;
	log_set_sink(NULL, NULL);
	log_set_verbosity(2);
	strbuf_release(&logged);
	snprintf(cmd, sizeof(cmd), "chmod -R u+w '%s'; rm -rf '%s'", tmpdir, tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static void write_file(const char *path, const char *text)
{
	char dir[128], *slash;
	FILE *f;

	snprintf(dir, sizeof(dir), "%s", path);
	slash = strrchr(dir, '/');
	*slash = '\0';
	/* mkdir -p */
	for (char *p = strchr(dir + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = '\0';
		mkdir(dir, 0755);
		*p = '/';
	}
	mkdir(dir, 0755);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static char *read_file(const char *path)
{
	STRBUF_AUTO(sb);
	char buf[4096];
	size_t n;
	FILE *f = fopen(path, "r");

	assert_non_null(f);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	return strbuf_detach(&sb);
}

/* alias_get_user_friendly() on the test file, "mpath" prefix. */
static int get(const char *wwid, bool create, char *alias)
{
	return alias_get_user_friendly(file, wwid, "mpath", create, alias, WWID_SIZE);
}

static void assert_alias(const char *wwid, const char *want)
{
	char alias[WWID_SIZE] = "";
	int rc = get(wwid, true, alias);

	if (rc != 0 || strcmp(alias, want))
		fail_msg("%s: rc %d alias '%s', want '%s'", wwid, rc, alias, want);
}

/* ---- suffixes ---------------------------------------------------------- */

static void test_suffix_sequence(void **state)
{
	static const struct {
		uint64_t n;
		const char *s;
	} known[] = {
	    {1, "a"},	  {2, "b"},	{26, "z"},	{27, "aa"},	 {28, "ab"},
	    {52, "az"},	  {53, "ba"},	{78, "bz"},	{79, "ca"},	 {702, "zz"},
	    {703, "aaa"}, {704, "aab"}, {18278, "zzz"}, {18279, "aaaa"},
	};
	char buf[32], want[8];
	uint64_t n = 0, k = 1;

	(void)state;
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		assert_int_equal(alias_suffix_format(known[i].n, buf, sizeof(buf)),
				 strlen(known[i].s));
		assert_string_equal(buf, known[i].s);
		assert_int_equal(alias_suffix_parse(known[i].s, &n), 0);
		assert_int_equal(n, known[i].n);
	}
	/* every suffix of one to three letters, in order: a..z, aa..zz, aaa..zzz */
	for (int len = 1; len <= 3; len++) {
		int idx[3] = {0, 0, 0};

		for (;;) {
			for (int i = 0; i < len; i++)
				want[i] = (char)('a' + idx[i]);
			want[len] = '\0';
			assert_int_equal(alias_suffix_format(k, buf, sizeof(buf)), len);
			if (strcmp(buf, want))
				fail_msg("%llu: '%s', want '%s'", (unsigned long long)k, buf, want);
			assert_int_equal(alias_suffix_parse(want, &n), 0);
			assert_int_equal(n, k);
			k++;
			int pos = len - 1;

			while (pos >= 0 && ++idx[pos] == 26)
				idx[pos--] = 0;
			if (pos < 0)
				break;
		}
	}
	assert_int_equal(k, 18279);
	/* errors */
	assert_int_equal(alias_suffix_format(0, buf, sizeof(buf)), -EINVAL);
	assert_int_equal(alias_suffix_format(27, buf, 2), -ERANGE);
	assert_int_equal(alias_suffix_format(26, buf, 2), 1);
	n = 99;
	assert_int_equal(alias_suffix_parse("", &n), -EINVAL);
	assert_int_equal(alias_suffix_parse("aB", &n), -EINVAL);
	assert_int_equal(alias_suffix_parse("a1", &n), -EINVAL);
	assert_int_equal(alias_suffix_parse("aaaaaaaaaaaaaaaaaaaa", &n), -ERANGE);
	assert_int_equal(n, 99);
	assert_int_equal(alias_suffix_format(UINT64_MAX, buf, sizeof(buf)), 14);
}

static const char *seq_wwid(int i)
{
	static char name[40];

	snprintf(name, sizeof(name), "3600a0b8000000000000000000%06d", i);
	return name;
}

/* The file hands out the same sequence. */
static void test_file_sequence(void **state)
{
	char want[16];

	(void)state;
	for (int i = 1; i <= 60; i++) {
		memcpy(want, "mpath", 5);
		alias_suffix_format(i, want + 5, sizeof(want) - 5);
		assert_alias(seq_wwid(i), want);
	}
	assert_alias(seq_wwid(26), "mpathz");
	assert_alias(seq_wwid(27), "mpathaa");
	assert_alias(seq_wwid(28), "mpathab");
	assert_alias(seq_wwid(52), "mpathaz");
	assert_alias(seq_wwid(53), "mpathba");
}

/* ---- create, reuse, lookup ---------------------------------------------- */

static void test_create_and_reuse(void **state)
{
	char alias[WWID_SIZE] = "untouched", wwid[WWID_SIZE] = "untouched";
	char *text;

	(void)state;
	/* no file, no create */
	assert_int_equal(get("W1", false, alias), -ENOENT);
	assert_int_equal(alias_find_wwid(file, "mpatha", wwid, sizeof(wwid)), -ENOENT);
	assert_string_equal(alias, "untouched");
	/* the file and its directories are created */
	assert_alias("W1", "mpatha");
	assert_alias("W2", "mpathb");
	assert_alias("W1", "mpatha");
	assert_int_equal(get("W2", false, alias), 0);
	assert_string_equal(alias, "mpathb");
	assert_int_equal(get("W3", false, alias), -ENOENT);
	assert_string_equal(alias, "mpathb");
	assert_int_equal(alias_find_wwid(file, "mpathb", wwid, sizeof(wwid)), 0);
	assert_string_equal(wwid, "W2");
	assert_int_equal(alias_find_wwid(file, "mpathc", wwid, sizeof(wwid)), -ENOENT);
	assert_int_equal(alias_find_wwid(file, "mpathb", wwid, 2), -ERANGE);
	assert_string_equal(wwid, "W2");
	text = read_file(file);
	assert_int_equal(text[0], '#');
	assert_non_null(strstr(text, "\nmpatha W1\nmpathb W2\n"));
	free(text);
	/* another prefix counts its own suffixes */
	assert_int_equal(alias_get_user_friendly(file, "W4", "disk_", true, alias, sizeof(alias)),
			 0);
	assert_string_equal(alias, "disk_a");
	/* an existing binding is returned whatever its prefix */
	assert_int_equal(alias_get_user_friendly(file, "W4", "mpath", true, alias, sizeof(alias)),
			 0);
	assert_string_equal(alias, "disk_a");
	assert_alias("W5", "mpathc");
}

static void test_bad_args(void **state)
{
	char alias[WWID_SIZE] = "untouched";
	char *text;
	char longw[WWID_SIZE + 1];

	(void)state;
	memset(longw, 'w', WWID_SIZE);
	longw[WWID_SIZE] = '\0';
	assert_int_equal(get("", true, alias), -EINVAL);
	assert_int_equal(get("W 1", true, alias), -EINVAL);
	assert_int_equal(get("W#1", true, alias), -EINVAL);
	assert_int_equal(get(longw, true, alias), -EINVAL);
	assert_int_equal(alias_get_user_friendly(file, "W1", "", true, alias, sizeof(alias)),
			 -EINVAL);
	assert_int_equal(alias_get_user_friendly(file, "W1", "a b", true, alias, sizeof(alias)),
			 -EINVAL);
	assert_int_equal(alias_find_wwid(file, "", alias, sizeof(alias)), -EINVAL);
	/* the alias does not fit: nothing is appended */
	assert_int_equal(alias_get_user_friendly(file, "W1", "mpath", true, alias, 6), -ERANGE);
	assert_string_equal(alias, "untouched");
	text = read_file(file);
	assert_null(strstr(text, "W1"));
	free(text);
	assert_alias("W1", "mpatha");
	assert_int_equal(alias_get_user_friendly(file, "W1", "mpath", false, alias, 6), -ERANGE);
	assert_int_equal(alias_get_user_friendly(file, "W1", "mpath", false, alias, 7), 0);
	assert_string_equal(alias, "mpatha");
}

/* ---- gaps ------------------------------------------------------------- */

static void test_gaps(void **state)
{
	char *text;

	(void)state;
	write_file(file, "mpathc W3\n"
			 "mpatha W1\n"
			 "mpathe W5\n"
			 "foo_b X2\n"
			 "mpathaa W27"); /* no final newline */
	assert_alias("W1", "mpatha");
	assert_alias("N1", "mpathb");
	assert_alias("N2", "mpathd");
	assert_alias("N3", "mpathf");
	assert_alias("X2", "foo_b");
	assert_int_equal(
	    alias_get_user_friendly(file, "X9", "foo_", true, (char[WWID_SIZE]){0}, WWID_SIZE), 0);
	text = read_file(file);
	/* a newline was added before the first appended line */
	assert_non_null(strstr(text, "mpathaa W27\nmpathb N1\nmpathd N2\nmpathf N3\nfoo_a X9\n"));
	free(text);
}

/* ---- corrupt lines -------------------------------------------------------- */

static void test_corrupt(void **state)
{
	char alias[WWID_SIZE], wwid[WWID_SIZE];
	char *text;

	(void)state;
	write_file(file, "# header comment\n"
			 "mpatha W1\n"
			 "mpathb\n"		   /* 3: one word */
			 "mpathc W3 extra\n"	   /* 4: three words */
			 "mpatha W9\n"		   /* 5: alias taken */
			 "mpathd W1\n"		   /* 6: wwid bound earlier */
			 "mpath1 W10\n"		   /* 7: prefix without suffix */
			 "mpathE W11\n"		   /* 8: idem */
			 "mpath W14\n"		   /* 9: idem */
			 "mydisk W12   # my own\n" /* valid */
			 "\t mpathf \t W13 \n"	   /* valid */
			 "\n"
			 "   # indented comment\n");
	/* valid ones are found */
	assert_alias("W1", "mpatha");
	assert_alias("W12", "mydisk");
	assert_alias("W13", "mpathf");
	assert_int_equal(alias_find_wwid(file, "mydisk", wwid, sizeof(wwid)), 0);
	assert_string_equal(wwid, "W12");
	assert_int_equal(alias_find_wwid(file, "mpatha", wwid, sizeof(wwid)), 0);
	assert_string_equal(wwid, "W1");
	/* skipped lines bind nothing */
	assert_int_equal(get("W3", false, alias), -ENOENT);
	assert_int_equal(get("W9", false, alias), -ENOENT);
	assert_int_equal(get("W10", false, alias), -ENOENT);
	assert_int_equal(alias_find_wwid(file, "mpathd", wwid, sizeof(wwid)), -ENOENT);
	assert_int_equal(alias_find_wwid(file, "mpathc", wwid, sizeof(wwid)), -ENOENT);
	assert_int_equal(alias_find_wwid(file, "mpath1", wwid, sizeof(wwid)), -ENOENT);
	/* each skipped line was logged at level 3 with file:line */
	for (int line = 3; line <= 9; line++) {
		char needle[256];

		snprintf(needle, sizeof(needle), "3|%s:%d: bindings line skipped", file, line);
		if (!strstr(strbuf_str(&logged), needle))
			fail_msg("no '%s' in:\n%s", needle, strbuf_str(&logged));
	}
	assert_null(strstr(strbuf_str(&logged), ":2: bindings line skipped"));
	assert_null(strstr(strbuf_str(&logged), ":10: bindings line skipped"));
	/* and their aliases (b, c, d) are never handed out */
	assert_alias("W9", "mpathe");
	assert_alias("W3", "mpathg");
	assert_alias("W10", "mpathh");
	assert_int_equal(alias_find_wwid(file, "mpathh", wwid, sizeof(wwid)), 0);
	assert_string_equal(wwid, "W10");
	text = read_file(file);
	assert_non_null(strstr(text, "# indented comment\nmpathe W9\nmpathg W3\nmpathh W10\n"));
	free(text);
}

/* ---- concurrency ------------------------------------------------------ */

enum { NPROC = 8, PER_PROC = 25 };

/* A child: wait for the start signal, bind its wwids, check them again. */
static void child_bind(int id, int start_fd)
{
	char wwid[32], alias[WWID_SIZE], again[WWID_SIZE];
	char c;

	if (read(start_fd, &c, 1) < 0)
		_exit(2);
	for (int i = 0; i < PER_PROC; i++) {
		snprintf(wwid, sizeof(wwid), "WWID-%d-%d", id, i);
		if (alias_get_user_friendly(file, wwid, "mpath", true, alias, sizeof(alias)))
			_exit(3);
		if (alias_get_user_friendly(file, wwid, "mpath", false, again, sizeof(again)) ||
		    strcmp(alias, again))
			_exit(4);
	}
	_exit(0);
}

static void test_concurrent(void **state)
{
	char alias[WWID_SIZE], wwid[32], want[16];
	bool seen[NPROC * PER_PROC + 1] = {false};
	int pipefd[2], status;
	pid_t pids[NPROC];
	char *text, *line, *save;
	int lines = 0;

	(void)state;
	log_set_sink(NULL, NULL);
	log_set_verbosity(2);
	assert_int_equal(pipe(pipefd), 0);
	for (int i = 0; i < NPROC; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0) {
			close(pipefd[1]);
			child_bind(i, pipefd[0]);
		}
	}
	close(pipefd[0]);
	close(pipefd[1]); /* every child's read returns: go */
	for (int i = 0; i < NPROC; i++) {
		assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	/* every wwid bound exactly once, all aliases distinct and gapless */
	text = read_file(file);
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		uint64_t n;

		if (line[0] == '#')
			continue;
		lines++;
		assert_non_null(strchr(line, ' '));
		*strchr(line, ' ') = '\0';
		assert_memory_equal(line, "mpath", 5);
		assert_int_equal(alias_suffix_parse(line + 5, &n), 0);
		assert_in_range(n, 1, NPROC * PER_PROC);
		assert_false(seen[n]);
		seen[n] = true;
	}
	free(text);
	assert_int_equal(lines, NPROC * PER_PROC);
	for (int id = 0; id < NPROC; id++) {
		for (int i = 0; i < PER_PROC; i++) {
			snprintf(wwid, sizeof(wwid), "WWID-%d-%d", id, i);
			assert_int_equal(get(wwid, false, alias), 0);
			assert_int_equal(alias_find_wwid(file, alias, want, sizeof(want)), 0);
			assert_string_equal(want, wwid);
		}
	}
}

/* ---- read-only directory ---------------------------------------------- */

/* The calls whose results the read-only test checks, in a child running
 * without root's permission override. */
static void ro_calls(int out_fd, const char *ro_file, const char *ro_new)
{
	char alias[WWID_SIZE] = "";
	int rc[4];

	rc[0] = alias_get_user_friendly(ro_file, "W1", "mpath", true, alias, sizeof(alias));
	rc[1] = strcmp(alias, "mpatha");
	rc[2] = alias_get_user_friendly(ro_file, "W2", "mpath", true, alias, sizeof(alias));
	rc[3] = alias_get_user_friendly(ro_new, "W1", "mpath", true, alias, sizeof(alias));
	if (write(out_fd, rc, sizeof(rc)) != sizeof(rc))
		_exit(1);
}

static void test_readonly_dir(void **state)
{
	char ro_dir[128], ro_file[160], ro_new[200];
	int pipefd[2], rc[4], status;
	pid_t pid;

	(void)state;
	snprintf(ro_dir, sizeof(ro_dir), "%s/ro", tmpdir);
	snprintf(ro_file, sizeof(ro_file), "%s/bindings", ro_dir);
	snprintf(ro_new, sizeof(ro_new), "%s/sub/dir/bindings", ro_dir);
	write_file(ro_file, "mpatha W1\n");
	assert_int_equal(chmod(ro_file, 0444), 0);
	assert_int_equal(chmod(ro_dir, 0555), 0);
	assert_int_equal(chmod(tmpdir, 0755), 0);
	assert_int_equal(pipe(pipefd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(pipefd[0]);
		/* root ignores permissions: run as nobody */
		if (geteuid() == 0 && (setgid(65534) < 0 || setuid(65534) < 0))
			_exit(77);
		ro_calls(pipefd[1], ro_file, ro_new);
		_exit(0);
	}
	close(pipefd[1]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == 77) {
		close(pipefd[0]);
		skip();
	}
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(read(pipefd[0], rc, sizeof(rc)), sizeof(rc));
	close(pipefd[0]);
	/* an existing binding is still found */
	assert_int_equal(rc[0], 0);
	assert_int_equal(rc[1], 0);
	/* a new one cannot be written */
	assert_int_equal(rc[2], -EACCES);
	/* nor can the file or its directories be created */
	assert_int_equal(rc[3], -EACCES);
}

/* ---- the kernel's names: alias_select() --------------------------------- */

static int sel(const char *wwid, const char *current, const struct strvec *in_use, bool create,
	       char *alias)
{
	struct alias_hints h = {current, in_use};

	return alias_select(file, wwid, "mpath", &h, create, alias, WWID_SIZE);
}

/* Bindings file lost: the live name is kept and written back; a new WWID
 * gets the lowest name that neither the file nor a live map holds. */
static void test_live_name_kept(void **state)
{
	char *names[] = {"mpatha", "mpathc"};
	struct strvec in_use = {names, 2, 2};
	char alias[WWID_SIZE];
	char *text;

	(void)state;
	assert_int_equal(sel("W3", "mpathc", &in_use, true, alias), 0);
	assert_string_equal(alias, "mpathc");
	assert_int_equal(sel("W9", NULL, &in_use, true, alias), 0);
	assert_string_equal(alias, "mpathb");
	assert_int_equal(sel("W8", NULL, &in_use, true, alias), 0);
	assert_string_equal(alias, "mpathd");
	text = read_file(file);
	assert_non_null(strstr(text, "\nmpathc W3\nmpathb W9\nmpathd W8\n"));
	free(text);
	/* without hints, mpatha is free as far as the file knows */
	assert_alias("W7", "mpatha");
}

/* A stale file (names swapped) is repaired to what the kernel has; other
 * lines and comments stay. */
static void test_stale_repaired(void **state)
{
	char alias[WWID_SIZE];
	char *text;

	(void)state;
	write_file(file, "# mine\nmpatha W1\nmpathb W2\nmpathq W5\n");
	assert_int_equal(sel("W1", "mpathb", NULL, true, alias), 0);
	assert_string_equal(alias, "mpathb");
	text = read_file(file);
	assert_string_equal(text, "# mine\nmpathq W5\nmpathb W1\n");
	free(text);
	assert_int_equal(sel("W2", "mpatha", NULL, true, alias), 0);
	assert_string_equal(alias, "mpatha");
	text = read_file(file);
	assert_string_equal(text, "# mine\nmpathq W5\nmpathb W1\nmpatha W2\n");
	free(text);
	/* agreeing already: the file is not rewritten */
	assert_int_equal(sel("W2", "mpatha", NULL, true, alias), 0);
	text = read_file(file);
	assert_string_equal(text, "# mine\nmpathq W5\nmpathb W1\nmpatha W2\n");
	free(text);
	/* without create (dry run, -B): the live name, the file untouched */
	assert_int_equal(sel("W5", "mpathz", NULL, false, alias), 0);
	assert_string_equal(alias, "mpathz");
	text = read_file(file);
	assert_null(strstr(text, "mpathz"));
	free(text);
}

/* A bound name that another live map holds is not taken from it. */
static void test_bound_name_held(void **state)
{
	char *names[] = {"mpatha", "data"};
	struct strvec in_use = {names, 2, 2};
	char alias[WWID_SIZE] = "";
	char *text;

	(void)state;
	write_file(file, "mpatha W1\n");
	assert_int_equal(sel("W1", NULL, &in_use, false, alias), -EEXIST);
	assert_int_equal(sel("W1", "data", &in_use, true, alias), 0);
	assert_string_equal(alias, "data");
	/* with create: bound anew, the stale line replaced */
	assert_int_equal(sel("W1", NULL, &in_use, true, alias), 0);
	assert_string_equal(alias, "mpathb");
	text = read_file(file);
	assert_null(strstr(text, "mpatha"));
	assert_non_null(strstr(text, "\nmpathb W1\n"));
	free(text);
	/* no file and no create: the live name, or nothing */
	unlink(file);
	assert_int_equal(sel("W1", "mpathb", NULL, false, alias), 0);
	assert_string_equal(alias, "mpathb");
	assert_int_equal(sel("W1", NULL, NULL, false, alias), -ENOENT);
}

enum { NREPAIR = 4, PER_REPAIR = 6 };

/* Half the calls repair (rename a new file over the old one), half append:
 * a process that waited for the lock on a replaced file must start again. */
static void child_repair(int id, int start_fd)
{
	char wwid[32], cur[WWID_SIZE], alias[WWID_SIZE];
	char c;

	if (read(start_fd, &c, 1) < 0)
		_exit(2);
	for (int i = 0; i < PER_REPAIR; i++) {
		snprintf(wwid, sizeof(wwid), "LIVE-%d-%d", id, i);
		strcpy(cur, "mpath");
		alias_suffix_format((uint64_t)(1000 + id * 100 + i), cur + 5, sizeof(cur) - 5);
		if (sel(wwid, cur, NULL, true, alias) || strcmp(alias, cur))
			_exit(3);
		snprintf(wwid, sizeof(wwid), "NEW-%d-%d", id, i);
		if (sel(wwid, NULL, NULL, true, alias))
			_exit(4);
	}
	_exit(0);
}

static void test_concurrent_repair(void **state)
{
	char alias[WWID_SIZE], wwid[32], back[32];
	int pipefd[2], status, lines = 0;
	pid_t pids[NREPAIR];
	char *text, *line, *save;

	(void)state;
	log_set_sink(NULL, NULL);
	log_set_verbosity(2);
	assert_int_equal(pipe(pipefd), 0);
	for (int i = 0; i < NREPAIR; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0) {
			close(pipefd[1]);
			child_repair(i, pipefd[0]);
		}
	}
	close(pipefd[0]);
	close(pipefd[1]);
	for (int i = 0; i < NREPAIR; i++) {
		assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	text = read_file(file);
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		lines += line[0] != '#';
	free(text);
	assert_int_equal(lines, 2 * NREPAIR * PER_REPAIR);
	/* every WWID bound once, to a name nobody else has */
	for (int id = 0; id < NREPAIR; id++)
		for (int i = 0; i < 2 * PER_REPAIR; i++) {
			snprintf(wwid, sizeof(wwid), "%s-%d-%d", i % 2 ? "NEW" : "LIVE", id, i / 2);
			assert_int_equal(get(wwid, false, alias), 0);
			assert_int_equal(alias_find_wwid(file, alias, back, sizeof(back)), 0);
			assert_string_equal(back, wwid);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_suffix_sequence),
	    cmocka_unit_test_setup_teardown(test_file_sequence, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_create_and_reuse, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bad_args, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_gaps, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_corrupt, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_concurrent, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_live_name_kept, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_stale_repaired, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bound_name_held, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_concurrent_repair, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_readonly_dir, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
