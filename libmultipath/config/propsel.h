/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Property selection: the value of a keyword for one map or path, taken from
 * the first source that sets it, in the order
 *     multipaths entry > overrides > devices entries > defaults > built-in
 * (a source only counts where the keyword is valid). The keywords of an
 * overrides protocol subsection (fast_io_fail_tmo, dev_loss_tmo,
 * eh_deadline) come first from the subsection of the path's protocol, when
 * the caller set src->protocol. Each selection is
 * logged at verbosity 3 as
 *     "NAME: KEYWORD = VALUE (setting: ORIGIN)"
 * with the origin strings multipath-tools admins know.
 *
 * The sources are borrowed from a config that must outlive the selection;
 * returned strings point into it.
 */
#ifndef MP_PROPSEL_H
#define MP_PROPSEL_H

#include "config.h"

enum { PROPSEL_MAX_HWE = 8 };

enum prop_origin {
	ORIGIN_MULTIPATHS,
	ORIGIN_OVERRIDES,
	ORIGIN_HWTABLE,  /* built-in device entry */
	ORIGIN_CONF,     /* defaults section, or a devices entry from a file */
	ORIGIN_BUILTIN,
	ORIGIN_OVERRIDES_PROTOCOL, /* overrides { protocol { type ... } } */
	ORIGIN_AUTODETECTED,       /* detect_pgpolicy chose (propsel_pgpolicy()) */
};

struct prop_src {
	const char *name;              /* map alias, wwid or path device, for the log */
	const struct config *conf;
	const struct mpentry *mpe;     /* may be NULL */
	const struct hwentry *hwe[PROPSEL_MAX_HWE]; /* highest precedence first */
	size_t nhwe;
	const struct pcentry *pce;     /* the path's protocol subsection, or NULL */
};

/* Fill src for a device (vendor/product/revision, any may be NULL) and an
 * optional wwid whose multipaths entry applies. */
void prop_src_init(struct prop_src *src, const struct config *conf, const char *name,
		   const char *vendor, const char *product, const char *revision,
		   const char *wwid);

/* The path's transport protocol ("scsi:fcp"...; NULL: unknown) selects the
 * overrides protocol subsection that applies. */
void prop_src_set_protocol(struct prop_src *src, const char *protocol);

/* "(setting: ...)" for an origin. */
const char *prop_origin_str(enum prop_origin origin);

/* Select an integer / string keyword. *origin (may be NULL) tells where the
 * value came from. Never fails: the built-in value is the last resort
 * (a string keyword without built-in default yields NULL). */
int propsel_int(const struct prop_src *src, enum kw_id id, enum prop_origin *origin);
/* Where keyword id would come from, without logging. */
enum prop_origin propsel_origin(const struct prop_src *src, enum kw_id id);
const char *propsel_str(const struct prop_src *src, enum kw_id id, enum prop_origin *origin);

/*
 * path_grouping_policy of a map (PGP_*), with detect_pgpolicy: when alua
 * (every path of the map uses the alua or sysfs prioritizer, see
 * pgpolicy_alua_prio()) and detect_pgpolicy is yes, the policy is
 * group_by_prio, or group_by_tpg when detect_pgpolicy_use_tpg is yes too,
 * with origin ORIGIN_AUTODETECTED "(setting: storage device autodetected)".
 * A path_grouping_policy from a multipaths entry or the overrides section
 * wins over the detection, one from a devices entry, the defaults section
 * or the built-in value does not (the rule of detect_prio and
 * detect_checker). Logged like propsel_int().
 */
int propsel_pgpolicy(const struct prop_src *src, bool alua, enum prop_origin *origin);

#endif
