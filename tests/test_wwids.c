// SPDX-License-Identifier: GPL-2.0-or-later
/* The wwids file and find_multipaths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "blacklist.h"
#include "config/config.h"
#include "structs.h"
#include "wwids.h"

#define TMPDIR_TAG "wwids"
#include "tmpdir.h"

/* How many lines of file are exactly line. */
static int count_lines(const char *file, const char *line)
{
	const char *text = slurp(file);
	size_t len = strlen(line);
	int n = 0;

	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t l = nl ? (size_t)(nl - p) : strlen(p);

		if (l == len && !memcmp(p, line, len))
			n++;
		p += l + (nl ? 1 : 0);
	}
	return n;
}

static void test_add_check_remove(void **state)
{
	char file[128], dir[128];
	struct stat st;

	(void)state;
	tmpfile_path(file, sizeof(file), "etc/multipath/wwids");
	tmpfile_path(dir, sizeof(dir), "etc/multipath");
	/* no file yet */
	assert_int_equal(wwids_check(file, "3600a"), 0);
	assert_int_equal(wwids_remove(file, "3600a"), 0);
	assert_int_equal(stat(file, &st), -1);

	assert_int_equal(wwids_add(file, "3600a"), 0);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0755);
	assert_int_equal(stat(file, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	assert_int_equal(slurp(file)[0], '#'); /* header comment */
	assert_int_equal(wwids_check(file, "3600a"), 1);
	assert_int_equal(wwids_check(file, "3600"), 0);
	assert_int_equal(wwids_check(file, "3600ab"), 0);

	/* a second add changes nothing */
	assert_int_equal(wwids_add(file, "3600a"), 0);
	assert_int_equal(wwids_add(file, "3600b"), 0);
	assert_int_equal(count_lines(file, "/3600a/"), 1);
	assert_int_equal(count_lines(file, "/3600b/"), 1);

	assert_int_equal(wwids_remove(file, "3600a"), 1);
	assert_int_equal(wwids_check(file, "3600a"), 0);
	assert_int_equal(wwids_check(file, "3600b"), 1);
	assert_int_equal(wwids_remove(file, "3600a"), 0);
	/* the mode survives the rewrite */
	assert_int_equal(stat(file, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	assert_int_equal(slurp(file)[0], '#');
}

static void test_invalid(void **state)
{
	char file[128], longw[WWID_SIZE + 1];

	(void)state;
	tmpfile_path(file, sizeof(file), "wwids");
	memset(longw, 'a', WWID_SIZE);
	longw[WWID_SIZE] = '\0';
	assert_int_equal(wwids_add(file, ""), -EINVAL);
	assert_int_equal(wwids_add(file, "36\n00"), -EINVAL);
	assert_int_equal(wwids_add(file, longw), -EINVAL);
	assert_int_equal(wwids_add(NULL, "3600"), -EINVAL);
	assert_int_equal(wwids_check(file, NULL), -EINVAL);
	assert_int_equal(wwids_remove(file, ""), -EINVAL);
	longw[WWID_SIZE - 1] = '\0';
	assert_int_equal(wwids_add(file, longw), 0);
	assert_int_equal(wwids_check(file, longw), 1);
	/* a wwid with spaces (T10 ids from old udev rules) and slashes */
	assert_int_equal(wwids_add(file, "SATA ACME disk/1"), 0);
	assert_int_equal(wwids_check(file, "SATA ACME disk/1"), 1);
}

static void test_errors(void **state)
{
	char file[128], notdir[128];

	(void)state;
	tmpfile_path(notdir, sizeof(notdir), "plainfile");
	spew(notdir, "x\n");
	tmpfile_path(file, sizeof(file), "plainfile/wwids");
	assert_int_equal(wwids_add(file, "3600"), -ENOTDIR);
	assert_int_equal(wwids_check(file, "3600"), -ENOTDIR);
	/* the file is a directory */
	tmpfile_path(file, sizeof(file), "");
	assert_true(wwids_check(file, "3600") < 0);
	assert_true(wwids_add(file, "3600") < 0);
}

static void test_corrupt_lines(void **state)
{
	char file[128];
	const char *text;

	(void)state;
	tmpfile_path(file, sizeof(file), "wwids");
	spew(file, "# comment\n"
		   "#/3600commented/\n"
		   "garbage line\n"
		   "/3600unterminated\n"
		   "//\n"
		   "/\n"
		   "\n"
		   "   /3600spaced/   \n"
		   "/3600good/\n"
		   "3600noslash/\n"
		   "x3600junkx\n"
		   "3600bare\n"
		   "/3600cut/");
	assert_int_equal(wwids_check(file, "3600commented"), 0);
	assert_int_equal(wwids_check(file, "3600unterminated"), 0);
	assert_int_equal(wwids_check(file, "3600noslash"), 0);
	assert_int_equal(wwids_check(file, "garbage line"), 0);
	assert_int_equal(wwids_check(file, "3600junk"), 0);
	assert_int_equal(wwids_check(file, "3600bare"), 0);
	assert_int_equal(wwids_check(file, "3600spaced"), 1);
	assert_int_equal(wwids_check(file, "3600good"), 1);
	/* the last line has no newline: still an entry */
	assert_int_equal(wwids_check(file, "3600cut"), 1);

	/* adding after a line without newline starts a new line */
	assert_int_equal(wwids_add(file, "3600new"), 0);
	assert_int_equal(count_lines(file, "/3600cut/"), 1);
	assert_int_equal(count_lines(file, "/3600new/"), 1);
	/* no header is added to an existing file */
	assert_int_equal(slurp(file)[2], 'c');

	/* remove keeps comments and corrupt lines */
	assert_int_equal(wwids_remove(file, "3600good"), 1);
	text = slurp(file);
	assert_non_null(strstr(text, "garbage line\n"));
	assert_non_null(strstr(text, "#/3600commented/\n"));
	assert_null(strstr(text, "3600good"));
	assert_int_equal(wwids_check(file, "3600spaced"), 1);
	assert_int_equal(wwids_check(file, "3600new"), 1);
}

static void test_reset(void **state)
{
	char file[128];
	const char *const keep[] = {"3600x", "3600y", "3600x"};
	const char *const bad[] = {"3600z", ""};

	(void)state;
	tmpfile_path(file, sizeof(file), "d/wwids");
	assert_int_equal(wwids_add(file, "3600old"), 0);
	assert_int_equal(wwids_reset(file, bad, 2), -EINVAL);
	assert_int_equal(wwids_check(file, "3600old"), 1);
	assert_int_equal(wwids_reset(file, keep, 3), 0);
	assert_int_equal(wwids_check(file, "3600old"), 0);
	assert_int_equal(count_lines(file, "/3600x/"), 1);
	assert_int_equal(count_lines(file, "/3600y/"), 1);
	assert_int_equal(wwids_reset(file, NULL, 0), 0);
	assert_int_equal(wwids_check(file, "3600x"), 0);
}

enum { WRITERS = 6, PER_WRITER = 25 };

/* Child: add its own wwids and a shared one; writers with odd ids also
 * remove a wwid nobody adds and one they added, which rewrites the file
 * under the others' feet. Exit status 0 when every call succeeded. */
static int writer(const char *file, int id)
{
	char w[64];

	for (int i = 0; i < PER_WRITER; i++) {
		snprintf(w, sizeof(w), "36001405%02d%04d", id, i);
		if (wwids_add(file, w) < 0 || wwids_add(file, "3600shared") < 0)
			return 1;
		if (id % 2 && (wwids_remove(file, "3600nobody") < 0))
			return 1;
		if (id % 2 && i % 5 == 0) {
			snprintf(w, sizeof(w), "3600gone%02d%04d", id, i);
			if (wwids_add(file, w) < 0 || wwids_remove(file, w) != 1)
				return 1;
		}
	}
	return 0;
}

static void test_concurrent_writers(void **state)
{
	char file[128], w[64], line[72], cmd[256];

	(void)state;
	tmpfile_path(file, sizeof(file), "conc/wwids");
	run_writers(WRITERS, writer, file);
	for (int id = 0; id < WRITERS; id++) {
		for (int i = 0; i < PER_WRITER; i++) {
			snprintf(w, sizeof(w), "36001405%02d%04d", id, i);
			snprintf(line, sizeof(line), "/%s/", w);
			assert_int_equal(count_lines(file, line), 1);
		}
	}
	assert_int_equal(count_lines(file, "/3600shared/"), 1);
	assert_null(strstr(slurp(file), "3600gone"));
	/* no temporary file left behind */
	tmpfile_path(file, sizeof(file), "conc");
	snprintf(cmd, sizeof(cmd), "ls '%s' | grep -qv '^wwids$'", file);
	assert_int_not_equal(system(cmd), 0);
}

/* ---- find_multipaths ---- */

struct fm {
	struct config *conf;
	struct pathvec pv;
	char file[128];
};

static void fm_setup(struct fm *fm, const char *mode, const char *extra)
{
	char text[1024];
	struct diags d = {0};

	memset(fm, 0, sizeof(*fm));
	tmpfile_path(fm->file, sizeof(fm->file), "fm/wwids");
	snprintf(text, sizeof(text),
		 "defaults {\n"
		 "	find_multipaths %s\n"
		 "	wwids_file \"%s\"\n"
		 "}\n%s",
		 mode, fm->file, extra);
	assert_int_equal(config_load_text(text, strlen(text), "t.conf", &d, &fm->conf), 0);
	assert_int_equal(d.errors + d.warnings, 0);
	diags_release(&d);
}

static struct path *fm_path(struct fm *fm, const char *dev, const char *wwid)
{
	struct path *pp = path_new();

	assert_non_null(pp);
	strlcpy_trunc(pp->dev, dev, sizeof(pp->dev));
	strlcpy_trunc(pp->wwid, wwid, sizeof(pp->wwid));
	assert_int_equal(pathvec_push(&fm->pv, pp), 0);
	return pp;
}

static void fm_release(struct fm *fm)
{
	pathvec_free(&fm->pv);
	config_free(fm->conf);
	unlink(fm->file);
}

static const char fm_extra[] = "blacklist {\n"
			       "	wwid \"^3600bad\"\n"
			       "	devnode \"^sdz\"\n"
			       "}\n"
			       "multipaths {\n"
			       "	multipath {\n"
			       "		wwid \"3600conf\"\n"
			       "	}\n"
			       "}\n";

static void test_find_multipaths_greedy_off(void **state)
{
	static const char *const modes[] = {"greedy", "off", "no"};

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		struct fm fm;
		struct path *single, *bad, *nowwid;

		fm_setup(&fm, modes[i], fm_extra);
		single = fm_path(&fm, "sda", "3600single");
		bad = fm_path(&fm, "sdb", "3600bad1");
		nowwid = fm_path(&fm, "sdc", "");
		assert_true(wwids_should_multipath(fm.conf, &fm.pv, single));
		assert_true(wwids_should_multipath(fm.conf, NULL, single));
		assert_false(wwids_should_multipath(fm.conf, &fm.pv, bad));
		assert_false(wwids_should_multipath(fm.conf, &fm.pv, nowwid));
		fm_release(&fm);
	}
}

static void test_find_multipaths_strict(void **state)
{
	struct fm fm;
	struct path *a1, *conf_path, *known, *bad;

	(void)state;
	fm_setup(&fm, "strict", fm_extra);
	a1 = fm_path(&fm, "sda", "3600two");
	fm_path(&fm, "sdb", "3600two");
	conf_path = fm_path(&fm, "sdc", "3600conf");
	known = fm_path(&fm, "sdd", "3600known");
	bad = fm_path(&fm, "sde", "3600badknown");
	/* two paths are not enough in strict mode */
	assert_false(wwids_should_multipath(fm.conf, &fm.pv, a1));
	assert_true(wwids_should_multipath(fm.conf, &fm.pv, conf_path));
	assert_false(wwids_should_multipath(fm.conf, &fm.pv, known));
	assert_int_equal(wwids_add(fm.file, "3600known"), 0);
	assert_int_equal(wwids_add(fm.file, "3600badknown"), 0);
	assert_true(wwids_should_multipath(fm.conf, &fm.pv, known));
	/* the blacklist beats the wwids file */
	assert_false(wwids_should_multipath(fm.conf, &fm.pv, bad));
	fm_release(&fm);
}

static void test_find_multipaths_on_smart(void **state)
{
	static const char *const modes[] = {"on", "yes", "smart"};

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		struct fm fm;
		struct path *a1, *single, *lone, *known, *conf_path;

		fm_setup(&fm, modes[i], fm_extra);
		a1 = fm_path(&fm, "sda", "3600two");
		fm_path(&fm, "sdb", "3600two");
		single = fm_path(&fm, "sdc", "3600single");
		/* its only sibling is blacklisted by devnode */
		lone = fm_path(&fm, "sdd", "3600lone");
		fm_path(&fm, "sdz", "3600lone");
		known = fm_path(&fm, "sde", "3600known");
		conf_path = fm_path(&fm, "sdf", "3600conf");
		assert_true(wwids_should_multipath(fm.conf, &fm.pv, a1));
		assert_false(wwids_should_multipath(fm.conf, &fm.pv, single));
		assert_false(wwids_should_multipath(fm.conf, NULL, a1));
		assert_false(wwids_should_multipath(fm.conf, &fm.pv, lone));
		assert_true(wwids_should_multipath(fm.conf, &fm.pv, conf_path));
		assert_false(wwids_should_multipath(fm.conf, &fm.pv, known));
		assert_int_equal(wwids_add(fm.file, "3600known"), 0);
		assert_true(wwids_should_multipath(fm.conf, &fm.pv, known));
		fm_release(&fm);
	}
}

/* An unreadable wwids file counts as "not in it". */
static void test_find_multipaths_unreadable(void **state)
{
	struct fm fm;
	struct path *pp;
	char text[256];
	struct diags d = {0};

	(void)state;
	memset(&fm, 0, sizeof(fm));
	snprintf(text, sizeof(text),
		 "defaults {\n\tfind_multipaths strict\n\twwids_file \"%s\"\n}\n",
		 tmpdir); /* a directory */
	assert_int_equal(config_load_text(text, strlen(text), "t.conf", &d, &fm.conf), 0);
	diags_release(&d);
	pp = fm_path(&fm, "sda", "3600x");
	assert_false(wwids_should_multipath(fm.conf, &fm.pv, pp));
	pathvec_free(&fm.pv);
	config_free(fm.conf);
}

/* wwids_load() reads every entry once; wwids_path_wanted() decides from
 * that list alone (an empty one: as `multipath -i`). */
static void test_load_and_wanted(void **state)
{
	struct strvec known = {0};
	struct fm fm;
	struct path *known_pp, *other;

	(void)state;
	fm_setup(&fm, "strict", fm_extra);
	assert_int_equal(wwids_load(fm.file, &known), 0); /* no file */
	assert_int_equal(known.n, 0);
	assert_int_equal(wwids_add(fm.file, "3600known"), 0);
	assert_int_equal(wwids_add(fm.file, "3600two"), 0);
	assert_int_equal(wwids_load(fm.file, &known), 2);
	assert_string_equal(known.items[0], "3600known");
	assert_string_equal(known.items[1], "3600two");
	known_pp = fm_path(&fm, "sda", "3600known");
	other = fm_path(&fm, "sdb", "3600other");
	/* the file is gone: the list decides */
	unlink(fm.file);
	assert_true(wwids_path_wanted(fm.conf, &fm.pv, known_pp, &known));
	assert_false(wwids_path_wanted(fm.conf, &fm.pv, other, &known));
	/* no list (-i): find_multipaths does not restrict, the blacklist does */
	assert_true(wwids_path_wanted(fm.conf, &fm.pv, other, NULL));
	assert_false(wwids_path_wanted(fm.conf, &fm.pv, fm_path(&fm, "sdc", "3600bad1"), NULL));
	assert_int_equal(wwids_load(NULL, &known), -EINVAL);
	assert_int_equal(known.n, 2);
	strvec_free_all(&known);
	fm_release(&fm);
}

/* find_multipaths smart: the wait of a path with no sibling, by
 * find_multipaths_timeout and whether a device entry knows the hardware. */
static void test_smart_timeout(void **state)
{
	static const struct {
		const char *value;
		bool known;
		int want;
	} t[] = {
		{"5", true, 5},	 {"5", false, 5}, {"-7", true, 7},
		{"-7", false, 1}, {"0", true, 10}, {"0", false, 1},
	};
	char extra[256];

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct fm fm;
		struct path *pp;

		snprintf(extra, sizeof(extra),
			 "defaults {\n\tfind_multipaths_timeout %s\n}\n"
			 "devices {\n\tdevice {\n\t\tvendor \"ACME\"\n"
			 "\t\tproduct \"ARRAY\"\n\t}\n}\n",
			 t[i].value);
		fm_setup(&fm, "smart", extra);
		pp = fm_path(&fm, "sda", "3600a");
		strlcpy_trunc(pp->vendor, t[i].known ? "ACME" : "OTHER", sizeof(pp->vendor));
		strlcpy_trunc(pp->product, "ARRAY", sizeof(pp->product));
		assert_int_equal(wwids_smart_timeout(fm.conf, pp), t[i].want);
		fm_release(&fm);
	}
}

/* The wait's record: made by the first look (its directory too), read by
 * the next ones; less than a second left is over. */
static void test_smart_wait(void **state)
{
	char dir[128], file[160];
	struct stat st;
	double left = -1, again = -1;

	(void)state;
	tmpfile_path(dir, sizeof(dir), "run/find_multipaths");
	assert_int_equal(wwids_smart_wait(dir, "8:16", 10, &left), 0);
	assert_true(left > 9.9 && left <= 10.0);
	snprintf(file, sizeof(file), "%s/8:16", dir);
	assert_int_equal(stat(file, &st), 0);
	/* the next look reads the same end, whatever timeout it is given */
	assert_int_equal(wwids_smart_wait(dir, "8:16", 30, &again), 0);
	assert_true(again <= left && again > 9.0);
	/* a wait with less than a second left, or over, answers 0 */
	assert_int_equal(wwids_smart_wait(dir, "8:32", 0, &left), 0);
	assert_true(left == 0);
	{
		struct timespec past[2] = {{.tv_sec = 1000}, {.tv_sec = 1000}};

		assert_int_equal(utimensat(AT_FDCWD, file, past, 0), 0);
	}
	assert_int_equal(wwids_smart_wait(dir, "8:16", 10, &left), 0);
	assert_true(left == 0);
	/* names that are not a devt are refused */
	assert_int_equal(wwids_smart_wait(dir, "", 10, &left), -EINVAL);
	assert_int_equal(wwids_smart_wait(dir, "../x", 10, &left), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_add_check_remove, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_invalid, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_corrupt_lines, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_reset, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_concurrent_writers, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_find_multipaths_greedy_off, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_find_multipaths_strict, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_find_multipaths_on_smart, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_find_multipaths_unreadable, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_load_and_wanted, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_smart_timeout, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_smart_wait, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
