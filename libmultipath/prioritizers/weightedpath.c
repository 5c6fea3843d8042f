// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * weightedpath: "<selector> <regex> <prio> [<regex> <prio>]...". The path's
 * string for the selector is matched against each regex in turn; the first
 * match gives the priority, no match gives 0.
 */
#include <errno.h>
#include <limits.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../sysfs.h"
#include "prio.h"

enum wp_selector { WP_HBTL, WP_DEVNAME, WP_SERIAL, WP_WWN };

static const char *const selector_names[] = {
    [WP_HBTL] = "hbtl",
    [WP_DEVNAME] = "devname",
    [WP_SERIAL] = "serial",
    [WP_WWN] = "wwn",
};

/* FC names are "0x" + 16 hex digits; the wwn string holds four of them. */
enum { WWN_STR_SIZE = 4 * 64 + NODE_NAME_SIZE };

static const char *const wp_seps = " \t\n";

/* Copy the next whitespace-separated word of *s into word; advance *s.
 * Returns its length, 0 at the end, -EINVAL when longer than size - 1. */
static int next_word(const char **s, char *word, size_t size)
{
	size_t n;

	*s += strspn(*s, wp_seps);
	n = strcspn(*s, wp_seps);
	if (n >= size)
		return -EINVAL;
	memcpy(word, *s, n);
	word[n] = '\0';
	*s += n;
	return (int)n;
}

static int parse_prio(const char *word, int *prio)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(word, &end, 10);
	if (errno || end == word || *end || v < 0 || v > INT_MAX)
		return -EINVAL;
	*prio = (int)v;
	return 0;
}

static int parse_selector(const char **s, struct strbuf *why)
{
	char word[32];

	if (next_word(s, word, sizeof(word)) <= 0) {
		if (why)
			strbuf_addstr(why, "weightedpath: missing or bad selector");
		return -EINVAL;
	}
	for (int i = 0; i < (int)(sizeof(selector_names) / sizeof(selector_names[0])); i++)
		if (!strcmp(word, selector_names[i]))
			return i;
	if (why)
		strbuf_addf(why, "weightedpath: unknown selector '%s' (hbtl, devname, serial, wwn)",
			    word);
	return -EINVAL;
}

/*
 * Walk all "<regex> <prio>" pairs after the selector (so that bad args are
 * reported even after a match). With subject NULL nothing matches.
 * Returns 1 with *prio from the first regex matching subject, 0 for no
 * match, -EINVAL, -ENOMEM.
 */
static int walk_pairs(const char *s, const char *subject, int *prio, struct strbuf *why)
{
	char re_text[256], num[32];
	int npairs = 0, rc, value, matched = 0;
	regex_t re;

	for (;;) {
		rc = next_word(&s, re_text, sizeof(re_text));
		if (rc == 0)
			break;
		if (rc < 0 || next_word(&s, num, sizeof(num)) <= 0 || parse_prio(num, &value) < 0) {
			if (why)
				strbuf_addstr(why, "weightedpath: expected '<regex> <prio>' pairs "
						   "with prio >= 0");
			return -EINVAL;
		}
		rc = regcomp(&re, re_text, REG_EXTENDED | REG_NOSUB);
		if (rc) {
			if (why)
				strbuf_addf(why, "weightedpath: bad regex '%s'", re_text);
			return rc == REG_ESPACE ? -ENOMEM : -EINVAL;
		}
		if (!matched && subject && regexec(&re, subject, 0, NULL, 0) == 0) {
			*prio = value;
			matched = 1;
		}
		regfree(&re);
		npairs++;
	}
	if (npairs == 0) {
		if (why)
			strbuf_addstr(why, "weightedpath: no '<regex> <prio>' pair");
		return -EINVAL;
	}
	return matched;
}

/* "host_wwnn:host_wwpn:target_wwnn:target_wwpn" from the FC transport
 * classes, or "::<tgt_node_name>:" when they are not there. */
static void wwn_string(const struct path *pp, char *out, size_t size)
{
	char rel[96], hn[64], hp[64], tn[64], tp[64];
	const struct scsi_hbtl *h = &pp->hbtl;
	bool fc = h->host >= 0;

	if (fc) {
		snprintf(rel, sizeof(rel), "class/fc_host/host%d/node_name", h->host);
		fc = sysfs_attr_read(rel, hn, sizeof(hn)) >= 0;
	}
	if (fc) {
		snprintf(rel, sizeof(rel), "class/fc_host/host%d/port_name", h->host);
		fc = sysfs_attr_read(rel, hp, sizeof(hp)) >= 0;
	}
	if (fc) {
		snprintf(rel, sizeof(rel), "class/fc_transport/target%d:%d:%d/node_name", h->host,
			 h->channel, h->target);
		fc = sysfs_attr_read(rel, tn, sizeof(tn)) >= 0;
	}
	if (fc) {
		snprintf(rel, sizeof(rel), "class/fc_transport/target%d:%d:%d/port_name", h->host,
			 h->channel, h->target);
		fc = sysfs_attr_read(rel, tp, sizeof(tp)) >= 0;
	}
	if (fc)
		snprintf(out, size, "%s:%s:%s:%s", hn, hp, tn, tp);
	else
		snprintf(out, size, "::%s:", pp->tgt_node_name);
}

int prio_weightedpath_check(const char *args, struct strbuf *why)
{
	int rc = parse_selector(&args, why);
	int unused;

	if (rc < 0)
		return rc;
	rc = walk_pairs(args, NULL, &unused, why);
	return rc < 0 ? rc : 0;
}

int prio_weightedpath_get(const char *args, const struct path *pp, const char *devnode,
			  unsigned timeout_ms, int *prio)
{
	char subject[WWN_STR_SIZE];
	const char *subj = subject;
	int sel = parse_selector(&args, NULL);
	int rc, value = 0;

	(void)devnode;
	(void)timeout_ms;
	if (sel < 0)
		return sel;
	switch (sel) {
	case WP_HBTL:
		if (pp->hbtl.host < 0) {
			subj = NULL; /* not a SCSI device: nothing matches */
			break;
		}
		snprintf(subject, sizeof(subject), "%d:%d:%d:%d", pp->hbtl.host, pp->hbtl.channel,
			 pp->hbtl.target, pp->hbtl.lun);
		break;
	case WP_DEVNAME:
		strlcpy_trunc(subject, pp->dev, sizeof(subject));
		break;
	case WP_SERIAL:
		strlcpy_trunc(subject, pp->serial, sizeof(subject));
		break;
	default:
		wwn_string(pp, subject, sizeof(subject));
		break;
	}
	rc = walk_pairs(args, subj, &value, NULL);
	if (rc < 0)
		return rc;
	*prio = rc ? value : 0;
	return 0;
}
