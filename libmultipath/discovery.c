// SPDX-License-Identifier: GPL-2.0-or-later
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/sysmacros.h>

#include <libudev.h>

#include "blacklist.h"
#include "config/propsel.h"
#include "discovery.h"
#include "prioritizers/prio.h"
#include "scsi.h"
#include "sysfs.h"
#include "util/log.h"
#include "util/parallel.h"

enum {
	INQUIRY_TPGS_BYTE = 5,
	VPD_HDR_LEN = 4, /* page 0x80/0x83 header: qualifier, page code, length */
	VPD_MAX_LEN = 4096,
	DESIG_HDR_LEN = 4, /* designation descriptor header */
	/* HPE 3PAR volume information, VPD page 0xC0 (vpd_vendor hp3par) */
	VPD_HP3PAR = 0xc0,
	HP3PAR_NAME_REV = 4,	  /* the first page revision with the volume name */
	HP3PAR_NAME_LEN_OFF = 40, /* 4-byte length of the volume name */
	HP3PAR_NAME_OFF = 44,	  /* the name, NUL-terminated */
	HP3PAR_ALLOC_LEN = 255,
	/* designator types (SPC, VPD page 0x83) */
	DESIG_T10 = 1,
	DESIG_EUI64 = 2,
	DESIG_NAA = 3,
	DESIG_NAME = 8,
	/* code sets */
	CODESET_BINARY = 1,
	CODESET_ASCII = 2,
	CODESET_UTF8 = 3,
};

/* ---- small helpers ---- */

/* Read block/<dev>/<rest> or its device/... attribute into buf, "" when it
 * cannot be read; leading and trailing white space removed. */
static void attr_str(const char *dev, const char *rest, char *buf, size_t size)
{
	char tmp[512];
	const char *s = tmp;

	buf[0] = '\0';
	if (sysfs_block_attr_read(dev, rest, tmp, sizeof(tmp)) < 0)
		return;
	while (isspace((unsigned char)*s))
		s++;
	strlcpy_trunc(buf, s, size);
}

/* Append c to out (at *pos, capacity size incl. the NUL) if there is room. */
static void put_ch(char *out, size_t size, size_t *pos, char c)
{
	if (*pos + 1 < size)
		out[(*pos)++] = c;
}

/* "<digit>" + lowercase hex of bin */
static size_t format_hex(char type, const unsigned char *bin, size_t len, char *out, size_t size)
{
	static const char hex[] = "0123456789abcdef";
	size_t pos = 0;

	put_ch(out, size, &pos, type);
	for (size_t i = 0; i < len; i++) {
		put_ch(out, size, &pos, hex[bin[i] >> 4]);
		put_ch(out, size, &pos, hex[bin[i] & 0xf]);
	}
	out[pos] = '\0';
	return pos;
}

/* "<digit>" + text up to a NUL, leading/trailing white space dropped and
 * inner runs of white space turned into one '_' (udev's ID_SERIAL form). */
static size_t format_text(char type, const char *text, size_t len, char *out, size_t size)
{
	size_t pos = 0;
	bool gap = false;

	put_ch(out, size, &pos, type);
	for (size_t i = 0; i < len && text[i]; i++) {
		unsigned char c = (unsigned char)text[i];

		if (isspace(c)) {
			gap = pos > 1;
			continue;
		}
		if (gap)
			put_ch(out, size, &pos, '_');
		gap = false;
		put_ch(out, size, &pos, (char)c);
	}
	out[pos] = '\0';
	return pos;
}

/* ---- VPD page 0x83 and the kernel's wwid attribute ---- */

/* Rank of a designation descriptor: higher is preferred, 0 unusable. */
static int desig_rank(const unsigned char *d)
{
	int codeset = d[0] & 0x0f, assoc = (d[1] >> 4) & 0x3, type = d[1] & 0x0f;
	int len = d[3];

	if (assoc != 0 || len == 0)
		return 0;
	switch (type) {
	case DESIG_NAA:
		/* NAA 6 (16 bytes) > 5 > the other NAA types in page order (as
		 * udev's scsi_id, so that every source gives one WWID), all above
		 * EUI-64 */
		if (codeset != CODESET_BINARY)
			return 0;
		switch (d[DESIG_HDR_LEN] >> 4) {
		case 6:
			return 62;
		case 5:
			return 61;
		default:
			return 60;
		}
	case DESIG_EUI64:
		/* the longer forms (12, 16 bytes) first */
		return codeset == CODESET_BINARY ? 40 + (len > 16 ? 16 : len) : 0;
	case DESIG_T10:
		return codeset == CODESET_ASCII || codeset == CODESET_UTF8 ? 20 : 0;
	case DESIG_NAME:
		return codeset == CODESET_UTF8 || codeset == CODESET_ASCII ? 10 : 0;
	default:
		return 0;
	}
}

ssize_t discovery_vpd83_wwid(const unsigned char *page, size_t len, char *out, size_t size)
{
	const unsigned char *best = NULL;
	int best_rank = 0;
	size_t end, off;

	if (size == 0 || len < VPD_HDR_LEN || page[1] != 0x83)
		return -EINVAL;
	end = VPD_HDR_LEN + (((size_t)page[2] << 8) | page[3]);
	if (end > len)
		end = len; /* a cut page: use the descriptors that are whole */
	for (off = VPD_HDR_LEN; off + DESIG_HDR_LEN <= end; off += DESIG_HDR_LEN + page[off + 3]) {
		const unsigned char *d = page + off;
		int rank;

		if (off + DESIG_HDR_LEN + d[3] > end)
			break;
		rank = desig_rank(d);
		if (rank > best_rank) {
			best = d;
			best_rank = rank;
		}
	}
	if (!best)
		return -ENODATA;
	switch (best[1] & 0x0f) {
	case DESIG_NAA:
		return (ssize_t)format_hex('3', best + DESIG_HDR_LEN, best[3], out, size);
	case DESIG_EUI64:
		return (ssize_t)format_hex('2', best + DESIG_HDR_LEN, best[3], out, size);
	case DESIG_T10:
		return (ssize_t)format_text('1', (const char *)best + DESIG_HDR_LEN, best[3], out,
					    size);
	default:
		return (ssize_t)format_text('8', (const char *)best + DESIG_HDR_LEN, best[3], out,
					    size);
	}
}

ssize_t discovery_kernel_wwid(const char *kwwid, char *out, size_t size)
{
	static const struct {
		const char *prefix;
		char type;
		bool hex;
	} forms[] = {{"naa.", '3', true}, {"eui.", '2', true}, {"t10.", '1', false}};
	size_t pos = 0;

	if (size == 0 || !kwwid || !*kwwid)
		return -EINVAL;
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		const char *s = kwwid + strlen(forms[i].prefix);

		if (strncmp(kwwid, forms[i].prefix, strlen(forms[i].prefix)))
			continue;
		if (!forms[i].hex)
			return (ssize_t)format_text(forms[i].type, s, strlen(s), out, size);
		put_ch(out, size, &pos, forms[i].type);
		for (; *s; s++)
			put_ch(out, size, &pos, (char)tolower((unsigned char)*s));
		out[pos] = '\0';
		return (ssize_t)pos;
	}
	strlcpy_trunc(out, kwwid, size);
	return (ssize_t)strlen(out);
}

ssize_t discovery_vpd_hp3par_name(const unsigned char *page, size_t len, char *out, size_t size)
{
	size_t end, nlen, n = 0;
	const unsigned char *name;

	if (len < VPD_HDR_LEN || page[1] != VPD_HP3PAR || size == 0)
		return -EINVAL;
	end = VPD_HDR_LEN + (((size_t)page[2] << 8) | page[3]);
	if (end > len)
		end = len;
	if (end <= HP3PAR_NAME_OFF || page[4] < HP3PAR_NAME_REV)
		return -ENODATA;
	nlen = scsi_get_be32(page + HP3PAR_NAME_LEN_OFF);
	if (nlen > end - HP3PAR_NAME_OFF)
		nlen = end - HP3PAR_NAME_OFF;
	name = page + HP3PAR_NAME_OFF;
	while (n < nlen && name[n] && isprint(name[n]))
		n++;
	while (n > 0 && name[n - 1] == ' ')
		n--;
	if (n == 0)
		return -ENODATA;
	if (n > size - 1)
		n = size - 1;
	memcpy(out, name, n);
	out[n] = '\0';
	return (ssize_t)n;
}

/* ---- the parts of discovery_path_info ---- */

/* dev_t, devt, size, ro */
static int read_block(struct path *pp)
{
	char rel[PATH_MAX], devt[sizeof(pp->dev_t)];
	unsigned int maj, min;
	uint64_t v;
	ssize_t n;
	int end = 0;

	n = sysfs_block_attr_read(pp->dev, "dev", devt, sizeof(devt));
	if (n == -ENOENT || n == -ENOTDIR)
		return -ENODEV;
	if (n < 0)
		return (int)n;
	if (sscanf(devt, "%u:%u%n", &maj, &min, &end) != 2 || devt[end])
		return -EINVAL;
	memcpy(pp->dev_t, devt, (size_t)n + 1);
	pp->devt = makedev(maj, min);
	snprintf(rel, sizeof(rel), "block/%s/size", pp->dev);
	if (sysfs_attr_read_u64(rel, &v) == 0)
		pp->size = v;
	snprintf(rel, sizeof(rel), "block/%s/ro", pp->dev);
	if (sysfs_attr_read_u64(rel, &v) == 0)
		pp->ro = v != 0;
	return 0;
}

/* The resolved sysfs path of block/<dev>/device into buf; false if none. */
static bool device_path(const char *dev, char *buf, size_t size)
{
	char rel[PATH_MAX];

	snprintf(rel, sizeof(rel), "block/%s/device", dev);
	return sysfs_resolve(rel, buf, size) > 0;
}

/* hbtl from the last component of the device path; false if not SCSI. */
static bool parse_hbtl(const char *devpath, struct scsi_hbtl *hbtl)
{
	const char *base = strrchr(devpath, '/');
	struct scsi_hbtl h;
	int end = 0;

	base = base ? base + 1 : devpath;
	if (sscanf(base, "%d:%d:%d:%d%n", &h.host, &h.channel, &h.target, &h.lun, &end) != 4 ||
	    base[end] || h.host < 0 || h.channel < 0 || h.target < 0 || h.lun < 0)
		return false;
	*hbtl = h;
	return true;
}

/* Serial number from VPD page 0x80; false if there is none. */
static bool read_vpd80(struct path *pp)
{
	unsigned char page[VPD_HDR_LEN + 255 + 1];
	/* one byte kept for the terminating NUL */
	ssize_t n = sysfs_block_attr_read_bin(pp->dev, "device/vpd_pg80", page, sizeof(page) - 1);
	size_t len, start = VPD_HDR_LEN;

	if (n < VPD_HDR_LEN || page[1] != 0x80)
		return false;
	len = VPD_HDR_LEN + (((size_t)page[2] << 8) | page[3]);
	if (len > (size_t)n)
		len = (size_t)n;
	while (start < len && (page[start] == ' ' || page[start] == '\0'))
		start++;
	while (len > start && (page[len - 1] == ' ' || page[len - 1] == '\0'))
		len--;
	if (len == start)
		return false;
	page[len] = '\0';
	strlcpy_trunc(pp->serial, (const char *)page + start, sizeof(pp->serial));
	return true;
}

/* TPGS from the INQUIRY data and, for an ALUA device, its target port
 * group from VPD page 0x83. */
static void read_tpgs(struct path *pp)
{
	unsigned char inq[36], page[VPD_MAX_LEN];
	ssize_t n = sysfs_block_attr_read_bin(pp->dev, "device/inquiry", inq, sizeof(inq));
	int tpg;

	pp->tpgs = n > INQUIRY_TPGS_BYTE ? (inq[INQUIRY_TPGS_BYTE] >> 4) & 0x3 : 0;
	if (!pp->tpgs)
		return;
	n = sysfs_block_attr_read_bin(pp->dev, "device/vpd_pg83", page, sizeof(page));
	tpg = n > 0 ? scsi_vpd83_port_id(page, (size_t)n, SCSI_DESIG_TPG) : -ENODATA;
	if (tpg >= 0)
		pp->tpg_id = tpg;
}

/* FC target node name, or the iSCSI target name of the session the device
 * belongs to. */
static void read_tgt_node_name(struct path *pp, const char *devpath)
{
	char rel[PATH_MAX];
	const char *s;
	unsigned int session;

	snprintf(rel, sizeof(rel), "class/fc_transport/target%d:%d:%d/node_name", pp->hbtl.host,
		 pp->hbtl.channel, pp->hbtl.target);
	if (sysfs_attr_read(rel, pp->tgt_node_name, sizeof(pp->tgt_node_name)) > 0)
		return;
	for (s = strstr(devpath, "/session"); s; s = strstr(s + 1, "/session")) {
		int end = 0;

		if (sscanf(s, "/session%u%n", &session, &end) == 1 && s[end] == '/') {
			snprintf(rel, sizeof(rel), "class/iscsi_session/session%u/targetname",
				 session);
			if (sysfs_attr_read(rel, pp->tgt_node_name, sizeof(pp->tgt_node_name)) < 0)
				pp->tgt_node_name[0] = '\0';
			return;
		}
	}
	pp->tgt_node_name[0] = '\0';
}

static void read_scsi(struct path *pp, const char *devpath)
{
	attr_str(pp->dev, "device/vendor", pp->vendor, sizeof(pp->vendor));
	attr_str(pp->dev, "device/model", pp->product, sizeof(pp->product));
	attr_str(pp->dev, "device/rev", pp->rev, sizeof(pp->rev));
	read_vpd80(pp);
	read_tpgs(pp);
	read_tgt_node_name(pp, devpath);
}

static void read_nvme(struct path *pp)
{
	enum { NVME_IDENTIFY_TIMEOUT_MS = 5000 };
	char grpid[16], devnode[sizeof("/dev/") + DEV_NAME_SIZE];

	strlcpy_trunc(pp->vendor, "NVME", sizeof(pp->vendor));
	attr_str(pp->dev, "device/model", pp->product, sizeof(pp->product));
	attr_str(pp->dev, "device/firmware_rev", pp->rev, sizeof(pp->rev));
	attr_str(pp->dev, "device/serial", pp->serial, sizeof(pp->serial));
	/* the kernel shows the ANA group of a namespace whose controller has
	 * ANA only with native NVMe multipath on; with it off (dm-multipath's
	 * case) the controller is asked (Identify Controller) */
	attr_str(pp->dev, "ana_grpid", grpid, sizeof(grpid));
	if (grpid[0]) {
		pp->ana = true;
	} else {
		snprintf(devnode, sizeof(devnode), "/dev/%s", pp->dev);
		pp->ana = prio_ana_supported(devnode, NVME_IDENTIFY_TIMEOUT_MS) > 0;
	}
}

/* Whether class/CLASS/hostN exists: the SCSI host belongs to that transport. */
static bool host_in_class(const char *class, int host)
{
	char rel[64], abs[PATH_MAX];

	snprintf(rel, sizeof(rel), "class/%s/host%d", class, host);
	return sysfs_path(rel, abs, sizeof(abs)) > 0 && access(abs, F_OK) == 0;
}

/*
 * The transport protocol, named as in multipath.conf's protocol sections:
 * for SCSI the transport class that knows the disk's host (or the bus in
 * its device path), for NVMe the controller's transport attribute.
 */
static void read_protocol(struct path *pp, const char *devpath, bool scsi)
{
	static const struct {
		const char *class, *name;
	} hosts[] = {
	    {"fc_host", "scsi:fcp"},  {"iscsi_host", "scsi:iscsi"}, {"sas_host", "scsi:sas"},
	    {"srp_host", "scsi:srp"}, {"spi_host", "scsi:spi"},
	};
	const char *name = "undef";
	char transport[16];

	if (scsi) {
		name = "scsi:unspec";
		for (size_t i = 0; i < sizeof(hosts) / sizeof(hosts[0]); i++)
			if (host_in_class(hosts[i].class, pp->hbtl.host)) {
				name = hosts[i].name;
				break;
			}
		if (!strcmp(name, "scsi:unspec") && strstr(devpath, "/ata"))
			name = "scsi:ata";
		else if (!strcmp(name, "scsi:unspec") && strstr(devpath, "/fw"))
			name = "scsi:sbp";
	} else if (!strncmp(pp->dev, "nvme", 4)) {
		name = "nvme:unspec";
		attr_str(pp->dev, "device/transport", transport, sizeof(transport));
		if (transport[0])
			snprintf(pp->protocol, sizeof(pp->protocol), "nvme:%s", transport);
	} else if (!strncmp(pp->dev, "dasd", 4)) {
		name = "ccw";
	} else if (!strncmp(pp->dev, "cciss", 5)) {
		name = "cciss";
	}
	if (!pp->protocol[0])
		strlcpy_trunc(pp->protocol, name, sizeof(pp->protocol));
}

/* The WWID from sysfs: the kernel's wwid attribute, then VPD page 0x83. */
static void read_sysfs_wwid(struct path *pp, bool scsi)
{
	static const char *const attrs[] = {"device/wwid", "wwid"};
	char kwwid[WWID_SIZE];
	unsigned char page[VPD_MAX_LEN];
	ssize_t n;

	for (size_t i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++) {
		attr_str(pp->dev, attrs[i], kwwid, sizeof(kwwid));
		if (!kwwid[0])
			continue;
		if (scsi)
			discovery_kernel_wwid(kwwid, pp->wwid, sizeof(pp->wwid));
		else
			strlcpy_trunc(pp->wwid, kwwid, sizeof(pp->wwid));
		mp_log(4, "%s: wwid %s from sysfs %s", pp->dev, pp->wwid, attrs[i]);
		return;
	}
	n = sysfs_block_attr_read_bin(pp->dev, "device/vpd_pg83", page, sizeof(page));
	if (n > 0 && discovery_vpd83_wwid(page, (size_t)n, pp->wwid, sizeof(pp->wwid)) > 0)
		mp_log(4, "%s: wwid %s from VPD page 0x83", pp->dev, pp->wwid);
}

static void read_wwid(const struct config *conf, struct udev_device *ud, struct path *pp, bool scsi)
{
	struct prop_src src;
	const char *attr, *val = NULL;

	prop_src_init(&src, conf, pp->dev, pp->vendor, pp->product, pp->rev, NULL);
	attr = propsel_str(&src, KW_UID_ATTRIBUTE, NULL);
	if (ud && attr && *attr)
		val = udev_device_get_property_value(ud, attr);
	if (val && *val) {
		strlcpy_trunc(pp->wwid, val, sizeof(pp->wwid));
		mp_log(4, "%s: wwid %s from udev %s", pp->dev, pp->wwid, attr);
		return;
	}
	read_sysfs_wwid(pp, scsi);
}

/* vpd_vendor: the vendor VPD page the path's device entry names, through
 * SG_IO (the kernel does not show it in sysfs). */
static void read_vpd_vendor(const struct config *conf, struct path *pp)
{
	unsigned char page[HP3PAR_ALLOC_LEN];
	char devnode[sizeof("/dev/") + DEV_NAME_SIZE];
	struct prop_src src;
	unsigned timeout_ms;
	int fd, n;

	prop_src_init(&src, conf, pp->dev, pp->vendor, pp->product, pp->rev, NULL);
	if (propsel_origin(&src, KW_VPD_VENDOR) == ORIGIN_BUILTIN ||
	    propsel_int(&src, KW_VPD_VENDOR, NULL) != VPD_VENDOR_HP3PAR)
		return;
	timeout_ms = (unsigned)propsel_int(&src, KW_CHECKER_TIMEOUT, NULL) * 1000;
	snprintf(devnode, sizeof(devnode), "/dev/%s", pp->dev);
	fd = prio_dev_open(devnode);
	if (fd < 0) {
		mp_log(3, "%s: cannot open for VPD page 0xc0: %s", pp->dev, errno_desc(-fd));
		return;
	}
	n = scsi_inquiry_vpd(fd, VPD_HP3PAR, page, sizeof(page), timeout_ms);
	close(fd);
	if (n < 0 ||
	    discovery_vpd_hp3par_name(page, (size_t)n, pp->vpd_data, sizeof(pp->vpd_data)) < 0)
		mp_log(3, "%s: no volume name in VPD page 0xc0", pp->dev);
}

/* Empty every field discovery_path_info() fills. */
static void path_info_reset(struct path *pp)
{
	pp->dev[0] = pp->dev_t[0] = '\0';
	pp->devt = 0;
	pp->hbtl = (struct scsi_hbtl){-1, -1, -1, -1};
	pp->vendor[0] = pp->product[0] = pp->rev[0] = '\0';
	pp->serial[0] = pp->wwid[0] = pp->tgt_node_name[0] = pp->protocol[0] = '\0';
	pp->size = 0;
	pp->tpgs = 0;
	pp->tpg_id = -1;
	pp->vpd_data[0] = '\0';
	pp->ana = false;
	pp->ro = false;
}

int discovery_path_info(const struct config *conf, struct udev_device *ud, const char *devname,
			struct path *pp)
{
	struct path p = *pp;
	char devpath[PATH_MAX];
	bool has_dev, scsi = false;
	int rc;

	if (!devname || !*devname || strchr(devname, '/') || !strcmp(devname, ".") ||
	    !strcmp(devname, "..") || strlen(devname) >= sizeof(p.dev))
		return -EINVAL;
	path_info_reset(&p);
	strlcpy_trunc(p.dev, devname, sizeof(p.dev));
	rc = read_block(&p);
	if (rc < 0)
		return rc;
	has_dev = device_path(devname, devpath, sizeof(devpath));
	if (has_dev && parse_hbtl(devpath, &p.hbtl)) {
		scsi = true;
		read_scsi(&p, devpath);
		read_vpd_vendor(conf, &p);
	} else if (!strncmp(devname, "nvme", 4)) {
		read_nvme(&p);
	}
	read_protocol(&p, has_dev ? devpath : "", scsi);
	if (!p.serial[0] && ud) {
		const char *s = udev_device_get_property_value(ud, "ID_SCSI_SERIAL");

		if (s)
			strlcpy_trunc(p.serial, s, sizeof(p.serial));
	}
	read_wwid(conf, ud, &p, scsi);
	*pp = p;
	return 0;
}

/* ---- the scan ---- */

/*
 * One enumerated disk of a scan. The calling thread fills ud and name and
 * frees ud after the workers are done; one worker at a time fills pp and
 * rc (1 kept, 0 skipped, -ENOMEM).
 */
struct scan_slot {
	struct udev_device *ud;
	const char *name;
	struct path *pp;
	int rc;
};

struct scan_job {
	const struct config *conf;
	struct scan_slot *slots;
	discovery_prepare_fn *prepare;
	void *arg;
};

/* The sysfs and udev work of one disk: the path, or why it is skipped. */
static void scan_slot_run(const struct scan_job *j, struct scan_slot *s)
{
	const char *reason = "no wwid";
	struct path *pp;
	int rc;

	s->rc = 0;
	if (blacklist_devnode(j->conf, s->name) == MATCH_BLACKLIST) {
		mp_log(3, "%s: skipped: devnode blacklist", s->name);
		return;
	}
	pp = path_new();
	if (!pp) {
		s->rc = -ENOMEM;
		return;
	}
	rc = discovery_path_info(j->conf, s->ud, s->name, pp);
	if (rc < 0) {
		mp_log(3, "%s: skipped: cannot read sysfs: %s", s->name, errno_desc(-rc));
		path_free(pp);
		return;
	}
	if (blacklist_path(j->conf, pp, s->ud, &reason) == MATCH_BLACKLIST || !pp->wwid[0]) {
		mp_log(3, "%s: skipped: %s", s->name, reason);
		path_free(pp);
		return;
	}
	if (j->prepare)
		j->prepare(pp, j->arg);
	s->pp = pp;
	s->rc = 1;
}

static void scan_item(void *arg, size_t i)
{
	struct scan_job *j = arg;

	scan_slot_run(j, &j->slots[i]);
}

unsigned discovery_scan_workers(size_t ndev, unsigned max)
{
	size_t w = (ndev + DISCOVERY_DEVS_PER_WORKER - 1) / DISCOVERY_DEVS_PER_WORKER;

	if (w > max)
		w = max;
	return w ? (unsigned)w : 1;
}

/* Whether name is taken: in out, or by an earlier slot of this scan. */
static bool scan_name_taken(const struct pathvec *out, const struct scan_slot *slots, size_t n,
			    const char *name)
{
	if (pathvec_find_dev(out, name))
		return true;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(slots[i].name, name))
			return true;
	return false;
}

/* The enumerated disks as slots (udev devices made here); -ENOMEM. */
static int scan_collect(struct udev *udev, struct udev_enumerate *en, const struct pathvec *out,
			struct scan_slot **slots, size_t *n)
{
	struct udev_list_entry *le;
	size_t cap = 0;

	udev_list_entry_foreach(le, udev_enumerate_get_list_entry(en))
	{
		const char *syspath = udev_list_entry_get_name(le), *name, *type;
		struct udev_device *ud;

		if (!syspath)
			continue;
		errno = 0;
		ud = udev_device_new_from_syspath(udev, syspath);
		if (!ud) {
			if (errno == ENOMEM)
				return -ENOMEM;
			continue;
		}
		name = udev_device_get_sysname(ud);
		type = udev_device_get_devtype(ud);
		if (!name || !type || strcmp(type, "disk") || scan_name_taken(out, *slots, *n, name)) {
			udev_device_unref(ud);
			continue;
		}
		if (*n == cap) {
			size_t c = cap ? 2 * cap : 64;
			struct scan_slot *ns = realloc(*slots, c * sizeof(*ns));

			if (!ns) {
				udev_device_unref(ud);
				return -ENOMEM;
			}
			*slots = ns;
			cap = c;
		}
		(*slots)[(*n)++] = (struct scan_slot){.ud = ud, .name = name};
	}
	return 0;
}

/* Append the kept paths in the enumeration's order: the count or -ENOMEM
 * (out as it was). Frees every slot's path and udev device either way. */
static int scan_publish(struct scan_slot *slots, size_t n, struct pathvec *out)
{
	size_t first = out->n;
	int rc = 0, added = 0;

	for (size_t i = 0; i < n; i++)
		if (slots[i].rc < 0)
			rc = slots[i].rc;
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (!slots[i].pp)
			continue;
		if (pathvec_push(out, slots[i].pp) < 0) {
			rc = -ENOMEM;
			break;
		}
		slots[i].pp = NULL;
		added++;
	}
	if (rc < 0)
		while (out->n > first)
			path_free(out->items[--out->n]);
	for (size_t i = 0; i < n; i++) {
		path_free(slots[i].pp);
		udev_device_unref(slots[i].ud);
	}
	return rc < 0 ? rc : added;
}

int discovery_scan_parallel(struct udev *udev, const struct config *conf, unsigned workers,
			    discovery_prepare_fn *prepare, void *arg, struct pathvec *out)
{
	struct udev_enumerate *en = udev_enumerate_new(udev);
	struct scan_job j = {.conf = conf, .prepare = prepare, .arg = arg};
	struct parallel_job pj = {.item = scan_item, .arg = &j};
	int rc;

	if (!en)
		return -ENOMEM;
	rc = udev_enumerate_add_match_subsystem(en, "block");
	if (rc >= 0)
		rc = udev_enumerate_add_match_property(en, "DEVTYPE", "disk");
	if (rc >= 0)
		rc = udev_enumerate_scan_devices(en);
	if (rc >= 0)
		rc = scan_collect(udev, en, out, &j.slots, &pj.n);
	if (rc >= 0)
		parallel_run(&pj, discovery_scan_workers(pj.n, workers ? workers : 1));
	/* the slots' names belong to their udev devices: freed last */
	if (rc < 0)
		for (size_t i = 0; i < pj.n; i++)
			udev_device_unref(j.slots[i].ud);
	else
		rc = scan_publish(j.slots, pj.n, out);
	free(j.slots);
	udev_enumerate_unref(en);
	return rc;
}

int discovery_scan(struct udev *udev, const struct config *conf, struct pathvec *out)
{
	return discovery_scan_parallel(udev, conf, 1, NULL, NULL, out);
}
