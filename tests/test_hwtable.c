// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The built-in hardware table (libmultipath/config/hwtable.c): it parses
 * without a diagnostic, has at least 100 entries, each entry's regexes
 * compile and its values are valid keyword values that print back, each
 * entry matches its sample INQUIRY strings, each entry in the source names
 * where its values come from, scsi_debug has no entry, and a set of arrays
 * resolve to the values multipath-tools 0.9.4 applies to them.
 *
 * HWTABLE_PRINT=1 in the environment prints the table (`multipath -t`'s
 * devices section) on stdout.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config/config.h"
#include "util/strbuf.h"

enum { MAX_FOUND = 16 };

static size_t nsamples(void)
{
	size_t n = 0;

	while (hwtable_samples[n].vendor)
		n++;
	return n;
}

static struct config *load_builtin(void)
{
	struct diags d = {0};
	struct config *conf = NULL;

	assert_int_equal(config_load_text("", 0, "empty.conf", &d, &conf), 0);
	assert_int_equal(d.msgs.n, 0);
	diags_release(&d);
	return conf;
}

/* The table's text read as a configuration file: every value is checked by
 * the same code as a file's, and any problem is a diagnostic. */
static void test_parses_without_diagnostics(void **state)
{
	struct diags d = {0};
	struct config *conf = NULL;

	(void)state;
	assert_int_equal(
		config_load_text(builtin_hwtable, strlen(builtin_hwtable), "hwtable", &d, &conf),
		0);
	for (size_t i = 0; i < d.msgs.n; i++)
		print_message("%s\n", d.msgs.items[i]);
	assert_int_equal(d.msgs.n, 0);
	config_free(conf);
	diags_release(&d);
}

static void test_size_and_samples(void **state)
{
	struct config *conf = load_builtin();

	(void)state;
	assert_true(conf->hwtable.n >= 100);
	/* no two entries with the same vendor/product (they would merge) */
	assert_int_equal(conf->hwtable.n, nsamples());
	for (size_t i = 0; i < conf->hwtable.n; i++) {
		const struct hwentry *h = conf->hwtable.items[i];
		const struct hwentry *found[MAX_FOUND];
		size_t n;
		bool hit = false;

		assert_true(h->builtin);
		if (!h->compiled || h->bad_regex)
			fail_msg("entry %zu \"%s\" \"%s\": regex does not compile", i, h->p.vendor,
				 h->p.product);
		n = config_find_hwentries(conf, hwtable_samples[i].vendor,
					  hwtable_samples[i].product, NULL, found,
					  MAX_FOUND);
		for (size_t k = 0; k < n && k < MAX_FOUND; k++)
			hit |= found[k] == h;
		if (!hit)
			fail_msg("entry %zu \"%s\" \"%s\" does not match its sample \"%s\" \"%s\"", i,
				 h->p.vendor, h->p.product, hwtable_samples[i].vendor,
				 hwtable_samples[i].product);
	}
	config_free(conf);
}

/* Every value an entry sets prints and parses back to the same value. */
static void test_values_valid(void **state)
{
	struct config *conf = load_builtin();

	(void)state;
	for (size_t i = 0; i < conf->hwtable.n; i++) {
		const struct hwentry *h = conf->hwtable.items[i];

		for (size_t k = 0; k < KW_COUNT; k++) {
			struct props tmp = {0};
			STRBUF_AUTO(a);
			STRBUF_AUTO(b);
			STRBUF_AUTO(why);
			const char *text;

			if (!props_is_set(&h->p, (enum kw_id)k))
				continue;
			assert_true(keywords[k].sections & SEC_DEVICE);
			assert_true(keyword_format_value(&keywords[k], &h->p, &a) >= 0);
			text = strbuf_str(&a);
			if (keyword_set(&keywords[k], &tmp, text, &why) < 0)
				fail_msg("entry %zu: %s %s: %s", i, keywords[k].name, text,
					 strbuf_str(&why));
			keyword_format_value(&keywords[k], &tmp, &b);
			assert_string_equal(strbuf_str(&a), strbuf_str(&b));
			props_release(&tmp);
		}
	}
	config_free(conf);
}

/* The test target is not in the table: tests configure scsi_debug. */
static void test_no_scsi_debug(void **state)
{
	struct config *conf = load_builtin();
	const struct hwentry *found[2];

	(void)state;
	assert_int_equal(config_find_hwentries(conf, "Linux", "scsi_debug", "0191", found, 2), 0);
	assert_null(strstr(builtin_hwtable, "scsi_debug"));
	config_free(conf);
}

/* Whether a source comment names where the entry's values come from: a
 * document (an address, a label of the header's list, a named guide or
 * multipath.conf(5)) or says that no vendor document was found. */
static bool comment_names_source(const char *c)
{
	static const char *const marks[] = {
		"http", "[E-Series]", "[HPDM]", "[SVC]", "README.alua", "multipath.conf(5)",
		"no vendor document found", "Guide", "Settings", "multipath-tools 0.9.4",
	};

	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (strstr(c, marks[i]))
			return true;
	return false;
}

/* The keywords an entry without a vendor document may set: identity and
 * what multipath.conf(5) documents for the array's mode. */
static bool generic_keyword(const char *kwline)
{
	static const char *const allowed[] = {
		"vendor ",	  "product ",	       "product_blacklist ", "path_grouping_policy ",
		"prio ",	  "failback ",	       "path_checker ",	     "hardware_handler ",
		"uid_attribute ",
	};

	for (size_t i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
		if (strncmp(kwline, allowed[i], strlen(allowed[i])) == 0)
			return true;
	return false;
}

/* Append one source line of a comment to text as running prose: without the
 * leading blanks and the comment opener or continuation star, the line
 * break turned into a space, so that a phrase wrapped over two lines is
 * found. */
static void append_comment_line(char *text, size_t size, const char *line)
{
	size_t len, room;

	line += strspn(line, " \t");
	if (line[0] == '/' && line[1] == '*')
		line += 2;
	else if (line[0] == '*' && line[1] != '/')
		line++;
	line += strspn(line, " ");
	len = strcspn(line, "\n");
	if (text[0] && strlen(text) + 1 < size)
		strcat(text, " ");
	room = size - strlen(text) - 1;
	strncat(text, line, len < room ? len : room);
}

/* In the source, each device entry follows a comment (one or more lines)
 * naming its source; every "no vendor document found" entry keeps to the
 * generic keywords, unless its values are those observed from multipath-tools
 * 0.9.4. */
static void test_entries_name_sources(void **state)
{
	FILE *f = fopen("libmultipath/config/hwtable.c", "r");
	char line[512];
	char comment[2048] = "";
	bool in_comment = false, comment_just_ended = false, generic_only = false;
	size_t entries = 0;

	(void)state;
	if (!f)
		skip();
	while (fgets(line, sizeof(line), f)) {
		if (strstr(line, "\t/* ") == line) {
			comment[0] = '\0';
			in_comment = true;
		}
		if (in_comment) {
			append_comment_line(comment, sizeof(comment), line);
			if (strstr(line, "*/")) {
				in_comment = false;
				comment_just_ended = true;
			}
			continue;
		}
		if (generic_only && strstr(line, "\"\t\t") == line + 1 &&
		    !generic_keyword(line + 4))
			fail_msg("device entry %zu has no document but sets %s", entries, line);
		if (strstr(line, "\"\t}\\n\""))
			generic_only = false;
		if (strstr(line, "\"\tdevice {\\n\"")) {
			entries++;
			generic_only = strstr(comment, "no vendor document found") &&
				       !strstr(comment, "observed with `multipath -t`");
			if (!comment_just_ended || strlen(comment) < 20)
				fail_msg("device entry %zu has no source comment before it", entries);
			if (!comment_names_source(comment))
				fail_msg("device entry %zu: comment names no source: %s", entries,
					 comment);
		}
		comment_just_ended = false;
	}
	fclose(f);
	assert_int_equal(entries, nsamples());
}

/*
 * What multipath-tools 0.9.4 (Debian 12, 0.9.4-3+deb12u2) applies to a few
 * arrays from its built-in table: observed by running its `multipath -t` with
 * an empty multipath.conf in the test VM, merging every entry that matches
 * the sample strings (the last matching entry wins per keyword). Hard-coded
 * here as the expectation. `extra` lists the keywords our entry also sets
 * because the vendor document its comment cites sets them (0.9.4 leaves them
 * to the defaults).
 */
struct observed {
	const char *vendor, *product;
	const char *kv[16][2]; /* keyword, value as printed without quotes */
	const char *extra[8];
};

static const struct observed observed_0_9_4[] = {
	{"EMC", "SYMMETRIX", {{"path_grouping_policy", "multibus"}, {"no_path_retry", "6"}}, {NULL}},
	{"XtremIO", "XtremApp", {{"path_grouping_policy", "multibus"}}, {NULL}},
	{"3PARdata", "VV",
	 {{"path_grouping_policy", "group_by_prio"}, {"hardware_handler", "1 alua"},
	  {"prio", "alua"}, {"failback", "immediate"}, {"no_path_retry", "18"},
	  {"fast_io_fail_tmo", "10"}, {"dev_loss_tmo", "infinity"}, {"vpd_vendor", "hp3par"}},
	 {"rr_weight", "rr_min_io_rq", "detect_prio"}},
	{"NETAPP", "LUN C-Mode",
	 {{"path_grouping_policy", "group_by_prio"}, {"features", "2 pg_init_retries 50"},
	  {"prio", "ontap"}, {"failback", "immediate"}, {"no_path_retry", "queue"},
	  {"flush_on_last_del", "yes"}, {"dev_loss_tmo", "infinity"},
	  {"user_friendly_names", "no"}}, {NULL}},
	{"PURE", "FlashArray",
	 {{"path_grouping_policy", "group_by_prio"}, {"hardware_handler", "1 alua"},
	  {"prio", "alua"}, {"failback", "immediate"}, {"fast_io_fail_tmo", "10"}},
	 {"path_selector", "detect_prio", "rr_min_io_rq", "no_path_retry", "dev_loss_tmo"}},
	{"IBM", "2145",
	 {{"path_grouping_policy", "group_by_prio"}, {"prio", "alua"}, {"failback", "immediate"},
	  {"no_path_retry", "queue"}}, {NULL}},
	/* RDAC, with the Universal Xport LUN excluded */
	{"DELL", "MD32xx",
	 {{"product_blacklist", "Universal Xport"}, {"path_grouping_policy", "group_by_prio"},
	  {"path_checker", "rdac"}, {"features", "2 pg_init_retries 50"},
	  {"hardware_handler", "1 rdac"}, {"prio", "rdac"}, {"failback", "immediate"},
	  {"no_path_retry", "30"}}, {NULL}},
	/* an NVMe array entry refines the generic NVMe entry */
	{"NVME", "HPE Alletra 9000",
	 {{"path_grouping_policy", "group_by_prio"}, {"uid_attribute", "ID_WWN"},
	  {"path_checker", "none"}, {"failback", "immediate"}, {"no_path_retry", "queue"}}, {NULL}},
	/* ^DF600F refines ^DF, which comes before it */
	{"HITACHI", "DF600F",
	 {{"path_grouping_policy", "multibus"}, {"prio", "hds"}, {"failback", "immediate"},
	  {"no_path_retry", "queue"}}, {NULL}},
	{"NFINIDAT", "InfiniBox",
	 {{"path_grouping_policy", "group_by_prio"}, {"path_selector", "round-robin 0"},
	  {"prio", "alua"}, {"failback", "30"}, {"rr_weight", "priorities"},
	  {"no_path_retry", "fail"}, {"rr_min_io", "1"}, {"rr_min_io_rq", "1"},
	  {"flush_on_last_del", "yes"}, {"fast_io_fail_tmo", "15"}, {"dev_loss_tmo", "15"}}, {NULL}},
};

/* The value of keyword k that the built-in entries matching vendor/product
 * give (the first of found[] that sets it), or NULL. */
static bool resolve_builtin(const struct hwentry *const *found, size_t n, size_t k,
			    struct strbuf *out)
{
	for (size_t i = 0; i < n; i++) {
		if (!props_is_set(&found[i]->p, (enum kw_id)k))
			continue;
		assert_true(keyword_format_value(&keywords[k], &found[i]->p, out) >= 0);
		return true;
	}
	return false;
}

static const char *observed_value(const struct observed *o, const char *name)
{
	for (size_t i = 0; i < 16 && o->kv[i][0]; i++)
		if (!strcmp(o->kv[i][0], name))
			return o->kv[i][1];
	return NULL;
}

static bool is_extra(const struct observed *o, const char *name)
{
	for (size_t i = 0; i < 8 && o->extra[i]; i++)
		if (!strcmp(o->extra[i], name))
			return true;
	return false;
}

static void test_same_as_0_9_4(void **state)
{
	struct config *conf = load_builtin();

	(void)state;
	for (size_t a = 0; a < sizeof(observed_0_9_4) / sizeof(observed_0_9_4[0]); a++) {
		const struct observed *o = &observed_0_9_4[a];
		const struct hwentry *found[MAX_FOUND];
		size_t n = config_find_hwentries(conf, o->vendor, o->product, NULL, found,
						 MAX_FOUND);

		assert_true(n > 0 && n <= MAX_FOUND);
		for (size_t k = 0; k < KW_COUNT; k++) {
			const char *name = keywords[k].name;
			const char *want = observed_value(o, name);
			STRBUF_AUTO(got);
			bool set;

			if (!strcmp(name, "vendor") || !strcmp(name, "product"))
				continue;
			set = resolve_builtin(found, n, k, &got);
			if (want && (!set || strcmp(strbuf_str(&got), want)))
				fail_msg("%s %s: %s is \"%s\", 0.9.4 has \"%s\"", o->vendor,
					 o->product, name, set ? strbuf_str(&got) : "(unset)",
					 want);
			if (!want && set && !is_extra(o, name))
				fail_msg("%s %s: %s \"%s\" set, 0.9.4 leaves it to the defaults",
					 o->vendor, o->product, name, strbuf_str(&got));
			if (!want && !set && is_extra(o, name))
				fail_msg("%s %s: %s listed as a document's extra but not set",
					 o->vendor, o->product, name);
		}
	}
	config_free(conf);
}

/* Printed, the table parses back to the same table. */
static void test_prints_back(void **state)
{
	struct config *conf = load_builtin(), *again = NULL;
	struct diags d = {0};
	STRBUF_AUTO(out);
	STRBUF_AUTO(out2);

	(void)state;
	assert_int_equal(config_print(conf, false, &out), 0);
	if (getenv("HWTABLE_PRINT"))
		fputs(strbuf_str(&out), stdout);
	assert_int_equal(config_load_text(strbuf_str(&out), out.len, "printed", &d, &again), 0);
	assert_int_equal(d.msgs.n, 0);
	assert_int_equal(again->hwtable.n, conf->hwtable.n);
	assert_int_equal(config_print(again, false, &out2), 0);
	assert_string_equal(strbuf_str(&out), strbuf_str(&out2));
	config_free(again);
	config_free(conf);
	diags_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parses_without_diagnostics),
		cmocka_unit_test(test_size_and_samples),
		cmocka_unit_test(test_values_valid),
		cmocka_unit_test(test_no_scsi_debug),
		cmocka_unit_test(test_entries_name_sources),
		cmocka_unit_test(test_prints_back),
		cmocka_unit_test(test_same_as_0_9_4),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
