// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * multipathd's reservation key commands (multipathd/prflag.c) on a daemon
 * state built by hand: the answers multipath-tools 0.9.4 gives (observed in
 * the VM, byte for byte), the prkeys file they write, and the prflag table
 * the map and path hooks keep.
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
#include <unistd.h>

#include <urcu.h>

#include "cli.h"
#include "config/config.h"
#include "daemon.h"
#include "prflag.h"
#include "prkeys.h"
#include "structs.h"
#include "util/strbuf.h"

static char tmpdir[64], prfile[128];
static struct daemon d;

/* Maps: "cfg" (reservation_key 0x123:aptpl in its multipaths entry),
 * "byfile" (reservation_key file), "nokey". */
static int setup(void **state)
{
	char text[1024];
	struct diags dg = {0};
	struct config *conf;
	static const char *const names[][2] = {
	    {"3600cfg", "cfg"}, {"3600file", "byfile"}, {"3600none", "nokey"}};

	(void)state;
	strcpy(tmpdir, "/tmp/mpt-prflag-XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	snprintf(prfile, sizeof(prfile), "%s/prkeys", tmpdir);
	snprintf(text, sizeof(text),
		 "defaults {\n prkeys_file %s\n}\n"
		 "multipaths {\n"
		 " multipath {\n  wwid 3600cfg\n  reservation_key 0x123:aptpl\n }\n"
		 " multipath {\n  wwid 3600file\n  reservation_key file\n }\n"
		 "}\n",
		 prfile);
	if (config_load_text(text, strlen(text), "t.conf", &dg, &conf) < 0)
		return -1;
	diags_release(&dg);
	memset(&d, 0, sizeof(d));
	pthread_mutex_init(&d.vecs.lock, NULL);
	d.conf = conf;
	for (size_t i = 0; i < 3; i++) {
		struct multipath *mpp = map_new();

		strcpy(mpp->wwid, names[i][0]);
		strcpy(mpp->alias, names[i][1]);
		mpp->dm_minor = (int)i;
		if (mapvec_push(&d.vecs.maps, mpp) < 0)
			return -1;
	}
	rcu_register_thread();
	return prflag_start(&d);
}

static int teardown(void **state)
{
	char cmd[128];
	struct timespec deadline;

	(void)state;
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += 2;
	assert_true(prflag_stop(&d, &deadline));
	rcu_unregister_thread();
	mapvec_free(&d.vecs.maps);
	config_free(d.conf);
	pthread_mutex_destroy(&d.vecs.lock);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Run one command line; its reply into *reply (static), its rc returned. */
static int cmd(const char *line, const char **reply)
{
	static char out[512];
	STRBUF_AUTO(sb);
	struct cli_cmd c;
	int rc;

	assert_int_equal(cli_parse(line, &c, NULL), 0);
	rc = prflag_command(&d, &c, &sb);
	cli_cmd_release(&c);
	snprintf(out, sizeof(out), "%s", strbuf_str(&sb));
	*reply = out;
	return rc;
}

#define ASSERT_CMD(line, rc, reply)                                                                \
	do {                                                                                       \
		const char *r_;                                                                    \
		assert_int_equal(cmd(line, &r_), rc);                                              \
		assert_string_equal(r_, reply);                                                    \
	} while (0)

static void test_not_ours(void **state)
{
	STRBUF_AUTO(sb);
	struct cli_cmd c = {.verb = CLI_SHOW_MAPS};

	(void)state;
	assert_int_equal(prflag_command(&d, &c, &sb), 1);
	assert_int_equal(sb.len, 0);
}

static void test_status(void **state)
{
	(void)state;
	ASSERT_CMD("getprstatus map cfg", 0, "0"); /* no newline, as 0.9.4 */
	ASSERT_CMD("setprstatus map nokey", 0, "ok\n");
	ASSERT_CMD("getprstatus map nokey", 0, "1");
	ASSERT_CMD("getprstatus map 3600none", 0, "1"); /* by WWID too */
	ASSERT_CMD("unsetprstatus map nokey", 0, "ok\n");
	ASSERT_CMD("getprstatus map nokey", 0, "0");
	ASSERT_CMD("getprstatus map nosuch", -ENOENT, "fail\n");
	ASSERT_CMD("setprstatus map nosuch", -ENOENT, "fail\n");
	ASSERT_CMD("unsetprstatus map nosuch", -ENOENT, "fail\n");
}

static void test_getprkey(void **state)
{
	(void)state;
	ASSERT_CMD("getprkey map cfg", 0, "0x123:aptpl\n");
	ASSERT_CMD("getprkey map byfile", 0, "none\n"); /* no file yet */
	ASSERT_CMD("getprkey map nokey", 0, "none\n");
	ASSERT_CMD("getprkey map nosuch", -ENOENT, "fail\n");
}

static void test_setprkey(void **state)
{
	struct prkey k;

	(void)state;
	ASSERT_CMD("setprkey map byfile key 0x456", 0, "ok\n");
	ASSERT_CMD("getprkey map byfile", 0, "0x456\n");
	ASSERT_CMD("setprkey map byfile key 0X789:aptpl", 0, "ok\n");
	ASSERT_CMD("getprkey map byfile", 0, "0x789:aptpl\n");
	ASSERT_CMD("setprkey map byfile key 1234", 0, "ok\n");
	ASSERT_CMD("getprkey map byfile", 0, "0x1234\n");
	/* bad keys: nothing written */
	ASSERT_CMD("setprkey map byfile key 0xzz", -EINVAL, "fail\n");
	ASSERT_CMD("setprkey map byfile key 0", -EINVAL, "fail\n");
	ASSERT_CMD("setprkey map byfile key 0x12345678901234567", -EINVAL, "fail\n");
	ASSERT_CMD("getprkey map byfile", 0, "0x1234\n");
	/* a map whose key is not "file": the file is written all the same,
	 * the answer says whether the map's key is now the one asked for */
	ASSERT_CMD("setprkey map cfg key 0x999", -EPERM, "fail\n");
	assert_int_equal(prkeys_file_get(prfile, "3600cfg", &k), 0);
	assert_true(k.key == 0x999);
	ASSERT_CMD("getprkey map cfg", 0, "0x123:aptpl\n");
	ASSERT_CMD("setprkey map cfg key 0x123", 0, "ok\n"); /* APTPL not compared */
	ASSERT_CMD("setprkey map nokey key 0x5", -EPERM, "fail\n");
	ASSERT_CMD("setprkey map nosuch key 0x5", -ENOENT, "fail\n");
	/* unset */
	ASSERT_CMD("unsetprkey map nokey", 0, "ok\n"); /* its key is none */
	ASSERT_CMD("unsetprkey map cfg", -EPERM, "fail\n");
	ASSERT_CMD("unsetprkey map byfile", 0, "ok\n");
	ASSERT_CMD("getprkey map byfile", 0, "none\n");
	ASSERT_CMD("unsetprkey map nosuch", -ENOENT, "fail\n");
	assert_int_equal(prkeys_file_get(prfile, "3600file", &k), -ENOENT);
	assert_int_equal(prkeys_file_get(prfile, "3600none", &k), -ENOENT);
	/* key 0 is no key: ok for a "file" map */
	ASSERT_CMD("setprkey map byfile key 0x0", 0, "ok\n");
	ASSERT_CMD("getprkey map byfile", 0, "none\n");
}

/* The hooks keep the table: a map with a key gets an entry (prflag unset
 * until its check answers), a new dm device resets it, a map without key
 * and without entry gets none; a path is queued for registration only
 * when its WWID's prflag is set. */
static void test_hooks(void **state)
{
	struct multipath *cfg = d.vecs.maps.items[0], *none = d.vecs.maps.items[2];
	const char *r;

	(void)state;
	pthread_mutex_lock(&d.vecs.lock);
	prflag_map_published(&d, cfg); /* no paths: the check finds no device */
	prflag_map_published(&d, none);
	pthread_mutex_unlock(&d.vecs.lock);
	ASSERT_CMD("getprstatus map cfg", 0, "0");
	ASSERT_CMD("setprstatus map cfg", 0, "ok\n");
	/* the same map published again (a reload): the prflag stays */
	pthread_mutex_lock(&d.vecs.lock);
	prflag_map_published(&d, cfg);
	pthread_mutex_unlock(&d.vecs.lock);
	ASSERT_CMD("getprstatus map cfg", 0, "1");
	/* another dm device for the WWID (removed and made again): checked
	 * anew, unset until then */
	cfg->dm_minor = 7;
	pthread_mutex_lock(&d.vecs.lock);
	prflag_map_published(&d, cfg);
	pthread_mutex_unlock(&d.vecs.lock);
	assert_int_equal(cmd("getprstatus map cfg", &r), 0);
	assert_string_equal(r, "0");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_not_ours, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_status, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_getprkey, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_setprkey, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_hooks, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
