// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * blacklist / blacklist_exceptions: every category, exceptions, '!'
 * negation, product_blacklist, udev properties (through a fake libudev:
 * tests/wraps/test_blacklist.mk).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <libudev.h>

#include "blacklist.h"
#include "config/config.h"
#include "structs.h"

/* ---- fake udev device: a list of property names ---- */

struct udev_list_entry {
	const char *name;
	struct udev_list_entry *next;
};

struct udev_device {
	struct udev_list_entry props[8];
};

/* A device with the given property names (NULL-terminated). */
static struct udev_device *fake_dev(struct udev_device *ud, const char *const *names)
{
	size_t n = 0;

	memset(ud, 0, sizeof(*ud));
	for (; names[n]; n++) {
		ud->props[n].name = names[n];
		if (n)
			ud->props[n - 1].next = &ud->props[n];
	}
	return ud;
}

struct udev_list_entry *__wrap_udev_device_get_properties_list_entry(struct udev_device *ud);
struct udev_list_entry *__wrap_udev_device_get_properties_list_entry(struct udev_device *ud)
{
	return ud->props[0].name ? &ud->props[0] : NULL;
}

/* initialized by udev unless the test says otherwise */
static int initialized = 1;
int __wrap_udev_device_get_is_initialized(struct udev_device *ud);
int __wrap_udev_device_get_is_initialized(struct udev_device *ud)
{
	(void)ud;
	return initialized;
}

struct udev_list_entry *__wrap_udev_list_entry_get_next(struct udev_list_entry *le);
struct udev_list_entry *__wrap_udev_list_entry_get_next(struct udev_list_entry *le)
{
	return le->next;
}

const char *__wrap_udev_list_entry_get_name(struct udev_list_entry *le);
const char *__wrap_udev_list_entry_get_name(struct udev_list_entry *le)
{
	return le->name;
}

/* ---- helpers ---- */

static struct config *load(const char *text)
{
	struct config *conf = NULL;
	struct diags d = {0};

	assert_int_equal(config_load_text(text, strlen(text), "t.conf", &d, &conf), 0);
	for (size_t i = 0; i < d.msgs.n; i++)
		fprintf(stderr, "diag: %s\n", d.msgs.items[i]);
	assert_int_equal(d.errors, 0);
	diags_release(&d);
	return conf;
}

static struct path mkpath(const char *dev, const char *vendor, const char *product,
			  const char *wwid)
{
	struct path p;

	memset(&p, 0, sizeof(p));
	strlcpy_trunc(p.dev, dev, sizeof(p.dev));
	strlcpy_trunc(p.vendor, vendor, sizeof(p.vendor));
	strlcpy_trunc(p.product, product, sizeof(p.product));
	strlcpy_trunc(p.wwid, wwid, sizeof(p.wwid));
	return p;
}

/* ---- devnode ---- */

static void test_devnode_builtin(void **state)
{
	struct config *conf = load("");
	/* multipath-tools' rule: every name but SCSI disks, DASDs and NVMe */
	static const char *const listed[] = {"ram0", "zram1", "loop7", "dm-3",	 "sr0",	  "md127",
					     "nbd2", "hda",   "vdb",   "fd0",	 "dm",	  "mmcblk0",
					     "xvda", "sg0",   "st0",   "nvme-fabrics"};
	static const char *const kept[] = {"sda", "sdaa", "dasda", "nvme0n1", "nvme12c3n1"};

	(void)state;
	for (size_t i = 0; i < sizeof(listed) / sizeof(listed[0]); i++)
		assert_int_equal(blacklist_devnode(conf, listed[i]), MATCH_BLACKLIST);
	for (size_t i = 0; i < sizeof(kept) / sizeof(kept[0]); i++)
		assert_int_equal(blacklist_devnode(conf, kept[i]), MATCH_NOTHING);
	assert_int_equal(blacklist_devnode(conf, ""), MATCH_NOTHING);
	config_free(conf);
}

static void test_devnode_exceptions_and_negation(void **state)
{
	struct config *conf = load("blacklist {\n"
				   "	devnode \"^sd\"\n"
				   "}\n"
				   "blacklist_exceptions {\n"
				   "	devnode \"^sd[b-c]$\"\n"
				   "	devnode \"^loop1$\"\n"
				   "}\n");
	struct config *neg = load("blacklist {\n"
				  "	devnode \"!^sd[a-z]+$\"\n"
				  "}\n"
				  "blacklist_exceptions {\n"
				  "	devnode \"!^sdz$\"\n"
				  "}\n");

	(void)state;
	assert_int_equal(blacklist_devnode(conf, "sda"), MATCH_BLACKLIST);
	assert_int_equal(blacklist_devnode(conf, "sdb"), MATCH_EXCEPTION);
	assert_int_equal(blacklist_devnode(conf, "sdc"), MATCH_EXCEPTION);
	assert_int_equal(blacklist_devnode(conf, "sdcd"), MATCH_BLACKLIST);
	/* an exception also lifts the built-in blacklist */
	assert_int_equal(blacklist_devnode(conf, "loop1"), MATCH_EXCEPTION);
	assert_int_equal(blacklist_devnode(conf, "loop2"), MATCH_BLACKLIST);
	assert_int_equal(blacklist_devnode(conf, "nvme0n1"), MATCH_NOTHING);

	/* '!' blacklists all but sd*; the negated exception excepts all but sdz */
	assert_int_equal(blacklist_devnode(neg, "nvme0n1"), MATCH_EXCEPTION);
	assert_int_equal(blacklist_devnode(neg, "sdz"), MATCH_NOTHING);
	config_free(conf);
	config_free(neg);

	neg = load("blacklist {\n"
		   "	devnode \"!^sd[a-z]+$\"\n"
		   "}\n");
	assert_int_equal(blacklist_devnode(neg, "nvme0n1"), MATCH_BLACKLIST);
	assert_int_equal(blacklist_devnode(neg, "sdq"), MATCH_NOTHING);
	config_free(neg);
}

/* ---- wwid ---- */

static void test_wwid(void **state)
{
	struct config *conf = load("blacklist {\n"
				   "	wwid \".*\"\n"
				   "}\n"
				   "blacklist_exceptions {\n"
				   "	wwid \"^3600a098\"\n"
				   "}\n");
	struct config *neg = load("blacklist {\n"
				  "	wwid \"!^36001405\"\n"
				  "}\n");

	(void)state;
	assert_int_equal(blacklist_wwid(conf, "3600a0980383030"), MATCH_EXCEPTION);
	assert_int_equal(blacklist_wwid(conf, "36001405aabbcc"), MATCH_BLACKLIST);
	assert_int_equal(blacklist_wwid(conf, ""), MATCH_NOTHING);
	assert_int_equal(blacklist_wwid(neg, "36001405aabbcc"), MATCH_NOTHING);
	assert_int_equal(blacklist_wwid(neg, "3600a0980383030"), MATCH_BLACKLIST);
	config_free(conf);
	config_free(neg);
}

/* ---- device ---- */

static void test_device(void **state)
{
	struct config *conf = load("blacklist {\n"
				   "	device {\n"
				   "		vendor \"^ACME\"\n"
				   "		product \"^T10\"\n"
				   "	}\n"
				   "	device {\n"
				   "		vendor \"^DGC$\"\n"
				   "	}\n"
				   "	device {\n"
				   "		product \"!^[A-Z]\"\n"
				   "	}\n"
				   "}\n"
				   "blacklist_exceptions {\n"
				   "	device {\n"
				   "		vendor \"DGC\"\n"
				   "		product \"^VRAID$\"\n"
				   "	}\n"
				   "}\n");

	(void)state;
	assert_int_equal(blacklist_device(conf, "ACME", "T10ONLY"), MATCH_BLACKLIST);
	assert_int_equal(blacklist_device(conf, "ACME", "EUI64"), MATCH_NOTHING);
	/* a vendor-only entry: every product */
	assert_int_equal(blacklist_device(conf, "DGC", "RAID 5"), MATCH_BLACKLIST);
	assert_int_equal(blacklist_device(conf, "DGC", "VRAID"), MATCH_EXCEPTION);
	/* a negated product-only entry: products not starting with a capital */
	assert_int_equal(blacklist_device(conf, "Linux", "scsi_debug"), MATCH_BLACKLIST);
	assert_int_equal(blacklist_device(conf, "Linux", "Scsi_debug"), MATCH_NOTHING);
	/* nothing known about the device: nothing to match */
	assert_int_equal(blacklist_device(conf, "", ""), MATCH_NOTHING);
	assert_int_equal(blacklist_device(conf, NULL, NULL), MATCH_NOTHING);
	config_free(conf);
}

static void test_product_blacklist(void **state)
{
	struct config *conf = load("devices {\n"
				   "	device {\n"
				   "		vendor \"^ACME\"\n"
				   "		product \".*\"\n"
				   "		product_blacklist \"^Universal Xport\"\n"
				   "	}\n"
				   "}\n");
	struct config *exc = load("devices {\n"
				  "	device {\n"
				  "		vendor \"^ACME\"\n"
				  "		product \".*\"\n"
				  "		product_blacklist \"^Universal Xport\"\n"
				  "	}\n"
				  "}\n"
				  "blacklist_exceptions {\n"
				  "	device {\n"
				  "		vendor \"ACME\"\n"
				  "		product \"Universal\"\n"
				  "	}\n"
				  "}\n");

	(void)state;
	assert_int_equal(blacklist_device(conf, "ACME", "Universal Xport"), MATCH_BLACKLIST);
	assert_int_equal(blacklist_device(conf, "ACME", "FlashArray"), MATCH_NOTHING);
	assert_int_equal(blacklist_device(conf, "OTHER", "Universal Xport"), MATCH_NOTHING);
	assert_int_equal(blacklist_device(exc, "ACME", "Universal Xport"), MATCH_EXCEPTION);
	config_free(conf);
	config_free(exc);
}

/* ---- protocol ---- */

static void test_protocol(void **state)
{
	struct config *conf = load("blacklist {\n"
				   "	protocol \"^scsi:\"\n"
				   "}\n"
				   "blacklist_exceptions {\n"
				   "	protocol \"scsi:iscsi\"\n"
				   "}\n");

	(void)state;
	assert_int_equal(blacklist_protocol(conf, "scsi:fcp"), MATCH_BLACKLIST);
	assert_int_equal(blacklist_protocol(conf, "scsi:iscsi"), MATCH_EXCEPTION);
	assert_int_equal(blacklist_protocol(conf, "nvme:tcp"), MATCH_NOTHING);
	assert_int_equal(blacklist_protocol(conf, NULL), MATCH_NOTHING);
	assert_int_equal(blacklist_protocol(conf, ""), MATCH_NOTHING);
	/* a path's own protocol (discovery fills it) in the whole verdict */
	{
		struct path p = mkpath("sda", "GOOD", "LUN", "3600a");
		const char *reason = NULL;

		strcpy(p.protocol, "scsi:fcp");
		assert_int_equal(blacklist_path(conf, &p, NULL, &reason), MATCH_BLACKLIST);
		assert_string_equal(reason, "protocol blacklist");
		strcpy(p.protocol, "scsi:iscsi");
		assert_int_equal(blacklist_path(conf, &p, NULL, &reason), MATCH_EXCEPTION);
	}
	config_free(conf);
}

/* ---- udev properties ---- */

static void test_property(void **state)
{
	struct config *bl = load("blacklist {\n"
				 "	property \"^ID_CDROM\"\n"
				 "}\n");
	struct config *both = load("blacklist {\n"
				   "	property \"^ID_CDROM\"\n"
				   "}\n"
				   "blacklist_exceptions {\n"
				   "	property \"(SCSI_IDENT_|ID_WWN)\"\n"
				   "}\n");
	struct udev_device ud;
	static const char *const cdrom[] = {"DEVNAME", "ID_CDROM", "ID_BUS", NULL};
	static const char *const disk[] = {"DEVNAME", "ID_SERIAL", NULL};
	static const char *const wwn_cdrom[] = {"DEVNAME", "ID_CDROM", "ID_WWN", NULL};
	static const char *const none[] = {NULL};

	(void)state;
	assert_int_equal(blacklist_property(bl, NULL), MATCH_NOTHING);
	assert_int_equal(blacklist_property(bl, fake_dev(&ud, cdrom)), MATCH_BLACKLIST);
	/* the built-in exception (SCSI_IDENT_|ID_WWN): a disk without either
	 * property is blacklisted, one with ID_WWN excepted */
	assert_int_equal(blacklist_property(bl, fake_dev(&ud, disk)), MATCH_BLACKLIST);
	assert_int_equal(blacklist_property(bl, fake_dev(&ud, none)), MATCH_BLACKLIST);
	assert_int_equal(blacklist_property(bl, fake_dev(&ud, wwn_cdrom)), MATCH_EXCEPTION);
	/* with property exceptions, a device needs one of them */
	assert_int_equal(blacklist_property(both, fake_dev(&ud, disk)), MATCH_BLACKLIST);
	assert_int_equal(blacklist_property(both, fake_dev(&ud, none)), MATCH_BLACKLIST);
	/* the exception wins, even when the blacklisted property comes first */
	assert_int_equal(blacklist_property(both, fake_dev(&ud, wwn_cdrom)), MATCH_EXCEPTION);
	assert_int_equal(blacklist_property(both, NULL), MATCH_NOTHING);
	config_free(bl);
	config_free(both);
}

/* ---- all categories for a path ---- */

static void test_path(void **state)
{
	struct config *conf = load("blacklist {\n"
				   "	devnode \"^sdc$\"\n"
				   "	wwid \"^3600bad\"\n"
				   "	device {\n"
				   "		vendor \"^BAD\"\n"
				   "	}\n"
				   "}\n"
				   "blacklist_exceptions {\n"
				   "	wwid \"^3600c\"\n"
				   "	wwid \"^3600e\"\n"
				   "	property \"^ID_WWN$\"\n"
				   "}\n");
	struct udev_device ud;
	static const char *const wwn[] = {"ID_WWN", NULL};
	static const char *const nowwn[] = {"ID_SERIAL", NULL};
	const char *reason = "untouched";
	struct path p;

	(void)state;
	p = mkpath("sda", "GOOD", "LUN", "3600a");
	assert_int_equal(blacklist_path(conf, &p, NULL, &reason), MATCH_NOTHING);
	assert_string_equal(reason, "untouched");
	/* a wwid exception does not lift a devnode blacklist */
	p = mkpath("sdc", "GOOD", "LUN", "3600c");
	assert_int_equal(blacklist_path(conf, &p, NULL, &reason), MATCH_BLACKLIST);
	assert_string_equal(reason, "devnode blacklist");
	p = mkpath("sdd", "BAD", "LUN", "3600e");
	assert_int_equal(blacklist_path(conf, &p, NULL, &reason), MATCH_BLACKLIST);
	assert_string_equal(reason, "device blacklist");
	p = mkpath("sde", "GOOD", "LUN", "3600bad1");
	assert_int_equal(blacklist_path(conf, &p, NULL, &reason), MATCH_BLACKLIST);
	assert_string_equal(reason, "wwid blacklist");
	p = mkpath("sdf", "GOOD", "LUN", "3600e1");
	assert_int_equal(blacklist_path(conf, &p, NULL, NULL), MATCH_EXCEPTION);
	assert_int_equal(blacklist_path(conf, &p, fake_dev(&ud, wwn), NULL), MATCH_EXCEPTION);
	assert_int_equal(blacklist_path(conf, &p, fake_dev(&ud, nowwn), &reason), MATCH_BLACKLIST);
	assert_string_equal(reason, "udev property missing");
	/* the first add event, udev rules still running: not judged by what
	 * later rules will set */
	initialized = 0;
	reason = "untouched";
	assert_int_equal(blacklist_path(conf, &p, fake_dev(&ud, nowwn), &reason), MATCH_EXCEPTION);
	assert_string_equal(reason, "untouched");
	initialized = 1;
	/* built-in devnode blacklist; vendor/product unknown */
	p = mkpath("loop0", "", "", "");
	assert_int_equal(blacklist_path(conf, &p, NULL, &reason), MATCH_BLACKLIST);
	assert_string_equal(reason, "devnode blacklist");
	config_free(conf);

	conf = load("blacklist {\n"
		    "	property \"^ID_CDROM$\"\n"
		    "}\n");
	{
		static const char *const cd[] = {"ID_CDROM", NULL};

		p = mkpath("sdx", "", "", "");
		assert_int_equal(blacklist_path(conf, &p, fake_dev(&ud, cd), &reason),
				 MATCH_BLACKLIST);
		assert_string_equal(reason, "udev property blacklist");
	}
	config_free(conf);
}

/* Many threads on one config: matching shares the config's compiled regexes. */
static void *hammer(void *arg)
{
	const struct config *conf = arg;

	for (int i = 0; i < 2000; i++) {
		char name[16];

		snprintf(name, sizeof(name), "sd%c", 'a' + i % 26);
		if (blacklist_devnode(conf, name) != MATCH_BLACKLIST ||
		    blacklist_devnode(conf, "nvme0n1") != MATCH_NOTHING ||
		    blacklist_wwid(conf, "36001405x") != MATCH_EXCEPTION)
			return (void *)1;
	}
	return NULL;
}

static void test_threads(void **state)
{
	struct config *conf = load("blacklist {\n"
				   "	devnode \"^sd[a-z]$\"\n"
				   "	wwid \".\"\n"
				   "}\n"
				   "blacklist_exceptions {\n"
				   "	wwid \"^36001405\"\n"
				   "}\n");
	pthread_t t[8];
	void *rc;

	(void)state;
	for (size_t i = 0; i < 8; i++)
		assert_int_equal(pthread_create(&t[i], NULL, hammer, conf), 0);
	for (size_t i = 0; i < 8; i++) {
		assert_int_equal(pthread_join(t[i], &rc), 0);
		assert_null(rc);
	}
	config_free(conf);
}

/* ---- the regexes belong to their config ---- */

/* Two configs whose entries have the same texts with opposite roles. */
static const char conf_a[] = "blacklist {\n"
			     "	devnode \"^sd[a-c]$\"\n"
			     "	wwid \"!^3600a\"\n"
			     "}\n";
static const char conf_b[] = "blacklist {\n"
			     "	devnode \"^sd\"\n"
			     "	wwid \"^3600a\"\n"
			     "}\n"
			     "blacklist_exceptions {\n"
			     "	devnode \"^sd[a-c]$\"\n"
			     "}\n";

static void check_a(const struct config *a)
{
	assert_int_equal(blacklist_devnode(a, "sdb"), MATCH_BLACKLIST);
	assert_int_equal(blacklist_devnode(a, "sdd"), MATCH_NOTHING);
	assert_int_equal(blacklist_wwid(a, "3600a01"), MATCH_NOTHING);
	assert_int_equal(blacklist_wwid(a, "3600b01"), MATCH_BLACKLIST);
}

static void check_b(const struct config *b)
{
	assert_int_equal(blacklist_devnode(b, "sdb"), MATCH_EXCEPTION);
	assert_int_equal(blacklist_devnode(b, "sdd"), MATCH_BLACKLIST);
	assert_int_equal(blacklist_wwid(b, "3600a01"), MATCH_BLACKLIST);
	assert_int_equal(blacklist_wwid(b, "3600b01"), MATCH_NOTHING);
}

/* Load and free in every order: each config keeps its own answers (under
 * ASan a regex freed with another config would be a use after free). */
static void test_two_configs(void **state)
{
	struct config *a = load(conf_a), *b = load(conf_b), *c;

	(void)state;
	check_a(a);
	check_b(b);
	config_free(a);
	check_b(b);
	a = load(conf_a);
	check_a(a);
	config_free(b);
	check_a(a);
	c = load(conf_b);
	check_b(c);
	check_a(a);
	b = load(conf_b);
	config_free(c);
	check_b(b);
	config_free(b);
	check_a(a);
	config_free(a);
}

struct reader {
	const struct config *conf;
	void (*check)(const struct config *);
};

static void *read_loop(void *arg)
{
	const struct reader *r = arg;

	for (int i = 0; i < 300; i++)
		r->check(r->conf);
	return NULL;
}

/* Readers of one config while others are loaded and freed (a reconfigure). */
static void test_reconfigure_under_readers(void **state)
{
	struct config *a = load(conf_a);
	struct reader r = {a, check_a};
	pthread_t t[3];

	(void)state;
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(pthread_create(&t[i], NULL, read_loop, &r), 0);
	for (int i = 0; i < 30; i++) {
		struct config *b = load(i % 2 ? conf_b : conf_a);

		if (i % 2)
			check_b(b);
		else
			check_a(b);
		config_free(b);
	}
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(pthread_join(t[i], NULL), 0);
	config_free(a);
}

/* An entry whose regex did not compile matches nothing, negated or not.
 * The parser refuses such regexes, so uncompile two by hand. */
static void test_uncompiled_matches_nothing(void **state)
{
	struct config *conf = load("blacklist {\n"
				   "	devnode \"!^sd\"\n"
				   "	devnode \"^nvme\"\n"
				   "	wwid \".\"\n"
				   "}\n");
	struct bl_regex_vec *v = &conf->blist.devnode;
	size_t n = v->n;

	(void)state;
	assert_int_equal(blacklist_devnode(conf, "nvme0n1"), MATCH_BLACKLIST);
	assert_int_equal(blacklist_devnode(conf, "xyz0"), MATCH_BLACKLIST);
	for (size_t i = n - 2; i < n; i++) {
		assert_true(v->items[i]->comp.compiled);
		regfree(&v->items[i]->comp.re);
		v->items[i]->comp.compiled = false;
	}
	assert_int_equal(blacklist_devnode(conf, "nvme0n1"), MATCH_NOTHING);
	/* xyz0 is still blacklisted by the built-in device-name rule */
	assert_int_equal(blacklist_devnode(conf, "xyz0"), MATCH_BLACKLIST);
	assert_int_equal(blacklist_devnode(conf, "sda"), MATCH_NOTHING);
	/* the other entries still work */
	assert_int_equal(blacklist_devnode(conf, "loop0"), MATCH_BLACKLIST);
	assert_int_equal(blacklist_wwid(conf, "3600a"), MATCH_BLACKLIST);
	config_free(conf);
}

/* product_blacklist with a negated vendor: every other vendor. */
static void test_product_blacklist_negated_vendor(void **state)
{
	struct config *conf = load("devices {\n"
				   "	device {\n"
				   "		vendor \"!^ACME\"\n"
				   "		product \".*\"\n"
				   "		product_blacklist \"^Universal\"\n"
				   "	}\n"
				   "}\n");

	(void)state;
	assert_int_equal(blacklist_device(conf, "OTHER", "Universal Xport"), MATCH_BLACKLIST);
	assert_int_equal(blacklist_device(conf, "ACME", "Universal Xport"), MATCH_NOTHING);
	assert_int_equal(blacklist_device(conf, "OTHER", "FlashArray"), MATCH_NOTHING);
	config_free(conf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_devnode_builtin),
	    cmocka_unit_test(test_devnode_exceptions_and_negation),
	    cmocka_unit_test(test_wwid),
	    cmocka_unit_test(test_device),
	    cmocka_unit_test(test_product_blacklist),
	    cmocka_unit_test(test_protocol),
	    cmocka_unit_test(test_property),
	    cmocka_unit_test(test_path),
	    cmocka_unit_test(test_threads),
	    cmocka_unit_test(test_two_configs),
	    cmocka_unit_test(test_reconfigure_under_readers),
	    cmocka_unit_test(test_uncompiled_matches_nothing),
	    cmocka_unit_test(test_product_blacklist_negated_vendor),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
