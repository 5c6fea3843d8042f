// SPDX-License-Identifier: GPL-2.0-or-later
#include "../util/log.h"
#include "propsel.h"

const char *prop_origin_str(enum prop_origin origin)
{
	switch (origin) {
	case ORIGIN_MULTIPATHS:
		return "(setting: multipath.conf multipaths section)";
	case ORIGIN_OVERRIDES:
		return "(setting: multipath.conf overrides section)";
	case ORIGIN_OVERRIDES_PROTOCOL:
		return "(setting: multipath.conf overrides protocol section)";
	case ORIGIN_HWTABLE:
		return "(setting: storage device configuration)";
	case ORIGIN_CONF:
		return "(setting: multipath.conf defaults/devices section)";
	case ORIGIN_AUTODETECTED:
		return "(setting: storage device autodetected)";
	default:
		return "(setting: multipath internal)";
	}
}

void prop_src_init(struct prop_src *src, const struct config *conf, const char *name,
		   const char *vendor, const char *product, const char *revision, const char *wwid)
{
	size_t n;

	src->name = name;
	src->conf = conf;
	src->mpe = wwid ? config_find_mpentry(conf, wwid) : NULL;
	n = config_find_hwentries(conf, vendor, product, revision, src->hwe, PROPSEL_MAX_HWE);
	src->nhwe = n < PROPSEL_MAX_HWE ? n : PROPSEL_MAX_HWE;
	src->pce = NULL;
}

void prop_src_set_protocol(struct prop_src *src, const char *protocol)
{
	src->pce = config_find_pcentry(src->conf, protocol);
}

/* The props that decides keyword id, and its origin. */
static const struct props *select_props(const struct prop_src *src, enum kw_id id,
					enum prop_origin *origin)
{
	if (src->pce && (keywords[id].sections & SEC_PROTOCOL) && props_is_set(&src->pce->p, id)) {
		*origin = ORIGIN_OVERRIDES_PROTOCOL;
		return &src->pce->p;
	}
	if (src->mpe && props_is_set(&src->mpe->p, id)) {
		*origin = ORIGIN_MULTIPATHS;
		return &src->mpe->p;
	}
	if (props_is_set(&src->conf->overrides, id)) {
		*origin = ORIGIN_OVERRIDES;
		return &src->conf->overrides;
	}
	for (size_t i = 0; i < src->nhwe; i++) {
		const struct hwentry *h = src->hwe[i];
		bool from_file = !h->builtin || (h->file_set[id / 64] & (UINT64_C(1) << (id % 64)));

		if (props_is_set(&h->p, id)) {
			*origin = from_file ? ORIGIN_CONF : ORIGIN_HWTABLE;
			return &h->p;
		}
	}
	*origin = props_is_set(&src->conf->defaults, id) ? ORIGIN_CONF : ORIGIN_BUILTIN;
	return &src->conf->defaults;
}

static void log_selection(const struct prop_src *src, enum kw_id id, const struct props *p,
			  enum prop_origin origin)
{
	STRBUF_AUTO(val);

	if (log_get_verbosity() < 3)
		return;
	keyword_format_value(&keywords[id], p, &val);
	mp_log(3, "%s: %s = %s %s", src->name, keywords[id].name, strbuf_str(&val),
	       prop_origin_str(origin));
}

enum prop_origin propsel_origin(const struct prop_src *src, enum kw_id id)
{
	enum prop_origin o;

	select_props(src, id, &o);
	return o;
}

int propsel_int(const struct prop_src *src, enum kw_id id, enum prop_origin *origin)
{
	enum prop_origin o;
	const struct props *p = select_props(src, id, &o);

	log_selection(src, id, p, o);
	if (origin)
		*origin = o;
	return props_int(p, id);
}

const char *propsel_str(const struct prop_src *src, enum kw_id id, enum prop_origin *origin)
{
	enum prop_origin o;
	const struct props *p = select_props(src, id, &o);

	log_selection(src, id, p, o);
	if (origin)
		*origin = o;
	return props_str(p, id);
}

int propsel_pgpolicy(const struct prop_src *src, bool alua, enum prop_origin *origin)
{
	enum prop_origin o = propsel_origin(src, KW_PATH_GROUPING_POLICY);
	int policy;

	if (!alua || o == ORIGIN_MULTIPATHS || o == ORIGIN_OVERRIDES ||
	    propsel_int(src, KW_DETECT_PGPOLICY, NULL) != YN_YES)
		return propsel_int(src, KW_PATH_GROUPING_POLICY, origin);
	policy = propsel_int(src, KW_DETECT_PGPOLICY_USE_TPG, NULL) == YN_YES ? PGP_GROUP_BY_TPG
									   : PGP_GROUP_BY_PRIO;
	mp_log(3, "%s: %s = %s %s", src->name, keywords[KW_PATH_GROUPING_POLICY].name,
	       policy == PGP_GROUP_BY_TPG ? "group_by_tpg" : "group_by_prio",
	       prop_origin_str(ORIGIN_AUTODETECTED));
	if (origin)
		*origin = ORIGIN_AUTODETECTED;
	return policy;
}
