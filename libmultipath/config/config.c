// SPDX-License-Identifier: GPL-2.0-or-later
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "../util/log.h"
#include "config.h"

/* Where definitions come from while loading. */
struct loader {
	struct config *conf;
	struct diags *d;
	bool builtin;   /* the built-in tables */
	bool main_file; /* config_dir is honoured only there */
};

static const char *section_name(unsigned sec)
{
	switch (sec) {
	case SEC_DEFAULTS:
		return "defaults";
	case SEC_DEVICE:
		return "devices/device";
	case SEC_OVERRIDES:
		return "overrides";
	case SEC_PROTOCOL:
		return "overrides/protocol";
	default:
		return "multipaths/multipath";
	}
}

/* Apply one "keyword value" line to p. Returns 0 or -ENOMEM. */
static int apply_keyword(struct loader *ld, struct props *p, unsigned sec, const struct cnode *n)
{
	const struct keyword *kw = keyword_find(n->key);
	STRBUF_AUTO(why);

	if (!kw && keyword_is_deprecated(n->key)) {
		mp_log(3, "%s line %d: ignoring deprecated option \"%s\"", n->file, n->line,
		       n->key);
		return 0;
	}
	if (!kw) {
		diags_add(ld->d, DIAG_WARNING, n->file, n->line, "unknown keyword '%s' ignored",
			  n->key);
		return 0;
	}
	if (!(kw->sections & sec)) {
		diags_add(ld->d, DIAG_WARNING, n->file, n->line,
			  "keyword '%s' is not valid in the %s section, ignored", n->key,
			  section_name(sec));
		return 0;
	}
	if (keyword_id(kw) == KW_CONFIG_DIR && !ld->main_file && !ld->builtin) {
		diags_add(ld->d, DIAG_WARNING, n->file, n->line,
			  "config_dir is only read from the main configuration file, ignored");
		return 0;
	}
	switch (keyword_set(kw, p, n->value, &why)) {
	case 0:
		return 0;
	case -EINVAL:
		diags_add(ld->d, DIAG_ERROR, n->file, n->line, "%s; keeping the previous value",
			  strbuf_str(&why));
		return 0;
	default:
		return -ENOMEM;
	}
}

static int add_protocol(struct loader *ld, const struct cnode *s);

static int apply_props(struct loader *ld, struct props *p, unsigned sec, const struct cnode *s)
{
	for (size_t i = 0; i < s->children.n; i++) {
		const struct cnode *n = s->children.items[i];

		if (n->section && sec == SEC_OVERRIDES && !strcmp(n->key, "protocol")) {
			if (add_protocol(ld, n) < 0)
				return -ENOMEM;
			continue;
		}
		if (n->section) {
			if (*n->key)
				diags_add(ld->d, DIAG_WARNING, n->file, n->line,
					  "unexpected section '%s' in the %s section, ignored",
					  n->key, section_name(sec));
			continue;
		}
		if (apply_keyword(ld, p, sec, n) < 0)
			return -ENOMEM;
	}
	return 0;
}

static bool same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static void bl_re_release(struct bl_re *r)
{
	if (r->compiled)
		regfree(&r->re);
	r->compiled = false;
}

static void hwentry_free(struct hwentry *h)
{
	if (!h)
		return;
	if (h->compiled) {
		regfree(&h->vendor_re);
		regfree(&h->product_re);
		if (h->has_revision)
			regfree(&h->revision_re);
	}
	bl_re_release(&h->bl_vendor_re);
	bl_re_release(&h->bl_product_re);
	props_release(&h->p);
	free(h);
}

/* Merge the set keywords of src into dst. Returns 0 or -ENOMEM. */
static int props_merge(struct props *dst, const struct props *src, uint64_t *file_set)
{
	for (size_t i = 0; i < KW_COUNT; i++) {
		if (!props_is_set(src, (enum kw_id)i))
			continue;
		if (keyword_copy(&keywords[i], dst, src) < 0)
			return -ENOMEM;
		if (file_set)
			file_set[i / 64] |= UINT64_C(1) << (i % 64);
	}
	return 0;
}

static int add_device(struct loader *ld, const struct cnode *s)
{
	struct hwentry *h = calloc(1, sizeof(*h));
	struct hwentry_vec *tab = &ld->conf->hwtable;

	if (!h || apply_props(ld, &h->p, SEC_DEVICE, s) < 0)
		goto nomem;
	if (!h->p.vendor || !h->p.product) {
		diags_add(ld->d, DIAG_ERROR, s->file, s->line,
			  "device entry without vendor and product, ignored");
		hwentry_free(h);
		return 0;
	}
	for (size_t i = 0; i < tab->n; i++) {
		struct hwentry *old = tab->items[i];

		if (!same_str(old->p.vendor, h->p.vendor) ||
		    !same_str(old->p.product, h->p.product) ||
		    !same_str(old->p.revision, h->p.revision))
			continue;
		if (props_merge(&old->p, &h->p, old->builtin && !ld->builtin ? old->file_set : NULL))
			goto nomem;
		hwentry_free(h);
		return 0;
	}
	h->builtin = ld->builtin;
	if (hwentry_vec_push(tab, h) == 0)
		return 0;
nomem:
	hwentry_free(h);
	return -ENOMEM;
}

static void pcentry_free(struct pcentry *pc)
{
	if (!pc)
		return;
	free(pc->type);
	props_release(&pc->p);
	free(pc);
}

/* overrides { protocol { type NAME; keywords } } */
static int add_protocol(struct loader *ld, const struct cnode *s)
{
	struct pcentry *pc = calloc(1, sizeof(*pc));
	struct pcentry_vec *tab = &ld->conf->protocols;
	const char *type = NULL;
	int type_line = s->line;

	if (!pc)
		return -ENOMEM;
	for (size_t i = 0; i < s->children.n; i++) {
		const struct cnode *n = s->children.items[i];

		if (!n->section && !strcmp(n->key, "type")) {
			type = n->value;
			type_line = n->line;
		} else if (!n->section && apply_keyword(ld, &pc->p, SEC_PROTOCOL, n) < 0) {
			goto nomem;
		} else if (n->section && *n->key) {
			diags_add(ld->d, DIAG_WARNING, n->file, n->line,
				  "unexpected section '%s' in a protocol subsection, ignored",
				  n->key);
		}
	}
	if (!type || !*type) {
		diags_add(ld->d, DIAG_ERROR, s->file, s->line,
			  "protocol subsection without type, ignored");
		pcentry_free(pc);
		return 0;
	}
	if (!protocol_name_valid(type))
		diags_add(ld->d, DIAG_WARNING, s->file, type_line,
			  "protocol type '%s' is not a protocol multipath knows", type);
	for (size_t i = 0; i < tab->n; i++) {
		if (strcmp(tab->items[i]->type, type))
			continue;
		if (props_merge(&tab->items[i]->p, &pc->p, NULL) < 0)
			goto nomem;
		pcentry_free(pc);
		return 0;
	}
	if (!(pc->type = strdup(type)) || pcentry_vec_push(tab, pc) < 0)
		goto nomem;
	return 0;
nomem:
	pcentry_free(pc);
	return -ENOMEM;
}

static int add_multipath(struct loader *ld, const struct cnode *s)
{
	struct mpentry *m = calloc(1, sizeof(*m));
	struct mpentry_vec *tab = &ld->conf->mptable;

	if (!m || apply_props(ld, &m->p, SEC_MULTIPATH, s) < 0)
		goto nomem;
	if (!m->p.wwid) {
		diags_add(ld->d, DIAG_ERROR, s->file, s->line,
			  "multipath entry without wwid, ignored");
		props_release(&m->p);
		free(m);
		return 0;
	}
	for (size_t i = 0; i < tab->n; i++) {
		if (strcmp(tab->items[i]->p.wwid, m->p.wwid))
			continue;
		diags_add(ld->d, DIAG_WARNING, s->file, s->line,
			  "second multipath entry for wwid %s, merged into the first", m->p.wwid);
		if (props_merge(&tab->items[i]->p, &m->p, NULL) < 0)
			goto nomem;
		props_release(&m->p);
		free(m);
		return 0;
	}
	if (mpentry_vec_push(tab, m) == 0)
		return 0;
nomem:
	if (m)
		props_release(&m->p);
	free(m);
	return -ENOMEM;
}

/* Add a validated regex to a list unless it is there already. */
static int add_regex(struct loader *ld, struct bl_regex_vec *v, const struct cnode *n)
{
	struct bl_regex *e;
	STRBUF_AUTO(why);

	if (regex_validate(n->value, &why) < 0) {
		diags_add(ld->d, DIAG_ERROR, n->file, n->line, "%s: %s, ignored", n->key,
			  strbuf_str(&why));
		return 0;
	}
	for (size_t i = 0; i < v->n; i++)
		if (!strcmp(v->items[i]->re, n->value))
			return 0;
	e = calloc(1, sizeof(*e));
	if (!e || !(e->re = strdup(n->value)) || bl_regex_vec_push(v, e) < 0) {
		if (e)
			free(e->re);
		free(e);
		return -ENOMEM;
	}
	e->builtin = ld->builtin;
	return 0;
}

static void bl_device_free(struct bl_device *b)
{
	if (!b)
		return;
	bl_re_release(&b->vendor_re);
	bl_re_release(&b->product_re);
	free(b->vendor);
	free(b->product);
	free(b);
}

static int add_bl_device(struct loader *ld, struct bl_device_vec *v, const struct cnode *s)
{
	struct props p = {0};
	struct bl_device *b;
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < s->children.n; i++) {
		const struct cnode *n = s->children.items[i];

		if (!n->section && (!strcmp(n->key, "vendor") || !strcmp(n->key, "product")))
			rc = apply_keyword(ld, &p, SEC_DEVICE, n);
		else if (*n->key)
			diags_add(ld->d, DIAG_WARNING, n->file, n->line,
				  "'%s' has no meaning in a blacklist device entry, ignored",
				  n->key);
	}
	if (rc < 0)
		goto out;
	if (!p.vendor && !p.product) {
		diags_add(ld->d, DIAG_ERROR, s->file, s->line,
			  "blacklist device entry without vendor or product, ignored");
		goto out;
	}
	for (size_t i = 0; i < v->n; i++)
		if (same_str(v->items[i]->vendor, p.vendor) &&
		    same_str(v->items[i]->product, p.product))
			goto out;
	b = calloc(1, sizeof(*b));
	if (!b || bl_device_vec_push(v, b) < 0) {
		free(b);
		rc = -ENOMEM;
		goto out;
	}
	b->vendor = p.vendor;
	b->product = p.product;
	b->builtin = ld->builtin;
	p.vendor = p.product = NULL;
out:
	props_release(&p);
	return rc;
}

static int apply_blacklist(struct loader *ld, struct blacklist *bl, const struct cnode *s)
{
	for (size_t i = 0; i < s->children.n; i++) {
		const struct cnode *n = s->children.items[i];
		int rc = 0;

		if (n->section && !strcmp(n->key, "device"))
			rc = add_bl_device(ld, &bl->device, n);
		else if (n->section && *n->key)
			diags_add(ld->d, DIAG_WARNING, n->file, n->line,
				  "unexpected section '%s' in %s, ignored", n->key, s->key);
		else if (n->section)
			continue;
		else if (!strcmp(n->key, "devnode"))
			rc = add_regex(ld, &bl->devnode, n);
		else if (!strcmp(n->key, "wwid"))
			rc = add_regex(ld, &bl->wwid, n);
		else if (!strcmp(n->key, "property"))
			rc = add_regex(ld, &bl->property, n);
		else if (!strcmp(n->key, "protocol"))
			rc = add_regex(ld, &bl->protocol, n);
		else
			diags_add(ld->d, DIAG_WARNING, n->file, n->line,
				  "unknown keyword '%s' in %s, ignored", n->key, s->key);
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* devices { device {...} } and multipaths { multipath {...} } */
static int apply_list(struct loader *ld, const struct cnode *s, const char *item,
		      int (*add)(struct loader *, const struct cnode *))
{
	for (size_t i = 0; i < s->children.n; i++) {
		const struct cnode *n = s->children.items[i];

		if (n->section && !strcmp(n->key, item)) {
			if (add(ld, n) < 0)
				return -ENOMEM;
		} else if (*n->key) {
			diags_add(ld->d, DIAG_WARNING, n->file, n->line,
				  "only '%s' sections belong in %s: '%s' ignored", item, s->key,
				  n->key);
		}
	}
	return 0;
}

static int apply_section(struct loader *ld, const struct cnode *s)
{
	struct config *conf = ld->conf;

	if (!strcmp(s->key, "defaults"))
		return apply_props(ld, &conf->defaults, SEC_DEFAULTS, s);
	if (!strcmp(s->key, "blacklist"))
		return apply_blacklist(ld, &conf->blist, s);
	if (!strcmp(s->key, "blacklist_exceptions"))
		return apply_blacklist(ld, &conf->elist, s);
	if (!strcmp(s->key, "devices"))
		return apply_list(ld, s, "device", add_device);
	if (!strcmp(s->key, "overrides"))
		return apply_props(ld, &conf->overrides, SEC_OVERRIDES, s);
	if (!strcmp(s->key, "multipaths"))
		return apply_list(ld, s, "multipath", add_multipath);
	if (*s->key)
		diags_add(ld->d, DIAG_WARNING, s->file, s->line, "unknown section '%s' ignored",
			  s->key);
	return 0;
}

static int apply_tree(struct loader *ld, const struct cnode *root)
{
	for (size_t i = 0; i < root->children.n; i++) {
		const struct cnode *n = root->children.items[i];

		if (!n->section) {
			diags_add(ld->d, DIAG_WARNING, n->file, n->line,
				  "keyword '%s' outside of any section, ignored", n->key);
			continue;
		}
		if (apply_section(ld, n) < 0)
			return -ENOMEM;
	}
	return 0;
}

static int apply_text(struct loader *ld, const char *text, size_t len, const char *name)
{
	struct cnode *root;
	int rc = conf_parse_text(text, len, name, ld->d, &root);

	if (rc < 0)
		return rc;
	rc = apply_tree(ld, root);
	cnode_free(root);
	return rc;
}

static void blacklist_release(struct blacklist *bl)
{
	struct bl_regex_vec *lists[] = {&bl->devnode, &bl->wwid, &bl->property, &bl->protocol};

	for (size_t l = 0; l < 4; l++) {
		for (size_t i = 0; i < lists[l]->n; i++) {
			bl_re_release(&lists[l]->items[i]->comp);
			free(lists[l]->items[i]->re);
			free(lists[l]->items[i]);
		}
		bl_regex_vec_release(lists[l]);
	}
	for (size_t i = 0; i < bl->device.n; i++)
		bl_device_free(bl->device.items[i]);
	bl_device_vec_release(&bl->device);
}

void config_free(struct config *conf)
{
	if (!conf)
		return;
	props_release(&conf->defaults);
	props_release(&conf->overrides);
	for (size_t i = 0; i < conf->hwtable.n; i++)
		hwentry_free(conf->hwtable.items[i]);
	hwentry_vec_release(&conf->hwtable);
	for (size_t i = 0; i < conf->mptable.n; i++) {
		props_release(&conf->mptable.items[i]->p);
		free(conf->mptable.items[i]);
	}
	mpentry_vec_release(&conf->mptable);
	for (size_t i = 0; i < conf->protocols.n; i++)
		pcentry_free(conf->protocols.items[i]);
	pcentry_vec_release(&conf->protocols);
	blacklist_release(&conf->blist);
	blacklist_release(&conf->elist);
	free(conf);
}

/* A config holding the built-in defaults and tables. */
static int config_new(struct config **out)
{
	struct loader ld = {.builtin = true};
	struct config *conf = calloc(1, sizeof(*conf));
	struct diags internal = {0};
	STRBUF_AUTO(why);

	if (!conf)
		return -ENOMEM;
	ld.conf = conf;
	for (size_t i = 0; i < KW_COUNT; i++) {
		if (!keywords[i].builtin)
			continue;
		if (keyword_set(&keywords[i], &conf->defaults, keywords[i].builtin, &why) < 0)
			goto fail;
	}
	memset(conf->defaults.set, 0, sizeof(conf->defaults.set));
	ld.d = &internal;
	if (apply_text(&ld, builtin_hwtable, strlen(builtin_hwtable), "(built-in)") < 0)
		goto fail;
	diags_release(&internal);
	*out = conf;
	return 0;
fail:
	diags_release(&internal);
	config_free(conf);
	return -ENOMEM;
}

/* 0, -ENOMEM, or -EINVAL when s is not a valid regex (nothing to free) */
static int compile(regex_t *re, const char *s)
{
	int rc = regcomp(re, s, REG_EXTENDED | REG_NOSUB);

	if (rc == 0)
		return 0;
	return rc == REG_ESPACE ? -ENOMEM : -EINVAL;
}

/*
 * Compile the entry's regexes. A regex that does not compile leaves the
 * entry uncompiled and marked bad_regex (it matches nothing), as
 * multipath-tools keeps such an entry. Returns 0 or -ENOMEM.
 */
static int hwentry_compile(struct hwentry *h)
{
	int rc = compile(&h->vendor_re, h->p.vendor);

	if (rc < 0)
		goto out;
	rc = compile(&h->product_re, h->p.product);
	if (rc < 0)
		goto free_vendor;
	if (h->p.revision && (rc = compile(&h->revision_re, h->p.revision)) < 0)
		goto free_product;
	h->has_revision = h->p.revision != NULL;
	h->compiled = true;
	return 0;
free_product:
	regfree(&h->product_re);
free_vendor:
	regfree(&h->vendor_re);
out:
	if (rc != -EINVAL)
		return rc;
	h->bad_regex = true;
	mp_log(3, "device entry \"%s\" \"%s\": a regular expression does not compile, "
		  "the entry matches no device", h->p.vendor, h->p.product);
	return 0;
}

/*
 * Compile a blacklist regex (text NULL: nothing to do). The texts were
 * validated when parsed, so only memory should fail here: -ENOMEM. Any
 * other failure leaves r uncompiled, an entry that matches nothing.
 */
static int bl_re_compile(struct bl_re *r, const char *text)
{
	int rc;

	if (!text)
		return 0;
	r->neg = text[0] == '!';
	rc = regcomp(&r->re, r->neg ? text + 1 : text, REG_EXTENDED | REG_NOSUB);
	if (rc == REG_ESPACE)
		return -ENOMEM;
	r->compiled = rc == 0;
	return 0;
}

static int blacklist_compile(struct blacklist *bl)
{
	struct bl_regex_vec *lists[] = {&bl->devnode, &bl->wwid, &bl->property, &bl->protocol};
	int rc = 0;

	for (size_t l = 0; l < 4; l++)
		for (size_t i = 0; rc == 0 && i < lists[l]->n; i++)
			rc = bl_re_compile(&lists[l]->items[i]->comp, lists[l]->items[i]->re);
	for (size_t i = 0; rc == 0 && i < bl->device.n; i++) {
		struct bl_device *b = bl->device.items[i];

		rc = bl_re_compile(&b->vendor_re, b->vendor);
		if (rc == 0)
			rc = bl_re_compile(&b->product_re, b->product);
	}
	return rc;
}

/* Compile regexes and fill computed defaults. Returns 0 or -ENOMEM; what
 * was compiled before a failure is freed by config_free(). */
static int config_finalize(struct config *conf)
{
	struct props *d = &conf->defaults;

	if (!props_is_set(d, KW_MAX_POLLING_INTERVAL))
		d->max_polling_interval = 4 * d->polling_interval;
	for (size_t i = 0; i < conf->hwtable.n; i++) {
		struct hwentry *h = conf->hwtable.items[i];

		if (hwentry_compile(h) < 0)
			return -ENOMEM;
		if (!h->p.product_blacklist)
			continue;
		if (bl_re_compile(&h->bl_vendor_re, h->p.vendor) < 0 ||
		    bl_re_compile(&h->bl_product_re, h->p.product_blacklist) < 0)
			return -ENOMEM;
	}
	if (blacklist_compile(&conf->blist) < 0 || blacklist_compile(&conf->elist) < 0)
		return -ENOMEM;
	return 0;
}

/* Finalize a loaded config and hand it out, or free it after an error. */
static int config_finish(struct config *conf, int rc, struct config **out)
{
	if (rc == 0)
		rc = config_finalize(conf);
	if (rc < 0) {
		config_free(conf);
		return rc;
	}
	*out = conf;
	return 0;
}

int config_load_text(const char *text, size_t len, const char *name, struct diags *diags,
		     struct config **out)
{
	struct loader ld = {.d = diags, .main_file = true};
	int rc = config_new(&ld.conf);

	if (rc < 0)
		return rc;
	return config_finish(ld.conf, apply_text(&ld, text, len, name), out);
}

static int is_conf_file(const struct dirent *e)
{
	return e->d_name[0] != '.' && !fnmatch("*.conf", e->d_name, 0);
}

static int apply_file(struct loader *ld, const char *path)
{
	struct cnode *root;
	int rc = conf_parse_file(path, ld->d, &root);

	if (rc < 0)
		return rc;
	rc = apply_tree(ld, root);
	cnode_free(root);
	return rc;
}

/* Read the *.conf files of dir in alphabetical order. */
static int apply_config_dir(struct loader *ld, const char *dir)
{
	struct dirent **list;
	int n = scandir(dir, &list, is_conf_file, alphasort), rc = 0;

	if (n < 0)
		return errno == ENOMEM ? -ENOMEM : 0;
	for (int i = 0; i < n; i++) {
		STRBUF_AUTO(path);

		if (rc == 0 && strbuf_addf(&path, "%s/%s", dir, list[i]->d_name) < 0)
			rc = -ENOMEM;
		if (rc == 0) {
			int frc = apply_file(ld, strbuf_str(&path));

			if (frc == -ENOMEM)
				rc = frc;
			else if (frc < 0)
				diags_add(ld->d, DIAG_ERROR, strbuf_str(&path), 0,
					  "cannot read: %s", errno_desc(-frc));
		}
		free(list[i]);
	}
	free(list);
	return rc;
}

int config_load(const char *path, struct diags *diags, struct config **out)
{
	struct loader ld = {.d = diags, .main_file = true};
	int rc = config_new(&ld.conf);

	if (rc < 0)
		return rc;
	rc = apply_file(&ld, path ? path : DEFAULT_CONFIG_FILE);
	if (rc == -ENOENT)
		rc = 0;
	ld.main_file = false;
	if (rc == 0 && ld.conf->defaults.config_dir && ld.conf->defaults.config_dir[0] == '/')
		rc = apply_config_dir(&ld, ld.conf->defaults.config_dir);
	return config_finish(ld.conf, rc, out);
}

static bool regex_matches(const regex_t *re, const char *s)
{
	return regexec(re, s ? s : "", 0, NULL, 0) == 0;
}

size_t config_find_hwentries(const struct config *conf, const char *vendor, const char *product,
			     const char *revision, const struct hwentry **found, size_t max)
{
	size_t n = 0;

	for (size_t i = conf->hwtable.n; i-- > 0;) {
		const struct hwentry *h = conf->hwtable.items[i];

		if (!h->compiled)
			continue;
		if (!regex_matches(&h->vendor_re, vendor) || !regex_matches(&h->product_re, product))
			continue;
		if (h->has_revision && !regex_matches(&h->revision_re, revision))
			continue;
		if (n < max)
			found[n] = h;
		n++;
	}
	return n;
}

const struct pcentry *config_find_pcentry(const struct config *conf, const char *protocol)
{
	if (!protocol)
		return NULL;
	for (size_t i = 0; i < conf->protocols.n; i++)
		if (!strcmp(conf->protocols.items[i]->type, protocol))
			return conf->protocols.items[i];
	return NULL;
}

const struct mpentry *config_find_mpentry(const struct config *conf, const char *wwid)
{
	for (size_t i = 0; i < conf->mptable.n; i++)
		if (!strcmp(conf->mptable.items[i]->p.wwid, wwid))
			return conf->mptable.items[i];
	return NULL;
}
