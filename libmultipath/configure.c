// SPDX-License-Identifier: GPL-2.0-or-later
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aio_group.h"
#include "alias.h"
#include "checkers/checkers.h"
#include "config/propsel.h"
#include "configure.h"
#include "devmapper.h"
#include "discovery.h"
#include "dmparser.h"
#include "pgpolicies.h"
#include "prioritizers/prio.h"
#include "sysfs.h"
#include "util/log.h"
#include "wwids.h"

static void path_src(const struct config *conf, const struct path *pp, struct prop_src *src)
{
	prop_src_init(src, conf, pp->dev[0] ? pp->dev : pp->dev_t, pp->vendor, pp->product,
		      pp->rev, pp->wwid[0] ? pp->wwid : NULL);
	prop_src_set_protocol(src, pp->protocol[0] ? pp->protocol : NULL);
}

/* detect_prio/detect_checker apply to ALUA devices (SCSI TPGS, NVMe ANA)
 * unless a multipaths or overrides entry chose explicitly. */
static bool autodetect(const struct prop_src *src, enum kw_id detect, enum kw_id what,
		       bool capable)
{
	enum prop_origin o = propsel_origin(src, what);

	if (!capable || o == ORIGIN_MULTIPATHS || o == ORIGIN_OVERRIDES)
		return false;
	return propsel_int(src, detect, NULL) == YN_YES;
}

/*
 * fast_io_fail_tmo, dev_loss_tmo and eh_deadline as transport.h takes them.
 * fast_io_fail_tmo's built-in 5 is written like a configured value (as
 * multipath-tools does); dev_loss_tmo and eh_deadline from nowhere but the
 * built-in leave the kernel's value.
 */
static void select_path_tmo(const struct prop_src *src, struct path *pp)
{
	enum prop_origin o;
	int v;

	v = propsel_int(src, KW_FAST_IO_FAIL_TMO, NULL);
	pp->fast_io_fail = v == FAST_IO_FAIL_OFF ? TRANSPORT_TMO_OFF : v;
	v = propsel_int(src, KW_DEV_LOSS_TMO, &o);
	if (o == ORIGIN_BUILTIN)
		pp->dev_loss = TRANSPORT_TMO_UNSET;
	else
		pp->dev_loss = v == DEV_LOSS_TMO_INFINITY ? TRANSPORT_TMO_INFINITY : v;
	v = propsel_int(src, KW_EH_DEADLINE, &o);
	if (o == ORIGIN_BUILTIN)
		pp->eh_deadline = TRANSPORT_TMO_UNSET;
	else
		pp->eh_deadline = v == EH_DEADLINE_OFF ? TRANSPORT_TMO_OFF : v;
	pp->tmo_selected = true;
}

static void select_path_props(const struct config *conf, struct path *pp)
{
	struct prop_src src;

	path_src(conf, pp, &src);
	if (autodetect(&src, KW_DETECT_CHECKER, KW_PATH_CHECKER, pp->tpgs > 0)) {
		strlcpy_trunc(pp->checker_name, "tur", sizeof(pp->checker_name));
		mp_log(3, "%s: path_checker = tur (setting: storage device autodetected)", src.name);
	} else {
		strlcpy_trunc(pp->checker_name, propsel_str(&src, KW_PATH_CHECKER, NULL),
			      sizeof(pp->checker_name));
	}
	pp->checker_timeout = propsel_int(&src, KW_CHECKER_TIMEOUT, NULL);
	if (autodetect(&src, KW_DETECT_PRIO, KW_PRIO, pp->tpgs > 0 || pp->ana)) {
		/* the kernel's device handler keeps the ALUA state in sysfs:
		 * no command per ask (multipath-tools 0.9.4 picks it too) */
		const char *name = pp->ana ? "ana" : prio_sysfs_alua_state(pp) >= 0 ? "sysfs" : "alua";

		strlcpy_trunc(pp->prio_name, name, sizeof(pp->prio_name));
		pp->prio_args[0] = '\0';
		mp_log(3, "%s: prio = %s (setting: storage device autodetected)", src.name,
		       pp->prio_name);
	} else {
		const char *args = propsel_str(&src, KW_PRIO_ARGS, NULL);

		strlcpy_trunc(pp->prio_name, propsel_str(&src, KW_PRIO, NULL),
			      sizeof(pp->prio_name));
		strlcpy_trunc(pp->prio_args, args ? args : "", sizeof(pp->prio_args));
	}
	select_path_tmo(&src, pp);
}

void configure_path_dev_state(struct path *pp)
{
	if (!pp->dev[0] ||
	    sysfs_block_attr_read(pp->dev, "device/state", pp->dev_state, sizeof(pp->dev_state)) < 0)
		pp->dev_state[0] = '\0';
}

static void run_checker(struct path *pp)
{
	struct checker *c;
	char node[DEV_NAME_SIZE + 8];
	int rc;

	snprintf(node, sizeof(node), "/dev/%s", pp->dev);
	rc = checker_new(pp->checker_name, node, (unsigned)pp->checker_timeout, &c);
	if (rc < 0) {
		pp->state = PATH_WILD;
		/* aio_group_errmsg explains -EAGAIN (fs.aio-max-nr exhausted) */
		snprintf(pp->state_msg, sizeof(pp->state_msg), "%s checker: %s", pp->checker_name,
			 aio_group_errmsg(rc));
		return;
	}
	pp->state = checker_check(c);
	strlcpy_trunc(pp->state_msg, checker_msg(c), sizeof(pp->state_msg));
	checker_free(c);
}

void configure_path_props(const struct config *conf, struct path *pp)
{
	select_path_props(conf, pp);
}

int configure_path_priority(const struct path *pp)
{
	int prio, rc;

	if (!pp->dev[0])
		return 0;
	rc = prio_get(pp->prio_name, pp->prio_args, pp, (unsigned)pp->checker_timeout * 1000,
		      &prio);
	if (rc < 0) {
		mp_log(3, "%s: prioritizer %s failed: %s", pp->dev, pp->prio_name, errno_desc(-rc));
		return PRIO_UNDEF; /* counts as 0 in its group; the daemon asks again */
	}
	return prio;
}

void configure_path(const struct config *conf, struct path *pp, bool with_checker)
{
	select_path_props(conf, pp);
	configure_path_dev_state(pp);
	if (!pp->dev[0]) {
		pp->state = PATH_WILD;
		return;
	}
	pp->priority = configure_path_priority(pp);
	if (with_checker)
		run_checker(pp);
}

static int set_str(char **dst, const char *src)
{
	char *copy = strdup(src ? src : "");

	if (!copy)
		return -ENOMEM;
	free(*dst);
	*dst = copy;
	return 0;
}

/* features with queue_if_no_path added (first, where the kernel lists it)
 * or removed; "N word..." form. */
static int features_with_queueing(const char *features, bool queue, char **out)
{
	STRBUF_AUTO(words);
	STRBUF_AUTO(res);
	const char *p = features;
	int n = 0;

	strtol(p, (char **)&p, 10); /* the count, validated when parsed */
	if (queue) {
		if (strbuf_addstr(&words, " queue_if_no_path") < 0)
			return -ENOMEM;
		n++;
	}
	while (*p) {
		size_t len;

		p += strspn(p, " \t");
		len = strcspn(p, " \t");
		if (len == 0)
			break;
		if (len != 16 || strncmp(p, "queue_if_no_path", 16)) {
			if (strbuf_addch(&words, ' ') < 0 || strbuf_add(&words, p, len) < 0)
				return -ENOMEM;
			n++;
		}
		p += len;
	}
	if (strbuf_addf(&res, "%d%s", n, strbuf_str(&words)) < 0)
		return -ENOMEM;
	*out = strbuf_detach(&res);
	return *out ? 0 : -ENOMEM;
}

int configure_map_set_queueing(struct multipath *mpp, bool queue)
{
	char *f;

	if (features_with_queueing(mpp->features ? mpp->features : "0", queue, &f) < 0)
		return -ENOMEM;
	free(mpp->features);
	mpp->features = f;
	mpp->queue_if_no_path = queue;
	return 0;
}

/* The hardware handler: the one the kernel attached when retained (or
 * for ALUA devices), else the configured one. */
static const char *select_hwhandler(const struct prop_src *src, const struct path *pp,
				    char *buf, size_t size)
{
	char dh[32];

	if (pp->dev[0] && sysfs_block_attr_read(pp->dev, "device/dh_state", dh, sizeof(dh)) > 0 &&
	    strcmp(dh, "detached") &&
	    (pp->tpgs > 0 || propsel_int(src, KW_RETAIN_ATTACHED_HW_HANDLER, NULL) == YN_YES)) {
		snprintf(buf, size, "1 %s", dh);
		mp_log(3, "%s: hardware_handler = %s (setting: retained by kernel driver)",
		       src->name, buf);
		return buf;
	}
	return propsel_str(src, KW_HARDWARE_HANDLER, NULL);
}

static int select_map_props(const struct prop_src *src, struct multipath *mpp)
{
	const struct path *pp = mpp->paths.items[0];
	enum prop_origin npr_origin;
	char hwh[48];
	const char *features;
	bool queue;
	char *f;

	if (set_str(&mpp->selector, propsel_str(src, KW_PATH_SELECTOR, NULL)) < 0 ||
	    set_str(&mpp->hwhandler, select_hwhandler(src, pp, hwh, sizeof(hwh))) < 0)
		return -ENOMEM;
	mpp->rr_weight = propsel_int(src, KW_RR_WEIGHT, NULL);
	mpp->minio = propsel_int(src, KW_RR_MIN_IO_RQ, NULL);
	mpp->failback = propsel_int(src, KW_FAILBACK, NULL);
	mpp->flush_on_last_del = propsel_int(src, KW_FLUSH_ON_LAST_DEL, NULL);
	mpp->skip_kpartx = propsel_int(src, KW_SKIP_KPARTX, NULL) == YN_YES;
	mpp->deferred_remove = propsel_int(src, KW_DEFERRED_REMOVE, NULL) == YN_YES;
	mpp->ghost_delay = propsel_int(src, KW_GHOST_DELAY, NULL);
	mpp->io_err_sample_time = propsel_int(src, KW_PATH_IO_ERR_SAMPLE_TIME, NULL);
	mpp->io_err_rate_threshold = propsel_int(src, KW_PATH_IO_ERR_RATE_THRESHOLD, NULL);
	mpp->io_err_recovery_time = propsel_int(src, KW_PATH_IO_ERR_RECOVERY_TIME, NULL);
	mpp->io_err_double_failed_time =
		propsel_int(src, KW_PATH_IO_ERR_DOUBLE_FAILED_TIME, NULL);
	mpp->no_path_retry = propsel_int(src, KW_NO_PATH_RETRY, &npr_origin);
	features = propsel_str(src, KW_FEATURES, NULL);
	/* no_path_retry decides queueing; an explicit queue_if_no_path in
	 * features counts only when no_path_retry is left at its default */
	queue = mpp->no_path_retry != NO_PATH_RETRY_FAIL && mpp->no_path_retry != 0;
	if (npr_origin == ORIGIN_BUILTIN && strstr(features, "queue_if_no_path"))
		queue = true;
	if (features_with_queueing(features, queue, &f) < 0)
		return -ENOMEM;
	if (strcmp(f, features))
		mp_log(3, "%s: features = %s (queueing decided by no_path_retry)", mpp->alias, f);
	free(mpp->features);
	mpp->features = f;
	mpp->queue_if_no_path = queue;
	return 0;
}

/* The kernel's names for select_alias(): the WWID's live map's and all. */
struct live_names {
	const char *current;
	struct strvec in_use; /* borrowed strings */
};

static int select_alias(const struct config *conf, const struct prop_src *src,
			struct multipath *mpp, const struct build_opts *o,
			const struct live_names *live)
{
	const struct mpentry *mpe = src->mpe;
	struct alias_hints hints = {live->current, &live->in_use};
	const char *prefix;
	int rc;

	strlcpy_trunc(mpp->alias, mpp->wwid, sizeof(mpp->alias));
	if (mpe && mpe->p.alias) {
		strlcpy_trunc(mpp->alias, mpe->p.alias, sizeof(mpp->alias));
		return 0;
	}
	if (propsel_int(src, KW_USER_FRIENDLY_NAMES, NULL) != YN_YES)
		return 0;
	prefix = propsel_str(src, KW_ALIAS_PREFIX, NULL);
	rc = alias_select(conf->defaults.bindings_file, mpp->wwid, prefix, &hints,
			  !o->dry_run && !o->bindings_ro, mpp->alias, sizeof(mpp->alias));
	if (rc < 0 && rc != -ENOENT)
		mp_log(3, "%s: no user friendly name: %s", mpp->wwid, errno_desc(-rc));
	if (rc < 0)
		strlcpy_trunc(mpp->alias, mpp->wwid, sizeof(mpp->alias));
	return rc == -ENOMEM ? rc : 0;
}

/* Name, properties, path priorities (with refresh) and groups of a freshly
 * built map. */
static int map_setup(const struct config *conf, struct multipath *mpp,
		     const struct build_opts *o, struct live_names *live)
{
	const struct path *pp = mpp->paths.items[0];
	const struct multipath *cur = o->live ? mapvec_find_wwid(o->live, mpp->wwid) : NULL;
	struct prop_src src;
	int rc;

	/* the map's sources, logged under its WWID until it has a name */
	prop_src_init(&src, conf, mpp->wwid, pp->vendor, pp->product, pp->rev, mpp->wwid);
	live->current = cur ? cur->alias : NULL;
	rc = select_alias(conf, &src, mpp, o, live);
	src.name = mpp->alias;
	if (rc == 0)
		rc = select_map_props(&src, mpp);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < mpp->paths.n; i++) {
		if (o->refresh)
			configure_path(conf, mpp->paths.items[i], true);
		mpp->ro |= mpp->paths.items[i]->ro;
	}
	/* after the paths' prioritizers are chosen: detect_pgpolicy asks them */
	if (o->pgpolicy > 0) {
		mpp->pgpolicy = o->pgpolicy;
		mp_log(3, "%s: path_grouping_policy = %s (setting: command line)", mpp->alias,
		       pgpolicy_name(o->pgpolicy));
	} else {
		mpp->pgpolicy = propsel_pgpolicy(&src, pgpolicy_alua_prio(&mpp->paths), NULL);
	}
	return pgpolicy_group(mpp, mpp->pgpolicy);
}

static struct multipath *map_for_path(struct mapvec *out, const struct path *pp)
{
	struct multipath *mpp = mapvec_find_wwid(out, pp->wwid);

	if (mpp)
		return mpp;
	mpp = map_new();
	if (!mpp || mapvec_push(out, mpp) < 0) {
		map_free(mpp);
		return NULL;
	}
	strlcpy_trunc(mpp->wwid, pp->wwid, sizeof(mpp->wwid));
	strlcpy_trunc(mpp->vendor, pp->vendor, sizeof(mpp->vendor));
	strlcpy_trunc(mpp->product, pp->product, sizeof(mpp->product));
	mpp->size = pp->size;
	return mpp;
}

/* The names of the live maps (borrowed), for select_alias(). */
static int live_names_init(const struct mapvec *live, struct live_names *out)
{
	for (size_t i = 0; live && i < live->n; i++)
		if (strvec_push(&out->in_use, live->items[i]->alias) < 0)
			return -ENOMEM;
	return 0;
}

/* The wwids file's WWIDs, read once (nothing with -i or when
 * find_multipaths does not consult it). */
static int known_wwids(const struct config *conf, const struct build_opts *o,
		       struct strvec *known)
{
	int mode = conf->defaults.find_multipaths, rc;

	if (o->ignore_wwids || mode == FIND_MP_OFF || mode == FIND_MP_GREEDY)
		return 0;
	rc = wwids_load(wwids_file_of(conf), known);
	if (rc < 0 && rc != -ENOMEM) {
		mp_log(3, "cannot read %s: %s", wwids_file_of(conf), errno_desc(-rc));
		rc = 0;
	}
	return rc < 0 ? rc : 0;
}

static int group_paths(const struct config *conf, struct pathvec *pv, const struct build_opts *o,
		       const struct strvec *known, struct mapvec *out)
{
	for (size_t i = 0; i < pv->n; i++) {
		struct path *pp = pv->items[i];
		struct multipath *mpp;

		if (!pp->wwid[0] || pp->mpp || (o->wwid && strcmp(pp->wwid, o->wwid)) ||
		    !wwids_path_wanted(conf, pv, pp, o->ignore_wwids ? NULL : known))
			continue;
		mpp = map_for_path(out, pp);
		if (!mpp)
			return -ENOMEM;
		if (pp->size != mpp->size) {
			mp_log(3, "%s: size %llu differs from map %s (%llu), path left out", pp->dev,
			       (unsigned long long)pp->size, mpp->wwid,
			       (unsigned long long)mpp->size);
			continue;
		}
		if (pathvec_push(&mpp->paths, pp) < 0)
			return -ENOMEM;
		pp->mpp = mpp;
	}
	return 0;
}

int configure_build_maps_opts(const struct config *conf, struct pathvec *pv,
			      const struct build_opts *o, struct mapvec *out)
{
	struct live_names live = {0};
	struct strvec known = {0};
	size_t first = out->n;
	int rc = known_wwids(conf, o, &known);

	if (rc == 0)
		rc = group_paths(conf, pv, o, &known, out);
	if (rc == 0)
		rc = live_names_init(o->live, &live);
	for (size_t i = first; rc == 0 && i < out->n; i++)
		if (map_setup(conf, out->items[i], o, &live) == -ENOMEM)
			rc = -ENOMEM;
	strvec_release(&live.in_use);
	strvec_free_all(&known);
	return rc < 0 ? rc : (int)(out->n - first);
}

int configure_build_maps(const struct config *conf, struct pathvec *pv, bool dry_run,
			 bool refresh, struct mapvec *out)
{
	struct build_opts o = {.dry_run = dry_run, .refresh = refresh};

	return configure_build_maps_opts(conf, pv, &o, out);
}

/* Fill a path known only by devt from sysfs. */
static void fill_path_from_devt(const struct config *conf, struct path *pp)
{
	char rel[32], target[PATH_MAX];
	const char *name;

	if (pp->dev[0])
		return;
	snprintf(rel, sizeof(rel), "dev/block/%s", pp->dev_t);
	if (sysfs_resolve(rel, target, sizeof(target)) <= 0)
		return;
	name = strrchr(target, '/');
	name = name ? name + 1 : target;
	if (discovery_path_info(conf, NULL, name, pp) < 0)
		strlcpy_trunc(pp->dev, name, sizeof(pp->dev));
}

static int read_one_map(const struct config *conf, const char *name, struct pathvec *pv,
			bool with_checker, struct multipath *mpp)
{
	char uuid[WWID_SIZE + 8];
	char *table = NULL, *status = NULL;
	int open_count, rc;

	rc = devmapper_get_info(name, uuid, sizeof(uuid), &mpp->dm_minor, &open_count, &mpp->ro);
	if (rc == 0)
		rc = devmapper_get_table(name, &mpp->size, &table);
	if (rc == 0)
		rc = dmtable_disassemble(table, mpp, pv);
	if (rc == 0 && devmapper_get_status(name, &status) == 0)
		dmtable_parse_status(status, mpp);
	free(table);
	free(status);
	if (rc < 0)
		return rc;
	strlcpy_trunc(mpp->alias, name, sizeof(mpp->alias));
	strlcpy_trunc(mpp->wwid, strncmp(uuid, "mpath-", 6) ? uuid : uuid + 6, sizeof(mpp->wwid));
	for (size_t i = 0; i < mpp->paths.n; i++) {
		struct path *pp = mpp->paths.items[i];

		fill_path_from_devt(conf, pp);
		pp->mpp = mpp;
		if (!mpp->vendor[0] && pp->vendor[0]) {
			strlcpy_trunc(mpp->vendor, pp->vendor, sizeof(mpp->vendor));
			strlcpy_trunc(mpp->product, pp->product, sizeof(mpp->product));
		}
		/* -l and map comparison need no priorities or checks */
		if (with_checker)
			configure_path(conf, pp, true);
		else
			configure_path_dev_state(pp);
	}
	for (size_t g = 0; g < mpp->pgs.n; g++)
		pathgroup_update_priority(mpp->pgs.items[g]);
	return 0;
}

int configure_read_kernel_maps(const struct config *conf, struct pathvec *pv, bool with_checker,
			       struct mapvec *out)
{
	struct strvec names = {0};
	int rc = devmapper_list_maps(&names), count = 0;

	if (rc < 0)
		return rc;
	for (size_t i = 0; i < names.n; i++) {
		struct multipath *mpp = map_new();

		if (!mpp || mapvec_push(out, mpp) < 0) {
			map_free(mpp);
			rc = -ENOMEM;
			break;
		}
		rc = read_one_map(conf, names.items[i], pv, with_checker, mpp);
		if (rc == -ENOMEM)
			break;
		if (rc < 0) { /* vanished or not ours: skip it */
			mp_log(3, "%s: cannot read map: %s", names.items[i], errno_desc(-rc));
			map_free(mpp);
			out->n--;
			rc = 0;
			continue;
		}
		count++;
	}
	strvec_free_all(&names);
	return rc < 0 ? rc : count;
}

/* The minor of "dm-N", -1 when name is not exactly that ("dm-x", "dm-"). */
static int dm_minor_of(const char *name)
{
	const char *digits = name + 3;
	char *end;
	long n;

	if (*digits < '0' || *digits > '9')
		return -1;
	errno = 0;
	n = strtol(digits, &end, 10);
	return *end || errno || n > INT_MAX ? -1 : (int)n;
}

bool configure_map_matches(const struct multipath *mpp, const char *arg)
{
	if (!strcmp(mpp->alias, arg) || !strcmp(mpp->wwid, arg))
		return true;
	if (!strncmp(arg, "/dev/", 5))
		arg += 5;
	if (!strncmp(arg, "mapper/", 7))
		return !strcmp(mpp->alias, arg + 7);
	if (mpp->dm_minor >= 0 && !strncmp(arg, "dm-", 3) && dm_minor_of(arg) == mpp->dm_minor)
		return true;
	for (size_t i = 0; i < mpp->paths.n; i++) {
		const struct path *pp = mpp->paths.items[i];

		if (!strcmp(pp->dev, arg) || !strcmp(pp->dev_t, arg))
			return true;
	}
	return false;
}

const char *map_action_name(enum map_action act)
{
	switch (act) {
	case ACT_CREATE:
		return "create";
	case ACT_RELOAD:
		return "reload";
	case ACT_RENAME:
		return "rename";
	default:
		return "";
	}
}

/*
 * A table for comparison with the kernel's: the kernel (6.1) reports every
 * selector's repeat count as 1, so per-path arguments are left out of it.
 */
static int table_for_compare(const struct multipath *mpp, struct strbuf *out)
{
	struct multipath tmp = *mpp; /* shallow: dmtable_assemble only reads */
	char *features = NULL;
	int rc;

	tmp.minio = 1;
	tmp.rr_weight = RR_WEIGHT_UNIFORM;
	tmp.nextpg = 1; /* the kernel shows its current group there */
	/* queueing is switched by messages (no_path_retry, `multipath`
	 * without the daemon), never a reason to reload */
	if (features_with_queueing(mpp->features ? mpp->features : "0", false, &features) < 0)
		return -ENOMEM;
	tmp.features = features;
	rc = dmtable_assemble(&tmp, out);
	free(features);
	return rc;
}

/* A path that can do IO, or that nobody checked yet (it may). */
static bool map_may_have_usable_path(const struct multipath *mpp)
{
	for (size_t i = 0; i < mpp->paths.n; i++) {
		enum path_state st = mpp->paths.items[i]->state;

		if (path_state_usable(st) || st == PATH_UNCHECKED || st == PATH_PENDING ||
		    st == PATH_WILD)
			return true;
	}
	return false;
}

int configure_kernel_table_differs(const struct multipath *mpp)
{
	struct multipath *k = map_new();
	struct pathvec pv = {0};
	char *table = NULL;
	uint64_t size;
	int rc;

	if (!k)
		return -ENOMEM;
	rc = devmapper_get_table(mpp->alias, &size, &table);
	if (rc == 0)
		rc = dmtable_disassemble(table, k, &pv);
	if (rc == 0) {
		STRBUF_AUTO(ours);
		STRBUF_AUTO(theirs);

		/* queueing, switched by messages, is left out of both */
		k->size = size;
		k->rr_weight = mpp->rr_weight;
		if (table_for_compare(mpp, &ours) < 0 || table_for_compare(k, &theirs) < 0)
			rc = -ENOMEM;
		if (rc == 0)
			rc = size != mpp->size || strcmp(strbuf_str(&ours), strbuf_str(&theirs));
	}
	free(table);
	map_free(k);
	pathvec_free(&pv);
	return rc;
}

void map_plan_release(struct map_plan *plan)
{
	free(plan->params);
	plan->params = NULL;
	free(plan->tpaths);
	plan->tpaths = NULL;
	plan->ntpaths = 0;
}

/* A copy of the transport timeouts of mpp's SCSI paths, for the plan. */
static int plan_transport(const struct multipath *mpp, struct map_plan *p)
{
	p->no_path_retry = mpp->no_path_retry;
	p->tpaths = mpp->paths.n ? calloc(mpp->paths.n, sizeof(*p->tpaths)) : NULL;
	if (mpp->paths.n && !p->tpaths)
		return -ENOMEM;
	for (size_t i = 0; i < mpp->paths.n; i++) {
		const struct path *pp = mpp->paths.items[i];
		struct transport_path *tp = &p->tpaths[p->ntpaths];

		if (!pp->tmo_selected || pp->hbtl.host < 0 || strncmp(pp->protocol, "scsi:", 5))
			continue;
		strlcpy_trunc(tp->dev, pp->dev[0] ? pp->dev : pp->dev_t, sizeof(tp->dev));
		tp->hbtl = pp->hbtl;
		strlcpy_trunc(tp->protocol, pp->protocol, sizeof(tp->protocol));
		tp->tmo = (struct transport_tmo){.fast_io_fail = pp->fast_io_fail,
						 .dev_loss = pp->dev_loss,
						 .eh_deadline = pp->eh_deadline};
		p->ntpaths++;
	}
	return 0;
}

/*
 * The least dev_loss_tmo that lets the map queue as no_path_retry says:
 * "queue" forever, N retries for N checks polling_interval apart
 * (multipath.conf(5) of multipath-tools: no_path_retry takes precedence
 * over dev_loss_tmo, so that a path is not removed while IO queues).
 */
static int queue_dev_loss_min(int no_path_retry, int polling_interval)
{
	long long secs;

	if (no_path_retry == NO_PATH_RETRY_QUEUE)
		return TRANSPORT_TMO_INFINITY;
	if (no_path_retry <= 0)
		return 0;
	secs = (long long)no_path_retry * (polling_interval > 0 ? polling_interval : 1);
	return secs > TRANSPORT_TMO_INFINITY ? TRANSPORT_TMO_INFINITY : (int)secs;
}

/* Set the transport timeouts of the plan's paths; refusals are logged, not fatal. */
static void exec_transport(const struct config *conf, const struct map_plan *plan)
{
	int min = queue_dev_loss_min(plan->no_path_retry, conf->defaults.polling_interval);

	for (size_t i = 0; i < plan->ntpaths; i++) {
		struct transport_path tp = plan->tpaths[i];
		char failed[192] = "";
		int rc;

		tp.tmo.dev_loss_min = min;
		rc = transport_apply(&tp, failed, sizeof(failed));
		if (rc < 0)
			mp_log(3, "%s: %s: cannot set transport timeout %s: %s", plan->name, tp.dev,
			       failed, errno_desc(-rc));
		else if (rc > 0)
			mp_log(3, "%s: %s: %d transport timeout(s) set", plan->name, tp.dev, rc);
	}
}

int configure_plan_map(const struct multipath *mpp, const struct multipath *cur, bool force,
		       struct map_plan *plan)
{
	STRBUF_AUTO(params);
	STRBUF_AUTO(old);
	STRBUF_AUTO(new);
	struct map_plan p = {.act = ACT_NOTHING, .size = mpp->size, .ro = mpp->ro};
	int rc = dmtable_assemble(mpp, &params);

	if (rc < 0)
		return rc;
	strlcpy_trunc(p.name, mpp->alias, sizeof(p.name));
	snprintf(p.uuid, sizeof(p.uuid), "mpath-%s", mpp->wwid);
	if (!map_may_have_usable_path(mpp))
		p.flags |= DEVMAPPER_NO_USABLE_PATHS;
	if (mpp->skip_kpartx)
		p.flags |= DEVMAPPER_SKIP_KPARTX;
	if (!cur) {
		p.act = ACT_CREATE;
	} else {
		if (strcmp(cur->alias, mpp->alias)) {
			p.act = ACT_RENAME;
			strlcpy_trunc(p.old_name, cur->alias, sizeof(p.old_name));
		}
		if (table_for_compare(cur, &old) < 0 || table_for_compare(mpp, &new) < 0 || force ||
		    cur->size != mpp->size || strcmp(strbuf_str(&old), strbuf_str(&new))) {
			p.reload = true;
			if (p.act == ACT_NOTHING)
				p.act = ACT_RELOAD;
		}
	}
	rc = plan_transport(mpp, &p);
	p.params = strbuf_detach(&params);
	if (rc < 0 || !p.params) {
		map_plan_release(&p);
		return -ENOMEM;
	}
	*plan = p;
	return 0;
}

int configure_exec_plan(const struct config *conf, const struct map_plan *plan, int *minor)
{
	int rc = 0, m, open_count;
	char uuid[WWID_SIZE + 8];
	bool ro;

	if (plan->act == ACT_NOTHING) {
		if (plan->set_transport)
			exec_transport(conf, plan);
		return 0;
	}
	if (plan->act == ACT_CREATE)
		rc = devmapper_create_map(plan->name, plan->uuid, plan->size, plan->params,
					  plan->ro, plan->flags);
	if (rc == 0 && plan->act == ACT_RENAME)
		rc = devmapper_rename_map(plan->old_name, plan->name);
	if (rc == 0 && plan->reload)
		rc = devmapper_reload_map(plan->name, plan->size, plan->params, plan->ro,
					  plan->flags);
	if (rc < 0)
		return rc;
	if (plan->act == ACT_CREATE || plan->reload || plan->set_transport)
		exec_transport(conf, plan);
	if (devmapper_get_info(plan->name, uuid, sizeof(uuid), &m, &open_count, &ro) == 0 && minor)
		*minor = m;
	if (wwids_add(conf->defaults.wwids_file, plan->uuid + 6) < 0)
		mp_log(3, "%s: cannot record wwid in %s", plan->uuid + 6,
		       conf->defaults.wwids_file);
	return 0;
}

enum { TAKE_OVER_TRIES = 30, TAKE_OVER_WAIT_MS = 100 };

int configure_take_over(const struct config *conf, struct multipath *mpp, bool force,
			enum map_action *act)
{
	struct pathvec pv = {0};
	struct mapvec live = {0};
	const struct multipath *cur = NULL;
	struct map_plan plan;
	char uuid[DEVMAPPER_UUID_SIZE], want[sizeof("mpath-") + WWID_SIZE];
	int rc = 0;

	/* the name held by a map of another LUN (its uuid is set at its
	 * create): nothing to take over, no need to wait */
	snprintf(want, sizeof(want), "mpath-%s", mpp->wwid);
	if (devmapper_get_info(mpp->alias, uuid, sizeof(uuid), NULL, NULL, NULL) == 0 &&
	    strcmp(uuid, want))
		return -EBUSY;
	/* the other process may still be between its create and the table
	 * load that makes the map a multipath map: give it a moment */
	for (int i = 0; !cur && rc != -ENOMEM && i < TAKE_OVER_TRIES; i++) {
		if (i)
			usleep(TAKE_OVER_WAIT_MS * 1000);
		mapvec_free(&live);
		pathvec_free(&pv);
		rc = configure_read_kernel_maps(conf, &pv, false, &live);
		cur = rc < 0 ? NULL : mapvec_find_wwid(&live, mpp->wwid);
	}
	if (!cur) {
		rc = rc == -ENOMEM ? rc : -EBUSY;
		goto out;
	}
	mp_log(3, "%s: created by another process meanwhile, taken over", mpp->alias);
	mpp->dm_minor = cur->dm_minor; /* a plan with nothing to do does not read it */
	rc = configure_plan_map(mpp, cur, force, &plan);
	if (rc < 0)
		goto out;
	rc = configure_exec_plan(conf, &plan, &mpp->dm_minor);
	if (rc == 0)
		*act = plan.act;
	map_plan_release(&plan);
out:
	mapvec_free(&live);
	pathvec_free(&pv);
	return rc;
}

int configure_apply_map(const struct config *conf, struct multipath *mpp,
			const struct multipath *cur, bool force, bool dry_run,
			enum map_action *act)
{
	struct map_plan plan;
	int rc = configure_plan_map(mpp, cur, force, &plan);

	if (rc < 0)
		return rc;
	if (!dry_run)
		rc = configure_exec_plan(conf, &plan, &mpp->dm_minor);
	if (rc == 0)
		*act = plan.act;
	else if (plan.act == ACT_CREATE && (rc == -EBUSY || rc == -EEXIST))
		rc = configure_take_over(conf, mpp, force, act);
	map_plan_release(&plan);
	return rc;
}

/*
 * The kpartx partition maps on map name (holders whose dm uuid starts
 * with "part"), appended to parts. 1 when one of them is open (the map is
 * in use), else 0; -errno.
 */
static int partition_maps(const char *name, struct strvec *parts)
{
	char rel[64], dir[PATH_MAX], pname[DEVMAPPER_NAME_SIZE], uuid[DEVMAPPER_UUID_SIZE];
	int minor, open_count, rc = 0;
	struct dirent *de;
	DIR *d;

	if (devmapper_get_info(name, NULL, 0, &minor, NULL, NULL) < 0)
		return 0; /* the remove says what is wrong */
	snprintf(rel, sizeof(rel), "block/dm-%d/holders", minor);
	if (sysfs_path(rel, dir, sizeof(dir)) < 0 || !(d = opendir(dir)))
		return 0;
	while (rc == 0 && (de = readdir(d))) {
		if (strncmp(de->d_name, "dm-", 3))
			continue;
		if (sysfs_block_attr_read(de->d_name, "dm/name", pname, sizeof(pname)) < 0 ||
		    devmapper_get_info(pname, uuid, sizeof(uuid), NULL, &open_count, NULL) < 0 ||
		    strncmp(uuid, "part", 4))
			continue;
		if (open_count > 0) {
			mp_log(2, "%s: partition %s is open", name, pname);
			rc = 1;
		} else if (strvec_push_dup(parts, pname) < 0) {
			rc = -ENOMEM;
		}
	}
	closedir(d);
	return rc;
}

int configure_flush_partitions(const char *name)
{
	struct strvec parts = {0};
	int rc = partition_maps(name, &parts);

	if (rc == 1)
		rc = -EBUSY;
	for (size_t i = 0; rc == 0 && i < parts.n; i++) {
		rc = devmapper_remove_map(parts.items[i], false);
		if (rc == 0)
			mp_log(3, "%s: partition map %s removed", name, parts.items[i]);
		else if (rc == -ENXIO)
			rc = 0;
	}
	strvec_free_all(&parts);
	return rc;
}
