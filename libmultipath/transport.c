// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysfs.h"
#include "transport.h"

/* An attribute's text as a timeout: "off" or a number of seconds. */
static int tmo_parse(const char *text, int *val)
{
	char *end;
	long n;

	if (!strcmp(text, "off")) {
		*val = TRANSPORT_TMO_OFF;
		return 0;
	}
	if (text[0] < '0' || text[0] > '9')
		return -EINVAL;
	errno = 0;
	n = strtol(text, &end, 10);
	if (errno || *end)
		return -EINVAL;
	*val = n > INT_MAX ? INT_MAX : (int)n;
	return 0;
}

static int tmo_read(const char *rel, int *val)
{
	char text[32];
	ssize_t n = sysfs_attr_read(rel, text, sizeof(text));

	return n < 0 ? (int)n : tmo_parse(text, val);
}

static void fail_note(char *failed, size_t size, const char *rel, int value)
{
	if (!failed || !size)
		return;
	if (value == TRANSPORT_TMO_OFF)
		snprintf(failed, size, "%s=off", rel);
	else if (value == TRANSPORT_TMO_UNSET) /* a read failed */
		snprintf(failed, size, "%s", rel);
	else
		snprintf(failed, size, "%s=%d", rel, value);
}

/* Write value to rel unless it holds it already: 1 written, 0 unchanged, -errno. */
static int tmo_update(const char *rel, int value, char *failed, size_t size)
{
	char text[16];
	int cur, rc;

	if (tmo_read(rel, &cur) == 0 && cur == value)
		return 0;
	if (value == TRANSPORT_TMO_OFF)
		snprintf(text, sizeof(text), "off");
	else
		snprintf(text, sizeof(text), "%d", value);
	rc = sysfs_attr_write(rel, text);
	if (rc < 0) {
		fail_note(failed, size, rel, value);
		return rc;
	}
	return 1;
}

static bool is_secs(int v)
{
	return v >= 0;
}

int transport_fc_writes(int cur_fast, int cur_dev, const struct transport_tmo *tmo,
			struct transport_write w[TRANSPORT_FC_MAX_WRITES])
{
	int fast = tmo->fast_io_fail == TRANSPORT_TMO_UNSET ? cur_fast : tmo->fast_io_fail;
	int dev = tmo->dev_loss == TRANSPORT_TMO_UNSET ? cur_dev : tmo->dev_loss;
	bool want_fast, want_dev;
	int n = 0;

	if (tmo->dev_loss_min > dev)
		dev = tmo->dev_loss_min;
	/* a fast_io_fail_tmo at or past dev_loss_tmo never fires first */
	if (is_secs(fast) && fast >= dev && tmo->fast_io_fail != TRANSPORT_TMO_UNSET)
		fast = TRANSPORT_TMO_OFF;
	want_dev = dev != cur_dev;
	if (want_dev && fast == TRANSPORT_TMO_OFF && dev > TRANSPORT_BLOCK_MAX_TMO)
		dev = TRANSPORT_BLOCK_MAX_TMO;
	want_dev = dev != cur_dev;
	want_fast = fast != cur_fast;

	if (want_fast && (fast == TRANSPORT_TMO_OFF || fast < cur_dev)) {
		/* accepted now; and once it is a number, any dev_loss_tmo is */
		w[n++] = (struct transport_write){"fast_io_fail_tmo", fast};
		want_fast = false;
	}
	if (want_dev && want_fast && cur_fast == TRANSPORT_TMO_OFF &&
	    dev > TRANSPORT_BLOCK_MAX_TMO && fast < TRANSPORT_BLOCK_MAX_TMO) {
		/* fast_io_fail_tmo must rise past dev_loss_tmo, which must rise
		 * past 600 while fast_io_fail_tmo is off: a step between */
		w[n++] = (struct transport_write){"dev_loss_tmo", TRANSPORT_BLOCK_MAX_TMO};
		w[n++] = (struct transport_write){"fast_io_fail_tmo", fast};
		want_fast = false;
	}
	if (want_dev)
		w[n++] = (struct transport_write){"dev_loss_tmo", dev};
	if (want_fast)
		w[n++] = (struct transport_write){"fast_io_fail_tmo", fast};
	return n;
}

/*
 * The name of the ancestor of the path's SCSI device whose name starts
 * with prefix ("rport-3:0-1", "session4") into buf. 0 or -errno.
 */
static int device_ancestor(const struct scsi_hbtl *h, const char *prefix, char *buf,
			   size_t size)
{
	char rel[96], real[PATH_MAX];
	size_t plen = strlen(prefix);
	ssize_t rc;
	char *p;

	snprintf(rel, sizeof(rel), "class/scsi_device/%d:%d:%d:%d/device", h->host, h->channel,
		 h->target, h->lun);
	rc = sysfs_resolve(rel, real, sizeof(real));
	if (rc < 0)
		return (int)rc;
	while ((p = strrchr(real, '/'))) {
		*p++ = '\0';
		if (!strncmp(p, prefix, plen)) {
			if (strlen(p) >= size)
				return -ENAMETOOLONG;
			memcpy(buf, p, strlen(p) + 1);
			return 0;
		}
	}
	return -ENOENT;
}

/* Keep the first error; count the writes. */
static void tally(int rc, int *written, int *err)
{
	if (rc > 0)
		(*written)++;
	else if (rc < 0 && *err == 0)
		*err = rc;
}

static int apply_fc(const struct transport_path *tp, char *failed, size_t size, int *written)
{
	struct transport_write w[TRANSPORT_FC_MAX_WRITES];
	char rport[64], rel_fast[128], rel_dev[128];
	int cur_fast, cur_dev, rc, n;

	if (tp->tmo.fast_io_fail == TRANSPORT_TMO_UNSET && tp->tmo.dev_loss == TRANSPORT_TMO_UNSET &&
	    tp->tmo.dev_loss_min <= 0)
		return 0;
	rc = device_ancestor(&tp->hbtl, "rport-", rport, sizeof(rport));
	if (rc < 0) {
		fail_note(failed, size, "class/fc_remote_ports", TRANSPORT_TMO_UNSET);
		return rc;
	}
	snprintf(rel_fast, sizeof(rel_fast), "class/fc_remote_ports/%s/fast_io_fail_tmo", rport);
	snprintf(rel_dev, sizeof(rel_dev), "class/fc_remote_ports/%s/dev_loss_tmo", rport);
	rc = tmo_read(rel_fast, &cur_fast);
	if (rc < 0) {
		fail_note(failed, size, rel_fast, TRANSPORT_TMO_UNSET);
		return rc;
	}
	rc = tmo_read(rel_dev, &cur_dev);
	if (rc < 0) {
		fail_note(failed, size, rel_dev, TRANSPORT_TMO_UNSET);
		return rc;
	}
	n = transport_fc_writes(cur_fast, cur_dev, &tp->tmo, w);
	for (int i = 0; i < n; i++) {
		rc = tmo_update(!strcmp(w[i].attr, "dev_loss_tmo") ? rel_dev : rel_fast, w[i].value,
				failed, size);
		if (rc < 0)
			return rc; /* the later steps depend on this one */
		*written += rc;
	}
	return 0;
}

/* The iSCSI session's recovery timeout follows fast_io_fail_tmo (a number;
 * "off" leaves it: a session cannot recover forever); dev_loss_tmo does not
 * apply. What multipath-tools 0.9.4 does (tests/vm scenario 64). */
static int apply_iscsi(const struct transport_path *tp, char *failed, size_t size)
{
	char session[32], rel[96];
	int rc;

	if (!is_secs(tp->tmo.fast_io_fail))
		return 0;
	rc = device_ancestor(&tp->hbtl, "session", session, sizeof(session));
	if (rc < 0) {
		fail_note(failed, size, "class/iscsi_session", TRANSPORT_TMO_UNSET);
		return rc;
	}
	snprintf(rel, sizeof(rel), "class/iscsi_session/%s/recovery_tmo", session);
	return tmo_update(rel, tp->tmo.fast_io_fail, failed, size);
}

int transport_apply(const struct transport_path *tp, char *failed, size_t size)
{
	int written = 0, err = 0;
	char rel[64];

	if (tp->hbtl.host < 0)
		return 0;
	if (!strcmp(tp->protocol, "scsi:fcp"))
		tally(apply_fc(tp, err ? NULL : failed, size, &written), &written, &err);
	else if (!strcmp(tp->protocol, "scsi:iscsi"))
		tally(apply_iscsi(tp, failed, size), &written, &err);
	if (tp->tmo.eh_deadline != TRANSPORT_TMO_UNSET) {
		snprintf(rel, sizeof(rel), "class/scsi_host/host%d/eh_deadline", tp->hbtl.host);
		tally(tmo_update(rel, tp->tmo.eh_deadline, err ? NULL : failed, size), &written,
		      &err);
	}
	return err ? err : written;
}
