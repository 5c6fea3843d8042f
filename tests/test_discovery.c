// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Path discovery from captured and hand-built sysfs trees
 * (tests/fixtures/sysfs-*), with libudev replaced by a fake
 * (tests/wraps/test_discovery.mk: -Wl,--wrap=udev_...), and the SG_IO of
 * vpd_vendor answered by a fake (prio_dev_open, scsi_inquiry_vpd).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <libudev.h>

#include "blacklist.h"
#include "config/config.h"
#include "discovery.h"
#include "prioritizers/prio.h"
#include "scsi.h"
#include "structs.h"
#include "sysfs.h"

/* ---- fake libudev ---- */

enum { MAX_PROPS = 40, MAX_DEVS = 16 };

struct udev_list_entry {
	const char *name, *value;
	struct udev_list_entry *next;
};

struct udev_device {
	const char *syspath, *sysname, *devtype;
	struct udev_list_entry props[MAX_PROPS];
	size_t nprops;
	int prop_reads;	  /* calls of udev_device_get_property_value */
	char store[8192]; /* backing text of props loaded from a file */
};

struct udev_enumerate {
	struct udev_list_entry list[MAX_DEVS];
	size_t n;
};

static struct fake {
	struct udev_device devs[MAX_DEVS];
	size_t ndevs;
	struct udev_enumerate en;
	bool en_alloc_fails;
	int scan_rc;
	int created, unrefs, en_unrefs;
	bool matched_block, matched_disk;
} fake;

/* the vendor VPD page of vpd_vendor: answered when armed */
static struct fake_vpd {
	const unsigned char *page; /* answer to INQUIRY of page code */
	size_t len;
	uint8_t code;
	char opened[64]; /* the last device node opened */
	int opens, inquiries;
	unsigned timeout_ms;
} vpd;

int __wrap_prio_dev_open(const char *devnode);
int __real_prio_dev_open(const char *devnode);
int __wrap_scsi_inquiry_vpd(int fd, uint8_t page, uint8_t *buf, unsigned len,
			    unsigned timeout_ms);
int __real_scsi_inquiry_vpd(int fd, uint8_t page, uint8_t *buf, unsigned len,
			    unsigned timeout_ms);

int __wrap_prio_dev_open(const char *devnode)
{
	if (!vpd.page)
		return __real_prio_dev_open(devnode);
	vpd.opens++;
	snprintf(vpd.opened, sizeof(vpd.opened), "%s", devnode);
	return __real_prio_dev_open("/dev/null");
}

int __wrap_scsi_inquiry_vpd(int fd, uint8_t page, uint8_t *buf, unsigned len,
			    unsigned timeout_ms)
{
	size_t n = vpd.len < len ? vpd.len : len;

	if (!vpd.page)
		return __real_scsi_inquiry_vpd(fd, page, buf, len, timeout_ms);
	vpd.inquiries++;
	vpd.timeout_ms = timeout_ms;
	if (page != vpd.code)
		return -EIO; /* the device rejects other pages */
	memcpy(buf, vpd.page, n);
	return (int)n;
}

static void fake_reset(void)
{
	memset(&fake, 0, sizeof(fake));
	memset(&vpd, 0, sizeof(vpd));
}

static void dev_link_props(struct udev_device *ud)
{
	for (size_t i = 0; i < ud->nprops; i++)
		ud->props[i].next = i + 1 < ud->nprops ? &ud->props[i + 1] : NULL;
}

static void dev_set(struct udev_device *ud, const char *key, const char *value)
{
	assert_true(ud->nprops < MAX_PROPS);
	ud->props[ud->nprops].name = key;
	ud->props[ud->nprops].value = value;
	ud->nprops++;
	dev_link_props(ud);
}

/* Load `udevadm info --query=property` output. */
static void dev_load_props(struct udev_device *ud, const char *file)
{
	FILE *f = fopen(file, "r");
	size_t n;
	char *line;

	assert_non_null(f);
	n = fread(ud->store, 1, sizeof(ud->store) - 1, f);
	fclose(f);
	ud->store[n] = '\0';
	for (line = strtok(ud->store, "\n"); line; line = strtok(NULL, "\n")) {
		char *eq = strchr(line, '=');

		if (!eq)
			continue;
		*eq = '\0';
		dev_set(ud, line, eq + 1);
	}
}

static struct udev_device *fake_dev(const char *sysname, const char *devtype)
{
	struct udev_device *ud;
	static char paths[MAX_DEVS][128];

	assert_true(fake.ndevs < MAX_DEVS);
	ud = &fake.devs[fake.ndevs];
	snprintf(paths[fake.ndevs], sizeof(paths[0]), "/sys/fake/block/%s", sysname);
	ud->syspath = paths[fake.ndevs];
	ud->sysname = sysname;
	ud->devtype = devtype;
	fake.en.list[fake.en.n].name = ud->syspath;
	if (fake.en.n)
		fake.en.list[fake.en.n - 1].next = &fake.en.list[fake.en.n];
	fake.en.n++;
	fake.ndevs++;
	return ud;
}

const char *__wrap_udev_device_get_property_value(struct udev_device *ud, const char *key);
const char *__wrap_udev_device_get_property_value(struct udev_device *ud, const char *key)
{
	ud->prop_reads++;
	for (size_t i = 0; i < ud->nprops; i++)
		if (!strcmp(ud->props[i].name, key))
			return ud->props[i].value;
	return NULL;
}

struct udev_list_entry *__wrap_udev_device_get_properties_list_entry(struct udev_device *ud);
struct udev_list_entry *__wrap_udev_device_get_properties_list_entry(struct udev_device *ud)
{
	return ud->nprops ? &ud->props[0] : NULL;
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

struct udev_enumerate *__wrap_udev_enumerate_new(struct udev *udev);
struct udev_enumerate *__wrap_udev_enumerate_new(struct udev *udev)
{
	(void)udev;
	if (fake.en_alloc_fails) {
		errno = ENOMEM;
		return NULL;
	}
	return &fake.en;
}

int __wrap_udev_enumerate_add_match_subsystem(struct udev_enumerate *en, const char *subsystem);
int __wrap_udev_enumerate_add_match_subsystem(struct udev_enumerate *en, const char *subsystem)
{
	assert_ptr_equal(en, &fake.en);
	fake.matched_block = !strcmp(subsystem, "block");
	return 0;
}

int __wrap_udev_enumerate_add_match_property(struct udev_enumerate *en, const char *prop,
					     const char *value);
int __wrap_udev_enumerate_add_match_property(struct udev_enumerate *en, const char *prop,
					     const char *value)
{
	assert_ptr_equal(en, &fake.en);
	fake.matched_disk = !strcmp(prop, "DEVTYPE") && !strcmp(value, "disk");
	return 0;
}

int __wrap_udev_enumerate_scan_devices(struct udev_enumerate *en);
int __wrap_udev_enumerate_scan_devices(struct udev_enumerate *en)
{
	assert_ptr_equal(en, &fake.en);
	return fake.scan_rc;
}

struct udev_list_entry *__wrap_udev_enumerate_get_list_entry(struct udev_enumerate *en);
struct udev_list_entry *__wrap_udev_enumerate_get_list_entry(struct udev_enumerate *en)
{
	return en->n ? &en->list[0] : NULL;
}

struct udev_enumerate *__wrap_udev_enumerate_unref(struct udev_enumerate *en);
struct udev_enumerate *__wrap_udev_enumerate_unref(struct udev_enumerate *en)
{
	assert_ptr_equal(en, &fake.en);
	fake.en_unrefs++;
	return NULL;
}

struct udev_device *__wrap_udev_device_new_from_syspath(struct udev *udev, const char *syspath);
struct udev_device *__wrap_udev_device_new_from_syspath(struct udev *udev, const char *syspath)
{
	(void)udev;
	for (size_t i = 0; i < fake.ndevs; i++) {
		if (!strcmp(fake.devs[i].syspath, syspath)) {
			fake.created++;
			return &fake.devs[i];
		}
	}
	errno = ENODEV;
	return NULL;
}

const char *__wrap_udev_device_get_sysname(struct udev_device *ud);
const char *__wrap_udev_device_get_sysname(struct udev_device *ud)
{
	return ud->sysname;
}

const char *__wrap_udev_device_get_devtype(struct udev_device *ud);
const char *__wrap_udev_device_get_devtype(struct udev_device *ud)
{
	return ud->devtype;
}

/* the fake devices are all initialized by udev (their properties are in) */
int __wrap_udev_device_get_is_initialized(struct udev_device *ud);
int __wrap_udev_device_get_is_initialized(struct udev_device *ud)
{
	(void)ud;
	return 1;
}

struct udev_device *__wrap_udev_device_unref(struct udev_device *ud);
struct udev_device *__wrap_udev_device_unref(struct udev_device *ud)
{
	if (ud)
		fake.unrefs++;
	return NULL;
}

/* ---- helpers ---- */

static char fixtures[PATH_MAX];

static void use_tree(const char *name)
{
	char path[2 * PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s", fixtures, name);
	assert_int_equal(sysfs_set_root(path), 0);
}

static void fixture_file(const char *rel, char *buf, size_t size)
{
	snprintf(buf, size, "%s/%s", fixtures, rel);
}

static struct config *load(const char *text)
{
	struct config *conf = NULL;
	struct diags d = {0};

	assert_int_equal(config_load_text(text, strlen(text), "t.conf", &d, &conf), 0);
	assert_int_equal(d.errors, 0);
	diags_release(&d);
	return conf;
}

static struct config *conf_empty;

static int group_setup(void **state)
{
	const char *env = getenv("MPT_FIXTURES");

	(void)state;
	if (!realpath(env ? env : "tests/fixtures", fixtures))
		return -1;
	conf_empty = load("");
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	config_free(conf_empty);
	sysfs_set_root(NULL);
	return 0;
}

static int test_setup(void **state)
{
	(void)state;
	fake_reset();
	return 0;
}

/* discovery_path_info() that must succeed */
static struct path info(const struct config *conf, struct udev_device *ud, const char *dev)
{
	struct path p;
	struct path *fresh = path_new();

	assert_non_null(fresh);
	p = *fresh;
	path_free(fresh);
	assert_int_equal(discovery_path_info(conf, ud, dev, &p), 0);
	return p;
}

static void assert_hbtl(const struct path *p, int h, int c, int t, int l)
{
	assert_int_equal(p->hbtl.host, h);
	assert_int_equal(p->hbtl.channel, c);
	assert_int_equal(p->hbtl.target, t);
	assert_int_equal(p->hbtl.lun, l);
}

/* ---- sysfs ---- */

static void test_sysfs_root_and_reads(void **state)
{
	char buf[64], small[4];
	uint64_t v;

	(void)state;
	assert_int_equal(sysfs_set_root(""), -EINVAL);
	assert_int_equal(sysfs_set_root("relative/dir"), -EINVAL);
	assert_int_equal(sysfs_set_root(NULL), 0);
	assert_string_equal(sysfs_get_root(), "/sys");
	use_tree("sysfs-scsi_debug/");
	assert_int_equal(sysfs_get_root()[strlen(sysfs_get_root()) - 1], 'g'); /* no trailing '/' */

	/* "Linux   \n": trailing white space and the newline go */
	assert_int_equal(sysfs_attr_read("block/sda/device/vendor", buf, sizeof(buf)), 5);
	assert_string_equal(buf, "Linux");
	/* too small: nothing written */
	strcpy(small, "xyz");
	assert_int_equal(sysfs_attr_read("block/sda/device/vendor", small, sizeof(small)),
			 -EOVERFLOW);
	assert_string_equal(small, "xyz");
	assert_int_equal(sysfs_attr_read("block/sda/device/nothing", buf, sizeof(buf)), -ENOENT);
	assert_int_equal(sysfs_attr_read("/block/sda/dev", buf, sizeof(buf)), -EINVAL);
	assert_int_equal(sysfs_attr_read_u64("block/sda/size", &v), 0);
	assert_int_equal(v, 131072);
	assert_int_equal(sysfs_attr_read_u64("block/sda/dev", &v), -EINVAL); /* "8:0" */
	assert_int_equal(sysfs_attr_read_bin("block/sda/device/vpd_pg80", buf, sizeof(buf)), 8);
	assert_memory_equal(buf,
			    "\x00\x80\x00\x04"
			    "2000",
			    8);
	/* cut at size */
	assert_int_equal(sysfs_attr_read_bin("block/sda/device/vpd_pg83", buf, 10), 10);
	assert_true(sysfs_resolve("block/sda/device", buf, sizeof(buf)) == -ENAMETOOLONG);
}

static void test_sysfs_write(void **state)
{
	char dir[] = "/tmp/mpt-sysfs-XXXXXX", file[64], buf[16];
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(file, sizeof(file), "%s/attr", dir);
	f = fopen(file, "w");
	assert_non_null(f);
	fclose(f);
	assert_int_equal(sysfs_set_root(dir), 0);
	assert_int_equal(sysfs_attr_write("attr", "offline"), 0);
	assert_int_equal(sysfs_attr_read("attr", buf, sizeof(buf)), 7);
	assert_string_equal(buf, "offline");
	assert_int_equal(sysfs_attr_write("missing/attr", "x"), -ENOENT);
	unlink(file);
	rmdir(dir);
}

/* ---- discovery_path_info ---- */

/* Two paths to one LUN (real scsi_debug capture), no udev. */
static void test_two_paths_one_lun(void **state)
{
	struct path a, c, b;

	(void)state;
	use_tree("sysfs-scsi_debug");
	a = info(conf_empty, NULL, "sda");
	c = info(conf_empty, NULL, "sdc");
	b = info(conf_empty, NULL, "sdb");

	assert_string_equal(a.dev, "sda");
	assert_string_equal(a.dev_t, "8:0");
	assert_true(a.devt == makedev(8, 0));
	assert_hbtl(&a, 0, 0, 0, 0);
	assert_string_equal(a.vendor, "Linux");
	assert_string_equal(a.product, "scsi_debug");
	assert_string_equal(a.rev, "0191");
	assert_int_equal(a.size, 131072);
	assert_false(a.ro);
	assert_string_equal(a.serial, "2000");
	assert_int_equal(a.tpgs, 1);
	/* scsi_debug's VPD 0x83 names a target port group per host */
	assert_int_equal(a.tpg_id, 0x100);
	assert_string_equal(a.vpd_data, "");
	assert_string_equal(a.tgt_node_name, "");
	/* the kernel's "naa.33333330000007d0" in udev's form */
	assert_string_equal(a.wwid, "333333330000007d0");

	assert_string_equal(c.dev_t, "8:32");
	assert_hbtl(&c, 1, 0, 0, 0);
	assert_int_equal(c.tpg_id, 0x200);
	assert_string_equal(c.wwid, a.wwid);
	assert_string_equal(b.wwid, "333333330000007d1");
	assert_hbtl(&b, 0, 0, 0, 1);
	/* fields discovery does not own are left alone */
	assert_int_equal(a.priority, PRIO_UNDEF);
}

/* With the udev properties of the same boot, the WWID is udev's ID_SERIAL
 * and equals what sysfs gave. */
static void test_udev_uid_attribute(void **state)
{
	char file[2 * PATH_MAX];
	struct udev_device *ud = fake_dev("sda", "disk");
	struct path p;

	(void)state;
	use_tree("sysfs-scsi_debug");
	fixture_file("sysfs-scsi_debug/udev/sda", file, sizeof(file));
	dev_load_props(ud, file);
	p = info(conf_empty, ud, "sda");
	assert_string_equal(p.wwid, "333333330000007d0");
	assert_true(ud->prop_reads > 0);

	/* make the two sources differ to see which one is used */
	fake_reset();
	ud = fake_dev("sda", "disk");
	dev_set(ud, "ID_SERIAL", "from-udev");
	p = info(conf_empty, ud, "sda");
	assert_string_equal(p.wwid, "from-udev");
	/* no such property: sysfs */
	fake_reset();
	ud = fake_dev("sda", "disk");
	dev_set(ud, "ID_WWN", "0x33333330000007d0");
	p = info(conf_empty, ud, "sda");
	assert_string_equal(p.wwid, "333333330000007d0");
}

/* uid_attribute chosen per device by property selection */
static void test_uid_attribute_per_device(void **state)
{
	struct config *conf = load("devices {\n"
				   "	device {\n"
				   "		vendor \"Linux\"\n"
				   "		product \"scsi_debug\"\n"
				   "		uid_attribute \"ID_WWN\"\n"
				   "	}\n"
				   "}\n");
	struct udev_device *ud;
	struct path p;

	(void)state;
	use_tree("sysfs-scsi_debug");
	ud = fake_dev("sda", "disk");
	dev_set(ud, "ID_SERIAL", "serial-value");
	dev_set(ud, "ID_WWN", "wwn-value");
	p = info(conf, ud, "sda");
	assert_string_equal(p.wwid, "wwn-value");
	/* another vendor keeps the default ID_SERIAL */
	use_tree("sysfs-handmade");
	p = info(conf, ud, "sde");
	assert_string_equal(p.wwid, "serial-value");
	config_free(conf);
}

static void test_not_scsi(void **state)
{
	struct path p;

	(void)state;
	use_tree("sysfs-handmade");
	p = info(conf_empty, NULL, "vda");
	assert_string_equal(p.dev_t, "254:0");
	assert_hbtl(&p, -1, -1, -1, -1);
	/* virtio's PCI vendor id is not a SCSI vendor */
	assert_string_equal(p.vendor, "");
	assert_string_equal(p.product, "");
	assert_string_equal(p.wwid, "");
	assert_int_equal(p.size, 2097152);
	assert_string_equal(p.protocol, "undef");

	p = info(conf_empty, NULL, "loop0");
	assert_string_equal(p.dev_t, "7:0");
	assert_hbtl(&p, -1, -1, -1, -1);
	assert_string_equal(p.wwid, "");
}

static void test_nvme(void **state)
{
	struct path p;

	(void)state;
	use_tree("sysfs-handmade");
	p = info(conf_empty, NULL, "nvme0n1");
	assert_hbtl(&p, -1, -1, -1, -1);
	assert_string_equal(p.vendor, "NVME");
	assert_string_equal(p.product, "ACME NVMe SSD 1TB");
	assert_string_equal(p.rev, "2B2QEXM7");
	assert_string_equal(p.serial, "S4EWNX0R123456");
	assert_string_equal(p.wwid, "eui.0025385b91b12345");
	assert_string_equal(p.protocol, "nvme:tcp");
	assert_true(p.ana); /* the namespace shows its ANA group */
}

static void test_fc(void **state)
{
	struct path p;

	(void)state;
	use_tree("sysfs-handmade");
	p = info(conf_empty, NULL, "sde");
	assert_hbtl(&p, 3, 0, 0, 0);
	assert_string_equal(p.vendor, "DGC");
	assert_string_equal(p.product, "VRAID");
	assert_string_equal(p.tgt_node_name, "0x50060160bea0abcd");
	assert_string_equal(p.protocol, "scsi:fcp");
	assert_int_equal(p.tpgs, 3);
	assert_int_equal(p.tpg_id, 2); /* VPD 0x83 after the NAA */
	assert_string_equal(p.serial, "CKM00123456789");
	assert_string_equal(p.wwid, "3600601601e203a00d6ee5f1e0f5ee511");
}

static void test_iscsi_vpd83_naa_over_t10(void **state)
{
	struct path p;

	(void)state;
	use_tree("sysfs-handmade");
	p = info(conf_empty, NULL, "sdf");
	assert_hbtl(&p, 4, 0, 0, 0);
	assert_string_equal(p.vendor, "LIO-ORG");
	assert_string_equal(p.rev, "4.0");
	assert_true(p.ro);
	assert_int_equal(p.tpgs, 1);
	assert_int_equal(p.tpg_id, -1); /* ALUA, but no TPG designator */
	assert_string_equal(p.tgt_node_name,
			    "iqn.2003-01.org.linux-iscsi.target.x8664:sn.4b6a2b1c9d0e");
	assert_string_equal(p.protocol, "scsi:iscsi");
	assert_string_equal(p.serial, "0f8e4d5c-1a2b-4c3d-9e8f-0123456789ab");
	/* no wwid attribute: VPD 0x83, the NAA descriptor after the T10 one */
	assert_string_equal(p.wwid, "360014050f8e4d5c1a2b4c3d9e8f01234");
}

static void test_vpd83_t10_only(void **state)
{
	struct udev_device *ud;
	struct path p;

	(void)state;
	use_tree("sysfs-handmade");
	p = info(conf_empty, NULL, "sdg");
	assert_string_equal(p.wwid, "1ACME_T10ONLY_SN_42");
	assert_string_equal(p.serial, "");
	assert_int_equal(p.tpgs, 0);
	assert_string_equal(p.protocol, "scsi:unspec"); /* no transport class knows host5 */
	assert_false(p.ana);
	/* no VPD 0x80: udev's ID_SCSI_SERIAL */
	ud = fake_dev("sdg", "disk");
	dev_set(ud, "ID_SCSI_SERIAL", "SN42");
	p = info(conf_empty, ud, "sdg");
	assert_string_equal(p.serial, "SN42");
	assert_string_equal(p.wwid, "1ACME_T10ONLY_SN_42");
}

static void test_vpd83_eui_and_naa6(void **state)
{
	struct path p;

	(void)state;
	use_tree("sysfs-handmade");
	/* the target port NAA is not the LU's; the cut descriptor is ignored */
	p = info(conf_empty, NULL, "sdi");
	assert_string_equal(p.wwid, "20011223344556677");
	/* NAA 6 over NAA 5 over the SCSI name string */
	p = info(conf_empty, NULL, "sdj");
	assert_string_equal(p.wwid, "360012345000000010000000000000002");
}

static void test_missing_attributes(void **state)
{
	struct udev_device *ud;
	struct path p;

	(void)state;
	use_tree("sysfs-handmade");
	p = info(conf_empty, NULL, "sdh");
	assert_string_equal(p.dev_t, "8:112");
	assert_hbtl(&p, 6, 0, 0, 0);
	assert_int_equal(p.size, 0);
	assert_false(p.ro);
	assert_string_equal(p.vendor, "");
	assert_string_equal(p.serial, "");
	assert_int_equal(p.tpgs, 0);
	assert_string_equal(p.wwid, "");
	ud = fake_dev("sdh", "disk");
	dev_set(ud, "ID_SERIAL", "3600a0b80001234");
	p = info(conf_empty, ud, "sdh");
	assert_string_equal(p.wwid, "3600a0b80001234");
}

static void test_errors_leave_path_alone(void **state)
{
	struct path *pp = path_new(), before;

	(void)state;
	use_tree("sysfs-handmade");
	assert_non_null(pp);
	strcpy(pp->wwid, "keep");
	pp->state = PATH_UP;
	before = *pp;
	assert_int_equal(discovery_path_info(conf_empty, NULL, "sdz", pp), -ENODEV);
	assert_int_equal(discovery_path_info(conf_empty, NULL, "", pp), -EINVAL);
	assert_int_equal(discovery_path_info(conf_empty, NULL, "..", pp), -EINVAL);
	assert_int_equal(discovery_path_info(conf_empty, NULL, "../block/sde", pp), -EINVAL);
	assert_memory_equal(pp, &before, sizeof(before));
	/* success refills every discovered field and keeps the others */
	assert_int_equal(discovery_path_info(conf_empty, NULL, "vda", pp), 0);
	assert_string_equal(pp->wwid, "");
	assert_int_equal(pp->state, PATH_UP);
	path_free(pp);
}

/* ---- identifier formats ---- */

static void test_kernel_wwid_forms(void **state)
{
	char out[WWID_SIZE], tiny[5];

	(void)state;
	assert_int_equal(discovery_kernel_wwid("naa.6001405ABCDEF", out, sizeof(out)), 14);
	assert_string_equal(out, "36001405abcdef");
	discovery_kernel_wwid("eui.0011223344556677", out, sizeof(out));
	assert_string_equal(out, "20011223344556677");
	discovery_kernel_wwid("t10.ATA     QEMU HARDDISK   QM00001 ", out, sizeof(out));
	assert_string_equal(out, "1ATA_QEMU_HARDDISK_QM00001");
	discovery_kernel_wwid("iqn.2001-04.com.example:x", out, sizeof(out));
	assert_string_equal(out, "iqn.2001-04.com.example:x");
	assert_int_equal(discovery_kernel_wwid("naa.600140", tiny, sizeof(tiny)), 4);
	assert_string_equal(tiny, "3600");
	assert_int_equal(discovery_kernel_wwid("", out, sizeof(out)), -EINVAL);
}

static void test_vpd83_parse(void **state)
{
	char file[2 * PATH_MAX], out[WWID_SIZE] = "untouched";
	unsigned char page[512];
	ssize_t n;
	FILE *f;
	static const unsigned char not83[] = {0x00, 0x80, 0x00, 0x04, '2', '0', '0', '0'};
	/* only target port and target device descriptors */
	static const unsigned char no_lu[] = {0x00, 0x83, 0x00, 0x0c, 0x61, 0x93, 0x00, 0x08,
					      0x52, 0x22, 0x22, 0x20, 0x00, 0x00, 0x07, 0xce};
	/* NAA with the ASCII code set: not usable */
	static const unsigned char bad_codeset[] = {0x00, 0x83, 0x00, 0x0c, 0x02, 0x03, 0x00, 0x08,
						    0x60, 0x01, 0x40, 0x50, 0x00, 0x00, 0x00, 0x01};

	(void)state;
	/* the real capture: NAA wins over the T10 id and the target's own ids */
	fixture_file(
	    "sysfs-scsi_debug/devices/pseudo_0/adapter0/host0/target0:0:0/0:0:0:0/vpd_pg83", file,
	    sizeof(file));
	f = fopen(file, "rb");
	assert_non_null(f);
	n = (ssize_t)fread(page, 1, sizeof(page), f);
	fclose(f);
	assert_int_equal(n, 0x74);
	assert_int_equal(discovery_vpd83_wwid(page, (size_t)n, out, sizeof(out)), 17);
	assert_string_equal(out, "333333330000007d0");
	/* without its NAA descriptor (bytes 0x24..0x2f) the T10 id is next */
	memmove(page + 0x24, page + 0x30, (size_t)n - 0x30);
	page[3] -= 12;
	assert_int_equal(discovery_vpd83_wwid(page, (size_t)n - 12, out, sizeof(out)), 22);
	assert_string_equal(out, "1Linux_scsi_debug_2000");
	/* cut short: only the whole descriptors count */
	assert_int_equal(discovery_vpd83_wwid(page, 20, out, sizeof(out)), -ENODATA);

	strcpy(out, "untouched");
	assert_int_equal(discovery_vpd83_wwid(not83, sizeof(not83), out, sizeof(out)), -EINVAL);
	assert_int_equal(discovery_vpd83_wwid(no_lu, sizeof(no_lu), out, sizeof(out)), -ENODATA);
	assert_int_equal(discovery_vpd83_wwid(bad_codeset, sizeof(bad_codeset), out, sizeof(out)),
			 -ENODATA);
	assert_int_equal(discovery_vpd83_wwid(page, 3, out, sizeof(out)), -EINVAL);
	assert_string_equal(out, "untouched");
}

/* ---- discovery_scan ---- */

/* A VPD 0x80 page of the largest size the length field allows, ending in a
 * non-blank byte: read into a bounded buffer and terminated inside it. */
static void test_vpd80_full_page(void **state)
{
	char tmp[] = "/tmp/mpt-vpd80-XXXXXX", cmd[3 * PATH_MAX], file[2 * PATH_MAX];
	unsigned char page[4 + 0xffff];
	struct path p;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(tmp));
	snprintf(cmd, sizeof(cmd), "cp -a %s/sysfs-handmade/. %s/", fixtures, tmp);
	assert_int_equal(system(cmd), 0);
	memset(page, 'S', sizeof(page));
	page[0] = 0;
	page[1] = 0x80;
	page[2] = 0xff;
	page[3] = 0xff;
	snprintf(file, sizeof(file), "%s/devices/platform/host5/target5:0:0/5:0:0:0/vpd_pg80", tmp);
	f = fopen(file, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(page, 1, sizeof(page), f), sizeof(page));
	fclose(f);
	assert_int_equal(sysfs_set_root(tmp), 0);
	p = info(conf_empty, NULL, "sdg");
	assert_int_equal(strlen(p.serial), sizeof(p.serial) - 1);
	assert_int_equal(p.serial[0], 'S');
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmp);
	assert_int_equal(system(cmd), 0);
}

static void scan_fixture(void)
{
	char file[2 * PATH_MAX];
	static const char *const disks[] = {"sda", "sdb", "sdc", "sdd"};

	use_tree("sysfs-scsi_debug");
	for (size_t i = 0; i < 4; i++) {
		struct udev_device *ud = fake_dev(disks[i], "disk");

		snprintf(file, sizeof(file), "%s/sysfs-scsi_debug/udev/%s", fixtures, disks[i]);
		dev_load_props(ud, file);
	}
	fake_dev("sda1", "partition");
	fake_dev("loop0", "disk"); /* built-in devnode blacklist; not in this tree */
	fake_dev("sdx", "disk");   /* vanished before we read it */
}

static void test_scan(void **state)
{
	struct pathvec pv = {0};
	struct config *conf = load("blacklist {\n"
				   "	wwid \"^333333330000007d1$\"\n"
				   "}\n");

	(void)state;
	scan_fixture();
	assert_int_equal(discovery_scan(NULL, conf, &pv), 2);
	assert_true(fake.matched_block && fake.matched_disk);
	assert_int_equal(pv.n, 2);
	assert_string_equal(pv.items[0]->dev, "sda");
	assert_string_equal(pv.items[1]->dev, "sdc");
	assert_string_equal(pv.items[0]->wwid, "333333330000007d0");
	assert_string_equal(pv.items[1]->wwid, pv.items[0]->wwid);
	/* the devnode blacklist is applied before any IO or udev lookup */
	assert_int_equal(fake.devs[5].prop_reads, 0);
	assert_int_equal(fake.created, fake.unrefs);
	assert_int_equal(fake.en_unrefs, 1);

	/* a second scan adds nothing that is already there */
	assert_int_equal(discovery_scan(NULL, conf, &pv), 0);
	assert_int_equal(pv.n, 2);
	pathvec_free(&pv);
	config_free(conf);
}

static void test_scan_property_and_no_wwid(void **state)
{
	struct pathvec pv = {0};
	struct config *conf = load("blacklist_exceptions {\n"
				   "	property \"^ID_WWN$\"\n"
				   "}\n");

	(void)state;
	scan_fixture();
	/* strip ID_WWN* and SCSI_IDENT_* (the built-in exception) from sdd:
	 * "udev property missing" */
	for (size_t i = 0; i < fake.devs[3].nprops; i++)
		if (!strncmp(fake.devs[3].props[i].name, "ID_WWN", 6) ||
		    !strncmp(fake.devs[3].props[i].name, "SCSI_IDENT_", 11))
			fake.devs[3].props[i].name = "X_WWN";
	assert_int_equal(discovery_scan(NULL, conf, &pv), 3);
	assert_string_equal(pv.items[0]->dev, "sda");
	assert_string_equal(pv.items[1]->dev, "sdb");
	assert_string_equal(pv.items[2]->dev, "sdc");
	pathvec_free(&pv);

	/* no udev WWID and no sysfs WWID: dropped */
	fake_reset();
	use_tree("sysfs-handmade");
	/* SCSI_IDENT_*: the built-in property exception lets them through */
	dev_set(fake_dev("sdh", "disk"), "SCSI_IDENT_SERIAL", "x");
	dev_set(fake_dev("sdg", "disk"), "SCSI_IDENT_SERIAL", "y");
	/* present in this tree, but blacklisted by name: never read */
	fake_dev("loop0", "disk");
	assert_int_equal(discovery_scan(NULL, conf_empty, &pv), 1);
	assert_string_equal(pv.items[0]->dev, "sdg");
	assert_int_equal(fake.devs[2].prop_reads, 0);
	assert_true(fake.devs[1].prop_reads > 0);
	pathvec_free(&pv);
	config_free(conf);
}

static void test_scan_workers(void **state)
{
	(void)state;
	assert_int_equal(discovery_scan_workers(0, 8), 1);
	assert_int_equal(discovery_scan_workers(1, 8), 1);
	assert_int_equal(discovery_scan_workers(DISCOVERY_DEVS_PER_WORKER, 8), 1);
	assert_int_equal(discovery_scan_workers(DISCOVERY_DEVS_PER_WORKER + 1, 8), 2);
	assert_int_equal(discovery_scan_workers(512, 8), 8);
	assert_int_equal(discovery_scan_workers(512, 1), 1);
	assert_int_equal(discovery_scan_workers(512, 0), 1);
}

/* prepare of the parallel scan: it returns only once two prepares were in
 * at the same time (or after 5 s), so the scan must run them side by side */
static struct {
	atomic_int in, calls, peak;
} prep;

static void prepare_together(struct path *pp, void *arg)
{
	struct timespec t0, now;
	int in = atomic_fetch_add(&prep.in, 1) + 1;

	(void)arg;
	if (in > atomic_load(&prep.peak))
		atomic_store(&prep.peak, in);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		usleep(1000);
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while (atomic_load(&prep.peak) < 2 && now.tv_sec - t0.tv_sec < 5);
	pp->priority = 42;
	atomic_fetch_add(&prep.calls, 1);
	atomic_fetch_sub(&prep.in, 1);
}

static void test_scan_parallel(void **state)
{
	static const char *const gone[] = {"sdv0", "sdv1", "sdv2", "sdv3", "sdv4",
					   "sdv5", "sdv6", "sdv7", "sdv8"};
	struct pathvec seq = {0}, par = {0};

	(void)state;
	/* 16 disks: two workers; the vanished ones are skipped by them */
	scan_fixture();
	for (size_t i = 0; i < sizeof(gone) / sizeof(gone[0]); i++)
		fake_dev(gone[i], "disk");
	assert_int_equal(discovery_scan(NULL, conf_empty, &seq), 4);
	assert_int_equal(fake.created, fake.unrefs);
	assert_int_equal(discovery_scan_parallel(NULL, conf_empty, 4, prepare_together, NULL, &par),
			 4);
	assert_int_equal(atomic_load(&prep.peak), 2);
	assert_int_equal(atomic_load(&prep.calls), 4);
	/* the enumeration's order and the same paths, each prepared once */
	for (size_t i = 0; i < seq.n; i++) {
		assert_string_equal(par.items[i]->dev, seq.items[i]->dev);
		assert_string_equal(par.items[i]->wwid, seq.items[i]->wwid);
		assert_int_equal(par.items[i]->priority, 42);
	}
	assert_int_equal(fake.created, fake.unrefs);
	assert_int_equal(fake.en_unrefs, 2);
	/* a second scan adds nothing that is already there */
	assert_int_equal(discovery_scan_parallel(NULL, conf_empty, 4, prepare_together, NULL, &par),
			 0);
	assert_int_equal(atomic_load(&prep.calls), 4);
	pathvec_free(&seq);
	pathvec_free(&par);
}

static void test_scan_errors(void **state)
{
	struct pathvec pv = {0};
	struct path *keep = path_new();

	(void)state;
	assert_non_null(keep);
	strcpy(keep->dev, "sdq");
	assert_int_equal(pathvec_push(&pv, keep), 0);
	scan_fixture();
	fake.scan_rc = -EIO;
	assert_int_equal(discovery_scan(NULL, conf_empty, &pv), -EIO);
	assert_int_equal(pv.n, 1);
	assert_int_equal(fake.en_unrefs, 1);
	fake.scan_rc = 0;
	fake.en_alloc_fails = true;
	assert_int_equal(discovery_scan(NULL, conf_empty, &pv), -ENOMEM);
	assert_int_equal(pv.n, 1);
	assert_ptr_equal(pv.items[0], keep);
	pathvec_free(&pv);
}

/*
 * An HPE 3PAR VPD page 0xC0, revision 4, laid out as sg_vpd's "hp3par"
 * decoder reads it (hand-built, not captured from an array): a thin
 * volume (byte 5 bits 0 and 2), allocation unit, pool size and space
 * allocated, VV ID 0x1234, domain ID 3, then four length-prefixed names:
 * volume "oradata_01", domain "dom1", user CPG "FC_r5", snap CPG "FC_r1";
 * the VV policies last.
 */
static const unsigned char hp3par_c0[] = {
	0x00, 0xc0, 0x00, 0x5c, 0x04, 0x05, 0x00, 0x00,
	0x00, 0x00, 0x40, 0x00,				      /* allocation unit */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00,	      /* data pool size */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20, 0x00,	      /* space allocated */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x12, 0x34,	      /* VV ID */
	0x00, 0x00, 0x00, 0x03,				      /* domain ID */
	0x00, 0x00, 0x00, 0x0c, 'o', 'r', 'a', 'd', 'a', 't', 'a', '_', '0', '1', 0, 0,
	0x00, 0x00, 0x00, 0x08, 'd', 'o', 'm', '1', 0, 0, 0, 0,
	0x00, 0x00, 0x00, 0x08, 'F', 'C', '_', 'r', '5', 0, 0, 0,
	0x00, 0x00, 0x00, 0x08, 'F', 'C', '_', 'r', '1', 0, 0, 0,
	0x00, 0x00, 0x00, 0x0a,				      /* VV policies */
};

static void test_vpd_hp3par_parse(void **state)
{
	unsigned char page[sizeof(hp3par_c0)];
	char out[64] = "untouched";

	(void)state;
	assert_int_equal(sizeof(hp3par_c0), 96);
	assert_int_equal(discovery_vpd_hp3par_name(hp3par_c0, sizeof(hp3par_c0), out, sizeof(out)),
			 10);
	assert_string_equal(out, "oradata_01");
	/* cut to the buffer */
	assert_int_equal(discovery_vpd_hp3par_name(hp3par_c0, sizeof(hp3par_c0), out, 5), 4);
	assert_string_equal(out, "orad");
	/* a short answer cuts the name; the page length is not trusted */
	assert_int_equal(discovery_vpd_hp3par_name(hp3par_c0, 50, out, sizeof(out)), 6);
	assert_string_equal(out, "oradat");
	memcpy(page, hp3par_c0, sizeof(page));
	page[43] = 0xff; /* a name longer than the page */
	page[44 + 10] = ' ';
	page[44 + 11] = ' ';
	assert_int_equal(discovery_vpd_hp3par_name(page, sizeof(page), out, sizeof(out)), 10);
	assert_string_equal(out, "oradata_01");
	/* errors leave out alone */
	strcpy(out, "untouched");
	memcpy(page, hp3par_c0, sizeof(page));
	page[4] = 3; /* revisions before 4 have no name */
	assert_int_equal(discovery_vpd_hp3par_name(page, sizeof(page), out, sizeof(out)), -ENODATA);
	page[4] = 4;
	page[44] = '\0'; /* an empty name */
	assert_int_equal(discovery_vpd_hp3par_name(page, sizeof(page), out, sizeof(out)), -ENODATA);
	assert_int_equal(discovery_vpd_hp3par_name(hp3par_c0, 44, out, sizeof(out)), -ENODATA);
	page[1] = 0x83; /* another page */
	assert_int_equal(discovery_vpd_hp3par_name(page, sizeof(page), out, sizeof(out)), -EINVAL);
	assert_int_equal(discovery_vpd_hp3par_name(hp3par_c0, 3, out, sizeof(out)), -EINVAL);
	assert_int_equal(discovery_vpd_hp3par_name(hp3par_c0, sizeof(hp3par_c0), out, 0), -EINVAL);
	assert_string_equal(out, "untouched");
}

/* vpd_vendor hp3par in a device entry: discovery asks the device for page
 * 0xC0 (SG_IO, checker_timeout) and keeps the volume name for %g; other
 * devices are not asked */
static void test_vpd_vendor_hp3par(void **state)
{
	struct config *conf = load("devices {\n"
				   "	device {\n"
				   "		vendor \"DGC\"\n"
				   "		product \"VRAID\"\n"
				   "		vpd_vendor hp3par\n"
				   "		checker_timeout 7\n"
				   "	}\n"
				   "}\n");
	struct config *ovr = load("overrides {\n"
				  "	vpd_vendor hp3par\n"
				  "}\n");
	struct path p;

	(void)state;
	use_tree("sysfs-handmade");
	vpd.page = hp3par_c0;
	vpd.len = sizeof(hp3par_c0);
	vpd.code = 0xc0;
	p = info(conf, NULL, "sde");
	assert_string_equal(p.vpd_data, "oradata_01");
	assert_string_equal(vpd.opened, "/dev/sde");
	assert_int_equal(vpd.inquiries, 1);
	assert_int_equal(vpd.timeout_ms, 7000);
	/* not a DGC device: nothing asked */
	p = info(conf, NULL, "sdf");
	assert_string_equal(p.vpd_data, "");
	assert_int_equal(vpd.opens, 1);
	/* without the keyword: nothing asked */
	p = info(conf_empty, NULL, "sde");
	assert_string_equal(p.vpd_data, "");
	assert_int_equal(vpd.opens, 1);
	/* from the overrides section, for every SCSI device; not for NVMe */
	p = info(ovr, NULL, "sdf");
	assert_string_equal(p.vpd_data, "oradata_01");
	assert_string_equal(vpd.opened, "/dev/sdf");
	p = info(ovr, NULL, "nvme0n1");
	assert_string_equal(p.vpd_data, "");
	assert_int_equal(vpd.opens, 2);
	/* a device that rejects the page: no data, not an error */
	vpd.code = 0xc1;
	p = info(ovr, NULL, "sde");
	assert_string_equal(p.vpd_data, "");
	/* a rediscovery empties what an earlier one found */
	vpd.code = 0xc0;
	p = info(ovr, NULL, "sde");
	assert_string_equal(p.vpd_data, "oradata_01");
	vpd.code = 0xc1;
	assert_int_equal(discovery_path_info(ovr, NULL, "sde", &p), 0);
	assert_string_equal(p.vpd_data, "");
	config_free(conf);
	config_free(ovr);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_sysfs_root_and_reads, test_setup),
	    cmocka_unit_test_setup(test_sysfs_write, test_setup),
	    cmocka_unit_test_setup(test_two_paths_one_lun, test_setup),
	    cmocka_unit_test_setup(test_udev_uid_attribute, test_setup),
	    cmocka_unit_test_setup(test_uid_attribute_per_device, test_setup),
	    cmocka_unit_test_setup(test_not_scsi, test_setup),
	    cmocka_unit_test_setup(test_nvme, test_setup),
	    cmocka_unit_test_setup(test_fc, test_setup),
	    cmocka_unit_test_setup(test_iscsi_vpd83_naa_over_t10, test_setup),
	    cmocka_unit_test_setup(test_vpd83_t10_only, test_setup),
	    cmocka_unit_test_setup(test_vpd83_eui_and_naa6, test_setup),
	    cmocka_unit_test_setup(test_missing_attributes, test_setup),
	    cmocka_unit_test_setup(test_errors_leave_path_alone, test_setup),
	    cmocka_unit_test_setup(test_kernel_wwid_forms, test_setup),
	    cmocka_unit_test_setup(test_vpd83_parse, test_setup),
	    cmocka_unit_test_setup(test_vpd80_full_page, test_setup),
	    cmocka_unit_test_setup(test_vpd_hp3par_parse, test_setup),
	    cmocka_unit_test_setup(test_vpd_vendor_hp3par, test_setup),
	    cmocka_unit_test_setup(test_scan, test_setup),
	    cmocka_unit_test_setup(test_scan_property_and_no_wwid, test_setup),
	    cmocka_unit_test_setup(test_scan_errors, test_setup),
	    cmocka_unit_test_setup(test_scan_workers, test_setup),
	    cmocka_unit_test_setup(test_scan_parallel, test_setup),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
