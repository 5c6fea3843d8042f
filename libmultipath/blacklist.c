// SPDX-License-Identifier: GPL-2.0-or-later
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include <libudev.h>

#include "blacklist.h"
#include "util/log.h"

/* Does text match r? See struct bl_re: a leading '!' negates, an entry
 * that did not compile matches nothing. */
static bool rule_match(const struct bl_re *r, const char *text)
{
	if (!r->compiled)
		return false;
	return (regexec(&r->re, text, 0, NULL, 0) == 0) != r->neg;
}

/* The first regex of v that text matches, or NULL. */
static const char *list_match(const struct bl_regex_vec *v, const char *text)
{
	for (size_t i = 0; i < v->n; i++)
		if (rule_match(&v->items[i]->comp, text))
			return v->items[i]->re;
	return NULL;
}

const char *blacklist_match_name(int match)
{
	switch (match) {
	case MATCH_BLACKLIST:
		return "blacklisted";
	case MATCH_EXCEPTION:
		return "whitelisted";
	default:
		return "no match";
	}
}

static void log_match(const char *name, const char *what, int match, const char *rule)
{
	if (match != MATCH_NOTHING)
		mp_log(3, "%s: %s %s by \"%s\"", name, what, blacklist_match_name(match), rule);
}

/* One regex category: exception first, then blacklist. */
static int judge_regex(const struct bl_regex_vec *bl, const struct bl_regex_vec *el,
		       const char *name, const char *what, const char *text)
{
	const char *rule;
	int match = MATCH_NOTHING;

	if (!text || !*text)
		return MATCH_NOTHING;
	if ((rule = list_match(el, text)))
		match = MATCH_EXCEPTION;
	else if ((rule = list_match(bl, text)))
		match = MATCH_BLACKLIST;
	log_match(name, what, match, rule);
	return match;
}

static int devnode_judge(const struct config *conf, const char *name, const char *devname)
{
	return judge_regex(&conf->blist.devnode, &conf->elist.devnode, name, "devnode", devname);
}

static int wwid_judge(const struct config *conf, const char *name, const char *wwid)
{
	return judge_regex(&conf->blist.wwid, &conf->elist.wwid, name, "wwid", wwid);
}

int blacklist_devnode(const struct config *conf, const char *devname)
{
	return devnode_judge(conf, devname, devname);
}

int blacklist_wwid(const struct config *conf, const char *wwid)
{
	return wwid_judge(conf, wwid, wwid);
}

int blacklist_protocol(const struct config *conf, const char *protocol)
{
	return judge_regex(&conf->blist.protocol, &conf->elist.protocol, protocol, "protocol",
			   protocol);
}

/* ---- device: vendor + product ---- */

static bool device_entry_match(const struct bl_device *d, const char *vendor, const char *product)
{
	return (!d->vendor || rule_match(&d->vendor_re, vendor)) &&
	       (!d->product || rule_match(&d->product_re, product));
}

static const struct bl_device *device_list_match(const struct bl_device_vec *v, const char *vendor,
						 const char *product)
{
	for (size_t i = 0; i < v->n; i++)
		if (device_entry_match(v->items[i], vendor, product))
			return v->items[i];
	return NULL;
}

/* A devices entry whose vendor matches and whose product_blacklist matches
 * product. */
static const struct hwentry *hw_product_blacklisted(const struct config *conf, const char *vendor,
						    const char *product)
{
	for (size_t i = 0; i < conf->hwtable.n; i++) {
		const struct hwentry *h = conf->hwtable.items[i];

		if (h->p.product_blacklist && h->p.vendor && rule_match(&h->bl_vendor_re, vendor) &&
		    rule_match(&h->bl_product_re, product))
			return h;
	}
	return NULL;
}

static int device_judge(const struct config *conf, const char *name, const char *vendor,
			const char *product)
{
	const struct bl_device *d;
	const struct hwentry *h;

	vendor = vendor ? vendor : "";
	product = product ? product : "";
	if (!*vendor && !*product)
		return MATCH_NOTHING;
	if ((d = device_list_match(&conf->elist.device, vendor, product))) {
		mp_log(3, "%s: device %s:%s whitelisted by \"%s\":\"%s\"", name, vendor, product,
		       d->vendor ? d->vendor : "", d->product ? d->product : "");
		return MATCH_EXCEPTION;
	}
	if ((d = device_list_match(&conf->blist.device, vendor, product))) {
		mp_log(3, "%s: device %s:%s blacklisted by \"%s\":\"%s\"", name, vendor, product,
		       d->vendor ? d->vendor : "", d->product ? d->product : "");
		return MATCH_BLACKLIST;
	}
	if ((h = hw_product_blacklisted(conf, vendor, product))) {
		mp_log(3,
		       "%s: device %s:%s blacklisted by product_blacklist \"%s\" of vendor \"%s\"",
		       name, vendor, product, h->p.product_blacklist, h->p.vendor);
		return MATCH_BLACKLIST;
	}
	return MATCH_NOTHING;
}

int blacklist_device(const struct config *conf, const char *vendor, const char *product)
{
	return device_judge(conf, "device", vendor, product);
}

/* ---- udev properties ---- */

static int property_judge(const struct config *conf, const char *name, struct udev_device *ud,
			  const char **reason)
{
	struct udev_list_entry *le;
	const char *blacklisted_by = NULL, *prop = NULL;

	if (!ud)
		return MATCH_NOTHING;
	for (le = udev_device_get_properties_list_entry(ud); le;
	     le = udev_list_entry_get_next(le)) {
		const char *key = udev_list_entry_get_name(le);
		const char *rule;

		if (!key)
			continue;
		if ((rule = list_match(&conf->elist.property, key))) {
			mp_log(3, "%s: udev property %s whitelisted by \"%s\"", name, key, rule);
			return MATCH_EXCEPTION;
		}
		if (!blacklisted_by && (rule = list_match(&conf->blist.property, key))) {
			blacklisted_by = rule;
			prop = key;
		}
	}
	if (blacklisted_by) {
		mp_log(3, "%s: udev property %s blacklisted by \"%s\"", name, prop, blacklisted_by);
		*reason = "udev property blacklist";
		return MATCH_BLACKLIST;
	}
	/* a device udev has not finished with (the first add event, while
	 * its rules still run: `multipath -u`) lacks the properties later
	 * rules set; it is judged by them once udev is done with it, as
	 * multipath-tools does */
	if (conf->elist.property.n && udev_device_get_is_initialized(ud) <= 0) {
		mp_log(3, "%s: udev has not initialized it: no property rule yet", name);
		return MATCH_NOTHING;
	}
	if (conf->elist.property.n) {
		mp_log(3, "%s: no udev property matches blacklist_exceptions", name);
		*reason = "udev property missing";
		return MATCH_BLACKLIST;
	}
	return MATCH_NOTHING;
}

int blacklist_property(const struct config *conf, struct udev_device *ud)
{
	const char *reason;

	return property_judge(conf, "udev device", ud, &reason);
}

int blacklist_path(const struct config *conf, const struct path *pp, struct udev_device *ud,
		   const char **reason)
{
	const char *name = pp->dev[0] ? pp->dev : pp->dev_t;
	const char *why = NULL;
	int verdict[5];
	int result = MATCH_NOTHING;

	verdict[0] = devnode_judge(conf, name, pp->dev);
	if (verdict[0] == MATCH_BLACKLIST) {
		why = "devnode blacklist";
		goto blacklisted;
	}
	verdict[1] = device_judge(conf, name, pp->vendor, pp->product);
	if (verdict[1] == MATCH_BLACKLIST) {
		why = "device blacklist";
		goto blacklisted;
	}
	verdict[2] = blacklist_protocol(conf, pp->protocol);
	if (verdict[2] == MATCH_BLACKLIST) {
		why = "protocol blacklist";
		goto blacklisted;
	}
	verdict[3] = wwid_judge(conf, name, pp->wwid);
	if (verdict[3] == MATCH_BLACKLIST) {
		why = "wwid blacklist";
		goto blacklisted;
	}
	verdict[4] = property_judge(conf, name, ud, &why);
	if (verdict[4] == MATCH_BLACKLIST)
		goto blacklisted;
	for (size_t i = 0; i < 5; i++)
		if (verdict[i] == MATCH_EXCEPTION)
			result = MATCH_EXCEPTION;
	return result;
blacklisted:
	if (reason)
		*reason = why;
	return MATCH_BLACKLIST;
}
