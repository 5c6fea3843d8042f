// SPDX-License-Identifier: GPL-2.0-or-later
/* `multipath -t` / `-T`: the configuration as multipath.conf text. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

static bool bit_set(const uint64_t *bits, size_t i)
{
	return bits[i / 64] & (UINT64_C(1) << (i % 64));
}

/* Does the value of keyword i in p differ from its built-in default? */
static bool differs_from_builtin(size_t i, const struct props *p)
{
	const struct keyword *kw = &keywords[i];
	struct props tmp = {0};
	STRBUF_AUTO(a);
	STRBUF_AUTO(b);
	STRBUF_AUTO(why);
	bool differs = true;

	if (kw->builtin && keyword_set(kw, &tmp, kw->builtin, &why) == 0) {
		keyword_format(kw, p, &a);
		keyword_format(kw, &tmp, &b);
		differs = strcmp(strbuf_str(&a), strbuf_str(&b)) != 0;
	}
	props_release(&tmp);
	return differs;
}

static int print_kw(struct strbuf *out, int depth, size_t i, const struct props *p)
{
	int rc = strbuf_addchars(out, '\t', (size_t)depth);

	if (rc >= 0)
		rc = strbuf_addf(out, "%s ", keywords[i].name);
	if (rc >= 0)
		rc = keyword_format(&keywords[i], p, out);
	if (rc >= 0)
		rc = strbuf_addch(out, '\n');
	return rc < 0 ? rc : 0;
}

/*
 * multipath-tools prints device, overrides and multipath entries in another
 * order than the defaults: these first, then the rest in table order.
 */
static const enum kw_id entry_order[] = {
	KW_WWID,	    KW_ALIAS,		 KW_VENDOR,	    KW_PRODUCT,
	KW_REVISION,	    KW_PRODUCT_BLACKLIST, KW_ALIAS_PREFIX,  KW_PATH_GROUPING_POLICY,
	KW_UID_ATTRIBUTE,   KW_PATH_CHECKER,	 KW_CHECKER_TIMEOUT, KW_FEATURES,
	KW_HARDWARE_HANDLER, KW_PATH_SELECTOR,	 KW_PRIO,	    KW_PRIO_ARGS,
	KW_FAILBACK,	    KW_RR_WEIGHT,	 KW_NO_PATH_RETRY,  KW_DETECT_PRIO,
	KW_DETECT_CHECKER,  KW_RR_MIN_IO,	 KW_RR_MIN_IO_RQ,   KW_FLUSH_ON_LAST_DEL,
	KW_FAST_IO_FAIL_TMO, KW_DEV_LOSS_TMO,	 KW_EH_DEADLINE,    KW_VPD_VENDOR,
	KW_USER_FRIENDLY_NAMES,
};

static bool in_entry_order(size_t i)
{
	for (size_t k = 0; k < sizeof(entry_order) / sizeof(entry_order[0]); k++)
		if ((size_t)entry_order[k] == i)
			return true;
	return false;
}

/* Print the keywords of p chosen by `want` (a bit per keyword): in table
 * order for the defaults (entry false), else in entry_order first. */
static int print_props_in(struct strbuf *out, int depth, const struct props *p,
			  const uint64_t *want, bool entry)
{
	if (entry)
		for (size_t k = 0; k < sizeof(entry_order) / sizeof(entry_order[0]); k++)
			if (bit_set(want, entry_order[k]) &&
			    print_kw(out, depth, entry_order[k], p) < 0)
				return -ENOMEM;
	for (size_t i = 0; i < KW_COUNT; i++)
		if (bit_set(want, i) && !(entry && in_entry_order(i)) &&
		    print_kw(out, depth, i, p) < 0)
			return -ENOMEM;
	return 0;
}

static int print_props(struct strbuf *out, int depth, const struct props *p, const uint64_t *want)
{
	return print_props_in(out, depth, p, want, true);
}

static int print_defaults(const struct config *conf, bool only_changes, struct strbuf *out)
{
	const struct props *d = &conf->defaults;
	uint64_t want[2] = {0, 0};

	for (size_t i = 0; i < KW_COUNT; i++) {
		const struct keyword *kw = &keywords[i];
		bool set = props_is_set(d, (enum kw_id)i);

		if (!(kw->sections & SEC_DEFAULTS))
			continue;
		if (only_changes ? set && differs_from_builtin(i, d)
				 : set || kw->builtin || i == KW_MAX_POLLING_INTERVAL)
			want[i / 64] |= UINT64_C(1) << (i % 64);
	}
	if (only_changes && !want[0] && !want[1])
		return 0;
	if (strbuf_addstr(out, "defaults {\n") < 0 || print_props_in(out, 1, d, want, false) < 0)
		return -ENOMEM;
	return strbuf_addstr(out, "}\n") < 0 ? -ENOMEM : 0;
}

static int print_regexes(struct strbuf *out, const char *key, const struct bl_regex_vec *v,
			 bool only_changes)
{
	for (size_t i = 0; i < v->n; i++) {
		struct props p = {.vendor = v->items[i]->re};

		if (only_changes && v->items[i]->builtin)
			continue;
		/* format through a string keyword to get the quoting right */
		if (strbuf_addf(out, "\t%s ", key) < 0 ||
		    keyword_format(&keywords[KW_VENDOR], &p, out) < 0 || strbuf_addch(out, '\n') < 0)
			return -ENOMEM;
	}
	return 0;
}

static int print_blacklist(const struct blacklist *bl, const char *name, bool only_changes,
			   struct strbuf *out)
{
	STRBUF_AUTO(body);
	int rc = 0;

	rc |= print_regexes(&body, "devnode", &bl->devnode, only_changes);
	rc |= print_regexes(&body, "wwid", &bl->wwid, only_changes);
	rc |= print_regexes(&body, "property", &bl->property, only_changes);
	rc |= print_regexes(&body, "protocol", &bl->protocol, only_changes);
	for (size_t i = 0; rc == 0 && i < bl->device.n; i++) {
		const struct bl_device *b = bl->device.items[i];
		struct props p = {.vendor = b->vendor, .product = b->product};
		uint64_t want[2] = {0, 0};

		if (only_changes && b->builtin)
			continue;
		if (b->vendor)
			want[0] |= UINT64_C(1) << KW_VENDOR;
		if (b->product)
			want[0] |= UINT64_C(1) << KW_PRODUCT;
		rc |= strbuf_addstr(&body, "\tdevice {\n") < 0;
		rc |= print_props(&body, 2, &p, want);
		rc |= strbuf_addstr(&body, "\t}\n") < 0;
	}
	if (rc)
		return -ENOMEM;
	if (only_changes && body.len == 0)
		return 0;
	if (strbuf_addf(out, "%s {\n%s}\n", name, strbuf_str(&body)) < 0)
		return -ENOMEM;
	return 0;
}

/* used[i]: one of the n devices (vendor, product, revision triples) matches
 * hwtable entry i. */
static void mark_used(const struct config *conf, const char *const *dev, size_t n, bool *used)
{
	enum { MAX_MATCHES = 32 };

	for (size_t d = 0; d < n; d++) {
		const struct hwentry *found[MAX_MATCHES];
		size_t nf = config_find_hwentries(conf, dev[3 * d], dev[3 * d + 1],
						  dev[3 * d + 2], found, MAX_MATCHES);

		for (size_t k = 0; k < nf && k < MAX_MATCHES; k++)
			for (size_t i = 0; i < conf->hwtable.n; i++)
				if (conf->hwtable.items[i] == found[k])
					used[i] = true;
	}
}

/* used: NULL for every entry, else only those marked */
static int print_devices(const struct config *conf, bool only_changes, const bool *used,
			 struct strbuf *out)
{
	STRBUF_AUTO(body);

	for (size_t i = 0; i < conf->hwtable.n; i++) {
		const struct hwentry *h = conf->hwtable.items[i];
		uint64_t want[2] = {h->p.set[0], h->p.set[1]};

		if (used && !used[i])
			continue;

		if (only_changes && h->builtin) {
			if (!h->file_set[0] && !h->file_set[1])
				continue;
			want[0] = h->file_set[0] | UINT64_C(1) << KW_VENDOR |
				  UINT64_C(1) << KW_PRODUCT;
			want[1] = h->file_set[1];
			if (h->p.revision)
				want[0] |= UINT64_C(1) << KW_REVISION;
		}
		if (strbuf_addstr(&body, "\tdevice {\n") < 0 ||
		    print_props(&body, 2, &h->p, want) < 0 || strbuf_addstr(&body, "\t}\n") < 0)
			return -ENOMEM;
	}
	if (only_changes && body.len == 0)
		return 0;
	return strbuf_addf(out, "devices {\n%s}\n", strbuf_str(&body)) < 0 ? -ENOMEM : 0;
}

static int print_protocol(struct strbuf *out, const struct pcentry *pc)
{
	struct props t = {.vendor = pc->type};

	if (strbuf_addstr(out, "\tprotocol {\n\t\ttype ") < 0 ||
	    keyword_format(&keywords[KW_VENDOR], &t, out) < 0 || strbuf_addch(out, '\n') < 0 ||
	    print_props(out, 2, &pc->p, pc->p.set) < 0 || strbuf_addstr(out, "\t}\n") < 0)
		return -ENOMEM;
	return 0;
}

static int print_overrides(const struct config *conf, bool only_changes, struct strbuf *out)
{
	const struct props *o = &conf->overrides;

	if (only_changes && !o->set[0] && !o->set[1] && conf->protocols.n == 0)
		return 0;
	if (strbuf_addstr(out, "overrides {\n") < 0 || print_props(out, 1, o, o->set) < 0)
		return -ENOMEM;
	for (size_t i = 0; i < conf->protocols.n; i++)
		if (print_protocol(out, conf->protocols.items[i]) < 0)
			return -ENOMEM;
	return strbuf_addstr(out, "}\n") < 0 ? -ENOMEM : 0;
}

static int print_multipaths(const struct config *conf, bool only_changes, struct strbuf *out)
{
	if (only_changes && conf->mptable.n == 0)
		return 0;
	if (strbuf_addstr(out, "multipaths {\n") < 0)
		return -ENOMEM;
	for (size_t i = 0; i < conf->mptable.n; i++) {
		const struct props *p = &conf->mptable.items[i]->p;

		if (strbuf_addstr(out, "\tmultipath {\n") < 0 || print_props(out, 2, p, p->set) < 0 ||
		    strbuf_addstr(out, "\t}\n") < 0)
			return -ENOMEM;
	}
	return strbuf_addstr(out, "}\n") < 0 ? -ENOMEM : 0;
}

static int print_all(const struct config *conf, bool only_changes, const bool *used,
		     struct strbuf *out)
{
	if (print_defaults(conf, only_changes, out) < 0 ||
	    print_blacklist(&conf->blist, "blacklist", only_changes, out) < 0 ||
	    print_blacklist(&conf->elist, "blacklist_exceptions", only_changes, out) < 0 ||
	    print_devices(conf, only_changes, used, out) < 0 ||
	    print_overrides(conf, only_changes, out) < 0 ||
	    print_multipaths(conf, only_changes, out) < 0)
		return -ENOMEM;
	return 0;
}

int config_print(const struct config *conf, bool only_changes, struct strbuf *out)
{
	return print_all(conf, only_changes, NULL, out);
}

int config_print_local(const struct config *conf, const char *const *dev, size_t n,
		       struct strbuf *out)
{
	bool *used = calloc(conf->hwtable.n ? conf->hwtable.n : 1, sizeof(*used));
	int rc;

	if (!used)
		return -ENOMEM;
	mark_used(conf, dev, n, used);
	rc = print_all(conf, false, used, out);
	free(used);
	return rc;
}
