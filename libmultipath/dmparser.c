// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * dm-multipath table and status strings. Parsing reads words through a
 * cursor that knows how many words remain, so that every count can be
 * checked before it is trusted. Disassembly parses into a struct parsed_table
 * first and only then touches the map and the path vector.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>

#include "config/keywords.h"
#include "dmparser.h"
#include "util/log.h"

enum {
	MAX_DEV_MAJOR = 4095,	 /* the kernel's 12-bit major */
	MAX_DEV_MINOR = 1048575, /* and 20-bit minor */
	DEVT_STR_SIZE = 16,
};

struct words {
	const char *p; /* next unread character */
	size_t left;   /* words not read yet */
};

struct word {
	const char *s;
	size_t len;
};

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static void words_init(struct words *w, const char *s)
{
	const char *p = s;

	w->p = s;
	w->left = 0;
	while (*p) {
		while (is_blank(*p))
			p++;
		if (!*p)
			break;
		w->left++;
		while (*p && !is_blank(*p))
			p++;
	}
}

static int word_next(struct words *w, struct word *out)
{
	if (!w->left)
		return -EINVAL;
	while (is_blank(*w->p))
		w->p++;
	out->s = w->p;
	while (*w->p && !is_blank(*w->p))
		w->p++;
	out->len = (size_t)(w->p - out->s);
	w->left--;
	return 0;
}

static bool word_is(const struct word *wd, const char *s)
{
	return wd->len == strlen(s) && !memcmp(wd->s, s, wd->len);
}

/* A decimal number of at most max, digits only. */
static int parse_num(const struct word *wd, unsigned long max, unsigned long *val)
{
	unsigned long v = 0;

	if (!wd->len)
		return -EINVAL;
	for (size_t i = 0; i < wd->len; i++) {
		unsigned d = (unsigned char)wd->s[i] - '0';

		if (d > 9 || v > (max - d) / 10)
			return -EINVAL;
		v = v * 10 + d;
	}
	*val = v;
	return 0;
}

static int read_num(struct words *w, unsigned long max, unsigned long *val)
{
	struct word wd;

	if (word_next(w, &wd) < 0)
		return -EINVAL;
	return parse_num(&wd, max, val);
}

/* A count that the words left must be able to satisfy. */
static int read_count(struct words *w, size_t *count)
{
	unsigned long v;

	if (read_num(w, ULONG_MAX, &v) < 0 || v > w->left)
		return -EINVAL;
	*count = v;
	return 0;
}

/* "major:minor" into a dev_t and its canonical text. */
static int parse_devt(const struct word *wd, dev_t *devt, char str[DEVT_STR_SIZE])
{
	const char *colon = memchr(wd->s, ':', wd->len);
	struct word maj, min;
	unsigned long ma, mi;

	if (!colon)
		return -EINVAL;
	maj = (struct word){wd->s, (size_t)(colon - wd->s)};
	min = (struct word){colon + 1, wd->len - maj.len - 1};
	if (parse_num(&maj, MAX_DEV_MAJOR, &ma) < 0 || parse_num(&min, MAX_DEV_MINOR, &mi) < 0)
		return -EINVAL;
	*devt = makedev(ma, mi);
	snprintf(str, DEVT_STR_SIZE, "%lu:%lu", ma, mi);
	return 0;
}

static int add_word(struct strbuf *sb, const struct word *wd)
{
	if (sb->len && strbuf_addch(sb, ' ') < 0)
		return -ENOMEM;
	return strbuf_add(sb, wd->s, wd->len) < 0 ? -ENOMEM : 0;
}

/* Copy n words to sb (NULL: skip them). */
static int copy_words(struct words *w, size_t n, struct strbuf *sb)
{
	struct word wd;

	for (size_t i = 0; i < n; i++) {
		if (word_next(w, &wd) < 0)
			return -EINVAL;
		if (sb && add_word(sb, &wd) < 0)
			return -ENOMEM;
	}
	return 0;
}

/* "<count> <word>...": normalised into sb (NULL: skipped). */
static int read_counted(struct words *w, struct strbuf *sb)
{
	size_t n;

	if (read_count(w, &n) < 0)
		return -EINVAL;
	if (sb && strbuf_addf(sb, "%s%zu", sb->len ? " " : "", n) < 0)
		return -ENOMEM;
	return copy_words(w, n, sb);
}

/* "<name> <count> <arg>...": normalised into sb (NULL: skipped). */
static int read_selector(struct words *w, struct strbuf *sb)
{
	struct word name;

	if (word_next(w, &name) < 0)
		return -EINVAL;
	if (sb && add_word(sb, &name) < 0)
		return -ENOMEM;
	return read_counted(w, sb);
}

static int check_nextpg(unsigned long nextpg, size_t npgs)
{
	if (npgs ? nextpg < 1 || nextpg > npgs : nextpg != 0)
		return -EINVAL;
	return 0;
}

/* ------------------------------------------------------------------------ */
/* Assembly                                                                 */
/* ------------------------------------------------------------------------ */

/* Append s (NULL: dflt) to sb after checking that it is one well-formed item
 * as read by rd, and nothing more. */
static int add_checked(struct strbuf *sb, const char *s, const char *dflt,
		       int (*rd)(struct words *, struct strbuf *))
{
	STRBUF_AUTO(tmp);
	struct words w;
	int rc;

	if (!s && !dflt)
		return -EINVAL;
	words_init(&w, s ? s : dflt);
	rc = rd(&w, &tmp);
	if (rc < 0)
		return rc;
	if (w.left || !tmp.len)
		return -EINVAL;
	return add_word(sb, &(struct word){tmp.buf, tmp.len});
}

static int add_path(const struct multipath *mpp, const struct path *pp, struct strbuf *sb)
{
	unsigned long long arg = mpp->minio > 0 ? (unsigned long long)mpp->minio : 1;
	char devt[DEVT_STR_SIZE];
	dev_t dummy;

	if (parse_devt(&(struct word){pp->dev_t, strlen(pp->dev_t)}, &dummy, devt) < 0)
		return -EINVAL;
	if (mpp->rr_weight == RR_WEIGHT_PRIORITIES && pp->priority > 0)
		arg *= (unsigned long long)pp->priority;
	if (arg > UINT_MAX)
		arg = UINT_MAX;
	return strbuf_addf(sb, " %s %llu", devt, arg) < 0 ? -ENOMEM : 0;
}

static int add_group(const struct multipath *mpp, const struct pathgroup *pg, struct strbuf *sb)
{
	int rc;

	if (!pg || !pg->paths.n || !mpp->selector)
		return -EINVAL;
	rc = add_checked(sb, mpp->selector, NULL, read_selector);
	if (rc < 0)
		return rc;
	if (strbuf_addf(sb, " %zu 1", pg->paths.n) < 0)
		return -ENOMEM;
	for (size_t i = 0; i < pg->paths.n; i++) {
		if (!pg->paths.items[i])
			return -EINVAL;
		rc = add_path(mpp, pg->paths.items[i], sb);
		if (rc < 0)
			return rc;
	}
	return 0;
}

static int assemble(const struct multipath *mpp, struct strbuf *sb)
{
	int rc;

	if (!mpp->pgs.n || mpp->nextpg < 0 || (size_t)mpp->nextpg > mpp->pgs.n)
		return -EINVAL;
	rc = add_checked(sb, mpp->features, "0", read_counted);
	if (rc == 0)
		rc = add_checked(sb, mpp->hwhandler, "0", read_counted);
	if (rc < 0)
		return rc;
	if (strbuf_addf(sb, " %zu %d", mpp->pgs.n, mpp->nextpg ? mpp->nextpg : 1) < 0)
		return -ENOMEM;
	for (size_t i = 0; i < mpp->pgs.n; i++) {
		rc = add_group(mpp, mpp->pgs.items[i], sb);
		if (rc < 0)
			return rc;
	}
	return 0;
}

int dmtable_assemble(const struct multipath *mpp, struct strbuf *params)
{
	STRBUF_AUTO(sb);
	int rc;

	if (!mpp || !params)
		return -EINVAL;
	rc = assemble(mpp, &sb);
	if (rc < 0) {
		mp_log(4, "dmtable: cannot assemble table of %s: %s", mpp->alias, errno_desc(-rc));
		return rc;
	}
	return strbuf_add(params, sb.buf, sb.len) < 0 ? -ENOMEM : 0;
}

/* ------------------------------------------------------------------------ */
/* Disassembly                                                              */
/* ------------------------------------------------------------------------ */

struct devnum {
	dev_t devt;
	char str[DEVT_STR_SIZE];
};
VECTOR_DEFINE(devnumvec, struct devnum)
VECTOR_DEFINE(sizevec, size_t)

/* A table, validated and split, before it is applied to a map. */
struct parsed_table {
	struct strbuf features, hwhandler, selector;
	unsigned long nextpg;
	bool has_minio;
	unsigned long minio;
	bool queue_if_no_path;
	struct sizevec pg_npaths; /* paths per group */
	struct devnumvec devs;	  /* all paths of all groups, in order */
};

static void parsed_table_release(struct parsed_table *t)
{
	strbuf_release(&t->features);
	strbuf_release(&t->hwhandler);
	strbuf_release(&t->selector);
	sizevec_release(&t->pg_npaths);
	devnumvec_release(&t->devs);
}

static bool features_queue(const char *features)
{
	struct words w;
	struct word wd;

	words_init(&w, features);
	while (word_next(&w, &wd) == 0)
		if (word_is(&wd, "queue_if_no_path"))
			return true;
	return false;
}

/* The paths of one group: "<#paths> <#args>" then "<devt> <args>..." each. */
static int parse_group_paths(struct words *w, struct parsed_table *t)
{
	struct devnum dn;
	struct word wd;
	size_t npaths, nargs;
	unsigned long v;

	if (read_count(w, &npaths) < 0 || !npaths || read_count(w, &nargs) < 0)
		return -EINVAL;
	if (npaths > w->left / (nargs + 1))
		return -EINVAL;
	if (sizevec_push(&t->pg_npaths, npaths) < 0)
		return -ENOMEM;
	for (size_t i = 0; i < npaths; i++) {
		if (word_next(w, &wd) < 0 || parse_devt(&wd, &dn.devt, dn.str) < 0)
			return -EINVAL;
		if (devnumvec_push(&t->devs, dn) < 0)
			return -ENOMEM;
		if (nargs && !t->has_minio) {
			if (read_num(w, UINT_MAX, &v) < 0)
				return -EINVAL;
			t->has_minio = true;
			t->minio = v > INT_MAX ? INT_MAX : v;
			if (copy_words(w, nargs - 1, NULL) < 0)
				return -EINVAL;
		} else if (copy_words(w, nargs, NULL) < 0) {
			return -EINVAL;
		}
	}
	return 0;
}

static int parse_group(struct words *w, struct parsed_table *t)
{
	STRBUF_AUTO(sel);
	int rc;

	rc = read_selector(w, &sel);
	if (rc < 0)
		return rc;
	if (!t->selector.len) {
		if (strbuf_add(&t->selector, sel.buf, sel.len) < 0)
			return -ENOMEM;
	} else if (strcmp(strbuf_str(&t->selector), strbuf_str(&sel))) {
		mp_log(4, "dmtable: group selector '%s' differs from '%s', ignored",
		       strbuf_str(&sel), strbuf_str(&t->selector));
	}
	return parse_group_paths(w, t);
}

static int parse_table(const char *params, struct parsed_table *t)
{
	struct words w;
	size_t npgs;
	int rc;

	words_init(&w, params);
	rc = read_counted(&w, &t->features);
	if (rc == 0)
		rc = read_counted(&w, &t->hwhandler);
	if (rc < 0)
		return rc;
	if (read_count(&w, &npgs) < 0 || npgs > w.left / 4 ||
	    read_num(&w, ULONG_MAX, &t->nextpg) < 0 || check_nextpg(t->nextpg, npgs) < 0)
		return -EINVAL;
	for (size_t i = 0; i < npgs; i++) {
		rc = parse_group(&w, t);
		if (rc < 0)
			return rc;
	}
	if (w.left)
		return -EINVAL;
	t->queue_if_no_path = features_queue(strbuf_str(&t->features));
	return 0;
}

/* The objects a parsed table becomes, built before the map is touched. */
struct table_objects {
	struct pgvec pgs;
	struct pathvec paths;	/* each path once */
	struct pathvec created; /* paths not in pv before */
	char *features, *hwhandler, *selector;
};

static void table_objects_release(struct table_objects *o)
{
	for (size_t i = 0; i < o->pgs.n; i++)
		pathgroup_free(o->pgs.items[i]);
	pgvec_release(&o->pgs);
	pathvec_release(&o->paths);
	pathvec_free(&o->created);
	free(o->features);
	free(o->hwhandler);
	free(o->selector);
}

static bool pathvec_has(const struct pathvec *pv, const struct path *pp)
{
	for (size_t i = 0; i < pv->n; i++)
		if (pv->items[i] == pp)
			return true;
	return false;
}

static int get_path(const struct devnum *dn, struct pathvec *pv, struct table_objects *o,
		    struct path **out)
{
	struct path *pp = pathvec_find_devt(pv, dn->str);

	if (!pp)
		pp = pathvec_find_devt(&o->created, dn->str);
	if (!pp) {
		pp = path_new();
		if (!pp)
			return -ENOMEM;
		strlcpy_trunc(pp->dev_t, dn->str, sizeof(pp->dev_t));
		pp->devt = dn->devt;
		if (pathvec_push(&o->created, pp) < 0) {
			path_free(pp);
			return -ENOMEM;
		}
	}
	if (!pathvec_has(&o->paths, pp) && pathvec_push(&o->paths, pp) < 0)
		return -ENOMEM;
	*out = pp;
	return 0;
}

static int build_objects(struct parsed_table *t, struct pathvec *pv, struct table_objects *o)
{
	bool has_selector = t->selector.len > 0;
	struct pathgroup *pg;
	struct path *pp;
	size_t d = 0;

	for (size_t i = 0; i < t->pg_npaths.n; i++) {
		pg = pathgroup_new();
		if (!pg)
			return -ENOMEM;
		if (pgvec_push(&o->pgs, pg) < 0) {
			pathgroup_free(pg);
			return -ENOMEM;
		}
		for (size_t j = 0; j < t->pg_npaths.items[i]; j++) {
			if (get_path(&t->devs.items[d++], pv, o, &pp) < 0 ||
			    pathvec_push(&pg->paths, pp) < 0)
				return -ENOMEM;
		}
	}
	o->features = strbuf_detach(&t->features);
	o->hwhandler = strbuf_detach(&t->hwhandler);
	o->selector = has_selector ? strbuf_detach(&t->selector) : NULL;
	if (!o->features || !o->hwhandler || (has_selector && !o->selector))
		return -ENOMEM;
	/* the created paths must fit into pv without a failure later */
	return vector_grow_raw((void **)&pv->items, &pv->alloc, pv->n + o->created.n,
			       sizeof(*pv->items));
}

/* Cannot fail: everything was allocated by build_objects(). */
static void commit_objects(struct parsed_table *t, struct table_objects *o, struct multipath *mpp,
			   struct pathvec *pv)
{
	for (size_t i = 0; i < o->created.n; i++)
		pv->items[pv->n++] = o->created.items[i];
	pathvec_release(&o->created);

	for (size_t i = 0; i < mpp->paths.n; i++)
		if (mpp->paths.items[i]->mpp == mpp)
			mpp->paths.items[i]->mpp = NULL;
	map_free_pgs(mpp);
	pathvec_release(&mpp->paths);
	mpp->pgs = o->pgs;
	mpp->paths = o->paths;
	o->pgs = (struct pgvec){0};
	o->paths = (struct pathvec){0};
	for (size_t i = 0; i < mpp->paths.n; i++)
		mpp->paths.items[i]->mpp = mpp;

	free(mpp->features);
	free(mpp->hwhandler);
	mpp->features = o->features;
	mpp->hwhandler = o->hwhandler;
	o->features = o->hwhandler = NULL;
	if (o->selector) {
		free(mpp->selector);
		mpp->selector = o->selector;
		o->selector = NULL;
	}
	mpp->nextpg = (int)t->nextpg;
	if (t->has_minio)
		mpp->minio = (int)t->minio;
	mpp->queue_if_no_path = t->queue_if_no_path;
}

int dmtable_disassemble(const char *params, struct multipath *mpp, struct pathvec *pv)
{
	struct parsed_table t = {0};
	struct table_objects o = {0};
	int rc;

	if (!params || !mpp || !pv)
		return -EINVAL;
	rc = parse_table(params, &t);
	if (rc == 0)
		rc = build_objects(&t, pv, &o);
	if (rc == 0)
		commit_objects(&t, &o, mpp, pv);
	else
		mp_log(4, "dmtable: cannot disassemble table '%s': %s", params, errno_desc(-rc));
	table_objects_release(&o);
	parsed_table_release(&t);
	return rc;
}

/* ------------------------------------------------------------------------ */
/* Status                                                                   */
/* ------------------------------------------------------------------------ */

static int parse_pg_state(const struct word *wd, enum pg_state *st)
{
	if (word_is(wd, "A"))
		*st = PGSTATE_ACTIVE;
	else if (word_is(wd, "E"))
		*st = PGSTATE_ENABLED;
	else if (word_is(wd, "D"))
		*st = PGSTATE_DISABLED;
	else
		return -EINVAL;
	return 0;
}

/* "<devt> <A|F> <failcount> <args>..." of the path pp. */
static int status_path(struct words *w, size_t nargs, struct path *pp, bool apply)
{
	char devt[DEVT_STR_SIZE];
	struct word wd, st;
	unsigned long fails;
	dev_t dummy;

	if (word_next(w, &wd) < 0 || parse_devt(&wd, &dummy, devt) < 0 || !pp ||
	    strcmp(devt, pp->dev_t))
		return -EINVAL;
	if (word_next(w, &st) < 0 || !(word_is(&st, "A") || word_is(&st, "F")))
		return -EINVAL;
	if (read_num(w, UINT_MAX, &fails) < 0 || copy_words(w, nargs, NULL) < 0)
		return -EINVAL;
	if (apply) {
		pp->dmstate = word_is(&st, "A") ? PSTATE_ACTIVE : PSTATE_FAILED;
		pp->failcount = fails > INT_MAX ? INT_MAX : (int)fails;
	}
	return 0;
}

static int status_group(struct words *w, struct pathgroup *pg, bool apply)
{
	enum pg_state st;
	struct word wd;
	size_t npaths, nargs;

	if (!pg || word_next(w, &wd) < 0 || parse_pg_state(&wd, &st) < 0)
		return -EINVAL;
	if (read_counted(w, NULL) < 0 || read_count(w, &npaths) < 0 || npaths != pg->paths.n ||
	    read_count(w, &nargs) < 0)
		return -EINVAL;
	if (npaths && npaths > w->left / (nargs + 3))
		return -EINVAL;
	for (size_t i = 0; i < npaths; i++)
		if (status_path(w, nargs, pg->paths.items[i], apply) < 0)
			return -EINVAL;
	if (apply)
		pg->status = st;
	return 0;
}

/* Walk the status; with apply false only validate, so that the second walk
 * (apply true) of the same string cannot fail half-way. */
static int status_walk(const char *params, struct multipath *mpp, bool apply)
{
	unsigned long nextpg;
	struct words w;
	size_t npgs;

	words_init(&w, params);
	if (read_counted(&w, NULL) < 0 || read_counted(&w, NULL) < 0)
		return -EINVAL;
	if (read_count(&w, &npgs) < 0 || npgs != mpp->pgs.n ||
	    read_num(&w, ULONG_MAX, &nextpg) < 0 || check_nextpg(nextpg, npgs) < 0)
		return -EINVAL;
	for (size_t i = 0; i < npgs; i++)
		if (status_group(&w, mpp->pgs.items[i], apply) < 0)
			return -EINVAL;
	if (w.left)
		return -EINVAL;
	if (apply)
		mpp->nextpg = (int)nextpg;
	return 0;
}

int dmtable_parse_status(const char *params, struct multipath *mpp)
{
	if (!params || !mpp)
		return -EINVAL;
	if (status_walk(params, mpp, false) < 0) {
		mp_log(4, "dmtable: status '%s' does not match map %s", params, mpp->alias);
		return -EINVAL;
	}
	status_walk(params, mpp, true);
	return 0;
}
