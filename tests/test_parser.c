// SPDX-License-Identifier: GPL-2.0-or-later
/* multipath.conf syntax: tokens, quoting, comments, sections, errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "diag_assert.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "config/parser.h"

struct parsed {
	struct cnode *root;
	struct diags d;
};

static struct parsed parse(const char *text)
{
	struct parsed p = {0};

	assert_int_equal(conf_parse_text(text, strlen(text), "t.conf", &p.d, &p.root), 0);
	assert_non_null(p.root);
	return p;
}

static void parsed_free(struct parsed *p)
{
	cnode_free(p->root);
	diags_release(&p->d);
}

static const struct cnode *child(const struct cnode *n, size_t i)
{
	assert_true(i < n->children.n);
	return n->children.items[i];
}

static void test_sections_and_keywords(void **state)
{
	struct parsed p = parse("defaults {\n"
				"\tpolling_interval 10\n"
				"\tuid_attribute ID_SERIAL\n"
				"}\n"
				"devices {\n"
				"  device {\n"
				"    vendor \"Linux\"\n"
				"  }\n"
				"}\n");
	const struct cnode *def, *dev;

	(void)state;
	assert_int_equal(p.d.errors + p.d.warnings, 0);
	assert_int_equal(p.root->children.n, 2);
	def = child(p.root, 0);
	assert_true(def->section);
	assert_string_equal(def->key, "defaults");
	assert_int_equal(def->line, 1);
	assert_int_equal(def->children.n, 2);
	assert_string_equal(child(def, 0)->key, "polling_interval");
	assert_string_equal(child(def, 0)->value, "10");
	assert_int_equal(child(def, 0)->line, 2);
	assert_false(child(def, 0)->section);
	dev = child(child(p.root, 1), 0);
	assert_string_equal(dev->key, "device");
	assert_string_equal(child(dev, 0)->value, "Linux");
	assert_string_equal(child(dev, 0)->file, "t.conf");
	parsed_free(&p);
}

static void test_quoting(void **state)
{
	struct parsed p = parse("s {\n"
				"a \"two words\"\n"
				"b \"say \"\"hi\"\"\"\n"
				"c \"\"\n"
				"d \"# not a comment\"\n"
				"e \"{ not a brace }\"\n"
				"f \"!^sd\"\n"
				"}\n");
	const struct cnode *s = child(p.root, 0);

	(void)state;
	assert_int_equal(p.d.errors + p.d.warnings, 0);
	assert_string_equal(child(s, 0)->value, "two words");
	assert_string_equal(child(s, 1)->value, "say \"hi\"");
	assert_string_equal(child(s, 2)->value, "");
	assert_string_equal(child(s, 3)->value, "# not a comment");
	assert_string_equal(child(s, 4)->value, "{ not a brace }");
	assert_string_equal(child(s, 5)->value, "!^sd");
	parsed_free(&p);
}

static void test_comments_and_whitespace(void **state)
{
	struct parsed p = parse("# a comment\n"
				"! another\n"
				"\r\n"
				"s {   # trailing comment\n"
				"\tk\tv ! trailing\r\n"
				"\tw v#x\n"
				"}\n");
	const struct cnode *s = child(p.root, 0);

	(void)state;
	assert_int_equal(p.d.errors + p.d.warnings, 0);
	assert_int_equal(s->children.n, 2);
	assert_string_equal(child(s, 0)->value, "v");
	/* '#' only starts a comment at the start of a token */
	assert_string_equal(child(s, 1)->value, "v#x");
	assert_int_equal(child(s, 1)->line, 6);
	parsed_free(&p);
}

static void test_brace_on_next_line(void **state)
{
	struct parsed p = parse("defaults\n\n{\nk v\n}\n");

	(void)state;
	assert_int_equal(p.d.errors, 0);
	assert_true(child(p.root, 0)->section);
	assert_string_equal(child(child(p.root, 0), 0)->key, "k");
	parsed_free(&p);
}

static void test_missing_value(void **state)
{
	struct parsed p = parse("s {\nk\nj v\nl }\n");
	const struct cnode *s = child(p.root, 0);

	(void)state;
	assert_int_equal(p.d.errors, 2);
	assert_diag_contains(&p.d, "t.conf:2: error: keyword 'k' has no value");
	assert_diag_contains(&p.d, "t.conf:4: error: keyword 'l' has no value");
	assert_int_equal(s->children.n, 1);
	assert_string_equal(child(s, 0)->key, "j");
	parsed_free(&p);
}

static void test_extra_words(void **state)
{
	struct parsed p = parse("s {\nprio_args devname sdb 10\n}\n");

	(void)state;
	assert_int_equal(p.d.errors, 0);
	assert_int_equal(p.d.warnings, 1);
	assert_diag_contains(&p.d, "t.conf:2: warning: ignoring extra words after the value of 'prio_args', "
			"starting at 'sdb'");
	assert_string_equal(child(child(p.root, 0), 0)->value, "devname");
	parsed_free(&p);
}

static void test_unbalanced(void **state)
{
	struct parsed p = parse("}\na {\nb {\nk v\n}\n");

	(void)state;
	assert_diag_contains(&p.d, "t.conf:1: error: '}' without an open section");
	assert_diag_contains(&p.d, "t.conf:2: error: section 'a' is not closed");
	assert_int_equal(p.d.errors, 2);
	/* what was read is kept */
	assert_string_equal(child(child(child(p.root, 0), 0), 0)->value, "v");
	parsed_free(&p);
}

static void test_unterminated_quote(void **state)
{
	struct parsed p = parse("s {\nk \"abc\n}\n");

	(void)state;
	assert_diag_contains(&p.d, "t.conf:2: error: unterminated quoted string");
	/* the next line still closes the section */
	assert_int_equal(p.d.errors, 1);
	assert_string_equal(child(child(p.root, 0), 0)->value, "abc");
	parsed_free(&p);
}

static void test_nameless_and_deep(void **state)
{
	struct parsed p = parse("{\n}\na { b { c { d { e { f { g { h { i { k v } } } } } } } } }\n"
				"after { k v }\n");

	(void)state;
	assert_diag_contains(&p.d, "t.conf:1: error: '{' without a section name");
	assert_diag_contains(&p.d, "sections nested too deep at 'i'");
	/* braces stay balanced: the section after the deep one is top-level */
	assert_string_equal(child(p.root, p.root->children.n - 1)->key, "after");
	assert_string_equal(child(child(p.root, p.root->children.n - 1), 0)->value, "v");
	parsed_free(&p);
}

static void test_binary_input(void **state)
{
	static const char junk[] = "s {\0\0\"\x01\xff}\n}}}\"\"{{{\n\0";
	struct parsed p = {0};

	(void)state;
	assert_int_equal(conf_parse_text(junk, sizeof(junk), "junk", &p.d, &p.root), 0);
	assert_true(p.d.errors > 0);
	parsed_free(&p);
}

static void test_parse_file(void **state)
{
	char path[] = "/tmp/mpt-parser-XXXXXX";
	struct diags d = {0};
	struct cnode *root = NULL;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "a {\nk v\n}\n", 10), 10);
	close(fd);
	assert_int_equal(conf_parse_file(path, &d, &root), 0);
	assert_string_equal(child(child(root, 0), 0)->file, path);
	cnode_free(root);
	unlink(path);
	root = NULL;
	assert_int_equal(conf_parse_file(path, &d, &root), -ENOENT);
	assert_null(root);
	assert_int_equal(conf_parse_file("/", &d, &root), -EINVAL);
	diags_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sections_and_keywords),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_comments_and_whitespace),
		cmocka_unit_test(test_brace_on_next_line),
		cmocka_unit_test(test_missing_value),
		cmocka_unit_test(test_extra_words),
		cmocka_unit_test(test_unbalanced),
		cmocka_unit_test(test_unterminated_quote),
		cmocka_unit_test(test_nameless_and_deep),
		cmocka_unit_test(test_binary_input),
		cmocka_unit_test(test_parse_file),
	};

	return cmocka_run_group_tests_name("parser", tests, NULL, NULL);
}
