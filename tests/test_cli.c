// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests of multipathd's command words (multipathd/cli.c). */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "../multipathd/cli.h"
#include "util/strbuf.h"

/* One accepted line: what it parses to and its canonical words. */
struct good {
	const char *line;
	enum cli_verb verb;
	const char *canon; /* cli_cmd_format of the result */
	const char *path, *map, *format, *key;
	long group;
	bool raw;
};

/* clang-format off */
static const struct good goods[] = {
	{.line = "show paths", CLI_SHOW_PATHS, "show paths"},
	{.line = "list paths", CLI_SHOW_PATHS, "show paths"},
	{.line = "show paths raw", CLI_SHOW_PATHS, "show paths raw", .raw = true},
	{.line = "show paths format %d", CLI_SHOW_PATHS, "show paths format %d", .format = "%d"},
	{.line = "show paths format \"%d %t\"", CLI_SHOW_PATHS, "show paths format \"%d %t\"",
	 .format = "%d %t"},
	{.line = "show paths raw format \"%d\t%t %T\"", CLI_SHOW_PATHS,
	 "show paths raw format \"%d\t%t %T\"", .format = "%d\t%t %T", .raw = true},
	{.line = "show paths format %d raw", CLI_SHOW_PATHS, "show paths raw format %d", .format = "%d",
	 .raw = true},
	{.line = "show path sda", CLI_SHOW_PATH, "show path sda", .path = "sda"},
	{.line = "show path 8:16 raw format %T", CLI_SHOW_PATH, "show path 8:16 raw format %T",
	 .path = "8:16", .format = "%T", .raw = true},
	{.line = "show maps", CLI_SHOW_MAPS, "show maps"},
	{.line = "show multipaths", CLI_SHOW_MAPS, "show maps"},
	{.line = "list multipaths raw format \"%n %w\"", CLI_SHOW_MAPS, "show maps raw format \"%n %w\"",
	 .format = "%n %w", .raw = true},
	{.line = "show maps format %n", CLI_SHOW_MAPS, "show maps format %n", .format = "%n"},
	{.line = "show map mpatha format %n", CLI_SHOW_MAP, "show map mpatha format %n", .map = "mpatha",
	 .format = "%n"},
	{.line = "show map mpatha raw format %n", CLI_SHOW_MAP, "show map mpatha raw format %n",
	 .map = "mpatha", .format = "%n", .raw = true},
	{.line = "show multipath mpatha", CLI_SHOW_MAP, "show map mpatha", .map = "mpatha"},
	{.line = "show maps status", CLI_SHOW_MAPS_STATUS, "show maps status"},
	{.line = "list multipaths status", CLI_SHOW_MAPS_STATUS, "show maps status"},
	{.line = "show maps stats", CLI_SHOW_MAPS_STATS, "show maps stats"},
	{.line = "show topology", CLI_SHOW_TOPOLOGY, "show topology"},
	{.line = "list topology", CLI_SHOW_TOPOLOGY, "show topology"},
	{.line = "show maps topology", CLI_SHOW_TOPOLOGY, "show topology"},
	{.line = "list multipaths topology", CLI_SHOW_TOPOLOGY, "show topology"},
	{.line = "show map 3600508b400105e210000900000490000 topology", CLI_SHOW_MAP_TOPOLOGY,
	 "show map 3600508b400105e210000900000490000 topology",
	 .map = "3600508b400105e210000900000490000"},
	{.line = "show topology map mpatha", CLI_SHOW_MAP_TOPOLOGY, "show map mpatha topology",
	 .map = "mpatha"},
	{.line = "list multipath dm-0 topology", CLI_SHOW_MAP_TOPOLOGY, "show map dm-0 topology",
	 .map = "dm-0"},
	{.line = "show maps json", CLI_SHOW_MAPS_JSON, "show maps json"},
	{.line = "show map mpatha json", CLI_SHOW_MAP_JSON, "show map mpatha json", .map = "mpatha"},
	{.line = "show config", CLI_SHOW_CONFIG, "show config"},
	{.line = "show config local", CLI_SHOW_CONFIG_LOCAL, "show config local"},
	{.line = "show status", CLI_SHOW_STATUS, "show status"},
	{.line = "show daemon", CLI_SHOW_DAEMON, "show daemon"},
	{.line = "show wildcards", CLI_SHOW_WILDCARDS, "show wildcards"},
	{.line = "show blacklist", CLI_SHOW_BLACKLIST, "show blacklist"},
	{.line = "show devices", CLI_SHOW_DEVICES, "show devices"},
	{.line = "show io_err_stat", CLI_SHOW_IO_ERR_STAT, "show io_err_stat"},
	{.line = "reconfigure", CLI_RECONFIGURE, "reconfigure"},
	{.line = "reconfigure all", CLI_RECONFIGURE_ALL, "reconfigure all"},
	{.line = "add path sdb", CLI_ADD_PATH, "add path sdb", .path = "sdb"},
	{.line = "del path sdb", CLI_DEL_PATH, "del path sdb", .path = "sdb"},
	{.line = "remove path sdb", CLI_DEL_PATH, "del path sdb", .path = "sdb"},
	{.line = "add map mpathb", CLI_ADD_MAP, "add map mpathb", .map = "mpathb"},
	{.line = "add multipath mpathb", CLI_ADD_MAP, "add map mpathb", .map = "mpathb"},
	{.line = "del map mpathb", CLI_DEL_MAP, "del map mpathb", .map = "mpathb"},
	{.line = "remove multipath mpathb", CLI_DEL_MAP, "del map mpathb", .map = "mpathb"},
	{.line = "del maps", CLI_DEL_MAPS, "del maps"},
	{.line = "remove multipaths", CLI_DEL_MAPS, "del maps"},
	{.line = "fail path sdc", CLI_FAIL_PATH, "fail path sdc", .path = "sdc"},
	{.line = "reinstate path 8:32", CLI_REINSTATE_PATH, "reinstate path 8:32", .path = "8:32"},
	{.line = "switchgroup map mpatha group 2", CLI_SWITCHGROUP, "switchgroup map mpatha group 2",
	 .map = "mpatha", .group = 2},
	{.line = "switch multipath mpatha group 1", CLI_SWITCHGROUP, "switchgroup map mpatha group 1",
	 .map = "mpatha", .group = 1},
	{.line = "switchgroup map mpatha group 2147483647", CLI_SWITCHGROUP,
	 "switchgroup map mpatha group 2147483647", .map = "mpatha", .group = 2147483647},
	{.line = "switchgroup map m group 007", CLI_SWITCHGROUP, "switchgroup map m group 7", .map = "m",
	 .group = 7},
	{.line = "resize map mpatha", CLI_RESIZE_MAP, "resize map mpatha", .map = "mpatha"},
	{.line = "reload map mpatha", CLI_RELOAD_MAP, "reload map mpatha", .map = "mpatha"},
	{.line = "suspend map mpatha", CLI_SUSPEND_MAP, "suspend map mpatha", .map = "mpatha"},
	{.line = "resume multipath mpatha", CLI_RESUME_MAP, "resume map mpatha", .map = "mpatha"},
	{.line = "reset map mpatha", CLI_RESET_MAP, "reset map mpatha", .map = "mpatha"},
	{.line = "reset map mpatha stats", CLI_RESET_MAP_STATS, "reset map mpatha stats",
	 .map = "mpatha"},
	{.line = "reset maps stats", CLI_RESET_MAPS_STATS, "reset maps stats"},
	{.line = "disablequeueing map mpatha", CLI_DISABLEQ_MAP, "disablequeueing map mpatha",
	 .map = "mpatha"},
	{.line = "disablequeueing maps", CLI_DISABLEQ_MAPS, "disablequeueing maps"},
	{.line = "restorequeueing map mpatha", CLI_RESTOREQ_MAP, "restorequeueing map mpatha",
	 .map = "mpatha"},
	{.line = "restorequeueing multipaths", CLI_RESTOREQ_MAPS, "restorequeueing maps"},
	{.line = "forcequeueing daemon", CLI_FORCEQ_DAEMON, "forcequeueing daemon"},
	{.line = "restorequeueing daemon", CLI_RESTOREQ_DAEMON, "restorequeueing daemon"},
	{.line = "getprstatus map mpatha", CLI_GETPRSTATUS, "getprstatus map mpatha", .map = "mpatha"},
	{.line = "map mpatha getprstatus", CLI_GETPRSTATUS, "getprstatus map mpatha", .map = "mpatha"},
	{.line = "multipath mpatha setprstatus", CLI_SETPRSTATUS, "setprstatus map mpatha",
	 .map = "mpatha"},
	{.line = "unsetprstatus map mpatha", CLI_UNSETPRSTATUS, "unsetprstatus map mpatha",
	 .map = "mpatha"},
	{.line = "map mpatha getprkey", CLI_GETPRKEY, "getprkey map mpatha", .map = "mpatha"},
	{.line = "map mpatha setprkey key 0x123abc", CLI_SETPRKEY, "setprkey map mpatha key 0x123abc",
	 .map = "mpatha", .key = "0x123abc"},
	{.line = "setprkey map mpatha key 0xdead:aptpl", CLI_SETPRKEY,
	 "setprkey map mpatha key 0xdead:aptpl", .map = "mpatha", .key = "0xdead:aptpl"},
	{.line = "map mpatha unsetprkey", CLI_UNSETPRKEY, "unsetprkey map mpatha", .map = "mpatha"},
	{.line = "path sda setmarginal", CLI_SETMARGINAL_PATH, "setmarginal path sda", .path = "sda"},
	{.line = "path sda unsetmarginal", CLI_UNSETMARGINAL_PATH, "unsetmarginal path sda",
	 .path = "sda"},
	{.line = "map mpatha unsetmarginal", CLI_UNSETMARGINAL_MAP, "unsetmarginal map mpatha",
	 .map = "mpatha"},
	{.line = "shutdown", CLI_SHUTDOWN, "shutdown"},
	{.line = "help", CLI_HELP, "help"},
	/* blanks, quotes and names that spell keywords */
	{.line = "  \tshow \t paths\t ", CLI_SHOW_PATHS, "show paths"},
	{.line = "\"show\" p\"ath\"s", CLI_SHOW_PATHS, "show paths"},
	{.line = "show map show topology", CLI_SHOW_MAP_TOPOLOGY, "show map show topology",
	 .map = "show"},
	{.line = "show map \"my map\" json", CLI_SHOW_MAP_JSON, "show map \"my map\" json",
	 .map = "my map"},
	{.line = "show paths format \"a\\\"b\\\\c\"", CLI_SHOW_PATHS, "show paths format \"a\\\"b\\\\c\"",
	 .format = "a\"b\\c"},
	{.line = "show paths format a\\b", CLI_SHOW_PATHS, "show paths format a\\b", .format = "a\\b"},
	{.line = "show paths format \"\\x\"", CLI_SHOW_PATHS, "show paths format x", .format = "x"},
	{.line = "show paths format a\"b c\"d", CLI_SHOW_PATHS, "show paths format \"ab cd\"",
	 .format = "ab cd"},
	{.line = "show map \xc3\xa9t\xc3\xa9", CLI_SHOW_MAP, "show map \xc3\xa9t\xc3\xa9",
	 .map = "\xc3\xa9t\xc3\xa9"},
};
/* clang-format on */

static void check_good(const struct good *g)
{
	struct cli_cmd c, again;
	STRBUF_AUTO(err);
	STRBUF_AUTO(canon);

	if (cli_parse(g->line, &c, &err) != 0)
		fail_msg("'%s' refused: %s", g->line, strbuf_str(&err));
	assert_int_equal(err.len, 0);
	assert_int_equal(c.verb, g->verb);
	assert_int_equal(c.raw, g->raw);
	assert_int_equal(c.group, g->group);
	assert_true(!c.path == !g->path && !c.map == !g->map);
	assert_true(!c.format == !g->format && !c.key == !g->key);
	if (g->path)
		assert_string_equal(c.path, g->path);
	if (g->map)
		assert_string_equal(c.map, g->map);
	if (g->format)
		assert_string_equal(c.format, g->format);
	if (g->key)
		assert_string_equal(c.key, g->key);
	assert_int_equal(cli_cmd_format(&c, &canon), 0);
	assert_string_equal(strbuf_str(&canon), g->canon);
	assert_int_equal(cli_parse(strbuf_str(&canon), &again, NULL), 0);
	assert_true(cli_cmd_equal(&c, &again));
	cli_cmd_release(&again);
	cli_cmd_release(&c);
	assert_null(c.map); /* release zeroes */
}

static void test_every_command(void **state)
{
	bool verb_seen[CLI_VERB_COUNT] = {false};

	(void)state;
	for (size_t i = 0; i < sizeof(goods) / sizeof(goods[0]); i++) {
		check_good(&goods[i]);
		verb_seen[goods[i].verb] = true;
	}
	for (int v = 0; v < CLI_VERB_COUNT; v++)
		if (!verb_seen[v])
			fail_msg("no test line for %s", cli_verb_name(v));
}

/* A refused line: the error message must contain msg, be one line, and the
 * output struct must stay untouched. */
static void check_bad(const char *line, const char *msg)
{
	struct cli_cmd c;
	struct cli_cmd poison;
	STRBUF_AUTO(err);

	memset(&c, 0xa5, sizeof(c));
	memcpy(&poison, &c, sizeof(c));
	if (cli_parse(line, &c, &err) != -EINVAL)
		fail_msg("'%s' accepted", line ? line : "(null)");
	assert_memory_equal(&c, &poison, sizeof(c));
	if (!strstr(strbuf_str(&err), msg))
		fail_msg("'%s': message '%s' lacks '%s'", line ? line : "(null)", strbuf_str(&err),
			 msg);
	assert_null(strchr(strbuf_str(&err), '\n'));
	/* without an err buffer too */
	assert_int_equal(cli_parse(line, &c, NULL), -EINVAL);
}

static void test_missing_and_extra_words(void **state)
{
	/* clang-format off */
	static const char *const bad[][2] = {
		{"show", "incomplete command, for example 'show|list paths"},
		{"show path", "missing argument for 'path'"},
		{"show map", "missing argument for 'map'"},
		{"show map mpatha topology format", "missing argument for 'format'"},
		{"show paths format", "missing argument for 'format'"},
		{"show paths raw format", "missing argument for 'format'"},
		{"add path", "missing argument for 'path'"},
		{"del map", "missing argument for 'map'"},
		{"fail path", "missing argument for 'path'"},
		{"reinstate path", "missing argument for 'path'"},
		{"switchgroup map mpatha", "incomplete command, for example 'switchgroup"},
		{"switchgroup map mpatha group", "missing argument for 'group'"},
		{"switchgroup group 1", "incomplete command"},
		{"setprkey map mpatha", "incomplete command"},
		{"setprkey map mpatha key", "missing argument for 'key'"},
		{"add", "incomplete command"},
		{"reset", "incomplete command"},
		{"disablequeueing", "incomplete command"},
		{"forcequeueing", "incomplete command"},
		{"show paths sda", "too many words"},
		{"show path sda sdb", "too many words"},
		{"show path sda topology", "too many words"},
		{"show topology x", "too many words"},
		{"show maps json raw", "too many words"},
		{"show maps status stats", "too many words"},
		{"show config local local", "too many words"},
		{"reconfigure all now", "too many words"},
		{"add path sda sdb", "too many words"},
		{"del maps mpatha", "too many words"},
		{"switchgroup map m group 1 2", "too many words"},
		{"shutdown now", "too many words"},
		{"help me", "too many words"},
		{"help show", "too many words"},
		{"shutdown shutdown", "too many words"},
		{"show show paths", "repeated word 'show'"},
		{"SHOW PATHS", "unknown command: 'SHOW'"},
		{"show pahts", "unknown command: 'pahts'"},
		{"quit", "unknown command: 'quit'"},
		{"add maps", "unknown command"},
		{"fail map mpatha", "unknown command"},
		{"forcequeueing maps", "unknown command"},
		{"show map \"\"", "empty argument for 'map'"},
		{"show paths format \"\"", "empty argument for 'format'"},
		{"\"\"", "unknown command: ''"},
	};
	/* clang-format on */

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		check_bad(bad[i][0], bad[i][1]);
}

static void test_group_numbers(void **state)
{
	/* clang-format off */
	static const char *const bad[] = {
		"0", "-1", "+1", "abc", "1a", "0x10", " 1", "1.0", "2147483648",
		"99999999999999999999", "0000000000000000000000000",
	};
	/* clang-format on */
	STRBUF_AUTO(line);
	char msg[80];

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		strbuf_reset(&line);
		assert_true(strbuf_addf(&line, "switchgroup map mpatha group \"%s\"", bad[i]) > 0);
		snprintf(msg, sizeof(msg), "bad group number '%s'", bad[i]);
		check_bad(strbuf_str(&line), msg);
	}
}

static void test_quoting_errors(void **state)
{
	(void)state;
	check_bad("show map \"mpatha", "unterminated quote");
	check_bad("show map \"mpatha\\\"", "unterminated quote");
	check_bad("show map \"mpatha\\", "unterminated quote");
	check_bad("\"", "unterminated quote");
}

static void test_empty(void **state)
{
	(void)state;
	check_bad(NULL, "empty command");
	check_bad("", "empty command");
	check_bad(" \t  ", "empty command");
}

static void test_long_input(void **state)
{
	STRBUF_AUTO(line);
	struct cli_cmd c;

	(void)state;
	/* exactly CLI_LINE_MAX bytes: accepted */
	assert_true(strbuf_addstr(&line, "show map ") > 0);
	assert_true(strbuf_addchars(&line, 'm', CLI_LINE_MAX - line.len) > 0);
	assert_int_equal(line.len, CLI_LINE_MAX);
	assert_int_equal(cli_parse(strbuf_str(&line), &c, NULL), 0);
	assert_int_equal(strlen(c.map), CLI_LINE_MAX - 9);
	cli_cmd_release(&c);
	/* one more: refused */
	assert_true(strbuf_addch(&line, 'm') > 0);
	check_bad(strbuf_str(&line), "command longer than 4096 bytes");
	/* much longer, of blanks only */
	strbuf_reset(&line);
	assert_true(strbuf_addchars(&line, ' ', 100000) > 0);
	check_bad(strbuf_str(&line), "longer than");
}

static void test_binary_input(void **state)
{
	char line[32];

	(void)state;
	for (int b = 1; b < 0x20; b++) {
		if (b == '\t')
			continue;
		snprintf(line, sizeof(line), "show paths%c", b);
		check_bad(line, "control character");
		snprintf(line, sizeof(line), "show map \"a%cb\"", b);
		check_bad(line, "control character");
	}
	check_bad("show paths\n", "control character 0x0a");
	check_bad("show paths\r", "control character 0x0d");
	check_bad("show map a\x7f", "control character 0x7f");
	check_bad("\xff\xfe", "unknown command");
	/* an embedded NUL ends the line */
	{
		static const char nul[] = "show paths\0 raw";
		struct cli_cmd c;

		assert_int_equal(cli_parse(nul, &c, NULL), 0);
		assert_false(c.raw);
		cli_cmd_release(&c);
	}
}

static void test_changes_state(void **state)
{
	static const struct {
		const char *line;
		bool changes;
		/* clang-format off */
	} cases[] = {
		{"show paths", false},	   {"show map m topology", false},
		{"show config local", false}, {"show io_err_stat", false},
		{"help", false},	   {"list maps json", false},
		{"reconfigure", true},	   {"add path sda", true},
		{"del maps", true},	   {"fail path sda", true},
		{"switch map m group 1", true}, {"shutdown", true},
		{"getprstatus map m", true}, {"setprkey map m key 1", true},
		{"forcequeueing daemon", true}, {"reset maps stats", true},
	};
	/* clang-format on */
	struct cli_cmd c;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(cli_parse(cases[i].line, &c, NULL), 0);
		if (cli_cmd_changes_state(&c) != cases[i].changes)
			fail_msg("'%s': changes_state should be %d", cases[i].line,
				 cases[i].changes);
		cli_cmd_release(&c);
	}
	c.verb = CLI_VERB_COUNT; /* out of range: treated as a change */
	assert_true(cli_cmd_changes_state(&c));
}

static void test_verb_names(void **state)
{
	(void)state;
	assert_string_equal(cli_verb_name(CLI_SHOW_PATHS), "show paths");
	assert_string_equal(cli_verb_name(CLI_SHOW_TOPOLOGY), "show topology");
	assert_string_equal(cli_verb_name(CLI_SWITCHGROUP), "switchgroup map group");
	assert_string_equal(cli_verb_name(CLI_SHOW_IO_ERR_STAT), "show io_err_stat");
	assert_string_equal(cli_verb_name(CLI_VERB_COUNT), "unknown");
	assert_string_equal(cli_verb_name((enum cli_verb)999), "unknown");
	/* every verb has a distinct name */
	for (int a = 0; a < CLI_VERB_COUNT; a++) {
		assert_string_not_equal(cli_verb_name(a), "unknown");
		for (int b = a + 1; b < CLI_VERB_COUNT; b++)
			assert_string_not_equal(cli_verb_name(a), cli_verb_name(b));
	}
}

/* Each usage line, without its placeholders and brackets, parses. */
static void test_usage(void **state)
{
	STRBUF_AUTO(out);
	char *text, *line, *save = NULL;
	int lines = 0;
	bool verb_seen[CLI_VERB_COUNT] = {false};

	(void)state;
	assert_int_equal(cli_usage(&out), 0);
	assert_true(out.len > 0 && out.buf[out.len - 1] == '\n');
	text = strdup(strbuf_str(&out));
	assert_non_null(text);
	line = strtok_r(text, "\n", &save);
	assert_string_equal(line, "multipathd [interactive|<command>]");
	while ((line = strtok_r(NULL, "\n", &save))) {
		STRBUF_AUTO(cmd);
		struct cli_cmd c;
		char *w, *wsave = NULL;

		assert_memory_equal(line, "  ", 2);
		for (w = strtok_r(line, " ", &wsave); w; w = strtok_r(NULL, " ", &wsave)) {
			char *bar = strchr(w, '|');

			if (*w == '[')
				w++;
			w[strcspn(w, "]")] = '\0';
			if (bar)
				*bar = '\0';
			if (*w == '$')
				w = "1";
			assert_true(strbuf_addf(&cmd, "%s ", w) > 0);
		}
		if (cli_parse(strbuf_str(&cmd), &c, NULL) != 0)
			fail_msg("usage line '%s' does not parse", strbuf_str(&cmd));
		verb_seen[c.verb] = true;
		cli_cmd_release(&c);
		lines++;
	}
	for (int v = 0; v < CLI_VERB_COUNT; v++)
		assert_true(verb_seen[v]);
	assert_int_equal(lines, CLI_VERB_COUNT + 1); /* show maps topology twice */
	free(text);
	strbuf_reset(&out);
	assert_int_equal(cli_usage(&out), 0);
	assert_non_null(
	    strstr(strbuf_str(&out), "\n  switchgroup|switch map|multipath $map group $group\n"));
	assert_non_null(strstr(strbuf_str(&out), "\n  show|list paths [raw] [format $format]\n"));
}

static void test_format_refuses(void **state)
{
	STRBUF_AUTO(out);
	struct cli_cmd c = {.verb = CLI_SHOW_MAP_TOPOLOGY};

	(void)state;
	/* a missing required argument */
	assert_int_equal(cli_cmd_format(&c, &out), -EINVAL);
	/* an argument the verb has no place for */
	c = (struct cli_cmd){.verb = CLI_SHOW_PATHS, .map = "m"};
	assert_int_equal(cli_cmd_format(&c, &out), -EINVAL);
	c = (struct cli_cmd){.verb = CLI_SHOW_TOPOLOGY, .raw = true};
	assert_int_equal(cli_cmd_format(&c, &out), -EINVAL);
	/* a bad group and an empty name */
	c = (struct cli_cmd){.verb = CLI_SWITCHGROUP, .map = "m", .group = -1};
	assert_int_equal(cli_cmd_format(&c, &out), -EINVAL);
	c = (struct cli_cmd){.verb = CLI_ADD_PATH, .path = ""};
	assert_int_equal(cli_cmd_format(&c, &out), -EINVAL);
	c = (struct cli_cmd){.verb = CLI_VERB_COUNT};
	assert_int_equal(cli_cmd_format(&c, &out), -EINVAL);
	/* and a good one with every kind of argument */
	strbuf_reset(&out);
	c = (struct cli_cmd){.verb = CLI_SETPRKEY, .map = "a b", .key = "0x1"};
	assert_int_equal(cli_cmd_format(&c, &out), 0);
	assert_string_equal(strbuf_str(&out), "setprkey map \"a b\" key 0x1");
}

static void test_equal(void **state)
{
	struct cli_cmd a = {.verb = CLI_SHOW_MAP, .map = "m", .format = "%n"};
	struct cli_cmd b = a;

	(void)state;
	assert_true(cli_cmd_equal(&a, &b));
	b.map = "n";
	assert_false(cli_cmd_equal(&a, &b));
	b.map = NULL;
	assert_false(cli_cmd_equal(&a, &b));
	b = a;
	b.raw = true;
	assert_false(cli_cmd_equal(&a, &b));
	b = a;
	b.verb = CLI_SHOW_MAP_JSON;
	assert_false(cli_cmd_equal(&a, &b));
	cli_cmd_release(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_command),  cmocka_unit_test(test_missing_and_extra_words),
	    cmocka_unit_test(test_group_numbers),  cmocka_unit_test(test_quoting_errors),
	    cmocka_unit_test(test_empty),	   cmocka_unit_test(test_long_input),
	    cmocka_unit_test(test_binary_input),   cmocka_unit_test(test_changes_state),
	    cmocka_unit_test(test_verb_names),	   cmocka_unit_test(test_usage),
	    cmocka_unit_test(test_format_refuses), cmocka_unit_test(test_equal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
