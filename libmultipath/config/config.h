/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * struct config: everything multipath.conf (plus config_dir and the
 * built-in tables) says. Built once by config_load*() and never modified
 * afterwards, so any number of threads may read it; reconfiguration builds
 * a new one. config_free() releases everything it owns.
 *
 * defaults holds the effective value of every keyword (built-in unless the
 * file set it; props_is_set() tells which). hwtable holds the built-in
 * device entries first, then the file's, in order; a file entry whose
 * vendor, product and revision strings equal an earlier entry's is merged
 * into it (its settings win). Multipath entries with the same wwid are
 * merged likewise. Identical blacklist entries are kept once.
 * Every regex (device entries, blacklists) is compiled by the load, so
 * matching needs no lock and no allocation.
 */
#ifndef MP_CONFIG_H
#define MP_CONFIG_H

#include <regex.h>
#include <stdbool.h>

#include "keywords.h"
#include "parser.h"

#define DEFAULT_CONFIG_FILE "/etc/multipath.conf"

/*
 * A blacklist regex compiled when the config is loaded (POSIX extended),
 * owned by the config and freed by config_free(). A leading '!' in the
 * text negates it: it matches what the rest does not match. An entry whose
 * regex did not compile matches nothing, negated or not.
 */
struct bl_re {
	regex_t re;
	bool neg;      /* the text starts with '!' */
	bool compiled; /* re holds the compiled text (after the '!') */
};

struct hwentry {
	struct props p;
	bool builtin;           /* from the built-in hardware table */
	uint64_t file_set[2];   /* keywords a file set on a built-in entry */
	regex_t vendor_re, product_re, revision_re;
	bool compiled, has_revision; /* regexes valid once the config is loaded */
	bool bad_regex;         /* vendor, product or revision did not compile:
				 * the entry is kept and printed but matches nothing */
	/* with product_blacklist set: vendor and product_blacklist as blacklist
	 * regexes (vendor may be negated here, as in the blacklist section) */
	struct bl_re bl_vendor_re, bl_product_re;
};
VECTOR_DEFINE(hwentry_vec, struct hwentry *)

struct mpentry {
	struct props p;
};
VECTOR_DEFINE(mpentry_vec, struct mpentry *)

struct bl_device {
	char *vendor, *product; /* regexes; either may be NULL */
	struct bl_re vendor_re, product_re; /* compiled when the text is not NULL */
	bool builtin;
};
VECTOR_DEFINE(bl_device_vec, struct bl_device *)

/* One regex entry of blacklist { devnode / wwid / property }. */
struct bl_regex {
	char *re;          /* the text, as written */
	struct bl_re comp; /* compiled */
	bool builtin;
};
VECTOR_DEFINE(bl_regex_vec, struct bl_regex *)

struct blacklist {
	struct bl_regex_vec devnode, wwid, property, protocol;
	struct bl_device_vec device;
};

/*
 * overrides { protocol { type "scsi:fcp" ... } }: path settings for the
 * paths of one transport protocol, above every other source of those
 * keywords (SEC_PROTOCOL: fast_io_fail_tmo, dev_loss_tmo, eh_deadline).
 * Entries with the same type are merged (the later setting wins).
 */
struct pcentry {
	char *type;
	struct props p;
};
VECTOR_DEFINE(pcentry_vec, struct pcentry *)

struct config {
	struct props defaults;
	struct hwentry_vec hwtable;
	struct props overrides;
	struct pcentry_vec protocols; /* the overrides' protocol subsections */
	struct mpentry_vec mptable;
	struct blacklist blist;     /* blacklist */
	struct blacklist elist;     /* blacklist_exceptions */
};

/*
 * Load path (NULL: DEFAULT_CONFIG_FILE) and then every *.conf of the
 * config_dir it names, in alphabetical order, over the built-in tables. A
 * missing file is not an error. Syntax and value errors go to diags; the
 * rest still loads and bad values keep the built-in value.
 * Returns 0 with *out set, -ENOMEM, or the -errno of a file that exists
 * but cannot be read (EACCES, EISDIR...), *out untouched on failure.
 */
int config_load(const char *path, struct diags *diags, struct config **out);

/* Same from text in memory; config_dir is recorded but not read. */
int config_load_text(const char *text, size_t len, const char *name, struct diags *diags,
		     struct config **out);

void config_free(struct config *conf);

/*
 * The device entries matching a path's vendor/product/revision, highest
 * precedence first (the file's later entries before earlier ones, built-in
 * entries last). Fills at most max; returns how many matched in all.
 */
size_t config_find_hwentries(const struct config *conf, const char *vendor, const char *product,
			     const char *revision, const struct hwentry **found, size_t max);

/* The overrides protocol subsection for a protocol name, or NULL. */
const struct pcentry *config_find_pcentry(const struct config *conf, const char *protocol);

/* The multipaths entry for a wwid, or NULL. */
const struct mpentry *config_find_mpentry(const struct config *conf, const char *wwid);

/*
 * Print the configuration in multipath.conf syntax: everything (like
 * `multipath -t`), or with only_changes what differs from the built-in
 * configuration (`multipath -T`). Parsing the full output again yields the
 * same configuration. Returns 0 or -ENOMEM.
 */
int config_print(const struct config *conf, bool only_changes, struct strbuf *out);
/* config_print() as `show config local` prints it: the devices section has
 * only the entries that one of the n devices matches (dev holds n vendor,
 * product, revision triples). Returns 0 or -ENOMEM. */
int config_print_local(const struct config *conf, const char *const *dev, size_t n,
		       struct strbuf *out);

/* The built-in hardware table and blacklist, as multipath.conf text. */
extern const char builtin_hwtable[];

/* Per built-in device entry, in order, an INQUIRY vendor and product it
 * matches (for the table's test); ends with {NULL, NULL}. */
struct hwtable_sample {
	const char *vendor, *product;
};
extern const struct hwtable_sample hwtable_samples[];

#endif
