// SPDX-License-Identifier: GPL-2.0-or-later
/* Reservation key syntax and the prkeys file. */
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

#include "prkeys.h"

#define TMPDIR_TAG "prkeys"
#include "tmpdir.h"

/* The header multipath-tools 0.9.4 writes (observed in the VM). */
#define HEADER                                                                                     \
	"# Multipath persistent reservation keys, Version : 1.0\n"                                 \
	"# NOTE: this file is automatically maintained by the multipathd program.\n"               \
	"# You should not need to edit this file in normal circumstances.\n"                       \
	"#\n"                                                                                      \
	"# Format:\n"                                                                              \
	"# prkey wwid\n"                                                                           \
	"#\n"

/* The syntax multipath-tools 0.9.4's setprkey takes (each value below was
 * tried on it in the VM: "ok" or "fail"). */
static void test_parse(void **state)
{
	static const struct {
		const char *s;
		int rc;
		uint64_t key;
		bool aptpl;
	} cases[] = {
	    {"0x456", 0, 0x456, false},
	    {"0x789:aptpl", 0, 0x789, true},
	    {"1234", 0, 0x1234, false}, /* hex even without 0x */
	    {"0XABC:aptpl", 0, 0xabc, true},
	    {"0x0", 0, 0, false},
	    {"00", 0, 0, false},
	    {"x5", 0, 5, false},
	    {"ffffffffffffffff", 0, UINT64_MAX, false},
	    {"0xffffffffffffffff", 0, UINT64_MAX, false},
	    {"0", -EINVAL, 0, false}, /* the "0" is the prefix: no digit */
	    {"0x", -EINVAL, 0, false},
	    {"", -EINVAL, 0, false},
	    {"0xzz", -EINVAL, 0, false},
	    {"0x12345678901234567", -EINVAL, 0, false}, /* 17 digits */
	    {"0x12:apt", -EINVAL, 0, false},
	    {"0x12:aptpl:aptpl", -EINVAL, 0, false},
	    {":aptpl", -EINVAL, 0, false},
	    {"0x12 ", -EINVAL, 0, false},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct prkey k = {7, true};
		int rc = prkey_parse(cases[i].s, &k);

		if (rc != cases[i].rc)
			fail_msg("'%s': %d, expected %d", cases[i].s, rc, cases[i].rc);
		if (rc == 0) {
			assert_true(k.key == cases[i].key);
			assert_int_equal(k.aptpl, cases[i].aptpl);
		} else {
			assert_true(k.key == 7 && k.aptpl); /* untouched */
		}
	}
	assert_int_equal(prkey_parse(NULL, &(struct prkey){0}), -EINVAL);
}

static void test_format(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(prkey_format(&(struct prkey){0x123, false}, buf, sizeof(buf)), "0x123");
	assert_string_equal(prkey_format(&(struct prkey){0xabc, true}, buf, sizeof(buf)),
			    "0xabc:aptpl");
	assert_string_equal(prkey_format(&(struct prkey){0, true}, buf, sizeof(buf)), "none");
	assert_string_equal(prkey_format(&(struct prkey){UINT64_MAX, false}, buf, sizeof(buf)),
			    "0xffffffffffffffff");
}

/* Set, replace, unset, as multipath-tools 0.9.4 leaves the file (the
 * sequence of the VM observation: setprkey 0x456, 0x789:aptpl, then
 * another map, then unsetprkey of the first). */
static void test_set_get_unset(void **state)
{
	char file[128];
	struct prkey k;

	(void)state;
	tmpfile_path(file, sizeof(file), "etc/multipath/prkeys");
	assert_int_equal(prkeys_file_get(file, "3600a", &k), -ENOENT);
	assert_int_equal(prkeys_file_set(file, "3600a", &(struct prkey){0x456, false}), 0);
	assert_string_equal(slurp(file), HEADER "0x0000000000000456 3600a\n");
	assert_int_equal(prkeys_file_get(file, "3600a", &k), 0);
	assert_true(k.key == 0x456 && !k.aptpl);
	assert_int_equal(prkeys_file_set(file, "3600a", &(struct prkey){0x789, true}), 0);
	assert_string_equal(slurp(file), HEADER "0X0000000000000789 3600a\n");
	assert_int_equal(prkeys_file_get(file, "3600a", &k), 0);
	assert_true(k.key == 0x789 && k.aptpl);
	assert_int_equal(prkeys_file_set(file, "3600b", &(struct prkey){0x5, false}), 0);
	assert_int_equal(prkeys_file_set(file, "3600a", &(struct prkey){0}), 0);
	assert_string_equal(slurp(file), HEADER "#X0000000000000789 3600a\n"
						"0x0000000000000005 3600b\n");
	assert_int_equal(prkeys_file_get(file, "3600a", &k), -ENOENT);
	/* unset of a WWID without a line: nothing changes */
	assert_int_equal(prkeys_file_set(file, "3600c", &(struct prkey){0}), 0);
	assert_int_equal(prkeys_file_get(file, "3600b", &k), 0);
	assert_true(k.key == 5);
	/* set again after an unset: the commented line is taken back, as
	 * multipath-tools 0.9.4 does (seen in VM scenario 71) */
	assert_int_equal(prkeys_file_set(file, "3600a", &(struct prkey){0x77, false}), 0);
	assert_string_equal(slurp(file), HEADER "0x0000000000000077 3600a\n"
						"0x0000000000000005 3600b\n");
	/* an active line wins over a commented one; unchanged: not rewritten */
	spew(file, HEADER "#x0000000000000001 3600a\n0x0000000000000002 3600a\n");
	assert_int_equal(prkeys_file_set(file, "3600a", &(struct prkey){0x3, false}), 0);
	assert_string_equal(slurp(file), HEADER "#x0000000000000001 3600a\n"
						"0x0000000000000003 3600a\n");
	assert_int_equal(prkeys_file_set(file, "3600a", &(struct prkey){0}), 0);
	assert_int_equal(prkeys_file_set(file, "3600a", &(struct prkey){0}), 0);
	assert_string_equal(slurp(file), HEADER "#x0000000000000001 3600a\n"
						"#x0000000000000003 3600a\n");
	assert_int_equal(prkeys_file_set(file, "3600a", &(struct prkey){0x4, true}), 0);
	assert_string_equal(slurp(file), HEADER "0X0000000000000004 3600a\n"
						"#x0000000000000003 3600a\n");
	/* the file is root's only, as 0.9.4 makes it */
	{
		struct stat st;

		assert_int_equal(stat(file, &st), 0);
		assert_int_equal(st.st_mode & 0777, 0600);
	}
}

/* Hand-edited lines: other key forms are read, odd lines are kept. */
static void test_read_forms(void **state)
{
	char file[128];
	struct prkey k;

	(void)state;
	tmpfile_path(file, sizeof(file), "prkeys");
	spew(file, "# comment 0x1 3600z\n"
		   "\n"
		   "garbage\n"
		   "0xabc 3600a\n"
		   "  0X12\t3600b  \n"
		   "0xzz 3600c\n"
		   "0x1 3600abc\n");
	assert_int_equal(prkeys_file_get(file, "3600a", &k), 0);
	assert_true(k.key == 0xabc && !k.aptpl);
	assert_int_equal(prkeys_file_get(file, "3600b", &k), 0);
	assert_true(k.key == 0x12 && k.aptpl);
	assert_int_equal(prkeys_file_get(file, "3600c", &k), -ENOENT);
	assert_int_equal(prkeys_file_get(file, "3600z", &k), -ENOENT);
	assert_int_equal(prkeys_file_get(file, "3600ab", &k), -ENOENT); /* whole WWIDs only */
	assert_int_equal(prkeys_file_set(file, "3600a", &(struct prkey){0x1, false}), 0);
	assert_string_equal(slurp(file), "# comment 0x1 3600z\n"
					 "\n"
					 "garbage\n"
					 "0x0000000000000001 3600a\n"
					 "  0X12\t3600b  \n"
					 "0xzz 3600c\n"
					 "0x1 3600abc\n");
}

static void test_invalid(void **state)
{
	char file[128];
	struct prkey k;

	(void)state;
	tmpfile_path(file, sizeof(file), "prkeys");
	assert_int_equal(prkeys_file_set(file, "", &(struct prkey){1, false}), -EINVAL);
	assert_int_equal(prkeys_file_set(file, "a b", &(struct prkey){1, false}), -EINVAL);
	assert_int_equal(prkeys_file_set(file, "a\nb", &(struct prkey){1, false}), -EINVAL);
	assert_int_equal(prkeys_file_set(NULL, "a", &(struct prkey){1, false}), -EINVAL);
	assert_int_equal(prkeys_file_get(file, NULL, &k), -EINVAL);
	assert_int_equal(access(file, F_OK), -1); /* nothing written */
	/* a directory where the file should be */
	tmpfile_path(file, sizeof(file), "dir");
	assert_int_equal(mkdir(file, 0755), 0);
	assert_true(prkeys_file_set(file, "3600a", &(struct prkey){1, false}) < 0);
	assert_true(prkeys_file_get(file, "3600a", &k) < 0);
}

enum { WRITERS = 4, PER_WRITER = 40 };

static int writer(const char *file, int id)
{
	char w[64];

	for (int i = 0; i < PER_WRITER; i++) {
		snprintf(w, sizeof(w), "36001405%02d%04d", id, i);
		if (prkeys_file_set(file, w, &(struct prkey){(uint64_t)(id << 16 | i), id & 1}) < 0)
			return 1;
		/* every writer changes the shared one, the last one wins */
		if (prkeys_file_set(file, "3600shared", &(struct prkey){(uint64_t)id + 1, false}) <
		    0)
			return 1;
		if (i % 5 == 0 && prkeys_file_set(file, w, &(struct prkey){0}) < 0)
			return 1;
	}
	return 0;
}

static void test_concurrent_writers(void **state)
{
	char file[128], w[64], cmd[256];
	struct prkey k;

	(void)state;
	tmpfile_path(file, sizeof(file), "conc/prkeys");
	run_writers(WRITERS, writer, file);
	/* no update lost */
	for (int id = 0; id < WRITERS; id++) {
		for (int i = 0; i < PER_WRITER; i++) {
			snprintf(w, sizeof(w), "36001405%02d%04d", id, i);
			if (i % 5 == 0) {
				assert_int_equal(prkeys_file_get(file, w, &k), -ENOENT);
				continue;
			}
			assert_int_equal(prkeys_file_get(file, w, &k), 0);
			assert_true(k.key == (uint64_t)(id << 16 | i));
			assert_int_equal(k.aptpl, id & 1);
		}
	}
	assert_int_equal(prkeys_file_get(file, "3600shared", &k), 0);
	assert_true(k.key >= 1 && k.key <= WRITERS);
	assert_int_equal(strncmp(slurp(file), HEADER, strlen(HEADER)), 0);
	/* one line for the shared WWID, no temporary file left */
	assert_null(strstr(strstr(slurp(file), "3600shared") + 1, "3600shared"));
	tmpfile_path(file, sizeof(file), "conc");
	snprintf(cmd, sizeof(cmd), "ls '%s' | grep -qv '^prkeys$'", file);
	assert_int_not_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse),
	    cmocka_unit_test(test_format),
	    cmocka_unit_test_setup_teardown(test_set_get_unset, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_read_forms, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_invalid, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_concurrent_writers, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
